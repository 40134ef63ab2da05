//! Baseline files: the ids of accepted findings, one per line (the rest
//! of the line and `#` lines are comments). Ids hash the cited figures'
//! paths and texts, not their lines, so a baseline survives edits that
//! move text around.

use std::collections::BTreeSet;
use std::path::Path;

use crate::compare::Finding;
use crate::error::Problem;

/// The ids a baseline file accepts.
pub fn read(path: &Path) -> Result<BTreeSet<String>, Problem> {
    let display = crate::document::load::display_path(path);
    let text = std::fs::read_to_string(path).map_err(|e| {
        let msg = if e.kind() == std::io::ErrorKind::NotFound {
            "baseline file not found".to_string()
        } else {
            e.to_string()
        };
        Problem::error(&display, msg)
    })?;
    let mut ids = BTreeSet::new();
    for (n, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let id = line.split_whitespace().next().unwrap_or("");
        if id.len() != 12 || !id.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(Problem::error(&display, format!("`{id}` is not a finding id (12 hex digits)")).at_line(n + 1));
        }
        ids.insert(id.to_string());
    }
    Ok(ids)
}

/// The text of a baseline accepting `findings` (agreements are not listed).
pub fn render(findings: &[&Finding]) -> String {
    let mut lines: Vec<String> = findings
        .iter()
        .filter(|f| !f.kind.is_agreement())
        .map(|f| {
            let mut about: String = f.explanation().chars().take(100).collect();
            if about.len() < f.explanation().len() {
                about.push('…');
            }
            format!("{}  {} {} {}: {about}", f.id, f.severity.name(), f.kind.name(), f.metric())
        })
        .collect();
    lines.sort();
    lines.dedup();
    let mut out =
        String::from("# figcheck baseline: accepted findings. One id per line; the rest of a line is a comment.\n");
    for l in lines {
        out.push_str(&l);
        out.push('\n');
    }
    out
}
