//! `treaty render`: every bundled treaty and every construct example of
//! docs/language.md renders in every language without a missing message (snapshots per
//! treaty and per example, per language); both languages give the same articles; the
//! DOCX opens as Office Open XML with an article heading per article and a comment per
//! sentence; the HTML is self-contained; `diff --render` marks changed sentences.

mod common;

use std::collections::BTreeSet;
use std::path::Path;

use common::{code, repo, stderr, stdout, treaty};
use treaty::analysis::{bundled_baseline, model_with_references};
use treaty::model::references::FsLoader;
use treaty::output::render::{self, languages, Draft, Messages, Options};
use treaty::source::SourceFile;

/// Render a file's text: its drafts and the messages the language file lacked.
fn render_text(path: &str, text: &str, lang: &str, options: &Options) -> (Vec<Draft>, Vec<String>) {
    let (model, diagnostics) = model_with_references(text, path, &FsLoader);
    let errors: Vec<_> = diagnostics
        .iter()
        .filter(|d| d.severity == treaty::diagnostics::Severity::Error)
        .map(|d| d.message.clone())
        .collect();
    assert!(errors.is_empty(), "{path}: {errors:?}");
    let messages = Messages::new(lang).unwrap();
    let source = SourceFile::new(path, text);
    let drafts = render::drafts(&source, &model, &bundled_baseline(), &messages, options);
    (drafts, messages.missing())
}

fn bundled() -> Vec<(String, String, String)> {
    let mut files: Vec<_> = std::fs::read_dir(repo().join("treaties"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "treaty"))
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|p| {
            let stem = p.file_stem().unwrap().to_str().unwrap().to_string();
            let path = format!("treaties/{stem}.treaty");
            (stem, path, std::fs::read_to_string(&p).unwrap())
        })
        .collect()
}

/// What a reader must never see in a draft.
fn assert_readable(name: &str, text: &str) {
    for bad in [
        "None", "Some(", "[q-", "[ob-", "{ $", "  ", " ,", " .\n", "..", "\u{2068}",
    ] {
        assert!(!text.contains(bad), "{name}: `{bad}` in\n{text}");
    }
}

#[test]
fn every_bundled_treaty_renders_in_every_language() {
    let langs: Vec<&str> = languages().collect();
    assert_eq!(langs, ["en", "fr"]);
    for (stem, path, text) in bundled() {
        for lang in &langs {
            let (drafts, missing) = render_text(&path, &text, lang, &Options::default());
            assert!(
                missing.is_empty(),
                "{path} ({lang}): missing messages {missing:?}"
            );
            assert!(!drafts.is_empty() && drafts.iter().all(|d| !d.articles.is_empty()));
            let markdown = render::markdown::render(&drafts);
            assert_readable(&format!("{path} ({lang})"), &markdown);
            insta::assert_snapshot!(format!("{stem}.{lang}"), markdown);
        }
    }
}

/// The whole examples of docs/language.md, and each clause example inside a treaty
/// that declares UK, UA and RU (as tests/language_doc.rs checks them), and every
/// example of its clause tables.
fn construct_examples() -> Vec<String> {
    let doc = std::fs::read_to_string(repo().join("docs/language.md")).unwrap();
    let wrap = |clause: &str| {
        format!(
            "treaty t {{\n  form treaty\n  status signed\n  party UK \"United Kingdom\" guarantor\n  party UA \"Ukraine\" beneficiary\n  party RU \"Russian Federation\" adversary\n{clause}\n}}\n"
        )
    };
    let mut examples = Vec::new();
    for (fence, wrapped) in [("treaty", false), ("treaty-clause", true)] {
        let open = format!("```{fence}\n");
        let mut rest = doc.as_str();
        while let Some(start) = rest.find(&open) {
            let body = &rest[start + open.len()..];
            let end = body.find("```").unwrap();
            examples.push(if wrapped {
                wrap(&body[..end])
            } else {
                body[..end].to_string()
            });
            rest = &body[end..];
        }
    }
    // `| `clause` | `example` |` rows of the header-clause and obligation tables.
    for line in doc.lines() {
        let cells: Vec<&str> = line.split(" | ").collect();
        if cells.len() >= 2 && line.starts_with("| `") {
            let example = cells[1].trim_matches(|c| c == '`' || c == ' ' || c == '|');
            let example = example
                .split("` (")
                .next()
                .unwrap()
                .split("`, `")
                .next()
                .unwrap();
            if !example.is_empty() && !example.contains('|') {
                let text = wrap(&format!("  {example}"));
                let (_, diagnostics) = model_with_references(&text, "t.treaty", &FsLoader);
                if diagnostics
                    .iter()
                    .all(|d| d.severity != treaty::diagnostics::Severity::Error)
                {
                    examples.push(text);
                }
            }
        }
    }
    examples
}

