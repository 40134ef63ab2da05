//! `cumulative` metrics: running totals that may only grow with the as-of
//! date. Claims of one day (within the rule's same-day window) are
//! compared as fixed; a later claim below an earlier one is a regression.
//! Undated claims are compared as fixed, ignoring time.

use std::collections::BTreeMap;

use super::cluster::cluster;
use super::{Ctx, Finding, FindingKind, conflict_severity, finding, gap, largest_gap, severity_for, side};
use crate::rules::{Rule, Severity};

pub(super) fn compare(ctx: &Ctx<'_>, group: &[usize], rule: &Rule) -> Vec<Finding> {
    let mut dated: Vec<usize> = group.iter().copied().filter(|&i| ctx.day(i).is_some()).collect();
    dated.sort_by_key(|&i| (ctx.day(i), i));
    let mut out = running_total(ctx, &dated, rule, false);
    out.extend(undated(ctx, group, rule));
    out
}

/// Claims within `window` days of the first claim of their chunk, for
/// claims sorted by day.
pub(super) fn day_chunks<'c>(ctx: &Ctx<'_>, dated: &'c [usize], window: i32) -> Vec<&'c [usize]> {
    let mut out = Vec::new();
    let mut start = 0;
    for k in 1..=dated.len() {
        let split = k == dated.len() || ctx.day(dated[k]).unwrap_or(0) - ctx.day(dated[start]).unwrap_or(0) > window;
        if split {
            out.push(&dated[start..k]);
            start = k;
        }
    }
    out
}

/// Compare one chunk of same-time claims as fixed.
pub(super) fn same_time(ctx: &Ctx<'_>, chunk: &[usize], rule: &Rule, what: &str) -> Option<Finding> {
    let clusters = cluster(chunk, |i| ctx.interval(i), |i| ctx.bridging(i));
    let groups: Vec<_> = clusters.iter().map(|c| ctx.group(&c.members)).collect();
    let when = groups.first().and_then(|g| g.first).map_or_else(|| "undated".to_string(), |d| d.to_string());
    match groups.len() {
        0 => None,
        1 if ctx.documents(&groups[0].claims) >= 2 => {
            let g = &groups[0];
            let explanation =
                format!("{}: on {when}, {} sources agree on {}.", rule.description, ctx.documents(&g.claims), g.label);
            Some(finding(FindingKind::Corroborated, Severity::Info, &rule.names, groups, explanation, None, false))
        }
        1 => None,
        // A heading against its own body is the headline check's finding.
        _ if ctx.documents(chunk) == 1 && chunk.iter().any(|&i| ctx.claims[i].role != crate::document::Role::Body) => {
            None
        }
        // A document that updates its own figure ("10:05 … killed 11", then
        // "14:30 The death toll rose to 15") revises it; it does not disagree.
        _ if ctx.documents(chunk) == 1 && updated_in_order(ctx, chunk) => None,
        _ => {
            let gap = largest_gap(&groups);
            let sides: Vec<String> = groups.iter().map(|g| format!("{} ({})", g.label, side(ctx, g))).collect();
            let mut explanation =
                format!("{}: {what} {when}, sources disagree: {}.", rule.description, sides.join("; "));
            let severity = conflict_severity(ctx, rule, &groups, gap, &mut explanation);
            Some(finding(FindingKind::Discrepancy, severity, &rule.names, groups, explanation, Some(gap), false))
        }
    }
}

/// Words of a figure that rose since the one before it in the text, or
/// that a live blog's later entry gives as the source's new figure ("The
/// ministry now says 40,074", "officials later gave higher numbers: 25").
const UPDATED: [&str; 12] = [
    "rose",
    "risen",
    "climbed",
    "increased",
    "jumped",
    "grown",
    "grew",
    "now says",
    "now said",
    "now puts",
    "updated",
    "higher",
];

/// Whether the claims of one document, in the order of its text, never go
/// down, and each that differs from the one before says it rose. A story
/// may give its last figure first: "An Israeli strike killed 25 …" then
/// "The Red Crescent counted 18 … officials later gave higher numbers: 25"
/// is read without the lede's 25.
fn updated_in_order(ctx: &Ctx<'_>, chunk: &[usize]) -> bool {
    let mut order = chunk.to_vec();
    order.sort_by_key(|&i| ctx.claims[i].quantity.span.start);
    // "Earlier on Sunday a hospital had put the toll at 20" after the lede's 31:
    // a figure the text gives as superseded, below another, is history.
    let top = order.iter().map(|&i| ctx.interval(i).lo).fold(f64::NEG_INFINITY, f64::max);
    order.retain(|&i| !(ctx.interval(i).hi < top && given_as_earlier(ctx, i)));
    if let Some(&last) = order.last() {
        let last_iv = ctx.interval(last);
        order.retain(|&i| i == last || !ctx.interval(i).overlaps(&last_iv));
    }
    order.windows(2).all(|w| {
        let (a, b) = (ctx.interval(w[0]), ctx.interval(w[1]));
        if a.overlaps(&b) {
            return true;
        }
        let c = &ctx.claims[w[1]];
        let sentence: &str = &c.citation.sentence;
        let before = sentence.find(&*c.quantity.text).map_or("", |at| &sentence[..at]);
        let mut from = before.len().saturating_sub(40);
        while !before.is_char_boundary(from) {
            from -= 1;
        }
        let near = &before[from..];
        b.lo > a.hi && UPDATED.iter().any(|w| near.contains(w))
    })
}

