//! Figures written in words, and digits composed with words: `twenty-one
//! thousand four hundred`, `3 hundred and 21`, `2.3 million`, `a dozen`,
//! `half a dozen`, `two thirds of a million`, `five and a half million`,
//! `two hundred point zero three`, `twenty-first`, `tens of thousands`.
//!
//! The text after a figure's first token is cut into atoms (number words,
//! digits, and the function words `and`, `a`, `of`, `point`); a small state
//! machine then reads the longest valid figure from them.

use super::interval::integer_step;
use super::lexicon::{Lexicon, Word};
use super::numeral::{self, Numeral, Suffix};
use super::text::{char_at, letters_end, lower, skip_space, word_at};

#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum AtomKind {
    Num(Numeral),
    W(Word),
    /// A vulgar fraction character: ½, ¾.
    Glyph(f64),
    And,
    A,
    Of,
    Point,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Atom {
    pub(crate) kind: AtomKind,
    pub(crate) start: usize,
    pub(crate) end: usize,
    /// Joined to the previous atom by a hyphen (`twenty-one`, `fifty - two`).
    pub(crate) hyphen_before: bool,
}

pub(crate) fn glyph_value(c: char) -> Option<f64> {
    Some(match c {
        '½' => 0.5,
        '⅓' => 1.0 / 3.0,
        '⅔' => 2.0 / 3.0,
        '¼' => 0.25,
        '¾' => 0.75,
        '⅕' => 0.2,
        '⅖' => 0.4,
        '⅗' => 0.6,
        '⅘' => 0.8,
        '⅙' => 1.0 / 6.0,
        '⅚' => 5.0 / 6.0,
        '⅛' => 0.125,
        '⅜' => 0.375,
        '⅝' => 0.625,
        '⅞' => 0.875,
        _ => return None,
    })
}

const MAX_ATOMS: usize = 32;

/// Cut the text from `start` into atoms while they can belong to one figure.
pub(crate) fn collect(lex: &Lexicon, text: &str, start: usize, out: &mut Vec<Atom>) {
    out.clear();
    let b = text.as_bytes();
    let mut pos = start;
    while out.len() < MAX_ATOMS {
        let mut p = pos;
        let mut hyphen = false;
        if !out.is_empty() {
            p = skip_space(text, p);
            // A figure cut by the wrap of a paragraph: "$100\nmillion",
            // "twelve\nhundred", "two hundred and\nfifty".
            if matches!(b.get(p), Some(b'\n' | b'\r'))
                && let Some(next) = super::text::skip_wrap(text, p)
                && let e = letters_end(text, next)
                && let mut buf = [0u8; 24]
                && let Some(w) = lower(&text[next..e], &mut buf)
                && continues_across_wrap(lex, w, out.last().map(|a| a.kind))
            {
                p = next;
            }
            if b.get(p) == Some(&b'-') {
                hyphen = true;
                p = skip_space(text, p + 1);
            }
            if p == pos {
                // Atoms need a separator (digits are read whole by the numeral parser).
                break;
            }
        }
        let Some(&c) = b.get(p) else { break };
        let atom = if c.is_ascii_digit() {
            if hyphen {
                break;
            }
            let n = numeral::parse(lex, text, p);
            if !out.is_empty() && !matches!(n.suffix, Suffix::None | Suffix::Scale { money_only: false, .. }) {
                break;
            }
            // ".08" starts at its point.
            let start = if out.is_empty() { n.start.min(p) } else { p };
            Atom { kind: AtomKind::Num(n), start, end: n.suffix_end, hyphen_before: hyphen }
        } else if c.is_ascii_alphabetic() {
            let e = letters_end(text, p);
            if e < b.len() && b[e].is_ascii_digit() {
                break;
            }
            let mut buf = [0u8; 24];
            let Some(w) = lower(&text[p..e], &mut buf) else { break };
            let c = &lex.connectors;
            let kind = if let Some(word) = lex.word(w) {
                AtomKind::W(word)
            } else if w == c.and {
                AtomKind::And
            } else if c.a.contains(&w) {
                AtomKind::A
            } else if w == c.of {
                AtomKind::Of
            } else if w == c.point {
                AtomKind::Point
            } else {
                break;
            };
            if hyphen && !matches!(kind, AtomKind::W(_)) {
                break;
            }
            Atom { kind, start: p, end: e, hyphen_before: hyphen }
        } else if let Some(v) = char_at(text, p).and_then(glyph_value) {
            Atom {
                kind: AtomKind::Glyph(v),
                start: p,
                end: p + char_at(text, p).map_or(1, char::len_utf8),
                hyphen_before: hyphen,
            }
        } else {
            break;
        };
        pos = atom.end;
        out.push(atom);
    }
}

