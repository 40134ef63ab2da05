//! The quantity recognizer: every figure in a text with its span, value,
//! kind, qualifier and value interval, independent of any rule.
//!
//! Layout: `lexicon` holds the words of a language; `numeral` reads figures
//! written in digits, `words` figures written in words, `calendar` years,
//! dates and clock times, `context` the words around a figure (qualifiers,
//! currencies, units, ranges, identifiers) and `interval` turns a figure and
//! its qualifier into the interval the compare stage works with.

mod calendar;
mod context;
mod interval;
mod lexicon;
mod numeral;
mod recognize;
pub(crate) mod text;
pub mod wire;
mod words;

use std::fmt;
use std::ops::Range;

use serde::{Serialize, Serializer};

pub use interval::{Interval, format_number};
pub use numeral::malformed_digits;
pub use recognize::{Recognizer, candidate_baseline};

/// One figure found in a text.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Quantity {
    /// Byte span in the text, qualifier and currency included (`more than $1.2 billion`).
    pub span: Range<usize>,
    /// The text of the span, as written.
    pub text: Box<str>,
    /// The figure's value; for a range, its low end. For dates and clock
    /// times, see `kind`.
    pub value: f64,
    pub kind: Kind,
    pub qualifier: Qualifier,
    /// The high end of a range (`between 1,100 and 1,200`).
    pub range_hi: Option<f64>,
    /// The rounding step the figure shows (`1,200` → 100, `2.3 million` → 100,000).
    pub step: f64,
    /// The values the figure allows; `None` for what is not a count (years,
    /// dates, times, identifiers, idioms).
    pub interval: Option<Interval>,
    /// The unit: a currency code, `%`, a time unit.
    pub unit: Option<Box<str>>,
}

impl Quantity {
    /// The digits as written, when they are no well-formed count: a run no
    /// number reads whole ("3,0320"), or a count written with a fraction
    /// and no scale word ("30,03", "70.457", "30.000": the last two are
    /// thousands in some languages). For a figure a rule binds as a count.
    pub fn malformed(&self, text: &str) -> Option<Range<usize>> {
        malformed_digits(text, self.span.clone()).or_else(|| {
            let fraction = matches!(self.kind, Kind::Cardinal) && self.step > 0.0 && self.step < 1.0;
            fraction.then(|| numeral::digits_of(text, self.span.clone())).flatten()
        })
    }

    /// Whether the figure counts or measures something (as opposed to a year,
    /// a date, a clock time, an identifier or an idiom).
    pub fn is_count(&self) -> bool {
        self.kind.is_count()
    }

    /// The figure read with `qualifier` in place of its own bare one (a
    /// toll that "passed 30,000" is over 30,000); a figure that has a
    /// qualifier, or is no count, stays as written.
    pub fn read_as(&self, qualifier: Qualifier) -> Quantity {
        let mut q = self.clone();
        if q.qualifier == Qualifier::Bare && q.interval.is_some() {
            q.qualifier = qualifier;
            q.interval = Some(interval::interval_for(q.value, q.step, qualifier, q.range_hi));
        }
        q
    }
}

/// What a figure is.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Kind {
    Cardinal,
    Ordinal,
    Money(Currency),
    Percent,
    /// A proportion or ratio: `two to one` (2), `one in five` (0.2), `two thirds`.
    Ratio,
    Duration(TimeUnit),
    /// A calendar year or a span of years (`2012-13`); not a count.
    Year,
    /// A calendar date, possibly without year or day; not a count.
    Date(PartialDate),
    /// A clock time; not a count.
    Time(ClockTime),
    /// A number that names something (`Resolution 1701`, `COVID-19`); not a count.
    Identifier,
    /// A number inside a fixed phrase (`two-state solution`); not a count.
    Idiom,
}

impl Kind {
    pub fn is_count(&self) -> bool {
        !matches!(self, Kind::Year | Kind::Date(_) | Kind::Time(_) | Kind::Identifier | Kind::Idiom)
    }

