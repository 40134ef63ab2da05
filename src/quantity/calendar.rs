//! Numbers that are dates or clock times, never counts: `October 7th`,
//! `Oct. 7`, `7 October 2023`, `October 7th of 2023`, `24-10-2024`,
//! `2024-10-24`, `5/17/2018`, `10:30`, `3 p.m.`, and spans of days in one
//! month, `June 10-12`, `10 to 12 June`, `between June 10 and 12`. Years
//! are decided in `context`, where the words around a four-digit number
//! are known.

use std::ops::Range;

use super::lexicon::Lexicon;
use super::text::{digits_end, letters_start, phrase_at, skip_space, skip_space_back, word_at, word_before};
use super::{ClockTime, PartialDate};

/// A date or time found at a digit.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Found {
    /// With the last day of a span of days ("June 10-12").
    Date(PartialDate, Option<u8>),
    Time(ClockTime),
}

fn num(text: &str, s: usize, e: usize) -> u32 {
    text[s..e].parse().unwrap_or(u32::MAX)
}

/// The month named by the word `[s, e)`, if it is capitalised as a month is.
pub(crate) fn month_word(lex: &Lexicon, text: &str, s: usize, e: usize) -> Option<u8> {
    let w = &text[s..e];
    if !w.as_bytes()[0].is_ascii_uppercase() {
        return None;
    }
    let m = lex.months.iter().find(|(name, _)| name.eq_ignore_ascii_case(w))?.1;
    // A bare "May", "Mar" or "Jan" in capitals is most likely a month; the
    // short forms need their full stop or a day right after.
    Some(m)
}

/// A year of four digits at `pos` (`2023`), returning `(end, year)`.
fn year_at(text: &str, pos: usize) -> Option<(usize, i16)> {
    let e = digits_end(text, pos);
    if e - pos != 4 || text.as_bytes().get(e).is_some_and(u8::is_ascii_alphanumeric) {
        return None;
    }
    let y = num(text, pos, e);
    (1000..=2100).contains(&y).then_some((e, y as i16))
}

/// A day of the month at `pos`, with an optional ordinal suffix: `(end, day)`.
fn day_at(text: &str, pos: usize) -> Option<(usize, u8)> {
    let b = text.as_bytes();
    let e = digits_end(text, pos);
    if e == pos || e - pos > 2 {
        return None;
    }
    let d = num(text, pos, e);
    if !(1..=31).contains(&d) {
        return None;
    }
    let mut end = e;
    if let Some(suffix) = text.get(e..e + 2)
        && ["st", "nd", "rd", "th"].iter().any(|x| x.eq_ignore_ascii_case(suffix))
    {
        end = e + 2;
    }
    if b.get(end).is_some_and(u8::is_ascii_alphanumeric) {
        return None;
    }
    // "7.5" or "7,500" is not a day.
    if matches!(b.get(end), Some(b'.' | b',')) && b.get(end + 1).is_some_and(u8::is_ascii_digit) {
        return None;
    }
    Some((end, d as u8))
}

/// An optional year after a day: `, 2023`, ` 2023`, ` of 2023`.
fn year_after(text: &str, end: usize) -> Option<(usize, i16)> {
    let b = text.as_bytes();
    let mut p = end;
    if b.get(p) == Some(&b',') {
        p += 1;
    }
    let q = skip_space(text, p);
    if let Some(y) = year_at(text, q) {
        return Some(y);
    }
    let of = phrase_at(text, q, "of")?;
    year_at(text, skip_space(text, of))
}

/// A date or time whose first digit is at `start`; the result may start
/// before it (a month name), but never before `floor`.
pub(crate) fn at(lex: &Lexicon, text: &str, start: usize, floor: usize) -> Option<(Range<usize>, Found)> {
    if let Some(r) = numeric_date(text, start) {
        return Some(r);
    }
    if let Some(r) = clock_time(text, start) {
        return Some(r);
    }
    month_first(lex, text, start, floor).or_else(|| day_first(lex, text, start))
}

