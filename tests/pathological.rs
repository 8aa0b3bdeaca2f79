//! Pathological inputs finish with bounded memory: a very long single line, a
//! file of only digits, deeply nested HTML, a 50 MB JSONL line.
//!
//! Each case runs the real `frontline extract` binary in a child process and
//! reads that child's peak resident memory (`ru_maxrss`, from `wait4`). The
//! bounds are stated per case as a multiple of the input size over what the
//! binary holds at rest (measured: its peak on a one-sentence input, which
//! grows with the code and the lexicon, not with the input); they catch
//! quadratic copies (a fact holding a copy of a 100 MB "sentence", a tree per
//! nesting level), not a few percent of growth. Time is never asserted.
//!
//! The 100 MB single line is `#[ignore]`d because the debug build CI runs
//! takes minutes over it; an 8 MB single line with the same shape always
//! runs. Run the big one with
//! `cargo test --release --test pathological -- --ignored`.

use std::fs::File;
use std::io::{BufRead, BufReader, BufWriter, Write};
use std::path::Path;
use std::process::{Command, Stdio};

const MB: usize = 1 << 20;

/// Room over the resting binary that no input size accounts for: buffers,
/// the allocator's arenas.
const ALLOWANCE_MB: f64 = 8.0;

/// A line of news text: mostly filler, one sentence in eight with a figure.
const SENTENCES: &[&str] = &[
    "Officials in Kyiv urged allies to speed up deliveries of air defence systems.",
    "The claims could not be independently verified.",
    "Fighting remained heaviest along the eastern front, commanders said.",
    "Residents described nights of explosions and long power cuts.",
    "Diplomatic efforts to arrange talks have so far stalled.",
    "Military bloggers on both sides reported intense artillery duels.",
    "Repair crews worked through the night to restore heating in several districts.",
    "In November, Russian forces captured 505 square kilometres of Ukrainian territory.",
];

/// Writes `bytes` of sentences (the last one cut) to `out`, separated by
/// `separator` and never by a newline.
fn write_sentences(out: &mut impl Write, bytes: usize, separator: &str) {
    let mut written = 0;
    let mut index = 0;
    while written < bytes {
        let sentence = SENTENCES[index % SENTENCES.len()];
        let piece = if index == 0 {
            sentence.to_string()
        } else {
            format!("{separator}{sentence}")
        };
        let take = piece.len().min(bytes - written);
        out.write_all(&piece.as_bytes()[..take])
            .expect("write input");
        written += take;
        index += 1;
    }
}

struct Run {
    peak_rss_mb: f64,
    facts: usize,
    stderr: String,
}

/// Runs `frontline extract --format jsonl` on `input` and measures it.
fn extract(input: &Path, dir: &Path) -> Run {
    let stdout_path = dir.join("facts.jsonl");
    let stderr_path = dir.join("stderr.txt");
    // Reaped by `wait4` below, which also reports its peak memory.
    #[allow(clippy::zombie_processes)]
    let child = Command::new(env!("CARGO_BIN_EXE_frontline"))
        .args(["extract", "--format", "jsonl", "--date", "2025-12-02"])
        .arg(input)
        .stdin(Stdio::null())
        .stdout(File::create(&stdout_path).expect("stdout file"))
        .stderr(File::create(&stderr_path).expect("stderr file"))
        .spawn()
        .expect("frontline extract starts");
    let mut status = 0;
    // SAFETY: an all-zero rusage is a valid value of this plain C struct.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: waits for our own child, writing into locals that outlive the call.
    let pid = unsafe { libc::wait4(child.id() as libc::pid_t, &mut status, 0, &mut usage) };
    assert_eq!(pid, child.id() as libc::pid_t, "wait4 failed");
    let stderr = std::fs::read_to_string(&stderr_path).unwrap_or_default();
    assert!(
        libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == 0,
        "frontline extract failed on {}: {stderr}",
        input.display()
    );
    let facts = BufReader::new(File::open(&stdout_path).expect("stdout readable"))
        .lines()
        .map_while(Result::ok)
        .filter(|line| !line.trim().is_empty())
        .count();
    Run {
        // ru_maxrss is in KiB on Linux.
        peak_rss_mb: usage.ru_maxrss as f64 / 1024.0,
        facts,
        stderr,
    }
}

/// The binary's peak resident memory on one sentence: its code, the
/// lexicon and the compiled patterns. Measured once per test run.
fn resting_rss_mb() -> f64 {
    static RESTING: std::sync::OnceLock<f64> = std::sync::OnceLock::new();
    *RESTING.get_or_init(|| {
        let dir = tempfile::tempdir().expect("temporary directory");
        let input = dir.path().join("one-sentence.txt");
        write_input(&input, |out| {
            out.write_all(SENTENCES[SENTENCES.len() - 1].as_bytes())
                .expect("write input")
        });
        let run = extract(&input, dir.path());
        assert_figures_found(&run);
        run.peak_rss_mb
    })
}

