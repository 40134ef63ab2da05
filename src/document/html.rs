//! HTML documents: the visible text, parsed with a real HTML parser
//! (scraper/html5ever), each text run anchored to its position in the
//! source so citations point at the right line of the HTML file; and the
//! metadata of the head (`og:title`, `og:site_name`,
//! `article:published_time`, `<time datetime>`).

use std::ops::Range;

use ego_tree::iter::Edge;
use scraper::{ElementRef, Html, Node, Selector};

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
    /// How deeply elements nest.
    pub depth: usize,
}

/// Deeper nesting than this is no article: browsers stop nesting at 512.
pub const MAX_DEPTH: usize = 512;

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

    /// Find `word` in the source after the cursor and anchor it.
    fn anchor(&mut self, text_offset: usize, word: &str) {
        // Most words follow the last one after some spaces: no search needed.
        let rest = &self.source.as_bytes()[self.cursor..];
        let gap = rest.iter().take_while(|b| b.is_ascii_whitespace()).count();
        if rest[gap..].starts_with(word.as_bytes()) {
            let src = self.cursor + gap;
            self.anchors.push((text_offset, src));
            self.cursor = src + word.len();
            return;
        }
        let end = (self.cursor + SEARCH_WINDOW).min(self.source.len());
        let mut end = end;
        while !self.source.is_char_boundary(end) {
            end -= 1;
        }
        if let Some(i) = self.source[self.cursor..end].find(word) {
            let src = self.cursor + i;
            self.anchors.push((text_offset, src));
            self.cursor = src + word.len();
        }
    }

    fn push_text(&mut self, raw: &str) {
        // Runs of ASCII other than `&`, `<`, `>` and spaces are literal in
        // the source, so they are anchored; other characters may be entities.
        let literal = |b: u8| b.is_ascii() && !matches!(b, b'\t'..=b'\r' | b' ' | b'&' | b'<' | b'>');
        let mut i = 0;
        while i < raw.len() {
            let run = raw.as_bytes()[i..].iter().take_while(|&&b| literal(b)).count();
            if run > 0 {
                let word = &raw[i..i + run];
                let at = self.text.len();
                self.text.push_str(word);
                self.anchor(at, word);
                i += run;
                continue;
            }
            let c = raw[i..].chars().next().expect("i is on a character boundary");
            if !c.is_whitespace() {
                self.text.push(c);
            } else if !self.text.is_empty() && !self.text.ends_with([' ', '\n']) {
                self.text.push(' ');
            }
            i += c.len_utf8();
        }
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
                        if skipping > 0 || SKIP.contains(&e.name()) {
                            skipping += 1;
                            open.push(None);
                            continue;
                        }
                        if BLOCK.contains(&e.name()) {
                            self.newline();
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
                    if BLOCK.contains(&e.name()) {
                        self.newline();
                    }
                }
            }
        }
        deepest
    }
}

/// The selectors metadata is read with, parsed once: parsing one costs
/// more than matching it against a page.
struct Selectors {
    og_title: Selector,
    title: Selector,
    published_time: Selector,
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

fn select_attr(doc: &Html, sel: &Selector, attr: &str) -> Option<String> {
    doc.select(sel).find_map(|e| e.value().attr(attr)).map(|s| s.trim().to_string()).filter(|s| !s.is_empty())
}

fn select_text(doc: &Html, sel: &Selector) -> Option<String> {
    let e: ElementRef<'_> = doc.select(sel).next()?;
    let t = e.text().collect::<Vec<_>>().join(" ");
    let t = t.split_whitespace().collect::<Vec<_>>().join(" ");
    (!t.is_empty()).then_some(t)
}

/// Parse an HTML file into visible text, anchors and metadata.
pub fn parse(source: &str) -> HtmlText {
    let doc = Html::parse_document(source);
    let s = &*SELECTORS;
    let title = select_attr(&doc, &s.og_title, "content").or_else(|| select_text(&doc, &s.title));
    let published = select_attr(&doc, &s.published_time, "content")
        .or_else(|| select_attr(&doc, &s.date, "content"))
        .or_else(|| select_attr(&doc, &s.time, "datetime"))
        .and_then(|s| parse_date(&s));
    let meta = MetaFields {
        title,
        publisher: select_attr(&doc, &s.site_name, "content"),
        author: select_attr(&doc, &s.author, "content").or_else(|| select_attr(&doc, &s.article_author, "content")),
        url: select_attr(&doc, &s.canonical, "href").or_else(|| select_attr(&doc, &s.og_url, "content")),
        published,
    };

    let body_start = source.find("<body").or_else(|| source.find("<BODY")).unwrap_or(0);
    let mut b = Builder { source, cursor: 0, text: String::new(), anchors: Vec::new(), headings: Vec::new() };
    // With no h1, the <title> is the headline: show it first, anchored in the head.
    let has_h1 = doc.select(&s.h1).next().is_some();
    if !has_h1 && let Some(t) = select_text(&doc, &s.title) {
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
    HtmlText { map: OffsetMap::new(b.anchors), text: b.text, meta, headings: b.headings, depth }
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
    fn visible_text_metadata_and_headings() {
        let h = parse(PAGE);
        assert_eq!(h.text, "Close to 32,000 killed\nAccording to the ministry, 31,988 people & more have died.\n");
        assert_eq!(h.meta.title.as_deref(), Some("Toll rises"));
        assert_eq!(h.meta.publisher.as_deref(), Some("The Daily"));
        assert_eq!(h.meta.published, parse_date("2024-03-21"));
        assert_eq!(&h.text[h.headings[0].0.clone()], "Close to 32,000 killed");
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
}
