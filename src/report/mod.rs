//! Everything that turns results into text for people and machines.
//!
//! Findings are rendered through one trait, `Reporter`, one format per
//! file: `terminal`, `concise`, `github`, `markdown`, `html`, `json` (and
//! its JSON Lines stream), `sarif`, `junit`. `quantities`, `claims`,
//! `explain` and `rules` print the other subcommands' output.

pub mod atomic;
pub mod chart;
pub mod claims;
pub mod concise;
pub mod explain;
pub mod github;
pub mod html;
pub mod json;
mod json_layout;
pub mod junit;
pub mod markdown;
pub mod quantities;
pub mod rules;
pub mod sarif;
pub mod terminal;

use std::collections::{BTreeMap, BTreeSet};
use std::io::{self, Write};
use std::sync::{Arc, OnceLock};
use std::time::Duration;

use crate::analysis::Analysis;
use crate::compare::{Finding, FindingKind};
use crate::config::{FailOn, OutputFormat};
use crate::diagnostic::{Diagnostic, Located};
use crate::document::DocumentInfo;
use crate::extract::Claim;
use crate::rules::Severity;

pub use atomic::{Staged, exit_removing_staged, write_all_atomically, write_all_atomically_in, write_atomically};

/// What every reporter is given.
pub struct Context<'a> {
    /// The report's name (`seeds`).
    pub name: &'a str,
    pub analysis: &'a Analysis,
    /// The findings shown: after the baseline.
    pub findings: Vec<&'a Finding>,
    /// Findings hidden by the baseline.
    pub baselined: usize,
    /// Claims dropped by `figcheck-ignore` comments.
    pub suppressed: usize,
    pub fail_on: FailOn,
    /// Colour on a terminal (never with NO_COLOR).
    pub color: bool,
    /// Time taken, for the terminal summary only (reports stay byte-identical).
    pub elapsed: Option<Duration>,
    /// Made by the first report that shows them (HTML and Markdown both do).
    tables: OnceLock<MetricTables>,
}

/// The reports' tables of claims by metric.
pub struct MetricTables {
    /// Per metric: its name, its description and its claims in table
    /// order (as-of date, then path and position).
    pub tables: Vec<(Arc<str>, String, Vec<usize>)>,
    /// The verdict in words of each claim the tables show.
    pub verdicts: BTreeMap<usize, String>,
}

impl<'a> Context<'a> {
    pub fn new(name: &'a str, analysis: &'a Analysis, findings: Vec<&'a Finding>) -> Context<'a> {
        Context {
            name,
            analysis,
            findings,
            baselined: 0,
            suppressed: 0,
            fail_on: FailOn::Error,
            color: false,
            elapsed: None,
            tables: OnceLock::new(),
        }
    }

    /// The tables of claims by metric, with the verdicts of the claims
    /// they show (the first `TABLE_ROWS` of each).
    pub fn metric_tables(&self) -> &MetricTables {
        self.tables.get_or_init(|| {
            let tables = tables_by_metric(self);
            let shown: BTreeSet<usize> = tables.iter().flat_map(|t| t.2.iter().take(TABLE_ROWS).copied()).collect();
            let found = self.verdicts(&shown);
            let verdicts = shown.into_iter().map(|i| (i, verdict_text(found.get(&i)))).collect();
            MetricTables { tables, verdicts }
        })
    }

    /// The shown findings ready to render, each with at most `related`
    /// related claims (`Diagnostic::sampled`), made one at a time as they
    /// are written: a large run has many, each citing many claims.
    pub fn diagnostics(&self, related: usize) -> impl Iterator<Item = Diagnostic<'a>> + '_ {
        self.findings.iter().map(move |f| Diagnostic::sampled(f, &self.analysis.claims, related))
    }

    /// The shown problems (`agreements` false) or agreements (true), as
    /// `diagnostics`: made for those only.
    pub fn diagnostics_of(&self, agreements: bool, related: usize) -> impl Iterator<Item = Diagnostic<'a>> + '_ {
        self.findings
            .iter()
            .filter(move |f| f.kind.is_agreement() == agreements)
            .map(move |f| Diagnostic::sampled(f, &self.analysis.claims, related))
    }

    /// Whether any shown finding is a problem (`agreements` false) or an
    /// agreement (true): asked without building a diagnostic.
    pub fn shows(&self, agreements: bool) -> bool {
        self.findings.iter().any(|f| f.kind.is_agreement() == agreements)
    }

    /// Each shown finding and the place an editor should look at, for
    /// views that cite one place a finding (no list of the other claims).
    pub fn located(&self) -> impl Iterator<Item = (&'a Finding, Located<'a>)> + '_ {
        self.findings.iter().map(|f| (*f, crate::diagnostic::primary(f, &self.analysis.claims)))
    }

