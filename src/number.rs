//! Numbers in English news text: digits with separators, decimals, scale words
//! ("1.2 million", "5.6k"), number words ("seven hundred", "a dozen"),
//! fractions ("a third", "two-thirds"), percentages, ordinals, ranges
//! ("between 500 and 600", "500-600") and hedges ("nearly", "more than",
//! "up to", "or more"). Weapon designations ("S-300", "Shahed-136") are
//! reported as such so that callers can ignore them; times ("10:30", "6pm"),
//! slash dates, phone numbers, version strings and URLs yield nothing.
//! Owns nothing about units or metrics.
//!
//! The text is cut into tokens once (words, digit literals, punctuation);
//! a small hand-written grammar then reads number phrases from the tokens,
//! so the whole scan is linear in the length of the text.

use std::sync::LazyLock;

use crate::fact::Qualifier;
use crate::text::WordSet;

/// What sort of number an expression is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumberKind {
    /// A plain quantity: "5,600", "seven hundred", "1.2 million", "a third".
    Cardinal,
    /// "second", "3rd": never a quantity.
    Ordinal,
    /// "2%", "19.3 percent", "two per cent": `value` is in percent.
    Percent,
    /// Digits glued to a designation: "S-300", "Shahed-136", "Kh-101", "F-16".
    Designation,
}

/// One number expression found in a text, with its byte span.
#[derive(Debug, Clone, PartialEq)]
pub struct NumberMatch {
    /// Byte span of the whole expression, hedge and range included.
    pub start: usize,
    pub end: usize,
    /// Byte offset where the digits or number words begin (after any hedge).
    pub value_start: usize,
    /// The value; for a range, the midpoint of `low` and `high`.
    pub value: f64,
    pub low: Option<f64>,
    pub high: Option<f64>,
    pub qualifier: Qualifier,
    pub kind: NumberKind,
}

/// Every number expression in `text`, in order, not overlapping.
pub fn find_numbers(text: &str) -> Vec<NumberMatch> {
    // Every number expression has digits or a number word at its core; most
    // text has neither, and is then not even tokenized.
    if !may_hold_number(text) {
        return Vec::new();
    }
    // Lowercasing ASCII keeps byte offsets, so words are slices of this.
    let lower_text = text.to_ascii_lowercase();
    let tokens = tokenize(text, &lower_text);
    let parser = Parser { tokens: &tokens };
    let cores = core_positions(&tokens);
    let mut found: Vec<NumberMatch> = Vec::new();
    let mut index = 0;
    let mut next_core = 0;
    while index < tokens.len() {
        // An expression starts at most a few tokens (a hedge, "between", "a")
        // before its first digit or number word: trying it anywhere else
        // finds nothing.
        while cores.get(next_core).is_some_and(|&core| core < index) {
            next_core += 1;
        }
        let Some(&core) = cores.get(next_core) else {
            break;
        };
        index = index.max(core.saturating_sub(MAX_LEAD_TOKENS));
        while index < core && !parser.may_lead(index) {
            index += 1;
        }
        match parser.expression(index) {
            Some((found_match, next)) => {
                if let Some(mut number) = found_match {
                    let previous_end = found.last().map_or(0, |m| m.end);
                    number.start = number.start.max(previous_end);
                    match found.last_mut() {
                        Some(previous) if joins_bounds(text, previous, &number) => {
                            merge_bounds(previous, &number);
                        }
                        _ => found.push(number),
                    }
                }
                index = next.max(index + 1);
            }
            None => index += 1,
        }
    }
    found.retain(|number| !is_footnote_marker(text, number));
    found
}

/// A bare number in square brackets is a reference to a note, not a figure
/// ("along the lower Dnipro.[150]", "shot down [13] over Kyiv").
fn is_footnote_marker(text: &str, number: &NumberMatch) -> bool {
    text[..number.start].ends_with('[')
        && text[number.end..].starts_with(']')
        && text[number.start..number.end]
            .bytes()
            .all(|b| b.is_ascii_digit())
}

/// Most tokens an expression can have before its first digit or number word:
/// a hedge of three words ("no more than"), the full stop of "approx.",
/// "between" and "a" ("between a third and a half"), with room to spare.
const MAX_LEAD_TOKENS: usize = 8;

/// Indexes of the tokens every number expression contains one of: digit
/// literals and words of the number vocabulary.
fn core_positions(tokens: &[Token]) -> Vec<usize> {
    tokens
        .iter()
        .enumerate()
        .filter(|(_, token)| match token.kind {
            TokenKind::Number(_) => true,
            _ => token
                .word()
                .is_some_and(|word| is_vocabulary_word(word.as_bytes())),
        })
        .map(|(index, _)| index)
        .collect()
}

/// "more than 10 and less than 20", "at most 100 and at least 20": two
/// opposite bounds joined by "and", "but" or a comma make one range.
fn joins_bounds(text: &str, first: &NumberMatch, second: &NumberMatch) -> bool {
    let one_sided = |m: &NumberMatch| m.low.is_none() && m.high.is_none();
    if !one_sided(first) || !one_sided(second) || first.kind != second.kind {
        return false;
    }
    let (low, high) = match (first.qualifier, second.qualifier) {
        (Qualifier::AtLeast, Qualifier::AtMost) => (first.value, second.value),
        (Qualifier::AtMost, Qualifier::AtLeast) => (second.value, first.value),
        _ => return false,
    };
    let between = text.get(first.end..second.start).unwrap_or_default().trim();
    let joined = between == ","
        || between.eq_ignore_ascii_case("and")
        || between.eq_ignore_ascii_case("but")
        || between.eq_ignore_ascii_case(", and")
        || between.eq_ignore_ascii_case(", but");
    joined && low < high
}

fn merge_bounds(first: &mut NumberMatch, second: &NumberMatch) {
    let (low, high) = if first.qualifier == Qualifier::AtLeast {
        (first.value, second.value)
    } else {
        (second.value, first.value)
    };
    first.end = second.end;
    first.low = Some(low);
    first.high = Some(high);
    first.value = (low + high) / 2.0;
    first.qualifier = Qualifier::Approx;
}

/// Parses a whole string as one number expression ("5,600", "1.2 million",
/// "two thousand", "a dozen", "about 40%"). Designations are not numbers.
pub fn parse_number(text: &str) -> Option<f64> {
    let trimmed = text.trim();
    let found = find_numbers(trimmed);
    match found.as_slice() {
        [only]
            if only.start == 0
                && only.end == trimmed.len()
                && only.kind != NumberKind::Designation =>
        {
            Some(only.value)
        }
        _ => None,
    }
}

// ---------------------------------------------------------------------------
// Tokens
// ---------------------------------------------------------------------------

/// Longest word kept in lower case for vocabulary look-ups ("approximately").
const WORD_BUFFER: usize = 16;

#[derive(Debug, Clone, Copy, PartialEq)]
enum LiteralClass {
    Cardinal,
    Ordinal,
    Designation,
    /// Not a number at all: part of a version string or IP address.
    Ignored,
}

#[derive(Debug, Clone, Copy, PartialEq)]
struct Literal {
    /// Value with any glued scale ("5.6k") applied.
    value: f64,
    /// The glued scale ("k" = 1000), 1 when none.
    scale: f64,
    /// Digits only: no separators, no decimals, no scale.
    plain_integer: bool,
    /// Digits after the decimal point.
    fraction_digits: u8,
    class: LiteralClass,
    /// Where the designation begins ("S" of "S-300"); the literal start otherwise.
    chunk_start: usize,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum TokenKind<'a> {
    /// `lower` is empty for words too long or non-ASCII.
    Word {
        lower: &'a str,
    },
    Number(Literal),
    Punct(char),
    /// A URL or e-mail address: nothing inside counts and nothing bridges it.
    Barrier,
}

#[derive(Debug, Clone, Copy, PartialEq)]
struct Token<'a> {
    kind: TokenKind<'a>,
    start: usize,
    end: usize,
    space_before: bool,
}

impl<'a> Token<'a> {
    /// The word in lower case; `None` for non-words and for words too long or
    /// non-ASCII (none of which is in the vocabulary).
    fn word(&self) -> Option<&'a str> {
        match self.kind {
            TokenKind::Word { lower } if !lower.is_empty() => Some(lower),
            _ => None,
        }
    }

    fn is_word(&self, expected: &str) -> bool {
        self.word() == Some(expected)
    }

    fn is_any_word(&self) -> bool {
        matches!(self.kind, TokenKind::Word { .. })
    }

    fn punct(&self) -> Option<char> {
        match self.kind {
            TokenKind::Punct(c) => Some(c),
            _ => None,
        }
    }

    fn literal(&self) -> Option<&Literal> {
        match &self.kind {
            TokenKind::Number(literal) => Some(literal),
            _ => None,
        }
    }
}

/// Whether `text` has a digit or a word of the number vocabulary: the core
/// of every number expression, so text without either holds no number.
/// Words are maximal runs of letters, as in [`tokenize`]; a run with
/// non-ASCII letters is in no vocabulary.
pub fn may_hold_number(text: &str) -> bool {
    match scan_ascii(text.as_bytes()) {
        AsciiScan::Digit => true,
        // Bytes outside ASCII separate words in the scan, so "éone" showed
        // "one": only a word of whole letters counts.
        AsciiScan::NumberWord => text.is_ascii() || words_of(text).any(is_vocabulary_word),
        AsciiScan::Neither => false,
    }
}

/// What [`scan_ascii`] found first.
enum AsciiScan {
    Digit,
    NumberWord,
    Neither,
}

/// Looks for an ASCII digit or a run of ASCII letters that is a number word,
/// 64 bytes at a time: a bit mask of letters gives the word starts, and
/// only a word whose first two letters begin a vocabulary word is measured.
/// Any other byte, non-ASCII ones included, ends a word.
fn scan_ascii(bytes: &[u8]) -> AsciiScan {
    let mut last_block_ended_in_a_letter = false;
    for (block_index, chunk) in bytes.chunks(64).enumerate() {
        let mut block = [0u8; 64];
        block[..chunk.len()].copy_from_slice(chunk);
        let (letters, has_digit) = classify_block(&block);
        if has_digit {
            return AsciiScan::Digit;
        }
        let mut word_starts = letters & !(letters << 1 | u64::from(last_block_ended_in_a_letter));
        while word_starts != 0 {
            let at = block_index * 64 + word_starts.trailing_zeros() as usize;
            if is_vocabulary_word_at(&bytes[at..]) {
                return AsciiScan::NumberWord;
            }
            word_starts &= word_starts - 1;
        }
        last_block_ended_in_a_letter = letters >> 63 == 1;
    }
    AsciiScan::Neither
}

/// One bit per byte of `block` for its ASCII letters, and whether it has an
/// ASCII digit.
fn classify_block(block: &[u8; 64]) -> (u64, bool) {
    #[cfg(target_arch = "x86_64")]
    // SAFETY: SSE2 is part of every x86_64 processor.
    return unsafe { classify_block_sse2(block) };
    #[cfg(not(target_arch = "x86_64"))]
    return classify_block_bytewise(block);
}

/// [`classify_block`] 16 bytes per instruction, about ten times fewer
/// instructions than byte by byte: this test runs on every sentence.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "sse2")]
fn classify_block_sse2(block: &[u8; 64]) -> (u64, bool) {
    use std::arch::x86_64::*;
    // `byte - first <= span` unsigned is `min(byte - first, span) == byte - first`.
    let in_range = |bytes: __m128i, first: u8, span: u8| {
        let offset = _mm_sub_epi8(bytes, _mm_set1_epi8(first as i8));
        _mm_cmpeq_epi8(_mm_min_epu8(offset, _mm_set1_epi8(span as i8)), offset)
    };
    let mut letters = 0u64;
    let mut digits = _mm_setzero_si128();
    for (index, sixteen) in block.chunks_exact(16).enumerate() {
        let low_half = u64::from_le_bytes(sixteen[..8].try_into().expect("eight bytes"));
        let high_half = u64::from_le_bytes(sixteen[8..].try_into().expect("eight bytes"));
        let bytes = _mm_set_epi64x(high_half as i64, low_half as i64);
        let lowercased = _mm_or_si128(bytes, _mm_set1_epi8(0x20));
        let letter = in_range(lowercased, b'a', 25);
        digits = _mm_or_si128(digits, in_range(bytes, b'0', 9));
        letters |= u64::from(_mm_movemask_epi8(letter) as u16) << (16 * index);
    }
    (letters, _mm_movemask_epi8(digits) != 0)
}

/// [`classify_block`] byte by byte.
#[cfg_attr(all(target_arch = "x86_64", not(test)), allow(dead_code))]
fn classify_block_bytewise(block: &[u8; 64]) -> (u64, bool) {
    let letters = block.iter().enumerate().fold(0u64, |letters, (bit, byte)| {
        letters | u64::from(byte.is_ascii_alphabetic()) << bit
    });
    (letters, block.iter().any(u8::is_ascii_digit))
}

/// Whether the run of ASCII letters `text` starts with is a number word.
/// The run is measured only when its first two letters begin one.
#[inline]
fn is_vocabulary_word_at(text: &[u8]) -> bool {
    let lengths = vocabulary_lengths(text);
    if lengths == 0 {
        return false;
    }
    let longest = text.len().min(16);
    let length = text[2..longest]
        .iter()
        .position(|byte| !byte.is_ascii_alphabetic())
        .map_or(longest, |letters_after_two| letters_after_two + 2);
    length < 16 && lengths & (1 << length) != 0 && VOCABULARY.contains_bytes(&text[..length])
}

