//! Invisible characters: zero-width spaces and joiners, direction marks
//! and embeddings, soft hyphens, word joiners, byte-order marks. Text
//! pasted from the web, or from right-to-left copy, carries them inside
//! figures and words ("78,\u{200b}827", "\u{200f}35,091\u{200f}",
//! "hos\u{ad}tages"), where they split a figure in two or keep a pattern
//! from matching. They are taken out of the analysis text, and the offset
//! map keeps every citation on the file's own line and column.

use std::ops::Range;

/// The byte ranges of `text`'s invisible characters: U+00AD, U+200B to
/// U+200F, U+202A to U+202E, U+2060 to U+2064, U+2066 to U+2069, U+FEFF.
/// Their UTF-8 forms open with 0xC2, 0xE2 or 0xEF: a vectorised search for
/// those bytes passes over the rest, and each hit is told by its bytes
/// (curly quotes and dashes open with 0xE2 too, and are common).
pub fn ranges(text: &str) -> Vec<Range<usize>> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    for at in memchr::memchr3_iter(0xc2, 0xe2, 0xef, b) {
        let len = match (b[at], b.get(at + 1), b.get(at + 2)) {
            (0xc2, Some(0xad), _) => 2,
            (0xe2, Some(0x80), Some(0x8b..=0x8f | 0xaa..=0xae)) => 3,
            (0xe2, Some(0x81), Some(0xa0..=0xa4 | 0xa6..=0xa9)) => 3,
            (0xef, Some(0xbb), Some(0xbf)) => 3,
            _ => continue,
        };
        out.push(at..at + len);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invisible_characters_are_taken_out_and_offsets_map_back() {
        let file = "a 78,\u{200b}827 b \u{200f}35,091\u{200f} hos\u{ad}tages";
        let r = ranges(file);
        assert_eq!(r.len(), 4);
        let (text, map) = crate::document::offsets::strip(file, &r, None);
        assert_eq!(text, "a 78,827 b 35,091 hostages");
        for figure in ["78,827", "35,091", "tages"] {
            let at = text.find(figure).unwrap();
            let (start, end) = (map.to_source(at), map.to_source(at + figure.len() - 1) + 1);
            assert_eq!(file[start..end].replace(['\u{200b}', '\u{200f}', '\u{ad}'], ""), figure);
        }
        // Curly quotes and dashes share the first byte and stay.
        assert!(ranges("“35,000” — ’").is_empty());
    }
}
