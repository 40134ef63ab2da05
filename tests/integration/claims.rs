//! From documents to claims: the seed articles, and fixtures covering every
//! date source, attribution form and metric behaviour.

use serde_json::Value;

use crate::common::figcheck;
use figcheck::error::ExitStatus;

fn claims(path: &str) -> Vec<Value> {
    let out = figcheck(&["extract", "--claims", path]);
    assert_eq!(out.status, ExitStatus::Clean, "{}", out.stderr);
    out.stdout
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).expect("JSON line"))
        .filter(|r| r["type"] == "claim")
        .collect()
}

fn find<'a>(all: &'a [Value], file: &str, text: &str) -> &'a Value {
    all.iter()
        .find(|c| c["path"].as_str().unwrap().contains(file) && c["text"] == text)
        .unwrap_or_else(|| panic!("no claim {text:?} in {file}"))
}

/// metric, value, qualifier, as_of, attribution of a claim.
fn summary(c: &Value) -> (String, f64, String, String, String) {
    let s = |v: &Value| v.as_str().unwrap_or("-").to_string();
    (s(&c["metric"]), c["value"].as_f64().unwrap(), s(&c["qualifier"]), s(&c["as_of"]), s(&c["attribution"]))
}

fn expect(
    metric: &str,
    value: f64,
    qualifier: &str,
    as_of: &str,
    attribution: &str,
) -> (String, f64, String, String, String) {
    (metric.into(), value, qualifier.into(), as_of.into(), attribution.into())
}

#[test]
fn the_seed_claims() {
    let all = claims("seeds");
    let cases = [
        ("000", "$135 million", expect("us.aid.palestinians.tranche", 135e6, "none", "2024-10-25", "-")),
        ("000", "more than $1.2 billion", expect("us.aid.palestinians.total", 1.2e9, "over", "2024-10-25", "-")),
        ("001", "some 1,200", expect("oct7.killed", 1200.0, "about", "2023-12-20", "-")),
        ("001", "around 240", expect("oct7.hostages_taken", 240.0, "about", "2023-12-20", "-")),
        ("001", "19,667", expect("gaza.killed", 19667.0, "none", "2023-12-20", "gaza-moh")),
        ("002", "over 240", expect("gaza.hostages_held", 240.0, "over", "2023-11-06", "-")),
        ("003", "11th", expect("blinken.mideast_visits", 11.0, "none", "2024-10-22", "-")),
        ("003", "2.3 million", expect("gaza.population", 2.3e6, "none", "2024-10-24", "-")),
        ("003", "18", expect("strike.killed", 18.0, "none", "2024-10-24", "lebanon-moph")),
        ("003", "four", expect("strike.killed_children", 4.0, "none", "2024-10-24", "lebanon-moph")),
        ("003", "over 60", expect("strike.injured", 60.0, "over", "2024-10-24", "lebanon-moph")),
        ("004", "sixth", expect("blinken.mideast_visits", 6.0, "none", "2024-03-20", "-")),
        ("004", "Close to 32,000", expect("gaza.killed", 32000.0, "nearly", "2024-03-21", "-")),
        ("004", "31,988", expect("gaza.killed", 31988.0, "none", "2024-03-21", "gaza-moh")),
        ("004", "74,188", expect("gaza.injured", 74188.0, "none", "2024-03-21", "gaza-moh")),
        ("004", "at least 7,000", expect("gaza.missing", 7000.0, "at_least", "2024-03-21", "-")),
        ("004", "nearly two million", expect("gaza.displaced", 2e6, "nearly", "2024-03-21", "-")),
        ("004", "1,200", expect("oct7.killed", 1200.0, "none", "2024-03-21", "israel")),
    ];
    for (file, text, want) in &cases {
        assert_eq!(&summary(find(&all, file, text)), want, "{file} {text}");
    }
    assert_eq!(all.len(), cases.len(), "every seed claim is listed above");
    // Where the as-of came from.
    assert_eq!(find(&all, "003", "11th")["as_of_source"], "relative");
    assert_eq!(find(&all, "003", "11th")["as_of_text"], "on Tuesday");
    assert_eq!(find(&all, "004", "sixth")["as_of_text"], "on Wednesday");
    assert_eq!(find(&all, "004", "Close to 32,000")["role"], "heading");
    assert_eq!(find(&all, "001", "19,667")["as_of_source"], "published");
}

