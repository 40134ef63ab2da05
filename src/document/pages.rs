//! What converting a paginated file to text (a PDF report through
//! `pdftotext`) leaves behind: a form feed at each page's end, a running
//! head or foot on every page, page numbers, words broken by a hyphen at a
//! line's end ("Palestin-" then "ians"), and footnote numbers set right
//! after a word's stop ("women.2 Another"). Page furniture and line-end
//! hyphens are taken out of the analysis text (the offset map keeps the
//! file's lines and columns), so that a sentence running over a page break
//! reads as one; footnote numbers are blanked, so that they are no figures
//! and the stop before them still ends a sentence.

use std::ops::Range;

const FORM_FEED: u8 = 0x0c;

/// Words whose hyphen at a line's end joins two numbers ("twenty-" then
/// "five"): kept.
const NUMBER_HEADS: [&str; 17] = [
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "twenty", "thirty", "forty", "fifty",
    "sixty", "seventy", "eighty", "ninety",
];

/// Words that go on a compound after its hyphen ("Hamas-" then "run",
/// "so-" then "called"): the hyphen is the compound's, and stays.
const COMPOUND_TAILS: [&str; 30] = [
    "run",
    "led",
    "based",
    "backed",
    "controlled",
    "held",
    "owned",
    "linked",
    "affiliated",
    "allied",
    "made",
    "born",
    "term",
    "called",
    "known",
    "scale",
    "wide",
    "time",
    "year",
    "old",
    "day",
    "month",
    "week",
    "long",
    "related",
    "free",
    "like",
    "level",
    "up",
    "out",
];

/// Words whose number after a stop is a value, not a note ("Oct.7", "No.2").
const NUMBERED_BY: [&str; 18] = [
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "no", "nos", "vol", "pp",
    "art", "fig",
];

/// Byte ranges of footnote numbers set right after a stop, a closing
/// bracket or a closing quote: "women.2 Another", "authorities.3" at a
/// line's end, "(MoH)4". The number must be followed by the text's or the
/// line's end, or by a space and a capital: "killed.2,000" and "Oct.7"
/// are figures.
pub fn footnote_marks(text: &str) -> Vec<Range<usize>> {
    let b = text.as_bytes();
    // A note's number follows a stop, a bracket, or a quote ("”" and "’"
    // end in 0x9D and 0x99).
    let mut out: Vec<Range<usize>> = memchr::memchr3_iter(b'.', b')', b'"', b)
        .chain(memchr::memchr2_iter(0x9d, 0x99, b))
        .filter(|&p| b.get(p + 1).is_some_and(u8::is_ascii_digit))
        .filter_map(|p| mark_after(b, p))
        .collect();
    out.sort_by_key(|r| r.start);
    out
}

