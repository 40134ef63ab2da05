//! Who a figure is attributed to: `according to X`, `X said/reported/
//! announced`, `per X`, or an authority's name anywhere in the sentence
//! (`the Hamas-run health ministry`), normalised through the aliases of
//! `rules/authorities.yaml`.

use std::cell::OnceCell;
use std::sync::LazyLock;

use regex::Regex;
use serde::Serialize;

use crate::rules::authorities::normalise;
use crate::rules::{Authorities, Authority};

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
    /// The key claims are grouped by: the authority id, else the name.
    pub fn key(&self) -> &str {
        self.id.as_deref().unwrap_or(&self.name)
    }
}

static ACCORDING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)according\s+to\s+(?:an?\s+|the\s+)?(?P<who>(?:[^,;:()“”\x22]|\([^()]*\))+?)(?:,|;|:|\.(?:\s|$)|$|\s+(?:which|who|that|as|on|in a|in an|based|citing|compiled|released|published)(?-u:\b))")
        .expect("according regex")
});
static VERB: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)(?:said|says|say|reported|reports|announced|announces|stated|states|estimated|estimates|claimed|claims|told|confirmed|confirms|counted|counts|recorded|records)(?-u:\b)")
        .expect("verb regex")
});
static PER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?-u:\b)[Pp]er (?P<who>the [^,;.]+|[A-Z][^,;.]+)").expect("per regex"));

/// Words of time or aspect between a subject and its verb ("the ministry
/// on Wednesday said", "Israel has previously said").
static TIME_AFTER_SUBJECT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?:\s+(?:(?:early |late )?on (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|",
        r"yesterday|today|now|earlier|later|also|again|previously|has|have|had))+$"
    ))
    .expect("time after subject regex")
});

const PRONOUNS: [&str; 12] = ["he", "she", "they", "it", "we", "i", "you", "this", "that", "which", "who", "there"];

/// Words that open a clause before its subject ("where the ministry says").
const OPENERS: [&str; 7] = ["where ", "when ", "as ", "while ", "after ", "and ", "but "];

/// The institution a description names by its kind alone ("the ministry").
const HEADS: [&str; 6] = ["ministry", "agency", "department", "military", "office", "government"];

/// The authorities a document names before the text being read: "the
/// ministry said" further down means the ministry the story named last.
#[derive(Clone, Copy)]
pub struct Earlier<'a> {
    /// The document's text.
    pub text: &'a str,
    /// Its mentions of authorities, found when a description first needs them.
    pub mentions: &'a OnceCell<Vec<(usize, &'a Authority)>>,
    /// Mentions from here on are not earlier.
    pub before: usize,
}

impl<'a> Earlier<'a> {
    /// The authority last named before `before` whose name holds the
    /// description's words ("health ministry" in "Gaza's health ministry").
    fn named(&self, description: &str, authorities: &'a Authorities) -> Option<&'a Authority> {
        let words = normalise(description);
        let head = words.split(" of ").next().unwrap_or(&words).rsplit(' ').next().unwrap_or("");
        if !HEADS.contains(&head) || words.split(' ').count() > 4 {
            return None;
        }
        let holds = |alias: &str| {
            alias == words
                || alias.ends_with(&format!(" {words}"))
                || alias.starts_with(&format!("{words} "))
                || alias.contains(&format!(" {words} "))
        };
        self.mentions
            .get_or_init(|| authorities.mentions(self.text))
            .iter()
            .rev()
            .skip_while(|(at, _)| *at >= self.before)
            .find(|(_, a)| a.aliases.iter().any(|x| holds(x)))
            .map(|(_, a)| *a)
    }
}

fn resolve<'a>(who: &str, authorities: &'a Authorities, earlier: Option<Earlier<'a>>) -> Option<Attribution> {
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
    let who = who.trim().trim_matches(|c: char| !c.is_alphanumeric()).trim();
    let who = OPENERS.iter().find_map(|o| who.strip_prefix(o)).unwrap_or(who);
    let who = who.strip_prefix("the ").or_else(|| who.strip_prefix("The ")).unwrap_or(who).trim();
    // A name wrapped across lines ("the White\nHouse") is one name.
    let spaced;
    let who = if who.contains(|c: char| c.is_whitespace() && c != ' ') || who.contains("  ") {
        spaced = who.split_whitespace().collect::<Vec<_>>().join(" ");
        spaced.as_str()
    } else {
        who
    };
    if who.is_empty() || PRONOUNS.contains(&who.to_lowercase().as_str()) {
        return None;
    }
    Some(match authorities.find_in(who).or_else(|| earlier?.named(who, authorities)) {
        Some(a) => Attribution { id: Some(a.id.clone()), name: a.name.clone(), text: who.to_string() },
        None => Attribution { id: None, name: who.to_string(), text: who.to_string() },
    })
}

