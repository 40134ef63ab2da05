//! What the sentences before a figure say of it: the period a "during
//! this period" or "That figure" counts over, the incident a figure told
//! in the simple past counts, the attack "in the attack" is, the start a
//! "since then" counts from.

use std::sync::LazyLock;

use crate::document::Document;
use crate::rules::compile::{Context, ContextVerdict, Rule};

/// A word that refuses a figure, and where it was read.
fn refusal(word: &str, why: &str) -> ContextVerdict {
    ContextVerdict::Forbidden(format!("{word} ({why})"))
}

/// A sentence that counts over the period of the one before ("over 5,700
/// have also been wounded … during this period"), or opens on the figure
/// before ("That figure includes 147 children").
static SAME_PERIOD: LazyLock<regex::Regex> = LazyLock::new(|| {
    regex::Regex::new(concat!(
        r"(?i)(?-u:\b)(?:during|over|in|for|throughout) (?:this|that|the same) (?:period|time)(?-u:\b)",
        r"|^\W*(?:(?-i:That|This) (?:figure|toll|tally|count|number|total)|(?-i:The) figure)(?-u:\b)"
    ))
    .expect("same-period regex")
});

/// The verdict of the sentence before on a figure counted "during this
/// period": the period, and its place, are that sentence's; one that names
/// another front (the rule's `lede_unless`) places the figure there. "… in the
/// West Bank has reached 700. Over 5,000 Palestinians have also been
/// wounded during this period" is the West Bank's, though "Palestinians"
/// would place it in Gaza. So is a toll that names no place or war of its
/// own: after "… 500 Palestinians had been killed in the West Bank",
/// "Palestinian officials give a toll of 520" is the West Bank's.
/// A period is the sentence before's in every way: its rule's `none` words
/// ("over the past 48 hours") refuse a figure "during this period" too,
/// and a war-long count before makes one ("in the same period, the
/// wounded rose to 40,000") the war's.
pub(super) fn frame_refuses(doc: &Document, si: usize, context: &Context) -> Option<ContextVerdict> {
    let text = &doc.text[doc.sentences[si].span.clone()];
    let same_period = si > 0 && SAME_PERIOD.is_match(text);
    let why = if si == 0 {
        return None;
    } else if same_period {
        "in the sentence before, whose period or figure it counts over"
    } else if BARE_TOLL.is_match(text) && !PLACED_TOLL.is_match(text) {
        "in the sentence before, whose toll it gives"
    } else {
        return None;
    };
    let before = &doc.text[doc.sentences[si - 1].span.clone()];
    let unless = context.lede_unless.as_ref().and_then(|w| w.find(before));
    let none = || context.none.as_ref().filter(|_| same_period).and_then(|w| w.find(before));
    let m = unless.or_else(none)?;
    Some(refusal(&m.as_str(), why))
}

/// A sentence that tells of an attack by the article alone: "In that
/// attack, 1,200 were killed", "about 1,200 people were killed during the
/// raid".
static THAT_ATTACK: LazyLock<regex::Regex> = LazyLock::new(|| {
    regex::Regex::new(concat!(
        r"(?:^|(?-u:\b)(?:killed|died|dead|murdered|slain|abducted|kidnapped|seized) )(?i:in|during) (?:that|the|this) ",
        r"(?:attack|assault|raid|rampage|incursion)(?-u:\b)"
    ))
    .expect("that-attack regex")
});

/// Whether `text` tells of the attack the sentence before names: the
/// article alone, not "in the attack on a school", which names its own.
pub(super) fn tells_of_attack_before(text: &str) -> bool {
    let text = text.trim_start();
    THAT_ATTACK.find_iter(text).any(|m| {
        let next = text[m.end()..].split_whitespace().next().unwrap_or("");
        !matches!(next, "on" | "at" | "against" | "by" | "near" | "in" | "that" | "which" | "targeting" | "of")
    })
}

/// The verdict of the sentence before on a figure killed in the attack it
/// names: after "Hamas gunmen crossed into Israel on October 7", "About
/// 1,200 people were killed in the attack" is the rule's `none` if that
/// sentence's words are (no one strike's).
pub(super) fn attack_before_refuses(doc: &Document, si: usize, context: &Context) -> Option<ContextVerdict> {
    let s = &doc.sentences[si];
    let prev = &doc.sentences[si.checked_sub(1)?];
    if prev.role != s.role || !tells_of_attack_before(&doc.text[s.span.clone()]) {
        return None;
    }
    let m = context.none.as_ref()?.find(&doc.text[prev.span.clone()])?;
    Some(refusal(&m.as_str(), "in the sentence before, whose attack the figure counts"))
}

/// A toll without its place: "a toll of", "the death toll".
static BARE_TOLL: LazyLock<regex::Regex> =
    LazyLock::new(|| regex::Regex::new(r"(?i)(?-u:\b)(?:a|the) (?:death )?toll(?-u:\b)").expect("bare-toll regex"));

