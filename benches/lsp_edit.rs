//! `cargo bench --bench lsp_edit`: one edit to a clause of a 5,000-line document made of
//! the bundled treaties (each copy's treaties renamed), through the language server's
//! message handler, until its `publishDiagnostics` is serialised (issue 16, item 6:
//! target 5 ms). The edit alternates between adding and removing a letter at the end
//! of one clause in the middle of the document, so every check re-parses that block.
//! `one_clause_to_published` sends the edits back to back; `keystroke_to_published`
//! waits 10 ms before each one, untimed (faster than anyone types), as an editor's
//! keystrokes come: work the server does off the path to a result between edits
//! (freeing the old version, copying what the next check hands out) is then done
//! before the edit arrives, as it is while someone types.

// The same allocator as the `treaty` binary, so the numbers are the command's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use lsp_server::{Message, Notification, Request, RequestId};
use serde_json::json;
use std::hint::black_box;

/// The bundled treaties, copy after copy with `_2`, `_3`... after each treaty's name,
/// until the text has 5,000 lines.
fn five_thousand_lines() -> String {
    let folder = concat!(env!("CARGO_MANIFEST_DIR"), "/treaties");
    let mut paths: Vec<_> = std::fs::read_dir(folder)
        .expect("the bundled treaties")
        .map(|entry| entry.expect("an entry").path())
        .filter(|path| path.extension().is_some_and(|e| e == "treaty"))
        .collect();
    paths.sort();
    let treaties: Vec<String> = paths
        .iter()
        .map(|path| std::fs::read_to_string(path).expect("a bundled treaty"))
        .collect();
    let mut text = String::new();
    for copy in 1.. {
        for treaty in &treaties {
            if text.lines().count() >= 5000 {
                return text;
            }
            let renamed = treaty
                .lines()
                .map(|line| match line.strip_prefix("treaty ") {
                    Some(rest) if copy > 1 => {
                        let (name, after) = rest.split_once(' ').unwrap_or((rest, ""));
                        format!("treaty {name}_{copy} {after}\n")
                    }
                    _ => format!("{line}\n"),
                })
                .collect::<String>();
            text.push_str(&renamed);
            text.push('\n');
        }
    }
    text
}

fn notification(method: &str, params: serde_json::Value) -> Message {
    Message::Notification(Notification::new(method.to_string(), params))
}

fn one_clause_edit(c: &mut Criterion) {
    let text = five_thousand_lines();
    let lines = text.lines().count();
    // A clause in the middle of the document.
    let (line, clause) = text
        .lines()
        .enumerate()
        .skip(lines / 2)
        .find(|(_, l)| l.starts_with("  provide ") || l.starts_with("  assist "))
        .expect("a clause after the middle");
    let end = clause.chars().count();
    let uri = "file:///bench/five-thousand.treaty";
    let mut server = treaty::lsp::Server::new();
    server.handle(Message::Request(Request::new(
        RequestId::from(1),
        "initialize".into(),
        json!({}),
    )));
    server.handle(notification("initialized", json!({})));
    server.handle(notification(
        "textDocument/didOpen",
        json!({ "textDocument": { "uri": uri, "languageId": "treaty", "version": 1, "text": text } }),
    ));
    let mut version = 1;
    // The change that makes version `version`: odd versions have the letter, even
    // ones do not.
    let edit = move |version: i64| {
        let (range_end, inserted) = if version % 2 == 0 {
            (end, "x")
        } else {
            (end + 1, "")
        };
        notification(
            "textDocument/didChange",
            json!({
                "textDocument": { "uri": uri, "version": version },
                "contentChanges": [{
                    "range": {
                        "start": { "line": line, "character": end },
                        "end": { "line": line, "character": range_end },
                    },
                    "text": inserted,
                }],
            }),
        )
    };
    let published = |server: &mut treaty::lsp::Server, message: Message| {
        let published = server.handle(message);
        assert_eq!(published.len(), 1);
        let mut wire = Vec::new();
        for message in published {
            message.write(&mut wire).expect("writes to memory");
        }
        wire
    };
    let mut group = c.benchmark_group("lsp_edit");
    group.sample_size(50);
    group.bench_function(BenchmarkId::new("one_clause_to_published", lines), |b| {
        b.iter_with_large_drop(|| {
            version += 1;
            black_box(published(&mut server, edit(version)))
        })
    });
    group.sample_size(20);
    group.measurement_time(std::time::Duration::from_secs(3));
    group.bench_function(BenchmarkId::new("keystroke_to_published", lines), |b| {
        b.iter_custom(|iterations| {
            let mut timed = std::time::Duration::ZERO;
            for _ in 0..iterations {
                std::thread::sleep(std::time::Duration::from_millis(10));
                version += 1;
                let message = edit(version);
                let started = std::time::Instant::now();
                let wire = published(&mut server, message);
                timed += started.elapsed();
                drop(black_box(wire));
            }
            timed
        })
    });
    group.measurement_time(std::time::Duration::from_secs(5));
    group.sample_size(50);
    // The same edit with nothing kept from the last check: the document is closed and
    // opened again with the edited text, so every piece is parsed. The difference
    // between the two is what the incremental check saves, measured on the same
    // machine in the same run.
    let edited = {
        let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
        lines[line].push('x');
        lines.join("\n") + "\n"
    };
    group.bench_function(BenchmarkId::new("from_scratch_to_published", lines), |b| {
        b.iter_with_large_drop(|| {
            version += 1;
            server.handle(notification(
                "textDocument/didClose",
                json!({ "textDocument": { "uri": uri } }),
            ));
            let open = notification(
                "textDocument/didOpen",
                json!({ "textDocument": { "uri": uri, "languageId": "treaty", "version": version, "text": edited } }),
            );
            black_box(published(&mut server, open))
        })
    });
    group.finish();
}

criterion_group!(benches, one_clause_edit);
criterion_main!(benches);
