//! HTML documents: the visible text, parsed with a real HTML parser
//! (scraper/html5ever), each text run anchored to its position in the
//! source so citations point at the right line of the HTML file; and the
//! metadata of the head (`og:title`, `og:site_name`,
//! `article:published_time`, `<time datetime>`).

use std::ops::Range;

use ego_tree::iter::Edge;
use scraper::{ElementRef, Html, Node, Selector};

use super::inline_html::STRUCK;
use super::meta::MetaFields;
use super::offsets::OffsetMap;
use crate::dates::parse_date;

/// What an HTML file yields.
pub struct HtmlText {
    /// Visible text, one block element per line.
    pub text: String,
    pub map: OffsetMap,
    pub meta: MetaFields,
    /// Heading spans in `text`: `(span, level)`, level 1 for `h1` (and a
    /// `<title>` shown when there is no `h1`).
    pub headings: Vec<(Range<usize>, u8)>,
    /// Where each list item (`li`) starts in `text`.
    pub items: Vec<usize>,
    /// How deeply elements nest.
    pub depth: usize,
}

/// Deeper nesting than this is no article: browsers stop nesting at 512.
pub const MAX_DEPTH: usize = 512;

/// Elements whose text is never read: code and metadata. Deleted text (a
/// tracked change's struck figure) is skipped too: [`STRUCK`].
const SKIP: [&str; 7] = ["script", "style", "noscript", "template", "head", "svg", "iframe"];
const BLOCK: [&str; 33] = [
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "br",
    "dd",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "table",
    "tr",
    "ul",
];

struct Builder<'s> {
    source: &'s str,
    cursor: usize,
    text: String,
    anchors: Vec<(usize, usize)>,
    headings: Vec<(Range<usize>, u8)>,
    items: Vec<usize>,
}

/// How far ahead of the last anchor a text run is looked for in the source.
const SEARCH_WINDOW: usize = 1 << 16;

