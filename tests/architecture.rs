//! The layout of `src/` as a test: every import points down the pipeline, no modules
//! import each other in a circle, and no source file grows past a size a reader can
//! hold. `docs/design.md` ("Stages") describes the same table in prose.
//!
//! Imports are read from the text: `use` trees (groups and `self` expanded), and
//! `crate::`, `super::` and `self::` paths anywhere in the code, with comments and
//! string literals removed first. Each is resolved to the deepest module it names.
//! Unit tests inside `src/` count like any other code.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

/// The stages, lowest first. A module may import its own stage or a lower one. A
/// module belongs to the stage of the longest prefix listed here; every module must
/// match one, so a new top-level module has to be placed deliberately.
const STAGES: &[(&str, &[&str])] = &[
    (
        "leaves",
        &["span", "vocab", "suggest", "terminal", "cancel"],
    ),
    ("diagnostics core", &["diagnostics"]),
    ("input layer", &["input"]),
    ("source", &["source"]),
    ("syntax", &["syntax"]),
    ("model", &["model"]),
    ("rules", &["rules"]),
    ("config", &["config"]),
    ("analysis", &["analysis"]),
    (
        "tools on checked treaties",
        &[
            "scenario", "compare", "fmt", "generate", "uplift", "counter",
        ],
    ),
    // `output::render` (treaty render) reads the model and the analysis's gaps.
    ("renderers", &["output", "output::render"]),
    ("front ends", &["lsp", "cli"]),
    // lib.rs only declares the modules.
    ("crate root", &[""]),
];

/// No file under `src/` may be longer than this (tests included: they are read too).
const MAX_LINES: usize = 800;

#[derive(Debug, Clone)]
struct Import {
    from: String,
    to: String,
    file: PathBuf,
    line: usize,
    path: String,
}

#[test]
fn imports_point_down_the_pipeline() {
    let modules = modules();
    let imports = imports(&modules);
    let mut upward = Vec::new();
    for import in &imports {
        let (from, to) = (stage_of(&import.from), stage_of(&import.to));
        if to > from {
            upward.push(format!(
                "{}:{}: `{}` ({}, stage {}) imports `{}` ({}, stage {})",
                import.file.display(),
                import.line,
                module_name(&import.from),
                STAGES[from].0,
                from,
                import.path,
                STAGES[to].0,
                to
            ));
        }
    }
    assert!(
        upward.is_empty(),
        "imports from a lower stage to a higher one (move the item down, or the \
         importing code up):\n{}",
        upward.join("\n")
    );
}

#[test]
fn no_import_cycles() {
    let modules = modules();
    let imports = imports(&modules);
    let mut cycles = Vec::new();
    // At every level: the children of one module, each standing for its whole subtree,
    // must not import each other in a circle. A module and its own parent or children
    // are one unit here (a parent declares and re-exports; a child uses its parent).
    for parent in modules.keys() {
        let children: BTreeSet<&String> = modules
            .keys()
            .filter(|m| parent_of(m).as_deref() == Some(parent.as_str()))
            .collect();
        if children.len() < 2 {
            continue;
        }
        let child_of = |module: &str| -> Option<&String> {
            children
                .iter()
                .copied()
                .find(|c| module == c.as_str() || module.starts_with(&format!("{c}::")))
        };
        let mut edges: BTreeMap<&String, BTreeMap<&String, &Import>> = BTreeMap::new();
        for import in &imports {
            if let (Some(a), Some(b)) = (child_of(&import.from), child_of(&import.to)) {
                if a != b {
                    edges.entry(a).or_default().entry(b).or_insert(import);
                }
            }
        }
        if let Some(cycle) = find_cycle(&children, &edges) {
            let mut lines = Vec::new();
            for pair in cycle.windows(2) {
                let import = edges[pair[0]][pair[1]];
                lines.push(format!(
                    "  `{}` -> `{}`: {}:{} imports `{}`",
                    module_name(pair[0]),
                    module_name(pair[1]),
                    import.file.display(),
                    import.line,
                    import.path
                ));
            }
            cycles.push(format!(
                "inside `{}`:\n{}",
                module_name(parent),
                lines.join("\n")
            ));
        }
    }
    assert!(cycles.is_empty(), "import cycles:\n{}", cycles.join("\n"));
}

#[test]
fn no_source_file_is_too_long() {
    let mut long = Vec::new();
    for file in rust_files(&src_dir()) {
        let lines = fs::read_to_string(&file).unwrap().lines().count();
        if lines > MAX_LINES {
            long.push(format!("{}: {lines} lines", file.display()));
        }
    }
    assert!(
        long.is_empty(),
        "source files over {MAX_LINES} lines (split them by job):\n{}",
        long.join("\n")
    );
}

