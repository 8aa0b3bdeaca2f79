//! Reading inputs into [`Document`]s: plain text and Markdown files, directories
//! (recursively), standard input, JSONL (one document per line) and HTML (visible
//! text only). Owns the publication-date rules: `--date`, else the JSONL `date`,
//! else an HTML date meta tag, else a date line at the top of the text, else a
//! `YYYY-MM-DD` in the file name.
//!
//! Reading is lazy: [`DocumentReader`] yields one document at a time, so memory
//! stays bounded however large the corpus.

use std::collections::VecDeque;
use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use chrono::NaiveDate;
use regex::Regex;
use serde::Deserialize;
use sha2::{Digest, Sha256};

/// One article to read facts from.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    /// The JSONL `id`, else a hash of the content.
    pub id: String,
    /// Path (with `:LINE` for JSONL), URL, or `-` for standard input.
    pub source: String,
    pub text: String,
    /// Publication date: the anchor for every relative time expression.
    pub date: Option<NaiveDate>,
    pub url: Option<String>,
    pub title: Option<String>,
    /// Hex SHA-256 of the text: the identity of this version of the document.
    pub content_hash: String,
    /// Things the user should know about this document (lossy decoding, no date).
    pub warnings: Vec<String>,
}

impl Document {
    /// A document from raw text, its id the hash of the content and its date
    /// taken from a date line at the top, if any.
    pub fn from_text(source: impl Into<String>, text: impl Into<String>) -> Document {
        Document::with_metadata(source.into(), text.into(), None, None)
    }

    /// A document whose date and title, where not given, are read from its text.
    fn with_metadata(
        source: String,
        text: String,
        date: Option<NaiveDate>,
        title: Option<String>,
    ) -> Document {
        let content_hash = content_hash(&text);
        // (The hash is the input's; the text is what the extractor reads.)
        let text = crate::layout::undo_hard_wraps(text);
        let text = crate::table::text_tables_as_sentences(&text).unwrap_or(text);
        let text = without_speech_fillers(text);
        Document {
            id: content_hash[..16].to_string(),
            source,
            date: date.or_else(|| date_line(&text)),
            url: None,
            title: title.or_else(|| first_line_title(&text)),
            content_hash,
            text,
            warnings: Vec::new(),
        }
    }

    /// Overrides the publication date.
    pub fn with_date(mut self, date: NaiveDate) -> Document {
        self.date = Some(date);
        self
    }
}

/// `text` with the fillers of transcribed speech ("they could take another,
/// uh, two thousand square kilometres") blanked out, commas and all, so that
/// they part no clause; blanked with spaces, so that every other byte keeps
/// its offset.
fn without_speech_fillers(text: String) -> String {
    static FILLER: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?:,[ \t]*)?\b(?:[Uu]h|[Uu]m|[Uu]hm|[Ee]rm|[Ee]r)\b,?").expect("valid pattern")
    });
    // (Asked of every document: finders built once.)
    static FILLER_STARTS: LazyLock<[memchr::memmem::Finder<'static>; 6]> =
        LazyLock::new(|| [" uh", " um", " er", "Uh", "Um", "Er"].map(memchr::memmem::Finder::new));
    let bytes = text.as_bytes();
    if FILLER_STARTS
        .iter()
        .all(|filler| filler.find(bytes).is_none())
    {
        return text;
    }
    match FILLER.replace_all(&text, |caps: &regex::Captures| " ".repeat(caps[0].len())) {
        std::borrow::Cow::Borrowed(_) => text,
        std::borrow::Cow::Owned(blanked) => blanked,
    }
}

/// Hex SHA-256 of a text.
pub fn content_hash(text: &str) -> String {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let digest = Sha256::digest(text.as_bytes());
    let mut hex = String::with_capacity(2 * digest.len());
    for byte in digest {
        hex.push(char::from(HEX[usize::from(byte >> 4)]));
        hex.push(char::from(HEX[usize::from(byte & 0x0f)]));
    }
    hex
}

/// Something wrong with one input; the rest of the batch goes on.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{location}: {message}")]
pub struct InputProblem {
    /// `path` or `path:line`.
    pub location: String,
    pub message: String,
    /// A skipped input that is not a failure (a binary file in a directory).
    pub is_warning: bool,
}

