//! An interrupted run leaves no staged report behind: the targets hold the
//! old set of reports or the whole new one. Runs the real binary and
//! signals it while it writes its reports.
#![cfg(unix)]

use std::fs;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const REPORTS: [&str; 4] = ["run.md", "run.html", "run.json", "run.sarif"];

/// `copies` copies of each seed article under `dir`.
fn corpus(dir: &Path, copies: usize) {
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let mut texts = Vec::new();
    for e in fs::read_dir(&seeds).unwrap() {
        let p = e.unwrap().path();
        if p.extension().is_some_and(|x| x == "txt") {
            texts.push(fs::read_to_string(&p).unwrap());
        }
    }
    fs::create_dir_all(dir).unwrap();
    for i in 0..copies {
        for (j, t) in texts.iter().enumerate() {
            fs::write(dir.join(format!("{i:05}-{j}.txt")), t).unwrap();
        }
    }
}

fn staged_files(out: &Path) -> Vec<String> {
    fs::read_dir(out)
        .map(|d| {
            d.filter_map(|e| e.ok()?.file_name().into_string().ok()).filter(|n| n.starts_with(".figcheck-")).collect()
        })
        .unwrap_or_default()
}

/// Signal a `check` as soon as a report is staged; `None` if it finished first.
fn interrupt_while_writing(corpus: &Path, out: &Path, signal: libc::c_int) -> Option<std::process::ExitStatus> {
    let mut child = Command::new(env!("CARGO_BIN_EXE_figcheck"))
        .arg("check")
        .arg(corpus)
        .args(["--no-config", "--name", "run", "--format", "markdown", "--format", "html"])
        .args(["--format", "json", "--format", "sarif", "--out"])
        .arg(out)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let started = Instant::now();
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            assert!(status.code() == Some(1) || status.code() == Some(0), "{status:?}");
            return None;
        }
        if !staged_files(out).is_empty() {
            // SAFETY: kill sends a signal to the child we spawned and have not reaped.
            assert_eq!(unsafe { libc::kill(child.id() as libc::pid_t, signal) }, 0);
            return Some(child.wait().unwrap());
        }
        assert!(started.elapsed() < Duration::from_secs(300), "check neither staged a report nor finished");
        std::thread::sleep(Duration::from_micros(200));
    }
}

#[test]
fn an_interrupted_run_leaves_no_staged_report_and_no_half_set() {
    let tmp = tempfile::tempdir().unwrap();
    for signal in [libc::SIGINT, libc::SIGTERM] {
        // Larger corpora until the signal lands while reports are written.
        let mut caught = None;
        for copies in [40, 160, 640, 2560] {
            let dir = tmp.path().join(format!("corpus-{copies}"));
            if !dir.exists() {
                corpus(&dir, copies);
            }
            let out = tmp.path().join(format!("out-{signal}-{copies}"));
            if let Some(status) = interrupt_while_writing(&dir, &out, signal) {
                caught = Some((status, out));
                break;
            }
        }
        let (status, out) = caught.expect("the signal never arrived while reports were staged");
        assert_eq!(status.code(), Some(130), "signal {signal}: {status:?}");
        assert_eq!(staged_files(&out), Vec::<String>::new(), "signal {signal}");
        let written: Vec<_> = REPORTS.iter().filter(|r| out.join(r).exists()).collect();
        assert!(written.is_empty() || written.len() == REPORTS.len(), "signal {signal}: half a set: {written:?}");
    }
}
