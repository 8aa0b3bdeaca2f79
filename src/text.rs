//! Small helpers for looking around a position in a sentence: windows that
//! respect UTF-8 boundaries and word-wise comparisons. Shared by the
//! extraction stages.

use std::borrow::Cow;

/// The largest char boundary of `text` not after `index`.
pub fn floor_boundary(text: &str, index: usize) -> usize {
    let mut index = index.min(text.len());
    while !text.is_char_boundary(index) {
        index -= 1;
    }
    index
}

/// The smallest char boundary of `text` not before `index`.
pub fn ceil_boundary(text: &str, index: usize) -> usize {
    let mut index = index.min(text.len());
    while !text.is_char_boundary(index) {
        index += 1;
    }
    index
}

/// Up to `width` bytes of `text` ending at `position`, lowercased.
pub fn lower_window(text: &str, position: usize, width: usize) -> String {
    let start = ceil_boundary(text, position.saturating_sub(width));
    text[start..position].to_lowercase()
}

/// The first `count` words of `text`, lowercased, without surrounding
/// punctuation (inner hyphens and apostrophes kept). Stops at a clause mark.
/// Words already in lower case are borrowed, not copied.
pub fn next_words(text: &str, count: usize) -> Vec<Cow<'_, str>> {
    let mut words = Vec::with_capacity(count);
    for raw in text.split_whitespace() {
        if words.len() == count {
            break;
        }
        let word = raw.trim_matches(|c: char| !c.is_alphanumeric());
        if word.is_empty() {
            if raw.contains([',', ';', ':', '.', '(', ')']) {
                break;
            }
            continue;
        }
        let is_lowercase = word
            .bytes()
            .all(|byte| byte.is_ascii() && !byte.is_ascii_uppercase());
        words.push(if is_lowercase {
            Cow::Borrowed(word)
        } else {
            Cow::Owned(word.to_lowercase())
        });
        if raw.ends_with([',', ';', ':', '.', ')']) {
            break;
        }
    }
    words
}

/// A set of short words, looked up case-insensitively: each word (up to 15
/// bytes) is packed into one integer, so a look-up is a binary search over
/// integers rather than string comparisons.
///
/// ```
/// use frontline::text::WordSet;
/// let set = WordSet::new(["gen", "approx", "u.s"]);
/// assert!(set.contains("Gen") && set.contains("U.S") && !set.contains("general"));
/// ```
#[derive(Debug, Clone)]
pub struct WordSet {
    packed: Vec<u128>,
}

impl WordSet {
    /// The set of `words`; words longer than 15 bytes are left out.
    pub fn new<'a>(words: impl IntoIterator<Item = &'a str>) -> WordSet {
        let mut packed: Vec<u128> = words
            .into_iter()
            .filter_map(|word| pack_word(word.as_bytes()))
            .collect();
        packed.sort_unstable();
        packed.dedup();
        WordSet { packed }
    }

    pub fn contains(&self, word: &str) -> bool {
        self.contains_bytes(word.as_bytes())
    }

    /// [`WordSet::contains`] for a word known only as bytes.
    pub fn contains_bytes(&self, word: &[u8]) -> bool {
        pack_word(word).is_some_and(|packed| self.packed.binary_search(&packed).is_ok())
    }
}

/// A word of up to 15 bytes, ASCII-lowercased, with its length in the top byte.
fn pack_word(word: &[u8]) -> Option<u128> {
    if word.len() > 15 {
        return None;
    }
    let packed = word.iter().fold(0u128, |packed, &byte| {
        packed << 8 | u128::from(byte.to_ascii_lowercase())
    });
    Some(packed | (word.len() as u128) << 120)
}

/// True when `gap`, the text between two items of a list (trimmed), joins
/// them as "and" does: "and", ", and", or the shorthand "+" and "&".
///
/// ```
/// use frontline::text::joins_as_and;
/// assert!(joins_as_and(", and") && joins_as_and("&") && !joins_as_and(","));
/// ```
pub fn joins_as_and(gap: &str) -> bool {
    gap.eq_ignore_ascii_case("and") || gap.eq_ignore_ascii_case(", and") || matches!(gap, "+" | "&")
}

