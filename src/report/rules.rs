//! `figcheck rules list | test | explain`: rule listings, test results and
//! one rule in full.

use std::io::{self, Write};

use crate::quantity::format_number;
use crate::rules::compile::Expectation;
use crate::rules::verify::ExampleResult;
use crate::rules::{Rule, RulePack};

pub fn write_list(out: &mut dyn Write, pack: &RulePack) -> io::Result<()> {
    let header = ["id", "metric", "behavior", "patterns", "examples", "description"];
    let rows: Vec<[String; 6]> = pack
        .rules
        .iter()
        .map(|r| {
            let origin = if r.builtin { String::new() } else { format!(" [{}]", r.file) };
            [
                r.id.to_string(),
                r.metric.to_string(),
                r.behavior.name().to_string(),
                r.patterns.len().to_string(),
                r.examples.len().to_string(),
                format!("{}{origin}", r.description),
            ]
        })
        .collect();
    super::write_aligned(out, &header, &rows)
}

/// One progress line per rule (`.` passed, `N` noisy, `M` missing, `W`
/// wrong), then the failures in full and a summary.
pub fn write_test(out: &mut dyn Write, pack: &RulePack, results: &[ExampleResult]) -> io::Result<()> {
    let width = pack.rules.iter().map(|r| r.id.len()).max().unwrap_or(0);
    for r in &pack.rules {
        let mine: Vec<&ExampleResult> = results.iter().filter(|x| *x.rule == *r.id).collect();
        let marks: String = mine.iter().map(|x| x.verdict.letter()).collect();
        let ok = mine.iter().all(|x| x.verdict.passed());
        writeln!(out, "{:<width$}  {marks:<8} {}", r.id, if ok { "ok" } else { "FAILED" })?;
    }
    let failures: Vec<&ExampleResult> = results.iter().filter(|x| !x.verdict.passed()).collect();
    if !failures.is_empty() {
        writeln!(out)?;
        for f in &failures {
            writeln!(out, "{} example {}: {}", f.rule, f.index + 1, f.verdict)?;
            writeln!(out, "    {}", f.text)?;
        }
    }
    let count = |name: &str| results.iter().filter(|x| x.verdict.name() == name).count();
    writeln!(
        out,
        "\n{} examples in {} rules: {} validated, {} reported, {} noisy, {} missing, {} wrong",
        results.len(),
        pack.rules.len(),
        count("Validated"),
        count("Reported"),
        count("Noisy"),
        count("Missing"),
        count("Wrong"),
    )
}

pub fn write_explain(out: &mut dyn Write, rule: &Rule, results: &[ExampleResult]) -> io::Result<()> {
    writeln!(out, "{} — {}", rule.id, rule.description)?;
    writeln!(out, "  file:      {}", rule.file)?;
    writeln!(out, "  metric:    {}", rule.metric)?;
    let unit = rule.unit.as_deref().unwrap_or("-");
    writeln!(out, "  behavior:  {} (unit: {unit}, severity: {})", rule.behavior.name(), rule.severity.name())?;
    if let Some(d) = rule.event_date {
        writeln!(out, "  event:     {d}, counts may rise for {} days after it", rule.compiling_days)?;
    }
    if let Some(d) = rule.since {
        writeln!(out, "  counts:    from {d}; a figure dated before it is another period's")?;
    }
    let windows = match rule.behavior {
        crate::rules::Behavior::Fixed => format!("tolerance {}", rule.tolerance),
        crate::rules::Behavior::Cumulative => format!(
            "same day within {} days; dataset lag {} days; tolerance {}",
            rule.same_day_days, rule.lag_days, rule.tolerance
        ),
        crate::rules::Behavior::Counter => format!("one event within {} days", rule.event_window_days),
        crate::rules::Behavior::Snapshot => {
            format!("compared within {} days; tolerance {}", rule.window_days, rule.tolerance)
        }
        crate::rules::Behavior::Declining => {
            format!(
                "compared within {} days, as a level that only falls; tolerance {}",
                rule.window_days, rule.tolerance
            )
        }
    };
    writeln!(out, "  windows:   {windows}")?;
    if !rule.part_of.is_empty() {
        writeln!(out, "  part of:   {} (may not exceed)", rule.part_of.join(", "))?;
    }
    if rule.attribution.authorities_may_differ {
        writeln!(out, "  sources:   different authorities may legitimately differ (a note, not an error)")?;
    }
    if let Some(d) = &rule.attribution.default {
        writeln!(out, "  default attribution: {d}")?;
    }
    writeln!(out, "  patterns:")?;
    for (i, p) in rule.patterns.iter().enumerate() {
        writeln!(out, "    {}. {}   [{}]", i + 1, p.source, p.kinds.join("|"))?;
    }
    let c = &rule.context;
    if !c.any_words.is_empty() {
        let lede = if c.lede { " (or in the document's lede)" } else { "" };
        writeln!(out, "  context any of: {}{lede}", c.any_words.join(", "))?;
    }
    if !c.all_words.is_empty() {
        writeln!(out, "  context all of: {}", c.all_words.join(", "))?;
    }
    if !c.none_words.is_empty() {
        writeln!(out, "  context none of: {}", c.none_words.join(", "))?;
    }
    if !c.sentence_none_words.is_empty() {
        writeln!(
            out,
            "  context none of, in the sentence up to the figure's clause: {}",
            c.sentence_none_words.join(", ")
        )?;
    }
    if !c.lede_none_words.is_empty() {
        writeln!(out, "  context from the lede, none of: {}", c.lede_none_words.join(", "))?;
    }
    if !c.lede_unless_words.is_empty() {
        writeln!(out, "  no context from a lede that names any of: {}", c.lede_unless_words.join(", "))?;
    }
    if !c.parts_none_words.is_empty() {
        writeln!(out, "  no whole with a part that names any of: {}", c.parts_none_words.join(", "))?;
    }
    if let Some(e) = &rule.event {
        writeln!(out, "  events named by: {}", e.spec.named.join(", "))?;
        if !e.spec.unnamed.is_empty() {
            writeln!(out, "  events introduced unnamed by: {}", e.spec.unnamed.join(", "))?;
        }
        if !e.spec.broad.is_empty() {
            writeln!(out, "  places too broad to name one: {}", e.spec.broad.join(", "))?;
        }
    }
    writeln!(out, "  examples:")?;
    for (ex, r) in rule.examples.iter().zip(results) {
        let expect = match &ex.expect {
            Expectation::Nothing => "none".to_string(),
            Expectation::Figure { value, qualifier, event, .. } => format!(
                "{}{}{}",
                format_number(*value),
                qualifier.map(|q| format!(" ({q})")).unwrap_or_default(),
                event.as_ref().map(|e| format!(" (event {e})")).unwrap_or_default()
            ),
        };
        writeln!(out, "    {}. expect {expect}: {}", r.index + 1, r.verdict)?;
        writeln!(out, "       {}", ex.text)?;
    }
    Ok(())
}
