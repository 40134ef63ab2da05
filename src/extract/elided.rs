//! Figures whose noun is left to the sentence before: "About 1,200 people
//! were killed on Oct. 7. Some 253 were abducted" (the 253 are people), and
//! answers to a question ("How many hostages are still in Gaza? Israel says
//! 120"). The figure is read again with the noun, or the question's words,
//! after it: "Some 253 people were abducted", "Israel says 120 hostages are
//! still in Gaza".

use std::sync::LazyLock;

use regex::Regex;

use crate::rules::compile::{CLOSE, OPEN};
use crate::substring::finder;

/// Nouns a figure counts that a figure after it may leave out.
const NOUNS: [&str; 10] = [
    "people",
    "Palestinians",
    "Israelis",
    "Gazans",
    "civilians",
    "hostages",
    "captives",
    "children",
    "women",
    "others",
];

/// Verbs right after a figure that make it a subject without its noun
/// ("Some 253 were abducted", "128 remain in Gaza").
static BARE_SUBJECT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^ (?:were|was|are|have been|had been|remain|remained|remains|are still|were still|died|have died)(?-u:\b)",
    )
    .expect("bare subject regex")
});

/// A question of how many: "How many hostages are still in Gaza?"
static HOW_MANY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^[^\p{L}]*(?:(?:Q|Question)\s*[:.]\s*)?(?:(?:and|so|but|then),? )?how many ([a-z][^?]{2,80}?)\s*\?[^\p{L}]*$")
        .expect("how many regex")
});

/// A reporter's question told in the sentence: "Asked how many hostages
/// remain in Gaza, a spokesman said: ...".
static ASKED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)(?-u:\b)asked how many ([a-z][^,?;:]{2,80}?)\s*[,?]").expect("asked regex"));

/// A toll the sentence names without a figure: "Gaza's health ministry
/// updated its death toll on Monday". Only with a determiner of its own,
/// as Gaza's or as a ministry's: "the strike's death toll" is the strike's.
static TOLL_NAMED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?-u:\b)(?:[Tt]he|its|their|Gaza(?:'s|’s)) (?:(?:Gaza |Palestinian )?(?:[Hh]ealth )?[Mm]inistry(?:'s|’s) )?",
        r"(?:(?:overall|latest|official|updated|new|running) )?(?:death toll|toll|tally|death count|count of the dead)(?-u:\b)"
    ))
    .expect("toll named regex")
});

/// "it" for a toll right before a figure: "put it at", "it stood at", "it
/// had passed", "That figure was".
static IT_AT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?-u:\b)(?:(?:put|puts|putting|placed|places) (?P<object>it) at|(?P<subject>[Ii]t) {}|(?P<figure>(?:[Tt]hat|[Tt]his|[Tt]he) (?:figure|number|count|tally)) (?:now )?(?:stood at|stands at|was|is|rose to|has risen to|had risen to|reached|has reached)) $",
        super::anaphora::LEVEL_VERB
    ))
    .expect("it-at regex")
});

/// Words one of which `IT_AT` needs: most sentences have none, and the
/// sentence before is not read for them.
static IT_AT_WORDS: LazyLock<aho_corasick::packed::Searcher> = LazyLock::new(|| {
    aho_corasick::packed::Config::new()
        .builder()
        .extend(["It ", " it ", "figure ", "number ", "count ", "tally "])
        .build()
        .expect("it-at words")
});

/// The toll the sentence before names without a figure, lower-cased as an object.
pub fn toll_named(previous: &str) -> Option<String> {
    if previous.contains(|c: char| c.is_ascii_digit()) {
        return None;
    }
    TOLL_NAMED.find(previous).map(|m| m.as_str().replacen("The", "the", 1))
}

/// The masked sentence with "it" before each `wanted` figure replaced by
/// `toll`, the toll the sentence before names: "The ministry put it at
/// 35,091" read as "The ministry put its death toll at 35,091".
pub fn it_for_toll(
    masked: &str,
    toll: impl FnOnce() -> Option<String>,
    wanted: impl Fn(usize) -> bool,
) -> Option<String> {
    IT_AT_WORDS.find(masked)?;
    let (mut out, mut copied, mut from) = (String::new(), 0, 0);
    let mut toll = Some(toll);
    let mut named: Option<String> = None;
    while let Some(i) = masked[from..].find(OPEN) {
        let start = from + i;
        let inner = start + OPEN.len_utf8();
        let end = inner + masked[inner..].find(CLOSE)?;
        from = end;
        if !masked[inner..end].parse().is_ok_and(&wanted) {
            continue;
        }
        let Some(c) = IT_AT.captures(&masked[copied..start]) else { continue };
        let it = c.name("object").or_else(|| c.name("subject")).or_else(|| c.name("figure")).expect("one of the three");
        if let Some(f) = toll.take() {
            named = Some(f()?);
        }
        out.push_str(&masked[copied..copied + it.start()]);
        out.push_str(named.as_deref()?);
        copied += it.end();
    }
    // No "it" for a wanted figure: nothing to fill in.
    named.as_ref()?;
    out.push_str(&masked[copied..]);
    Some(out)
}

