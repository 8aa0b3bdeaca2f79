//! Which time expressions of a sentence date its figures: not the month a
//! figure is compared with ("down from 259 in August"), not a rank's
//! reference ("the largest attack since May"), and a source's report date
//! ("said on Monday") only as a last resort, or as the day relative times
//! count from.

use chrono::{Datelike, NaiveDate};

use super::attach;
use crate::fact::Period;
use crate::time::{find_time_expressions, TimeMatch, TimeValue};

/// The first period a sentence names for what it reports: not a comparison's
/// month, not a rank's reference, and a report date only when `report_dates`.
/// Relative times count from the day of the report, as a figure's own do.
pub(super) fn first_period(
    sentence: &str,
    times: &[TimeMatch],
    report_dates: bool,
) -> Option<Period> {
    times
        .iter()
        .filter(|t| {
            !is_compared(sentence, t) && !is_rank(sentence, t) && !is_surpassed(sentence, t)
        })
        .filter(|t| is_report_date(sentence, t) == report_dates)
        .map(|t| attach::join_time_pair(sentence, t, times))
        .find_map(|t| match t.value {
            TimeValue::Period(period) if report_dates || !can_be_reanchored(period) => Some(period),
            // (The report day only when a time may move: most are months.)
            // (A night stays dated by its morning: "on the night of 28–29
            // December, … said on Monday".)
            TimeValue::Period(period) => match report_day(sentence, times) {
                Some(day) => {
                    match attach::join_time_pair(sentence, &reanchored(sentence, t, day), times)
                        .value
                    {
                        TimeValue::Period(again) => Some(again),
                        _ => Some(period),
                    }
                }
                None => Some(period),
            },
            _ => None,
        })
}

/// Whether [`reanchored`] may move `period`: not a month, a year or a
/// calendar week, which name themselves whatever day they are told on.
fn can_be_reanchored(period: Period) -> bool {
    !(period.is_month() || period.is_year() || is_calendar_week(period))
}

/// The day a source reported on ("The ministry said on July 9 that it
/// downed 86 drones overnight"): relative times count from it.
pub(super) fn report_day(sentence: &str, times: &[TimeMatch]) -> Option<NaiveDate> {
    times
        .iter()
        .filter(|t| is_report_date(sentence, t))
        .find_map(|t| match t.value {
            TimeValue::Period(period) if period.days() == 1 => Some(period.start),
            _ => None,
        })
}

/// The day a sentence opens with, set off by a comma: "On Monday, …", "10
/// March, …".
pub(super) fn opening_day(sentence: &str, times: &[TimeMatch]) -> Option<NaiveDate> {
    let first = times.first()?;
    opens_the_sentence(sentence, first)?;
    match first.value {
        TimeValue::Period(period) if period.days() == 1 => Some(period.start),
        _ => None,
    }
}

/// The day counted from the one the text is about that opens the sentence
/// ("A week earlier, …", "Two days later, …"), if one does.
pub(super) fn opening_counted_day<'t>(
    sentence: &str,
    times: &'t [TimeMatch],
) -> Option<&'t TimeMatch> {
    let first = times.first()?;
    opens_the_sentence(sentence, first)?;
    matches!(first.value, TimeValue::RelativeToContext { months: 0, days } if days != 0)
        .then_some(first)
}

/// What follows `time` when it opens the sentence, set off by a comma
/// ("On Dec. 21, …", "Monday, …"): the rest after the comma.
fn opens_the_sentence<'s>(sentence: &'s str, time: &TimeMatch) -> Option<&'s str> {
    let lead = sentence[..time.start].trim();
    if !(lead.is_empty() || lead.eq_ignore_ascii_case("on")) {
        return None;
    }
    sentence[time.end..].trim_start().strip_prefix(',')
}

/// Whether a time says "the night" of a report: "overnight", "last night".
pub(super) fn names_the_night(said: &str) -> bool {
    ["overnight", "last night"]
        .iter()
        .any(|night| said.eq_ignore_ascii_case(night))
}

