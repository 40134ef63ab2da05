//! Figures whose subject stands for a figure before them: "The ministry's
//! count of the dead passed 35,000 last week. As of May 19 it stood at
//! 35,456", "That is up from 23,084 a week earlier", "officials revised
//! the figure down to about 1,200", "The UN's figure is about 1.7 million".
//! Such a sentence names no metric of its own, so no rule's pattern
//! matches it; the figure is of the metric its subject stands for, when
//! the figures before it (earlier in its sentence, or else in the sentence
//! before) are all of one metric.
//!
//! Only the words right before the figure are read, and only for figures
//! no rule claimed: the cost is per unclaimed figure, not per byte.

use std::sync::LazyLock;

use regex::Regex;

use crate::rules::compile::{CLOSE, OPEN};

/// A verb that gives a count's level: "stood at", "had passed", "is".
pub(crate) const LEVEL_VERB: &str = r"(?:(?:has |had |have )?(?:now )?(?:stood at|stands at|reached|reaches|hit|hits|passed|passes|topped|tops|exceeded|exceeds|surpassed|climbed to|climbs to|rose to|rises to|risen to|grew to|grown to|jumped to|increased to|fell to|dropped to|been)|(?:is|was|were|are)(?: now)?(?: (?:up|down) from)?)";

/// Subject and verb, ending where the figure starts. The subject is a
/// pronoun or a bare count noun ("the figure", "its tally", "the UN's
/// latest count"): a noun that says what it counts ("the death toll", "the
/// number of wounded") is a rule's to read, and a rule that did not bind it
/// had its reasons.
static LEAD: LazyLock<Regex> = LazyLock::new(|| {
    let noun = r"(?:count|toll|tally|figure|number|total|estimate)s?";
    let adjective = r"(?:(?:latest|new|official|revised|updated|final|overall|current|own|daily|cumulative) )?";
    let owner = r"(?:(?:the|its|their|that|this|(?:the )?(?:[A-Za-z.-]+ ){0,2}[A-Za-z.-]+(?:'s|’s)) )";
    // "the ministry's figure for that day was".
    let subject = format!(
        r"(?:(?-u:\b)it|^(?:(?:but|and|yet|so|by then|now),? )?(?:that|this)|(?-u:\b){owner}{adjective}{noun}(?: for (?:that|the same) day)?)"
    );
    let verb = LEVEL_VERB;
    let revised = format!(r"(?-u:\b)revised (?:it|{owner}{adjective}{noun}) (?:(?:up|down)(?:wards?)? )?to");
    // "…, the ministry said, up from 28,340 on Monday": the figure before is the subject.
    let compared = r"(?:^|, )(?:(?:up|down) from|compared (?:with|to))";
    Regex::new(&format!(r"(?i-u)(?:{subject} {verb}|{revised}|{compared}) $")).expect("anaphora lead regex")
});

/// Words right after a figure that make it a difference or a share, not
/// the level its subject stands for ("That is 5,000 more than").
static NOT_LEVEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?i-u:\s*(?:more|fewer|less|higher|lower|times|percent|per cent|%|of |out of|in |per\b))")
        .expect("anaphora level regex")
});

/// The words a lead ends with, for a quick refusal of the rest.
const LAST_WORDS: [&str; 21] = [
    "at",
    "reached",
    "reaches",
    "hit",
    "hits",
    "passed",
    "passes",
    "topped",
    "tops",
    "exceeded",
    "exceeds",
    "surpassed",
    "to",
    "is",
    "was",
    "were",
    "are",
    "been",
    "from",
    "now",
    "with",
];

/// How far back from a figure its subject and verb are looked for.
const REACH: usize = 80;

/// The length of the words before the figure whose marker opens at
/// `marker` in `masked` that stand for a figure before it ("it stood at
/// "), if they do.
pub fn lead(masked: &str, marker: usize) -> Option<usize> {
    let before = &masked[..marker];
    // The word before the figure ends every lead: most figures have another.
    let last = before.strip_suffix(' ')?.rsplit(' ').next()?;
    if !LAST_WORDS.iter().any(|w| last.eq_ignore_ascii_case(w)) {
        return None;
    }
    let mut from = marker.saturating_sub(REACH);
    while !before.is_char_boundary(from) {
        from += 1;
    }
    // The words since the last figure: a subject does not reach past one.
    let from = before[from..].rfind(CLOSE).map_or(from, |i| from + i + CLOSE.len_utf8());
    let found = LEAD.find(&before[from..])?;
    let after = &masked[marker..];
    let end = after.find(CLOSE)? + CLOSE.len_utf8();
    (!NOT_LEVEL.is_match(&after[end..])).then_some(found.len())
}

