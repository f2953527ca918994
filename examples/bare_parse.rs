//! The floor a check is measured against (issue 19): pest over the grammar and a walk of
//! every pair, nothing else, with the binary's allocator and rule-call limit.
//!
//! ```sh
//! cargo run --release --example bare_parse -- [--grammar now|main] PATH...
//! ```
//!
//! `now` is `grammar/treaty.pest` (the checker's parser); `main` is the grammar as it was
//! before issue 19's rework, kept in `benches/baseline/treaty-main.pest` so that one
//! binary measures both, interleaved, in the same run (`benches/realistic.py`). A
//! directory is read whole (every `*.treaty` below it, as `treaty check` reads it); a
//! file over 64 KiB is parsed in pieces of at least 4 KiB cut at lines that open a
//! `treaty`, as the checker does. Files are parsed on every core, as the checker reads
//! them. Prints the number of pairs and bytes.

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use pest::Parser;
use std::path::{Path, PathBuf};

mod main_grammar {
    #[derive(pest_derive::Parser)]
    #[grammar = "../benches/baseline/treaty-main.pest"]
    pub struct MainParser;
}

fn pairs_now(text: &str) -> usize {
    use treaty::syntax::{Rule, TreatyParser};
    TreatyParser::parse(Rule::file, text).map_or(0, |pairs| pairs.flatten().count())
}

fn pairs_main(text: &str) -> usize {
    use main_grammar::{MainParser, Rule};
    MainParser::parse(Rule::file, text).map_or(0, |pairs| pairs.flatten().count())
}

/// Starts of the pieces: line starts that open a `treaty`, at least 4 KiB apart.
fn pieces(text: &str) -> Vec<&str> {
    const PIECE: usize = 4096;
    if text.len() <= 64 * 1024 {
        return vec![text];
    }
    let mut out = Vec::new();
    let mut start = 0;
    let mut search = PIECE;
    while search < text.len() {
        match text[search..].find("\ntreaty ") {
            Some(at) => {
                let cut = search + at + 1;
                out.push(&text[start..cut]);
                start = cut;
                search = cut + PIECE;
            }
            None => break,
        }
    }
    out.push(&text[start..]);
    out
}

fn collect(path: &Path, files: &mut Vec<PathBuf>) {
    if path.is_dir() {
        let mut entries: Vec<PathBuf> = std::fs::read_dir(path)
            .map(|dir| dir.filter_map(|e| e.ok().map(|e| e.path())).collect())
            .unwrap_or_default();
        entries.sort();
        for entry in entries {
            if entry.is_dir() || entry.extension().is_some_and(|e| e == "treaty") {
                collect(&entry, files);
            }
        }
    } else {
        files.push(path.to_path_buf());
    }
}

fn main() {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let mut parse: fn(&str) -> usize = pairs_now;
    if args.first().is_some_and(|a| a == "--grammar") && args.len() >= 2 {
        parse = match args[1].as_str() {
            "main" => pairs_main,
            "now" => pairs_now,
            other => {
                eprintln!("unknown grammar `{other}` (now or main)");
                std::process::exit(2);
            }
        };
        args.drain(..2);
    }
    treaty::syntax::set_rule_call_limit();
    let mut files = Vec::new();
    for arg in &args {
        collect(Path::new(arg), &mut files);
    }
    // Files on every core, as `treaty check` reads them; a file's pieces in order.
    use rayon::prelude::*;
    let (pairs, bytes) = files
        .par_iter()
        .map(|file| match std::fs::read_to_string(file) {
            Ok(text) => (
                pieces(&text).into_iter().map(parse).sum::<usize>(),
                text.len(),
            ),
            Err(_) => {
                eprintln!("cannot read {}", file.display());
                (0, 0)
            }
        })
        .reduce(|| (0, 0), |a, b| (a.0 + b.0, a.1 + b.1));
    println!("{pairs} pairs, {bytes} bytes");
}
