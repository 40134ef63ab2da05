//! Document metadata: title, publisher, author, URL and publication date,
//! from YAML front matter, a sources manifest (`sources.yaml`), HTML meta
//! tags, or a dateline near the top of the text, in that order of trust.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::dates::{Date, parse_date};
use crate::error::Problem;

/// Where a document's date came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DateSource {
    FrontMatter,
    Manifest,
    HtmlMeta,
    Dateline,
    /// None of those: the date given for undated documents (`--published`).
    Assumed,
    /// No date could be found: the document is undated.
    Undated,
}

impl DateSource {
    pub fn describe(self) -> &'static str {
        match self {
            DateSource::FrontMatter => "front matter",
            DateSource::Manifest => "sources manifest",
            DateSource::HtmlMeta => "HTML meta",
            DateSource::Dateline => "dateline",
            DateSource::Assumed => "--published",
            DateSource::Undated => "undated",
        }
    }
}

/// What is known about a document (boxed strings: an archive keeps one per document).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Meta {
    pub title: Option<Box<str>>,
    pub publisher: Option<Box<str>>,
    pub author: Option<Box<str>>,
    pub url: Option<Box<str>>,
    pub published: Option<Date>,
    pub date_source: DateSource,
}

impl Meta {
    /// Date a document that gives no date of its own with `date`, if any.
    pub fn assume_published(&mut self, date: Option<Date>) {
        if self.published.is_none()
            && let Some(d) = date
        {
            self.published = Some(d);
            self.date_source = DateSource::Assumed;
        }
    }
}

impl Default for Meta {
    fn default() -> Meta {
        Meta {
            title: None,
            publisher: None,
            author: None,
            url: None,
            published: None,
            date_source: DateSource::Undated,
        }
    }
}

/// Metadata fields as a source supplies them; missing fields are `None`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct MetaFields {
    pub title: Option<String>,
    pub publisher: Option<String>,
    pub author: Option<String>,
    pub url: Option<String>,
    pub published: Option<Date>,
}

impl Meta {
    /// Fill fields still missing from a less trusted source.
    pub fn fill(&mut self, from: &MetaFields, source: DateSource) {
        fn take(slot: &mut Option<Box<str>>, v: &Option<String>) {
            if slot.is_none() {
                *slot = v.as_deref().map(Into::into);
            }
        }
        take(&mut self.title, &from.title);
        take(&mut self.publisher, &from.publisher);
        take(&mut self.author, &from.author);
        take(&mut self.url, &from.url);
        if self.published.is_none() && from.published.is_some() {
            self.published = from.published;
            self.date_source = source;
        }
    }
}

