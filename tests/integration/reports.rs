//! Every output format on one shared set of findings (the discrepancy
//! fixtures), as snapshots; the JSON against its schema, the SARIF's
//! required properties, the HTML's well-formedness and chart marks; and
//! the committed seed reports against what the code produces now.

use std::collections::BTreeMap;

use figcheck::analysis::{Analysis, Options, analyze};
use figcheck::config::OutputFormat;
use figcheck::report::Context;
use figcheck::rules::RulePack;
use serde_json::Value;

fn fixture() -> Analysis {
    let pack = RulePack::default_pack();
    analyze(&["tests/fixtures/discrepancies".into()], None, &pack, &Options::default())
}

fn render(a: &Analysis, format: OutputFormat) -> String {
    let cx = Context::new("discrepancies", a, a.findings.iter().collect());
    let mut out = Vec::new();
    figcheck::report::render(format, &cx, &mut out).unwrap();
    String::from_utf8(out).unwrap()
}

#[test]
fn every_format_on_the_shared_findings() {
    let a = fixture();
    for (format, name) in [
        (OutputFormat::Terminal, "terminal"),
        (OutputFormat::Concise, "concise"),
        (OutputFormat::Github, "github"),
        (OutputFormat::Markdown, "markdown"),
        (OutputFormat::Json, "json"),
        (OutputFormat::Jsonl, "jsonl"),
        (OutputFormat::Sarif, "sarif"),
        (OutputFormat::Junit, "junit"),
        (OutputFormat::Html, "html"),
    ] {
        insta::assert_snapshot!(format!("format_{name}"), render(&a, format));
    }
}

#[test]
fn json_validates_against_the_published_schema() {
    let schema: Value =
        serde_json::from_str(&std::fs::read_to_string("docs/figcheck-report.schema.json").unwrap()).unwrap();
    let validator = jsonschema::validator_for(&schema).expect("a valid schema");
    for a in [fixture(), analyze(&["seeds".into()], None, &RulePack::default_pack(), &Options::default())] {
        let doc: Value = serde_json::from_str(&render(&a, OutputFormat::Json)).unwrap();
        let errors: Vec<String> =
            validator.iter_errors(&doc).map(|e| format!("{} at {}", e, e.instance_path())).collect();
        assert!(errors.is_empty(), "{errors:#?}");
        assert_eq!(doc["schema"], "figcheck/1");
        assert_eq!(doc["findings"].as_array().unwrap().len(), a.findings.len());
    }
    // Each JSON Lines record parses and says what it is.
    let a = fixture();
    let lines: Vec<Value> = render(&a, OutputFormat::Jsonl).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.iter().filter(|l| l["type"] == "claim").count(), a.claims.len());
    assert_eq!(lines.iter().filter(|l| l["type"] == "finding").count(), a.findings.len());
    assert_eq!(lines.last().unwrap()["type"], "summary");
}

#[test]
fn sarif_has_the_required_properties() {
    let a = fixture();
    let s: Value = serde_json::from_str(&render(&a, OutputFormat::Sarif)).unwrap();
    assert_eq!(s["version"], "2.1.0");
    assert!(s["$schema"].as_str().unwrap().contains("sarif-2.1.0"));
    let run = &s["runs"][0];
    assert_eq!(run["tool"]["driver"]["name"], "figcheck");
    let rules: Vec<&str> =
        run["tool"]["driver"]["rules"].as_array().unwrap().iter().map(|r| r["id"].as_str().unwrap()).collect();
    // Problems only: code scanning would make an alert of an agreement.
    assert_eq!(rules.len(), 9);
    assert!(!rules.contains(&"corroborated") && !rules.contains(&"dataset-match"));
    let results = run["results"].as_array().unwrap();
    let problems = a.findings.iter().filter(|f| !f.kind.is_agreement()).count();
    assert!(problems > 0 && problems < a.findings.len(), "the fixture has both");
    assert_eq!(results.len(), problems);
    for r in results {
        let rule = r["ruleId"].as_str().unwrap();
        assert_eq!(rules[r["ruleIndex"].as_u64().unwrap() as usize], rule);
        assert!(["error", "warning", "note"].contains(&r["level"].as_str().unwrap()));
        assert!(!r["message"]["text"].as_str().unwrap().is_empty());
        let loc = &r["locations"][0]["physicalLocation"];
        assert!(loc["artifactLocation"]["uri"].as_str().unwrap().starts_with("tests/fixtures/discrepancies/"));
        assert!(loc["region"]["startLine"].as_u64().unwrap() >= 1);
        assert!(loc["region"]["startColumn"].as_u64().unwrap() >= 1);
        for rel in r["relatedLocations"].as_array().unwrap() {
            assert!(rel["id"].as_u64().is_some() && rel["message"]["text"].is_string());
            assert!(rel["physicalLocation"]["region"]["startLine"].as_u64().unwrap() >= 1);
        }
        assert_eq!(r["partialFingerprints"]["figcheckFinding/v1"].as_str().unwrap().len(), 12);
    }
}

