//! `figcheck check` over an archive-sized corpus, against the candidate
//! regex baseline in the same run: `cargo bench --bench scale`.
//!
//! The corpus is made from the seed articles (paragraphs and sentences
//! shuffled, figures changed by up to ±10%, publication dates moved by up
//! to two months, publishers varied, one in ten as HTML), in directories of
//! a thousand files, with the seed dataset and a sources manifest beside
//! them. It is written under `target/scale-corpus/` once per size and kept.
//!
//! For each size (16, 64, 256 MiB; `FIGCHECK_SCALE_SIZES=16,64` to choose)
//! it measures, in one run: the baseline (read every file, count candidate
//! number tokens, one thread); `figcheck check` with the default pack and
//! reports on one thread and on all cores (`FIGCHECK_SCALE_FORMATS=json`
//! for other reports, `=concise` for none: what the reports cost); peak
//! resident memory of each check (from `wait4`). Every timed run starts
//! with the corpus read once just before (a warm page cache: some hosts
//! reclaim it within seconds, and a cold read would time the disk, not
//! figcheck), or with `FIGCHECK_SCALE_COLD=1`, dropped from the page
//! cache just before. The three run in rounds (`FIGCHECK_SCALE_RUNS`,
//! default 3): each time is the median of its runs, and the ratio and the
//! speed-up the median of the rounds' own, with their range, as the
//! host's speed drifts over minutes. Not run by CI.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use figcheck::quantity::candidate_baseline;

const PUBLISHERS: [&str; 12] = [
    "The Daily Ledger",
    "Harbour Times",
    "North Star Press",
    "Morning Courier",
    "The Observer Desk",
    "Valley Chronicle",
    "Metro Wire",
    "The Evening Post",
    "Coastal Herald",
    "Global Dispatch",
    "The Review",
    "City Bulletin",
];

/// A seed article: title, body paragraphs, publication day.
struct Seed {
    title: String,
    paragraphs: Vec<String>,
    published: jiff::civil::Date,
}

fn seeds() -> Vec<Seed> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let dates = ["2024-10-25", "2023-12-20", "2023-11-06", "2024-10-24", "2024-03-21"];
    let mut names: Vec<PathBuf> = fs::read_dir(&root)
        .expect("seeds")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    names.sort();
    names
        .iter()
        .zip(dates)
        .map(|(p, d)| {
            let text = fs::read_to_string(p).expect("seed text");
            let mut blocks = text.split("\n\n").map(str::trim).filter(|b| !b.is_empty());
            let title = blocks.next().unwrap_or("Untitled").lines().next().unwrap_or("Untitled").to_string();
            Seed { title, paragraphs: blocks.map(str::to_string).collect(), published: d.parse().expect("date") }
        })
        .collect()
}

/// `12,345` or `12345` scaled by `factor`, written the same way.
fn scaled(number: &str, factor: f64) -> String {
    let digits: String = number.chars().filter(char::is_ascii_digit).collect();
    let Ok(n) = digits.parse::<u64>() else { return number.to_string() };
    // Years and small numbers keep their value: they date and count events.
    if (1900..=2100).contains(&n) && !number.contains(',') || n < 100 {
        return number.to_string();
    }
    let v = ((n as f64) * factor).round().max(1.0) as u64;
    if !number.contains(',') {
        return v.to_string();
    }
    figcheck::compare::format_count(v as f64)
}