    pub fn count(&self, s: Severity) -> usize {
        self.findings.iter().filter(|f| f.severity == s).count()
    }

    /// The shown findings counted by metric, for a report too long to take
    /// in at once (more than `GLANCE_OVER` findings), else `None`: per
    /// metric, its description and its errors, warnings, notes (problems
    /// of note severity) and agreements, by metric name.
    pub fn at_a_glance(&self) -> Option<Vec<(&'a str, &'a str, [usize; 4])>> {
        if self.findings.len() <= GLANCE_OVER {
            return None;
        }
        let mut by_metric: BTreeMap<&'a str, [usize; 4]> = BTreeMap::new();
        for f in &self.findings {
            let column = match (f.kind.is_agreement(), f.severity) {
                (true, _) => 3,
                (false, Severity::Error) => 0,
                (false, Severity::Warning) => 1,
                (false, Severity::Info) => 2,
            };
            by_metric.entry(&**f.metric()).or_default()[column] += 1;
        }
        let descriptions = &self.analysis.descriptions;
        Some(
            by_metric
                .into_iter()
                .map(|(m, counts)| (m, descriptions.get(m).map_or(m, String::as_str), counts))
                .collect(),
        )
    }

    /// Problems (not agreements) at or above the failure threshold.
    pub fn failing(&self) -> usize {
        self.findings.iter().filter(|f| self.fail_on.fails(f.severity)).count()
    }

    /// `5 documents, 18 claims, 5 findings: 0 errors, 0 warnings, 5 notes`.
    pub fn summary(&self) -> String {
        let n = |k: usize, one: &str, many: &str| format!("{k} {}", if k == 1 { one } else { many });
        let mut s = format!(
            "{}, {}, {}: {}, {}, {}",
            n(self.analysis.documents.len(), "document", "documents"),
            n(self.analysis.claims.len(), "claim", "claims"),
            n(self.findings.len(), "finding", "findings"),
            n(self.count(Severity::Error), "error", "errors"),
            n(self.count(Severity::Warning), "warning", "warnings"),
            n(self.count(Severity::Info), "note", "notes"),
        );
        if self.baselined > 0 {
            s.push_str(&format!("; {} in the baseline", self.baselined));
        }
        if self.suppressed > 0 {
            s.push_str(&format!("; {} suppressed", n(self.suppressed, "figure", "figures")));
        }
        s
    }

    /// The findings citing each of the claims `shown`, most important
    /// first: the verdict column of reports.
    fn verdicts(&self, shown: &BTreeSet<usize>) -> BTreeMap<usize, Vec<&'a Finding>> {
        let mut out: BTreeMap<usize, Vec<&'a Finding>> = BTreeMap::new();
        for f in &self.findings {
            for i in f.claims().filter(|i| shown.contains(i)) {
                out.entry(i).or_default().push(f);
            }
        }
        for v in out.values_mut() {
            v.sort_by_key(|f| (f.kind.is_agreement(), std::cmp::Reverse(f.severity), f.kind));
        }
        out
    }
}

/// The most claims a metric's table lists in the Markdown and HTML
/// reports: past that an editor reads the findings, and the JSON report
/// lists every claim.
pub const TABLE_ROWS: usize = 500;

/// Past this many findings, the Markdown and HTML reports open with the
/// findings counted by metric.
pub const GLANCE_OVER: usize = 10;

/// The most claims besides its primary one that a finding lists, with its
/// sentences, in the Markdown, HTML and JUnit reports: a finding over an
/// archive cites thousands (every outlet that printed a figure), which no
/// editor reads one by one. The JSON report lists them all.
pub const FINDING_RELATED: usize = 20;

