//! Documents: a text with its path, metadata, sentences and line index.
//!
//! `load` reads files (walking, decoding, refusing what is not prose),
//! `jsonl` reads documents sent as JSON Lines, `meta` reads metadata
//! (front matter, sources manifest, dateline), `html` extracts the visible
//! text of HTML, `captions` the cues of subtitle files, `inline_html`
//! blanks Markdown's inline tags and struck text, `invisible` takes
//! zero-width and direction marks out, `segment` splits sentences and
//! marks the headline, `lines` and `offsets` turn offsets into file
//! positions.

pub mod captions;
pub mod digits;
pub mod html;
pub mod inline_html;
pub mod invisible;
pub mod jsonl;
pub mod lines;
pub mod load;
pub mod meta;
pub mod offsets;
pub mod pages;
pub mod segment;
pub mod suppress;

use std::ops::Range;
use std::path::Path;

use serde::{Deserialize, Serialize};

pub use lines::LineIndex;
pub use meta::{DateSource, Meta, MetaFields};
pub use offsets::OffsetMap;
pub use segment::{Role, Sentence};
pub use suppress::Suppression;

use crate::error::Problem;
use crate::quantity::{Kind, recognize};
use crate::substring::finder;

/// The format of a document, from its file extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    Text,
    Markdown,
    Html,
    /// Subtitles: SubRip (`.srt`) or WebVTT (`.vtt`).
    Captions,
}

impl Format {
    pub fn of(path: &Path) -> Format {
        match path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase).as_deref() {
            Some("md" | "markdown") => Format::Markdown,
            Some("html" | "htm") => Format::Html,
            Some("srt" | "vtt") => Format::Captions,
            _ => Format::Text,
        }
    }
}

/// What is kept of a document once its claims are out: not its text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DocumentInfo {
    pub path: String,
    pub format: Format,
    #[serde(flatten)]
    pub meta: Meta,
}

/// One input document.
#[derive(Debug, Clone)]
pub struct Document {
    /// The path as shown in reports.
    pub path: String,
    pub format: Format,
    /// The text figures are read from. For plain text and Markdown it is the
    /// file itself (front matter and comments blanked, offsets unchanged);
    /// for HTML it is the visible text.
    pub text: String,
    /// The file as read, when it differs from `text` (HTML).
    pub source: Option<String>,
    /// Maps offsets in `text` to offsets in `source`.
    pub map: Option<OffsetMap>,
    /// Line index of the file (`source` if present, else `text`).
    pub lines: LineIndex,
    pub meta: Meta,
    pub sentences: Vec<Sentence>,
    /// `figcheck-ignore` comments.
    pub suppressions: Vec<Suppression>,
}

/// Replace every character of `ranges` except line breaks with spaces, one
/// per byte, keeping offsets. Each range is rewritten in place, so the rest
/// of the text is neither copied nor checked for UTF-8 again.
fn blank(text: &mut String, ranges: impl IntoIterator<Item = std::ops::Range<usize>>) {
    let mut spaces = String::new();
    for range in ranges {
        spaces.clear();
        for c in text[range.clone()].chars() {
            match c {
                '\n' | '\r' => spaces.push(c),
                _ => (0..c.len_utf8()).for_each(|_| spaces.push(' ')),
            }
        }
        text.replace_range(range, &spaces);
    }
}

/// Byte ranges of `<!-- ... -->` comments.
pub fn comment_ranges(text: &str) -> Vec<std::ops::Range<usize>> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut pos = 0;
    while let Some(s) = finder!(b"<!--").find(&b[pos..]) {
        let start = pos + s;
        let end = finder!(b"-->").find(&b[start + 4..]).map_or(text.len(), |e| start + 4 + e + 3);
        out.push(start..end);
        pos = end;
    }
    out
}

static LINK: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(r"(?P<open>!?\[)[^\]\n]*(?P<close>\](?:\([^)\n]*\)|\[[^\]\n]*\]))").expect("link regex")
});
static LIST_MARK: std::sync::LazyLock<regex::Regex> =
    std::sync::LazyLock::new(|| regex::Regex::new(r"^[ \t]*(?:[-+*]|>+)[ \t]").expect("list regex"));