/// What the sentence says a reporter asked to count, if it does so before
/// its first figure.
pub fn asked_within(masked: &str) -> Option<&str> {
    let first = masked.find(OPEN)?;
    finder!(b"how many").find(&masked.as_bytes()[..first])?;
    ASKED.captures(&masked[..first]).and_then(|c| c.get(1)).map(|m| m.as_str())
}

/// The noun counted by the figure whose text ends where `after` begins
/// ("1,200 people were killed" gives "people").
pub fn noun_after(after: &str) -> Option<&'static str> {
    let word = after.trim_start().split(|c: char| !c.is_alphabetic()).next()?;
    NOUNS.iter().find(|n| **n == word).copied()
}

/// The length of a counted noun right after a figure (" Palestinians"), if one is.
fn answer_noun(after: &str) -> Option<usize> {
    let rest = after.strip_prefix(' ')?;
    let word = rest.split(|c: char| !c.is_alphabetic()).next()?;
    NOUNS.contains(&word).then_some(1 + word.len())
}

/// What a question before the sentence asks to count ("hostages are still
/// in Gaza"), if it asks how many.
pub fn question(previous: &str) -> Option<&str> {
    HOW_MANY.captures(previous.trim()).and_then(|c| c.get(1)).map(|m| m.as_str())
}