/// Whether the word starting the next line of a wrapped paragraph goes on
/// with the figure before the break. A multiplier always does ("twelve" /
/// "hundred"), a fraction's denominator after a number ("three" /
/// "quarters"); a unit or a tens word only after a connector or a multiplier
/// ("two hundred and" / "fifty"), since "Some 12" / "three were hurt"
/// would join two figures.
fn continues_across_wrap(lex: &Lexicon, w: &str, before: Option<AtomKind>) -> bool {
    let after_multiplier = matches!(before, Some(AtomKind::And | AtomKind::W(Word::Hundred | Word::Scale(_))));
    let after_number = matches!(before, Some(AtomKind::Num(_) | AtomKind::W(_)));
    match lex.word(w) {
        Some(Word::Hundred | Word::Scale(_) | Word::Dozen) => true,
        Some(Word::Unit(_) | Word::Teen(_) | Word::Tens(_)) => after_multiplier,
        // "three" / "quarters", "two" / "thirds".
        Some(Word::Quarter { plural: true } | Word::Half { plural: true }) => after_number,
        Some(Word::OrdUnit { plural: true, .. } | Word::OrdTeen { plural: true, .. }) => after_number,
        None => w == lex.connectors.and && matches!(before, Some(AtomKind::W(Word::Hundred | Word::Scale(_)))),
        _ => false,
    }
}

/// What a figure in words turned out to be.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Form {
    Cardinal,
    Ordinal,
    /// A proportion: `two thirds`, `a half`, `one eighth`.
    Fraction,
    /// `tens of thousands`: value is the low end, the field the high end.
    Vague(f64),
    /// `a couple of`: about two.
    Couple,
}

/// The longest figure read from a run of atoms.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Parsed {
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) value: f64,
    pub(crate) form: Form,
    pub(crate) step: f64,
    /// The multiplier of the last scale word or suffix (`2 million` → 1e6).
    pub(crate) scale: Option<f64>,
    /// The value before that scale (`2 million` → 2).
    pub(crate) mantissa: f64,
    /// Atoms read.
    pub(crate) atoms: usize,
    /// The single word read, when the figure is one word.
    pub(crate) single_word: Option<Word>,
    /// The figure is one numeral in digits.
    pub(crate) numeral: Option<Numeral>,
    pub(crate) in_words: bool,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Last {
    Start,
    A,
    Zero,
    Unit,
    Teen,
    Tens,
    TensUnit,
    Hundred,
    Scale,
    Digits,
    Dozen,
}

#[derive(Debug, Clone, Copy)]
struct Card {
    total: f64,
    group: f64,
    small: f64,
    last: Last,
    /// Smallest scale applied so far.
    last_scale: f64,
    /// Scale of the final scale word, for ranges and fractions.
    final_scale: Option<f64>,
    after_and: bool,
    frac_digits: u32,
    /// Product of the scales applied after a decimal numeral.
    dec_mult: f64,
    decimal: bool,
    exact: bool,
}

impl Card {
    fn new() -> Card {
        Card {
            total: 0.0,
            group: 0.0,
            small: 0.0,
            last: Last::Start,
            last_scale: f64::INFINITY,
            final_scale: None,
            after_and: false,
            frac_digits: 0,
            dec_mult: 1.0,
            decimal: false,
            exact: false,
        }
    }

    fn value(&self) -> f64 {
        self.total + self.group + self.small
    }

    fn step(&self) -> f64 {
        if self.exact {
            0.0
        } else if self.decimal {
            10f64.powi(-(self.frac_digits as i32)) * self.dec_mult
        } else {
            integer_step(self.value())
        }
    }

    fn scale_by(&mut self, s: f64) {
        if self.decimal {
            self.dec_mult *= s;
        }
    }

