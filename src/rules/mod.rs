//! Rules: which metric a figure is about. `spec` is the YAML shape,
//! `compile` builds the matchers once, `pack` holds the embedded default
//! rules and user rules, `authorities` the names of sources, `lazy` builds
//! the default pack's regexes on first use, `pattern_set` finds which
//! patterns match a sentence, and `verify` runs every rule's own examples.

pub mod authorities;
pub mod compile;
pub mod lazy;
pub mod pack;
pub mod pattern_set;
pub mod spec;
pub mod verify;

pub use authorities::{Authorities, Authority};
pub use compile::{Events, Rule, RuleError, RuleNames};
pub use pack::RulePack;
pub use spec::{Behavior, Severity};
