//! Whole-word, case-insensitive search for the phrase lists of the lexicon.
//!
//! A sentence that holds a figure is searched many times: for actors,
//! regions, weapons, the cues of every action, exclusions, each around every
//! figure. Rather than run each list's automaton over it again and again,
//! [`PhraseIndex::scan`] finds every phrase of every list in the sentence in
//! one pass; while the returned [`SentenceScan`] lives, searches of any list
//! in that sentence (or a slice of it) are answered from the occurrences it
//! found, with the same results as a search of their own.
//!
//! ```
//! use frontline::lexicon::Lexicon;
//! let lexicon = Lexicon::default_lexicon();
//! let sentence = "Russian forces launched 40 drones at Kharkiv overnight.";
//! let before_scan = lexicon.actor_names.find_all(sentence);
//! let scan = lexicon.scan_sentence(sentence);
//! assert_eq!(lexicon.actor_names.find_all(sentence), before_scan);
//! drop(scan);
//! ```

use std::cell::RefCell;
use std::marker::PhantomData;
use std::ops::Range;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind, StartKind};

/// A phrase list compiled for fast whole-word, case-insensitive search.
/// Each pattern maps to a payload (an index into some table of the lexicon).
#[derive(Debug, Clone)]
pub struct PhraseMatcher {
    automata: Option<Arc<Automata>>,
    patterns: Vec<String>,
    payloads: Vec<usize>,
    /// The index this list is part of, and its number there.
    indexed_as: Option<(usize, usize)>,
}

/// One phrase list compiled twice, with the same pattern numbers.
#[derive(Debug)]
struct Automata {
    /// Unanchored scans: a full DFA, about twice as fast as an NFA here.
    scan: AhoCorasick,
    /// Anchored look-ups (a shorter phrase where a long one ended inside a
    /// word, a unit right after a number): rare, so a compact NFA. Building
    /// the DFA for both kinds of search would double its size.
    anchored: AhoCorasick,
}

/// One phrase found in a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PhraseHit {
    pub start: usize,
    pub end: usize,
    /// Index of what the phrase stands for (a noun class, an actor, a region …).
    pub payload: usize,
}

