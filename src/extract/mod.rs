//! Turning a [`Document`] into [`Fact`]s.
//!
//! Most sentences hold nothing of interest: only those with a number and a
//! trigger word ([`Lexicon::triggers`]) are parsed. What a candidate sentence
//! leaves open (its period, its actor) is looked up lazily in the sentences
//! before it.
//!
//! Per sentence: numbers ([`crate::number`]) and time expressions
//! ([`crate::time`]) are found; numbers with an area unit, a noun of a count
//! metric or a share of territory become figures (`figures`); each figure
//! gets its metric, period, actor and region (`attach`), its period from the
//! times that date it (`dating`).

mod attach;
mod dating;
mod figures;

use std::collections::hash_map::{DefaultHasher, Entry};
use std::collections::{HashMap, HashSet};
use std::hash::{Hash, Hasher};
use std::ops::Range;
use std::sync::LazyLock;

use chrono::{Datelike, NaiveDate};
use regex::Regex;

use crate::document::Document;
use crate::fact::{Fact, Period, Qualifier};
use crate::lexicon::{Lexicon, Measure, PhraseHit};
use crate::number::{find_numbers, NumberKind, NumberMatch};
use crate::sentence::split_sentences;
use crate::time::{find_time_expressions, TimeMatch, TimeValue};

use attach::{ActorRole, RegionMention, JOINT_REGIONS};
use dating::{first_period, is_compared, is_rank, is_report_date, reanchored};
use figures::Figure;

/// Finds facts in documents; build once, use for many documents (and threads).
#[derive(Debug, Clone)]
pub struct Extractor {
    lexicon: Lexicon,
}

/// The facts of one document and what the user should know about them.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Extraction {
    pub facts: Vec<Fact>,
    /// "3 relative time expressions left unresolved: no publication date".
    pub warnings: Vec<String>,
}

impl Extractor {
    pub fn new(lexicon: Lexicon) -> Extractor {
        Extractor { lexicon }
    }

    pub fn lexicon(&self) -> &Lexicon {
        &self.lexicon
    }

    /// Every fact in the document, in text order.
    pub fn extract(&self, document: &Document) -> Vec<Fact> {
        self.extract_with_warnings(document).facts
    }

    /// Every fact in the document, with warnings about what could not be resolved.
    pub fn extract_with_warnings(&self, document: &Document) -> Extraction {
        let mut reader = DocumentPass::new(&self.lexicon, document);
        let mut facts: Vec<Fact> = Vec::new();
        let mut claims = Claims::default();
        // The last sentence that gave facts, and the index of its last fact.
        let mut last_fact: Option<(usize, usize)> = None;
        // Where that sentence's facts start in `facts`.
        let mut last_sentence_first_fact = 0;
        // Indexes of facts a later sentence calls false (kept until the end,
        // as `claims` holds indexes into `facts`).
        let mut called_false: Vec<usize> = Vec::new();
        for sentence_index in 0..reader.sentences.len() {
            // A change with no figure of its own can only qualify the
            // sentence right before, when that one gave a fact.
            let follows_a_fact =
                last_fact.is_some_and(|(previous, _)| previous + 1 == sentence_index);
            // "… had captured 2,000 square kilometres in May. That claim is
            // false": the facts of the sentence before are no facts.
            if follows_a_fact
                && calls_the_claim_before_false(&self.lexicon, reader.sentence(sentence_index))
            {
                called_false.extend(last_sentence_first_fact..facts.len());
                last_fact = None;
                continue;
            }
            let previous_fact = last_fact
                .filter(|_| follows_a_fact)
                .and_then(|(_, fact_index)| facts.get(fact_index));
            if !reader.is_candidate(sentence_index, previous_fact)
                || reader.is_question(sentence_index)
            {
                continue;
            }
            let previous_sentence = match previous_fact {
                Some(_) => &facts[last_sentence_first_fact..],
                None => &[],
            };
            let outcome = reader.sentence_facts(sentence_index, previous_sentence);
            if let (Some(change), Some((_, fact_index))) = (outcome.unattached_change, last_fact) {
                if follows_a_fact {
                    if let Some(fact) = facts.get_mut(fact_index) {
                        if fact.change_pct.is_none()
                            && reader.is_about(sentence_index, &fact.metric)
                        {
                            fact.change_pct = Some(change);
                        }
                    }
                }
            }
            let mut gave_facts = false;
            let first_fact = facts.len();
            for fact in outcome.facts {
                match claims.insert(&facts, &fact) {
                    Ok(()) => {
                        facts.push(fact);
                        gave_facts = true;
                    }
                    // A claim called false made again as a fact of the text
                    // ("Russia did launch 145 drones") is one; reported
                    // again as a claim ("A post claimed that …"), it is not.
                    Err(first)
                        if called_false.contains(&first) && !reports_a_claim(&fact.sentence) =>
                    {
                        called_false.retain(|&index| index != first);
                        facts[first] = fact;
                    }
                    // A headline's claim repeated by the story with its change
                    // ("505 km², 17% less than in October"): one claim, with it.
                    // (And with its hedge: a headline drops "about".)
                    Err(first) => {
                        if let Some(first) = facts.get_mut(first) {
                            first.change_pct = first.change_pct.or(fact.change_pct);
                            if first.qualifier == Qualifier::Exact {
                                first.qualifier = fact.qualifier;
                            }
                        }
                    }
                }
            }
            if reader.is_claim_under_check(sentence_index) {
                called_false.extend(first_fact..facts.len());
                last_fact = None;
            } else if gave_facts {
                last_fact = Some((sentence_index, facts.len() - 1));
                last_sentence_first_fact = first_fact;
            }
        }
        if !called_false.is_empty() {
            let mut index = 0;
            facts.retain(|_| {
                index += 1;
                !called_false.contains(&(index - 1))
            });
        }
        if name_launchers_from_later_facts(&mut facts) {
            drop_repeated_claims(&mut facts);
        }
        drop_undated_restatements(&mut facts);
        drop_revised_claims(&self.lexicon, &mut facts);
        let mut warnings = Vec::new();
        if reader.unresolved > 0 {
            warnings.push(format!(
                "{} relative time expression(s) left unresolved: the document has no publication date (give one with --date YYYY-MM-DD)",
                reader.unresolved
            ));
        }
        Extraction { facts, warnings }
    }
}

/// Drops a fact whose claim an earlier fact makes, now that launchers are
/// named: "Launched: 36 missiles" then "Missile types: 2 Kinzhal · 32
/// Iskander-M · 2 Kalibr" (which alone named Russia) are one claim.
fn drop_repeated_claims(facts: &mut Vec<Fact>) {
    let mut claims = Claims::default();
    let mut kept: Vec<Fact> = Vec::with_capacity(facts.len());
    for fact in facts.drain(..) {
        if claims.insert(&kept, &fact).is_ok() {
            kept.push(fact);
        }
    }
    *facts = kept;
}

/// Weapons no word gave a launcher to are the launcher's that the document
/// names for weapons right after, when it names only one: in "the enemy
/// attacked with 653 strike UAVs … air defence shot down 585 enemy UAVs of
/// the Shahed, Gerbera and other types", the 653 are Russia's too.
/// Whether it named any.
fn name_launchers_from_later_facts(facts: &mut [Fact]) -> bool {
    /// How far after a fact (in bytes) the one naming its launcher may be.
    const NEAR: usize = 600;
    let count = Measure::Count.stored_unit();
    let mut launchers = facts
        .iter()
        .filter(|f| f.unit == count)
        .filter_map(|f| f.actor.as_deref());
    let Some(launcher) = launchers.next().map(str::to_string) else {
        return false;
    };
    if launchers.any(|other| other != launcher) {
        return false;
    }
    let mut named = false;
    for i in 0..facts.len() {
        let (before, after) = facts.split_at_mut(i + 1);
        let fact = &mut before[i];
        if fact.unit != count || fact.actor.is_some() {
            continue;
        }
        let named_soon_after = after.iter().any(|later| {
            later.unit == count && later.actor.is_some() && later.start <= fact.end + NEAR
        });
        if named_soon_after {
            fact.actor = Some(launcher.clone());
            named = true;
        }
    }
    named
}

/// The lines of a document that are only a date, no later than its
/// publication: a live blog's entries, a dated section ("1 Dec 2025 19.40
/// GMT"). Lines that short with a digit are few; only they are parsed.
fn time_stamps(
    text: &str,
    sentences: &[Range<usize>],
    publication: Option<NaiveDate>,
) -> Vec<(usize, NaiveDate)> {
    /// Longest line taken for a time stamp, in bytes.
    const LONGEST: usize = 48;
    sentences
        .iter()
        .enumerate()
        // (A mark before the date may take a few bytes more.)
        .filter(|(_, range)| range.len() <= LONGEST + 8)
        .filter_map(|(index, range)| {
            // ("🗓️ Saturday, 1 June", "### 1 June": past a mark before it.)
            let line = text
                .get(range.clone())?
                .trim_start_matches(|c: char| !c.is_alphanumeric());
            // A sentence ends in a stop, a stamp line does not; and it opens
            // with the day, the month or the weekday (a headline does not).
            let stamp_shaped = line.len() <= LONGEST
                && !line.ends_with(['.', '!', '?', ':', ';'])
                && opens_like_a_date(line)
                && line.bytes().any(|byte| byte.is_ascii_digit());
            if !stamp_shaped {
                return None;
            }
            let day = crate::time::parse_calendar_date(line, publication)?;
            publication
                .is_none_or(|published| day <= published)
                .then_some((index, day))
        })
        .collect()
}

/// A timeline entry: a line that opens with its date before a dash or a
/// colon ("Feb 26 — Russia launches 177 drones overnight; …", "01.11: …",
/// "2024 — …"). Its sentences are written as of that date, and are about it
/// when they name no time of their own.
struct TimelineEntry {
    /// The indexes of the sentences of its line.
    sentences: Range<usize>,
    /// The period of its label (a day, a month, a year).
    period: Period,
    /// The label's bytes in the entry's first sentence.
    label: Range<usize>,
}

/// The timeline entries of a document; those dated after publication are
/// none.
fn timeline_entries(
    text: &str,
    sentences: &[Range<usize>],
    publication: Option<NaiveDate>,
) -> Vec<TimelineEntry> {
    let mut entries = Vec::new();
    let mut index = 0;
    while index < sentences.len() {
        let range = &sentences[index];
        let opens_a_line = range.start == 0
            || text[..range.start]
                .trim_end_matches([' ', '\t'])
                .ends_with('\n');
        if !opens_a_line {
            index += 1;
            continue;
        }
        let sentence = &text[range.clone()];
        let entry = past_bullet(sentence);
        let label = entry_label(entry, publication)
            .filter(|(period, _)| publication.is_none_or(|published| period.start <= published));
        let Some((period, label_length)) = label else {
            index += 1;
            continue;
        };
        let label_start = sentence.len() - entry.len();
        let line_end = text[range.start..]
            .find('\n')
            .map_or(text.len(), |at| range.start + at);
        let in_line = sentences[index..].partition_point(|later| later.start < line_end);
        entries.push(TimelineEntry {
            sentences: index..index + in_line,
            period,
            label: label_start..label_start + label_length,
        });
        index += in_line.max(1);
    }
    entries
}

/// The period a timeline entry opens with, before a dash or a colon, and
/// the label's length: "Feb 26 — …", "Fri 4 Jul: …", "2024 — …", and the
/// day first in digits, "01.11: …", "13/05: …" (a date without its year is
/// the last before `publication`).
fn entry_label(entry: &str, publication: Option<NaiveDate>) -> Option<(Period, usize)> {
    /// Longest label, in bytes ("Wednesday, 24 September 2025").
    const LONGEST: usize = 32;
    if !opens_like_a_date(entry) {
        return None;
    }
    let head = &entry[..crate::text::floor_boundary(entry, entry.len().min(LONGEST + 4))];
    let (label, _) = [" — ", " – ", " - ", ": "]
        .iter()
        .filter_map(|separator| head.split_once(separator))
        .min_by_key(|(label, _)| label.len())?;
    let label = label.trim_end_matches(['.', ',', ' ']);
    let period = match find_time_expressions(label, publication).as_slice() {
        [date] if date.start == 0 && date.end == label.len() => match date.value {
            TimeValue::Period(period) => Some(period),
            _ => None,
        },
        _ => None,
    };
    let period = period
        .or_else(|| day_first_date(label, publication?).map(Period::day))
        .or_else(|| {
            let year: i32 = label.parse().ok().filter(|_| label.len() == 4)?;
            (2000..=publication?.year())
                .contains(&year)
                .then(|| Period::year(year))
                .flatten()
        })?;
    Some((period, label.len()))
}

/// A date in digits, the day first, with or without its year: "01.11",
/// "13/05", "03.03.2025". Without a year, the last such day on or before
/// `publication`.
fn day_first_date(label: &str, publication: NaiveDate) -> Option<NaiveDate> {
    let parts: Vec<&str> = label.split(['.', '/']).collect();
    let number = |part: &&str| -> Option<u32> {
        (1..=2)
            .contains(&part.len())
            .then(|| part.parse().ok())
            .flatten()
    };
    let (day, month) = (number(parts.first()?)?, number(parts.get(1)?)?);
    match parts.get(2) {
        Some(year) if year.len() == 4 && parts.len() == 3 => {
            NaiveDate::from_ymd_opt(year.parse().ok()?, month, day)
        }
        None => [publication.year(), publication.year() - 1]
            .into_iter()
            .filter_map(|year| NaiveDate::from_ymd_opt(year, month, day))
            .find(|date| *date <= publication),
        _ => None,
    }
}

/// Whether figure `index` is the sum of the two or more counts listed right
/// before it ("382 drones and 29 missiles — 411 aerial targets").
fn sums_the_items_before(sentence: &str, figures: &[Figure], index: usize) -> bool {
    let joined = |a: &Figure, b: &Figure| {
        matches!(
            sentence.get(a.end..b.number.start).map(str::trim),
            Some("," | "and" | ", and")
        )
    };
    let Some(mut first) = index.checked_sub(1) else {
        return false;
    };
    while first > 0 && joined(&figures[first - 1], &figures[first]) {
        first -= 1;
    }
    let items = &figures[first..index];
    items.len() >= 2
        && items.iter().all(|item| item.measure == Measure::Count)
        && (items.iter().map(|item| item.value).sum::<f64>() - figures[index].value).abs() < 0.5
}

/// Whether the words between a figure and an action word are none or a
/// passive auxiliary ("296 drones were shot down"): the action word is
/// that figure's.
fn is_nothing_or_an_auxiliary(words: &str) -> bool {
    matches!(
        words,
        "" | "were" | "was" | "had been" | "have been" | "has been"
    )
}

/// Whether `part` counts weapons of one of the kinds `whole` counts
/// together: drones of "405 targets" (drones and missiles).
fn counts_a_part_of(lexicon: &Lexicon, whole: &Figure, part: &Figure) -> bool {
    let (Some(whole), Some(part)) = (whole.noun_class, part.noun_class) else {
        return false;
    };
    whole != part
        && lexicon.noun_classes[whole]
            .split("_and_")
            .any(|kind| kind == lexicon.noun_classes[part])
}

/// Whether `line` opens with a digit or the first three letters of a month
/// or a weekday.
fn opens_like_a_date(line: &str) -> bool {
    const OPENINGS: [&[u8; 3]; 19] = [
        b"jan", b"feb", b"mar", b"apr", b"may", b"jun", b"jul", b"aug", b"sep", b"oct", b"nov",
        b"dec", b"mon", b"tue", b"wed", b"thu", b"fri", b"sat", b"sun",
    ];
    match line.as_bytes() {
        [digit, ..] if digit.is_ascii_digit() => true,
        [a, b, c, ..] => {
            let head = [*a, *b, *c].map(|byte| byte.to_ascii_lowercase());
            OPENINGS.iter().any(|opening| **opening == head)
        }
        _ => false,
    }
}

/// Drops the facts a later sentence revises: "Air defence shot down 558
/// drones. … Update: the Air Force has revised the number of downed drones
/// to 569" keeps the 569 only (a revision within one sentence, "revised
/// down to 439 km² from 461", is read with its figures); and first estimates
/// another value of the same count replaces: "Early reports put the number of
/// missiles at more than 70. … Russia launched 78 missiles" keeps the 78
/// (lexicon `revisions` and `preliminary`).
fn drop_revised_claims(lexicon: &Lexicon, facts: &mut Vec<Fact>) {
    let revises = |fact: &Fact| lexicon.revisions.is_match(&fact.sentence);
    // "its initial count of about 200": a cue in the figure's stretch
    // before it.
    let is_preliminary = |fact: &Fact| {
        let at = fact.sentence.find(&fact.original_text).unwrap_or(0);
        let lead_start = crate::text::floor_boundary(&fact.sentence, at.saturating_sub(64));
        lexicon.preliminary.is_match(&fact.sentence[lead_start..at])
    };
    fn count(fact: &Fact) -> (&str, Option<&str>, Option<&str>) {
        (&fact.metric, fact.actor.as_deref(), fact.region.as_deref())
    }
    // Only a count given with two values can have been revised or been a
    // first estimate; most facts are neither, and their sentences need no
    // reading. (Pair by pair for the few facts of most documents, hashed for
    // many.)
    let (count_varies, varied_before): (Vec<bool>, Vec<bool>) = if facts.len() <= 64 {
        let differs = |a: &Fact, b: &Fact| a.value != b.value;
        (0..facts.len())
            .map(|i| {
                let fact = &facts[i];
                let count_varies = facts
                    .iter()
                    .any(|other| count(other) == count(fact) && differs(other, fact));
                let varied_before = facts[..i]
                    .iter()
                    .any(|earlier| earlier.quantity() == fact.quantity() && differs(earlier, fact));
                (count_varies, varied_before)
            })
            .unzip()
    } else {
        let mut values_of_count: HashMap<_, HashSet<u64>> = HashMap::new();
        for fact in facts.iter() {
            values_of_count
                .entry(count(fact))
                .or_default()
                .insert(fact.value.to_bits());
        }
        let mut values_before: HashMap<_, HashSet<u64>> = HashMap::new();
        facts
            .iter()
            .map(|fact| {
                let count_varies = values_of_count[&count(fact)].len() > 1;
                let seen = values_before.entry(fact.quantity()).or_default();
                let varied_before =
                    seen.len() > 1 || seen.len() == 1 && !seen.contains(&fact.value.to_bits());
                seen.insert(fact.value.to_bits());
                (count_varies, varied_before)
            })
            .unzip()
    };
    if !count_varies.contains(&true) {
        return;
    }
    let revising: Vec<bool> = facts
        .iter()
        .zip(&varied_before)
        .map(|(fact, &varied)| varied && revises(fact))
        .collect();
    let preliminary: Vec<bool> = facts
        .iter()
        .zip(&count_varies)
        .map(|(fact, &varies)| varies && is_preliminary(fact))
        .collect();
    if !revising.contains(&true) && !preliminary.contains(&true) {
        return;
    }
    let mut replaced = vec![false; facts.len()];
    // An earlier fact is revised by a later revising one of the same
    // quantity with another value, in another sentence. Walking back, the
    // revising facts after each one are counted by value and by sentence:
    // those that differ in both are all of them less those that share
    // either (linear, where pairs would be quadratic in a long live blog).
    let mut later_by_quantity: HashMap<_, RevisingCounts> = HashMap::new();
    for (index, fact) in facts.iter().enumerate().rev() {
        let later = later_by_quantity.entry(fact.quantity()).or_default();
        replaced[index] = later.differing_in_both(fact.value, &fact.sentence) > 0;
        if revising[index] {
            later.add(fact.value, &fact.sentence);
        }
    }
    // A first estimate gives way to any other value of its count.
    let mut firm_values: HashMap<_, (usize, HashMap<u64, usize>)> = HashMap::new();
    for (fact, _) in facts.iter().zip(&preliminary).filter(|(_, &first)| !first) {
        let (total, by_value) = firm_values.entry(count(fact)).or_default();
        *total += 1;
        *by_value.entry(fact.value.to_bits()).or_default() += 1;
    }
    for (index, fact) in facts.iter().enumerate().filter(|(i, _)| preliminary[*i]) {
        if let Some((total, by_value)) = firm_values.get(&count(fact)) {
            let same_value = by_value.get(&fact.value.to_bits()).copied().unwrap_or(0);
            replaced[index] |= total > &same_value;
        }
    }
    let mut replaced = replaced.into_iter();
    facts.retain(|_| !replaced.next().unwrap_or(false));
}

/// The revising facts of one quantity seen so far, counted as a whole, by
/// value, by sentence and by both.
#[derive(Default)]
struct RevisingCounts<'f> {
    all: usize,
    by_value: HashMap<u64, usize>,
    by_sentence: HashMap<&'f str, usize>,
    by_both: HashMap<(u64, &'f str), usize>,
}

impl<'f> RevisingCounts<'f> {
    fn add(&mut self, value: f64, sentence: &'f str) {
        self.all += 1;
        *self.by_value.entry(value.to_bits()).or_default() += 1;
        *self.by_sentence.entry(sentence).or_default() += 1;
        *self.by_both.entry((value.to_bits(), sentence)).or_default() += 1;
    }

    /// How many have another value and another sentence than these.
    fn differing_in_both(&self, value: f64, sentence: &str) -> usize {
        let count = |map: Option<&usize>| map.copied().unwrap_or(0);
        let same_value = count(self.by_value.get(&value.to_bits()));
        let same_sentence = count(self.by_sentence.get(sentence));
        let same_both = count(self.by_both.get(&(value.to_bits(), sentence)));
        self.all + same_both - same_value - same_sentence
    }
}

/// Whether `sentence` names a year (1900 or later) before `year` as a word
/// of its own: "the 1943 Battle of Kursk".
fn names_a_year_before(sentence: &str, year: i32) -> bool {
    // ("within its 1991 borders", "the borders of 1991": a year that names
    // borders is no time of the sentence.)
    let names_borders = |text: &str| {
        let lower = text.to_ascii_lowercase();
        ["border", "boundar", "frontier"]
            .iter()
            .any(|word| lower.contains(word))
    };
    sentence
        .match_indices(|c: char| c.is_ascii_digit())
        .filter(|(at, _)| *at == 0 || !sentence.as_bytes()[at - 1].is_ascii_alphanumeric())
        .filter_map(|(at, _)| {
            let word_end = sentence[at..]
                .find(|c: char| !c.is_ascii_alphanumeric())
                .map_or(sentence.len(), |end| at + end);
            let word = &sentence[at..word_end];
            let named = word.parse::<i32>().ok().filter(|_| word.len() == 4)?;
            Some((at, word_end, named))
        })
        .filter(|&(_, _, named)| (1900..year).contains(&named))
        .any(|(at, end, _)| {
            let before = &sentence[crate::text::ceil_boundary(sentence, at.saturating_sub(14))..at];
            let after = &sentence
                [end..crate::text::floor_boundary(sentence, (end + 12).min(sentence.len()))];
            !names_borders(after) && !names_borders(before)
        })
}

/// The span of consecutive months listed from `own` on ("September,
/// October, and November 2024"), when `own` is a month and more follow,
/// joined by commas and "and" alone.
fn months_listed_from(sentence: &str, own: &TimeMatch, times: &[TimeMatch]) -> Option<Period> {
    let TimeValue::Period(first) = own.value else {
        return None;
    };
    if !first.is_month() {
        return None;
    }
    let mut last = first;
    let mut end = own.end;
    for next in times.iter().filter(|t| t.start >= own.end) {
        let joint = sentence[end..next.start].trim();
        let joined = matches!(joint, "," | "and" | ", and");
        match next.value {
            TimeValue::Period(month)
                if joined && month.is_month() && last.end.succ_opt() == Some(month.start) =>
            {
                last = month;
                end = next.end;
            }
            _ => break,
        }
    }
    (last != first).then(|| Period::new(first.start, last.end))
}

/// Whether a time expression is "that year", "the same year" or "over the
/// course of the year": the year of the text, not of the calendar ("over
/// the year" alone is read where no time is: it may be the year just
/// ended).
fn names_the_year_of_the_text(time: &str) -> bool {
    const LEADS: &[&str] = &["over", "during", "in", "throughout"];
    words_are(time, &[&["that"], &["year"]])
        || words_are(time, &[&["the"], &["same"], &["year"]])
        || words_are(
            time,
            &[LEADS, &["the"], &["course"], &["of"], &["the"], &["year"]],
        )
}

/// Whether the words of `text` are, one by one, one of the alternatives
/// given for each place (any case): `&[&["over", "during"], &["the"]]`.
fn words_are(text: &str, alternatives: &[&[&str]]) -> bool {
    let mut words = text.split_whitespace();
    alternatives.iter().all(|choices| {
        words.next().is_some_and(|word| {
            choices
                .iter()
                .any(|choice| word.eq_ignore_ascii_case(choice))
        })
    }) && words.next().is_none()
}

/// The month of "that March", "that November" (`text` ends with the
/// month, at `time_start`): a month of the year the text is about.
fn month_of_that(text: &str, time_start: usize) -> Option<u32> {
    let said_that = text[..time_start]
        .split_whitespace()
        .next_back()
        .is_some_and(|word| word.eq_ignore_ascii_case("that"));
    if !said_that {
        return None;
    }
    let month = text[time_start..].trim();
    crate::time::MONTH_NAMES
        .iter()
        .position(|name| name.eq_ignore_ascii_case(month))
        .map(|at| at as u32 + 1)
}

/// "During the week", "over the week": the week of the text, which an
/// earlier sentence may have named.
fn names_the_week_before(time: &str) -> bool {
    words_are(
        time,
        &[&["during", "over", "throughout"], &["the"], &["week"]],
    )
}

/// Whether the time at `start..end` of `sentence` is a running period: "this
/// month", "this spring", "so far in July", "in November so far", "to date".
/// ("This year" is read as the year: the writers of the blind passages were
/// split, and a year's total is what the yearly series wants.)
fn is_running(sentence: &str, start: usize, end: usize) -> bool {
    let said = &sentence[start..end];
    let after = sentence[end..].trim_start();
    let before = sentence[..start].trim_end();
    let this_part_of_a_year = said
        .get(..5)
        .is_some_and(|this| this.eq_ignore_ascii_case("this "))
        && !crate::text::contains_word(said, "year");
    this_part_of_a_year
        || crate::text::contains_word(said, "so far")
        || crate::text::contains_word(said, "to date")
        || after
            .get(..6)
            .is_some_and(|next| next.eq_ignore_ascii_case("so far"))
        || {
            // ("so far in June", "So far in July")
            let lead = crate::text::lower_window(before, before.len(), 12);
            let lead = lead.trim_end();
            lead.ends_with("so far") || lead.ends_with("so far in")
        }
}

/// Whether `time` says "the past week" (with "over", "in" or "during").
fn names_the_past_week(time: &str) -> bool {
    let time = ["over ", "in ", "during ", "Over ", "In ", "During "]
        .iter()
        .find_map(|preposition| time.strip_prefix(preposition))
        .unwrap_or(time);
    words_are(time, &[&["the"], &["past", "last"], &["week"]])
}

/// `sentence` past a short label before a colon: "Fact check: Did Russia
/// capture 1,000 square kilometres?", "HOST: They've taken …".
fn past_label(sentence: &str) -> &str {
    match sentence.split_once(": ") {
        Some((label, rest)) if label.split_whitespace().count() <= 3 => rest,
        _ => sentence,
    }
}

