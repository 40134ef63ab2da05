//! The editorial report as one self-contained HTML page (no network): the
//! content of the Markdown report, plus a timeline chart per metric drawn
//! as inline SVG. The markup is well-formed XML.

use std::collections::BTreeMap;
use std::io::{self, Write};

use super::chart::{Mark, timeline};
use super::junit::xml as esc;
use super::{Context, FINDING_RELATED, MetricTables, Out, Reporter, TABLE_ROWS, date, source, table_cut, undated};
use crate::compare::format_count;
use crate::extract::Claim;
use crate::rules::Severity;

/// The most claims a chart marks.
const CHART_MARKS: usize = 2000;

pub struct Html;

const STYLE: &str = "body{font:15px/1.5 system-ui,-apple-system,'Segoe UI',sans-serif;color:#1d1d1d;margin:0;background:#f7f7f5}\
main{max-width:980px;margin:0 auto;padding:24px 28px;background:#fff}\
h1{font-size:1.6em;margin:0 0 .2em}h2{margin-top:1.8em;border-bottom:1px solid #ddd}h3{margin:1.2em 0 .3em}\
.summary{color:#444}.finding{border-left:4px solid #999;padding:.2em 1em;margin:1em 0;background:#fafafa}\
.finding.error{border-color:#c81e1e}.finding.warning{border-color:#d98e04}.finding.info{border-color:#2b6cb0}\
.sev{font-size:.75em;text-transform:uppercase;letter-spacing:.05em;padding:.1em .45em;border-radius:3px;color:#fff;background:#777}\
.sev.error{background:#c81e1e}.sev.warning{background:#d98e04}.sev.info{background:#2b6cb0}\
table{border-collapse:collapse;width:100%;margin:.5em 0;font-size:.92em}th,td{border:1px solid #ddd;padding:.3em .5em;text-align:left;vertical-align:top}\
th{background:#f0f0ee}blockquote{margin:.5em 0;padding:.2em .8em;border-left:3px solid #ccc;color:#333}\
code{font:.9em ui-monospace,Menlo,Consolas,monospace;background:#f1f1ef;padding:0 .2em}.id{color:#777;font-size:.85em}\
figure{margin:1em 0}figcaption{font-size:.85em;color:#555}.problem{color:#c81e1e;font-weight:600}";

