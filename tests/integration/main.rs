//! figcheck's integration tests, one binary with a module per theme.
#![allow(clippy::print_stderr, clippy::print_stdout)]

mod claims;
mod cli;
mod common;
mod compare;
mod peer_specs;
mod properties;
mod rules;
mod seeds;