impl InputProblem {
    fn error(location: impl Into<String>, message: impl Into<String>) -> InputProblem {
        InputProblem {
            location: location.into(),
            message: message.into(),
            is_warning: false,
        }
    }
    fn warning(location: impl Into<String>, message: impl Into<String>) -> InputProblem {
        InputProblem {
            location: location.into(),
            message: message.into(),
            is_warning: true,
        }
    }
}

/// File endings read when walking a directory; other files there are ignored.
const DIRECTORY_EXTENSIONS: &[&str] = &["txt", "md", "markdown", "text", "jsonl", "html", "htm"];

/// Bytes inspected to tell a binary file from text.
const BINARY_SNIFF_BYTES: usize = 8192;

/// Lazily yields the documents behind a list of paths (`-` is standard input).
pub struct DocumentReader {
    pending: VecDeque<PathBuf>,
    jsonl: Option<JsonlCursor>,
    date_override: Option<NaiveDate>,
}

struct JsonlCursor {
    path: String,
    lines: Box<dyn BufRead + Send>,
    line_number: usize,
}

impl DocumentReader {
    /// Reads `paths` in order; `date_override` (from `--date`) wins over any
    /// date found in the documents.
    pub fn new(paths: &[PathBuf], date_override: Option<NaiveDate>) -> DocumentReader {
        DocumentReader {
            pending: paths.iter().cloned().collect(),
            jsonl: None,
            date_override,
        }
    }

    fn next_jsonl(&mut self) -> Option<Result<Document, InputProblem>> {
        let cursor = self.jsonl.as_mut()?;
        loop {
            let mut raw = Vec::new();
            cursor.line_number += 1;
            let location = format!("{}:{}", cursor.path, cursor.line_number);
            match cursor.lines.read_until(b'\n', &mut raw) {
                Ok(0) => {
                    self.jsonl = None;
                    return None;
                }
                Ok(_) => {}
                Err(err) => {
                    self.jsonl = None;
                    return Some(Err(InputProblem::error(location, err.to_string())));
                }
            }
            if raw.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            let (line, lossy) = decode(raw);
            let parsed =
                parse_jsonl_line(&line, &cursor.path, cursor.line_number).map(|mut doc| {
                    if lossy {
                        doc.warnings
                            .push(format!("{location}: invalid UTF-8 replaced"));
                    }
                    self.finish(doc)
                });
            return Some(parsed);
        }
    }

    fn finish(&self, mut doc: Document) -> Document {
        if let Some(date) = self.date_override {
            doc.date = Some(date);
        }
        if doc.date.is_none() {
            doc.warnings.push(format!(
                "{}: no publication date (give --date YYYY-MM-DD); relative dates stay unresolved",
                doc.source
            ));
        }
        doc
    }

    fn open_path(&mut self, path: PathBuf) -> Option<Result<Document, InputProblem>> {
        let display = path.display().to_string();
        if display == "-" {
            let mut bytes = Vec::new();
            if let Err(err) = std::io::stdin().read_to_end(&mut bytes) {
                return Some(Err(InputProblem::error("-", err.to_string())));
            }
            return Some(Ok(self.text_document("-", bytes, TextKind::Plain)));
        }
        let metadata = match std::fs::metadata(&path) {
            Ok(metadata) => metadata,
            Err(err) => {
                return Some(Err(InputProblem::error(
                    display,
                    format!("cannot read: {err}"),
                )))
            }
        };
        if metadata.is_dir() {
            match list_directory(&path) {
                Ok(children) => {
                    for child in children.into_iter().rev() {
                        self.pending.push_front(child);
                    }
                    return None;
                }
                Err(err) => {
                    return Some(Err(InputProblem::error(
                        display,
                        format!("cannot list directory: {err}"),
                    )))
                }
            }
        }
        let extension = extension_of(&path);
        if extension == "jsonl" {
            return match File::open(&path) {
                Ok(file) => {
                    self.jsonl = Some(JsonlCursor {
                        path: display,
                        lines: Box::new(BufReader::with_capacity(1 << 20, file)),
                        line_number: 0,
                    });
                    self.next_jsonl()
                }
                Err(err) => Some(Err(InputProblem::error(
                    display,
                    format!("cannot read: {err}"),
                ))),
            };
        }
        let bytes = match std::fs::read(&path) {
            Ok(bytes) => bytes,
            Err(err) => {
                return Some(Err(InputProblem::error(
                    display,
                    format!("cannot read: {err}"),
                )))
            }
        };
        if looks_binary(&bytes) {
            return Some(Err(InputProblem::warning(
                display,
                "skipped: looks like a binary file, not text",
            )));
        }
        let kind = if extension == "html" || extension == "htm" {
            TextKind::Html
        } else {
            TextKind::Plain
        };
        let mut doc = self.text_document(&display, bytes, kind);
        if doc.date.is_none() {
            doc.date = date_in_file_name(&path);
            doc.warnings
                .retain(|w| !w.contains("no publication date") || doc.date.is_none());
        }
        Some(Ok(doc))
    }

