//! `figcheck.yaml`: found in the working directory or the nearest parent,
//! decoded strictly (unknown keys are errors naming the line), paths
//! resolved against the file's directory. Flags override it.

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::rules::Severity;

pub const CONFIG_NAME: &str = "figcheck.yaml";

/// Output formats, for the terminal and for report files.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, Serialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum OutputFormat {
    /// Diagnostics with source snippets (default on a terminal)
    Terminal,
    /// One line per finding: path:line:col: severity metric: message
    Concise,
    /// GitHub Actions annotations (::error file=…)
    Github,
    /// Editorial report in Markdown
    Markdown,
    /// Self-contained HTML report with a timeline chart per metric
    Html,
    /// Versioned JSON (schema figcheck/1)
    Json,
    /// Claims and findings as a JSON Lines stream
    Jsonl,
    /// SARIF 2.1.0, for code scanning
    Sarif,
    /// JUnit XML, for CI systems that show test reports
    Junit,
}

impl OutputFormat {
    /// The file extension of the format's report file; `None` for stream formats.
    pub fn extension(self) -> Option<&'static str> {
        match self {
            OutputFormat::Terminal | OutputFormat::Concise | OutputFormat::Github => None,
            OutputFormat::Markdown => Some("md"),
            OutputFormat::Html => Some("html"),
            OutputFormat::Json => Some("json"),
            OutputFormat::Jsonl => Some("jsonl"),
            OutputFormat::Sarif => Some("sarif"),
            OutputFormat::Junit => Some("junit.xml"),
        }
    }
}

/// The lowest severity that fails a run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, clap::ValueEnum, Default)]
#[serde(rename_all = "lowercase")]
pub enum FailOn {
    #[default]
    Error,
    Warning,
    Info,
    Never,
}

impl FailOn {
    pub fn fails(self, s: Severity) -> bool {
        match self {
            FailOn::Error => s >= Severity::Error,
            FailOn::Warning => s >= Severity::Warning,
            FailOn::Info => true,
            FailOn::Never => false,
        }
    }
}

/// `figcheck.yaml` as written.
#[derive(Debug, Clone, Default, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct ConfigSpec {
    /// Files or directories to check when none is named on the command line.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub paths: Vec<String>,
    /// Rule directories added to the default pack.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rules: Vec<String>,
    /// Sources manifests (documents' metadata and datasets) besides those found beside the documents.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fail_on: Option<FailOn>,
    /// A baseline file of accepted finding ids.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub baseline: Option<String>,
    /// Where report files go.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub out: Option<String>,
    /// The formats produced when no `--format` is given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub formats: Option<Vec<OutputFormat>>,
    /// Base name of report files.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Severity overrides by rule id or metric (`gaza-killed: warning`).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub severity: BTreeMap<String, Severity>,
}

/// A configuration problem: the file and line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError {
    pub file: String,
    pub line: Option<usize>,
    pub message: String,
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(l) => write!(f, "{}:{l}: {}", self.file, self.message),
            None => write!(f, "{}: {}", self.file, self.message),
        }
    }
}

/// A report name as given (`--name`, `name:`): the base of the report
/// files inside the output directory, so neither empty nor a path.
pub fn report_name(s: &str) -> Result<String, String> {
    if s.is_empty() {
        return Err("the report name is empty: the files would be `.md`, `.json` and so on".to_string());
    }
    if s == "." || s == ".." || s.contains(['/', '\\', '\0']) {
        return Err(format!(
            "`{s}` is not a report name but a path: reports are NAME.md, NAME.json and so on inside --out, which takes the directory"
        ));
    }
    Ok(s.to_string())
}

/// A loaded configuration with paths resolved.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Config {
    /// The file it came from, if any.
    pub file: Option<PathBuf>,
    pub spec: ConfigSpec,
    /// The directory relative paths are resolved against.
    pub dir: PathBuf,
}

impl Config {
    /// The nearest `figcheck.yaml` from `start` upward.
    pub fn discover(start: &Path) -> Option<PathBuf> {
        let start = start.canonicalize().unwrap_or_else(|_| start.to_path_buf());
        start.ancestors().map(|d| d.join(CONFIG_NAME)).find(|p| p.is_file())
    }

