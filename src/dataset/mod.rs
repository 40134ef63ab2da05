//! Reference datasets: dated series of a metric's value (the Gaza health
//! ministry's cumulative toll by report date), read from CSV, a JSON array
//! of objects, or JSON Lines, as a sources manifest declares them. A row's
//! value may be marked as reported or filled in between reports.

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;

use serde::Serialize;

use crate::dates::{Date, day_number, parse_date};
use crate::document::load::display_path;
use crate::document::meta::{DatasetEntry, Manifest};
use crate::error::Problem;

/// One dated value.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Point {
    pub date: Date,
    pub value: f64,
    /// `Some(false)` when the value was filled in between reports.
    pub reported: Option<bool>,
    /// 1-based row (line for CSV and JSON Lines, element for JSON).
    pub row: usize,
}

/// The values of one metric, sorted by date.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Series {
    pub metric: String,
    pub column: String,
    pub points: Vec<Point>,
    /// `day_number` of each point, for window searches.
    #[serde(skip)]
    days: Vec<i32>,
}

impl Series {
    pub fn new(metric: String, column: String, mut points: Vec<Point>) -> Series {
        points.sort_by(|a, b| a.date.cmp(&b.date).then(a.row.cmp(&b.row)));
        let days = points.iter().map(|p| day_number(p.date)).collect();
        Series { metric, column, points, days }
    }

    /// Points dated within `[from, to]` (day numbers), in date order.
    pub fn window(&self, from: i32, to: i32) -> &[Point] {
        let s = self.days.partition_point(|&d| d < from);
        let e = self.days.partition_point(|&d| d <= to);
        &self.points[s..e.max(s)]
    }

    /// Points dated before day `before`.
    pub fn before(&self, before: i32) -> &[Point] {
        &self.points[..self.days.partition_point(|&d| d < before)]
    }

    /// The point nearest in time to day `day` (the earlier one on a tie).
    pub fn nearest(&self, day: i32) -> Option<&Point> {
        let i = self.days.partition_point(|&d| d < day);
        let after = self.points.get(i).map(|p| (self.days[i] - day, p));
        let before = i.checked_sub(1).map(|j| (day - self.days[j], &self.points[j]));
        match (before, after) {
            (Some(b), Some(a)) => Some(if a.0 < b.0 { a.1 } else { b.1 }),
            (Some(b), None) => Some(b.1),
            (None, Some(a)) => Some(a.1),
            (None, None) => None,
        }
    }
}

/// A loaded dataset.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Dataset {
    #[serde(flatten)]
    pub cited: Arc<Cited>,
    pub attribution: Option<String>,
    pub series: BTreeMap<String, Series>,
}

/// What a dataset is cited by. One copy, shared with every finding that
/// cites the dataset: an archive's findings are mostly one per claim
/// against a series, and four names each took four words of every one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Cited {
    pub path: Box<str>,
    pub title: Box<str>,
    pub publisher: Option<Box<str>>,
    pub url: Option<Box<str>>,
}

/// Rows that could not be read: row number (a line for CSV and JSON
/// Lines, an element for a JSON array) and why.
struct Skipped {
    rows: Vec<(usize, String)>,
    /// Row numbers are line numbers.
    lines: bool,
}

impl Skipped {
    /// A corrupt reference is an error: figures would be checked against gaps.
    fn report(&self, file: &str, problems: &mut Vec<Problem>) {
        let Some(&(first, _)) = self.rows.first() else { return };
        let unit = if self.lines { "line" } else { "element" };
        let listed: Vec<String> = self.rows.iter().take(5).map(|(r, why)| format!("{unit} {r} {why}")).collect();
        let more = if self.rows.len() > 5 { format!("; and {} more", self.rows.len() - 5) } else { String::new() };
        let p = Problem::error(
            file,
            format!(
                "skipped {} malformed row{}: {}{more}",
                self.rows.len(),
                if self.rows.len() == 1 { "" } else { "s" },
                listed.join("; ")
            ),
        );
        problems.push(if self.lines { p.at_line(first) } else { p });
    }
}

fn parse_flag(s: &str) -> Option<bool> {
    match s.trim().to_ascii_lowercase().as_str() {
        "yes" | "y" | "true" | "1" | "reported" => Some(true),
        "no" | "n" | "false" | "0" | "filled" | "interpolated" => Some(false),
        _ => None,
    }
}

