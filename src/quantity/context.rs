//! The words around a figure that change what it is: qualifiers (`nearly`,
//! `more than`, `-plus`), currencies, percent, time units, identifiers
//! (`Resolution 1701`, `COVID-19`), idioms (`two-state solution`), pronoun
//! "one", and whether a four-digit number is a year.

use super::lexicon::Lexicon;
use super::text::{
    boundary_after, char_at, char_before, digits_end, letters_start, lower, phrase_at, phrase_before,
    phrase_ending_wrapped, post_number_len, skip_space, skip_space_back, skip_wrap_back, word_at, word_before,
};
use super::{Currency, Qualifier, TimeUnit};

/// If `pos` is inside a link (URL or `www.` address), the end of the link.
pub(crate) fn inside_link(text: &str, pos: usize) -> Option<usize> {
    let b = text.as_bytes();
    let mut s = pos;
    let limit = pos.saturating_sub(4096);
    while s > limit && !b[s - 1].is_ascii_whitespace() {
        s -= 1;
    }
    // The look-back limit can fall inside a character.
    while !text.is_char_boundary(s) {
        s += 1;
    }
    let mut e = pos;
    while e < b.len() && !b[e].is_ascii_whitespace() {
        e += 1;
    }
    let token = &text[s..e];
    let is_link = token.contains("://") || token.starts_with("www.") || token.starts_with("(www.");
    is_link.then_some(e)
}

/// A qualifier written before the figure starting at `start`: `(qualifier, phrase start)`.
pub(crate) fn qualifier_before(lex: &Lexicon, text: &str, start: usize, floor: usize) -> Option<(Qualifier, usize)> {
    let p = skip_wrap_back(text, start);
    let last = text.as_bytes().get(p.checked_sub(1)?)?.to_ascii_lowercase();
    // Only the phrases ending with the byte before the figure.
    for &(phrase, q) in &lex.qualifiers_before[usize::from(last)] {
        let symbol = !phrase.as_bytes()[0].is_ascii_alphanumeric();
        if let Some(s) = phrase_ending_wrapped(text, p, phrase)
            && s >= floor
        {
            // A word qualifier needs a space before the figure ("over 240"),
            // a symbol or an abbreviation may be glued (~240, >5, c.130).
            if !symbol && p == start && !phrase.ends_with('.') {
                continue;
            }
            return Some((q, s));
        }
    }
    None
}

/// A qualifier written right after the figure: `(qualifier, end)`.
pub(crate) fn qualifier_after(lex: &Lexicon, text: &str, end: usize) -> Option<(Qualifier, usize)> {
    // Every phrase starts with a sign, a hyphen or a space.
    if !matches!(text.as_bytes().get(end), Some(b'-' | b'+' | b' ' | b'\t')) {
        return None;
    }
    for &(phrase, q) in lex.qualifiers_after {
        let e = if let Some(rest) = phrase.strip_prefix(' ') {
            let p = skip_space(text, end);
            if p == end {
                continue;
            }
            phrase_at(text, p, rest)
        } else {
            phrase_at(text, end, phrase)
        };
        if let Some(e) = e {
            // "100+" but not "100+5".
            if phrase == "+" && text.as_bytes().get(e).is_some_and(u8::is_ascii_digit) {
                continue;
            }
            return Some((q, e));
        }
    }
    None
}

/// A currency symbol or code right before `start` (`$`, `US$ `, `€`): `(currency, start)`.
pub(crate) fn currency_before(lex: &Lexicon, text: &str, start: usize, floor: usize) -> Option<(Currency, usize)> {
    let b = text.as_bytes();
    let spaced = skip_space_back(text, start);
    // Cheap test first: a symbol must end with the byte before the figure
    // (or before the space in front of it).
    let glued_last = start.checked_sub(1).map(|i| b[i]);
    let spaced_last = (spaced != start).then(|| spaced.checked_sub(1).map(|i| b[i])).flatten();
    if glued_last.is_none() && spaced_last.is_none() {
        return None;
    }
    for &(sym, cur) in lex.currency_before {
        let last = sym.as_bytes()[sym.len() - 1];
        if glued_last != Some(last) && spaced_last != Some(last) {
            continue;
        }
        let alnum = last.is_ascii_alphabetic();
        // Codes may be followed by a space (USD 5, US$ 1); symbols may be too.
        for gap in [false, true] {
            let p = if gap { spaced } else { start };
            if gap && p == start {
                continue;
            }
            if !gap && alnum {
                continue;
            }
            if p >= sym.len() && text.is_char_boundary(p - sym.len()) && text[p - sym.len()..p] == *sym {
                let s = p - sym.len();
                if s < floor {
                    continue;
                }
                if alnum && !super::text::boundary_before(text, s) {
                    continue;
                }
                return Some((cur, s));
            }
        }
    }
    None
}

