//! The editor support files, checked without any editor or tool installed: the VS Code
//! TextMate grammar and the tree-sitter grammar and its highlight query know every
//! keyword of `grammar/treaty.pest`; the queries name only nodes the grammar makes; the
//! VS Code, Neovim and Helix configurations register `.treaty`, start `treaty lsp` and
//! keep hyphenated words whole. `editors/check.sh` runs the tools themselves.

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
    // The manifest points at the bundle that `vscode:prepublish` builds from extension.js.
    assert_eq!(main, "dist/extension.js");
    let bundle = manifest["scripts"]["bundle"]
        .as_str()
        .expect("a bundle script");
    assert!(
        bundle.contains("esbuild extension.js --bundle")
            && bundle.contains(&format!("--outfile={main}"))
            && bundle.contains("--external:vscode"),
        "the bundle script builds {main} from extension.js: {bundle}"
    );
    assert_eq!(
        manifest["scripts"]["vscode:prepublish"], "npm run bundle",
        "`vsce package` bundles first"
    );
    let client = read("editors/vscode/extension.js");
    assert!(
        client.contains("args: [\"lsp\"]"),
        "the client runs `treaty lsp`"
    );
    assert!(
        client.contains("\"server.path\""),
        "the client reads the treaty.server.path setting"
    );
    assert!(
        manifest["contributes"]["configuration"]["properties"]["treaty.server.path"].is_object()
    );
}

#[test]
fn the_vscode_package_has_what_vsce_asks_for_and_ships_only_the_bundle() {
    let manifest = json("editors/vscode/package.json");
    // No repository address is known, so none is given (a made-up one would mislead):
    // the package script says so to vsce, which would warn otherwise, and no URL of
    // the reserved `.invalid` kind is left anywhere in the manifest.
    assert!(
        manifest.get("repository").is_none(),
        "{}",
        manifest["repository"]
    );
    let package = manifest["scripts"]["package"]
        .as_str()
        .expect("a package script");
    assert!(
        package.starts_with("vsce package") && package.contains("--allow-missing-repository"),
        "{package}"
    );
    assert!(!read("editors/vscode/package.json").contains(".invalid"));
    assert!(
        read("editors/check.sh").contains("npm run package"),
        "check.sh packages through the script"
    );
    assert!(read("editors/vscode/LICENSE").contains("MIT License"));
    let ignore = read("editors/vscode/.vscodeignore");
    let rules: Vec<&str> = ignore
        .lines()
        .filter(|line| !line.starts_with('#') && !line.trim().is_empty())
        .collect();
    assert_eq!(rules[0], "**", "everything is left out unless listed");
    for shipped in [
        "!package.json",
        "!dist/extension.js",
        "!LICENSE",
        "!README.md",
    ] {
        assert!(rules.contains(&shipped), "{shipped} in .vscodeignore");
    }
    assert!(
        !rules.iter().any(|rule| rule.contains("node_modules")),
        "the bundle holds the client library: node_modules is not shipped"
    );
    // Hyphenated words (`armed-attack`, `in-force`) are one word for the editor, as
    // they are for the server's completion.
    let configuration = json("editors/vscode/language-configuration.json");
    assert_eq!(configuration["wordPattern"], "[A-Za-z0-9][A-Za-z0-9_-]*");
}

/// The rule names of grammar.js (`name: $ =>`) and the names it aliases to.
fn tree_sitter_node_names(grammar_js: &str) -> BTreeSet<String> {
    let mut names = BTreeSet::new();
    for line in grammar_js.lines() {
        let line = line.trim_start();
        if let Some((name, _)) = line.split_once(": $ =>").or(line.split_once(": _ =>")) {
            if name.chars().all(|c| c.is_ascii_lowercase() || c == '_') {
                names.insert(name.to_string());
            }
        }
    }
    let mut rest = grammar_js;
    while let Some(start) = rest.find("alias(") {
        rest = &rest[start + 6..];
        if let Some((_, after)) = rest.split_once(", $.") {
            let name: String = after
                .chars()
                .take_while(|c| c.is_ascii_lowercase() || *c == '_')
                .collect();
            names.insert(name);
        }
    }
    names
}

/// Every `"literal"` and every `(node` of a tree-sitter query, comments and predicate
/// arguments left out.
fn query_names(query: &str) -> (BTreeSet<String>, BTreeSet<String>) {
    let mut literals = BTreeSet::new();
    let mut nodes = BTreeSet::new();
    let mut in_predicate = 0usize;
    for line in query.lines() {
        let code = line.split(';').next().unwrap_or("");
        let mut chars = code.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            match c {
                '(' if code[i + 1..].starts_with('#') => in_predicate += 1,
                '(' if in_predicate > 0 => in_predicate += 1,
                ')' if in_predicate > 0 => in_predicate -= 1,
                '(' => {
                    let name: String = code[i + 1..]
                        .chars()
                        .take_while(|c| c.is_ascii_lowercase() || *c == '_')
                        .collect();
                    if !name.is_empty() && name != "_" {
                        nodes.insert(name);
                    }
                }
                '"' => {
                    let end = code[i + 1..].find('"').expect("a closed string") + i + 1;
                    if in_predicate == 0 {
                        literals.insert(code[i + 1..end].to_string());
                    }
                    while chars.peek().is_some_and(|&(j, _)| j <= end) {
                        chars.next();
                    }
                }
                _ => {}
            }
        }
    }
    (literals, nodes)
}

