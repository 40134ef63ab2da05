//! Records of recognised figures for `figcheck extract`: JSON Lines and a
//! table for reading.

use std::io::{self, Write};

use serde::Serialize;

use crate::document::Document;
use crate::quantity::{Interval, Kind, Quantity, format_number};

/// One figure with its location, as `figcheck extract` prints it.
#[derive(Debug, Serialize)]
pub struct QuantityRecord<'a> {
    pub path: &'a str,
    pub line: usize,
    pub column: usize,
    pub start: usize,
    pub end: usize,
    pub text: &'a str,
    pub kind: Kind,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<f64>,
    pub qualifier: crate::quantity::Qualifier,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub range_hi: Option<f64>,
    pub interval: Option<Interval>,
    pub unit: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub time: Option<String>,
}

impl<'a> QuantityRecord<'a> {
    pub fn new(doc: &'a Document, q: &'a Quantity) -> QuantityRecord<'a> {
        // Positions in the file as read, like line and column.
        let file = doc.file_span(&q.span);
        let (line, column) = doc.file_line_col(file.start);
        let (value, date, time) = match q.kind {
            Kind::Date(d) => (None, Some(d.to_string()), None),
            Kind::Time(t) => (None, None, Some(t.to_string())),
            _ => (Some(q.value), None, None),
        };
        QuantityRecord {
            path: &doc.path,
            line,
            column,
            start: file.start,
            end: file.end,
            text: &q.text,
            kind: q.kind,
            value,
            qualifier: q.qualifier,
            range_hi: q.range_hi,
            interval: q.interval,
            unit: q.unit.as_deref(),
            date,
            time,
        }
    }
}

/// Write one JSON object per figure.
pub fn write_jsonl(out: &mut Vec<u8>, records: &[QuantityRecord<'_>]) -> io::Result<()> {
    for r in records {
        serde_json::to_writer(&mut *out, r)?;
        out.write_all(b"\n")?;
    }
    Ok(())
}

/// The value column of the table: the figure, a date or a time.
fn shown_value(r: &QuantityRecord<'_>) -> String {
    match (&r.date, &r.time, r.value) {
        (Some(d), _, _) => d.clone(),
        (_, Some(t), _) => t.clone(),
        (_, _, Some(v)) => match r.range_hi {
            Some(hi) => format!("{}..{}", format_number(v), format_number(hi)),
            None => format_number(v),
        },
        _ => String::new(),
    }
}

/// The table's columns.
pub const TABLE_HEADER: [&str; 6] = ["location", "kind", "value", "qualifier", "interval", "text"];

/// Write an aligned table: location, kind, value, qualifier, interval, text.
pub fn write_table(out: &mut dyn Write, records: &[QuantityRecord<'_>]) -> io::Result<()> {
    super::write_aligned(out, &TABLE_HEADER, &table_rows(records))
}

/// The table's rows, owned, so documents can be dropped before the table is printed.
pub fn table_rows(records: &[QuantityRecord<'_>]) -> Vec<[String; 6]> {
    records
        .iter()
        .map(|r| {
            let kind = match r.unit {
                Some(u) if !matches!(r.kind, Kind::Percent) => format!("{} ({u})", r.kind),
                _ => r.kind.to_string(),
            };
            [
                format!("{}:{}:{}", r.path, r.line, r.column),
                kind,
                shown_value(r),
                r.qualifier.to_string(),
                r.interval.map(|i| i.to_string()).unwrap_or_else(|| "-".into()),
                super::one_line(r.text),
            ]
        })
        .collect()
}
