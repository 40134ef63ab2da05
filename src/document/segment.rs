//! Sentence segmentation that survives `U.S.`, `Oct. 7`, `Dr.`, `No. 2`,
//! decimals and quotes, and the role of each sentence: the document's
//! headline, a section heading, or body text.

use std::ops::Range;
use std::sync::LazyLock;

use serde::{Deserialize, Serialize};

use crate::quantity::text::MIN_WRAPPED_LINE;
use crate::substring::finder;

/// The place of a sentence in its document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// The document's title line.
    Headline,
    /// A section heading (`Close to 32,000 Killed`).
    Heading,
    Body,
}

/// One sentence: its byte span in the analysis text, role and paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    pub span: Range<usize>,
    pub role: Role,
    /// Index of the paragraph (sentences of one paragraph share it).
    pub paragraph: usize,
    /// In a list item: dated, like a table row, by the paragraph before its list.
    pub item: bool,
}

/// How lines group into paragraphs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// HTML text: every line is a paragraph (blocks are already lines).
    Lines,
    /// Markdown: lines join until a blank line; `#` lines are headings.
    Markdown,
    /// Plain text: a line is a paragraph unless it wraps one (`wraps_onto`),
    /// as wire copy hard-wrapped at seventy columns does.
    Text,
}

/// Whether `next` continues the paragraph whose last line is `line`: the
/// line is long enough to have been wrapped, stops mid-sentence (or at an
/// abbreviation such as `Oct.`), and `next` is not a list item or table row.
/// A figure alone on its line is a key figure's, and its label goes on in
/// lower case below it: "10,818" then "fatalities in Gaza".
fn wraps_onto(line: &str, next: &str) -> bool {
    let line = line.trim_end();
    if is_key_figure(line) && (next.starts_with(|c: char| c.is_ascii_lowercase()) || next.starts_with("Number of ")) {
        return true;
    }
    if line.len() < MIN_WRAPPED_LINE || is_table_row(next) {
        return false;
    }
    match line.chars().next_back() {
        // "since Oct." then "7. The ministry said": not a numbered item.
        Some('.') => abbreviation_before(line, line.len() - 1),
        Some(c) => !matches!(c, '!' | '?' | ':' | ';' | '"' | '”' | '’' | ')' | ']') && !is_list_item(next),
        None => false,
    }
}

/// A line that is one figure and nothing else: "10,818", "1.7m", "$2.1bn",
/// "85%", "Over 1.4 million".
fn is_key_figure(line: &str) -> bool {
    const QUALIFIERS: [&str; 10] = [
        "Over ",
        "More than ",
        "At least ",
        "About ",
        "Nearly ",
        "Almost ",
        "Around ",
        "Some ",
        "Up to ",
        "Fewer than ",
    ];
    const SCALES: [&str; 3] = [" million", " billion", " thousand"];
    let t = line.trim();
    let t = QUALIFIERS.iter().find_map(|q| t.strip_prefix(q)).unwrap_or(t);
    let t = SCALES.iter().find_map(|s| t.strip_suffix(s)).unwrap_or(t);
    let core = t.trim_start_matches(['$', '€', '£', '~']).trim_end_matches(['%', 'm', 'k', 'n', 'b']);
    !core.is_empty()
        && t.len() <= 16
        && core.starts_with(|c: char| c.is_ascii_digit())
        && core.ends_with(|c: char| c.is_ascii_digit())
        && core.bytes().all(|c| c.is_ascii_digit() || c == b',' || c == b'.')
}

/// `- item`, `* item`, `• item`, `1. item`, `2) item`.
fn is_list_item(line: &str) -> bool {
    without_list_marker(line).is_some()
}

/// The length of an ordered list's marker opening `line` ("12. ", "3) "),
/// with the number's value: a marker's number is no figure.
fn ordered_marker(line: &str) -> Option<(usize, u32)> {
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 9 {
        return None;
    }
    let rest = &line.as_bytes()[digits..];
    (matches!(rest.first(), Some(b'.' | b')')) && matches!(rest.get(1), Some(b' ' | b'\t')))
        .then(|| (digits + 2, line[..digits].parse().unwrap_or(0)))
}

/// A list item's text after its marker and the whitespace before it.
pub fn without_list_marker(line: &str) -> Option<&str> {
    let t = line.trim_start();
    if let Some(rest) = ["- ", "* ", "• "].iter().find_map(|m| t.strip_prefix(m)) {
        return Some(rest);
    }
    // A thread's post number: "2/ Killed", "3/7 The ministry".
    if let Some(len) = crate::quantity::text::post_number_len(t) {
        return Some(&t[len + 1..]);
    }
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    (digits > 0).then(|| t[digits..].strip_prefix(". ").or_else(|| t[digits..].strip_prefix(") "))).flatten()
}

/// Words that end with a dot without ending the sentence. A `match`, not a
/// list searched in turn: it runs at every period, and comparing the word
/// with each entry was a fifth of segmentation.
fn is_abbreviation(word: &str) -> bool {
    matches!(
        word,
        "Mr" | "Mrs"
            | "Ms"
            | "Dr"
            | "Prof"
            | "Sen"
            | "Rep"
            | "Gov"
            | "Gen"
            | "Lt"
            | "Col"
            | "Capt"
            | "Sgt"
            | "St"
            | "Jr"
            | "Sr"
            | "No"
            | "Nos"
            | "Nr"
            | "Nrs"
            | "vs"
            | "c"
            | "ca"
            | "Inc"
            | "Ltd"
            | "Co"
            | "Corp"
            | "Jan"
            | "Feb"
            | "Mar"
            | "Apr"
            | "Jun"
            | "Jul"
            | "Aug"
            | "Sep"
            | "Sept"
            | "Oct"
            | "Nov"
            | "Dec"
            | "approx"
            | "est"
            | "Fig"
            | "Vol"
            | "Ave"
            | "Blvd"
            | "Mt"
            | "Ft"
            | "Messrs"
    )
}

fn is_closing(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | ')' | ']' | '»')
}

fn is_opening(c: char) -> bool {
    matches!(c, '"' | '\'' | '“' | '‘' | '(' | '[' | '«')
}

/// Whether the `.` at `dot` ends an abbreviation or an initial.
fn abbreviation_before(text: &str, dot: usize) -> bool {
    let before = &text[..dot];
    let word_start = before
        .char_indices()
        .rev()
        .find(|(_, c)| !(c.is_ascii_alphabetic() || *c == '.'))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let word = &before[word_start..];
    if word.is_empty() {
        return false;
    }
    // U.S., D.C., a.m., e.g.: dotted forms; J. (an initial).
    if word.contains('.') || (word.len() == 1 && word.as_bytes()[0].is_ascii_uppercase()) {
        return true;
    }
    is_abbreviation(word)
}

/// Split one paragraph `[start, end)` into sentence spans. Only the
/// sentence marks are visited; the text between them is skipped.
fn split_paragraph(text: &str, start: usize, end: usize, out: &mut Vec<Range<usize>>) {
    let para = &text[start..end];
    // A ticker's "Killed: 34,844 | Wounded: 78,404": each item a sentence
    // of its own; a table row (it opens with a bar) stays whole.
    if memchr::memchr(b'|', para.as_bytes()).is_some() && !para.trim_start().starts_with('|') {
        let mut from = 0;
        for (at, _) in para.match_indices(" | ") {
            split_marks(text, start + from, start + at, out);
            from = at + " | ".len();
        }
        split_marks(text, start + from, end, out);
        return;
    }
    split_marks(text, start, end, out);
}

