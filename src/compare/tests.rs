//! Behaviours on hand-made claims: the edge cases of each comparison.

use super::synthetic::{attributed, claim};
use super::*;
use crate::dates::parse_date;

fn pack(rules: &[&str]) -> RulePack {
    let sources: Vec<(String, String)> =
        rules.iter().enumerate().map(|(i, r)| (format!("r{i}.yaml"), r.to_string())).collect();
    RulePack::from_sources(&sources).unwrap()
}

fn d(s: &str) -> Option<crate::dates::Date> {
    parse_date(s)
}

fn iv(lo: f64, hi: f64) -> Interval {
    Interval::new(lo, hi)
}

fn kinds(findings: &[Finding]) -> Vec<(FindingKind, Severity)> {
    findings.iter().map(|f| (f.kind, f.severity)).collect()
}

const CUMULATIVE: &str =
    "id: t\nmetric: x.total\ndescription: A total\nbehavior: cumulative\nsame_day: 1 day\npatterns: ['{q} x']\n";

#[test]
fn same_day_window_compares_neighbouring_days_as_fixed() {
    let p = pack(&[CUMULATIVE]);
    let claims = vec![
        claim("t", "x.total", "100", iv(99.5, 100.5), d("2024-01-01"), "a.md"),
        claim("t", "x.total", "120", iv(119.5, 120.5), d("2024-01-02"), "b.md"),
    ];
    let f = compare(&claims, &p, &[]);
    assert_eq!(kinds(&f), [(FindingKind::Discrepancy, Severity::Error)]);
    // Three days apart, a rise is what a running total does.
    let claims = vec![
        claim("t", "x.total", "100", iv(99.5, 100.5), d("2024-01-01"), "a.md"),
        claim("t", "x.total", "120", iv(119.5, 120.5), d("2024-01-04"), "b.md"),
    ];
    assert!(compare(&claims, &p, &[]).is_empty());
}

#[test]
fn a_figure_of_a_period_held_on_some_day_of_it() {
    let p = pack(&[CUMULATIVE]);
    let over = |mut c: Claim, first: &str| {
        c.as_of.earliest = d(first);
        c
    };
    // "Last month the ministry put the toll at 28,000", published in March:
    // it may be of February 10, before 29,954 (25th) and 30,035 (29th).
    let claims = vec![
        claim("t", "x.total", "20,000", iv(19999.5, 20000.5), d("2024-01-15"), "a.md"),
        claim("t", "x.total", "29,954", iv(29953.5, 29954.5), d("2024-02-25"), "b.md"),
        claim("t", "x.total", "30,035", iv(30034.5, 30035.5), d("2024-02-29"), "c.md"),
        over(claim("t", "x.total", "28,000", iv(27500.0, 28500.0), d("2024-02-29"), "d.md"), "2024-02-01"),
    ];
    assert_eq!(kinds(&compare(&claims, &p, &[])), []);
    // Lower than a figure from before the period began, it went down.
    let mut claims = claims;
    claims.push(over(claim("t", "x.total", "25,000", iv(24999.5, 25000.5), d("2024-03-10"), "e.md"), "2024-03-04"));
    let f = compare(&claims, &p, &[]);
    assert_eq!(kinds(&f), [(FindingKind::Regression, Severity::Error)]);
    assert_eq!((f[0].groups[0].claims.as_slice(), f[0].groups[1].claims.as_slice()), ([2].as_slice(), [4].as_slice()));
    // Without its period, the same 28,000 disagrees with that day's 30,035.
    let mut pinned = claims[..4].to_vec();
    pinned[3].as_of.earliest = None;
    let kinds_pinned = kinds(&compare(&pinned, &p, &[]));
    assert!(kinds_pinned.contains(&(FindingKind::Discrepancy, Severity::Error)), "{kinds_pinned:?}");
}

#[test]
fn a_regression_is_one_finding_per_earlier_figure() {
    let p = pack(&[CUMULATIVE]);
    let claims = vec![
        claim("t", "x.total", "500", iv(499.5, 500.5), d("2024-01-01"), "a.md"),
        claim("t", "x.total", "400", iv(399.5, 400.5), d("2024-02-01"), "b.md"),
        claim("t", "x.total", "410", iv(409.5, 410.5), d("2024-03-01"), "c.md"),
    ];
    let f = compare(&claims, &p, &[]);
    assert_eq!(kinds(&f), [(FindingKind::Regression, Severity::Error)]);
    assert_eq!(f[0].groups[0].claims, [0]);
    assert_eq!(f[0].groups[1].claims, [1, 2]);
    assert!(f[0].gap.unwrap() > 0.1);
    // One figure above two later ones is the one to look at; one above one, the later.
    assert_eq!(f[0].primary_claim(), 0);
    let f = compare(&claims[..2], &p, &[]);
    assert_eq!(f[0].primary_claim(), 1);
}

