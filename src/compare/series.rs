//! Claims against reference series: a claim agrees when a value reported
//! in its lag window (default: the three days before its as-of date) falls
//! in its interval. Below every current value but equal to an older report
//! it is stale; otherwise it is a mismatch citing the nearest value.

use std::collections::BTreeMap;
use std::sync::Arc;

use rayon::prelude::*;

use super::finding::{Against, Aside};
use super::{
    Ctx, Explanation, FAR_BELOW, Finding, FindingKind, SeriesRef, finding, format_count, gap, severity_for, side,
    with_explanation,
};
use crate::dataset::{Dataset, Point, Series};
use crate::dates::{Date, day_number};
use crate::quantity::Interval;
use crate::rules::{Behavior, Rule, Severity};

/// How far back a stale figure is looked for among older reports.
const STALE_LOOKBACK: usize = 400;

/// The name a dataset is cited by: its authority, publisher or title.
fn source_name(ctx: &Ctx<'_>, ds: &Dataset) -> String {
    ds.attribution
        .as_deref()
        .and_then(|a| ctx.pack.authorities.get(a))
        .map(|a| a.name.clone())
        .or_else(|| ds.cited.publisher.as_deref().map(str::to_string))
        .unwrap_or_else(|| ds.cited.title.to_string())
}

fn series_ref(ds: &Dataset, p: &Point, current: Option<&Point>) -> SeriesRef {
    SeriesRef {
        dataset: Arc::clone(&ds.cited),
        date: p.date,
        value: p.value,
        reported: p.reported,
        current: current.filter(|c| c.date != p.date).map(|c| (c.date, c.value)),
    }
}

/// Check a group's claims against every dataset with the metric; findings
/// go straight into `out` (one per claim on a large corpus: no copies).
pub(super) fn compare(ctx: &Ctx<'_>, group: &[usize], rule: &Rule, out: &mut Vec<Finding>) {
    for ds in ctx.datasets {
        if let Some(series) = ds.series.get(&*rule.metric) {
            against(ctx, group, rule, ds, series, out);
        }
    }
}

