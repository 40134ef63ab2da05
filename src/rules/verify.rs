//! A rule's own tests: every `examples:` entry is read as a one-paragraph
//! document and checked. Outcomes follow detection theory: Validated (a
//! negative example stays silent), Reported (a positive example is found
//! with the right value), Noisy (a negative example fires), Missing (a
//! positive example is not found), Wrong (found with the wrong value,
//! qualifier, kind, date or attribution). `figcheck rules test` and
//! `cargo test` run this same code over the pack.

use std::fmt;

use super::RulePack;
use super::compile::{Expectation, Rule};
use crate::document::{Document, Format, MetaFields};
use crate::extract;
use crate::quantity::{Recognizer, format_number};

/// The outcome of one example.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    Validated,
    Reported,
    Noisy(String),
    Missing(String),
    Wrong(String),
}

impl Verdict {
    pub fn passed(&self) -> bool {
        matches!(self, Verdict::Validated | Verdict::Reported)
    }

    pub fn name(&self) -> &'static str {
        match self {
            Verdict::Validated => "Validated",
            Verdict::Reported => "Reported",
            Verdict::Noisy(_) => "Noisy",
            Verdict::Missing(_) => "Missing",
            Verdict::Wrong(_) => "Wrong",
        }
    }

    /// One letter for the progress line: `.` passed, `N` noisy, `M` missing, `W` wrong.
    pub fn letter(&self) -> char {
        match self {
            Verdict::Validated | Verdict::Reported => '.',
            Verdict::Noisy(_) => 'N',
            Verdict::Missing(_) => 'M',
            Verdict::Wrong(_) => 'W',
        }
    }
}

impl fmt::Display for Verdict {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Verdict::Validated | Verdict::Reported => f.write_str(self.name()),
            Verdict::Noisy(m) | Verdict::Missing(m) | Verdict::Wrong(m) => write!(f, "{}: {m}", self.name()),
        }
    }
}

/// The result of one example of one rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExampleResult {
    pub rule: String,
    /// 0-based index in the rule's `examples`.
    pub index: usize,
    pub text: String,
    pub verdict: Verdict,
}

/// Why a rule did not bind anything in a text, for Missing.
fn why_missing(doc: &Document, pack: &RulePack, rule_index: usize) -> String {
    let quantities = Recognizer::english().recognize(&doc.text);
    let matches = extract::match_document(doc, &quantities, pack);
    let first = matches.iter().find_map(|m| m.attempts.iter().find(|a| a.rule == rule_index).map(|a| (m, a)));
    if let Some((m, a)) = first {
        let fig = &quantities[m.figures[a.figure]].text;
        return a.outcome.describe(fig, a.pattern + 1, &pack.rules[rule_index].id);
    }
    if quantities.iter().any(|q| q.is_count()) {
        "no pattern matched".into()
    } else {
        "no figure was recognised".into()
    }
}

/// Run one rule's examples against the whole pack.
pub fn verify_rule(pack: &RulePack, rule: &Rule) -> Vec<ExampleResult> {
    let rule_index = pack.rules.iter().position(|r| r.id == rule.id).expect("rule in pack");
    rule.examples
        .iter()
        .enumerate()
        .map(|(index, ex)| {
            let meta = MetaFields { published: ex.published, ..Default::default() };
            let mut problems = Vec::new();
            let doc = Document::build("<example>".into(), Format::Text, ex.text.clone(), Some(meta), &mut problems);
            let claims: Vec<_> = extract::extract(&doc, pack).into_iter().filter(|c| *c.rule() == rule.id).collect();
            let verdict = match &ex.expect {
                Expectation::Nothing => match claims.first() {
                    None => Verdict::Validated,
                    Some(c) => {
                        Verdict::Noisy(format!("claimed `{}` ({})", c.quantity.text, format_number(c.quantity.value)))
                    }
                },
                Expectation::Figure { value, qualifier, kind, as_of, attribution, event } => {
                    if claims.is_empty() {
                        Verdict::Missing(why_missing(&doc, pack, rule_index))
                    } else {
                        let problems_of = |c: &extract::Claim| -> Vec<String> {
                            let mut p = Vec::new();
                            let v = c.quantity.value;
                            if (v - value).abs() > 1e-9 * value.abs().max(1.0) {
                                p.push(format!("value {} (expected {})", format_number(v), format_number(*value)));
                            }
                            if let Some(q) = qualifier
                                && c.quantity.qualifier != *q
                            {
                                p.push(format!("qualifier {} (expected {q})", c.quantity.qualifier));
                            }
                            if let Some(k) = kind
                                && c.quantity.kind.name() != k
                            {
                                p.push(format!("kind {} (expected {k})", c.quantity.kind));
                            }
                            if let Some(d) = as_of
                                && c.as_of.date != Some(*d)
                            {
                                p.push(format!("as of {} (expected {d})", c.as_of.describe()));
                            }
                            if let Some(a) = attribution
                                && c.attribution.as_ref().map(|x| x.key()) != Some(a.as_str())
                            {
                                let got = c.attribution.as_ref().map_or("nobody".to_string(), |x| x.key().to_string());
                                p.push(format!("attributed to {got} (expected {a})"));
                            }
                            if let Some(e) = event
                                && c.event_name().map(|x| &**x) != Some(e.as_str())
                            {
                                let got = c.event_name().map_or("no event".to_string(), |x| format!("event {x}"));
                                p.push(format!("{got} (expected {e})"));
                            }
                            p
                        };
                        match claims.iter().find(|c| problems_of(c).is_empty()) {
                            Some(_) => Verdict::Reported,
                            None => Verdict::Wrong(format!(
                                "`{}`: {}",
                                claims[0].quantity.text,
                                problems_of(&claims[0]).join(", ")
                            )),
                        }
                    }
                }
            };
            ExampleResult { rule: rule.id.to_string(), index, text: ex.text.clone(), verdict }
        })
        .collect()
}

/// Run every rule's examples.
pub fn verify_all(pack: &RulePack) -> Vec<ExampleResult> {
    pack.rules.iter().flat_map(|r| verify_rule(pack, r)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The embedded pack passes its own examples: the same check as `figcheck rules test`.
    #[test]
    fn every_default_rule_passes_its_examples() {
        let pack = RulePack::default_pack();
        let failures: Vec<String> = verify_all(&pack)
            .into_iter()
            .filter(|r| !r.verdict.passed())
            .map(|r| format!("{} example {}: {}\n    {}", r.rule, r.index + 1, r.verdict, r.text))
            .collect();
        assert!(failures.is_empty(), "rule examples failed:\n{}", failures.join("\n"));
    }

    #[test]
    fn every_default_rule_has_positive_and_negative_examples() {
        for r in &RulePack::default_pack().rules {
            let pos = r.examples.iter().filter(|e| e.expect != Expectation::Nothing).count();
            let neg = r.examples.len() - pos;
            assert!(pos >= 1 && neg >= 1, "{}: {pos} positive and {neg} negative examples", r.id);
        }
    }
}
