//! Did-you-mean suggestions for misspelt keywords, party codes and vocabulary words.
//! A leaf: it compares strings and must not import anything from the crate.

pub mod look_alike;

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
    // A candidate the word only looks like (`аrmed-attack` with a Cyrillic `а`) is the
    // answer, whatever the edit distance says. Only a word outside ASCII can be one:
    // the candidates here are keywords and vocabulary.
    let skeleton = (!word.is_ascii()).then(|| look_alike::skeleton(word));
    let mut best: Option<(f64, &'a str)> = None;
    for candidate in candidates {
        if skeleton.as_deref() == Some(&look_alike::skeleton(candidate)) && candidate != word {
            return Some(candidate);
        }
        if let Some(score) = closeness(&word_lower, &candidate.to_lowercase()) {
            if best.is_none_or(|(s, _)| score > s) {
                best = Some((score, candidate));
            }
        }
    }
    best.map(|(_, candidate)| candidate)
}

/// "did you mean `x`?", naming the letters when `word` only looks like `x`: "did you
/// mean `Suomi`? (`і` is CYRILLIC SMALL LETTER BYELORUSSIAN-UKRAINIAN I, it looks
/// like Latin `i`)".
pub fn did_you_mean_text(word: &str, suggestion: &str) -> String {
    if !look_alike::look_alike(word, suggestion) {
        return format!("did you mean `{suggestion}`?");
    }
    let why = if word.is_ascii() {
        format!(
            "`{suggestion}` is written in other letters: {}",
            look_alike::explain(suggestion, word)
        )
    } else {
        look_alike::explain(word, suggestion)
    };
    format!("did you mean `{suggestion}`? ({why})")
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
    /// TS #39 skeleton -> the first name with it, for [`Suggester::look_alike`]
    /// (one hash lookup, however many names).
    skeletons: std::collections::HashMap<String, u32>,
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
        if name.len() <= MAX_WORD {
            self.skeletons
                .entry(look_alike::skeleton(name))
                .or_insert(self.names.len() as u32);
        }
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

    /// The name that [looks like](look_alike::look_alike) `word` without being it
    /// (a Cyrillic `ЕЕ` for a declared Latin `EE`), if there is one.
    pub fn look_alike(&self, word: &str) -> Option<&str> {
        if word.is_empty() || word.len() > MAX_WORD {
            return None;
        }
        let &i = self.skeletons.get(&look_alike::skeleton(word))?;
        let name = self.names[i as usize].as_str();
        look_alike::look_alike(word, name).then_some(name)
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
    fn look_alikes_are_found_with_and_without_the_index() {
        for count in [3, 2 * LINEAR_LIMIT] {
            let mut suggester = Suggester::new();
            for i in 0..count {
                suggester.push(&format!("P{i:04}"));
            }
            suggester.push("EE");
            suggester.push("SE");
            assert_eq!(suggester.look_alike("\u{0415}\u{0415}"), Some("EE"));
            assert_eq!(suggester.look_alike("EE"), None);
            assert_eq!(suggester.look_alike("XX"), None);
        }
    }

    #[test]
    fn suggests_close_words_only() {
        let words = ["political", "treaty", "declaration"];
        assert_eq!(did_you_mean("politcal", words), Some("political"));
        assert_eq!(did_you_mean("treay", words), Some("treaty"));
        assert_eq!(did_you_mean("zzz", words), None);
    }

    #[test]
    fn a_look_alike_is_preferred_and_named() {
        // `trеaty` (Cyrillic `е`) is one edit from both; the look-alike wins.
        let word = "tr\u{0435}aty";
        assert_eq!(did_you_mean(word, ["treats", "treaty"]), Some("treaty"));
        assert_eq!(
            super::did_you_mean_text(word, "treaty"),
            "did you mean `treaty`? (`\u{0435}` is CYRILLIC SMALL LETTER IE, it looks like Latin `e`)"
        );
        assert_eq!(
            super::did_you_mean_text("treay", "treaty"),
            "did you mean `treaty`?"
        );
    }
}
