//! From paths to texts: walking directories with gitignore semantics
//! (following symbolic links, reporting loops), refusing what is not prose
//! (binary, UTF-16, empty, oversized files and endless lines), decoding
//! invalid UTF-8 lossily with an error that says where.

use std::collections::BTreeMap;
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;

use super::meta::{MANIFEST_NAME, Manifest, MetaFields};
use super::{Document, Format};
use crate::error::Problem;

/// File extensions read when walking a directory.
pub const DOCUMENT_EXTENSIONS: [&str; 7] = ["txt", "md", "markdown", "html", "htm", "srt", "vtt"];

/// A file to read.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Input {
    pub path: PathBuf,
    /// The directory named on the command line that led to this file (its
    /// own directory when the file was named): manifests are looked for
    /// between the file and this root. Shared by the files found under it.
    pub root: Arc<Path>,
}

impl Input {
    /// The path as the user will see it.
    pub fn display(&self) -> String {
        display_path(&self.path)
    }
}

/// What a file may be and still be read as a document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Larger files are skipped unread.
    pub max_file_size: u64,
    /// Plain text or Markdown with a longer line is not prose (generated
    /// data, a minified dump) and is skipped.
    pub max_line: usize,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits { max_file_size: 64 << 20, max_line: 1 << 20 }
    }
}

/// Display form of a path: forward slashes, no leading `./`, bytes that
/// are not UTF-8 escaped as `\xNN`.
pub fn display_path(p: &Path) -> String {
    let s = match p.to_str() {
        Some(s) => s.to_string(),
        None => escape_bytes(p),
    };
    #[cfg(windows)]
    let s = s.replace('\\', "/");
    s.strip_prefix("./").map(str::to_string).unwrap_or(s)
}

#[cfg(unix)]
fn escape_bytes(p: &Path) -> String {
    use std::os::unix::ffi::OsStrExt;
    let mut out = String::new();
    for chunk in p.as_os_str().as_bytes().utf8_chunks() {
        out.push_str(chunk.valid());
        for b in chunk.invalid() {
            out.push_str(&format!("\\x{b:02X}"));
        }
    }
    out
}

#[cfg(not(unix))]
fn escape_bytes(p: &Path) -> String {
    p.to_string_lossy().into_owned()
}

/// `12.3 MB`, for messages about sizes.
pub fn human_size(bytes: u64) -> String {
    if bytes >= 1 << 20 {
        format!("{:.1} MiB", bytes as f64 / (1u64 << 20) as f64)
    } else if bytes >= 1 << 10 {
        format!("{:.1} KiB", bytes as f64 / 1024.0)
    } else {
        format!("{bytes} bytes")
    }
}

fn is_document(p: &Path) -> bool {
    p.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| DOCUMENT_EXTENSIONS.iter().any(|d| d.eq_ignore_ascii_case(e)))
}

/// A walk error in words, with the path it concerns.
fn walk_problem(root: &str, e: &ignore::Error) -> Problem {
    match e {
        ignore::Error::WithPath { path, err } => match **err {
            ignore::Error::WithPath { .. } | ignore::Error::WithDepth { .. } | ignore::Error::Loop { .. } => {
                walk_problem(root, err)
            }
            _ => Problem::error(display_path(path), err.to_string()),
        },
        ignore::Error::WithDepth { err, .. } => walk_problem(root, err),
        ignore::Error::Loop { ancestor, child } => Problem::error(
            display_path(child),
            format!("symbolic link loop: it leads back to {}; not followed", display_path(ancestor)),
        ),
        other => Problem::error(root, other.to_string()),
    }
}

