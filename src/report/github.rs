//! GitHub Actions workflow commands: one annotation per problem on the
//! line of its figure (`::error file=…,line=…,col=…::message`). Agreements
//! are left out, as from SARIF: GitHub shows ten notices a step, which
//! problems of note severity need, and a pull request's lines are no
//! place to say that figures agree.

use std::io::{self, Write};

use super::{Context, Out, Reporter};
use crate::rules::Severity;

pub struct Github;

/// Escape a message: `%`, CR and LF.
fn data(s: &str) -> String {
    s.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A")
}

/// Escape a property value: also `:` and `,`.
fn property(s: &str) -> String {
    data(s).replace(':', "%3A").replace(',', "%2C")
}

impl Reporter for Github {
    fn render(&self, cx: &Context<'_>, out: &mut Out<'_>) -> io::Result<()> {
        for (f, p) in cx.located().filter(|(f, _)| !f.kind.is_agreement()) {
            let command = match f.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
                Severity::Info => "notice",
            };
            writeln!(
                out,
                "::{command} file={},line={},col={},endLine={},endColumn={},title={}::{} [{}]",
                property(p.path),
                p.line,
                p.column,
                p.end_line,
                p.end_column,
                property(&format!("figcheck {} {}", f.kind.name(), f.metric())),
                data(&f.explanation()),
                f.id
            )?;
        }
        Ok(())
    }
}
