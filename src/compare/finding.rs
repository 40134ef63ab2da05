//! What the compare stage decides: findings, each a conflict (or an
//! agreement) between groups of claims, with a plain-English explanation.

use serde::Serialize;
use std::borrow::Cow;
use std::sync::Arc;

use super::format_count;
use crate::dataset::Cited;
use crate::dates::{Date, Ymd, day_number, from_day_number};
use crate::quantity::Interval;
use crate::rules::{RuleNames, Severity};

/// What kind of finding.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum FindingKind {
    /// Claims that should agree do not.
    Discrepancy,
    /// A fixed figure changed once, and sources followed (1,400 → 1,200).
    Revision,
    /// A running total went down.
    Regression,
    /// A figure matches an older report of the reference series, not the current one.
    Stale,
    /// The same ordinal on two events, or ordinals out of order.
    OrdinalConflict,
    /// A part exceeds its whole (children killed > killed; "18, including 20 children").
    RelationViolation,
    /// A headline figure disagrees with its own body.
    HeadlineMismatch,
    /// A figure's digits are no number ("3,0320"): its value is not known.
    MalformedFigure,
    /// A figure matches no value of the reference series in its window.
    DatasetMismatch,
    /// Independent claims agree.
    Corroborated,
    /// A figure matches the reference series.
    DatasetMatch,
}

impl FindingKind {
    pub fn name(self) -> &'static str {
        match self {
            FindingKind::Discrepancy => "discrepancy",
            FindingKind::Revision => "revision",
            FindingKind::Regression => "regression",
            FindingKind::Stale => "stale",
            FindingKind::OrdinalConflict => "ordinal-conflict",
            FindingKind::RelationViolation => "relation-violation",
            FindingKind::HeadlineMismatch => "headline-mismatch",
            FindingKind::MalformedFigure => "malformed-figure",
            FindingKind::DatasetMismatch => "dataset-mismatch",
            FindingKind::Corroborated => "corroborated",
            FindingKind::DatasetMatch => "dataset-match",
        }
    }

    /// Agreements, as opposed to problems.
    pub fn is_agreement(self) -> bool {
        matches!(self, FindingKind::Corroborated | FindingKind::DatasetMatch)
    }
}

/// One side of a finding: claims that agree with each other.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Group {
    /// What the side says, in words (`1,400`, `about 1,200`).
    pub label: String,
    /// Indices into the claims the findings were computed from.
    pub claims: Vec<usize>,
    /// The values all the side's claims allow (or their span).
    pub interval: Interval,
    pub first: Option<Date>,
    pub last: Option<Date>,
}

/// A value of a reference series cited by a finding.
#[derive(Debug, Clone, PartialEq)]
pub struct SeriesRef {
    /// The dataset, shared with it.
    pub dataset: Arc<Cited>,
    pub date: Date,
    pub value: f64,
    /// `Some(false)` when the value was filled in between reports.
    pub reported: Option<bool>,
    /// The series' latest value in the claim's window, when that differs from `value` (stale figures).
    pub current: Option<(Date, f64)>,
}

impl Serialize for SeriesRef {
    /// The dataset's title, path, publisher and address first, as fields of the value's own.
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut out = s.serialize_struct("SeriesRef", 8)?;
        out.serialize_field("dataset", &*self.dataset.title)?;
        out.serialize_field("path", &*self.dataset.path)?;
        out.serialize_field("publisher", &self.dataset.publisher)?;
        out.serialize_field("url", &self.dataset.url)?;
        out.serialize_field("date", &self.date)?;
        out.serialize_field("value", &self.value)?;
        out.serialize_field("reported", &self.reported)?;
        out.serialize_field("current", &self.current)?;
        out.end()
    }
}

/// A finding's id: twelve hex digits, kept in the finding (an archive's
/// findings each had a string of their own). Empty until set.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct FindingId([u8; 12]);

impl FindingId {
    /// The id of a digest: its first six bytes in hex.
    pub fn of_digest(digest: &[u8]) -> FindingId {
        const HEX: &[u8; 16] = b"0123456789abcdef";
        let mut id = [0; 12];
        for (i, b) in digest.iter().take(6).enumerate() {
            id[2 * i] = HEX[usize::from(b >> 4)];
            id[2 * i + 1] = HEX[usize::from(b & 0xf)];
        }
        FindingId(id)
    }

    pub fn as_str(&self) -> &str {
        let len = self.0.iter().position(|&b| b == 0).unwrap_or(self.0.len());
        std::str::from_utf8(&self.0[..len]).unwrap_or_default()
    }
}

impl std::ops::Deref for FindingId {
    type Target = str;

    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl std::fmt::Display for FindingId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for FindingId {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// A conflict or agreement between claims.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    /// Stable across runs and edits that move lines: a hash of the kind,
    /// metric, and the cited claims' paths and texts.
    pub id: FindingId,
    pub kind: FindingKind,
    pub severity: Severity,
    /// The rule's id and metric, shared with it: see `metric`, `rule`.
    pub names: Arc<RuleNames>,
    /// The sides, in date order where dated.
    pub groups: Vec<Group>,
    pub series: Option<SeriesRef>,
    /// Why, in words: see `explanation`.
    pub(super) explanation: Explanation,
    /// Distance between the sides relative to the larger figure.
    pub gap: Option<f64>,
    /// Some claims had no date, so time was not taken into account.
    pub time_ignored: bool,
}

/// What a finding says, or what it is written from.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Explanation {
    Text(String),
    /// A claim that no report of its series matches. There is one such
    /// finding per claim on an archive, so the sentence is written when
    /// asked for, from the finding's one group and series value.
    NoReport {
        /// Shared by the group's mismatches against the series.
        against: Arc<Against>,
        /// Why the mismatch is only a note, if it is.
        aside: Aside,
    },
}