/// Maximal runs of letters, as in [`tokenize`].
fn words_of(text: &str) -> impl Iterator<Item = &[u8]> {
    text.split(|c: char| !c.is_alphabetic())
        .filter(|word| !word.is_empty())
        .map(str::as_bytes)
}

/// Whether `word` (any case) is a word of the number vocabulary: "nine",
/// "hundred", "dozen".
pub fn is_number_vocabulary(word: &str) -> bool {
    is_vocabulary_word(word.as_bytes())
}

/// Whether a word (any case) is in the number vocabulary. Most words fail
/// the shape test; the few that pass ("fire" has the shape of "five") are
/// looked up in the list, not parsed.
#[inline]
fn is_vocabulary_word(word: &[u8]) -> bool {
    has_vocabulary_shape(word) && VOCABULARY.contains_bytes(word)
}

static VOCABULARY: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(NUMBER_WORDS.iter().copied()));

/// Every word [`is_number_word`] accepts (a test keeps the two in step):
/// the number vocabulary.
#[rustfmt::skip]
const NUMBER_WORDS: &[&str] = &[
    "billion", "doz", "dozen", "dozens", "dozs", "dz", "dzs", "eight", "eighteen", "eighteenth",
    "eighth", "eighths", "eightieth", "eighty", "eleven", "eleventh", "fifteen", "fifteenth",
    "fifth", "fifths", "fiftieth", "fifty", "first", "five", "fortieth", "forty", "four",
    "fourteen", "fourteenth", "fourth", "fourths", "fourty", "half", "halves", "hundred",
    "hundredth", "million", "millionth", "naught", "nine", "nineteen", "nineteenth",
    "ninetieth", "ninety", "ninth", "ninths", "nought", "one", "quarter", "quarters", "second",
    "seven", "seventeen", "seventeenth", "seventh", "sevenths", "seventieth", "seventy", "six",
    "sixteen", "sixteenth", "sixth", "sixths", "sixtieth", "sixty", "ten", "tenth", "tenths",
    "third", "thirds", "thirteen", "thirteenth", "thirtieth", "thirty", "thousand",
    "thousandth", "three", "trillion", "twelfth", "twelve", "twentieth", "twenty", "two",
    "zero",
];

/// Letters in the shape table: a to z.
const LETTERS: usize = 26;

/// For each pair of first letters, one bit per length of the vocabulary
/// words that start with them: a one-load test that rejects "the", "that"
/// and most other words before any string comparison.
static VOCABULARY_SHAPES: LazyLock<[u16; LETTERS * LETTERS]> = LazyLock::new(|| {
    let mut shapes = [0u16; LETTERS * LETTERS];
    for word in NUMBER_WORDS {
        let bytes = word.as_bytes();
        shapes[shape_slot(bytes[0], bytes[1])] |= 1 << bytes.len();
    }
    shapes
});

fn shape_slot(first: u8, second: u8) -> usize {
    usize::from(first - b'a') * LETTERS + usize::from(second - b'a')
}

/// Whether a word (any case) has the first letters and length of a
/// vocabulary word.
#[inline]
fn has_vocabulary_shape(word: &[u8]) -> bool {
    word.len() < 16 && vocabulary_lengths(word) & (1 << word.len()) != 0
}

/// One bit per length of the vocabulary words that begin with the first
/// two letters of `text` (any case); none when it does not begin with two
/// letters.
#[inline]
fn vocabulary_lengths(text: &[u8]) -> u16 {
    let [first, second, ..] = text else {
        return 0;
    };
    let (first, second) = (first.to_ascii_lowercase(), second.to_ascii_lowercase());
    if first.is_ascii_lowercase() && second.is_ascii_lowercase() {
        VOCABULARY_SHAPES[shape_slot(first, second)]
    } else {
        0
    }
}

/// A word of the number vocabulary: "seven", "hundred", "dozen", "third" …
#[cfg(test)]
fn is_number_word(word: &str) -> bool {
    small_number(word).is_some()
        || is_multiplier_word(word)
        || dozen_word(word).is_some()
        || ordinal_word(word).is_some()
        || denominator(word).is_some()
}

fn is_group_space(c: char) -> bool {
    matches!(c, ' ' | '\u{a0}' | '\u{2009}' | '\u{202f}')
}

fn is_dash(c: char) -> bool {
    matches!(
        c,
        '-' | '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}'
    )
}

fn char_at(text: &str, index: usize) -> Option<char> {
    let byte = *text.as_bytes().get(index)?;
    if byte.is_ascii() {
        return Some(char::from(byte));
    }
    text.get(index..).and_then(|rest| rest.chars().next())
}

fn char_before(text: &str, index: usize) -> Option<char> {
    text.get(..index).and_then(|head| head.chars().next_back())
}

fn digit_run_end(bytes: &[u8], from: usize) -> usize {
    let mut end = from;
    while end < bytes.len() && bytes[end].is_ascii_digit() {
        end += 1;
    }
    end
}

/// `lower_text` is `text` in ASCII lower case.
fn tokenize<'a>(text: &str, lower_text: &'a str) -> Vec<Token<'a>> {
    let bytes = text.as_bytes();
    let may_hold_address = memchr::memchr2(b':', b'@', bytes).is_some();
    let mut tokens: Vec<Token> = Vec::with_capacity(text.len() / 4 + 1);
    let mut index = 0;
    let mut space_before = true;
    while let Some(c) = char_at(text, index) {
        if c.is_whitespace() {
            space_before = true;
            index += c.len_utf8();
            continue;
        }
        if space_before {
            if let Some(chunk_end) = address_chunk_end(text, index, may_hold_address) {
                tokens.push(Token {
                    kind: TokenKind::Barrier,
                    start: index,
                    end: chunk_end,
                    space_before,
                });
                index = chunk_end;
                space_before = false;
                continue;
            }
        }
        let starts_decimal = c == '.'
            && bytes.get(index + 1).is_some_and(u8::is_ascii_digit)
            && !char_before(text, index).is_some_and(char::is_alphanumeric);
        let is_unit_power = c.is_ascii_digit()
            && !space_before
            && tokens.last().is_some_and(|previous| {
                matches!(
                    previous.word(),
                    Some("km" | "m" | "mi" | "cm" | "mm" | "ft" | "sqm")
                ) && power_suffix_end(text, previous.start) == Some(index + 1)
            });
        let token = if is_unit_power {
            Token {
                kind: TokenKind::Punct(c),
                start: index,
                end: index + 1,
                space_before,
            }
        } else if c.is_ascii_digit() || starts_decimal {
            let token = scan_literal(text, index, space_before, &tokens);
            tokens.push(token);
            // "24703m2": keep the unit ("m", "2") as plain tokens so that the
            // power is not read as a designation.
            if let Some(power_end) = unit_power_end(text, &token) {
                tokens.push(Token {
                    kind: TokenKind::Word {
                        lower: &lower_text[token.end..power_end - 1],
                    },
                    start: token.end,
                    end: power_end - 1,
                    space_before: false,
                });
                tokens.push(Token {
                    kind: TokenKind::Punct(char::from(bytes[power_end - 1])),
                    start: power_end - 1,
                    end: power_end,
                    space_before: false,
                });
                index = power_end;
            } else {
                index = token.end;
            }
            space_before = false;
            continue;
        } else if c.is_alphabetic() {
            let mut end = index;
            while let Some(next) = char_at(text, end) {
                if !next.is_alphabetic() {
                    break;
                }
                end += next.len_utf8();
            }
            let in_vocabulary_range = end - index <= WORD_BUFFER && bytes[index..end].is_ascii();
            let lower = if in_vocabulary_range {
                &lower_text[index..end]
            } else {
                ""
            };
            Token {
                kind: TokenKind::Word { lower },
                start: index,
                end,
                space_before,
            }
        } else {
            Token {
                kind: TokenKind::Punct(c),
                start: index,
                end: index + c.len_utf8(),
                space_before,
            }
        };
        index = token.end;
        tokens.push(token);
        space_before = false;
    }
    tokens
}

/// The end of a whitespace-delimited chunk that is a URL or an e-mail address
/// (`may_hold_address`: whether the text has a `:` or `@` at all).
fn address_chunk_end(text: &str, start: usize, may_hold_address: bool) -> Option<usize> {
    let rest = &text[start..];
    // Without ':' or '@' in the text, only "www." can start an address.
    if !may_hold_address && !rest.starts_with(['w', 'W']) {
        return None;
    }
    // Bytes first: most chunks are short ASCII words.
    let chunk_len = match rest
        .bytes()
        .position(|b| !b.is_ascii() || char::from(b).is_whitespace())
    {
        Some(at) if rest.as_bytes()[at].is_ascii() => at,
        Some(_) => rest.find(char::is_whitespace).unwrap_or(rest.len()),
        None => rest.len(),
    };
    let chunk = &rest[..chunk_len];
    let marked = chunk.bytes().any(|b| b == b':' || b == b'@');
    let is_address = (marked
        && (chunk.contains("://") || (chunk.contains('@') && chunk.contains('.'))))
        || chunk
            .get(..4)
            .is_some_and(|prefix| prefix.eq_ignore_ascii_case("www."));
    is_address.then_some(start + chunk_len)
}

/// Reads the digit literal at `start`: "5,600", "5 600", "1.2", ".5", "5.6k",
/// "21st", and designations glued to letters ("S-300", "2S19").
fn scan_literal<'a>(
    text: &str,
    start: usize,
    space_before: bool,
    tokens: &[Token<'a>],
) -> Token<'a> {
    let bytes = text.as_bytes();
    let int_end = digit_run_end(bytes, start);
    let mut end = int_end;
    let mut grouped = false;
    // Thousands groups: exactly three digits after one consistent separator,
    // and only after a leading group of one to three digits.
    if (1..=3).contains(&(int_end - start)) {
        let mut separator: Option<char> = None;
        while let Some(sep) = char_at(text, end) {
            if sep != ',' && !is_group_space(sep) {
                break;
            }
            if separator.is_some_and(|chosen| chosen != sep) {
                break;
            }
            let group_start = end + sep.len_utf8();
            let group_end = digit_run_end(bytes, group_start);
            let followed_by_group = group_end - group_start == 3
                && !(bytes.get(group_end) == Some(&b',')
                    && bytes.get(group_end + 1).is_some_and(u8::is_ascii_digit)
                    && is_group_space(sep));
            if !followed_by_group {
                break;
            }
            separator = Some(sep);
            grouped = true;
            end = group_end;
        }
    }
    let mut fraction_digits = 0usize;
    let mut class = LiteralClass::Cardinal;
    // "5,4 thousand", "19,3%": a comma before one or two digits is no
    // thousands separator; before a scale or a percent sign it is a decimal
    // comma (translated copy writes them).
    let decimal_comma_end = (!grouped && bytes.get(end) == Some(&b','))
        .then(|| digit_run_end(bytes, end + 1))
        .filter(|&fraction_end| {
            (1..=2).contains(&(fraction_end - end - 1))
                && (scale_or_percent_follows(text, fraction_end)
                    || area_unit_follows(text, fraction_end))
        });
    let mut separated_value = None;
    if let Some(fraction_end) = decimal_comma_end {
        fraction_digits = fraction_end - end - 1;
        let whole = literal_value(&text[start..end]);
        let fraction = literal_value(&text[end + 1..fraction_end]);
        separated_value = Some(whole + fraction / 10f64.powi(fraction_digits as i32));
        end = fraction_end;
    }
    // "4.000 km²", "1.500 drones": translated European copy groups thousands
    // with dots. One dot before exactly three digits is a decimal point
    // unless a word follows that is no scale ("1.235 billion", "18.125%",
    // a bare "4.800").
    let mut dot_grouped = false;
    if !grouped && decimal_comma_end.is_none() && (1..=3).contains(&(int_end - start)) {
        let mut groups_end = end;
        let mut groups = 0;
        while bytes.get(groups_end) == Some(&b'.') {
            let group_end = digit_run_end(bytes, groups_end + 1);
            if group_end - groups_end - 1 != 3 {
                break;
            }
            groups += 1;
            groups_end = group_end;
        }
        let ends_cleanly = !(bytes.get(groups_end) == Some(&b'.')
            && bytes.get(groups_end + 1).is_some_and(u8::is_ascii_digit));
        let starts_with_zero = bytes[start] == b'0';
        let word_follows = text[groups_end..]
            .trim_start_matches([' ', '\u{a0}'])
            .starts_with(|c: char| c.is_alphabetic());
        if ends_cleanly
            && !starts_with_zero
            && (groups > 1
                || (groups == 1 && word_follows && !scale_or_percent_follows(text, groups_end)))
        {
            grouped = true;
            dot_grouped = true;
            end = groups_end;
            let digits: String = text[start..end]
                .chars()
                .filter(char::is_ascii_digit)
                .collect();
            separated_value = Some(literal_value(&digits));
        }
    }
    if !dot_grouped
        && bytes.get(end) == Some(&b'.')
        && bytes.get(end + 1).is_some_and(u8::is_ascii_digit)
    {
        let fraction_end = digit_run_end(bytes, end + 1);
        fraction_digits = fraction_end - end - 1;
        end = fraction_end;
        // "192.168.1.2", "1.2.3": addresses and versions, not numbers.
        while bytes.get(end) == Some(&b'.') && bytes.get(end + 1).is_some_and(u8::is_ascii_digit) {
            class = LiteralClass::Ignored;
            end = digit_run_end(bytes, end + 1);
        }
    }
    let value = separated_value.unwrap_or_else(|| literal_value(&text[start..end]));
    let plain_integer = !grouped && fraction_digits == 0;

    let mut literal = Literal {
        value,
        scale: 1.0,
        plain_integer,
        fraction_digits: fraction_digits.min(usize::from(u8::MAX)) as u8,
        class,
        chunk_start: start,
    };
    if class == LiteralClass::Ignored {
        return Token {
            kind: TokenKind::Number(literal),
            start,
            end,
            space_before,
        };
    }

    if let Some(chunk_start) = designation_start(space_before, tokens) {
        literal.class = LiteralClass::Designation;
        literal.chunk_start = chunk_start;
        end = designation_end(text, end);
        return Token {
            kind: TokenKind::Number(literal),
            start,
            end,
            space_before,
        };
    }

    // Letters glued after the digits.
    let letters_end = {
        let mut e = end;
        while e < bytes.len() && bytes[e].is_ascii_alphabetic() {
            e += 1;
        }
        e
    };
    if letters_end > end {
        let suffix = &text[end..letters_end];
        let next_is_digit = bytes.get(letters_end).is_some_and(u8::is_ascii_digit);
        if next_is_digit {
            if power_suffix_end(text, end).is_none() {
                literal.class = LiteralClass::Designation;
                end = designation_end(text, end);
            }
        } else if is_ordinal_suffix(suffix) && plain_integer {
            literal.class = LiteralClass::Ordinal;
            end = letters_end;
        } else if let Some(scale) = glued_scale(suffix) {
            literal.scale = scale;
            literal.value = scale_exactly(literal.value, scale, literal.fraction_digits);
            literal.plain_integer = false;
            end = letters_end;
        }
    }
    Token {
        kind: TokenKind::Number(literal),
        start,
        end,
        space_before,
    }
}

