//! The vocabulary: metrics, noun classes, actions, actors, regions, units and
//! exclusion cues, as data. The default lexicon (`src/lexicon.toml`) is embedded
//! in the binary; `--lexicon FILE` extends it, or replaces it with
//! `replace = true`. This module owns parsing, validation and the compiled
//! matchers the extractor uses; it knows nothing about sentences.
//!
//! ```
//! use frontline::lexicon::Lexicon;
//! let lexicon = Lexicon::default_lexicon();
//! let unit = lexicon.match_unit(" square kilometres of land").unwrap();
//! assert_eq!((unit.name.as_str(), unit.factor), ("km2", 1.0));
//! assert_eq!(unit.len, " square kilometres".len());
//! ```

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::{Arc, LazyLock};

use chrono::NaiveDate;
use serde::Deserialize;

pub use crate::phrases::{is_word_boundary, PhraseHit, PhraseMatcher};
use crate::phrases::{PhraseIndex, SentenceScan};

/// The lexicon compiled into the binary.
pub const DEFAULT_LEXICON_TOML: &str = include_str!("lexicon.toml");

/// What went wrong with a lexicon file.
#[derive(Debug, thiserror::Error)]
pub enum LexiconError {
    #[error("cannot read the lexicon file: {0}")]
    Read(#[from] std::io::Error),
    #[error("the lexicon is not valid TOML: {0}")]
    Parse(#[from] toml::de::Error),
    #[error("invalid lexicon: {0}")]
    Invalid(String),
}

/// How a metric's figures are measured.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Measure {
    /// A number followed by an area unit; stored in km².
    Area,
    /// A number followed by a noun of the metric's class; stored as `count`.
    Count,
    /// A percentage; stored as `percent`.
    Percent,
}

impl Measure {
    /// The unit facts of this measure are stored in.
    pub fn stored_unit(self) -> &'static str {
        match self {
            Measure::Area => "km2",
            Measure::Count => "count",
            Measure::Percent => "percent",
        }
    }
}

/// One metric of the lexicon.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MetricSpec {
    pub name: String,
    pub measure: Measure,
    /// The action (key of `[actions]`) that makes a figure this metric.
    pub action: String,
    /// For `count` metrics: the noun class (key of `[nouns]`).
    #[serde(default)]
    pub nouns: Option<String>,
    /// For `percent` metrics: what the share must be of (key of `[objects]`).
    #[serde(default)]
    pub object: Option<String>,
    #[serde(default)]
    pub description: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
