//! `figcheck extract`: the figures found in documents, one record per line.

use std::io;

use rayon::prelude::*;

use crate::Io;
use crate::cli::{ExtractArgs, ExtractFormat};
use crate::document::{Document, load};
use crate::error::{ExitStatus, Problem};
use crate::quantity::{Quantity, Recognizer};
use crate::report::quantities::{QuantityRecord, write_jsonl, write_table};

/// Read the documents named by `paths` (`-` for standard input).
pub(crate) fn load_documents(
    paths: &[std::path::PathBuf],
    io: &mut Io<'_>,
    problems: &mut Vec<Problem>,
) -> Vec<Document> {
    let stdin = paths.iter().any(|p| p.as_os_str() == "-");
    let files: Vec<_> = paths.iter().filter(|p| p.as_os_str() != "-").cloned().collect();
    let mut docs = Vec::new();
    if stdin && let Some(text) = load::read_stdin(io.stdin, problems) {
        docs.push(Document::new("<stdin>", text));
    }
    let inputs = load::gather(&files, problems);
    let read: Vec<(Option<Document>, Vec<Problem>)> = inputs
        .par_iter()
        .map(|input| {
            let mut p = Vec::new();
            let doc = load::read(input, &mut p).map(|text| Document::new(input.display.clone(), text));
            (doc, p)
        })
        .collect();
    for (doc, p) in read {
        problems.extend(p);
        docs.extend(doc);
    }
    docs
}

pub(crate) fn run(args: ExtractArgs, io: &mut Io<'_>) -> io::Result<ExitStatus> {
    let mut problems = Vec::new();
    let docs = load_documents(&args.paths, io, &mut problems);
    let recognizer = Recognizer::english();
    let found: Vec<Vec<Quantity>> = docs
        .par_iter()
        .map(|d| {
            let mut qs = recognizer.recognize(&d.text);
            if !args.all {
                qs.retain(Quantity::is_count);
            }
            qs
        })
        .collect();
    let records: Vec<QuantityRecord<'_>> =
        docs.iter().zip(&found).flat_map(|(d, qs)| qs.iter().map(move |q| QuantityRecord::new(d, q))).collect();
    match args.format {
        ExtractFormat::Jsonl => write_jsonl(io.stdout, &records)?,
        ExtractFormat::Table => write_table(io.stdout, &records)?,
    }
    io.stdout.flush()?;
    let failed = super::report_problems(&mut problems, io.stderr)?;
    Ok(if failed { ExitStatus::Error } else { ExitStatus::Clean })
}