/// Whether a scale word or a percent follows `at` ("5,4 thousand", "19,3%").
fn scale_or_percent_follows(text: &str, at: usize) -> bool {
    let rest = &text[at..];
    let rest = rest.strip_prefix([' ', '\u{a0}']).unwrap_or(rest);
    if rest.starts_with('%') {
        return true;
    }
    let word_end = rest
        .find(|c: char| !c.is_ascii_alphabetic())
        .unwrap_or(rest.len());
    let word = rest[..word_end].to_ascii_lowercase();
    word == "percent" || scale_word(&word).is_some() || spaced_scale(&word).is_some()
}

/// Whether a unit of area follows `at` ("461,5 km²", "4,7 sq km"): a
/// decimal comma, as before a scale.
fn area_unit_follows(text: &str, at: usize) -> bool {
    let rest = &text[at..];
    let rest = rest.strip_prefix([' ', '\u{a0}']).unwrap_or(rest);
    let word_end = rest
        .find(|c: char| !c.is_alphanumeric() && c != '²' && c != '.')
        .unwrap_or(rest.len());
    let word = rest[..word_end].trim_end_matches('.').to_ascii_lowercase();
    matches!(
        word.as_str(),
        "km²" | "km2" | "km" | "sq" | "square" | "hectares" | "ha" | "kilometres" | "kilometers"
    )
}

/// The end of a unit with a power glued to digits ("m2", "km3") starting at
/// `from`: up to two letters, then 2 or 3, then no letter or digit.
fn power_suffix_end(text: &str, from: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut letters_end = from;
    while letters_end < bytes.len() && bytes[letters_end].is_ascii_alphabetic() {
        letters_end += 1;
    }
    let letters = letters_end - from;
    let is_power = (1..=2).contains(&letters)
        && matches!(bytes.get(letters_end), Some(b'2' | b'3'))
        && !char_at(text, letters_end + 1).is_some_and(char::is_alphanumeric);
    is_power.then_some(letters_end + 1)
}

fn unit_power_end(text: &str, token: &Token) -> Option<usize> {
    match token.literal() {
        Some(literal) if literal.class == LiteralClass::Cardinal => {
            power_suffix_end(text, token.end)
        }
        _ => None,
    }
}

/// Parses digits with optional separators and decimal part.
fn literal_value(surface: &str) -> f64 {
    let mut buffer = [0u8; 48];
    let mut len = 0;
    let mut fallback = 0.0f64;
    let mut after_point = false;
    let mut fraction_scale = 1.0f64;
    for byte in surface.bytes() {
        if byte.is_ascii_digit() {
            let digit = f64::from(byte - b'0');
            if after_point {
                fraction_scale /= 10.0;
                fallback += digit * fraction_scale;
            } else {
                fallback = fallback * 10.0 + digit;
            }
        } else if byte == b'.' {
            after_point = true;
        } else {
            continue;
        }
        if len < buffer.len() {
            buffer[len] = byte;
        }
        len += 1;
    }
    if len <= buffer.len() {
        if let Some(parsed) = std::str::from_utf8(&buffer[..len])
            .ok()
            .and_then(|digits| digits.parse::<f64>().ok())
        {
            return parsed;
        }
    }
    fallback
}

/// Where a designation begins when the digits at `start` are glued to a
/// name: "G7", "S-300", "Kh-101/102", "COVID-19", "J1149.5+6663".
fn designation_start(space_before: bool, tokens: &[Token]) -> Option<usize> {
    if space_before {
        return None;
    }
    let previous = tokens.last()?;
    match previous.kind {
        TokenKind::Word { .. } => Some(previous.start),
        TokenKind::Punct(c) if is_dash(c) || matches!(c, '+' | '/' | '_' | '#') => {
            if previous.space_before || tokens.len() < 2 {
                return None;
            }
            let before = &tokens[tokens.len() - 2];
            match before.kind {
                TokenKind::Word { .. } => Some(before.start),
                TokenKind::Number(literal) if literal.class == LiteralClass::Designation => {
                    Some(literal.chunk_start)
                }
                _ => None,
            }
        }
        _ => None,
    }
}

/// The end of the alphanumeric chunk a designation runs on to ("95MS", "136s").
fn designation_end(text: &str, from: usize) -> usize {
    let bytes = text.as_bytes();
    let mut end = from;
    loop {
        while end < bytes.len() && bytes[end].is_ascii_alphanumeric() {
            end += 1;
        }
        let joined = end + 1 < bytes.len()
            && matches!(bytes[end], b'-' | b'/')
            && bytes[end + 1].is_ascii_alphanumeric();
        if joined {
            end += 1;
        } else {
            return end;
        }
    }
}

fn is_ordinal_suffix(suffix: &str) -> bool {
    ["st", "nd", "rd", "th"]
        .iter()
        .any(|s| suffix.eq_ignore_ascii_case(s))
}

/// Scales written straight after the digits: "5.6k", "1.5bn", "$10M".
/// A lone lower-case "m" is metres, not millions.
fn glued_scale(suffix: &str) -> Option<f64> {
    match suffix {
        "k" | "K" => Some(1e3),
        "M" | "mn" | "mln" | "mil" | "million" => Some(1e6),
        "b" | "B" | "bn" | "bln" | "billion" => Some(1e9),
        "T" | "tn" | "trn" | "tln" | "trillion" => Some(1e12),
        "thousand" => Some(1e3),
        _ => None,
    }
}

/// Scales written as a separate abbreviation after digits: "10 bln", "2.33 k",
/// "4.8 thous." (translated copy).
fn spaced_scale(word: &str) -> Option<f64> {
    match word {
        "k" | "thous" | "ths" => Some(1e3),
        "mn" | "mln" => Some(1e6),
        "bn" | "bln" => Some(1e9),
        "tn" | "trn" | "tln" => Some(1e12),
        _ => None,
    }
}

// ---------------------------------------------------------------------------
// Vocabulary
// ---------------------------------------------------------------------------

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum SmallClass {
    /// zero … nine
    Unit,
    /// ten … nineteen
    Teen,
    /// twenty … ninety
    Tens,
}

fn small_number(word: &str) -> Option<(f64, SmallClass)> {
    let (value, class) = match word {
        "zero" | "nought" | "naught" => (0, SmallClass::Unit),
        "one" => (1, SmallClass::Unit),
        "two" => (2, SmallClass::Unit),
        "three" => (3, SmallClass::Unit),
        "four" => (4, SmallClass::Unit),
        "five" => (5, SmallClass::Unit),
        "six" => (6, SmallClass::Unit),
        "seven" => (7, SmallClass::Unit),
        "eight" => (8, SmallClass::Unit),
        "nine" => (9, SmallClass::Unit),
        "ten" => (10, SmallClass::Teen),
        "eleven" => (11, SmallClass::Teen),
        "twelve" => (12, SmallClass::Teen),
        "thirteen" => (13, SmallClass::Teen),
        "fourteen" => (14, SmallClass::Teen),
        "fifteen" => (15, SmallClass::Teen),
        "sixteen" => (16, SmallClass::Teen),
        "seventeen" => (17, SmallClass::Teen),
        "eighteen" => (18, SmallClass::Teen),
        "nineteen" => (19, SmallClass::Teen),
        "twenty" => (20, SmallClass::Tens),
        "thirty" => (30, SmallClass::Tens),
        "forty" | "fourty" => (40, SmallClass::Tens),
        "fifty" => (50, SmallClass::Tens),
        "sixty" => (60, SmallClass::Tens),
        "seventy" => (70, SmallClass::Tens),
        "eighty" => (80, SmallClass::Tens),
        "ninety" => (90, SmallClass::Tens),
        _ => return None,
    };
    Some((f64::from(value), class))
}

fn scale_word(word: &str) -> Option<f64> {
    match word {
        "thousand" => Some(1e3),
        "million" => Some(1e6),
        "billion" => Some(1e9),
        "trillion" => Some(1e12),
        _ => None,
    }
}

/// Words that cannot be the noun a number counts ("which one do you…").
fn is_function_word(word: &str) -> bool {
    matches!(
        word,
        "is" | "was"
            | "are"
            | "were"
            | "be"
            | "been"
            | "has"
            | "have"
            | "had"
            | "do"
            | "does"
            | "did"
            | "can"
            | "could"
            | "will"
            | "would"
            | "should"
            | "may"
            | "might"
            | "must"
            | "you"
            | "i"
            | "we"
            | "they"
            | "he"
            | "she"
            | "it"
            | "that"
            | "who"
            | "which"
            | "where"
            | "when"
            | "in"
            | "on"
            | "at"
            | "for"
            | "to"
            | "from"
            | "with"
            | "by"
            | "and"
            | "or"
            | "but"
            | "of"
    )
}

/// "dozen", "dozens", "doz", "dzs": `Some(plural)`.
fn dozen_word(word: &str) -> Option<bool> {
    match word {
        "dozen" | "doz" | "dz" => Some(false),
        "dozens" | "dozs" | "dzs" => Some(true),
        _ => None,
    }
}

fn is_multiplier_word(word: &str) -> bool {
    word == "hundred" || word == "dozen" || scale_word(word).is_some()
}

fn ordinal_word(word: &str) -> Option<(f64, SmallClass)> {
    let (value, class) = match word {
        "first" => (1, SmallClass::Unit),
        "second" => (2, SmallClass::Unit),
        "third" => (3, SmallClass::Unit),
        "fourth" => (4, SmallClass::Unit),
        "fifth" => (5, SmallClass::Unit),
        "sixth" => (6, SmallClass::Unit),
        "seventh" => (7, SmallClass::Unit),
        "eighth" => (8, SmallClass::Unit),
        "ninth" => (9, SmallClass::Unit),
        "tenth" => (10, SmallClass::Teen),
        "eleventh" => (11, SmallClass::Teen),
        "twelfth" => (12, SmallClass::Teen),
        "thirteenth" => (13, SmallClass::Teen),
        "fourteenth" => (14, SmallClass::Teen),
        "fifteenth" => (15, SmallClass::Teen),
        "sixteenth" => (16, SmallClass::Teen),
        "seventeenth" => (17, SmallClass::Teen),
        "eighteenth" => (18, SmallClass::Teen),
        "nineteenth" => (19, SmallClass::Teen),
        "twentieth" => (20, SmallClass::Tens),
        "thirtieth" => (30, SmallClass::Tens),
        "fortieth" => (40, SmallClass::Tens),
        "fiftieth" => (50, SmallClass::Tens),
        "sixtieth" => (60, SmallClass::Tens),
        "seventieth" => (70, SmallClass::Tens),
        "eightieth" => (80, SmallClass::Tens),
        "ninetieth" => (90, SmallClass::Tens),
        "hundredth" => (100, SmallClass::Tens),
        "thousandth" => (1000, SmallClass::Tens),
        "millionth" => (1_000_000, SmallClass::Tens),
        _ => return None,
    };
    Some((f64::from(value), class))
}

