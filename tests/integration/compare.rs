//! The compare stage on the seeds and on `tests/fixtures/discrepancies/`, a
//! corpus written to produce every finding kind at least once. Each test
//! asserts the kind, severity, metric and the exact claims cited.

use figcheck::analysis::{Analysis, Options, analyze};
use figcheck::compare::{Finding, FindingKind};
use figcheck::rules::{RulePack, Severity};

fn run(path: &str) -> Analysis {
    let pack = RulePack::default_pack();
    let a = analyze(&[path.into()], None, &pack, &Options::default());
    assert!(a.problems.is_empty(), "{:?}", a.problems);
    a
}

/// The claims a finding cites, group by group, as `file: text`.
fn cited(a: &Analysis, f: &Finding) -> Vec<Vec<String>> {
    f.groups
        .iter()
        .map(|g| {
            g.claims
                .iter()
                .map(|&i| {
                    let c = &a.claims[i];
                    let file = c.citation.path().rsplit('/').next().unwrap();
                    format!("{file}: {}", c.quantity.text)
                })
                .collect()
        })
        .collect()
}

fn findings<'a>(a: &'a Analysis, kind: FindingKind, metric: &str) -> Vec<&'a Finding> {
    a.findings.iter().filter(|f| f.kind == kind && &**f.metric() == metric).collect()
}

fn only<'a>(a: &'a Analysis, kind: FindingKind, metric: &str) -> &'a Finding {
    let f = findings(a, kind, metric);
    assert_eq!(f.len(), 1, "{kind:?} {metric}: {:#?}", f.iter().map(|f| f.explanation()).collect::<Vec<_>>());
    f[0]
}

fn strings(groups: &[&[&str]]) -> Vec<Vec<String>> {
    groups.iter().map(|g| g.iter().map(|s| s.to_string()).collect()).collect()
}

const FIXTURES: &str = "tests/fixtures/discrepancies";

#[test]
fn the_seeds_agree() {
    let a = run("seeds");
    assert!(a.findings.iter().all(|f| f.severity != Severity::Error), "{:#?}", a.findings);
    let matches: Vec<(String, String)> = findings(&a, FindingKind::DatasetMatch, "gaza.killed")
        .into_iter()
        .chain(findings(&a, FindingKind::DatasetMatch, "gaza.injured"))
        .flat_map(|f| {
            let date = f.series.as_ref().unwrap().date.to_string();
            f.claims().map(|i| (a.claims[i].quantity.text.to_string(), date.clone())).collect::<Vec<_>>()
        })
        .collect();
    for want in [
        ("19,667", "2023-12-19"),
        ("31,988", "2024-03-21"),
        ("74,188", "2024-03-21"),
        ("Close to 32,000", "2024-03-21"),
    ] {
        assert!(matches.contains(&(want.0.to_string(), want.1.to_string())), "{want:?} not in {matches:?}");
    }
    let f = findings(&a, FindingKind::DatasetMatch, "gaza.killed");
    assert!(f.iter().any(|f| {
        f.explanation().ends_with(": 19,667 matches the Gaza Ministry of Health report of 2023-12-19 (19,667).")
    }));
    // The headline agrees with its body.
    let h = only(&a, FindingKind::Corroborated, "gaza.killed");
    assert_eq!(
        cited(&a, h),
        strings(&[&["004_9d7eb91e5eac3e5b.txt: Close to 32,000"], &["004_9d7eb91e5eac3e5b.txt: 31,988"]])
    );
    // The 7 October toll is corroborated across two outlets.
    let c = only(&a, FindingKind::Corroborated, "oct7.killed");
    assert_eq!(cited(&a, c), strings(&[&["001_229fe3e3d03ea7a0.txt: some 1,200", "004_9d7eb91e5eac3e5b.txt: 1,200"]]));
    assert!(c.explanation().ends_with(": 2 sources agree on 1,200 (2023-12-20 to 2024-03-21)."), "{}", c.explanation());
    // Held <= taken, four children <= 18 killed, $135 million <= more than $1.2 billion,
    // the sixth visit before the 11th: no conflict of any kind.
    for kind in [
        FindingKind::RelationViolation,
        FindingKind::OrdinalConflict,
        FindingKind::Discrepancy,
        FindingKind::Regression,
    ] {
        assert!(a.findings.iter().all(|f| f.kind != kind), "{kind:?}: {:#?}", a.findings);
    }
}

#[test]
fn a_revision_cites_every_source_on_each_side() {
    let a = run(FIXTURES);
    let f = only(&a, FindingKind::Revision, "oct7.killed");
    assert_eq!(f.severity, Severity::Warning);
    assert_eq!(
        cited(&a, f),
        strings(&[
            &["toll-1400-a.md: 1,400", "toll-1400-b.md: 1,400", "toll-1400-c.md: 1,400"],
            &["toll-1200-a.md: about 1,200", "toll-1200-b.md: some 1,200"],
        ])
    );
    assert!(
        f.explanation().contains("revised from 1,400 to about 1,200 between 2023-11-02 and 2023-11-12"),
        "{}",
        f.explanation()
    );
    assert!(findings(&a, FindingKind::Discrepancy, "oct7.killed").is_empty());
}