#[test]
fn small_gaps_are_notes_and_warnings() {
    assert_eq!(severity_for(Severity::Error, 0.001), Severity::Info);
    assert_eq!(severity_for(Severity::Error, 0.01), Severity::Warning);
    assert_eq!(severity_for(Severity::Warning, 0.01), Severity::Warning);
    assert_eq!(severity_for(Severity::Error, 0.2), Severity::Error);
    assert_eq!(gap(iv(100.0, 110.0), iv(120.0, 130.0)), 10.0 / 130.0);
}

#[test]
fn tolerance_widens_intervals() {
    let tolerant = CUMULATIVE.replace("behavior: cumulative", "behavior: fixed\ntolerance: 0.05");
    let p = pack(&[&tolerant]);
    let claims = vec![
        claim("t", "x.total", "100", iv(99.5, 100.5), d("2024-01-01"), "a.md"),
        claim("t", "x.total", "104", iv(103.5, 104.5), d("2024-01-02"), "b.md"),
    ];
    assert_eq!(kinds(&compare(&claims, &p, &[])), [(FindingKind::Corroborated, Severity::Info)]);
}

/// "Blinken's fifth trip" in a column of 14 March names a trip of that day
/// or before: it is wrong only if the fifth, or a lower one, is dated later.
#[test]
fn counter_mentions_dated_by_their_document_only_precede_later_events() {
    let counter = "id: v\nmetric: x.visits\ndescription: Visits\nbehavior: counter\nevent_window: 3 days\nkinds: [ordinal]\npatterns: ['{q} visit']\n";
    let p = pack(&[counter]);
    let by_document = |text: &str, n: f64, day: &str, path: &str| {
        let mut c = claim("v", "x.visits", text, iv(n, n), d(day), path);
        c.as_of.source = crate::extract::AsOfSource::Published;
        c
    };
    let claims = vec![
        claim("v", "x.visits", "fifth", iv(5.0, 5.0), d("2024-02-06"), "trip.md"),
        claim("v", "x.visits", "sixth", iv(6.0, 6.0), d("2024-03-20"), "jeddah.md"),
        // Both after the fifth: a column looking back, a profile looking further back.
        by_document("fifth", 5.0, "2024-03-14", "column.md"),
        by_document("fourth", 4.0, "2024-04-02", "profile.md"),
        // The sixth, named a month before it happened.
        by_document("sixth", 6.0, "2024-02-10", "early.md"),
    ];
    let f = compare(&claims, &p, &[]);
    assert_eq!(kinds(&f), [(FindingKind::OrdinalConflict, Severity::Error)]);
    let cited: Vec<Vec<&str>> =
        f[0].groups.iter().map(|g| g.claims.iter().map(|&i| claims[i].citation.path()).collect()).collect();
    assert_eq!(cited, [vec!["early.md"], vec!["jeddah.md"]]);
    assert!(f[0].explanation().contains("the sixth is mentioned by 2024-02-10"), "{}", f[0].explanation());
}

#[test]
fn counters_within_an_event_must_agree() {
    let counter = "id: v\nmetric: x.visits\ndescription: Visits\nbehavior: counter\nevent_window: 3 days\nkinds: [ordinal]\npatterns: ['{q} visit']\n";
    let p = pack(&[counter]);
    let claims = vec![
        claim("v", "x.visits", "sixth", iv(6.0, 6.0), d("2024-03-20"), "a.md"),
        claim("v", "x.visits", "seventh", iv(7.0, 7.0), d("2024-03-21"), "b.md"),
        claim("v", "x.visits", "ninth", iv(9.0, 9.0), d("2024-06-01"), "c.md"),
        claim("v", "x.visits", "eighth", iv(8.0, 8.0), d("2024-08-01"), "d.md"),
    ];
    let f = compare(&claims, &p, &[]);
    assert_eq!(
        kinds(&f),
        [(FindingKind::OrdinalConflict, Severity::Error), (FindingKind::OrdinalConflict, Severity::Error)]
    );
    let texts: Vec<String> = f.iter().map(|f| f.explanation().into_owned()).collect();
    assert!(texts.iter().any(|t| t.contains("one event is numbered differently")), "{texts:?}");
    assert!(texts.iter().any(|t| t.contains("eighth (1 source, 2024-08-01) comes after ninth")), "{texts:?}");
}

