//! `counter` metrics: an ordinal that counts events (Blinken's sixth, 11th
//! visit). Claims about one event (as-of dates within the event window)
//! must give the same ordinal; across events the ordinal must strictly
//! increase with date. A claim dated only by its document ("Washington's
//! answer has been Blinken's fifth trip") names an event of that date or
//! before: it only has to come after the events it outnumbers. One still
//! to come ("Blinken will make his sixth trip") names an event of that date
//! or after: it only has to come before the events that outnumber it.

use super::cluster::cluster;
use super::cumulative::day_chunks;
use super::{Ctx, Finding, FindingKind, Group, finding, side};
use crate::extract::AsOfSource;
use crate::rules::Rule;

pub(super) fn compare(ctx: &Ctx<'_>, group: &[usize], rule: &Rule) -> Vec<Finding> {
    let mut out = Vec::new();
    let mut dated: Vec<usize> = group.iter().copied().filter(|&i| ctx.day(i).is_some()).collect();
    dated.sort_by_key(|&i| (ctx.day(i), i));
    let of = |source: AsOfSource| -> Vec<usize> {
        dated.iter().copied().filter(|&i| ctx.claims[i].as_of.source == source).collect()
    };
    let (by_document, upcoming) = (of(AsOfSource::Published), of(AsOfSource::Upcoming));
    let (periods, exact): (Vec<usize>, Vec<usize>) = dated
        .iter()
        .copied()
        .filter(|&i| !matches!(ctx.claims[i].as_of.source, AsOfSource::Published | AsOfSource::Upcoming))
        .partition(|&i| ctx.first_day(i) < ctx.day(i));
    // Mentions dated by their documents alone must agree within a day's
    // news, and so must announcements of the next event.
    for mentions in [&by_document, &upcoming] {
        for event in day_chunks(ctx, mentions, rule.event_window_days) {
            if let Some(f) = numbered_differently(ctx, event, rule) {
                out.push(f);
            }
        }
    }
    mentioned_before(ctx, &exact, &by_document, rule, &mut out);
    announced_after(ctx, &exact, &upcoming, rule, &mut out);
    dated_by_period(ctx, &exact, &periods, rule, &mut out);
    let events = day_chunks(ctx, &exact, rule.event_window_days);
    // The highest ordinal of the earlier events, and its claim.
    let mut highest: Option<usize> = None;
    for event in events {
        if let Some(f) = numbered_differently(ctx, event, rule) {
            out.push(f);
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
            out.push(conflict(rule, groups, explanation));
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

/// Claims of one event that give it different numbers.
fn numbered_differently(ctx: &Ctx<'_>, event: &[usize], rule: &Rule) -> Option<Finding> {
    let clusters = cluster(event, |i| ctx.interval(i), |i| ctx.bridging(i));
    if clusters.len() < 2 {
        return None;
    }
    let groups: Vec<_> = clusters.iter().map(|c| ctx.group(&c.members)).collect();
    let sides: Vec<String> = groups.iter().map(|g| format!("{} ({})", g.label, side(ctx, g))).collect();
    let explanation = format!("{}: one event is numbered differently: {}.", rule.description, sides.join("; "));
    Some(conflict(rule, groups, explanation))
}

/// A mention dated by its document names an event of that date or before:
/// it is wrong when an event it does not outnumber is dated after it (the
/// fifth mentioned on 10 January, the fifth or the fourth dated in February).
fn mentioned_before(ctx: &Ctx<'_>, exact: &[usize], by_document: &[usize], rule: &Rule, out: &mut Vec<Finding>) {
    if exact.is_empty() || by_document.is_empty() {
        return;
    }
    let (lowest_from, highest_until) = extremes(ctx, exact);
    // One finding per number mentioned too early, from its first such mention.
    let mut found: std::collections::BTreeMap<u64, (usize, Vec<usize>)> = std::collections::BTreeMap::new();
    for &i in by_document {
        let day = ctx.day(i).expect("dated");
        let after = exact.partition_point(|&j| ctx.day(j).expect("dated") <= day + rule.event_window_days);
        let n = ctx.interval(i);
        // An event numbered as high by then bears the mention out, whatever
        // later claims say (they disagree among themselves, and say so).
        if highest_until[after] < n.lo && lowest_from[after] <= n.hi {
            let entry = found.entry(n.lo.to_bits()).or_insert((after, Vec::new()));
            entry.0 = entry.0.min(after);
            entry.1.push(i);
        }
    }
    for (after, mentions) in found.into_values() {
        let n = ctx.interval(mentions[0]);
        let later: Vec<usize> = exact[after..].iter().copied().filter(|&j| ctx.interval(j).lo <= n.hi).collect();
        let groups = vec![ctx.group(&mentions), ctx.group(&later)];
        let (a, b) = (&groups[0], &groups[1]);
        let explanation = format!(
            "{}: the {} is mentioned by {} ({}), before the {} of {} ({}); an event is mentioned only once it has happened, and each new one has a higher number.",
            rule.description,
            a.label,
            a.last.map_or("an earlier date".into(), |d| d.to_string()),
            side(ctx, a),
            b.label,
            b.first.map_or("a later date".into(), |d| d.to_string()),
            side(ctx, b)
        );
        out.push(conflict(rule, groups, explanation));
    }
}

/// A mention of an event still to come names one on or after its date: it
/// is wrong when an event it does not undercount is dated before it and
/// none it does not outnumber after (the fifth announced on 10 January, the
/// fifth or the sixth dated in December).
fn announced_after(ctx: &Ctx<'_>, exact: &[usize], upcoming: &[usize], rule: &Rule, out: &mut Vec<Finding>) {
    if exact.is_empty() || upcoming.is_empty() {
        return;
    }
    let (lowest_from, highest_until) = extremes(ctx, exact);
    let mut found: std::collections::BTreeMap<u64, (usize, Vec<usize>)> = std::collections::BTreeMap::new();
    for &i in upcoming {
        let day = ctx.day(i).expect("dated");
        // The events dated before the announcement, a trip's days aside.
        let before = exact.partition_point(|&j| ctx.day(j).expect("dated") + rule.event_window_days < day);
        let n = ctx.interval(i);
        if highest_until[before] >= n.lo && lowest_from[before] > n.hi {
            let entry = found.entry(n.lo.to_bits()).or_insert((before, Vec::new()));
            entry.0 = entry.0.max(before);
            entry.1.push(i);
        }
    }
    for (before, mentions) in found.into_values() {
        let n = ctx.interval(mentions[0]);
        let earlier: Vec<usize> = exact[..before].iter().copied().filter(|&j| ctx.interval(j).hi >= n.lo).collect();
        // In date order: the later side, the announcement, is the one to look at.
        let groups = vec![ctx.group(&earlier), ctx.group(&mentions)];
        let (a, b) = (&groups[0], &groups[1]);
        let explanation = format!(
            "{}: the {} is announced on {} ({}) as still to come, but the {} is dated {} ({}); each new event has a higher number.",
            rule.description,
            b.label,
            b.first.map_or("a later date".into(), |d| d.to_string()),
            side(ctx, b),
            a.label,
            a.last.map_or("an earlier date".into(), |d| d.to_string()),
            side(ctx, a)
        );
        out.push(conflict(rule, groups, explanation));
    }
}

/// A claim dated by a period ("on his sixth trip, in March") names an
/// event on some day of it: it is wrong only when no day of the period
/// fits the events dated to the day. The same number dated outside the
/// period, a higher one before it or a lower one after it (a trip's days
/// aside) are what it cannot be reconciled with.
fn dated_by_period(ctx: &Ctx<'_>, exact: &[usize], periods: &[usize], rule: &Rule, out: &mut Vec<Finding>) {
    let w = rule.event_window_days;
    for &p in periods {
        let (Some(first), Some(last)) = (ctx.first_day(p), ctx.day(p)) else { continue };
        let n = ctx.interval(p);
        let against: Vec<usize> = exact
            .iter()
            .copied()
            .filter(|&j| {
                let (day, m) = (ctx.day(j).expect("dated"), ctx.interval(j));
                if m.lo > n.hi {
                    day + w < first
                } else if m.hi < n.lo {
                    day > last + w
                } else {
                    day + w < first || day > last + w
                }
            })
            .collect();
        if against.is_empty() {
            continue;
        }
        let groups = vec![ctx.group(&against), ctx.group(&[p])];
        let (a, b) = (&groups[0], &groups[1]);
        let period = ctx.claims[p].as_of.day().unwrap_or_default();
        let explanation = format!(
            "{}: the {} is dated {period} ({}), but no day of that period fits the {} ({}); each new event has a higher number.",
            rule.description,
            b.label,
            side(ctx, b),
            a.label,
            side(ctx, a)
        );
        out.push(conflict(rule, groups, explanation));
    }
}

/// The lowest number of the events from each one on, and the highest up to
/// each one (`exact` is sorted by day).
fn extremes(ctx: &Ctx<'_>, exact: &[usize]) -> (Vec<f64>, Vec<f64>) {
    let mut lowest_from = vec![f64::INFINITY; exact.len() + 1];
    for k in (0..exact.len()).rev() {
        lowest_from[k] = lowest_from[k + 1].min(ctx.interval(exact[k]).lo);
    }
    let mut highest_until = vec![f64::NEG_INFINITY; exact.len() + 1];
    for k in 0..exact.len() {
        highest_until[k + 1] = highest_until[k].max(ctx.interval(exact[k]).hi);
    }
    (lowest_from, highest_until)
}

fn conflict(rule: &Rule, groups: Vec<Group>, explanation: String) -> Finding {
    finding(FindingKind::OrdinalConflict, rule.severity, &rule.names, groups, explanation, None, false)
}
