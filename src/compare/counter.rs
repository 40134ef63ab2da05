//! `counter` metrics: an ordinal that counts events (Blinken's sixth, 11th
//! visit). Claims about one event (as-of dates within the event window)
//! must give the same ordinal; across events the ordinal must strictly
//! increase with date.

use super::cluster::cluster;
use super::cumulative::day_chunks;
use super::{Ctx, Finding, FindingKind, finding, side};
use crate::rules::Rule;

pub(super) fn compare(ctx: &Ctx<'_>, group: &[usize], rule: &Rule) -> Vec<Finding> {
    let mut out = Vec::new();
    let mut dated: Vec<usize> = group.iter().copied().filter(|&i| ctx.day(i).is_some()).collect();
    dated.sort_by_key(|&i| (ctx.day(i), i));
    let events = day_chunks(ctx, &dated, rule.event_window_days);
    // The highest ordinal of the earlier events, and its claim.
    let mut highest: Option<usize> = None;
    for event in events {
        let clusters = cluster(event, |i| ctx.interval(i), |i| ctx.bridging(i));
        if clusters.len() > 1 {
            let groups: Vec<_> = clusters.iter().map(|c| ctx.group(&c.members)).collect();
            let sides: Vec<String> = groups.iter().map(|g| format!("{} ({})", g.label, side(ctx, g))).collect();
            let explanation = format!("{}: one event is numbered differently: {}.", rule.description, sides.join("; "));
            out.push(finding(
                FindingKind::OrdinalConflict,
                rule.severity,
                &rule.metric,
                &rule.id,
                groups,
                explanation,
                None,
                false,
            ));
        }
        let low = event.iter().copied().min_by(|&a, &b| ctx.interval(a).lo.total_cmp(&ctx.interval(b).lo));
        if let (Some(h), Some(l)) = (highest, low)
            && ctx.interval(l).lo <= ctx.interval(h).hi
        {
            let later: Vec<usize> =
                event.iter().copied().filter(|&i| ctx.interval(i).lo <= ctx.interval(h).hi).collect();
            let groups = vec![ctx.group(&[h]), ctx.group(&later)];
            let (a, b) = (&groups[0], &groups[1]);
            let explanation = if ctx.interval(l).lo == ctx.interval(h).lo {
                format!(
                    "{}: the {} cannot be both on {} ({}) and on {} ({}); each new event must have a higher number.",
                    rule.description,
                    b.label,
                    a.first.map_or("an earlier date".into(), |d| d.to_string()),
                    side(ctx, a),
                    b.first.map_or("a later date".into(), |d| d.to_string()),
                    side(ctx, b)
                )
            } else {
                format!(
                    "{}: the number must increase with each event, but {} ({}) comes after {} ({}).",
                    rule.description,
                    b.label,
                    side(ctx, b),
                    a.label,
                    side(ctx, a)
                )
            };
            out.push(finding(
                FindingKind::OrdinalConflict,
                rule.severity,
                &rule.metric,
                &rule.id,
                groups,
                explanation,
                None,
                false,
            ));
        }
        let high = event.iter().copied().max_by(|&a, &b| ctx.interval(a).hi.total_cmp(&ctx.interval(b).hi));
        if let Some(x) = high
            && highest.is_none_or(|h| ctx.interval(x).hi > ctx.interval(h).hi)
        {
            highest = Some(x);
        }
    }
    out
}