/// "On his sixth trip, in March": the sixth fits any day of March, so a
/// sixth dated March 20 agrees; a seventh dated before March does not.
#[test]
fn a_counter_dated_by_a_period_fits_any_day_of_it() {
    let counter = "id: v\nmetric: x.visits\ndescription: Visits\nbehavior: counter\nevent_window: 3 days\nkinds: [ordinal]\npatterns: ['{q} visit']\n";
    let p = pack(&[counter]);
    let mut in_march = claim("v", "x.visits", "sixth", iv(6.0, 6.0), d("2024-03-31"), "look-back.md");
    in_march.as_of.earliest = d("2024-03-01");
    let claims = vec![
        claim("v", "x.visits", "fifth", iv(5.0, 5.0), d("2024-02-06"), "trip.md"),
        claim("v", "x.visits", "sixth", iv(6.0, 6.0), d("2024-03-20"), "jeddah.md"),
        in_march.clone(),
    ];
    assert_eq!(kinds(&compare(&claims, &p, &[])), []);
    let claims = vec![claim("v", "x.visits", "seventh", iv(7.0, 7.0), d("2024-02-06"), "early.md"), in_march];
    let f = compare(&claims, &p, &[]);
    assert_eq!(kinds(&f), [(FindingKind::OrdinalConflict, Severity::Error)]);
    assert!(
        f[0].explanation().contains("the sixth is dated 2024-03-01 to 2024-03-31 (1 source"),
        "{}",
        f[0].explanation()
    );
}

#[test]
fn snapshots_compare_only_within_their_window() {
    let snap = "id: s\nmetric: x.held\ndescription: Held\nbehavior: snapshot\nwindow: 7 days\npatterns: ['{q} held']\n";
    let p = pack(&[snap]);
    let claims = vec![
        claim("s", "x.held", "136", iv(135.5, 136.5), d("2024-01-01"), "a.md"),
        claim("s", "x.held", "132", iv(131.5, 132.5), d("2024-03-01"), "b.md"),
    ];
    assert!(compare(&claims, &p, &[]).is_empty());
    let claims = vec![
        claim("s", "x.held", "136", iv(135.5, 136.5), d("2024-01-01"), "a.md"),
        claim("s", "x.held", "132", iv(131.5, 132.5), d("2024-01-05"), "b.md"),
    ];
    assert_eq!(kinds(&compare(&claims, &p, &[])), [(FindingKind::Discrepancy, Severity::Error)]);
    // "In November, 240 were held" may be of November 1, before the truce's
    // releases that left 160 by the 28th.
    let mut claims = vec![
        claim("s", "x.held", "240", iv(239.5, 240.5), d("2023-11-30"), "a.md"),
        claim("s", "x.held", "160", iv(159.5, 160.5), d("2023-11-28"), "b.md"),
    ];
    claims[0].as_of.earliest = d("2023-11-01");
    assert!(compare(&claims, &p, &[]).is_empty());
    // A week's period the window can place is compared as its last day.
    claims[0].as_of.earliest = d("2023-11-24");
    assert_eq!(kinds(&compare(&claims, &p, &[])), [(FindingKind::Discrepancy, Severity::Error)]);
}