/// Expand paths into the files to read, sorted. Files named explicitly are
/// read whatever their extension; directories contribute their documents.
/// Symbolic links are followed; a file reached by several paths is
/// listed once where links were followed, and otherwise (hard links)
/// reported once as it is read (`Loaded::file`).
pub fn gather(paths: &[PathBuf], problems: &mut Vec<Problem>) -> Vec<Input> {
    let mut out = Vec::new();
    // Whether a symbolic link was followed: only then (or with several
    // paths named) can two paths of the walk lead to one file.
    let mut linked = paths.len() > 1;
    for p in paths {
        let display = display_path(p);
        match fs::metadata(p) {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                problems.push(Problem::error(display, "no such file or directory"));
            }
            Err(e) => problems.push(Problem::error(display, e.to_string())),
            Ok(m) if m.is_dir() => {
                let before = out.len();
                let root: Arc<Path> = p.as_path().into();
                // Unsorted: the inputs are sorted by shown path below, and a
                // sorted walk compared file names 20 times per file.
                let walker = ignore::WalkBuilder::new(p).require_git(false).follow_links(true).build();
                // One thread: a parallel walk allocates each file's strings
                // on threads of its own, and what those keep once freed is
                // memory no later stage reuses (12 MiB more at the peak of
                // a 256 MiB archive).
                for entry in walker {
                    match entry {
                        Ok(e) if e.file_type().is_some_and(|t| t.is_file()) && is_document(e.path()) => {
                            linked |= e.path_is_symlink();
                            out.push(Input { path: e.path().to_path_buf(), root: Arc::clone(&root) });
                        }
                        Ok(e) => linked |= e.path_is_symlink(),
                        Err(e) => problems.push(walk_problem(&display, &e)),
                    }
                }
                if out.len() == before {
                    problems.push(Problem::error(
                        display,
                        format!(
                            "no readable documents in this directory (looked for .{})",
                            DOCUMENT_EXTENSIONS.join(", .")
                        ),
                    ));
                }
            }
            Ok(_) => {
                let root = p.parent().unwrap_or(Path::new("")).into();
                out.push(Input { path: p.clone(), root });
            }
        }
    }
    // In the order of the paths as shown; each shown path is made again
    // when needed rather than kept with every file of an archive.
    let mut keyed: Vec<(String, Input)> = out.into_iter().map(|i| (display_path(&i.path), i)).collect();
    keyed.sort();
    keyed.dedup();
    let mut out: Vec<Input> = keyed.into_iter().map(|(_, i)| i).collect();
    if linked {
        // Through links, a file read under each path: a stat of every
        // file on the run's threads finds them before any is read. Without
        // links, a hard link is the only way to one file by two paths:
        // rare, and found when the file is read (`Loaded::file`), so a
        // plain archive costs no second system call per file.
        let ids: Vec<_> =
            out.par_iter().map(|i| fs::metadata(&i.path).ok().and_then(|m| identity(&i.path, &m))).collect();
        let mut ids = ids.into_iter();
        let mut taken = std::collections::BTreeSet::new();
        out.retain(|_| ids.next().expect("one id per input").is_none_or(|id| taken.insert(id)));
    }
    out
}

/// How many leading bytes are checked for NUL to call a file binary.
const BINARY_SNIFF: usize = 8192;

/// 1-based line and column (in characters) of a byte offset in `bytes`,
/// which are valid UTF-8 up to `offset`.
fn position(bytes: &[u8], offset: usize) -> (usize, usize) {
    let before = &bytes[..offset];
    let line = memchr::memchr_iter(b'\n', before).count() + 1;
    let start = memchr::memrchr(b'\n', before).map_or(0, |i| i + 1);
    let column = std::str::from_utf8(&before[start..]).map_or(offset - start, |s| s.chars().count()) + 1;
    (line, column)
}

/// The first line longer than `max`: `(line, length)`.
fn overlong_line(bytes: &[u8], max: usize) -> Option<(usize, usize)> {
    let mut start = 0;
    for (n, end) in memchr::memchr_iter(b'\n', bytes).chain(std::iter::once(bytes.len())).enumerate() {
        if end - start > max {
            return Some((n + 1, end - start));
        }
        start = end + 1;
    }
    None
}

