//! Finding → diagnostic: the claim an editor should look at first (the
//! primary location) and the claims it is compared with (related
//! locations), each with a short message. Every reporter reads these.

use crate::compare::{Finding, FindingKind, format_count};
use crate::extract::Claim;

/// Where a claim is, and what to say there.
#[derive(Debug, Clone, PartialEq)]
pub struct Located<'a> {
    /// Index of the claim.
    pub claim: usize,
    pub path: &'a str,
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
    /// The figure as written.
    pub text: &'a str,
}

impl Located<'_> {
    /// What to say at the claim: `1,400 (The Times, 2023-10-19)`. Made when
    /// rendered: a large run has many located claims.
    pub fn message(&self, claims: &[Claim]) -> String {
        use std::fmt::Write;
        let c = &claims[self.claim];
        let who = c.citation.publisher().unwrap_or(c.citation.path());
        // One string, written in place: a SARIF result can cite thousands.
        let mut s = String::with_capacity(c.quantity.text.len() + who.len() + 48);
        s.push_str(&c.quantity.text);
        s.push_str(" (");
        s.push_str(who);
        s.push_str(", ");
        match c.as_of.date {
            Some(d) => write!(s, "{d}").expect("writing to a string"),
            None => s.push_str("undated"),
        }
        if let Some(a) = &c.attribution {
            s.push_str(", according to ");
            s.push_str(&a.name);
        }
        s.push(')');
        s
    }
}

/// A finding ready to render.
#[derive(Debug, Clone, PartialEq)]
pub struct Diagnostic<'a> {
    pub finding: &'a Finding,
    /// `stale gaza.killed`.
    pub title: String,
    pub primary: Located<'a>,
    pub related: Vec<Located<'a>>,
}

fn locate<'a>(claims: &'a [Claim], i: usize) -> Located<'a> {
    let c = &claims[i];
    Located {
        claim: i,
        path: c.citation.path(),
        line: c.citation.line as usize,
        column: c.citation.column as usize,
        end_line: c.citation.end_line as usize,
        end_column: c.citation.end_column as usize,
        text: &c.quantity.text,
    }
}

/// The group an editor should look at: the later, lower, stale, larger,
/// or less supported side.
fn primary_group(f: &Finding) -> usize {
    match f.kind {
        FindingKind::Regression | FindingKind::OrdinalConflict => f.groups.len() - 1,
        FindingKind::Discrepancy => {
            // The side with the fewest claims, the later one on a tie.
            let mut best = 0;
            for (k, g) in f.groups.iter().enumerate() {
                if g.claims.len() <= f.groups[best].claims.len() {
                    best = k;
                }
            }
            best
        }
        _ => 0,
    }
}

/// Where an editor should look for finding `f`: the last claim of its
/// primary group.
pub fn primary<'a>(f: &Finding, claims: &'a [Claim]) -> Located<'a> {
    locate(claims, *f.groups[primary_group(f)].claims.last().expect("a group has claims"))
}

impl<'a> Diagnostic<'a> {
    pub fn new(f: &'a Finding, claims: &'a [Claim]) -> Diagnostic<'a> {
        let primary = primary(f, claims);
        let primary_claim = primary.claim;
        let related = f.claims().filter(|&i| i != primary_claim).map(|i| locate(claims, i)).collect();
        Diagnostic { finding: f, title: format!("{} {}", f.kind.name(), f.metric), primary, related }
    }

    /// A one-line note on the reference series, if the finding cites one.
    pub fn series_note(&self) -> Option<String> {
        let s = self.finding.series.as_ref()?;
        let state = match s.reported {
            Some(false) => " (filled in between reports)",
            _ => "",
        };
        Some(format!("{}: {} on {}{state} [{}]", s.dataset, format_count(s.value), s.date, s.path))
    }
}

/// Diagnostics for findings, in the findings' order.
pub fn diagnostics<'a>(findings: &[&'a Finding], claims: &'a [Claim]) -> Vec<Diagnostic<'a>> {
    findings.iter().map(|f| Diagnostic::new(f, claims)).collect()
}