/// Split `[start, end)` into sentence spans at its sentence marks.
fn split_marks(text: &str, start: usize, end: usize, out: &mut Vec<Range<usize>>) {
    let para = &text[start..end];
    let mut s = 0;
    let mut from = 0;
    while let Some(off) = memchr::memchr3(b'.', b'!', b'?', &para.as_bytes()[from..]) {
        let pos = from + off;
        let c = para.as_bytes()[pos] as char;
        // Swallow repeated marks and closing quotes: `?”`, `...`.
        let mut j = pos + 1;
        while let Some(n) = para[j..].chars().next()
            && (matches!(n, '.' | '!' | '?') || is_closing(n))
        {
            j += n.len_utf8();
        }
        let rest = &para[j..];
        let boundary = match rest.chars().next() {
            None => true,
            Some(w) if w.is_whitespace() => match rest.trim_start().chars().next() {
                None => true,
                Some(n) => n.is_uppercase() || n.is_ascii_digit() || is_opening(n),
            },
            _ => false,
        };
        if boundary && !(c == '.' && abbreviation_before(para, pos)) {
            push_trimmed(text, start + s, start + j, out);
            s = j;
        }
        from = j;
    }
    push_trimmed(text, start + s, end, out);
}

fn push_trimmed(text: &str, s: usize, e: usize, out: &mut Vec<Range<usize>>) {
    let slice = &text[s..e];
    let lead = slice.len() - slice.trim_start().len();
    let trail = slice.len() - slice.trim_end().len();
    if lead + trail < slice.len() {
        out.push(s + lead..e - trail);
    }
}

/// Normalise for comparing a title with a line: lower case, plain quotes,
/// single spaces; into `out`, as the first lines of every document are
/// compared with its title.
fn normalise_into(s: &str, out: &mut String) {
    out.clear();
    // Only a capital sigma lowers differently in context (word-final ς).
    if s.contains('Σ') {
        let s: String = s.chars().map(|c| if matches!(c, '’' | '‘') { '\'' } else { c }).collect();
        out.push_str(&s.to_lowercase().split_whitespace().collect::<Vec<_>>().join(" "));
        return;
    }
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        for c in w.chars() {
            match c {
                '’' | '‘' => out.push('\''),
                c if c.is_ascii() => out.push(c.to_ascii_lowercase()),
                c => out.extend(c.to_lowercase()),
            }
        }
    }
}

fn normalise(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    normalise_into(s, &mut out);
    out
}

/// A line that stops where no headline does, after a comma or a word that
/// needs more ("… killed six people on Tuesday, including"): the first line
/// of a wrapped paragraph that happens to hold the title's words.
fn ends_mid_sentence(line: &str) -> bool {
    const NEEDS_MORE: [&str; 18] = [
        "a",
        "an",
        "the",
        "and",
        "or",
        "of",
        "to",
        "in",
        "on",
        "at",
        "by",
        "for",
        "from",
        "with",
        "as",
        "that",
        "including",
        "which",
    ];
    let t = line.trim_end();
    t.ends_with([',', ';']) || t.rsplit(' ').next().is_some_and(|w| NEEDS_MORE.contains(&w))
}

/// A short line in title case without closing punctuation: a heading.
fn looks_like_heading(line: &str) -> bool {
    let t = line.trim();
    // A key figure over its label ("Over 1.4 million") is no heading; a year may be.
    let year = t.len() == 4 && t.bytes().all(|b| b.is_ascii_digit());
    if t.is_empty() || t.ends_with(['.', '!', '?', ':', ';', ',', '"', '”']) || is_key_figure(t) && !year {
        return false;
    }
    // One pass that gives up past twelve words: body lines are long.
    let (mut words, mut capitalised, mut long_words) = (0, 0, 0);
    for w in t.split_whitespace() {
        words += 1;
        if words > 12 {
            return false;
        }
        capitalised += usize::from(w.chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit()));
        long_words += usize::from(w.len() > 3);
    }
    capitalised * 2 >= long_words.max(1).max(words.min(2)) && capitalised * 3 >= words * 2
}

/// Segment a document's analysis text.
///
/// `headings` are heading spans already known (HTML `h1`–`h6`, level 1 the
/// headline); `title` is the document's title from its metadata, used to
/// find the headline line in plain text.
/// Longer runs without a sentence end are not prose (a table, a list, a
/// dump) and are cut, at a space where there is one, so that work per
/// figure, which reads its sentence, stays bounded.
pub const MAX_SENTENCE: usize = 2048;
/// A paragraph longer than this starts a new one for context and dates.
pub const MAX_PARAGRAPH: usize = 16 * 1024;

/// `span` in pieces of at most `max` bytes, cut at whitespace when possible.
fn cut(text: &str, span: Range<usize>, max: usize) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut rest = span;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        if rest.len() <= max {
            let piece = rest.clone();
            rest = rest.end..rest.end;
            return Some(piece);
        }
        let mut limit = rest.start + max;
        while !text.is_char_boundary(limit) {
            limit -= 1;
        }
        let window = &text[rest.start..limit];
        let at = window.rfind(char::is_whitespace).filter(|&i| i > max / 2).map_or(limit, |i| rest.start + i);
        let piece = rest.start..at;
        let next = text[at..rest.end].find(|c: char| !c.is_whitespace()).map_or(rest.end, |i| at + i);
        rest = next..rest.end;
        Some(piece)
    })
}

/// `text.split_inclusive('\n')`, with the line breaks found by a vectorised
/// search: the standard one reads a word at a time.
fn lines_inclusive(text: &str) -> impl Iterator<Item = &str> {
    let mut start = 0;
    memchr::memchr_iter(b'\n', text.as_bytes()).map(Some).chain([None]).filter_map(move |nl| {
        let end = nl.map_or(text.len(), |i| i + 1);
        let line = &text[start..end];
        start = end;
        (!line.is_empty()).then_some(line)
    })
}