#[test]
fn counts_rising_while_compiled_are_not_conflicts() {
    let a = run(FIXTURES);
    // 100, 199 and 224 hostages in October rise while the count is compiled;
    // only the settled disagreement of December is reported.
    let f = only(&a, FindingKind::Discrepancy, "oct7.hostages_taken");
    assert_eq!(f.severity, Severity::Warning);
    assert_eq!(
        cited(&a, f),
        strings(&[&["hostages-240-a.md: about 240", "hostages-240-b.md: About 240"], &["hostages-253.md: 253"]])
    );
    assert_eq!(a.findings.iter().filter(|f| &**f.metric() == "oct7.hostages_taken").count(), 1);
}

#[test]
fn nearly_and_over_the_same_figure_agree() {
    let a = run(FIXTURES);
    let f: Vec<&Finding> = a.findings.iter().filter(|f| &**f.metric() == "gaza.missing").collect();
    assert_eq!(f.len(), 1);
    assert_eq!((f[0].kind, f[0].severity), (FindingKind::Corroborated, Severity::Info));
    assert_eq!(cited(&a, f[0]), strings(&[&["missing-nearly.md: Nearly 10,000", "missing-over.md: Over 10,000"]]));
}

#[test]
fn a_running_total_that_goes_down() {
    let a = run(FIXTURES);
    let f = only(&a, FindingKind::Regression, "gaza.killed");
    assert_eq!(f.severity, Severity::Error);
    assert_eq!(cited(&a, f), strings(&[&["toll-25105.md: 25,105"], &["toll-24448.md: 24,448"]]));
}

#[test]
fn a_stale_toll_cites_the_series_and_the_agreeing_same_day_claims() {
    let a = run(FIXTURES);
    let f = only(&a, FindingKind::Stale, "gaza.killed");
    assert_eq!(f.severity, Severity::Error);
    assert_eq!(cited(&a, f), strings(&[&["stale.md: 19,667"], &["current.md: 31,988"]]));
    let s = f.series.as_ref().unwrap();
    assert_eq!((s.date.to_string(), s.value), ("2023-12-19".to_string(), 19667.0));
    assert_eq!(s.current.map(|(d, v)| (d.to_string(), v)), Some(("2024-03-21".to_string(), 31988.0)));
    // The same conflict is not reported again as a same-day discrepancy.
    assert!(findings(&a, FindingKind::Discrepancy, "gaza.killed").iter().all(|d| !d.explanation().contains("19,667")));
}

#[test]
fn the_same_visit_number_months_apart() {
    let a = run(FIXTURES);
    let f = only(&a, FindingKind::OrdinalConflict, "blinken.mideast_visits");
    assert_eq!(f.severity, Severity::Error);
    assert_eq!(cited(&a, f), strings(&[&["visit-sixth-march.md: sixth"], &["visit-sixth-october.md: sixth"]]));
    assert!(f.explanation().contains("the sixth cannot be both on 2024-03-20"), "{}", f.explanation());
}

#[test]
fn a_headline_that_disagrees_with_its_body() {
    let a = run(FIXTURES);
    let f = only(&a, FindingKind::HeadlineMismatch, "gaza.injured");
    assert_eq!(f.severity, Severity::Error);
    assert_eq!(cited(&a, f), strings(&[&["headline.md: Close to 90,000"], &["headline.md: 74,298"]]));
    // Not reported a second time as a same-day discrepancy inside one article.
    assert!(
        findings(&a, FindingKind::Discrepancy, "gaza.injured").iter().all(|d| !d.explanation().contains("90,000 ("))
    );
}

#[test]
fn parts_larger_than_their_whole() {
    let a = run(FIXTURES);
    let f = only(&a, FindingKind::RelationViolation, "gaza.killed_children");
    assert_eq!(f.severity, Severity::Error);
    assert_eq!(cited(&a, f), strings(&[&["children.md: 35,000"], &["toll-later.md: 32,333"]]));
    // Said in one sentence: the finding quotes it.
    let f = only(&a, FindingKind::RelationViolation, "strike.killed_children");
    assert_eq!(cited(&a, f), strings(&[&["strike.md: 15"], &["strike.md: 12"]]));
    assert_eq!(
        f.explanation(),
        "In one sentence, 15 is given as part of 12, but it is larger: \"An Israeli airstrike on a school killed 12 people, including 15 children, officials said.\"."
    );
}