/// The masked sentence with words filled in after the figures that leave
/// their noun out: `noun(k)` is the noun counted by the figure before
/// figure `k`, if any; `asked`, the words a question just before asks to
/// count, filled in after the sentence's first figure. `None` if nothing
/// is filled in. Only figures `wanted` are filled.
pub fn filled(
    masked: &str,
    wanted: impl Fn(usize) -> bool,
    noun: impl Fn(usize) -> Option<&'static str>,
    asked: Option<&str>,
) -> Option<String> {
    // Made at the first word filled in: most sentences have none.
    let mut out: Option<String> = None;
    let mut copied = 0;
    let mut from = 0;
    while let Some(i) = masked[from..].find(OPEN) {
        let start = from + i;
        let inner = start + OPEN.len_utf8();
        let end = inner + masked[inner..].find(CLOSE)? + CLOSE.len_utf8();
        let k: usize = masked[inner..end - CLOSE.len_utf8()].parse().ok()?;
        from = end;
        if !wanted(k) {
            continue;
        }
        let after = &masked[end..];
        let ends_answer = |after: &str| {
            after.is_empty()
                || after.starts_with([',', '.', ';', ':', ')', '—', '–', '"', '”'])
                || after.starts_with(" according")
        };
        // "Israel says 120, of whom ...": the answer is the first figure.
        let (at, words) = match asked {
            Some(q) if k == 0 && (ends_answer(after) || BARE_SUBJECT.is_match(after)) => (end, Some(q)),
            // "How many people have been killed? More than 36,500
            // Palestinians, according to …": the answer's noun for the question's.
            Some(q) if k == 0 && answer_noun(after).is_some_and(|n| ends_answer(&after[n..])) => {
                let n = answer_noun(after).expect("checked");
                let (first, rest) = q.split_once(' ').unwrap_or((q, ""));
                if NOUNS.contains(&first) && !rest.is_empty() { (end + n, Some(rest)) } else { (end, None) }
            }
            _ => (end, noun(k).filter(|_| BARE_SUBJECT.is_match(after))),
        };
        if let Some(w) = words {
            let out = out.get_or_insert_with(|| String::with_capacity(masked.len() + 32));
            out.push_str(&masked[copied..at]);
            out.push(' ');
            out.push_str(w);
            copied = at;
        }
    }
    let mut out = out?;
    out.push_str(&masked[copied..]);
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::tests::masked;

    fn unmasked(s: &str) -> String {
        s.replace(OPEN, "[").replace(CLOSE, "]")
    }

    #[test]
    fn a_bare_subject_takes_the_noun_before() {
        let got = filled(
            &masked("[0] were abducted, and Israel believes [1] of the [2] still in Gaza are alive."),
            |_| true,
            |_| Some("people"),
            None,
        );
        assert_eq!(
            got.map(|s| unmasked(&s)).as_deref(),
            Some("[0] people were abducted, and Israel believes [1] of the [2] still in Gaza are alive.")
        );
        // A figure with its own noun, or none before it, is left as it is.
        assert_eq!(filled(&masked("[0] people were abducted."), |_| true, |_| Some("people"), None), None);
        assert_eq!(filled(&masked("[0] were abducted."), |_| true, |_| None, None), None);
        assert_eq!(filled(&masked("[0] were abducted."), |_| false, |_| Some("people"), None), None);
    }

    #[test]
    fn it_stands_for_a_toll_named_before_without_a_figure() {
        let toll = toll_named("Gaza's health ministry updated its death toll on Monday.");
        assert_eq!(toll.as_deref(), Some("its death toll"));
        let got = it_for_toll(&masked("The ministry put it at [0]."), || toll.clone(), |_| true);
        assert_eq!(got.map(|s| unmasked(&s)).as_deref(), Some("The ministry put its death toll at [0]."));
        let toll = toll_named("The death toll kept rising overnight.");
        let got = it_for_toll(&masked("By Monday it stood at [0]."), || toll, |_| true);
        assert_eq!(got.map(|s| unmasked(&s)).as_deref(), Some("By Monday the death toll stood at [0]."));
        let toll = toll_named("The Gaza health ministry updated its toll on Thursday.");
        let got = it_for_toll(&masked("That figure was [0]."), || toll, |_| true);
        assert_eq!(got.map(|s| unmasked(&s)).as_deref(), Some("its toll was [0]."));
        // A ministry's count of the dead; a pronoun for it with any verb of a level, once per figure.
        let toll = toll_named("The ministry's count of the dead in Gaza rose quickly.");
        assert_eq!(toll.as_deref(), Some("the ministry's count of the dead"));
        let got = it_for_toll(&masked("By mid-January it had topped [0]."), || toll.clone(), |_| true);
        assert_eq!(
            got.map(|s| unmasked(&s)).as_deref(),
            Some("By mid-January the ministry's count of the dead had topped [0].")
        );
        let got =
            it_for_toll(&masked("On Sunday it was [0]; by Monday it had reached [1]."), || toll.clone(), |_| true);
        assert_eq!(
            got.map(|s| unmasked(&s)).as_deref(),
            Some(
                "On Sunday the ministry's count of the dead was [0]; by Monday the ministry's count of the dead had reached [1]."
            )
        );
        let got =
            it_for_toll(&masked("On Sunday it was [0]; by Monday it had reached [1]."), || toll.clone(), |k| k == 1);
        assert_eq!(
            got.map(|s| unmasked(&s)).as_deref(),
            Some("On Sunday it was [0]; by Monday the ministry's count of the dead had reached [1].")
        );
        assert_eq!(toll_named("Gaza's death toll is rising.").as_deref(), Some("Gaza's death toll"));
        // A strike's toll is the strike's; a sentence with figures is the anaphora's to read.
        assert_eq!(toll_named("The strike's death toll rose overnight."), None);
        assert_eq!(toll_named("The toll rose to 35,000 on Monday."), None);
        // Only "it" right before a figure wanted.
        let the_toll = || Some("the toll".to_string());
        assert_eq!(it_for_toll(&masked("It said [0] were killed."), the_toll, |_| true), None);
        assert_eq!(it_for_toll(&masked("The ministry put it at [0]."), the_toll, |_| false), None);
        // No toll before: nothing to fill in.
        assert_eq!(it_for_toll(&masked("The ministry put it at [0]."), || None, |_| true), None);
    }

    #[test]
    fn an_answer_takes_the_question() {
        let asked = question("❓ How many hostages are still in Gaza? ");
        assert_eq!(asked, Some("hostages are still in Gaza"));
        let got = filled(&masked("Israel says [0], of whom [1] are believed dead."), |_| true, |_| None, asked);
        assert_eq!(
            got.map(|s| unmasked(&s)).as_deref(),
            Some("Israel says [0] hostages are still in Gaza, of whom [1] are believed dead.")
        );
        assert_eq!(question("And how many are missing?"), Some("are missing"));
        let m = masked("Asked how many hostages remain in Gaza, a spokesman said: \"We believe [0] are still there.\"");
        let asked = asked_within(&m);
        assert_eq!(asked, Some("hostages remain in Gaza"));
        let got = filled(&m, |_| true, |_| None, asked).map(|s| unmasked(&s));
        assert_eq!(
            got.as_deref(),
            Some(
                "Asked how many hostages remain in Gaza, a spokesman said: \"We believe [0] hostages remain in Gaza are still there.\""
            )
        );
        // A Q&A's labelled question, and an answer that names its own noun.
        let asked = question("Q: How many people have been killed?");
        assert_eq!(asked, Some("people have been killed"));
        let got =
            filled(&masked("A: More than [0] Palestinians, according to the ministry."), |_| true, |_| None, asked);
        assert_eq!(
            got.map(|s| unmasked(&s)).as_deref(),
            Some("A: More than [0] Palestinians have been killed, according to the ministry.")
        );
        assert_eq!(filled(&masked("A: [0] Palestinians live there."), |_| true, |_| None, asked), None);
        assert_eq!(question("How many, and why?"), None);
        assert_eq!(question("Why did so many die?"), None);
    }

    #[test]
    fn nouns_are_read_after_a_figure() {
        assert_eq!(noun_after(" people were killed"), Some("people"));
        assert_eq!(noun_after(" Palestinians,"), Some("Palestinians"));
        assert_eq!(noun_after(" were killed"), None);
    }
}
