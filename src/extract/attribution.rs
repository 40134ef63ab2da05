//! Who a figure is attributed to: `according to X`, `X said/reported/
//! announced`, `per X`, or an authority's name anywhere in the sentence
//! (`the Hamas-run health ministry`), normalised through the aliases of
//! `rules/authorities.yaml`.

use std::cell::{OnceCell, RefCell};
use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;
use serde::Serialize;

use crate::rules::authorities::normalise;
use crate::rules::{Authorities, Authority};
use crate::substring::finder;

/// The source a sentence credits.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Attribution {
    /// The authority's id, when the name is known (`gaza-moh`).
    pub id: Option<String>,
    /// The authority's name, or the words of the sentence.
    pub name: String,
    /// As written in the sentence.
    pub text: String,
}

impl Attribution {
    /// A known authority, as `text` wrote it.
    pub fn of(a: &Authority, text: impl Into<String>) -> Attribution {
        Attribution { id: Some(a.id.clone()), name: a.name.clone(), text: text.into() }
    }

    /// The key claims are grouped by: the authority id, else the name.
    pub fn key(&self) -> &str {
        self.id.as_deref().unwrap_or(&self.name)
    }
}

static ACCORDING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)according\s+to\s+(?:an?\s+|the\s+)?(?P<who>(?:[^,;:()“”\x22]|\([^()]*\))+?)(?:,|;|:|\.(?:\s|$)|$|\s+(?:--|—|–)|\s+[0-9]|\s+(?:which|who|that|as|on|in a|in an|based|citing|compiled|released|published|today|yesterday|tonight|this\s+(?:morning|afternoon|evening|week))(?-u:\b))")
        .expect("according regex")
});
/// What an `according to` names that only carried the figure: "according to
/// excerpts of a document seen by AFP" is no source; the sentence's speaker is.
static CONDUIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:excerpts?\s+(?:of|from)\s+)?(?:an?\s+|the\s+)?(?:(?:unclassified|internal|classified|confidential|leaked|draft)\s+)?(?:document|copy|memo|letter|assessment|report|cable|email)s?\s+(?:seen|obtained|reviewed|read)(?-u:\b)")
        .expect("conduit regex")
});
/// A relative clause about another event, after an `according to`: its
/// figures are not that source's.
static ANOTHER_EVENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?i),\s+(?:(?:in|during)\s+which|following\s+the|",
        // "…, after the Hamas attack that killed 1,200": not "…, after the ministry added 500".
        r"after\s+the\s+(?:(?:Hamas(?:-led)?|October\s+7|Oct\.?\s+7|7\s+October)\s+)*(?:attack|assault|incursion|massacre)s?)(?-u:\b)"
    ))
    .expect("another-event regex")
});
/// Who published what `according to` names: "… the latest report released
/// by the health ministry"; right after the name `ACCORDING` stops at.
static BY_PUBLISHER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s+(?:compiled|released|published)\s+by\s+(?:an?\s+|the\s+)?(?P<who>[^,;:()“”\x22]+?)(?:,|;|:|\.(?:\s|$)|$|\s+(?:on|in|at|which|who)(?-u:\b))")
        .expect("by-publisher regex")
});
/// A source after a participle: "…, as stated by Al-Qedra", "as reported by the ministry".
static AS_BY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)as\s+(?:stated|reported|announced|confirmed|documented|recorded)\s+by\s+(?:an?\s+|the\s+)?(?P<who>[^,;:()“”\x22]+?)(?:,|;|:|\.(?:\s|$)|$|\s+(?:on|in|at|which|who)(?-u:\b))")
        .expect("as-by regex")
});
/// A statement and its author: "a statement by U.S. President Donald Trump that".
static STATEMENT_BY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)(?:statement|claim|remarks?|comments?|post|announcement|assertion)s?\s+(?:by|from)\s+(?:an?\s+|the\s+)?(?P<who>[^,;:()“”\x22]{1,60}?)\s+(?:that|saying)(?-u:\b)")
        .expect("statement-by regex")
});
/// Who another source quotes: "OCHA cited the Gaza media office as saying".
static CITED_AS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)(?:cited|cites|citing|quoted|quotes|quoting)\s+(?:an?\s+|the\s+)?(?P<who>[^,;.()]{1,60}?)\s+as\s+saying(?-u:\b)")
        .expect("cited-as regex")
});
/// The source another one relays: "The UN humanitarian office, citing the
/// ministry, said".
static CITING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)citing\s+(?:an?\s+|the\s+|its\s+)?(?P<who>[^,;.()]{1,60}?)\s*(?:,|;|\.|$|\s+(?:with|as|on|that|which|who)(?-u:\b))")
        .expect("citing regex")
});
static VERB: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)(?:said|says|say|Said|Says|Say|shows|show|showed|believes|believe|puts|put|reported|reports|reporting|report\s+that|announced|announces|announcing|stated|states|estimated|estimates|estimate|claimed|claims|claim|told|confirmed|confirms|counted|counts|recorded|records|added|adds|noted|notes|explained|explains|disclosed|discloses|revised|revises|emphasized|emphasised|stressed|declared\s+that|declared\s+on\s+[A-Z][a-z]+\s+that)(?-u:\b)")
        .expect("verb regex")
});
/// A speaker after its verb at the end: "…, says health ministry", "…,
/// said the Gaza health ministry."
static SAID_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b),\s+(?:said|says|Said|Says)\s+(?P<who>[^,;.:()“”\x22]{2,60}?)\s*(?:[.;]\s*)?$")
        .expect("said-after regex")
});
/// A speaker after its verb between commas: "Among the deceased, said the
/// ministry in a report, 9,000 are children".
static SAID_BETWEEN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b),\s+(?:said|says)\s+(?P<who>[^,;.:()“”\x22]{2,60}?)(?:\s+(?:in|on)\s+[^,;.:]{1,30}?)?,\s")
        .expect("said-between regex")
});
/// A figure given by a subject: "your report gave the Gaza toll as 31,045",
/// "It gave a precise figure of 40,005".
static GAVE_AS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?-u:\b)(?:gave|gives|give)\s+(?:the|its|their|a|an)\s+(?:[\w-]+\s+){0,3}?",
        r"(?:toll|figure|number|count|total|tally)\s+(?:as|at|of)(?-u:\b)"
    ))
    .expect("gave-as regex")
});
/// The verbs `GAVE_AS` starts with, looked for first: most sentences have none.
static GIVE_WORDS: LazyLock<aho_corasick::packed::Searcher> = LazyLock::new(|| {
    aho_corasick::packed::Config::new().builder().extend(["gave", "give"]).build().expect("give words")
});
/// Whether `text` may say "according" in any case, as `ACCORDING` reads
/// it: most sentences do not, and looking is cheaper than asking the regex
/// for captures. Its letters fold to ASCII letters only.
fn may_say_according(text: &str) -> bool {
    const WORD: &[u8] = b"according";
    let b = text.as_bytes();
    memchr::memchr2_iter(b'a', b'A', b).any(|i| b.get(i..i + WORD.len()).is_some_and(|w| w.eq_ignore_ascii_case(WORD)))
}

/// Whether a comma is followed, past white space, by "said" or "says":
/// what `SAID_AFTER` and `SAID_BETWEEN` both need.
fn said_after_comma(text: &str) -> bool {
    memchr::memchr_iter(b',', text.as_bytes()).any(|i| {
        let rest = text[i + 1..].trim_start();
        ["said", "says", "Said", "Says"].iter().any(|w| rest.starts_with(w))
    })
}

/// What a source owns when it is named as the owner of a figure: "the
/// ministry*'s latest figure* is". Searched for by its `'s`, the owner read
/// back from there as a subject is.
static OWNED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"['’]s\s+(?:(?:latest|last|new|updated|own|daily|official|overall|total|cumulative|most recent)\s+)*",
        r"(?:figures?|count|tally|toll|data|numbers|statistics|update|report|bulletin)(?-u:\b)"
    ))
    .expect("owned regex")
});
/// An owner's records at the end of a name: "the ministry*'s daily reports*".
static RECORDS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"['’]s\s+(?:(?:latest|last|new|updated|own|daily|weekly|monthly|official|overall|total|cumulative|most recent)\s+)*",
        r"(?:figures?|count|tally|toll|data|numbers|statistics|reports?|records|estimates?)$"
    ))
    .expect("records regex")
});
/// "…, by the Israeli count", "by Israel's tally", "by an AFP count".
static BY_COUNT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?-u:\b)[Bb]y\s+(?:an?\s+)?(?P<who>(?:the\s+)?[^,;.()]{1,40}?\s+(?:own\s+)?",
        r"(?:count|tally|tallies|figures|estimates?|reckoning|records))(?-u:\b)"
    ))
    .expect("by-count regex")
});
/// Whose count `BY_COUNT` read, unless a determiner inside it shows a
/// time before a subject: "By Christmas the ministry's count had passed
/// 20,000" is no count by "Christmas the ministry".
fn counted_by(who: &str) -> Option<&str> {
    let rest = who.strip_prefix("the ").unwrap_or(who);
    let determiner = [" the ", " its ", " their ", " a ", " an "].iter().any(|d| rest.contains(d));
    (!determiner).then_some(who)
}

/// The nouns `BY_COUNT` ends with, looked for first: "by" alone is in
/// most sentences, and the regex's search from each one cost a tenth of
/// reading sources.
static COUNT_NOUNS: LazyLock<aho_corasick::packed::Searcher> = LazyLock::new(|| {
    aho_corasick::packed::Config::new()
        .builder()
        .extend([" count", " tally", " tallies", " figures", " estimate", " reckoning", " records"])
        .build()
        .expect("count nouns")
});
static PER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?-u:\b)[Pp]er (?P<who>the [^,;.]+|[A-Z][^,;.]+)").expect("per regex"));

/// Words of time or aspect between a subject and its verb ("the ministry
/// on Wednesday said", "Israel has previously said", "it does say").
static TIME_AFTER_SUBJECT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?:\s+(?:(?:early |late )?on (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|",
        r"yesterday|today|now|earlier|later|also|again|previously|still|further|additionally|separately|subsequently|then|has|have|had|is|are|was|were|",
        r"does|do|did|would|will|could|can|may|might|not|never|used to))+$"
    ))
    .expect("time after subject regex")
});

/// Words of time before a subject ("and on Friday Secretary of State
/// Antony Blinken announced", "On Feb. 10 the ministry put").
static LEADING_TIME: LazyLock<Regex> = LazyLock::new(|| {
    let month = format!("(?:{})", crate::dates::MONTH_NAMES);
    Regex::new(&format!(
        concat!(
            r"^(?:(?i:(?:(?:early |late |earlier |later )?on|last|this|early|late) (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?: (?:morning|afternoon|evening|night))?|",
            r"(?:last|this|(?:earlier|later) this) (?:week|weekend|month|year|morning|evening)|last night|",
            // "Earlier in the day the ministry said".
            r"(?:earlier|later) (?:in the day|that day|today)|(?:on )?the same day|",
            r"yesterday|today|earlier|later|separately|meanwhile|",
            // "In a statement on Thursday the ministry said", "On this visit Blinken announced".
            r"in an? (?:written |brief |short |joint )?statement(?: (?:early |late )?on (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))?|",
            r"(?:on|during) (?:this|that|the|his|her) (?:visit|trip|tour)|",
            // "Two weeks ago the ministry said".
            r"(?:an?|one|two|three|four|five|six|seven|eight|nine|ten|several|a few|[0-9]{{1,2}}) (?:hours?|days?|weeks?|months?|years?) ago(?: today)?)|",
            // A date: "On Feb. 10", "In February", "On 10 February 2024".
            r"(?:(?i:on|in|by|since|as of) )?(?:{month}(?: [0-9]{{1,2}}(?:st|nd|rd|th)?)?|[0-9]{{1,2}} {month})(?:,? [0-9]{{4}})?),?\s+"
        ),
        month = month
    ))
    .expect("leading time regex")
});

const PRONOUNS: [&str; 12] = ["he", "she", "they", "it", "we", "i", "you", "this", "that", "which", "who", "there"];

/// Words that open a clause before its subject ("where the ministry says").
const OPENERS: [&str; 8] = ["where ", "when ", "as ", "while ", "after ", "and ", "but ", "with "];

/// The institution a description names by its kind alone ("the ministry",
/// "health officials", "the authorities").
const HEADS: [&str; 12] = [
    "ministry",
    "forum",
    "agency",
    "department",
    "military",
    "office",
    "government",
    "moh",
    "defence",
    "defense",
    "health",
    "authorities",
];

/// The authorities a document names before the text being read: "the
/// ministry said" further down means the ministry the story named last.
#[derive(Clone, Copy)]
pub struct Earlier<'a> {
    /// The document's text.
    pub text: &'a str,
    /// Its mentions of authorities, found when a description first needs them.
    pub mentions: &'a OnceCell<Vec<(usize, &'a Authority)>>,
    /// Descriptions resolved by their sentence's place, where they were read.
    pub placed: &'a RefCell<Vec<(usize, &'a Authority)>>,
    /// Mentions from here on are not earlier.
    pub before: usize,
    /// Where the paragraph being read starts: "it said" stands for an
    /// authority named since.
    pub paragraph: usize,
    /// Where the paragraph before starts, when the text being read opens
    /// its own: "Some 70,000 more have been wounded, it said" speaks for
    /// the one authority the paragraph before named.
    pub previous: Option<usize>,
    /// The document's title, which places a description no sentence before did.
    pub title: Option<&'a str>,
    /// Whether a bare name may stand for the office the document gave it
    /// before ([`Earlier::office_of`]); not while reading that office.
    pub people: bool,
}

