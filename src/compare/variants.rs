//! Counts that differ by a group some sources count and others leave out
//! (a rule's `variants:`): hostages held, with or without the four held in
//! Gaza since 2014 and 2015. When a disagreement's sides part into two,
//! each agreeing within, that differ by exactly the group, the sources
//! agree but for a definition: the finding stays, as a note that says so.

use super::Ctx;
use super::finding::{Explanation, Finding, FindingKind};
use crate::quantity::Interval;
use crate::rules::{Rule, Severity};

pub(super) fn explain(ctx: &Ctx<'_>, mut f: Finding, rule: &Rule) -> Finding {
    if f.kind != FindingKind::Discrepancy || rule.variants.is_empty() {
        return f;
    }
    // Each side's claims' own intervals: a side's span may be wider than any claim.
    let sides: Vec<Vec<Interval>> =
        f.groups.iter().map(|g| g.claims.iter().map(|&i| ctx.interval(i)).collect()).collect();
    if let Some(v) = rule.variants.iter().find(|v| parts_by(&sides, v.offset)) {
        f.severity = Severity::Info;
        if let Explanation::Text(s) = &mut f.explanation {
            s.push_str(&format!(
                " The two differ by {}: counts with and without {}.",
                super::format_count(v.offset),
                v.group
            ));
        }
    }
    f
}

/// Whether the sides, in order of value, part into a lower and an upper
/// set whose claims each share a value, the two values `offset` apart.
fn parts_by(sides: &[Vec<Interval>], offset: f64) -> bool {
    let mut sides: Vec<&Vec<Interval>> = sides.iter().filter(|s| !s.is_empty()).collect();
    let low = |s: &Vec<Interval>| s.iter().map(|i| i.lo).fold(f64::INFINITY, f64::min);
    sides.sort_by(|a, b| low(a).total_cmp(&low(b)));
    let shared = |part: &[&Vec<Interval>]| {
        let all = part.iter().flat_map(|s| s.iter());
        let lo = all.clone().map(|i| i.lo).fold(f64::NEG_INFINITY, f64::max);
        let hi = all.map(|i| i.hi).fold(f64::INFINITY, f64::min);
        (lo <= hi).then_some((lo, hi))
    };
    (1..sides.len()).any(|k| match (shared(&sides[..k]), shared(&sides[k..])) {
        // They must overlap, not touch: "125" and "128" read as 124.5-125.5
        // and 127.5-128.5 touch four apart; an exact 94 and 98 meet at a point.
        (Some((llo, lhi)), Some((ulo, uhi))) => {
            let overlap = (lhi + offset).min(uhi) - (llo + offset).max(ulo);
            overlap > 0.0 || (overlap == 0.0 && (llo == lhi || ulo == uhi))
        }
        _ => false,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sides(ivs: &[&[(f64, f64)]]) -> Vec<Vec<Interval>> {
        ivs.iter().map(|s| s.iter().map(|&(lo, hi)| Interval::new(lo, hi)).collect()).collect()
    }

    #[test]
    fn sides_a_group_apart_part_by_it() {
        // 97 and 101; 128 and "about 132".
        assert!(parts_by(&sides(&[&[(100.5, 101.5)], &[(96.5, 97.5), (96.5, 97.5)]]), 4.0));
        assert!(parts_by(&sides(&[&[(127.5, 128.5)], &[(130.0, 134.0)]]), 4.0));
        // 125 and 128: three apart, though "more than 125" on 128's side spans both.
        assert!(!parts_by(&sides(&[&[(124.5, 125.5)], &[(127.5, 128.5), (125.0, f64::INFINITY)]]), 4.0));
        // Exact figures: 94 and 98.
        assert!(parts_by(&sides(&[&[(94.0, 94.0)], &[(98.0, 98.0)]]), 4.0));
        assert!(!parts_by(&sides(&[&[(94.0, 94.0)], &[(97.0, 97.0)]]), 4.0));
        // 129, 132 and 136: 129 agrees with neither side.
        assert!(!parts_by(&sides(&[&[(128.5, 129.5)], &[(131.5, 132.5)], &[(135.5, 136.5)]]), 4.0));
    }
}
