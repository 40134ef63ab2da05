//! `figcheck config`: the effective configuration.

use std::io;

use crate::Io;
use crate::cli::ConfigArgs;
use crate::config::ConfigSpec;
use crate::error::ExitStatus;
use crate::settings::{DEFAULT_REPORTS, load_config};

pub(crate) fn run(args: ConfigArgs, io: &mut Io<'_>) -> io::Result<ExitStatus> {
    let cwd = std::env::current_dir()?;
    let config = match load_config(&args, &cwd) {
        Ok(c) => c,
        Err(e) => {
            writeln!(io.stderr, "figcheck: error: {e}")?;
            return Ok(ExitStatus::Error);
        }
    };
    let spec = &config.spec;
    // The values in force, defaults filled in.
    let effective = ConfigSpec {
        paths: if spec.paths.is_empty() { vec![".".into()] } else { spec.paths.clone() },
        rules: spec.rules.clone(),
        sources: spec.sources.clone(),
        fail_on: Some(spec.fail_on.unwrap_or_default()),
        baseline: spec.baseline.clone(),
        out: Some(spec.out.clone().unwrap_or_else(|| "reports".into())),
        formats: Some(spec.formats.clone().unwrap_or_else(|| DEFAULT_REPORTS.to_vec())),
        name: spec.name.clone(),
        severity: spec.severity.clone(),
    };
    match &config.file {
        Some(f) => writeln!(io.stdout, "# from {}", crate::document::load::display_path(f))?,
        None => writeln!(io.stdout, "# no figcheck.yaml found: defaults")?,
    }
    let yaml = serde_yaml::to_string(&effective).map_err(io::Error::other)?;
    write!(io.stdout, "{yaml}")?;
    Ok(ExitStatus::Clean)
}
