//! Which single event a figure counts: "an airstrike on a house in Rafah
//! killed 22" is about Rafah, and so is "The strike also wounded 10" after
//! it; "a missile strike on Kharkiv killed six" is another strike. Rules
//! with `event:` name their claims' events this way, and claims are compared
//! only with claims about the same event.

use std::collections::BTreeMap;
use std::sync::Arc;

use crate::document::Document;
use crate::document::segment::Clauses;
use crate::rules::Events;

use super::attribution::TIMES;
use super::push_collapsed;

/// How many sentences back a figure may take its event's name from.
const LOOK_BACK: usize = 40;

/// The event a figure counts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Event {
    Named(Arc<str>),
    /// Introduced without a name ("An airstrike on a school killed 12
    /// people, including 15 children"), at this offset: figures of the
    /// same document about it are compared with each other only.
    Unnamed(usize),
}

/// The event each sentence of a document names or introduces last, as
/// found: a document with many figures about events reads each sentence
/// once, not once per figure after it.
#[derive(Default)]
pub struct Seen {
    /// (the rules' event patterns, sentence) → its last event, if any.
    last: BTreeMap<(usize, usize), Option<Event>>,
}

/// The event the figure at byte `at` of sentence `si` counts: the event
/// named or introduced nearest before it in its sentence (else first
/// after it), or else the one last named or introduced in the sentences
/// before.
pub fn event_of(doc: &Document, si: usize, at: usize, events: &Events, seen: &mut Seen) -> Option<Event> {
    let s = &doc.sentences[si];
    let mut text = String::new();
    push_collapsed(&mut text, &doc.text[s.span.start..at]);
    let figure = text.len();
    text.clear();
    push_collapsed(&mut text, &doc.text[s.span.clone()]);
    let own = mentions(&text, events);
    let before = own.iter().rfind(|m| m.0 < figure);
    if let Some(m) = before.or_else(|| own.first()) {
        return Some(event(s.span.start, m));
    }
    let kind = std::ptr::from_ref(events) as usize;
    for p in (si.saturating_sub(LOOK_BACK)..si).rev() {
        let last = seen.last.entry((kind, p)).or_insert_with(|| {
            let span = doc.sentences[p].span.clone();
            text.clear();
            push_collapsed(&mut text, &doc.text[span.clone()]);
            mentions(&text, events).last().map(|m| event(span.start, m))
        });
        if last.is_some() {
            return last.clone();
        }
    }
    None
}

fn event(sentence_start: usize, (at, name): &(usize, Option<String>)) -> Event {
    match name {
        Some(n) => Event::Named(n.as_str().into()),
        None => Event::Unnamed(sentence_start + at),
    }
}

/// The events a text names or introduces, in order: where each starts
/// and its name, if it has one. A pattern naming no proper name ("the
/// strike on the house") neither names nor introduces one. A name is
/// looked for up to the end of the naming words' clause: in "another
/// that killed six at a school — as well as shelling in Gaza City that
/// killed two" the six are not Gaza City's; that phrase introduces an
/// event of its own, unnamed.
fn mentions(text: &str, events: &Events) -> Vec<(usize, Option<String>)> {
    let mut out: Vec<(usize, Option<String>)> = Vec::new();
    // Where each naming match and its `event` group end.
    let mut ends: Vec<(usize, usize, usize)> = Vec::new();
    let mut clauses: Option<Clauses> = None;
    for re in &events.named {
        // From each naming phrase's words on: they may hold the next one
        // ("a strike on Kharkiv killed six and an airstrike on Rafah …").
        let mut from = 0;
        while let Some(c) = re.captures_at(text.as_bytes(), from) {
            let (Some(all), Some(words)) = (c.get(0), c.name("event")) else { break };
            // Not from inside a word ("Sultan" of "Tal as-Sultan"), nor, for
            // a rule's ASCII class, from inside a character.
            let inside = !text.is_char_boundary(words.start())
                || text[..words.start()].chars().next_back().is_some_and(|p| p == '-' || p.is_alphanumeric());
            // An ASCII class may stop inside a character: up to it.
            let bytes = words.as_bytes();
            let valid = std::str::from_utf8(bytes).map_or_else(|e| e.valid_up_to(), |_| bytes.len());
            let words_text = if inside { "" } else { &text[words.start()..words.start() + valid] };
            if proper_name(words_text, &events.broad).is_some() {
                let clause_end = clauses.get_or_insert_with(|| Clauses::of(text)).at(words.start()).end;
                let own = clause_end.saturating_sub(words.start()).min(words_text.len());
                match proper_name(&words_text[..own], &events.broad) {
                    Some(name) => {
                        out.push((all.start(), Some(name.to_string())));
                        ends.push((all.start(), words.end().min(clause_end), all.end().min(clause_end)));
                    }
                    None => out.push((all.start(), None)),
                }
            }
            from = words.start().max(all.start() + 1);
            while !text.is_char_boundary(from) {
                from += 1;
            }
        }
    }
    if let Some(re) = &events.unnamed {
        for m in re.find_iter(text.as_bytes()) {
            // An introduction that opens a naming phrase ("an airstrike on a
            // house in Rafah"), or that a naming phrase holds after its name
            // ("In Nuseirat, a strike on a house"), names its event.
            let named = ends.iter().any(|&(start, name_end, end)| {
                (start >= m.start() && start < m.end())
                    || (name_end <= m.start() && end >= m.end() && start < m.start())
            });
            if !named {
                out.push((m.start(), None));
            }
        }
    }
    out.sort_by_key(|m| m.0);
    out
}

