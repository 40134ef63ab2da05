//! Documents sent as JSON Lines, one `{"path": …, "text": …}` object per
//! line: how a pipe step of a distributed engine (Spark's `RDD.pipe`, a
//! Beam or Flink stage) hands figcheck many documents through one
//! standard input.

use std::path::Path;

use serde::Deserialize;

use super::{Document, Format, MetaFields};
use crate::dates::parse_date;
use crate::error::Problem;

/// One document record.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Record {
    path: String,
    text: String,
    /// `text`, `markdown` or `html`; by default from the path's extension.
    #[serde(default)]
    format: Option<Format>,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    publisher: Option<String>,
    #[serde(default)]
    author: Option<String>,
    #[serde(default)]
    url: Option<String>,
    /// `YYYY-MM-DD`, or an RFC 3339 timestamp.
    #[serde(default)]
    published: Option<String>,
}

/// Build the document of line `line` of `source` (`<stdin>`). Metadata in
/// the record wins over `manifest`'s entry for the path; the text's own
/// front matter wins over both.
pub fn parse(
    source: &str,
    line: usize,
    bytes: &[u8],
    manifest: impl Fn(&Path) -> Option<MetaFields>,
    problems: &mut Vec<Problem>,
) -> Option<Document> {
    let r: Record = match serde_json::from_slice(bytes) {
        Ok(r) => r,
        Err(e) => {
            problems.push(Problem::error(source, format!("not a document record: {e}")).at_line(line));
            return None;
        }
    };
    let published = match r.published.as_deref().map(|p| (p, parse_date(p))) {
        Some((p, None)) => {
            problems.push(Problem::warning(&r.path, format!("`published: {p}` is not a date (YYYY-MM-DD)")));
            None
        }
        Some((_, d)) => d,
        None => None,
    };
    let given = MetaFields { title: r.title, publisher: r.publisher, author: r.author, url: r.url, published };
    let from_manifest = manifest(Path::new(&r.path)).unwrap_or_default();
    let meta = MetaFields {
        title: given.title.or(from_manifest.title),
        publisher: given.publisher.or(from_manifest.publisher),
        author: given.author.or(from_manifest.author),
        url: given.url.or(from_manifest.url),
        published: given.published.or(from_manifest.published),
    };
    let format = r.format.unwrap_or_else(|| Format::of(Path::new(&r.path)));
    if r.text.is_empty() {
        problems.push(Problem::error(&r.path, "empty document, skipped"));
        return None;
    }
    Some(Document::build(r.path, format, r.text, Some(meta), problems))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_become_documents() {
        let mut p = Vec::new();
        let line = br#"{"path":"a/b.md","text":"---\ntitle: T\n---\nAbout 1,200 died.\n","publisher":"The Daily","published":"2024-03-21"}"#;
        let d = parse("<stdin>", 1, line, |_| None, &mut p).unwrap();
        assert_eq!((d.path.as_str(), d.format), ("a/b.md", Format::Markdown));
        assert_eq!(d.meta.title.as_deref(), Some("T"));
        assert_eq!(d.meta.publisher.as_deref(), Some("The Daily"));
        assert_eq!(d.meta.published, parse_date("2024-03-21"));
        assert!(p.is_empty(), "{p:?}");
    }

    #[test]
    fn a_bad_record_names_its_line() {
        let mut p = Vec::new();
        assert!(parse("<stdin>", 7, br#"{"path":"a.txt"}"#, |_| None, &mut p).is_none());
        assert!(
            p[0].to_string().starts_with("error: <stdin>:7: not a document record: missing field `text`"),
            "{}",
            p[0]
        );
        assert!(parse("<stdin>", 8, br#"{"path":"a.txt","text":"x","size":3}"#, |_| None, &mut p).is_none());
        assert!(p[1].to_string().contains("unknown field `size`"), "{}", p[1]);
    }
}