#[test]
fn a_claim_that_matches_no_value_in_its_window() {
    let a = run(FIXTURES);
    let f: Vec<&Finding> = findings(&a, FindingKind::DatasetMismatch, "gaza.killed")
        .into_iter()
        .filter(|f| f.severity == Severity::Error)
        .collect();
    assert_eq!(f.len(), 1);
    assert_eq!(cited(&a, f[0]), strings(&[&["too-high.md: 21,500"]]));
    let s = f[0].series.as_ref().unwrap();
    assert_eq!((s.date.to_string(), s.value), ("2023-12-21".to_string(), 19927.0));
}

#[test]
fn matches_and_corroboration_are_findings_too() {
    let a = run(FIXTURES);
    let m: Vec<Vec<Vec<String>>> =
        findings(&a, FindingKind::DatasetMatch, "gaza.killed").iter().map(|f| cited(&a, f)).collect();
    assert!(m.contains(&strings(&[&["current.md: 31,988"]])), "{m:?}");
    assert!(findings(&a, FindingKind::DatasetMatch, "gaza.killed").iter().all(|f| f.severity == Severity::Info));
}

#[test]
fn authorities_that_may_differ_give_a_note_naming_both() {
    let a = run(FIXTURES);
    let notes: Vec<&Finding> = findings(&a, FindingKind::Discrepancy, "gaza.killed")
        .into_iter()
        .filter(|f| f.severity == Severity::Info)
        .collect();
    assert_eq!(notes.len(), 1, "{notes:#?}");
    assert_eq!(cited(&a, notes[0]), strings(&[&["israel-estimate.md: 30,000"], &["ministry-same-day.md: 31,819"]]));
    assert!(notes[0].explanation().contains("(Gaza Ministry of Health and Israel)"), "{}", notes[0].explanation());
}

#[test]
fn undated_claims_are_compared_ignoring_time() {
    let a = run(FIXTURES);
    let f: Vec<&Finding> =
        findings(&a, FindingKind::Discrepancy, "gaza.injured").into_iter().filter(|f| f.time_ignored).collect();
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].severity, Severity::Warning);
    assert_eq!(cited(&a, f[0])[0], vec!["undated.md: 1,000,000".to_string()]);
    assert!(f[0].explanation().contains("the comparison ignored time"));
}

#[test]
fn every_kind_is_produced_by_the_fixtures() {
    let a = run(FIXTURES);
    for kind in [
        FindingKind::Discrepancy,
        FindingKind::Revision,
        FindingKind::Regression,
        FindingKind::Stale,
        FindingKind::OrdinalConflict,
        FindingKind::RelationViolation,
        FindingKind::HeadlineMismatch,
        FindingKind::DatasetMismatch,
        FindingKind::Corroborated,
        FindingKind::DatasetMatch,
    ] {
        assert!(a.findings.iter().any(|f| f.kind == kind), "no {kind:?}");
    }
    // Ids are stable and unique.
    let b = run(FIXTURES);
    let ids: Vec<&str> = a.findings.iter().map(|f| f.id.as_str()).collect();
    assert_eq!(ids, b.findings.iter().map(|f| f.id.as_str()).collect::<Vec<_>>());
    let mut unique = ids.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), ids.len());
}

/// A directory whose sources manifest declares the seeds' series of the killed.
fn with_the_killed_series() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let csv = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds/data/gaza-moh-daily.csv");
    std::fs::write(
        dir.path().join("sources.yaml"),
        format!(
            "datasets:\n  - path: {}\n    attribution: gaza-moh\n    date_field: date\n    series: {{gaza.killed: killed_cum}}\n",
            csv.display()
        ),
    )
    .unwrap();
    dir
}

#[test]
fn a_claim_matching_only_a_filled_in_value_says_so() {
    let dir = with_the_killed_series();
    std::fs::write(
        dir.path().join("a.md"),
        "---\npublished: 2023-12-21\n---\nThe ministry said 19,797 Palestinians have been killed in Gaza.\n",
    )
    .unwrap();
    let a = run(dir.path().to_str().unwrap());
    let f = only(&a, FindingKind::DatasetMatch, "gaza.killed");
    assert_eq!(f.series.as_ref().unwrap().reported, Some(false));
    assert_eq!(
        f.explanation(),
        "Palestinians killed in Gaza since 7 October 2023, as the Gaza health ministry counts them: 19,797 matches only a value filled in between reports by the dataset (19,797 on 2023-12-20), not a published Gaza Ministry of Health report."
    );
}

