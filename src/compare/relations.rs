//! Relations between metrics: a part may not exceed its whole (children
//! killed ≤ killed; hostages held ≤ taken; a tranche ≤ the total), at
//! comparable dates; and inside one sentence, "X, including Y" means Y ≤ X.

use std::collections::BTreeMap;

use super::{Ctx, Finding, FindingKind, far_below_note, finding, gap, name_event, side};
use crate::dates::day_number;
use crate::rules::{Behavior, Rule, Severity};

/// Range minimum over a fixed array (sparse table): O(n log n) to build, O(1) to query.
struct RangeMin {
    table: Vec<Vec<(f64, usize)>>,
}

impl RangeMin {
    fn new(values: Vec<(f64, usize)>) -> RangeMin {
        let n = values.len();
        let mut table = vec![values];
        let mut width = 1;
        while width * 2 <= n {
            let prev = table.last().expect("a level");
            // Level k holds the minimum of each window of 2^k values.
            let next: Vec<(f64, usize)> = (0..=n - width * 2).map(|i| min(prev[i], prev[i + width])).collect();
            table.push(next);
            width *= 2;
        }
        RangeMin { table }
    }

    /// The minimum over `[a, b)`, if not empty.
    fn query(&self, a: usize, b: usize) -> Option<(f64, usize)> {
        if a >= b {
            return None;
        }
        let k = (usize::BITS - 1 - (b - a).leading_zeros()) as usize;
        Some(min(self.table[k][a], self.table[k][b - (1 << k)]))
    }
}

fn min(a: (f64, usize), b: (f64, usize)) -> (f64, usize) {
    if b.0 < a.0 || (b.0 == a.0 && b.1 < a.1) { b } else { a }
}

/// Every `part_of` relation of the pack, checked.
pub(super) fn part_of(ctx: &Ctx<'_>, by_metric: &BTreeMap<&str, Vec<usize>>) -> Vec<Finding> {
    let mut out = Vec::new();
    let mut seen = Vec::new();
    for rule in &ctx.pack.rules {
        for whole in &rule.part_of {
            if seen.contains(&(&rule.metric, whole)) {
                continue;
            }
            seen.push((&rule.metric, whole));
            let (Some(parts), Some(wholes)) = (by_metric.get(&*rule.metric), by_metric.get(whole.as_str())) else {
                continue;
            };
            let Some(whole_rule) = ctx.pack.for_metric(whole).next() else { continue };
            if rule.event.is_none() && whole_rule.event.is_none() {
                out.extend(check(ctx, rule, whole_rule, parts, wholes));
                continue;
            }
            // Parts and wholes of single events: of the same event only.
            let mut by_event: BTreeMap<u32, (Vec<usize>, Vec<usize>)> = BTreeMap::new();
            for &p in parts {
                by_event.entry(ctx.events[p]).or_default().0.push(p);
            }
            for &w in wholes {
                by_event.entry(ctx.events[w]).or_default().1.push(w);
            }
            for (event, (ps, ws)) in by_event {
                if event == 0 || ps.is_empty() || ws.is_empty() {
                    continue;
                }
                let mut found = check(ctx, rule, whole_rule, &ps, &ws);
                if let Some(name) = ctx.claims[ps[0]].event_name() {
                    name_event(&mut found, &rule.description, name);
                }
                out.extend(found);
            }
        }
    }
    out
}

