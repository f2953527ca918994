//! A treaty's parties by code, for [`super::Treaty::party`]: a linear search was
//! quadratic wherever a rule asked once per party (issue 19: 10,000 beneficiaries in
//! one `provide`, 10,000 parties both guarantor and adversary).
//!
//! Built on first use, and only for a treaty with more than [`LINEAR`] parties. The
//! index remembers how many parties it was built from: `parties` only grows after
//! resolution (`crate::references` adds parties by reference), so a longer list means
//! a stale index, rebuilt on the next lookup. It is not part of the model: it is not
//! serialised, not cloned, and never makes two treaties unequal.

use std::collections::HashMap;
use std::sync::RwLock;

use super::{Party, Text};

/// Up to this many parties a linear search is as fast as a hash lookup.
pub const LINEAR: usize = 32;

#[derive(Default)]
pub struct PartyIndex {
    /// The number of parties indexed, and each code's first position.
    built: RwLock<Option<(usize, HashMap<Text, usize>)>>,
}

impl PartyIndex {
    pub fn find<'a>(&self, parties: &'a [Party], code: &str) -> Option<&'a Party> {
        if parties.len() <= LINEAR {
            return parties.iter().find(|p| p.code == code);
        }
        if let Ok(guard) = self.built.read() {
            if let Some((len, map)) = guard.as_ref() {
                if *len == parties.len() {
                    return map.get(code).map(|&i| &parties[i]);
                }
            }
        }
        let mut map = HashMap::with_capacity(parties.len());
        for (i, party) in parties.iter().enumerate() {
            map.entry(party.code.clone()).or_insert(i);
        }
        let found = map.get(code).map(|&i| &parties[i]);
        if let Ok(mut guard) = self.built.write() {
            *guard = Some((parties.len(), map));
        }
        found
    }
}

impl Clone for PartyIndex {
    fn clone(&self) -> Self {
        PartyIndex::default()
    }
}

impl PartialEq for PartyIndex {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl std::fmt::Debug for PartyIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("PartyIndex")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stale_index_is_rebuilt_when_parties_are_added() {
        let party = |code: &str| Party {
            code: code.into(),
            name: None,
            roles: Vec::new(),
            members: Vec::new(),
            span: crate::span::Span::new(0, 0),
        };
        let mut parties: Vec<Party> = (0..100).map(|i| party(&format!("P{i}"))).collect();
        let index = PartyIndex::default();
        assert_eq!(index.find(&parties, "P7").map(|p| &p.code[..]), Some("P7"));
        assert!(index.find(&parties, "NEW").is_none());
        parties.push(party("NEW"));
        assert_eq!(
            index.find(&parties, "NEW").map(|p| &p.code[..]),
            Some("NEW")
        );
        // The first declaration wins, as with a linear search.
        parties.push(party("P7"));
        assert!(std::ptr::eq(
            index.find(&parties, "P7").unwrap(),
            &parties[7]
        ));
    }
}
