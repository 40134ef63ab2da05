//! As of when a figure holds: the document date, unless the sentence (or
//! an earlier sentence of its paragraph, when it reports for the same
//! source) states one: `as of March 20`,
//! `on Tuesday` (the last Tuesday on or before publication), `yesterday`,
//! `last month`, `in early November` (a period: the figure held on some
//! day of it, `earliest` to `date`). Dates that open a period (`since October 7`) and the
//! event dates of the rules (`killed on October 7`, `the hostages taken on
//! October 7`) are not as-of dates.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;
use serde::{Deserialize, Serialize};

use crate::dates::{Date, add_days, last_weekday_on_or_before, resolve_month_day, weekday_named};
use crate::document::segment::is_table_row;
use crate::document::{Document, Role};
use crate::quantity::{Kind, PartialDate, Quantity};
use crate::substring::finder;
use jiff::civil::Weekday;

/// Where a claim's as-of date came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AsOfSource {
    /// The document's publication date.
    Published,
    /// A date written in the text (`as of March 20`, `on November 3`).
    Stated,
    /// A weekday or relative word resolved against publication (`on Tuesday`).
    Relative,
    /// Neither the text nor the document gives a date.
    Undated,
    /// A counter's event still to come (`will make his fifth trip`): it
    /// falls on or after `date`, the publication date.
    Upcoming,
}

/// A claim's date and its provenance.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AsOf {
    pub date: Option<Date>,
    pub source: AsOfSource,
    /// The words that gave the date (`on Tuesday`).
    pub text: Option<Box<str>>,
    /// The words were in an earlier sentence of the paragraph.
    pub from_earlier_sentence: bool,
    /// For a period (`last week`, `in early November`), its first day:
    /// the figure held on some day from this to `date`, its last.
    pub earliest: Option<Date>,
}

impl AsOf {
    pub fn describe(&self) -> String {
        let day = self.day();
        match (&day, self.source, &self.text) {
            (None, _, _) => "undated".to_string(),
            (Some(d), AsOfSource::Published, _) => format!("{d} (publication date)"),
            (Some(d), AsOfSource::Upcoming, Some(t)) => format!("on or after {d} (\"{t}\", the publication date)"),
            (Some(d), _, Some(t)) if self.from_earlier_sentence => format!("{d} (\"{t}\", above)"),
            (Some(d), _, Some(t)) => format!("{d} (\"{t}\")"),
            (Some(d), _, None) => d.clone(),
        }
    }

    /// The date, or the period as `first to last`.
    pub fn day(&self) -> Option<String> {
        let d = self.date?;
        Some(match self.earliest {
            Some(e) if e < d => format!("{e} to {d}"),
            _ => d.to_string(),
        })
    }
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum Strength {
    /// as of, by, through
    Strong,
    /// on, a bare date, a weekday, a relative word
    Weak,
}

#[derive(Debug, Clone)]
struct Expression {
    span: Range<usize>,
    date: Date,
    strength: Strength,
    source: AsOfSource,
    /// The first day of a period the expression names.
    earliest: Option<Date>,
}

static WEEKDAY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)(?:(?P<mod>[Ll]ast|[Tt]his|[Nn]ext|on|[Oo]n|[Ee]arly on|[Ll]ate on) )?(?P<day>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?-u:\b)")
        .expect("weekday regex")
});
static RELATIVE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?-u:\b)(?:yesterday|today|last week|last month|earlier this (?:week|month)|this (?:week|month))(?-u:\b)",
    )
    .expect("relative regex")
});
/// The weekend before publication: "at the weekend", "over the weekend".
static WEEKEND: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:(?:at|over|on) the weekend|last weekend)(?-u:\b)").expect("weekend regex")
});
/// A day of the month without its month: "on the 13th" (not "on the 13th of May").
static DAY_OF_MONTH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)on the ([0-9]{1,2})(?:st|nd|rd|th)(?-u:\b)(?: of)?").expect("day of month regex")
});
/// A time counted from another: "a week earlier", "two days later", "the
/// day before", "three weeks ago". A bare "before" ends its phrase ("a week
/// before, ..."): "a week before the truce" dates the truce's week.
static SHIFT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?i)(?-u:\b)(?:(?P<n>an?|one|two|three|four|five|six|seven|eight|nine|ten|[1-9][0-9]?) (?P<unit>hour|day|week|month|year)s? ",
        r"(?P<dir>earlier|later|ago(?: today)?|previously|before(?:[,;.]|$))|",
        r"the (?:(?P<unit2>day|week|month) before(?:[,;.]|$)|previous (?P<unit3>day|week|month)(?-u:\b)))"
    ))
    .expect("shift regex")
});

/// The shifts in `sentence`: span, days and months to add, and whether it
/// counts from publication ("ago") rather than from the sentence's date.
fn shifted(sentence: &str) -> Vec<(Range<usize>, i32, i32, bool)> {
    // Each form holds one of these words: most sentences have none.
    static WORDS: LazyLock<aho_corasick::packed::Searcher> = LazyLock::new(|| {
        aho_corasick::packed::Searcher::new(["earlier", "later", "ago", "before", "previous"]).expect("shift words")
    });
    if WORDS.find(sentence).is_none() {
        return Vec::new();
    }
    SHIFT
        .captures_iter(sentence)
        .filter_map(|c| {
            let whole = c.get(0)?;
            let n: i32 = match c.name("n") {
                None => 1,
                Some(w) => i32::try_from(small_count(w.as_str())?).ok()?,
            };
            let unit = c.name("unit").or(c.name("unit2")).or(c.name("unit3"))?.as_str().to_ascii_lowercase();
            let dir = c.name("dir").map_or("before", |d| d.as_str());
            let sign = if dir.eq_ignore_ascii_case("later") { 1 } else { -1 };
            let (days, months) = match unit.as_str() {
                // "24 hours earlier" is the day before; "six hours earlier", the same day.
                "hour" => (sign * (n / 24), 0),
                "day" => (sign * n, 0),
                "week" => (sign * 7 * n, 0),
                "month" => (0, sign * n),
                _ => (0, sign * 12 * n),
            };
            let end = whole.end() - usize::from(whole.as_str().ends_with([',', ';', '.']));
            Some((whole.start()..end, days, months, dir.get(..3).is_some_and(|d| d.eq_ignore_ascii_case("ago"))))
        })
        .collect()
}

/// A month name, capitalised so that "may" and "march" stay verbs. Only the
/// name is searched for (a literal set the regex finds fast); the words
/// around it are read by hand (`month_phrase`).
static MONTH: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"(?-u:\b)(?:{})", crate::dates::MONTH_NAMES)).expect("month regex"));

/// A month without its day, with the words that make it a date: `in early
/// November`, `by mid-March`, `November 2023`. Bare month names ("the
/// November truce") date nothing.
struct MonthPhrase {
    span: Range<usize>,
    month: i8,
    /// `early`, `mid` or `late`; `start` or `end` for its first or last day.
    part: Option<&'static str>,
    year: Option<i16>,
    /// `by`, `until`, `through`, `as of`: the figure holds by its end.
    strong: bool,
    /// `last December`: the month's last passing before publication's own.
    last: bool,
}

fn month_phrase(sentence: &str, name: Range<usize>) -> Option<MonthPhrase> {
    let month = month_number(&sentence[name.clone()])?;
    let after = &sentence[name.end..];
    let digits = |t: &str| t.bytes().take_while(u8::is_ascii_digit).count();
    let spaced = after.strip_prefix(", ").or_else(|| after.strip_prefix(' ')).unwrap_or(after);
    let year = match digits(spaced) {
        4 if spaced.starts_with("19") || spaced.starts_with("20") => spaced[..4].parse().ok(),
        _ => None,
    };
    // "October 7" and "Oct. 7, 2023" are whole dates, read as such elsewhere.
    if year.is_none() && after.starts_with(' ') && digits(&after[1..]) > 0 {
        return None;
    }
    let end = if year.is_some() { name.end + (after.len() - spaced.len()) + 4 } else { name.end };
    let mut start = name.start;
    let before = &sentence[..start];
    // "early ", "mid-", "late " right before the name, as a word of its own.
    let part = ["early", "mid", "late"].into_iter().find(|p| {
        // The last byte first: an ASCII separator makes every cut below a char boundary.
        before.len().checked_sub(p.len() + 1).is_some_and(|c| {
            matches!(before.as_bytes()[before.len() - 1], b' ' | b'-')
                && before.is_char_boundary(c)
                && before[c..c + p.len()].eq_ignore_ascii_case(p)
                && (c == 0 || !before.as_bytes()[c - 1].is_ascii_alphanumeric())
        })
    });
    if let Some(p) = part {
        start -= p.len() + 1;
    }
    let before = sentence[..start].strip_suffix(' ');
    let cue = before.and_then(|b| {
        ["as of", "in", "by", "during", "until", "through", "of", "last"].into_iter().find(|c| ends_with_word(b, c))
    });
    if let Some(c) = cue {
        start -= c.len() + 1;
    }
    // "by the start of March", "at the end of January": one day of the month.
    let mut part = part;
    let mut cue = cue;
    if cue == Some("of") {
        let before = sentence[..start].trim_end();
        let edge = [("the start", "start"), ("the beginning", "start"), ("the middle", "mid"), ("the end", "end")]
            .into_iter()
            .find(|(w, _)| ends_with_word(before, w));
        if let Some((words, p)) = edge {
            part = Some(p);
            start = before.len() - words.len();
            let before = sentence[..start].trim_end();
            cue = ["by", "until", "as of", "at", "in"].into_iter().find(|c| ends_with_word(before, c));
            if let Some(c) = cue {
                start = before.len() - c.len();
            }
        }
    }
    if cue.is_none() && part.is_none() && year.is_none() && !names_a_report(&sentence[..start], after) {
        return None;
    }
    let strong = matches!(cue, Some("by" | "until" | "through" | "as of"));
    let last = cue == Some("last") && year.is_none();
    Some(MonthPhrase { span: start..end, month, part, year, strong, last })
}

/// Whether a month stands before a report's noun as its date: "the
/// court's January order", "its March update" (`before` and `after`: the
/// text on either side of the month's name).
fn names_a_report(before: &str, after: &str) -> bool {
    const REPORTS: [&str; 12] = [
        "order",
        "ruling",
        "report",
        "update",
        "figures",
        "count",
        "tally",
        "statement",
        "assessment",
        "bulletin",
        "briefing",
        "estimate",
    ];
    let before = before.trim_end();
    let owned = ["the", "its", "their"].iter().any(|w| ends_with_word(before, w))
        || before.ends_with("'s")
        || before.ends_with("’s");
    let noun = after.strip_prefix(' ').map(|a| a.split(|c: char| !c.is_ascii_alphabetic()).next().unwrap_or(""));
    owned && noun.is_some_and(|n| REPORTS.contains(&n))
}

/// Whether `text` ends with the word or words `w`, in any case.
fn ends_with_word(text: &str, w: &str) -> bool {
    text.len() >= w.len()
        && text.is_char_boundary(text.len() - w.len())
        && text[text.len() - w.len()..].eq_ignore_ascii_case(w)
        && (text.len() == w.len() || !text.as_bytes()[text.len() - w.len() - 1].is_ascii_alphanumeric())
}

/// Whether a date written without its year ("killed on Oct. 7", read a
/// year on) is a rule's event day: it falls on one's month and day, and
/// over a week before publication (a report date that recent is written
/// as a weekday).
fn names_an_anniversary(date: Date, event_dates: &[Date], published: Option<Date>) -> bool {
    event_dates.iter().any(|e| (e.month(), e.day()) == (date.month(), date.day()) && e.year() != date.year())
        && published.is_some_and(|p| add_days(date, 7) < p)
}

/// Whether the words after a date make it an event's name: "the Oct. 7
/// attack", "the October 7, 2023, massacre", "the Oct. 7 anniversary",
/// "Iran's Oct. 1 missile attack", "since the October 10 ceasefire" name a
/// day the figure does not hold on.
fn names_an_event(after: &str) -> bool {
    static EVENT: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?i)^,?\s+(?:(?:terror(?:ist)?|cross-border|surprise|deadly|Hamas(?:-led)?|(?:ballistic\s+)?missile|rocket|drone)\s+)?(?:attacks?|assault|massacres?|raids?|rampage|incursion|invasion|anniversary|atrocit(?:y|ies)|slaughter|pogrom|onslaught|killings|hostage-taking|barrage|cease-?fire|truce)\b",
        )
        .expect("event-name regex")
    });
    let mut end = after.len().min(48);
    while !after.is_char_boundary(end) {
        end -= 1;
    }
    EVENT.is_match(&after[..end])
}

/// Whether a date is an event's owner: "Saturday's raid", "Monday’s air
/// strike", "Oct. 7's attack", "preceding Saturday's events".
fn owns_an_event(after: &str) -> bool {
    static EVENT: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^['’]s (?:[A-Za-z-]+ ){0,2}?(?:raids?|(?:air ?)?strikes?|attacks?|bombings?|shelling|assault|offensive|operation|rescue|massacre|explosion|blast|incursion|ambush|events|escalation)\b")
            .expect("owned-event regex")
    });
    let mut end = after.len().min(64);
    while !after.is_char_boundary(end) {
        end -= 1;
    }
    (after.starts_with('\'') || after.starts_with('’')) && EVENT.is_match(&after[..end])
}

/// The clause a date closes: the last 100 bytes before it, from the last
/// comma or semicolon.
fn clause_before(before: &str) -> &str {
    let mut from = before.len().saturating_sub(100);
    while !before.is_char_boundary(from) {
        from -= 1;
    }
    let near = &before[from..];
    near.rfind([',', ';']).map_or(near, |i| &near[i + 1..])
}

/// Whether the clause before a month opens a period it ends in: "since the
/// start of the conflict in October 2023".
fn opens_period(before: &str) -> bool {
    let clause = clause_before(before);
    // "two years of war that began in October 2023": when the period opened.
    let last = clause.trim_end();
    let last = last.strip_suffix(" in").unwrap_or(last);
    ["since ", "Since ", "starting ", "beginning "].iter().any(|w| clause.contains(w))
        || OPENED.iter().any(|w| last.ends_with(w))
}

/// Whether a weekday after `before` tells when a "since" period opened:
/// "since a surprise attack by Hamas early Saturday", but not "since
/// October 7 last Thursday", whose period has its date, nor "a trip which
/// began on Friday", a day of its own.
fn in_since_clause(before: &str) -> bool {
    let clause = clause_before(before);
    let since = ["since ", "Since "].iter().filter_map(|w| clause.rfind(w)).max();
    since.is_some_and(|at| !clause[at..].bytes().any(|b| b.is_ascii_digit()))
}

