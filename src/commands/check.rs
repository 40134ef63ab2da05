//! `figcheck check`, `figcheck compare` and `figcheck baseline write`: the
//! main job over a corpus, or over claims extracted earlier, and its reports.

use std::io;
use std::path::{Path, PathBuf};
use std::time::Instant;

use crate::Io;
use crate::analysis::{self, Analysis, Options, Progress};
use crate::baseline;
use crate::claims_file::Merged;
use crate::cli::{CheckArgs, CompareArgs, ReadArgs, ReportArgs};
use crate::config::OutputFormat;
use crate::dataset;
use crate::document::load::{Limits, Manifests, display_path};
use crate::error::{ExitStatus, Level, Problem};
use crate::report::{self, Context, Staged, write_all_atomically_in, write_atomically};
use crate::rules::RulePack;
use crate::settings::Settings;

use super::progress::Bar;
use super::rules::LoadedPack;

/// What every run needs before it reads anything.
struct Prepared {
    settings: Settings,
    pack: RulePack,
    /// A rule failed to load: the run goes on and exits 2.
    rules_failed: bool,
}

/// Resolve the settings, then load the rule pack while `alongside` runs
/// on the settings (the walk of the inputs: both take a while on an
/// archive, and neither needs the other).
fn prepare<T: Send>(
    paths: &[PathBuf],
    args: &ReportArgs,
    pool: &rayon::ThreadPool,
    io: &mut Io<'_>,
    alongside: impl FnOnce(&Settings) -> T + Send,
) -> io::Result<Result<(Prepared, T), ExitStatus>> {
    let cwd = std::env::current_dir()?;
    let settings = match Settings::resolve(paths, args, io.stdout_is_terminal, &cwd) {
        Ok(s) => s,
        Err(e) => {
            writeln!(io.stderr, "figcheck: error: {e}")?;
            return Ok(Err(ExitStatus::Error));
        }
    };
    // Said before a long run, not after it: an --out that cannot be a directory.
    if !settings.files.is_empty()
        && let Some(file) = settings.out.ancestors().find(|a| a.exists()).filter(|a| !a.is_dir())
    {
        let what = if file == settings.out { "is a file" } else { "is a file, so it cannot hold the directory" };
        writeln!(
            io.stderr,
            "figcheck: error: {}: {what}; --out names the directory the reports are written to",
            display_path(file)
        )?;
        return Ok(Err(ExitStatus::Error));
    }
    let dirs: Vec<&Path> = settings.rule_dirs.iter().map(PathBuf::as_path).collect();
    let (loaded, along) = pool.join(|| RulePack::load_partial(&dirs), || alongside(&settings));
    let Some(LoadedPack { pack, failed }) = super::rules::report_loaded(loaded, io)? else {
        return Ok(Err(ExitStatus::Error));
    };
    Ok(Ok((Prepared { settings, pack, rules_failed: failed }, along)))
}

/// Walk the inputs of a check run; warm the recognizer meanwhile.
fn plan(settings: &Settings) -> (analysis::Plan, Vec<Problem>) {
    let mut problems = Vec::new();
    let (plan, _) = rayon::join(
        || analysis::plan(&settings.paths, &settings.sources, &mut problems),
        crate::quantity::Recognizer::english,
    );
    (plan, problems)
}

/// A thread pool of `--jobs` threads (all cores by default).
pub(crate) fn pool(jobs: Option<u16>) -> io::Result<rayon::ThreadPool> {
    let mut b = rayon::ThreadPoolBuilder::new();
    if let Some(n) = jobs {
        b = b.num_threads(n.into());
    }
    b.build().map_err(io::Error::other)
}

pub(crate) fn limits(read: &ReadArgs) -> Limits {
    Limits { max_file_size: read.max_file_size, ..Limits::default() }
}

/// A bar only for people: a terminal on stderr, a human view on stdout.
fn bar_for(p: &Prepared, io: &Io<'_>) -> Bar {
    let human = p.settings.stdout.iter().all(|f| matches!(f, OutputFormat::Terminal | OutputFormat::Concise));
    Bar::new(io.stderr_is_terminal && human)
}

/// Read and analyse the documents of a check run.
fn analyze(
    args: &CheckArgs,
    p: &Prepared,
    (plan, problems): (analysis::Plan, Vec<Problem>),
    pool: &rayon::ThreadPool,
    bar: &Bar,
    io: &mut Io<'_>,
) -> io::Result<Analysis> {
    let stdin = if p.settings.paths.iter().any(|x| x.as_os_str() == "-") {
        let mut problems = Vec::new();
        let text = crate::document::load::read_stdin(io.stdin, &mut problems);
        for q in &problems {
            writeln!(io.stderr, "figcheck: {q}")?;
        }
        text
    } else {
        None
    };
    let options = Options {
        limits: limits(&args.read),
        sources: &p.settings.sources,
        progress: bar,
        published: args.read.published,
    };
    Ok(pool.install(|| analysis::analyze_planned(plan, problems, stdin, &p.pack, &options)))
}

