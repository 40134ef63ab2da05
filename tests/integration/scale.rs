//! Running at scale: the same reports with one thread or many and from run
//! to run; claims files written per shard (files, or JSON Lines documents
//! on standard input) merging into exactly the reports of one check; and
//! claims files that are cut short, duplicated or not claims files at all.

use std::fs;
use std::path::Path;

use crate::common::{figcheck, figcheck_with_stdin};
use figcheck::error::ExitStatus;

const FORMATS: [&str; 4] = ["md", "html", "json", "sarif"];

/// The report files of a run, by extension.
fn reports(dir: &Path, name: &str) -> Vec<(String, Vec<u8>)> {
    FORMATS.iter().map(|ext| (ext.to_string(), fs::read(dir.join(format!("{name}.{ext}"))).unwrap())).collect()
}

fn check_into(input: &str, out: &Path, jobs: &str) -> (ExitStatus, String) {
    let o = figcheck(&[
        "check",
        input,
        "--no-config",
        "--jobs",
        jobs,
        "--out",
        out.to_str().unwrap(),
        "--name",
        "r",
        "--format",
        "concise",
        "--format",
        "markdown",
        "--format",
        "html",
        "--format",
        "json",
        "--format",
        "sarif",
    ]);
    (o.status, o.stdout)
}

#[test]
fn reports_are_byte_identical_with_one_thread_or_many_and_across_runs() {
    for input in ["seeds", "tests/fixtures/discrepancies"] {
        let tmp = tempfile::tempdir().unwrap();
        let runs: Vec<_> = [("1", "a"), ("4", "b"), ("4", "c"), ("2", "d")]
            .iter()
            .map(|(jobs, sub)| {
                let out = tmp.path().join(sub);
                let (status, stdout) = check_into(input, &out, jobs);
                assert_ne!(status, ExitStatus::Error, "{input} with {jobs} threads");
                (stdout, reports(&out, "r"))
            })
            .collect();
        assert!(runs[0].1.iter().all(|(_, bytes)| !bytes.is_empty()));
        for (i, run) in runs.iter().enumerate().skip(1) {
            assert_eq!(run.0, runs[0].0, "{input}: the concise view of run {i} differs");
            for ((ext, a), (_, b)) in runs[0].1.iter().zip(&run.1) {
                assert!(a == b, "{input}: the {ext} report of run {i} differs");
            }
        }
    }
}

/// Many documents (more than one read-ahead run of files, several runs
/// per thread) give the same claims, in path order, on one thread or four.
#[test]
fn many_documents_keep_their_order_on_any_number_of_threads() {
    let tmp = tempfile::tempdir().unwrap();
    let seeds: Vec<String> = ["seeds/000_f138cca28206a896.txt", "seeds/003_308ab98c22958789.txt"]
        .iter()
        .map(|p| fs::read_to_string(p).unwrap())
        .collect();
    for i in 0..70 {
        let text = format!("Report {i}.\n\n{}", seeds[i % seeds.len()]);
        fs::write(tmp.path().join(format!("{i:03}.txt")), text).unwrap();
    }
    let dir = tmp.path().to_str().unwrap();
    let run = |jobs: &str| figcheck(&["check", dir, "--no-config", "--jobs", jobs, "--format", "json"]);
    let (one, four) = (run("1"), run("4"));
    assert_ne!(one.status, ExitStatus::Error, "{}", one.stderr);
    assert!(one.stdout == four.stdout, "the JSON report differs between one thread and four");
    let report: serde_json::Value = serde_json::from_str(&one.stdout).unwrap();
    let mut paths: Vec<&str> =
        report["claims"].as_array().unwrap().iter().map(|c| c["path"].as_str().unwrap()).collect();
    paths.dedup();
    assert_eq!(paths.len(), 70, "every document's claims, together");
    assert!(paths.windows(2).all(|w| w[0] < w[1]), "documents in path order: {paths:?}");
}

/// A claims file for one path.
fn extract_claims(args: &[&str], stdin: &str) -> String {
    let mut all = vec!["extract", "--claims"];
    all.extend_from_slice(args);
    let out = figcheck_with_stdin(&all, stdin);
    assert_eq!(out.status, ExitStatus::Clean, "{}", out.stderr);
    out.stdout
}

