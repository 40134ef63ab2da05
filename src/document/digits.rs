//! Arabic-Indic digits (U+0660 to U+0669), their Persian forms (U+06F0 to
//! U+06F9) and the Arabic thousands and decimal separators, read as ASCII:
//! "٣٥٬٠٩١" is 35,091. Copy quoting a ministry's Arabic statement or
//! graphic carries them. Each is two bytes in UTF-8: the first becomes the
//! ASCII character and the second is taken out through the offset map, so
//! a citation still points at the file's own characters.

use std::ops::Range;

/// The ASCII character for the two bytes of an Arabic digit or separator.
fn ascii(lead: u8, next: u8) -> Option<u8> {
    match (lead, next) {
        (0xd9, 0xa0..=0xa9) => Some(b'0' + (next - 0xa0)),
        (0xd9, 0xab) => Some(b'.'),
        (0xd9, 0xac) => Some(b','),
        (0xdb, 0xb0..=0xb9) => Some(b'0' + (next - 0xb0)),
        _ => None,
    }
}

/// Whether two bytes are an Arabic or Persian digit or separator.
pub fn is_digit(lead: u8, next: u8) -> bool {
    ascii(lead, next).is_some()
}

/// Whether `text` holds any such digit or separator.
pub fn present(text: &str) -> bool {
    let b = text.as_bytes();
    memchr::memchr2_iter(0xd9, 0xdb, b).any(|at| b.get(at + 1).is_some_and(|&n| ascii(b[at], n).is_some()))
}

/// `text` with each digit and separator's first byte made its ASCII
/// character and its second a space, and the ranges of those spaces, to
/// be taken out. (0xD9 and 0xDB only ever open a character, so every hit
/// is a character's start.)
pub fn to_ascii(text: String) -> (String, Vec<Range<usize>>) {
    if !present(&text) {
        return (text, Vec::new());
    }
    let mut b = text.into_bytes();
    let mut removed = Vec::new();
    let mut at = 0;
    while let Some(i) = memchr::memchr2(0xd9, 0xdb, &b[at..]) {
        let p = at + i;
        if let Some(c) = b.get(p + 1).and_then(|&n| ascii(b[p], n)) {
            b[p] = c;
            b[p + 1] = b' ';
            removed.push(p + 1..p + 2);
        }
        at = p + 1;
    }
    // Only whole two-byte characters were replaced by two ASCII bytes.
    let text = String::from_utf8(b).expect("two-byte characters replaced by two ASCII bytes");
    (text, removed)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::offsets;

    #[test]
    fn arabic_digits_read_as_ascii_and_map_back() {
        let file = "قالت الوزارة ٣٥٬٠٩١ شهيدا، و۱۲٫۵ بالمئة; 78,827 stays";
        let (t, removed) = to_ascii(file.to_string());
        let (text, map) = offsets::strip(&t, &removed, None);
        assert!(text.contains(" 35,091 "), "{text}");
        assert!(text.contains("12.5 "), "{text}");
        assert!(text.ends_with("; 78,827 stays"));
        let at = text.find("35,091").unwrap();
        assert_eq!(&file[map.to_source(at)..map.to_source(at + 5) + 2], "٣٥٬٠٩١");
        // Other Arabic letters open with 0xD9 too, and stay.
        assert!(text.starts_with("قالت الوزارة "));
        assert!(!present("قالت الوزارة 35,091"));
    }
}