pub(crate) fn run(args: CheckArgs, io: &mut Io<'_>) -> io::Result<ExitStatus> {
    let started = Instant::now();
    let pool = pool(args.read.jobs)?;
    let (p, planned) = match prepare(&args.paths, &args.report, &pool, io, plan)? {
        Ok(p) => p,
        Err(status) => return Ok(status),
    };
    let bar = bar_for(&p, io);
    let analysis = analyze(&args, &p, planned, &pool, &bar, io)?;
    finish(p, analysis, &pool, started, &bar, io)
}

/// `figcheck compare CLAIMS...`: merge claims files and report as `check` does.
pub(crate) fn compare(args: CompareArgs, io: &mut Io<'_>) -> io::Result<ExitStatus> {
    let started = Instant::now();
    let pool = pool(args.jobs)?;
    let (p, ()) = match prepare(&args.claims, &args.report, &pool, io, |_| ())? {
        Ok(p) => p,
        Err(status) => return Ok(status),
    };
    // Claims files of an archive take seconds to read: a person at a terminal is told so.
    let bar = bar_for(&p, io);
    let bytes = args.claims.iter().filter_map(|c| std::fs::metadata(c).ok()).map(|m| m.len()).sum();
    bar.spin(bytes, "reading the claims files");
    let mut merged = Merged::default();
    for path in &args.claims {
        if path.as_os_str() == "-" {
            merged.read("<stdin>", io::BufReader::new(&mut *io.stdin));
            continue;
        }
        let display = display_path(path);
        match std::fs::File::open(path) {
            Ok(f) => merged.read(&display, io::BufReader::new(f)),
            Err(e) => merged.problems.push(Problem::error(display, format!("cannot be read: {e}"))),
        }
    }
    let (gathered, mut problems) = merged.finish();
    bar.comparing(gathered.claims().len());
    for c in gathered.claims().iter().filter(|c| p.pack.get(c.rule()).is_none()) {
        problems.push(
            Problem::error(
                c.citation.path(),
                format!(
                    "claim of rule `{}`, which this pack lacks: compare with the --rules it was extracted with",
                    c.rule()
                ),
            )
            .at_line(c.citation.line as usize),
        );
    }
    let manifests = Manifests::with_extra(&p.settings.sources, &mut problems);
    let datasets = dataset::load_all(&manifests.ordered(), &mut problems);
    let analysis = pool.install(|| gathered.compare(datasets, problems, &p.pack));
    finish(p, analysis, &pool, started, &bar, io)
}

/// Apply severity overrides and the baseline, write the reports, print
/// the views, and decide the exit status.
fn finish(
    p: Prepared,
    mut analysis: Analysis,
    pool: &rayon::ThreadPool,
    started: Instant,
    bar: &Bar,
    io: &mut Io<'_>,
) -> io::Result<ExitStatus> {
    let settings = &p.settings;
    overrides(settings, &mut analysis);
    let accepted = match &settings.baseline {
        Some(b) => match baseline::read(b) {
            Ok(ids) => ids,
            Err(e) => {
                bar.finish();
                writeln!(io.stderr, "figcheck: {e}")?;
                return Ok(ExitStatus::Error);
            }
        },
        None => Default::default(),
    };
    let shown: Vec<_> = analysis.findings.iter().filter(|f| !accepted.contains(f.id.as_str())).collect();
    let baselined = analysis.findings.len() - shown.len();
    let mut cx = Context::new(&settings.name, &analysis, shown);
    cx.baselined = baselined;
    cx.suppressed = analysis.suppressed;
    cx.fail_on = settings.fail_on;

    let paths: Vec<PathBuf> = settings
        .files
        .iter()
        .map(|f| settings.out.join(format!("{}.{}", settings.name, f.extension().expect("a file format"))))
        .collect();
    cx.color = settings.color;
    // Views before the first terminal view print while the reports are
    // written; the terminal view waits, as it tells how long the run took.
    let (early, late) = settings
        .stdout
        .split_at(settings.stdout.iter().position(|&f| f == OutputFormat::Terminal).unwrap_or(settings.stdout.len()));
    let cx_ref = &cx;
    let files: Vec<Staged<'_>> = settings
        .files
        .iter()
        .zip(&paths)
        .map(|(&format, path)| -> Staged<'_> {
            (path.clone(), Box::new(move |w: &mut dyn io::Write| report::render(format, cx_ref, w)))
        })
        .collect();
    // The reports that grow with every claim and finding first: each is
    // written by one thread, the next free one, so the set ends together.
    let mut order: Vec<usize> = (0..files.len()).collect();
    order.sort_by_key(|&k| report::cost_rank(settings.files[k]));
    // The spinner says so while the reports are written, unless a view
    // is about to print on the same terminal meanwhile.
    if (io.stdout_is_terminal && !early.is_empty()) || files.is_empty() {
        bar.finish();
    } else {
        bar.phase("writing the reports");
    }
    let mut written = Ok(());
    let printed = if pool.current_num_threads() > 1 {
        let slot = &mut written;
        pool.in_place_scope(|s| {
            s.spawn(move |_| *slot = write_all_atomically_in(files, &order));
            print_views(cx_ref, early, io.stdout)
        })
    } else {
        written = pool.install(|| write_all_atomically_in(files, &order));
        print_views(cx_ref, early, io.stdout)
    };
    bar.finish();
    let write_failed = match written {
        Ok(()) => false,
        Err((path, e)) => {
            writeln!(io.stderr, "figcheck: error: {}: {e}; no report was written", display_path(&path))?;
            true
        }
    };
    let mut open = still_open(printed)?;
    for &format in late {
        if !open {
            break;
        }
        // Only the terminal view says how long the run took: the rest stays reproducible.
        cx.elapsed = (format == OutputFormat::Terminal).then(|| started.elapsed());
        open = still_open(report::render(format, &cx, io.stdout))?;
    }
    if open {
        still_open(io.stdout.flush())?;
    }
    if !write_failed && !paths.is_empty() {
        let names: Vec<String> = paths.iter().map(|p| display_path(p)).collect();
        writeln!(io.stderr, "figcheck: wrote {}", names.join(", "))?;
    }
    // Input problems go to stderr unless the terminal view already listed them.
    if !settings.stdout.contains(&OutputFormat::Terminal) {
        for q in &analysis.problems {
            writeln!(io.stderr, "figcheck: {q}")?;
        }
    }
    let status = if write_failed || p.rules_failed || analysis.problems.iter().any(|q| q.level == Level::Error) {
        ExitStatus::Error
    } else if cx.failing() > 0 {
        ExitStatus::Findings
    } else {
        ExitStatus::Clean
    };
    drop(cx);
    free_in_background(analysis);
    Ok(status)
}

