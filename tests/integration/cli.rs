//! The command line, run in process: formats, standard input, and how bad
//! inputs are reported without stopping the run.

use std::fs;

use crate::common::{figcheck, figcheck_with_stdin};
use figcheck::error::ExitStatus;

#[test]
fn extract_reads_stdin_as_a_filter() {
    let out = figcheck_with_stdin(&["extract", "-"], "Close to 32,000 killed; at least 7,000 missing.\n");
    assert_eq!(out.status, ExitStatus::Clean);
    assert_eq!(out.stderr, "");
    let lines: Vec<&str> = out.stdout.lines().collect();
    assert_eq!(
        lines,
        [
            r#"{"path":"<stdin>","line":1,"column":1,"start":0,"end":15,"text":"Close to 32,000","kind":"cardinal","value":32000.0,"qualifier":"nearly","interval":[31000.0,32000.0],"unit":null}"#,
            r#"{"path":"<stdin>","line":1,"column":25,"start":24,"end":38,"text":"at least 7,000","kind":"cardinal","value":7000.0,"qualifier":"at_least","interval":[7000.0,null],"unit":null}"#,
        ]
    );
}

/// `start` and `end` are the figure's bytes in the file as read, like its
/// line and column, whatever was taken out of the text around it: page
/// furniture, invisible marks, markup.
#[test]
fn extract_spans_are_the_figures_bytes_in_the_file() {
    let root = env!("CARGO_MANIFEST_DIR");
    let dir = tempfile::tempdir().unwrap();
    let arabic = dir.path().join("arabic.html");
    let page = "<p>According to the ministry, &nbsp;<b>٣٥٬٠٩١</b> were killed, and <i>٧٨٬٨٢٧</i> wounded; \
                of them 12 in Rafah, 7 in Khan Younis, 3 in Deir al-Balah and 1,200 elsewhere.</p>\n";
    fs::write(&arabic, page).unwrap();
    let arabic = arabic.to_str().unwrap().to_string();
    for name in ["flash-update-pdf.txt", "invisible-marks.md", "embedded-tweet.html", &arabic] {
        let path = if name.contains('/') { name.to_string() } else { format!("{root}/tests/fixtures/recall/{name}") };
        let file = fs::read(&path).unwrap();
        let out = figcheck(&["extract", "--all", &path]);
        assert_eq!(out.status, ExitStatus::Clean, "{}", out.stderr);
        let mut seen = 0;
        for line in out.stdout.lines() {
            let r: serde_json::Value = serde_json::from_str(line).unwrap();
            let (start, end) = (r["start"].as_u64().unwrap() as usize, r["end"].as_u64().unwrap() as usize);
            let text = r["text"].as_str().unwrap();
            // Arabic-Indic digits are read as ASCII ones.
            let raw: String = String::from_utf8_lossy(&file[start..end]).chars().map(crate::common::as_ascii).collect();
            let (first, last) = (text.chars().next().unwrap(), text.chars().next_back().unwrap());
            assert!(
                raw.starts_with(first) && raw.ends_with(last) && !raw.contains(['<', '>']),
                "{name}:{}: `{text}` at {start}..{end} is `{raw}` in the file",
                r["line"]
            );
            let before = file[..start].iter().filter(|&&b| b == b'\n').count() + 1;
            assert_eq!(r["line"].as_u64(), Some(before as u64), "{name}: `{text}`");
            seen += 1;
        }
        assert!(seen >= 5, "{name}: {seen} figures");
    }
}