/// Two undated drafts beside the killed series: 27,365 is the report of
/// 2024-02-04, 52,000 no report at all.
fn undated_drafts() -> tempfile::TempDir {
    let dir = with_the_killed_series();
    for (name, figure) in [("a.txt", "27,365"), ("b.txt", "52,000")] {
        let text = format!("The ministry said {figure} Palestinians have been killed in Gaza.\n");
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    dir
}

/// A figure whose document has no date is still held to the series: the
/// reports it matches date it for an editor; one that matches none is a
/// warning that says it could not be checked against its day's report.
#[test]
fn undated_claims_are_held_to_the_whole_series() {
    let dir = undated_drafts();
    // Claims that match the same reports share one note; one figure said
    // twice "matches".
    std::fs::write(dir.path().join("c.txt"), "Ministry figures show 27,365 Palestinians have been killed in Gaza.\n")
        .unwrap();
    let a = run(dir.path().to_str().unwrap());
    let m = only(&a, FindingKind::DatasetMatch, "gaza.killed");
    assert_eq!((m.severity, m.time_ignored), (Severity::Info, true));
    assert_eq!(cited(&a, m), strings(&[&["a.txt: 27,365", "c.txt: 27,365"]]));
    assert_eq!(
        m.explanation(),
        "Palestinians killed in Gaza since 7 October 2023, as the Gaza health ministry counts them: 27,365 (undated) matches the Gaza Ministry of Health report of 2024-02-04 (27,365); their documents give no date to check them against."
    );
    let w = only(&a, FindingKind::DatasetMismatch, "gaza.killed");
    assert_eq!((w.severity, w.time_ignored), (Severity::Warning, true));
    assert_eq!(cited(&a, w), strings(&[&["b.txt: 52,000"]]));
    assert_eq!(
        w.explanation(),
        "Palestinians killed in Gaza since 7 October 2023, as the Gaza health ministry counts them: 52,000 (undated) matches no Gaza Ministry of Health report from 2023-10-07 to 2024-12-31; the nearest is 45,541 on 2024-12-30. Its document gives no date, so it was not checked against the report of its day."
    );
}

/// `--published DATE` dates the documents that give no date (drafts): their
/// figures are then held to the reports of that day, as dated ones are.
#[test]
fn published_dates_undated_drafts() {
    let dir = undated_drafts();
    let d = dir.path().to_str().unwrap();
    let out = crate::common::figcheck(&["check", d, "--no-config", "--published", "2024-02-05", "--format", "json"]);
    assert_eq!(out.status, figcheck::error::ExitStatus::Findings, "{}", out.stderr);
    let json: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    let sources: Vec<&str> =
        json["documents"].as_array().unwrap().iter().map(|d| d["date_source"].as_str().unwrap()).collect();
    assert_eq!(sources, ["assumed", "assumed"]);
    let findings: Vec<(String, String, bool)> = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["metric"] == "gaza.killed")
        .map(|f| {
            (
                f["kind"].as_str().unwrap().to_string(),
                f["severity"].as_str().unwrap().to_string(),
                f["time_ignored"].as_bool().unwrap_or(false),
            )
        })
        .collect();
    assert!(findings.contains(&("dataset-match".into(), "info".into(), false)), "{findings:?}");
    assert!(findings.contains(&("dataset-mismatch".into(), "error".into(), false)), "{findings:?}");
    let bad = crate::common::figcheck(&["check", d, "--no-config", "--published", "tomorrow"]);
    assert_eq!(bad.status, figcheck::error::ExitStatus::Error);
    assert!(bad.stderr.contains("`tomorrow` is not a date: write YYYY-MM-DD, or `today`"), "{}", bad.stderr);
}

/// "in early November" and "last week" date a figure by a period: it is
/// checked against every report of the period, not stale against the
/// report of publication day nor off against the period's middle.
#[test]
fn a_figure_dated_by_a_period_matches_a_report_within_it() {
    let a = run("tests/fixtures/periods");
    let f = findings(&a, FindingKind::DatasetMatch, "gaza.killed");
    let got: Vec<(String, String)> = f
        .iter()
        .map(|f| (cited(&a, f)[0][0].clone(), f.series.as_ref().map(|s| s.date.to_string()).unwrap_or_default()))
        .collect();
    assert_eq!(
        got,
        [
            ("column.md: 10,000".to_string(), "2023-11-07".to_string()),
            ("column.md: 31,000".to_string(), "2024-03-10".to_string())
        ]
    );
    assert_eq!(a.findings.len(), 2, "{:#?}", a.findings.iter().map(|f| f.explanation()).collect::<Vec<_>>());
    let periods: Vec<(String, String)> =
        a.claims.iter().map(|c| (c.as_of.earliest.unwrap().to_string(), c.as_of.date.unwrap().to_string())).collect();
    assert_eq!(
        periods,
        [("2023-11-01".to_string(), "2023-11-10".to_string()), ("2024-03-04".to_string(), "2024-03-10".to_string())]
    );
}

