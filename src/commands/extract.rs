//! `figcheck extract`: the figures, claims or rule explanations of documents.
//!
//! Streamed: documents are read and extracted in parallel a chunk at a
//! time and their output is written in input order before the next chunk
//! is read, so memory holds a chunk of documents, never the corpus. Only
//! the aligned tables, which need every row to size their columns, keep
//! their rows until the end.

use std::io::{self, BufRead};

use rayon::prelude::*;

use crate::Io;
use crate::analysis::{self, extract_document};
use crate::claims_file;
use crate::cli::{ExtractArgs, ExtractFormat, StdinFormat};
use crate::dates::Date;
use crate::document::load::{self, Input, Limits, Manifests};
use crate::document::{Document, MetaFields, jsonl};
use crate::error::{ExitStatus, Problem};
use crate::quantity::{Quantity, Recognizer};
use crate::report;
use crate::report::quantities::QuantityRecord;
use crate::rules::RulePack;

/// Documents handed to the thread pool at a time.
const CHUNK: usize = 256;

/// What is printed for each document.
#[derive(Clone, Copy)]
enum Mode<'a> {
    Figures { all: bool, table: bool },
    Claims { pack: &'a RulePack, table: bool },
    Explain { pack: &'a RulePack },
}

/// A document to read.
enum Unit {
    File(Input, Option<MetaFields>),
    Text(String),
    /// A line of JSON Lines documents on standard input.
    Record(usize, Vec<u8>),
}

/// One document's output.
#[derive(Default)]
struct Output {
    bytes: Vec<u8>,
    figure_rows: Vec<[String; 6]>,
    claim_rows: Vec<[String; 7]>,
    problems: Vec<Problem>,
    /// The file read, when the document is one.
    file: Option<load::FileId>,
}

fn build(
    unit: Unit,
    limits: &Limits,
    published: Option<Date>,
    manifests: &Manifests,
    out: &mut Output,
) -> Option<Document> {
    let problems = &mut out.problems;
    let mut doc = match unit {
        Unit::File(input, entry) => {
            let loaded = load::load_one(&input, None, entry, limits, problems);
            out.file = loaded.file;
            loaded.document
        }
        Unit::Text(text) => Some(Document::new("<stdin>", text)),
        Unit::Record(line, bytes) => jsonl::parse("<stdin>", line, &bytes, |p| manifests.extra_entry(p), problems),
    }?;
    doc.meta.assume_published(published);
    Some(doc)
}

fn render(doc: &Document, mode: Mode<'_>, out: &mut Output) -> io::Result<()> {
    match mode {
        Mode::Figures { all, table } => {
            let mut qs = Recognizer::english().recognize(&doc.text);
            if !all {
                qs.retain(Quantity::is_count);
            }
            let records: Vec<QuantityRecord<'_>> = qs.iter().map(|q| QuantityRecord::new(doc, q)).collect();
            if table {
                out.figure_rows = report::quantities::table_rows(&records);
            } else {
                report::quantities::write_jsonl(&mut out.bytes, &records)?;
            }
        }
        Mode::Claims { pack, table } => {
            let e = extract_document(doc, pack);
            if table {
                out.claim_rows = report::claims::table_rows(&e.claims);
            } else {
                claims_file::write_document(&mut out.bytes, &e)?;
            }
        }
        Mode::Explain { pack } => {
            let qs = Recognizer::english().recognize(&doc.text);
            report::explain::write(&mut out.bytes, doc, &qs, pack)?;
        }
    }
    Ok(())
}

/// Read, extract and render a chunk of units in parallel; outputs in order.
fn process(
    units: Vec<Unit>,
    mode: Mode<'_>,
    limits: &Limits,
    published: Option<Date>,
    manifests: &Manifests,
) -> Vec<Output> {
    units
        .into_par_iter()
        .map(|unit| {
            let mut out = Output::default();
            if let Some(doc) = build(unit, limits, published, manifests, &mut out)
                && let Err(e) = render(&doc, mode, &mut out)
            {
                out.problems.push(Problem::error(&doc.path, format!("cannot be rendered: {e}")));
            }
            out
        })
        .collect()
}

/// Where outputs go, in order.
struct Sink<'a> {
    stdout: &'a mut dyn io::Write,
    claims_file: bool,
    explain: bool,
    written: usize,
    figure_rows: Vec<[String; 6]>,
    claim_rows: Vec<[String; 7]>,
    problems: Vec<Problem>,
    taken: analysis::Taken,
}

