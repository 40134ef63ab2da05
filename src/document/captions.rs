//! Subtitle files, SubRip (`.srt`) and WebVTT (`.vtt`): the text of their
//! cues, joined into prose. A sentence runs across cues ("The health
//! ministry in Gaza says" / "more than 30,000 Palestinians have been
//! killed."), so cues join with a space; a pause after a sentence's end, or
//! a new speaker (">>", "- ", "ANCHOR:"), starts a paragraph. Cue numbers,
//! timings, styling tags and WebVTT's header, notes and style blocks are
//! no text.

use super::OffsetMap;

/// A caption file's prose, and where each piece of it is in the file.
pub struct Captions {
    pub text: String,
    pub map: OffsetMap,
}

/// A pause this long after a sentence's end starts a paragraph.
const PAUSE_MS: u64 = 2000;

pub fn parse(raw: &str) -> Captions {
    let mut lines = Vec::new();
    let mut at = 0;
    for line in raw.split_inclusive('\n') {
        lines.push((at, line.trim_end_matches(['\n', '\r'])));
        at += line.len();
    }
    let mut out = Captions { text: String::with_capacity(raw.len()), map: OffsetMap::default() };
    let mut anchors = Vec::new();
    // Inside a block that is no cue text (WebVTT's header, NOTE, STYLE, REGION).
    let mut skipping = false;
    // This cue's timing, the one before's end, and whether a cue's first line is next.
    let (mut cue, mut before_end, mut first_line) = (None::<(u64, u64)>, None::<u64>, false);
    for (i, &(offset, line)) in lines.iter().enumerate() {
        let t = line.trim();
        if t.is_empty() {
            skipping = false;
            continue;
        }
        if skipping {
            continue;
        }
        let opens_block = |w: &str| t == w || t.starts_with(&format!("{w} ")) || t.starts_with(&format!("{w}\t"));
        if (i == 0 && t.trim_start_matches('\u{feff}').starts_with("WEBVTT"))
            || ["NOTE", "STYLE", "REGION"].iter().any(|w| opens_block(w))
        {
            skipping = true;
            continue;
        }
        if let Some(t) = timing(t) {
            before_end = cue.map(|(_, end)| end);
            cue = Some(t);
            first_line = true;
            continue;
        }
        // A cue's number or identifier: the line right before its timing.
        if lines.get(i + 1).is_some_and(|(_, next)| timing(next.trim()).is_some()) {
            continue;
        }
        let (lead, body) = speaker_mark(line);
        if body.trim().is_empty() {
            continue;
        }
        if !out.text.is_empty() {
            let ended = out.text.trim_end().ends_with(['.', '!', '?', '"', '”']);
            let paused = first_line && cue.zip(before_end).is_some_and(|((start, _), end)| start >= end + PAUSE_MS);
            let new_speaker = lead > 0 || (first_line && opens_with_label(body));
            out.text.push(if ended && (paused || new_speaker) { '\n' } else { ' ' });
        }
        first_line = false;
        push_without_tags(&mut out.text, &mut anchors, body.trim_end(), offset + lead);
    }
    out.map = OffsetMap::new(anchors);
    out
}

/// A cue's start and end in milliseconds: "00:00:01,000 --> 00:00:04,500"
/// (SubRip), "00:01.000 --> 00:04.500 align:start" (WebVTT).
fn timing(line: &str) -> Option<(u64, u64)> {
    let (from, to) = line.split_once("-->")?;
    let to = to.split_whitespace().next()?;
    Some((clock(from.trim())?, clock(to)?))
}

/// "01:02:03,456", "02:03.456": milliseconds.
fn clock(s: &str) -> Option<u64> {
    let (hms, ms) = s.split_once([',', '.'])?;
    let ms: u64 = ms.parse().ok().filter(|_| ms.len() == 3)?;
    let mut secs = 0u64;
    let parts: Vec<&str> = hms.split(':').collect();
    if !(2..=3).contains(&parts.len()) {
        return None;
    }
    for p in parts {
        secs = secs * 60 + p.parse::<u64>().ok().filter(|_| !p.is_empty() && p.len() <= 2)?;
    }
    Some(secs * 1000 + ms)
}

