//! The recall set: drafts written the way newsrooms write (wire copy, a
//! live blog, a "by the numbers" list, a feature, British style, an aid
//! brief, an HTML page), scored against `tests/fixtures/recall/expected.yaml`,
//! which lists every figure a rule should bind. A figure bound that is not
//! listed is a false claim; a listed figure not bound is a miss unless it is
//! marked `missed`; a `missed` figure that is now bound must lose its mark.
//! Where an entry names its `source`, the claim must be credited to it;
//! where it names its `event` (a strike's place), the claim must name it.

use std::collections::BTreeMap;

use serde::Deserialize;

use crate::common::figcheck;
use figcheck::error::ExitStatus;

const FIXTURES: &str = "tests/fixtures";

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Expected {
    line: u64,
    figure: String,
    metric: String,
    as_of: Option<String>,
    /// The source the claim is credited to: an authority id, the name as
    /// written, or `-` for none.
    source: Option<String>,
    /// The single event the claim counts, as named.
    event: Option<String>,
    missed: Option<String>,
}

/// (path, line, figure, metric): what a claim is known by here.
type Key = (String, u64, String, String);

#[derive(Debug, Deserialize)]
struct Record {
    #[serde(rename = "type")]
    kind: String,
    path: Option<String>,
    line: Option<u64>,
    text: Option<String>,
    metric: Option<String>,
    as_of: Option<String>,
    attribution: Option<String>,
    event: Option<String>,
}

/// What a bound claim says beyond its figure.
struct Bound {
    as_of: Option<String>,
    source: String,
    event: Option<String>,
}

fn expected() -> BTreeMap<String, Vec<Expected>> {
    let path = format!("{FIXTURES}/recall/expected.yaml");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    // A draft listed twice would keep only its last list: each is listed once.
    let mut drafts: Vec<&str> = text.lines().filter(|l| !l.starts_with([' ', '#']) && l.ends_with(':')).collect();
    drafts.sort_unstable();
    let twice: Vec<&&str> = drafts.windows(2).filter(|w| w[0] == w[1]).map(|w| &w[0]).collect();
    assert!(twice.is_empty(), "{path}: listed twice: {twice:?}");
    serde_yaml::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// Every claim the default pack makes in the recall set, with its as-of date and source.
fn claims(paths: &[String]) -> BTreeMap<Key, Bound> {
    let mut args = vec!["extract", "--claims"];
    args.extend(paths.iter().map(String::as_str));
    let out = figcheck(&args);
    assert_eq!(out.status, ExitStatus::Clean, "{}", out.stderr);
    let mut found = BTreeMap::new();
    for line in out.stdout.lines() {
        let r: Record = serde_json::from_str(line).unwrap_or_else(|e| panic!("{e}: {line}"));
        if r.kind != "claim" {
            continue;
        }
        let path = r.path.expect("a claim has a path");
        let rel = path.strip_prefix(&format!("{FIXTURES}/")).unwrap_or(&path).to_string();
        let key = (rel, r.line.expect("line"), r.text.expect("text"), r.metric.expect("metric"));
        found
            .insert(key, Bound { as_of: r.as_of, source: r.attribution.unwrap_or_else(|| "-".into()), event: r.event });
    }
    found
}

#[test]
fn drafts_bind_every_listed_figure_and_nothing_else() {
    let expected = expected();
    let paths: Vec<String> = expected.keys().map(|p| format!("{FIXTURES}/{p}")).collect();
    let mut found = claims(&paths);
    let mut problems = Vec::new();
    let (mut listed, mut bound) = (0, 0);
    for (path, figures) in &expected {
        for e in figures {
            listed += 1;
            let key = (path.clone(), e.line, e.figure.clone(), e.metric.clone());
            let at = format!("{path}:{} `{}` {}", e.line, e.figure, e.metric);
            match (found.remove(&key), &e.missed) {
                (Some(got), None) => {
                    bound += 1;
                    if e.as_of.is_some() && got.as_of != e.as_of {
                        problems.push(format!("{at}: as of {:?}, expected {:?}", got.as_of, e.as_of));
                    }
                    if let Some(source) = &e.source
                        && got.source != *source
                    {
                        problems.push(format!("{at}: credited to {:?}, expected {source:?}", got.source));
                    }
                    if e.event.is_some() && got.event != e.event {
                        problems.push(format!("{at}: about the event {:?}, expected {:?}", got.event, e.event));
                    }
                }
                (Some(_), Some(_)) => problems.push(format!("{at}: now bound; remove its `missed` mark")),
                (None, None) => problems.push(format!("{at}: not bound")),
                (None, Some(_)) => {}
            }
        }
    }
    for (path, line, figure, metric) in found.keys() {
        problems.push(format!("{path}:{line} `{figure}` {metric}: bound, but not in expected.yaml"));
    }
    eprintln!(
        "recall set: {bound} of {listed} figures bound ({:.3}), {} problems",
        bound as f64 / listed as f64,
        problems.len()
    );
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// The score is only as good as its ground truth: every listed figure is
/// written at that line of its draft, and every draft in the set is listed.
#[test]
fn expected_figures_are_in_their_drafts() {
    let expected = expected();
    for (path, figures) in &expected {
        let text = std::fs::read_to_string(format!("{FIXTURES}/{path}")).unwrap_or_else(|e| panic!("{path}: {e}"));
        let lines: Vec<&str> = text.lines().collect();
        for e in figures {
            // A figure is read without the invisible characters written in
            // it, and Arabic-Indic digits as ASCII ones.
            let line: String = lines
                .get(e.line as usize - 1)
                .copied()
                .unwrap_or_default()
                .chars()
                .filter(|c| !matches!(c, '\u{ad}' | '\u{200b}'..='\u{200f}'))
                .map(crate::common::as_ascii)
                .collect();
            // A figure may wrap onto the next line.
            let first = e.figure.split_whitespace().next().unwrap_or_default();
            assert!(line.contains(first), "{path}:{}: `{}` is not on this line: {line}", e.line, e.figure);
        }
    }
    for dir in ["drafts", "recall"] {
        for entry in std::fs::read_dir(format!("{FIXTURES}/{dir}")).expect("fixture directory") {
            let name = entry.expect("entry").file_name().to_string_lossy().into_owned();
            if name.ends_with(".md") || name.ends_with(".html") {
                let rel = format!("{dir}/{name}");
                assert!(expected.contains_key(&rel), "{rel} is not in expected.yaml");
            }
        }
    }
}
