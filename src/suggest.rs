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
        let score = strsim::jaro_winkler(&word_lower, &candidate.to_lowercase());
        let distance = strsim::damerau_levenshtein(&word_lower, &candidate.to_lowercase());
        let close = score >= 0.85 || distance <= 1 || (distance <= 2 && candidate.len() > 4);
        if close && best.is_none_or(|(s, _)| score > s) {
            best = Some((score, candidate));
        }
    }
    best.map(|(_, candidate)| candidate)
}

#[cfg(test)]
mod tests {
    use super::did_you_mean;

    #[test]
    fn suggests_close_words_only() {
        let words = ["political", "treaty", "declaration"];
        assert_eq!(did_you_mean("politcal", words), Some("political"));
        assert_eq!(did_you_mean("treay", words), Some("treaty"));
        assert_eq!(did_you_mean("zzz", words), None);
    }
}
