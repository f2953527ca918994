//! A cheap pass before pest: find blocks nested deeper than the limit, skipping
//! braces inside strings and comments, so hostile input cannot overflow pest's stack.

/// `Err(offset)` of the first `{` that exceeds `limit`.
pub fn check_nesting(text: &str, limit: usize) -> Result<(), usize> {
    let bytes = text.as_bytes();
    let mut depth = 0usize;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'"' => {
                // Strings end at a quote or the end of the line (an unterminated string).
                i += 1;
                while i < bytes.len() && bytes[i] != b'"' && bytes[i] != b'\n' {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
            }
            b'/' if bytes.get(i + 1) == Some(&b'/') => {
                while i < bytes.len() && bytes[i] != b'\n' {
                    i += 1;
                }
            }
            b'{' => {
                depth += 1;
                if depth > limit {
                    return Err(i);
                }
            }
            b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
        i += 1;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn braces_in_strings_and_comments_do_not_count() {
        assert!(check_nesting("a { \"{{{{\" // {{{{\n }", 1).is_ok());
        assert_eq!(check_nesting("{{{", 2), Err(2));
    }

    #[test]
    fn closing_braces_reduce_depth() {
        assert!(check_nesting("{}{}{}{}", 1).is_ok());
        assert!(check_nesting("}}}{", 1).is_ok());
    }
}
