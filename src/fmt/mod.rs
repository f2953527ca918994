//! `treaty fmt`: print a treaty file in the canonical layout (`docs/formatting.md`).
//!
//! Structure comes from the syntax tree (treaties, clauses, qualifiers, `source`,
//! trigger blocks, all with byte spans); the words themselves come from the source
//! through [`crate::syntax::comments::tokens`], so nothing the drafter wrote is
//! re-spelled, only re-spaced. Comments are not in the tree: each is placed by position,
//! as a trailing comment of the code before it on its line, or on its own line before
//! what follows. Text the formatter has no tree for (a top-level block from a newer
//! grammar) is copied byte for byte.
//!
//! Before returning, the output is checked against the input: same words in the same
//! order, same comments in the same order, and no syntax error. A formatter bug
//! therefore surfaces as an error, never as a changed treaty.

use crate::diagnostics::Diagnostic;
use crate::span::Span;
use crate::syntax::ast::scenario::{Scenario, ScenarioItem};
use crate::syntax::ast::{Clause, ClauseKind, File, Treaty};
use crate::syntax::comments::{self, Comment, Token, TokenKind};
use crate::syntax::{self, Parsed};

/// The widest a clause may be (indentation included) before it is broken.
pub const MAX_WIDTH: usize = 100;
/// Spaces per block level.
pub const INDENT: usize = 2;

/// Why a text could not be formatted.
#[derive(Debug)]
pub enum FormatError {
    /// The file has syntax errors; it is left as it is.
    Syntax(Vec<Diagnostic>),
    /// The formatter would have changed the file's words or comments (a bug).
    Internal(String),
}

/// Format a whole file. Files with syntax errors are refused with their diagnostics.
///
/// The file is parsed and printed a piece at a time (`syntax::parse_in_pieces`), so
/// the syntax tree of the whole file is never held, and the self-check compares the
/// words and comments as they are scanned: on a 9 MB file of 100,000-item lists this
/// took the peak from 947 MB (105 times the file) to the figure in
/// docs/robustness.md.
pub fn format_text(text: &str) -> Result<String, FormatError> {
    // The printer (and its token list) is made for the first piece that parses: a
    // file refused before parsing (`E003`, `E007`) costs no tokens.
    let mut printer = None;
    let mut errors = Vec::new();
    syntax::parse_in_pieces(text, syntax::PIECE_BYTES, |mut piece| {
        if piece.has_errors() || !errors.is_empty() {
            errors.append(&mut piece.diagnostics);
        } else {
            printer
                .get_or_insert_with(|| Printer::new(text))
                .file_part(&piece.file);
        }
    });
    if !errors.is_empty() {
        return Err(FormatError::Syntax(errors));
    }
    let mut printer = printer.unwrap_or_else(|| Printer::new(text));
    printer.verbatim_before(text.len());
    let formatted = printer.finish();
    verify(text, &formatted)?;
    Ok(formatted)
}

/// Format from an existing parse, whatever its diagnostics. Parts of the text outside
/// every treaty in the tree are copied as they are.
pub fn format_parsed(text: &str, parsed: &Parsed) -> String {
    let mut printer = Printer::new(text);
    printer.file(&parsed.file);
    printer.finish()
}

/// Whether `text` is already in canonical layout (`false` for a file that cannot be
/// formatted).
pub fn is_formatted(text: &str) -> bool {
    matches!(format_text(text), Ok(formatted) if formatted == text)
}

fn verify(before: &str, after: &str) -> Result<(), FormatError> {
    // Token slices compared in place: no copy of every word of both texts.
    let same = |comment: bool| slices(before, comment).eq(slices(after, comment));
    if !same(false) {
        return Err(FormatError::Internal(
            "the formatted text would not have the same words".into(),
        ));
    }
    if !same(true) {
        return Err(FormatError::Internal(
            "the formatted text would not have the same comments".into(),
        ));
    }
    let mut errors = false;
    syntax::parse_in_pieces(after, syntax::PIECE_BYTES, |piece| {
        errors |= piece.has_errors();
    });
    if errors {
        return Err(FormatError::Internal(
            "the formatted text would not parse".into(),
        ));
    }
    Ok(())
}

/// The text of the comments of `text` (`comment`), or of its other tokens, in order.
fn slices(text: &str, comment: bool) -> impl Iterator<Item = &str> {
    comments::token_iter(text)
        .filter(move |t| (t.kind == TokenKind::Comment) == comment)
        .map(move |t| &text[t.span.start..t.span.end])
}