impl<'a> Earlier<'a> {
    /// The authority a description used last before `before` in this
    /// paragraph stands for: "The ministry does not say how many were
    /// fighters. It does say that 64,000 have been wounded", where the
    /// sentence that names the ministry holds no figure and was not read.
    /// For a paragraph's first sentence, the paragraph before too, when it
    /// names no authority by name (one that does leaves "it" in doubt): "In
    /// a release the ministry said 126 had been killed in a day. / This
    /// brings the total to 23,210, it said."
    fn described_in_paragraph(&self, authorities: &'a Authorities) -> Option<&'a Authority> {
        // Only the paragraph is searched: a word it does not hold is not looked for further back.
        self.described_since(self.paragraph, authorities).or_else(|| {
            let previous = self.previous?;
            let mentions = self.mentions.get_or_init(|| authorities.mentions(self.text));
            if mentions.iter().any(|(at, _)| (previous..self.paragraph).contains(at)) {
                return None;
            }
            self.described_since(previous, authorities)
        })
    }

    /// The authority the description used last between `from` and `before` stands for.
    fn described_since(&self, from: usize, authorities: &'a Authorities) -> Option<&'a Authority> {
        let (at, head, sentence) = self.last_description(from)?;
        described(head, sentence, authorities, Some(Earlier { before: at, ..*self }))
    }

    /// Where a description was used last between `from` and `before`, its
    /// head word, and the sentence that holds it.
    fn last_description(&self, from: usize) -> Option<(usize, &'static str, &'a str)> {
        let text = self.text.get(from..self.before)?;
        HEADS
            .iter()
            .filter_map(|head| {
                let (at, sentence) = used_before(text, text.len(), head).next()?;
                Some((from + at, *head, sentence))
            })
            .max_by_key(|(at, ..)| *at)
    }

    /// Who "it" or "they" stands for: the authority the paragraph named
    /// last, unless a description comes after that name, which the pronoun
    /// then stands for, known or not: in "Israel's offensive has killed
    /// 36,700, according to the health ministry. It said …", "it" is the
    /// ministry, never Israel. A description right after a name is that
    /// name's ("the Gaza health ministry").
    fn pronoun(&self, authorities: &'a Authorities) -> Option<&'a Authority> {
        let Some((at, named)) = self.last_in_paragraph(authorities) else {
            return self.described_in_paragraph(authorities);
        };
        let later = self.last_description(at).is_some_and(|(head, ..)| {
            let between = &self.text[at..head];
            between.contains([',', '.', ';', ':']) || between.matches(' ').count() > 3
        });
        if later { self.described_since(at, authorities) } else { Some(named) }
    }

    /// Who "he" or "she" speaks for: the authority of an office ("Civil
    /// Defence spokesman … said") that spoke in the sentence right before,
    /// in this paragraph or, for the paragraph's first, the one before.
    fn person(&self, authorities: &'a Authorities) -> Option<Attribution> {
        let upto = self.text.get(..self.before)?;
        let ends = |w: &[u8]| matches!(w, [b'.' | b'?' | b'!', b' ' | b'\n'] | [b'\n', b'\n']);
        let b = upto.as_bytes();
        // The sentence before ends at the last sentence break before the pronoun's own start.
        let own = (1..b.len()).rev().find(|&i| ends(&b[i - 1..=i]))?;
        let end = upto[..own].trim_end().len();
        let start = (1..end).rev().find(|&i| ends(&b[i - 1..=i])).map_or(0, |i| i + 1);
        if start < self.previous.unwrap_or(self.paragraph) {
            return None;
        }
        let sentence = upto[start..end].trim_start();
        let words = || sentence.split_whitespace().map(|w| w.trim_matches(|c: char| !c.is_alphabetic()));
        let office = words().any(is_office);
        // Or a person the document gave an office before ("Mr Bassal said
        // … . Five were killed …, he said"); not a sentence that has a "he"
        // of its own, so that no chain of them is read back.
        let person =
            !office && self.people && !words().any(|w| w.eq_ignore_ascii_case("he") || w.eq_ignore_ascii_case("she"));
        if !office && !person {
            return None;
        }
        let earlier = Earlier { before: start, people: person, ..*self };
        let found = match Sources::of(sentence, authorities, Some(earlier)) {
            Sources::All(a) => a,
            Sources::Until(a, _) => Some(a),
            Sources::Spoken(v) => v.into_iter().map(|s| s.source).next_back(),
        };
        let found = found.filter(|a| a.id.is_some() && (person || a.text.split_whitespace().any(is_office)));
        // No verb of saying ("Ashraf al-Qedra, ministry spokesman, gave the
        // figures"): the office's own words name whom it speaks for.
        found.or_else(|| {
            let office = sentence.split([',', ';']).find(|part| part.split_whitespace().any(is_office))?;
            let words: Vec<&str> = office.split_whitespace().collect();
            let end = words.iter().position(|w| is_office(w))?;
            let description = words[end.saturating_sub(3)..=end].join(" ");
            let a = described(&description, sentence, authorities, Some(earlier))?;
            Some(Attribution::of(a, description))
        })
    }

    /// The authority a person speaks for, from where the document named
    /// them with an office: "ministry spokesman Ashraf al-Qudra said …"
    /// makes a later "Qudra said" or "as stated by Al-Qudra" the
    /// ministry's. The last few uses of the surname, within a few pages
    /// before, are read.
    fn office_of(&self, who: &str, authorities: &'a Authorities) -> Option<Attribution> {
        const LOOKBACK: usize = 16 * 1024;
        let words = who.split(' ').count();
        let surname = who.rsplit(' ').next()?;
        // "Ashraf al-Qudra": a particle joined to a capitalised name.
        let named = |w: &str| {
            let w = NAME_PREFIXES.iter().find_map(|p| w.strip_prefix(p)).unwrap_or(w);
            w.starts_with(char::is_uppercase)
        };
        let person = (1..=4).contains(&words)
            && surname.chars().count() >= 3
            && named(surname)
            && who.split(' ').all(|w| named(w) || NAME_PARTICLES.contains(&w));
        if !self.people || !person {
            return None;
        }
        let mut from = self.before.saturating_sub(LOOKBACK);
        while !self.text.is_char_boundary(from) {
            from += 1;
        }
        // Only the window is searched: a name the pages before never used
        // costs their length, not the document's.
        let window = &self.text[from.min(self.before)..self.before.min(self.text.len())];
        used_before(window, window.len(), surname)
            .take(3)
            .find_map(|(at, sentence)| {
                let offset = sentence.as_ptr() as usize - window.as_ptr() as usize;
                // An office within eight words of the name, either side.
                let (before, after) = sentence.split_at(at - offset);
                let office = before.split_whitespace().rev().take(8).any(is_office)
                    || after.split_whitespace().take(8).any(is_office);
                if !office {
                    return None;
                }
                let earlier = Earlier { before: from + at, people: false, ..*self };
                // The authority named with the name, or that of the office
                // beside it: "Ashraf al-Qudra, spokesman of the Gaza health ministry".
                let beside = || {
                    let near: Vec<&str> = before.split_whitespace().rev().take(8).collect();
                    let near: Vec<&str> = near.into_iter().rev().chain(after.split_whitespace().take(10)).collect();
                    authorities.find_in(&near.join(" "))
                };
                let own = |a: &Attribution| {
                    a.text.to_lowercase().contains(&surname.to_lowercase())
                        || a.text.split(' ').any(is_office)
                        || beside().is_some_and(|b| a.id.as_ref() == Some(&b.id))
                };
                let found = match Sources::of(sentence, authorities, Some(earlier)) {
                    Sources::All(a) => a.into_iter().collect(),
                    Sources::Until(a, _) => vec![a],
                    Sources::Spoken(v) => v.into_iter().map(|s| s.source).collect::<Vec<_>>(),
                };
                found.into_iter().find(|a| a.id.is_some() && own(a))
            })
            .map(|a| Attribution { text: who.to_string(), ..a })
    }

    /// The authority named, or placed by a description, last before `before`
    /// in this paragraph, and where; else the one authority the paragraph
    /// before named, where it named it last.
    fn last_in_paragraph(&self, authorities: &'a Authorities) -> Option<(usize, &'a Authority)> {
        // "Hamas' attack on Israel": a place or a target, not who speaks.
        let object = |at: usize| {
            let before = self.text[..at].trim_end();
            let word = before.rsplit(|c: char| !c.is_alphabetic()).next().unwrap_or("");
            matches!(word, "on" | "in" | "into" | "against" | "across" | "from" | "toward" | "towards" | "inside")
        };
        let last_in = |range: Range<usize>| {
            let within = |list: &[(usize, &'a Authority)]| {
                list.iter().filter(|(at, _)| range.contains(at) && !object(*at)).max_by_key(|(at, _)| *at).copied()
            };
            let named = within(self.mentions.get_or_init(|| authorities.mentions(self.text)));
            let placed = within(&self.placed.borrow());
            named.into_iter().chain(placed).max_by_key(|(at, _)| *at)
        };
        last_in(self.paragraph..self.before).or_else(|| {
            // The paragraph before speaks for "it" only if it names one authority.
            let range = self.previous?..self.paragraph;
            let placed = self.placed.borrow();
            let mentions = self.mentions.get_or_init(|| authorities.mentions(self.text));
            let mut there = mentions.iter().chain(placed.iter()).filter(|(at, _)| range.contains(at));
            let &(mut at, one) = there.next()?;
            for &(other, a) in there {
                if a.id != one.id {
                    return None;
                }
                at = at.max(other);
            }
            Some((at, one))
        })
    }
}

/// Words of an alias that say nothing of a place ("health ministry *in* Gaza").
const LINKS: [&str; 4] = ["in", "of", "the", "for"];

/// The authority a description ("the ministry", "the health ministry", "the
/// Ministry of Health", "a ministry spokesman") stands for: the only one
/// whose name holds the description and whose other words the sentence
/// holds ("in Gaza, according to the health ministry"), else the one the
/// document named, or placed so, last before it.
fn described<'a>(
    description: &str,
    sentence: &str,
    authorities: &'a Authorities,
    earlier: Option<Earlier<'a>>,
) -> Option<&'a Authority> {
    let mut words = normalise(description);

    // "local health authorities", "Palestinian health authorities": the
    // place is the sentence's, as with "there" ("local authorities" alone
    // may be anyone's).
    let health = |r: &str| r.starts_with("health ") || r.starts_with("ministry of health");
    if let Some(adjective) = ["local ", "palestinian "].iter().find(|a| words.strip_prefix(**a).is_some_and(health)) {
        words.drain(..adjective.len());
    }
    // "the health ministry operated by Hamas in the region": who runs it
    // says nothing of its place, which the sentence gives.
    if let Some(at) = [" operated by ", " run by ", " controlled by "].iter().find_map(|w| words.find(w)) {
        words.truncate(at);
    }
    // "the Gaza-based health authorities": the place's own.
    if let Some(at) = words.find("-based ") {
        words.replace_range(at..at + "-based".len(), "");
        if let Some(a) = authorities.find_in(&words) {
            return Some(a);
        }
    }
    // "the local health authority", "the health body": what the plural
    // names. "Authority" alone is no head: "the Palestinian Authority".
    if let Some(n) = ["health authority", "health body"].iter().find_map(|w| words.strip_suffix(w)).map(str::len) {
        words.truncate(n);
        words.push_str("health authorities");
    }
    // "the health ministry there": the place is the sentence's.
    if let Some(n) = words.strip_suffix(" there").map(str::len) {
        words.truncate(n);
    }
    // "a department spokesman", "a spokesman for the department" and "a
    // ministry statement" speak for the department, or the ministry; so
    // does "the ministry's spokesman".
    const SPEAKS_FOR: [&str; 6] = ["spokesman", "spokeswoman", "spokesperson", "official", "officials", "statement"];
    let words = match SPEAKS_FOR.iter().find_map(|w| words.strip_suffix(w).and_then(|r| r.strip_suffix(' '))) {
        Some(speaks_for) => speaks_for.strip_suffix("'s").unwrap_or(speaks_for).to_string(),
        None => match SPEAKS_FOR.iter().find_map(|w| {
            let rest = words.strip_prefix(w)?;
            rest.strip_prefix(" for the ")
                .or_else(|| rest.strip_prefix(" of the "))
                .or_else(|| rest.strip_prefix(" by the "))
        }) {
            Some(speaks_for) => speaks_for.to_string(),
            None => words,
        },
    };
    // "ministry spokesman Ashraf al-Qudra": an office before a name speaks
    // for the institution before it.
    let words = match [" spokesman ", " spokeswoman ", " spokesperson ", " speaker ", " representative "]
        .iter()
        .find_map(|office| words.find(office))
    {
        Some(at) if at > 0 => words[..at].to_string(),
        _ => words,
    };
    // "the health ministry in the besieged enclave in the Gaza Strip": the
    // place is the sentence's, read below with the rest of it.
    let words = match words.find(" in ") {
        Some(at) if words.split(' ').count() > 4 && HEADS.iter().any(|h| words[..at].ends_with(h)) => {
            words[..at].to_string()
        }
        _ => words,
    };
    let head = words.split(" of ").next().unwrap_or(&words).rsplit(' ').next().unwrap_or("");
    if !HEADS.contains(&head) || words.split(' ').count() > 4 {
        return None;
    }
    // The alias's words other than the description's, when it holds the description.
    let rest = |alias: &str| -> Option<Vec<String>> {
        let at = alias.match_indices(words.as_str()).map(|(i, _)| i).find(|&i| {
            let end = i + words.len();
            (i == 0 || alias.as_bytes()[i - 1] == b' ') && (end == alias.len() || alias.as_bytes()[end] == b' ')
        })?;
        let others = alias[..at].split(' ').chain(alias[at + words.len()..].split(' '));
        Some(
            others
                .filter(|w| !w.is_empty() && !LINKS.contains(w))
                .map(|w| w.strip_suffix("'s").unwrap_or(w).to_string())
                .collect(),
        )
    };
    // The one authority whose name holds the description and whose other
    // words `sentence` holds.
    let place = |sentence: &str| {
        let said = normalise(sentence);
        // "Gazans" place a description in Gaza as "Gaza" does.
        let said: Vec<&str> = said
            .split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '\''))
            .map(|w| w.strip_suffix("'s").unwrap_or(w))
            .map(|w| if matches!(w, "gazans" | "gazan") { "gaza" } else { w })
            .collect();
        let mut placed = authorities.iter().filter(|a| {
            a.aliases.iter().any(|x| {
                rest(x).is_some_and(|others| !others.is_empty() && others.iter().all(|w| said.contains(&w.as_str())))
            })
        });
        match (placed.next(), placed.next()) {
            (Some(a), None) => Some(a),
            _ => None,
        }
    };
    if let Some(a) = place(sentence) {
        // Named for the rest of the document: "the ministry's latest figure" further down.
        if let Some(e) = earlier {
            e.placed.borrow_mut().push((e.before, a));
        }
        return Some(a);
    }
    let earlier = earlier?;
    // Not one named as the object of a preposition ("according to" aside):
    // "fighting between Israel and Hamas. …, the government said" is not
    // Israel's government.
    let last = |list: &[(usize, &'a Authority)]| {
        list.iter()
            .filter(|(at, a)| {
                *at < earlier.before
                    && a.aliases.iter().any(|x| rest(x).is_some())
                    && earlier.text.get(..*at).is_some_and(|b| !object_of(b) || b.trim_end().ends_with("according to"))
            })
            .max_by_key(|(at, _)| *at)
            .copied()
    };
    let named = last(earlier.mentions.get_or_init(|| authorities.mentions(earlier.text)));
    let placed = last(&earlier.placed.borrow());
    if let Some((_, a)) = named.into_iter().chain(placed).max_by_key(|(at, _)| *at) {
        return Some(a);
    }
    // "Aid deliveries into Gaza have slowed … More than 35,500 have been
    // killed, the health ministry says": placed by its paragraph.
    if let Some(a) = earlier.text.get(earlier.paragraph..earlier.before).and_then(place) {
        earlier.placed.borrow_mut().push((earlier.before, a));
        return Some(a);
    }
    // "We begin in Gaza, where the health ministry says the toll rose. …
    // The ministry put the number of dead at 31,819": the description's
    // last use before, placed by its own sentence, which held no figure
    // and so was never read for a source. An earlier use would skip one
    // that speaks of a ministry no authority's name holds.
    // Else the title's place: "How Gaza's death toll climbed" over "…, the ministry said".
    let a = used_before(earlier.text, earlier.before, head)
        .next()
        .and_then(|(_, s)| place(s))
        .or_else(|| earlier.title.and_then(place))?;
    earlier.placed.borrow_mut().push((earlier.before, a));
    Some(a)
}

/// Whether the words before a name make it the object of a preposition:
/// "to discuss with top Israeli officials", "a letter to Israeli officials".
fn object_of(before: &str) -> bool {
    const QUALIFIERS: [&str; 8] = ["top", "senior", "the", "other", "several", "some", "its", "their"];
    const PREPOSITIONS: [&str; 7] = ["with", "to", "against", "toward", "towards", "between", "among"];
    before
        .split_whitespace()
        .rev()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_ascii_lowercase())
        .find(|w| !QUALIFIERS.contains(&w.as_str()))
        .is_some_and(|w| PREPOSITIONS.contains(&w.as_str()))
}

