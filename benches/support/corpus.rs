//! A deterministic generator of news-like war reports, shared by
//! `examples/gen_corpus.rs` and `benches/ingest.rs` (included with `#[path]`).
//!
//! Articles mix sentences the extractor should read (territory in km², square
//! miles and hectares, drones and missiles launched and shot down, share of
//! Ukraine held, by region and period) with distractor numbers (casualties,
//! money, years, durations, lengths, designations like S-300) and prose, at
//! one of two [`Density`] levels: the density of real wire copy, or a dense
//! stress mix. A few articles are syndicated copies
//! (same text, new URL) and a few are updated versions (same URL, new text),
//! so deduplication and versioning get exercised too.

#![allow(dead_code)]

use std::fs::{self, File};
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use chrono::{Datelike, Duration, NaiveDate};

/// SplitMix64: tiny, fast, and the same sequence on every platform.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed ^ 0x9E37_79B9_7F4A_7C15)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `low..=high`.
    pub fn range(&mut self, low: u64, high: u64) -> u64 {
        low + self.next_u64() % (high - low + 1)
    }

    pub fn chance(&mut self, percent: u64) -> bool {
        self.range(1, 100) <= percent
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.range(0, items.len() as u64 - 1) as usize]
    }
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

const REGIONS: &[&str] = &[
    "Donetsk",
    "Luhansk",
    "Zaporizhzhia",
    "Kharkiv",
    "Dnipropetrovsk",
    "Kherson",
    "Sumy",
    "Chernihiv",
];

const TOWNS: &[&str] = &[
    "Pokrovsk",
    "Kostiantynivka",
    "Huliaipole",
    "Kupiansk",
    "Siversk",
    "Myrnohrad",
    "Vovchansk",
    "Lyman",
    "Orikhiv",
    "Chasiv Yar",
    "Toretsk",
    "Kurakhove",
];

const OUTLETS: &[&str] = &[
    "kyivwire.example",
    "frontdesk.example",
    "eastnews.example",
    "dispatch.example",
    "ledger.example",
];

const ANALYSTS: &[&str] = &[
    "the Institute for the Study of War",
    "the DeepState monitoring group",
    "open-source analysts",
    "Ukraine's General Staff",
    "a Reuters analysis of mapping data",
];

const DESIGNATIONS: &[&str] = &[
    "S-300",
    "S-400",
    "Su-34",
    "Tu-95",
    "Kh-101",
    "Iskander-M",
    "Patriot PAC-3",
    "Shahed-136",
    "Geran-2",
    "F-16",
    "HIMARS M142",
    "T-72B3",
];

const FILLER: &[&str] = &[
    "Officials in Kyiv urged allies to speed up deliveries of air defence systems.",
    "The Kremlin did not respond to a request for comment.",
    "Fighting remained heaviest along the eastern front, commanders said.",
    "Residents described nights of explosions and long power cuts.",
    "The claims could not be independently verified.",
    "Both sides have accused each other of targeting energy infrastructure.",
    "Diplomatic efforts to arrange talks have so far stalled.",
    "Military bloggers on both sides reported intense artillery duels.",
    "European ministers are due to meet next week to discuss further support.",
    "Analysts cautioned that the pace of advances varies sharply from week to week.",
    "Repair crews worked through the night to restore heating in several districts.",
    "The defence ministry said rotations of frontline units were under way.",
    "Russia launched another wave of drones at the capital overnight, the mayor said.",
    "Ukraine's air force said most of the missiles were intercepted over the central regions.",
    "Russian troops continued to push towards Pokrovsk, according to the Institute for the Study of War.",
    "The pace of Russian territorial gains has slowed since the summer, analysts said.",
    "Moscow says its forces have captured several villages in the Donetsk region this week.",
    "Kyiv has asked its partners for more interceptor missiles ahead of the winter.",
    "The Kremlin described the strikes as retaliation for attacks on Russian territory.",
    "Shahed drones have become the backbone of Russia's long-range strike campaign.",
    "Ukrainian officials said the front line in the Zaporizhzhia region was stable.",
    "Volunteers delivered generators and warm clothing to villages near the front.",
    "The talks in Geneva ended without an agreement on a ceasefire.",
    "Farmers in the south said they had lost much of the harvest to shelling.",
    "Schools in the city moved classes underground after repeated air raid alerts.",
    "A spokesperson for the general staff declined to give details of the operation.",
    "The governor urged residents to stay in shelters until the all-clear.",
    "Independent monitors said they were unable to reach the area to confirm the reports.",
    "Prices for electricity and heating have risen sharply since the attacks on the grid began.",
    "Military analysts say the coming weeks will be decisive for the defence of the city.",
    "Western officials said sanctions were starting to weigh on Russia's arms industry.",
    "Rescue workers pulled survivors from the rubble of a residential building.",
];

