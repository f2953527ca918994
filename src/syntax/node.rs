//! A pest pair that knows where its piece of text starts in the file.
//!
//! A large file is parsed one piece at a time (see [`super::parse_in_pieces`]), and pest
//! reports positions relative to the piece it was given. The lowering reads pairs only
//! through [`Node`], whose positions are already shifted to the whole file, so no span
//! can be left relative to its piece by mistake: pest's own span is not reachable.

use pest::iterators::{Pair, Pairs};

use super::Rule;
use crate::span::Span;

#[derive(Clone)]
pub struct Node<'i> {
    pair: Pair<'i, Rule>,
    /// Where the parsed piece starts in the file.
    base: usize,
}

impl<'i> Node<'i> {
    #[inline]
    pub fn new(pair: Pair<'i, Rule>, base: usize) -> Self {
        Node { pair, base }
    }

    #[inline]
    pub fn as_rule(&self) -> Rule {
        self.pair.as_rule()
    }

    #[inline]
    pub fn as_str(&self) -> &'i str {
        self.pair.as_str()
    }

    /// Byte offset of the node's start in the file.
    #[inline]
    pub fn start(&self) -> usize {
        self.base + self.pair.as_span().start()
    }

    /// Byte offset of the node's end in the file.
    #[inline]
    pub fn end(&self) -> usize {
        self.base + self.pair.as_span().end()
    }

    /// The node's span in the file, as pest matched it (trailing trivia included when
    /// the rule ends with an optional part).
    #[inline]
    pub fn full_span(&self) -> Span {
        Span::new(self.start(), self.end())
    }

    /// Every node below this one, depth first.
    pub fn descendants(self) -> impl Iterator<Item = Node<'i>> {
        let base = self.base;
        self.pair
            .into_inner()
            .flatten()
            .map(move |pair| Node::new(pair, base))
    }

    /// The last child, found without walking the others (pest still counts them).
    #[inline]
    pub fn last_child(&self) -> Option<Node<'i>> {
        self.clone().into_inner().next_back()
    }

    #[inline]
    pub fn into_inner(self) -> Nodes<'i> {
        Nodes {
            pairs: self.pair.into_inner(),
            base: self.base,
        }
    }
}

/// The children of a [`Node`]. Cloning is cheap (pest's pairs share their queue).
#[derive(Clone)]
pub struct Nodes<'i> {
    pairs: Pairs<'i, Rule>,
    base: usize,
}

impl<'i> Iterator for Nodes<'i> {
    type Item = Node<'i>;

    #[inline]
    fn next(&mut self) -> Option<Node<'i>> {
        self.pairs.next().map(|pair| Node::new(pair, self.base))
    }
}

impl DoubleEndedIterator for Nodes<'_> {
    #[inline]
    fn next_back(&mut self) -> Option<Self::Item> {
        self.pairs
            .next_back()
            .map(|pair| Node::new(pair, self.base))
    }
}