/// "down from 259 in August" names the month compared with, which is never
/// what the sentence, or later ones, are about.
pub(super) fn is_compared(sentence: &str, time: &TimeMatch) -> bool {
    compared_by(sentence, time, |rest| {
        rest.is_empty() || rest.starts_with(|c: char| c.is_ascii_digit())
    })
}

/// "compared with 26 in October": the time of a figure compared with, which
/// dates no figure after it ("…, and 505 square kilometres").
pub(super) fn is_time_of_compared_figure(sentence: &str, time: &TimeMatch) -> bool {
    compared_by(sentence, time, |rest| {
        rest.starts_with(|c: char| c.is_ascii_digit())
    })
}

/// Whether a comparison word comes before `time` in its clause, and
/// `follows` accepts what stands between the two (trimmed, without "the").
fn compared_by(sentence: &str, time: &TimeMatch, follows: fn(&str) -> bool) -> bool {
    // Wide enough for a list of figures compared with: "compared with 5,298
    // drones and 205 missiles in October".
    let before = crate::text::lower_window(sentence, time.start, 64);
    let clause = last_clause(&before);
    // The time follows the comparison word directly ("from August") or right
    // after the figure compared with ("from 259 in August"); "fired from the
    // Black Sea on Monday" compares nothing.
    [
        "from",
        "compared with",
        "compared to",
        "than",
        "versus",
        "vs",
        "against",
        // "a 16 percent increase on June" (not "shot down on Monday").
        "increase on",
        "increase over",
        "rise on",
        "jump on",
        "drop on",
        "decrease on",
        "decline on",
        // "180 km², nearly double October's 94 km²" (not "twice in October").
        "double",
        "twice",
        "triple",
        "treble",
    ]
    .iter()
    // Most clauses have none of the words: a cheap look first.
    .filter(|word| crate::text::contains_word(clause, word))
    .filter_map(|word| {
        clause
            .match_indices(word)
            .filter(|(at, _)| {
                clause[..*at]
                    .chars()
                    .next_back()
                    .is_none_or(|c| !c.is_alphanumeric())
            })
            // "launched more than 54,000 drones in 2025": a hedge of the
            // clause's own figure, not a figure compared with.
            // ("— more than in 2024": a time after "than", not a number, is
            // compared with.)
            .filter(|(at, word_text)| {
                let lead = clause[..*at].trim_end();
                let hedge = ["more", "less", "fewer"].iter().any(|w| lead.ends_with(w));
                let rest = clause[*at + word_text.len()..].trim_start();
                let time_follows = ["in ", "during ", "for ", "on ", "the "]
                    .iter()
                    .any(|preposition| rest.starts_with(preposition));
                let hedges_its_own_figure = *word == "than"
                    && hedge
                    && !time_follows
                    && !lead.bytes().any(|b| b.is_ascii_digit());
                // ("twice in October": when it happened, not a comparison;
                // "double the 2024 total" is one.)
                let multiple = matches!(*word, "double" | "twice" | "triple" | "treble");
                let says_when = multiple && time_follows && !rest.starts_with("the ");
                !(hedges_its_own_figure || says_when)
            })
            .last()
            .map(|(at, _)| &clause[at + word.len()..])
    })
    .any(|rest| {
        // "than in 2024", "compared with the same period": the preposition
        // and article before the time say nothing.
        let rest = rest.trim_start();
        let rest = ["in ", "during ", "for ", "on "]
            .iter()
            .find_map(|preposition| rest.strip_prefix(preposition))
            .unwrap_or(rest);
        follows(rest.strip_prefix("the ").unwrap_or(rest).trim())
    })
}

/// "surpassed the previous record of 550 drones fired on July 4", "eclipsed
/// the 810 drones of September 7": the day of a record beaten dates that
/// record's figure, not what the sentence, or later ones, are about.
pub(super) fn is_surpassed(sentence: &str, time: &TimeMatch) -> bool {
    let before = crate::text::lower_window(sentence, time.start, 64);
    crate::text::contains_any_word(
        last_clause(&before),
        &[
            "previous record of",
            "the record of",
            "previous high",
            "surpassed",
            "surpassing",
            "eclipsed",
            "eclipsing",
            "outstripped",
            "outstripping",
            "topped",
            "topping",
        ],
    )
}

