//! Data tables as sentences. A table of monthly figures in an HTML page
//! ("Month | Territory gained (km²) | Drones launched") or in plain text
//! (pipes, tabs, aligned columns, CSV) says in its layout what a sentence
//! says in words; this module writes each of its figures as the sentence
//! the extractor reads: "Territory gained in September: 477 km²." Owns the
//! test of whether a table holds data at all (layout tables and tables of
//! prose are left to the plain text walk), and the key-figure lines of
//! layout ("Attack drones ....... 1,100") said as labels.
//!
//! ```
//! use frontline::table::table_sentences;
//! let rows: Vec<Vec<String>> = [
//!     ["Month", "Territory gained (km²)", "Drones launched"],
//!     ["October", "461", "5,298"],
//! ]
//! .iter()
//! .map(|row| row.iter().map(|cell| cell.to_string()).collect())
//! .collect();
//! let text = table_sentences(&rows).unwrap();
//! assert_eq!(
//!     text,
//!     "Territory gained in October: 461 km².\nDrones launched in October: 5,298.\n"
//! );
//! ```

use std::borrow::Cow;

/// Longest cell of a data table, in bytes: longer ones are prose.
const MAX_CELL: usize = 80;

/// Longest unit taken from a column header or a caption ("(km²)", "(sq
/// km)", ", square kilometres").
const MAX_UNIT: usize = 20;

/// Longest line of a table written in text, in bytes: longer ones are prose
/// (and a 100 MB line is not split into cells).
const MAX_LINE: usize = 16 * MAX_CELL;

/// Names of a row that sums the others: "Total", "**Full year**".
const TOTAL_ROWS: &[&str] = &["total", "totals", "all", "overall", "full year", "sum"];

/// The figures of a table given as rows of cell texts, one sentence a line;
/// `None` when it is no table of figures: fewer than two rows or columns,
/// rows of different lengths, a long cell, or no figure in it.
///
/// The first row names the columns and the first column the rows. Of a row's
/// and a column's names, one says what is counted and the other when or
/// where: a name that is a time expression ("October", "Q3 2025") is the
/// when; otherwise the column says what and the row where ("Donetsk").
///
/// A row named "Total" sums the others: over the span of their times
/// ("from January to June"), or over all their places (no place said).
pub fn table_sentences(rows: &[Vec<String>]) -> Option<String> {
    captioned_table_sentences(rows, None)
}

/// [`table_sentences`] for a table under a caption line: a unit the caption
/// ends with ("Russian gains by month, sq km") is the unit of columns that
/// name none, and a column named by a unit alone ("km²") counts what the
/// caption says ("Russian territorial gains in September 2025, by oblast").
fn captioned_table_sentences(rows: &[Vec<String>], caption: Option<&str>) -> Option<String> {
    let (header, body) = rows.split_first()?;
    let width = header.len();
    // (A header may be a caption's subject, which runs longer than a cell.)
    let well_formed = width >= 2
        && !body.is_empty()
        && header.iter().all(|cell| cell.len() <= 2 * MAX_CELL)
        && body
            .iter()
            .all(|row| row.len() == width && row.iter().all(|cell| cell.len() <= MAX_CELL));
    if !well_formed {
        return None;
    }
    let caption_unit = caption.and_then(caption_unit);
    let caption_what = caption.map(caption_subject).filter(|what| !what.is_empty());
    let caption_what = caption_what.as_deref();
    let row_names: Vec<&str> = body.iter().map(|row| plain(&row[0])).collect();
    let is_total = |name: &str| {
        TOTAL_ROWS
            .iter()
            .any(|total| name.eq_ignore_ascii_case(total))
    };
    // The span a total row sums, when the other rows are times.
    let times: Vec<&str> = row_names
        .iter()
        .copied()
        .filter(|name| !is_total(name))
        .collect();
    let total_span = match (times.first(), times.last()) {
        // (The first and last tell: "May" alone is no time to the parser.)
        (Some(first), Some(last)) if times.len() >= 2 && is_time(first) && is_time(last) => {
            Some(format!("from {first} to {last}"))
        }
        _ => None,
    };
    // What each column of figures counts and in what unit: the same for
    // every row.
    let columns: Vec<ColumnMeaning> = (1..width)
        .map(|column| ColumnMeaning::of(header, column, caption_what, caption_unit))
        .collect();
    let mut text = String::new();
    for (row, &row_name) in body.iter().zip(&row_names) {
        for (cell, column) in row.iter().skip(1).zip(&columns) {
            let value = plain(cell);
            if !past_hedge(value).starts_with(|c: char| c.is_ascii_digit()) || row_name.is_empty() {
                continue;
            }
            let (column_what, unit) = (column.what.as_str(), column.unit.as_deref());
            let (what, when_or_where) = if column.is_time && !is_time(row_name) {
                (row_name, column_what)
            } else {
                (column_what, row_name)
            };
            if what.is_empty() {
                continue;
            }
            if is_total(when_or_where) {
                match &total_span {
                    Some(span) => text.push_str(&format!("{what} {span}: {value}")),
                    None => text.push_str(&format!("{what}, all told: {value}")),
                }
            } else if value.ends_with('%') && !is_time(when_or_where) {
                // ("- Luhansk: 99.7%" under "Share of each oblast under
                // Russian occupation": a share of the place; "All Ukraine
                // — 19.4%" of the whole country.)
                let place = ["All ", "all ", "Whole ", "whole ", "Entire ", "entire "]
                    .iter()
                    .find_map(|whole| when_or_where.strip_prefix(whole))
                    .unwrap_or(when_or_where);
                text.push_str(&format!("{what}: {value} of {place}"));
            } else if is_day(when_or_where) && names_a_level(what) {
                // ("| 1 Jan 2024 | 109,500 |" under "Occupied (km²)": a level
                // on that day, not what came in it.)
                text.push_str(&format!("{what} as of {when_or_where}: {value}"));
            } else if is_day(when_or_where) {
                text.push_str(&format!("{what} on {when_or_where}: {value}"));
            } else {
                text.push_str(&format!("{what} in {when_or_where}: {value}"));
            }
            // "477" takes the column's unit; "477 km²" or "19.3%" has its own.
            let bare_value = value.ends_with(|c: char| c.is_ascii_digit());
            if let Some(unit) = unit.filter(|_| bare_value) {
                if unit != "%" {
                    text.push(' ');
                }
                text.push_str(unit);
            }
            text.push_str(".\n");
        }
    }
    (!text.is_empty()).then_some(text)
}