/// Byte ranges of Markdown inline markup, blanked so that figures and the
/// words around them read as prose: emphasis and code marks, link brackets
/// and targets (the link text stays), list and quote markers. `items` gets
/// where each list item's text starts (after its marker).
pub fn markup_ranges(text: &str, items: &mut Vec<usize>) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    for c in LINK.captures_iter(text) {
        out.extend([c.name("open"), c.name("close")].into_iter().flatten().map(|m| m.range()));
    }
    // List and quote markers open a line: look only where lines start.
    let mut line_start = 0;
    for end in memchr::memchr_iter(b'\n', text.as_bytes()).chain(std::iter::once(text.len())) {
        let line = &text[line_start..end];
        let lead = line.len() - line.trim_start_matches([' ', '\t']).len();
        if let Some(&mark @ (b'-' | b'+' | b'*' | b'>')) = line.as_bytes().get(lead)
            && let Some(m) = LIST_MARK.find(line)
        {
            out.push(line_start + m.start()..line_start + m.end());
            if mark != b'>' {
                items.push(line_start + m.end());
            }
        }
        line_start = end + 1;
    }
    let b = text.as_bytes();
    // Footnote references and the labels of their notes ("deaths[^1]",
    // "[^1]: Ministry of Health"): a note's number is no figure.
    for at in finder!(b"[^").find_iter(b) {
        let label = b[at + 2..].iter().take_while(|c| c.is_ascii_alphanumeric() || matches!(c, b'-' | b'_')).count();
        if label > 0 && b.get(at + 2 + label) == Some(&b']') {
            let end = at + 3 + label;
            out.push(at..end + usize::from(b.get(end) == Some(&b':')));
        }
    }
    out.extend(citation_marks(text));
    out.extend(memchr::memchr3_iter(b'*', b'`', b'~', b).map(|i| i..i + 1));
    let alnum = |j: Option<usize>| j.and_then(|j| b.get(j)).is_some_and(u8::is_ascii_alphanumeric);
    // `_` inside a word (snake_case) is not emphasis.
    out.extend(
        memchr::memchr_iter(b'_', b).filter(|&i| !(alnum(i.checked_sub(1)) && alnum(Some(i + 1)))).map(|i| i..i + 1),
    );
    out
}

/// Byte ranges of an encyclopedia's citation marks, set right after a word
/// or a stop ("killed[1] and 70,457 injured.[2]", "[citation needed]"): a
/// mark's number is no figure, and the stop before it still ends a sentence.
/// A bracket after a space, or one that opens a link ("[1](url)", "[1]:"),
/// is left alone.
pub fn citation_marks(text: &str) -> Vec<std::ops::Range<usize>> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    for at in memchr::memchr_iter(b'[', b) {
        if at == 0 || b[at - 1].is_ascii_whitespace() || matches!(b[at - 1], b'[' | b'!' | b'(') {
            continue;
        }
        let rest = &b[at + 1..];
        let digits = rest.iter().take_while(|c| c.is_ascii_digit()).count();
        let label = match digits {
            1..=3 => 1 + digits,
            0 if rest.starts_with(b"citation needed") => 1 + "citation needed".len(),
            _ => continue,
        };
        let end = at + label;
        if b.get(end) == Some(&b']') && !matches!(b.get(end + 1), Some(b'(' | b':')) {
            out.push(at..end + 1);
        }
    }
    out
}

/// The first full date (with year and day) in the first lines: a dateline.
fn dateline(text: &str) -> Option<crate::dates::Date> {
    let head_end = text.match_indices('\n').nth(5).map_or(text.len(), |(i, _)| i).min(1200);
    let mut end = head_end.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    recognize(&text[..end]).into_iter().find_map(|q| match q.kind {
        Kind::Date(d) => {
            let (y, day) = (d.year?, d.day?);
            crate::dates::Date::new(y, d.month as i8, day as i8).ok()
        }
        _ => None,
    })
}

impl Document {
    /// A plain-text document with no metadata beyond a dateline.
    pub fn new(path: impl Into<String>, text: String) -> Document {
        let mut problems = Vec::new();
        Document::build(path.into(), Format::Text, text, None, &mut problems)
    }