/// Words capitalised where no name is: a sentence's first word ("The
/// Rafah strike"), holidays; and days and months (`TIMES`: "a strike on
/// Tuesday on a school in Gaza City" is not about Tuesday).
const NOT_PLACES: [&str; 11] =
    ["The", "A", "An", "This", "That", "Another", "Its", "Their", "One", "Christmas", "Easter"];

/// Words that end the phrase naming a strike before any name: its verb
/// ("an airstrike on a house killed 22 people, Gaza officials said").
const PHRASE_ENDS: [&str; 24] = [
    "killed",
    "kills",
    "kill",
    "killing",
    "wounded",
    "wounding",
    "injured",
    "injuring",
    "left",
    "leaving",
    "has",
    "have",
    "had",
    "was",
    "were",
    "is",
    "are",
    "that",
    "which",
    "who",
    "said",
    "says",
    "according",
    "after",
];

/// A word that may be part of a name: capitalised, or an Arabic article
/// joined to one ("al-Shifa", "Deir al-Balah").
fn name_word(w: &str) -> bool {
    let w = ["al-", "el-", "as-", "ash-", "ad-", "an-", "ar-", "at-", "az-"]
        .iter()
        .find_map(|a| w.strip_prefix(a))
        .unwrap_or(w);
    w.chars().next().is_some_and(char::is_uppercase)
}

/// A nationality or an initialism before a noun: "an Israeli convoy", "a
/// UN school" are not places; nor are a people ("displaced Palestinians",
/// "Gazans", "Israelis").
fn modifier(w: &str) -> bool {
    let initialism = w.len() <= 4 && w.chars().all(|c| c.is_ascii_uppercase());
    // Places end in "i" too ("Mawasi", "Maghazi", "Shati"): those demonyms are listed.
    let demonym = |w: &str| {
        (["ian", "ese", "ish"].iter().any(|e| w.ends_with(e)) && w.len() > 3 && !w.contains('-'))
            || I_DEMONYMS.contains(&w)
    };
    let people = w.strip_suffix('s').is_some_and(|one| demonym(one) || one.ends_with("an") && one.len() > 3);
    initialism || demonym(w) || people
}

/// Demonyms in "-i" that modify a strike ("an Israeli strike").
const I_DEMONYMS: [&str; 14] = [
    "Israeli",
    "Iraqi",
    "Yemeni",
    "Saudi",
    "Kuwaiti",
    "Qatari",
    "Emirati",
    "Omani",
    "Bahraini",
    "Pakistani",
    "Somali",
    "Afghani",
    "Bangladeshi",
    "Azerbaijani",
];