struct ActionSpec {
    #[serde(default)]
    default: bool,
    #[serde(default)]
    cues: Vec<String>,
    #[serde(default)]
    loss_cues: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
struct UnitSpec {
    name: String,
    dimension: String,
    factor: f64,
    aliases: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
struct ActorSpec {
    name: String,
    #[serde(default)]
    opponent: Option<String>,
    aliases: Vec<String>,
    /// Weapons only this side fires: "40 Kh-101 missiles" are its launches.
    #[serde(default)]
    weapons: Vec<String>,
    /// Sources that speak for this side: the enemy they name is the opponent.
    #[serde(default)]
    voices: Vec<String>,
    /// Whether this side is the one speaking when a text calls the other
    /// "the enemy" and names no source (at most one side is).
    #[serde(default)]
    speaks_when_unnamed: bool,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
struct RegionSpec {
    name: String,
    aliases: Vec<String>,
    /// Whether a city has the region's bare name ("over Kursk" may be the
    /// city; "over Crimea" can only be the region).
    #[serde(default = "yes")]
    city_of_the_name: bool,
    /// The side that holds the region, where one does: weapons launched at
    /// it or downed over it, with no launcher named, are its opponent's.
    #[serde(default)]
    held_by: Option<String>,
    /// Towns in the region that place a figure in it ("near Pokrovsk").
    #[serde(default)]
    towns: Vec<String>,
}

fn yes() -> bool {
    true
}

#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
struct ExclusionSpec {
    #[serde(default)]
    before: Vec<String>,
    /// Like `before`, for counts only: "made" (drones made; "made gains of
    /// 505 km²" is ground taken).
    #[serde(default)]
    before_counts: Vec<String>,
    #[serde(default)]
    after: Vec<String>,
    #[serde(default)]
    asides: Vec<String>,
    /// Sides of other wars: a figure with no actor of ours in a sentence
    /// naming one of them ("Iran launched 300 drones at Israel") is theirs.
    #[serde(default)]
    other_sides: Vec<String>,
    /// Verdicts that a claim is false ("is false", "are fabricated"): its
    /// figures are no facts.
    #[serde(default)]
    verdicts: Vec<String>,
    /// Negations right before a figure's verb deny it ("did not seize").
    #[serde(default)]
    negations: Vec<String>,
    /// States of land that make an area no ground taken or held, said of
    /// it by a verb ("is contaminated", "remain mined").
    #[serde(default)]
    land_states: Vec<String>,
    /// Words that make a count a first estimate ("initially", "preliminary"):
    /// another value of the same count in the text replaces it.
    #[serde(default)]
    preliminary: Vec<String>,
    /// Words of a figure that replaces an earlier value of the same
    /// quantity ("revised", "in its final tally").
    #[serde(default)]
    revisions: Vec<String>,
    /// Places struck whose names hold a word of `before` ("gas production
    /// facilities"): the word there excludes nothing.
    #[serde(default)]
    targets: Vec<String>,
    /// Labels that open a link to another story ("Related:", "Read also:"):
    /// a line so opened with no time of its own gives no facts.
    #[serde(default)]
    links: Vec<String>,
    /// The day the war began ("YYYY-MM-DD"): figures of periods that ended
    /// before it are about earlier wars ("liberated 1.5 million km² in 1943").
    #[serde(default)]
    war_began: Option<String>,
}

/// The lexicon as written in TOML.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
struct LexiconFile {
    #[serde(default)]
    replace: bool,
    #[serde(default)]
    metrics: Vec<MetricSpec>,
    #[serde(default)]
    nouns: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    actions: BTreeMap<String, ActionSpec>,
    #[serde(default)]
    objects: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    units: Vec<UnitSpec>,
    #[serde(default)]
    actors: Vec<ActorSpec>,
    #[serde(default)]
    regions: Vec<RegionSpec>,
    #[serde(default)]
    exclusions: Option<ExclusionSpec>,
}

impl LexiconFile {
    /// Adds `user`'s entries to `self`; entries with the same name replace.
    fn extend(&mut self, user: LexiconFile) {
        for metric in user.metrics {
            self.metrics.retain(|m| m.name != metric.name);
            self.metrics.push(metric);
        }
        for (class, words) in user.nouns {
            self.nouns.entry(class).or_default().extend(words);
        }
        for (name, action) in user.actions {
            match self.actions.get_mut(&name) {
                Some(existing) => {
                    existing.cues.extend(action.cues);
                    existing.loss_cues.extend(action.loss_cues);
                    existing.default |= action.default;
                }
                None => {
                    self.actions.insert(name, action);
                }
            }
        }
        for (name, words) in user.objects {
            self.objects.entry(name).or_default().extend(words);
        }
        for unit in user.units {
            self.units.retain(|u| u.name != unit.name);
            self.units.push(unit);
        }
        for actor in user.actors {
            self.actors.retain(|a| a.name != actor.name);
            self.actors.push(actor);
        }
        for region in user.regions {
            self.regions.retain(|r| r.name != region.name);
            self.regions.push(region);
        }
        if let Some(user_exclusions) = user.exclusions {
            let exclusions = self.exclusions.get_or_insert_with(Default::default);
            exclusions.before.extend(user_exclusions.before);
            exclusions
                .before_counts
                .extend(user_exclusions.before_counts);
            exclusions.after.extend(user_exclusions.after);
            exclusions.asides.extend(user_exclusions.asides);
            exclusions.other_sides.extend(user_exclusions.other_sides);
            exclusions.verdicts.extend(user_exclusions.verdicts);
            exclusions.negations.extend(user_exclusions.negations);
            exclusions.land_states.extend(user_exclusions.land_states);
            exclusions.preliminary.extend(user_exclusions.preliminary);
            exclusions.revisions.extend(user_exclusions.revisions);
            exclusions.targets.extend(user_exclusions.targets);
            exclusions.links.extend(user_exclusions.links);
            exclusions.war_began = user_exclusions.war_began.or(exclusions.war_began.take());
        }
    }
}

/// A unit found right after a number.
#[derive(Debug, Clone, PartialEq)]
pub struct UnitMatch {
    /// Bytes consumed from the start of the text given to [`Lexicon::match_unit`],
    /// leading whitespace included.
    pub len: usize,
    /// Canonical unit name: `km2`, `mi2`, `ha`, `km`, `m`, `mi` …
    pub name: String,
    /// `area`, `length`, …
    pub dimension: String,
    /// Multiply by this to get the dimension's base unit (km² for area, km for length).
    pub factor: f64,
}

/// A metric with its compiled pieces.
#[derive(Debug, Clone)]
pub struct Metric {
    pub spec: MetricSpec,
}

/// An action with its compiled cues.
#[derive(Debug, Clone)]
pub struct Action {
    pub name: String,
    pub is_default: bool,
    pub cues: PhraseMatcher,
    pub loss_cues: PhraseMatcher,
}

/// An actor and who it fights.
#[derive(Debug, Clone, PartialEq)]
pub struct Actor {
    pub name: String,
    pub opponent: Option<String>,
}

/// The compiled vocabulary. Cheap to clone (matchers are shared).
#[derive(Debug, Clone)]
pub struct Lexicon {
    pub metrics: Vec<Metric>,
    /// Noun class names; [`Lexicon::nouns`] hits carry indexes into this.
    pub noun_classes: Vec<String>,
    pub nouns: PhraseMatcher,
    pub actions: Vec<Action>,
    /// Object names; [`Lexicon::objects`] hits carry indexes into this.
    pub object_names: Vec<String>,
    pub objects: PhraseMatcher,
    pub actors: Vec<Actor>,
    /// Hits carry indexes into [`Lexicon::actors`].
    pub actor_names: PhraseMatcher,
    /// Weapons named in a figure that tell who fired them; hits carry indexes
    /// into [`Lexicon::actors`].
    pub weapon_owners: PhraseMatcher,
    /// Sources that speak for a side ("DeepState", "TASS"); hits carry
    /// indexes into [`Lexicon::actors`].
    pub voices: PhraseMatcher,
    /// The side that speaks when no voice is named (index into
    /// [`Lexicon::actors`]): "the enemy" of an unattributed report is its
    /// opponent.
    pub unnamed_voice: Option<usize>,
    /// Canonical region names; [`Lexicon::region_names`] hits carry indexes into this.
    pub regions: Vec<String>,
    /// Per region: whether a city has its bare name.
    pub region_has_city_of_the_name: Vec<bool>,
    /// Per region: the side that holds it, if one does.
    pub region_held_by: Vec<Option<String>>,
    pub region_names: PhraseMatcher,
    /// Towns of [`Lexicon::regions`]; hits carry the index of the town's region.
    pub town_names: PhraseMatcher,
    units: Vec<UnitSpec>,
    unit_names: PhraseMatcher,
    /// Words that make a figure after them no fact; a hit's payload is 1
    /// for words that do so to counts only.
    pub exclusions_before: PhraseMatcher,
    pub exclusions_after: PhraseMatcher,
    pub asides: PhraseMatcher,
    /// Sides of other wars (see `other_sides` in the lexicon).
    pub other_sides: PhraseMatcher,
    /// Verdicts that a claim is false (see `verdicts` in the lexicon).
    pub verdicts: PhraseMatcher,
    /// Words that deny the verb after them (see `negations` in the lexicon).
    pub negations: PhraseMatcher,
    /// States of land said of an area (see `land_states` in the lexicon).
    pub land_states: PhraseMatcher,
    /// Words of a first estimate (see `preliminary` in the lexicon).
    pub preliminary: PhraseMatcher,
    /// Words of a figure that replaces an earlier one (see `revisions` in the
    /// lexicon).
    pub revisions: PhraseMatcher,
    /// Places struck named with an exclusion word (see `targets` in the
    /// lexicon).
    pub targets: PhraseMatcher,
    /// Labels of links to other stories (see `links` in the lexicon).
    pub links: PhraseMatcher,
    /// The day the war began (see `war_began` in the lexicon).
    pub war_began: Option<NaiveDate>,
    /// Any word that can make a sentence worth reading: area units, nouns of
    /// count metrics, percent signs, action cues of non-default actions.
    pub triggers: PhraseMatcher,
    /// The lists searched in a sentence that holds a figure, in one automaton.
    phrase_index: Arc<PhraseIndex>,
}

static DEFAULT: LazyLock<Lexicon> = LazyLock::new(|| {
    Lexicon::from_toml(DEFAULT_LEXICON_TOML).expect("the embedded lexicon is valid (tested)")
});

impl Lexicon {
    /// The built-in lexicon.
    pub fn default_lexicon() -> Lexicon {
        DEFAULT.clone()
    }