/// What a column of figures counts and in what unit.
struct ColumnMeaning {
    what: String,
    unit: Option<String>,
    /// Whether the column is named by a time ("| Donetsk | October |"): the
    /// row then says what is counted.
    is_time: bool,
}

impl ColumnMeaning {
    /// The meaning of column `column` (at least 1) of a table with `header`,
    /// under a caption that says `caption_what` in `caption_unit`.
    fn of(
        header: &[String],
        column: usize,
        caption_what: Option<&str>,
        caption_unit: Option<&str>,
    ) -> ColumnMeaning {
        let (what, unit) = split_unit(plain(&header[column]));
        // ("Date | Aerial targets | Shot down": what was shot down is what
        // the first column of figures counts.)
        // ("Date | Drones launched | Shot down": drones shot down.)
        let counted_by_first = (column >= 2 && names_only_an_action(what))
            .then(|| split_unit(plain(&header[1])).0)
            .filter(|first| !first.is_empty() && !names_only_an_action(first))
            .map(|first| format!("{} {}", before_an_action(first), what.to_lowercase()));
        // ("Month,Launched,Downed" under "Attack drones launched by Russia
        // …": what the caption names before its first action is counted.)
        let counted_by_caption = (counted_by_first.is_none() && names_only_an_action(what))
            .then(|| caption_what.and_then(|caption| counted_by_caption(caption, what)))
            .flatten();
        let what = counted_by_first
            .as_deref()
            .or(counted_by_caption.as_deref())
            .unwrap_or(what);
        // ("Oblast | km²": the column is a unit; the caption says what.)
        // ("Share (%)" under "Share of Ukraine's territory under Russian
        // control, …": the caption says in full what the column names.)
        let (what, unit) = match (unit, caption_what) {
            (None, Some(caption_what)) if names_a_column_alone(what) => (caption_what, Some(what)),
            (unit, Some(caption_what))
                if counted_by_first.is_none()
                    && counted_by_caption.is_none()
                    && begins_with_words(caption_what, what) =>
            {
                (caption_what, unit.or(caption_unit))
            }
            (unit, _) => (what, unit.or(caption_unit)),
        };
        // ("Square kilometres captured by Russian forces per month": the
        // unit named first.)
        let (what, unit) = match (unit, unit_at_the_head(what)) {
            (None, Some((unit, rest))) => (rest, Some(unit.to_lowercase())),
            (unit, _) => (what, unit.map(str::to_string)),
        };
        ColumnMeaning {
            what: what.to_string(),
            unit,
            is_time: is_time(what),
        }
    }
}

/// An area unit that `what` opens with, and the words after it: "Square
/// miles of Ukrainian territory captured" → ("square miles", "Ukrainian
/// territory captured").
fn unit_at_the_head(what: &str) -> Option<(&str, &str)> {
    const AREA_UNITS: &[&str] = &[
        "square kilometres",
        "square kilometers",
        "square miles",
        "sq km",
        "sq. km",
        "sq mi",
        "km²",
        "hectares",
        "acres",
    ];
    AREA_UNITS.iter().find_map(|unit| {
        let rest = what.get(unit.len()..)?;
        let opens_with_it = what[..unit.len()].eq_ignore_ascii_case(unit) && rest.starts_with(' ');
        let rest = rest.trim_start();
        let rest = rest.strip_prefix("of ").unwrap_or(rest);
        opens_with_it.then_some((&what[..unit.len()], rest))
    })
}