/// Whether the words after a name have it speak: "with the ministry saying".
fn speaks(after: &str) -> bool {
    let next = after.trim_start();
    ["saying", "says", "said", "reporting", "reported", "estimating"].iter().any(|w| next.starts_with(w))
}

/// Whether the words after a name are an action it qualifies: "(an Israeli
/// military) offensive", "(Israeli military) strikes".
fn names_an_action(after: &str) -> bool {
    const ACTIONS: [&str; 16] = [
        "onslaught",
        "offensive",
        "campaign",
        "operation",
        "strike",
        "airstrike",
        "air strike",
        "bombardment",
        "assault",
        "attack",
        "raid",
        "siege",
        "invasion",
        "action",
        "incursion",
        "fire",
    ];
    // "an Israel Defense Forces (IDF) airstrike": past the abbreviation.
    let next = after.trim_start();
    let next = match next.strip_prefix('(').and_then(|r| r.split_once(')')) {
        Some((short, rest)) if short.bytes().all(|b| b.is_ascii_uppercase()) => rest.trim_start(),
        _ => next,
    }
    .as_bytes();
    ACTIONS.iter().any(|a| next.get(..a.len()).is_some_and(|w| w.eq_ignore_ascii_case(a.as_bytes())))
}

/// Whether the words after a name make it the subject of a deed, not of a
/// count: "the Israeli military has intensified its campaign".
fn acts(after: &str) -> bool {
    static DEED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(concat!(
            r"^\s+(?:has |have |had |is |was |were )?(?:now |also |since )?",
            r"(?:intensified|intensifying|stepped up|stepping up|expanded|expanding|launched|launching|pressed|pressing|",
            r"pushed|pushing|widened|widening|escalated|escalating|struck|striking|bombed|bombing|shelled|shelling|",
            r"invaded|invading|entered|entering|withdrew|withdrawn|pulled out|besieged|besieging|raided|raiding)(?-u:\b)"
        ))
        .expect("deed regex")
    });
    DEED.is_match(after)
}

/// Where the words after a dateline start: a place in capitals, perhaps an
/// agency in brackets, then a dash ("GAZA CITY -", "WASHINGTON (AP) —").
fn dateline_end(who: &str) -> Option<usize> {
    let (at, dash) = [" - ", " — ", " – ", " -- "].iter().filter_map(|d| Some((who.find(d)?, d.len()))).min()?;
    let place = who[..at].split(" (").next().unwrap_or("");
    let capitals = place.bytes().filter(u8::is_ascii_alphabetic).count() >= 3
        && place.bytes().all(|b| b.is_ascii_uppercase() || matches!(b, b' ' | b'.' | b',' | b'\'' | b'-'));
    // "Sweimeh, Jordan - Secretary of State Antony Blinken": a place in
    // capitalised words (the subject may begin after the town's comma),
    // or the date after it ("GAZA, Nov 21 (Reuters) - The enclave's …"),
    // then a capitalised subject.
    let titled = (1..=3).contains(&place.split_whitespace().count())
        && place.starts_with(|c: char| c.is_uppercase())
        && place
            .split([' ', ','])
            .filter(|w| !w.is_empty())
            .all(|w| w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit()))
        && who[at + dash..].starts_with(|c: char| c.is_uppercase());
    (capitals || titled).then_some(at + dash)
}

/// The uses of the word `head` ("ministry", or "Ministry") before `before`
/// in `text`, last first, each with its sentence: a sentence here runs
/// between sentence ends or blank lines.
fn used_before<'t>(text: &'t str, before: usize, head: &str) -> impl Iterator<Item = (usize, &'t str)> {
    let upto = &text[..before.min(text.len())];
    let first = head.as_bytes().first().copied().unwrap_or(b' ');
    // The word's first letter in either case: searched for without it.
    let finder = memchr::memmem::FinderRev::new(&head.as_bytes()[1.min(head.len())..]).into_owned();
    let mut end = upto.len();
    std::iter::from_fn(move || {
        loop {
            let tail = finder.rfind(&upto.as_bytes()[..end])?;
            end = tail;
            let b = upto.as_bytes();
            let Some(at) = tail.checked_sub(1).filter(|&at| b[at].eq_ignore_ascii_case(&first)) else { continue };
            let word = (at == 0 || !b[at - 1].is_ascii_alphanumeric())
                && b.get(tail + finder.needle().len()).is_none_or(|c| !c.is_ascii_alphanumeric());
            if !word {
                continue;
            }
            let ends = |w: &[u8]| matches!(w, [b'.' | b'?' | b'!', b' ' | b'\n'] | [b'\n', b'\n']);
            let start = (1..at).rev().find(|&i| ends(&b[i - 1..=i])).map_or(0, |i| i + 1);
            let stop = (at..upto.len().saturating_sub(1)).find(|&i| ends(&b[i..=i + 1])).map_or(upto.len(), |i| i + 1);
            return Some((at, &upto[start..stop]));
        }
    })
}

/// The zones a live blog's clock is written with: "09.15 BST".
const TIME_ZONES: [&str; 14] =
    ["BST", "GMT", "UTC", "CET", "CEST", "EST", "EDT", "ET", "PT", "PST", "PDT", "IDT", "IST", "AST"];

/// A clock's half of the day: "11:45 a.m.".
const MERIDIEMS: [&str; 8] = ["a.m.", "p.m.", "am", "pm", "AM", "PM", "A.M.", "P.M."];

fn resolve<'a>(
    who: &str,
    sentence: &str,
    authorities: &'a Authorities,
    earlier: Option<Earlier<'a>>,
) -> Option<Attribution> {
    // An appositive's two names ("A spokesman for the ministry, Ashraf
    // al-Qudra"): the authority either names, else the proper name.
    if let Some((first, second)) = who.split_once(", ") {
        let (a, b) = (resolve(first, sentence, authorities, earlier), resolve(second, sentence, authorities, earlier));
        return match (a, b) {
            (Some(a), _) if a.id.is_some() => Some(a),
            (_, Some(b)) if b.id.is_some() || b.text.starts_with(char::is_uppercase) => Some(b),
            (a, b) => a.or(b),
        };
    }
    // "the Ministry of Health (MoH) in Gaza": the abbreviation is not part of the name.
    let unbracketed;
    let who = match who.find('(') {
        Some(open) => match who[open..].find(')') {
            Some(close) => {
                unbracketed = format!("{}{}", who[..open].trim_end(), &who[open + close + 1..]);
                unbracketed.as_str()
            }
            None => who,
        },
        None => who,
    };
    // A wire dateline opens the paragraph: "WASHINGTON - The United States".
    let who = dateline_end(who).map_or(who, |end| &who[end..]);
    // A live blog's "10:40 The ministry says" leaves "40" before the subject.
    let untrimmed = who.trim_start_matches(|c: char| !c.is_alphabetic());
    // "$180M+ in aid announced": a subject does not start inside a figure.
    if who[..who.len() - untrimmed.len()].ends_with(|c: char| c.is_ascii_digit())
        && untrimmed.starts_with(char::is_alphanumeric)
    {
        return None;
    }
    // "09.15 BST Yesterday the ministry", "11:45 a.m. The U.N.": a clock's
    // half of the day and time zone are no speaker.
    let mut untrimmed = untrimmed;
    if who[..who.len() - untrimmed.len()].contains(|c: char| c.is_ascii_digit()) {
        for _ in 0..2 {
            match untrimmed.split_once(' ') {
                Some((mark, rest)) if TIME_ZONES.contains(&mark) || MERIDIEMS.contains(&mark) => {
                    untrimmed = rest.trim_start()
                }
                _ => break,
            }
        }
    }
    let mut who = untrimmed.trim_end_matches(|c: char| !c.is_alphanumeric());
    // "the U.S." keeps the point that ends its abbreviation.
    if untrimmed[who.len()..].starts_with('.') && who.rsplit(['.', ' ']).next().is_some_and(|w| w.chars().count() == 1)
    {
        who = &untrimmed[..who.len() + 1];
    }
    // "When a ministry says": an opener capitalised at the sentence's start too.
    let who = OPENERS
        .iter()
        .find_map(|o| {
            let head = who.get(..o.len())?;
            head.eq_ignore_ascii_case(o).then(|| &who[o.len()..])
        })
        .unwrap_or(who);
    // "and on Friday Secretary of State Antony Blinken announced".
    let who = match LEADING_TIME.find(who) {
        Some(m) => &who[m.end()..],
        None => who,
    };
    // An article, wrapped or not ("the\nhealth ministry").
    let who = match who.split_once(char::is_whitespace) {
        Some(("the" | "The" | "a" | "A" | "an" | "An", rest)) => rest,
        _ => who,
    }
    .trim();
    // A name wrapped across lines ("the White\nHouse") is one name.
    let spaced;
    let who = if who.contains(|c: char| c.is_whitespace() && c != ' ') || who.contains("  ") {
        spaced = who.split_whitespace().collect::<Vec<_>>().join(" ");
        spaced.as_str()
    } else {
        who
    };
    // "according to data provided by the health ministry": the ministry's.
    let who = ["data", "figures", "numbers", "statistics"]
        .iter()
        .find_map(|w| {
            let rest = who.strip_prefix(w)?.strip_prefix(' ')?;
            let (verb, rest) = rest.split_once(' ')?;
            matches!(verb, "provided" | "released" | "published" | "issued" | "compiled").then_some(())?;
            let rest = rest.strip_prefix("by ")?;
            Some(rest.strip_prefix("the ").unwrap_or(rest))
        })
        .unwrap_or(who);
    // "according to an earlier report by the Health Ministry of Gaza", "the
    // latest figures from the Palestinian Ministry of Health": the ministry's.
    let who = ["", "earlier ", "latest ", "new ", "recent "]
        .iter()
        .find_map(|adj| {
            let rest = who.strip_prefix(adj)?;
            let rest = ["report ", "statement ", "update ", "tally ", "figures ", "data ", "numbers "]
                .iter()
                .find_map(|n| rest.strip_prefix(n))?;
            let rest = ["by ", "from "].iter().find_map(|p| rest.strip_prefix(p))?;
            Some(rest.strip_prefix("the ").unwrap_or(rest))
        })
        .unwrap_or(who);
    // "according to the ministry's daily reports": the ministry's.
    let who = match RECORDS.find(who) {
        Some(m) if m.start() > 0 => &who[..m.start()],
        _ => who,
    };
    // "Ministry figures show": the ministry's, when that names an authority
    // ("Israeli figures" is an authority's name as it is).
    let who = match ["figures", "data", "numbers", "statistics", "records"]
        .iter()
        .find_map(|w| who.strip_suffix(w)?.strip_suffix(' ').filter(|r| !r.is_empty()))
    {
        Some(owner)
            if authorities.find_in(who).is_none()
                && (authorities.find_in(owner).is_some()
                    || described(owner, sentence, authorities, earlier).is_some()) =>
        {
            owner
        }
        _ => who,
    };
    let lower = who.to_lowercase();
    // "We've announced", "they'd said": a pronoun with its verb contracted.
    let lower = match lower.split_once(['\'', '’']) {
        Some((pronoun, "ve" | "d" | "ll" | "s" | "re" | "m")) if PRONOUNS.contains(&pronoun) => pronoun.to_string(),
        _ => lower,
    };
    // "By late January the health ministry counted 26,000 dead. On Sunday it
    // said 29,692": a pronoun speaks for the authority its paragraph named last.
    // "…, the ministry said. There are 14,245 wounded, the statement
    // added": a statement no one is named for is the one the paragraph gave.
    if matches!(lower.as_str(), "it" | "they" | "statement" | "its statement") {
        let e = earlier?;
        let a = e.pronoun(authorities)?;
        return Some(Attribution::of(a, who));
    }
    // "Civil Defence spokesman Mahmoud Bassal said … He added that": the office's.
    if matches!(lower.as_str(), "he" | "she") {
        let a = earlier?.person(authorities)?;
        return Some(Attribution { text: who.to_string(), ..a });
    }
    // "Nobody in the cabinet has told us": a denial names no one who spoke.
    let denial = ["nobody", "no one", "none of", "neither"].iter().any(|d| lower.starts_with(d));
    if who.is_empty() || PRONOUNS.contains(&lower.as_str()) || denial {
        return None;
    }
    // "According to this assessment": a thing named before, no source by
    // its name, unless the name holds an authority ("this ministry's count").
    if ["this ", "that ", "these ", "those "].iter().any(|d| lower.starts_with(d)) && authorities.find_in(who).is_none()
    {
        return None;
    }
    Some(match authorities.find_in(who).or_else(|| described(who, sentence, authorities, earlier)) {
        Some(a) => Attribution::of(a, who),
        None => match earlier.and_then(|e| e.office_of(who, authorities)) {
            Some(a) => a,
            // "According to current estimates": a count no one is named for.
            None if !who.contains(char::is_uppercase)
                && who.rsplit(' ').next().is_some_and(|w| {
                    matches!(
                        w,
                        "estimates" | "estimate" | "figures" | "data" | "reports" | "counts" | "tallies" | "numbers"
                    )
                }) =>
            {
                return None;
            }
            None => Attribution { id: None, name: who.to_string(), text: who.to_string() },
        },
    })
}

