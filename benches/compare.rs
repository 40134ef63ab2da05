//! Cost of the compare stage on synthetic claims: 10 thousand, 100
//! thousand and 1 million claims over a thousand metrics of every
//! behaviour, dated over two years. Time per claim should grow no faster
//! than log n. Run with `cargo bench --bench compare`.

use std::hint::black_box;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use figcheck::compare::{compare, synthetic};

fn compare_claims(c: &mut Criterion) {
    let pack = synthetic::pack(1000).expect("synthetic pack");
    let mut g = c.benchmark_group("compare");
    g.sample_size(10);
    g.measurement_time(Duration::from_secs(20));
    for n in [10_000usize, 100_000, 1_000_000] {
        let claims = synthetic::corpus(n, 1000);
        g.throughput(Throughput::Elements(n as u64));
        g.bench_with_input(BenchmarkId::from_parameter(n), &claims, |b, claims| {
            b.iter(|| black_box(compare(black_box(claims), &pack, &[]).len()))
        });
    }
    g.finish();
}

criterion_group!(benches, compare_claims);
criterion_main!(benches);
