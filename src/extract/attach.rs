//! Giving each figure of a sentence its period, actor and region, and the
//! reported change or rank that qualifies it.

use std::ops::Range;
use std::sync::LazyLock;

use aho_corasick::AhoCorasick;
use chrono::{Datelike, Duration, Months};
use regex::Regex;

use super::figures::{change_sign, Figure};
use crate::fact::Period;
use crate::lexicon::{Lexicon, Measure, PhraseHit};
use crate::number::{NumberKind, NumberMatch};
use crate::text::{contains_word, floor_boundary, lower_window, next_words};
use crate::time::{TimeMatch, TimeValue};

/// Marks that end a clause between a figure and a neighbouring expression.
fn has_clause_break(gap: &str) -> bool {
    let lower = gap.to_lowercase();
    gap.contains([',', ';', ':', '—', '–', '(', ')'])
        || [
            " and ",
            " while ",
            " but ",
            " whereas ",
            " compared ",
            " against ",
            " versus ",
        ]
        .iter()
        .any(|word| lower.contains(word))
        || lower.trim_start().starts_with("and ")
}

/// `gap` without the aside it opens with: "43,000 km² — Crimea and parts of
/// Donbas — on the eve of …", "43,000 km² (including Crimea) in 2022".
fn without_leading_aside(gap: &str) -> &str {
    let trimmed = gap.trim_start();
    let Some(opener) = trimmed.chars().next() else {
        return gap;
    };
    let close = match opener {
        '—' | '–' => opener,
        '(' => ')',
        _ => return gap,
    };
    let inside = &trimmed[opener.len_utf8()..];
    match inside.find(close) {
        Some(end) if end <= 80 && !inside[..end].contains([';', ':']) => {
            &inside[end + close.len_utf8()..]
        }
        _ => gap,
    }
}

/// `gap`, the text after `figure`, past the comma that closes the figure
/// when the figure is an apposition of the sentence's subject: "The
/// previous record, 537 aerial targets, had been set ten days earlier".
fn past_end_of_apposition<'g>(sentence: &str, figure: &Figure, gap: &'g str) -> &'g str {
    let Some(rest) = gap.trim_start().strip_prefix(',') else {
        return gap;
    };
    let opened = sentence[..figure.number.start].trim_end().ends_with(',');
    let verb_follows = next_words(rest, 1).first().is_some_and(|word| {
        matches!(
            &**word,
            "had" | "has" | "have" | "was" | "were" | "is" | "are"
        )
    });
    if opened && verb_follows {
        rest
    } else {
        gap
    }
}

/// The time expression that belongs to a figure itself: right after it in the
/// same clause, or before it after a clause break that separates it from the
/// previous figure (or at the start of the sentence).
pub fn own_time<'t>(
    sentence: &str,
    figures: &[Figure],
    index: usize,
    times: &'t [TimeMatch],
) -> Option<&'t TimeMatch> {
    let figure = &figures[index];
    let time_after = |index: usize| {
        let figure = &figures[index];
        let next_start = figures
            .get(index + 1)
            .map(|f| f.number.start)
            .unwrap_or(sentence.len());
        times
            .iter()
            .find(|t| t.start >= figure.end && t.start < next_start)
            .filter(|t| {
                let gap = without_leading_aside(&sentence[figure.end..t.start]);
                let gap = past_end_of_apposition(sentence, figure, gap);
                // "505 km² were 21% higher than October's": the time compared with.
                let compared = crate::text::ends_with_any_word(
                    gap,
                    &[
                        "than",
                        "than in",
                        "from",
                        "compared with",
                        "compared to",
                        "versus",
                        "vs",
                    ],
                );
                // "75,000 km² beyond what it held before February 2022": the
                // time of a relative clause.
                !gap.contains([',', ';', ':', '—', '(', ')'])
                    && gap.len() < 60
                    && !compared
                    && !in_relative_clause(gap)
            })
    };
    let after = time_after(index);
    let previous_end = if index == 0 {
        0
    } else {
        figures[index - 1].end
    };
    // "in October 610 sq km and in November 505 sq km": the time right before
    // a list item is its own; the one after "and" is the next item's.
    let right_before = times.iter().rev().find(|t| {
        t.end <= figure.number.start
            && t.start >= previous_end
            && sentence[t.end..figure.number.start]
                .trim_matches([' ', ':'])
                .is_empty()
    });
    if let (Some(before), Some(after_time)) = (right_before, after) {
        if contains_word(&sentence[figure.end..after_time.start], "and") {
            return Some(before);
        }
    }
    // "more than seven times the 2023 figure of 565 sq km": the time the
    // figure is named by.
    let naming = times.iter().rev().find(|t| {
        t.end <= figure.number.start
            && t.start >= previous_end
            && super::figures::names_the_figure_of_a_time(&sentence[t.end..figure.number.start])
    });
    if naming.is_some() {
        return naming;
    }
    if after.is_some() {
        return after;
    }
    // "more than 12,000 missiles and 25,000 drones against Ukraine since 24
    // February 2022": figures joined as a list share the time after the last.
    // ("shot down 12 drones over the Sea of Azov and three over Zaporizhzhia
    // region on Tuesday": each item may name its place.)
    let joined_past_a_place = |previous: &Figure, next: &Figure| {
        let gap = sentence[previous.end..next.number.start].trim();
        gap.strip_suffix(" and").is_some_and(|place| {
            ["over ", "in ", "near ", "above "]
                .iter()
                .any(|preposition| place.starts_with(preposition))
                && !place.contains([',', ';'])
                && place.split_whitespace().count() <= 6
        })
    };
    let mut last_joined = index;
    while figures.get(last_joined + 1).is_some_and(|next| {
        super::figures::is_next_item(sentence, &figures[last_joined], next)
            || joined_past_a_place(&figures[last_joined], next)
    }) {
        last_joined += 1;
    }
    if last_joined > index {
        if let Some(shared) = time_after(last_joined) {
            return Some(shared);
        }
    }
    // "On the night of 9 July (from 19:00 on 8 July), Russia launched …":
    // a time in brackets before the figure only qualifies another time.
    // A time compared with dates no figure after it ("16 settlements in
    // November, compared with 26 in October, and 505 km²"; "tripled in 2024
    // compared with 2023, with Russian forces seizing 4,168 km²"), unless a
    // clause about it follows ("compared with October, when it took 461").
    let compared_only = |t: &TimeMatch| {
        super::dating::is_compared(sentence, t) && {
            let clause_follows = next_words(sentence[t.end..].trim_start_matches(','), 1)
                .first()
                .is_some_and(|word| word == "when");
            !clause_follows || super::dating::is_time_of_compared_figure(sentence, t)
        }
    };
    times
        .iter()
        .rev()
        .filter(|t| t.end <= figure.number.start && t.start >= previous_end)
        .filter(|t| !in_closed_brackets(sentence, t.start, figure.number.start))
        // ("including Crimea, which it annexed in 2014, nearly all of Luhansk
        // and roughly 60 percent of the Donetsk region": a relative clause
        // closed before the figure keeps its time, unless the figure counts
        // from it: "the counter-attack, which began on 10 September, has
        // since retaken 63 km²".)
        .filter(|t| {
            let between = &sentence[t.end..figure.number.start];
            !(in_relative_clause(&sentence[..t.start])
                && between.contains(',')
                && !contains_word(between, "since"))
        })
        .find(|t| !compared_only(t))
        .filter(|t| index == 0 || has_clause_break(&sentence[previous_end..t.start]))
}

/// Whether `position` is inside brackets that close before `until`.
fn in_closed_brackets(sentence: &str, position: usize, until: usize) -> bool {
    if position > until {
        return false;
    }
    let Some(open) = sentence[..position].rfind('(') else {
        return false;
    };
    if sentence[open..position].contains(')') {
        return false;
    }
    sentence[position..until].contains(')')
}

/// Whether the end of `gap` is in a relative clause: ", which Moscow
/// annexed in", "beyond what it held before".
pub fn in_relative_clause(gap: &str) -> bool {
    let clause = gap.rsplit([',', ';', '(', '—']).next().unwrap_or(gap);
    // (Every pronoun of the list has "wh".)
    if !clause.contains("wh") {
        return false;
    }
    ["which", "what", "who", "whose"]
        .iter()
        .any(|pronoun| contains_word(clause, pronoun))
}

/// "in September and October (combined)": two periods joined by "and" or
/// "to" make one span.
pub fn join_time_pair(sentence: &str, own: &TimeMatch, times: &[TimeMatch]) -> TimeMatch {
    // "on the night of 2-3 December", "overnight on 6–7 May": a night is
    // dated by its morning, as air forces report it, so that it falls in
    // one day (and one month).
    if let TimeValue::Period(period) = own.value {
        let lead = lower_window(sentence, own.start, 16);
        let overnight = sentence[own.start..own.end]
            .get(..9)
            .is_some_and(|said| said.eq_ignore_ascii_case("overnight"));
        if period.days() == 2 && (lead.trim_end().ends_with("night of") || overnight) {
            return TimeMatch {
                value: TimeValue::Period(Period::day(period.end)),
                ..own.clone()
            };
        }
    }
    // "this year, taking 4,500 km² by the end of November": the year up to
    // that point.
    if let TimeValue::Period(until) = own.value {
        let lead = lower_window(sentence, own.start, 12);
        if crate::text::ends_with_any_word(&lead, &["by", "through", "until", "up to"]) {
            let year = times
                .iter()
                .filter(|t| t.end <= own.start)
                .find_map(|t| match t.value {
                    TimeValue::Period(year)
                        if year.is_year() && year.start <= until.start && until.end <= year.end =>
                    {
                        Some(year)
                    }
                    _ => None,
                });
            if let Some(year) = year {
                return TimeMatch {
                    value: TimeValue::Period(Period::new(year.start, until.end)),
                    ..own.clone()
                };
            }
        }
    }
    let next = times.iter().find(|t| t.start >= own.end);
    // "overnight on Sept. 7": the date says which night.
    let own_text = sentence[own.start..own.end].to_lowercase();
    if own_text.contains("overnight") || own_text.contains("night") {
        if let Some(next) = next {
            let gap = sentence[own.end..next.start].trim().to_lowercase();
            if matches!(gap.as_str(), "on" | "into" | "of" | "to" | "") {
                if let TimeValue::Period(period) = next.value {
                    if period.days() == 1 {
                        return next.clone();
                    }
                }
            }
        }
    }
    // ("In November and December, Russia captured …": the figure's own
    // time is the second of the pair.)
    let previous = times.iter().rev().find(|t| t.end <= own.start);
    [(own, next), (previous.unwrap_or(own), Some(own))]
        .into_iter()
        .find_map(|(first, second)| span_of_pair(sentence, first, second?))
        .unwrap_or_else(|| own.clone())
}

/// The span from `first` to `second` when the text joins them with "and",
/// "to", "through" or a dash and they are times of one kind in order.
fn span_of_pair(sentence: &str, first: &TimeMatch, second: &TimeMatch) -> Option<TimeMatch> {
    let (TimeValue::Period(from), TimeValue::Period(to)) = (first.value, second.value) else {
        return None;
    };
    let gap = sentence.get(first.end..second.start)?.trim().to_lowercase();
    let joined = matches!(gap.as_str(), "and" | "to" | "through" | "-" | "–");
    let same_kind = from.is_month() && to.is_month()
        || from.is_year() && to.is_year()
        || from.days() == 1 && to.days() == 1;
    (joined && same_kind && to.start > from.end).then(|| TimeMatch {
        start: first.start,
        end: second.end,
        value: TimeValue::Period(Period::new(from.start, to.end)),
    })
}

/// Shifts a period by whole months (a month stays a month, a year a year).
pub fn shift_months(period: Period, months: i32) -> Option<Period> {
    let shift = |date: chrono::NaiveDate| {
        if months >= 0 {
            date.checked_add_months(Months::new(months as u32))
        } else {
            date.checked_sub_months(Months::new(months.unsigned_abs()))
        }
    };
    if period.is_month() {
        let start = shift(period.start)?;
        return Period::month(start.year(), start.month());
    }
    if period.is_year() && months % 12 == 0 {
        return Period::year(period.start.year() + months / 12);
    }
    Some(Period::new(shift(period.start)?, shift(period.end)?))
}

/// The period just before `period`, of the same kind: the previous month,
/// year, day or span of equal length.
pub fn previous_period(period: Period) -> Option<Period> {
    if period.is_month() {
        return shift_months(period, -1);
    }
    if period.is_year() {
        return shift_months(period, -12);
    }
    let length = Duration::days(period.days());
    Some(Period::new(
        period.start.checked_sub_signed(length)?,
        period.end.checked_sub_signed(length)?,
    ))
}

/// Resolves a time expression, taking relative ones from `main`.
pub fn resolve(value: TimeValue, main: Option<Period>) -> Option<Period> {
    match value {
        TimeValue::Period(period) => Some(period),
        TimeValue::RelativeToContext { months, days } => {
            let shifted = shift_months(main?, months)?;
            let by = Duration::days(i64::from(days));
            Some(Period::new(
                shifted.start.checked_add_signed(by)?,
                shifted.end.checked_add_signed(by)?,
            ))
        }
        TimeValue::BeforeContext { months } => {
            let main = main?;
            Some(Period::new(
                main.start.checked_sub_months(Months::new(months))?,
                main.start.pred_opt()?,
            ))
        }
        // (From a day only: the first week of a month is no week of it
        // the text names.)
        TimeValue::OpeningOfContext { months, days } => {
            let first_day = main.filter(|main| main.days() == 1)?.start;
            let after = first_day
                .checked_add_months(Months::new(months))?
                .checked_add_signed(Duration::days(i64::from(days)))?;
            Some(Period::new(first_day, after.pred_opt()?))
        }
        TimeValue::SinceContext | TimeValue::Unresolved => None,
    }
}

/// "In one month", "that month", "in a single month": the month talked about
/// in the sentences before.
static CONTEXT_MONTH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:in|over|during|within|for)\s+(?:just\s+|only\s+)?(?:one|a|a single|that|the same|the)\s+month(?-u:\b)|(?-u:\b)(?:that|the same)\s+month(?-u:\b)")
        .expect("valid regex")
});

/// True when the sentence refers to the month of its context.
pub fn mentions_context_month(sentence: &str) -> bool {
    // Every phrase ends in the word "month": a cheaper test first.
    contains_word(sentence, "month") && CONTEXT_MONTH.is_match(sentence)
}

/// "Over the year", "that year", "during the whole year": the year talked
/// about in the sentences before. ("in the year to October", "the year
/// before" are times of their own.)
static CONTEXT_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:(?:over|during|throughout|within|for|in)\s+(?:just\s+|only\s+)?(?:a single|that|the same|the whole|the entire|the)|that|the same)\s+year(?-u:\b)(?P<next>\s+[a-z]+)?")
        .expect("valid regex")
});