/// Whether standard output still has a reader after a write. One that
/// stopped early (`check | head`) takes no more, but the run goes on: the
/// reports are written, stderr hears of them, and the exit status is still
/// the gate's verdict.
fn still_open(written: io::Result<()>) -> io::Result<bool> {
    match written {
        Ok(()) => Ok(true),
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(false),
        Err(e) => Err(e),
    }
}

/// Free an archive's analysis (hundreds of thousands of small blocks) on a
/// thread of its own: the process can exit meanwhile, and when it does,
/// the operating system takes the memory back at once.
fn free_in_background(analysis: Analysis) {
    // Should no thread start, the analysis is freed here, with the closure.
    let _ = std::thread::Builder::new().name("free".into()).spawn(move || drop(analysis));
}

/// Render `formats` to standard output.
fn print_views(cx: &Context<'_>, formats: &[OutputFormat], stdout: &mut dyn io::Write) -> io::Result<()> {
    for &format in formats {
        report::render(format, cx, stdout)?;
    }
    Ok(())
}

/// Severity overrides from the configuration, by rule id or metric.
fn overrides(settings: &Settings, analysis: &mut Analysis) {
    for f in &mut analysis.findings {
        if f.kind.is_agreement() {
            continue;
        }
        if let Some(s) = settings.severity.get(&**f.rule()).or_else(|| settings.severity.get(&**f.metric())) {
            f.severity = *s;
        }
    }
}

/// `figcheck baseline write FILE`: accept every current finding.
pub(crate) fn write_baseline(file: &Path, args: CheckArgs, io: &mut Io<'_>) -> io::Result<ExitStatus> {
    let pool = pool(args.read.jobs)?;
    let (p, planned) = match prepare(&args.paths, &args.report, &pool, io, plan)? {
        Ok(p) => p,
        Err(status) => return Ok(status),
    };
    let bar = bar_for(&p, io);
    let mut analysis = analyze(&args, &p, planned, &pool, &bar, io)?;
    bar.finish();
    overrides(&p.settings, &mut analysis);
    let findings: Vec<_> = analysis.findings.iter().collect();
    let text = baseline::render(&findings);
    if let Err(e) = write_atomically(file, text.as_bytes()) {
        writeln!(io.stderr, "figcheck: error: {}: {e}", display_path(file))?;
        return Ok(ExitStatus::Error);
    }
    let n = text.lines().filter(|l| !l.starts_with('#')).count();
    let noun = if n == 1 { "finding" } else { "findings" };
    writeln!(io.stderr, "figcheck: wrote {} with {n} accepted {noun}", display_path(file))?;
    for q in &analysis.problems {
        writeln!(io.stderr, "figcheck: {q}")?;
    }
    Ok(if p.rules_failed || analysis.problems.iter().any(|q| q.level == Level::Error) {
        ExitStatus::Error
    } else {
        ExitStatus::Clean
    })
}