/// "will make his 11th trip next week" names an event still to come: a week
/// before the 11th visit it is borne out, two weeks after it it is wrong.
#[test]
fn an_announced_event_comes_on_or_after_its_announcement() {
    let a = run("tests/fixtures/upcoming");
    let sources: Vec<(String, &str)> =
        a.claims.iter().map(|c| (format!("{:?}", c.as_of.source), c.as_of.text.as_deref().unwrap_or(""))).collect();
    let expected = [("Relative", "on Tuesday"), ("Upcoming", "is expected to"), ("Upcoming", "will")];
    assert_eq!(sources, expected.map(|(s, t)| (s.to_string(), t)));
    let f = only(&a, FindingKind::OrdinalConflict, "blinken.mideast_visits");
    assert_eq!(a.findings.len(), 1);
    assert_eq!(cited(&a, f), strings(&[&["arrival.md: 11th"], &["late.md: 11th"]]));
    assert!(
        f.explanation().ends_with(
            "the 11th is announced on 2024-11-04 (1 source, 2024-11-04) as still to come, but the 11th is dated 2024-10-22 (1 source, 2024-10-22); each new event has a higher number."
        ),
        "{}",
        f.explanation()
    );
}

const STRIKES: &str = "tests/fixtures/strikes";

#[test]
fn strikes_are_compared_with_reports_of_the_same_strike_only() {
    let a = run(STRIKES);
    // Kharkiv (six), Odesa (three), an unnamed drone strike (two) and a
    // school strike (12) on the same day are other strikes than Rafah's.
    let found = findings(&a, FindingKind::Discrepancy, "strike.killed");
    let all: Vec<Vec<Vec<String>>> = found.iter().map(|f| cited(&a, f)).collect();
    assert_eq!(
        all,
        [
            // One article, two figures for one strike: it disagrees with itself.
            strings(&[&["inconsistent.md: 25"], &["inconsistent.md: 30"]]),
            strings(&[&["rafah-b.md: 20"], &["rafah-a.md: 22"]]),
        ]
    );
    assert!(
        found[1]
            .explanation()
            .starts_with("People killed in a single strike or attack (Rafah): on 2024-04-23, sources disagree"),
        "{}",
        found[1].explanation()
    );
    // A live blog's later "the death toll … rose to 15" updates its 11.
    assert!(a.findings.iter().all(|f| f.claims().all(|i| !a.claims[i].citation.path().ends_with("live.md"))));
    let live: Vec<&str> =
        a.claims.iter().filter(|c| c.citation.path().ends_with("live.md")).map(|c| &*c.quantity.text).collect();
    assert_eq!(live, ["11", "15"]);
    assert!(findings(&a, FindingKind::Discrepancy, "strike.killed_children").is_empty());
    // Four children of the six killed in Kharkiv are not compared with
    // the three killed in Odesa; the school's 15 children of 12 dead are.
    let f = only(&a, FindingKind::RelationViolation, "strike.killed_children");
    assert_eq!(cited(&a, f), strings(&[&["school.md: 15"], &["school.md: 12"]]));
    // A headline about the Rafah strike is read against the body's Rafah
    // figure, not the five killed in Nuseirat further down.
    let f = only(&a, FindingKind::HeadlineMismatch, "strike.killed");
    assert_eq!(cited(&a, f), strings(&[&["roundup.md: 50"], &["roundup.md: 45"]]));
    assert_eq!(
        f.explanation(),
        "People killed in a single strike or attack (Rafah): the headline says 50 but the body of the same article says 45."
    );
    let events: Vec<(String, Option<String>)> = a
        .claims
        .iter()
        .map(|c| (c.quantity.text.to_string(), c.event_name().map(|e| e.to_string())))
        .filter(|(t, _)| ["six", "four", "10", "five", "two", "12"].contains(&t.as_str()))
        .collect();
    let named = |t: &str, e: Option<&str>| (t.to_string(), e.map(str::to_string));
    assert_eq!(
        events,
        vec![
            named("six", Some("Kharkiv")),
            named("four", Some("Kharkiv")),
            named("10", Some("Rafah")),
            named("two", None),
            named("five", Some("Nuseirat")),
            named("12", None)
        ]
    );
}

