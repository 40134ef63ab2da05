//! The words of a language that the recognizer needs: number words, scales,
//! qualifiers, currencies, months, time units and the cue words that mark a
//! number as an identifier or an idiom. Another language is another
//! `Lexicon` value; the grammar in the sibling modules only reads tables.

use std::collections::HashMap;
use std::sync::LazyLock;

use super::{Currency, Qualifier, TimeUnit};

/// The number words by name: looked up for every word of every figure
/// written in words, so with a fast hash (the keys are our own, not input).
type Words = HashMap<&'static str, Word, foldhash::fast::FixedState>;

/// What a single number word contributes to a figure.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Word {
    /// zero, nought, naught
    Zero,
    /// one … nine
    Unit(u8),
    /// ten … nineteen
    Teen(u8),
    /// twenty … ninety
    Tens(u8),
    Hundred,
    /// thousand, million, lakh, crore …
    Scale(f64),
    /// dozen(s), doz, dzs: multiplies what precedes it by twelve
    Dozen,
    /// first … ninth
    OrdUnit {
        value: u8,
        plural: bool,
    },
    /// tenth … nineteenth
    OrdTeen {
        value: u8,
        plural: bool,
    },
    /// twentieth … ninetieth
    OrdTens {
        value: u8,
        plural: bool,
    },
    /// hundredth, thousandth, millionth …
    OrdScale {
        value: f64,
        plural: bool,
    },
    /// half, halves
    Half {
        plural: bool,
    },
    /// quarter, quarters
    Quarter {
        plural: bool,
    },
    /// tens, hundreds, thousands, millions, dozens: "tens of thousands"
    Vague(f64),
    /// couple (only in "a couple of")
    Couple,
}

impl Word {
    /// The denominator when the word names a fraction ("thirds", "a fifth").
    pub(crate) fn denominator(self) -> Option<f64> {
        match self {
            Word::OrdUnit { value, .. } if value >= 3 => Some(f64::from(value)),
            Word::OrdTeen { value, .. } | Word::OrdTens { value, .. } => Some(f64::from(value)),
            Word::OrdScale { value, .. } => Some(value),
            Word::Half { .. } => Some(2.0),
            Word::Quarter { .. } => Some(4.0),
            _ => None,
        }
    }

    pub(crate) fn is_plural_fraction(self) -> bool {
        match self {
            Word::OrdUnit { plural, value } => plural && value >= 3,
            Word::OrdTeen { plural, .. }
            | Word::OrdTens { plural, .. }
            | Word::OrdScale { plural, .. }
            | Word::Half { plural }
            | Word::Quarter { plural } => plural,
            _ => false,
        }
    }
}

/// All tables for one language.
pub(crate) struct Lexicon {
    words: Words,
    /// Words that may start a figure, for the candidate regex.
    pub(crate) anchor_words: Vec<&'static str>,
    /// Qualifier phrases written before a figure, lower case, listed by
    /// their last byte (in their order within each list): every candidate
    /// figure looks back for one, and most bytes before a figure end none.
    pub(crate) qualifiers_before: Vec<Vec<(&'static str, Qualifier)>>,
    /// Qualifier phrases written after a figure.
    pub(crate) qualifiers_after: &'static [(&'static str, Qualifier)],
    /// Currency symbols and codes written before the amount.
    pub(crate) currency_before: &'static [(&'static str, Currency)],
    /// Currency words written after the amount.
    pub(crate) currency_after: &'static [(&'static str, Currency)],
    /// Scale abbreviations glued to digits or after one space (10k, $1.2bn).
    pub(crate) scale_suffixes: &'static [(&'static str, f64, SuffixUse)],
    pub(crate) percent_words: &'static [&'static str],
    pub(crate) months: &'static [(&'static str, u8)],
    pub(crate) time_units: &'static [(&'static str, TimeUnit)],
    /// Capitalised words after which a number names something (Resolution 1701).
    pub(crate) identifier_cues: &'static [&'static str],
    /// Words before "one" that make it a pronoun (the one, this one).
    pub(crate) pronoun_determiners: &'static [&'static str],
    /// Nouns in "two-state solution"-like compounds where the number is a name.
    pub(crate) idiom_nouns: &'static [&'static str],
    /// Nouns that, right after a four-digit number, make it a count rather than a year.
    pub(crate) count_nouns: &'static [&'static str],
    pub(crate) connectors: Connectors,
}

