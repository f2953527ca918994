//! From the syntax tree to the model: check vocabulary words (with did-you-mean),
//! resolve party codes, validate dates and normalise periods and amounts.
//! Problems become diagnostics; the clause concerned is then left out of the model
//! (or the bad word dropped) so the rules still run on the rest.
//!
//! Here: the file and treaty level (names, the resolver's state). Header clauses are
//! in `header`, obligations and triggers in `obligations`, single words and values in
//! `values`. Resolving must not judge: no tier, gap or lint is decided here.

use super::*;
use crate::diagnostics::Diagnostic;
use crate::suggest::did_you_mean;
use crate::syntax::ast;

pub mod codes {
    //! Codes of the diagnostics this stage emits.
    pub const UNKNOWN_PARTY: &str = "E101";
    pub const DUPLICATE_PARTY: &str = "E102";
    pub const INVALID_DATE: &str = "E103";
    pub const UNKNOWN_WORD: &str = "E104";
    pub const INVALID_NUMBER: &str = "E105";
    pub const DUPLICATE_FIELD: &str = "E106";
    pub const MISSING_FIELD: &str = "E107";
    pub const DUPLICATE_TREATY: &str = "E108";
    /// A clause modifier where it has no meaning (`decided-by` on a header clause, a
    /// threshold on a trigger that is not an attack).
    pub const MISPLACED_MODIFIER: &str = "E110";
    /// A referenced treaty (`incorporate`, `mirror`, `in-addition-to`, `scope-of`)
    /// that cannot be found or read (emitted by `crate::references`).
    pub const REFERENCE_NOT_FOUND: &str = "E109";
    /// An `except` or group member problem: a code not in the group, a group inside
    /// itself, `except` on a list without a group.
    pub const GROUP_MEMBER: &str = "E111";
}

/// Parse and resolve only: the model and the syntax and model diagnostics. Read a
/// piece at a time, like `analysis::check`: the syntax tree of the whole file is never
/// held.
pub fn model_of(text: &str) -> (Model, Vec<Diagnostic>) {
    let mut treaties = Vec::new();
    let mut diagnostics = Vec::new();
    let mut resolver = FileResolver::default();
    crate::syntax::parse_in_pieces(text, crate::syntax::PIECE_BYTES, |mut piece| {
        diagnostics.append(&mut piece.diagnostics);
        treaties.extend(piece.file.treaties.iter().filter_map(|t| resolver.add(t)));
    });
    diagnostics.append(&mut resolver.into_diagnostics());
    (Model { treaties }, diagnostics)
}

/// Resolve every treaty of a parsed file.
pub fn resolve(file: &ast::File) -> (Model, Vec<Diagnostic>) {
    let mut resolver = FileResolver::default();
    let treaties = file
        .treaties
        .iter()
        .filter_map(|treaty| resolver.add(treaty))
        .collect();
    (Model { treaties }, resolver.into_diagnostics())
}

/// One treaty resolved from its tree alone, with the diagnostics of its resolution:
/// `None` when it has no name. [`FileResolver::add_resolved`] adds it to a file.
pub fn resolve_one(treaty: &ast::Treaty) -> (Option<Treaty>, Vec<Diagnostic>) {
    let mut diagnostics = Vec::new();
    let resolved = Resolver::new(&mut diagnostics).treaty(treaty);
    (resolved, diagnostics)
}

/// Resolves a file's treaties one at a time, in file order, so that a caller can drop
/// each treaty's syntax tree, and even its model, once it is done with it (see
/// `syntax::parse_in_pieces` and `analysis::check`).
#[derive(Default)]
pub struct FileResolver {
    diagnostics: Vec<Diagnostic>,
    /// Header spans by name: a map, so a file with many treaties stays linear.
    seen: std::collections::HashMap<Text, Span>,
}

impl FileResolver {
    /// The treaty resolved, or `None` when it cannot be (no name) or its name was
    /// already taken in this file; a diagnostic says so.
    pub fn add(&mut self, treaty: &ast::Treaty) -> Option<Treaty> {
        let resolved = Resolver::new(&mut self.diagnostics).treaty(treaty)?;
        self.admit(resolved)
    }

    /// [`Self::add`] of a treaty resolved already ([`resolve_one`]) with the
    /// diagnostics of its resolution.
    pub fn add_resolved(
        &mut self,
        resolved: Option<Treaty>,
        diagnostics: &[Diagnostic],
    ) -> Option<Treaty> {
        self.diagnostics.extend_from_slice(diagnostics);
        self.admit(resolved?)
    }

