//! `RuleSpec` → `Rule`: regexes built once, `{q}` expanded and checked,
//! durations and dates parsed. Every error names the file, line and field.

use std::collections::BTreeMap;
use std::fmt;
use std::sync::{Arc, Mutex};

use super::lazy::{Cells, Lazy};
use super::pattern_set::Parts;
use super::spec::{
    AttributionSpec, Behavior, ContextScope, EventSpec, ExampleSpec, ExpectSpec, FigureSpec, RuleSpec, Severity,
    VariantSpec,
};
use crate::dates::{Date, parse_date, parse_days};
use crate::quantity::Qualifier;

/// A problem in a rule file.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct RuleError {
    pub file: String,
    pub line: Option<usize>,
    pub field: Option<String>,
    pub message: String,
}

impl fmt::Display for RuleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if let Some(l) = self.line {
            write!(f, ":{l}")?;
        }
        if let Some(field) = &self.field {
            write!(f, ": {field}")?;
        }
        write!(f, ": {}", self.message)
    }
}

impl std::error::Error for RuleError {}

/// The count kinds a `{q}` slot may accept.
pub const KINDS: [&str; 6] = ["cardinal", "ordinal", "money", "percent", "ratio", "duration"];

/// Private-use characters that wrap a figure's index in the masked sentence.
pub const OPEN: char = '\u{E000}';
pub const CLOSE: char = '\u{E001}';

/// Where each `OPEN` starts in a masked text. Its lead byte begins only
/// private-use characters, so a byte search finds it with no substring
/// searcher to build for every sentence.
pub fn opens(text: &[u8]) -> impl Iterator<Item = usize> + '_ {
    memchr::memchr_iter(OPEN_BYTES[0], text).filter(move |&i| text[i..].starts_with(OPEN_BYTES))
}

/// The figure markers of a masked text, `OPEN digits CLOSE`, as byte
/// ranges: where the `{q}` of every pattern can be.
pub(crate) fn markers(text: &[u8]) -> impl Iterator<Item = (usize, usize)> + '_ {
    opens(text).filter_map(move |at| {
        let from = at + OPEN_BYTES.len();
        let digits = text[from..].iter().take_while(|b| b.is_ascii_digit()).count();
        (digits > 0 && text[from + digits..].starts_with(CLOSE_BYTES))
            .then_some((at, from + digits + CLOSE_BYTES.len()))
    })
}

/// `OPEN` and `CLOSE` in UTF-8.
pub(crate) const OPEN_BYTES: &[u8] = "\u{E000}".as_bytes();
pub(crate) const CLOSE_BYTES: &[u8] = "\u{E001}".as_bytes();

/// One compiled pattern.
#[derive(Debug, Clone)]
pub struct Pattern {
    /// As written in the rule file.
    pub source: String,
    /// Expanded, for the bytes of the masked sentence.
    pub regex: Lazy<regex::bytes::Regex>,
    pub expanded: String,
    /// Its regexes before and after the figure, where it splits there.
    pub parts: Option<Parts>,
    /// Kinds the figure may have.
    pub kinds: Vec<String>,
}

/// Context words, compiled.
#[derive(Debug, Clone, Default)]
pub struct Context {
    pub any: Option<Lazy<Words>>,
    pub all: Vec<Lazy<Words>>,
    pub none: Option<Lazy<Words>>,
    /// Shared with every outcome that names them as missing.
    pub any_words: Arc<[String]>,
    pub all_words: Vec<String>,
    pub none_words: Vec<String>,
    pub scope: ContextScope,
    /// The `any` words may also be in the document's lede.
    pub lede: bool,
    /// Words that refuse the lede's `any` words to a figure's clause.
    pub lede_none: Option<Lazy<Words>>,
    pub lede_none_words: Vec<String>,
    /// Words that refuse a figure anywhere in its sentence up to the end of its clause.
    pub sentence_none: Option<Lazy<Words>>,
    pub sentence_none_words: Vec<String>,
    /// Words that, named in the lede too, keep it from placing figures.
    pub lede_unless: Option<Lazy<Words>>,
    pub lede_unless_words: Vec<String>,
    /// Words that, in a part of the figure, refuse the whole.
    pub parts_none: Option<Lazy<Words>>,
    pub parts_none_words: Vec<String>,
}

/// Why context accepted or refused a figure.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ContextVerdict {
    Ok,
    MissingAny,
    MissingAll(String),
    Forbidden(String),
}

impl Context {
    /// Check `text` (the sentence or paragraph) for required words and
    /// `clause` (the part of the sentence holding the figure) for forbidden
    /// ones: a word about another metric elsewhere in a long sentence does
    /// not forbid this one.
    pub fn check(&self, text: &str, clause: &str) -> ContextVerdict {
        self.check_text(text).unwrap_or_else(|| self.check_clause(clause, false))
    }

    /// The verdict on the sentence or paragraph alone: what is missing
    /// from it, if anything (the same for every figure it holds).
    pub fn check_text(&self, text: &str) -> Option<ContextVerdict> {
        if let Some(any) = &self.any
            && !any.is_match(text)
        {
            return Some(ContextVerdict::MissingAny);
        }
        self.check_all(text)
    }

    /// `check_text` for a text whose `any` words were found in the
    /// document's lede: it must still hold the `all` words.
    pub fn check_text_with_lede(&self, text: &str, lede: &str) -> Option<ContextVerdict> {
        match self.check_text(text) {
            Some(ContextVerdict::MissingAny) if self.lede_supplies(lede) => self.check_all(text),
            v => v,
        }
    }

