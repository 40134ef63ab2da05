//! Claims built without documents, for tests and the compare benchmark:
//! one claim from a figure, and a corpus of many metrics of every
//! behaviour with dates spread over two years.

use std::collections::BTreeMap;

use crate::dates::{Date, add_days, parse_date};
use crate::document::{DateSource, Role};
use crate::extract::{AsOf, AsOfSource, Attribution, Citation, Claim};
use crate::quantity::{Interval, Kind, Qualifier, Quantity};
use crate::rules::{RuleError, RulePack};

/// A claim of `metric` (by rule `rule`) that a figure `text` with `interval`
/// was true on `as_of`, in document `path`.
pub fn claim(rule: &str, metric: &str, text: &str, interval: Interval, as_of: Option<Date>, path: &str) -> Claim {
    let value = if interval.hi.is_finite() && interval.lo.is_finite() {
        (interval.lo + interval.hi) / 2.0
    } else {
        interval.lo
    };
    Claim {
        rule: rule.to_string(),
        metric: metric.to_string(),
        quantity: Quantity {
            span: 0..text.len(),
            text: text.to_string(),
            value,
            kind: Kind::Cardinal,
            qualifier: Qualifier::Bare,
            range_hi: None,
            step: 1.0,
            interval: Some(interval),
            unit: None,
        },
        interval,
        as_of: AsOf {
            date: as_of,
            source: if as_of.is_some() { AsOfSource::Published } else { AsOfSource::Undated },
            text: None,
            from_earlier_sentence: false,
        },
        attribution: None,
        citation: Citation {
            path: path.to_string(),
            line: 1,
            column: 1,
            end_line: 1,
            end_column: text.len() + 1,
            span: 0..text.len(),
            sentence: text.to_string(),
            title: None,
            publisher: None,
            published: as_of,
            date_source: if as_of.is_some() { DateSource::FrontMatter } else { DateSource::Undated },
            url: None,
        },
        role: Role::Body,
        scope: BTreeMap::new(),
        sentence: 0,
        within: None,
    }
}

/// Attribute a claim to a known authority.
pub fn attributed(mut c: Claim, id: &str, name: &str) -> Claim {
    c.attribution = Some(Attribution { id: Some(id.to_string()), name: name.to_string(), text: name.to_string() });
    c
}

/// A rule pack of `metrics` rules, a quarter of each behaviour.
pub fn pack(metrics: usize) -> Result<RulePack, Vec<RuleError>> {
    const BEHAVIORS: [&str; 4] = ["fixed", "cumulative", "counter", "snapshot"];
    let sources: Vec<(String, String)> = (0..metrics)
        .map(|m| {
            let behavior = BEHAVIORS[m % 4];
            let src = format!(
                "id: m{m}\nmetric: synthetic.m{m}\ndescription: Synthetic metric {m}\nbehavior: {behavior}\nwindow: 7 days\npatterns: ['{{q}} things']\n"
            );
            (format!("synthetic/m{m}.yaml"), src)
        })
        .collect();
    RulePack::from_sources(&sources)
}

/// `n` claims over `metrics` metrics of `pack(metrics)`, dated over two
/// years from 2023-01-01, with values that mostly agree and sometimes not.
pub fn corpus(n: usize, metrics: usize) -> Vec<Claim> {
    let start = parse_date("2023-01-01").expect("valid date");
    (0..n)
        .map(|i| {
            let m = i % metrics;
            let day = ((i / metrics) * 37 + m * 11) % 730;
            let wobble = ((i * 7919) % 97) as f64;
            let (lo, hi) = match m % 4 {
                // fixed: one figure, now and then a different one
                0 => {
                    let v = 1000.0 + if i % 13 == 0 { 150.0 } else { 0.0 };
                    (v - 5.0, v + 5.0)
                }
                // cumulative: rises with the date
                1 => {
                    let v = 100.0 + day as f64 * 10.0 + wobble;
                    (v - 0.5, v + 0.5)
                }
                // counter: one event a month
                2 => {
                    let v = (day / 30 + 1) as f64;
                    (v, v)
                }
                // snapshot: moves both ways
                _ => {
                    let v = 500.0 + wobble;
                    (v - 5.0, v + 5.0)
                }
            };
            let text = format!("{}", (lo + hi) / 2.0);
            claim(
                &format!("m{m}"),
                &format!("synthetic.m{m}"),
                &text,
                Interval::new(lo, hi),
                Some(add_days(start, day as i32)),
                &format!("doc{}.md", i % 5000),
            )
        })
        .collect()
}
