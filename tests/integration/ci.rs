//! figcheck as a CI gate, run in process on temporary directories: exit
//! codes, --fail-on, configuration errors, baselines, suppressions and
//! atomic reports.

use std::fs;
use std::path::Path;

use crate::common::{Output, figcheck};
use figcheck::error::ExitStatus;

/// Write a Markdown document with a publication date.
fn doc(dir: &Path, name: &str, published: &str, body: &str) {
    fs::write(dir.join(name), format!("---\npublisher: Wire\npublished: {published}\n---\n{body}\n")).unwrap();
}

fn check(dir: &Path, extra: &[&str]) -> Output {
    let d = dir.to_str().unwrap();
    let mut args = vec!["check", d, "--no-config", "--format", "concise"];
    args.extend_from_slice(extra);
    figcheck(&args)
}

/// Two outlets disagree on the hostage count in December: a warning.
fn warning_corpus(dir: &Path) {
    doc(dir, "a.md", "2023-12-01", "Hamas took about 240 hostages into Gaza.");
    doc(dir, "b.md", "2023-12-03", "Hamas took 253 hostages into Gaza.");
    doc(dir, "c.md", "2023-12-05", "About 240 people were taken hostage on October 7.");
}

#[test]
fn clean_runs_exit_0_and_error_findings_exit_1() {
    let out = figcheck(&["check", "seeds", "--no-config", "--format", "concise"]);
    assert_eq!(out.status, ExitStatus::Clean, "{}", out.stdout);
    assert!(
        out.stdout.ends_with("5 documents, 18 claims, 5 findings: 0 errors, 0 warnings, 5 notes\n"),
        "{}",
        out.stdout
    );
    let dir = tempfile::tempdir().unwrap();
    doc(dir.path(), "a.md", "2024-01-20", "The ministry said 25,105 Palestinians have been killed in Gaza.");
    doc(dir.path(), "b.md", "2024-01-25", "The ministry said 24,448 Palestinians have been killed in Gaza.");
    let out = check(dir.path(), &[]);
    assert_eq!(out.status, ExitStatus::Findings);
    let first = out.stdout.lines().next().unwrap();
    assert!(first.contains("/b.md:5:19: error gaza.killed: "), "{first}");
    assert!(first.contains("yet 24,448 (1 source, 2024-01-25) is lower than 25,105 (1 source, 2024-01-20) reported earlier. [regression "), "{first}");
}

#[test]
fn fail_on_sets_the_threshold() {
    let dir = tempfile::tempdir().unwrap();
    warning_corpus(dir.path());
    assert_eq!(check(dir.path(), &[]).status, ExitStatus::Clean);
    let out = check(dir.path(), &["--fail-on", "warning"]);
    assert_eq!(out.status, ExitStatus::Findings);
    assert!(out.stdout.contains(": warning oct7.hostages_taken: "), "{}", out.stdout);
    assert_eq!(check(dir.path(), &["--fail-on", "never"]).status, ExitStatus::Clean);
}

#[test]
fn a_missing_path_and_a_bad_config_exit_2() {
    let out = figcheck(&["check", "no/such/dir", "--no-config", "--format", "concise"]);
    assert_eq!(out.status, ExitStatus::Error);
    assert!(out.stderr.contains("figcheck: error: no/such/dir: no such file or directory"), "{}", out.stderr);
    let dir = tempfile::tempdir().unwrap();
    let cfg = dir.path().join("figcheck.yaml");
    fs::write(&cfg, "out: reports\nfail_on: warning\nformat: [json]\n").unwrap();
    let out = figcheck(&["check", "seeds", "--config", cfg.to_str().unwrap()]);
    assert_eq!(out.status, ExitStatus::Error);
    assert!(
        out.stderr.starts_with(&format!("figcheck: error: {}:3: unknown field `format`", cfg.display())),
        "{}",
        out.stderr
    );
    fs::write(&cfg, "fail_on: sometimes\n").unwrap();
    let out = figcheck(&["config", "--config", cfg.to_str().unwrap()]);
    assert_eq!(out.status, ExitStatus::Error);
    assert!(out.stderr.contains(":1: fail_on: unknown variant `sometimes`"), "{}", out.stderr);
}

