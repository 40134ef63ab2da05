//! Claims → findings: do the figures agree? Claims are grouped by metric
//! and scope, each group compared by its rule's behaviour (`fixed`,
//! `cumulative`, `counter`, `snapshot`), then relations between metrics,
//! headlines against their bodies, and claims against reference series.
//!
//! Everything is group, sort, sweep: O(n log n) in the number of claims,
//! never all pairs. A finding is a conflict between clusters of claims, not
//! one complaint per pair. The engine returns sorted findings and never
//! formats for a terminal; explanations are plain sentences.

pub mod cluster;
mod counter;
mod cumulative;
mod declining;
pub mod finding;
mod fixed;
mod headline;
mod malformed;
mod relations;
mod series;
mod snapshot;
pub mod synthetic;
mod variants;

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use rayon::prelude::*;
use sha2::{Digest, Sha256};

use finding::Explanation;
pub use finding::{Finding, FindingId, FindingKind, Group, SeriesRef};

use crate::dataset::Dataset;
use crate::dates::{Ymd, day_number, from_day_number};
use crate::extract::Claim;
use crate::quantity::{Interval, Qualifier};
use crate::rules::{Behavior, Rule, RuleNames, RulePack, Severity};

/// What every comparison needs about the claims, computed once.
pub(crate) struct Ctx<'a> {
    pub claims: &'a [Claim],
    pub pack: &'a RulePack,
    pub datasets: &'a [Dataset],
    /// As-of day numbers.
    pub days: Vec<Option<i32>>,
    /// The first day of a period a claim is dated by, where it is.
    pub earliest: Vec<Option<i32>>,
    /// Intervals widened by the rule's tolerance.
    pub intervals: Vec<Interval>,
    /// Index of each claim's rule in the pack.
    pub rules: Vec<Option<usize>>,
    /// A number per distinct document path, to count sources without strings.
    pub docs: Vec<u32>,
    /// Whether each claim is precise enough to join clusters (see `bridging`).
    pub precise: Vec<bool>,
    /// A number per distinct event a claim names (`event:` rules), 0 for none.
    pub events: Vec<u32>,
}