/// A figure whose digits no number reads whole ("3,0320") is an error of
/// its own, cited as written, and is compared with nothing: no regression
/// against the day before, no mismatch with the ministry's report.
#[test]
fn a_malformed_figure_is_reported_and_compared_with_nothing() {
    let dir = with_the_killed_series();
    for (name, published, figure) in [("a.md", "2024-03-01", "30,228"), ("b.md", "2024-03-02", "3,0320")] {
        let text = format!(
            "---\npublished: {published}\n---\n\nGaza's health ministry said {figure} Palestinians had been killed.\n"
        );
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    let a = run(dir.path().to_str().unwrap());
    let problems: Vec<&str> =
        a.findings.iter().filter(|f| f.severity > Severity::Info).map(|f| f.kind.name()).collect();
    assert_eq!(problems, ["malformed-figure"]);
    let f = only(&a, FindingKind::MalformedFigure, "gaza.killed");
    assert_eq!(f.severity, Severity::Error);
    assert_eq!(cited(&a, f), strings(&[&["b.md: 3,0320"]]));
    assert_eq!(
        f.explanation(),
        "\"3,0320\" is no well-formed number (each group after a thousands comma has three digits), so the figure was compared with nothing: \"Gaza's health ministry said 3,0320 Palestinians had been killed.\"."
    );
    let c = &a.claims[f.groups[0].claims[0]];
    assert_eq!((c.citation.line, c.citation.column, c.malformed.as_deref()), (5, 29, Some("3,0320")));
    // Extracted claims keep the mark through a claims file.
    let d = dir.path().to_str().unwrap();
    let table = crate::common::figcheck(&["extract", "--claims", "--format", "table", d]);
    let row = table.stdout.lines().find(|l| l.contains("b.md")).unwrap_or_default();
    let cells: Vec<&str> = row.split("  ").map(str::trim).filter(|c| !c.is_empty()).collect();
    assert_eq!(cells[2..5], ["3,0320", "malformed", "-"], "{}", table.stdout);
    let claims = crate::common::figcheck(&["extract", "--claims", d]);
    assert!(claims.stdout.contains("\"malformed\":\"3,0320\""), "{}", claims.stdout);
    // `--explain` names the run each figure was read out of.
    let b = dir.path().join("b.md");
    let explained = crate::common::figcheck(&["extract", "--explain", b.to_str().unwrap()]);
    assert!(
        explained.stdout.contains(
            "figures: `3` read out of `3,0320`: malformed, compared with nothing · `0320` read out of `3,0320`: malformed, compared with nothing"
        ),
        "{}",
        explained.stdout
    );
    assert!(
        explained.stdout.contains("claims `3,0320` (malformed) for gaza.killed by pattern 1; as of 2024-03-02"),
        "{}",
        explained.stdout
    );
    let file = dir.path().join("claims.jsonl");
    std::fs::write(&file, &claims.stdout).unwrap();
    let merged = crate::common::figcheck(&["compare", file.to_str().unwrap(), "--format", "concise"]);
    assert!(
        merged.stdout.contains("b.md:5:29: error gaza.killed: \"3,0320\" is no well-formed number"),
        "{}",
        merged.stdout
    );
}

/// "30.000" and "70.457" are thousands in some languages and a fraction in
/// English: a count written so is malformed, not the 30 or 70.457 that
/// made false regressions and dataset mismatches.
#[test]
fn a_count_written_with_thousands_points_is_malformed() {
    let dir = with_the_killed_series();
    std::fs::write(
        dir.path().join("a.md"),
        "---\npublished: 2024-03-01\n---\n\nMore than 30.000 Palestinians have been killed in Gaza, the health ministry said.\n\nThe death toll stood at 30,035 on Thursday, the ministry said.\n",
    )
    .unwrap();
    let a = run(dir.path().to_str().unwrap());
    let problems: Vec<(&str, String)> = a
        .findings
        .iter()
        .filter(|f| f.severity > Severity::Info)
        .map(|f| (f.kind.name(), f.explanation().into_owned()))
        .collect();
    assert_eq!(
        problems,
        [(
            "malformed-figure",
            "\"30.000\" is no well-formed number (English writes thousands with commas, \"30,000\", and a count has no fraction), so the figure was compared with nothing: \"More than 30.000 Palestinians have been killed in Gaza, the health ministry said.\".".to_string()
        )]
    );
    // The well-formed figure of the same document still meets the ministry's report.
    assert!(a.findings.iter().any(|f| f.kind == FindingKind::DatasetMatch), "{:?}", a.findings);
}

/// One trip of a week ("the fourth", 5 to 11 January 2024) is mentioned on
/// its first day, in its middle and on its last: one event, not three.
#[test]
fn a_trip_of_a_week_is_one_event() {
    let dir = tempfile::tempdir().unwrap();
    for (name, published, text) in [
        ("a.md", "2024-01-06", "Blinken's fourth trip to the region since October 7 began on Friday."),
        ("b.md", "2024-01-09", "Blinken arrived in Israel on Tuesday on his fourth trip to the region since Oct. 7."),
        ("c.md", "2024-01-12", "Blinken wrapped up his fourth visit to the Middle East since October 7 on Thursday."),
        (
            "d.md",
            "2024-02-06",
            "Blinken arrived in Saudi Arabia on Monday on his fifth trip to the region since October 7.",
        ),
    ] {
        std::fs::write(dir.path().join(name), format!("---\npublished: {published}\n---\n\n{text}\n")).unwrap();
    }
    let a = run(dir.path().to_str().unwrap());
    let visits: Vec<(String, String)> = a
        .claims
        .iter()
        .filter(|c| &**c.metric() == "blinken.mideast_visits")
        .map(|c| (c.quantity.text.to_string(), c.as_of.date.map(|d| d.to_string()).unwrap_or_default()))
        .collect();
    assert_eq!(visits.len(), 4, "{visits:?}");
    let conflicts: Vec<String> = a
        .findings
        .iter()
        .filter(|f| f.kind == FindingKind::OrdinalConflict)
        .map(|f| f.explanation().into_owned())
        .collect();
    assert!(conflicts.is_empty(), "{conflicts:?}\n{visits:?}");
}

/// Hostages held, with and without the four held since 2014 and 2015: "97"
/// and "101" in one week agree but for them, and the finding says so as a
/// note; "125" and "128", or "129", "132" and "136", still disagree.
#[test]
fn counts_a_known_group_apart_are_a_note() {
    let a = run("tests/fixtures/recall");
    let held = findings(&a, FindingKind::Discrepancy, "gaza.hostages_held");
    let with = |values: &str| {
        *held.iter().find(|f| f.explanation().contains(values)).unwrap_or_else(|| panic!("no finding with {values}"))
    };
    let f = with("sources disagree: 97 (");
    assert_eq!(f.severity, Severity::Info);
    assert!(
        f.explanation().ends_with("The two differ by 4: counts with and without the four held in Gaza since 2014 and 2015 (Hadar Goldin, Oron Shaul, Avera Mengistu, Hisham al-Sayed)."),
        "{}",
        f.explanation()
    );
    for values in ["sources disagree: 125 (", "sources disagree: 129 ("] {
        let f = with(values);
        assert_eq!(f.severity, Severity::Warning, "{}", f.explanation());
        assert!(!f.explanation().contains("differ by"));
    }
}

/// An archive holds earlier wars: their tolls are not counts of this one,
/// and 2012's 160 after 2009's 1,300 is no fall of a running total.
#[test]
fn an_archives_earlier_wars_are_not_this_ones_count() {
    let dir = tempfile::tempdir().unwrap();
    let doc = |name: &str, date: &str, body: &str| {
        std::fs::write(dir.path().join(name), format!("---\npublished: {date}\n---\n{body}\n")).unwrap();
    };
    doc("2009.md", "2009-01-18", "The death toll in Gaza has risen to 1,300, the health ministry said.");
    doc("2012.md", "2012-11-21", "The death toll in Gaza has risen to 160, the health ministry said.");
    doc("2023.md", "2023-10-24", "The death toll in Gaza has risen to 5,791, the health ministry said.");
    let a = run(dir.path().to_str().unwrap());
    let claims: Vec<(String, String)> = a
        .claims
        .iter()
        .map(|c| (c.citation.path().rsplit('/').next().unwrap().to_string(), c.quantity.text.to_string()))
        .collect();
    assert_eq!(claims, [("2023.md".to_string(), "5,791".to_string())]);
    assert!(a.findings.is_empty(), "{:#?}", a.findings.iter().map(|f| f.explanation()).collect::<Vec<_>>());
}

/// A figure under a twentieth of its day's report is more likely another
/// count read as the total (one strike's, one day's) than a total that
/// disagrees: a note, not an error; a figure a tenth of the report (a
/// dropped digit) is still an error.
#[test]
fn a_figure_far_below_the_report_is_a_note() {
    let dir = with_the_killed_series();
    for (name, figure) in [("strike.md", "40"), ("typo.md", "2,736")] {
        let text = format!(
            "---\npublished: 2024-02-05\n---\nThe ministry said {figure} Palestinians have been killed in Gaza.\n"
        );
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    let a = run(dir.path().to_str().unwrap());
    let f = findings(&a, FindingKind::DatasetMismatch, "gaza.killed");
    let by = |file: &str| *f.iter().find(|f| cited(&a, f) == strings(&[&[file]])).expect(file);
    let note = by("strike.md: 40");
    assert_eq!(note.severity, Severity::Info);
    assert!(
        note.explanation().ends_with(
            "This is a note: 40 is under a twentieth of the report, more likely another count (one strike's, one day's, one place's) read as this one."
        ),
        "{}",
        note.explanation()
    );
    assert_eq!(by("typo.md: 2,736").severity, Severity::Error);
}

/// The dead among the hostages: two counts of one week disagree, and the
/// dead may not outnumber those still held at the time.
#[test]
fn dead_hostages_disagree_and_may_not_outnumber_the_held() {
    let a = run("tests/fixtures/hostages-dead");
    let f = only(&a, FindingKind::Discrepancy, "gaza.hostages_dead");
    assert_eq!(f.severity, Severity::Warning);
    assert_eq!(cited(&a, f), strings(&[&["tally-41.md: 41"], &["forum-43.md: 43"]]));
    let f = only(&a, FindingKind::RelationViolation, "gaza.hostages_dead");
    assert_eq!(f.severity, Severity::Error);
    assert_eq!(cited(&a, f), strings(&[&["tally-41.md: 41", "forum-43.md: 43"], &["held-40.md: 40"]]));
    // Both parts are named, not only the most precise.
    assert!(
        f.explanation()
            .contains(": 41 and 43 (2 sources, 2024-06-12 to 2024-06-14) exceed the total they are part of. "),
        "{}",
        f.explanation()
    );
}

/// The living still held only become fewer: a later count above an earlier
/// one in its week disagrees (Israel's 24 the day after the president's
/// 21), one months later below them does not, and the living may not
/// outnumber those held at the time.
#[test]
fn living_hostages_may_only_fall_and_may_not_outnumber_the_held() {
    let a = run("tests/fixtures/hostages-alive");
    let f = only(&a, FindingKind::Discrepancy, "gaza.hostages_alive");
    assert_eq!(f.severity, Severity::Warning);
    assert_eq!(cited(&a, f), strings(&[&["trump-21.md: 21"], &["israel-24.md: 24"]]));
    let f = only(&a, FindingKind::RelationViolation, "gaza.hostages_alive");
    assert_eq!(f.severity, Severity::Error);
    assert_eq!(cited(&a, f), strings(&[&["israel-24.md: 24"], &["held-22.md: 22"]]));
    assert!(f.explanation().contains("exceeds the total it is part of"), "{}", f.explanation());
    // The later "about 20" is a fall, not a disagreement.
    assert!(a.findings.iter().all(|f| f.claims().all(|i| !a.claims[i].citation.path().ends_with("later-20.md"))));
}

/// Two wires of one day, one a ministry report behind the other: both
/// figures are the ministry's, so their disagreement is a note naming the
/// two reports. So is one within rounding of a report, or between two
/// consecutive reports; a figure above the next day's report keeps it an error.
#[test]
fn a_source_a_report_behind_is_a_note_when_the_reports_bear_both_out() {
    let pack = RulePack::default_pack();
    let dir = "tests/fixtures/report-lag";
    // The "behind" wire with one other, and the note their conflict ends with.
    let with_behind = |other: &str| {
        let paths: Vec<std::path::PathBuf> = ["behind.md", other].iter().map(|f| format!("{dir}/{f}").into()).collect();
        analyze(&paths, None, &pack, &Options::default())
    };
    let note_of = |a: &Analysis| {
        let f = only(a, FindingKind::Discrepancy, "gaza.killed");
        assert_eq!(f.severity, Severity::Info);
        let text = f.explanation();
        text[text.find(" This is a note: ").expect("a note")..].to_string()
    };
    let a = with_behind("current.md");
    assert!(a.problems.is_empty(), "{:?}", a.problems);
    let f = only(&a, FindingKind::Discrepancy, "gaza.killed");
    assert_eq!(cited(&a, f), strings(&[&["behind.md: 3,478"], &["current.md: 3,785"]]));
    assert_eq!(
        note_of(&a),
        " This is a note: both are Gaza Ministry of Health reports, 3,478 of 2023-10-18 and 3,785 of 2023-10-19; a source a report behind is not wrong."
    );
    // A figure within rounding of its day's report (3,781 against 3,785)
    // is that report too.
    assert_eq!(
        note_of(&with_behind("near.md")),
        " This is a note: both are Gaza Ministry of Health reports or near one, 3,478 of 2023-10-18 and 3,781 near that of 2023-10-19 (3,785); a source a report behind is not wrong."
    );
    // A figure between the day's report and the next day's (3,950 between
    // 3,785 and 4,137) is a count given between the two.
    let a = with_behind("between.md");
    let f = only(&a, FindingKind::DatasetMismatch, "gaza.killed");
    assert_eq!(f.severity, Severity::Info);
    assert_eq!(
        f.explanation(),
        "Palestinians killed in Gaza since 7 October 2023, as the Gaza health ministry counts them: 3,950 (1 source, 2023-10-19) matches no Gaza Ministry of Health report between 2023-10-16 and 2023-10-19; the nearest is 3,785 on 2023-10-19. This is a note: it lies between the reports of 2023-10-19 (3,785) and 2023-10-20 (4,137), as an update given between the two would."
    );
    assert_eq!(
        note_of(&a),
        " This is a note: both are Gaza Ministry of Health reports or between two, 3,478 of 2023-10-18 and 3,950 between those of 2023-10-19 and 2023-10-20; a source a report behind is not wrong."
    );
    // Above the next day's report (4,300 against 4,137) it is no report's.
    let a = run(dir);
    let f = only(&a, FindingKind::Discrepancy, "gaza.killed");
    assert_eq!(f.severity, Severity::Error);
    assert!(!f.explanation().contains("This is a note"), "{}", f.explanation());
    let unreported: Vec<&Finding> =
        a.findings.iter().filter(|f| f.kind == FindingKind::DatasetMismatch && f.severity == Severity::Error).collect();
    assert_eq!(unreported.len(), 1);
    assert_eq!(cited(&a, unreported[0]), strings(&[&["unreported.md: 4,300"]]));
}