/// One generated article.
#[derive(Debug, Clone)]
pub struct Article {
    pub id: String,
    pub date: NaiveDate,
    pub url: String,
    pub title: String,
    pub text: String,
}

/// How often sentences carry numbers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Density {
    /// Calibrated on real wire copy: the seed article in `shared/seeds` has a
    /// digit in 2 of its 28 sentences and a unit or weapon word in 3. Here 6%
    /// of sentences state a figure of interest and 10% hold distractor
    /// numbers (16% with digits: twice the seed's share); the rest is prose,
    /// some of it naming weapons and regions without a figure.
    Realistic,
    /// A stress mix for the parser: 22% figures and 33% distractors, so more
    /// than half the sentences hold numbers.
    Dense,
}

impl Density {
    /// Percent of sentences that state a figure, and that hold a distractor.
    fn mix(self) -> (u64, u64) {
        match self {
            Density::Realistic => (6, 10),
            Density::Dense => (22, 33),
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Density::Realistic => "realistic",
            Density::Dense => "dense",
        }
    }
}

/// Yields an endless, seeded stream of articles.
pub struct ArticleGenerator {
    rng: Rng,
    density: Density,
    serial: u64,
    /// Recent articles, for syndicated copies and updated versions.
    recent: Vec<Article>,
}

impl ArticleGenerator {
    pub fn new(seed: u64, density: Density) -> ArticleGenerator {
        ArticleGenerator {
            rng: Rng::new(seed),
            density,
            serial: 0,
            recent: Vec::new(),
        }
    }

    fn fresh_article(&mut self) -> Article {
        self.serial += 1;
        let rng = &mut self.rng;
        let start = NaiveDate::from_ymd_opt(2023, 1, 1).expect("valid date");
        let date = start + Duration::days(rng.range(0, 3 * 365 - 1) as i64);
        let outlet = *rng.pick(OUTLETS);
        let id = format!("gen-{:07}", self.serial);
        let url = format!(
            "https://{outlet}/{}/{:02}/{:02}/{id}",
            date.year(),
            date.month(),
            date.day()
        );
        let title = headline(rng, date);
        let paragraphs = rng.range(5, 10);
        let (figures, distractors) = self.density.mix();
        let mut text = String::with_capacity(4096);
        text.push_str(&title);
        text.push_str("\n\n");
        for _ in 0..paragraphs {
            let sentences = rng.range(3, 6);
            for s in 0..sentences {
                if s > 0 {
                    text.push(' ');
                }
                let kind = rng.range(1, 100);
                let sentence = if kind <= figures {
                    fact_sentence(rng, date)
                } else if kind <= figures + distractors {
                    distractor_sentence(rng, date)
                } else {
                    rng.pick(FILLER).to_string()
                };
                text.push_str(&sentence);
            }
            text.push_str("\n\n");
        }
        Article {
            id,
            date,
            url,
            title,
            text,
        }
    }
}

impl Iterator for ArticleGenerator {
    type Item = Article;

    fn next(&mut self) -> Option<Article> {
        let roll = self.rng.range(1, 100);
        let article = if roll <= 2 && !self.recent.is_empty() {
            // A syndicated copy: same text under another outlet's URL.
            self.serial += 1;
            let original = self.rng.pick(&self.recent).clone();
            let id = format!("gen-{:07}", self.serial);
            Article {
                url: format!("https://syndicate.example/{id}"),
                id,
                ..original
            }
        } else if roll <= 3 && !self.recent.is_empty() {
            // An updated version: same URL and id, a correction appended.
            let mut updated = self.rng.pick(&self.recent).clone();
            let figure = self.rng.range(100, 900);
            updated.text.push_str(&format!(
                "Update: this article was corrected; an earlier version gave {figure} casualties.\n"
            ));
            updated
        } else {
            self.fresh_article()
        };
        if self.recent.len() < 64 {
            self.recent.push(article.clone());
        } else {
            let slot = self.rng.range(0, 63) as usize;
            self.recent[slot] = article.clone();
        }
        Some(article)
    }
}