/// A currency word after the figure (`dollars`): `(currency, end)`.
pub(crate) fn currency_after(lex: &Lexicon, text: &str, end: usize) -> Option<(Currency, usize)> {
    let p = skip_space(text, end);
    let first = *text.as_bytes().get(p)?;
    if p == end || !lex.currency_after.iter().any(|(w, _)| w.as_bytes()[0].eq_ignore_ascii_case(&first)) {
        return None;
    }
    for &(word, cur) in lex.currency_after {
        let upper = word.bytes().all(|c| c.is_ascii_uppercase());
        if upper {
            if text[p..].starts_with(word) && boundary_after(text, p + word.len()) {
                return Some((cur, p + word.len()));
            }
        } else if let Some(e) = phrase_at(text, p, word) {
            return Some((cur, e));
        }
    }
    None
}

/// `%`, `percent`, `per cent`, `percentage points` after the figure: `(end, points)`.
pub(crate) fn percent_after(lex: &Lexicon, text: &str, end: usize) -> Option<(usize, bool)> {
    let p = skip_space(text, end);
    if text.as_bytes().get(p) == Some(&b'%') {
        return Some((p + 1, false));
    }
    if p == end || !text.as_bytes().get(p).is_some_and(|c| c.eq_ignore_ascii_case(&b'p')) {
        return None;
    }
    for w in lex.percent_words {
        if let Some(e) = phrase_at(text, p, w) {
            let q = skip_space(text, e);
            if let Some(pe) = phrase_at(text, q, "points").or_else(|| phrase_at(text, q, "point")) {
                return Some((pe, true));
            }
            return Some((e, false));
        }
    }
    None
}

/// `percent of` before the figure (`per cent of 210`): the phrase start.
pub(crate) fn percent_of_before(lex: &Lexicon, text: &str, start: usize, floor: usize) -> Option<usize> {
    let of = phrase_before(text, start, "of", true)?;
    for w in lex.percent_words {
        if let Some(s) = phrase_before(text, of, w, true)
            && s >= floor
        {
            return Some(s);
        }
    }
    None
}

/// A time unit after the figure, separated by a space or a hyphen (`72 hours`, `three-day`).
pub(crate) fn time_unit_after(lex: &Lexicon, text: &str, end: usize) -> Option<(TimeUnit, usize)> {
    let b = text.as_bytes();
    let mut p = skip_space(text, end);
    if b.get(p) == Some(&b'-') {
        p += 1;
    } else if p == end {
        return None;
    }
    let (e, w) = word_at(text, p)?;
    let mut buf = [0u8; 24];
    let w = lower(w, &mut buf)?;
    lex.time_units.iter().find(|(name, _)| *name == w).map(|&(_, u)| (u, e))
}

/// The sign of a negative figure: `-1`, `- 10 k`, `minus five`, `negative one`. Returns its start.
pub(crate) fn negative_before(lex: &Lexicon, text: &str, start: usize, floor: usize) -> Option<usize> {
    let p = skip_space_back(text, start);
    if let Some(c @ ('-' | '−')) = char_before(text, p) {
        let s = p - c.len_utf8();
        if s < floor {
            return None;
        }
        // A hyphen after a word or a number is not a sign (SCP-173, 1,100-1,200).
        let before = skip_space_back(text, s);
        // "- 1 4/5": a spaced sign only where the text or a bracket opens;
        // after other words it is a dash ("Gaza (Quds News Network) - 1.9 million").
        let spaced = p < start;
        let ok = match char_before(text, before) {
            None => true,
            Some(c) if spaced => matches!(c, '(' | '['),
            Some(c) => {
                !c.is_alphanumeric()
                    && !matches!(c, '-' | '.' | ',' | '/' | '%')
                    && (before < s || c == '(' || c == '[')
            }
        };
        return ok.then_some(s);
    }
    for w in lex.connectors.negative {
        if let Some(s) = phrase_before(text, start, w, true)
            && s >= floor
        {
            return Some(s);
        }
    }
    None
}

/// `number four`, `No. 2`: a rank. Returns the start of the cue.
pub(crate) fn rank_before(lex: &Lexicon, text: &str, start: usize, floor: usize) -> Option<usize> {
    for w in lex.connectors.rank {
        if let Some(s) = phrase_before(text, start, w, true)
            && s >= floor
        {
            // "a number of", "the number 5 bus" are not ranks of a list, but "the number four priority" is.
            return Some(s);
        }
    }
    for cue in ["No.", "no.", "No"] {
        if let Some(s) = phrase_before(text, start, cue, true)
            && s >= floor
            && text[s..].starts_with('N')
        {
            return Some(s);
        }
    }
    None
}