#[test]
fn phrases_that_are_not_claims() {
    let all = claims("seeds");
    for text in ["two", "72 hours", "dozen-plus", "number four", "100+", "One", "first", "third", "two to one"] {
        assert!(all.iter().all(|c| c["text"] != text), "{text:?} became a claim");
    }
}

#[test]
fn the_seed_claims_table() {
    let out = figcheck(&["extract", "--claims", "--format", "table", "seeds"]);
    assert_eq!(out.status, ExitStatus::Clean);
    insta::assert_snapshot!(out.stdout);
}

#[test]
fn every_date_source() {
    let all = claims("tests/fixtures/claims");
    let date = |file: &str, text: &str| {
        let c = find(&all, file, text);
        (c["published"].as_str().unwrap_or("-").to_string(), c["date_source"].as_str().unwrap().to_string())
    };
    assert_eq!(date("front-matter.md", "23,210"), ("2024-01-10".into(), "front_matter".into()));
    assert_eq!(date("manifest-dated.txt", "30,035"), ("2024-02-29".into(), "manifest".into()));
    assert_eq!(date("meta.html", "136"), ("2024-02-01".into(), "html_meta".into()));
    assert_eq!(date("dateline.txt", "134"), ("2024-03-05".into(), "dateline".into()));
    assert_eq!(date("undated.txt", "Some 1,139"), ("-".into(), "undated".into()));
    // Front matter wins over the manifest entry for the same file.
    assert_eq!(find(&all, "front-matter.md", "23,210")["publisher"], "The Fixture Times");
    // An undated document gives undated claims.
    let c = find(&all, "undated.txt", "Some 1,139");
    assert_eq!((c["as_of"].clone(), c["as_of_source"].as_str()), (Value::Null, Some("undated")));
    // A figure in an HTML comment or a <script> is not read.
    assert!(all.iter().all(|c| c["text"] != "99,999" && c["text"] != "12345"));
}

#[test]
fn every_attribution_form_and_as_of_form() {
    let all = claims("tests/fixtures/claims");
    let who = |file: &str, text: &str| {
        let c = find(&all, file, text);
        (
            c["attribution"].as_str().unwrap_or("-").to_string(),
            c["attribution_text"].as_str().unwrap_or("-").to_string(),
        )
    };
    // X said, with an X-run health ministry
    assert_eq!(who("front-matter.md", "23,210"), ("gaza-moh".into(), "Hamas-run health ministry".into()));
    // per X
    assert_eq!(who("front-matter.md", "59,167"), ("gaza-moh".into(), "Gaza health ministry".into()));
    // X says
    assert_eq!(who("meta.html", "136"), ("israel".into(), "Israel".into()));
    // according to X
    assert_eq!(who("meta.html", "about 250"), ("israel".into(), "Israeli officials".into()));
    // X reported
    assert_eq!(who("meta.html", "27,019"), ("gaza-moh".into(), "Gaza health ministry".into()));
    // X announced
    assert_eq!(who("manifest-dated.txt", "30,035"), ("gaza-moh".into(), "health ministry in Gaza".into()));
    // an unknown source keeps its words
    assert_eq!(who("undated.txt", "Some 1,139"), ("AFP tally".into(), "AFP tally".into()));

    let as_of = |file: &str, text: &str| {
        let c = find(&all, file, text);
        (c["as_of"].as_str().unwrap().to_string(), c["as_of_source"].as_str().unwrap().to_string())
    };
    assert_eq!(as_of("dateline.txt", "134"), ("2024-03-03".into(), "stated".into()));
    assert_eq!(as_of("meta.html", "27,019"), ("2024-01-31".into(), "relative".into()));
    assert_eq!(as_of("front-matter.md", "fourth"), ("2024-01-08".into(), "relative".into()));
    assert_eq!(as_of("manifest-dated.txt", "about 1,200"), ("2024-02-29".into(), "published".into()));
}