/// "the highest since May" ranks a figure; it does not date anything.
pub(super) fn is_rank(sentence: &str, time: &TimeMatch) -> bool {
    let before = crate::text::lower_window(sentence, time.start, 64);
    let clause = last_clause(&before);
    // A superlative among the last six words before "since": "the highest
    // since", "the largest attack since", "the biggest monthly gain since"
    // ("its best month was November" dates its figure).
    let since = sentence[time.start..time.end]
        .get(..5)
        .is_some_and(|head| head.eq_ignore_ascii_case("since"))
        || clause.trim_end().ends_with("since");
    // "the largest monthly gain this year", "June was the most productive
    // month for the Russian army this year": the year a month's figure is
    // ranked in ("its biggest gains in 2024" may be the year's own figure).
    let ranked_within = matches!(time.value, TimeValue::Period(period) if period.days() > 31)
        && [
            "monthly",
            "weekly",
            "daily",
            "nightly",
            "single-day",
            "one-day",
            "month",
            "week",
            "night",
        ]
        .iter()
        .any(|unit| crate::text::contains_word(clause, unit));
    let ranked = (since || ranked_within)
        && clause
            .split(|c: char| !c.is_alphanumeric() && c != '-')
            .filter(|word| !word.is_empty())
            .rev()
            // ("the most successful month on the battlefield since", "the
            // most productive month for the Russian army this year")
            .take(8)
            // "second-largest": the superlative after the hyphen.
            .any(|word| SUPERLATIVES.contains(&word.rsplit('-').next().unwrap_or(word)));
    // "for the first time since May" ranks; "for the first time in July"
    // says when it happened ("for the first time this year" does not).
    let says_when = ["first time in", "first time on"]
        .iter()
        .any(|lead| clause.trim_end().ends_with(lead))
        && matches!(time.value, TimeValue::Period(period) if period.is_month() || period.days() == 1);
    // ("more than in any month since the autumn of 2022": beats them all.)
    let beats_any = since
        && crate::text::contains_word(clause, "than")
        && crate::text::contains_word(clause, "any");
    ranked || beats_any || (crate::text::contains_word(clause, "first time") && !says_when)
}

/// "said on Monday", a dateline: the time dates the report, not what it reports.
pub(super) fn is_report_date(sentence: &str, time: &TimeMatch) -> bool {
    is_dateline(sentence, time)
        || is_said_on(sentence, time)
        || opens_what_was_said(sentence, time)
        || in_opening_of_speech(sentence, time)
}

/// "Speaking alongside Lithuania's president in Kyiv on Monday, Zelensky
/// said …": a time in an opening clause of speaking dates the speech.
fn in_opening_of_speech(sentence: &str, time: &TimeMatch) -> bool {
    let opening = sentence.trim_start();
    let speaks = ["Speaking ", "Addressing ", "Writing ", "Talking "]
        .iter()
        .any(|verb| opening.starts_with(verb));
    speaks
        && sentence
            .find(',')
            .is_some_and(|comma| time.end <= comma && comma <= 160)
}

/// "On Dec. 21, the Russian defence ministry said its air defences had
/// destroyed 12 drones overnight": a day opening the sentence, then who said
/// what follows.
fn opens_what_was_said(sentence: &str, time: &TimeMatch) -> bool {
    let Some(after) = opens_the_sentence(sentence, time) else {
        return false;
    };
    let speaker_and_verb = &after[..after.find([',', ';', ':']).unwrap_or(after.len())];
    crate::text::next_words(speaker_and_verb, 7)
        .iter()
        .skip(1)
        .any(|word| {
            matches!(
                word.as_ref(),
                "said" | "announced" | "reported" | "claimed" | "stated"
            )
        })
}