impl<'a> Ctx<'a> {
    fn new(claims: &'a [Claim], pack: &'a RulePack, datasets: &'a [Dataset]) -> Ctx<'a> {
        let days = claims.par_iter().map(|c| c.as_of.date.map(day_number)).collect();
        let earliest = claims.par_iter().map(|c| c.as_of.earliest.map(day_number)).collect();
        // Only lookups, never iteration: hash order cannot leak into output.
        let ids: std::collections::HashMap<&str, usize> =
            pack.rules.iter().enumerate().map(|(i, r)| (&*r.id, i)).collect();
        let rules: Vec<Option<usize>> = claims.par_iter().map(|c| ids.get(&**c.rule()).copied()).collect();
        let intervals: Vec<Interval> = claims
            .par_iter()
            .zip(&rules)
            .map(|(c, r)| c.interval().widened(r.map_or(0.0, |r| pack.rules[r].tolerance)))
            .collect();
        let mut paths: std::collections::HashMap<&str, u32> = std::collections::HashMap::new();
        let mut previous: Option<(&Arc<crate::document::DocumentInfo>, u32)> = None;
        let docs = claims
            .iter()
            .map(|c| {
                // A document's claims come together and share its info: look
                // the path up once per document, not once per claim.
                let doc = &c.citation.document;
                if let Some((p, n)) = previous
                    && Arc::ptr_eq(p, doc)
                {
                    return n;
                }
                let n = paths.len() as u32;
                let n = *paths.entry(c.citation.path()).or_insert(n);
                previous = Some((doc, n));
                n
            })
            .collect();
        let precise = claims
            .par_iter()
            .zip(&intervals)
            .map(|(c, iv): (&Claim, &Interval)| {
                iv.lo.is_finite() && iv.hi.is_finite() && c.quantity.qualifier != Qualifier::Vague
            })
            .collect();
        // Named events by name across documents; unnamed ones within their document.
        let mut keys: BTreeMap<(u32, Option<u32>, String), u32> = BTreeMap::new();
        let events = claims
            .iter()
            .zip(&docs)
            .map(|(c, &doc)| {
                let key = match (c.event_name(), c.event_at()) {
                    (Some(name), _) => (0, None, crate::extract::event::event_key(name)),
                    (None, Some(at)) => (doc, Some(at), String::new()),
                    (None, None) => return 0,
                };
                let n = keys.len() as u32 + 1;
                *keys.entry(key).or_insert(n)
            })
            .collect();
        Ctx { claims, pack, datasets, days, earliest, intervals, rules, docs, precise, events }
    }

    /// Whether claim `i` may be compared: a claim of a rule that counts
    /// single events is compared only when it names its event.
    /// Whether the claim is compared with others: its rule is known, its
    /// event found where its rule counts events, and its digits read.
    pub fn comparable(&self, i: usize) -> bool {
        self.claims[i].malformed.is_none() && self.rule_of(i).is_some_and(|r| r.event.is_none() || self.events[i] != 0)
    }

    pub fn interval(&self, i: usize) -> Interval {
        self.intervals[i]
    }

    /// A precise claim: it may join two clusters into one.
    pub fn bridging(&self, i: usize) -> bool {
        self.precise[i]
    }

    pub fn day(&self, i: usize) -> Option<i32> {
        self.days[i]
    }

    /// The first day the claim may hold on: its period's first, else its date.
    pub fn first_day(&self, i: usize) -> Option<i32> {
        self.earliest[i].or(self.days[i])
    }

    /// Distinct documents among `members`.
    pub fn documents(&self, members: &[usize]) -> usize {
        let mut ids: Vec<u32> = members.iter().map(|&i| self.docs[i]).collect();
        ids.sort_unstable();
        ids.dedup();
        ids.len()
    }

    /// The one known authority `members` are attributed to, if there is
    /// exactly one: claims attributed to a name no alias resolves ("the
    /// health ministry") count as none. Stops at a second: a side can hold
    /// thousands of claims.
    pub fn sole_authority(&self, members: &[usize]) -> Option<&'a str> {
        let claims = self.claims;
        let mut sole: Option<&'a str> = None;
        for &i in members {
            let Some(a) = claims[i].attribution.as_ref().filter(|a| a.id.is_some()) else { continue };
            match sole {
                None => sole = Some(&a.name),
                Some(name) if name == &*a.name => {}
                Some(_) => return None,
            }
        }
        sole
    }

    /// A side of a finding.
    pub fn group(&self, members: &[usize]) -> Group {
        let mut claims = members.to_vec();
        claims.sort_by_key(|&i| (self.days[i].unwrap_or(i32::MAX), i));
        let days: Vec<i32> = claims.iter().filter_map(|&i| self.days[i]).collect();
        let lo = claims.iter().map(|&i| self.intervals[i].lo).fold(f64::INFINITY, f64::min);
        let hi = claims.iter().map(|&i| self.intervals[i].hi).fold(f64::NEG_INFINITY, f64::max);
        Group {
            label: self.label(&claims),
            interval: Interval::new(lo, hi),
            first: days.iter().min().map(|&d| from_day_number(d)),
            last: days.iter().max().map(|&d| from_day_number(d)),
            claims,
        }
    }

    /// What a set of claims says, in the words of its most precise claim.
    pub fn label(&self, members: &[usize]) -> String {
        let best = members.iter().copied().min_by(|&a, &b| {
            let w = |i: usize| {
                let iv = self.intervals[i];
                if iv.hi.is_finite() { iv.hi - iv.lo } else { f64::INFINITY }
            };
            w(a).total_cmp(&w(b)).then(a.cmp(&b))
        });
        best.map_or_else(String::new, |i| mid_sentence(&self.claims[i].quantity.text))
    }