/// Whether `text` begins with the words `words` (any case), as "Share of
/// Ukraine held" begins with "Share".
fn begins_with_words(text: &str, words: &str) -> bool {
    !words.is_empty()
        && text
            .get(..words.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(words))
        && !text[words.len()..].starts_with(char::is_alphanumeric)
}

/// Whether a unit may name a column of figures by itself ("km²", "sq km",
/// "%"): a plain word, "| month | gains |", is no unit.
fn names_a_column_alone(name: &str) -> bool {
    is_unit_like(name) && name.chars().any(|c| !c.is_alphabetic())
}

/// What happens to what a table counts: a column named by one alone says
/// only that ("Shot down", "Intercepted", "Lost").
const ACTIONS: &[&str] = &[
    "locationally lost",
    "lost locally",
    "shot down",
    "downed",
    "intercepted",
    "destroyed",
    "neutralised",
    "neutralized",
    "suppressed",
    "lost",
    "launched",
    "fired",
];

/// Whether a column name says only what happened to what is counted: "Shot
/// down", "Intercepted", "Lost".
/// `name` up to the action it ends with, if any: "Drones launched" →
/// "Drones".
fn before_an_action(name: &str) -> &str {
    ACTIONS
        .iter()
        .find_map(|action| {
            let at = name.len().checked_sub(action.len())?;
            let ends_with_it =
                name.get(at..)?.eq_ignore_ascii_case(action) && name[..at].ends_with(' ');
            ends_with_it.then(|| name[..at].trim_end())
        })
        .unwrap_or(name)
}

fn names_only_an_action(name: &str) -> bool {
    ACTIONS
        .iter()
        .any(|action| name.eq_ignore_ascii_case(action))
}

/// What a column named by `action` alone counts, by its caption: the
/// words before the caption's first action ("Long-range attack drones
/// launched by Russia in spring 2025" → "Long-range attack drones downed"),
/// with who did it when the caption names the column's action ("… launched
/// by Russia"). `None` when no action follows a word or two.
fn counted_by_caption(caption: &str, action: &str) -> Option<String> {
    let word_starts = caption
        .char_indices()
        .filter(|&(at, c)| !c.is_whitespace() && (at == 0 || caption[..at].ends_with(' ')))
        .map(|(at, _)| at);
    let (at, caption_action) = word_starts.skip(1).take(4).find_map(|at| {
        let rest = &caption[at..];
        ACTIONS
            .iter()
            .find(|action| {
                rest.get(..action.len())
                    .is_some_and(|start| start.eq_ignore_ascii_case(action))
                    && !rest[action.len()..].starts_with(char::is_alphanumeric)
            })
            .map(|action| (at, action))
    })?;
    let thing = caption[..at].trim_end();
    let by_whom = caption_action
        .eq_ignore_ascii_case(action)
        .then(|| caption[at + caption_action.len()..].strip_prefix(" by "))
        .flatten()
        .and_then(|agent| agent.split([' ', ',']).next())
        .filter(|agent| agent.starts_with(char::is_uppercase));
    Some(match by_whom {
        Some(agent) => format!("{thing} {caption_action} by {agent}"),
        None => format!("{thing} {}", action.to_lowercase()),
    })
}