/// A level that only falls: within its window a fall is no disagreement,
/// a rise is, and so are two figures of one day.
#[test]
fn a_declining_level_may_fall_within_its_window() {
    let rule =
        "id: h\nmetric: x.held\ndescription: Held\nbehavior: declining\nwindow: 7 days\npatterns: ['{q} held']\n";
    let p = pack(&[rule]);
    let held =
        |text: &str, v: f64, day: &str, file: &str| claim("h", "x.held", text, iv(v - 0.5, v + 0.5), d(day), file);
    // A truce's releases: 215 on the 25th, 160 on the 28th, 137 on the 1st.
    let claims = vec![
        held("215", 215.0, "2023-11-25", "a.md"),
        held("160", 160.0, "2023-11-28", "b.md"),
        held("137", 137.0, "2023-12-01", "c.md"),
    ];
    assert_eq!(kinds(&compare(&claims, &p, &[])), []);
    // A later figure above an earlier one is an outdated one.
    let claims = vec![held("132", 132.0, "2024-01-08", "a.md"), held("136", 136.0, "2024-01-12", "b.md")];
    assert_eq!(kinds(&compare(&claims, &p, &[])), [(FindingKind::Discrepancy, Severity::Error)]);
    // So are two figures of one day, whatever follows.
    let claims = vec![
        held("132", 132.0, "2024-01-08", "a.md"),
        held("136", 136.0, "2024-01-08", "b.md"),
        held("130", 130.0, "2024-01-10", "c.md"),
    ];
    assert_eq!(kinds(&compare(&claims, &p, &[])), [(FindingKind::Discrepancy, Severity::Error)]);
    // Agreement is corroboration, as for any level.
    let claims = vec![held("137", 137.0, "2023-12-01", "a.md"), held("137", 137.0, "2023-12-01", "b.md")];
    assert_eq!(kinds(&compare(&claims, &p, &[])), [(FindingKind::Corroborated, Severity::Info)]);
}

#[test]
fn authorities_that_may_differ_only_with_one_known_authority_per_side() {
    let rule = "id: f\nmetric: x.toll\ndescription: Toll\nbehavior: fixed\nattribution:\n  authorities_may_differ: true\npatterns: ['{q} dead']\n";
    let p = pack(&[rule]);
    let a = attributed(
        claim("f", "x.toll", "100", iv(99.5, 100.5), d("2024-01-01"), "a.md"),
        "gaza-moh",
        "Gaza Ministry of Health",
    );
    let b = attributed(claim("f", "x.toll", "150", iv(149.5, 150.5), d("2024-01-01"), "b.md"), "israel", "Israel");
    let f = compare(&[a.clone(), b], &p, &[]);
    assert_eq!(kinds(&f), [(FindingKind::Discrepancy, Severity::Info)]);
    assert!(f[0].explanation().ends_with("(Gaza Ministry of Health and Israel)."), "{}", f[0].explanation());
    // An unknown source is not an authority that may differ.
    let c = claim("f", "x.toll", "150", iv(149.5, 150.5), d("2024-01-01"), "c.md");
    assert_eq!(kinds(&compare(&[a, c], &p, &[])), [(FindingKind::Discrepancy, Severity::Error)]);
}

#[test]
fn the_same_claims_give_the_same_ids_in_any_order() {
    let p = pack(&[CUMULATIVE]);
    let claims = vec![
        claim("t", "x.total", "500", iv(499.5, 500.5), d("2024-01-01"), "a.md"),
        claim("t", "x.total", "400", iv(399.5, 400.5), d("2024-02-01"), "b.md"),
    ];
    let mut reversed = claims.clone();
    reversed.reverse();
    let a = compare(&claims, &p, &[]);
    let b = compare(&reversed, &p, &[]);
    assert_eq!(a[0].id, b[0].id);
    assert_eq!(a[0].id.len(), 12);
}

/// Findings of one severity, metric and kind come in the order of the
/// claims to look at first (document order), not of their ids.
#[test]
fn findings_of_a_kind_come_in_document_order() {
    let p = pack(&[CUMULATIVE]);
    let months = [("500", "01"), ("400", "02"), ("700", "03"), ("600", "04"), ("900", "05"), ("800", "06")];
    let claims: Vec<_> = months
        .iter()
        .enumerate()
        .map(|(i, (v, m))| {
            let n: f64 = v.parse().unwrap();
            claim("t", "x.total", v, iv(n - 0.5, n + 0.5), d(&format!("2024-{m}-01")), &format!("{i}.md"))
        })
        .collect();
    let f = compare(&claims, &p, &[]);
    assert_eq!(kinds(&f), [(FindingKind::Regression, Severity::Error); 3]);
    assert_eq!(f.iter().map(Finding::primary_claim).collect::<Vec<_>>(), [1, 3, 5]);
    let mut ids: Vec<&str> = f.iter().map(|f| f.id.as_str()).collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), 3);
}