/// A YAML value that may be a string or a date-like scalar.
fn yaml_string(v: &serde_yaml::Value) -> Option<String> {
    match v {
        serde_yaml::Value::String(s) => Some(s.clone()),
        serde_yaml::Value::Number(n) => Some(n.to_string()),
        serde_yaml::Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

/// Split YAML front matter (`---` … `---` at the top of a Markdown file).
/// Returns the YAML text and the byte range of the whole block.
pub fn front_matter_block(text: &str) -> Option<(&str, std::ops::Range<usize>)> {
    let rest = text.strip_prefix("---\n").or_else(|| text.strip_prefix("---\r\n"))?;
    let open = text.len() - rest.len();
    let mut pos = open;
    for line in rest.split_inclusive('\n') {
        let trimmed = line.trim_end();
        if trimmed == "---" || trimmed == "..." {
            return Some((&text[open..pos], 0..pos + line.len()));
        }
        pos += line.len();
    }
    None
}

/// Parse front matter YAML. Unknown keys are allowed (front matter serves
/// other tools too); a malformed block is a problem naming the line.
pub fn parse_front_matter(path: &str, yaml: &str, problems: &mut Vec<Problem>) -> MetaFields {
    if let Some(pairs) = simple_front_matter(yaml) {
        let get = |k: &str| pairs.iter().find(|(key, _)| *key == k).map(|(_, v)| v.to_string());
        return meta_fields(path, get, problems);
    }
    let value: serde_yaml::Value = match serde_yaml::from_str(yaml) {
        Ok(v) => v,
        Err(e) => {
            // "title: Gaza war: the numbers", as many a CMS writes it: each
            // line read as its key and the rest of the line, with a warning.
            if let Some((pairs, colons)) = lines_with_colons(yaml) {
                for (line, key) in colons {
                    problems.push(
                        Problem::warning(
                            path,
                            format!("front matter: the value of `{key}` holds \": \", which YAML does not allow unquoted; read as the rest of the line (quote it to be valid YAML)"),
                        )
                        .at_line(line),
                    );
                }
                let get = |k: &str| pairs.iter().find(|(key, _)| *key == k).map(|(_, v)| v.to_string());
                return meta_fields(path, get, problems);
            }
            // Line numbers count from the opening `---`.
            let line = e.location().map_or(1, |l| l.line() + 1);
            let message = crate::error::yaml_error(&e).1;
            problems.push(Problem::error(path, format!("malformed front matter: {message}")).at_line(line));
            return MetaFields::default();
        }
    };
    if !value.is_mapping() && !value.is_null() {
        let found = match value {
            serde_yaml::Value::Sequence(_) => "a list",
            serde_yaml::Value::String(_) => "a string",
            _ => "a single value",
        };
        problems.push(
            Problem::error(path, format!("front matter is {found}, not a mapping of `key: value` lines; ignored"))
                .at_line(2),
        );
        return MetaFields::default();
    }
    meta_fields(path, |k| value.get(k).and_then(yaml_string), problems)
}

/// The fields figcheck reads, from a lookup of front matter keys.
fn meta_fields(path: &str, get: impl Fn(&str) -> Option<String>, problems: &mut Vec<Problem>) -> MetaFields {
    let published = get("published").or_else(|| get("date"));
    let date = published.as_deref().and_then(parse_date);
    if let (Some(p), None) = (&published, date) {
        problems.push(Problem::warning(path, format!("front matter: `published: {p}` is not a date (YYYY-MM-DD)")));
    }
    MetaFields {
        title: get("title"),
        publisher: get("publisher"),
        author: get("author"),
        url: get("url"),
        published: date,
    }
}

/// Front matter made only of `key: value` lines whose values YAML reads
/// as strings (titles, names, addresses, dates: nearly every article),
/// read without a YAML parser, which costs more than the rest of loading
/// a short article. `None` for anything else, which goes to the parser: a
/// nested or multi-line value, a comment after a value, a repeated key,
/// an escape in quotes, a value YAML reads as a number, a boolean or null.
fn simple_front_matter(yaml: &str) -> Option<Vec<(&str, &str)>> {
    key_value_lines(yaml, false).map(|(pairs, _)| pairs)
}

/// Front matter that fails to parse only because plain values hold ": "
/// ("title: Gaza war: the numbers"): its pairs, and the lines (counted
/// from the opening `---`) and keys of those values.
fn lines_with_colons(yaml: &str) -> Option<KeyValues<'_>> {
    key_value_lines(yaml, true).filter(|(_, colons)| !colons.is_empty())
}

/// Pairs of `key: value` lines, and where a value holds ": ".
type KeyValues<'a> = (Vec<(&'a str, &'a str)>, Vec<(usize, &'a str)>);

/// See [`simple_front_matter`]; with `colons_ok`, a plain value may hold ": ".
fn key_value_lines(yaml: &str, colons_ok: bool) -> Option<KeyValues<'_>> {
    let mut pairs: Vec<(&str, &str)> = Vec::new();
    let mut colons = Vec::new();
    for (i, line) in yaml.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let (key, rest) = line.split_once(':')?;
        let key_ok = key.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_')
            && key.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
            && !yaml_word(key);
        if !key_ok || pairs.iter().any(|(k, _)| *k == key) || line.contains(char::is_control) {
            return None;
        }
        let value = rest.strip_prefix(' ')?.trim();
        if colons_ok && value.contains(": ") && !value.starts_with(['"', '\'']) {
            colons.push((i + 2, key));
        }
        pairs.push((key, simple_scalar(value, colons_ok)?));
    }
    (!pairs.is_empty()).then_some((pairs, colons))
}

