//! Undoing the layout of text out of PDFs and e-mails, before sentences are
//! split: the `> ` marks of quoted mail, words hyphenated across a line end
//! ("square kilo-\nmetres"), and lines wrapped at a fixed width in the middle
//! of a sentence ("since 4\nJune"). Everything else is left as it is: list
//! items, headings, table rows and lines that end a sentence keep their line
//! breaks.
//!
//! ```
//! use frontline::layout::undo_hard_wraps;
//! let mail = "> Overnight, the Russians attacked with 178 Shahed-type attack drones\n\
//!             > launched from Bryansk and Kursk. As of 09:00, 130 of them had been\n\
//!             > shot down over the Kharkiv, Sumy and Odesa regions, the Air Force\n\
//!             > said.";
//! assert_eq!(
//!     undo_hard_wraps(mail.to_string()),
//!     "Overnight, the Russians attacked with 178 Shahed-type attack drones \
//!      launched from Bryansk and Kursk. As of 09:00, 130 of them had been \
//!      shot down over the Kharkiv, Sumy and Odesa regions, the Air Force said."
//! );
//! ```

/// Widths at which text is wrapped by hand or by a mail client or PDF
/// converter; a block of longer lines was not wrapped.
const WRAP_WIDTHS: std::ops::RangeInclusive<usize> = 40..=120;
/// Lines of a block that must be seen wrapped before its other line breaks
/// are taken for wraps too.
const MIN_WRAPPED_LINES: usize = 2;

/// `text` with the layout of PDFs and e-mails undone (see the module docs);
/// the text itself when it has none.
pub fn undo_hard_wraps(text: String) -> String {
    if !has_layout(&text) {
        return text;
    }
    let lines: Vec<&str> = text.split('\n').map(without_quote_mark).collect();
    let mut out = String::with_capacity(text.len());
    let mut block_start = 0;
    while block_start < lines.len() {
        let block_end = lines[block_start..]
            .iter()
            .position(|line| line.trim().is_empty())
            .map_or(lines.len(), |blank| block_start + blank);
        join_block(&lines[block_start..block_end], &mut out);
        if block_end < lines.len() {
            out.push_str(lines[block_end]);
            out.push('\n');
        }
        block_start = block_end + 1;
    }
    if !text.ends_with('\n') && out.ends_with('\n') {
        out.pop();
    }
    out
}

/// Whether a text may hold quote marks, hyphenation or wrapped lines: a
/// line (before a line break) that opens with `>`, ends with a hyphen, or is
/// as long as a wrapped line and does not end with a full stop. Most
/// documents, one paragraph to a line, have none and are not copied.
fn has_layout(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut line_start = 0;
    for newline in memchr::memchr_iter(b'\n', bytes) {
        let line = &bytes[line_start..newline];
        line_start = newline + 1;
        if line.first() == Some(&b'>') || line.ends_with(b"-") {
            return true;
        }
        if WRAP_WIDTHS.contains(&line.len()) && !line.ends_with(b".") {
            return true;
        }
    }
    false
}

/// A line without the `>` marks of quoted mail ("> > text" is "text").
fn without_quote_mark(line: &str) -> &str {
    let mut rest = line.trim_end_matches('\r');
    while let Some(quoted) = rest.strip_prefix('>') {
        if !(quoted.is_empty() || quoted.starts_with([' ', '>'])) {
            break; // ">50%" is a figure, not a mark
        }
        rest = quoted.strip_prefix(' ').unwrap_or(quoted);
    }
    rest
}

/// Writes the lines of a block (no blank line in it), each followed by a
/// line break unless it is joined to the next.
fn join_block(block: &[&str], out: &mut String) {
    let width = wrap_width(block);
    let mut continues_a_line = false;
    for (index, line) in block.iter().enumerate() {
        let line = if continues_a_line {
            line.trim_start()
        } else {
            line
        };
        let joint = match block.get(index + 1) {
            Some(next) => join(line.trim_end(), next.trim(), index == 0, width),
            None => Join::No,
        };
        match joint {
            Join::No => {
                out.push_str(line);
                out.push('\n');
            }
            Join::Hyphenated => out.push_str(line.trim_end().strip_suffix('-').unwrap_or(line)),
            Join::KeepHyphen => out.push_str(line.trim_end()),
            Join::Space => {
                out.push_str(line.trim_end());
                out.push(' ');
            }
        }
        continues_a_line = !matches!(joint, Join::No);
    }
}