    /// The distinct texts of `members`, as a list: `close to 32,000 and 31,988`.
    pub fn texts(&self, members: &[usize]) -> String {
        self.texts_counted(members).0
    }

    /// `texts`, and how many distinct figures it names: "15,523" said
    /// twice "matches" a report, "15,523 and 15,520" "match".
    pub fn texts_counted(&self, members: &[usize]) -> (String, usize) {
        // Distinct as written first: a group may hold hundreds of claims of a few texts.
        let mut written: Vec<&str> = Vec::new();
        for &i in members {
            let t: &str = &self.claims[i].quantity.text;
            if !written.contains(&t) {
                written.push(t);
            }
        }
        let mut seen: Vec<String> = Vec::new();
        for t in written.into_iter().map(mid_sentence) {
            if !seen.contains(&t) {
                seen.push(t);
            }
        }
        let text = match seen.len() {
            0 => String::new(),
            1 => seen[0].to_string(),
            n if n <= 4 => format!("{} and {}", seen[..n - 1].join(", "), seen[n - 1]),
            n => format!("{}, {} and {} others", seen[0], seen[1], n - 2),
        };
        (text, seen.len())
    }

    pub fn rule_of(&self, i: usize) -> Option<&'a Rule> {
        self.rules[i].map(|r| &self.pack.rules[r])
    }
}

/// How serious a disagreement is, from its gap and the rule's severity:
/// under half a percent it is a note, under two percent at most a warning.
pub(crate) fn severity_for(rule: Severity, gap: f64) -> Severity {
    if gap < 0.005 {
        Severity::Info
    } else if gap < 0.02 {
        rule.min(Severity::Warning)
    } else {
        rule
    }
}

/// Distance between two intervals relative to the larger finite figure.
pub(crate) fn gap(a: Interval, b: Interval) -> f64 {
    let d = a.distance(&b);
    let scale = [a.lo, a.hi, b.lo, b.hi].into_iter().filter(|v| v.is_finite()).map(f64::abs).fold(0.0, f64::max);
    if scale > 0.0 { d / scale } else { 0.0 }
}

/// The largest gap between consecutive groups sorted by value.
pub(crate) fn largest_gap(groups: &[Group]) -> f64 {
    let mut ivs: Vec<Interval> = groups.iter().map(|g| g.interval).collect();
    ivs.sort_by(|a, b| a.lo.total_cmp(&b.lo));
    ivs.windows(2).map(|w| gap(w[0], w[1])).fold(0.0, f64::max)
}

/// `31,988`, `1.2`, `2,300,000`.
pub fn format_count(v: f64) -> String {
    if v.fract() != 0.0 || !v.is_finite() || v.abs() >= 1e15 {
        return crate::quantity::format_number(v);
    }
    // Digits from the right, then reversed: one allocation, no formatter.
    let mut n = v.abs() as u64;
    let mut out = Vec::with_capacity(26);
    let mut k = 0;
    loop {
        if k > 0 && k % 3 == 0 {
            out.push(b',');
        }
        out.push(b'0' + (n % 10) as u8);
        n /= 10;
        k += 1;
        if n == 0 {
            break;
        }
    }
    if v < 0.0 {
        out.push(b'-');
    }
    out.reverse();
    String::from_utf8(out).expect("ASCII digits")
}

/// `3 sources, 2023-10-19 to 2023-11-01`, or `1 source, 2024-03-21`.
pub(crate) fn side(ctx: &Ctx<'_>, g: &Group) -> String {
    let n = ctx.documents(&g.claims);
    let sources = if n == 1 { "1 source".to_string() } else { format!("{n} sources") };
    format!("{sources}, {}", dates(g))
}

/// `2023-10-19 to 2023-11-01`, `2024-03-21`, or `undated`.
pub(crate) fn dates(g: &Group) -> String {
    match (g.first.map(Ymd), g.last.map(Ymd)) {
        (Some(a), Some(b)) if a.0 == b.0 => a.to_string(),
        (Some(a), Some(b)) => format!("{a} to {b}"),
        _ => "undated".to_string(),
    }
}

