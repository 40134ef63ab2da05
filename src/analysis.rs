//! The main job over a corpus: documents and datasets in, claims and
//! findings out. Documents are read and extracted in parallel, one at a
//! time per thread, and dropped as soon as their claims are out: only
//! claims and what is known about each document are kept. The result is
//! in a deterministic order whatever the number of threads.

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use rayon::prelude::*;

use crate::compare::{Finding, compare};
use crate::dataset::{self, Dataset};
use crate::document::load::{self, Input, Limits, Manifests};
use crate::document::{Document, DocumentInfo, MetaFields};
use crate::error::Problem;
use crate::extract::{self, Attribution, Claim};
use crate::rules::RulePack;

/// Everything a run found.
#[derive(Debug)]
pub struct Analysis {
    /// In path order.
    pub documents: Vec<Arc<DocumentInfo>>,
    pub datasets: Vec<Dataset>,
    /// All claims, in document order then text order.
    pub claims: Vec<Claim>,
    /// Sorted: severity, problems before agreements, metric, kind, then in
    /// document order (`Finding::primary_claim`).
    pub findings: Vec<Finding>,
    pub problems: Vec<Problem>,
    /// What each metric measures, from its rule.
    pub descriptions: BTreeMap<String, String>,
    /// Claims dropped by `figcheck-ignore` comments.
    pub suppressed: usize,
}

/// Told how far a run has got, for a progress bar.
pub trait Progress: Sync {
    /// The number of documents to read is known.
    fn start(&self, _total: usize) {}
    /// One more document is done.
    fn advance(&self) {}
    /// The documents are read; the run goes on with `what`.
    fn phase(&self, _what: &str) {}
    /// The claims are gathered and compared next.
    fn comparing(&self, claims: usize) {
        self.phase(&format!("comparing {} claims", crate::compare::format_count(claims as f64)));
    }
}

impl Progress for () {}

/// How a run reads its inputs.
pub struct Options<'a> {
    pub limits: Limits,
    /// Sources manifests named on the command line (`--sources`).
    pub sources: &'a [PathBuf],
    pub progress: &'a dyn Progress,
    /// The publication date of documents that give none (`--published`).
    pub published: Option<crate::dates::Date>,
}

impl Default for Options<'_> {
    fn default() -> Self {
        Options { limits: Limits::default(), sources: &[], progress: &(), published: None }
    }
}

/// What is kept of one document: what it is, its claims, and how many of
/// its figures `figcheck-ignore` comments dropped.
#[derive(Debug)]
pub struct Extracted {
    /// Shared with the claims' citations.
    pub info: Arc<DocumentInfo>,
    pub claims: Vec<Claim>,
    pub suppressed: usize,
}

/// The claims of a document, less those its `figcheck-ignore` comments drop.
pub fn extract_document(doc: &Document, pack: &RulePack) -> Extracted {
    let mut claims = extract::extract(doc, pack);
    let before = claims.len();
    if !doc.suppressions.is_empty() {
        claims.retain(|c| !doc.suppressions.iter().any(|s| s.covers(c.citation.line as usize, c.metric(), c.rule())));
    }
    let info = claims.first().map_or_else(|| Arc::new(doc.info()), |c| Arc::clone(&c.citation.document));
    Extracted { info, suppressed: before - claims.len(), claims }
}

/// Files to read, each with the metadata its manifests give it.
pub struct Plan {
    pub inputs: Vec<(Input, Option<MetaFields>)>,
    pub manifests: Manifests,
}

/// Walk `paths` (not `-`) and find each file's manifest entry.
pub fn plan(paths: &[PathBuf], sources: &[PathBuf], problems: &mut Vec<Problem>) -> Plan {
    let mut manifests = Manifests::with_extra(sources, problems);
    let files: Vec<PathBuf> = paths.iter().filter(|p| p.as_os_str() != "-").cloned().collect();
    let inputs = load::gather(&files, problems);
    let entries = manifests.entries_for(&inputs, problems);
    let inputs = inputs.into_iter().zip(entries).collect();
    Plan { inputs, manifests }
}

/// One input read and extracted.
pub struct Extraction {
    /// Which file it was (`load::Loaded::file`).
    pub file: Option<load::FileId>,
    pub done: Option<Extracted>,
    pub problems: Vec<Problem>,
}

/// The files taken so far, to take each once: the first path that reaches
/// a file is kept, with its problems; the others are dropped.
#[derive(Default)]
pub struct Taken(BTreeSet<load::FileId>);

impl Taken {
    /// Whether `file` is taken for the first time.
    pub fn first(&mut self, file: Option<load::FileId>) -> bool {
        file.is_none_or(|f| self.0.insert(f))
    }
}