/// `{"path": …, "text": …}` lines for files.
fn jsonl_documents(paths: &[&Path]) -> String {
    paths
        .iter()
        .map(|p| {
            let text = fs::read_to_string(p).unwrap();
            serde_json::json!({ "path": p.to_str().unwrap(), "text": text }).to_string() + "\n"
        })
        .collect()
}

#[test]
fn shards_merge_into_the_reports_of_one_check() {
    for (input, sources) in [
        ("seeds", "seeds/sources.yaml"),
        ("tests/fixtures/discrepancies", "tests/fixtures/discrepancies/sources.yaml"),
        // Events named in the claims files, and unnamed ones by their place in the text.
        ("tests/fixtures/strikes", "tests/fixtures/strikes/sources.yaml"),
    ] {
        let mut files: Vec<_> = fs::read_dir(input)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|x| x == "txt" || x == "md"))
            .collect();
        files.sort();
        let tmp = tempfile::tempdir().unwrap();
        // Half the documents as files, one shard each; the rest as JSON Lines on stdin, in one shard.
        let (as_files, as_lines) = files.split_at(files.len() / 2);
        let mut shards = Vec::new();
        for (i, f) in as_files.iter().enumerate() {
            let claims = extract_claims(&["--sources", sources, f.to_str().unwrap()], "");
            let shard = tmp.path().join(format!("shard-{i}.jsonl"));
            fs::write(&shard, claims).unwrap();
            shards.push(shard);
        }
        let lines: Vec<&Path> = as_lines.iter().map(|p| p.as_path()).collect();
        let claims = extract_claims(&["--sources", sources, "--stdin-format", "jsonl", "-"], &jsonl_documents(&lines));
        let shard = tmp.path().join("stdin.jsonl");
        fs::write(&shard, claims).unwrap();
        shards.push(shard);
        // Merged in any order.
        shards.reverse();

        let checked = tmp.path().join("checked");
        let (status, _) = check_into(input, &checked, "2");
        let compared = tmp.path().join("compared");
        let mut args = vec!["compare", "--no-config", "--sources", sources, "--name", "r", "--out"];
        args.push(compared.to_str().unwrap());
        args.extend(shards.iter().map(|s| s.to_str().unwrap()));
        let out = figcheck(&args);
        assert_eq!(out.status, status, "{}", out.stderr);
        for ((ext, a), (_, b)) in reports(&checked, "r").iter().zip(reports(&compared, "r")) {
            assert!(*a == b, "{input}: the {ext} report of compare differs from check's");
        }
    }
}