/// Decode bytes as UTF-8. Binary files, UTF-16 and empty files are
/// refused; invalid UTF-8 is decoded with replacement characters and
/// reported, with its line and column, as an error.
pub fn decode(display: &str, bytes: Vec<u8>, problems: &mut Vec<Problem>) -> Option<String> {
    if bytes.is_empty() {
        problems.push(Problem::error(display, "empty file, skipped"));
        return None;
    }
    if let Some(bom) = [&b"\xFF\xFE"[..], b"\xFE\xFF"].into_iter().find(|b| bytes.starts_with(b)) {
        problems.push(Problem::error(
            display,
            format!(
                "UTF-16 text (byte-order mark {:02X} {:02X}), skipped: figcheck reads UTF-8; convert it, e.g. `iconv -f UTF-16 -t UTF-8`",
                bom[0], bom[1]
            ),
        ));
        return None;
    }
    let head = &bytes[..bytes.len().min(BINARY_SNIFF)];
    if let Some(at) = memchr::memchr(0, head) {
        problems.push(Problem::error(display, format!("binary file (NUL byte at offset {at}), skipped")));
        return None;
    }
    let bytes = match bytes.strip_prefix(b"\xEF\xBB\xBF") {
        Some(rest) => rest.to_vec(),
        None => bytes,
    };
    match String::from_utf8(bytes) {
        Ok(s) => Some(s),
        Err(e) => {
            let offset = e.utf8_error().valid_up_to();
            let (line, column) = position(e.as_bytes(), offset);
            problems.push(
                Problem::error(
                    display,
                    format!("invalid UTF-8 at column {column} (byte {offset}); read with replacement characters"),
                )
                .at_line(line),
            );
            Some(String::from_utf8_lossy(e.as_bytes()).into_owned())
        }
    }
}

/// Read one file into text, within `limits`: through `opened`, the file
/// `read_ahead` opened, when that is a regular file (a pipe named on the
/// command line is opened again, to wait for its writer). `file` is set
/// to the file's identity once it is open, whatever the reading gives.
fn read_shown(
    input: &Input,
    display: &str,
    opened: Option<fs::File>,
    limits: &Limits,
    file: &mut Option<FileId>,
    problems: &mut Vec<Problem>,
) -> Option<String> {
    let fail = |e: std::io::Error, problems: &mut Vec<Problem>| {
        let msg = match e.kind() {
            std::io::ErrorKind::IsADirectory => "is a directory".to_string(),
            // Listed when the run started, gone when its turn came.
            std::io::ErrorKind::NotFound => "no longer exists (removed while figcheck was running)".to_string(),
            _ => format!("cannot be read: {e}"),
        };
        problems.push(Problem::error(display, msg));
        None
    };
    let opened = opened.and_then(|f| {
        let m = f.metadata().ok()?;
        m.is_file().then_some((f, m))
    });
    let (opened, m) = match opened {
        Some(found) => found,
        None => {
            let f = match fs::File::open(&input.path) {
                Ok(f) => f,
                Err(e) => return fail(e, problems),
            };
            match f.metadata() {
                Ok(m) => (f, m),
                Err(e) => return fail(e, problems),
            }
        }
    };
    *file = identity(&input.path, &m);
    let size = m.len();
    if size > limits.max_file_size {
        problems.push(Problem::error(
            display,
            format!(
                "{}, over the {} size limit, skipped (raise it with --max-file-size)",
                human_size(size),
                human_size(limits.max_file_size)
            ),
        ));
        return None;
    }
    let mut bytes = Vec::with_capacity(size as usize);
    // A file is read as long as it is now: one read, with no second one
    // to find its end (a system call per file of an archive); what is
    // written to it meanwhile is not read. One whose size says nothing
    // (empty, or a special file) is read to its end, never past the limit.
    let until = if size == 0 { limits.max_file_size + 1 } else { size };
    if let Err(e) = opened.take(until).read_to_end(&mut bytes) {
        return fail(e, problems);
    }
    if bytes.len() as u64 > limits.max_file_size {
        problems.push(Problem::error(
            display,
            format!("grew past the {} size limit while it was read, skipped", human_size(limits.max_file_size)),
        ));
        return None;
    }
    if Format::of(&input.path) != Format::Html
        && let Some((line, len)) = overlong_line(&bytes, limits.max_line)
    {
        problems.push(
            Problem::error(
                display,
                format!(
                    "a line of {}, over the {} line limit: not prose (generated data or a minified dump?), skipped",
                    human_size(len as u64),
                    human_size(limits.max_line as u64)
                ),
            )
            .at_line(line),
        );
        return None;
    }
    decode(display, bytes, problems)
}