/// The first proper name in `words` that is not too broad to name one
/// event ("in Gaza", "in southern Lebanon"): a run of name words, days,
/// months and modifiers ("Israeli", "UN") aside.
pub fn proper_name<'a>(words: &'a str, broad: &[String]) -> Option<&'a str> {
    let mut tokens = words.split(' ').peekable();
    let mut start: Option<usize> = None;
    let mut end = 0;
    let mut pos = 0;
    let named = |s: usize, e: usize| Some(&words[s..e]).filter(|n| !broad.contains(&event_key(n)));
    while let Some(raw) = tokens.next() {
        let at = pos;
        pos += raw.len() + 1;
        // A word's trailing punctuation ends the name after it.
        let bare = raw.trim_end_matches([',', ';', ':', '.', ')', '"', '\u{201d}']);
        let w = bare.trim_end_matches("'s").trim_end_matches("\u{2019}s");
        let stops = w.len() < raw.len();
        let possessive = bare.len() == raw.len() && w.len() < bare.len();
        let is_name = name_word(w)
            && !(start.is_none()
                && (NOT_PLACES.contains(&w) || TIMES.contains(&w) || crate::dates::WEEKDAY_NAMES.contains(&w)));
        if is_name {
            // Before a lower-case word, or last: before the strike ("a Russian strike").
            let next_lower = tokens.peek().is_none_or(|n| n.chars().next().is_none_or(char::is_lowercase));
            if start.is_none() && (stops || next_lower) && modifier(w) {
                continue;
            }
            let s = *start.get_or_insert(at);
            end = at + w.len();
            if stops {
                // A country's place: "Ukraine's Black Sea port of Odesa".
                if possessive && named(s, end).is_none() {
                    start = None;
                    continue;
                }
                break;
            }
            continue;
        }
        if let Some(s) = start.take()
            && let Some(name) = named(s, end)
        {
            // "the Black Sea port of Odesa", "the Gaza City neighbourhood of Shujaiya".
            if PLACE_OF.contains(&w)
                && tokens.peek() == Some(&"of")
                && let Some(inner) = words.get(pos + 3..).and_then(|rest| proper_name(rest, broad))
            {
                return Some(inner);
            }
            // A place's strike may name its site after it: "in Gaza City
            // when an air strike hit a crowd near Al-Falah school".
            return Some(site_after(&words[pos - raw.len() - 1..], broad).unwrap_or(name));
        }
        if stops || PHRASE_ENDS.contains(&w) || w.contains(|c: char| c.is_ascii_digit()) {
            return None;
        }
    }
    start.and_then(|s| named(s, end))
}

/// Nouns that name the place after them: "the Black Sea port of Odesa".
const PLACE_OF: [&str; 10] =
    ["port", "city", "town", "village", "neighbourhood", "neighborhood", "district", "suburb", "region", "province"];

/// Nouns that make the name before them one site: "Al-Falah school",
/// "al-Ahli hospital", "the Asaliya family".
const SITES: [&str; 10] =
    ["school", "hospital", "mosque", "church", "clinic", "shelter", "family", "market", "university", "bakery"];

/// The first named site in `words`, up to the end of its phrase.
fn site_after<'a>(words: &'a str, broad: &[String]) -> Option<&'a str> {
    let mut pos = 0;
    let mut start: Option<usize> = None;
    let mut end = 0;
    for raw in words.split(' ') {
        let at = pos;
        pos += raw.len() + 1;
        let w = raw.trim_end_matches([',', ';', ':', '.', ')', '"', '\u{201d}']);
        let stops = w.len() < raw.len();
        if name_word(w) && !NOT_PLACES.contains(&w) {
            start.get_or_insert(at);
            end = at + w.len();
        } else {
            if let Some(s) = start.take()
                && SITES.contains(&w)
                && !broad.contains(&event_key(&words[s..end]))
            {
                return Some(&words[s..end]);
            }
            if PHRASE_ENDS.contains(&w) || w.contains(|c: char| c.is_ascii_digit()) {
                return None;
            }
        }
        if stops {
            return None;
        }
    }
    None
}