/// `2024-10-24`, `24-10-2024`, `5/17/2018`, `24.10.2024`.
fn numeric_date(text: &str, start: usize) -> Option<(Range<usize>, Found)> {
    let b = text.as_bytes();
    let e1 = digits_end(text, start);
    let sep = *b.get(e1)?;
    if !matches!(sep, b'-' | b'/' | b'.') {
        return None;
    }
    let s2 = e1 + 1;
    let e2 = digits_end(text, s2);
    if e2 == s2 || e2 - s2 > 2 || b.get(e2) != Some(&sep) {
        return None;
    }
    let s3 = e2 + 1;
    let e3 = digits_end(text, s3);
    if b.get(e3).is_some_and(|c| c.is_ascii_alphanumeric()) {
        return None;
    }
    let (a, m, c) = (num(text, start, e1), num(text, s2, e2), num(text, s3, e3));
    let (year, month, day) = if e1 - start == 4 && (e3 - s3 == 2 || e3 - s3 == 1) {
        (a, m, c)
    } else if e3 - s3 == 4 && e1 - start <= 2 {
        // Day first when the first part cannot be a month, or by convention for - and .
        if a > 12 || (sep != b'/' && m <= 12) { (c, m, a) } else { (c, a, m) }
    } else {
        return None;
    };
    if !(1..=12).contains(&month) || !(1..=31).contains(&day) || !(1000..=2100).contains(&year) {
        return None;
    }
    let date = PartialDate { year: Some(year as i16), month: month as u8, day: Some(day as u8) };
    Some((start..e3, Found::Date(date, None)))
}

/// `10:30`, `10:30 a.m.`, `3 p.m.`, `3pm`.
fn clock_time(text: &str, start: usize) -> Option<(Range<usize>, Found)> {
    let b = text.as_bytes();
    let e1 = digits_end(text, start);
    if e1 - start > 2 {
        return None;
    }
    let h = num(text, start, e1);
    let mut minute = 0;
    let mut end = e1;
    let mut colon = false;
    if b.get(e1) == Some(&b':') {
        let e2 = digits_end(text, e1 + 1);
        if e2 - e1 - 1 != 2 {
            return None;
        }
        minute = num(text, e1 + 1, e2);
        if minute > 59 || h > 24 || b.get(e2).is_some_and(u8::is_ascii_alphanumeric) && !meridiem_glued(text, e2) {
            return None;
        }
        end = e2;
        colon = true;
    }
    let mp = if colon { skip_space(text, end) } else { end };
    let meridiem = meridiem_at(text, mp).or_else(|| meridiem_at(text, skip_space(text, end)));
    let hour = match meridiem {
        Some((e, pm)) => {
            if !(1..=12).contains(&h) {
                return None;
            }
            end = e;
            match (pm, h) {
                (true, 12) => 12,
                (true, h) => h + 12,
                (false, 12) => 0,
                (false, h) => h,
            }
        }
        None if colon => h,
        None => return None,
    };
    Some((start..end, Found::Time(ClockTime { hour: hour as u8, minute: minute as u8 })))
}

fn meridiem_glued(text: &str, pos: usize) -> bool {
    meridiem_at(text, pos).is_some()
}

/// `a.m.`, `p.m.`, `am`, `pm`, `AM`, `PM` at `pos`: `(end, is_pm)`.
fn meridiem_at(text: &str, pos: usize) -> Option<(usize, bool)> {
    let b = text.as_bytes();
    let pm = match b.get(pos)?.to_ascii_lowercase() {
        b'a' => false,
        b'p' => true,
        _ => return None,
    };
    let at = |i: usize| b.get(pos + i).map(u8::to_ascii_lowercase);
    let end = if at(1) == Some(b'.') && at(2) == Some(b'm') {
        if at(3) == Some(b'.') { pos + 4 } else { pos + 3 }
    } else if at(1) == Some(b'm') {
        pos + 2
    } else {
        return None;
    };
    (!b.get(end).is_some_and(u8::is_ascii_alphanumeric)).then_some((end, pm))
}