#[test]
fn the_reader_sees_through_groups_comments_and_strings() {
    let mut modules = BTreeMap::new();
    for m in ["", "a", "a::b", "a::c", "d"] {
        modules.insert(m.to_string(), PathBuf::from("x.rs"));
    }
    let text = "use crate::a::{b::{self, X}, c as see};\nuse super::c::Y;\n\
                // crate::d::Z\nconst S: &str = \"crate::d\";\nfn f() { crate::d::g(); }\n\
                #[cfg(test)]\nmod tests { use super::X; }\n";
    let found: Vec<(String, String)> = imports_in(text, "a::b", Path::new("x.rs"), &modules)
        .into_iter()
        .map(|i| (i.to, i.path))
        .collect();
    let expected = [
        ("a::b", "crate::a::b"),
        ("a::b", "crate::a::b::X"),
        ("a::c", "crate::a::c"),
        ("a::c", "super::c::Y"),
        ("d", "crate::d::g"),
        ("a::b", "super::X"),
    ];
    let expected: Vec<(String, String)> = expected
        .iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect();
    assert_eq!(found, expected);
}

fn src_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

fn module_name(module: &str) -> String {
    if module.is_empty() {
        "crate".to_string()
    } else {
        module.to_string()
    }
}

fn parent_of(module: &str) -> Option<String> {
    if module.is_empty() {
        None
    } else {
        Some(module.rsplit_once("::").map_or("", |(p, _)| p).to_string())
    }
}

fn stage_of(module: &str) -> usize {
    let mut best: Option<(usize, usize)> = None;
    for (stage, (_, prefixes)) in STAGES.iter().enumerate() {
        for prefix in *prefixes {
            let matches = prefix.is_empty()
                || module == *prefix
                || module.starts_with(&format!("{prefix}::"));
            if matches && best.is_none_or(|(len, _)| prefix.len() > len) {
                best = Some((prefix.len(), stage));
            }
        }
    }
    let (len, stage) = best.unwrap();
    assert!(
        len > 0 || module.is_empty(),
        "module `{module}` is in no stage: add it to STAGES in tests/architecture.rs"
    );
    stage
}

fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut entries: Vec<_> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            files.extend(rust_files(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            files.push(path);
        }
    }
    files
}

/// Every module of the library, by path (`""` is the crate root), with its file.
/// `main.rs` is the binary, a crate of its own.
fn modules() -> BTreeMap<String, PathBuf> {
    let src = src_dir();
    let mut modules = BTreeMap::new();
    for file in rust_files(&src) {
        let relative = file.strip_prefix(&src).unwrap().with_extension("");
        let mut parts: Vec<String> = relative
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect();
        if parts.last().is_some_and(|p| p == "mod") {
            parts.pop();
        }
        if parts == ["main"] {
            continue;
        }
        if parts == ["lib"] {
            parts.clear();
        }
        modules.insert(parts.join("::"), file);
    }
    modules
}

fn imports(modules: &BTreeMap<String, PathBuf>) -> Vec<Import> {
    let mut all = Vec::new();
    for (module, file) in modules {
        let text = fs::read_to_string(file).unwrap();
        let shown = file.strip_prefix(env!("CARGO_MANIFEST_DIR")).unwrap();
        all.extend(imports_in(&text, module, shown, modules));
    }
    all
}

#[derive(Debug, Clone, PartialEq)]
enum Token {
    Ident(String),
    Punct(char),
    PathSep,
}