/// The footnote number right after the punctuation whose last byte is at `p`.
fn mark_after(b: &[u8], p: usize) -> Option<Range<usize>> {
    let digits = b[p + 1..].iter().take_while(|c| c.is_ascii_digit()).count();
    if !(1..=2).contains(&digits) {
        return None;
    }
    let end = p + 1 + digits;
    let spaces = b[end..].iter().take_while(|c| matches!(c, b' ' | b'\t')).count();
    match b.get(end + spaces) {
        None | Some(b'\n' | b'\r') => {}
        Some(c) if spaces > 0 && c.is_ascii_uppercase() => {}
        _ => return None,
    }
    // The punctuation's first byte, and what stands before it.
    let start = match b[p] {
        b'.' | b')' | b'"' => p,
        0x9d | 0x99 if p >= 2 && b[p - 2] == 0xe2 && b[p - 1] == 0x80 => p - 2,
        _ => return None,
    };
    // "killed.”2": a closing mark after a stop; "(UNRWA).2": a stop after a closing mark.
    let closed = |i: usize| i > 0 && matches!(b[i - 1], b')' | b'"');
    let word_end = match b[p] {
        b'.' if closed(start) => start - 1,
        b'.' => start,
        _ => start - usize::from(start > 0 && b[start - 1] == b'.'),
    };
    let word = b[..word_end].iter().rev().take_while(|c| c.is_ascii_alphabetic()).count();
    // "U.S.2" is no word's stop; "(MoH)2" and "(UNRWA).2" are a bracket's.
    if word < 2 || (word_end == start && b[p] == b'.' && !b[word_end - 1].is_ascii_lowercase()) {
        return None;
    }
    let w = std::str::from_utf8(&b[word_end - word..word_end]).ok()?.to_ascii_lowercase();
    (b[p] != b'.' || !NUMBERED_BY.contains(&w.as_str())).then_some(p + 1..end)
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Line {
    Body,
    Blank,
    /// A running head or foot, a page number, or a blank line at a page break.
    Furniture,
}

/// Byte ranges to take out of a paginated text (one with form feeds):
/// each form feed; the running heads and feet (a line at a page's top or
/// bottom that, digits aside, recurs at the top or bottom of another page)
/// and page numbers; the blank lines between a page's last line and the
/// next page's first, so that a sentence goes on over the break; and a
/// hyphen that breaks a word at a line's end ("Palestin-" then "ians"),
/// with the line break and indent after it. Sorted, apart. A text without
/// form feeds gives none.
pub fn furniture(text: &str) -> Vec<Range<usize>> {
    let b = text.as_bytes();
    if memchr::memchr(FORM_FEED, b).is_none() {
        return Vec::new();
    }
    // Lines: (start, end without the line break, start of the next line).
    let mut lines: Vec<(usize, usize, usize)> = Vec::new();
    // Pages, as ranges of line indices; a form feed opens a page.
    let mut pages: Vec<Range<usize>> = Vec::new();
    let mut page_start = 0;
    let mut pos = 0;
    while pos < b.len() {
        let nl = memchr::memchr(b'\n', &b[pos..]).map_or(b.len(), |i| pos + i);
        // A form feed inside a line ends the page there: "\fHead" opens the next.
        let mut s = pos;
        while let Some(ff) = memchr::memchr(FORM_FEED, &b[s..nl]).map(|i| s + i) {
            if ff > s {
                lines.push((s, ff, ff));
            }
            pages.push(page_start..lines.len());
            page_start = lines.len();
            s = ff + 1;
        }
        let next = (nl + 1).min(b.len());
        if s < nl || nl < b.len() {
            lines.push((s, nl, next));
        }
        pos = next;
    }
    pages.push(page_start..lines.len());
    let text_of = |l: usize| text[lines[l].0..lines[l].1].trim_matches(|c: char| c.is_whitespace());
    let mut kind: Vec<Line> =
        (0..lines.len()).map(|l| if text_of(l).is_empty() { Line::Blank } else { Line::Body }).collect();

    // Heads and feet: up to two lines from each page's edge.
    let edges: Vec<(Vec<usize>, Vec<usize>)> = pages
        .iter()
        .map(|page| {
            let body: Vec<usize> = page.clone().filter(|&l| kind[l] == Line::Body).collect();
            let head: Vec<usize> = body.iter().copied().take(2).collect();
            let foot: Vec<usize> = body.iter().rev().copied().take(2).filter(|l| !head.contains(l)).collect();
            (head, foot)
        })
        .collect();
    let key = |l: usize| {
        let mut k = String::new();
        for w in text_of(l).split_whitespace() {
            let w: String = w.chars().filter(|c| !c.is_ascii_digit()).collect();
            if !w.is_empty() {
                k.push_str(&w);
                k.push(' ');
            }
        }
        k
    };
    let mut seen: std::collections::BTreeMap<String, usize> = std::collections::BTreeMap::new();
    let mut offsets: std::collections::BTreeMap<i64, usize> = std::collections::BTreeMap::new();
    for (i, (head, foot)) in edges.iter().enumerate() {
        let mut keys: Vec<String> = head.iter().chain(foot).map(|&l| key(l)).filter(|k| !k.is_empty()).collect();
        keys.sort();
        keys.dedup();
        for k in keys {
            *seen.entry(k).or_default() += 1;
        }
        let mut numbers: Vec<i64> = head.iter().chain(foot).filter_map(|&l| page_number(text_of(l))).collect();
        numbers.dedup();
        for n in numbers {
            *offsets.entry(n - i as i64).or_default() += 1;
        }
    }
    for (i, (head, foot)) in edges.iter().enumerate() {
        let is_furniture = |l: usize| {
            let numbered = page_number(text_of(l))
                .is_some_and(|n| n == i as i64 + 1 || offsets.get(&(n - i as i64)).is_some_and(|&c| c >= 2));
            numbered || seen.get(&key(l)).is_some_and(|&c| c >= 2)
        };
        // From each edge inwards, while lines are furniture.
        for l in head.iter().copied().take_while(|&l| is_furniture(l)).collect::<Vec<_>>() {
            kind[l] = Line::Furniture;
        }
        for l in foot.iter().copied().take_while(|&l| is_furniture(l)).collect::<Vec<_>>() {
            kind[l] = Line::Furniture;
        }
    }
    // The blank lines between one page's last line and the next's first.
    for w in pages.windows(2) {
        let last = w[0].clone().rev().find(|&l| kind[l] == Line::Body);
        let first = w[1].clone().find(|&l| kind[l] == Line::Body);
        let from = last.map_or(w[0].start, |l| l + 1);
        let to = first.unwrap_or(w[1].end);
        for k in &mut kind[from..to] {
            *k = Line::Furniture;
        }
    }

    // Merged and sorted by `union` below.
    let mut out: Vec<Range<usize>> = Vec::new();
    for l in 0..lines.len() {
        match kind[l] {
            Line::Furniture => out.push(lines[l].0..lines[l].2),
            Line::Blank => {}
            Line::Body => {
                // The next body line, past furniture only: a blank line ends a paragraph.
                let mut n = l + 1;
                while n < lines.len() && kind[n] == Line::Furniture {
                    n += 1;
                }
                if n < lines.len()
                    && kind[n] == Line::Body
                    && let Some(hyphen) = broken_word(&text[lines[l].0..lines[l].1], text_of(n))
                {
                    let at = lines[l].0 + hyphen;
                    let next_text = &text[lines[n].0..lines[n].1];
                    let indent = next_text.len() - next_text.trim_start().len();
                    out.push(at..lines[l].2);
                    out.push(lines[n].0..lines[n].0 + indent);
                }
            }
        }
    }
    // Form feeds on a body line's end ("last line\f"): taken out too.
    let form_feeds = memchr::memchr_iter(FORM_FEED, b).map(|ff| ff..ff + 1).collect();
    super::offsets::union(out, form_feeds)
}

/// Where the hyphen of a word broken at this line's end is, when the next
/// line goes on with the word in lower case: "Palestin-" then "ians".
/// Number words keep their hyphen ("twenty-" then "five"), and so do a
/// compound ("Hamas-" then "run") and a hyphen after a digit ("2023-").
fn broken_word(line: &str, next: &str) -> Option<usize> {
    let trimmed = line.trim_end();
    let head = trimmed.strip_suffix('-')?;
    let word = head.bytes().rev().take_while(u8::is_ascii_alphabetic).count();
    let before = head.len() - word;
    let standalone = before == 0 || !head.as_bytes()[before - 1].is_ascii_alphanumeric();
    let continues = next.as_bytes().first().is_some_and(u8::is_ascii_lowercase);
    let tail = &next[..next.bytes().take_while(u8::is_ascii_alphabetic).count()];
    (word >= 2
        && standalone
        && continues
        && !NUMBER_HEADS.contains(&head[before..].to_ascii_lowercase().as_str())
        && !COMPOUND_TAILS.contains(&tail))
    .then_some(head.len())
}

/// The number of a page-number line: "2", "Page 2", "Page 2 of 12",
/// "2 of 12", "2 / 12", "- 2 -", or a running head ending in the number
/// after a wide gap ("Flash Update #35            2").
fn page_number(line: &str) -> Option<i64> {
    let l = line.trim();
    let l = l.strip_prefix("Page ").or_else(|| l.strip_prefix("page ")).unwrap_or(l);
    let l = l.trim_matches(|c: char| matches!(c, '-' | '–' | '—') || c.is_whitespace());
    let digits = l.bytes().take_while(u8::is_ascii_digit).count();
    if (1..=4).contains(&digits) {
        let rest = l[digits..].trim();
        let total = rest.strip_prefix("of").or_else(|| rest.strip_prefix('/')).map(str::trim);
        if rest.is_empty() || total.is_some_and(|t| !t.is_empty() && t.bytes().all(|c| c.is_ascii_digit())) {
            return l[..digits].parse().ok();
        }
    }
    // A head's number after a gap of several spaces, at the line's end.
    let (before, last) = line.trim_end().rsplit_once("   ")?;
    let last = last.trim();
    (!before.trim().is_empty() && (1..=4).contains(&last.len()) && last.bytes().all(|c| c.is_ascii_digit()))
        .then(|| last.parse().ok())
        .flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stripped(text: &str) -> String {
        crate::document::offsets::strip(text, &furniture(text), None).0
    }

    #[test]
    fn footnote_numbers_after_a_stop_are_marked() {
        let text = "killed, including 2,918 women.2 Another 26,905 injured.\nthe authorities.3\nOn Oct.7 Hamas; killed.2,000 more; \"the dead”4 and (MoH)5\n";
        let marks: Vec<&str> = footnote_marks(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(marks, ["2", "3", "5"]);
        let at = text.find("women.2").unwrap() + "women.".len();
        assert_eq!(footnote_marks(text)[0], at..at + 1);
        // A quote's mark before a capital; a number word's year after a stop is no note.
        let text = "as “the toll”12 Officials said. In 2023.4 million, the agency (UNRWA).2\nthe U.S.3 Then";
        let marks: Vec<&str> = footnote_marks(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(marks, ["12", "2"]);
    }

    #[test]
    fn a_text_without_form_feeds_is_left_alone() {
        assert!(furniture("10,818 Palestin-\nians have been killed.\n").is_empty());
    }

    #[test]
    fn running_heads_page_numbers_and_broken_words_are_taken_out() {
        let text = "Flash Update #35\n\nSo far 10,818 Palestin-\n   ians have been\n\n\u{c}Flash Update #35        2\n\nkilled since 7 October.\n\n- 2 -\n\u{c}Flash Update #35        3\n\nThe twenty-\nfive casual-\nties, the Hamas-\nrun ministry said.\n\u{c}";
        assert_eq!(
            stripped(text),
            "\nSo far 10,818 Palestinians have been\nkilled since 7 October.\nThe twenty-\nfive casualties, the Hamas-\nrun ministry said.\n"
        );
        // A line that recurs on one page only, or a figure alone, stays.
        let text = "Key figures\n\n756\ntrucks\n\u{c}Summary\n\n1,200\nkilled\n\u{c}";
        assert_eq!(stripped(text), "Key figures\n\n756\ntrucks\nSummary\n\n1,200\nkilled\n");
    }

    #[test]
    fn page_numbers_are_read() {
        for (line, n) in [("2", 2), ("Page 3 of 12", 3), ("- 4 -", 4), ("5 / 9", 5), ("OCHA | Update #35      6", 6)] {
            assert_eq!(page_number(line), Some(n), "{line}");
        }
        for line in ["10,818", "Killed 35", "2023 report", "#35"] {
            assert_eq!(page_number(line), None, "{line}");
        }
    }
}
