//! The recognizer's main loop: one regex finds candidate tokens (digits and
//! number words between ASCII word boundaries); each candidate is then read
//! in place, with the words around it, into a `Quantity`.

use std::sync::LazyLock;

use regex::Regex;

use super::calendar::{self, Found};
use super::context;
use super::interval::{integer_step, interval_for};
use super::lexicon::{self, Lexicon, Word};
use super::numeral::{self, Suffix};
use super::text::{digits_end, phrase_at, phrase_before, skip_space, word_at, word_before};
use super::words::{self, Atom, Form, Parsed};
use super::{Currency, Kind, Qualifier, Quantity, TimeUnit};

/// Finds figures in text. Build once, use from many threads.
pub struct Recognizer {
    lex: &'static Lexicon,
    candidates: Regex,
}

const GLYPHS: &str = "½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅛⅜⅝⅞";

static ENGLISH: LazyLock<Recognizer> = LazyLock::new(|| Recognizer::new(lexicon::english()));

/// The throughput baseline of the benchmark: a single regex that only finds
/// candidate number tokens, with ASCII word boundaries.
pub fn candidate_baseline() -> Regex {
    let words = lexicon::english().anchor_words.join("|");
    Regex::new(&format!(r"(?i)(?-u:\b)(?:[0-9]+|{words})(?-u:\b)")).expect("baseline regex")
}

/// Whether `q` takes the qualifier of `p` before it: "more than 9,500
/// women and 14,500 children" are both more than. Only a plural noun of a
/// word or two and "and" may stand between: in "about 1,200 killed and 250
/// abducted" each figure is as written.
fn shares_qualifier(text: &str, p: &Quantity, q: &Quantity) -> bool {
    use Qualifier::*;
    if q.qualifier != Bare
        || !matches!(p.qualifier, About | Nearly | Over | AtLeast | Under | AtMost)
        || p.kind != q.kind
        || !q.is_count()
    {
        return false;
    }
    let Some(nouns) = text[p.span.end..q.span.start].strip_prefix(' ').and_then(|t| t.strip_suffix(" and ")) else {
        return false;
    };
    let words: Vec<&str> = nouns.split(' ').collect();
    let plural =
        |w: &str| matches!(w, "women" | "men" | "children" | "people") || (w.ends_with('s') && !w.ends_with("ss"));
    words.len() <= 2
        && words.iter().all(|w| {
            !w.is_empty()
                && w.bytes().all(|b| b.is_ascii_alphabetic())
                && !w.ends_with("ed")
                && !matches!(*w, "were" | "are" | "was" | "is" | "has" | "have" | "had" | "been" | "be" | "as")
        })
        && words.last().is_some_and(|w| plural(w))
}

/// A figure being assembled.
struct Draft {
    start: usize,
    end: usize,
    value: f64,
    kind: Kind,
    qualifier: Qualifier,
    step: f64,
    range_hi: Option<f64>,
    unit: Option<String>,
}

enum Outcome {
    Found(Quantity),
    /// Nothing here; resume the search at this offset.
    Skip(usize),
}

impl Recognizer {
    fn new(lex: &'static Lexicon) -> Recognizer {
        let words = lex.anchor_words.join("|");
        let pattern = format!(r"(?i)(?-u:\b)(?:[0-9]|(?:{words})(?-u:\b))|[{GLYPHS}]");
        Recognizer { lex, candidates: Regex::new(&pattern).expect("candidate regex") }
    }