/// A new finding; the id is filled in by `compare`.
#[allow(clippy::too_many_arguments)]
pub(crate) fn finding(
    kind: FindingKind,
    severity: Severity,
    names: &Arc<RuleNames>,
    groups: Vec<Group>,
    mut explanation: String,
    gap: Option<f64>,
    time_ignored: bool,
) -> Finding {
    // Built by `format!` and `push_str`, an explanation can hold twice its
    // length; an archive keeps tens of thousands of them.
    explanation.shrink_to_fit();
    with_explanation(kind, severity, names, groups, Explanation::Text(explanation), gap, time_ignored)
}

/// A new finding whose explanation is written when asked for.
#[allow(clippy::too_many_arguments)]
fn with_explanation(
    kind: FindingKind,
    severity: Severity,
    names: &Arc<RuleNames>,
    groups: Vec<Group>,
    explanation: Explanation,
    gap: Option<f64>,
    time_ignored: bool,
) -> Finding {
    Finding {
        id: FindingId::default(),
        kind,
        severity,
        names: Arc::clone(names),
        groups,
        series: None,
        explanation,
        gap,
        time_ignored,
    }
}

/// The severity of a conflict between `groups`: from the gap and the rule,
/// or a note (with `explanation` saying why) when the sides are authorities
/// the rule allows to differ.
pub(crate) fn conflict_severity(
    ctx: &Ctx<'_>,
    rule: &Rule,
    groups: &[Group],
    gap: f64,
    explanation: &mut String,
) -> Severity {
    match authorities_note(ctx, rule, groups).or_else(|| far_below_note(groups)) {
        Some(note) => {
            explanation.push_str(&format!(" This is a note: {note}."));
            Severity::Info
        }
        None => severity_for(rule.severity, gap),
    }
}

/// How many times smaller than another figure one is, at least, for their
/// conflict to be a note: a dropped digit (a tenth) still fails.
pub(crate) const FAR_BELOW: f64 = 20.0;

/// Of two sides, one under a twentieth of the other ("40" after
/// "approximately 36,000"): more likely a strike's, a day's or a place's
/// count read as this one than a figure that disagrees. With more sides,
/// the others' conflict stands.
pub(crate) fn far_below_note(groups: &[Group]) -> Option<String> {
    let [a, b] = groups else { return None };
    let (low, high) = if a.interval.hi <= b.interval.hi { (a, b) } else { (b, a) };
    (low.interval.hi * FAR_BELOW < high.interval.lo).then(|| {
        format!(
            "{} is under a twentieth of {}, more likely another count (one strike's, one day's, one place's) read as the same",
            low.label, high.label
        )
    })
}

/// When every side of a conflict names a different authority and the rule
/// allows authorities to differ, the conflict is a note naming them.
pub(crate) fn authorities_note(ctx: &Ctx<'_>, rule: &Rule, groups: &[Group]) -> Option<String> {
    if !rule.attribution.authorities_may_differ || groups.len() < 2 {
        return None;
    }
    let sole: Vec<&str> = groups.iter().map(|g| ctx.sole_authority(&g.claims)).collect::<Option<_>>()?;
    let names: BTreeSet<&str> = sole.iter().copied().collect();
    if names.len() != sole.len() {
        return None;
    }
    let names: Vec<&str> = names.into_iter().collect();
    Some(format!("different authorities may legitimately differ here ({})", names.join(" and ")))
}

/// A stale figure disagrees with the claims of its day and falls below the
/// claims before it; the stale finding says why, so those two-sided
/// conflicts are not reported again.
fn drop_explained_by_stale(findings: &mut Vec<Finding>) {
    let stale: BTreeSet<(Arc<str>, usize)> = findings
        .iter()
        .filter(|f| f.kind == FindingKind::Stale)
        .flat_map(|f| f.groups[0].claims.iter().map(move |&i| (f.metric().clone(), i)))
        .collect();
    if stale.is_empty() {
        return;
    }
    findings.retain(|f| {
        let conflict = matches!(f.kind, FindingKind::Discrepancy | FindingKind::Regression) && f.groups.len() == 2;
        !(conflict && f.groups.iter().any(|g| g.claims.iter().all(|&i| stale.contains(&(f.metric().clone(), i)))))
    });
}

