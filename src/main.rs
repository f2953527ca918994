// mimalloc: the checker makes many small allocations (words, clauses, diagnostics);
// with it a full check of a large file is markedly faster than with the system
// allocator (docs/performance.md has the numbers).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    treaty::cli::main()
}
