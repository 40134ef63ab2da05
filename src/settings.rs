//! Command-line arguments and `figcheck.yaml`, merged and resolved into
//! the settings of a run. Flags win over the file; the file's relative
//! paths are resolved against its directory.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::cli::{ColorChoice, ConfigArgs, ReportArgs};
use crate::config::{Config, ConfigError, FailOn, OutputFormat};
use crate::rules::Severity;

/// The report files written when no format is named.
pub const DEFAULT_REPORTS: [OutputFormat; 4] =
    [OutputFormat::Markdown, OutputFormat::Html, OutputFormat::Json, OutputFormat::Sarif];

/// Everything a check run needs to know.
#[derive(Debug, Clone, PartialEq)]
pub struct Settings {
    pub config: Config,
    pub paths: Vec<PathBuf>,
    pub rule_dirs: Vec<PathBuf>,
    pub sources: Vec<PathBuf>,
    pub fail_on: FailOn,
    pub baseline: Option<PathBuf>,
    /// Formats printed on standard output.
    pub stdout: Vec<OutputFormat>,
    /// Formats written as files into `out`.
    pub files: Vec<OutputFormat>,
    pub out: PathBuf,
    pub name: String,
    pub severity: BTreeMap<String, Severity>,
    pub color: bool,
}

/// Load the configuration the arguments point at: `--config FILE`, none
/// with `--no-config`, else the nearest `figcheck.yaml` from `cwd` up.
pub fn load_config(args: &ConfigArgs, cwd: &Path) -> Result<Config, ConfigError> {
    if args.no_config {
        return Ok(Config::default());
    }
    match &args.config {
        Some(p) => Config::load(p),
        None => match Config::discover(cwd) {
            Some(p) => Ok(Config::load(&p)?.seen_from(cwd)),
            None => Ok(Config::default()),
        },
    }
}

/// The report name from the first path: `seeds` for `seeds/` or `seeds/a.md`'s directory.
fn default_name(paths: &[PathBuf]) -> String {
    let first = paths.first().map(PathBuf::as_path).unwrap_or(Path::new("."));
    let named = if first.as_os_str() == "-" {
        None
    } else if first.is_file() {
        first.file_stem().map(|s| s.to_string_lossy().into_owned())
    } else {
        first.canonicalize().ok().and_then(|p| p.file_name().map(|s| s.to_string_lossy().into_owned()))
    };
    let name = named.unwrap_or_else(|| "figcheck".to_string());
    name.chars().map(|c| if c.is_alphanumeric() || matches!(c, '-' | '_' | '.') { c } else { '-' }).collect()
}

/// Colour only on a terminal, never with NO_COLOR, unless forced.
pub fn use_color(choice: ColorChoice, stdout_is_terminal: bool, no_color_env: bool) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => stdout_is_terminal && !no_color_env,
    }
}

impl Settings {
    /// Settings for `paths` (documents for `check`, claims files for `compare`).
    pub fn resolve(
        paths: &[PathBuf],
        args: &ReportArgs,
        stdout_is_terminal: bool,
        cwd: &Path,
    ) -> Result<Settings, ConfigError> {
        let config = load_config(&args.config, cwd)?;
        let spec = &config.spec;
        let paths = if !paths.is_empty() {
            paths.to_vec()
        } else if !spec.paths.is_empty() {
            spec.paths.iter().map(|p| config.resolve(p)).collect()
        } else {
            vec![PathBuf::from(".")]
        };
        let mut rule_dirs: Vec<PathBuf> = spec.rules.iter().map(|p| config.resolve(p)).collect();
        rule_dirs.extend(args.rules.dirs.iter().cloned());
        let mut sources: Vec<PathBuf> = spec.sources.iter().map(|p| config.resolve(p)).collect();
        sources.extend(args.sources.iter().cloned());
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        let color = use_color(args.color, stdout_is_terminal, no_color);
        let view = if stdout_is_terminal { OutputFormat::Terminal } else { OutputFormat::Concise };
        let out_given = args.out.clone().or_else(|| spec.out.as_deref().map(|o| config.resolve(o)));
        let (formats, explicit) = if !args.format.is_empty() {
            (args.format.clone(), true)
        } else if let Some(f) = &spec.formats {
            (f.clone(), false)
        } else {
            let mut f = vec![view];
            f.extend(DEFAULT_REPORTS);
            (f, false)
        };
        // Named on the command line without --out, every format goes to standard output.
        let to_files = !explicit || out_given.is_some();
        let mut stdout = Vec::new();
        let mut files = Vec::new();
        for f in formats {
            if f.extension().is_some() && to_files {
                files.push(f);
            } else {
                stdout.push(f);
            }
        }
        if !explicit && stdout.is_empty() {
            stdout.push(view);
        }
        stdout.dedup();
        files.dedup();
        Ok(Settings {
            paths: paths.clone(),
            rule_dirs,
            sources,
            fail_on: args.fail_on.or(spec.fail_on).unwrap_or_default(),
            baseline: args.baseline.clone().or_else(|| spec.baseline.as_deref().map(|b| config.resolve(b))),
            stdout,
            files,
            out: out_given.unwrap_or_else(|| PathBuf::from("reports")),
            name: args.name.clone().or_else(|| spec.name.clone()).unwrap_or_else(|| default_name(&paths)),
            severity: spec.severity.clone(),
            color,
            config,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colour_only_on_a_terminal_without_no_color() {
        assert!(use_color(ColorChoice::Auto, true, false));
        assert!(!use_color(ColorChoice::Auto, true, true));
        assert!(!use_color(ColorChoice::Auto, false, false));
        assert!(use_color(ColorChoice::Always, false, true));
        assert!(!use_color(ColorChoice::Never, true, false));
    }
}