fn month_name(month: u32) -> &'static str {
    MONTHS[(month as usize + 11) % 12]
}

fn previous_month(date: NaiveDate) -> (i32, u32) {
    if date.month() == 1 {
        (date.year() - 1, 12)
    } else {
        (date.year(), date.month() - 1)
    }
}

fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// `21st`, `112th`, `103rd`.
fn ordinal(n: u64) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

fn headline(rng: &mut Rng, date: NaiveDate) -> String {
    let (_, month) = previous_month(date);
    match rng.range(0, 4) {
        0 => format!(
            "Russian advances slow in {}, analysts say",
            month_name(month)
        ),
        1 => format!(
            "Overnight attack: air defences busy over {}",
            rng.pick(REGIONS)
        ),
        2 => format!("Battle for {} enters new phase", rng.pick(TOWNS)),
        3 => "Energy grid under strain after massed strikes".to_string(),
        _ => format!("War in numbers: {} {}", month_name(month), date.year()),
    }
}

fn fact_sentence(rng: &mut Rng, date: NaiveDate) -> String {
    let (year, month) = previous_month(date);
    let month = month_name(month);
    let region = rng.pick(REGIONS);
    let analyst = rng.pick(ANALYSTS);
    match rng.range(0, 9) {
        0 => format!(
            "In {month}, Russian forces captured {} square kilometres of Ukrainian territory, according to {analyst}.",
            rng.range(150, 750)
        ),
        1 => format!(
            "Russia gained about {} km² in {month} {year}, up from {} km² a month earlier.",
            rng.range(200, 700),
            rng.range(150, 650)
        ),
        2 => {
            let drones = rng.range(40, 810);
            let missiles = rng.range(0, 60);
            let down = drones * rng.range(70, 95) / 100;
            format!(
                "Ukraine's air force said Russia launched {drones} drones and {missiles} missiles overnight, of which {down} were shot down or suppressed."
            )
        }
        3 => format!(
            "Over the past week, Russian troops advanced {} square miles in the {region} region.",
            rng.range(5, 80)
        ),
        4 => format!(
            "Russia now controls about {}.{}% of Ukraine's territory, {analyst} estimated.",
            rng.range(18, 20),
            rng.range(0, 9)
        ),
        5 => format!(
            "In {month}, Russia launched {} Shahed-type drones at Ukraine, a {}% increase on the previous month.",
            thousands(rng.range(2_500, 6_500)),
            rng.range(2, 40)
        ),
        6 => format!(
            "Ukrainian forces retook {} hectares near {} in {region} Oblast last week.",
            rng.range(50, 900),
            rng.pick(TOWNS)
        ),
        7 => format!(
            "Since the start of the year, Russia has seized more than {} square kilometres, {analyst} said.",
            thousands(rng.range(1_500, 4_800))
        ),
        8 => format!(
            "Air defences shot down {} of {} missiles launched at Kyiv on {} {month}.",
            rng.range(5, 30),
            rng.range(31, 45),
            rng.range(1, 28)
        ),
        _ => format!(
            "In {month} Russian forces gained roughly {}-{} square kilometres in {region} Oblast alone.",
            rng.range(100, 200),
            rng.range(201, 300)
        ),
    }
}