/// A figure's text as it reads inside a finding's sentence: a sentence's
/// capital on its first word dropped ("agree on more than 33,000"), an
/// abbreviation's kept ("US$180 million").
fn mid_sentence(text: &str) -> String {
    let mut chars = text.chars();
    match (chars.next(), chars.next()) {
        (Some(first), Some(second)) if first.is_uppercase() && second.is_lowercase() => {
            first.to_lowercase().chain(text[first.len_utf8()..].chars()).collect()
        }
        _ => text.to_string(),
    }
}

/// A stable digest of one cited claim: its path and its text as written
/// (lower case, single spaces), never its line.
fn claim_digest(c: &Claim) -> [u8; 8] {
    let mut h = Sha256::new();
    h.update(c.citation.path().as_bytes());
    h.update([0]);
    let mut buf = [0u8; 64];
    for (k, w) in c.quantity.text.split_whitespace().enumerate() {
        if k > 0 {
            h.update(b" ");
        }
        if w.is_ascii() {
            for chunk in w.as_bytes().chunks(buf.len()) {
                let out = &mut buf[..chunk.len()];
                out.copy_from_slice(chunk);
                out.make_ascii_lowercase();
                h.update(&*out);
            }
        } else {
            h.update(w.to_lowercase().as_bytes());
        }
    }
    let d = h.finalize();
    let mut out = [0u8; 8];
    out.copy_from_slice(&d[..8]);
    out
}

/// Name the event findings are about after the description that opens
/// their explanations: "People killed in a single strike or attack (Rafah): …".
pub(crate) fn name_event(findings: &mut [Finding], description: &str, name: &str) {
    for f in findings {
        if let Explanation::Text(s) = &mut f.explanation
            && s.starts_with(description)
        {
            s.insert_str(description.len(), &format!(" ({name})"));
        }
    }
}

/// A stable id: kind, metric, and the cited claims' paths and texts, in
/// any order, never line numbers.
fn fingerprint(f: &Finding, digests: &[Option<[u8; 8]>]) -> FindingId {
    let mut cited: Vec<[u8; 8]> = f.claims().filter_map(|i| digests[i]).collect();
    cited.sort_unstable();
    cited.dedup();
    let mut h = Sha256::new();
    h.update(f.kind.name().as_bytes());
    h.update([0]);
    h.update(f.metric().as_bytes());
    for c in &cited {
        h.update(c);
    }
    if let Some(s) = &f.series {
        h.update([0]);
        h.update(s.dataset.path.as_bytes());
        h.update(s.date.to_string().as_bytes());
    }
    FindingId::of_digest(&h.finalize())
}

/// The findings of every group in one vector, grown from the largest
/// group's (a large vector grows in place, where a new one would hold a
/// second copy of the findings at the peak of the run), with room for
/// `more` to come: grown later, it would double and move.
fn gather_in_largest(mut per_group: Vec<Vec<Finding>>, more: usize) -> Vec<Finding> {
    let total: usize = per_group.iter().map(Vec::len).sum();
    let largest = (0..per_group.len()).max_by_key(|&i| per_group[i].len());
    let mut all = largest.map(|i| std::mem::take(&mut per_group[i])).unwrap_or_default();
    all.reserve_exact(total + more - all.len());
    for group in per_group {
        all.extend(group);
    }
    all
}