/// Read and extract every input in parallel; results in input order.
pub fn extract_all(inputs: &[(Input, Option<MetaFields>)], pack: &RulePack, options: &Options<'_>) -> Vec<Extraction> {
    let runs: Vec<&[(Input, Option<MetaFields>)]> = inputs.chunks(READ_AHEAD).collect();
    // Each thread holds about two runs of files open: on many threads,
    // under a low limit on open files, they are opened again to be read.
    let keep = rayon::current_num_threads() * 2 * READ_AHEAD <= KEPT_OPEN;
    let ahead: Vec<Mutex<Ahead>> = runs.iter().map(|_| Mutex::new(Ahead::Not)).collect();
    let done: Vec<Vec<_>> = runs
        .par_iter()
        .enumerate()
        .map(|(k, run)| {
            // This run's files, opened ahead by the run before if the same
            // thread did that one, else now; then the next run's.
            let mut opened = match std::mem::replace(&mut *lock(&ahead[k]), Ahead::Taken) {
                Ahead::Opened(files) => files,
                _ => load::read_ahead(run, keep),
            };
            if let Some(next) = runs.get(k + 1)
                && matches!(*lock(&ahead[k + 1]), Ahead::Not)
            {
                let files = load::read_ahead(next, keep);
                let mut slot = lock(&ahead[k + 1]);
                // Another thread may have started that run meanwhile: then
                // it opened the files itself, and these only close.
                if matches!(*slot, Ahead::Not) {
                    *slot = Ahead::Opened(files);
                }
            }
            run.iter()
                .enumerate()
                .map(|(i, (input, entry))| {
                    let mut problems = Vec::new();
                    let file = opened.get_mut(i).and_then(Option::take);
                    let loaded = load::load_one(input, file, entry.clone(), &options.limits, &mut problems);
                    let done = loaded.document.map(|mut doc| {
                        doc.meta.assume_published(options.published);
                        extract_document(&doc, pack)
                    });
                    options.progress.advance();
                    Extraction { file: loaded.file, done, problems }
                })
                .collect()
        })
        .collect();
    done.into_iter().flatten().collect()
}

/// A run's files, as far as reading ahead went.
enum Ahead {
    /// Nobody opened them yet.
    Not,
    /// Opened (and advised) by the thread that read the run before.
    Opened(Vec<Option<std::fs::File>>),
    /// The run has started.
    Taken,
}

fn lock(slot: &Mutex<Ahead>) -> std::sync::MutexGuard<'_, Ahead> {
    // Nothing can panic while the lock is held.
    slot.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// The most files read ahead that are kept open for reading (a quarter of
/// the usual limit of 1,024 a process).
const KEPT_OPEN: usize = 256;

/// Files read and extracted in turn by one thread, the next run's files
/// read ahead meanwhile.
const READ_AHEAD: usize = 16;

/// Documents read and extracted in parallel at a time: their results are
/// gathered before the next chunk starts, so memory holds the claims and a
/// chunk's worth of per-document buffers, not one buffer per document.
const CHUNK: usize = 1024;

/// Read `paths` (`-` is `stdin`, already read), the datasets of their
/// manifests and of `options.sources`, extract claims with `pack` and
/// compare them.
pub fn analyze(paths: &[PathBuf], stdin: Option<String>, pack: &RulePack, options: &Options<'_>) -> Analysis {
    let mut problems = Vec::new();
    let plan = plan(paths, options.sources, &mut problems);
    let stdin = stdin.filter(|_| paths.iter().any(|p| p.as_os_str() == "-"));
    analyze_planned(plan, problems, stdin, pack, options)
}

/// `analyze` of files already walked: those of `plan`, and `stdin` (read,
/// when `-` was named). `problems` are those met so far.
pub fn analyze_planned(
    plan: Plan,
    mut problems: Vec<Problem>,
    stdin: Option<String>,
    pack: &RulePack,
    options: &Options<'_>,
) -> Analysis {
    let mut gathered = Gathered::default();
    let matching = pack.for_extraction();
    if let Some(text) = stdin {
        let mut doc = Document::build("<stdin>".into(), crate::document::Format::Text, text, None, &mut problems);
        doc.meta.assume_published(options.published);
        gathered.add(extract_document(&doc, &matching));
    }
    options.progress.start(plan.inputs.len());
    let mut taken = Taken::default();
    for chunk in plan.inputs.chunks(CHUNK) {
        for read in extract_all(chunk, &matching, options) {
            if !taken.first(read.file) {
                continue;
            }
            problems.extend(read.problems);
            if let Some(e) = read.done {
                gathered.add(e);
            }
        }
    }
    drop((matching, taken));
    let Plan { inputs, manifests } = plan;
    drop(inputs);
    options.progress.comparing(gathered.claims.len());
    let datasets = dataset::load_all(&manifests.ordered(), &mut problems);
    gathered.compare(datasets, problems, pack)
}

