//! Inline HTML and struck text in Markdown. A draft with tracked changes
//! strikes the old figure (`~~1,400~~ 1,200`, `<del>33,037</del>
//! <ins>33,091</ins>`): struck text is no claim, so it is blanked whole;
//! other inline tags are blanked and their text read as prose.

use crate::substring::finder;
use std::ops::Range;

/// Elements whose text was deleted: never read, in Markdown or HTML.
pub(crate) const STRUCK: [&str; 3] = ["del", "s", "strike"];

/// Inline elements whose tags are markup around prose.
const INLINE: [&str; 22] = [
    "a", "abbr", "b", "br", "cite", "code", "del", "em", "i", "ins", "kbd", "mark", "q", "s", "small", "span",
    "strike", "strong", "sub", "sup", "time", "u",
];

/// Byte ranges to blank in a Markdown text: struck text with its marks,
/// and the tags of other inline elements.
pub fn ranges(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let b = text.as_bytes();
    let mut resume = 0;
    for at in memchr::memchr_iter(b'<', b) {
        if at < resume {
            continue;
        }
        let Some((name, end, closing)) = tag_at(text, at) else { continue };
        if !closing && STRUCK.contains(&name.as_str()) {
            let close = format!("</{name}>");
            if let Some(c) = find_in_paragraph(text, end, &close) {
                out.push(at..c + close.len());
                resume = c + close.len();
                continue;
            }
        }
        out.push(at..end);
    }
    let mut pos = 0;
    while let Some(open) = finder!(b"~~").find(&b[pos..]).map(|i| pos + i) {
        let inner = open + 2;
        // "~~" opens before text and closes after it: "~~1,400~~".
        if b.get(inner).is_none_or(|c| c.is_ascii_whitespace() || *c == b'~') {
            pos = inner;
            continue;
        }
        match find_in_paragraph(text, inner, "~~") {
            Some(close) if !b[close - 1].is_ascii_whitespace() => {
                out.push(open..close + 2);
                pos = close + 2;
            }
            _ => pos = inner,
        }
    }
    out
}

/// A known inline tag opening at `at`: its lowercase name, its end, and
/// whether it closes an element.
fn tag_at(text: &str, at: usize) -> Option<(String, usize, bool)> {
    let b = text.as_bytes();
    let closing = b.get(at + 1) == Some(&b'/');
    let name_start = at + 1 + usize::from(closing);
    let name_len = b[name_start..].iter().take_while(|c| c.is_ascii_alphanumeric()).count();
    if name_len == 0 || name_len > 6 {
        return None;
    }
    let name = text[name_start..name_start + name_len].to_ascii_lowercase();
    if !INLINE.contains(&name.as_str()) {
        return None;
    }
    let after = name_start + name_len;
    let end = match b.get(after)? {
        b'>' => after + 1,
        b' ' | b'/' | b'\t' => {
            // Attributes up to the tag's end, within its line.
            let len = b[after..].iter().take(400).position(|&c| c == b'>' || c == b'<' || c == b'\n')?;
            if b[after + len] != b'>' {
                return None;
            }
            after + len + 1
        }
        _ => return None,
    };
    Some((name, end, closing))
}

/// Struck text is a word or a figure, not a page: a mark with no close
/// this near strikes nothing, and a hostile file of open marks costs
/// no more than this per mark.
const MAX_STRUCK: usize = 1_000;

/// Where `needle` next occurs from `from`, before the paragraph ends.
fn find_in_paragraph(text: &str, from: usize, needle: &str) -> Option<usize> {
    let mut end = (from + MAX_STRUCK).min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let window = &text[from..end];
    let limit = window.find("\n\n").unwrap_or(window.len());
    window[..limit].find(needle).map(|i| from + i)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn blanked(text: &str) -> String {
        let mut out = text.as_bytes().to_vec();
        for r in ranges(text) {
            out[r].fill(b' ');
        }
        String::from_utf8(out).expect("ASCII test text")
    }

    #[test]
    fn struck_text_is_blanked_whole() {
        assert_eq!(blanked("killed ~~1,400~~ about 1,200 people"), "killed           about 1,200 people");
        let struck = "<del>33,037</del>";
        assert_eq!(
            blanked(&format!("said {struck}\n<ins>33,091</ins> had")),
            format!("said {}\n{}33,091{} had", " ".repeat(struck.len()), " ".repeat(5), " ".repeat(6))
        );
        assert_eq!(blanked("<s>250</s> 253 taken"), format!("{} 253 taken", " ".repeat(10)));
        assert_eq!(
            blanked(r#"<span class="fig">1.7 million</span>"#),
            format!("{}1.7 million{}", " ".repeat(18), " ".repeat(7))
        );
    }

    #[test]
    fn what_is_not_markup_stays() {
        // A comparison, an unknown element, tildes that strike nothing.
        for text in ["if 3 < 5 and 7 > 2", "<figure>12</figure>", "~~ 12 ~~", "~12", "~~12\n\n~~", "<del>12"] {
            let kept = blanked(text);
            assert!(kept.contains("12") || kept.contains('3'), "{text:?} became {kept:?}");
        }
        assert_eq!(blanked("<del>12"), "<del>12".replace("<del>", "     "));
        // A close too far away strikes nothing.
        let far = format!("~~12{}~~", "x".repeat(MAX_STRUCK));
        assert_eq!(blanked(&far), far);
    }
}