    fn text_document(&self, source: &str, bytes: Vec<u8>, kind: TextKind) -> Document {
        let (raw, lossy) = decode(bytes);
        let mut doc = match kind {
            TextKind::Plain => Document::from_text(source, raw),
            TextKind::Html => html_document(source, &raw),
        };
        if lossy {
            doc.warnings
                .push(format!("{source}: invalid UTF-8 replaced with U+FFFD"));
        }
        self.finish(doc)
    }
}

impl Iterator for DocumentReader {
    type Item = Result<Document, InputProblem>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if self.jsonl.is_some() {
                if let Some(item) = self.next_jsonl() {
                    return Some(item);
                }
                continue;
            }
            let path = self.pending.pop_front()?;
            if let Some(item) = self.open_path(path) {
                return Some(item);
            }
        }
    }
}

enum TextKind {
    Plain,
    Html,
}

fn extension_of(path: &Path) -> String {
    path.extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase()
}

fn list_directory(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut children = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        let hidden = path
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.starts_with('.'));
        if hidden {
            continue;
        }
        if path.is_dir() || DIRECTORY_EXTENSIONS.contains(&extension_of(&path).as_str()) {
            children.push(path);
        }
    }
    children.sort();
    Ok(children)
}

fn looks_binary(bytes: &[u8]) -> bool {
    bytes[..bytes.len().min(BINARY_SNIFF_BYTES)].contains(&0)
}

/// UTF-8 text, and whether invalid bytes had to be replaced. Valid input is
/// taken over without a copy (a 50 MB JSONL line is held once, not twice).
fn decode(bytes: Vec<u8>) -> (String, bool) {
    match String::from_utf8(bytes) {
        Ok(text) => (text, false),
        Err(err) => (String::from_utf8_lossy(err.as_bytes()).into_owned(), true),
    }
}

#[derive(Deserialize)]
struct JsonlRecord {
    id: Option<serde_json::Value>,
    text: String,
    date: Option<String>,
    url: Option<String>,
    title: Option<String>,
}

/// One JSONL line at `path:line_number`. Its source is its URL, else
/// `path#id`, else `path:line_number`: a record keeps its identity (and its
/// versions) when the file is reordered, as long as it has an id or a URL.
fn parse_jsonl_line(line: &str, path: &str, line_number: usize) -> Result<Document, InputProblem> {
    let location = format!("{path}:{line_number}");
    let record: JsonlRecord = serde_json::from_str(line).map_err(|err| {
        InputProblem::error(
            &location,
            format!("not a JSON document with a \"text\" field: {err}"),
        )
    })?;
    let id = record.id.map(|id| match id {
        serde_json::Value::String(s) => s,
        other => other.to_string(),
    });
    let source = match (&record.url, &id) {
        (Some(url), _) => url.clone(),
        (None, Some(id)) => format!("{path}#{id}"),
        (None, None) => location.clone(),
    };
    let date = match record.date {
        Some(date) => Some(parse_loose_date(&date).ok_or_else(|| {
            InputProblem::error(
                &location,
                format!("\"date\" {date:?} is not a date (use YYYY-MM-DD)"),
            )
        })?),
        None => None,
    };
    let mut doc = Document::with_metadata(source, record.text, date, record.title);
    if let Some(id) = id {
        doc.id = id;
    }
    doc.url = record.url;
    Ok(doc)
}

