//! Changes to the parties (added, removed, roles changed) and to the qualifiers that
//! hedge a clause or the whole instrument.

use super::*;

impl Ctx<'_> {
    pub(super) fn parties(&mut self, old: &[Party], new: &[Party]) {
        for o in old {
            match new.iter().find(|n| n.code == o.code) {
                None => self.push(
                    Area::Parties,
                    ChangeKind::Removed,
                    format!("{} removed", describe::party(o)),
                    None,
                    Some(o.span),
                    None,
                ),
                Some(n) => {
                    if o.name != n.name {
                        let show = |p: &Party| {
                            p.name
                                .as_ref()
                                .map_or("no name".to_string(), |n| format!("\"{n}\""))
                        };
                        self.push(
                            Area::Parties,
                            ChangeKind::Changed,
                            format!("party {} name {} -> {}", o.code, show(o), show(n)),
                            None,
                            Some(o.span),
                            Some(n.span),
                        );
                    }
                    let guarantees = |r: Role| matches!(r, Role::Guarantor | Role::Member);
                    for role in o.roles.iter().filter(|r| !n.roles.contains(r)) {
                        let kind = if guarantees(*role) {
                            ChangeKind::Weakened
                        } else {
                            ChangeKind::Changed
                        };
                        self.push(
                            Area::Parties,
                            kind,
                            format!("party {}: role {} removed", o.code, role.word()),
                            None,
                            Some(o.span),
                            Some(n.span),
                        );
                    }
                    for role in n.roles.iter().filter(|r| !o.roles.contains(r)) {
                        // A guarantor that is also the adversary guarantees nothing.
                        let compromised =
                            n.has_role(Role::Adversary) && n.is_participant_other_than_adversary();
                        let kind = if compromised {
                            ChangeKind::Weakened
                        } else if guarantees(*role) {
                            ChangeKind::Strengthened
                        } else {
                            ChangeKind::Changed
                        };
                        self.push(
                            Area::Parties,
                            kind,
                            format!("party {}: role {} added", o.code, role.word()),
                            None,
                            Some(o.span),
                            Some(n.span),
                        );
                    }
                }
            }
        }
        for n in new.iter().filter(|n| !old.iter().any(|o| o.code == n.code)) {
            self.push(
                Area::Parties,
                ChangeKind::Added,
                format!("{} added", describe::party(n)),
                None,
                None,
                Some(n.span),
            );
        }
    }

    #[allow(clippy::too_many_arguments)]
    pub(super) fn qualifier_changes(
        &mut self,
        old: &[Qualifier],
        new: &[Qualifier],
        on: &str,
        area: Area,
        old_span: Span,
        new_span: Span,
        clause: Option<&str>,
    ) {
        let weakening = |q: &Qualifier, added: bool| match (q.kind.weakens(), added) {
            (true, true) => ChangeKind::Weakened,
            (true, false) => ChangeKind::Strengthened,
            (false, _) => ChangeKind::Changed,
        };
        for q in old {
            match new.iter().find(|n| n.kind == q.kind) {
                None => self.push(
                    area,
                    weakening(q, false),
                    format!("qualifier {} removed from {on}", q.kind.word()),
                    clause.map(str::to_string),
                    Some(old_span),
                    Some(new_span),
                ),
                Some(n) if n.argument != q.argument => {
                    let show = |a: &Option<Text>| {
                        a.as_ref()
                            .map_or("no wording".to_string(), |a| format!("\"{a}\""))
                    };
                    self.push(
                        area,
                        ChangeKind::Changed,
                        format!(
                            "qualifier {} on {on}: {} -> {}",
                            q.kind.word(),
                            show(&q.argument),
                            show(&n.argument)
                        ),
                        clause.map(str::to_string),
                        Some(old_span),
                        Some(new_span),
                    );
                }
                Some(_) => {}
            }
        }
        for q in new.iter().filter(|n| !old.iter().any(|o| o.kind == n.kind)) {
            self.push(
                area,
                weakening(q, true),
                format!("qualifier {} added to {on}", q.kind.word()),
                clause.map(str::to_string),
                Some(old_span),
                Some(new_span),
            );
        }
    }
}
