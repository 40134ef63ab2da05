//! Document × rules → claims: which metric each figure is about, as of
//! when, according to whom, cited to its sentence. Pure: one document in,
//! its claims out, so documents are extracted in parallel.
//!
//! Each sentence with figures is masked (every figure replaced by its index
//! between private-use characters) and matched against one `RegexSet` of all
//! patterns; only the patterns that matched are run for captures.

mod anaphora;
pub mod as_of;
mod asides;
pub mod attribution;
mod elided;
pub mod event;
mod quotes;
mod sentences_before;

use std::cell::{OnceCell, RefCell};
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::ops::Range;
use std::sync::{Arc, LazyLock};

pub use as_of::{AsOf, AsOfSource};
pub use attribution::Attribution;

use crate::dates::Date;
use crate::document::segment::{self, Clauses};
use crate::document::{DateSource, Document, DocumentInfo, Role};
use crate::extract::attribution::Sources;
use crate::quantity::{Interval, Qualifier, Quantity, Recognizer};
use crate::rules::compile::{CLOSE, Context, ContextVerdict, OPEN};
use crate::rules::spec::{Behavior, ContextScope};
use crate::rules::{Authorities, RuleNames, RulePack};
use crate::substring::finder;

/// Where a claim was made, precisely enough for an editor to find it.
#[derive(Debug, Clone, PartialEq)]
pub struct Citation {
    /// The document, shared by all its claims.
    pub document: Arc<DocumentInfo>,
    // 1-based; u32 keeps the claims of an archive small.
    pub line: u32,
    pub column: u32,
    pub end_line: u32,
    pub end_column: u32,
    /// Byte span of the figure in the file; 32 bits, as line and column
    /// (see `file_span`).
    pub span: Range<u32>,
    /// The sentence, as in the text; shared by the claims it holds.
    pub sentence: Arc<str>,
}

impl Citation {
    /// Byte span of the figure in the file.
    pub fn file_span(&self) -> Range<usize> {
        self.span.start as usize..self.span.end as usize
    }

    pub fn path(&self) -> &str {
        &self.document.path
    }

    pub fn title(&self) -> Option<&str> {
        self.document.meta.title.as_deref()
    }

    pub fn publisher(&self) -> Option<&str> {
        self.document.meta.publisher.as_deref()
    }

    pub fn url(&self) -> Option<&str> {
        self.document.meta.url.as_deref()
    }

    pub fn published(&self) -> Option<Date> {
        self.document.meta.published
    }

    pub fn date_source(&self) -> DateSource {
        self.document.meta.date_source
    }
}

/// A figure bound to a metric.
#[derive(Debug, Clone, PartialEq)]
pub struct Claim {
    /// The rule's id and metric, shared with the rule: see `rule`, `metric`.
    pub names: Arc<RuleNames>,
    pub quantity: Quantity,
    pub as_of: AsOf,
    /// Shared by the document's claims that name the same source the same way.
    pub attribution: Option<Arc<Attribution>>,
    pub citation: Citation,
    pub role: Role,
    /// Index of the sentence in its document, to relate claims of one sentence.
    pub sentence: u32,
    /// Where the figure this one is part of starts: "18 fatalities,
    /// including four children" gives `four` the start of `18`.
    pub within: Option<u32>,
    /// The single event the figure counts, for rules with `event:`; boxed,
    /// as most claims count no single event.
    pub event: Option<Box<ClaimEvent>>,
    /// The digits as written, when the figure is part of a run no number
    /// reads whole ("3,0320"): a typo whose value is not known.
    pub malformed: Option<Box<str>>,
}

/// The single event a claim's figure counts.
#[derive(Debug, Clone, PartialEq)]
pub enum ClaimEvent {
    /// By its name: "Rafah" for "an airstrike on a house in Rafah killed 22".
    Named(Arc<str>),
    /// Introduced without a name, by where in the text ("An airstrike on a
    /// school killed 12 people"): the document's figures that share it are
    /// about one event.
    Unnamed(u32),
}

impl Claim {
    /// The id of the rule that made the claim.
    pub fn rule(&self) -> &Arc<str> {
        &self.names.id
    }

    /// The metric the claim is a figure of.
    pub fn metric(&self) -> &Arc<str> {
        &self.names.metric
    }

    /// The name of the event the figure counts, if the text names it.
    pub fn event_name(&self) -> Option<&Arc<str>> {
        match self.event.as_deref() {
            Some(ClaimEvent::Named(name)) => Some(name),
            _ => None,
        }
    }

    /// Where the unnamed event the figure counts is introduced, if it is one.
    pub fn event_at(&self) -> Option<u32> {
        match self.event.as_deref() {
            Some(ClaimEvent::Unnamed(at)) => Some(*at),
            _ => None,
        }
    }

    /// The values the figure allows (before any rule tolerance).
    pub fn interval(&self) -> Interval {
        self.quantity.interval.unwrap_or(Interval::point(self.quantity.value))
    }
}

/// Why a rule did or did not bind a figure.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    /// A claim was made.
    Claimed,
    /// The pattern matched a figure of the wrong kind.
    WrongKind { kind: String, expected: Vec<String> },
    /// None of the `any` context words is in the sentence.
    MissingContext { any: Arc<[String]> },
    /// A required `all` context word is missing.
    MissingRequired { word: String },
    /// A `none` context word is present.
    Forbidden { word: String },
    /// Another rule bound the figure with a longer match.
    Superseded { by: String },
    /// The figure is what an earlier version of the text said, as a
    /// correction quotes it ("An earlier version of this article said 253
    /// people were killed").
    Retracted,
    /// The figure is what a claimant claims and the text then calls false
    /// ("A post claims that 50,000 children have been killed. That is
    /// false."): the claimant's, not the document's.
    Refuted,
    /// The figure is the whole of a part the same rule claims: in "94 of
    /// the 251 hostages are still held" the 94 are held, not the 251.
    WholeOfPart { part: String },
    /// The figure is dated before the first day the metric counts (`since:`):
    /// an archive's 2014 war toll is not this war's.
    BeforeStart { date: Date, start: Date },
    /// The figure is a part of a whole before it that no rule of the
    /// metrics it is part of claims: in "a strike killed 23 people,
    /// including seven children" the children are the strike's.
    PartOfUnclaimed { whole: String, of: String },
    /// The figure is credited to an authority whose figures are never the
    /// rule's (`attribution.not_from`): a civil defence agency's "death
    /// toll" is a strike's.
    NotFrom { authority: String },
}

impl Outcome {
    /// Why, in plain words, for `figure` matched by pattern `pattern` (1-based) of `rule`.
    pub fn describe(&self, figure: &str, pattern: usize, rule: &str) -> String {
        match self {
            Outcome::Claimed => format!("pattern {pattern} claimed `{figure}`"),
            Outcome::WrongKind { kind, expected } => {
                format!("pattern {pattern} matched `{figure}` but it is a {kind}, not {}", expected.join(" or "))
            }
            Outcome::MissingContext { any } => {
                format!(
                    "pattern {pattern} matched `{figure}` but no context word is present (any of: {})",
                    any.join(", ")
                )
            }
            Outcome::MissingRequired { word } => {
                format!("pattern {pattern} matched `{figure}` but the required context `{word}` is missing")
            }
            Outcome::Forbidden { word } => {
                format!("pattern {pattern} matched `{figure}` but the forbidden word `{word}` is present")
            }
            Outcome::Retracted => {
                format!("pattern {pattern} matched `{figure}` but it is what an earlier version said (a correction)")
            }
            Outcome::Refuted => {
                format!("pattern {pattern} matched `{figure}` but it is a claim the text calls false (a fact check)")
            }
            Outcome::WholeOfPart { part } => {
                format!(
                    "pattern {pattern} matched `{figure}` but it is the whole that `{part}` of it are, as this rule claims"
                )
            }
            Outcome::BeforeStart { date, start } => {
                format!(
                    "pattern {pattern} matched `{figure}` but it is dated {date}, before {start}, when the metric's count begins"
                )
            }
            Outcome::PartOfUnclaimed { whole, of } => {
                format!("pattern {pattern} matched `{figure}` but it is a part of `{whole}`, which is no claim of {of}")
            }
            Outcome::NotFrom { authority } => {
                format!(
                    "pattern {pattern} matched `{figure}` but it is credited to {authority}, whose figures are never this metric's (attribution.not_from)"
                )
            }
            Outcome::Superseded { by } if by == rule => {
                format!("pattern {pattern} also matched `{figure}` (a longer pattern of this rule won)")
            }
            Outcome::Superseded { by } => {
                format!("pattern {pattern} matched `{figure}` but rule `{by}` matched more of the sentence")
            }
        }
    }
}

/// One rule's attempt on one figure.
#[derive(Debug, Clone, PartialEq)]
pub struct Attempt {
    pub rule: usize,
    pub pattern: usize,
    /// Index of the figure among the sentence's count figures.
    pub figure: usize,
    /// Length of the masked match: longer matches are more specific.
    pub match_len: usize,
    /// Matched only once the sentence's asides were set aside.
    pub past_asides: bool,
    /// Matched only once a "Label: figure" line was read with its label after the figure.
    pub relabelled: bool,
    /// Matched only once the noun the figure leaves out was read from the
    /// figure before it ("Some 253 were abducted" after "1,200 people were
    /// killed") or from a question before it ("How many hostages ...?").
    pub noun_filled: bool,
    /// The rule's `any` context words were found in the document's lede only.
    pub context_from_lede: bool,
    /// The rule's place was read from the figure's source, as written and
    /// as resolved: "the ministry (Gaza Ministry of Health)".
    pub context_from_source: Option<String>,
    /// The figure (an index into the document's quantities) whose metric
    /// this one's subject stands for: "it stood at 35,456" after "the count
    /// passed 35,000".
    pub antecedent: Option<usize>,
    pub outcome: Outcome,
}

/// A sentence's figures and every rule attempt on them.
#[derive(Debug, Clone)]
pub struct SentenceMatch {
    pub sentence: usize,
    /// Indices into the document's quantities of the sentence's count figures.
    pub figures: Vec<usize>,
    pub attempts: Vec<Attempt>,
    /// The sentence's clause breaks, when matching needed them: making
    /// claims needs them again.
    clauses: Option<Clauses>,
}

/// The sentence indices `[first, last]` of the paragraph of sentence `si`.
fn paragraph_bounds(doc: &Document, si: usize) -> (usize, usize) {
    let p = doc.sentences[si].paragraph;
    let mut first = si;
    while first > 0 && doc.sentences[first - 1].paragraph == p {
        first -= 1;
    }
    let mut last = si;
    while last + 1 < doc.sentences.len() && doc.sentences[last + 1].paragraph == p {
        last += 1;
    }
    (first, last)
}

/// Where the text a rule's context words are looked for in lies.
fn context_span(doc: &Document, si: usize, scope: ContextScope) -> Range<usize> {
    let s = &doc.sentences[si];
    match (s.role, scope) {
        // A heading is read with the paragraph under it.
        (Role::Headline | Role::Heading, _) => {
            let (_, last) = paragraph_bounds(doc, si);
            let end = if last + 1 < doc.sentences.len() {
                doc.sentences[paragraph_bounds(doc, last + 1).1].span.end
            } else {
                s.span.end
            };
            s.span.start..end
        }
        (_, ContextScope::Sentence) => {
            // "Blinken said he would return. It would be his eighth trip":
            // a sentence that opens with a pronoun goes on with the one before.
            // So does one whose attack is the one before's: "… an attack on October 7, 2023. In that attack, 1,200 were killed".
            // The attack may be named in the paragraph before, a wire
            // story's one-sentence paragraph.
            let text = doc.text[s.span.clone()].trim_start();
            let first = text.split(' ').next().unwrap_or("");
            let goes_on = si > 0
                && (doc.sentences[si - 1].paragraph == s.paragraph
                    && ["It", "He", "She", "They", "His", "Her", "Its", "Their"].contains(&first)
                    || doc.sentences[si - 1].role == s.role && sentences_before::tells_of_attack_before(text));
            let start = if goes_on { doc.sentences[si - 1].span.start } else { s.span.start };
            asked_before(doc, si).unwrap_or(start)..s.span.end
        }
        (_, ContextScope::Paragraph) => {
            let (first, last) = paragraph_bounds(doc, si);
            asked_before(doc, first).unwrap_or(doc.sentences[first].span.start)..doc.sentences[last].span.end
        }
    }
}

/// Where the question answered by sentence `si` starts, if `si` opens its
/// paragraph right after one: "How many people have been killed in Gaza?"
/// gives the answer's context ("The ministry's latest count is 33,360").
fn asked_before(doc: &Document, si: usize) -> Option<usize> {
    let q = &doc.sentences[si.checked_sub(1)?];
    (q.paragraph != doc.sentences[si].paragraph && doc.text[q.span.clone()].trim_end().ends_with('?'))
        .then_some(q.span.start)
}

/// Append `s` with every whitespace run (line breaks of wrapped text
/// included) as one space, so patterns can be written with single spaces.
fn push_collapsed(out: &mut String, s: &str) {
    // Most text has single spaces only: copy it whole.
    if is_collapsed(s.as_bytes()) {
        out.push_str(s);
        return;
    }
    // Words joined by single spaces; no space before closing punctuation
    // (blanked Markdown markup leaves "killed ,").
    let mut pending = s.starts_with(char::is_whitespace) && !out.is_empty() && !out.ends_with(' ');
    for w in s.split_whitespace() {
        if pending && !w.starts_with([',', '.', ';', ':', '!', '?', ')']) {
            out.push(' ');
        }
        out.push_str(w);
        pending = true;
    }
    if s.ends_with(char::is_whitespace) && !s.trim().is_empty() {
        out.push(' ');
    }
}

/// No line break, tab, double space, space before a comma or no-break
/// space: a vectorised search each, as every sentence with a figure and
/// its paragraph pass here.
fn is_collapsed(b: &[u8]) -> bool {
    let pairs = [finder!("  "), finder!(" ,"), finder!("\u{a0}")];
    memchr::memchr3(b'\n', b'\r', b'\t', b).is_none() && pairs.iter().all(|f| f.find(b).is_none())
}

/// The figure index in the only figure marker of a masked match, if it has exactly one.
fn marker_index(m: &[u8]) -> Option<usize> {
    let mut opens = crate::rules::compile::opens(m);
    let first = opens.next()?;
    if opens.next().is_some() {
        return None;
    }
    let rest = &m[first + OPEN.len_utf8()..];
    let digits = rest.iter().take_while(|b| b.is_ascii_digit()).count();
    std::str::from_utf8(&rest[..digits]).ok()?.parse().ok()
}

/// The figures of a masked text that `OF_WHOLE` joins, part to whole:
/// "94 of the 251" gives (0, 1). The words between admit no figure, so a
/// whole is the marker next after its part: found in one pass, where
/// asking of every two claims whether one is part of the other read a
/// sentence of 150 figures 20,000 times.
fn parts_and_wholes(masked: &str) -> Vec<(usize, usize)> {
    // Each marker's figure, start and end.
    let markers: Vec<(usize, usize, usize)> = crate::rules::compile::markers(masked.as_bytes())
        .filter_map(|(at, end)| Some((masked[at + OPEN.len_utf8()..end - CLOSE.len_utf8()].parse().ok()?, at, end)))
        .collect();
    markers.windows(2).filter(|w| OF_WHOLE.is_match(&masked[w[0].2..w[1].1])).map(|w| (w[0].0, w[1].0)).collect()
}

/// A masked table row read as prose, for patterns written for prose: each
/// figure's cell before the row's label (`| Palestinians killed | 33,360 |
/// Gaza health ministry |` reads `33,360 Palestinians killed; Gaza health
/// ministry`), the other cells after. `None` for a sentence that is no row.
///
/// A row labelled by its date (`| March 2 | 30,320 | +92 |`) reads each
/// figure before its column's heading in the table's first row, `header`
/// (`| Date | Killed (cumulative) | Change |`): "30,320 Killed
/// (cumulative); 92 Change; March 2".
fn table_row_as_prose(masked: &str, header: Option<&str>) -> Option<String> {
    let row = masked.trim();
    if !segment::is_table_row(row) {
        return None;
    }
    let cells: Vec<&str> = row.trim_matches('|').split('|').map(str::trim).filter(|c| !c.is_empty()).collect();
    let label = cells.iter().position(|c| !c.contains(OPEN));
    if let Some(header) = header
        && label.is_none_or(|l| is_date_cell(cells[l]) || is_total_cell(cells[l]))
    {
        let raw: Vec<&str> = row.trim_matches('|').split('|').map(str::trim).collect();
        let heads: Vec<&str> = header.trim().trim_matches('|').split('|').map(str::trim).collect();
        if heads.len() == raw.len() {
            let mut out = String::with_capacity(row.len() + header.len());
            for (c, cell) in raw.iter().enumerate().filter(|(_, c)| c.contains(OPEN)) {
                if !out.is_empty() {
                    out.push_str("; ");
                }
                out.push_str(cell);
                out.push(' ');
                out.push_str(heads[c]);
            }
            for cell in raw.iter().filter(|c| !c.is_empty() && !c.contains(OPEN)) {
                out.push_str("; ");
                out.push_str(cell);
            }
            return (!out.is_empty()).then_some(out);
        }
    }
    let label = label?;
    let mut out = String::with_capacity(row.len() + 16);
    for cell in cells.iter().filter(|c| c.contains(OPEN)) {
        if !out.is_empty() {
            out.push_str("; ");
        }
        out.push_str(cell);
        out.push(' ');
        out.push_str(cells[label]);
    }
    if out.is_empty() {
        return None;
    }
    for (_, cell) in cells.iter().enumerate().filter(|(i, c)| *i != label && !c.contains(OPEN)) {
        out.push_str("; ");
        out.push_str(cell);
    }
    Some(out)
}

/// Two figures and two verbs paired "respectively", read pair by pair:
/// "33,175 and 75,886 people had been killed and wounded, respectively"
/// as "33,175 people had been killed and 75,886 people had been wounded".
fn respectively_as_prose(masked: &str) -> Option<String> {
    static PAIRED: LazyLock<regex::Regex> = LazyLock::new(|| {
        regex::Regex::new(concat!(
            r"(?P<a>\x{E000}[0-9]+\x{E001}) and (?P<b>\x{E000}[0-9]+\x{E001}) (?P<noun>(?:[A-Za-z]+ ){0,2}?)",
            r"(?P<aux>(?:have|has|had) been |were |are |was )?(?P<x>[a-z]+) and (?P<y>[a-z]+),? respectively"
        ))
        .expect("respectively regex")
    });
    finder!(b"respectively").find(masked.as_bytes())?;
    let c = PAIRED.captures(masked)?;
    let whole = c.get(0)?;
    let (noun, aux) = (c.name("noun").map_or("", |m| m.as_str()), c.name("aux").map_or("", |m| m.as_str()));
    let mut out = String::with_capacity(masked.len() + 32);
    out.push_str(&masked[..whole.start()]);
    write!(out, "{} {noun}{aux}{} and {} {noun}{aux}{}", &c["a"], &c["x"], &c["b"], &c["y"]).ok()?;
    out.push_str(&masked[whole.end()..]);
    Some(out)
}