/// Fraction denominators: (denominator, plural).
fn denominator(word: &str) -> Option<(f64, bool)> {
    let (value, plural) = match word {
        "half" => (2, false),
        "halves" => (2, true),
        "third" => (3, false),
        "thirds" => (3, true),
        "quarter" | "fourth" => (4, false),
        "quarters" | "fourths" => (4, true),
        "fifth" => (5, false),
        "fifths" => (5, true),
        "sixth" => (6, false),
        "sixths" => (6, true),
        "seventh" => (7, false),
        "sevenths" => (7, true),
        "eighth" => (8, false),
        "eighths" => (8, true),
        "ninth" => (9, false),
        "ninths" => (9, true),
        "tenth" => (10, false),
        "tenths" => (10, true),
        _ => return None,
    };
    Some((f64::from(value), plural))
}

/// Words after "a third" that show it is a share ("down a third in a
/// month", "a third of") rather than a rank ("a third attack").
fn continues_a_fraction(word: Option<&str>) -> bool {
    match word {
        None => true,
        Some(w) => matches!(
            w,
            "of" | "in"
                | "on"
                | "at"
                | "by"
                | "since"
                | "from"
                | "to"
                | "and"
                | "or"
                | "but"
                | "than"
                | "over"
                | "during"
                | "last"
                | "this"
                | "that"
                | "more"
                | "less"
                | "fewer"
                | "higher"
                | "lower"
                | "larger"
                | "smaller"
                | "compared"
                | "as"
                | "while"
                | "with"
                | "after"
                | "before"
                | "for"
                | "year"
                | "between"
        ),
    }
}

/// Verbs of a move forward: "by" after them gives a distance or an area
/// covered, never a change of a level, so "by 2 to 3" is a range.
const ADVANCE_VERBS: &[&str] = &[
    "advance",
    "advanced",
    "advances",
    "advancing",
    "moved",
    "pushed",
    "progressed",
];

const APPROX: &[&[&str]] = &[
    &["about"],
    &["around"],
    &["approximately"],
    &["approx"],
    &["nearly"],
    &["almost"],
    &["roughly"],
    &["some"],
    &["circa"],
    &["close", "to"],
    // "the figure was closer to 27 per cent", "nearer 3,000"
    &["closer", "to"],
    &["nearer", "to"],
    &["nearer"],
    // "something like 5,000 square kilometres"
    &["something", "like"],
    // Speech: "they retook maybe 15 square miles".
    &["maybe"],
    &["perhaps"],
    &["an", "estimated"],
    &["estimated"],
    &["an", "approximate"],
];

/// Every hedge with its qualifier, sorted by first word (and otherwise in
/// table order, which breaks ties between equally long hedges).
static HEDGES: LazyLock<Vec<(&[&str], Qualifier)>> = LazyLock::new(|| {
    let mut hedges: Vec<(&[&str], Qualifier)> = [
        (APPROX, Qualifier::Approx),
        (AT_LEAST, Qualifier::AtLeast),
        (AT_MOST, Qualifier::AtMost),
    ]
    .iter()
    .flat_map(|(table, qualifier)| table.iter().map(|phrase| (*phrase, *qualifier)))
    .collect();
    hedges.sort_by_key(|(phrase, _)| phrase[0]);
    hedges
});

/// The first words of every hedge: most words start none.
static HEDGE_FIRST_WORDS: LazyLock<WordSet> =
    LazyLock::new(|| WordSet::new(HEDGES.iter().map(|(phrase, _)| phrase[0])));

const AT_LEAST: &[&[&str]] = &[
    &["more", "than"],
    &["over"],
    &["at", "least"],
    &["above"],
    &["in", "excess", "of"],
    &["upwards", "of"],
    &["upward", "of"],
    &["no", "fewer", "than"],
    &["no", "less", "than"],
    &["not", "less", "than"],
    &["not", "fewer", "than"],
    &["just", "over"],
    &["well", "over"],
    &["just", "above"],
    &["well", "above"],
    &["greater", "than"],
    &["higher", "than"],
    &["larger", "than"],
    &["bigger", "than"],
    &["exceeding"],
    &["exceeded"],
    &["exceeds"],
    &["exceed"],
    &["surpassing"],
    &["surpassed"],
    &["surpass"],
    &["a", "minimum", "of"],
];

const AT_MOST: &[&[&str]] = &[
    &["up", "to"],
    &["under"],
    &["below"],
    &["fewer", "than"],
    &["less", "than"],
    &["at", "most"],
    &["no", "more", "than"],
    &["not", "more", "than"],
    &["just", "under"],
    &["well", "under"],
    &["just", "below"],
    &["well", "below"],
    &["a", "maximum", "of"],
    &["as", "many", "as"],
    &["as", "much", "as"],
    &["lower", "than"],
    &["smaller", "than"],
    &["just", "shy", "of"],
    &["shy", "of"],
    &["just", "short", "of"],
    &["short", "of"],
    &["a", "little", "under"],
    &["slightly", "under"],
    &["slightly", "less", "than"],
];

const POSTFIX: &[(&[&str], Qualifier)] = &[
    (&["or", "more"], Qualifier::AtLeast),
    (&["or", "greater"], Qualifier::AtLeast),
    (&["or", "higher"], Qualifier::AtLeast),
    (&["or", "above"], Qualifier::AtLeast),
    (&["and", "above"], Qualifier::AtLeast),
    (&["or", "so"], Qualifier::Approx),
    (&["or", "less"], Qualifier::AtMost),
    (&["or", "fewer"], Qualifier::AtMost),
    (&["or", "below"], Qualifier::AtMost),
    (&["and", "more"], Qualifier::AtLeast),
    (&["plus"], Qualifier::AtLeast),
];

// ---------------------------------------------------------------------------
// Grammar
// ---------------------------------------------------------------------------

#[derive(Debug, Clone, Copy, PartialEq)]
enum CoreKind {
    Cardinal,
    Ordinal,
    Designation,
    /// Consumed but not a number (a time, a slash date, a phone number).
    Nothing,
}

/// One number phrase without hedges, percent sign or range.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Core {
    /// Token range [first, next).
    first: usize,
    next: usize,
    /// Byte where the expression starts (a designation's name included).
    start: usize,
    value: f64,
    kind: CoreKind,
    starts_with_digits: bool,
    /// The scale the phrase ends on ("1.5 million" → 1e6) when the whole
    /// phrase is one multiple of it; lets "1.2 to 1.5 million" share it.
    trailing_scale: Option<f64>,
}

/// Where the word grammar is inside the current group of three digits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum GroupState {
    /// Nothing yet in this group (phrase start, or right after a scale word).
    Empty,
    /// A unit, a teen or a fraction: only "hundred" or a scale may follow.
    Unit,
    /// "twenty": a unit may still follow ("twenty-one").
    Tens,
    /// Digits: only "hundred", a scale or a scale abbreviation may follow.
    Digits,
    /// "hundred": "and", tens, teens or units may follow.
    Hundred,
    /// Nothing more can follow ("a dozen", "5.6k", "one million and a half").
    Closed,
}

#[derive(Debug, Clone, Copy)]
struct Snapshot {
    next: usize,
    total: f64,
    group: f64,
    trailing_scale: Option<f64>,
}

struct Parser<'t> {
    tokens: &'t [Token<'t>],
}

impl<'t> Parser<'t> {
    fn token(&self, index: usize) -> Option<&'t Token<'t>> {
        self.tokens.get(index)
    }

