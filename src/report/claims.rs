//! Claims for `figcheck extract --claims`: JSON Lines and a table.

use std::io::{self, Write};

use serde::Serialize;

use crate::dates::Date;
use crate::extract::{AsOfSource, Claim};
use crate::quantity::{Interval, Kind, Qualifier, format_number};

/// One claim as a flat record.
#[derive(Debug, Serialize)]
pub struct ClaimRecord<'a> {
    pub path: &'a str,
    pub line: usize,
    pub column: usize,
    pub rule: &'a str,
    pub metric: &'a str,
    pub text: &'a str,
    pub kind: Kind,
    pub value: f64,
    pub qualifier: Qualifier,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub range_hi: Option<f64>,
    pub interval: Interval,
    pub unit: Option<&'a str>,
    pub as_of: Option<Date>,
    /// The first day of a period the figure is dated by.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub as_of_from: Option<Date>,
    pub as_of_source: AsOfSource,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub as_of_text: Option<&'a str>,
    pub attribution: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub attribution_text: Option<&'a str>,
    /// The name of the single event the figure counts.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub event: Option<&'a str>,
    pub role: crate::document::Role,
    pub sentence: &'a str,
    pub publisher: Option<&'a str>,
    pub published: Option<Date>,
    pub date_source: crate::document::DateSource,
}

impl<'a> ClaimRecord<'a> {
    pub fn new(c: &'a Claim) -> ClaimRecord<'a> {
        ClaimRecord {
            path: c.citation.path(),
            line: c.citation.line as usize,
            column: c.citation.column as usize,
            rule: c.rule(),
            metric: c.metric(),
            text: &c.quantity.text,
            kind: c.quantity.kind,
            value: c.quantity.value,
            qualifier: c.quantity.qualifier,
            range_hi: c.quantity.range_hi,
            interval: c.interval(),
            unit: c.quantity.unit.as_deref(),
            as_of: c.as_of.date,
            as_of_from: c.as_of.earliest,
            as_of_source: c.as_of.source,
            as_of_text: c.as_of.text.as_deref(),
            attribution: c.attribution.as_ref().map(|a| a.key()),
            attribution_text: c.attribution.as_ref().map(|a| a.text.as_str()),
            event: c.event_name().map(|e| &**e),
            role: c.role,
            sentence: &c.citation.sentence,
            publisher: c.citation.publisher(),
            published: c.citation.published(),
            date_source: c.citation.date_source(),
        }
    }
}

pub fn write_jsonl(out: &mut dyn Write, claims: &[Claim]) -> io::Result<()> {
    for c in claims {
        serde_json::to_writer(&mut *out, &ClaimRecord::new(c))?;
        out.write_all(b"\n")?;
    }
    Ok(())
}

/// The table's columns.
pub const TABLE_HEADER: [&str; 7] = ["location", "metric", "figure", "value", "interval", "as of", "attribution"];

/// An aligned table: location, metric, figure, interval, as of, attribution.
pub fn write_table(out: &mut dyn Write, claims: &[Claim]) -> io::Result<()> {
    super::write_aligned(out, &TABLE_HEADER, &table_rows(claims))
}

/// The table's rows, owned.
pub fn table_rows(claims: &[Claim]) -> Vec<[String; 7]> {
    claims
        .iter()
        .map(|c| {
            let as_of = match (c.as_of.day(), c.as_of.source) {
                (None, _) => "undated".to_string(),
                (Some(d), AsOfSource::Published) => d,
                (Some(d), AsOfSource::Upcoming) => format!("{d} or later ({})", c.as_of.text.as_deref().unwrap_or("")),
                (Some(d), _) => format!("{d} ({})", c.as_of.text.as_deref().unwrap_or("stated")),
            };
            [
                format!("{}:{}:{}", c.citation.path(), c.citation.line, c.citation.column),
                c.metric().to_string(),
                super::one_line(&c.quantity.text),
                // A malformed figure's value is not known (see `compare::malformed`).
                if c.malformed.is_some() { "malformed".to_string() } else { format_number(c.quantity.value) },
                if c.malformed.is_some() { "-".to_string() } else { c.interval().to_string() },
                as_of,
                c.attribution.as_ref().map_or("-".to_string(), |a| a.key().to_string()),
            ]
        })
        .collect()
}
