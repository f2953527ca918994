//! Lists the message files in `locales/` for `treaty render --lang`: each `NAME.ftl`
//! becomes a language named NAME, embedded in the binary. Another language is another
//! file; no code changes.

use std::fmt::Write;
use std::path::Path;

fn main() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("locales");
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .expect("locales/ exists")
        .filter_map(|entry| {
            let path = entry.ok()?.path();
            println!("cargo:rerun-if-changed={}", path.display());
            (path.extension()? == "ftl").then(|| path.file_stem()?.to_str().map(String::from))?
        })
        .collect();
    names.sort();
    let mut out = String::from("/// Every language in `locales/`: its name and its messages.\n");
    out.push_str("pub const LOCALES: &[(&str, &str)] = &[\n");
    for name in &names {
        let path = dir.join(format!("{name}.ftl"));
        writeln!(
            out,
            "    ({name:?}, include_str!({:?})),",
            path.display().to_string()
        )
        .unwrap();
    }
    out.push_str("];\n");
    let target = Path::new(&std::env::var("OUT_DIR").unwrap()).join("locales.rs");
    std::fs::write(target, out).unwrap();
}
