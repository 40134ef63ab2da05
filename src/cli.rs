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
    /// List the figures (or claims) found in documents, one record per line
    Extract(ExtractArgs),
    /// List, test and explain rules
    #[command(subcommand)]
    Rules(RulesCommand),
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
    /// Files or directories to check (directories are walked; .gitignore is honoured)
    #[arg(default_value = ".")]
    pub paths: Vec<PathBuf>,
    #[command(flatten)]
    pub rules: RulesArgs,
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
    /// List claims (figures bound to a metric by a rule) instead of figures
    #[arg(long, conflicts_with = "explain")]
    pub claims: bool,
    /// Show, sentence by sentence, the figures found and why each rule matched or not
    #[arg(long)]
    pub explain: bool,
    #[command(flatten)]
    pub rules: RulesArgs,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExtractFormat {
    /// One JSON object per line
    Jsonl,
    /// An aligned table for reading
    Table,
}