/// The XML elements of a document, as names, failing on malformed markup.
fn elements(xml: &str) -> Vec<String> {
    let mut reader = quick_xml::Reader::from_str(xml);
    reader.config_mut().check_end_names = true;
    let mut names = Vec::new();
    loop {
        match reader.read_event() {
            Ok(quick_xml::events::Event::Eof) => return names,
            Ok(quick_xml::events::Event::Start(e) | quick_xml::events::Event::Empty(e)) => {
                names.push(String::from_utf8_lossy(e.name().as_ref().as_bytes()).into_owned());
            }
            Ok(_) => {}
            Err(e) => panic!("malformed at byte {}: {e}", reader.buffer_position()),
        }
    }
}

#[test]
fn html_is_well_formed_and_marks_every_claim_once() {
    let a = fixture();
    let html = render(&a, OutputFormat::Html);
    let names = elements(&html);
    assert!(names.contains(&"svg".to_string()));
    assert!(!html.contains("http://") || !html.contains("<link"), "the page loads nothing from the network");
    assert!(!html.contains("<script"));
    // One chart per metric, one circle per claim of that metric.
    let mut per_metric: BTreeMap<&str, usize> = BTreeMap::new();
    for c in &a.claims {
        *per_metric.entry(&**c.metric()).or_default() += 1;
    }
    let charts: Vec<&str> = html.split("<figure>").skip(1).map(|s| s.split("</figure>").next().unwrap()).collect();
    assert_eq!(charts.len(), per_metric.len());
    for (chart, (metric, n)) in charts.iter().zip(&per_metric) {
        assert!(chart.contains(&format!(">\n{metric}\n</text>")), "chart of {metric}");
        assert_eq!(chart.matches("<circle").count(), *n, "{metric}");
    }
    // The series is drawn as a line on the charts of metrics that have one.
    let killed = charts[per_metric.keys().position(|m| *m == "gaza.killed").unwrap()];
    assert!(killed.contains("<polyline"));
    // Claims cited by problems are red.
    assert!(killed.contains("fill=\"#C81E1E\""));
}

#[test]
fn the_committed_seed_reports_are_current() {
    let dir = tempfile::tempdir().unwrap();
    let out = crate::common::figcheck(&[
        "check",
        "seeds",
        "--no-config",
        "--out",
        dir.path().to_str().unwrap(),
        "--format",
        "markdown",
        "--format",
        "html",
        "--format",
        "json",
        "--format",
        "sarif",
    ]);
    assert_eq!(out.status, figcheck::error::ExitStatus::Clean, "{}", out.stderr);
    for ext in ["md", "html", "json", "sarif"] {
        let fresh = std::fs::read(dir.path().join(format!("seeds.{ext}"))).unwrap();
        let committed = std::fs::read(format!("reports/seeds.{ext}")).unwrap();
        assert!(fresh == committed, "reports/seeds.{ext} is out of date: run `cargo run --release -- check seeds`");
    }
}

