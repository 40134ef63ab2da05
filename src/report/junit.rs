//! JUnit XML for CI systems that show test reports: one test suite per
//! metric, one test case per finding; findings at or above the failure
//! threshold are failures.

use std::collections::BTreeMap;
use std::io::{self, Write};

use super::{Context, Out, Reporter};

pub struct Junit;

/// Escape text for XML content and attributes.
pub(crate) fn xml(s: &str) -> Xml<'_> {
    Xml(s)
}

/// Text escaped for XML as it is written: most text has nothing to
/// escape and goes out in one piece.
pub(crate) struct Xml<'a>(&'a str);

impl std::fmt::Display for Xml<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Control characters other than line breaks and tabs are not allowed in XML 1.0.
        const SPECIAL: [bool; 256] = super::escaped_bytes(b"&<>\"'", true);
        super::write_escaped(f, self.0, &SPECIAL, |b| match b {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\'' => "&apos;",
            _ => "",
        })
    }
}

impl Reporter for Junit {
    fn render(&self, cx: &Context<'_>, out: &mut Out<'_>) -> io::Result<()> {
        let mut by_metric: BTreeMap<&str, Vec<crate::diagnostic::Diagnostic<'_>>> = BTreeMap::new();
        for d in cx.diagnostics(super::FINDING_RELATED) {
            by_metric.entry(d.finding.metric()).or_default().push(d);
        }
        let failures = cx.failing();
        writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
        writeln!(
            out,
            r#"<testsuites name="figcheck {}" tests="{}" failures="{failures}">"#,
            xml(cx.name),
            cx.findings.len()
        )?;
        for (metric, ds) in by_metric {
            let f = ds.iter().filter(|d| cx.fail_on.fails(d.finding.severity)).count();
            writeln!(out, r#"  <testsuite name="{}" tests="{}" failures="{f}">"#, xml(metric), ds.len())?;
            for d in ds {
                let fd = d.finding;
                let name = format!("{} {} ({})", fd.kind.name(), d.primary.text, fd.id);
                writeln!(
                    out,
                    r#"    <testcase name="{}" classname="{}" file="{}" line="{}">"#,
                    xml(&name),
                    xml(metric),
                    xml(d.primary.path),
                    d.primary.line
                )?;
                if cx.fail_on.fails(fd.severity) {
                    writeln!(
                        out,
                        r#"      <failure type="{}" message="{}">"#,
                        fd.severity.name(),
                        xml(&fd.explanation())
                    )?;
                    writeln!(
                        out,
                        "{}:{}:{}: {}",
                        xml(d.primary.path),
                        d.primary.line,
                        d.primary.column,
                        xml(&d.primary.message(&cx.analysis.claims))
                    )?;
                    for r in &d.related {
                        writeln!(
                            out,
                            "{}:{}:{}: {}",
                            xml(r.path),
                            r.line,
                            r.column,
                            xml(&r.message(&cx.analysis.claims))
                        )?;
                    }
                    if let Some(note) = d.omitted_note() {
                        writeln!(out, "{}", xml(&note))?;
                    }
                    writeln!(out, "      </failure>")?;
                } else {
                    writeln!(out, "      <system-out>{}</system-out>", xml(&fd.explanation()))?;
                }
                writeln!(out, "    </testcase>")?;
            }
            writeln!(out, "  </testsuite>")?;
        }
        writeln!(out, "</testsuites>")
    }
}

#[cfg(test)]
mod tests {
    use super::xml;

    #[test]
    fn xml_escapes_markup_and_drops_control_characters() {
        assert_eq!(xml("plain text").to_string(), "plain text");
        assert_eq!(
            xml("<b>\"Tom\" & 'Jerry'</b>\u{7}\tend\n").to_string(),
            "&lt;b&gt;&quot;Tom&quot; &amp; &apos;Jerry&apos;&lt;/b&gt;\tend\n"
        );
        assert_eq!(xml("été & <ü>").to_string(), "été &amp; &lt;ü&gt;");
        assert_eq!(xml("\u{0}a\r\u{1f}\u{7f}b\u{0}").to_string(), "a\r\u{7f}b");
    }
}