/// Verbs of a period's opening: a date or a time ago right after them is
/// when something began ("a war that began in October 2023").
const OPENED: [&str; 5] = [" began", " begun", " started", " erupted", " broke out"];

fn month_number(name: &str) -> Option<i8> {
    let key = name.get(..3)?;
    let i = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        .iter()
        .position(|m| *m == key)?;
    Some(i as i8 + 1)
}

/// The days a month phrase covers, the last one no later than publication.
fn month_period(m: &MonthPhrase, published: Date) -> Option<(Date, Date)> {
    let month = m.month;
    let year = match m.year {
        Some(y) => y,
        None if month < published.month() || (month == published.month() && !m.last) => published.year(),
        None => published.year() - 1,
    };
    let first = Date::new(year, month, 1).ok()?;
    let (from, to) = match m.part {
        Some("start") => (first, first),
        Some("end") => (first.last_of_month(), first.last_of_month()),
        Some("early") => (first, Date::new(year, month, 10).ok()?),
        Some("mid") => (Date::new(year, month, 11).ok()?, Date::new(year, month, 20).ok()?),
        Some(_) => (Date::new(year, month, 21).ok()?, first.last_of_month()),
        None => (first, first.last_of_month()),
    };
    (from <= published).then_some((from, to.min(published)))
}

/// Words that put a counter's event still to come: "will make his fifth
/// trip", "ahead of his sixth visit".
const UPCOMING: [&str; 26] = [
    "will",
    "’ll",
    "'ll",
    "is set to",
    "are set to",
    "is due to",
    // A trip told in the present is one about to be made: "departs for the region on Monday".
    "is due in",
    "heads to",
    "heads for",
    "is heading to",
    "departs for",
    "leaves for",
    "sets off",
    "is traveling to",
    "is travelling to",
    "is scheduled to",
    "is expected to",
    "plans to",
    "is planning to",
    "ahead of",
    "upcoming",
    "next week",
    "next month",
    "tomorrow",
    "later this week",
    "later this month",
];

/// The words of `before` (a figure's clause up to the figure) that speak of
/// its event as still to come, if any.
pub fn upcoming(before: &str) -> Option<&str> {
    // Every occurrence of every phrase, in one pass, case aside.
    static PHRASES: LazyLock<aho_corasick::AhoCorasick> = LazyLock::new(|| {
        aho_corasick::AhoCorasick::builder().ascii_case_insensitive(true).build(UPCOMING).expect("upcoming phrases")
    });
    let b = before.as_bytes();
    let word = |i: usize| b.get(i).is_some_and(|c| c.is_ascii_alphanumeric());
    PHRASES
        .find_overlapping_iter(before)
        .filter(|m| {
            // "he’ll" ends a word; every other phrase stands on its own.
            let joined = !UPCOMING[m.pattern().as_usize()].starts_with(|c: char| c.is_ascii_alphabetic());
            (joined || m.start() == 0 || !word(m.start() - 1)) && !word(m.end())
        })
        .map(|m| (m.start(), m.len()))
        .min()
        .map(|(i, n)| &before[i..i + n])
        .or_else(|| headline_future(before))
}

/// A headline's future, a name and an infinitive: "Blinken to embark on
/// eighth Mideast trip", "Blinken to visit Israel on ninth trip". In prose "to
/// make" follows a verb ("flew to Israel to make"), which is no name.
fn headline_future(before: &str) -> Option<&str> {
    // Most clauses hold no " to ": no searcher is built for them.
    finder!(b" to ").find(before.as_bytes())?;
    let phrases = [" to make", " to visit", " to travel", " to return", " to head", " to embark"];
    phrases.iter().find_map(|spaced| {
        let w = &spaced[1..];
        let i = before.find(spaced)?;
        let ends = !before[i + 1 + w.len()..].starts_with(|c: char| c.is_ascii_alphanumeric());
        // The subject is the headline's first words, all names: "Antony Blinken".
        let mut subject = before[..i].split_whitespace();
        let named = subject.clone().next().is_some()
            && subject.all(|w| w.starts_with(|c: char| c.is_ascii_uppercase()) && !w.ends_with([',', ':']));
        (ends && named).then(|| &before[i + 1..i + 1 + w.len()])
    })
}

const STRONG_CUES: [&str; 6] = ["as of", "as at", "by", "through", "until", "up to"];
/// "the same period", wrapped or not.
static SAME_PERIOD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\bthe\s+same\s+(?:period|time ?frame|months)\b").expect("same-period regex"));

/// Words before a date that opens a period its next date closes.
const PERIOD_OPENERS: [&str; 2] = ["between", "from"];
const PERIOD_CUES: [&str; 8] =
    ["since", "starting", "starting on", "from", "beginning", "beginning on", "after", "before"];
/// A relative clause's opening day: "a cease-fire that began on Oct. 10"
/// is when the truce began, not when the figure held ("When the truce
/// began on Nov. 24, the toll was …" is).
const BEGAN_ON: [&str; 12] = [
    "that began on",
    "which began on",
    "that started on",
    "which started on",
    "that took effect on",
    "which took effect on",
    "that came into force on",
    "which came into force on",
    "that came into effect on",
    "which came into effect on",
    "that broke out on",
    "which broke out on",
];

/// Whether `before` (lower case) ends with a war and the verb of its
/// opening: "since the war began on October 8" gives the war's first day,
/// not the figure's.
fn opens_the_war(before: &str) -> bool {
    let Some(rest) = before.strip_suffix(" on") else { return false };
    let Some(rest) = OPENED.iter().find_map(|v| rest.strip_suffix(v)) else { return false };
    ["war", "conflict", "fighting", "hostilities", "offensive"].iter().any(|w| ends_with_cue(rest, &[w]))
}

/// Whether `before` (lower case) ends with a truce and the words that give
/// its day: "the ceasefire declared on", "a truce on", "the declaration of
/// a ceasefire on". A truce's day is its own, not a figure's.
fn names_a_truce_day(before: &str) -> bool {
    let Some(rest) = before.strip_suffix(" on") else { return false };
    let rest = ["declared", "announced", "agreed", "signed", "reached", "brokered", "struck"]
        .iter()
        .find_map(|w| rest.strip_suffix(w).and_then(|r| r.strip_suffix(' ')))
        .unwrap_or(rest);
    ["ceasefire", "cease-fire", "truce"].iter().any(|t| rest.ends_with(t))
}

fn cue_before(text: &str, start: usize, cues: &[&str]) -> bool {
    ends_with_cue(&words_before(text, start), cues)
}

/// The last words before `start`, lower-cased, for [`ends_with_cue`]. Only
/// the last words matter; lower-casing the whole prefix would be quadratic.
fn words_before(text: &str, start: usize) -> String {
    let mut from = start.saturating_sub(40);
    while !text.is_char_boundary(from) {
        from -= 1;
    }
    text[from..start].trim_end().to_lowercase()
}

fn ends_with_cue(before: &str, cues: &[&str]) -> bool {
    cues.iter().any(|c| {
        before.ends_with(c)
            && before[..before.len() - c.len()].chars().next_back().is_none_or(|ch| !ch.is_alphanumeric())
    })
}

fn resolve_partial(d: PartialDate, published: Option<Date>) -> Option<Date> {
    let day = d.day?;
    match d.year {
        Some(y) => Date::new(y, d.month as i8, day as i8).ok(),
        None => resolve_month_day(d.month, day, published?),
    }
}

/// Time expressions in `[span]` of the document text.
/// `published` is the day the text speaks from: the document's date, or an
/// update's.
fn expressions(
    doc: &Document,
    quantities: &[Quantity],
    span: Range<usize>,
    event_dates: &[Date],
    published: Option<Date>,
) -> Vec<Expression> {
    let text = &doc.text;
    let from = span.start;
    let mut out = Vec::new();
    let first = quantities.partition_point(|q| q.span.start < span.start);
    // Where the date before ends, when it opens a period: "between October 7, 2023".
    let mut opened: Option<usize> = None;
    // Every date's span, taken or not: its month is no month of its own.
    let mut dates: Vec<Range<usize>> = Vec::new();
    for q in quantities[first..].iter().take_while(|q| q.span.start < span.end) {
        let Kind::Date(d) = q.kind else { continue };
        dates.push(q.span.clone());
        let date = resolve_partial(d, published);
        // "died between October 7, 2023 and June 30, 2024": a count over
        // the period is the count on its last day.
        let closes_period = opened.take().is_some_and(|end| {
            matches!(text[end..q.span.start].trim().trim_start_matches(',').trim(), "and" | "to" | "-" | "–")
        });
        // A span of days holds its own last day ("from 10 to 12 June").
        let span = q.range_hi.is_some();
        let before = words_before(text, q.span.start);
        if !span && ends_with_cue(&before, &PERIOD_OPENERS) {
            opened = Some(q.span.end);
        }
        if !(closes_period || span) && ends_with_cue(&before, &PERIOD_CUES)
            || ends_with_cue(&before, &BEGAN_ON)
            || names_a_truce_day(&before)
            || opens_the_war(&before)
            || (before.ends_with(" on") && opens_period(&text[from..q.span.start]))
            || names_an_event(&text[q.span.end..])
        {
            continue;
        }
        let Some(date) = date else { continue };
        if event_dates.contains(&date)
            || published.is_some_and(|p| date > p)
            || d.year.is_none() && names_an_anniversary(date, event_dates, published)
        {
            continue;
        }
        let strength =
            if closes_period || ends_with_cue(&before, &STRONG_CUES) { Strength::Strong } else { Strength::Weak };
        // "June 10-12" (the recognizer's span of days): the days from the
        // first to the last, held on the last.
        let last = q.range_hi.and_then(|l| Date::new(date.year(), date.month(), l as i8).ok());
        if let Some(last) = last.filter(|last| *last > date && *last <= published.unwrap_or(*last)) {
            out.push(Expression {
                span: q.span.clone(),
                date: last,
                strength,
                source: AsOfSource::Stated,
                earliest: Some(date),
            });
            continue;
        }
        out.push(Expression { span: q.span.clone(), date, strength, source: AsOfSource::Stated, earliest: None });
    }
    let Some(published) = published else { return out };
    let sentence = &text[span.clone()];
    // Every weekday's name ends in "day": most sentences hold none, and
    // looking is cheaper than asking the regex for captures.
    let weekdays = finder!(b"day").find(sentence.as_bytes()).map(|_| WEEKDAY.captures_iter(sentence));
    for c in weekdays.into_iter().flatten() {
        let m = c.get(0).expect("whole match");
        if c.name("mod").is_some_and(|m| m.as_str().eq_ignore_ascii_case("next")) {
            continue;
        }
        // "killed since a surprise attack by Hamas early Saturday": when the
        // period opened, not the day of the figure.
        if in_since_clause(&sentence[..m.start()]) {
            continue;
        }
        let Some(wd) = weekday_named(&c["day"]) else { continue };
        let date = last_weekday_on_or_before(published, wd);
        let s = span.start + m.start();
        out.push(Expression {
            span: s..span.start + m.end(),
            date,
            strength: Strength::Weak,
            source: AsOfSource::Relative,
            earliest: None,
        });
    }
    for m in RELATIVE.find_iter(sentence) {
        // "since the war began last month", "since last week": when the
        // period opened; "last month's Hamas attacks": an event's day.
        let before = sentence[..m.start()].trim_end();
        let opened = [" began", " started", " erupted", " broke out"].iter().any(|w| before.ends_with(w))
            || ends_with_word(before, "since");
        if opened || owns_an_event(&sentence[m.end()..]) {
            continue;
        }
        // Weeks start on Monday.
        let monday = last_weekday_on_or_before(published, Weekday::Monday);
        let (date, earliest) = match m.as_str().to_lowercase().as_str() {
            "yesterday" => (add_days(published, -1), None),
            "last week" => (add_days(monday, -1), Some(add_days(monday, -7))),
            "last month" => {
                let last = published.first_of_month().yesterday().unwrap_or(published);
                (last, Some(last.first_of_month()))
            }
            "this month" | "earlier this month" => (published, Some(published.first_of_month())),
            "this week" | "earlier this week" => (published, Some(monday)),
            _ => (published, None),
        };
        let s = span.start + m.start();
        out.push(Expression {
            span: s..span.start + m.end(),
            date,
            strength: Strength::Weak,
            source: AsOfSource::Relative,
            earliest,
        });
    }
    // "at the weekend": the last weekend, Saturday and Sunday, on or before
    // publication. Looked for by its noun: few sentences hold one.
    if finder!(b"weekend").find(sentence.as_bytes()).is_some() {
        for m in WEEKEND.find_iter(sentence) {
            let sunday = last_weekday_on_or_before(published, Weekday::Sunday);
            out.push(Expression {
                span: span.start + m.start()..span.start + m.end(),
                date: sunday,
                strength: Strength::Weak,
                source: AsOfSource::Relative,
                earliest: Some(add_days(sunday, -1)),
            });
        }
    }
    // "on the 13th": the last 13th of a month on or before publication.
    // Looked for where "on the " is followed by a digit: "on the ground" is common.
    let b = sentence.as_bytes();
    if finder!(b"on the ").find_iter(b).any(|i| b.get(i + "on the ".len()).is_some_and(u8::is_ascii_digit)) {
        for c in DAY_OF_MONTH.captures_iter(sentence) {
            let m = c.get(0).expect("whole match");
            // "on the 13th of May" is the month phrase's; "on the 6th day"
            // (of the escalation) counts days, it names none of a month.
            if m.as_str().ends_with(" of") || sentence[m.end()..].starts_with(" day") {
                continue;
            }
            let Ok(day) = c[1].parse::<i8>() else { continue };
            let this = Date::new(published.year(), published.month(), day).ok().filter(|d| *d <= published);
            let Some(date) = this.or_else(|| {
                let before = published.first_of_month().yesterday().ok()?;
                Date::new(before.year(), before.month(), day).ok()
            }) else {
                continue;
            };
            out.push(Expression {
                span: span.start + m.start()..span.start + m.end(),
                date,
                strength: Strength::Weak,
                source: AsOfSource::Relative,
                earliest: None,
            });
        }
    }
    for name in MONTH.find_iter(sentence) {
        let Some(m) = month_phrase(sentence, name.range()) else { continue };
        let at = span.start + m.span.start;
        // "the seventh of October" is a day, not the month.
        if sentence[m.span.clone()].starts_with("of ") {
            let day = quantities[first..]
                .iter()
                .take_while(|q| q.span.start < at)
                .find(|q| q.kind == Kind::Ordinal && q.span.end + 1 == at && (1.0..=31.0).contains(&q.value));
            if let Some(q) = day {
                let date = match m.year {
                    Some(y) => Date::new(y, m.month, q.value as i8).ok(),
                    None => resolve_month_day(m.month as u8, q.value as u8, published),
                };
                // Within the sentence: "the " of the sentence before is not this one's.
                let from = q.span.start - usize::from(sentence[..q.span.start - span.start].ends_with("the ")) * 4;
                let opens = cue_before(text, from, &PERIOD_CUES) || opens_period(&sentence[..from - span.start]);
                if let Some(date) = date.filter(|d| !opens && !event_dates.contains(d) && *d <= published) {
                    let strength = if cue_before(text, from, &STRONG_CUES) { Strength::Strong } else { Strength::Weak };
                    out.push(Expression {
                        span: q.span.start..span.start + m.span.end,
                        date,
                        strength,
                        source: AsOfSource::Stated,
                        earliest: None,
                    });
                }
                continue;
            }
        }
        // "On 7 October 2023" left out as the event's day is not October.
        if dates.iter().any(|d| d.contains(&at))
            || cue_before(text, at, &PERIOD_CUES)
            || opens_period(&sentence[..m.span.start])
            || names_an_event(&sentence[m.span.end..])
        {
            continue;
        }
        let Some((from, to)) = month_period(&m, published) else { continue };
        out.push(Expression {
            span: at..span.start + m.span.end,
            date: to,
            strength: if m.strong { Strength::Strong } else { Strength::Weak },
            source: AsOfSource::Stated,
            earliest: Some(from).filter(|f| *f < to),
        });
    }
    out.extend(war_openings(sentence, span.start, event_dates, published));
    out.extend(war_days(sentence, span.start, event_dates, published));
    out.extend(war_since(sentence, span.start, event_dates, published));
    out.extend(war_began(sentence, span.start, event_dates, published));
    out.extend(year_edges(text, sentence, span.start, published));
    out.extend(holidays(text, sentence, span.start, published));
    out
}