impl Builder<'_> {
    fn newline(&mut self) {
        while self.text.ends_with(' ') {
            self.text.pop();
        }
        if !self.text.is_empty() && !self.text.ends_with('\n') {
            self.text.push('\n');
        }
    }

    /// A table cell opens: cells are written as a Markdown row
    /// (`| Palestinians killed | 33,360 |`), so that a row reads as one.
    fn cell(&mut self) {
        while self.text.ends_with(' ') {
            self.text.pop();
        }
        if !self.text.is_empty() && !self.text.ends_with('\n') {
            self.text.push(' ');
        }
        self.text.push_str("| ");
    }

    /// A term of a definition list ends: its definition follows on its line.
    fn end_term(&mut self) {
        while self.text.ends_with([' ', ':']) {
            self.text.pop();
        }
        if !self.text.is_empty() && !self.text.ends_with('\n') {
            self.text.push_str(": ");
        }
    }

    fn end_row(&mut self) {
        while self.text.ends_with(' ') {
            self.text.pop();
        }
        self.text.push_str(" |");
    }

    /// Find `word` in the source after the cursor and anchor it; where it
    /// was found.
    fn anchor(&mut self, text_offset: usize, word: &str) -> Option<usize> {
        let src = self.source.as_bytes();
        // Most words follow the last one after some spaces: no search needed.
        let rest = &src[self.cursor..];
        let gap = rest.iter().take_while(|b| b.is_ascii_whitespace()).count();
        let at = if rest[gap..].starts_with(word.as_bytes()) {
            self.cursor + gap
        } else {
            // Else it is usually just past some markup: try each place its
            // first byte occurs (ASCII, or an Arabic digit's opening byte:
            // either way a character boundary), within the window, but not
            // inside a tag: the "13" of `<time datetime="2024-05-13">13
            // May</time>` is the second.
            let end = (self.cursor + SEARCH_WINDOW).min(src.len());
            let window = &src[self.cursor..end];
            let w = word.as_bytes();
            let in_tag =
                |i: usize| window[..i].iter().rposition(|&b| b == b'<' || b == b'>').is_some_and(|p| window[p] == b'<');
            self.cursor + memchr::memchr_iter(w[0], window).find(|&i| window[i..].starts_with(w) && !in_tag(i))?
        };
        self.anchor_at(text_offset, at, word.len());
        Some(at)
    }

    /// Anchor a word of `len` bytes at `text_offset` to `at` in the source.
    fn anchor_at(&mut self, text_offset: usize, at: usize, len: usize) {
        // An anchor that the last one predicts (the text and the source
        // advanced alike since) maps no offset differently: left out.
        if self.anchors.last().is_none_or(|&(t, s)| text_offset - t != at - s) {
            self.anchors.push((text_offset, at));
        }
        self.cursor = at + len;
    }

    fn push_text(&mut self, raw: &str) {
        // Runs of ASCII other than `&`, `<`, `>` and spaces are literal in
        // the source, so they are anchored; other characters may be entities.
        const LITERAL: [bool; 256] = {
            let mut t = [false; 256];
            let mut b = 0;
            while b < 0x80 {
                t[b] = !matches!(b as u8, b'\t'..=b'\r' | b' ' | b'&' | b'<' | b'>');
                b += 1;
            }
            t
        };
        let bytes = raw.as_bytes();
        // Bytes of a literal run at `i`: an ASCII one above, or an Arabic
        // digit (two bytes; a figure written in them is anchored too).
        let literal = |i: usize| -> usize {
            match bytes[i] {
                b if b < 0x80 => usize::from(LITERAL[usize::from(b)]),
                b => match bytes.get(i + 1) {
                    Some(&n) if super::digits::is_digit(b, n) => 2,
                    _ => 0,
                },
            }
        };
        self.text.reserve(raw.len());
        // Once the first word is found, the rest of the text usually
        // follows it in the source byte for byte (no entities): then each
        // word is where the search would find it, at the same distance
        // from the first (only non-literal bytes lie between words).
        // `verbatim` holds that word's offsets in `raw` and in the source.
        let mut verbatim: Option<(usize, usize)> = None;
        let mut tried = false;
        // `raw[copied..i]` goes into the text as it is: written at once.
        let mut copied = 0;
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            let n = literal(i);
            if n > 0 {
                let start = i;
                i += n;
                while i < bytes.len() {
                    match literal(i) {
                        0 => break,
                        n => i += n,
                    }
                }
                let at = self.text.len() + (start - copied);
                match verbatim.map(|(first, src)| src + (start - first)) {
                    // Within the window the search would look in.
                    Some(src) if src + (i - start) <= self.cursor + SEARCH_WINDOW => self.anchor_at(at, src, i - start),
                    _ => {
                        let found = self.anchor(at, &raw[start..i]);
                        if !tried && let Some(src) = found {
                            tried = true;
                            if self.source.as_bytes()[src..].starts_with(&bytes[start..]) {
                                verbatim = Some((start, src));
                            }
                        }
                    }
                }
                continue;
            }
            let len = if b.is_ascii() {
                if !matches!(b, b'\t'..=b'\r' | b' ') {
                    i += 1;
                    continue;
                }
                1
            } else {
                let c = raw[i..].chars().next().expect("i is on a character boundary");
                if !c.is_whitespace() {
                    i += c.len_utf8();
                    continue;
                }
                c.len_utf8()
            };
            // A space after something other than a space or a line break is
            // kept as it is; other white space is one space, or none.
            let last = if i > copied { Some(bytes[i - 1]) } else { self.text.as_bytes().last().copied() };
            let keep = !matches!(last, None | Some(b' ' | b'\n'));
            if keep && b == b' ' {
                i += 1;
                continue;
            }
            self.text.push_str(&raw[copied..i]);
            if keep {
                self.text.push(' ');
            }
            i += len;
            copied = i;
        }
        self.text.push_str(&raw[copied..]);
    }

    /// Walk the tree without recursion (hostile pages nest thousands of
    /// levels deep); returns the deepest element nesting seen.
    fn walk(&mut self, root: ego_tree::NodeRef<'_, Node>) -> usize {
        // Per open element: where its text starts (None inside a skipped subtree).
        let mut open: Vec<Option<usize>> = Vec::new();
        let mut skipping = 0usize;
        let mut deepest = 0;
        for edge in root.traverse() {
            match edge {
                Edge::Open(node) => match node.value() {
                    Node::Text(t) if skipping == 0 => self.push_text(t),
                    Node::Element(e) => {
                        deepest = deepest.max(open.len() + 1);
                        if skipping > 0
                            || SKIP.contains(&e.name())
                            || STRUCK.contains(&e.name())
                            || (e.name() == "sup" && is_footnote_mark(node))
                            || is_elsewhere(e)
                        {
                            skipping += 1;
                            open.push(None);
                            continue;
                        }
                        // A definition continues its term's line ("Killed in
                        // Gaza: 34,183"), read as a label line is.
                        let defines = e.name() == "dd" && self.text.ends_with(": ");
                        if BLOCK.contains(&e.name()) && !defines {
                            self.newline();
                        }
                        if matches!(e.name(), "td" | "th") {
                            self.cell();
                        }
                        if matches!(e.name(), "li" | "dt") || (e.name() == "dd" && !defines) {
                            self.items.push(self.text.len());
                        }
                        open.push(Some(self.text.len()));
                    }
                    _ => {}
                },
                Edge::Close(node) => {
                    let Node::Element(e) = node.value() else { continue };
                    let Some(start) = open.pop().flatten() else {
                        skipping = skipping.saturating_sub(1);
                        continue;
                    };
                    let level = match e.name() {
                        "h1" => Some(1),
                        "h2" => Some(2),
                        "h3" => Some(3),
                        "h4" => Some(4),
                        "h5" => Some(5),
                        "h6" => Some(6),
                        _ => None,
                    };
                    if let Some(level) = level {
                        let end = self.text.trim_end().len();
                        if end > start {
                            self.headings.push((start..end, level));
                        }
                    }
                    if e.name() == "tr" && self.text.rsplit('\n').next().is_some_and(|l| l.starts_with('|')) {
                        self.end_row();
                    }
                    if e.name() == "dt" {
                        self.end_term();
                    } else if BLOCK.contains(&e.name()) {
                        self.newline();
                    }
                }
            }
        }
        deepest
    }
}