/// The views that cite one place a finding, and those that list problems
/// and agreements apart, see what the full diagnostics say.
#[test]
fn located_findings_and_the_split_diagnostics_agree_with_the_full_ones() {
    let a = fixture();
    let cx = Context::new("discrepancies", &a, a.findings.iter().collect());
    let full: Vec<_> = cx.diagnostics(usize::MAX).collect();
    let located: Vec<_> = cx.located().collect();
    assert_eq!(located.len(), full.len());
    for (d, (f, p)) in full.iter().zip(&located) {
        assert!(std::ptr::eq(d.finding, *f));
        assert_eq!(
            (d.primary.claim, d.primary.path, d.primary.line, d.primary.column),
            (p.claim, p.path, p.line, p.column)
        );
    }
    let mut seen = 0;
    for agreements in [false, true] {
        let got: Vec<(usize, usize)> =
            cx.diagnostics_of(agreements, usize::MAX).map(|d| (d.primary.claim, d.related.len())).collect();
        let want: Vec<(usize, usize)> = full
            .iter()
            .filter(|d| d.finding.kind.is_agreement() == agreements)
            .map(|d| (d.primary.claim, d.related.len()))
            .collect();
        assert_eq!(got, want);
        assert_eq!(cx.shows(agreements), !want.is_empty());
        seen += got.len();
    }
    assert_eq!(seen, full.len());
    assert!(full.iter().any(|d| !d.finding.kind.is_agreement()));
}