    /// Whether the rule reads the lede, its `any` words are there, and it
    /// names no other place the rule leaves out.
    pub fn lede_supplies(&self, lede: &str) -> bool {
        self.lede
            && self.any.as_ref().is_some_and(|a| a.is_match(lede))
            && !self.lede_unless.as_ref().is_some_and(|u| u.is_match(lede))
    }

    /// The verdict on a figure the lede placed, from the caption right
    /// above its block of label lines: a caption that names another front
    /// ("Occupied West Bank", "In Israel, officials revised the toll")
    /// speaks for the block, not the lede.
    pub fn caption_refuses(&self, caption: &str) -> Option<ContextVerdict> {
        if self.lede_unless.as_ref().is_some_and(|u| u.is_match(caption)) {
            return Some(ContextVerdict::MissingAny);
        }
        let m = self.lede_none.as_ref()?.find(caption)?;
        Some(ContextVerdict::Forbidden(m.as_str().to_string()))
    }

    /// Whether the caption above a block of label lines places them where
    /// their own words do not: its `any` words, and none of the words that
    /// refuse a figure or name another front ("In Israel, officials revised
    /// the toll of the October 7 attack" over "Killed: About 1,200").
    /// `with_line`: the caption and the line, for the `all` words.
    pub fn caption_supplies(&self, caption: &str, with_line: &str) -> bool {
        self.any.as_ref().is_some_and(|a| a.is_match(caption))
            && !self.lede_unless.as_ref().is_some_and(|u| u.is_match(caption))
            && !self.none.as_ref().is_some_and(|n| n.is_match(caption))
            && self.check_all(with_line).is_none()
    }

    /// The `all` words `text` lacks, if any.
    pub fn check_all(&self, text: &str) -> Option<ContextVerdict> {
        for (re, w) in self.all.iter().zip(&self.all_words) {
            if !re.is_match(text) {
                return Some(ContextVerdict::MissingAll(w.clone()));
            }
        }
        None
    }

    /// The verdict on a figure's sentence up to the end of its clause
    /// (`framed`): its `sentence_none` words, and, when the `any` words came
    /// from the lede only (`from_lede`), its `lede_none` words ("the school
    /// was bombarded, resulting in 15 martyrs, and 50 wounded").
    pub fn check_sentence(&self, framed: &str, from_lede: bool) -> Option<ContextVerdict> {
        let forbidden = [Some(&self.sentence_none), from_lede.then_some(&self.lede_none)];
        let m = forbidden.into_iter().flatten().flatten().find_map(|none| none.find(framed))?;
        Some(ContextVerdict::Forbidden(format!("{} (in the figure's sentence)", m.as_str())))
    }

    /// The `parts_none` word in `part`, the text of one part of the figure.
    pub fn check_part(&self, part: &str) -> Option<String> {
        Some(self.parts_none.as_ref()?.find(part)?.as_str().to_string())
    }

    /// The verdict on the clause of a figure whose text passed `check_text`;
    /// `from_lede`: the text's `any` words were found in the lede only.
    pub fn check_clause(&self, clause: &str, from_lede: bool) -> ContextVerdict {
        let forbidden = [Some(&self.none), from_lede.then_some(&self.lede_none)];
        for none in forbidden.into_iter().flatten().flatten() {
            if let Some(m) = none.find(clause) {
                return ContextVerdict::Forbidden(m.as_str().to_string());
            }
        }
        ContextVerdict::Ok
    }
}

