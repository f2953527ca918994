//! The language server's editing features (issue 16), each driven through `treaty lsp`
//! over stdio as an editor drives it: completion that replaces whole words, rename,
//! semantic tokens, folding, highlights, workspace symbols, selection ranges, inlay
//! hints, code lenses, rule links, quick fixes applied and re-checked, and scenario
//! blocks checked live. Expected values come from the library (`analysis::check`), not
//! from copies of its output.

use std::io::Write;
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{self, Receiver};
use std::time::Duration;

#[path = "support/lsp_frames.rs"]
mod lsp_frames;

use lsp_frames::read_frames;
use serde_json::{json, Value};
use treaty::analysis::{self, Settings};
use treaty::source::SourceFile;

const URI: &str = "file:///drafts/pact.treaty";

/// A guard against a hung server, not a timing assertion.
const TIMEOUT: Duration = Duration::from_secs(60);

const TEXT: &str = "treaty ua_pact {
  title \"Security agreement\" // the short title
  form treaty
  status in-force
  signed 2024-01-12
  party UK \"United Kingdom\" guarantor
  party UA \"Ukraine\" beneficiary

  trigger armed-attack against UA {
    consult UK, UA within 24 hours
    provide UK -> UA military-aid GBP 2.5 billion per year
  }
}

scenario late_consult {
  treaty ua_pact
  event armed-attack by RU against UA at 2027-03-01T06:00Z
  event UK consults UA at 2027-03-03T06:00Z
  expect fulfilled consult UK, UA
}
";

struct Client {
    child: Child,
    input: ChildStdin,
    output: Receiver<Result<Value, String>>,
    next_id: i64,
    /// What the server answered to `initialize`.
    capabilities: Value,
}

impl Client {
    /// A server initialised with `capabilities` and, when given, a workspace folder.
    fn start(capabilities: Value, root: Option<&str>) -> Client {
        let mut child = Command::new(env!("CARGO_BIN_EXE_treaty"))
            .arg("lsp")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .expect("the server starts");
        let input = child.stdin.take().expect("stdin");
        let stdout = child.stdout.take().expect("stdout");
        let (send, output) = mpsc::channel();
        std::thread::spawn(move || read_frames(stdout, send));
        let mut client = Client {
            child,
            input,
            output,
            next_id: 1,
            capabilities: Value::Null,
        };
        let mut params = json!({ "capabilities": capabilities });
        if let Some(root) = root {
            params["rootUri"] = json!(root);
        }
        client.capabilities = client.result("initialize", params)["capabilities"].clone();
        client.notify("initialized", json!({}));
        client
    }

    fn plain() -> Client {
        Client::start(json!({}), None)
    }

    fn send(&mut self, message: Value) {
        let body = message.to_string();
        write!(self.input, "Content-Length: {}\r\n\r\n{body}", body.len()).expect("send");
        self.input.flush().expect("flush");
    }

    fn notify(&mut self, method: &str, params: Value) {
        self.send(json!({ "jsonrpc": "2.0", "method": method, "params": params }));
    }

    fn receive(&mut self) -> Value {
        match self.output.recv_timeout(TIMEOUT) {
            Ok(Ok(message)) => message,
            Ok(Err(why)) => panic!("{why}"),
            Err(_) => {
                let _ = self.child.kill();
                panic!("no message from the server within {TIMEOUT:?}");
            }
        }
    }

    fn request(&mut self, method: &str, params: Value) -> Value {
        let id = self.next_id;
        self.next_id += 1;
        self.send(json!({ "jsonrpc": "2.0", "id": id, "method": method, "params": params }));
        loop {
            let message = self.receive();
            if message.get("id") == Some(&json!(id)) {
                return message;
            }
        }
    }

    fn result(&mut self, method: &str, params: Value) -> Value {
        let response = self.request(method, params);
        assert!(
            response.get("error").is_none(),
            "{method} failed: {response}"
        );
        response["result"].clone()
    }

    /// Open `text` at `uri`; the diagnostics published for it.
    fn open_at(&mut self, uri: &str, text: &str) -> Vec<Value> {
        self.notify(
            "textDocument/didOpen",
            json!({ "textDocument": { "uri": uri, "languageId": "treaty", "version": 1, "text": text } }),
        );
        loop {
            let message = self.receive();
            if message["method"] == "textDocument/publishDiagnostics"
                && message["params"]["uri"] == uri
            {
                return message["params"]["diagnostics"]
                    .as_array()
                    .cloned()
                    .unwrap_or_default();
            }
        }
    }

