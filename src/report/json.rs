//! JSON (`"schema": "figcheck/1"`, described by `docs/figcheck-report.schema.json`)
//! and JSON Lines (one claim or finding per line, then a summary line).

use std::io::{self, Write};

use serde::Serialize;

use super::claims::ClaimRecord;
use super::{Context, Out, Reporter, Streamed};
use crate::compare::{Group, SeriesRef};
use crate::dates::Date;
use crate::document::DateSource;
use crate::error::Level;

pub const SCHEMA: &str = "figcheck/1";

#[derive(Serialize)]
struct Summary {
    documents: usize,
    claims: usize,
    findings: usize,
    errors: usize,
    warnings: usize,
    notes: usize,
    baselined: usize,
    suppressed: usize,
}

#[derive(Serialize)]
struct DocumentRecord<'a> {
    path: &'a str,
    title: Option<&'a str>,
    publisher: Option<&'a str>,
    author: Option<&'a str>,
    url: Option<&'a str>,
    published: Option<Date>,
    date_source: DateSource,
}

#[derive(Serialize)]
struct DatasetRecord<'a> {
    path: &'a str,
    title: &'a str,
    publisher: Option<&'a str>,
    url: Option<&'a str>,
    metrics: Vec<&'a str>,
}

#[derive(Serialize)]
struct IndexedClaim<'a> {
    index: usize,
    #[serde(flatten)]
    claim: ClaimRecord<'a>,
}

#[derive(Serialize)]
struct Primary<'a> {
    claim: usize,
    path: &'a str,
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
}

#[derive(Serialize)]
struct FindingRecord<'a> {
    id: &'a str,
    kind: &'static str,
    severity: &'static str,
    metric: &'a str,
    rule: &'a str,
    explanation: std::borrow::Cow<'a, str>,
    gap: Option<f64>,
    time_ignored: bool,
    primary: Primary<'a>,
    groups: &'a [Group],
    series: Option<&'a SeriesRef>,
}

#[derive(Serialize)]
struct ProblemRecord<'a> {
    level: &'static str,
    path: &'a str,
    line: Option<usize>,
    message: &'a str,
}

fn summary(cx: &Context<'_>) -> Summary {
    use crate::rules::Severity::*;
    Summary {
        documents: cx.analysis.documents.len(),
        claims: cx.analysis.claims.len(),
        findings: cx.findings.len(),
        errors: cx.count(Error),
        warnings: cx.count(Warning),
        notes: cx.count(Info),
        baselined: cx.baselined,
        suppressed: cx.suppressed,
    }
}

fn findings<'a>(cx: &'a Context<'a>) -> impl Iterator<Item = FindingRecord<'a>> + 'a {
    cx.located().map(|(f, p)| FindingRecord {
        id: &f.id,
        kind: f.kind.name(),
        severity: f.severity.name(),
        metric: f.metric(),
        rule: f.rule(),
        explanation: f.explanation(),
        gap: f.gap,
        time_ignored: f.time_ignored,
        primary: Primary {
            claim: p.claim,
            path: p.path,
            line: p.line,
            column: p.column,
            end_line: p.end_line,
            end_column: p.end_column,
        },
        groups: &f.groups,
        series: f.series.as_ref(),
    })
}

fn claims<'a>(cx: &'a Context<'a>) -> impl Iterator<Item = IndexedClaim<'a>> + 'a {
    cx.analysis.claims.iter().enumerate().map(|(index, c)| IndexedClaim { index, claim: ClaimRecord::new(c) })
}

pub struct Json;

impl Reporter for Json {
    fn render(&self, cx: &Context<'_>, out: &mut Out<'_>) -> io::Result<()> {
        #[derive(Serialize)]
        #[serde(bound(serialize = "Streamed<D>: Serialize, Streamed<C>: Serialize, Streamed<F>: Serialize"))]
        struct Report<'a, D, C, F> {
            schema: &'static str,
            name: &'a str,
            summary: Summary,
            documents: Streamed<D>,
            datasets: Vec<DatasetRecord<'a>>,
            claims: Streamed<C>,
            findings: Streamed<F>,
            problems: Vec<ProblemRecord<'a>>,
        }
        let a = cx.analysis;
        let report = Report {
            schema: SCHEMA,
            name: cx.name,
            summary: summary(cx),
            documents: Streamed::new(a.documents.iter().map(|d| DocumentRecord {
                path: &d.path,
                title: d.meta.title.as_deref(),
                publisher: d.meta.publisher.as_deref(),
                author: d.meta.author.as_deref(),
                url: d.meta.url.as_deref(),
                published: d.meta.published,
                date_source: d.meta.date_source,
            })),
            datasets: a
                .datasets
                .iter()
                .map(|d| DatasetRecord {
                    path: &d.cited.path,
                    title: &d.cited.title,
                    publisher: d.cited.publisher.as_deref(),
                    url: d.cited.url.as_deref(),
                    metrics: d.series.keys().map(String::as_str).collect(),
                })
                .collect(),
            claims: Streamed::new(claims(cx)),
            findings: Streamed::new(findings(cx)),
            problems: a
                .problems
                .iter()
                .map(|p| ProblemRecord {
                    level: if p.level == Level::Error { "error" } else { "warning" },
                    path: &p.path,
                    line: p.line,
                    message: &p.message,
                })
                .collect(),
        };
        // A document, claim, finding or problem per line.
        super::json_layout::write(&mut *out, &report, 2)?;
        writeln!(out)
    }
}

pub struct JsonLines;

impl Reporter for JsonLines {
    fn render(&self, cx: &Context<'_>, out: &mut Out<'_>) -> io::Result<()> {
        #[derive(Serialize)]
        struct Line<T: Serialize> {
            #[serde(rename = "type")]
            kind: &'static str,
            #[serde(flatten)]
            body: T,
        }
        for c in claims(cx) {
            serde_json::to_writer(&mut *out, &Line { kind: "claim", body: c })?;
            writeln!(out)?;
        }
        for f in findings(cx) {
            serde_json::to_writer(&mut *out, &Line { kind: "finding", body: f })?;
            writeln!(out)?;
        }
        #[derive(Serialize)]
        struct End<'a> {
            schema: &'static str,
            name: &'a str,
            #[serde(flatten)]
            summary: Summary,
        }
        serde_json::to_writer(
            &mut *out,
            &Line { kind: "summary", body: End { schema: SCHEMA, name: cx.name, summary: summary(cx) } },
        )?;
        writeln!(out)
    }
}
