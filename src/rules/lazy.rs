//! Regexes of the embedded rule pack, built on first use.

use std::collections::BTreeMap;
use std::fmt;
use std::ops::Deref;
use std::sync::{Arc, Mutex, OnceLock};

/// A regex built when it is first used. The default pack holds a few
/// hundred regexes, and a draft checked in CI reaches a handful: building
/// all of them was most of a one-file run. The default pack's regexes are
/// each built by a test (`every_default_regex_builds`); a user's rules are
/// built when loaded, so that an error names its file and line.
pub struct Lazy<R> {
    source: String,
    cell: Arc<OnceLock<R>>,
    build: fn(&str) -> Result<R, String>,
}

/// The cells of regexes built later, by source: rules that share a list of
/// words (the places several rules leave out) build it once.
pub type Cells<R> = Mutex<BTreeMap<String, Arc<OnceLock<R>>>>;

impl<R> Clone for Lazy<R> {
    fn clone(&self) -> Self {
        Lazy { source: self.source.clone(), cell: Arc::clone(&self.cell), build: self.build }
    }
}

impl<R> Lazy<R> {
    /// Built now: the error, if any, is the caller's to report.
    pub fn now(source: String, build: fn(&str) -> Result<R, String>) -> Result<Lazy<R>, String> {
        let r = build(&source)?;
        Ok(Lazy::built(source, r, build))
    }

    /// Already built from `source`.
    pub fn built(source: String, value: R, build: fn(&str) -> Result<R, String>) -> Lazy<R> {
        Lazy { source, cell: Arc::new(OnceLock::from(value)), build }
    }

    /// Built on first use, once for all `Lazy`s of one source in `cells`;
    /// `source` must be known to build.
    pub fn later(source: String, build: fn(&str) -> Result<R, String>, cells: &Cells<R>) -> Lazy<R> {
        let mut cells = cells.lock().unwrap_or_else(|p| p.into_inner());
        let cell = Arc::clone(cells.entry(source.clone()).or_default());
        Lazy { source, cell, build }
    }

    /// The pattern it is built from.
    pub fn source(&self) -> &str {
        &self.source
    }

    /// Build it now if it is not yet built.
    pub fn try_build(&self) -> Result<&R, String> {
        if let Some(r) = self.cell.get() {
            return Ok(r);
        }
        let r = (self.build)(&self.source)?;
        Ok(self.cell.get_or_init(|| r))
    }

    pub fn get(&self) -> &R {
        // Only the embedded pack is built later, and its every regex is
        // built by a test: this cannot fail in a released binary.
        self.try_build().unwrap_or_else(|e| panic!("embedded rule regex `{}`: {e}", self.source))
    }
}

impl<R> Deref for Lazy<R> {
    type Target = R;

    fn deref(&self) -> &R {
        self.get()
    }
}

impl<R> fmt::Debug for Lazy<R> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Lazy({:?}, built: {})", self.source, self.cell.get().is_some())
    }
}
