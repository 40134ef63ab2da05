//! `figcheck rules` and user rule directories: listing, self-tests,
//! explanations, replacement of default rules, and rule file errors.

use std::fs;

use crate::common::{figcheck, figcheck_with_stdin};
use figcheck::error::ExitStatus;

#[test]
fn rules_list() {
    let out = figcheck(&["rules", "list"]);
    assert_eq!(out.status, ExitStatus::Clean);
    insta::assert_snapshot!(out.stdout);
}

#[test]
fn rules_test_passes_on_the_default_pack() {
    let out = figcheck(&["rules", "test"]);
    assert_eq!(out.status, ExitStatus::Clean, "{}", out.stdout);
    let last = out.stdout.lines().last().unwrap();
    assert!(last.ends_with("0 noisy, 0 missing, 0 wrong"), "{last}");
    assert!(out.stdout.lines().any(|l| l.starts_with("gaza-killed ") && l.ends_with(" ok")));
}

#[test]
fn rules_explain_shows_a_rule_in_full() {
    let out = figcheck(&["rules", "explain", "blinken-visits"]);
    assert_eq!(out.status, ExitStatus::Clean);
    insta::assert_snapshot!(out.stdout);
    let out = figcheck(&["rules", "explain", "nope"]);
    assert_eq!(out.status, ExitStatus::Error);
    assert!(out.stderr.starts_with("figcheck: error: no rule `nope` (rules: blinken-visits, "), "{}", out.stderr);
}

/// A rule that reads the lede says so, with the words that refuse it.
#[test]
fn rules_explain_shows_where_context_may_come_from() {
    let out = figcheck(&["rules", "explain", "gaza-killed"]);
    assert_eq!(out.status, ExitStatus::Clean);
    let any = out.stdout.lines().find(|l| l.starts_with("  context any of: ")).unwrap_or_default();
    assert!(any.ends_with(" (or in the document's lede)"), "{}", out.stdout);
    assert!(
        out.stdout
            .contains("\n  context from the lede, none of: \\bin Israel\\b, southern Israel, Israelis, attack\\b, "),
        "{}",
        out.stdout
    );
}

/// A rule of single events shows how it names them, and `extract
/// --explain` which event each figure was read as counting.
#[test]
fn events_are_shown_by_rule_and_by_figure() {
    let out = figcheck(&["rules", "explain", "strike-injured"]);
    assert_eq!(out.status, ExitStatus::Clean);
    assert!(out.stdout.contains("\n  events named by: (?:air ?strikes?|strikes?"), "{}", out.stdout);
    assert!(out.stdout.contains("\n  places too broad to name one: Gaza, Gaza Strip, "), "{}", out.stdout);
    assert!(out.stdout.contains(". expect 10 (event Rafah): Reported\n"), "{}", out.stdout);
    let out = figcheck(&["extract", "--explain", "tests/fixtures/strikes/rafah-b.md"]);
    assert_eq!(out.status, ExitStatus::Clean);
    for claimed in [
        "claims `20` for strike.killed by pattern 2; as of 2024-04-23 (\"on Tuesday\"); no attribution; event: Rafah\n",
        "claims `two` for strike.killed by pattern 2; as of 2024-04-23 (publication date); no attribution; event: unnamed (compared within its document)\n",
    ] {
        assert!(out.stdout.contains(claimed), "{claimed}\n{}", out.stdout);
    }
}

#[test]
fn a_user_rule_replaces_a_default_and_its_failing_examples_fail_the_test() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("gaza-missing.yaml"),
        "id: gaza-missing\nmetric: gaza.missing\ndescription: Missing people\nbehavior: snapshot\n\
         patterns: ['{q} (?:people )?(?:are )?missing']\n\
         examples:\n  - text: 'At least 7,000 people are missing in Gaza.'\n    expect: { value: 7000, qualifier: about }\n\
         \x20 - text: 'Two people are missing in the Alps.'\n    expect: none\n\
         \x20 - text: 'Ten people are unaccounted for.'\n    expect: { value: 10 }\n",
    )
    .unwrap();
    let d = dir.path().to_str().unwrap();
    let out = figcheck(&["rules", "test", "--rules", d]);
    assert_eq!(out.status, ExitStatus::Findings);
    assert_eq!(
        out.stderr,
        format!("figcheck: note: rule `gaza-missing` from {d}/gaza-missing.yaml replaces the default rule\n")
    );
    assert!(out.stdout.contains("gaza-missing            WNM      FAILED"), "{}", out.stdout);
    assert!(
        out.stdout.contains("gaza-missing example 1: Wrong: `At least 7,000`: qualifier at_least (expected about)"),
        "{}",
        out.stdout
    );
    assert!(out.stdout.contains("gaza-missing example 2: Noisy: claimed `Two` (2)"), "{}", out.stdout);
    assert!(out.stdout.contains("gaza-missing example 3: Missing: no pattern matched"), "{}", out.stdout);
}