pub fn segment(
    text: &str,
    layout: Layout,
    headings: &[(Range<usize>, u8)],
    items: &[usize],
    title: Option<&str>,
) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut paragraph = 0;
    let mut spans = Vec::new();
    let mut headline_seen = false;
    let wanted_title = title.map(normalise).filter(|t| !t.is_empty());
    let mut line_key = String::new();
    let mut line_no = 0;
    let mut pending_para: Option<Range<usize>> = None;
    // The last line of `pending_para`, which a plain-text line may continue.
    let mut pending_line = 0..0;
    let mut pending_item = false;

    let mut flush = |range: Range<usize>, role: Role, item: bool, out: &mut Vec<Sentence>, paragraph: &mut usize| {
        spans.clear();
        if role == Role::Body {
            split_paragraph(text, range.start, range.end, &mut spans);
        } else {
            push_trimmed(text, range.start, range.end, &mut spans);
        }
        let mut paragraph_start = range.start;
        for s in spans.drain(..) {
            for piece in cut(text, s, MAX_SENTENCE) {
                // Work per figure looks back over its paragraph: keep that bounded too.
                if piece.start - paragraph_start > MAX_PARAGRAPH {
                    *paragraph += 1;
                    paragraph_start = piece.start;
                }
                out.push(Sentence { span: piece, role, paragraph: *paragraph, item });
            }
        }
        *paragraph += 1;
    };

    let mut pos = 0;
    for raw in lines_inclusive(text) {
        let line_start = pos;
        pos += raw.len();
        let line = raw.trim_end_matches(['\n', '\r']);
        let line_end = line_start + line.len();
        let trimmed = line.trim();
        line_no += 1;
        if trimmed.is_empty() {
            if let Some(p) = pending_para.take() {
                flush(p, Role::Body, pending_item, &mut out, &mut paragraph);
            }
            continue;
        }
        // A list item: its marker, blanked in Markdown, was found before (`items`).
        let first_item = items.partition_point(|&o| o < line_start);
        let listed = items.get(first_item).is_some_and(|&o| o <= line_end) || is_list_item(trimmed);
        // Role of a line standing alone.
        let html_heading =
            headings.iter().find(|(r, _)| r.start >= line_start && r.start < line_end.max(line_start + 1));
        let md_heading = layout == Layout::Markdown && trimmed.starts_with('#');
        let continues = layout == Layout::Text
            && pending_para.is_some()
            && html_heading.is_none()
            && wraps_onto(&text[pending_line.clone()], trimmed);
        // "since Oct." then "7. The ministry said": a wrapped line, not an item.
        // In Markdown only "1." opens a list inside a paragraph: "the toll
        // reached" then "500. The next day" goes on with it.
        let ordered = ordered_marker(trimmed);
        let wraps_in_markdown = layout == Layout::Markdown
            && pending_para.is_some()
            && !pending_item
            && ordered.is_some_and(|(_, n)| n != 1)
            && items.get(first_item).is_none_or(|&o| o > line_end);
        let item = listed && !continues && !wraps_in_markdown;
        let mut role = Role::Body;
        let mut span = line_start..line_end;
        if continues {
            // A wrapped line's continuation is body text, whatever its words.
        } else if let Some((_, level)) = html_heading {
            role = if *level == 1 && !headline_seen { Role::Headline } else { Role::Heading };
        } else if md_heading {
            let hashes = trimmed.chars().take_while(|c| *c == '#').count();
            let lead = line.len() - line.trim_start().len();
            span = line_start + lead + hashes..line_end;
            role = if hashes == 1 && !headline_seen { Role::Headline } else { Role::Heading };
        } else if layout != Layout::Markdown || pending_para.is_none() {
            let is_title = !headline_seen
                && line_no <= 20
                && wanted_title.as_ref().is_some_and(|t| {
                    normalise_into(trimmed, &mut line_key);
                    let l = &line_key;
                    l == t
                        || (!ends_mid_sentence(trimmed)
                            && (l.starts_with(t.as_str()) || (t.len() > 20 && l.contains(t.as_str()))))
                });
            let first_line_title = !headline_seen
                && wanted_title.is_none()
                && out.is_empty()
                && pending_para.is_none()
                && looks_like_heading(trimmed);
            // Plain text's first line, in sentence case, standing alone
            // before a blank line and ending in no stop: a headline ("Death
            // toll in Gaza passes 15,000, says health ministry").
            let sentence_case_headline = layout == Layout::Text
                && !headline_seen
                && wanted_title.is_none()
                && out.is_empty()
                && pending_para.is_none()
                && !ends_mid_sentence(trimmed)
                && !trimmed.ends_with(['.', '!', '?', ':', ';', ',', '"', '”'])
                && (3..=20).contains(&trimmed.split_whitespace().count())
                && trimmed.starts_with(char::is_uppercase)
                && text[pos..].lines().next().is_some_and(|next| next.trim().is_empty());
            if is_title || first_line_title || sentence_case_headline {
                role = Role::Headline;
            } else if looks_like_heading(trimmed) && trimmed.split_whitespace().count() >= 2 {
                role = Role::Heading;
            }
        }
        // A plain-text bulletin's aligned row, "Killed          33,207": a record.
        let aligned = layout == Layout::Text && !continues && aligned_label(trimmed).is_some();
        if role != Role::Body && html_heading.is_none() && !md_heading && (is_table_row(trimmed) || item || aligned) {
            role = Role::Body;
        }
        if role == Role::Headline {
            headline_seen = true;
        }
        match (layout, role) {
            // A table row is a sentence of its own: rows are records, not prose.
            (Layout::Markdown | Layout::Text, Role::Body) if is_table_row(trimmed) || aligned => {
                if let Some(p) = pending_para.take() {
                    flush(p, Role::Body, pending_item, &mut out, &mut paragraph);
                }
                out.push(Sentence {
                    span: line_start + (line.len() - line.trim_start().len())..line_end,
                    role,
                    paragraph,
                    item: aligned,
                });
                paragraph += 1;
            }
            (Layout::Markdown | Layout::Text, Role::Body) => {
                // Markdown: soft-wrapped lines join one paragraph, which a list
                // item ends, and so does a block of label lines ("Killed in
                // Gaza: 33,137" over "People killed in Israel: about 1,200");
                // plain text: only a line that wraps its paragraph joins.
                let joins = if layout == Layout::Markdown {
                    let records =
                        pending_para.is_some() && is_label_line(trimmed) && is_label_line(&text[pending_line.clone()]);
                    !item && !records
                } else {
                    continues
                };
                pending_para = Some(match pending_para.take() {
                    Some(p) if joins => p.start..line_end,
                    other => {
                        if let Some(p) = other {
                            flush(p, Role::Body, pending_item, &mut out, &mut paragraph);
                        }
                        pending_item = item;
                        // An item's number is not of its sentence.
                        match ordered.filter(|_| item) {
                            Some((len, _)) => line_start + (line.len() - line.trim_start().len()) + len..line_end,
                            None => line_start..line_end,
                        }
                    }
                });
                pending_line = line_start..line_end;
            }
            _ => {
                if let Some(p) = pending_para.take() {
                    flush(p, Role::Body, pending_item, &mut out, &mut paragraph);
                }
                flush(span, role, item, &mut out, &mut paragraph);
            }
        }
    }
    if let Some(p) = pending_para.take() {
        flush(p, Role::Body, pending_item, &mut out, &mut paragraph);
    }
    out
}

/// Whether `line` gives one figure under a label: "Killed: 34,789",
/// "- Wounded — about 78,000". Read by hand: a regex for it cost more to
/// build than every line it reads.
pub fn is_label_line(line: &str) -> bool {
    let line = line.trim_start();
    let line = line.trim_start_matches(|c: char| !c.is_alphanumeric());
    // No colon or dash (an em or en dash opens with 0xE2) in the label's reach: no label.
    if !line.starts_with(|c: char| c.is_ascii_uppercase())
        || memchr::memchr2(b':', 0xE2, &line.as_bytes()[..line.len().min(240)]).is_none()
    {
        return false;
    }
    let Some((at, sep)) = line.char_indices().take(60).find(|&(_, c)| matches!(c, ':' | '—' | '–')) else {
        return false;
    };
    let label = &line[..at];
    if sep != ':' && !label.ends_with(' ') || !label.chars().all(|c| c.is_alphabetic() || " ()'’-".contains(c)) {
        return false;
    }
    // At most two words ("about", "more than") before the figure.
    let mut words =
        line[at + sep.len_utf8()..].split_whitespace().filter(|w| !w.chars().all(|c| matches!(c, '*' | '_')));
    words
        .by_ref()
        .take(3)
        .find(|w| !w.chars().all(char::is_alphabetic))
        .is_some_and(|w| w.trim_start_matches(['~', '≈', '*', '_']).starts_with(|c: char| c.is_ascii_digit()))
}

/// The length of the label of an aligned row of plain text, a label of a
/// few words, a gap of two spaces or more (or a tab), then a figure:
/// "Killed          33,207". Prose has no such gap before a number.
pub fn aligned_label(line: &str) -> Option<usize> {
    let line = line.trim();
    let gap = line.find("  ").into_iter().chain(line.find('\t')).min()?;
    let (label, rest) = (&line[..gap], line[gap..].trim_start());
    let words = label.split_whitespace().count();
    let figure = rest.starts_with(|c: char| c.is_ascii_digit() || c == '~')
        && !rest.contains("  ")
        && !rest.contains('\t')
        && rest.split_whitespace().count() <= 2
        && !rest.ends_with(['.', '!', '?']);
    ((1..=5).contains(&words)
        && label.starts_with(|c: char| c.is_uppercase())
        && label.chars().all(|c| c.is_alphabetic() || matches!(c, ' ' | '-' | '\'' | '’' | '(' | ')'))
        && figure)
        .then_some(gap)
}

