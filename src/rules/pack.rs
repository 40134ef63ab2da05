//! The rule pack: the default rules embedded in the binary, rules added
//! from directories (`--rules DIR`, same id replaces the default), the
//! authorities file, and one set of every pattern (`pattern_set`) so
//! matching cost does not grow with rules × text.

use std::collections::BTreeMap;
use std::path::Path;

use crate::dates::Date;

use super::authorities::Authorities;
use super::compile::{Rule, RuleError, load_rule};
use super::pattern_set::PatternSet;

/// The default pack, embedded. `default_pack_lists_every_rule_file` checks
/// that this list and `rules/` agree.
pub const DEFAULT_RULES: &[(&str, &str)] = &[
    ("rules/blinken-visits.yaml", include_str!("../../rules/blinken-visits.yaml")),
    ("rules/gaza-displaced.yaml", include_str!("../../rules/gaza-displaced.yaml")),
    ("rules/gaza-injured.yaml", include_str!("../../rules/gaza-injured.yaml")),
    ("rules/gaza-killed-children.yaml", include_str!("../../rules/gaza-killed-children.yaml")),
    ("rules/gaza-killed-women.yaml", include_str!("../../rules/gaza-killed-women.yaml")),
    ("rules/gaza-killed.yaml", include_str!("../../rules/gaza-killed.yaml")),
    ("rules/gaza-missing.yaml", include_str!("../../rules/gaza-missing.yaml")),
    ("rules/gaza-population.yaml", include_str!("../../rules/gaza-population.yaml")),
    ("rules/hostages-alive.yaml", include_str!("../../rules/hostages-alive.yaml")),
    ("rules/hostages-dead.yaml", include_str!("../../rules/hostages-dead.yaml")),
    ("rules/hostages-held.yaml", include_str!("../../rules/hostages-held.yaml")),
    ("rules/hostages-taken.yaml", include_str!("../../rules/hostages-taken.yaml")),
    ("rules/oct7-killed.yaml", include_str!("../../rules/oct7-killed.yaml")),
    ("rules/strike-injured.yaml", include_str!("../../rules/strike-injured.yaml")),
    ("rules/strike-killed-children.yaml", include_str!("../../rules/strike-killed-children.yaml")),
    ("rules/strike-killed.yaml", include_str!("../../rules/strike-killed.yaml")),
    ("rules/us-aid-total.yaml", include_str!("../../rules/us-aid-total.yaml")),
    ("rules/us-aid-tranche.yaml", include_str!("../../rules/us-aid-tranche.yaml")),
];

/// The embedded authorities file.
pub const DEFAULT_AUTHORITIES: (&str, &str) = ("rules/authorities.yaml", include_str!("../../rules/authorities.yaml"));

/// The file name of an authorities file in a rules directory.
pub const AUTHORITIES_FILE: &str = "authorities.yaml";

/// Compiled rules ready to match.
#[derive(Debug, Clone)]
pub struct RulePack {
    /// Sorted by id.
    pub rules: Vec<Rule>,
    pub authorities: Authorities,
    /// One regex per pattern of every rule, in rule order.
    pub(crate) set: PatternSet,
    /// Set index → (rule index, pattern index).
    pub(crate) owners: Vec<(usize, usize)>,
    /// What loading decided that a user should know (a default rule replaced).
    pub notes: Vec<String>,
    /// Every rule's `event_date`, sorted: a text naming one of these days
    /// refers to that event ("the attack on October 7"), it does not date
    /// a figure.
    pub event_dates: Vec<Date>,
    /// Per rule: whether an authority's name can supply its every `all`
    /// word ("U.S. Department of State" for the United States), so that a
    /// figure refused for want of one may take it from its source.
    pub all_from_source: Vec<bool>,
}

impl RulePack {
    /// The default pack alone.
    pub fn default_pack() -> RulePack {
        RulePack::load(&[]).unwrap_or_else(|e| {
            let lines: Vec<String> = e.iter().map(ToString::to_string).collect();
            panic!("the embedded rule pack is invalid:\n{}", lines.join("\n"))
        })
    }

    /// The default pack plus the rules of `dirs`. A rule with a default
    /// rule's id replaces it (with a note); two user rules with one id, and
    /// any invalid file, are errors.
    pub fn load(dirs: &[&Path]) -> Result<RulePack, Vec<RuleError>> {
        match RulePack::load_partial(dirs) {
            (Some(pack), errors) if errors.is_empty() => Ok(pack),
            (_, errors) => Err(errors),
        }
    }