/// Words in a `class` or `id` that mark a block of links to other pages,
/// or a post embedded from a social network.
const ELSEWHERE: [&str; 18] = [
    "related",
    "recommend",
    "more-stories",
    "more-news",
    "read-more",
    "read-next",
    "most-popular",
    "most-read",
    "trending",
    "outbrain",
    "taboola",
    "twitter-tweet",
    "instagram-media",
    "tiktok-embed",
    "fb-post",
    "bluesky-embed",
    "reddit-embed",
    "social-embed",
];

/// Whether an element holds other pages, not this one: navigation, and
/// lists of related stories, whose headlines ("Gaza death toll reaches
/// 10,000") are of their own days, not of the page's; and an embedded
/// social post ("Over 40,000 dead in Gaza. The world must act."), a third
/// party's words of its own day, which the page shows but does not state.
fn is_elsewhere(e: &scraper::node::Element) -> bool {
    if e.name() == "nav" || e.attr("role") == Some("navigation") {
        return true;
    }
    let marked = |v: &str| {
        let v = v.to_ascii_lowercase();
        ELSEWHERE.iter().any(|w| v.contains(w))
    };
    e.attr("class").is_some_and(marked) || e.id().is_some_and(marked)
}

/// Whether a `<sup>` holds a footnote mark ("1", "[2]", "*", "†"), which is
/// no part of the text: "34,488<sup>1</sup>" is 34,488. An ordinal's
/// suffix ("7<sup>th</sup>") is.
fn is_footnote_mark(node: ego_tree::NodeRef<'_, Node>) -> bool {
    let Some(e) = ElementRef::wrap(node) else { return false };
    let text: String = e.text().collect();
    let mark = text.trim().trim_start_matches('[').trim_end_matches(']');
    !mark.is_empty()
        && mark.chars().count() <= 3
        && !["st", "nd", "rd", "th"].contains(&mark)
        && mark.chars().all(|c| c.is_ascii_alphanumeric() || "*†‡§¶".contains(c))
}