/// A Markdown table row: `| label | 33,360 | source |`.
pub fn is_table_row(line: &str) -> bool {
    let line = line.trim();
    line.len() > 2 && line.starts_with('|') && line[1..].contains('|')
}

/// Where one clause ends and the next begins: `;`, a spaced dash, a
/// comma before a contrasting conjunction or before "and his", or a relative clause of a
/// share ("252 hostages, 128 of whom remain"). One pass over the sentence, by
/// a vectorised literal searcher: as a regex (or an automaton), the
/// one-byte `;` left it stepping a byte at a time.
static CLAUSE_BREAK: LazyLock<aho_corasick::packed::Searcher> = LazyLock::new(|| {
    aho_corasick::packed::Config::new()
        .match_kind(aho_corasick::packed::MatchKind::LeftmostFirst)
        // The one-byte ";" gives a one-byte mask, which the searcher's own
        // limits refuse beyond 16 words; every word after the first starts
        // with a byte already there (a comma or a space).
        .heuristic_pattern_limits(false)
        .builder()
        .extend([
            ";",
            " — ",
            " – ",
            " -- ",
            ", while ",
            ", whereas ",
            ", but ",
            ", although ",
            // "on his ninth trip since the war began, and his 12th as
            // secretary of state": a second count with words of its own.
            ", and his ",
            ", and her ",
            // "14,000 children have been killed, and dozens have died of
            // malnutrition": a second count, when a figure opens it
            // (`FIGURE_OPENERS`).
            ", and ",
            // "The toll has passed 50,000, as 400 people died in airstrikes
            // last week": a second count, when a figure opens it.
            ", as ",
            // "…, since the attack of October 7, in which about 1,200 were
            // killed": the other event's count, when a figure opens it.
            ", in which ",
            ", during which ",
            // "82 deaths in the past 24 hours, bringing the toll to 35,173",
            // "…, which brings the total to": the day's words are not the total's.
            ", bringing ",
            ", taking ",
            ", raising ",
            ", which brings ",
            ", which brought ",
            // "60 deaths in a day, the ministry said, adding that 80,000
            // people have been wounded": a second statement.
            ", adding that ",
            ", adding ",
            // "90 deaths in two days, by ministry figures, which also list
            // 90,000 wounded": another count.
            ", which also ",
            // "Children have died of malnutrition, the ministry said as its
            // overall toll neared 30,000": the toll's words are its own.
            // (`TOLL_AFTER_AS`).
            " as its ",
            " as the ",
            // "1.7 million have been displaced, including nearly 880,000
            // inside UNRWA shelters", "…, with 629,000 people living in
            // 150 shelters": the part's words are not the whole's (but the
            // whole's are the part's: `ends_only`).
            ", including ",
            ", with ",
            // "killed more than 22,800, ten times the toll of 2014": a
            // comparison's words are not the figure's (`comparison_from`).
            " times the ",
            ", twice the ",
            ", double the ",
            " of whom ",
            " of which ",
            // "136 remain in Gaza, of the 240 people taken": the whole the
            // part is of, when one of `WHOLE_OPENERS` follows.
            ", of ",
        ])
        .build()
        .expect("clause breaks")
});

/// What " as its " or " as the " must open to break a clause: a toll
/// of its own ("…, the ministry said as its overall toll neared 30,000").
const TOLL_AFTER_AS: [&str; 4] = ["overall toll", "death toll", "toll ", "total toll"];

/// Where the comparison whose " times the " is at `times` opens: the comma
/// before a multiple of a word or two ("ten", "nearly three", "10").
fn comparison_from(sentence: &str, times: usize) -> Option<usize> {
    let before = &sentence[..times];
    let comma = before.rfind(", ")?;
    let words = &before[comma + 2..];
    let multiple = words.split(' ').count() <= 2
        && words.rsplit(' ').next().is_some_and(|w| {
            w.bytes().all(|b| b.is_ascii_digit() || b == b'.')
                || matches!(w, "two" | "three" | "four" | "five" | "six" | "seven" | "eight" | "nine" | "ten" | "many")
        });
    multiple.then_some(comma)
}

/// What opens a second count after ", and " (see `CLAUSE_BREAK`), besides a digit.
/// What opens a second statement's toll: "…, adding the death toll has risen to 51,201".
const TOLL_OPENERS: [&str; 5] = ["the death toll", "the toll", "the total", "the overall", "the number of"];

/// Whether `after` opens on one of `TOLL_OPENERS`, as a whole word.
fn opens_on_toll(after: &str) -> bool {
    TOLL_OPENERS
        .iter()
        .any(|w| after.strip_prefix(w).is_some_and(|rest| !rest.starts_with(|c: char| c.is_alphanumeric() || c == '_')))
}

const FIGURE_OPENERS: [&str; 9] =
    ["dozens ", "hundreds ", "thousands ", "at least ", "more than ", "nearly ", "about ", "some ", "another "];

/// Whether `after` (what follows ", with ") opens on other attacks than
/// the clause before: "more strikes", "further air strikes", "other raids".
fn other_attacks(after: &str) -> bool {
    let Some(rest) = ["more ", "further ", "other ", "separate ", "fresh "].iter().find_map(|w| after.strip_prefix(w))
    else {
        return false;
    };
    let rest = rest.strip_prefix("Israeli ").unwrap_or(rest);
    ["strikes", "air strikes", "airstrikes", "attacks", "raids", "bombardments", "shelling"]
        .iter()
        .any(|w| rest.starts_with(w) && !rest[w.len()..].starts_with(|c: char| c.is_alphanumeric()))
}

/// What opens the whole after ", of " (see `CLAUSE_BREAK`).
const WHOLE_OPENERS: [&str; 6] = ["the ", "about ", "around ", "roughly ", "some ", "an estimated "];

/// Where a sentence breaks into clauses: found once for all its figures,
/// then the clause holding each figure looked up (`at`).
#[derive(Debug, Clone)]
pub struct Clauses {
    breaks: Vec<Range<usize>>,
    /// Where ", and " breaks before a figure, or a running total follows
    /// (", bringing the toll to"): a clause of its own for context words,
    /// but no new speaker ("the ministry said 34,000 were killed, and
    /// 77,000 wounded").
    context_only: Vec<usize>,
    /// Where ", including " ends the clause of a figure before it, while a
    /// figure after it keeps the clause before as its own: "killed 30,
    /// including 12 children in a strike on a school" reads the whole's
    /// words for the children, not the children's for the whole.
    ends_only: Vec<usize>,
    len: usize,
}