/// A count of days, weeks or months as a time phrase writes it: "a",
/// "two" … "ten", or digits.
fn small_count(word: &str) -> Option<i64> {
    Some(match word.to_ascii_lowercase().as_str() {
        "a" | "an" | "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        digits => digits.parse().ok()?,
    })
}

/// "In the first month of the war", "during the war's first 100 days",
/// "in the first month alone": a period from the pack's first event day
/// (the day the war began).
fn war_openings(sentence: &str, offset: usize, event_dates: &[Date], published: Date) -> Vec<Expression> {
    let Some(&began) = event_dates.iter().min() else { return Vec::new() };
    let b = sentence.as_bytes();
    if finder!(b"first").find(b).is_none() && finder!(b"opening").find(b).is_none() {
        return Vec::new();
    }
    WAR_OPENING
        .captures_iter(sentence)
        .filter(|c| c.name("owner").is_some() || c.name("of").is_some())
        .filter_map(|c| {
            let plural = c.name("plural").is_some();
            let n = match c.name("n") {
                None if plural => return None,
                None => 1,
                Some(n) => small_count(n.as_str())?,
            };
            let span = span_of(&c["unit"], n);
            let date = began.checked_add(span).ok()?.yesterday().ok()?.min(published);
            let m = c.get(0).expect("whole match");
            Some(Expression {
                span: offset + m.start()..offset + m.end(),
                date,
                strength: Strength::Strong,
                source: AsOfSource::Stated,
                earliest: Some(began).filter(|b| *b < date),
            })
        })
        .collect()
}

/// `n` days, weeks, months or years (`unit`, in any case).
fn span_of(unit: &str, n: i64) -> jiff::Span {
    match unit.to_ascii_lowercase().as_str() {
        "day" => jiff::Span::new().days(n),
        "week" => jiff::Span::new().weeks(n),
        "month" => jiff::Span::new().months(n),
        _ => jiff::Span::new().years(n),
    }
}

/// A day the text states by the words at `span`.
fn stated_day(span: Range<usize>, date: Date) -> Expression {
    Expression { span, date, strength: Strength::Strong, source: AsOfSource::Stated, earliest: None }
}

/// "A month after the war began", "six weeks into the war": the day that
/// long after the pack's first event day. "More than a year after the
/// war began" frames the present, not a day: no date.
fn war_since(sentence: &str, offset: usize, event_dates: &[Date], published: Date) -> Vec<Expression> {
    let Some(&began) = event_dates.iter().min() else { return Vec::new() };
    let b = sentence.as_bytes();
    if finder!(b" after the ").find(b).is_none() && finder!(b" into the ").find(b).is_none() {
        return Vec::new();
    }
    WAR_SINCE
        .captures_iter(sentence)
        .filter_map(|c| {
            let m = c.get(0).expect("whole match");
            let before = sentence[..m.start()].trim_end().to_ascii_lowercase();
            if ["than", "over", "nearly", "almost"].iter().any(|w| before.ends_with(w)) {
                return None;
            }
            let n = small_count(&c["n"])?;
            let span = span_of(&c["unit"], n);
            let date = began.checked_add(span).ok()?;
            (date <= published).then(|| stated_day(offset + m.start()..offset + m.end(), date))
        })
        .collect()
}

/// "When the war began, …", "At the start of the war, …": a sentence that
/// opens so speaks of the pack's first event day. Only at the sentence's
/// start: inside it ("Biden, who visited when the war began, said …") the
/// words frame one clause, not the figure.
fn war_began(sentence: &str, offset: usize, event_dates: &[Date], published: Date) -> Option<Expression> {
    let &began = event_dates.iter().min()?;
    let lead = sentence.len() - sentence.trim_start().len();
    let m = WAR_BEGAN.find(&sentence[lead..])?;
    (began <= published).then(|| stated_day(offset + lead + m.start()..offset + lead + m.end(), began))
}

/// "By the end of 2023", "at the start of this year", "the close of last
/// year": the year's last or first day. Not after "since" or "from",
/// which open a period.
fn year_edges(text: &str, sentence: &str, offset: usize, published: Date) -> Vec<Expression> {
    // Each form holds one of these: most sentences hold none.
    static EDGES: LazyLock<aho_corasick::packed::Searcher> = LazyLock::new(|| {
        aho_corasick::packed::Config::new()
            .builder()
            .extend([
                "end of ",
                "End of ",
                "close of ",
                "Close of ",
                "start of ",
                "Start of ",
                "beginning of ",
                "Beginning of ",
            ])
            .build()
            .expect("year edge words")
    });
    if EDGES.find(sentence).is_none() {
        return Vec::new();
    }
    YEAR_EDGE
        .captures_iter(sentence)
        .filter_map(|c| {
            let m = c.get(0).expect("whole match");
            let at = offset + m.start();
            if cue_before(text, at, &PERIOD_CUES) || opens_period(&sentence[..m.start()]) {
                return None;
            }
            let year = match c.name("year").map(|y| y.as_str()) {
                Some(y) => y.parse().ok()?,
                None if c["which"].eq_ignore_ascii_case("last") => published.year() - 1,
                None => published.year(),
            };
            let end = !matches!(c["edge"].to_ascii_lowercase().as_str(), "start" | "beginning");
            let date = if end { Date::new(year, 12, 31).ok()? } else { Date::new(year, 1, 1).ok()? };
            (date <= published).then(|| stated_day(at..offset + m.end(), date))
        })
        .collect()
}

/// See [`year_edges`].
static YEAR_EDGE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?-u:\b)(?:the )?(?P<edge>end|close|start|beginning) of (?:(?P<year>20[0-9]{2})|(?P<which>last|this|the) year)(?-u:\b)",
    )
    .expect("year edge regex")
});

/// "On day 100 of the war", "on the 200th day of the war", "the war's
/// 100th day": the day counted from the pack's first event day (day 1).
fn war_days(sentence: &str, offset: usize, event_dates: &[Date], published: Date) -> Vec<Expression> {
    let Some(&began) = event_dates.iter().min() else { return Vec::new() };
    let b = sentence.as_bytes();
    // Each form holds "day" and a number next to it: most sentences hold none.
    let numbered = finder!(b"day").find_iter(b).any(|i| {
        b.get(i + 4).is_some_and(u8::is_ascii_digit)
            || (i >= 3 && matches!(&b[i - 3..i], b"th " | b"st " | b"nd " | b"rd "))
    });
    if !numbered {
        return Vec::new();
    }
    WAR_DAY
        .captures_iter(sentence)
        .filter_map(|c| {
            let n: i64 = c.name("n").or(c.name("nth")).or(c.name("owned"))?.as_str().parse().ok()?;
            let date = began.checked_add(jiff::Span::new().days(n.checked_sub(1)?)).ok()?;
            let m = c.get(0).expect("whole match");
            (date <= published).then(|| stated_day(offset + m.start()..offset + m.end(), date))
        })
        .collect()
}

/// "By Christmas it had passed 20,000": a fixed holiday named as a day,
/// the last one on or before publication. Without a cue before it ("by",
/// "on"), after one that opens a period ("since Christmas"), or before an
/// event's noun, it dates nothing.
fn holidays(text: &str, sentence: &str, offset: usize, published: Date) -> Vec<Expression> {
    const DAYS: [(&str, i8, i8); 7] = [
        ("Christmas Eve", 12, 24),
        ("Christmas Day", 12, 25),
        ("Christmas", 12, 25),
        ("New Year's Eve", 12, 31),
        ("New Year’s Eve", 12, 31),
        ("New Year's Day", 1, 1),
        ("New Year’s Day", 1, 1),
    ];
    // Most sentences name neither: one vectorised search for both.
    static NAMES: LazyLock<aho_corasick::packed::Searcher> = LazyLock::new(|| {
        aho_corasick::packed::Config::new().builder().extend(["Christmas", "New Year"]).build().expect("holiday names")
    });
    if NAMES.find(sentence).is_none() {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut taken = 0;
    for (i, _) in sentence.match_indices(['C', 'N']) {
        if i < taken {
            continue;
        }
        let Some(&(name, month, day)) = DAYS.iter().find(|(n, _, _)| sentence[i..].starts_with(n)) else { continue };
        let end = i + name.len();
        taken = end;
        if sentence[end..].starts_with(|c: char| c.is_alphanumeric()) {
            continue;
        }
        let at = offset + i;
        let before = words_before(text, at);
        let cued = ends_with_cue(&before, &["by", "on", "at", "over", "as of", "until"]);
        if !cued || ends_with_cue(&before, &PERIOD_CUES) || names_an_event(&sentence[end..]) {
            continue;
        }
        let year =
            if (month, day) <= (published.month(), published.day()) { published.year() } else { published.year() - 1 };
        let Ok(date) = Date::new(year, month, day) else { continue };
        let strength = if ends_with_cue(&before, &STRONG_CUES) { Strength::Strong } else { Strength::Weak };
        out.push(Expression { span: at..offset + end, date, strength, source: AsOfSource::Stated, earliest: None });
    }
    out
}

/// See [`war_days`].
static WAR_DAY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?i)(?-u:\b)(?:day (?P<n>[0-9]{1,4}) of (?:the )?(?:war|conflict|fighting)",
        r"|the (?P<nth>[0-9]{1,4})(?:st|nd|rd|th) day of (?:the )?(?:war|conflict|fighting)",
        r"|the (?:war|conflict)['’]s (?P<owned>[0-9]{1,4})(?:st|nd|rd|th) day)(?-u:\b)"
    ))
    .expect("war day regex")
});

/// See [`war_began`].
static WAR_BEGAN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"^(?:(?:When|As) the (?:war|conflict|fighting) (?:began|started|broke out|erupted)",
        r"|At the (?:start|outset|beginning) of the (?:war|conflict|fighting))(?-u:\b)"
    ))
    .expect("war began regex")
});

/// See [`war_since`].
static WAR_SINCE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?i)(?-u:\b)(?P<n>an?|one|two|three|four|five|six|seven|eight|nine|ten|[0-9]{1,3}) (?P<unit>day|week|month|year)s? ",
        r"(?:after (?:the (?:war|conflict|fighting) (?:began|started|broke out|erupted)|the (?:start|beginning|outbreak) of the (?:war|conflict|fighting))",
        r"|into the (?:war|conflict|fighting))(?-u:\b)"
    ))
    .expect("war since regex")
});

/// See [`war_openings`]: the war must be named, by "of the war" or "the war's".
static WAR_OPENING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?i)(?-u:\b)(?:in|during|within|over|by the end of) the ",
        r"(?:(?P<owner>(?:war|conflict|fighting|offensive)['’]s) )?(?:first|opening) ",
        r"(?:(?P<n>two|three|four|five|six|seven|eight|nine|ten|[0-9]{1,3}) )?",
        r"(?P<unit>day|week|month|year)(?P<plural>s)?",
        // "In the first month alone": a part of the whole the story counts.
        r"(?P<of> of (?:the )?(?:war|conflict|fighting|offensive)| alone)?(?-u:\b)"
    ))
    .expect("war opening regex")
});

/// The part of `sentence` that holds byte `at`: parts are parted by a
/// semicolon, or by a comma and a conjunction that opens a new clause
/// (", and by mid-March it had passed").
fn own_part(sentence: &str, at: usize) -> Range<usize> {
    let (mut start, mut end) = (0, sentence.len());
    for m in PART_BREAK.find_iter(sentence) {
        if m.end() <= at {
            start = m.end();
        } else if m.start() >= at {
            end = m.start();
            break;
        }
    }
    start..end
}

/// A figure that is what a relative clause's verb announced: "$100
/// million that President Biden announced", "the $100 million in U.S.
/// assistance announced by President Biden on October 18".
static ANNOUNCED_OBJECT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^ (?:(?:in|of|for) [^,;.]{1,40}? )?(?:that|which) [^,;.]{0,40}?\b(?:announced|pledged|committed|promised|approved)\b|^ (?:(?:in|of|for) [^,;]{1,40}? )?(?:announced|pledged|committed|promised|approved) by\b")
        .expect("announced-object regex")
});

/// Where one part of a sentence ends and the next begins; a relative
/// clause that describes a noun ("the town, which was among the first
/// hit … nearly a year ago") dates the noun, not the figure.
static PART_BREAK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"; |, (?:and|but|while|whereas) |, which (?:was|were|is|are|has been|had been) ")
        .expect("part break regex")
});