    fn open(&mut self, text: &str) -> Vec<Value> {
        self.open_at(URI, text)
    }

    fn finish(mut self) {
        assert_eq!(self.result("shutdown", Value::Null), Value::Null);
        self.notify("exit", Value::Null);
        let started = std::time::Instant::now();
        let status = loop {
            if let Some(status) = self.child.try_wait().expect("wait") {
                break status;
            }
            if started.elapsed() > TIMEOUT {
                let _ = self.child.kill();
                panic!("the server did not exit");
            }
            std::thread::sleep(Duration::from_millis(20));
        };
        assert_eq!(status.code(), Some(0));
    }
}

/// LSP position of a byte offset in an ASCII text.
fn position(text: &str, offset: usize) -> Value {
    let before = &text[..offset];
    let line = before.matches('\n').count();
    let character = offset - before.rfind('\n').map_or(0, |n| n + 1);
    json!({ "line": line, "character": character })
}

fn offset_of(text: &str, position: &Value) -> usize {
    let line = position["line"].as_u64().expect("line") as usize;
    let character = position["character"].as_u64().expect("character") as usize;
    let start: usize = text.split_inclusive('\n').take(line).map(str::len).sum();
    start + character
}

/// The offset just after the `n`th `needle`.
fn after(text: &str, needle: &str, n: usize) -> usize {
    let (at, _) = text.match_indices(needle).nth(n).expect("needle present");
    at + needle.len()
}

fn at(text: &str, offset: usize) -> Value {
    json!({ "textDocument": { "uri": URI }, "position": position(text, offset) })
}

/// `text` with LSP text edits applied.
fn apply(text: &str, edits: &[Value]) -> String {
    let mut spans: Vec<(usize, usize, String)> = edits
        .iter()
        .map(|e| {
            (
                offset_of(text, &e["range"]["start"]),
                offset_of(text, &e["range"]["end"]),
                e["newText"].as_str().expect("newText").to_string(),
            )
        })
        .collect();
    spans.sort_by_key(|s| std::cmp::Reverse(s.0));
    let mut out = text.to_string();
    for (start, end, new) in spans {
        out.replace_range(start..end, &new);
    }
    out
}

fn codes(text: &str) -> Vec<&'static str> {
    analysis::check(SourceFile::new("pact.treaty", text), &Settings::default())
        .diagnostics
        .iter()
        .map(|d| d.code)
        .collect()
}

