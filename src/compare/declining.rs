//! `declining` metrics: a level that may only fall (hostages still held,
//! once those taken were counted). Compared like a `snapshot`, within the
//! rule's window; but claims that differ only as a fall would (each later
//! day's figures at or below an earlier day's, one day's figures agreeing)
//! tell of the level falling, not of sources that disagree: "about 215"
//! on 25 November and "137" on 1 December, across a truce's releases.

use super::{Ctx, Finding, FindingKind, snapshot};
use crate::rules::Rule;

pub(super) fn compare(ctx: &Ctx<'_>, group: &[usize], rule: &Rule) -> Vec<Finding> {
    snapshot::compare_keeping(ctx, group, rule, |f, window| !(f.kind == FindingKind::Discrepancy && falls(ctx, window)))
}

/// Whether the claims of `chunk`, sorted by day, differ only as a falling
/// level's would: one day's intervals share a value, and none lies wholly
/// above a claim of an earlier day.
fn falls(ctx: &Ctx<'_>, chunk: &[usize]) -> bool {
    let mut lowest_before = f64::INFINITY;
    for day in chunk.chunk_by(|&a, &b| ctx.day(a) == ctx.day(b)) {
        let lo = day.iter().map(|&i| ctx.interval(i).lo).fold(f64::NEG_INFINITY, f64::max);
        let hi = day.iter().map(|&i| ctx.interval(i).hi).fold(f64::INFINITY, f64::min);
        if lo > hi || lo > lowest_before {
            return false;
        }
        lowest_before = lowest_before.min(hi);
    }
    true
}