/// One varied article.
fn article(seed: &Seed, rng: &mut fastrand::Rng, numbers: &regex::Regex) -> (String, bool) {
    let factor = 0.9 + rng.f64() * 0.2;
    let mut paragraphs: Vec<String> = seed
        .paragraphs
        .iter()
        .map(|p| {
            let mut sentences: Vec<&str> = p.split_inclusive(". ").collect();
            rng.shuffle(&mut sentences);
            let joined: String = sentences.iter().map(|s| s.trim_end()).collect::<Vec<_>>().join(" ");
            numbers.replace_all(&joined, |c: &regex::Captures<'_>| scaled(&c[0], factor)).into_owned()
        })
        .collect();
    rng.shuffle(&mut paragraphs);
    let published = seed.published.checked_add(jiff::Span::new().days(rng.i64(-60..=60))).expect("a date");
    let publisher = PUBLISHERS[rng.usize(..PUBLISHERS.len())];
    let html = rng.u8(..10) == 0;
    let text = if html {
        let body: String = paragraphs.iter().map(|p| format!("<p>{p}</p>\n")).collect();
        format!(
            "<!doctype html>\n<html><head><title>{t}</title>\n<meta property=\"og:site_name\" content=\"{publisher}\">\n\
             <meta property=\"article:published_time\" content=\"{published}\">\n\
             <script>var tracking = [1, 2, 3];</script></head>\n<body>\n<h1>{t}</h1>\n{body}</body></html>\n",
            t = seed.title
        )
    } else {
        format!(
            "---\ntitle: \"{}\"\npublisher: {publisher}\npublished: {published}\n---\n\n# {}\n\n{}\n",
            seed.title.replace('"', "'"),
            seed.title,
            paragraphs.join("\n\n")
        )
    };
    (text, html)
}

/// Write a corpus of about `mib` MiB, once; return its directory.
fn corpus(mib: usize) -> PathBuf {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("target/scale-corpus/{mib}"));
    let done = root.join(".complete");
    if done.exists() {
        return root;
    }
    let _ = fs::remove_dir_all(&root);
    fs::create_dir_all(root.join("data")).expect("corpus directory");
    let seeds_dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    fs::copy(seeds_dir.join("data/gaza-moh-daily.csv"), root.join("data/gaza-moh-daily.csv")).expect("dataset");
    let manifest = fs::read_to_string(seeds_dir.join("sources.yaml")).expect("manifest");
    let datasets = &manifest[manifest.find("datasets:").expect("datasets")..];
    fs::write(root.join("sources.yaml"), datasets).expect("manifest");
    let seeds = seeds();
    let numbers = regex::Regex::new(r"\b[0-9]{1,3}(?:,[0-9]{3})+\b|\b[0-9]{3,}\b").expect("numbers");
    let mut rng = fastrand::Rng::with_seed(mib as u64);
    let target = mib << 20;
    let (mut written, mut n) = (0, 0);
    while written < target {
        let (text, html) = article(&seeds[n % seeds.len()], &mut rng, &numbers);
        let dir = root.join(format!("{:04}", n / 1000));
        if n % 1000 == 0 {
            fs::create_dir_all(&dir).expect("shard directory");
        }
        let ext = if html { "html" } else { "md" };
        fs::write(dir.join(format!("{n:06}.{ext}")), &text).expect("article");
        written += text.len();
        n += 1;
    }
    fs::write(done, format!("{n} files, {written} bytes\n")).expect("marker");
    root
}

/// Every document file of a corpus, sorted.
fn files(root: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for shard in fs::read_dir(root).expect("corpus") {
        let shard = shard.expect("entry").path();
        if shard.is_dir() && shard.file_name().is_some_and(|n| n != "data") {
            out.extend(fs::read_dir(&shard).expect("shard").map(|e| e.expect("entry").path()));
        }
    }
    out.sort();
    out
}

/// Read every file and count candidate number tokens, on one thread.
fn baseline(files: &[PathBuf]) -> (Duration, usize, u64) {
    let re = candidate_baseline();
    let started = Instant::now();
    let (mut count, mut bytes) = (0, 0u64);
    for f in files {
        let text = fs::read_to_string(f).expect("corpus file");
        bytes += text.len() as u64;
        count += re.find_iter(&text).count();
    }
    (started.elapsed(), count, bytes)
}

/// Run a command; its wall time and peak resident memory in bytes.
fn measure(cmd: &mut Command) -> (Duration, u64, std::process::ExitStatus) {
    let started = Instant::now();
    #[allow(clippy::zombie_processes)] // reaped by wait4 below, which also gives its peak memory
    let child = cmd.stdout(Stdio::null()).stderr(Stdio::null()).spawn().expect("figcheck runs");
    let pid = child.id() as libc::pid_t;
    let mut status = 0;
    // SAFETY: rusage is plain data; wait4 fills it for the child we spawned and own.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let waited = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    assert_eq!(waited, pid, "wait4");
    let elapsed = started.elapsed();
    use std::os::unix::process::ExitStatusExt;
    // ru_maxrss is in KiB on Linux.
    (elapsed, usage.ru_maxrss as u64 * 1024, std::process::ExitStatus::from_raw(status))
}

/// The `--format` arguments of the timed checks: none (the default
/// report set) unless `FIGCHECK_SCALE_FORMATS` lists formats
/// (`json,sarif`; `concise` alone writes no report file).
fn format_args() -> Vec<String> {
    std::env::var("FIGCHECK_SCALE_FORMATS")
        .map(|v| {
            v.split(',').map(str::trim).filter(|f| !f.is_empty()).flat_map(|f| ["--format".into(), f.into()]).collect()
        })
        .unwrap_or_default()
}

fn check(root: &Path, jobs: usize, out: &Path) -> (Duration, u64) {
    // Each run starts from an empty report directory, so that what it
    // holds afterwards is what this run wrote.
    if out.exists() {
        fs::remove_dir_all(out).expect("clearing the report directory");
    }
    let (t, rss, status) = measure(
        Command::new(env!("CARGO_BIN_EXE_figcheck"))
            .arg("check")
            .arg(root)
            .args(["--no-config", "--jobs", &jobs.to_string(), "--name", "bench", "--out"])
            .arg(out)
            .args(format_args()),
    );
    assert!(status.code().is_some_and(|c| c <= 1), "figcheck check failed: {status:?}");
    (t, rss)
}