    /// The recognizer for English.
    pub fn english() -> &'static Recognizer {
        &ENGLISH
    }

    /// Every figure in `text`, in order, without overlaps.
    pub fn recognize(&self, text: &str) -> Vec<Quantity> {
        let mut out = Vec::new();
        let mut atoms = Vec::with_capacity(32);
        let mut pos = 0;
        let mut floor = 0;
        while pos < text.len() {
            let Some(m) = self.candidates.find_at(text, pos) else { break };
            match self.at(text, m.start(), m.end(), floor, &mut atoms) {
                Outcome::Found(mut q) => {
                    if let Some(p) = out.last()
                        && shares_qualifier(text, p, &q)
                    {
                        q = q.read_as(p.qualifier);
                    }
                    pos = q.span.end.max(m.end());
                    floor = q.span.end;
                    out.push(q);
                }
                Outcome::Skip(end) => pos = end.max(m.end()),
            }
        }
        out
    }

    fn at(&self, text: &str, cand: usize, cand_end: usize, floor: usize, atoms: &mut Vec<Atom>) -> Outcome {
        let lex = self.lex;
        let b = text.as_bytes();
        if let Some(end) = context::inside_link(text, cand) {
            return Outcome::Skip(end);
        }
        let digit = b[cand].is_ascii_digit();
        if digit {
            if let Some(end) = context::thread_marker(text, cand) {
                let value = text[cand..end].split('/').next().and_then(|n| n.parse().ok()).unwrap_or(0.0);
                return Outcome::Found(finish_plain(text, cand, end, value, Kind::Identifier));
            }
            if let Some((r, found)) = calendar::at(lex, text, cand, floor) {
                let (kind, value, last) = match found {
                    Found::Date(d, last) => (Kind::Date(d), f64::from(d.day.unwrap_or(0)), last),
                    Found::Time(t) => (Kind::Time(t), f64::from(t.hour) + f64::from(t.minute) / 60.0, None),
                };
                let mut q = finish_plain(text, r.start, r.end, value, kind);
                // A span of days: the first day, and the last as the range's end.
                q.range_hi = last.map(f64::from);
                return Outcome::Found(q);
            }
            let n = numeral::parse(lex, text, cand);
            if n.dotted {
                return Outcome::Found(finish_plain(text, n.start, n.end, n.value, Kind::Identifier));
            }
            if let Some((s, e)) = context::identifier(lex, text, n.start, n.suffix_end, floor) {
                if n.plain
                    && n.int_len == 4
                    && (1000.0..=2100.0).contains(&n.value)
                    && b.get(n.start.wrapping_sub(1)) == Some(&b'-')
                {
                    return Outcome::Found(finish_plain(text, s, n.end, n.value, Kind::Year));
                }
                return Outcome::Found(finish_plain(text, s, e, n.value, Kind::Identifier));
            }
            match n.suffix {
                Suffix::Glued => return Outcome::Skip(n.suffix_end),
                Suffix::Ordinal => {
                    let mut d = draft(n.start, n.suffix_end, n.value, Kind::Ordinal, 0.0);
                    if let Some(s) = context::rank_before(lex, text, d.start, floor) {
                        d.start = s;
                    }
                    return Outcome::Found(finish(text, d));
                }
                Suffix::Plural => {
                    if n.plain && n.int_len == 4 && n.value % 10.0 == 0.0 && (1000.0..=2100.0).contains(&n.value) {
                        return Outcome::Found(finish_plain(text, n.start, n.suffix_end, n.value, Kind::Year));
                    }
                    let v = n.value;
                    let power_of_ten =
                        v >= 10.0 && v.fract() == 0.0 && (v as u64).to_string().trim_end_matches('0') == "1";
                    if n.plain && power_of_ten {
                        let mut d = draft(n.start, n.suffix_end, 2.0 * v, Kind::Cardinal, v);
                        d.qualifier = Qualifier::Vague;
                        d.range_hi = Some(10.0 * v);
                        return Outcome::Found(finish(text, d));
                    }
                    return Outcome::Skip(n.suffix_end);
                }
                Suffix::Scale { mult, money_only: true } => {
                    let Some((cur, s)) = context::currency_before(lex, text, n.start, floor) else {
                        // "1.7m people", "1.7m of Gaza's 2.2m": millions of
                        // people; "a 5m wall" is metres, and stays unread.
                        if counts_people_after(text, n.suffix_end) {
                            let step = numeral_step(n.value, n.frac_digits) * mult;
                            let mut d = draft(n.start, n.suffix_end, n.value * mult, Kind::Cardinal, step);
                            self.qualify(text, &mut d, floor);
                            return Outcome::Found(finish(text, d));
                        }
                        return Outcome::Skip(n.suffix_end);
                    };
                    let step = numeral_step(n.value, n.frac_digits) * mult;
                    let mut d = draft(s, n.suffix_end, n.value * mult, Kind::Money(cur), step);
                    self.qualify(text, &mut d, floor);
                    return Outcome::Found(finish(text, d));
                }
                _ => {}
            }
        }

        // A leading article belongs to "a dozen", "a third of", "an estimated".
        let mut start = cand;
        if !digit
            && let Some((s, w)) = word_before(text, cand)
            && s >= floor
            && lex.connectors.a.iter().any(|a| a.eq_ignore_ascii_case(w))
        {
            start = s;
        }
        words::collect(lex, text, start, atoms);
        let mut parsed = words::parse(text, atoms);
        if parsed.is_none() && start != cand {
            // "a two-state solution": the article belongs to the noun.
            words::collect(lex, text, cand, atoms);
            parsed = words::parse(text, atoms);
        }
        let Some(p) = parsed else {
            return Outcome::Skip(cand_end);
        };
        if p.end <= cand {
            return Outcome::Skip(cand_end);
        }
        self.build(text, p, floor, atoms)
    }

    /// Turn a parsed figure and its surroundings into a quantity.
    fn build(&self, text: &str, p: Parsed, floor: usize, atoms: &mut Vec<Atom>) -> Outcome {
        let lex = self.lex;
        let (kind, qualifier, range_hi) = match p.form {
            Form::Cardinal => (Kind::Cardinal, Qualifier::Bare, None),
            Form::Ordinal => (Kind::Ordinal, Qualifier::Bare, None),
            Form::Fraction => (Kind::Ratio, Qualifier::Bare, None),
            Form::Vague(hi) => (Kind::Cardinal, Qualifier::Vague, Some(hi)),
            Form::Couple => (Kind::Cardinal, Qualifier::About, None),
        };
        let mut d =
            Draft { start: p.start, end: p.end, value: p.value, kind, qualifier, step: p.step, range_hi, unit: None };

        // Words that make the number something other than a figure.
        if (matches!(p.single_word, Some(Word::Unit(_))) || p.numeral.is_some_and(|n| n.plain))
            && let Some(e) = context::idiom_after(lex, text, p.end)
        {
            return Outcome::Found(finish_plain(text, p.start, e, p.value, Kind::Idiom));
        }
        if p.single_word == Some(Word::Unit(1)) && context::pronoun_one(lex, text, p.start, p.end) {
            return Outcome::Skip(p.end);
        }

        // Years: a plain four-digit number, unless the words around it make it a count.
        if let Some(n) = p.numeral
            && n.plain
            && n.int_len == 4
            && (1000.0..=2100.0).contains(&n.value)
            && context::currency_before(lex, text, p.start, floor).is_none()
            && context::qualifier_before(lex, text, p.start, floor).is_none()
            && context::percent_after(lex, text, p.end).is_none()
            && context::reads_as_year(lex, text, p.end)
        {
            let end = context::year_span_after(text, p.end, n.value as u32).unwrap_or(p.end);
            return Outcome::Found(finish_plain(text, p.start, end, n.value, Kind::Year));
        }

        if d.kind == Kind::Cardinal && d.qualifier == Qualifier::Bare {
            if let Some(r) = self.ratio_or_fraction(text, &p, atoms) {
                d.end = r.0;
                d.value = r.1;
                d.kind = Kind::Ratio;
                d.step = 0.0;
            } else if let Some((end, hi)) = self.range_after(text, &mut d, &p, atoms) {
                d.end = end;
                d.range_hi = Some(hi);
                d.qualifier = Qualifier::Range;
            }
        }

        self.units_after(text, &mut d);
        self.qualify(text, &mut d, floor);
        if d.kind == Kind::Ordinal
            && let Some(s) = context::rank_before(lex, text, d.start, floor)
        {
            d.start = s;
        }
        // "number four priority" is a rank even though "four" is a cardinal word.
        if d.kind == Kind::Cardinal
            && d.qualifier == Qualifier::Bare
            && p.form == Form::Cardinal
            && let Some(s) = context::rank_before(lex, text, d.start, floor)
            && phrase_before(text, s, "a", true).is_none()
            && phrase_at(text, skip_space(text, d.end), "of").is_none()
        {
            d.start = s;
            d.kind = Kind::Ordinal;
            d.step = 0.0;
        }
        Outcome::Found(finish(text, d))
    }

    /// `two to one`, `3:1`, `one in five`, `two out of three`, `1 over 3`:
    /// `(end, value)`.
    fn ratio_or_fraction(&self, text: &str, p: &Parsed, atoms: &mut Vec<Atom>) -> Option<(usize, f64)> {
        let lex = self.lex;
        let c = &lex.connectors;
        let a = p.value;
        if p.scale.is_some() || a.fract() != 0.0 {
            return None;
        }
        let b = text.as_bytes();
        // 3:1
        if b.get(p.end) == Some(&b':') && p.numeral.is_some() {
            let e = digits_end(text, p.end + 1);
            if e == p.end + 2 && !b.get(e).is_some_and(u8::is_ascii_alphanumeric) {
                let den = f64::from(b[p.end + 1] - b'0');
                if den > 0.0 && den < a {
                    return Some((e, a / den));
                }
            }
            return None;
        }
        let s = skip_space(text, p.end);
        if s == p.end {
            return None;
        }
        let after = |e: usize, atoms: &mut Vec<Atom>| -> Option<Parsed> {
            let q = skip_space(text, e);
            if q == e {
                return None;
            }
            words::collect(lex, text, q, atoms);
            let r = words::parse(text, atoms)?;
            (r.form == Form::Cardinal && r.value.fract() == 0.0 && r.value > 0.0).then_some(r)
        };
        let from_before = word_before(text, p.start).is_some_and(|(_, w)| w.eq_ignore_ascii_case(c.from));
        if let Some(e) = phrase_at(text, s, c.to)
            && !from_before
            && let Some(r) = after(e, atoms)
            && r.value < a
            && r.value <= 10.0
            && r.scale.is_none()
        {
            return Some((r.end, a / r.value));
        }
        if let Some(e) = phrase_at(text, s, c.out_of)
            && let Some(r) = after(e, atoms)
            && a < r.value
        {
            return Some((r.end, a / r.value));
        }
        if let Some(e) = phrase_at(text, s, c.in_)
            && a == 1.0
            && let Some(r) = after(e, atoms)
            && r.value > 1.0
            && !(r.numeral.is_some_and(|n| n.plain && n.int_len == 4))
        {
            return Some((r.end, a / r.value));
        }
        if let Some(e) = phrase_at(text, s, c.over)
            && let Some(r) = after(e, atoms)
        {
            // "1 over 3" ends there; "2000 over 3 years" is a span of time.
            let q = skip_space(text, r.end);
            if !b.get(q).is_some_and(u8::is_ascii_alphanumeric) {
                return Some((r.end, a / r.value));
            }
        }
        None
    }

    /// `1,100-1,200`, `five to ten`, `one or two`, `between 1,100 and 1,200`:
    /// `(end, high)`. May rescale the low end (`1.5-2 million`).
    fn range_after(&self, text: &str, d: &mut Draft, p: &Parsed, atoms: &mut Vec<Atom>) -> Option<(usize, f64)> {
        let lex = self.lex;
        let c = &lex.connectors;
        let b = text.as_bytes();
        let between = phrase_before(text, d.start, c.between, true);
        let s = skip_space(text, p.end);
        let (conn_end, hyphen) = if let Some(e) = between.and_then(|_| phrase_at(text, s, c.and)) {
            (e, false)
        } else if between.is_some() {
            return None;
        } else if let Some(ch @ ('-' | '–' | '—')) = super::text::char_at(text, s) {
            (s + ch.len_utf8(), true)
        } else if let Some(e) = phrase_at(text, s, c.to) {
            if word_before(text, p.start).is_some_and(|(_, w)| w.eq_ignore_ascii_case(c.from)) {
                return None;
            }
            (e, false)
        } else if let Some(e) = phrase_at(text, s, c.or) {
            (e, false)
        } else {
            return None;
        };
        let mut q = skip_space(text, conn_end);
        // "$1-$2 billion"
        if let Kind::Money(_) | Kind::Cardinal = d.kind
            && b.get(q) == Some(&b'$')
        {
            q += 1;
        }
        if hyphen && !(p.numeral.is_some() && b.get(q).is_some_and(u8::is_ascii_digit)) {
            return None;
        }
        if !b.get(q).is_some_and(|c| c.is_ascii_alphanumeric()) {
            return None;
        }
        words::collect(lex, text, q, atoms);
        let r = words::parse(text, atoms)?;
        if r.form != Form::Cardinal {
            return None;
        }
        if hyphen && r.numeral.is_some_and(|n| !matches!(n.suffix, Suffix::None | Suffix::Scale { .. })) {
            return None;
        }
        // A hyphen range is not part of a longer code (1-2-3).
        if hyphen && matches!(b.get(r.end), Some(b'-' | b'/')) {
            return None;
        }
        let mut lo = d.value;
        if p.scale.is_none()
            && let Some(s) = r.scale
            && lo < r.mantissa
        {
            lo *= s;
            d.step *= s;
        }
        if lo >= r.value {
            return None;
        }
        let is_or = phrase_at(text, s, c.or).is_some();
        if is_or && r.value > 10.0 * lo.max(1.0) {
            return None;
        }
        // "the toll rose by 106 to 35,562": a change, then the new level.
        if !is_or
            && !hyphen
            && r.value > 10.0 * lo.max(1.0)
            && word_before(text, p.start).is_some_and(|(_, w)| w.eq_ignore_ascii_case("by"))
        {
            return None;
        }
        d.value = lo;
        if let Some(bs) = between {
            d.start = bs;
        }
        Some((r.end, r.value))
    }

    /// Percent, currency words, time units and trailing qualifiers.
    fn units_after(&self, text: &str, d: &mut Draft) {
        let lex = self.lex;
        if !matches!(d.kind, Kind::Cardinal | Kind::Ratio) {
            if let Some((q, e)) = context::qualifier_after(lex, text, d.end) {
                d.qualifier = q;
                d.end = e;
            }
            return;
        }
        if let Some((q, e)) = context::qualifier_after(lex, text, d.end)
            && d.qualifier == Qualifier::Bare
        {
            d.qualifier = q;
            d.end = e;
        }
        if d.kind == Kind::Cardinal {
            if let Some((e, points)) = context::percent_after(lex, text, d.end) {
                d.kind = Kind::Percent;
                d.end = e;
                d.unit = Some(if points { "percentage point" } else { "%" }.to_string());
            } else if let Some((cur, e)) = context::currency_after(lex, text, d.end) {
                d.kind = Kind::Money(cur);
                d.end = e;
            } else if let Some((u, e)) = context::time_unit_after(lex, text, d.end) {
                d.kind = Kind::Duration(u);
                d.end = e;
                // "a 3-year-old": an age, still a duration in years.
                if text[e..].starts_with("-old") {
                    d.end = e + 4;
                }
            }
        }
        if d.qualifier == Qualifier::Bare
            && let Some((q, e)) = context::qualifier_after(lex, text, d.end)
        {
            d.qualifier = q;
            d.end = e;
        }
        // "240 hostages or more": the bound may follow the counted noun.
        if d.qualifier == Qualifier::Bare
            && let Some((e, _)) = word_at(text, skip_space(text, d.end))
            && let Some((q, e)) = context::qualifier_after(lex, text, e)
            && text[d.end..e].contains(" or ")
        {
            d.qualifier = q;
            d.end = e;
        }
    }

    /// Currency symbols, signs and qualifiers before the figure.
    fn qualify(&self, text: &str, d: &mut Draft, floor: usize) {
        let lex = self.lex;
        if matches!(d.kind, Kind::Cardinal | Kind::Ratio | Kind::Percent)
            && let Some((cur, s)) = context::currency_before(lex, text, d.start, floor)
        {
            d.kind = Kind::Money(cur);
            d.start = s;
        }
        if d.kind == Kind::Cardinal
            && let Some(s) = context::percent_of_before(lex, text, d.start, floor)
        {
            d.kind = Kind::Percent;
            d.unit = Some("%".to_string());
            d.start = s;
        }
        if matches!(d.kind, Kind::Cardinal | Kind::Money(_) | Kind::Percent | Kind::Ratio)
            && let Some(s) = context::negative_before(lex, text, d.start, floor)
        {
            d.value = -d.value;
            if let Some(hi) = d.range_hi {
                d.range_hi = Some(-hi);
            }
            d.start = s;
        }
        if d.qualifier == Qualifier::Bare
            && d.kind != Kind::Ordinal
            && let Some((q, s)) = context::qualifier_before(lex, text, d.start, floor)
        {
            // "over 72 hours" reads as "during"; "more than 72 hours" is a bound.
            let temporal = matches!(d.kind, Kind::Duration(_))
                && matches!(q, Qualifier::Over | Qualifier::Under)
                && phrase_before(text, d.start, "over", true).or_else(|| phrase_before(text, d.start, "under", true))
                    == Some(s);
            if !temporal {
                d.qualifier = q;
                d.start = s;
                // Two lower bounds stacked by an edit ("at least more than
                // 40,000"): one bound, the strict one if either is.
                if matches!(q, Qualifier::Over | Qualifier::AtLeast)
                    && let Some((q2, s2)) = context::qualifier_before(lex, text, s, floor)
                    && matches!(q2, Qualifier::Over | Qualifier::AtLeast)
                {
                    d.start = s2;
                    if q2 == Qualifier::Over {
                        d.qualifier = q2;
                    }
                }
            }
        }
        if d.qualifier == Qualifier::Bare
            && d.kind == Kind::Cardinal
            && d.step >= 100.0
            && let Some((s, lo, hi)) = context::vague_modifier_before(lex, text, d.start, floor)
        {
            let unit = d.value;
            d.start = s;
            if lo == hi {
                d.value = lo * unit;
                d.qualifier = Qualifier::About;
                d.step = unit;
            } else {
                d.value = lo * unit;
                d.range_hi = Some(hi * unit);
                d.qualifier = Qualifier::Vague;
            }
        }
    }
}