/// Where a scale abbreviation may appear.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum SuffixUse {
    /// Always a scale (10k, 2mil, 1.2bn).
    Always,
    /// Only for money (lower-case m: `$135m`, but `1m` may be a metre).
    MoneyOnly,
}

/// Function words of the number grammar.
pub(crate) struct Connectors {
    pub(crate) and: &'static str,
    pub(crate) a: &'static [&'static str],
    pub(crate) of: &'static str,
    pub(crate) point: &'static str,
    pub(crate) between: &'static str,
    pub(crate) to: &'static str,
    pub(crate) or: &'static str,
    pub(crate) from: &'static str,
    pub(crate) over: &'static str,
    pub(crate) out_of: &'static str,
    pub(crate) in_: &'static str,
    pub(crate) negative: &'static [&'static str],
    pub(crate) rank: &'static [&'static str],
    pub(crate) vague_modifiers: &'static [&'static str],
}

impl Lexicon {
    pub(crate) fn word(&self, lower: &str) -> Option<Word> {
        self.words.get(lower).copied()
    }
}

const UNITS: [&str; 9] = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"];
const TEENS: [&str; 10] =
    ["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"];
const TENS: [&str; 8] = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];
const ORD_UNITS: [&str; 9] = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth"];
const ORD_TEENS: [&str; 10] = [
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
];
const ORD_TENS: [&str; 8] =
    ["twentieth", "thirtieth", "fortieth", "fiftieth", "sixtieth", "seventieth", "eightieth", "ninetieth"];
const SCALES: [(&str, f64); 6] =
    [("thousand", 1e3), ("million", 1e6), ("billion", 1e9), ("trillion", 1e12), ("lakh", 1e5), ("crore", 1e7)];

