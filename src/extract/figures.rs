//! Finding the figures of a sentence: numbers that carry an area unit, a
//! noun of a count metric, or a share of territory, with their metric class.
//! Numbers that are distances, money, rates, forecasts or asides are dropped
//! here.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use crate::fact::Qualifier;
use crate::lexicon::{Lexicon, Measure, PhraseHit};
use crate::number::{NumberKind, NumberMatch};
use crate::text::{ends_with_any_word, floor_boundary, lower_window, next_words};
use crate::time::{MONTH_NAMES, WEEKDAY_NAMES};

/// A number in a sentence that measures something the lexicon knows.
#[derive(Debug, Clone)]
pub struct Figure {
    pub number: NumberMatch,
    /// End of the figure: after its unit or noun.
    pub end: usize,
    pub measure: Measure,
    /// Normalised value and range bounds (km² for areas, percent for shares).
    pub value: f64,
    pub low: Option<f64>,
    pub high: Option<f64>,
    /// For counts: the noun class index (into `Lexicon::noun_classes`).
    pub noun_class: Option<usize>,
    /// For percentages: the object index (into `Lexicon::object_names`).
    pub object: Option<usize>,
    /// Says what this figure is compared with ("up from 610 km²").
    pub is_comparison: bool,
    /// Factor from the unit written to the stored unit (areas).
    pub unit_factor: f64,
}

/// Words that close the gap between a linking verb and a figure whose noun
/// was named earlier ("the number of drones reached 5,600").
const LINKING_ENDINGS: &[&str] = &[
    "reached",
    "totalled",
    "totaled",
    "totalling",
    "totaling",
    "stood at",
    // "missile launches were little changed at 231", "held steady at 5,000"
    "changed at",
    "unchanged at",
    "steady at",
    "stable at",
    "flat at",
    "was",
    "were",
    "is",
    "are",
    // "In August the figure had been 4,300."
    "had been",
    "has been",
    "have been",
    "rose to",
    "increased to",
    "climbed to",
    "jumped to",
    "grew to",
    "fell to",
    "dropped to",
    "decreased to",
    "declined to",
    "amounted to",
    "numbered",
    "exceeded",
    "surpassed",
    "to",
    "record",
    "a record",
    "topped",
    "reaching",
    "passed",
    "from",
    "compared with",
    "compared to",
    "up from",
    "down from",
    "than",
    "than the",
    "added up to",
    "or",
    "or about",
    "or around",
    "or nearly",
    "or roughly",
    "or some",
    // "drone attacks hit a record in July, with 6,297 launched"
    "with",
];

/// Whether `gap`, the words between a time and a figure, makes the figure
/// that time's: "October's 170", "the 2023 figure of 565 sq km", "last
/// year's total of roughly 19,800", "the November tally was 505".
pub(super) fn names_the_figure_of_a_time(gap: &str) -> bool {
    // ("’s figure stood at " is the longest.)
    if gap.len() > 24 {
        return false;
    }
    let rest = gap.trim_start();
    let (possessive, rest) = match rest.strip_prefix("'s").or_else(|| rest.strip_prefix("’s")) {
        Some(after) => (true, after),
        None => (false, rest),
    };
    let mut words = rest.split_whitespace();
    let Some(noun) = words.next() else {
        return possessive;
    };
    let names_figure = ["figure", "total", "tally", "count", "level", "number"]
        .iter()
        .any(|name| noun.eq_ignore_ascii_case(name));
    names_figure
        && matches!(
            [words.next(), words.next(), words.next()],
            [Some("of" | "at" | "was"), None, None] | [Some("stood"), Some("at"), None]
        )
}

/// Whether the word after `number` (if any) may follow a figure whose noun
/// was named earlier: a word of [`AFTER_BARE_FIGURE`], a month or a weekday.
pub(super) fn has_no_noun_of_its_own(sentence: &str, number: &NumberMatch) -> bool {
    // "Drones launched: 5,445 (+3% m/m)": a bracket after the figure is an
    // aside about it.
    let after = sentence[number.end..].trim_start();
    // (So is a footnote's: "roughly 11,000 and 2,000 [8]"; and a mark
    // after the figure leaves no room for a noun: "to 19,970, more than …".)
    if after.starts_with(['(', '[', ',', ';']) {
        return true;
    }
    next_words(after, 1)
        .first()
        .is_none_or(|word| AFTER_BARE_FIGURE.contains(&word.as_ref()) || is_month_or_weekday(word))
}

/// Words that may follow a figure whose noun was named earlier: anything else
/// is probably the figure's own noun ("hit 41 Russian aircraft").
const AFTER_BARE_FIGURE: &[&str] = &[
    "in",
    "on",
    "at",
    "during",
    "the",
    "a",
    "an",
    "last",
    "this",
    "over",
    "according",
    "for",
    "up",
    "down",
    "compared",
    "from",
    "and",
    "while",
    "as",
    "by",
    "with",
    "after",
    "since",
    "of",
    "than",
    "between",
    "so",
    "against",
    "previous",
    "per",
    "that",
    "which",
    "or",
    "were",
    "was",
    "overnight",
    "yesterday",
    "today",
    "earlier",
    "ago",
    "elsewhere",
    // "with 6,297 launched": the action, in a participle.
    "launched",
    "fired",
    "downed",
    "intercepted",
    "destroyed",
    "shot",
    "neutralised",
    "neutralized",
    "suppressed",
    // "Glide bombs: 5,000 dropped over the month."
    "dropped",
    "sent",
    "used",
];

/// Endings of the text before a figure that make it a comparison figure.
const COMPARISON_ENDINGS: &[&str] = &[
    "up from",
    "down from",
    "compared with",
    "compared to",
    "compared with the",
    "compared to the",
    "from",
    "versus",
    "vs",
    "vs.",
    "against",
    "than",
    "than the",
    "after its",
    "after the",
    "after",
    "up from the",
    "down from the",
    "from the",
    "previous record of",
    // "down from a peak of about 1,300 km² in late August"
    "from a peak of",
    "from a high of",
    "from a low of",
    "from a record of",
    "from its peak of",
    // "revised … down to 1,180 sq km from an initially reported 1,220"
    "from an initially reported",
    "from the initially reported",
    "from a previously reported",
    "from the previously reported",
    "from an earlier",
    "from the earlier",
    "the previous month's",
    "last month's",
    "a year earlier's",
    "than its",
    // "180 km², nearly double October's 94 km²"
    "double",
    "double the",
    "twice",
    "twice the",
    "triple",
    "triple the",
    // "more than ten times the 496 it fired in June 2024"
    "times the",
    "times as many as",
    "times as many as the",
    // "beating the previous high of 3,600 set in August"
    "previous high of",
    "the previous high of",
    "previous peak of",
    "the previous peak of",
];

/// Modifiers allowed between a number and its noun ("810 Shahed-type attack drones").
const NOUN_MODIFIERS: &[&str] = &[
    "russian",
    "ukrainian",
    "iranian",
    "iranian-made",
    "iranian-designed",
    "russian-made",
    "north",
    "korean",
    "attack",
    "strike",
    "kamikaze",
    "long-range",
    "short-range",
    "cruise",
    "ballistic",
    "and",
    "air-launched",
    "sea-launched",
    "ground-launched",
    "guided",
    "tactical",
    "operational-tactical",
    "hypersonic",
    "new",
    "enemy",
    "combat",
    "decoy",
    // Translated Ukrainian reports: "83 shock UAV", "31 imitator drones".
    "shock",
    "imitator",
    "imitation",
    "dummy",
    "reconnaissance",
    "jet-powered",
    "jet",
    "various",
    "different",
    "types",
    "type",
    "of",
    "other",
    "more",
    "additional",
    "hostile",
    "explosive",
    "fpv",
    "long",
    "range",
    "heavy",
    "aerial",
    "air",
    "anti-aircraft",
    "s-300",
    "s-400",
    "x-type",
    "shahed-type",
    "shahed",
    "geran-type",
    "gerbera-type",
    "iskander-m",
    "kh-101",
    "kh-22",
    "kh-59",
    "kh-31",
    "kalibr",
    "kinzhal",
    "zircon",
    "onyx",
    "tochka-u",
    "kn-23",
    "kh-555",
    "kh-47m2",
    "oniks",
    "sea-based",
    "high-precision",
    "precision-guided",
    "so-called",
    "self-detonating",
    "unmanned",
    "one-way",
    "bomber",
    "fighter",
    "mostly",
    "mainly",
    "total",
    // "more than 3,500 such glide bombs", "1,200 of these drones".
    "such",
    "these",
    "those",
    "were",
    "was",
    "are",
];

const CURRENCY_BEFORE: &[char] = &['$', '€', '£', '₴', '₽', '¥'];

/// Classifies the numbers of a sentence. Percentages that are reported
/// changes are returned separately (they qualify a figure, they are not one).
/// `context_class` gives the weapon named in the sentences before (that can
/// hold the count given), looked up only for a figure that names none.
pub fn find_figures(
    lexicon: &Lexicon,
    sentence: &str,
    numbers: &[NumberMatch],
    times: &[Range<usize>],
    context_class: &mut dyn FnMut(f64) -> Option<usize>,
    change_percents: &mut Vec<NumberMatch>,
) -> Vec<Figure> {
    let mut figures: Vec<Figure> = Vec::new();
    let noun_hits = &lexicon.nouns.find_all(sentence);
    for number in numbers {
        if matches!(number.kind, NumberKind::Ordinal | NumberKind::Designation) {
            continue;
        }
        // "in one of the biggest attacks", "one of them": one of a group,
        // never a count of it ("no one", "each one": nor a pronoun).
        // ("UPDATE 3-Russian missile and drone attack …": a story's version.)
        if is_one_of(sentence, number) || sentence[..number.start].trim_end().ends_with("UPDATE") {
            continue;
        }
        // A number inside the previous figure ("9 8-g drones": the noun after
        // the 8 already ends the 9's figure) belongs to it; as a figure of its
        // own it would overlap, and the spans between figures would run
        // backwards (found by fuzzing).
        if figures
            .last()
            .is_some_and(|previous| number.start < previous.end)
        {
            continue;
        }
        if number.kind == NumberKind::Percent {
            if is_change_percent(sentence, number) {
                change_percents.push(number.clone());
                continue;
            }
            if let Some(figure) = share_figure(lexicon, sentence, number, number.value, 1.0) {
                figures.push(figure);
            } else if let Some(share) = share_restating_area(lexicon, sentence, &figures, number)
                .or_else(|| share_restated_by_area(lexicon, sentence, number, numbers))
            {
                figures.push(share);
            } else if let Some(previous) = figures.last().filter(|previous| {
                compares_share(sentence, previous, number, times)
                    || lists_shares(sentence, previous, number, times)
                    || raises_share(sentence, previous, number)
                    || holds_share_again(lexicon, sentence, previous, number)
            }) {
                // "81% of the Donetsk region, up from 78% in January": the
                // same share, at another time.
                figures.push(Figure {
                    number: number.clone(),
                    end: number.end,
                    value: number.value,
                    low: number.low,
                    high: number.high,
                    is_comparison: false,
                    ..previous.clone()
                });
            }
            continue;
        }
        if preceded_by_currency(sentence, number.start)
            || followed_by_money_word(sentence, number.end)
            || denominates_a_ratio(sentence, number.start)
        {
            continue;
        }
        let rest = &sentence[number.end..];
        if let Some(figure) = glued_million_count(lexicon, sentence, number) {
            figures.push(figure);
            continue;
        }
        if let Some(unit) = lexicon.match_unit(rest) {
            if unit.dimension == "area" {
                // "4,168 square kilometers (km²)": the abbreviation in brackets
                // belongs to the figure.
                let mut unit_end = number.end + unit.len;
                // "2,900 sq km." at the end of a sentence: the stop is not the
                // abbreviation's.
                if sentence[..unit_end].ends_with('.') && sentence[unit_end..].trim().is_empty() {
                    unit_end -= 1;
                }
                let after_unit = &sentence[unit_end..];
                let bracketed = after_unit
                    .trim_start()
                    .strip_prefix('(')
                    .and_then(|inside| {
                        let abbreviation = lexicon.match_unit(inside)?;
                        inside[abbreviation.len..]
                            .trim_start()
                            .starts_with(')')
                            .then(|| {
                                let skipped = after_unit.len() - after_unit.trim_start().len();
                                let close = inside[abbreviation.len..].find(')').unwrap_or(0);
                                skipped + 1 + abbreviation.len + close + 1
                            })
                    })
                    .unwrap_or(0);
                figures.push(Figure {
                    number: number.clone(),
                    end: unit_end + bracketed,
                    measure: Measure::Area,
                    value: number.value * unit.factor,
                    low: number.low.map(|v| v * unit.factor),
                    high: number.high.map(|v| v * unit.factor),
                    noun_class: None,
                    object: None,
                    is_comparison: false,
                    unit_factor: unit.factor,
                });
            }
            // Any other dimension (a distance) is never a fact.
            continue;
        }
        if number.value > 0.0 && number.value < 1.0 {
            // "a fifth of Ukraine": a fraction of territory is a share; any
            // other fraction ("two thirds were intercepted") is not a count.
            if let Some(figure) =
                share_figure(lexicon, sentence, number, number.value * 100.0, 100.0)
            {
                figures.push(figure);
            }
            continue;
        }
        if let Some((class, noun_end)) = noun_after(lexicon, sentence, number.end) {
            figures.push(count_figure(number, class, noun_end));
            continue;
        }
        if let Some((class, noun_end)) = targets_broken_down(lexicon, sentence, number, numbers) {
            figures.push(count_figure(number, class, noun_end));
            continue;
        }
        if let Some(class) = noun_after_partitive(lexicon, sentence, number.end)
            .or_else(|| {
                pronoun_partitive(
                    lexicon,
                    sentence,
                    number,
                    noun_hits,
                    &figures,
                    context_class,
                )
            })
            .or_else(|| further_count(lexicon, sentence, number, &figures, context_class))
        {
            figures.push(count_figure(number, class, number.end));
            continue;
        }
        let continues = figures
            .last()
            .is_some_and(|previous| continues_previous(lexicon, sentence, previous, number, times));
        if !continues {
            if let Some(class) = noun_named_before(lexicon, sentence, number, noun_hits)
                .filter(|_| !counted_something_between(sentence, numbers, noun_hits, number, times))
                .or_else(|| total_of_context(lexicon, sentence, number, noun_hits, context_class))
            {
                figures.push(count_figure(number, class, number.end));
                continue;
            }
        }
        if let Some(previous) = figures.last() {
            if continues {
                // ("500 square kilometres, roughly 190 square miles, down from
                // October, when it was 610": the unit written first.)
                let factor = match figures.len() {
                    n if n >= 2 && is_conversion(sentence, &figures[n - 2], previous) => {
                        figures[n - 2].unit_factor
                    }
                    _ => previous.unit_factor,
                };
                figures.push(Figure {
                    number: number.clone(),
                    end: number.end,
                    value: number.value * factor,
                    low: number.low.map(|v| v * factor),
                    high: number.high.map(|v| v * factor),
                    object: None,
                    is_comparison: false,
                    ..previous.clone()
                });
            }
        }
    }
    merge_converted_areas(sentence, &mut figures);
    for index in 0..figures.len() {
        let figure = &figures[index];
        let compared = is_comparison(sentence, figure.number.start, times)
            && !is_another_sources_estimate(sentence, figure.end);
        // "compared with 2,500 drones, 150 missiles and 1,100 glide bombs a
        // week earlier": every item of a list compared with is compared.
        let listed_after_a_compared = index.checked_sub(1).is_some_and(|before| {
            let previous = &figures[before];
            previous.is_comparison
                && previous.measure == figure.measure
                && joined_past_times(sentence, previous.end..figure.number.start, times)
        });
        figures[index].is_comparison = compared || listed_after_a_compared;
    }
    figures
}