/// Drops a fact with no period that a dated fact of the document repeats:
/// a headline ("Russia fires record 810 drones at Ukraine") restates its
/// story ("... 810 drones and 13 missiles overnight into Sunday").
fn drop_undated_restatements(facts: &mut Vec<Fact>) {
    if facts.iter().all(|fact| fact.period.is_some()) {
        return;
    }
    let claim = |fact: &Fact| {
        let (metric, actor, region, _) = fact.quantity();
        (
            metric.to_string(),
            actor.map(str::to_string),
            region.map(str::to_string),
            fact.value.to_bits(),
        )
    };
    let dated: HashSet<_> = facts
        .iter()
        .filter(|f| f.period.is_some())
        .map(claim)
        .collect();
    facts.retain(|fact| fact.period.is_some() || !dated.contains(&claim(fact)));
}

/// The claims a document has made so far, to keep only the first of facts
/// that say the same (metric, actor, region, period and value). Claims are
/// kept as hashes, each with the index of a fact that made it, so that no
/// field is copied.
#[derive(Default)]
struct Claims {
    first_with_hash: HashMap<u64, usize>,
}

impl Claims {
    /// Records the claim of `fact`, about to be pushed onto `facts`; the
    /// index of the fact of `facts` that already makes it, if one does.
    fn insert(&mut self, facts: &[Fact], fact: &Fact) -> Result<(), usize> {
        let mut hasher = DefaultHasher::new();
        claim_of(fact).hash(&mut hasher);
        match self.first_with_hash.entry(hasher.finish()) {
            Entry::Vacant(slot) => {
                slot.insert(facts.len());
                Ok(())
            }
            // Another claim with the same hash is rare enough to look for
            // this one among all the facts.
            Entry::Occupied(first) => {
                if claim_of(&facts[*first.get()]) == claim_of(fact) {
                    return Err(*first.get());
                }
                match facts
                    .iter()
                    .position(|other| claim_of(other) == claim_of(fact))
                {
                    Some(made) => Err(made),
                    None => Ok(()),
                }
            }
        }
    }
}

type Claim<'a> = (
    (&'a str, Option<&'a str>, Option<&'a str>, Option<&'a str>),
    u64,
);

fn claim_of(fact: &Fact) -> Claim<'_> {
    (fact.quantity(), fact.value.to_bits())
}

/// Whether `gap`, between a time and a figure, opens a clause about that
/// time: ", when it seized ".
fn opens_a_when_clause(gap: &str) -> bool {
    let clause = gap.trim_start().trim_start_matches(',').trim_start();
    clause.len() <= 40
        && clause
            .get(..5)
            .is_some_and(|head| head.eq_ignore_ascii_case("when "))
        && !clause.contains([',', ';', '.'])
}

/// The moment `time` refers to: itself, or for "since November 2024" (a
/// span up to publication) where it starts, a month or a day.
fn reference_time(sentence: &str, time: &TimeMatch) -> TimeMatch {
    let text = &sentence[time.start..time.end];
    let since = text
        .get(..6)
        .is_some_and(|head| head.eq_ignore_ascii_case("since "));
    match time.value {
        TimeValue::Period(span) if since => {
            let start = span.start;
            let reference = if start.day() == 1 {
                Period::month(start.year(), start.month())
            } else {
                Some(Period::day(start))
            };
            TimeMatch {
                value: reference.map_or(time.value, TimeValue::Period),
                ..time.clone()
            }
        }
        _ => time.clone(),
    }
}

/// Whether a sentence opens by restating what the sentence before reported:
/// "That amounts to roughly 0.3% of Ukraine", "This is about 19%", "That's
/// equivalent to about 0.12% of Ukraine", "That sounds like a lot, but it's
/// only about 0.7% of Ukraine".
fn restates_previous_sentence(sentence: &str, figure: &Figure) -> bool {
    static RESTATING: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^\s*(?:[^.;]*?,\s*(?:but|and|yet|though)\s+)?(?:that|this|it|(?:the|these|those)\s+gains)(?:\s+figure|\s+area|\s+gain)?(?:['’]s|\s+(?:amounts?\s+to|amounted\s+to|is|was|represents|represented|equals|equalled|equaled|corresponds\s+to|equates\s+to|makes\s+up|made\s+up))(?:\s+(?:nonetheless|nevertheless|still|only|just|already))?(?:\s+(?:equivalent|equal)\s+to)?\s*$")
            .expect("valid pattern")
    });
    RESTATING.is_match(&sentence[..figure.number.start])
}

/// Whether an area in brackets gives the size of a place the sentence
/// compares with: "bigger than Portugal (~92k km²)", "about the size of
/// Belgium (30,700 km²)".
fn is_size_of_a_place_compared(sentence: &str, figure: &Figure) -> bool {
    static COMPARED_PLACE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?:\bthan|\bas|\bsize\s+of|\blike)\s+(?:the\s+)?[A-Z][\w'’ -]{1,30}\s*\(\s*[~≈]?\s*$",
        )
        .expect("valid pattern")
    });
    let lead_start = crate::text::floor_boundary(sentence, figure.number.start.saturating_sub(60));
    sentence[..figure.number.start].ends_with(['(', '~', '≈', ' '])
        && COMPARED_PLACE.is_match(&sentence[lead_start..figure.number.start])
}

/// Whether an area with no verb of its own is the size of a place its
/// clause names before "is": "The city of Paris is only about 105 square
/// kilometres", "Ukraine is about 603,000 km²" (not "The figure for
/// November was 701 km²", nor "That is about 600 km²", which restates).
fn states_a_size(sentence: &str, figure: &Figure) -> bool {
    let clause = figures::clause_around(sentence, figure.number.start);
    let lead = sentence[clause.start.min(figure.number.start)..figure.number.start].to_lowercase();
    let mut lead = lead.trim_end();
    while let Some(shorter) = [
        "only", "just", "roughly", "about", "around", "some", "nearly", "almost",
    ]
    .iter()
    .find_map(|hedge| lead.strip_suffix(hedge))
    .filter(|shorter| shorter.is_empty() || shorter.ends_with(' '))
    {
        lead = shorter.trim_end();
    }
    let Some(subject) = [" is", " are", " was", " were", " measures"]
        .iter()
        .find_map(|copula| lead.strip_suffix(copula))
    else {
        return false;
    };
    let subject = subject.trim();
    !subject.is_empty()
        && !subject.bytes().any(|b| b.is_ascii_digit())
        && !crate::text::contains_any_word(subject, NO_PLACE_OF_A_SIZE)
}

/// Words of a subject before "is" that is no place with a size: pronouns
/// and possessives refer to a figure before ("in October it was 421 km²",
/// "Our assessment is about 700"), and the rest name a figure or a holding.
#[rustfmt::skip]
const NO_PLACE_OF_A_SIZE: &[&str] = &[
    "that", "this", "these", "those", "it", "which", "our", "their", "its", "his", "her", "my",
    "your", "we", "they",
    "figure", "total", "tally", "number", "count", "gain", "gains", "advance", "area",
    "territory", "land", "share", "loss", "losses", "assessment", "estimate", "estimates",
    "result", "results", "pace", "rate",
    "bridgehead", "foothold", "pocket", "salient", "zone", "held", "occupied", "controlled",
];

/// Whether `text` names a pace of gains ("the pace had fallen to 203 km²",
/// "increased its gains to 500 km²"): what it moves to is still a gain, not a
/// level held.
fn names_a_pace(text: &str) -> bool {
    crate::text::contains_any_word(
        text,
        &[
            "pace",
            "rate",
            "gains",
            "advance",
            "advances",
            // "peaked in November at roughly 730 sq km, before slowing to 325"
            "slowing",
            "slowed",
            "accelerating",
            "accelerated",
        ],
    )
}

/// Whether `sentence` opens by saying it totals: "In total, …", "In all, …",
/// "Altogether, …".
fn opens_a_total(sentence: &str) -> bool {
    let head = sentence.trim_start();
    ["in total", "in all", "altogether", "all told"]
        .iter()
        .any(|opening| {
            head.get(..opening.len())
                .is_some_and(|start| start.eq_ignore_ascii_case(opening))
        })
}

/// The clause of `sentence` around byte `at` between the words that set
/// clauses against each other: ", while", ", whereas".
fn contrasted_clause(sentence: &str, at: usize) -> Range<usize> {
    const MARKS: [&str; 2] = [", while ", ", whereas "];
    // (Most sentences set no clauses against each other.)
    static OPENING: LazyLock<memchr::memmem::Finder<'static>> =
        LazyLock::new(|| memchr::memmem::Finder::new(", wh"));
    if OPENING.find(sentence.as_bytes()).is_none() {
        return 0..sentence.len();
    }
    let start = MARKS
        .iter()
        .filter_map(|mark| sentence[..at].rfind(mark).map(|found| found + mark.len()))
        .max()
        .unwrap_or(0);
    let end = MARKS
        .iter()
        .filter_map(|mark| sentence[at..].find(mark).map(|found| at + found))
        .min()
        .unwrap_or(sentence.len());
    start..end
}

/// Whether byte `at` of `sentence` is in a clause that ", which" or ",
/// where" opens, before any other comma (narrower than
/// [`attach::in_relative_clause`], which also takes "who" and "what" and is
/// asked of a figure's own time).
fn in_which_or_where_clause(sentence: &str, at: usize) -> bool {
    which_or_where_clause(sentence, at).is_some()
}

/// The clause that ", which" or ", where" opens around byte `at` of
/// `sentence`, to the next comma or semicolon (see
/// [`in_which_or_where_clause`]).
fn which_or_where_clause(sentence: &str, at: usize) -> Option<Range<usize>> {
    let before = &sentence[..at];
    let start = [", which ", ", where "]
        .iter()
        .filter_map(|opening| before.rfind(opening))
        .max()
        .filter(|&start| !before[start + 1..].contains([',', ';']))?;
    let end = sentence[at..]
        .find([',', ';'])
        .map_or(sentence.len(), |end| at + end);
    Some(start..end)
}

/// Whether `gap`, between two figures, says the first changed to the
/// second: "; by 1 March that had shrunk to", ", and as of 6 April to".
fn changes_to(gap: &str) -> bool {
    let gap = gap.trim_end();
    if !crate::text::ends_with_any_word(gap, &["to"]) {
        return false;
    }
    let elliptical = gap.trim_start().starts_with("and ") || gap.trim_start().starts_with(", and ");
    elliptical
        || crate::text::contains_any_word(
            gap,
            &[
                "shrunk",
                "shrank",
                "fell",
                "fallen",
                "dropped",
                "declined",
                "decreased",
                "reduced",
                "grew",
                "grown",
                "rose",
                "risen",
                "increased",
                "expanded",
            ],
        )
}

/// Verbs of a holding that grew: "expanded its foothold … to 1,300 km²" (the
/// level reached), "expanded its zone of control by 0.4% of Ukraine" (the
/// share gained).
const GROWTH_VERBS: &[&str] = &[
    "expanded",
    "grew",
    "increased",
    "extended",
    "widened",
    "enlarged",
];

/// Whether `gap` names a whole held, not a pace: "brought the total area
/// under its control to", "the territory it occupies to".
fn names_a_whole(gap: &str) -> bool {
    crate::text::contains_any_word(
        gap,
        &[
            "control",
            "total",
            "area",
            "territory",
            "held",
            "holds",
            "occupied",
            "occupies",
        ],
    )
}

/// How many bytes of `after`, the text after a figure, go to an apposition
/// and the modal verbs of the figure as subject, when there are modal verbs:
/// "some 139,000 sq km, nearly a quarter of the country, may still be
/// contaminated" leaves "contaminated". Copulas alone ("were less than")
/// are kept: they are the exclusions' own words.
fn past_modal_verbs(after: &str) -> usize {
    let mut rest = after;
    if let Some(inner) = rest.strip_prefix(", ") {
        if let Some(close) = inner.find(',').filter(|&close| close <= 60) {
            rest = &inner[close + 1..];
        }
    }
    // ("…, nearly a quarter of the country, may still be contaminated": the
    // apposition's own modal verbs after its closing comma.)
    rest = rest.trim_start().strip_prefix(',').unwrap_or(rest);
    let mut modal = false;
    loop {
        let trimmed = rest.trim_start();
        let word_end = trimmed
            .find(|c: char| !c.is_ascii_alphabetic())
            .unwrap_or(trimmed.len());
        let word = &trimmed[..word_end];
        let is_any = |words: &[&str]| words.iter().any(|w| word.eq_ignore_ascii_case(w));
        if is_any(&["may", "might", "could", "remain", "remains"]) {
            modal = true;
        } else if !is_any(&["be", "been", "have", "has", "still"]) {
            break;
        }
        rest = &trimmed[word_end..];
    }
    if modal {
        after.len() - rest.len()
    } else {
        0
    }
}

/// Whether `after`, the text right after a figure, opens with a modal verb
/// of what may yet happen: "could be launched", "will fall", "might reach".
fn names_what_may_happen(after: &str) -> bool {
    const MODALS: [&str; 7] = ["could", "would", "will", "might", "may", "shall", "must"];
    if is_said_possible(after) {
        return true;
    }
    let mut words = after.split_whitespace();
    // ("gains of 3,000 to 4,000 square kilometres by the end of the year
    // would not amount to a breakthrough": past the time it may happen by,
    // within its clause.)
    match words.next() {
        Some("by" | "within") => words
            .take(7)
            .take_while(|word| !word.ends_with([',', ';', '.']))
            .any(|word| MODALS.contains(&word)),
        Some(first) => MODALS.contains(&first) && words.next() != Some("not"),
        None => false,
    }
}

/// Whether the clause after a figure says it is possible, likely or
/// expected ("attacks of up to 1,000 drones in a single night are
/// possible"; not "… overnight and more strikes are expected").
fn is_said_possible(after: &str) -> bool {
    const SAID: [&str; 3] = ["possible", "likely", "expected"];
    // (Asked of every figure, most of which have none of the words near: a
    // cheaper test first.)
    static FINDERS: LazyLock<[memchr::memmem::Finder<'static>; 3]> =
        LazyLock::new(|| SAID.map(memchr::memmem::Finder::new));
    let near = &after[..crate::text::floor_boundary(after, after.len().min(96))];
    if !FINDERS
        .iter()
        .any(|word| word.find(near.as_bytes()).is_some())
    {
        return false;
    }
    let clause: Vec<&str> = near
        .split_whitespace()
        .take(9)
        .take_while(|word| !matches!(*word, "and" | "but" | "while" | "as" | "after" | "when"))
        .scan(false, |ended, word| {
            let this = (!*ended).then_some(word);
            *ended = word.ends_with([',', ';', '.', ':']);
            this
        })
        .collect();
    clause.windows(2).any(|pair| {
        matches!(pair[0], "is" | "are")
            && SAID.contains(&pair[1].trim_end_matches([',', ';', '.', ':']))
    })
}

/// How many days before the clause it opens the gap's "a day after", "two
/// days after" puts what follows ("…, a day after Moscow launched 728").
fn days_after(gap: &str) -> Option<u64> {
    if !gap.contains(" after") {
        return None;
    }
    static DAYS_AFTER: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)\b(a|one|the|two|three|\d)\s+days?\s+after\b").expect("valid pattern")
    });
    let count = DAYS_AFTER.captures(gap)?;
    match count[1].to_ascii_lowercase().as_str() {
        "a" | "one" | "the" => Some(1),
        "two" => Some(2),
        "three" => Some(3),
        digit => digit.parse().ok(),
    }
}

/// Whether the figure at `start` is preceded by "all" ("all 31 missiles",
/// "all of the 22 drones").
fn says_all(sentence: &str, start: usize) -> bool {
    let lead = crate::text::lower_window(sentence, start, 16);
    crate::text::ends_with_any_word(&lead, &["all", "all the", "all of the"])
}

/// Whether `after`, the text after a time, opens with "of that year", "of
/// the same year", "that year": the time is in the year talked about before.
fn of_that_year(after: &str) -> bool {
    let head = &after[..crate::text::floor_boundary(after, after.len().min(20))];
    if !head.contains("year") {
        return false;
    }
    let words = crate::text::next_words(after, 4);
    let words: Vec<&str> = words.iter().map(|word| word.as_ref()).collect();
    let words = words.strip_prefix(&["of"]).unwrap_or(&words);
    matches!(words, ["that", "year", ..] | ["the", "same", "year", ..])
}

/// Whether the words right before a figure deny it: "Russia did not seize
/// 5,000 sq km", "has never shot down 1,000 drones in a night", "4,168 sq
/// km, not 4,618" (the figure a correction replaces). "Not all 500 drones",
/// "not only 300" and "not less than 500" deny nothing.
fn is_denied(lexicon: &Lexicon, before: &str) -> bool {
    // The negation (lexicon `negations`) and at most two words after it.
    let Some(negation) = lexicon.negations.find_all(before).last().copied() else {
        return false;
    };
    let words: Vec<&str> = before[negation.end..]
        .split_whitespace()
        .map(|word| word.trim_matches(|c: char| !c.is_alphanumeric()))
        .collect();
    words.len() <= 2
        && words.iter().all(|word| {
            word.chars().all(char::is_alphabetic)
                && !matches!(
                    word.to_ascii_lowercase().as_str(),
                    "all"
                        | "only"
                        | "just"
                        | "even"
                        | "including"
                        | "counting"
                        | "less"
                        | "more"
                        | "fewer"
                        | "quite"
                        | "yet"
                        | "far"
                        | "least"
                        | "since"
                        | "until"
                        | "before"
                        | "after"
                        | "without"
                        | "exceed"
                        | "exceeding"
                        | "below"
                        | "above"
                )
        })
}

/// Whether `sentence` opens by calling the claim before it false: "That
/// claim is false", "The claim is false:", "Such reports are fake", "This is
/// not true" (lexicon `verdicts`).
fn calls_the_claim_before_false(lexicon: &Lexicon, sentence: &str) -> bool {
    // ("A: That's a fairy tale.": past a transcript's speaker label.)
    let sentence = past_speaker_label(sentence);
    // ("Nonsense: not a single one got through": a verdict alone, first.)
    let verdict_alone = lexicon
        .verdicts
        .match_prefix(sentence)
        .is_some_and(|verdict| sentence[..verdict.end].ends_with(':'));
    if verdict_alone {
        return true;
    }
    let words = crate::text::next_words(sentence, 2);
    let (Some(first), Some(second)) = (words.first(), words.get(1)) else {
        return false;
    };
    let names_the_claim = matches!(
        first.as_ref(),
        "the" | "that" | "this" | "these" | "those" | "such"
    ) && (matches!(
        second.as_ref(),
        "claim"
            | "claims"
            | "report"
            | "reports"
            | "figure"
            | "figures"
            | "assertion"
            | "statement"
    ) || matches!(first.as_ref(), "this" | "that")
        && matches!(second.as_ref(), "is" | "was"))
        || matches!(first.as_ref(), "that's" | "that’s");
    names_the_claim
        && lexicon
            .verdicts
            .find_all(sentence)
            .first()
            .is_some_and(|verdict| verdict.start <= 40)
}

/// `sentence` past a transcript's speaker label in capitals ("A: ", "Q: ",
/// "SYRSKYI: ").
fn past_speaker_label(sentence: &str) -> &str {
    match sentence.split_once(':') {
        Some((label, rest))
            if !label.is_empty()
                && label.len() <= 24
                && label
                    .chars()
                    .all(|c| c.is_ascii_uppercase() || matches!(c, ' ' | '.' | '-')) =>
        {
            rest.trim_start()
        }
        _ => sentence,
    }
}

/// Whether `sentence` reports a claim as a claim: "A post shared widely on X
/// claimed that Russian forces had 'swallowed 2,000 square kilometres'".
fn reports_a_claim(sentence: &str) -> bool {
    [
        "claim", "claims", "claimed", "claiming", "post", "posts", "rumour", "rumor", "alleged",
        "viral",
    ]
    .iter()
    .any(|word| crate::text::contains_word(sentence, word))
}

/// Whether the sentence calls the claim a figure is part of false (lexicon
/// `verdicts`): "A viral post claiming Russia seized 5,000 sq km in a week
/// is false", "claims that Ukraine shot down 1,000 drones on Saturday are
/// fabricated", "It is not true that Russia took 5,000 sq km".
fn is_called_false(lexicon: &Lexicon, sentence: &str, figure: &Figure) -> bool {
    let verdicts = lexicon.verdicts.find_all(sentence);
    if verdicts.is_empty() {
        return false;
    }
    // The claim is the clause the figure is in, up to its predicate.
    let claim_start = sentence[..figure.number.start]
        .rfind([';', ':'])
        .map_or(0, |at| at + 1);
    let subject = &sentence[claim_start..figure.number.start];
    let names_a_claim = |text: &str| {
        CLAIM_NOUNS
            .iter()
            .any(|noun| crate::text::contains_word(text, noun))
    };
    // ("It is not true that …", "dismissed as false a Russian claim that
    // …": the verdict before, ending in "that" or followed by the claim.)
    let verdict_before = verdicts.iter().any(|verdict| {
        verdict.start >= claim_start && verdict.end <= figure.number.start && {
            let between = &sentence[verdict.end..figure.number.start];
            sentence[..verdict.end].ends_with("that")
                || crate::text::next_words(between, 1)
                    .first()
                    .is_some_and(|w| w == "that")
                || names_a_claim(between)
        }
    });
    const CLAIM_NOUNS: &[&str] = &[
        "claim",
        "claims",
        "claimed",
        "claiming",
        "figure",
        "post",
        "posts",
        "rumour",
        "rumours",
        "rumor",
        "rumors",
        "video",
        "videos",
        "allegation",
        "allegations",
        "assertion",
        "information",
        "report",
        "reports",
    ];
    // ("… had 'liberated' 1,500 square kilometers in October, a claim ISW
    // assesses to be false", "…, a figure monitors dismissed as false": the
    // claim named in apposition, after it.)
    verdict_before
        || verdicts.iter().any(|verdict| {
            verdict.start >= figure.end
                && (names_a_claim(subject) || names_a_claim(&sentence[figure.end..verdict.start]))
        })
}

/// Whether `text` says that a side lost a tally of things: "lost" as the verb
/// of a subject, its object a number ("the enemy lost 1,040 personnel",
/// "Russia has lost up to 1,345"), not the passive of the air force's tally
/// ("11 drones were locationally lost, and 30 …") nor another loss ("Kyiv
/// lost power as Russia launched 600 drones"). Only the last clause counts:
/// in "Ukraine lost contact with 20 drones, while air defences shot down 30",
/// the 30 are no loss.
fn someone_lost(text: &str) -> bool {
    let lower = text.to_lowercase();
    let clause_start = [";", " while ", " whereas ", " but "]
        .iter()
        .filter_map(|mark| lower.rfind(mark))
        .max()
        .unwrap_or(0);
    let words: Vec<&str> = lower[clause_start..]
        .split(|c: char| !c.is_alphanumeric() && c != '\'')
        .filter(|w| !w.is_empty())
        .collect();
    words.iter().enumerate().any(|(at, word)| {
        *word == "lost"
            && at
                .checked_sub(1)
                .and_then(|before| words.get(before))
                .is_some_and(|before| {
                    !matches!(
                        *before,
                        "was" | "were" | "been" | "being" | "be" | "is" | "are" | "locationally"
                    )
                })
            // (Nothing after "lost": the figure itself is its object.)
            && words.get(at + 1).is_none_or(|object| {
                object.starts_with(|c: char| c.is_ascii_digit())
                    || matches!(
                        *object,
                        "up" | "about" | "around" | "over" | "more" | "nearly" | "almost" | "a"
                    )
            })
    })
}

/// A holding is read at a point in time: "18.8% at the start of the year" is
/// its first month, "at the end of 2024" its last ("by the end of November"
/// is November, not its last ten days), and a span up to or through
/// publication ("since January, bringing the total to 19.3%", "this year")
/// its day (a span of months would leave the monthly series).
fn holding_moment(
    sentence: &str,
    time: &TimeMatch,
    span: Period,
    publication: Option<NaiveDate>,
) -> Option<Period> {
    if Some(span.end) == publication {
        return Some(Period::day(span.end));
    }
    let words = sentence[time.start..time.end].to_ascii_lowercase();
    let names = |edges: &[&str]| {
        edges
            .iter()
            .any(|edge| crate::text::contains_word(&words, edge))
    };
    // A holding is a level on a day: "at the end of February" is its last
    // day, "at the start of 2025" its first; "early" and "late" name no day.
    if names(&["start", "beginning"]) {
        Period::month(span.start.year(), span.start.month()).map(|month| Period::day(month.start))
    } else if names(&["end", "close"]) {
        Some(Period::day(span.end))
    } else if names(&["early"]) {
        Period::month(span.start.year(), span.start.month())
    } else if names(&["late"]) {
        Period::month(span.end.year(), span.end.month())
    } else {
        // "This year Russia's share rose to 19.4%": a span longer than a
        // month still running at publication holds as of that day ("by
        // January it held about 500 km²" stays January's).
        publication
            .filter(|day| !span.is_month() && span.start <= *day && *day <= span.end)
            .map(Period::day)
    }
}

/// Whether a share figure is what was gained over a period rather than what
/// is held: a gain word before it and a period longer than a day ("Russia's
/// gains this year amount to 0.7%"; "said on Monday that Russian forces had
/// captured 100% of the region" is held).
fn is_share_gained(sentence: &str, figure: &Figure, period: Option<Period>) -> bool {
    let over_a_period = period.is_some_and(|p| p.days() > 1);
    // ("has occupied an additional 0.6% of Ukraine's territory since January")
    if over_a_period && figures::is_increment_of_a_share(sentence, &figure.number) {
        return true;
    }
    let clause = figures::clause_around(sentence, figure.number.start);
    let before = &sentence[clause.start.min(figure.number.start)..figure.number.start];
    // ("• 0.12% of Ukraine's territory gained last month": the participle
    // after the share.)
    let after = crate::text::next_words(&sentence[figure.end..], 1);
    let gained_after = after
        .first()
        .is_some_and(|word| matches!(&**word, "gained" | "taken" | "captured" | "seized"));
    // ("expanded its zone of control by 0.4% of Ukraine's territory")
    let grown_by = crate::text::ends_with_any_word(before, &["by"])
        && crate::text::contains_any_word(before, GROWTH_VERBS);
    let gained = gained_after
        || grown_by
        || [
            "seized",
            "gained",
            "gains",
            "captured",
            "took",
            "taken",
            "added",
            "won",
            "advanced",
            "grabbed",
            "conquered",
            "gain",
        ]
        .iter()
        .any(|word| crate::text::contains_word(before, word));
    over_a_period && gained
}

/// The dashes that set a label off from its number in a list line.
const DASH: char = '–';
const EM_DASH: char = '—';

/// `line` past the bullet of a list line ("- ", "• ", "— ").
pub(crate) fn past_bullet(line: &str) -> &str {
    line.trim_start_matches(|c: char| {
        c.is_whitespace() || matches!(c, '-' | '•' | '*' | DASH | EM_DASH)
    })
}

/// Whether `sentence` is a list line that starts with its number, after
/// any bullet: "45 – over the territory of the Bryansk region,".
fn starts_a_list_line_with_a_number(sentence: &str) -> bool {
    past_bullet(sentence).starts_with(|c: char| c.is_ascii_digit())
}