impl PhraseMatcher {
    pub(crate) fn new<'a>(phrases: impl IntoIterator<Item = (&'a str, usize)>) -> PhraseMatcher {
        PhraseMatcher::build(phrases, AhoCorasickKind::DFA)
    }

    /// A list searched rarely (in a document's few facts, not in every
    /// sentence): its scans run on a compact NFA, which costs a fraction of a
    /// DFA's memory.
    pub(crate) fn compact<'a>(
        phrases: impl IntoIterator<Item = (&'a str, usize)>,
    ) -> PhraseMatcher {
        PhraseMatcher::build(phrases, AhoCorasickKind::ContiguousNFA)
    }

    fn build<'a>(
        phrases: impl IntoIterator<Item = (&'a str, usize)>,
        scan_kind: AhoCorasickKind,
    ) -> PhraseMatcher {
        let mut patterns = Vec::new();
        let mut payloads = Vec::new();
        for (phrase, payload) in phrases {
            let phrase = phrase.trim();
            if phrase.is_empty() {
                continue;
            }
            patterns.push(phrase.to_string());
            payloads.push(payload);
            // Typeset text writes the apostrophe curly: "Donetsk People’s
            // Republic" is the lexicon's "Donetsk People's Republic".
            for (straight, curly) in [('\'', '’'), ('’', '\'')] {
                if phrase.contains(straight) {
                    patterns.push(phrase.replace(straight, &curly.to_string()));
                    payloads.push(payload);
                }
            }
        }
        let automata = (!patterns.is_empty()).then(|| {
            let build = |start: StartKind, kind: AhoCorasickKind| {
                AhoCorasickBuilder::new()
                    .ascii_case_insensitive(true)
                    .match_kind(MatchKind::LeftmostLongest)
                    .start_kind(start)
                    .kind(Some(kind))
                    .build(&patterns)
                    .expect("phrase lists are plain strings, which always compile")
            };
            Arc::new(Automata {
                scan: build(StartKind::Unanchored, scan_kind),
                anchored: build(StartKind::Anchored, AhoCorasickKind::ContiguousNFA),
            })
        });
        PhraseMatcher {
            automata,
            patterns,
            payloads,
            indexed_as: None,
        }
    }

    /// Every whole-word occurrence in `text`, left to right, not overlapping:
    /// at each position the longest phrase that ends on a word boundary.
    pub fn find_all(&self, text: &str) -> Vec<PhraseHit> {
        if let Some(hits) = self.hits_in_scan(text, usize::MAX) {
            return hits;
        }
        let mut hits = Vec::new();
        let mut from = 0;
        while let Some(hit) = self.find_from(text, from) {
            from = hit.end.max(hit.start + 1);
            hits.push(hit);
        }
        hits
    }

    /// True when any phrase occurs in `text`.
    pub fn is_match(&self, text: &str) -> bool {
        match self.hits_in_scan(text, 1) {
            Some(hits) => !hits.is_empty(),
            None => self.find_from(text, 0).is_some(),
        }
    }

    /// The longest phrase starting exactly at the beginning of `text`.
    pub fn match_prefix(&self, text: &str) -> Option<PhraseHit> {
        let automata = self.automata.as_ref()?;
        let input = aho_corasick::Input::new(text).anchored(aho_corasick::Anchored::Yes);
        let found = automata.anchored.try_find(input).ok().flatten()?;
        if found.start() != 0 || !is_word_boundary(text, 0, found.end()) {
            return None;
        }
        Some(PhraseHit {
            start: 0,
            end: found.end(),
            payload: self.payloads[found.pattern().as_usize()],
        })
    }

    /// The first whole-word occurrence in `text[from..]`.
    fn find_from(&self, text: &str, mut from: usize) -> Option<PhraseHit> {
        let automata = self.automata.as_ref()?;
        while from < text.len() {
            let input = aho_corasick::Input::new(text).range(from..);
            let found = automata.scan.try_find(input).ok().flatten()?;
            match self.longest_whole_word(&automata.anchored, text, found) {
                Some(hit) => return Some(hit),
                // "now holds": the phrase "now hold" ends inside a word, and
                // must not hide "holds" after it.
                None => from = crate::text::ceil_boundary(text, found.start() + 1),
            }
        }
        None
    }

    /// `found`, or the longest shorter phrase starting where it starts, that
    /// ends on a word boundary.
    fn longest_whole_word(
        &self,
        anchored: &AhoCorasick,
        text: &str,
        found: aho_corasick::Match,
    ) -> Option<PhraseHit> {
        let mut candidate = found;
        while !is_word_boundary(text, candidate.start(), candidate.end()) {
            let shorter = aho_corasick::Input::new(text)
                .range(candidate.start()..candidate.end() - 1)
                .anchored(aho_corasick::Anchored::Yes);
            candidate = anchored.try_find(shorter).ok().flatten()?;
        }
        Some(PhraseHit {
            start: candidate.start(),
            end: candidate.end(),
            payload: self.payloads[candidate.pattern().as_usize()],
        })
    }

    /// Up to `limit` hits in `text` from the sentence scanned on this thread,
    /// when `text` lies in it and this list was part of the scan.
    fn hits_in_scan(&self, text: &str, limit: usize) -> Option<Vec<PhraseHit>> {
        let (index, list) = self.indexed_as?;
        SCANNED.with_borrow(|scanned| {
            let scanned = scanned.as_ref().filter(|s| s.index == index)?;
            let offset = scanned.offset_of(text)?;
            Some(scanned.select(list, text, offset, &self.payloads, limit))
        })
    }
}

