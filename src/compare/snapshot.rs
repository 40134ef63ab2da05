//! `snapshot` metrics: levels that move both ways (hostages held, people
//! displaced). Only claims within the rule's window of each other are
//! compared, as fixed. A claim dated by a period longer than the window
//! ("in November, 240 hostages were held") held on some day of it, which
//! the window cannot place: it is compared with none.

use super::cumulative::{day_chunks, same_time, undated};
use super::{Ctx, Finding};
use crate::rules::Rule;

pub(super) fn compare(ctx: &Ctx<'_>, group: &[usize], rule: &Rule) -> Vec<Finding> {
    compare_keeping(ctx, group, rule, |_, _| true)
}

/// `compare`, keeping of each window's finding only what `keep` (given the
/// finding and the window's claims) keeps: a `declining` level drops what
/// a fall explains.
pub(super) fn compare_keeping(
    ctx: &Ctx<'_>,
    group: &[usize],
    rule: &Rule,
    keep: impl Fn(&Finding, &[usize]) -> bool,
) -> Vec<Finding> {
    let mut dated: Vec<usize> = group.iter().copied().filter(|&i| ctx.day(i).is_some()).collect();
    dated.sort_by_key(|&i| (ctx.day(i), i));
    let within = if rule.window_days == 0 { "on".to_string() } else { format!("within {} days of", rule.window_days) };
    let placed = |i: usize| ctx.day(i).zip(ctx.first_day(i)).is_some_and(|(d, f)| d - f <= rule.window_days);
    dated.retain(|&i| placed(i));
    let mut out: Vec<Finding> = day_chunks(ctx, &dated, rule.window_days)
        .into_iter()
        .filter_map(|c| same_time(ctx, c, rule, &within).filter(|f| keep(f, c)))
        .map(|f| super::variants::explain(ctx, f, rule))
        .collect();
    out.extend(undated(ctx, group, rule));
    out
}