    fn word_at(&self, index: usize) -> Option<&'t str> {
        self.tokens.get(index).and_then(Token::word)
    }

    /// Matches a word sequence at `index`; returns the index after it.
    fn words_at(&self, index: usize, words: &[&str]) -> Option<usize> {
        for (offset, expected) in words.iter().enumerate() {
            if self.word_at(index + offset)? != *expected {
                return None;
            }
        }
        Some(index + words.len())
    }

    /// Whether a token that is not a digit or number word can start an
    /// expression: the first word of a hedge ("about"), of a range
    /// ("between", "from") or an article ("a third"). [`Parser::expression`]
    /// finds nothing anywhere else before a core.
    fn may_lead(&self, index: usize) -> bool {
        self.word_at(index).is_some_and(|word| {
            matches!(word, "a" | "an" | "between" | "from") || HEDGE_FIRST_WORDS.contains(word)
        }) || self.sign_hedge(index).is_some()
    }

    /// "~20%", "≈ 5,000", "<10", ">650", "≥ 40": a sign standing for
    /// "about", "fewer than" or "more than" (not the head of an arrow,
    /// "-> 643", "=> 643").
    fn sign_hedge(&self, index: usize) -> Option<Qualifier> {
        let qualifier = match self.token(index)?.punct()? {
            '~' | '≈' => Qualifier::Approx,
            '<' | '≤' => Qualifier::AtMost,
            '>' | '≥' => Qualifier::AtLeast,
            _ => return None,
        };
        let arrow_head = qualifier != Qualifier::Approx
            && index
                .checked_sub(1)
                .and_then(|before| self.token(before))
                .and_then(Token::punct)
                .is_some_and(|before| matches!(before, '-' | '=' | '<' | '>'));
        (!arrow_head).then_some(qualifier)
    }

    fn hedge_at(&self, index: usize) -> Option<(Qualifier, usize)> {
        if let Some(qualifier) = self.sign_hedge(index) {
            return Some((qualifier, index + 1));
        }
        let first = self.word_at(index)?;
        if !HEDGE_FIRST_WORDS.contains(first) {
            return None;
        }
        // "revised its figure up to 540": the way the figure moved, no bound
        // (a verb of rising among the five words before).
        let moved_up = first == "up"
            && (index.saturating_sub(5)..index)
                .filter_map(|before| self.word_at(before))
                .any(|verb| {
                    matches!(
                        verb,
                        "revised"
                            | "raised"
                            | "rose"
                            | "risen"
                            | "increased"
                            | "went"
                            | "jumped"
                            | "climbed"
                            | "grew"
                            | "ticked"
                            | "moved"
                            | "bumped"
                            | "revise"
                            | "raise"
                    )
                });
        if moved_up {
            return None;
        }
        let mut best: Option<(Qualifier, usize)> = None;
        let from = HEDGES.partition_point(|(phrase, _)| phrase[0] < first);
        for (phrase, qualifier) in HEDGES[from..].iter().take_while(|(p, _)| p[0] == first) {
            if let Some(next) = self.words_at(index, phrase) {
                if best.is_none_or(|(_, best_next)| next > best_next) {
                    best = Some((*qualifier, next));
                }
            }
        }
        // "approx." keeps its full stop.
        if let Some((qualifier, next)) = best {
            if self.word_at(index) == Some("approx")
                && self.token(next).and_then(Token::punct) == Some('.')
            {
                return Some((qualifier, next + 1));
            }
        }
        best
    }

    /// Reads one expression starting at token `index`. `None` when no number
    /// starts there; `Some((None, next))` when tokens were consumed that are
    /// not a number (a time, a date).
    fn expression(&self, index: usize) -> Option<(Option<NumberMatch>, usize)> {
        let first = self.token(index)?;
        let (mut qualifier, after_hedge) =
            self.hedge_at(index).unwrap_or((Qualifier::Exact, index));

        if let Some(range) = self.introduced_range(after_hedge) {
            let (mut number, next) = range;
            number.start = first.start;
            if qualifier != Qualifier::Exact {
                number.qualifier = qualifier;
            }
            return Some((Some(number), next));
        }

        let low = self.core(after_hedge)?;
        match low.kind {
            CoreKind::Nothing => return Some((None, low.next)),
            CoreKind::Ordinal | CoreKind::Designation => {
                let kind = if low.kind == CoreKind::Ordinal {
                    NumberKind::Ordinal
                } else {
                    NumberKind::Designation
                };
                let number = NumberMatch {
                    start: low.start,
                    end: self.tokens[low.next - 1].end,
                    value_start: self.tokens[low.first].start,
                    value: low.value,
                    low: None,
                    high: None,
                    qualifier: Qualifier::Exact,
                    kind,
                };
                return Some((Some(number), low.next));
            }
            CoreKind::Cardinal => {}
        }
        let low_percent_end = self.percent_suffix(low.next);
        let mut next = low_percent_end.unwrap_or(low.next);
        let mut percent = low_percent_end.is_some();
        let mut bounds = None;
        if let Some((high, high_next, high_percent)) =
            self.range_tail(&low, low_percent_end.is_some())
        {
            if let Some((low_value, high_value)) = range_bounds(&low, &high) {
                bounds = Some((low_value, high_value));
                next = high_next;
                percent = high_percent;
                if qualifier == Qualifier::Exact {
                    qualifier = Qualifier::Approx;
                }
            }
        }
        if let Some((postfix, after)) = self.postfix_hedge(next) {
            next = after;
            if matches!(qualifier, Qualifier::Exact | Qualifier::Approx) {
                qualifier = postfix;
            }
        }
        let (value, low_bound, high_bound) = match bounds {
            Some((low_value, high_value)) => (
                (low_value + high_value) / 2.0,
                Some(low_value),
                Some(high_value),
            ),
            None => (low.value, None, None),
        };
        let start = if after_hedge > index && qualifier != Qualifier::Exact {
            first.start
        } else {
            low.start
        };
        let number = NumberMatch {
            start,
            end: self.tokens[next - 1].end,
            value_start: low.start,
            value,
            low: low_bound,
            high: high_bound,
            qualifier,
            kind: if percent {
                NumberKind::Percent
            } else {
                NumberKind::Cardinal
            },
        };
        Some((Some(number), next))
    }

    /// "between X and Y", "from X to Y": a range whose introducer is part of it.
    fn introduced_range(&self, index: usize) -> Option<(NumberMatch, usize)> {
        let introducer = self.word_at(index)?;
        let joiners: &[&str] = match introducer {
            "between" => &["and"],
            "from" => &["to"],
            _ => return None,
        };
        let mut low = self.core(index + 1)?;
        if low.kind != CoreKind::Cardinal {
            return None;
        }
        let joined_at = |low: &Core| -> Option<usize> {
            let after = self.percent_suffix(low.next).unwrap_or(low.next);
            let word = self.word_at(after)?;
            joiners.contains(&word).then_some(after)
        };
        if joined_at(&low).is_none() {
            // "between one hundred and two hundred": the first reading took
            // the "and"; read the low end again without it.
            low = self.core_with(index + 1, false)?;
            joined_at(&low)?;
        }
        let low_percent = self.percent_suffix(low.next).is_some();
        let joiner = joined_at(&low)?;
        let high = self.core(joiner + 1)?;
        if high.kind != CoreKind::Cardinal {
            return None;
        }
        let high_percent_end = self.percent_suffix(high.next);
        if !self.percent_bounds_agree(&low, low_percent, &high, high_percent_end) {
            return None;
        }
        let (low_value, high_value) = range_bounds(&low, &high)?;
        let mut next = high_percent_end.unwrap_or(high.next);
        let mut qualifier = Qualifier::Approx;
        if let Some((postfix, after)) = self.postfix_hedge(next) {
            next = after;
            qualifier = postfix;
        }
        let number = NumberMatch {
            start: self.tokens[index].start,
            end: self.tokens[next - 1].end,
            value_start: low.start,
            value: (low_value + high_value) / 2.0,
            low: Some(low_value),
            high: Some(high_value),
            qualifier,
            kind: if high_percent_end.is_some() {
                NumberKind::Percent
            } else {
                NumberKind::Cardinal
            },
        };
        Some((number, next))
    }

    /// After the low end: "-600", "– 600", "to 600", "- to 16" → the high end,
    /// the token after it and whether it is a percentage.
    fn range_tail(&self, low: &Core, low_percent: bool) -> Option<(Core, usize, bool)> {
        let after_low = self.percent_suffix(low.next).unwrap_or(low.next);
        let joiner = self.token(after_low)?;
        let mut high_at = after_low + 1;
        let by_dash = joiner.punct().is_some_and(is_dash);
        // "more territory in 2025 — 4,700 km²", "in 2025 - 4,700": a spaced
        // em dash, or a spaced dash after a year, breaks the sentence; it
        // joins no range.
        if by_dash && joiner.space_before {
            let em_dash = joiner.punct() == Some('\u{2014}');
            let year_like = low.starts_with_digits
                && low.next - low.first == 1
                && low.value.fract() == 0.0
                && (1900.0..=2100.0).contains(&low.value);
            if em_dash || year_like {
                return None;
            }
        }
        if by_dash {
            // "8- to 16-metre"
            if !joiner.space_before && self.word_at(high_at) == Some("to") {
                high_at += 1;
            } else if !low.starts_with_digits {
                return None;
            }
        } else if !(joiner.is_word("to") || joiner.is_word("through")) {
            return None;
        }
        // "fell by 120 to 150": a change and the level it reached; but an
        // advance has no level to reach ("advanced by 2 to 3 km").
        let by_at = low
            .first
            .checked_sub(1)
            .filter(|&before| self.word_at(before) == Some("by"));
        let after_an_advance = by_at
            .and_then(|by| by.checked_sub(1))
            .and_then(|before| self.word_at(before))
            .is_some_and(|verb| ADVANCE_VERBS.contains(&verb));
        if by_at.is_some() && !after_an_advance && joiner.is_word("to") {
            return None;
        }
        let high = self.core(high_at)?;
        if high.kind != CoreKind::Cardinal || (by_dash && !high.starts_with_digits) {
            return None;
        }
        let high_percent_end = self.percent_suffix(high.next);
        if !self.percent_bounds_agree(low, low_percent, &high, high_percent_end) {
            return None;
        }
        // "from 18.6% on January 1 to 19.3%": a day, then a share.
        let after_a_month = low
            .first
            .checked_sub(1)
            .and_then(|before| self.word_at(before))
            .is_some_and(|word| crate::time::MONTH_NAMES.contains(&word));
        if after_a_month && !low_percent && high_percent_end.is_some() {
            return None;
        }
        Some((
            high,
            high_percent_end.unwrap_or(high.next),
            high_percent_end.is_some(),
        ))
    }

    /// Whether the bounds of a range are in one unit: a low end in percent
    /// needs a high end in percent, and in points if it is ("rose 0.3
    /// percentage points to 19.3%" is a change and the share it reached).
    fn percent_bounds_agree(
        &self,
        low: &Core,
        low_percent: bool,
        high: &Core,
        high_percent_end: Option<usize>,
    ) -> bool {
        !low_percent
            || (high_percent_end.is_some()
                && self.percentage_points_at(low.next) == self.percentage_points_at(high.next))
    }

    /// Whether "percentage point(s)" is written at token `index`.
    fn percentage_points_at(&self, index: usize) -> bool {
        self.word_at(index) == Some("percentage")
            && matches!(self.word_at(index + 1), Some("point" | "points"))
    }

    /// "%", " %", "percent", "per cent", "percentage points" → token after it.
    fn percent_suffix(&self, index: usize) -> Option<usize> {
        let token = self.token(index)?;
        if token.punct() == Some('%') {
            return Some(index + 1);
        }
        match token.word()? {
            "percent" | "percents" | "pct" => Some(index + 1),
            "per" => self.words_at(index + 1, &["cent"]),
            "percentage" => match self.word_at(index + 1) {
                Some("point" | "points") => Some(index + 2),
                _ => Some(index + 1),
            },
            _ => None,
        }
    }

    fn postfix_hedge(&self, index: usize) -> Option<(Qualifier, usize)> {
        let token = self.token(index)?;
        if token.punct() == Some('+') && !token.space_before {
            return Some((Qualifier::AtLeast, index + 1));
        }
        // "500-plus", "40-odd"
        if token.punct().is_some_and(is_dash)
            && !token.space_before
            && matches!(self.word_at(index + 1), Some("plus" | "odd"))
        {
            return Some((Qualifier::AtLeast, index + 2));
        }
        let (qualifier, next) = POSTFIX.iter().find_map(|(words, qualifier)| {
            self.words_at(index, words).map(|next| (*qualifier, next))
        })?;
        // "200 or greater than 190", "500 and more than 300 wounded": the
        // words open a new bound instead of closing this one.
        if self.word_at(next) == Some("than") {
            let bound_follows = self.core(next + 1).is_some();
            let joins_and = self.word_at(index) == Some("and");
            if bound_follows || joins_and {
                return None;
            }
        }
        Some((qualifier, next))
    }

    fn core(&self, index: usize) -> Option<Core> {
        self.core_with(index, true)
    }

    /// One number phrase at `index`. `allow_and` lets "and" join groups
    /// ("one hundred and five"); ranges read the low end without it.
    fn core_with(&self, index: usize, allow_and: bool) -> Option<Core> {
        let token = self.token(index)?;
        match &token.kind {
            TokenKind::Number(literal) => self.literal_core(index, literal, allow_and),
            TokenKind::Word { .. } => self.word_core(index, allow_and),
            _ => None,
        }
    }

    fn literal_core(&self, index: usize, literal: &Literal, allow_and: bool) -> Option<Core> {
        let token = &self.tokens[index];
        let single = |kind: CoreKind, next: usize, start: usize| Core {
            first: index,
            next,
            start,
            value: literal.value,
            kind,
            starts_with_digits: true,
            trailing_scale: None,
        };
        match literal.class {
            LiteralClass::Ignored => {
                return Some(single(CoreKind::Nothing, index + 1, token.start))
            }
            LiteralClass::Designation => {
                return Some(single(
                    CoreKind::Designation,
                    index + 1,
                    literal.chunk_start,
                ))
            }
            LiteralClass::Ordinal => {
                return Some(single(CoreKind::Ordinal, index + 1, token.start))
            }
            LiteralClass::Cardinal => {}
        }
        if let Some(chain_end) = self.joined_chain_to_skip(index) {
            return Some(single(CoreKind::Nothing, chain_end, token.start));
        }
        if let Some(after_time) = self.clock_suffix(index, literal) {
            return Some(single(CoreKind::Nothing, after_time, token.start));
        }
        self.phrase(index, allow_and)
    }

    /// Digits glued by "/" or ":" ("5/17/2018", "10:30", "3/4"), by dashes
    /// into three or more parts ("2022-02-24", "+1-222-2222"), or led by "+"
    /// into two: dates, times, fractions and phone numbers. Returns the token
    /// after the chain.
    fn joined_chain_to_skip(&self, index: usize) -> Option<usize> {
        let mut parts = 1;
        let mut slash_or_colon = false;
        let mut cursor = index;
        while let (Some(joiner), Some(next)) = (self.token(cursor + 1), self.token(cursor + 2)) {
            let Some(c) = joiner.punct() else { break };
            let glued = !joiner.space_before && !next.space_before && next.literal().is_some();
            if !glued || !(is_dash(c) || c == '/' || c == ':') {
                break;
            }
            slash_or_colon |= c == '/' || c == ':';
            parts += 1;
            cursor += 2;
        }
        let led_by_plus = index > 0
            && self.tokens[index - 1].punct() == Some('+')
            && !self.tokens[index].space_before;
        let skip = slash_or_colon
            || parts >= 3
            || (led_by_plus && parts >= 2)
            || (parts == 2 && self.is_year_span(index));
        skip.then_some(cursor + 1)
    }

    /// "2013-14": a span of years (the time module's), not a range of counts.
    fn is_year_span(&self, index: usize) -> bool {
        let (Some(first), Some(second)) = (self.token(index), self.token(index + 2)) else {
            return false;
        };
        let (Some(year), Some(next)) = (first.literal(), second.literal()) else {
            return false;
        };
        year.plain_integer
            && next.plain_integer
            && (1900.0..=2100.0).contains(&year.value)
            && first.end - first.start == 4
            && second.end - second.start == 2
            && next.value == (year.value + 1.0) % 100.0
    }

    /// "6pm", "11 a.m.", "2.30 pm": a time of day. Returns the token after it.
    fn clock_suffix(&self, index: usize, literal: &Literal) -> Option<usize> {
        let hour_like = literal.value <= 12.0
            && literal.scale == 1.0
            && (literal.plain_integer
                || (literal.fraction_digits == 2
                    && (literal.value.fract() * 100.0).round() < 60.0));
        if !hour_like {
            return None;
        }
        match self.word_at(index + 1)? {
            "am" | "pm" => Some(index + 2),
            "a" | "p" => {
                let dotted = self.token(index + 2)?.punct() == Some('.')
                    && self.word_at(index + 3) == Some("m");
                if !dotted {
                    return None;
                }
                let after = if self.token(index + 4).and_then(Token::punct) == Some('.') {
                    index + 5
                } else {
                    index + 4
                };
                Some(after)
            }
            _ => None,
        }
    }

    fn word_core(&self, index: usize, allow_and: bool) -> Option<Core> {
        let word = self.word_at(index)?;
        if let Some(core) = self.fraction(index) {
            return Some(core);
        }
        if let Some((value, _)) = ordinal_word(word) {
            return Some(Core {
                first: index,
                next: index + 1,
                start: self.tokens[index].start,
                value,
                kind: CoreKind::Ordinal,
                starts_with_digits: false,
                trailing_scale: None,
            });
        }
        let next_word = self.word_at(index + 1);
        let starts_phrase = small_number(word).is_some()
            || ((word == "a" || word == "an") && next_word.is_some_and(is_multiplier_word))
            || (word == "hundred" && next_word.and_then(scale_word).is_some());
        // "the one you mentioned", "which one do you": a pronoun, not a
        // count ("that one mile" is a count).
        let after_determiner = index > 0
            && self.word_at(index - 1).is_some_and(|previous| {
                matches!(
                    previous,
                    "the" | "this" | "that" | "which" | "each" | "every" | "any" | "another"
                )
            });
        let next_is_noun = self
            .token(index + 1)
            .is_some_and(|next| next.is_any_word() && !next_word.is_some_and(is_function_word));
        let pronoun = word == "one" && after_determiner && !next_is_noun;
        if pronoun {
            return None;
        }
        if starts_phrase {
            return self.phrase(index, allow_and);
        }
        None
    }

    /// "a third", "two-thirds", "one half", "half", "half a million",
    /// "three quarters", "a quarter million".
    fn fraction(&self, index: usize) -> Option<Core> {
        let word = self.word_at(index)?;
        let start = self.tokens[index].start;
        let make = |next: usize, value: f64, trailing_scale: Option<f64>| Core {
            first: index,
            next,
            start,
            value,
            kind: CoreKind::Cardinal,
            starts_with_digits: false,
            trailing_scale,
        };
        if word == "half" {
            // "half a million", "half a dozen", "half million"
            let after_article = match self.word_at(index + 1) {
                Some("a" | "an") => index + 2,
                _ => index + 1,
            };
            if let Some(multiplier) = self.word_at(after_article) {
                if let Some(scale) = scale_word(multiplier) {
                    return Some(make(after_article + 1, 0.5 * scale, Some(scale)));
                }
                if multiplier == "dozen" {
                    return Some(make(after_article + 1, 6.0, None));
                }
            }
            return Some(make(index + 1, 0.5, None));
        }
        let numerator = match word {
            "a" | "an" => 1.0,
            _ => match small_number(word) {
                Some((value, class)) if class != SmallClass::Tens || value > 0.0 => value,
                _ => return None,
            },
        };
        if numerator == 0.0 {
            return None;
        }
        let mut denominator_at = index + 1;
        let hyphen = self
            .token(denominator_at)
            .and_then(Token::punct)
            .is_some_and(is_dash);
        if hyphen {
            denominator_at += 1;
        }
        let (denominator_value, plural) = denominator(self.word_at(denominator_at)?)?;
        if hyphen && word == "a" {
            return None;
        }
        if plural != (numerator > 1.0) {
            return None;
        }
        let value = numerator / denominator_value;
        let next = denominator_at + 1;
        // "a third attack" is a rank, "a third of" a share.
        let is_rank_word = ordinal_word(self.word_at(denominator_at)?).is_some();
        if word == "a" || word == "an" {
            if let Some(scale) = self.word_at(next).and_then(scale_word) {
                return Some(make(next + 1, value * scale, Some(scale)));
            }
            if is_rank_word && !plural {
                let following = self.token(next);
                let shares = match following {
                    None => true,
                    Some(t) if !t.is_any_word() => true,
                    Some(t) => continues_a_fraction(t.word()),
                };
                if !shares {
                    return None;
                }
            }
        }
        Some(make(next, value, None))
    }

    /// The cardinal grammar: digits and number words with "hundred", scales,
    /// "and", "a dozen", "one and a half million".
    fn phrase(&self, index: usize, allow_and: bool) -> Option<Core> {
        let mut total = 0.0f64;
        let mut group = 0.0f64;
        let mut state = GroupState::Empty;
        let mut last_scale = f64::INFINITY;
        let mut trailing_scale: Option<f64> = None;
        let mut position = index;
        let mut consumed_any = false;
        let mut and_checkpoint: Option<Snapshot> = None;
        let mut after_and = false;
        let starts_with_digits = self.tokens[index].literal().is_some();
        let mut ordinal = false;
        // The part of `group` written as hundreds ("three hundred" of "three
        // hundred and two dozen").
        let mut hundreds = 0.0f64;
        // Decimals written in `group` ("1.25 million" → 2), so that scaling it
        // stays exact.
        let mut group_decimals = 0u8;

        // "a hundred", "a dozen", "a million"; "hundred thousand"
        match self.word_at(index) {
            Some("a" | "an") => {
                group = 1.0;
                state = GroupState::Unit;
                position += 1;
            }
            Some("hundred") => {
                group = 1.0;
                state = GroupState::Unit;
            }
            _ => {}
        }

        while let Some(token) = self.token(position) {
            if let Some(literal) = token.literal() {
                let first_atom = position == index;
                let continues = !first_atom
                    && state == GroupState::Empty
                    && literal.class == LiteralClass::Cardinal
                    && literal.plain_integer
                    && (after_and || last_scale.is_finite())
                    && literal.value < 1000.0;
                let after_hundred = !first_atom
                    && state == GroupState::Hundred
                    && after_and
                    && literal.plain_integer
                    && literal.class == LiteralClass::Cardinal
                    && (1.0..100.0).contains(&literal.value);
                if first_atom {
                    group = literal.value;
                    group_decimals = literal.fraction_digits;
                    if literal.scale != 1.0 {
                        trailing_scale = Some(literal.scale);
                        state = GroupState::Closed;
                    } else {
                        state = GroupState::Digits;
                    }
                } else if continues {
                    group = literal.value;
                    state = GroupState::Digits;
                    trailing_scale = None;
                } else if after_hundred {
                    group += literal.value;
                    state = GroupState::Closed;
                } else {
                    break;
                }
                consumed_any = true;
                after_and = false;
                position += 1;
                continue;
            }
            if let Some(c) = token.punct() {
                // "two hundred & forty"; "three million, two hundred"
                let after_scale = state == GroupState::Empty && last_scale.is_finite();
                let joins_groups = allow_and
                    && ((c == '&' && (state == GroupState::Hundred || after_scale))
                        || (c == ','
                            && after_scale
                            && self
                                .word_at(position + 1)
                                .is_some_and(|w| small_number(w).is_some())));
                if joins_groups {
                    and_checkpoint = Some(Snapshot {
                        next: position,
                        total,
                        group,
                        trailing_scale,
                    });
                    after_and = true;
                    position += 1;
                    continue;
                }
                // "twenty-one", "fifty - two"
                let joins_tens = is_dash(c)
                    && state == GroupState::Tens
                    && self.word_at(position + 1).is_some_and(|w| {
                        matches!(small_number(w), Some((v, SmallClass::Unit)) if v > 0.0)
                            || matches!(ordinal_word(w), Some((_, SmallClass::Unit)))
                    });
                if joins_tens {
                    position += 1;
                    continue;
                }
                break;
            }
            let Some(word) = token.word() else { break };
            if let Some((value, class)) = small_number(word) {
                let allowed = match class {
                    SmallClass::Unit => {
                        matches!(state, GroupState::Empty | GroupState::Hundred)
                            || (state == GroupState::Tens && value > 0.0)
                    }
                    SmallClass::Teen | SmallClass::Tens => {
                        matches!(state, GroupState::Empty | GroupState::Hundred)
                    }
                };
                // "one two three" are three numbers; after a scale a new group
                // may start ("one million two thousand").
                if !allowed
                    || (state == GroupState::Empty
                        && consumed_any
                        && !after_and
                        && last_scale.is_infinite())
                {
                    break;
                }
                group += value;
                state = if class == SmallClass::Tens {
                    GroupState::Tens
                } else {
                    GroupState::Unit
                };
                trailing_scale = None;
            } else if let Some((value, class)) = ordinal_word(word) {
                let allowed =
                    match class {
                        SmallClass::Unit => matches!(state, GroupState::Tens | GroupState::Hundred),
                        SmallClass::Teen | SmallClass::Tens => {
                            state == GroupState::Hundred && value < 100.0
                        }
                    } || (state == GroupState::Empty && last_scale.is_finite() && value < 100.0);
                if !allowed {
                    break;
                }
                group += value;
                ordinal = true;
                position += 1;
                consumed_any = true;
                after_and = false;
                break;
            } else if word == "point" {
                // Spoken decimals: "nineteen point two", "zero point zero
                // seven", "one point five million".
                let decimal_digits: Vec<f64> = (position + 1..)
                    .map_while(|at| {
                        let digit = self.word_at(at)?;
                        match small_number(digit) {
                            Some((value, SmallClass::Unit)) if value < 10.0 => Some(value),
                            _ => None,
                        }
                    })
                    .collect();
                // ("At one point five drones were over Kyiv": an idiom.)
                let at_one_point = group == 1.0
                    && index.checked_sub(1).and_then(|before| self.word_at(before)) == Some("at");
                let allowed = matches!(state, GroupState::Unit | GroupState::Tens)
                    && !at_one_point
                    && total == 0.0
                    && group_decimals == 0
                    && !decimal_digits.is_empty()
                    && decimal_digits.len() <= 6;
                if !allowed {
                    break;
                }
                let fraction: String = decimal_digits
                    .iter()
                    .map(|digit| char::from(b'0' + *digit as u8))
                    .collect();
                group += format!("0.{fraction}").parse::<f64>().unwrap_or(0.0);
                group_decimals = decimal_digits.len() as u8;
                state = GroupState::Digits;
                trailing_scale = None;
                position += decimal_digits.len();
            } else if word == "hundred" {
                let allowed = match state {
                    GroupState::Digits => true,
                    GroupState::Unit | GroupState::Tens => group < 100.0 && group > 0.0,
                    _ => false,
                };
                if !allowed {
                    break;
                }
                group *= 100.0;
                hundreds = group;
                state = GroupState::Hundred;
                trailing_scale = None;
            } else if let Some(scale) = scale_word(word) {
                let allowed = matches!(
                    state,
                    GroupState::Unit | GroupState::Tens | GroupState::Digits | GroupState::Hundred
                ) && scale < last_scale;
                if !allowed {
                    break;
                }
                trailing_scale = (total == 0.0).then_some(scale);
                total += scale_exactly(group, scale, group_decimals);
                group_decimals = 0;
                group = 0.0;
                hundreds = 0.0;
                last_scale = scale;
                state = GroupState::Empty;
            } else if let Some(scale) = spaced_scale(word) {
                if !(state == GroupState::Digits && position == index + 1) {
                    break;
                }
                total += scale_exactly(group, scale, group_decimals);
                group_decimals = 0;
                group = 0.0;
                trailing_scale = Some(scale);
                state = GroupState::Closed;
                // "4.8 thous. km2": the abbreviation's full stop is part of it,
                // so that the unit after it follows the number.
                let full_stop = self.tokens.get(position + 1).is_some_and(|next| {
                    next.punct() == Some('.')
                        && !next.space_before
                        && self
                            .tokens
                            .get(position + 2)
                            .is_some_and(|after| after.space_before && after.is_any_word())
                });
                if full_stop {
                    position += 1;
                }
            } else if let Some(plural) = dozen_word(word) {
                // "three hundred and two dozen" is 300 + 2 × 12.
                let dozens = group - hundreds;
                let allowed = matches!(
                    state,
                    GroupState::Unit | GroupState::Digits | GroupState::Tens
                ) && dozens > 0.0
                    && dozens < 1000.0
                    && (!plural || dozens > 1.0);
                if !allowed {
                    break;
                }
                group = hundreds + dozens * 12.0;
                state = GroupState::Closed;
                trailing_scale = None;
            } else if word == "and" {
                // "one and a half", "one million and a half"
                let half = match (self.word_at(position + 1), self.word_at(position + 2)) {
                    (Some("a" | "one"), Some("half")) => Some(0.5),
                    (Some("a" | "one"), Some("quarter")) => Some(0.25),
                    _ => None,
                };
                if let Some(part) = half {
                    if state == GroupState::Empty && last_scale.is_finite() {
                        total += part * last_scale;
                        trailing_scale = None;
                        state = GroupState::Closed;
                    } else if matches!(
                        state,
                        GroupState::Unit
                            | GroupState::Tens
                            | GroupState::Digits
                            | GroupState::Hundred
                    ) && total == 0.0
                    {
                        group += part;
                        group_decimals = group_decimals.max(2);
                        state = GroupState::Unit;
                    } else {
                        break;
                    }
                    position += 3;
                    consumed_any = true;
                    continue;
                }
                let joins = allow_and
                    && (state == GroupState::Hundred
                        || (state == GroupState::Empty && last_scale.is_finite()));
                if !joins {
                    break;
                }
                and_checkpoint = Some(Snapshot {
                    next: position,
                    total,
                    group,
                    trailing_scale,
                });
                after_and = true;
                position += 1;
                continue;
            } else {
                break;
            }
            consumed_any = true;
            after_and = false;
            position += 1;
        }

        // An "and" that led nowhere, or that joined two numbers ("between one
        // hundred and two hundred", "one thousand and two thousand").
        if let Some(snapshot) = and_checkpoint {
            let stopped_on_multiplier = self.word_at(position).is_some_and(is_multiplier_word);
            if after_and || stopped_on_multiplier {
                position = snapshot.next;
                total = snapshot.total;
                group = snapshot.group;
                trailing_scale = snapshot.trailing_scale;
                ordinal = false;
            }
        }
        if !consumed_any || position == index {
            return None;
        }
        Some(Core {
            first: index,
            next: position,
            start: self.tokens[index].start,
            value: total + group,
            kind: if ordinal {
                CoreKind::Ordinal
            } else {
                CoreKind::Cardinal
            },
            starts_with_digits,
            trailing_scale,
        })
    }
}

