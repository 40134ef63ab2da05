//! Running figcheck in process, as a user would from the command line.

use figcheck::Io;
use figcheck::error::ExitStatus;

pub struct Output {
    pub status: ExitStatus,
    pub stdout: String,
    pub stderr: String,
}

/// Run `figcheck ARGS` with `stdin` as standard input.
pub fn figcheck_with_stdin(args: &[&str], stdin: &str) -> Output {
    let mut input = stdin.as_bytes();
    let mut stdout = Vec::new();
    let mut stderr = Vec::new();
    let mut io = Io {
        stdin: &mut input,
        stdout: &mut stdout,
        stderr: &mut stderr,
        stdout_is_terminal: false,
        stderr_is_terminal: false,
    };
    let status = figcheck::run(std::iter::once("figcheck").chain(args.iter().copied()), &mut io);
    Output {
        status,
        stdout: String::from_utf8(stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(stderr).expect("stderr is UTF-8"),
    }
}

pub fn figcheck(args: &[&str]) -> Output {
    figcheck_with_stdin(args, "")
}

/// An Arabic-Indic digit or thousands separator as figcheck reads it.
pub fn as_ascii(c: char) -> char {
    match c {
        '\u{660}'..='\u{669}' => char::from(b'0' + (c as u32 - 0x660) as u8),
        '\u{66c}' => ',',
        _ => c,
    }
}