/// `text` with each table of figures written in plain text as sentences, as
/// [`table_sentences`] writes them; `None` when it has no such table. A
/// table is two or more lines of as many cells, split the same way: by
/// pipes (Markdown: "| Month | Gains (km²) |", "|---|---|", "| October |
/// 461 |"), by tabs, by runs of two or more spaces (columns aligned by
/// hand or pasted from a PDF), by commas with no space after them (CSV), or
/// lines of a name and a figure alone ("- Luhansk: 99.7%", "Donetsk —
/// 1,180"). The last line of text before a table is its caption, and a unit
/// it ends with ("Russian gains by month, sq km") is the unit of columns
/// that name none.
///
/// ```
/// use frontline::table::text_tables_as_sentences;
/// let text = "Russian gains by month, sq km\n| Month | Gains |\n|---|---|\n| October | 461 |\nMore text.";
/// assert_eq!(
///     text_tables_as_sentences(text).as_deref(),
///     Some("Russian gains by month, sq km\nGains in October: 461 sq km.\nMore text.")
/// );
/// let aligned = "Month      Gains (km2)\nOctober    461\nNovember   505\n";
/// assert_eq!(
///     text_tables_as_sentences(aligned).as_deref(),
///     Some("Gains in October: 461 km2.\nGains in November: 505 km2.\n")
/// );
/// ```
pub fn text_tables_as_sentences(text: &str) -> Option<String> {
    let mut written = String::with_capacity(text.len());
    let text = named_figures_without_dot_leaders(text);
    let mut changed = matches!(text, Cow::Owned(_));
    let mut caption = "";
    // What the last line of a list of key figures counted.
    let mut counted_before: Option<String> = None;
    let mut lines = text.split_inclusive('\n').peekable();
    while let Some(line) = lines.next() {
        // "Shahed drones launched ......... 75": a label and its figure; "Share
        // of Ukraine held (Feb 24, 2025): 18.7%": a label and its day.
        if let Some(labelled) = without_dot_leaders(line).or_else(|| day_in_label_said(line)) {
            // ("Shahed drones launched ..... 75" then "Shot down ..... 74":
            // what the label before counted was shot down.)
            let (label, figure) = labelled.split_once(": ").unwrap_or((&labelled, ""));
            match counted_before.as_deref() {
                Some(thing) if names_only_an_action(label) => {
                    written.push_str(&format!("{thing} {}: {figure}", label.to_lowercase()));
                }
                _ => written.push_str(&labelled),
            }
            counted_before = thing_before_action(label)
                .map(str::to_string)
                .or(counted_before);
            changed = true;
            continue;
        }
        // ("Shahed-type drones launched: 56" then "Shot down: 36": the same
        // with colons, when a line of an action alone follows.)
        if let Some((label, figure)) = key_figure_with_colon(line) {
            let action_alone = |line: &str| {
                key_figure_with_colon(line).is_some_and(|(label, _)| names_only_an_action(label))
            };
            match counted_before.as_deref() {
                Some(thing) if names_only_an_action(label) => {
                    let line_end = if line.ends_with('\n') { "\n" } else { "" };
                    let said = format!("{thing} {}: {figure}{line_end}", label.to_lowercase());
                    written.push_str(&said);
                    changed = true;
                    continue;
                }
                _ if lines.peek().is_some_and(|next| action_alone(next)) => {
                    if let Some(thing) = thing_before_action(label) {
                        counted_before = Some(thing.to_string());
                        written.push_str(line);
                        continue;
                    }
                }
                _ => {}
            }
        }
        counted_before = None;
        let Some((split, first_row)) =
            Split::of(line).and_then(|split| Some((split, split.cells(line)?)))
        else {
            written.push_str(line);
            // (A blank line may part a caption from its table; a line naming
            // the source, "Russian Ministry of Defence figures", is no
            // caption of one.)
            if !line.trim().is_empty() && !names_only_a_source(line) {
                caption = line;
            }
            continue;
        };
        let mut block = vec![line];
        let mut rows = vec![first_row];
        while let Some(cells) = lines
            .peek()
            .filter(|next| Split::of(next) == Some(split))
            .and_then(|next| split.cells(next))
        {
            block.extend(lines.next());
            rows.push(cells);
        }
        rows.retain(|cells| !cells.iter().all(|cell| is_rule_cell(cell)));
        // ("Jul 210 | Aug 190 | Sep 240" under "Missiles launched per month
        // in 2025": one line of labelled figures is a column of them.)
        if let [line] = rows.as_slice() {
            if let Some(labelled) = line.iter().map(|cell| split_label(cell)).collect() {
                rows = labelled;
                // ("Bryansk 98 · Kursk 77 · Crimea 41" then "Week total: 524"
                // or "Total: 105 (includes other regions)": the labels' sum.)
                if let Some(total) = lines.peek().and_then(|next| total_line(next)) {
                    rows.push(vec!["Total".to_string(), total.to_string()]);
                    block.extend(lines.next());
                }
            }
        }
        let rows = with_header_from_caption(rows, caption);
        match captioned_table_sentences(&rows, Some(caption)) {
            Some(sentences) => {
                written.push_str(&sentences);
                changed = true;
                caption = "";
            }
            // Lines that only looked like a table are text, and the last may
            // caption a table after it.
            None => {
                block.iter().for_each(|line| written.push_str(line));
                caption = block.last().copied().unwrap_or_default();
            }
        }
    }
    changed.then_some(written)
}

/// `text` with each line of a name and a figure joined by dot leaders
/// ("Kursk region ......... 126") as a line of a labelled list ("Kursk
/// region: 126"), which its caption ("… destroyed Ukrainian drones over the
/// following regions:") names like any list of figures.
fn named_figures_without_dot_leaders(text: &str) -> Cow<'_, str> {
    if !text.contains("..") {
        return Cow::Borrowed(text);
    }
    let mut named = String::with_capacity(text.len());
    for line in text.split_inclusive('\n') {
        match without_dot_leaders(line).filter(|labelled| labelled_figure(labelled).is_some()) {
            Some(labelled) => named.push_str(&labelled),
            None => named.push_str(line),
        }
    }
    if named == text {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(named)
    }
}

/// What a label that ends with an action counts: "Shahed drones" of
/// "Shahed drones launched".
fn thing_before_action(label: &str) -> Option<&str> {
    ACTIONS.iter().find_map(|action| {
        let start = label.len().checked_sub(action.len())?;
        let thing = label.get(..start)?.strip_suffix(' ')?.trim_end();
        (label[start..].eq_ignore_ascii_case(action) && !thing.is_empty()).then_some(thing)
    })
}

