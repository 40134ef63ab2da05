//! Byte-level helpers for reading words and spaces around a position.
//! Positions are byte offsets that always fall on character boundaries.

/// Horizontal whitespace: space, tab, no-break space, narrow no-break
/// space, thin space. Figures never span a line break.
pub(crate) fn space_len(text: &str, pos: usize) -> usize {
    let b = text.as_bytes();
    match b.get(pos) {
        Some(b' ' | b'\t') => 1,
        Some(0xC2) if b.get(pos + 1) == Some(&0xA0) => 2,
        // U+202F narrow no-break space, U+2009 thin space
        Some(0xE2) if b.get(pos + 1) == Some(&0x80) && matches!(b.get(pos + 2), Some(0xAF | 0x89)) => 3,
        _ => 0,
    }
}

/// Skip horizontal whitespace forward.
pub(crate) fn skip_space(text: &str, mut pos: usize) -> usize {
    loop {
        let n = space_len(text, pos);
        if n == 0 {
            return pos;
        }
        pos += n;
    }
}

/// Skip horizontal whitespace backward from `pos` (exclusive end).
pub(crate) fn skip_space_back(text: &str, mut pos: usize) -> usize {
    let b = text.as_bytes();
    loop {
        if pos >= 1 && matches!(b[pos - 1], b' ' | b'\t') {
            pos -= 1;
        } else if pos >= 2 && b[pos - 2] == 0xC2 && b[pos - 1] == 0xA0 {
            pos -= 2;
        } else if pos >= 3 && b[pos - 3] == 0xE2 && b[pos - 2] == 0x80 && matches!(b[pos - 1], 0xAF | 0x89) {
            pos -= 3;
        } else {
            return pos;
        }
    }
}

/// Skip horizontal whitespace backward, and one line break within it: a
/// line wrapped inside a paragraph ("more\nthan 30,000"), not a blank line.
pub(crate) fn skip_wrap_back(text: &str, pos: usize) -> usize {
    let p = skip_space_back(text, pos);
    let Some(line) = text[..p].strip_suffix('\n') else { return p };
    let line = line.strip_suffix('\r').unwrap_or(line);
    let before = skip_space_back(text, line.len());
    // The line before is empty, or there is none: no wrap to cross.
    match text.as_bytes()[..before].last() {
        None | Some(b'\n' | b'\r') => p,
        Some(_) => before,
    }
}

/// Shorter lines that end without a sentence end are navigation, bylines
/// or headings in scraped text, not a paragraph cut at its wrap width.
pub(crate) const MIN_WRAPPED_LINE: usize = 50;

/// Where the next line starts past its horizontal whitespace, when `pos`
/// is a line break inside a paragraph: the line is long enough to have
/// been wrapped, and the next one is not blank.
pub(crate) fn skip_wrap(text: &str, pos: usize) -> Option<usize> {
    let b = text.as_bytes();
    let line_start = memchr::memrchr(b'\n', &b[..pos]).map_or(0, |i| i + 1);
    if text[line_start..pos].trim_end().len() < MIN_WRAPPED_LINE {
        return None;
    }
    let after = match b.get(pos)? {
        b'\r' if b.get(pos + 1) == Some(&b'\n') => pos + 2,
        b'\n' => pos + 1,
        _ => return None,
    };
    let next = skip_space(text, after);
    (!matches!(b.get(next), None | Some(b'\n' | b'\r'))).then_some(next)
}

pub(crate) fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric()
}

/// The end of the ASCII letter run starting at `pos`.
pub(crate) fn letters_end(text: &str, pos: usize) -> usize {
    let b = text.as_bytes();
    let mut e = pos;
    while e < b.len() && b[e].is_ascii_alphabetic() {
        e += 1;
    }
    e
}

/// The end of the ASCII digit run starting at `pos`.
/// The length of the post number a line opens with, "2/" or "3/7" before
/// a space: at most three digits, never past its total ("24/7" is none),
/// and "2/3 of the dead" is a fraction: a post opens with a capital.
pub(crate) fn post_number_len(line: &str) -> Option<usize> {
    let b = line.as_bytes();
    let slash = digits_end(line, 0);
    if slash == 0 || slash > 3 || b.get(slash) != Some(&b'/') {
        return None;
    }
    let end = digits_end(line, slash + 1);
    if end > slash + 1 && line[slash + 1..end].parse::<u32>().ok()? < line[..slash].parse::<u32>().ok()? {
        return None;
    }
    let opens_post = end == slash + 1 || !b.get(end + 1).is_some_and(u8::is_ascii_lowercase);
    (b.get(end) == Some(&b' ') && opens_post).then_some(end)
}

pub(crate) fn digits_end(text: &str, pos: usize) -> usize {
    let b = text.as_bytes();
    let mut e = pos;
    while e < b.len() && b[e].is_ascii_digit() {
        e += 1;
    }
    e
}

/// The start of the ASCII letter run ending at `pos`.
pub(crate) fn letters_start(text: &str, pos: usize) -> usize {
    let b = text.as_bytes();
    let mut s = pos;
    while s > 0 && b[s - 1].is_ascii_alphabetic() {
        s -= 1;
    }
    s
}

