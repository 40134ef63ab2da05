//! Hostile and broken input: each case beside a good document. Every one
//! gets a message naming the file (and line where there is one), the good
//! document is still checked and reported, the reports are whole, and the
//! run exits 2.

use std::fs;
use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::common::{Output, figcheck};
use figcheck::error::ExitStatus;

const GOOD: &str = "Gaza update\n\nThe ministry said 24,448 Palestinians have been killed in Gaza.\n";

struct Run {
    _tmp: tempfile::TempDir,
    out: Output,
    /// The JSON report.
    report: Value,
    dir: PathBuf,
}

impl Run {
    /// The run exited 2, said `message` about `file` on stderr, and still
    /// reported the good document's claim.
    fn refused(&self, file: &str, message: &str) {
        assert_eq!(self.out.status, ExitStatus::Error, "{}", self.out.stderr);
        let d = self.dir.to_str().unwrap();
        let expected = format!("figcheck: error: {d}/{file}: {message}");
        assert!(
            self.out.stderr.lines().any(|l| l.starts_with(&expected)),
            "wanted {expected:?} in\n{}",
            self.out.stderr
        );
        self.good_claim_reported();
    }

    fn good_claim_reported(&self) {
        let claims = self.report["claims"].as_array().unwrap();
        let good = format!("{}/good.txt", self.dir.to_str().unwrap());
        assert!(
            claims.iter().any(|c| c["path"] == good.as_str() && c["text"] == "24,448"),
            "the good document was not reported: {claims:#?}"
        );
    }
}

/// Check a directory holding `good.txt` and whatever `setup` adds.
fn check_with(setup: impl FnOnce(&Path), extra: &[&str]) -> Run {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("in");
    fs::create_dir(&dir).unwrap();
    fs::write(dir.join("good.txt"), GOOD).unwrap();
    setup(&dir);
    let out_dir = tmp.path().join("out");
    let mut args = vec![
        "check",
        dir.to_str().unwrap(),
        "--no-config",
        "--format",
        "json",
        "--out",
        out_dir.to_str().unwrap(),
        "--name",
        "r",
    ];
    args.extend_from_slice(extra);
    let out = figcheck(&args);
    let report = serde_json::from_str(&fs::read_to_string(out_dir.join("r.json")).expect("a whole report"))
        .expect("a JSON report");
    Run { _tmp: tmp, out, report, dir }
}

#[test]
fn invalid_utf8_is_read_with_replacement_characters_and_an_error() {
    let r = check_with(
        |d| fs::write(d.join("bad.txt"), b"Title\n\nAbout 1,200 died \xff\xfe in the October 7 attack.\n").unwrap(),
        &[],
    );
    r.refused("bad.txt:3", "invalid UTF-8 at column 18 (byte 24); read with replacement characters");
}

#[test]
fn utf16_with_a_byte_order_mark_is_refused() {
    let r = check_with(
        |d| {
            let mut bytes = vec![0xFF, 0xFE];
            bytes.extend(GOOD.encode_utf16().flat_map(u16::to_le_bytes));
            fs::write(d.join("wide.txt"), bytes).unwrap();
        },
        &[],
    );
    r.refused("wide.txt", "UTF-16 text (byte-order mark FF FE), skipped: figcheck reads UTF-8");
}

#[test]
fn a_nul_filled_binary_is_refused() {
    let r = check_with(|d| fs::write(d.join("zeros.txt"), vec![0u8; 65536]).unwrap(), &[]);
    r.refused("zeros.txt", "binary file (NUL byte at offset 0), skipped");
}

#[test]
fn an_empty_file_is_refused() {
    let r = check_with(|d| fs::write(d.join("empty.md"), "").unwrap(), &[]);
    r.refused("empty.md", "empty file, skipped");
}

#[test]
fn a_50_mb_file_of_one_line_is_refused() {
    let r = check_with(|d| fs::write(d.join("line.txt"), "24,448 are dead ".repeat(50 << 20 >> 4)).unwrap(), &[]);
    r.refused(
        "line.txt:1",
        "a line of 50.0 MiB, over the 1.0 MiB line limit: not prose (generated data or a minified dump?), skipped",
    );
}