/// True when `text[start..end]` is not glued to the word around it: letters
/// glue to letters and digits to digits, but "505km²" splits into number and unit.
pub fn is_word_boundary(text: &str, start: usize, end: usize) -> bool {
    let glued = |a: Option<char>, b: Option<char>| match (a, b) {
        (Some(a), Some(b)) => {
            (a.is_alphabetic() || a == '_') && (b.is_alphabetic() || b == '_')
                || a.is_numeric() && b.is_numeric()
        }
        _ => false,
    };
    let before = text[..start].chars().next_back();
    let first = text[start..].chars().next();
    let last = text[..end].chars().next_back();
    let after = text[end..].chars().next();
    !glued(before, first) && !glued(last, after)
}

/// Several phrase lists in one automaton that reports every occurrence of
/// every phrase.
#[derive(Debug)]
pub struct PhraseIndex {
    /// Tells the lists of this index from those of another lexicon.
    id: usize,
    automaton: AhoCorasick,
    /// For each pattern of the automaton: its list, and its number there.
    owners: Vec<(usize, usize)>,
    lists: usize,
}

impl PhraseIndex {
    /// Indexes `lists`; each learns its place in the index.
    pub(crate) fn new(lists: &mut [&mut PhraseMatcher]) -> PhraseIndex {
        static NEXT_ID: AtomicUsize = AtomicUsize::new(0);
        let id = NEXT_ID.fetch_add(1, Ordering::Relaxed);
        let mut patterns: Vec<&str> = Vec::new();
        let mut owners = Vec::new();
        for (number, list) in lists.iter_mut().enumerate() {
            list.indexed_as = Some((id, number));
            for (pattern_number, pattern) in list.patterns.iter().enumerate() {
                patterns.push(pattern);
                owners.push((number, pattern_number));
            }
        }
        let automaton = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::Standard)
            .kind(Some(AhoCorasickKind::DFA))
            .build(&patterns)
            .expect("phrase lists are plain strings, which always compile");
        PhraseIndex {
            id,
            automaton,
            owners,
            lists: lists.len(),
        }
    }

    /// Finds every phrase of every list in `sentence`. Until the returned
    /// scan is dropped, searches of these lists in `sentence` on this thread
    /// are answered from it.
    pub fn scan<'s>(&self, sentence: &'s str) -> SentenceScan<'s> {
        let mut occurrences: Vec<(usize, Occurrence)> = self
            .automaton
            .find_overlapping_iter(sentence)
            .map(|found| {
                let (list, pattern) = self.owners[found.pattern().as_usize()];
                let occurrence = Occurrence {
                    start: found.start(),
                    end: found.end(),
                    pattern,
                };
                (list, occurrence)
            })
            .collect();
        // Per list, in the order a leftmost-longest search meets them.
        occurrences.sort_unstable_by_key(|(list, o)| {
            (*list, o.start, std::cmp::Reverse(o.end), o.pattern)
        });
        let mut lists = vec![0..0; self.lists];
        let mut at = 0;
        for (number, range) in lists.iter_mut().enumerate() {
            let start = at;
            while at < occurrences.len() && occurrences[at].0 == number {
                at += 1;
            }
            *range = start..at;
        }
        let scanned = ScannedSentence {
            index: self.id,
            address: sentence.as_ptr() as usize,
            len: sentence.len(),
            occurrences: occurrences.into_iter().map(|(_, o)| o).collect(),
            lists,
        };
        let previous = SCANNED.replace(Some(scanned));
        SentenceScan {
            previous,
            sentence: PhantomData,
        }
    }
}

thread_local! {
    /// The sentence scanned last on this thread, while its scan lives.
    static SCANNED: RefCell<Option<ScannedSentence>> = const { RefCell::new(None) };
}

/// Keeps the occurrences of one sentence available to searches; restores
/// the previous scan when dropped.
#[must_use = "searches use the scan only while it lives"]
pub struct SentenceScan<'s> {
    previous: Option<ScannedSentence>,
    /// The scan refers to the sentence's memory: it must not outlive it.
    sentence: PhantomData<&'s str>,
}

