//! `cargo bench`: the cost of each stage on generated corpora of 1, 100, 1,000 and
//! 10,000 treaties and on one 10 MB file, next to a bare pest parse of the same text, so
//! the overhead of the tree, the model, the rules and rendering reads as a ratio of
//! parsing; the formatter; and the language server's change-to-diagnostics round trip
//! on a 5,000-line document.

// The same allocator as the `treaty` binary, so the numbers are the command's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use pest::Parser;
use std::hint::black_box;
use treaty::analysis::{check, model_of, Settings};
use treaty::cli::check::render_human;
use treaty::output::human::HumanStyle;
use treaty::source::SourceFile;
use treaty::syntax::{self, Rule, TreatyParser};

fn stages(c: &mut Criterion) {
    // The bare parse runs with the rule-call limit the checker sets, as in `treaty`.
    syntax::set_rule_call_limit();
    let settings = Settings::default();
    let mut group = c.benchmark_group("stages");
    group.sample_size(20);
    for count in [1usize, 100, 1000, 10_000] {
        let text = treaty::generate::treaties(42, count, false);
        if count >= 10_000 {
            group.sample_size(10);
        }
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

/// Generated treaties until the text reaches `bytes`.
fn corpus_of_size(bytes: usize) -> String {
    let mut count = 1000;
    loop {
        let text = treaty::generate::treaties(42, count, false);
        if text.len() >= bytes {
            return text;
        }
        count = count * bytes / text.len().max(1) + 1;
    }
}

/// One 10 MB file: bare parse against the whole check.
fn ten_megabytes(c: &mut Criterion) {
    let settings = Settings::default();
    let text = corpus_of_size(10 << 20);
    syntax::set_rule_call_limit();
    let mut group = c.benchmark_group("file_10mb");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_function("pest_bare", |b| {
        b.iter(|| {
            let pairs = TreatyParser::parse(Rule::file, &text).expect("parses");
            black_box(pairs.flatten().count())
        })
    });
    group.bench_function("check", |b| {
        b.iter(|| {
            black_box(check(
                SourceFile::new("big.treaty", text.as_str()),
                &settings,
            ))
        })
    });
    group.finish();
}

fn formatter(c: &mut Criterion) {
    let mut group = c.benchmark_group("fmt");
    group.sample_size(20);
    for count in [1usize, 100, 1000] {
        let text = treaty::generate::treaties(42, count, false);
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(BenchmarkId::new("format", count), &text, |b, text| {
            b.iter(|| black_box(treaty::fmt::format_text(text).expect("formats")))
        });
    }
    group.finish();
}

/// A change to a 5,000-line document, through the server's message handler, until the
/// diagnostics to publish come back.
fn language_server(c: &mut Criterion) {
    use lsp_server::{Message, Notification, Request, RequestId};
    use serde_json::json;

    let mut text = String::new();
    let mut count = 100;
    while text.lines().count() < 5000 {
        text = treaty::generate::treaties(42, count, false);
        count += 20;
    }
    let lines = text.lines().count();
    let uri = "file:///bench/big.treaty";
    let mut server = treaty::lsp::Server::new();
    let initialize = Request::new(RequestId::from(1), "initialize".into(), json!({}));
    server.handle(Message::Request(initialize));
    server.handle(Message::Notification(Notification::new(
        "initialized".into(),
        json!({}),
    )));
    let open = json!({ "textDocument": { "uri": uri, "languageId": "treaty", "version": 1, "text": text } });
    server.handle(Message::Notification(Notification::new(
        "textDocument/didOpen".into(),
        open,
    )));

    let mut group = c.benchmark_group("lsp");
    group.sample_size(30);
    let mut version = 1;
    group.bench_function(BenchmarkId::new("change_to_diagnostics", lines), |b| {
        // The messages are written out as the server writes them; freeing the bytes
        // afterwards is not part of the round trip.
        b.iter_with_large_drop(|| {
            version += 1;
            // Retype one character in the middle of the document.
            let change = json!({
                "textDocument": { "uri": uri, "version": version },
                "contentChanges": [{
                    "range": { "start": { "line": 2500, "character": 0 }, "end": { "line": 2500, "character": 1 } },
                    "text": " ",
                }],
            });
            let published = server.handle(Message::Notification(Notification::new(
                "textDocument/didChange".into(),
                change,
            )));
            assert_eq!(published.len(), 1);
            let mut wire = Vec::new();
            for message in published {
                message.write(&mut wire).expect("writes to memory");
            }
            black_box(wire)
        })
    });
    group.finish();
}

criterion_group!(benches, stages, ten_megabytes, formatter, language_server);
criterion_main!(benches);