/// Whether a table cell is a date alone (`March 2`, `2 March 2024`, `2024-03-02`).
/// A row of a table by district or by group whose label says it is the
/// whole ("Total", "Gaza Strip"): its figures are read by their columns, as
/// a dated row's are; the other rows are parts.
fn is_total_cell(cell: &str) -> bool {
    let cell = cell.trim_end_matches(':');
    ["total", "totals", "grand total", "overall", "all", "gaza strip", "total (gaza strip)", "gaza strip total"]
        .iter()
        .any(|t| t.eq_ignore_ascii_case(cell))
}

fn is_date_cell(cell: &str) -> bool {
    static DATE: LazyLock<regex::Regex> = LazyLock::new(|| {
        regex::Regex::new(concat!(
            r"^(?:[0-9]{4}-[0-9]{2}-[0-9]{2}|",
            r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.? [0-9]{1,2}(?:,? [0-9]{4})?|",
            r"[0-9]{1,2} (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?(?: [0-9]{4})?)$"
        ))
        .expect("date cell regex")
    });
    DATE.is_match(cell)
}

/// Nouns a figure may carry before a label-line's label is read after it
/// ("Killed: 34,454 Palestinians" reads "34,454 Palestinians Killed").
const COUNTED: [&str; 12] = [
    "people",
    "Palestinians",
    "Israelis",
    "Gazans",
    "children",
    "women",
    "civilians",
    "residents",
    "hostages",
    "captives",
    "persons",
    "individuals",
];

/// Words that make the text before a colon a speaker's, not a label.
const SPEECH: [&str; 10] =
    ["said", "says", "say", "told", "tells", "reported", "reports", "announced", "added", "wrote"];

/// A masked "by the numbers" line read as prose: a short label, a colon and
/// a figure (`Killed: 34,454 Palestinians, per the ministry`, `Wounded:
/// 77,575`) read with the label after the figure and the nouns it counts
/// (`34,454 Palestinians Killed, per the ministry`). `None` for a sentence
/// that does not open so. A line that opens with the figure and a dash or
/// a colon (`31,819 — Palestinians killed in Gaza`, `253: people taken into
/// Gaza`) is read without them.
fn label_line_as_prose(masked: &str) -> Option<String> {
    read_label_line(masked, true)
}

/// See [`label_line_as_prose`]; `caption`: a caption may come before the
/// label (read once: a line of many colons is not read colon by colon).
fn read_label_line(masked: &str, caption: bool) -> Option<String> {
    let line = masked.trim_start();
    let line = segment::without_list_marker(line).unwrap_or(line).trim_start();
    // "📌 Killed: 36,439": a symbol marking the line is no part of its label.
    let line = line.trim_start_matches(|c: char| !(c.is_alphanumeric() || c == OPEN));
    if let Some(inner) = line.strip_prefix(OPEN) {
        let close = inner.find(CLOSE)? + OPEN.len_utf8() + CLOSE.len_utf8();
        let (figure, after) = line.split_at(close);
        // A key figure over its label, "1,400" then "Number of people killed in Israel".
        let described = [" — ", " – ", " -- ", " - ", ": "]
            .iter()
            .find_map(|d| after.strip_prefix(d))
            .or_else(|| Some(after.trim_start()).filter(|d| d.starts_with("Number of ")))?;
        if !described.starts_with(|c: char| c.is_alphabetic()) {
            return None;
        }
        return Some(format!("{figure} {}", what_is_counted(described)));
    }
    // "Killed: 34,454", or with a dash: "Injured — 77,575".
    let (label, rest) = line.match_indices([':', '—', '–']).find_map(|(i, sep)| match sep {
        ":" => Some((&line[..i], &line[i + 1..])),
        _ => (line[..i].ends_with(' ') && line[i + sep.len()..].starts_with(' '))
            .then(|| (&line[..i - 1], &line[i + sep.len() + 1..])),
    })?;
    // A definition list's terms run longer ("Killed in Israel on October 7");
    // a label names what is counted and reports no one's words.
    let words = label.split_whitespace().count();
    if !(1..=6).contains(&words)
        || !label.starts_with(|c: char| c.is_uppercase())
        || !label.chars().all(|c| c.is_alphanumeric() || c == ' ' || c == '-' || c == '\'' || c == '’')
        || label.split_whitespace().any(|w| SPEECH.contains(&w))
    {
        // "Latest figures from the Gaza health ministry: Killed: 34,844": a
        // caption before the label.
        let rest = rest.trim_start();
        return (caption && rest.starts_with(|c: char| c.is_uppercase()) && rest.contains(':'))
            .then(|| read_label_line(rest, false))
            .flatten();
    }
    let rest = rest.trim_start();
    // The figure comes right after the colon, its qualifier folded into it.
    let close = rest.strip_prefix(OPEN)?.find(CLOSE)? + OPEN.len_utf8() + CLOSE.len_utf8();
    let (figure, after) = rest.split_at(close);
    // Where the counted nouns after the figure end, if any.
    let mut nouns_end = 0;
    for _ in 0..2 {
        let Some(word_start) = after[nouns_end..].strip_prefix(' ').map(|_| nouns_end + 1) else { break };
        let len = after[word_start..].find([' ', ',', '.', ';']).unwrap_or(after.len() - word_start);
        if !COUNTED.contains(&&after[word_start..word_start + len]) {
            break;
        }
        nouns_end = word_start + len;
    }
    let mut out = String::with_capacity(masked.len() + 2);
    out.push_str(figure);
    out.push_str(&after[..nouns_end]);
    out.push(' ');
    out.push_str(what_is_counted(label.trim()));
    out.push_str(&after[nouns_end..]);
    Some(out)
}

/// A label as what its figure counts: "Number of Palestinians killed in
/// Gaza" counts "Palestinians killed in Gaza".
fn what_is_counted(label: &str) -> &str {
    ["Total number of ", "Number of ", "number of "].iter().find_map(|p| label.strip_prefix(p)).unwrap_or(label)
}

/// The asides in a figure's clause that hold other figures, and where the
/// one holding it opens (`others_asides`).
type OthersAsides = (Vec<Range<usize>>, Option<usize>);

/// A context verdict holds for a rule, a clause (where it starts) and the
/// brackets the figure is in (where they open), if any.
type VerdictKey = (usize, usize, Option<usize>);

/// Every rule attempt in every sentence that has count figures.
/// A month's abbreviation before its day, "since Oct. 7": its dot is no
/// sentence's end, yet patterns read up to a dot (`[^.;]{0,80}`) to stay
/// in their sentence. The rules read "Oct 7" as they read "Oct. 7".
fn drop_month_dots(masked: &mut String) {
    static MONTHS: LazyLock<aho_corasick::packed::Searcher> = LazyLock::new(|| {
        aho_corasick::packed::Searcher::new(["Jan. ", "Feb. ", "Aug. ", "Sept. ", "Sep. ", "Oct. ", "Nov. ", "Dec. "])
            .expect("month abbreviations")
    });
    let b = masked.as_bytes();
    let dots: Vec<usize> =
        MONTHS.find_iter(b).filter(|m| b.get(m.end()).is_some_and(u8::is_ascii_digit)).map(|m| m.end() - 2).collect();
    for at in dots.into_iter().rev() {
        masked.remove(at);
    }
}

/// Labels of a link to another story: "Read more: Gaza death toll passes
/// 20,000", or a section headed "Related". The headline is that story's,
/// of its own day, not this one's claim.
const ELSEWHERE: [&str; 12] = [
    "read more",
    "related",
    "related stories",
    "related coverage",
    "more coverage",
    "more on this story",
    "see also",
    "also read",
    "read next",
    "recommended",
    "you may also like",
    "more from",
];

/// Whether `text` opens with a label of `ELSEWHERE`, followed by a colon
/// or a dash, or, `alone`, by nothing but the heading's end.
fn opens_with_link_label(text: &str, alone: bool) -> bool {
    let t = text.trim_start_matches(|c: char| !c.is_alphanumeric());
    let b = t.as_bytes();
    // Every label opens with one of these letters; most sentences with none.
    if !matches!(b.first().map(u8::to_ascii_lowercase), Some(b'r' | b's' | b'a' | b'm' | b'y')) {
        return false;
    }
    ELSEWHERE.iter().any(|l| {
        if b.len() < l.len() || !b[..l.len()].eq_ignore_ascii_case(l.as_bytes()) || !t.is_char_boundary(l.len()) {
            return false;
        }
        let rest = t[l.len()..].trim_start_matches(['*', '_', ' ']);
        if alone {
            rest.trim_end_matches([':', '.', ' ', '*']).is_empty()
        } else {
            rest.starts_with([':', '—', '–', '|']) || rest.starts_with("- ")
        }
    })
}

/// Whether sentence `si` is a headline standing alone between paragraphs
/// of prose: a line without closing punctuation, of at most 16 words, the
/// whole of its paragraph, after a body sentence that closes (and before
/// one, if any follows). A page's link to another story reads so ("…,
/// rescuers said." / "Officials say 12 killed in strike on school" / "The
/// school had …"): its figure is that story's, of its own
/// day. A subheading reads so too; its figure repeats the body's. List
/// items and table rows are not headlines.
fn lone_headline(doc: &Document, si: usize) -> bool {
    let s = &doc.sentences[si];
    let closes = |i: usize| {
        doc.text[doc.sentences[i].span.clone()]
            .trim_end()
            .ends_with(['.', '!', '?', '"', '\u{201d}', '\u{2019}', '\'', ')'])
    };
    let text = doc.text[s.span.clone()].trim();
    if s.role != Role::Body || s.item || closes(si) || segment::is_table_row(text) {
        return false;
    }
    if text.starts_with(['-', '*', '\u{2022}']) || text.split_whitespace().nth(16).is_some() {
        return false;
    }
    let Some(p) = si.checked_sub(1) else { return false };
    let before = &doc.sentences[p];
    let after = doc.sentences.get(si + 1);
    before.paragraph != s.paragraph
        && before.role == Role::Body
        && closes(p)
        && after.is_none_or(|a| a.paragraph != s.paragraph && (a.role != Role::Body || closes(si + 1)))
}

/// Per sentence, whether the section it is in is headed by a link label
/// ("## Related stories"); `None` for a document with no such heading.
fn sections_elsewhere(doc: &Document) -> Option<Vec<bool>> {
    let headed =
        |s: &segment::Sentence| s.role == Role::Heading && opens_with_link_label(&doc.text[s.span.clone()], true);
    if !doc.sentences.iter().any(headed) {
        return None;
    }
    let mut out = Vec::with_capacity(doc.sentences.len());
    // The last heading (or headline) above, and how far it is.
    let mut last: Option<(usize, bool)> = None;
    for (i, s) in doc.sentences.iter().enumerate() {
        out.push(last.is_some_and(|(at, label)| label && i - at <= 64));
        if s.role != Role::Body {
            last = Some((i, headed(s)));
        }
    }
    Some(out)
}

/// How long a document is before its sentences' matches are kept without
/// spare room: shrinking costs a copy a sentence, worth it only where
/// many matches are held at once.
const SHRINK_FROM: usize = 1 << 20;