    pub fn load(path: &Path) -> Result<Config, ConfigError> {
        let file = crate::document::load::display_path(path);
        let text = std::fs::read_to_string(path).map_err(|e| ConfigError {
            file: file.clone(),
            line: None,
            message: e.to_string(),
        })?;
        let spec: ConfigSpec = if text.trim().is_empty() {
            ConfigSpec::default()
        } else {
            serde_yaml::from_str(&text).map_err(|e| {
                let (line, message) = crate::error::yaml_error(&e);
                ConfigError { file: file.clone(), line, message }
            })?
        };
        if let Some(Err(message)) = spec.name.as_deref().map(report_name) {
            let line = text.lines().position(|l| l.trim_start().starts_with("name:")).map(|i| i + 1);
            return Err(ConfigError { file, line, message: format!("name: {message}") });
        }
        let dir = path.parent().map(Path::to_path_buf).unwrap_or_default();
        Ok(Config { file: Some(path.to_path_buf()), spec, dir })
    }

    /// Found above `cwd` (or in it): the paths it names are then cited as
    /// a reader finds them from there (`drafts/a.md`, `../drafts/a.md`),
    /// not from the root of the file system. GitHub places an annotation
    /// only on a path relative to the checkout.
    pub fn seen_from(mut self, cwd: &Path) -> Config {
        let cwd = cwd.canonicalize().unwrap_or_else(|_| cwd.to_path_buf());
        if let Some(up) = cwd.ancestors().position(|a| a == self.dir) {
            self.dir = std::iter::repeat_n(Path::new(".."), up).collect();
        }
        self
    }

    /// A path of the config file, resolved against its directory.
    pub fn resolve(&self, p: &str) -> PathBuf {
        let p = Path::new(p);
        if p.is_absolute() || self.dir.as_os_str().is_empty() { p.to_path_buf() } else { self.dir.join(p) }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_config_found_above_names_paths_from_where_figcheck_runs() {
        let dir = tempfile::tempdir().unwrap();
        let sub = dir.path().join("a/b");
        std::fs::create_dir_all(&sub).unwrap();
        std::fs::write(dir.path().join(CONFIG_NAME), "paths: [drafts]\n").unwrap();
        let found = Config::discover(&sub).unwrap();
        let load = || Config::load(&found).unwrap();
        assert_eq!(load().seen_from(&sub).resolve("drafts"), Path::new("../../drafts"));
        assert_eq!(load().seen_from(dir.path()).resolve("drafts"), Path::new("drafts"));
        // Seen from elsewhere (`--config` names it), its own directory stays.
        let elsewhere = tempfile::tempdir().unwrap();
        let from_elsewhere = load().seen_from(elsewhere.path()).resolve("drafts");
        assert!(from_elsewhere.is_absolute() && from_elsewhere.ends_with("drafts"), "{from_elsewhere:?}");
        assert_eq!(load().seen_from(&sub).resolve("/abs/drafts"), Path::new("/abs/drafts"));
    }

    #[test]
    fn strict_and_discovered_upward() {
        let dir = tempfile::tempdir().unwrap();
        let sub = dir.path().join("a/b");
        std::fs::create_dir_all(&sub).unwrap();
        std::fs::write(dir.path().join(CONFIG_NAME), "rules: [my-rules]\nfail_on: warning\nformats: [json, sarif]\n")
            .unwrap();
        let found = Config::discover(&sub).unwrap();
        let c = Config::load(&found).unwrap();
        assert_eq!(c.spec.fail_on, Some(FailOn::Warning));
        assert_eq!(c.spec.formats, Some(vec![OutputFormat::Json, OutputFormat::Sarif]));
        assert!(c.resolve("my-rules").ends_with("my-rules"));
        std::fs::write(dir.path().join(CONFIG_NAME), "rules: []\nfail-on: warning\n").unwrap();
        let e = Config::load(&found).unwrap_err();
        assert_eq!(e.line, Some(2));
        assert!(e.message.starts_with("unknown field `fail-on`"), "{}", e.message);
    }
}