/// A line of a label and a figure joined by dot leaders ("Attack drones
/// .............. more than 1,100") as "label: figure", the way a list of
/// key figures says it; `None` for any other line.
fn without_dot_leaders(line: &str) -> Option<String> {
    // (Four dots, or two after a space: prose's "…" and "..." are neither.)
    let leader = line.find("....").or_else(|| line.find(" .."))?;
    let label = line[..leader].trim_end();
    let figure = line[leader..].trim_start_matches(['.', ' ', '\t', '…']);
    let value_first = figure
        .split_whitespace()
        .any(|word| word.starts_with(|c: char| c.is_ascii_digit()));
    (!label.is_empty() && value_first && line.len() <= MAX_LINE)
        .then(|| format!("{label}: {}", figure.trim_start()))
}

/// The label and figure of a key-figure line with a colon, "Shot down: 36",
/// "Lost locally (electronic warfare): 18" (a note in brackets after the
/// label left out); `None` for any other line.
fn key_figure_with_colon(line: &str) -> Option<(&str, &str)> {
    let (label, figure) = line.trim().split_once(": ")?;
    let label = label.trim_start_matches(['-', '•', '*', ' ']);
    let label = without_bracketed_note(label);
    let figure = figure.trim_end();
    let is_key_figure = !label.is_empty()
        && label.len() <= 48
        && !label.contains(|c: char| c.is_ascii_digit())
        && figure.starts_with(|c: char| c.is_ascii_digit())
        && figure.len() <= 24;
    is_key_figure.then_some((label, figure))
}

/// A label with its time in brackets before a colon, "Share of Ukraine
/// occupied (1 September): 18.8%", said in words: "Share of Ukraine occupied
/// as of 1 September: 18.8%"; `None` for any other line.
fn day_in_label_said(line: &str) -> Option<String> {
    let (label, value) = line.split_once("):")?;
    let (what, time) = label.rsplit_once('(')?;
    let what = what.trim_end();
    let starts_with_figure = value.trim_start().starts_with(|c: char| c.is_ascii_digit());
    (!what.is_empty() && starts_with_figure && is_time(time) && line.len() <= MAX_LINE)
        .then(|| format!("{what} as of {time}:{value}"))
}

/// A cell of a figure with its label, "Jul 210" or "Aug 12: 1,000", as the
/// two cells of a row.
fn split_label(cell: &str) -> Option<Vec<String>> {
    // ("Mar 3,180 (preliminary)": past a note on the figure.)
    let cell = without_bracketed_note(cell);
    let (label, value) = cell.rsplit_once(':').or_else(|| cell.rsplit_once(' '))?;
    // ("Published 9 July 2025", "Updated 11:46 BST": the end of a date, or
    // the minutes of a time of day, label nothing.)
    let value_at = label.len() + 1;
    let minutes = cell[label.len()..].strip_prefix(':').map(str::as_bytes);
    let clock = label.ends_with(|c: char| c.is_ascii_digit())
        && minutes.is_some_and(|after| {
            matches!(after, [a, b, rest @ ..] if a.is_ascii_digit() && b.is_ascii_digit()
                && rest.first().is_none_or(|next| !next.is_ascii_digit() && *next != b','))
        });
    // (Times are looked for last: most cells fail the cheaper tests.)
    let in_a_date = || {
        crate::time::find_time_expressions(cell, None)
            .iter()
            .any(|time| time.start < value_at && value_at < time.end)
    };
    let (label, value) = (label.trim(), value.trim());
    (!label.is_empty()
        && !clock
        && past_hedge(value).starts_with(|c: char| c.is_ascii_digit())
        && !in_a_date())
    .then(|| vec![label.to_string(), value.to_string()])
}

/// `rows` with a header made from the caption when their first row is
/// already data ("March 2024    139" under "Territory captured by Russian
/// forces each month, in square miles"): the caption's unit names the column
/// (its subject says what is counted), or else its subject does. Only a
/// table of one column of figures can be named so.
fn with_header_from_caption(mut rows: Vec<Vec<String>>, caption: &str) -> Vec<Vec<String>> {
    let headless = rows.first().is_some_and(|first| {
        first.len() == 2 && plain(&first[1]).starts_with(|c: char| c.is_ascii_digit())
    });
    if !headless || caption.trim().is_empty() {
        return rows;
    }
    let column = caption_unit(caption)
        .filter(|unit| names_a_column_alone(unit))
        .map(str::to_string)
        .unwrap_or_else(|| caption_subject(caption));
    rows.insert(0, vec![String::new(), column]);
    rows
}

/// How the cells of a table line are parted.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Split {
    Pipes,
    /// "Oct 461 · Nov 505 · Dec 398": a chart's data labels.
    MiddleDots,
    Tabs,
    Spaces,
    Commas,
    /// A list of labelled figures, one a line: "- Luhansk: 99.7%",
    /// "Donetsk — 1,180".
    Labels,
}