fn english_words() -> Words {
    let mut w = Words::default();
    for z in ["zero", "nought", "naught"] {
        w.insert(z, Word::Zero);
    }
    for (i, s) in UNITS.iter().enumerate() {
        w.insert(*s, Word::Unit(i as u8 + 1));
    }
    for (i, s) in TEENS.iter().enumerate() {
        w.insert(*s, Word::Teen(i as u8 + 10));
    }
    w.insert("fourty", Word::Tens(40));
    for (i, s) in TENS.iter().enumerate() {
        w.insert(*s, Word::Tens((i as u8 + 2) * 10));
    }
    w.insert("hundred", Word::Hundred);
    w.insert("hundreds", Word::Vague(100.0));
    w.insert("tens", Word::Vague(10.0));
    for (s, v) in SCALES {
        w.insert(s, Word::Scale(v));
    }
    for (s, v) in [("thousands", 1e3), ("millions", 1e6), ("billions", 1e9), ("trillions", 1e12)] {
        w.insert(s, Word::Vague(v));
    }
    for (s, v) in [("lakhs", 1e5), ("crores", 1e7), ("bln", 1e9), ("tln", 1e12)] {
        w.insert(s, Word::Scale(v));
    }
    for d in ["dozen", "doz", "dozs", "dzs", "dz"] {
        w.insert(d, Word::Dozen);
    }
    w.insert("dozens", Word::Vague(12.0));
    for (i, s) in ORD_UNITS.iter().enumerate() {
        let value = i as u8 + 1;
        w.insert(*s, Word::OrdUnit { value, plural: false });
    }
    w.insert("nineth", Word::OrdUnit { value: 9, plural: false });
    // Plural ordinals are fraction denominators ("two thirds"); "firsts" and
    // "seconds" are left out: "seconds" is a time unit.
    for (s, value) in
        [("thirds", 3), ("fourths", 4), ("fifths", 5), ("sixths", 6), ("sevenths", 7), ("eighths", 8), ("ninths", 9)]
    {
        w.insert(s, Word::OrdUnit { value, plural: true });
    }
    for (i, s) in ORD_TEENS.iter().enumerate() {
        let value = i as u8 + 10;
        w.insert(*s, Word::OrdTeen { value, plural: false });
    }
    for (i, s) in ORD_TENS.iter().enumerate() {
        let value = (i as u8 + 2) * 10;
        w.insert(*s, Word::OrdTens { value, plural: false });
    }
    for (s, value) in [
        ("tenths", 10),
        ("elevenths", 11),
        ("twelfths", 12),
        ("thirteenths", 13),
        ("fourteenths", 14),
        ("fifteenths", 15),
        ("sixteenths", 16),
        ("seventeenths", 17),
        ("eighteenths", 18),
        ("nineteenths", 19),
    ] {
        w.insert(s, Word::OrdTeen { value, plural: true });
    }
    for (s, value) in [
        ("twentieths", 20),
        ("thirtieths", 30),
        ("fortieths", 40),
        ("fiftieths", 50),
        ("sixtieths", 60),
        ("seventieths", 70),
        ("eightieths", 80),
        ("ninetieths", 90),
    ] {
        w.insert(s, Word::OrdTens { value, plural: true });
    }
    for (s, value) in
        [("hundredth", 1e2), ("thousandth", 1e3), ("millionth", 1e6), ("billionth", 1e9), ("trillionth", 1e12)]
    {
        w.insert(s, Word::OrdScale { value, plural: false });
    }
    for (s, value) in
        [("hundredths", 1e2), ("thousandths", 1e3), ("millionths", 1e6), ("billionths", 1e9), ("trillionths", 1e12)]
    {
        w.insert(s, Word::OrdScale { value, plural: true });
    }
    w.insert("half", Word::Half { plural: false });
    w.insert("halves", Word::Half { plural: true });
    w.insert("quarter", Word::Quarter { plural: false });
    w.insert("quarters", Word::Quarter { plural: true });
    w.insert("couple", Word::Couple);
    w
}