/// `value × scale`, exact when the product is a whole number: 128.64 × 1000
/// is 128640, not 128639.99999999999.
fn scale_exactly(value: f64, scale: f64, decimals: u8) -> f64 {
    if decimals == 0 || decimals > 15 {
        return value * scale;
    }
    let shift = 10f64.powi(i32::from(decimals));
    (value * shift).round() * scale / shift
}

/// The bounds of "X to Y" once a scale written only on Y is shared with X
/// ("1.2 to 1.5 million"); `None` unless low < high.
fn range_bounds(low: &Core, high: &Core) -> Option<(f64, f64)> {
    let mut low_value = low.value;
    if let (None, Some(scale)) = (low.trailing_scale, high.trailing_scale) {
        let high_mantissa = high.value / scale;
        if low_value < high_mantissa {
            low_value *= scale;
        }
    }
    (low_value < high.value).then_some((low_value, high.value))
}

#[cfg(test)]
mod tests {
    use super::*;

    type Got = (String, f64, Option<f64>, Option<f64>, Qualifier, NumberKind);
    type Expected = (
        &'static str,
        f64,
        Option<f64>,
        Option<f64>,
        Qualifier,
        NumberKind,
    );

    const E: Qualifier = Qualifier::Exact;
    const A: Qualifier = Qualifier::Approx;
    const L: Qualifier = Qualifier::AtLeast;
    const M: Qualifier = Qualifier::AtMost;
    const C: NumberKind = NumberKind::Cardinal;
    const O: NumberKind = NumberKind::Ordinal;
    const P: NumberKind = NumberKind::Percent;
    const D: NumberKind = NumberKind::Designation;