#[test]
fn a_report_name_is_a_name_not_a_path() {
    let dir = tempfile::tempdir().unwrap();
    let out_dir = dir.path().join("reports");
    let out_arg = out_dir.to_str().unwrap();
    for (name, why) in [
        ("../escaped", "`../escaped` is not a report name but a path: reports are NAME.md"),
        ("/tmp/abs", "`/tmp/abs` is not a report name but a path"),
        ("", "the report name is empty"),
    ] {
        let out = figcheck(&["check", "seeds", "--no-config", "--name", name, "--out", out_arg]);
        assert_eq!(out.status, ExitStatus::Error, "{name}");
        assert!(out.stderr.contains(&format!("invalid value '{name}' for '--name <NAME>': {why}")), "{}", out.stderr);
    }
    assert!(!out_dir.exists() && !dir.path().join("escaped.md").exists());
    let cfg = dir.path().join("figcheck.yaml");
    fs::write(&cfg, "fail_on: warning\nname: drafts/today\n").unwrap();
    let out = figcheck(&["check", "seeds", "--config", cfg.to_str().unwrap(), "--out", out_arg]);
    assert_eq!(out.status, ExitStatus::Error);
    assert!(
        out.stderr.starts_with(&format!(
            "figcheck: error: {}:2: name: `drafts/today` is not a report name but a path",
            cfg.display()
        )),
        "{}",
        out.stderr
    );
    let out = figcheck(&["check", "seeds", "--no-config", "--name", "seeds-2024", "--out", out_arg]);
    assert_eq!(out.status, ExitStatus::Clean);
    assert!(out_dir.join("seeds-2024.json").is_file());
}

#[test]
fn an_out_that_is_a_file_is_refused_before_the_run() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("notes.txt");
    fs::write(&file, "mine\n").unwrap();
    let out = figcheck(&["check", "seeds", "--no-config", "--out", file.to_str().unwrap()]);
    assert_eq!(out.status, ExitStatus::Error);
    assert_eq!(
        out.stderr,
        format!(
            "figcheck: error: {}: is a file; --out names the directory the reports are written to\n",
            file.display()
        )
    );
    // Nothing was checked: no findings on standard output.
    assert_eq!(out.stdout, "");
    let below = file.join("reports");
    let out = figcheck(&["check", "seeds", "--no-config", "--out", below.to_str().unwrap()]);
    assert_eq!(out.status, ExitStatus::Error);
    assert!(out.stderr.contains(": is a file, so it cannot hold the directory; "), "{}", out.stderr);
    assert_eq!(fs::read_to_string(&file).unwrap(), "mine\n");
}

/// The workflow runs figcheck at the root of the checkout, its
/// figcheck.yaml there: GitHub places an annotation only on a path
/// relative to the checkout.
#[test]
fn annotations_cite_paths_from_where_figcheck_runs() {
    let dir = tempfile::tempdir().unwrap();
    let drafts = dir.path().join("drafts");
    fs::create_dir_all(dir.path().join("sub")).unwrap();
    fs::create_dir(&drafts).unwrap();
    doc(&drafts, "a.md", "2024-01-20", "The ministry said 25,105 Palestinians have been killed in Gaza.");
    doc(&drafts, "b.md", "2024-01-25", "The ministry said 24,448 Palestinians have been killed in Gaza.");
    fs::write(dir.path().join("figcheck.yaml"), "paths: [drafts]\n").unwrap();
    for (cwd, file) in [(dir.path().to_path_buf(), "drafts/b.md"), (dir.path().join("sub"), "../drafts/b.md")] {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_figcheck"))
            .args(["check", "--format", "github"])
            .current_dir(&cwd)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1));
        let stdout = String::from_utf8(out.stdout).unwrap();
        assert!(stdout.starts_with(&format!("::error file={file},line=5,col=19,")), "{stdout}");
    }
}

#[test]
fn config_values_apply_and_config_prints_them() {
    let dir = tempfile::tempdir().unwrap();
    warning_corpus(dir.path());
    let cfg = dir.path().join("figcheck.yaml");
    fs::write(&cfg, "paths: [.]\nfail_on: warning\nformats: [concise]\nseverity:\n  hostages-taken: error\n").unwrap();
    let out = figcheck(&["check", "--config", cfg.to_str().unwrap()]);
    assert_eq!(out.status, ExitStatus::Findings);
    assert!(out.stdout.contains(": error oct7.hostages_taken: "), "the severity override applies: {}", out.stdout);
    let out = figcheck(&["config", "--config", cfg.to_str().unwrap()]);
    assert_eq!(out.status, ExitStatus::Clean);
    assert_eq!(
        out.stdout,
        format!(
            "# from {}\npaths:\n- .\nfail_on: warning\nout: reports\nformats:\n- concise\nseverity:\n  hostages-taken: error\n",
            cfg.display()
        )
    );
}