impl Split {
    /// The way `line` parts cells, if it looks like a table line at all.
    fn of(line: &str) -> Option<Split> {
        let line = line.trim();
        if line.len() > MAX_LINE {
            None
        } else if line.contains('|') {
            Some(Split::Pipes)
        } else if line.contains(" · ") {
            Some(Split::MiddleDots)
        } else if line.contains('\t') {
            Some(Split::Tabs)
        } else if line.contains("  ") {
            Some(Split::Spaces)
        } else if line.contains(',')
            && !line.contains(", ")
            && !line.contains(':')
            && !has_thousands_comma(line)
        {
            Some(Split::Commas)
        } else if labelled_figure(line).is_some() {
            Some(Split::Labels)
        } else {
            None
        }
    }

    /// The cells of a table line ("| October | 461 |", "October | 461",
    /// "October\t461", "October    461", "October,461"), or `None` for a
    /// line with fewer than two.
    fn cells(self, line: &str) -> Option<Vec<String>> {
        let line = line.trim();
        let cells: Vec<String> = match self {
            Split::Pipes => {
                let inner = line.strip_prefix('|').unwrap_or(line);
                let inner = inner.strip_suffix('|').unwrap_or(inner);
                inner
                    .split('|')
                    .map(|cell| cell.trim().to_string())
                    .collect()
            }
            Split::MiddleDots => nonempty_cells(line.split(" · ")),
            Split::Tabs => nonempty_cells(line.split('\t')),
            Split::Spaces => nonempty_cells(line.split("  ")),
            Split::Commas => line
                .split(',')
                .map(|cell| cell.trim().to_string())
                .collect(),
            Split::Labels => {
                let (label, figure) = labelled_figure(line)?;
                vec![label.to_string(), figure.to_string()]
            }
        };
        (cells.len() >= 2).then_some(cells)
    }
}

/// The label and figure of a list line, "- Luhansk: 99.7%", "Donetsk —
/// 1,180" or "Sep → 471 km²": a bullet, a short label without digits, a
/// colon, a dash or an arrow set off by spaces, and a figure alone (a number, with a percent sign or a
/// unit of one or two words). `None` for prose ("Kharkiv: 12 drones were
/// shot down").
fn labelled_figure(line: &str) -> Option<(&str, &str)> {
    let line = line.trim();
    let line = line
        .strip_prefix(['-', '•', '*', '–', '—'])
        .map_or(line, str::trim_start);
    let (label, figure) = line
        .split_once(": ")
        .or_else(|| line.split_once(" — "))
        .or_else(|| line.split_once(" – "))
        // ("Sep → 471 km²", a forum's shorthand)
        .or_else(|| line.split_once(" → "))
        .or_else(|| line.split_once(" -> "))?;
    let (label, figure) = (label.trim(), without_remark(figure.trim()));
    let figure_alone = past_hedge(figure).starts_with(|c: char| c.is_ascii_digit())
        && figure.split_whitespace().count() <= 3
        && past_hedge(figure)
            .split_whitespace()
            .skip(1)
            .all(|word| !word.starts_with(|c: char| c.is_ascii_digit()))
        && !figure.ends_with(['.', ',']);
    // (A name: "Luhansk", "Donetsk region", "Total"; not "Ukrainian UAVs
    // destroyed" or "Over Bryansk region", lines a list of key figures
    // reads as they are.)
    let mut words = label.split_whitespace();
    let is_name = words.next().is_some_and(|first| {
        first.starts_with(|c: char| c.is_uppercase())
            && !matches!(
                first,
                "Over" | "In" | "Near" | "At" | "On" | "From" | "To" | "By"
            )
    }) && words.all(|word| {
        word.starts_with(|c: char| c.is_uppercase())
            || matches!(
                word,
                "region" | "oblast" | "province" | "krai" | "republic" | "of" | "the"
            )
    });
    let short_label = is_name
        && label.len() <= 40
        && label.split_whitespace().count() <= 4
        && !label.contains(|c: char| c.is_ascii_digit() || matches!(c, ':' | ','));
    // ("Week to 6 April: 1,024": a time names the figure.)
    let time_label = || label.len() <= 40 && !label.contains(':') && is_time(label);
    (figure_alone && (short_label || time_label())).then_some((label, figure))
}

/// Whether a comma in `line` groups the digits of a number ("5,100"): a line
/// of prose or of labelled figures, no CSV.
fn has_thousands_comma(line: &str) -> bool {
    let bytes = line.as_bytes();
    memchr::memchr_iter(b',', bytes).any(|at| {
        let digits_after = bytes[at + 1..]
            .iter()
            .take_while(|b| b.is_ascii_digit())
            .count();
        at > 0 && bytes[at - 1].is_ascii_digit() && digits_after == 3
    })
}

/// Trimmed cells of a line whose delimiters may repeat to align columns.
fn nonempty_cells<'a>(parts: impl Iterator<Item = &'a str>) -> Vec<String> {
    parts
        .map(str::trim)
        .filter(|cell| !cell.is_empty())
        .map(str::to_string)
        .collect()
}