fn labels(completion: &Value) -> Vec<String> {
    completion["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|i| i["label"].as_str().expect("label").to_string())
        .collect()
}

#[test]
fn completion_replaces_the_whole_hyphenated_word() {
    let mut client = Client::plain();
    let text = TEXT.replace("trigger armed-attack against UA {", "trigger armed-a");
    client.open(&text);
    let cursor = after(&text, "trigger armed-a", 0);
    let completion = client.result("textDocument/completion", at(&text, cursor));
    let item = completion["items"]
        .as_array()
        .expect("items")
        .iter()
        .find(|i| i["label"] == "armed-attack")
        .expect("armed-attack offered")
        .clone();
    let edit = &item["textEdit"];
    assert_eq!(
        edit["range"]["start"],
        position(&text, cursor - "armed-a".len())
    );
    assert_eq!(edit["range"]["end"], position(&text, cursor));
    let accepted = apply(&text, std::slice::from_ref(edit));
    assert!(accepted.contains("  trigger armed-attack\n"), "{accepted}");
    // With the cursor inside the word, the part after it is replaced too.
    let inside = client.result("textDocument/completion", at(&text, cursor - 2));
    let edit = inside["items"]
        .as_array()
        .expect("items")
        .iter()
        .find(|i| i["label"] == "armed-attack")
        .expect("offered mid-word")["textEdit"]
        .clone();
    assert_eq!(edit["range"]["end"], position(&text, cursor));
    client.finish();
}

#[test]
fn completion_follows_the_position() {
    let mut client = Client::plain();
    client.open(TEXT);
    let in_string = client.result(
        "textDocument/completion",
        at(TEXT, after(TEXT, "\"Secur", 0)),
    );
    assert_eq!(labels(&in_string), Vec::<String>::new());
    let in_comment = client.result(
        "textDocument/completion",
        at(TEXT, after(TEXT, "// the sh", 0)),
    );
    assert_eq!(labels(&in_comment), Vec::<String>::new());
    // At the start of a line in a trigger: obligation keywords, no header keywords, no
    // parties.
    let line_start = after(TEXT, "within 24 hours\n    ", 0);
    let keywords = labels(&client.result("textDocument/completion", at(TEXT, line_start)));
    assert!(keywords.contains(&"assist".to_string()), "{keywords:?}");
    assert!(!keywords.contains(&"title".to_string()) && !keywords.contains(&"UK".to_string()));
    // Where a party goes: the declared parties.
    let parties = labels(&client.result(
        "textDocument/completion",
        at(TEXT, after(TEXT, "provide UK -> ", 0)),
    ));
    assert!(parties.contains(&"UA".to_string()) && parties.contains(&"UK".to_string()));
    // After `status`: the status words only.
    let status = labels(&client.result(
        "textDocument/completion",
        at(TEXT, after(TEXT, "status ", 0)),
    ));
    assert!(status.contains(&"in-force".to_string()) && !status.contains(&"UK".to_string()));
    // At top level: `treaty` and `scenario`.
    let top = labels(&client.result(
        "textDocument/completion",
        at(TEXT, after(TEXT, "}\n}\n", 0)),
    ));
    assert_eq!(top, ["treaty", "scenario"]);
    // In a scenario: its item words at a line's start, then events and parties.
    let items = labels(&client.result(
        "textDocument/completion",
        at(TEXT, after(TEXT, "treaty ua_pact\n  ", 0)),
    ));
    assert_eq!(items, ["treaty", "assume", "event", "end", "expect"]);
    let events = labels(&client.result(
        "textDocument/completion",
        at(TEXT, after(TEXT, "  event ", 0)),
    ));
    assert!(events.contains(&"armed-attack".to_string()) && events.contains(&"UK".to_string()));
    let verbs = labels(&client.result(
        "textDocument/completion",
        at(TEXT, after(TEXT, "event UK ", 0)),
    ));
    assert!(verbs.contains(&"consults".to_string()) && verbs.contains(&"provides".to_string()));
    let expect = labels(&client.result(
        "textDocument/completion",
        at(TEXT, after(TEXT, "expect ", 0)),
    ));
    assert!(expect.contains(&"no".to_string()) && expect.contains(&"consult".to_string()));
    client.finish();
}

#[test]
fn snippets_use_the_files_parties_when_the_client_takes_them() {
    let snippets = json!({ "textDocument": { "completion": { "completionItem": { "snippetSupport": true } } } });
    let mut client = Client::start(snippets, None);
    client.open(TEXT);
    let line_start = after(TEXT, "within 24 hours\n    ", 0);
    let completion = client.result("textDocument/completion", at(TEXT, line_start));
    let provide = completion["items"]
        .as_array()
        .expect("items")
        .iter()
        .find(|i| i["label"] == "provide UK -> UA")
        .expect("a provide snippet")
        .clone();
    assert_eq!(provide["insertTextFormat"], 2);
    assert_eq!(
        provide["textEdit"]["newText"],
        "provide ${1:UK} -> ${2:UA} ${3:military-aid}$0"
    );
    let header = after(TEXT, "beneficiary\n\n  ", 0);
    let trigger = labels(&client.result("textDocument/completion", at(TEXT, header)));
    assert!(
        trigger.contains(&"trigger ... { }".to_string()),
        "{trigger:?}"
    );
    client.finish();
    // A client that does not take snippets gets none.
    let mut client = Client::plain();
    client.open(TEXT);
    let completion = client.result("textDocument/completion", at(TEXT, line_start));
    assert!(completion["items"]
        .as_array()
        .expect("items")
        .iter()
        .all(|i| i.get("insertTextFormat").is_none()));
    // Resolve adds the keyword's example.
    let consult = completion["items"]
        .as_array()
        .expect("items")
        .iter()
        .find(|i| i["label"] == "consult")
        .expect("consult")
        .clone();
    let resolved = client.result("completionItem/resolve", consult);
    assert_eq!(
        resolved["documentation"]["value"],
        "a duty to consult, with a deadline\n\nexample: `consult UK, UA within 24 hours`"
    );
    client.finish();
}

#[test]
fn party_codes_and_treaty_names_are_renamed_into_scenarios() {
    let mut client = Client::plain();
    client.open(TEXT);
    let on_ua = at(TEXT, after(TEXT, "provide UK -> U", 0));
    let prepared = client.result("textDocument/prepareRename", on_ua.clone());
    assert_eq!(prepared["placeholder"], "UA");
    let ua = after(TEXT, "provide UK -> ", 0);
    assert_eq!(prepared["range"]["start"], position(TEXT, ua));
    let mut params = on_ua.clone();
    params["newName"] = json!("UKR");
    let renamed = client.result("textDocument/rename", params);
    let edits = renamed["changes"][URI].as_array().expect("edits").clone();
    // The declaration, the trigger, consult, provide, and the scenario's event and
    // expectation; `GBP` and the attacker `RU` stay.
    assert_eq!(edits.len(), TEXT.matches(" UA").count());
    let after_rename = apply(TEXT, &edits);
    assert_eq!(after_rename, TEXT.replace(" UA", " UKR"));
    assert_eq!(codes(&after_rename), codes(TEXT));
    // A treaty name follows into the scenario's `treaty` line.
    let mut params = at(TEXT, after(TEXT, "treaty ua_p", 0));
    params["newName"] = json!("pact_2024");
    let renamed = client.result("textDocument/rename", params);
    let edits = renamed["changes"][URI].as_array().expect("edits").clone();
    assert_eq!(apply(TEXT, &edits), TEXT.replace("ua_pact", "pact_2024"));
    // A name that does not read as a code is refused.
    let mut params = on_ua;
    params["newName"] = json!("two words");
    let refused = client.request("textDocument/rename", params);
    assert_eq!(
        refused["error"]["message"],
        "`two words` cannot be a party code: it does not read as one"
    );
    // Nothing to rename on a keyword.
    let nothing = client.result(
        "textDocument/prepareRename",
        at(TEXT, after(TEXT, "for", 0)),
    );
    assert_eq!(nothing, Value::Null);
    client.finish();
}

#[test]
fn highlights_mark_declarations_and_uses() {
    let mut client = Client::plain();
    client.open(TEXT);
    let highlights = client.result(
        "textDocument/documentHighlight",
        at(TEXT, after(TEXT, "consult U", 0)),
    );
    let found: Vec<(Value, u64)> = highlights
        .as_array()
        .expect("highlights")
        .iter()
        .map(|h| {
            (
                h["range"]["start"].clone(),
                h["kind"].as_u64().expect("kind"),
            )
        })
        .collect();
    let uk: Vec<usize> = TEXT
        .match_indices("UK ")
        .map(|(i, _)| i)
        .chain(TEXT.match_indices("UK,").map(|(i, _)| i))
        .collect();
    let mut expected: Vec<(Value, u64)> = uk
        .iter()
        .map(|&i| {
            (
                position(TEXT, i),
                if i == TEXT.find("UK \"").expect("declared") {
                    3
                } else {
                    2
                },
            )
        })
        .collect();
    expected.sort_by_key(|(p, _)| (p["line"].as_u64(), p["character"].as_u64()));
    assert_eq!(found, expected);
    client.finish();
}

/// Decoded semantic tokens: (text, type name, modifiers).
fn decode(text: &str, legend: &Value, data: &[Value]) -> Vec<(String, String, u64)> {
    let types = legend["tokenTypes"].as_array().expect("types");
    let mut out = Vec::new();
    let (mut line, mut start) = (0u64, 0u64);
    for group in data.chunks(5) {
        let n: Vec<u64> = group.iter().map(|v| v.as_u64().expect("number")).collect();
        if n[0] > 0 {
            line += n[0];
            start = n[1];
        } else {
            start += n[1];
        }
        let offset = offset_of(text, &json!({ "line": line, "character": start }));
        let word = text[offset..offset + n[2] as usize].to_string();
        out.push((
            word,
            types[n[3] as usize].as_str().expect("type").to_string(),
            n[4],
        ));
    }
    out
}

#[test]
fn semantic_tokens_tell_parties_from_currencies() {
    let mut client = Client::plain();
    let legend = client.capabilities["semanticTokensProvider"]["legend"].clone();
    client.open(TEXT);
    let tokens = client.result(
        "textDocument/semanticTokens/full",
        json!({ "textDocument": { "uri": URI } }),
    );
    let decoded = decode(TEXT, &legend, tokens["data"].as_array().expect("data"));
    let kind_of = |word: &str, n: usize| -> String {
        decoded
            .iter()
            .filter(|(w, _, _)| w == word)
            .nth(n)
            .map_or("(none)".to_string(), |(_, t, _)| t.clone())
    };
    assert_eq!(kind_of("treaty", 0), "keyword");
    assert_eq!(kind_of("ua_pact", 0), "namespace");
    assert_eq!(kind_of("\"Security agreement\"", 0), "string");
    assert_eq!(kind_of("// the short title", 0), "comment");
    assert_eq!(kind_of("2024-01-12", 0), "number");
    assert_eq!(kind_of("trigger", 0), "keyword");
    assert_eq!(kind_of("armed-attack", 0), "enumMember");
    assert_eq!(kind_of("military-aid", 0), "enumMember");
    assert_eq!(kind_of("UK", 0), "variable");
    assert_eq!(kind_of("UK", 3), "variable", "the scenario's actor");
    assert_eq!(kind_of("->", 0), "operator");
    assert_ne!(kind_of("GBP", 0), "variable", "a currency is not a party");
    let declared = decoded.iter().find(|(w, _, _)| w == "UK").expect("UK");
    assert_eq!(
        declared.2, 1,
        "the declaration carries the declaration modifier"
    );
    // A range gives the tokens of those lines only.
    let range = client.result(
        "textDocument/semanticTokens/range",
        json!({ "textDocument": { "uri": URI }, "range": { "start": { "line": 10, "character": 0 }, "end": { "line": 11, "character": 0 } } }),
    );
    let line: Vec<String> = decode(TEXT, &legend, range["data"].as_array().expect("data"))
        .into_iter()
        .map(|(w, _, _)| w)
        .collect();
    assert_eq!(line[..5], ["provide", "UK", "->", "UA", "military-aid"]);
    assert!(!line.contains(&"consult".to_string()) && !line.contains(&"}".to_string()));
    client.finish();
}

fn line_of(text: &str, needle: &str) -> u64 {
    text[..text.find(needle).expect("needle")]
        .matches('\n')
        .count() as u64
}

#[test]
fn blocks_fold_and_selections_grow_from_word_to_treaty() {
    let mut client = Client::plain();
    let text = format!("// a draft\n// under review\n{TEXT}");
    client.open(&text);
    let folds = client.result(
        "textDocument/foldingRange",
        json!({ "textDocument": { "uri": URI } }),
    );
    let mut found: Vec<(u64, u64, Option<String>)> = folds
        .as_array()
        .expect("ranges")
        .iter()
        .map(|f| {
            (
                f["startLine"].as_u64().expect("start"),
                f["endLine"].as_u64().expect("end"),
                f["kind"].as_str().map(String::from),
            )
        })
        .collect();
    found.sort();
    let last_line = text.lines().count() as u64 - 1;
    assert_eq!(
        found,
        [
            (0, 1, Some("comment".to_string())),
            (
                line_of(&text, "treaty ua_pact {"),
                line_of(&text, "}\n\nscenario"),
                None
            ),
            (line_of(&text, "  trigger"), line_of(&text, "  }\n}"), None),
            (line_of(&text, "scenario"), last_line, None),
        ]
    );
    let ua = after(&text, "provide UK -> U", 0);
    let selection = client.result(
        "textDocument/selectionRange",
        json!({ "textDocument": { "uri": URI }, "positions": [position(&text, ua)] }),
    );
    let mut chain = Vec::new();
    let mut range = &selection[0];
    while !range.is_null() {
        let start = offset_of(&text, &range["range"]["start"]);
        let end = offset_of(&text, &range["range"]["end"]);
        chain.push(text[start..end].lines().next().unwrap_or("").to_string());
        range = &range["parent"];
    }
    assert_eq!(
        chain,
        [
            "UA",
            "provide UK -> UA military-aid GBP 2.5 billion per year",
            "trigger armed-attack against UA {",
            "treaty ua_pact {",
            "// a draft",
        ]
    );
    client.finish();
}

#[test]
fn workspace_symbols_search_the_open_folder() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("pact.treaty"), TEXT).expect("write");
    std::fs::create_dir(dir.path().join("more")).expect("mkdir");
    std::fs::write(
        dir.path().join("more/other.treaty"),
        "treaty other_pact {\n  form treaty\n  party PL guarantor\n}\n",
    )
    .expect("write");
    std::fs::write(
        dir.path().join("notes.txt"),
        "treaty not_a_treaty_file {\n}\n",
    )
    .expect("write");
    let root = format!("file://{}", dir.path().display());
    let mut client = Client::start(json!({}), Some(&root));
    let symbols = client.result("workspace/symbol", json!({ "query": "pact" }));
    let mut found: Vec<(String, String)> = symbols
        .as_array()
        .expect("symbols")
        .iter()
        .map(|s| {
            (
                s["name"].as_str().expect("name").to_string(),
                s["location"]["uri"]
                    .as_str()
                    .expect("uri")
                    .rsplit('/')
                    .next()
                    .unwrap_or("")
                    .to_string(),
            )
        })
        .collect();
    found.sort();
    assert_eq!(
        found,
        [
            ("other_pact".to_string(), "other.treaty".to_string()),
            ("ua_pact".to_string(), "pact.treaty".to_string()),
        ]
    );
    let parties = client.result("workspace/symbol", json!({ "query": "PL" }));
    assert_eq!(parties[0]["name"], "PL");
    assert_eq!(parties[0]["containerName"], "other_pact");
    assert_eq!(
        parties[0]["location"]["range"]["start"],
        json!({ "line": 2, "character": 8 })
    );
    client.finish();
}