/// An example, compiled.
#[derive(Debug, Clone)]
pub struct Example {
    pub text: String,
    pub expect: Expectation,
    pub published: Option<Date>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Expectation {
    Nothing,
    Figure {
        value: f64,
        qualifier: Option<Qualifier>,
        kind: Option<String>,
        as_of: Option<Date>,
        attribution: Option<String>,
        event: Option<String>,
    },
}

/// How a rule's claims name their event, compiled (see `EventSpec`).
#[derive(Debug, Clone)]
pub struct Events {
    /// Each with a group named `event`; over the bytes of a text.
    pub named: Vec<regex::bytes::Regex>,
    pub unnamed: Option<regex::bytes::Regex>,
    /// Too broad to name one event, as event keys.
    pub broad: Vec<String>,
    /// As written, for `rules explain`.
    pub spec: EventSpec,
}

/// A rule's id and metric, held once by the rule and pointed to by each of
/// its claims (one pointer a claim, where two names took four words).
#[derive(Debug, PartialEq, Eq)]
pub struct RuleNames {
    pub id: Arc<str>,
    pub metric: Arc<str>,
}

/// A compiled rule.
#[derive(Debug, Clone)]
pub struct Rule {
    pub id: Arc<str>,
    pub metric: Arc<str>,
    /// `id` and `metric`, for the rule's claims.
    pub names: Arc<RuleNames>,
    pub description: String,
    pub unit: Option<String>,
    pub behavior: Behavior,
    pub tolerance: f64,
    pub severity: Severity,
    pub event_date: Option<Date>,
    /// The first day the metric counts (`since:`).
    pub since: Option<Date>,
    pub compiling_days: i32,
    pub same_day_days: i32,
    pub event_window_days: i32,
    pub window_days: i32,
    pub lag_days: i32,
    pub patterns: Vec<Pattern>,
    pub context: Context,
    pub scope: BTreeMap<String, String>,
    pub part_of: Vec<String>,
    /// Set when the metric counts single events: claims are compared with
    /// claims about the same event only.
    pub event: Option<Arc<Events>>,
    pub attribution: AttributionSpec,
    /// Groups some sources count and others do not (`variants:`).
    pub variants: Vec<VariantSpec>,
    pub examples: Vec<Example>,
    /// The file the rule came from (`rules/x.yaml`, or a user directory).
    pub file: String,
    /// Whether the rule is part of the embedded default pack.
    pub builtin: bool,
}

impl Rule {
    /// The first day a figure of this metric can be dated: its `since`, else
    /// its event's day (no one counts an event's dead before it).
    pub fn counts_from(&self) -> Option<Date> {
        self.since.or(self.event_date)
    }
}

/// The 1-based line of the first line in `src` where `key:` starts a line
/// (after indentation or a list dash).
pub fn key_line(src: &str, key: &str) -> Option<usize> {
    src.lines()
        .position(|l| {
            let t = l.trim_start().trim_start_matches("- ").trim_start();
            t.strip_prefix(key).is_some_and(|r| r.starts_with(':'))
        })
        .map(|i| i + 1)
}

/// The line of a string value as it may be quoted in YAML, after `after` (a line number).
fn value_line(src: &str, value: &str, after: Option<usize>) -> Option<usize> {
    let single = value.replace('\'', "''");
    let double = value.replace('\\', "\\\\").replace('"', "\\\"");
    let skip = after.unwrap_or(0).saturating_sub(1);
    src.lines()
        .enumerate()
        .skip(skip)
        .find(|(_, l)| l.contains(value) || l.contains(&single) || l.contains(&double))
        .map(|(i, _)| i + 1)
}

/// Find the `{q}` / `{q:kind|kind}` slots in a pattern: `(start, end, kinds)`.
fn slots(p: &str) -> Vec<(usize, usize, Option<String>)> {
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(s) = p[i..].find("{q") {
        let start = i + s;
        let rest = &p[start + 2..];
        if let Some(close) = rest.find('}') {
            let inner = &rest[..close];
            if inner.is_empty() {
                out.push((start, start + 3, None));
            } else if let Some(k) = inner.strip_prefix(':') {
                out.push((start, start + 3 + close, Some(k.to_string())));
            }
            i = start + 2 + close + 1;
        } else {
            break;
        }
    }
    out
}

/// Whether byte `pos` of a regex pattern lies inside a character class.
fn inside_class(p: &str, pos: usize) -> bool {
    let b = p.as_bytes();
    let mut depth = 0usize;
    let mut i = 0;
    while i < pos {
        match b[i] {
            b'\\' => i += 1,
            b'[' => depth += 1,
            b']' if depth > 0 => depth -= 1,
            _ => {}
        }
        i += 1;
    }
    depth > 0
}

/// How large one compiled pattern may grow. A rule file is input: a
/// pattern like `(?:\w{100}){1000}` would otherwise cost memory and time
/// on every sentence.
pub const PATTERN_SIZE_LIMIT: usize = 2 << 20;

/// A regex error in one line.
fn regex_error(e: &regex::Error) -> String {
    match e {
        regex::Error::CompiledTooBig(limit) => format!(
            "regex too large: it compiles to more than {} KiB; bounded repeats such as `{{1000}}` multiply its size",
            limit >> 10
        ),
        _ => {
            let msg = e.to_string();
            format!("invalid regex: {}", msg.lines().last().unwrap_or(&msg).trim().trim_start_matches("error: "))
        }
    }
}

/// A pattern's slot for a figure it reads past without binding it.
const OTHER: &str = "{other}";

/// `eager`: build the regex now (a user's rule) rather than on first use
/// (the embedded pack).
pub(super) fn compile_pattern(p: &str, rule_kinds: &[String], eager: bool) -> Result<Pattern, String> {
    let ph = slots(p);
    if ph.len() != 1 {
        return Err(format!("needs exactly one {{q}} slot, found {}", ph.len()));
    }
    let (start, end, kinds) = &ph[0];
    if inside_class(p, *start) {
        return Err("{q} is inside a character class".into());
    }
    if let Some(c) = p[*end..].chars().next()
        && matches!(c, '?' | '*' | '+' | '{')
    {
        return Err(format!("{{q}} cannot be followed by the quantifier `{c}`: a pattern binds exactly one figure"));
    }
    let kinds: Vec<String> = match kinds {
        Some(k) => k.split('|').map(str::trim).map(str::to_string).collect(),
        None => rule_kinds.to_vec(),
    };
    for k in &kinds {
        if !KINDS.contains(&k.as_str()) {
            return Err(format!("unknown quantity kind `{k}` (expected one of {})", KINDS.join(", ")));
        }
    }
    // `{other}`: another figure the pattern reads past but does not bind
    // ("killed in the {other} month": "first" is a figure too).
    let other = format!("{OPEN}[0-9]+{CLOSE}");
    let (before, after) = (p[..*start].replace(OTHER, &other), p[*end..].replace(OTHER, &other));
    let body = ascii_boundaries(&format!("(?i){before}{OPEN}(?P<q>[0-9]+){CLOSE}{after}"));
    let parts = Parts::split(&ascii_boundaries(&before), &ascii_boundaries(&after));
    let (expanded, regex) = if eager {
        let (expanded, regex) = ascii_first(body)?;
        (expanded.clone(), Lazy::built(expanded, regex, build_bytes))
    } else {
        // A split pattern reads without Unicode where its parts do, as
        // they were just read: it is not parsed again whole.
        let expanded = match &parts {
            Some(p) if p.ascii => format!("(?-u){body}"),
            Some(_) => body,
            None => ascii_if_valid(body),
        };
        static CELLS: Cells<regex::bytes::Regex> = Mutex::new(BTreeMap::new());
        (expanded.clone(), Lazy::later(expanded, build_bytes, &CELLS))
    };
    Ok(Pattern { source: p.to_string(), regex, expanded, parts, kinds })
}

/// `body` as a regex over bytes, and the pattern it was built from.
/// Without Unicode, case folding and classes are ASCII, the lazy DFA stays
/// small and compiling is many times faster; a pattern that needs Unicode
/// (`\p{L}`) keeps it.
fn ascii_first(body: String) -> Result<(String, regex::bytes::Regex), String> {
    let ascii = format!("(?-u){body}");
    match bytes_regex(&ascii) {
        Ok(r) => Ok((ascii, r)),
        Err(e @ regex::Error::CompiledTooBig(_)) => Err(regex_error(&e)),
        Err(_) => build_bytes(&body).map(|r| (body, r)),
    }
}

/// `body` without Unicode if it is valid so (see `ascii_first`), decided
/// by parsing alone: the regex itself is built on first use.
fn ascii_if_valid(body: String) -> String {
    let ascii = format!("(?-u){body}");
    match regex_syntax::ParserBuilder::new().utf8(false).build().parse(&ascii) {
        Ok(_) => ascii,
        Err(_) => body,
    }
}

/// A pattern over bytes, within the size limit.
fn bytes_regex(r: &str) -> Result<regex::bytes::Regex, regex::Error> {
    regex::bytes::RegexBuilder::new(r).size_limit(PATTERN_SIZE_LIMIT).build()
}

/// `bytes_regex`, its error as a rule error's message.
fn build_bytes(r: &str) -> Result<regex::bytes::Regex, String> {
    bytes_regex(r).map_err(|e| regex_error(&e))
}

/// A list of context words, matched over a text's bytes: without Unicode
/// where the words allow it (see `ascii_first`), which builds several
/// times faster and keeps the lazy DFA small. Built bare: no capture
/// groups but the match's own, and no prefilter. The words have no common
/// literal to scan for, and the prefilter the regex crate falls back to, a
/// literal inside the words with a reverse scan from each place it occurs,
/// is most of a list's build and, in a run, no faster to search than the
/// lazy DFA alone: on the 64 MiB scale corpus the clause checks went from
/// about 2,580 to 2,110 processor cycles a masked sentence, building
/// included, and the sentence and paragraph checks from 2,690 to 2,160
/// (docs/PERFORMANCE.md, twenty-first session).
#[derive(Debug, Clone)]
pub struct Words(regex_automata::meta::Regex);

/// Where context words matched, for naming the word.
pub struct WordMatch<'t>(&'t [u8]);