    /// The treaty, unless its name was taken already in this file.
    fn admit(&mut self, resolved: Treaty) -> Option<Treaty> {
        if let Some(first) = self.seen.get(&resolved.id) {
            self.diagnostics.push(
                Diagnostic::error(
                    codes::DUPLICATE_TREATY,
                    format!("treaty `{}` is defined twice in this file", resolved.id),
                )
                .with_label(resolved.header_span, "defined again here")
                .with_label(*first, "first defined here")
                .with_help("give each treaty in a file its own name"),
            );
            return None;
        }
        self.seen.insert(resolved.id.clone(), resolved.header_span);
        Some(resolved)
    }

    /// The model diagnostics of every treaty added.
    pub fn into_diagnostics(self) -> Vec<Diagnostic> {
        self.diagnostics
    }
}

struct Resolver<'d> {
    diagnostics: &'d mut Vec<Diagnostic>,
    /// Declared party codes, in declaration order (for suggestions)...
    party_codes: Vec<Text>,
    /// ...indexed for did-you-mean (sub-linear past a few hundred parties)...
    party_suggester: crate::suggest::Suggester,
    /// ...and by code, to the party's index in the treaty (for lookups).
    party_index: std::collections::HashMap<Text, usize>,
    /// Header keywords met, valid or not: a `form` with a bad value is reported once,
    /// as a bad value, not again as missing.
    fields_seen: Vec<&'static str>,
    /// Group parties and their members as declared (`party COW ... group FR, UK`).
    groups: std::collections::HashMap<Text, Vec<Text>>,
    /// Unknown vocabulary words reported so far (each once, and only so many).
    unknown: unknown::UnknownWords,
    /// Codes declared by `party` clauses that did not parse.
    unreadable_parties: std::collections::HashSet<Text>,
    /// Uses of those codes met so far: each leaves its clause incomplete.
    unreadable_party_uses: usize,
    /// Clauses of the treaty being resolved that did not resolve.
    unreadable: Vec<Unreadable>,
}

#[derive(Clone, Copy)]
struct Failures {
    diagnostics: usize,
    unknown_words: usize,
    unreadable_party_uses: usize,
}

/// A clause that parsed but did not resolve.
fn unresolved(clause: &ast::Clause, in_trigger: bool) -> Unreadable {
    Unreadable {
        span: clause.span,
        keyword: Some(Text::from(clause.kind.keyword())),
        in_trigger,
        cause: UnreadableCause::Unresolved,
    }
}

