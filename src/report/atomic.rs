//! Writing reports so that a reader sees the old set or the new, never
//! half of one: each file is staged beside its target and moved into place
//! only when all are written. Staged files are registered so that an
//! interrupted run (Ctrl-C, SIGTERM, SIGHUP) removes them before it exits.

use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard, PoisonError};

/// Temporary files written and not yet moved into place or removed.
static STAGED: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

fn staged() -> MutexGuard<'static, Vec<PathBuf>> {
    STAGED.lock().unwrap_or_else(PoisonError::into_inner)
}

/// For a run that is interrupted: remove every staged file and exit with
/// `code`. Waits for a set being moved into place to be complete, so the
/// targets hold the old set or the new one, and holds the registry until
/// the process ends, so that no file is staged after.
pub fn exit_removing_staged(code: i32) -> ! {
    let mut staged = staged();
    for p in staged.drain(..) {
        let _ = std::fs::remove_file(p);
    }
    std::process::exit(code)
}

/// Write a file so that a reader sees the old file or the new, never half of one.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let files: Vec<Staged<'_>> = vec![(path.to_path_buf(), Box::new(|w: &mut dyn Write| w.write_all(bytes)))];
    write_all_atomically(files).map_err(|(_, e)| e)
}

/// What writes a file's contents.
pub type Contents<'a> = Box<dyn FnOnce(&mut dyn Write) -> io::Result<()> + Send + 'a>;

/// A file to write and what writes its contents.
pub type Staged<'a> = (PathBuf, Contents<'a>);

/// Write a set of files: each is written (streamed, never held in memory,
/// the files in parallel) to a temporary file beside its target, and only
/// when all are written are they moved into place, so a failure (a full
/// disk, a directory that cannot be written) leaves no file of the set
/// half-written and none replaced. The error names the file (the first
/// of the set that failed).
pub fn write_all_atomically(files: Vec<Staged<'_>>) -> Result<(), (PathBuf, io::Error)> {
    let order: Vec<usize> = (0..files.len()).collect();
    write_all_atomically_in(files, &order)
}

/// `write_all_atomically`, the files handed to the threads in `order`
/// (indices into `files`, each once), each to the next free thread: the
/// costliest first, and the set ends on all threads together.
pub fn write_all_atomically_in(files: Vec<Staged<'_>>, order: &[usize]) -> Result<(), (PathBuf, io::Error)> {
    use rayon::prelude::*;
    let mut slots: Vec<Option<Staged<'_>>> = files.into_iter().map(Some).collect();
    let queue: Vec<(usize, Staged<'_>)> =
        order.iter().map(|&k| (k, slots[k].take().expect("each file once in the order"))).collect();
    assert!(slots.iter().all(Option::is_none), "every file in the order");
    std::thread::scope(|scope| {
        // Each file is synced to the disk on a thread of its own while the
        // run's threads render the next: the waits overlap the work.
        let mut rendered: Vec<_> =
            queue.into_iter().par_bridge().map(|(k, (path, write))| (k, stage_and_sync(path, write, scope))).collect();
        // Back in the order of the set: the first failure is named.
        rendered.sort_by_key(|(k, _)| *k);
        let results: Vec<StageResult> = rendered
            .into_iter()
            .map(|(_, r)| {
                let (tmp, path, synced) = r?;
                match synced.join().unwrap_or_else(|_| Err(io::Error::other("syncing the file failed"))) {
                    Ok(()) => Ok((tmp, path)),
                    Err(e) => {
                        discard(tmp);
                        Err((path, e))
                    }
                }
            })
            .collect();
        let names: Vec<PathBuf> = results.iter().flatten().map(|(tmp, _)| tmp.path().to_path_buf()).collect();
        let outcome = persist_all(results);
        // Moved into place, or removed as they dropped.
        staged().retain(|p| !names.contains(p));
        outcome
    })
}

/// A staged file, and the thread syncing it to the disk.
type Syncing<'s> = (tempfile::NamedTempFile, PathBuf, std::thread::ScopedJoinHandle<'s, io::Result<()>>);