/// The key events are compared by: a name as written, in lower case,
/// without Arabic articles ("al-Shifa" and "Shifa" are one hospital).
pub fn event_key(name: &str) -> String {
    name.split(' ')
        .map(|w| {
            let w = w.to_lowercase();
            ["al-", "el-"].iter().find_map(|a| w.strip_prefix(a)).map_or(w.clone(), str::to_string)
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Format, MetaFields};
    use crate::rules::RulePack;

    fn events() -> Events {
        let pack = RulePack::default_pack();
        let e = pack.rules.iter().find(|r| &*r.id == "strike-killed").and_then(|r| r.event.clone());
        Events::clone(&e.expect("strike events"))
    }

    /// The event of the figure `figure` in `text`.
    fn of(text: &str, figure: &str) -> Option<String> {
        let doc =
            Document::build("t.txt".into(), Format::Text, text.into(), Some(MetaFields::default()), &mut Vec::new());
        let at = text.find(figure).expect("figure in text");
        let si = doc.sentences.iter().position(|s| s.span.contains(&at)).expect("sentence");
        match event_of(&doc, si, at, &events(), &mut Seen::default())? {
            Event::Named(n) => Some(n.to_string()),
            Event::Unnamed(at) => Some(format!("unnamed at {at}")),
        }
    }

    #[test]
    fn the_first_proper_name_after_the_strike() {
        let proper_name = |w| proper_name(w, &[]);
        assert_eq!(proper_name("a house in Rafah, in southern Gaza"), Some("Rafah"));
        assert_eq!(proper_name("Tuesday on a school in Gaza City"), Some("Gaza City"));
        assert_eq!(proper_name("an Israeli convoy near Deir al-Balah."), Some("Deir al-Balah"));
        assert_eq!(proper_name("a UN school in Nuseirat"), Some("Nuseirat"));
        assert_eq!(proper_name("the Jabalia refugee camp"), Some("Jabalia"));
        assert_eq!(proper_name("al-Shifa hospital"), Some("al-Shifa"));
        assert_eq!(proper_name("Kharkiv's centre"), Some("Kharkiv"));
        assert_eq!(proper_name("their convoy"), None);
        assert_eq!(proper_name("Rafah"), Some("Rafah"));
        assert_eq!(proper_name("An Israeli"), None);
        assert_eq!(proper_name("The Nuseirat"), Some("Nuseirat"));
        assert_eq!(proper_name("the al-Shati camp"), Some("al-Shati"));
        // A place ending in "i" is no demonym.
        assert_eq!(proper_name("a humanitarian zone in Mawasi killed 71"), Some("Mawasi"));
        assert_eq!(proper_name("Maghazi rose to 90"), Some("Maghazi"));
        assert_eq!(proper_name("an Israeli strike"), None);
        // A people is no place: "a school used to shelter displaced Palestinians has killed 22".
        assert_eq!(proper_name("a school used to shelter displaced Palestinians has killed 22"), None);
        assert_eq!(proper_name("a tent of displaced Gazans in Mawasi"), Some("Mawasi"));
        assert_eq!(proper_name("a house killed 22 people, Gaza officials said"), None);
        assert_eq!(proper_name("a house on Tuesday, Gaza officials said"), None);
        let broad = ["gaza".to_string(), "lebanon".to_string()];
        assert_eq!(super::proper_name("a house in southern Gaza", &broad), None);
        assert_eq!(super::proper_name("Gaza on Tuesday, in Khan Younis", &broad), None);
        assert_eq!(super::proper_name("a school in Gaza City", &broad), Some("Gaza City"));
        assert_eq!(super::proper_name("southern Lebanon near Tyre", &broad), Some("Tyre"));
        // A site named after the place is the strike's.
        assert_eq!(
            proper_name(
                "western Gaza City when an air strike struck people gathered near Al-Falah school, rescuers said"
            ),
            Some("Al-Falah")
        );
        assert_eq!(proper_name("a house in Gaza City where displaced families were sheltering"), Some("Gaza City"));
        assert_eq!(proper_name("Gaza City, near the al-Ahli hospital"), Some("Gaza City"));
        // A broad place's place, and a place's place named after "of".
        let broad = ["ukraine".to_string(), "gaza".to_string()];
        assert_eq!(super::proper_name("Ukraine's Black Sea port of Odesa on Monday", &broad), Some("Odesa"));
        assert_eq!(super::proper_name("Gaza's Nasser hospital", &broad), Some("Nasser"));
        assert_eq!(super::proper_name("Ukraine's east", &broad), None);
        assert_eq!(proper_name("the Gaza City neighbourhood of Shujaiya"), Some("Shujaiya"));
        assert_eq!(proper_name("Kharkiv's centre"), Some("Kharkiv"));
        assert_eq!(event_key("Deir al-Balah"), "deir balah");
        assert_eq!(event_key("Al-Shifa"), "shifa");
    }

    /// A rule's pattern, read over bytes, may open its name inside a character.
    #[test]
    fn a_name_is_never_read_from_inside_a_character() {
        let spec = crate::rules::spec::EventSpec {
            named: vec![r"strike on .(?P<event>.+)".into()],
            unnamed: Vec::new(),
            broad: Vec::new(),
        };
        let events = Events {
            named: vec![regex::bytes::Regex::new(r"(?-u)strike on .(?P<event>.+)").unwrap()],
            unnamed: None,
            broad: Vec::new(),
            spec,
        };
        assert_eq!(mentions("A strike on \u{e9}Rafah killed 5.", &events), []);
        assert_eq!(mentions("A strike on xRafah killed 5.", &events), []);
        assert_eq!(mentions("A strike on  Rafah killed 5.", &events), [(2, Some("Rafah".to_string()))]);
    }

    #[test]
    fn figures_of_one_document_read_each_sentence_once() {
        let text = "An airstrike on a house in Rafah killed 22 people. The strike also wounded 10. Rescuers said 30 were still missing.";
        let doc =
            Document::build("t.txt".into(), Format::Text, text.into(), Some(MetaFields::default()), &mut Vec::new());
        let (events, mut seen) = (events(), Seen::default());
        for figure in ["10", "30"] {
            let at = text.find(figure).unwrap();
            let si = doc.sentences.iter().position(|s| s.span.contains(&at)).unwrap();
            assert_eq!(event_of(&doc, si, at, &events, &mut seen), Some(Event::Named("Rafah".into())), "{figure}");
        }
        // The first two sentences, read once: the one without a strike and the one naming it.
        let read: Vec<(usize, Option<Event>)> = seen.last.into_iter().map(|((_, s), e)| (s, e)).collect();
        assert_eq!(read, [(0, Some(Event::Named("Rafah".into()))), (1, None)]);
    }

    #[test]
    fn a_figure_takes_the_event_named_nearest_before_it() {
        let t = "A missile strike on Kharkiv killed six, and a strike on Odesa killed three.";
        assert_eq!(of(t, "six").as_deref(), Some("Kharkiv"));
        assert_eq!(of(t, "three").as_deref(), Some("Odesa"));
        assert_eq!(of("Six people were killed in a strike on Kharkiv.", "Six").as_deref(), Some("Kharkiv"));
    }

    #[test]
    fn a_later_sentence_takes_the_event_named_before_unless_it_introduces_another() {
        let t = "An Israeli airstrike on a house in Rafah killed 22 people. The strike also wounded 10.\n\nElsewhere, a drone strike killed two.";
        assert_eq!(of(t, "22").as_deref(), Some("Rafah"));
        assert_eq!(of(t, "10").as_deref(), Some("Rafah"));
        let elsewhere = t.find("a drone").unwrap();
        assert_eq!(of(t, "two"), Some(format!("unnamed at {elsewhere}")));
        let t = "An airstrike on a school killed 12 people. The strike also wounded 30.";
        assert_eq!(of(t, "12").as_deref(), Some("unnamed at 0"));
        assert_eq!(of(t, "30").as_deref(), Some("unnamed at 0"));
        assert_eq!(of("Israeli forces killed 12 people.", "12"), None);
        let t = "A drone strike killed two men in Kharkiv. A strike in Gaza killed five.";
        assert_eq!(of(t, "two").as_deref(), Some("Kharkiv"));
        let in_gaza = t.find("A strike in").unwrap();
        assert_eq!(of(t, "five"), Some(format!("unnamed at {in_gaza}")));
        let t = "In Nuseirat, a strike on a house killed five people.";
        assert_eq!(of(t, "five").as_deref(), Some("Nuseirat"));
        let t = "A strike on Kharkiv killed six, and a drone strike killed two.";
        assert_eq!(of(t, "two"), Some(format!("unnamed at {}", t.find("a drone").unwrap())));
        let t = "Rafah raid frees four hostages; ministry says 274 killed";
        assert_eq!(of(t, "274").as_deref(), Some("Rafah"));
        let t = "The death toll from the Tal as-Sultan strike rose to 15.";
        assert_eq!(of(t, "15").as_deref(), Some("Tal as-Sultan"));
        let t = "Two more attacks struck Maghazi -- one that killed at least five members of the Hamdan family, \
                 and another that killed four people at a school -- while shelling in Gaza City killed two.";
        assert_eq!(of(t, "five").as_deref(), Some("Hamdan"));
        assert_eq!(of(t, "four"), Some(format!("unnamed at {}", t.find("killed four").unwrap())));
        assert_eq!(of(t, "two.").as_deref(), Some("Gaza City"));
        let t = "The Kharkiv strike killed six people. A Russian strike killed two.";
        assert_eq!(of(t, "six").as_deref(), Some("Kharkiv"));
        assert_eq!(of(t, "two"), Some(format!("unnamed at {}", t.find("A Russian").unwrap())));
    }
}