/// A one-line value that YAML reads as this string, else `None`; with
/// `colons_ok`, one that would be that string but for a ": " in it.
fn simple_scalar(v: &str, colons_ok: bool) -> Option<&str> {
    let quoted = |q: char| v.strip_prefix(q)?.strip_suffix(q).filter(|inner| !inner.contains([q, '\\']));
    if v.starts_with('"') {
        return quoted('"');
    }
    if v.starts_with('\'') {
        return quoted('\'');
    }
    let first = v.chars().next()?;
    let date_like = v.len() >= 10
        && v.as_bytes()[..10]
            .iter()
            .enumerate()
            .all(|(i, b)| if i == 4 || i == 7 { *b == b'-' } else { b.is_ascii_digit() });
    let starts_well = first.is_alphabetic() || date_like;
    let plain_safe =
        (colons_ok || !v.contains(": ")) && !v.contains(" #") && !v.ends_with(':') && !v.contains(['[', ']', '{', '}']);
    (starts_well && !yaml_word(v) && plain_safe).then_some(v)
}

/// A word YAML reads as null, a boolean or a number.
fn yaml_word(s: &str) -> bool {
    ["null", "true", "false", "nan", "inf", "infinity"].iter().any(|w| s.eq_ignore_ascii_case(w))
}

/// One document entry of a sources manifest.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct DocumentEntry {
    pub path: String,
    #[serde(default)]
    pub title: Option<String>,
    #[serde(default)]
    pub publisher: Option<String>,
    #[serde(default)]
    pub author: Option<String>,
    #[serde(default)]
    pub url: Option<String>,
    #[serde(default)]
    pub published: Option<String>,
}

/// One reference dataset of a sources manifest.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct DatasetEntry {
    pub path: String,
    #[serde(default)]
    pub title: Option<String>,
    #[serde(default)]
    pub publisher: Option<String>,
    #[serde(default)]
    pub url: Option<String>,
    #[serde(default)]
    pub licence: Option<String>,
    /// The authority whose figures the series holds (an id of `rules/authorities.yaml`).
    #[serde(default)]
    pub attribution: Option<String>,
    /// csv, json or jsonl; by default from the file extension.
    #[serde(default)]
    pub format: Option<String>,
    pub date_field: String,
    /// Metric → column holding its value.
    pub series: BTreeMap<String, String>,
    /// Metric → column that says whether the row's value was reported
    /// (`yes`) or filled in between reports (`no`). By default the column
    /// `<value column>_reported`, when the file has one.
    #[serde(default)]
    pub reported: BTreeMap<String, String>,
}

/// A sources manifest: metadata for documents that carry none, and datasets.
#[derive(Debug, Clone, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Manifest {
    #[serde(default)]
    pub documents: Vec<DocumentEntry>,
    #[serde(default)]
    pub datasets: Vec<DatasetEntry>,
    /// The directory the manifest's paths are relative to.
    #[serde(skip)]
    pub dir: PathBuf,
    /// The manifest file, for messages.
    #[serde(skip)]
    pub file: String,
    /// Document path (canonical, and as written joined to `dir`) → entry.
    #[serde(skip)]
    index: BTreeMap<PathBuf, usize>,
}

/// A path without `.` components, for matching paths of files that may not exist here.
fn lexical(p: &Path) -> PathBuf {
    p.components().filter(|c| !matches!(c, std::path::Component::CurDir)).collect()
}

pub const MANIFEST_NAME: &str = "sources.yaml";

