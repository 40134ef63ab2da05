//! Throughput of the pipeline stages on a corpus made by repeating the seed
//! articles to 16 MB, against a baseline measured in the same run: one regex
//! that only finds candidate number tokens (digits, or number words between
//! ASCII word boundaries). Single thread. Run with `cargo bench`.

use std::hint::black_box;

use criterion::measurement::WallTime;
use criterion::{BenchmarkGroup, Criterion, Throughput, criterion_group, criterion_main};
use figcheck::document::{Document, Format, MetaFields};
use figcheck::extract;
use figcheck::quantity::{Recognizer, candidate_baseline};
use figcheck::rules::RulePack;

const CORPUS_BYTES: usize = 16 * 1024 * 1024;

/// The seed article texts, in file order.
fn seed_texts() -> Vec<String> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/seeds");
    let mut names: Vec<_> = std::fs::read_dir(dir)
        .expect("seeds directory")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    names.sort();
    names.iter().map(|p| std::fs::read_to_string(p).expect("seed text")).collect()
}

/// The seed articles repeated until the corpus reaches 16 MB.
fn corpus() -> String {
    let seeds = seed_texts();
    let mut out = String::with_capacity(CORPUS_BYTES + 8192);
    while out.len() < CORPUS_BYTES {
        for s in &seeds {
            out.push_str(s);
            out.push_str("\n\n");
        }
    }
    out
}

fn recognizer(c: &mut Criterion) {
    let text = corpus();
    let mut g = c.benchmark_group("recognizer");
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.sample_size(20);
    let baseline = candidate_baseline();
    g.bench_function("baseline: candidate regex", |b| {
        b.iter(|| black_box(baseline.find_iter(black_box(&text)).count()))
    });
    let r = Recognizer::english();
    g.bench_function("recognize", |b| b.iter(|| black_box(r.recognize(black_box(&text)).len())));
    g.finish();
}

/// The default pack, and the publication date documents are read with.
fn pack_and_date() -> (RulePack, MetaFields) {
    (
        RulePack::default_pack(),
        MetaFields { published: figcheck::dates::parse_date("2024-03-21"), ..Default::default() },
    )
}

/// A group of ten samples over `text`, opened with the baseline run over it.
fn group_with_baseline<'a>(c: &'a mut Criterion, name: &str, text: &str) -> BenchmarkGroup<'a, WallTime> {
    let mut g = c.benchmark_group(name);
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.sample_size(10);
    let baseline = candidate_baseline();
    g.bench_function("baseline: candidate regex", |b| {
        b.iter(|| black_box(baseline.find_iter(black_box(text)).count()))
    });
    g
}

/// Documents to claims with the default pack: loading metadata, sentence
/// segmentation, recognition, rule matching, as-of and attribution. The
/// same 16 MB, as copies of the five seed documents with a publication date.
fn extraction(c: &mut Criterion) {
    let text = corpus();
    let seeds = seed_texts();
    let copies = text.len() / seeds.iter().map(String::len).sum::<usize>();
    let (pack, meta) = pack_and_date();
    let mut g = group_with_baseline(c, "extraction", &text);
    g.bench_function("documents to claims", |b| {
        b.iter(|| {
            let mut claims = 0;
            for _ in 0..copies {
                for s in &seeds {
                    let mut problems = Vec::new();
                    let doc =
                        Document::build("seed.txt".into(), Format::Text, s.clone(), Some(meta.clone()), &mut problems);
                    claims += extract::extract(&doc, &pack).len();
                }
            }
            black_box(claims)
        })
    });
    g.finish();
}

/// A worst case that real archives hold: long sentences (2 KB) of varied
/// words, each with a figure about a strike named nowhere near it. The
/// rules' pattern set meets new states in every sentence (its lazy DFA
/// once gave up and fell to a slow engine), and each figure looks back
/// for its strike over the sentences before.
fn long_sentences(c: &mut Criterion) {
    const WORDS: [&str; 24] = [
        "the",
        "of",
        "and",
        "to",
        "in",
        "that",
        "was",
        "for",
        "with",
        "as",
        "on",
        "by",
        "people",
        "said",
        "after",
        "city",
        "night",
        "families",
        "officials",
        "road",
        "near",
        "house",
        "again",
        "more",
    ];
    let mut seed: u64 = 1;
    let mut text = String::new();
    for i in 0..1000 {
        text.push_str(&format!("The strike killed {} people", i % 90 + 2));
        for _ in 0..330 {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            text.push(' ');
            text.push_str(WORDS[(seed >> 33) as usize % WORDS.len()]);
        }
        text.push_str(".\n");
    }
    let (pack, meta) = pack_and_date();
    let mut g = group_with_baseline(c, "long sentences", &text);
    g.bench_function("documents to claims", |b| {
        b.iter(|| {
            let doc =
                Document::build("long.txt".into(), Format::Text, text.clone(), Some(meta.clone()), &mut Vec::new());
            black_box(extract::extract(&doc, &pack).len())
        })
    });
    g.finish();
}

/// Another worst case: sentences dense with figures (a table pasted as
/// text, a list of counts), where the rules' walks from every figure read
/// on past all the others. Three shapes of about 300 KB each: bare
/// figures, figures each with a word, and parts of wholes.
fn dense_figures(c: &mut Criterion) {
    let mut seed: u64 = 7;
    let mut next = |n: u64| {
        seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (seed >> 33) % n + 1
    };
    let mut shapes: Vec<(&str, String)> = Vec::new();
    let mut text = String::new();
    while text.len() < 300_000 {
        text.push_str(&(0..140).map(|_| next(1_000_000).to_string()).collect::<Vec<_>>().join(" "));
        text.push_str("\n\n");
    }
    shapes.push(("bare figures", std::mem::take(&mut text)));
    while text.len() < 300_000 {
        let items: Vec<String> = (0..150).map(|_| format!("{} killed", next(99_999))).collect();
        text.push_str(&format!("Officials said {}.\n\n", items.join(", ")));
    }
    shapes.push(("figures with words", std::mem::take(&mut text)));
    while text.len() < 300_000 {
        let items: Vec<String> =
            (0..40).map(|_| format!("{} of the {} hostages", next(200), 200 + next(200))).collect();
        text.push_str(&format!("Israel said {} remain in Gaza.\n\n", items.join(", ")));
    }
    shapes.push(("parts of wholes", text));
    let (pack, meta) = pack_and_date();
    for (name, text) in shapes {
        let mut g = group_with_baseline(c, &format!("dense figures, {name}"), &text);
        g.bench_function("documents to claims", |b| {
            b.iter(|| {
                let doc = Document::build(
                    "dense.txt".into(),
                    Format::Text,
                    text.clone(),
                    Some(meta.clone()),
                    &mut Vec::new(),
                );
                black_box(extract::extract(&doc, &pack).len())
            })
        });
        g.finish();
    }
}

criterion_group!(benches, recognizer, extraction, long_sentences, dense_figures);
criterion_main!(benches);
