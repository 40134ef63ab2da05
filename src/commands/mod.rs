//! One module per subcommand: each reads its inputs, calls the pipeline and
//! hands the results to a reporter.

pub mod check;
pub mod config;
pub mod extract;
pub(crate) mod progress;
pub mod rules;

use std::io::Write;

use crate::error::{Level, Problem};

/// Print problems to stderr, sorted; return whether any was an error.
pub(crate) fn report_problems(problems: &mut [Problem], stderr: &mut dyn Write) -> std::io::Result<bool> {
    problems.sort();
    for p in problems.iter() {
        writeln!(stderr, "figcheck: {p}")?;
    }
    Ok(problems.iter().any(|p| p.level == Level::Error))
}
