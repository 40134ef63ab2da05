//! Clustering claims by value: sort by interval, sweep. Claims with an open
//! end (`over 1,200`) or a vague range (`tens of thousands`) do not bridge
//! clusters: they agree with too much. They join the first cluster they
//! overlap, or stand alone when they overlap none.

use crate::quantity::Interval;

/// Claims whose intervals overlap, and the span of their intervals.
#[derive(Debug, Clone, PartialEq)]
pub struct Cluster {
    pub members: Vec<usize>,
    pub lo: f64,
    pub hi: f64,
    /// The span of the bridging members only (what the cluster states precisely).
    pub core: Interval,
}

/// Cluster `items`; `interval` gives each item's interval and `bridging`
/// whether it may join two clusters. Clusters come out sorted by value.
pub fn cluster(
    items: &[usize],
    interval: impl Fn(usize) -> Interval,
    bridging: impl Fn(usize) -> bool,
) -> Vec<Cluster> {
    let (mut bridges, loose): (Vec<usize>, Vec<usize>) = items.iter().partition(|&&i| bridging(i));
    bridges.sort_by(|&a, &b| interval(a).lo.total_cmp(&interval(b).lo).then(a.cmp(&b)));
    let mut out: Vec<Cluster> = Vec::new();
    for i in bridges {
        let iv = interval(i);
        match out.last_mut() {
            Some(c) if iv.lo <= c.hi => {
                c.members.push(i);
                c.hi = c.hi.max(iv.hi);
                c.core.hi = c.core.hi.max(iv.hi);
            }
            _ => out.push(Cluster { members: vec![i], lo: iv.lo, hi: iv.hi, core: iv }),
        }
    }
    // Loose claims: the first cluster (by value) that the interval reaches;
    // the rest are swept among themselves.
    let mut rest = Vec::new();
    for i in loose {
        let iv = interval(i);
        let k = out.partition_point(|c| c.hi < iv.lo);
        if k < out.len() && out[k].lo <= iv.hi {
            out[k].members.push(i);
        } else {
            rest.push(i);
        }
    }
    rest.sort_by(|&a, &b| interval(a).lo.total_cmp(&interval(b).lo).then(a.cmp(&b)));
    let mut alone: Vec<Cluster> = Vec::new();
    for i in rest {
        let iv = interval(i);
        match alone.last_mut() {
            Some(c) if iv.lo <= c.hi => {
                c.members.push(i);
                c.hi = c.hi.max(iv.hi);
            }
            _ => alone.push(Cluster { members: vec![i], lo: iv.lo, hi: iv.hi, core: iv }),
        }
    }
    out.extend(alone);
    out.sort_by(|a, b| a.core.lo.total_cmp(&b.core.lo).then(a.members[0].cmp(&b.members[0])));
    for c in &mut out {
        c.members.sort_unstable();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(ivs: &[(f64, f64)]) -> Vec<Vec<usize>> {
        let items: Vec<usize> = (0..ivs.len()).collect();
        cluster(&items, |i| Interval::new(ivs[i].0, ivs[i].1), |i| ivs[i].1.is_finite())
            .into_iter()
            .map(|c| c.members)
            .collect()
    }

    #[test]
    fn overlapping_intervals_cluster() {
        // nearly 1,200 and over 1,200 touch; 1,400 stands apart.
        assert_eq!(run(&[(1100.0, 1200.0), (1350.0, 1450.0), (1150.0, 1250.0)]), [vec![0, 2], vec![1]]);
    }

    #[test]
    fn open_ended_claims_do_not_bridge() {
        // "over 1,200" agrees with both 1,250 and 1,400, but does not make them agree.
        let c = run(&[(1200.0, f64::INFINITY), (1245.0, 1255.0), (1395.0, 1405.0)]);
        assert_eq!(c, [vec![0, 1], vec![2]]);
        // Alone when it reaches no cluster.
        assert_eq!(run(&[(5000.0, f64::INFINITY), (1195.0, 1205.0)]), [vec![1], vec![0]]);
    }
}
