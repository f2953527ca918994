//! Live heap bytes held by each stage's output on a file (a counting allocator), for
//! `docs/performance.md`: `cargo run --release --example mem_breakdown -- FILE`.

use std::alloc::{GlobalAlloc, Layout};

// The binary's allocator, counted.
use mimalloc::MiMalloc as System;
use std::sync::atomic::{AtomicUsize, Ordering};

struct Counting;
static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let live = LIVE.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
        PEAK.fetch_max(live, Ordering::Relaxed);
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        if new_size > layout.size() {
            let live = LIVE.fetch_add(new_size - layout.size(), Ordering::Relaxed) + new_size
                - layout.size();
            PEAK.fetch_max(live, Ordering::Relaxed);
        } else {
            LIVE.fetch_sub(layout.size() - new_size, Ordering::Relaxed);
        }
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

fn mb(bytes: usize) -> String {
    format!("{:.1} MB", bytes as f64 / 1e6)
}

fn report(what: &str, base: usize, size: usize) {
    let live = LIVE.load(Ordering::Relaxed);
    let peak = PEAK.swap(live, Ordering::Relaxed);
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let field = |name: &str| {
        status
            .lines()
            .find(|l| l.starts_with(name))
            .and_then(|l| l.split_whitespace().nth(1))
            .and_then(|kb| kb.parse::<usize>().ok())
            .map_or(0, |kb| kb * 1024)
    };
    println!(
        "{what:<12} rss {:>10} hwm {:>10} ({:>5.1}x)",
        mb(field("VmRSS:")),
        mb(field("VmHWM:")),
        field("VmHWM:") as f64 / size as f64
    );
    println!(
        "{what:<12} holds {:>10} ({:>5.1}x)   peak so far {:>10} ({:>5.1}x)",
        mb(live - base),
        (live - base) as f64 / size as f64,
        mb(peak),
        peak as f64 / size as f64
    );
}

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: mem_breakdown FILE");
        std::process::exit(2);
    };
    let text = std::fs::read_to_string(path).expect("a readable UTF-8 file");
    let size = text.len();
    let base = LIVE.load(Ordering::Relaxed);
    PEAK.store(base, Ordering::Relaxed);
    println!("input        {}", mb(size));
    let parsed = treaty::syntax::parse(&text);
    report("syntax tree", base, size);
    sizes(&parsed);
    let (model, diagnostics) = treaty::model::resolve(&parsed.file);
    report("+ model", base, size);
    drop(parsed);
    drop(diagnostics);
    report("model alone", base, size);
    drop(model);
    let settings = treaty::analysis::Settings::default();
    let report_ = treaty::analysis::check(
        treaty::source::SourceFile::new("input.treaty", text.clone()),
        &settings,
    );
    report("check", base, size);
    println!("diagnostics  {}", report_.diagnostics.len());
}
#[allow(dead_code)]
fn sizes(parsed: &treaty::syntax::Parsed) {
    use treaty::syntax::ast::*;
    let clauses: usize = parsed
        .file
        .treaties
        .iter()
        .map(|t| {
            t.clauses.len()
                + t.clauses
                    .iter()
                    .map(|c| match &c.kind {
                        ClauseKind::Trigger { clauses, .. } => clauses.len(),
                        _ => 0,
                    })
                    .sum::<usize>()
        })
        .sum();
    println!("clauses {clauses} Clause {} ClauseKind {} Word {} Qualifier {} PartyList {} Diagnostic {} syntax diags {}", std::mem::size_of::<Clause>(), std::mem::size_of::<ClauseKind>(), std::mem::size_of::<Word>(), std::mem::size_of::<Qualifier>(), std::mem::size_of::<PartyList>(), std::mem::size_of::<treaty::diagnostics::Diagnostic>(), parsed.diagnostics.len());
    println!(
        "model Treaty {} Obligation {} Duty {} PartyRef {}",
        std::mem::size_of::<treaty::model::Treaty>(),
        std::mem::size_of::<treaty::model::Obligation>(),
        std::mem::size_of::<treaty::model::Duty>(),
        std::mem::size_of::<treaty::model::PartyRef>()
    );
}