/// Point `claims` to the copy in `sources` of the source each credits,
/// adding those not there yet.
fn share_sources(sources: &mut BTreeSet<Arc<Attribution>>, claims: &mut [Claim]) {
    // A document's claims already share its copies: each is looked up once.
    let mut last: Option<(Arc<Attribution>, Arc<Attribution>)> = None;
    for c in claims {
        let Some(a) = &mut c.attribution else { continue };
        if let Some((own, shared)) = &last
            && Arc::ptr_eq(a, own)
        {
            *a = Arc::clone(shared);
            continue;
        }
        let shared = match sources.get(&**a) {
            Some(shared) => Arc::clone(shared),
            None => {
                sources.insert(Arc::clone(a));
                Arc::clone(a)
            }
        };
        last = Some((std::mem::replace(a, Arc::clone(&shared)), shared));
    }
}

/// Extracted documents gathered for the compare stage.
#[derive(Debug, Default)]
pub struct Gathered {
    documents: Vec<Arc<DocumentInfo>>,
    claims: Vec<Claim>,
    suppressed: usize,
    /// One copy of each source as credited, for the claims of every
    /// document: an archive credits the same few authorities the same few
    /// ways, and each document made its own copies.
    sources: BTreeSet<Arc<Attribution>>,
}

impl Gathered {
    /// Documents and their claims, in document order.
    pub fn new(documents: Vec<Arc<DocumentInfo>>, mut claims: Vec<Claim>, suppressed: usize) -> Self {
        let mut sources = BTreeSet::new();
        share_sources(&mut sources, &mut claims);
        Gathered { documents, claims, suppressed, sources }
    }

    pub fn claims(&self) -> &[Claim] {
        &self.claims
    }

    pub fn add(&mut self, e: Extracted) {
        self.documents.push(e.info);
        let from = self.claims.len();
        self.claims.extend(e.claims);
        share_sources(&mut self.sources, &mut self.claims[from..]);
        self.suppressed += e.suppressed;
    }

    /// Compare what was gathered: the reduce step, shared by `check` and by
    /// `compare` over claims files.
    pub fn compare(mut self, datasets: Vec<Dataset>, mut problems: Vec<Problem>, pack: &RulePack) -> Analysis {
        self.claims.shrink_to_fit();
        let findings = compare(&self.claims, pack, &datasets);
        problems.sort();
        problems.dedup();
        let descriptions = pack.rules.iter().map(|r| (r.metric.to_string(), r.description.clone())).collect();
        Analysis {
            documents: self.documents,
            datasets,
            claims: self.claims,
            findings,
            problems,
            descriptions,
            suppressed: self.suppressed,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::synthetic::{attributed, claim};
    use crate::quantity::Interval;

    #[test]
    fn documents_that_credit_one_source_alike_share_one_copy_of_it() {
        let of = |path: &str, source: (&str, &str)| {
            let c = attributed(claim("r", "m", "5", Interval::point(5.0), None, path), source.0, source.1);
            Extracted { info: Arc::clone(&c.citation.document), claims: vec![c], suppressed: 0 }
        };
        let mut gathered = Gathered::default();
        gathered.add(of("a.md", ("gaza-moh", "Gaza Ministry of Health")));
        gathered.add(of("b.md", ("gaza-moh", "Gaza Ministry of Health")));
        gathered.add(of("c.md", ("israel", "Israel")));
        let sources: Vec<&Arc<Attribution>> =
            gathered.claims().iter().map(|c| c.attribution.as_ref().unwrap()).collect();
        assert!(Arc::ptr_eq(sources[0], sources[1]));
        assert!(!Arc::ptr_eq(sources[0], sources[2]));
        assert_eq!(sources[2].name, "Israel");
        // Claims read back from claims files share theirs the same way.
        let claims: Vec<Claim> = ["x.md", "y.md"]
            .iter()
            .map(|p| attributed(claim("r", "m", "5", Interval::point(5.0), None, p), "israel", "Israel"))
            .collect();
        let g = Gathered::new(Vec::new(), claims, 0);
        assert!(Arc::ptr_eq(g.claims()[0].attribution.as_ref().unwrap(), g.claims()[1].attribution.as_ref().unwrap()));
    }
}
