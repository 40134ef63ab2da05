//! A figure in a document's headline or a section heading, compared with
//! the same metric in the body of the same document: `Close to 32,000`
//! agrees with `31,988`; `Close to 40,000` would not.

use std::collections::BTreeSet;

use super::{Ctx, Finding, FindingKind, finding, gap, name_event, severity_for};
use crate::document::Role;
use crate::rules::Severity;

pub(super) fn compare(ctx: &Ctx<'_>) -> Vec<Finding> {
    let claims = ctx.claims;
    // Only documents with a figure in a heading matter.
    let headed: BTreeSet<(&str, &str)> =
        claims.iter().filter(|c| c.role != Role::Body).map(|c| (c.citation.path(), &**c.metric())).collect();
    if headed.is_empty() {
        return Vec::new();
    }
    let mut order: Vec<usize> = (0..claims.len())
        .filter(|&i| {
            claims[i].malformed.is_none() && headed.contains(&(claims[i].citation.path(), &**claims[i].metric()))
        })
        .collect();
    order.sort_by(|&a, &b| {
        (claims[a].citation.path(), &**claims[a].metric(), a).cmp(&(
            claims[b].citation.path(),
            &**claims[b].metric(),
            b,
        ))
    });
    let mut out = Vec::new();
    for chunk in order.chunk_by(|&a, &b| {
        claims[a].citation.path() == claims[b].citation.path() && claims[a].metric() == claims[b].metric()
    }) {
        let (heads, body): (Vec<usize>, Vec<usize>) = chunk.iter().partition(|&&i| claims[i].role != Role::Body);
        if heads.is_empty() || body.is_empty() {
            continue;
        }
        let Some(rule) = ctx.rule_of(chunk[0]) else { continue };
        for &h in &heads {
            // A headline that names its strike is read against the body's
            // figures about that strike.
            let body: Vec<usize> = match claims[h].event_name() {
                Some(_) => body.iter().copied().filter(|&b| ctx.events[b] == ctx.events[h]).collect(),
                None => body.clone(),
            };
            if body.is_empty() {
                continue;
            }
            let before = out.len();
            let agreeing: Vec<usize> =
                body.iter().copied().filter(|&b| ctx.interval(h).overlaps(&ctx.interval(b))).collect();
            let what = if claims[h].role == Role::Headline { "headline" } else { "heading" };
            if agreeing.is_empty() {
                let groups = vec![ctx.group(&[h]), ctx.group(&body)];
                let g = gap(groups[0].interval, groups[1].interval);
                let explanation = format!(
                    "{}: the {what} says {} but the body of the same article says {}.",
                    rule.description, groups[0].label, groups[1].label
                );
                out.push(finding(
                    FindingKind::HeadlineMismatch,
                    severity_for(rule.severity, g),
                    &rule.names,
                    groups,
                    explanation,
                    Some(g),
                    false,
                ));
            } else {
                let groups = vec![ctx.group(&[h]), ctx.group(&agreeing)];
                let explanation = format!(
                    "{}: the {what} figure {} agrees with the body ({}).",
                    rule.description, groups[0].label, groups[1].label
                );
                out.push(finding(
                    FindingKind::Corroborated,
                    Severity::Info,
                    &rule.names,
                    groups,
                    explanation,
                    None,
                    false,
                ));
            }
            if let Some(name) = claims[h].event_name() {
                name_event(&mut out[before..], &rule.description, name);
            }
        }
    }
    out
}
