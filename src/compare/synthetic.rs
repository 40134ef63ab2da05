//! Claims built without documents, for tests and the compare benchmark:
//! one claim from a figure, and a corpus of many metrics of every
//! behaviour with dates spread over two years.

use std::sync::Arc;

use crate::dates::{Date, add_days, parse_date};
use crate::document::{DateSource, DocumentInfo, Format, Meta, Role};
use crate::extract::{AsOf, AsOfSource, Attribution, Citation, Claim};
use crate::quantity::{Interval, Kind, Qualifier, Quantity};
use crate::rules::{RuleError, RuleNames, RulePack};

/// A claim of `metric` (by rule `rule`) that a figure `text` with `interval`
/// was true on `as_of`, a date its sentence states, in document `path`.
pub fn claim(rule: &str, metric: &str, text: &str, interval: Interval, as_of: Option<Date>, path: &str) -> Claim {
    let value = if interval.hi.is_finite() && interval.lo.is_finite() {
        (interval.lo + interval.hi) / 2.0
    } else {
        interval.lo
    };
    Claim {
        names: Arc::new(RuleNames { id: rule.into(), metric: metric.into() }),
        quantity: Quantity {
            span: 0..text.len(),
            text: text.into(),
            value,
            kind: Kind::Cardinal,
            qualifier: Qualifier::Bare,
            range_hi: None,
            step: 1.0,
            interval: Some(interval),
            unit: None,
        },
        as_of: AsOf {
            date: as_of,
            source: if as_of.is_some() { AsOfSource::Stated } else { AsOfSource::Undated },
            earliest: None,
            text: None,
            from_earlier_sentence: false,
        },
        attribution: None,
        citation: Citation {
            document: Arc::new(DocumentInfo {
                path: path.to_string(),
                format: Format::Text,
                meta: Meta {
                    published: as_of,
                    date_source: if as_of.is_some() { DateSource::FrontMatter } else { DateSource::Undated },
                    ..Meta::default()
                },
            }),
            line: 1,
            column: 1,
            end_line: 1,
            end_column: text.len() as u32 + 1,
            span: 0..text.len() as u32,
            sentence: text.into(),
        },
        role: Role::Body,
        sentence: 0,
        within: None,
        event: None,
        malformed: None,
    }
}

/// Attribute a claim to a known authority.
pub fn attributed(mut c: Claim, id: &str, name: &str) -> Claim {
    c.attribution =
        Some(Arc::new(Attribution { id: Some(id.to_string()), name: name.to_string(), text: name.to_string() }));
    c
}

/// A rule pack of `metrics` rules, a quarter of each behaviour.
pub fn pack(metrics: usize) -> Result<RulePack, Vec<RuleError>> {
    const BEHAVIORS: [&str; 4] = ["fixed", "cumulative", "counter", "snapshot"];
    let sources: Vec<(String, String)> = (0..metrics)
        .map(|m| {
            let behavior = BEHAVIORS[m % 4];
            let src = format!(
                "id: m{m}\nmetric: synthetic.m{m}\ndescription: Synthetic metric {m}\nbehavior: {behavior}\nwindow: 0 days\nevent_window: 2 days\npatterns: ['{{q}} things']\n"
            );
            (format!("synthetic/m{m}.yaml"), src)
        })
        .collect();
    RulePack::from_sources(&sources)
}

/// `n` claims over `metrics` metrics of `pack(metrics)`, dated over two
/// years from 2023-01-01. Every metric's figures follow its behaviour (one
/// figure, a rising total, a monthly count, a level that moves), and one
/// claim in fifty is off, so findings grow in proportion to claims.
pub fn corpus(n: usize, metrics: usize) -> Vec<Claim> {
    let start = parse_date("2023-01-01").expect("valid date");
    (0..n)
        .map(|i| {
            let m = i % metrics;
            // The claim's place among its metric's claims.
            let slot = i / metrics;
            let mut day = (slot * 7919 + m * 13) % 730;
            let off = slot % 50 == 7;
            let v = match m % 4 {
                0 => 1000.0,
                1 => 100.0 + day as f64 * 10.0,
                // One event a month, reported on its day or the next.
                2 => {
                    day = day / 30 * 30 + slot % 2;
                    (day / 30 + 1) as f64
                }
                _ => 500.0 + (day % 40) as f64 * 5.0,
            };
            let v = if off { (v * 0.6).round().max(1.0) } else { v };
            let half = if m % 4 == 2 { 0.0 } else { 0.5 };
            claim(
                &format!("m{m}"),
                &format!("synthetic.m{m}"),
                &format!("{v}"),
                Interval::new(v - half, v + half),
                Some(add_days(start, day as i32)),
                &format!("doc{}.md", i % 5000),
            )
        })
        .collect()
}