/// Tokens with their line numbers; comments, strings and character literals dropped.
fn tokens(text: &str) -> Vec<(Token, usize)> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let (mut i, mut line) = (0, 1);
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        if c == '\n' {
            line += 1;
            i += 1;
        } else if c.is_whitespace() {
            i += 1;
        } else if c == '/' && next == Some('/') {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
        } else if c == '/' && next == Some('*') {
            let mut depth = 0;
            while i < chars.len() {
                if chars[i] == '/' && chars.get(i + 1) == Some(&'*') {
                    depth += 1;
                    i += 2;
                } else if chars[i] == '*' && chars.get(i + 1) == Some(&'/') {
                    depth -= 1;
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    line += usize::from(chars[i] == '\n');
                    i += 1;
                }
            }
        } else if c == '"' || ((c == 'r' || c == 'b') && raw_string_start(&chars, i).is_some()) {
            let (start, hashes) = if c == '"' {
                (i + 1, None)
            } else {
                raw_string_start(&chars, i).unwrap()
            };
            i = start;
            while i < chars.len() {
                match (chars[i], hashes) {
                    ('\\', None) => i += 1,
                    ('"', None) => break,
                    ('"', Some(n)) if (1..=n).all(|k| chars.get(i + k) == Some(&'#')) => {
                        i += n;
                        break;
                    }
                    ('\n', _) => line += 1,
                    _ => {}
                }
                i += 1;
            }
            i += 1;
        } else if c == '\'' {
            // A character literal ('x', '\n', '\u{..}') or a lifetime ('a).
            if next == Some('\\') {
                i += 2;
                while i < chars.len() && chars[i] != '\'' {
                    i += 1;
                }
                i += 1;
            } else if chars.get(i + 2) == Some(&'\'') {
                i += 3;
            } else {
                i += 1;
                while i < chars.len() && (chars[i].is_alphanumeric() || chars[i] == '_') {
                    i += 1;
                }
            }
        } else if c.is_alphanumeric() || c == '_' {
            let start = i;
            while i < chars.len() && (chars[i].is_alphanumeric() || chars[i] == '_') {
                i += 1;
            }
            out.push((Token::Ident(chars[start..i].iter().collect()), line));
        } else if c == ':' && next == Some(':') {
            out.push((Token::PathSep, line));
            i += 2;
        } else {
            out.push((Token::Punct(c), line));
            i += 1;
        }
    }
    out
}

/// Where a raw (or byte) string literal's text starts, and its number of `#`s.
fn raw_string_start(chars: &[char], i: usize) -> Option<(usize, Option<usize>)> {
    let mut j = i;
    if chars[j] == 'b' {
        j += 1;
        if chars.get(j) == Some(&'"') {
            return Some((j + 1, None));
        }
    }
    if chars.get(j) != Some(&'r') {
        return None;
    }
    j += 1;
    let mut hashes = 0;
    while chars.get(j) == Some(&'#') {
        hashes += 1;
        j += 1;
    }
    // `r` alone is an identifier, `r#ident` a raw identifier.
    if chars.get(j) == Some(&'"') && (i == 0 || !is_ident_char(chars[i - 1])) {
        Some((j + 1, Some(hashes)))
    } else {
        None
    }
}

fn is_ident_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// The imports of one file, in order.
fn imports_in(
    text: &str,
    module: &str,
    file: &Path,
    modules: &BTreeMap<String, PathBuf>,
) -> Vec<Import> {
    let tokens = tokens(text);
    // (path, line, the inline modules (`mod tests { ... }`) the path stands in)
    let mut paths: Vec<(Vec<String>, usize, Vec<String>)> = Vec::new();
    let mut inline: Vec<(String, usize)> = Vec::new();
    let mut depth: usize = 0;
    let mut i = 0;
    while i < tokens.len() {
        match &tokens[i].0 {
            Token::Punct('{') => depth += 1,
            Token::Punct('}') => {
                depth = depth.checked_sub(1).unwrap_or_else(|| {
                    panic!(
                        "{}: unbalanced `}}` on line {}",
                        file.display(),
                        tokens[i].1
                    )
                });
                if inline.last().is_some_and(|(_, at)| *at == depth) {
                    inline.pop();
                }
            }
            Token::Ident(word) if word == "mod" => {
                if let (Some(Token::Ident(name)), Some(Token::Punct('{'))) = (
                    tokens.get(i + 1).map(|t| &t.0),
                    tokens.get(i + 2).map(|t| &t.0),
                ) {
                    inline.push((name.clone(), depth));
                }
            }
            _ => {}
        }
        let starts_use = tokens[i].0 == Token::Ident("use".into())
            && (i == 0 || tokens[i - 1].0 != Token::PathSep);
        if starts_use {
            i += 1;
            let mut found = Vec::new();
            use_tree(&tokens, &mut i, Vec::new(), &mut found);
            let inside = names(&inline);
            paths.extend(found.into_iter().map(|(p, l)| (p, l, inside.clone())));
            continue;
        }
        // A path in code: `crate::`, `super::` or `self::` not preceded by `::`.
        if let Token::Ident(word) = &tokens[i].0 {
            let rooted = matches!(word.as_str(), "crate" | "super" | "self");
            let after_sep = i > 0 && tokens[i - 1].0 == Token::PathSep;
            if rooted && !after_sep && tokens.get(i + 1).map(|t| &t.0) == Some(&Token::PathSep) {
                let line = tokens[i].1;
                let mut path = vec![word.clone()];
                let mut j = i + 1;
                while tokens.get(j).map(|t| &t.0) == Some(&Token::PathSep) {
                    match tokens.get(j + 1).map(|t| &t.0) {
                        Some(Token::Ident(next)) => path.push(next.clone()),
                        _ => break,
                    }
                    j += 2;
                }
                paths.push((path, line, names(&inline)));
                i = j;
                continue;
            }
        }
        i += 1;
    }
    let mut found = Vec::new();
    for (path, line, inside) in paths {
        let mut within: Vec<&str> = module.split("::").filter(|m| !m.is_empty()).collect();
        within.extend(inside.iter().map(String::as_str));
        let Some(absolute) = absolute(&path, &within, modules) else {
            continue;
        };
        let Some(target) = deepest_module(&absolute, modules) else {
            continue;
        };
        found.push(Import {
            from: module.to_string(),
            to: target,
            file: file.to_path_buf(),
            line,
            path: path.join("::"),
        });
    }
    found
}