    /// A lexicon from TOML text alone (no built-in entries).
    pub fn from_toml(text: &str) -> Result<Lexicon, LexiconError> {
        let file: LexiconFile = toml::from_str(text)?;
        Lexicon::compile(file)
    }

    /// The built-in lexicon extended by a user file, or replaced by it when the
    /// file says `replace = true`.
    pub fn from_user_file(path: &Path) -> Result<Lexicon, LexiconError> {
        let text = std::fs::read_to_string(path)?;
        Lexicon::with_user_toml(&text)
    }

    /// As [`Lexicon::from_user_file`], from TOML text.
    pub fn with_user_toml(text: &str) -> Result<Lexicon, LexiconError> {
        let user: LexiconFile = toml::from_str(text)?;
        if user.replace {
            return Lexicon::compile(user);
        }
        let mut base: LexiconFile =
            toml::from_str(DEFAULT_LEXICON_TOML).expect("the embedded lexicon is valid (tested)");
        base.extend(user);
        Lexicon::compile(base)
    }

    fn compile(file: LexiconFile) -> Result<Lexicon, LexiconError> {
        validate(&file)?;
        // A list whose hits need no payload.
        let listed =
            |phrases: &[String]| PhraseMatcher::new(phrases.iter().map(|c| (c.as_str(), 0)));
        let noun_classes: Vec<String> = file.nouns.keys().cloned().collect();
        let mut nouns = PhraseMatcher::new(
            file.nouns
                .values()
                .enumerate()
                .flat_map(|(i, words)| words.iter().map(move |w| (w.as_str(), i))),
        );
        let mut actions: Vec<Action> = file
            .actions
            .iter()
            .map(|(name, spec)| Action {
                name: name.clone(),
                is_default: spec.default,
                cues: listed(&spec.cues),
                loss_cues: listed(&spec.loss_cues),
            })
            .collect();
        let object_names: Vec<String> = file.objects.keys().cloned().collect();
        let mut objects = PhraseMatcher::new(
            file.objects
                .values()
                .enumerate()
                .flat_map(|(i, words)| words.iter().map(move |w| (w.as_str(), i))),
        );
        let actors: Vec<Actor> = file
            .actors
            .iter()
            .map(|a| Actor {
                name: a.name.clone(),
                opponent: a.opponent.clone(),
            })
            .collect();
        let mut actor_names = PhraseMatcher::new(
            file.actors
                .iter()
                .enumerate()
                .flat_map(|(i, a)| a.aliases.iter().map(move |w| (w.as_str(), i))),
        );
        let mut weapon_owners = PhraseMatcher::new(
            file.actors
                .iter()
                .enumerate()
                .flat_map(|(i, a)| a.weapons.iter().map(move |w| (w.as_str(), i))),
        );
        let voices = PhraseMatcher::new(
            file.actors
                .iter()
                .enumerate()
                .flat_map(|(i, a)| a.voices.iter().map(move |w| (w.as_str(), i))),
        );
        let unnamed_voice = file.actors.iter().position(|a| a.speaks_when_unnamed);
        let regions: Vec<String> = file.regions.iter().map(|r| r.name.clone()).collect();
        let region_has_city_of_the_name = file.regions.iter().map(|r| r.city_of_the_name).collect();
        let region_held_by = file.regions.iter().map(|r| r.held_by.clone()).collect();
        // ("Kursk obl.": every "… oblast" also goes by its shorthand.)
        let shorthand_oblasts: Vec<(String, usize)> = file
            .regions
            .iter()
            .enumerate()
            .flat_map(|(i, r)| {
                r.aliases.iter().filter_map(move |alias| {
                    Some((format!("{} obl", alias.strip_suffix(" oblast")?), i))
                })
            })
            .collect();
        let mut region_names = PhraseMatcher::new(
            file.regions
                .iter()
                .enumerate()
                .flat_map(|(i, r)| r.aliases.iter().map(move |w| (w.as_str(), i)))
                .chain(shorthand_oblasts.iter().map(|(w, i)| (w.as_str(), *i))),
        );
        let mut town_names = PhraseMatcher::new(
            file.regions
                .iter()
                .enumerate()
                .flat_map(|(i, r)| r.towns.iter().map(move |w| (w.as_str(), i))),
        );
        let unit_names = PhraseMatcher::new(
            file.units
                .iter()
                .enumerate()
                .flat_map(|(i, u)| u.aliases.iter().map(move |w| (w.as_str(), i))),
        );
        let exclusions = file.exclusions.clone().unwrap_or_default();
        let mut trigger_words: Vec<&str> = vec![
            "%",
            "percent",
            "per cent",
            "pct",
            "percentage point",
            "percentage points",
        ];
        trigger_words.extend(
            file.units
                .iter()
                .filter(|u| u.dimension == "area")
                .flat_map(|u| u.aliases.iter().map(String::as_str)),
        );
        trigger_words.extend(file.nouns.values().flatten().map(String::as_str));
        // Every action of a count metric: "it launched 5,480" names its
        // weapons in the sentence before.
        trigger_words.extend(
            file.actions
                .iter()
                .filter(|(name, action)| {
                    !action.default
                        || file
                            .metrics
                            .iter()
                            .any(|m| m.measure == Measure::Count && &m.action == *name)
                })
                .flat_map(|(_, a)| a.cues.iter().map(String::as_str)),
        );
        let triggers = PhraseMatcher::new(trigger_words.into_iter().map(|w| (w, 0)));
        // (Hits of the words for counts only carry 1.)
        let mut exclusions_before = PhraseMatcher::new(
            exclusions
                .before
                .iter()
                .map(|phrase| (phrase.as_str(), 0))
                .chain(
                    exclusions
                        .before_counts
                        .iter()
                        .map(|phrase| (phrase.as_str(), 1)),
                ),
        );
        let mut exclusions_after = listed(&exclusions.after);
        let mut asides = listed(&exclusions.asides);
        let mut other_sides = listed(&exclusions.other_sides);
        let mut verdicts = listed(&exclusions.verdicts);
        let mut negations = listed(&exclusions.negations);
        let mut land_states = listed(&exclusions.land_states);
        // (Asked only of the few facts a document gives, not of every
        // sentence.)
        let compact =
            |list: &[String]| PhraseMatcher::compact(list.iter().map(|w| (w.as_str(), 0)));
        let preliminary = compact(&exclusions.preliminary);
        let revisions = compact(&exclusions.revisions);
        let targets = compact(&exclusions.targets);
        let links = compact(&exclusions.links);
        let war_began = exclusions
            .war_began
            .as_deref()
            .map(|day| {
                NaiveDate::parse_from_str(day, "%Y-%m-%d").map_err(|_| {
                    LexiconError::Invalid(format!(
                        "war_began must be a date written YYYY-MM-DD, not {day:?}"
                    ))
                })
            })
            .transpose()?;
        // One index over every list searched in a sentence that holds a
        // figure (not the triggers, which pick those sentences, nor the
        // units, which are only matched at a position).
        let mut sentence_lists: Vec<&mut PhraseMatcher> = vec![
            &mut nouns,
            &mut objects,
            &mut actor_names,
            &mut weapon_owners,
            &mut region_names,
            &mut town_names,
            &mut exclusions_before,
            &mut exclusions_after,
            &mut asides,
            &mut other_sides,
            &mut verdicts,
            &mut negations,
            &mut land_states,
        ];
        for action in &mut actions {
            sentence_lists.push(&mut action.cues);
            sentence_lists.push(&mut action.loss_cues);
        }
        let phrase_index = Arc::new(PhraseIndex::new(&mut sentence_lists));
        Ok(Lexicon {
            metrics: file
                .metrics
                .iter()
                .map(|spec| Metric { spec: spec.clone() })
                .collect(),
            noun_classes,
            nouns,
            actions,
            object_names,
            objects,
            actors,
            actor_names,
            weapon_owners,
            voices,
            unnamed_voice,
            regions,
            region_has_city_of_the_name,
            region_held_by,
            region_names,
            town_names,
            units: file.units,
            unit_names,
            exclusions_before,
            exclusions_after,
            asides,
            other_sides,
            verdicts,
            negations,
            land_states,
            preliminary,
            revisions,
            targets,
            links,
            war_began,
            triggers,
            phrase_index,
        })
    }