/// "128 targets had been shot down or suppressed: 3 missiles and 125
/// drones": bare "targets" are aerial targets (the lexicon's class of that
/// phrase) when the counts after a colon or "including" add up to them, or
/// when they were intercepted; alone ("struck 40 targets") they may be
/// anything.
fn targets_broken_down(
    lexicon: &Lexicon,
    sentence: &str,
    number: &NumberMatch,
    numbers: &[NumberMatch],
) -> Option<(usize, usize)> {
    let rest = &sentence[number.end..];
    // ("112 of the targets, among them 48 missiles and 64 drones")
    let word = rest.trim_start();
    let word = word.strip_prefix("of the ").unwrap_or(word);
    if !word
        .get(..7)
        .is_some_and(|head| head.eq_ignore_ascii_case("targets"))
    {
        return None;
    }
    let noun_end = number.end + (rest.len() - word.len()) + 7;
    let class = lexicon.nouns.match_prefix("aerial targets")?.payload;
    // "Air defences intercepted 718 targets", "Intercepted: 718 targets",
    // "40 targets were shot down": only weapons in the air are intercepted.
    const INTERCEPTED: &[&str] = &[
        "intercepted",
        "shot down",
        "downed",
        "neutralised",
        "neutralized",
    ];
    let lead = sentence[..number.start].trim_end().trim_end_matches(':');
    let after = next_words(&sentence[noun_end..], 3);
    let after: Vec<&str> = after.iter().map(|word| word.as_ref()).collect();
    let intercepted = ends_with_any_word(lead, INTERCEPTED)
        || matches!(
            after.as_slice(),
            [
                "were" | "was",
                "intercepted" | "downed" | "neutralised" | "neutralized",
                ..
            ] | ["were" | "was", "shot", "down"]
        );
    if intercepted {
        return Some((class, noun_end));
    }
    // ("Air defences destroyed 112 targets, including 48 missiles and 64
    // drones": the parts may follow "including" too.)
    let rest = &sentence[noun_end..];
    let colon = noun_end
        + [
            rest.find(':'),
            rest.find("including"),
            rest.find("among them"),
        ]
        .into_iter()
        .flatten()
        .min()
        .filter(|&at| at <= 60)?;
    let parts: Vec<f64> = numbers
        .iter()
        .filter(|n| n.start > colon && n.start <= colon + 80)
        .map(|n| n.value)
        .collect();
    let adds_up = parts.len() >= 2 && (parts.iter().sum::<f64>() - number.value).abs() < 0.5;
    adds_up.then_some((class, noun_end))
}

/// Whether the text after a share names a region by "the region" or "the
/// oblast" ("70% of the region", "of the oblast's territory").
pub fn is_share_of_the_region(after: &str) -> bool {
    ["of the region", "of the oblast"].iter().any(|words| {
        after
            .trim_start()
            .get(..words.len())
            .is_some_and(|lead| lead.eq_ignore_ascii_case(words))
    })
}

/// "99% of the Luhansk region is under Russian control": a share of a region,
/// right after the figure, in a sentence that says who holds or took it.
fn is_share_of_region_held(lexicon: &Lexicon, sentence: &str, after: &str) -> bool {
    // ("The Moscow-installed head of the Luhansk region said Russian forces
    // had captured 100% of the region"; "… Zaporizhzhia region: … 70% of the
    // oblast's territory remains under occupation", which the extractor
    // drops when no region was named before.)
    if is_share_of_the_region(after) {
        return names_holding_or_gain(lexicon, sentence);
    }
    let Some(region) = lexicon.region_names.find_all(after).into_iter().next() else {
        return false;
    };
    let gap = after[..region.start].trim().to_ascii_lowercase();
    // ("75% of the Kherson region's territory has been liberated": the
    // region's own territory.)
    let possessive = after[region.end..].starts_with(['\'', '’'])
        && !crate::text::next_words(&after[region.end..], 2)
            .iter()
            .any(|word| word == "territory");
    let held = names_holding_or_gain(lexicon, sentence);
    matches!(
        gap.as_str(),
        "of" | "of the"
            // ("75% of both Zaporizhzhia and Kherson regions")
            | "of both"
            | "of both the"
            | "of the territory of"
            | "of the territory of the"
            | "of the so-called"
            | "of the territory of the so-called"
            | "of neighbouring"
            | "of neighboring"
            | "of the neighbouring"
            | "of the neighboring"
            // ("about 70% of Ukraine's Donetsk region")
            | "of ukraine's"
            | "of ukraine’s"
            | "of the ukrainian"
            | "of russia's"
            | "of russia’s"
            | "of the russian"
            | "of eastern"
            | "of southern"
            | "of ukraine's eastern"
            | "of ukraine’s eastern"
            | "of ukraine's southern"
            | "of ukraine’s southern"
    ) && !possessive
        && held
}

/// "116,500 sq km (19.3%)", "116,600 km² / 19.3%": a share with no object
/// right after an area restates it, as a share of the country.
fn share_restating_area(
    lexicon: &Lexicon,
    sentence: &str,
    figures: &[Figure],
    number: &NumberMatch,
) -> Option<Figure> {
    let area = figures
        .last()
        .filter(|f| f.measure == Measure::Area && !f.is_comparison)?;
    let share = share_of(number, number.value, 1.0, territory_object(lexicon), None);
    // ("or 86% of the territory captured by Ukraine": a share of something else.)
    let restates = restates_previous_area(sentence, &[area.clone(), share.clone()], 1)
        && !is_change_percent(sentence, number)
        && !is_share_of_something(sentence, number);
    restates.then_some(share)
}

/// A share that names no whole, restated by an area right after it ("By
/// February 19 it held 19.5 percent, or about 117,600 square kilometers"):
/// a share of the country.
fn share_restated_by_area(
    lexicon: &Lexicon,
    sentence: &str,
    number: &NumberMatch,
    numbers: &[NumberMatch],
) -> Option<Figure> {
    let area = numbers.iter().find(|n| n.start >= number.end)?;
    let gap = sentence[number.end..area.start].trim();
    let unit = lexicon.match_unit(&sentence[area.end..])?;
    let restated = matches!(gap, ", or" | ",") && unit.dimension == "area";
    (restated && !is_change_percent(sentence, number) && !is_share_of_something(sentence, number))
        .then(|| share_of(number, number.value, 1.0, territory_object(lexicon), None))
}

/// Whether the share `number` names what it is of ("70% of the
/// population", "86% of the territory captured by Ukraine"): an object the
/// lexicon did not take is some other whole.
fn is_share_of_something(sentence: &str, number: &NumberMatch) -> bool {
    let words = next_words(&sentence[number.end..], 3);
    // ("In Zaporizhzhia and Kherson regions, it controls roughly 75% of
    // each": of the places named.)
    let of_each = |at: usize| {
        words
            .get(at + 1)
            .is_some_and(|next| matches!(next.as_ref(), "each" | "both"))
    };
    words
        .iter()
        .take(2)
        .enumerate()
        .any(|(at, word)| word == "of" && !of_each(at))
}

/// Whether `sentence` has a cue of holding or gaining ground.
fn names_holding_or_gain(lexicon: &Lexicon, sentence: &str) -> bool {
    ["hold", "gain"].iter().any(|name| {
        lexicon
            .action(name)
            .is_some_and(|action| action.cues.is_match(sentence))
    })
}

/// "In the Donetsk region, Moscow holds roughly 70 percent": a share with no
/// object of its own, in a sentence a region leads, is of that region.
fn is_share_of_leading_region(lexicon: &Lexicon, sentence: &str, number: &NumberMatch) -> bool {
    let before = &sentence[..number.start];
    let Some(region) = lexicon.region_names.find_all(before).into_iter().next() else {
        return false;
    };
    let lead = before[..region.start].trim().to_ascii_lowercase();
    // (After a speaker's label: "OFFICIAL: In the Luhansk region, …")
    let lead = lead.rsplit(": ").next().unwrap_or_default();
    let lead = ["neighbouring", "neighboring"]
        .iter()
        .find_map(|adjective| lead.strip_suffix(adjective))
        .map_or(lead, str::trim_end);
    let leads = matches!(lead, "" | "the" | "in" | "in the");
    let set_off = before[region.end..].contains(',');
    // ("In Zaporizhzhia and Kherson regions, the figure is about 74% each",
    // "In the neighbouring Luhansk region the figure stands at 99.7%": the
    // share of the sentence before, for the regions named.)
    let names_the_figure = names_the_figure_before(sentence, number.start);
    leads
        && (set_off || names_the_figure)
        && !is_share_of_something(sentence, number)
        && (names_holding_or_gain(lexicon, sentence) || names_the_figure)
}

/// "Luhansk Oblast is now 99.8% occupied", "The Zaporizhzhia region is about
/// 75% liberated" (in Moscow's words): the share of the region that leads
/// the sentence, held.
fn is_share_of_subject_region(lexicon: &Lexicon, sentence: &str, number: &NumberMatch) -> bool {
    let held_after = next_words(&sentence[number.end..], 1)
        .first()
        .is_some_and(|word| {
            matches!(
                &**word,
                "occupied" | "controlled" | "held" | "under" | "liberated"
            )
        });
    // ("Luhansk region is almost entirely occupied, at 99.8%": held before.)
    let held_before = ends_with_any_word(&sentence[..number.start], &["at"]);
    (held_after || held_before)
        && lexicon
            .region_names
            .find_all(&sentence[..number.start])
            .last()
            .is_some_and(|region| super::attach::is_subject_of_a_share(&sentence[region.end..]))
}

/// "they occupy almost all of the Luhansk region, about 99 percent, and …":
/// a share set off by a comma or a dash right after a region, in a sentence of
/// holding or gaining, is that region's.
fn is_share_in_apposition_to_a_region(
    lexicon: &Lexicon,
    sentence: &str,
    number: &NumberMatch,
) -> bool {
    // ("nearly all of Luhansk region — about 99% — and …": or a dash.)
    let lead = sentence[..number.start].trim_end();
    let Some(before_comma) = lead
        .strip_suffix(',')
        .or_else(|| lead.strip_suffix(['—', '–']))
    else {
        return false;
    };
    let before_comma = before_comma.trim_end();
    lexicon
        .region_names
        .find_all(before_comma)
        .last()
        .is_some_and(|region| {
            let rest = before_comma[region.end..].trim();
            (rest.is_empty()
                || rest.eq_ignore_ascii_case("region")
                || rest.eq_ignore_ascii_case("oblast"))
                && !is_share_of_something(sentence, number)
                && names_holding_or_gain(lexicon, sentence)
        })
}

/// "Share of the Kharkiv region under Russian control on 1 September: 3.1%":
/// a share labelled as of a region held is that region's.
fn is_labelled_share_of_a_region(lexicon: &Lexicon, sentence: &str, number: &NumberMatch) -> bool {
    let label = sentence[..number.start].trim_end();
    let Some(label) = label.strip_suffix(':') else {
        return false;
    };
    !label.contains(['.', ';'])
        && lexicon
            .region_names
            .find_all(label)
            .first()
            .is_some_and(|region| ends_with_any_word(&label[..region.start], &["of", "of the"]))
        && names_holding_or_gain(lexicon, sentence)
        && !is_share_of_something(sentence, number)
}

/// "At the end of 2023, Russia held 17.5% of Ukraine. … the figure has now
/// risen to 18.4%": the level a share named before moved to. Only with no
/// side or region before it in the sentence, which would be read as the
/// share's ("after Ukraine's counteroffensives in Kharkiv and Kherson, the
/// share had fallen to about 18%" is left out).
fn is_level_of_the_share(lexicon: &Lexicon, sentence: &str, number: &NumberMatch) -> bool {
    let lead = &sentence[..number.start];
    if lexicon.actor_names.is_match(lead) || lexicon.region_names.is_match(lead) {
        return false;
    }
    let clause = clause_around(sentence, number.start);
    let before = sentence[clause.start.min(number.start)..number.start].to_ascii_lowercase();
    let names_the_share = [
        "the share",
        "that share",
        "this share",
        "the figure",
        "the proportion",
    ]
    .iter()
    .any(|subject| {
        before
            .match_indices(subject)
            .any(|(at, _)| !before[at + subject.len()..].trim_start().starts_with("of "))
    });
    // ("the figure was closer to 27 per cent": the subject right before its verb)
    let is_the_share = ends_with_any_word(
        &before,
        &[
            "the share was",
            "the share is",
            "the figure was",
            "the figure is",
            "the proportion was",
            "the proportion is",
        ],
    );
    (names_the_share && ends_with_any_word(&before, &["to"]) || is_the_share)
        && !is_share_of_something(sentence, number)
}

/// The object of the share of territory held (`territory` in the default
/// lexicon), which a regional share is a part of.
fn territory_object(lexicon: &Lexicon) -> Option<usize> {
    let spec = lexicon
        .metrics
        .iter()
        .map(|m| &m.spec)
        .find(|m| m.measure == Measure::Percent && m.action == "hold")?;
    let object = spec.object.as_deref()?;
    lexicon.object_names.iter().position(|name| name == object)
}

