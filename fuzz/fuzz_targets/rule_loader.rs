//! Any rule file: loading returns a rule or errors, never panics; a rule
//! that loads runs its own examples and matches a sentence.
#![no_main]

use std::sync::LazyLock;

use figcheck::document::Document;
use figcheck::rules::compile::load_rule;
use figcheck::rules::{Authorities, RulePack, verify};
use libfuzzer_sys::fuzz_target;

// Built once: compiling the authority aliases on every input made the target slow.
static AUTHORITIES: LazyLock<Authorities> = LazyLock::new(|| RulePack::default_pack().authorities);
static DOC: LazyLock<Document> = LazyLock::new(|| {
    Document::new("a.txt", "Officials said about 1,200 people were killed and 240 taken hostage on October 7.\n".into())
});

fuzz_target!(|data: &[u8]| {
    let Ok(src) = std::str::from_utf8(data) else { return };
    let Ok(rule) = load_rule("fuzz.yaml", src, false) else { return };
    let Ok(pack) = RulePack::from_rules(vec![rule], AUTHORITIES.clone()) else { return };
    let _ = verify::verify_all(&pack);
    let _ = figcheck::extract::extract(&DOC, &pack);
});
