//! What each stage's output holds in memory, and the peak while it is built, counted by
//! a wrapper around the binary's allocator (mimalloc), for `docs/performance.md`:
//!
//! ```sh
//! cargo run --release --example mem_breakdown -- FILE
//! ```
//!
//! "holds" is the heap still allocated once the stage is done (its output); "peak" is
//! the most that was allocated at once while it ran. The syntax tree and the model are
//! built here for the whole file, as the language server does; `treaty check` builds
//! them a piece at a time and keeps neither (the last line).

use std::alloc::{GlobalAlloc, Layout};
use std::sync::atomic::{AtomicUsize, Ordering};

use mimalloc::MiMalloc;

struct Counting;
static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

fn grew(by: usize) {
    let live = LIVE.fetch_add(by, Ordering::Relaxed) + by;
    PEAK.fetch_max(live, Ordering::Relaxed);
}

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        grew(layout.size());
        unsafe { MiMalloc.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
        unsafe { MiMalloc.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        if new_size > layout.size() {
            grew(new_size - layout.size());
        } else {
            LIVE.fetch_sub(layout.size() - new_size, Ordering::Relaxed);
        }
        unsafe { MiMalloc.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// Measures one stage: what `run`'s result holds and the peak while it ran, above
/// what was allocated before it started.
fn stage<T>(name: &str, size: usize, run: impl FnOnce() -> T) -> T {
    let before = LIVE.load(Ordering::Relaxed);
    PEAK.store(before, Ordering::Relaxed);
    let output = run();
    let holds = LIVE.load(Ordering::Relaxed) - before;
    let peak = PEAK.load(Ordering::Relaxed) - before;
    let times = |bytes: usize| bytes as f64 / size as f64;
    println!(
        "{name:<34} holds {:>7.1} MB ({:>4.1}x)   peak {:>7.1} MB ({:>4.1}x)",
        holds as f64 / 1e6,
        times(holds),
        peak as f64 / 1e6,
        times(peak)
    );
    output
}

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: mem_breakdown FILE");
        std::process::exit(2);
    };
    let text = std::fs::read_to_string(path).expect("a readable UTF-8 file");
    let size = text.len();
    println!("input {:.1} MB", size as f64 / 1e6);
    let parsed = stage("syntax tree, whole file", size, || {
        treaty::syntax::parse(&text)
    });
    let (model, _) = stage("model, whole file (tree kept)", size, || {
        treaty::model::resolve(&parsed.file)
    });
    drop(parsed);
    drop(model);
    let settings = treaty::analysis::Settings::default();
    let report = stage("check (the report it keeps)", size, || {
        treaty::analysis::check(
            treaty::source::SourceFile::new("input.treaty", text.clone()),
            &settings,
        )
    });
    println!("{} diagnostics", report.diagnostics.len());
}