    #[test]
    fn every_byte_at_every_place_is_classified_as_byte_by_byte() {
        for byte in 0..=u8::MAX {
            for place in 0..64 {
                for filler in [b'a', b' ', b'7', 0xC3] {
                    let mut block = [filler; 64];
                    block[place] = byte;
                    assert_eq!(
                        classify_block(&block),
                        classify_block_bytewise(&block),
                        "byte {byte:#x} at {place} among {filler:#x}"
                    );
                }
            }
        }
    }

    #[test]
    fn a_number_word_counts_only_as_a_whole_word() {
        assert!(may_hold_number("more than seventy drones"));
        assert!(may_hold_number("Seventy drones"));
        assert!(may_hold_number("drones:seventy"));
        assert!(may_hold_number("\u{201c}seventy\u{201d} — seventy"));
        assert!(may_hold_number("Ukraine—one of"));
        assert!(!may_hold_number("someone has none"));
        assert!(!may_hold_number("the attack came at dawn"));
        // A run with a non-ASCII letter is one word, in no vocabulary.
        assert!(!may_hold_number("\u{e9}one and one\u{e9}"));
        // Word starts found across the 64-byte blocks of the scan.
        let padding = "x".repeat(62);
        assert!(may_hold_number(&format!("{padding} seventy")));
        assert!(may_hold_number(&format!("{padding}x seventy")));
        assert!(!may_hold_number(&format!("{padding}xxseventy")));
        assert!(may_hold_number(&format!("{padding}{padding} 7")));
    }

    fn check(text: &str, expected: &[Expected]) {
        let found = find_numbers(text);
        let got: Vec<Got> = found
            .iter()
            .map(|m| {
                (
                    text[m.start..m.end].to_string(),
                    m.value,
                    m.low,
                    m.high,
                    m.qualifier,
                    m.kind,
                )
            })
            .collect();
        let want: Vec<Got> = expected
            .iter()
            .map(|(s, v, l, h, q, k)| (s.to_string(), *v, *l, *h, *q, *k))
            .collect();
        assert_eq!(got.len(), want.len(), "{text:?}: got {got:?}");
        for (g, w) in got.iter().zip(&want) {
            assert_eq!(g.0, w.0, "{text:?}: surface; got {got:?}");
            assert!(
                (g.1 - w.1).abs() <= 1e-9 * w.1.abs().max(1.0),
                "{text:?}: value {g:?} vs {w:?}"
            );
            assert_eq!(g.2, w.2, "{text:?}: low {g:?}");
            assert_eq!(g.3, w.3, "{text:?}: high {g:?}");
            assert_eq!(g.4, w.4, "{text:?}: qualifier {g:?}");
            assert_eq!(g.5, w.5, "{text:?}: kind {g:?}");
        }
    }

    #[test]
    fn digits_and_separators() {
        let cases: &[(&str, &[Expected])] = &[
            ("5,600", &[("5,600", 5600.0, None, None, E, C)]),
            ("5 600", &[("5 600", 5600.0, None, None, E, C)]),
            (
                "5\u{202f}600 km²",
                &[("5\u{202f}600", 5600.0, None, None, E, C)],
            ),
            ("5\u{a0}600", &[("5\u{a0}600", 5600.0, None, None, E, C)]),
            ("1 234 567", &[("1 234 567", 1_234_567.0, None, None, E, C)]),
            ("1.2", &[("1.2", 1.2, None, None, E, C)]),
            ("1,234.5", &[("1,234.5", 1234.5, None, None, E, C)]),
            // Decimal commas, only where no thousands group can be meant.
            (
                "5,4 thousand drones",
                &[("5,4 thousand", 5400.0, None, None, E, C)],
            ),
            ("19,3% of Ukraine", &[("19,3%", 19.3, None, None, E, P)]),
            ("461,5 km²", &[("461,5", 461.5, None, None, E, C)]),
            // Thousands grouped with dots, before a word that is no scale.
            ("4.700 square", &[("4.700", 4700.0, None, None, E, C)]),
            (
                "1.500.000 people",
                &[("1.500.000", 1_500_000.0, None, None, E, C)],
            ),
            ("4.800", &[("4.800", 4.8, None, None, E, C)]),
            (
                "1.235 billion",
                &[("1.235 billion", 1.235e9, None, None, E, C)],
            ),
            ("18.125% of it", &[("18.125%", 18.125, None, None, E, P)]),
            (
                "in 2,3 and 4 regions",
                &[
                    ("2", 2.0, None, None, E, C),
                    ("3", 3.0, None, None, E, C),
                    ("4", 4.0, None, None, E, C),
                ],
            ),
            ("lost .5 of it", &[(".5", 0.5, None, None, E, C)]),
            ("5.6k", &[("5.6k", 5600.0, None, None, E, C)]),
            ("5.6K drones", &[("5.6K", 5600.0, None, None, E, C)]),
            (
                "22,24,26",
                &[
                    ("22", 22.0, None, None, E, C),
                    ("24", 24.0, None, None, E, C),
                    ("26", 26.0, None, None, E, C),
                ],
            ),
            (
                "1, 234",
                &[
                    ("1", 1.0, None, None, E, C),
                    ("234", 234.0, None, None, E, C),
                ],
            ),
            (
                "423 0000",
                &[
                    ("423", 423.0, None, None, E, C),
                    ("0000", 0.0, None, None, E, C),
                ],
            ),
            (
                "in 2024 100 drones",
                &[
                    ("2024", 2024.0, None, None, E, C),
                    ("100", 100.0, None, None, E, C),
                ],
            ),
            ("10km", &[("10", 10.0, None, None, E, C)]),
            ("2m", &[("2", 2.0, None, None, E, C)]),
            ("$10M", &[("10M", 1e7, None, None, E, C)]),
            ("24703m2", &[("24703", 24703.0, None, None, E, C)]),
            ("year 2022.", &[("2022", 2022.0, None, None, E, C)]),
        ];
        for (text, expected) in cases {
            check(text, expected);
        }
    }

    #[test]
    fn scales_and_words() {
        let cases: &[(&str, &[Expected])] = &[
            ("1.2 million", &[("1.2 million", 1.2e6, None, None, E, C)]),
            ("2 billion", &[("2 billion", 2e9, None, None, E, C)]),
            ("3 thousand", &[("3 thousand", 3e3, None, None, E, C)]),
            ("1.5bn", &[("1.5bn", 1.5e9, None, None, E, C)]),
            ("10 bln", &[("10 bln", 1e10, None, None, E, C)]),
            (
                "4.8 thous. km2",
                &[("4.8 thous.", 4800.0, None, None, E, C)],
            ),
            ("4.8 thous.", &[("4.8 thous", 4800.0, None, None, E, C)]),
            ("a million", &[("a million", 1e6, None, None, E, C)]),
            ("hundreds of thousands", &[]),
            ("dozens of drones", &[]),
            ("several hundred", &[]),
            (
                "seven hundred",
                &[("seven hundred", 700.0, None, None, E, C)],
            ),
            (
                "two thousand",
                &[("two thousand", 2000.0, None, None, E, C)],
            ),
            ("twenty-one", &[("twenty-one", 21.0, None, None, E, C)]),
            ("fifty - two", &[("fifty - two", 52.0, None, None, E, C)]),
            (
                "one hundred and five",
                &[("one hundred and five", 105.0, None, None, E, C)],
            ),
            (
                "Three hundred  and  thirty one",
                &[("Three hundred  and  thirty one", 331.0, None, None, E, C)],
            ),
            (
                "two hundred and two thousand",
                &[("two hundred and two thousand", 202_000.0, None, None, E, C)],
            ),
            (
                "two thousand and two hundred",
                &[("two thousand and two hundred", 2200.0, None, None, E, C)],
            ),
            (
                "twenty-one trillion and three hundred",
                &[(
                    "twenty-one trillion and three hundred",
                    21e12 + 300.0,
                    None,
                    None,
                    E,
                    C,
                )],
            ),
            (
                "4 thousand 3 hundred and 21",
                &[("4 thousand 3 hundred and 21", 4321.0, None, None, E, C)],
            ),
            ("322 hundred", &[("322 hundred", 32200.0, None, None, E, C)]),
            ("a dozen", &[("a dozen", 12.0, None, None, E, C)]),
            ("half a dozen", &[("half a dozen", 6.0, None, None, E, C)]),
            ("three dozens", &[("three dozens", 36.0, None, None, E, C)]),
            ("a hundred", &[("a hundred", 100.0, None, None, E, C)]),
            (
                "half a million",
                &[("half a million", 5e5, None, None, E, C)],
            ),
            (
                "one and a half million",
                &[("one and a half million", 1.5e6, None, None, E, C)],
            ),
            (
                "one million and a half",
                &[("one million and a half", 1.5e6, None, None, E, C)],
            ),
            ("nine", &[("nine", 9.0, None, None, E, C)]),
            ("one of the", &[("one", 1.0, None, None, E, C)]),
            ("no one", &[("one", 1.0, None, None, E, C)]),
            (
                "three-nought-four",
                &[
                    ("three", 3.0, None, None, E, C),
                    ("nought", 0.0, None, None, E, C),
                    ("four", 4.0, None, None, E, C),
                ],
            ),
            (
                "version two and a previous",
                &[("two", 2.0, None, None, E, C)],
            ),
            ("someone", &[]),
            ("an", &[]),
            (
                "one two",
                &[
                    ("one", 1.0, None, None, E, C),
                    ("two", 2.0, None, None, E, C),
                ],
            ),
            (
                "1,674.5 million",
                &[("1,674.5 million", 1_674_500_000.0, None, None, E, C)],
            ),
        ];
        for (text, expected) in cases {
            check(text, expected);
        }
    }

    #[test]
    fn fractions_and_ordinals() {
        let cases: &[(&str, &[Expected])] = &[
            (
                "down a third in a month",
                &[("a third", 1.0 / 3.0, None, None, E, C)],
            ),
            (
                "a third of Ukraine",
                &[("a third", 1.0 / 3.0, None, None, E, C)],
            ),
            ("a third attack", &[("third", 3.0, None, None, E, O)]),
            ("two thirds", &[("two thirds", 2.0 / 3.0, None, None, E, C)]),
            ("two-thirds", &[("two-thirds", 2.0 / 3.0, None, None, E, C)]),
            ("one-half", &[("one-half", 0.5, None, None, E, C)]),
            ("half", &[("half", 0.5, None, None, E, C)]),
            ("a quarter", &[("a quarter", 0.25, None, None, E, C)]),
            ("three fifths", &[("three fifths", 0.6, None, None, E, C)]),
            ("second", &[("second", 2.0, None, None, E, O)]),
            ("a second attack", &[("second", 2.0, None, None, E, O)]),
            ("3rd", &[("3rd", 3.0, None, None, E, O)]),
            ("21st", &[("21st", 21.0, None, None, E, O)]),
            ("fifth", &[("fifth", 5.0, None, None, E, O)]),
            ("twenty-first", &[("twenty-first", 21.0, None, None, E, O)]),
            ("the May 4th", &[("4th", 4.0, None, None, E, O)]),
            (
                "more than half",
                &[("more than half", 0.5, None, None, L, C)],
            ),
            (
                "nearly a fifth of it",
                &[("nearly a fifth", 0.2, None, None, A, C)],
            ),
            ("for a fifth day", &[("fifth", 5.0, None, None, E, O)]),
            (
                "a quarter million",
                &[("a quarter million", 250_000.0, None, None, E, C)],
            ),
        ];
        for (text, expected) in cases {
            check(text, expected);
        }
    }

    #[test]
    fn percentages() {
        let cases: &[(&str, &[Expected])] = &[
            ("2%", &[("2%", 2.0, None, None, E, P)]),
            ("2 %", &[("2 %", 2.0, None, None, E, P)]),
            ("2 percent", &[("2 percent", 2.0, None, None, E, P)]),
            ("2 per cent", &[("2 per cent", 2.0, None, None, E, P)]),
            ("two percent", &[("two percent", 2.0, None, None, E, P)]),
            (
                "19.3 per cent",
                &[("19.3 per cent", 19.3, None, None, E, P)],
            ),
            (
                "1.5 percentage points",
                &[("1.5 percentage points", 1.5, None, None, E, P)],
            ),
            // A change in points and the share it reached, not a range.
            (
                "rose 0.3 percentage points to 19.3%",
                &[
                    ("0.3 percentage points", 0.3, None, None, E, P),
                    ("19.3%", 19.3, None, None, E, P),
                ],
            ),
            (
                "2 to 3 percentage points",
                &[("2 to 3 percentage points", 2.5, Some(2.0), Some(3.0), A, P)],
            ),
            ("nearly 20%", &[("nearly 20%", 20.0, None, None, A, P)]),
        ];
        for (text, expected) in cases {
            check(text, expected);
        }
    }