impl Clauses {
    pub fn of(sentence: &str) -> Clauses {
        // "says 1,200 were killed on Oct. 7 and that 300 soldiers have died
        // in Gaza": a reporting verb's second clause. Looked for apart (the
        // packed searcher, with its default limits, takes no more words),
        // and the two scans merged leftmost first, as one alternation.
        let and_that_from = |pos: usize| finder!(" and that ").find(&sentence.as_bytes()[pos..]).map(|i| pos + i);
        let mut breaks: Vec<Range<usize>> = Vec::new();
        let mut context_only = Vec::new();
        let mut ends_only = Vec::new();
        let mut pos = 0;
        let mut and_that = and_that_from(0);
        while pos < sentence.len() {
            if and_that.is_some_and(|at| at < pos) {
                and_that = and_that_from(pos);
            }
            let listed = CLAUSE_BREAK.find_in(sentence, aho_corasick::Span::from(pos..sentence.len()));
            let next = match (listed, and_that) {
                (Some(m), Some(at)) if at < m.start() => at..at + " and that ".len(),
                (None, Some(at)) => at..at + " and that ".len(),
                (Some(m), _) => m.range(),
                (None, None) => break,
            };
            let word = &sentence[next.clone()];
            if (word == " as its " || word == " as the ")
                && !TOLL_AFTER_AS.iter().any(|t| sentence[next.end..].starts_with(t))
            {
                pos = next.start + 1;
                continue;
            }
            // "adding that thousands more had been injured" goes on with
            // the words before it ("13,000 children have been killed"):
            // only a count in digits, or a toll ("adding the death toll
            // has risen to 51,201"), is a statement of its own.
            if (word == ", adding that " || word == ", adding ")
                && !sentence[next.end..].starts_with(|c: char| c.is_ascii_digit())
                && !opens_on_toll(&sentence[next.end..])
            {
                pos = next.start + 1;
                continue;
            }
            if matches!(word, ", and " | ", as " | ", in which " | ", during which ") {
                let after = &sentence[next.end..];
                if !(after.starts_with(|c: char| c.is_ascii_digit())
                    || FIGURE_OPENERS.iter().any(|w| after.starts_with(w)))
                {
                    pos = next.start + 1;
                    continue;
                }
            }
            // A comparison's clause opens at the comma before its multiple.
            let next = if word == " times the " {
                let after_last = breaks.last().map_or(0, |b| b.end);
                match comparison_from(sentence, next.start).filter(|&comma| comma >= after_last) {
                    Some(comma) => comma..next.end,
                    None => {
                        pos = next.start + 1;
                        continue;
                    }
                }
            } else {
                next
            };
            if matches!(
                word,
                ", and "
                    | ", bringing "
                    | ", taking "
                    | ", raising "
                    | ", which brings "
                    | ", which brought "
                    | ", adding that "
                    | ", adding "
                    | " as its "
                    | " as the "
                    | " times the "
                    | ", twice the "
                    | ", double the "
            ) {
                context_only.push(next.start);
            }
            // "killed 11 in a strike on a house, with more strikes overnight
            // leaving 10 dead": other attacks, a clause of their own.
            if word == ", with " && other_attacks(&sentence[next.end..]) {
                pos = next.end;
                breaks.push(next);
                continue;
            }
            if word == ", including " || word == ", with " {
                // Only a part that is a figure and runs to the sentence's
                // end: "around 30 injured, including nine children needing
                // amputations, as a result of a bombing" goes on with the whole's words.
                let after = &sentence[next.end..];
                let figure = after.starts_with(|c: char| c.is_ascii_digit())
                    || FIGURE_OPENERS.iter().any(|w| after.starts_with(w));
                if !figure || after.contains(", ") {
                    pos = next.start + 1;
                    continue;
                }
                context_only.push(next.start);
                ends_only.push(next.start);
            }
            if word == ", of " {
                // "of about 250": the qualifier is the figure's own; "the" is not.
                match WHOLE_OPENERS.iter().find(|w| sentence[next.end..].starts_with(**w)) {
                    Some(&"the ") => breaks.push(next.start..next.end + "the ".len()),
                    Some(_) => breaks.push(next.clone()),
                    // ", of course": no whole; look on from the comma's next byte.
                    None => {
                        pos = next.start + 1;
                        continue;
                    }
                }
                pos = breaks.last().expect("pushed").end;
                continue;
            }
            pos = next.end;
            breaks.push(next);
        }
        // "Of the roughly 250 hostages taken, about 130 remain": the whole,
        // then the part; also after "that" ("Israel says that of the …, …").
        const WHOLES: [&str; 6] = ["Of the ", "Of those ", "Of these ", "Of some ", "Of about ", "Of an estimated "];
        // A quote may open it: "“Of the more than 250 people that Hamas kidnapped, …".
        let opening = sentence.trim_start().trim_start_matches(['“', '"', '‘', '\'']);
        let whole = if WHOLES.iter().any(|o| opening.starts_with(o)) {
            Some(0)
        } else {
            sentence.find(" that of ").filter(|&at| WHOLES.iter().any(|o| sentence[at + 9..].starts_with(&o[3..])))
        };
        if let Some(from) = whole
            && let Some(comma) = sentence[from..].find(", ").map(|c| from + c)
        {
            let at = breaks.partition_point(|b| b.start < comma);
            if breaks.get(at).is_none_or(|b| b.start != comma) && (from > 0 || at == 0) {
                breaks.insert(at, comma..comma + 2);
            }
        }
        Clauses { breaks, context_only, ends_only, len: sentence.len() }
    }

    /// The clause holding `pos` as a speaker's words run: `at` without the
    /// breaks for context only.
    pub fn spoken_at(&self, pos: usize) -> Range<usize> {
        self.between(pos, self.breaks.iter().filter(|b| !self.context_only.contains(&b.start)))
    }

    /// The byte range of the clause holding offset `pos`.
    pub fn at(&self, pos: usize) -> Range<usize> {
        self.between(pos, self.breaks.iter())
    }