/// Removes counts that break down a figure already given by type: in "13
/// missiles, including seven Kh-101 cruise missiles", the seven are among the
/// 13, and so are the items listed with them ("including 36 Kh-101 cruise
/// missiles and 15 Iskander-M ballistic missiles") or in brackets ("13
/// missiles (7 Kh-101 and 6 Kinzhal)"). A bare number keeps its place: "118
/// drones, including 40 over the Moscow region" is that region's figure.
pub fn drop_breakdowns(sentence: &str, figures: &mut Vec<Figure>) {
    let mut index = 0;
    // The figure before, when it was an item of a breakdown (dropped or not).
    let mut last_item: Option<Figure> = None;
    while index < figures.len() {
        let figure = &figures[index];
        let bare = figure.end == figure.number.end;
        let before = &sentence[..figure.number.start];
        // (Brackets are looked for in the figure's stretch of the sentence.)
        let near = &before[crate::text::ceil_boundary(before, before.len().saturating_sub(120))..];
        let introduced = ends_with_any_word(before, PART_INTRODUCERS)
            || near
                .rfind('(')
                .is_some_and(|open| !near[open..].contains(')'))
            || last_item
                .as_ref()
                .is_some_and(|item| is_next_item(sentence, item, figure));
        let counted_before = figure.measure == Measure::Count
            && figures[..index]
                .iter()
                .any(|earlier| earlier.noun_class == figure.noun_class && !earlier.is_comparison);
        last_item = introduced.then(|| figure.clone());
        if introduced && counted_before && !bare {
            figures.remove(index);
        } else {
            index += 1;
        }
    }
}

/// "63 aerial targets at Odesa region, …: 32 Shahed drones and 31 missiles":
/// the index of the total that the list of counts `index` is an item of
/// breaks down, after a colon, a dash or a bracket; the items add up to it.
pub fn breakdown_total(sentence: &str, figures: &[Figure], index: usize) -> Option<usize> {
    let joined = |a: &Figure, b: &Figure| {
        let gap = sentence.get(a.end..b.number.start).map_or("", str::trim);
        matches!(gap, "," | "and" | ", and" | ";")
    };
    let is_count = |figure: &Figure| figure.measure == Measure::Count && figure.low.is_none();
    let mut first = index;
    while first > 0 && is_count(&figures[first - 1]) && joined(&figures[first - 1], &figures[first])
    {
        first -= 1;
    }
    let mut last = index;
    while last + 1 < figures.len()
        && is_count(&figures[last + 1])
        && joined(&figures[last], &figures[last + 1])
    {
        last += 1;
    }
    let total = first.checked_sub(1)?;
    let gap = sentence.get(figures[total].end..figures[first].number.start)?;
    let sum: f64 = figures[first..=last].iter().map(|item| item.value).sum();
    (last > first
        && is_count(&figures[total])
        && gap.contains([':', '—', '–', '('])
        && (sum - figures[total].value).abs() < 0.5)
        .then_some(total)
}

/// "2 Kh-47M2 Kinzhal aeroballistic missiles, 11 Kalibr cruise missiles and
/// 97 attack UAVs": weapons of one class listed type by type, each item
/// naming its type (a capitalised word after the number), are one count of
/// that class, 13 missiles. The first item takes the sum and stretches to
/// the end of the last; a range or a comparison is no item.
pub fn sum_typed_items(lexicon: &Lexicon, sentence: &str, figures: &mut Vec<Figure>) {
    let is_typed_item = |figure: &Figure| {
        figure.measure == Measure::Count
            && figure.noun_class.is_some()
            && !figure.is_comparison
            && figure.low.is_none()
            && figure.end > figure.number.end
            && sentence[figure.number.end..]
                .trim_start()
                .starts_with(|c: char| c.is_ascii_uppercase())
    };
    let mut index = 1;
    while index < figures.len() {
        let (previous, figure) = (&figures[index - 1], &figures[index]);
        let same_list = is_typed_item(previous)
            && is_typed_item(figure)
            && previous.noun_class == figure.noun_class
            && (is_next_item(sentence, previous, figure)
                || ends_its_noun_before_next_item(lexicon, sentence, previous, figure));
        if !same_list {
            index += 1;
            continue;
        }
        let item = figures.remove(index);
        let sum = &mut figures[index - 1];
        sum.value += item.value;
        sum.number.value += item.number.value;
        sum.end = item.end;
        if sum.number.qualifier != item.number.qualifier {
            sum.number.qualifier = Qualifier::Approx;
        }
    }
}

/// Whether only the rest of `previous`'s noun phrase and a list's joint come
/// before `figure`: "2 Kinzhal aeroballistic missiles, 11 Kalibr …", where
/// the figure ended at its type.
fn ends_its_noun_before_next_item(
    lexicon: &Lexicon,
    sentence: &str,
    previous: &Figure,
    figure: &Figure,
) -> bool {
    let gap = sentence[previous.end..figure.number.start].trim_end();
    let rest_of_noun = match gap.strip_suffix(" and") {
        Some(before_and) => before_and.strip_suffix(',').unwrap_or(before_and),
        None => match gap.strip_suffix([',', '·']) {
            Some(before_mark) => before_mark.trim_end(),
            None => return false,
        },
    };
    // ("32 Iskander-M/KN-23 · 2 Kalibr": the type's other name.)
    let other_name = rest_of_noun.starts_with('/') && !rest_of_noun.contains(' ');
    other_name
        || rest_of_noun.split_whitespace().count() <= 3
            && rest_of_noun
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || matches!(b, b' ' | b'-' | b'/'))
            && lexicon
                .nouns
                .find_all(rest_of_noun)
                .last()
                .is_some_and(|noun| {
                    noun.end == rest_of_noun.len() && Some(noun.payload) == previous.noun_class
                })
}

/// "Russia launched 595 drones and 48 missiles. Air defence shot down 568
/// and 43 of them respectively": bare counts listed with "respectively" take
/// the weapons of the sentence before, one each, in order. `counted_before`
/// gives those weapons' classes, looked up only for such a list.
pub fn assign_respective_nouns(
    sentence: &str,
    figures: &mut [Figure],
    counted_before: &mut dyn FnMut() -> Vec<usize>,
) {
    let Some(at) = super::attach::respectively_at(sentence) else {
        return;
    };
    let bare: Vec<usize> = (0..figures.len())
        .filter(|&i| {
            let figure = &figures[i];
            figure.measure == Measure::Count && figure.end == figure.number.end && figure.end <= at
        })
        .collect();
    let listed = bare.len() >= 2
        && bare.windows(2).all(|pair| {
            pair[1] == pair[0] + 1 && is_next_item(sentence, &figures[pair[0]], &figures[pair[1]])
        });
    let last_end = bare.last().map_or(0, |&i| figures[i].end);
    let closes_list = matches!(
        sentence[last_end..at].trim().to_ascii_lowercase().as_str(),
        "" | "of them" | "of these" | "of those"
    );
    if !(listed && closes_list) {
        return;
    }
    let classes = counted_before();
    if classes.len() == bare.len() {
        for (&i, class) in bare.iter().zip(classes) {
            figures[i].noun_class = Some(class);
        }
    }
}

/// Words that introduce a part of the figure before: "13 missiles,
/// including seven Kh-101".
const PART_INTRODUCERS: &[&str] = &["including", "among them", "among which", "incl."];

/// Whether `figure` is a bare number introduced as a part of the one
/// before: "…, including 4 flying towards Moscow".
pub fn is_bare_part(sentence: &str, figure: &Figure) -> bool {
    figure.end == figure.number.end
        && ends_with_any_word(&sentence[..figure.number.start], PART_INTRODUCERS)
}

/// Whether `text` opens with "of which", "of them" or "of these": what
/// follows is said of a part of the figure before it.
pub fn starts_with_part_pronoun(text: &str) -> bool {
    let Some(lead) = text.trim_start().get(..3) else {
        return false;
    };
    lead.eq_ignore_ascii_case("of ")
        && matches!(
            next_words(text, 2).get(1).map(|word| word.as_ref()),
            Some("which" | "them" | "these")
        )
}

/// Whether figure `index` is the part in "N of M": the next figure follows
/// right after "of" ("67 of 83 drones", "five out of seven missiles").
pub fn is_partitive_head(sentence: &str, figures: &[Figure], index: usize) -> bool {
    let (Some(figure), Some(next)) = (figures.get(index), figures.get(index + 1)) else {
        return false;
    };
    sentence
        .get(figure.end..next.number.start)
        .is_some_and(is_partitive_gap)
}

/// Whether the words between a part and its whole are those of a partitive:
/// "67 of 83", "67 of the 83", "five out of seven".
fn is_partitive_gap(gap: &str) -> bool {
    let is_partitive = |text: &str| {
        matches!(
            text.trim().to_ascii_lowercase().as_str(),
            "of" | "of the" | "out of" | "out of the"
        )
    };
    // "14 missiles were intercepted, out of 20 launched": the part's verb
    // may come first.
    let after_verb = gap
        .rsplit_once(',')
        .filter(|(verb, _)| verb.split_whitespace().count() <= 3 && !verb.contains(';'))
        .is_some_and(|(_, whole)| whole.trim().to_ascii_lowercase().starts_with("out of"));
    is_partitive(gap)
        || (after_verb
            && gap
                .rsplit_once(',')
                .is_some_and(|(_, whole)| is_partitive(whole)))
}

/// "1.1m drones": British newsrooms glue an "m" for million to the number;
/// before a weapon noun it cannot be metres.
fn glued_million_count(lexicon: &Lexicon, sentence: &str, number: &NumberMatch) -> Option<Figure> {
    let after_m = sentence[number.end..].strip_prefix('m')?;
    if !after_m.starts_with(' ') || number.kind != NumberKind::Cardinal {
        return None;
    }
    let (class, noun_end) = noun_after(lexicon, sentence, number.end + 1)?;
    let millions = |value: f64| value * 1e6;
    let scaled = NumberMatch {
        end: number.end + 1,
        value: millions(number.value),
        low: number.low.map(millions),
        high: number.high.map(millions),
        ..number.clone()
    };
    Some(count_figure(&scaled, class, noun_end))
}

fn count_figure(number: &NumberMatch, class: usize, end: usize) -> Figure {
    Figure {
        number: number.clone(),
        end,
        measure: Measure::Count,
        value: number.value,
        low: number.low,
        high: number.high,
        noun_class: Some(class),
        object: None,
        is_comparison: false,
        unit_factor: 1.0,
    }
}

/// Whether `figure` is the next item of a list after `previous`: only a
/// comma or a word for "and" between them.
pub(super) fn is_next_item(sentence: &str, previous: &Figure, figure: &Figure) -> bool {
    let gap = sentence[previous.end..figure.number.start].trim();
    matches!(gap, "," | "·") || crate::text::joins_as_and(gap)
}

/// Whether a share with no object of its own is what the share before it
/// is compared with: "81% of the Donetsk region, up from 78% in January".
fn compares_share(
    sentence: &str,
    previous: &Figure,
    number: &NumberMatch,
    times: &[Range<usize>],
) -> bool {
    previous.measure == Measure::Percent
        && previous.object.is_some()
        && is_comparison(sentence, number.start, times)
        && within_reach_of_comparison(sentence, previous, number, times)
}

/// Whether a share with no object of its own goes on with a list of the
/// share before it, each at its time: "around 18% of Ukraine in early 2024
/// and around 19.3% by late 2025".
fn lists_shares(
    sentence: &str,
    previous: &Figure,
    number: &NumberMatch,
    times: &[Range<usize>],
) -> bool {
    if previous.measure != Measure::Percent || previous.object.is_none() {
        return false;
    }
    joined_past_times(sentence, previous.end..number.start, times)
        && time_right_after(sentence, times, number.end, 3)
}

/// Whether `gap` joins two items of a list once its times are left out:
/// "around 18% of Ukraine in early 2024 and around 19.3% by late 2025",
/// "down from 593 sq km in December and 725 sq km in November".
fn joined_past_times(sentence: &str, gap: Range<usize>, times: &[Range<usize>]) -> bool {
    let joiner = without_times(sentence, gap, times);
    // The prepositions of the times ("in early 2024 and") say nothing.
    let joiner = joiner.replace(',', " , ");
    let joiner: Vec<&str> = joiner
        .split_whitespace()
        .filter(|word| !matches!(*word, "in" | "on" | "by" | "at" | "during" | "the"))
        .collect();
    matches!(
        joiner.as_slice(),
        ["and"] | [",", "and"] | [","] | ["and", "then"]
    )
}

/// Whether a number compared with the figure before it is near enough to
/// it, in the same part of the sentence, to be that figure's comparison.
/// Times and a source between them do not count ("3,900 km² this year,
/// according to DeepState, compared with 3,600 in 2024").
fn within_reach_of_comparison(
    sentence: &str,
    previous: &Figure,
    number: &NumberMatch,
    times: &[Range<usize>],
) -> bool {
    let gap = previous.end..number.start;
    let text = &sentence[gap.clone()];
    if text.contains(';') {
        return false;
    }
    let times_length: usize = times
        .iter()
        .filter(|time| gap.contains(&time.start) && time.end <= gap.end)
        .map(|time| time.len())
        .sum();
    // "according to DeepState, down from", ", per analysts at the ISW, down
    // from": an aside naming the source, to its closing comma; and ",
    // DeepState said, compared with": a reporting clause between commas.
    let lower = text.to_ascii_lowercase();
    let source_length = ["according to ", ", per ", ", citing ", ", based on "]
        .iter()
        .filter_map(|marker| lower.find(marker))
        .min()
        .and_then(|at| Some(text[at + 1..].find(',')? + 1))
        .or_else(|| reporting_clause(text))
        .or_else(|| counted_by_aside(&lower))
        .unwrap_or(0);
    let length = text.len().saturating_sub(times_length + source_length);
    // "5,445 drones and decoys at Ukraine in November, slightly more than the
    // 5,298": one clause, then the comparison.
    let clause_marks = text.matches(',').count() - usize::from(source_length > 0);
    // "810 drones on Sept. 7, the most in a single night, beating the
    // previous record of 728": a record is only ever the same quantity's.
    let record = ends_with_any_word(text, &["record of"]);
    length < 48 || (length < 96 && clause_marks <= 1) || (record && length < 128)
}

/// The length of an aside naming whose count a figure is (", by
/// DeepState's count,", ", by our estimate,") in `lower`, a lowercased gap,
/// with its closing comma.
fn counted_by_aside(lower: &str) -> Option<usize> {
    let at = lower.find(", by ")?;
    let aside = &lower[at + 1..];
    let close = aside.find(',')?;
    ["count", "estimate", "tally", "reckoning", "calculation"]
        .iter()
        .any(|noun| aside[..close].ends_with(noun))
        .then_some(close + 1)
}