/// `October 7`, `Oct. 7th`, `October 7, 2023`, `October 2023`.
fn month_first(lex: &Lexicon, text: &str, start: usize, floor: usize) -> Option<(Range<usize>, Found)> {
    let b = text.as_bytes();
    let mut p = skip_space_back(text, start);
    if p == start {
        return None;
    }
    if p > 0 && b[p - 1] == b'.' {
        p -= 1;
    }
    let ms = letters_start(text, p);
    if ms == p || ms < floor {
        return None;
    }
    let month = month_word(lex, text, ms, p)?;
    if let Some((e, y)) = year_at(text, start) {
        let date = PartialDate { year: Some(y), month, day: None };
        return Some((ms..e, Found::Date(date, None)));
    }
    let (mut end, day) = day_at(text, start)?;
    let last = last_day(lex, text, end, day, after_between(text, ms), false);
    if let Some((e, _)) = last {
        end = e;
    }
    let mut year = None;
    if let Some((e, y)) = year_after(text, end) {
        end = e;
        year = Some(y);
    }
    Some((ms..end, Found::Date(PartialDate { year, month, day: Some(day) }, last.map(|(_, d)| d))))
}

/// Whether the word before `pos` is "between", which lets "and" close a
/// span of days ("between June 10 and 12").
fn after_between(text: &str, pos: usize) -> bool {
    word_before(text, pos).is_some_and(|(_, w)| w.eq_ignore_ascii_case("between"))
}

/// The last day of a span whose first day, `first`, ends at `end`: "-12",
/// "–12", " to 12", or " and 12" after "between"; `(end, day)`.
/// `month_after`: the month comes after the span ("10-12 June") and must
/// follow its last day; else it came before, and a day with a month of its
/// own starts a date of its own ("between October 7 and 12 November").
fn last_day(lex: &Lexicon, text: &str, end: usize, first: u8, and: bool, month_after: bool) -> Option<(usize, u8)> {
    let (e, last) = day_at(text, joint_end(text, end, and)?)?;
    let after = skip_space(text, e);
    let named = word_at(text, after).is_some_and(|(we, _)| month_word(lex, text, after, we).is_some());
    (last > first && named == month_after).then_some((e, last))
}

/// `7 October`, `7th of October 2023`.
fn day_first(lex: &Lexicon, text: &str, start: usize) -> Option<(Range<usize>, Found)> {
    let (mut end, day) = day_at(text, start)?;
    let last = last_day(lex, text, end, day, after_between(text, start), true);
    if let Some((e, _)) = last {
        end = e;
    }
    let mut p = skip_space(text, end);
    // "on 7" at a wrapped line's end, "October" on the next.
    if matches!(text.as_bytes().get(p), Some(b'\n' | b'\r')) {
        p = super::text::skip_wrap(text, p)?;
    }
    if p == end {
        return None;
    }
    if let Some(of) = phrase_at(text, p, "of") {
        p = skip_space(text, of);
    }
    let (we, _) = word_at(text, p)?;
    let month = month_word(lex, text, p, we)?;
    let mut mend = we;
    if text.as_bytes().get(we) == Some(&b'.') {
        mend = we + 1;
    }
    let mut end = we;
    let mut year = None;
    if let Some((e, y)) = year_after(text, mend).filter(|_| text.as_bytes().get(we) != Some(&b',')) {
        end = e;
        year = Some(y);
    }
    Some((start..end, Found::Date(PartialDate { year, month, day: Some(day) }, last.map(|(_, d)| d))))
}

/// Where the last day of a span may start after a first day ending at
/// `end`: past "-", "–", " to ", or " and " when `and`.
fn joint_end(text: &str, end: usize, and: bool) -> Option<usize> {
    if let Some(dash) = text[end..].chars().next().filter(|c| matches!(c, '-' | '–')) {
        return Some(end + dash.len_utf8());
    }
    let s = skip_space(text, end);
    if s == end {
        return None;
    }
    phrase_at(text, s, "to ").or_else(|| phrase_at(text, s, "and ").filter(|_| and))
}