/// A source with a link is cited with it, escaped for each format; one
/// without is cited by its publisher alone.
#[test]
fn sources_are_cited_with_their_links() {
    let dir = tempfile::tempdir().unwrap();
    let doc = |publisher: &str, url: &str, figure: &str| {
        format!(
            "---\npublisher: {publisher}\n{url}published: 2024-01-10\n---\nThe Gaza health ministry said {figure} Palestinians have been killed in Gaza.\n"
        )
    };
    std::fs::write(dir.path().join("a.md"), doc("Daily A", "url: https://a.example/x?a=1&b=2\n", "24,000")).unwrap();
    std::fs::write(dir.path().join("b.md"), doc("Daily <B>", "", "29,000")).unwrap();
    let a = analyze(&[dir.path().to_path_buf()], None, &RulePack::default_pack(), &Options::default());
    assert_eq!(a.findings.len(), 1);
    let html = render(&a, OutputFormat::Html);
    assert!(
        html.contains(r#"<td><a href="https://a.example/x?a=1&amp;b=2">Daily A</a></td><td>2024-01-10</td>"#),
        "{html}"
    );
    assert!(html.contains("<td>Daily &lt;B&gt;</td><td>2024-01-10</td>"), "{html}");
    let md = render(&a, OutputFormat::Markdown);
    assert!(md.contains("> — Daily A, 2024-01-10, <https://a.example/x?a=1&b=2>\n\n"), "{md}");
    assert!(md.contains("> — Daily <B>, 2024-01-10\n\n"), "{md}");
    assert!(md.contains("| 29,000 | Daily <B> | 2024-01-10 |"), "{md}");
}

/// A finding that 160 outlets take part in: the editorial reports list 20
/// of its claims besides the primary one, both sides included, and say
/// how many there are; SARIF lists 100 related locations (GitHub shows
/// 100, rejects more than 1,000); the JSON report cites every claim.
#[test]
fn a_finding_citing_many_claims_lists_a_sample_of_each_side() {
    let dir = tempfile::tempdir().unwrap();
    let docs = dir.path().join("docs");
    std::fs::create_dir(&docs).unwrap();
    for i in 0..130 {
        let body = "Hamas took 253 hostages into Gaza.";
        let text = format!("---\npublisher: Wire {i}\npublished: 2023-11-{:02}\n---\n{body}\n", i % 28 + 1);
        std::fs::write(docs.join(format!("a{i:03}.md")), text).unwrap();
    }
    for i in 0..30 {
        let body = "Hamas took about 240 hostages into Gaza.";
        let text = format!("---\npublisher: Post {i}\npublished: 2023-12-{:02}\n---\n{body}\n", i % 28 + 1);
        std::fs::write(docs.join(format!("b{i:03}.md")), text).unwrap();
    }
    let out = dir.path().join("out");
    let formats = ["markdown", "html", "json", "sarif", "junit"];
    let mut args =
        vec!["check", docs.to_str().unwrap(), "--no-config", "--name", "many", "--out", out.to_str().unwrap()];
    args.extend(formats.iter().flat_map(|f| ["--format", f]));
    // A failure, so that JUnit lists the claims.
    args.extend(["--fail-on", "warning"]);
    let run = crate::common::figcheck(&args);
    assert_eq!(run.status, figcheck::error::ExitStatus::Findings, "{}", run.stderr);
    let read = |ext: &str| std::fs::read_to_string(out.join(format!("many.{ext}"))).unwrap();
    let note = "21 of 160 figures shown (each side's first, last and evenly spaced between); \
                the JSON report lists them all.";

    let md = read("md");
    let rows: Vec<&str> = md.lines().filter(|l| l.starts_with("| ▶ |") || l.starts_with("|  |")).collect();
    assert_eq!(rows.len(), 21, "{md}");
    assert!(rows[0].contains("a111.md:5"), "the primary first: {}", rows[0]);
    // The primary's side from its first to its last outlet, then the other side likewise.
    assert!(rows[1].contains("a000.md:5") && rows[10].contains("a083.md:5"), "{md}");
    assert!(rows[11].contains("b000.md:5") && rows[20].contains("b027.md:5"), "{md}");
    assert_eq!(rows.iter().filter(|r| r.contains("about 240")).count(), 10);
    assert!(md.contains(&format!("\n{note}\n")), "{md}");
    assert_eq!(md.matches("\n> — ").count(), 21, "one quote per row");

    let html = read("html");
    assert_eq!(html.matches("<blockquote>").count(), 21);
    assert!(html.contains(&format!("<p>{}</p>", note.replace('\'', "&apos;"))), "{html}");

    let junit = read("junit.xml");
    assert_eq!(junit.matches(".md:5:12: ").count(), 21, "{junit}");
    assert!(junit.contains(&note.replace('\'', "&apos;")[..note.len() - 1]), "{junit}");

    let sarif: Value = serde_json::from_str(&read("sarif")).unwrap();
    let result = &sarif["runs"][0]["results"][0];
    let related = result["relatedLocations"].as_array().unwrap();
    assert_eq!(related.len(), 100);
    assert_eq!(related.iter().filter(|l| l["message"]["text"].as_str().unwrap().starts_with("about 240")).count(), 30);
    let message = result["message"]["text"].as_str().unwrap();
    assert!(message.ends_with(&note.replace("21 of", "101 of")), "{message}");

    let json: Value = serde_json::from_str(&read("json")).unwrap();
    let cited: usize =
        json["findings"][0]["groups"].as_array().unwrap().iter().map(|g| g["claims"].as_array().unwrap().len()).sum();
    assert_eq!(cited, 160);
}

/// A report of more than ten findings opens with them counted by metric:
/// every finding counted once, in its column; a short one does not.
#[test]
fn a_long_report_opens_with_the_findings_by_metric() {
    let a = fixture();
    let cx = Context::new("discrepancies", &a, a.findings.iter().collect());
    let rows = cx.at_a_glance().expect("more than ten findings");
    assert!(a.findings.len() > figcheck::report::GLANCE_OVER);
    for (metric, _, [e, w, n, agreements]) in &rows {
        let of = |f: &&figcheck::compare::Finding| &**f.metric() == *metric;
        let problems = |s: figcheck::rules::Severity| {
            a.findings.iter().filter(of).filter(|f| !f.kind.is_agreement() && f.severity == s).count()
        };
        assert_eq!(*e, problems(figcheck::rules::Severity::Error), "{metric}");
        assert_eq!(*w, problems(figcheck::rules::Severity::Warning), "{metric}");
        assert_eq!(*n, problems(figcheck::rules::Severity::Info), "{metric}");
        assert_eq!(*agreements, a.findings.iter().filter(of).filter(|f| f.kind.is_agreement()).count(), "{metric}");
    }
    let counted: usize = rows.iter().map(|(_, _, c)| c.iter().sum::<usize>()).sum();
    assert_eq!(counted, a.findings.len());
    let md = render(&a, OutputFormat::Markdown);
    let row = "| Children killed in a single strike or attack (`strike.killed_children`) | 1 | 0 | 0 | 0 |";
    assert!(md.contains("## At a glance\n\n| Metric | Errors | Warnings | Notes | Agreements |\n"), "{md}");
    assert!(md.contains(row), "{md}");
    let few = Context::new("few", &a, a.findings.iter().take(10).collect());
    assert!(few.at_a_glance().is_none());
    let seeds = std::fs::read_to_string("reports/seeds.md").unwrap();
    assert!(!seeds.contains("At a glance"));
}