/// The length of a reporting clause between two commas of `gap` (",
/// Ukrainian analytical project DeepState said,"), with its closing comma.
fn reporting_clause(gap: &str) -> Option<usize> {
    let mut commas = gap.match_indices(',').map(|(at, _)| at);
    let mut open = commas.next()?;
    for close in commas {
        let clause = &gap[open + 1..close];
        let said = ends_with_any_word(clause, REPORTING_VERBS);
        if said && clause.len() <= 80 {
            return Some(close - open);
        }
        open = close;
    }
    None
}

/// Verbs that close a reporting clause: "DeepState said".
pub(super) const REPORTING_VERBS: &[&str] = &[
    "said",
    "says",
    "reported",
    "reports",
    "estimated",
    "estimates",
    "wrote",
    "writes",
    "noted",
    "stated",
    "added",
    "claimed",
    "claims",
    "calculated",
    "found",
];

/// A bare number that repeats the previous figure's unit: "427 km² in
/// January, 354 in February and 203 in March", "5,638, up from 4,132 the
/// previous month", "4,500 drones out of 5,200".
fn continues_previous(
    lexicon: &Lexicon,
    sentence: &str,
    previous: &Figure,
    number: &NumberMatch,
    times: &[Range<usize>],
) -> bool {
    if previous.measure == Measure::Percent
        || number.kind != NumberKind::Cardinal
        || number.value < 1.0
        || number.start.saturating_sub(previous.end) > 200
    {
        return false;
    }
    // "about 1,300 km² in the Kursk region and one hundred settlements": a
    // number with a plural noun of its own counts something else.
    let own_plural_noun = sentence[number.end..]
        .trim_start()
        .split(|c: char| !c.is_ascii_alphabetic())
        .next()
        .is_some_and(|word| {
            // (Irregular plurals: "and at least nine people were wounded".)
            matches!(word, "people" | "children" | "men" | "women" | "personnel")
                || word.len() > 3
                    && word.starts_with(|c: char| c.is_ascii_lowercase())
                    && word.ends_with('s')
                    && !AFTER_BARE_FIGURE.contains(&word)
                    && word != "others"
        });
    if own_plural_noun {
        return false;
    }
    if is_comparison(sentence, number.start, times) {
        // ("up from 5,298 drones but fewer missiles than the 270": the
        // figure compared with counts the noun named between.)
        let names_another_noun = previous.noun_class.is_some()
            && lexicon
                .nouns
                .find_all(&sentence[previous.end..number.start])
                .iter()
                .any(|noun| Some(noun.payload) != previous.noun_class);
        return !names_another_noun
            && within_reach_of_comparison(sentence, previous, number, times);
    }
    // "shot down 4,500 drones out of 5,200 launched": the whole the part
    // was counted in.
    if previous.measure == Measure::Count && is_partitive_gap(&sentence[previous.end..number.start])
    {
        return true;
    }
    // "505 km² since the start of the year, more than 300 of them last
    // month": a part of the area, with a time or a place of its own.
    if previous.measure == Measure::Area {
        let after = sentence[number.end..].trim_start();
        if let Some(rest) = ["of them ", "of which "]
            .iter()
            .find_map(|of_them| after.strip_prefix(of_them))
        {
            let rest_at = sentence.len() - rest.len();
            let place_follows = ["in the ", "in "].iter().any(|lead| {
                rest.strip_prefix(lead)
                    .is_some_and(|place| place.starts_with(char::is_uppercase))
            });
            return place_follows || time_right_after(sentence, times, rest_at, 0);
        }
    }
    // "took 556 sq km, but later raised the figure to 588": the revision.
    if super::attach::revises(&sentence[previous.end..number.start])
        && has_no_noun_of_its_own(sentence, number)
    {
        return true;
    }
    // "… while the slowest month was February, at 240": a time, then "at" and
    // the figure of that time.
    // ("…, down from October, when it was 610": a clause giving its value.)
    let valued_time = times.iter().any(|t| {
        t.start >= previous.end
            && t.end <= number.start
            && (matches!(
                sentence[t.end..number.start]
                    .trim()
                    .to_ascii_lowercase()
                    .as_str(),
                "at" | ", at"
            ) || before_time_value(&sentence[..number.start]).is_some_and(|lead| {
                lead.trim_end().trim_end_matches(',').trim_end().len() == t.end
            }))
    });
    // "320 km² in November, nearly double October's 170", "the 2024 total
    // of roughly 19,800": a time's own figure.
    let time_possessive = times.iter().any(|t| {
        t.start >= previous.end
            && t.end <= number.start
            && names_the_figure_of_a_time(&sentence[t.end..number.start])
    });
    if (valued_time || time_possessive) && has_no_noun_of_its_own(sentence, number) {
        return true;
    }
    // ("500 km² or so in 2023, roughly 4,000 in 2024": the hedge of the
    // figure before is no word between the items.)
    let gap_start = number.start
        - after_or_so(&sentence[previous.end..number.start])
            .map_or(number.start - previous.end, str::len);
    // ("18 of the drones were brought down over Belgorod region, 11 over
    // Kursk region": the partitive of the figure before is its noun.)
    let gap_start = gap_start + past_partitive_noun(lexicon, &sentence[gap_start..number.start]);
    let mut gap = without_times(sentence, gap_start..number.start, times);
    // What follows or precedes the number says where or when it is: "... and
    // 160 in Zaporizhzhia", "..., and in Dnipropetrovsk 95". Without it, no
    // list goes on (and the gap need not be read).
    let time_follows = time_right_after(sentence, times, number.end, 6);
    // ("17 – over the territory of the Bryansk region, 9 – over …", "of
    // which 230 were in Donetsk Oblast")
    let after = sentence[number.end..].trim_start_matches([' ', '–', '—', '-', ':']);
    let after = ["were ", "was "]
        .iter()
        .find_map(|verb| after.strip_prefix(verb))
        .unwrap_or(after);
    let place_follows = ["in ", "over ", "in the ", "over the "].iter().any(|lead| {
        after.starts_with(lead) && {
            let place = after[lead.len()..].trim_start();
            let place = ["territory of the ", "territory of ", "waters of the "]
                .iter()
                .find_map(|of| place.strip_prefix(of))
                .unwrap_or(place);
            place.starts_with(|c: char| c.is_uppercase())
        }
    });
    // ("…, while in the Kharkiv region they took 45": "the" may come between.)
    let gap_words: Vec<&str> = gap.split_whitespace().collect();
    let place_precedes = gap_words.iter().enumerate().any(|(at, word)| {
        let place = match gap_words.get(at + 1) {
            Some(next) if next.eq_ignore_ascii_case("the") => gap_words.get(at + 2),
            next => next,
        };
        matches!(word.to_ascii_lowercase().as_str(), "in" | "over")
            && place.is_some_and(|place| place.starts_with(|c: char| c.is_uppercase()))
    });
    // "…; the month before, 5,298": the item's time right before it, after
    // the mark that ends the item before ("3,300 bombs in March, three
    // times as many" is no item: March is the 3,300's).
    let time_precedes = times.iter().any(|t| {
        t.start >= previous.end
            && t.end <= number.start
            && sentence[previous.end..t.start].contains([';', ','])
            && sentence[t.end..number.start]
                .trim_matches([' ', ',', ':'])
                .is_empty()
    });
    // "Russian forces gained 471 km², while Ukrainian counterattacks
    // recaptured about 60": a contrast clause whose own verb of ground takes
    // the bare number.
    if previous.measure == Measure::Area
        && contrasts_with_own_verb(lexicon, sentence, previous, number)
    {
        return true;
    }
    // "over the Bryansk (21), Kursk (12) and Oryol (3) regions": the place
    // labels the number in brackets after it.
    // ("over the territories of the Bryansk region (24), the Kursk region
    // (15)": the place may end with the word for region; a place the
    // lexicon does not know, "the Penza region (2)", makes the number no
    // part of the national figure.)
    let place_labels = sentence[..number.start].ends_with('(')
        && sentence[number.end..].starts_with(')')
        && region_ends_at(lexicon, sentence, number.start - 1);
    if !(time_follows || time_precedes || place_follows || place_precedes || place_labels) {
        return false;
    }
    // The previous figure's action does not break the list: "45 drones were
    // downed over the Bryansk region, 21 over the Kursk region".
    let cues: Vec<PhraseHit> = lexicon
        .actions
        .iter()
        .flat_map(|action| action.cues.find_all(&gap))
        .collect();
    for cue in cues {
        gap.replace_range(cue.start..cue.end, &" ".repeat(cue.end - cue.start));
    }
    // Nor do places and filler words between the figures: "410 km² were in
    // the Donetsk region and 160 in Zaporizhzhia".
    let mut gap = gap.replace(',', " , ");
    if place_labels {
        gap = gap.replace(['(', ')'], " ");
    }
    let kept: Vec<String> = gap
        .split_whitespace()
        .filter(|w| !w.starts_with(|c: char| c.is_uppercase()))
        .map(str::to_lowercase)
        // (Shorthand: "— incl. 105 over Moscow Oblast, 87 over Bryansk & 53
        // over Kursk obl.")
        .map(|w| match w.as_str() {
            "incl." | "incl" => "including".to_string(),
            "&" => "and".to_string(),
            "obl." | "obl" => "oblast".to_string(),
            _ => w,
        })
        .filter(|w| {
            !matches!(
                w.as_str(),
                "in" | "on"
                    | "over"
                    | "during"
                    | "for"
                    | "then"
                    | "were"
                    | "was"
                    | "the"
                    | "region"
                    | "oblast"
                    | "they"
                    | "it"
                    // "over the territory of the Bryansk region", "over the
                    // waters of the Black Sea", "over the Republic of Crimea"
                    | "of"
                    | "territory"
                    | "territories"
                    | "waters"
                    // "nine in the skies over Belgorod region, four over …"
                    | "skies"
                    | "sky"
                    | "airspace"
                    | "–"
                    | "—"
                    | "-"
                    // "95 drones during the night and another 57 on Sunday",
                    // "and a further 12 over the Black Sea"
                    | "another"
                    | "a"
                    | "further"
                    // "91 of them over the Moscow region and 126 over …"
                    | "them"
                    | "these"
                    | "which"
                    // "95 drones had been destroyed over Russian regions …,
                    // including 23 over the Bryansk region"
                    | "had"
                    | "has"
                    | "have"
                    | "been"
                    | "regions"
                    // "over the Crimean peninsula and nine over the Black Sea"
                    | "peninsula"
                    | "republic"
                    | "province"
                    | "oblasts"
                    | "district"
                    | "districts"
            )
        })
        .collect();
    let kept: Vec<&str> = kept.iter().map(String::as_str).collect();
    (place_labels && kept.is_empty())
        || matches!(
            kept.as_slice(),
            [","]
                | ["and"]
                | [",", "and"]
                | [";"]
                | [";", ","]
                | [";", "and"]
                | ["while"]
                | [",", "while"]
                | ["including"]
                | [",", "including"]
                | [":"]
        )
        || names_a_part_after_modifiers(&kept)
}

/// Whether a region the lexicon knows ends right before `at` ("the Bryansk
/// region", "Kursk").
fn region_ends_at(lexicon: &Lexicon, sentence: &str, at: usize) -> bool {
    let before = sentence[..at].trim_end();
    let tail = &before[floor_boundary(before, before.len().saturating_sub(48))..];
    lexicon.region_names.find_all(tail).iter().any(|hit| {
        let rest = tail[hit.end..].trim();
        rest.is_empty() || matches!(rest, "region" | "oblast" | "province" | "regions")
    })
}

/// Whether a bare number opens no noun of its own right after a verb of
/// taking or losing ground that a contrast clause after `previous` opens
/// ("…, while Ukrainian counterattacks recaptured about 60"; "…, while
/// losing 300 elsewhere").
fn contrasts_with_own_verb(
    lexicon: &Lexicon,
    sentence: &str,
    previous: &Figure,
    number: &NumberMatch,
) -> bool {
    let gap = &sentence[previous.end..number.start];
    let lower = gap.to_ascii_lowercase();
    let contrast = [", while ", ", whereas ", "; ", ", but "]
        .iter()
        .any(|mark| lower.contains(mark));
    // ("…, but by the end of December they held only around 600")
    let verb_right_before = lexicon.actions.iter().any(|action| {
        [&action.cues, &action.loss_cues].iter().any(|cues| {
            cues.find_all(gap).last().is_some_and(|cue| {
                matches!(
                    gap[cue.end..].trim(),
                    "" | "only" | "just" | "still" | "now"
                )
            })
        })
    });
    contrast && verb_right_before && has_no_noun_of_its_own(sentence, number)
}

/// The text of `span` with the time expressions inside it left out.
fn without_times(sentence: &str, span: Range<usize>, times: &[Range<usize>]) -> String {
    let mut text = String::new();
    let mut cursor = span.start;
    for time in times
        .iter()
        .filter(|t| t.start >= span.start && t.end <= span.end)
    {
        text.push_str(&sentence[cursor..time.start]);
        cursor = time.end;
    }
    text.push_str(&sentence[cursor..span.end]);
    text
}

/// Whether a time expression starts within `gap` bytes (spaces aside) after
/// `at`: "… 19.3% by late 2025", "160 in November".
fn time_right_after(sentence: &str, times: &[Range<usize>], at: usize, gap: usize) -> bool {
    times
        .iter()
        .any(|t| t.start >= at && sentence[at..t.start].trim().len() <= gap)
}

/// "337 drones over Russian regions overnight, including 126 over …": the
/// words left between a figure and "including" only say where or when it was.
fn names_a_part_after_modifiers(kept: &[&str]) -> bool {
    matches!(kept.last(), Some(&"including"))
        && kept.len() <= 10
        && !kept.contains(&";")
        && !kept.contains(&"and")
}