/// Open `inputs` and ask the kernel to start reading them now: on an
/// archive that is not in the page cache, the disk then reads the next
/// files while the ones before them are extracted, instead of each read
/// waiting its turn. With `keep`, the files opened are handed to `read`,
/// so each is opened once; otherwise (and for a file that cannot be
/// opened) `None`, and `read` opens the file itself.
pub fn read_ahead(inputs: &[(Input, Option<MetaFields>)], keep: bool) -> Vec<Option<fs::File>> {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    {
        use std::os::fd::AsRawFd;
        use std::os::unix::fs::OpenOptionsExt;
        inputs
            .iter()
            .map(|(input, _)| {
                // Non-blocking: a file swapped for a FIFO must not stall the run here.
                let f = fs::OpenOptions::new().read(true).custom_flags(libc::O_NONBLOCK).open(&input.path).ok()?;
                // SAFETY: the descriptor stays open through the call; the advice
                // changes only what the kernel caches.
                unsafe { libc::posix_fadvise(f.as_raw_fd(), 0, 0, libc::POSIX_FADV_WILLNEED) };
                keep.then_some(f)
            })
            .collect()
    }
    #[cfg(not(all(target_os = "linux", target_env = "gnu")))]
    {
        let _ = keep;
        inputs.iter().map(|_| None).collect()
    }
}

/// Read standard input into text.
pub fn read_stdin(stdin: &mut dyn Read, problems: &mut Vec<Problem>) -> Option<String> {
    let mut bytes = Vec::new();
    if let Err(e) = stdin.read_to_end(&mut bytes) {
        problems.push(Problem::error("<stdin>", e.to_string()));
        return None;
    }
    decode("<stdin>", bytes, problems)
}

/// The manifests that give documents their metadata: the nearest
/// `sources.yaml` between a file and the directory named on the command
/// line, else one named with `--sources`.
#[derive(Debug, Default)]
pub struct Manifests {
    pub list: Vec<Manifest>,
    /// Directory (as written) → the manifest in it, if any.
    by_dir: BTreeMap<PathBuf, Option<usize>>,
    /// Manifests named with `--sources`, consulted last.
    extra: Vec<usize>,
}

impl Manifests {
    /// Start with the manifests named with `--sources`.
    pub fn with_extra(files: &[PathBuf], problems: &mut Vec<Problem>) -> Manifests {
        let mut m = Manifests::default();
        for f in files {
            match Manifest::load(f) {
                Ok(x) => {
                    problems.extend(x.check());
                    m.list.push(x);
                    m.extra.push(m.list.len() - 1);
                }
                Err(p) => problems.push(p),
            }
        }
        m
    }

    fn in_dir(&mut self, dir: &Path, problems: &mut Vec<Problem>) -> Option<usize> {
        if let Some(found) = self.by_dir.get(dir) {
            return *found;
        }
        let file = dir.join(MANIFEST_NAME);
        let found = if file.is_file() {
            let display = display_path(&file);
            match self.list.iter().position(|m| m.file == display) {
                Some(i) => Some(i),
                None => match Manifest::load(&file) {
                    Ok(m) => {
                        problems.extend(m.check());
                        self.list.push(m);
                        Some(self.list.len() - 1)
                    }
                    Err(p) => {
                        problems.push(p);
                        None
                    }
                },
            }
        } else {
            None
        };
        self.by_dir.insert(dir.to_path_buf(), found);
        found
    }

    /// The manifest that governs `input`: the nearest `sources.yaml`
    /// between its directory and its root (read when first met), if any.
    fn governing(&mut self, input: &Input, problems: &mut Vec<Problem>) -> Option<usize> {
        // Paths from the walk start with the root as written: compare them as written.
        let mut dir = input.path.parent().map(Path::to_path_buf);
        while let Some(d) = dir {
            if let Some(m) = self.in_dir(&d, problems) {
                return Some(m);
            }
            if *d == *input.root || !d.starts_with(&input.root) {
                break;
            }
            dir = d.parent().map(Path::to_path_buf).filter(|p| !p.as_os_str().is_empty());
        }
        None
    }

