//! One line per finding, for editors and grep:
//! `path:line:col: severity metric: message [kind id]`.

use std::io::{self, Write};

use super::{Context, Out, Reporter};

pub struct Concise;

impl Reporter for Concise {
    fn render(&self, cx: &Context<'_>, out: &mut Out<'_>) -> io::Result<()> {
        for (f, p) in cx.located() {
            writeln!(
                out,
                "{}:{}:{}: {} {}: {} [{} {}]",
                p.path,
                p.line,
                p.column,
                f.severity.name(),
                f.metric(),
                f.explanation(),
                f.kind.name(),
                f.id
            )?;
        }
        writeln!(out, "{}", cx.summary())
    }
}