/// The owner of a figure before its `'s` (see [`OWNED`]): "Israel disputes
/// the health ministry's figure" is the ministry's.
fn owner_before(sentence: &str, at: usize) -> &str {
    let before = subject_before(sentence, at);
    match before.rfind("the ").filter(|&i| i > 0) {
        Some(i) => &before[i..],
        None => before,
    }
}

/// Whether a speaker is a publication or its writer, named by a
/// possessive or a demonstrative: "your report", "this newspaper". "The
/// report" alone is left to the authority that issued it.
fn is_publication(who: &str) -> bool {
    let head = who.split(" of ").next().unwrap_or(who);
    let mut words = head.split_whitespace();
    let (Some(first), Some(last)) = (words.next(), head.split_whitespace().last()) else { return false };
    let own = matches!(first.to_ascii_lowercase().as_str(), "your" | "our" | "my" | "this" | "that");
    let plain = matches!(
        last,
        "paper" | "newspaper" | "article" | "story" | "editorial" | "column" | "piece" | "broadcast" | "headline"
    );
    let written = matches!(last, "report" | "reports" | "reporter" | "reporters" | "correspondent" | "coverage");
    plain || (own && written)
}

/// What a fact check quotes: "a viral post says", "a video shared on X
/// claimed". The nouns a shared message is named by.
const POSTS: [&str; 14] = [
    "post",
    "posts",
    "tweet",
    "tweets",
    "video",
    "videos",
    "meme",
    "memes",
    "message",
    "messages",
    "graphic",
    "infographic",
    "image",
    "caption",
];

/// A shared message as a speaker, named up to its noun: "viral post" of
/// "viral post shared thousands of times on X". Its noun is one of the
/// first three words.
fn post_speaker(who: &str) -> Option<&str> {
    let mut end = 0;
    for word in who.split(' ').take(3) {
        end += word.len();
        if POSTS.contains(&word.to_ascii_lowercase().as_str()) {
            return Some(&who[..end]);
        }
        end += 1;
    }
    None
}

/// The lower-case words of a person's name: "Ursula von der Leyen".
const NAME_PARTICLES: [&str; 7] = ["al", "bin", "ibn", "von", "der", "de", "van"];

/// A particle joined to the name after it: "Ashraf al-Qudra", "el-Sisi".
const NAME_PREFIXES: [&str; 4] = ["al-", "el-", "ad-", "as-"];

/// Whether a word is one of the `OFFICES`, punctuation aside.
fn is_office(word: &str) -> bool {
    OFFICES.contains(&word.trim_matches(|c: char| !c.is_alphabetic()).to_ascii_lowercase().as_str())
}

/// Offices a speaker is named by when the name is the country or body
/// after them: "the representative of Algeria said".
const OFFICES: [&str; 12] = [
    "representative",
    "ambassador",
    "envoy",
    "delegate",
    "minister",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "head",
    "chief",
    "director",
    "commissioner",
];

/// Whether a speaker is an office of a named country or body: "representative
/// of Algeria", "foreign minister of Qatar", "spokesperson for the UN".
/// Lower-case speakers are otherwise no one ("officials said").
fn holds_office_of_a_name(who: &str) -> bool {
    let Some((office, name)) = who.split_once(" of ").or_else(|| who.split_once(" for ")) else { return false };
    let name = name.strip_prefix("the ").unwrap_or(name);
    let words: Vec<&str> = office.split_whitespace().collect();
    name.starts_with(char::is_uppercase) && words.len() <= 3 && words.last().is_some_and(|w| OFFICES.contains(w))
}

/// Where a clause before `before`'s end starts: after its last comma,
/// semicolon, colon, quote, dash or unclosed bracket. A closed bracket is
/// part of the clause: "your report of 10 March (page 4) gave".
fn clause_start(before: &str) -> usize {
    let mut depth = 0usize;
    for (i, c) in before.char_indices().rev() {
        match c {
            ')' => depth += 1,
            '(' if depth > 0 => depth -= 1,
            ',' | ';' | ':' | '“' | '”' | '"' | '(' | '—' | '–' if depth == 0 => return i + c.len_utf8(),
            _ => {}
        }
    }
    0
}

/// The subject before a reporting verb: back to the start of the clause, at most eight words.
fn subject_before(sentence: &str, verb_start: usize) -> &str {
    let start_of = clause_start;
    let before = &sentence[..verb_start];
    let start = start_of(before);
    let comma_before = |at: usize| at > 0 && before.as_bytes()[at - 1] == b',';
    // "Blinken, on his seventh trip to the region, said": the subject is before the aside.
    // Nothing but time words between the aside and the verb ("…, for its part, still counts").
    let clause = before[start..].trim_end();
    let between = TIME_AFTER_SUBJECT.find(clause);
    // "it is estimated that", "as was reported": a passive names no speaker.
    let verb = sentence[verb_start..].split(|c: char| !c.is_alphabetic()).next().unwrap_or("");
    if between.is_some_and(|m| {
        m.as_str().rsplit(' ').next().is_some_and(|w| matches!(w, "is" | "are" | "was" | "were" | "been" | "be"))
    }) && (verb.ends_with("ed") || matches!(verb, "said" | "told" | "put" | "shown"))
    {
        return "";
    }
    let subject = between.map_or(clause, |m| &clause[..m.start()]);
    if subject.trim().is_empty() && comma_before(start) {
        let aside_start = start_of(&before[..start - 1]);
        let aside = before[aside_start..start - 1].trim_start();
        if comma_before(aside_start) && SUBJECT_ASIDES.iter().any(|a| aside.starts_with(a)) {
            let subject_start = start_of(&before[..aside_start - 1]);
            return subject_words(before[subject_start..aside_start - 1].trim());
        }
        // An appositive names the speaker twice ("UNICEF's executive director,
        // Catherine Russell, said"; "Catherine Russell, UNICEF's executive
        // director, said"; "Philippe Lazzarini, the head of UNRWA, said"):
        // both are read, for the authority either names.
        // "The ministry, part of the Hamas-run government, said": what it belongs to.
        // "Ashraf al-Qedra, ministry spokesman, said", "Mahmud Bassal,
        // spokesman for the agency, said": an office without its article.
        let described = aside.starts_with(char::is_uppercase)
            || ["the ", "a ", "an ", "part of "].iter().any(|a| aside.starts_with(a))
            || aside.split_whitespace().next_back().is_some_and(is_office)
            || aside.split_whitespace().next().is_some_and(is_office);
        if comma_before(aside_start) && aside.split_whitespace().count() <= 6 && described {
            let subject_start = start_of(&before[..aside_start - 1]);
            let subject = before[subject_start..aside_start - 1].trim();
            if subject.starts_with(char::is_uppercase) && subject.split_whitespace().count() <= 6 {
                return subject_words(before[subject_start..start - 1].trim());
            }
        }
    }
    let mut subject = subject_words(before[start..].trim());
    // "129 of whom Israel says": the relative clause's own subject.
    let relative = ["of whom ", "of which "].iter().find_map(|r| {
        let at = subject.match_indices(r).map(|(i, _)| i).find(|&i| i == 0 || subject.as_bytes()[i - 1] == b' ')?;
        Some(at + r.len())
    });
    if let Some(at) = relative {
        subject = &subject[at..];
    }
    // "An estimated 1.7 million", "the estimated 2.2 million": an adjective.
    if matches!(subject, "A" | "An" | "The" | "a" | "an" | "the") { "" } else { subject }
}

/// The clause a relative pronoun stands for, when `who`, the subject
/// before the verb at `verb_start`, is one ("cited UNRWA, which said"):
/// at most eight words back from the comma.
fn relative_antecedent<'s>(sentence: &'s str, who: &str, verb_start: usize) -> Option<&'s str> {
    if !matches!(who, "who" | "which") {
        return None;
    }
    let before = &sentence[..verb_start];
    let comma = before.rfind(", ")?;
    if !before[comma + 2..].trim_start().starts_with(who) {
        return None;
    }
    let clause = before[clause_start(&before[..comma])..comma].trim();
    let start = clause.match_indices(' ').rev().nth(7).map_or(0, |(i, _)| i + 1);
    (!clause.is_empty()).then(|| clause[start..].trim())
}

/// Words that open an aside between a subject and its verb.
const SUBJECT_ASIDES: [&str; 16] = [
    "on his ",
    "on her ",
    "who ",
    "which ",
    "whose ",
    "speaking ",
    "in a statement",
    "in remarks",
    "in a post",
    "in an interview",
    "in a speech",
    "in a briefing",
    "in a letter",
    "at a news conference",
    "for its part",
    "for their part",
];

/// A subject of at most eight words, without the time words after it.
fn subject_words(clause: &str) -> &str {
    // "In a statement on Thursday the Ministry of Health said": what comes
    // before the subject is not counted among its words.
    let clause = LEADING_TIME.find(clause).map_or(clause, |m| &clause[m.end()..]);
    // "The United States on Thursday announced": the day is not the source.
    let clause = match TIME_AFTER_SUBJECT.find(clause) {
        Some(m) => &clause[..m.start()],
        None => clause,
    };
    let words: Vec<&str> = clause.split_whitespace().collect();
    // An institution and where it is may run longer: "The Health Ministry
    // in the besieged enclave in the Gaza Strip reported".
    let placed_institution = || {
        words.len() <= 14
            && words
                .windows(2)
                .take(4)
                .any(|w| HEADS.contains(&w[0].to_ascii_lowercase().as_str()) && matches!(w[1], "in" | "of" | "for"))
    };
    if words.is_empty() || words.len() > 8 && !placed_institution() {
        return "";
    }
    // "Today's funding brings the total U.S. assistance announced for …":
    // a clause with a verb of its own is no subject of the participle.
    const FINITE: [&str; 8] = ["brings", "brought", "takes", "took", "makes", "made", "gives", "gave"];
    if words[..words.len() - 1].iter().any(|w| FINITE.contains(w)) {
        return "";
    }
    clause
}

/// The source of a table row: a cell that is an authority's name
/// (`| Hostages still held | 133 | Israel |`).
pub fn table_row_source(row: &str, authorities: &Authorities) -> Option<Attribution> {
    if !crate::document::segment::is_table_row(row) {
        return None;
    }
    row.split('|').map(str::trim).find_map(|cell| {
        let a = authorities.named(cell)?;
        Some(Attribution::of(a, cell))
    })
}

/// A clause that opens on a new place or a turn ("; in Israel, …",
/// "; meanwhile, …") starts a statement of its own: the source named
/// elsewhere in its sentence does not speak for it.
static NEW_TOPIC: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"^\s*(?:(?i:meanwhile|elsewhere|separately|by contrast|in contrast|on the other hand|for (?:its|their|his|her) part)\s*,",
        r"|(?i:in|inside|across|within|on the)\s+(?:the\s+)?(?P<place>[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,3})(?:\s+side)?\s*,",
        // The writer's comparison: "— nearly 30 times the 1,200 people killed in Israel".
        r"|(?i:(?:nearly|almost|about|roughly|more than|over|some)\s+)?(?:[0-9]+|(?i:two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|forty|fifty))\s+times\s+(?i:the|as|that)\s)"
    ))
    .expect("new topic regex")
});

/// Months, which with the weekdays make "in X," a time, not a place ("; in March, …").
pub(crate) const TIMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Whether a sentence opens by going on from the one before, whose
/// source it keeps: "Another 26,905 have been injured", "Of the dead, 4,506
/// were children", "Among them were 4,412 children".
pub fn goes_on_from_before(sentence: &str) -> bool {
    const OPENINGS: [&str; 9] = [
        "Another ",
        "A further ",
        "An additional ",
        "Of the dead",
        "Of them",
        "Of those",
        "Among them",
        "Among the dead",
        "Of these",
    ];
    let t = sentence.trim_start_matches(|c: char| c.is_whitespace() || matches!(c, '-' | '*' | '•'));
    OPENINGS.iter().any(|o| t.starts_with(o))
}

/// Whether a clause after the first opens a statement of its own (see [`NEW_TOPIC`]).
pub fn opens_new_topic(clause: &str) -> bool {
    NEW_TOPIC.captures(clause).is_some_and(|c| match c.name("place") {
        Some(place) => !place
            .as_str()
            .split_whitespace()
            .next()
            .is_some_and(|w| TIMES.contains(&w) || crate::dates::WEEKDAY_NAMES.contains(&w)),
        None => true,
    })
}

/// The attribution of a sentence, if it names a source.
/// `earlier` resolves a description ("the ministry") to the authority the
/// document named last; `figure`, the figure's offset, picks among speakers.
pub fn attribution_of<'a>(
    sentence: &str,
    authorities: &'a Authorities,
    earlier: Option<Earlier<'a>>,
    figure: Option<usize>,
) -> Option<Attribution> {
    Sources::of(sentence, authorities, earlier).for_figure(figure)
}

/// The speaker of a quotation that spans sentences, from the sentence
/// that tags it: named after its closing mark at `mark` ("…,” said X"),
/// or before its opening mark ("X said: “…").
pub fn quotation_speaker<'a>(
    sentence: &str,
    mark: usize,
    closing: bool,
    authorities: &'a Authorities,
    earlier: Option<Earlier<'a>>,
) -> Option<Attribution> {
    if closing {
        Sources::of(sentence, authorities, earlier).named_after(mark)
    } else {
        Sources::of(&sentence[..mark], authorities, earlier).for_figure(Some(mark))
    }
}

/// The titles a transcript's speaker is named by: "SECRETARY BLINKEN:",
/// "MR MILLER:". A label without one ("QUESTION:", "VERDICT:",
/// "BREAKING:") is no speaker.
const SPEAKER_TITLES: [&str; 17] = [
    "SECRETARY",
    "MR",
    "MR.",
    "MS",
    "MS.",
    "MRS.",
    "DR.",
    "AMBASSADOR",
    "SPOKESPERSON",
    "SPOKESMAN",
    "MINISTER",
    "PRESIDENT",
    "GENERAL",
    "ADMIRAL",
    "SENATOR",
    "CHAIRMAN",
    "ADMINISTRATOR",
];

/// The speaker whose turn a transcript's paragraph is, from the label its
/// first sentence opens with: "SECRETARY BLINKEN: … We've now provided
/// more than $180 million" is Blinken's figure.
pub fn turn_speaker(first_sentence: &str, authorities: &Authorities) -> Option<Attribution> {
    let (label, _) = first_sentence.trim_start().split_once(": ")?;
    let words: Vec<&str> = label.split_whitespace().collect();
    if !(2..=4).contains(&words.len()) || !SPEAKER_TITLES.contains(&words[0]) || label.chars().any(char::is_lowercase) {
        return None;
    }
    resolve(label, first_sentence, authorities, None)
        .or_else(|| Some(Attribution { id: None, name: label.to_string(), text: label.to_string() }))
}

