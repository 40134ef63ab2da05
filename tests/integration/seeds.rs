//! The recognizer over the five seed articles: every figure an editor would
//! check is found with its value, kind and qualifier, and no year, date or
//! identifier is counted.

use serde_json::Value;

use crate::common::figcheck;
use figcheck::error::ExitStatus;

fn records(args: &[&str]) -> Vec<Value> {
    let out = figcheck(args);
    assert_eq!(out.status, ExitStatus::Clean, "{}", out.stderr);
    out.stdout.lines().map(|l| serde_json::from_str(l).expect("JSON line")).collect()
}

/// Find the record of `text` in the seed file starting with `prefix`.
fn find<'a>(all: &'a [Value], prefix: &str, text: &str) -> &'a Value {
    all.iter()
        .find(|r| r["path"].as_str().unwrap().contains(&format!("seeds/{prefix}")) && r["text"] == text)
        .unwrap_or_else(|| panic!("{text:?} not found in seed {prefix}"))
}

#[test]
fn every_checked_figure_is_found_with_value_kind_and_qualifier() {
    let all = records(&["extract", "seeds"]);
    let expect = [
        ("000", "$135 million", 135e6, "money", "none"),
        ("000", "more than $1.2 billion", 1.2e9, "money", "over"),
        ("001", "number four", 4.0, "ordinal", "none"),
        ("001", "dozen-plus", 12.0, "cardinal", "over"),
        ("001", "some 1,200", 1200.0, "cardinal", "about"),
        ("001", "around 240", 240.0, "cardinal", "about"),
        ("001", "19,667", 19667.0, "cardinal", "none"),
        ("001", "two to one", 2.0, "ratio", "none"),
        ("002", "72 hours", 72.0, "duration", "none"),
        ("002", "over 240", 240.0, "cardinal", "over"),
        ("003", "11th", 11.0, "ordinal", "none"),
        ("003", "2.3 million", 2.3e6, "cardinal", "none"),
        ("003", "18", 18.0, "cardinal", "none"),
        ("003", "four", 4.0, "cardinal", "none"),
        ("003", "over 60", 60.0, "cardinal", "over"),
        ("004", "sixth", 6.0, "ordinal", "none"),
        ("004", "Close to 32,000", 32000.0, "cardinal", "nearly"),
        ("004", "31,988", 31988.0, "cardinal", "none"),
        ("004", "74,188", 74188.0, "cardinal", "none"),
        ("004", "at least 7,000", 7000.0, "cardinal", "at_least"),
        ("004", "nearly two million", 2e6, "cardinal", "nearly"),
        ("004", "1,200", 1200.0, "cardinal", "none"),
        ("004", "third", 3.0, "ordinal", "none"),
    ];
    for (file, text, value, kind, qualifier) in expect {
        let r = find(&all, file, text);
        assert_eq!(r["value"].as_f64(), Some(value), "{file} {text}");
        assert_eq!(r["kind"], kind, "{file} {text}");
        assert_eq!(r["qualifier"], qualifier, "{file} {text}");
    }
    // Money carries its currency; the interval follows the rounding step.
    let aid = find(&all, "000", "$135 million");
    assert_eq!(aid["unit"], "USD");
    assert_eq!(aid["interval"], serde_json::json!([134.5e6, 135.5e6]));
    assert_eq!(find(&all, "004", "Close to 32,000")["interval"], serde_json::json!([31000.0, 32000.0]));
    assert_eq!(find(&all, "002", "over 240")["interval"], serde_json::json!([240.0, null]));
    let r = find(&all, "004", "31,988");
    assert_eq!((r["line"].as_u64(), r["column"].as_u64()), (Some(50), Some(41)));
}

#[test]
fn years_dates_and_identifiers_are_never_counts() {
    let counts = records(&["extract", "seeds"]);
    for r in &counts {
        let text = r["text"].as_str().unwrap();
        for not_a_count in
            ["2024", "2023", "2021", "2006", "1948", "1701", "October", "Oct.", "24-10-2024", "two-state"]
        {
            assert!(!text.contains(not_a_count), "{text:?} was counted ({})", r["path"]);
        }
    }
    // They are still recognised for what they are.
    let all = records(&["extract", "--all", "seeds"]);
    assert_eq!(find(&all, "000", "Resolution 1701")["kind"], "identifier");
    assert_eq!(find(&all, "003", "2006")["kind"], "year");
    assert_eq!(find(&all, "004", "1948")["kind"], "year");
    assert_eq!(find(&all, "003", "24-10-2024")["date"], "2024-10-24");
    assert_eq!(find(&all, "002", "Oct. 7")["date"], "--10-07");
    assert_eq!(find(&all, "000", "October 7th of 2023")["date"], "2023-10-07");
    assert_eq!(find(&all, "001", "two-state")["kind"], "idiom");
}

#[test]
fn the_full_table_of_the_seeds() {
    let out = figcheck(&["extract", "--all", "--format", "table", "seeds"]);
    assert_eq!(out.status, ExitStatus::Clean);
    insta::assert_snapshot!(out.stdout);
}