impl Drop for SentenceScan<'_> {
    fn drop(&mut self) {
        SCANNED.set(self.previous.take());
    }
}

#[derive(Debug, Clone, Copy)]
struct Occurrence {
    start: usize,
    end: usize,
    pattern: usize,
}

struct ScannedSentence {
    index: usize,
    /// Where the sentence is in memory, to tell whether a text is part of it.
    address: usize,
    len: usize,
    occurrences: Vec<Occurrence>,
    /// Occurrences of each list.
    lists: Vec<Range<usize>>,
}

impl ScannedSentence {
    /// Where `text` starts in the sentence, when it is a slice of it.
    fn offset_of(&self, text: &str) -> Option<usize> {
        let offset = (text.as_ptr() as usize).checked_sub(self.address)?;
        (offset + text.len() <= self.len).then_some(offset)
    }

    /// What a leftmost-longest whole-word search of list `list` finds in
    /// `text` (at `offset` in the sentence): at each start, the longest
    /// phrase inside `text` that ends on a word boundary.
    fn select(
        &self,
        list: usize,
        text: &str,
        offset: usize,
        payloads: &[usize],
        limit: usize,
    ) -> Vec<PhraseHit> {
        let occurrences = &self.occurrences[self.lists[list].clone()];
        let end = offset + text.len();
        let mut hits = Vec::new();
        let mut from = offset;
        let mut next = occurrences.partition_point(|o| o.start < offset);
        while next < occurrences.len() && hits.len() < limit {
            let start = occurrences[next].start;
            if start >= end {
                break;
            }
            let at_start = occurrences[next..]
                .iter()
                .take_while(|o| o.start == start)
                .count();
            if start >= from {
                let longest = occurrences[next..next + at_start].iter().find(|o| {
                    o.end <= end && is_word_boundary(text, start - offset, o.end - offset)
                });
                if let Some(found) = longest {
                    hits.push(PhraseHit {
                        start: start - offset,
                        end: found.end - offset,
                        payload: payloads[found.pattern],
                    });
                    from = found.end.max(start + 1);
                }
            }
            next += at_start;
        }
        hits
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn matchers() -> (Vec<PhraseMatcher>, PhraseIndex) {
        let mut lists = vec![
            PhraseMatcher::new([("now hold", 0), ("holds", 1), ("drone", 2), ("drones", 3)]),
            PhraseMatcher::new([("Russia", 0), ("Russian forces", 1), ("forces", 2)]),
            PhraseMatcher::new([("km", 0), ("km²", 1), ("sq km", 2), ("%", 3)]),
        ];
        let index = PhraseIndex::new(&mut lists.iter_mut().collect::<Vec<_>>());
        (lists, index)
    }

    #[test]
    fn a_scan_answers_as_the_lists_would() {
        let (lists, index) = matchers();
        let sentence =
            "Russian forces now holds 40 drones, 5%, 12 km² and 3 sq km; Russia's dronesX.";
        let slices = [
            0..sentence.len(),
            8..sentence.len(),
            0..20,
            15..35,
            10..11,
            sentence.len()..sentence.len(),
        ];
        let expected: Vec<Vec<Vec<PhraseHit>>> = lists
            .iter()
            .map(|list| {
                slices
                    .iter()
                    .map(|r| list.find_all(&sentence[r.clone()]))
                    .collect()
            })
            .collect();
        let scan = index.scan(sentence);
        for (list, expected) in lists.iter().zip(&expected) {
            for (range, hits) in slices.iter().zip(expected) {
                assert_eq!(&list.find_all(&sentence[range.clone()]), hits, "{range:?}");
                assert_eq!(list.is_match(&sentence[range.clone()]), !hits.is_empty());
            }
        }
        // Text that is not part of the sentence is searched on its own.
        let other = sentence.to_string();
        assert_eq!(lists[1].find_all(&other), expected[1][0]);
        drop(scan);
        assert!(SCANNED.with_borrow(Option::is_none));
    }
}
