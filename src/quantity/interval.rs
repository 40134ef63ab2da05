//! Value semantics: the rounding step a figure shows and the closed interval
//! of values its qualifier allows (DESIGN.md, "Value semantics").

use std::fmt;

use serde::ser::SerializeTuple;
use serde::{Serialize, Serializer};

use super::Qualifier;

/// A closed interval `[lo, hi]`; `hi` may be `+∞` (`more than 1,200`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Interval {
    pub lo: f64,
    pub hi: f64,
}

impl Interval {
    pub fn new(lo: f64, hi: f64) -> Interval {
        Interval { lo, hi }
    }

    pub fn point(v: f64) -> Interval {
        Interval { lo: v, hi: v }
    }

    /// Closed intervals overlap when they share at least one value; touching counts.
    pub fn overlaps(&self, other: &Interval) -> bool {
        self.lo <= other.hi && other.lo <= self.hi
    }

    pub fn contains(&self, v: f64) -> bool {
        self.lo <= v && v <= self.hi
    }

    /// Widen both ends by a relative tolerance of the end's magnitude.
    pub fn widened(&self, tolerance: f64) -> Interval {
        if tolerance <= 0.0 {
            return *self;
        }
        Interval { lo: self.lo - self.lo.abs() * tolerance, hi: self.hi + self.hi.abs() * tolerance }
    }

    /// Distance between two disjoint intervals (0 when they overlap).
    pub fn distance(&self, other: &Interval) -> f64 {
        if self.overlaps(other) {
            0.0
        } else if self.hi < other.lo {
            other.lo - self.hi
        } else {
            self.lo - other.hi
        }
    }
}

impl fmt::Display for Interval {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let end = |v: f64| {
            if v.is_infinite() {
                if v > 0.0 { "∞".to_string() } else { "-∞".to_string() }
            } else {
                format_number(v)
            }
        };
        if self.hi.is_infinite() {
            write!(f, "[{}, ∞)", end(self.lo))
        } else {
            write!(f, "[{}, {}]", end(self.lo), end(self.hi))
        }
    }
}

impl Serialize for Interval {
    /// `[lo, hi]`, with `null` for an infinite end.
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut t = s.serialize_tuple(2)?;
        for v in [self.lo, self.hi] {
            if v.is_finite() {
                t.serialize_element(&v)?;
            } else {
                t.serialize_element(&Option::<f64>::None)?;
            }
        }
        t.end()
    }
}

/// Format a number without a spurious fraction or exponent: `1200`, `2.5`, `0.125`.
pub fn format_number(v: f64) -> String {
    if v.is_finite() && v.fract() == 0.0 && v.abs() < 1e16 {
        format!("{}", v as i64)
    } else {
        let s = format!("{v}");
        if s.contains('e') {
            return s;
        }
        // Trim the noise of binary fractions (0.30000000000000004).
        let r = format!("{:.12}", v);
        let r = r.trim_end_matches('0').trim_end_matches('.');
        r.to_string()
    }
}

/// The rounding step an integer shows: its trailing zeros (`1,200` → 100,
/// `31,988` → 1), but never coarser than the second significant digit. A
/// figure with one significant digit does not say how it was rounded, and
/// an editor reads `close to 40,000` as 39,000 to 40,000, not 30,000 to
/// 40,000 (`40,000` → 1,000; `two million` → 100,000).
pub(crate) fn integer_step(value: f64) -> f64 {
    if value == 0.0 || value.fract() != 0.0 || value.abs() >= 1e18 {
        return 1.0;
    }
    let mut n = value.abs() as u64;
    let digits = n.ilog10() + 1;
    let mut step: f64 = 1.0;
    while n >= 10 && n.is_multiple_of(10) {
        n /= 10;
        step *= 10.0;
    }
    step.min(10f64.powi(digits.saturating_sub(2) as i32))
}

/// The interval a figure `v` with rounding step `step` and `qualifier` allows.
///
/// Bare integers below 100 are read as exact: in news copy "18 killed" means
/// eighteen, while "240" or "1,200" are roundings.
pub(crate) fn interval_for(v: f64, step: f64, qualifier: Qualifier, range_hi: Option<f64>) -> Interval {
    let s = step.max(0.0);
    match qualifier {
        Qualifier::Bare => {
            if v.abs() < 100.0 && v.fract() == 0.0 {
                Interval::point(v)
            } else {
                Interval::new(v - s / 2.0, v + s / 2.0)
            }
        }
        Qualifier::About => Interval::new(v - s, v + s),
        Qualifier::Nearly => Interval::new(v - s, v),
        Qualifier::Over | Qualifier::AtLeast => Interval::new(v, f64::INFINITY),
        Qualifier::Under | Qualifier::AtMost => Interval::new(if v >= 0.0 { 0.0 } else { f64::NEG_INFINITY }, v),
        Qualifier::Range | Qualifier::Vague => Interval::new(v, range_hi.unwrap_or(v)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps_follow_trailing_zeros() {
        assert_eq!(integer_step(1200.0), 100.0);
        assert_eq!(integer_step(240.0), 10.0);
        assert_eq!(integer_step(31988.0), 1.0);
        assert_eq!(integer_step(1000.0), 100.0);
        assert_eq!(integer_step(40_000.0), 1_000.0);
        assert_eq!(integer_step(2_000_000.0), 100_000.0);
        assert_eq!(integer_step(135_000_000.0), 1_000_000.0);
        assert_eq!(integer_step(20.0), 1.0);
    }

    #[test]
    fn design_table() {
        let i = |v, s, q| interval_for(v, s, q, None);
        assert_eq!(i(1200.0, 100.0, Qualifier::Bare), Interval::new(1150.0, 1250.0));
        assert_eq!(i(1200.0, 100.0, Qualifier::About), Interval::new(1100.0, 1300.0));
        assert_eq!(i(1200.0, 100.0, Qualifier::Nearly), Interval::new(1100.0, 1200.0));
        assert_eq!(i(240.0, 10.0, Qualifier::Over), Interval::new(240.0, f64::INFINITY));
        assert_eq!(i(7000.0, 1000.0, Qualifier::AtLeast), Interval::new(7000.0, f64::INFINITY));
        assert_eq!(i(50.0, 10.0, Qualifier::Under), Interval::new(0.0, 50.0));
        assert_eq!(i(18.0, 1.0, Qualifier::Bare), Interval::point(18.0));
        // Two roundings of one figure touch and agree.
        assert!(i(1200.0, 100.0, Qualifier::Nearly).overlaps(&i(1200.0, 100.0, Qualifier::Over)));
    }

    #[test]
    fn numbers_format_plainly() {
        assert_eq!(format_number(1200.0), "1200");
        assert_eq!(format_number(0.1 + 0.2), "0.3");
        assert_eq!(format_number(2.5), "2.5");
        assert_eq!(Interval::new(240.0, f64::INFINITY).to_string(), "[240, ∞)");
    }
}
