//! `snapshot` metrics: levels that move both ways (hostages held, people
//! displaced). Only claims within the rule's window of each other are
//! compared, as fixed.

use super::cumulative::{day_chunks, same_time, undated};
use super::{Ctx, Finding};
use crate::rules::Rule;

pub(super) fn compare(ctx: &Ctx<'_>, group: &[usize], rule: &Rule) -> Vec<Finding> {
    let mut dated: Vec<usize> = group.iter().copied().filter(|&i| ctx.day(i).is_some()).collect();
    dated.sort_by_key(|&i| (ctx.day(i), i));
    let within = if rule.window_days == 0 { "on".to_string() } else { format!("within {} days of", rule.window_days) };
    let mut out: Vec<Finding> = day_chunks(ctx, &dated, rule.window_days)
        .into_iter()
        .filter_map(|c| same_time(ctx, c, rule, &within))
        .collect();
    out.extend(undated(ctx, group, rule));
    out
}
