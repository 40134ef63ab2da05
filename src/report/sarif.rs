//! SARIF 2.1.0 for code scanning: one rule per finding kind, one result
//! per finding at its figure, the claims it is compared with as related
//! locations, and the finding id as a partial fingerprint so results stay
//! matched across edits.

use std::io::{self, Write};

use serde_json::{Value, json};

use super::{Context, Reporter};
use crate::compare::FindingKind;
use crate::diagnostic::Located;
use crate::rules::Severity;

pub struct Sarif;

const KINDS: [(FindingKind, &str); 10] = [
    (FindingKind::Discrepancy, "Claims that should agree do not"),
    (FindingKind::Revision, "A fixed figure was revised"),
    (FindingKind::Regression, "A running total went down"),
    (FindingKind::Stale, "A figure matches an older report of the reference series"),
    (FindingKind::OrdinalConflict, "An event number is repeated or out of order"),
    (FindingKind::RelationViolation, "A part exceeds its whole"),
    (FindingKind::HeadlineMismatch, "A headline disagrees with its body"),
    (FindingKind::DatasetMismatch, "A figure matches no reference value in its window"),
    (FindingKind::Corroborated, "Independent claims agree"),
    (FindingKind::DatasetMatch, "A figure matches the reference series"),
];

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

fn location(l: &Located<'_>) -> Value {
    json!({
        "physicalLocation": {
            "artifactLocation": { "uri": l.path },
            "region": {
                "startLine": l.line,
                "startColumn": l.column,
                "endLine": l.end_line,
                "endColumn": l.end_column
            }
        }
    })
}

impl Reporter for Sarif {
    fn render(&self, cx: &Context<'_>, out: &mut dyn Write) -> io::Result<()> {
        let rules: Vec<Value> = KINDS
            .iter()
            .map(|(k, text)| {
                json!({
                    "id": k.name(),
                    "name": k.name(),
                    "shortDescription": { "text": text },
                    "defaultConfiguration": { "level": if k.is_agreement() { "note" } else { "error" } }
                })
            })
            .collect();
        let results: Vec<Value> = cx
            .diagnostics
            .iter()
            .map(|d| {
                let f = d.finding;
                let related: Vec<Value> = d
                    .related
                    .iter()
                    .enumerate()
                    .map(|(i, r)| {
                        let mut v = location(r);
                        v["id"] = json!(i + 1);
                        v["message"] = json!({ "text": r.message });
                        v
                    })
                    .collect();
                let rule_index = KINDS.iter().position(|(k, _)| *k == f.kind).unwrap_or(0);
                json!({
                    "ruleId": f.kind.name(),
                    "ruleIndex": rule_index,
                    "level": level(f.severity),
                    "message": { "text": format!("{} ({}): {}", f.metric, f.kind.name(), f.explanation) },
                    "locations": [location(&d.primary)],
                    "relatedLocations": related,
                    "partialFingerprints": { "figcheckFinding/v1": f.id },
                    "properties": { "metric": f.metric, "rule": f.rule, "findingId": f.id }
                })
            })
            .collect();
        let sarif = json!({
            "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
            "version": "2.1.0",
            "runs": [{
                "tool": {
                    "driver": {
                        "name": "figcheck",
                        "version": env!("CARGO_PKG_VERSION"),
                        "rules": rules
                    }
                },
                "results": results
            }]
        });
        serde_json::to_writer_pretty(&mut *out, &sarif)?;
        writeln!(out)
    }
}