/// A cell of the line under a Markdown header: "---", ":--:".
fn is_rule_cell(cell: &str) -> bool {
    cell.len() >= 3 && cell.bytes().all(|byte| matches!(byte, b'-' | b':'))
}

/// A cell's text without Markdown emphasis: "**4,168**" → "4,168".
/// The figure of a line that gives the total of the labels above it:
/// "Total: 105 (includes other regions)", "Week total: 524".
fn total_line(line: &str) -> Option<&str> {
    let (label, figure) = line.trim().split_once(": ")?;
    let names_a_total = label.eq_ignore_ascii_case("total")
        || label.len() <= 16 && label.to_ascii_lowercase().ends_with(" total");
    let figure = without_remark(figure.trim());
    (names_a_total && figure.starts_with(|c: char| c.is_ascii_digit()) && !figure.contains(' '))
        .then_some(figure)
}

/// A figure past its hedge: "~800", "about 725" → "800", "725".
fn past_hedge(figure: &str) -> &str {
    let figure = figure.trim_start_matches(['~', '≈']);
    [
        "about ", "around ", "nearly ", "almost ", "roughly ", "some ", "over ",
    ]
    .iter()
    .find_map(|hedge| figure.strip_prefix(hedge))
    .unwrap_or(figure)
}

/// `text` without a note in brackets at its end: "Mar 3,180 (preliminary)"
/// → "Mar 3,180".
fn without_bracketed_note(text: &str) -> &str {
    match text
        .trim_end()
        .strip_suffix(')')
        .and_then(|inner| inner.rfind(" ("))
    {
        Some(note) => &text[..note],
        None => text,
    }
}

/// A list line's figure without a remark after it: "321 (including the fall
/// of Avdiivka)", "725, the year's peak" → "321", "725".
fn without_remark(figure: &str) -> &str {
    let figure = without_bracketed_note(figure);
    match figure.split_once(", ") {
        Some((value, _)) if value.ends_with(|c: char| c.is_ascii_digit()) => value,
        _ => figure,
    }
}

/// Whether a line under a chart's title only names its source: "Russian
/// Ministry of Defence figures", "Source: DeepState", "Data: ISW".
fn names_only_a_source(line: &str) -> bool {
    let line = line.trim().trim_end_matches('.');
    ["Source:", "Sources:", "Data:"]
        .iter()
        .any(|lead| line.starts_with(lead))
        || [" figures", " data", " estimates"]
            .iter()
            .any(|end| line.ends_with(end))
            && line.split_whitespace().count() <= 6
            && !line.contains(|c: char| c.is_ascii_digit())
}

fn plain(cell: &str) -> &str {
    cell.trim().trim_matches(['*', '_']).trim()
}

/// What a caption says is counted, without its source (in brackets, or a
/// capitalised last segment after a comma: "…, Air Force data"), a
/// unit-like last segment after a comma and words of the layout ("per
/// month"): "Russian territorial gains in September 2025, by oblast (Black
/// Bird Group)" → "Russian territorial gains in September 2025".
fn caption_subject(caption: &str) -> String {
    let caption = caption.trim().trim_end_matches(['.', ':']).trim_end();
    let caption = match caption.strip_suffix(')').and_then(|inner| inner.rfind('(')) {
        Some(open) => caption[..open].trim_end(),
        None => caption,
    };
    // ("…, Air Force data", "…, according to DeepState maps": a source
    // after the last comma.)
    let caption = match caption.rsplit_once(',') {
        Some((what, source))
            if (source.trim().starts_with(|c: char| c.is_uppercase())
                || ["according to ", "per ", "citing ", "based on "]
                    .iter()
                    .any(|lead| source.trim().starts_with(lead)))
                && !source.contains(|c: char| c.is_ascii_digit()) =>
        {
            what.trim_end()
        }
        _ => caption,
    };
    // ("Missiles launched by Russia per month in 2025": the rows are the
    // months; no rate is meant.)
    let mut subject = split_unit(caption).0.to_string();
    // ("… destroyed Ukrainian drones over the following regions": the list
    // names them.)
    if let Some(at) = subject.rfind(" the following ") {
        let listed = &subject[at + " the following ".len()..];
        if !listed.contains(' ') {
            let before = subject[..at].trim_end();
            let before = ["over", "in", "across", "on", "at", "for", "from"]
                .iter()
                .find_map(|preposition| {
                    before
                        .strip_suffix(preposition)
                        .filter(|rest| rest.ends_with(' '))
                })
                .unwrap_or(before);
            subject = before.trim_end().to_string();
        }
    }
    for layout in [
        " at the start of each month",
        " at the beginning of each month",
        " at the end of each month",
        " per month",
        " each month",
        " by month",
        " per quarter",
        " each quarter",
        " by quarter",
        " per week",
        " each week",
        " by week",
    ] {
        subject = subject.replace(layout, "");
    }
    subject
}