/// Places a gain is counted in: "liberated 189 settlements with a total
/// area of 4,500 sq km".
const PLACES_TAKEN: &[&str] = &[
    "settlements",
    "villages",
    "localities",
    "towns",
    "populated areas",
    "hamlets",
    "settlement",
    "village",
    "locality",
];

/// Where a count of places ends in the words shortly before an area ("189
/// settlements" in "liberated 189 settlements with a total area of"): the
/// size words after it ("total area of", "covering") measure the places
/// taken, which is the ground gained, not some other land.
fn end_of_places_taken(before: &str) -> Option<usize> {
    const NEAR: usize = 60;
    let from = crate::text::floor_boundary(before, before.len().saturating_sub(NEAR));
    let lower = before[from..].to_ascii_lowercase();
    let is_word_byte = |at: usize| {
        lower
            .as_bytes()
            .get(at)
            .is_some_and(u8::is_ascii_alphanumeric)
    };
    PLACES_TAKEN
        .iter()
        .filter_map(|word| {
            lower
                .match_indices(word)
                .map(|(at, _)| (at, at + word.len()))
                .filter(|&(at, end)| (at == 0 || !is_word_byte(at - 1)) && !is_word_byte(end))
                .last()
                .map(|(_, end)| from + end)
        })
        .max()
}

/// Words that make a figure everything so far: "in total, Russia has
/// captured 116,000 km²".
const TOTAL_MARKERS: &[&str] = &["in total", "overall", "altogether", "in all", "all told"];

/// Whether an undated area gained is everything gained so far, that is, what
/// is held: the gain word in the present perfect ("has occupied", "have now
/// captured"), and the sentence says it is a total or the area is "of
/// Ukraine". "Russian forces have captured 500 km²" alone stays a gain of the
/// period the text is about.
fn is_total_so_far(lexicon: &Lexicon, sentence: &str, figure: &Figure, cue: Option<usize>) -> bool {
    let Some(cue) = cue.filter(|&at| at <= figure.number.start) else {
        return false;
    };
    let before_cue = crate::text::lower_window(sentence, cue, 32);
    let words: Vec<&str> = before_cue.split_whitespace().rev().take(3).collect();
    let auxiliary = |at: usize| words.get(at).is_some_and(|w| *w == "has" || *w == "have");
    let adverb = |at: usize| {
        words
            .get(at)
            .is_some_and(|w| ["now", "already", "reportedly", "thus"].contains(w))
    };
    let so_far = words.first() == Some(&"far") && words.get(1) == Some(&"so");
    let perfect = auxiliary(0) || (adverb(0) && auxiliary(1)) || (so_far && auxiliary(2));
    if !perfect {
        return false;
    }
    let of_the_country = lexicon
        .objects
        .match_prefix(sentence[figure.end..].trim_start())
        .is_some();
    of_the_country
        || TOTAL_MARKERS
            .iter()
            .any(|marker| crate::text::contains_word(sentence, marker))
}

/// Words right before a number that make it the size of a change.
const CHANGE_AMOUNT_BEFORE: &[&str] = &[
    "increase of",
    "rise of",
    "decrease of",
    "drop of",
    "fall of",
    "jump of",
    "reduction of",
    "decline of",
    "growth of",
    "up by",
    "down by",
    "rose by",
    "fell by",
    "increased by",
    "decreased by",
    "dropped by",
    "grew by",
    "declined by",
];

/// The longest sentence a place named before it is carried into.
const MAX_CONTEXT_SENTENCE: usize = 2_000;

/// What one sentence yielded.
struct SentenceOutcome {
    facts: Vec<Fact>,
    /// A reported change with no figure in its sentence: it qualifies the last
    /// figure of the sentence before.
    unattached_change: Option<f64>,
}

/// A speaker's turn of a transcript, from its label ("ZELENSKY:", "Q:") on.
struct Turn {
    start: usize,
    /// The side the label names, if any.
    speaker: Option<String>,
}

/// The state of reading one document: its sentences and the lazily computed
/// context of each.
struct DocumentPass<'a> {
    lexicon: &'a Lexicon,
    document: &'a Document,
    sentences: Vec<Range<usize>>,
    /// Time expressions of each sentence, once computed.
    times: Vec<Option<Vec<TimeMatch>>>,
    /// Main period of each sentence, once computed (`Some(None)`: it has none).
    main_periods: Vec<Option<Option<Period>>>,
    /// Last month-long period named in each sentence, once computed.
    month_periods: Vec<Option<Option<Period>>>,
    /// Last actor (not a place) named in each sentence, once computed.
    actors: Vec<Option<Option<String>>>,
    /// The sentences that gave a fact of weapons launched or downed, in
    /// order, with who launched them.
    launchers: Vec<(usize, String)>,
    /// Lines that are only a date ("1 Dec 2025 19.40 GMT", a live blog's
    /// entry), with their sentence index: relative times after one count
    /// from it, not from the publication date.
    time_stamps: Vec<(usize, NaiveDate)>,
    timeline_entries: Vec<TimelineEntry>,
    /// The sentence being read.
    reading: usize,
    /// [`DocumentPass::enemy_of_document`], once looked for.
    document_enemy: Option<Option<String>>,
    /// Where each speaker's turn of a transcript starts, and the side of its
    /// speaker ("ZELENSKY:"; none for "Q:"), once looked for.
    turns: Option<Vec<Turn>>,
    /// The previous answer of each context look-up.
    last_context_period: Memo<Period>,
    last_context_month: Memo<Period>,
    last_context_actor: Memo<String>,
    last_context_launcher: Memo<String>,
    unresolved: usize,
}

/// The previous answer of one context look-up: the sentence it was asked for,
/// and what the walk back from there found.
type Memo<T> = Option<(usize, Option<T>)>;

