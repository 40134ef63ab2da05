//! The editorial report in Markdown: a summary, then what needs attention
//! (each finding with the quoted sentences, `path:line`, publisher, date
//! and link), what agrees, a table per metric, undated sources and skipped
//! files. Plain words; the finding id is there for baselines.

use std::io::{self, Write};

use super::{Context, FINDING_RELATED, MetricTables, Out, Reporter, TABLE_ROWS, date, source, table_cut, undated};
use crate::compare::format_count;

pub struct Markdown;

/// Escape a table cell.
fn cell(s: &str) -> Cell<'_> {
    Cell(s)
}

/// Text for a table cell, escaped as it is written.
struct Cell<'a>(&'a str);

impl std::fmt::Display for Cell<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        const SPECIAL: [bool; 256] = super::escaped_bytes(b"|\n", false);
        super::write_escaped(f, self.0, &SPECIAL, |b| if b == b'|' { "\\|" } else { " " })
    }
}

fn title_case(kind: &str) -> String {
    let mut s = kind.replace('-', " ");
    if let Some(first) = s.get_mut(..1) {
        first.make_ascii_uppercase();
    }
    s
}

impl Reporter for Markdown {
    fn render(&self, cx: &Context<'_>, out: &mut Out<'_>) -> io::Result<()> {
        let claims = &cx.analysis.claims;
        writeln!(out, "# figcheck report: {}\n", cx.name)?;
        writeln!(out, "{}.\n", cx.summary())?;

        if let Some(rows) = cx.at_a_glance() {
            writeln!(out, "## At a glance\n")?;
            writeln!(out, "| Metric | Errors | Warnings | Notes | Agreements |")?;
            writeln!(out, "|---|---:|---:|---:|---:|")?;
            for (metric, description, [e, w, n, a]) in rows {
                writeln!(out, "| {} (`{metric}`) | {e} | {w} | {n} | {a} |", cell(description))?;
            }
            writeln!(out)?;
        }

        writeln!(out, "## What needs attention\n")?;
        if !cx.shows(false) {
            writeln!(out, "Nothing: no figure disagrees with another or with the reference data.\n")?;
        }
        for (n, d) in cx.diagnostics_of(false, FINDING_RELATED).enumerate() {
            let f = d.finding;
            writeln!(out, "### {}. {} ({})\n", n + 1, title_case(f.kind.name()), f.severity.name())?;
            writeln!(out, "{}\n", f.explanation())?;
            writeln!(out, "| | Figure | Source | As of | Where |")?;
            writeln!(out, "|---|---|---|---|---|")?;
            for (k, loc) in std::iter::once(&d.primary).chain(&d.related).enumerate() {
                let c = &claims[loc.claim];
                let mark = if k == 0 { "▶" } else { "" };
                writeln!(
                    out,
                    "| {mark} | {} | {} | {} | `{}:{}` |",
                    cell(&c.quantity.text),
                    cell(source(c)),
                    date(c),
                    cell(loc.path),
                    loc.line
                )?;
            }
            writeln!(out)?;
            if let Some(note) = d.omitted_note() {
                writeln!(out, "{note}.\n")?;
            }
            for loc in std::iter::once(&d.primary).chain(&d.related) {
                let c = &claims[loc.claim];
                write!(out, "> {}\n>\n> — {}, {}", c.citation.sentence, source(c), date(c))?;
                match c.citation.url() {
                    Some(u) => writeln!(out, ", <{u}>\n")?,
                    None => writeln!(out, "\n")?,
                }
            }
            if let Some(s) = d.series_note() {
                writeln!(out, "Reference: {s}\n")?;
            }
            writeln!(out, "Finding id: `{}`\n", f.id)?;
        }

        writeln!(out, "## What agrees\n")?;
        if !cx.shows(true) {
            writeln!(out, "No figure was corroborated by a second source or a reference series.\n")?;
        }
        for d in cx.diagnostics_of(true, FINDING_RELATED) {
            let f = d.finding;
            let mut wheres: Vec<String> =
                std::iter::once(&d.primary).chain(&d.related).map(|l| format!("`{}:{}`", l.path, l.line)).collect();
            if d.omitted > 0 {
                wheres.push(format!("and {} more", format_count(d.omitted as f64)));
            }
            writeln!(
                out,
                "- **{}**: {} ({}; id `{}`)",
                title_case(f.kind.name()),
                f.explanation(),
                wheres.join(", "),
                f.id
            )?;
        }
        if cx.shows(true) {
            writeln!(out)?;
        }

        writeln!(out, "## Figures by metric\n")?;
        let MetricTables { tables, verdicts } = cx.metric_tables();
        for (_, description, rows) in tables {
            writeln!(out, "### {description}\n")?;
            let cut = table_cut(rows.len());
            writeln!(out, "| Source | Publisher | Date | Figure as written | Interval | Attribution | Verdict |")?;
            writeln!(out, "|---|---|---|---|---|---|---|")?;
            for &i in rows.iter().take(TABLE_ROWS) {
                let c = &claims[i];
                let who = c.attribution.as_ref().map_or("—".to_string(), |a| a.name.clone());
                let v = &verdicts[&i];
                writeln!(
                    out,
                    "| `{}:{}` | {} | {} | {} | {} | {} | {} |",
                    cell(c.citation.path()),
                    c.citation.line,
                    cell(source(c)),
                    date(c),
                    cell(&c.quantity.text),
                    c.interval(),
                    cell(&who),
                    cell(v)
                )?;
            }
            if let Some(cut) = cut {
                writeln!(out, "\n{cut}")?;
            }
            writeln!(out)?;
        }

        if !cx.analysis.datasets.is_empty() {
            writeln!(out, "## Reference data\n")?;
            for ds in &cx.analysis.datasets {
                let series: Vec<String> = ds
                    .series
                    .iter()
                    .map(|(m, s)| match (s.points.first(), s.points.last()) {
                        (Some(a), Some(b)) => {
                            format!(
                                "`{m}` ({} values, {} to {}, last {})",
                                s.points.len(),
                                a.date,
                                b.date,
                                format_count(b.value)
                            )
                        }
                        _ => format!("`{m}` (no values)"),
                    })
                    .collect();
                let by = ds.cited.publisher.as_deref().map(|p| format!(", {p}")).unwrap_or_default();
                writeln!(out, "- {}{by} (`{}`): {}", ds.cited.title, ds.cited.path, series.join("; "))?;
            }
            writeln!(out)?;
        }

        let undated = undated(cx);
        writeln!(out, "## Undated sources\n")?;
        if undated.is_empty() {
            writeln!(out, "Every source has a date.\n")?;
        } else {
            writeln!(out, "Figures from these documents were compared without regard to time:\n")?;
            for d in undated {
                let who = d.meta.publisher.as_deref().map(|p| format!(" ({p})")).unwrap_or_default();
                writeln!(out, "- `{}`{who}", d.path)?;
            }
            writeln!(out)?;
        }
        writeln!(out, "## Skipped files and warnings\n")?;
        if cx.analysis.problems.is_empty() {
            writeln!(out, "None.")?;
        } else {
            for p in &cx.analysis.problems {
                writeln!(out, "- {p}")?;
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::cell;

    #[test]
    fn a_cell_escapes_pipes_and_joins_lines() {
        assert_eq!(cell("no change").to_string(), "no change");
        assert_eq!(cell("a | b\nc|").to_string(), "a \\| b c\\|");
    }
}
