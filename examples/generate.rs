//! Write a generated corpus to standard output, for the measurements in
//! `docs/performance.md`: `cargo run --release --example generate -- SEED COUNT [broken]`.

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let number = |i: usize, default: u64| {
        args.get(i)
            .and_then(|a| a.parse::<u64>().ok())
            .unwrap_or(default)
    };
    let seed = number(0, 42);
    let count = number(1, 1000) as usize;
    let broken = args.get(2).is_some_and(|a| a == "broken");
    print!("{}", treaty::generate::treaties(seed, count, broken));
}