impl Reporter for Html {
    fn render(&self, cx: &Context<'_>, out: &mut Out<'_>) -> io::Result<()> {
        let claims = &cx.analysis.claims;
        writeln!(out, "<!DOCTYPE html>")?;
        writeln!(out, r#"<html lang="en"><head><meta charset="utf-8"/>"#)?;
        writeln!(out, r#"<meta name="viewport" content="width=device-width, initial-scale=1"/>"#)?;
        writeln!(out, "<title>figcheck report: {}</title><style>{STYLE}</style></head>", esc(cx.name))?;
        writeln!(out, "<body><main>")?;
        writeln!(out, "<h1>figcheck report: {}</h1>", esc(cx.name))?;
        writeln!(out, r#"<p class="summary">{}.</p>"#, esc(&cx.summary()))?;
        if let Some(rows) = cx.at_a_glance() {
            writeln!(out, "<h2>At a glance</h2>")?;
            writeln!(
                out,
                "<table><tr><th>Metric</th><th>Errors</th><th>Warnings</th><th>Notes</th><th>Agreements</th></tr>"
            )?;
            for (metric, description, [e, w, n, a]) in rows {
                writeln!(
                    out,
                    "<tr><td>{} (<code>{}</code>)</td><td>{e}</td><td>{w}</td><td>{n}</td><td>{a}</td></tr>",
                    esc(description),
                    esc(metric)
                )?;
            }
            writeln!(out, "</table>")?;
        }

        writeln!(out, "<h2>What needs attention</h2>")?;
        if !cx.shows(false) {
            writeln!(out, "<p>Nothing: no figure disagrees with another or with the reference data.</p>")?;
        }
        for d in cx.diagnostics_of(false, FINDING_RELATED) {
            let f = d.finding;
            let sev = f.severity.name();
            writeln!(out, r#"<section class="finding {sev}">"#)?;
            writeln!(out, r#"<h3><span class="sev {sev}">{sev}</span> {}</h3>"#, esc(f.kind.name()))?;
            writeln!(out, "<p>{}</p>", esc(&f.explanation()))?;
            writeln!(
                out,
                "<table><tr><th>Figure</th><th>Source</th><th>As of</th><th>Where</th><th>Sentence</th></tr>"
            )?;
            for loc in std::iter::once(&d.primary).chain(&d.related) {
                let c = &claims[loc.claim];
                write!(out, "<tr><td>{}</td><td>", esc(&c.quantity.text))?;
                match c.citation.url() {
                    Some(u) => write!(out, r#"<a href="{}">{}</a>"#, esc(u), esc(source(c)))?,
                    None => write!(out, "{}", esc(source(c)))?,
                }
                writeln!(
                    out,
                    "</td><td>{}</td><td><code>{}:{}</code></td><td><blockquote>{}</blockquote></td></tr>",
                    date(c),
                    esc(loc.path),
                    loc.line,
                    esc(&c.citation.sentence)
                )?;
            }
            writeln!(out, "</table>")?;
            if let Some(note) = d.omitted_note() {
                writeln!(out, "<p>{}.</p>", esc(&note))?;
            }
            if let Some(s) = d.series_note() {
                writeln!(out, "<p>Reference: {}</p>", esc(&s))?;
            }
            writeln!(out, r#"<p class="id">Finding id: <code>{}</code></p></section>"#, esc(&f.id))?;
        }

        writeln!(out, "<h2>What agrees</h2>")?;
        if !cx.shows(true) {
            writeln!(out, "<p>No figure was corroborated by a second source or a reference series.</p>")?;
        } else {
            writeln!(out, "<ul>")?;
            for d in cx.diagnostics_of(true, FINDING_RELATED) {
                let f = d.finding;
                let mut wheres: Vec<String> = std::iter::once(&d.primary)
                    .chain(&d.related)
                    .map(|l| format!("<code>{}:{}</code>", esc(l.path), l.line))
                    .collect();
                if d.omitted > 0 {
                    wheres.push(format!("and {} more", format_count(d.omitted as f64)));
                }
                writeln!(
                    out,
                    r#"<li><strong>{}</strong>: {} ({}) <span class="id">{}</span></li>"#,
                    esc(f.kind.name()),
                    esc(&f.explanation()),
                    wheres.join(", "),
                    esc(&f.id)
                )?;
            }
            writeln!(out, "</ul>")?;
        }

        writeln!(out, "<h2>Figures by metric</h2>")?;
        let MetricTables { tables, verdicts } = cx.metric_tables();
        // Claims cited by a problem, by index: an archive's problems cite
        // most of its claims, too many to gather in a set.
        let mut flagged = vec![false; claims.len()];
        for f in cx.findings.iter().filter(|f| !f.kind.is_agreement() && f.severity >= Severity::Warning) {
            for i in f.claims() {
                flagged[i] = true;
            }
        }
        let mut series_of: BTreeMap<&str, Vec<&crate::dataset::Series>> = BTreeMap::new();
        for ds in &cx.analysis.datasets {
            for (m, s) in &ds.series {
                series_of.entry(m.as_str()).or_default().push(s);
            }
        }
        for (metric, description, rows) in tables {
            writeln!(out, "<h3>{}</h3>", esc(description))?;
            // A chart is read, not counted: past a few thousand marks, every k-th claim by date.
            let stride = rows.len().div_ceil(CHART_MARKS);
            let marked: Vec<(&Claim, Mark)> = rows
                .iter()
                .step_by(stride.max(1))
                .map(|&i| (&claims[i], if flagged[i] { Mark::Problem } else { Mark::Plain }))
                .collect();
            let charted = if stride > 1 {
                format!("{} of {} claims (one in {stride})", marked.len(), rows.len())
            } else {
                format!("{} claims", rows.len())
            };
            let series = series_of.get(&**metric).cloned().unwrap_or_default();
            match timeline(metric, &marked, &series) {
                Ok(svg) => writeln!(
                    out,
                    "<figure>{svg}<figcaption>{charted} by as-of date (red: cited by a problem; hollow: undated){}.</figcaption></figure>",
                    if series.is_empty() { "" } else { "; line: the reference series" }
                )?,
                Err(e) => writeln!(out, "<p>The chart could not be drawn: {}</p>", esc(&e))?,
            }
            writeln!(
                out,
                "<table><tr><th>Source</th><th>Publisher</th><th>Date</th><th>Figure as written</th><th>Interval</th><th>Attribution</th><th>Verdict</th></tr>"
            )?;
            for &i in rows.iter().take(TABLE_ROWS) {
                let c = &claims[i];
                let who = c.attribution.as_ref().map_or("—".to_string(), |a| a.name.clone());
                let v = &verdicts[&i];
                let class = if flagged[i] { r#" class="problem""# } else { "" };
                writeln!(
                    out,
                    "<tr><td><code>{}:{}</code></td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td{class}>{}</td></tr>",
                    esc(c.citation.path()),
                    c.citation.line,
                    esc(source(c)),
                    date(c),
                    esc(&c.quantity.text),
                    esc(&c.interval().to_string()),
                    esc(&who),
                    esc(v)
                )?;
            }
            writeln!(out, "</table>")?;
            if let Some(cut) = table_cut(rows.len()) {
                writeln!(out, "<p>{}</p>", esc(&cut))?;
            }
        }

        writeln!(out, "<h2>Undated sources</h2>")?;
        let undated = undated(cx);
        if undated.is_empty() {
            writeln!(out, "<p>Every source has a date.</p>")?;
        } else {
            writeln!(out, "<p>Figures from these documents were compared without regard to time:</p><ul>")?;
            for d in undated {
                writeln!(out, "<li><code>{}</code></li>", esc(&d.path))?;
            }
            writeln!(out, "</ul>")?;
        }
        writeln!(out, "<h2>Skipped files and warnings</h2>")?;
        if cx.analysis.problems.is_empty() {
            writeln!(out, "<p>None.</p>")?;
        } else {
            writeln!(out, "<ul>")?;
            for p in &cx.analysis.problems {
                writeln!(out, "<li>{}</li>", esc(&p.to_string()))?;
            }
            writeln!(out, "</ul>")?;
        }
        writeln!(out, "</main></body></html>")
    }
}