    /// The metadata the manifests give each of `inputs`, in order: a
    /// manifest beside or above the file, else one named with `--sources`.
    /// Manifests are found directory by directory, then the files are
    /// looked up in them in parallel (an archive has many files and few
    /// directories).
    pub fn entries_for(&mut self, inputs: &[Input], problems: &mut Vec<Problem>) -> Vec<Option<MetaFields>> {
        let mut governing = Vec::with_capacity(inputs.len());
        let mut last: Option<(&Path, &Path, Option<usize>)> = None;
        for input in inputs {
            let dir = input.path.parent().unwrap_or(Path::new(""));
            let m = match last {
                Some((d, root, m)) if d == dir && *root == *input.root => m,
                _ => self.governing(input, problems),
            };
            last = Some((dir, &input.root, m));
            governing.push(m);
        }
        let this = &*self;
        inputs
            .par_iter()
            .zip(governing)
            .map(|(input, m)| match m {
                Some(m) => this.list[m].entry_for(&input.path),
                None => this.extra_entry(&input.path),
            })
            .collect()
    }

    /// All manifests: those found beside documents first, in the order
    /// found, then those named with `--sources`.
    pub fn ordered(self) -> Vec<Manifest> {
        let (extra, found): (Vec<_>, Vec<_>) =
            self.list.into_iter().enumerate().partition(|(i, _)| self.extra.contains(i));
        found.into_iter().chain(extra).map(|(_, m)| m).collect()
    }

    /// The metadata a `--sources` manifest gives for a path.
    pub fn extra_entry(&self, path: &Path) -> Option<MetaFields> {
        self.extra.iter().find_map(|&m| self.list[m].entry_for(path))
    }
}

/// What identifies a file whatever path reaches it.
#[cfg(unix)]
pub type FileId = (u64, u64);
#[cfg(not(unix))]
pub type FileId = PathBuf;

#[cfg(unix)]
fn identity(_path: &Path, m: &fs::Metadata) -> Option<FileId> {
    use std::os::unix::fs::MetadataExt;
    Some((m.dev(), m.ino()))
}

#[cfg(not(unix))]
fn identity(path: &Path, _m: &fs::Metadata) -> Option<FileId> {
    path.canonicalize().ok()
}

/// A file read, and which file it was.
pub struct Loaded {
    pub document: Option<Document>,
    /// The file's identity, when it could be opened. A file reached by
    /// several paths (through symbolic or hard links) has one identity:
    /// whoever takes files in order keeps the first path's document and
    /// problems and drops the others', so it is reported once.
    pub file: Option<FileId>,
}

