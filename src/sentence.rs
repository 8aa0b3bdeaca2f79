//! Splitting text into sentences, as byte spans into the original text.
//!
//! News text breaks sentences at `.`, `!` and `?` followed by space and a
//! capital, digit or quote; at blank lines; and at line ends that close a
//! heading, a list item or a line ending in punctuation. A single line break
//! inside a paragraph (hard-wrapped Markdown) does not end a sentence.
//! Abbreviations ("Gen.", "U.S.", "Jan.", "approx.") and decimals do not end
//! one either.
//!
//! ```
//! use frontline::sentence::split_sentences;
//! let text = "In November, Russia gained 701 sq km. Gen. Syrskyi said so.\nNext line";
//! let sentences: Vec<&str> = split_sentences(text).map(|s| &text[s]).collect();
//! assert_eq!(sentences, ["In November, Russia gained 701 sq km.", "Gen. Syrskyi said so.", "Next line"]);
//! ```

use std::iter::Peekable;
use std::ops::Range;
use std::sync::LazyLock;

use crate::text::WordSet;

/// Words that end with a period without ending the sentence (lowercase,
/// sorted).
const ABBREVIATIONS: &[&str] = &[
    "a.m", "adm", "al", "approx", "apr", "aug", "ca", "capt", "cf", "co", "col", "corp", "cpt",
    "dec", "dept", "dr", "e.g", "e.u", "esp", "est", "etc", "excl", "feb", "fig", "fri", "gen",
    "gov", "i.e", "inc", "incl", "jan", "jr", "jul", "jun", "lt", "ltd", "maj", "mar", "mon", "mr",
    "mrs", "ms", "mt", "no", "nos", "nov", "oct", "p.m", "pres", "prof", "rep", "sat", "sen",
    "sep", "sept", "sgt", "sr", "st", "sun", "thous", "thu", "thur", "thurs", "tue", "tues", "u.k",
    "u.n", "u.s", "vs", "wed",
];

/// The sentences of `text`, as byte ranges, trimmed of surrounding whitespace;
/// empty sentences are skipped.
pub fn split_sentences(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    SentenceIter {
        text,
        pos: 0,
        newlines: memchr::memchr_iter(b'\n', text.as_bytes()).peekable(),
        last_newline: None,
    }
}

struct SentenceIter<'a> {
    text: &'a str,
    pos: usize,
    /// The line breaks not yet passed, found by one scan of the whole text
    /// as the split moves on (sentences only move forward).
    newlines: Peekable<memchr::Memchr<'a>>,
    /// The last line break passed: the current line starts after it.
    last_newline: Option<usize>,
}

impl Iterator for SentenceIter<'_> {
    type Item = Range<usize>;

    fn next(&mut self) -> Option<Range<usize>> {
        let bytes = self.text.as_bytes();
        loop {
            if self.pos >= bytes.len() {
                return None;
            }
            let start = self.pos;
            let end = self.find_sentence_end(start);
            self.pos = end;
            let trimmed = trim_span(self.text, start, end);
            if !trimmed.is_empty() {
                return Some(trimmed);
            }
        }
    }
}

/// Longest sentence, in bytes. Text without sentence marks (a table, a dump,
/// a 100 MB line) is cut at a space before this length, which keeps the work
/// per sentence bounded and the whole split linear.
pub const MAX_SENTENCE_BYTES: usize = 2048;