/// A run of tokens printed as one clause: where its continuation lines may start.
struct Layout {
    /// Indices (into the printer's code tokens) of the clause's tokens.
    tokens: std::ops::Range<usize>,
    /// Token indices where a qualifier or `source` begins.
    breaks: Vec<usize>,
}

struct Printer<'t> {
    text: &'t str,
    /// Every token except comments.
    code: Vec<Token>,
    comments: Vec<Comment>,
    next_comment: usize,
    out: String,
    /// The line being built, indentation included; empty at the start of a line.
    line: String,
    /// Text of the last token on `line`, for spacing.
    last_token: Option<&'t str>,
    /// Source offset just after the last thing printed (token or comment).
    last_end: usize,
    /// Nothing printed yet at this block level (no blank line may go here).
    block_start: bool,
    /// Inside a clause, where blank lines are dropped.
    in_clause: bool,
}

impl<'t> Printer<'t> {
    fn new(text: &'t str) -> Self {
        // One list of code tokens, counted first so it is allocated once at its
        // size: it is the formatter's largest allocation (24 bytes a token, 16 times
        // the text for `A, A, ...`).
        let is_code = |t: &Token| t.kind != TokenKind::Comment;
        let mut code = Vec::with_capacity(comments::token_iter(text).filter(is_code).count());
        let mut comment_spans = Vec::new();
        for token in comments::token_iter(text) {
            if is_code(&token) {
                code.push(token);
            } else {
                comment_spans.push(token.span);
            }
        }
        Printer {
            text,
            code,
            comments: comments::comments_at(text, &comment_spans),
            next_comment: 0,
            out: String::with_capacity(text.len() + text.len() / 8),
            line: String::new(),
            last_token: None,
            last_end: 0,
            block_start: true,
            in_clause: false,
        }
    }

    fn finish(mut self) -> String {
        self.comments_before(self.text.len(), 0);
        self.end_line();
        self.out
    }