fn assert_peak_below(run: &Run, input_bytes: usize, times_input: usize, what: &str) {
    let resting = resting_rss_mb();
    let bound = (input_bytes * times_input) as f64 / MB as f64 + resting + ALLOWANCE_MB;
    eprintln!(
        "{what}: {:.1} MB in, peak RSS {:.0} MB (bound {bound:.0} MB: {times_input} x input + {resting:.0} MB at rest + {ALLOWANCE_MB} MB)",
        input_bytes as f64 / MB as f64,
        run.peak_rss_mb
    );
    assert!(
        run.peak_rss_mb < bound,
        "{what}: peak RSS {:.0} MB, bound {bound:.0} MB ({times_input} x input + {resting:.0} MB at rest + {ALLOWANCE_MB} MB)",
        run.peak_rss_mb
    );
}

/// Writes the file `path` through `write`, buffered.
fn write_input(path: &Path, write: impl FnOnce(&mut BufWriter<File>)) {
    let mut out = BufWriter::new(File::create(path).expect("input file"));
    write(&mut out);
    out.flush().expect("input written");
}

fn assert_figures_found(run: &Run) {
    assert!(
        run.facts > 0,
        "the figures in the line were found: {}",
        run.stderr
    );
}

/// A single line of `bytes` news sentences, as a `.txt` file.
fn single_line_case(bytes: usize) {
    let dir = tempfile::tempdir().expect("temporary directory");
    let input = dir.path().join("one-line.txt");
    write_input(&input, |out| write_sentences(out, bytes, " "));

    let run = extract(&input, dir.path());
    assert_figures_found(&run);
    // The text is held once as read and once decoded; facts are small.
    assert_peak_below(&run, bytes, 4, "single line");
}

#[test]
fn single_line_of_8_mb_has_bounded_memory() {
    single_line_case(8 * MB);
}

#[test]
#[ignore = "minutes in the debug profile; run with --release -- --ignored"]
fn single_line_of_100_mb_has_bounded_memory() {
    single_line_case(100 * MB);
}

/// One sentence with no full stop at all, figures all along it: each fact
/// keeps its sentence, so a copy per fact would blow the bound.
#[test]
fn unbroken_sentence_with_many_figures_has_bounded_memory() {
    let bytes = 4 * MB;
    let dir = tempfile::tempdir().expect("temporary directory");
    let input = dir.path().join("no-full-stop.txt");
    let clause = "Russian forces captured 505 square kilometres in November and ";
    let text = clause.repeat(bytes / clause.len());
    std::fs::write(&input, &text).expect("input written");

    let run = extract(&input, dir.path());
    assert_peak_below(&run, text.len(), 8, "unbroken sentence");
}

#[test]
fn file_of_only_digits_has_bounded_memory() {
    let bytes = 16 * MB;
    let dir = tempfile::tempdir().expect("temporary directory");
    let input = dir.path().join("digits.txt");
    let digits: Vec<u8> = (0..bytes).map(|i| b'0' + (i * 7 % 10) as u8).collect();
    std::fs::write(&input, &digits).expect("input written");

    let run = extract(&input, dir.path());
    assert_eq!(run.facts, 0, "digits alone are no fact");
    assert_peak_below(&run, bytes, 4, "only digits");
}

#[test]
fn deeply_nested_html_has_bounded_memory() {
    let depth = 100_000;
    let dir = tempfile::tempdir().expect("temporary directory");
    let input = dir.path().join("nested.html");
    let html = format!(
        "<html><body>{}<p>In November, Russian forces captured 505 square kilometres.</p>{}</body></html>",
        "<div>".repeat(depth),
        "</div>".repeat(depth)
    );
    std::fs::write(&input, &html).expect("input written");

    let run = extract(&input, dir.path());
    assert_eq!(
        run.facts, 1,
        "the one figure under the nesting: {}",
        run.stderr
    );
    // A parsed element costs some tens of bytes, against 5 to 6 of input.
    assert_peak_below(&run, html.len(), 64, "nested HTML");
}

#[test]
fn jsonl_line_of_50_mb_has_bounded_memory() {
    let text_bytes = 50 * MB;
    let dir = tempfile::tempdir().expect("temporary directory");
    let input = dir.path().join("big.jsonl");
    write_input(&input, |out| {
        out.write_all(br#"{"id":"big","date":"2025-12-02","text":""#)
            .expect("write input");
        // Sentences separated by an escaped line break: one JSONL line.
        write_sentences(out, text_bytes, "\\n");
        out.write_all(b"\"}\n").expect("write input");
    });

    let run = extract(&input, dir.path());
    assert_figures_found(&run);
    // The line as read, decoded and parsed, the document text, its facts.
    assert_peak_below(&run, text_bytes, 6, "50 MB JSONL line");
}
