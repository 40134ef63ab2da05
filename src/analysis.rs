//! The main job over a corpus: documents and datasets in, claims and
//! findings out. Documents are read and extracted in parallel, one at a
//! time per thread, and dropped as soon as their claims are out: only
//! claims and what is known about each document are kept. The result is
//! in a deterministic order whatever the number of threads.

use std::collections::BTreeMap;
use std::path::PathBuf;

use rayon::prelude::*;

use crate::compare::{Finding, compare};
use crate::dataset::{self, Dataset};
use crate::document::load::{self, Input, Limits, Manifests};
use crate::document::{Document, DocumentInfo, MetaFields};
use crate::error::Problem;
use crate::extract::{self, Claim};
use crate::rules::RulePack;

/// Everything a run found.
#[derive(Debug)]
pub struct Analysis {
    /// In path order.
    pub documents: Vec<DocumentInfo>,
    pub datasets: Vec<Dataset>,
    /// All claims, in document order then text order.
    pub claims: Vec<Claim>,
    /// Sorted: severity, problems before agreements, metric, kind, id.
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
}

impl Progress for () {}

/// How a run reads its inputs.
pub struct Options<'a> {
    pub limits: Limits,
    /// Sources manifests named on the command line (`--sources`).
    pub sources: &'a [PathBuf],
    pub progress: &'a dyn Progress,
}

impl Default for Options<'_> {
    fn default() -> Self {
        Options { limits: Limits::default(), sources: &[], progress: &() }
    }
}

/// What is kept of one document: what it is, its claims, and how many of
/// its figures `figcheck-ignore` comments dropped.
#[derive(Debug)]
pub struct Extracted {
    pub info: DocumentInfo,
    pub claims: Vec<Claim>,
    pub suppressed: usize,
}

/// The claims of a document, less those its `figcheck-ignore` comments drop.
pub fn extract_document(doc: &Document, pack: &RulePack) -> Extracted {
    let mut claims = extract::extract(doc, pack);
    let before = claims.len();
    if !doc.suppressions.is_empty() {
        claims.retain(|c| !doc.suppressions.iter().any(|s| s.covers(c.citation.line, &c.metric, &c.rule)));
    }
    Extracted { info: doc.info(), suppressed: before - claims.len(), claims }
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
    let inputs = load::gather(&files, problems)
        .into_iter()
        .map(|i| {
            let entry = manifests.entry_for(&i, problems);
            (i, entry)
        })
        .collect();
    Plan { inputs, manifests }
}

/// Read and extract every input in parallel; results in input order.
pub fn extract_all(
    inputs: &[(Input, Option<MetaFields>)],
    pack: &RulePack,
    options: &Options<'_>,
) -> Vec<(Option<Extracted>, Vec<Problem>)> {
    options.progress.start(inputs.len());
    inputs
        .par_iter()
        .map(|(input, entry)| {
            let mut problems = Vec::new();
            let done = load::load_one(input, entry.clone(), &options.limits, &mut problems)
                .map(|doc| extract_document(&doc, pack));
            options.progress.advance();
            (done, problems)
        })
        .collect()
}

/// Read `paths` (`-` is `stdin`, already read), the datasets of their
/// manifests and of `options.sources`, extract claims with `pack` and
/// compare them.
pub fn analyze(paths: &[PathBuf], stdin: Option<String>, pack: &RulePack, options: &Options<'_>) -> Analysis {
    let mut problems = Vec::new();
    let plan = plan(paths, options.sources, &mut problems);
    let mut parts: Vec<Extracted> = Vec::new();
    if paths.iter().any(|p| p.as_os_str() == "-")
        && let Some(text) = stdin
    {
        let doc = Document::build("<stdin>".into(), crate::document::Format::Text, text, None, &mut problems);
        parts.push(extract_document(&doc, pack));
    }
    for (done, p) in extract_all(&plan.inputs, pack, options) {
        problems.extend(p);
        parts.extend(done);
    }
    let datasets = dataset::load_all(&plan.manifests.ordered(), &mut problems);
    combine(parts, datasets, problems, pack)
}

/// Compare the claims of extracted documents: the reduce step, shared by
/// `check` and by `compare` over claims files.
pub fn combine(parts: Vec<Extracted>, datasets: Vec<Dataset>, mut problems: Vec<Problem>, pack: &RulePack) -> Analysis {
    let mut documents = Vec::with_capacity(parts.len());
    let mut claims = Vec::new();
    let mut suppressed = 0;
    for p in parts {
        documents.push(p.info);
        claims.extend(p.claims);
        suppressed += p.suppressed;
    }
    let findings = compare(&claims, pack, &datasets);
    problems.sort();
    problems.dedup();
    let descriptions = pack.rules.iter().map(|r| (r.metric.clone(), r.description.clone())).collect();
    Analysis { documents, datasets, claims, findings, problems, descriptions, suppressed }
}