#[test]
fn inlay_hints_and_lenses_show_the_tier_and_the_deadlines() {
    let report = analysis::check(SourceFile::new("pact.treaty", TEXT), &Settings::default());
    let tier = report.treaties[0].tier.tier.as_str();
    let gaps = report.treaties[0].gaps.len();
    let mut client = Client::plain();
    client.open(TEXT);
    let whole =
        json!({ "start": { "line": 0, "character": 0 }, "end": position(TEXT, TEXT.len()) });
    let hints = client.result(
        "textDocument/inlayHint",
        json!({ "textDocument": { "uri": URI }, "range": whole }),
    );
    let hints = hints.as_array().expect("hints");
    assert_eq!(hints[0]["label"], format!("tier: {tier}"));
    assert_eq!(
        hints[0]["position"],
        position(TEXT, after(TEXT, "treaty ua_pact", 0))
    );
    // The attack at 06:00 brings the 24-hour consultation due at 06:00 the next day.
    let deadline = hints
        .iter()
        .find(|h| {
            h["label"]
                .as_str()
                .is_some_and(|l| l.starts_with("consult"))
        })
        .expect("a deadline hint");
    assert_eq!(deadline["label"], "consult due 2027-03-02T06:00Z");
    assert_eq!(
        deadline["position"],
        position(TEXT, after(TEXT, "against UA at 2027-03-01T06:00Z", 0))
    );
    let lenses = client.result(
        "textDocument/codeLens",
        json!({ "textDocument": { "uri": URI } }),
    );
    let titles: Vec<&str> = lenses
        .as_array()
        .expect("lenses")
        .iter()
        .map(|l| l["command"]["title"].as_str().expect("title"))
        .collect();
    assert_eq!(
        titles,
        [
            format!(
                "tier: {tier}, {gaps} gap{}",
                if gaps == 1 { "" } else { "s" }
            )
            .as_str(),
            "run scenario",
            "0 of 1 expectation pass; 2 obligations: 0 fulfilled, 1 violated, 1 pending",
        ]
    );
    let run = &lenses[1]["command"];
    let timeline = client.result(
        "workspace/executeCommand",
        json!({ "command": run["command"], "arguments": run["arguments"] }),
    );
    let timeline = timeline.as_str().expect("text");
    assert!(
        timeline.starts_with("scenario late_consult\n"),
        "{timeline}"
    );
    assert!(timeline.contains("2027-03-02T06:00Z"), "{timeline}");
    client.finish();
}