/// Stage `path`, then sync it on a thread of `scope`.
fn stage_and_sync<'s>(
    path: PathBuf,
    write: Contents<'_>,
    scope: &'s std::thread::Scope<'s, '_>,
) -> Result<Syncing<'s>, (PathBuf, io::Error)> {
    let tmp = match stage(&path, write) {
        Ok(tmp) => tmp,
        Err(e) => return Err((path, e)),
    };
    match tmp.as_file().try_clone() {
        Ok(file) => Ok((tmp, path, scope.spawn(move || file.sync_all()))),
        Err(e) => {
            discard(tmp);
            Err((path, e))
        }
    }
}

fn stage(path: &Path, write: Contents<'_>) -> io::Result<tempfile::NamedTempFile> {
    let dir = path.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir)?;
    // Named so that one left by a killed run says whose it is. Created and
    // registered under the registry's lock: an interrupt (which takes the
    // lock and keeps it) either comes first, and the file is never made,
    // or finds it registered.
    let mut tmp = tempfile::Builder::new().prefix(".figcheck-").suffix(".tmp").make_in(dir, |path| {
        let mut registry = staged();
        let mut options = std::fs::OpenOptions::new();
        options.read(true).write(true).create_new(true);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
        let file = options.open(path);
        // Somebody else's file, or none, is never ours to remove.
        if file.is_ok() {
            registry.push(path.to_path_buf());
        }
        file
    })?;
    match fill(&mut tmp, path, write) {
        Ok(()) => Ok(tmp),
        Err(e) => {
            discard(tmp);
            Err(e)
        }
    }
}

/// Remove a staged file, then forget it, under the registry's lock: an
/// interrupt never finds it forgotten and still there.
fn discard(tmp: tempfile::NamedTempFile) {
    let mut registry = staged();
    let path = tmp.path().to_path_buf();
    drop(tmp);
    registry.retain(|p| *p != path);
}

fn fill(tmp: &mut tempfile::NamedTempFile, target: &Path, write: Contents<'_>) -> io::Result<()> {
    // Unbuffered: reports buffer their own output (`report::render`).
    write(&mut Writeback::new(tmp.as_file_mut()))?;
    // A temporary file is private; a report is as readable as the file it replaces.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(target).map(|m| m.permissions().mode()).unwrap_or(0o644);
        std::fs::set_permissions(tmp.path(), std::fs::Permissions::from_mode(mode))?;
    }
    Ok(())
}

/// A file written through this has its pages sent to the disk as it
/// grows, so that the disk works while the report is still being
/// rendered and the final `sync_all` waits for the last stretch only
/// (on a large report, most of its time was that wait).
struct Writeback<'f> {
    file: &'f mut std::fs::File,
    written: u64,
    /// Where the bytes not yet sent start.
    sent: u64,
}

impl<'f> Writeback<'f> {
    /// Bytes between two requests to write back.
    const STRETCH: u64 = 4 << 20;

    fn new(file: &'f mut std::fs::File) -> Self {
        Writeback { file, written: 0, sent: 0 }
    }
}

impl Write for Writeback<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let n = self.file.write(buf)?;
        self.written += n as u64;
        if self.written - self.sent >= Self::STRETCH {
            #[cfg(all(target_os = "linux", target_env = "gnu"))]
            {
                use std::os::fd::AsRawFd;
                let len = (self.written - self.sent) as libc::off64_t;
                // SAFETY: the descriptor is open for the borrow's life. The
                // call only starts writing back dirty pages of the range and
                // does not wait for them; a failure is no error of ours, as
                // `sync_all` still writes whatever is left.
                unsafe {
                    libc::sync_file_range(
                        self.file.as_raw_fd(),
                        self.sent as libc::off64_t,
                        len,
                        libc::SYNC_FILE_RANGE_WRITE,
                    )
                };
            }
            self.sent = self.written;
        }
        Ok(n)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.file.flush()
    }
}

type StageResult = Result<(tempfile::NamedTempFile, PathBuf), (PathBuf, io::Error)>;

