//! Figures written with digits no number reads whole ("the ministry said
//! 3,0320 people had been killed"): a typo whose value is not known. Each
//! is reported, and compared with nothing.

use super::{Ctx, Finding, FindingKind, finding};
use crate::rules::Severity;

pub(super) fn findings(ctx: &Ctx<'_>) -> Vec<Finding> {
    let mut out = Vec::new();
    for (i, c) in ctx.claims.iter().enumerate() {
        let Some(run) = c.malformed.as_deref() else { continue };
        if ctx.rule_of(i).is_none() {
            continue;
        }
        // "1.200.5" breaks no comma group; "3,0320" and "30,03" do.
        let reason = if run.contains(',') {
            "each group after a thousands comma has three digits"
        } else {
            "a number has one decimal point"
        };
        let explanation = format!(
            "\"{run}\" is no well-formed number ({reason}), so the figure was compared with nothing: \"{}\".",
            c.citation.sentence
        );
        out.push(finding(
            FindingKind::MalformedFigure,
            Severity::Error,
            c.metric(),
            c.rule(),
            vec![ctx.group(&[i])],
            explanation,
            None,
            false,
        ));
    }
    out
}