    /// The kind's name in reports and rule files.
    pub fn name(&self) -> &'static str {
        match self {
            Kind::Cardinal => "cardinal",
            Kind::Ordinal => "ordinal",
            Kind::Money(_) => "money",
            Kind::Percent => "percent",
            Kind::Ratio => "ratio",
            Kind::Duration(_) => "duration",
            Kind::Year => "year",
            Kind::Date(_) => "date",
            Kind::Time(_) => "time",
            Kind::Identifier => "identifier",
            Kind::Idiom => "idiom",
        }
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl Serialize for Kind {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.name())
    }
}

/// An ISO 4217 currency code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Currency(pub &'static str);

/// A unit of time for durations.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum TimeUnit {
    Second,
    Minute,
    Hour,
    Day,
    Week,
    Month,
    Year,
    Decade,
    Century,
}

impl TimeUnit {
    pub fn name(self) -> &'static str {
        match self {
            TimeUnit::Second => "second",
            TimeUnit::Minute => "minute",
            TimeUnit::Hour => "hour",
            TimeUnit::Day => "day",
            TimeUnit::Week => "week",
            TimeUnit::Month => "month",
            TimeUnit::Year => "year",
            TimeUnit::Decade => "decade",
            TimeUnit::Century => "century",
        }
    }
}

/// A date as written: the year or the day may be missing (`October 7`, `October 2023`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PartialDate {
    pub year: Option<i16>,
    pub month: u8,
    pub day: Option<u8>,
}

impl fmt::Display for PartialDate {
    /// ISO 8601, with `--MM-DD` for a date without year.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.year, self.day) {
            (Some(y), Some(d)) => write!(f, "{y:04}-{:02}-{d:02}", self.month),
            (Some(y), None) => write!(f, "{y:04}-{:02}", self.month),
            (None, Some(d)) => write!(f, "--{:02}-{d:02}", self.month),
            (None, None) => write!(f, "--{:02}", self.month),
        }
    }
}

/// A time of day, 24-hour.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ClockTime {
    pub hour: u8,
    pub minute: u8,
}

impl fmt::Display for ClockTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02}:{:02}", self.hour, self.minute)
    }
}

/// How a figure is hedged, which decides its interval (DESIGN.md, "Value semantics").
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Qualifier {
    /// No qualifier: the figure stands for itself, within its rounding.
    Bare,
    /// about, around, approximately, roughly, some, an estimated
    About,
    /// nearly, almost, close to, just under
    Nearly,
    /// over, more than, upwards of, in excess of, -plus, +
    Over,
    /// at least, no fewer than, or more
    AtLeast,
    /// under, fewer than, less than
    Under,
    /// at most, up to, no more than
    AtMost,
    /// between a and b, a-b, a to b
    Range,
    /// tens of thousands, hundreds, dozens of, several hundred
    Vague,
}

impl Qualifier {
    pub const ALL: [Qualifier; 9] = [
        Qualifier::Bare,
        Qualifier::About,
        Qualifier::Nearly,
        Qualifier::Over,
        Qualifier::AtLeast,
        Qualifier::Under,
        Qualifier::AtMost,
        Qualifier::Range,
        Qualifier::Vague,
    ];

    /// The qualifier's name in reports and rule files.
    pub fn name(self) -> &'static str {
        match self {
            Qualifier::Bare => "none",
            Qualifier::About => "about",
            Qualifier::Nearly => "nearly",
            Qualifier::Over => "over",
            Qualifier::AtLeast => "at_least",
            Qualifier::Under => "under",
            Qualifier::AtMost => "at_most",
            Qualifier::Range => "range",
            Qualifier::Vague => "vague",
        }
    }

    pub fn from_name(name: &str) -> Option<Qualifier> {
        Qualifier::ALL.into_iter().find(|q| q.name() == name)
    }
}

impl fmt::Display for Qualifier {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl Serialize for Qualifier {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.name())
    }
}

/// Recognise every figure in `text` with the English lexicon.
pub fn recognize(text: &str) -> Vec<Quantity> {
    Recognizer::english().recognize(text)
}

#[cfg(test)]
mod tests;
