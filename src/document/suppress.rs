//! Suppression comments: `<!-- figcheck-ignore: METRIC reason -->` in
//! Markdown and HTML, `# figcheck-ignore: METRIC reason` in plain text, on
//! the line before a figure; `NOTE figcheck-ignore METRIC reason` in
//! WebVTT, before a cue. A suppression needs a reason.

use std::sync::LazyLock;

use regex::Regex;

use super::Format;
use crate::error::Problem;

/// One suppression comment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suppression {
    /// 1-based line of the comment in the file; it covers the lines after
    /// it up to `last`: the next line, or a caption's next cue.
    pub line: usize,
    pub last: usize,
    /// A metric, a rule id, or `*` for every metric.
    pub target: String,
    pub reason: Option<String>,
}

impl Suppression {
    /// Whether it covers a claim of `metric` by `rule` on `line`.
    pub fn covers(&self, line: usize, metric: &str, rule: &str) -> bool {
        (self.line + 1..=self.last).contains(&line)
            && (self.target == "*" || self.target == metric || self.target == rule)
    }
}

static COMMENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"<!--\s*figcheck-ignore:?\s*(?P<target>[A-Za-z0-9_.*-]+)(?P<reason>[^>]*?)\s*-->")
        .expect("comment regex")
});
static HASH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?m)^[ \t]*#\s*figcheck-ignore:?\s*(?P<target>[A-Za-z0-9_.*-]+)(?P<reason>[^\n]*)$")
        .expect("hash regex")
});

static NOTE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?m)^NOTE[ \t]+figcheck-ignore:?\s*(?P<target>[A-Za-z0-9_.*-]+)(?P<reason>[^\n]*)$")
        .expect("note regex")
});

/// The suppressions of a file; a suppression without a reason is a warning.
pub fn find(path: &str, format: Format, file: &str, problems: &mut Vec<Problem>) -> Vec<Suppression> {
    let re: &Regex = match format {
        Format::Markdown | Format::Html => &COMMENT,
        Format::Text => &HASH,
        // WebVTT's comments; a SubRip file has none, and holds no "NOTE" line.
        Format::Captions => &NOTE,
    };
    let mut out = Vec::new();
    for c in re.captures_iter(file) {
        let start = c.get(0).expect("whole match").start();
        let end = c.get(0).expect("whole match").end();
        // The comment's last line is the one before the figure.
        let line = file[..end].matches('\n').count() + 1;
        let first_line = file[..start].matches('\n').count() + 1;
        let reason = c.name("reason").map(|m| m.as_str().trim().to_string()).filter(|r| !r.is_empty());
        if reason.is_none() {
            problems.push(
                Problem::warning(
                    path,
                    format!("figcheck-ignore: {} has no reason; say why the figure is accepted", &c["target"]),
                )
                .at_line(first_line),
            );
        }
        let last = if format == Format::Captions { next_cue_end(file, end) } else { line + 1 };
        out.push(Suppression { line, last, target: c["target"].to_string(), reason });
    }
    out
}

/// The last line of the text of the cue after a WebVTT note ending at
/// `end`: past the blank line that closes the note, the cue's identifier
/// and timing, to the blank line that closes the cue.
fn next_cue_end(file: &str, end: usize) -> usize {
    let first = file[..end].matches('\n').count() + 1;
    let mut last = first + 1;
    let mut in_cue = false;
    for (i, line) in file[end..].split('\n').enumerate().skip(1) {
        let blank = line.trim().is_empty();
        if in_cue && blank {
            break;
        }
        if !blank && !line.contains("-->") {
            in_cue = true;
            last = first + i;
        }
        if line.contains("-->") {
            in_cue = true;
        }
    }
    last
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comments_and_hash_lines() {
        let mut p = Vec::new();
        let md = "Intro\n<!-- figcheck-ignore: gaza.killed quoted from a 2023 report -->\n19,667 killed.\n<!-- figcheck-ignore: * -->\nx\n";
        let s = find("a.md", Format::Markdown, md, &mut p);
        assert_eq!(
            s[0],
            Suppression {
                line: 2,
                last: 3,
                target: "gaza.killed".into(),
                reason: Some("quoted from a 2023 report".into())
            }
        );
        assert!(s[0].covers(3, "gaza.killed", "gaza-killed"));
        assert!(!s[0].covers(3, "gaza.injured", "gaza-injured"));
        assert_eq!(s[1].reason, None);
        assert_eq!(
            p[0].to_string(),
            "warning: a.md:4: figcheck-ignore: * has no reason; say why the figure is accepted"
        );
        let txt = "# figcheck-ignore: gaza-killed historical figure\n19,667 killed.\n";
        let s = find("a.txt", Format::Text, txt, &mut p);
        assert_eq!((s[0].line, s[0].target.as_str()), (1, "gaza-killed"));
        // A WebVTT note covers the whole of the next cue's text.
        let vtt = "WEBVTT\n\nNOTE figcheck-ignore gaza.injured misread on air\n\n4\n00:10.000 --> 00:12.000\nThe ministry says\n80,000 have been wounded.\n\n5\n00:12.000 --> 00:14.000\n81,000\n";
        let s = find("a.vtt", Format::Captions, vtt, &mut p);
        assert_eq!((s[0].line, s[0].last, s[0].reason.as_deref()), (3, 8, Some("misread on air")));
        assert!(s[0].covers(8, "gaza.injured", "gaza-injured"));
        assert!(!s[0].covers(11, "gaza.injured", "gaza-injured"));
    }
}