/// The note under a table cut at `TABLE_ROWS`.
pub fn table_cut(total: usize) -> Option<String> {
    (total > TABLE_ROWS).then(|| {
        format!(
            "The first {TABLE_ROWS} of {} claims by as-of date; the JSON report lists them all.",
            crate::compare::format_count(total as f64)
        )
    })
}

/// Claims by metric for the reports' tables: `(metric, description,
/// claims sorted by as-of date, path and position)`.
fn tables_by_metric(cx: &Context<'_>) -> Vec<(Arc<str>, String, Vec<usize>)> {
    let claims = &cx.analysis.claims;
    let mut by: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, c) in claims.iter().enumerate() {
        by.entry(&**c.metric()).or_default().push(i);
    }
    by.into_iter()
        .map(|(m, mut v)| {
            v.sort_by(|&a, &b| {
                let (x, y) = (&claims[a], &claims[b]);
                (x.as_of.date.is_none(), x.as_of.date, x.citation.path(), x.citation.span.start).cmp(&(
                    y.as_of.date.is_none(),
                    y.as_of.date,
                    y.citation.path(),
                    y.citation.span.start,
                ))
            });
            let description = cx.analysis.descriptions.get(m).cloned().unwrap_or_else(|| m.to_string());
            (Arc::clone(claims[v[0]].metric()), description, v)
        })
        .collect()
}

/// Documents without a date, for the reports' last section.
pub fn undated<'a>(cx: &Context<'a>) -> Vec<&'a DocumentInfo> {
    cx.analysis.documents.iter().map(|d| &**d).filter(|d| d.meta.published.is_none()).collect()
}

/// The verdicts of a claim, in words: `stale (error); matches report of 2024-03-21`.
fn verdict_text(findings: Option<&Vec<&Finding>>) -> String {
    let mut seen: Vec<String> = Vec::new();
    for f in findings.into_iter().flatten() {
        let v = verdict(f);
        if !seen.contains(&v) {
            seen.push(v);
        }
    }
    if seen.is_empty() { "—".to_string() } else { seen.join("; ") }
}

/// A verdict in words for a claim cited by `f`.
pub fn verdict(f: &Finding) -> String {
    match f.kind {
        FindingKind::DatasetMatch => match &f.series {
            Some(s) => format!("matches report of {}", s.date),
            None => "matches the series".to_string(),
        },
        FindingKind::Corroborated => "corroborated".to_string(),
        k => format!("{} ({})", k.name(), f.severity.name()),
    }
}

/// Who published a claim's document, as the reports name it.
pub(crate) fn source(c: &Claim) -> &str {
    c.citation.publisher().unwrap_or("unknown publisher")
}

/// A claim's as-of date as the reports write it: the date, or `undated`.
pub(crate) fn date(c: &Claim) -> AsOfDate {
    AsOfDate(c.as_of.date)
}

pub(crate) struct AsOfDate(Option<crate::dates::Date>);

impl std::fmt::Display for AsOfDate {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.0 {
            Some(d) => crate::dates::Ymd(d).fmt(f),
            None => f.write_str("undated"),
        }
    }
}

/// ASCII bytes an escape replaces: `bytes` are replaced, and with
/// `controls`, every control character but line feed, tab and return too.
pub(crate) const fn escaped_bytes(bytes: &[u8], controls: bool) -> [bool; 256] {
    let mut t = [false; 256];
    let mut i = 0;
    while i < bytes.len() {
        t[bytes[i] as usize] = true;
        i += 1;
    }
    if controls {
        let mut c = 0;
        while c < 0x20 {
            t[c] = !matches!(c as u8, b'\n' | b'\t' | b'\r');
            c += 1;
        }
    }
    t
}

