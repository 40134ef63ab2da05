//! `figcheck check`: the main job over a corpus.

use std::io;

use rayon::prelude::*;

use crate::Io;
use crate::cli::CheckArgs;
use crate::error::ExitStatus;
use crate::quantity::{Quantity, Recognizer};
use crate::report::quantities::{QuantityRecord, write_table};

pub(crate) fn run(args: CheckArgs, io: &mut Io<'_>) -> io::Result<ExitStatus> {
    let mut problems = Vec::new();
    let docs = crate::document::load::load(&args.paths, io.stdin, &mut problems).documents;
    let recognizer = Recognizer::english();
    let found: Vec<Vec<Quantity>> = docs
        .par_iter()
        .map(|d| recognizer.recognize(&d.text).into_iter().filter(Quantity::is_count).collect())
        .collect();
    let mut total = 0;
    for (doc, qs) in docs.iter().zip(&found) {
        writeln!(io.stdout, "{} ({} figures)", doc.path, qs.len())?;
        let records: Vec<_> = qs.iter().map(|q| QuantityRecord::new(doc, q)).collect();
        write_table(io.stdout, &records)?;
        writeln!(io.stdout)?;
        total += qs.len();
    }
    writeln!(io.stdout, "{} documents, {} figures", docs.len(), total)?;
    io.stdout.flush()?;
    let failed = super::report_problems(&mut problems, io.stderr)?;
    Ok(if failed { ExitStatus::Error } else { ExitStatus::Clean })
}