#[test]
fn every_behaviour_has_claims_in_the_fixtures() {
    let all = claims("tests/fixtures/claims");
    let metric = |file: &str, text: &str| find(&all, file, text)["metric"].as_str().unwrap().to_string();
    assert_eq!(metric("manifest-dated.txt", "about 1,200"), "oct7.killed"); // fixed
    assert_eq!(metric("meta.html", "27,019"), "gaza.killed"); // cumulative
    assert_eq!(metric("front-matter.md", "fourth"), "blinken.mideast_visits"); // counter
    assert_eq!(metric("dateline.txt", "134"), "gaza.hostages_held"); // snapshot
    let headline = find(&all, "meta.html", "Over 130");
    assert_eq!(
        (headline["role"].as_str(), headline["metric"].as_str()),
        (Some("headline"), Some("gaza.hostages_held"))
    );
    assert_eq!((headline["line"].as_u64(), headline["column"].as_u64()), (Some(11), Some(5)));
}

#[test]
fn markdown_markup_does_not_hide_claims() {
    let all = claims("tests/fixtures/claims/markup.md");
    let got: Vec<(String, f64, String, String, String)> = all.iter().map(summary).collect();
    assert_eq!(
        got,
        [
            expect("gaza.killed", 31988.0, "none", "2024-03-21", "gaza-moh"),
            expect("gaza.injured", 74188.0, "none", "2024-03-21", "gaza-moh"),
        ]
    );
    // Positions still point into the file, markup included.
    assert_eq!((all[0]["line"].as_u64(), all[0]["column"].as_u64()), (Some(9), Some(3)));
    assert_eq!(all[1]["value"], 74188.0, "a list marker is not a minus sign");
}

#[test]
fn claims_about_single_events_name_them() {
    let all = claims("tests/fixtures/strikes");
    assert_eq!(find(&all, "rafah-a.md", "22")["event"], "Rafah");
    assert_eq!(find(&all, "rafah-a.md", "10")["event"], "Rafah", "the strike of the sentence before");
    // Unnamed: marked by where the strike is introduced, shared by the figures about it.
    let (twelve, fifteen) = (find(&all, "school.md", "12"), find(&all, "school.md", "15"));
    assert!(twelve.get("event").is_none());
    assert_eq!(twelve["event_at"], fifteen["event_at"]);
    assert_eq!(find(&all, "school.md", "40")["event_at"], twelve["event_at"]);
    assert_ne!(find(&all, "rafah-b.md", "two")["event_at"], Value::Null);
    // Figures of rules that count no single event carry neither field.
    let seeds = claims("seeds");
    assert!(seeds.iter().filter(|c| c["metric"] == "gaza.killed").all(|c| c.get("event").is_none()));
}

