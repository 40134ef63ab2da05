//! Figures written in digits: thousands separators (`1,200`, `1 234 567`,
//! `12,34,567`, the stray space of `15, 200`), decimals, exponents,
//! fractions (`3/4`, `2 1/4`), and what is glued to the digits (`11th`,
//! `10k`, `100's`, `29km`).

use super::lexicon::{Lexicon, SuffixUse};
use super::text::{digits_end, letters_end, space_len};

/// What follows the digits without a space.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Suffix {
    None,
    /// 1st, 2nd, 11th
    Ordinal,
    /// 10k, 1.2bn, 2mil; `money_only` for a lower-case `m`
    Scale {
        mult: f64,
        money_only: bool,
    },
    /// 1990s, 100's
    Plural,
    /// A unit or other letters glued on (29km, 5G, 3D): not a count.
    Glued,
}

/// A figure in digits.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Numeral {
    pub(crate) start: usize,
    /// End of the digits, excluding a suffix.
    pub(crate) end: usize,
    /// End including the suffix.
    pub(crate) suffix_end: usize,
    pub(crate) value: f64,
    /// Digits after the decimal mark (0 for integers).
    pub(crate) frac_digits: u32,
    /// Only digits: no separator, decimal mark, exponent or fraction.
    pub(crate) plain: bool,
    /// Number of digits of a plain integer.
    pub(crate) int_len: usize,
    /// A fraction such as `3/4` or `2 1/4`: exact, not rounded.
    pub(crate) fraction: bool,
    /// Dotted groups such as `192.168.1.2` or `1.2.3`: a name, not a figure.
    pub(crate) dotted: bool,
    pub(crate) suffix: Suffix,
}

/// The digits written around a figure's own when the figure is part of a
/// run of digits and separators no number reads as a whole: "3,0320" (a
/// comma group of four), "30,03", "1.200.5", of which the recognizer read
/// only a part. The run, if it is longer than the figure's digits.
pub fn malformed_digits(text: &str, span: std::ops::Range<usize>) -> Option<std::ops::Range<usize>> {
    let b = text.as_bytes();
    let std::ops::Range { start: first, end: last } = digits_of(text, span)?;
    let joins = |c: u8| matches!(c, b',' | b'.');
    // Digits joined by one separator, or by a doubled one ("30,,000").
    let joined_before = |at: usize| {
        (1..=2).find(|&k| at > k && b[at - k..at].iter().all(|&c| joins(c)) && b[at - k - 1].is_ascii_digit())
    };
    let joined_after = |at: usize| {
        (1..=2).find(|&k| {
            b.get(at..at + k).is_some_and(|s| s.iter().all(|&c| joins(c)))
                && b.get(at + k).is_some_and(u8::is_ascii_digit)
        })
    };
    let (mut start, mut end) = (first, last);
    while start > 0 {
        if b[start - 1].is_ascii_digit() {
            start -= 1;
        } else if let Some(k) = joined_before(start) {
            start -= k;
        } else {
            break;
        }
    }
    while end < b.len() {
        if b[end].is_ascii_digit() {
            end += 1;
        } else if let Some(k) = joined_after(end) {
            end += k;
        } else {
            break;
        }
    }
    (start < first || end > last).then_some(start..end)
}

/// The digits of a figure from its first to its last.
pub(crate) fn digits_of(text: &str, span: std::ops::Range<usize>) -> Option<std::ops::Range<usize>> {
    let own = &text.as_bytes()[span.clone()];
    let first = span.start + own.iter().position(u8::is_ascii_digit)?;
    let last = span.start + own.iter().rposition(u8::is_ascii_digit)? + 1;
    Some(first..last)
}

fn digit_value(s: &str) -> f64 {
    s.bytes().filter(u8::is_ascii_digit).fold(0.0, |acc, d| acc * 10.0 + f64::from(d - b'0'))
}

/// Read comma groups after an integer part of `first_len` digits ending at
/// `pos`. Returns the end of the last accepted group.
fn comma_groups(text: &str, first_len: usize, pos: usize) -> usize {
    let b = text.as_bytes();
    if first_len > 3 {
        return pos;
    }
    let mut groups: Vec<(usize, usize)> = Vec::new();
    let mut p = pos;
    while p < b.len() && b[p] == b',' {
        let e = digits_end(text, p + 1);
        let n = e - p - 1;
        if n != 2 && n != 3 {
            break;
        }
        groups.push((n, e));
        p = e;
    }
    // Western grouping: every group three digits.
    let mut end = pos;
    for &(n, e) in &groups {
        if n != 3 {
            break;
        }
        end = e;
    }
    // Indian grouping: two-digit groups, then one final three-digit group.
    if groups.len() >= 2 && first_len <= 2 {
        let k = groups.iter().position(|g| g.0 == 3);
        if let Some(k) = k
            && k >= 1
            && groups[..k].iter().all(|g| g.0 == 2)
        {
            end = end.max(groups[k].1);
        }
    }
    // A list such as "22,24,26" is not a number.
    if end > pos && b.get(end) == Some(&b',') && b.get(end + 1).is_some_and(u8::is_ascii_digit) {
        let e = digits_end(text, end + 1);
        if e - end - 1 != 3 {
            return pos;
        }
    }
    end
}