/// Words of a figure that a later one replaced: "Earlier on Sunday a
/// hospital had put the toll at …", "initially", "previously".
const EARLIER: [&str; 5] = ["Earlier", " earlier", "initially", "previously", "at first"];

/// Whether claim `i`'s sentence gives it, before the figure, as an earlier one.
fn given_as_earlier(ctx: &Ctx<'_>, i: usize) -> bool {
    let c = &ctx.claims[i];
    let sentence: &str = &c.citation.sentence;
    let before = sentence.find(&*c.quantity.text).map_or("", |at| &sentence[..at]);
    EARLIER.iter().any(|w| before.contains(w))
}

/// Whether claim `i` is dated by a period ("last month", "in early
/// November"): it held on some day of it, not on its last.
fn over_period(ctx: &Ctx<'_>, i: usize) -> bool {
    ctx.first_day(i) < ctx.day(i)
}

/// Same-day disagreements and regressions, for claims sorted by day.
/// `compiling` words the findings for a fixed metric still being counted.
pub(super) fn running_total(ctx: &Ctx<'_>, dated: &[usize], rule: &Rule, compiling: bool) -> Vec<Finding> {
    let mut out = Vec::new();
    let chunks = day_chunks(ctx, dated, rule.same_day_days);
    for chunk in &chunks {
        // "Last month the ministry put the toll at 28,000" held on some day
        // of February, not on its last: it is not one of that day's figures.
        let pinned: Vec<usize> = chunk.iter().copied().filter(|&i| !over_period(ctx, i)).collect();
        if let Some(f) = same_time(ctx, &pinned, rule, "on") {
            // While a fixed figure is compiled, agreement is not news.
            if !(compiling && f.kind == FindingKind::Corroborated) {
                out.push(f);
            }
        }
    }
    // The highest low end seen on earlier days; claims entirely below it
    // regressed. A claim of a period is held to what came before the
    // period began: it may be of its first day.
    let mut best: Option<usize> = None;
    // The best as of the end of each chunk so far, in day order: (last day, best).
    let mut bests: Vec<(i32, usize)> = Vec::new();
    let mut below: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for chunk in &chunks {
        for &i in chunk.iter() {
            let before = if over_period(ctx, i) {
                let first = ctx.first_day(i).unwrap_or(i32::MIN);
                let n = bests.partition_point(|(day, _)| *day < first);
                n.checked_sub(1).map(|k| bests[k].1)
            } else {
                best
            };
            if let Some(b) = before
                && ctx.interval(i).hi < ctx.interval(b).lo
            {
                below.entry(b).or_default().push(i);
            }
        }
        for &i in chunk.iter() {
            if ctx.bridging(i) && best.is_none_or(|b| ctx.interval(i).lo > ctx.interval(b).lo) {
                best = Some(i);
            }
        }
        if let (Some(b), Some(&last)) = (best, chunk.last()) {
            bests.push((ctx.day(last).unwrap_or(i32::MIN), b));
        }
    }
    for (b, lows) in below {
        let groups = vec![ctx.group(&[b]), ctx.group(&lows)];
        let g = gap(groups[0].interval, groups[1].interval);
        let how = if compiling {
            "counts may rise while they are compiled, but not fall"
        } else {
            "a running total cannot go down"
        };
        let mut explanation = format!(
            "{}: {how}, yet {} ({}) is lower than {} ({}) reported earlier.",
            rule.description,
            groups[1].label,
            side(ctx, &groups[1]),
            groups[0].label,
            side(ctx, &groups[0])
        );
        let severity = conflict_severity(ctx, rule, &groups, g, &mut explanation);
        out.push(finding(FindingKind::Regression, severity, &rule.names, groups, explanation, Some(g), false));
    }
    out
}

/// Undated claims, compared as fixed with every other claim: one that
/// agrees with none is a discrepancy whose comparison ignored time.
pub(super) fn undated(ctx: &Ctx<'_>, group: &[usize], rule: &Rule) -> Vec<Finding> {
    if group.iter().all(|&i| ctx.day(i).is_some()) {
        return Vec::new();
    }
    let clusters = cluster(group, |i| ctx.interval(i), |i| ctx.bridging(i));
    if clusters.len() < 2 {
        return Vec::new();
    }
    let mut out = Vec::new();
    for (k, c) in clusters.iter().enumerate() {
        if !c.members.iter().all(|&i| ctx.day(i).is_none()) {
            continue;
        }
        // The nearest dated cluster by value.
        let near = clusters
            .iter()
            .enumerate()
            .filter(|(j, d)| *j != k && d.members.iter().any(|&i| ctx.day(i).is_some()))
            .min_by(|a, b| gap(a.1.core, c.core).total_cmp(&gap(b.1.core, c.core)))
            .map(|(_, d)| d);
        let Some(near) = near else { continue };
        let groups = vec![ctx.group(&c.members), ctx.group(&near.members)];
        let g = gap(groups[0].interval, groups[1].interval);
        let explanation = format!(
            "{}: the undated figure {} agrees with no dated claim (nearest: {}, {}); without a date the comparison ignored time.",
            rule.description,
            groups[0].label,
            groups[1].label,
            side(ctx, &groups[1])
        );
        out.push(finding(
            FindingKind::Discrepancy,
            severity_for(rule.severity, g).min(Severity::Warning),
            &rule.names,
            groups,
            explanation,
            Some(g),
            true,
        ));
    }
    out
}