fn against(ctx: &Ctx<'_>, group: &[usize], rule: &Rule, ds: &Dataset, series: &Series, out: &mut Vec<Finding>) {
    let name = source_name(ctx, ds);
    let mut matched: BTreeMap<(i32, bool), (Point, Vec<usize>)> = BTreeMap::new();
    let mut stale: BTreeMap<i32, (Point, Point, Vec<usize>)> = BTreeMap::new();
    let mut mismatches = Vec::new();
    let mut undated = Vec::new();
    for &i in group {
        let Some(day) = ctx.day(i) else {
            undated.push(i);
            continue;
        };
        let iv: Interval = ctx.interval(i);
        // A figure dated by a period ("last week") may be any report of it.
        let first = ctx.first_day(i).unwrap_or(day);
        let window = series.window(first - rule.lag_days, day);
        if window.is_empty() {
            // The series does not cover this date: nothing to compare.
            continue;
        }
        let hits: Vec<&Point> = window.iter().filter(|p| iv.contains(p.value)).collect();
        let reported = hits.iter().rev().find(|p| p.reported != Some(false));
        if let Some(p) = reported.or(hits.last()) {
            let filled_only = p.reported == Some(false);
            let key = (crate::dates::day_number(p.date), filled_only);
            matched.entry(key).or_insert_with(|| (**p, Vec::new())).1.push(i);
            continue;
        }
        let current = *window.last().expect("non-empty window");
        let lowest = window.iter().map(|p| p.value).fold(f64::INFINITY, f64::min);
        if iv.hi < lowest {
            let older = series.before(first - rule.lag_days);
            let found = older.iter().rev().take(STALE_LOOKBACK).find(|p| iv.contains(p.value));
            if let Some(o) = found {
                stale.entry(crate::dates::day_number(o.date)).or_insert_with(|| (*o, current, Vec::new())).2.push(i);
                continue;
            }
        }
        let mut nearest = *nearest_to(window, iv).expect("non-empty window");
        let mut between = None;
        let close = severity_for(Severity::Error, gap(iv, Interval::point(nearest.value))) == Severity::Info;
        if rule.behavior == Behavior::Cumulative
            && !close
            && let Some((a, b)) = reports_around(series, first - rule.lag_days, day, iv)
        {
            nearest = *nearest_to(&[a, b], iv).expect("two reports");
            let other = if nearest.date == a.date { b } else { a };
            between = Some((other.date, other.value));
        }
        mismatches.push((i, nearest, between, close));
    }

    for ((_, filled_only), (p, claims)) in &matched {
        let g = ctx.group(claims);
        let (texts, figures) = ctx.texts_counted(&g.claims);
        let verb = if figures == 1 { "matches" } else { "match" };
        let mut explanation = format!(
            "{}: {} {verb} the {name} report of {} ({}).",
            rule.description,
            texts,
            p.date,
            format_count(p.value)
        );
        if *filled_only {
            explanation = format!(
                "{}: {} {verb} only a value filled in between reports by the dataset ({} on {}), not a published {name} report.",
                rule.description,
                texts,
                format_count(p.value),
                p.date
            );
        }
        let mut f = finding(FindingKind::DatasetMatch, Severity::Info, &rule.names, vec![g], explanation, None, false);
        f.series = Some(series_ref(ds, p, None));
        out.push(f);
    }
    for (o, current, claims) in stale.values() {
        let stale_group = ctx.group(claims);
        let days_old = claims.iter().filter_map(|&i| ctx.day(i)).max().unwrap_or(0) - crate::dates::day_number(o.date);
        let g = gap(stale_group.interval, Interval::point(current.value));
        // Claims of the same day that agree with the series back it up.
        let stale_days: Vec<i32> = claims.iter().filter_map(|&i| ctx.day(i)).collect();
        let agreeing: Vec<usize> = matched
            .values()
            .flat_map(|(_, c)| c.iter().copied())
            .filter(|&i| ctx.day(i).is_some_and(|d| stale_days.contains(&d)))
            .collect();
        let mut explanation = format!(
            "{}: {} ({}) is the {name} figure of {} ({} days before); the report of {} gives {}.",
            rule.description,
            stale_group.label,
            side(ctx, &stale_group),
            o.date,
            days_old,
            current.date,
            format_count(current.value)
        );
        let mut groups = vec![stale_group];
        if !agreeing.is_empty() {
            let a = ctx.group(&agreeing);
            explanation
                .push_str(&format!(" Other sources of the same day agree with the current report: {}.", a.label));
            groups.push(a);
        }
        let mut f = finding(
            FindingKind::Stale,
            severity_for(rule.severity, g),
            &rule.names,
            groups,
            explanation,
            Some(g),
            false,
        );
        f.series = Some(series_ref(ds, o, Some(current)));
        out.push(f);
    }
    // How each mismatch still follows the reports: within the rule's
    // rounding of its day's report (misquoted, or another edition of the
    // day), or between two of a running total's reports.
    let follows: BTreeMap<usize, Fit> = mismatches
        .iter()
        .filter_map(|&(i, p, between, close)| {
            if let Some((date, _)) = between {
                let (a, b) = if p.date < date { (p.date, date) } else { (date, p.date) };
                return Some((i, Fit::Between(a, b)));
            }
            close.then_some((i, Fit::Near(p)))
        })
        .collect();
    // One finding per claim: on an archive the bulk of a large group's work.
    let against = Arc::new(Against {
        description: rule.description.as_str().into(),
        source: name.as_str().into(),
        lag_days: rule.lag_days,
    });
    out.par_extend(mismatches.into_par_iter().map(|(i, nearest, between, _)| {
        let g = ctx.group(&[i]);
        let gp = gap(ctx.interval(i), Interval::point(nearest.value));
        let mut severity = severity_for(rule.severity, gp);
        let attribution = ctx.claims[i].attribution.as_ref();
        let mut aside = Aside::None;
        if rule.attribution.authorities_may_differ
            && let (Some(a), Some(own)) = (attribution, ds.attribution.as_ref())
            && a.id.as_ref().is_some_and(|id| id != own)
        {
            aside = Aside::OtherAuthority(a.name.as_str().into());
        } else if ctx.interval(i).hi * FAR_BELOW < nearest.value {
            // "50 wounded" against a running total of 85,452: a strike's or a
            // day's count read as the total, not a total that disagrees.
            aside = Aside::FarBelow;
        } else if let Some((date, value)) = between {
            aside = Aside::Between(date, value);
        }
        if aside != Aside::None {
            severity = Severity::Info;
        }
        let explanation = Explanation::NoReport { against: Arc::clone(&against), aside };
        let mut f = with_explanation(
            FindingKind::DatasetMismatch,
            severity,
            &rule.names,
            vec![g],
            explanation,
            Some(gp),
            false,
        );
        f.series = Some(series_ref(ds, &nearest, None));
        f
    }));
    explained_by_reports(&matched, follows, &name, out);
    against_undated(ctx, rule, ds, &name, series, &undated, out);
}

