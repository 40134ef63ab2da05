//! JUnit XML for CI systems that show test reports: one test suite per
//! metric, one test case per finding; findings at or above the failure
//! threshold are failures.

use std::collections::BTreeMap;
use std::io::{self, Write};

use super::{Context, Reporter};

pub struct Junit;

/// Escape text for XML content and attributes.
pub(crate) fn xml(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c if (c as u32) < 0x20 && !matches!(c, '\n' | '\t' | '\r') => {}
            c => out.push(c),
        }
    }
    out
}

impl Reporter for Junit {
    fn render(&self, cx: &Context<'_>, out: &mut dyn Write) -> io::Result<()> {
        let mut by_metric: BTreeMap<&str, Vec<crate::diagnostic::Diagnostic<'_>>> = BTreeMap::new();
        for d in cx.diagnostics() {
            by_metric.entry(&d.finding.metric).or_default().push(d);
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
                        xml(&fd.explanation)
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
                    writeln!(out, "      </failure>")?;
                } else {
                    writeln!(out, "      <system-out>{}</system-out>", xml(&fd.explanation))?;
                }
                writeln!(out, "    </testcase>")?;
            }
            writeln!(out, "  </testsuite>")?;
        }
        writeln!(out, "</testsuites>")
    }
}
