//! Claims files: the output of the map step (`figcheck extract --claims
//! --format jsonl`) and the input of the reduce step (`figcheck compare`).
//!
//! JSON Lines, one record per line, tagged by `type`: a `header`, then per
//! document a `document` record followed by its `claim` records, and the
//! `problem`s met reading it. Shards written anywhere (several processes,
//! several machines, a pipe step of a distributed engine) merge into the
//! same result as one run over all the documents: documents are put in
//! path order, and each document's claims keep the order they were written in.

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};
use std::io::{self, BufRead, Write};
use std::ops::Range;
use std::sync::Arc;

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::analysis::{Extracted, Gathered};
use crate::dates::Date;
use crate::document::{DateSource, DocumentInfo, Role};
use crate::error::{Level, Problem};
use crate::extract::{AsOf, AsOfSource, Attribution, Citation, Claim, ClaimEvent};
use crate::quantity::wire::kind_from;
use crate::quantity::{Interval, Qualifier, Quantity};
use crate::rules::RuleNames;

/// The format name and version in each file's header.
pub const SCHEMA: &str = "figcheck-claims/1";

/// One line of a claims file. Its text borrows from what it is written
/// from or read from: an archive has millions of lines.
#[derive(Debug, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "lowercase")]
pub enum Record<'a> {
    Header {
        schema: String,
    },
    #[serde(borrow)]
    Document(DocumentRecord<'a>),
    #[serde(borrow)]
    Claim(Box<ClaimLine<'a>>),
    Problem(ProblemRecord),
}

/// A document, with the number of claims that follow it.
#[derive(Debug, Serialize, Deserialize)]
pub struct DocumentRecord<'a> {
    #[serde(flatten)]
    pub info: Cow<'a, DocumentInfo>,
    pub claims: usize,
    /// Figures dropped by `figcheck-ignore` comments.
    pub suppressed: usize,
}

#[derive(Debug, Serialize, Deserialize)]
pub struct ProblemRecord {
    pub level: Level,
    pub path: String,
    pub line: Option<usize>,
    pub message: String,
}

fn line<W: Write + ?Sized>(out: &mut W, r: &Record<'_>) -> io::Result<()> {
    serde_json::to_writer(&mut *out, r)?;
    out.write_all(b"\n")
}

/// The header that starts a claims file.
pub fn write_header(out: &mut dyn Write) -> io::Result<()> {
    line(out, &Record::Header { schema: SCHEMA.to_string() })
}

/// One document's records: the document, its claims, its problems.
/// Into a buffer: a claim is written in many small pieces.
pub fn write_document(out: &mut Vec<u8>, e: &Extracted) -> io::Result<()> {
    line(
        out,
        &Record::Document(DocumentRecord {
            info: Cow::Borrowed(&*e.info),
            claims: e.claims.len(),
            suppressed: e.suppressed,
        }),
    )?;
    for c in &e.claims {
        line(out, &Record::Claim(Box::new(ClaimLine::from(c))))?;
    }
    Ok(())
}

/// Problems as records, so the reduce step can report them.
pub fn write_problems(out: &mut dyn Write, problems: &[Problem]) -> io::Result<()> {
    for p in problems {
        line(
            out,
            &Record::Problem(ProblemRecord {
                level: p.level,
                path: p.path.clone(),
                line: p.line,
                message: p.message.clone(),
            }),
        )?;
    }
    Ok(())
}

