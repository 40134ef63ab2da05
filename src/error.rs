//! Typed errors with the file, line and field they concern, the problems a
//! run reports and goes on after, and the process exit status.

use std::fmt;
use std::path::PathBuf;
use std::process::ExitCode;

/// The exit status of a run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum ExitStatus {
    /// Nothing at or above the failure threshold.
    Clean = 0,
    /// Findings at or above the failure threshold.
    Findings = 1,
    /// A usage, configuration or input error; something was skipped.
    Error = 2,
}

impl From<ExitStatus> for ExitCode {
    fn from(s: ExitStatus) -> ExitCode {
        ExitCode::from(s as u8)
    }
}

/// How serious a reported problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Warning,
    Error,
}

/// A problem with an input that the run reports and then goes on after.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Problem {
    pub level: Level,
    pub path: String,
    pub line: Option<usize>,
    pub message: String,
}

impl Problem {
    pub fn error(path: impl Into<String>, message: impl Into<String>) -> Problem {
        Problem { level: Level::Error, path: path.into(), line: None, message: message.into() }
    }

    pub fn warning(path: impl Into<String>, message: impl Into<String>) -> Problem {
        Problem { level: Level::Warning, path: path.into(), line: None, message: message.into() }
    }

    pub fn at_line(mut self, line: usize) -> Problem {
        self.line = Some(line);
        self
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let level = match self.level {
            Level::Warning => "warning",
            Level::Error => "error",
        };
        match self.line {
            Some(l) => write!(f, "{level}: {}:{l}: {}", self.path, self.message),
            None => write!(f, "{level}: {}: {}", self.path, self.message),
        }
    }
}

/// A YAML error as `(line, message)`: the line apart (serde_yaml appends
/// ` at line L column C`), and an alias bomb called what it is.
pub fn yaml_error(e: &serde_yaml::Error) -> (Option<usize>, String) {
    let msg = e.to_string();
    let msg = if msg.contains("repetition limit exceeded") {
        "its aliases expand past the repetition limit (an alias bomb?); not read".to_string()
    } else {
        msg.split(" at line ").next().unwrap_or(&msg).to_string()
    };
    (e.location().map(|l| l.line()), msg)
}

/// An error that stops a piece of work: a file that cannot be read, a
/// configuration that does not parse.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}{}: {message}", line.map(|l| format!(":{l}")).unwrap_or_default())]
    Invalid { path: PathBuf, line: Option<usize>, message: String },
}

impl Error {
    pub fn invalid(path: impl Into<PathBuf>, line: Option<usize>, message: impl Into<String>) -> Error {
        Error::Invalid { path: path.into(), line, message: message.into() }
    }

    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Error {
        Error::Io { path: path.into(), source }
    }
}