/// Subtitle files: a sentence across cues is one claim, cited at its line
/// in the file; a WebVTT note suppresses the next cue's figure.
#[test]
fn caption_files_are_read_as_prose() {
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, text: &str| std::fs::write(dir.path().join(name), text).unwrap();
    write(
        "sources.yaml",
        "documents:\n  - path: a.srt\n    published: 2024-03-01\n  - path: b.vtt\n    published: 2024-05-16\n",
    );
    write(
        "a.srt",
        "1\n00:00:01,000 --> 00:00:04,500\nThe health ministry in <i>Gaza</i> says\n\n\
         2\n00:00:04,500 --> 00:00:08,000\nmore than 30,000 Palestinians\nhave been killed.\n",
    );
    write(
        "b.vtt",
        "WEBVTT\n\n1\n00:00.500 --> 00:04.000\n<v Anchor>Gaza's health ministry says 35,272 people\nhave now been killed.\n\n\
         NOTE figcheck-ignore gaza.injured misread on air\n\n\
         2\n00:04.000 --> 00:06.000\n<v Anchor>The ministry says 80,000 have been wounded.\n",
    );
    let d = dir.path().to_str().unwrap();
    let all = claims(d);
    let seen: Vec<(String, u64, u64, &str, &str)> = all
        .iter()
        .map(|c| {
            let file = c["path"].as_str().unwrap().rsplit('/').next().unwrap().to_string();
            (
                file,
                c["line"].as_u64().unwrap(),
                c["column"].as_u64().unwrap(),
                c["text"].as_str().unwrap(),
                c["as_of"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        seen,
        [
            ("a.srt".to_string(), 7, 1, "more than 30,000", "2024-03-01"),
            ("b.vtt".to_string(), 5, 39, "35,272", "2024-05-16"),
        ]
    );
    assert_eq!(find(&all, "a.srt", "more than 30,000")["attribution_id"], "gaza-moh");
    let out = figcheck(&["check", d, "--no-config", "--format", "concise"]);
    assert!(
        out.stdout.ends_with("2 documents, 2 claims, 0 findings: 0 errors, 0 warnings, 0 notes; 1 figure suppressed\n"),
        "{}",
        out.stdout
    );
}

/// Invisible characters written inside a figure ("78,\u{200b}827") are
/// taken out before it is read, and its citation is still the file's own
/// line and column.
#[test]
fn invisible_characters_do_not_split_a_figure() {
    let all = claims("tests/fixtures/recall/invisible-marks.md");
    let wounded = find(&all, "invisible-marks.md", "78,827");
    assert_eq!((wounded["line"].as_u64(), wounded["column"].as_u64()), (Some(11), Some(19)));
    assert_eq!((wounded["end_line"].as_u64(), wounded["end_column"].as_u64()), (Some(11), Some(26)));
    assert_eq!(wounded["metric"], "gaza.injured");
    let killed = find(&all, "invisible-marks.md", "35,091");
    assert_eq!((killed["line"].as_u64(), killed["column"].as_u64()), (Some(9), Some(32)));
}

/// A PDF report's text (`pdftotext`): page heads, feet and numbers are no
/// figures and split no sentence; a word broken at a line's end and a
/// sentence broken by a page read whole; footnote numbers after a stop are
/// no figures; citations keep the file's lines and columns.
#[test]
fn a_pdf_s_text_reads_through_its_page_furniture() {
    let path = "tests/fixtures/recall/flash-update-pdf.txt";
    let all = claims(path);
    let killed = find(&all, "flash-update-pdf.txt", "10,818");
    assert_eq!((killed["line"].as_u64(), killed["column"].as_u64()), (Some(11), Some(55)));
    assert!(killed["sentence"].as_str().unwrap().contains("10,818 Palestinians have been killed"));
    let attack = find(&all, "flash-update-pdf.txt", "about 1,200");
    assert_eq!((attack["line"].as_u64(), attack["column"].as_u64()), (Some(38), Some(21)));
    assert_eq!(attack["metric"], "oct7.killed");
    assert!(attack["sentence"].as_str().unwrap().ends_with("were killed in Israel on 7 October."));
    // Figures: none on the page furniture's lines (1, 26, 28, 40, 42, 51),
    // none for the notes' marks (lines 13, 16, 44), and "7 October" over the page break is a date.
    let out = figcheck(&["extract", path]);
    let lines: Vec<(u64, String)> = out
        .stdout
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).expect("JSON line"))
        .map(|f| (f["line"].as_u64().unwrap(), f["text"].as_str().unwrap().to_string()))
        .collect();
    for furniture in [1, 26, 28, 40, 42, 51] {
        assert!(lines.iter().all(|(l, _)| *l != furniture), "a figure on line {furniture}: {lines:?}");
    }
    let on = |line: u64| lines.iter().filter(|(l, _)| *l == line).map(|(_, t)| t.as_str()).collect::<Vec<_>>();
    assert_eq!(on(13), ["4,412", "2,918", "26,905"]);
    assert_eq!(on(16), Vec::<&str>::new());
    assert_eq!(on(38), ["about 1,200"]);
    assert_eq!(on(44), ["756"]);
}