/// A `YYYY-MM-DD` date, optionally followed by a time (`2025-12-02T08:00:00Z`).
pub fn parse_loose_date(text: &str) -> Option<NaiveDate> {
    let text = text.trim();
    let head = text.get(..10).unwrap_or(text);
    NaiveDate::parse_from_str(head, "%Y-%m-%d").ok()
}

/// Lines at the top of a text inspected for a publication date.
const DATE_LINE_WINDOW: usize = 6;

/// The publication date written on a line of its own near the top:
/// `Published: 2 December 2025`, `December 2, 2025`, `2025-12-02`.
pub fn date_line(text: &str) -> Option<NaiveDate> {
    text.lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .take(DATE_LINE_WINDOW)
        .find_map(parse_date_line)
}

fn parse_date_line(line: &str) -> Option<NaiveDate> {
    if line.len() > 80 {
        return None;
    }
    let mut rest = line.trim_start_matches(['#', '*', '_', ' ']);
    for prefix in [
        "published on",
        "published",
        "updated on",
        "updated",
        "posted on",
        "posted",
        "date",
        "dateline",
    ] {
        // The date keeps its case: "March" and "May" are months only when
        // capitalised.
        let starts_with_prefix = rest
            .get(..prefix.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(prefix));
        if starts_with_prefix {
            rest = rest[prefix.len()..].trim_start_matches([':', ' ', '-']);
            break;
        }
    }
    let rest = rest.trim_end_matches(['*', '_', ' ', '.']);
    crate::time::parse_calendar_date(rest, None)
}

fn date_in_file_name(path: &Path) -> Option<NaiveDate> {
    let name = path.file_name()?.to_str()?;
    let bytes = name.as_bytes();
    (0..bytes.len().saturating_sub(9)).find_map(|i| {
        let candidate = name.get(i..i + 10)?;
        let shaped = candidate.bytes().enumerate().all(|(k, b)| match k {
            4 | 7 => b == b'-',
            _ => b.is_ascii_digit(),
        });
        let bounded = i == 0 || !bytes[i - 1].is_ascii_digit();
        if shaped && bounded {
            NaiveDate::parse_from_str(candidate, "%Y-%m-%d").ok()
        } else {
            None
        }
    })
}

fn first_line_title(text: &str) -> Option<String> {
    let line = text.lines().map(str::trim).find(|l| !l.is_empty())?;
    let line = line.trim_start_matches('#').trim();
    if line.is_empty() || line.len() > 200 || parse_date_line(line).is_some() {
        None
    } else {
        Some(line.to_string())
    }
}

/// Elements whose text a reader never sees, and the page around the article:
/// menus, teasers of other stories ("Read more: Russia launched 810 drones in
/// September"), footers.
const SKIPPED_ELEMENTS: &[&str] = &[
    "script", "style", "noscript", "template", "head", "svg", "iframe", "object", "nav", "aside",
    "footer", "form", "button", "menu",
];

/// Elements that end a line of visible text.
const BLOCK_ELEMENTS: &[&str] = &[
    "p",
    "div",
    "br",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "tr",
    "td",
    "th",
    "table",
    "section",
    "article",
    "header",
    "footer",
    "blockquote",
    "figcaption",
    "title",
    "pre",
    "dd",
    "dt",
    "main",
    "aside",
    "nav",
    "figure",
    "hr",
];

/// Deepest element nesting walked; deeper content is still read, flattened.
const MAX_HTML_DEPTH: usize = 512;

