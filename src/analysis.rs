//! The main job over a corpus: documents and datasets in, claims and
//! findings out. Documents are extracted in parallel; the result is in a
//! deterministic order.

use std::collections::BTreeMap;
use std::io::Read;
use std::path::PathBuf;

use rayon::prelude::*;

use crate::compare::{Finding, compare};
use crate::dataset::{self, Dataset};
use crate::document::Document;
use crate::document::load;
use crate::error::Problem;
use crate::extract::{self, Claim};
use crate::rules::RulePack;

/// Everything a run found.
#[derive(Debug)]
pub struct Analysis {
    pub documents: Vec<Document>,
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

/// Read `paths` (`-` is `stdin`), the datasets of their manifests and of
/// `extra_manifests`, extract claims with `pack` and compare them.
pub fn analyze(paths: &[PathBuf], stdin: &mut dyn Read, pack: &RulePack, extra_manifests: &[PathBuf]) -> Analysis {
    let mut problems = Vec::new();
    let mut loaded = load::load(paths, stdin, &mut problems);
    for m in extra_manifests {
        match crate::document::meta::Manifest::load(m) {
            Ok(m) if !loaded.manifests.iter().any(|x| x.file == m.file) => loaded.manifests.push(m),
            Ok(_) => {}
            Err(p) => problems.push(p),
        }
    }
    let datasets = dataset::load_all(&loaded.manifests, &mut problems);
    let extracted: Vec<Claim> = loaded.documents.par_iter().flat_map_iter(|d| extract::extract(d, pack)).collect();
    // figcheck-ignore comments drop the claims on the line after them.
    let before = extracted.len();
    let suppressing: BTreeMap<&str, &[crate::document::Suppression]> = loaded
        .documents
        .iter()
        .filter(|d| !d.suppressions.is_empty())
        .map(|d| (d.path.as_str(), d.suppressions.as_slice()))
        .collect();
    let claims: Vec<Claim> = extracted
        .into_iter()
        .filter(|c| {
            !suppressing
                .get(c.citation.path.as_str())
                .is_some_and(|s| s.iter().any(|s| s.covers(c.citation.line, &c.metric, &c.rule)))
        })
        .collect();
    let suppressed = before - claims.len();
    let findings = compare(&claims, pack, &datasets);
    problems.sort();
    problems.dedup();
    let descriptions = pack.rules.iter().map(|r| (r.metric.clone(), r.description.clone())).collect();
    Analysis { documents: loaded.documents, datasets, claims, findings, problems, descriptions, suppressed }
}