/// Two consecutive reports of a running total, the earlier dated from
/// `from` to `day` and the later at most the day after `day`, with the
/// interval above the earlier and reaching the later: "more than 490" of
/// a day whose report says 370 and the next day's 560. The ministry
/// updated its count during the day; the series keeps one a day.
fn reports_around(series: &Series, from: i32, day: i32, iv: Interval) -> Option<(Point, Point)> {
    let mut earlier: Option<&Point> = None;
    for p in series.window(from, day + 1).iter().filter(|p| p.reported != Some(false)) {
        if let Some(a) = earlier
            && day_number(a.date) <= day
            && a.value < iv.lo
            && iv.lo <= p.value
        {
            return Some((*a, *p));
        }
        earlier = Some(p);
    }
    None
}

/// How a claim follows a series' reports.
#[derive(Clone, Copy)]
enum Fit {
    Exact(Point),
    /// Within the rule's rounding of the report.
    Near(Point),
    /// Between two consecutive reports of a running total (their dates).
    Between(Date, Date),
}

impl Fit {
    fn first(&self) -> Date {
        match self {
            Fit::Exact(p) | Fit::Near(p) => p.date,
            Fit::Between(a, _) => *a,
        }
    }

    fn describe(&self) -> String {
        match self {
            Fit::Exact(p) => format!("of {}", p.date),
            Fit::Near(p) => format!("near that of {} ({})", p.date, format_count(p.value)),
            Fit::Between(a, b) => format!("between those of {a} and {b}"),
        }
    }
}

/// Claims that disagree only as the reports they give do: "3,478" (the
/// ministry's report of the 18th) and "3,785" (of the 19th), both dated the
/// 19th. A source a report behind is not wrong: each side matching a
/// published report of its window, or following the reports as `follows`
/// says, and not all the same report, the conflict is a note naming each
/// side's report.
fn explained_by_reports(
    matched: &BTreeMap<(i32, bool), (Point, Vec<usize>)>,
    mut follows: BTreeMap<usize, Fit>,
    source: &str,
    out: &mut [Finding],
) {
    for ((_, filled_only), (p, claims)) in matched {
        if !filled_only {
            follows.extend(claims.iter().map(|&i| (i, Fit::Exact(*p))));
        }
    }
    if follows.is_empty() {
        return;
    }
    for f in out.iter_mut() {
        if !matches!(f.kind, FindingKind::Discrepancy | FindingKind::Regression) || f.severity == Severity::Info {
            continue;
        }
        // Per side, how its claims follow the reports, in date order.
        let sides: Option<Vec<Vec<Fit>>> = f
            .groups
            .iter()
            .map(|g| {
                let mut fits: Vec<Fit> = g.claims.iter().map(|i| follows.get(i).copied()).collect::<Option<_>>()?;
                fits.sort_by_key(|fit| (fit.first(), !matches!(fit, Fit::Exact(_))));
                fits.dedup_by_key(|fit| fit.first());
                Some(fits)
            })
            .collect();
        let Some(sides) = sides else { continue };
        let one_report = |fit: &Fit| match fit {
            Fit::Exact(p) | Fit::Near(p) => Some(p.date),
            Fit::Between(..) => None,
        };
        let first = one_report(&sides[0][0]);
        if first.is_some() && sides.iter().flatten().all(|fit| one_report(fit) == first) {
            continue;
        }
        let each: Vec<String> = f
            .groups
            .iter()
            .zip(&sides)
            .map(|(g, fits)| {
                // "of 2023-10-23 and 2023-10-24" for the reports it gives exactly.
                let exact: Vec<String> = fits
                    .iter()
                    .filter_map(|fit| if let Fit::Exact(p) = fit { Some(p.date.to_string()) } else { None })
                    .collect();
                let mut how: Vec<String> =
                    fits.iter().filter(|fit| !matches!(fit, Fit::Exact(_))).map(Fit::describe).collect();
                if !exact.is_empty() {
                    how.insert(0, format!("of {}", exact.join(" and ")));
                }
                format!("{} {}", g.label, how.join(" and "))
            })
            .collect();
        let fits = || sides.iter().flatten();
        let what = if fits().any(|fit| matches!(fit, Fit::Between(..))) {
            format!("{source} reports or between two")
        } else if fits().any(|fit| matches!(fit, Fit::Near(_))) {
            format!("{source} reports or near one")
        } else {
            format!("{source} reports")
        };
        let (all, last) = each.split_at(each.len() - 1);
        let note = format!(
            " This is a note: {} are {what}, {} and {}; a source a report behind is not wrong.",
            if each.len() == 2 { "both" } else { "all" },
            all.join(", "),
            last[0]
        );
        f.add_note(&note);
    }
}