pub fn match_document(doc: &Document, quantities: &[Quantity], pack: &RulePack) -> Vec<SentenceMatch> {
    let mut out = Vec::new();
    let mut masked = String::new();
    let mut qi = 0;
    let mut contexts = Contexts::default();
    let mut tables = TableBlocks::default();
    // Which figures of the sentence no rule has claimed yet.
    let mut unclaimed: Vec<bool> = Vec::new();
    // Per figure of the sentence: the asides of other figures in its clause.
    let mut asides_of: Vec<Option<OthersAsides>> = Vec::new();
    // Per clause of the sentence: the asides in it (`asides_in`).
    let mut clause_asides: Vec<(Range<usize>, Vec<Range<usize>>)> = Vec::new();
    let elsewhere = sections_elsewhere(doc);
    let shrink = doc.text.len() > SHRINK_FROM;
    for (si, s) in doc.sentences.iter().enumerate() {
        while qi < quantities.len() && quantities[qi].span.start < s.span.start {
            qi += 1;
        }
        let mut figures = Vec::new();
        let mut j = qi;
        while j < quantities.len() && quantities[j].span.start < s.span.end {
            if quantities[j].is_count() && quantities[j].span.end <= s.span.end {
                figures.push(j);
            }
            j += 1;
        }
        // A link to another story gives that story's headline.
        if figures.is_empty()
            || opens_with_link_label(&doc.text[s.span.clone()], false)
            || elsewhere.as_ref().is_some_and(|e| e[si])
            || lone_headline(doc, si)
        {
            continue;
        }
        // Mask: each figure becomes OPEN index CLOSE. Pieces of a sentence
        // that needs no collapsing need none either: tested once.
        masked.clear();
        let whole = is_collapsed(doc.text[s.span.clone()].as_bytes());
        let push = |masked: &mut String, piece: &str| {
            if whole { masked.push_str(piece) } else { push_collapsed(masked, piece) }
        };
        let mut pos = s.span.start;
        for (k, &fi) in figures.iter().enumerate() {
            let q = &quantities[fi];
            push(&mut masked, &doc.text[pos..q.span.start]);
            masked.push(OPEN);
            write!(masked, "{k}").expect("writing to a String");
            masked.push(CLOSE);
            pos = q.span.end;
        }
        push(&mut masked, &doc.text[pos..s.span.end]);
        // A row's table starts at the first row above it; that row heads its columns.
        let header = segment::is_table_row(&doc.text[s.span.clone()])
            .then(|| {
                let block = tables.block_of(doc, si);
                (block.start < si).then(|| &doc.text[doc.sentences[block.start].span.clone()])
            })
            .flatten();
        drop_month_dots(&mut masked);
        if let Some(prose) = respectively_as_prose(&masked) {
            masked = prose;
        }
        if let Some(prose) = table_row_as_prose(&masked, header) {
            masked = prose;
        }
        // "Killed          33,207" reads as the label line "Killed: 33,207".
        if s.item
            && let Some(gap) = segment::aligned_label(&doc.text[s.span.clone()])
            && masked.is_char_boundary(gap)
            && !masked[..gap].contains(OPEN)
        {
            masked.insert(gap, ':');
        }

        let mut attempts: Vec<Attempt> = Vec::new();
        let mut verdicts: Vec<(VerdictKey, ContextVerdict)> = Vec::new();
        asides_of.clear();
        clause_asides.clear();
        let mut clauses: Option<Clauses> = None;
        // The sentence as written, then, for the figures it left unclaimed,
        // the sentence with the asides next to them set aside.
        // What the second reading changed: asides set aside, a label moved.
        let (mut second_read_relabelled, mut second_read_past_asides) = (false, false);
        let mut reduced: Option<String> = None;
        // A third, for those still unclaimed, with the nouns they leave to
        // the figure before, or to a question before, filled in.
        let mut third_read = false;
        for pass in 0..3 {
            let text = if pass == 0 {
                masked.as_str()
            } else {
                unclaimed.clear();
                unclaimed.resize(figures.len(), true);
                for a in attempts.iter().filter(|a| a.outcome == Outcome::Claimed) {
                    unclaimed[a.figure] = false;
                }
                if !unclaimed.contains(&true) {
                    break;
                }
                if pass == 1 {
                    // A "Label: figure" line is read with its label after the figure.
                    let relabelled = label_line_as_prose(&masked);
                    let base = relabelled.as_deref().unwrap_or(&masked);
                    (second_read_relabelled, second_read_past_asides) = (relabelled.is_some(), true);
                    match asides::without_asides(base, |k| unclaimed.get(k) == Some(&true)) {
                        Some(r) => reduced.insert(r).as_str(),
                        None => match relabelled {
                            Some(r) => {
                                second_read_past_asides = false;
                                reduced.insert(r).as_str()
                            }
                            None => continue,
                        },
                    }
                } else {
                    (second_read_relabelled, second_read_past_asides, third_read) = (false, false, true);
                    let before_end = out
                        .last()
                        .filter(|p: &&SentenceMatch| p.sentence + 1 == si)
                        .and_then(|p| p.figures.last())
                        .map(|&f| quantities[f].span.end);
                    let noun = |k: usize| {
                        let end = if k == 0 { before_end? } else { quantities[figures[k - 1]].span.end };
                        elided::noun_after(&doc.text[end..])
                    };
                    let asked = si
                        .checked_sub(1)
                        .map(|p| &doc.text[doc.sentences[p].span.clone()])
                        .filter(|p| p.trim_end().ends_with('?'))
                        .and_then(elided::question)
                        .or_else(|| elided::asked_within(&masked));
                    // "… updated its death toll on Monday. The ministry put it at 35,091."
                    let toll_before = || {
                        let p = si.checked_sub(1).filter(|&p| doc.sentences[p].paragraph == s.paragraph)?;
                        elided::toll_named(&doc.text[doc.sentences[p].span.clone()])
                    };
                    // "That figure, the ministry said, was 25,900": past the asides the second reading set aside.
                    let past_asides = reduced.take();
                    let filled =
                        elided::filled(&masked, |k| unclaimed.get(k) == Some(&true), noun, asked).or_else(|| {
                            let text = past_asides.as_deref().unwrap_or(&masked);
                            elided::it_for_toll(text, toll_before, |k| unclaimed.get(k) == Some(&true))
                        });
                    match filled {
                        Some(r) => reduced.insert(r).as_str(),
                        None => break,
                    }
                }
            };
            for set_index in pack.set.matches(text.as_bytes()) {
                let (ri, pi) = pack.owners[set_index];
                let rule = &pack.rules[ri];
                let pattern = &rule.patterns[pi];
                for found in pattern.regex.find_iter(text.as_bytes()) {
                    // The figure is the one marker in the match; only a
                    // match spanning several figures needs the capture group.
                    let Some(k) = marker_index(found.as_bytes()).or_else(|| {
                        let caps = pattern.regex.captures_at(text.as_bytes(), found.start())?;
                        std::str::from_utf8(caps.name("q")?.as_bytes()).ok()?.parse().ok()
                    }) else {
                        continue;
                    };
                    if pass > 0
                        && (unclaimed.get(k) != Some(&true) || attempts.iter().any(|a| a.rule == ri && a.figure == k))
                    {
                        continue;
                    }
                    let Some(&fi) = figures.get(k) else { continue };
                    let q = &quantities[fi];
                    let kind = q.kind.name();
                    let match_len = found.len();
                    let mut from_lede = false;
                    let outcome = if !pattern.kinds.iter().any(|x| x == kind) {
                        Outcome::WrongKind { kind: kind.to_string(), expected: pattern.kinds.clone() }
                    } else {
                        // One verdict per rule and clause, however many patterns matched.
                        let sentence_text = &doc.text[s.span.clone()];
                        let clause =
                            clauses.get_or_insert_with(|| Clauses::of(sentence_text)).at(q.span.start - s.span.start);
                        let at = q.span.start - s.span.start;
                        // Once per figure, however many rules and patterns reach it.
                        if asides_of.len() < figures.len() {
                            asides_of.resize(figures.len(), None);
                        }
                        let (others, own) = asides_of[k]
                            .get_or_insert_with(|| {
                                let offsets = figures.iter().map(|&f| quantities[f].span.start - s.span.start);
                                let i = clause_asides.iter().position(|(c, _)| *c == clause).unwrap_or_else(|| {
                                    let found = asides_in(sentence_text, clause.clone(), offsets.clone());
                                    clause_asides.push((clause.clone(), found));
                                    clause_asides.len() - 1
                                });
                                others_asides(&clause_asides[i].1, at, offsets)
                            })
                            .clone();
                        let key = (ri, clause.start, own);
                        let verdict = match verdicts.iter().find(|(k, _)| *k == key) {
                            Some((_, v)) => v.clone(),
                            None => {
                                let span = context_span(doc, si, rule.context.scope);
                                let caption_text = || {
                                    let c = label_block_caption(doc, si)?;
                                    let mut text = String::new();
                                    push_collapsed(&mut text, &doc.text[doc.sentences[c].span.clone()]);
                                    Some(text)
                                };
                                let v = contexts
                                    .check_text(doc, s.paragraph, ri, &rule.context, span.clone())
                                    // A label line's caption places it where the line's words do not.
                                    .filter(|v| {
                                        *v != ContextVerdict::MissingAny
                                            || !caption_text().is_some_and(|c| {
                                                let with_line = format!("{c} {}", &doc.text[span.clone()]);
                                                rule.context.caption_supplies(&c, &with_line)
                                            })
                                    })
                                    .unwrap_or_else(|| {
                                        let mut clause_text = String::new();
                                        let mut from = clause.start;
                                        // Asides may nest: "including 127 (in the past day)".
                                        for b in others.iter().chain([&(clause.end..clause.end)]) {
                                            if b.start > from {
                                                push_collapsed(&mut clause_text, &sentence_text[from..b.start]);
                                            }
                                            from = from.max(b.end);
                                        }
                                        let lede = rule.context.lede && contexts.found_in_lede(ri, &span);
                                        lede.then(caption_text)
                                            .flatten()
                                            .and_then(|c| rule.context.caption_refuses(&c))
                                            .or_else(|| sentences_before::frame_refuses(doc, si, &rule.context))
                                            .or_else(|| sentences_before::attack_before_refuses(doc, si, &rule.context))
                                            .or_else(|| {
                                                lede.then(|| {
                                                    let clause = &sentence_text[clause.clone()];
                                                    sentences_before::incident_before_refuses(
                                                        doc,
                                                        si,
                                                        clause,
                                                        &rule.context,
                                                    )
                                                })
                                                .flatten()
                                            })
                                            .or_else(|| sentences_before::since_then_refuses(doc, si, rule))
                                            .or_else(|| {
                                                // The sentence up to the figure's clause; but "…, the
                                                // ministry said as its overall toll neared 30,000" and
                                                // "…, adding that the toll has risen to 51,201" are
                                                // statements of their own, unlike ", raising the
                                                // overall toll to 361".
                                                let before = sentence_text[..clause.start].trim_end();
                                                let own = [" as its", " as the", ", adding", ", adding that"]
                                                    .iter()
                                                    .any(|w| before.ends_with(w));
                                                let framed =
                                                    &sentence_text[if own { clause.start } else { 0 }..clause.end];
                                                rule.context.check_sentence(framed, lede)
                                            })
                                            .unwrap_or_else(|| rule.context.check_clause(&clause_text, lede))
                                    });
                                verdicts.push((key, v.clone()));
                                v
                            }
                        };
                        // Read past an aside, a match runs on past the clause the
                        // aside closed: "24 hostages – all men – remain alive".
                        let verdict = match text.get(found.start()..) {
                            Some(read) if verdict == ContextVerdict::Ok && pass == 1 && second_read_past_asides => {
                                let clause = Clauses::of(read).at(0);
                                rule.context.check_clause(&read[clause], false)
                            }
                            _ => verdict,
                        };
                        from_lede = verdict == ContextVerdict::Ok
                            && rule.context.lede
                            && contexts.found_in_lede(ri, &context_span(doc, si, rule.context.scope));
                        match verdict {
                            ContextVerdict::Ok => Outcome::Claimed,
                            ContextVerdict::MissingAny => {
                                Outcome::MissingContext { any: Arc::clone(&rule.context.any_words) }
                            }
                            ContextVerdict::MissingAll(word) => Outcome::MissingRequired { word },
                            ContextVerdict::Forbidden(word) => Outcome::Forbidden { word },
                        }
                    };
                    attempts.push(Attempt {
                        rule: ri,
                        pattern: pi,
                        figure: k,
                        match_len,
                        past_asides: pass > 0 && second_read_past_asides,
                        relabelled: pass > 0 && second_read_relabelled,
                        noun_filled: pass > 1 && third_read,
                        context_from_lede: from_lede,
                        context_from_source: None,
                        antecedent: None,
                        outcome,
                    });
                }
            }
        }
        // "94 of the 251 hostages are still held": a rule that claims the
        // part does not claim the whole as well; another rule may ("only 50
        // out of the 120 hostages still held are alive": the 120 are held).
        let claimed = |a: &&Attempt| a.outcome == Outcome::Claimed;
        if attempts.iter().filter(claimed).nth(1).is_some() && masked.contains(" of ") {
            // "94 of the 251", "14,500 of Gaza's 1.1 million".
            let joined = parts_and_wholes(&masked);
            for ai in 0..attempts.len() {
                let (rule, k) = (attempts[ai].rule, attempts[ai].figure);
                if attempts[ai].outcome != Outcome::Claimed {
                    continue;
                }
                let of_whole = |part: usize| joined.contains(&(part, k));
                let part = attempts
                    .iter()
                    .find(|b| b.rule == rule && b.outcome == Outcome::Claimed && b.figure != k && of_whole(b.figure));
                if let Some(b) = part {
                    let part = quantities[figures[b.figure]].text.to_string();
                    attempts[ai].outcome = Outcome::WholeOfPart { part };
                }
            }
        }
        // One rule per figure: the longest match wins, then the first rule id.
        let mut best: BTreeMap<usize, (usize, usize)> = BTreeMap::new();
        for (ai, a) in attempts.iter().enumerate() {
            if a.outcome != Outcome::Claimed {
                continue;
            }
            let e = best.entry(a.figure).or_insert((ai, a.match_len));
            let cur = &attempts[e.0];
            if a.match_len > e.1 || (a.match_len == e.1 && a.rule < cur.rule) {
                *e = (ai, a.match_len);
            }
        }
        for ai in 0..attempts.len() {
            if attempts[ai].outcome != Outcome::Claimed {
                continue;
            }
            let (winner, _) = best[&attempts[ai].figure];
            if winner != ai {
                let by = pack.rules[attempts[winner].rule].id.to_string();
                attempts[ai].outcome = Outcome::Superseded { by };
            }
        }
        // "killed at least 23 people, including seven children": a part is
        // its whole's; a whole that no metric it is part of claims takes it along.
        if attempts.iter().any(|a| a.outcome == Outcome::Claimed && !pack.rules[a.rule].part_of.is_empty()) {
            for ai in 0..attempts.len() {
                let rule = &pack.rules[attempts[ai].rule];
                if attempts[ai].outcome != Outcome::Claimed || rule.part_of.is_empty() {
                    continue;
                }
                let claims_whole = |b: &Attempt, whole: usize| {
                    b.figure == whole
                        && b.outcome == Outcome::Claimed
                        && rule.part_of.iter().any(|m| **m == *pack.rules[b.rule].metric)
                };
                let whole_here = whole_before(&doc.text, quantities, &figures, attempts[ai].figure);
                let unclaimed = match whole_here {
                    Some(whole) => (!attempts.iter().any(|b| claims_whole(b, whole))).then_some(figures[whole]),
                    // "More than 48 people were killed in airstrikes … The dead
                    // included 18 children": the whole is the sentence before's,
                    // when it claims none of the metric they are part of.
                    None if THE_DEAD.is_match(&doc.text[s.span.clone()]) => {
                        out.last().filter(|p: &&SentenceMatch| p.sentence + 1 == si).and_then(|p| {
                            let last = *p.figures.last()?;
                            (!p.attempts.iter().any(|b| claims_whole(b, b.figure))).then_some(last)
                        })
                    }
                    None => None,
                };
                if let Some(whole) = unclaimed {
                    let whole = quantities[whole].text.to_string();
                    attempts[ai].outcome = Outcome::PartOfUnclaimed { whole, of: rule.part_of.join(" or ") };
                    // "A strike killed 12 members of a family, including seven
                    // children": the part goes to the rule the longer match
                    // superseded, when its whole's metric is claimed.
                    let (k, refused) = (attempts[ai].figure, attempts[ai].rule);
                    let heir = (0..attempts.len())
                        .filter(|&bi| {
                            let b = &attempts[bi];
                            let r = &pack.rules[b.rule];
                            b.figure == k
                                && b.rule != refused
                                && matches!(b.outcome, Outcome::Superseded { .. })
                                && whole_here.is_some_and(|w| {
                                    attempts.iter().any(|c| {
                                        c.figure == w
                                            && c.outcome == Outcome::Claimed
                                            && r.part_of.iter().any(|m| **m == *pack.rules[c.rule].metric)
                                    })
                                })
                        })
                        .max_by_key(|&bi| attempts[bi].match_len);
                    if let Some(bi) = heir {
                        attempts[bi].outcome = Outcome::Claimed;
                    }
                }
            }
        }
        // "Nearly 20,000 have been killed, including 18,400 in Gaza and 1,200
        // in Israel": a whole with a part its rule refuses is no claim of it.
        if figures.len() > 1 {
            for a in attempts.iter_mut().filter(|a| a.outcome == Outcome::Claimed) {
                let rule = &pack.rules[a.rule];
                if rule.context.parts_none.is_none() {
                    continue;
                }
                let refused =
                    parts_of(&doc.text, quantities, &figures, a.figure, s.span.end).into_iter().find_map(|p| {
                        let word = rule.context.check_part(&doc.text[p.clone()])?;
                        Some(format!("{} (in its part \"{}\")", word.trim(), doc.text[p].trim_end()))
                    });
                if let Some(word) = refused {
                    a.outcome = Outcome::Forbidden { word };
                }
            }
        }
        let before = out.last().filter(|p: &&SentenceMatch| p.sentence + 1 == si);
        carry_antecedents(doc, quantities, pack, si, &figures, &masked, before, &mut attempts, &mut clauses);
        // "An earlier version of this article said 253 people were killed":
        // the clause a correction quotes is no claim.
        let sentence_text = &doc.text[s.span.clone()];
        if attempts.iter().any(|a| a.outcome == Outcome::Claimed)
            && RETRACTED_WORDS.find(sentence_text).is_some()
            && let Some(cue) = RETRACTED.find(sentence_text)
        {
            let breaks = clauses.get_or_insert_with(|| Clauses::of(sentence_text));
            let quoted = breaks.at(cue.end());
            for a in attempts.iter_mut().filter(|a| a.outcome == Outcome::Claimed) {
                let at = quantities[figures[a.figure]].span.start - s.span.start;
                if at >= cue.end() && quoted.contains(&at) {
                    a.outcome = Outcome::Retracted;
                }
            }
        }
        // "A post claims that 50,000 children have been killed. That is
        // false.": what the text refutes is no claim of its own.
        if attempts.iter().any(|a| a.outcome == Outcome::Claimed)
            && CLAIM_WORDS.find(sentence_text).is_some()
            && let Some(cue) = CLAIMS_THAT.find(sentence_text)
        {
            let next_refutes =
                doc.sentences.get(si + 1).is_some_and(|n| REFUTED_NEXT.is_match(&doc.text[n.span.clone()]));
            let refuted_after = |at: usize| next_refutes || REFUTED_HERE.find_at(sentence_text, at).is_some();
            for a in attempts.iter_mut().filter(|a| a.outcome == Outcome::Claimed) {
                let at = quantities[figures[a.figure]].span.start - s.span.start;
                if at >= cue.end() && refuted_after(at) {
                    a.outcome = Outcome::Refuted;
                }
            }
        }
        // Held until the document's claims are made: in a large document,
        // without the room left by growing (a sentence's one attempt had
        // room for four; a third of the peak for a file of such lines).
        if shrink {
            attempts.shrink_to_fit();
            figures.shrink_to_fit();
        }
        out.push(SentenceMatch { sentence: si, figures, attempts, clauses });
    }
    out
}

/// The stems `CLAIMS_THAT` needs, looked for first: most sentences have none.
static CLAIM_WORDS: LazyLock<aho_corasick::packed::Searcher> = LazyLock::new(|| {
    aho_corasick::packed::Config::new()
        .builder()
        .extend(["claim", "Claim", "CLAIM", "alleg", "Alleg", "ALLEG", "purport", "Purport", "PURPORT"])
        .build()
        .expect("claim words")
});

/// A claim told as a claim: "claims that", "the claim that", "alleged".
static CLAIMS_THAT: LazyLock<regex::Regex> = LazyLock::new(|| {
    regex::Regex::new(r"(?i)(?-u:\b)(?:claim(?:s|ed|ing)?|alleg(?:es|ed|ing)|purport(?:s|ed|ing))(?-u:\b)")
        .expect("claims-that regex")
});

/// What a text calls a claim it refutes.
const FALSE_WORDS: &str = "false|untrue|not true|wrong|incorrect|baseless|unfounded";

/// The same sentence calls the claim false: "The claim that … is false".
static REFUTED_HERE: LazyLock<regex::Regex> = LazyLock::new(|| {
    regex::Regex::new(&format!(r"(?i)(?-u:\b)(?:is|was|are|were) (?:{FALSE_WORDS}|fabricated)(?-u:\b)"))
        .expect("refuted-here regex")
});

/// The next sentence calls it false: "That is false.", "That is not what
/// the figures show.", "False."
static REFUTED_NEXT: LazyLock<regex::Regex> = LazyLock::new(|| {
    regex::Regex::new(&format!(
        r"(?i)^\W*(?:(?:but|yet|however),? )?(?:(?:that|this|it|the) (?:claim |figure |number |post )?(?:is|was|'s|’s) (?:{FALSE_WORDS}|misleading|an exaggeration|inflated|not what the (?:figures|data|numbers|records) show)|(?:false|not true|wrong|incorrect)\W)"
    ))
    .expect("refuted-next regex")
});

/// In `clause` of `sentence`, the asides that may hold a figure (at one
/// of `figures`, offsets in the sentence), in the order found: brackets,
/// ", including …", a source's ", which said …", "…, 93 of them …". Read
/// once a clause, whichever of its figures asks (`others_asides`).
fn asides_in(sentence: &str, clause: Range<usize>, figures: impl Iterator<Item = usize>) -> Vec<Range<usize>> {
    let mut found = Vec::new();
    let bytes = &sentence.as_bytes()[..clause.end];
    let mut from = clause.start;
    while let Some(open) = memchr::memchr(b'(', &bytes[from..]).map(|i| from + i) {
        let Some(close) = memchr::memchr(b')', &bytes[open..]).map(|i| open + i + 1) else { break };
        found.push(open..close);
        from = close;
    }
    // "27,365 had been killed, including 127 in the past 24 hours".
    for open in finder!(", including ").find_iter(&bytes[clause.start..]) {
        let open = clause.start + open;
        let close = memchr::memchr2(b',', b';', &bytes[open + 1..]).map_or(clause.end, |i| open + 1 + i);
        found.push(open..close);
    }
    // "has risen to 23,210, according to the ministry, which said 126 were
    // killed in the past 24 hours": the source's words of another figure.
    for open in finder!(", wh").find_iter(&bytes[clause.start..]) {
        let open = clause.start + open;
        if SAID_ASIDE.is_match(&sentence[open..clause.end]) {
            found.push(open..clause.end);
        }
    }
    // "31,819 people had been killed, 93 of them in the previous 24 hours".
    for f in figures.filter(|&f| f >= clause.start + 2 && f < clause.end) {
        if sentence[..f].ends_with(", ") && OF_THEM.is_match(&sentence[f..clause.end]) {
            let close = memchr::memchr2(b',', b';', &bytes[f..]).map_or(clause.end, |i| f + i);
            found.push(f - 2..close);
        }
    }
    found
}

/// Of a clause's `asides` (`asides_in`), those that hold a figure (at one
/// of `figures`) other than the one at `own`, and where the aside holding
/// `own` opens, if one does: "30,534 (+124 in the past 24 hours)" speaks
/// of the 124 in its brackets, and their words forbid nothing to the 30,534.
fn others_asides(asides: &[Range<usize>], own: usize, figures: impl Iterator<Item = usize> + Clone) -> OthersAsides {
    let (mut others, mut holder) = (Vec::new(), None);
    for aside in asides {
        if aside.contains(&own) {
            holder = Some(aside.start);
        } else if figures.clone().any(|f| aside.contains(&f)) {
            others.push(aside.clone());
        }
    }
    others.sort_by_key(|r| r.start);
    (others, holder)
}

/// A source's relative clause that reports: ", which said", ", who added".
static SAID_ASIDE: LazyLock<regex::Regex> = LazyLock::new(|| {
    regex::Regex::new(r"^, (?:which|who) (?:also )?(?:said|says|added|adds|reported|reports|noted|notes|announced)\b")
        .expect("said-aside regex")
});

/// A figure that counts a share of the one before it: "93 of them".
static OF_THEM: LazyLock<regex::Regex> =
    LazyLock::new(|| regex::Regex::new(r"^[^,;]{1,30}? of (?:them|whom)\b").expect("of-them regex"));

/// The one rule that claimed `attempts`, with the first figure it claimed
/// and by which pattern; `None` if no rule or several did. A figure a
/// correction retracts counts: "An earlier version gave the number of
/// wounded as 66,360. It was 66,630."
fn one_rule<'a>(attempts: impl Iterator<Item = &'a Attempt>) -> Option<&'a Attempt> {
    let mut first: Option<&Attempt> = None;
    for a in attempts.filter(|a| matches!(a.outcome, Outcome::Claimed | Outcome::Retracted)) {
        match first {
            None => first = Some(a),
            Some(f) if f.rule != a.rule => return None,
            Some(_) => {}
        }
    }
    first
}