/// A thread's post number opening a line ("2/ Killed: 33,175", "3/7 The
/// ministry says"): its end. "24/7 coverage" and "2/3 of" are no post numbers.
pub(crate) fn thread_marker(text: &str, start: usize) -> Option<usize> {
    let b = text.as_bytes();
    // Only indentation before it on its line: looked at back to the
    // line's start, never further (a 50 MB line has many figures).
    let indent = b[..start].iter().rev().take_while(|&&c| c == b' ' || c == b'\t').count();
    if start > indent && b[start - indent - 1] != b'\n' {
        return None;
    }
    post_number_len(&text[start..]).map(|len| start + len)
}

/// Whether a figure starting at `start` names something: a capitalised cue
/// word before it (`Resolution 1701`), a word glued with a hyphen
/// (`COVID-19`), or a phone number. Returns the identifier's span start and end.
pub(crate) fn identifier(lex: &Lexicon, text: &str, start: usize, end: usize, floor: usize) -> Option<(usize, usize)> {
    let b = text.as_bytes();
    // COVID-19, F-16, SCP-173
    if start >= 2 && b[start - 1] == b'-' && b[start - 2].is_ascii_alphabetic() {
        let s = letters_start(text, start - 1);
        if s >= floor {
            return Some((s, end));
        }
    }
    if start >= 1 && b[start - 1] == b'#' {
        return Some((start - 1, end));
    }
    if let Some((s, w)) = word_before(text, start)
        && s >= floor
    {
        let cue_end = s + w.len();
        let dotted = b.get(cue_end) == Some(&b'.');
        let cue = if dotted { &text[s..=cue_end] } else { w };
        let mut buf = [0u8; 24];
        if w.as_bytes()[0].is_ascii_uppercase()
            && let Some(l) = lower(cue, &mut buf)
            && lex.identifier_cues.contains(&l)
        {
            return Some((s, end));
        }
    }
    phone(text, start, floor)
}

/// `+1-222-2222/2222`, `(02) 555-1234`: three or more digit groups joined
/// by separators, seven digits or more, starting with `+` or `(`, or using
/// two hyphens.
fn phone(text: &str, start: usize, floor: usize) -> Option<(usize, usize)> {
    let b = text.as_bytes();
    let mut s = start;
    let plus = start >= 1 && matches!(b[start - 1], b'+' | b'(');
    if plus {
        s = start - 1;
    }
    if s < floor {
        return None;
    }
    let mut p = start;
    let mut groups = 0;
    let mut digits = 0;
    let mut hyphens = 0;
    let mut end = start;
    loop {
        let e = digits_end(text, p);
        if e == p {
            break;
        }
        groups += 1;
        digits += e - p;
        end = e;
        match b.get(e) {
            Some(b'-') => hyphens += 1,
            Some(b')' | b'/' | b'.') => {}
            Some(b' ') if plus || hyphens > 0 => {}
            _ => break,
        }
        let mut q = e + 1;
        if b.get(e) == Some(&b')') && b.get(q) == Some(&b' ') {
            q += 1;
        }
        if !b.get(q).is_some_and(u8::is_ascii_digit) {
            break;
        }
        p = q;
    }
    (groups >= 3 && digits >= 7 && (plus || hyphens >= 2)).then_some((s, end))
}

/// `two-state solution`, `two state solution`, `one-way`: the number is part of a name.
pub(crate) fn idiom_after(lex: &Lexicon, text: &str, end: usize) -> Option<usize> {
    let b = text.as_bytes();
    if b.get(end) == Some(&b'-') {
        let (e, w) = word_at(text, end + 1)?;
        let mut buf = [0u8; 24];
        let w = lower(w, &mut buf)?;
        if lex.idiom_nouns.contains(&w) {
            return Some(e);
        }
        if w == "on" && text[e..].starts_with("-one") {
            return Some(e + 4);
        }
        return None;
    }
    let p = skip_space(text, end);
    let state = phrase_at(text, p, "state")?;
    let q = skip_space(text, state);
    phrase_at(text, q, "solution").map(|_| state)
}

/// Whether the word "one" at `[start, end)` is a pronoun (`the one you
/// mentioned`, `one another`, `no one`), not a count.
pub(crate) fn pronoun_one(lex: &Lexicon, text: &str, start: usize, end: usize) -> bool {
    if let Some((_, w)) = word_before(text, start) {
        let mut buf = [0u8; 24];
        if let Some(w) = lower(w, &mut buf)
            && lex.pronoun_determiners.contains(&w)
        {
            return true;
        }
    }
    let p = skip_space(text, end);
    ["another", "by one", "too", "either"].iter().any(|w| phrase_at(text, p, w).is_some())
        || text[end..].starts_with("-on-one")
}