fn names(inline: &[(String, usize)]) -> Vec<String> {
    inline.iter().map(|(name, _)| name.clone()).collect()
}

/// Read one use tree at `tokens[*i]`, pushing each full path it names.
fn use_tree(
    tokens: &[(Token, usize)],
    i: &mut usize,
    mut prefix: Vec<String>,
    out: &mut Vec<(Vec<String>, usize)>,
) {
    let line = tokens.get(*i).map_or(0, |t| t.1);
    loop {
        match tokens.get(*i).map(|t| &t.0) {
            Some(Token::PathSep) => *i += 1,
            Some(Token::Ident(word)) if word == "as" => {
                *i += 2;
                out.push((prefix, line));
                return;
            }
            Some(Token::Ident(word)) if word == "self" && !prefix.is_empty() => {
                *i += 1;
                out.push((prefix, line));
                return;
            }
            Some(Token::Ident(word)) => {
                prefix.push(word.clone());
                *i += 1;
            }
            Some(Token::Punct('*')) => {
                *i += 1;
                out.push((prefix, line));
                return;
            }
            Some(Token::Punct('{')) => {
                *i += 1;
                loop {
                    match tokens.get(*i).map(|t| &t.0) {
                        Some(Token::Punct('}')) | None => {
                            *i += 1;
                            return;
                        }
                        Some(Token::Punct(',')) => *i += 1,
                        _ => use_tree(tokens, i, prefix.clone(), out),
                    }
                }
            }
            _ => {
                out.push((prefix, line));
                return;
            }
        }
    }
}

/// A path made absolute (without `crate`), or `None` for another crate's path.
fn absolute(
    path: &[String],
    module: &[&str],
    modules: &BTreeMap<String, PathBuf>,
) -> Option<Vec<String>> {
    let mut current: Vec<String> = module.iter().map(|m| m.to_string()).collect();
    let mut rest = path;
    match rest.first().map(String::as_str) {
        Some("crate") => {
            current.clear();
            rest = &rest[1..];
        }
        Some("super") | Some("self") => {
            while let Some(first) = rest.first() {
                match first.as_str() {
                    "super" => {
                        current.pop();
                    }
                    "self" => {}
                    _ => break,
                }
                rest = &rest[1..];
            }
        }
        Some(first) => {
            // A plain `use child::...` names a submodule of this module; anything
            // else is another crate (std, serde, ...) or a local item.
            let mut child = current.clone();
            child.push(first.to_string());
            if !modules.contains_key(&child.join("::")) {
                return None;
            }
        }
        None => return None,
    }
    current.extend(rest.iter().cloned());
    Some(current)
}

fn deepest_module(path: &[String], modules: &BTreeMap<String, PathBuf>) -> Option<String> {
    (0..=path.len())
        .rev()
        .map(|n| path[..n].join("::"))
        .find(|m| modules.contains_key(m))
}

/// A cycle among `nodes` as a closed walk (first node repeated last), if any.
fn find_cycle<'a>(
    nodes: &BTreeSet<&'a String>,
    edges: &BTreeMap<&'a String, BTreeMap<&'a String, &Import>>,
) -> Option<Vec<&'a String>> {
    fn visit<'a>(
        node: &'a String,
        edges: &BTreeMap<&'a String, BTreeMap<&'a String, &Import>>,
        done: &mut BTreeSet<&'a String>,
        stack: &mut Vec<&'a String>,
    ) -> Option<Vec<&'a String>> {
        if let Some(at) = stack.iter().position(|n| *n == node) {
            let mut cycle = stack[at..].to_vec();
            cycle.push(node);
            return Some(cycle);
        }
        if done.contains(node) {
            return None;
        }
        stack.push(node);
        for next in edges.get(node).into_iter().flat_map(|e| e.keys()) {
            if let Some(cycle) = visit(next, edges, done, stack) {
                return Some(cycle);
            }
        }
        stack.pop();
        done.insert(node);
        None
    }
    let mut done = BTreeSet::new();
    nodes
        .iter()
        .find_map(|node| visit(node, edges, &mut done, &mut Vec::new()))
}