/// What places a toll itself: Gaza, the war, a total.
static PLACED_TOLL: LazyLock<regex::Regex> = LazyLock::new(|| {
    regex::Regex::new(r"(?i)(?-u:\b)(?:Gaza|Strip|enclave|war|overall|total|cumulative)(?-u:\b)")
        .expect("placed-toll regex")
});

/// A figure told in the simple past ("More than 100 people were killed
/// and hundreds wounded"): an event's count, unlike a running total's
/// "have been killed".
static SIMPLE_PAST: LazyLock<regex::Regex> = LazyLock::new(|| {
    regex::Regex::new(r"(?i)(?-u:\b)(?:(?:were|was) (?:killed|wounded|injured|hurt|shot)|died)(?-u:\b)")
        .expect("simple-past regex")
});

/// The verdict of the sentence before on a figure the lede alone places,
/// told in the simple past: after "Israeli forces opened fire on a crowd
/// waiting for aid trucks", "More than 100 people were killed and hundreds
/// wounded" counts that incident, which the rule's `lede_none` words name.
/// `clause`: the figure's clause, which tells the figure's tense.
pub(super) fn incident_before_refuses(
    doc: &Document,
    si: usize,
    clause: &str,
    context: &Context,
) -> Option<ContextVerdict> {
    let s = &doc.sentences[si];
    let prev = doc.sentences.get(si.checked_sub(1)?).filter(|p| p.paragraph == s.paragraph)?;
    if !SIMPLE_PAST.is_match(clause) || clause.contains(" been ") {
        return None;
    }
    let m = context.lede_none.as_ref()?.find(&doc.text[prev.span.clone()])?;
    Some(refusal(&m.as_str(), "in the sentence before, whose incident the figure counts"))
}

/// "since then": a count from what the sentence before dates.
static SINCE_THEN: LazyLock<regex::Regex> =
    LazyLock::new(|| regex::Regex::new(r"(?i)(?-u:\b)since then(?-u:\b)").expect("since-then regex"));

/// What dates the start of the war: "on October 7", "when the war began",
/// "the attack".
static WAR_START: LazyLock<regex::Regex> = LazyLock::new(|| {
    regex::Regex::new(concat!(
        r"(?i)(?-u:\b)(?:Oct(?:ober|\.)? 7|7 Oct(?:ober|\.)?|Oct(?:ober|\.)? 2023",
        r"|the (?:war|conflict|fighting|offensive) (?:began|started|broke out|erupted)|the start of the war",
        r"|the attack|Hamas(?:'s|’s|-led)? (?:attack|assault|incursion|rampage)|Hamas attacked)(?-u:\b)"
    ))
    .expect("war-start regex")
});

/// What dates a later start: a truce ended, fighting resumed, a month.
static LATER_START: LazyLock<regex::Regex> = LazyLock::new(|| {
    regex::Regex::new(concat!(
        r"(?i)(?-u:\b)(?:cease-?fire|truce|resum(?:ed|ption)|blockade|20(?:2[4-9])",
        r"|(?-i:January|February|March|April|May|June|July|August|September|November|December))(?-u:\b)"
    ))
    .expect("later-start regex")
});

/// The verdict of the sentences before on a count of a metric that begins
/// with the war (`since:`), made "since then": after "Weeks later, Israel
/// ended a ceasefire with a surprise bombardment", "At least 8,867
/// Palestinians have been killed since then" counts from that day, not
/// from the war's start. The nearest of the three sentences before that
/// names either start decides.
pub(super) fn since_then_refuses(doc: &Document, si: usize, rule: &Rule) -> Option<ContextVerdict> {
    rule.since?;
    if !SINCE_THEN.is_match(&doc.text[doc.sentences[si].span.clone()]) {
        return None;
    }
    for before in doc.sentences[si.saturating_sub(3)..si].iter().rev() {
        let text = &doc.text[before.span.clone()];
        if WAR_START.is_match(text) {
            return None;
        }
        if let Some(m) = LATER_START.find(text) {
            return Some(refusal("since then", &format!("after a sentence that dates a later start: {}", m.as_str())));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::tells_of_attack_before;

    #[test]
    fn an_attack_told_by_its_article_alone_is_the_one_before() {
        assert!(tells_of_attack_before("In that attack, 1,200 people were killed."));
        assert!(tells_of_attack_before("Officials say roughly 1,200 people were killed during the raid."));
        assert!(tells_of_attack_before("About 1,200 people were killed in the attack, officials say."));
        // An attack described where it is told names its own.
        assert!(!tells_of_attack_before("Seven people were killed in the attack on a school in Gaza City."));
        assert!(!tells_of_attack_before("Seven people were killed in the attack that hit a school."));
        // No death told of it.
        assert!(!tells_of_attack_before("The army said 40 fighters took part in the raid."));
    }
}
