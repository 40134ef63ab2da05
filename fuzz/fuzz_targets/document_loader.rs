//! Any file, read as each format (and as a JSON Lines document record):
//! decoding, metadata, HTML text, segmentation and extraction with the
//! default rules never panic, and citations point inside the file.
#![no_main]

use std::sync::LazyLock;

use figcheck::document::load::decode;
use figcheck::dates::parse_date;
use figcheck::document::{Document, Format, MetaFields, jsonl};
use figcheck::rules::RulePack;
use libfuzzer_sys::fuzz_target;

static PACK: LazyLock<RulePack> = LazyLock::new(RulePack::default_pack);

fn check(doc: &Document) {
    let file_len = doc.file_text().len();
    for c in figcheck::analysis::extract_document(doc, &PACK).claims {
        assert!(c.citation.span.start <= c.citation.span.end && c.citation.span.end as usize <= file_len);
        assert!(c.citation.line >= 1 && c.citation.line as usize <= doc.lines.len());
    }
}

fuzz_target!(|data: &[u8]| {
    let mut problems = Vec::new();
    if let Some(text) = decode("fuzz", data.to_vec(), &mut problems) {
        for format in [Format::Text, Format::Markdown, Format::Html, Format::Captions] {
            check(&Document::build("fuzz".into(), format, text.clone(), None, &mut problems));
        }
        // Dated, so that weekdays, updates and times counted back resolve.
        let meta = MetaFields { published: parse_date("2024-03-01"), ..Default::default() };
        check(&Document::build("fuzz".into(), Format::Markdown, text.clone(), Some(meta), &mut problems));
    }
    if let Some(doc) = jsonl::parse("<stdin>", 1, data, |_| None, &mut problems) {
        check(&doc);
    }
});