#[test]
fn a_100_mb_file_is_refused_unread() {
    let r = check_with(|d| fs::File::create(d.join("huge.txt")).unwrap().set_len(100 << 20).unwrap(), &[]);
    r.refused("huge.txt", "100.0 MiB, over the 64.0 MiB size limit, skipped (raise it with --max-file-size)");
    // The limit is a flag.
    let r = check_with(|d| fs::write(d.join("small.txt"), GOOD.repeat(10)).unwrap(), &["--max-file-size", "100"]);
    r.refused("small.txt", &format!("{} bytes, over the 100 bytes size limit, skipped", GOOD.len() * 10));
}

#[test]
fn a_file_that_disappears_or_becomes_unreadable_mid_run() {
    use figcheck::analysis::{Options, extract_all, plan};
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    for f in ["a.txt", "gone.txt", "turned.txt"] {
        fs::write(d.join(f), GOOD).unwrap();
    }
    let mut problems = Vec::new();
    let planned = plan(&[d.to_path_buf()], &[], &mut problems);
    assert_eq!(planned.inputs.len(), 3);
    // After the walk, before the read.
    fs::remove_file(d.join("gone.txt")).unwrap();
    fs::remove_file(d.join("turned.txt")).unwrap();
    fs::create_dir(d.join("turned.txt")).unwrap();
    let pack = figcheck::rules::RulePack::default_pack();
    let results = extract_all(&planned.inputs, &pack, &Options::default());
    let said: Vec<String> = results.iter().flat_map(|r| r.problems.iter().map(ToString::to_string)).collect();
    let root = d.to_str().unwrap();
    assert_eq!(
        said,
        [
            format!("error: {root}/gone.txt: no longer exists (removed while figcheck was running)"),
            format!("error: {root}/turned.txt: is a directory"),
        ]
    );
    assert_eq!(results[0].done.as_ref().map(|e| e.claims.len()), Some(1));
    // A file that could not be opened has no identity to take it by (the
    // directory opens, and fails when read).
    assert_eq!(results.iter().map(|r| r.file.is_some()).collect::<Vec<_>>(), [true, false, true]);
}

#[cfg(unix)]
#[test]
fn a_directory_symlink_loop_is_reported_and_not_followed() {
    let r = check_with(
        |d| {
            fs::create_dir(d.join("sub")).unwrap();
            std::os::unix::fs::symlink(d, d.join("sub/loop")).unwrap();
            // A link to a file is followed, and a file reached twice is read once.
            std::os::unix::fs::symlink(d.join("good.txt"), d.join("sub/alias.txt")).unwrap();
        },
        &[],
    );
    let d = r.dir.to_str().unwrap();
    r.refused("sub/loop", &format!("symbolic link loop: it leads back to {d}; not followed"));
    assert_eq!(r.report["documents"].as_array().unwrap().len(), 1);
}

/// Hard links too: the first path (in the order paths are shown) is read,
/// with its problems; the other paths to the same file are passed over by
/// `check` and by `extract`, problems and all.
#[cfg(unix)]
#[test]
fn a_file_reached_by_several_paths_is_read_and_reported_once() {
    let setup = |d: &Path| {
        fs::hard_link(d.join("good.txt"), d.join("hard.txt")).unwrap();
        fs::write(d.join("bin.txt"), b"Title\n\0\0").unwrap();
        fs::hard_link(d.join("bin.txt"), d.join("bin2.txt")).unwrap();
        std::os::unix::fs::symlink(d.join("bin.txt"), d.join("bin3.txt")).unwrap();
    };
    let r = check_with(setup, &[]);
    r.refused("bin.txt", "binary file (NUL byte at offset 6), skipped");
    assert_eq!(r.out.stderr.matches("binary file").count(), 1, "{}", r.out.stderr);
    let paths = |key: &str| -> Vec<String> {
        r.report[key].as_array().unwrap().iter().map(|x| x["path"].as_str().unwrap().to_string()).collect()
    };
    let good = format!("{}/good.txt", r.dir.to_str().unwrap());
    assert_eq!((paths("documents"), paths("claims")), (vec![good.clone()], vec![good.clone()]));

    let tmp = tempfile::tempdir().unwrap();
    fs::write(tmp.path().join("good.txt"), GOOD).unwrap();
    setup(tmp.path());
    let out = figcheck(&["extract", "--claims", tmp.path().to_str().unwrap()]);
    let lines: Vec<Value> = out.stdout.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    let of = |kind: &str| lines.iter().filter(|l| l["type"] == kind).map(|l| l["path"].clone()).collect::<Vec<_>>();
    let d = tmp.path().to_str().unwrap();
    assert_eq!(of("document"), [Value::from(format!("{d}/good.txt"))]);
    assert_eq!(of("problem"), [Value::from(format!("{d}/bin.txt"))]);
}