/// A claim as one flat record: what `figcheck extract --claims` shows a
/// reader (location, metric, figure, value, as of, attribution, sentence)
/// and everything `compare` needs to rebuild the claim exactly.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClaimLine<'a> {
    #[serde(borrow)]
    pub path: Cow<'a, str>,
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
    /// Byte span of the figure in the file.
    pub span: Range<usize>,
    #[serde(borrow)]
    pub rule: Cow<'a, str>,
    #[serde(borrow)]
    pub metric: Cow<'a, str>,
    #[serde(borrow)]
    pub text: Cow<'a, str>,
    #[serde(borrow)]
    pub kind: Cow<'a, str>,
    pub value: f64,
    pub qualifier: Qualifier,
    pub range_hi: Option<f64>,
    pub step: f64,
    /// The values the claim allows.
    pub interval: Interval,
    #[serde(borrow)]
    pub unit: Option<Cow<'a, str>>,
    pub as_of: Option<Date>,
    pub as_of_source: AsOfSource,
    #[serde(borrow)]
    pub as_of_text: Option<Cow<'a, str>>,
    pub as_of_earlier_sentence: bool,
    /// The first day of a period the figure is dated by ("in early November").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub as_of_from: Option<Date>,
    /// The authority id, else the name: what claims are grouped by.
    #[serde(borrow)]
    pub attribution: Option<Cow<'a, str>>,
    #[serde(borrow)]
    pub attribution_id: Option<Cow<'a, str>>,
    #[serde(borrow)]
    pub attribution_name: Option<Cow<'a, str>>,
    #[serde(borrow)]
    pub attribution_text: Option<Cow<'a, str>>,
    pub role: Role,
    #[serde(borrow)]
    pub sentence: Cow<'a, str>,
    pub sentence_index: usize,
    /// Byte span of the figure in the document's text (differs from `span` for HTML).
    pub text_span: Range<usize>,
    /// Where in the text the figure this one is part of starts ("18, including four").
    pub within: Option<usize>,
    /// The name of the single event the figure counts (`event:` rules).
    #[serde(default, borrow, skip_serializing_if = "Option::is_none")]
    pub event: Option<Cow<'a, str>>,
    /// Where in the text an event introduced without a name starts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event_at: Option<usize>,
    /// The digits as written around a figure read out of a malformed run ("3,0320").
    #[serde(default, borrow, skip_serializing_if = "Option::is_none")]
    pub malformed: Option<Cow<'a, str>>,
    #[serde(borrow)]
    pub title: Option<Cow<'a, str>>,
    #[serde(borrow)]
    pub publisher: Option<Cow<'a, str>>,
    pub published: Option<Date>,
    pub date_source: DateSource,
    #[serde(borrow)]
    pub url: Option<Cow<'a, str>>,
}

impl<'a> From<&'a Claim> for ClaimLine<'a> {
    fn from(c: &'a Claim) -> ClaimLine<'a> {
        let q = &c.quantity;
        let a = c.attribution.as_ref();
        let t = &c.citation;
        ClaimLine {
            path: Cow::Borrowed(t.path()),
            line: t.line as usize,
            column: t.column as usize,
            end_line: t.end_line as usize,
            end_column: t.end_column as usize,
            span: t.file_span(),
            rule: Cow::Borrowed(c.rule()),
            metric: Cow::Borrowed(c.metric()),
            text: Cow::Borrowed(&q.text),
            kind: Cow::Borrowed(q.kind.name()),
            value: q.value,
            qualifier: q.qualifier,
            range_hi: q.range_hi,
            step: q.step,
            interval: c.interval(),
            unit: q.unit.as_deref().map(Cow::Borrowed),
            as_of: c.as_of.date,
            as_of_source: c.as_of.source,
            as_of_text: c.as_of.text.as_deref().map(Cow::Borrowed),
            as_of_earlier_sentence: c.as_of.from_earlier_sentence,
            as_of_from: c.as_of.earliest,
            attribution: a.map(|a| Cow::Borrowed(a.key())),
            attribution_id: a.and_then(|a| a.id.as_deref()).map(Cow::Borrowed),
            attribution_name: a.map(|a| Cow::Borrowed(a.name.as_str())),
            attribution_text: a.map(|a| Cow::Borrowed(a.text.as_str())),
            role: c.role,
            sentence: Cow::Borrowed(&t.sentence),
            sentence_index: c.sentence as usize,
            text_span: q.span.clone(),
            within: c.within.map(|w| w as usize),
            event: c.event_name().map(|e| Cow::Borrowed(&**e)),
            event_at: c.event_at().map(|a| a as usize),
            malformed: c.malformed.as_deref().map(Cow::Borrowed),
            title: t.title().map(Cow::Borrowed),
            publisher: t.publisher().map(Cow::Borrowed),
            published: t.published(),
            date_source: t.date_source(),
            url: t.url().map(Cow::Borrowed),
        }
    }
}