impl<'a> DocumentPass<'a> {
    fn new(lexicon: &'a Lexicon, document: &'a Document) -> DocumentPass<'a> {
        let sentences: Vec<Range<usize>> = split_sentences(&document.text).collect();
        let count = sentences.len();
        let time_stamps = time_stamps(&document.text, &sentences, document.date);
        let timeline_entries = timeline_entries(&document.text, &sentences, document.date);
        DocumentPass {
            lexicon,
            document,
            sentences,
            time_stamps,
            timeline_entries,
            reading: 0,
            document_enemy: None,
            turns: None,
            times: vec![None; count],
            main_periods: vec![None; count],
            month_periods: vec![None; count],
            actors: vec![None; count],
            launchers: Vec::new(),
            last_context_period: None,
            last_context_month: None,
            last_context_actor: None,
            last_context_launcher: None,
            unresolved: 0,
        }
    }

    /// The opponent of the side the document's sources speak for, when they
    /// all speak for one (lexicon `voices`), or of the side that speaks when
    /// none is named (`speaks_when_unnamed`); looked for once.
    fn enemy_of_document(&mut self) -> Option<String> {
        let lexicon = self.lexicon;
        let text = &self.document.text;
        self.document_enemy
            .get_or_insert_with(|| {
                let mut sides = lexicon
                    .voices
                    .find_all(text)
                    .into_iter()
                    .map(|hit| hit.payload);
                let side = match sides.next() {
                    Some(side) => side,
                    None => lexicon.unnamed_voice?,
                };
                if sides.any(|other| other != side) {
                    return None;
                }
                lexicon.actors[side].opponent.clone()
            })
            .clone()
    }

    /// Whether the text at `position` is in a questioner's turn of a
    /// transcript ("Q: Some reports put Russia's gains at over 1,000 km²"):
    /// figures a question cites are not asserted. The turn is the line's,
    /// up to an answer's label in it ("Q: What happened? A: It said …").
    fn in_questioners_turn(&self, position: usize) -> bool {
        let text = &self.document.text;
        let line_start =
            memchr::memrchr(b'\n', &text.as_bytes()[..position]).map_or(0, |at| at + 1);
        let line = text[line_start..].trim_start();
        // ("Q:", "QUESTION:", "Reader question: \"…?\" Answer: …")
        let asks = [
            "q:",
            "q.:",
            "question:",
            "questioner:",
            "reader question:",
            "reader's question:",
            "your question:",
        ]
        .iter()
        .any(|label| {
            line.get(..label.len())
                .is_some_and(|head| head.eq_ignore_ascii_case(label))
        });
        if !asks {
            return false;
        }
        let line_end = memchr::memchr(b'\n', &text.as_bytes()[position..])
            .map_or(text.len(), |at| position + at);
        let line = &text[line_start..line_end];
        let answered = |label: &str| {
            line.match_indices(label)
                .any(|(at, _)| at > 0 && line_start + at < position && line[..at].ends_with(' '))
        };
        !["A:", "A.:", "ANSWER:", "Answer:"]
            .into_iter()
            .any(answered)
    }

    /// The side of who is quoted at byte `at` of sentence `index`, named
    /// after the quotation ("“… under the control of our forces,” Denis
    /// Pushilin told …") or before it ("Syrskyi said: “…”").
    fn quote_speaker(&self, index: usize, at: usize) -> Option<String> {
        let sentence = self.sentence(index);
        let opening = sentence[..at].rfind(['“', '"'])?;
        if sentence[opening..at].contains('”') {
            return None;
        }
        let after_opening = opening + sentence[opening..].chars().next()?.len_utf8();
        let closing = after_opening + sentence[after_opening..].find(['”', '"'])?;
        if closing < at {
            return None;
        }
        let attributions = [&sentence[closing..], &sentence[..opening]];
        attributions.iter().find_map(|attribution| {
            let lexicon = self.lexicon;
            let side = lexicon
                .actor_names
                .find_all(attribution)
                .first()
                .or(lexicon.voices.find_all(attribution).first())
                .map(|hit| hit.payload)?;
            Some(lexicon.actors[side].name.clone())
        })
    }

    /// The side of who speaks at byte `at` of sentence `index`: the
    /// speaker of a transcript's turn, else the person quoted.
    fn speaker_at(&mut self, index: usize, at: usize) -> Option<String> {
        let position = self.sentences[index].start + at;
        self.turn_speaker(position)
            .or_else(|| self.quote_speaker(index, at))
    }

    /// The side of the speaker whose turn of a transcript the text at
    /// `position` is in: "ZELENSKY: … Seven hundred twenty-eight drones" is
    /// Zelensky speaking until the next label ("Q:").
    fn turn_speaker(&mut self, position: usize) -> Option<String> {
        static LABEL: LazyLock<Regex> = LazyLock::new(|| {
            // Labels are written in capitals ("ZELENSKY:", "Q:"), perhaps
            // with a note ("ZELENSKY (via interpreter):"); a line "Russia's
            // glide bombs: the numbers" is a heading.
            Regex::new(
                r"(?m)^[ \t]*([A-Z][A-Z.'’ -]{0,40}?)(?:[ \t]*\([^)\n]{0,40}\))?[ \t]*:[ \t]",
            )
            .expect("valid pattern")
        });
        let lexicon = self.lexicon;
        let text = &self.document.text;
        let turns = self.turns.get_or_insert_with(|| {
            LABEL
                .captures_iter(text)
                .filter_map(|caps| {
                    let label = caps.get(1)?;
                    let speaker = (label.as_str().split_whitespace().count() <= 4)
                        .then(|| lexicon.actor_names.find_all(label.as_str()).last().copied())
                        .flatten()
                        .map(|hit| lexicon.actors[hit.payload].name.clone());
                    Some(Turn {
                        start: label.start(),
                        speaker,
                    })
                })
                .collect()
        });
        let before = turns.partition_point(|turn| turn.start < position);
        turns[..before].last()?.speaker.clone()
    }

    /// Whether sentence `index` asks rather than says, and so claims none
    /// of its figures: it ends with a question mark ("Did Russia really
    /// fire 1,000 drones in one night?", "They've taken, what, 2,350 square
    /// miles this year?"), or a questioner asks it.
    fn is_question(&self, index: usize) -> bool {
        let sentence = self.sentence(index);
        let asks = sentence
            .trim_end()
            .trim_end_matches(['"', '”', '’', '\'', ')'])
            .ends_with('?');
        // ("Why did Russia launch 800 drones on Sunday?" takes its figures
        // for granted.)
        let presumes = || {
            crate::text::next_words(past_label(sentence), 1)
                .first()
                .is_some_and(|word| matches!(&**word, "why" | "how" | "what" | "when" | "where"))
        };
        asks && !presumes()
            // (A sentence may start at the label of its turn.)
            || self.in_questioners_turn(self.sentences[index].start + 1)
    }

    /// Whether sentence `index` is the claim a fact-check checks: "Claim:
    /// Russia captured 2,000 km² in March. Verdict: False." Its figures are
    /// no facts unless the verdict after it finds them true.
    fn is_claim_under_check(&self, index: usize) -> bool {
        let labelled = |index: usize, names: &[&str]| {
            let line = past_bullet(self.sentence(index));
            // (A label is short: the colon is looked for near the start.)
            let colon = memchr::memchr(b':', &line.as_bytes()[..line.len().min(96)])?;
            let (label, said) = (&line[..colon], &line[colon + 1..]);
            // ("Claim (Gerasimov, November 20):": past who made it.)
            let label = label.split('(').next().unwrap_or(label);
            let words = crate::text::next_words(label, 4);
            let names_it =
                words.len() <= 3 && words.last().is_some_and(|word| names.contains(&&**word));
            names_it.then_some(said)
        };
        if labelled(index, &["claim", "claims"]).is_none() {
            return false;
        }
        let verdict = (index + 1..self.sentences.len().min(index + 4))
            .find_map(|later| labelled(later, &["verdict", "rating"]));
        !verdict.is_some_and(|said| {
            let said = said.trim_start().to_ascii_lowercase();
            ["true", "correct", "accurate", "mostly true"]
                .iter()
                .any(|finding| said.starts_with(finding))
        })
    }

    /// The date relative times count from in the sentence being read.
    fn anchor(&self) -> Option<NaiveDate> {
        self.anchor_for(self.reading)
    }

    /// The caption of the list sentence `index` is an item of: the line
    /// before its items that ends with a colon.
    fn list_caption(&self, index: usize) -> Option<&str> {
        let is_item = |i: usize| {
            let line = self.sentence(i);
            past_bullet(line).len() < line.len()
        };
        if !is_item(index) {
            return None;
        }
        let caption = (index.saturating_sub(12)..index)
            .rev()
            .find(|&i| !is_item(i))?;
        let caption = self.sentence(caption);
        caption.trim_end().ends_with(':').then_some(caption)
    }

    /// The one region the caption of a list names, when sentence `index`
    /// is an item of the list: "Over the past day, the occupiers struck the
    /// Kharkiv region with:" above "- 14 Shahed-type UAVs;".
    fn region_of_list_caption(&self, index: usize) -> Option<String> {
        let caption = self.list_caption(index)?;
        let regions = self.lexicon.region_names.find_all(caption);
        let first = regions.first()?;
        regions
            .iter()
            .all(|other| other.payload == first.payload)
            .then(|| self.lexicon.regions[first.payload].clone())
    }

    /// The timeline entry sentence `index` is in, if it is in one.
    fn timeline_entry_of(&self, index: usize) -> Option<&TimelineEntry> {
        let entries_from_before = self
            .timeline_entries
            .partition_point(|entry| entry.sentences.start <= index);
        let entry = &self.timeline_entries[entries_from_before.checked_sub(1)?];
        entry.sentences.contains(&index).then_some(entry)
    }

    /// The date relative times count from in sentence `index`: the date of
    /// the timeline entry it is in, else the last time stamp before it, else
    /// the publication date.
    fn anchor_for(&self, index: usize) -> Option<NaiveDate> {
        if let Some(entry) = self.timeline_entry_of(index) {
            if entry.period.start == entry.period.end {
                return Some(entry.period.start);
            }
        }
        let stamped_before = self.time_stamps.partition_point(|(at, _)| *at < index);
        match stamped_before.checked_sub(1) {
            Some(last) => Some(self.time_stamps[last].1),
            None => self.document.date,
        }
    }

    fn sentence(&self, index: usize) -> &'a str {
        &self.document.text[self.sentences[index].clone()]
    }

    /// Sentence `index` when it ends with a question mark, of any kind
    /// ("What happened in …?" too, which [`Self::is_question`] reads as
    /// asserting its figures): the question an answer after it takes its
    /// subject from.
    fn question_at(&self, index: usize) -> Option<&'a str> {
        let sentence = self.sentence(index);
        sentence.trim_end().ends_with('?').then_some(sentence)
    }

    /// Whether sentence `index` is worth reading: it has a trigger word and
    /// a number, or follows a sentence that gave facts (a change in words,
    /// "That is double the October figure", qualifies them). Most sentences
    /// have no number, and the check for one is the cheaper.
    fn is_candidate(&self, index: usize, previous_fact: Option<&Fact>) -> bool {
        let sentence = self.sentence(index);
        let Some(previous_fact) = previous_fact else {
            return crate::number::may_hold_number(sentence)
                && (self.lexicon.triggers.is_match(sentence) || self.answers_how_many(index))
                && !self.is_undated_link(sentence);
        };
        if self.is_undated_link(sentence) {
            return false;
        }
        // "Of these, 27 were over the Kursk region, 15 over …": parts of the
        // figure before, named by no word of their own.
        // ("ISW … counted 311": another source's figure for it; "Over
        // Bryansk region: 95": a region's part of it.)
        self.lexicon.triggers.is_match(sentence)
            || crate::number::may_hold_number(sentence)
                && (figures::starts_with_part_pronoun(sentence)
                // ("About 500 of them were over Moscow region")
                || [" of them", " of these", " of those"].iter().any(|part| sentence.contains(part))
                || figures::names_another_estimate(sentence)
                // ("In August the figure had been 4,300.")
                || figures::names_a_total(sentence)
                || figures::corresponding_figures(sentence, 0).is_some()
                || figures::compares_the_figure_before(sentence)
                // ("The month before, they had taken some 556.": an area's.)
                || previous_fact.unit != Measure::Count.stored_unit()
                    && sentence
                        .trim_end_matches(['.', '!', ' ', '\n'])
                        .ends_with(|c: char| c.is_ascii_digit())
                || (sentence.contains(':') || starts_a_list_line_with_a_number(sentence))
                    && self.lexicon.region_names.is_match(sentence))
    }

    /// Whether `sentence` is a link to another story with no time of its
    /// own: "Related: Russia launches 267 drones at Ukraine in record attack".
    fn is_undated_link(&self, sentence: &str) -> bool {
        // (Every label ends with a colon; most sentences have none.)
        if !sentence.contains(':') {
            return false;
        }
        let line = past_bullet(sentence).trim_start();
        self.lexicon.links.match_prefix(line).is_some()
            && find_time_expressions(line, self.document.date).is_empty()
    }

    /// Time expressions of sentence `index` outside its asides, once
    /// computed: a sentence is read for its own figures and again as the
    /// context of later ones.
    fn times_of(&mut self, index: usize) -> Vec<TimeMatch> {
        if let Some(cached) = &self.times[index] {
            return cached.clone();
        }
        let sentence = self.sentence(index);
        let asides = self.asides_of(index);
        let anchor = self.anchor_for(index);
        let mut times: Vec<TimeMatch> = find_time_expressions(sentence, anchor)
            .into_iter()
            .filter(|t| !asides.iter().any(|a| a.contains(&t.start)))
            .collect();
        // "Weekly sitrep, 10–16 March 2025: Over the past week, Russia
        // launched …": the week of the label.
        let labelled_week = times.iter().find_map(|t| match t.value {
            TimeValue::Period(week)
                if (5..=8).contains(&week.days()) && sentence[t.end..].starts_with(':') =>
            {
                Some((t.end, week))
            }
            _ => None,
        });
        if let Some((label_end, week)) = labelled_week {
            for time in times.iter_mut().filter(|t| t.start > label_end) {
                let said = &sentence[time.start..time.end];
                if names_the_week_before(said) || names_the_past_week(said) {
                    time.value = TimeValue::Period(week);
                }
            }
        }
        // "From 24 to 30 August, … During the week, air defence shot down
        // 384 drones": "the week" is the one just named, not the seven days
        // to publication.
        for time in &mut times {
            if names_the_week_before(&sentence[time.start..time.end]) {
                if let Some(week) = self.week_named_before(index) {
                    time.value = TimeValue::Period(week);
                }
            }
            // "By the end of 2025 … over the course of the year it captured
            // 5,600 km²": the year the text is about, or no time at all.
            if names_the_year_of_the_text(&sentence[time.start..time.end]) {
                time.value = match self.year_named_before(index).and_then(Period::year) {
                    Some(year) => TimeValue::Period(year),
                    None => TimeValue::Unresolved,
                };
            }
            // "In 2014 … That March, when Moscow annexed Crimea": the month
            // of the year the text is about.
            if let Some(month) = month_of_that(&sentence[..time.end], time.start) {
                if let Some(year) = self.year_named_before(index) {
                    if let Some(period) = Period::month(year, month) {
                        time.value = TimeValue::Period(period);
                    }
                }
            }
        }
        // ("more than 5,100 drones so far in July", "This year, Russian
        // troops have liberated …", written on 28 July: the running period,
        // up to the day of writing; "in 2024" written in December is the
        // year.)
        if let Some(written) = anchor {
            for time in &mut times {
                let TimeValue::Period(span) = time.value else {
                    continue;
                };
                if span.start <= written
                    && written < span.end
                    && is_running(sentence, time.start, time.end)
                {
                    time.value = TimeValue::Period(Period::new(span.start, written));
                }
            }
        }
        // "01.11: Russia attacks with 135 drones": the date of a timeline
        // entry's label, where no time expression reads it.
        if let Some(entry) = self.timeline_entry_of(index) {
            let label = entry.label.clone();
            if entry.sentences.start == index && !times.iter().any(|t| t.start < label.end) {
                times.insert(
                    0,
                    TimeMatch {
                        start: label.start,
                        end: label.end,
                        value: TimeValue::Period(entry.period),
                    },
                );
            }
        }
        self.times[index] = Some(times.clone());
        times
    }

    /// The year of the period one of the five sentences before `index` is
    /// about, when that period lies within one year.
    fn year_named_before(&mut self, index: usize) -> Option<i32> {
        (index.saturating_sub(5)..index)
            .rev()
            .find_map(|before| self.main_period_of(before))
            .filter(|period| period.start.year() == period.end.year())
            .map(|period| period.start.year())
    }

    /// A week (five to eight days) named by one of the six sentences before
    /// `index`, as what that sentence is about: the nearest such ("Weekly
    /// Brief: 30 June – 6 July 2025 … overnight on 4 July … Over the week,
    /// Russia launched …").
    fn week_named_before(&mut self, index: usize) -> Option<Period> {
        (index.saturating_sub(6)..index)
            .rev()
            .filter_map(|before| self.main_period_of(before))
            .find(|period| (5..=8).contains(&period.days()))
    }

    /// Byte ranges of the "excluding …" asides of sentence `index`, to the
    /// end of their clause.
    fn asides_of(&self, index: usize) -> Vec<Range<usize>> {
        let sentence = self.sentence(index);
        self.lexicon
            .asides
            .find_all(sentence)
            .into_iter()
            .map(|hit| {
                let end = figures::clause_around(sentence, hit.end).end;
                hit.start..end
            })
            .collect()
    }

    /// The weapon nouns named in sentence `index`.
    fn nouns_of(&self, index: usize) -> Vec<PhraseHit> {
        self.lexicon.nouns.find_all(self.sentence(index))
    }

    /// The first resolved period named in sentence `index`, if any.
    fn main_period_of(&mut self, index: usize) -> Option<Period> {
        if let Some(cached) = self.main_periods[index] {
            return cached;
        }
        let sentence = self.sentence(index);
        let mut times = self.times_of(index);
        // ("… in Dnipropetrovsk Oblast, which Russian troops first entered in
        // the summer": the time of a clause about a place is not what the
        // sentence, or the text after it, is about.)
        times.retain(|time| !in_which_or_where_clause(sentence, time.start));
        // ("… more than four times the roughly 170 drones Iran sent towards
        // Israel in its April 2024 barrage": nor the time of another war.)
        let lexicon = self.lexicon;
        times.retain(|time| !is_about_another_war(lexicon, sentence, time.start));
        let found =
            first_period(sentence, &times, false).or_else(|| first_period(sentence, &times, true));
        // The month the sentence is about: its main period when that is a
        // month ("during September, up 7.4% from August"), else the last one.
        let month = found.filter(Period::is_month).or_else(|| {
            times
                .iter()
                .rev()
                // "fell to 192 from 270 in October": not the month it is about.
                .filter(|t| !is_compared(sentence, t))
                .find_map(|t| match t.value {
                    TimeValue::Period(period) if period.is_month() => Some(period),
                    _ => None,
                })
        });
        // ("By the middle of February …. Over the month as a whole": the
        // month a shorter period falls in.)
        let month = month.or_else(|| {
            let within = found.filter(|period| {
                (period.start.year(), period.start.month())
                    == (period.end.year(), period.end.month())
            })?;
            Period::month(within.start.year(), within.start.month())
        });
        self.main_periods[index] = Some(found);
        self.month_periods[index] = Some(month);
        found
    }

    /// Whether sentence `index`, in the paragraph of the one after it, names
    /// a side of another war and no side or weapon of ours.
    fn names_only_another_war(&self, index: usize) -> bool {
        let Some(next) = self.sentences.get(index + 1) else {
            return false;
        };
        let sentence = self.sentence(index);
        let between = self.sentences[index].end..next.start;
        // ("The drone count was four times the roughly 170 drones Iran sent
        // towards Israel": another war named in a comparison is not what the
        // sentence is about.)
        let Some(first_side) = self.lexicon.other_sides.find_all(sentence).first().copied() else {
            return false;
        };
        let compared = [
            "than", "times", "compared", "like", "unlike", "as many", "as much",
        ]
        .iter()
        .any(|word| crate::text::contains_word(&sentence[..first_side.start], word));
        !self.document.text[between].contains("\n\n")
            && !compared
            && !self.lexicon.weapon_owners.is_match(sentence)
            && attach::actor_mentions(self.lexicon, sentence)
                .iter()
                .all(|m| m.is_reporter)
    }

    /// The period of the nearest earlier sentence that names one.
    fn context_period(&mut self, index: usize) -> Option<Period> {
        self.nearest_before(
            index,
            |pass| &mut pass.last_context_period,
            Self::main_period_of,
        )
    }

    /// The month of the nearest earlier sentence that names one.
    fn context_month(&mut self, index: usize) -> Option<Period> {
        self.nearest_before(
            index,
            |pass| &mut pass.last_context_month,
            |pass, i| {
                pass.main_period_of(i);
                pass.month_periods[i].flatten()
            },
        )
    }

    /// The actor named last before sentence `index` (not as a place).
    fn context_actor(&mut self, index: usize) -> Option<String> {
        self.nearest_before(index, |pass| &mut pass.last_context_actor, Self::actor_of)
    }

    /// The region of the regional authority that reports one of the two
    /// sentences before `index` in its paragraph (or of the day's attacks on
    /// its settlements that one sums up), when none between has a source or
    /// scope of its own.
    fn context_source_region(&self, index: usize) -> Option<usize> {
        for before in (index.saturating_sub(2)..index).rev() {
            let between = self.sentences[before].end..self.sentences[before + 1].start;
            if self.document.text[between].contains("\n\n") {
                return None;
            }
            let earlier = self.sentence(before);
            let region = attach::region_of_source(self.lexicon, earlier)
                .or_else(|| attach::region_of_attack_summary(self.lexicon, earlier));
            if let Some(region) = region {
                let in_between = before + 1..index;
                return in_between
                    .into_iter()
                    .all(|other| !attach::has_own_source_or_scope(self.sentence(other)))
                    .then_some(region);
            }
        }
        None
    }

    /// "Q: What happened in Zaporizhzhia region yesterday? A: … using 14
    /// guided aerial bombs and 290 drones": the one region a question names
    /// places the figures of the answer after it (up to two sentences on, in
    /// its paragraph), when they name none.
    fn region_of_question_answered(&self, index: usize) -> Option<usize> {
        // (Asked of every figure with no region: the cheap look for a
        // question first.)
        let mut asked = None;
        for before in (index.saturating_sub(3)..index).rev() {
            let between = self.sentences[before].end..self.sentences[before + 1].start;
            if self.document.text[between].contains("\n\n") {
                return None;
            }
            if self.question_at(before).is_some() {
                asked = Some(before);
                break;
            }
        }
        let question = asked?;
        let lexicon = self.lexicon;
        let regions_of = |at: usize| {
            attach::region_mentions(lexicon, self.sentence(at))
                .into_iter()
                .map(|mention| mention.region)
                .collect::<Vec<_>>()
        };
        if (question + 1..=index).any(|answer| !regions_of(answer).is_empty()) {
            return None;
        }
        let named = regions_of(question);
        let first = *named.first()?;
        named.iter().all(|&region| region == first).then_some(first)
    }

    /// Who launched the weapons the sentences before `index` speak of: the
    /// launcher of the nearest sentence with weapons launched or downed,
    /// unless a sentence after it names another actor ("Ukrainian forces
    /// shot down 4,500 drones out of 5,200 launched. Air defence downed 45
    /// more" are Russia's drones, not Ukraine's).
    fn context_launcher(&mut self, index: usize) -> Option<String> {
        self.nearest_before(
            index,
            |pass| &mut pass.last_context_launcher,
            Self::launcher_of,
        )
    }

    /// "Long-range strikes, compiled from daily Ukrainian Air Force reports:":
    /// a sentence whose only side is the one reporting speaks of the
    /// weapons of that side's opponent.
    fn opponent_of_only_reporter(&self, index: usize) -> Option<String> {
        let mentions = attach::actor_mentions(self.lexicon, self.sentence(index));
        let mut sides = mentions.iter().filter(|m| !m.is_place);
        let reporter = sides.next().filter(|m| m.is_reporter)?;
        if sides.any(|m| m.hit.payload != reporter.hit.payload || !m.is_reporter) {
            return None;
        }
        self.lexicon.actors[reporter.hit.payload].opponent.clone()
    }

    /// The launcher of sentence `index`'s weapon facts, else its actor,
    /// unless it only speaks of ground ("the Defence Forces liberated 250
    /// hectares" names no launcher of the drones downed after it).
    fn launcher_of(&mut self, index: usize) -> Option<String> {
        match self.launchers.binary_search_by_key(&index, |(at, _)| *at) {
            Ok(found) => Some(self.launchers[found].1.clone()),
            Err(_) if self.speaks_only_of_ground(index) => None,
            Err(_) => self
                .opponent_of_only_reporter(index)
                .or_else(|| self.actor_of(index)),
        }
    }

    /// Whether sentence `index` speaks of ground taken or held and of no
    /// weapons.
    fn speaks_only_of_ground(&self, index: usize) -> bool {
        let sentence = self.sentence(index);
        let lexicon = self.lexicon;
        let of_ground = ["gain", "hold"].iter().any(|name| {
            lexicon.action(name).is_some_and(|action| {
                action.cues.is_match(sentence) || action.loss_cues.is_match(sentence)
            })
        });
        of_ground
            && self.nouns_of(index).is_empty()
            && !lexicon
                .action("launch")
                .is_some_and(|a| a.cues.is_match(sentence))
    }

    /// The first answer of `probe` walking back from sentence `index`.
    ///
    /// The walk stops where the previous one (kept in `memo`) started, whose
    /// answer holds from there on: without it, a long text with no answer
    /// early on makes every look-up walk to the document start, quadratic in
    /// the number of sentences.
    fn nearest_before<T: Clone>(
        &mut self,
        index: usize,
        memo: fn(&mut Self) -> &mut Memo<T>,
        probe: fn(&mut Self, usize) -> Option<T>,
    ) -> Option<T> {
        let previous = memo(self).take();
        let mut i = index;
        let found = loop {
            if let Some((asked_for, answer)) = &previous {
                if *asked_for == i {
                    break answer.clone();
                }
            }
            if i == 0 {
                break None;
            }
            i -= 1;
            if let Some(answer) = probe(self, i) {
                break Some(answer);
            }
        };
        *memo(self) = Some((index, found.clone()));
        found
    }

    /// Whether sentence `index` can be about `metric`: it names no weapon,
    /// or the weapon the metric counts ("Drone launches rose 40%" is not
    /// about the share of territory held).
    fn is_about(&self, index: usize, metric: &str) -> bool {
        let named = self.nouns_of(index);
        if named.is_empty() {
            return true;
        }
        let counted = self.lexicon.metric(metric).and_then(|m| m.nouns.as_deref());
        named
            .iter()
            .any(|hit| Some(self.lexicon.noun_classes[hit.payload].as_str()) == counted)
    }

    /// The weapon nouns of the nearest of the two sentences before `index`
    /// that names weapons, each with the number counting it there, if one
    /// does ("595 drones and 48 missiles": drones 595, missiles 48).
    fn counted_nouns_before(&self, index: usize) -> Vec<(PhraseHit, Option<f64>)> {
        let Some((before, nouns)) = (index.saturating_sub(2)..index)
            .rev()
            .map(|i| (i, self.nouns_of(i)))
            .find(|(_, nouns)| !nouns.is_empty())
        else {
            return Vec::new();
        };
        let sentence = self.sentence(before);
        let numbers = find_numbers(sentence);
        nouns
            .into_iter()
            .map(|hit| {
                let count = numbers
                    .iter()
                    .rev()
                    .find(|n| n.end <= hit.start)
                    .filter(|n| sentence[n.end..hit.start].split_whitespace().count() <= 3)
                    .map(|n| n.value);
                (hit, count)
            })
            .collect()
    }

    /// The weapon class named last in the two sentences before `index`
    /// ("... 49 drones overnight. Air defences shot down 44 of them."), unless
    /// it was not counted there, or counted fewer than `count`: then the class
    /// counted most there, if that holds `count` ("741 aerial targets — 728
    /// drones and 13 missiles —. Air defences neutralised 718 of them": the
    /// targets).
    fn context_noun_class(&self, index: usize, count: f64) -> Option<usize> {
        let nouns = self.counted_nouns_before(index);
        let (last, counted) = nouns.last()?;
        // ("131 aerial targets, including Iskander-M missiles and Shahed
        // drones. Of these, 112 were neutralized": the weapons counted.)
        match counted {
            Some(value) if *value >= count => Some(last.payload),
            _ => nouns
                .iter()
                .filter_map(|(hit, value)| Some((value.filter(|v| *v >= count)?, hit.payload)))
                .max_by(|a, b| a.0.total_cmp(&b.0))
                .map(|(_, class)| class)
                .or(Some(last.payload)),
        }
    }

    /// The region named last in the three sentences before `index`, as a
    /// region name or in a title ("Belgorod governor Vyacheslav Gladkov").
    fn region_named_before(&self, index: usize) -> Option<usize> {
        (index.saturating_sub(3)..index).rev().find_map(|i| {
            self.lexicon
                .region_names
                .find_all(self.sentence(i))
                .last()
                .map(|hit| hit.payload)
        })
    }

    /// "The enemy advanced near Kotliarivka in Donetsk region. In total, the
    /// occupiers captured 4.2 km² since the previous update": ground with no
    /// place of its own lies in the one region the sentence before (in its
    /// paragraph) puts the fighting in. Not when that sentence counts
    /// weapons or names several regions, and not when the figure's sentence
    /// speaks of the whole country, or totals an area the sentence before
    /// gave for the region ("Russia took 85 km² in Donetsk region. In total,
    /// it captured 123 km²").
    fn region_of_ground_before(&self, index: usize, previous_sentence: &[Fact]) -> Option<usize> {
        let before = index.checked_sub(1)?;
        // (Sentences are short; a "sentence" of megabytes is no prose to
        // carry a place into.)
        if self.sentences[index].len() > MAX_CONTEXT_SENTENCE {
            return None;
        }
        let lexicon = self.lexicon;
        let (earlier, sentence) = (self.sentence(before), self.sentence(index));
        // (The cheapest test first: most sentences do not point back.)
        if !attach::points_back_to_a_place(sentence) {
            return None;
        }
        let lower = sentence.to_lowercase();
        if attach::speaks_of_the_whole_country(&lower) {
            return None;
        }
        let between = self.sentences[before].end..self.sentences[index].start;
        if self.document.text[between].contains("\n\n") || !self.nouns_of(before).is_empty() {
            return None;
        }
        let places_named = |text: &str| {
            let regions = lexicon.region_names.find_all(text).into_iter();
            regions
                .chain(lexicon.town_names.find_all(text))
                .map(|hit| hit.payload)
                .collect::<Vec<_>>()
        };
        // ("… advanced in different parts of Russia's Kursk region": a region
        // named as such, if not as where all of a figure lay.)
        let named_first = match attach::region_mentions(lexicon, earlier).first() {
            Some(mention) => Some(mention.region),
            None => attach::the_one_region(
                lexicon
                    .region_names
                    .find_all(earlier)
                    .into_iter()
                    .filter(|hit| attach::is_said_as_a_region(earlier, hit))
                    .map(|hit| hit.payload),
            ),
        };
        if !places_named(sentence).is_empty() {
            return None;
        }
        let first = match named_first {
            // ("… around Pokrovsk and Huliaipole": every place named counts,
            // not only those written as where the fighting was.)
            Some(first) if attach::the_one_region(places_named(earlier)) == Some(first) => first,
            Some(_) => return None,
            // ("… controlled 1,294 km² of the oblast. Russian counterattacks
            // have since eroded the salient …": the one region the ground of
            // the sentence before lay in, named earlier still.)
            None => {
                let ground = previous_sentence
                    .iter()
                    .filter(|fact| fact.unit == Measure::Area.stored_unit());
                let mut regions = ground.map(|fact| fact.region.as_deref());
                let only = regions.next().flatten()?;
                if !regions.all(|region| region == Some(only)) {
                    return None;
                }
                lexicon.regions.iter().position(|region| region == only)?
            }
        };
        let region = &lexicon.regions[first];
        let gave_its_area = previous_sentence.iter().any(|fact| {
            fact.unit == Measure::Area.stored_unit() && fact.region.as_ref() == Some(region)
        });
        (!(gave_its_area && attach::gives_a_total(&lower))).then_some(first)
    }

    /// The region of the city named last in the two sentences before
    /// `index`.
    fn city_named_before(&self, index: usize) -> Option<usize> {
        (index.saturating_sub(2)..index)
            .rev()
            .find_map(|i| attach::last_city_named(self.lexicon, self.sentence(i)))
    }

    /// The weapon classes the nearest of the two sentences before `index`
    /// that names weapons counts, in order ("595 drones and 48 missiles":
    /// drones, missiles).
    fn counted_classes_before(&self, index: usize) -> Vec<usize> {
        let mut classes: Vec<usize> = Vec::new();
        for (hit, counted) in self.counted_nouns_before(index) {
            if counted.is_some() && classes.last() != Some(&hit.payload) {
                classes.push(hit.payload);
            }
        }
        classes
    }

    /// The last actor (not a place) named in sentence `index`, preferring one
    /// that is not only the reporter.
    fn actor_of(&mut self, index: usize) -> Option<String> {
        if let Some(cached) = &self.actors[index] {
            return cached.clone();
        }
        let sentence = self.sentence(index);
        let mentions = attach::actor_mentions(self.lexicon, sentence);
        let actor = mentions
            .iter()
            .rev()
            .find(|m| !m.is_place && !m.is_reporter)
            .or_else(|| mentions.iter().rev().find(|m| !m.is_place && !m.is_speaker))
            .map(|m| self.lexicon.actors[m.hit.payload].name.clone())
            // "the enemy attacked with 138 Shahed drones": the weapon says who.
            .or_else(|| {
                let weapon = self.lexicon.weapon_owners.find_all(sentence).pop()?;
                Some(self.lexicon.actors[weapon.payload].name.clone())
            })
            // "In November, the enemy occupied 421 km²" in a DeepState report.
            .or_else(|| {
                attach::names_the_enemy(sentence)
                    .then(|| self.enemy_of_document())
                    .flatten()
            });
        self.actors[index] = Some(actor.clone());
        actor
    }

    /// The facts of sentence `index`; `previous_sentence` holds the facts of
    /// the sentence right before (empty if that one gave none), whose last is
    /// `previous_fact` below.
    fn sentence_facts(&mut self, index: usize, previous_sentence: &[Fact]) -> SentenceOutcome {
        let previous_fact = previous_sentence.last();
        let whole_downed =
            previous_fact.and_then(|previous| self.all_of_previous_downed(index, previous));
        let mut outcome = self.figures_facts(index, previous_sentence);
        if let Some(downed) = whole_downed {
            outcome.facts.insert(0, downed);
        }
        // "… launched a further 10 Shahed drones overnight; all of them were
        // destroyed": the same in a clause after the last figure.
        let sentence = self.sentence(index);
        let base = self.sentences[index].start;
        let all_after_last = outcome.facts.last().and_then(|last| {
            let after = last.end.checked_sub(base)?;
            let mark = after + sentence.get(after..)?.find(';')? + 1;
            self.all_downed(sentence, mark, base, last)
        });
        outcome.facts.extend(all_after_last);
        if let Some(estimate) = self.another_sources_figure_after(index, &outcome.facts) {
            outcome.facts.push(estimate);
        }
        let corresponding = self.corresponding_figures(index, &outcome.facts, previous_sentence);
        outcome.facts.extend(corresponding);
        if let Some(answer) = self.answer_to_how_many(index, &outcome.facts) {
            outcome.facts.insert(0, answer);
        }
        if outcome.facts.is_empty() {
            let estimate = previous_fact.and_then(|previous| {
                self.another_sources_figure(index, previous)
                    .or_else(|| self.labelled_regional_part(index, previous))
                    .or_else(|| self.labelled_fate(index, previous))
                    .or_else(|| self.bare_figure_of_the_same_action(index, previous))
            });
            outcome.facts.extend(estimate);
        }
        if let (true, Some(compared)) = (outcome.facts.is_empty(), previous_sentence.first()) {
            outcome.facts = self.figures_compared_with(index, compared);
        }
        outcome
    }

    /// "Russia launched 6,297 drones in July. That compared with 5,438 in
    /// June and 4,198 in May": the bare figures that `compared`, the first
    /// fact of the sentence before, is compared with, each at its own time
    /// ("up from 337 the previous week": relative to `compared`'s), count
    /// the same thing.
    fn figures_compared_with(&mut self, index: usize, compared: &Fact) -> Vec<Fact> {
        if !figures::compares_the_figure_before(self.sentence(index)) {
            return Vec::new();
        }
        let Some(compared_period) = compared.period_start.zip(compared.period_end) else {
            return Vec::new();
        };
        let compared_period = Period::new(compared_period.0, compared_period.1);
        let times = self.times_of(index);
        let sentence = self.sentence(index);
        let kind = if compared.unit == Measure::Percent.stored_unit() {
            NumberKind::Percent
        } else {
            NumberKind::Cardinal
        };
        let numbers = find_numbers(sentence);
        let mut facts = Vec::new();
        for (at, number) in numbers.iter().enumerate() {
            let is_a_time = times
                .iter()
                .any(|t| number.start < t.end && t.start < number.end);
            if number.kind != kind
                || is_a_time
                || !figures::has_no_noun_of_its_own(sentence, number)
            {
                continue;
            }
            let next_number = numbers
                .get(at + 1)
                .map_or(sentence.len(), |next| next.start);
            let own_time = times
                .iter()
                .find(|t| t.start >= number.end && t.start < next_number);
            // ("the previous week", which no calendar names on its own.)
            let the_one_before = || {
                ["previous", "preceding", "prior", "before"]
                    .iter()
                    .any(|word| {
                        crate::text::contains_word(&sentence[number.end..next_number], word)
                    })
            };
            let own_period = match own_time {
                Some(time) => attach::resolve(time.value, Some(compared_period)),
                None if the_one_before() => attach::previous_period(compared_period),
                None => None,
            };
            if let Some(period) = own_period {
                let mut fact = self.same_quantity(compared, index, 0, number);
                fact.set_period(Some(period));
                facts.push(fact);
            }
        }
        facts
    }

    /// "- Ukrainian UAVs destroyed: 487" then "- Over Bryansk region: 95": a
    /// line labelling a bare number with one region, after a count, is that
    /// region's part of the count. The number may come first, before a dash:
    /// "45 – over the territory of the Bryansk region," (the Russian defence
    /// ministry's lists).
    fn labelled_regional_part(&self, index: usize, previous: &Fact) -> Option<Fact> {
        if previous.unit != Measure::Count.stored_unit() {
            return None;
        }
        let sentence = self.sentence(index);
        let (label, value, value_at) = match sentence.split_once(':') {
            Some((label, value)) => (label, value, label.len() + 1),
            // ("45 – over the territory of the Bryansk region,", "— 24 over
            // the territory of Bryansk region,": the number first.)
            None => {
                let line = past_bullet(sentence);
                let value_at = sentence.len() - line.len();
                let first = find_numbers(line)
                    .into_iter()
                    .next()
                    .filter(|n| n.start == 0)?;
                let label = line[first.end..].trim_start_matches(|c: char| {
                    c.is_whitespace() || matches!(c, '-' | DASH | EM_DASH)
                });
                (label, &line[..first.end], value_at)
            }
        };
        let number = lone_count(value)?;
        let regions = attach::region_mentions(self.lexicon, label);
        let [region] = regions.as_slice() else {
            return None;
        };
        // The label is the place and nothing else: "Over Bryansk region",
        // "over the territory of the Bryansk region", "over the waters of
        // the Black Sea".
        let place_only = past_bullet(&label[..region.start])
            .split_whitespace()
            .all(|word| {
                ["over", "in", "the", "above", "territory", "waters", "of"]
                    .iter()
                    .any(|preposition| word.eq_ignore_ascii_case(preposition))
            });
        // (A part of the part may follow: "…, including 4 flying towards
        // Moscow,".)
        let rest = label[region.end..]
            .trim_matches(|c: char| c.is_whitespace() || matches!(c, '.' | ';' | ','));
        let nothing_after = rest.is_empty() || rest.starts_with("including ");
        if !place_only || !nothing_after {
            return None;
        }
        Some(Fact {
            region: attach::region_name(self.lexicon, label, *region),
            ..self.same_quantity(previous, index, value_at, &number)
        })
    }

    /// "- Shot down by air defence and interceptor drones: 3,910" then "-
    /// Locationally lost (EW): 510": a line labelling a bare number with a
    /// fate and no weapon, after a count, counts the same weapons.
    fn labelled_fate(&self, index: usize, previous: &Fact) -> Option<Fact> {
        let lexicon = self.lexicon;
        let counted = lexicon.metric(&previous.metric)?;
        if counted.measure != Measure::Count {
            return None;
        }
        let sentence = self.sentence(index);
        let (label, value) = sentence.split_once(':')?;
        let number = lone_count(value)?;
        if lexicon.nouns.is_match(label) || !attach::region_mentions(lexicon, label).is_empty() {
            return None;
        }
        let fate = lexicon
            .actions
            .iter()
            .filter_map(|action| {
                let cue = action.cues.find_all(label).into_iter().next()?;
                Some((cue.end - cue.start, action))
            })
            .max_by_key(|(length, _)| *length)?
            .1;
        let metric =
            lexicon.metric_for(Measure::Count, &fate.name, counted.nouns.as_deref(), None)?;
        Some(Fact {
            metric: metric.name.clone(),
            ..self.same_quantity(previous, index, label.len() + 1, &number)
        })
    }

    /// "In July Russian forces captured 634 km². The month before, they had
    /// taken some 556"; "Russia now controls roughly 75% of the Zaporizhzhia
    /// region. Ukrainian forces hold less than 25%": a bare number right
    /// after a verb of the action of `previous`, an area or a share, is of
    /// the same quantity, at the sentence's own time (counted from
    /// `previous`'s where relative; a holding's may be `previous`'s), for
    /// the side named before it.
    fn bare_figure_of_the_same_action(&mut self, index: usize, previous: &Fact) -> Option<Fact> {
        let lexicon = self.lexicon;
        let spec = lexicon.metric(&previous.metric)?;
        let kind = match spec.measure {
            // (In km², as the figure before was written: "… 634 square
            // kilometres" rather than miles or hectares.)
            Measure::Area
                if previous.original_text.contains("km")
                    || previous.original_text.contains("kilomet") =>
            {
                NumberKind::Cardinal
            }
            Measure::Percent => NumberKind::Percent,
            _ => return None,
        };
        let action = lexicon.action(&spec.action)?;
        let sentence = self.sentence(index);
        let numbers = find_numbers(sentence);
        let mut acted_on = numbers.iter().filter(|number| {
            number.kind == kind && figures::ends_with_a_cue_of(action, &sentence[..number.start])
        });
        let (Some(number), None) = (acted_on.next(), acted_on.next()) else {
            return None;
        };
        let bare = match kind {
            NumberKind::Percent => crate::text::next_words(&sentence[number.end..], 1)
                .first()
                .is_none_or(|word| word != "of"),
            _ => figures::has_no_noun_of_its_own(sentence, number),
        };
        if !bare {
            return None;
        }
        let own = previous
            .period_start
            .zip(previous.period_end)
            .map(|(start, end)| Period::new(start, end));
        let period = match self.times_of(index).first() {
            Some(time) => attach::resolve(time.value, own)?,
            None if spec.action == "hold" => own?,
            None => return None,
        };
        let actor = lexicon
            .actor_names
            .find_all(&sentence[..number.start])
            .last()
            .map(|hit| lexicon.actors[hit.payload].name.clone());
        let mut fact = self.same_quantity(previous, index, 0, number);
        fact.set_period(Some(period));
        if actor.is_some() {
            fact.actor = actor;
        }
        Some(fact)
    }

    /// Whether the sentence before `index` asks how many weapons ("Q: How
    /// many drones has Russia launched at Ukraine so far this month?").
    fn answers_how_many(&self, index: usize) -> bool {
        let Some(question) = index
            .checked_sub(1)
            .and_then(|before| self.question_at(before))
        else {
            return false;
        };
        past_label(question.trim_start())
            .get(..9)
            .is_some_and(|lead| lead.eq_ignore_ascii_case("how many "))
    }

    /// "Q: How many drones has Russia launched at Ukraine so far this month?
    /// A: More than 3,400, according to our tally": an answer that opens
    /// with a bare number counts the weapons the question asks about,
    /// launched by the side it names, at the question's time or else the
    /// answer's. (Only launches: who downed what is the question's to say.)
    fn answer_to_how_many(&mut self, index: usize, own: &[Fact]) -> Option<Fact> {
        if !self.answers_how_many(index) {
            return None;
        }
        let lexicon = self.lexicon;
        let question = self.sentence(index - 1);
        let asked = past_label(question.trim_start()).get(9..)?;
        let noun = lexicon.nouns.match_prefix(asked)?;
        let class = lexicon.noun_classes[noun.payload].as_str();
        let launched = lexicon.default_action(Measure::Count, Some(class))?;
        let verb = lexicon
            .actions
            .iter()
            .find(|action| action.cues.is_match(&asked[noun.end..]));
        if verb.is_some_and(|action| action.name != launched) {
            return None;
        }
        let metric = lexicon.metric_for(Measure::Count, launched, Some(class), None)?;
        let actor = lexicon
            .actor_names
            .find_all(asked)
            .first()
            .map(|hit| lexicon.actors[hit.payload].name.clone());
        let sentence = self.sentence(index);
        let answer = past_label(sentence.trim_start());
        let opening = sentence.len() - answer.len();
        let numbers = find_numbers(sentence);
        let number = numbers.first().filter(|number| {
            sentence[opening..number.start].trim().is_empty()
                && number.kind == NumberKind::Cardinal
                && figures::has_no_noun_of_its_own(sentence, number)
        })?;
        let base = self.sentences[index].start;
        if own.iter().any(|fact| fact.start == base + number.start) {
            return None;
        }
        // (The question's time is what the answer gives the figure for; a
        // day in the answer is often when it was said.)
        let period = self
            .main_period_of(index - 1)
            .or_else(|| self.main_period_of(index));
        let mut fact = Fact {
            actor,
            qualifier: number.qualifier,
            ..self.new_fact(
                index,
                number.start..number.end,
                metric,
                (number.value, number.low, number.high),
            )
        };
        fact.set_period(period);
        Some(fact)
    }

    /// A fact of `metric` read at bytes `span` of sentence `index`, of
    /// `values` (the value, and the ends of its range if it is one): no side,
    /// region, period or hedge yet.
    fn new_fact(
        &self,
        index: usize,
        span: Range<usize>,
        metric: &crate::lexicon::MetricSpec,
        values: (f64, Option<f64>, Option<f64>),
    ) -> Fact {
        let (value, low, high) = values;
        let sentence = self.sentence(index);
        let base = self.sentences[index].start;
        Fact {
            doc_id: self.document.id.clone(),
            source: self.document.source.clone(),
            doc_date: self.document.date,
            metric: metric.name.clone(),
            actor: None,
            region: None,
            value: round_value(value),
            unit: metric.measure.stored_unit().to_string(),
            value_low: low.map(round_value),
            value_high: high.map(round_value),
            qualifier: Qualifier::Exact,
            period: None,
            period_start: None,
            period_end: None,
            change_pct: None,
            note: None,
            sentence: sentence.to_string(),
            start: base + span.start,
            end: base + span.end,
            original_text: sentence[span].to_string(),
        }
    }

    /// "DeepState counted 198 km². ISW, which uses a different
    /// methodology, counted 311", "… or 18.97% of the country. … bloggers
    /// put the figure at nearly 20%": another source's figure for the
    /// quantity of `previous`, the fact of the sentence before.
    fn another_sources_figure(&self, index: usize, previous: &Fact) -> Option<Fact> {
        let sentence = self.sentence(index);
        let numbers = find_numbers(sentence);
        let share = previous.unit == Measure::Percent.stored_unit();
        let number = figures::another_estimate(sentence, &numbers, share, 0)?;
        Some(self.same_quantity(previous, index, 0, number))
    }

    /// "Russia controls about 99% of the Luhansk region, …, while
    /// DeepState's maps put the figure at 98.5%": another source's figure,
    /// later in the sentence, for the quantity of the last of `facts` (the
    /// sentence's own) before it.
    fn another_sources_figure_after(&self, index: usize, facts: &[Fact]) -> Option<Fact> {
        let previous = facts.last()?;
        let sentence = self.sentence(index);
        if !figures::names_another_estimate(sentence) {
            return None;
        }
        let base = self.sentences[index].start;
        let from = previous.end.checked_sub(base)?;
        let numbers = find_numbers(sentence);
        let share = previous.unit == Measure::Percent.stored_unit();
        let number = figures::another_estimate(sentence, &numbers, share, from)?;
        let taken = facts.iter().any(|fact| fact.start == base + number.start);
        (!taken).then(|| self.same_quantity(previous, index, 0, number))
    }

    /// "In 2025 Russia launched 54,538 drones and 2,128 missiles; the
    /// corresponding figures for 2024 were roughly 11,000 and 2,000": the
    /// figures listed last (in this sentence, or else in the one before),
    /// each given again for another time, in order.
    fn corresponding_figures(
        &mut self,
        index: usize,
        own: &[Fact],
        previous_sentence: &[Fact],
    ) -> Vec<Fact> {
        if own.is_empty() && previous_sentence.is_empty() {
            return Vec::new();
        }
        let sentence = self.sentence(index);
        let base = self.sentences[index].start;
        let from = own.last().map_or(0, |last| last.end.saturating_sub(base));
        // (Two values at least, in digits, after the facts they are given for.)
        if !sentence[from..].bytes().any(|byte| byte.is_ascii_digit()) {
            return Vec::new();
        }
        let Some((words, when)) = figures::corresponding_figures(sentence, from) else {
            return Vec::new();
        };
        let numbers = find_numbers(sentence);
        let listed = figures::listed_bare_numbers(sentence, &numbers, words.end);
        let Some(last) = listed.last() else {
            return Vec::new();
        };
        let when = when.unwrap_or_else(|| figures::time_after_list(sentence, last.end));
        let earlier = if own.is_empty() {
            previous_sentence
        } else {
            own
        };
        let Some(first) = earlier.len().checked_sub(listed.len()) else {
            return Vec::new();
        };
        let period = self
            .times_of(index)
            .iter()
            .find(|time| when.start <= time.start && time.start < when.end)
            .map(|time| time.value);
        let Some(when) = period else {
            return Vec::new();
        };
        // ("roughly 11,000 and 2,000": the hedge is said of the whole list.)
        let hedge = listed[0].qualifier;
        earlier[first..]
            .iter()
            .zip(listed)
            .filter_map(|(fact, number)| {
                // ("…, respectively, the week before": each before its own.)
                let own = fact
                    .period_start
                    .zip(fact.period_end)
                    .map(|(start, end)| Period::new(start, end));
                let period = attach::resolve(when, own)?;
                let mut again = self.same_quantity(fact, index, 0, number);
                again.set_period(Some(period));
                if again.qualifier == Qualifier::Exact {
                    again.qualifier = hedge;
                }
                Some(again)
            })
            .collect()
    }

    /// A fact of `previous`'s quantity with the value of `number`, found at
    /// byte `offset` of sentence `index` (its positions are from there).
    fn same_quantity(
        &self,
        previous: &Fact,
        index: usize,
        offset: usize,
        number: &NumberMatch,
    ) -> Fact {
        let sentence = self.sentence(index);
        let (start, end) = (offset + number.start, offset + number.end);
        let base = self.sentences[index].start;
        let qualifier = match number.qualifier {
            Qualifier::Exact if number.low.is_some() => Qualifier::Approx,
            qualifier => qualifier,
        };
        Fact {
            value: round_value(number.value),
            value_low: number.low.map(round_value),
            value_high: number.high.map(round_value),
            qualifier,
            sentence: sentence.to_string(),
            start: base + start,
            end: base + end,
            original_text: sentence[start..end].to_string(),
            change_pct: None,
            note: None,
            ..previous.clone()
        }
    }

    /// "… attempted an attack using 337 drones. All of them were intercepted
    /// and destroyed": the weapons of `previous` (launched, in the sentence
    /// before), downed.
    fn all_of_previous_downed(&self, index: usize, previous: &Fact) -> Option<Fact> {
        let sentence = self.sentence(index);
        let base = self.sentences[index].start;
        self.all_downed(sentence, 0, base, previous)
    }

    /// The fact that all of `previous`'s weapons were downed, when
    /// `sentence[from..]` opens by saying so ("All of them were destroyed",
    /// "all of which were shot down"); `base` is where the sentence starts
    /// in the document.
    fn all_downed(
        &self,
        sentence: &str,
        from: usize,
        base: usize,
        previous: &Fact,
    ) -> Option<Fact> {
        let clause = &sentence[from..];
        let opening = crate::text::next_words(clause, 3);
        let all_of_them = matches!(
            opening.iter().map(|w| &**w).collect::<Vec<_>>().as_slice(),
            ["all", "of", "them" | "these" | "which"] | ["all", "were" | "had" | "have", ..]
        );
        if !all_of_them {
            return None;
        }
        let (down, downed) = self.downed_twin(previous)?;
        let clause_end = clause.find([',', ';']).unwrap_or(clause.len());
        if !down.cues.is_match(&clause[..clause_end]) {
            return None;
        }
        let all_start = from + (clause.len() - clause.trim_start().len());
        let all_end = all_start + clause.trim_start().find(char::is_whitespace).unwrap_or(0);
        Some(Fact {
            metric: downed.name.clone(),
            sentence: sentence.to_string(),
            start: base + all_start,
            end: base + all_end,
            original_text: sentence[all_start..all_end].to_string(),
            change_pct: None,
            note: None,
            ..previous.clone()
        })
    }

    /// For a fact of weapons launched: the action of downing them and the
    /// metric of those weapons downed.
    fn downed_twin(
        &self,
        launched: &Fact,
    ) -> Option<(&'a crate::lexicon::Action, &'a crate::lexicon::MetricSpec)> {
        let lexicon = self.lexicon;
        let metric = lexicon.metric(&launched.metric)?;
        if metric.measure != Measure::Count || !lexicon.action(&metric.action)?.is_default {
            return None;
        }
        let down = lexicon.action("down")?;
        let downed =
            lexicon.metric_for(Measure::Count, &down.name, metric.nouns.as_deref(), None)?;
        Some((down, downed))
    }

    /// The facts of the figures of sentence `index` (see [`Self::sentence_facts`]).
    fn figures_facts(&mut self, index: usize, previous_sentence: &[Fact]) -> SentenceOutcome {
        let previous_fact = previous_sentence.last();
        self.reading = index;
        let follows_a_fact = previous_fact.is_some();
        let sentence = self.sentence(index);
        let base = self.sentences[index].start;
        let numbers = find_numbers(sentence);
        if numbers.is_empty() {
            // Most candidates name a weapon or a unit without a figure: all
            // they can hold is a change in words for the sentence before.
            return SentenceOutcome {
                facts: Vec::new(),
                unattached_change: follows_a_fact
                    .then(|| attach::word_changes(sentence).first().map(|c| c.1))
                    .flatten(),
            };
        }
        // The lexicon's lists are searched in this sentence many times, around
        // every figure: one scan answers them all.
        let _scan = self.lexicon.scan_sentence(sentence);
        let asides = self.asides_of(index);
        let times = self.times_of(index);
        let mut whole_numbers = Vec::with_capacity(numbers.len());
        for number in numbers {
            // (Only a range can begin in a time and end past it.)
            match number.low {
                Some(_) => whole_numbers.extend(past_a_time(sentence, number, &times)),
                None => whole_numbers.push(number),
            }
        }
        let numbers: Vec<NumberMatch> = whole_numbers
            .into_iter()
            .filter(|n| {
                !times.iter().any(|t| n.start < t.end && t.start < n.end)
                    && !asides.iter().any(|a| a.contains(&n.start))
            })
            .collect();
        let mut change_percents = Vec::new();
        let time_spans: Vec<Range<usize>> = times.iter().map(|t| t.start..t.end).collect();
        let mut figures = figures::find_figures(
            self.lexicon,
            sentence,
            &numbers,
            &time_spans,
            &mut |count| self.context_noun_class(index, count),
            &mut change_percents,
        );
        figures::assign_respective_nouns(sentence, &mut figures, &mut || {
            self.counted_classes_before(index)
        });
        self.drop_figures_that_claim_nothing(sentence, &mut figures, &time_spans);
        if figures.is_empty() && !follows_a_fact {
            // Its changes could only qualify the sentence before, which gave
            // no fact.
            return SentenceOutcome {
                facts: Vec::new(),
                unattached_change: None,
            };
        }
        let word_changes = attach::word_changes(sentence);
        let mut changes: Vec<(usize, f64)> = change_percents
            .iter()
            .map(|n| (n.start, attach::percent_change(sentence, n)))
            .chain(word_changes)
            .collect();
        changes.sort_by_key(|c| c.0);
        if figures.is_empty() {
            return SentenceOutcome {
                facts: Vec::new(),
                unattached_change: changes.first().map(|c| c.1),
            };
        }

        let report_day = dating::report_day(sentence, &times);
        // ("A week earlier, …": a day counted from the text's, for a night.)
        let counted_day = match dating::opening_counted_day(sentence, &times) {
            Some(counted) => {
                let counted = counted.value;
                let context = self.context_period(index);
                attach::resolve(counted, context)
            }
            None => None,
        };
        // "the largest attack since May" ranks the figure; it does not date it.
        let dating_times: Vec<TimeMatch> = times
            .iter()
            .filter(|t| !is_rank(sentence, t))
            .cloned()
            .collect();
        let mut own_times: Vec<Option<TimeMatch>> = (0..figures.len())
            .map(|i| {
                attach::own_time(sentence, &figures, i, &dating_times)
                    .map(|own| attach::join_time_pair(sentence, own, &times))
                    .map(|own| match report_day {
                        // ("on the night of 28–29 December, … said on Monday":
                        // a night counted again from the day of the report is
                        // still dated by its morning.)
                        Some(day) if !is_report_date(sentence, &own) => attach::join_time_pair(
                            sentence,
                            &reanchored(sentence, own, day),
                            &times,
                        ),
                        // "Over the past week, Zelensky said on Sunday, Russia
                        // had fired almost 900 bombs": the day a source spoke
                        // dates a figure only when no span of the sentence does
                        // (a day, "ahead of Friday's summit", is no span).
                        // (Nor does a span of a relative clause after the
                        // figure: "…, including Crimea, which Moscow annexed
                        // in 2014".)
                        // (Not a span of another clause: "…, of which 138
                        // were shot down, whereas Zelensky said that over
                        // the past week …".)
                        Some(day) => dating_times
                            .iter()
                            .filter(|t| {
                                matches!(t.value, TimeValue::Period(span) if span.days() > 1)
                                    && contrasted_clause(sentence, figures[i].number.start)
                                        .contains(&t.start)
                                    && !is_report_date(sentence, t)
                                    && !is_compared(sentence, t)
                                    && (t.end <= figures[i].number.start
                                        || !attach::in_relative_clause(
                                            &sentence[figures[i].end..t.start],
                                        ))
                            })
                            .min_by_key(|t| t.start.abs_diff(figures[i].number.start))
                            .map_or(own, |other| reanchored(sentence, other.clone(), day)),
                        // ("On Monday, Russia launched 112 drones overnight":
                        // the night before the day the sentence opens with.)
                        // ("A week earlier, Russia had launched 145 drones at
                        // Ukraine overnight": the night of the day counted.)
                        None if dating::names_the_night(&sentence[own.start..own.end]) => {
                            match dating::opening_day(sentence, &times) {
                                Some(day) => reanchored(sentence, own, day),
                                None => match counted_day {
                                    Some(day) => TimeMatch {
                                        value: TimeValue::Period(day),
                                        ..own
                                    },
                                    None => own,
                                },
                            }
                        }
                        None => own,
                    })
            })
            .collect();
        // "gained a total of 2,356 km² in September, October, and November
        // 2024": one figure of a list of months is their sum.
        for (i, figure) in figures.iter().enumerate() {
            // ("580, 470 and 390 km² in July, August and September" are
            // each month's.)
            let alone = figures
                .iter()
                .filter(|other| other.measure == figure.measure && !other.is_comparison)
                .count()
                == 1
                && numbers
                    .iter()
                    .filter(|n| n.kind == NumberKind::Cardinal)
                    .count()
                    == 1;
            if let Some(own) = own_times[i].as_mut().filter(|_| alone) {
                if let Some(span) = months_listed_from(sentence, own, &times) {
                    own.value = TimeValue::Period(span);
                }
            }
        }
        // "the second-largest gain since November 2024, when it seized 725
        // km²": a clause opened by "when" is about the time before it (the
        // reference of a "since").
        // ("The November figure was the lowest since March, when Russian
        // troops took 240 km²": over a time before the "when".)
        for (i, figure) in figures.iter().enumerate() {
            let when = times
                .iter()
                .rev()
                .find(|t| t.end <= figure.number.start)
                .filter(|t| opens_a_when_clause(&sentence[t.end..figure.number.start]));
            let Some(when) = when else { continue };
            if own_times[i]
                .as_ref()
                .is_none_or(|own| own.end <= when.start)
            {
                own_times[i] = Some(reference_time(sentence, when));
            }
        }
        // "Russia's counter-attack, which began on 10 September, has since
        // retaken roughly 63 km²": from that day to the day of writing.
        for (i, figure) in figures.iter().enumerate() {
            let Some(own) = &own_times[i] else { continue };
            let TimeValue::Period(began) = own.value else {
                continue;
            };
            let since_then = own.end <= figure.number.start
                && ["has since", "have since", "had since"]
                    .iter()
                    .any(|words| {
                        crate::text::contains_word(&sentence[own.end..figure.number.start], words)
                    });
            let until = self.anchor().filter(|anchor| began.start < *anchor);
            if let (true, Some(until)) = (since_then, until) {
                own_times[i] = Some(TimeMatch {
                    value: TimeValue::Period(Period::new(began.start, until)),
                    ..own.clone()
                });
            }
        }
        // "397 drones overnight, a day after Moscow launched a record 728":
        // the clause after "a day after" is the day before the figure's.
        // ("…, the air force said on Thursday, a day after …": the day the
        // source spoke is not the clause's.)
        for i in 1..figures.len() {
            if own_times[i]
                .as_ref()
                .is_some_and(|own| !is_report_date(sentence, own))
            {
                continue;
            }
            let gap = &sentence[figures[i - 1].end..figures[i].number.start];
            let Some(days) = days_after(gap) else {
                continue;
            };
            let Some(before) = own_times[i - 1].clone() else {
                continue;
            };
            let TimeValue::Period(day) = before.value else {
                continue;
            };
            let earlier = (day.days() == 1)
                .then(|| day.start.checked_sub_days(chrono::Days::new(days)))
                .flatten();
            if let Some(earlier) = earlier {
                own_times[i] = Some(TimeMatch {
                    value: TimeValue::Period(Period::day(earlier)),
                    ..before
                });
            }
        }
        // ("The strike came a day after Russia sent 109 drones": the day
        // before the one the text is about.)
        // (Asked of every sentence read: the cheap look for "after" first.)
        let lead = &sentence[..figures[0].number.start];
        let days_before = days_after(lead).filter(|_| {
            own_times
                .first()
                .is_some_and(|own| own.as_ref().is_none_or(|own| is_report_date(sentence, own)))
        });
        if let Some(days) = days_before {
            let day = self.context_period(index).filter(|day| day.days() == 1);
            let earlier = day.and_then(|day| day.start.checked_sub_days(chrono::Days::new(days)));
            if let Some(earlier) = earlier {
                own_times[0] = Some(TimeMatch {
                    start: 0,
                    end: lead.len(),
                    value: TimeValue::Period(Period::day(earlier)),
                });
            }
        }
        // "Looking back at 2024, … in August of that year": a month of the
        // year talked about.
        for own in own_times.iter_mut().flatten() {
            let TimeValue::Period(period) = own.value else {
                continue;
            };
            if period.is_year() || period.start.year() != period.end.year() {
                continue;
            }
            if !of_that_year(&sentence[own.end..]) {
                continue;
            }
            let year = self
                .context_period(index)
                .map(|context| context.start.year());
            let moved = year.and_then(|year| {
                Some(Period::new(
                    period.start.with_year(year)?,
                    period.end.with_year(year)?,
                ))
            });
            if let Some(moved) = moved {
                own.value = TimeValue::Period(moved);
            }
        }
        // "1,400 bombs over the past week, Zelensky said on Monday, along with
        // almost 1,050 drones": the source's day does not date what the
        // sentence goes on to add to the figure before.
        // ("launched 100 drones on Saturday, the air force said on Monday, of
        // which 62 were shot down": nor a part of it.)
        for i in 1..figures.len() {
            let adds_to_previous =
                crate::text::ends_with_any_word(
                    &sentence[figures[i - 1].end..figures[i].number.start],
                    &[
                        "along with",
                        "as well as",
                        "together with",
                        "plus",
                        "of which",
                    ],
                ) || figures::starts_with_part_pronoun(&sentence[figures[i].number.end..]);
            let dated_by_source = own_times[i].as_ref().is_some_and(|own| {
                own.start >= figures[i - 1].end && is_report_date(sentence, own)
            });
            if adds_to_previous && dated_by_source {
                own_times[i] = own_times[i - 1].clone();
            }
        }
        // "Over the past week Russia launched … — including 728 drones and 13
        // missiles on the night of July 9, of which 296 drones were shot
        // down, 415 were lost …": a part (and the items listed with it) with
        // no time between it and its whole is of the whole's time.
        let mut part_of_previous = false;
        for i in 1..figures.len() {
            let gap = &sentence[figures[i - 1].end..figures[i].number.start];
            // ("296 drones were shot down, 415 were lost … and seven
            // missiles were intercepted": the parts listed after it.)
            let listed_after_a_part = part_of_previous && {
                let gap = gap.trim_end();
                gap.len() < 60
                    && !gap.contains([';', ':', '—', '('])
                    && (gap.ends_with(',') || crate::text::ends_with_any_word(gap, &["and"]))
            };
            let part = crate::text::ends_with_any_word(gap, &["of which", "of them"])
                || listed_after_a_part;
            let time_between_or_after = own_times[i]
                .as_ref()
                .is_some_and(|own| own.start >= figures[i - 1].end);
            // (Not the whole a comparison names: "up from 326 km² in April —
            // of which at least 278 km² were in the Kharkiv region".)
            if part
                && !time_between_or_after
                && !figures[i - 1].is_comparison
                && own_times[i - 1].is_some()
            {
                own_times[i] = own_times[i - 1].clone();
            }
            part_of_previous = part;
        }
        // "said on Saturday that it had shot down 1,065 drones, six missiles
        // and 14 bombs over the past week": a time closing a list dates the
        // items the source's day would.
        let mut end = figures.len();
        while end > 0 {
            let mut start = end - 1;
            while start > 0 && figures::is_next_item(sentence, &figures[start - 1], &figures[start])
            {
                start -= 1;
            }
            let closing = own_times[end - 1]
                .clone()
                .filter(|t| t.start >= figures[end - 1].end && !is_report_date(sentence, t));
            if let Some(closing) = closing.filter(|_| end - start > 1) {
                for own in &mut own_times[start..end - 1] {
                    if own.as_ref().is_none_or(|t| is_report_date(sentence, t)) {
                        *own = Some(closing.clone());
                    }
                }
            }
            end = start;
        }
        // "A week earlier, he reported 1,300 drones, 1,000 glide bombs and 40
        // missiles": a time leading a list dates every item of it.
        for i in 1..figures.len() {
            let (previous, figure) = (&figures[i - 1], &figures[i]);
            let listed = figures::is_next_item(sentence, previous, figure);
            if own_times[i].is_none() && listed && !figure.is_comparison {
                own_times[i] = own_times[i - 1]
                    .clone()
                    .filter(|leading| leading.end <= previous.number.start);
            }
        }
        // Looked up for the first figure that needs it: most have a time of
        // their own, and finding the period of earlier sentences means
        // reading their times.
        let mut found_main_period: Option<Option<Period>> = None;
        let mut main_period = |pass: &mut Self| {
            *found_main_period
                .get_or_insert_with(|| pass.main_period(index, sentence, &figures, &own_times))
        };
        // ("A day later, Russia sent 142 drones; 126 were downed": a figure
        // with no time of its own is of the day after, too.)
        let leading_relative_time = figures
            .iter()
            .zip(&own_times)
            .filter(|(figure, _)| !figure.is_comparison)
            .find_map(|(_, time)| match time.as_ref()?.value {
                TimeValue::Period(_) => Some(None),
                relative @ TimeValue::RelativeToContext { .. } => Some(Some(relative)),
                _ => None,
            })
            .flatten();
        let mentions = attach::actor_mentions(self.lexicon, sentence);
        // ("The attack, which killed a man in Odesa, came as Zelensky said
        // … 1,200 drones": a place in a clause of its own, with no figure,
        // places none.)
        let in_a_clause_without_figures = |at: usize| {
            which_or_where_clause(sentence, at)
                .is_some_and(|clause| !figures.iter().any(|f| clause.contains(&f.number.start)))
        };
        let mut regions: Vec<RegionMention> = attach::region_mentions(self.lexicon, sentence)
            .into_iter()
            .filter(|r| !asides.iter().any(|a| a.contains(&r.start)))
            .filter(|r| !in_a_clause_without_figures(r.start))
            .collect();
        let mut anaphora = attach::region_anaphora(self.lexicon, sentence, &mut || {
            self.region_named_before(index)
        });
        anaphora.extend(attach::city_anaphora(self.lexicon, sentence, &mut || {
            self.city_named_before(index)
        }));
        if !anaphora.is_empty() {
            regions.extend(anaphora);
            regions.sort_by_key(|r| r.start);
        }
        // "Iran launched 300 drones at Israel": another war's figures, even
        // when the article named Russia before, or the sentence names it in
        // another clause ("Iran fired 550 missiles at Israel …; on June 17
        // alone Russia launched 440 drones").
        let lexicon = self.lexicon;
        let other_sides = lexicon.other_sides.find_all(sentence);
        // ("Iran launched more than 300 drones and missiles at Israel … The
        // barrage included about 170 drones": a sentence naming no side and
        // no weapon of ours goes on with the other war of the one before.)
        let goes_on_with_another_war = other_sides.is_empty()
            && mentions.iter().all(|m| m.is_reporter)
            && !lexicon.weapon_owners.is_match(sentence)
            && index
                .checked_sub(1)
                .is_some_and(|before| self.names_only_another_war(before));
        let another_war = |figure: &Figure| {
            if goes_on_with_another_war {
                return true;
            }
            if other_sides.is_empty() {
                return false;
            }
            if mentions.is_empty() {
                return true;
            }
            // "more drones than the roughly 170 drones Iran fired at Israel":
            // another war's side right after the figure launched it.
            let launched_by_other = other_sides.iter().any(|side| {
                side.start >= figure.end
                    && sentence[figure.end..side.start]
                        .split_whitespace()
                        .all(|word| word.eq_ignore_ascii_case("by"))
            });
            if launched_by_other {
                return true;
            }
            is_about_another_war(lexicon, sentence, figure.number.start)
        };
        let note = attach::rank_note(sentence, &time_spans);
        let respective = attach::respective_changes(sentence, &figures, &numbers);

        let previous_fact_action = previous_fact
            .and_then(|fact| self.lexicon.metric(&fact.metric))
            .map(|metric| metric.action.clone());
        let mut ground_region_before: Option<Option<usize>> = None;
        let mut own_source_or_scope: Option<bool> = None;
        let mut facts: Vec<Fact> = Vec::new();
        // The figure the last fact of this sentence comes from.
        let mut last_fact_figure: Option<usize> = None;
        // The action of each figure so far, for coordinated figures to share.
        let mut actions: Vec<Option<String>> = Vec::with_capacity(figures.len());
        for (i, figure) in figures.iter().enumerate() {
            // "shot down 67 of 83 drones ..., as well as five of seven
            // missiles": the head of a partitive pair shares the action of
            // the head of the pair before it, not of that pair's total.
            let parallel = if figures::is_partitive_head(sentence, &figures, i) {
                (0..i)
                    .rev()
                    .find(|&j| figures::is_partitive_head(sentence, &figures, j))
                    .or(i.checked_sub(1))
            } else {
                i.checked_sub(1)
            };
            // "… shot down 61 drones. Of these, 27 were over the Kursk region":
            // the parts of the last fact before share its action, and so
            // does its total named again ("The tally for April was 1,560").
            // ("… raised its overnight tally to 158 drones": the weapons the
            // fact before counted may be named again.)
            let counts_the_same = || {
                let class = figure
                    .noun_class
                    .map(|class| self.lexicon.noun_classes[class].as_str());
                previous_fact
                    .and_then(|fact| self.lexicon.metric(&fact.metric))
                    .is_some_and(|metric| metric.nouns.as_deref() == class)
            };
            let restates_the_total = || {
                figure.measure == Measure::Count
                    && (figure.end == figure.number.end || counts_the_same())
                    && figures::names_a_total(sentence)
            };
            // ("… destroyed 44 UAVs:" above "- 21 UAVs over the Bryansk
            // region;": the items of a list share the action of the total
            // its caption gives; "By the numbers:" gives none.)
            let item_of_a_total = || {
                self.list_caption(index)
                    .is_some_and(|caption| caption.bytes().any(|b| b.is_ascii_digit()))
            };
            let previous_action = parallel.and_then(|j| actions[j].as_deref()).or_else(|| {
                // ("Some 500 of them were over Moscow region", "Moscow region
                // alone accounted for some 500 of them")
                (i == 0
                    && (figures::starts_with_part_pronoun(sentence)
                        || figures::starts_with_part_pronoun(&sentence[figure.number.end..])
                        || restates_the_total()
                        || item_of_a_total()))
                .then_some(previous_fact_action.as_deref())
                .flatten()
            });
            // "It said five were shot down and one was damaged": a bare
            // count whose own verb names no fate of the lexicon's is none.
            if figure.measure == Measure::Count
                && figure.end == figure.number.end
                && self.names_another_fate(&sentence[figure.end..])
            {
                actions.push(None);
                continue;
            }
            let Some((metric, role)) = self.metric_of(
                sentence,
                figure,
                &figures,
                i,
                previous_action,
                own_times[i].as_ref(),
            ) else {
                // "shot down 11 guided bombs, 5 HIMARS rockets and …": a
                // figure no metric counts still passes its action on.
                let action = (figure.measure == Measure::Count)
                    .then(|| self.count_action(sentence, figure, &figures, i, previous_action))
                    .flatten();
                actions.push(action);
                continue;
            };
            actions.push(Some(metric.action.clone()));
            // "116,000 sq km, or 19.2% of Ukraine", "18.6% of Ukraine, or
            // 112,400 sq km": the figure before said again in another measure.
            let restates_area = figures::restates_previous_area(sentence, &figures, i);
            let restates_share = figures::restates_previous_share(sentence, &figures, i);
            // Before its period: a time left unresolved in a figure that is
            // dropped is nothing the user needs to hear about.
            if another_war(figure) {
                continue;
            }
            // The fact a comparison figure is compared with.
            let compared = facts
                .last()
                .filter(|compared| figure.is_comparison && compared.metric == metric.name);
            // "Russia controls 19.3% of Ukraine, compared with 18.1% a year
            // earlier": with no period for the sentence, a year before the
            // figure compared with.
            let compared_period = compared.and_then(Fact::period_span);
            // ("18.3% of Ukraine, up 0.7 percentage points over the year": an
            // increment of a share is dated as a gain, over what the sentence
            // is about, not held on the day.)
            let dated_as = match metric.measure {
                Measure::Percent if figures::in_percentage_points(sentence, &figure.number) => self
                    .lexicon
                    .metric_for(Measure::Percent, "gain", None, metric.object.as_deref())
                    .unwrap_or(metric),
                _ => metric,
            };
            let period = self.period_of(
                figure,
                own_times[i].as_ref(),
                &mut |pass: &mut Self| {
                    let main = main_period(pass);
                    match leading_relative_time {
                        Some(relative) if own_times[i].is_none() => attach::resolve(relative, main),
                        _ => main,
                    }
                    .or(compared_period)
                },
                dated_as,
            );
            // "seized 0.8% of Ukraine since January", "captured 2,400 km²
            // since January, or about 0.4% of Ukraine": a gain in the share,
            // which no metric holds. (An undated area is no gain: "has
            // occupied 116,000 km², or about 19%" is what is held.)
            // ("Territory captured by Russia: 445 km² (0.07% of Ukraine)"
            // under a caption of December: the area's span came from
            // context.)
            let area_over_a_span = || {
                facts.last().is_some_and(|area| {
                    area.period_start
                        .zip(area.period_end)
                        .is_some_and(|(start, end)| start < end)
                })
            };
            let restates_a_gain = restates_area
                && (own_times[i - 1].is_some() || area_over_a_span())
                && actions[i - 1]
                    .as_deref()
                    .is_some_and(|action| action != metric.action);
            // "Russia took 2,000 km². That amounts to roughly 0.3% of Ukraine."
            let restates_last_gain = i == 0
                && restates_previous_sentence(sentence, figure)
                && previous_fact
                    .and_then(|previous| self.lexicon.metric(&previous.metric))
                    .is_some_and(|previous| previous.action != metric.action);
            // "Russia has seized almost 1% of Ukraine this year": a share
            // gained, where the lexicon has a metric for it.
            // "0.7% of Ukraine this year, compared with 0.6% in all of 2024".
            // ("0.18% of Ukraine's territory, or about 1,090 km², compared
            // with 0.25%": past the area restating it.)
            let compared_with_share_gained = figure.is_comparison
                && last_fact_figure == i.checked_sub(1)
                && facts
                    .iter()
                    .rev()
                    .filter_map(|previous| self.lexicon.metric(&previous.metric))
                    .find(|previous| previous.measure == Measure::Percent)
                    .is_some_and(|previous| previous.action == "gain");
            // "for the first quarter of 2024 Russia occupied 0,1% of Ukraine
            // — 505 sq. km": a share restated by an area gained over a span.
            // (Over a span that names no moment: "at the end of May" is one.)
            let restated_as_a_gain = || {
                own_times[i]
                    .as_ref()
                    .zip(period)
                    .is_some_and(|(time, span)| {
                        span.days() > 1
                            && holding_moment(sentence, time, span, self.anchor()).is_none()
                    })
                    && figures::restates_previous_share(sentence, &figures, i + 1)
                    && self.area_action(sentence, &figures[i + 1]).0 == "gain"
            };
            let share_gained = metric.measure == Measure::Percent
                && (restates_a_gain
                    || restates_last_gain
                    || compared_with_share_gained
                    || is_share_gained(sentence, figure, period)
                    || restated_as_a_gain());
            // ("took a further 0.1% of Ukraine on Monday": an increment over
            // no span is no share held either.)
            if metric.measure == Measure::Percent
                && !share_gained
                && figures::is_increment_of_a_share(sentence, &figure.number)
            {
                continue;
            }
            let metric = if share_gained {
                let object = metric.object.as_deref();
                match self
                    .lexicon
                    .metric_for(Measure::Percent, "gain", None, object)
                {
                    Some(gained) => {
                        actions[i] = Some(gained.action.clone());
                        gained
                    }
                    None => continue,
                }
            } else {
                metric
            };
            // "As of 30 November, Russia controlled about 116,000 sq km, or
            // 19.2% of Ukraine": a holding restated as a share is of its day,
            // and one restated as an area ("18.6% of Ukraine, or 112,400 sq km").
            let restates_a_holding = metric.action == "hold"
                && (restates_area || restates_share)
                && actions[i - 1].as_deref() == Some("hold");
            // A gain restated as a share is of the gain's period.
            let period = if restates_a_gain || restates_a_holding {
                facts
                    .last()
                    .filter(|_| last_fact_figure == i.checked_sub(1))
                    .and_then(Fact::period_span)
                    .or(period)
            } else if restates_last_gain {
                // ("…, the biggest since November 2024, when they captured 725
                // km². That's equivalent to about 0.12% of Ukraine": the period
                // the sentence before is about, not its last fact's.)
                // (`previous_fact` is the sentence before's: it restates it.)
                index
                    .checked_sub(1)
                    .and_then(|before| self.main_period_of(before))
                    .or_else(|| previous_fact.and_then(Fact::period_span))
                    .or(period)
            } else {
                period
            };
            // "Including the parts seized in 2014, Russia now occupies about
            // 113,000 km²": held now, whatever time came before. ("…, where
            // Ukraine launched its incursion in August, Ukrainian troops still
            // hold some 270 square miles": "still" with a verb in the present.)
            let held_now = metric.action == "hold"
                && own_times[i].as_ref().is_some_and(|own| {
                    own.end <= figure.number.start
                        && [
                            "now",
                            "currently",
                            "today",
                            "still hold",
                            "still holds",
                            "still control",
                            "still controls",
                            "still occupy",
                            "still occupies",
                        ]
                        .iter()
                        .any(|word| {
                            crate::text::contains_word(
                                &sentence[own.end..figure.number.start],
                                word,
                            )
                        })
                });
            // A holding with no time of its own but the day of the report.
            let held_undated = metric.action == "hold"
                && own_times[i]
                    .as_ref()
                    .is_none_or(|own| is_report_date(sentence, own));
            // "Ukraine's forces, which once held about 1,300 km² of Russia's
            // Kursk region, now control about 400": a holding of some time
            // before, which the text does not give.
            let held_once = held_undated
                && crate::text::ends_with_any_word(
                    &sentence[..figure.number.start],
                    &[
                        "once held",
                        "once controlled",
                        "once occupied",
                        "formerly held",
                        "previously held",
                    ],
                );
            // "… down from about 1,300 sq km at its peak", "a peak of 1,300
            // km²": the most ever held, at a time the text does not give.
            let held_at_peak = held_undated
                && (crate::text::ends_with_any_word(
                    &sentence[..figure.number.start],
                    &["a peak of", "its peak of", "a high of", "a maximum of"],
                ) || matches!(
                    crate::text::next_words(&sentence[figure.end..], 3).as_slice(),
                    [at, its, peak]
                        if at == "at"
                            && matches!(its.as_ref(), "its" | "the" | "their")
                            && matches!(peak.as_ref(), "peak" | "height" | "maximum" | "largest")
                ));
            // "… eclipsing the previous record of 188 drones": a record of
            // another time the text does not give.
            let undated_record = own_times[i]
                .as_ref()
                .is_none_or(|own| is_report_date(sentence, own))
                && crate::text::ends_with_any_word(
                    &sentence[..figure.number.start],
                    &["previous record of", "the record of", "previous high of"],
                );
            // "At the end of 2025, Russia occupied about 116,500 km². It also
            // held almost all of Luhansk region": a holding the sentence
            // before's goes on with is of its day.
            let held_also = (held_undated
                && own_times[i].is_none()
                && crate::text::contains_word(&sentence[..figure.number.start], "also"))
            .then(|| {
                // (The first holding: those after it may be compared with.)
                previous_sentence
                    .iter()
                    .filter(|fact| {
                        self.lexicon
                            .metric(&fact.metric)
                            .is_some_and(|held| held.action == "hold")
                    })
                    .find_map(Fact::period_span)
                    .filter(|day| day.days() == 1)
            })
            .flatten();
            let period = match (&own_times[i], period) {
                _ if held_once || held_at_peak || undated_record => None,
                _ if held_also.is_some() => held_also,
                // ("Syrskyi said on Monday that Ukrainian forces now control …")
                _ if held_now => report_day.or(self.anchor()).map(Period::day).or(period),
                (Some(own), Some(span)) if metric.action == "hold" => {
                    Some(holding_moment(sentence, own, span, self.anchor()).unwrap_or(span))
                }
                _ => period,
            };
            // "aims to seize the rest of Donetsk Oblast by the end of 2026,
            // roughly 6,600 km²": a period after publication is a goal or a
            // forecast, not a report.
            if let (Some(span), Some(anchor)) = (period, self.anchor()) {
                if span.start > anchor {
                    continue;
                }
            }
            if let (Some(span), Some(began)) = (period, self.lexicon.war_began) {
                if span.end < began {
                    continue;
                }
            }
            // "Putin recalled the 1943 Battle of Kursk, in which the Red Army
            // liberated more than 50,000 km²": a figure with no time of its own
            // in a sentence about a year before the war.
            if own_times[i].is_none() {
                if let Some(began) = self.lexicon.war_began {
                    if names_a_year_before(sentence, began.year()) {
                        continue;
                    }
                }
            }
            // ("destroyed four of five ATACMS missiles fired over Sevastopol":
            // the part lies where its whole does.)
            // ("74 percent of Zaporizhzhia Oblast (about 20,000 sq km)": an
            // area restating a share is of the share's region.)
            let region_mention = attach::region_for(sentence, &figures, i, &regions, &numbers)
                .or_else(|| {
                    figures::is_partitive_head(sentence, &figures, i)
                        .then(|| attach::region_for(sentence, &figures, i + 1, &regions, &numbers))
                        .flatten()
                })
                .or_else(|| {
                    let restates = restates_share
                        || restates_area && !attach::is_share_of_the_country(sentence, figure);
                    restates
                        .then(|| attach::region_for(sentence, &figures, i - 1, &regions, &numbers))
                        .flatten()
                });
            // ("63 aerial targets at Odesa region, …: 32 Shahed drones and 31
            // missiles": the items of a breakdown lie where their total does.)
            let region_mention = region_mention.or_else(|| {
                let total = figures::breakdown_total(sentence, &figures, i)?;
                attach::region_for(sentence, &figures, total, &regions, &numbers)
            });
            let region = region_mention
                .and_then(|mention| attach::region_name(self.lexicon, sentence, mention));
            // (Weapons over a list of regions too long to name are still
            // over the side's land that holds the first.)
            let first_region_named =
                region_mention.map(|mention| self.lexicon.regions[mention.region].clone());
            // "around 74 percent each of the Zaporizhzhia and Kherson
            // regions": the same figure for each region named together, not
            // one for the two.
            let mut each_also: Vec<String> = Vec::new();
            let region = match region {
                Some(joint)
                    if joint.contains(JOINT_REGIONS) && figures::is_each(sentence, figure) =>
                {
                    let mut parts = joint.split(JOINT_REGIONS).map(str::to_string);
                    let first = parts.next();
                    each_also.extend(parts);
                    first
                }
                region => region,
            };
            // "410 km² in the Donetsk region in November, up from 380 in
            // October": what a figure is compared with is of the same region.
            // (Before a region leading the sentence: "almost all of Luhansk
            // region, and roughly 76% of Donetsk region, up from 70%".)
            let region = match compared {
                Some(compared) if compared.region.is_some() => compared.region.clone(),
                _ => region,
            };
            // "… shot down 10 ATACMS missiles and 36 drones over Crimea. In
            // total, 46 Ukrainian aerial targets were destroyed": the sum of
            // the sentence before's figures, all of one region, is of it.
            let region = region.or_else(|| {
                let (first, rest) = previous_sentence.split_first()?;
                let one_region =
                    first.region.is_some() && rest.iter().all(|other| other.region == first.region);
                let sum: f64 = previous_sentence.iter().map(|fact| fact.value).sum();
                (one_region
                    && previous_sentence.len() > 1
                    && figure.measure == Measure::Count
                    && (sum - figure.value).abs() < 0.5
                    && opens_a_total(sentence))
                .then(|| first.region.clone())
                .flatten()
            });
            // "held about 1,268 km² in the Kursk region; by 1 March that had
            // shrunk to 412 km², and as of 6 April to 77 km²": the level the
            // one before changed to is of its region.
            // ("… controlled 1,300 km² of the Kursk region. By the end of the
            // year that had shrunk to roughly 800 km²": so is the level the
            // sentence before's changed to.)
            let region = region.or_else(|| {
                let Some(before) = i.checked_sub(1) else {
                    let lead = &sentence[..figure.number.start];
                    let previous = previous_fact?;
                    let changed_to = changes_to(lead)
                        && crate::text::contains_any_word(lead, &["that", "it", "this"])
                        && previous.unit == metric.measure.stored_unit();
                    return changed_to.then(|| previous.region.clone()).flatten();
                };
                let changed_to = last_fact_figure == Some(before)
                    && figures[before].measure == figure.measure
                    && changes_to(&sentence[figures[before].end..figure.number.start]);
                changed_to.then(|| facts.last()?.region.clone()).flatten()
            });
            // ("… struck the Kharkiv region with:" then "- 14 Shahed-type
            // UAVs;": the items of a list lie where its caption says.)
            let region = region.or_else(|| self.region_of_list_caption(index));
            let region = region.or_else(|| {
                // Figures a regional authority gives are its region's.
                // ("…, while Belgorod governor Vyacheslav Gladkov said a
                // drone had struck a minibus": not those of a clause set
                // against its own.)
                let clause = contrasted_clause(sentence, figure.number.start);
                attach::region_of_source(self.lexicon, &sentence[clause])
                    .map(|region| self.lexicon.regions[region].clone())
            });
            // "Russian forces attacked Kharkiv Oblast with 14 drones. Air
            // defence destroyed 11 of them over the Chuhuiv district": a part of
            // the sentence before's regional whole lies in its region.
            // ("… attacked the Odesa region with 178 drones and 14 missiles. Air
            // defence destroyed 131 of the drones and nine of the missiles": a
            // part of the weapons named before.)
            let region = region.or_else(|| {
                let of_them = i == 0
                    && (figures::starts_with_part_pronoun(sentence)
                        || figures::starts_with_part_pronoun(&sentence[figure.number.end..]));
                let of_the_named =
                    figures::past_partitive_noun(self.lexicon, &sentence[figure.number.end..]) > 0;
                // ("… fired six ATACMS missiles at a facility in Bryansk Oblast.
                // It said five were shot down": a bare count of the weapons
                // the sentence before counted.)
                let bare_count =
                    i == 0 && metric.measure == Measure::Count && figure.end == figure.number.end;
                let previous = if of_them {
                    previous_fact?
                } else if of_the_named || bare_count {
                    // (The whole, which comes before its parts: "337 drones …,
                    // including 91 over the Moscow region".)
                    previous_sentence.iter().find(|previous| {
                        self.lexicon
                            .metric(&previous.metric)
                            .is_some_and(|named| named.nouns == metric.nouns)
                    })?
                } else {
                    return None;
                };
                let part_of_previous =
                    previous.unit == metric.measure.stored_unit() && previous.value >= figure.value;
                part_of_previous.then(|| previous.region.clone()).flatten()
            });
            // "…, the Sumy Regional Military Administration reported. The enemy
            // dropped 19 guided bombs on the Krasnopillia hromada": a regional
            // authority's report goes on in the sentences after it that name
            // no source or scope of their own.
            // (Attacks only: ground is not what a governor counts.)
            let region = region.or_else(|| {
                if metric.measure != Measure::Count {
                    return None;
                }
                let region = self.context_source_region(index)?;
                let own = *own_source_or_scope
                    .get_or_insert_with(|| attach::has_own_source_or_scope(sentence));
                (!own).then(|| self.lexicon.regions[region].clone())
            });
            let region = region.or_else(|| {
                (metric.measure == Measure::Area)
                    .then(|| {
                        *ground_region_before.get_or_insert_with(|| {
                            self.region_of_ground_before(index, previous_sentence)
                        })
                    })
                    .flatten()
                    .map(|region| self.lexicon.regions[region].clone())
            });
            let region = region.or_else(|| {
                let region = self.region_of_question_answered(index)?;
                Some(self.lexicon.regions[region].clone())
            });
            // ("70% of the region" with no region named: no share of Ukraine.)
            if region.is_none()
                && metric.measure == Measure::Percent
                && figures::is_share_of_the_region(&sentence[figure.number.end..])
            {
                continue;
            }
            // "11 over the Moscow region, including 4 flying towards Moscow":
            // a bare part no region restricts would stand as a second
            // national figure of the same count.
            // ("33,000 drones since the start of the year, including nearly
            // 4,000 in August alone": a part of another period is its own.)
            if region.is_none()
                && figures::is_bare_part(sentence, figure)
                && facts
                    .iter()
                    .any(|earlier| earlier.metric == metric.name && earlier.period_span() == period)
            {
                continue;
            }
            // "90 attack UAVs of the Shahed, Gerbera and other types. Of them,
            // about 50 were Shaheds": a part by type of the fact before.
            let names_a_type = figure.end > figure.number.end;
            if region.is_none()
                && i == 0
                && names_a_type
                && figures::starts_with_part_pronoun(sentence)
                && previous_fact.is_some_and(|previous| {
                    previous.metric == metric.name && previous.region.is_none()
                })
            {
                continue;
            }
            let launches = matches!(role, ActorRole::Launcher | ActorRole::Downed);
            // "air defence destroyed 37 UAVs over the Bryansk region": weapons
            // over a region one side holds are the other side's, whatever
            // earlier sentences said.
            let holder_opponent = region
                .as_deref()
                .or(first_region_named.as_deref())
                .filter(|_| launches)
                .and_then(|region| self.lexicon.held_by(region))
                .and_then(|side| self.lexicon.actor(side)?.opponent.clone());
            // ("the enemy launched 40", "destroyed 20 enemy UAVs")
            let names_the_enemy = attach::names_the_enemy(&sentence[..figure.end]);
            let actor = attach::actor_for(
                self.lexicon,
                sentence,
                figure,
                i.checked_sub(1).map(|p| &figures[p]),
                &mentions,
                role,
                &mut || {
                    // "The enemy launched 4 missiles": the side the document's
                    // sources fight, before whoever the sentences before named
                    // (weapons over a region one side holds are the other's:
                    // an unattributed "the enemy attacked Belgorod region" is
                    // a Russian source's).
                    if names_the_enemy {
                        if let Some(enemy) =
                            holder_opponent.clone().or_else(|| self.enemy_of_document())
                        {
                            return Some(enemy);
                        }
                    }
                    // In a speaker's turn, "we", "our guys" and liberation are
                    // the speaker's side's; weapons fired and downed with no
                    // side named are the other side's, unless "we" fired them.
                    let first_person =
                        || attach::speaks_in_first_person(&sentence[..figure.number.start]);
                    if launches {
                        holder_opponent
                            .clone()
                            .or_else(|| {
                                let speaker = self.speaker_at(index, figure.number.start)?;
                                if role == ActorRole::Launcher && first_person() {
                                    Some(speaker)
                                } else {
                                    self.lexicon.actor(&speaker)?.opponent.clone()
                                }
                            })
                            .or_else(|| self.context_launcher(index))
                    } else {
                        // "The enemy occupied 421 km². The largest gains were in
                        // Donetsk (301 km²)": the side of the facts before.
                        // ("… is under the control of our forces": "our" after
                        // the figure still names who holds it.)
                        (attach::speaks_in_first_person(sentence)
                            || attach::speaks_of_liberation(sentence))
                        .then(|| self.speaker_at(index, figure.number.start))
                        .flatten()
                        // ("Syrskyi said his troops controlled 1,294 km²")
                        .or_else(|| {
                            attach::side_of_possessed_forces(
                                self.lexicon,
                                &sentence[..figure.number.start],
                                &mentions,
                            )
                        })
                        // "DeepState revised its October figure for Russian
                        // gains … It put November's total at 1,290 km²": the
                        // same series goes on, whoever else was named.
                        .or_else(|| {
                            previous_fact
                                .filter(|fact| fact.metric == metric.name)
                                .and_then(|fact| fact.actor.clone())
                        })
                        .or_else(|| self.context_actor(index))
                        .or_else(|| previous_fact.and_then(|fact| fact.actor.clone()))
                    }
                },
            );
            // "Ukraine now holds less than 100 km² of Russia's Kursk region,
            // down from roughly 1,300 km²": what a figure is compared with is
            // of the same side.
            let actor = match compared {
                Some(compared) if compared.actor.is_some() => compared.actor.clone(),
                _ => actor,
            };
            // "..., while Ukrainian officials put the figure at 2,900 sq km":
            // another source's estimate of the same quantity.
            let actor = match facts.last() {
                Some(previous)
                    if previous.metric == metric.name
                        && attach::restates_previous(sentence, &figures[i - 1], figure) =>
                {
                    previous.actor.clone()
                }
                // "occupy some 670 square kilometers of Ukraine's northern
                // Sumy region, or about 3 percent of the province": a share
                // restating an area (or an area a share) is the same side's.
                Some(previous)
                    if previous.actor.is_some()
                        && last_fact_figure == i.checked_sub(1)
                        && (restates_area || restates_share) =>
                {
                    previous.actor.clone()
                }
                // "337 Ukrainian drones, including 126 over Bryansk and 45
                // over Kursk": a bare figure going on with a list is of the
                // same side as the one before, whatever the places say.
                // (Not one the sentence says was lost: "regained 40 km², while
                // losing 300 elsewhere".)
                Some(previous)
                    if previous.metric == metric.name
                        && last_fact_figure == i.checked_sub(1)
                        && !matches!(role, ActorRole::Territory { lost: true, .. })
                        && attach::continues_bare_list(&figures[i - 1], figure, &mentions) =>
                {
                    previous.actor.clone()
                }
                _ => actor,
            };
            // "Russia's barrage included 476 drones, the air force said,
            // adding that 439 drones were downed": weapons downed after the
            // sentence named their launcher are that launcher's, unless a side
            // is named since.
            let actor = match self.launchers.last() {
                Some((at, launcher))
                    if *at == index
                        && role == ActorRole::Downed
                        && i > 0
                        && !attach::names_a_side(&mentions, figures[i - 1].end..figure.end) =>
                {
                    Some(launcher.clone())
                }
                _ => actor,
            };
            // "The enemy occupied 505 km²" in a DeepState report: the side
            // the document's sources speak for fights that enemy.
            // ("Luhansk Oblast is now 99.8% occupied", the head of its military
            // administration said: occupied by the enemy.)
            let actor = actor.or_else(|| {
                let held_by_occupier = || {
                    metric.action == "hold"
                        && crate::text::contains_word(&sentence.to_ascii_lowercase(), "occupied")
                };
                (names_the_enemy || held_by_occupier())
                    .then(|| self.enemy_of_document())
                    .flatten()
            });
            if let (true, Some(launcher)) = (launches, &actor) {
                // Sentences are read in order: this one is the last so far.
                match self.launchers.last_mut() {
                    Some((at, last)) if *at == index => last.clone_from(launcher),
                    _ => self.launchers.push((index, launcher.clone())),
                }
            }
            let change_pct = (!figure.is_comparison)
                .then(|| {
                    respective
                        .iter()
                        .flatten()
                        .find(|(start, _)| *start == figure.number.start)
                        .map(|(_, change)| *change)
                        .or_else(|| change_for(sentence, &figures, i, &changes))
                })
                .flatten();
            let fact_note = note
                .as_ref()
                .filter(|(at, _)| {
                    !figure.is_comparison
                        && figures
                            .iter()
                            .filter(|f| !f.is_comparison)
                            .position(|f| std::ptr::eq(f, figure))
                            == Some(0)
                        && (*at >= figure.number.start || figures.len() == 1)
                })
                .map(|(_, text)| text.clone());
            let mut fact = Fact {
                actor,
                region,
                qualifier: figures::qualifier_of(sentence, figure),
                change_pct,
                note: fact_note,
                ..self.new_fact(
                    index,
                    figure.number.start..figure.end,
                    metric,
                    (figure.value, figure.low, figure.high),
                )
            };
            if fact.value_low.is_some() && fact.qualifier == Qualifier::Exact {
                fact.qualifier = Qualifier::Approx;
            }
            // "Russia now occupies about 116,000 km² … At the start of 2025,
            // the figure stood at around 110,000 km²": the quantity of the
            // sentence before, at another time.
            let mut period = period;
            let restated = (i == 0
                && !previous_sentence.is_empty()
                && figures::names_the_figure_before(sentence, figure.number.start))
            .then(|| previous_sentence.iter().rev().find(|p| p.unit == fact.unit))
            .flatten();
            if let Some(previous) = restated {
                fact.metric = previous.metric.clone();
                fact.actor = previous.actor.clone();
                // ("In Zaporizhzhia region the figure was 180 km²": of a
                // region the sentence names.)
                if fact.region.is_none() {
                    fact.region = previous.region.clone();
                }
                let held = self
                    .lexicon
                    .metric(&previous.metric)
                    .is_some_and(|m| m.action == "hold");
                if let (true, Some(own), Some(span)) = (held, &own_times[i], period) {
                    period =
                        Some(holding_moment(sentence, own, span, self.anchor()).unwrap_or(span));
                }
            }
            fact.set_period(period);
            // "1,500 were shot down and 300 were suppressed", "30 Shaheds and
            // 12 Gerberas": parts of one count are one claim, their sum (as
            // two claims of the same day they would contradict each other).
            let part_of_previous = |previous: &Fact| {
                metric.measure == Measure::Count
                    && previous.quantity() == fact.quantity()
                    && i.checked_sub(1).is_some_and(|before| {
                        last_fact_figure == Some(before)
                            && figures::coordinates_parts(sentence, &figures[before], figure)
                    })
            };
            // "initially reported 810 drones, but later revised the figure to
            // 805": the revision replaces the claim.
            let revises_previous = |previous: &Fact| {
                previous.metric == fact.metric
                    && last_fact_figure == i.checked_sub(1)
                    && attach::revises_previous(sentence, &figures[i - 1], figure)
            };
            match facts.last_mut() {
                Some(previous) if part_of_previous(previous) => {
                    previous.add_part(&fact, &self.document.text);
                }
                Some(previous) if revises_previous(previous) => {
                    fact.actor = fact.actor.take().or(previous.actor.take());
                    *previous = fact;
                    last_fact_figure = Some(i);
                }
                _ => {
                    let also: Vec<Fact> = each_also
                        .drain(..)
                        .map(|region| Fact {
                            region: Some(region),
                            ..fact.clone()
                        })
                        .collect();
                    facts.push(fact);
                    facts.extend(also);
                    last_fact_figure = Some(i);
                }
            }
        }
        let twins_of_all: Vec<Fact> = facts
            .iter()
            .filter_map(|fact| {
                self.all_of_them_downed(sentence, base, fact)
                    .or_else(|| self.all_of_them_launched(sentence, base, fact))
            })
            .collect();
        facts.extend(twins_of_all);
        SentenceOutcome {
            facts,
            unattached_change: None,
        }
    }

    /// "All 31 missiles launched at Kyiv were shot down": the weapons `fact`
    /// says were launched, downed too.
    fn all_of_them_downed(&self, sentence: &str, base: usize, fact: &Fact) -> Option<Fact> {
        let (down, downed) = self.downed_twin(fact)?;
        let (start, end) = (fact.start.checked_sub(base)?, fact.end.checked_sub(base)?);
        if !says_all(sentence, start) {
            return None;
        }
        // ("… were shot down", "air defences had destroyed 405 of 465 drones
        // and all 32 cruise missiles")
        let rest = &sentence[end..];
        let after = &rest[..rest.find([';', '.']).unwrap_or(rest.len())];
        let clause = figures::clause_around(sentence, start);
        let before = &sentence[clause.start.min(start)..start];
        if !down.cues.is_match(after) && !down.cues.is_match(before) {
            return None;
        }
        Some(Fact {
            metric: downed.name.clone(),
            change_pct: None,
            ..fact.clone()
        })
    }

    /// "destroyed all 22 Shahed drones launched by Russia overnight": the
    /// weapons `fact` says were downed, launched too.
    fn all_of_them_launched(&self, sentence: &str, base: usize, fact: &Fact) -> Option<Fact> {
        let lexicon = self.lexicon;
        let metric = lexicon.metric(&fact.metric)?;
        if metric.measure != Measure::Count || lexicon.action(&metric.action)?.is_default {
            return None;
        }
        let (start, end) = (fact.start.checked_sub(base)?, fact.end.checked_sub(base)?);
        // ("all 24 Shahed drones Russia launched overnight": the launcher may
        // come first.)
        let after = &sentence[end..];
        let after = lexicon
            .actor_names
            .match_prefix(after.trim_start())
            .map_or(after, |hit| &after.trim_start()[hit.end..]);
        let launched_after = crate::text::next_words(after, 1)
            .first()
            .is_some_and(|word| matches!(word.as_ref(), "launched" | "fired" | "sent"));
        if !launched_after || !says_all(sentence, start) {
            return None;
        }
        let nouns = metric.nouns.as_deref();
        let action = lexicon.default_action(Measure::Count, nouns)?;
        let launched = lexicon.metric_for(Measure::Count, action, nouns, None)?;
        Some(Fact {
            metric: launched.name.clone(),
            change_pct: None,
            ..fact.clone()
        })
    }

    /// The period the sentence is about: its "in one month" context, the own
    /// time of its first non-comparison figure, or the context period.
    fn main_period(
        &mut self,
        index: usize,
        sentence: &str,
        figures: &[Figure],
        own_times: &[Option<TimeMatch>],
    ) -> Option<Period> {
        // ("… destroyed 12 drones over the Black Sea overnight and 8 more
        // over Crimea — one of the few nights that month": a time of the
        // sentence's own figures comes first.)
        let own = figures
            .iter()
            .zip(own_times)
            .filter(|(figure, _)| !figure.is_comparison)
            .find_map(|(_, time)| {
                time.as_ref().and_then(|t| match t.value {
                    TimeValue::Period(period) => Some(period),
                    _ => None,
                })
            });
        if attach::mentions_context_month(sentence) && own.is_none() {
            if let Some(month) = self.context_month(index) {
                return Some(month);
            }
        }
        // "Russian forces captured around 4,800 km² over the year": the year
        // of the text's period; with none before, the year of writing, or the
        // year just ended in a review written in January.
        // ("By the end of 2024, Russia occupied 18.3% of Ukraine, up 0.7
        // percentage points over the year": the year the sentence names.)
        if attach::mentions_context_year(sentence) {
            // ("… over the year, more than double the 2024 total": not the
            // year compared with.)
            let named_year = self.times_of(index).iter().find_map(|t| match t.value {
                TimeValue::Period(period)
                    if period.start.year() == period.end.year()
                        && !is_compared(sentence, t)
                        && sentence.as_bytes()[t.start..t.end]
                            .windows(4)
                            .any(|digits| digits.iter().all(u8::is_ascii_digit)) =>
                {
                    Some(period.start.year())
                }
                _ => None,
            });
            let year =
                match named_year.or_else(|| self.context_period(index).map(|p| p.start.year())) {
                    Some(year) => Some(year),
                    None => self.anchor().map(|anchor| match anchor.month() {
                        1 => anchor.year() - 1,
                        _ => anchor.year(),
                    }),
                };
            if let Some(year) = year.and_then(Period::year) {
                return Some(year);
            }
        }
        if own.is_some() {
            return own;
        }
        // A time of the sentence that no figure took as its own: "Russia
        // launched 728 drones (on the night of 9 July)".
        let times = self.times_of(index);
        if let Some(period) = first_period(sentence, &times, false) {
            return Some(period);
        }
        // "Since then Russia has launched more than 2,000 of them, and
        // Ukraine says it has destroyed about 1,600": every figure's time.
        if times.iter().any(|t| t.value == TimeValue::SinceContext) {
            let since = self.context_period(index).zip(self.anchor());
            if let Some((base, anchor)) = since.filter(|(base, anchor)| base.start <= *anchor) {
                return Some(Period::new(base.start, anchor));
            }
        }
        // The day a source reported it ("it said on Friday"): only when
        // nothing before says what the text is about.
        self.context_period(index)
            .or_else(|| first_period(sentence, &times, true))
    }

    /// The period of `figure`: its own time, else what the sentence is
    /// about (`main`, asked only when needed).
    fn period_of(
        &mut self,
        figure: &Figure,
        own: Option<&TimeMatch>,
        main: &mut dyn FnMut(&mut Self) -> Option<Period>,
        metric: &crate::lexicon::MetricSpec,
    ) -> Option<Period> {
        if let Some(time) = own {
            if time.value == TimeValue::Unresolved {
                self.unresolved += 1;
            }
            return match time.value {
                // "two years later" than a period of the text: no later than
                // publication, as news reports the past.
                TimeValue::RelativeToContext { months, days } => {
                    // With nothing before it, "the previous month" counts back
                    // from the month of publication, "a week earlier" from the
                    // week up to it, "a day earlier" from its day.
                    let base = main(self).or_else(|| {
                        let anchor = self.anchor().filter(|_| months < 0 || days < 0)?;
                        if months == 0 && days > -7 {
                            return Some(Period::day(anchor));
                        }
                        if months == 0 {
                            let week_start = anchor.checked_sub_days(chrono::Days::new(6))?;
                            return Some(Period::new(week_start, anchor));
                        }
                        Period::month(anchor.year(), anchor.month())
                    });
                    attach::resolve(time.value, base)
                        .filter(|period| self.anchor().is_none_or(|anchor| period.start <= anchor))
                }
                // "Since then": the sentence's period, which runs from what
                // the text is about to the day of writing.
                TimeValue::SinceContext => main(self),
                TimeValue::OpeningOfContext { .. } => attach::resolve(time.value, main(self)),
                // With nothing before it, "the previous three months" are the
                // ones up to publication.
                TimeValue::BeforeContext { months } => main(self)
                    .and_then(|base| attach::resolve(time.value, Some(base)))
                    .or_else(|| {
                        let anchor = self.anchor()?;
                        let start = anchor.checked_sub_months(chrono::Months::new(months))?;
                        Some(Period::new(start.succ_opt()?, anchor))
                    }),
                value => attach::resolve(value, None),
            };
        }
        if metric.action == "hold" {
            // A holding with no time of its own is as of publication.
            return self.anchor().map(Period::day).or_else(|| main(self));
        }
        if figure.is_comparison {
            return main(self).and_then(attach::previous_period);
        }
        main(self)
    }

    /// Removes the figures that are no claim of ours: rates, hits, plans,
    /// differences (the words around them), and counts of one kind among the
    /// weapons of the figure before; breakdowns by type (`drop_breakdowns`).
    fn drop_figures_that_claim_nothing(
        &self,
        sentence: &str,
        figures: &mut Vec<Figure>,
        time_spans: &[Range<usize>],
    ) {
        // "Nine missiles and 54 drones struck 33 locations": what follows the
        // last of figures joined as one subject is said of all of them.
        let mut excluded_by_verb: Vec<bool> = figures
            .iter()
            .map(|f| self.is_excluded_by_what_follows(sentence, f))
            .collect();
        for i in (0..figures.len().saturating_sub(1)).rev() {
            if excluded_by_verb[i + 1]
                && self.is_joint_subject(sentence, &figures[i], &figures[i + 1])
            {
                excluded_by_verb[i] = true;
            }
        }
        let mut excluded: Vec<bool> = figures
            .iter()
            .zip(&excluded_by_verb)
            .map(|(f, &by_verb)| by_verb || self.is_excluded(sentence, f, time_spans))
            .collect();
        for i in 1..figures.len() {
            // "produces about 2,700 drones a month, up from 300 a year ago":
            // what an excluded figure is compared with is no claim either, nor
            // the estimate a revision replaces ("revised its estimate down to
            // 439 km² from the 461 km² first reported").
            let revised = || {
                ["revised", "revising", "corrected", "correcting"]
                    .iter()
                    .any(|word| {
                        crate::text::contains_word(&sentence[..figures[i - 1].number.start], word)
                    })
            };
            // ("captured 259 km², an average of about 8.6 km² a day, compared
            // with 594 sq km in August": a rate set off after a figure kept is
            // not what the next is compared with.)
            let compared_past_a_rate = excluded_by_verb[i - 1]
                && !excluded_by_verb[i]
                && (0..i - 1).any(|j| !excluded[j] && figures[j].measure == figures[i].measure);
            if figures[i].is_comparison && ((excluded[i - 1] && !compared_past_a_rate) || revised())
            {
                excluded[i] = true;
            }
            // "almost four and a half thousand square kilometres — no, sorry,
            // 4,600 square kilometres — have been liberated": a figure taken
            // back by the speaker.
            if figures[i].measure == figures[i - 1].measure
                && takes_back(&sentence[figures[i - 1].end..figures[i].number.start])
            {
                excluded[i - 1] = true;
            }
        }
        let mut excluded = excluded.into_iter();
        figures.retain(|_| !excluded.next().unwrap_or(false));
        figures::drop_breakdowns(sentence, figures);
        let mut part = 1;
        while part < figures.len() {
            if self.is_type_breakdown(sentence, figures, part) {
                figures.remove(part);
            } else {
                part += 1;
            }
        }
        figures::sum_typed_items(self.lexicon, sentence, figures);
    }

    /// Whether what comes before a figure in its clause makes it no claim of
    /// ours: the size of a change, equipment lost, a plan or a capacity (see
    /// [`Self::is_excluded_by_what_follows`] for the words after it).
    fn is_excluded(&self, sentence: &str, figure: &Figure, times: &[Range<usize>]) -> bool {
        let mut clause = figures::clause_around(sentence, figure.number.start);
        // A figure in brackets describes what comes before them: "twice the
        // size of Luxembourg (2,586 km2)".
        let ahead = sentence[..clause.start].trim_end();
        if let Some(open) = ahead.strip_suffix('(') {
            if !open.is_empty() {
                clause.start = figures::clause_around(sentence, open.len()).start;
            }
        }
        // So does the label before a colon: "Drones produced in September:
        // 20,000", "Interceptor drones to be produced daily: 1,000".
        let labelled = sentence[clause.start..figure.number.start]
            .trim()
            .is_empty();
        if let Some(label) = ahead.strip_suffix(':').filter(|_| labelled) {
            clause.start = label.rfind(['\n', ';', '.']).map_or(0, |at| at + 1);
        }
        let before = &sentence[clause.start..figure.number.start];
        if is_denied(self.lexicon, before) || is_called_false(self.lexicon, sentence, figure) {
            return true;
        }
        // "an increase of 163 drones", "fell by 200 to 5,000": the size of a
        // change, not a count. (An area that "grew by 240 km²" is ground
        // gained.)
        if figure.measure == Measure::Count
            && crate::text::ends_with_any_word(before, CHANGE_AMOUNT_BEFORE)
        {
            return true;
        }
        // "Russia has also lost 11,384 tanks, … 84,263 drones", "The enemy
        // lost 1,040 personnel, 3 tanks and 44 drones": equipment losses
        // (tactical drones among them), not launches or interceptions.
        let lost_before = &sentence[..figure.number.start];
        let has_lost = |phrase| crate::text::contains_word(lost_before, phrase);
        if figure.measure == Measure::Count
            && (has_lost("losses")
                // Most text lacks the word "lost": looked at only when there.
                || has_lost("lost") && someone_lost(lost_before))
        {
            return true;
        }
        // "Russia aims to seize the rest of Donetsk Oblast, roughly 6,600
        // km²": a figure in apposition (opening its clause after a comma,
        // hedge and all) is said by the clause before it. (After a dash it
        // names what that clause described: "an area twice the size of
        // Moscow — about 500 km²".)
        let after_comma = sentence[..clause.start].trim_end().ends_with(',');
        if before.trim().is_empty() && after_comma {
            let mark = crate::text::floor_boundary(sentence, clause.start - 1);
            let previous = figures::clause_around(sentence, mark);
            if previous.start < clause.start {
                clause.start = previous.start;
            }
        }
        let before = &sentence[clause.start..figure.number.start];
        let hits = self.lexicon.exclusions_before.find_all(before);
        if hits.is_empty() {
            return false;
        }
        let places_end = (figure.measure == Measure::Area)
            .then(|| end_of_places_taken(before))
            .flatten()
            .unwrap_or(before.len());
        let targets = self.lexicon.targets.find_all(before);
        // ("The remaining three were suppressed by electronic warfare": the
        // rest of a count, the subject of what befell it, not land still to
        // take.)
        let rest_of_a_count = figure.measure == Measure::Count
            && ["were ", "was ", "had been ", "have been "]
                .iter()
                .any(|verb| sentence[figure.end..].trim_start().starts_with(verb));
        let is_the_rest = |hit: &PhraseHit| {
            rest_of_a_count
                && before[hit.start..hit.end].eq_ignore_ascii_case("remaining")
                && before[hit.end..].trim().is_empty()
        };
        // (The words for counts only are verbs, not the end of a compound:
        // "six US-made ATACMS missiles".)
        let applies = |hit: &PhraseHit| {
            hit.payload == 0
                || figure.measure == Measure::Count && !before[..hit.start].ends_with(['-', '‑'])
        };
        hits.into_iter()
            .filter(|hit| applies(hit) && hit.end <= places_end && !is_the_rest(hit))
            .filter(|hit| {
                !targets
                    .iter()
                    .any(|target| target.start <= hit.start && hit.end <= target.end)
            })
            .any(|hit| {
                let (start, end) = (clause.start + hit.start, clause.start + hit.end);
                // "in May" is a month, not a modal verb.
                !times.iter().any(|t| start < t.end && t.start < end)
            })
    }

    /// Whether the words right after a figure make it something else than a
    /// claim of ours: a rate ("a day"), hits ("struck"), a difference ("less
    /// than").
    fn is_excluded_by_what_follows(&self, sentence: &str, figure: &Figure) -> bool {
        // ("some 139,000 km² of the country may be contaminated": past the
        // whole the figure is of.)
        let rest = &sentence[figure.end..];
        let end = match self.lexicon.objects.match_prefix(rest.trim_start()) {
            Some(object) => figure.end + (rest.len() - rest.trim_start().len()) + object.end,
            None => figure.end,
        };
        if figure.measure != Measure::Count && self.is_said_of_another_state(&sentence[end..]) {
            return true;
        }
        // "up to 48 Kh-101 cruise missiles could be launched within the
        // hour": what may yet happen.
        if names_what_may_happen(&sentence[end..]) {
            return true;
        }
        if self.is_cleared_of_something_else(sentence, figure) {
            return true;
        }
        let start = end + past_modal_verbs(&sentence[end..]);
        // (Wide enough for the longest phrase: "entering Belarusian airspace".)
        let after_end = crate::text::floor_boundary(sentence, (start + 40).min(sentence.len()));
        let after = &sentence[start..after_end];
        self.lexicon
            .exclusions_after
            .find_all(after)
            .first()
            .is_some_and(|hit| {
                after[..hit.start].trim().is_empty() && {
                    let following = crate::text::next_words(&after[hit.end..], 1);
                    !following.first().is_some_and(|w| {
                        matches!(&**w, "earlier" | "ago" | "before" | "later" | "prior")
                    })
                }
            })
    }

    /// "Sappers have cleared more than 36,000 hectares of farmland in the
    /// Kursk region of mines": ground cleared of what the lexicon's
    /// exclusions after a figure name ("of mines", "of sabotage groups"),
    /// past the place it is in.
    fn is_cleared_of_something_else(&self, sentence: &str, figure: &Figure) -> bool {
        // (Asked of every area: most sentences say nothing of clearing.)
        if figure.measure != Measure::Area || !sentence.contains("lear") {
            return false;
        }
        let rest = &sentence[figure.end..];
        // (To the next figure: "160 km² have been liberated and another 170
        // km² cleared of sabotage groups" clears only the 170.)
        let clause = &rest[..rest
            .find(|c: char| matches!(c, ',' | ';' | '.' | ':') || c.is_ascii_digit())
            .unwrap_or(rest.len())];
        // ("… and another 170 square kilometres cleared of enemy sabotage
        // groups": the verb may follow.)
        let before =
            &sentence[crate::text::ceil_boundary(sentence, figure.number.start.saturating_sub(40))
                ..figure.number.start];
        let clearing =
            |text: &str| crate::text::contains_any_word(text, &["cleared", "clearing", "clear"]);
        if !clearing(before) && !clearing(clause) {
            return false;
        }
        let clause = &clause[..crate::text::floor_boundary(clause, 120)];
        self.lexicon
            .exclusions_after
            .find_all(clause)
            .iter()
            .any(|hit| clause[hit.start..].starts_with("of "))
    }

    /// Whether `after`, the text after an area or share and what it is of,
    /// says a state of the land of it by a verb (lexicon `land_states`),
    /// past an aside between dashes or commas: "… of its territory — nearly
    /// a third of the country — is contaminated with mines", "… of farmland
    /// in Kherson oblast remain mined" (not "captured 20 km² of mined fields").
    fn is_said_of_another_state(&self, after: &str) -> bool {
        let mut rest = after.trim_start();
        // (An aside opened by a comma may close with a dash, and the figure
        // may itself be the aside: "…, nearly a quarter of the country, may
        // still be contaminated".)
        if let Some(mark) = rest.chars().next().filter(|c| matches!(c, '—' | '–' | ',')) {
            rest = &rest[mark.len_utf8()..];
            let close = match mark {
                ',' => rest.find(['—', '–', ',']),
                _ => rest.find(['—', '–']),
            };
            // ("…, nearly a quarter of the country, may be contaminated by
            // mines, making …": past the figure's own aside, the predicate.)
            let predicate_follows = crate::text::next_words(rest, 1)
                .first()
                .is_some_and(|word| {
                    matches!(
                        &**word,
                        "may"
                            | "might"
                            | "could"
                            | "is"
                            | "are"
                            | "was"
                            | "were"
                            | "remain"
                            | "remains"
                    )
                });
            let close = close.filter(|_| !predicate_follows);
            match close.filter(|&at| at <= 120) {
                Some(close) => {
                    rest = &rest[close..];
                    rest = rest.trim_start_matches(['—', '–', ',']);
                }
                // ("closer to 500 km², though much of that is grey zone": a
                // clause a conjunction opens is another's.)
                None if mark == ','
                    && crate::text::next_words(rest, 1)
                        .first()
                        .is_some_and(|word| {
                            matches!(
                                &**word,
                                "though" | "although" | "while" | "whereas" | "but" | "and" | "yet"
                            )
                        }) =>
                {
                    return false
                }
                None => {}
            }
        }
        let clause = &rest[..rest
            .find([',', ';', ':', '—', '–', '('])
            .unwrap_or(rest.len())];
        self.lexicon
            .land_states
            .find_all(clause)
            .iter()
            .any(|state| {
                // ("is considered potentially contaminated", "have burned",
                // "were marked as grey zone")
                clause[..state.start]
                    .split_whitespace()
                    .rev()
                    .take(3)
                    .any(|word| {
                        let is =
                            |words: &[&str]| words.iter().any(|w| word.eq_ignore_ascii_case(w));
                        is(&[
                            "is", "are", "was", "were", "be", "been", "remain", "remains",
                            "remained", "have", "has", "had",
                        ])
                    })
            })
    }

    /// Whether figure `index` counts a kind among the weapons of the figure
    /// before ("500 drones …, more than 300 of which were Shaheds"): not a
    /// count of its own. A part that was shot down or lost, or that falls in
    /// a region ("40 of them over the Bryansk region"), is one.
    fn is_type_breakdown(&self, sentence: &str, figures: &[Figure], index: usize) -> bool {
        let (figure, previous) = (&figures[index], &figures[index - 1]);
        let counts_a_part = figure.end == figure.number.end
            && figure.measure == Measure::Count
            && previous.measure == Measure::Count
            && previous.noun_class == figure.noun_class
            && !previous.is_comparison
            && figures::starts_with_part_pronoun(&sentence[figure.end..]);
        if !counts_a_part {
            return false;
        }
        let clause_end = figures::clause_around(sentence, figure.end)
            .end
            .max(figure.end);
        let rest = &sentence[figure.end..clause_end];
        // ("… with 188 drones, and air defences destroyed 76 of them": its
        // own verb before it.)
        let between = &sentence[previous.end..figure.number.start];
        let counted_apart = self
            .lexicon
            .actions
            .iter()
            .filter(|action| !action.is_default)
            .any(|action| action.cues.is_match(rest) || action.cues.is_match(between))
            // ("94 guided aerial bombs, 27 of them on the Kupiansk direction";
            // not "13 of them Kalibr cruise missiles launched from the Black
            // Sea", where they were fired from)
            || !attach::region_mentions(self.lexicon, rest).is_empty()
            // ("…33,000 drones since the start of the year, nearly 4,000 of
            // them in August alone": a part of the period.)
            || !find_time_expressions(rest, self.anchor()).is_empty();
        !counted_apart
    }

    /// Whether `first` and `second` are joined by "and" at the head of their
    /// clause, with no verb before them that makes them its object.
    fn is_joint_subject(&self, sentence: &str, first: &Figure, second: &Figure) -> bool {
        let joined = sentence
            .get(first.end..second.number.start)
            .is_some_and(|gap| gap.trim().eq_ignore_ascii_case("and"));
        let clause = figures::clause_around(sentence, first.number.start);
        let before = &sentence[clause.start.min(first.number.start)..first.number.start];
        joined
            && !self
                .lexicon
                .actions
                .iter()
                .any(|action| action.cues.is_match(before))
    }

    /// The metric of a figure and how to find its actor.
    fn metric_of(
        &self,
        sentence: &str,
        figure: &Figure,
        figures: &[Figure],
        index: usize,
        previous_action: Option<&str>,
        own_time: Option<&TimeMatch>,
    ) -> Option<(&'a crate::lexicon::MetricSpec, ActorRole)> {
        let lexicon = self.lexicon;
        match figure.measure {
            Measure::Area => {
                let (mut action, lost, cue) = self.area_action(sentence, figure);
                // ("Q: How much of Kursk region does Ukraine still hold? A:
                // About 1,000 square kilometres": the question's verb.)
                if cue.is_none() && previous_action.is_none() {
                    if let Some(asked) = self.area_action_asked(self.reading) {
                        action = asked;
                    }
                }
                if cue.is_none() && previous_action.is_none() && states_a_size(sentence, figure)
                    || is_size_of_a_place_compared(sentence, figure)
                {
                    return None;
                }
                // "The area under Russian control grew by 505 km² last month
                // to 116,500 km²": the level the gain led to is held.
                // ("… compared to 461 km² in October" is the gain compared with.)
                // ("…, and by March the pace had fallen to 203 km²": a pace
                // of gains is a gain.)
                // ("…, bringing their total for 2024 to nearly 4,000 km²": a
                // total of a period is ground gained over it.)
                let level_after_gain = index.checked_sub(1).is_some_and(|before| {
                    let previous = &figures[before];
                    let gap = &sentence[previous.end..figure.number.start];
                    previous_action == Some("gain")
                        && previous.measure == Measure::Area
                        && !previous.is_comparison
                        && !figures::opens_a_range_of_figures(sentence, previous.number.start)
                        && !figure.is_comparison
                        && crate::text::ends_with_any_word(
                            gap,
                            &["to", "to a total of", "bringing the total to"],
                        )
                        && !names_a_pace(gap)
                        && !totals_a_period(gap)
                        && !attach::revises(gap)
                        // ("Monthly gains fell from 427 sq km in January to
                        // 354 …, before slipping further to 240": the gains
                        // the clause is about, when the gap names no whole.)
                        && (names_a_whole(gap) || {
                            let clause = figures::clause_around(sentence, previous.number.start);
                            let lead = clause.start.min(previous.number.start)..previous.number.start;
                            !names_a_pace(&sentence[lead])
                        })
                });
                // "Ukraine expanded its foothold in Kursk region to roughly
                // 1,300 km²": the level a holding grew to ("increased its
                // gains to 500 km²" is still a gain).
                let grown_to =
                    crate::text::ends_with_any_word(&sentence[..figure.number.start], &["to"]) && {
                        let clause = figures::clause_around(sentence, figure.number.start);
                        let before =
                            &sentence[clause.start.min(figure.number.start)..figure.number.start];
                        crate::text::contains_any_word(before, GROWTH_VERBS)
                            && !names_a_pace(before)
                    };
                // "controlled about 1,300 km² … at the height of the incursion":
                // a verb of gain or of holding, read at a moment, holds.
                // So does "controlled 116,052 km² of Ukraine on Dec. 1": a day
                // ("said on Monday that his forces controlled about 1,000 km²").
                let held_at_a_moment = cue.is_some_and(|at| {
                    let verb_is = |word: &str| {
                        sentence
                            .get(at..at + word.len())
                            .is_some_and(|verb| verb.eq_ignore_ascii_case(word))
                    };
                    let (controlled, occupied) = (verb_is("controlled"), verb_is("occupied"));
                    let dated_day = own_time.is_some_and(
                        |time| matches!(time.value, TimeValue::Period(p) if p.days() == 1),
                    );
                    // "the map on Monday showed Russian forces occupying
                    // 114,500 sq km": what they occupied that day ("with
                    // troops occupying 389 km²" in February is a gain).
                    if verb_is("occupying") && dated_day {
                        return true;
                    }
                    if !(controlled || occupied) {
                        return false;
                    }
                    let at_a_peak = [
                        "at the height of",
                        "at its height",
                        "at its peak",
                        "at the peak of",
                    ]
                    .iter()
                    .any(|moment| crate::text::contains_word(sentence, moment));
                    // ("By 20 August, Kyiv said its forces controlled 1,263 km²".)
                    let on_a_date = own_time.is_some_and(|time| {
                        let lead = crate::text::lower_window(sentence, time.start, 8);
                        dated_day
                            && crate::text::ends_with_any_word(
                                &lead,
                                &["on", "as of", "as at", "by"],
                            )
                    });
                    // "Kyiv said its forces controlled 1,263 km² of the
                    // region": reported speech of a holding, with no period
                    // for a gain.
                    let reported_holding = own_time.is_none() && {
                        let clause = figures::clause_around(sentence, at);
                        crate::text::contains_any_word(
                            &sentence[clause.start.min(at)..at].to_lowercase(),
                            &["said", "says", "reported", "claimed"],
                        )
                    };
                    // "By the end of 2014, separatists controlled about 16,000
                    // km²", "occupied about 116,000 km² at the end of 2025".
                    let read_to =
                        own_time.map_or(figure.number.start, |t| t.end.max(figure.number.start));
                    let by_a_moment = ["by the end of", "at the end of", "as of", "as at"]
                        .iter()
                        .any(|moment| crate::text::contains_word(&sentence[..read_to], moment));
                    (controlled && (at_a_peak || on_a_date || by_a_moment || reported_holding))
                        || (occupied && (at_a_peak || by_a_moment))
                });
                // "…, up from 115,351 a month earlier": a figure compared with
                // is what the one before it is.
                let compared_with_previous = figure.is_comparison
                    && index > 0
                    && figures[index - 1].measure == Measure::Area;
                // "occupies about 18% of Ukraine, including … it grabbed in
                // 2014 — some 44,000 square miles": a share restated as an
                // area is what the share is, whatever the aside between says.
                let restates_share = figures::restates_previous_share(sentence, figures, index);
                // "One blogger put it at 120,500 km² as of January 1": with no
                // verb of its own, an area as of a day is the level that day.
                let level_as_of_a_day = cue.is_none()
                    && own_time.is_some_and(|time| {
                        matches!(time.value, TimeValue::Period(p) if p.days() == 1)
                            && crate::text::ends_with_any_word(
                                &crate::text::lower_window(sentence, time.start, 8),
                                &["as of", "as at"],
                            )
                    });
                if level_after_gain || held_at_a_moment || grown_to || level_as_of_a_day {
                    action = "hold".to_string();
                } else if let Some(previous) =
                    previous_action.filter(|_| compared_with_previous || restates_share)
                {
                    action = previous.to_string();
                }
                let dated = own_time.is_some();
                if !dated
                    && !lost
                    && action != "hold"
                    && is_total_so_far(lexicon, sentence, figure, cue)
                {
                    action = "hold".to_string();
                }
                let metric = lexicon.metric_for(Measure::Area, &action, None, None)?;
                let role = if action == "hold" {
                    ActorRole::Holder
                } else {
                    ActorRole::Territory { lost, cue }
                };
                Some((metric, role))
            }
            Measure::Percent => {
                let object = figure.object.map(|o| lexicon.object_names[o].as_str());
                let metric = lexicon
                    .metrics
                    .iter()
                    .map(|m| &m.spec)
                    .find(|m| m.measure == Measure::Percent && m.object.as_deref() == object)?;
                Some((metric, ActorRole::Holder))
            }
            Measure::Count => {
                let class = lexicon.noun_classes[figure.noun_class?].as_str();
                let action =
                    self.count_action(sentence, figure, figures, index, previous_action)?;
                let metric = lexicon.metric_for(Measure::Count, &action, Some(class), None)?;
                let role = if lexicon.action(&action).is_some_and(|a| a.is_default) {
                    ActorRole::Launcher
                } else {
                    ActorRole::Downed
                };
                Some((metric, role))
            }
        }
    }

    /// The action of a count figure: a cue next to it, the action of the
    /// figure it is coordinated with, else the default action of its class.
    fn count_action(
        &self,
        sentence: &str,
        figure: &Figure,
        figures: &[Figure],
        index: usize,
        previous_action: Option<&str>,
    ) -> Option<String> {
        let lexicon = self.lexicon;
        let previous_end = if index == 0 {
            0
        } else {
            figures[index - 1].end
        };
        let next_start = figures
            .get(index + 1)
            .map(|f| f.number.start)
            .unwrap_or(sentence.len());
        let class = lexicon.noun_classes[figure.noun_class?].as_str();
        // "296 of the 728 drones were shot down": the verb is the part's; the
        // whole is what was launched.
        if index > 0 && figures::is_partitive_head(sentence, figures, index - 1) {
            return lexicon
                .default_action(Measure::Count, Some(class))
                .map(str::to_string);
        }
        // A non-default action cue attached to this figure: in its
        // stretch before it, or right after its noun.
        let before = &sentence[previous_end..figure.number.start];
        // ("More on that overnight attack: Kyiv's military administration
        // says 14 of the drones … were destroyed": a heading's words are not
        // the figure's when a clause of its own follows the colon.)
        // ("… repelled a massive attack: 27 drones were destroyed over the
        // Belgorod region": nor when the figure opens a clause of its own.)
        let subject_of_its_own_verb = || {
            let after_end =
                crate::text::floor_boundary(sentence, (figure.end + 48).min(sentence.len()));
            let after = sentence[figure.end..after_end].trim_start();
            ["were ", "was ", "are ", "have been ", "had been "]
                .iter()
                .any(|verb| after.starts_with(verb))
                && lexicon
                    .actions
                    .iter()
                    .filter(|action| !action.is_default)
                    .any(|action| action.cues.is_match(after))
        };
        let before = match before.rfind(':') {
            Some(colon) if !before[colon + 1..].trim().is_empty() || subject_of_its_own_verb() => {
                &before[colon + 1..]
            }
            _ => before,
        };
        // Cues after the figure count up to the end of its clause:
        // "63 of the missiles and 570 of the drones were shot down".
        let after_end =
            crate::text::floor_boundary(sentence, (figure.end + 64).min(sentence.len()));
        let after = &sentence[figure.end..after_end];
        // "Most of them, 585, were downed": a figure set off by commas has
        // its verb after the second.
        let set_off = sentence[..figure.number.start].trim_end().ends_with(',');
        let after = match after.strip_prefix(',') {
            Some(rest) if set_off => rest,
            _ => after,
        };
        // "of which 114 (87 missiles and 27 drones) were intercepted": the
        // verb after the figure's bracketed parts.
        let after = match after.trim_start().strip_prefix('(') {
            Some(inside) => inside.find(')').map_or(after, |close| &inside[close + 1..]),
            None => after,
        };
        // A dash or bracket closes the aside a figure may stand in: "367
        // aerial targets — 298 drones and 69 missiles — and neutralised 266".
        let after = &after[..after
            .find([';', '.', ',', ':', '—', '–', ')'])
            .unwrap_or(after.len())];
        // "52 drones launched by Russia ... were shot down": a launch
        // word right after the noun claims the figure first.
        // ("Forty of the 52 drones launched ...": the launch word
        // after another figure is that figure's.)
        let next_figure_at = next_start.saturating_sub(figure.end);
        // The default action of this figure's weapons (launching), not of
        // other measures ("claimed" gains ground, it launches nothing).
        let default_action = lexicon.default_action(Measure::Count, Some(class));
        let is_default = |a: &&crate::lexicon::Action| Some(a.name.as_str()) == default_action;
        // ("17 UAVs were detected and destroyed": a launch word inside a
        // cue of another action is that action's.)
        let mut default_starts: Vec<usize> = lexicon
            .actions
            .iter()
            .filter(is_default)
            .flat_map(|a| a.cues.find_all(after))
            .map(|h| h.start)
            .filter(|&at| at < next_figure_at)
            .collect();
        if !default_starts.is_empty() {
            let other_cues: Vec<PhraseHit> = lexicon
                .actions
                .iter()
                .filter(|a| !a.is_default)
                .flat_map(|a| a.cues.find_all(after))
                .collect();
            default_starts.retain(|&at| {
                !other_cues
                    .iter()
                    .any(|cue| (cue.start..cue.end).contains(&at))
            });
        }
        let first_default_after = default_starts.into_iter().min().unwrap_or(usize::MAX);
        // "shot down 90% of the 5,000 drones Russia launched": the whole a
        // share was taken from; the cue before is the share's.
        let whole_of_a_share = {
            let lead = crate::text::lower_window(before, before.len(), 32);
            let lead = lead.trim_end();
            lead.strip_suffix(" of the")
                .or_else(|| lead.strip_suffix(" of"))
                .map(str::trim_end)
                .is_some_and(|share| {
                    share.ends_with('%')
                        || share.ends_with("per cent")
                        || share.ends_with("percent")
                })
        };
        // "296 drones were shot down, 415 were locationally lost": a cue right
        // after the previous figure is that figure's when this one has its own.
        let has_own_cue_after = || {
            lexicon.actions.iter().filter(|a| !a.is_default).any(|a| {
                a.cues
                    .find_all(after)
                    .first()
                    .is_some_and(|h| h.start < first_default_after)
            })
        };
        // ("296 of the drones had been shot down and 415 had been
        // locationally lost": the previous figure's partitive first.)
        let describes_previous = |cue: &PhraseHit| {
            let lead = before[..cue.start].trim().to_ascii_lowercase();
            let lead = match lead.strip_prefix("of ") {
                Some(partitive) => partitive
                    .split_once(' ')
                    .map_or("", |(_, rest)| rest)
                    .trim_start_matches(|c: char| c.is_alphanumeric() || c == '-')
                    .trim_start(),
                None => lead.as_str(),
            };
            index > 0 && is_nothing_or_an_auxiliary(lead) && has_own_cue_after()
        };
        let mut chosen = None;
        // (Only actions done to weapons: "the running count for July now
        // stands at about 2,900 drones" holds no ground.)
        let done_to_weapons = |action: &&crate::lexicon::Action| {
            lexicon.metrics.iter().any(|metric| {
                metric.spec.measure == Measure::Count && metric.spec.action == action.name
            })
        };
        for action in lexicon
            .actions
            .iter()
            .filter(|a| !a.is_default)
            .filter(done_to_weapons)
        {
            // (Each cue as its distance from the figure and its length: of
            // two cues as near, the longer says more: "were suppressed by
            // electronic warfare" is lost, not downed.)
            let cue_before = action
                .cues
                .find_all(before)
                .last()
                .filter(|hit| !whole_of_a_share && !describes_previous(hit))
                .map(|h| (before.len() - h.end, h.end - h.start));
            let cue_after = action
                .cues
                .find_all(after)
                .first()
                .map(|h| (h.start, h.end - h.start))
                .filter(|&(at, _)| at < first_default_after);
            let nearest = match (cue_before, cue_after) {
                (Some(b), Some(a)) => Some(if a.0 < b.0 { a } else { b }),
                (b, a) => b.or(a),
            };
            if let Some((distance, length)) = nearest {
                let nearer = chosen
                    .as_ref()
                    .is_none_or(|(_, d, l)| distance < *d || distance == *d && length > *l);
                if nearer {
                    chosen = Some((action.name.clone(), distance, length));
                }
            }
        }
        let chosen = chosen.map(|(name, distance, _)| (name, distance));
        // A launch word right after the previous figure describes that
        // figure ("83 drones launched overnight, as well as five ...").
        // ("Of the 87 drones the enemy launched during the night attack, 61
        // were shot down": a comma ends the clause of the launch word.)
        // ("6 rockets of the HIMARS multiple launch rocket system, 3 Neptune
        // missiles": "launch" in a weapon's name launches nothing.)
        let names_a_launcher = |after_cue: &str| {
            let rest = after_cue.trim_start();
            let word = &rest[..rest
                .find(|c: char| !c.is_ascii_alphabetic())
                .unwrap_or(rest.len())];
            [
                "rocket",
                "system",
                "systems",
                "vehicle",
                "vehicles",
                "site",
                "sites",
                "pad",
                "pads",
                "platform",
                "platforms",
            ]
            .iter()
            .any(|name| word.eq_ignore_ascii_case(name))
        };
        // "shot down 296 of the drones and seven of the missiles":
        // coordinated figures share their action.
        // (The first figure of a sentence has an action before it only when
        // it opens with the parts of the last fact: "Of these, 27 were …".)
        // ("downed 4,817 drones in November, up from 3,900 in October": what
        // a figure is compared with had the same fate.)
        let coordinated = previous_action.is_some() && (index == 0 || figure.is_comparison) || {
            let gap = before.trim().to_lowercase();
            gap.ends_with(" and")
                || gap == "and"
                || gap.ends_with('&')
                || gap.ends_with("incl.")
                || gap.ends_with([',', '·'])
                || gap.ends_with("as well as")
                || gap.ends_with("along with")
                || gap.ends_with("plus")
                || gap.ends_with("another")
                || gap.ends_with("a further")
                || gap.ends_with("including")
                || gap.ends_with("among them")
                // ("destroyed 16,640 UAVs, of which 4,925 were over Kursk
                // oblast": a part with no verb of its own)
                || gap.ends_with("of which")
                // "destroyed 337 drones: 126 over Bryansk, 45 over Kursk"
                || gap.ends_with(':')
                // "destroyed 41 UAVs over the Bryansk (21) and Kursk (12) regions"
                || gap.ends_with('(')
                // "destroyed 159 drones overnight — 63 of them over Bryansk",
                // "neutralised 405 targets – 385 drones and 20 missiles"
                || gap.ends_with(['—', '–'])
                    && (figures::starts_with_part_pronoun(&sentence[figure.number.end..])
                        || index > 0 && counts_a_part_of(lexicon, &figures[index - 1], figure)
                        // ("shot down 382 drones and 29 missiles — 411 aerial
                        // targets in total")
                        || sums_the_items_before(sentence, figures, index))
        };
        let launch_right_before = lexicon.actions.iter().filter(is_default).any(|a| {
            a.cues.find_all(before).last().is_some_and(|h| {
                if names_a_launcher(&before[h.end..]) {
                    return false;
                }
                // ("one S-200 missile converted for strikes on ground targets
                // and 58 drones": a noun of launching after a preposition
                // launches nothing.)
                let after_a_preposition = before[..h.start]
                    .split_whitespace()
                    .next_back()
                    .is_some_and(|word| {
                        matches!(
                            word.to_ascii_lowercase().as_str(),
                            "for" | "of" | "in" | "during" | "after" | "before"
                        )
                    });
                if after_a_preposition {
                    return false;
                }
                // ("111 drones were sent; 63 were shot down": the launch word
                // and its auxiliary are the figure before's.)
                let modifies_previous =
                    index > 0 && is_nothing_or_an_auxiliary(before[..h.start].trim());
                // ("destroyed 158 drones in one of the largest drone attacks
                // of the war, including 46 over Kursk region": a clause
                // ends between the launch word and a part of the figure
                // before.)
                let clause_ends_between =
                    (chosen.is_some() || coordinated) && before[h.end..].contains([',', ';']);
                !modifies_previous
                    && !clause_ends_between
                    && before.len() - h.end < chosen.as_ref().map(|c| c.1).unwrap_or(usize::MAX)
            })
        });
        let inherited = (chosen.is_none() && !launch_right_before && coordinated)
            .then_some(previous_action)
            .flatten();
        // "…, out of 20 launched": a launch word right after a bare figure
        // is its own, whatever came before it.
        let launched_right_after = figure.end == figure.number.end && first_default_after <= 1;
        // "In total, 606 aircraft, 26,290 unmanned aerial vehicles, … and
        // 1,344 rocket systems have been destroyed": an item's verb comes
        // after the last item of its list.
        let chosen = chosen.or_else(|| {
            (inherited.is_none() && !launch_right_before && !launched_right_after)
                .then(|| self.verb_after_the_list(sentence, figure))
                .flatten()
                .map(|name| (name, 0))
        });
        let action = match (chosen, inherited) {
            (_, Some(previous)) if !launched_right_after => previous.to_string(),
            (Some((name, _)), None) if !launch_right_before && !launched_right_after => name,
            _ => default_action?.to_string(),
        };
        Some(action)
    }

    /// The action of the passive verb after the list `figure` is an item of,
    /// not its last: "26,290 unmanned aerial vehicles, 532 surface-to-air
    /// missile systems and 1,344 rocket systems have been destroyed".
    fn verb_after_the_list(&self, sentence: &str, figure: &Figure) -> Option<String> {
        let rest = &sentence[figure.end..];
        if !rest.trim_start().starts_with(',') {
            return None;
        }
        let rest = &rest[..rest.find([';', '.', ':']).unwrap_or(rest.len())];
        if rest.len() > 320 {
            return None;
        }
        let (at, auxiliary) = [" have been ", " has been ", " were ", " had been "]
            .iter()
            .filter_map(|aux| Some((rest.find(aux)? + 1, aux.len() - 1)))
            .min()?;
        let items = &rest[..at];
        let only_items = items.bytes().any(|b| b.is_ascii_digit())
            && !crate::text::contains_any_word(items, &["which", "that", "who", "said", "while"]);
        if !only_items {
            return None;
        }
        let verb = &rest[at + auxiliary..];
        self.lexicon
            .actions
            .iter()
            .filter(|action| !action.is_default)
            .find(|action| action.cues.match_prefix(verb).is_some())
            .map(|action| action.name.clone())
    }

    /// Whether `after`, the text after a bare count, is a verb of its own
    /// that no action of the lexicon cues: "was damaged", "were wounded"
    /// (not "were shot down", "were launched").
    fn names_another_fate(&self, after: &str) -> bool {
        let rest = after.trim_start();
        let Some(participle) = ["was ", "were "]
            .iter()
            .find_map(|auxiliary| rest.strip_prefix(auxiliary))
        else {
            return false;
        };
        let participle = participle.trim_start();
        // (A participle, not "were over the Kursk region" or "were Shaheds".)
        let verb = participle
            .split(|c: char| !c.is_alphabetic())
            .next()
            .unwrap_or_default();
        // ("1,015 were recorded as locationally lost": the fate is what "as"
        // names.)
        let fate = participle[verb.len()..]
            .trim_start()
            .strip_prefix("as ")
            .map_or(participle, str::trim_start);
        verb.len() > 3
            && verb.ends_with("ed")
            && verb.starts_with(|c: char| c.is_ascii_lowercase())
            && !self.lexicon.actions.iter().any(|action| {
                action.cues.match_prefix(fate).is_some()
                    || action.loss_cues.match_prefix(fate).is_some()
            })
    }

    /// The action of ground that the question right before sentence `index`
    /// asks about ("How much … does Ukraine still hold?"): its verb nearest
    /// the question mark.
    fn area_action_asked(&self, index: usize) -> Option<String> {
        let question = self.question_at(index.checked_sub(1)?)?;
        let lexicon = self.lexicon;
        lexicon
            .actions
            .iter()
            .filter(|action| {
                lexicon
                    .metric_for(Measure::Area, &action.name, None, None)
                    .is_some()
            })
            .filter_map(|action| Some((action.cues.find_all(question).last()?.end, action)))
            .max_by_key(|(end, _)| *end)
            .map(|(_, action)| action.name.clone())
    }

    /// Whether an area figure is a gain (and whether its subject lost it) or a holding.
    fn area_action(&self, sentence: &str, figure: &Figure) -> (String, bool, Option<usize>) {
        let lexicon = self.lexicon;
        let position = figure.number.start;
        let distance_to = |hits: Vec<PhraseHit>| {
            hits.iter()
                .map(|h| {
                    if h.end <= position {
                        (position - h.end, h.start)
                    } else {
                        (h.start.saturating_sub(figure.end), h.start)
                    }
                })
                .min()
        };
        // Cues are looked for within 200 bytes of the figure, in its clause.
        let window_start = crate::text::ceil_boundary(sentence, position.saturating_sub(200));
        let clause_start = sentence[window_start..position]
            .rfind([';'])
            .map(|i| window_start + i + 1)
            .unwrap_or(window_start);
        let scope_end =
            crate::text::floor_boundary(sentence, (figure.end + 200).min(sentence.len()));
        let scope = &sentence[clause_start..scope_end];
        let shift = |hits: Vec<PhraseHit>| {
            hits.into_iter()
                .map(|mut h| {
                    h.start += clause_start;
                    h.end += clause_start;
                    h
                })
                .collect::<Vec<_>>()
        };
        let mut best: Option<(String, bool, usize, usize)> = None;
        for action in lexicon.actions.iter() {
            if lexicon
                .metric_for(Measure::Area, &action.name, None, None)
                .is_none()
            {
                continue;
            }
            let candidates = [
                (distance_to(shift(action.cues.find_all(scope))), false),
                (distance_to(shift(action.loss_cues.find_all(scope))), true),
            ];
            for (found, lost) in candidates {
                if let Some((distance, at)) = found {
                    // On a tie the longer cue wins: "is occupying" (a
                    // holding) over "occupying" (a gain).
                    if best
                        .as_ref()
                        .is_none_or(|b| distance < b.2 || (distance == b.2 && at < b.3))
                    {
                        best = Some((action.name.clone(), lost, distance, at));
                    }
                }
            }
        }
        // The action an area takes with no cue: gaining ground.
        let default_area_action = || {
            lexicon
                .default_action(Measure::Area, None)
                .unwrap_or("gain")
                .to_string()
        };
        // "expanded the area they control by 508 km²": held ground that grew
        // by the figure is ground gained.
        let grew_by = crate::text::ends_with_any_word(&sentence[..position], &["by"]);
        match best {
            Some((name, lost, _, at)) if name == "hold" && grew_by => {
                (default_area_action(), lost, Some(at))
            }
            Some((name, lost, _, at)) => (name, lost, Some(at)),
            None => (default_area_action(), false, None),
        }
    }
}