    /// Finds every phrase of the lexicon's lists in `sentence` in one pass:
    /// while the scan lives, their searches in `sentence` (or slices of it)
    /// on this thread cost next to nothing. See [`crate::phrases`].
    pub fn scan_sentence<'s>(&self, sentence: &'s str) -> SentenceScan<'s> {
        self.phrase_index.scan(sentence)
    }

    /// The unit written at the start of `rest` (after optional whitespace):
    /// "km²", "square kilometres", "sq mi", "hectares", "kilometers" …
    pub fn match_unit(&self, rest: &str) -> Option<UnitMatch> {
        let trimmed = rest.trim_start_matches([' ', '\u{a0}', '\u{202f}', '\u{2009}', '-']);
        let skipped = rest.len() - trimmed.len();
        if skipped > 3 {
            return None;
        }
        let hit = self.unit_names.match_prefix(trimmed)?;
        let unit = &self.units[hit.payload];
        // "m" and "mi" alone are too ambiguous inside words like "m." at a
        // sentence end only when a letter follows; the boundary check covers it.
        Some(UnitMatch {
            len: skipped + hit.end,
            name: unit.name.clone(),
            dimension: unit.dimension.clone(),
            factor: unit.factor,
        })
    }

    /// The actor called `name`.
    /// The side that holds the region called `name` (or every region of a
    /// joined name, "Kursk + Belgorod"), if one side holds it all.
    pub fn held_by(&self, name: &str) -> Option<&str> {
        let mut sides = name.split(" + ").map(|part| {
            let index = self.regions.iter().position(|r| r == part)?;
            self.region_held_by[index].as_deref()
        });
        let first = sides.next()??;
        sides.all(|side| side == Some(first)).then_some(first)
    }