#[test]
fn broken_claims_files_are_reported_by_file_and_line() {
    let tmp = tempfile::tempdir().unwrap();
    let claims = extract_claims(&["seeds/004_9d7eb91e5eac3e5b.txt"], "");
    // Another document, cut short after its first claim.
    let other_doc = extract_claims(&["seeds/003_308ab98c22958789.txt"], "");
    let cut = tmp.path().join("cut.jsonl");
    fs::write(&cut, other_doc.lines().take(3).collect::<Vec<_>>().join("\n")).unwrap();
    let n = other_doc.lines().filter(|l| l.starts_with(r#"{"type":"claim""#)).count();
    assert!(n > 1);
    // The same document again.
    let again = tmp.path().join("again.jsonl");
    fs::write(&again, &claims).unwrap();
    let whole = tmp.path().join("whole.jsonl");
    fs::write(&whole, &claims).unwrap();
    // Not a claims file at all.
    let other = tmp.path().join("other.jsonl");
    fs::write(&other, "{\"a\": 1}\n").unwrap();
    let headless = tmp.path().join("headless.jsonl");
    fs::write(&headless, claims.lines().skip(1).collect::<Vec<_>>().join("\n")).unwrap();
    // A claim of a rule the pack lacks.
    let unknown = tmp.path().join("unknown.jsonl");
    let renamed = claims.replace("\"rule\":\"gaza-killed\"", "\"rule\":\"no-such-rule\"");
    assert_ne!(renamed, claims);
    fs::write(&unknown, renamed.replace("004_", "005_")).unwrap();

    let out = figcheck(&[
        "compare",
        "--no-config",
        "--format",
        "concise",
        whole.to_str().unwrap(),
        cut.to_str().unwrap(),
        again.to_str().unwrap(),
        other.to_str().unwrap(),
        headless.to_str().unwrap(),
        unknown.to_str().unwrap(),
    ]);
    assert_eq!(out.status, ExitStatus::Error);
    let t = tmp.path().to_str().unwrap();
    for expected in [
        format!(
            "figcheck: error: {t}/cut.jsonl:2: document `seeds/003_308ab98c22958789.txt` lists {n} claims but 1 follow it: the file was cut short or edited"
        ),
        format!(
            "figcheck: error: {t}/again.jsonl:2: document `seeds/004_9d7eb91e5eac3e5b.txt` was already read from {t}/whole.jsonl:2; this copy is ignored"
        ),
        format!(
            "figcheck: error: {t}/other.jsonl:1: not a claims file (write one with `figcheck extract --claims --format jsonl`): missing field `type`"
        ),
        format!("figcheck: error: {t}/headless.jsonl:1: not a claims file: it does not start with a `header` record"),
        "figcheck: error: seeds/005_9d7eb91e5eac3e5b.txt:".to_string(),
    ] {
        assert!(out.stderr.lines().any(|l| l.starts_with(&expected)), "wanted {expected:?} in\n{}", out.stderr);
    }
    assert!(out.stderr.contains("claim of rule `no-such-rule`, which this pack lacks"), "{}", out.stderr);
    // The whole file's claims were compared: the seed document's figures are in the summary.
    assert!(out.stdout.contains("3 documents"), "{}", out.stdout);
}

#[test]
fn jsonl_documents_on_stdin_give_the_claims_of_the_files() {
    let files = [Path::new("seeds/003_308ab98c22958789.txt"), Path::new("seeds/004_9d7eb91e5eac3e5b.txt")];
    let from_files = extract_claims(
        &["--sources", "seeds/sources.yaml", files[0].to_str().unwrap(), files[1].to_str().unwrap()],
        "",
    );
    let from_stdin =
        extract_claims(&["--sources", "seeds/sources.yaml", "--stdin-format", "jsonl", "-"], &jsonl_documents(&files));
    assert_eq!(from_stdin, from_files);
    assert!(from_files.contains(r#""publisher":"#));
    // A bad line is reported with its number; the other documents are read.
    let bad = format!("{{\"path\": \"x.txt\"}}\n{}", jsonl_documents(&files[..1]));
    let out = figcheck_with_stdin(&["extract", "--claims", "--stdin-format", "jsonl", "-"], &bad);
    assert_eq!(out.status, ExitStatus::Error);
    assert!(
        out.stderr.starts_with("figcheck: error: <stdin>:1: not a document record: missing field `text`"),
        "{}",
        out.stderr
    );
    assert!(out.stdout.contains(r#""type":"claim""#));
    assert!(out.stdout.contains(r#""type":"problem","level":"error","path":"<stdin>","line":1"#), "{}", out.stdout);
}

#[test]
fn compare_shows_the_sentence_when_the_file_is_not_here() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("drafts");
    fs::create_dir(&dir).unwrap();
    for f in ["toll-1400-a.md", "toll-1200-a.md"] {
        fs::copy(Path::new("tests/fixtures/discrepancies").join(f), dir.join(f)).unwrap();
    }
    let claims = extract_claims(&[dir.to_str().unwrap()], "");
    let shard = tmp.path().join("claims.jsonl");
    fs::write(&shard, claims).unwrap();
    let args = ["compare", "--no-config", "--format", "terminal", "--color", "never", shard.to_str().unwrap()];
    // With the files: their lines.
    let here = figcheck(&args);
    assert_ne!(here.status, ExitStatus::Error, "{}", here.stderr);
    assert!(
        here.stdout.contains("6 | Hamas killed 1,400 people in the October 7 attack on southern Israel."),
        "{}",
        here.stdout
    );
    // Without them (compared on another machine): the sentences, figure underlined.
    fs::remove_dir_all(&dir).unwrap();
    let gone = figcheck(&args);
    assert_eq!(gone.status, here.status, "{}", gone.stderr);
    assert!(
        gone.stdout.contains("6 | Hamas killed 1,400 people in the October 7 attack on southern Israel."),
        "{}",
        gone.stdout
    );
    assert!(
        gone.stdout.contains("6 | Israel revised the toll of the October 7 attack: about 1,200 people were killed."),
        "{}",
        gone.stdout
    );
    assert_eq!(
        here.stdout.lines().filter(|l| l.contains("-->")).collect::<Vec<_>>(),
        gone.stdout.lines().filter(|l| l.contains("-->")).collect::<Vec<_>>()
    );
}
