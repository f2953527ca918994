//! `treaty diff --render`: the redline between two drafts in the words a reader sees.
//! Both drafts are rendered in the same language and compared sentence by sentence;
//! an article heading is a line of its own, without its number, so that an inserted
//! article does not mark every later one as changed.

use similar::{ChangeTag, TextDiff};

use super::Draft;

/// The rendered text as lines: the title, each article's heading, each sentence.
pub fn lines(drafts: &[Draft]) -> Vec<String> {
    let mut out = Vec::new();
    for draft in drafts {
        out.push(format!("# {}", draft.title));
        for article in &draft.articles {
            out.push(format!("## {}", article.heading));
            for sentence in &article.sentences {
                out.push(sentence.text.clone());
            }
        }
    }
    out
}

/// The redline: unchanged lines indented, removed ones after `- `, added ones after
/// `+ `, and whether anything changed.
pub fn redline(old_name: &str, old: &[Draft], new_name: &str, new: &[Draft]) -> (String, bool) {
    let old_lines = lines(old);
    let new_lines = lines(new);
    let old_refs: Vec<&str> = old_lines.iter().map(String::as_str).collect();
    let new_refs: Vec<&str> = new_lines.iter().map(String::as_str).collect();
    let diff = TextDiff::from_slices(&old_refs, &new_refs);
    let mut out = format!("--- {old_name}\n+++ {new_name}\n");
    let mut changed = false;
    for change in diff.iter_all_changes() {
        let mark = match change.tag() {
            ChangeTag::Equal => "  ",
            ChangeTag::Delete => {
                changed = true;
                "- "
            }
            ChangeTag::Insert => {
                changed = true;
                "+ "
            }
        };
        out.push_str(mark);
        out.push_str(change.value());
        out.push('\n');
    }
    (out, changed)
}