/// "KYIV, Dec 2 (Reuters) -", "Kyiv, Ukraine, December 2 —": the place and
/// day a story was filed from, at the start of its text.
fn is_dateline(sentence: &str, time: &TimeMatch) -> bool {
    let lead = sentence[..time.start].trim_end();
    let after = sentence[time.end..].trim_start();
    lead.len() <= 40
        && lead.ends_with(',')
        && lead
            .split_whitespace()
            .all(|word| word.starts_with(|c: char| c.is_uppercase()))
        && after.starts_with(['(', '-', '–', '—'])
}

/// "the ministry said on Monday": when a source spoke.
fn is_said_on(sentence: &str, time: &TimeMatch) -> bool {
    const VERBS: [&str; 9] = [
        "said",
        "announced",
        "reported",
        "told",
        "claimed",
        "stated",
        "added",
        "wrote",
        "published",
    ];
    let before = crate::text::lower_window(sentence, time.start, 32);
    let before = before.trim_end().trim_end_matches(" on").trim_end();
    if VERBS.iter().any(|verb| before.ends_with(verb)) {
        return true;
    }
    // "told reporters on Thursday", "told a news conference on Monday"
    before.contains("told ")
        && [
            "reporters",
            "journalists",
            "the media",
            "a news conference",
            "a press conference",
            "a briefing",
            "lawmakers",
            "parliament",
        ]
        .iter()
        .filter_map(|audience| before.strip_suffix(audience))
        .any(|lead| lead.trim_end().ends_with("told"))
        || told_someone_named(&sentence[..time.start])
}

/// "… Syrskyi told President Zelensky on Monday": `lead` (the text before
/// the time) ends with "told", a name of up to four capitalised words, and
/// "on".
fn told_someone_named(lead: &str) -> bool {
    let Some(lead) = lead.trim_end().strip_suffix(" on") else {
        return false;
    };
    let last_words: Vec<&str> = lead.split_whitespace().rev().take(5).collect();
    let named = last_words
        .iter()
        .take(4)
        .take_while(|word| word.starts_with(|c: char| c.is_uppercase()))
        .count();
    named > 0 && last_words.get(named) == Some(&"told")
}

/// A time expression resolved again against `day` instead of the
/// publication date; unchanged unless it reads the same way from there.
/// Calendar weeks, months and years stay in the writer's frame: in "1,000
/// drones last week, Zelensky said on Sunday", published on Monday, last week
/// is the one that ended on Sunday; days and rolling windows ("overnight",
/// "over the past week") count from the day of the report.
pub(super) fn reanchored(sentence: &str, time: TimeMatch, day: NaiveDate) -> TimeMatch {
    if let TimeValue::Period(period) = time.value {
        if !can_be_reanchored(period) {
            return time;
        }
    }
    let text = &sentence[time.start..time.end];
    match find_time_expressions(text, Some(day)).as_slice() {
        [again] if again.start == 0 && again.end == text.len() => TimeMatch {
            value: again.value,
            ..time
        },
        _ => time,
    }
}

/// Whether `period` is a Monday-to-Sunday week.
fn is_calendar_week(period: Period) -> bool {
    period.days() == 7 && period.start.weekday() == chrono::Weekday::Mon
}

/// Words that rank a figure against a time: "the highest since May".
const SUPERLATIVES: &[&str] = &[
    "highest",
    "lowest",
    "largest",
    "smallest",
    "biggest",
    "most",
    "fewest",
    "least",
    "greatest",
    "strongest",
    "weakest",
    "fastest",
    "slowest",
    "worst",
    "best",
    "heaviest",
    "deadliest",
];

/// The text after the last clause mark of `text`: a semicolon, or a comma
/// that is no thousands separator ("compared with 5,298 drones and 205
/// missiles in" is one clause).
fn last_clause(text: &str) -> &str {
    let bytes = text.as_bytes();
    let mark = (0..bytes.len()).rev().find(|&at| match bytes[at] {
        b';' => true,
        b',' => {
            !(at > 0
                && bytes[at - 1].is_ascii_digit()
                && bytes.get(at + 1).is_some_and(u8::is_ascii_digit))
        }
        _ => false,
    });
    mark.map_or(text, |at| &text[at + 1..])
}