/// Write `s` with the bytes `special` marks replaced by `with`, the rest in
/// as few pieces as possible (most text has nothing to replace). A table
/// lookup per byte: the reports escape every quoted sentence.
pub(crate) fn write_escaped(
    f: &mut std::fmt::Formatter<'_>,
    s: &str,
    special: &[bool; 256],
    with: impl Fn(u8) -> &'static str,
) -> std::fmt::Result {
    let b = s.as_bytes();
    let mut from = 0;
    while let Some(k) = b[from..].iter().position(|&c| special[usize::from(c)]) {
        let at = from + k;
        f.write_str(&s[from..at])?;
        f.write_str(with(b[at]))?;
        from = at + 1;
    }
    f.write_str(&s[from..])
}

/// Where a reporter writes: a buffer of its own in front of the
/// destination, so that the many small pieces of a report (a quote, a
/// comma, an indent) are copied into it, not each passed through `dyn Write`.
pub type Out<'w> = io::BufWriter<&'w mut dyn Write>;

/// Where a report file goes in the order reports are written: JSON,
/// SARIF and JSON Lines hold every claim or finding and take longest on
/// an archive; HTML and Markdown cap their tables; JUnit is small.
pub fn cost_rank(format: OutputFormat) -> u8 {
    match format {
        OutputFormat::Json => 0,
        OutputFormat::Sarif => 1,
        OutputFormat::Jsonl => 2,
        OutputFormat::Html => 3,
        OutputFormat::Markdown => 4,
        _ => 5,
    }
}

/// Render `format` to `dest`.
pub fn render(format: OutputFormat, cx: &Context<'_>, dest: &mut dyn Write) -> io::Result<()> {
    let mut out = io::BufWriter::with_capacity(1 << 16, dest);
    reporter(format).render(cx, &mut out)?;
    out.flush()
}

/// One output format.
pub trait Reporter {
    fn render(&self, cx: &Context<'_>, out: &mut Out<'_>) -> io::Result<()>;
}

/// The reporter of a format.
pub fn reporter(format: OutputFormat) -> Box<dyn Reporter> {
    match format {
        OutputFormat::Terminal => Box::new(terminal::Terminal),
        OutputFormat::Concise => Box::new(concise::Concise),
        OutputFormat::Github => Box::new(github::Github),
        OutputFormat::Markdown => Box::new(markdown::Markdown),
        OutputFormat::Html => Box::new(html::Html),
        OutputFormat::Json => Box::new(json::Json),
        OutputFormat::Jsonl => Box::new(json::JsonLines),
        OutputFormat::Sarif => Box::new(sarif::Sarif),
        OutputFormat::Junit => Box::new(junit::Junit),
    }
}

/// A sequence serialized straight from an iterator, without collecting
/// it first. It can be serialized once.
pub(crate) struct Streamed<I>(std::cell::Cell<Option<I>>);

impl<I> Streamed<I> {
    pub(crate) fn new(items: I) -> Streamed<I> {
        Streamed(std::cell::Cell::new(Some(items)))
    }
}

impl<I: Iterator<Item = T>, T: serde::Serialize> serde::Serialize for Streamed<I> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let items = self.0.take().ok_or_else(|| serde::ser::Error::custom("a stream is written once"))?;
        s.collect_seq(items)
    }
}

/// Write rows as aligned columns; the last column is not padded.
/// A figure's text on one line: a wrapped figure ("around\n1,200") would break a table row.
pub(crate) fn one_line(text: &str) -> String {
    if !text.contains(['\r', '\n']) {
        return text.to_string();
    }
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

pub(crate) fn write_aligned<const N: usize>(
    out: &mut dyn Write,
    header: &[&str; N],
    rows: &[[String; N]],
) -> io::Result<()> {
    let mut widths = header.map(|h| h.chars().count());
    for row in rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.chars().count());
        }
    }
    let mut line = String::new();
    let mut emit = |cells: &mut dyn Iterator<Item = &str>, out: &mut dyn Write| -> io::Result<()> {
        line.clear();
        for (i, cell) in cells.enumerate() {
            line.push_str(cell);
            if i + 1 < N {
                line.extend(std::iter::repeat_n(' ', widths[i] - cell.chars().count() + 2));
            }
        }
        writeln!(out, "{}", line.trim_end())
    };
    emit(&mut header.iter().copied(), out)?;
    for row in rows {
        emit(&mut row.iter().map(String::as_str), out)?;
    }
    Ok(())
}
