//! A person at a terminal: `check` over a few hundred documents draws its
//! progress bar on stderr, from the threads that read the documents, and
//! finishes. Runs the real binary with stderr on a pseudo-terminal.
#![cfg(all(target_os = "linux", target_env = "gnu"))]

use std::fs;
use std::io::Read;
use std::os::fd::{FromRawFd, OwnedFd};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// A pseudo-terminal: (the side a terminal emulator reads, the side a program writes).
fn pty() -> (OwnedFd, OwnedFd) {
    let (mut master, mut slave) = (-1, -1);
    // SAFETY: openpty writes two descriptors into the integers given; the
    // name, termios and window size pointers may be null.
    let rc =
        unsafe { libc::openpty(&mut master, &mut slave, std::ptr::null_mut(), std::ptr::null(), std::ptr::null()) };
    assert_eq!(rc, 0, "openpty: {}", std::io::Error::last_os_error());
    // SAFETY: both descriptors were just opened and are owned by nobody else.
    unsafe { (OwnedFd::from_raw_fd(master), OwnedFd::from_raw_fd(slave)) }
}

#[test]
fn a_long_check_at_a_terminal_shows_progress_and_finishes() {
    let dir = tempfile::tempdir().unwrap();
    let docs = dir.path().join("docs");
    fs::create_dir(&docs).unwrap();
    // Over the 300 documents from which a bar is drawn.
    for i in 0..320 {
        let text = format!("Gaza's health ministry said on Monday that {} people had been killed.\n", 30_000 + i);
        fs::write(docs.join(format!("{i:04}.txt")), text).unwrap();
    }
    let out = dir.path().join("reports");
    let (terminal, stderr) = pty();
    let mut child = Command::new(env!("CARGO_BIN_EXE_figcheck"))
        .arg("check")
        .arg(&docs)
        .args(["--no-config", "--name", "run", "--out"])
        .arg(&out)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::from(stderr))
        .spawn()
        .unwrap();
    // Read what the terminal shows, as an emulator would: a terminal
    // nobody reads fills up and stops its writer.
    let shown = std::thread::spawn(move || {
        let mut terminal = fs::File::from(terminal);
        let mut shown = Vec::new();
        let mut buf = [0u8; 4096];
        // Once the program has exited, reading fails (EIO) instead of ending.
        while let Ok(n @ 1..) = terminal.read(&mut buf) {
            shown.extend_from_slice(&buf[..n]);
        }
        String::from_utf8_lossy(&shown).into_owned()
    });
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if started.elapsed() > Duration::from_secs(60) {
            let _ = child.kill();
            let _ = child.wait();
            panic!("`figcheck check` at a terminal did not finish in 60 s");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let shown = shown.join().unwrap();
    assert!(status.success(), "{status:?}\n{shown}");
    // The bar counted the documents, then was cleared for the last word.
    assert!(shown.contains("/320 documents ["), "{shown:?}");
    assert!(shown.contains("\u{1b}[2Kfigcheck: wrote "), "{shown:?}");
    let rates: Vec<&str> = shown.split("] ").skip(1).filter_map(|t| t.split_once("/s").map(|r| r.0)).collect();
    assert!(!rates.is_empty() && rates.iter().all(|r| r.bytes().all(|b| b.is_ascii_digit())), "{rates:?}");
    assert!(out.join("run.json").is_file());
}

/// Ctrl-C while the bar is drawn: the run exits with 130 and the bar is
/// cleared, so the prompt comes back on a clean line.
#[test]
fn an_interrupted_check_clears_its_bar() {
    let dir = tempfile::tempdir().unwrap();
    let docs = dir.path().join("docs");
    fs::create_dir(&docs).unwrap();
    let mut written = 0;
    // More documents each time the run finished before it could be interrupted.
    for count in [2_000, 8_000, 32_000] {
        for i in written..count {
            let text = format!("Gaza's health ministry said on Monday that {} people had been killed.\n", 30_000 + i);
            fs::write(docs.join(format!("{i:05}.txt")), text).unwrap();
        }
        written = count;
        let (terminal, stderr) = pty();
        let mut child = Command::new(env!("CARGO_BIN_EXE_figcheck"))
            .arg("check")
            .arg(&docs)
            .args(["--no-config", "--jobs", "1", "--name", "run", "--out"])
            .arg(dir.path().join("reports"))
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::from(stderr))
            .spawn()
            .unwrap();
        let (tx, rx) = std::sync::mpsc::channel::<Vec<u8>>();
        let reader = std::thread::spawn(move || {
            let mut terminal = fs::File::from(terminal);
            let mut buf = [0u8; 4096];
            while let Ok(n @ 1..) = terminal.read(&mut buf) {
                if tx.send(buf[..n].to_vec()).is_err() {
                    break;
                }
            }
        });
        let mut shown = Vec::new();
        let mut signalled = false;
        let started = Instant::now();
        let status = loop {
            while let Ok(bytes) = rx.try_recv() {
                shown.extend_from_slice(&bytes);
            }
            if let Some(status) = child.try_wait().unwrap() {
                break status;
            }
            if !signalled && String::from_utf8_lossy(&shown).contains(" documents [") {
                // SAFETY: kill sends a signal to the child we spawned and have not reaped.
                assert_eq!(unsafe { libc::kill(child.id() as libc::pid_t, libc::SIGINT) }, 0);
                signalled = true;
            }
            assert!(started.elapsed() < Duration::from_secs(120), "check neither drew its bar nor finished");
            std::thread::sleep(Duration::from_millis(2));
        };
        reader.join().unwrap();
        shown.extend(rx.try_iter().flatten());
        if !signalled || status.code() != Some(130) {
            continue;
        }
        let shown = String::from_utf8_lossy(&shown).into_owned();
        let last = shown.rsplit_once(" documents [").map(|(_, after)| after).unwrap_or_default();
        assert!(
            last.ends_with("\u{1b}[2K"),
            "the bar was left on the terminal: {:?}",
            &shown[shown.len().saturating_sub(300)..]
        );
        return;
    }
    panic!("check finished before it could be interrupted, even over 32,000 documents");
}