#[test]
fn the_tree_sitter_grammar_and_its_highlights_know_every_keyword_of_the_pest_grammar() {
    let grammar_js = read("editors/tree-sitter-treaty/grammar.js");
    let highlights = read("editors/tree-sitter-treaty/queries/highlights.scm");
    let (highlighted, _) = query_names(&highlights);
    let mut missing_in_grammar = Vec::new();
    let mut missing_in_highlights = Vec::new();
    for keyword in grammar_keywords() {
        if !grammar_js.contains(&format!("'{keyword}'")) {
            missing_in_grammar.push(keyword.clone());
        }
        if !highlighted.contains(&keyword) {
            missing_in_highlights.push(keyword);
        }
    }
    assert!(
        missing_in_grammar.is_empty(),
        "keywords grammar.js does not know: {missing_in_grammar:?}"
    );
    assert!(
        missing_in_highlights.is_empty(),
        "keywords highlights.scm does not colour: {missing_in_highlights:?}"
    );
}

#[test]
fn the_tree_sitter_queries_name_only_nodes_and_tokens_of_the_grammar() {
    // A query naming a node or token the grammar does not make fails to load in Helix
    // and Neovim, and the whole file then colours (or folds) nothing.
    let grammar_js = read("editors/tree-sitter-treaty/grammar.js");
    let nodes = tree_sitter_node_names(&grammar_js);
    for required in ["treaty", "trigger", "scenario", "party_code", "treaty_name"] {
        assert!(
            nodes.contains(required),
            "grammar.js makes {required}: {nodes:?}"
        );
    }
    for query in ["highlights", "folds", "indents", "textobjects"] {
        let text = read(&format!("editors/tree-sitter-treaty/queries/{query}.scm"));
        let (literals, named) = query_names(&text);
        assert!(!named.is_empty(), "{query}.scm names nodes");
        let unknown: Vec<&String> = named.difference(&nodes).collect();
        assert!(
            unknown.is_empty(),
            "{query}.scm names unknown nodes {unknown:?}"
        );
        for literal in literals {
            assert!(
                grammar_js.contains(&format!("'{literal}'")),
                "{query}.scm names the token \"{literal}\" that grammar.js never makes"
            );
        }
    }
    // The Neovim plugin reads the very same query files.
    let linked = Path::new(env!("CARGO_MANIFEST_DIR")).join("editors/neovim/queries/treaty");
    assert!(
        linked.join("highlights.scm").is_file(),
        "editors/neovim/queries/treaty holds the grammar's queries"
    );
}

#[test]
fn the_neovim_plugin_starts_the_server_on_every_supported_version() {
    let config = read("editors/neovim/lsp/treaty.lua");
    assert!(config.contains(r#"cmd = { "treaty", "lsp" }"#));
    assert!(config.contains(r#"filetypes = { "treaty" }"#));
    let plugin = read("editors/neovim/plugin/treaty.lua");
    assert!(
        plugin.contains(r#"vim.lsp.enable("treaty")"#),
        "0.11: vim.lsp.enable"
    );
    assert!(
        plugin.contains("vim.lsp.start("),
        "0.9 and 0.10: vim.lsp.start"
    );
    let lspconfig = read("editors/neovim/lua/treaty/lspconfig.lua");
    assert!(lspconfig.contains(r#"require("lspconfig").treaty.setup"#));
    assert!(read("editors/neovim/ftdetect/treaty.lua").contains("treaty = \"treaty\""));
    let ftplugin = read("editors/neovim/ftplugin/treaty.lua");
    assert!(
        ftplugin.contains(r#"iskeyword:append("-")"#),
        "hyphenated words are words"
    );
    assert!(ftplugin.contains(r#"commentstring = "// %s""#));
}

#[test]
fn the_helix_configuration_starts_the_server_and_uses_the_grammar() {
    let text = read("editors/helix/languages.toml");
    let config: toml::Table = toml::from_str(&text).expect("languages.toml is TOML");
    let server = &config["language-server"]["treaty"];
    assert_eq!(server["command"].as_str(), Some("treaty"));
    assert_eq!(server["args"].as_array().map(Vec::len), Some(1));
    assert_eq!(server["args"][0].as_str(), Some("lsp"));
    let language = &config["language"][0];
    assert_eq!(language["name"].as_str(), Some("treaty"));
    assert_eq!(language["file-types"][0].as_str(), Some("treaty"));
    assert_eq!(language["language-servers"][0].as_str(), Some("treaty"));
    assert_eq!(language["comment-tokens"].as_str(), Some("//"));
    assert_eq!(
        language["word-completion"]["enable"].as_bool(),
        Some(false),
        "Helix's word completion splits hyphenated words"
    );
    let grammar = &config["grammar"][0];
    assert_eq!(grammar["name"].as_str(), language["grammar"].as_str());
    let path = grammar["source"]["path"].as_str().expect("a grammar path");
    assert!(path.ends_with("editors/tree-sitter-treaty"), "{path}");
}
