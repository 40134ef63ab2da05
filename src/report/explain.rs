//! `figcheck extract --explain`: sentence by sentence, the figures found,
//! each rule tried and why it matched or not.

use std::io::{self, Write};

use crate::document::{Document, Role};
use crate::extract::{self, Outcome};
use crate::quantity::{Quantity, format_number};
use crate::rules::RulePack;

fn role_name(r: Role) -> &'static str {
    match r {
        Role::Headline => "headline",
        Role::Heading => "heading",
        Role::Body => "body",
    }
}

/// Write the explanation of one document.
pub fn write(out: &mut dyn Write, doc: &Document, quantities: &[Quantity], pack: &RulePack) -> io::Result<()> {
    let mut matches = extract::match_document(doc, quantities, pack);
    let claims = extract::claims_from(doc, quantities, pack, &mut matches);
    let date = match doc.meta.published {
        Some(d) => format!("{d} (from the {})", doc.meta.date_source.describe()),
        None => "undated".to_string(),
    };
    writeln!(out, "{}: published {date}; {} sentences", doc.path, doc.sentences.len())?;
    for m in &matches {
        let s = &doc.sentences[m.sentence];
        let (line, col) = doc.line_col(s.span.start);
        let text = doc.text[s.span.clone()].split_whitespace().collect::<Vec<_>>().join(" ");
        writeln!(out, "\n{}:{line}:{col} [{}] {text}", doc.path, role_name(s.role))?;
        let figs: Vec<String> = m
            .figures
            .iter()
            .map(|&i| {
                let q = &quantities[i];
                match crate::quantity::malformed_digits(&doc.text, q.span.clone()) {
                    Some(run) if doc.text[run.clone()] == *q.text => {
                        format!("`{}` malformed, compared with nothing", q.text)
                    }
                    Some(run) => {
                        format!("`{}` read out of `{}`: malformed, compared with nothing", q.text, &doc.text[run])
                    }
                    None => format!("`{}` {} {} ({})", q.text, q.kind, format_number(q.value), q.qualifier),
                }
            })
            .collect();
        writeln!(out, "  figures: {}", figs.join(" · "))?;
        let mut silent = Vec::new();
        for (ri, rule) in pack.rules.iter().enumerate() {
            let attempts: Vec<_> = m.attempts.iter().filter(|a| a.rule == ri).collect();
            if attempts.is_empty() {
                silent.push(&*rule.id);
                continue;
            }
            for a in attempts {
                let q = &quantities[m.figures[a.figure]];
                let line = match &a.outcome {
                    Outcome::Claimed => {
                        // A malformed figure's claim is cited as its whole run.
                        let c = claims.iter().find(|c| {
                            *c.rule() == rule.id
                                && (c.quantity.span == q.span
                                    || c.malformed.is_some()
                                        && c.quantity.span.start <= q.span.start
                                        && q.span.end <= c.quantity.span.end)
                        });
                        // Which strike, for rules of single events; none means not compared.
                        let event = match (c, &rule.event) {
                            (Some(c), Some(_)) => match (c.event_name(), c.event_at()) {
                                (Some(name), _) => format!("; event: {name}"),
                                (None, Some(_)) => "; event: unnamed (compared within its document)".into(),
                                (None, None) => "; event: none found (not compared)".into(),
                            },
                            _ => String::new(),
                        };
                        let (as_of, who) = c.map_or((String::new(), String::new()), |c| {
                            let who = c.attribution.as_ref().map_or("no attribution".to_string(), |a| {
                                format!("according to {} (\"{}\")", a.key(), a.text)
                            });
                            let when = match c.as_of.date {
                                Some(_) => format!("as of {}", c.as_of.describe()),
                                None => "undated".to_string(),
                            };
                            (when, who)
                        });
                        let asides = match (a.past_asides, a.relabelled) {
                            (true, true) => " past an aside, its label read after the figure",
                            (true, false) => " past an aside",
                            (false, true) => ", its label read after the figure",
                            (false, false) => "",
                        };
                        let asides = if a.noun_filled { ", its noun read from before it" } else { asides };
                        let carried = match a.antecedent {
                            Some(i) => format!(", its subject standing for `{}` before it", quantities[i].text),
                            None => String::new(),
                        };
                        let place = match (&a.context_from_source, a.context_from_lede) {
                            (Some(by), _) => format!("; its place from its source, {by}"),
                            (None, true) => "; context words from the lede".to_string(),
                            (None, false) => String::new(),
                        };
                        let written = match c.and_then(|c| c.malformed.as_deref()) {
                            Some(run) => format!("`{run}` (malformed)"),
                            None => format!("`{}`", q.text),
                        };
                        format!(
                            "claims {written} for {} by pattern {}{carried}{asides}{place}; {as_of}; {who}{event}",
                            rule.metric,
                            a.pattern + 1
                        )
                    }
                    other => other.describe(&q.text, a.pattern + 1, &rule.id),
                };
                writeln!(out, "  {:<24} {line}", rule.id)?;
            }
        }
        if !silent.is_empty() {
            writeln!(out, "  no pattern matched: {}", silent.join(", "))?;
        }
    }
    if matches.is_empty() {
        writeln!(out, "  (no sentence has a figure)")?;
    }
    Ok(())
}
