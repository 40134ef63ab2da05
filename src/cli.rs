//! Command-line arguments, as clap parses them. No I/O here.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

#[derive(Debug, Parser)]
#[command(
    name = "figcheck",
    version,
    about = "Check that the figures in documents agree across sources and over time",
    propagate_version = true
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Extract claims, compare them, print findings and write reports
    Check(CheckArgs),
    /// Compare claims extracted earlier (`extract --claims`), merging shards, and report as `check` does
    Compare(CompareArgs),
    /// List the figures (or claims) found in documents, one record per line
    Extract(ExtractArgs),
    /// List, test and explain rules
    #[command(subcommand)]
    Rules(RulesCommand),
    /// Record the current findings as accepted, so later runs report only new ones
    #[command(subcommand)]
    Baseline(BaselineCommand),
    /// Print the effective configuration (figcheck.yaml merged with defaults)
    Config(ConfigArgs),
}

#[derive(Debug, Subcommand)]
pub enum BaselineCommand {
    /// Write the ids of the current findings to FILE
    Write {
        /// The baseline file to write
        file: PathBuf,
        #[command(flatten)]
        check: CheckArgs,
    },
}

/// Where the configuration comes from.
#[derive(Debug, Args, Clone, Default)]
pub struct ConfigArgs {
    /// Use this configuration file instead of looking for figcheck.yaml
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Ignore any figcheck.yaml
    #[arg(long, conflicts_with = "config")]
    pub no_config: bool,
}