#[test]
fn rule_file_errors_name_file_line_and_field() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("a.yaml"),
        "id: a\nmetric: x.a\ndescription: d\nbehavior: fixed\ncolour: red\npatterns: ['{q} x']\n",
    )
    .unwrap();
    fs::write(
        dir.path().join("b.yaml"),
        "id: b\nmetric: x.b\ndescription: d\nbehavior: fixed\npatterns:\n  - '{q} (x'\n",
    )
    .unwrap();
    fs::write(
        dir.path().join("c.yaml"),
        "id: c\nmetric: x.c\ndescription: d\nbehavior: fixed\npatterns:\n  - 'x [{q}]'\n",
    )
    .unwrap();
    fs::write(
        dir.path().join("d.yaml"),
        "id: dup\nmetric: x.d\ndescription: d\nbehavior: fixed\npatterns: ['{q} y']\n",
    )
    .unwrap();
    fs::write(
        dir.path().join("d2.yaml"),
        "id: dup\nmetric: x.d\ndescription: d\nbehavior: fixed\npatterns: ['{q} z']\n",
    )
    .unwrap();
    fs::write(
        dir.path().join("e.yaml"),
        "id: e\nmetric: x.e\ndescription: d\nbehavior: sometimes\npatterns: ['{q} y']\n",
    )
    .unwrap();
    let d = dir.path().to_str().unwrap();
    let out = figcheck(&["rules", "list", "--rules", d]);
    assert_eq!(out.status, ExitStatus::Error);
    let lines: Vec<String> = out.stderr.lines().map(|l| l.replace(d, "[DIR]")).collect();
    assert_eq!(lines.len(), 6, "{lines:#?}");
    // The rest of the rules are still listed; the run exits 2.
    assert_eq!(lines[5], "figcheck: note: going on without the rules above; the run will exit with status 2");
    assert!(out.stdout.contains("oct7-killed") && !out.stdout.contains("x.e"), "{}", out.stdout);
    assert!(
        lines[0].starts_with("figcheck: error: [DIR]/a.yaml:5: unknown field `colour`, expected one of"),
        "{}",
        lines[0]
    );
    assert_eq!(lines[1], "figcheck: error: [DIR]/b.yaml:6: patterns[0]: invalid regex: unclosed group");
    assert_eq!(lines[2], "figcheck: error: [DIR]/c.yaml:6: patterns[0]: {q} is inside a character class");
    assert_eq!(lines[3], "figcheck: error: [DIR]/d2.yaml:1: id: duplicate rule id `dup` (also in [DIR]/d.yaml)");
    assert!(
        lines[4].starts_with("figcheck: error: [DIR]/e.yaml:4: behavior: unknown variant `sometimes`"),
        "{}",
        lines[4]
    );
}

#[test]
fn an_unquoted_colon_in_a_title_keeps_the_date() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("a.md"),
        "---\ntitle: Gaza war: the numbers\npublished: 2024-03-01\n---\n\nThe Gaza health ministry said 30,035 people had been killed.\n",
    )
    .unwrap();
    let d = dir.path().to_str().unwrap();
    let out = figcheck(&["extract", "--claims", "--format", "table", d]);
    assert_eq!(out.status, ExitStatus::Clean, "{}", out.stderr);
    assert!(
        out.stderr.starts_with(&format!("figcheck: warning: {d}/a.md:2: front matter: the value of `title` holds")),
        "{}",
        out.stderr
    );
    assert!(out.stdout.contains("2024-03-01"), "{}", out.stdout);
}

#[test]
fn extract_explain_reads_stdin() {
    let text = "War broke out on October 7, when Hamas gunmen stormed southern communities, \
                killing some 1,200 people.\nIn Gaza, 31,000 killed.\n";
    let out = figcheck_with_stdin(&["extract", "--explain", "-"], text);
    assert_eq!(out.status, ExitStatus::Clean);
    insta::assert_snapshot!(out.stdout);
}

#[test]
fn document_loading_errors_name_the_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("a.md"), "---\ntitle: ok\npublished: [2024\n---\n# Title\n\nAbout 1,200 people were killed in the October 7 attack on southern Israel.\n").unwrap();
    let d = dir.path().to_str().unwrap();
    let out = figcheck(&["extract", "--claims", d]);
    assert_eq!(out.status, ExitStatus::Error);
    assert!(out.stderr.starts_with(&format!("figcheck: error: {d}/a.md:4: malformed front matter:")), "{}", out.stderr);
    // The document is still read, without its metadata.
    assert_eq!(out.stdout.lines().filter(|l| l.starts_with(r#"{"type":"claim""#)).count(), 1);

    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("sources.yaml"), "documents:\n  - path: a.txt\n    publishd: 2024-01-01\n").unwrap();
    fs::write(dir.path().join("a.txt"), "Title\n\n18 killed.\n").unwrap();
    let d = dir.path().to_str().unwrap();
    let out = figcheck(&["extract", d]);
    assert_eq!(out.status, ExitStatus::Error);
    assert!(
        out.stderr.starts_with(&format!(
            "figcheck: error: {d}/sources.yaml:3: invalid sources manifest: documents[0]: unknown field `publishd`"
        )),
        "{}",
        out.stderr
    );
    assert_eq!(out.stdout.lines().count(), 1, "the documents are still read");
}
