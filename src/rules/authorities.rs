//! Authorities and their aliases (`Hamas-run health ministry`, `Gaza's
//! Ministry of Health` → `gaza-moh`), declared in `rules/authorities.yaml`.

use std::collections::HashMap;

use regex::Regex;

use super::compile::RuleError;
use super::spec::AuthoritiesSpec;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Authority {
    pub id: String,
    pub name: String,
    /// Normalised aliases, the name included.
    pub aliases: Vec<String>,
    /// Normalised names that stand for it only as a speaker ("Tel Aviv says").
    pub speakers: Vec<String>,
}

/// All known authorities.
#[derive(Debug, Clone, Default)]
pub struct Authorities {
    list: Vec<Authority>,
    /// Normalised alias → authority index.
    by_alias: HashMap<String, usize>,
    /// Every alias, and the aliases of more than one word, as one regex each.
    all: Option<Regex>,
    multiword: Option<Regex>,
}

/// Lower case, plain apostrophes, single spaces.
pub fn normalise(s: &str) -> String {
    let s: String = s.chars().map(|c| if matches!(c, '’' | '‘' | '`') { '\'' } else { c }).collect();
    s.to_lowercase().split_whitespace().collect::<Vec<_>>().join(" ")
}

impl Authorities {
    pub fn parse(file: &str, src: &str) -> Result<Authorities, RuleError> {
        let spec: AuthoritiesSpec = serde_yaml::from_str(src).map_err(|e| {
            let (line, message) = crate::error::yaml_error(&e);
            RuleError { file: file.to_string(), line, field: None, message }
        })?;
        let mut a = Authorities::default();
        for s in spec.authorities {
            let mut aliases: Vec<String> = s.aliases.iter().map(|x| normalise(x)).collect();
            aliases.push(normalise(&s.name));
            let speakers = s.speakers.iter().map(|x| normalise(x)).collect();
            a.insert(Authority { id: s.id, name: s.name, aliases, speakers });
        }
        a.reindex();
        Ok(a)
    }

    /// Add or replace one authority; `reindex` must follow.
    fn insert(&mut self, auth: Authority) {
        match self.list.iter().position(|x| x.id == auth.id) {
            Some(i) => self.list[i] = auth,
            None => self.list.push(auth),
        }
    }

    fn reindex(&mut self) {
        self.by_alias =
            self.list.iter().enumerate().flat_map(|(i, a)| a.aliases.iter().map(move |x| (x.clone(), i))).collect();
        let mut aliases: Vec<&String> = self.by_alias.keys().collect();
        aliases.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
        let build = |keep: &dyn Fn(&str) -> bool| -> Option<Regex> {
            let alts: Vec<String> = aliases.iter().filter(|a| keep(a)).map(|a| alias_pattern(a)).collect();
            if alts.is_empty() {
                return None;
            }
            Regex::new(&format!(r"(?i)(?-u:\b)(?:{})(?-u:\b)", alts.join("|"))).ok()
        };
        self.all = build(&|_| true);
        self.multiword = build(&|a| a.contains(' '));
    }

    /// Add or replace authorities from another file.
    pub fn extend(&mut self, other: Authorities) {
        for a in other.list {
            self.insert(a);
        }
        self.reindex();
    }

    /// The authority a speaker's name stands for: "Tel Aviv" in "Tel Aviv
    /// says" (the whole subject, normalised).
    pub fn speaking_as(&self, subject: &str) -> Option<&Authority> {
        let subject = normalise(subject);
        self.list.iter().find(|a| a.speakers.contains(&subject))
    }

    pub fn get(&self, id: &str) -> Option<&Authority> {
        self.list.iter().find(|a| a.id == id)
    }

    /// The authority named in `phrase`, by its longest alias found at word boundaries.
    pub fn find_in(&self, phrase: &str) -> Option<&Authority> {
        self.longest(self.all.as_ref()?, phrase, |_, _| true)
    }

    /// Like `find_in`, with aliases of more than one word only ("Israel" is
    /// too common a word to credit a sentence to Israel), and only names
    /// that `keep` accepts, given the text before the name and after it.
    pub fn find_multiword_in_where(&self, phrase: &str, keep: impl Fn(&str, &str) -> bool) -> Option<&Authority> {
        self.longest(self.multiword.as_ref()?, phrase, keep)
    }