    /// Build a document from a decoded file: metadata from front matter, the
    /// manifest entry, HTML meta and a dateline, in that order; sentences.
    pub fn build(
        path: String,
        format: Format,
        raw: String,
        manifest: Option<MetaFields>,
        problems: &mut Vec<Problem>,
    ) -> Document {
        let mut meta = Meta::default();
        let mut headings = Vec::new();
        let mut items = Vec::new();
        let suppressions = suppress::find(&path, format, &raw, problems);
        // A file's own text with invisible characters is kept as the source.
        let invisible_in_file =
            !matches!(format, Format::Html | Format::Captions) && !invisible::ranges(&raw).is_empty();
        // A PDF's text has a form feed at each page's end.
        let paginated = format == Format::Text && memchr::memchr(0x0c, raw.as_bytes()).is_some();
        let arabic_digits = !matches!(format, Format::Html | Format::Captions) && digits::present(&raw);
        let original = (invisible_in_file || paginated || arabic_digits).then(|| raw.clone());
        let (text, source, map) = match format {
            Format::Text => {
                let mut text = raw;
                let marks = citation_marks(&text);
                blank(&mut text, marks);
                let notes = pages::footnote_marks(&text);
                blank(&mut text, notes);
                (text, None, None)
            }
            Format::Markdown => {
                let mut text = raw;
                if let Some((yaml, range)) = meta::front_matter_block(&text) {
                    let fields = meta::parse_front_matter(&path, yaml, problems);
                    meta.fill(&fields, DateSource::FrontMatter);
                    blank(&mut text, [range]);
                }
                let comments = comment_ranges(&text);
                blank(&mut text, comments);
                let inline = inline_html::ranges(&text);
                blank(&mut text, inline);
                let markup = markup_ranges(&text, &mut items);
                blank(&mut text, markup);
                (text, None, None)
            }
            Format::Html => {
                let h = html::parse(&raw);
                if h.depth > html::MAX_DEPTH {
                    problems.push(Problem::error(
                        &path,
                        format!(
                            "HTML elements nest {} levels deep (an article needs far fewer than {}): malformed or hostile markup; its text was read, check it",
                            h.depth,
                            html::MAX_DEPTH
                        ),
                    ));
                }
                headings = h.headings;
                items = h.items;
                if let Some(m) = &manifest {
                    meta.fill(m, DateSource::Manifest);
                }
                meta.fill(&h.meta, DateSource::HtmlMeta);
                (h.text, Some(raw), Some(h.map))
            }
            Format::Captions => {
                let c = captions::parse(&raw);
                (c.text, Some(raw), Some(c.map))
            }
        };
        let (text, source, map) = {
            let (text, mut removed) = digits::to_ascii(text);
            // A file's text blanked in place has them where the file has.
            if original.is_some() || matches!(format, Format::Html | Format::Captions) {
                removed = offsets::union(removed, invisible::ranges(&text));
            }
            if paginated {
                removed = offsets::union(removed, pages::furniture(&text));
            }
            if removed.is_empty() {
                (text, source, map)
            } else {
                let (stripped, m) = offsets::strip(&text, &removed, map.as_ref());
                (stripped, source.or(original), Some(m))
            }
        };
        if let Some(m) = &manifest {
            meta.fill(m, DateSource::Manifest);
        }
        if meta.published.is_none()
            && let Some(d) = dateline(&text)
        {
            meta.published = Some(d);
            meta.date_source = DateSource::Dateline;
        }
        let layout = match format {
            Format::Markdown => segment::Layout::Markdown,
            Format::Text => segment::Layout::Text,
            Format::Html | Format::Captions => segment::Layout::Lines,
        };
        let sentences = segment::segment(&text, layout, &headings, &items, meta.title.as_deref());
        let lines = LineIndex::new(source.as_deref().unwrap_or(&text));
        Document { path, format, text, source, map, lines, meta, sentences, suppressions }
    }

    pub fn info(&self) -> DocumentInfo {
        DocumentInfo { path: self.path.clone(), format: self.format, meta: self.meta.clone() }
    }

    /// The file as read.
    pub fn file_text(&self) -> &str {
        self.source.as_deref().unwrap_or(&self.text)
    }

    /// The file offset of an offset in `text`.
    pub fn file_offset(&self, text_offset: usize) -> usize {
        let off = self.map.as_ref().map_or(text_offset, |m| m.to_source(text_offset));
        let file = self.file_text();
        let mut off = off.min(file.len());
        while !file.is_char_boundary(off) {
            off -= 1;
        }
        off
    }

    /// The file's bytes of a span of `text`, from its first character to
    /// the end of its last: text taken out just past it (a page's foot, a
    /// direction mark) is not part of it.
    pub fn file_span(&self, span: &Range<usize>) -> Range<usize> {
        let start = self.file_offset(span.start);
        let Some(last) = self.text.get(span.clone()).and_then(|s| s.chars().next_back()) else {
            return start..start;
        };
        let at = self.file_offset(span.end - last.len_utf8());
        let end = at + self.file_text()[at..].chars().next().map_or(0, char::len_utf8);
        start..end.max(start)
    }

