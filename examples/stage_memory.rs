//! Peak memory of one stage on a file, for `docs/performance.md`:
//! `/usr/bin/time -f %M cargo run --release --example stage_memory -- STAGE FILE`,
//! where STAGE is `pest`, `syntax`, `model` or `check`.

use pest::Parser;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(stage), Some(path)) = (args.first(), args.get(1)) else {
        eprintln!("usage: stage_memory pest|syntax|model|check FILE");
        std::process::exit(2);
    };
    let text = std::fs::read_to_string(path).expect("a readable UTF-8 file");
    let count = match stage.as_str() {
        "pest" => treaty::syntax::TreatyParser::parse(treaty::syntax::Rule::file, &text)
            .map(|pairs| pairs.flatten().count())
            .unwrap_or(0),
        "syntax" => treaty::syntax::parse(&text).file.treaties.len(),
        "model" => treaty::analysis::model_of(&text).0.treaties.len(),
        _ => {
            let settings = treaty::analysis::Settings::default();
            treaty::analysis::check(
                treaty::source::SourceFile::new(path.as_str(), text),
                &settings,
            )
            .diagnostics
            .len()
        }
    };
    println!("{stage}: {count}");
}