#[cfg(unix)]
#[test]
fn a_path_with_non_utf8_bytes_is_read_and_cited_escaped() {
    use std::os::unix::ffi::OsStrExt;
    let r = check_with(
        |d| fs::write(d.join(std::ffi::OsStr::from_bytes(b"caf\xE9.txt")), GOOD.replace("24,448", "25,000")).unwrap(),
        &[],
    );
    r.refused("caf\\xE9.txt", "the file name is not valid UTF-8; it is read, and cited with its bad bytes escaped");
    let d = r.dir.to_str().unwrap();
    let claims = r.report["claims"].as_array().unwrap();
    assert!(claims.iter().any(|c| c["path"] == format!("{d}/caf\\xE9.txt").as_str() && c["text"] == "25,000"));
}

#[test]
fn html_nested_10000_levels_deep_is_read_without_recursion_and_reported() {
    let r = check_with(
        |d| {
            let page = format!(
                "<html><body>{}<p>About 1,200 people were killed in the October 7 attack.</p>{}</body></html>",
                "<div>".repeat(10_000),
                "</div>".repeat(10_000)
            );
            fs::write(d.join("deep.html"), page).unwrap();
        },
        &[],
    );
    r.refused("deep.html", "HTML elements nest 10003 levels deep");
    let claims = r.report["claims"].as_array().unwrap();
    assert!(claims.iter().any(|c| c["path"].as_str().unwrap().ends_with("deep.html") && c["text"] == "About 1,200"));
}

#[test]
fn html_scripts_and_styles_are_never_read() {
    let r = check_with(
        |d| {
            let page = "<html><head><style>.killed::after { content: '31,000 Palestinians have been killed in Gaza'; }</style>\
                <script>var s = '30,000 Palestinians have been killed in Gaza';</script></head>\
                <body><script>document.write('29,000 Palestinians have been killed in Gaza')</script>\
                <noscript>28,000 Palestinians have been killed in Gaza</noscript>\
                <p>The ministry said 24,448 Palestinians have been killed in Gaza.</p></body></html>";
            fs::write(d.join("page.html"), page).unwrap();
        },
        &[],
    );
    assert_ne!(r.out.status, ExitStatus::Error, "{}", r.out.stderr);
    let texts: Vec<&str> = r.report["claims"].as_array().unwrap().iter().map(|c| c["text"].as_str().unwrap()).collect();
    assert_eq!(texts, ["24,448", "24,448"]);
    r.good_claim_reported();
}

/// A rules directory with one file.
fn rules_dir(name: &str, yaml: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join(name), yaml).unwrap();
    dir
}

#[test]
fn a_rule_regex_over_the_size_limit_is_refused_and_the_rest_runs() {
    let rules = rules_dir(
        "big.yaml",
        "id: big\nmetric: x.big\ndescription: too big\nbehavior: fixed\npatterns: ['{q} (?:\\w{100}){1000} killed']\n",
    );
    let rules = rules.path().to_str().unwrap();
    let r = check_with(|_| {}, &["--rules", rules]);
    assert_eq!(r.out.status, ExitStatus::Error);
    let expected =
        format!("figcheck: error: {rules}/big.yaml:5: patterns[0]: regex too large: it compiles to more than 2048 KiB");
    assert!(r.out.stderr.starts_with(&expected), "{}", r.out.stderr);
    r.good_claim_reported();
}