/// True when the sentence refers to the year of its context.
pub fn mentions_context_year(sentence: &str) -> bool {
    contains_word(sentence, "year")
        && CONTEXT_YEAR.captures_iter(sentence).any(|caps| {
            let next = caps.name("next").map_or("", |m| m.as_str().trim());
            ![
                "to", "since", "before", "after", "earlier", "later", "prior", "ending", "ended",
                "of", "through",
            ]
            .iter()
            .any(|word| next.eq_ignore_ascii_case(word))
        })
}

/// Whether `hit` is the place of a dateline: "KYIV, Oct 22 (Reuters) -",
/// "MOSCOW (AP) —", "Kyiv, Ukraine, December 2 –" (where a story was filed
/// from, not a side).
fn opens_a_dateline(sentence: &str, hit: &PhraseHit) -> bool {
    if hit.start > 40 {
        return false;
    }
    let head = &sentence[..floor_boundary(sentence, sentence.len().min(hit.end + 48))];
    let Some(dash) = [" -", " —", " –"]
        .iter()
        .filter_map(|mark| head.find(mark))
        .min()
    else {
        return false;
    };
    // (A place alone before a dash is no dateline: "Russia — which …"; nor
    // is a headline: "Russia Hits Ternopil With 476 Drones, 48 Missiles –".)
    let label = head[..dash].trim_end();
    let shouted = !sentence[hit.start..hit.end].contains(|c: char| c.is_lowercase());
    let dated_or_credited = label.ends_with(')') || label.ends_with(|c: char| c.is_ascii_digit());
    hit.end <= dash
        && label.contains([',', '('])
        && (shouted || dated_or_credited)
        && label
            .split(|c: char| c.is_whitespace() || c == ',')
            .filter(|word| !word.is_empty())
            .all(|word| {
                word.trim_matches(['(', ')', '.'])
                    .starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
            })
}

/// Where an actor is named, and in what role.
#[derive(Debug, Clone, Copy)]
pub struct ActorMention {
    pub hit: PhraseHit,
    /// "in Ukraine", "Ukrainian territory", "at Ukraine": a place or target.
    pub is_place: bool,
    /// "Ukraine's air force said": a source of the report.
    pub is_reporter: bool,
    /// Directly followed by a launch verb ("Russia launched").
    pub launches: bool,
    /// Directly followed by a downing verb ("Ukraine intercepted").
    pub downs: bool,
    /// Preceded by "by" ("fired by Russia"): the agent of a passive.
    pub is_agent: bool,
    /// "ZELENSKY: 728 drones": the label of a speaker's turn, a reporter
    /// that names no actor of what follows.
    pub is_speaker: bool,
}

const PLACE_BEFORE: &[&str] = &[
    "in",
    "of",
    "at",
    "against",
    "on",
    "into",
    "across",
    "over",
    "inside",
    "from",
    "throughout",
    "within",
    "toward",
    "towards",
    "to",
    "targeting",
    "targeted",
    "struck",
    "hit",
    "attacked",
    // Headlines in the present: "Russia attacks Ukraine with 537 aerial
    // targets".
    "attacks",
    "strikes",
    "hits",
    "targets",
    "pounds",
];
/// Words after an actor's adjective that make it the side acting, whatever
/// comes before it ("the pace of Russian advances").
const SIDE_ACTING_AFTER: &[&str] = &[
    "advance",
    "advances",
    "gain",
    "gains",
    "territorial",
    "offensive",
    "offensives",
    "assault",
    "assaults",
    // "Timeline of Russian strikes": the side that strikes.
    "strike",
    "strikes",
    "attack",
    "attacks",
    "barrage",
    "bombardment",
    // "units of the Russian Armed Forces liberated …": the side's own forces.
    "armed",
    "army",
    "forces",
    "troops",
    "military",
    "units",
    "soldiers",
    // "The remnants of the Ukrainian grouping now hold less than 100 sq km".
    "grouping",
    "groupings",
    "formations",
    "garrison",
    // "the attempt of the Kyiv regime to carry out an attack": its government.
    "regime",
];
const PLACE_AFTER: &[&str] = &[
    "territory",
    "territories",
    // "of Ukraine's sovereign territory"
    "sovereign",
    "soil",
    "land",
    "lands",
    "cities",
    "city",
    "positions",
    "defences",
    "defenses",
    "lines",
    "line",
    // "pinched off a Russian salient near Dobropillia, liberating 160 km²"
    "salient",
    "salients",
    "bridgehead",
    "bridgeheads",
    "villages",
    "village",
    "regions",
    "region",
    "border",
    "energy",
    "infrastructure",
    "airspace",
    "towns",
    "town",
    "settlements",
    "front",
    "oblast",
    "oblasts",
    "targets",
    "power",
    "ports",
    "homes",
    "civilians",
    "people",
    "oil",
    "refinery",
    "refineries",
    "airfield",
    "airfields",
    "base",
    "bases",
    "depot",
    "depots",
    "plant",
    "plants",
    "facility",
    "facilities",
    "port",
    "ship",
    "ships",
    "fleet",
    "warship",
    "grid",
    "capital",
    "cities'",
    "gas",
    "railway",
    "railways",
    "bridge",
    "bridges",
    "border",
    "troops'",
    "territory's",
];
const REPORTER_AFTER: &[&str] = &[
    "air",
    "said",
    "says",
    "reported",
    "reports",
    "claimed",
    "claims",
    "officials",
    "official",
    "defence",
    "defense",
    "ministry",
    "general",
    "military's",
    "president",
    "authorities",
    "intelligence",
    "sources",
    "media",
    "presidential",
    "army's",
    "navy",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "commander",
    "commander-in-chief",
    "governor",
    "noted",
    "told",
    "stated",
    "wrote",
    // "denied a Ukrainian claim that it had launched 500 drones": whose
    // claim, not who launched.
    "claim",
    "estimate",
    "estimates",
    "statement",
];
const LAUNCH_AFTER: &[&str] = &[
    "launched",
    "fired",
    "sent",
    "used",
    "deployed",
    "launches",
    "fires",
    "sends",
    "unleashed",
    "hurled",
    "attacked",
    "struck",
    "targeted",
    "attacks",
    "strikes",
    "targets",
    "pounds",
    "has",
    "had",
    "have",
];

const DOWN_AFTER: &[&str] = &[
    "intercepted",
    "shot",
    "downed",
    "destroyed",
    "neutralised",
    "neutralized",
    "repelled",
    "jammed",
    "suppressed",
    "shoots",
    "intercepts",
    "downs",
];

/// Every actor mention in `sentence`, with its role.
pub fn actor_mentions(lexicon: &Lexicon, sentence: &str) -> Vec<ActorMention> {
    lexicon
        .actor_names
        .find_all(sentence)
        .into_iter()
        .filter_map(|hit| {
            // "ZELENSKY: 728 drones": a speaker's label says who speaks, not
            // who acts (the words after it are the speaker's).
            let lead = sentence[..hit.start].trim_end_matches([' ', '\t']);
            // ("ZELENSKY (via interpreter): …")
            let after = past_note_on_a_label(&sentence[hit.end..]);
            let labels_a_turn =
                after.starts_with(':') && (lead.is_empty() || lead.ends_with(['\n', '.', '—']));
            if labels_a_turn {
                return Some(ActorMention {
                    hit,
                    is_place: false,
                    is_reporter: true,
                    launches: false,
                    downs: false,
                    is_agent: false,
                    is_speaker: true,
                });
            }
            let before = lower_window(sentence, hit.start, 16);
            // "In all, Russian forces now control": a preposition before a
            // clause mark is not the mention's.
            let before = match before.rfind([',', ';', ':', '(', ')']) {
                Some(mark) => &before[mark + 1..],
                None => &before[..],
            };
            let previous_word = before
                .split(|c: char| !c.is_alphanumeric() && c != '\'')
                .rfind(|w| !w.is_empty())
                .unwrap_or("");
            // Skip articles and compass adjectives: "in (the) western Ukraine".
            let previous_word = before
                .split(|c: char| !c.is_alphanumeric() && c != '\'')
                .filter(|w| !w.is_empty())
                .rev()
                .find(|w| {
                    !matches!(
                        *w,
                        "the"
                            | "western"
                            | "eastern"
                            | "southern"
                            | "northern"
                            | "central"
                            | "occupied"
                            | "north-eastern"
                            | "south-eastern"
                            | "northeastern"
                            | "southeastern"
                            | "southwestern"
                            | "northwestern"
                            | "all"
                    )
                })
                .unwrap_or(previous_word);
            let after = next_words(&sentence[hit.end..], 2);
            let first_after = after.first().map(|word| &**word).unwrap_or("");
            // "estimates of Russia's advance": a possessive after "of" owns
            // what follows; it is no place.
            let possessive = sentence[..hit.end].ends_with(['s', 'S'])
                && sentence[..hit.end]
                    .trim_end_matches(['s', 'S'])
                    .ends_with(['\'', '’']);
            let possessive_after_of = previous_word == "of" && possessive;
            // "the pace of Russian advances": the side that advances.
            // ("units of the Russian army", "units of the Zapad group": the
            // name itself is of forces.)
            let side_acting = SIDE_ACTING_AFTER.contains(&first_after)
                || sentence[hit.start..hit.end]
                    .rsplit(' ')
                    .next()
                    .is_some_and(|last| {
                        last.eq_ignore_ascii_case("group")
                            || SIDE_ACTING_AFTER
                                .iter()
                                .any(|word| last.eq_ignore_ascii_case(word))
                    });
            // "the number of Russian missiles": whose weapons, not a place.
            let owns_weapon = || {
                lexicon
                    .nouns
                    .match_prefix(sentence[hit.end..].trim_start())
                    .is_some()
            };
            // "of Russia's Kursk region": the possessive names where the
            // region lies, not who owns what follows.
            let possessive_of_region = || {
                possessive_after_of
                    && lexicon
                        .region_names
                        .match_prefix(sentence[hit.end..].trim_start())
                        .is_some()
            };
            // "Kyiv was pounded with over 500 drones", "came under attack": the
            // side named is the target.
            let passive_target = matches!(first_after, "was" | "were" | "came" | "is" | "are")
                && after.get(1).is_some_and(|verb| {
                    matches!(
                        &**verb,
                        "pounded"
                            | "attacked"
                            | "struck"
                            | "hit"
                            | "targeted"
                            | "shelled"
                            | "bombarded"
                            | "battered"
                            | "under"
                    )
                });
            // "AFU pushed RU back around Kupiansk": the object of a verb that
            // drives a side back is no side of the gain ("cleared Russian
            // troops from two villages, regaining 3,200 hectares").
            let driven_back = matches!(
                previous_word,
                "pushed"
                    | "pushing"
                    | "drove"
                    | "driving"
                    | "driven"
                    | "forced"
                    | "ousted"
                    | "ousting"
                    | "expelled"
                    | "expelling"
                    | "cleared"
                    | "clearing"
                    | "dislodged"
                    | "dislodging"
            );
            let is_place = passive_target
                || driven_back
                || opens_a_dateline(sentence, &hit)
                || (PLACE_BEFORE.contains(&previous_word)
                    && (!possessive_after_of || possessive_of_region())
                    && !side_acting
                    && !owns_weapon())
                || PLACE_AFTER.contains(&first_after)
                || (first_after == "s"
                    && after.get(1).is_some_and(|w| PLACE_AFTER.contains(&&**w)));
            // ("Russia's air force said", not "Russia's air war".)
            let is_reporter = REPORTER_AFTER.contains(&first_after)
                && (first_after != "air"
                    || after.get(1).is_some_and(|w| {
                        matches!(
                            &**w,
                            "force" | "forces" | "defence" | "defense" | "defences" | "defenses"
                        )
                    }));
            // "During Russia's overnight attack on Zaporizhzhia Oblast, air
            // defence destroyed 37 aerial targets": whose attack it was.
            let attack_after = || {
                next_words(&sentence[hit.end..], 4).iter().any(|word| {
                    matches!(
                        &**word,
                        "attack" | "attacks" | "strike" | "strikes" | "barrage" | "bombardment"
                    )
                })
            };
            // ("drones flying towards Moscow had been shot down": a place
            // before an auxiliary launches nothing.)
            let auxiliary_after_place = is_place && matches!(first_after, "has" | "had" | "have");
            let launches = (LAUNCH_AFTER.contains(&first_after) && !auxiliary_after_place)
                || (possessive && attack_after());
            let downs = DOWN_AFTER.contains(&first_after);
            let is_agent = previous_word == "by";
            // "DeepState, a Ukrainian monitoring group", "Russian military
            // bloggers": where a source comes from names no side of a figure.
            // ("a Ukrainian group that maps the fighting", not "the Russian
            // group of forces")
            // ("Ukrainian and Western analysts put the figure at …")
            let coordinated_source = || {
                first_after == "and"
                    && next_words(&sentence[hit.end..], 3)
                        .get(2)
                        .is_some_and(|noun| SOURCE_NOUNS.contains(&noun.as_ref()))
            };
            let names_a_source = after
                .iter()
                .any(|word| SOURCE_NOUNS.contains(&word.as_ref()))
                || coordinated_source()
                || matches!(after.as_slice(), [group, next] if group == "group" && next != "of")
                || (matches!(previous_word, "by" | "to" | "on")
                    && ATTRIBUTION_NOUNS.contains(&first_after));
            (!names_a_source).then_some(ActorMention {
                hit,
                is_place: is_place && !is_agent,
                is_reporter: is_reporter && !launches,
                launches,
                downs,
                is_agent,
                is_speaker: false,
            })
        })
        .collect()
}

/// Nouns of sources and their work, which an actor's adjective before them
/// (up to one word between) makes a description of a source.
const SOURCE_NOUNS: &[&str] = &[
    "analysts",
    "analyst",
    "monitoring",
    "monitors",
    "mapping",
    "bloggers",
    "blogger",
    "milbloggers",
    "researchers",
    "experts",
    "observers",
    "journalists",
    "outlet",
    "outlets",
    "newspaper",
    "website",
    "think-tank",
];

/// What a source's adjective describes in an attribution ("by Ukrainian
/// estimates, they took about 100 km²", "according to Russian figures").
const ATTRIBUTION_NOUNS: &[&str] = &["estimates", "figures", "data", "count", "calculations"];

/// Whether `text` has a cue of shooting down ("shot down", "intercepted").
fn names_downing(lexicon: &Lexicon, text: &str) -> bool {
    lexicon
        .action("down")
        .is_some_and(|down| down.cues.is_match(text))
}