    fn longest(&self, re: &Regex, phrase: &str, keep: impl Fn(&str, &str) -> bool) -> Option<&Authority> {
        let m = re
            .find_iter(phrase)
            .filter(|m| keep(&phrase[..m.start()], &phrase[m.end()..]))
            .max_by_key(|m| (m.len(), std::cmp::Reverse(m.start())))?;
        self.by_alias.get(&normalise(m.as_str())).map(|&i| &self.list[i])
    }

    /// The authority `phrase` is a name of, as a whole.
    pub fn named(&self, phrase: &str) -> Option<&Authority> {
        self.by_alias.get(&normalise(phrase)).map(|&i| &self.list[i])
    }

    /// Every authority named in `text`, by the start of its name, in order.
    /// A name inside a war's ("the Israel-Hamas war") names no source.
    pub fn mentions(&self, text: &str) -> Vec<(usize, &Authority)> {
        let Some(re) = self.all.as_ref() else { return Vec::new() };
        re.find_iter(text)
            .filter(|m| !names_a_war(&text[..m.start()], &text[m.end()..]))
            .filter_map(|m| self.by_alias.get(&normalise(m.as_str())).map(|&i| (m.start(), &self.list[i])))
            .collect()
    }

    pub fn iter(&self) -> impl Iterator<Item = &Authority> {
        self.list.iter()
    }
}

/// Whether a name between `before` and `after` is half of a war's name:
/// "Israel-Hamas war", "Hamas–Israel conflict".
fn names_a_war(before: &str, after: &str) -> bool {
    const OTHERS: [&str; 3] = ["Hamas", "Gaza", "Hezbollah"];
    let joined_after = after.strip_prefix('-').or_else(|| after.strip_prefix('–'));
    let joined_before = before.strip_suffix('-').or_else(|| before.strip_suffix('–'));
    joined_after.is_some_and(|a| OTHERS.iter().any(|o| a.starts_with(o)))
        || joined_before.is_some_and(|b| OTHERS.iter().any(|o| b.ends_with(o)))
}

/// A normalised alias as a regex: apostrophes of any shape, any spacing.
fn alias_pattern(alias: &str) -> String {
    alias
        .split(' ')
        .map(|w| w.split('\'').map(regex::escape).collect::<Vec<_>>().join("['’‘`]"))
        .collect::<Vec<_>>()
        .join(r"\s+")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aliases_normalise_to_one_id() {
        let src = "authorities:\n  - id: gaza-moh\n    name: Gaza Ministry of Health\n    aliases: [Hamas-run health ministry, \"Gaza's Ministry of Health\", enclave's health ministry]\n  - id: israel\n    name: Israel\n";
        let a = Authorities::parse("a.yaml", src).unwrap();
        assert_eq!(a.find_in("the enclave’s Hamas-run health ministry").unwrap().id, "gaza-moh");
        assert_eq!(a.find_in("Gaza’s Ministry of Health").unwrap().id, "gaza-moh");
        assert_eq!(a.find_in("Israel").unwrap().id, "israel");
        assert!(a.find_in("Israeli media").is_none());
    }

    #[test]
    fn a_war_s_name_names_no_source() {
        let src = "authorities:\n  - id: israel\n    name: Israel\n    aliases: [Israel]\n";
        let a = Authorities::parse("a.yaml", src).unwrap();
        let text = "Since the Israel-Hamas war began, and the Hamas–Israel truce, Israel said";
        let found: Vec<usize> = a.mentions(text).iter().map(|(at, _)| *at).collect();
        assert_eq!(found, vec![text.rfind("Israel").unwrap()]);
    }

    #[test]
    fn a_speaker_name_stands_for_its_authority_only_as_a_speaker() {
        let src = "authorities:\n  - id: israel\n    name: Israel\n    speakers: [Tel Aviv]\n";
        let a = Authorities::parse("a.yaml", src).unwrap();
        assert_eq!(a.speaking_as("Tel  Aviv").unwrap().id, "israel");
        assert!(a.speaking_as("Tel Aviv University").is_none());
        // Not an alias: a mention of the city names no authority.
        assert!(a.find_in("rockets fired at Tel Aviv").is_none());
        assert!(a.mentions("in Tel Aviv").is_empty());
    }
}