/// Read space-separated groups of three (`1 234 567`, `40 000`).
fn space_groups(text: &str, first_len: usize, pos: usize) -> usize {
    let b = text.as_bytes();
    if first_len > 3 {
        return pos;
    }
    let mut end = pos;
    loop {
        let n = space_len(text, end);
        if n == 0 {
            break;
        }
        let s = end + n;
        let e = digits_end(text, s);
        if e - s != 3 {
            break;
        }
        // "1 234.5" is fine, "1 2345" is two numbers; a letter glued on ends it.
        if b.get(e).is_some_and(|c| c.is_ascii_alphabetic()) {
            break;
        }
        end = e;
    }
    end
}

/// The stray space of `15, 200`: one comma-space group of three, and no list.
fn stray_space_group(text: &str, first_len: usize, pos: usize) -> usize {
    let b = text.as_bytes();
    if first_len > 3 || b.get(pos) != Some(&b',') || b.get(pos + 1) != Some(&b' ') {
        return pos;
    }
    // Inside a list: "1, 234, 567".
    let start = pos - first_len;
    if start >= 2 && b[start - 1] == b' ' && b[start - 2] == b',' {
        return pos;
    }
    let s = pos + 2;
    let e = digits_end(text, s);
    if e - s != 3 {
        return pos;
    }
    // Another ", 123" or a decimal point after it means a list or something else.
    match b.get(e) {
        Some(b',') if b.get(e + 1).is_some_and(|c| *c == b' ' || c.is_ascii_digit()) => pos,
        Some(c) if c.is_ascii_alphanumeric() => pos,
        Some(b'.') if b.get(e + 1).is_some_and(u8::is_ascii_digit) => pos,
        _ => e,
    }
}

/// Parse the figure whose first digit is at `start`.
pub(crate) fn parse(lex: &Lexicon, text: &str, start: usize) -> Numeral {
    let b = text.as_bytes();
    let int_end = digits_end(text, start);
    let first_len = int_end - start;
    let mut n = Numeral {
        start,
        end: int_end,
        suffix_end: int_end,
        value: digit_value(&text[start..int_end]),
        frac_digits: 0,
        plain: true,
        int_len: first_len,
        fraction: false,
        dotted: false,
        suffix: Suffix::None,
    };

    // ".08": a decimal without integer part; not "c.130" or "No.5".
    if start >= 1
        && b[start - 1] == b'.'
        && (start < 2 || !(b[start - 2].is_ascii_alphanumeric() || b[start - 2] == b'.'))
    {
        n.start = start - 1;
        n.frac_digits = first_len as u32;
        n.value = digit_value(&text[start..int_end]) / 10f64.powi(first_len as i32);
        n.plain = false;
    } else {
        let mut end = comma_groups(text, first_len, int_end);
        if end == int_end {
            end = space_groups(text, first_len, int_end);
        }
        if end == int_end {
            end = stray_space_group(text, first_len, int_end);
        }
        if end > int_end {
            n.plain = false;
            n.value = digit_value(&text[start..end]);
            n.end = end;
        }
        // Decimal part.
        if b.get(n.end) == Some(&b'.') && b.get(n.end + 1).is_some_and(u8::is_ascii_digit) {
            let fe = digits_end(text, n.end + 1);
            // 192.168.1.2, 1.2.3: dotted groups name something.
            if b.get(fe) == Some(&b'.') && b.get(fe + 1).is_some_and(u8::is_ascii_digit) {
                let mut e = fe;
                while b.get(e) == Some(&b'.') && b.get(e + 1).is_some_and(u8::is_ascii_digit) {
                    e = digits_end(text, e + 1);
                }
                n.dotted = true;
                n.plain = false;
                n.end = e;
                n.suffix_end = e;
                return n;
            }
            let digits = fe - n.end - 1;
            n.frac_digits = digits as u32;
            n.value += digit_value(&text[n.end + 1..fe]) / 10f64.powi(digits as i32);
            n.plain = false;
            n.end = fe;
        } else if end == int_end
            && first_len <= 3
            && b.get(n.end) == Some(&b',')
            && let fe = digits_end(text, n.end + 1)
            && (fe - n.end - 1 == 1 || fe - n.end - 1 == 2)
            && !(b.get(fe) == Some(&b',') && b.get(fe + 1).is_some_and(u8::is_ascii_digit))
            && !(n.end >= 1 && start >= 1 && b[start - 1] == b',')
        {
            // A decimal comma ("5,00", "1,3"), when it is not part of a list.
            let digits = fe - n.end - 1;
            n.frac_digits = digits as u32;
            n.value += digit_value(&text[n.end + 1..fe]) / 10f64.powi(digits as i32);
            n.plain = false;
            n.end = fe;
        }
    }

    read_exponent(text, &mut n);
    if !n.fraction {
        read_fraction(text, &mut n);
    }
    read_suffix(lex, text, &mut n);
    n
}