/// The strongest expression, then the nearest to the figure at `figure`
/// (counted from its end for one after it).
fn pick(mut exprs: Vec<Expression>, figure: Range<usize>) -> Option<Expression> {
    let dist = |e: &Expression| {
        if e.span.start >= figure.end { e.span.start - figure.end } else { figure.start.saturating_sub(e.span.end) }
    };
    exprs.sort_by(|a, b| a.strength.cmp(&b.strength).then(dist(a).cmp(&dist(b))).then(a.span.start.cmp(&b.span.start)));
    exprs.into_iter().next()
}

/// The words of a heading that is a day: weekdays and months, in full
/// and shortened.
const CALENDAR_WORDS: [&str; 43] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "mon",
    "tue",
    "tues",
    "wed",
    "thu",
    "thurs",
    "fri",
    "sat",
    "sun",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "of",
    "the",
    "on",
];

/// How many sentences above a figure its section's heading may be.
const HEADING_REACH: usize = 64;

/// The date of the section sentence `si` is in, when its heading is a
/// date and nothing else: a diary's "## Monday", a blog's "### March 13".
fn heading_date(
    doc: &Document,
    quantities: &[Quantity],
    si: usize,
    event_dates: &[Date],
    published: Option<Date>,
) -> Option<Expression> {
    if doc.sentences[si].role != Role::Body {
        return None;
    }
    let h = doc.sentences[si.saturating_sub(HEADING_REACH)..si].iter().rev().find(|p| p.role != Role::Body)?;
    // Most headings hold words other than a day's: those are refused
    // before their dates are read, once per figure under them.
    let calendar_only =
        doc.text[h.span.clone()].split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).all(|w| {
            w.starts_with(|c: char| c.is_ascii_digit()) || CALENDAR_WORDS.iter().any(|n| n.eq_ignore_ascii_case(w))
        });
    if h.role != Role::Heading || !calendar_only {
        return None;
    }
    let e = pick(expressions(doc, quantities, h.span.clone(), event_dates, published), h.span.end..h.span.end)?;
    // A dateline under the title is the publication's day, no section's.
    if Some(e.date) == published {
        return None;
    }
    let rest = [&doc.text[h.span.start..e.span.start], &doc.text[e.span.end..h.span.end]];
    let only_a_date = rest
        .iter()
        .flat_map(|r| r.split(|c: char| !c.is_alphanumeric()))
        .all(|w| w.is_empty() || weekday_named(w).is_some());
    only_a_date.then_some(e)
}

/// The full date that is the whole of the sentence after heading `si`.
fn date_below(doc: &Document, quantities: &[Quantity], si: usize, published: Option<Date>) -> Option<Expression> {
    let below = doc.sentences.get(si + 1)?;
    let raw = &doc.text[below.span.clone()];
    let line = raw.trim();
    let at = below.span.start + raw.len() - raw.trim_start().len();
    let q = quantities.get(quantities.partition_point(|q| q.span.start < at)).filter(|q| q.span.start == at)?;
    let Kind::Date(d) = q.kind else { return None };
    if q.span.len() != line.trim_end_matches('.').len() || d.year.is_none() {
        return None;
    }
    let date = resolve_partial(d, published)?;
    published.is_none_or(|p| date <= p).then(|| Expression {
        span: q.span.clone(),
        date,
        strength: Strength::Strong,
        source: AsOfSource::Stated,
        earliest: None,
    })
}

/// The date of an editor's update or correction whose paragraph holds
/// sentence `si` ("*Update, March 4, 2024: The ministry said on Monday …*",
/// "*Correction, March 27: … It is 32,414.*"), when it is
/// on or after publication: the update's weekdays and "now" are its own.
fn update_date(doc: &Document, quantities: &[Quantity], si: usize) -> Option<Date> {
    let published = doc.meta.published?;
    let first = doc.paragraph_start(si);
    let span = doc.sentences[first].span.clone();
    let sentence = &doc.text[span.clone()];
    let opening = sentence.trim_start_matches(|c: char| !c.is_alphanumeric());
    // "Updated" before "Update", whose prefix it is; a correction is an editor's note too.
    let word = ["Updated", "UPDATED", "Update", "UPDATE", "Correction", "CORRECTION", "Corrected", "CORRECTED"]
        .iter()
        .find(|w| opening.starts_with(**w))?;
    let rest = &opening[word.len()..];
    let rest = rest.strip_prefix(',').unwrap_or(rest);
    let rest = rest.strip_prefix(" on").unwrap_or(rest).trim_start();
    let at = span.end - rest.len();
    let q = quantities.get(quantities.partition_point(|q| q.span.start < at)).filter(|q| q.span.start == at)?;
    let Kind::Date(d) = q.kind else { return None };
    // A yearless update is of the publication's year, or of the next for
    // a story of December.
    let date = match d.year {
        Some(_) => resolve_partial(d, Some(published))?,
        None => {
            let this = Date::new(published.year(), d.month as i8, d.day? as i8).ok()?;
            if this >= published || published.month() < 12 {
                this
            } else {
                Date::new(published.year() + 1, d.month as i8, d.day? as i8).ok()?
            }
        }
    };
    (date >= published).then_some(date)
}

/// How far above a quoted line its "On …, … wrote:" line may be.
const QUOTE_REACH: usize = 4096;

/// The date of the message a `>`-quoted line of an email belongs to, from
/// the line that introduces it ("On Mon, 11 Mar 2024 at 19:02, Foreign
/// Desk wrote:"), when it is on or before publication: the quoted
/// message's "on Monday" and undated figures are of its day, not the reply's.
fn quoted_date(doc: &Document, quantities: &[Quantity], si: usize) -> Option<Date> {
    let published = doc.meta.published?;
    let start = doc.sentences[si].span.start;
    let text = doc.text.as_bytes();
    let line_start = memchr::memrchr(b'\n', &text[..start]).map_or(0, |i| i + 1);
    // How deep a line is quoted: "> > " is 2.
    let depth = |line: &str| line.chars().filter(|c| !c.is_whitespace()).take_while(|&c| c == '>').count();
    let own = depth(doc.text[line_start..].lines().next()?);
    if own == 0 {
        return None;
    }
    // Up the lines quoted as deep or deeper to the one that introduces
    // them: a level out ("On …, … wrote:" then "> …"), or at their depth
    // when the quote holds its own introduction ("> On …" then "> …"),
    // which is not the introduction of a deeper quote right below it.
    let mut end = line_start;
    let mut below = own;
    while end > 0 && line_start - end < QUOTE_REACH {
        let from = memchr::memrchr(b'\n', &text[..end - 1]).map_or(0, |i| i + 1);
        let line = doc.text[from..end].trim();
        let d = depth(line);
        let unquoted = line.trim_start_matches(|c: char| c == '>' || c.is_whitespace());
        let introduces = unquoted.starts_with("On ") && unquoted.ends_with("wrote:");
        if d + 1 == own || (d == own && below == own && introduces) {
            if !introduces {
                return None;
            }
            let first = quantities.partition_point(|q| q.span.start < from);
            let q = quantities[first..]
                .iter()
                .take_while(|q| q.span.start < end)
                .find(|q| matches!(q.kind, Kind::Date(_)))?;
            let Kind::Date(d) = q.kind else { return None };
            return resolve_partial(d, Some(published)).filter(|&date| date <= published);
        }
        if d < own {
            return None;
        }
        below = d;
        end = from;
    }
    None
}

/// Whether a part of a sentence reports in the present tense: "and
/// Israel says about 130 remain", "while the UN estimates".
fn speaks_in_present(part: &str) -> bool {
    PRESENT_REPORT.is_match(part)
}

static PRESENT_REPORT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)(?:says|say|estimates|believes|counts|puts)(?-u:\b)").expect("present report regex")
});

/// Words one of which `EARLIER` needs, looked for first.
static EARLIER_WORDS: LazyLock<aho_corasick::packed::Searcher> = LazyLock::new(|| {
    aho_corasick::packed::Config::new()
        .builder()
        .extend(["arlier", "reviously", "nitially", "riginally", "t one point", "sed to "])
        .build()
        .expect("earlier words")
});

/// A figure of some earlier day: "Earlier, the ministry said", "had
/// previously put the toll at", "was initially given as", "We used to
/// estimate that there were".
static EARLIER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?-u:\b)(?:earlier|previously|initially|originally|at one point|used to (?:estimate|say|count|put|report|believe|think))(?-u:\b)",
    )
    .expect("earlier regex")
});

/// Whether a sentence tells what is going on as it is written: "Hamas is
/// holding four others" is not of the date the sentence before gives
/// ("released 105 hostages at the end of November"). A bare "remain" is
/// no such sign: a fact box's "133 remain" is of the box's date.
fn holds_now(sentence: &str) -> bool {
    static HOLDS: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(concat!(
            r"(?-u:\b)(?:(?:is|are) (?:still )?holding|(?:is|are) still (?:being )?held",
            r"|(?:is|are) (?:still )?(?:believed|thought|presumed|estimated) to (?:still )?(?:be held|remain))(?-u:\b)"
        ))
        .expect("holds-now regex")
    });
    HOLDS.is_match(sentence)
}

/// Whether a sentence says "now".
fn says_now(sentence: &str) -> bool {
    let b = sentence.as_bytes();
    finder!(b"now").find_iter(b).chain(finder!(b"Now").find_iter(b)).any(|i| {
        let word = |j: usize| b.get(j).is_some_and(|c| c.is_ascii_alphanumeric());
        (i == 0 || !word(i - 1)) && !word(i + 3)
    })
}

/// The end of the first figure in `within` that another is compared
/// with: "rose to 28,340 from 28,176", "…, up from 28,340", "down from".
/// The dates after it are that figure's.
fn compared_from(doc: &Document, quantities: &[Quantity], within: Range<usize>) -> Option<usize> {
    let first = quantities.partition_point(|q| q.span.start < within.start);
    let ends_figure = |at: usize| {
        let i = quantities.partition_point(|p| p.span.start < at);
        i > 0 && quantities[i - 1].span.end == at
    };
    quantities[first..].iter().take_while(|q| q.span.end <= within.end).find_map(|q| {
        let before = doc.text[within.start..q.span.start].trim_end();
        // "a figure higher than the 7,000 the ministry gave in March".
        if is_compared_with(before) {
            return Some(q.span.end);
        }
        let before = before.strip_suffix("from")?.trim_end();
        let word = before.rsplit(|c: char| !c.is_ascii_alphabetic()).next().unwrap_or("");
        let after_figure = before.is_empty() || ends_figure(within.start + before.len());
        // "The number had increased from 4,385 on Saturday": Saturday is 4,385's.
        let changed = matches!(
            word,
            "increased" | "decreased" | "rose" | "risen" | "climbed" | "jumped" | "grown" | "fallen" | "dropped"
        );
        (after_figure || changed || matches!(word, "up" | "down")).then_some(q.span.end)
    })
}

/// Whether `before` ends by comparing with the figure after it: "higher
/// than the", "compared with". "More than" alone is the figure's own
/// qualifier.
fn is_compared_with(before: &str) -> bool {
    let before = before.strip_suffix(" the").unwrap_or(before);
    let mut words = before.rsplit(' ');
    match (words.next(), words.next()) {
        (Some("than"), Some(w)) => {
            matches!(w, "higher" | "lower" | "greater" | "fewer" | "larger" | "smaller")
        }
        (Some("with" | "to"), Some("compared")) => true,
        // "a sharp jump from the previous count of more than 13,300 on November 20".
        (Some("of"), Some("count" | "toll" | "figure" | "tally" | "total" | "estimate")) => {
            matches!(words.next(), Some("previous" | "earlier" | "prior" | "last" | "former"))
        }
        _ => false,
    }
}

/// Whether the date at `date` opens the list item `item` ("As of 13 May,
/// the MoH reports …", "On Monday, …").
fn opens_item(doc: &Document, item: &Range<usize>, date: &Range<usize>) -> bool {
    let before = doc.text[item.start..date.start.max(item.start)].trim();
    before.is_empty() || ["As of", "as of", "On", "By", "As at"].contains(&before)
}

/// A note that dates all of a document's figures, a sentence of its own:
/// "Figures as of 30 April 2024.", "All figures are as of 10 November,
/// 14:00 (Gaza time).", "Data correct as at 1 May". The note's words and
/// date, when the document's notes agree on one date.
pub struct FiguresNote {
    pub span: Range<usize>,
    pub date: Date,
}

/// What a note on the figures says of one: its date, weakly.
fn note_expression(n: &FiguresNote) -> Expression {
    Expression {
        span: n.span.clone(),
        date: n.date,
        strength: Strength::Weak,
        source: AsOfSource::Stated,
        earliest: None,
    }
}

static FIGURES_NOTE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?i)^[^\pL\pN]*(?:[0-9]{1,2}\s+)?(?:all\s+)?(?:the\s+)?(?:casualty\s+)?",
        r"(?:figures|data|numbers|statistics|totals|tallies)(?:\s+(?:are|were|is))?",
        r"(?:\s+(?:correct|current|accurate|up to date))?\s+as\s+(?:of|at)\s+$"
    ))
    .expect("figures note regex")
});

/// What dates any figure of a document: the pack's event dates ("7
/// October"), and the document's figures note.
#[derive(Clone, Copy, Default)]
pub struct Dating<'a> {
    pub event_dates: &'a [Date],
    pub note: Option<&'a FiguresNote>,
}

/// The document's figures note, when all of its notes give one date.
pub fn figures_note(doc: &Document, quantities: &[Quantity], published: Option<Date>) -> Option<FiguresNote> {
    let b = doc.text.as_bytes();
    let mut found: Option<FiguresNote> = None;
    // Built once: a searcher's set-up costs more than a short article's search.
    let hits = finder!(b"as of ").find_iter(b).chain(finder!(b"as at ").find_iter(b));
    for at in hits {
        let Some(s) = doc.sentence_at(at) else { continue };
        let date_at = at + "as of ".len();
        if !FIGURES_NOTE.is_match(&doc.text[s.span.start..date_at]) {
            continue;
        }
        // The date right after, and little but a time after it.
        let i = quantities.partition_point(|q| q.span.start < date_at);
        let Some(q) = quantities.get(i).filter(|q| q.span.start == date_at) else { continue };
        let Kind::Date(d) = q.kind else { continue };
        if d.day.is_none() || s.span.end.saturating_sub(q.span.end) > 30 {
            continue;
        }
        let Some(date) = resolve_partial(d, published) else { continue };
        let lead = doc.text[s.span.start..at].len()
            - doc.text[s.span.start..at].trim_start_matches(|c: char| !c.is_alphanumeric()).len();
        let note = FiguresNote { span: s.span.start + lead..q.span.end, date };
        match &found {
            Some(f) if f.date != note.date => return None,
            Some(_) => {}
            None => found = Some(note),
        }
    }
    found
}

