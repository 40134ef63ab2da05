//! `figcheck check`: the main job over a corpus.

use std::io;

use crate::Io;
use crate::analysis::analyze;
use crate::cli::CheckArgs;
use crate::error::ExitStatus;
use crate::rules::Severity;

pub(crate) fn run(args: CheckArgs, io: &mut Io<'_>) -> io::Result<ExitStatus> {
    let Some(pack) = super::rules::load_pack(&args.rules, io)? else { return Ok(ExitStatus::Error) };
    let analysis = analyze(&args.paths, io.stdin, &pack, &[]);
    for f in &analysis.findings {
        writeln!(io.stdout, "{} {} {} [{}]: {}", f.severity.name(), f.kind.name(), f.metric, f.id, f.explanation)?;
        for g in &f.groups {
            for &i in &g.claims {
                let c = &analysis.claims[i];
                let who = c.citation.publisher.as_deref().unwrap_or("unknown publisher");
                let when = c.as_of.date.map_or("undated".to_string(), |d| d.to_string());
                writeln!(
                    io.stdout,
                    "    {}:{}:{}  {}  ({who}, {when})",
                    c.citation.path, c.citation.line, c.citation.column, c.quantity.text
                )?;
            }
        }
    }
    let count = |s: Severity| analysis.findings.iter().filter(|f| f.severity == s).count();
    writeln!(
        io.stdout,
        "{} documents, {} claims, {} findings: {} errors, {} warnings, {} notes",
        analysis.documents.len(),
        analysis.claims.len(),
        analysis.findings.len(),
        count(Severity::Error),
        count(Severity::Warning),
        count(Severity::Info)
    )?;
    io.stdout.flush()?;
    let mut problems = analysis.problems;
    let failed = super::report_problems(&mut problems, io.stderr)?;
    Ok(if failed {
        ExitStatus::Error
    } else if count(Severity::Error) > 0 {
        ExitStatus::Findings
    } else {
        ExitStatus::Clean
    })
}