    /// Load what loads: a file or rule with an error is left out, and the
    /// errors are returned beside the pack of the rest, so a run can go on
    /// and still fail. `None` only when no pack can be built at all.
    pub fn load_partial(dirs: &[&Path]) -> (Option<RulePack>, Vec<RuleError>) {
        use rayon::prelude::*;
        let mut errors = Vec::new();
        let mut by_id: BTreeMap<String, Rule> = BTreeMap::new();
        let mut notes = Vec::new();
        // Compiling the regexes is most of a small run's time: the rules
        // compile on all threads, then go in in file order.
        let (compiled, authorities) = rayon::join(
            || DEFAULT_RULES.par_iter().map(|(file, src)| load_rule(file, src, true)).collect::<Vec<_>>(),
            || Authorities::parse(DEFAULT_AUTHORITIES.0, DEFAULT_AUTHORITIES.1),
        );
        for r in compiled {
            match r {
                Ok(r) => insert(&mut by_id, r, &mut notes, &mut errors),
                Err(e) => errors.extend(e),
            }
        }
        let mut authorities = match authorities {
            Ok(a) => a,
            Err(e) => {
                errors.push(e);
                Authorities::default()
            }
        };
        for dir in dirs {
            let display = crate::document::load::display_path(dir);
            let entries = match std::fs::read_dir(dir) {
                Ok(e) => e,
                Err(e) => {
                    errors.push(RuleError { file: display, line: None, field: None, message: e.to_string() });
                    continue;
                }
            };
            let mut files: Vec<_> = entries
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|x| x == "yaml" || x == "yml"))
                .collect();
            files.sort();
            let loaded: Vec<_> = files
                .par_iter()
                .map(|path| {
                    let file = crate::document::load::display_path(path);
                    match std::fs::read_to_string(path) {
                        Err(e) => RuleFile::Unread(RuleError { file, line: None, field: None, message: e.to_string() }),
                        Ok(src) if path.file_name().is_some_and(|n| n == AUTHORITIES_FILE) => {
                            RuleFile::Authorities(Authorities::parse(&file, &src))
                        }
                        Ok(src) => RuleFile::Rule(load_rule(&file, &src, false).map(Box::new)),
                    }
                })
                .collect();
            for l in loaded {
                match l {
                    RuleFile::Unread(e) | RuleFile::Authorities(Err(e)) => errors.push(e),
                    RuleFile::Authorities(Ok(a)) => authorities.extend(a),
                    RuleFile::Rule(Ok(r)) => insert(&mut by_id, *r, &mut notes, &mut errors),
                    RuleFile::Rule(Err(e)) => errors.extend(e),
                }
            }
        }
        let pack = match RulePack::assemble(by_id.into_values().collect(), authorities, &mut errors) {
            Ok(mut pack) => {
                pack.notes = notes;
                Some(pack)
            }
            Err(e) => {
                errors.extend(e);
                None
            }
        };
        errors.sort();
        (pack, errors)
    }

    /// A pack of exactly these rule files (no default rules), with the
    /// default authorities: for tests and synthetic benchmarks.
    pub fn from_sources(sources: &[(String, String)]) -> Result<RulePack, Vec<RuleError>> {
        let mut errors = Vec::new();
        let mut by_id: BTreeMap<String, Rule> = BTreeMap::new();
        let mut notes = Vec::new();
        for (file, src) in sources {
            match load_rule(file, src, false) {
                Ok(r) => insert(&mut by_id, r, &mut notes, &mut errors),
                Err(e) => errors.extend(e),
            }
        }
        let authorities = Authorities::parse(DEFAULT_AUTHORITIES.0, DEFAULT_AUTHORITIES.1).map_err(|e| vec![e])?;
        if !errors.is_empty() {
            return Err(errors);
        }
        let pack = RulePack::assemble(by_id.into_values().collect(), authorities, &mut errors)?;
        if errors.is_empty() { Ok(pack) } else { Err(errors) }
    }

    /// A pack of already compiled rules, with `authorities`.
    pub fn from_rules(rules: Vec<Rule>, authorities: Authorities) -> Result<RulePack, Vec<RuleError>> {
        let mut errors = Vec::new();
        let pack = RulePack::assemble(rules, authorities, &mut errors)?;
        if errors.is_empty() { Ok(pack) } else { Err(errors) }
    }

    /// Check cross-rule references (a rule that fails is left out, its
    /// error pushed to `errors`) and build the pattern set.
    fn assemble(
        mut rules: Vec<Rule>,
        authorities: Authorities,
        errors: &mut Vec<RuleError>,
    ) -> Result<RulePack, Vec<RuleError>> {
        rules.retain(|r| {
            let named = r.attribution.default.iter().map(|a| ("attribution.default", a));
            let found = named
                .chain(r.attribution.not_from.iter().map(|a| ("attribution.not_from", a)))
                .find(|(_, a)| authorities.get(a).is_none());
            match found {
                Some((field, a)) => {
                    errors.push(RuleError {
                        file: r.file.clone(),
                        line: None,
                        field: Some(field.into()),
                        message: format!("unknown authority `{a}` (not in authorities.yaml)"),
                    });
                    false
                }
                None => true,
            }
        });
        let mut owners = Vec::new();
        let mut patterns = Vec::new();
        for (ri, r) in rules.iter().enumerate() {
            for (pi, p) in r.patterns.iter().enumerate() {
                owners.push((ri, pi));
                patterns.push((p.expanded.as_str(), p.parts.as_ref()));
            }
        }
        let set = PatternSet::new(&patterns).map_err(|e| {
            vec![RuleError { file: "rules".into(), line: None, field: None, message: format!("pattern set: {e}") }]
        })?;
        for parts in rules.iter_mut().flat_map(|r| r.patterns.iter_mut()).filter_map(|p| p.parts.as_mut()) {
            parts.release();
        }
        let mut event_dates: Vec<Date> = rules.iter().filter_map(|r| r.event_date).collect();
        event_dates.sort();
        event_dates.dedup();
        let all_from_source = rules
            .iter()
            .map(|r| {
                !r.context.all.is_empty()
                    && r.context.all.iter().all(|re| authorities.iter().any(|a| re.is_match(&a.name)))
            })
            .collect();
        Ok(RulePack { rules, authorities, set, owners, notes: Vec::new(), event_dates, all_from_source })
    }

    /// A copy to extract with. Its pattern set learns lazy-DFA states
    /// afresh (a regex's copy shares its program, not its caches) and frees
    /// them with the copy: megabytes a thread that the compare stage, which
    /// holds every claim and finding, need not hold as well.
    pub fn for_extraction(&self) -> RulePack {
        self.clone()
    }

    pub fn get(&self, id: &str) -> Option<&Rule> {
        self.index_of(id).map(|i| &self.rules[i])
    }

    /// The position of rule `id` in `rules` (sorted by id).
    pub fn index_of(&self, id: &str) -> Option<usize> {
        self.rules.binary_search_by(|r| (*r.id).cmp(id)).ok()
    }

    /// The rules of one metric.
    pub fn for_metric<'a>(&'a self, metric: &'a str) -> impl Iterator<Item = &'a Rule> + 'a {
        self.rules.iter().filter(move |r| &*r.metric == metric)
    }
}