impl Manifest {
    /// Read and validate a manifest; unknown keys are errors naming the line.
    pub fn load(path: &Path) -> Result<Manifest, Problem> {
        let display = super::load::display_path(path);
        let text = std::fs::read_to_string(path).map_err(|e| Problem::error(&display, e.to_string()))?;
        let mut m: Manifest = if text.trim().is_empty() {
            Manifest::default()
        } else {
            serde_yaml::from_str(&text).map_err(|e| {
                let (line, message) = crate::error::yaml_error(&e);
                let p = Problem::error(&display, format!("invalid sources manifest: {message}"));
                match line {
                    Some(l) => p.at_line(l),
                    None => p,
                }
            })?
        };
        m.dir = path.parent().map(Path::to_path_buf).unwrap_or_default();
        m.file = display;
        for (i, e) in m.documents.iter().enumerate() {
            let p = m.dir.join(&e.path);
            if let Ok(c) = p.canonicalize() {
                m.index.entry(c).or_insert(i);
            }
            m.index.entry(lexical(&p)).or_insert(i);
        }
        Ok(m)
    }

    /// Metadata for the document at `path`, if the manifest lists it.
    pub fn entry_for(&self, path: &Path) -> Option<MetaFields> {
        if self.index.is_empty() {
            return None;
        }
        // The path as written first: resolving links costs a system call per component.
        let i = match self.index.get(&lexical(path)) {
            Some(i) => i,
            None => self.index.get(&path.canonicalize().ok()?)?,
        };
        let e = &self.documents[*i];
        Some(MetaFields {
            title: e.title.clone(),
            publisher: e.publisher.clone(),
            author: e.author.clone(),
            url: e.url.clone(),
            published: e.published.as_deref().and_then(parse_date),
        })
    }