/// Whether a plain four-digit number at `[start, end)` reads as a year.
pub(crate) fn reads_as_year(lex: &Lexicon, text: &str, end: usize) -> bool {
    let p = skip_space(text, end);
    if let Some((_, w)) = word_at(text, p) {
        let mut buf = [0u8; 24];
        if let Some(w) = lower(w, &mut buf)
            && lex.count_nouns.contains(&w)
        {
            // "2000 people" counts; "the 2006 resolution" does not.
            return false;
        }
    }
    true
}

/// A year span after a year: `2012-13`, `2023–2024`: the span end.
pub(crate) fn year_span_after(text: &str, end: usize, first: u32) -> Option<usize> {
    let c = char_at(text, end)?;
    if !matches!(c, '-' | '–' | '/') {
        return None;
    }
    let s = end + c.len_utf8();
    let e = digits_end(text, s);
    if text.as_bytes().get(e).is_some_and(u8::is_ascii_alphanumeric) {
        return None;
    }
    let v: u32 = text[s..e].parse().ok()?;
    match e - s {
        2 if v > first % 100 || (first % 100 == 99 && v == 0) => Some(e),
        4 if v > first && v <= 2100 => Some(e),
        _ => None,
    }
}

/// A vague modifier before a scale word: `several hundred`, `a few thousand`,
/// `many thousands`: `(start, low factor, high factor)`.
pub(crate) fn vague_modifier_before(
    lex: &Lexicon,
    text: &str,
    start: usize,
    floor: usize,
) -> Option<(usize, f64, f64)> {
    for m in lex.connectors.vague_modifiers {
        if let Some(s) = phrase_before(text, start, m, true)
            && s >= floor
        {
            let (lo, hi) = match *m {
                "several" => (3.0, 9.0),
                "a few" | "few" => (2.0, 5.0),
                "a couple" => (2.0, 2.0),
                _ => (2.0, 10.0),
            };
            return Some((s, lo, hi));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::super::lexicon::english;
    use super::*;

    #[test]
    fn qualifiers_and_currencies() {
        let lex = english();
        let t = "killing some 1,200 people";
        assert_eq!(qualifier_before(lex, t, 13, 0), Some((Qualifier::About, 8)));
        let t = "totals more than $1.2 billion";
        assert_eq!(currency_before(lex, t, 18, 0), Some((Currency("USD"), 17)));
        assert_eq!(qualifier_before(lex, t, 17, 0), Some((Qualifier::Over, 7)));
        assert_eq!(qualifier_after(lex, "dozen-plus phone", 5), Some((Qualifier::Over, 10)));
        assert_eq!(qualifier_after(lex, "100+ trusted", 3), Some((Qualifier::Over, 4)));
        assert_eq!(qualifier_before(lex, "Close to 32,000", 9, 0), Some((Qualifier::Nearly, 0)));
    }

    #[test]
    fn identifiers_and_idioms() {
        let lex = english();
        let t = "Security Council Resolution 1701.";
        assert_eq!(identifier(lex, t, 28, 32, 0), Some((17, 32)));
        assert_eq!(identifier(lex, "the COVID-19 crisis", 10, 12, 0), Some((4, 12)));
        assert_eq!(identifier(lex, "is +1-222-2222/2222", 4, 5, 0), Some((3, 19)));
        assert_eq!(identifier(lex, "killed 18 people", 7, 9, 0), None);
        assert_eq!(idiom_after(lex, "two-state solution", 3), Some(9));
        assert_eq!(idiom_after(lex, "two state solution", 3), Some(9));
        assert!(pronoun_one(lex, "Which one do you", 6, 9));
        assert!(!pronoun_one(lex, "try one last time", 4, 7));
    }

    #[test]
    fn signs_and_years() {
        let lex = english();
        assert_eq!(negative_before(lex, " -9.2", 2, 0), Some(1));
        assert_eq!(negative_before(lex, "SCP-173", 4, 0), None);
        assert_eq!(negative_before(lex, "- 10 k", 2, 0), Some(0));
        assert_eq!(negative_before(lex, "Gaza (Quds News Network) - 1.9 million", 27, 0), None);
        // A list's bullet is no sign.
        assert_eq!(negative_before(lex, "Totals:\n- 4", 11, 0), None);
        assert_eq!(negative_before(lex, "1,100-1,200", 6, 0), None);
        assert_eq!(negative_before(lex, "answer is minus one", 16, 0), Some(10));
        assert_eq!(year_span_after("2012-13 season", 4, 2012), Some(7));
        assert_eq!(year_span_after("2012-11-03", 4, 2012), None);
    }
}
