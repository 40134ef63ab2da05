//! Quotations that run over several sentences: whose words a figure in one
//! of them is. "“More than 30,000 have been killed. The hospitals cannot
//! cope,” said the ministry's spokesman" makes the 30,000 the spokesman's,
//! though his name is in the sentence after it.

use crate::document::Document;

/// How far a quotation is followed, in sentences past the figure's.
const MAX_SENTENCES: usize = 6;

/// Where the words that name a quotation's speaker are, for a figure
/// inside one that opens or closes in another sentence: in sentence
/// `sentence`, after its closing mark at byte `mark` ("…,” said X"), or
/// before its opening mark ("X said: “…").
#[derive(Debug, PartialEq, Eq)]
pub struct Tag {
    pub sentence: usize,
    pub mark: usize,
    pub closing: bool,
}

/// A quotation mark: whether it opens, closes, or (a straight one) turns.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Mark {
    Open,
    Close,
    Straight,
}

/// The quotation marks of `text`, by byte offset. Found by their bytes
/// ('"', and the lead byte of '“' and '”'): most text holds none.
fn marks(text: &str) -> impl Iterator<Item = (usize, Mark)> + '_ {
    let b = text.as_bytes();
    memchr::memchr2_iter(b'"', 0xE2, b).filter_map(move |i| match b[i] {
        b'"' => Some((i, Mark::Straight)),
        _ => match b.get(i + 1..i + 3) {
            Some([0x80, 0x9C]) => Some((i, Mark::Open)),
            Some([0x80, 0x9D]) => Some((i, Mark::Close)),
            _ => None,
        },
    })
}

/// The speech tag of the quotation around byte `at` (of the document) in
/// sentence `si`, when the quotation opens or closes outside that sentence.
/// A quotation left open at the end of its paragraph goes on in the next
/// one when that opens with a quotation mark, as a quote of several
/// paragraphs is printed.
pub fn tag(doc: &Document, si: usize, at: usize) -> Option<Tag> {
    let s = &doc.sentences[si];
    let first = doc.paragraph_start(si);
    // The quotation open at the figure, and where it opened.
    let mut open: Option<(usize, usize)> = None;
    for k in first..=si {
        let span = &doc.sentences[k].span;
        let end = if k == si { at } else { span.end };
        for (i, m) in marks(&doc.text[span.start..end]) {
            open = match (m, open) {
                (Mark::Open, _) | (Mark::Straight, None) => Some((k, i)),
                (Mark::Close, _) | (Mark::Straight, Some(_)) => None,
            };
        }
    }
    let (opened_in, opened_at) = open?;
    let last = (si + MAX_SENTENCES).min(doc.sentences.len() - 1);
    let mut paragraph = s.paragraph;
    for k in si..=last {
        let span = &doc.sentences[k].span;
        let text = &doc.text[span.clone()];
        let mut from = if k == si { at - span.start } else { 0 };
        if doc.sentences[k].paragraph != paragraph {
            // A new paragraph goes on with the quotation only if it opens with a mark.
            let lead = text.len() - text.trim_start().len();
            match text[lead..].chars().next() {
                Some(c @ ('“' | '"')) => from = lead + c.len_utf8(),
                _ => break,
            }
            paragraph = doc.sentences[k].paragraph;
        }
        if let Some((i, _)) = marks(&text[from..]).find(|(_, m)| *m != Mark::Open) {
            let mark = from + i;
            // Opened and closed in the figure's own sentence: its own source reading has it.
            if k == si && opened_in == si {
                return None;
            }
            if names_after(text, mark) {
                return Some(Tag { sentence: k, mark, closing: true });
            }
            break;
        }
    }
    (opened_in != si && introduced(&doc.text[doc.sentences[opened_in].span.clone()], opened_at)).then_some(Tag {
        sentence: opened_in,
        mark: opened_at,
        closing: false,
    })
}

/// Whether the words after a closing mark at `mark` name who spoke: the
/// quotation stops at a comma (",” said X", "”, X said"), not at the
/// sentence's end, and the sentence goes on briefly.
fn names_after(sentence: &str, mark: usize) -> bool {
    let before = sentence[..mark].trim_end();
    let after = &sentence[mark..];
    let after = after[after.chars().next().map_or(0, char::len_utf8)..].trim_start();
    let comma = before.ends_with([',', '?', '!']) || after.starts_with(',');
    let tail = after.trim_start_matches(',').trim_start();
    comma && !tail.is_empty() && tail.len() <= 200 && !tail.contains(['“', '"'])
}

/// Whether the words before an opening mark at `mark` introduce a
/// speaker's quotation: "X said: “", "X told reporters, “".
fn introduced(sentence: &str, mark: usize) -> bool {
    let before = sentence[..mark].trim_end();
    before.ends_with([':', ',']) && before.len() > 1
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Format;

    /// The tag of the quotation around `figure`, as (the tag's sentence, the
    /// text from its mark on, whether it closes).
    fn tag_of(text: &str, figure: &str) -> Option<(usize, String, bool)> {
        let doc = Document::build("a.txt".into(), Format::Text, text.to_string(), None, &mut Vec::new());
        let at = text.find(figure).expect("figure in text");
        let si = doc.sentences.iter().position(|s| s.span.contains(&at)).expect("sentence of figure");
        let t = tag(&doc, si, at)?;
        let sentence = &doc.text[doc.sentences[t.sentence].span.clone()];
        Some((t.sentence, sentence[t.mark..].to_string(), t.closing))
    }

    #[test]
    fn a_quotation_closed_in_a_later_sentence_is_tagged_there() {
        let text = "\"Some 30,000 were killed. We cannot cope,\" he said.\n";
        assert_eq!(tag_of(text, "30,000"), Some((1, "\" he said.".into(), true)));
        // Past a paragraph that leaves the quotation open for the next.
        let text = "“Some 30,000 were killed.\n\n“We cannot cope,” she said.\n";
        assert_eq!(tag_of(text, "30,000"), Some((1, "” she said.".into(), true)));
    }

    #[test]
    fn a_quotation_opened_after_its_speaker_is_tagged_there() {
        let text = "The agency said: “We are overwhelmed. Some 30,000 were killed. We need fuel.”\n";
        assert_eq!(tag_of(text, "30,000"), Some((0, "“We are overwhelmed.".into(), false)));
    }

    #[test]
    fn quotations_with_no_tag_elsewhere() {
        // Opened and closed in the figure's own sentence.
        assert_eq!(tag_of("“Some 30,000 were killed,” he said. Then he left.\n", "30,000"), None);
        // Closed at its sentence's end, nothing after the mark.
        assert_eq!(tag_of("“Some 30,000 were killed. We cannot cope.” The ministry said so.\n", "30,000"), None);
        // A paragraph that does not open with a mark ends the quotation.
        assert_eq!(tag_of("“Some 30,000 were killed.\n\nWe cannot cope,” she said.\n", "30,000"), None);
        // Not in a quotation at all.
        assert_eq!(tag_of("Some 30,000 were killed. “We cannot cope,” she said.\n", "30,000"), None);
    }
}
