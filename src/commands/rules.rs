//! `figcheck rules list | test | explain`.

use std::io;
use std::path::Path;

use crate::Io;
use crate::cli::{RulesArgs, RulesCommand};
use crate::error::ExitStatus;
use crate::report;
use crate::rules::{RulePack, verify};

/// The default pack plus `--rules` directories, less what failed to load.
pub(crate) struct LoadedPack {
    pub pack: RulePack,
    /// A rule file or rule was left out: the run goes on, and exits 2.
    pub failed: bool,
}

/// Load the pack; print errors and notes. `None` when no pack could be built.
pub(crate) fn load_pack(args: &RulesArgs, io: &mut Io<'_>) -> io::Result<Option<LoadedPack>> {
    let dirs: Vec<&Path> = args.dirs.iter().map(|p| p.as_path()).collect();
    report_loaded(RulePack::load_partial(&dirs), io)
}

/// Print what loading a pack said; `None` when no pack could be built.
pub(crate) fn report_loaded(
    (pack, errors): (Option<RulePack>, Vec<crate::rules::RuleError>),
    io: &mut Io<'_>,
) -> io::Result<Option<LoadedPack>> {
    for e in &errors {
        writeln!(io.stderr, "figcheck: error: {e}")?;
    }
    if let Some(pack) = &pack {
        for n in &pack.notes {
            writeln!(io.stderr, "figcheck: note: {n}")?;
        }
        if !errors.is_empty() {
            writeln!(io.stderr, "figcheck: note: going on without the rules above; the run will exit with status 2")?;
        }
    }
    Ok(pack.map(|pack| LoadedPack { pack, failed: !errors.is_empty() }))
}

pub(crate) fn run(cmd: RulesCommand, io: &mut Io<'_>) -> io::Result<ExitStatus> {
    let args = match &cmd {
        RulesCommand::List(a) | RulesCommand::Test(a) => a.clone(),
        RulesCommand::Explain { rules, .. } => rules.clone(),
    };
    let Some(LoadedPack { pack, failed }) = load_pack(&args, io)? else { return Ok(ExitStatus::Error) };
    let status = run_with(cmd, &pack, io)?;
    Ok(if failed { ExitStatus::Error } else { status })
}

fn run_with(cmd: RulesCommand, pack: &RulePack, io: &mut Io<'_>) -> io::Result<ExitStatus> {
    match cmd {
        RulesCommand::List(_) => {
            report::rules::write_list(io.stdout, pack)?;
            Ok(ExitStatus::Clean)
        }
        RulesCommand::Test(_) => {
            let results = verify::verify_all(pack);
            report::rules::write_test(io.stdout, pack, &results)?;
            Ok(if results.iter().all(|r| r.verdict.passed()) { ExitStatus::Clean } else { ExitStatus::Findings })
        }
        RulesCommand::Explain { id, .. } => match pack.get(&id) {
            Some(rule) => {
                let results = verify::verify_rule(pack, rule);
                report::rules::write_explain(io.stdout, rule, &results)?;
                Ok(ExitStatus::Clean)
            }
            None => {
                let ids: Vec<&str> = pack.rules.iter().map(|r| &*r.id).collect();
                writeln!(io.stderr, "figcheck: error: no rule `{id}` (rules: {})", ids.join(", "))?;
                Ok(ExitStatus::Error)
            }
        },
    }
}