/// The visible text of an HTML page, its title and its publication date.
fn html_document(source: &str, html: &str) -> Document {
    use scraper::{Html, Node};
    if max_tag_depth(html) > MAX_HTML_DEPTH {
        // html5ever's tree builder is quadratic in nesting depth; a page nested
        // thousands deep is not an article, so strip its tags instead.
        let mut doc = Document::from_text(source, strip_tags(html));
        doc.warnings.push(format!(
            "HTML nested deeper than {MAX_HTML_DEPTH} levels: read with a plain tag stripper"
        ));
        return doc;
    }
    let page = Html::parse_document(html);
    let mut text = String::with_capacity(html.len() / 2);
    // Iterative walk: deeply nested pages must not overflow the stack.
    let mut stack = vec![(page.tree.root(), 0usize, false)];
    while let Some((node, depth, closing)) = stack.pop() {
        if closing {
            if !text.ends_with('\n') {
                text.push('\n');
            }
            continue;
        }
        match node.value() {
            Node::Text(t) => {
                let piece = t.trim_matches(|c: char| c == '\n' || c == '\r');
                if !piece.trim().is_empty() {
                    if !text.is_empty() && !text.ends_with(['\n', ' ']) {
                        text.push(' ');
                    }
                    text.push_str(&collapse_whitespace(piece));
                }
            }
            Node::Element(element) => {
                let name = element.name();
                if SKIPPED_ELEMENTS.contains(&name) {
                    continue;
                }
                if name == "table" {
                    let table = scraper::ElementRef::wrap(node);
                    if let Some(sentences) = table.and_then(data_table_sentences) {
                        if !text.is_empty() && !text.ends_with('\n') {
                            text.push('\n');
                        }
                        text.push_str(&sentences);
                        continue;
                    }
                }
                let block = BLOCK_ELEMENTS.contains(&name);
                if block {
                    // A block starts a line as well as ending one: "<time>1
                    // Dec 2025</time><p>Russia launched …" is two lines.
                    if !text.is_empty() && !text.ends_with('\n') {
                        text.push('\n');
                    }
                    stack.push((node, depth, true));
                }
                if depth < MAX_HTML_DEPTH {
                    for child in node.children().rev() {
                        stack.push((child, depth + 1, false));
                    }
                }
            }
            Node::Document | Node::Fragment => {
                for child in node.children().rev() {
                    stack.push((child, depth + 1, false));
                }
            }
            _ => {}
        }
    }
    let mut doc = Document::from_text(source, text.trim().to_string());
    let title_selector = scraper::Selector::parse("title").expect("static selector");
    if let Some(title) = page.select(&title_selector).next() {
        let title = collapse_whitespace(&title.text().collect::<String>());
        if !title.trim().is_empty() {
            doc.title = Some(title.trim().to_string());
        }
    }
    let meta_selector = scraper::Selector::parse(
        "meta[property='article:published_time'], meta[name='date'], meta[name='pubdate'], meta[itemprop='datePublished'], time[datetime]",
    )
    .expect("static selector");
    let published = page.select(&meta_selector).find_map(|el| {
        let value = el.value();
        parse_loose_date(value.attr("content").or(value.attr("datetime"))?)
    });
    if published.is_some() {
        doc.date = published;
    }
    doc
}

/// A table of figures written as sentences ([`crate::table`]); `None` for a
/// table holding another table, or no figures.
fn data_table_sentences(table: scraper::ElementRef<'_>) -> Option<String> {
    let nested = scraper::Selector::parse("table").expect("static selector");
    if table.select(&nested).next().is_some() {
        return None;
    }
    let row_selector = scraper::Selector::parse("tr").expect("static selector");
    let rows: Vec<Vec<String>> = table
        .select(&row_selector)
        .map(|row| {
            row.children()
                .filter_map(scraper::ElementRef::wrap)
                .filter(|cell| matches!(cell.value().name(), "td" | "th"))
                .map(|cell| {
                    collapse_whitespace(&cell.text().collect::<String>())
                        .trim()
                        .to_string()
                })
                .collect()
        })
        .collect();
    crate::table::table_sentences(&rows)
}

