//! `fixed` metrics: one true value. Claims are clustered; one cluster is
//! corroboration, several are a discrepancy, or a revision when each
//! cluster's claims all come after the previous cluster's. During the
//! rule's compiling period after its event, counts may still rise: those
//! early, lower clusters are not conflicts, but a fall is.

use super::cluster::cluster;
use super::{Ctx, Finding, FindingKind, conflict_severity, cumulative, dates, finding, largest_gap, side};
use crate::dates::day_number;
use crate::rules::{Rule, Severity};

pub(super) fn compare(ctx: &Ctx<'_>, group: &[usize], rule: &Rule) -> Vec<Finding> {
    let mut out = Vec::new();
    let event = rule.event_date.map(day_number);
    let compiling = |i: usize| match (ctx.day(i), event) {
        (Some(d), Some(e)) if rule.compiling_days > 0 => d >= e && d <= e + rule.compiling_days,
        _ => false,
    };
    let mut early: Vec<usize> = group.iter().copied().filter(|&i| compiling(i)).collect();
    early.sort_by_key(|&i| (ctx.day(i), i));
    if early.len() >= 2 {
        out.extend(cumulative::running_total(ctx, &early, rule, true));
    }

    let mut clusters = cluster(group, |i| ctx.interval(i), |i| ctx.bridging(i));
    if clusters.len() > 1 && !early.is_empty() {
        // The settled figure is the cluster of the latest claim after compiling.
        let latest = group
            .iter()
            .copied()
            .filter(|&i| !compiling(i))
            .max_by_key(|&i| (ctx.day(i), i))
            .or_else(|| group.iter().copied().max_by_key(|&i| (ctx.day(i), i)));
        let settled_hi = latest.and_then(|l| clusters.iter().find(|c| c.members.contains(&l))).map(|c| c.hi);
        if let Some(hi) = settled_hi {
            clusters.retain(|c| !(c.members.iter().all(|&i| compiling(i)) && c.hi < hi));
        }
    }
    let undated = group.iter().filter(|&&i| ctx.day(i).is_none()).count();
    match clusters.len() {
        0 => {}
        1 => {
            let g = ctx.group(&clusters[0].members);
            if ctx.documents(&g.claims) >= 2 {
                let explanation = format!(
                    "{}: {} sources agree on {} ({}).",
                    rule.description,
                    ctx.documents(&g.claims),
                    g.label,
                    dates(&g)
                );
                out.push(finding(
                    FindingKind::Corroborated,
                    Severity::Info,
                    &rule.names,
                    vec![g],
                    explanation,
                    None,
                    undated > 0,
                ));
            }
        }
        _ => {
            let mut groups: Vec<_> = clusters.iter().map(|c| ctx.group(&c.members)).collect();
            groups.sort_by_key(|g| (g.first.is_none(), g.first, g.last));
            let gap = largest_gap(&groups);
            let in_sequence = undated == 0 && groups.windows(2).all(|w| w[0].last < w[1].first);
            if in_sequence {
                let steps: Vec<String> = groups.iter().map(|g| g.label.clone()).collect();
                let between: Vec<String> = groups
                    .windows(2)
                    .map(|w| format!("between {} and {}", w[0].last.expect("dated"), w[1].first.expect("dated")))
                    .collect();
                let sides: Vec<String> = groups.iter().map(|g| format!("{} ({})", g.label, side(ctx, g))).collect();
                let explanation = format!(
                    "{}: revised from {} {}. {}.",
                    rule.description,
                    steps.join(" to "),
                    between.join(", then "),
                    sides.join("; ")
                );
                let severity = rule.severity.min(Severity::Warning);
                out.push(finding(FindingKind::Revision, severity, &rule.names, groups, explanation, Some(gap), false));
            } else {
                let sides: Vec<String> = groups.iter().map(|g| format!("{} ({})", g.label, side(ctx, g))).collect();
                let mut explanation = format!("{}: sources disagree: {}.", rule.description, sides.join("; "));
                let severity = conflict_severity(ctx, rule, &groups, gap, &mut explanation);
                if undated > 0 {
                    explanation.push_str(" Some claims are undated, so the comparison ignored time.");
                }
                out.push(finding(
                    FindingKind::Discrepancy,
                    severity,
                    &rule.names,
                    groups,
                    explanation,
                    Some(gap),
                    undated > 0,
                ));
            }
        }
    }
    out
}