    #[test]
    fn designations() {
        let cases: &[(&str, &[Expected])] = &[
            ("S-300", &[("S-300", 300.0, None, None, E, D)]),
            (
                "Shahed-136 drones",
                &[("Shahed-136", 136.0, None, None, E, D)],
            ),
            ("Kh-101", &[("Kh-101", 101.0, None, None, E, D)]),
            ("Tu-95MS bombers", &[("Tu-95MS", 95.0, None, None, E, D)]),
            ("F-16s", &[("F-16s", 16.0, None, None, E, D)]),
            ("Iskander-M", &[]),
            ("Geran-2", &[("Geran-2", 2.0, None, None, E, D)]),
            ("MiG-29", &[("MiG-29", 29.0, None, None, E, D)]),
            ("COVID-19", &[("COVID-19", 19.0, None, None, E, D)]),
            ("G7 leaders", &[("G7", 7.0, None, None, E, D)]),
            ("B2B", &[("B2B", 2.0, None, None, E, D)]),
            ("Kh-101/102", &[("Kh-101/102", 101.0, None, None, E, D)]),
            ("2S19 guns", &[("2S19", 2.0, None, None, E, D)]),
            (
                "a 5,600-strong force",
                &[("5,600", 5600.0, None, None, E, C)],
            ),
        ];
        for (text, expected) in cases {
            check(text, expected);
        }
    }

    #[test]
    fn hedges() {
        let cases: &[(&str, &[Expected])] = &[
            ("about 500", &[("about 500", 500.0, None, None, A, C)]),
            ("around 500", &[("around 500", 500.0, None, None, A, C)]),
            (
                "approximately 500",
                &[("approximately 500", 500.0, None, None, A, C)],
            ),
            ("nearly 500", &[("nearly 500", 500.0, None, None, A, C)]),
            ("almost 500", &[("almost 500", 500.0, None, None, A, C)]),
            ("roughly 500", &[("roughly 500", 500.0, None, None, A, C)]),
            ("some 500", &[("some 500", 500.0, None, None, A, C)]),
            ("~500", &[("~500", 500.0, None, None, A, C)]),
            ("≈ 500", &[("≈ 500", 500.0, None, None, A, C)]),
            ("<10 missiles", &[("<10", 10.0, None, None, M, C)]),
            ("≤ 10", &[("≤ 10", 10.0, None, None, M, C)]),
            (">650 UAVs", &[(">650", 650.0, None, None, L, C)]),
            ("≥ 40", &[("≥ 40", 40.0, None, None, L, C)]),
            // (The head of an arrow is no bound.)
            ("-> 643 targets", &[("643", 643.0, None, None, E, C)]),
            ("=> 643", &[("643", 643.0, None, None, E, C)]),
            ("close to 500", &[("close to 500", 500.0, None, None, A, C)]),
            (
                "an estimated 500",
                &[("an estimated 500", 500.0, None, None, A, C)],
            ),
            (
                "just under 500",
                &[("just under 500", 500.0, None, None, M, C)],
            ),
            ("under 500", &[("under 500", 500.0, None, None, M, C)]),
            ("below 500", &[("below 500", 500.0, None, None, M, C)]),
            (
                "fewer than 500",
                &[("fewer than 500", 500.0, None, None, M, C)],
            ),
            (
                "less than 500",
                &[("less than 500", 500.0, None, None, M, C)],
            ),
            ("up to 500", &[("up to 500", 500.0, None, None, M, C)]),
            ("at most 500", &[("at most 500", 500.0, None, None, M, C)]),
            (
                "no more than 500",
                &[("no more than 500", 500.0, None, None, M, C)],
            ),
            (
                "more than 500",
                &[("more than 500", 500.0, None, None, L, C)],
            ),
            ("over 500", &[("over 500", 500.0, None, None, L, C)]),
            ("at least 500", &[("at least 500", 500.0, None, None, L, C)]),
            ("above 500", &[("above 500", 500.0, None, None, L, C)]),
            (
                "in excess of 500",
                &[("in excess of 500", 500.0, None, None, L, C)],
            ),
            (
                "upwards of 500",
                &[("upwards of 500", 500.0, None, None, L, C)],
            ),
            (
                "no fewer than 500",
                &[("no fewer than 500", 500.0, None, None, L, C)],
            ),
            (
                "just over 500",
                &[("just over 500", 500.0, None, None, L, C)],
            ),
            ("500 or more", &[("500 or more", 500.0, None, None, L, C)]),
            ("500 or so", &[("500 or so", 500.0, None, None, A, C)]),
            (
                "More than 1,000",
                &[("More than 1,000", 1000.0, None, None, L, C)],
            ),
            ("over the past day", &[]),
        ];
        for (text, expected) in cases {
            check(text, expected);
        }
    }

    #[test]
    fn ranges() {
        let cases: &[(&str, &[Expected])] = &[
            (
                "between 500 and 600",
                &[("between 500 and 600", 550.0, Some(500.0), Some(600.0), A, C)],
            ),
            (
                "500-600",
                &[("500-600", 550.0, Some(500.0), Some(600.0), A, C)],
            ),
            (
                "500–600",
                &[("500–600", 550.0, Some(500.0), Some(600.0), A, C)],
            ),
            (
                "500 to 600",
                &[("500 to 600", 550.0, Some(500.0), Some(600.0), A, C)],
            ),
            (
                "from 500 to 600",
                &[("from 500 to 600", 550.0, Some(500.0), Some(600.0), A, C)],
            ),
            (
                "500-600 km²",
                &[("500-600", 550.0, Some(500.0), Some(600.0), A, C)],
            ),
            (
                "5,000 to 6,000",
                &[("5,000 to 6,000", 5500.0, Some(5000.0), Some(6000.0), A, C)],
            ),
            (
                "1.2 to 1.5 million",
                &[("1.2 to 1.5 million", 1.35e6, Some(1.2e6), Some(1.5e6), A, C)],
            ),
            (
                "between 10% and 15%",
                &[("between 10% and 15%", 12.5, Some(10.0), Some(15.0), A, P)],
            ),
            ("10-15%", &[("10-15%", 12.5, Some(10.0), Some(15.0), A, P)]),
            (
                "between one hundred and two hundred",
                &[(
                    "between one hundred and two hundred",
                    150.0,
                    Some(100.0),
                    Some(200.0),
                    A,
                    C,
                )],
            ),
            (
                "between 2 and 3 million",
                &[("between 2 and 3 million", 2.5e6, Some(2e6), Some(3e6), A, C)],
            ),
            (
                "up to 500-600",
                &[("up to 500-600", 550.0, Some(500.0), Some(600.0), M, C)],
            ),
            ("5k-20k", &[("5k-20k", 12500.0, Some(5e3), Some(2e4), A, C)]),
            (
                "a 3-2 vote",
                &[("3", 3.0, None, None, E, C), ("2", 2.0, None, None, E, C)],
            ),
            (
                "fell from 10% to 5%",
                &[
                    ("10%", 10.0, None, None, E, P),
                    ("5%", 5.0, None, None, E, P),
                ],
            ),
            ("between 190 km2", &[("190", 190.0, None, None, E, C)]),
            (
                "between 20 and 30 per cent",
                &[(
                    "between 20 and 30 per cent",
                    25.0,
                    Some(20.0),
                    Some(30.0),
                    A,
                    P,
                )],
            ),
            (
                "around 10-15%",
                &[("around 10-15%", 12.5, Some(10.0), Some(15.0), A, P)],
            ),
            (
                "from 5,000 to 6,000 drones",
                &[(
                    "from 5,000 to 6,000",
                    5500.0,
                    Some(5000.0),
                    Some(6000.0),
                    A,
                    C,
                )],
            ),
        ];
        for (text, expected) in cases {
            check(text, expected);
        }
    }

    #[test]
    fn combined_bounds_and_postfixes() {
        let cases: &[(&str, &[Expected])] = &[
            (
                "more than 10 and less than 20",
                &[(
                    "more than 10 and less than 20",
                    15.0,
                    Some(10.0),
                    Some(20.0),
                    A,
                    C,
                )],
            ),
            (
                "at most 100 and at least 20",
                &[(
                    "at most 100 and at least 20",
                    60.0,
                    Some(20.0),
                    Some(100.0),
                    A,
                    C,
                )],
            ),
            (
                "more than 40 and less than 10",
                &[
                    ("more than 40", 40.0, None, None, L, C),
                    ("less than 10", 10.0, None, None, M, C),
                ],
            ),
            (
                "20 through 100",
                &[("20 through 100", 60.0, Some(20.0), Some(100.0), A, C)],
            ),
            (
                "five hundred and more",
                &[("five hundred and more", 500.0, None, None, L, C)],
            ),
            (
                "about 500 or more",
                &[("about 500 or more", 500.0, None, None, L, C)],
            ),
            (
                "200 or greater than 190",
                &[
                    ("200", 200.0, None, None, E, C),
                    ("greater than 190", 190.0, None, None, L, C),
                ],
            ),
            (
                "1,000-plus drones",
                &[("1,000-plus", 1000.0, None, None, L, C)],
            ),
            ("40-odd missiles", &[("40-odd", 40.0, None, None, L, C)]),
            ("500+ drones", &[("500+", 500.0, None, None, L, C)]),
            (
                "in 2025 - 4,700 km²",
                &[
                    ("2025", 2025.0, None, None, E, C),
                    ("4,700", 4700.0, None, None, E, C),
                ],
            ),
            (
                "more in 2025 — 4,700 km²",
                &[
                    ("2025", 2025.0, None, None, E, C),
                    ("4,700", 4700.0, None, None, E, C),
                ],
            ),
        ];
        for (text, expected) in cases {
            check(text, expected);
        }
    }

    #[test]
    fn word_grammar_details() {
        let cases: &[(&str, &[Expected])] = &[
            (
                "three hundred and two dozen",
                &[("three hundred and two dozen", 324.0, None, None, E, C)],
            ),
            ("3 dzs", &[("3 dzs", 36.0, None, None, E, C)]),
            (
                "hundred thousand",
                &[("hundred thousand", 1e5, None, None, E, C)],
            ),
            (
                "three million, two hundred & forty",
                &[(
                    "three million, two hundred & forty",
                    3_000_240.0,
                    None,
                    None,
                    E,
                    C,
                )],
            ),
            (
                "one million, two million",
                &[
                    ("one million", 1e6, None, None, E, C),
                    ("two million", 2e6, None, None, E, C),
                ],
            ),
            (
                "4 thousand 3 hundred and 0",
                &[
                    ("4 thousand 3 hundred", 4300.0, None, None, E, C),
                    ("0", 0.0, None, None, E, C),
                ],
            ),
            ("2mil", &[("2mil", 2e6, None, None, E, C)]),
            ("which one do you prefer", &[]),
            ("that one mile", &[("one", 1.0, None, None, E, C)]),
            // Spoken decimals.
            (
                "nineteen point two",
                &[("nineteen point two", 19.2, None, None, E, C)],
            ),
            (
                "zero point zero seven",
                &[("zero point zero seven", 0.07, None, None, E, C)],
            ),
            (
                "one point five million",
                &[("one point five million", 1.5e6, None, None, E, C)],
            ),
            ("the point is", &[]),
            (
                "at one point five drones",
                &[
                    ("one", 1.0, None, None, E, C),
                    ("five", 5.0, None, None, E, C),
                ],
            ),
            (
                "the one hundred soldiers",
                &[("one hundred", 100.0, None, None, E, C)],
            ),
            (
                "one hundred and first",
                &[("one hundred and first", 101.0, None, None, E, O)],
            ),
        ];
        for (text, expected) in cases {
            check(text, expected);
        }
    }

    #[test]
    fn not_numbers() {
        let cases: &[&str] = &[
            "10:30",
            "at 6pm",
            "at 11 p.m.",
            "on 5/17/2018",
            "call +1-222-2222",
            "2022-02-24",
            "in 2013-14",
            "see https://example.com/a/30%20b",
            "192.168.1.2",
            "mail a1@b2.com",
            "۵ ✈️ 🚀",
        ];
        for text in cases {
            check(text, &[]);
        }
    }

    #[test]
    fn parse_number_reads_whole_strings() {
        assert_eq!(parse_number("5,600"), Some(5600.0));
        assert_eq!(parse_number(" 1.2 million "), Some(1.2e6));
        assert_eq!(parse_number("two thousand"), Some(2000.0));
        assert_eq!(parse_number("a dozen"), Some(12.0));
        assert_eq!(parse_number("5 drones"), None);
        assert_eq!(parse_number("S-300"), None);
        assert_eq!(parse_number(""), None);
    }

    #[test]
    fn number_words_are_the_vocabulary() {
        for word in NUMBER_WORDS {
            assert!(is_number_word(word), "{word} is listed but not accepted");
        }
        // Every vocabulary literal is written in this file: any word in it
        // that is accepted must be listed.
        let source = include_str!("number.rs");
        for word in source.split(|c: char| !c.is_ascii_lowercase()) {
            if is_number_word(word) {
                assert!(
                    NUMBER_WORDS.contains(&word),
                    "{word} is accepted but not listed"
                );
            }
        }
        assert!(NUMBER_WORDS.windows(2).all(|pair| pair[0] < pair[1]));
    }

    #[test]
    fn multibyte_text_never_panics() {
        for text in [
            "5 600 км²",
            "۵",
            "🚀5🚀",
            "5\u{202f}",
            "½",
            "é1,",
            ".",
            "1.",
            "a-",
            "5-",
            "-5",
            "5,",
        ] {
            let found = find_numbers(text);
            for m in found {
                assert!(text.is_char_boundary(m.start) && text.is_char_boundary(m.end));
                assert!(m.start <= m.value_start && m.value_start <= m.end);
            }
        }
    }
}