/// Whether `text` says its subject defended against the weapons: downed
/// them, or saw them coming ("the air force said it detected 367 aerial
/// targets"); either way the other side launched them.
fn names_defending(lexicon: &Lexicon, text: &str) -> bool {
    names_downing(lexicon, text)
        || DETECTION_VERBS
            .iter()
            .any(|verb| crate::text::contains_word(text, verb))
}

const DETECTION_VERBS: &[&str] = &["detected", "tracked", "spotted", "registered", "recorded"];

/// Whether the words from a reporter to `until` refer back to it: "Ukraine
/// says it shot down", "the Kremlin said its forces had taken", "Ukrainian
/// forces said they neutralised".
fn refers_to_itself(sentence: &str, reporter: &ActorMention, until: usize) -> bool {
    let between = &sentence[reporter.hit.end..until];
    // "Russia claims to have captured": the source is the infinitive's subject.
    let infinitive = next_words(between, 2)
        .get(1)
        .is_some_and(|word| word == "to");
    infinitive
        || ["it", "its", "they", "their"]
            .iter()
            .any(|pronoun| contains_word(between, pronoun))
}

/// Whether `figure` corrects the one before: "initially reported 810
/// drones, but later revised the figure to 805", "corrected it to 805".
pub fn revises_previous(sentence: &str, previous: &Figure, figure: &Figure) -> bool {
    sentence
        .get(previous.end..figure.number.start)
        .is_some_and(revises)
}

/// Whether `between`, the words between two figures, revises the first:
/// "…, but later lowered the figure to".
pub fn revises(between: &str) -> bool {
    let lower = between.to_lowercase();
    let revised = [
        "revised",
        "corrected",
        "updated",
        "amended",
        "lowered",
        "raised",
        "adjusted",
        "trimmed",
    ]
    .iter()
    .any(|verb| contains_word(&lower, verb));
    revised && crate::text::ends_with_any_word(&lower, &["to", "up to", "down to"])
}

/// Whether `figure` gives another estimate of the quantity `previous` gave:
/// "put the figure at", "estimated it at".
pub fn restates_previous(sentence: &str, previous: &Figure, figure: &Figure) -> bool {
    let Some(between) = sentence.get(previous.end..figure.number.start) else {
        return false;
    };
    crate::text::ends_with_any_word(
        between,
        &[
            "the figure at",
            "the number at",
            "the total at",
            "the tally at",
            "that figure at",
            "that number at",
            "it at",
            "the area at",
            "the gains at",
        ],
    )
}

/// Whether `figure`, a bare number, goes on with the list `previous` is in
/// ("…, including 126 over Bryansk and 45 over Kursk"): it counts the same
/// weapons, and no side is named after `previous` (a place, "over the Kursk
/// region", names where, not whose).
pub fn continues_bare_list(previous: &Figure, figure: &Figure, mentions: &[ActorMention]) -> bool {
    let bare = figure.end == figure.number.end;
    bare && previous.noun_class == figure.noun_class
        && !names_a_side(mentions, previous.end..usize::MAX)
}

/// Whether a side (not a place, not a source) is named within `span`.
pub fn names_a_side(mentions: &[ActorMention], span: Range<usize>) -> bool {
    mentions.iter().any(|m| {
        span.contains(&m.hit.start) && m.hit.end <= span.end && !m.is_place && !m.is_reporter
    })
}

/// How the actor of a figure is found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ActorRole {
    /// Who gained the ground (or, with `lost`, who lost it); `cue` is where
    /// the action word is.
    Territory { lost: bool, cue: Option<usize> },
    /// Who launched the weapons.
    Launcher,
    /// Who launched what was shot down.
    Downed,
    /// Who holds the share.
    Holder,
}

/// The side whose land a territory figure measures: the actor right after
/// it, introduced by "of" ("461 sq km of Ukrainian territory", "19.2% of
/// Ukraine's territory", "505 km² of Ukraine").
fn territory_owner<'m>(
    sentence: &str,
    figure: &Figure,
    mentions: &'m [ActorMention],
) -> Option<&'m ActorMention> {
    let mention = mentions.iter().find(|m| m.hit.start >= figure.number.end)?;
    let gap = &sentence[figure.number.end..mention.hit.start];
    let before_owner = gap.trim_end().to_lowercase();
    let reaches = gap.len() <= 40 && !gap.contains([',', ';', '(', ')']);
    // ("3,900 sq km of Russian gains": the side that gained, no owner.)
    (reaches
        && mention.is_place
        && (before_owner.ends_with(" of") || before_owner.ends_with(" of the")))
    .then_some(mention)
}

/// Whether `gap`, the text between a figure and a side acting, makes the
/// side the figure's: nothing, a label's colon or dash ("3,900 sq km:
/// Russian gains in 2025"), or "of" ("3,900 sq km of Russian gains").
fn labels_the_figure(gap: &str) -> bool {
    if gap.len() > 24 {
        return false;
    }
    let label = gap.trim_start().starts_with([':', '—', '–']);
    let words = gap.trim_matches([' ', ':', '—', '–']).to_ascii_lowercase();
    // ("74,443 sq km: territory Ukraine has retaken", "About 125 km²: the
    // area that Russia has seized": the land a label names.)
    let land_named = || {
        let words = words.strip_prefix("the ").unwrap_or(&words);
        let words = words.strip_suffix(" that").unwrap_or(words);
        matches!(words, "area" | "territory" | "ground" | "land")
    };
    gap.len() <= 12 && matches!(words.as_str(), "" | "of" | "of the") || label && land_named()
}

/// Whether mention `m` names whose control the ground is under: "under
/// Ukrainian control", "under Russian occupation".
fn names_the_controller(sentence: &str, m: &ActorMention) -> bool {
    lower_window(sentence, m.hit.start, 8)
        .trim_end()
        .ends_with("under")
        && next_words(&sentence[m.hit.end..], 1)
            .first()
            .is_some_and(|word| matches!(word.as_ref(), "control" | "occupation"))
}

/// The actor of a figure, from its sentence, else `context` (the nearest
/// earlier mention in the document, looked up only when the sentence names
/// no actor).
pub fn actor_for(
    lexicon: &Lexicon,
    sentence: &str,
    figure: &Figure,
    previous: Option<&Figure>,
    mentions: &[ActorMention],
    role: ActorRole,
    context: &mut dyn FnMut() -> Option<String>,
) -> Option<String> {
    let name = |m: &ActorMention| lexicon.actors[m.hit.payload].name.clone();
    let opponent = |actor: String| -> Option<String> {
        lexicon
            .actor(&actor)
            .and_then(|a| a.opponent.clone())
            .or(Some(actor))
    };
    let before: Vec<&ActorMention> = mentions
        .iter()
        .filter(|m| m.hit.end <= figure.number.start)
        .collect();
    let after: Vec<&ActorMention> = mentions
        .iter()
        .filter(|m| m.hit.start >= figure.end)
        .collect();
    // ("Ukrainian units cleared the occupiers out of two villages,
    // liberating 270 hectares": the side driven out is no subject.)
    let driven_out = |m: &ActorMention| {
        let rest = sentence[m.hit.end..].trim_start();
        rest.get(..7)
            .is_some_and(|out| out.eq_ignore_ascii_case("out of "))
    };
    let subject = |list: &[&ActorMention]| -> Option<String> {
        list.iter()
            .rev()
            .find(|m| !m.is_place && !m.is_reporter && !driven_out(m))
            .map(|m| name(m))
    };
    // "The Kremlin said its forces had taken ...", "Russia claims to have
    // captured 99.7% of the Luhansk region": a source speaking of its own side.
    let speaks_of_itself = |list: &[&ActorMention], up_to: Option<usize>| {
        list.iter()
            .rev()
            .find(|m| m.is_reporter)
            .filter(|m| refers_to_itself(sentence, m, up_to.unwrap_or(m.hit.end)))
            .map(|m| name(m))
    };
    // "… almost 99% liberated, Putin said": a side calls its own gains
    // liberation, so the speaker's side gained what it says was liberated.
    // ("The area of liberated territory is 31.75 sq. km, according to a
    // TASS calculation": a voice of one side.)
    let liberator = || {
        if !speaks_of_liberation(sentence) {
            return None;
        }
        match mentions.iter().find(|m| m.is_reporter) {
            Some(speaker) => Some(name(speaker)),
            None => {
                let voice = lexicon.voices.find_all(sentence).into_iter().next()?;
                Some(lexicon.actors[voice.payload].name.clone())
            }
        }
    };
    match role {
        ActorRole::Territory { lost, cue } => {
            // The subject comes before the action word: "Ukraine's defenders
            // pushed Russian troops out of 400 hectares".
            let before_cue: Vec<&ActorMention> = match cue {
                Some(cue) => before
                    .iter()
                    .copied()
                    .filter(|m| m.hit.end <= cue)
                    .collect(),
                None => Vec::new(),
            };
            // "DeepState recorded 449 km² of Russian gains": the side whose
            // gains the figure measures, whoever the clause's subject is.
            let gains_of = after
                .first()
                .filter(|m| {
                    labels_the_figure(&sentence[figure.end..m.hit.start])
                        && next_words(&sentence[m.hit.end..], 1)
                            .first()
                            .is_some_and(|word| {
                                matches!(word.as_ref(), "gains" | "gain" | "advances" | "advance")
                            })
                })
                .map(|m| name(m));
            let found = gains_of
                .or_else(|| subject(&before_cue))
                .or_else(|| speaks_of_itself(&before_cue, cue))
                .or_else(|| subject(&before))
                .or_else(|| {
                    // "... fell to Russian forces", "... were taken by Russia",
                    // "the 701 km² Russia captured"
                    // ("… were brought under Russian control")
                    after
                        .iter()
                        .find(|m| {
                            let lead = lower_window(sentence, m.hit.start, 6);
                            lead.ends_with("to ")
                                || lead.ends_with("by ")
                                || names_the_controller(sentence, m)
                                || (!m.is_place
                                    && labels_the_figure(&sentence[figure.end..m.hit.start]))
                        })
                        .map(|m| name(m))
                })
                .or_else(|| {
                    before
                        .iter()
                        .rev()
                        .find(|m| !m.is_place && !m.is_speaker)
                        .map(|m| name(m))
                })
                // "the enemy occupied 461 sq km of Ukrainian territory": whose
                // land it was says more than an actor named sentences before.
                // ("our warriors have liberated more than 6,000 km² of
                // Ukrainian territory": land taken back is the owner's gain.)
                .or_else(|| {
                    let owner = territory_owner(sentence, figure, mentions).map(name)?;
                    if lost || cue.is_some_and(|at| takes_back_own_land(&sentence[at..])) {
                        Some(owner)
                    } else {
                        opponent(owner)
                    }
                })
                .or_else(|| enemy_of_voice(lexicon, sentence, figure))
                .or_else(liberator)
                .or_else(context);
            if lost {
                found.and_then(opponent)
            } else {
                found
            }
        }
        ActorRole::Holder => after
            .iter()
            // "some 6,600 km² still under Ukrainian control": the side named
            // (not in a contrast after: "…, though the regional capital
            // remains under Ukrainian control").
            .find(|m| {
                names_the_controller(sentence, m) && {
                    let between = &sentence[figure.end..m.hit.start];
                    !between.contains(';')
                        && !["though", "although", "but", "while", "whereas", "yet"]
                            .iter()
                            .any(|word| contains_word(between, word))
                }
            })
            .map(|m| name(m))
            .or_else(|| subject(&before))
            .or_else(|| speaks_of_itself(&before, Some(figure.number.start)))
            // ("…, and Russian troops have since recaptured most": a side in
            // the next clause holds nothing of the figure's.)
            .or_else(|| {
                let clause_end = super::figures::clause_around(sentence, figure.end).end;
                after
                    .iter()
                    .find(|m| !m.is_place && !m.is_reporter && m.hit.start < clause_end)
                    .map(|m| name(m))
            })
            // "19.2% of Ukraine's territory is occupied": held by the other side.
            .or_else(|| opponent(territory_owner(sentence, figure, mentions).map(name)?))
            .or_else(liberator)
            .or_else(context),
        ActorRole::Launcher => {
            if let Some(adjective) = weapon_adjective(lexicon, sentence, figure, previous, mentions)
            {
                return Some(adjective);
            }
            // "missiles fired by Russia", "the 500 drones Russia launched"
            let clause_end = super::figures::clause_around(sentence, figure.end).end;
            if let Some(agent) = after
                .iter()
                .find(|m| (m.is_agent || m.launches) && m.hit.start < clause_end)
            {
                return Some(name(agent));
            }
            if let Some(launcher) = before.iter().rev().find(|m| m.launches) {
                return Some(name(launcher));
            }
            if let Some(subject) = before.iter().rev().find(|m| !m.is_place && !m.is_reporter) {
                // "Ukraine intercepted 34 of 39 missiles", "Ukraine's forces
                // shot down 4,429 of the 4,758 drones": the subject shot them
                // down; the other side launched them.
                let verb = &sentence[subject.hit.end..figure.number.start];
                return if subject.downs || names_defending(lexicon, verb) {
                    opponent(name(subject))
                } else {
                    Some(name(subject))
                };
            }
            let reporter_speaks_of_itself =
                before.iter().rev().find(|m| m.is_reporter).and_then(|m| {
                    // "Ukraine says it shot down 67 of 83 drones launched":
                    // the reporter downed them, the other side launched them.
                    refers_to_itself(sentence, m, figure.number.start).then(|| {
                        let between = sentence[m.hit.end..figure.number.start].to_lowercase();
                        (m, names_defending(lexicon, &between))
                    })
                });
            if let Some((reporter, downed_them)) = reporter_speaks_of_itself {
                return if downed_them {
                    opponent(name(reporter))
                } else {
                    Some(name(reporter))
                };
            }
            if let Some(target) = mentions.iter().find(|m| m.is_place) {
                return opponent(name(target));
            }
            // "49 drones were launched, and Ukrainian forces managed to down
            // 40": the side downing them did not launch them.
            if let Some(downer) = after.iter().find(|m| {
                let verb_end = floor_boundary(sentence, (m.hit.end + 32).min(sentence.len()));
                // "…; Ukrainian forces said they neutralised 439"
                !m.is_place
                    && (!m.is_reporter || refers_to_itself(sentence, m, verb_end))
                    && names_downing(lexicon, &sentence[m.hit.end..verb_end])
            }) {
                return opponent(name(downer));
            }
            if let Some(reporter) = before.iter().rev().find(|m| m.is_reporter) {
                return opponent(name(reporter));
            }
            // "The enemy attacked with 150 drones, Ukraine's air force said":
            // a side reports the weapons fired at it.
            if let Some(reporter) = after.iter().find(|m| m.is_reporter) {
                return opponent(name(reporter));
            }
            enemy_of_voice(lexicon, sentence, figure).or_else(context)
        }
        ActorRole::Downed => {
            if let Some(adjective) = weapon_adjective(lexicon, sentence, figure, previous, mentions)
            {
                return Some(adjective);
            }
            if let Some(launcher) = mentions.iter().find(|m| m.launches) {
                return Some(name(launcher));
            }
            // "launched by Russia", "the 48 missiles fired by Russia"
            if let Some(agent) = mentions.iter().find(|m| {
                let lead = lower_window(sentence, m.hit.start, 12);
                ["launched by", "fired by", "sent by", "used by"]
                    .iter()
                    .any(|verb| lead.trim_end().ends_with(verb))
            }) {
                return Some(name(agent));
            }
            // "Ukrainian drones attacked 12 Russian regions; the ministry
            // reported destroying 95 drones": the side whose weapons the
            // sentence named before.
            // ("destroyed 6,622 Russian tanks, 8,373 UAVs and …": the owner of
            // the items listed before, counted like them.)
            // ("destroyed 143 UAVs of the Kyiv regime, including 41 over
            // the Bryansk region": the owner after "of".)
            let owns_weapons_before = |m: &&ActorMention| {
                let lead = sentence[..m.hit.start].trim_end();
                let lead = lead.strip_suffix(" the").unwrap_or(lead);
                lead.strip_suffix(" of").is_some_and(|lead| {
                    let noun_end = lead.len();
                    let window = &lead[floor_boundary(lead, noun_end.saturating_sub(40))..];
                    let window_start = noun_end - window.len();
                    lexicon
                        .nouns
                        .find_all(window)
                        .last()
                        .is_some_and(|noun| window_start + noun.end == noun_end)
                })
            };
            if let Some(owner) = before.iter().rev().find(|m| {
                !m.is_place
                    && (lexicon
                        .nouns
                        .match_prefix(sentence[m.hit.end..].trim_start())
                        .is_some()
                        || sentence[..m.hit.start]
                            .trim_end()
                            .ends_with(|c: char| c.is_ascii_digit())
                        || owns_weapons_before(m))
            }) {
                return Some(name(owner));
            }
            if let Some(downer) = before.iter().rev().find(|m| !m.is_place) {
                return opponent(name(downer));
            }
            if let Some(place) = mentions.iter().find(|m| m.is_place) {
                return opponent(name(place));
            }
            // "air defence forces shot down 201 fixed-wing drones, the Russian
            // Defence Ministry said": a side reports what its own air defence
            // downed, the other side's weapons.
            if let Some(reporter) = mentions.iter().find(|m| m.is_reporter) {
                return opponent(name(reporter));
            }
            // "air defence systems shot down seven HIMARS projectiles and
            // 1,476 fixed-wing UAVs": the side whose weapons the sentence
            // names, when it names one side's only.
            let owners = lexicon.weapon_owners.find_all(sentence);
            if let Some(first) = owners.first() {
                if owners.iter().all(|owner| owner.payload == first.payload) {
                    return Some(lexicon.actors[first.payload].name.clone());
                }
            }
            context()
        }
    }
}