/// The unit a caption ends with, after a comma or in brackets ("…, sq km",
/// "… (km²)"), looked for in its last two such segments: "Russian gains by
/// month, sq km (DeepState)".
fn caption_unit<'a>(caption: &'a str) -> Option<&'a str> {
    let caption = caption.trim().trim_end_matches(['.', ':']);
    if caption.len() > 2 * MAX_CELL {
        return None;
    }
    let unit_in_last_two_segments = |caption: &'a str| {
        caption
            .rsplit([',', '(', ')'])
            .map(str::trim)
            .filter(|segment| !segment.is_empty())
            .take(2)
            // ("…, in percentage points")
            .map(|segment| segment.strip_prefix("in ").unwrap_or(segment))
            .find(|segment| is_unit_like(segment))
    };
    // ("…, in square miles (ISW data, as pasted from …)": a source in
    // brackets after it.)
    unit_in_last_two_segments(caption).or_else(|| {
        let (before, _source) = caption.strip_suffix(')')?.rsplit_once('(')?;
        unit_in_last_two_segments(before)
    })
}

/// "Territory gained (km²)" → ("Territory gained", Some("km²")); a unit
/// after a comma counts too ("Russian gains in October, sq km").
fn split_unit(name: &str) -> (&str, Option<&str>) {
    if let Some(inner) = name.strip_suffix(')') {
        return match inner.rfind('(') {
            Some(open) if is_unit_like(inner[open + 1..].trim()) => {
                (inner[..open].trim_end(), Some(inner[open + 1..].trim()))
            }
            _ => (name, None),
        };
    }
    match name.rsplit_once(',') {
        Some((what, unit)) if is_unit_like(unit.trim()) => (what.trim_end(), Some(unit.trim())),
        _ => (name, None),
    }
}

/// Whether a short segment of a name may be a unit ("sq km", "km²", "%"):
/// short, in lower case, with no digit or colon. ("(DeepState)" and
/// "(source: DeepState)" are sources.)
fn is_unit_like(segment: &str) -> bool {
    // ("km2": a square written as a digit after letters.)
    let unsquared = segment
        .strip_suffix('2')
        .filter(|rest| rest.ends_with(|c: char| c.is_alphabetic()))
        .unwrap_or(segment);
    !segment.is_empty()
        && segment.len() <= MAX_UNIT
        && segment.starts_with(|c: char| c.is_lowercase() || c == '%')
        && !unsquared.contains(|c: char| c.is_ascii_digit() || c == ':')
        // ("…, first week of March": a time, not a unit; "…, by region":
        // how the figures are broken down.)
        && crate::time::find_time_expressions(segment, None).is_empty()
        && !segment.starts_with("by ")
}

/// Whether a column's name says a level held on a day ("Occupied",
/// "Area controlled", "Share held"), not a count of what came in it.
fn names_a_level(what: &str) -> bool {
    [
        "occupied",
        "controlled",
        "control",
        "held",
        "holds",
        "occupation",
        "share",
        "area",
    ]
    .iter()
    .any(|word| crate::text::contains_word(what, word))
}

/// Whether `name` is one day with its year: "1 Jan 2024", "2025-08-31".
fn is_day(name: &str) -> bool {
    matches!(
        crate::time::resolve(name, None),
        Some(crate::time::TimeValue::Period(period)) if period.start == period.end
    )
}

/// Whether `name` is one time expression, as a row or column name.
fn is_time(name: &str) -> bool {
    crate::time::resolve(name, None).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(cells: &[&[&str]]) -> Vec<Vec<String>> {
        cells
            .iter()
            .map(|row| row.iter().map(|cell| cell.to_string()).collect())
            .collect()
    }

    #[test]
    fn months_as_columns_name_the_time_of_each_row() {
        let table = rows(&[
            &["", "October", "November"],
            &["Drones launched", "5,298", "5,445"],
        ]);
        assert_eq!(
            table_sentences(&table).as_deref(),
            Some("Drones launched in October: 5,298.\nDrones launched in November: 5,445.\n")
        );
    }

    #[test]
    fn regions_as_rows_say_where() {
        let table = rows(&[&["Region", "Gains (sq km)"], &["Donetsk", "310"]]);
        assert_eq!(
            table_sentences(&table).as_deref(),
            Some("Gains in Donetsk: 310 sq km.\n")
        );
    }

    #[test]
    fn prose_and_layout_tables_are_no_data() {
        let long = "a".repeat(MAX_CELL + 1);
        assert_eq!(
            table_sentences(&rows(&[&["Month", "Gains"], &["May", &long]])),
            None
        );
        assert_eq!(
            table_sentences(&rows(&[&["Month", "Gains"], &["May"]])),
            None
        );
        assert_eq!(table_sentences(&rows(&[&["Only"], &["one column"]])), None);
        assert_eq!(
            table_sentences(&rows(&[&["Month", "Note"], &["May", "quiet"]])),
            None
        );
    }
}