/// Whether `gap`, the words before a level, names the total of a period:
/// "bringing their total for 2024 to 4,000 km²", "its tally so far this
/// year to 3,300" total the gains of the period.
fn totals_a_period(gap: &str) -> bool {
    let words: Vec<String> = gap
        .split_whitespace()
        .map(|word| {
            word.trim_matches(|c: char| !c.is_alphanumeric())
                .to_ascii_lowercase()
        })
        .collect();
    words.windows(2).any(|pair| {
        matches!(pair[0].as_str(), "total" | "tally")
            && matches!(pair[1].as_str(), "for" | "this" | "so" | "since" | "in")
    })
}

/// Whether `gap`, the words between two figures, takes the first back: "—
/// no, sorry,", "— I mean", "or rather".
fn takes_back(gap: &str) -> bool {
    ["no, sorry", "sorry,", "i mean", "or rather"]
        .iter()
        .any(|words| crate::text::contains_word(gap, words))
}

/// The reported change that qualifies figure `index`: the first change after
/// it (before the next figure), else the nearest before it.
fn change_for(
    sentence: &str,
    figures: &[Figure],
    index: usize,
    changes: &[(usize, f64)],
) -> Option<f64> {
    let figure = &figures[index];
    // "fell 21% to 165, while drone launches rose 3% to 5,445": a change
    // leading to a figure is that figure's, whatever comes after the one
    // before.
    let leads_to = |at: usize, figure: &Figure| {
        sentence
            .get(at..figure.number.start)
            .is_some_and(|gap| gap.len() <= 24 && gap.trim_end().ends_with(" to"))
    };
    if let Some(own) = changes.iter().find(|(at, _)| leads_to(*at, figure)) {
        return Some(own.1);
    }
    let next_start = figures
        .iter()
        .skip(index + 1)
        .find(|f| !f.is_comparison)
        .map(|f| f.number.start)
        .unwrap_or(usize::MAX);
    let previous_end = if index == 0 {
        0
    } else {
        figures[index - 1].end
    };
    changes
        .iter()
        .find(|(at, _)| {
            *at >= figure.end
                && *at < next_start
                && !figures[index + 1..].iter().any(|next| leads_to(*at, next))
        })
        .or_else(|| {
            changes
                .iter()
                .rev()
                .find(|(at, _)| *at < figure.number.start && *at >= previous_end)
        })
        .map(|c| c.1)
}