/// Whether `sentence` calls gains liberation ("liberated", "liberating"),
/// as a side says of its own.
pub fn speaks_of_liberation(sentence: &str) -> bool {
    contains_word(sentence, "liberated") || contains_word(sentence, "liberating")
}

/// Whether `text` speaks in the first person plural: "we shot down", "our
/// guys liberated", "for us".
pub fn speaks_in_first_person(text: &str) -> bool {
    ["we", "our", "us"]
        .iter()
        .any(|word| contains_word(text, word))
}

/// "Syrskyi said his troops controlled 1,294 km²": the side whose forces
/// "his" (or "her", "their") names in `lead`, the text before a figure: the
/// last side named before them.
pub fn side_of_possessed_forces(
    lexicon: &Lexicon,
    lead: &str,
    mentions: &[ActorMention],
) -> Option<String> {
    static FORCES: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)(?-u:\b)(?:his|her|their)\s+(?:troops|forces|soldiers|units|men|army|fighters)(?-u:\b)")
            .expect("valid pattern")
    });
    if !lead.contains("his ") && !lead.contains("her ") && !lead.contains("their ") {
        return None;
    }
    let forces = FORCES.find_iter(lead).last()?;
    let owner = mentions
        .iter()
        .rev()
        .find(|mention| !mention.is_place && mention.hit.end <= forces.start())?;
    Some(lexicon.actors[owner.hit.payload].name.clone())
}

