//! Crash safety and concurrency of the store with real processes: SIGKILL
//! `frontline ingest` and `frontline compact` at several points, and run two
//! ingests on one store at once.

use std::collections::HashSet;
use std::fs;
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::thread;
use std::time::Duration;

use crate::support::copy_dir;
use frontline::store::Store;

const DOCS: u32 = 600;
const BATCH_DOCS: &str = "10";

fn frontline() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_frontline"));
    command.env_remove("FRONTLINE_STORE").stdin(Stdio::null());
    command
}

/// A JSONL corpus of `count` distinct short reports, ids prefixed by `tag`.
fn write_corpus(path: &Path, tag: &str, count: u32) {
    let lines: Vec<String> = (0..count)
        .map(|i| {
            serde_json::json!({
                "id": format!("{tag}-{i}"),
                "date": "2025-12-02",
                "text": format!(
                    "Report {tag}-{i}. In November, Russian forces captured {} square kilometres of Ukrainian territory. \
                     Air defences shot down {} of {} drones overnight.",
                    100 + i, 50 + i % 40, 100 + i % 50
                ),
            })
            .to_string()
        })
        .collect();
    fs::write(path, lines.join("\n") + "\n").unwrap();
}

fn ingest_to_completion(store: &Path, inputs: &[&Path]) {
    let output = frontline()
        .arg("ingest")
        .arg("--store")
        .arg(store)
        .args(["--batch-docs", BATCH_DOCS])
        .args(inputs)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
}

/// (documents, facts) in a store, checked readable by the library and by
/// `frontline facts`; fails on duplicate document versions.
fn counts(store: &Path) -> (usize, usize) {
    let output = frontline()
        .args([
            "facts",
            "--include-superseded",
            "--format",
            "jsonl",
            "--store",
        ])
        .arg(store)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "facts failed after a crash: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let printed = String::from_utf8_lossy(&output.stdout).lines().count();

    let opened = Store::open(store).unwrap();
    let documents = opened.load_documents().unwrap();
    let facts = opened.load_facts().unwrap();
    assert_eq!(printed, facts.len());
    let hashes: HashSet<&str> = documents.iter().map(|d| d.content_hash.as_str()).collect();
    assert_eq!(hashes.len(), documents.len(), "a document was stored twice");
    (documents.len(), facts.len())
}

/// Streams the child's stderr lines through a channel.
fn stderr_lines(child: &mut Child) -> mpsc::Receiver<String> {
    let stderr = child.stderr.take().unwrap();
    let (sender, receiver) = mpsc::channel();
    thread::spawn(move || {
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            if sender.send(line).is_err() {
                return;
            }
        }
    });
    receiver
}

/// When to kill a process.
#[derive(Debug, Clone, Copy)]
enum KillPoint {
    /// After this many batches were acknowledged on stderr.
    AfterBatches(usize),
    /// After this long.
    After(Duration),
}

/// Batch names acknowledged before the kill, and documents in them.
fn run_and_kill(store: &Path, corpus: &Path, point: KillPoint) -> (Vec<String>, usize) {
    let mut child = frontline()
        .arg("ingest")
        .arg("--store")
        .arg(store)
        .args(["--batch-docs", BATCH_DOCS, "--verbose"])
        .arg(corpus)
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let lines = stderr_lines(&mut child);
    let mut acknowledged = Vec::new();
    let mut documents = 0;
    let mut record = |line: &str, acknowledged: &mut Vec<String>| {
        // A line the kill cut short ("frontline: committed batch 0001") is
        // no acknowledgement: the whole line is.
        let acknowledgement = line
            .strip_prefix("frontline: committed batch ")
            .and_then(|rest| rest.split_once(": "))
            .and_then(|(name, tail)| {
                let (count, _) = tail.split_once(" documents")?;
                Some((name, count.parse::<usize>().ok()?))
            });
        if let Some((name, count)) = acknowledgement {
            acknowledged.push(name.to_string());
            documents += count;
        }
    };
    match point {
        KillPoint::AfterBatches(wanted) => {
            while acknowledged.len() < wanted {
                let line = lines
                    .recv_timeout(Duration::from_secs(120))
                    .expect("ingest finished or hung before the kill point");
                record(&line, &mut acknowledged);
            }
        }
        KillPoint::After(delay) => thread::sleep(delay),
    }
    child.kill().unwrap();
    child.wait().unwrap();
    // Acknowledgements that were printed before the kill count too.
    for line in lines.try_iter() {
        record(&line, &mut acknowledged);
    }
    (acknowledged, documents)
}

#[test]
fn sigkill_during_ingest_loses_no_acknowledged_batch() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus.jsonl");
    write_corpus(&corpus, "k", DOCS);
    let reference = dir.path().join("reference");
    ingest_to_completion(&reference, &[&corpus]);
    let expected = counts(&reference);
    assert_eq!(expected.0, DOCS as usize);

    let points = [
        KillPoint::After(Duration::ZERO),
        KillPoint::After(Duration::from_millis(30)),
        KillPoint::AfterBatches(1),
        KillPoint::AfterBatches(4),
        KillPoint::After(Duration::from_millis(250)),
        KillPoint::AfterBatches(17),
        KillPoint::AfterBatches(33),
    ];
    for (i, point) in points.into_iter().enumerate() {
        let store = dir.path().join(format!("store-{i}"));
        let (acknowledged, documents) = run_and_kill(&store, &corpus, point);

        let (stored_documents, _) = counts(&store);
        assert!(
            stored_documents >= documents,
            "{point:?}: {stored_documents} documents stored, {documents} acknowledged"
        );
        if !acknowledged.is_empty() {
            let visible: HashSet<String> = Store::open(&store)
                .unwrap()
                .batches()
                .unwrap()
                .into_iter()
                .map(|b| b.name)
                .collect();
            for name in &acknowledged {
                assert!(visible.contains(name), "{point:?}: batch {name} lost");
            }
        }

        // Starting again completes the store, without duplicates.
        ingest_to_completion(&store, &[&corpus]);
        assert_eq!(counts(&store), expected, "{point:?}");
    }
}