/// The subject before a reporting verb: back to the start of the clause, at most eight words.
fn subject_before(sentence: &str, verb_start: usize) -> &str {
    let before = &sentence[..verb_start];
    let clause_start = before
        .rfind([',', ';', ':', '“', '”', '"', '(', '—', '–'])
        .map_or(0, |i| i + before[i..].chars().next().map_or(1, char::len_utf8));
    let clause = before[clause_start..].trim();
    // "The United States on Thursday announced": the day is not the source.
    let clause = match TIME_AFTER_SUBJECT.find(clause) {
        Some(m) => &clause[..m.start()],
        None => clause,
    };
    let words: Vec<&str> = clause.split_whitespace().collect();
    if words.len() > 8 || words.is_empty() {
        return "";
    }
    clause
}

/// A clause that opens on a new place or a turn ("; in Israel, …",
/// "; meanwhile, …") starts a statement of its own: the source named
/// elsewhere in its sentence does not speak for it.
static NEW_TOPIC: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"^\s*(?:(?i:meanwhile|elsewhere|separately|by contrast|in contrast|on the other hand|for (?:its|their|his|her) part)\s*,",
        r"|(?i:in|inside|across|within|on the)\s+(?:the\s+)?(?P<place>[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,3})(?:\s+side)?\s*,)"
    ))
    .expect("new topic regex")
});

/// Words that make "in X," a time, not a place ("; in March, …").
const TIMES: [&str; 19] = [
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
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// Whether a clause after the first opens a statement of its own (see [`NEW_TOPIC`]).
pub fn opens_new_topic(clause: &str) -> bool {
    NEW_TOPIC.captures(clause).is_some_and(|c| match c.name("place") {
        Some(place) => !place.as_str().split_whitespace().next().is_some_and(|w| TIMES.contains(&w)),
        None => true,
    })
}

/// The attribution of a sentence, if it names a source.
/// `earlier` resolves a description ("the ministry") to the authority the
/// document named last.
pub fn attribution_of<'a>(
    sentence: &str,
    authorities: &'a Authorities,
    earlier: Option<Earlier<'a>>,
) -> Option<Attribution> {
    if let Some(c) = ACCORDING.captures(sentence)
        && let Some(a) = resolve(&c["who"], authorities, earlier)
    {
        return Some(a);
    }
    for m in VERB.find_iter(sentence) {
        let who = subject_before(sentence, m.start());
        // Prefer a known authority; a bare name ("Blinken said") still counts.
        if let Some(a) = resolve(who, authorities, earlier)
            && (a.id.is_some() || a.text.chars().next().is_some_and(char::is_uppercase))
        {
            return Some(a);
        }
    }
    if let Some(c) = PER.captures(sentence)
        && let Some(a) = resolve(&c["who"], authorities, earlier)
    {
        return Some(a);
    }
    // An authority named anywhere ("the Hamas-run health ministry's figures");
    // one-word names such as "Israel" are too common to count here.
    authorities.find_multiword_in(sentence).map(|a| Attribution {
        id: Some(a.id.clone()),
        name: a.name.clone(),
        text: a.name.clone(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::RulePack;

    fn who(s: &str) -> Option<(Option<String>, String)> {
        let pack = RulePack::default_pack();
        attribution_of(s, &pack.authorities, None).map(|a| (a.id, a.text))
    }

    #[test]
    fn clauses_that_open_a_statement_of_their_own() {
        for clause in [
            " in Israel, some 1,400 were killed",
            " in the West Bank, 500 have been killed",
            " on the Israeli side, 1,200 died",
            " Meanwhile, 3,400 have been killed",
            " for its part, the army says",
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

    #[test]
    fn forms_of_attribution() {
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
        assert_eq!(
            who("The toll is 30,000, per the Gaza health ministry."),
            Some((Some("gaza-moh".into()), "Gaza health ministry".into()))
        );
        assert_eq!(
            who("The Hamas-run health ministry's count rose to 30,000."),
            Some((Some("gaza-moh".into()), "Gaza Ministry of Health".into()))
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
        // A clause's opening word is not part of its subject.
        assert_eq!(
            who("We begin in Gaza, where the Gaza health ministry now says 25,000 people have been killed."),
            Some((Some("gaza-moh".into()), "Gaza health ministry".into()))
        );
        assert_eq!(who("“We hope,” he said."), None);
        assert_eq!(who("Israel launched strikes on Gaza."), None);
    }
}