    /// 1-based line and column in the file of an offset in `text`.
    pub fn line_col(&self, text_offset: usize) -> (usize, usize) {
        self.file_line_col(self.file_offset(text_offset))
    }

    /// 1-based line and column of an offset in the file.
    pub fn file_line_col(&self, file_offset: usize) -> (usize, usize) {
        self.lines.line_col(self.file_text(), file_offset)
    }

    /// The sentence containing a text offset.
    pub fn sentence_at(&self, offset: usize) -> Option<&Sentence> {
        let i = self.sentences.partition_point(|s| s.span.end <= offset);
        self.sentences.get(i).filter(|s| s.span.start <= offset)
    }

    /// The index of the first sentence of sentence `si`'s paragraph.
    pub fn paragraph_start(&self, si: usize) -> usize {
        let paragraph = self.sentences[si].paragraph;
        self.sentences[..si].iter().rposition(|p| p.paragraph != paragraph).map_or(0, |i| i + 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comments_are_blanked_to_their_end_or_the_end_of_the_text() {
        let text = "a <!-- x --> b <!----> c <!-- open -> d";
        let got: Vec<&str> = comment_ranges(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(got, ["<!-- x -->", "<!---->", "<!-- open -> d"]);
        let mut blanked = "1 <!-- é\n2 --> 3".to_string();
        blank(&mut blanked, comment_ranges("1 <!-- é\n2 --> 3"));
        assert_eq!(blanked, format!("1 {}\n{} 3", " ".repeat(7), " ".repeat(5)));
    }

    #[test]
    fn markdown_front_matter_wins_over_the_manifest() {
        let raw = "---\ntitle: Draft\npublished: 2024-03-21\n---\n# Toll\n\nAbout 1,200 died.\n".to_string();
        let manifest = MetaFields {
            title: Some("Other".into()),
            publisher: Some("The Daily".into()),
            published: crate::dates::parse_date("2020-01-01"),
            ..Default::default()
        };
        let mut p = Vec::new();
        let d = Document::build("a.md".into(), Format::Markdown, raw, Some(manifest), &mut p);
        assert_eq!(d.meta.title.as_deref(), Some("Draft"));
        assert_eq!(d.meta.publisher.as_deref(), Some("The Daily"));
        assert_eq!(d.meta.published, crate::dates::parse_date("2024-03-21"));
        assert_eq!(d.meta.date_source, DateSource::FrontMatter);
        // The front matter is blanked, not removed: lines stay where they are.
        let off = d.text.find("1,200").unwrap();
        assert_eq!(d.line_col(off), (7, 7));
        assert!(recognize(&d.text).iter().all(|q| &*q.text != "2024-03-21"));
    }

    #[test]
    fn markdown_markup_reads_as_prose() {
        let raw =
            "- **31,988** were _killed_, per [the ministry](https://x.org/a)\n> quote `code` snake_case\n".to_string();
        let mut p = Vec::new();
        let d = Document::build("a.md".into(), Format::Markdown, raw.clone(), None, &mut p);
        assert_eq!(d.text.len(), raw.len());
        assert_eq!(
            d.text.split_whitespace().collect::<Vec<_>>().join(" "),
            "31,988 were killed , per the ministry quote code snake_case"
        );
    }

    #[test]
    fn footnote_marks_are_no_figures_and_end_no_sentence_early() {
        let raw =
            "Deaths reached 29,092.[^1] Israel puts it at 1,200.[^note_a]\n\n[^1]: Ministry report of 19 February.\n"
                .to_string();
        let mut p = Vec::new();
        let d = Document::build("a.md".into(), Format::Markdown, raw, None, &mut p);
        assert!(!d.text.contains("[^"), "{}", d.text);
        let figures: Vec<String> = recognize(&d.text).iter().map(|q| q.text.to_string()).collect();
        assert_eq!(figures, ["29,092", "1,200", "19 February"]);
        assert_eq!(d.sentences.len(), 3);
    }

    /// An encyclopedia's "[1]" marks read as neither figures nor part of a
    /// sentence's end, in Markdown and in plain text; a bracket after a
    /// space stays.
    #[test]
    fn citation_marks_are_no_figures_and_end_no_sentence_early() {
        for format in [Format::Markdown, Format::Text] {
            let raw = "Over 30,000 had been killed[1] and 70,457 injured.[2][3] Of the dead, 13,230 were children.[citation needed] See table [5].\n";
            let mut p = Vec::new();
            let d = Document::build("a".into(), format, raw.to_string(), None, &mut p);
            let figures: Vec<String> = recognize(&d.text).iter().map(|q| q.text.to_string()).collect();
            assert_eq!(figures, ["Over 30,000", "70,457", "13,230", "5"], "{format:?}");
            let sentences: Vec<&str> = d.sentences.iter().map(|s| d.text[s.span.clone()].trim_end()).collect();
            assert_eq!(sentences[1], "Of the dead, 13,230 were children.", "{format:?}");
            assert_eq!(sentences.len(), 3, "{format:?}: {sentences:?}");
        }
    }

    /// Each list item is a paragraph of its own, marked as an item, in every format.
    #[test]
    fn list_items_are_paragraphs_of_their_own() {
        let items = |format: Format, raw: &str| {
            let mut p = Vec::new();
            let d = Document::build("a".into(), format, raw.to_string(), None, &mut p);
            d.sentences
                .iter()
                .map(|s| (d.text[s.span.clone()].trim().to_string(), s.paragraph, s.item))
                .collect::<Vec<_>>()
        };
        let expected = |texts: [&str; 3]| {
            vec![(texts[0].to_string(), 0, false), (texts[1].to_string(), 1, true), (texts[2].to_string(), 2, true)]
        };
        assert_eq!(
            items(Format::Markdown, "Figures as of April 9:\n\n- Killed: **33,360**\n- Wounded: 75,993\n"),
            expected(["Figures as of April 9:", "Killed:   33,360", "Wounded: 75,993"])
        );
        assert_eq!(
            items(
                Format::Html,
                "<p>Figures as of April 9:</p><ul><li>Killed: 33,360</li><li>Wounded: 75,993</li></ul>"
            ),
            expected(["Figures as of April 9:", "Killed: 33,360", "Wounded: 75,993"])
        );
        assert_eq!(
            items(Format::Text, "Figures as of April 9:\n- Killed: 33,360\n- Wounded: 75,993\n"),
            expected(["Figures as of April 9:", "- Killed: 33,360", "- Wounded: 75,993"])
        );
    }

    #[test]
    fn dateline_dates_a_plain_text() {
        let d = Document::new("a.txt", "Title\nDepartment 24-10-2024\nBody with 18 dead.\n".to_string());
        assert_eq!(d.meta.published, crate::dates::parse_date("2024-10-24"));
        assert_eq!(d.meta.date_source, DateSource::Dateline);
        let d = Document::new("b.txt", "Title\nBody with 18 dead.\n".to_string());
        assert_eq!((d.meta.published, d.meta.date_source), (None, DateSource::Undated));
    }

    #[test]
    fn html_positions_point_into_the_file() {
        let raw = "<html><head><title>T</title></head>\n<body>\n<p>Some\n1,200 died.</p></body></html>\n".to_string();
        let mut p = Vec::new();
        let d = Document::build("a.html".into(), Format::Html, raw, None, &mut p);
        let off = d.text.find("1,200").unwrap();
        assert_eq!(d.line_col(off), (4, 1));
    }

    #[test]
    fn a_span_in_the_file_ends_with_its_last_character() {
        // A page's foot and the next page's head are taken out after
        // "10,818": the span in the file is still its own.
        let raw = "Intro line one.\nDeaths: 10,818\nOCHA Flash Update | 1\n\x0cOCHA Flash Update | 2\nin Gaza.\n\
                   More here.\nOCHA Flash Update | 2\n\x0cOCHA Flash Update | 3\nEnd.\n"
            .to_string();
        let d = Document::new("a.txt", raw.clone());
        assert!(!d.text.contains("OCHA"), "{}", d.text);
        let at = d.text.find("10,818").unwrap();
        let span = d.file_span(&(at..at + 6));
        assert_eq!(&raw[span.clone()], "10,818");
        assert_eq!(d.file_line_col(span.end), (2, 15));
        // Invisible marks inside a figure stay inside its span; one just past it does not.
        let raw = "a 78,\u{200b}827\u{200f} b".to_string();
        let d = Document::new("b.txt", raw.clone());
        let at = d.text.find("78,827").unwrap();
        assert_eq!(&raw[d.file_span(&(at..at + 6))], "78,\u{200b}827");
        // The offset just past the figure is that of the next character kept.
        assert_eq!(&raw[d.file_offset(at)..d.file_offset(at + 6)], "78,\u{200b}827\u{200f}");
        assert_eq!(d.file_span(&(at..at)), at..at);
    }
}