/// Rounds away floating-point noise from unit conversion (0.01 precision).
/// Whether the clause of `sentence` around byte `at` names a side of
/// another war (the lexicon's `other_sides`) and none of ours: "Iran fired
/// 550 missiles at Israel".
fn is_about_another_war(lexicon: &Lexicon, sentence: &str, at: usize) -> bool {
    let other_sides = lexicon.other_sides.find_all(sentence);
    if other_sides.is_empty() {
        return false;
    }
    let clause = figures::clause_around(sentence, at);
    other_sides.iter().any(|side| clause.contains(&side.start))
        && !attach::actor_mentions(lexicon, sentence)
            .iter()
            .any(|m| !m.is_reporter && clause.contains(&m.hit.start))
}

/// `number`, or the numbers of its part past a time it begins in: "the first
/// half of 2025 to 19,970" reads as a range from the year, of which only
/// 19,970 is a number.
fn past_a_time(sentence: &str, number: NumberMatch, times: &[TimeMatch]) -> Vec<NumberMatch> {
    let time_end = times
        .iter()
        .find(|t| t.start <= number.start && number.start < t.end && t.end < number.end)
        .map(|t| t.end);
    let Some(from) = time_end.filter(|_| number.low.is_some()) else {
        return vec![number];
    };
    find_numbers(&sentence[from..number.end])
        .into_iter()
        .map(|part| NumberMatch {
            start: from + part.start,
            end: from + part.end,
            value_start: from + part.value_start,
            ..part
        })
        .collect()
}