impl ClaimLine<'_> {
    /// The claim, citing `document` (the record this line follows), its
    /// names, sentence and source shared through `shared` as extraction shares them.
    fn into_claim(self, document: &Arc<DocumentInfo>, shared: &mut Shared) -> Result<Claim, String> {
        let l = self;
        let kind = kind_from(&l.kind, l.unit.as_deref())?;
        let attribution = match (l.attribution_name, l.attribution_text) {
            (Some(name), Some(text)) => Some(crate::extract::shared(
                &mut shared.sources,
                Attribution {
                    id: l.attribution_id.map(Cow::into_owned),
                    name: name.into_owned(),
                    text: text.into_owned(),
                },
            )),
            (None, None) => None,
            _ => return Err("`attribution_name` and `attribution_text` go together".into()),
        };
        Ok(Claim {
            names: shared.rule(&l.rule, &l.metric),
            quantity: Quantity {
                span: l.text_span,
                text: (*l.text).into(),
                value: l.value,
                kind,
                qualifier: l.qualifier,
                range_hi: l.range_hi,
                step: l.step,
                interval: Some(l.interval),
                unit: l.unit.as_deref().map(Into::into),
            },
            as_of: AsOf {
                date: l.as_of,
                source: l.as_of_source,
                text: l.as_of_text.map(Into::into),
                from_earlier_sentence: l.as_of_earlier_sentence,
                earliest: l.as_of_from,
            },
            attribution,
            citation: Citation {
                document: Arc::clone(document),
                line: u32::try_from(l.line).map_err(|_| "`line` is too large")?,
                column: u32::try_from(l.column).map_err(|_| "`column` is too large")?,
                end_line: u32::try_from(l.end_line).map_err(|_| "`end_line` is too large")?,
                end_column: u32::try_from(l.end_column).map_err(|_| "`end_column` is too large")?,
                span: u32::try_from(l.span.start).map_err(|_| "`span` is too large")?
                    ..u32::try_from(l.span.end).map_err(|_| "`span` is too large")?,
                sentence: shared.sentence(&l.sentence),
            },
            role: l.role,
            sentence: u32::try_from(l.sentence_index).map_err(|_| "`sentence_index` is too large")?,
            within: l.within.map(u32::try_from).transpose().map_err(|_| "`within` is too large")?,
            event: match (l.event, l.event_at) {
                (Some(name), _) => Some(Box::new(ClaimEvent::Named(shared.name(&name)))),
                (None, Some(at)) => {
                    Some(Box::new(ClaimEvent::Unnamed(u32::try_from(at).map_err(|_| "`event_at` is too large")?)))
                }
                (None, None) => None,
            },
            malformed: l.malformed.map(|m| m.into()),
        })
    }
}

/// What the claims of an archive have in common, kept once as extraction
/// keeps it: rule ids and metrics across files; within a document, the
/// sentence of consecutive claims and the sources.
#[derive(Debug, Default)]
struct Shared {
    names: BTreeSet<Arc<str>>,
    rules: Vec<Arc<RuleNames>>,
    sentence: Option<Arc<str>>,
    sources: Vec<Arc<Attribution>>,
}

impl Shared {
    fn name(&mut self, name: &str) -> Arc<str> {
        if let Some(n) = self.names.get(name) {
            return Arc::clone(n);
        }
        let n: Arc<str> = name.into();
        self.names.insert(Arc::clone(&n));
        n
    }