    pub fn actor(&self, name: &str) -> Option<&Actor> {
        self.actors.iter().find(|a| a.name == name)
    }

    /// The action called `name`.
    pub fn action(&self, name: &str) -> Option<&Action> {
        self.actions.iter().find(|a| a.name == name)
    }

    /// The metric called `name`.
    pub fn metric(&self, name: &str) -> Option<&MetricSpec> {
        self.metrics
            .iter()
            .map(|m| &m.spec)
            .find(|m| m.name == name)
    }

    /// The metric for a measure, action and (for counts) noun class or (for
    /// percentages) object, if the lexicon has one.
    pub fn metric_for(
        &self,
        measure: Measure,
        action: &str,
        noun_class: Option<&str>,
        object: Option<&str>,
    ) -> Option<&MetricSpec> {
        self.metrics.iter().map(|m| &m.spec).find(|m| {
            m.measure == measure
                && m.action == action
                && (measure != Measure::Count || m.nouns.as_deref() == noun_class)
                && (measure != Measure::Percent || m.object.as_deref() == object)
        })
    }

    /// The noun class counting both `first` and `second` together, named
    /// after them ("drones_and_missiles" for drones and missiles), if the
    /// lexicon has one.
    pub fn combined_class(&self, first: usize, second: usize) -> Option<usize> {
        let (first, second) = (&self.noun_classes[first], &self.noun_classes[second]);
        self.noun_classes.iter().position(|class| {
            *class == format!("{first}_and_{second}") || *class == format!("{second}_and_{first}")
        })
    }