#[test]
fn every_construct_example_renders_in_every_language() {
    let examples = construct_examples();
    assert!(examples.len() >= 40, "{}", examples.len());
    let mut keywords = BTreeSet::new();
    for (i, example) in examples.iter().enumerate() {
        let (model, _) = model_with_references(example, "docs/language.md", &FsLoader);
        for t in &model.treaties {
            keywords.extend(t.all_obligations().map(|(_, o)| o.keyword()));
        }
        for lang in languages() {
            let (drafts, missing) =
                render_text("docs/language.md", example, lang, &Options::default());
            assert!(
                missing.is_empty(),
                "example {i} ({lang}): missing {missing:?}\n{example}"
            );
            let markdown = render::markdown::render(&drafts);
            assert_readable(&format!("example {i} ({lang})"), &markdown);
            insta::assert_snapshot!(format!("construct-{i:02}.{lang}"), markdown, example);
        }
    }
    // Every kind of obligation the model has is among the examples.
    let all = [
        "consult",
        "provide",
        "assist",
        "defend",
        "act",
        "station",
        "deter",
        "peacekeeping",
        "monitor",
        "refrain",
        "respect",
        "seek",
        "report",
        "establish",
        "prohibit",
        "indivisible",
        "reinstate",
        "limit",
    ];
    let missing: Vec<_> = all.iter().filter(|k| !keywords.contains(*k)).collect();
    assert!(missing.is_empty(), "no example renders {missing:?}");
}

/// The message ids of a language file.
fn ids(lang: &str) -> BTreeSet<String> {
    let text = std::fs::read_to_string(repo().join(format!("locales/{lang}.ftl"))).unwrap();
    text.lines()
        .filter(|l| l.starts_with(|c: char| c.is_ascii_lowercase()))
        .filter_map(|l| l.split(" =").next())
        .map(String::from)
        .collect()
}

#[test]
fn every_language_has_every_message_and_vocabulary_word() {
    use treaty::vocab::*;
    let english: BTreeSet<String> = ids("en")
        .into_iter()
        .filter(|i| !i.starts_with("name-"))
        .collect();
    for lang in languages() {
        let own: BTreeSet<String> = ids(lang)
            .into_iter()
            .filter(|i| !i.starts_with("name-"))
            .collect();
        assert_eq!(own, english, "{lang} has other messages than en");
        let m = Messages::new(lang).unwrap();
        let mut words: Vec<String> = Vec::new();
        let mut add = |prefix: &str, list: Vec<&str>| {
            words.extend(list.into_iter().map(|w| format!("{prefix}-{w}")));
        };
        add("form", Form::words().collect());
        add("foresees-form", Form::words().collect());
        add("status", Status::words().collect());
        add("binding", BindingOverride::words().collect());
        add("ratification", RatificationState::words().collect());
        add(
            "foresees-ratification",
            RatificationState::words().collect(),
        );
        add("renewal", RenewalMode::words().collect());
        add("role", Role::words().collect());
        add("kind", TriggerKind::words().collect());
        add("aspect", ThreatAspect::words().collect());
        add("covered", Covered::words().collect());
        add("line", CrossingLine::words().collect());
        add("ob-indivisible", Indivisibility::words().collect());
        add("assistance", AssistanceKind::words().collect());
        add("means", Means::words().collect());
        add("deterrent", DeterrentMeans::words().collect());
        add("mandate", Mandate::words().collect());
        add("institution", Institution::words().collect());
        add("prohibited", Prohibited::words().collect());
        add("limit", LimitKind::words().collect());
        add("refrain", RefrainAct::words().collect());
        add("respect", RespectAspect::words().collect());
        add("threshold", Threshold::words().collect());
        add("attribute", EventAttribute::words().collect());
        add("vote", Vote::words().collect());
        add("q", QualifierKind::words().collect());
        let lacking: Vec<&String> = words.iter().filter(|w| !m.has(w)).collect();
        assert!(lacking.is_empty(), "{lang} lacks {lacking:?}");
    }
}