/// The word (ASCII letters) right at `pos`, if any.
pub(crate) fn word_at(text: &str, pos: usize) -> Option<(usize, &str)> {
    let e = letters_end(text, pos);
    (e > pos).then(|| (e, &text[pos..e]))
}

/// The word before `pos`, skipping horizontal whitespace: `(start, word)`.
pub(crate) fn word_before(text: &str, pos: usize) -> Option<(usize, &str)> {
    let e = skip_space_back(text, pos);
    let s = letters_start(text, e);
    (s < e).then(|| (s, &text[s..e]))
}

/// Whether `pos` is not inside a word: the byte before is not alphanumeric.
pub(crate) fn boundary_before(text: &str, pos: usize) -> bool {
    pos == 0 || !is_word_byte(text.as_bytes()[pos - 1])
}

/// Whether the byte at `pos` does not continue a word.
pub(crate) fn boundary_after(text: &str, pos: usize) -> bool {
    text.as_bytes().get(pos).is_none_or(|b| !is_word_byte(*b))
}

/// If `text[..pos]` ends with `phrase` (ASCII case-insensitive, spaces
/// matching any horizontal whitespace run), preceded by a word boundary,
/// return the phrase's start. Whitespace between the phrase and `pos` is
/// skipped first when `gap` is true.
pub(crate) fn phrase_before(text: &str, pos: usize, phrase: &str, gap: bool) -> Option<usize> {
    phrase_before_with(text, pos, phrase, gap, skip_space_back)
}

/// `phrase_before` from `p`, where the gap before the figure was already
/// skipped and a space may also be a line wrapped inside a paragraph:
/// qualifiers are often the last word of a wrapped line.
pub(crate) fn phrase_ending_wrapped(text: &str, p: usize, phrase: &str) -> Option<usize> {
    phrase_before_with(text, p, phrase, false, skip_wrap_back)
}

fn phrase_before_with(
    text: &str,
    pos: usize,
    phrase: &str,
    gap: bool,
    skip_back: fn(&str, usize) -> usize,
) -> Option<usize> {
    let mut p = if gap { skip_back(text, pos) } else { pos };
    let b = text.as_bytes();
    let pb = phrase.as_bytes();
    let mut i = pb.len();
    while i > 0 {
        let c = pb[i - 1];
        if c == b' ' {
            let q = skip_back(text, p);
            if q == p {
                return None;
            }
            p = q;
            i -= 1;
            continue;
        }
        if p == 0 || !b[p - 1].eq_ignore_ascii_case(&c) {
            return None;
        }
        p -= 1;
        i -= 1;
    }
    let first = pb[0];
    if first.is_ascii_alphanumeric() && !boundary_before(text, p) {
        return None;
    }
    Some(p)
}

/// If `text[pos..]` starts with `phrase` (ASCII case-insensitive, spaces
/// matching any horizontal whitespace run) and the phrase ends at a word
/// boundary, return the phrase's end.
pub(crate) fn phrase_at(text: &str, pos: usize, phrase: &str) -> Option<usize> {
    let b = text.as_bytes();
    let mut p = pos;
    for &c in phrase.as_bytes() {
        if c == b' ' {
            let q = skip_space(text, p);
            if q == p {
                return None;
            }
            p = q;
            continue;
        }
        if p >= b.len() || !b[p].eq_ignore_ascii_case(&c) {
            return None;
        }
        p += 1;
    }
    let last = *phrase.as_bytes().last()?;
    if last.is_ascii_alphanumeric() && !boundary_after(text, p) {
        return None;
    }
    Some(p)
}

/// Lower-case an ASCII word into `buf` (words longer than the buffer are
/// not number words and yield `None`).
pub(crate) fn lower<'b>(word: &str, buf: &'b mut [u8; 24]) -> Option<&'b str> {
    let w = word.as_bytes();
    if w.len() > buf.len() {
        return None;
    }
    for (d, s) in buf.iter_mut().zip(w) {
        *d = s.to_ascii_lowercase();
    }
    std::str::from_utf8(&buf[..w.len()]).ok()
}

/// The character starting at `pos`, if any.
pub(crate) fn char_at(text: &str, pos: usize) -> Option<char> {
    text.get(pos..).and_then(|s| s.chars().next())
}

/// The character ending at `pos`, if any.
pub(crate) fn char_before(text: &str, pos: usize) -> Option<char> {
    text.get(..pos).and_then(|s| s.chars().next_back())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phrases_match_across_spaces_and_case() {
        let t = "killing More  than 1,200";
        assert_eq!(phrase_before(t, 19, "more than", true), Some(8));
        assert_eq!(phrase_before(t, 19, "than", true), Some(14));
        assert_eq!(phrase_before("someover 5", 9, "over", true), None);
        assert_eq!(phrase_at("per cent of 5", 0, "per cent"), Some(8));
        assert_eq!(phrase_at("percentage", 0, "percent"), None);
    }

    #[test]
    fn spaces_include_no_break_forms() {
        let t = "40\u{202f}000";
        assert_eq!(space_len(t, 2), 3);
        assert_eq!(skip_space("a \u{a0} b", 1), 5);
        assert_eq!(skip_space_back("a \u{a0} b", 5), 1);
    }
}
