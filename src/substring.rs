//! Searches for a literal known when the program is built. A one-off
//! `memchr::memmem::find` (or `str::find` with a `&str`) builds its
//! searcher on every call, which costs more than searching a sentence.

/// The `memchr::memmem::Finder` for a literal needle, built once per call
/// site on first use.
macro_rules! finder {
    ($needle:expr) => {{
        static FINDER: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
            std::sync::LazyLock::new(|| memchr::memmem::Finder::new($needle));
        &*FINDER
    }};
}
pub(crate) use finder;

#[cfg(test)]
mod tests {
    #[test]
    fn finds_the_needle_at_each_call_site() {
        let by = |s: &str| finder!(b" by ").find(s.as_bytes());
        assert_eq!(by("killed by a strike"), Some(6));
        assert_eq!(by("bystanders"), None);
        let same = |s: &str| finder!("same").find_iter(s.as_bytes()).collect::<Vec<_>>();
        assert_eq!(same("the same period, the same months"), vec![4, 21]);
    }
}