/// A wire alert's slug before its text: "BREAKING", "ALERT", "UPDATE 2".
fn is_wire_slug(word: &str) -> bool {
    let word = word.trim_end_matches(|c: char| c.is_ascii_digit() || c == ' ');
    ["breaking", "alert", "urgent", "flash", "update", "exclusive"].iter().any(|s| s.eq_ignore_ascii_case(word))
}

/// A wire headline's source after a spaced hyphen at its end: "Gaza death
/// toll passes 35,000 -health ministry", "… -State Dept".
fn wire_source(sentence: &str) -> Option<&str> {
    let t = sentence.trim_end();
    // The last hyphen, with a space before it and none after.
    let dash = memchr::memrchr(b'-', t.as_bytes()).filter(|&i| i > 0 && t.as_bytes()[i - 1] == b' ')?;
    let who = &t[dash + 1..];
    (who.starts_with(|c: char| c.is_alphabetic()) && is_short_name(who)).then_some(who)
}

/// Whether `who` can be a name credited at a headline's edge: one to four
/// words of letters (and points and apostrophes).
fn is_short_name(who: &str) -> bool {
    (1..=4).contains(&who.split_whitespace().count())
        && who.chars().all(|c| c.is_alphabetic() || matches!(c, ' ' | '.' | '\'' | '’'))
}

/// Whether a headline's colon credits `a`: a known authority, or the UN,
/// which is no authority of its own but is a source.
fn credits_headline(a: &Attribution, who: &str) -> bool {
    a.id.is_some() || ["UN", "U.N.", "United Nations"].iter().any(|n| n.eq_ignore_ascii_case(who))
}

/// Whether `sentence` is written in capitals: letters, and none of them
/// lower case. Most sentences show a lower-case letter in their first word.
fn shouts(sentence: &str) -> bool {
    !sentence.bytes().any(|b| b.is_ascii_lowercase())
        && sentence.bytes().filter(u8::is_ascii_uppercase).nth(7).is_some()
}

/// The sources a sentence (or clause) names, read once for all its figures.
#[derive(Debug, Clone)]
pub enum Sources {
    /// One source for every figure: `according to X`, `per X`, an authority
    /// named anywhere, or none.
    All(Option<Attribution>),
    /// One source for the figures before an offset: "…, according to the
    /// ministry, since the attack on 7 October, in which 1,200 were killed"
    /// is not the ministry's 1,200.
    Until(Attribution, usize),
    /// Speakers (`X said`), by the offset of their verb, in order.
    Spoken(Vec<Speaker>),
}

/// Whether what follows a reporting verb is a statement of its own ("some
/// areas are suffering famine", "that talks had stalled"), not a time or
/// place of the saying.
fn states_its_own(after: &str) -> bool {
    let words = after.trim_end_matches(['.', '"', '”', ' ']).split_whitespace();
    words.enumerate().any(|(k, w)| {
        (k == 0 && w == "that")
            || matches!(w, "is" | "are" | "was" | "were" | "has" | "have" | "had" | "will" | "would")
    })
}

/// What opens a clause whose speaker speaks for no figure before it.
const SUBORDINATORS: [&str; 6] = ["where ", "whereas ", "while ", "when ", "after ", "before "];

/// A speaker of a sentence: `X said`.
#[derive(Debug, Clone)]
pub struct Speaker {
    /// The offset of the verb.
    at: usize,
    source: Attribution,
    /// The speaker's clause is subordinate ("…, where the ministry says"):
    /// it speaks for no figure before that clause.
    subordinate: bool,
    /// Where a subordinate speaker's clause ends: "…, when Israel said it
    /// would widen its raids, and now counts 1,800 children" is not Israel's
    /// count.
    until: usize,
}