/// Whether `text` names "the enemy" (or "the adversary"): a side's sources
/// calling the other side so.
pub fn names_the_enemy(text: &str) -> bool {
    // Asked for every figure: a searcher per word, built once.
    static WORDS: LazyLock<[memchr::memmem::Finder<'static>; 2]> =
        LazyLock::new(|| ["nemy", "dversary"].map(memchr::memmem::Finder::new));
    let bytes = text.as_bytes();
    WORDS.iter().any(|word| word.find(bytes).is_some())
        && (contains_word(text, "enemy") || contains_word(text, "adversary"))
}

/// "According to DeepState, the enemy occupied 505 km²": the enemy a side's
/// source names before the figure is that side's opponent.
fn enemy_of_voice(lexicon: &Lexicon, sentence: &str, figure: &Figure) -> Option<String> {
    if !names_the_enemy(&sentence[..figure.number.start]) {
        return None;
    }
    let voice = lexicon.voices.find_all(sentence).into_iter().next()?;
    lexicon.actors[voice.payload].opponent.clone()
}

/// Whether `text` opens with a verb of taking back land: "liberated",
/// "recaptured", "retook", "regained".
fn takes_back_own_land(text: &str) -> bool {
    let verb = text
        .split(|c: char| !c.is_ascii_alphabetic())
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    matches!(
        verb.as_str(),
        "liberated"
            | "liberating"
            | "recaptured"
            | "recapturing"
            | "retook"
            | "retaken"
            | "regained"
            | "reclaimed"
            | "recovered"
    )
}

/// "Russian drones", "Ukrainian missiles": an actor adjective inside the
/// figure's noun phrase or right before the number.
fn weapon_adjective(
    lexicon: &Lexicon,
    sentence: &str,
    figure: &Figure,
    previous: Option<&Figure>,
    mentions: &[ActorMention],
) -> Option<String> {
    let inside = mentions
        .iter()
        .find(|m| m.hit.start >= figure.number.end && m.hit.end <= figure.end);
    if let Some(mention) = inside {
        return Some(lexicon.actors[mention.hit.payload].name.clone());
    }
    // "40 Kh-101 missiles", "85 Shahed drones": who fires that weapon.
    let noun_phrase = sentence.get(figure.number.end..figure.end).unwrap_or("");
    if let Some(weapon) = lexicon.weapon_owners.find_all(noun_phrase).first() {
        return Some(lexicon.actors[weapon.payload].name.clone());
    }
    // "93 Ukrainian drones ..., 40 of them": the pronoun's antecedent.
    if let Some(previous) = previous {
        let pronoun = next_words(&sentence[figure.number.end..], 2);
        let of_pronoun = pronoun.first().is_some_and(|w| w == "of")
            && pronoun
                .get(1)
                .is_some_and(|w| matches!(&**w, "them" | "these" | "those" | "which"));
        // A bare figure continuing a list ("118 Ukrainian drones, including 40
        // over the Moscow region") shares its antecedent's noun phrase, and so
        // does a coordinated one ("45 Russian drones and six cruise missiles").
        let bare = figure.end == figure.number.end;
        let coordinated = sentence
            .get(previous.end..figure.number.start)
            .is_some_and(|gap| {
                matches!(
                    gap.trim().to_lowercase().as_str(),
                    "and" | "," | "as well as" | "plus" | ", and"
                )
            });
        if of_pronoun || bare || coordinated {
            if let Some(mention) = mentions
                .iter()
                .find(|m| m.hit.start >= previous.number.end && m.hit.end <= previous.end)
            {
                return Some(lexicon.actors[mention.hit.payload].name.clone());
            }
        }
    }
    // "The number of Russian drones launched at Ukraine rose to 6,297": a bare
    // figure counts the weapons named before it, and their adjective says whose.
    if previous.is_none() && figure.end == figure.number.end {
        let before = &sentence[..figure.number.start];
        let named_before = lexicon.nouns.find_all(before);
        if let Some(owner) = mentions.iter().find(|m| {
            named_before.iter().any(|noun| {
                sentence
                    .get(m.hit.end..noun.start)
                    .is_some_and(|gap| gap.trim().is_empty())
            })
        }) {
            return Some(lexicon.actors[owner.hit.payload].name.clone());
        }
    }
    // "put the number of Shahed drones launched at around 40": a bare
    // figure counts the noun named last before it, whose weapon says whose.
    if figure.end == figure.number.end {
        let before = &sentence[previous.map_or(0, |p| p.end)..figure.number.start];
        if let Some(noun) = lexicon.nouns.find_all(before).last() {
            if let Some(weapon) = lexicon
                .weapon_owners
                .find_all(&before[noun.start..noun.end])
                .first()
            {
                return Some(lexicon.actors[weapon.payload].name.clone());
            }
        }
    }
    // "of the 100 Russian drones" / "of them" handled by the noun after "of".
    let after = &sentence[figure.end..];
    let lead = after.trim_start().to_lowercase();
    if lead.starts_with("of ") {
        // The "of" phrase ends at the clause: in "missiles of various types,
        // Zelensky said", Zelensky is not the missiles' owner.
        let window_end = floor_boundary(sentence, (figure.end + 40).min(sentence.len()));
        let window_end = sentence[figure.end..window_end]
            .find([',', ';', '('])
            .map_or(window_end, |comma| figure.end + comma);
        let named = mentions.iter().find(|m| {
            m.hit.start >= figure.end && m.hit.end <= window_end && !m.is_place && !m.is_reporter
        });
        // "162 attack UAVs of the Shahed, Gerbera and other types": whose weapon.
        let owner = || {
            lexicon
                .weapon_owners
                .find_all(&sentence[figure.end..window_end])
                .first()
                .map(|weapon| weapon.payload)
        };
        return named
            .map(|m| m.hit.payload)
            .or_else(owner)
            .map(|actor| lexicon.actors[actor].name.clone());
    }
    None
}

/// Words that make a region mention describe something else than the figure:
/// "mostly in Donetsk" (the figure is national), "near Pokrovsk in Donetsk".
const REGION_NOT_RESTRICTING: &[&str] = &[
    "mostly",
    "mainly",
    "largely",
    "primarily",
    "chiefly",
    "especially",
    "particularly",
    "notably",
    "including",
    "predominantly",
    "most",
    "bulk",
    "majority",
    "much",
    "near",
    "towards",
    "toward",
    "outside",
    "beyond",
    "from",
];

/// Words after a figure that say it covers the whole country.
const NATIONAL_MARKERS: &[&str] = &[
    "in all",
    "in total",
    "nationwide",
    "overall",
    "across ukraine",
    "across the front",
    "along the entire front",
    "along the front line",
    "across the country",
    "all along the front",
    "on all fronts",
    "across all fronts",
    // "810 drones and 13 missiles at Ukraine", in a regional governor's report
    "at ukraine",
    "against ukraine",
    "on ukraine",
    "over ukraine",
];

// `region_for` keeps one bit per marker in a `u32`.
const _: () = assert!(NATIONAL_MARKERS.len() <= 32);

/// [`NATIONAL_MARKERS`] in one automaton, every occurrence reported.
static NATIONAL_AFTER: LazyLock<AhoCorasick> =
    LazyLock::new(|| AhoCorasick::new(NATIONAL_MARKERS).expect("markers are plain strings"));

/// Whether a sentence (in lower case) says its figures are of the whole
/// country: "across the front", "of Ukrainian territory", "overall". ("In
/// total" may sum parts of one region; see [`gives_a_total`].)
pub fn speaks_of_the_whole_country(lower: &str) -> bool {
    NATIONAL_MARKERS
        .iter()
        .chain(COUNTRY_WIDE)
        .filter(|marker| !TOTALS.contains(marker))
        .any(|marker| contains_word(lower, marker))
}

/// Whether a sentence (in lower case) gives a total: "in total", "in all".
pub fn gives_a_total(lower: &str) -> bool {
    TOTALS.iter().any(|marker| contains_word(lower, marker))
}

const TOTALS: &[&str] = &["in total", "in all"];

/// Whether a sentence goes on about the place the sentence before named:
/// "in the area", "the area of liberated territory", "they advanced another
/// 35 km²", "In total, the occupiers captured 4.2 km²". (One pass: asked of
/// most sentences with an area and no place.)
pub fn points_back_to_a_place(sentence: &str) -> bool {
    static CUES: LazyLock<AhoCorasick> = LazyLock::new(|| {
        AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .build(PLACE_ANAPHORS.iter().chain(TOTALS))
            .expect("cues are plain strings")
    });
    let bytes = sentence.as_bytes();
    let is_word_byte = |at: Option<&u8>| at.is_some_and(u8::is_ascii_alphanumeric);
    CUES.find_overlapping_iter(sentence).any(|cue| {
        !is_word_byte(cue.start().checked_sub(1).and_then(|at| bytes.get(at)))
            && !is_word_byte(bytes.get(cue.end()))
    })
}

const PLACE_ANAPHORS: &[&str] = &[
    // ("the area held by Kyiv", "put the area under Ukrainian control at")
    "the area",
    "this area",
    "that area",
    "around the town",
    "near the town",
    "around the village",
    "near the village",
    "around the city",
    "near the city",
    "in the region",
    "in this direction",
    "in that direction",
    "in this sector",
    // ("… in Russia's Kursk region. Since the start of the operation,
    // Ukrainian forces have taken 1,150 km² of Russian territory"; "The
    // incursion … took about 1,000 km²")
    "russian territory",
    "russia's territory",
    "incursion",
    // ("Russian counterattacks have since eroded the salient …: about 800
    // km² remained under Ukrainian control")
    "the salient",
    "the bridgehead",
    "the foothold",
    "there",
    "here",
    "a further",
    "another",
    "they",
    "we",
    "our",
];

/// Words that put a figure in the whole country, besides [`NATIONAL_MARKERS`].
const COUNTRY_WIDE: &[&str] = &[
    "ukrainian territory",
    "ukrainian land",
    "ukraine's territory",
    "ukraine’s territory",
    "of ukraine",
    "in ukraine",
    "the country",
];

/// Words before a figure that make it the whole of which a part was given:
/// "160 km² in Zaporizhzhia, out of 701 km²". (A bare "a total of" does not:
/// "fired a total of 4,200 bombs at the Zaporizhzhia region".)
const NATIONAL_BEFORE: &[&str] = &["out of", "of a total of", "from a total of"];

/// A region mention that may restrict a figure.
#[derive(Debug, Clone, Copy)]
pub struct RegionMention {
    pub start: usize,
    pub end: usize,
    pub region: usize,
    /// "Donetsk 390 km²": a label for the figure right after it.
    pub labels_next: bool,
    /// "Pokrovsk in the Donetsk region": the region places a town, and only a
    /// figure of that town's surroundings ("12 km² near Pokrovsk in …").
    pub places_a_town: bool,
    /// A town of the region ("near Pokrovsk"): it places only a figure in its
    /// own clause, or one a sentence it leads is about.
    pub is_town: bool,
}

/// What may stand between a region's name and the figure it labels.
const LABEL_GAP: [char; 6] = [' ', ':', '\u{a0}', '(', '–', '—'];

/// The text after a region's name without what may stand between it and a
/// figure it labels: marks, and "at" ("Kharkiv at 39 sq km"; not "with":
/// "struck Ternopil with 476 drones" is a night's national count).
fn after_label(text: &str) -> &str {
    // ("Kursk oblast (Russian recapture): 117 km²")
    let rest = past_note_on_a_label(text).trim_start_matches(LABEL_GAP);
    rest.strip_prefix("at ").map_or(rest, str::trim_start)
}

/// `text`, what follows a label's name, from the colon after a bracketed
/// note on the label ("(via interpreter): …", "(Russian recapture): 117
/// km²"); `text` itself when no such note comes first.
fn past_note_on_a_label(text: &str) -> &str {
    let Some(note) = text.trim_start().strip_prefix('(') else {
        return text;
    };
    match note.split_once(')') {
        Some((inside, rest))
            if inside.len() <= 40
                && !inside.contains(|c: char| c == '\n' || c.is_ascii_digit())
                && rest.trim_start().starts_with(':') =>
        {
            rest.trim_start()
        }
        _ => text,
    }
}

/// `text`, what follows a region's name, past "region", "oblast" or
/// "province" when the name leaves the word out ("Kharkiv oblast: …"),
/// trimmed at its start.
fn past_region_word(text: &str) -> &str {
    let rest = text.trim_start();
    ["region", "oblast", "province"]
        .iter()
        .find_map(|word| {
            rest.get(..word.len())
                .filter(|head| head.eq_ignore_ascii_case(word))
                .map(|_| rest[word.len()..].trim_start())
        })
        .unwrap_or(rest)
}

/// Region mentions written as restrictions: "in the Donetsk region", "in
/// Russia's Kursk region", "Donetsk alone".
pub fn region_mentions(lexicon: &Lexicon, sentence: &str) -> Vec<RegionMention> {
    let mut mentions = named_region_mentions(lexicon, sentence);
    let towns = lexicon.town_names.find_all(sentence);
    if towns.is_empty() {
        return mentions;
    }
    // ("near Huliaipole in the Dnipropetrovsk region": the region named
    // places the town, whatever the lexicon says.)
    let placed_by_name = |town: &PhraseHit| {
        mentions
            .iter()
            .find(|m| m.places_a_town && m.start >= town.end && m.start <= town.end + 40)
            .map(|m| m.region)
    };
    // ("Over Moscow region": the town's name inside a longer name of a
    // region is that region's.)
    let region_names = lexicon.region_names.find_all(sentence);
    let inside_a_region_name = |town: &PhraseHit| {
        region_names.iter().any(|region| {
            region.start <= town.start
                && town.end <= region.end
                && region.end - region.start > town.end - town.start
        })
    };
    let towns: Vec<RegionMention> = towns
        .into_iter()
        .filter(|town| !inside_a_region_name(town))
        .map(|town| PhraseHit {
            payload: placed_by_name(&town).unwrap_or(town.payload),
            ..town
        })
        .filter_map(|hit| {
            // ("talks in Moscow", "Moscow said": a town that also names a
            // side is a place only when something flies at it.)
            let names_a_side = lexicon.actor_names.is_match(&sentence[hit.start..hit.end]);
            town_mention(sentence, hit, names_a_side)
        })
        .collect();
    mentions.extend(towns);
    mentions.sort_by_key(|mention| mention.start);
    mentions
}

/// "near Pokrovsk", "in the Kupiansk direction", "over Sevastopol": a town
/// the text puts a figure at, which places the figure in the town's region
/// ("since the fall of Avdiivka" puts nothing there; "mostly near
/// Pokrovsk" not all of it).
fn town_mention(sentence: &str, hit: PhraseHit, names_a_side: bool) -> Option<RegionMention> {
    let before = lower_window(sentence, hit.start, 40);
    let mut words = before
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .rev()
        .skip_while(|w| *w == "the");
    let previous = words.next().unwrap_or("");
    let earlier: Vec<&str> = words.take(3).collect();
    // ("with most gains in the Huliaipole direction", "the heaviest gains
    // around Pokrovsk": where most of it lay.)
    let qualified = earlier.iter().any(|word| {
        REGION_NOT_RESTRICTING.contains(word) || matches!(*word, "heaviest" | "biggest" | "largest")
    });
    // (Not "struck Kremenchuk with 50 drones", "at Kremenchuk": a night's
    // count is often told by where it hit.)
    let placed = if names_a_side {
        // ("Ukraine hit Moscow with at least 74 drones", "the largest
        // attack on Moscow": the capital as a target, not its government.)
        // ("eight drones attacked Moscow and Moscow Oblast": weapons as the
        // subject.)
        let weapons_did_it = earlier.first().is_some_and(|word| {
            matches!(
                *word,
                "drones" | "drone" | "uavs" | "missiles" | "missile" | "shaheds" | "rockets"
            )
        });
        let targeted = matches!(previous, "hit" | "attacked" | "struck" | "targeted")
            && (weapons_did_it
                || next_words(&sentence[hit.end..], 1)
                    .first()
                    .is_some_and(|word| word == "with"))
            || previous == "on"
                && earlier
                    .first()
                    .is_some_and(|word| matches!(*word, "attack" | "attacks" | "strike" | "raid"));
        targeted || matches!(previous, "towards" | "toward" | "over" | "approaching")
    } else {
        matches!(
            previous,
            "in" | "near"
                | "around"
                | "outside"
                | "towards"
                | "toward"
                | "over"
                | "into"
                | "approaching"
        )
    };
    let direction = next_words(&sentence[hit.end..], 1)
        .first()
        .is_some_and(|word| {
            matches!(
                &**word,
                "direction" | "axis" | "sector" | "front" | "area" | "district" | "frontline"
            )
        });
    ((placed || direction) && !qualified).then_some(RegionMention {
        start: hit.start,
        end: hit.end,
        region: hit.payload,
        labels_next: false,
        places_a_town: false,
        is_town: true,
    })
}

/// Whether a word ends a share: "79%", "percent", "three-quarters".
fn is_share_word(word: &str) -> bool {
    word.ends_with('%')
        || matches!(word, "percent" | "cent")
        || ["quarters", "thirds", "fifths", "half"]
            .iter()
            .any(|part| word.ends_with(part))
}

/// Whether a region's name `hit` says region, not city: "the Luhansk
/// People's Republic", "the Krasnodar Territory", "Kursk region", "Sumy
/// oblast".
pub fn is_said_as_a_region(sentence: &str, hit: &PhraseHit) -> bool {
    let name = sentence[hit.start..hit.end].to_lowercase();
    ["region", "obl", "republic", "krai", "territory"]
        .iter()
        .any(|word| name.contains(word))
        || next_words(&sentence[hit.end..], 1)
            .first()
            .is_some_and(|w| matches!(&**w, "region" | "oblast" | "province" | "obl"))
}

/// Mentions of regions by their names (not towns).
fn named_region_mentions(lexicon: &Lexicon, sentence: &str) -> Vec<RegionMention> {
    lexicon
        .region_names
        .find_all(sentence)
        .into_iter()
        .filter_map(|hit| {
            let before = lower_window(sentence, hit.start, 48);
            let words: Vec<&str> = before
                .split(|c: char| c.is_whitespace() || c == ',')
                .filter(|w| !w.is_empty())
                .collect();
            let after = next_words(&sentence[hit.end..], 3);
            let alone = after.first().is_some_and(|w| w == "alone");
            // "The Zaporizhzhia region accounted for 272 km²": the region is
            // the subject the figure belongs to.
            // ("By region, Donetsk saw the largest gains, at 421 sq km": a
            // short phrase set off by a comma may come first.)
            let introduced = || {
                let mut prefix: Vec<&str> = sentence[..hit.start].split_whitespace().collect();
                if prefix.last().is_some_and(|w| w.eq_ignore_ascii_case("the")) {
                    prefix.pop();
                }
                prefix.len() <= 3 && prefix.last().is_some_and(|w| w.ends_with(','))
            };
            let leads_sentence = words.iter().all(|w| *w == "the") || introduced();
            // ("…, with Donetsk region accounting for nearly 2,300 km² of
            // that": the subject of a clause opened by "with".)
            let opens_a_with_clause = words
                .iter()
                .rev()
                .find(|w| **w != "the")
                .is_some_and(|w| *w == "with");
            let verb_after = after
                .iter()
                .map(|w| &**w)
                .find(|w| !matches!(*w, "region" | "oblast" | "province" | "alone"));
            let region_subject = leads_sentence
                && verb_after.is_some_and(|w| {
                    matches!(
                        w,
                        "accounted" | "made" | "saw" | "contributed" | "represented" | "alone"
                    )
                })
                || opens_a_with_clause
                    && verb_after.is_some_and(|w| {
                        matches!(w, "accounting" | "contributing" | "representing" | "making")
                    });
            // "Luhansk Oblast is now 99.8% occupied", "Luhansk, by contrast, is
            // 99.7% occupied".
            // ("Putin said the Lugansk People's Republic was almost 99%
            // liberated")
            let subject_of_a_share = is_subject_of_a_share(&sentence[hit.end..]);
            let region_subject = region_subject || subject_of_a_share;
            // "Donetsk 390 km², Zaporizhzhia 180 km²", "Zaporizhzhia (98 km²)":
            // a region labelling the figure right after it.
            // ("followed by Kharkiv at 39 sq km": "at" between.)
            // ("74 percent of Zaporizhzhia Oblast (about 20,000 sq km)": the
            // object of the share before labels nothing; "almost all of
            // Luhansk — 99.8%" does.)
            let object_of_a_share =
                matches!(words.as_slice(), [.., share, "of"] if is_share_word(share));
            // ("destroyed 196 aerial targets over Dnipropetrovsk region: 187
            // drones and 9 cruise missiles": a region placing the figure
            // before it, whose parts follow the colon, labels none of them.)
            let places_the_figure_before = matches!(words.last(), Some(&("over" | "in")))
                && words
                    .iter()
                    .rev()
                    .skip(2)
                    .take(3)
                    .any(|word| word.starts_with(|c: char| c.is_ascii_digit()))
                && {
                    // (Parts of weapons after the colon, not "Kharkiv region: 12
                    // injured".)
                    let parts = past_region_word(&sentence[hit.end..]);
                    parts.strip_prefix(':').is_some_and(|parts| {
                        let parts = parts.trim_start();
                        let digits_end = parts
                            .find(|c: char| !c.is_ascii_digit() && c != ',')
                            .unwrap_or(parts.len());
                        digits_end > 0
                            && lexicon
                                .nouns
                                .match_prefix(parts[digits_end..].trim_start())
                                .is_some()
                    })
                };
            // ("per DeepState: Donetsk, 198 km²; Zaporizhzhia, 87 km²": a
            // region opening an item of a list labels the figure after a
            // comma.)
            let opens_an_item = {
                let lead = sentence[..hit.start].trim_end();
                lead.is_empty() || lead.ends_with([':', ';'])
            };
            let labels_after_comma = opens_an_item
                && sentence[hit.end..]
                    .strip_prefix(", ")
                    .is_some_and(|rest| rest.starts_with(|c: char| c.is_ascii_digit()));
            let labels_figure = !object_of_a_share
                && !places_the_figure_before
                && (labels_after_comma || {
                    let text_after = &sentence[hit.end..];
                    let rest = after_label(text_after);
                    // (A hedge only after a mark or "at" between them.)
                    let set_apart = rest.len() < text_after.len();
                    rest.starts_with(|c: char| c.is_ascii_digit())
                        || (set_apart
                            && rest.split_whitespace().next().is_some_and(|word| {
                                matches!(
                                    word.to_ascii_lowercase().as_str(),
                                    "about" | "around" | "some" | "roughly" | "nearly" | "almost"
                                )
                            }))
                });
            // "- Kharkiv: Oleh Syniehubov said Russian forces dropped 12
            // guided bombs": a region labelling a line of a list.
            let labels_line = super::past_bullet(&sentence[..hit.start]).is_empty()
                && past_region_word(&sentence[hit.end..]).starts_with(':');
            let alone = alone || region_subject || labels_figure || labels_line;
            let names_region = is_said_as_a_region(sentence, &hit)
                // "of the Donetsk and Luhansk regions"
                || (after.first().is_some_and(|w| w == "and")
                    && after
                        .get(2)
                        .is_some_and(|w| matches!(&**w, "regions" | "oblasts" | "provinces")))
                || !lexicon.region_has_city_of_the_name[hit.payload]
                // "including 46 over Bryansk, 34 over Kursk": a count downed
                // over a city of the region's name fell in the region (and
                // so did "46 drones over Bryansk").
                || {
                    let is_count = |word: &str| {
                        word.starts_with(|c: char| c.is_ascii_digit())
                            || crate::number::is_number_vocabulary(word)
                    };
                    let weapon = |word: &str| lexicon.nouns.is_match(word);
                    matches!(
                        words.as_slice(),
                        [.., count, "over"] | [.., count, "over", "the"] if is_count(count)
                    ) || matches!(
                        words.as_slice(),
                        [.., count, noun, "over"] if is_count(count) && weapon(noun)
                    )
                };
            let mut preposition_at = None;
            for (distance, word) in words.iter().rev().take(4).enumerate() {
                // "79% of Donetsk": a share of the region.
                let after_percent = *word == "of"
                    && words
                        .len()
                        .checked_sub(distance + 2)
                        .and_then(|at| words.get(at))
                        // ("three-quarters of both Zaporizhzhia and Kherson")
                        .is_some_and(|w| is_share_word(w));
                // ("Russia struck Ternopil with 476 drones" is the whole night's
                // count, told by where it hit: a city of the region's name
                // places a figure only with "region" said.)
                let is_preposition = matches!(
                    *word,
                    "in" | "across" | "inside" | "within" | "throughout" | "for"
                ) || (names_region
                    && matches!(
                        *word,
                        // "the enemy attacked Kharkiv region with 32 drones",
                        // "the incursion into Kursk Oblast captured 1,300 km²"
                        "over"
                            | "on"
                            | "of"
                            | "at"
                            | "into"
                            | "attacked"
                            | "struck"
                            | "shelled"
                            | "hit"
                            | "targeted"
                            | "targeting"
                            // Headlines in the present: "Russia targets Odesa
                            // region with 20 drones".
                            | "attacks"
                            | "targets"
                            | "strikes"
                            | "hits"
                            | "pounds"
                            | "pounded"
                    ))
                    || after_percent;
                if is_preposition {
                    preposition_at = Some(distance);
                    break;
                }
            }
            let restricting = alone
                || preposition_at.is_some_and(|distance| {
                    let between = &words[words.len() - distance..];
                    between.iter().all(|w| {
                        matches!(
                            *w,
                            "the"
                                | "both"
                                | "russia's"
                                | "ukraine's"
                                | "russia’s"
                                | "ukraine’s"
                                | "eastern"
                                | "southern"
                                | "northern"
                                | "western"
                                | "north-eastern"
                                | "south-eastern"
                                | "northeastern"
                                | "southeastern"
                                | "partially"
                                | "occupied"
                                | "temporarily"
                                | "annexed"
                                | "russian-occupied"
                                | "russian-annexed"
                                | "neighbouring"
                                | "neighboring"
                                | "frontline"
                                | "front-line"
                                | "border"
                                | "russian"
                                | "ukrainian"
                                | "so-called"
                        )
                    })
                });
            if !restricting {
                return None;
            }
            // Words before the preposition that make the region incidental:
            // "mostly in Donetsk", "near Pokrovsk in Donetsk", "the city of".
            let preposition_index = preposition_at.unwrap_or(0);
            let lead: Vec<&str> = words
                .iter()
                .rev()
                .skip(preposition_index + 1)
                .take(3)
                // (A number, in digits or words, ends the lead: "including
                // nine over the Tula region", "forty-one over …".)
                .take_while(|w| {
                    !w.chars().any(|c| c.is_ascii_digit())
                        && !w.split('-').any(crate::number::is_number_vocabulary)
                })
                .copied()
                .collect();
            let preposition = words
                .iter()
                .rev()
                .nth(preposition_index)
                .copied()
                .unwrap_or("");
            let qualified = !alone
                && (lead.iter().any(|w| REGION_NOT_RESTRICTING.contains(w))
                    || (preposition == "of"
                        && lead.first().is_some_and(|w| {
                            matches!(
                                *w,
                                "city"
                                    | "town"
                                    | "village"
                                    | "outskirts"
                                    | "capital"
                                    | "centre"
                                    | "center"
                                    | "part"
                                    | "parts"
                            )
                        })));
            // "Pokrovsk in the Donetsk region": the region places a town.
            let mut words_before_preposition = sentence[..hit.start]
                .split_whitespace()
                .rev()
                .skip(preposition_index + 1);
            let word_before_preposition = words_before_preposition.next();
            // ("Area of the Kursk region under Ukrainian control: …": any
            // word is capitalised first.)
            let opens_sentence = words_before_preposition.next().is_none();
            let places_a_town = !alone
                && word_before_preposition.is_some_and(|w| {
                    let w = w.trim_matches(|c: char| !c.is_alphanumeric());
                    // ("27 UAVs over the Belgorod region": a weapon.)
                    w.starts_with(|c: char| c.is_uppercase())
                            && (!opens_sentence || lexicon.town_names.is_match(w))
                            && !lexicon.actor_names.is_match(w)
                            && !lexicon.region_names.is_match(w)
                            && !lexicon.nouns.is_match(w)
                            && !matches!(w, "In" | "The" | "And" | "But" | "Of" | "On" | "Over")
                            // "since August in the Kursk region"
                            && !super::figures::is_month_or_weekday(&w.to_lowercase())
                });
            (places_a_town || !qualified).then_some(RegionMention {
                start: hit.start,
                end: hit.end,
                region: hit.payload,
                // (The subject of a share is that share's, not the figure's
                // before it: "… was almost 99% liberated, the Donetsk People's
                // Republic was about 70% liberated".)
                labels_next: labels_figure || subject_of_a_share,
                places_a_town,
                is_town: false,
            })
        })
        .collect()
}

/// Whether `rest`, the text after a region's name, says the region is held
/// and then gives its share after "at": "[region] is almost entirely
/// occupied, at 99.8%".
fn is_held_state_before_share(rest: &str) -> bool {
    let head = &rest[..floor_boundary(rest, rest.len().min(66))];
    let Some(at) = head.find(", at ") else {
        return false;
    };
    let lower = rest[..at + 5].to_ascii_lowercase();
    let words: Vec<&str> = lower[..at]
        .split_whitespace()
        .skip_while(|word| matches!(*word, "region" | "oblast" | "province"))
        .collect();
    matches!(words.first(), Some(&("is" | "was" | "remains")))
        && words.iter().any(|word| {
            matches!(
                *word,
                "occupied" | "controlled" | "held" | "liberated" | "captured"
            )
        })
        && rest[at + 5..]
            .trim_start()
            .starts_with(|c: char| c.is_ascii_digit())
}

/// Whether `rest`, the text after a region's name, makes the region the
/// subject of a share: "[Oblast][, by contrast,] is [now] [about] 99.8%".
pub fn is_subject_of_a_share(rest: &str) -> bool {
    let rest = rest.trim_start();
    // An aside set off by commas: ", by contrast,".
    let rest = match rest.strip_prefix(',') {
        Some(aside) => aside
            .find(',')
            .filter(|&close| close <= 32)
            .map_or(rest, |close| &aside[close + 1..]),
        None => rest,
    };
    if is_held_state_before_share(rest) {
        return true;
    }
    let words = next_words(rest, 6);
    let mut words = words
        .iter()
        .map(|w| &**w)
        .skip_while(|w| matches!(*w, "region" | "oblast" | "province"));
    words
        .next()
        .is_some_and(|verb| matches!(verb, "is" | "was" | "remains"))
        && words
            .find(|w| {
                !matches!(
                    *w,
                    "now" | "still" | "about" | "almost" | "nearly" | "roughly" | "around" | "some"
                )
            })
            .is_some_and(|w| w.starts_with(|c: char| c.is_ascii_digit()))
}

/// Whether a share's own words make it one of the whole country: "19% of
/// Ukraine", "a fifth of the country".
pub fn is_share_of_the_country(sentence: &str, figure: &Figure) -> bool {
    let object = sentence[figure.number.end..figure.end].to_lowercase();
    ["ukrain", "country"]
        .iter()
        .any(|name| object.contains(name))
}

/// The region a figure is restricted to, if any. `numbers` are the
/// sentence's numbers outside its times.
pub fn region_for(
    sentence: &str,
    figures: &[Figure],
    index: usize,
    regions: &[RegionMention],
    numbers: &[NumberMatch],
) -> Option<RegionMention> {
    let figure = &figures[index];
    // "about 27% of the country, before Kyiv's counteroffensives in Kharkiv":
    // a share of the whole country is national (unless a region follows:
    // "70% of Ukraine's Donetsk region").
    if figure.measure == Measure::Percent {
        let of_the_country = is_share_of_the_country(sentence, figure);
        let region_follows = regions.iter().any(|region| {
            region.start >= figure.end
                && matches!(
                    sentence[figure.end..region.start].trim(),
                    "" | "'s" | "’s" | "'s the" | "’s the"
                )
        });
        if of_the_country && !region_follows {
            return None;
        }
    }
    // "50 drones were shot down over the north, while 14 others hit targets
    // in the Kharkiv region": a region after another number is that
    // number's, even one no fact is made of.
    // ("1,294 km² of territory and 100 settlements in Russia's Kursk region":
    // a number joined by "and" that is no figure shares the place.)
    let joined_count = |n: &NumberMatch| {
        let gap = &sentence[figure.end..n.start];
        !gap.contains([',', ';'])
            && crate::text::ends_with_any_word(gap, &["and"])
            && !figures.iter().any(|f| f.number.start == n.start)
    };
    let next_start = numbers
        .iter()
        .filter(|n| n.start >= figure.end && n.kind == NumberKind::Cardinal && !joined_count(n))
        .map(|n| n.start)
        .chain(figures.get(index + 1).map(|f| f.number.start))
        .min()
        .unwrap_or(sentence.len());
    // "2,900 km² this year; in Zaporizhzhia, about 700": a semicolon closes the
    // figure's part of the sentence, and so does a contrast ("60 km² in
    // November, while in the Kharkiv region they took 45").
    let part = &sentence[figure.end..next_start];
    let closes = |at: &usize| {
        let rest = &part[*at..];
        // ("87 km² in the week, …, as Ukrainian forces counterattacked in
        // Zaporizhzhia Oblast"; "…, when Ukrainian defences in southern
        // Donetsk region came under strain")
        // (", and hits were recorded in Kharkiv and Odesa oblasts": a clause
        // with a subject and verb of its own.)
        let own_clause_after_and = rest.strip_prefix(", and ").is_some_and(|clause| {
            next_words(clause, 4).iter().skip(1).any(|word| {
                matches!(
                    &**word,
                    "were" | "was" | "are" | "is" | "have" | "has" | "had"
                )
            })
        });
        own_clause_after_and
            || rest.starts_with(';')
            || [
                ", while ",
                ", whereas ",
                ", as ",
                ", even as ",
                ", even though ",
                ", although ",
                ", though ",
                ", amid ",
                ", when ",
                ", with ",
            ]
            .iter()
            .any(|clause| rest.starts_with(clause))
    };
    let next_start = memchr::memchr2_iter(b';', b',', part.as_bytes())
        .find(closes)
        .map_or(next_start, |at| figure.end + at);
    // "505 km² in November, more than 400 of them in the Donetsk region": what
    // follows a part is the part's. (Its own "of them" is this figure's: "40
    // of them over Bryansk".)
    let region_follows = regions
        .iter()
        .any(|r| r.start >= figure.end && r.start < next_start);
    let next_start = if region_follows {
        sentence[figure.end..next_start]
            .match_indices(" of ")
            .map(|(at, _)| at)
            .find(|&at| {
                at > 0 && super::figures::starts_with_part_pronoun(&sentence[figure.end + at..])
            })
            .map_or(next_start, |at| figure.end + at)
    } else {
        next_start
    };
    // "15 km² near Kupiansk in the Kharkiv region": the town right after the
    // figure is where it lies, and the region places the town.
    // ("16 km² of territory around Kupiansk in the Kharkiv region", "380
    // hectares of forest belt west of Siversk in …": what was taken may be
    // named first, in a few words.)
    const TOWN_LEADS: &[&str] = &[
        "near",
        "around",
        "outside",
        "at",
        "in",
        "close to",
        "west of",
        "east of",
        "north of",
        "south of",
        "northwest of",
        "north-west of",
        "northeast of",
        "north-east of",
        "southwest of",
        "south-west of",
        "southeast of",
        "south-east of",
    ];
    let town_region = regions.iter().find(|r| {
        let gap = past_land_named(sentence[figure.end..r.start.max(figure.end)].trim_start());
        // ("about 75 km² — came west of Avdiivka in Donetsk oblast": after
        // the aside's dash, a verb of where it lay.)
        let gap = gap
            .strip_prefix(['—', '–'])
            .map(str::trim_start)
            .and_then(|rest| {
                ["came ", "lay ", "lies ", "was ", "were "]
                    .iter()
                    .find_map(|verb| rest.strip_prefix(verb))
            })
            .unwrap_or(gap);
        // ("liberated about 15 km² in the south over the past week, near
        // the village of Robotyne in the Zaporizhzhia region": a place set
        // off by a comma, opening with where.)
        let (gap, set_off) = match gap.rsplit_once(',') {
            Some((_, place)) if !gap.contains(';') => (place.trim_start(), true),
            _ => (gap, false),
        };
        r.places_a_town && r.start >= figure.end && r.start < next_start && gap.len() <= 48 && {
            // What was taken, named first: "of forest belt" (up to three
            // words), or the noun a "60-square-mile" figure qualifies.
            let attributive = sentence[figure.number.start..figure.end].contains('-');
            let skippable = if set_off {
                1
            } else if gap
                .get(..3)
                .is_some_and(|of| of.eq_ignore_ascii_case("of "))
            {
                4
            } else {
                1 + usize::from(attributive)
            };
            std::iter::once(0)
                .chain(gap.match_indices(' ').map(|(at, _)| at + 1))
                .take(skippable)
                .any(|word_start| {
                    let rest = &gap[word_start..];
                    TOWN_LEADS.iter().any(|lead| {
                        rest.get(..lead.len())
                            .is_some_and(|head| head.eq_ignore_ascii_case(lead))
                            && rest[lead.len()..].starts_with(' ')
                    })
                })
        }
    });
    let previous_end = if index == 0 {
        0
    } else {
        figures[index - 1].end
    };
    // ("the enemy advanced near Toretsk in Donetsk region, occupying 2.3
    // km²", "…, where it occupied 1.8 km²": the same advance, told on.)
    let town_region_told_on = regions.iter().rev().find(|r| {
        r.places_a_town && r.end <= figure.number.start && r.start >= previous_end && {
            let gap = past_region_word(&sentence[r.end..figure.number.start]).trim_start();
            // ("… in Donetsk region over the past week, gaining about 28
            // km²": past a time the advance was made in.)
            let past_a_time = gap.split_once(',').and_then(|(lead, rest)| {
                let words: Vec<&str> = lead.split_whitespace().collect();
                let temporal = words.first().is_some_and(|word| {
                    matches!(
                        word.to_ascii_lowercase().as_str(),
                        "over" | "on" | "during" | "in" | "last" | "this" | "since" | "between"
                    )
                });
                (temporal && words.len() <= 5).then_some(rest)
            });
            let Some(rest) = gap.strip_prefix(',').or(past_a_time) else {
                return false;
            };
            let words: Vec<&str> = rest.split_whitespace().collect();
            let participle = words.first().is_some_and(|word| word.ends_with("ing"));
            let where_clause = words.first() == Some(&"where");
            !rest.contains([',', ';']) && words.len() <= 5 && (participle || where_clause)
        }
    });
    let with_placed_towns = regions;
    let without_towns: Vec<RegionMention>;
    let regions = if regions.iter().any(|r| r.places_a_town) {
        without_towns = regions
            .iter()
            .filter(|r| !r.places_a_town)
            .copied()
            .collect();
        without_towns.as_slice()
    } else {
        regions
    };
    let window_before = lower_window(
        sentence,
        figure.number.start,
        24.min(figure.number.start - previous_end),
    );
    let after_end = floor_boundary(sentence, (figure.end + 40).min(next_start));
    let window_after = sentence[figure.end..after_end].to_lowercase();
    // "40 out of 50 drones" makes the 50 a total; "pushed out of 1,000 km²"
    // does not.
    let national_before = crate::text::ends_with_any_word(&window_before, NATIONAL_BEFORE)
        && (figure.measure == crate::lexicon::Measure::Count
            || !crate::text::ends_with_any_word(&window_before, &["out of"]));
    // The first occurrence of each marker counts, as with `str::find`.
    let mut seen = 0u32;
    let national_after = NATIONAL_AFTER
        .find_overlapping_iter(&window_after)
        .any(|found| {
            let marker = found.pattern().as_usize();
            let first = seen & (1 << marker) == 0;
            seen |= 1 << marker;
            first
                && !regions
                    .iter()
                    .any(|r| r.start >= figure.end && r.start < figure.end + found.start())
                && contains_word(&window_after, NATIONAL_MARKERS[marker])
        });
    if national_before || national_after {
        return None;
    }
    if let Some(label) = regions.iter().rev().find(|r| {
        r.labels_next
            && r.end <= figure.number.start
            && after_label(sentence[r.end..figure.number.start].trim_start_matches(','))
                .trim_end_matches(LABEL_GAP)
                .is_empty()
    }) {
        return Some(*label);
    }
    // "4,168 km² in 2024, with the bulk of the gains in Donetsk Oblast",
    // "…, mostly in the Donetsk region": where most of it lay, not all.
    // ("…, mostly on the Pokrovsk and Kostiantynivka directions and in the
    // Dnipropetrovsk region": to the start of the clause.)
    let not_where_it_lay = |r: &RegionMention| {
        let lead = lower_window(sentence, r.start, 100);
        let lead = lead.rsplit([',', ';', '(', '—']).next().unwrap_or(&lead);
        NOT_WHERE_IT_LAY
            .iter()
            .any(|words| crate::text::contains_word(lead, words))
    };
    // ("421 km² after reclassifying several areas near Pokrovsk": another
    // clause's town.)
    let near_enough = |r: &RegionMention| {
        !r.is_town || {
            let gap = &sentence[figure.end..r.start];
            gap.len() <= 48
                && !gap.contains([',', ';'])
                && !gap.split_whitespace().any(|word| {
                    matches!(
                        word.to_ascii_lowercase().as_str(),
                        "after" | "before" | "since" | "following" | "despite" | "while" | "when"
                    )
                })
        }
    };
    // ("21,470 km² lay in Donetsk oblast — 81% of the region": a region
    // that labels the figure after a dash may still be where the one
    // before it lies.)
    let lies_in = |r: &RegionMention| {
        let gap = sentence[figure.end..r.start].trim_end();
        let gap = gap.strip_suffix(" the").unwrap_or(gap);
        past_region_word(&sentence[r.end..]).starts_with(['—', '–'])
            && gap.len() <= 24
            && crate::text::ends_with_any_word(gap, &["in", "over"])
    };
    // ("fired about 70 Kalibr missiles from ships and submarines in the
    // Black Sea": where weapons were fired from is not where they lie.)
    let fired_from = |r: &RegionMention| {
        figure.measure == crate::lexicon::Measure::Count
            && contains_word(&sentence[figure.end..r.start], "from")
    };
    if let Some(own) = regions
        .iter()
        .find(|r| {
            r.start >= figure.end
                && r.start < next_start
                && (!r.labels_next || lies_in(r))
                && !not_where_it_lay(r)
                && near_enough(r)
                && !fired_from(r)
        })
        .or(town_region)
        .or(town_region_told_on)
    {
        return Some(*own);
    }
    if let Some(shared) = region_of_joined_figure(sentence, figures, index, regions) {
        return Some(shared);
    }
    // ("In the Pokrovsk direction, Russian forces took 50 km²"; "DeepState
    // reclassified areas near Pokrovsk, …, to 421 km²" places nothing, and
    // "In the Donetsk region, where the fighting around Pokrovsk is
    // heaviest, Russian forces hold 78%" is placed by the region.)
    // ("Since the counteroffensive near Dobropillia began on 21 August,
    // Ukrainian forces have liberated 168 km²": the operation's place.)
    let in_leading_since_clause = |r: &RegionMention| {
        let lead = &sentence[..r.start];
        lead.get(..6)
            .is_some_and(|since| since.eq_ignore_ascii_case("since "))
            && !lead.contains([',', ';'])
    };
    // ("operations near Dobropillia in Donetsk Oblast had liberated 174
    // km²": a town placed by its region is where the figure lies, as the
    // town alone would be.)
    let before = with_placed_towns.iter().rev().find(|r| {
        r.end <= figure.number.start
            && r.start >= previous_end
            && (!(r.is_town || r.places_a_town)
                || sentence[..r.start].len() <= 8
                || !sentence[r.end..figure.number.start].contains([',', ';'])
                || in_leading_since_clause(r))
    });
    if let Some(before) = before {
        if index == 0 || has_clause_break(&sentence[previous_end..before.start]) {
            return Some(*before);
        }
    }
    // A region leading the sentence ("In the Donetsk region, ...") covers every
    // figure of it that has none of its own.
    let first_figure_start = figures.first().map(|f| f.number.start).unwrap_or(0);
    let lead_region = regions.iter().find(|r| r.end <= first_figure_start)?;
    let own_segment_national = NATIONAL_MARKERS
        .iter()
        .any(|m| contains_word(&lower_window(sentence, figure.number.start, 24), m));
    (!own_segment_national && index > 0).then_some(*lead_region)
}

/// `text` past a leading "of territory" ("of land", "of Ukrainian
/// territory", "of the ground") and the space after it.
fn past_land_named(text: &str) -> &str {
    const LAND: &[&str] = &["territory", "land", "ground", "terrain"];
    let Some(rest) = text
        .get(..3)
        .filter(|of| of.eq_ignore_ascii_case("of "))
        .map(|_| &text[3..])
    else {
        return text;
    };
    let mut rest = rest;
    for _ in 0..3 {
        let word_end = rest.find(' ').unwrap_or(rest.len());
        let word = &rest[..word_end];
        rest = rest[word_end..].trim_start();
        if LAND.iter().any(|land| word.eq_ignore_ascii_case(land)) {
            return rest;
        }
    }
    text
}

/// The region of the city named last in `text`: a town of the lexicon, or a
/// region's city of the same name (which wins a tie).
pub fn last_city_named(lexicon: &Lexicon, text: &str) -> Option<usize> {
    let town = lexicon.town_names.find_all(text).last().copied();
    let city_of_region = lexicon
        .region_names
        .find_all(text)
        .into_iter()
        .rfind(|hit| lexicon.region_has_city_of_the_name[hit.payload]);
    [town, city_of_region]
        .into_iter()
        .flatten()
        .max_by_key(|hit| hit.start)
        .map(|hit| hit.payload)
}

/// "Air defence destroyed 40 Shaheds over the region", "attacked 29
/// settlements of the region": "the region" after a preposition is the one
/// named last before it, in the sentence (a title counts: "Belgorod governor
/// Vyacheslav Gladkov") or else in `named_before`, the sentences before.
pub fn region_anaphora(
    lexicon: &Lexicon,
    sentence: &str,
    named_before: &mut dyn FnMut() -> Option<usize>,
) -> Vec<RegionMention> {
    static THE_REGION: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)(?-u:\b)(?:over|in|of|across|throughout|on|at|attacked|struck|shelled)\s+(the\s+(?:(?:russian|ukrainian)\s+)?(?:region|oblast|republic))(?-u:\b)")
            .expect("valid pattern")
    });
    // After a preposition "the" is in lower case.
    // ("1,294 km² of the Russian region": a side's adjective may come between.)
    static THE_REGION_WORDS: LazyLock<[memchr::memmem::Finder<'static>; 5]> = LazyLock::new(|| {
        [
            memchr::memmem::Finder::new("the region"),
            memchr::memmem::Finder::new("the oblast"),
            memchr::memmem::Finder::new("the republic"),
            memchr::memmem::Finder::new("the Russian region"),
            memchr::memmem::Finder::new("the Ukrainian region"),
        ]
    });
    let bytes = sentence.as_bytes();
    let names_the_region = THE_REGION_WORDS
        .iter()
        .any(|words| words.find(bytes).is_some());
    let mut found = there_anaphora(lexicon, sentence, named_before);
    if !names_the_region {
        return found;
    }
    for caps in THE_REGION.captures_iter(sentence) {
        let Some(the_region) = caps.get(1) else {
            continue;
        };
        // "the region's governor": whose, not where ("the oblast's
        // territory" is where).
        let rest = &sentence[the_region.end()..];
        if rest.starts_with(['\'', '’'])
            && next_words(rest, 2)
                .get(1)
                .is_none_or(|word| word != "territory")
        {
            continue;
        }
        // ("… over the territory of the republic, Tatarstan's head said": a
        // republic's head may name it after.)
        let named_after = || {
            the_region.as_str().ends_with("republic").then(|| {
                lexicon
                    .region_names
                    .find_all(&sentence[the_region.end()..])
                    .first()
                    .map(|hit| hit.payload)
            })?
        };
        let antecedent = lexicon
            .region_names
            .find_all(&sentence[..the_region.start()])
            .last()
            .map(|hit| hit.payload)
            .or_else(named_after)
            .or_else(&mut *named_before);
        if let Some(region) = antecedent {
            found.push(RegionMention {
                start: the_region.start(),
                end: the_region.end(),
                region,
                labels_next: false,
                places_a_town: false,
                is_town: false,
            });
        }
    }
    found
}

