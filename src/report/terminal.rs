//! Diagnostics for a terminal: each finding with the source line and a
//! caret under the figure, the claims it is compared with as secondary
//! snippets, the reference series and the finding id as notes, then a
//! summary line. Rendered with annotate-snippets; colour only when asked.

use std::collections::{BTreeMap, BTreeSet};
use std::io::{self, Write};

use annotate_snippets::renderer::DecorStyle;
use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};

use super::{Context, Out, Reporter};
use crate::diagnostic::Located;
use crate::rules::Severity;

/// How many related claims are shown as snippets; the rest are counted.
const MAX_RELATED: usize = 4;

pub struct Terminal;

/// The source lines the diagnostics show, read back from the files when
/// the report is written: claims keep no copy of their lines, so a run
/// over an archive holds only what the shown findings cite.
struct SourceLines {
    /// (path, line) → the line, without its line break.
    lines: BTreeMap<(String, usize), String>,
}

impl SourceLines {
    fn read(cx: &Context<'_>) -> SourceLines {
        let mut wanted: BTreeMap<&str, BTreeSet<usize>> = BTreeMap::new();
        for d in cx.diagnostics(MAX_RELATED) {
            for l in std::iter::once(&d.primary).chain(&d.related) {
                wanted.entry(l.path).or_default().insert(l.line);
            }
        }
        let mut lines = BTreeMap::new();
        for (path, numbers) in wanted {
            let Ok(bytes) = std::fs::read(path) else { continue };
            let mut n = 0;
            for line in bytes.split(|&b| b == b'\n') {
                n += 1;
                if numbers.contains(&n) {
                    let line = line.strip_suffix(b"\r").unwrap_or(line);
                    lines.insert((path.to_string(), n), String::from_utf8_lossy(line).into_owned());
                }
                if numbers.last().is_some_and(|&last| n >= last) {
                    break;
                }
            }
        }
        SourceLines { lines }
    }

    /// The line of a located claim and the figure's byte range in it. When
    /// the file is gone or has changed (claims compared on another machine),
    /// the sentence stands in for the line.
    fn of<'a>(&'a self, cx: &Context<'a>, loc: &Located<'_>) -> (&'a str, std::ops::Range<usize>) {
        let c = &cx.analysis.claims[loc.claim];
        if let Some(line) = self.lines.get(&(loc.path.to_string(), loc.line)) {
            // Byte offset of the figure in its line, from its column.
            let start = line.char_indices().nth(loc.column - 1).map(|(i, _)| i);
            let len = c.citation.span.len();
            if let Some(start) = start
                && line.is_char_boundary((start + len).min(line.len()))
            {
                return (line.as_str(), start..(start + len).min(line.len()));
            }
        }
        let sentence: &str = &c.citation.sentence;
        let range = sentence.find(&*c.quantity.text).map_or(0..0, |i| i..i + c.quantity.text.len());
        (sentence, range)
    }
}

fn level(s: Severity) -> Level<'static> {
    match s {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
        Severity::Info => Level::NOTE,
    }
}

impl Reporter for Terminal {
    fn render(&self, cx: &Context<'_>, out: &mut Out<'_>) -> io::Result<()> {
        let lines = SourceLines::read(cx);
        let renderer = if cx.color { Renderer::styled() } else { Renderer::plain() }.decor_style(DecorStyle::Ascii);
        for d in cx.diagnostics(MAX_RELATED) {
            let f = d.finding;
            let explanation = f.explanation();
            let title = level(f.severity).primary_title(&*explanation).id(d.title.as_str());
            let mut snippets = Vec::new();
            let claims = &cx.analysis.claims;
            let messages: Vec<String> =
                std::iter::once(&d.primary).chain(&d.related).map(|l| l.message(claims)).collect();
            let (line, range) = lines.of(cx, &d.primary);
            snippets.push(
                Snippet::source(line)
                    .line_start(d.primary.line)
                    .path(d.primary.path)
                    .annotation(AnnotationKind::Primary.span(range).label(messages[0].as_str())),
            );
            for (r, message) in d.related.iter().zip(&messages[1..]) {
                let (line, range) = lines.of(cx, r);
                snippets.push(
                    Snippet::source(line)
                        .line_start(r.line)
                        .path(r.path)
                        .annotation(AnnotationKind::Context.span(range).label(message.as_str())),
                );
            }
            let mut notes = Vec::new();
            if d.omitted > 0 {
                notes.push(format!("and {} more claims", d.omitted));
            }
            if let Some(s) = d.series_note() {
                notes.push(format!("reference: {s}"));
            }
            notes.push(format!("finding id: {}", f.id));
            let group = Group::with_title(title)
                .elements(snippets)
                .elements(notes.iter().map(|n| Level::NOTE.message(n.as_str())));
            let report: [Group<'_>; 1] = [group];
            writeln!(out, "{}\n", renderer.render(&report))?;
        }
        for p in &cx.analysis.problems {
            writeln!(out, "{p}")?;
        }
        let time = cx.elapsed.map(|t| format!(" in {:.2}s", t.as_secs_f64())).unwrap_or_default();
        writeln!(out, "{}{time}", cx.summary())
    }
}