/// The as-of date of a figure at `figure` in sentence `sentence` of `doc`.
/// A date in an earlier sentence of the paragraph is taken only where
/// `carries(earlier sentence's span)` says that sentence speaks for the
/// figure's source: "The Pentagon said its airdrop on Saturday delivered
/// meals. 30,800 have been killed, according to the health ministry" is
/// not dated Saturday.
pub fn resolve(
    doc: &Document,
    quantities: &[Quantity],
    sentence: usize,
    figure: usize,
    dating: Dating<'_>,
    antecedent: Option<&AsOf>,
    carries: impl Fn(Range<usize>) -> bool,
) -> AsOf {
    let Dating { event_dates, note } = dating;
    let s = &doc.sentences[sentence];
    // An editor's update speaks from its own day.
    let published = update_date(doc, quantities, sentence)
        .or_else(|| quoted_date(doc, quantities, sentence))
        .or(doc.meta.published);
    // The figure's whole span, when it is one of the quantities.
    let figure_span = match quantities.binary_search_by_key(&figure, |q| q.span.start) {
        Ok(i) => quantities[i].span.clone(),
        Err(_) => figure..figure,
    };
    let mut own = expressions(doc, quantities, s.span.clone(), event_dates, published);
    // "129 hostages remain after 105 were freed during a truce in November":
    // a date past a connective dates the other event, not the figure.
    // But "the $100 million that Biden announced during his visit in
    // October": the event the date is of is the figure's own announcing.
    let announced = ANNOUNCED_OBJECT.is_match(&doc.text[figure_span.end..s.span.end]);
    own.retain(|e| {
        e.span.start <= figure
            || announced
            || ![" after ", " before ", " during ", " following ", " when "]
                .iter()
                .any(|w| doc.text[figure..e.span.start].contains(w))
    });
    // "The toll has passed 50,000, as 400 people died in airstrikes last
    // week": a date past ", as" and another figure is that figure's event;
    // so is one past ", and that" (a second statement): "… said 7,000 are
    // missing, and that 85,000 were displaced between 1 and 8 January".
    own.retain(|e| {
        let between = &doc.text[figure..e.span.start.max(figure)];
        e.span.start <= figure
            || [", as ", ", and that "].iter().filter_map(|c| between.find(c)).min().is_none_or(|at| {
                let from = figure + at;
                // Quantities are in text order: only those past the connective are read.
                let first = quantities.partition_point(|q| q.span.start <= from);
                !quantities[first..].iter().take_while(|q| q.span.end <= e.span.start).any(|q| q.is_count())
            })
    });
    // "Today's announcement builds on the $100 million … announced by
    // President Biden on October 18": the announcement's own date.
    if announced && own.iter().any(|e| e.span.start > figure) {
        own.retain(|e| e.span.start > figure);
    }
    // "rose to 28,340 from 28,176 on Sunday": a date after the figure it
    // rose from is that figure's.
    let compared_end = compared_from(doc, quantities, figure_span.end..s.span.end);
    if let Some(end) = compared_end {
        own.retain(|e| e.span.start < end);
    }
    // The nearest earlier sentence of the same paragraph that dates
    // itself; for a table row or a list item, of the rows or items
    // above it and the paragraph before them ("Figures as of April 9:").
    let carried = || {
        let row = |i: usize| doc.sentences[i].item || is_table_row(&doc.text[doc.sentences[i].span.clone()]);
        let mut from = sentence;
        let in_table = row(sentence);
        let mut block = sentence;
        if in_table {
            while from > 0 && row(from - 1) {
                from -= 1;
            }
            block = from;
            if from > 0 {
                let caption = doc.sentences[from - 1].paragraph;
                while from > 0 && doc.sentences[from - 1].paragraph == caption {
                    from -= 1;
                }
            }
        } else {
            while from > 0 && doc.sentences[from - 1].paragraph == s.paragraph {
                from -= 1;
            }
        }
        // A table's header row dates each column by its own cell
        // (`| | Dec 31 | Jan 31 |`), and the whole table like a caption.
        let column =
            |at: usize, row: &Range<usize>| memchr::memchr_iter(b'|', &doc.text.as_bytes()[row.start..at]).count();
        let own_column = if in_table { column(figure, &s.span) } else { 0 };
        for (i, prev) in doc.sentences[from..sentence].iter().enumerate().rev() {
            let mut exprs = expressions(doc, quantities, prev.span.clone(), event_dates, published);
            // "Saturday's raid killed 274. The overall count has risen to
            // 37,084": the day is the raid's, not the count's.
            exprs.retain(|e| !owns_an_event(&doc.text[e.span.end..prev.span.end]));
            // "…, up from 28,340 on Monday." leaves Monday to 28,340.
            if let Some(end) = compared_from(doc, quantities, prev.span.clone()) {
                exprs.retain(|e| e.span.start < end);
            }
            let header = in_table && from + i == block && is_table_row(&doc.text[prev.span.clone()]);
            let in_column =
                header.then(|| exprs.iter().position(|e| column(e.span.start, &prev.span) == own_column)).flatten();
            let picked = match in_column {
                Some(k) => exprs.into_iter().nth(k),
                None => pick(exprs, prev.span.end..prev.span.end),
            };
            if let Some(x) = picked {
                // A caption dates the whole table or list, whoever its rows
                // cite; a row or item above, only a figure of its source,
                // and one of another source leaves the caption to date it.
                // An item's own sentences are one paragraph: not siblings.
                let sibling = in_table && from + i >= block && !header && prev.paragraph != s.paragraph;
                if sibling && !carries(prev.span.clone()) {
                    continue;
                }
                // "3. As of 13 May, the MoH reports …": a date that opens an
                // item frames that item alone; the list's caption frames them all.
                if sibling && opens_item(doc, &prev.span, &x.span) {
                    continue;
                }
                return Some(x).filter(|_| in_table || carries(prev.span.clone()));
            }
        }
        None
    };
    // "A week earlier, the ministry had counted 22,800 dead": a week before
    // the date the sentence would otherwise hold; "two days ago", before publication.
    let shifts = shifted(&doc.text[s.span.clone()]);
    if !shifts.is_empty() {
        let own_date = pick(own.clone(), figure_span.clone()).map(|e| e.date);
        for (span, days, months, ago) in shifts {
            // "killed 27 since the start of the war over a month ago": when
            // the figure's period opened ("the toll since … was 9 a week ago" is 9's date).
            let before = &doc.text[s.span.start..s.span.start + span.start];
            let clause = before.rfind([',', ';']).map_or(0, |i| i + 1);
            if before[clause..].rfind("since ").is_some_and(|i| s.span.start + clause + i > figure_span.start) {
                continue;
            }
            // "The fighting began a year ago, alongside an offensive that has
            // killed 41,800": when something began, not when the figure held.
            if OPENED.iter().any(|w| before.trim_end().ends_with(w)) {
                continue;
            }
            // "24 are alive, with 35 dead captives, among them a soldier
            // killed 10 years ago": the time ago of a noun's own past,
            // after the figure's clause, is that noun's.
            if ago && s.span.start + clause > figure_span.end && names_a_past_of_its_own(&before[clause..]) {
                continue;
            }
            // "That is up from 23,084 a week earlier": a week before the
            // figure its subject stands for.
            let anchor = if ago {
                published
            } else {
                own_date.or_else(|| carried().map(|e| e.date)).or_else(|| antecedent.and_then(|a| a.date))
            };
            let Some(anchor) = anchor.or(published) else { continue };
            let Ok(date) = anchor.checked_add(jiff::Span::new().days(days).months(months)) else { continue };
            if published.is_some_and(|p| date > p) {
                continue;
            }
            let span = s.span.start + span.start..s.span.start + span.end;
            // "had risen to 11,078, up from 10,818 the previous day": the shift is 10,818's.
            if compared_end.is_some_and(|end| span.start >= end) {
                continue;
            }
            // "A year ago today": the day is the shift's, not "today".
            own.retain(|e| !(span.start <= e.span.start && e.span.end <= span.end));
            own.push(Expression { span, date, strength: Strength::Weak, source: AsOfSource::Relative, earliest: None });
        }
    }
    // "Last month the ministry put the toll at 28,000; by mid-March it had
    // passed 31,000": a date in the figure's own part of the sentence dates
    // it, whatever the other part holds.
    let mut present_part = false;
    if !own.is_empty() {
        let part = own_part(&doc.text[s.span.clone()], figure - s.span.start);
        let words = &doc.text[s.span.start + part.start..s.span.start + part.end];
        let part = s.span.start + part.start..s.span.start + part.end;
        if own.iter().any(|e| part.contains(&e.span.start)) {
            own.retain(|e| part.contains(&e.span.start));
        } else if part.start > s.span.start && (speaks_in_present(words) || says_now(words)) {
            // "105 were freed in November, and Israel says about 130
            // remain": a part that says in the present is of the writing.
            own.clear();
            present_part = true;
        } else if ["; ", ", which "].iter().any(|b| doc.text[part.end..s.span.end].starts_with(b)) {
            // "… has given $150 million since October; $150 million was
            // announced in November": a date past a semicolon is its clause's,
            // and one in a clause that describes a noun is the noun's.
            own.retain(|e| e.span.start < part.end);
        }
    }
    let found = pick(own, figure_span);
    // A teaser's headline with its date on the line below: "Rafah raid
    // frees four hostages" / "June 8, 2024".
    let below = match (&found, s.role) {
        (None, Role::Headline | Role::Heading) => date_below(doc, quantities, sentence, published),
        _ => None,
    };
    let (found, earlier) = match found {
        Some(e) => (Some(e), false),
        None if below.is_some() => (below, false),
        // "1.9 million people are now displaced": as of the writing, not
        // of the date the sentence before gives.
        // A note on the figures ("Figures as of 30 April 2024.") still dates it.
        None if present_part
            || says_now(&doc.text[s.span.clone()])
            || holds_now(&doc.text[s.span.clone()])
            || speaks_in_present(&doc.text[s.span.start..figure]) =>
        {
            (note.map(note_expression), false)
        }
        // "the ministry's count for the same period": the period a sentence
        // before closed, in its paragraph or the one before.
        None if finder!(b"same").find(doc.text[s.span.clone()].as_bytes()).is_some()
            && SAME_PERIOD.is_match(&doc.text[s.span.clone()]) =>
        {
            let closed = doc.sentences[sentence.saturating_sub(4)..sentence].iter().rev().find_map(|prev| {
                let exprs = expressions(doc, quantities, prev.span.clone(), event_dates, published);
                exprs.into_iter().rev().find(|e| e.strength == Strength::Strong)
            });
            (closed.or_else(carried), true)
        }
        // "Earlier, the ministry said 30,000 had been killed": some day
        // between the war's first and the one the sentence speaks from.
        None if EARLIER_WORDS.find(&doc.text[s.span.start..figure]).is_some() => {
            // "Earlier in the day" is the story's own day, not some day before.
            let cue = EARLIER.find(&doc.text[s.span.start..figure]).filter(|m| {
                let after = &doc.text[s.span.start + m.end()..figure];
                // Nor is "freed in earlier ceasefires": an earlier event, not an earlier figure.
                const EVENTS: [&str; 11] = [
                    " ceasefire",
                    " cease-fire",
                    " truce",
                    " round",
                    " war",
                    " conflict",
                    " exchange",
                    " swap",
                    " deal",
                    " phase",
                    " release",
                ];
                ![" in the day", " that day", " the same day", " on the same day"].iter().any(|w| after.starts_with(w))
                    && !EVENTS.iter().any(|w| after.starts_with(w))
            });
            let carried = carried();
            let until = carried.as_ref().map(|e| e.date).or(published);
            let began = event_dates.iter().min().copied();
            match (cue, until, began) {
                (Some(cue), Some(date), Some(began)) if began < date => (
                    Some(Expression {
                        span: s.span.start + cue.start()..s.span.start + cue.end(),
                        date,
                        strength: Strength::Weak,
                        source: AsOfSource::Relative,
                        earliest: Some(began),
                    }),
                    false,
                ),
                _ => (carried, true),
            }
        }
        None => match carried().or_else(|| heading_date(doc, quantities, sentence, event_dates, published)) {
            Some(e) => (Some(e), true),
            // "Figures as of 30 April 2024.": the note's words say what they date.
            None => (note.map(note_expression), false),
        },
    };
    match found {
        Some(e) => AsOf {
            date: Some(e.date),
            source: e.source,
            text: Some(doc.text[e.span.clone()].into()),
            from_earlier_sentence: earlier,
            earliest: e.earliest,
        },
        // "The UN's figure is about 1.7 million": as of the figure it stands for.
        None if earlier && antecedent.is_some_and(|a| a.date.is_some()) => {
            AsOf { from_earlier_sentence: true, ..antecedent.expect("checked").clone() }
        }
        None => match published {
            Some(d) => AsOf {
                date: Some(d),
                source: AsOfSource::Published,
                text: None,
                from_earlier_sentence: false,
                earliest: None,
            },
            None => AsOf {
                date: None,
                source: AsOfSource::Undated,
                text: None,
                from_earlier_sentence: false,
                earliest: None,
            },
        },
    }
}