#[test]
fn a_baseline_accepts_known_findings_and_survives_moved_lines() {
    let dir = tempfile::tempdir().unwrap();
    warning_corpus(dir.path());
    let base = dir.path().join("baseline.txt");
    let d = dir.path().to_str().unwrap();
    let out = figcheck(&["baseline", "write", base.to_str().unwrap(), d, "--no-config"]);
    assert_eq!(out.status, ExitStatus::Clean, "{}", out.stderr);
    assert!(out.stderr.contains("with 1 accepted finding\n"), "{}", out.stderr);
    let text = fs::read_to_string(&base).unwrap();
    assert!(text.lines().nth(1).unwrap().contains(" warning discrepancy oct7.hostages_taken: "), "{text}");
    // Move the figure down two lines: the id does not change.
    doc(dir.path(), "b.md", "2023-12-03", "\n\nHamas took 253 hostages into Gaza.");
    let out = check(dir.path(), &["--fail-on", "warning", "--baseline", base.to_str().unwrap()]);
    assert_eq!(out.status, ExitStatus::Clean, "{}", out.stdout);
    assert!(out.stdout.ends_with("0 findings: 0 errors, 0 warnings, 0 notes; 1 in the baseline\n"), "{}", out.stdout);
    // A new disagreement is reported.
    doc(dir.path(), "d.md", "2023-12-06", "Hamas took 199 hostages into Gaza.");
    let out = check(dir.path(), &["--fail-on", "warning", "--baseline", base.to_str().unwrap()]);
    assert_eq!(out.status, ExitStatus::Findings);
    // A missing baseline is an error.
    let out = check(dir.path(), &["--baseline", "nope.txt"]);
    assert_eq!(out.status, ExitStatus::Error);
    assert_eq!(out.stderr, "figcheck: error: nope.txt: baseline file not found\n");
}

#[test]
fn suppressions_with_and_without_a_reason() {
    let dir = tempfile::tempdir().unwrap();
    doc(dir.path(), "a.md", "2024-01-20", "The ministry said 25,105 Palestinians have been killed in Gaza.");
    doc(
        dir.path(),
        "b.md",
        "2024-01-25",
        "<!-- figcheck-ignore: gaza.killed quoting an earlier report on purpose -->\nThe ministry said 24,448 Palestinians have been killed in Gaza.",
    );
    let out = check(dir.path(), &[]);
    assert_eq!(out.status, ExitStatus::Clean, "{}", out.stdout);
    assert!(
        out.stdout.ends_with("1 claim, 0 findings: 0 errors, 0 warnings, 0 notes; 1 figure suppressed\n"),
        "{}",
        out.stdout
    );
    assert_eq!(out.stderr, "");
    doc(
        dir.path(),
        "b.md",
        "2024-01-25",
        "<!-- figcheck-ignore: gaza.killed -->\nThe ministry said 24,448 Palestinians have been killed in Gaza.",
    );
    let out = check(dir.path(), &[]);
    assert_eq!(out.status, ExitStatus::Clean);
    assert_eq!(
        out.stderr,
        format!(
            "figcheck: warning: {}/b.md:5: figcheck-ignore: gaza.killed has no reason; say why the figure is accepted\n",
            dir.path().display()
        )
    );
    // A suppression for another metric leaves the figure alone.
    doc(
        dir.path(),
        "b.md",
        "2024-01-25",
        "<!-- figcheck-ignore: gaza.injured not this one -->\nThe ministry said 24,448 Palestinians have been killed in Gaza.",
    );
    assert_eq!(check(dir.path(), &[]).status, ExitStatus::Findings);
    // Plain text uses a # line.
    fs::remove_file(dir.path().join("b.md")).unwrap();
    fs::write(
        dir.path().join("c.txt"),
        "Title\n\n# figcheck-ignore: gaza-killed an old figure\nOn January 25, 2024 the ministry said 24,448 Palestinians have been killed in Gaza.\n",
    )
    .unwrap();
    assert_eq!(check(dir.path(), &[]).status, ExitStatus::Clean);
}