impl Sources {
    pub fn of<'a>(sentence: &str, authorities: &'a Authorities, earlier: Option<Earlier<'a>>) -> Sources {
        // A broadcast script or an alert in capitals ("ISRAEL SAYS ABOUT
        // 130 HOSTAGES"): its speakers and verbs are read in lower case,
        // which keeps every offset, and shown as written.
        if shouts(sentence) {
            let lower = sentence.to_ascii_lowercase();
            let mut sources = Self::read(&lower, authorities, earlier);
            let as_written = |a: &mut Attribution| {
                let text = lower.find(&a.text).map_or(a.text.clone(), |i| sentence[i..i + a.text.len()].to_string());
                if a.id.is_none() && a.name == a.text {
                    a.name.clone_from(&text);
                }
                a.text = text;
            };
            match &mut sources {
                Sources::All(a) => a.iter_mut().for_each(as_written),
                Sources::Until(a, _) => as_written(a),
                Sources::Spoken(v) => v.iter_mut().for_each(|s| as_written(&mut s.source)),
            }
            return sources;
        }
        Self::read(sentence, authorities, earlier)
    }

    fn read<'a>(sentence: &str, authorities: &'a Authorities, earlier: Option<Earlier<'a>>) -> Sources {
        if may_say_according(sentence)
            && let Some(c) = ACCORDING.captures(sentence).filter(|c| !CONDUIT.is_match(&c["who"]))
        {
            let start = c.get(0).map_or(0, |m| m.start());
            // "134 are held by Hamas and according to Israeli intelligence
            // 32 of them are dead": a second statement, joined to a figure
            // before it, speaks for what follows only.
            let before = sentence[..start].trim_end();
            if (before.ends_with(" and") || before.ends_with(" while") || before.ends_with(" but"))
                && before.bytes().any(|b| b.is_ascii_digit())
                && let Some(a) = resolve(&c["who"], sentence, authorities, earlier)
            {
                let first = Self::read(&sentence[..start], authorities, earlier);
                let mut speakers: Vec<Speaker> = match first {
                    Sources::All(a) => a
                        .into_iter()
                        .map(|source| Speaker { at: 0, source, subordinate: false, until: usize::MAX })
                        .collect(),
                    Sources::Until(source, _) => vec![Speaker { at: 0, source, subordinate: false, until: usize::MAX }],
                    Sources::Spoken(v) => v,
                };
                speakers.push(Speaker { at: start, source: a, subordinate: true, until: usize::MAX });
                return Sources::Spoken(speakers);
            }
            // "according to the latest report released by the health
            // ministry": the ministry's, when it is an authority.
            let publisher = BY_PUBLISHER
                .captures(&sentence[c.name("who").map_or(0, |w| w.end())..])
                .and_then(|p| resolve(&p["who"], sentence, authorities, earlier))
                .filter(|a| a.id.is_some());
            if let Some(a) = publisher.or_else(|| resolve(&c["who"], sentence, authorities, earlier)) {
                return match ANOTHER_EVENT.find_at(sentence, c.get(0).map_or(0, |m| m.end())) {
                    Some(m) => Sources::Until(a, m.start()),
                    None => Sources::All(Some(a)),
                };
            }
        }
        if finder!(b" by ").find(sentence.as_bytes()).is_some()
            && let Some(c) = AS_BY.captures(sentence)
            && let Some(a) = resolve(&c["who"], sentence, authorities, earlier)
            && (a.id.is_some() || a.text.starts_with(char::is_uppercase))
        {
            return Sources::All(Some(a));
        }
        if sentence.contains(" as saying")
            && let Some(c) = CITED_AS.captures(sentence)
            && let Some(a) = resolve(&c["who"], sentence, authorities, earlier)
        {
            return Sources::All(Some(a));
        }
        // A relayed source is the figure's, when it is an authority.
        if let Some(at) = finder!(b"citing ").find(sentence.as_bytes())
            && let Some(c) = CITING.captures_at(sentence, at)
            && let Some(a) = resolve(&c["who"], sentence, authorities, earlier).filter(|a| a.id.is_some())
        {
            return Sources::All(Some(a));
        }
        let mut spoken = Vec::new();
        let gives = GIVE_WORDS.find(sentence.as_bytes()).is_some();
        let gave = gives.then(|| GAVE_AS.find_iter(sentence).map(|m| m.start())).into_iter().flatten();
        for (at, shows) in VERB
            .find_iter(sentence)
            .map(|m| (m.start(), m.as_str().starts_with("show")))
            .chain(gave.map(|at| (at, false)))
        {
            // "its official estimated death toll", "the revised death toll": an adjective, not a verb.
            let word = sentence[at..].split(|c: char| !c.is_alphabetic()).next().unwrap_or("");
            if word.ends_with("ed")
                && sentence[..at].trim_end().rsplit(' ').next().is_some_and(|w| {
                    matches!(w, "its" | "their" | "the" | "The" | "a" | "an" | "official" | "initial" | "newly")
                })
            {
                continue;
            }
            // A noun, not a verb of saying: after its adjective or "according
            // to" ("According to current estimates, Hamas is holding",
            // "According to reports, 59 …"), or before a verb of its own
            // ("Current reports indicate that", "Ministry figures show").
            if matches!(word, "reports" | "counts" | "estimates" | "claims" | "records")
                && (sentence[..at].trim_end().rsplit(' ').next().is_some_and(|w| {
                    matches!(
                        w,
                        "current" | "latest" | "recent" | "official" | "initial" | "early" | "new" | "updated" | "to"
                    )
                }) || sentence[at + word.len()..].trim_start().split(' ').next().is_some_and(|w| {
                    matches!(w, "indicate" | "indicated" | "suggest" | "suggested" | "show" | "showed" | "say" | "said")
                }))
            {
                continue;
            }
            // "put" gives a figure only as "put the toll at": "Israel has put
            // Gaza under siege" says nothing.
            if matches!(word, "put" | "puts") {
                let rest = &sentence[at + word.len()..];
                let clause = &rest[..rest.find([',', ';', '.']).unwrap_or(rest.len())];
                if !clause.contains(" at ") {
                    continue;
                }
            }
            // "All told, 251 were taken": a sum, not a speaker.
            if word == "told"
                && sentence[at + word.len()..].starts_with(',')
                && sentence[..at].trim_end().ends_with("All")
            {
                continue;
            }
            // "Thousands said to be missing", "it is believed to have": passive, no speaker;
            // so is "68,000 have been confirmed killed".
            if matches!(word, "said" | "believed" | "estimated" | "reported" | "claimed")
                && sentence[at + word.len()..].starts_with(" to ")
                || sentence[..at].ends_with(" been ")
                || sentence[..at].ends_with(" be ")
            {
                continue;
            }
            // "Israel has not confirmed the numbers, which would mean 60
            // …": who denies a figure is not its source; it speaks for
            // the figures after its clause only ("The ministry has not said
            // so; its count is 41,909").
            let denies = ["not ", "n't ", "never "].iter().any(|w| sentence[..at].ends_with(w));
            let who = subject_before(sentence, at);
            // "The Palestinian Red Crescent said its volunteers counted 18
            // dead": the subject of "counted" is what follows "said", whose
            // own subject speaks.
            let who = match VERB.find_iter(who).last() {
                Some(m) => who[m.end()..].trim_start(),
                None => who,
            };
            let mut clause = sentence[clause_start(&sentence[..at])..at].trim_start();
            // "… that 24 hostages were alive after the president had said
            // the number was 21": a subordinate clause inside a
            // long one has a speaker of its own.
            let mut who = who;
            if who.is_empty()
                && let Some((k, w)) = SUBORDINATORS
                    .iter()
                    .filter_map(|w| clause.rmatch_indices(w).find(|&(k, _)| k > 0 && clause.as_bytes()[k - 1] == b' '))
                    .max_by_key(|&(k, _)| k)
            {
                let rest = clause[k + w.len()..].trim();
                // "after President Donald Trump had said": not the auxiliary.
                let rest = TIME_AFTER_SUBJECT.find(rest).map_or(rest, |m| &rest[..m.start()]);
                if (1..=6).contains(&rest.split_whitespace().count()) {
                    (who, clause) = (rest, &clause[k..]);
                }
            }
            // So is a coordinate one that says a statement of its own: "…
            // have fled their homes, and U.N. officials say some areas are
            // suffering famine" (not "…, and the ministry said on Tuesday").
            let subordinate = SUBORDINATORS.iter().any(|w| clause.starts_with(w))
                || (clause.starts_with("and ") || clause.starts_with("but "))
                    && states_its_own(&sentence[at + word.len()..]);
            let until = match subordinate {
                true => [", and ", ", but ", "; "]
                    .iter()
                    .filter_map(|w| sentence[at..].find(w))
                    .min()
                    .map_or(usize::MAX, |end| at + end),
                false => usize::MAX,
            };
            let speaker = |source| match denies {
                true => {
                    let after = sentence[at..].find(';').map_or(sentence.len(), |end| at + end);
                    Speaker { at: after, source, subordinate: true, until: usize::MAX }
                }
                false => Speaker { at, source, subordinate, until },
            };
            // "…, which Tel Aviv says killed nearly 1,200": a seat of
            // government speaking, as the subject of its verb only.
            let seat = who.strip_prefix("which ").unwrap_or(who);
            if let Some(a) = authorities.speaking_as(seat) {
                spoken.push(speaker(Attribution::of(a, seat)));
                continue;
            }
            // "the Commissioner-General of UNRWA, who said": the speaker is
            // the clause before, when it names an authority.
            if let Some(antecedent) = relative_antecedent(sentence, who, at) {
                if let Some(a) = resolve(antecedent, sentence, authorities, earlier).filter(|a| a.id.is_some()) {
                    spoken.push(speaker(a));
                }
                continue;
            }
            // Prefer a known authority; a bare name ("Blinken said") still
            // counts, and so does a publication ("your report gave").
            let Some(mut a) = resolve(who, sentence, authorities, earlier) else { continue };
            // What figures "show" is an authority's only: "Images show 20 bodies" is no one's.
            if shows && a.id.is_none() {
                continue;
            }
            if a.id.is_none()
                && let Some(post) = post_speaker(&a.text)
            {
                (a.name, a.text) = (post.to_string(), post.to_string());
                spoken.push(speaker(a));
            } else if a.id.is_some()
                || a.text.chars().next().is_some_and(char::is_uppercase)
                || is_publication(&a.text)
                || holds_office_of_a_name(&a.text)
            {
                spoken.push(speaker(a));
            }
        }
        // A headline's "Gaza toll nears 9,100, says health ministry": the
        // speaker after its verb, at the end or between commas, when it is an authority.
        if spoken.is_empty()
            && said_after_comma(sentence)
            && let Some(c) = SAID_AFTER.captures(sentence).or_else(|| {
                (sentence.contains(", said ") || sentence.contains(", says "))
                    .then(|| SAID_BETWEEN.captures(sentence))?
            })
            && let Some(a) = resolve(&c["who"], sentence, authorities, earlier).filter(|a| a.id.is_some())
        {
            return Sources::All(Some(a));
        }
        // "after a statement by the president that only 21 captives are
        // alive": the statement's author speaks for what it says.
        if finder!(b" by ").find(sentence.as_bytes()).is_some() {
            for c in STATEMENT_BY.captures_iter(sentence) {
                if let Some(a) = resolve(&c["who"], sentence, authorities, earlier)
                    && (a.id.is_some() || a.text.starts_with(char::is_uppercase))
                {
                    let at = c.get(0).map_or(0, |m| m.end());
                    spoken.push(Speaker { at, source: a, subordinate: true, until: usize::MAX });
                }
            }
        }
        if !spoken.is_empty() {
            // "X said 5, but the ministry's figure was 6": an owner named
            // after a speaker speaks for the figures after it.
            let owners = sentence.contains(['\'', '’']).then(|| OWNED.find_iter(sentence)).into_iter().flatten();
            spoken.extend(owners.filter_map(|m| {
                let owner = owner_before(sentence, m.start());
                // "Jerusalem's official figure": a seat of government owns its count too.
                let seat = [1, 2].iter().find_map(|&n| {
                    let from = owner.match_indices(' ').rev().nth(n - 1).map_or(0, |(i, _)| i + 1);
                    authorities.speaking_as(&owner[from..]).map(|a| Attribution::of(a, &owner[from..]))
                });
                let a = match seat {
                    Some(a) => a,
                    None => resolve(owner, sentence, authorities, earlier)?,
                };
                a.id.is_some().then_some(Speaker { at: m.start(), source: a, subordinate: false, until: usize::MAX })
            }));
            spoken.sort_by_key(|s| s.at);
            return Sources::Spoken(spoken);
        }
        if (finder!(b"per ").find(sentence.as_bytes()).is_some()
            || finder!(b"Per ").find(sentence.as_bytes()).is_some())
            && let Some(c) = PER.captures(sentence)
            && let Some(a) = resolve(&c["who"], sentence, authorities, earlier)
        {
            return Sources::All(Some(a));
        }
        if COUNT_NOUNS.find(sentence).is_some()
            && let Some(a) = BY_COUNT
                .captures(sentence)
                .and_then(|c| resolve(counted_by(&c["who"])?, sentence, authorities, earlier))
            && (a.id.is_some() || a.text.chars().next().is_some_and(char::is_uppercase))
        {
            return Sources::All(Some(a));
        }
        // A headline's speaker before a colon: "UN: 1.7 million Gazans displaced",
        // past an alert's slug ("ALERT: Israel: 128 hostages remain").
        // A slug is a word or two: looked for in the sentence's first bytes only.
        let slug_end = sentence.as_bytes().iter().take(16).position(|&b| b == b':');
        let slugged = slug_end
            .filter(|&i| sentence.as_bytes().get(i + 1) == Some(&b' ') && is_wire_slug(sentence[..i].trim()))
            .map(|i| &sentence[i + 2..]);
        let headline = slugged.unwrap_or(sentence);
        if let Some(colon) = headline.find(": ") {
            let who = headline[..colon].trim();
            if who.split_whitespace().count() <= 4
                && let Some(a) = resolve(who, sentence, authorities, earlier)
                && credits_headline(&a, who)
            {
                return Sources::All(Some(a));
            }
        }
        // … or after its last colon: "1.5 million people in Gaza internally displaced: UN".
        if let Some(colon) = headline.rfind(": ") {
            let who = headline[colon + 2..].trim_end_matches(['.', ' ']);
            if is_short_name(who)
                && let Some(a) = resolve(who, sentence, authorities, earlier)
                && credits_headline(&a, who)
            {
                return Sources::All(Some(a));
            }
        }
        if let Some(who) = wire_source(sentence)
            && let Some(a) = resolve(who, sentence, authorities, earlier)
            && (a.id.is_some() || who.starts_with(char::is_uppercase))
        {
            return Sources::All(Some(a));
        }
        // "Hostages: 133 still held (Israel)", "Displaced: ~1.7M (UNRWA)": a
        // known authority alone in brackets, a date or note after a comma.
        if let Some(a) = memchr::memchr_iter(b'(', sentence.as_bytes()).find_map(|open| {
            let inner = &sentence[open + 1..];
            let inner = &inner[..inner.find(')')?];
            // "an Israel Defense Forces (IDF) airstrike": a name's abbreviation, no credit.
            if names_an_action(&sentence[open + 1 + inner.len() + 1..])
                || inner.bytes().all(|b| b.is_ascii_uppercase())
                    && authorities.find_in(&sentence[..open]).is_some_and(|before| {
                        authorities.find_in(inner).is_some_and(|abbreviation| abbreviation.id == before.id)
                    })
            {
                return None;
            }
            let who = inner.split(',').next().unwrap_or(inner).trim();
            if who.split_whitespace().count() > 5 {
                return None;
            }
            // "(Israeli figure)", "(ministry figures)": whose figure it is.
            let who = [" figures", " figure", " count", " estimate", " data", " tally"]
                .iter()
                .find_map(|w| who.strip_suffix(w))
                .map_or(who, |owner| if owner == "Israeli" { "Israel" } else { owner });
            resolve(who, sentence, authorities, earlier).filter(|a| a.id.is_some())
        }) {
            return Sources::All(Some(a));
        }
        // "The ministry's latest figure is 25,295": an owner that is an authority.
        // The owner is the noun phrase before the "'s": "Israel disputes
        // the health ministry's figure" is the ministry's.
        // "The ministry's latest update … put the total at 50,021 deaths …,
        // following the Hamas attack that killed 1,200": not the ministry's 1,200.
        if sentence.contains(['\'', '’'])
            && let Some((a, end)) = OWNED
                .find_iter(sentence)
                .filter_map(|m| {
                    let a = resolve(owner_before(sentence, m.start()), sentence, authorities, earlier)?;
                    Some((a, m.end()))
                })
                .find(|(a, _)| a.id.is_some())
        {
            return match ANOTHER_EVENT.find_at(sentence, end) {
                Some(m) => Sources::Until(a, m.start()),
                None => Sources::All(Some(a)),
            };
        }
        // An authority named anywhere ("the Hamas-run health ministry's figures");
        // one-word names such as "Israel" are too common to count here, and a
        // name that qualifies an action names who acts, not who counts
        // ("killed in an Israeli military offensive"), and so does one after
        // a preposition ("to discuss with top Israeli officials").
        Sources::All(
            authorities
                .find_multiword_in_where(sentence, |before, after| {
                    !names_an_action(after) && !acts(after) && (!object_of(before) || speaks(after))
                })
                .map(|a| Attribution::of(a, a.name.clone())),
        )
    }

    /// The speaker named after byte `at`, where a quotation closes: "…,”
    /// said X" (not a speaker in a clause of its own, "…,” where X said").
    fn named_after(&self, at: usize) -> Option<Attribution> {
        match self {
            Sources::All(a) => a.clone(),
            Sources::Until(a, end) => (at < *end).then(|| a.clone()),
            Sources::Spoken(v) => v.iter().find(|s| s.at > at && !s.subordinate).map(|s| s.source.clone()),
        }
    }

    /// The source of the figure at `figure`: "X, a spokesman said, and
    /// Blinken announced Y" makes Y Blinken's. The speaker nearest before
    /// the figure, else the first after it (the first, without a figure).
    pub fn for_figure(&self, figure: Option<usize>) -> Option<Attribution> {
        match self {
            Sources::All(a) => a.clone(),
            Sources::Until(a, end) => figure.is_none_or(|f| f < *end).then(|| a.clone()),
            Sources::Spoken(v) => {
                let Some(f) = figure else { return v.first().map(|s| s.source.clone()) };
                let before = v.iter().rev().find(|s| s.at < f && f < s.until);
                before.or_else(|| v.iter().find(|s| !s.subordinate)).map(|s| s.source.clone())
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::RulePack;

    /// The cheap looks before `ACCORDING` and `SAID_AFTER` pass every
    /// sentence the regexes could match.
    #[test]
    fn looks_before_the_regexes_miss_nothing() {
        use regex_syntax::hir::{Class, HirKind};
        // Case-insensitive, each letter of "according" is its ASCII pair only.
        for c in "according".chars() {
            let hir = regex_syntax::parse(&format!("(?i){c}")).unwrap();
            let HirKind::Class(Class::Unicode(class)) = hir.kind() else { panic!("{c}: {hir:?}") };
            assert!(class.ranges().iter().all(|r| r.end().is_ascii()), "{c}: {class:?}");
        }
        for s in ["ACCORDING TO the ministry, 5 died", "AcCoRdInG to Israel", "according\u{a0}to them"] {
            assert!(may_say_according(s) && ACCORDING.is_match(s), "{s}");
        }
        assert!(!may_say_according("accord reached; 5 died") && !ACCORDING.is_match("accord reached; 5 died"));
        for s in ["5 were killed,\u{a0}said the ministry", "5 were killed, Says UN", "5 died,\n said Gaza's ministry"] {
            assert!(said_after_comma(s) && SAID_AFTER.is_match(s), "{s}");
        }
        assert!(!said_after_comma("the ministry said 5 died, and more"));
    }

    #[test]
    fn wire_forms_of_a_ministry_as_source() {
        let id = |s: &str| who(s).and_then(|a| a.0);
        let moh = Some("gaza-moh".to_string());
        // A long subject: an institution and where it is.
        assert_eq!(
            id(
                "The Health Ministry in the besieged enclave in the Gaza Strip said on Monday that 48,208 Palestinians had been killed."
            ),
            moh
        );
        // An office before a name, and a statement, speak for the ministry.
        assert_eq!(id("In Gaza, 17,881 children have been killed, ministry spokesman Khalil al-Daqran said."), moh);
        assert_eq!(id("In Gaza, 3,648 children have been killed, a health ministry statement said."), moh);
        assert_eq!(id("Some 68,527 people have been killed in Gaza, the Gaza health ministry emphasized."), moh);
        assert_eq!(id("On Saturday the Gaza-based Ministry of Health declared that the toll had reached 67,000."), moh);
        // An office of the ministry's, before or after a name.
        assert_eq!(id("In Gaza, 3,826 children have been killed, the health ministry's spokesman said."), moh);
        assert_eq!(
            id(
                "\"Among the dead are 3,826 children,\" Ashraf al-Qudra, the health ministry's spokesman, said in Gaza City."
            ),
            moh
        );
        // "All told" sums up; no one told anything.
        assert_eq!(who("All told, 251 people were abducted in the October 7 attack."), None);
        // Time words before the subject, with no comma after them.
        assert_eq!(id("Earlier in the day the health ministry in Gaza said 3,400 had been killed."), moh);
        assert_eq!(id("Later that day the health ministry in Gaza put the toll at 3,500."), moh);
        assert_eq!(id("Earlier on Sunday the health ministry in Gaza said 3,300 had been killed."), moh);
        // "local health authorities" are the place's: the sentence says which.
        assert_eq!(
            id("More than 37,300 Palestinians have been killed in Gaza, according to local health authorities."),
            moh
        );
        assert_eq!(
            id("Israel's offensive in Gaza has injured 92,401 people, according to the local health authority."),
            moh
        );
        assert_eq!(id("In the West Bank, 600 were killed, according to the Palestinian Authority."), None);
        assert_eq!(id("The toll has passed 59,000, the Gaza-based health authorities said on Monday."), moh);
        assert_eq!(
            id(
                "More than 35,170 people have died in Gaza, according to the health ministry operated by Hamas in the region."
            ),
            moh
        );
        // The source relayed, up to the words about the figure that follow it.
        assert_eq!(
            id(
                "At least 13,000 civilians have been killed in the Gaza strip since Oct. 7, the United Nations said citing the local Ministry of Health with at least 4,000 children among them as the Secretary-General spoke."
            ),
            moh
        );
        // A document seen by an agency carried the figure; the speaker gave it.
        assert_eq!(
            who(
                "The US intelligence community has estimated that likely 100 to 300 people were killed in the blast, according to excerpts of a document seen Thursday by AFP -- far below the nearly 500 deaths first claimed."
            ),
            Some((None, "US intelligence community".to_string()))
        );
        // A relative clause's speaker: "129 of whom Israel says".
        assert_eq!(
            who("Hamas abducted around 250 people, 129 of whom Israel says remain in Gaza."),
            Some((Some("israel".to_string()), "Israel".to_string()))
        );
        // The speaker after its verb, at the end.
        assert_eq!(id("Gaza death toll nears 9,100, says health ministry"), moh);
        assert_eq!(id("Gaza death toll nears 9,100, says Blinken"), None);
        assert_eq!(
            id(
                "At least 41,391 Palestinians have been killed in Gaza, according to data provided by the health ministry."
            ),
            moh
        );
        // A forum's long name, said in full.
        assert_eq!(
            id(
                "On Tuesday the Forum of Families of Hostages and Missing Persons in Israel said 30 of the 130 hostages in Gaza are dead."
            ),
            Some("hostages-families-forum".into())
        );
        // A report by an authority is the authority's.
        assert_eq!(
            id("According to an earlier report by the Gaza health ministry, 96,800 were wounded in the enclave."),
            moh
        );
        // A report "released by" an authority is the authority's; one "released on Monday" is nobody's.
        assert_eq!(
            id(
                "The death toll has surpassed 70,000, according to the latest report released by the Gaza Health Ministry."
            ),
            moh
        );
        assert_eq!(
            id("The death toll in Gaza has surpassed 70,000, according to data published by the health ministry."),
            moh
        );
        assert_eq!(id("The toll has surpassed 70,000, according to figures released on Monday."), None);
        // An event the sentence goes on to describe is not the source's.
        let s = "More than 46,000 Palestinians have been killed in Gaza, according to the Palestinian Ministry of Health, since Israel launched its campaign in response to the attack on 7 October 2023, in which about 1,200 Israelis were killed and more than 250 taken hostage.";
        let pack = RulePack::default_pack();
        let at = |f: &str| attribution_of(s, &pack.authorities, None, s.find(f)).and_then(|a| a.id);
        assert_eq!(at("46,000"), moh);
        assert_eq!(at("1,200"), None);
        assert_eq!(at("250"), None);
        // "a statement by the Civil Defence" speaks for it.
        assert_eq!(
            id("In Gaza, over 10,000 people are missing, a statement by the Civil Defence said."),
            Some("gaza-civil-defence".into())
        );
        // A headline's source after its last colon.
        assert_eq!(id("1.5 million people in Gaza internally displaced: UNRWA"), Some("unrwa".into()));
        assert_eq!(who("Gaza in brief: Displaced"), None);
        // A name after a preposition is who is met, unless it speaks.
        assert_eq!(
            who(
                "Blinken, on his 11th trip to the region, is expected to discuss the war in Gaza with top Israeli officials."
            ),
            None
        );
        assert_eq!(
            id(
                "Gazans marked Ramadan amid hunger, with the territory's health ministry saying 31,112 had been killed."
            ),
            moh
        );
        // A clause with a verb of its own is no subject of a participle.
        assert_eq!(
            who(
                "The new funds bring the total U.S. humanitarian assistance announced for Palestinians to over $600 million."
            ),
            None
        );
        // A name qualifying an action names who acts, not who counts.
        assert_eq!(
            who("At least 48,000 Palestinians have been killed in Gaza during the Israeli military offensive."),
            None
        );
        assert_eq!(
            id("At least 48,000 Palestinians have been killed in Gaza, the Israeli military said."),
            Some("israel".into())
        );
    }

    fn who(s: &str) -> Option<(Option<String>, String)> {
        let pack = RulePack::default_pack();
        attribution_of(s, &pack.authorities, None, None).map(|a| (a.id, a.text))
    }

    #[test]
    fn an_according_to_joined_after_a_figure_speaks_for_what_follows() {
        let pack = RulePack::default_pack();
        let at = |s: &str, figure: &str| {
            let a = attribution_of(s, &pack.authorities, None, Some(s.find(figure).unwrap()))?;
            Some(a.text)
        };
        let s = "Hamas holds at least 120 people in Gaza, and according to Israeli intelligence agencies 33 of them are dead.";
        assert_eq!(at(s, "120"), None);
        // The name stops before the figure that follows it.
        assert_eq!(at(s, "33"), Some("Israeli intelligence agencies".to_string()));
        let s = "Israel's offensive has killed 27,000, the Gaza health ministry said, and according to the United Nations 1.7 million are displaced.";
        assert_eq!(at(s, "27,000"), Some("Gaza health ministry".to_string()));
        assert_eq!(at(s, "1.7 million"), Some("United Nations".to_string()));
        // Not joined after a figure: the source of the whole sentence.
        let s = "Aid groups warn, and according to the United Nations 1.7 million people are displaced in Gaza.";
        assert_eq!(at(s, "1.7 million"), Some("United Nations".to_string()));
    }

    #[test]
    fn things_and_passives_name_no_speaker() {
        // A thing named before is no source by its name.
        assert_eq!(who("According to this assessment, 66 of the 116 hostages that remain in Gaza are dead."), None);
        // "put" without "at" gives no figure; with it, it does.
        assert_eq!(who("Israel has put Gaza under siege, cutting off the enclave of 2.3 million people."), None);
        assert_eq!(
            who("The Gaza health ministry put the toll at 8,000 on Sunday.").and_then(|a| a.0),
            Some("gaza-moh".to_string())
        );
        // A seat of government speaks for its government, as a speaker only.
        assert_eq!(
            who("Hamas attacked Israel on October 7, which Tel Aviv says killed nearly 1,200 people.")
                .and_then(|a| a.0),
            Some("israel".to_string())
        );
        assert_eq!(who("Tel Aviv: Blinken arrived in Israel on his 11th visit to the region."), None);
        // A second verb's subject after the first verb of saying: the first speaks.
        assert_eq!(
            who("The Palestinian Red Crescent said its teams counted 12 dead and 20 wounded at the site."),
            Some((None, "Palestinian Red Crescent".into()))
        );
        // "Current reports indicate": a noun, not a speaker.
        assert_eq!(who("Current reports indicate that more than 14,000 children have been killed in Gaza."), None);
        // "We used to estimate": a pronoun, whatever the verb's tense.
        assert_eq!(who("We used to estimate the displaced at 1.6 million people."), None);
        // A denial names no one who spoke: the quote's speaker is after it.
        assert_eq!(who("Nobody in the war cabinet has told us whether the 230 hostages in Gaza are at risk."), None);
        assert_eq!(
            who("“No one has told us whether the 230 hostages in Gaza are at risk,” the Hostages Families Forum said."),
            Some((Some("hostages-families-forum".into()), "Hostages Families Forum".into()))
        );
        // "said to be" is passive: nobody speaks.
        assert_eq!(who("Thousands said to be missing in Gaza"), None);
        assert_eq!(who("Around 8,000 people are estimated to be missing in Gaza"), None);
    }

    #[test]
    fn clauses_that_open_a_statement_of_their_own() {
        for clause in [
            " in Israel, some 1,400 were killed",
            " in the West Bank, 500 have been killed",
            " on the Israeli side, 1,200 died",
            " Meanwhile, 3,400 have been killed",
            " for its part, the army says",
            " nearly 30 times the 1,200 people killed in Israel",
            "  inside Gaza City , 20 died",
        ] {
            assert!(opens_new_topic(clause), "{clause:?}");
        }
        for clause in [
            " 12,000 have been wounded",
            " in March, 2,000 died",
            " in total, 12,000 were wounded",
            " in Gaza 3,400 have been killed",
            " the ministry in Gaza, which counts them",
        ] {
            assert!(!opens_new_topic(clause), "{clause:?}");
        }
    }

    /// A transcript's labelled turn speaks for its speaker; a question's,
    /// a verdict's or a bulletin's label is no speaker.
    #[test]
    fn sentences_that_go_on_from_the_one_before() {
        for s in [
            "Another 26,905 have reportedly been injured.",
            "Of the dead, 4,506 were children.",
            "• Among them were 12 women.",
        ] {
            assert!(goes_on_from_before(s), "{s}");
        }
        for s in ["Anotherwise 3 died.", "The ministry said 26,905 were injured.", "Of course 5 left."] {
            assert!(!goes_on_from_before(s), "{s}");
        }
    }

    #[test]
    fn a_transcript_s_turn_is_its_speaker_s() {
        let a = Authorities::default();
        let speaker = |s: &str| turn_speaker(s, &a).map(|a| a.name);
        assert_eq!(speaker("SECRETARY BLINKEN: Well, thank you."), Some("SECRETARY BLINKEN".into()));
        assert_eq!(speaker("MR MILLER: Good afternoon."), Some("MR MILLER".into()));
        for s in [
            "QUESTION: Mr. Secretary, this is your fifth trip.",
            "VERDICT: Misleading.",
            "BREAKING: Toll passes 30,000",
        ] {
            assert_eq!(speaker(s), None, "{s}");
        }
        assert_eq!(speaker("Secretary Blinken: a profile"), None);
    }

    #[test]
    fn forms_of_attribution() {
        // "as stated by", "as reported by": a known authority or a proper name; not "local media".
        assert_eq!(
            who("The number of wounded has reached 41,316, as reported by the Gaza health ministry."),
            Some((Some("gaza-moh".into()), "Gaza health ministry".into()))
        );
        assert_eq!(
            who("The toll has reached 15,523, as stated by Al-Qedra in a briefing."),
            Some((None, "Al-Qedra".into()))
        );
        assert_eq!(who("More than 3,000 people are missing, as reported by local media."), None);
        assert_eq!(who("According to current estimates, 60 hostages are held by Hamas."), None);
        assert_eq!(who("According to reports, 60 captives are still in Gaza."), None);
        // "the latest figures from X", "numbers from X": X's.
        assert_eq!(
            who(
                "According to the latest figures from the Palestinian Ministry of Health, 38,000 people in Gaza have died."
            ),
            Some((Some("gaza-moh".into()), "Palestinian Ministry of Health".into()))
        );
        // A relative clause speaks for the authority its antecedent names;
        // an appositive may describe a name in lower case.
        let unrwa = Some(Some("unrwa".to_string()));
        let cases = [
            "The order quotes the Commissioner-General of UNRWA, who said 1.7 million people were displaced.",
            "The court cited UNRWA, which said 1.7 million people were displaced.",
            "Philippe Lazzarini, the head of UNRWA, said 1.7 million people were displaced.",
            "Juliette Touma, UNRWA spokeswoman, said 1.7 million people were displaced.",
        ];
        for s in cases {
            assert_eq!(who(s).map(|a| a.0), unrwa, "{s}");
        }
        assert_eq!(who("He met the families of the hostages, who said 130 remain in Gaza."), None);
        assert_eq!(
            who("More than 42,600 Palestinians have been killed in Gaza, according to the health ministry there.")
                .map(|a| a.0),
            Some(Some("gaza-moh".into()))
        );
        // An opener capitalised at the sentence's start is no part of the subject.
        assert_eq!(who("When a ministry says 37,900 people have died, we should ask who they were."), None);
        assert_eq!(
            who("When the Gaza health ministry says 37,900 have died, we listen.").map(|a| a.0),
            Some(Some("gaza-moh".into()))
        );
        // An office of a named country speaks; a plain lower-case subject does not.
        assert_eq!(
            who("The representative of Algeria said that more than 30,000 had been killed."),
            Some((None, "representative of Algeria".into()))
        );
        assert_eq!(
            who("The permanent representative of the United States said $180 million had been given."),
            Some((None, "permanent representative of the United States".into()))
        );
        assert_eq!(
            who("The head of Algeria's delegation said 30,000."),
            Some((None, "head of Algeria's delegation".into()))
        );
        assert_eq!(who("In Rafah, residents of the city said 30,000 were there."), None);
        assert_eq!(
            who(
                "Israel has killed 19,667 people in Gaza, according to the enclave’s Hamas-run health ministry, which does not differentiate."
            ),
            Some((Some("gaza-moh".into()), "enclave’s Hamas-run health ministry".into()))
        );
        assert_eq!(
            who("According to Gaza’s Ministry of Health, 31,988 Palestinians have been killed."),
            Some((Some("gaza-moh".into()), "Gaza’s Ministry of Health".into()))
        );
        assert_eq!(
            who("Israel says that 1,200 soldiers and civilians were killed."),
            Some((Some("israel".into()), "Israel".into()))
        );
        assert_eq!(
            who("The Ministry of Public Health reported 18 fatalities."),
            Some((Some("lebanon-moph".into()), "Ministry of Public Health".into()))
        );
        // "The ministry, which does not distinguish …, said": the subject is before the aside.
        assert_eq!(
            who(
                "The Gaza health ministry, which does not distinguish between civilians and combatants, said 35,173 had been killed."
            ),
            Some((Some("gaza-moh".into()), "Gaza health ministry".into()))
        );
        // The source quoted, not the one quoting it.
        assert_eq!(
            who("OCHA cited the Gaza health ministry as saying 35,000 had been killed."),
            Some((Some("gaza-moh".into()), "Gaza health ministry".into()))
        );
        assert_eq!(
            who("Reuters quoted a hospital director as saying 20 people were killed."),
            Some((None, "hospital director".into()))
        );
        assert_eq!(
            who("The toll is 30,000, per the Gaza health ministry."),
            Some((Some("gaza-moh".into()), "Gaza health ministry".into()))
        );
        assert_eq!(
            who("The Hamas-run health ministry's count rose to 30,000."),
            Some((Some("gaza-moh".into()), "Hamas-run health ministry".into()))
        );
        assert_eq!(
            who("The United States on Thursday announced an additional $53 million."),
            Some((None, "United States".into()))
        );
        assert_eq!(
            who("The war killed 1,139 people, according to an AFP tally based on Israeli official figures."),
            Some((None, "AFP tally".into()))
        );
        assert_eq!(
            who("The toll has surpassed 35,000, the territory's health ministry said on Wednesday."),
            Some((Some("gaza-moh".into()), "territory's health ministry".into()))
        );
        // A line break inside "according to", an abbreviation in brackets.
        assert_eq!(
            who("Israel's offensive has killed 39,700 people, according\nto the Hamas-run health ministry, and more."),
            Some((Some("gaza-moh".into()), "Hamas-run health ministry".into()))
        );
        assert_eq!(
            who(
                "According to the Ministry of Health (MoH) in Gaza, between 7 October and 12 March, 31,184 were killed."
            ),
            Some((Some("gaza-moh".into()), "Ministry of Health in Gaza".into()))
        );
        assert_eq!(who("It would help 1,000,000 people, the White\nHouse said."), Some((None, "White House".into())));
        // A wire dateline is not part of the subject; a dash in a name stays.
        assert_eq!(
            who("WASHINGTON - The United States has announced an additional $50 million."),
            Some((None, "United States".into()))
        );
        assert_eq!(
            who("GAZA CITY (Reuters) — Gaza's health ministry said 30,000 people had been killed."),
            Some((Some("gaza-moh".into()), "Gaza's health ministry".into()))
        );
        assert_eq!(dateline_end("Secretary of State - Antony Blinken"), None);
        assert_eq!(
            who("Amman, Jordan - Secretary of State Antony Blinken on Monday announced $300 million in further aid."),
            Some((None, "Secretary of State Antony Blinken".into()))
        );
        assert_eq!(dateline_end("Blinken, the secretary - who"), None);
        // What leads a subject is no part of its name: a statement, a visit,
        // a dateline that ends in a date.
        for (sentence, id, name) in [
            (
                "In a statement on Thursday the Ministry of Health said 34,305 people had been killed in Gaza.",
                Some("gaza-moh"),
                "Ministry of Health",
            ),
            ("On this visit Blinken announced $135 million in new humanitarian assistance.", None, "Blinken"),
            (
                "GAZA, Nov 21 (Reuters) - The enclave's health ministry said on Thursday that 44,000 had been killed.",
                Some("gaza-moh"),
                "enclave's health ministry",
            ),
        ] {
            assert_eq!(who(sentence), Some((id.map(String::from), name.to_string())), "{sentence}");
        }
        assert_eq!(dateline_end("Jordan - Secretary of State Antony Blinken"), Some("Jordan - ".len()));
        // A count that is a source's.
        assert_eq!(
            who("Some 1,200 people were killed in the attack, by the Israeli count."),
            Some((Some("israel".into()), "Israeli count".into()))
        );
        assert_eq!(who("About 1,139 people were killed, by an AFP tally."), Some((None, "AFP tally".into())));
        assert_eq!(who("By the same count, 250 were taken."), None);
        // "By <a time> the …'s count": a time before the subject, whose count it is.
        assert_eq!(who("By Christmas the ministry's count had passed 20,000."), None);
        assert_eq!(who("By mid-January the count of the dead had topped 24,000."), None);
        assert_eq!(
            who("By Israel's tally, about 1,200 people were killed."),
            Some((Some("israel".into()), "Israel".into()))
        );
        // A clause's opening word is not part of its subject.
        assert_eq!(
            who("We begin in Gaza, where the Gaza health ministry now says 25,000 people have been killed."),
            Some((Some("gaza-moh".into()), "Gaza health ministry".into()))
        );
        // An owner that is an authority; one that is not names no source.
        assert_eq!(
            who("Gaza's health ministry's latest figure is 25,295 dead."),
            Some((Some("gaza-moh".into()), "Gaza's health ministry".into()))
        );
        assert_eq!(who("The army's latest figure is 12,000."), None);
        assert_eq!(
            who("Your report gave the toll in Gaza as 31,045; the\nhealth ministry's figure for that day was 31,045."),
            Some((Some("gaza-moh".into()), "health ministry".into()))
        );
        // The owner is the noun phrase before the "'s", not the clause's subject.
        assert_eq!(
            who("Israel disputes the Gaza health ministry's figure of 35,000 dead."),
            Some((Some("gaza-moh".into()), "Gaza health ministry".into()))
        );
        // A headline's speaker before a colon, if a known one; a label is none.
        assert_eq!(who("UN: 1.7 million Gazans displaced"), Some((None, "UN".into())));
        assert_eq!(who("UNRWA: 1.7 million displaced"), Some((Some("unrwa".into()), "UNRWA".into())));
        assert_eq!(who("Killed: 36,439"), None);
        assert_eq!(who("An estimated 1.7 million people are displaced."), None);
        // Past an alert's slug; a wire headline's source after its hyphen.
        assert_eq!(who("ALERT: Israel: 128 hostages remain"), Some((Some("israel".into()), "Israel".into())));
        assert_eq!(
            who("UPDATE 2-Gaza death toll passes 35,000 -State Dept"),
            Some((Some("us-state-department".into()), "State Dept".into()))
        );
        assert_eq!(who("Gaza death toll passes 35,000 -sources"), None);
        assert_eq!(who("Sirens sound in Tel-Aviv as 3 rockets land -"), None);
        // A script in capitals is read in lower case and shown as written.
        assert_eq!(
            who("ISRAEL SAYS ABOUT 130 HOSTAGES ARE STILL BEING HELD IN GAZA."),
            Some((Some("israel".into()), "ISRAEL".into()))
        );
        assert_eq!(who("UN: 1.7 MILLION DISPLACED"), Some((None, "UN".into())));
        assert_eq!(who("“We hope,” he said."), None);
        assert_eq!(who("Israel launched strikes on Gaza."), None);
    }

    fn at(s: &str, figure: &str) -> Option<(Option<String>, String)> {
        let pack = RulePack::default_pack();
        attribution_of(s, &pack.authorities, None, s.find(figure)).map(|a| (a.id, a.text))
    }

    #[test]
    fn the_speaker_of_a_figure() {
        let s = "The United States has given $180 million since October, a White House spokesman said, and on Friday Secretary of State Antony Blinken announced an additional $53 million.";
        assert_eq!(at(s, "$180"), Some((None, "White House spokesman".into())));
        assert_eq!(at(s, "$53"), Some((None, "Secretary of State Antony Blinken".into())));
        // "its official estimated death toll": an adjective, not a reporting verb.
        let s = "Israel revised its official estimated death toll, lowering the number to about 1,200 people.";
        assert_eq!(at(s, "1,200"), Some((Some("israel".into()), "Israel".into())));
        let s = "In addition to the revised death toll, about 240 hostages are being held in Gaza.";
        assert_eq!(at(s, "240"), None);
        // "It says", after "an attack on Israel": a name after "on" is a target, not the speaker of "it".
        let text = "UN Women says women have been the main victims since the attack on Israel. It says 1.7 million are displaced.";
        let pos = text.find("It says").unwrap();
        let pack = RulePack::default_pack();
        let authorities = &pack.authorities;
        let mentions = OnceCell::new();
        let placed = RefCell::new(Vec::new());
        let earlier = Earlier {
            text,
            mentions: &mentions,
            placed: &placed,
            before: pos,
            paragraph: 0,
            previous: None,
            title: None,
            people: true,
        };
        assert!(resolve("It", &text[pos..], authorities, Some(earlier)).is_none());
        // An authority that acts is no source: "the Israeli military has intensified its campaign".
        let s = "The envoy's trip - her 9th to the region - comes as the Israeli military has widened its campaign in the north.";
        assert_eq!(at(s, "9th"), None);
        // A speaker in a subordinate clause speaks for its own figures only.
        let s = "Operations have deepened fears for its 2.4 million people, where the Hamas-controlled health ministry says more than 8,300 have been killed.";
        assert_eq!(at(s, "2.4"), None);
        assert_eq!(at(s, "8,300"), Some((Some("gaza-moh".into()), "Hamas-controlled health ministry".into())));
        // … and for none past its clause's end.
        let s = "The count has risen from 4,300 on Saturday, when Israel said it would widen its raids, and now includes 1,800 children, the Gaza health ministry said.";
        assert_eq!(at(s, "1,800").and_then(|a| a.0), Some("gaza-moh".into()));
        // An owner's figures end where another event's begin.
        let s = "The Gaza health ministry's latest update, released on Sunday, put the total at 50,021 deaths, following the Hamas attack that killed 1,200 Israelis.";
        assert_eq!(at(s, "50,021").map(|a| a.0), Some(Some("gaza-moh".into())));
        assert_eq!(at(s, "1,200"), None);
        let s = "The Gaza health ministry's latest update, released on Sunday, put the total at 50,021 deaths, after the Hamas attack that killed 1,200 Israelis.";
        assert_eq!(at(s, "50,021").map(|a| a.0), Some(Some("gaza-moh".into())));
        assert_eq!(at(s, "1,200"), None);
        let s = "The Gaza health ministry's latest update, released on Sunday, put the total at 50,021, after the ministry added 500 deaths.";
        assert_eq!(at(s, "500").map(|a| a.0), Some(Some("gaza-moh".into())));
        // A passive verb names no speaker.
        assert_eq!(at("Over 68,000 Palestinians have been confirmed killed since.", "68,000"), None);
        // Nor does a denial: the figures are someone else's.
        let s = "Israel has not confirmed the numbers, which would mean 60 of those still held could be dead.";
        assert_eq!(at(s, "60"), None);
        let s = "The ministry didn't say how many of the 1,200 were children, and Hamas never confirmed 300.";
        assert_eq!(at(s, "1,200"), None);
        // The figures after the denial's clause are the denier's own.
        let s = "Did 50,000 people really die? The Gaza health ministry has not said so; its count is 41,909.";
        assert_eq!(at(s, "41,909").and_then(|a| a.0), Some("gaza-moh".into()));
        // A speaker in a subordinate clause of a long one speaks for the figures after it.
        let s = "On Wednesday an Israeli official said that 24 hostages were alive after President Donald Trump had said the number was 21.";
        assert_eq!(at(s, "24").and_then(|a| a.0), Some("israel".into()));
        assert_eq!(at(s, "21").map(|a| a.1), Some("President Donald Trump".into()));
        // The author of a statement speaks for what it says; an owner named after it, for what follows.
        let s = "Families asked for answers after a statement by U.S. President Donald Trump that only 21 captives are alive, at odds with Jerusalem's official figure of 24.";
        assert_eq!(at(s, "21").map(|a| a.1), Some("U.S. President Donald Trump".into()));
        assert_eq!(at(s, "24").and_then(|a| a.0), Some("israel".into()));
        // A speaker who confirms still speaks.
        let s = "Israel has confirmed that 66 of those still held hostage are dead.";
        assert_eq!(at(s, "66").and_then(|a| a.0), Some("israel".into()));
        // So does one that coordinates a statement of its own.
        let s = "Around 80% of the 2.3 million people have fled their homes, and U.N. officials say some areas are suffering famine.";
        assert_eq!(at(s, "2.3"), None);
        let s = "More than 34,000 people have been killed, and the Gaza health ministry said on Tuesday.";
        assert_eq!(at(s, "34,000"), Some((Some("gaza-moh".into()), "Gaza health ministry".into())));
        let s = "The families' forum said on Tuesday that 31 of the 136 kidnapped are dead, after The New York Times stated that 32 were.";
        assert_eq!(at(s, "136"), None);
        assert_eq!(at(s, "32"), Some((None, "New York Times".into())));
        // The subject before an aside; an abbreviation's point; a live blog's time.
        assert_eq!(
            at("Blinken, on his seventh trip to the region, said Washington had provided $1 billion.", "$1"),
            Some((None, "Blinken".into()))
        );
        assert_eq!(at("Separately, the U.S. announced $404 million in aid.", "$404"), Some((None, "U.S.".into())));
        // A date before the subject is no part of it.
        for (s, source) in [
            ("On Feb. 10 the Gaza health ministry put the toll at 28,000.", "Gaza health ministry"),
            ("In February, the Gaza health ministry put the toll at 28,000.", "Gaza health ministry"),
            ("On 10 February 2024 the Gaza health ministry put the toll at 28,000.", "Gaza health ministry"),
            ("Since March 2024, UNRWA has counted 1.7 million displaced.", "UNRWA"),
            ("Two weeks ago the Gaza health ministry put the toll at 28,000.", "Gaza health ministry"),
            ("A year ago today the Gaza health ministry put the toll at 28,000.", "Gaza health ministry"),
            ("Last Sunday the Gaza health ministry put the toll at 28,000.", "Gaza health ministry"),
        ] {
            assert_eq!(at(s, "28,000").or_else(|| at(s, "1.7")).map(|(_, text)| text).as_deref(), Some(source), "{s}");
        }
        assert_eq!(
            at("Hostages still held: 128 (Israeli figure)", "128"),
            Some((Some("israel".into()), "Israel".into()))
        );
        assert_eq!(
            at("10:40 The Gaza health ministry says 30,534 Palestinians have been killed.", "30,534"),
            Some((Some("gaza-moh".into()), "Gaza health ministry".into()))
        );
        assert_eq!(
            at("09.15 BST  Yesterday the Gaza health ministry put the toll at 33,137.", "33,137"),
            Some((Some("gaza-moh".into()), "Gaza health ministry".into()))
        );
        assert_eq!(
            at("11:45 a.m. The U.N. says about 1.7 million people have fled their homes.", "1.7"),
            Some((None, "U.N.".into()))
        );
        assert_eq!(
            at("3:10 p.m. ET Aid groups say 1.7 million people have fled their homes.", "1.7"),
            Some((None, "Aid groups".into()))
        );
        // "health officials say": placed by the sentence's Gaza.
        assert_eq!(
            at("Israel's offensive has killed over 35,500 people in Gaza, health officials say.", "35,500"),
            Some((Some("gaza-moh".into()), "health officials".into()))
        );
        // A passive names no speaker: "it is estimated that", not the "it" of the army before.
        assert_eq!(at("As of 12 June, it is estimated that 120 hostages remain captive in Gaza.", "120"), None);
        assert_eq!(
            at("The Israeli military has estimated that 120 hostages remain captive in Gaza.", "120"),
            Some((Some("israel".into()), "Israeli military".into()))
        );
        // What an authority's figures show is the authority's; other pictures are no one's.
        assert_eq!(
            at("Ministry figures show 35,233 Palestinians have been killed in Gaza.", "35,233"),
            Some((Some("gaza-moh".into()), "Ministry".into()))
        );
        assert_eq!(at("Images show 20 bodies in the rubble.", "20"), None);
        // An appositive's office speaks for its authority.
        assert_eq!(
            at("A spokesman for the ministry, Ashraf al-Qudra, said 35,233 had been killed in Gaza.", "35,233")
                .map(|(id, _)| id),
            Some(Some("gaza-moh".into()))
        );
        // A source another relays is the figure's.
        assert_eq!(
            at(
                "The UN humanitarian office, citing the ministry, said 35,091 Palestinians had been killed in Gaza.",
                "35,091"
            )
            .map(|(id, _)| id),
            Some(Some("gaza-moh".into()))
        );
        // A speaker between commas after its verb; a day after the name is no part of it.
        assert_eq!(
            at("Among the dead in Gaza, said the health ministry in a statement, 9,000 are children.", "9,000"),
            Some((Some("gaza-moh".into()), "health ministry".into()))
        );
        assert_eq!(
            at("More than 29,500 people were wounded, according to the Gaza health ministry today.", "29,500"),
            Some((Some("gaza-moh".into()), "Gaza health ministry".into()))
        );
        // "Palestinian health authorities" are placed by their sentence, as
        // "local" ones are; "report that" is a verb.
        assert_eq!(
            at("The Palestinian health authorities report that over 41,000 people have been killed in Gaza.", "41,000"),
            Some((Some("gaza-moh".into()), "Palestinian health authorities".into()))
        );
        assert_eq!(
            at("The Palestinian Ministry of Health said 215 people had been killed in the West Bank.", "215"),
            Some((None, "Palestinian Ministry of Health".into()))
        );
        // "Gazans" place a description in Gaza.
        assert_eq!(
            at("An estimated 10,000 Gazans are unaccounted for, according to the civil defence.", "10,000"),
            Some((Some("gaza-civil-defence".into()), "civil defence".into()))
        );
        // A pronoun with its verb contracted is no one's name.
        assert_eq!(at("We've announced $100 million in humanitarian assistance.", "$100"), None);
        // What a fact check quotes is the post's, named up to its noun.
        assert_eq!(
            at("A post shared thousands of times on X claims that 100,000 have been killed in Gaza.", "100,000"),
            Some((None, "post".into()))
        );
        assert_eq!(at("A viral post says 50,000 were killed.", "50,000"), Some((None, "viral post".into())));
        assert_eq!(
            at("Israel believes about 120 hostages are still held in Gaza.", "120"),
            Some((Some("israel".into()), "Israel".into()))
        );
        // A source named by its kind: the place in the sentence says which.
        assert_eq!(
            at("Israel's offensive has killed 39,700 people in Gaza, according to the health ministry.", "39,700"),
            Some((Some("gaza-moh".into()), "health ministry".into()))
        );
        assert_eq!(at("The health ministry says 33,175 people have been killed.", "33,175"), None);
    }

    #[test]
    fn a_publication_speaks_for_its_own_figure() {
        let s = "Sir, your report of 10 March (page 4) gave the Gaza toll as 31,045; the health ministry's figure for that day was 31,045, but it had risen to 31,112.";
        assert_eq!(at(s, "31,045;"), Some((None, "your report of 10 March".into())));
        assert_eq!(at(s, "31,045,"), Some((Some("gaza-moh".into()), "health ministry".into())));
        assert_eq!(at(s, "31,112"), Some((Some("gaza-moh".into()), "health ministry".into())));
        // A speaker's figure, then an owner's.
        let s = "Blinken said 1,100 trucks had entered, but UNRWA's figure is 800.";
        assert_eq!(at(s, "1,100"), Some((None, "Blinken".into())));
        assert_eq!(at(s, "800"), Some((Some("unrwa".into()), "UNRWA".into())));
        // "The report" alone is left to whoever issued it.
        assert_eq!(at("The report said 1.7 million people were displaced.", "1.7"), None);
        assert!(is_publication("this newspaper") && is_publication("the paper") && is_publication("our correspondent"));
        assert!(!is_publication("the report") && !is_publication("the ministry"));
    }
}
