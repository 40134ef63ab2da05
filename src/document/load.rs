//! From paths to texts: walking directories with gitignore semantics,
//! skipping binary files, decoding invalid UTF-8 lossily with a warning.

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

use std::collections::BTreeMap;

use rayon::prelude::*;

use super::meta::{MANIFEST_NAME, Manifest, MetaFields};
use super::{Document, Format};
use crate::error::Problem;

/// File extensions read when walking a directory.
pub const DOCUMENT_EXTENSIONS: [&str; 5] = ["txt", "md", "markdown", "html", "htm"];

/// A file to read, with the path as the user will see it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Input {
    pub display: String,
    pub path: PathBuf,
    /// The directory named on the command line that led to this file (its
    /// own directory when the file was named): manifests are looked for
    /// between the file and this root.
    pub root: PathBuf,
}

/// Display form of a path: forward slashes, no leading `./`.
pub fn display_path(p: &Path) -> String {
    let s = p.to_string_lossy().replace('\\', "/");
    s.strip_prefix("./").map(str::to_string).unwrap_or(s)
}

fn is_document(p: &Path) -> bool {
    p.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| DOCUMENT_EXTENSIONS.iter().any(|d| d.eq_ignore_ascii_case(e)))
}

/// Expand paths into the files to read, sorted. Files named explicitly are
/// read whatever their extension; directories contribute their documents.
pub fn gather(paths: &[PathBuf], problems: &mut Vec<Problem>) -> Vec<Input> {
    let mut out = Vec::new();
    for p in paths {
        let display = display_path(p);
        match fs::metadata(p) {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                problems.push(Problem::error(display, "no such file or directory"));
            }
            Err(e) => problems.push(Problem::error(display, e.to_string())),
            Ok(m) if m.is_dir() => {
                let before = out.len();
                let walker = ignore::WalkBuilder::new(p).sort_by_file_name(|a, b| a.cmp(b)).require_git(false).build();
                for entry in walker {
                    match entry {
                        Ok(e) if e.file_type().is_some_and(|t| t.is_file()) && is_document(e.path()) => {
                            out.push(Input {
                                display: display_path(e.path()),
                                path: e.path().to_path_buf(),
                                root: p.clone(),
                            });
                        }
                        Ok(_) => {}
                        Err(e) => problems.push(Problem::error(display.clone(), e.to_string())),
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
                let root = p.parent().map(Path::to_path_buf).unwrap_or_default();
                out.push(Input { display, path: p.clone(), root });
            }
        }
    }
    out.sort();
    out.dedup();
    out
}

/// How many leading bytes are checked for NUL to call a file binary.
const BINARY_SNIFF: usize = 8192;

/// Decode bytes as UTF-8; on invalid UTF-8, decode lossily and warn with
/// the byte offset of the first bad sequence. Binary input is an error.
pub fn decode(display: &str, bytes: Vec<u8>, problems: &mut Vec<Problem>) -> Option<String> {
    let head = &bytes[..bytes.len().min(BINARY_SNIFF)];
    if head.contains(&0) {
        problems.push(Problem::error(display, "binary file, skipped"));
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
            problems.push(Problem::warning(
                display,
                format!("invalid UTF-8 at byte {offset}; decoded with replacement characters"),
            ));
            Some(String::from_utf8_lossy(e.as_bytes()).into_owned())
        }
    }
}

/// Read one file into text.
pub fn read(input: &Input, problems: &mut Vec<Problem>) -> Option<String> {
    match fs::read(&input.path) {
        Ok(bytes) => decode(&input.display, bytes, problems),
        Err(e) => {
            let msg =
                if e.kind() == std::io::ErrorKind::IsADirectory { "is a directory".to_string() } else { e.to_string() };
            problems.push(Problem::error(&input.display, msg));
            None
        }
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

/// Documents and the sources manifests found beside them.
#[derive(Debug, Default)]
pub struct Loaded {
    pub documents: Vec<Document>,
    pub manifests: Vec<Manifest>,
}

/// Find, load and cache the manifest that applies to `input`: the nearest
/// `sources.yaml` between the file's directory and its root.
fn manifest_for(
    input: &Input,
    cache: &mut BTreeMap<PathBuf, Option<usize>>,
    manifests: &mut Vec<Manifest>,
    problems: &mut Vec<Problem>,
) -> Option<usize> {
    let root = input.root.canonicalize().unwrap_or_else(|_| input.root.clone());
    let mut dir = input.path.parent().map(Path::to_path_buf);
    while let Some(d) = dir {
        let key = d.canonicalize().unwrap_or_else(|_| d.clone());
        let found = match cache.get(&key) {
            Some(found) => *found,
            None => {
                let file = d.join(MANIFEST_NAME);
                let found = if file.is_file() {
                    match Manifest::load(&file) {
                        Ok(m) => {
                            problems.extend(m.check());
                            manifests.push(m);
                            Some(manifests.len() - 1)
                        }
                        Err(p) => {
                            problems.push(p);
                            None
                        }
                    }
                } else {
                    None
                };
                cache.insert(key.clone(), found);
                found
            }
        };
        if found.is_some() {
            return found;
        }
        if key == root || !key.starts_with(&root) {
            return None;
        }
        dir = d.parent().map(Path::to_path_buf).filter(|p| !p.as_os_str().is_empty());
    }
    None
}

/// Read every document named by `paths` (`-` reads `stdin`), with the
/// metadata of the manifests beside them. Files are read in parallel; the
/// result is in path order.
pub fn load(paths: &[PathBuf], stdin: &mut dyn Read, problems: &mut Vec<Problem>) -> Loaded {
    let mut loaded = Loaded::default();
    let files: Vec<PathBuf> = paths.iter().filter(|p| p.as_os_str() != "-").cloned().collect();
    if paths.iter().any(|p| p.as_os_str() == "-")
        && let Some(text) = read_stdin(stdin, problems)
    {
        loaded.documents.push(Document::new("<stdin>", text));
    }
    let inputs = gather(&files, problems);
    let mut cache = BTreeMap::new();
    let entries: Vec<Option<MetaFields>> = inputs
        .iter()
        .map(|i| {
            let m = manifest_for(i, &mut cache, &mut loaded.manifests, problems)?;
            loaded.manifests[m].entry_for(&i.path)
        })
        .collect();
    let read: Vec<(Option<Document>, Vec<Problem>)> = inputs
        .par_iter()
        .zip(entries.into_par_iter())
        .map(|(input, entry)| {
            let mut p = Vec::new();
            let doc = read(input, &mut p)
                .map(|text| Document::build(input.display.clone(), Format::of(&input.path), text, entry, &mut p));
            (doc, p)
        })
        .collect();
    for (doc, p) in read {
        problems.extend(p);
        loaded.documents.extend(doc);
    }
    loaded
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decoding() {
        let mut p = Vec::new();
        assert_eq!(decode("a.txt", b"ok".to_vec(), &mut p).as_deref(), Some("ok"));
        assert_eq!(decode("b.txt", b"12\xffx".to_vec(), &mut p).as_deref(), Some("12\u{fffd}x"));
        assert_eq!(p[0].to_string(), "warning: b.txt: invalid UTF-8 at byte 2; decoded with replacement characters");
        assert_eq!(decode("c.bin", b"\x00\x01".to_vec(), &mut p), None);
        assert_eq!(p[1].to_string(), "error: c.bin: binary file, skipped");
    }
}