    fn slice(&self, span: Span) -> &'t str {
        &self.text[span.start..span.end]
    }

    /// Index of the first code token starting at or after `offset`.
    fn token_at(&self, offset: usize) -> usize {
        self.code.partition_point(|t| t.span.start < offset)
    }

    fn end_line(&mut self) {
        if !self.line.is_empty() {
            self.out.push_str(self.line.trim_end());
            self.out.push('\n');
            self.line.clear();
        }
        self.last_token = None;
    }

    /// Start a new line at block level: one blank line first if the source had at
    /// least one here and this is not the first thing in the block.
    fn block_line(&mut self, source_start: usize) {
        self.end_line();
        let between = self.text.get(self.last_end..source_start).unwrap_or("");
        if !self.block_start && !self.in_clause && has_blank_line(between) {
            self.out.push('\n');
        }
        self.block_start = false;
    }

    /// Print the comments that start before `offset`. Own-line comments go at
    /// `indent`; a comment that trailed code in the source trails the current line.
    fn comments_before(&mut self, offset: usize, indent: usize) {
        while let Some(comment) = self.comments.get(self.next_comment) {
            if comment.span.start >= offset {
                break;
            }
            let (span, own_line) = (comment.span, comment.own_line);
            let text = self.slice(span);
            if own_line || self.line.is_empty() {
                self.block_line(span.start);
                push_indent(&mut self.line, indent);
            } else {
                self.line.push(' ');
            }
            self.line.push_str(text);
            self.end_line();
            self.last_end = span.end;
            self.next_comment += 1;
        }
    }

    /// Print the comment that trails the last printed code on its source line, if any.
    fn trailing_comment(&mut self) {
        if let Some(comment) = self.comments.get(self.next_comment) {
            let next_code = self
                .code
                .get(self.token_at(self.last_end))
                .map_or(self.text.len(), |t| t.span.start);
            let same_line = comment.span.start >= self.last_end
                && comment.span.start < next_code
                && !self.text[self.last_end..comment.span.start].contains('\n');
            if !comment.own_line && same_line && !self.line.is_empty() {
                self.comments_before(comment.span.end, 0);
            }
        }
    }

    /// Print one token; comments before it come first. After a comment the token
    /// starts a continuation line at `indent`.
    fn token(&mut self, index: usize, indent: usize) {
        let token = self.code[index];
        self.comments_before(token.span.start, indent);
        let text = self.slice(token.span);
        if self.line.is_empty() {
            push_indent(&mut self.line, indent);
        } else if self.last_token.is_some_and(|prev| spaced(prev, text)) {
            self.line.push(' ');
        }
        self.line.push_str(text);
        self.last_token = Some(text);
        self.last_end = token.span.end;
    }

    fn file(&mut self, file: &File) {
        self.file_part(file);
        self.verbatim_before(self.text.len());
    }

    /// The blocks of one piece of the file (all of it, or one of the pieces of
    /// `syntax::parse_in_pieces`, given in file order).
    fn file_part(&mut self, file: &File) {
        // Treaties and scenarios, in the order they are written.
        let mut blocks: Vec<(usize, Option<&Treaty>, Option<&Scenario>)> = file
            .treaties
            .iter()
            .map(|t| (t.span.start, Some(t), None))
            .chain(file.scenarios.iter().map(|s| (s.span.start, None, Some(s))))
            .collect();
        blocks.sort_by_key(|(start, _, _)| *start);
        for (_, treaty, scenario) in blocks {
            if let Some(treaty) = treaty {
                self.treaty(treaty);
            }
            if let Some(scenario) = scenario {
                self.scenario(scenario);
            }
        }
    }

    /// A block's header, from its keyword to its `{`, on one line.
    fn header(&mut self, span: Span) {
        self.verbatim_before(span.start);
        let open = self.find_punct(span.start, "{");
        let header =
            self.token_at(span.start)..open.map_or_else(|| self.token_at(span.end), |o| o + 1);
        self.comments_before(span.start, 0);
        self.block_line(span.start);
        self.print_clause_tokens(
            &Layout {
                tokens: header,
                breaks: Vec::new(),
            },
            0,
        );
    }

    fn treaty(&mut self, treaty: &Treaty) {
        self.header(treaty.span);
        self.block(&treaty.clauses, INDENT, treaty.span.end.saturating_sub(1));
    }

    /// The token ranges of a scenario's items, if together with its header and `}`
    /// they hold every token of the block (a line that did not parse is in none).
    fn scenario_items(&self, scenario: &Scenario) -> Option<Vec<std::ops::Range<usize>>> {
        let open = self.find_punct(scenario.span.start, "{")?;
        let close = self.token_at(scenario.span.end.saturating_sub(1));
        if self.code.get(close).map(|t| self.slice(t.span)) != Some("}") {
            return None;
        }
        let mut next = open + 1;
        let mut ranges = Vec::new();
        for item in &scenario.items {
            let range = match item {
                ScenarioItem::Use { span, .. }
                | ScenarioItem::Assume { span, .. }
                | ScenarioItem::End { span, .. } => {
                    (self.token_at(span.start), self.token_at(span.end))
                }
                ScenarioItem::Expect(e) => (self.token_at(e.span.start), self.token_at(e.span.end)),
                // The happening's span starts after the `event` keyword.
                ScenarioItem::Event(h) => {
                    let span = h.span();
                    (
                        self.token_at(span.start).saturating_sub(1),
                        self.token_at(span.end),
                    )
                }
            };
            if range.0 != next || range.1 <= range.0 {
                return None;
            }
            next = range.1;
            ranges.push(range.0..range.1);
        }
        (next == close).then_some(ranges)
    }

    /// A scenario block: one line per item, words single-spaced. A block with a line
    /// that did not parse is copied as it is.
    fn scenario(&mut self, scenario: &Scenario) {
        let Some(items) = self.scenario_items(scenario) else {
            self.verbatim_before(scenario.span.end);
            return;
        };
        self.header(scenario.span);
        self.end_line();
        self.block_start = true;
        for range in items {
            let first = self.code[range.start].span.start;
            self.comments_before(first, INDENT);
            self.block_line(first);
            self.print_clause_tokens(
                &Layout {
                    tokens: range,
                    breaks: Vec::new(),
                },
                INDENT,
            );
        }
        self.close_block(INDENT, scenario.span.end.saturating_sub(1));
    }

    /// Copy the code between the last printed token and `offset` as it is (with
    /// its comments printed around it), if there is any.
    fn verbatim_before(&mut self, offset: usize) {
        let first = self.token_at(self.last_end);
        let last = self.token_at(offset);
        if first >= last {
            return;
        }
        let start = self.code[first].span.start;
        let end = self.code[last - 1].span.end;
        self.comments_before(start, 0);
        self.block_line(start);
        self.line.push_str(&self.text[start..end]);
        self.last_token = Some("");
        self.last_end = end;
        self.skip_comments_inside(end);
    }

    fn skip_comments_inside(&mut self, end: usize) {
        // Comments inside the copied text are part of it.
        while self
            .comments
            .get(self.next_comment)
            .is_some_and(|c| c.span.start < end)
        {
            self.next_comment += 1;
        }
        self.trailing_comment();
    }

    /// The code token `punct` at or after `offset`, outside strings and comments.
    fn find_punct(&self, offset: usize, punct: &str) -> Option<usize> {
        (self.token_at(offset)..self.code.len()).find(|&i| {
            self.code[i].kind == TokenKind::Punct && self.slice(self.code[i].span) == punct
        })
    }

    /// The clauses of a block, the comments before its `}`, and the `}` at `close`.
    fn block(&mut self, clauses: &[Clause], indent: usize, close: usize) {
        self.end_line();
        self.block_start = true;
        for clause in clauses {
            self.clause(clause, indent);
        }
        self.close_block(indent, close);
    }

    /// The comments before a block's `}`, and the `}` at `close`.
    fn close_block(&mut self, indent: usize, close: usize) {
        self.comments_before(close, indent);
        self.end_line();
        let outer = indent - INDENT;
        let close_index = self.token_at(close);
        if close_index < self.code.len() && self.slice(self.code[close_index].span) == "}" {
            push_indent(&mut self.line, outer);
            self.line.push('}');
            self.last_token = Some("}");
            self.last_end = self.code[close_index].span.end;
            self.trailing_comment();
        }
        self.block_start = false;
    }

    fn clause(&mut self, clause: &Clause, indent: usize) {
        let start = self.token_at(clause.span.start);
        let end = match &clause.kind {
            ClauseKind::Trigger { .. } => self
                .find_punct(clause.span.start, "{")
                .map_or(start, |o| o + 1),
            _ => self.token_at(clause.span.end),
        };
        let mut breaks: Vec<usize> = clause
            .qualifiers
            .iter()
            .map(|q| self.token_at(q.span.start))
            .collect();
        if let Some(decided) = &clause.decided_by {
            breaks.push(self.token_at(decided.span.start));
        }
        if let Some(source) = &clause.source {
            // The tree spans the string; the break goes before its `source` keyword.
            breaks.push(self.token_at(source.span.start).saturating_sub(1));
        }
        breaks.sort_unstable();
        breaks.retain(|&b| b > start && b < end);
        // `qualified-by` is nothing but its qualifiers: the first stays with the keyword.
        if matches!(clause.kind, ClauseKind::QualifiedBy) && breaks.first() == Some(&(start + 1)) {
            breaks.remove(0);
        }
        self.comments_before(clause.span.start, indent);
        self.block_line(clause.span.start);
        self.print_clause_tokens(
            &Layout {
                tokens: start..end,
                breaks,
            },
            indent,
        );
        if let ClauseKind::Trigger {
            clauses,
            block_span,
            ..
        } = &clause.kind
        {
            self.block(clauses, indent + INDENT, block_span.end.saturating_sub(1));
        }
    }

    fn print_clause_tokens(&mut self, layout: &Layout, indent: usize) {
        let range = layout.tokens.clone();
        if range.is_empty() {
            return;
        }
        let first = self.code[range.start].span.start;
        let last = self.code[range.end - 1].span.end;
        let inner_comment = self.comments[self.next_comment..]
            .iter()
            .take_while(|c| c.span.start < last)
            .any(|c| c.span.start > first);
        let one_line = !inner_comment && indent + self.width(range.clone()) <= MAX_WIDTH;
        let continuation = indent + INDENT;
        for index in range.clone() {
            let at_break = layout.breaks.contains(&index);
            if index != range.start {
                // A brace opening a block stays on the line of the code before it.
                let brace = self.slice(self.code[index].span) == "{";
                if at_break && !one_line && !brace {
                    self.comments_before(self.code[index].span.start, continuation);
                    self.end_line();
                }
            }
            let token_indent = if index == range.start {
                indent
            } else {
                continuation
            };
            self.token(index, token_indent);
            self.in_clause = true;
        }
        self.in_clause = false;
        self.trailing_comment();
    }

    /// Width in characters of the tokens printed on one line.
    fn width(&self, range: std::ops::Range<usize>) -> usize {
        let mut width = 0;
        let mut prev: Option<&str> = None;
        for index in range {
            let text = self.slice(self.code[index].span);
            if prev.is_some_and(|p| spaced(p, text)) {
                width += 1;
            }
            width += text.chars().count();
            prev = Some(text);
        }
        width
    }
}