#[test]
fn both_languages_give_the_same_articles() {
    for (_, path, text) in bundled() {
        let shape = |lang| {
            let (drafts, _) = render_text(&path, &text, lang, &Options::default());
            drafts
                .iter()
                .flat_map(|d| d.articles.iter())
                .map(|a| {
                    (
                        a.number,
                        a.kind,
                        a.sentences.iter().map(|s| s.line).collect::<Vec<_>>(),
                    )
                })
                .collect::<Vec<_>>()
        };
        assert_eq!(shape("en"), shape("fr"), "{path}");
    }
}

#[test]
fn the_renderer_reads_the_model_never_the_syntax() {
    for entry in std::fs::read_dir(repo().join("src/output/render")).unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(
            !text.contains("syntax::") && !text.contains("crate::syntax"),
            "{}",
            path.display()
        );
    }
}

#[test]
fn sentences_read_as_treaty_language() {
    let (path, text) = (
        "treaties/uk-ukraine-2024.treaty",
        std::fs::read_to_string(repo().join("treaties/uk-ukraine-2024.treaty")).unwrap(),
    );
    let (drafts, _) = render_text(path, &text, "en", &Options::default());
    let markdown = render::markdown::render(&drafts);
    assert!(markdown.contains(
        "In the event of an armed attack by the Russian Federation against Ukraine, the Participants shall consult within 24 hours."
    ), "{markdown}");
    assert!(markdown.contains("in accordance with its legal requirements"));
    // Every sentence names its clause's line, which holds the clause.
    for draft in &drafts {
        for (_, sentence) in draft.sentences() {
            assert!(markdown.contains(&format!(
                "[^L{}]: {path}, line {}",
                sentence.line, sentence.line
            )));
            let line = text.lines().nth(sentence.line - 1).unwrap();
            assert!(
                !line.trim().is_empty() && !line.trim().starts_with("//"),
                "line {}: {line}",
                sentence.line
            );
        }
    }
}

#[test]
fn quote_sources_and_annotate() {
    let dir = repo();
    let plain = stdout(&treaty(&["render", "treaties/uk-ukraine-2024.treaty"], dir));
    let alongside = stdout(&treaty(
        &[
            "render",
            "treaties/uk-ukraine-2024.treaty",
            "--quote-sources",
        ],
        dir,
    ));
    let instead = stdout(&treaty(
        &[
            "render",
            "treaties/uk-ukraine-2024.treaty",
            "--quote-sources",
            "instead",
        ],
        dir,
    ));
    let source =
        "“the Participants will consult within 24 hours to determine the necessary measures”";
    assert!(!plain.contains(source));
    assert!(alongside.contains(&format!("> Source: {source}")));
    assert!(alongside.contains("the Participants shall consult within 24 hours"));
    assert!(instead.contains(&format!("1. {source}[^L35]")), "{instead}");
    let annotated = stdout(&treaty(
        &["render", "treaties/uk-ukraine-2024.treaty", "--annotate"],
        dir,
    ));
    // The gap on the response sits in the article of the trigger.
    let trigger = &annotated[annotated.find("Response to an armed attack").unwrap()..];
    let trigger = &trigger[..trigger.find("## Article").unwrap()];
    assert!(trigger.contains("`CONSULT_ONLY`"), "{trigger}");
    assert!(!plain.contains("`CONSULT_ONLY`"));
}

/// The XML text of one part of a DOCX package.
fn part(bytes: &[u8], name: &str) -> String {
    use std::io::Read;
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut file = archive.by_name(name).unwrap();
    let mut text = String::new();
    file.read_to_string(&mut text).unwrap();
    text
}