impl Sink<'_> {
    fn take(&mut self, outputs: Vec<Output>) -> io::Result<()> {
        for o in outputs {
            // A file reached again by another path: printed once.
            if !self.taken.first(o.file) {
                continue;
            }
            if !o.bytes.is_empty() {
                if self.explain && self.written > 0 {
                    writeln!(self.stdout)?;
                }
                self.stdout.write_all(&o.bytes)?;
                self.written += 1;
            }
            if self.claims_file {
                claims_file::write_problems(self.stdout, &o.problems)?;
            }
            self.figure_rows.extend(o.figure_rows);
            self.claim_rows.extend(o.claim_rows);
            self.problems.extend(o.problems);
        }
        Ok(())
    }
}

pub(crate) fn run(args: ExtractArgs, io: &mut Io<'_>) -> io::Result<ExitStatus> {
    let loaded = if args.claims || args.explain {
        match super::rules::load_pack(&args.rules, io)? {
            Some(p) => Some(p),
            None => return Ok(ExitStatus::Error),
        }
    } else {
        None
    };
    let table = args.format == ExtractFormat::Table;
    let mode = match &loaded {
        Some(l) if args.explain => Mode::Explain { pack: &l.pack },
        Some(l) => Mode::Claims { pack: &l.pack, table },
        None => Mode::Figures { all: args.all, table },
    };
    let limits = super::check::limits(&args.read);
    let pool = super::check::pool(args.read.jobs)?;
    let mut problems = Vec::new();
    let plan = pool.install(|| analysis::plan(&args.paths, &args.sources, &mut problems));
    let manifests = plan.manifests;
    let claims_file = matches!(mode, Mode::Claims { table: false, .. });
    if claims_file {
        claims_file::write_header(io.stdout)?;
        claims_file::write_problems(io.stdout, &problems)?;
    }
    let reads_stdin = args.paths.iter().any(|p| p.as_os_str() == "-");
    let Io { stdin, stdout, stderr, .. } = io;
    let mut sink = Sink {
        stdout: &mut **stdout,
        claims_file,
        explain: matches!(mode, Mode::Explain { .. }),
        written: 0,
        figure_rows: Vec::new(),
        claim_rows: Vec::new(),
        problems,
        taken: analysis::Taken::default(),
    };
    let run_chunk = |units: Vec<Unit>| pool.install(|| process(units, mode, &limits, args.read.published, &manifests));
    match (reads_stdin, args.stdin_format) {
        (false, _) => {}
        (true, StdinFormat::Text) => {
            let text = load::read_stdin(&mut **stdin, &mut sink.problems);
            sink.take(run_chunk(text.map(Unit::Text).into_iter().collect()))?;
        }
        (true, StdinFormat::Jsonl) => {
            // A chunk of lines at a time: standard input may be endless.
            let mut reader = io::BufReader::new(&mut **stdin);
            let mut n = 0;
            let mut chunk = Vec::with_capacity(CHUNK);
            loop {
                let mut buf = Vec::new();
                match reader.read_until(b'\n', &mut buf) {
                    Ok(0) => break,
                    Ok(_) => {
                        n += 1;
                        if !buf.iter().all(u8::is_ascii_whitespace) {
                            chunk.push(Unit::Record(n, buf));
                        }
                    }
                    Err(e) => {
                        sink.problems.push(Problem::error("<stdin>", format!("cannot be read: {e}")).at_line(n + 1));
                        break;
                    }
                }
                if chunk.len() == CHUNK {
                    sink.take(run_chunk(std::mem::take(&mut chunk)))?;
                }
            }
            sink.take(run_chunk(chunk))?;
        }
    }
    for chunk in plan.inputs.chunks(CHUNK) {
        let units: Vec<Unit> = chunk.iter().map(|(i, e)| Unit::File(i.clone(), e.clone())).collect();
        sink.take(run_chunk(units))?;
    }
    if matches!(mode, Mode::Figures { table: true, .. }) {
        report::write_aligned(sink.stdout, &report::quantities::TABLE_HEADER, &sink.figure_rows)?;
    }
    if matches!(mode, Mode::Claims { table: true, .. }) {
        report::write_aligned(sink.stdout, &report::claims::TABLE_HEADER, &sink.claim_rows)?;
    }
    sink.stdout.flush()?;
    let mut problems = std::mem::take(&mut sink.problems);
    let failed = super::report_problems(&mut problems, &mut **stderr)?;
    let rules_failed = loaded.as_ref().is_some_and(|l| l.failed);
    Ok(if failed || rules_failed { ExitStatus::Error } else { ExitStatus::Clean })
}