#[test]
fn diagnostics_link_to_their_rule_and_allow_names_are_hovered() {
    let text = "treaty t {\n  form treaty\n  status in-force\n  // treaty: allow(L001) kept for the record\n  party PL guarantor\n  party UA beneficiary\n}\n";
    let mut client = Client::plain();
    let diagnostics = client.open(text);
    assert!(!diagnostics.is_empty());
    for diagnostic in &diagnostics {
        let code = diagnostic["code"].as_str().expect("code");
        let name = treaty::rules::registry::lookup(code).expect("a rule").name;
        let href = diagnostic["codeDescription"]["href"]
            .as_str()
            .expect("href");
        assert!(href.ends_with(&format!("docs/rules.md#{name}")), "{href}");
    }
    let hover = client.result("textDocument/hover", at(text, after(text, "allow(L0", 0)));
    let value = hover["contents"]["value"].as_str().expect("markdown");
    assert!(value.starts_with("**L001** (unused-party): "), "{value}");
    let l001 = text.find("L001").expect("L001");
    assert_eq!(hover["range"]["start"], position(text, l001));
    assert_eq!(hover["range"]["end"], position(text, l001 + 4));
    client.finish();
}

#[test]
fn scenarios_are_checked_live_with_hover_and_symbols() {
    let mut client = Client::plain();
    let diagnostics = client.open(TEXT);
    let s001: Vec<&Value> = diagnostics.iter().filter(|d| d["code"] == "S001").collect();
    assert_eq!(s001.len(), 1, "{diagnostics:?}");
    assert_eq!(
        s001[0]["range"]["start"],
        position(TEXT, TEXT.find("expect fulfilled").expect("expect"))
    );
    // An unknown event word and a missing treaty are reported as `treaty check` would.
    let typo = TEXT.replace("event armed-attack by", "event armed-atack by");
    let diagnostics = client.open(&typo);
    assert!(
        diagnostics
            .iter()
            .any(|d| d["code"] == "S002" || d["code"] == "S004"),
        "{diagnostics:?}"
    );
    let missing = TEXT.replace("treaty ua_pact\n", "treaty \"missing.treaty\"\n");
    let diagnostics = client.open(&missing);
    assert!(
        diagnostics.iter().any(|d| d["code"] == "S003"),
        "{diagnostics:?}"
    );
    client.open(TEXT);
    let hover = client.result(
        "textDocument/hover",
        at(TEXT, after(TEXT, "scenario late", 0)),
    );
    let value = hover["contents"]["value"].as_str().expect("markdown");
    assert!(
        value.contains("**scenario late_consult**: 0 of 1 expectation pass"),
        "{value}"
    );
    let hover = client.result(
        "textDocument/hover",
        at(TEXT, after(TEXT, "event armed", 0)),
    );
    let value = hover["contents"]["value"].as_str().expect("markdown");
    assert!(value.contains("**brings due**"), "{value}");
    assert!(value.contains("consult UK, UA within 24 hours"), "{value}");
    let hover = client.result("textDocument/hover", at(TEXT, after(TEXT, "  expe", 0)));
    let value = hover["contents"]["value"].as_str().expect("markdown");
    assert!(value.starts_with("**expect** (scenario): "), "{value}");
    let symbols = client.result(
        "textDocument/documentSymbol",
        json!({ "textDocument": { "uri": URI } }),
    );
    let scenario = &symbols[1];
    assert_eq!(scenario["name"], "late_consult");
    let children: Vec<&str> = scenario["children"]
        .as_array()
        .expect("children")
        .iter()
        .map(|c| c["name"].as_str().expect("name"))
        .collect();
    assert_eq!(children.len(), 4);
    assert_eq!(children[3], "expect fulfilled consult UK, UA");
    client.finish();
}