#[test]
fn extract_table_lists_non_counts_with_all() {
    let text = "On October 7, 2023, some 1,200 people were killed.\nResolution 1701 dates from 2006.\n";
    let out = figcheck_with_stdin(&["extract", "--all", "--format", "table", "-"], text);
    assert_eq!(out.status, ExitStatus::Clean);
    insta::assert_snapshot!(out.stdout, @r"
    location      kind        value       qualifier  interval      text
    <stdin>:1:4   date        2023-10-07  none       -             October 7, 2023
    <stdin>:1:21  cardinal    1200        about      [1100, 1300]  some 1,200
    <stdin>:2:1   identifier  1701        none       -             Resolution 1701
    <stdin>:2:28  year        2006        none       -             2006
    ");
}

#[test]
fn a_missing_path_is_reported_and_the_rest_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("a.txt");
    fs::write(&good, "18 killed").unwrap();
    let missing = dir.path().join("nope.txt");
    let out = figcheck(&["extract", missing.to_str().unwrap(), good.to_str().unwrap()]);
    assert_eq!(out.status, ExitStatus::Error);
    assert_eq!(out.stderr, format!("figcheck: error: {}: no such file or directory\n", missing.display()));
    assert_eq!(out.stdout.lines().count(), 1);
    assert!(out.stdout.contains(r#""text":"18""#));
}

#[test]
fn a_directory_without_documents_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("data.csv"), "a,b\n1,2\n").unwrap();
    let out = figcheck(&["extract", dir.path().to_str().unwrap()]);
    assert_eq!(out.status, ExitStatus::Error);
    assert_eq!(
        out.stderr,
        format!(
            "figcheck: error: {}: no readable documents in this directory (looked for .txt, .md, .markdown, .html, .htm, .srt, .vtt)\n",
            dir.path().display()
        )
    );
}

#[test]
fn invalid_utf8_is_read_with_an_error_and_binary_files_are_skipped() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("a.txt"), b"over 240 hostages \xff\xfe held").unwrap();
    fs::write(dir.path().join("b.txt"), b"\x00\x01\x02 binary 1,200").unwrap();
    fs::write(dir.path().join("c.md"), "nearly two million displaced").unwrap();
    let root = dir.path().to_str().unwrap();
    let out = figcheck(&["extract", root]);
    // Something was skipped: exit 2, but every readable file was read.
    assert_eq!(out.status, ExitStatus::Error);
    let texts: Vec<&str> =
        out.stdout.lines().map(|l| l.split(r#""text":""#).nth(1).unwrap().split('"').next().unwrap()).collect();
    assert_eq!(texts, ["over 240", "nearly two million"]);
    assert_eq!(
        out.stderr,
        format!(
            "figcheck: error: {root}/a.txt:1: invalid UTF-8 at column 19 (byte 18); read with replacement characters\n\
             figcheck: error: {root}/b.txt: binary file (NUL byte at offset 0), skipped\n"
        )
    );
}

#[test]
fn walking_honours_gitignore_and_sorts_files() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join(".gitignore"), "drafts/\n").unwrap();
    fs::create_dir(dir.path().join("drafts")).unwrap();
    fs::write(dir.path().join("drafts/x.txt"), "99 ignored").unwrap();
    fs::write(dir.path().join("b.txt"), "2 killed").unwrap();
    fs::write(dir.path().join("a.txt"), "1 killed").unwrap();
    let out = figcheck(&["extract", "--format", "table", dir.path().to_str().unwrap()]);
    assert_eq!(out.status, ExitStatus::Clean, "{}", out.stderr);
    let files: Vec<&str> = out.stdout.lines().skip(1).map(|l| l.rsplit('/').next().unwrap()).collect();
    assert_eq!(files.len(), 2);
    assert!(files[0].starts_with("a.txt:1:1"), "{files:?}");
    assert!(files[1].starts_with("b.txt:1:1"), "{files:?}");
}

#[test]
fn usage_errors_exit_with_2() {
    let out = figcheck(&["extract", "--format", "xml", "-"]);
    assert_eq!(out.status, ExitStatus::Error);
    assert!(out.stderr.contains("invalid value 'xml'"), "{}", out.stderr);
    let out = figcheck(&["--version"]);
    assert_eq!(out.status, ExitStatus::Clean);
    assert!(out.stdout.starts_with("figcheck "));
}
