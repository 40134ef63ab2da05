//! Drafts written the way wire stories and newsroom drafts are: ledes that
//! name the place once, asides between a figure and its verb ("34,000
//! Palestinians, mostly women and children, have been killed"), running
//! tolls "since October 7", shares "128 of whom remain", an HTML page with
//! its navigation, JSON-LD and footer. Every figure a rule should bind,
//! with its metric, interval, date and source.

use crate::common::figcheck;
use figcheck::error::ExitStatus;

#[test]
fn newsroom_drafts_bind_their_figures() {
    // Relative, as a newsroom runs it from its checkout: the table cites the paths given.
    let dir = "tests/fixtures/drafts";
    let out = figcheck(&["extract", "--claims", "--format", "table", dir]);
    assert_eq!(out.status, ExitStatus::Clean, "{}", out.stderr);
    insta::assert_snapshot!(out.stdout);
}

/// `--explain` says when a figure was bound past an aside or with its
/// place taken from the lede: reasons a fact-checker cannot see in the
/// sentence itself.
#[test]
fn explain_names_the_reasons_outside_the_sentence() {
    let out = figcheck(&["extract", "--explain", "tests/fixtures/drafts/wire.md", "tests/fixtures/drafts/aid.md"]);
    assert_eq!(out.status, ExitStatus::Clean, "{}", out.stderr);
    assert!(
        out.stdout.contains(
            "gaza-missing             claims `More than 10,000` for gaza.missing by pattern 1; context words from the lede;"
        ),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout
            .contains("gaza-displaced           claims `1.7 million` for gaza.displaced by pattern 2 past an aside;"),
        "{}",
        out.stdout
    );
}