/// A percentage (or fraction scaled by `scale`) of an object such as Ukraine's
/// territory: "19.3% of Ukrainian territory", or "Russia's share of Ukrainian
/// territory reached 19.3%".
fn share_figure(
    lexicon: &Lexicon,
    sentence: &str,
    number: &NumberMatch,
    value: f64,
    scale: f64,
) -> Option<Figure> {
    let share =
        |object: Option<usize>, end: Option<usize>| share_of(number, value, scale, object, end);
    let after_end = floor_boundary(sentence, (number.end + 80).min(sentence.len()));
    let after = &sentence[number.end..after_end];
    // ("74 percent each of the Zaporizhzhia and Kherson regions")
    let after = match after.trim_start().get(..5) {
        Some(each) if each.eq_ignore_ascii_case("each ") => &after.trim_start()[4..],
        _ => after,
    };
    if is_share_of_region_held(lexicon, sentence, after) {
        return Some(share(territory_object(lexicon), None));
    }
    let object_after = lexicon.objects.find_all(after).into_iter().find(|hit| {
        let gap = &after[..hit.start];
        // "85% of the territory that Ukraine seized": a part of some other
        // area, named by the clause after it.
        // ("86% of the territory previously held by Ukrainian forces")
        let qualified = crate::text::next_words(&after[hit.end..], 2)
            .iter()
            .find(|word| {
                !matches!(
                    &***word,
                    "previously" | "formerly" | "once" | "originally" | "initially"
                )
            })
            .is_some_and(|word| {
                matches!(
                    &**word,
                    "that"
                        | "which"
                        | "it"
                        | "they"
                        | "ukraine"
                        | "kyiv"
                        | "russia"
                        | "moscow"
                        // ("86 percent of the land Kyiv's troops once held")
                        | "ukraine's"
                        | "kyiv's"
                        | "russia's"
                        | "moscow's"
                        | "ukrainian"
                        | "russian"
                        | "its"
                        | "their"
                        | "seized"
                        | "captured"
                        | "taken"
                        | "lost"
                        | "retaken"
                        | "held"
                )
            });
        // "113,000 km², or around 18.7%, of Ukraine": the comma closes an
        // aside the share stands in.
        let object_says_of = after[hit.start..]
            .get(..3)
            .is_some_and(|lead| lead.eq_ignore_ascii_case("of "));
        let gap = gap
            .strip_prefix(',')
            .filter(|rest| object_says_of && rest.trim().is_empty())
            .unwrap_or(gap);
        // ("- 19.4%: Share of Ukraine Russia now occupies": a list line that
        // opens with its figure says what it is of after a colon; the side
        // holding the country may follow it.)
        let label = gap.trim_end();
        let label = label.strip_suffix(" of").unwrap_or(label);
        let labelled_share = opens_list_line(sentence, number)
            && [": share", ": proportion", ": percentage"]
                .iter()
                .any(|name| label.eq_ignore_ascii_case(name));
        let held_by_the_side_after = labelled_share && {
            let words = next_words(&after[hit.end..], 3);
            let mut words = words.iter().map(|word| &**word);
            matches!(words.next(), Some("russia" | "moscow" | "ukraine" | "kyiv"))
                && words
                    .find(|word| *word != "now")
                    .is_some_and(|verb| matches!(verb, "occupies" | "holds" | "controls" | "has"))
        };
        let qualified = qualified && !held_by_the_side_after;
        let gap = if labelled_share { "" } else { gap };
        gap.split_whitespace().count() <= 2
            && !gap.contains([',', ';', '.'])
            && !after[hit.end..].starts_with(['\'', '’'])
            && !qualified
    });
    let object = match object_after {
        Some(hit) => Some(hit.payload),
        None if is_share_of_leading_region(lexicon, sentence, number)
            || is_level_of_the_share(lexicon, sentence, number)
            || is_share_of_subject_region(lexicon, sentence, number)
            || is_share_in_apposition_to_a_region(lexicon, sentence, number)
            || is_labelled_share_of_a_region(lexicon, sentence, number) =>
        {
            territory_object(lexicon)
        }
        None => {
            let before = &sentence[..number.start];
            let hit = lexicon.objects.find_all(before).into_iter().last()?;
            let between = &before[hit.end..];
            // ("Share of Ukraine occupied (1 September): 18.8%": a label.)
            // (A comma only inside a date: "held as of Feb 24, 2025: 18.7%".)
            let labels = between.trim_end().ends_with(':')
                && !between.contains('.')
                && between.match_indices(',').all(|(at, _)| {
                    between[at + 1..]
                        .trim_start()
                        .starts_with(|c: char| c.is_ascii_digit())
                });
            // ("increased the share of Ukraine it occupies by 0.6 percentage
            // points": a change of that share.)
            let changed_by = in_percentage_points(sentence, number)
                && ends_with_any_word(between, &["by"])
                && !between.contains([',', '.']);
            if between.contains([';'])
                || !(labels || changed_by || ends_with_any_word(between, LINKING_ENDINGS))
            {
                return None;
            }
            Some(hit.payload)
        }
    };
    Some(share(object, object_after.map(|hit| number.end + hit.end)))
}

/// A share figure of `number` (its value in percent, `scale` times the
/// number's), of `object`, ending at `end` (else with the number).
fn share_of(
    number: &NumberMatch,
    value: f64,
    scale: f64,
    object: Option<usize>,
    end: Option<usize>,
) -> Figure {
    Figure {
        number: number.clone(),
        end: end.unwrap_or(number.end),
        measure: Measure::Percent,
        value,
        low: number.low.map(|v| v * scale),
        high: number.high.map(|v| v * scale),
        noun_class: None,
        object,
        is_comparison: false,
        unit_factor: scale,
    }
}

/// Names of rocket artillery systems, whose rockets are shells, not missiles.
const ROCKET_ARTILLERY: &[&str] = &[
    "himars",
    "mlrs",
    "grad",
    "uragan",
    "smerch",
    "vampire",
    "m142",
    "m270",
    "vilkha",
    "tornado-s",
];

/// Whether `number` opens its line, after any bullet: "- 19.4%: Share of
/// Ukraine …", "5,298: Drones Russia launched …".
fn opens_list_line(sentence: &str, number: &NumberMatch) -> bool {
    super::past_bullet(&sentence[..number.start]).is_empty()
}

/// The noun class of the noun right after a number, allowing a few modifiers.
fn noun_after(lexicon: &Lexicon, sentence: &str, from: usize) -> Option<(usize, usize)> {
    let window_end = floor_boundary(sentence, (from + 80).min(sentence.len()));
    let window = &sentence[from..window_end];
    let hit = lexicon.nouns.find_all(window).into_iter().next()?;
    let gap = &window[..hit.start];
    // ("- 5,298: Drones Russia launched in October": a list line that opens
    // with its figure names what it counts after a colon.)
    let names_after_colon = gap.trim_end() == ":"
        && !super::past_bullet(&sentence[..from]).contains(char::is_whitespace);
    let gap = if names_after_colon { "" } else { gap };
    // (A full stop inside a word is an abbreviation's: "six U.S.-made
    // ATACMS missiles".)
    let full_stop = gap
        .match_indices('.')
        .any(|(at, _)| gap[at + 1..].starts_with(char::is_whitespace) || at + 1 == gap.len());
    if full_stop || gap.contains([',', ';', ':', '(', ')']) {
        return None;
    }
    let gap_words: Vec<String> = gap
        .split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .filter(|w| !w.is_empty())
        .collect();
    if gap_words.len() > 4 {
        return None;
    }
    // "a 19-year-old drone pilot", "a 30-day drone truce": an age or a
    // length of time, not a count of the noun.
    let of_time = gap_words.first().is_some_and(|word| {
        gap.trim_start().starts_with('-')
            && matches!(
                word.split('-').next(),
                Some("year" | "month" | "week" | "day" | "night" | "hour" | "minute")
            )
    });
    if of_time {
        return None;
    }
    // "seven HIMARS MLRS projectiles", "two Grad rockets": rocket
    // artillery, which no metric counts.
    if gap_words
        .iter()
        .any(|word| ROCKET_ARTILLERY.contains(&word.as_str()))
    {
        return None;
    }
    let original_words: Vec<&str> = gap.split_whitespace().collect();
    let allowed = gap_words
        .iter()
        .zip(&original_words)
        .all(|(word, original)| {
            NOUN_MODIFIERS.contains(&word.as_str())
                || original.starts_with(|c: char| c.is_uppercase())
                || word.contains('-')
        });
    if !allowed {
        return None;
    }
    // "Shahed-type drones", "drones and missiles": extend over chained nouns.
    let mut class = hit.payload;
    let mut end = hit.end;
    let chained = &window[hit.end..];
    for next in lexicon.nouns.find_all(chained) {
        let (next_start, next_end) = (hit.end + next.start, hit.end + next.end);
        if next_start < end {
            continue;
        }
        let gap = &window[end..next_start];
        let gap_ok = gap.trim().is_empty()
            || gap.trim_start_matches('-').split_whitespace().all(|w| {
                let w = w.to_lowercase();
                w.contains('-') || matches!(w.as_str(), "type" | "style" | "class")
            }) && !gap.contains([',', ';', '.']);
        if !gap_ok || next_start - end > 16 {
            break;
        }
        class = next.payload;
        end = next_end;
    }
    // "6 missile strikes", "100 drone attacks": the weapon names what another
    // noun counts.
    // ("14 missile and 27 drone strikes": the modifiers are coordinated.)
    let modifies = |word: Option<&std::borrow::Cow<str>>| {
        word.is_some_and(|word| WEAPON_AS_MODIFIER_OF.contains(&word.as_ref()))
    };
    let head = next_words(&window[end..], 1);
    if modifies(head.first()) {
        return None;
    }
    // (A plural is a noun of its own: "4 missiles and 61 air strikes".)
    let singular = !window[..end].trim_end().ends_with(['s', 'S']);
    let coordinated_modifier = singular
        && head
            .first()
            .is_some_and(|word| matches!(word.as_ref(), "and" | "or"))
        && {
            let list = next_words(&window[end..], 4);
            list.get(1)
                .is_some_and(|word| word.starts_with(|c: char| c.is_ascii_digit()))
                && modifies(list.get(3))
        };
    if coordinated_modifier {
        return None;
    }
    Some((class, from + end))
}

/// Nouns a weapon noun modifies when it comes right before them: the figure
/// counts these, not the weapons.
const WEAPON_AS_MODIFIER_OF: &[&str] = &[
    "strike",
    "strikes",
    "attack",
    "attacks",
    "raid",
    "raids",
    "system",
    "systems",
    "launcher",
    "launchers",
    "unit",
    "units",
    "operator",
    "operators",
    "pilot",
    "pilots",
    "team",
    "teams",
    "squad",
    "squads",
    "crew",
    "crews",
    "factory",
    "factories",
    "plant",
    "plants",
    "production",
    "debris",
    "fragments",
    "alert",
    "alerts",
    "threat",
    "threats",
    "warning",
    "warnings",
    "site",
    "sites",
    "depot",
    "depots",
    "components",
    "engines",
    // "3,000 new drone designs had been registered"
    "design",
    "designs",
    "model",
    "models",
    "maker",
    "makers",
    "manufacturer",
    "manufacturers",
];

/// Whether `word` (in lower case) names a month or a weekday.
pub(crate) fn is_month_or_weekday(word: &str) -> bool {
    MONTH_NAMES.contains(&word) || WEEKDAY_NAMES.contains(&word)
}

/// "85 of the 100 drones", "85 of the drones": the noun after "of (the)".
fn noun_after_partitive(lexicon: &Lexicon, sentence: &str, from: usize) -> Option<usize> {
    let rest = &sentence[from..];
    let trimmed = rest.trim_start();
    let lower_head: String = trimmed.chars().take(8).collect::<String>().to_lowercase();
    // "65 of 93 drones", "65 out of 93 drones"
    let of_len = if lower_head.starts_with("of ") {
        2
    } else if lower_head.starts_with("out of ") {
        6
    } else {
        return None;
    };
    let of_end = from + (rest.len() - trimmed.len()) + of_len;
    let window_end = floor_boundary(sentence, (of_end + 60).min(sentence.len()));
    let window = &sentence[of_end..window_end];
    let hit = lexicon.nouns.find_all(window).into_iter().next()?;
    let gap = &window[..hit.start];
    // (The total may be written in words: "of the six hundred and
    // twenty-three aerial targets".)
    let words_besides_the_total = gap
        .split_whitespace()
        .filter(|word| *word != "and" && !word.split('-').all(crate::number::is_number_vocabulary))
        .count();
    if gap.contains(", ")
        || gap.contains([';'])
        || gap.contains(". ")
        || words_besides_the_total > 4
    {
        return None;
    }
    // "of the 100 drones" may name a second number: fine, it is the total.
    Some(hit.payload)
}

/// "3,900 of them", "of which 3,900": the noun class named earlier in the
/// sentence (or of the figure just before).
fn pronoun_partitive(
    lexicon: &Lexicon,
    sentence: &str,
    number: &NumberMatch,
    noun_hits: &[PhraseHit],
    figures: &[Figure],
    context_class: &mut dyn FnMut(f64) -> Option<usize>,
) -> Option<usize> {
    let after = next_words(&sentence[number.end..], 3);
    let before = lower_window(sentence, number.start, 24);
    let is_linking_verb = |word: &str| word == "were" || word == "was";
    // ("61 were shot down and 20 more were locationally lost", "20 others were")
    let partitive_after = match after.as_slice() {
        [of, pronoun, ..] if of == "of" => {
            matches!(&**pronoun, "them" | "these" | "those" | "which")
        }
        [more, verb, ..] if matches!(&**more, "more" | "others" | "further") => {
            is_linking_verb(verb)
        }
        // ("On Sunday, they dropped 95 more.", "… 95 more, mostly near …")
        [more] if matches!(&**more, "more" | "others") => true,
        // ("59 had been shot down", "415 have been locationally lost")
        [had, been, ..] if matches!(&**had, "had" | "have" | "has") => been == "been",
        // ("63 of which were shot down and 46 lost to electronic warfare": a
        // further part, its linking verb left out)
        // ("46 destroyed buildings": an adjective, not a part.)
        // ("Nov 10 — 92 drones; 70 downed, 15 lost to EW": a timeline's.)
        [participle, rest @ ..]
            if (before.trim_end().ends_with(" and") || before.trim_end().ends_with([';', ',']))
                && rest.first().is_none_or(|next| {
                    matches!(&**next, "to" | "by" | "over" | "in" | "on" | "down" | "due")
                        || participle == "locationally" && next == "lost"
                })
                && matches!(
                    &**participle,
                    "lost"
                        | "locationally"
                        | "downed"
                        | "destroyed"
                        | "intercepted"
                        | "neutralised"
                        | "neutralized"
                        | "suppressed"
                        | "jammed"
                        | "shot"
                ) =>
        {
            figures
                .last()
                .is_some_and(|previous| previous.noun_class.is_some())
        }
        // ("88 were shot down and 128 went missing", "… and 20 went off radar")
        [went, what, ..]
            if before.trim_end().ends_with(" and")
                && matches!(
                    (&**went, &**what),
                    ("went", "missing" | "off") | ("disappeared" | "vanished", "from")
                ) =>
        {
            figures
                .last()
                .is_some_and(|previous| previous.noun_class.is_some())
        }
        [verb, ..] => is_linking_verb(verb),
        [] => false,
    };
    // "Most of them, 585, were downed": the pronoun's part, set off by commas.
    let before = before.trim_end().trim_end_matches(',').trim_end();
    let partitive_before = before.ends_with("of which") || before.ends_with("of them");
    if !(partitive_after || partitive_before) {
        return None;
    }
    class_of_figures_before(lexicon, sentence, figures)
        .or_else(|| {
            noun_hits
                .iter()
                .rev()
                .find(|hit| hit.end <= number.start)
                .map(|hit| hit.payload)
        })
        .or_else(|| context_class(number.value))
}