/// Claims for the figures no rule claimed whose subject stands for a figure
/// before ("it stood at 35,456", "That is up from 23,084 a week earlier and
/// 21,978 two weeks earlier"), by that figure's rule: the figures claimed
/// earlier in the sentence, or else in the sentence `before`, must all be
/// of one rule, of the same kind, and the figure's clause must hold none of
/// the rule's forbidden words.
#[allow(clippy::too_many_arguments)]
fn carry_antecedents(
    doc: &Document,
    quantities: &[Quantity],
    pack: &RulePack,
    si: usize,
    figures: &[usize],
    masked: &str,
    before: Option<&SentenceMatch>,
    attempts: &mut Vec<Attempt>,
    clauses: &mut Option<Clauses>,
) {
    let claimed =
        |attempts: &[Attempt], k: usize| attempts.iter().any(|a| a.figure == k && a.outcome == Outcome::Claimed);
    if (0..figures.len()).all(|k| claimed(attempts, k)) {
        return;
    }
    let s = &doc.sentences[si];
    let markers = marker_spans(masked, figures.len());
    // The attempt the figure before was carried by, if it was.
    let mut carried_before: Option<usize> = None;
    for k in 0..figures.len() {
        if claimed(attempts, k) {
            carried_before = None;
            continue;
        }
        let Some(marker) = markers[k].clone() else { continue };
        let listed = carried_before
            .filter(|_| k > 0)
            .and_then(|ai| Some((ai, markers[k - 1].clone()?)))
            .filter(|(_, prev)| anaphora::listed_after(masked, prev.end, marker.start));
        let (by, lead_len) = match listed {
            Some((ai, _)) => (attempts[ai].clone(), attempts[ai].match_len),
            None => {
                let Some(len) = anaphora::lead(masked, marker.start) else {
                    carried_before = None;
                    continue;
                };
                let own = one_rule(attempts.iter().filter(|a| a.figure < k));
                let found = match own {
                    Some(a) => Some((a.clone(), figures[a.figure])),
                    // A count the sentence names before the lead is what it stands for.
                    None if anaphora::names_a_count(&masked[..marker.start - len]) => None,
                    // So is a figure before it no rule read: "98 trucks a day
                    // entered, down from about 500" is of the trucks.
                    None if (0..k).any(|j| !claimed(attempts, j)) => None,
                    None => before.and_then(|p| one_rule(p.attempts.iter()).map(|a| (a.clone(), p.figures[a.figure]))),
                };
                let Some((mut a, antecedent)) = found else {
                    carried_before = None;
                    continue;
                };
                a.antecedent = Some(a.antecedent.unwrap_or(antecedent));
                (a, len + marker.len())
            }
        };
        let rule = &pack.rules[by.rule];
        let q = &quantities[figures[k]];
        let sentence_text = &doc.text[s.span.clone()];
        let clause = clauses.get_or_insert_with(|| Clauses::of(sentence_text)).at(q.span.start - s.span.start);
        let mut clause_text = String::new();
        push_collapsed(&mut clause_text, &sentence_text[clause]);
        // The place and the words the antecedent's reading needed carry
        // over with it; what the figure's own clause forbids does not.
        if !rule.patterns[by.pattern].kinds.iter().any(|x| x == q.kind.name())
            || matches!(rule.context.check_clause(&clause_text, false), ContextVerdict::Forbidden(_))
        {
            carried_before = None;
            continue;
        }
        attempts.push(Attempt {
            figure: k,
            match_len: lead_len,
            past_asides: false,
            relabelled: false,
            noun_filled: false,
            context_from_lede: false,
            context_from_source: None,
            outcome: Outcome::Claimed,
            ..by
        });
        carried_before = Some(attempts.len() - 1);
    }
}

/// Where each of the `n` figures' markers is in `masked`, in one pass.
fn marker_spans(masked: &str, n: usize) -> Vec<Option<Range<usize>>> {
    let mut out = vec![None; n];
    let mut from = 0;
    while let Some(i) = masked[from..].find(OPEN) {
        let start = from + i;
        let inner = start + OPEN.len_utf8();
        let Some(len) = masked[inner..].find(CLOSE) else { break };
        let end = inner + len;
        if let Ok(k) = masked[inner..end].parse::<usize>()
            && let Some(slot) = out.get_mut(k)
        {
            *slot = Some(start..end + CLOSE.len_utf8());
        }
        from = end;
    }
    out
}

/// The context texts of the paragraph being matched, collapsed, and each
/// rule's verdict on them: a paragraph's sentences share them.
#[derive(Default)]
struct Contexts {
    paragraph: usize,
    texts: Vec<(Range<usize>, String)>,
    /// Rule, text, verdict, and whether the `any` words were found in the lede only.
    verdicts: Vec<(usize, Range<usize>, Option<ContextVerdict>, bool)>,
    /// The document's lede, made when a rule first asks for it.
    lede: Option<String>,
}

impl Contexts {
    /// `Context::check_text` of rule `ri` on the text at `span` (for a
    /// sentence of `paragraph`).
    fn check_text(
        &mut self,
        doc: &Document,
        paragraph: usize,
        ri: usize,
        context: &Context,
        span: Range<usize>,
    ) -> Option<ContextVerdict> {
        // Sentences come in order: what earlier paragraphs kept is not asked for again.
        if paragraph != self.paragraph {
            self.paragraph = paragraph;
            self.texts.clear();
            self.verdicts.clear();
        }
        if let Some((_, _, v, _)) = self.verdicts.iter().find(|(r, sp, _, _)| *r == ri && *sp == span) {
            return v.clone();
        }
        let text = match self.texts.iter().position(|(sp, _)| *sp == span) {
            Some(i) => &self.texts[i].1,
            None => {
                let mut t = String::new();
                push_collapsed(&mut t, &doc.text[span.clone()]);
                self.texts.push((span.clone(), t));
                &self.texts.last().expect("just pushed").1
            }
        };
        // The text is read once; the lede only when its `any` words are missing.
        let plain = context.check_text(text);
        let (v, from_lede) = if context.lede
            && plain == Some(ContextVerdict::MissingAny)
            && context.lede_supplies(self.lede.get_or_insert_with(|| lede_of(doc)))
        {
            (context.check_all(text), true)
        } else {
            (plain, false)
        };
        self.verdicts.push((ri, span, v.clone(), from_lede));
        v
    }

    /// Whether rule `ri` found its `any` words for the text at `span` in the lede only.
    fn found_in_lede(&self, ri: usize, span: &Range<usize>) -> bool {
        self.verdicts.iter().any(|(r, sp, _, lede)| *r == ri && sp == span && *lede)
    }
}

/// How a verb right before a bare figure reads it: a toll that "passed",
/// "topped" or "exceeded" 30,000 is over 30,000; one that "neared" it is
/// nearly 30,000.
fn verb_before(before: &str) -> Option<Qualifier> {
    // "climbed past 30,000" is a verb of passing too.
    const OVER: [&str; 11] = [
        "passed",
        "passes",
        "surpassed",
        "surpasses",
        "exceeded",
        "exceeds",
        "topped",
        "tops",
        "crossed",
        "crosses",
        "past",
    ];
    const NEARLY: [&str; 5] = ["neared", "nears", "nearing", "approached", "approaches"];
    // "passed the 35,000 mark", "surpassed the grim mark of 14,000".
    let before = before.trim_end();
    let before = before.strip_suffix(" the").unwrap_or(before);
    let before = ["mark of", "milestone of", "threshold of", "barrier of"]
        .iter()
        .find_map(|m| {
            let head = before.strip_suffix(m)?;
            let the = head.rfind(" the ").filter(|&i| head.len() - i <= 16)?;
            Some(&head[..the])
        })
        .unwrap_or(before);
    let word = before.rsplit(|c: char| !c.is_alphabetic()).next()?;
    if OVER.iter().any(|w| word.eq_ignore_ascii_case(w)) {
        Some(Qualifier::Over)
    } else if NEARLY.iter().any(|w| word.eq_ignore_ascii_case(w)) {
        Some(Qualifier::Nearly)
    } else {
        None
    }
}

/// A document's lede, collapsed: its title, headline and first paragraph
/// of body text.
fn lede_of(doc: &Document) -> String {
    let mut out = String::new();
    if let Some(t) = &doc.meta.title {
        push_collapsed(&mut out, t);
        out.push(' ');
    }
    let first_body = doc.sentences.iter().find(|s| s.role == Role::Body).map(|s| s.paragraph);
    for s in &doc.sentences {
        if s.role == Role::Headline || Some(s.paragraph) == first_body && s.role == Role::Body {
            push_collapsed(&mut out, &doc.text[s.span.clone()]);
            out.push(' ');
        }
    }
    out
}

/// A sentence as cited: trimmed, whitespace collapsed.
fn sentence_of(doc: &Document, span: &Range<usize>) -> Arc<str> {
    let mut t = String::with_capacity(span.len());
    push_collapsed(&mut t, doc.text[span.clone()].trim());
    t.into()
}

/// One copy of each attribution a document makes.
pub(crate) fn shared(seen: &mut Vec<Arc<Attribution>>, a: Attribution) -> Arc<Attribution> {
    match seen.iter().find(|s| ***s == a) {
        Some(s) => Arc::clone(s),
        None => {
            let s = Arc::new(a);
            seen.push(Arc::clone(&s));
            s
        }
    }
}

/// The citation of a figure in `doc` (whose info is `info`).
pub fn cite(doc: &Document, info: &Arc<DocumentInfo>, span: &Range<usize>, sentence: &Arc<str>) -> Citation {
    let file = doc.file_span(span);
    let (line, column) = doc.file_line_col(file.start);
    let (end_line, end_column) = doc.file_line_col(file.end);
    let (fs, fe) = (file.start, file.end);
    // Past 4 GiB a position saturates; files that large are refused long before.
    let pos = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
    Citation {
        document: Arc::clone(info),
        line: pos(line),
        column: pos(column),
        end_line: pos(end_line),
        end_column: pos(end_column),
        span: pos(fs)..pos(fe),
        sentence: Arc::clone(sentence),
    }
}

/// The claims of one document, in text order.
pub fn extract(doc: &Document, pack: &RulePack) -> Vec<Claim> {
    let quantities = Recognizer::english().recognize(&doc.text);
    claims_from(doc, &quantities, pack, &mut match_document(doc, &quantities, pack))
}

/// Claims from matches already made. A figure its rule refused only for
/// want of its place ("the ministry had counted more than 22,800 dead",
/// where the ministry was named in Gaza a sentence before) is claimed when
/// the rule reads its place from outside the sentence (`lede: true`) and
/// the authority the figure is credited to bears that place in its name;
/// its attempt is marked so.
pub fn claims_from(
    doc: &Document,
    quantities: &[Quantity],
    pack: &RulePack,
    matches: &mut [SentenceMatch],
) -> Vec<Claim> {
    let mut out = Vec::new();
    // Made with the first claim: a document without one is described once, by its caller.
    let mut info: Option<Arc<DocumentInfo>> = None;
    let mut sources: Vec<Arc<Attribution>> = Vec::new();
    let mentions = OnceCell::new();
    let placed = RefCell::new(Vec::new());
    let earlier = |before: usize, paragraph: usize, previous: Option<usize>| attribution::Earlier {
        text: &doc.text,
        mentions: &mentions,
        placed: &placed,
        before,
        paragraph,
        previous,
        title: doc.meta.title.as_deref(),
        people: true,
    };
    let mut tables = TableBlocks::default();
    let mut events_seen = event::Seen::default();
    // A "Figures as of 30 April 2024." note, looked for at the first claim.
    let figures_note = OnceCell::new();
    // The table last read and the source below it.
    let mut below: Option<(Range<usize>, Option<Attribution>)> = None;
    for m in matches.iter_mut() {
        let s = &doc.sentences[m.sentence];
        let first = doc.paragraph_start(m.sentence);
        let paragraph = doc.sentences[first].span.start;
        let sentence_text = &doc.text[s.span.clone()];
        let placeable = |a: &Attempt| match a.outcome {
            Outcome::MissingContext { .. } => pack.rules[a.rule].context.lede,
            Outcome::MissingRequired { .. } => pack.all_from_source[a.rule],
            _ => false,
        };
        if !m.attempts.iter().any(|a| a.outcome == Outcome::Claimed || placeable(a)) {
            continue;
        }
        if m.clauses.is_none() {
            m.clauses = Some(Clauses::of(sentence_text));
        }
        // The paragraph before, for a sentence that opens its own; past
        // paragraphs that open with "It said" themselves ("The ministry
        // said … / It said … / It added …"), up to three.
        let previous = (first == m.sentence && first > 0).then(|| {
            let mut start = first;
            for _ in 0..3 {
                start = doc.paragraph_start(start - 1);
                let opening = &doc.text[doc.sentences[start].span.clone()];
                if start == 0 || !["It ", "They "].iter().any(|w| opening.starts_with(w)) {
                    break;
                }
            }
            doc.sentences[start].span.start
        });
        let earlier = |before: usize| earlier(before, paragraph, previous);
        let mut sources_of = SentenceSources { headline: s.role != Role::Body, ..SentenceSources::default() };
        if segment::is_table_row(sentence_text) {
            let block = tables.block_of(doc, m.sentence);
            if below.as_ref().is_none_or(|(b, _)| *b != block) {
                // Else the paragraph right above the table, read from its end.
                let above = || {
                    let last = block.start.checked_sub(1)?;
                    let p = doc.sentences[last].paragraph;
                    (0..=last)
                        .rev()
                        .take_while(|&i| doc.sentences[i].paragraph == p)
                        .find_map(|c| caption_source(doc, c, &pack.authorities))
                };
                below = Some((block.clone(), source_below_table(doc, block.clone(), &pack.authorities).or_else(above)));
            }
            sources_of.below = below.as_ref().and_then(|(_, a)| a.clone());
        }
        sources_of.speaker = attribution::turn_speaker(&doc.text[doc.sentences[first].span.clone()], &pack.authorities)
            .or_else(|| ticker_caption_source(doc, m.sentence, &pack.authorities))
            .or_else(|| label_caption_source(doc, m.sentence, &pack.authorities));
        let rescued = placed_by_source(doc, quantities, pack, m, &mut sources_of, &earlier);
        for (ai, by) in rescued {
            m.attempts[ai].outcome = Outcome::Claimed;
            m.attempts[ai].context_from_source = Some(by);
        }
        let mut cited: Option<Arc<str>> = None;
        let mut refused = Vec::new();
        for (ai, a) in m.attempts.iter().enumerate() {
            if a.outcome != Outcome::Claimed {
                continue;
            }
            let rule = &pack.rules[a.rule];
            let q = &quantities[m.figures[a.figure]];
            let breaks = m.clauses.as_ref().expect("clauses made above");
            let at = q.span.start - s.span.start;
            let clause = breaks.at(at);
            let mut found = sources_of.at(sentence_text, s.span.start, breaks, at, &pack.authorities, &earlier);
            // "The ministry updated its toll. That figure was 25,700": a figure
            // read with words of the sentence before goes on with its source.
            // So does one whose sentence goes on from the one before: "… since 7
            // October, according to the ministry. Another 26,905 have been injured."
            if found.is_none()
                && (a.noun_filled || attribution::goes_on_from_before(sentence_text))
                && let Some(p) = m.sentence.checked_sub(1).filter(|&p| doc.sentences[p].paragraph == s.paragraph)
            {
                let span = doc.sentences[p].span.clone();
                found = attribution::attribution_of(
                    &doc.text[span.clone()],
                    &pack.authorities,
                    Some(earlier(span.start)),
                    None,
                );
            }
            // "“More than 30,000 have been killed. The hospitals cannot cope,”
            // said the spokesman": a quotation's speaker, named in another sentence.
            if found.is_none()
                && let Some(tag) = quotes::tag(doc, m.sentence, q.span.start)
            {
                let span = doc.sentences[tag.sentence].span.clone();
                found = attribution::quotation_speaker(
                    &doc.text[span.clone()],
                    tag.mark,
                    tag.closing,
                    &pack.authorities,
                    Some(earlier(span.start)),
                );
            }
            // An earlier sentence's date holds for this figure unless the
            // figure names a source of its own that the earlier sentence does not.
            let carries = |span: Range<usize>| match &found {
                None => true,
                Some(own) => {
                    let before = Some(earlier(span.start));
                    attribution::attribution_of(&doc.text[span], &pack.authorities, before, None)
                        .is_some_and(|a| a.key() == own.key())
                }
            };
            let antecedent = a.antecedent.and_then(|i| {
                let at = quantities[i].span.start;
                out.iter().rev().find(|c: &&Claim| c.quantity.span.start == at).map(|c| &c.as_of)
            });
            let note = figures_note.get_or_init(|| as_of::figures_note(doc, quantities, doc.meta.published)).as_ref();
            let dating = as_of::Dating { event_dates: &pack.event_dates, note };
            let mut as_of = as_of::resolve(doc, quantities, m.sentence, q.span.start, dating, antecedent, carries);
            // "Blinken will make his fifth trip": an event still to come, on
            // or after publication, whatever weekday the sentence names.
            if rule.behavior == Behavior::Counter
                && !matches!(as_of.source, AsOfSource::Stated)
                && let Some(published) = doc.meta.published
                && let Some(words) = as_of::upcoming(&sentence_text[clause.start..at])
            {
                as_of = AsOf {
                    date: Some(published),
                    source: AsOfSource::Upcoming,
                    text: Some(words.into()),
                    from_earlier_sentence: false,
                    earliest: None,
                };
            }
            if let (Some(start), Some(date)) = (rule.counts_from(), as_of.date)
                && date < start
            {
                refused.push((ai, Outcome::BeforeStart { date, start }));
                continue;
            }
            if let Some(a) = &found
                && a.id.as_ref().is_some_and(|id| rule.attribution.not_from.iter().any(|n| n == id))
            {
                refused.push((ai, Outcome::NotFrom { authority: a.name.to_string() }));
                continue;
            }
            let attribution = found.or_else(|| {
                let id = rule.attribution.default.as_ref()?;
                let auth = pack.authorities.get(id)?;
                Some(Attribution::of(auth, "(rule default)"))
            });
            let event = match rule
                .event
                .as_ref()
                .and_then(|e| event::event_of(doc, m.sentence, q.span.start, e, &mut events_seen))
            {
                Some(event::Event::Named(name)) => Some(ClaimEvent::Named(name)),
                Some(event::Event::Unnamed(at)) => u32::try_from(at).ok().map(ClaimEvent::Unnamed),
                None => None,
            };
            // A figure read out of a malformed run is cited as the run.
            let malformed = q.malformed(&doc.text);
            let mut quantity = match verb_before(&doc.text[s.span.start..q.span.start]) {
                Some(reading) => q.read_as(reading),
                None => q.clone(),
            };
            if let Some(run) = &malformed {
                quantity.span = run.clone();
                quantity.text = doc.text[run.clone()].into();
            }
            out.push(Claim {
                names: Arc::clone(&rule.names),
                citation: cite(
                    doc,
                    info.get_or_insert_with(|| Arc::new(doc.info())),
                    &quantity.span,
                    cited.get_or_insert_with(|| sentence_of(doc, &s.span)),
                ),
                quantity,
                as_of,
                attribution: attribution.map(|a| shared(&mut sources, a)),
                role: s.role,
                sentence: u32::try_from(m.sentence).unwrap_or(u32::MAX),
                within: None,
                event: event.map(Box::new),
                malformed: malformed.map(|r| doc.text[r].into()),
            });
        }
        for (ai, outcome) in refused {
            m.attempts[ai].outcome = outcome;
        }
    }
    out.sort_by_key(|c| c.quantity.span.start);
    // "X, including Y": Y is part of X.
    for k in 1..out.len() {
        let (a, b) = (&out[k - 1], &out[k]);
        if a.sentence == b.sentence && a.quantity.span.end <= b.quantity.span.start {
            let between = &doc.text[a.quantity.span.end..b.quantity.span.start];
            if INCLUDING.is_match(between) {
                out[k].within = u32::try_from(a.quantity.span.start).ok();
            }
        }
    }
    out
}