impl SentenceIter<'_> {
    /// Where the sentence that starts at `start` ends (exclusive).
    fn find_sentence_end(&mut self, start: usize) -> usize {
        let text = self.text;
        let bytes = text.as_bytes();
        let limit = (start + MAX_SENTENCE_BYTES).min(bytes.len());
        let end = self.find_marked_end(start, limit);
        if end < limit || limit == bytes.len() {
            return end;
        }
        // No mark within the limit: cut at the last space, else at a char boundary.
        let window = &text[start..crate::text::floor_boundary(text, limit)];
        match window.rfind([' ', '\n', '\t']) {
            Some(space) if space > 0 => start + space + 1,
            _ => start + window.len().max(1),
        }
    }

    /// The end of the sentence starting at `start` if a mark ends it before `limit`.
    fn find_marked_end(&mut self, start: usize, limit: usize) -> usize {
        let text = self.text;
        let bytes = text.as_bytes();
        let window = &bytes[start..limit];
        // Two vectorised scans merged in order: sentence marks and line breaks
        // (memchr looks for at most three bytes at once).
        let mut marks = memchr::memchr3_iter(b'.', b'!', b'?', window)
            .map(|offset| start + offset)
            .peekable();
        let mut i = start;
        loop {
            while marks.next_if(|&mark| mark < i).is_some() {}
            self.pass_newlines_before(i);
            let newline = self
                .newlines
                .peek()
                .copied()
                .filter(|&newline| newline < limit);
            let next = match (marks.peek(), newline) {
                (Some(&mark), Some(newline)) => mark.min(newline),
                (Some(&mark), None) => mark,
                (None, Some(newline)) => newline,
                (None, None) => return limit,
            };
            if bytes[next] == b'\n' {
                let line_start = self.last_newline.map_or(0, |previous| previous + 1);
                self.pass_newlines_before(next + 1);
                let next_line_end = self.newlines.peek().copied().unwrap_or(text.len());
                let lines = Lines {
                    sentence_start: start,
                    line_start,
                    newline: next,
                    next_line_end,
                };
                if line_break_ends_sentence(text, lines) {
                    return next + 1;
                }
                i = next + 1;
            } else {
                // Swallow closing quotes and brackets after the mark.
                let end = next + 1 + closing_run(&text[next + 1..]);
                if ends_sentence(text, start, next, end) {
                    return end;
                }
                i = end;
            }
        }
    }

    /// Passes the line breaks before `position`, remembering the last.
    fn pass_newlines_before(&mut self, position: usize) {
        while let Some(newline) = self.newlines.next_if(|&newline| newline < position) {
            self.last_newline = Some(newline);
        }
    }
}

/// Length of closing quotes/brackets right after a sentence mark, and of
/// the note markers after them ("the lower Dnipro.[150]", "[citation needed]").
fn closing_run(rest: &str) -> usize {
    let mut run = rest
        .char_indices()
        .take_while(|(_, c)| matches!(c, '"' | '\'' | ')' | ']' | '”' | '’' | '»'))
        .map(|(i, c)| i + c.len_utf8())
        .last()
        .unwrap_or(0);
    while let Some(marker) = rest[run..].strip_prefix('[') {
        const MARKER_MAX: usize = 24;
        let Some(close) = marker.bytes().take(MARKER_MAX).position(|b| b == b']') else {
            break;
        };
        let note = &marker[..close];
        if note.is_empty() || !note.bytes().all(|b| b.is_ascii_alphanumeric() || b == b' ') {
            break;
        }
        run += close + 2;
    }
    run
}

fn ends_sentence(text: &str, sentence_start: usize, mark: usize, after: usize) -> bool {
    let rest = &text[after..];
    let next_visible = rest.trim_start_matches([' ', '\t', '\u{a0}']);
    if next_visible.is_empty() || next_visible.starts_with(['\n', '\r']) {
        return true;
    }
    // The mark must be followed by whitespace.
    if next_visible.len() == rest.len() {
        return false;
    }
    if text.as_bytes()[mark] != b'.' {
        return starts_like_sentence(next_visible);
    }
    let word = last_word(&text[sentence_start..mark]);
    if is_abbreviation(word) {
        // "Jan. 5" or "Gen. Syrskyi" go on; "... in the U.S. The ..." is
        // ambiguous, and staying in the sentence costs less than a bad split.
        return false;
    }
    // Initials such as "J. Smith" or "U.S." (single letters between periods).
    if word.chars().count() == 1 && word.chars().all(|c| c.is_ascii_uppercase()) {
        return false;
    }
    starts_like_sentence(next_visible)
}

fn is_abbreviation(word: &str) -> bool {
    static SET: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(ABBREVIATIONS.iter().copied()));
    SET.contains(word)
}

fn starts_like_sentence(next: &str) -> bool {
    next.chars().next().is_some_and(|c| {
        c.is_uppercase()
            || c.is_ascii_digit()
            || matches!(
                c,
                '"' | '\'' | '“' | '‘' | '(' | '[' | '«' | '-' | '—' | '*'
            )
    })
}

/// The word right before a position, dots inside it kept ("U.S").
fn last_word(before: &str) -> &str {
    let bytes = before.as_bytes();
    let ascii_start = bytes
        .iter()
        .rposition(|b| !(b.is_ascii_alphanumeric() || *b == b'.'))
        .map_or(0, |i| i + 1);
    if ascii_start == 0 || bytes[ascii_start - 1].is_ascii() {
        return &before[ascii_start..];
    }
    // A non-ASCII char ends the ASCII run: it may be a letter of the word.
    let start = before
        .char_indices()
        .rev()
        .find(|(_, c)| !(c.is_alphanumeric() || *c == '.'))
        .map(|(i, c)| i + c.len_utf8())
        .unwrap_or(0);
    &before[start..]
}

/// Where a line break is, with the lines around it.
struct Lines {
    sentence_start: usize,
    /// Start of the line the break ends.
    line_start: usize,
    newline: usize,
    /// End of the line after the break.
    next_line_end: usize,
}

