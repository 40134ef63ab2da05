//! SARIF 2.1.0 for code scanning: one rule per kind of problem, one
//! result per problem at its figure, the claims it is compared with as
//! related locations (at most a hundred), and the finding id as a partial
//! fingerprint so results stay matched across edits. Agreements are left
//! out: GitHub code scanning makes an alert of every result, whatever its
//! level or `kind`, and an alert that figures agree is noise to dismiss.
//! The other reports list them. At most 25,000 results, the most severe,
//! and a note of the rest: GitHub rejects a run of more.

use std::io::{self, Write};

use serde::Serialize;

use super::{Context, Out, Reporter};
use crate::compare::{FindingKind, format_count};
use crate::diagnostic::Located;
use crate::rules::Severity;

pub struct Sarif;

/// The kinds of problem; agreements have no rule, as they have no result.
const KINDS: [(FindingKind, &str); 9] = [
    (FindingKind::Discrepancy, "Claims that should agree do not"),
    (FindingKind::Revision, "A fixed figure was revised"),
    (FindingKind::Regression, "A running total went down"),
    (FindingKind::Stale, "A figure matches an older report of the reference series"),
    (FindingKind::OrdinalConflict, "An event number is repeated or out of order"),
    (FindingKind::RelationViolation, "A part exceeds its whole"),
    (FindingKind::HeadlineMismatch, "A headline disagrees with its body"),
    (FindingKind::MalformedFigure, "A figure's digits are no well-formed number"),
    (FindingKind::DatasetMismatch, "A figure matches no reference value in its window"),
];

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

// Typed records borrowing the findings, fields in alphabetical order (the
// order SARIF consumers and our snapshots have always seen): a value tree
// of a large report cost ten times its size in memory.

#[derive(Serialize)]
struct Text<'a> {
    text: std::borrow::Cow<'a, str>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Region {
    end_column: usize,
    end_line: usize,
    start_column: usize,
    start_line: usize,
}

#[derive(Serialize)]
struct Artifact<'a> {
    uri: &'a str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Physical<'a> {
    artifact_location: Artifact<'a>,
    region: Region,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Location<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    message: Option<Text<'a>>,
    physical_location: Physical<'a>,
}

fn location<'a>(l: &Located<'a>) -> Location<'a> {
    Location {
        id: None,
        message: None,
        physical_location: Physical {
            artifact_location: Artifact { uri: l.path },
            region: Region {
                end_column: l.end_column,
                end_line: l.end_line,
                start_column: l.column,
                start_line: l.line,
            },
        },
    }
}

#[derive(Serialize)]
struct Level {
    level: &'static str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Rule {
    default_configuration: Level,
    id: &'static str,
    name: &'static str,
    short_description: Text<'static>,
}

#[derive(Serialize)]
struct Fingerprints<'a> {
    #[serde(rename = "figcheckFinding/v1")]
    finding: &'a str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Properties<'a> {
    finding_id: &'a str,
    metric: &'a str,
    rule: &'a str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifResult<'a> {
    level: &'static str,
    locations: [Location<'a>; 1],
    message: Text<'a>,
    partial_fingerprints: Fingerprints<'a>,
    properties: Properties<'a>,
    related_locations: Vec<Location<'a>>,
    rule_id: &'static str,
    rule_index: usize,
}

#[derive(Serialize)]
struct Driver {
    name: &'static str,
    rules: Vec<Rule>,
    version: &'static str,
}

#[derive(Serialize)]
struct Tool {
    driver: Driver,
}

#[derive(Serialize)]
struct Run<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    invocations: Option<[Invocation; 1]>,
    results: Results<'a>,
    tool: Tool,
}

/// The run, when there is something to say of it: that results were left out.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Invocation {
    execution_successful: bool,
    tool_execution_notifications: [Notification; 1],
}

#[derive(Serialize)]
struct Notification {
    level: &'static str,
    message: Text<'static>,
}

/// The most results a file lists: GitHub code scanning rejects a run of
/// more than 25,000 (and shows the 5,000 most severe), and an archive's
/// run has more problems than that. The findings come errors first, so
/// the ones listed are the most severe; the JSON report lists them all.
const RESULTS: usize = 25_000;

/// The most related locations a result lists: GitHub code scanning shows
/// 100 locations of a result and rejects a file with more than 1,000 in
/// one, and a finding over an archive cites thousands of claims. The
/// message says how many there are; the JSON report lists them all.
const RELATED_LOCATIONS: usize = 100;

/// The first so many results, each made as it is written: a large run has many.
struct Results<'a>(&'a Context<'a>, usize);