    /// Apply one atom, or refuse it.
    fn push(&self, a: &Atom) -> Option<Card> {
        use Last::*;
        let mut c = *self;
        match a.kind {
            AtomKind::W(Word::Zero) if c.last == Start => {
                c.last = Zero;
            }
            AtomKind::W(Word::Unit(u)) => {
                match c.last {
                    Start | Hundred | Scale => c.last = Unit,
                    Tens => c.last = TensUnit,
                    _ => return None,
                }
                c.small += f64::from(u);
            }
            AtomKind::W(Word::Teen(t)) if matches!(c.last, Start | Hundred | Scale) && !a.hyphen_before => {
                c.small += f64::from(t);
                c.last = Teen;
            }
            AtomKind::W(Word::Tens(t)) if matches!(c.last, Start | Hundred | Scale) && !a.hyphen_before => {
                c.small += f64::from(t);
                c.last = Tens;
            }
            AtomKind::Num(n) if !a.hyphen_before && !n.dotted => {
                let mult = match n.suffix {
                    Suffix::None => None,
                    Suffix::Scale { mult, money_only: false } => Some(mult),
                    _ => return None,
                };
                match c.last {
                    Start => {
                        c.small = n.value;
                        c.decimal = n.frac_digits > 0;
                        c.frac_digits = n.frac_digits;
                        c.exact = n.fraction;
                        if !n.plain && !c.decimal && !n.fraction {
                            c.exact = false;
                        }
                    }
                    Scale if n.plain && n.value < c.last_scale && mult.is_none() => c.small = n.value,
                    Hundred if c.after_and && n.plain && (1.0..100.0).contains(&n.value) && mult.is_none() => {
                        c.small = n.value
                    }
                    _ => return None,
                }
                c.last = Digits;
                if let Some(m) = mult {
                    c.total = c.small * m;
                    c.small = 0.0;
                    c.scale_by(m);
                    if c.decimal {
                        c.dec_mult = m;
                    }
                    c.last_scale = m;
                    c.final_scale = Some(m);
                    c.last = Scale;
                }
            }
            AtomKind::W(Word::Hundred) if c.group == 0.0 => {
                match c.last {
                    Start | A | Unit | Teen | Tens | TensUnit | Digits => {}
                    _ => return None,
                }
                let base = if matches!(c.last, Start | A) { 1.0 } else { c.small };
                c.group = base * 100.0;
                c.small = 0.0;
                c.scale_by(100.0);
                c.last = Hundred;
                c.final_scale = Some(100.0);
            }
            AtomKind::W(Word::Scale(s)) => {
                match c.last {
                    Start | A => {
                        c.total = s;
                    }
                    Unit | Teen | Tens | TensUnit | Hundred | Digits | Dozen if s < c.last_scale => {
                        c.total += (c.group + c.small) * s;
                    }
                    Scale if c.group + c.small == 0.0 && s > c.last_scale => {
                        c.total *= s;
                    }
                    _ => return None,
                }
                c.group = 0.0;
                c.small = 0.0;
                c.scale_by(s);
                c.last_scale = c.last_scale.min(s);
                if c.last == Scale {
                    c.last_scale = s;
                }
                c.final_scale = Some(s);
                c.last = Scale;
            }
            // "five hundreds", "three dozens", "two thousands"
            AtomKind::W(Word::Vague(m)) if !matches!(c.last, Start | A) => {
                let as_word = if m == 100.0 {
                    Word::Hundred
                } else if m == 12.0 {
                    Word::Dozen
                } else if m >= 1000.0 {
                    Word::Scale(m)
                } else {
                    return None;
                };
                return c.push(&Atom { kind: AtomKind::W(as_word), ..*a });
            }
            AtomKind::W(Word::Dozen) => {
                match c.last {
                    Start | A => c.small = 12.0,
                    Unit | Teen | Tens | TensUnit | Digits => c.small *= 12.0,
                    _ => return None,
                }
                c.last = Dozen;
            }
            _ => return None,
        }
        if !matches!(a.kind, AtomKind::A) {
            c.after_and = c.after_and && !matches!(a.kind, AtomKind::W(Word::Scale(_)));
        }
        Some(c)
    }
}

/// Read the cardinal at the start of `atoms`: `(card, atoms used)`.
fn cardinal(atoms: &[Atom]) -> (Card, usize) {
    let (c, n, _) = cardinal_with_and(atoms);
    (c, n)
}

