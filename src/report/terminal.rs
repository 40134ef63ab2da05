//! Diagnostics for a terminal: each finding with the source line and a
//! caret under the figure, the claims it is compared with as secondary
//! snippets, the reference series and the finding id as notes, then a
//! summary line. Rendered with annotate-snippets; colour only when asked.

use std::io::{self, Write};

use annotate_snippets::renderer::DecorStyle;
use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};

use super::{Context, Reporter};
use crate::diagnostic::Located;
use crate::rules::Severity;

/// How many related claims are shown as snippets; the rest are counted.
const MAX_RELATED: usize = 4;

pub struct Terminal;

/// The line of a located claim (cut around the figure when long) and the
/// figure's byte range in it: from the claim, so no document is needed.
fn line_of<'a>(cx: &Context<'a>, loc: &Located<'_>) -> (&'a str, std::ops::Range<usize>) {
    let c = &cx.analysis.claims[loc.claim].citation;
    (c.line_text.as_str(), c.line_span.clone())
}

fn level(s: Severity) -> Level<'static> {
    match s {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
        Severity::Info => Level::NOTE,
    }
}

impl Reporter for Terminal {
    fn render(&self, cx: &Context<'_>, out: &mut dyn Write) -> io::Result<()> {
        let renderer = if cx.color { Renderer::styled() } else { Renderer::plain() }.decor_style(DecorStyle::Ascii);
        for d in &cx.diagnostics {
            let f = d.finding;
            let title = level(f.severity).primary_title(f.explanation.as_str()).id(d.title.as_str());
            let mut snippets = Vec::new();
            let (line, range) = line_of(cx, &d.primary);
            snippets.push(
                Snippet::source(line)
                    .line_start(d.primary.line)
                    .path(d.primary.path)
                    .annotation(AnnotationKind::Primary.span(range).label(d.primary.message.as_str())),
            );
            for r in d.related.iter().take(MAX_RELATED) {
                let (line, range) = line_of(cx, r);
                snippets.push(
                    Snippet::source(line)
                        .line_start(r.line)
                        .path(r.path)
                        .annotation(AnnotationKind::Context.span(range).label(r.message.as_str())),
                );
            }
            let mut notes = Vec::new();
            if d.related.len() > MAX_RELATED {
                notes.push(format!("and {} more claims", d.related.len() - MAX_RELATED));
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