impl Serialize for Results<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let claims = &self.0.analysis.claims;
        s.collect_seq(self.0.diagnostics_of(false, RELATED_LOCATIONS).take(self.1).map(|d| {
            let f = d.finding;
            let related = d
                .related
                .iter()
                .enumerate()
                .map(|(i, r)| Location {
                    id: Some(i + 1),
                    message: Some(Text { text: r.message(claims).into() }),
                    ..location(r)
                })
                .collect();
            SarifResult {
                level: level(f.severity),
                locations: [location(&d.primary)],
                message: Text {
                    text: match d.omitted_note() {
                        None => format!("{} ({}): {}", f.metric(), f.kind.name(), f.explanation()),
                        Some(note) => format!("{} ({}): {} {note}.", f.metric(), f.kind.name(), f.explanation()),
                    }
                    .into(),
                },
                partial_fingerprints: Fingerprints { finding: &f.id },
                properties: Properties { finding_id: &f.id, metric: f.metric(), rule: f.rule() },
                related_locations: related,
                rule_id: f.kind.name(),
                rule_index: KINDS.iter().position(|(k, _)| *k == f.kind).unwrap_or(0),
            }
        }))
    }
}

#[derive(Serialize)]
struct Log<'a> {
    #[serde(rename = "$schema")]
    schema: &'static str,
    runs: [Run<'a>; 1],
    version: &'static str,
}

impl Reporter for Sarif {
    fn render(&self, cx: &Context<'_>, out: &mut Out<'_>) -> io::Result<()> {
        render(cx, out, RESULTS)
    }
}

/// The log, listing at most `limit` results.
fn render(cx: &Context<'_>, out: &mut Out<'_>, limit: usize) -> io::Result<()> {
    let problems = cx.findings.iter().filter(|f| !f.kind.is_agreement()).count();
    let invocations = (problems > limit).then(|| {
        let text = format!(
            "{} problems: the first {} are listed, errors first, as GitHub code scanning rejects a run of more results; the JSON report lists them all.",
            format_count(problems as f64),
            format_count(limit as f64)
        );
        [Invocation {
            execution_successful: true,
            tool_execution_notifications: [Notification { level: "warning", message: Text { text: text.into() } }],
        }]
    });
    let rules: Vec<Rule> = KINDS
        .iter()
        .map(|(k, text)| Rule {
            default_configuration: Level { level: "error" },
            id: k.name(),
            name: k.name(),
            short_description: Text { text: (*text).into() },
        })
        .collect();
    let log = Log {
        schema: "https://json.schemastore.org/sarif-2.1.0.json",
        runs: [Run {
            invocations,
            results: Results(cx, limit),
            tool: Tool { driver: Driver { name: "figcheck", rules, version: env!("CARGO_PKG_VERSION") } },
        }],
        version: "2.1.0",
    };
    // A result, rule or artifact per line.
    super::json_layout::write(&mut *out, &log, 4)?;
    writeln!(out)
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use serde_json::Value;

    use super::*;
    use crate::analysis::{Options, analyze};
    use crate::rules::RulePack;

    fn log(limit: usize) -> (Value, usize) {
        let fixture = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/discrepancies"));
        let a = analyze(&[fixture], None, &RulePack::default_pack(), &Options::default());
        let cx = Context::new("t", &a, a.findings.iter().collect());
        let mut bytes = Vec::new();
        {
            let mut out: Out<'_> = io::BufWriter::new(&mut bytes);
            render(&cx, &mut out, limit).unwrap();
        }
        let problems = a.findings.iter().filter(|f| !f.kind.is_agreement()).count();
        (serde_json::from_slice(&bytes).unwrap(), problems)
    }

    /// Past the limit, the most severe results are listed and the run
    /// says how many were left out; under it, the run says nothing.
    #[test]
    fn a_run_past_the_limit_lists_the_most_severe_and_says_so() {
        let (whole, problems) = log(RESULTS);
        assert!(problems > 3, "the fixture has {problems} problems");
        let results = whole["runs"][0]["results"].as_array().unwrap();
        assert_eq!(results.len(), problems);
        assert!(whole["runs"][0].get("invocations").is_none());

        let (cut, _) = log(3);
        let run = &cut["runs"][0];
        assert_eq!(run["results"].as_array().unwrap()[..], results[..3]);
        assert!(results[..3].iter().all(|r| r["level"] == "error"));
        let said = &run["invocations"][0];
        assert_eq!(said["executionSuccessful"], true);
        assert_eq!(
            said["toolExecutionNotifications"][0]["message"]["text"],
            format!(
                "{problems} problems: the first 3 are listed, errors first, as GitHub code scanning rejects a run of more results; the JSON report lists them all."
            )
        );
    }
}