/// Like `cardinal`, also returning the state before the last "and" read and
/// that "and"'s index, so that "two million and three fifths" can be re-read
/// as a whole number and a fraction.
fn cardinal_with_and(atoms: &[Atom]) -> (Card, usize, Option<(Card, usize)>) {
    let mut c = Card::new();
    let mut i = 0;
    // State before the last "and", to roll back "3 hundred and 2 hundred".
    let mut before_and: Option<(Card, usize)> = None;
    while i < atoms.len() {
        let a = &atoms[i];
        match a.kind {
            AtomKind::A if i == 0 => {
                c.last = Last::A;
                i += 1;
                continue;
            }
            AtomKind::And if matches!(c.last, Last::Hundred | Last::Scale) && !a.hyphen_before => {
                before_and = Some((c, i));
                c.after_and = true;
                i += 1;
                continue;
            }
            _ => {}
        }
        match c.push(a) {
            Some(n) => {
                c = n;
                i += 1;
            }
            None => {
                let cardinal_atom = matches!(
                    a.kind,
                    AtomKind::Num(_)
                        | AtomKind::W(
                            Word::Zero
                                | Word::Unit(_)
                                | Word::Teen(_)
                                | Word::Tens(_)
                                | Word::Hundred
                                | Word::Scale(_)
                                | Word::Dozen
                        )
                );
                if cardinal_atom && let Some((prev, j)) = before_and.filter(|(_, j)| *j + 1 < i) {
                    return (prev, j, None);
                }
                break;
            }
        }
    }
    // A dangling "and" is not part of the figure.
    if i > 0 && matches!(atoms[i - 1].kind, AtomKind::And) {
        i -= 1;
        if let Some((prev, _)) = before_and {
            c = prev;
        }
        return (c, i, None);
    }
    (c, i, before_and)
}

/// Read a compound ordinal at `atoms[i..]` (`fifth`, `twenty-first`,
/// `one hundred fifth`): `(value, atoms used, plural)`.
fn ordinal_at(atoms: &[Atom], i: usize) -> Option<(f64, usize, bool)> {
    let (card, n) = cardinal(&atoms[i..]);
    let a = atoms.get(i + n)?;
    let AtomKind::W(w) = a.kind else { return None };
    let base = card.value();
    let (v, plural) = match (card.last, w) {
        (Last::Start, Word::OrdUnit { value, plural }) => (f64::from(value), plural),
        (Last::Start, Word::OrdTeen { value, plural } | Word::OrdTens { value, plural }) => (f64::from(value), plural),
        (Last::Start, Word::OrdScale { value, plural }) => (value, plural),
        (Last::Tens | Last::Hundred | Last::Scale, Word::OrdUnit { value, plural }) => {
            (base + f64::from(value), plural)
        }
        (Last::Hundred | Last::Scale, Word::OrdTeen { value, plural } | Word::OrdTens { value, plural }) => {
            (base + f64::from(value), plural)
        }
        (Last::Unit | Last::Teen | Last::TensUnit | Last::Hundred | Last::Digits, Word::OrdScale { value, plural }) => {
            (base * value, plural)
        }
        _ => return None,
    };
    Some((v, n + 1, plural))
}

/// Whether the text after `end` continues with a word other than "of".
fn noun_follows(text: &str, end: usize) -> bool {
    let p = skip_space(text, end);
    match word_at(text, p) {
        Some((_, w)) => !w.eq_ignore_ascii_case("of"),
        None => false,
    }
}

fn ordinal_word(w: Word) -> bool {
    matches!(w, Word::OrdUnit { .. } | Word::OrdTeen { .. } | Word::OrdTens { .. } | Word::OrdScale { .. })
}

