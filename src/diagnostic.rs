//! Finding → diagnostic: the claim an editor should look at first (the
//! primary location) and the claims it is compared with (related
//! locations), each with a short message. Every reporter reads these.

use crate::compare::{Finding, format_count};
use crate::extract::Claim;

/// Where a claim is, and what to say there.
#[derive(Debug, Clone, PartialEq)]
pub struct Located<'a> {
    /// Index of the claim.
    pub claim: usize,
    pub path: &'a str,
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
    /// The figure as written.
    pub text: &'a str,
}

impl Located<'_> {
    /// What to say at the claim: `1,400 (The Times, 2023-10-19)`. Made when
    /// rendered: a large run has many located claims.
    pub fn message(&self, claims: &[Claim]) -> String {
        use std::fmt::Write;
        let c = &claims[self.claim];
        let who = c.citation.publisher().unwrap_or(c.citation.path());
        // One string, written in place: a SARIF result can cite thousands.
        let mut s = String::with_capacity(c.quantity.text.len() + who.len() + 48);
        s.push_str(&c.quantity.text);
        s.push_str(" (");
        s.push_str(who);
        s.push_str(", ");
        match c.as_of.date {
            Some(d) => write!(s, "{d}").expect("writing to a string"),
            None => s.push_str("undated"),
        }
        if let Some(a) = &c.attribution {
            s.push_str(", according to ");
            s.push_str(&a.name);
        }
        s.push(')');
        s
    }
}

/// A finding ready to render.
#[derive(Debug, Clone, PartialEq)]
pub struct Diagnostic<'a> {
    pub finding: &'a Finding,
    /// `stale gaza.killed`.
    pub title: String,
    pub primary: Located<'a>,
    /// The other claims cited, in group order: all of them, or a sample
    /// when the view lists at most so many (see `sample`).
    pub related: Vec<Located<'a>>,
    /// Cited claims left out of `related`.
    pub omitted: usize,
}

fn locate<'a>(claims: &'a [Claim], i: usize) -> Located<'a> {
    let c = &claims[i];
    Located {
        claim: i,
        path: c.citation.path(),
        line: c.citation.line as usize,
        column: c.citation.column as usize,
        end_line: c.citation.end_line as usize,
        end_column: c.citation.end_column as usize,
        text: &c.quantity.text,
    }
}

/// Where an editor should look for finding `f`: the last claim of its
/// primary group (`Finding::primary_claim`).
pub fn primary<'a>(f: &Finding, claims: &'a [Claim]) -> Located<'a> {
    locate(claims, f.primary_claim())
}

/// At most `limit` of the claims of `f` other than `primary`, in group
/// order, and how many are left out. Every side gets its turn before any
/// gets a second: a view that lists a few claims of a finding over an
/// archive still shows each side. A side's share is its first and last
/// claims (by as-of date) and claims evenly spaced between, so it spans
/// the side's dates.
fn sample(f: &Finding, primary: usize, limit: usize) -> (Vec<usize>, usize) {
    let sides: Vec<Vec<usize>> =
        f.groups.iter().map(|g| g.claims.iter().copied().filter(|&i| i != primary).collect()).collect();
    pick(&sides, limit)
}

/// `sample` over the sides' claims.
fn pick(sides: &[Vec<usize>], limit: usize) -> (Vec<usize>, usize) {
    let total: usize = sides.iter().map(Vec::len).sum();
    if total <= limit {
        return (sides.concat(), 0);
    }
    let mut share = vec![0; sides.len()];
    let mut left = limit;
    for round in 0.. {
        let before = left;
        for (side, n) in sides.iter().zip(&mut share) {
            if left > 0 && round < side.len() {
                *n += 1;
                left -= 1;
            }
        }
        if left == 0 || left == before {
            break;
        }
    }
    let picked =
        sides.iter().zip(&share).flat_map(|(side, &n)| (0..n).map(move |k| side[spread(k, n, side.len())])).collect();
    (picked, total - limit)
}

/// The `k`-th of `n` positions spread evenly over `0..len`, the first and
/// the last included.
fn spread(k: usize, n: usize, len: usize) -> usize {
    if n <= 1 { 0 } else { k * (len - 1) / (n - 1) }
}

impl<'a> Diagnostic<'a> {
    /// The finding with at most `limit` related claims (see `sample`;
    /// `usize::MAX` for all).
    pub fn sampled(f: &'a Finding, claims: &'a [Claim], limit: usize) -> Diagnostic<'a> {
        let primary = primary(f, claims);
        let (picked, omitted) = sample(f, primary.claim, limit);
        let related = picked.into_iter().map(|i| locate(claims, i)).collect();
        Diagnostic { finding: f, title: format!("{} {}", f.kind.name(), f.metric()), primary, related, omitted }
    }

    /// The note under a list cut by `sampled`, naming how many figures the
    /// finding cites and where they all are.
    pub fn omitted_note(&self) -> Option<String> {
        (self.omitted > 0).then(|| {
            let shown = self.related.len() + 1;
            format!(
                "{shown} of {} figures shown (each side's first, last and evenly spaced between); the JSON report lists them all",
                format_count((shown + self.omitted) as f64)
            )
        })
    }

    /// A one-line note on the reference series, if the finding cites one.
    pub fn series_note(&self) -> Option<String> {
        let s = self.finding.series.as_ref()?;
        let state = match s.reported {
            Some(false) => " (filled in between reports)",
            _ => "",
        };
        Some(format!("{}: {} on {}{state} [{}]", s.dataset.title, format_count(s.value), s.date, s.dataset.path))
    }
}

#[cfg(test)]
mod tests {
    use super::pick;

    #[test]
    fn every_side_gets_a_turn_and_a_share_spans_its_side() {
        let sides = vec![(0..10).collect::<Vec<usize>>(), vec![10, 11]];
        // Two each in turn, then the longer side's third: its first, middle and last.
        assert_eq!(pick(&sides, 5), (vec![0, 4, 9, 10, 11], 7));
        assert_eq!(pick(&sides, 1), (vec![0], 11));
        assert_eq!(pick(&sides, 2), (vec![0, 10], 10));
        assert_eq!(pick(&sides, 4), (vec![0, 9, 10, 11], 8));
    }

    #[test]
    fn a_finding_within_the_limit_is_listed_whole() {
        let sides = vec![vec![3, 1], vec![], vec![7]];
        assert_eq!(pick(&sides, 3), (vec![3, 1, 7], 0));
        assert_eq!(pick(&sides, usize::MAX), (vec![3, 1, 7], 0));
    }

    #[test]
    fn more_sides_than_the_limit_show_the_first_sides() {
        let sides = vec![vec![1, 2], vec![3], vec![4], vec![5, 6]];
        assert_eq!(pick(&sides, 3), (vec![1, 3, 4], 3));
        assert_eq!(pick(&sides, 0), (vec![], 6));
    }
}