/// `1e10`, `12.32e+14`, `1.1^23`, `1.3x10^6`.
fn read_exponent(text: &str, n: &mut Numeral) {
    let b = text.as_bytes();
    let p = n.end;
    let signed_digits = |mut q: usize, allow_many_signs: bool| -> Option<(usize, i32)> {
        let mut neg = false;
        let mut signs = 0;
        while q < b.len() && (b[q] == b'+' || b[q] == b'-') {
            if b[q] == b'-' {
                neg = !neg;
            }
            q += 1;
            signs += 1;
            if !allow_many_signs && signs > 1 {
                return None;
            }
        }
        let e = digits_end(text, q);
        if e == q || e - q > 3 {
            return None;
        }
        let v: i32 = text[q..e].parse().ok()?;
        Some((e, if neg { -v } else { v }))
    };
    match b.get(p) {
        Some(b'e' | b'E') => {
            if let Some((e, x)) = signed_digits(p + 1, false)
                && !b.get(e).is_some_and(|c| c.is_ascii_alphabetic())
            {
                n.value *= 10f64.powi(x);
                n.end = e;
                n.plain = false;
                n.frac_digits = 0;
            }
        }
        Some(b'^') => {
            if let Some((e, x)) = signed_digits(p + 1, true) {
                n.value = n.value.powi(x);
                n.end = e;
                n.plain = false;
                n.fraction = true;
            }
        }
        Some(b'x') if text[p..].starts_with("x10^") => {
            if let Some((e, x)) = signed_digits(p + 4, false) {
                n.value *= 10f64.powi(x);
                n.end = e;
                n.plain = false;
                n.fraction = true;
            }
        }
        _ if text[p..].starts_with("×10^") => {
            if let Some((e, x)) = signed_digits(p + "×10^".len(), false) {
                n.value *= 10f64.powi(x);
                n.end = e;
                n.plain = false;
                n.fraction = true;
            }
        }
        _ => {}
    }
}

/// `3/4`, and the mixed `2 1/4`. Two slashes make a date, handled elsewhere.
fn read_fraction(text: &str, n: &mut Numeral) {
    let b = text.as_bytes();
    if n.frac_digits > 0 || !n.plain {
        return;
    }
    let simple = |p: usize| -> Option<(usize, f64)> {
        if b.get(p) != Some(&b'/') {
            return None;
        }
        let e = digits_end(text, p + 1);
        if e == p + 1 || b.get(e) == Some(&b'/') || b.get(e).is_some_and(|c| c.is_ascii_alphanumeric()) {
            return None;
        }
        let den = digit_value(&text[p + 1..e]);
        (den > 0.0).then_some((e, den))
    };
    if let Some((e, den)) = simple(n.end) {
        // 24/7 and 9/11 are names, not fractions.
        let whole = &text[n.start..e];
        if whole == "24/7" || whole == "9/11" {
            return;
        }
        n.value /= den;
        n.end = e;
        n.plain = false;
        n.fraction = true;
        return;
    }
    // Mixed number: whole, spaces, numerator/denominator smaller than it.
    let mut p = n.end;
    let mut spaced = false;
    while let sl @ 1.. = space_len(text, p) {
        p += sl;
        spaced = true;
    }
    if spaced {
        let ne = digits_end(text, p);
        if ne > p
            && let Some((e, den)) = simple(ne)
        {
            let num = digit_value(&text[p..ne]);
            if num < den {
                n.value += num / den;
                n.end = e;
                n.plain = false;
                n.fraction = true;
            }
        }
    }
}