/// A billion-laughs bomb: nine levels of nine aliases.
fn alias_bomb(indent: &str) -> String {
    let mut s = format!("{indent}a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    for (prev, name) in "abcdefgh".chars().zip("bcdefghi".chars()) {
        s.push_str(&format!("{indent}{name}: &{name} [{}]\n", vec![format!("*{prev}"); 9].join(", ")));
    }
    s
}

#[test]
fn yaml_alias_bombs_are_refused() {
    // In a document's front matter, which is read as free YAML.
    let r = check_with(
        |d| fs::write(d.join("bomb.md"), format!("---\n{}---\n\nAbout 1,200 died.\n", alias_bomb(""))).unwrap(),
        &[],
    );
    r.refused("bomb.md:1", "malformed front matter: its aliases expand past the repetition limit (an alias bomb?)");
    // In a rule file, whose fields are typed.
    let rules = rules_dir(
        "bomb.yaml",
        &format!(
            "id: bomb\nmetric: x.bomb\ndescription: lol\nbehavior: fixed\npatterns: ['{{q}} killed']\nscope:\n{}",
            alias_bomb("  ")
        ),
    );
    let rules = rules.path().to_str().unwrap();
    let r = check_with(|_| {}, &["--rules", rules]);
    assert_eq!(r.out.status, ExitStatus::Error);
    let expected = format!("figcheck: error: {rules}/bomb.yaml:7: scope.a: invalid type: sequence, expected a string");
    assert!(r.out.stderr.starts_with(&expected), "{}", r.out.stderr);
    r.good_claim_reported();
}

#[test]
fn front_matter_that_is_not_a_mapping() {
    let r = check_with(|d| fs::write(d.join("list.md"), "---\n- a\n- b\n---\n\nAbout 1,200 died.\n").unwrap(), &[]);
    r.refused("list.md:2", "front matter is a list, not a mapping of `key: value` lines; ignored");
}

#[test]
fn a_dataset_that_is_not_json_and_rows_without_dates() {
    let r = check_with(
        |d| {
            fs::write(
                d.join("sources.yaml"),
                "datasets:\n  - path: a.json\n    date_field: date\n    series: {gaza.killed: killed}\n  \
                 - path: b.csv\n    date_field: date\n    series: {gaza.killed: killed}\n",
            )
            .unwrap();
            fs::write(d.join("a.json"), "this is { not json\n").unwrap();
            fs::write(d.join("b.csv"), "date,killed\n2024-01-01,24000\n,24100\n2024-01-03,24200\n").unwrap();
        },
        &[],
    );
    r.refused("a.json:1", "dataset is not a JSON array of objects: expected ident");
    r.refused("b.csv:3", "skipped 1 malformed row: line 3 has no date (`date`)");
    // The rest of the dataset is used.
    assert_eq!(r.report["datasets"].as_array().unwrap().len(), 1);
}

#[test]
fn an_out_directory_that_cannot_be_written_leaves_no_partial_reports() {
    let tmp = tempfile::tempdir().unwrap();
    // Its parent is a file: said before the run.
    fs::write(tmp.path().join("file"), "").unwrap();
    let out_dir = tmp.path().join("file/reports");
    let out = figcheck(&["check", "seeds", "--no-config", "--out", out_dir.to_str().unwrap()]);
    assert_eq!(out.status, ExitStatus::Error);
    assert!(
        out.stderr.contains("/file: is a file, so it cannot hold the directory; --out names the directory"),
        "{}",
        out.stderr
    );
    assert_eq!(fs::read_to_string(tmp.path().join("file")).unwrap(), "");

    // One report of the set cannot be replaced: none is written, no temporary file stays.
    let out_dir = tmp.path().join("reports");
    fs::create_dir_all(out_dir.join("seeds.json")).unwrap();
    let out = figcheck(&["check", "seeds", "--no-config", "--out", out_dir.to_str().unwrap()]);
    assert_eq!(out.status, ExitStatus::Error);
    assert!(out.stderr.contains("seeds.json: is a directory; no report was written"), "{}", out.stderr);
    let left: Vec<String> =
        fs::read_dir(&out_dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    assert_eq!(left, ["seeds.json"]);
}