/// Whether `before` (the words before a time ago) ends with a noun and a
/// participle of its own past: "a soldier killed", "a man born"; not "were
/// killed", whose time ago is the figure's.
fn names_a_past_of_its_own(before: &str) -> bool {
    const PAST: [&str; 10] =
        ["killed", "taken", "kidnapped", "abducted", "captured", "seized", "born", "buried", "murdered", "died"];
    const AUXILIARY: [&str; 12] =
        ["was", "were", "been", "be", "is", "are", "had", "have", "has", "being", "got", "get"];
    let mut words = before.split_whitespace().rev();
    let (Some(verb), Some(noun)) = (words.next(), words.next()) else { return false };
    PAST.contains(&verb)
        && noun.bytes().all(|b| b.is_ascii_alphabetic())
        && !AUXILIARY.iter().any(|a| a.eq_ignore_ascii_case(noun))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dates::parse_date;
    use crate::document::{Document, Format, MetaFields};
    use crate::quantity::recognize;

    fn as_of(text: &str, published: &str, event: Option<&str>) -> AsOf {
        as_of_in(Format::Text, text, published, event)
    }

    /// A date past a semicolon dates its own clause, not a figure before it;
    /// a speech's date at the sentence's end dates the whole sentence.
    #[test]
    fn a_date_past_a_semicolon_is_its_clause_s() {
        let a = as_of(
            "The United States has given FIG $150 million since October; $150 million was announced in November.",
            "2024-04-05",
            None,
        );
        assert_eq!((a.date, a.source), (parse_date("2024-04-05"), AsOfSource::Published));
        let a =
            as_of("A strike killed FIG 30 people, and wounded 50, the agency said on Wednesday.", "2024-07-11", None);
        assert_eq!(a.date, parse_date("2024-07-10"));
    }

    /// "Figures as of 30 April 2024." dates the figures nothing else dates;
    /// notes that disagree, or a sentence that says more, date nothing.
    #[test]
    fn a_figures_note_dates_the_document_s_undated_figures() {
        let note_of = |text: &str| {
            let mut p = Vec::new();
            let meta = MetaFields { published: parse_date("2024-05-02"), ..Default::default() };
            let doc = Document::build("a.md".into(), Format::Markdown, text.to_string(), Some(meta), &mut p);
            let qs = recognize(&doc.text);
            let note = figures_note(&doc, &qs, doc.meta.published);
            let fig = doc.text.find("FIG").unwrap();
            let si = doc.sentences.iter().position(|s| s.span.contains(&fig)).unwrap();
            let a = resolve(&doc, &qs, si, fig, Dating { event_dates: &[], note: note.as_ref() }, None, |_| true);
            (a.date.map(|d| d.to_string()), a.describe())
        };
        let (date, shown) = note_of("* FIG 34,535 killed\n* 77,704 injured\n\n*Figures as of 30 April 2024.*\n");
        assert_eq!(date.as_deref(), Some("2024-04-30"));
        assert_eq!(shown, "2024-04-30 (\"Figures as of 30 April 2024\")");
        let (date, _) =
            note_of("All figures are as of 29 April, 14:00 (Gaza time).\n\nFIG 34,535 were killed in all.\n");
        assert_eq!(date.as_deref(), Some("2024-04-29"));
        // A stated date of its own wins.
        let (date, _) = note_of("By 28 April, FIG 34,454 had been killed.\n\nFigures as of 30 April 2024.\n");
        assert_eq!(date.as_deref(), Some("2024-04-28"));
        for text in [
            "FIG 34,535 killed.\n\nFigures as of 30 April 2024.\n\nData as of 1 May 2024.\n",
            "FIG 34,535 killed.\n\nFigures as of 30 April show that the toll rose by 12 percent in a month.\n",
        ] {
            assert_eq!(note_of(text).0.as_deref(), Some("2024-05-02"), "{text}");
        }
    }

    fn as_of_in(format: Format, text: &str, published: &str, event: Option<&str>) -> AsOf {
        let mut p = Vec::new();
        let meta = MetaFields { published: parse_date(published), ..Default::default() };
        let doc = Document::build("a".into(), format, text.to_string(), Some(meta), &mut p);
        let qs = recognize(&doc.text);
        let fig = doc.text.find("FIG").unwrap();
        let si = doc.sentences.iter().position(|s| s.span.contains(&fig)).unwrap();
        let events: Vec<Date> = event.and_then(parse_date).into_iter().collect();
        resolve(&doc, &qs, si, fig, Dating { event_dates: &events, note: None }, None, |_| true)
    }

    #[test]
    fn a_weekday_that_opens_a_period_dates_nothing() {
        let dated = |text: &str| {
            let a = as_of(text, "2023-10-13", None);
            (a.date.map(|d| d.to_string()), a.text)
        };
        assert_eq!(
            dated(
                "At least FIG Israelis have been killed since a surprise attack by Hamas early Saturday, KAN said Thursday."
            ),
            (Some("2023-10-12".into()), Some("Thursday".into()))
        );
        assert_eq!(
            dated("Since Hamas began its attack early Saturday morning, FIG people have been killed in Israel."),
            (Some("2023-10-13".into()), None)
        );
        // A period with its date, or a trip that began that day.
        assert_eq!(
            dated("Blinken wrapped up his FIG visit since October 7 last Thursday.").1.as_deref(),
            Some("last Thursday")
        );
        assert_eq!(dated("Blinken's FIG trip, which began on Friday.").1.as_deref(), Some("on Friday"));
        // Not a clause of its own: the day the figure was given.
        assert_eq!(dated("On Saturday the ministry said FIG had been killed.").0.as_deref(), Some("2023-10-07"));
    }

    #[test]
    fn weekdays_resolve_to_the_last_one_before_publication() {
        let a = as_of("Blinken arrived in Israel on Tuesday, marking his FIG visit.", "2024-10-24", None);
        assert_eq!(
            (a.date, a.source, a.text.as_deref()),
            (parse_date("2024-10-22"), AsOfSource::Relative, Some("on Tuesday"))
        );
    }

    #[test]
    fn a_heading_is_dated_by_the_date_line_below_it() {
        let mut p = Vec::new();
        let page = "<html><head><meta property=\"article:published_time\" content=\"2024-06-10\"></head><body>\
            <h3>Ministry says 274 killed</h3><p>June 8, 2024</p><h3>Toll passes 30,000</h3><p>Updated hourly</p></body></html>";
        let doc = Document::build("t.html".into(), Format::Html, page.to_string(), None, &mut p);
        let qs = recognize(&doc.text);
        let at = |fig: &str| {
            let f = doc.text.find(fig).unwrap();
            let si = doc.sentences.iter().position(|s| s.span.contains(&f)).unwrap();
            resolve(&doc, &qs, si, f, Dating::default(), None, |_| true)
        };
        assert_eq!((at("274").date, at("274").source), (parse_date("2024-06-08"), AsOfSource::Stated));
        assert_eq!((at("30,000").date, at("30,000").source), (parse_date("2024-06-10"), AsOfSource::Published));
    }

    #[test]
    fn a_count_over_a_period_is_its_last_day() {
        let a = as_of(
            "FIG people died in Gaza between October 7, 2023 and June 30, 2024.",
            "2025-01-10",
            Some("2023-10-07"),
        );
        assert_eq!((a.date, a.text.as_deref()), (parse_date("2024-06-30"), Some("June 30, 2024")));
        let a = as_of(
            "A study counted 64,260 dead from 7 October 2023 to 30 June 2024.\n\nThe ministry's count for the same period was FIG.",
            "2025-01-10",
            Some("2023-10-07"),
        );
        assert_eq!((a.date, a.from_earlier_sentence), (parse_date("2024-06-30"), true));
        assert!(SAME_PERIOD.is_match("the ministry's count for the same\nperiod"));
        // A period's opening date alone dates nothing.
        let a = as_of("FIG people have died since October 7, 2023.", "2025-01-10", None);
        assert_eq!(a.source, AsOfSource::Published);
    }

    #[test]
    fn the_month_a_war_began_in_opens_its_period() {
        let d = as_of(
            "The truce ends a war that began in October 2023 and resulted in over FIG deaths in Gaza.",
            "2025-10-13",
            None,
        );
        assert_eq!((d.date, d.source), (parse_date("2025-10-13"), AsOfSource::Published));
    }

    #[test]
    fn last_and_a_month_is_that_month_s_last_passing() {
        let d = as_of("Last December, the ministry said FIG had been killed.", "2024-10-02", None);
        assert_eq!((d.date, d.earliest), (parse_date("2023-12-31"), parse_date("2023-12-01")));
        let d = as_of("Last March, the ministry said FIG had been killed.", "2024-10-02", None);
        assert_eq!(d.date, parse_date("2024-03-31"));
        // Its own month named "last" is a year back, not the month so far.
        let d = as_of("Last October, the ministry said FIG had been killed.", "2024-10-20", None);
        assert_eq!(d.date, parse_date("2023-10-31"));
        let d = as_of("In October, the ministry said FIG had been killed.", "2024-10-20", None);
        assert_eq!(d.date, parse_date("2024-10-20"));
    }

    #[test]
    fn a_sentence_that_opens_at_the_war_s_start_is_of_its_first_day() {
        let d = as_of("When the war began, Gaza was home to FIG people.", "2024-09-30", Some("2023-10-07"));
        assert_eq!((d.date, d.source), (parse_date("2023-10-07"), AsOfSource::Stated));
        let d = as_of("At the start of the war, FIG people lived in the north.", "2024-09-30", Some("2023-10-07"));
        assert_eq!(d.date, parse_date("2023-10-07"));
        // Inside the sentence the words frame one clause only.
        let d = as_of(
            "Biden, who visited Israel when the war began, said FIG had been killed.",
            "2024-09-30",
            Some("2023-10-07"),
        );
        assert_eq!(d.date, parse_date("2024-09-30"));
    }

    #[test]
    fn a_date_after_the_figure_risen_from_is_its_own() {
        let d = as_of(
            "The ministry announced that the overall death toll surpassed FIG, a sharp jump from the previous count of more than 13,300 on November 20.",
            "2023-12-02",
            None,
        );
        assert_eq!(d.date, parse_date("2023-12-02"));
        let mut p = Vec::new();
        let meta = MetaFields { published: parse_date("2024-02-12"), ..Default::default() };
        let text = "Officials said on Monday that the toll rose to 28,340 from 28,176 on Sunday.";
        let doc = Document::build("a.txt".into(), Format::Text, text.to_string(), Some(meta), &mut p);
        let a =
            resolve(&doc, &recognize(&doc.text), 0, text.find("28,340").unwrap(), Dating::default(), None, |_| true);
        assert_eq!((a.date, a.text.as_deref()), (parse_date("2024-02-12"), Some("on Monday")));
    }

    #[test]
    fn an_update_speaks_from_its_own_day() {
        let date = |text: &str| as_of(text, "2024-02-29", None).date.map(|d| d.to_string());
        // Published on a Thursday; the update of Monday, March 4 says "on Monday".
        let d = date("*Update, March 4, 2024: The ministry said on Monday that the toll had risen to FIG.*");
        assert_eq!(d.as_deref(), Some("2024-03-04"));
        let d = date("Updated March 4: The toll has risen. It stood at FIG.");
        assert_eq!(d.as_deref(), Some("2024-03-04"));
        // The rest of the article speaks from publication.
        let d = date("Update, March 4, 2024: new figures.\n\nThe ministry said on Monday that FIG had been killed.");
        assert_eq!(d.as_deref(), Some("2024-02-26"));
        // A correction speaks from its day too: its yearless date a day
        // after publication is of the same year, not of the year before.
        let d = date("The toll is 5.\n\n*Correction, March 1: An earlier version gave the toll as 1. It is FIG.*");
        assert_eq!(d.as_deref(), Some("2024-03-01"));
        // An "update" dated before publication is no editor's update.
        let d = date("Update, February 1: the ministry said on Monday that FIG had been killed.");
        assert_eq!(d.as_deref(), Some("2024-02-26"));
    }

    #[test]
    fn a_quoted_email_speaks_from_its_own_day() {
        let date = |text: &str| as_of(text, "2024-03-12", None).date.map(|d| d.to_string());
        let quoted =
            "Thanks.\n\n> On Mon, 11 Mar 2024 at 19:02, Desk wrote:\n> The ministry said\n> that FIG were killed.";
        assert_eq!(date(quoted).as_deref(), Some("2024-03-11"));
        let weekday = "On 8 March 2024, Desk wrote:\n>\n> On Thursday the toll was FIG.";
        assert_eq!(date(weekday).as_deref(), Some("2024-03-07"));
        // The reply above the quote speaks from its own date.
        let reply = "The toll is FIG.\n\n> On Mon, 11 Mar 2024 at 19:02, Desk wrote:\n> Old figures.";
        assert_eq!(date(reply).as_deref(), Some("2024-03-12"));
        // A quote with no introducing line, or one dated after the reply, is the reply's.
        assert_eq!(date("> The toll is FIG.").as_deref(), Some("2024-03-12"));
        let later = "> On Mon, 18 Mar 2024, Desk wrote:\n> The toll is FIG.";
        assert_eq!(date(later).as_deref(), Some("2024-03-12"));
        // A quote within the quote is of its own message; the text after it of the outer one.
        let nested = "On Mon, 11 Mar 2024, B wrote:\n> On Sun, 10 Mar 2024, C wrote:\n> > C said FIG.\n> B adds more.";
        assert_eq!(date(nested).as_deref(), Some("2024-03-10"));
        let after = "On Mon, 11 Mar 2024, B wrote:\n> On Sun, 10 Mar 2024, C wrote:\n> > C said 5.\n> B says FIG now.";
        assert_eq!(date(after).as_deref(), Some("2024-03-11"));
    }

    #[test]
    fn a_date_after_the_figure_is_as_near_as_one_before() {
        // "a day earlier" follows 29,954 as closely as "on Thursday" precedes it.
        let a = as_of("The toll rose to 30,035 on Thursday, from FIG a day earlier.", "2024-02-29", None);
        assert_eq!(a.date.map(|d| d.to_string()).as_deref(), Some("2024-02-28"));
        // A figure "increased from" dates that figure, not the sentence after it.
        let text = "The number had increased from 4,385 on Saturday, the ministry said. There are FIG wounded.";
        let a = as_of(text, "2023-10-22", None);
        assert_eq!((a.date.map(|d| d.to_string()).as_deref(), a.source), (Some("2023-10-22"), AsOfSource::Published));
    }

    #[test]
    fn times_counted_from_another() {
        let date = |text: &str| as_of(text, "2024-01-15", None).date.map(|d| d.to_string());
        // From the date the sentence before gives, else from its own.
        let d =
            date("The ministry said on Sunday that 23,968 had been killed. A week earlier, it had counted FIG dead.");
        assert_eq!(d.as_deref(), Some("2024-01-07"));
        let d = date("The ministry said on Sunday that 23,968 had been killed, up from FIG a week earlier.");
        assert_eq!(d.as_deref(), Some("2024-01-07"));
        let d = date("On January 10 the toll was 23,357; two days later, it was FIG.");
        assert_eq!(d.as_deref(), Some("2024-01-12"));
        let d = date("The day before, the count was FIG.");
        assert_eq!(d.as_deref(), Some("2024-01-14"));
        // "ago" counts from publication; "before" with its object dates that object.
        let d = date("On Sunday the ministry said so. Three weeks ago it counted FIG.");
        assert_eq!(d.as_deref(), Some("2023-12-25"));
        let d = date("A year ago today, the ministry counted FIG.");
        assert_eq!(d.as_deref(), Some("2023-01-15"));
        let d = date("He met them a week before the truce and counted FIG.");
        assert_eq!(d.as_deref(), Some("2024-01-15"));
        // Never past publication.
        let d = date("On Sunday the ministry said so. A week later the count was FIG.");
        assert_eq!(d.as_deref(), Some("2024-01-14"));
        // A time ago that opens the count's period is when it began.
        let d = date("The agency said FIG have been wounded since the start of the war over a month ago.");
        assert_eq!(d.as_deref(), Some("2024-01-15"));
        let d = date(
            "This is his FIG trip since the outbreak of the war triggered by the attack on Israel over a year ago.",
        );
        assert_eq!(d.as_deref(), Some("2024-01-15"));
        let d = date("The fighting began a year ago, alongside an offensive that has killed FIG people.");
        assert_eq!(d.as_deref(), Some("2024-01-15"));
        let d = date("FIG people have been killed since the war began last month, the ministry said.");
        assert_eq!(d.as_deref(), Some("2024-01-15"));
        let d = date("The toll since the war began stood at FIG last week.");
        assert_eq!(d.as_deref(), Some("2024-01-14"));
        let d = date("Israel revised the toll from last month's Hamas attacks to FIG.");
        assert_eq!(d.as_deref(), Some("2024-01-15"));
        let d = date("The toll since the war began stood at FIG a week ago.");
        assert_eq!(d.as_deref(), Some("2024-01-08"));
        // A noun's own past, after the figure's clause, is not the figure's date.
        let d =
            date("Israel believes FIG hostages remain in Gaza, along with 35 dead, one a soldier killed 10 years ago.");
        assert_eq!(d.as_deref(), Some("2024-01-15"));
        let d = date("Officials said FIG people were killed a year ago.");
        assert_eq!(d.as_deref(), Some("2023-01-15"));
    }

    #[test]
    fn earlier_sentences_of_the_paragraph_count() {
        let a = as_of("He spoke on Wednesday in Jeddah. This is his FIG visit.", "2024-03-21", None);
        assert_eq!((a.date, a.from_earlier_sentence), (parse_date("2024-03-20"), true));
        let a = as_of("He spoke on Wednesday in Jeddah.\nThis is his FIG visit.", "2024-03-21", None);
        assert_eq!((a.date, a.source), (parse_date("2024-03-21"), AsOfSource::Published));
        // A state that holds as written is of the writing, not of the release the sentence before dates.
        let text = "Hamas released 105 hostages at the end of November. In addition to the remaining FIG hostages, Hamas is holding four others.";
        let a = as_of(text, "2024-02-06", None);
        assert_eq!((a.date, a.source), (parse_date("2024-02-06"), AsOfSource::Published));
        let text = "The army said on Saturday it had rescued four hostages. A total of FIG hostages are still believed to be held in Gaza.";
        let a = as_of(text, "2024-06-14", None);
        assert_eq!((a.date, a.source), (parse_date("2024-06-14"), AsOfSource::Published));
        // So is one a speaker tells in the present before it.
        let text =
            "Sinwar's killing last week may bring a deal. Hamas, however, says the campaign has killed FIG people.";
        let a = as_of(text, "2024-10-22", None);
        assert_eq!((a.date, a.source), (parse_date("2024-10-22"), AsOfSource::Published));
        let text = "Sinwar's killing last week may bring a deal. The campaign has killed FIG people.";
        assert_eq!(as_of(text, "2024-10-22", None).date, parse_date("2024-10-20"));
    }

    #[test]
    fn stated_dates_periods_and_event_dates() {
        let a = as_of("As of March 20, FIG people had died.", "2024-03-21", None);
        assert_eq!((a.date, a.source), (parse_date("2024-03-20"), AsOfSource::Stated));
        let a = as_of("FIG killed in Gaza starting on October 7.", "2024-03-21", None);
        assert_eq!(a.source, AsOfSource::Published);
        let a = as_of("The war broke out on October 7, killing FIG people.", "2023-12-20", Some("2023-10-07"));
        assert_eq!((a.date, a.source), (parse_date("2023-12-20"), AsOfSource::Published));
        let a = as_of("Yesterday FIG died.", "2023-12-20", None);
        assert_eq!(a.date, parse_date("2023-12-19"));
        let a = as_of("Despite the ceasefire declared on October 11, the toll has risen to FIG.", "2025-10-22", None);
        assert_eq!((a.date, a.source), (parse_date("2025-10-22"), AsOfSource::Published));
        let a =
            as_of("Despite the declaration of a ceasefire on October 11, the toll rose to FIG.", "2025-10-22", None);
        assert_eq!((a.date, a.source), (parse_date("2025-10-22"), AsOfSource::Published));
        // The war's first day, named by the verb that opens it, is no figure's.
        let a = as_of("The toll had passed FIG since the war began on October 8.", "2024-08-16", Some("2023-10-07"));
        assert_eq!((a.date, a.source), (parse_date("2024-08-16"), AsOfSource::Published));
        let a = as_of("When the truce began on Nov. 24, the toll was FIG.", "2023-12-20", None);
        assert_eq!((a.date, a.source), (parse_date("2023-11-24"), AsOfSource::Stated));
        // A truce that began on a day opens a period; named by its day, it is an event.
        let a = as_of(
            "Despite a cease-fire that began on Oct. 10, 2025, strikes have killed FIG Palestinians.",
            "2025-12-03",
            None,
        );
        assert_eq!((a.date, a.source), (parse_date("2025-12-03"), AsOfSource::Published));
        let a = as_of(
            "The toll has reached FIG, with more than 350 deaths recorded since the October 10 ceasefire.",
            "2025-11-30",
            None,
        );
        assert_eq!((a.date, a.source), (parse_date("2025-11-30"), AsOfSource::Published));
    }

    /// A fixed holiday is a day, the last one before publication.
    #[test]
    fn holidays_are_days() {
        let date = |text: &str, published: &str| as_of(text, published, None).date.map(|d| d.to_string());
        let day = |s: &str| Some(s.to_string());
        assert_eq!(date("By Christmas it had passed FIG.", "2024-01-20"), day("2023-12-25"));
        assert_eq!(date("On New Year's Day the ministry said FIG.", "2024-01-20"), day("2024-01-01"));
        assert_eq!(date("By Christmas Eve FIG had been killed.", "2024-12-30"), day("2024-12-24"));
        // A period from it, or an event it names, dates nothing.
        assert_eq!(date("Since Christmas FIG have been killed.", "2024-01-20"), day("2024-01-20"));
        assert_eq!(date("During the Christmas truce FIG were freed.", "2024-01-20"), day("2024-01-20"));
    }

    /// A date after a figure compared with is that figure's.
    #[test]
    fn a_date_after_a_compared_figure_is_that_figure_s() {
        let a = as_of(
            "About FIG are missing, a figure higher than the 7,000 the ministry gave in March.",
            "2024-05-01",
            None,
        );
        assert_eq!(a.date, parse_date("2024-05-01"));
        let a = as_of("About FIG are missing, compared with 7,000 in March.", "2024-05-01", None);
        assert_eq!(a.date, parse_date("2024-05-01"));
        // "more than" is a qualifier, not a comparison.
        let a = as_of("About FIG are missing, and more than 7,000 in March.", "2024-05-01", None);
        assert_eq!(a.date, parse_date("2024-03-31"));
    }

    /// The war's opening days, weeks or months are a period from its first day.
    #[test]
    fn the_first_month_of_the_war_is_a_period() {
        let period = |text: &str| {
            let a = as_of(text, "2024-04-07", Some("2023-10-07"));
            (a.earliest.map(|d| d.to_string()), a.date.map(|d| d.to_string()), a.text)
        };
        let day = |s: &str| Some(s.to_string());
        assert_eq!(
            period("In the first month of the war, the ministry's toll passed FIG."),
            (day("2023-10-07"), day("2023-11-06"), Some("In the first month of the war".into()))
        );
        assert_eq!(
            period("During the war's first 100 days, FIG were killed."),
            (day("2023-10-07"), day("2024-01-14"), Some("During the war's first 100 days".into()))
        );
        assert_eq!(period("In the first two weeks of the conflict FIG fled.").1, day("2023-10-20"));
        // A day of the war counts from its first, day 1.
        assert_eq!(period("On day 100 of the war, the ministry said FIG had been killed.").1, day("2024-01-14"));
        assert_eq!(period("On the 180th day of the war, the ministry said FIG were dead.").1, day("2024-04-03"));
        assert_eq!(period("As the war's 150th day dawned, FIG had been killed.").1, day("2024-03-04"));
        assert_eq!(period("On day 400 of the war, FIG had been killed.").1, day("2024-04-07"));
        // The war unnamed, or weeks without their number: no period.
        for text in ["In the first month, FIG were killed.", "In the first weeks of the war FIG fled."] {
            assert_eq!(period(text), (None, day("2024-04-07"), None), "{text}");
        }
    }

    /// A year's end or start is its last or first day; "since" opens a period instead.
    /// The date and the words that gave it, in a text published on
    /// `published` about the war that began on 7 October 2023.
    fn dated(text: &str, published: &str) -> (Option<String>, Option<Box<str>>) {
        let a = as_of(text, published, Some("2023-10-07"));
        (a.date.map(|d| d.to_string()), a.text)
    }

    /// A day that opens a list item dates the item's later sentences too,
    /// and no other item's.
    #[test]
    fn an_item_s_day_dates_its_own_sentences() {
        let at = |text: &str| as_of_in(Format::Markdown, text, "2024-03-16", None).date.map(|d| d.to_string());
        let own =
            "- **Monday:** Talks opened.\n- **Wednesday:** An aid ship sailed. The ministry's toll rose to FIG.\n";
        assert_eq!(at(own).as_deref(), Some("2024-03-13"));
        let other = "- **Wednesday:** An aid ship sailed.\n- The ministry's toll rose to FIG.\n";
        assert_eq!(at(other).as_deref(), Some("2024-03-16"));
    }

    /// A day that owns an event ("Saturday's raid") dates that sentence's
    /// figures, and no later sentence's.
    #[test]
    fn a_day_that_owns_an_event_is_not_carried() {
        let text =
            "The ministry said Saturday’s raid killed 274 people. The ministry's overall count has risen to FIG.";
        assert_eq!(dated(text, "2024-06-09"), (Some("2024-06-09".into()), None));
        let text = "The ministry said on Saturday the raid killed 274 people. Its overall count had risen to FIG.";
        assert_eq!(dated(text, "2024-06-09"), (Some("2024-06-08".into()), Some("on Saturday".into())));
        assert!(owns_an_event("'s air strike on the camp"));
        assert!(owns_an_event("'s events, and more"));
        assert!(!owns_an_event("'s figures"));
        assert!(!owns_an_event("’s ".repeat(30).as_str()));
    }

    /// A section's heading that is a date and nothing else dates the
    /// section's undated figures; a heading with other words does not.
    #[test]
    fn a_date_heading_dates_its_section() {
        let at = |text: &str| {
            let a = as_of_in(Format::Markdown, text, "2024-03-17", None);
            (a.date.map(|d| d.to_string()), a.text.as_deref().map(str::to_string))
        };
        let day = |date: &str, text: &str| (Some(date.to_string()), Some(text.to_string()));
        let body = "The ministry said FIG had been killed.\n";
        assert_eq!(at(&format!("# Diary\n\n## Wednesday\n\nAid waited.\n\n{body}")), day("2024-03-13", "Wednesday"));
        assert_eq!(at(&format!("# Diary\n\n## Friday, March 15\n\n{body}")), day("2024-03-15", "March 15"));
        assert_eq!(at(&format!("# Diary\n\n## What Wednesday brought\n\n{body}")), (Some("2024-03-17".into()), None));
        // The headline is no section's heading.
        assert_eq!(at(&format!("# Monday\n\n{body}")), (Some("2024-03-17".into()), None));
    }

    #[test]
    fn the_end_of_a_year_is_its_last_day() {
        let day = |text: &str| dated(text, "2024-04-25");
        assert_eq!(
            day("By the end of 2023, FIG people had been killed, the ministry said."),
            (Some("2023-12-31".into()), Some("the end of 2023".into()))
        );
        assert_eq!(day("At the close of last year FIG had fled.").0.as_deref(), Some("2023-12-31"));
        assert_eq!(day("At the start of this year the toll stood at FIG.").0.as_deref(), Some("2024-01-01"));
        // Not yet come, or a period's opening: no day.
        assert_eq!(day("By the end of this year FIG could die.").1, None);
        assert_eq!(day("Since the start of 2024, FIG have been killed.").1, None);
    }

    /// "Earlier" or "previously" without a day: some day between the war's
    /// first and the writing, not the writing's day.
    #[test]
    fn an_earlier_figure_is_of_some_day_before() {
        let period = |text: &str| {
            let a = as_of(text, "2024-05-13", Some("2023-10-07"));
            (a.earliest.map(|d| d.to_string()), a.date.map(|d| d.to_string()), a.text)
        };
        let day = |s: &str| Some(s.to_string());
        assert_eq!(
            period("Earlier, the Gaza health ministry said FIG people had been killed."),
            (day("2023-10-07"), day("2024-05-13"), Some("Earlier".into()))
        );
        assert_eq!(period("The ministry had previously put the toll at FIG.").0, day("2023-10-07"));
        // A day of its own, or a shift from one, wins; no cue, the writing's day.
        assert_eq!(period("Earlier on Monday the ministry said FIG had been killed.").1, day("2024-05-13"));
        assert_eq!(period("A week earlier the ministry said FIG had been killed.").1, day("2024-05-06"));
        assert_eq!(period("The ministry said FIG had been killed.").0, None);
        // "Earlier in the day" is the story's own day.
        assert_eq!(period("Earlier in the day, rescuers said a strike had killed FIG people.").0, None);
        // An estimate given up: "We used to estimate that there were 1.7 million".
        assert_eq!(period("We used to estimate that there were FIG displaced people.").0, day("2023-10-07"));
        // Money "used to buy" food is no earlier figure.
        assert_eq!(period("The funds were used to buy FIG tonnes of flour.").0, None);
    }

    /// A time after the war began is the day that long after its first.
    #[test]
    fn a_time_after_the_war_began_is_a_day() {
        let day = |text: &str| dated(text, "2024-04-07");
        assert_eq!(
            day("That figure was FIG a month after the war began."),
            (Some("2023-11-07".into()), Some("a month after the war began".into()))
        );
        assert_eq!(day("Six weeks into the war, FIG had fled.").0.as_deref(), Some("2023-11-18"));
        assert_eq!(day("100 days after the start of the war, FIG were dead.").0.as_deref(), Some("2024-01-15"));
        // A frame of the present, or a time not yet come, dates nothing.
        for text in ["More than a year after the war began, FIG are dead.", "Ten months into the war, FIG are dead."] {
            assert_eq!(day(text), (Some("2024-04-07".into()), None), "{text}");
        }
    }

    /// "The Oct. 7 attack" names the attack: a year on, it dates no figure.
    #[test]
    fn a_date_naming_an_event_dates_no_figure() {
        for text in [
            "More than a year after the Oct. 7 attack, the ministry says FIG people have been killed.",
            "Six weeks after the October 7 anniversary, the ministry said FIG had been wounded.",
            "Since the 7 October massacre, FIG hostages remain in Gaza.",
            "After the October 7, 2023, Hamas-led attack, FIG people were killed.",
        ] {
            let a = as_of(text, "2024-11-20", None);
            assert_eq!((a.date, a.source), (parse_date("2024-11-20"), AsOfSource::Published), "{text}");
        }
        let a = as_of("The ministry's Oct. 7 report put the toll at FIG.", "2024-11-20", None);
        assert_eq!((a.date, a.source), (parse_date("2024-10-07"), AsOfSource::Stated));
        let a = as_of("Days after the October attacks, FIG people had fled.", "2023-11-20", None);
        assert_eq!(a.source, AsOfSource::Published);
        // A year on, "Oct. 7" without its year is the attack's day.
        let text = "Israel says 1,200 were killed on Oct. 7. Of the FIG hostages still in Gaza, a third are dead.";
        let a = as_of(text, "2024-11-20", Some("2023-10-07"));
        assert_eq!((a.date, a.source), (parse_date("2024-11-20"), AsOfSource::Published));
        let a = as_of("On Oct. 7, the ministry said FIG people had been killed.", "2024-10-08", Some("2023-10-07"));
        assert_eq!((a.date, a.source), (parse_date("2024-10-07"), AsOfSource::Stated));
    }

    /// An event date named earlier in the paragraph ("the attack on October
    /// 7") is the event's, not the date of a later figure of another metric.
    #[test]
    fn event_dates_do_not_date_later_sentences() {
        let text = "Israel says 251 were taken hostage in the attack on October 7. Some FIG hostages are still held.";
        let a = as_of(text, "2024-08-16", Some("2023-10-07"));
        assert_eq!((a.date, a.source), (parse_date("2024-08-16"), AsOfSource::Published));
        // Without the event's dates, a state said to hold still is of the writing too ...
        let a = as_of(text, "2024-08-16", None);
        assert_eq!((a.date, a.source), (parse_date("2024-08-16"), AsOfSource::Published));
        // ... while a figure in the past takes the day the sentence before gives.
        let text =
            "Israel says 251 were taken hostage in the attack on October 7. Some FIG hostages were held in tunnels.";
        let a = as_of(text, "2024-08-16", None);
        assert_eq!((a.date, a.from_earlier_sentence), (parse_date("2023-10-07"), true));
        // The event's day in full is no month of it either.
        let text = "On 7 October 2023, Hamas attacked Israel. The Prosecutor submits that FIG hostages remain.";
        let a = as_of(text, "2024-05-21", Some("2023-10-07"));
        assert_eq!((a.date, a.earliest, a.source), (parse_date("2024-05-21"), None, AsOfSource::Published));
    }

    #[test]
    fn undated_documents_say_so() {
        let mut p = Vec::new();
        let doc = Document::build("a.txt".into(), Format::Text, "FIG died on Tuesday.".into(), None, &mut p);
        let a = resolve(&doc, &recognize(&doc.text), 0, 0, Dating::default(), None, |_| true);
        assert_eq!((a.date, a.source), (None, AsOfSource::Undated));
    }

    #[test]
    fn periods_date_a_figure_from_their_first_day_to_their_last() {
        let period = |text: &str, published: &str| {
            let a = as_of(text, published, None);
            (a.earliest.map(|d| d.to_string()), a.date.map(|d| d.to_string()), a.text.as_deref().map(str::to_string))
        };
        let p =
            |from: &str, to: &str, text: &str| (Some(from.to_string()), Some(to.to_string()), Some(text.to_string()));
        // 2024-03-14 is a Thursday: last week ran from Monday the 4th to Sunday the 10th.
        assert_eq!(period("Last week the count passed FIG.", "2024-03-14"), p("2024-03-04", "2024-03-10", "Last week"));
        // The weekend before a Wednesday, 2024-05-15: Saturday the 11th and Sunday the 12th.
        assert_eq!(
            period("At the weekend, the ministry said FIG had been killed.", "2024-05-15"),
            p("2024-05-11", "2024-05-12", "At the weekend")
        );
        // A day of the month alone is the last such day; with its month it is the month's.
        let day = |text: &str, published: &str| {
            let a = as_of(text, published, None);
            (a.date.map(|d| d.to_string()), a.text)
        };
        assert_eq!(
            day("The ministry said on the 13th that FIG had been killed.", "2024-05-15"),
            (Some("2024-05-13".into()), Some("on the 13th".into()))
        );
        assert_eq!(
            day("The ministry said FIG were wounded on the 6th day of the escalation.", "2024-05-15"),
            (Some("2024-05-15".into()), None)
        );
        assert_eq!(
            day("The ministry said on the 20th that FIG had been killed.", "2024-05-15"),
            (Some("2024-04-20".into()), Some("on the 20th".into()))
        );
        assert_eq!(day("On the 13th of May, FIG had been killed.", "2024-05-15").0.as_deref(), Some("2024-05-13"));
        assert_eq!(
            period("The ministry announced FIG deaths in early November.", "2024-03-14"),
            p("2023-11-01", "2023-11-10", "in early November")
        );
        assert_eq!(
            period("By mid-March, FIG people had died.", "2024-03-14"),
            p("2024-03-11", "2024-03-14", "By mid-March")
        );
        assert_eq!(
            period("In November 2023, FIG had died.", "2024-05-01"),
            p("2023-11-01", "2023-11-30", "In November 2023")
        );
        assert_eq!(period("Last month FIG had died.", "2024-03-14"), p("2024-02-01", "2024-02-29", "Last month"));
        // The start or end of a month is one day.
        let day = |text: &str| {
            let a = as_of(text, "2024-03-20", None);
            (a.earliest, a.date.map(|d| d.to_string()), a.text.as_deref().map(str::to_string))
        };
        let d = |date: &str, text: &str| (None, Some(date.to_string()), Some(text.to_string()));
        assert_eq!(day("FIG had been killed by the start of March."), d("2024-03-01", "by the start of March"));
        assert_eq!(day("At the end of January, FIG had been killed."), d("2024-01-31", "At the end of January"));
        assert_eq!(
            day("FIG had died by the beginning of March 2024."),
            d("2024-03-01", "by the beginning of March 2024")
        );
        // Whole dates, periods that open and bare month names are not periods of the figure.
        assert_eq!(period("On November 3, FIG had died.", "2024-03-14").0, None);
        assert_eq!(period("FIG have died since November.", "2024-03-14").1.as_deref(), Some("2024-03-14"));
        assert_eq!(period("The November truce freed FIG hostages.", "2024-03-14").1.as_deref(), Some("2024-03-14"));
    }

    #[test]
    fn month_phrases_next_to_any_text_read_without_panicking() {
        for before in ["", "é", "’", "—", "ми", "mid", "early—", "in\u{a0}", "late’", "Early", "x-", "ünd "]
        {
            for after in ["", " 2023", ", 2023", " 7", "é", "’s", " 20234"] {
                let sentence = format!("{before}November{after}");
                let at = before.len();
                let _ = month_phrase(&sentence, at..at + "November".len());
            }
        }
        let phrase = |s: &str| month_phrase(s, s.find("Nov").unwrap()..s.find("Nov").unwrap() + 8).map(|m| m.span);
        assert_eq!(phrase("toll in mid-November rose"), Some(5..20));
        assert_eq!(phrase("since November, 2023."), Some(6..20));
        assert_eq!(phrase("amid November"), None);
        // A report's date: "the court's November order".
        assert_eq!(phrase("the court's November order said"), Some(12..20));
        assert_eq!(phrase("its November update"), Some(4..12));
        assert_eq!(phrase("the November attack"), None);
    }

    #[test]
    fn a_date_past_a_connective_dates_the_other_event() {
        let a =
            as_of("FIG hostages remain in Gaza after 105 were freed during a truce in November.", "2024-01-08", None);
        assert_eq!((a.date, a.source, a.earliest), (parse_date("2024-01-08"), AsOfSource::Published, None));
        let a = as_of("FIG people had been killed by Tuesday, the ministry said.", "2024-01-11", None);
        assert_eq!(a.date, parse_date("2024-01-09"));
        // A second statement after ", and that", with a figure of its own.
        let text = "The office said FIG people are missing, and that 85,000 were displaced between 1 and 8 January.";
        let a = as_of(text, "2024-01-09", None);
        assert_eq!((a.date, a.source), (parse_date("2024-01-09"), AsOfSource::Published));
    }

    #[test]
    fn a_date_dates_its_own_part_of_the_sentence() {
        let date = |text: &str| {
            let a = as_of(text, "2024-03-15", None);
            (a.date.map(|d| d.to_string()), a.text.map(String::from))
        };
        let day = |d: &str, t: &str| (Some(d.to_string()), Some(t.to_string()));
        // The stronger, nearer "by mid-March" is the other part's.
        assert_eq!(
            date("Last month the ministry put the toll at FIG; by mid-March it had passed 31,000."),
            day("2024-02-29", "Last month")
        );
        assert_eq!(
            date("Last month the ministry put the toll at 28,000; by mid-March it had passed FIG."),
            day("2024-03-15", "by mid-March")
        );
        assert_eq!(
            date("On Feb. 10 the ministry put the toll at FIG, and by mid-March it had passed 31,000."),
            day("2024-02-10", "Feb. 10")
        );
        // A part without a date takes the sentence's.
        assert_eq!(date("On Monday, 28,340 were dead; FIG were wounded."), day("2024-03-11", "On Monday"));
        // A part that reports in the present is of the writing.
        assert_eq!(
            date("Of the 250 taken, 105 were freed during a truce in November, and Israel says about FIG remain."),
            (Some("2024-03-15".to_string()), None)
        );
        assert_eq!(
            date("In November, 105 were freed; Israel says FIG remain."),
            (Some("2024-03-15".to_string()), None)
        );
        assert_eq!(own_part("a; b, and c", 0), 0..1);
        assert_eq!(own_part("a; b, and c", 3), 3..4);
        assert_eq!(own_part("a; b, and c", 10), 10..11);
        // A day "since" an event names, "on" it, opens that period.
        assert_eq!(
            date(
                "The ministry said 1,163 were killed since Israel resumed strikes on March 10, bringing the toll to FIG."
            ),
            (Some("2024-03-15".to_string()), None)
        );
        assert_eq!(
            date(
                "Another FIG people were wounded in Beit Lahiya, which was among the first targets nearly a year ago."
            ),
            (Some("2024-03-15".to_string()), None)
        );
    }

    #[test]
    fn words_of_an_event_still_to_come() {
        let cases = [
            ("Blinken will make his", Some("will")),
            ("Secretary of State Antony Blinken is expected to make his", Some("is expected to")),
            ("He’ll make his", Some("’ll")),
            ("Ahead of Blinken's", Some("Ahead of")),
            ("Blinken, willing to make his", None),
            ("In a show of goodwill, Blinken made his", None),
            ("Blinken made his", None),
            ("Blinken will raise it during his upcoming", Some("will")),
            ("Officials said his upcoming", Some("upcoming")),
            ("Blinken is due in Cairo on Monday on his", Some("is due in")),
            ("Blinken departs for the region on Monday,", Some("departs for")),
            ("Blinken headed to the region on Monday on his", None),
            ("Blinken to make", Some("to make")),
            ("Blinken to visit Israel on", Some("to visit")),
            ("Blinken flew to Israel to make his", None),
            ("Secretary Blinken to visit Israel on", Some("to visit")),
            ("Blinken, hoping to make his", None),
            // A phrase inside a word is passed over for its next occurrence.
            ("Blinken, willing as ever, will make his", Some("will")),
            ("BLINKEN IS EXPECTED TO MAKE HIS", Some("IS EXPECTED TO")),
        ];
        for (before, want) in cases {
            assert_eq!(upcoming(before), want, "{before}");
        }
    }

    #[test]
    fn a_span_of_days_is_held_on_its_last() {
        let a = as_of("Blinken traveled to the region June 10-12 on his FIG trip.", "2024-06-20", None);
        assert_eq!((a.earliest, a.date), (parse_date("2024-06-10"), parse_date("2024-06-12")));
        assert_eq!(a.text.as_deref(), Some("June 10-12"));
        // Not a later day: no span.
        let a = as_of("On June 10-8 votes were cast, and FIG were counted.", "2024-06-20", None);
        assert_eq!((a.earliest, a.date), (None, parse_date("2024-06-10")));
    }

    #[test]
    fn an_ordinal_day_of_a_month_is_a_day() {
        let a = as_of("FIG hostages were still held on the fifth of March, the army said.", "2024-03-10", None);
        assert_eq!((a.date, a.source, a.earliest), (parse_date("2024-03-05"), AsOfSource::Stated, None));
        assert_eq!(a.text.as_deref(), Some("fifth of March"));
        // The attack's day is an event date, not the figure's.
        let a = as_of("FIG people were killed on the seventh of October.", "2024-01-21", Some("2023-10-07"));
        assert_eq!((a.date, a.source), (parse_date("2024-01-21"), AsOfSource::Published));
        let a = as_of("FIG have been killed since the seventh of October.", "2024-01-21", None);
        assert_eq!((a.date, a.source), (parse_date("2024-01-21"), AsOfSource::Published));
    }

    #[test]
    fn a_header_row_dates_each_column_by_its_cell() {
        let table = |row: &str| {
            let text = format!("Figures from the ministry.\n\n| | Dec 31 | Jan 31 |\n|---|---:|---:|\n{row}\n");
            let a = as_of(&text, "2024-04-02", None);
            (a.date.map(|d| d.to_string()), a.text.as_deref().map(str::to_string))
        };
        let d = |date: &str, text: &str| (Some(date.to_string()), Some(text.to_string()));
        assert_eq!(table("| Killed | FIG | 26,900 |"), d("2023-12-31", "Dec 31"));
        assert_eq!(table("| Killed | 21,822 | FIG |"), d("2024-01-31", "Jan 31"));
        // A cell in no dated column: the header's date nearest the row's end, as before.
        assert_eq!(table("| Killed FIG | 21,822 | 26,900 |"), d("2024-01-31", "Jan 31"));
    }
}
