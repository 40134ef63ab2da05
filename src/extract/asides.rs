//! Asides that stand between a figure and the words a rule needs: "34,000
//! Palestinians, mostly women and children, have been killed", "1.7 million
//! people (75% of the population) have been displaced", "some 1,163 people
//! — mostly civilians — and". For the figures a sentence as written leaves
//! unclaimed, rules are tried again with the asides next to them set
//! aside, so that patterns need not allow for every aside. Commas are in
//! nearly every sentence: comma asides are found by looking at the words
//! after each comma (one regex for all asides was a sixth of a run).

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use crate::rules::compile::{CLOSE, OPEN};
use crate::substring::finder;

/// Parentheses and dash pairs.
static BRACKETED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r" ?\([^()]*\)| ?— ?[^—]*?—| – [^–]*? –| -- .*? --").expect("aside regex"));

/// Words that open a comma aside qualifying the noun before it.
const OPENERS: [&str; 20] = [
    "mostly ",
    "mainly ",
    "largely ",
    "overwhelmingly ",
    "predominantly ",
    "including ",
    "among them ",
    "among whom ",
    "or ",
    "both ",
    "the majority",
    "the vast majority",
    "according to ",
    "almost all ",
    // "That toll, kept by the health ministry, stood at 34,049".
    "kept by ",
    "compiled by ",
    "issued by ",
    "released by ",
    "published by ",
    "maintained by ",
];

/// Shares that open "most of them", "a third of whom".
const SHARES: [&str; 14] = [
    "most",
    "many",
    "some",
    "all",
    "half",
    "nearly all",
    "almost all",
    "about half",
    "nearly half",
    "a third",
    "two-thirds",
    "a quarter",
    "a majority",
    "the majority",
];

/// Verbs that close an attribution aside ("the ministry said").
const SAID: [&str; 7] = ["said", "says", "reported", "reports", "added", "estimated", "estimates"];

fn starts_with_ignore_case(s: &str, prefix: &str) -> bool {
    s.len() >= prefix.len() && s.as_bytes()[..prefix.len()].eq_ignore_ascii_case(prefix.as_bytes())
}

/// Whether the text between two commas is an aside: it opens with a word
/// that qualifies the noun before it (`mostly`, `including`, `or`, `most
/// of them`) or is a short attribution (`the ministry said`).
fn is_comma_aside(chunk: &str) -> bool {
    if OPENERS.iter().any(|o| starts_with_ignore_case(chunk, o)) {
        return true;
    }
    let share = SHARES.iter().any(|w| {
        starts_with_ignore_case(chunk, w)
            && [" of them", " of whom", " of the "].iter().any(|t| starts_with_ignore_case(&chunk[w.len()..], t))
    });
    if share || is_figure_share(chunk) {
        return true;
    }
    is_said_aside(chunk)
}

/// Words that open when an attribution aside's verb speaks: "the ministry
/// said on Thursday", "a spokesman said late Monday", "it said in a statement".
const WHEN: [&str; 10] = ["on", "late", "early", "earlier", "later", "last", "this", "in", "yesterday", "today"];

/// A short attribution: "the ministry said", "the ministry said on Thursday".
fn is_said_aside(chunk: &str) -> bool {
    let mut words = chunk.split(' ');
    // A subject of up to six words, the verb, then its time, if anything.
    if !words.by_ref().take(7).skip(1).any(|w| SAID.contains(&w)) {
        return false;
    }
    match words.next() {
        None => true,
        Some(first) => (WHEN.contains(&first) || crate::dates::WEEKDAY_NAMES.contains(&first)) && words.count() <= 2,
    }
}

/// A share written as a figure: `about 85% of the population` (masked:
/// the figure's marker, then ` of `).
fn is_figure_share(chunk: &str) -> bool {
    fn figure_then(chunk: &str) -> Option<&str> {
        let rest = chunk.strip_prefix(OPEN)?.trim_start_matches(|c: char| c.is_ascii_digit());
        rest.strip_prefix(CLOSE)
    }
    let Some(rest) = figure_then(chunk) else {
        // "90 percent of the population", "about 75% of Gazans".
        let rest = chunk.trim_start_matches(|c: char| c.is_ascii_alphabetic() || c == ' ');
        let rest = rest.trim_start_matches(|c: char| c.is_ascii_digit() || c == '.');
        return chunk.len() > rest.len()
            && ["% of ", " percent of ", " per cent of "].iter().any(|p| rest.starts_with(p))
            && chunk[..chunk.len() - rest.len()].bytes().any(|c| c.is_ascii_digit());
    };
    // "most of them", "a third of whom"; "nine in ten Gazans".
    rest.starts_with(" of ") || rest.strip_prefix(" in ").and_then(figure_then).is_some()
}

