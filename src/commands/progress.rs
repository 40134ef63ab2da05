//! A progress bar on stderr for long runs: only when a person is watching
//! (stderr is a terminal, the output is a human view) and the run has more
//! than a few hundred documents. Never in machine formats. Once the
//! documents are read it turns into a spinner that says what the run is
//! doing (comparing, writing the reports): over an archive that takes
//! seconds, and a screen that stops moving looks like a hang.

use std::sync::{Mutex, OnceLock};
use std::time::Duration;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressState, ProgressStyle};

use crate::analysis::Progress;

/// Fewer documents than this finish before a bar would help.
const MIN_DOCUMENTS: usize = 300;

/// Claims files smaller than this together are read before a spinner would help.
const MIN_CLAIMS_BYTES: u64 = 16 << 20;

/// The bar on the terminal, for an interrupt to clear before the process
/// exits: a run stopped with Ctrl-C leaves the prompt on a clean line.
static SHOWN: Mutex<Option<ProgressBar>> = Mutex::new(None);

fn shown() -> std::sync::MutexGuard<'static, Option<ProgressBar>> {
    SHOWN.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// Clear the bar from the terminal, if one is drawn.
pub fn clear_for_exit() {
    if let Some(b) = shown().take() {
        b.finish_and_clear();
    }
}

pub(crate) struct Bar {
    enabled: bool,
    bar: OnceLock<ProgressBar>,
}

impl Bar {
    pub(crate) fn new(enabled: bool) -> Bar {
        Bar { enabled, bar: OnceLock::new() }
    }

    /// A spinner from the start, for a run measured in bytes (claims
    /// files for `compare`), saying what it does.
    pub(crate) fn spin(&self, bytes: u64, what: &str) {
        if !self.enabled || bytes < MIN_CLAIMS_BYTES {
            return;
        }
        let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
        *shown() = Some(bar.clone());
        let _ = self.bar.set(bar);
        self.phase(what);
    }

    /// Cleared from the terminal, before anything else is printed there.
    pub(crate) fn finish(&self) {
        if let Some(b) = self.bar.get() {
            shown().take();
            b.finish_and_clear();
        }
    }
}

impl Drop for Bar {
    fn drop(&mut self) {
        self.finish();
    }
}

impl Progress for Bar {
    fn start(&self, total: usize) {
        if !self.enabled || total < MIN_DOCUMENTS {
            return;
        }
        let bar = ProgressBar::with_draw_target(Some(total as u64), ProgressDrawTarget::stderr());
        if let Ok(style) =
            ProgressStyle::with_template("{spinner} {pos}/{len} documents [{wide_bar}] {rate}, {eta} left")
        {
            // Whole documents a second: `{per_sec}` shows four decimals.
            let rate = |s: &ProgressState, w: &mut dyn std::fmt::Write| {
                let _ = write!(w, "{:.0}/s", s.per_sec());
            };
            bar.set_style(style.with_key("rate", rate).progress_chars("=> "));
        }
        *shown() = Some(bar.clone());
        let _ = self.bar.set(bar);
    }

    fn advance(&self) {
        if let Some(b) = self.bar.get() {
            b.inc(1);
        }
    }

    fn phase(&self, what: &str) {
        let Some(b) = self.bar.get().filter(|b| !b.is_finished()) else { return };
        if let Ok(style) = ProgressStyle::with_template("{spinner} {msg} ({elapsed})") {
            b.set_style(style);
        }
        b.set_message(what.to_string());
        // Drawn by a thread of indicatif's while the run's threads work.
        b.enable_steady_tick(Duration::from_millis(120));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bar_only_for_people_and_long_runs() {
        let off = Bar::new(false);
        off.start(10_000);
        assert!(off.bar.get().is_none());
        let short = Bar::new(true);
        short.start(MIN_DOCUMENTS - 1);
        assert!(short.bar.get().is_none());
        let long = Bar::new(true);
        long.start(MIN_DOCUMENTS);
        long.advance();
        assert_eq!(long.bar.get().map(|b| (b.position(), b.length())), Some((1, Some(MIN_DOCUMENTS as u64))));
        long.finish();
    }

    #[test]
    fn after_the_documents_the_bar_says_what_the_run_does() {
        let off = Bar::new(false);
        off.start(10_000);
        off.phase("comparing 1 claim");
        assert!(off.bar.get().is_none());
        let long = Bar::new(true);
        long.start(MIN_DOCUMENTS);
        long.phase("comparing 40,845 claims");
        let b = long.bar.get().unwrap();
        assert_eq!(b.message(), "comparing 40,845 claims");
        assert!(!b.is_finished());
        long.finish();
        assert!(b.is_finished());
        // Finished, it stays so: a later phase does not bring it back.
        long.phase("writing the reports");
        assert_eq!(b.message(), "comparing 40,845 claims");
    }

    #[test]
    fn a_spinner_for_large_claims_files_only() {
        let small = Bar::new(true);
        small.spin(MIN_CLAIMS_BYTES - 1, "reading the claims files");
        assert!(small.bar.get().is_none());
        let off = Bar::new(false);
        off.spin(u64::MAX, "reading the claims files");
        assert!(off.bar.get().is_none());
        let large = Bar::new(true);
        large.spin(MIN_CLAIMS_BYTES, "reading the claims files");
        assert_eq!(large.bar.get().map(ProgressBar::message).as_deref(), Some("reading the claims files"));
        large.phase("comparing 3 claims");
        assert_eq!(large.bar.get().map(ProgressBar::message).as_deref(), Some("comparing 3 claims"));
        large.finish();
        assert!(large.bar.get().is_some_and(ProgressBar::is_finished));
    }
}