/// Whether the words after a figure with a bare `m` say it counts people:
/// a noun for them, or "of" and a place's name ("of Gaza's").
fn counts_people_after(text: &str, end: usize) -> bool {
    const PEOPLE: [&str; 12] = [
        "people",
        "Palestinians",
        "Gazans",
        "residents",
        "inhabitants",
        "civilians",
        "children",
        "refugees",
        "displaced",
        "Israelis",
        "persons",
        "women",
    ];
    let p = skip_space(text, end);
    if p == end {
        return false;
    }
    match word_at(text, p) {
        Some((_, w)) if PEOPLE.contains(&w) => true,
        Some((e, "of")) => {
            let q = skip_space(text, e);
            word_at(text, q).is_some_and(|(we, w)| {
                w.starts_with(|c: char| c.is_ascii_uppercase())
                    && (text[we..].starts_with("'s") || text[we..].starts_with("’s"))
            })
        }
        _ => false,
    }
}

fn draft(start: usize, end: usize, value: f64, kind: Kind, step: f64) -> Draft {
    Draft { start, end, value, kind, qualifier: Qualifier::Bare, step, range_hi: None, unit: None }
}

fn numeral_step(value: f64, frac_digits: u32) -> f64 {
    if frac_digits > 0 { 10f64.powi(-(frac_digits as i32)) } else { integer_step(value) }
}

