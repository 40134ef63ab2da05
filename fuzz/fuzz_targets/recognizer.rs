//! Any text: every figure's span lies on character boundaries inside the
//! text, its text is that slice, and its interval is ordered.
#![no_main]

use figcheck::quantity::Recognizer;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    for q in Recognizer::english().recognize(&text) {
        assert!(q.span.start <= q.span.end && q.span.end <= text.len());
        assert!(text.is_char_boundary(q.span.start) && text.is_char_boundary(q.span.end));
        assert_eq!(&text[q.span.clone()], &*q.text);
        if let Some(iv) = q.interval {
            assert!(!(iv.lo > iv.hi), "{:?} gives {iv:?}", q.text);
        }
    }
});