/// The width a block was wrapped at, if it was: the longest of its lines of
/// running text, a usual width, and nearly every line after the first
/// (which may be a title) wrapped there, its successor's first word too long
/// to fit on it. The lines of a social post or of a chart's labels, one
/// statement each, end wherever their statements do.
fn wrap_width(block: &[&str]) -> Option<usize> {
    let width = block
        .iter()
        .filter(|line| is_prose(line))
        .map(|line| line.trim_end().chars().count())
        .max()?;
    if !WRAP_WIDTHS.contains(&width) {
        return None;
    }
    let (mut wrapped, mut broken_early) = (0, 0);
    for pair in block.windows(2).skip(1) {
        let (line, next) = (pair[0].trim(), pair[1].trim());
        if !is_prose(line) || is_layout(next) || starts_a_line_of_its_own(next) {
            continue;
        }
        if ends_hyphenated(line) || first_word_overflows(line, next, width) {
            wrapped += 1;
        } else {
            broken_early += 1;
        }
    }
    (wrapped >= MIN_WRAPPED_LINES && broken_early * 3 <= wrapped).then_some(width)
}

/// Whether a line ends with a word broken by a hyphen ("kilo-").
fn ends_hyphenated(line: &str) -> bool {
    let mut last_two = line.chars().rev();
    last_two.next() == Some('-') && last_two.next().is_some_and(char::is_alphabetic)
}

/// Whether the first word of `next` would not have fit on `line`.
fn first_word_overflows(line: &str, next: &str, width: usize) -> bool {
    let first_word = next.split_whitespace().next().unwrap_or_default();
    line.chars().count() + 1 + first_word.chars().count() > width
}

enum Join {
    /// "kilo-" + "metres": one word.
    Hyphenated,
    /// "Primorsko-" + "Akhtarsk": one word that keeps its hyphen.
    KeepHyphen,
    /// A wrapped line: the break is a space.
    Space,
    No,
}

/// How `line` (trimmed) joins `next` (trimmed), in a block wrapped at
/// `width` if it is.
fn join(line: &str, next: &str, is_first: bool, width: Option<usize>) -> Join {
    if next.is_empty()
        || !is_prose(line)
        || is_heading(line)
        || is_layout(next)
        || starts_a_line_of_its_own(next)
    {
        return Join::No;
    }
    if line.ends_with(['.', '!', '?', ':', ';']) || line.ends_with(".\"") || line.ends_with(".”")
    {
        return Join::No;
    }
    if ends_hyphenated(line) {
        return match next.chars().next() {
            Some(first) if first.is_lowercase() => Join::Hyphenated,
            Some(first) if first.is_alphabetic() => Join::KeepHyphen,
            _ => Join::No,
        };
    }
    match width {
        // (A first line that is not full may be a title.)
        Some(width) if !is_first || first_word_overflows(line, next, width) => Join::Space,
        _ => Join::No,
    }
}

/// A line of running text: words in lower case, not a line of capitals or
/// of layout.
fn is_prose(line: &str) -> bool {
    let line = line.trim();
    line.matches(' ').count() >= 2 && line.contains(char::is_lowercase) && !is_layout(line)
}

/// A table row (columns, dot leaders) or a laid-out header ("REPORT <many
/// spaces> 4 November 2024").
fn is_layout(line: &str) -> bool {
    let line = line.trim();
    line.contains('\t') || line.contains('|') || line.contains("   ") || line.contains("....")
}

/// A heading in capitals ("WEEKLY BRIEF – EASTERN UKRAINE", "RUSSIAN MOD
/// STATEMENT (unofficial translation)").
fn is_heading(line: &str) -> bool {
    let first_two: Vec<&str> = line.split_whitespace().take(2).collect();
    first_two.len() == 2
        && first_two.iter().all(|word| {
            word.chars().count() >= 2
                && word.chars().any(char::is_alphabetic)
                && !word.chars().any(char::is_lowercase)
        })
}