/// A cell as a number: blank is `Ok(None)`, anything else unreadable is an error.
fn parse_value(s: &str) -> Result<Option<f64>, ()> {
    let t = s.trim().replace(',', "");
    if t.is_empty() {
        return Ok(None);
    }
    t.parse::<f64>().map(Some).map_err(|_| ())
}

/// One table row as field → text.
type Row = BTreeMap<String, String>;

fn json_text(v: &serde_json::Value) -> String {
    match v {
        serde_json::Value::String(s) => s.clone(),
        serde_json::Value::Null => String::new(),
        other => other.to_string(),
    }
}

fn read_rows(path: &Path, format: &str, file: &str) -> Result<Vec<(usize, Row)>, Problem> {
    let text = std::fs::read_to_string(path).map_err(|e| {
        let msg = if e.kind() == std::io::ErrorKind::NotFound { "no such file".to_string() } else { e.to_string() };
        Problem::error(file, format!("dataset cannot be read: {msg}"))
    })?;
    match format {
        "csv" => {
            let mut r = csv::ReaderBuilder::new().flexible(true).from_reader(text.as_bytes());
            let headers = r.headers().map_err(|e| Problem::error(file, format!("dataset header: {e}")))?.clone();
            let mut rows = Vec::new();
            for (i, rec) in r.records().enumerate() {
                let rec = rec.map_err(|e| Problem::error(file, format!("dataset: {e}")).at_line(i + 2))?;
                let line = rec.position().map_or(i + 2, |p| p.line() as usize);
                rows.push((
                    line,
                    headers.iter().zip(rec.iter()).map(|(h, v)| (h.to_string(), v.to_string())).collect(),
                ));
            }
            Ok(rows)
        }
        "json" => {
            let v: Vec<serde_json::Map<String, serde_json::Value>> = serde_json::from_str(&text).map_err(|e| {
                Problem::error(file, format!("dataset is not a JSON array of objects: {e}")).at_line(e.line())
            })?;
            Ok(v.into_iter()
                .enumerate()
                .map(|(i, o)| (i + 1, o.iter().map(|(k, v)| (k.clone(), json_text(v))).collect()))
                .collect())
        }
        "jsonl" => {
            let mut rows = Vec::new();
            for (i, line) in text.lines().enumerate() {
                if line.trim().is_empty() {
                    continue;
                }
                let o: serde_json::Map<String, serde_json::Value> = serde_json::from_str(line).map_err(|e| {
                    Problem::error(file, format!("dataset line is not a JSON object: {e}")).at_line(i + 1)
                })?;
                rows.push((i + 1, o.iter().map(|(k, v)| (k.clone(), json_text(v))).collect()));
            }
            Ok(rows)
        }
        other => Err(Problem::error(file, format!("unknown dataset format `{other}` (csv, json or jsonl)"))),
    }
}

/// Load one dataset of a manifest.
pub fn load(entry: &DatasetEntry, manifest: &Manifest, problems: &mut Vec<Problem>) -> Option<Dataset> {
    let path = manifest.dir.join(&entry.path);
    let file = display_path(&path);
    let format = entry.format.clone().unwrap_or_else(|| {
        match path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase).as_deref() {
            Some("json") => "json".into(),
            Some("jsonl" | "ndjson") => "jsonl".into(),
            _ => "csv".into(),
        }
    });
    let rows = match read_rows(&path, &format, &file) {
        Ok(r) => r,
        Err(p) => {
            problems.push(p);
            return None;
        }
    };
    let columns: Vec<&String> = rows.first().map(|r| r.1.keys().collect()).unwrap_or_default();
    for (metric, col) in &entry.series {
        if !rows.is_empty() && !columns.contains(&col) {
            problems.push(Problem::error(&file, format!("series `{metric}`: no column `{col}`")));
        }
    }
    let mut skipped = Skipped { rows: Vec::new(), lines: format != "json" };
    let mut points: BTreeMap<&str, Vec<Point>> = BTreeMap::new();
    for (row, fields) in &rows {
        let date_field = &entry.date_field;
        let date = match fields.get(date_field).map(|d| (d, parse_date(d))) {
            Some((_, Some(d))) => d,
            Some((d, None)) if !d.trim().is_empty() => {
                skipped.rows.push((*row, format!("has `{d}` for a date")));
                continue;
            }
            _ => {
                skipped.rows.push((*row, format!("has no date (`{date_field}`)")));
                continue;
            }
        };
        let mut bad = None;
        let mut found = Vec::new();
        for (metric, col) in &entry.series {
            match fields.get(col).map(|v| parse_value(v)) {
                Some(Ok(Some(value))) => {
                    let flag_col = entry.reported.get(metric).cloned().unwrap_or_else(|| format!("{col}_reported"));
                    let reported = fields.get(&flag_col).and_then(|f| parse_flag(f));
                    found.push((metric.as_str(), Point { date, value, reported, row: *row }));
                }
                Some(Ok(None)) | None => {}
                Some(Err(())) => bad = Some(format!("has `{}` for a number (`{col}`)", fields[col])),
            }
        }
        if let Some(why) = bad {
            skipped.rows.push((*row, why));
        }
        for (m, p) in found {
            points.entry(m).or_default().push(p);
        }
    }
    skipped.report(&file, problems);
    let series = entry
        .series
        .iter()
        .map(|(m, col)| (m.clone(), Series::new(m.clone(), col.clone(), points.remove(m.as_str()).unwrap_or_default())))
        .collect();
    Some(Dataset {
        cited: Arc::new(Cited {
            path: file.as_str().into(),
            title: entry.title.as_deref().unwrap_or(&file).into(),
            publisher: entry.publisher.as_deref().map(Into::into),
            url: entry.url.as_deref().map(Into::into),
        }),
        attribution: entry.attribution.clone(),
        series,
    })
}