    /// A rule's id and metric, one copy of each pair for all claims.
    fn rule(&mut self, id: &str, metric: &str) -> Arc<RuleNames> {
        if let Some(r) = self.rules.iter().find(|r| *r.id == *id && *r.metric == *metric) {
            return Arc::clone(r);
        }
        let r = Arc::new(RuleNames { id: self.name(id), metric: self.name(metric) });
        self.rules.push(Arc::clone(&r));
        r
    }

    fn sentence(&mut self, text: &str) -> Arc<str> {
        match &self.sentence {
            Some(s) if **s == *text => Arc::clone(s),
            _ => Arc::clone(self.sentence.insert(text.into())),
        }
    }

    /// A new document: sentences and sources are shared within one only.
    fn next_document(&mut self) {
        self.sentence = None;
        self.sources.clear();
    }
}

/// Claims files merged: documents in path order with their claims, and
/// the problems recorded in the files or met reading them.
#[derive(Debug, Default)]
pub struct Merged {
    pub problems: Vec<Problem>,
    /// Every document read, with the range of its claims in `claims`.
    documents: Vec<(Arc<DocumentInfo>, Range<usize>)>,
    /// All claims in one vector, as read: a vector per document would be
    /// copied into one for comparing, doubling the peak memory.
    claims: Vec<Claim>,
    suppressed: usize,
    /// Document path → the file and line of its record.
    seen: BTreeMap<String, (String, usize)>,
    shared: Shared,
}

/// Bytes of a claims file parsed at a time: a few thousand claims, for
/// the threads to share, held once more as records while they are taken.
const CHUNK: usize = 4 << 20;

/// Where the reading of one claims file is.
struct Reading<'d> {
    display: &'d str,
    seen_header: bool,
    open: Option<Open>,
    /// The file is not a claims file: the rest is not read.
    done: bool,
}

/// A document being read, and where its record was.
struct Open {
    document: Arc<DocumentInfo>,
    /// Where its claims start in `Merged::claims`.
    start: usize,
    suppressed: usize,
    expected: usize,
    at: (String, usize),
}

impl Merged {
    /// Read one claims file (`display` names it in messages). Bad lines
    /// are problems naming the file and line; the rest is read. The lines
    /// are parsed in chunks, each on all threads, and taken in order.
    pub fn read(&mut self, display: &str, reader: impl BufRead) {
        self.read_in_chunks(display, reader, CHUNK);
    }

    /// `read`, parsing about `size` bytes of lines at a time.
    fn read_in_chunks(&mut self, display: &str, mut reader: impl BufRead, size: usize) {
        let mut state = Reading { display, seen_header: false, open: None, done: false };
        let mut chunk: Vec<u8> = Vec::with_capacity(size.min(CHUNK) + (64 << 10));
        let mut first_line = 1;
        while !state.done {
            chunk.clear();
            // Whole lines up to about `size` bytes; an error ends the file
            // after the lines before it.
            let mut failed = None;
            while chunk.len() < size {
                match reader.read_until(b'\n', &mut chunk) {
                    Ok(0) => break,
                    Ok(_) => {}
                    Err(e) => {
                        failed = Some(e);
                        break;
                    }
                }
            }
            if failed.is_some() {
                // The line the error cut short is not read.
                let whole = chunk.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
                chunk.truncate(whole);
            } else if chunk.is_empty() {
                break;
            }
            let lines: Vec<&[u8]> = chunk.split_inclusive(|&b| b == b'\n').collect();
            let parsed: Vec<Option<serde_json::Result<Record<'_>>>> = lines
                .par_iter()
                .map(|line| {
                    let text = line.strip_suffix(b"\n").unwrap_or(line);
                    (!text.iter().all(u8::is_ascii_whitespace)).then(|| serde_json::from_slice(text))
                })
                .collect();
            let count = lines.len();
            for (k, record) in parsed.into_iter().enumerate() {
                if state.done {
                    break;
                }
                if let Some(record) = record {
                    self.take(&mut state, first_line + k, record);
                }
            }
            first_line += count;
            if state.done {
                break;
            }
            if let Some(e) = failed {
                self.problems.push(Problem::error(display, format!("cannot be read: {e}")).at_line(first_line));
                break;
            }
        }
        self.close(state.open.take(), display);
    }