    /// Problems with the manifest's own entries (dates that do not parse).
    pub fn check(&self) -> Vec<Problem> {
        let mut out = Vec::new();
        for e in &self.documents {
            if let Some(p) = &e.published
                && parse_date(p).is_none()
            {
                out.push(Problem::warning(
                    &self.file,
                    format!("{}: `published: {p}` is not a date (YYYY-MM-DD)", e.path),
                ));
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn front_matter_is_split_and_parsed() {
        let text = "---\ntitle: A draft\npublished: 2024-03-21\ntags: [x]\n---\nBody 1,200.\n";
        let (yaml, range) = front_matter_block(text).unwrap();
        assert_eq!(&text[range.end..], "Body 1,200.\n");
        let mut problems = Vec::new();
        let m = parse_front_matter("a.md", yaml, &mut problems);
        assert_eq!(m.title.as_deref(), Some("A draft"));
        assert_eq!(m.published, parse_date("2024-03-21"));
        assert!(problems.is_empty());
    }

    #[test]
    fn plain_front_matter_is_read_without_the_yaml_parser() {
        let yaml = "title: \"Gaza: 'a' report # 1\"\npublisher: The Daily Ledger\n# a comment\n\npublished: 2024-10-25\r\nurl: https://example.org/a?b=c#d\n";
        assert_eq!(
            simple_front_matter(yaml),
            Some(vec![
                ("title", "Gaza: 'a' report # 1"),
                ("publisher", "The Daily Ledger"),
                ("published", "2024-10-25"),
                ("url", "https://example.org/a?b=c#d"),
            ])
        );
        // Each of these goes to the YAML parser.
        for yaml in [
            "title: A draft # with a comment\n",
            "title: \"an \\\"escape\\\"\"\n",
            "tags: [x]\n",
            "title: 1200\n",
            "title: true\n",
            "title:\n",
            "title: a\ntitle: b\n",
            "nested:\n  title: a\n",
            "title: a\n  continued\n",
            "- a list\n",
            "title: Gaza: a report\n",
            "title: 'it''s'\n",
        ] {
            assert_eq!(simple_front_matter(yaml), None, "{yaml:?}");
        }
    }

    proptest::proptest! {
        /// Whatever the shortcut reads, YAML reads the same.
        #[test]
        fn the_shortcut_agrees_with_yaml(
            lines in proptest::collection::vec(
                (
                    "(title|publisher|published|date|url|author|tags|x-y|True|_k)",
                    "( |  |)",
                    proptest::prop_oneof![
                        r#"[a-zA-Z0-9 :#'",.\-\[\]{}!&*|>@%?~é]{0,16}"#,
                        r"(true|False|NULL|null|nan|Infinity|yes|No|on|0x1F|1e3|12|\.5|~)",
                    ],
                    0..4u8,
                ),
                1..6,
            )
        ) {
            let yaml: String = lines
                .iter()
                .map(|(k, sp, v, quote)| match quote {
                    1 => format!("{k}:{sp}\"{v}\"\n"),
                    2 => format!("{k}:{sp}'{v}'\n"),
                    3 => format!("{k}:{sp}2024-10-2{}{v}\n", v.len() % 10),
                    _ => format!("{k}:{sp}{v}\n"),
                })
                .collect();
            if let Some(pairs) = simple_front_matter(&yaml) {
                let value: serde_yaml::Value = serde_yaml::from_str(&yaml).expect("YAML reads what the shortcut read");
                let mapping = value.as_mapping().expect("a mapping");
                proptest::prop_assert_eq!(mapping.len(), pairs.len());
                for (k, v) in pairs {
                    let read = value.get(k).and_then(yaml_string);
                    proptest::prop_assert_eq!(read.as_deref(), Some(v), "{}", yaml);
                }
            }
        }
    }

    #[test]
    fn malformed_front_matter_names_the_line() {
        let text = "---\ntitle: ok\npublished: [2024\n---\nBody\n";
        let (yaml, _) = front_matter_block(text).unwrap();
        let mut problems = Vec::new();
        parse_front_matter("a.md", yaml, &mut problems);
        assert_eq!(problems.len(), 1);
        assert!(problems[0].to_string().starts_with("error: a.md:4: malformed front matter"), "{}", problems[0]);
    }

    /// "title: Gaza war: the numbers": read as the rest of the line, with a
    /// warning naming the line, not an error that loses the date.
    #[test]
    fn an_unquoted_colon_in_a_value_is_a_warning() {
        let text = "---\ntitle: Gaza war: the numbers\npublished: 2024-03-01\npublisher: The Review\n---\nBody\n";
        let (yaml, _) = front_matter_block(text).unwrap();
        let mut problems = Vec::new();
        let m = parse_front_matter("a.md", yaml, &mut problems);
        assert_eq!(m.title.as_deref(), Some("Gaza war: the numbers"));
        assert_eq!(m.published, parse_date("2024-03-01"));
        assert_eq!(m.publisher.as_deref(), Some("The Review"));
        assert_eq!(problems.len(), 1);
        assert_eq!(
            problems[0].to_string(),
            "warning: a.md:2: front matter: the value of `title` holds \": \", which YAML does not allow unquoted; read as the rest of the line (quote it to be valid YAML)"
        );
        // Anything else malformed is still an error.
        let text = "---\ntitle: Gaza war: the numbers\npublished: [2024\n---\nBody\n";
        let (yaml, _) = front_matter_block(text).unwrap();
        let mut problems = Vec::new();
        assert_eq!(parse_front_matter("a.md", yaml, &mut problems).title, None);
        assert!(problems[0].to_string().starts_with("error: a.md:"), "{}", problems[0]);
    }

    #[test]
    fn fill_respects_trust_order() {
        let mut m = Meta::default();
        m.fill(&MetaFields { title: Some("A".into()), ..Default::default() }, DateSource::FrontMatter);
        m.fill(
            &MetaFields { title: Some("B".into()), published: parse_date("2024-01-02"), ..Default::default() },
            DateSource::Manifest,
        );
        assert_eq!(m.title.as_deref(), Some("A"));
        assert_eq!((m.published, m.date_source), (parse_date("2024-01-02"), DateSource::Manifest));
    }
}