/// A list item, a heading, a page mark or a labelled line: the writer put
/// it on its own line.
fn starts_a_line_of_its_own(line: &str) -> bool {
    let bulleted = line.starts_with(['-', '*', '•', '–', '—', '#', '·', '▪', '●']);
    let numbered = {
        let digits = line.bytes().take_while(u8::is_ascii_digit).count();
        digits > 0 && digits < 3 && line[digits..].starts_with([')', '.'])
    };
    let page = line.to_ascii_lowercase().starts_with("page ");
    bulleted || numbered || page || opens_with_a_label(line)
}

/// A line that opens with a label: a speaker, a key, a date in a timeline
/// ("ANCHOR: …", "Kursk oblast (Russian recapture): 117 km²", "Nov 9 — 110
/// drones").
fn opens_with_a_label(line: &str) -> bool {
    let head = |max: usize| {
        let end = (0..=max.min(line.len()))
            .rev()
            .find(|&at| line.is_char_boundary(at))
            .unwrap_or(0);
        &line[..end]
    };
    head(40).contains(": ")
        || [" — ", " – ", " - "]
            .iter()
            .any(|dash| head(16).contains(dash))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn undone(text: &str) -> String {
        undo_hard_wraps(text.to_string())
    }

    #[test]
    fn hyphenated_words_are_joined() {
        let text = "Moscow's troops gained an estimated 725 square kilo-\n\
                    metres of Ukrainian territory in October, most of it west and south of\n\
                    Pokrovsk and around Vuhledar, and retook the villages they had lost.";
        assert!(undone(text).contains("725 square kilometres of Ukrainian territory"));
    }

    #[test]
    fn a_hyphen_before_a_capital_stays() {
        let text = "The drones were launched from Bryansk, Kursk, Millerovo and Primorsko-\n\
                    Akhtarsk, the Air Force said in its morning update on Saturday.";
        assert!(undone(text).contains("Primorsko-Akhtarsk, the Air Force"));
    }

    #[test]
    fn a_line_wrapped_before_a_capital_is_joined() {
        let text = "Deputy Defence Minister Hanna Maliar said on Monday that, since 4\n\
                    June, Ukrainian forces have liberated 256 square kilometres of land\n\
                    on the Zaporizhzhia front, and that units operating near Robotyne\n\
                    retook 3 square kilometres last week.";
        let text = undone(text);
        assert!(text.contains("since 4 June, Ukrainian"), "{text}");
        assert!(!text.contains('\n'), "{text}");
    }

    #[test]
    fn a_headline_over_a_long_paragraph_keeps_its_line() {
        let text = "Russia launches record 728 drones and 13 missiles at Ukraine overnight\n\
                    Kyiv — Russia launched 728 drones and 13 missiles at Ukraine overnight, the largest \
                    combined strike of the war so far, the Air Force said on Wednesday morning.";
        assert_eq!(undone(text), text);
    }

    #[test]
    fn lists_tables_and_short_lines_keep_their_breaks() {
        for text in [
            "Destroyed overnight, by region, according to the ministry statement of\n- 21 UAVs over the Bryansk region;\n- 12 UAVs over the Kursk region;",
            "Region      | km²\nDonetsk     | 312\nZaporizhzhia | 40",
            "By the numbers\n701 square kilometres gained in November\n5,298 drones launched",
        ] {
            assert_eq!(undone(text), text);
        }
    }

    #[test]
    fn a_post_of_one_statement_a_line_keeps_its_lines() {
        let text = "Vyacheslav Gladkov (Belgorod governor), on his channel tonight\n\
                    On Saturday, Belgorod region was attacked by 47 Ukrainian drones\n\
                    38 of them were shot down by air defence over the region\n\
                    In Shebekino a man was injured, five cars were damaged";
        assert_eq!(undone(text), text);
    }

    #[test]
    fn quote_marks_of_mail_are_removed_but_not_a_greater_than() {
        assert_eq!(
            undone("> > Quoted line.\n>50% of the region"),
            "Quoted line.\n>50% of the region"
        );
    }
}
