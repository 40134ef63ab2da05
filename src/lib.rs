//! figcheck: finds numeric claims in documents and checks that the figures
//! agree across sources and over time.
//!
//! The pipeline, one module per stage: `document` (load, lines), `quantity`
//! (the rule-independent recognizer), and `report` (output formats).
//! `commands` wires the stages into the subcommands of `cli`.

pub mod analysis;
pub mod baseline;
pub mod claims_file;
pub mod cli;
mod commands;
pub mod compare;
pub mod config;
pub mod dataset;
pub mod dates;
pub mod diagnostic;
pub mod document;
pub mod error;
pub mod extract;
pub mod quantity;
pub mod report;
pub mod rules;
pub mod settings;
mod substring;

use std::ffi::OsString;
use std::io::{self, IsTerminal, Read, Write};
use std::process::ExitCode;

use clap::Parser;

use crate::cli::{Cli, Command};
use crate::error::ExitStatus;

/// The streams a run reads and writes, so tests can run it in process.
pub struct Io<'a> {
    pub stdin: &'a mut dyn Read,
    pub stdout: &'a mut dyn Write,
    pub stderr: &'a mut dyn Write,
    /// Standard output is a terminal (colour and the terminal report are allowed).
    pub stdout_is_terminal: bool,
    /// Standard error is a terminal (a progress bar is allowed).
    pub stderr_is_terminal: bool,
}

/// Run figcheck with command-line `args` (the first is the program name).
pub fn run<I, T>(args: I, io: &mut Io<'_>) -> ExitStatus
where
    I: IntoIterator<Item = T>,
    T: Into<OsString> + Clone,
{
    let cli = match Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(e) => {
            let text = e.render().to_string();
            let ok = !e.use_stderr();
            let _ = if ok { write!(io.stdout, "{text}") } else { write!(io.stderr, "{text}") };
            return if ok { ExitStatus::Clean } else { ExitStatus::Error };
        }
    };
    let result = match cli.command {
        Command::Check(args) => commands::check::run(args, io),
        Command::Compare(args) => commands::check::compare(args, io),
        Command::Extract(args) => commands::extract::run(args, io),
        Command::Rules(cmd) => commands::rules::run(cmd, io),
        Command::Baseline(crate::cli::BaselineCommand::Write { file, check }) => {
            commands::check::write_baseline(&file, check, io)
        }
        Command::Config(args) => commands::config::run(args, io),
    };
    match result {
        Ok(status) => status,
        // A reader that stops early (`| head`) is not an error.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitStatus::Clean,
        Err(e) => {
            let _ = writeln!(io.stderr, "figcheck: error: {e}");
            ExitStatus::Error
        }
    }
}

/// Keep every large buffer (an archive's claims, its findings) in a mapping
/// of its own. glibc raises the threshold for that as large blocks are
/// freed; past it, a vector that grows is copied within the heap and its
/// old copy stays resident: 13 MiB more at the peak of a 256 MiB archive
/// on two threads (`cargo bench --bench scale`). 128 KiB is glibc's own
/// starting value.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn pin_mmap_threshold() {
    // SAFETY: mallopt only changes allocator settings; it runs before any
    // other thread of this process exists.
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, 128 * 1024);
    }
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn pin_mmap_threshold() {}

/// Run with the process's own arguments and streams.
pub fn main() -> ExitCode {
    pin_mmap_threshold();
    // Interrupted (Ctrl-C, SIGTERM, SIGHUP): the progress bar is cleared
    // and no staged report is left behind. Nothing else is printed:
    // another thread may hold stderr.
    let _ = ctrlc::set_handler(|| {
        commands::progress::clear_for_exit();
        report::exit_removing_staged(130)
    });
    let stdin = io::stdin();
    let stdout = io::stdout();
    let stderr = io::stderr();
    let is_terminal = stdout.is_terminal();
    let stderr_is_terminal = stderr.is_terminal();
    let mut stdin = stdin.lock();
    let mut stdout = io::BufWriter::new(stdout.lock());
    // Not locked for the run, unlike stdout: the progress bar draws on
    // stderr from the threads that read the documents, while this one
    // waits for them.
    let mut stderr = stderr;
    let mut streams = Io {
        stdin: &mut stdin,
        stdout: &mut stdout,
        stderr: &mut stderr,
        stdout_is_terminal: is_terminal,
        stderr_is_terminal,
    };
    let status = run(std::env::args_os(), &mut streams);
    match stdout.flush() {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => ExitStatus::Error.into(),
        _ => status.into(),
    }
}