fn check(ctx: &Ctx<'_>, part: &Rule, whole: &Rule, parts: &[usize], wholes: &[usize]) -> Vec<Finding> {
    let mut dated: Vec<usize> = wholes.iter().copied().filter(|&i| ctx.day(i).is_some()).collect();
    dated.sort_by_key(|&i| (ctx.day(i), i));
    let days: Vec<i32> = dated.iter().map(|&i| ctx.day(i).expect("dated")).collect();
    let undated_min =
        wholes.iter().copied().filter(|&i| ctx.day(i).is_none()).map(|i| (ctx.interval(i).hi, i)).reduce(min);
    let rmq = RangeMin::new(dated.iter().map(|&i| (ctx.interval(i).hi, i)).collect());
    let mut violations: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for &p in parts {
        // The wholes a part is compared with, by the whole's behaviour.
        // While a fixed whole is compiled (`compiling:` days after its
        // event), its count may still rise: "nearly 150" taken, said five
        // days in, bounds no later count of the held. Those claims dated
        // before the part are skipped: `skip` is their range in `dated`.
        let skip = match (whole.behavior, whole.event_date.map(day_number)) {
            (Behavior::Fixed, Some(e)) if whole.compiling_days > 0 => {
                let start = days.partition_point(|&x| x < e);
                let end = days.partition_point(|&x| x <= e + whole.compiling_days);
                let before = ctx.day(p).map_or(end, |d| days.partition_point(|&x| x < d));
                start..end.min(before).max(start)
            }
            _ => 0..0,
        };
        let (a, b) = match (ctx.day(p), whole.behavior) {
            (_, Behavior::Fixed) if !skip.is_empty() => (skip.end, dated.len()),
            (None, _) | (_, Behavior::Fixed) => (0, dated.len()),
            // A running total at a later date is at least as large.
            (Some(d), Behavior::Cumulative) => (days.partition_point(|&x| x < d), dated.len()),
            (Some(d), _) => {
                let w = whole.window_days.max(whole.event_window_days * i32::from(whole.behavior == Behavior::Counter));
                (days.partition_point(|&x| x < d - w), days.partition_point(|&x| x <= d + w))
            }
        };
        let best = [rmq.query(a, b), rmq.query(0, skip.start), undated_min].into_iter().flatten().reduce(min);
        // "12 killed, including 15 children" is said in one sentence: the
        // finding of `including` quotes it.
        let said_within = |w: usize| {
            ctx.docs[p] == ctx.docs[w]
                && ctx.claims[p].within.is_some_and(|at| at as usize == ctx.claims[w].quantity.span.start)
        };
        if let Some((hi, w)) = best
            && ctx.interval(p).lo > hi
            && !said_within(w)
        {
            violations.entry(w).or_default().push(p);
        }
    }
    violations
        .into_iter()
        .map(|(w, ps)| {
            let groups = vec![ctx.group(&ps), ctx.group(&[w])];
            let g = gap(groups[0].interval, groups[1].interval);
            // Parts over one total may differ ("41 and 43"): each is named.
            let parts = ctx.texts(&groups[0].claims);
            let exceed = if parts.contains(" and ") { "exceed the total they are" } else { "exceeds the total it is" };
            let explanation = format!(
                "{}: {parts} ({}) {exceed} part of. {}: {} ({}).",
                part.description,
                side(ctx, &groups[0]),
                whole.description,
                groups[1].label,
                side(ctx, &groups[1])
            );
            // "seven" as the toll, under 500 children: the toll is more likely a strike's.
            let note = far_below_note(&groups);
            let mut f = finding(
                FindingKind::RelationViolation,
                Severity::Error,
                &part.names,
                groups,
                explanation,
                Some(g),
                false,
            );
            if let Some(note) = note {
                f.add_note(&format!(" This is a note: {note}."));
            }
            f
        })
        .collect()
}

/// "18 fatalities, including four children": the included figure may not
/// exceed the figure it is part of.
pub(super) fn including(ctx: &Ctx<'_>) -> Vec<Finding> {
    let mut out = Vec::new();
    for (b, c) in ctx.claims.iter().enumerate() {
        let Some(whole) = c.within.filter(|_| c.malformed.is_none()) else { continue };
        // The whole comes before the part, in the same document's claims.
        let Some(a) = (0..b)
            .rev()
            .take_while(|&a| ctx.claims[a].citation.path() == c.citation.path())
            .find(|&a| ctx.claims[a].quantity.span.start == whole as usize)
            .filter(|&a| ctx.claims[a].malformed.is_none())
        else {
            continue;
        };
        if ctx.interval(b).lo > ctx.interval(a).hi {
            let groups = vec![ctx.group(&[b]), ctx.group(&[a])];
            let g = gap(groups[0].interval, groups[1].interval);
            let explanation = format!(
                "In one sentence, {} is given as part of {}, but it is larger: \"{}\".",
                groups[0].label, groups[1].label, c.citation.sentence
            );
            out.push(finding(
                FindingKind::RelationViolation,
                Severity::Error,
                &c.names,
                groups,
                explanation,
                Some(g),
                false,
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn range_minimum() {
        let r = RangeMin::new(vec![(5.0, 0), (3.0, 1), (8.0, 2), (1.0, 3), (9.0, 4)]);
        assert_eq!(r.query(1, 5), Some((1.0, 3)));
        assert_eq!(r.query(4, 5), Some((9.0, 4)));
        assert_eq!(RangeMin::new(Vec::new()).query(0, 0), None);
        for n in 1..20 {
            let v: Vec<(f64, usize)> = (0..n).map(|i| (((i * 7) % 5) as f64, i)).collect();
            let r = RangeMin::new(v.clone());
            for a in 0..n {
                for b in a + 1..=n {
                    assert_eq!(r.query(a, b), v[a..b].iter().copied().reduce(min));
                }
            }
        }
        assert_eq!(r.query(0, 5), Some((1.0, 3)));
        assert_eq!(r.query(0, 3), Some((3.0, 1)));
        assert_eq!(r.query(2, 3), Some((8.0, 2)));
        assert_eq!(r.query(4, 4), None);
    }
}
