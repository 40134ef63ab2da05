//! `figcheck extract`: the figures, claims or rule explanations of documents.

use std::io;

use rayon::prelude::*;

use crate::Io;
use crate::cli::{ExtractArgs, ExtractFormat};
use crate::document::load;
use crate::error::ExitStatus;
use crate::extract;
use crate::quantity::{Quantity, Recognizer};
use crate::report;
use crate::report::quantities::QuantityRecord;

pub(crate) fn run(args: ExtractArgs, io: &mut Io<'_>) -> io::Result<ExitStatus> {
    let pack = if args.claims || args.explain {
        match super::rules::load_pack(&args.rules, io)? {
            Some(p) => Some(p),
            None => return Ok(ExitStatus::Error),
        }
    } else {
        None
    };
    let mut problems = Vec::new();
    let docs = load::load(&args.paths, io.stdin, &mut problems).documents;
    let recognizer = Recognizer::english();
    let found: Vec<Vec<Quantity>> = docs
        .par_iter()
        .map(|d| {
            let mut qs = recognizer.recognize(&d.text);
            if !args.all && pack.is_none() {
                qs.retain(Quantity::is_count);
            }
            qs
        })
        .collect();
    match (&pack, args.explain) {
        (Some(pack), true) => {
            for (i, (d, qs)) in docs.iter().zip(&found).enumerate() {
                if i > 0 {
                    writeln!(io.stdout)?;
                }
                report::explain::write(io.stdout, d, qs, pack)?;
            }
        }
        (Some(pack), false) => {
            let claims: Vec<_> = docs
                .par_iter()
                .zip(&found)
                .flat_map_iter(|(d, qs)| extract::claims_from(d, qs, pack, &extract::match_document(d, qs, pack)))
                .collect();
            match args.format {
                ExtractFormat::Jsonl => report::claims::write_jsonl(io.stdout, &claims)?,
                ExtractFormat::Table => report::claims::write_table(io.stdout, &claims)?,
            }
        }
        (None, _) => {
            let records: Vec<QuantityRecord<'_>> =
                docs.iter().zip(&found).flat_map(|(d, qs)| qs.iter().map(move |q| QuantityRecord::new(d, q))).collect();
            match args.format {
                ExtractFormat::Jsonl => report::quantities::write_jsonl(io.stdout, &records)?,
                ExtractFormat::Table => report::quantities::write_table(io.stdout, &records)?,
            }
        }
    }
    io.stdout.flush()?;
    let failed = super::report_problems(&mut problems, io.stderr)?;
    Ok(if failed { ExitStatus::Error } else { ExitStatus::Clean })
}