/// The deepest nesting of tags, counting every opening tag that is not
/// self-closing or void and every closing tag; cheap and approximate.
fn max_tag_depth(html: &str) -> usize {
    const VOID: &[&str] = &[
        "br", "img", "meta", "link", "input", "hr", "area", "base", "col", "embed", "source",
        "track", "wbr", "!doctype", "p", "li",
    ];
    let bytes = html.as_bytes();
    let (mut depth, mut deepest) = (0usize, 0usize);
    let mut i = 0;
    while let Some(offset) = bytes[i..].iter().position(|&b| b == b'<') {
        let start = i + offset + 1;
        let end = bytes[start..]
            .iter()
            .position(|&b| b == b'>')
            .map(|p| start + p)
            .unwrap_or(bytes.len());
        let tag = &html.as_bytes()[start..end];
        if tag.first() == Some(&b'/') {
            depth = depth.saturating_sub(1);
        } else if tag.first().is_some_and(u8::is_ascii_alphabetic) && tag.last() != Some(&b'/') {
            let name_end = tag
                .iter()
                .position(|b| !b.is_ascii_alphanumeric())
                .unwrap_or(tag.len());
            let name = String::from_utf8_lossy(&tag[..name_end]).to_ascii_lowercase();
            if !VOID.contains(&name.as_str()) {
                depth += 1;
                deepest = deepest.max(depth);
            }
        }
        i = (end + 1).min(bytes.len());
        if i >= bytes.len() {
            break;
        }
    }
    deepest
}