/// Read the longest figure from `atoms` (collected from `text`).
pub(crate) fn parse(text: &str, atoms: &[Atom]) -> Option<Parsed> {
    let first = atoms.first()?;
    let mut p = Parsed {
        start: first.start,
        end: first.end,
        value: 0.0,
        form: Form::Cardinal,
        step: 1.0,
        scale: None,
        mantissa: 0.0,
        atoms: 0,
        single_word: None,
        numeral: None,
        in_words: !matches!(first.kind, AtomKind::Num(_)),
    };
    let finish = |mut p: Parsed, n: usize| -> Parsed {
        p.atoms = n;
        p.end = atoms[n - 1].end;
        if n == 1 {
            if let AtomKind::W(w) = atoms[0].kind {
                p.single_word = Some(w);
            }
            if let AtomKind::Num(num) = atoms[0].kind {
                p.numeral = Some(num);
            }
        }
        if p.scale.is_none() {
            p.mantissa = p.value;
        }
        p
    };

    // Vague plurals: "tens of thousands", "hundreds", "dozens of".
    if let AtomKind::W(Word::Vague(m)) = first.kind {
        let mut n = 1;
        let mut mult = m;
        if let (Some(of), Some(next)) = (atoms.get(1), atoms.get(2))
            && of.kind == AtomKind::Of
            && let AtomKind::W(Word::Vague(m2) | Word::Scale(m2)) = next.kind
            && m2 > m
        {
            mult = m * m2;
            n = 3;
        }
        let (lo, hi) = if n == 1 && m == 12.0 {
            (24.0, 144.0)
        } else if n == 1 && m >= 1e6 {
            (2.0 * m, 1000.0 * m)
        } else {
            (2.0 * mult, 10.0 * mult)
        };
        p.value = lo;
        p.form = Form::Vague(hi);
        p.step = mult;
        return Some(finish(p, n));
    }

    // "a couple of", "a couple hundred"
    if first.kind == AtomKind::A && atoms.get(1).is_some_and(|a| a.kind == AtomKind::W(Word::Couple)) {
        let (card, n) = cardinal(&atoms[2..]);
        if n > 0 && matches!(card.last, Last::Hundred | Last::Scale | Last::Dozen) {
            p.value = 2.0 * card.value();
            p.step = card.value();
            p.form = Form::Couple;
            return Some(finish(p, n + 2));
        }
        if atoms.get(2).is_some_and(|a| a.kind == AtomKind::Of) {
            p.value = 2.0;
            p.step = 1.0;
            p.form = Form::Couple;
            // The figure is "a couple"; "of" stays with the noun.
            return Some(finish(p, 2));
        }
        return None;
    }

    // A vulgar fraction on its own: ⅔.
    if let AtomKind::Glyph(g) = first.kind {
        p.value = g;
        p.form = Form::Fraction;
        p.step = 0.0;
        return Some(finish(p, 1));
    }

    let (card, n, last_and) = cardinal_with_and(atoms);
    let mut i = n;
    // "two million and three fifths", "one hundred and three quarters":
    // the fraction belongs to the part after "and".
    if let Some((whole, j)) = last_and
        && let Some(a) = atoms.get(n)
        && let AtomKind::W(w) = a.kind
        && w.denominator().is_some()
        && let Some((frac, used)) = and_fraction(atoms, j + 1)
        && j + 1 + used > n
    {
        let (p, used) = mixed(p, &whole, frac, atoms, j + 1 + used);
        return Some(finish(p, used));
    }
    p.value = card.value();
    p.step = card.step();
    p.scale = card.final_scale;
    if let Some(s) = card.final_scale {
        p.mantissa = p.value / s;
    }

    let next = atoms.get(i);
    let only_one = (card.last == Last::A)
        || (n == 1 && matches!(atoms[0].kind, AtomKind::W(Word::Unit(1))))
        || (n == 1 && matches!(atoms[0].kind, AtomKind::Num(num) if num.plain && num.value == 1.0));

    // Ordinals and fractions.
    if let Some(a) = next
        && let AtomKind::W(w) = a.kind
        && (ordinal_word(w) || matches!(w, Word::Half { .. } | Word::Quarter { .. }))
    {
        return ordinal_or_fraction(text, atoms, card, n, only_one, p, w).map(|(p, used)| finish(p, used));
    }
    // "one twenty-fifth", "a twenty-first", "one one hundred fifth": 1 / ordinal.
    if only_one
        && next.is_some()
        && let Some((d, used, plural)) = ordinal_at(atoms, i)
        && d >= 3.0
        && used >= 2
    {
        let end = atoms[i + used - 1].end;
        if !(card.last == Last::A && noun_follows(text, end)) && (!plural || d > 1.0) {
            p.value = 1.0 / d;
            p.form = Form::Fraction;
            p.step = 0.0;
            return Some(finish(p, i + used));
        }
    }

    if n == 0 || card.last == Last::A {
        return None;
    }
    if card.last == Last::Zero && !matches!(next.map(|a| a.kind), Some(AtomKind::Point)) {
        p.value = 0.0;
        p.step = 1.0;
        return Some(finish(p, n));
    }

    // "two hundred point zero three"
    if let Some(a) = next
        && a.kind == AtomKind::Point
        && card.last != Last::Digits
    {
        let mut digits = String::new();
        let mut j = i + 1;
        while let Some(a) = atoms.get(j) {
            match a.kind {
                AtomKind::W(Word::Zero) => digits.push('0'),
                AtomKind::W(Word::Unit(u)) => digits.push((b'0' + u) as char),
                AtomKind::W(Word::Teen(t)) => digits.push_str(&t.to_string()),
                AtomKind::W(Word::Tens(t)) => {
                    if let Some(AtomKind::W(Word::Unit(u))) = atoms.get(j + 1).map(|a| a.kind) {
                        digits.push_str(&(t + u).to_string());
                        j += 1;
                    } else {
                        digits.push_str(&t.to_string());
                    }
                }
                _ => break,
            }
            j += 1;
        }
        if !digits.is_empty() {
            let frac: f64 = format!("0.{digits}").parse().unwrap_or(0.0);
            p.value = card.value() + frac;
            p.step = 10f64.powi(-(digits.len() as i32));
            i = j;
            if let Some(AtomKind::W(Word::Scale(s))) = atoms.get(i).map(|a| a.kind) {
                p.mantissa = p.value;
                p.value *= s;
                p.step *= s;
                p.scale = Some(s);
                i += 1;
            }
            return Some(finish(p, i));
        }
    }

    // Mixed numbers: "one and a half", "3 million and a half", "five and a half million".
    if let Some(a) = next
        && a.kind == AtomKind::And
        && let Some((frac, used)) = and_fraction(atoms, i + 1)
    {
        let (p, used) = mixed(p, &card, frac, atoms, i + 1 + used);
        return Some(finish(p, used));
    }

    // A vulgar fraction glyph after a whole number: 2½.
    if let Some(a) = next
        && let AtomKind::Glyph(g) = a.kind
        && card.last == Last::Digits
    {
        p.value = card.value() + g;
        p.step = 0.0;
        return Some(finish(p, i + 1));
    }
    Some(finish(p, n))
}

