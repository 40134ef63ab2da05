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
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Files or directories to check (directories are walked; .gitignore is honoured)
    #[arg(default_value = ".")]
    pub paths: Vec<PathBuf>,
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
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExtractFormat {
    /// One JSON object per line
    Jsonl,
    /// An aligned table for reading
    Table,
}