    /// The default action (one a figure takes with no cue) that has a
    /// metric for `measure` and (for counts) `noun_class`.
    pub fn default_action(&self, measure: Measure, noun_class: Option<&str>) -> Option<&str> {
        self.actions
            .iter()
            .find(|a| {
                a.is_default
                    && self
                        .metric_for(measure, &a.name, noun_class, None)
                        .is_some()
            })
            .map(|a| a.name.as_str())
    }
}

fn validate(file: &LexiconFile) -> Result<(), LexiconError> {
    let invalid = |message: String| Err(LexiconError::Invalid(message));
    if file.metrics.is_empty() {
        return invalid("it defines no metrics (add at least one [[metrics]] entry)".into());
    }
    for metric in &file.metrics {
        if metric.name.trim().is_empty() {
            return invalid("a metric has an empty name".into());
        }
        if !file.actions.contains_key(&metric.action) {
            return invalid(format!(
                "metric `{}` uses action `{}`, which has no [actions.{}] table",
                metric.name, metric.action, metric.action
            ));
        }
        match metric.measure {
            Measure::Count => match &metric.nouns {
                None => {
                    return invalid(format!(
                        "count metric `{}` needs `nouns = \"CLASS\"` naming a list in [nouns]",
                        metric.name
                    ))
                }
                Some(class) if !file.nouns.contains_key(class) => {
                    return invalid(format!(
                        "metric `{}` uses noun class `{class}`, which [nouns] does not define",
                        metric.name
                    ))
                }
                Some(_) => {}
            },
            Measure::Percent => {
                if let Some(object) = &metric.object {
                    if !file.objects.contains_key(object) {
                        return invalid(format!(
                            "metric `{}` uses object `{object}`, which [objects] does not define",
                            metric.name
                        ));
                    }
                }
            }
            Measure::Area => {}
        }
    }
    for unit in &file.units {
        if !(unit.factor.is_finite() && unit.factor > 0.0) {
            return invalid(format!(
                "unit `{}` has factor {}; it must be a positive number",
                unit.name, unit.factor
            ));
        }
        if unit.aliases.iter().all(|a| a.trim().is_empty()) {
            return invalid(format!("unit `{}` has no aliases", unit.name));
        }
    }
    let no_actor = |name: &&String| !file.actors.iter().any(|a| &a.name == *name);
    for region in &file.regions {
        if let Some(side) = region.held_by.as_ref().filter(no_actor) {
            return invalid(format!(
                "region `{}` is held by `{side}`, which is not an actor",
                region.name
            ));
        }
    }
    for actor in &file.actors {
        if let Some(opponent) = actor.opponent.as_ref().filter(no_actor) {
            return invalid(format!(
                "actor `{}` has opponent `{opponent}`, which is not an actor",
                actor.name
            ));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_lexicon_compiles_with_required_metrics() {
        let lexicon = Lexicon::default_lexicon();
        for name in [
            "territory_gained",
            "territory_controlled_pct",
            "drones_launched",
            "missiles_launched",
            "drones_and_missiles_launched",
            "glide_bombs_launched",
            "drones_downed",
            "missiles_downed",
        ] {
            assert!(lexicon.metric(name).is_some(), "missing {name}");
        }
    }

    #[test]
    fn units_match_at_the_start_only() {
        let lexicon = Lexicon::default_lexicon();
        let cases = [
            (" km² in", Some(("km2", 4 + 1))),
            (" square miles)", Some(("mi2", 13))),
            ("km2", Some(("km2", 3))),
            (" sq km of", Some(("km2", 6))),
            (" hectares", Some(("ha", 9))),
            (" kilometres from", Some(("km", 11))),
            (" kmh", None),
            (" drones", None),
            (" metres", Some(("m", 7))),
            (" miles", Some(("mi", 6))),
        ];
        for (text, expected) in cases {
            let got = lexicon.match_unit(text).map(|u| (u.name, u.len));
            let expected = expected.map(|(n, l)| (n.to_string(), l));
            assert_eq!(got, expected, "{text:?}");
        }
    }

    #[test]
    fn phrases_match_whole_words_only() {
        let lexicon = Lexicon::default_lexicon();
        let hits = lexicon
            .actor_names
            .find_all("Russian forces moved; Prussia did not. Kyiv said.");
        let names: Vec<&str> = hits
            .iter()
            .map(|h| lexicon.actors[h.payload].name.as_str())
            .collect();
        assert_eq!(names, ["Russia", "Ukraine"]);
    }

    #[test]
    fn a_phrase_ending_inside_a_word_hides_no_other_phrase() {
        let matcher =
            PhraseMatcher::new([("now hold", 0), ("holds", 1), ("drone", 2), ("drones", 3)]);
        let text = "Russia now holds land; dronesX and drones.";
        let found: Vec<(&str, usize)> = matcher
            .find_all(text)
            .iter()
            .map(|h| (&text[h.start..h.end], h.payload))
            .collect();
        assert_eq!(found, [("holds", 1), ("drones", 3)]);
    }

    #[test]
    fn user_file_extends_or_replaces() {
        let extension = r#"
            [[metrics]]
            name = "tanks_destroyed"
            measure = "count"
            nouns = "tanks"
            action = "down"
            [nouns]
            tanks = ["tanks", "tank"]
        "#;
        let lexicon = Lexicon::with_user_toml(extension).unwrap();
        assert!(lexicon
            .metrics
            .iter()
            .any(|m| m.spec.name == "tanks_destroyed"));
        assert!(lexicon
            .metrics
            .iter()
            .any(|m| m.spec.name == "drones_launched"));

        let replacement =
            format!("replace = true\n{extension}\n[actions.down]\ncues = [\"destroyed\"]");
        let lexicon = Lexicon::with_user_toml(&replacement).unwrap();
        assert_eq!(lexicon.metrics.len(), 1);
    }

    #[test]
    fn invalid_lexicons_say_what_is_wrong() {
        let cases = [
            ("metrics = 3", "not valid TOML"),
            (
                "replace = true\n[[metrics]]\nname = \"x\"\nmeasure = \"count\"\naction = \"launch\"",
                "no [actions.launch] table",
            ),
            (
                "[[metrics]]\nname = \"x\"\nmeasure = \"count\"\naction = \"launch\"\nnouns = \"tanks\"",
                "noun class `tanks`",
            ),
            ("[[metrics]]\nname = \"x\"\nmeasure = \"volume\"\naction = \"launch\"", "not valid TOML"),
            ("[[units]]\nname = \"x\"\ndimension = \"area\"\nfactor = -1\naliases = [\"x\"]", "positive"),
            ("bogus = 1", "not valid TOML"),
            ("[exclusions]\nwar_began = \"Feb 2014\"", "war_began must be a date"),
            (
                "[[regions]]\nname = \"Kursk\"\naliases = [\"kursk\"]\nheld_by = \"Rusia\"",
                "held by `Rusia`, which is not an actor",
            ),
        ];
        for (text, expected) in cases {
            let error = Lexicon::with_user_toml(text).unwrap_err().to_string();
            assert!(error.contains(expected), "{text:?}: {error}");
        }
    }
}