/// The sentence range of the table a row belongs to, found once per table.
#[derive(Default)]
struct TableBlocks {
    last: Range<usize>,
}

impl TableBlocks {
    /// The rows (sentence indices) of the table holding row `si`.
    fn block_of(&mut self, doc: &Document, si: usize) -> Range<usize> {
        if !self.last.contains(&si) {
            let row = |i: usize| segment::is_table_row(&doc.text[doc.sentences[i].span.clone()]);
            let start = (0..si).rev().take_while(|&i| row(i)).last().unwrap_or(si);
            let end = (si..doc.sentences.len()).find(|&i| !row(i)).unwrap_or(doc.sentences.len());
            self.last = start..end;
        }
        self.last.clone()
    }
}

/// A sentence's sources, and each clause's, read once for all its figures.
#[derive(Default)]
struct SentenceSources {
    by_clause: Vec<(usize, Sources)>,
    whole: Option<Sources>,
    /// For a table row, the one authority a "Source:" line below its table names.
    below: Option<Attribution>,
    /// For a transcript's turn, its speaker.
    speaker: Option<Attribution>,
    /// A headline's items after a semicolon are their own: "Hamas says talks
    /// stalled; 115 hostages still in Gaza" does not credit the 115 to Hamas.
    headline: bool,
}

impl SentenceSources {
    /// The source named in the clause of the figure at byte `at` of
    /// `sentence` (which starts at `start` in the document), else in the sentence.
    fn at<'a>(
        &mut self,
        sentence: &str,
        start: usize,
        breaks: &Clauses,
        at: usize,
        authorities: &'a Authorities,
        earlier: &dyn Fn(usize) -> attribution::Earlier<'a>,
    ) -> Option<Attribution> {
        let clause = breaks.spoken_at(at);
        let in_clause = attribution::table_row_source(sentence, authorities).or_else(|| {
            let i = match self.by_clause.iter().position(|(c, _)| *c == clause.start) {
                Some(i) => i,
                None => {
                    let sources =
                        Sources::of(&sentence[clause.clone()], authorities, Some(earlier(start + clause.start)));
                    self.by_clause.push((clause.start, sources));
                    self.by_clause.len() - 1
                }
            };
            self.by_clause[i].1.for_figure(Some(at - clause.start))
        });
        // A description its clause cannot place ("According to the
        // government, 120 are still in captivity, … by Israeli officials"):
        // placed by the whole sentence, when that reads the same words.
        let in_clause = match in_clause {
            Some(a) if a.id.is_none() && a.text.starts_with(char::is_lowercase) && clause.len() < sentence.len() => {
                let whole = self
                    .whole
                    .get_or_insert_with(|| Sources::of(sentence, authorities, Some(earlier(start))))
                    .for_figure(Some(at));
                Some(whole.filter(|w| w.id.is_some() && w.text == a.text).unwrap_or(a))
            }
            found => found,
        };
        // A clause that is the whole sentence has already been read; one
        // that turns to a new place or topic does not speak for the sentence's source.
        in_clause
            .or_else(|| {
                if clause.len() == sentence.len()
                    || (clause.start > 0 && attribution::opens_new_topic(&sentence[clause.clone()]))
                    || (self.headline && sentence[..clause.start].trim_end().ends_with(';'))
                {
                    return None;
                }
                self.whole
                    .get_or_insert_with(|| Sources::of(sentence, authorities, Some(earlier(start))))
                    .for_figure(Some(at))
            })
            .or_else(|| self.below.clone())
            .or_else(|| self.speaker.clone())
    }
}

/// For a ticker's later item ("… | Wounded: 79,061"), the source its line's
/// first item credits: "Latest figures from the Gaza health ministry:
/// Killed: 35,173 | Wounded: 79,061" is the ministry's throughout.
fn ticker_caption_source(doc: &Document, si: usize, authorities: &Authorities) -> Option<Attribution> {
    let bar_before = |i: usize| {
        i > 0 && {
            let gap = &doc.text[doc.sentences[i - 1].span.end..doc.sentences[i].span.start];
            gap.contains('|') && !gap.contains('\n')
        }
    };
    if !bar_before(si) {
        return None;
    }
    let first = (0..si).rev().find(|&i| !bar_before(i))?;
    attribution::Sources::of(&doc.text[doc.sentences[first].span.clone()], authorities, None).for_figure(None)
}

/// How many label lines above one its caption may stand.
const CAPTION_REACH: usize = 40;

/// For a "Killed: 34,789" line of a block of such lines (or an aligned
/// row, "Killed          33,207"), the authority the caption right above
/// the block names, when the caption gives no figure itself: "Here are the
/// figures, as reported by the Gaza health ministry on Tuesday." or
/// "Latest figures from the Gaza health ministry:".
fn label_caption_source(doc: &Document, si: usize, authorities: &Authorities) -> Option<Attribution> {
    caption_source(doc, label_block_caption(doc, si)?, authorities)
}

/// The sentence right above the block of label lines that holds sentence
/// `si`, if `si` is one. The block's list items count as its lines: "Killed:
/// At least 15,000" over "- 6,150 children", then "Injured: 36,000".
fn label_block_caption(doc: &Document, si: usize) -> Option<usize> {
    let is_label = |i: usize| {
        let text = &doc.text[doc.sentences[i].span.clone()];
        segment::is_label_line(text) || doc.sentences[i].item && segment::aligned_label(text).is_some()
    };
    if !is_label(si) {
        return None;
    }
    // A block of key figures is short: a long run of label lines (a day-by-day
    // list) is not walked back line by line for each of its lines.
    (si.saturating_sub(CAPTION_REACH)..si).rev().find(|&i| !is_label(i) && !doc.sentences[i].item)
}

/// The authority a caption (sentence `caption`, right above a block of
/// label lines or a table) names, when it says what follows ("…:", "the
/// figures", "the following table") and gives no count itself: its dates
/// ("as of 8 April 2024") are no figures.
fn caption_source(doc: &Document, caption: usize, authorities: &Authorities) -> Option<Attribution> {
    let text = doc.text[doc.sentences[caption].span.clone()].trim();
    const CAPTIONS: [&str; 7] = ["figures", "numbers", "statistics", "data", "toll", "tally", "table"];
    let joined = doc.sentences.get(caption + 1).is_some_and(|n| n.paragraph == doc.sentences[caption].paragraph)
        || text.ends_with(':')
        || CAPTIONS.iter().any(|w| text.contains(w));
    if !joined
        || text.contains(|c: char| c.is_ascii_digit())
            && Recognizer::english().recognize(text).iter().any(Quantity::is_count)
    {
        return None;
    }
    attribution::Sources::of(text, authorities, None).for_figure(None).filter(|a| a.id.is_some()).or_else(|| {
        // "Figures reported by the Ministry of Health in Gaza as of 8 April:":
        // no speaker, but one authority named.
        the_one_named(text, authorities, &|a| a.name.clone())
    })
}

/// The authority `text` names, when it names one and no other; credited
/// with the words `written` gives.
fn the_one_named(
    text: &str,
    authorities: &Authorities,
    written: &dyn Fn(&crate::rules::authorities::Authority) -> String,
) -> Option<Attribution> {
    let mentions = authorities.mentions(text);
    let (_, a) = mentions.first()?;
    mentions.iter().all(|(_, b)| b.id == a.id).then(|| Attribution::of(a, written(a)))
}

/// The one authority a "Source: Gaza health ministry." line right below the
/// table of row `si` names, if that is all the line credits.
fn source_below_table(doc: &Document, block: Range<usize>, authorities: &Authorities) -> Option<Attribution> {
    let below = doc.sentences.get(block.end)?;
    let line = doc.text[below.span.clone()].trim();
    let credited =
        ["Source:", "Sources:", "SOURCE:", "Source -", "Source —"].iter().find_map(|w| line.strip_prefix(w))?;
    the_one_named(credited, authorities, &|_| credited.trim().trim_end_matches('.').to_string())
}

/// The attempts of sentence match `m` that were refused only for want of
/// their rule's place, and whose figure is credited to an authority whose
/// name bears it: "the ministry", resolved to the Gaza Ministry of Health,
/// places a toll in Gaza. One per figure (the longest match, then the
/// first rule), each with its source as written.
fn placed_by_source<'a>(
    doc: &Document,
    quantities: &[Quantity],
    pack: &'a RulePack,
    m: &SentenceMatch,
    sources: &mut SentenceSources,
    earlier: &dyn Fn(usize) -> attribution::Earlier<'a>,
) -> Vec<(usize, String)> {
    let s = &doc.sentences[m.sentence];
    let sentence = &doc.text[s.span.clone()];
    let Some(breaks) = m.clauses.as_ref() else { return Vec::new() };
    let mut best: Vec<(usize, String)> = Vec::new();
    for (ai, a) in m.attempts.iter().enumerate() {
        let rule = &pack.rules[a.rule];
        // Refused for want of the `any` words of its place, or of an `all`
        // word ("The department announced $336m" names no United States).
        let wants_any = matches!(a.outcome, Outcome::MissingContext { .. }) && rule.context.lede;
        let wants_all = matches!(a.outcome, Outcome::MissingRequired { .. }) && pack.all_from_source[a.rule];
        if !(wants_any && rule.context.any.is_some() || wants_all) {
            continue;
        }
        if m.attempts.iter().any(|b| b.figure == a.figure && b.outcome == Outcome::Claimed) {
            continue;
        }
        let rival = best.iter().position(|(bi, _)| m.attempts[*bi].figure == a.figure);
        if let Some(r) = rival {
            let b = &m.attempts[best[r].0];
            if (b.match_len, std::cmp::Reverse(b.rule)) >= (a.match_len, std::cmp::Reverse(a.rule)) {
                continue;
            }
        }
        let at = quantities[m.figures[a.figure]].span.start - s.span.start;
        // A release an authority publishes speaks for it where it names no one:
        // "the Secretary announced $404 million" on the State Department's page.
        let publisher = || {
            let name = doc.meta.publisher.as_deref()?;
            let a = pack.authorities.named(name)?;
            Some(Attribution::of(a, "publisher"))
        };
        let Some(source) = sources
            .at(sentence, s.span.start, breaks, at, &pack.authorities, earlier)
            .filter(|a| a.id.is_some())
            .or_else(publisher)
        else {
            continue;
        };
        let Some(authority) = source.id.as_deref().and_then(|id| pack.authorities.get(id)) else { continue };
        let mut text = String::new();
        push_collapsed(&mut text, &doc.text[context_span(doc, m.sentence, rule.context.scope)]);
        let placed = if wants_any {
            rule.context.any.as_ref().is_some_and(|any| any.is_match(&authority.name))
                && rule.context.check_all(&text).is_none()
        } else {
            // Each `all` word the text lacks is in the authority's name; its
            // `any` words were found, in the text or the lede, before.
            rule.context.all.iter().all(|re| re.is_match(&text) || re.is_match(&authority.name))
        };
        let mut clause = String::new();
        push_collapsed(&mut clause, &sentence[breaks.at(at)]);
        if !placed || rule.context.check_clause(&clause, true) != ContextVerdict::Ok {
            continue;
        }
        let by = format!("{} ({})", source.text, authority.name);
        match rival {
            Some(r) => best[r] = (ai, by),
            None => best.push((ai, by)),
        }
    }
    best
}

/// Words every correction's cue holds: most sentences have none.
static RETRACTED_WORDS: LazyLock<aho_corasick::packed::Searcher> = LazyLock::new(|| {
    aho_corasick::packed::Searcher::new([
        "version",
        "his article",
        "his story",
        "his report",
        "entry",
        "post",
        "update",
    ])
    .expect("correction words")
});

/// A correction's words for what an earlier version of the text said.
static RETRACTED: LazyLock<regex::Regex> = LazyLock::new(|| {
    regex::Regex::new(concat!(
        // A live blog corrects "an earlier entry" or "a previous post".
        r"(?i)(?-u:\b)(?:(?:an?|the) (?:earlier|previous|prior|original) (?:version of this (?:article|story|report|post|piece|item|page)|(?:entry|post|update)(?: (?:of|in|on) this (?:blog|live blog|page|story))?)",
        r"(?: [^.;]{0,40}?)? (?:said|stated|reported|gave|put|misstated|misreported|(?:incorrectly|wrongly|erroneously) (?:said|stated|reported|gave|put))|",
        r"this (?:article|story|report) (?:previously|originally|incorrectly|wrongly|erroneously) (?:said|stated|reported|gave|put))(?-u:\b)"
    ))
    .expect("retracted regex")
});

/// What joins a part to its whole: " of the ", " of ", " of Gaza's ", " out of the remaining ".
static OF_WHOLE: LazyLock<regex::Regex> = LazyLock::new(|| {
    regex::Regex::new(r"^ (?:out )?of (?:the )?(?:remaining )?(?:[A-Za-z]+(?:'s|’s) )?$").expect("of-whole regex")
});

/// A sentence that opens on the dead of the sentence before: "The dead
/// included 18 children", "Among those killed were".
static THE_DEAD: LazyLock<regex::Regex> = LazyLock::new(|| {
    regex::Regex::new(r"^\W*(?:The dead|Those killed|The victims|Among (?:the dead|those killed|the victims|them)) ")
        .expect("the-dead regex")
});

/// The figure, among a sentence's `figures`, that figure `k` is a part of:
/// the nearest before it with "including" or "among them" between ("23
/// people, including seven children and six women"), or the one right
/// before "k of whom" ("30 bodies, 14 of whom were children").
fn whole_before(text: &str, quantities: &[Quantity], figures: &[usize], k: usize) -> Option<usize> {
    static PART_OF: LazyLock<regex::Regex> = LazyLock::new(|| {
        regex::Regex::new(r"^[^.;]{0,60}?(?-u:\b)(?:including|among them|among whom)(?-u:\b)[^.;]{0,50}$")
            .expect("part-of regex")
    });
    let value = quantities[*figures.get(k)?].value;
    let part = &quantities[figures[k]].span;
    let between = |j: usize| text.get(quantities[figures[j]].span.end..part.start);
    // A whole is no smaller than its part: "14 members of one family,
    // including six children" are the 14's.
    let holds = |j: usize| quantities[figures[j]].value >= value;
    if let Some(j) = (0..k).rev().find(|&j| holds(j) && between(j).is_some_and(|b| PART_OF.is_match(b))) {
        // "94 of the 251 hostages are still held, including 34": the
        // clause's subject is the 94, the part of the 251 it names.
        let of = j.checked_sub(1).filter(|&i| {
            holds(i)
                && text
                    .get(quantities[figures[i]].span.end..quantities[figures[j]].span.start)
                    .is_some_and(|b| matches!(b, " of " | " of the "))
        });
        return Some(of.unwrap_or(j));
    }
    let after = text.get(part.end..)?;
    let whom = after.starts_with(" of whom ") || after.starts_with(" of them ");
    let j = k.checked_sub(1)?;
    (whom && between(j).is_some_and(|b| b.len() <= 40 && !b.contains(['.', ';']))).then_some(j)
}

/// The parts of figure `k` of a sentence ending at `end`: each figure after
/// the "including" or "among them" that follows it, read up to the next
/// comma, stop or figure ("18,400 in Gaza", "1,200 in Israel").
fn parts_of(text: &str, quantities: &[Quantity], figures: &[usize], k: usize, end: usize) -> Vec<Range<usize>> {
    static OPENS_PARTS: LazyLock<regex::Regex> = LazyLock::new(|| {
        regex::Regex::new(r"^[^.;]{0,60}?(?-u:\b)(?:including|among them|among whom)(?-u:\b)")
            .expect("opens-parts regex")
    });
    let whole = &quantities[figures[k]].span;
    let Some(open) = text.get(whole.end..end).and_then(|t| OPENS_PARTS.find(t)) else { return Vec::new() };
    let from = whole.end + open.end();
    let later: Vec<&Range<usize>> =
        figures[k + 1..].iter().map(|&f| &quantities[f].span).filter(|r| r.start >= from).collect();
    let mut parts = Vec::new();
    for (i, part) in later.iter().enumerate() {
        if text[from..part.start].contains(';') {
            break;
        }
        let next = later.get(i + 1).map_or(end, |n| n.start);
        let stop = text[part.end..next].find([',', ';', '.']).map_or(next, |at| part.end + at);
        parts.push(part.start..stop);
    }
    parts
}

