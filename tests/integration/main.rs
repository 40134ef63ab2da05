//! figcheck's integration tests, one binary with a module per theme.
#![allow(clippy::print_stderr, clippy::print_stdout)]

mod peer_specs;