/// Whether `text` ends with a cue of `action` (spaces aside): "… shot
/// down", right before a number.
pub(super) fn ends_with_a_cue_of(action: &crate::lexicon::Action, text: &str) -> bool {
    action
        .cues
        .find_all(text)
        .last()
        .is_some_and(|cue| text[cue.end..].trim().is_empty())
}

/// "… were lost to electronic warfare, and our gunners shot down another
/// 340": a bare number a verb of the lexicon's says "another" or "a further"
/// of counts the weapons counted before it (in the sentence, or else in the
/// text before).
fn further_count(
    lexicon: &Lexicon,
    sentence: &str,
    number: &NumberMatch,
    figures: &[Figure],
    context_class: &mut dyn FnMut(f64) -> Option<usize>,
) -> Option<usize> {
    if !has_no_noun_of_its_own(sentence, number) {
        return None;
    }
    let before = sentence[..number.start].trim_end();
    let lead = ["another", "a further", "an additional"]
        .iter()
        .find_map(|words| crate::text::strip_last_word(before, words).map(str::trim_end))?;
    if !lexicon
        .actions
        .iter()
        .any(|action| ends_with_a_cue_of(action, lead))
    {
        return None;
    }
    class_of_figures_before(lexicon, sentence, figures).or_else(|| context_class(number.value))
}

/// The class of what the figures before count: the last one's, or after a
/// list of two kinds ("110 drones and 7 missiles, of which 98 were shot
/// down") the class of both, where the lexicon has one.
fn class_of_figures_before(lexicon: &Lexicon, sentence: &str, figures: &[Figure]) -> Option<usize> {
    let last = figures
        .iter()
        .rposition(|figure| figure.noun_class.is_some())?;
    let class = figures[last].noun_class?;
    let listed_before = last
        .checked_sub(1)
        .map(|before| &figures[before])
        .filter(|before| is_next_item(sentence, before, &figures[last]))
        .and_then(|before| before.noun_class)
        .filter(|&other| other != class);
    listed_before
        .and_then(|other| lexicon.combined_class(other, class))
        .or(Some(class))
}

/// Words with which a source gives its own figure for a quantity already
/// reported, the figure right after them: "put its own figure at", "counted",
/// "puts the Donetsk figure lower, at".
static ANOTHER_ESTIMATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:(?:put|puts|putting|placed|places|estimated|estimates|estimate)\s+(?:(?:its|their|the|his|her|that|this)\s+)?(?:own\s+|[a-z][\w'’-]*\s+)?(?:figure|estimate|tally|number|total|count|share|it|gains?|area)(?:\s+(?:(?:slightly|somewhat|much|far|a\s+little|even)\s+)?(?:higher|lower|larger|smaller),)?\s+at|counted|tallied|mapped|logged)\b")
        .expect("valid pattern")
});

/// Whether `sentence` has words with which a source gives its own figure
/// ([`another_estimate`]): a cheap test before reading it.
pub(super) fn names_another_estimate(sentence: &str) -> bool {
    ANOTHER_ESTIMATE.is_match(sentence)
}

/// The bare number another source gives, in a sentence of its own, for the
/// quantity the sentence before reported: "Russia's ministry put its own
/// figure at nearly 1,000", "ISW, which uses a different methodology,
/// counted 311", "pro-Kremlin bloggers put the figure at nearly 20%" (a
/// percentage when `share` says that quantity is one).
/// Only words from byte `from` on count.
pub(super) fn another_estimate<'n>(
    sentence: &str,
    numbers: &'n [NumberMatch],
    share: bool,
    from: usize,
) -> Option<&'n NumberMatch> {
    let kind = if share {
        NumberKind::Percent
    } else {
        NumberKind::Cardinal
    };
    let rest = sentence.get(from..)?;
    ANOTHER_ESTIMATE.find_iter(rest).find_map(|found| {
        let found = (from + found.start())..(from + found.end());
        numbers.iter().find(|number| {
            number.start >= found.end
                && sentence[found.end..number.start].trim().is_empty()
                && number.kind == kind
                && has_no_noun_of_its_own(sentence, number)
        })
    })
}

/// Whether a number between the last noun of ours and `number` counts
/// something with a noun of its own: in "drone campaign hit 160 Russian oil
/// facilities in 2025, compared with 57 a year earlier", the 57 are
/// facilities. (Numbers of times, "in 2025", count nothing.)
fn counted_something_between(
    sentence: &str,
    numbers: &[NumberMatch],
    noun_hits: &[PhraseHit],
    number: &NumberMatch,
    times: &[Range<usize>],
) -> bool {
    let Some(noun) = noun_hits.iter().rev().find(|hit| hit.end <= number.start) else {
        return false;
    };
    numbers.iter().any(|other| {
        other.start >= noun.end
            && other.end <= number.start
            && other.kind == NumberKind::Cardinal
            && !times.iter().any(|t| t.start <= other.start && other.end <= t.end)
            && !has_no_noun_of_its_own(sentence, other)
            // ("missile launches fell by 120 to 150": a word of the phrase.)
            && !next_words(&sentence[other.end..], 1).first().is_some_and(|word| {
                matches!(
                    word.as_ref(),
                    "to" | "of" | "or" | "than" | "per" | "more" | "less" | "fewer"
                )
            })
    })
}

/// Whether `sentence` opens by comparing the figure before it with others:
/// "That compared with 5,438 in June", "That was up from 337 the previous
/// week".
pub(super) fn compares_the_figure_before(sentence: &str) -> bool {
    let opening = sentence[..floor_boundary(sentence, sentence.len().min(32))].to_ascii_lowercase();
    let opening = ["that figure ", "this figure ", "that ", "this ", "it "]
        .iter()
        .find_map(|subject| opening.strip_prefix(subject));
    opening.is_some_and(|comparison| {
        [
            "compared with ",
            "compares with ",
            "compared to ",
            "compares to ",
            "was up from ",
            "is up from ",
            "was down from ",
            "is down from ",
        ]
        .iter()
        .any(|cue| comparison.starts_with(cue))
    })
}

/// The nouns of words that give figures again for another time ("the
/// corresponding figures for 2024 were").
const FIGURE_NOUNS: [&str; 5] = ["figures", "numbers", "totals", "counts", "tallies"];

/// The words that compare a list of figures with another ("versus roughly
/// 1,300, 900 and 60, respectively, the week before").
const COMPARING_WORDS: [&str; 3] = ["versus", "vs", "compared"];

/// "the corresponding figures for 2024 were", "The numbers for September
/// were": words that give, for another time, the values of the figures
/// listed before them, in the same order.
static CORRESPONDING_FIGURES: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)\b(?:corresponding|equivalent|comparable|respective)?\s*(?:{})\s+(?:for|in|of|during)\s+(?P<when>[^;:.!?]{{1,40}}?)\s*(?:,\s*)?(?:were|was|stood\s+at|came\s+to|had\s+been)\s",
        FIGURE_NOUNS.join("|")
    ))
    .expect("valid pattern")
});

/// "versus roughly 1,300, 900 and 60, respectively, the week before": words
/// that compare the figures listed before them with a list of values of
/// another time, named after the list.
static COMPARED_LIST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:versus|vs\.?|compared\s+with|compared\s+to)\s+").expect("valid pattern")
});

/// Where words that give the figures before them for another time
/// ([`CORRESPONDING_FIGURES`], [`COMPARED_LIST`]) start and end in
/// `sentence`, from byte `from` on, and where their time is: before the
/// values, or (`None`) right after their list.
pub(super) fn corresponding_figures(
    sentence: &str,
    from: usize,
) -> Option<(Range<usize>, Option<Range<usize>>)> {
    let rest = sentence.get(from..)?;
    // (Asked of every sentence read: most have none of the words, which one
    // scan tells. A word is looked for without its first letter, which may
    // be a capital, except "vs", whose capital is in every "UAVs".)
    static WORDS: LazyLock<aho_corasick::AhoCorasick> = LazyLock::new(|| {
        let fragment = |word: &'static str| if word == "vs" { word } else { &word[1..] };
        aho_corasick::AhoCorasick::new(
            FIGURE_NOUNS
                .iter()
                .chain(&COMPARING_WORDS)
                .map(|w| fragment(w)),
        )
        .expect("plain words")
    });
    let (mut names_figures, mut compares) = (false, false);
    let bytes = rest.as_bytes();
    for found in WORDS.find_iter(rest) {
        // (A whole word only: "counts", not "accounts" or "amounts".)
        let pattern = found.pattern().as_usize();
        let word = FIGURE_NOUNS
            .iter()
            .chain(&COMPARING_WORDS)
            .nth(pattern)
            .unwrap_or(&"");
        let word_start = found.end().saturating_sub(word.len());
        let whole = (word_start == 0 || !bytes[word_start - 1].is_ascii_alphanumeric())
            && bytes
                .get(found.end())
                .is_none_or(|b| !b.is_ascii_alphanumeric());
        if !whole {
            continue;
        }
        if pattern < FIGURE_NOUNS.len() {
            names_figures = true;
        } else {
            compares = true;
        }
    }
    if names_figures {
        if let Some(found) = CORRESPONDING_FIGURES.captures(rest) {
            let (whole, when) = (found.get(0)?, found.name("when")?);
            return Some((
                from + whole.start()..from + whole.end(),
                Some(from + when.start()..from + when.end()),
            ));
        }
    }
    if !compares {
        return None;
    }
    let found = COMPARED_LIST.find(rest)?;
    Some((from + found.start()..from + found.end(), None))
}

/// Where the time of a list of values ending at byte `end` is looked for:
/// right after it, past "respectively" ("…, 900 and 60, respectively, the
/// week before").
pub(super) fn time_after_list(sentence: &str, end: usize) -> Range<usize> {
    let rest = &sentence[end..];
    let past = rest.trim_start_matches([',', ' ']);
    let past = past
        .strip_prefix("respectively")
        .map_or(past, |after| after.trim_start_matches([',', ' ']));
    let start = sentence.len() - past.len();
    start..crate::text::floor_boundary(sentence, (start + 40).min(sentence.len()))
}

/// The bare numbers listed right from byte `at` ("roughly 11,000 and 2,000",
/// "5,638, 185 and 4,100"), at least two, none with a noun of its own.
pub(super) fn listed_bare_numbers<'n>(
    sentence: &str,
    numbers: &'n [NumberMatch],
    at: usize,
) -> Vec<&'n NumberMatch> {
    let mut listed: Vec<&NumberMatch> = Vec::new();
    let mut end = at;
    for number in numbers.iter().filter(|n| n.start >= at) {
        let gap = sentence[end..number.start].trim();
        let joins = if listed.is_empty() {
            gap.is_empty()
        } else {
            matches!(gap, "," | "and" | ", and")
        };
        if !joins || number.kind != NumberKind::Cardinal {
            break;
        }
        listed.push(number);
        end = number.end;
    }
    let bare = listed
        .last()
        .is_some_and(|last| has_no_noun_of_its_own(sentence, last));
    if listed.len() < 2 || !bare {
        listed.clear();
    }
    listed
}