    /// Report `message` at line `n` and read no more of the file.
    fn give_up(&mut self, state: &mut Reading<'_>, message: String, n: usize) {
        self.problems.push(Problem::error(state.display, message).at_line(n));
        state.done = true;
    }

    /// Take the record of line `n`.
    fn take(&mut self, state: &mut Reading<'_>, n: usize, record: serde_json::Result<Record<'_>>) {
        let display = state.display;
        let record = match record {
            Ok(r) => r,
            Err(e) if !state.seen_header => {
                let hint = "write one with `figcheck extract --claims --format jsonl`";
                return self.give_up(state, format!("not a claims file ({hint}): {e}"), n);
            }
            Err(e) => {
                self.problems.push(Problem::error(display, format!("not a claims record: {e}")).at_line(n));
                return;
            }
        };
        if !state.seen_header && !matches!(record, Record::Header { .. }) {
            return self.give_up(state, "not a claims file: it does not start with a `header` record".into(), n);
        }
        match record {
            Record::Header { schema } => {
                if schema != SCHEMA {
                    return self.give_up(
                        state,
                        format!("claims file of schema `{schema}`; this figcheck reads `{SCHEMA}`"),
                        n,
                    );
                }
                state.seen_header = true;
            }
            Record::Document(d) => {
                self.close(state.open.take(), display);
                let path = d.info.path.clone();
                if let Some((file, line)) = self.seen.get(&path) {
                    self.problems.push(
                        Problem::error(
                            display,
                            format!("document `{path}` was already read from {file}:{line}; this copy is ignored"),
                        )
                        .at_line(n),
                    );
                    return;
                }
                self.seen.insert(path, (display.to_string(), n));
                let document = Arc::new(d.info.into_owned());
                self.shared.next_document();
                self.claims.reserve(d.claims.min(1 << 16));
                state.open = Some(Open {
                    document,
                    start: self.claims.len(),
                    suppressed: d.suppressed,
                    expected: d.claims,
                    at: (display.to_string(), n),
                });
            }
            Record::Claim(line) => {
                let path = line.path.clone();
                match &mut state.open {
                    Some(o) if o.document.path == path => match line.into_claim(&o.document, &mut self.shared) {
                        Ok(c) => self.claims.push(c),
                        Err(e) => {
                            self.problems.push(Problem::error(display, format!("not a claims record: {e}")).at_line(n))
                        }
                    },
                    // A claim of a duplicate document, already reported.
                    _ if self.seen.contains_key(&*path) => {}
                    _ => self.problems.push(
                        Problem::error(display, format!("claim of `{path}` without its document record before it"))
                            .at_line(n),
                    ),
                }
            }
            Record::Problem(p) => {
                self.problems.push(Problem { level: p.level, path: p.path, line: p.line, message: p.message })
            }
        }
    }

    fn close(&mut self, open: Option<Open>, display: &str) {
        let Some(o) = open else { return };
        let found = self.claims.len() - o.start;
        if found != o.expected {
            self.problems.push(
                Problem::error(
                    display,
                    format!(
                        "document `{}` lists {} claims but {} follow it: the file was cut short or edited",
                        o.document.path, o.expected, found
                    ),
                )
                .at_line(o.at.1),
            );
        }
        self.suppressed += o.suppressed;
        self.documents.push((o.document, o.start..self.claims.len()));
    }