/// "Kharkiv endured its heaviest attack … after Russian forces struck the
/// city with 48 drones": "the city" or "the capital" after a preposition or
/// a verb of attack is the city named last before it in the sentence (a
/// town, or a region's city of the same name), else in `named_before`, the
/// sentences before ("Kryvyi Rih. The enemy attacked the city with 9
/// Shaheds"), placing the figure in its region.
pub fn city_anaphora(
    lexicon: &Lexicon,
    sentence: &str,
    named_before: &mut dyn FnMut() -> Option<usize>,
) -> Vec<RegionMention> {
    static THE_CITY: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)(?-u:\b)(?:over|in|on|at|attacked|struck|hit|shelled|targeted|towards|toward|approaching|approached)\s+(the\s+(?:russian\s+|ukrainian\s+)?(?:city|capital))(?-u:\b)")
            .expect("valid pattern")
    });
    // (Asked of every sentence read: finders built once.)
    static THE_CITY_WORDS: LazyLock<[memchr::memmem::Finder<'static>; 2]> = LazyLock::new(|| {
        [
            memchr::memmem::Finder::new("the city"),
            memchr::memmem::Finder::new(" capital"),
        ]
    });
    let bytes = sentence.as_bytes();
    if THE_CITY_WORDS
        .iter()
        .all(|words| words.find(bytes).is_none())
    {
        return Vec::new();
    }
    THE_CITY
        .captures_iter(sentence)
        .filter_map(|caps| {
            let the_city = caps.get(1)?;
            // ("the city's mayor": whose, not where.)
            if sentence[the_city.end()..].starts_with(['\'', '’']) {
                return None;
            }
            let region = last_city_named(lexicon, &sentence[..the_city.start()])
                .or_else(&mut *named_before)?;
            Some(RegionMention {
                start: the_city.start(),
                end: the_city.end(),
                region,
                labels_next: false,
                places_a_town: false,
                is_town: true,
            })
        })
        .collect()
}