/// Whether `text` names a total already given: "the figure", "that
/// figure", "the total", "the tally" ("In August the figure had been
/// 4,300").
pub(super) fn names_a_total(text: &str) -> bool {
    // (Asked of every sentence after a fact: most have none of the nouns.)
    static NOUNS: LazyLock<[memchr::memmem::Finder<'static>; 3]> =
        LazyLock::new(|| ["figure", "total", "tally"].map(memchr::memmem::Finder::new));
    NOUNS
        .iter()
        .any(|noun| noun.find(text.as_bytes()).is_some())
        && crate::text::contains_any_word(
            text,
            &[
                "the figure",
                "that figure",
                "this figure",
                "the total",
                "the tally",
                // ("The ministry's tally for April was 1,560.")
                "tally for",
                "total for",
                "figure for",
                // ("… raised its overnight tally to 158 drones")
                "tally to",
                "total to",
            ],
        )
}

/// "The number of drones launched reached 5,600": a noun earlier in the
/// sentence and a linking verb right before the number.
fn noun_named_before(
    lexicon: &Lexicon,
    sentence: &str,
    number: &NumberMatch,
    noun_hits: &[PhraseHit],
) -> Option<usize> {
    let hit = noun_hits.iter().rev().find(|hit| hit.end <= number.start)?;
    let acted_on_after = acted_on_by_a_clause_after(lexicon, sentence, number);
    if !has_no_noun_of_its_own(sentence, number) && !acted_on_after {
        return None;
    }
    let between = &sentence[hit.end..number.start];
    if between.len() > 120 || is_alternative_number(between) {
        return None;
    }
    let cue_right_before = |action: &crate::lexicon::Action| ends_with_a_cue_of(action, between);
    // "Russia launched 5,445 drones in November; the month before, it
    // launched 5,298": past a semicolon, only a verb right before the number
    // still speaks of the same weapons.
    if between.contains(';') {
        // "…; in August the figure dropped to 4,100": a total named again.
        // ("…; the number of casualties rose to 12" names another total.)
        let clause = between.rsplit(';').next().unwrap_or(between);
        let names_total = names_a_total(clause);
        let total_linked = names_total && ends_with_any_word(clause, LINKING_ENDINGS);
        return (total_linked || lexicon.actions.iter().any(cue_right_before))
            .then_some(hit.payload);
    }
    let down_cue_right_before = lexicon
        .actions
        .iter()
        .filter(|a| !a.is_default)
        .any(cue_right_before);
    // "Attack drones: 5,445 in November", "Drones launched in November: 5,445",
    // "Ukrainian drones intercepted and destroyed overnight in Bryansk
    // region: 24".
    let labelled = between.len() <= 96 && between.trim_end().ends_with(':');
    (down_cue_right_before
        || labelled
        || ends_with_any_word(between, LINKING_ENDINGS)
        || puts_the_number_at(sentence, hit.start, between)
        || acted_on_after)
        .then_some(hit.payload)
}

/// Whether `before`, the text before a number, ends with another number and
/// "or": "in groups of two or three" gives the number as one of two
/// choices, not as the value of something named before.
fn is_alternative_number(before: &str) -> bool {
    let Some(rest) = before.trim_end().strip_suffix(" or") else {
        return false;
    };
    let last_word = rest.rsplit(' ').next().unwrap_or(rest);
    !crate::number::find_numbers(last_word).is_empty()
}

/// "… far outstripping the roughly 21,000 it launched in 2024": a bare
/// number right before a clause of a side (or a pronoun) and a verb of what
/// befell the weapons counts the weapons named before.
fn acted_on_by_a_clause_after(lexicon: &Lexicon, sentence: &str, number: &NumberMatch) -> bool {
    let rest = sentence[number.end..].trim_start();
    let Some((subject, verb)) = rest.split_once(' ') else {
        return false;
    };
    // (Asked of every bare number: the cheap tests first.)
    let subject_acts = matches!(subject, "it" | "they" | "we")
        || subject.starts_with(char::is_uppercase) && lexicon.actor_names.is_match(subject);
    subject_acts
        && lexicon
            .actions
            .iter()
            .any(|action| action.cues.match_prefix(verb.trim_start()).is_some())
}

/// "Officials put the number of drones launched at around 60", "the number
/// of Shaheds was put at 90": an estimate of how many of the noun there were.
fn puts_the_number_at(sentence: &str, noun_start: usize, between: &str) -> bool {
    let at = ends_with_any_word(between, &["at"]);
    if !at && !ends_with_any_word(between, &["to"]) {
        return false;
    }
    let lead = lower_window(sentence, noun_start, 40);
    let lead = lead.trim_end();
    // ("the number of downed drones": one word may qualify the noun.)
    let unqualified = lead.rsplit_once(' ').map_or("", |(head, _)| head);
    let counts_the_noun = ["number of", "number of the", "count of", "tally of"]
        .iter()
        .any(|phrase| ends_with_words(lead, phrase) || ends_with_words(unqualified, phrase));
    // ("That brings the number of drones fired in the first half of 2025 to
    // 19,970": a verb that brings the count to the number.)
    let brought = || {
        [
            "brings", "brought", "bringing", "takes", "took", "taking", "pushes", "pushed",
            "pushing", "raises", "raised", "raising", "lifts", "lifted", "lifting",
        ]
        .iter()
        .any(|verb| crate::text::contains_word(lead, verb))
    };
    counts_the_noun && (at || brought())
}

/// "Russia fired more drones in October. The number reached 6,300": a total
/// named before the number, its noun in the sentence before.
fn total_of_context(
    lexicon: &Lexicon,
    sentence: &str,
    number: &NumberMatch,
    noun_hits: &[PhraseHit],
    context_class: &mut dyn FnMut(f64) -> Option<usize>,
) -> Option<usize> {
    if !noun_hits.is_empty() {
        return None;
    }
    let before_start = crate::text::ceil_boundary(sentence, number.start.saturating_sub(120));
    let before = &sentence[before_start..number.start];
    let names_total = ["number", "total", "tally", "count", "figure"]
        .iter()
        .any(|w| crate::text::contains_word(before, w));
    let bare = has_no_noun_of_its_own(sentence, number);
    // "The previous month, it launched 5,480."
    let action_right_before = lexicon
        .actions
        .iter()
        .any(|action| ends_with_a_cue_of(action, before));
    let linked = names_total && ends_with_any_word(before, LINKING_ENDINGS);
    if (linked || action_right_before) && bare {
        context_class(number.value)
    } else {
        None
    }
}

/// Whether a figure's unit is written in kilometres ("km²", "square
/// kilometres"), not in miles or hectares.
fn in_km(sentence: &str, figure: &Figure) -> bool {
    let unit = sentence[figure.number.end..figure.end].to_lowercase();
    unit.contains("km") || unit.contains("kilomet")
}

/// Whether `current` gives the area of `previous` again in another unit:
/// "701 square kilometres (270 square miles)", "113,000 sq km of Ukraine,
/// or about 43,600 square miles".
fn is_conversion(sentence: &str, previous: &Figure, current: &Figure) -> bool {
    let gap = sentence[previous.end..current.number.start]
        .trim()
        .to_lowercase();
    // ("113,000 sq km of Ukraine, or about 43,600 square miles")
    let gap = gap
        .strip_prefix("of ukraine")
        .or_else(|| gap.strip_prefix("of ukrainian territory"))
        .or_else(|| gap.strip_prefix("of the country"))
        .map_or(gap.as_str(), str::trim_start);
    let same_area_in_another_unit = || {
        in_km(sentence, previous) != in_km(sentence, current)
            && (previous.value - current.value).abs() <= 0.1 * previous.value.max(current.value)
    };
    previous.measure == Measure::Area
        && current.measure == Measure::Area
        && (matches!(
            gap,
            "(" | "(about"
                | "(around"
                | "(some"
                | ", or"
                | "or"
                | ", or about"
                | "(or"
                | "(nearly"
                | "(roughly"
                | "(approximately"
        )
            // ("about 500 square kilometres, roughly 190 square miles": a
            // bare comma, when the two say the same area.)
            || (gap == "," && same_area_in_another_unit()))
}

/// "701 square kilometres (270 square miles)": one figure, in km² when the
/// text gives km² on either side.
fn merge_converted_areas(sentence: &str, figures: &mut Vec<Figure>) {
    let mut index = 1;
    while index < figures.len() {
        let (previous, current) = (&figures[index - 1], &figures[index]);
        if is_conversion(sentence, previous, current) {
            if in_km(sentence, current) && !in_km(sentence, previous) {
                let (value, low, high) = (current.value, current.low, current.high);
                let previous = &mut figures[index - 1];
                previous.value = value;
                previous.low = low;
                previous.high = high;
            }
            let close = sentence[figures[index].end..]
                .find(')')
                .filter(|&i| i < 4)
                .map(|i| i + 1)
                .unwrap_or(0);
            figures[index - 1].end = figures[index].end + close;
            figures.remove(index);
        } else {
            index += 1;
        }
    }
}

/// Whether `figure` is a further part of the same count as `previous`,
/// joined to it by "and" ("1,500 were shot down and 300 were suppressed",
/// "30 Shaheds and 12 Gerberas"), not another source's or time's figure.
pub fn coordinates_parts(sentence: &str, previous: &Figure, figure: &Figure) -> bool {
    let Some(gap) = sentence.get(previous.end..figure.number.start) else {
        return false;
    };
    let gap = gap.to_lowercase();
    let words: Vec<&str> = gap
        .split(|c: char| !c.is_alphanumeric() && c != '\'')
        .filter(|word| !word.is_empty())
        .collect();
    // The "and" joins the two figures: "Kyiv and several other cities …, more
    // than 300 of which" joins places, not parts.
    let joined_by_and = words
        .iter()
        .rposition(|word| *word == "and")
        .is_some_and(|at| {
            words[at + 1..]
                .iter()
                .all(|word| matches!(*word, "a" | "an" | "another" | "further" | "additional"))
        });
    !figure.is_comparison
        && !previous.is_comparison
        && !gap.contains([';', '(', ')'])
        && joined_by_and
        && !words.iter().any(|word| {
            matches!(
                *word,
                "while"
                    | "whereas"
                    | "but"
                    | "though"
                    | "although"
                    | "said"
                    | "says"
                    | "say"
                    | "according"
                    | "estimated"
                    | "estimate"
                    | "put"
                    | "reported"
                    | "claimed"
                    | "or"
                    | "of"
                    | "including"
                    | "than"
            )
        })
}

/// The text after an "or so" that opens `text` (spaces aside): the hedge
/// written after a figure ("73,000 km² or so").
fn after_or_so(text: &str) -> Option<&str> {
    let rest = text.trim_start();
    let after = rest.get(5..)?;
    (rest[..5].eq_ignore_ascii_case("or so") && !after.starts_with(|c: char| c.is_alphanumeric()))
        .then_some(after)
}

/// How exact a figure is: as the number says, except where its hedge word
/// is the preposition of the phrase before it ("regained control over 2.5
/// km²" is 2.5, not more than 2.5).
pub fn qualifier_of(sentence: &str, figure: &Figure) -> Qualifier {
    let number = &figure.number;
    // "73,000 km² or so": the hedge after the figure.
    let or_so = after_or_so(&sentence[figure.end..]).is_some();
    if or_so && number.qualifier == Qualifier::Exact {
        return Qualifier::Approx;
    }
    let over = number.qualifier == Qualifier::AtLeast
        && sentence[number.start..number.value_start]
            .trim()
            .eq_ignore_ascii_case("over");
    // "took control over 500 km²": the noun's preposition; "Russian forces
    // now control over 80%": more than 80%.
    let control_over = || {
        let lead = lower_window(sentence, number.start, 40);
        let words: Vec<&str> = lead.split_whitespace().rev().take(2).collect();
        matches!(words.as_slice(), ["control", before] if matches!(
            *before,
            "took" | "take" | "takes" | "taken" | "taking" | "gained" | "gain" | "gaining"
                | "established" | "establish" | "seized" | "seize" | "regained" | "wrested"
                | "assumed" | "full" | "total" | "effective" | "under" | "its" | "their"
        ))
    };
    if over && control_over() {
        Qualifier::Exact
    } else {
        number.qualifier
    }
}

/// Where a figure's lead-in ends: before a time in the possessive that
/// introduces it ("below September's 448" compares like "below 448").
fn before_possessive_time(sentence: &str, number_start: usize, times: &[Range<usize>]) -> usize {
    times
        .iter()
        .find(|time| {
            time.end <= number_start
                && matches!(sentence[time.end..number_start].trim(), "'s" | "’s")
        })
        .map_or(number_start, |time| time.start)
}

/// The text before a clause that gives the value of the time before it
/// ("…, down from October, when it was 610"), when `lead_in` (the text
/// before a number) ends with one.
fn before_time_value(lead_in: &str) -> Option<&str> {
    const VALUING: &[&str] = &[
        "when it was",
        "when it stood at",
        "when it reached",
        "when the figure was",
        "when the total was",
    ];
    let lead_in = lead_in.trim_end();
    let valued = VALUING
        .iter()
        .find_map(|phrase| crate::text::strip_last_word(lead_in, phrase));
    valued.or_else(|| before_when_a_side_acted(lead_in))
}

/// `lead_in` before "when" and a subject's verb that end it: "… more than
/// in 2024, when they took about 4,100", "…, when Russia had seized 556".
fn before_when_a_side_acted(lead_in: &str) -> Option<&str> {
    let (rest, verb) = lead_in.rsplit_once(' ')?;
    if !verb.bytes().all(|byte| byte.is_ascii_lowercase()) {
        return None;
    }
    let rest = rest.strip_suffix(" had").unwrap_or(rest);
    // (A pronoun, or a name: one word with a capital.)
    let (rest, subject) = rest.rsplit_once(' ')?;
    let names_a_side =
        matches!(subject, "it" | "they" | "we") || subject.starts_with(|c: char| c.is_uppercase());
    if !names_a_side {
        return None;
    }
    crate::text::strip_last_word(rest, "when")
}

/// Whether the number at `number_start` is introduced as what a figure is
/// compared with ("up from 4,132", "compared with September's 448": a time
/// in the possessive in between does not count).
/// Whether the number at `number_start` is the low end of a range of
/// figures ("Estimates range from 350 km², according to DeepState, to
/// 460"): not one compared with, nor one the next grew from.
pub fn opens_a_range_of_figures(sentence: &str, number_start: usize) -> bool {
    let before = lower_window(sentence, number_start, 24);
    [
        "range from",
        "ranging from",
        "ranged from",
        "vary from",
        "varying from",
    ]
    .iter()
    .any(|words| ends_with_words(before.trim_end(), words))
}

fn is_comparison(sentence: &str, number_start: usize, times: &[Range<usize>]) -> bool {
    let number_start = before_possessive_time(sentence, number_start, times);
    let before = lower_window(sentence, number_start, 40);
    // ("down from "almost six hundred" in September": a quoted figure.)
    let ends_with_comparison = |before: &str| {
        let before = before
            .trim_end()
            .trim_end_matches(['"', '“', '\'', '‘'])
            .trim_end();
        COMPARISON_ENDINGS
            .iter()
            .any(|ending| ends_with_words(before, ending))
    };
    if ends_with_comparison(&before) {
        return !opens_a_range_of_figures(sentence, number_start);
    }
    // "17% less than in October (610 km²)", "down from October, when it was
    // 610": the figure of the time compared with.
    let lead_in = sentence[..number_start].trim_end();
    let Some(open) = lead_in
        .strip_suffix('(')
        .or_else(|| before_time_value(lead_in))
    else {
        return false;
    };
    let open_end = open.trim_end().trim_end_matches(',').trim_end().len();
    times
        .iter()
        .find(|time| time.end == open_end)
        .is_some_and(|time| {
            let lead = lower_window(sentence, time.start, 40);
            let lead = lead.trim_end();
            let lead = lead
                .strip_suffix(" in")
                .or_else(|| lead.strip_suffix(" on"))
                .unwrap_or(lead);
            ends_with_comparison(lead)
        })
}

/// "far more than the 4,700 recorded by independent analysts": the figure
/// compared with is another source's count of the same period.
fn is_another_sources_estimate(sentence: &str, figure_end: usize) -> bool {
    let words = next_words(&sentence[figure_end..], 3).join(" ");
    [
        "recorded by",
        "reported by",
        "estimated by",
        "counted by",
        "given by",
        "cited by",
        "claimed by",
        "according to",
    ]
    .iter()
    .any(|phrase| words.starts_with(phrase) || words.contains(&format!(" {phrase}")))
}

fn ends_with_words(text: &str, ending: &str) -> bool {
    text.ends_with(ending)
        && text[..text.len() - ending.len()]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric())
}

/// Words before a percentage that make it a change of something else.
const CHANGE_BEFORE: &[&str] = &[
    "increase of",
    "rise of",
    "jump of",
    "growth of",
    "decrease of",
    "drop of",
    "decline of",
    "fall of",
    "reduction of",
    "up",
    "down",
    "rose",
    "rose by",
    "fell",
    "fell by",
    "increased",
    "increased by",
    "decreased",
    "decreased by",
    "dropped",
    "dropped by",
    "declined",
    "declined by",
    "climbed",
    "climbed by",
    "grew",
    "grew by",
    "jumped",
    "jumped by",
    "surged",
    "surged by",
    "plunged",
    "plunged by",
    "rising",
    "falling",
    "by",
    "an increase of",
    "a rise of",
    "a drop of",
    "a decrease of",
    "a decline of",
    "a jump of",
    "a fall of",
    "an uptick of",
];