    /// Documents in path order with their claims, as a run over all of
    /// them would have them, and the problems met.
    pub fn finish(self) -> (Gathered, Vec<Problem>) {
        let Merged { problems, mut documents, mut claims, suppressed, .. } = self;
        // Paths are unique: a second copy of a document is not read.
        if !documents.is_sorted_by(|a, b| a.0.path < b.0.path) {
            documents.sort_by(|a, b| a.0.path.cmp(&b.0.path));
            // Where each claim goes, then every cycle of moves done in place.
            let mut target = vec![0; claims.len()];
            for (to, from) in documents.iter().flat_map(|(_, r)| r.clone()).enumerate() {
                target[from] = to;
            }
            for i in 0..claims.len() {
                while target[i] != i {
                    let t = target[i];
                    claims.swap(i, t);
                    target.swap(i, t);
                }
            }
        }
        let documents = documents.into_iter().map(|(d, _)| d).collect();
        (Gathered::new(documents, claims, suppressed), problems)
    }
}

#[cfg(test)]
mod tests {
    use std::io::{self, Read};

    use super::Merged;

    /// The seeds' claims file, as `extract --claims` writes it.
    fn seeds_claims() -> Vec<u8> {
        let mut stdout = Vec::new();
        let mut io = crate::Io {
            stdin: &mut io::empty(),
            stdout: &mut stdout,
            stderr: &mut io::sink(),
            stdout_is_terminal: false,
            stderr_is_terminal: false,
        };
        crate::run(["figcheck", "extract", "--claims", "seeds"], &mut io);
        stdout
    }

    /// What a read gives: the claims and the problems, as text.
    fn merged(read: impl FnOnce(&mut Merged)) -> (String, String) {
        let mut m = Merged::default();
        read(&mut m);
        let (gathered, problems) = m.finish();
        (format!("{:?}", gathered.claims()), format!("{problems:?}"))
    }

    /// Lines parsed a few at a time, one at a time or all at once, and a
    /// blank line and a bad one among them: the same claims and the same
    /// problems on the same lines.
    #[test]
    fn chunks_of_any_size_read_alike() {
        let mut text = seeds_claims();
        let lines = text.iter().filter(|&&b| b == b'\n').count();
        assert!(lines > 20, "{lines}");
        // A blank line and a broken record after the header.
        let second = text.iter().position(|&b| b == b'\n').unwrap() + 1;
        text.splice(second..second, b"\n{\"type\": \"claim\"\n".iter().copied());
        let whole = merged(|m| m.read_in_chunks("c.jsonl", &text[..], usize::MAX));
        assert!(
            whole.0.len() > 1000 && whole.1.contains("c.jsonl") && whole.1.contains("line: Some(3)"),
            "{}",
            whole.1
        );
        for size in [1, 100, 3000] {
            assert_eq!(merged(|m| m.read_in_chunks("c.jsonl", &text[..], size)), whole, "chunks of {size} bytes");
        }
    }

    /// A reader that fails part way through a line.
    struct Failing<'a>(&'a [u8]);

    impl Read for Failing<'_> {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            if self.0.is_empty() {
                return Err(io::Error::other("disk gone"));
            }
            let n = self.0.read(buf)?;
            Ok(n)
        }
    }

    /// The lines before a read error are read; the error names the line it
    /// cut, which is not read.
    #[test]
    fn a_read_error_keeps_the_lines_before_it() {
        let text = seeds_claims();
        let starts: Vec<usize> = text.iter().enumerate().filter(|(_, b)| **b == b'\n').map(|(i, _)| i + 1).collect();
        // Ten whole lines, then half of the eleventh.
        let cut = starts[9] + (starts[10] - starts[9]) / 2;
        for size in [1, 4 << 20] {
            let (claims, problems) =
                merged(|m| m.read_in_chunks("c.jsonl", io::BufReader::with_capacity(64, Failing(&text[..cut])), size));
            let (before, _) = merged(|m| m.read_in_chunks("c.jsonl", &text[..starts[9]], size));
            assert_eq!(claims, before);
            assert!(
                problems.contains("cannot be read: disk gone") && problems.contains("line: Some(11)"),
                "{problems}"
            );
        }
    }
}
