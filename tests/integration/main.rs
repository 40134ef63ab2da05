//! figcheck's integration tests, one binary with a module per theme.
#![allow(clippy::print_stderr, clippy::print_stdout)]

mod ci;
mod claims;
mod cli;
mod common;
mod compare;
mod drafts;
mod hostile;
mod interrupt;
mod peer_specs;
mod properties;
mod recall;
mod reports;
mod rules;
mod scale;
mod seeds;
mod terminal;