impl WordMatch<'_> {
    /// The words matched; a byte class may end a match inside a character.
    pub fn as_str(&self) -> std::borrow::Cow<'_, str> {
        String::from_utf8_lossy(self.0)
    }
}

impl Words {
    pub fn is_match(&self, text: &str) -> bool {
        self.0.is_match(text.as_bytes())
    }

    pub fn find<'t>(&self, text: &'t str) -> Option<WordMatch<'t>> {
        self.0.find(text.as_bytes()).map(|m| WordMatch(&text.as_bytes()[m.range()]))
    }
}

/// Context words, as `Words`: without Unicode if they parse so, as
/// `ascii_first` reads a pattern.
fn build_words(r: &str) -> Result<Words, String> {
    use regex_automata::meta;
    let build = |unicode: bool| {
        let config = meta::Config::new()
            .which_captures(regex_automata::nfa::thompson::WhichCaptures::Implicit)
            .auto_prefilter(false)
            .nfa_size_limit(Some(PATTERN_SIZE_LIMIT))
            .utf8_empty(false);
        let syntax = regex_automata::util::syntax::Config::new().utf8(false).unicode(unicode);
        meta::Builder::new().configure(config).syntax(syntax).build(r).map(Words).map_err(Box::new)
    };
    match build(false) {
        Ok(words) => Ok(words),
        Err(e) if e.size_limit().is_some() => Err(words_error(&e)),
        Err(_) => build(true).map_err(|e| words_error(&e)),
    }
}

/// A words regex's build error, worded as `regex_error` words a pattern's.
fn words_error(e: &regex_automata::meta::BuildError) -> String {
    match e.size_limit() {
        Some(limit) => regex_error(&regex::Error::CompiledTooBig(limit)),
        None => match e.syntax_error() {
            Some(syntax) => regex_error(&regex::Error::Syntax(syntax.to_string())),
            None => regex_error(&regex::Error::Syntax(e.to_string())),
        },
    }
}