/// A file of a rule directory, read and compiled.
enum RuleFile {
    Unread(RuleError),
    Authorities(Result<Authorities, RuleError>),
    Rule(Result<Box<Rule>, Vec<RuleError>>),
}

fn insert(by_id: &mut BTreeMap<String, Rule>, r: Rule, notes: &mut Vec<String>, errors: &mut Vec<RuleError>) {
    match by_id.get(&*r.id) {
        Some(old) if old.builtin && !r.builtin => {
            notes.push(format!("rule `{}` from {} replaces the default rule", r.id, r.file));
            by_id.insert(r.id.to_string(), r);
        }
        Some(old) => errors.push(RuleError {
            file: r.file.clone(),
            line: Some(1),
            field: Some("id".into()),
            message: format!("duplicate rule id `{}` (also in {})", r.id, old.file),
        }),
        None => {
            by_id.insert(r.id.to_string(), r);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::compile::load_rule;

    #[test]
    fn default_pack_lists_every_rule_file() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("rules");
        let mut on_disk: Vec<String> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| format!("rules/{}", e.unwrap().file_name().to_string_lossy()))
            .filter(|n| n.ends_with(".yaml") && !n.ends_with(AUTHORITIES_FILE))
            .collect();
        on_disk.sort();
        let listed: Vec<&str> = DEFAULT_RULES.iter().map(|(f, _)| *f).collect();
        assert_eq!(listed, on_disk, "register new rule files in DEFAULT_RULES (src/rules/pack.rs)");
        for (file, _) in DEFAULT_RULES {
            let id = file.trim_start_matches("rules/").trim_end_matches(".yaml");
            assert!(RulePack::default_pack().get(id).is_some(), "{file}: the file name must be the rule id");
        }
    }

    /// The default pack's regexes are built on first use (`rules::lazy`):
    /// each must build, and each pattern must choose ASCII as a user's
    /// pattern, built when loaded, does.
    #[test]
    fn every_default_regex_builds() {
        let pack = RulePack::default_pack();
        let mut built = 0;
        for r in &pack.rules {
            let c = &r.context;
            let words = c
                .any
                .iter()
                .chain(&c.all)
                .chain(&c.none)
                .chain(&c.sentence_none)
                .chain(&c.lede_none)
                .chain(&c.lede_unless)
                .chain(&c.parts_none);
            for w in words {
                assert!(w.try_build().is_ok(), "{}: `{}`: {:?}", r.id, w.source(), w.try_build().err());
                built += 1;
            }
            for (i, p) in r.patterns.iter().enumerate() {
                assert!(p.regex.try_build().is_ok(), "{} patterns[{i}]: {:?}", r.id, p.regex.try_build().err());
                assert_eq!(p.regex.source(), p.expanded);
                let user = load_rule("u.yaml", &user_rule(&p.source, &p.kinds), false)
                    .unwrap_or_else(|e| panic!("{} patterns[{i}] as a user's rule: {e:?}", r.id));
                assert_eq!(user.patterns[0].expanded, p.expanded, "{} patterns[{i}]", r.id);
                built += 1;
            }
        }
        assert!(built > 150, "{built} regexes");
    }

    /// A class with a curly quote (`[“"]`) makes a whole list Unicode,
    /// several times dearer to build and match: the default pack writes
    /// such quotes as alternations (`(?:“|")`).
    #[test]
    fn every_default_list_of_words_is_ascii() {
        let pack = RulePack::default_pack();
        for r in &pack.rules {
            let c = &r.context;
            let words = c.any.iter().chain(&c.all).chain(&c.none).chain(&c.sentence_none);
            for w in words.chain(&c.lede_none).chain(&c.lede_unless).chain(&c.parts_none) {
                let ascii =
                    regex_syntax::ParserBuilder::new().utf8(false).build().parse(&format!("(?-u){}", w.source()));
                assert!(ascii.is_ok(), "{}: a list needs Unicode: {:?}", r.id, ascii.err().map(|e| e.to_string()));
            }
        }
    }

    fn user_rule(pattern: &str, kinds: &[String]) -> String {
        let quoted = pattern.replace('\'', "''");
        format!(
            "id: u\nmetric: u.u\ndescription: d\nbehavior: fixed\nkinds: [{}]\npatterns:\n  - '{quoted}'\n",
            kinds.join(", ")
        )
    }

    #[test]
    fn a_user_rules_bad_regex_is_an_error_when_loaded() {
        let dir = tempfile::tempdir().unwrap();
        let rule = "id: u\nmetric: u.u\ndescription: d\nbehavior: fixed\npatterns: ['{q} dead']\ncontext:\n  none: ['(unclosed']\n";
        std::fs::write(dir.path().join("u.yaml"), rule).unwrap();
        let e = RulePack::load(&[dir.path()]).unwrap_err();
        assert_eq!(e.len(), 1, "{e:?}");
        assert_eq!(e[0].field.as_deref(), Some("context.none"));
        assert_eq!(e[0].line, Some(7));
        assert!(e[0].message.starts_with("invalid regex"), "{}", e[0].message);
    }

    #[test]
    fn an_unknown_authority_a_rule_refuses_is_an_error() {
        let rule = "id: u\nmetric: u.u\ndescription: d\nbehavior: fixed\npatterns: ['{q} dead']\nattribution:\n  not_from: [gaza-moh, nobody]\n";
        let e = RulePack::from_sources(&[("u.yaml".into(), rule.into())]).unwrap_err();
        assert_eq!(e.len(), 1, "{e:?}");
        assert_eq!((e[0].file.as_str(), e[0].field.as_deref()), ("u.yaml", Some("attribution.not_from")));
        assert_eq!(e[0].message, "unknown authority `nobody` (not in authorities.yaml)");
        let known = rule.replace(", nobody", "");
        let pack = RulePack::from_sources(&[("u.yaml".into(), known)]).unwrap();
        assert_eq!(pack.get("u").unwrap().attribution.not_from, ["gaza-moh"]);
    }

    #[test]
    fn user_rules_replace_defaults_and_duplicates_are_errors() {
        let dir = tempfile::tempdir().unwrap();
        let rule = "id: oct7-killed\nmetric: oct7.killed\ndescription: d\nbehavior: fixed\npatterns: ['{q} dead']\n";
        std::fs::write(dir.path().join("a.yaml"), rule).unwrap();
        let pack = RulePack::load(&[dir.path()]).unwrap();
        assert_eq!(pack.get("oct7-killed").unwrap().patterns.len(), 1);
        assert_eq!(pack.notes.len(), 1);
        assert!(pack.notes[0].starts_with("rule `oct7-killed` from "), "{:?}", pack.notes);
        std::fs::write(dir.path().join("b.yaml"), rule).unwrap();
        let e = RulePack::load(&[dir.path()]).unwrap_err();
        assert_eq!(e.len(), 1);
        assert!(
            e[0].to_string().ends_with("b.yaml:1: id: duplicate rule id `oct7-killed` (also in ")
                || e[0].message.contains("duplicate rule id"),
            "{e:?}"
        );
    }
}
