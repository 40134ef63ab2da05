//! `figcheck check` and `figcheck baseline write`: the main job over a corpus.

use std::io;
use std::path::Path;
use std::time::Instant;

use crate::Io;
use crate::analysis::{Analysis, analyze};
use crate::baseline;
use crate::cli::CheckArgs;
use crate::error::{ExitStatus, Level};
use crate::report::{self, Context, write_atomically};
use crate::rules::RulePack;
use crate::settings::Settings;

/// Settings, pack and analysis, or the exit status of what went wrong.
fn prepare(args: &CheckArgs, io: &mut Io<'_>) -> io::Result<Result<(Settings, Analysis), ExitStatus>> {
    let cwd = std::env::current_dir()?;
    let settings = match Settings::resolve(args, io.stdout_is_terminal, &cwd) {
        Ok(s) => s,
        Err(e) => {
            writeln!(io.stderr, "figcheck: error: {e}")?;
            return Ok(Err(ExitStatus::Error));
        }
    };
    let dirs: Vec<&Path> = settings.rule_dirs.iter().map(|p| p.as_path()).collect();
    let pack = match RulePack::load(&dirs) {
        Ok(p) => p,
        Err(errors) => {
            for e in errors {
                writeln!(io.stderr, "figcheck: error: {e}")?;
            }
            return Ok(Err(ExitStatus::Error));
        }
    };
    for n in &pack.notes {
        writeln!(io.stderr, "figcheck: note: {n}")?;
    }
    let mut analysis = analyze(&settings.paths, io.stdin, &pack, &settings.sources);
    // Severity overrides from the configuration, by rule id or metric.
    for f in &mut analysis.findings {
        if f.kind.is_agreement() {
            continue;
        }
        if let Some(s) = settings.severity.get(&f.rule).or_else(|| settings.severity.get(&f.metric)) {
            f.severity = *s;
        }
    }
    Ok(Ok((settings, analysis)))
}

pub(crate) fn run(args: CheckArgs, io: &mut Io<'_>) -> io::Result<ExitStatus> {
    let started = Instant::now();
    let (settings, analysis) = match prepare(&args, io)? {
        Ok(x) => x,
        Err(status) => return Ok(status),
    };
    let accepted = match &settings.baseline {
        Some(b) => match baseline::read(b) {
            Ok(ids) => ids,
            Err(p) => {
                writeln!(io.stderr, "figcheck: {p}")?;
                return Ok(ExitStatus::Error);
            }
        },
        None => Default::default(),
    };
    let shown: Vec<_> = analysis.findings.iter().filter(|f| !accepted.contains(&f.id)).collect();
    let baselined = analysis.findings.len() - shown.len();
    let mut cx = Context::new(&settings.name, &analysis, shown);
    cx.baselined = baselined;
    cx.suppressed = analysis.suppressed;
    cx.fail_on = settings.fail_on;

    let mut written = Vec::new();
    for &format in &settings.files {
        let mut bytes = Vec::new();
        report::reporter(format).render(&cx, &mut bytes)?;
        let ext = format.extension().expect("a file format");
        let path = settings.out.join(format!("{}.{ext}", settings.name));
        if let Err(e) = write_atomically(&path, &bytes) {
            writeln!(io.stderr, "figcheck: error: {}: {e}", crate::document::load::display_path(&path))?;
            return Ok(ExitStatus::Error);
        }
        written.push(crate::document::load::display_path(&path));
    }
    cx.color = settings.color;
    for &format in &settings.stdout {
        // Only the terminal view says how long the run took: the rest stays reproducible.
        cx.elapsed = (format == crate::config::OutputFormat::Terminal).then(|| started.elapsed());
        report::reporter(format).render(&cx, io.stdout)?;
    }
    io.stdout.flush()?;
    if !written.is_empty() {
        writeln!(io.stderr, "figcheck: wrote {}", written.join(", "))?;
    }
    // Input problems go to stderr unless the terminal view already listed them.
    if !settings.stdout.contains(&crate::config::OutputFormat::Terminal) {
        for p in &analysis.problems {
            writeln!(io.stderr, "figcheck: {p}")?;
        }
    }
    Ok(if analysis.problems.iter().any(|p| p.level == Level::Error) {
        ExitStatus::Error
    } else if cx.failing() > 0 {
        ExitStatus::Findings
    } else {
        ExitStatus::Clean
    })
}

/// `figcheck baseline write FILE`: accept every current finding.
pub(crate) fn write_baseline(file: &Path, args: CheckArgs, io: &mut Io<'_>) -> io::Result<ExitStatus> {
    let (_, analysis) = match prepare(&args, io)? {
        Ok(x) => x,
        Err(status) => return Ok(status),
    };
    let findings: Vec<_> = analysis.findings.iter().collect();
    let text = baseline::render(&findings);
    if let Err(e) = write_atomically(file, text.as_bytes()) {
        writeln!(io.stderr, "figcheck: error: {}: {e}", crate::document::load::display_path(file))?;
        return Ok(ExitStatus::Error);
    }
    let n = text.lines().filter(|l| !l.starts_with('#')).count();
    writeln!(io.stderr, "figcheck: wrote {} with {n} accepted findings", crate::document::load::display_path(file))?;
    for p in &analysis.problems {
        writeln!(io.stderr, "figcheck: {p}")?;
    }
    Ok(if analysis.problems.iter().any(|p| p.level == Level::Error) { ExitStatus::Error } else { ExitStatus::Clean })
}