/// The one count `value` holds and nothing else (trailing punctuation
/// aside): the value of a labelled line, "Over Bryansk region: 95".
fn lone_count(value: &str) -> Option<NumberMatch> {
    let mut numbers = find_numbers(value).into_iter();
    let (Some(number), None) = (numbers.next(), numbers.next()) else {
        return None;
    };
    let alone = value[..number.start].trim().is_empty()
        && value[number.end..]
            .trim_matches(|c: char| c.is_whitespace() || matches!(c, '.' | ';' | ','))
            .is_empty();
    (alone && number.kind == NumberKind::Cardinal).then_some(number)
}

fn round_value(value: f64) -> f64 {
    if value.abs() >= 1.0 {
        (value * 100.0).round() / 100.0
    } else {
        (value * 1_000_000.0).round() / 1_000_000.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn facts_of(text: &str) -> Vec<Fact> {
        let date = NaiveDate::from_ymd_opt(2025, 12, 2).expect("valid date");
        let document = Document::from_text("test", text).with_date(date);
        Extractor::new(Lexicon::default_lexicon()).extract(&document)
    }

    #[test]
    fn a_claim_repeated_in_a_document_is_kept_once() {
        let once = facts_of("In November, Russia captured 701 square kilometres.");
        assert_eq!(once.len(), 1);
        let twice = facts_of(
            "In November, Russia captured 701 square kilometres. \
             Analysts repeat it: in November, Russia captured 701 square kilometres.",
        );
        // The first telling is the one kept.
        assert_eq!(twice.len(), 1);
        assert_eq!((twice[0].start, twice[0].value), (once[0].start, 701.0));
        let another_value = facts_of(
            "In November, Russia captured 701 square kilometres. \
             Others say that in November, Russia captured 650 square kilometres.",
        );
        let values: Vec<f64> = another_value.iter().map(|fact| fact.value).collect();
        assert_eq!(values, [701.0, 650.0]);
    }

    #[test]
    fn only_times_of_kept_figures_count_as_left_unresolved() {
        let extractor = Extractor::new(Lexicon::default_lexicon());
        let undated =
            |text: &str| extractor.extract_with_warnings(&Document::from_text("test", text));
        let ours = undated("Russia launched 120 drones last week.");
        assert_eq!(ours.facts.len(), 1);
        assert!(
            ours.warnings
                .iter()
                .any(|w| w.starts_with("1 relative time expression(s) left unresolved")),
            "{:?}",
            ours.warnings
        );
        // Another war's figure is dropped, and its time with it.
        let theirs = undated("Iran launched 120 drones at Israel last week.");
        assert!(theirs.facts.is_empty(), "{:?}", theirs.facts);
        assert!(theirs.warnings.is_empty(), "{:?}", theirs.warnings);
    }

    #[test]
    fn a_share_restating_an_undated_area_stays_a_holding() {
        // "has occupied" with no time is what Russia holds, whatever the
        // area figure is taken for.
        let facts = facts_of(
            "Russia has occupied around 116,000 square kilometres of Ukraine, or about 19%.",
        );
        assert!(
            facts
                .iter()
                .any(|f| f.metric == "territory_controlled_pct" && f.value == 19.0),
            "{facts:?}"
        );
    }

    #[test]
    fn parts_of_one_count_add_up_with_their_bounds() {
        let facts =
            facts_of("Russia launched 20-30 Shahed drones and 12 Gerbera drones overnight.");
        assert_eq!(facts.len(), 1, "{facts:?}");
        let fact = &facts[0];
        assert_eq!(
            (fact.value, fact.value_low, fact.value_high, fact.qualifier),
            (37.0, Some(32.0), Some(42.0), Qualifier::Approx)
        );
        assert_eq!(
            fact.original_text,
            "20-30 Shahed drones and 12 Gerbera drones"
        );
    }
}