/// "Russian troops advanced across 314 km² there", "now control about 400
/// km² there": "there" after a word of the clause is the region named last
/// before it, in the sentence or the sentences before. ("There were", ",
/// there have been" open a clause: no place.)
fn there_anaphora(
    lexicon: &Lexicon,
    sentence: &str,
    named_before: &mut dyn FnMut() -> Option<usize>,
) -> Vec<RegionMention> {
    static THERE: LazyLock<memchr::memmem::Finder<'static>> =
        LazyLock::new(|| memchr::memmem::Finder::new("there"));
    let mut found = Vec::new();
    for start in THERE.find_iter(sentence.as_bytes()) {
        let end = start + "there".len();
        let before = sentence[..start].trim_end();
        let in_a_clause = sentence[..start].ends_with(' ')
            && before.ends_with(|c: char| c.is_alphanumeric() || c == '²');
        let whole_word = !sentence[end..].starts_with(|c: char| c.is_alphanumeric());
        let opens_a_clause = next_words(&sentence[end..], 1).first().is_some_and(|verb| {
            matches!(
                verb.as_ref(),
                "is" | "are"
                    | "was"
                    | "were"
                    | "have"
                    | "has"
                    | "had"
                    | "will"
                    | "would"
                    | "may"
                    | "might"
                    | "could"
                    | "seems"
                    | "seem"
                    | "appears"
                    | "appear"
            )
        });
        if !(in_a_clause && whole_word) || opens_a_clause {
            continue;
        }
        let antecedent = lexicon
            .region_names
            .find_all(&sentence[..start])
            .last()
            .map(|hit| hit.payload)
            .or_else(&mut *named_before);
        if let Some(region) = antecedent {
            found.push(RegionMention {
                start,
                end,
                region,
                labels_next: false,
                places_a_town: false,
                is_town: false,
            });
        }
    }
    found
}

/// The region whose authority is a source of `sentence`: "the Sumy Regional
/// Military Administration reported", "Kharkiv governor Oleh Syniehubov
/// said", "the governor of the Belgorod region". Its figures are that
/// region's, unless the sentence says they are the whole country's ("across
/// Ukraine", "in total").
pub fn region_of_source(lexicon: &Lexicon, sentence: &str) -> Option<usize> {
    // Titles of regional authorities ("RMA" and "OVA" abbreviate the
    // regional military administration).
    static TITLES: LazyLock<[memchr::memmem::Finder<'static>; 4]> = LazyLock::new(|| {
        ["overnor", "dministration", " RMA", " OVA"].map(memchr::memmem::Finder::new)
    });
    let bytes = sentence.as_bytes();
    if TITLES.iter().all(|title| title.find(bytes).is_none()) {
        return None;
    }
    let regions = lexicon.region_names.find_all(sentence);
    // ("… 12 settlements of Zaporizhzhia region, Governor Ivan Fedorov said",
    // "…, head of the regional military administration, reported": a
    // regional authority named with one region only is that region's.)
    let only_region = || {
        let names_an_authority = [
            "governor",
            "regional military administration",
            "regional administration",
        ]
        .iter()
        .any(|title| contains_word(sentence, title));
        names_an_authority
            .then(|| the_one_region(regions.iter().map(|hit| hit.payload)))
            .flatten()
    };
    regions
        .iter()
        .copied()
        .find(|hit| {
            let after = next_words(&sentence[hit.end..], 4);
            let words: Vec<&str> = after.iter().map(|w| &**w).collect();
            let titled_after = match words.as_slice() {
                ["governor" | "rma" | "ova", ..] | ["regional" | "oblast", "governor", ..] => true,
                ["regional" | "oblast", rest @ ..] => {
                    rest.iter().take(2).any(|w| *w == "administration")
                }
                _ => false,
            };
            let lead = lower_window(sentence, hit.start, 24);
            let titled_before = ["governor of the", "governor of", "head of the"]
                .iter()
                .any(|title| lead.trim_end().ends_with(title));
            titled_after || titled_before
        })
        .map(|hit| hit.payload)
        .or_else(only_region)
        .filter(|_| !NATIONAL_AFTER.is_match(&sentence.to_lowercase()))
}