/// Visible text of an HTML page without parsing it: tags removed, scripts and
/// styles dropped, a line break for every tag.
fn strip_tags(html: &str) -> String {
    let mut text = String::with_capacity(html.len() / 2);
    let lower = html.to_ascii_lowercase();
    let mut i = 0;
    while i < html.len() {
        let Some(offset) = html[i..].find('<') else {
            text.push_str(&html[i..]);
            break;
        };
        text.push_str(&html[i..i + offset]);
        let tag_start = i + offset;
        let tag_end = html[tag_start..]
            .find('>')
            .map(|p| tag_start + p + 1)
            .unwrap_or(html.len());
        i = tag_end;
        for hidden in ["script", "style"] {
            if lower[tag_start + 1..].starts_with(hidden) {
                let close = format!("</{hidden}");
                i = lower[tag_end..]
                    .find(&close)
                    .map(|p| tag_end + p)
                    .unwrap_or(html.len());
            }
        }
        if !text.ends_with('\n') {
            text.push('\n');
        }
    }
    text.lines()
        .map(|line| collapse_whitespace(line).trim().to_string())
        .filter(|line| !line.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

fn collapse_whitespace(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut last_space = false;
    for c in text.chars() {
        if c.is_whitespace() {
            if !last_space {
                out.push(' ');
            }
            last_space = true;
        } else {
            out.push(c);
            last_space = false;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn speech_fillers_are_blanked_in_place() {
        let spoken = "they could take another, uh, two thousand. Um, yes. The number rose.";
        let blanked = without_speech_fillers(spoken.to_string());
        assert_eq!(blanked.len(), spoken.len());
        assert_eq!(
            blanked,
            "they could take another      two thousand.     yes. The number rose."
        );
        let plain = "Russia launched 300 drones; the summer offensive resumed.";
        assert_eq!(without_speech_fillers(plain.to_string()), plain);
    }

    #[test]
    fn date_lines_in_common_shapes() {
        let cases = [
            ("Published: 2 December 2025\nText.", Some(date(2025, 12, 2))),
            ("Title\nDecember 2, 2025\nText.", Some(date(2025, 12, 2))),
            ("2025-12-02\nText.", Some(date(2025, 12, 2))),
            (
                "Updated on Tuesday, 2 December 2025\nText.",
                Some(date(2025, 12, 2)),
            ),
            ("Published: 3 March 2025\nText.", Some(date(2025, 3, 3))),
            ("PUBLISHED: May 5, 2025\nText.", Some(date(2025, 5, 5))),
            ("Russia captured 701 km² in November 2025.", None),
            ("No date here at all.", None),
        ];
        for (text, expected) in cases {
            assert_eq!(date_line(text), expected, "{text:?}");
        }
    }

    #[test]
    fn jsonl_line_fields_and_errors() {
        let doc = parse_jsonl_line(
            r#"{"id":"a1","text":"Hello.","date":"2025-12-02","url":"https://x.test/a","title":"T"}"#,
            "f.jsonl",
            1,
        )
        .unwrap();
        assert_eq!(doc.id, "a1");
        assert_eq!(doc.date, Some(date(2025, 12, 2)));
        assert_eq!(doc.source, "https://x.test/a");
        assert_eq!(doc.title.as_deref(), Some("T"));

        let without_url = parse_jsonl_line(r#"{"id":7,"text":"Hello."}"#, "f.jsonl", 3).unwrap();
        assert_eq!(without_url.source, "f.jsonl#7");
        let anonymous = parse_jsonl_line(r#"{"text":"Hello."}"#, "f.jsonl", 4).unwrap();
        assert_eq!(anonymous.source, "f.jsonl:4");

        let err = parse_jsonl_line(r#"{"text": 5}"#, "f.jsonl", 7).unwrap_err();
        assert_eq!(err.location, "f.jsonl:7");
        let err = parse_jsonl_line(r#"{"text":"x","date":"soon"}"#, "f.jsonl", 8).unwrap_err();
        assert!(err.message.contains("date"), "{}", err.message);

        // Without the fields, the date and title written in the text; with
        // them, the fields.
        let text = r#""Front report\nPublished: 2 December 2025\nRussia launched 5 drones.""#;
        let from_text = parse_jsonl_line(&format!(r#"{{"text":{text}}}"#), "f.jsonl", 9).unwrap();
        assert_eq!(from_text.date, Some(date(2025, 12, 2)));
        assert_eq!(from_text.title.as_deref(), Some("Front report"));
        let from_fields = parse_jsonl_line(
            &format!(r#"{{"text":{text},"date":"2025-12-01","title":"T"}}"#),
            "f.jsonl",
            10,
        )
        .unwrap();
        assert_eq!(from_fields.date, Some(date(2025, 12, 1)));
        assert_eq!(from_fields.title.as_deref(), Some("T"));
    }

    #[test]
    fn content_hash_is_hex_sha256() {
        assert_eq!(
            content_hash("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }

    #[test]
    fn html_keeps_visible_text_only() {
        let html = "<html><head><title>War report</title><script>var x = '999 drones';</script>\
            <style>p { color: red }</style></head><body><p>Russia launched 120 drones.</p>\
            <div>Second <b>para</b>graph.</div>\
            <aside>Read more: Russia launched 810 drones in September</aside>\
            <nav>Home | World</nav><footer>1,234 readers</footer></body></html>";
        let doc = html_document("page.html", html);
        assert!(doc.text.contains("Russia launched 120 drones."));
        assert!(doc.text.contains("Second para"));
        assert!(!doc.text.contains("999"));
        assert!(!doc.text.contains("color"));
        assert!(!doc.text.contains("810"));
        assert!(!doc.text.contains("Home"));
        assert!(!doc.text.contains("1,234"));
        assert_eq!(doc.title.as_deref(), Some("War report"));
    }

    #[test]
    fn html_blocks_start_lines() {
        let html = "<div><time>1 Dec 2025 19.40 GMT</time><p>Russia launched 89 drones.</p></div>";
        let doc = html_document("live.html", html);
        assert!(doc
            .text
            .contains("1 Dec 2025 19.40 GMT\nRussia launched 89 drones."));
    }

    #[test]
    fn html_tables_of_figures_read_as_sentences() {
        let html = "<p>Russia's gains.</p><table><thead><tr><th>Month</th>\
            <th>Territory gained (km²)</th></tr></thead><tbody><tr><td>October</td>\
            <td>461</td></tr></tbody></table>\
            <table><tr><td><p>A layout table</p><table><tr><td>7</td></tr></table></td></tr></table>";
        let doc = html_document("page.html", html);
        assert!(doc.text.contains("Territory gained in October: 461 km²."));
        assert!(doc.text.contains("A layout table"));
        assert!(doc.text.contains('7'));
    }

    #[test]
    fn deeply_nested_html_does_not_overflow() {
        let html = format!(
            "{}deep text{}",
            "<div>".repeat(100_000),
            "</div>".repeat(100_000)
        );
        let doc = html_document("deep.html", &html);
        assert!(doc.text.contains("deep text"));
    }

    #[test]
    fn file_name_dates() {
        assert_eq!(
            date_in_file_name(Path::new("a/conflicting-reports-2025-12-02.txt")),
            Some(date(2025, 12, 2))
        );
        assert_eq!(date_in_file_name(Path::new("report.txt")), None);
    }

    #[test]
    fn binary_detection() {
        assert!(looks_binary(b"abc\0def"));
        assert!(!looks_binary("plain text é".as_bytes()));
    }
}