/// Read every file once so that the timed run finds them in the page
/// cache, or with `FIGCHECK_SCALE_COLD=1`, drop them from it so that the
/// run reads them from the disk.
fn prepare(files: &[PathBuf]) {
    let cold = std::env::var_os("FIGCHECK_SCALE_COLD").is_some_and(|v| v == "1");
    for f in files {
        if cold {
            use std::os::fd::AsRawFd;
            let file = fs::File::open(f).expect("corpus file");
            // SAFETY: the descriptor is open through the call; the advice only drops clean cached pages.
            unsafe { libc::posix_fadvise(file.as_raw_fd(), 0, 0, libc::POSIX_FADV_DONTNEED) };
        } else {
            fs::read(f).expect("corpus file");
        }
    }
}

/// The middle of `values` (sorted in place).
fn median(values: &mut [f64]) -> f64 {
    values.sort_by(f64::total_cmp);
    values[values.len() / 2]
}

/// `values`' lowest and highest.
fn range(values: &[f64]) -> (f64, f64) {
    values.iter().fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), &v| (lo.min(v), hi.max(v)))
}

fn mib_per_s(bytes: u64, seconds: f64) -> f64 {
    bytes as f64 / (1u64 << 20) as f64 / seconds
}

fn main() {
    // `cargo bench` passes `--bench`; this harness takes no arguments.
    let sizes: Vec<usize> = std::env::var("FIGCHECK_SCALE_SIZES")
        .unwrap_or_else(|_| "16,64,256".into())
        .split(',')
        .map(|s| s.trim().parse().expect("sizes in MiB"))
        .collect();
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let runs: usize = std::env::var("FIGCHECK_SCALE_RUNS").map_or(3, |s| s.trim().parse().expect("a number of runs"));
    let out = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/scale-reports");
    let mut stdout = std::io::stdout().lock();
    let cold = std::env::var_os("FIGCHECK_SCALE_COLD").is_some_and(|v| v == "1");
    let formats = format_args();
    writeln!(
        stdout,
        "cores: {cores}; page cache {} before each run; check writes {}",
        if cold { "dropped" } else { "warmed" },
        if formats.is_empty() { "the default reports".to_string() } else { formats.join(" ") }
    )
    .unwrap();
    writeln!(
        stdout,
        "| corpus | files | baseline | check, 1 thread | ratio (range) | check, {cores} threads | speed-up (range) | peak memory (1 / {cores}) | reports written |"
    )
    .unwrap();
    writeln!(stdout, "|---:|---:|---:|---:|---:|---:|---:|---:|---:|").unwrap();
    for mib in sizes {
        let root = corpus(mib);
        let files = files(&root);
        // Rounds of baseline, one thread, all cores: the host's speed
        // drifts over minutes, and a ratio of two runs of one round is
        // less exposed to it than a ratio of two blocks of runs.
        let mut bytes = 0;
        let (mut tb, mut t1, mut tn) = (Vec::new(), Vec::new(), Vec::new());
        let (mut m1, mut mn) = (0, 0);
        for _ in 0..runs.max(1) {
            prepare(&files);
            let (t, _, b) = baseline(&files);
            bytes = b;
            tb.push(t.as_secs_f64());
            prepare(&files);
            let (t, m) = check(&root, 1, &out);
            t1.push(t.as_secs_f64());
            m1 = m1.max(m);
            prepare(&files);
            let (t, m) = check(&root, cores, &out);
            tn.push(t.as_secs_f64());
            mn = mn.max(m);
        }
        let ratios: Vec<f64> = tb.iter().zip(&t1).map(|(b, c)| b / c).collect();
        let speedups: Vec<f64> = t1.iter().zip(&tn).map(|(a, b)| a / b).collect();
        let (ratio_lo, ratio_hi) = range(&ratios);
        let (speedup_lo, speedup_hi) = range(&speedups);
        let (tb, t1, tn) = (median(&mut tb), median(&mut t1), median(&mut tn));
        let (ratio, speedup) = (median(&mut ratios.clone()), median(&mut speedups.clone()));
        let written: u64 =
            fs::read_dir(&out).map_or(0, |d| d.flatten().filter_map(|e| e.metadata().ok()).map(|m| m.len()).sum());
        writeln!(
            stdout,
            "| {:.0} MiB | {} | {tb:.2} s ({:.0} MiB/s) | {t1:.2} s ({:.1} MiB/s) | {ratio:.3} ({ratio_lo:.3}-{ratio_hi:.3}) | {tn:.2} s ({:.1} MiB/s) | {speedup:.2}× ({speedup_lo:.2}-{speedup_hi:.2}) | {:.0} / {:.0} MiB | {:.1} MiB |",
            bytes as f64 / (1u64 << 20) as f64,
            files.len(),
            mib_per_s(bytes, tb),
            mib_per_s(bytes, t1),
            mib_per_s(bytes, tn),
            m1 as f64 / (1u64 << 20) as f64,
            mn as f64 / (1u64 << 20) as f64,
            written as f64 / (1u64 << 20) as f64,
        )
        .unwrap();
    }
}