#[cfg(test)]
mod tests {
    use super::super::lexicon::english;
    use super::*;

    fn find(t: &str) -> Option<(&str, String)> {
        let s = t.find(|c: char| c.is_ascii_digit())?;
        let (r, f) = at(english(), t, s, 0)?;
        let shown = match f {
            Found::Date(d, None) => d.to_string(),
            Found::Date(d, Some(last)) => format!("{d}/{last}"),
            Found::Time(c) => c.to_string(),
        };
        Some((&t[r], shown))
    }

    #[test]
    fn dates() {
        assert_eq!(find("since October 7th of 2023,"), Some(("October 7th of 2023", "2023-10-07".into())));
        assert_eq!(find("on Oct. 7, he"), Some(("Oct. 7", "--10-07".into())));
        assert_eq!(find("On November 3, the"), Some(("November 3", "--11-03".into())));
        assert_eq!(find("October 25, 2024"), Some(("October 25, 2024", "2024-10-25".into())));
        assert_eq!(find("Studies 24-10-2024"), Some(("24-10-2024", "2024-10-24".into())));
        assert_eq!(find("2024-10-24"), Some(("2024-10-24", "2024-10-24".into())));
        assert_eq!(find("on 5/17/2018?"), Some(("5/17/2018", "2018-05-17".into())));
        assert_eq!(find("the 7th of October 2023"), Some(("7th of October 2023", "2023-10-07".into())));
        assert_eq!(find("in March 2024"), Some(("March 2024", "2024-03".into())));
        assert_eq!(find("the May 4th"), Some(("May 4th", "--05-04".into())));
        // A day at a wrapped line's end, its month on the next line.
        let wrapped = "Many people were killed in southern Israel on the morning of 7\n   October, the";
        assert_eq!(find(wrapped), Some(("7\n   October", "--10-07".into())));
        assert_eq!(find("Killed on 7\nOctober"), None);
        assert_eq!(find("may 4 people"), None);
        assert_eq!(find("1,200 people"), None);
    }

    #[test]
    fn spans_of_days() {
        assert_eq!(find("the region June 10-12 on"), Some(("June 10-12", "--06-10/12".into())));
        assert_eq!(find("on 10-12 June, his"), Some(("10-12 June", "--06-10/12".into())));
        assert_eq!(find("On 10–12 June 2024 Blinken"), Some(("10–12 June 2024", "2024-06-10/12".into())));
        assert_eq!(find("From 10 to 12 June, he"), Some(("10 to 12 June", "--06-10/12".into())));
        assert_eq!(find("Between June 10 and 12, he"), Some(("June 10 and 12", "--06-10/12".into())));
        assert_eq!(find("between 10 and 12 June"), Some(("10 and 12 June", "--06-10/12".into())));
        assert_eq!(find("June 10-12, 2024"), Some(("June 10-12, 2024", "2024-06-10/12".into())));
        // Not spans: a count after "and", a second date, days out of order.
        assert_eq!(find("on June 10 and 12 people died"), Some(("June 10", "--06-10".into())));
        assert_eq!(find("between October 7 and 12 November"), Some(("October 7", "--10-07".into())));
        assert_eq!(find("June 12-10"), Some(("June 12", "--06-12".into())));
        assert_eq!(find("killed 10 to 12 people in June"), None);
    }

    #[test]
    fn times() {
        assert_eq!(find("at 10:30 a.m."), Some(("10:30 a.m.", "10:30".into())));
        assert_eq!(find("at 3 p.m. on"), Some(("3 p.m.", "15:00".into())));
        assert_eq!(find("at 3pm"), Some(("3pm", "15:00".into())));
        assert_eq!(find("ratio 2 to 1"), None);
    }
}