fn distractor_sentence(rng: &mut Rng, date: NaiveDate) -> String {
    let town = rng.pick(TOWNS);
    let designation = rng.pick(DESIGNATIONS);
    match rng.range(0, 9) {
        0 => format!(
            "At least {} civilians were killed and {} injured in the strike on {town}.",
            rng.range(2, 40),
            rng.range(5, 120)
        ),
        1 => format!(
            "The European Union approved a €{}.{} billion aid package on {} {}.",
            rng.range(1, 90),
            rng.range(1, 9),
            rng.range(1, 28),
            month_name(date.month())
        ),
        2 => format!(
            "The {designation}, first deployed in {}, was reportedly used in the attack.",
            rng.range(1975, 2021)
        ),
        3 => format!(
            "The offensive near {town}, which began in {}, has now lasted more than {} months.",
            rng.range(2014, date.year() as u64),
            rng.range(3, 30)
        ),
        4 => format!(
            "The front line stretches for roughly {} kilometres from Kharkiv to Kherson.",
            thousands(rng.range(1_000, 1_300))
        ),
        5 => format!(
            "About {} people were evacuated from {town}, whose pre-war population was {}.",
            thousands(rng.range(100, 9_000)),
            thousands(rng.range(10_000, 120_000))
        ),
        6 => format!(
            "Soldiers of the {} Brigade held positions for {} hours under fire.",
            ordinal(rng.range(20, 160)),
            rng.range(12, 96)
        ),
        7 => format!(
            "Kyiv said it needs ${} million a month to keep the grid running through the winter of {}.",
            rng.range(100, 900),
            date.year()
        ),
        8 => format!(
            "Power was cut to {} households in {} Oblast, the grid operator said at {}:{:02}.",
            thousands(rng.range(10_000, 500_000)),
            rng.pick(REGIONS),
            rng.range(6, 23),
            rng.range(0, 59)
        ),
        _ => format!(
            "A {designation} battery costs around ${} million, {} times the price of a drone.",
            rng.range(50, 1_100),
            rng.range(100, 10_000)
        ),
    }
}

/// How to lay the corpus out on disk.
#[derive(Debug, Clone, Copy)]
pub struct CorpusOptions {
    /// Stop once this many bytes of text are written.
    pub bytes: u64,
    pub seed: u64,
    /// One JSONL file per ~32 MB instead of one `.txt` file per article.
    pub jsonl: bool,
    pub density: Density,
}

/// What [`write_corpus`] wrote.
#[derive(Debug, Clone, Copy, Default)]
pub struct CorpusSummary {
    pub documents: u64,
    pub files: u64,
    /// Bytes written to disk (JSON escaping included).
    pub bytes: u64,
}

const JSONL_FILE_BYTES: u64 = 32 << 20;

/// Writes a corpus into `out` (created if needed).
pub fn write_corpus(out: &Path, options: CorpusOptions) -> io::Result<CorpusSummary> {
    fs::create_dir_all(out)?;
    let mut summary = CorpusSummary::default();
    let mut articles = ArticleGenerator::new(options.seed, options.density);
    let mut jsonl: Option<(BufWriter<File>, u64)> = None;
    while summary.bytes < options.bytes {
        let article = articles.next().expect("the generator never ends");
        summary.documents += 1;
        if options.jsonl {
            if jsonl
                .as_ref()
                .is_none_or(|(_, size)| *size >= JSONL_FILE_BYTES)
            {
                if let Some((mut file, _)) = jsonl.take() {
                    file.flush()?;
                }
                let path = out.join(format!("corpus-{:04}.jsonl", summary.files));
                jsonl = Some((BufWriter::new(File::create(path)?), 0));
                summary.files += 1;
            }
            let line = serde_json::json!({
                "id": article.id,
                "date": article.date.to_string(),
                "url": article.url,
                "title": article.title,
                "text": article.text,
            })
            .to_string();
            if let Some((file, size)) = jsonl.as_mut() {
                file.write_all(line.as_bytes())?;
                file.write_all(b"\n")?;
                *size += line.len() as u64 + 1;
            }
            summary.bytes += line.len() as u64 + 1;
        } else {
            let path = text_path(out, &article, summary.documents);
            if let Some(parent) = path.parent() {
                fs::create_dir_all(parent)?;
            }
            let body = format!(
                "Published: {} {} {}\n\n{}",
                article.date.day(),
                month_name(article.date.month()),
                article.date.year(),
                article.text
            );
            fs::write(&path, &body)?;
            summary.files += 1;
            summary.bytes += body.len() as u64;
        }
    }
    if let Some((mut file, _)) = jsonl {
        file.flush()?;
    }
    Ok(summary)
}

/// One file per generated document: copies and updated versions get files
/// of their own.
fn text_path(out: &Path, article: &Article, serial: u64) -> PathBuf {
    out.join(format!("{}", article.date.year()))
        .join(format!("{:02}", article.date.month()))
        .join(format!("article-{serial:07}.txt"))
}