/// Every quick fix offered for `code` in `text`, applied: the finding is gone and no
/// new error appears.
fn fix_removes(client: &mut Client, text: &str, code: &str, title: &str) {
    let diagnostics = client.open(text);
    let diagnostic = diagnostics
        .iter()
        .find(|d| d["code"] == code)
        .unwrap_or_else(|| panic!("no {code} in {diagnostics:?}"))
        .clone();
    let actions = client.result(
        "textDocument/codeAction",
        json!({
            "textDocument": { "uri": URI },
            "range": diagnostic["range"],
            "context": { "diagnostics": [diagnostic] },
        }),
    );
    let action = actions
        .as_array()
        .expect("actions")
        .iter()
        .find(|a| a["title"] == title)
        .unwrap_or_else(|| panic!("no action `{title}` among {actions}"))
        .clone();
    let fixed = apply(
        text,
        action["edit"]["changes"][URI].as_array().expect("edits"),
    );
    let after_fix = codes(&fixed);
    assert!(
        !after_fix.contains(&code),
        "{code} still there after `{title}`:\n{fixed}"
    );
    let errors_before = codes(text).iter().filter(|c| c.starts_with('E')).count();
    let errors_after = after_fix.iter().filter(|c| c.starts_with('E')).count();
    assert!(
        errors_after <= errors_before,
        "`{title}` broke the text:\n{fixed}"
    );
}