/// Rewrite `\b` and `\B` as ASCII word boundaries. A Unicode boundary
/// stops the lazy DFA at the first non-ASCII byte (and masked sentences
/// always hold some), sending every match to the slow engine.
pub fn ascii_boundaries(pattern: &str) -> String {
    let mut out = String::with_capacity(pattern.len() + 16);
    let mut chars = pattern.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some(b @ ('b' | 'B')) => {
                    out.push_str("(?-u:\\");
                    out.push(b);
                    out.push(')');
                }
                Some(other) => {
                    out.push('\\');
                    out.push(other);
                }
                None => out.push('\\'),
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// Words as one case-insensitive alternation matched at the start of a word.
fn words_pattern(words: &[String]) -> String {
    let alt = words.iter().map(|w| format!("(?:{w})")).collect::<Vec<_>>().join("|");
    ascii_boundaries(&format!(r"(?i)\b(?:{alt})"))
}

/// `eager` as for `compile_pattern`.
fn words_regex(words: &[String], eager: bool) -> Result<Option<Lazy<Words>>, String> {
    if words.is_empty() {
        return Ok(None);
    }
    let pattern = words_pattern(words);
    static CELLS: Cells<Words> = Mutex::new(BTreeMap::new());
    if eager { Lazy::now(pattern, build_words).map(Some) } else { Ok(Some(Lazy::later(pattern, build_words, &CELLS))) }
}

/// Compile a decoded rule; `src` is the file's text, for line numbers.
pub fn compile(spec: RuleSpec, file: &str, src: &str, builtin: bool) -> Result<Rule, Vec<RuleError>> {
    let mut errors = Vec::new();
    let err = |field: &str, line: Option<usize>, message: String| RuleError {
        file: file.to_string(),
        line,
        field: Some(field.to_string()),
        message,
    };
    if spec.id.is_empty() || !spec.id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-') {
        errors.push(err("id", key_line(src, "id"), format!("`{}` is not kebab-case (a-z, 0-9, -)", spec.id)));
    }
    if spec.metric.is_empty() || spec.metric.contains(char::is_whitespace) {
        errors.push(err("metric", key_line(src, "metric"), format!("`{}` is not a dotted metric name", spec.metric)));
    }
    let days = |field: &str, v: &Option<String>, default: i32, errors: &mut Vec<RuleError>| -> i32 {
        match v {
            None => default,
            Some(s) => parse_days(s).unwrap_or_else(|| {
                errors.push(err(field, key_line(src, field), format!("`{s}` is not a duration such as `14 days`")));
                default
            }),
        }
    };
    let compiling_days = days("compiling", &spec.compiling, 0, &mut errors);
    let same_day_days = days("same_day", &spec.same_day, 0, &mut errors);
    let event_window_days = days("event_window", &spec.event_window, 3, &mut errors);
    let window_days = days("window", &spec.window, 0, &mut errors);
    let lag_days = days("lag", &spec.lag, 3, &mut errors);
    let mut date = |key: &str, value: &Option<String>| {
        let s = value.as_ref()?;
        let d = parse_date(s);
        if d.is_none() {
            errors.push(err(key, key_line(src, key), format!("`{s}` is not a date (YYYY-MM-DD)")));
        }
        d
    };
    let event_date = date("event_date", &spec.event_date);
    let since = date("since", &spec.since);
    if spec.compiling.is_some() && event_date.is_none() {
        errors.push(err("compiling", key_line(src, "compiling"), "needs an `event_date` to count from".into()));
    }
    if !(0.0..1.0).contains(&spec.tolerance) {
        errors.push(err("tolerance", key_line(src, "tolerance"), "must be a fraction between 0 and 1".into()));
    }
    let rule_kinds: Vec<String> = if spec.kinds.is_empty() { vec!["cardinal".to_string()] } else { spec.kinds.clone() };
    for k in &rule_kinds {
        if !KINDS.contains(&k.as_str()) {
            errors.push(err(
                "kinds",
                key_line(src, "kinds"),
                format!("unknown quantity kind `{k}` (expected one of {})", KINDS.join(", ")),
            ));
        }
    }
    if spec.patterns.is_empty() {
        errors.push(err("patterns", key_line(src, "patterns"), "at least one pattern is needed".into()));
    }
    let patterns_line = key_line(src, "patterns");
    let mut patterns = Vec::new();
    for (i, p) in spec.patterns.iter().enumerate() {
        match compile_pattern(p, &rule_kinds, !builtin) {
            Ok(c) => patterns.push(c),
            Err(m) => {
                errors.push(err(&format!("patterns[{i}]"), value_line(src, p, patterns_line).or(patterns_line), m))
            }
        }
    }
    let context_line = key_line(src, "context");
    let mut context = Context {
        any_words: spec.context.any.clone().into(),
        all_words: spec.context.all.clone(),
        none_words: spec.context.none.clone(),
        scope: spec.context.scope,
        lede: spec.context.lede,
        lede_none_words: spec.context.lede_none.clone(),
        sentence_none_words: spec.context.sentence_none.clone(),
        lede_unless_words: spec.context.lede_unless.clone(),
        parts_none_words: spec.context.parts_none.clone(),
        ..Context::default()
    };
    for (key, words) in [("lede_none", &spec.context.lede_none), ("lede_unless", &spec.context.lede_unless)] {
        if !words.is_empty() && !spec.context.lede {
            errors.push(err(
                &format!("context.{key}"),
                key_line(src, key).or(context_line),
                "applies only with `lede: true`".into(),
            ));
        }
    }
    if spec.context.lede && spec.context.any.is_empty() {
        errors.push(err(
            "context.lede",
            key_line(src, "lede").or(context_line),
            "needs `any` words to look for".into(),
        ));
    }
    match words_regex(&spec.context.any, !builtin) {
        Ok(r) => context.any = r,
        Err(m) => errors.push(err("context.any", key_line(src, "any").or(context_line), m)),
    }
    match words_regex(&spec.context.none, !builtin) {
        Ok(r) => context.none = r,
        Err(m) => errors.push(err("context.none", key_line(src, "none").or(context_line), m)),
    }
    match words_regex(&spec.context.sentence_none, !builtin) {
        Ok(r) => context.sentence_none = r,
        Err(m) => errors.push(err("context.sentence_none", key_line(src, "sentence_none").or(context_line), m)),
    }
    match words_regex(&spec.context.lede_none, !builtin) {
        Ok(r) => context.lede_none = r,
        Err(m) => errors.push(err("context.lede_none", key_line(src, "lede_none").or(context_line), m)),
    }
    match words_regex(&spec.context.lede_unless, !builtin) {
        Ok(r) => context.lede_unless = r,
        Err(m) => errors.push(err("context.lede_unless", key_line(src, "lede_unless").or(context_line), m)),
    }
    match words_regex(&spec.context.parts_none, !builtin) {
        Ok(r) => context.parts_none = r,
        Err(m) => errors.push(err("context.parts_none", key_line(src, "parts_none").or(context_line), m)),
    }
    for w in &spec.context.all {
        match words_regex(std::slice::from_ref(w), !builtin) {
            Ok(Some(r)) => context.all.push(r),
            Ok(None) => {}
            Err(m) => errors.push(err("context.all", key_line(src, "all").or(context_line), m)),
        }
    }
    let event = spec.event.as_ref().and_then(|e| match compile_events(e) {
        Ok(x) => Some(x),
        Err((field, m)) => {
            errors.push(err(&format!("event.{field}"), key_line(src, field).or(key_line(src, "event")), m));
            None
        }
    });
    let examples_line = key_line(src, "examples");
    let mut examples = Vec::new();
    for (i, e) in spec.examples.iter().enumerate() {
        match compile_example(e) {
            Ok(x) => examples.push(x),
            Err(m) => {
                let line = value_line(src, &e.text, examples_line).or(examples_line);
                errors.push(err(&format!("examples[{i}]"), line, m))
            }
        }
    }
    for (i, v) in spec.variants.iter().enumerate() {
        if !(v.offset.is_finite() && v.offset > 0.0) || v.group.trim().is_empty() {
            errors.push(err(
                &format!("variants[{i}]"),
                key_line(src, "variants"),
                format!("needs an `offset` above 0 and the `group` it counts (got offset {})", v.offset),
            ));
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let (id, metric): (Arc<str>, Arc<str>) = (spec.id.into(), spec.metric.into());
    Ok(Rule {
        names: Arc::new(RuleNames { id: Arc::clone(&id), metric: Arc::clone(&metric) }),
        id,
        metric,
        description: spec.description,
        unit: spec.unit,
        behavior: spec.behavior,
        tolerance: spec.tolerance,
        severity: spec.severity,
        event_date,
        since,
        compiling_days,
        same_day_days,
        event_window_days,
        window_days,
        lag_days,
        patterns,
        context,
        scope: spec.scope,
        part_of: spec.part_of,
        event,
        attribution: spec.attribution,
        variants: spec.variants,
        examples,
        file: file.to_string(),
        builtin,
    })
}

/// `words` as `words_regex` does, over bytes (see `ascii_first`).
fn words_regex_bytes(words: &[String]) -> Result<Option<regex::bytes::Regex>, String> {
    if words.is_empty() {
        return Ok(None);
    }
    ascii_first(words_pattern(words)).map(|(_, r)| Some(r))
}

/// Rules of one kind of event (the strike rules) name it alike: their
/// `event:` is compiled once per process and shared.
fn compile_events(e: &EventSpec) -> Result<Arc<Events>, (&'static str, String)> {
    type Compiled = Vec<((Vec<String>, Vec<String>, Vec<String>), Arc<Events>)>;
    static COMPILED: std::sync::Mutex<Compiled> = std::sync::Mutex::new(Vec::new());
    let key = (e.named.clone(), e.unnamed.clone(), e.broad.clone());
    let cached = |c: &Compiled| c.iter().find(|(k, _)| *k == key).map(|(_, x)| Arc::clone(x));
    if let Some(x) = cached(&COMPILED.lock().unwrap_or_else(|p| p.into_inner())) {
        return Ok(x);
    }
    let x = Arc::new(compile_events_once(e)?);
    let mut all = COMPILED.lock().unwrap_or_else(|p| p.into_inner());
    if let Some(x) = cached(&all) {
        return Ok(x);
    }
    all.push((key, Arc::clone(&x)));
    Ok(x)
}

/// The field at fault and why, on error.
fn compile_events_once(e: &EventSpec) -> Result<Events, (&'static str, String)> {
    if e.named.is_empty() {
        return Err(("named", "at least one pattern is needed".into()));
    }
    let mut named = Vec::new();
    for (i, p) in e.named.iter().enumerate() {
        let r = words_regex_bytes(std::slice::from_ref(p)).map_err(|m| ("named", format!("named[{i}]: {m}")))?;
        let r = r.expect("one pattern");
        if !r.capture_names().any(|n| n == Some("event")) {
            return Err(("named", format!("named[{i}]: needs a group `(?P<event>...)` holding the event's name")));
        }
        named.push(r);
    }
    let unnamed = words_regex_bytes(&e.unnamed).map_err(|m| ("unnamed", m))?;
    let broad = e.broad.iter().map(|b| crate::extract::event::event_key(b)).collect();
    Ok(Events { named, unnamed, broad, spec: e.clone() })
}

fn compile_example(e: &ExampleSpec) -> Result<Example, String> {
    let published = match &e.published {
        Some(s) => Some(parse_date(s).ok_or_else(|| format!("published: `{s}` is not a date"))?),
        None => None,
    };
    let expect = match &e.expect {
        ExpectSpec::Nothing => Expectation::Nothing,
        ExpectSpec::Figure(FigureSpec { value, qualifier, kind, as_of, attribution, event }) => {
            let qualifier = match qualifier {
                Some(q) => Some(Qualifier::from_name(q).ok_or_else(|| {
                    let names: Vec<&str> = Qualifier::ALL.iter().map(|q| q.name()).collect();
                    format!("expect.qualifier: `{q}` is not one of {}", names.join(", "))
                })?),
                None => None,
            };
            let as_of = match as_of {
                Some(s) => Some(parse_date(s).ok_or_else(|| format!("expect.as_of: `{s}` is not a date"))?),
                None => None,
            };
            Expectation::Figure {
                value: *value,
                qualifier,
                kind: kind.clone(),
                as_of,
                attribution: attribution.clone(),
                event: event.clone(),
            }
        }
    };
    Ok(Example { text: e.text.clone(), expect, published })
}

/// Decode and compile one rule file.
pub fn load_rule(file: &str, src: &str, builtin: bool) -> Result<Rule, Vec<RuleError>> {
    let spec: RuleSpec = serde_yaml::from_str(src).map_err(|e| {
        let (line, message) = crate::error::yaml_error(&e);
        vec![RuleError { file: file.to_string(), line, field: None, message }]
    })?;
    compile(spec, file, src, builtin)
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = "id: t\nmetric: a.b\ndescription: d\nbehavior: fixed\npatterns:\n  - 'taking {q} hostages'\n";

    fn errors(src: &str) -> Vec<String> {
        load_rule("r.yaml", src, false).err().unwrap_or_default().iter().map(ToString::to_string).collect()
    }

    #[test]
    fn word_boundaries_become_ascii() {
        assert_eq!(ascii_boundaries(r"\bkill\B x\\b \d"), r"(?-u:\b)kill(?-u:\B) x\\b \d");
    }

    #[test]
    fn a_good_rule_compiles() {
        let r = load_rule("r.yaml", GOOD, false).unwrap();
        assert_eq!(r.patterns[0].kinds, ["cardinal"]);
        assert!(r.patterns[0].regex.is_match("taking \u{E000}0\u{E001} hostages".as_bytes()));
        assert!(r.patterns[0].regex.is_match("Taking \u{E000}12\u{E001} HOSTAGES".as_bytes()));
    }

    #[test]
    fn event_names_need_their_group() {
        let src = |named: &str| format!("{GOOD}event:\n  named: ['{named}']\n  unnamed: ['a strike']\n");
        assert_eq!(
            errors(&src("strike on (.+)")),
            ["r.yaml:8: event.named: named[0]: needs a group `(?P<event>...)` holding the event's name"]
        );
        assert_eq!(errors(&src("strike on (?P<event>[a-z")).len(), 1);
        let r = load_rule("r.yaml", &src("strike on (?P<event>.+)"), false).unwrap();
        let events = r.event.expect("events");
        assert_eq!(events.named.len(), 1);
        assert!(events.unnamed.as_ref().expect("unnamed").is_match(b"Then A STRIKE hit"));
        // Compiled once for rules that share it.
        let again = load_rule("s.yaml", &src("strike on (?P<event>.+)").replace("id: t", "id: s"), false).unwrap();
        assert!(Arc::ptr_eq(&events, &again.event.expect("events")));
    }

    #[test]
    fn unknown_keys_name_the_line() {
        let e = errors(&format!("{GOOD}colour: red\n"));
        assert_eq!(e.len(), 1);
        assert!(e[0].starts_with("r.yaml:7: unknown field `colour`, expected one of"), "{e:?}");
    }

    /// `{other}` reads past another figure, and `{q}` is still the one bound.
    #[test]
    fn other_figures_are_read_past() {
        let r = load_rule("r.yaml", &GOOD.replace("'taking {q} hostages'", "'{q} killed in the {other} month'"), false)
            .unwrap();
        let re = &r.patterns[0].regex;
        let text = "\u{E000}0\u{E001} killed in the \u{E000}1\u{E001} month";
        let caps = re.captures(text.as_bytes()).unwrap();
        assert_eq!(&caps["q"], b"0");
        assert!(!re.is_match("\u{E000}0\u{E001} killed in the first month".as_bytes()));
    }

    #[test]
    fn slots_are_checked() {
        let src =
            GOOD.replace("'taking {q} hostages'", "'taking hostages'\n  - '[{q}] x'\n  - '{q}+ x'\n  - '{q:cash} x'");
        let e = errors(&src);
        assert_eq!(
            e,
            [
                "r.yaml:6: patterns[0]: needs exactly one {q} slot, found 0",
                "r.yaml:7: patterns[1]: {q} is inside a character class",
                "r.yaml:8: patterns[2]: {q} cannot be followed by the quantifier `+`: a pattern binds exactly one figure",
                "r.yaml:9: patterns[3]: unknown quantity kind `cash` (expected one of cardinal, ordinal, money, percent, ratio, duration)",
            ]
        );
    }

    /// A variant needs a positive offset and the group it counts.
    #[test]
    fn variants_need_an_offset_and_a_group() {
        let ok = load_rule("r.yaml", &format!("{GOOD}variants:\n  - offset: 4\n    group: the four\n"), false).unwrap();
        assert_eq!(ok.variants.len(), 1);
        let e = errors(&format!("{GOOD}variants:\n  - offset: -4\n    group: the four\n"));
        assert_eq!(e, ["r.yaml:7: variants[0]: needs an `offset` above 0 and the `group` it counts (got offset -4)"]);
        let e = errors(&format!("{GOOD}variants:\n  - offset: 4\n"));
        assert!(e[0].contains("missing field `group`"), "{e:?}");
    }

    /// A lede can only supply `any` words; without them it is a mistake.
    #[test]
    fn a_lede_needs_words_to_look_for() {
        let e = errors(&(GOOD.to_string() + "context:\n  lede: true\n"));
        assert_eq!(e, ["r.yaml:8: context.lede: needs `any` words to look for"]);
        let e = errors(&(GOOD.to_string() + "context:\n  any: [Gaza]\n  lede_unless: [Lebanon]\n"));
        assert_eq!(e, ["r.yaml:9: context.lede_unless: applies only with `lede: true`"]);
        let r = load_rule("r.yaml", &(GOOD.to_string() + "context:\n  any: [Gaza]\n  lede: true\n"), false).unwrap();
        let c = &r.context;
        assert_eq!(c.check_text("12 hostages"), Some(ContextVerdict::MissingAny));
        assert_eq!(c.check_text_with_lede("12 hostages", "Strikes on Gaza City"), None);
        assert_eq!(c.check_text_with_lede("12 hostages", "Floods in the north"), Some(ContextVerdict::MissingAny));
        // A lede that names another front too places no figure.
        let src = GOOD.to_string() + "context:\n  any: [Gaza]\n  lede: true\n  lede_unless: [Lebanon]\n";
        let c = load_rule("r.yaml", &src, false).unwrap().context;
        assert_eq!(c.check_text_with_lede("12 hostages", "Strikes on Gaza City"), None);
        assert_eq!(
            c.check_text_with_lede("12 hostages", "Strikes in Lebanon as Gaza talks stall"),
            Some(ContextVerdict::MissingAny)
        );
    }

    /// `lede_none` words refuse the lede's words to a clause, and only the lede's.
    #[test]
    fn lede_none_words_apply_to_context_from_the_lede() {
        let e = errors(&(GOOD.to_string() + "context:\n  any: [Gaza]\n  lede_none: [attack]\n"));
        assert_eq!(e, ["r.yaml:9: context.lede_none: applies only with `lede: true`"]);
        let src = GOOD.to_string() + "context:\n  any: [Gaza]\n  lede: true\n  lede_none: [attack]\n";
        let c = load_rule("r.yaml", &src, false).unwrap().context;
        assert_eq!(c.check_clause("12 hostages taken in the attack", true), ContextVerdict::Forbidden("attack".into()));
        assert_eq!(c.check_clause("12 hostages taken in the attack", false), ContextVerdict::Ok);
        assert_eq!(c.check_clause("12 hostages taken", true), ContextVerdict::Ok);
    }

    /// Context words are matched over bytes: without Unicode where they
    /// allow it, with it where a class needs it (curly quotes); a byte
    /// class may stop inside a character, and the word is still named.
    #[test]
    fn context_words_match_over_bytes() {
        // Without Unicode a class reads one byte: the match ends inside "é".
        let ascii = build_words(&words_pattern(&["killed in Israel".into(), "[Tt]oll [^.;]".into()])).unwrap();
        assert!(ascii.is_match("1,200 people KILLED IN ISRAEL"));
        assert!(!ascii.is_match("skilled in Israel"));
        assert_eq!(ascii.find("the toll é rose").unwrap().as_str(), "toll \u{FFFD}");
        let unicode = build_words(&words_pattern(&["truce[”\"]".into()])).unwrap();
        assert_eq!(unicode.find("the “truce” held").unwrap().as_str(), "truce”");
        // The first of several words that match where the first match starts, as a regex reads them.
        let first = build_words(&words_pattern(&["toll".into(), "toll rose".into()])).unwrap();
        assert_eq!(first.find("the Toll rose").unwrap().as_str(), "Toll");
        // Errors read as a pattern's do.
        assert_eq!(build_words(&words_pattern(&["(toll".into()])).unwrap_err(), "invalid regex: unclosed group");
        let big = build_words(&words_pattern(&["(?:\\w{100}){1000}".into()])).unwrap_err();
        assert!(big.starts_with("regex too large: it compiles to more than 2048 KiB"), "{big}");
    }

    /// `sentence_none` words refuse a figure from anywhere in its sentence
    /// up to the end of its clause; a bad one is an error that names its key.
    #[test]
    fn sentence_none_words_see_the_sentence_up_to_the_clause() {
        let src = GOOD.to_string() + "context:\n  sentence_none: ['died of hunger']\n";
        let c = load_rule("r.yaml", &src, false).unwrap().context;
        assert_eq!(
            c.check_sentence("13 died of hunger, raising the toll to 361", false),
            Some(ContextVerdict::Forbidden("died of hunger (in the figure's sentence)".into()))
        );
        assert_eq!(c.check_sentence("13 died in strikes, raising the toll to 361", false), None);
        let e = errors(&(GOOD.to_string() + "context:\n  sentence_none: ['(hunger']\n"));
        assert_eq!(e.len(), 1, "{e:?}");
        assert!(e[0].starts_with("r.yaml:8: context.sentence_none: "), "{e:?}");
    }

    /// `parts_none` words are looked for in one part of a figure.
    #[test]
    fn parts_none_words_see_a_part() {
        let src = GOOD.to_string() + "context:\n  parts_none: ['Israelis']\n";
        let c = load_rule("r.yaml", &src, false).unwrap().context;
        assert_eq!(c.check_part("1,200 Israelis"), Some("Israelis".into()));
        assert_eq!(c.check_part("17,700 Gazans and "), None);
        let e = errors(&(GOOD.to_string() + "context:\n  parts_none: ['(Israel']\n"));
        assert_eq!(e.len(), 1, "{e:?}");
        assert!(e[0].starts_with("r.yaml:8: context.parts_none: "), "{e:?}");
    }

    #[test]
    fn bad_regexes_and_durations_are_errors() {
        let src = GOOD.replace("'taking {q} hostages'", "'taking ({q} hostages'") + "compiling: soon\n";
        let e = errors(&src);
        assert_eq!(e.len(), 3, "{e:?}");
        assert_eq!(e[0], "r.yaml:7: compiling: `soon` is not a duration such as `14 days`");
        assert_eq!(e[1], "r.yaml:7: compiling: needs an `event_date` to count from");
        assert_eq!(e[2], "r.yaml:6: patterns[0]: invalid regex: unclosed group");
    }

    #[test]
    fn a_metric_counts_from_its_since_else_its_event() {
        let rule = |src: &str| load_rule("r.yaml", src, false).expect("compiles");
        assert_eq!(rule(GOOD).counts_from(), None);
        let with_event = rule(&(GOOD.to_string() + "event_date: 2023-10-07\n"));
        assert_eq!(with_event.counts_from(), parse_date("2023-10-07"));
        let both = rule(&(GOOD.to_string() + "event_date: 2023-10-07\nsince: 2023-11-01\n"));
        assert_eq!(both.counts_from(), parse_date("2023-11-01"));
        assert_eq!(
            errors(&(GOOD.to_string() + "since: last year\n")),
            ["r.yaml:7: since: `last year` is not a date (YYYY-MM-DD)"]
        );
    }
}