#[test]
fn counts_are_written_with_thousands_separators() {
    let cases = [
        (0.0, "0"),
        (7.0, "7"),
        (999.0, "999"),
        (1000.0, "1,000"),
        (31988.0, "31,988"),
        (2_300_000.0, "2,300,000"),
        (-1234.0, "-1,234"),
        (-0.0, "0"),
        (999_999_999_999_999.0, "999,999,999,999,999"),
        (1.2, "1.2"),
    ];
    for (v, want) in cases {
        assert_eq!(format_count(v), want, "{v}");
    }
}

#[test]
fn an_article_that_updates_its_figure_revises_it() {
    let p = pack(&[CUMULATIVE]);
    let at = |text: &str, lo: f64, start: usize, sentence: &str| {
        let mut c = claim("t", "x.total", text, iv(lo - 0.5, lo + 0.5), d("2024-01-01"), "a.md");
        c.quantity.span = start..start + text.len();
        c.citation.sentence = sentence.into();
        c
    };
    let first = at("100", 100.0, 0, "100 x by noon.");
    let risen = at("120", 120.0, 50, "By evening the total had risen to 120 x.");
    assert!(compare(&[first.clone(), risen.clone()], &p, &[]).is_empty());
    // A live blog's later entry: "The ministry now says 120".
    let now = at("120", 120.0, 50, "The ministry now says 120 x.");
    assert!(compare(&[first.clone(), now], &p, &[]).is_empty());
    // Said without a rise, it disagrees with itself.
    let flat = at("120", 120.0, 50, "The total is 120 x.");
    assert_eq!(kinds(&compare(&[first.clone(), flat], &p, &[])), [(FindingKind::Discrepancy, Severity::Error)]);
    // "Rose" to a lower figure, later in the text, is no update.
    let fell = at("90", 90.0, 50, "The total rose to 90 x.");
    assert_eq!(kinds(&compare(&[first, fell], &p, &[])), [(FindingKind::Discrepancy, Severity::Error)]);
    // The last figure given first, as a lede does, then the story of the rise.
    let lede = at("120", 120.0, 0, "A strike killed 120 x.");
    let counted = at("100", 100.0, 30, "Volunteers counted 100 x.");
    let higher = at("120", 120.0, 60, "Officials later gave higher numbers: 120 x.");
    assert!(compare(&[lede.clone(), counted.clone(), higher], &p, &[]).is_empty());
    // Told without a rise, the story disagrees with itself.
    let again = at("120", 120.0, 60, "Officials said 120 x.");
    assert_eq!(
        kinds(&compare(&[lede.clone(), counted, again], &p, &[])),
        [(FindingKind::Discrepancy, Severity::Error)]
    );
    // The lede's figure, then the one it replaced, given as earlier.
    let earlier = at("100", 100.0, 30, "Earlier on Sunday the hospital had said it received 100 x.");
    assert!(compare(&[lede.clone(), earlier], &p, &[]).is_empty());
    // An earlier figure above the later one is no history of a rise.
    let earlier_more = at("150", 150.0, 30, "Earlier on Sunday the hospital had said it received 150 x.");
    assert_eq!(kinds(&compare(&[lede, earlier_more], &p, &[])), [(FindingKind::Discrepancy, Severity::Error)]);
    // Two articles that differ disagree, whatever their words.
    let mut other = risen;
    other.citation.document = claim("t", "x.total", "120", iv(119.5, 120.5), None, "b.md").citation.document;
    let first = at("100", 100.0, 0, "100 x by noon.");
    assert_eq!(kinds(&compare(&[first, other], &p, &[])), [(FindingKind::Discrepancy, Severity::Error)]);
}

#[test]
fn a_figure_quoted_inside_a_finding_loses_its_sentence_capital() {
    assert_eq!(mid_sentence("More than 33,000"), "more than 33,000");
    assert_eq!(mid_sentence("Twelve hundred"), "twelve hundred");
    assert_eq!(mid_sentence("US$180 million"), "US$180 million");
    assert_eq!(mid_sentence("33,000"), "33,000");
    assert_eq!(mid_sentence("Über 100"), "über 100");
}