const CONSULTING: &str = "treaty t {
  form treaty
  status in-force
  signed 2024-01-12
  party UK guarantor
  party UA beneficiary
  trigger armed-attack against UA {
    consult UK, UA
    provide UK -> UA military-aid
  }
}
";

#[test]
fn quick_fixes_remove_the_finding_they_fix() {
    let mut client = Client::plain();
    fix_removes(
        &mut client,
        CONSULTING,
        "NO_CONSULTATION_DEADLINE",
        "Add a consultation deadline (within 24 hours)",
    );
    fix_removes(
        &mut client,
        CONSULTING,
        "CONSULT_ONLY",
        "Add `assist UK -> attacked with armed-force forthwith` to the trigger",
    );
    let no_consultation = CONSULTING.replace(
        "    consult UK, UA\n",
        "    assist UK -> attacked with armed-force forthwith\n",
    );
    fix_removes(
        &mut client,
        &no_consultation,
        "NO_CONSULTATION",
        "Add `consult UK, UA within 24 hours` to the trigger",
    );
    let slow = CONSULTING.replace(
        "    consult UK, UA\n",
        "    assist UK -> attacked with armed-force\n",
    );
    fix_removes(
        &mut client,
        &slow,
        "NOT_IMMEDIATE",
        "Make the assistance `forthwith`",
    );
    let no_trigger = "treaty t {\n  form treaty\n  status in-force\n  party UK guarantor\n  party UA beneficiary\n}\n";
    fix_removes(
        &mut client,
        no_trigger,
        "NO_TRIGGER",
        "Add an armed-attack trigger against UA",
    );
    let aspirational = CONSULTING.replace(
        "    provide UK -> UA military-aid\n",
        "    assist UK -> attacked with armed-force forthwith aspirational\n",
    );
    fix_removes(
        &mut client,
        &aspirational,
        "INTENT_ONLY",
        "Remove `aspirational`",
    );
    let unused = CONSULTING.replace(
        "  party UA beneficiary\n",
        "  party UA beneficiary\n  party PL\n",
    );
    fix_removes(
        &mut client,
        &unused,
        "L001",
        "Remove the unused party's declaration",
    );
    fix_removes(
        &mut client,
        &unused,
        "L001",
        "Allow `unused-party` on this clause",
    );
    let twice = CONSULTING.replace(
        "    provide UK -> UA military-aid\n",
        "    provide UK -> UA military-aid\n    provide UK -> UA military-aid\n",
    );
    fix_removes(&mut client, &twice, "L006", "Delete the duplicate clause");
    let stale = CONSULTING.replace(
        "  form treaty\n",
        "  // treaty: allow(L001) no longer needed\n  form treaty\n",
    );
    fix_removes(&mut client, &stale, "L016", "Delete the unused suppression");
    let empty = CONSULTING.replace("  trigger armed-attack against UA {\n    consult UK, UA\n    provide UK -> UA military-aid\n  }\n", "  trigger armed-attack against UA {\n  }\n");
    fix_removes(
        &mut client,
        &empty,
        "L003",
        "Add `consult UK, UA within 24 hours` to the trigger",
    );
    client.finish();
}