fn read_suffix(lex: &Lexicon, text: &str, n: &mut Numeral) {
    let b = text.as_bytes();
    let p = n.end;
    n.suffix_end = p;
    // 100's, 100’s
    for apos in ["'s", "’s"] {
        if text[p..].starts_with(apos) && !b.get(p + apos.len()).is_some_and(u8::is_ascii_alphanumeric) {
            n.suffix = Suffix::Plural;
            n.suffix_end = p + apos.len();
            return;
        }
    }
    if !b.get(p).is_some_and(u8::is_ascii_alphabetic) {
        spaced_scale(text, n);
        return;
    }
    let e = letters_end(text, p);
    // Letters followed by digits (4x4, 3D2) are a code.
    let glued_digit = b.get(e).is_some_and(u8::is_ascii_digit);
    let letters = &text[p..e];
    let lower = letters.to_ascii_lowercase();
    n.suffix_end = e;
    if glued_digit {
        n.suffix = Suffix::Glued;
        return;
    }
    if matches!(lower.as_str(), "st" | "nd" | "rd" | "th") && n.plain {
        n.suffix = Suffix::Ordinal;
        return;
    }
    if lower == "s" {
        n.suffix = Suffix::Plural;
        return;
    }
    for &(s, mult, usage) in lex.scale_suffixes {
        if letters == s {
            n.suffix = Suffix::Scale { mult, money_only: usage == SuffixUse::MoneyOnly };
            return;
        }
    }
    n.suffix = Suffix::Glued;
}

/// Scale abbreviations after one space: `2.33 k`, `1,674,200.5 M`, `10 bn`.
/// Single letters other than k and M are too ambiguous (`Plan B`).
fn spaced_scale(text: &str, n: &mut Numeral) {
    const SPACED: [(&str, f64); 9] = [
        ("k", 1e3),
        ("K", 1e3),
        ("M", 1e6),
        ("mn", 1e6),
        ("mln", 1e6),
        ("bn", 1e9),
        ("bln", 1e9),
        ("tn", 1e12),
        ("tln", 1e12),
    ];
    let p = super::text::skip_space(text, n.end);
    if p == n.end {
        return;
    }
    let e = letters_end(text, p);
    if e == p || text.as_bytes().get(e).is_some_and(u8::is_ascii_alphanumeric) {
        return;
    }
    // "2 M." ends a sentence as well as "2 M" does; an apostrophe does not ("5 M's").
    if let Some(&(_, mult)) = SPACED.iter().find(|(s, _)| *s == &text[p..e]) {
        n.suffix = Suffix::Scale { mult, money_only: false };
        n.suffix_end = e;
    }
}

#[cfg(test)]
mod tests {
    use super::super::lexicon::english;
    use super::*;

    fn p(t: &str) -> Numeral {
        let s = t.find(|c: char| c.is_ascii_digit()).unwrap();
        parse(english(), t, s)
    }

    #[test]
    fn separators() {
        assert_eq!(p("1,200").value, 1200.0);
        assert_eq!(p("31,988 people").value, 31988.0);
        assert_eq!(p("1,234,567").value, 1234567.0);
        assert_eq!(p("15, 200 people").value, 15200.0);
        assert_eq!(p("1, 234, 567").value, 1.0);
        assert_eq!(p("12,34,567.89").value, 1234567.89);
        assert_eq!(p("40\u{202f}000").value, 40000.0);
        assert_eq!(p("1 414 021 100.").value, 1414021100.0);
        assert_eq!(p("423 0000").value, 423.0);
        assert_eq!(p("22,24,26,31").value, 22.0);
        assert_eq!(p("22,240,260,310").value, 22240260310.0);
    }

    #[test]
    fn decimals_and_exponents() {
        assert_eq!(p("2.3 million").value, 2.3);
        assert_eq!(p("2.3 million").frac_digits, 1);
        assert_eq!(p(".08").value, 0.08);
        assert_eq!(p("4.800").frac_digits, 3);
        assert_eq!(p("1e10").value, 1e10);
        assert_eq!(p("1.3x10^6").value, 1.3e6);
        assert!((p("2.5^-1").value - 0.4).abs() < 1e-12);
        assert!(p("192.168.1.2").dotted);
        assert_eq!(p("1,3.").value, 1.3);
    }

    #[test]
    fn fractions() {
        assert_eq!(p("3/4").value, 0.75);
        assert_eq!(p("2  1/4").value, 2.25);
        assert_eq!(p("5/17/2018").value, 5.0);
        assert_eq!(p("24/7").value, 24.0);
    }

    #[test]
    fn suffixes() {
        assert_eq!(p("11th").suffix, Suffix::Ordinal);
        assert_eq!(p("10k").suffix, Suffix::Scale { mult: 1e3, money_only: false });
        assert_eq!(p("1m").suffix, Suffix::Scale { mult: 1e6, money_only: true });
        assert_eq!(p("29km").suffix, Suffix::Glued);
        assert_eq!(p("100’s of").suffix, Suffix::Plural);
        assert_eq!(p("1990s").suffix, Suffix::Plural);
    }
}