fn line_break_ends_sentence(text: &str, lines: Lines) -> bool {
    let Lines {
        sentence_start,
        line_start,
        newline,
        next_line_end,
    } = lines;
    let line = text[line_start.max(sentence_start)..newline].trim_end_matches(['\r', ' ', '\t']);
    let next_line = text[newline + 1..next_line_end].trim();
    if line.trim().is_empty() || next_line.is_empty() {
        return true; // a blank line ends a paragraph
    }
    let full_line = text[line_start..newline].trim_start();
    if full_line.starts_with('#') || is_list_item(full_line) || is_list_item(next_line) {
        return true;
    }
    if next_line.starts_with('#') {
        return true;
    }
    if line.ends_with([':', ';', '.', '!', '?', '"', '”', ')']) {
        return true;
    }
    // A short line without closing punctuation is a headline or a byline.
    line.chars().count() < 60 || !next_line.starts_with(|c: char| c.is_lowercase())
}

fn is_list_item(line: &str) -> bool {
    let line = line.trim_start();
    line.starts_with("- ") || line.starts_with("* ") || line.starts_with("• ") || {
        let digits = line.bytes().take_while(u8::is_ascii_digit).count();
        digits > 0 && digits < 3 && line[digits..].starts_with(". ")
    }
}

fn trim_span(text: &str, start: usize, end: usize) -> Range<usize> {
    let slice = &text[start..end];
    let leading = slice.len() - slice.trim_start().len();
    let trimmed_len = slice.trim().len();
    start + leading..start + leading + trimmed_len
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        split_sentences(text).map(|r| &text[r]).collect()
    }

    #[test]
    fn abbreviations_are_sorted_and_found_in_any_case() {
        assert!(ABBREVIATIONS.windows(2).all(|pair| pair[0] < pair[1]));
        for abbreviation in ABBREVIATIONS {
            assert!(is_abbreviation(abbreviation));
            assert!(is_abbreviation(&abbreviation.to_uppercase()));
        }
        assert!(!is_abbreviation("said"));
    }

    #[test]
    fn splits_news_prose() {
        let cases: &[(&str, &[&str])] = &[
            (
                "Russia gained 701 km2. Ukraine disputed it!",
                &["Russia gained 701 km2.", "Ukraine disputed it!"],
            ),
            (
                "It fired 1.2 million shells. Really? Yes.",
                &["It fired 1.2 million shells.", "Really?", "Yes."],
            ),
            (
                "Gen. Oleksandr Syrskyi said on Nov. 3 that U.S. aid helped. Then he left.",
                &[
                    "Gen. Oleksandr Syrskyi said on Nov. 3 that U.S. aid helped.",
                    "Then he left.",
                ],
            ),
            (
                "\"We held,\" he said. \"They did not.\" The end.",
                &["\"We held,\" he said.", "\"They did not.\"", "The end."],
            ),
            (
                "Headline here\nPublished: 2 December 2025\n\nFirst sentence. Second one.",
                &[
                    "Headline here",
                    "Published: 2 December 2025",
                    "First sentence.",
                    "Second one.",
                ],
            ),
            (
                "A long hard-wrapped markdown paragraph that keeps going past the sixty char\nmark continues here. Done.",
                &[
                    "A long hard-wrapped markdown paragraph that keeps going past the sixty char\nmark continues here.",
                    "Done.",
                ],
            ),
            ("- item one\n- item two", &["- item one", "- item two"]),
            ("", &[]),
            ("   \n\n  ", &[]),
            ("No final stop", &["No final stop"]),
            ("Ends with decimals 3.5 and more", &["Ends with decimals 3.5 and more"]),
        ];
        for (text, expected) in cases {
            assert_eq!(split(text), *expected, "{text:?}");
        }
    }

    #[test]
    fn unmarked_text_is_cut_into_bounded_sentences() {
        let text = "word ".repeat(5_000) + "é".repeat(3_000).as_str();
        let spans: Vec<_> = split_sentences(&text).collect();
        assert!(spans.len() > 10);
        for span in &spans {
            assert!(span.len() <= MAX_SENTENCE_BYTES, "{}", span.len());
            assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
        }
        let covered: usize = spans.iter().map(|s| text[s.clone()].trim().len()).sum();
        assert!(covered + spans.len() * 2 >= text.trim().len() - 5_000);
    }

    #[test]
    fn spans_are_byte_offsets_on_multibyte_text() {
        let text = "Росія «захопила» 701 км². Next — “quoted.” Éte.";
        for span in split_sentences(text) {
            assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
        }
        assert_eq!(split(text).len(), 3);
    }
}