/// The length of a mark of a new speaker opening a line (">> ", "- "), and
/// the rest.
fn speaker_mark(line: &str) -> (usize, &str) {
    let lead = line.len() - line.trim_start().len();
    let t = line.trim_start();
    for mark in [">> ", ">>", "- ", "– ", "— "] {
        if let Some(rest) = t.strip_prefix(mark) {
            return (lead + mark.len(), rest);
        }
    }
    (lead, t)
}

/// "ANCHOR:", "DR. SMITH:": a speaker's label in capitals.
fn opens_with_label(line: &str) -> bool {
    line.split_once(':').is_some_and(|(label, _)| {
        label.len() >= 2
            && label.split_whitespace().count() <= 4
            && label.chars().any(|c| c.is_ascii_uppercase())
            && label.chars().all(|c| c.is_ascii_uppercase() || matches!(c, ' ' | '.' | '\'' | '-'))
    })
}

/// `line` (at `offset` in the file) without its styling: `<i>`, `</i>`,
/// `<v Anchor>`, `<00:00:05.000>`, SubStation's `{\an8}`.
fn push_without_tags(text: &mut String, anchors: &mut Vec<(usize, usize)>, line: &str, offset: usize) {
    let mut from = 0;
    let b = line.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let close = match b[i] {
            b'<' => Some(b'>'),
            b'{' if b.get(i + 1) == Some(&b'\\') => Some(b'}'),
            _ => None,
        };
        if let Some(close) = close
            && let Some(len) = b[i..].iter().position(|&c| c == close)
        {
            push_piece(text, anchors, &line[from..i], offset + from);
            i += len + 1;
            from = i;
            continue;
        }
        i += 1;
    }
    push_piece(text, anchors, &line[from..], offset + from);
}

fn push_piece(text: &mut String, anchors: &mut Vec<(usize, usize)>, piece: &str, offset: usize) {
    if piece.is_empty() {
        return;
    }
    anchors.push((text.len(), offset));
    text.push_str(piece);
}

#[cfg(test)]
mod tests {
    use super::*;

    const SRT: &str = "1\n00:00:01,000 --> 00:00:04,500\nThe health ministry in <i>Gaza</i> says\n\n\
        2\n00:00:04,500 --> 00:00:08,000\nmore than 30,000 Palestinians\nhave been killed.\n\n\
        3\n00:00:11,000 --> 00:00:13,200\nIsrael says 130 hostages are still held.\n";

    #[test]
    fn cues_join_into_sentences_and_a_pause_starts_a_paragraph() {
        let c = parse(SRT);
        assert_eq!(
            c.text,
            "The health ministry in Gaza says more than 30,000 Palestinians have been killed.\n\
             Israel says 130 hostages are still held."
        );
        // Every piece points back into the file.
        let at = c.text.find("30,000").unwrap();
        assert_eq!(&SRT[c.map.to_source(at)..c.map.to_source(at) + 6], "30,000");
        let at = c.text.find("hostages").unwrap();
        assert_eq!(&SRT[c.map.to_source(at)..c.map.to_source(at) + 8], "hostages");
    }

    #[test]
    fn webvtt_headers_notes_identifiers_and_voices_are_no_text() {
        let vtt = "WEBVTT - Gaza explainer\nKind: captions\n\nNOTE figures from the ministry\nof health\n\n\
            intro\n00:01.000 --> 00:03.000 align:start\n<v Anchor>The toll has passed 30,000.\n\n\
            00:03.500 --> 00:05.000\n>> Israel says 130 remain.\n";
        assert_eq!(parse(vtt).text, "The toll has passed 30,000.\nIsrael says 130 remain.");
    }

    #[test]
    fn timings_and_labels() {
        assert_eq!(timing("00:00:01,000 --> 00:00:04,500"), Some((1000, 4500)));
        assert_eq!(timing("01:02.250 --> 01:03.000 line:0"), Some((62_250, 63_000)));
        assert_eq!(timing("The toll --> 30,000"), None);
        assert!(opens_with_label("ANCHOR: The ministry says"));
        assert!(!opens_with_label("Note: the ministry says"));
        assert_eq!(parse("").text, "");
        assert_eq!(parse("1\n00:00:01,000 --> \n\n").text, "1 00:00:01,000 -->");
    }
}