/// Every dataset of every manifest, in manifest order.
pub fn load_all(manifests: &[Manifest], problems: &mut Vec<Problem>) -> Vec<Dataset> {
    manifests
        .iter()
        .flat_map(|m| m.datasets.iter().map(move |e| (e, m)))
        .filter_map(|(e, m)| load(e, m, problems))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn manifest(dir: &Path, yaml: &str) -> Manifest {
        std::fs::write(dir.join("sources.yaml"), yaml).unwrap();
        Manifest::load(&dir.join("sources.yaml")).unwrap()
    }

    #[test]
    fn the_seed_series() {
        let m = Manifest::load(Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/seeds/sources.yaml"))).unwrap();
        let mut problems = Vec::new();
        let d = load_all(&[m], &mut problems);
        assert!(problems.is_empty(), "{problems:?}");
        let killed = &d[0].series["gaza.killed"];
        let day = day_number(parse_date("2023-12-19").unwrap());
        let w = killed.window(day, day);
        assert_eq!((w[0].value, w[0].reported), (19667.0, Some(true)));
        let next = killed.window(day + 1, day + 1);
        assert_eq!((next[0].value, next[0].reported), (19797.0, Some(false)));
        // Blank children cells are missing data, not malformed rows.
        assert!(d[0].series["gaza.killed_children"].points.len() < killed.points.len());
    }

    #[test]
    fn formats_and_malformed_rows() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.csv"), "date,n\n2024-01-01,5\n,6\nsoon,7\n2024-01-04,x\n2024-01-05,9\n")
            .unwrap();
        std::fs::write(dir.path().join("b.json"), r#"[{"day":"2024-01-01","n":5},{"day":"2024-01-02","n":"6"}]"#)
            .unwrap();
        std::fs::write(
            dir.path().join("c.jsonl"),
            "{\"day\":\"2024-01-01\",\"n\":5}\n\n{\"day\":\"2024-01-03\",\"n\":7.5}\n",
        )
        .unwrap();
        let m = manifest(
            dir.path(),
            "datasets:\n  - {path: a.csv, date_field: date, series: {x: n}}\n  - {path: b.json, date_field: day, series: {x: n}}\n  - {path: c.jsonl, date_field: day, series: {x: n}}\n  - {path: gone.csv, date_field: d, series: {x: n}}\n",
        );
        let mut problems = Vec::new();
        let d = load_all(&[m], &mut problems);
        assert_eq!(d.len(), 3);
        let values: Vec<Vec<f64>> = d.iter().map(|d| d.series["x"].points.iter().map(|p| p.value).collect()).collect();
        assert_eq!(values, [vec![5.0, 9.0], vec![5.0, 6.0], vec![5.0, 7.5]]);
        let msgs: Vec<String> =
            problems.iter().map(|p| p.to_string().replace(&display_path(dir.path()), "[DIR]")).collect();
        assert_eq!(
            msgs,
            [
                "error: [DIR]/a.csv:3: skipped 3 malformed rows: line 3 has no date (`date`); line 4 has `soon` for a date; line 5 has `x` for a number (`n`)",
                "error: [DIR]/gone.csv: dataset cannot be read: no such file",
            ]
        );
    }
}