/// "Over the past day, Russian troops carried out 97 attacks on 29
/// settlements in 11 territorial communities of Sumy region": the one region
/// whose settlements a regional summary of a day's attacks counts. The
/// weapons the next sentences count hit them.
pub fn region_of_attack_summary(lexicon: &Lexicon, sentence: &str) -> Option<usize> {
    static PLACES: LazyLock<[memchr::memmem::Finder<'static>; 3]> = LazyLock::new(|| {
        ["settlements", "communities", "hromadas"].map(memchr::memmem::Finder::new)
    });
    let bytes = sentence.as_bytes();
    if PLACES.iter().all(|places| places.find(bytes).is_none()) {
        return None;
    }
    let attacked = [
        "attacks", "strikes", "shelled", "struck", "attacked", "shelling",
    ]
    .iter()
    .any(|word| contains_word(sentence, word));
    let regions = lexicon.region_names.find_all(sentence);
    attacked
        .then(|| the_one_region(regions.iter().map(|hit| hit.payload)))
        .flatten()
}

/// The region all of `regions` are, if there is one and no other.
pub fn the_one_region(regions: impl IntoIterator<Item = usize>) -> Option<usize> {
    let mut regions = regions.into_iter();
    let first = regions.next()?;
    regions.all(|other| other == first).then_some(first)
}

/// Whether `sentence` says who reports it ("…, the air force said",
/// "according to the governor"), or that its figures are the whole
/// country's: either ends a regional authority's report before it.
pub fn has_own_source_or_scope(sentence: &str) -> bool {
    let lower = sentence.to_lowercase();
    NATIONAL_AFTER.is_match(&lower)
        || super::figures::REPORTING_VERBS
            .iter()
            .chain(&["according to", "told", "announced"])
            .any(|verb| contains_word(&lower, verb))
}

/// Words before a region that say the figure did not lie there as a
/// whole: only most of it did ("mostly in the Donetsk region"), or the region
/// is what it is compared with ("an area about the size of Chernivtsi Oblast").
const NOT_WHERE_IT_LAY: &[&str] = &[
    "the bulk of",
    "most of",
    "the majority of",
    "mostly",
    "mainly",
    "largely",
    "chiefly",
    "primarily",
    "predominantly",
    "the size of",
    "larger than",
    "bigger than",
    "smaller than",
];

/// "117 drones and four missiles over the Kursk region": figures joined by
/// "and" share the region right after the last of them (not a part's: "3,000
/// km² and 1,200 km² of it in Donetsk").
fn region_of_joined_figure(
    sentence: &str,
    figures: &[Figure],
    index: usize,
    regions: &[RegionMention],
) -> Option<RegionMention> {
    let (figure, next) = (&figures[index], figures.get(index + 1)?);
    let gap = sentence.get(figure.end..next.number.start)?.trim();
    // ("~40 Shaheds + <10 missiles at Kharkiv region": shorthand for "and";
    // "2 Kalibr missiles from the Black Sea and up to 30 drones at the Odesa
    // region": past where the first were fired from.)
    let past_origin = gap.strip_prefix("from ").is_some_and(|origin| {
        origin.ends_with(" and")
            && origin.split_whitespace().count() <= 6
            && !origin.contains([',', ';'])
    });
    if !crate::text::joins_as_and(gap) && !past_origin {
        return None;
    }
    let after_next = &sentence[next.end..];
    if next_words(after_next, 1)
        .first()
        .is_some_and(|word| word == "of")
    {
        return None;
    }
    let until = figures
        .get(index + 2)
        .map_or(sentence.len(), |f| f.number.start);
    regions
        .iter()
        .find(|r| {
            r.start >= next.end
                && r.start < until
                && !r.labels_next
                && sentence[next.end..r.start].split_whitespace().count() <= 4
        })
        .copied()
}

/// The name of the region a figure is restricted to, with the regions joined
/// to it: "in the Donetsk and Luhansk regions" is "Donetsk + Luhansk", not
/// Donetsk alone. `None` for a list of more than three regions, or one that
/// goes on with places the lexicon does not name ("in Kharkiv, Sumy,
/// Poltava, Kyiv, Chernihiv and Odesa regions"): the figure is national.
pub fn region_name(lexicon: &Lexicon, sentence: &str, mention: RegionMention) -> Option<String> {
    let mut names = vec![lexicon.regions[mention.region].clone()];
    let mut end = mention.end;
    loop {
        let rest = &sentence[end..];
        let Some(after) = rest
            .strip_prefix(" and ")
            .or_else(|| rest.strip_prefix(", "))
        else {
            break;
        };
        let after = after.strip_prefix("the ").unwrap_or(after);
        let skipped = rest.len() - after.len();
        match lexicon.region_names.find_all(after).first() {
            Some(next) if next.start == 0 => {
                let name = &lexicon.regions[next.payload];
                if !names.contains(name) {
                    names.push(name.clone());
                }
                end += skipped + next.end;
            }
            // (A place of the list the lexicon cannot name.)
            _ if names.len() > 1 && after.starts_with(|c: char| c.is_uppercase()) => {
                return None;
            }
            _ => break,
        }
    }
    (names.len() <= 3).then(|| names.join(JOINT_REGIONS))
}

/// What joins the names of regions a figure covers together.
pub const JOINT_REGIONS: &str = " + ";

/// Reported changes written in words.
static WORD_CHANGE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)
        (?-u:\b)(?P<multiple>doubled|tripled|trebled|quadrupled|halved)(?-u:\b)
        | (?-u:\b)(?P<factor>double|triple|treble|quadruple)\s+(?:the|that\s+of|last|its)(?-u:\b)
        | (?-u:\b)(?P<half>half)\s+as\s+(?:many|much)(?-u:\b)
        | (?-u:\b)(?P<times>twice|two\s+times|three\s+times|four\s+times|five\s+times)\s+(?:as\s+(?:many|much|high)|more|higher|the\s+number)(?-u:\b)
        | (?-u:\b)(?P<direction>up|down|rose|fell|increased|decreased|dropped|jumped|grew|declined|climbed|plunged|surged)
          \s+(?:by\s+)?(?:about\s+|nearly\s+|almost\s+|roughly\s+|some\s+)?
          (?P<fraction>a\s+third|one\s+third|a\s+quarter|one\s+quarter|a\s+half|half|a\s+fifth|one\s+fifth|two\s+thirds|two-thirds|a\s+tenth)(?-u:\b)",
    )
    .expect("valid regex")
});

/// A change written in words ("doubled", "down a third", "twice as many"), in
/// percent, with the byte offset where it was found.
pub fn word_changes(sentence: &str) -> Vec<(usize, f64)> {
    WORD_CHANGE
        .captures_iter(sentence)
        .filter_map(|caps| {
            let whole = caps.get(0)?;
            let percent = if caps.name("half").is_some() {
                -50.0
            } else if let Some(m) = caps.name("multiple") {
                match m.as_str().to_lowercase().as_str() {
                    "doubled" => 100.0,
                    "tripled" | "trebled" => 200.0,
                    "quadrupled" => 300.0,
                    "halved" => -50.0,
                    _ => return None,
                }
            } else if let Some(m) = caps.name("factor") {
                // "nearly double the October figure"
                match m.as_str().to_lowercase().as_str() {
                    "double" => 100.0,
                    "triple" | "treble" => 200.0,
                    "quadruple" => 300.0,
                    _ => return None,
                }
            } else if let Some(m) = caps.name("times") {
                let lower = m.as_str().to_lowercase();
                let factor = if lower.starts_with("twice") || lower.starts_with("two") {
                    2.0
                } else if lower.starts_with("three") {
                    3.0
                } else if lower.starts_with("four") {
                    4.0
                } else {
                    5.0
                };
                (factor - 1.0) * 100.0
            } else {
                let direction = caps.name("direction")?.as_str().to_lowercase();
                let fraction = caps
                    .name("fraction")?
                    .as_str()
                    .to_lowercase()
                    .replace('-', " ");
                let share = if fraction.contains("two thirds") {
                    200.0 / 3.0
                } else if fraction.contains("third") {
                    100.0 / 3.0
                } else if fraction.contains("quarter") {
                    25.0
                } else if fraction.contains("half") {
                    50.0
                } else if fraction.contains("fifth") {
                    20.0
                } else {
                    10.0
                };
                let falls = matches!(
                    direction.as_str(),
                    "down" | "fell" | "decreased" | "dropped" | "declined" | "plunged"
                );
                if falls {
                    -share
                } else {
                    share
                }
            };
            Some((whole.start(), round2(percent)))
        })
        .collect()
}

/// Where "respectively" is in `sentence`, if it is.
pub fn respectively_at(sentence: &str) -> Option<usize> {
    // Looked for in every sentence with figures: one searcher, built once.
    static RESPECTIVELY: LazyLock<memchr::memmem::Finder<'static>> =
        LazyLock::new(|| memchr::memmem::Finder::new("respectively"));
    RESPECTIVELY.find(sentence.as_bytes())
}

/// A reported change in percent from a percentage figure.
/// "5,298 drones and 270 missiles, a 14% and 30% increase respectively":
/// one change per figure, in order, as (the figure's start, the change).
pub fn respective_changes(
    sentence: &str,
    figures: &[Figure],
    numbers: &[NumberMatch],
) -> Option<Vec<(usize, f64)>> {
    let at = respectively_at(sentence)?;
    let counted: Vec<&Figure> = figures
        .iter()
        .filter(|f| !f.is_comparison && f.end <= at)
        .collect();
    let last_end = counted.last()?.end;
    let percents: Vec<&NumberMatch> = numbers
        .iter()
        .filter(|n| n.kind == NumberKind::Percent && n.start >= last_end && n.end <= at)
        .collect();
    if counted.len() < 2 || percents.len() != counted.len() {
        return None;
    }
    // The change word closes the list: "a 14% and 30% increase".
    let sign = change_sign(sentence, percents.last()?);
    Some(
        counted
            .iter()
            .zip(&percents)
            .map(|(figure, percent)| (figure.number.start, round2(percent.value * sign)))
            .collect(),
    )
}

pub fn percent_change(sentence: &str, number: &NumberMatch) -> f64 {
    round2(number.value * change_sign(sentence, number))
}

fn round2(value: f64) -> f64 {
    (value * 100.0).round() / 100.0
}

/// Ranks such as "second-largest", "biggest in a year", "largest since 2024-11".
static RANK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?-u:\b)(?:(?:second|third|fourth|fifth|2nd|3rd|4th|5th)[- ])?(?:largest|biggest|highest|greatest|smallest|lowest|fastest|slowest|heaviest|most|record)(?-u:\b)(?:[^,.;]{0,40}?(?-u:\b)(?:since\s+[^,.;]{1,30}?|in\s+(?:a|one|over\s+a|more\s+than\s+a)\s+year|on\s+record|of\s+the\s+war|this\s+year|so\s+far)(?-u:\b))?",
    )
    .expect("valid regex")
});

/// The rank remark in a sentence, if any, to the end of a time expression
/// it ends in ("the most since last year", not "the most since last").
pub fn rank_note(sentence: &str, times: &[Range<usize>]) -> Option<(usize, String)> {
    let found = RANK.find(sentence)?;
    let end = times
        .iter()
        .filter(|time| time.start < found.end() && found.end() < time.end)
        .map(|time| time.end)
        .max()
        .unwrap_or(found.end());
    let text = sentence[found.start()..end].trim();
    // "most" alone is too common to be a rank unless it says more.
    if text.eq_ignore_ascii_case("most") {
        return None;
    }
    Some((found.start(), text.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn previous_periods_keep_their_kind() {
        let cases = [
            (
                Period::month(2025, 1).unwrap(),
                Period::month(2024, 12).unwrap(),
            ),
            (Period::year(2025).unwrap(), Period::year(2024).unwrap()),
            (
                Period::day(date(2025, 3, 1)),
                Period::day(date(2025, 2, 28)),
            ),
            (
                Period::new(date(2025, 11, 24), date(2025, 11, 30)),
                Period::new(date(2025, 11, 17), date(2025, 11, 23)),
            ),
        ];
        for (period, previous) in cases {
            assert_eq!(previous_period(period), Some(previous), "{period:?}");
        }
        assert_eq!(
            shift_months(Period::month(2025, 11).unwrap(), -12),
            Period::month(2024, 11)
        );
    }

    #[test]
    fn changes_written_in_words() {
        let cases = [
            ("the number doubled", Some(100.0)),
            ("launches were down a third", Some(-33.33)),
            ("twice as many drones", Some(100.0)),
            ("half as many as in May", Some(-50.0)),
            ("rose by a quarter", Some(25.0)),
            ("three times as many", Some(200.0)),
            ("a third of the drones", None),
        ];
        for (text, expected) in cases {
            assert_eq!(word_changes(text).first().map(|c| c.1), expected, "{text}");
        }
    }

    #[test]
    fn rank_notes() {
        assert_eq!(
            rank_note(
                "its second-largest advance after its 725 square kilometers",
                &[]
            )
            .map(|n| n.1),
            Some("second-largest".to_string())
        );
        assert_eq!(
            rank_note("the biggest advance in a year", &[]).map(|n| n.1),
            Some("biggest advance in a year".to_string())
        );
        assert_eq!(rank_note("most of them were shot down", &[]), None);
        // To the end of the time it ends in.
        let text = "the most since last year";
        let last_year = text.find("last year").unwrap()..text.len();
        assert_eq!(
            rank_note(text, &[last_year]).map(|n| n.1),
            Some("most since last year".to_string())
        );
    }

    #[test]
    fn context_month_phrases() {
        for text in [
            "In one month, Russia took 701 km2",
            "in a single month",
            "That month it fired",
        ] {
            assert!(mentions_context_month(text), "{text}");
        }
        assert!(!mentions_context_month("in November, Russia took 701 km2"));
    }
}