/// The words between a figure and one that is part of it.
static INCLUDING: LazyLock<regex::Regex> = LazyLock::new(|| {
    regex::Regex::new(r"^[^.;]{0,60}?(?-u:\b)(?:including|among them|of whom|of them)\s*$").expect("including regex")
});

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dates::parse_date;
    use crate::document::{Format, MetaFields};

    /// `text` masked as matching masks it, each figure's index written
    /// between brackets: "it stood at [0]".
    pub(crate) fn masked(text: &str) -> String {
        text.replace('[', &OPEN.to_string()).replace(']', &CLOSE.to_string())
    }

    fn claims(text: &str, published: &str) -> Vec<Claim> {
        let mut p = Vec::new();
        let meta =
            MetaFields { published: parse_date(published), publisher: Some("The Daily".into()), ..Default::default() };
        let doc = Document::build("a.txt".into(), Format::Text, text.to_string(), Some(meta), &mut p);
        extract(&doc, &RulePack::default_pack())
    }

    /// A part is joined to the figure right after it by "of" and a few words only.
    #[test]
    fn parts_are_joined_to_the_whole_right_after_them() {
        let joined = |t: &str| parts_and_wholes(&masked(t));
        assert_eq!(joined("[0] of the [1] hostages"), [(0, 1)]);
        assert_eq!(joined("[3] out of the remaining [12], and [4] of Gaza's [5]"), [(3, 12), (4, 5)]);
        assert_eq!(joined("[0] of the [1] of the [2]"), [(0, 1), (1, 2)]);
        // Other words, or another figure, between them.
        assert_eq!(joined("[0] of the [1] hostages, [2] were killed in [3]"), [(0, 1)]);
        assert_eq!(joined("[0] of them, of the [1]"), []);
        assert_eq!(joined("[0] of \u{E000} [1]"), []);
        // A sentence of many figures is read once.
        let many: String = (0..300).map(|k| format!("[{k}] of ")).collect();
        assert_eq!(joined(&many).len(), 299);
    }

    /// A verb of passing reads a figure past "the mark of" too.
    #[test]
    fn a_verb_past_a_mark_reads_the_figure() {
        assert_eq!(verb_before("The toll has surpassed the grim mark of "), Some(Qualifier::Over));
        assert_eq!(verb_before("The toll has passed the "), Some(Qualifier::Over));
        assert_eq!(verb_before("The count neared the milestone of "), Some(Qualifier::Nearly));
        assert_eq!(verb_before("It set a mark of "), None);
        assert_eq!(verb_before("It was the highest mark of "), None);
    }

    /// A figure the lede alone places, told in the simple past right after
    /// an incident, counts the incident; a running total after it does not.
    #[test]
    fn a_simple_past_count_after_an_incident_is_the_incidents() {
        let text = "Gaza war: strikes go on\n\nAn Israeli strike hit a school on Monday. More than 40,000 people have been killed, the health ministry says.\n\nIsraeli forces opened fire on a crowd waiting for aid trucks on Thursday. More than 100 people were killed and hundreds wounded, the health ministry said.";
        let got: Vec<(String, f64)> =
            claims(text, "2024-08-20").iter().map(|c| (c.metric().to_string(), c.quantity.value)).collect();
        assert_eq!(got, [("gaza.killed".to_string(), 40000.0)]);
    }

    /// "since then" counts from what the sentence before dates: the war's
    /// start, or a later day that is not the metric's.
    #[test]
    fn since_then_counts_from_the_sentence_before() {
        let values = |text: &str| -> Vec<f64> { claims(text, "2025-07-29").iter().map(|c| c.quantity.value).collect() };
        let war = "Hamas attacked Israel on October 7, 2023. Since then, more than 60,000 Palestinians have been killed in Gaza.";
        assert_eq!(values(war), [60000.0]);
        let later = "Israel ended the ceasefire in Gaza in March with a surprise bombardment. At least 8,867 Palestinians have been killed in Gaza since then.";
        assert_eq!(values(later), Vec::<f64>::new());
        // The nearest sentence that dates a start decides, up to three back.
        let between = "Hamas attacked Israel on October 7, 2023. The hostages range in age from infants to the elderly. Since then, more than 31,000 Palestinians have been killed in Gaza.";
        assert_eq!(values(between), [31000.0]);
    }

    /// A link to another story, by its label or its section's heading,
    /// gives that story's headline: no claim of this one.
    #[test]
    fn a_link_to_another_story_is_no_claim() {
        let values = |text: &str| -> Vec<f64> {
            let mut p = Vec::new();
            let meta = MetaFields { published: parse_date("2024-02-20"), ..Default::default() };
            let doc = Document::build("a.md".into(), Format::Markdown, text.to_string(), Some(meta), &mut p);
            extract(&doc, &RulePack::default_pack()).iter().map(|c| c.quantity.value).collect()
        };
        let toll = "The Gaza health ministry says 29,092 Palestinians have been killed.\n\n";
        let link = "Gaza death toll passes 20,000, ministry says";
        assert_eq!(values(&format!("{toll}**Read more:** [{link}](/a)\n")), [29092.0]);
        assert_eq!(values(&format!("{toll}RELATED — {link}\n")), [29092.0]);
        assert_eq!(values(&format!("{toll}## Related stories\n\n- [{link}](/a)\n")), [29092.0]);
        // A section headed otherwise is read.
        assert_eq!(values(&format!("## Latest\n\n{toll}")), [29092.0]);
        assert_eq!(values(&format!("{toll}## The toll\n\n- {link}\n")), [29092.0, 20000.0]);
        // A page's link in the body, a headline alone between prose paragraphs.
        let more = "The ministry did not give a breakdown.\n";
        assert_eq!(values(&format!("{toll}{link}\n\n{more}")), [29092.0]);
        assert_eq!(values(&format!("{toll}{link}\n")), [29092.0]);
        // Closed by a full stop, or a paragraph's last line, it is prose.
        assert_eq!(values(&format!("{toll}{link}.\n\n{more}")), [29092.0, 20000.0]);
        assert_eq!(values(&format!("{toll}{link}\n{more}")), [29092.0, 20000.0]);
        // So is one after a line that does not close ("Key figures:"), or
        // at the top, where the lede is.
        assert_eq!(values(&format!("Key figures:\n\n{link}\n\n{more}")), [20000.0]);
        assert_eq!(values(&format!("{link}\n\n{more}")), [20000.0]);
    }

    /// "since Oct. 7" is read as "since Oct 7": the dot is no sentence's end.
    #[test]
    fn a_month_s_dot_does_not_end_a_pattern() {
        let text = "More than 10,000 people have been killed in Gaza since Oct. 7, according to the health ministry, including more than 4,100 children.";
        let found: Vec<(String, f64)> =
            claims(text, "2023-11-07").iter().map(|c| (c.metric().to_string(), c.quantity.value)).collect();
        assert_eq!(found, [("gaza.killed".to_string(), 10000.0), ("gaza.killed_children".to_string(), 4100.0)]);
        let mut masked = "since Oct. 7 and Sept. 12, not Oct. or Dec.".to_string();
        drop_month_dots(&mut masked);
        assert_eq!(masked, "since Oct 7 and Sept 12, not Oct. or Dec.");
    }

    /// A claim the text calls false is the claimant's, not the document's.
    #[test]
    fn a_refuted_claim_is_no_claim() {
        let values = |text: &str| -> Vec<f64> { claims(text, "2024-04-15").iter().map(|c| c.quantity.value).collect() };
        let figures = "claims that 50,000 children have been killed in Gaza.";
        assert_eq!(values(&format!("A post {figures} That is false.")), Vec::<f64>::new());
        assert_eq!(values(&format!("A post {figures}\n\nThat is not what the figures show.")), Vec::<f64>::new());
        assert_eq!(
            values("The claim that 50,000 children have been killed in Gaza is false, the ministry says."),
            Vec::<f64>::new()
        );
        // Not called false, or the figure before the claim: the figures stand.
        assert_eq!(values(&format!("A post {figures} The ministry says 13,000.")), [50000.0]);
        assert_eq!(
            values(
                "The ministry says 13,000 children have been killed in Gaza and claims that more died. That is false."
            ),
            [13000.0]
        );
    }

    #[test]
    fn one_sentence_several_metrics() {
        let c = claims(
            "War broke out on October 7, when Hamas gunmen stormed southern communities, killing some 1,200 people — mostly civilians — and taking around 240 hostages to Gaza.\n",
            "2023-12-20",
        );
        let got: Vec<(&str, f64, &str)> =
            c.iter().map(|c| (&**c.metric(), c.quantity.value, c.quantity.qualifier.name())).collect();
        assert_eq!(got, [("oct7.killed", 1200.0, "about"), ("oct7.hostages_taken", 240.0, "about")]);
        assert_eq!(c[0].as_of.date, parse_date("2023-12-20"));
        assert_eq!(c[0].citation.publisher(), Some("The Daily"));
        assert_eq!((c[0].citation.line, c[0].citation.column), (1, 85));
    }

    /// An earlier sentence's date carries to a figure only when that
    /// sentence speaks for the figure's source, or the figure names none.
    #[test]
    fn earlier_dates_carry_for_the_same_source() {
        let c = claims(
            "The Pentagon said its first airdrop on Saturday delivered 38,000 meals. More than 30,800 people have been killed in Gaza, according to the territory's health ministry.\n",
            "2024-03-08",
        );
        assert_eq!((c[0].as_of.date, c[0].as_of.source), (parse_date("2024-03-08"), as_of::AsOfSource::Published));
        let c = claims(
            "The health ministry said on Sunday that 22,835 Palestinians had been killed in Gaza. Another 58,416 Palestinians have been wounded in Gaza, the health ministry said.\n",
            "2024-01-08",
        );
        let got: Vec<_> = c.iter().map(|c| (c.quantity.value, c.as_of.date, c.as_of.from_earlier_sentence)).collect();
        assert_eq!(got, [(22835.0, parse_date("2024-01-07"), false), (58416.0, parse_date("2024-01-07"), true)]);
        // "Now" is the day of writing, not the day the sentence before names.
        let c = claims(
            "The toll in Gaza has climbed past 18,000, the health ministry in Gaza said yesterday. Some 1.9 million people in Gaza are now displaced.\n",
            "2023-12-12",
        );
        let got: Vec<_> = c.iter().map(|c| (c.quantity.value, c.quantity.qualifier, c.as_of.date)).collect();
        assert_eq!(
            got,
            [
                (18000.0, Qualifier::Over, parse_date("2023-12-11")),
                (1_900_000.0, Qualifier::About, parse_date("2023-12-12"))
            ]
        );
    }

    /// A figure whose subject stands for one before it ("it stood at",
    /// "That is up from") is of that figure's metric, dated from it; listed
    /// figures follow it. Two metrics before it, or a forbidden word in its
    /// clause, leave it unbound.
    #[test]
    fn figures_whose_subject_stands_for_one_before() {
        let c = claims(
            "On Monday the Gaza health ministry said 24,100 people had been killed.\n\nThat is up from 23,084 a week earlier and 21,978 two weeks earlier, according to the ministry's daily reports.\n",
            "2024-01-16",
        );
        let got: Vec<_> = c
            .iter()
            .map(|c| {
                (&**c.metric(), c.quantity.value, c.as_of.date, c.attribution.as_ref().and_then(|a| a.id.as_deref()))
            })
            .collect();
        assert_eq!(
            got,
            [
                ("gaza.killed", 24100.0, parse_date("2024-01-15"), Some("gaza-moh")),
                ("gaza.killed", 23084.0, parse_date("2024-01-08"), Some("gaza-moh")),
                ("gaza.killed", 21978.0, parse_date("2024-01-01"), Some("gaza-moh")),
            ]
        );
        // Its own sentence's date holds; with none, the figure's before it.
        let c = claims(
            "The Gaza health ministry's count of the dead passed 35,000 last week. As of May 19 it stood at 35,456.\n\nThe post claimed that 2 million Gazans had been displaced. The UN's figure is about 1.7 million.\n",
            "2024-05-20",
        );
        let got: Vec<_> = c.iter().map(|c| (&**c.metric(), c.quantity.value, c.as_of.date)).collect();
        assert_eq!(
            got,
            [
                ("gaza.killed", 35000.0, parse_date("2024-05-19")),
                ("gaza.killed", 35456.0, parse_date("2024-05-19")),
                ("gaza.displaced", 2e6, parse_date("2024-05-20")),
                ("gaza.displaced", 1.7e6, parse_date("2024-05-20")),
            ]
        );
        // Killed and wounded before it: which one "it" is, is not said.
        let c = claims(
            "The ministry said 24,100 people had been killed in Gaza and 60,000 wounded. It was 23,084 a week earlier.\n",
            "2024-01-16",
        );
        assert_eq!(c.iter().map(|c| c.quantity.value).collect::<Vec<_>>(), [24100.0, 60000.0]);
        // "in the past 24 hours" is no toll's.
        let c = claims(
            "The ministry said 24,100 people had been killed in Gaza. That is up from 132 in the past 24 hours.\n",
            "2024-01-16",
        );
        assert_eq!(c.iter().map(|c| c.quantity.value).collect::<Vec<_>>(), [24100.0]);
    }

    #[test]
    fn label_lines_give_one_figure_under_a_label() {
        for line in [
            "Killed: 34,789",
            "- Wounded — about 78,000",
            "**Hostages still held:** 128 (Israeli figure)",
            "Displaced: ~1.7M",
        ] {
            assert!(segment::is_label_line(line), "{line}");
        }
        for line in ["Gaza: key figures", "Gaza: the toll, 34,789", "Killed: many more than 34,789", "killed: 5"] {
            assert!(!segment::is_label_line(line), "{line}");
        }
    }

    /// A figure that leaves its noun out takes the one of the figure before
    /// it, or of a question just before ("How many ...?").
    #[test]
    fn a_left_out_noun_is_read_from_before() {
        let c = claims(
            "About 1,200 people were killed in the attack on southern Israel on Oct. 7. Some 253 were abducted.\n\nHow many hostages are still in Gaza? Israel says 120, of whom at least 37 are believed dead.\n",
            "2024-06-03",
        );
        let got: Vec<_> = c
            .iter()
            .map(|c| (&**c.metric(), c.quantity.value, c.attribution.as_ref().and_then(|a| a.id.as_deref())))
            .collect();
        assert_eq!(
            got,
            [
                ("oct7.killed", 1200.0, None),
                ("oct7.hostages_taken", 253.0, None),
                ("gaza.hostages_held", 120.0, Some("israel")),
                ("gaza.hostages_dead", 37.0, Some("israel"))
            ]
        );
        // A noun the figure before does not count is not lent.
        let c =
            claims("The raid on southern Israel on Oct. 7 lasted 12 hours. Some 253 were abducted.\n", "2024-06-03");
        assert!(c.is_empty(), "{c:?}");
    }

    /// A question a paragraph answers, and the sentence before one that
    /// opens with a pronoun, hold context words for it; other sentences' do not.
    #[test]
    fn context_from_a_question_and_before_a_pronoun() {
        let got = |text: &str| claims(text, "2024-05-22").iter().map(|c| c.quantity.value).collect::<Vec<_>>();
        let lede = "A conversation with an official.\n\n";
        let answer = "\n\nThe ministry says 33,360 people have been killed.\n";
        assert_eq!(got(&format!("{lede}What do we know about Gaza?{answer}")), [33360.0]);
        assert!(got(&format!("{lede}We know little about Gaza.{answer}")).is_empty());
        // The question's words also stand for the noun its answer leaves out.
        let text = format!(
            "{lede}How many people have been killed in Gaza so far?\n\nThe health ministry's latest count is 33,360.\n"
        );
        assert_eq!(got(&text), [33360.0]);
        let text = "Antony Blinken said he would return to the region soon. It would be his eighth trip since the war began.\n";
        assert_eq!(got(text), [8.0]);
        let text = "Antony Blinken said he would return to the region soon. The envoy's eighth trip is planned.\n";
        assert!(got(text).is_empty());
    }

    /// Brackets that hold another figure speak of it: their words forbid
    /// nothing outside them, and all they say inside.
    #[test]
    fn a_bracketed_figure_keeps_its_words() {
        let c = claims("Killed in Gaza since October 7: 30,534 (+124 in the past 24 hours).\n", "2024-03-05");
        assert_eq!(c.iter().map(|c| c.quantity.value).collect::<Vec<_>>(), [30534.0]);
        let c = claims("Killed in Gaza in the past 24 hours: 124 (30,534 since October 7).\n", "2024-03-05");
        assert!(c.is_empty(), "{c:?}");
        let c = claims(
            "The health ministry in Gaza said 27,365 Palestinians had been killed since October 7, including 127 in the past 24 hours.\n",
            "2024-02-05",
        );
        assert_eq!(c.iter().map(|c| c.quantity.value).collect::<Vec<_>>(), [27365.0]);
        let c = claims(
            "The ministry said 27,365 Palestinians had been killed in Gaza, including 127 (in the past 24 hours).\n",
            "2024-02-05",
        );
        assert_eq!(c.iter().map(|c| c.quantity.value).collect::<Vec<_>>(), [27365.0]);
    }

    /// A paragraph's context serves each of its sentences, and only them.
    #[test]
    fn paragraph_context_is_shared_by_its_sentences_only() {
        let c = claims(
            "The United States helps Palestinians in Gaza. Our humanitarian assistance now totals $1.2 billion. By March the assistance totals $1.3 billion.\n\nElsewhere the assistance totals $5 million.\n",
            "2024-03-21",
        );
        let got: Vec<(&str, f64, u32)> = c.iter().map(|c| (&**c.rule(), c.quantity.value, c.citation.column)).collect();
        assert_eq!(got, [("us-aid-total", 1.2e9, 86), ("us-aid-total", 1.3e9, 131)]);
    }

    /// A whole read up to its parts: one that names the other side is
    /// refused, one of the same side is not.
    #[test]
    fn a_whole_whose_part_names_the_other_side_is_no_claim() {
        let claimed = |text: &str| -> Vec<(String, f64)> {
            claims(text, "2023-12-10").iter().map(|c| (c.metric().to_string(), c.quantity.value)).collect()
        };
        assert_eq!(
            claimed(
                "Nearly 20,000 people have been killed in the war, including 18,400 Palestinians in Gaza, according to the Gaza health ministry, and about 1,200 people in Israel."
            ),
            []
        );
        assert_eq!(
            claimed("On both sides more than 19,000 people have died, including 17,700 Gazans and 1,200 Israelis."),
            []
        );
        assert_eq!(
            claimed(
                "The war has killed more than 18,000 people in Gaza, including 7,700 children, since Hamas attacked Israel on October 7."
            ),
            [("gaza.killed".to_string(), 18000.0), ("gaza.killed_children".to_string(), 7700.0)]
        );
        let text = "Some 20,000 have been killed, including 18,400 in Gaza and 1,200 in Israel.";
        let doc = Document::build("a.txt".into(), Format::Text, text.to_string(), None, &mut Vec::new());
        let quantities = crate::quantity::recognize(&doc.text);
        let figures: Vec<usize> = (0..quantities.len()).collect();
        let parts: Vec<&str> =
            parts_of(&doc.text, &quantities, &figures, 0, doc.text.len()).into_iter().map(|p| &doc.text[p]).collect();
        assert_eq!(parts, ["18,400 in Gaza and ", "1,200 in Israel"]);
    }

    /// An aside between a figure and its words is set aside, and the match
    /// says so; a figure inside the aside is not lost to it.
    #[test]
    fn figures_are_matched_past_asides() {
        let text = "More than 34,000 Palestinians, most of them women and children, have been killed in Gaza.\n\n\
                    UNRWA says 1.7 million people, three quarters of Gaza's 2.3 million residents, have been displaced.\n\n\
                    Israel’s offensive has killed 34,000 people (mostly civilians) in Gaza.\n";
        let c = claims(text, "2024-04-20");
        let got: Vec<(&str, f64)> = c.iter().map(|c| (&**c.metric(), c.quantity.value)).collect();
        assert_eq!(
            got,
            [("gaza.killed", 34000.0), ("gaza.displaced", 1.7e6), ("gaza.population", 2.3e6), ("gaza.killed", 34000.0)]
        );
        let mut p = Vec::new();
        let doc = Document::build("a.txt".into(), Format::Text, text.to_string(), None, &mut p);
        let pack = RulePack::default_pack();
        let qs = Recognizer::english().recognize(&doc.text);
        let past: Vec<(usize, bool)> = match_document(&doc, &qs, &pack)
            .iter()
            .flat_map(|m| {
                m.attempts.iter().filter(|a| a.outcome == Outcome::Claimed).map(move |a| (m.sentence, a.past_asides))
            })
            .collect();
        assert_eq!(past, [(0, true), (1, false), (1, true), (2, true)]);
    }

    /// A rule with `lede: true` finds its place in the title, headline or
    /// first paragraph; one without does not, and later paragraphs never count.
    #[test]
    fn a_source_named_with_its_place_places_the_figure() {
        let got = |text: &str| -> Vec<(String, f64, Option<String>)> {
            claims(text, "2024-01-15")
                .iter()
                .map(|c| {
                    (c.metric().to_string(), c.quantity.value, c.attribution.as_ref().map(|a| a.key().to_string()))
                })
                .collect()
        };
        // "the ministry" was named in Gaza a sentence before.
        // (The lede names no place.)
        let text = "Blinken ended his trip.\n\nThe health ministry in Gaza said on Sunday that 23,968 people had been killed. \
                    A week earlier, the ministry had counted more than 22,800 dead.";
        assert_eq!(
            got(text),
            [
                ("gaza.killed".to_string(), 23968.0, Some("gaza-moh".to_string())),
                ("gaza.killed".to_string(), 22800.0, Some("gaza-moh".to_string()))
            ]
        );
        // Lebanon's ministry places nothing in Gaza; an unnamed one places nothing at all.
        assert!(
            got("Blinken left.\n\nLebanon's health ministry met. The ministry had counted more than 22,800 dead.")
                .is_empty()
        );
        assert!(got("Blinken left.\n\nThe ministry had counted more than 22,800 dead.").is_empty());
        // The rule's forbidden words still hold.
        let attack = "Blinken left.\n\nThe health ministry in Gaza met. The ministry had counted 1,200 dead in the attack on October 7.";
        assert!(got(attack).iter().all(|(m, _, _)| m != "gaza.killed"));
        // Explained as such.
        let mut p = Vec::new();
        let meta = MetaFields { published: parse_date("2024-01-15"), ..Default::default() };
        let doc = Document::build("a.txt".into(), Format::Text, text.to_string(), Some(meta), &mut p);
        let mut out = Vec::new();
        let qs = Recognizer::english().recognize(&doc.text);
        crate::report::explain::write(&mut out, &doc, &qs, &RulePack::default_pack()).unwrap();
        let out = String::from_utf8(out).unwrap();
        assert!(
            out.lines().any(|l| l.contains("claims `more than 22,800` for gaza.killed by pattern ")
                && l.contains("; its place from its source, ministry (Gaza Ministry of Health);")),
            "{out}"
        );
    }

    #[test]
    fn a_pronoun_after_a_count_its_sentence_names_is_not_the_sentence_before_s() {
        let text = "About 1.7 million people in Gaza have been displaced, according to the UN. \
            The death toll has more than doubled since December, when it stood at around 15,000.";
        let got: Vec<(String, f64)> =
            claims(text, "2024-04-07").iter().map(|c| (c.metric().to_string(), c.quantity.value)).collect();
        assert_eq!(got, [("gaza.displaced".to_string(), 1_700_000.0)]);
        // Without a count of its own, "it" is the figure before.
        let text = "The ministry's count of the dead in Gaza passed 35,000 last week. As of May 19 it stood at 35,456.";
        let got: Vec<f64> = claims(text, "2024-05-20").iter().map(|c| c.quantity.value).collect();
        assert_eq!(got, [35000.0, 35456.0]);
        // "Down from" after a figure no rule read is that figure's.
        let text = "The death toll in Gaza passed 29,500 this week, the ministry said. \
            The UN said 98 trucks a day entered in February, down from about 500 before the war.";
        let got: Vec<f64> = claims(text, "2024-02-25").iter().map(|c| c.quantity.value).collect();
        assert_eq!(got, [29500.0]);
    }

    /// The past day's words in the source's relative clause are of its
    /// own figure, not of the total before it.
    #[test]
    fn a_source_s_relative_clause_is_an_aside_of_its_own() {
        let c = claims(
            "The death toll in Gaza has risen to 23,210, according to the territory's health ministry, which said 126 people were killed in the past 24 hours.",
            "2024-01-09",
        );
        assert_eq!(sources(&c), [("gaza.killed", 23210.0, Some("gaza-moh"))]);
    }

    #[test]
    fn a_share_after_a_comma_is_an_aside_of_its_own() {
        let text = "The ministry said on March 19 that 31,819 people had been killed in Gaza, 93 of them in the previous 24 hours.";
        let got: Vec<f64> = claims(text, "2024-03-20").iter().map(|c| c.quantity.value).collect();
        assert_eq!(got, [31819.0]);
        // Without the share, the day's words are the figure's own.
        let text = "The ministry said 93 people had been killed in Gaza in the previous 24 hours.";
        assert!(claims(text, "2024-03-20").is_empty());
    }

    #[test]
    fn a_correction_quotes_the_wrong_figure_and_claims_the_right_one() {
        let got: Vec<(String, f64)> = claims(
            "Correction: An earlier version of this article said 253 people were killed on October 7; about 1,200 people were killed that day in Israel.",
            "2024-02-29",
        )
        .iter()
        .map(|c| (c.metric().to_string(), c.quantity.value))
        .collect();
        assert_eq!(got, [("oct7.killed".to_string(), 1200.0)]);
        let got: Vec<f64> = claims(
            "Correction: an earlier entry said 36,500 people had been killed in Gaza; the ministry's figure is 36,050.",
            "2024-05-28",
        )
        .iter()
        .map(|c| c.quantity.value)
        .collect();
        assert_eq!(got, [36050.0]);
        let got = claims("This story previously said 30,000 Palestinians had been killed in Gaza.", "2024-02-29");
        assert!(got.is_empty());
        // A figure before the cue is the text's own.
        let got = claims(
            "The toll in Gaza has passed 30,000; an earlier version of this article gave the wrong date.",
            "2024-02-29",
        );
        assert_eq!(got.len(), 1);
    }

    #[test]
    fn an_appositive_speaker_speaks_for_the_authority_either_name_holds() {
        let source = |text: &str| source_keys(text, "2024-03-18");
        assert_eq!(
            source(
                "UNICEF's executive director, Catherine Russell, said on Sunday that more than 13,000 children had been killed in Gaza."
            ),
            [Some("unicef".to_string())]
        );
        assert_eq!(
            source(
                "Catherine Russell, UNICEF's executive director, said that more than 13,000 children had been killed in Gaza."
            ),
            [Some("unicef".to_string())]
        );
        assert_eq!(
            source(
                "Secretary of State Antony Blinken, in a post on Monday, said he was heading to the region for the eighth time."
            ),
            [Some("Secretary of State Antony Blinken".to_string())]
        );
    }

    #[test]
    fn rows_labelled_by_date_read_their_column_headings_and_a_source_below() {
        let text = "# Tracker\n\n| Date | Killed (cumulative) | Change |\n|---|---|---|\n| March 2 | 30,320 | +92 |\n| March 3 | 30,410 | +90 |\n\nSource: Gaza health ministry.\n";
        let mut p = Vec::new();
        let meta = MetaFields { published: parse_date("2024-03-05"), ..Default::default() };
        let doc = Document::build("a.md".into(), Format::Markdown, text.to_string(), Some(meta), &mut p);
        let got: Vec<(String, f64, String, Option<String>)> = extract(&doc, &RulePack::default_pack())
            .iter()
            .map(|c| {
                let date = c.as_of.date.map(|d| d.to_string()).unwrap_or_default();
                (c.metric().to_string(), c.quantity.value, date, c.attribution.as_ref().map(|a| a.key().to_string()))
            })
            .collect();
        let row = |v: f64, d: &str| ("gaza.killed".to_string(), v, d.to_string(), Some("gaza-moh".to_string()));
        assert_eq!(got, [row(30320.0, "2024-03-02"), row(30410.0, "2024-03-03")]);
        // A row with a label of its own keeps it.
        let f = |i: usize| format!("{OPEN}{i}{CLOSE}");
        assert_eq!(
            table_row_as_prose(&format!("| Killed | {} |", f(0)), Some("| Measure | Figure |")).as_deref(),
            Some(format!("{} Killed", f(0)).as_str())
        );
        assert_eq!(
            table_row_as_prose(&format!("| 2 March 2024 | {} |", f(0)), Some("| Date | Wounded |")).as_deref(),
            Some(format!("{} Wounded; 2 March 2024", f(0)).as_str())
        );
        // Two authorities below the table credit no one.
        let two = text.replace("Gaza health ministry.", "Gaza health ministry; UNRWA.");
        let doc = Document::build("a.md".into(), Format::Markdown, two, None, &mut p);
        assert!(extract(&doc, &RulePack::default_pack()).iter().all(|c| c.attribution.is_none()));
    }

    #[test]
    fn a_symbol_before_a_label_is_no_part_of_it() {
        let got: Vec<(String, f64)> = claims("📌 Killed in Gaza: 36,439\n\n➡️ Wounded in Gaza: 82,627", "2024-06-03")
            .iter()
            .map(|c| (c.metric().to_string(), c.quantity.value))
            .collect();
        assert_eq!(got, [("gaza.killed".to_string(), 36439.0), ("gaza.injured".to_string(), 82627.0)]);
    }

    #[test]
    fn figures_paired_respectively_take_their_own_verbs() {
        let got: Vec<(String, f64)> = claims(
            "The health ministry in Gaza said on Sunday that 33,175 and 75,886 people had been killed and wounded, respectively.",
            "2024-04-08",
        )
        .iter()
        .map(|c| (c.metric().to_string(), c.quantity.value))
        .collect();
        assert_eq!(got, [("gaza.killed".to_string(), 33175.0), ("gaza.injured".to_string(), 75886.0)]);
        let f = |i: usize| format!("{OPEN}{i}{CLOSE}");
        assert_eq!(
            respectively_as_prose(&format!("{} and {} were killed and wounded, respectively.", f(0), f(1))),
            Some(format!("{} were killed and {} were wounded.", f(0), f(1)))
        );
        assert_eq!(respectively_as_prose(&format!("{} and {} were killed and wounded.", f(0), f(1))), None);
    }

    #[test]
    fn a_line_opening_with_its_figure_and_a_dash_reads_as_prose() {
        let text = "By the numbers:\n\n- **31,819** — Palestinians killed in Gaza, according to the health ministry\n- **253** — people taken hostage on October 7, Israel says\n";
        let mut p = Vec::new();
        let doc = Document::build("a.md".into(), Format::Markdown, text.to_string(), None, &mut p);
        let got: Vec<(String, f64)> = extract(&doc, &RulePack::default_pack())
            .iter()
            .map(|c| (c.metric().to_string(), c.quantity.value))
            .collect();
        assert_eq!(got, [("gaza.killed".to_string(), 31819.0), ("oct7.hostages_taken".to_string(), 253.0)]);
        // A dash before a figure's own words only: "2023 - 2024" is no line of this kind.
        let f = |i: usize| format!("{OPEN}{i}{CLOSE}");
        assert_eq!(label_line_as_prose(&format!("{} — {}", f(0), f(1))), None);
        assert_eq!(label_line_as_prose(&format!("{} – wounded", f(0))), Some(format!("{} wounded", f(0))));
    }

    #[test]
    fn the_lede_names_the_place_for_rules_that_ask() {
        let text = "# Rafah offensive widens\n\nIsraeli forces pushed into Gaza on Tuesday.\n\n\
                    More than 10,000 people are missing.\n\n\
                    The territory has a population of 2.2 million.\n";
        let markdown = |text: &str| {
            let mut p = Vec::new();
            Document::build("a.md".into(), Format::Markdown, text.to_string(), None, &mut p)
        };
        let doc = markdown(text);
        assert_eq!(lede_of(&doc), "Rafah offensive widens Israeli forces pushed into Gaza on Tuesday. ");
        let c = extract(&doc, &RulePack::default_pack());
        let got: Vec<(&str, f64)> = c.iter().map(|c| (&**c.metric(), c.quantity.value)).collect();
        // "The territory" is Gaza, which the lede names.
        assert_eq!(got, [("gaza.missing", 10000.0), ("gaza.population", 2_200_000.0)]);
        let far = "# Floods\n\nRain fell.\n\nMore than 10,000 people are missing.\n\nIn Gaza, aid stalled.\n";
        assert!(extract(&markdown(far), &RulePack::default_pack()).is_empty());
    }

    /// A verb of passing reads a bare figure as over it, one of nearing as
    /// nearly; a figure with its own qualifier keeps it.
    #[test]
    fn verbs_of_passing_read_bare_figures() {
        let c = claims(
            "The death toll in Gaza has passed 30,000.\n\nThe death toll in Gaza nears 35,000.\n\n\
             The death toll in Gaza has surpassed about 40,000.\n\nThe death toll in Gaza rose to 31,000.\n",
            "2024-05-16",
        );
        let got: Vec<(&str, &str, f64, f64)> = c
            .iter()
            .map(|c| {
                let i = c.quantity.interval.unwrap();
                (&*c.quantity.text, c.quantity.qualifier.name(), i.lo, i.hi)
            })
            .collect();
        assert_eq!(
            got,
            [
                ("30,000", "over", 30000.0, f64::INFINITY),
                ("35,000", "nearly", 34000.0, 35000.0),
                ("about 40,000", "about", 39000.0, 41000.0),
                ("31,000", "none", 30500.0, 31500.0),
            ]
        );
    }

    /// Text to copy whole: none of the pieces `push_collapsed` rewrites.
    #[test]
    fn text_needing_no_collapse() {
        let whole = ["", "a b", " a b ", "killed, 40", "€20 and ₠ x", "ends with space ", ",", "a, b", "\u{20a0}"];
        let rewritten = ["a  b", "a\tb", "a\nb", "a\r\nb", "killed , 40", " ,", "a\u{a0}b", "\u{20a0}\u{a0}"];
        for s in whole {
            assert!(is_collapsed(s.as_bytes()), "{s:?}");
        }
        for s in rewritten {
            assert!(!is_collapsed(s.as_bytes()), "{s:?}");
        }
        let mut out = String::from("x");
        push_collapsed(&mut out, " killed ,\n 40\u{a0}people ");
        assert_eq!(out, "x killed, 40 people ");
    }

    /// Each claim's metric, value and the key of its source.
    /// The key of each claim's source, in order.
    fn source_keys(text: &str, published: &str) -> Vec<Option<String>> {
        claims(text, published).iter().map(|c| c.attribution.as_ref().map(|a| a.key().to_string())).collect()
    }

    fn sources(c: &[Claim]) -> Vec<(&str, f64, Option<&str>)> {
        c.iter().map(|c| (&**c.metric(), c.quantity.value, c.attribution.as_ref().map(|a| a.key()))).collect()
    }

    /// An office without its article after a name ("Mahmud Bassal,
    /// spokesman for the agency, told AFP") speaks for the agency, and so
    /// does the surname later and the "he" after it.
    #[test]
    fn an_office_without_its_article_after_a_name_speaks_for_its_body() {
        let text = concat!(
            "An Israeli air strike hit a home in Gaza City overnight, the civil defence agency in Gaza said.\n\n",
            "\"Five people were killed in the strike on the house,\" Mahmud Bassal, spokesman for the agency, told AFP.\n\n",
            "Bassal said more such strikes were carried out overnight.\n\n",
            "Four people died when a strike hit people gathered near a school, he said.\n",
        );
        let defence = Some("gaza-civil-defence".to_string());
        assert_eq!(source_keys(text, "2024-09-14"), [defence.clone(), defence]);
    }

    /// A part whose longest match is a rule whose whole no claim holds
    /// goes to the rule that match superseded, whose whole is claimed: a
    /// strike's children, not the war's.
    #[test]
    fn a_part_refused_by_the_longer_match_goes_to_the_rule_of_its_whole() {
        let c = claims(
            "An Israeli air strike in northern Gaza has killed 12 members of a family, seven of them children, the civil defence agency in Gaza said.\n",
            "2024-10-19",
        );
        let got: Vec<(&str, f64)> = c.iter().map(|c| (&**c.metric(), c.quantity.value)).collect();
        assert_eq!(got, [("strike.killed", 12.0), ("strike.killed_children", 7.0)]);
        // A whole is no smaller than its part: not "one family".
        let c = claims(
            "An Israeli air strike on a home in Jabalia killed 14 members of one family, including six children, the civil defence agency in Gaza said.\n",
            "2024-10-26",
        );
        let got: Vec<(&str, f64)> = c.iter().map(|c| (&**c.metric(), c.quantity.value)).collect();
        assert_eq!(got, [("strike.killed", 14.0), ("strike.killed_children", 6.0)]);
    }

    /// A quotation of several sentences is its speaker's throughout,
    /// whether named after it or before it, and over a paragraph break
    /// that opens with a quotation mark; a quotation that ends its
    /// sentence names no one after it.
    #[test]
    fn a_quotation_over_several_sentences_is_its_speakers() {
        let text = concat!(
            "\u{201c}More than 30,000 people have been killed in Gaza. The hospitals cannot cope,\u{201d} said ",
            "Ashraf al-Qudra, the spokesman of the Gaza health ministry.\n\n",
            "The UN agency for Palestinian refugees said: \u{201c}We are overwhelmed. About 1.7 million people ",
            "have been displaced in Gaza. We need fuel.\u{201d}\n\n",
            "\u{201c}At least 70,000 people have been wounded in Gaza.\n\n",
            "\u{201c}We need fuel,\u{201d} said Ashraf al-Qudra, the spokesman of the Gaza health ministry.\n\n",
            "\u{201c}More than 31,000 people have been killed in Gaza.\u{201d} The hospitals cannot cope, ",
            "the Gaza health ministry said.\n",
        );
        let c = claims(text, "2024-03-01");
        assert_eq!(
            sources(&c),
            [
                ("gaza.killed", 30000.0, Some("gaza-moh")),
                ("gaza.displaced", 1.7e6, Some("unrwa")),
                ("gaza.injured", 70000.0, Some("gaza-moh")),
                ("gaza.killed", 31000.0, None),
            ]
        );
    }

    #[test]
    fn each_clause_has_its_own_forbidden_words_and_source() {
        let c = claims(
            "Israel says 1,200 people were killed when Hamas attacked southern Israel on October 7, while the health ministry in Gaza says 31,000 Palestinians have been killed there.\n",
            "2024-03-01",
        );
        let got = sources(&c);
        assert_eq!(got, [("oct7.killed", 1200.0, Some("israel")), ("gaza.killed", 31000.0, Some("gaza-moh"))]);
    }

    /// A clause that names no source takes the sentence's; a sentence of
    /// one clause is read once.
    #[test]
    fn a_clause_without_a_source_takes_the_sentences() {
        let c = claims(
            "Israel says 1,200 people were killed in the October 7 attack; 240 were taken hostage to Gaza.\n\nAbout 1,200 people were killed in the October 7 attack.\n",
            "2024-03-01",
        );
        let got = sources(&c);
        assert_eq!(
            got,
            [
                ("oct7.killed", 1200.0, Some("israel")),
                ("oct7.hostages_taken", 240.0, Some("israel")),
                ("oct7.killed", 1200.0, None)
            ]
        );
    }

    /// "; in Israel, …" turns to another place: the ministry named before it
    /// does not speak for the figure after it. "; in March, …" is a time, not a turn.
    #[test]
    fn a_clause_that_turns_to_another_place_keeps_no_source() {
        let c = claims(
            "The health ministry in Gaza says 3,400 Palestinians have been killed; in Israel, some 1,400 people were killed in the Hamas attack.\n\nIsrael says 1,400 people were killed in the Hamas attack; meanwhile, 3,400 Palestinians have been killed in Gaza.\n\nIsrael says 1,200 people were killed in the October 7 attack; in October, 240 were taken hostage to Gaza.\n",
            "2023-10-20",
        );
        assert_eq!(
            sources(&c),
            [
                ("gaza.killed", 3400.0, Some("gaza-moh")),
                ("oct7.killed", 1400.0, None),
                ("oct7.killed", 1400.0, Some("israel")),
                ("gaza.killed", 3400.0, None),
                ("oct7.killed", 1200.0, Some("israel")),
                ("oct7.hostages_taken", 240.0, Some("israel")),
            ]
        );
    }

    /// "The ministry said" is the ministry its sentence places ("killed in
    /// Gaza": the ministry in Gaza), else the one the story named last
    /// before it; one the story names only later, or never, is no one known.
    #[test]
    fn the_ministry_is_the_one_named_before() {
        let c = claims(
            "The ministry said 1,100 people have been killed in Gaza.\n\nGaza's health ministry gave its count on Friday.\n\nGaza's death toll has climbed to more than 30,000, the ministry said.\n\nAccording to the Ministry of Health, 70,000 people have been wounded in Gaza.\n\nLebanon's health ministry said 18 people were killed in a strike near Beirut; the health ministry said 40 were wounded in the strike.\n",
            "2024-03-01",
        );
        assert_eq!(
            sources(&c),
            [
                ("gaza.killed", 1100.0, Some("gaza-moh")),
                ("gaza.killed", 30000.0, Some("gaza-moh")),
                ("gaza.injured", 70000.0, Some("gaza-moh")),
                ("strike.killed", 18.0, Some("lebanon-moph")),
                ("strike.injured", 40.0, Some("lebanon-moph")),
            ]
        );
        // A ministry placed by its sentence ("in Gaza, where the health
        // ministry says") is the one "the ministry's latest figure" means.
        let c = claims(
            "We begin in Gaza, where the health ministry now says more than 25,000 people have been killed.\n\nThe ministry's latest figure is 25,295 dead.\n",
            "2024-01-22",
        );
        assert_eq!(
            sources(&c),
            [("gaza.killed", 25000.0, Some("gaza-moh")), ("gaza.killed", 25295.0, Some("gaza-moh"))]
        );
        // So is one placed by a sentence that holds no figure, which is
        // never read for a source; a ministry no authority's name holds is no one.
        let c = claims(
            "We begin in Gaza, where the Health Ministry says the toll rose again.\n\nThe ministry put the number of dead at 31,819.\n",
            "2024-03-19",
        );
        assert_eq!(sources(&c), [("gaza.killed", 31819.0, Some("gaza-moh"))]);
        let c = claims(
            "In Gaza, the health ministry says the toll rose again.\n\nOfficials at the ministry of defence spoke in Jerusalem.\n\nThe ministry said 1,200 people were killed in the October 7 attack.\n",
            "2024-03-19",
        );
        assert_eq!(sources(&c), [("oct7.killed", 1200.0, None)]);
        // A description placed by its paragraph's earlier sentence, when the
        // document names no authority before it.
        let c = claims(
            "Aid deliveries into Gaza have slowed, the UN said on Monday. More than 35,500 Palestinians have been killed in the war, the health ministry says.\n",
            "2024-05-20",
        );
        assert_eq!(sources(&c), [("gaza.killed", 35500.0, Some("gaza-moh"))]);
        // A paragraph that places two ministries places neither.
        let c = claims(
            "Strikes hit Gaza and Lebanon on Monday. More than 35,500 Palestinians have been killed in the war, the health ministry says.\n",
            "2024-05-20",
        );
        assert_eq!(sources(&c), [("gaza.killed", 35500.0, None)]);
    }

    /// "It" speaks for the authority a description before it in its
    /// paragraph stands for, when the sentence that holds the description
    /// has no figure of its own; "It does say" is the same speaker.
    #[test]
    fn it_speaks_for_a_ministry_described_before_it() {
        let c = claims(
            "Gaza's health ministry says 26,083 people have been killed.\n\nThe ministry does not say how many of the dead were fighters. It does say that more than 64,000 people have been wounded in Gaza.\n",
            "2024-01-26",
        );
        assert_eq!(
            sources(&c),
            [("gaza.killed", 26083.0, Some("gaza-moh")), ("gaza.injured", 64000.0, Some("gaza-moh"))]
        );
    }

    /// A table row is a sentence read label after figure, credited to the
    /// cell that names an authority and dated by the table's caption.
    #[test]
    fn table_rows_are_claims() {
        let c = claims(
            "Figures as of April 9, from the sources named.\n\n| Measure | Figure | Source |\n|---|---:|---|\n| Palestinians killed in Gaza | 33,360 | Gaza health ministry |\n| Hostages still held in Gaza | 133 | Israel |\n| Trucks a day | 150 | UN |\n",
            "2024-04-10",
        );
        let got: Vec<_> = c
            .iter()
            .map(|c| {
                (&**c.metric(), c.quantity.value, c.attribution.as_ref().map(|a| a.key().to_string()), c.as_of.date)
            })
            .collect();
        let day = parse_date("2024-04-09");
        assert_eq!(
            got,
            [
                ("gaza.killed", 33360.0, Some("gaza-moh".to_string()), day),
                ("gaza.hostages_held", 133.0, Some("israel".to_string()), day)
            ]
        );
        assert_eq!(
            table_row_as_prose(&format!("| Killed | {OPEN}0{CLOSE} | {OPEN}1{CLOSE} | Ministry |"), None).as_deref(),
            Some(format!("{OPEN}0{CLOSE} Killed; {OPEN}1{CLOSE} Killed; Ministry").as_str())
        );
        assert_eq!(table_row_as_prose("Killed | 30,000", None), None);
    }

    #[test]
    fn label_lines_read_the_label_after_the_figure_and_its_nouns() {
        let f = |k: usize| format!("{OPEN}{k}{CLOSE}");
        let read = |line: String| label_line_as_prose(&line);
        assert_eq!(
            read(format!(" Killed: {} Palestinians, per the ministry.", f(0))),
            Some(format!("{} Palestinians Killed, per the ministry.", f(0)))
        );
        assert_eq!(read(format!("Wounded: {}", f(0))), Some(format!("{} Wounded", f(0))));
        assert_eq!(
            read(format!("- Injured — {}, per the ministry", f(0))),
            Some(format!("{} Injured, per the ministry", f(0)))
        );
        assert_eq!(
            read(format!("- Hostages: {} still held in Gaza, Israel says.", f(1))),
            Some(format!("{} Hostages still held in Gaza, Israel says.", f(1)))
        );
        assert_eq!(
            read(format!("Children killed: {}, the ministry says.", f(0))),
            Some(format!("{} Children killed, the ministry says.", f(0)))
        );
        // Not a label line: prose after the colon, a long label, a figure later on.
        assert_eq!(read(format!("Aid: The United States has provided {}.", f(0))), None);
        assert_eq!(read(format!("The ministry said on Monday: {} killed.", f(0))), None);
        assert_eq!(read(format!("killed: {}", f(0))), None);
        assert_eq!(read(format!("The ministry said on Monday in Gaza City: {} killed.", f(0))), None);
        assert_eq!(read(format!("Officials in Gaza and Israel on Monday put the toll: {}", f(0))), None);
        // A caption before the label.
        assert_eq!(
            read(format!("Latest figures from the Gaza health ministry: Killed: {}", f(0))),
            Some(format!("{} Killed", f(0)))
        );
        assert_eq!(
            read(format!("The ministry said on Monday: Killed in raids: {}", f(0))),
            Some(format!("{} Killed in raids", f(0)))
        );
        // One caption only.
        assert_eq!(read(format!("The ministry said on Monday: Latest: Killed: {}", f(0))), None);
        // A definition list's term, which may hold a date.
        assert_eq!(
            read(format!("Killed in Israel on October 7: {}, according to Israeli officials", f(0))),
            Some(format!("{} Killed in Israel on October 7, according to Israeli officials", f(0)))
        );
    }

    #[test]
    fn a_pronoun_speaks_for_the_authority_its_paragraph_named_last() {
        let source = |text: &str| source_keys(text, "2024-02-26");
        assert_eq!(
            source(
                "By late January Gaza's health ministry had counted more than 26,000 dead. On Sunday it said 29,692 people had been killed in Gaza."
            ),
            [Some("gaza-moh".to_string()), Some("gaza-moh".to_string())]
        );
        // A paragraph that opens with the pronoun: the one authority the
        // paragraph before named, if it named only one.
        assert_eq!(
            source(
                "The health ministry in Gaza publishes the toll.\n\nOn Sunday it said 29,692 people had been killed in Gaza."
            ),
            [Some("gaza-moh".to_string())]
        );
        assert_eq!(
            source(
                "The health ministry in Gaza publishes the toll, which Israel disputes.\n\nOn Sunday it said 29,692 people had been killed in Gaza."
            ),
            [None]
        );
        // A description in the paragraph before, which names no authority.
        assert_eq!(
            source(
                "In a release the ministry in Gaza said 126 had died in a day.\n\nThis brings the total number of deaths in Gaza to 29,692, it said."
            ),
            [Some("gaza-moh".to_string())]
        );
        // Nor a paragraph further back, nor for a pronoun further into its paragraph.
        assert_eq!(
            source(
                "The health ministry in Gaza publishes the toll.\n\nFighting went on.\n\nOn Sunday it said 29,692 people had been killed in Gaza."
            ),
            [None]
        );
        assert_eq!(
            source(
                "The health ministry in Gaza publishes the toll.\n\nFighting went on. On Sunday it said 29,692 people had been killed in Gaza."
            ),
            [None]
        );
        // A description after a name is whom the pronoun stands for, known or
        // not: "Israel's offensive … according to the health ministry. It said".
        let told = "Israel's offensive has killed over 36,700 Palestinians in Gaza, according to the health ministry.";
        assert_eq!(
            source(&format!("{told} It said 15,000 children had been killed in Gaza.")),
            [Some("gaza-moh".to_string()), Some("gaza-moh".to_string())]
        );
        // The paragraph before named two: the pronoun opening the next is no one's.
        assert_eq!(
            source(&format!("{told}\n\nIt said 15,000 children had been killed in Gaza.")),
            [Some("gaza-moh".to_string()), None]
        );
        assert_eq!(
            source(
                "Israel's offensive has killed over 36,700 Palestinians, according to the health ministry. It said 15,000 children had been killed."
            ),
            [Some("health ministry".to_string()), None]
        );
        // A description right after the name is the name's own.
        assert_eq!(
            source(
                "Hamas's health ministry said 35,000 people had been killed in Gaza. It said 15,000 children had been killed in Gaza."
            ),
            [Some("gaza-moh".to_string()), Some("gaza-moh".to_string())]
        );
    }

    /// "He" or "she" speaks for the office that spoke in the sentence right
    /// before, never for a name further back nor for a person without one.
    #[test]
    fn a_person_pronoun_speaks_for_the_office_that_spoke_just_before() {
        let source = |text: &str| source_keys(text, "2025-02-20");
        let spoke =
            "About 8,000 bodies remain under the rubble in Gaza, Civil Defence spokesman in the Gaza Strip claimed.";
        let added = "He added that more than 3,000 people are still listed as missing in Gaza.";
        let defence = Some("gaza-civil-defence".to_string());
        assert_eq!(source(&format!("{spoke}\n\n{added}")), [defence.clone(), defence.clone()]);
        assert_eq!(source(&format!("{spoke} {added}")), [defence.clone(), defence.clone()]);
        // A sentence between, or a speaker with no office: no one's.
        assert_eq!(source(&format!("{spoke} Rain fell on Sunday. {added}")), [defence.clone(), None]);
        assert_eq!(source(&format!("{spoke}\n\nRain fell.\n\n{added}")), [defence, None]);
        assert_eq!(source(&format!("Blinken said the talks were going well in Gaza. {added}")), [None]);
    }

    /// A description resolves to the authority named last before it, not
    /// to one named as the object of a preposition ("fighting between
    /// Israel and Hamas"); "according to" is no such preposition.
    #[test]
    fn a_description_skips_a_name_after_a_preposition() {
        let text = concat!(
            "Gaza's Hamas government said the death toll reached 11,240 after weeks of fighting between Israel and Hamas.\n\n",
            "The dead include 4,600 children and 3,100 women, the government said.\n",
        );
        let media = || Some("gaza-media-office".to_string());
        assert_eq!(source_keys(text, "2023-11-13"), [media(), media(), media()]);
    }

    /// A surname speaks for the authority of the office the document gave
    /// it beside the name, though the sentence credits the authority by
    /// its own name: "Ashraf al-Qudra, spokesman of the Gaza health
    /// ministry, said"; not for one named away from the name.
    #[test]
    fn a_surname_speaks_for_the_office_beside_its_name() {
        let source = |text: &str| source_keys(text, "2024-02-16");
        let later = "\u{201c}At least 68,200 people have been wounded in Gaza,\u{201d} Qudra said.";
        let moh = || Some("gaza-moh".to_string());
        let named = "Ashraf al-Qudra, spokesman of the Gaza health ministry, said the hospitals were full.";
        assert_eq!(source(&format!("{named}\n\n{later}")), [moh()]);
        let after = "\u{201c}We need fuel,\u{201d} said Ashraf al-Qudra, spokesman of the Gaza health ministry.";
        assert_eq!(source(&format!("{after}\n\n{later}")), [moh()]);
        let away =
            "Ashraf al-Qudra, a spokesman, said on Monday that the talks with the Gaza health ministry had ended.";
        assert_eq!(source(&format!("{away}\n\n{later}")), [Some("Qudra".to_string())]);
    }

    #[test]
    fn list_items_take_the_date_of_the_paragraph_before_the_list() {
        let c = claims(
            "The latest figures from Gaza, as of April 9:\n\n- Killed: 33,360 Palestinians, per the Gaza health ministry\n- Wounded: 75,993\n- Displaced: 1.7 million people, the United Nations said on Monday\n- Hostages: 133 still held in Gaza, Israel says\n",
            "2024-04-10",
        );
        let got: Vec<(&str, String, Option<String>)> = c
            .iter()
            .map(|c| {
                (&**c.metric(), c.as_of.date.unwrap().to_string(), c.attribution.as_ref().map(|a| a.key().to_string()))
            })
            .collect();
        let s = |x: &str| x.to_string();
        assert_eq!(
            got,
            [
                ("gaza.killed", s("2024-04-09"), Some(s("gaza-moh"))),
                ("gaza.injured", s("2024-04-09"), None),
                ("gaza.displaced", s("2024-04-08"), Some(s("United Nations"))),
                // The item above dates only a figure of its own source; the caption all.
                ("gaza.hostages_held", s("2024-04-09"), Some(s("israel"))),
            ]
        );
    }

    /// A date that opens an item frames that item; a trailing one, as in
    /// "the ministry said on Sunday", dates the items below it too.
    #[test]
    fn a_date_opening_an_item_dates_only_that_item() {
        let dates = |text: &str| {
            claims(text, "2024-05-14").iter().map(|c| c.as_of.date.unwrap().to_string()).collect::<Vec<_>>()
        };
        assert_eq!(
            dates(
                "Gaza update.\n\n1. As of 13 May, 35,091 people have been killed in Gaza, the MoH in Gaza says.\n2. About 10,000 people are reported missing in Gaza.\n"
            ),
            ["2024-05-13", "2024-05-14"]
        );
        assert_eq!(
            dates(
                "Gaza update.\n\n- 35,091 people have been killed in Gaza, the MoH in Gaza said on Monday.\n- About 10,000 people are reported missing in Gaza.\n"
            ),
            ["2024-05-13", "2024-05-13"]
        );
    }

    #[test]
    fn a_by_the_numbers_list_binds_its_figures() {
        let c = claims(
            "Gaza by the numbers\n\nKilled: 34,454 Palestinians, per the Gaza Health Ministry.\n\nChildren killed: more than 14,500, the ministry says.\n\nHostages: 133 still held in Gaza, Israel says.\n",
            "2024-04-29",
        );
        let got: Vec<(&str, f64, Option<&str>)> =
            c.iter().map(|c| (&**c.metric(), c.quantity.value, c.attribution.as_ref().map(|a| a.key()))).collect();
        assert_eq!(
            got,
            [
                ("gaza.killed", 34454.0, Some("gaza-moh")),
                ("gaza.killed_children", 14500.0, Some("gaza-moh")),
                ("gaza.hostages_held", 133.0, Some("israel")),
            ]
        );
    }

    #[test]
    fn headings_read_their_section_for_context() {
        let c = claims(
            "Blinken in Jeddah\n\nHe spoke.\n\nClose to 32,000 Killed\n\nIsrael has been waging a war on Gaza since October 7.\n",
            "2024-03-21",
        );
        assert_eq!(c.len(), 1);
        assert_eq!((&**c[0].metric(), c[0].role), ("gaza.killed", Role::Heading));
    }
}