#[test]
fn a_provisional_verdict_is_marked_in_hints_lenses_and_hover() {
    // `asist` does not parse: the tier is provisional, and every place the server shows
    // the tier says so, with the line the check gives.
    let text = "treaty pact {\n  form treaty\n  status in-force\n  party UK guarantor\n  party UA beneficiary\n  trigger armed-attack against UA {\n    asist UK -> UA with armed-force forthwith\n  }\n}\n";
    let report = analysis::check(SourceFile::new("pact.treaty", text), &Settings::default());
    let tier = report.treaties[0].tier.tier.as_str();
    assert!(
        report.treaties[0].provisional.is_some(),
        "the check marks it"
    );
    let mut client = Client::plain();
    client.open(text);
    let whole =
        json!({ "start": { "line": 0, "character": 0 }, "end": position(text, text.len()) });
    let hints = client.result(
        "textDocument/inlayHint",
        json!({ "textDocument": { "uri": URI }, "range": whole }),
    );
    assert_eq!(hints[0]["label"], format!("tier: {tier} (provisional)"));
    let tooltip = hints[0]["tooltip"].as_str().expect("tooltip");
    assert!(
        tooltip.contains("provisional: 1 clause unreadable (line 7)"),
        "{tooltip}"
    );
    let lenses = client.result(
        "textDocument/codeLens",
        json!({ "textDocument": { "uri": URI } }),
    );
    let title = lenses[0]["command"]["title"].as_str().expect("title");
    assert!(
        title.starts_with(&format!(
            "tier: {tier}, provisional: 1 clause unreadable (line 7), "
        )),
        "{title}"
    );
    let hover = client.result("textDocument/hover", at(text, after(text, "treaty pa", 0)));
    let shown = hover["contents"]["value"].as_str().expect("markdown");
    assert!(
        shown.contains(&format!(
            "tier **{tier}, provisional: 1 clause unreadable (line 7)**"
        )),
        "{shown}"
    );
    client.finish();
}
