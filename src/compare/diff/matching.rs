//! Matching: which item of the old draft is which item of the new. Items are
//! compared in a normal form (no spans, no quotations, lists sorted), so a moved or
//! re-worded clause is still the same clause. It must not decide whether a change
//! weakens or strengthens (see `strength`).

use super::*;

/// A value with spans and `source` quotations removed and every list sorted: what
/// is left is what the clause means, whatever its layout or order.
pub(super) fn normal<T: Serialize>(value: &T) -> Value {
    pub(super) fn strip(value: Value) -> Value {
        match value {
            Value::Object(map) => Value::Object(
                map.into_iter()
                    .filter(|(k, _)| {
                        !matches!(
                            k.as_str(),
                            "span" | "header_span" | "hedges_span" | "source"
                        )
                    })
                    .map(|(k, v)| (k, strip(v)))
                    .collect(),
            ),
            Value::Array(items) => {
                let mut items: Vec<Value> = items.into_iter().map(strip).collect();
                items.sort_by_cached_key(|v| v.to_string());
                Value::Array(items)
            }
            other => other,
        }
    }
    strip(serde_json::to_value(value).unwrap_or(Value::Null))
}

/// Pair items of two lists: identical items first (by their normal form, in one pass),
/// then each pass pairs what it accepts among the rest, cheapest first; what is left
/// was removed (old) or added (new).
pub(super) struct Pairing {
    pub(super) pairs: Vec<(usize, usize)>,
    pub(super) removed: Vec<usize>,
    pub(super) added: Vec<usize>,
}

pub(super) type Accept<'f, T> = &'f dyn Fn(&T, &T) -> bool;

pub(super) fn pair<T: Serialize>(
    old: &[T],
    new: &[T],
    passes: &[Accept<T>],
    cost: &dyn Fn(&T, &T) -> usize,
) -> Pairing {
    let mut old_taken = vec![false; old.len()];
    let mut new_taken = vec![false; new.len()];
    let mut pairs = Vec::new();
    let mut identical: std::collections::HashMap<String, std::collections::VecDeque<usize>> =
        std::collections::HashMap::new();
    for (j, n) in new.iter().enumerate() {
        identical
            .entry(normal(n).to_string())
            .or_default()
            .push_back(j);
    }
    for (i, o) in old.iter().enumerate() {
        if let Some(j) = identical
            .get_mut(&normal(o).to_string())
            .and_then(|js| js.pop_front())
        {
            old_taken[i] = true;
            new_taken[j] = true;
            pairs.push((i, j));
        }
    }
    for accept in passes {
        for (i, o) in old.iter().enumerate() {
            if old_taken[i] {
                continue;
            }
            let best = new
                .iter()
                .enumerate()
                .filter(|(j, n)| !new_taken[*j] && accept(o, n))
                .min_by_key(|(j, n)| (cost(o, n), *j))
                .map(|(j, _)| j);
            if let Some(j) = best {
                old_taken[i] = true;
                new_taken[j] = true;
                pairs.push((i, j));
            }
        }
    }
    Pairing {
        pairs,
        removed: (0..old.len()).filter(|i| !old_taken[*i]).collect(),
        added: (0..new.len()).filter(|j| !new_taken[*j]).collect(),
    }
}