/// Compare claims with each other and with reference datasets.
pub fn compare(claims: &[Claim], pack: &RulePack, datasets: &[Dataset]) -> Vec<Finding> {
    let ctx = Ctx::new(claims, pack, datasets);
    // Group by metric and scope: rules of one metric and scope share a group number.
    let mut group_of_rule = vec![0u32; pack.rules.len()];
    let mut groups: BTreeMap<(&str, &BTreeMap<String, String>), u32> = BTreeMap::new();
    for (i, r) in pack.rules.iter().enumerate() {
        let n = groups.len() as u32;
        group_of_rule[i] = *groups.entry((&*r.metric, &r.scope)).or_insert(n);
    }
    // Claims about single events are grouped by event as well.
    let key = |i: usize| (ctx.rules[i].map_or(u32::MAX, |r| group_of_rule[r]), ctx.events[i]);
    let mut order: Vec<usize> = (0..claims.len()).filter(|&i| ctx.comparable(i)).collect();
    order.sort_by_key(|&i| (key(i), i));
    let chunks: Vec<&[usize]> = order.chunk_by(|&a, &b| key(a) == key(b)).collect();
    let mut by_metric: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for chunk in &chunks {
        by_metric.entry(&**claims[chunk[0]].metric()).or_default().extend_from_slice(chunk);
    }
    // Groups are compared independently; collected in order, so the
    // findings do not depend on the number of threads.
    // The relations between metrics and the headlines are read while the
    // groups are compared: a large group would otherwise leave threads idle.
    let (per_group, others) = rayon::join(
        || {
            chunks
                .par_iter()
                .map(|&chunk| {
                    let Some(rule) = ctx.rule_of(chunk[0]) else { return Vec::new() };
                    let mut found = match rule.behavior {
                        Behavior::Fixed => fixed::compare(&ctx, chunk, rule),
                        Behavior::Cumulative => cumulative::compare(&ctx, chunk, rule),
                        Behavior::Counter => counter::compare(&ctx, chunk, rule),
                        Behavior::Snapshot => snapshot::compare(&ctx, chunk, rule),
                        Behavior::Declining => declining::compare(&ctx, chunk, rule),
                    };
                    series::compare(&ctx, chunk, rule, &mut found);
                    if let Some(name) = claims[chunk[0]].event_name() {
                        name_event(&mut found, &rule.description, name);
                    }
                    found
                })
                .collect::<Vec<Vec<Finding>>>()
        },
        || {
            let (mut part_of, (including, headlines)) = rayon::join(
                || relations::part_of(&ctx, &by_metric),
                || rayon::join(|| relations::including(&ctx), || headline::compare(&ctx)),
            );
            part_of.extend(including);
            part_of.extend(headlines);
            part_of.extend(malformed::findings(&ctx));
            part_of
        },
    );
    let mut findings = gather_in_largest(per_group, others.len());
    drop_explained_by_stale(&mut findings);
    findings.extend(others);
    let mut cited = vec![false; claims.len()];
    for i in findings.iter().flat_map(Finding::claims) {
        cited[i] = true;
    }
    let digests: Vec<Option<[u8; 8]>> =
        claims.par_iter().zip(&cited).map(|(c, &cited)| cited.then(|| claim_digest(c))).collect();
    findings.par_iter_mut().for_each(|f| f.id = fingerprint(f, &digests));
    // In place (no buffer as large as half the findings), and a total
    // order, so the order the groups came in cannot show: first by id, to
    // drop a finding made twice.
    findings.par_sort_unstable_by(|a, b| a.id.cmp(&b.id).then_with(|| a.explanation().cmp(&b.explanation())));
    findings.dedup_by(|a, b| a.id == b.id);
    // Then as shown: within a severity, metric and kind, in the order of
    // the documents (the claim to look at first), so an editor working
    // through an archive meets an article's findings together, and the
    // reports read the claims front to back.
    findings.par_sort_unstable_by(|a, b| {
        b.severity
            .cmp(&a.severity)
            .then(a.kind.is_agreement().cmp(&b.kind.is_agreement()))
            .then_with(|| a.metric().cmp(b.metric()))
            .then(a.kind.cmp(&b.kind))
            .then_with(|| a.primary_claim().cmp(&b.primary_claim()))
            .then_with(|| a.id.cmp(&b.id))
    });
    findings
}

#[cfg(test)]
mod tests;