/// Comma asides: `, ` then the aside, closed by a comma (at the end of the
/// sentence it is no aside but the sentence's last clause).
fn comma_asides(s: &str, out: &mut Vec<Range<usize>>) {
    let b = s.as_bytes();
    for i in memchr::memchr_iter(b',', b) {
        if b.get(i + 1) != Some(&b' ') {
            continue;
        }
        let body = i + 2;
        let Some(j) = memchr::memchr2(b',', b';', &b[body..]).map(|j| body + j) else { break };
        if b[j] == b',' && j > body && is_comma_aside(&s[body..j]) {
            let end = if LISTS.iter().any(|o| starts_with_ignore_case(&s[body..j], o)) { list_end(s, j) } else { j };
            out.push(i..end + 1);
        }
    }
}

/// Openers whose aside may be a list: "including patients, wounded,
/// elderly, children and women,".
const LISTS: [&str; 7] =
    ["including ", "among them ", "among whom ", "mostly ", "mainly ", "largely ", "predominantly "];

/// Where a list aside whose first item ends at the comma `first` closes:
/// at the comma after its last item, "and …" (each item a few words
/// without a figure); at `first` when no such item closes it.
fn list_end(s: &str, first: usize) -> usize {
    let b = s.as_bytes();
    let mut at = first;
    loop {
        let body = at + 2;
        if b.get(at + 1) != Some(&b' ') {
            return first;
        }
        let Some(next) = memchr::memchr2(b',', b';', &b[body.min(b.len())..]).map(|j| body + j) else {
            return first;
        };
        let item = &s[body..next];
        if b[next] != b',' || item.split(' ').count() > 4 || item.contains(OPEN) {
            return first;
        }
        if item.starts_with("and ") || item.contains(" and ") {
            return next;
        }
        at = next;
    }
}

/// Whether `s` may hold a parenthesis or a dash pair: most sentences hold
/// neither, and three vectorised searches are cheaper than asking the regex.
fn may_be_bracketed(s: &str) -> bool {
    let dashes = [finder!("—"), finder!("–"), finder!("--")];
    memchr::memchr(b'(', s.as_bytes()).is_some() || dashes.iter().any(|f| f.find(s.as_bytes()).is_some())
}

/// How near a figure an aside must be to stand between it and its words.
const NEAR: usize = 40;

/// The index of the figure whose marker closes at `close_at` (where its CLOSE starts).
fn index_ending_at(b: &[u8], close_at: usize) -> Option<usize> {
    let digits = b[..close_at].iter().rev().take_while(|c| c.is_ascii_digit()).count();
    std::str::from_utf8(&b[close_at - digits..close_at]).ok()?.parse().ok()
}

/// Whether the aside at `r` follows a figure `wanted` accepts, or comes
/// just before one: only then can setting it aside bring that figure and
/// its words together.
fn next_to_a_figure(masked: &str, r: &Range<usize>, wanted: &impl Fn(usize) -> bool) -> bool {
    let mut open = [0u8; 4];
    let mut close = [0u8; 4];
    let open = OPEN.encode_utf8(&mut open).as_bytes();
    let close = CLOSE.encode_utf8(&mut close).as_bytes();
    let b = masked.as_bytes();
    let from = r.start.saturating_sub(NEAR);
    let before = memchr::memmem::rfind(&b[from..r.start], close).and_then(|i| index_ending_at(b, from + i));
    let to = (r.end + NEAR).min(b.len());
    let after = memchr::memmem::find(&b[r.end..to], open).and_then(|i| {
        let rest = &b[r.end + i + open.len()..];
        let digits = rest.iter().take_while(|c| c.is_ascii_digit()).count();
        std::str::from_utf8(&rest[..digits]).ok()?.parse().ok()
    });
    before.is_some_and(wanted) || after.is_some_and(wanted)
}