#[test]
fn reports_are_written_atomically_into_a_new_directory() {
    let dir = tempfile::tempdir().unwrap();
    let out_dir = dir.path().join("deep/reports");
    let out = figcheck(&[
        "check",
        "seeds",
        "--no-config",
        "--out",
        out_dir.to_str().unwrap(),
        "--name",
        "x",
        "--format",
        "json",
        "--format",
        "concise",
    ]);
    assert_eq!(out.status, ExitStatus::Clean);
    let json = fs::read_to_string(out_dir.join("x.json")).unwrap();
    assert!(json.starts_with("{\n  \"schema\": \"figcheck/1\""));
    // Nothing but the report is left in the directory.
    let names: Vec<String> =
        fs::read_dir(&out_dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    assert_eq!(names, ["x.json"]);
    assert!(out.stdout.ends_with("5 notes\n"), "concise still goes to stdout: {}", out.stdout);
    // Same inputs, byte-identical report.
    figcheck(&["check", "seeds", "--no-config", "--out", out_dir.to_str().unwrap(), "--name", "x", "--format", "json"]);
    assert_eq!(fs::read_to_string(out_dir.join("x.json")).unwrap(), json);
}

#[test]
fn a_format_without_out_goes_to_stdout() {
    let out = figcheck(&["check", "seeds", "--no-config", "--format", "sarif"]);
    assert_eq!(out.status, ExitStatus::Clean);
    let v: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(v["version"], "2.1.0");
    // The seeds' five findings are agreements: no alert, no annotation.
    assert_eq!(v["runs"][0]["results"], serde_json::json!([]));
    let out = figcheck(&["check", "seeds", "--no-config", "--format", "github"]);
    assert_eq!((out.status, out.stdout.as_str()), (ExitStatus::Clean, ""));
    let out = figcheck(&["check", "tests/fixtures/discrepancies", "--no-config", "--format", "github"]);
    assert_eq!(out.status, ExitStatus::Findings);
    let first = out.stdout.lines().next().unwrap();
    assert!(first.starts_with("::error file=tests/fixtures/discrepancies/visit-sixth-october.md,line=6,col=51,endLine=6,endColumn=56,title=figcheck ordinal-conflict blinken.mideast_visits::"), "{first}");
}

/// A reader that went away: every write fails with a broken pipe.
struct ClosedPipe;

impl std::io::Write for ClosedPipe {
    fn write(&mut self, _: &[u8]) -> std::io::Result<usize> {
        Err(std::io::ErrorKind::BrokenPipe.into())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Err(std::io::ErrorKind::BrokenPipe.into())
    }
}

/// `check | head`: the reader goes away, yet the gate's verdict stands
/// (with `set -o pipefail` a CI step still fails on an error finding) and
/// the reports are written all the same.
#[test]
fn a_broken_pipe_is_not_an_error_and_the_verdict_stands() {
    let mut stdin = std::io::empty();
    let mut stdout = ClosedPipe;
    let mut stderr = Vec::new();
    let mut io = figcheck::Io {
        stdin: &mut stdin,
        stdout: &mut stdout,
        stderr: &mut stderr,
        stdout_is_terminal: false,
        stderr_is_terminal: false,
    };
    let out = tempfile::tempdir().unwrap();
    let out_dir = out.path().to_str().unwrap();
    let args = [
        "figcheck",
        "check",
        "tests/fixtures/discrepancies",
        "--no-config",
        "--format",
        "concise",
        "--format",
        "json",
        "--out",
        out_dir,
    ];
    assert_eq!(figcheck::run(args, &mut io), ExitStatus::Findings);
    let stderr = String::from_utf8(stderr).unwrap();
    assert!(stderr.starts_with("figcheck: wrote ") && stderr.trim_end().ends_with("discrepancies.json"), "{stderr}");
    assert!(out.path().join("discrepancies.json").is_file());
}

#[test]
fn colour_is_asked_for_explicitly_or_from_a_terminal() {
    let plain = figcheck(&["check", "tests/fixtures/discrepancies", "--no-config", "--format", "terminal"]);
    assert!(!plain.stdout.contains('\x1b'));
    let coloured = figcheck(&[
        "check",
        "tests/fixtures/discrepancies",
        "--no-config",
        "--format",
        "terminal",
        "--color",
        "always",
    ]);
    assert!(coloured.stdout.contains("\x1b["));
}