/// The selectors metadata is read with, parsed once: parsing one costs
/// more than matching it against a page.
struct Selectors {
    og_title: Selector,
    title: Selector,
    published_time: Selector,
    modified_time: Selector,
    date: Selector,
    time: Selector,
    site_name: Selector,
    author: Selector,
    article_author: Selector,
    canonical: Selector,
    og_url: Selector,
    h1: Selector,
}

static SELECTORS: std::sync::LazyLock<Selectors> = std::sync::LazyLock::new(|| {
    let s = |css: &str| Selector::parse(css).expect("a valid selector");
    Selectors {
        og_title: s(r#"meta[property="og:title"]"#),
        title: s("title"),
        published_time: s(r#"meta[property="article:published_time"]"#),
        modified_time: s(r#"meta[property="article:modified_time"]"#),
        date: s(r#"meta[name="date"]"#),
        time: s("time[datetime]"),
        site_name: s(r#"meta[property="og:site_name"]"#),
        author: s(r#"meta[name="author"]"#),
        article_author: s(r#"meta[property="article:author"]"#),
        canonical: s(r#"link[rel="canonical"]"#),
        og_url: s(r#"meta[property="og:url"]"#),
        h1: s("h1"),
    }
});

/// What the head (and the first `time` and `h1`) say, found in one walk
/// over the elements instead of one per selector: each selector's first
/// element that has the attribute asked for (the first at all for those
/// asked for their text), as `Html::select` would find it. Only elements
/// of the selectors' names are matched.
#[derive(Default)]
struct Found<'a> {
    og_title: Option<&'a str>,
    title: Option<ElementRef<'a>>,
    published_time: Option<&'a str>,
    modified_time: Option<&'a str>,
    date: Option<&'a str>,
    time: Option<&'a str>,
    /// Another `time` of another date: a page of dated teasers.
    times_differ: bool,
    site_name: Option<&'a str>,
    author: Option<&'a str>,
    article_author: Option<&'a str>,
    canonical: Option<&'a str>,
    og_url: Option<&'a str>,
    h1: bool,
}

impl<'a> Found<'a> {
    fn in_document(doc: &'a Html) -> Found<'a> {
        let s = &*SELECTORS;
        let mut f = Found::default();
        let first = |slot: &mut Option<&'a str>, e: &ElementRef<'a>, sel: &Selector, attr: &str| {
            if slot.is_none() && sel.matches(e) {
                *slot = e.value().attr(attr);
            }
        };
        // In the order `Html::select` goes: the tree's nodes as created, attached ones.
        for e in doc.tree.nodes().filter_map(ElementRef::wrap).filter(|e| e.parent().is_some()) {
            match e.value().name() {
                "meta" => {
                    first(&mut f.og_title, &e, &s.og_title, "content");
                    first(&mut f.published_time, &e, &s.published_time, "content");
                    first(&mut f.modified_time, &e, &s.modified_time, "content");
                    first(&mut f.date, &e, &s.date, "content");
                    first(&mut f.site_name, &e, &s.site_name, "content");
                    first(&mut f.author, &e, &s.author, "content");
                    first(&mut f.article_author, &e, &s.article_author, "content");
                    first(&mut f.og_url, &e, &s.og_url, "content");
                }
                "title" if f.title.is_none() && s.title.matches(&e) => f.title = Some(e),
                "time" => {
                    first(&mut f.time, &e, &s.time, "datetime");
                    f.times_differ |=
                        e.value().attr("datetime").is_some_and(|t| f.time.is_some_and(|first| first != t));
                }
                "link" => first(&mut f.canonical, &e, &s.canonical, "href"),
                "h1" if s.h1.matches(&e) => f.h1 = true,
                _ => {}
            }
        }
        f
    }
}

/// An attribute's value, trimmed, unless empty.
fn value(found: Option<&str>) -> Option<String> {
    found.map(|s| s.trim().to_string()).filter(|s| !s.is_empty())
}

/// An element's text with its white space collapsed, unless empty.
fn text_of(e: Option<ElementRef<'_>>) -> Option<String> {
    let t = e?.text().collect::<Vec<_>>().join(" ");
    let t = t.split_whitespace().collect::<Vec<_>>().join(" ");
    (!t.is_empty()).then_some(t)
}

/// Parse an HTML file into visible text, anchors and metadata.
pub fn parse(source: &str) -> HtmlText {
    let doc = Html::parse_document(source);
    let found = Found::in_document(&doc);
    let title = value(found.og_title).or_else(|| text_of(found.title));
    // A page of teasers, each with its own `time`, is as of its last
    // change, not of its first teaser.
    let published = value(found.published_time)
        .or_else(|| value(found.date))
        .or_else(|| value(found.modified_time).filter(|_| found.times_differ))
        .or_else(|| value(found.time))
        .and_then(|s| parse_date(&s));
    let meta = MetaFields {
        title,
        publisher: value(found.site_name),
        author: value(found.author).or_else(|| value(found.article_author)),
        url: value(found.canonical).or_else(|| value(found.og_url)),
        published,
    };

    let body_start = source.find("<body").or_else(|| source.find("<BODY")).unwrap_or(0);
    let mut b = Builder {
        source,
        cursor: 0,
        text: String::new(),
        anchors: Vec::new(),
        headings: Vec::new(),
        items: Vec::new(),
    };
    // With no h1, the <title> is the headline: show it first, anchored in the head.
    if !found.h1
        && let Some(t) = text_of(found.title)
    {
        let start = b.text.len();
        b.cursor = source.find("<title").unwrap_or(0);
        b.push_text(&t);
        b.headings.push((start..b.text.len(), 1));
        b.newline();
    }
    b.cursor = b.cursor.max(body_start);
    let depth = b.walk(doc.tree.root());
    while b.text.ends_with([' ', '\n']) {
        b.text.pop();
    }
    b.text.push('\n');
    HtmlText { map: OffsetMap::new(b.anchors), text: b.text, meta, headings: b.headings, items: b.items, depth }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = "<!doctype html>\n<html><head>\n<title>Toll rises</title>\n\
<meta property=\"og:site_name\" content=\"The Daily\">\n\
<meta property=\"article:published_time\" content=\"2024-03-21T08:00:00Z\">\n\
<script>var x = 99;</script></head>\n<body>\n<h1>Close to 32,000 killed</h1>\n\
<p>According to the ministry,\n<b>31,988</b> people &amp; more have died.</p>\n</body></html>\n";

    #[test]
    fn footnote_marks_are_no_part_of_the_text() {
        let h = parse(
            "<p>Killed: 34,488<sup>1</sup>, wounded 77,643<sup>[2]</sup>*</p><p>Their 7<sup>th</sup> trip<sup>†</sup>.</p>",
        );
        assert_eq!(h.text, "Killed: 34,488, wounded 77,643*\nTheir 7th trip.\n");
    }

    #[test]
    fn a_page_of_dated_teasers_is_as_of_its_last_change() {
        let teasers = "<li><h3>A</h3><time datetime=\"2024-02-29\">x</time></li><li><h3>B</h3><time datetime=\"2024-06-08\">y</time></li>";
        let head = "<head><meta property=\"article:modified_time\" content=\"2024-06-10T09:00:00Z\"></head>";
        let h = parse(&format!("<html>{head}<body><ul>{teasers}</ul></body></html>"));
        assert_eq!(h.meta.published, parse_date("2024-06-10"));
        // One date in the body is the article's own.
        let h = parse(&format!("<html>{head}<body><time datetime=\"2024-02-29\">x</time></body></html>"));
        assert_eq!(h.meta.published, parse_date("2024-02-29"));
    }

    #[test]
    fn navigation_and_related_stories_are_never_read() {
        let h = parse(concat!(
            "<nav><a>Gaza: 10,000 dead</a></nav><article><p>35,500 killed.</p></article>",
            "<section class=\"story-related\"><h2>Related</h2><ul><li><a>Toll reaches 10,000</a></li></ul></section>",
            "<div id=\"mostRead\"><p>Not marked: 12 read.</p></div><aside class=\"factbox\"><p>Hostages: 125</p></aside>",
            "<div role=\"navigation\">Day 30: 10,000</div><ul class=\"Recommended-list\"><li>1,400</li></ul>",
            "<blockquote class=\"twitter-tweet\"><p>Over 40,000 dead in Gaza.</p>&mdash; An Account</blockquote>",
            "<blockquote class=\"instagram-media\"><p>40,000</p></blockquote>"
        ));
        assert_eq!(h.text, "35,500 killed.\nNot marked: 12 read.\nHostages: 125\n");
    }

    #[test]
    fn deleted_text_is_never_read() {
        let h = parse("<p>The ministry said <del>33,037</del> <ins>33,091</ins> were killed, not <s>1,400</s>.</p>");
        assert_eq!(h.text, "The ministry said 33,091 were killed, not .\n");
    }

    #[test]
    fn visible_text_metadata_and_headings() {
        let h = parse(PAGE);
        assert_eq!(h.text, "Close to 32,000 killed\nAccording to the ministry, 31,988 people & more have died.\n");
        assert_eq!(h.meta.title.as_deref(), Some("Toll rises"));
        assert_eq!(h.meta.publisher.as_deref(), Some("The Daily"));
        assert_eq!(h.meta.published, parse_date("2024-03-21"));
        assert_eq!(&h.text[h.headings[0].0.clone()], "Close to 32,000 killed");
    }

    /// A table row is written as a Markdown row, one line a row, and its
    /// figures still map back to the page.
    #[test]
    fn a_definition_continues_its_terms_line() {
        let page = "<html><body><dl>\n<dt>Killed in Gaza:</dt>\n<dd>34,183</dd>\n<dd>most of them women and children</dd>\n\
            <dt>Hostages</dt><dt>still held</dt><dd>129</dd></dl><p>After.</p></body></html>";
        let h = parse(page);
        assert_eq!(
            h.text,
            "Killed in Gaza: 34,183\nmost of them women and children\nHostages:\nstill held: 129\nAfter.\n"
        );
        let starts: Vec<&str> = h.items.iter().map(|&i| h.text[i..].lines().next().unwrap()).collect();
        assert_eq!(
            starts,
            ["Killed in Gaza: 34,183", "most of them women and children", "Hostages:", "still held: 129"]
        );
        let t = h.text.find("34,183").unwrap();
        assert_eq!(&page[h.map.to_source(t)..h.map.to_source(t) + 6], "34,183");
    }

    #[test]
    fn table_rows_read_as_rows() {
        let page = "<html><body><table><tr><th>What</th><th>Number</th></tr>\n\
            <tr>\n  <td>Palestinians killed</td>\n  <td>33,360</td><td><b>Gaza</b> health ministry</td>\n</tr></table>\
            <p>After.</p></body></html>";
        let h = parse(page);
        assert_eq!(h.text, "| What | Number |\n| Palestinians killed | 33,360 | Gaza health ministry |\nAfter.\n");
        let t = h.text.find("33,360").unwrap();
        let s = h.map.to_source(t);
        assert_eq!(&page[s..s + 6], "33,360");
    }

    #[test]
    fn a_figure_in_arabic_digits_maps_to_the_source() {
        let page = "<body><p>According to the ministry, &nbsp;<b>٣٥٬٠٩١</b> were killed.</p></body>";
        let h = parse(page);
        let t = h.text.find('٣').unwrap();
        let s = h.map.to_source(t);
        assert!(page[s..].starts_with("٣٥٬٠٩١</b>"), "{}", &page[s..]);
    }

    #[test]
    fn a_word_maps_to_the_text_not_to_an_attribute() {
        let page = r#"<body><p>By Staff · <time datetime="2024-05-13T09:30:00Z">13 May 2024</time></p></body>"#;
        let h = parse(page);
        let t = h.text.find("13 May").unwrap();
        let s = h.map.to_source(t);
        assert_eq!(&page[s..s + 11], "13 May 2024");
    }

    #[test]
    fn text_offsets_map_to_the_source() {
        let h = parse(PAGE);
        let t = h.text.find("31,988").unwrap();
        let s = h.map.to_source(t);
        assert_eq!(&PAGE[s..s + 6], "31,988");
        let t = h.text.find("have died").unwrap();
        let s = h.map.to_source(t);
        assert_eq!(&PAGE[s..s + 9], "have died");
    }

    /// White space collapses to one space (none at a line's start), other
    /// characters and entities come through, and every word of the text
    /// maps back to the same word in the source: past entities, runs of
    /// white space, non-breaking spaces, curly quotes and markup.
    #[test]
    fn text_runs_collapse_and_every_word_maps_back() {
        let page = "<html><body><h1>Gaza\u{a0}toll  tops 30,000</h1>\n\
            <p>  The ministry\u{2019}s count:\n\t<i>30,035</i> dead &amp; 70,457&nbsp;hurt,\r\n  \
            \u{201c}a grim\u{201d}   milestone\u{3000}today.</p><p>Hamas&#39;s   figures</p></body></html>";
        let h = parse(page);
        assert_eq!(
            h.text,
            "Gaza toll tops 30,000\nThe ministry\u{2019}s count: 30,035 dead & 70,457 hurt, \
             \u{201c}a grim\u{201d} milestone today.\nHamas's figures\n"
        );
        let literal = |c: char| c.is_ascii_graphic() && !matches!(c, '&' | '<' | '>');
        let mut words = 0;
        let mut at = 0;
        for word in h.text.split(|c: char| !literal(c)).filter(|w| !w.is_empty()) {
            let t = at + h.text[at..].find(word).unwrap();
            at = t + word.len();
            // A word made from an entity is not in the source as written.
            if word.contains('\'') {
                continue;
            }
            let s = h.map.to_source(t);
            assert_eq!(&page[s..s + word.len()], word, "{word} at {t}");
            words += 1;
        }
        assert_eq!(words, 17);
    }

    /// Each field from the first element that has it, in the order of
    /// preference: `og:title` over `<title>`, the published time over the
    /// `date` meta over `<time datetime>`, `author` over `article:author`,
    /// the canonical link over `og:url`; an empty value counts as none.
    #[test]
    fn metadata_fields_and_their_fallbacks() {
        let page = "<html><head><title> Toll \n rises </title>\
            <meta property=\"og:site_name\"><meta property=\"og:site_name\" content=\" Wire \">\
            <meta name=\"author\" content=\"  \"><meta property=\"article:author\" content=\"A. Writer\">\
            <meta property=\"og:url\" content=\"https://example.com/og\">\
            <link rel=\"canonical\" href=\"https://example.com/a\"></head>\
            <body><p>Posted <time datetime=\"2024-03-02\">Saturday</time>.</p></body></html>";
        let h = parse(page);
        assert_eq!(h.meta.title.as_deref(), Some("Toll rises"));
        assert_eq!(h.meta.publisher.as_deref(), Some("Wire"));
        assert_eq!(h.meta.author.as_deref(), Some("A. Writer"));
        assert_eq!(h.meta.url.as_deref(), Some("https://example.com/a"));
        assert_eq!(h.meta.published, parse_date("2024-03-02"));
        // No h1: the title is the headline.
        assert_eq!(h.text, "Toll rises\nPosted Saturday.\n");
        assert_eq!(h.headings, vec![(0..10, 1)]);

        let page = "<html><head><meta property=\"og:title\" content=\"Og title\"><title>Title</title>\
            <meta name=\"date\" content=\"2024-01-05\"><meta property=\"article:published_time\" content=\"2024-01-04\">\
            </head><body><h1>Head</h1><time datetime=\"2024-01-06\">x</time></body></html>";
        let h = parse(page);
        assert_eq!(h.meta.title.as_deref(), Some("Og title"));
        assert_eq!(h.meta.published, parse_date("2024-01-04"));
        assert_eq!((h.meta.publisher, h.meta.author, h.meta.url), (None, None, None));
        assert_eq!(h.text, "Head\nx\n");
    }
}