/// Paragraph styles, paragraph texts and comment ids of a document part, read with an
/// XML parser.
fn paragraphs(xml: &str) -> Vec<(String, String, Vec<String>)> {
    use quick_xml::events::Event;
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut out = Vec::new();
    let (mut style, mut text, mut comments) = (String::new(), String::new(), Vec::new());
    let mut in_text = false;
    loop {
        match reader.read_event().unwrap() {
            Event::Start(e) | Event::Empty(e) => {
                let attr = |name: &[u8]| {
                    e.attributes()
                        .flatten()
                        .find(|a| a.key.as_ref() == name)
                        .map(|a| String::from_utf8(a.value.to_vec()).unwrap())
                };
                match e.name().as_ref() {
                    b"w:pStyle" => style = attr(b"w:val").unwrap_or_default(),
                    b"w:commentRangeStart" => comments.push(attr(b"w:id").unwrap()),
                    b"w:t" => in_text = true,
                    _ => {}
                }
            }
            Event::Text(t) if in_text => {
                let raw = std::str::from_utf8(&t).unwrap();
                text.push_str(&quick_xml::escape::unescape(raw).unwrap());
            }
            Event::End(e) => match e.name().as_ref() {
                b"w:t" => in_text = false,
                b"w:p" => out.push((
                    std::mem::take(&mut style),
                    std::mem::take(&mut text),
                    std::mem::take(&mut comments),
                )),
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
    }
    out
}

#[test]
fn docx_has_an_article_heading_per_article_and_a_comment_per_sentence() {
    let dir = tempfile::tempdir().unwrap();
    for (file, lang) in [("budapest-1994", "en"), ("uk-ukraine-2024", "fr")] {
        let out = dir.path().join(format!("{file}.{lang}.docx"));
        let path = format!("treaties/{file}.treaty");
        let output = treaty(
            &[
                "render",
                &path,
                "--to",
                "docx",
                "--annotate",
                "--lang",
                lang,
                "--out",
                out.to_str().unwrap(),
            ],
            repo(),
        );
        assert_eq!(code(&output), 0, "{}", stderr(&output));
        let bytes = std::fs::read(&out).unwrap();
        let text = std::fs::read_to_string(repo().join(&path)).unwrap();
        let (drafts, _) = render_text(
            &path,
            &text,
            lang,
            &Options {
                annotate: true,
                ..Options::default()
            },
        );
        let document = paragraphs(&part(&bytes, "word/document.xml"));
        let headings: Vec<&String> = document
            .iter()
            .filter(|p| p.0 == "Heading1")
            .map(|p| &p.1)
            .collect();
        let expected: Vec<String> = drafts
            .iter()
            .flat_map(|d| {
                d.articles
                    .iter()
                    .map(move |a| format!("{} — {}", d.article_label(a), a.heading))
            })
            .collect();
        assert_eq!(headings, expected.iter().collect::<Vec<_>>(), "{file}");
        // One comment per sentence and per gap, each naming its line.
        let commented: Vec<_> = document.iter().filter(|p| !p.2.is_empty()).collect();
        let sentences: usize = drafts.iter().map(|d| d.sentences().count()).sum();
        let gaps: usize = drafts
            .iter()
            .flat_map(|d| &d.articles)
            .map(|a| a.gaps.len())
            .sum();
        assert!(gaps > 0);
        assert_eq!(commented.len(), sentences + gaps, "{file}");
        let comments = paragraphs(&part(&bytes, "word/comments.xml"));
        assert_eq!(comments.len(), sentences + gaps);
        let label = if lang == "fr" { "ligne" } else { "line" };
        let (_, first) = drafts[0].sentences().next().unwrap();
        assert_eq!(comments[0].1, format!("{path}, {label} {}", first.line));
        assert_eq!(commented[0].1, format!("1. {}", first.text));
    }
}

#[test]
fn html_is_self_contained_and_links_each_sentence_to_its_line() {
    let output = treaty(
        &[
            "render",
            "treaties/budapest-1994.treaty",
            "--to",
            "html",
            "--annotate",
        ],
        repo(),
    );
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    let html = stdout(&output);
    common::assert_self_contained(&html);
    let mut links = 0;
    for (i, _) in html.match_indices("<li data-line=\"") {
        let line: usize = html[i + 15..].split('"').next().unwrap().parse().unwrap();
        assert!(html[i..].starts_with(&format!("<li data-line=\"{line}\">")));
        assert!(
            html.contains(&format!("href=\"#L{line}\""))
                && html.contains(&format!("<span id=\"L{line}\">"))
        );
        links += 1;
    }
    assert!(links > 10);
    assert!(html.contains("<section class=\"article\" id=\"t1-article-1\""));
    assert!(html.contains("<aside class=\"gap\""));
}

#[test]
fn diff_render_marks_the_changed_sentences() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(repo().join("treaties/uk-ukraine-2024.treaty")).unwrap();
    std::fs::write(dir.path().join("old.treaty"), &text).unwrap();
    std::fs::write(
        dir.path().join("new.treaty"),
        text.replace("within 24 hours", "within 48 hours"),
    )
    .unwrap();
    let output = treaty(
        &["diff", "--render", "old.treaty", "new.treaty"],
        dir.path(),
    );
    assert_eq!(code(&output), 1, "{}", stderr(&output));
    let redline = stdout(&output);
    let changed: Vec<&str> = redline
        .lines()
        .filter(|l| l.starts_with("- ") || l.starts_with("+ "))
        .collect();
    assert_eq!(
        changed,
        [
            "- In the event of an armed attack by the Russian Federation against Ukraine, the Participants shall consult within 24 hours.",
            "+ In the event of an armed attack by the Russian Federation against Ukraine, the Participants shall consult within 48 hours.",
        ],
        "{redline}"
    );
    let french = stdout(&treaty(
        &[
            "diff",
            "--render",
            "--lang",
            "fr",
            "old.treaty",
            "new.treaty",
        ],
        dir.path(),
    ));
    assert!(french.contains("+ En cas d'attaque armée par la Fédération de Russie contre l'Ukraine, les Participants s'engagent à se consulter dans un délai de 48 heures."), "{french}");
    let same = treaty(
        &["diff", "--render", "old.treaty", "old.treaty"],
        dir.path(),
    );
    assert_eq!(code(&same), 0);
    assert!(!stdout(&same)
        .lines()
        .any(|l| l.starts_with("+ ") || l.starts_with("- ")));
}

#[test]
fn render_refuses_bad_input_clearly() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("bad.treaty"),
        "treaty t {\n  form nonsense\n}\n",
    )
    .unwrap();
    let output = treaty(&["render", "bad.treaty"], dir.path());
    assert_eq!(code(&output), 2);
    let output = treaty(
        &["render", "treaties/uk-ukraine-2024.treaty", "--lang", "xx"],
        repo(),
    );
    assert_eq!(code(&output), 2);
    assert!(
        stderr(&output).contains("available: en, fr"),
        "{}",
        stderr(&output)
    );
    let input = dir.path().join("in.treaty");
    std::fs::copy(repo().join("treaties/uk-ukraine-2024.treaty"), &input).unwrap();
    let output = treaty(&["render", "in.treaty", "--out", "in.treaty"], dir.path());
    assert_eq!(code(&output), 2);
    assert!(stderr(&output).contains("refusing"));
    assert!(Path::new(&input).exists());
}