/// Read and build one document.
pub fn load_one(
    input: &Input,
    opened: Option<fs::File>,
    entry: Option<MetaFields>,
    limits: &Limits,
    problems: &mut Vec<Problem>,
) -> Loaded {
    let display = input.display();
    if input.path.to_str().is_none() {
        problems.push(Problem::error(
            &display,
            "the file name is not valid UTF-8; it is read, and cited with its bad bytes escaped as \\xNN",
        ));
    }
    let mut file = None;
    let document = read_shown(input, &display, opened, limits, &mut file, problems)
        .map(|text| Document::build(display, Format::of(&input.path), text, entry, problems));
    Loaded { document, file }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Files come in the order of their paths as shown ("a-c.md" before
    /// "a/b.md"), not of their path components, and once each.
    #[test]
    fn inputs_are_in_the_order_of_their_shown_paths() {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path();
        fs::create_dir(root.join("a")).unwrap();
        for f in ["a/b.md", "a-c.md", "a.md"] {
            fs::write(root.join(f), "Some 1,200 people.").unwrap();
        }
        let mut problems = Vec::new();
        let named = root.join("a.md");
        let got: Vec<String> = gather(&[root.to_path_buf(), named], &mut problems)
            .iter()
            .map(|i| i.path.strip_prefix(root).unwrap().display().to_string())
            .collect();
        assert_eq!(got, ["a-c.md", "a.md", "a/b.md"]);
        assert!(problems.is_empty(), "{problems:?}");
    }

    /// Through a directory link, one file at two paths is listed once,
    /// before anything is read; two hard links stay listed, to be taken
    /// once as they are read.
    #[cfg(unix)]
    #[test]
    fn files_behind_links_are_listed_once() {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path();
        fs::create_dir(root.join("a")).unwrap();
        fs::write(root.join("a/x.md"), "Some 1,200 people.").unwrap();
        let listed = |problems: &mut Vec<Problem>| -> Vec<String> {
            gather(&[root.to_path_buf()], problems)
                .iter()
                .map(|i| i.path.strip_prefix(root).unwrap().display().to_string())
                .collect()
        };
        let mut problems = Vec::new();
        fs::hard_link(root.join("a/x.md"), root.join("a/y.md")).unwrap();
        assert_eq!(listed(&mut problems), ["a/x.md", "a/y.md"]);
        std::os::unix::fs::symlink(root.join("a"), root.join("b")).unwrap();
        assert_eq!(listed(&mut problems), ["a/x.md"]);
        assert!(problems.is_empty(), "{problems:?}");
    }

    /// Each file takes its metadata from the nearest manifest between its
    /// directory and the root it was found under, else from `--sources`;
    /// a manifest that governs a file but does not list it gives nothing.
    #[test]
    fn files_take_the_nearest_manifest_then_the_named_one() {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path().join("root");
        let write = |p: &Path, text: &str| {
            fs::create_dir_all(p.parent().unwrap()).unwrap();
            fs::write(p, text).unwrap();
        };
        write(
            &root.join(MANIFEST_NAME),
            "documents:\n  - path: a.md\n    publisher: Root Press\n  - path: sub/b.md\n    publisher: Root Press, b\n",
        );
        write(&root.join("other").join(MANIFEST_NAME), "documents:\n  - path: c.md\n    publisher: Other Desk\n");
        let named = tmp.path().join("named.yaml");
        let loose = tmp.path().join("loose");
        write(
            &named,
            &format!(
                "documents:\n  - path: {}\n    publisher: Named Wire\n  - path: {}\n    publisher: never\n",
                loose.join("e.md").display(),
                root.join("other").join("d.md").display()
            ),
        );
        for f in ["a.md", "sub/b.md", "sub/deeper/x.md", "other/c.md", "other/d.md"] {
            write(&root.join(f), "Text.");
        }
        write(&loose.join("e.md"), "Text.");
        let mut problems = Vec::new();
        let inputs = gather(&[root.clone(), loose.clone()], &mut problems);
        let mut manifests = Manifests::with_extra(std::slice::from_ref(&named), &mut problems);
        let entries = manifests.entries_for(&inputs, &mut problems);
        assert_eq!(problems, Vec::new());
        let got: Vec<(String, Option<String>)> = inputs
            .iter()
            .zip(entries)
            .map(|(i, e)| {
                let rel = i.path.strip_prefix(tmp.path()).unwrap().to_string_lossy().replace('\\', "/");
                (rel, e.and_then(|e| e.publisher))
            })
            .collect();
        let want = [
            ("loose/e.md", Some("Named Wire")),
            ("root/a.md", Some("Root Press")),
            ("root/other/c.md", Some("Other Desk")),
            ("root/other/d.md", None),
            ("root/sub/b.md", Some("Root Press, b")),
            ("root/sub/deeper/x.md", None),
        ];
        let want: Vec<(String, Option<String>)> =
            want.iter().map(|(p, e)| (p.to_string(), e.map(str::to_string))).collect();
        assert_eq!(got, want);
    }

    /// Read-ahead never waits: a FIFO (which a plain open would wait on for
    /// a writer) and a missing file pass through it, for `load_one` to handle.
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    #[test]
    fn read_ahead_never_waits_and_hands_its_files_to_read() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("pipe.md");
        let c = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
        // SAFETY: a valid NUL-terminated path.
        assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
        let plain = dir.path().join("a.md");
        fs::write(&plain, "Some 1,200 people.").unwrap();
        let input = |p: &Path| Input { path: p.to_path_buf(), root: dir.path().into() };
        let inputs: Vec<(Input, Option<MetaFields>)> =
            [fifo.as_path(), &dir.path().join("gone.md"), &plain].iter().map(|p| (input(p), None)).collect();
        assert!(read_ahead(&inputs, false).iter().all(Option::is_none));
        let mut opened = read_ahead(&inputs, true);
        assert_eq!(opened.iter().map(Option::is_some).collect::<Vec<_>>(), [true, false, true]);
        // The file opened ahead is the one read: it is not opened again.
        let id = identity(&plain, &fs::metadata(&plain).unwrap());
        fs::remove_file(&plain).unwrap();
        let mut problems = Vec::new();
        let loaded = load_one(&inputs[2].0, opened[2].take(), None, &Limits::default(), &mut problems);
        assert_eq!(loaded.document.map(|d| d.text), Some("Some 1,200 people.".to_string()));
        assert_eq!((loaded.file, id.is_some()), (id, true));
        assert!(problems.is_empty());
    }

    /// A file is read as long as it is when its turn comes (grown since
    /// read-ahead opened it, it is read whole); one whose size says
    /// nothing (a `/proc` file says 0) is read to its end.
    #[test]
    fn a_file_is_read_as_long_as_it_is_when_read() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.md");
        fs::write(&path, "Some 1,200 people.").unwrap();
        let input = Input { path: path.clone(), root: dir.path().into() };
        let opened = fs::File::open(&path).unwrap();
        std::io::Write::write_all(&mut fs::OpenOptions::new().append(true).open(&path).unwrap(), b" Later 300 more.")
            .unwrap();
        let mut problems = Vec::new();
        let loaded = load_one(&input, Some(opened), None, &Limits::default(), &mut problems);
        assert_eq!(loaded.document.map(|d| d.text), Some("Some 1,200 people. Later 300 more.".to_string()));
        assert!(problems.is_empty(), "{problems:?}");
        #[cfg(target_os = "linux")]
        {
            let status = Path::new("/proc/self/status");
            assert_eq!(fs::metadata(status).unwrap().len(), 0);
            let input = Input { path: status.to_path_buf(), root: Path::new("/proc").into() };
            let loaded = load_one(&input, None, None, &Limits::default(), &mut problems);
            assert!(loaded.document.is_some_and(|d| d.text.contains("Name:")));
            assert!(problems.is_empty(), "{problems:?}");
        }
    }

    #[test]
    fn decoding() {
        let mut p = Vec::new();
        assert_eq!(decode("a.txt", b"ok".to_vec(), &mut p).as_deref(), Some("ok"));
        assert_eq!(decode("b.txt", b"1\n2\xffx".to_vec(), &mut p).as_deref(), Some("1\n2\u{fffd}x"));
        assert_eq!(
            p[0].to_string(),
            "error: b.txt:2: invalid UTF-8 at column 2 (byte 3); read with replacement characters"
        );
        assert_eq!(decode("c.bin", b"x\x00\x01".to_vec(), &mut p), None);
        assert_eq!(p[1].to_string(), "error: c.bin: binary file (NUL byte at offset 1), skipped");
        assert_eq!(decode("d.txt", b"\xFF\xFEa\x00".to_vec(), &mut p), None);
        assert!(p[2].to_string().starts_with("error: d.txt: UTF-16 text (byte-order mark FF FE), skipped"));
        assert_eq!(decode("e.txt", Vec::new(), &mut p), None);
        assert_eq!(p[3].to_string(), "error: e.txt: empty file, skipped");
    }

    #[test]
    fn overlong_lines_are_found_with_their_number() {
        assert_eq!(overlong_line(b"ab\nabcdef\nx", 4), Some((2, 6)));
        assert_eq!(overlong_line(b"ab\nabcd\n", 4), None);
        assert_eq!(overlong_line(b"abcdefgh", 4), Some((1, 8)));
    }

    #[cfg(unix)]
    #[test]
    fn non_utf8_paths_are_escaped() {
        use std::os::unix::ffi::OsStrExt;
        let p = Path::new(std::ffi::OsStr::from_bytes(b"./caf\xE9/a.txt"));
        assert_eq!(display_path(p), "caf\\xE9/a.txt");
    }
}