/// Rule directories added to the embedded default pack.
#[derive(Debug, Args, Clone, Default)]
pub struct RulesArgs {
    /// Add the rules (*.yaml) of DIR; a rule with a default rule's id replaces it
    #[arg(long = "rules", value_name = "DIR")]
    pub dirs: Vec<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub enum RulesCommand {
    /// List the rules: id, metric, behaviour, description
    List(RulesArgs),
    /// Run every rule's examples (Validated, Reported, Noisy, Missing, Wrong)
    Test(RulesArgs),
    /// Show one rule in full: patterns, context, windows, examples and their outcomes
    Explain {
        /// The rule id
        id: String,
        #[command(flatten)]
        rules: RulesArgs,
    },
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Files or directories to check (directories are walked; .gitignore is honoured).
    /// Default: the config's `paths`, else the current directory
    pub paths: Vec<PathBuf>,
    #[command(flatten)]
    pub read: ReadArgs,
    #[command(flatten)]
    pub report: ReportArgs,
}

#[derive(Debug, Args)]
pub struct CompareArgs {
    /// Claims files written by `figcheck extract --claims` (shards are merged; `-` reads standard input)
    #[arg(required = true)]
    pub claims: Vec<PathBuf>,
    /// Threads to write reports with (default: all cores)
    #[arg(long, short = 'j', value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    pub jobs: Option<u16>,
    #[command(flatten)]
    pub report: ReportArgs,
}

/// How documents are read.
#[derive(Debug, Args, Clone, Default)]
pub struct ReadArgs {
    /// Threads to read and extract documents with (default: all cores)
    #[arg(long, short = 'j', value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    pub jobs: Option<u16>,
    /// Skip files larger than SIZE (bytes, or with K, M, G suffix)
    #[arg(long, value_name = "SIZE", value_parser = parse_size, default_value = "64M")]
    pub max_file_size: u64,
    /// The publication date of documents that give none (drafts not yet
    /// dated): YYYY-MM-DD, or `today`
    #[arg(long, value_name = "DATE", value_parser = parse_published)]
    pub published: Option<crate::dates::Date>,
}

/// `2024-03-08`, or `today` (the local calendar day of the run).
fn parse_published(s: &str) -> Result<crate::dates::Date, String> {
    if s.eq_ignore_ascii_case("today") {
        return Ok(jiff::ZonedDateTime::now().date());
    }
    crate::dates::parse_date(s).ok_or_else(|| format!("`{s}` is not a date: write YYYY-MM-DD, or `today`"))
}

/// `64M` → 67108864.
fn parse_size(s: &str) -> Result<u64, String> {
    let s = s.trim();
    let (digits, shift) = match s.char_indices().last() {
        Some((i, 'K' | 'k')) => (&s[..i], 10),
        Some((i, 'M' | 'm')) => (&s[..i], 20),
        Some((i, 'G' | 'g')) => (&s[..i], 30),
        _ => (s, 0),
    };
    let n: u64 = digits.parse().map_err(|_| format!("`{s}` is not a size: write bytes, or a number with K, M or G"))?;
    n.checked_mul(1 << shift).ok_or_else(|| format!("`{s}` is too large"))
}

/// What is compared and how results are reported.
#[derive(Debug, Args)]
pub struct ReportArgs {
    #[command(flatten)]
    pub rules: RulesArgs,
    /// Output format (repeatable). With --out, report formats are written to
    /// files there; without, everything goes to standard output. Default: the
    /// terminal view (concise when not a terminal) plus markdown, html, json
    /// and sarif reports in the output directory
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub format: Vec<crate::config::OutputFormat>,
    /// Directory for report files (created if missing; default `reports`)
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
    /// Base name of report files (default: the first path's name)
    #[arg(long, value_parser = crate::config::report_name)]
    pub name: Option<String>,
    /// Lowest severity that fails the run (exit code 1)
    #[arg(long, value_enum, value_name = "SEVERITY")]
    pub fail_on: Option<crate::config::FailOn>,
    /// Report only findings whose ids are not in FILE
    #[arg(long, value_name = "FILE")]
    pub baseline: Option<PathBuf>,
    /// A sources manifest (document metadata, datasets) to read besides those beside the documents
    #[arg(long = "sources", value_name = "FILE")]
    pub sources: Vec<PathBuf>,
    /// Colour: auto (a terminal without NO_COLOR), always, never
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
    #[command(flatten)]
    pub config: ConfigArgs,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum ColorChoice {
    #[default]
    Auto,
    Always,
    Never,
}

#[derive(Debug, Args)]
pub struct ExtractArgs {
    /// Files or directories to read; `-` reads standard input
    #[arg(default_value = "-")]
    pub paths: Vec<PathBuf>,
    /// Output format
    #[arg(long, value_enum, default_value_t = ExtractFormat::Jsonl)]
    pub format: ExtractFormat,
    /// Also list numbers that are not counts: years, dates, times, identifiers, idioms
    #[arg(long)]
    pub all: bool,
    /// List claims (figures bound to a metric by a rule) instead of figures;
    /// as JSON Lines this is a claims file for `figcheck compare`
    #[arg(long, conflicts_with = "explain")]
    pub claims: bool,
    /// Show, sentence by sentence, the figures found and why each rule matched or not
    #[arg(long)]
    pub explain: bool,
    /// What standard input holds: one text, or JSON Lines of documents
    /// (`{"path": …, "text": …}`, optionally `format`, `title`, `publisher`,
    /// `author`, `url`, `published`), as a pipe step of a distributed engine sends them
    #[arg(long, value_enum, default_value_t = StdinFormat::Text)]
    pub stdin_format: StdinFormat,
    /// Sources manifests giving documents their metadata
    #[arg(long = "sources", value_name = "FILE")]
    pub sources: Vec<PathBuf>,
    #[command(flatten)]
    pub read: ReadArgs,
    #[command(flatten)]
    pub rules: RulesArgs,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum StdinFormat {
    /// One plain-text document
    Text,
    /// One JSON document record per line
    Jsonl,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExtractFormat {
    /// One JSON object per line
    Jsonl,
    /// An aligned table for reading
    Table,
}

#[cfg(test)]
mod tests {
    use super::parse_size;

    #[test]
    fn sizes() {
        assert_eq!(parse_size("64M"), Ok(64 << 20));
        assert_eq!(parse_size("100"), Ok(100));
        assert_eq!(parse_size("2k"), Ok(2048));
        assert!(parse_size("lots").is_err());
        assert!(parse_size("99999999999G").is_err());
    }
}