/// `masked` (a sentence with its figures masked) with the asides next to
/// a figure that `wanted` accepts set aside, or `None` when it has none.
pub(crate) fn without_asides(masked: &str, wanted: impl Fn(usize) -> bool) -> Option<String> {
    let mut found: Vec<Range<usize>> = Vec::new();
    if may_be_bracketed(masked) {
        found.extend(BRACKETED.find_iter(masked).map(|m| m.range()));
    }
    comma_asides(masked, &mut found);
    found.retain(|r| next_to_a_figure(masked, r, &wanted));
    if found.is_empty() {
        return None;
    }
    found.sort_by_key(|r| r.start);
    let mut out = String::with_capacity(masked.len());
    let mut pos = 0;
    for r in found {
        // An aside within one already set aside.
        if r.start < pos {
            continue;
        }
        out.push_str(&masked[pos..r.start]);
        // "people—mostly civilians—have": the words either side stay apart.
        let next = masked[r.end..].chars().next();
        if !out.ends_with(' ') && next.is_some_and(|c| c.is_alphanumeric()) {
            out.push(' ');
        }
        pos = r.end;
    }
    out.push_str(&masked[pos..]);
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::without_asides;
    use crate::rules::compile::{CLOSE, OPEN};

    /// `{0}` as the masked figure 0.
    fn masked(text: &str) -> String {
        text.replace('{', &OPEN.to_string()).replace('}', &CLOSE.to_string())
    }

    #[test]
    fn asides_next_to_a_figure_are_set_aside() {
        let cases = [
            (
                "{0} Palestinians, mostly women and children, have been killed in Gaza.",
                "{0} Palestinians have been killed in Gaza.",
            ),
            ("{0} Palestinians (mostly women and children) have been killed.", "{0} Palestinians have been killed."),
            ("{0} people — about {1} of the population — have been displaced.", "{0} people have been displaced."),
            ("{0} people—about {1}—have fled.", "{0} people have fled."),
            (
                "UNRWA says {0} people, or {1} of Gaza's {2} residents, have been displaced.",
                "UNRWA says {0} people have been displaced.",
            ),
            ("{0} people, the ministry said, have been killed.", "{0} people have been killed."),
            ("{0} people, according to the ministry, have died.", "{0} people have died."),
            ("{0} people, two-thirds of them women and children, died.", "{0} people died."),
            ("{0} Palestinians, a majority of them civilians, have been killed.", "{0} Palestinians have been killed."),
            (
                "{0} people, {1} of the population, have been forced from their homes.",
                "{0} people have been forced from their homes.",
            ),
            ("{0} people, a quarter of the population, are hungry.", "{0} people are hungry."),
            ("{0} people, {1} in {2} Gazans, have been displaced.", "{0} people have been displaced."),
            ("{0} people, about 90 percent of the population, have fled.", "{0} people have fled."),
            ("{0} people, 75% of Gazans, have fled.", "{0} people have fled."),
            (
                "{0} people, including patients, wounded, elderly, children and women, were still held.",
                "{0} people were still held.",
            ),
            // A list goes on only over items without a figure.
            (
                "{0} were killed, including {1} children, wounded {2}, and displaced many.",
                "{0} were killed wounded {2}, and displaced many.",
            ),
            // Before the figure: "the death toll, the ministry said, rose to".
            ("The death toll, the ministry said, rose to {0}.", "The death toll rose to {0}."),
            ("The death toll, the ministry said on Thursday, was {0}.", "The death toll was {0}."),
            ("The toll, a spokesman said in a statement, rose to {0}.", "The toll rose to {0}."),
            (
                "That toll, kept by the health ministry in the Hamas-run territory, stood at {0} on Saturday.",
                "That toll stood at {0} on Saturday.",
            ),
        ];
        for (text, expected) in cases {
            assert_eq!(without_asides(&masked(text), |_| true), Some(masked(expected)), "{text}");
        }
    }

    #[test]
    fn clauses_and_distant_asides_stay() {
        for text in [
            "Israel says {0} people were killed, and {1} were taken hostage.",
            "About {0} captives remain in Gaza, a quarter of whom are believed dead.",
            "The toll rose to {0}, the ministry said.",
            "The toll, he said on the radio with the minister and two aides, rose to {0}.",
            "Of {0} people, {1} were hurt, {2} of them badly.",
            "Prices rose {0} in 2023–2024, the bureau said.",
            "In Gaza City (the largest city of the Strip) fighting went on for weeks until the army withdrew and {0} bodies were found.",
        ] {
            assert_eq!(without_asides(&masked(text), |_| true), None, "{text}");
        }
    }
}
