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
        let reason = reason(run);
        let explanation = format!(
            "\"{run}\" is no well-formed number ({reason}), so the figure was compared with nothing: \"{}\".",
            c.citation.sentence
        );
        out.push(finding(
            FindingKind::MalformedFigure,
            Severity::Error,
            &c.names,
            vec![ctx.group(&[i])],
            explanation,
            None,
            false,
        ));
    }
    out
}

/// Why `run` is no well-formed count.
fn reason(run: &str) -> String {
    let groups: Vec<&str> = run.split([',', '.']).collect();
    let dotted_thousands =
        run.contains('.') && !run.contains(',') && groups[0].len() <= 3 && groups[1..].iter().all(|g| g.len() == 3);
    if dotted_thousands {
        return format!(
            "English writes thousands with commas, \"{}\", and a count has no fraction",
            run.replace('.', ",")
        );
    }
    // "3,0320" and "30,03" break a comma group; "30,035.5" does not.
    let mut after_commas = run.split('.').next().unwrap_or(run).split(',').skip(1);
    if after_commas.any(|g| g.len() != 3) {
        return "each group after a thousands comma has three digits".to_string();
    }
    "a count has no fraction".to_string()
}

#[cfg(test)]
mod tests {
    use super::reason;

    #[test]
    fn each_malformed_count_says_why() {
        assert_eq!(reason("3,0320"), "each group after a thousands comma has three digits");
        assert_eq!(reason("30,03"), "each group after a thousands comma has three digits");
        assert_eq!(reason("70.457"), "English writes thousands with commas, \"70,457\", and a count has no fraction");
        assert_eq!(
            reason("1.200.000"),
            "English writes thousands with commas, \"1,200,000\", and a count has no fraction"
        );
        assert_eq!(reason("30,035.5"), "a count has no fraction");
        assert_eq!(reason("30.5"), "a count has no fraction");
    }
}
