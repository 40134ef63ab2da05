//! Authorities and their aliases (`Hamas-run health ministry`, `Gaza's
//! Ministry of Health` → `gaza-moh`), declared in `rules/authorities.yaml`.

use super::compile::RuleError;
use super::spec::AuthoritiesSpec;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Authority {
    pub id: String,
    pub name: String,
    /// Normalised aliases, the name included.
    pub aliases: Vec<String>,
}

/// All known authorities.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Authorities {
    list: Vec<Authority>,
    /// (normalised alias, index), longest alias first.
    index: Vec<(String, usize)>,
}

/// Lower case, plain apostrophes, single spaces.
pub fn normalise(s: &str) -> String {
    let s: String = s.chars().map(|c| if matches!(c, '’' | '‘' | '`') { '\'' } else { c }).collect();
    s.to_lowercase().split_whitespace().collect::<Vec<_>>().join(" ")
}

impl Authorities {
    pub fn parse(file: &str, src: &str) -> Result<Authorities, RuleError> {
        let spec: AuthoritiesSpec = serde_yaml::from_str(src).map_err(|e| {
            let message = e.to_string();
            let message = message.split(" at line ").next().unwrap_or(&message).to_string();
            RuleError { file: file.to_string(), line: e.location().map(|l| l.line()), field: None, message }
        })?;
        let mut a = Authorities::default();
        for s in spec.authorities {
            let mut aliases: Vec<String> = s.aliases.iter().map(|x| normalise(x)).collect();
            aliases.push(normalise(&s.name));
            a.add(Authority { id: s.id, name: s.name, aliases });
        }
        Ok(a)
    }

    fn add(&mut self, auth: Authority) {
        match self.list.iter().position(|x| x.id == auth.id) {
            Some(i) => self.list[i] = auth,
            None => self.list.push(auth),
        }
        self.reindex();
    }

    fn reindex(&mut self) {
        self.index =
            self.list.iter().enumerate().flat_map(|(i, a)| a.aliases.iter().map(move |x| (x.clone(), i))).collect();
        self.index.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.0.cmp(&b.0)));
    }

    /// Add or replace authorities from another file.
    pub fn extend(&mut self, other: Authorities) {
        for a in other.list {
            self.add(a);
        }
    }

    pub fn get(&self, id: &str) -> Option<&Authority> {
        self.list.iter().find(|a| a.id == id)
    }

    /// The authority named in `phrase`, by its longest alias found at word boundaries.
    pub fn find_in(&self, phrase: &str) -> Option<&Authority> {
        self.find_in_filtered(phrase, |_| true)
    }

    /// Like `find_in`, considering only the aliases `keep` accepts.
    pub fn find_in_filtered(&self, phrase: &str, keep: impl Fn(&str) -> bool) -> Option<&Authority> {
        let p = normalise(phrase);
        self.index.iter().find(|(alias, _)| keep(alias) && contains_words(&p, alias)).map(|(_, i)| &self.list[*i])
    }

    pub fn iter(&self) -> impl Iterator<Item = &Authority> {
        self.list.iter()
    }
}

/// Whether `needle` occurs in `hay` starting and ending at word boundaries.
fn contains_words(hay: &str, needle: &str) -> bool {
    let hb = hay.as_bytes();
    let mut from = 0;
    while let Some(i) = hay[from..].find(needle) {
        let s = from + i;
        let e = s + needle.len();
        let before = s == 0 || !hb[s - 1].is_ascii_alphanumeric();
        let after = e == hb.len() || !hb[e].is_ascii_alphanumeric();
        if before && after {
            return true;
        }
        from = s + 1;
    }
    false
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
}