/// docs/render.md shows real output: each excerpt under a `<!-- treaty render ... -->`
/// line is a run of lines of that command's output.
#[test]
fn render_doc_excerpts_match_the_binary() {
    let doc = std::fs::read_to_string(repo().join("docs/render.md")).unwrap();
    let mut checked = 0;
    let mut rest = doc.as_str();
    while let Some(start) = rest.find("<!-- treaty render ") {
        let after = &rest[start + 5..];
        let command = &after[..after.find(" -->").unwrap()];
        let body = &after[after.find("```markdown\n").unwrap() + 12..];
        let excerpt = &body[..body.find("```").unwrap()];
        let args: Vec<&str> = command.split_whitespace().skip(1).collect();
        let output = treaty(&args, repo());
        assert_eq!(code(&output), 0, "{command}");
        let excerpt = excerpt.replace("…\n", "");
        for piece in excerpt.split("\n\n\n") {
            assert!(
                stdout(&output).contains(piece.trim_end_matches('\n')),
                "{command}: not in the output:\n{piece}"
            );
        }
        checked += 1;
        rest = &after[1..];
    }
    assert!(checked >= 2);
}

/// `--annotate` shows the gaps `treaty check` reports: a suppression comment and the
/// project's treaty.toml apply, as they do to check, compare and report.
#[test]
fn annotate_shows_the_gaps_check_reports() {
    let dir = tempfile::tempdir().unwrap();
    let uk = std::fs::read_to_string(repo().join("treaties/uk-ukraine-2024.treaty")).unwrap();
    let suppressed = uk.replace(
        "  duration 10 years",
        "  // treaty: allow(FIXED_TERM) ten years, as signed\n  duration 10 years",
    );
    assert_ne!(suppressed, uk);
    std::fs::write(dir.path().join("uk.treaty"), &suppressed).unwrap();
    std::fs::write(
        dir.path().join("treaty.toml"),
        "[rules]\nONE_SIDED = \"off\"\n",
    )
    .unwrap();
    let output = treaty(&["render", "uk.treaty", "--annotate"], dir.path());
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    let annotated = stdout(&output);
    assert!(!annotated.contains("FIXED_TERM"), "suppressed in the file");
    assert!(!annotated.contains("ONE_SIDED"), "off in treaty.toml");
    assert!(annotated.contains("NO_MUTUAL_DEFENCE"), "the others stay");
    // The same gaps as check.
    let check = treaty(&["check", "--format", "json", "uk.treaty"], dir.path());
    let json: serde_json::Value = serde_json::from_str(&stdout(&check)).unwrap();
    for gap in json["files"][0]["treaties"][0]["gaps"].as_array().unwrap() {
        let code = gap["code"].as_str().unwrap();
        assert!(annotated.contains(code), "{code} is reported by check");
    }
}
