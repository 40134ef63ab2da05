//! `figcheck extract`: the figures found in documents, one record per line.

use std::io;

use rayon::prelude::*;

use crate::Io;
use crate::cli::{ExtractArgs, ExtractFormat};
use crate::document::load;
use crate::error::ExitStatus;
use crate::quantity::{Quantity, Recognizer};
use crate::report::quantities::{QuantityRecord, write_jsonl, write_table};

pub(crate) fn run(args: ExtractArgs, io: &mut Io<'_>) -> io::Result<ExitStatus> {
    let mut problems = Vec::new();
    let docs = load::load(&args.paths, io.stdin, &mut problems).documents;
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
