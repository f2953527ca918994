//! Did-you-mean suggestions for misspelt keywords, party codes and vocabulary words.
//! A leaf: it compares strings and must not import anything from the crate.

const MAX_WORD: usize = 64;

/// The closest candidate, if it is close enough to be a plausible typo.
pub fn did_you_mean<'a, I>(word: &str, candidates: I) -> Option<&'a str>
where
    I: IntoIterator<Item = &'a str>,
{
    // Nothing longer than this is a typo of a keyword or a code, and comparing a
    // megabyte-long "word" (hostile input) would cost O(n * m) for nothing.
    if word.is_empty() || word.len() > MAX_WORD {
        return None;
    }
    let word_lower = word.to_lowercase();
    let mut best: Option<(f64, &'a str)> = None;
    for candidate in candidates {
        if let Some(score) = closeness(&word_lower, &candidate.to_lowercase()) {
            if best.is_none_or(|(s, _)| score > s) {
                best = Some((score, candidate));
            }
        }
    }
    best.map(|(_, candidate)| candidate)
}

/// Whether `candidate` is close enough to `word` (both lower case) to suggest, and
/// how close (Jaro-Winkler; higher is closer).
fn closeness(word: &str, candidate: &str) -> Option<f64> {
    let score = strsim::jaro_winkler(word, candidate);
    let distance = strsim::damerau_levenshtein(word, candidate);
    let close = score >= 0.85 || distance <= 1 || (distance <= 2 && candidate.len() > 4);
    close.then_some(score)
}

/// Up to this many names, [`Suggester`] compares a word with every one, as
/// [`did_you_mean`] does.
pub const LINEAR_LIMIT: usize = 256;
/// At most this many names from the index are compared with one word.
const MAX_CANDIDATES: usize = 64;

/// Did-you-mean over a growing list of declared names (party codes), in time that
/// does not grow with the list: a treaty with 10,000 parties and 20,000 unknown
/// references must not compare every pair.
///
/// Up to [`LINEAR_LIMIT`] names it compares with each, exactly as [`did_you_mean`].
/// Past that, names are indexed by their one-deletion neighbourhood (SymSpell): every
/// name is stored under itself and under each string made by deleting one of its
/// characters, and a word is looked up the same way, so a name within one insertion,
/// deletion, substitution or transposition of the word shares a key with it. At most
/// [`MAX_CANDIDATES`] names found so are compared. Building costs O(n·L) for n names
/// of at most L characters, and each lookup O(L²); what the large case no longer finds
/// are suggestions two edits away, and those close only by Jaro-Winkler.
#[derive(Debug, Default)]
pub struct Suggester {
    names: Vec<String>,
    /// Lower-cased deletion neighbourhood -> indices into `names` (built past the
    /// linear limit).
    index: Option<std::collections::HashMap<String, Vec<u32>>>,
}

/// The word and each string made by deleting one of its characters.
fn neighbourhood(word: &str) -> impl Iterator<Item = String> + '_ {
    std::iter::once(word.to_string()).chain(word.char_indices().map(move |(i, c)| {
        let mut shorter = String::with_capacity(word.len());
        shorter.push_str(&word[..i]);
        shorter.push_str(&word[i + c.len_utf8()..]);
        shorter
    }))
}

impl Suggester {
    pub fn new() -> Self {
        Suggester::default()
    }

    pub fn push(&mut self, name: &str) {
        self.names.push(name.to_string());
        if self.index.is_none() && self.names.len() > LINEAR_LIMIT {
            let mut index = std::collections::HashMap::new();
            for (i, name) in self.names.iter().enumerate() {
                Self::insert(&mut index, name, i);
            }
            self.index = Some(index);
        } else if let Some(index) = &mut self.index {
            Self::insert(index, name, self.names.len() - 1);
        }
    }

    fn insert(index: &mut std::collections::HashMap<String, Vec<u32>>, name: &str, i: usize) {
        if name.len() > MAX_WORD {
            return;
        }
        for key in neighbourhood(&name.to_lowercase()) {
            let slot: &mut Vec<u32> = index.entry(key).or_default();
            if slot.last() != Some(&(i as u32)) {
                slot.push(i as u32);
            }
        }
    }

    /// The closest name, if one is close enough to be a plausible typo.
    pub fn suggest(&self, word: &str) -> Option<&str> {
        let Some(index) = &self.index else {
            return did_you_mean(word, self.names.iter().map(String::as_str));
        };
        if word.is_empty() || word.len() > MAX_WORD {
            return None;
        }
        let lower = word.to_lowercase();
        let mut found: Vec<u32> = neighbourhood(&lower)
            .filter_map(|key| index.get(&key))
            .flat_map(|slot| slot.iter().copied().take(MAX_CANDIDATES))
            .collect();
        found.sort_unstable();
        found.dedup();
        found.truncate(MAX_CANDIDATES);
        let mut best: Option<(f64, usize)> = None;
        for i in found {
            let i = i as usize;
            if let Some(score) = closeness(&lower, &self.names[i].to_lowercase()) {
                if best.is_none_or(|(s, _)| score > s) {
                    best = Some((score, i));
                }
            }
        }
        best.map(|(_, i)| self.names[i].as_str())
    }

    pub fn len(&self) -> usize {
        self.names.len()
    }

    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::{did_you_mean, Suggester, LINEAR_LIMIT};

    #[test]
    fn the_index_finds_one_edit_typos_among_many_names() {
        let name = |i: u64| format!("{:08x}", i.wrapping_mul(2_654_435_761) % (1 << 32));
        let mut suggester = Suggester::new();
        for i in 0..10 * LINEAR_LIMIT as u64 {
            suggester.push(&name(i));
        }
        suggester.push("Україна");
        let target = name(777);
        let substituted = format!("z{}", &target[1..]);
        let inserted = format!("{target}z");
        let deleted = target[1..].to_string();
        let transposed = format!("{}{}{}", &target[1..2], &target[..1], &target[2..]);
        for typo in [substituted, inserted, deleted, transposed] {
            assert_eq!(suggester.suggest(&typo), Some(target.as_str()), "{typo}");
        }
        assert_eq!(
            suggester.suggest(&target.to_uppercase()),
            Some(target.as_str())
        );
        assert_eq!(suggester.suggest("Укрїана"), Some("Україна"));
        assert_eq!(suggester.suggest("zzzzzzzzzzzz"), None);
    }

    #[test]
    fn few_names_are_compared_as_before() {
        let mut suggester = Suggester::new();
        for word in ["political", "treaty", "declaration"] {
            suggester.push(word);
        }
        assert_eq!(suggester.suggest("politcal"), Some("political"));
        assert_eq!(suggester.suggest("zzz"), None);
    }

    #[test]
    fn suggests_close_words_only() {
        let words = ["political", "treaty", "declaration"];
        assert_eq!(did_you_mean("politcal", words), Some("political"));
        assert_eq!(did_you_mean("treay", words), Some("treaty"));
        assert_eq!(did_you_mean("zzz", words), None);
    }
}