/// What makes a figure that matches no report a note.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Aside {
    None,
    /// The authority the claim names, when the rule lets it differ from the source.
    OtherAuthority(Arc<str>),
    /// The figure is under a twentieth of the nearest report (`FAR_BELOW`).
    FarBelow,
    /// A running total's figure between two consecutive reports, the
    /// earlier in its window: a count given between them. The report here
    /// is the one of the two that the finding's series value is not.
    Between(Date, f64),
}

/// What the mismatches of one group against one series have in common.
#[derive(Debug, PartialEq)]
pub(super) struct Against {
    /// The rule's description.
    pub description: Box<str>,
    /// The name the series' source is cited by.
    pub source: Box<str>,
    pub lag_days: i32,
}

impl Finding {
    /// Make the finding a note, saying why after its explanation.
    pub(super) fn add_note(&mut self, note: &str) {
        if let Explanation::Text(s) = &mut self.explanation {
            s.push_str(note);
            s.shrink_to_fit();
        }
        self.severity = Severity::Info;
    }

    /// The metric the finding is about.
    pub fn metric(&self) -> &Arc<str> {
        &self.names.metric
    }

    /// The id of the rule whose claims it compares.
    pub fn rule(&self) -> &Arc<str> {
        &self.names.id
    }

    /// The group an editor should look at: the later, lower, stale,
    /// larger, or less supported side.
    fn primary_group(&self) -> usize {
        match self.kind {
            FindingKind::OrdinalConflict => self.groups.len() - 1,
            // A regression's later figures are to blame, unless the earlier
            // one stands alone against more: "50,000" on one day, then 72
            // sources under it, is the 50,000's error.
            FindingKind::Regression | FindingKind::Discrepancy => {
                // The side with the fewest claims, the later one on a tie.
                let mut best = 0;
                for (k, g) in self.groups.iter().enumerate() {
                    if g.claims.len() <= self.groups[best].claims.len() {
                        best = k;
                    }
                }
                best
            }
            _ => 0,
        }
    }

    /// The claim an editor should look at first: the last of the primary group.
    pub fn primary_claim(&self) -> usize {
        *self.groups[self.primary_group()].claims.last().expect("a group has claims")
    }

    /// Why, in plain words.
    pub fn explanation(&self) -> Cow<'_, str> {
        match &self.explanation {
            Explanation::Text(s) => Cow::Borrowed(s),
            Explanation::NoReport { against, aside } => {
                let Against { description, source, lag_days } = &**against;
                let g = &self.groups[0];
                let nearest = self.series.as_ref().expect("a series value");
                // The claim's window: the days before its as-of date that a report may come from.
                let day = g.first.map_or(0, day_number);
                let (from, to) = (Ymd(from_day_number(day - lag_days)), Ymd(from_day_number(day)));
                let mut s = format!(
                    "{description}: {} (1 source, {to}) matches no {source} report between {from} and {to}; the nearest is {} on {}.",
                    g.label,
                    format_count(nearest.value),
                    Ymd(nearest.date)
                );
                match aside {
                    Aside::None => {}
                    Aside::OtherAuthority(who) => s.push_str(&format!(
                        " This is a note: the figure is attributed to {who}, and different authorities may legitimately differ from {source}."
                    )),
                    Aside::FarBelow => s.push_str(&format!(
                        " This is a note: {} is under a twentieth of the report, more likely another count (one strike's, one day's, one place's) read as this one.",
                        g.label
                    )),
                    Aside::Between(date, value) => {
                        let mut two = [(nearest.date, nearest.value), (*date, *value)];
                        two.sort_by_key(|&(d, _)| d);
                        let [(a, av), (b, bv)] = two;
                        s.push_str(&format!(
                            " This is a note: it lies between the reports of {} ({}) and {} ({}), as an update given between the two would.",
                            Ymd(a),
                            format_count(av),
                            Ymd(b),
                            format_count(bv)
                        ));
                    }
                }
                Cow::Owned(s)
            }
        }
    }

    /// Every claim cited, in group order.
    pub fn claims(&self) -> impl Iterator<Item = usize> + '_ {
        self.groups.iter().flat_map(|g| g.claims.iter().copied())
    }
}

#[cfg(test)]
mod tests {
    use super::FindingId;

    /// An archive holds about one finding per claim against a series, and
    /// the peak of a run holds them all: a field more is a memory decision.
    #[test]
    #[cfg(target_pointer_width = "64")]
    fn a_finding_and_a_claim_stay_small() {
        assert_eq!(std::mem::size_of::<super::Finding>(), 144);
        assert_eq!(std::mem::size_of::<super::SeriesRef>(), 48);
        assert_eq!(std::mem::size_of::<crate::extract::Claim>(), 272);
    }

    #[test]
    fn a_finding_id_is_the_digest_s_first_six_bytes_in_hex() {
        let id = FindingId::of_digest(&[0xde, 0xad, 0xbe, 0xef, 0x01, 0x2a, 0xff]);
        assert_eq!(id.as_str(), "deadbeef012a");
        assert_eq!(id.to_string(), "deadbeef012a");
        assert_eq!(serde_json::to_string(&id).unwrap(), "\"deadbeef012a\"");
        assert_eq!(FindingId::default().as_str(), "");
        // Ordered as their text is.
        assert!(FindingId::of_digest(&[0x0f; 6]) < FindingId::of_digest(&[0xa0; 6]));
    }
}