    /// The clause holding `pos` between the nearest of `breaks` (in order).
    fn between<'b>(&self, pos: usize, breaks: impl Iterator<Item = &'b Range<usize>>) -> Range<usize> {
        let mut start = 0;
        let mut end = self.len;
        for m in breaks {
            if m.end <= pos {
                if !self.ends_only.contains(&m.start) {
                    start = m.end;
                }
            } else if m.start >= pos {
                end = m.start;
                break;
            }
        }
        start..end.max(start)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn clause_of(sentence: &str, pos: usize) -> Range<usize> {
        Clauses::of(sentence).at(pos)
    }

    #[test]
    fn a_part_after_including_or_with_ends_the_whole_s_clause_only() {
        let s = "UNRWA said 1.7 million people have been displaced, including nearly 880,000 inside UNRWA shelters.";
        assert_eq!(&s[clause_of(s, s.find("1.7").unwrap())], "UNRWA said 1.7 million people have been displaced");
        assert_eq!(clause_of(s, s.find("880,000").unwrap()), 0..s.len());
        let s = "The ministry put the number at about 1.4 million, with 629,000 people living in 150 shelters.";
        assert_eq!(&s[clause_of(s, s.find("1.4").unwrap())], "The ministry put the number at about 1.4 million");
        // A part the sentence goes on after is an aside of the whole's clause.
        let s = "There were around 30 injured, including nine children needing amputations, as a result of a bombing.";
        assert_eq!(clause_of(s, s.find("30").unwrap()), 0..s.len());
        let s = "At least six civilians, including children, were killed in a strike on a home.";
        assert_eq!(clause_of(s, s.find("six").unwrap()), 0..s.len());
    }

    #[test]
    fn other_attacks_after_with_are_a_clause_of_their_own() {
        let s = "A strike on a house killed at least 11 people, with more strikes overnight leaving at least 10 dead.";
        assert_eq!(&s[clause_of(s, s.find("11").unwrap())], "A strike on a house killed at least 11 people");
        assert_eq!(&s[clause_of(s, s.find("10").unwrap())], "more strikes overnight leaving at least 10 dead.");
        let s = "Strikes killed 20 people, with further Israeli air strikes reported in Rafah.";
        assert_eq!(&s[clause_of(s, s.find("20").unwrap())], "Strikes killed 20 people");
        // Not other attacks: one clause, as before.
        let s = "A strike killed 11 people, with more strikers in the area.";
        assert_eq!(clause_of(s, s.find("11").unwrap()), 0..s.len());
    }

    #[test]
    fn list_markers_include_a_thread_s_post_numbers() {
        assert_eq!(without_list_marker("2/ Killed: 33,175"), Some("Killed: 33,175"));
        assert_eq!(without_list_marker("3/7 The ministry says"), Some("The ministry says"));
        assert_eq!(without_list_marker("12. Hostages"), Some("Hostages"));
        assert_eq!(without_list_marker("24/7 coverage"), None);
        assert_eq!(without_list_marker("2/3 of the dead"), None);
    }

    /// A numbered item's sentence starts after its number; in Markdown a
    /// number other than 1 inside a paragraph goes on with it.
    #[test]
    fn an_ordered_item_s_number_is_left_out_of_its_sentence() {
        let text = "1. On 7 October 2023, 1,200 were killed.\n\n12. The Prosecutor submits that 128 remain.\n\nThe toll reached\n500. The next day it rose.\n";
        let para = |layout| {
            segment(text, layout, &[], &[], None)
                .iter()
                .map(|s| (text[s.span.clone()].trim().to_string(), s.paragraph, s.item))
                .collect::<Vec<_>>()
        };
        let item = |t: &str, p| (t.to_string(), p, true);
        let prose = |t: &str, p| (t.to_string(), p, false);
        assert_eq!(
            para(Layout::Markdown),
            [
                item("On 7 October 2023, 1,200 were killed.", 0),
                item("The Prosecutor submits that 128 remain.", 1),
                prose("The toll reached\n500.", 2),
                prose("The next day it rose.", 2),
            ]
        );
        assert_eq!(para(Layout::Text)[..2], para(Layout::Markdown)[..2]);
        assert_eq!(ordered_marker("3) Hostages"), Some((3, 3)));
        assert_eq!(ordered_marker("2024.5 percent"), None);
    }

    /// A plain-text bulletin's aligned rows are records of their own;
    /// prose with a double space before a number is not.
    #[test]
    fn an_aligned_row_is_a_record() {
        assert_eq!(aligned_label("Killed          33,207"), Some(6));
        assert_eq!(aligned_label("Women and children\t~20,000"), Some(18));
        assert_eq!(aligned_label("The ministry said  33,207 had died."), None);
        assert_eq!(aligned_label("Killed 33,207"), None);
        assert_eq!(aligned_label("Killed    33,207    75,933"), None);
        let text = "Figures as of 8 April 2024:\n\nKilled          33,207\nInjured         75,933\n";
        let rows: Vec<_> = segment(text, Layout::Text, &[], &[], None)
            .iter()
            .map(|s| (text[s.span.clone()].to_string(), s.role, s.item))
            .collect();
        assert_eq!(
            rows[1..],
            [
                ("Killed          33,207".to_string(), Role::Body, true),
                ("Injured         75,933".to_string(), Role::Body, true)
            ]
        );
    }

    #[test]
    fn lines_split_as_the_standard_library_does() {
        for text in ["", "a", "a\n", "a\nb", "\n\n", "a\r\n\nb\n", "é\nü"] {
            assert_eq!(lines_inclusive(text).collect::<Vec<_>>(), text.split_inclusive('\n').collect::<Vec<_>>());
        }
    }

    fn sentences(text: &str) -> Vec<&str> {
        segment(text, Layout::Lines, &[], &[], None).iter().map(|s| &text[s.span.clone()]).collect()
    }

    /// Text made of the pieces title lines and clause breaks turn on.
    fn pieces() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::strategy::Strategy;
        let piece = proptest::prop_oneof![
            proptest::sample::select(vec![
                " ",
                "  ",
                "\t",
                "\u{a0}",
                "’",
                "‘",
                "'",
                "Σ",
                "σ",
                "ς",
                "İ",
                "ẞ",
                "Ä",
                ";",
                " — ",
                " – ",
                " -- ",
                "--",
                ", while ",
                ", whereas ",
                ", but ",
                ", although ",
                ", and his ",
                ", and her ",
                ", and ",
                " and that ",
                ", adding that ",
                ", adding ",
                ", which brings ",
                ", which brought ",
                "the toll ",
                " and ",
                ", ",
                "—",
                "–",
                ",while ",
                "But",
            ])
            .prop_map(str::to_string),
            "[A-Za-z0-9]{1,6}",
        ];
        proptest::collection::vec(piece, 0..24).prop_map(|v| v.concat())
    }

    proptest::proptest! {
        /// Title lines normalise as lower-casing the whole line, then
        /// splitting on whitespace, would.
        #[test]
        fn normalising_reads_as_whole_line_lowercasing(s in pieces()) {
            let quotes: String = s.chars().map(|c| if matches!(c, '’' | '‘') { '\'' } else { c }).collect();
            let expected = quotes.to_lowercase().split_whitespace().collect::<Vec<_>>().join(" ");
            proptest::prop_assert_eq!(normalise(&s), expected);
        }

        /// The literal searcher breaks clauses where the alternation of
        /// the same words, leftmost first, does.
        #[test]
        fn clause_breaks_are_the_alternations(s in pieces()) {
            // A sentence opening "Of the …," also breaks at its first comma (see `clauses`).
            proptest::prop_assume!(!s.trim_start().trim_start_matches(['“', '"', '‘', '\'']).starts_with("Of "));
            // ", and ", ", as " and ", in which " break only before a figure (here, a digit);
            // ", adding (that) " before a figure or a toll.
            let re = regex::Regex::new(r"(;| — | – | -- |, (?:while|whereas|but|although|and his|and her|bringing|taking|raising|which brings|which brought) | of whom | of which | and that |, of the |, which also )|(, and |, as |, in which |, during which |, adding that |, adding )[0-9]|(, adding that |, adding )the (?:death toll|toll|total|overall|number of)\b").unwrap();
            let expected: Vec<Range<usize>> =
                re.captures_iter(&s).map(|c| c.get(1).or(c.get(2)).or(c.get(3)).expect("a group").range()).collect();
            proptest::prop_assert_eq!(Clauses::of(&s).breaks, expected);
        }
    }

    #[test]
    fn endless_sentences_are_cut_at_spaces() {
        let text = "word ".repeat(1000);
        let pieces: Vec<_> = cut(&text, 0..text.len() - 1, 100).collect();
        assert!(pieces.iter().all(|p| p.len() <= 100 && !text[p.clone()].starts_with(' ')));
        assert!(pieces.iter().all(|p| text[p.clone()].ends_with("word")));
        assert_eq!(pieces.iter().map(|p| text[p.clone()].len() + 1).sum::<usize>(), text.len());
        let sentences = segment(&text, Layout::Lines, &[], &[], None);
        assert!(sentences.iter().all(|s| s.span.len() <= MAX_SENTENCE));
        assert_eq!(sentences.len(), 3);
    }

    #[test]
    fn a_ticker_s_items_are_sentences_and_a_table_row_is_whole() {
        let text =
            "The toll rose.\n\nFigures from the ministry: Killed: 34,844 | Wounded: 78,404\n\n| Killed | 34,844 |\n";
        for layout in [Layout::Lines, Layout::Markdown] {
            let sentences = segment(text, layout, &[], &[], None);
            let got: Vec<&str> = sentences.iter().map(|s| &text[s.span.clone()]).collect();
            assert_eq!(
                got,
                [
                    "The toll rose.",
                    "Figures from the ministry: Killed: 34,844",
                    "Wounded: 78,404",
                    "| Killed | 34,844 |"
                ]
            );
        }
    }

    #[test]
    fn clauses() {
        let s = "Israel says 1,200 were killed, while the ministry says 31,000 died — a toll; it rose.";
        assert_eq!(&s[clause_of(s, 12)], "Israel says 1,200 were killed");
        assert_eq!(&s[clause_of(s, s.find("31,000").unwrap())], "the ministry says 31,000 died");
        assert_eq!(&s[clause_of(s, s.find("rose").unwrap())], " it rose.");
        let t = "Officials said 40 died -- the army says 12, but aid groups count 55, although nobody knows";
        assert_eq!(&t[clause_of(t, t.find("40").unwrap())], "Officials said 40 died");
        assert_eq!(&t[clause_of(t, t.find("12").unwrap())], "the army says 12");
        assert_eq!(&t[clause_of(t, t.find("55").unwrap())], "aid groups count 55");
        assert_eq!(&t[clause_of(t, t.len() - 1)], "nobody knows");
        // A reporting verb's second "that" clause: "says 1,200 were killed
        // and that 300 soldiers have died in Gaza".
        let x = "Israel says 1,200 were killed on Oct. 7 and that 300 soldiers have died in Gaza.";
        assert_eq!(&x[clause_of(x, 12)], "Israel says 1,200 were killed on Oct. 7");
        // A second count of his own: "his ninth trip …, and his 12th visit".
        let y = "on his ninth trip since the war began, and his 12th visit as secretary of state.";
        assert_eq!(&y[clause_of(y, 7)], "on his ninth trip since the war began");
        // A comparison's words are its own: "…, ten times the toll of 2014".
        let c = "This war has killed more than 22,800 people, the ministry says, ten times the toll of 2014.";
        assert_eq!(&c[clause_of(c, 25)], "This war has killed more than 22,800 people, the ministry says");
        let clauses = Clauses::of(c);
        assert_eq!(&c[clauses.at(c.find("toll").unwrap())], "toll of 2014.");
        let d = "It killed 2,251, twice the toll of 2008, and nine times the number.";
        assert_eq!(&d[Clauses::of(d).at(d.find("toll").unwrap())], "toll of 2008");
        // No multiple before "times the": no comparison clause.
        let e = "Prices rose, at times the most in Gaza, to 40 shekels.";
        assert_eq!(&e[Clauses::of(e).at(e.find("most").unwrap())], e);
        // "…, and dozens have died of malnutrition": a second count.
        let a = "14,000 children have been killed, the ministry says, and dozens have died of hunger.";
        assert_eq!(&a[clause_of(a, 0)], "14,000 children have been killed, the ministry says");
        assert_eq!(Clauses::of(a).spoken_at(0), 0..a.len());
        // A statement "adding that" another count holds has words of its own;
        // "adding that thousands more" goes on with the count before.
        let h =
            "The toll includes 71 deaths over the past 24 hours, a statement said, adding that 82,959 were wounded.";
        assert_eq!(&h[Clauses::of(h).at(h.find("82,959").unwrap())], "82,959 were wounded.");
        let k = "13,000 children have been killed, she said, adding that thousands more had been injured.";
        assert_eq!(&k[Clauses::of(k).at(k.find("thousands").unwrap())], k);
        let c = "The ministry reported 82 deaths in the past 24 hours, bringing the toll to 35,173.";
        assert_eq!(&c[clause_of(c, c.find("35,173").unwrap())], "the toll to 35,173.");
        assert_eq!(Clauses::of(c).spoken_at(c.find("35,173").unwrap()), 0..c.len());
        let c = "66 martyrs were recorded in recent hours, which brings the total to 67,074.";
        assert_eq!(&c[clause_of(c, c.find("67,074").unwrap())], "the total to 67,074.");
        let c = "Children have died of malnutrition, the ministry said as its overall toll neared 30,000.";
        assert_eq!(&c[clause_of(c, c.find("30,000").unwrap())], "overall toll neared 30,000.");
        let d = "Aid arrived as the ministry said 30,000 had died.";
        assert_eq!(clause_of(d, d.find("30,000").unwrap()), 0..d.len());
        // "…, as 400 people died in airstrikes last week": a second count;
        // ", as of Monday" is none.
        let f = "Gaza's toll has passed 50,000, as 400 people died in strikes last week.";
        assert_eq!(&f[clause_of(f, f.find("50,000").unwrap())], "Gaza's toll has passed 50,000");
        let g = "Gaza's toll has passed 50,000, as of Monday.";
        assert_eq!(clause_of(g, g.find("50,000").unwrap()), 0..g.len());
        let i = "Palestinians have been killed since the attack of October 7, in which about 1,200 people were killed.";
        assert_eq!(&i[clause_of(i, i.find("1,200").unwrap())], "about 1,200 people were killed.");
        let w = "Of the toll, 96 deaths came in two days, by ministry figures, which also list 92,152 wounded.";
        assert_eq!(&w[clause_of(w, w.find("92,152").unwrap())], "list 92,152 wounded.");
        let b = "They were killed in Gaza, and the ministry says so.";
        assert_eq!(clause_of(b, 0), 0..b.len());
        // Commas without a conjunction do not split.
        let u = "In Gaza, 31,000 died, officials said.";
        assert_eq!(clause_of(u, 9), 0..u.len());
        // What a share of them does is its own clause.
        let v = "They seized 252 hostages, 128 of whom remain in Gaza.";
        assert_eq!(&v[clause_of(v, v.find("252").unwrap())], "They seized 252 hostages, 128");
        assert_eq!(&v[clause_of(v, v.find("remain").unwrap())], "remain in Gaza.");
        // The whole a part is of: "Of the N taken, M remain"; "M remain, of the N taken".
        let w = "Of the roughly 250 hostages taken, about 130 remain in Gaza, officials say.";
        assert_eq!(&w[clause_of(w, w.find("250").unwrap())], "Of the roughly 250 hostages taken");
        let q = "“Of the more than 250 people that Hamas kidnapped, at least 132 are still being held,” he said.";
        assert_eq!(&q[clause_of(q, q.find("250").unwrap())], "“Of the more than 250 people that Hamas kidnapped");
        assert_eq!(&w[clause_of(w, w.find("130").unwrap())], "about 130 remain in Gaza, officials say.");
        let x = "136 hostages remain in Gaza, of the roughly 240 people taken.";
        assert_eq!(&x[clause_of(x, x.find("240").unwrap())], "roughly 240 people taken.");
        let z = "Israel says that of the roughly 240 people seized on October 7, some 137 remain in Gaza.";
        assert_eq!(
            &z[clause_of(z, z.find("240").unwrap())],
            "Israel says that of the roughly 240 people seized on October 7"
        );
        assert_eq!(&z[clause_of(z, z.find("137").unwrap())], "some 137 remain in Gaza.");
        let y = "134 hostages remain held in Gaza, of about 250 seized on October 7.";
        assert_eq!(&y[clause_of(y, y.find("about").unwrap())], "about 250 seized on October 7.");
        assert_eq!(&y[clause_of(y, 0)], "134 hostages remain held in Gaza");
    }

    #[test]
    fn abbreviations_decimals_and_quotes_do_not_split() {
        let t = "Blinken met U.S. officials on Oct. 7 with Dr. Smith. The toll rose 2.3 percent to c. 35,000. \
                 “It is time,” he said. Item No. 2 was next! Was it? Yes.";
        assert_eq!(
            sentences(t),
            [
                "Blinken met U.S. officials on Oct. 7 with Dr. Smith.",
                "The toll rose 2.3 percent to c. 35,000.",
                "“It is time,” he said.",
                "Item No. 2 was next!",
                "Was it?",
                "Yes."
            ]
        );
    }

    #[test]
    fn closing_quotes_end_with_the_sentence() {
        let t = "He said “we’re pushing it.” Traveling with Biden, Kirby spoke.";
        assert_eq!(sentences(t), ["He said “we’re pushing it.”", "Traveling with Biden, Kirby spoke."]);
    }

    #[test]
    fn headline_and_headings() {
        let t = "Blinken in Jeddah\n\nHe spoke. Then left.\n\nClose to 32,000 Killed\n\nAccording to the ministry, 31,988 died.\n";
        let s = segment(t, Layout::Lines, &[], &[], None);
        let roles: Vec<(Role, &str)> = s.iter().map(|s| (s.role, &t[s.span.clone()])).collect();
        assert_eq!(
            roles,
            [
                (Role::Headline, "Blinken in Jeddah"),
                (Role::Body, "He spoke."),
                (Role::Body, "Then left."),
                (Role::Heading, "Close to 32,000 Killed"),
                (Role::Body, "According to the ministry, 31,988 died."),
            ]
        );
        assert_eq!(s[1].paragraph, s[2].paragraph);
        assert_ne!(s[2].paragraph, s[3].paragraph);
    }

    #[test]
    fn title_from_metadata_finds_the_headline() {
        let t = "Get all your news in one place.\nZenger\nBlinken’s Mission: Seeking Pause\nBody text here.\n";
        let s = segment(t, Layout::Lines, &[], &[], Some("Blinken's Mission: Seeking Pause"));
        let head: Vec<&str> = s.iter().filter(|s| s.role == Role::Headline).map(|s| &t[s.span.clone()]).collect();
        assert_eq!(head, ["Blinken’s Mission: Seeking Pause"]);
    }

    #[test]
    fn markdown_joins_wrapped_lines_and_reads_hash_headings() {
        let t = "# Toll rises\n\nThe ministry said 1,200\npeople died. More later.\n\n## Aid\n\nText.\n";
        let s = segment(t, Layout::Markdown, &[], &[], None);
        let got: Vec<(Role, &str)> = s.iter().map(|s| (s.role, &t[s.span.clone()])).collect();
        assert_eq!(
            got,
            [
                (Role::Headline, "Toll rises"),
                (Role::Body, "The ministry said 1,200\npeople died."),
                (Role::Body, "More later."),
                (Role::Heading, "Aid"),
                (Role::Body, "Text."),
            ]
        );
    }

    #[test]
    fn plain_text_joins_lines_wrapped_mid_sentence() {
        let t = "Gaza Toll Passes 25,000\n\n\
                 GAZA, Jan 22 (Wire) - Israeli forces pushed deeper into Khan Younis\n\
                 on Monday, and the ministry said at least 25,295 people had been\n\
                 killed in the Gaza Strip since the war began on Oct.\n\
                 7. The ministry said 190 people were killed in the past day.\n\
                 Share this article\n\
                 Israel says 132 hostages are still held in Gaza, including some dead.\n\
                 - 1.7 million displaced, according to the United Nations agency\n\
                 - 2.3 million people live in the Strip\n";
        let s = segment(t, Layout::Text, &[], &[], None);
        let got: Vec<(Role, &str, usize)> = s.iter().map(|s| (s.role, &t[s.span.clone()], s.paragraph)).collect();
        assert_eq!(
            got,
            [
                (Role::Headline, "Gaza Toll Passes 25,000", 0),
                (
                    Role::Body,
                    "GAZA, Jan 22 (Wire) - Israeli forces pushed deeper into Khan Younis\n\
                     on Monday, and the ministry said at least 25,295 people had been\n\
                     killed in the Gaza Strip since the war began on Oct.\n7.",
                    1
                ),
                (Role::Body, "The ministry said 190 people were killed in the past day.", 1),
                // Short and unpunctuated: a line of its own, not a wrapped one.
                (Role::Body, "Share this article", 2),
                (Role::Body, "Israel says 132 hostages are still held in Gaza, including some dead.", 3),
                // List items start their own paragraph even after an unpunctuated line.
                (Role::Body, "- 1.7 million displaced, according to the United Nations agency", 4),
                (Role::Body, "- 2.3 million people live in the Strip", 5),
            ]
        );
    }

    #[test]
    fn a_key_figure_s_label_below_it_is_its_sentence() {
        let t = "KEY FIGURES\n\n10,818\nfatalities in Gaza\n\n1.7m\ndisplaced\n\n2024\nReview\n";
        let s = segment(t, Layout::Text, &[], &[], None);
        let got: Vec<&str> = s.iter().map(|s| &t[s.span.clone()]).collect();
        assert_eq!(got, ["KEY FIGURES", "10,818\nfatalities in Gaza", "1.7m\ndisplaced", "2024", "Review"]);
        // A qualified figure over a "Number of" label, in Markdown and in plain text.
        let t = "Over 1.4 million\nNumber of Palestinians displaced in Gaza\n\n240\nHostages held in Gaza\n";
        for layout in [Layout::Markdown, Layout::Text] {
            let s = segment(t, layout, &[], &[], None);
            let got: Vec<(&str, Role)> = s.iter().map(|s| (&t[s.span.clone()], s.role)).collect();
            assert_eq!(
                got[0],
                ("Over 1.4 million\nNumber of Palestinians displaced in Gaza", Role::Body),
                "{layout:?}"
            );
        }
    }

    /// Markdown's soft-wrapped lines join, but a block of label lines is a
    /// list of records, one sentence each.
    #[test]
    fn a_block_of_label_lines_is_one_sentence_a_line() {
        let t = "TOTAL DEATHS\n\nKilled in Gaza: 33,137\nChildren killed in Gaza: more than 13,000\nThe war goes on\nas talks stall.\n";
        let s = segment(t, Layout::Markdown, &[], &[], None);
        let got: Vec<&str> = s.iter().map(|s| &t[s.span.clone()]).collect();
        assert_eq!(
            got,
            [
                "TOTAL DEATHS",
                "Killed in Gaza: 33,137",
                "Children killed in Gaza: more than 13,000\nThe war goes on\nas talks stall."
            ]
        );
    }

    #[test]
    fn plain_text_opens_with_a_headline_in_sentence_case() {
        let t = "Gaza death toll nears 9,100, says health ministry\n\nGAZA, Nov 3 (Agencies) - The ministry said so.\n";
        let s = segment(t, Layout::Text, &[], &[], None);
        assert_eq!(
            (s[0].role, &t[s[0].span.clone()]),
            (Role::Headline, "Gaza death toll nears 9,100, says health ministry")
        );
        assert_eq!(s[1].role, Role::Body);
        // A first line that runs on, or ends its sentence, is body text.
        for t in [
            "Gaza death toll nears 9,100, says health ministry\nas the bombardment goes on.\n",
            "Gaza death toll nears 9,100, says health ministry.\n\nMore.\n",
        ] {
            assert_eq!(segment(t, Layout::Text, &[], &[], None)[0].role, Role::Body, "{t}");
        }
    }

    #[test]
    fn plain_text_with_a_paragraph_per_line_keeps_its_lines() {
        let t = "The ministry said 25,295 people had been killed in Gaza since the war began.\n\
                 Israel says 132 hostages are still held in Gaza, including some it believes are dead.\n";
        let s = segment(t, Layout::Text, &[], &[], None);
        assert_eq!(s.len(), 2);
        assert_ne!(s[0].paragraph, s[1].paragraph);
        assert_eq!(
            &t[s[1].span.clone()],
            "Israel says 132 hostages are still held in Gaza, including some it believes are dead."
        );
    }
}