/// Words after a percentage that make it a change ("a 2% increase").
const CHANGE_AFTER: &[&str] = &[
    "increase",
    "rise",
    "jump",
    "more",
    "higher",
    "decrease",
    "drop",
    "decline",
    "fewer",
    "less",
    "lower",
    "fall",
    "up",
    "down",
    "growth",
    "reduction",
    "surge",
    "uptick",
    "year-on-year",
    "month-on-month",
    "on the month",
    "on the previous month",
    "from",
    "compared",
];

/// "took a further 0.1% of Ukraine", "occupied 0.5% more of Ukraine": an
/// increment of a share, that is a share gained, not the share held.
pub(super) fn is_increment_of_a_share(sentence: &str, number: &NumberMatch) -> bool {
    in_percentage_points(sentence, number)
        || is_more_of_a_whole(sentence, number)
        || ends_with_any_word(
            &sentence[..number.start],
            &["further", "another", "additional", "extra"],
        )
}

/// Whether `number` is the word "one" before "of": "one of the largest
/// attacks".
fn is_one_of(sentence: &str, number: &NumberMatch) -> bool {
    if !sentence[number.value_start..number.end].eq_ignore_ascii_case("one") {
        return false;
    }
    // ("but no one was injured", "anyone": a pronoun, no count.)
    let pronoun = sentence[..number.start]
        .split_whitespace()
        .next_back()
        .is_some_and(|word| {
            ["no", "any", "some", "every", "each", "which", "the"]
                .iter()
                .any(|pronoun| word.eq_ignore_ascii_case(pronoun))
        });
    pronoun
        || next_words(&sentence[number.end..], 1)
            .first()
            .is_some_and(|word| word == "of")
}

/// Whether the clause before `position` makes the figure there "the
/// figure" talked about before: "the figure stood at around 110,000 km²",
/// "he had put the figure at about 1,000 km²".
pub(super) fn names_the_figure_before(sentence: &str, position: usize) -> bool {
    if !sentence[..position].contains("figure") {
        return false;
    }
    let clause = clause_around(sentence, position);
    let before = sentence[clause.start.min(position)..position].to_ascii_lowercase();
    ["the figure", "that figure", "this figure"]
        .iter()
        .any(|subject| crate::text::contains_word(&before, subject))
        && ends_with_any_word(&before, &["at", "was", "is", "to", "of"])
}

/// How many bytes of `text` an opening "of the <weapons>" takes: "of the
/// drones" in " of the drones were brought down over Belgorod region".
pub(super) fn past_partitive_noun(lexicon: &Lexicon, text: &str) -> usize {
    let rest = text.trim_start();
    match rest.get(..7) {
        Some(of_the) if of_the.eq_ignore_ascii_case("of the ") => lexicon
            .nouns
            .match_prefix(&rest[7..])
            .map_or(0, |noun| text.len() - rest.len() + 7 + noun.end),
        _ => 0,
    }
}

/// Whether "each" follows the figure: "74 percent each of the Zaporizhzhia
/// and Kherson regions".
pub(super) fn is_each(sentence: &str, figure: &Figure) -> bool {
    // ("75% of both Zaporizhzhia and Kherson", "75% of the Zaporizhzhia and
    // Kherson regions each")
    let words = next_words(&sentence[figure.number.end..], 9);
    let followed_by = |at: usize, word: &str| words.get(at + 1).is_some_and(|next| next == word);
    words.first().is_some_and(|word| word == "each")
        || words.iter().enumerate().any(|(at, word)| {
            (word == "of" && at < 3 && (followed_by(at, "both") || followed_by(at, "each")))
                || (matches!(&**word, "regions" | "oblasts" | "provinces")
                    && followed_by(at, "each"))
        })
}

/// Whether `number` is written in percentage points ("0.7 percentage
/// points"): a change of a share, never a share.
pub(super) fn in_percentage_points(sentence: &str, number: &NumberMatch) -> bool {
    sentence.as_bytes()[number.start..number.end]
        .windows(b"percentage point".len())
        .any(|window| window.eq_ignore_ascii_case(b"percentage point"))
}

/// "18.3% of Ukraine, up 0.7 percentage points over the year": the rise of
/// the share named right before.
fn raises_share(sentence: &str, previous: &Figure, number: &NumberMatch) -> bool {
    previous.measure == Measure::Percent
        && previous.object.is_some()
        && in_percentage_points(sentence, number)
        && matches!(
            sentence[previous.end..number.start]
                .trim_matches(|c: char| c.is_whitespace() || c == ',')
                .to_ascii_lowercase()
                .as_str(),
            "up" | "up by" | "a rise of" | "an increase of" | "a gain of"
        )
}

/// "Russia held around 17.5% of Ukraine; today it holds about 20%": a
/// share with no object of its own right after a verb of holding, in the
/// sentence of a share of territory, is of the same whole.
fn holds_share_again(
    lexicon: &Lexicon,
    sentence: &str,
    previous: &Figure,
    number: &NumberMatch,
) -> bool {
    previous.measure == Measure::Percent
        && previous.object.is_some()
        && lexicon
            .action("hold")
            .is_some_and(|hold| ends_with_a_cue_of(hold, &sentence[previous.end..number.start]))
}

/// "0.5% more of Ukraine": an amount added to (or taken from) a whole, which
/// is neither the whole's share nor a change of the figure.
fn is_more_of_a_whole(sentence: &str, number: &NumberMatch) -> bool {
    matches!(
        next_words(&sentence[number.end..], 2).as_slice(),
        [more, of] if matches!(more.as_ref(), "more" | "less" | "fewer") && of == "of"
    )
}

/// True when a percentage reports a change rather than a share.
pub fn is_change_percent(sentence: &str, number: &NumberMatch) -> bool {
    // "rose from 18% to 19.2%": a move between two levels, not a change of
    // 18.6%.
    let is_transition = number.low.is_some()
        && sentence[number.start..number.value_start]
            .trim()
            .eq_ignore_ascii_case("from");
    // "up 0.3 percentage points": a change of a share, not a relative
    // change of the figure.
    if is_transition || in_percentage_points(sentence, number) {
        return false;
    }
    // "0.5% more of Ukraine": more of a whole, not a change; nor is
    // "expanded its zone of control by 0.4% of Ukraine's territory".
    if is_more_of_a_whole(sentence, number)
        || next_words(&sentence[number.end..], 1)
            .first()
            .is_some_and(|word| word == "of")
    {
        return false;
    }
    if signed_change(sentence, number).is_some() {
        return true;
    }
    let before = lower_window(sentence, number.start, 32);
    let after = next_words(&sentence[number.end..], 2);
    // "shot down 90% of the drones": a share of them, not a fall of 90%.
    let downed = ends_with_any_word(
        &before,
        &[
            "shot down",
            "shoot down",
            "shooting down",
            "brought down",
            "knocked down",
            "took down",
            "taken down",
        ],
    );
    (ends_with_any_word(&before, CHANGE_BEFORE) && !downed)
        || after.first().is_some_and(|w| CHANGE_AFTER.contains(&&**w))
}

/// Sign of a change percentage: negative for decreases.
/// "701 km² (+14%)", "(−8%)": a percentage with an explicit sign, in
/// brackets or after a figure, is a change; the sign says which way.
fn signed_change(sentence: &str, number: &NumberMatch) -> Option<f64> {
    let before = sentence[..number.start].trim_end_matches(' ');
    let (sign, rest) = if let Some(rest) = before.strip_suffix('+') {
        (1.0, rest)
    } else if let Some(rest) = before.strip_suffix(['-', '−', '–']) {
        (-1.0, rest)
    } else {
        return None;
    };
    // ("- 19.8% of Ukraine …": a bullet set off by a space opens a list
    // line, no sign.)
    let spaced = before.len() < number.start;
    if spaced && rest.trim().is_empty() {
        return None;
    }
    // A dash between two numbers is a range ("500-600"), not a sign.
    let opens = rest.trim_end().is_empty() || rest.trim_end().ends_with(['(', ',', ':', ';']);
    (opens && number.kind == NumberKind::Percent).then_some(sign)
}

pub fn change_sign(sentence: &str, number: &NumberMatch) -> f64 {
    if let Some(sign) = signed_change(sentence, number) {
        return sign;
    }
    let before = lower_window(sentence, number.start, 32);
    let after: String = next_words(&sentence[number.end..], 2).join(" ");
    let decrease_words = [
        "down",
        "fell",
        "decrease",
        "drop",
        "dropped",
        "decline",
        "declined",
        "fewer",
        "less",
        "lower",
        "fall",
        "falling",
        "reduction",
        "plunged",
        "decreased",
    ];
    let says_decrease = decrease_words.iter().any(|w| {
        before
            .split(|c: char| !c.is_alphanumeric())
            .any(|word| word == *w)
            || after
                .split(|c: char| !c.is_alphanumeric())
                .any(|word| word == *w)
    });
    if says_decrease {
        -1.0
    } else {
        1.0
    }
}

/// "one in five square kilometres of Ukraine": the number a ratio is out of,
/// no quantity of its own.
fn denominates_a_ratio(sentence: &str, start: usize) -> bool {
    // (Asked of every number: bytes compared in place, nothing allocated.)
    let before = sentence[..start].trim_end().as_bytes();
    let Some(rest) = before
        .len()
        .checked_sub(2)
        .filter(|&at| before[at..].eq_ignore_ascii_case(b"in"))
        .map(|at| before[..at].trim_ascii_end())
    else {
        return false;
    };
    [&b"one"[..], b"1"].iter().any(|one| {
        rest.len() >= one.len()
            && rest[rest.len() - one.len()..].eq_ignore_ascii_case(one)
            && rest[..rest.len() - one.len()]
                .last()
                .is_none_or(|byte| !byte.is_ascii_alphanumeric())
    })
}

fn preceded_by_currency(sentence: &str, start: usize) -> bool {
    let before = lower_window(sentence, start, 16);
    let before = before.trim_end();
    before.ends_with(CURRENCY_BEFORE)
        || ["usd", "eur", "uah", "rub", "gbp", "us$", "hryvnias"]
            .iter()
            .any(|code| ends_with_words(before, code))
}

fn followed_by_money_word(sentence: &str, end: usize) -> bool {
    let words = next_words(&sentence[end..], 1);
    words.first().is_some_and(|w| {
        matches!(
            &**w,
            "dollars"
                | "euros"
                | "hryvnias"
                | "hryvnia"
                | "rubles"
                | "roubles"
                | "pounds"
                | "usd"
                | "eur"
        )
    })
}

/// Words that make a share the same quantity as the area before it, said
/// another way: "2,400 km², or 0.4% of Ukraine".
const RESTATING: &[&str] = &[
    "or",
    "equal to",
    "equivalent to",
    "representing",
    "amounting to",
    "which is",
    "that is",
    "i.e.",
    "which amounts to",
    "which amount to",
    "which equals",
    "which represents",
];

/// Whether figure `index`, a share, restates the area figure right before
/// it: after a comma, dash or bracket that follows the area, nothing but a
/// word of [`RESTATING`], "the equivalent of", or nothing at all ("captured
/// 2,400 km² since January, or about 0.4% of Ukraine's territory"; "2,400 km²
/// (0.4%)").
pub fn restates_previous_area(sentence: &str, figures: &[Figure], index: usize) -> bool {
    restates_previous_as(sentence, figures, index, Measure::Area, Measure::Percent)
}

/// Whether figure `index`, an area, restates the share right before it in
/// the same way: "the occupiers control 18.6% of Ukraine, or 112,400 sq km".
pub fn restates_previous_share(sentence: &str, figures: &[Figure], index: usize) -> bool {
    restates_previous_as(sentence, figures, index, Measure::Percent, Measure::Area)
}

fn restates_previous_as(
    sentence: &str,
    figures: &[Figure],
    index: usize,
    said: Measure,
    restated: Measure,
) -> bool {
    let (Some(first), Some(second)) = (
        index
            .checked_sub(1)
            .and_then(|previous| figures.get(previous)),
        figures.get(index),
    ) else {
        return false;
    };
    if first.measure != said || second.measure != restated {
        return false;
    }
    let Some(gap) = sentence.get(first.end..second.number.start) else {
        return false;
    };
    let is_mark = |at: usize, c: char| {
        matches!(c, ',' | '(' | '—' | '–' | '/')
            || (c == '-' && gap[..at].ends_with(' ') && gap[at + 1..].starts_with(' '))
    };
    let Some(after_mark) = gap
        .char_indices()
        .rev()
        .find(|&(at, c)| is_mark(at, c))
        .map(|(at, c)| at + c.len_utf8())
    else {
        return false;
    };
    let tail = gap[after_mark..].trim();
    // "…, and have seized the equivalent of 0.85 percent of Ukraine", "…, an
    // area equal to about 0.08% of Ukraine"
    let equivalent = ends_with_any_word(
        tail,
        &[
            "the equivalent of",
            "equivalent to",
            "equal to",
            "an area of",
        ],
    );
    tail.is_empty() || equivalent || RESTATING.iter().any(|word| tail.eq_ignore_ascii_case(word))
}

/// The byte range of the clause around `position`: from the last clause mark
/// before it to the next one after it.
pub fn clause_around(sentence: &str, position: usize) -> Range<usize> {
    let is_mark = |c: char| matches!(c, ',' | ';' | ':' | '—' | '–' | '(' | ')');
    let start = sentence[..position]
        .char_indices()
        .rev()
        .find(|(i, c)| is_mark(*c) && !is_thousands_comma(sentence, *i))
        .map(|(i, c)| i + c.len_utf8())
        .unwrap_or(0);
    let end = sentence[position..]
        .char_indices()
        .find(|(i, c)| is_mark(*c) && !is_thousands_comma(sentence, position + *i))
        .map(|(i, _)| position + i)
        .unwrap_or(sentence.len());
    start..end
}

fn is_thousands_comma(sentence: &str, index: usize) -> bool {
    let bytes = sentence.as_bytes();
    bytes[index] == b','
        && index > 0
        && bytes[index - 1].is_ascii_digit()
        && bytes.get(index + 1).is_some_and(u8::is_ascii_digit)
}
