//! `cargo bench`: the cost of each stage on generated corpora of 1, 100 and 1,000
//! treaties, next to a bare pest parse of the same text, so the overhead of the tree,
//! the model, the rules and rendering reads as a ratio of parsing.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use pest::Parser;
use std::hint::black_box;
use treaty::analysis::{check, model_of, Settings};
use treaty::cli::check::render_human;
use treaty::diagnostics::human::HumanStyle;
use treaty::source::SourceFile;
use treaty::syntax::{self, Rule, TreatyParser};

fn stages(c: &mut Criterion) {
    let settings = Settings::default();
    let mut group = c.benchmark_group("stages");
    group.sample_size(20);
    for count in [1usize, 100, 1000] {
        let text = treaty::generate::treaties(42, count, false);
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(BenchmarkId::new("pest_bare", count), &text, |b, text| {
            b.iter(|| {
                let pairs = TreatyParser::parse(Rule::file, text).expect("parses");
                black_box(pairs.flatten().count())
            })
        });
        group.bench_with_input(BenchmarkId::new("syntax", count), &text, |b, text| {
            b.iter(|| black_box(syntax::parse(text)))
        });
        group.bench_with_input(BenchmarkId::new("model", count), &text, |b, text| {
            b.iter(|| black_box(model_of(text)))
        });
        group.bench_with_input(BenchmarkId::new("check", count), &text, |b, text| {
            b.iter(|| {
                black_box(check(
                    SourceFile::new("bench.treaty", text.as_str()),
                    &settings,
                ))
            })
        });
        group.bench_with_input(
            BenchmarkId::new("check_and_render", count),
            &text,
            |b, text| {
                b.iter(|| {
                    let reports = [check(
                        SourceFile::new("bench.treaty", text.as_str()),
                        &settings,
                    )];
                    black_box(render_human(&reports, HumanStyle::plain()))
                })
            },
        );
    }
    group.finish();
}

criterion_group!(benches, stages);
criterion_main!(benches);