#[test]
fn sigkill_during_compact_keeps_every_row() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus.jsonl");
    write_corpus(&corpus, "c", DOCS);
    let template = dir.path().join("template");
    ingest_to_completion(&template, &[&corpus]);
    let expected = counts(&template);

    for (i, delay_ms) in [0u64, 20, 60, 90, 120, 200].into_iter().enumerate() {
        let store = dir.path().join(format!("store-{i}"));
        copy_dir(&template, &store);
        let mut child = frontline()
            .arg("compact")
            .arg("--store")
            .arg(&store)
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        thread::sleep(Duration::from_millis(delay_ms));
        child.kill().unwrap();
        child.wait().unwrap();
        assert_eq!(counts(&store), expected, "killed after {delay_ms} ms");

        let output = frontline()
            .arg("compact")
            .arg("--store")
            .arg(&store)
            .output()
            .unwrap();
        assert!(output.status.success());
        assert_eq!(
            counts(&store),
            expected,
            "compacted after a kill at {delay_ms} ms"
        );
        assert_eq!(fs::read_dir(store.join("batches")).unwrap().count(), 1);
    }
}

/// Runs `frontline ARGS` told to SIGKILL itself at `step`; asserts it did.
fn crash_at(step: &str, args: &[&str], store: &Path) {
    use std::os::unix::process::ExitStatusExt;
    let output = frontline()
        .env("FRONTLINE_CRASH_AT", step)
        .args(args)
        .arg("--store")
        .arg(store)
        .output()
        .unwrap();
    assert_eq!(
        output.status.signal(),
        Some(9),
        "{step}: expected SIGKILL, got {:?}: {}",
        output.status,
        String::from_utf8_lossy(&output.stderr)
    );
}

#[test]
fn crashes_at_each_step_of_a_commit_or_compaction_lose_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus.jsonl");
    write_corpus(&corpus, "p", 100);
    let corpus_arg = corpus.display().to_string();
    let template = dir.path().join("template");
    ingest_to_completion(&template, &[&corpus]);
    let expected = counts(&template);

    // Ingest: files staged in tmp/ (invisible), then batch published but
    // not yet acknowledged (visible, and not stored twice on the rerun).
    for (step, visible_documents) in [("staged", 0), ("published", 10)] {
        let store = dir.path().join(format!("ingest-{step}"));
        crash_at(
            step,
            &["ingest", "--batch-docs", BATCH_DOCS, &corpus_arg],
            &store,
        );
        assert_eq!(counts(&store).0, visible_documents, "{step}");
        ingest_to_completion(&store, &[&corpus]);
        assert_eq!(counts(&store), expected, "{step}");
        assert_eq!(fs::read_dir(store.join("tmp")).unwrap().count(), 0);
    }

    // Compact: merged batch staged; published beside the batches it
    // replaces; one of those already moved to trash/.
    for step in ["staged", "published", "discarding"] {
        let store = dir.path().join(format!("compact-{step}"));
        copy_dir(&template, &store);
        crash_at(step, &["compact"], &store);
        assert_eq!(counts(&store), expected, "{step}");
        let output = frontline()
            .arg("compact")
            .arg("--store")
            .arg(&store)
            .output()
            .unwrap();
        assert!(output.status.success());
        assert_eq!(counts(&store), expected, "{step}, compacted again");
        assert_eq!(fs::read_dir(store.join("batches")).unwrap().count(), 1);
    }
}

#[test]
fn parallel_ingests_into_one_store_give_the_union() {
    let dir = tempfile::tempdir().unwrap();
    let (left, right) = (dir.path().join("left"), dir.path().join("right"));
    fs::create_dir_all(&left).unwrap();
    fs::create_dir_all(&right).unwrap();
    write_corpus(&left.join("a.jsonl"), "left", 200);
    write_corpus(&right.join("b.jsonl"), "right", 200);

    let left_only = dir.path().join("left-only");
    let right_only = dir.path().join("right-only");
    ingest_to_completion(&left_only, &[&left]);
    ingest_to_completion(&right_only, &[&right]);
    let (left_docs, left_facts) = counts(&left_only);
    let (right_docs, right_facts) = counts(&right_only);

    let shared = dir.path().join("shared");
    let spawn = |input: &Path| {
        frontline()
            .arg("ingest")
            .arg("--store")
            .arg(&shared)
            .args(["--batch-docs", "5"])
            .arg(input)
            .stderr(Stdio::piped())
            .spawn()
            .unwrap()
    };
    let children = [spawn(&left), spawn(&right)];
    for child in children {
        let output = child.wait_with_output().unwrap();
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
    }
    assert_eq!(
        counts(&shared),
        (left_docs + right_docs, left_facts + right_facts)
    );
}