/// `text` without `word` at its end (compared ASCII-case-insensitively),
/// when a space or a comma stands right before the word.
///
/// ```
/// use frontline::text::strip_last_word;
/// assert_eq!(strip_last_word("more than in 2024, When", "when"), Some("more than in 2024, "));
/// assert_eq!(strip_last_word("somewhen", "when"), None);
/// ```
pub fn strip_last_word<'t>(text: &'t str, word: &str) -> Option<&'t str> {
    let start = text.len().checked_sub(word.len())?;
    let before = text.get(..start)?;
    (text[start..].eq_ignore_ascii_case(word)
        && before.ends_with(|c: char| c.is_whitespace() || c == ','))
    .then_some(before)
}

/// True when `text` (trimmed, compared case-insensitively) ends with one of
/// `phrases` on a word boundary.
pub fn ends_with_any_word(text: &str, phrases: &[&str]) -> bool {
    let trimmed = text.trim_end();
    // Only the tail can match: lowercasing it alone keeps this cheap on long text.
    let longest = phrases.iter().map(|p| p.len()).max().unwrap_or(0) + 4;
    let tail = &trimmed[ceil_boundary(trimmed, trimmed.len().saturating_sub(longest))..];
    if tail.is_ascii() {
        // Compared byte by byte, without a lowercased copy. (Some non-ASCII
        // letters lowercase to ASCII ones, so other text takes the long way.)
        let tail = tail.as_bytes();
        return phrases.iter().any(|phrase| {
            let Some(before) = tail.len().checked_sub(phrase.len()) else {
                return false;
            };
            tail[before..]
                .iter()
                .zip(phrase.as_bytes())
                .all(|(byte, expected)| byte.to_ascii_lowercase() == *expected)
                && tail[..before]
                    .last()
                    .is_none_or(|byte| !byte.is_ascii_alphanumeric())
        });
    }
    let lower = tail.to_lowercase();
    phrases.iter().any(|phrase| {
        lower.ends_with(phrase)
            && lower[..lower.len() - phrase.len()]
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_alphanumeric())
    })
}

/// True when `text` contains `phrase` as whole words (case-insensitive;
/// `phrase` must be lowercase).
pub fn contains_word(text: &str, phrase: &str) -> bool {
    if text.is_ascii() {
        return contains_ascii_word(text.as_bytes(), phrase.as_bytes());
    }
    let lower = text.to_lowercase();
    lower.match_indices(phrase).any(|(i, _)| {
        let before = lower[..i].chars().next_back();
        let after = lower[i + phrase.len()..].chars().next();
        before.is_none_or(|c| !c.is_alphanumeric()) && after.is_none_or(|c| !c.is_alphanumeric())
    })
}

/// True when `text` contains any of `phrases` as whole words ([`contains_word`]).
pub fn contains_any_word(text: &str, phrases: &[&str]) -> bool {
    phrases.iter().any(|phrase| contains_word(text, phrase))
}

/// [`contains_word`] for ASCII text, without lowercasing a copy.
fn contains_ascii_word(text: &[u8], phrase: &[u8]) -> bool {
    let Some(&first) = phrase.first() else {
        return true;
    };
    if phrase.len() > text.len() {
        return false;
    }
    let is_word_byte = |b: u8| b.is_ascii_alphanumeric();
    let last_start = text.len() - phrase.len();
    memchr::memchr2_iter(first, first.to_ascii_uppercase(), &text[..=last_start]).any(|at| {
        text[at..at + phrase.len()].eq_ignore_ascii_case(phrase)
            && (at == 0 || !is_word_byte(text[at - 1]))
            && text
                .get(at + phrase.len())
                .is_none_or(|&b| !is_word_byte(b))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_respect_char_boundaries() {
        let text = "км² 701";
        assert_eq!(floor_boundary(text, 1), 0);
        assert_eq!(ceil_boundary(text, 1), 2);
        assert_eq!(lower_window(text, text.len(), 4), " 701");
    }

    #[test]
    fn word_helpers() {
        assert_eq!(next_words(" of them, said", 3), ["of", "them"]);
        assert!(ends_with_any_word("The total Reached ", &["reached"]));
        assert!(!ends_with_any_word("overreached", &["reached"]));
        assert!(contains_word("mostly in Donetsk", "mostly"));
        assert!(!contains_word("mostlyx", "mostly"));
    }
}
