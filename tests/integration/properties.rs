//! Property tests of the recognizer: figures written with separators, with
//! scale words and in English words read back to the value written, and no
//! input, however odd, makes it panic or return a bad span.

use figcheck::quantity::{Quantity, recognize};
use proptest::prelude::*;

/// 1234567 → "1,234,567".
fn with_commas(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

const UNITS: [&str; 20] = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
];
const TENS: [&str; 10] = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];

/// English words for 1 ≤ n < 1000, with a British "and" if asked.
fn below_thousand(n: u64, and: bool) -> String {
    let mut parts = Vec::new();
    if n >= 100 {
        parts.push(format!("{} hundred", UNITS[(n / 100) as usize]));
    }
    let rest = n % 100;
    if rest > 0 {
        if n >= 100 && and {
            parts.push("and".to_string());
        }
        if rest < 20 {
            parts.push(UNITS[rest as usize].to_string());
        } else if rest.is_multiple_of(10) {
            parts.push(TENS[(rest / 10) as usize].to_string());
        } else {
            parts.push(format!("{}-{}", TENS[(rest / 10) as usize], UNITS[(rest % 10) as usize]));
        }
    }
    parts.join(" ")
}

/// English words for 0 ≤ n < 10¹².
fn in_words(n: u64, and: bool) -> String {
    if n == 0 {
        return "zero".into();
    }
    let mut parts = Vec::new();
    for (scale, name) in [(1_000_000_000, "billion"), (1_000_000, "million"), (1_000, "thousand")] {
        let k = (n / scale) % 1000;
        if k > 0 {
            parts.push(format!("{} {name}", below_thousand(k, and)));
        }
    }
    let k = n % 1000;
    if k > 0 {
        parts.push(below_thousand(k, and));
    }
    parts.join(" ")
}

/// The only count figure in `text`.
fn sole_count(text: &str) -> Quantity {
    let counts: Vec<Quantity> = recognize(text).into_iter().filter(Quantity::is_count).collect();
    assert_eq!(counts.len(), 1, "{text:?} gave {counts:?}");
    counts.into_iter().next().unwrap()
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

proptest! {
    #[test]
    fn integers_with_separators_read_back(n in 0u64..1_000_000_000_000_000) {
        let text = format!("Officials said {} people were counted.", with_commas(n));
        let q = sole_count(&text);
        prop_assert_eq!(q.value, n as f64);
        prop_assert_eq!(q.text.into_string(), with_commas(n));
    }

    #[test]
    fn decimals_read_back(int in 0u64..100_000, frac in 1u32..1000) {
        let written = format!("{}.{:03}", with_commas(int), frac);
        let text = format!("the index stood at {written} points");
        let q = sole_count(&text);
        let expected: f64 = written.replace(',', "").parse().unwrap();
        prop_assert!(close(q.value, expected), "{} read as {}", written, q.value);
    }

    #[test]
    fn scale_words_read_back(m in 1u64..1000, tenth in 0u64..10, scale in 0usize..3) {
        let (word, mult) = [("thousand", 1e3), ("million", 1e6), ("billion", 1e9)][scale];
        let written = if tenth == 0 { format!("{m} {word}") } else { format!("{m}.{tenth} {word}") };
        let q = sole_count(&format!("more than {written} people"));
        let expected = (m as f64 + tenth as f64 / 10.0) * mult;
        prop_assert!(close(q.value, expected), "{} read as {}", written, q.value);
        prop_assert_eq!(q.qualifier, figcheck::quantity::Qualifier::Over);
    }

    #[test]
    fn english_words_read_back(n in 0u64..1_000_000_000_000, and in any::<bool>()) {
        let written = in_words(n, and);
        let q = sole_count(&format!("They counted {written} people."));
        prop_assert_eq!(q.value, n as f64, "{}", written);
        prop_assert_eq!(q.text.into_string(), written);
    }

    #[test]
    fn arbitrary_text_never_panics(text in any::<String>()) {
        check_spans(&text);
    }

    #[test]
    fn number_like_text_never_panics(text in "[0-9a-zA-Z ,.$%€£+\\-/:'’½-]{0,60}") {
        check_spans(&text);
    }
}

/// Spans are in order, do not overlap, fall on character boundaries and
/// match the text they report.
fn check_spans(text: &str) {
    let found = recognize(text);
    let mut last = 0;
    for q in &found {
        assert!(q.span.start >= last && q.span.start < q.span.end, "{text:?}: {found:?}");
        assert_eq!(text.get(q.span.clone()), Some(&*q.text), "{text:?}");
        last = q.span.end;
    }
}

static PACK: std::sync::LazyLock<figcheck::rules::RulePack> =
    std::sync::LazyLock::new(figcheck::rules::RulePack::default_pack);

/// Build a document of each format from `text` and extract its claims.
fn extract_any(text: &str) {
    use figcheck::document::{Document, Format};
    for format in [Format::Text, Format::Markdown, Format::Html, Format::Captions] {
        let mut problems = Vec::new();
        let doc = Document::build("x".into(), format, text.to_string(), None, &mut problems);
        for c in figcheck::extract::extract(&doc, &PACK) {
            let file = doc.source.as_deref().unwrap_or(&doc.text);
            assert!(c.citation.file_span().end <= file.len());
            assert!(c.citation.line >= 1 && c.citation.column >= 1);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn any_document_extracts_without_panicking(text in any::<String>()) {
        extract_any(&text);
    }

    #[test]
    fn news_like_documents_extract_without_panicking(
        text in "(---\n(title|published|publisher): [a-z0-9 -]{0,12}\n---\n)?(WEBVTT\n|NOTE |00:00:01,000 --> 00:00:0[0-9].500|>> |<v A>|<p>|<h1>|# |\\*\\*|\\[|\\]\\(|<!-- figcheck-ignore: [a-z.]* -->|\n| |[0-9,.]{1,8}|killed|Gaza|hostages|on Tuesday|according to the Gaza health ministry|October 7|including|children|, |\\. ){0,40}"
    ) {
        extract_any(&text);
    }

    /// Text converted from PDF: form feeds, running heads, page numbers,
    /// words broken at a line's end, footnote numbers after a stop.
    #[test]
    fn paginated_texts_extract_without_panicking(
        text in "(\u{c}|\n|\n\n|   |Flash Update #35      [0-9]\n|Page [0-9] of [0-9]\n|- [0-9] -\n|Palestin-\n|ians|twenty-\n|Hamas-\n|run|women\\.[0-9] |\\(UNRWA\\)\\.[0-9]\n|[0-9,.]{1,8}|killed|Gaza|on 7\n|October|fatalities in Gaza|\u{200b}|, |\\. ){0,50}"
    ) {
        extract_any(&text);
    }
}
