//! Any rule file: loading returns a rule or errors, never panics; a rule
//! that loads runs its own examples and matches a sentence.
#![no_main]

use figcheck::document::Document;
use figcheck::rules::{RulePack, verify};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(src) = std::str::from_utf8(data) else { return };
    let Ok(pack) = RulePack::from_sources(&[("fuzz.yaml".to_string(), src.to_string())]) else { return };
    let _ = verify::verify_all(&pack);
    let doc = Document::new("a.txt", "Officials said about 1,200 people were killed and 240 taken hostage on October 7.\n".into());
    let _ = figcheck::extract::extract(&doc, &pack);
});