/// Whether `before`, the words of a sentence before a lead, name a count
/// of their own: "The death toll has more than doubled since December,
/// when it stood at": the pronoun stands for that count, not for a figure
/// of the sentence before.
pub fn names_a_count(before: &str) -> bool {
    COUNT_NOUN.is_match(before)
}

static COUNT_NOUN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i-u)\b(?:toll|tally|count|total|number|figure|estimate)s?\b").expect("count noun regex")
});

/// Whether the figure at `marker` is listed after the one that ends at
/// `previous_end` ("up from 23,084 a week earlier and 21,978 two weeks
/// earlier"): a few words, then "and" or a comma, nothing that ends a clause.
pub fn listed_after(masked: &str, previous_end: usize, marker: usize) -> bool {
    let Some(between) = masked.get(previous_end..marker) else { return false };
    let between = between.trim_end();
    let rest = if let Some(r) = between.strip_suffix(" and").or_else(|| between.strip_suffix(" or")) {
        r.strip_suffix(',').unwrap_or(r)
    } else if let Some(r) = between.strip_suffix(',') {
        r
    } else {
        return false;
    };
    rest.split_whitespace().count() <= 4 && !rest.contains([';', ':', '.', '(', ')', OPEN, CLOSE])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::tests::masked;

    fn lead_of(s: &str) -> Option<String> {
        let m = masked(s);
        let at = m.find(OPEN).expect("a marker");
        lead(&m, at).map(|len| m[at - len..at].to_string())
    }

    #[test]
    fn a_count_named_before_the_pronoun_is_its_own() {
        assert!(names_a_count("The death toll has more than doubled since December, when "));
        assert!(names_a_count("The Tally "));
        assert!(!names_a_count("As of May 19 "));
        assert!(!names_a_count("Countless families fled; "));
    }

    #[test]
    fn pronouns_and_bare_count_nouns_lead() {
        assert_eq!(lead_of("As of May 19 it stood at [0], with 79,476 wounded.").as_deref(), Some("it stood at "));
        assert_eq!(lead_of("That is up from [0] a week earlier").as_deref(), Some("That is up from "));
        assert_eq!(lead_of("The UN's figure is [0].").as_deref(), Some("The UN's figure is "));
        assert_eq!(
            lead_of("In November officials revised the figure down to [0], after").as_deref(),
            Some("revised the figure down to ")
        );
        assert_eq!(lead_of("The count reached [0] on April 1.").as_deref(), Some("The count reached "));
        assert_eq!(lead_of("the ministry said in a statement, up from [0] on Monday.").as_deref(), Some(", up from "));
        assert_eq!(lead_of("were killed, compared with [0] a week earlier.").as_deref(), Some(", compared with "));
        assert_eq!(
            lead_of("the health ministry's figure for that day was [0], but").as_deref(),
            Some("the health ministry's figure for that day was ")
        );
        let l = lead_of("By Friday the ministry's latest tally had reached [0].");
        assert!(l.is_some_and(|l| l.ends_with("the ministry's latest tally had reached ")));
    }

    #[test]
    fn nouns_that_say_what_they_count_and_relative_pronouns_do_not() {
        assert_eq!(lead_of("The number of displaced is [0]."), None);
        assert_eq!(lead_of("The death toll reached [0]."), None);
        assert_eq!(lead_of("figures that reached [0] on Thursday"), None);
        assert_eq!(lead_of("it said [0] people had died"), None);
        assert_eq!(lead_of("That is [0] more than a week earlier."), None);
        assert_eq!(lead_of("It is [0] times the toll of 2014."), None);
        assert_eq!(lead_of("That was [0] of the 253 taken."), None);
        assert_eq!(lead_of("aid rose sharply up from [0] trucks"), None);
    }

    #[test]
    fn a_subject_does_not_reach_past_another_figure() {
        let m = masked("It rose from [0] to [1].");
        assert_eq!(lead(&m, m.rfind(OPEN).unwrap()), None);
    }

    #[test]
    fn figures_listed_after_one() {
        let m = masked("up from [0] a week earlier and [1] two weeks earlier");
        let end = m.find(CLOSE).unwrap() + CLOSE.len_utf8();
        assert!(listed_after(&m, end, m.rfind(OPEN).unwrap()));
        let m = masked("up from [0] a week earlier; the ministry said [1] were wounded");
        let end = m.find(CLOSE).unwrap() + CLOSE.len_utf8();
        assert!(!listed_after(&m, end, m.rfind(OPEN).unwrap()));
    }
}
