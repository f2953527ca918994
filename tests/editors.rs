//! The editor support files: the VS Code TextMate grammar is valid JSON, colours every
//! keyword of `grammar/treaty.pest`, and the extension manifest registers `.treaty`.

use std::collections::BTreeSet;
use std::path::Path;

use serde_json::Value;

fn read(path: &str) -> String {
    let full = Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
    std::fs::read_to_string(&full).unwrap_or_else(|e| panic!("cannot read {path}: {e}"))
}

fn json(path: &str) -> Value {
    serde_json::from_str(&read(path)).unwrap_or_else(|e| panic!("{path} is not valid JSON: {e}"))
}

/// The literal of every `kw_* = @{ "word" ~ ... }` rule of the grammar.
fn grammar_keywords() -> BTreeSet<String> {
    let pest = read("grammar/treaty.pest");
    let keywords: BTreeSet<String> = pest
        .lines()
        .filter(|line| line.starts_with("kw_"))
        .filter_map(|line| {
            let start = line.find('"')? + 1;
            let end = start + line[start..].find('"')?;
            Some(line[start..end].to_string())
        })
        .collect();
    assert!(
        keywords.len() > 50,
        "the grammar's keywords were found: {keywords:?}"
    );
    keywords
}

/// Every alternative of every `(?:a|b|c)` group in the TextMate grammar's patterns.
fn coloured_words(grammar: &Value) -> BTreeSet<String> {
    fn walk(value: &Value, out: &mut BTreeSet<String>) {
        match value {
            Value::Object(map) => {
                if let Some(Value::String(pattern)) = map.get("match") {
                    let mut rest = pattern.as_str();
                    while let Some(start) = rest.find("(?:") {
                        let group = &rest[start + 3..];
                        let Some(end) = group.find(')') else { break };
                        out.extend(group[..end].split('|').map(str::to_string));
                        rest = &group[end..];
                    }
                }
                map.values().for_each(|v| walk(v, out));
            }
            Value::Array(items) => items.iter().for_each(|v| walk(v, out)),
            _ => {}
        }
    }
    let mut out = BTreeSet::new();
    walk(grammar, &mut out);
    out
}

#[test]
fn the_textmate_grammar_knows_every_keyword_of_the_pest_grammar() {
    let grammar = json("editors/vscode/syntaxes/treaty.tmLanguage.json");
    assert_eq!(grammar["scopeName"], "source.treaty");
    let coloured = coloured_words(&grammar);
    let missing: Vec<String> = grammar_keywords().difference(&coloured).cloned().collect();
    assert!(
        missing.is_empty(),
        "keywords the TextMate grammar does not colour: {missing:?}"
    );
    // Every pattern the top level includes exists in the repository.
    for include in grammar["patterns"].as_array().expect("patterns") {
        let name = include["include"]
            .as_str()
            .expect("include")
            .trim_start_matches('#');
        assert!(
            grammar["repository"].get(name).is_some(),
            "missing repository entry {name}"
        );
    }
}

#[test]
fn the_extension_registers_treaty_files_and_starts_the_server() {
    let manifest = json("editors/vscode/package.json");
    let language = &manifest["contributes"]["languages"][0];
    assert_eq!(language["id"], "treaty");
    assert_eq!(language["extensions"][0], ".treaty");
    let grammar = &manifest["contributes"]["grammars"][0];
    assert_eq!(grammar["scopeName"], "source.treaty");
    let grammar_path = grammar["path"]
        .as_str()
        .expect("path")
        .trim_start_matches("./");
    json(&format!("editors/vscode/{grammar_path}"));
    json("editors/vscode/language-configuration.json");
    let main = manifest["main"]
        .as_str()
        .expect("main")
        .trim_start_matches("./");
    let client = read(&format!("editors/vscode/{main}"));
    assert!(
        client.contains("args: [\"lsp\"]"),
        "the client runs `treaty lsp`"
    );
}