static ENGLISH: LazyLock<Lexicon> = LazyLock::new(|| {
    let words = english_words();
    let mut anchor_words: Vec<&'static str> = words.keys().copied().collect();
    // Longest first, so the alternation prefers "sixteenth" over "six".
    anchor_words.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
    Lexicon {
        words,
        anchor_words,
        qualifiers_before: by_last_byte(&[
            // Before "over" and "more than": the longer phrase is the qualifier.
            ("a little over", Qualifier::Over),
            ("a little more than", Qualifier::Over),
            ("slightly over", Qualifier::Over),
            ("slightly more than", Qualifier::Over),
            ("a little under", Qualifier::Nearly),
            ("slightly under", Qualifier::Nearly),
            ("slightly less than", Qualifier::Nearly),
            ("just shy of", Qualifier::Nearly),
            ("shy of", Qualifier::Nearly),
            ("just short of", Qualifier::Nearly),
            ("north of", Qualifier::Over),
            ("south of", Qualifier::Under),
            ("no fewer than", Qualifier::AtLeast),
            ("no less than", Qualifier::AtLeast),
            ("not less than", Qualifier::AtLeast),
            ("no more than", Qualifier::AtMost),
            ("not more than", Qualifier::AtMost),
            // "As many as 1.9 million people … have been displaced": that many at most.
            ("as many as", Qualifier::AtMost),
            ("as much as", Qualifier::AtMost),
            ("in excess of", Qualifier::Over),
            ("an estimated", Qualifier::About),
            ("upwards of", Qualifier::Over),
            ("upward of", Qualifier::Over),
            ("more than", Qualifier::Over),
            ("greater than", Qualifier::Over),
            ("just over", Qualifier::Over),
            ("well over", Qualifier::Over),
            ("just under", Qualifier::Nearly),
            ("fewer than", Qualifier::Under),
            ("less than", Qualifier::Under),
            ("well under", Qualifier::Under),
            ("close to", Qualifier::Nearly),
            ("closer to", Qualifier::Nearly),
            ("close on", Qualifier::Nearly),
            ("at least", Qualifier::AtLeast),
            ("at most", Qualifier::AtMost),
            ("up to", Qualifier::AtMost),
            ("approximately", Qualifier::About),
            ("an approximate", Qualifier::About),
            ("estimated", Qualifier::About),
            ("roughly", Qualifier::About),
            ("around", Qualifier::About),
            ("about", Qualifier::About),
            ("nearly", Qualifier::Nearly),
            ("almost", Qualifier::Nearly),
            // "The toll is approaching 25,000": not yet there.
            ("approaching", Qualifier::Nearly),
            ("nearing", Qualifier::Nearly),
            // "a death toll exceeding 56,000": past it, as "more than".
            ("exceeding", Qualifier::Over),
            ("surpassing", Qualifier::Over),
            ("some", Qualifier::About),
            ("approx.", Qualifier::About),
            ("circa", Qualifier::About),
            ("ca.", Qualifier::About),
            ("c.", Qualifier::About),
            ("over", Qualifier::Over),
            ("above", Qualifier::Over),
            ("under", Qualifier::Under),
            ("below", Qualifier::Under),
            ("~", Qualifier::About),
            ("≈", Qualifier::About),
            (">", Qualifier::Over),
            ("<", Qualifier::Under),
            ("≥", Qualifier::AtLeast),
            ("≤", Qualifier::AtMost),
        ]),
        qualifiers_after: &[
            ("-plus", Qualifier::Over),
            ("+", Qualifier::Over),
            (" or more", Qualifier::AtLeast),
            (" or so", Qualifier::About),
            (" or fewer", Qualifier::AtMost),
            (" or less", Qualifier::AtMost),
            ("-odd", Qualifier::About),
        ],
        currency_before: &[
            ("US$", Currency("USD")),
            ("US $", Currency("USD")),
            ("A$", Currency("AUD")),
            ("C$", Currency("CAD")),
            ("$", Currency("USD")),
            ("USD", Currency("USD")),
            ("€", Currency("EUR")),
            ("EUR", Currency("EUR")),
            ("£", Currency("GBP")),
            ("GBP", Currency("GBP")),
            ("¥", Currency("JPY")),
            ("₪", Currency("ILS")),
            ("NIS", Currency("ILS")),
        ],
        currency_after: &[
            ("US dollars", Currency("USD")),
            ("dollars", Currency("USD")),
            ("dollar", Currency("USD")),
            ("USD", Currency("USD")),
            ("euros", Currency("EUR")),
            ("euro", Currency("EUR")),
            ("EUR", Currency("EUR")),
            ("pounds sterling", Currency("GBP")),
            ("shekels", Currency("ILS")),
            ("NIS", Currency("ILS")),
            ("yen", Currency("JPY")),
        ],
        scale_suffixes: &[
            ("bln", 1e9, SuffixUse::Always),
            ("tln", 1e12, SuffixUse::Always),
            ("mln", 1e6, SuffixUse::Always),
            ("mil", 1e6, SuffixUse::Always),
            ("bn", 1e9, SuffixUse::Always),
            ("tn", 1e12, SuffixUse::Always),
            ("mn", 1e6, SuffixUse::Always),
            ("MM", 1e6, SuffixUse::Always),
            ("mm", 1e6, SuffixUse::Always),
            ("k", 1e3, SuffixUse::Always),
            ("K", 1e3, SuffixUse::Always),
            ("M", 1e6, SuffixUse::Always),
            ("B", 1e9, SuffixUse::Always),
            ("b", 1e9, SuffixUse::Always),
            ("m", 1e6, SuffixUse::MoneyOnly),
        ],
        percent_words: &["per cent", "percentage", "percents", "percent", "pct"],
        months: &[
            ("january", 1),
            ("february", 2),
            ("march", 3),
            ("april", 4),
            ("may", 5),
            ("june", 6),
            ("july", 7),
            ("august", 8),
            ("september", 9),
            ("october", 10),
            ("november", 11),
            ("december", 12),
            ("jan", 1),
            ("feb", 2),
            ("mar", 3),
            ("apr", 4),
            ("jun", 6),
            ("jul", 7),
            ("aug", 8),
            ("sep", 9),
            ("sept", 9),
            ("oct", 10),
            ("nov", 11),
            ("dec", 12),
        ],
        time_units: &[
            ("seconds", TimeUnit::Second),
            ("second", TimeUnit::Second),
            ("minutes", TimeUnit::Minute),
            ("minute", TimeUnit::Minute),
            ("hours", TimeUnit::Hour),
            ("hour", TimeUnit::Hour),
            ("days", TimeUnit::Day),
            ("day", TimeUnit::Day),
            ("weeks", TimeUnit::Week),
            ("week", TimeUnit::Week),
            ("months", TimeUnit::Month),
            ("month", TimeUnit::Month),
            ("years", TimeUnit::Year),
            ("year", TimeUnit::Year),
            ("decades", TimeUnit::Decade),
            ("decade", TimeUnit::Decade),
            ("centuries", TimeUnit::Century),
            ("century", TimeUnit::Century),
        ],
        identifier_cues: &[
            "resolution",
            "resolutions",
            "article",
            "articles",
            "chapter",
            "section",
            "clause",
            "paragraph",
            "flight",
            "route",
            "highway",
            "road",
            "unit",
            "room",
            "gate",
            "terminal",
            "building",
            "block",
            "platform",
            "channel",
            "bus",
            "page",
            "volume",
            "vol.",
            "issue",
            "episode",
            "version",
            "apollo",
            "boeing",
            "airbus",
            "#",
        ],
        pronoun_determiners: &[
            "the", "this", "that", "which", "each", "every", "any", "no", "some", "another", "someone", "little",
            "loved", "only", "one", "what",
        ],
        idiom_nouns: &["state", "states", "way", "sided", "party", "fold", "on-one", "another"],
        count_nouns: &[
            "people",
            "persons",
            "civilians",
            "children",
            "women",
            "men",
            "soldiers",
            "troops",
            "fighters",
            "hostages",
            "prisoners",
            "detainees",
            "refugees",
            "patients",
            "homes",
            "houses",
            "buildings",
            "trucks",
            "lorries",
            "families",
            "residents",
            "deaths",
            "dead",
            "victims",
            "casualties",
            "killed",
            "wounded",
            "injured",
            "rockets",
            "missiles",
            "tons",
            "tonnes",
            "units",
            "cases",
            "votes",
            "students",
            "workers",
            "employees",
            "jobs",
            "calls",
            "times",
        ],
        connectors: Connectors {
            and: "and",
            a: &["a", "an"],
            of: "of",
            point: "point",
            between: "between",
            to: "to",
            or: "or",
            from: "from",
            over: "over",
            out_of: "out of",
            in_: "in",
            negative: &["minus", "negative"],
            rank: &["number"],
            vague_modifiers: &["several", "a few", "a couple", "few", "many"],
        },
    }
});

/// `phrases` in 256 lists by their last byte, ASCII lower case.
fn by_last_byte<T: Copy>(phrases: &[(&'static str, T)]) -> Vec<Vec<(&'static str, T)>> {
    let mut out = vec![Vec::new(); 256];
    for &(phrase, v) in phrases {
        let last = phrase.as_bytes().last().expect("a qualifier phrase is not empty").to_ascii_lowercase();
        out[usize::from(last)].push((phrase, v));
    }
    out
}

/// The English lexicon.
pub(crate) fn english() -> &'static Lexicon {
    &ENGLISH
}