fn persist_all(results: Vec<StageResult>) -> Result<(), (PathBuf, io::Error)> {
    // On error the files staged are deleted as they drop.
    let staged_files: Vec<_> = results.into_iter().collect::<Result<_, _>>()?;
    // A target that is a directory would fail its rename half-way through the set.
    for (_, path) in &staged_files {
        if std::fs::metadata(path).is_ok_and(|m| m.is_dir()) {
            return Err((path.clone(), io::Error::new(io::ErrorKind::IsADirectory, "is a directory")));
        }
    }
    // Held while the set moves into place: an interrupt waits for the whole set.
    let _moving = staged();
    for (tmp, path) in staged_files {
        tmp.persist(&path).map_err(|e| (path.clone(), e.error))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn registered_in(dir: &Path) -> Vec<PathBuf> {
        staged().iter().filter(|p| p.starts_with(dir)).cloned().collect()
    }

    #[test]
    fn a_set_is_written_whole_or_not_at_all_and_nothing_stays_registered() {
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("a.md");
        let b = dir.path().join("b.json");
        let failing: Vec<Staged<'_>> = vec![
            (a.clone(), Box::new(|w: &mut dyn Write| w.write_all(b"new a"))),
            (b.clone(), Box::new(|_: &mut dyn Write| Err(io::Error::other("disk full")))),
        ];
        let (path, e) = write_all_atomically(failing).unwrap_err();
        assert_eq!((path, e.to_string()), (b.clone(), "disk full".to_string()));
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0, "no report and no staged file");
        assert_eq!(registered_in(dir.path()), Vec::<PathBuf>::new());

        let fine: Vec<Staged<'_>> = vec![
            (a.clone(), Box::new(|w: &mut dyn Write| w.write_all(b"new a"))),
            (b.clone(), Box::new(|w: &mut dyn Write| w.write_all(b"new b"))),
        ];
        write_all_atomically(fine).unwrap();
        assert_eq!(std::fs::read_to_string(&a).unwrap(), "new a");
        assert_eq!(std::fs::read_to_string(&b).unwrap(), "new b");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 2);
        assert_eq!(registered_in(dir.path()), Vec::<PathBuf>::new());
    }

    #[test]
    fn a_file_longer_than_a_writeback_stretch_arrives_whole() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("big.json");
        // Pieces of uneven length, so that the stretches end mid-write.
        let piece: Vec<u8> = (0..=250u8).collect();
        let pieces = (2 * Writeback::STRETCH as usize) / piece.len() + 7;
        let files: Vec<Staged<'_>> =
            vec![(path.clone(), Box::new(|w: &mut dyn Write| (0..pieces).try_for_each(|_| w.write_all(&piece))))];
        write_all_atomically(files).unwrap();
        let got = std::fs::read(&path).unwrap();
        assert_eq!(got.len(), pieces * piece.len());
        assert!(got.chunks(piece.len()).all(|c| c == piece.as_slice()));
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1, "only the report, no staged file");
        assert_eq!(registered_in(dir.path()), Vec::<PathBuf>::new());
    }

    #[test]
    fn the_order_files_are_handed_out_in_changes_nothing_written_or_reported() {
        let dir = tempfile::tempdir().unwrap();
        let (a, b, c) = (dir.path().join("a.md"), dir.path().join("b.json"), dir.path().join("c.sarif"));
        let failing: Vec<Staged<'_>> = vec![
            (a.clone(), Box::new(|_: &mut dyn Write| Err(io::Error::other("a failed")))),
            (b.clone(), Box::new(|w: &mut dyn Write| w.write_all(b"b"))),
            (c.clone(), Box::new(|_: &mut dyn Write| Err(io::Error::other("c failed")))),
        ];
        // Handed out last, still the first of the set to be named.
        let (path, e) = write_all_atomically_in(failing, &[2, 1, 0]).unwrap_err();
        assert_eq!((path, e.to_string()), (a.clone(), "a failed".to_string()));
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
        let fine: Vec<Staged<'_>> = vec![
            (a.clone(), Box::new(|w: &mut dyn Write| w.write_all(b"a"))),
            (b.clone(), Box::new(|w: &mut dyn Write| w.write_all(b"b"))),
            (c.clone(), Box::new(|w: &mut dyn Write| w.write_all(b"c"))),
        ];
        write_all_atomically_in(fine, &[1, 2, 0]).unwrap();
        let got: Vec<String> = [&a, &b, &c].iter().map(|p| std::fs::read_to_string(p).unwrap()).collect();
        assert_eq!(got, ["a", "b", "c"]);
        assert_eq!(registered_in(dir.path()), Vec::<PathBuf>::new());
    }
}