/// After "and": `a half`, `one fourth`, `two thirds`, `fifty-four
/// hundredths`: `(fraction, atoms used)`.
fn and_fraction(atoms: &[Atom], i: usize) -> Option<(f64, usize)> {
    let (numerator, n) = match atoms.get(i)?.kind {
        AtomKind::A => (1.0, 1),
        _ => {
            let (c, n) = cardinal(&atoms[i..]);
            if n == 0 || c.decimal || c.value() >= 1000.0 {
                return None;
            }
            (c.value(), n)
        }
    };
    let den = atoms.get(i + n)?;
    let AtomKind::W(w) = den.kind else { return None };
    let d = w.denominator()?;
    let plural = w.is_plural_fraction();
    if (plural && numerator == 1.0 && !matches!(w, Word::Half { .. })) || (!plural && numerator != 1.0) {
        return None;
    }
    // Only a proper fraction follows "and": "one hundred and thirty fifths" is 130/5.
    (numerator < d).then_some((numerator / d, n + 1))
}

/// A whole number plus a fraction, and a scale after them if any:
/// `3 million and a half`, `five and a half million`, `one billion and a
/// half million`. `i` is the index after the fraction.
fn mixed(mut p: Parsed, whole: &Card, frac: f64, atoms: &[Atom], mut i: usize) -> (Parsed, usize) {
    let mut value = whole.value();
    match atoms.get(i).map(|a| a.kind) {
        Some(AtomKind::W(Word::Scale(s))) => {
            if whole.last_scale.is_infinite() {
                value = (value + frac) * s;
            } else {
                value += frac * s;
            }
            p.scale = Some(s);
            i += 1;
        }
        _ if whole.last == Last::Scale => value += frac * whole.last_scale,
        _ => value += frac,
    }
    p.value = value;
    p.step = 0.0;
    p.form = Form::Cardinal;
    (p, i)
}