#[test]
fn a_figure_under_a_twentieth_of_another_is_a_note() {
    let p = pack(&[CUMULATIVE]);
    // A strike's "40" read as the running total, months after 36,000.
    let claims = vec![
        claim("t", "x.total", "approximately 36,000", iv(35000.0, 37000.0), d("2024-05-27"), "a.md"),
        claim("t", "x.total", "40", iv(40.0, 40.0), d("2024-09-10"), "b.md"),
    ];
    let f = compare(&claims, &p, &[]);
    assert_eq!(kinds(&f), [(FindingKind::Regression, Severity::Info)]);
    assert!(
        f[0].explanation().ends_with(
            " This is a note: 40 is under a twentieth of approximately 36,000, more likely another count (one strike's, one day's, one place's) read as the same."
        ),
        "{}",
        f[0].explanation()
    );
    // A dropped digit (a tenth) is still an error.
    let claims = vec![
        claim("t", "x.total", "approximately 36,000", iv(35000.0, 37000.0), d("2024-05-27"), "a.md"),
        claim("t", "x.total", "3,600", iv(3599.5, 3600.5), d("2024-09-10"), "b.md"),
    ];
    assert_eq!(kinds(&compare(&claims, &p, &[])), [(FindingKind::Regression, Severity::Error)]);
}

const PART: &str =
    "id: p\nmetric: x.part\ndescription: A part\nbehavior: cumulative\npart_of: [x.total]\npatterns: ['{q} p']\n";

#[test]
fn a_whole_under_a_twentieth_of_its_part_is_a_note() {
    let p = pack(&[CUMULATIVE, PART]);
    let claims = vec![
        claim("p", "x.part", "500", iv(499.5, 500.5), d("2023-10-20"), "a.md"),
        claim("p", "x.part", "14,000", iv(13999.5, 14000.5), d("2024-04-19"), "b.md"),
        claim("t", "x.total", "seven", iv(7.0, 7.0), d("2024-09-27"), "c.md"),
    ];
    let f = compare(&claims, &p, &[]);
    let rel: Vec<&Finding> = f.iter().filter(|f| f.kind == FindingKind::RelationViolation).collect();
    assert_eq!(rel.len(), 1);
    assert_eq!(rel[0].severity, Severity::Info);
    assert!(
        rel[0].explanation().starts_with("A part: 500 and 14,000 (2 sources, 2023-10-20 to 2024-04-19) exceed the total they are part of. A total: seven (1 source, 2024-09-27). This is a note: seven is under a twentieth of 500"),
        "{}",
        rel[0].explanation()
    );
    // A total a seventh of its part is an error.
    let claims = vec![
        claim("p", "x.part", "14,000", iv(13999.5, 14000.5), d("2024-04-19"), "b.md"),
        claim("t", "x.total", "2,000", iv(1999.5, 2000.5), d("2024-09-27"), "c.md"),
    ];
    let f = compare(&claims, &p, &[]);
    assert!(f.iter().any(|f| (f.kind, f.severity) == (FindingKind::RelationViolation, Severity::Error)), "{f:#?}");
}

#[test]
fn a_whole_still_being_compiled_bounds_no_later_part() {
    let taken = "id: t\nmetric: x.taken\ndescription: Taken\nbehavior: fixed\nevent_date: 2023-10-07\ncompiling: 30 days\npatterns: ['{q} t']\n";
    let held = "id: h\nmetric: x.held\ndescription: Held\nbehavior: declining\nwindow: 7 days\npart_of: [x.taken]\npatterns: ['{q} h']\n";
    let p = pack(&[taken, held]);
    let relations = |claims: &[Claim]| -> Vec<(Vec<usize>, Vec<usize>)> {
        compare(claims, &p, &[])
            .iter()
            .filter(|f| f.kind == FindingKind::RelationViolation)
            .map(|f| (f.groups[0].claims.clone(), f.groups[1].claims.clone()))
            .collect()
    };
    let mut claims = vec![
        claim("t", "x.taken", "nearly 150", iv(140.0, 150.0), d("2023-10-12"), "a.md"),
        claim("t", "x.taken", "240", iv(239.5, 240.5), d("2023-11-20"), "b.md"),
        // Held, after the early count of the taken: that count was still rising.
        claim("h", "x.held", "229", iv(229.0, 229.0), d("2023-10-28"), "c.md"),
    ];
    assert_eq!(relations(&claims), []);
    // Held before that early count was given: it bounds them.
    claims.push(claim("h", "x.held", "200", iv(199.5, 200.5), d("2023-10-11"), "d.md"));
    assert_eq!(relations(&claims), [(vec![3], vec![0])]);
    // Held above the settled count: a violation, whenever.
    claims.push(claim("h", "x.held", "300", iv(299.5, 300.5), d("2023-12-01"), "e.md"));
    assert_eq!(relations(&claims), [(vec![3], vec![0]), (vec![4], vec![1])]);
}