/// Claims whose documents have no date, against the whole series: the
/// reports each matches (which date it for an editor; one note for the
/// claims that match the same reports), or, for one that matches none, a
/// warning that it could not be checked against its day's report.
fn against_undated(
    ctx: &Ctx<'_>,
    rule: &Rule,
    ds: &Dataset,
    name: &str,
    series: &Series,
    undated: &[usize],
    out: &mut Vec<Finding>,
) {
    let mut matched: BTreeMap<(i32, i32), (Point, Point, Vec<usize>)> = BTreeMap::new();
    for &i in undated {
        let iv = ctx.interval(i);
        let mut hits = series.points.iter().filter(|p| iv.contains(p.value));
        if let Some(first) = hits.next() {
            let last = hits.next_back().unwrap_or(first);
            let key = (crate::dates::day_number(first.date), crate::dates::day_number(last.date));
            matched.entry(key).or_insert_with(|| (*first, *last, Vec::new())).2.push(i);
        } else {
            out.extend(unmatched_undated(ctx, rule, ds, name, series, i));
        }
    }
    for (first, last, claims) in matched.into_values() {
        let g = ctx.group(&claims);
        let when = if first.date == last.date {
            format!("the {name} report of {} ({})", first.date, format_count(first.value))
        } else {
            format!(
                "the {name} reports of {} to {} ({} to {})",
                first.date,
                last.date,
                format_count(first.value),
                format_count(last.value)
            )
        };
        let (texts, figures) = ctx.texts_counted(&g.claims);
        let verb = if figures == 1 { "matches" } else { "match" };
        let (whose, it) =
            if ctx.documents(&g.claims) == 1 { ("its document gives", "it") } else { ("their documents give", "them") };
        let explanation =
            format!("{}: {texts} (undated) {verb} {when}; {whose} no date to check {it} against.", rule.description);
        let mut f = finding(FindingKind::DatasetMatch, Severity::Info, &rule.names, vec![g], explanation, None, true);
        f.series = Some(series_ref(ds, &last, None));
        out.push(f);
    }
}

/// The point whose value is nearest `iv` (the earliest of equals).
fn nearest_to(points: &[Point], iv: Interval) -> Option<&Point> {
    points.iter().min_by(|a, b| gap(iv, Interval::point(a.value)).total_cmp(&gap(iv, Interval::point(b.value))))
}

/// An undated claim that matches no report of the series.
fn unmatched_undated(
    ctx: &Ctx<'_>,
    rule: &Rule,
    ds: &Dataset,
    name: &str,
    series: &Series,
    i: usize,
) -> Option<Finding> {
    let iv = ctx.interval(i);
    let g = ctx.group(&[i]);
    let nearest = *nearest_to(&series.points, iv)?;
    let (from, to) = (series.points.first()?.date, series.points.last()?.date);
    let explanation = format!(
        "{}: {} (undated) matches no {name} report from {from} to {to}; the nearest is {} on {}. Its document gives no date, so it was not checked against the report of its day.",
        rule.description,
        g.label,
        format_count(nearest.value),
        nearest.date
    );
    let gp = gap(iv, Interval::point(nearest.value));
    let mut f =
        finding(FindingKind::DatasetMismatch, Severity::Warning, &rule.names, vec![g], explanation, Some(gp), true);
    f.series = Some(series_ref(ds, &nearest, None));
    Some(f)
}