/// A quantity that is not a count: no interval.
fn finish_plain(text: &str, start: usize, end: usize, value: f64, kind: Kind) -> Quantity {
    Quantity {
        span: start..end,
        text: text[start..end].into(),
        value,
        kind,
        qualifier: Qualifier::Bare,
        range_hi: None,
        step: 0.0,
        interval: None,
        unit: None,
    }
}

fn finish(text: &str, mut d: Draft) -> Quantity {
    // A sign before a range ("-5-10") negates both ends: keep them in order.
    if let Some(hi) = d.range_hi
        && hi < d.value
    {
        d.range_hi = Some(d.value);
        d.value = hi;
    }
    let unit = d.unit.or_else(|| match d.kind {
        Kind::Money(Currency(code)) => Some(code.to_string()),
        Kind::Percent => Some("%".to_string()),
        Kind::Duration(u) => Some(TimeUnit::name(u).to_string()),
        _ => None,
    });
    let step = if d.kind == Kind::Ordinal { 0.0 } else { d.step };
    let interval = interval_for(d.value, step, d.qualifier, d.range_hi);
    Quantity {
        span: d.start..d.end,
        text: text[d.start..d.end].into(),
        value: d.value,
        kind: d.kind,
        qualifier: d.qualifier,
        range_hi: d.range_hi,
        step,
        interval: Some(interval),
        unit: unit.map(String::into_boxed_str),
    }
}
