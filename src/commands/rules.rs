//! `figcheck rules list | test | explain`.

use std::io;
use std::path::Path;

use crate::Io;
use crate::cli::{RulesArgs, RulesCommand};
use crate::error::ExitStatus;
use crate::report;
use crate::rules::{RulePack, verify};

/// Load the default pack plus `--rules` directories; print errors and notes.
pub(crate) fn load_pack(args: &RulesArgs, io: &mut Io<'_>) -> io::Result<Option<RulePack>> {
    let dirs: Vec<&Path> = args.dirs.iter().map(|p| p.as_path()).collect();
    match RulePack::load(&dirs) {
        Ok(pack) => {
            for n in &pack.notes {
                writeln!(io.stderr, "figcheck: note: {n}")?;
            }
            Ok(Some(pack))
        }
        Err(errors) => {
            for e in errors {
                writeln!(io.stderr, "figcheck: error: {e}")?;
            }
            Ok(None)
        }
    }
}

pub(crate) fn run(cmd: RulesCommand, io: &mut Io<'_>) -> io::Result<ExitStatus> {
    let args = match &cmd {
        RulesCommand::List(a) | RulesCommand::Test(a) => a.clone(),
        RulesCommand::Explain { rules, .. } => rules.clone(),
    };
    let Some(pack) = load_pack(&args, io)? else { return Ok(ExitStatus::Error) };
    match cmd {
        RulesCommand::List(_) => {
            report::rules::write_list(io.stdout, &pack)?;
            Ok(ExitStatus::Clean)
        }
        RulesCommand::Test(_) => {
            let results = verify::verify_all(&pack);
            report::rules::write_test(io.stdout, &pack, &results)?;
            Ok(if results.iter().all(|r| r.verdict.passed()) { ExitStatus::Clean } else { ExitStatus::Findings })
        }
        RulesCommand::Explain { id, .. } => match pack.get(&id) {
            Some(rule) => {
                let results = verify::verify_rule(&pack, rule);
                report::rules::write_explain(io.stdout, rule, &results)?;
                Ok(ExitStatus::Clean)
            }
            None => {
                let ids: Vec<&str> = pack.rules.iter().map(|r| r.id.as_str()).collect();
                writeln!(io.stderr, "figcheck: error: no rule `{id}` (rules: {})", ids.join(", "))?;
                Ok(ExitStatus::Error)
            }
        },
    }
}