fn ordinal_or_fraction(
    text: &str,
    atoms: &[Atom],
    card: Card,
    n: usize,
    only_one: bool,
    mut p: Parsed,
    w: Word,
) -> Option<(Parsed, usize)> {
    let i = n;
    let a = atoms[i];
    let plural = w.is_plural_fraction();
    let end = a.end;
    let base = card.value();
    p.step = 0.0;

    // Scale after a fraction: "half million", "two thirds of a million", "half a dozen".
    let times_scale = |p: &mut Parsed, j: usize| -> usize {
        let mut k = j;
        if atoms.get(k).map(|a| a.kind) == Some(AtomKind::Of) {
            k += 1;
        }
        if atoms.get(k).map(|a| a.kind) == Some(AtomKind::A) {
            k += 1;
        }
        match atoms.get(k).map(|a| a.kind) {
            Some(AtomKind::W(Word::Scale(s))) => {
                p.value *= s;
                p.scale = Some(s);
                p.form = Form::Cardinal;
                k + 1
            }
            Some(AtomKind::W(Word::Hundred)) => {
                p.value *= 100.0;
                p.form = Form::Cardinal;
                k + 1
            }
            Some(AtomKind::W(Word::Dozen)) => {
                p.value *= 12.0;
                p.form = Form::Cardinal;
                k + 1
            }
            _ => j,
        }
    };

    match (card.last, w) {
        // "sixth", "hundredth", "trillionth"
        (Last::Start, _) if ordinal_word(w) && !plural => {
            p.value = match w {
                Word::OrdUnit { value, .. } | Word::OrdTeen { value, .. } | Word::OrdTens { value, .. } => {
                    f64::from(value)
                }
                Word::OrdScale { value, .. } => value,
                _ => return None,
            };
            p.form = Form::Ordinal;
            Some((p, i + 1))
        }
        // "half", "half a dozen", "half million"
        (Last::Start, Word::Half { plural: false }) => {
            p.value = 0.5;
            p.form = Form::Fraction;
            let used = times_scale(&mut p, i + 1);
            Some((p, used))
        }
        // "quarter million"; a bare "quarter" is usually a period of the year.
        (Last::Start, Word::Quarter { plural: false }) => {
            p.value = 0.25;
            p.form = Form::Fraction;
            let used = times_scale(&mut p, i + 1);
            (used > i + 1).then_some((p, used))
        }
        (Last::Start, _) => None,
        // "a third day" is an ordinal, "a third of" and "a fifth" are fractions.
        (Last::A, _) if !plural => {
            let d = w.denominator();
            let ordinal = noun_follows(text, end) || d.is_none();
            if ordinal && ordinal_word(w) {
                p.start = a.start;
                p.value = match w {
                    Word::OrdUnit { value, .. } | Word::OrdTeen { value, .. } | Word::OrdTens { value, .. } => {
                        f64::from(value)
                    }
                    Word::OrdScale { value, .. } => value,
                    _ => return None,
                };
                p.form = Form::Ordinal;
                // Report only the ordinal, not the article.
                return Some((p, i + 1));
            }
            p.value = 1.0 / d?;
            p.form = Form::Fraction;
            let used = times_scale(&mut p, i + 1);
            Some((p, used))
        }
        // "one eighth", "one hundredth"
        (Last::Unit, _) if only_one && !plural && w.denominator().is_some() => {
            p.value = 1.0 / w.denominator()?;
            p.form = Form::Fraction;
            let used = times_scale(&mut p, i + 1);
            Some((p, used))
        }
        // "twenty-first", "one hundred twenty fifth"
        (Last::Tens, Word::OrdUnit { value, plural: false }) => {
            p.value = base + f64::from(value);
            p.form = Form::Ordinal;
            Some((p, i + 1))
        }
        (
            Last::Hundred | Last::Scale,
            Word::OrdUnit { value, plural: false }
            | Word::OrdTeen { value, plural: false }
            | Word::OrdTens { value, plural: false },
        ) => {
            p.value = base + f64::from(value);
            p.form = Form::Ordinal;
            Some((p, i + 1))
        }
        // "two hundredth", "three trillionth", "a hundred trillionth"
        (
            Last::Unit | Last::Teen | Last::TensUnit | Last::Hundred | Last::Digits,
            Word::OrdScale { value, plural: false },
        ) => {
            p.value = base * value;
            p.form = Form::Ordinal;
            Some((p, i + 1))
        }
        // "two thirds", "twenty-three fifths", "one hundred thirty-fifths"
        (_, _) if plural => {
            let d = w.denominator()?;
            let (num, den) = match (card.last, w) {
                (Last::Tens, Word::OrdUnit { value, .. }) if a.hyphen_before && base > card.small => {
                    (base - card.small, card.small + f64::from(value))
                }
                _ => (base, d),
            };
            p.value = num / den;
            p.form = Form::Fraction;
            let used = times_scale(&mut p, i + 1);
            Some((p, used))
        }
        _ => {
            // Not an ordinal or fraction after all: keep the cardinal.
            p.value = base;
            p.step = card.step();
            p.form = Form::Cardinal;
            (n > 0).then_some((p, n))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::lexicon::english;
    use super::*;

    fn read(t: &str) -> Option<(f64, Form, &str)> {
        let mut atoms = Vec::new();
        collect(english(), t, 0, &mut atoms);
        let p = parse(t, &atoms)?;
        Some((p.value, p.form, &t[p.start..p.end]))
    }

    fn val(t: &str) -> f64 {
        read(t).unwrap().0
    }

    #[test]
    fn cardinals() {
        assert_eq!(val("twenty-one thousand four hundred"), 21400.0);
        assert_eq!(val("one hundred and sixty-one"), 161.0);
        assert_eq!(val("fifty - two"), 52.0);
        assert_eq!(val("two hundred and two thousand"), 202000.0);
        assert_eq!(val("two  thousand  and  two hundred"), 2200.0);
        assert_eq!(val("twenty-one trillion and three hundred"), 21000000000300.0);
        assert_eq!(val("4 thousand 3 hundred and 21"), 4321.0);
        assert_eq!(val("322 hundred"), 32200.0);
        assert_eq!(val("three lakh crore"), 3e12);
        assert_eq!(read("3 hundred and 2 hundred").unwrap().2, "3 hundred");
        assert_eq!(read("4 thousand 3 hundred and 0").unwrap().2, "4 thousand 3 hundred");
        assert_eq!(read("three-nought-four").unwrap().2, "three");
    }

    #[test]
    fn dozens_halves_and_fractions() {
        assert_eq!(val("a dozen"), 12.0);
        assert_eq!(val("half a  dozen"), 6.0);
        assert_eq!(val("three hundred and two dozens"), 324.0);
        assert_eq!(val("two thirds"), 2.0 / 3.0);
        assert_eq!(val("one hundred and three and two thirds"), 103.0 + 2.0 / 3.0);
        assert_eq!(val("five and a half million"), 5_500_000.0);
        assert_eq!(val("one billion and a half million"), 1_000_500_000.0);
        assert_eq!(val("3 million and a half"), 3_500_000.0);
        assert_eq!(val("two thirds of a million"), 2e6 / 3.0);
        assert_eq!(val("half million"), 500_000.0);
        assert_eq!(val("one hundred thirty-fifths"), 100.0 / 35.0);
        assert_eq!(val("one twenty-fifth"), 1.0 / 25.0);
        assert_eq!(val("one one hundred fifth"), 1.0 / 105.0);
        assert_eq!(val("a trillionth"), 1e-12);
    }

    #[test]
    fn ordinals() {
        assert_eq!(read("sixth visit"), Some((6.0, Form::Ordinal, "sixth")));
        assert_eq!(read("twenty-first"), Some((21.0, Form::Ordinal, "twenty-first")));
        assert_eq!(val("one hundred twenty fifth"), 125.0);
        assert_eq!(val("two hundredth"), 200.0);
        assert_eq!(val("a hundred trillionth"), 1e14);
        assert_eq!(read("a third day"), Some((3.0, Form::Ordinal, "third")));
        assert_eq!(read("a third of"), Some((1.0 / 3.0, Form::Fraction, "a third")));
    }

    #[test]
    fn decimals_in_words() {
        assert_eq!(val("two hundred point zero three"), 200.03);
        assert_eq!(val("two hundred point seventy-one"), 200.71);
        assert_eq!(val("nought point nought three"), 0.03);
    }

    #[test]
    fn vague() {
        assert_eq!(read("tens of thousands"), Some((20_000.0, Form::Vague(100_000.0), "tens of thousands")));
        assert_eq!(read("hundreds of sites"), Some((200.0, Form::Vague(1000.0), "hundreds")));
    }
}