fn vocab<T: Copy>(
    word: &ast::Word,
    parse: impl Fn(&str) -> Option<T>,
    words: impl Iterator<Item = &'static str>,
    what: &'static str,
    diagnostics: &mut Vec<Diagnostic>,
    unknown: &mut unknown::UnknownWords,
) -> Option<T> {
    if let Some(value) = parse(&word.value) {
        return Some(value);
    }
    if !unknown.first_time(what, &word.value, word.span, diagnostics) {
        return None;
    }
    let words: Vec<&'static str> = words.collect();
    let suggestion = did_you_mean(&word.value, words.iter().copied());
    let help = match suggestion {
        Some(suggestion) => crate::suggest::did_you_mean_text(&word.value, suggestion),
        None => format!(
            "a {what} is one of: {}",
            words
                .iter()
                .map(|w| format!("`{w}`"))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    };
    diagnostics.push(
        Diagnostic::error(
            codes::UNKNOWN_WORD,
            format!("unknown {what} `{}`", word.value),
        )
        .with_label(word.span, format!("not a {what}"))
        .with_help(help)
        .with_suggestion(suggestion),
    );
    None
}

macro_rules! word_of {
    ($self:ident, $ty:ty, $word:expr) => {
        vocab(
            $word,
            <$ty>::parse,
            <$ty>::words(),
            <$ty>::WHAT,
            $self.diagnostics,
            &mut $self.unknown,
        )
    };
}

// After `word_of!`: a macro is visible only to the modules declared after it.
mod conditions;
mod header;
mod obligations;
mod scope;
mod time;
mod unknown;
mod values;

impl<'d> Resolver<'d> {
    fn new(diagnostics: &'d mut Vec<Diagnostic>) -> Self {
        Resolver {
            diagnostics,
            party_codes: Vec::new(),
            party_suggester: crate::suggest::Suggester::new(),
            party_index: std::collections::HashMap::new(),
            fields_seen: Vec::new(),
            groups: std::collections::HashMap::new(),
            unknown: unknown::UnknownWords::default(),
            unreadable_parties: Default::default(),
            unreadable_party_uses: 0,
            unreadable: Vec::new(),
        }
    }

    /// Where the resolver stands, to tell afterwards whether a clause resolved.
    fn failures(&self) -> Failures {
        Failures {
            diagnostics: self.diagnostics.len(),
            unknown_words: self.unknown.occurrences(),
            unreadable_party_uses: self.unreadable_party_uses,
        }
    }

    /// Whether a word, party, date or number could not be resolved since `mark`
    /// (a repeated unknown word adds a label, not a diagnostic; a use of a party whose
    /// declaration did not parse adds nothing). A duplicate or misplaced clause is
    /// reported, but it was read.
    fn failed_since(&self, mark: Failures) -> bool {
        let unresolvable = [
            codes::UNKNOWN_PARTY,
            codes::INVALID_DATE,
            codes::UNKNOWN_WORD,
            codes::INVALID_NUMBER,
            codes::GROUP_MEMBER,
        ];
        self.unknown.occurrences() != mark.unknown_words
            || self.unreadable_party_uses != mark.unreadable_party_uses
            || self.diagnostics[mark.diagnostics.min(self.diagnostics.len())..]
                .iter()
                .any(|d| unresolvable.contains(&d.code))
    }

    fn treaty(&mut self, treaty: &ast::Treaty) -> Option<Treaty> {
        let name = treaty.name.as_ref()?;
        let mut out = Treaty {
            id: name.value.clone(),
            header_span: treaty.header_span,
            title: None,
            signed: None,
            effective: None,
            form: None,
            status: None,
            binding_override: None,
            ratification: None,
            duration: None,
            renewal: None,
            reviews: Vec::new(),
            withdrawal: None,
            hedges: Vec::new(),
            hedges_span: None,
            parties: Vec::new(),
            obligations: Vec::new(),
            triggers: Vec::new(),
            activation: None,
            proposed: None,
            terminated: None,
            voids: Vec::new(),
            suspensions: Vec::new(),
            references: Vec::new(),
            in_addition_to: Vec::new(),
            foresees: None,
            unreadable: treaty
                .unreadable
                .iter()
                .map(|u| Unreadable {
                    span: u.span,
                    keyword: u.keyword.clone(),
                    in_trigger: u.in_trigger,
                    cause: UnreadableCause::Syntax,
                })
                .collect(),
            party_index: Default::default(),
        };
        // A party whose declaration did not parse was reported there, once: its uses
        // are not reported again as unknown parties.
        self.unreadable_parties = treaty
            .unreadable
            .iter()
            .filter_map(|u| u.party_code.clone())
            .collect();

        // Parties first, so references anywhere in the file resolve.
        for clause in &treaty.clauses {
            match &clause.kind {
                ast::ClauseKind::Party {
                    code,
                    name,
                    roles,
                    members,
                } => {
                    let roles: Vec<Role> = roles
                        .iter()
                        .filter_map(|r| word_of!(self, Role, r))
                        .collect();
                    let fresh = !self.party_index.contains_key(&code.value);
                    self.declare(
                        &mut out,
                        code,
                        name.as_ref().map(|n| n.value.clone()),
                        roles,
                        clause.span,
                    );
                    if fresh && !members.is_empty() {
                        self.groups.insert(code.value.clone(), Vec::new());
                    }
                }
                ast::ClauseKind::Members(codes) => {
                    for code in codes {
                        let existing = self.party_index.get(&code.value).copied();
                        if let Some(existing) = existing.map(|i| &mut out.parties[i]) {
                            if !existing.roles.contains(&Role::Member) {
                                existing.roles.push(Role::Member);
                            }
                        } else {
                            self.declare(&mut out, code, None, vec![Role::Member], code.span);
                        }
                    }
                }
                _ => {}
            }
        }

        self.declare_group_members(&mut out, treaty);

        for clause in &treaty.clauses {
            let before = self.failures();
            self.header_or_obligation(&mut out, clause);
            // A trigger records its own header and each response in it (`trigger`).
            let is_trigger = matches!(clause.kind, ast::ClauseKind::Trigger { .. });
            if !is_trigger && self.failed_since(before) {
                self.unreadable.push(unresolved(clause, false));
            }
        }
        out.unreadable.append(&mut self.unreadable);
        out.unreadable.sort_by_key(|u| u.span.start);

        // A field whose clause is there but unreadable is not missing: its own error
        // says what is wrong, and "has no `status` clause" would be a cascade.
        let written = |field: &str| {
            out.unreadable
                .iter()
                .any(|u| u.keyword.as_deref() == Some(field))
        };
        for (field, present) in [
            ("form", self.fields_seen.contains(&"form")),
            ("status", self.fields_seen.contains(&"status")),
        ] {
            if !present && !written(field) {
                let example = if field == "form" {
                    "form treaty"
                } else {
                    "status signed"
                };
                self.diagnostics.push(
                    Diagnostic::error(
                        codes::MISSING_FIELD,
                        format!("treaty `{}` has no `{field}` clause", out.id),
                    )
                    .with_label(out.header_span, format!("`{field}` is missing"))
                    .with_help(format!(
                        "add a `{field}` clause to the treaty block, such as `{example}`: the tier depends on it"
                    )),
                );
            }
        }
        std::mem::take(&mut self.unknown).finish(self.diagnostics);
        Some(out)
    }

    fn declare(
        &mut self,
        out: &mut Treaty,
        code: &ast::Word,
        name: Option<Text>,
        roles: Vec<Role>,
        span: Span,
    ) {
        if let Some(first) = self.party_index.get(&code.value).map(|&i| &out.parties[i]) {
            self.diagnostics.push(
                Diagnostic::error(
                    codes::DUPLICATE_PARTY,
                    format!("party `{}` is declared twice", code.value),
                )
                .with_label(code.span, "declared again here")
                .with_label(first.span, "first declared here")
                .with_help("declare each party once, with all its roles: `party RU \"Russian Federation\" guarantor, adversary`"),
            );
            return;
        }
        self.party_index
            .insert(code.value.clone(), out.parties.len());
        self.party_codes.push(code.value.clone());
        self.party_suggester.push(&code.value);
        out.parties.push(Party {
            code: code.value.clone(),
            name,
            roles,
            members: Vec::new(),
            span,
        });
    }

    /// The members of each group party: declared by the group (with its roles) when
    /// not declared elsewhere. A group inside itself is refused (E111).
    fn declare_group_members(&mut self, out: &mut Treaty, treaty: &ast::Treaty) {
        for clause in &treaty.clauses {
            let ast::ClauseKind::Party { code, members, .. } = &clause.kind else {
                continue;
            };
            if !self.groups.contains_key(&code.value) {
                continue;
            }
            let group_roles = self
                .party_index
                .get(&code.value)
                .map(|&i| out.parties[i].roles.clone())
                .unwrap_or_default();
            let mut kept = Vec::new();
            // Repeats are found through a set: scanning `kept` was quadratic in a group's size.
            let mut seen = std::collections::HashSet::new();
            for member in members {
                if member.value == code.value {
                    self.diagnostics.push(
                        Diagnostic::error(
                            codes::GROUP_MEMBER,
                            format!("group `{}` lists itself as a member", code.value),
                        )
                        .with_label(member.span, "a group cannot be its own member")
                        .with_help("list the states the group stands for"),
                    );
                    continue;
                }
                if !seen.insert(member.value.clone()) {
                    continue;
                }
                if !self.party_index.contains_key(&member.value) {
                    self.declare(out, member, None, group_roles.clone(), member.span);
                }
                kept.push(member.value.clone());
            }
            self.groups.insert(code.value.clone(), kept);
        }
        // A group inside itself through other groups: `A group B` and `B group A`.
        let names: Vec<Text> = self.groups.keys().cloned().collect();
        for name in names {
            if self.group_contains(&name, &name, 0) {
                let span = self
                    .party_index
                    .get(&name)
                    .map_or(out.header_span, |&i| out.parties[i].span);
                self.diagnostics.push(
                    Diagnostic::error(
                        codes::GROUP_MEMBER,
                        format!("group `{name}` is inside itself through its members"),
                    )
                    .with_label(span, "this group contains itself")
                    .with_help(
                        "a group's members must be states or other groups that do not contain it",
                    ),
                );
                self.groups.insert(name, Vec::new());
            }
        }
        for (name, members) in &self.groups {
            if let Some(&i) = self.party_index.get(name) {
                out.parties[i].members = members.clone();
            }
        }
    }

    /// Whether `group` contains `code`, directly or through member groups.
    fn group_contains(&self, group: &Text, code: &Text, depth: usize) -> bool {
        if depth > 8 {
            return true;
        }
        self.groups.get(group).is_some_and(|members| {
            members
                .iter()
                .any(|m| m == code || self.group_contains(m, code, depth + 1))
        })
    }

    /// Adds every code `group` contains, directly or through member groups, to `out`;
    /// true if the groups nest deeper than `group_contains` follows (which then counts
    /// any code as contained).
    fn collect_members(
        &self,
        group: &Text,
        depth: usize,
        out: &mut std::collections::HashSet<Text>,
    ) -> bool {
        if depth > 8 {
            return true;
        }
        let mut too_deep = false;
        if let Some(members) = self.groups.get(group) {
            for member in members {
                out.insert(member.clone());
                if self.groups.contains_key(member) {
                    too_deep |= self.collect_members(member, depth + 1, out);
                }
            }
        }
        too_deep
    }

    /// `except` on a party list: each code must be in one of the list's groups; the
    /// groups are wrapped so that they expand without those members.
    fn apply_except(&mut self, list: &ast::PartyList, out: Vec<PartyRef>) -> Vec<PartyRef> {
        if list.except.is_empty() {
            return out;
        }
        let is_groupish =
            |r: &PartyRef, groups: &std::collections::HashMap<Text, Vec<Text>>| match r {
                PartyRef::Party { code } => groups.contains_key(code),
                PartyRef::Each { .. } | PartyRef::All { .. } | PartyRef::Any { .. } => true,
                _ => false,
            };
        if !out.iter().any(|r| is_groupish(r, &self.groups)) {
            let span = list.except[0].span;
            self.diagnostics.push(
                Diagnostic::error(
                    codes::GROUP_MEMBER,
                    "`except` leaves members out of a group, but this list names no group",
                )
                .with_label(span, "no group to leave this out of")
                .with_help("declare the group (`party COW \"Coalition\" guarantor group FR, UK`) or list only the parties meant"),
            );
            return out;
        }
        let mut except = Vec::new();
        let named_groups: Vec<Text> = out
            .iter()
            .filter_map(|r| match r {
                PartyRef::Party { code } if self.groups.contains_key(code) => Some(code.clone()),
                _ => None,
            })
            .collect();
        let quantified = out.iter().any(|r| {
            matches!(
                r,
                PartyRef::Each { .. } | PartyRef::All { .. } | PartyRef::Any { .. }
            )
        });
        // Every member of the named groups, collected once: asking `group_contains` per
        // left-out code walked the whole group each time (quadratic in a long `except`).
        let mut members = std::collections::HashSet::new();
        let mut too_deep = false;
        for group in &named_groups {
            too_deep |= self.collect_members(group, 0, &mut members);
        }
        for code in &list.except {
            if !self.check_party(code) {
                continue;
            }
            let inside = quantified || too_deep || members.contains(&code.value);
            if !inside {
                self.diagnostics.push(
                    Diagnostic::error(
                        codes::GROUP_MEMBER,
                        format!(
                            "`{}` is not a member of {}",
                            code.value,
                            named_groups
                                .iter()
                                .map(|g| format!("`{g}`"))
                                .collect::<Vec<_>>()
                                .join(" or ")
                        ),
                    )
                    .with_label(code.span, "not in the group")
                    .with_help("`except` may only leave out members of the groups named before it"),
                );
                continue;
            }
            except.push(code.value.clone());
        }
        if except.is_empty() {
            return out;
        }
        out.into_iter()
            .map(|r| {
                if is_groupish(&r, &self.groups) {
                    PartyRef::Except {
                        of: Box::new(r),
                        except: except.clone(),
                    }
                } else {
                    r
                }
            })
            .collect()
    }

    fn set_once<T>(&mut self, slot: &mut Option<At<T>>, value: T, clause: &ast::Clause) {
        if let Some(first) = slot {
            self.diagnostics.push(
                Diagnostic::error(
                    codes::DUPLICATE_FIELD,
                    format!("`{}` is given twice", clause.kind.keyword()),
                )
                .with_label(clause.span, "given again here")
                .with_label(first.span, "first given here")
                .with_help("keep one of the two clauses"),
            );
            return;
        }
        *slot = Some(At::new(value, clause.span));
    }
}