fn push_indent(line: &mut String, indent: usize) {
    line.push_str(&" ".repeat(indent));
}

/// Whether a space goes between two adjacent tokens on a line.
fn spaced(prev: &str, next: &str) -> bool {
    let tight_after = prev == "[" || prev == "(";
    let tight_before = matches!(next, "," | "]" | ")") || (next == "(" && !is_punct_text(prev));
    !(tight_after || tight_before)
}

fn is_punct_text(text: &str) -> bool {
    matches!(text, "," | "[" | "]" | "(" | ")" | "{" | "}" | "->")
}

/// Whether the whitespace between two pieces of code holds an empty line.
fn has_blank_line(between: &str) -> bool {
    let mut lines = between.split('\n');
    lines.next();
    let mut inner: Vec<&str> = lines.collect();
    // The last piece is the start of the next line, not a whole line.
    inner.pop();
    inner.iter().any(|line| line.trim().is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fmt(text: &str) -> String {
        match format_text(text) {
            Ok(out) => out,
            Err(e) => panic!("cannot format: {e:?}"),
        }
    }

    #[test]
    fn respaces_words_and_indents_blocks() {
        let input = "treaty   t{title    \"T\"\n party UK \"United Kingdom\" guarantor\nparty UA \"Ukraine\" beneficiary\n\n\n\ntrigger armed-attack against UA{consult UK,UA within 24 hours}}";
        assert_eq!(
            fmt(input),
            "treaty t {\n  title \"T\"\n  party UK \"United Kingdom\" guarantor\n  party UA \"Ukraine\" beneficiary\n\n  trigger armed-attack against UA {\n    consult UK, UA within 24 hours\n  }\n}\n"
        );
    }

    #[test]
    fn qualified_by_keeps_its_first_qualifier_on_the_keyword_line() {
        let long = "y".repeat(90);
        let input =
            format!("treaty t {{\n  qualified-by aspirational conditional-on \"{long}\"\n}}\n");
        let out = fmt(&input);
        assert!(
            out.contains("  qualified-by aspirational\n    conditional-on \"y"),
            "{out}"
        );
    }

    #[test]
    fn long_clauses_put_qualifiers_and_source_on_continuation_lines() {
        let long = "x".repeat(90);
        let input = format!(
            "treaty t {{\n  party UA \"Ukraine\" beneficiary\n  provide UA -> UA training subject-to-funding source \"{long}\"\n}}\n"
        );
        let out = fmt(&input);
        assert!(
            out.contains("  provide UA -> UA training\n    subject-to-funding\n    source \"x"),
            "{out}"
        );
        assert_eq!(fmt(&out), out);
    }

    #[test]
    fn long_clauses_put_decided_by_on_a_continuation_line() {
        let input = "treaty t {\n  party US guarantor\n  party UA beneficiary\n  party RU adversary\n  trigger armed-attack by RU against UA threshold significant, deliberate, sustained decided-by US after consultation with UA {\n    assist US -> UA with armed-force decided-by \"Organ of Consultation of the American Republics\" two-thirds source \"the Organ of Consultation\"\n  }\n}\n";
        let out = fmt(input);
        assert!(
            out.contains("sustained\n    decided-by US after consultation with UA {\n"),
            "{out}"
        );
        assert!(
            out.contains("armed-force\n      decided-by \"Organ of Consultation of the American Republics\" two-thirds\n      source"),
            "{out}"
        );
        assert_eq!(fmt(&out), out);
    }

    #[test]
    fn comments_keep_their_place() {
        let input = "// file\ntreaty t { // header\n  // leading\n  title \"T\" // trailing\n\n  // before close\n}\n// end\n";
        assert_eq!(fmt(input), input);
    }

    #[test]
    fn blank_lines_after_open_and_before_close_are_removed() {
        let input = "treaty t {\n\n  title \"T\"\n\n}\n";
        assert_eq!(fmt(input), "treaty t {\n  title \"T\"\n}\n");
    }
}
