//! The tagger's word lists: month, weekday, number, unit and reference words from `assets/temporal-*.txt`.

use super::grammar;
use crate::assets::Assets;
use crate::fasthash::short_key;

type HashMap<K, V> = crate::fasthash::FastMap<K, V>;

/// What one word can mean inside a time expression.
#[derive(Clone, Debug, PartialEq)]
pub enum Word {
    Month(u32),
    Weekday(u32),
    /// A cardinal; `None` for vague quantities ("several", "a few").
    Number(Option<f64>),
    Ordinal(u32),
    Unit(Unit),
    Season(&'static str),
    /// Part of day: "MO", or a clock value "T12:00" for noon and midnight.
    PartOfDay(String),
    Ref(&'static str),
    /// A frequency adverb with its period ("P1D").
    Set(String),
    /// A spelled decade of the 1900s ("nineties" → 9).
    Decade(i32),
}

impl Word {
    pub const MONTH: u16 = 1;
    pub const WEEKDAY: u16 = 1 << 1;
    pub const NUMBER: u16 = 1 << 2;
    pub const ORDINAL: u16 = 1 << 3;
    pub const UNIT: u16 = 1 << 4;
    pub const SEASON: u16 = 1 << 5;
    pub const POD: u16 = 1 << 6;
    pub const REF: u16 = 1 << 7;
    pub const SET: u16 = 1 << 8;
    pub const DECADE: u16 = 1 << 9;

    /// This reading's bit in `Entry::kinds`.
    pub fn bit(&self) -> u16 {
        match self {
            Word::Month(_) => Word::MONTH,
            Word::Weekday(_) => Word::WEEKDAY,
            Word::Number(_) => Word::NUMBER,
            Word::Ordinal(_) => Word::ORDINAL,
            Word::Unit(_) => Word::UNIT,
            Word::Season(_) => Word::SEASON,
            Word::PartOfDay(_) => Word::POD,
            Word::Ref(_) => Word::REF,
            Word::Set(_) => Word::SET,
            Word::Decade(_) => Word::DECADE,
        }
    }
}

/// Everything the lexicon knows about one word, looked up once per token by the tagger.
#[derive(Clone, Debug, Default)]
pub struct Entry {
    pub words: Vec<Word>,
    /// Which readings `words` holds, one bit per kind (`Word::bit`).
    pub kinds: u16,
    /// The grammar's rules that can start at this word, one bit each (`grammar::STARTS`).
    pub rules: u32,
    /// An expression can start here: some rule, or a lead of `parse_at` (`Lexicon::may_start`).
    pub starter: bool,
    /// `parse_at` reads the word before a rule's start ("the", "early", "around").
    pub lead: bool,
    pub holiday_start: bool,
    /// The lists of `assets/` the word is on, one bit each (`List`).
    pub lists: u32,
}

/// The readings of one word, with typed accessors.
#[derive(Clone, Copy, Debug)]
pub struct Words<'a>(pub &'a [Word]);

impl<'a> Words<'a> {
    pub fn month(self) -> Option<u32> {
        self.0.iter().find_map(|e| match e {
            Word::Month(m) => Some(*m),
            _ => None,
        })
    }

    pub fn weekday(self) -> Option<u32> {
        self.0.iter().find_map(|e| match e {
            Word::Weekday(d) => Some(*d),
            _ => None,
        })
    }

    /// `Some(None)` for a vague quantity.
    pub fn number(self) -> Option<Option<f64>> {
        self.0.iter().find_map(|e| match e {
            Word::Number(n) => Some(*n),
            _ => None,
        })
    }

    pub fn ordinal(self) -> Option<u32> {
        self.0.iter().find_map(|e| match e {
            Word::Ordinal(n) => Some(*n),
            _ => None,
        })
    }

    pub fn unit(self) -> Option<Unit> {
        self.0.iter().find_map(|e| match e {
            Word::Unit(u) => Some(*u),
            _ => None,
        })
    }

    pub fn season(self) -> Option<&'static str> {
        self.0.iter().find_map(|e| match e {
            Word::Season(s) => Some(*s),
            _ => None,
        })
    }

    pub fn part_of_day(self) -> Option<&'a str> {
        self.0.iter().find_map(|e| match e {
            Word::PartOfDay(s) => Some(s.as_str()),
            _ => None,
        })
    }

    pub fn reference(self) -> Option<&'static str> {
        self.0.iter().find_map(|e| match e {
            Word::Ref(s) => Some(*s),
            _ => None,
        })
    }

    pub fn set(self) -> Option<&'a str> {
        self.0.iter().find_map(|e| match e {
            Word::Set(s) => Some(s.as_str()),
            _ => None,
        })
    }

    pub fn decade(self) -> Option<i32> {
        self.0.iter().find_map(|e| match e {
            Word::Decade(d) => Some(*d),
            _ => None,
        })
    }
}

/// When a named holiday falls in a given year.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Holiday {
    Fixed(u32, u32),
    /// Month, weekday (1 = Monday), nth (-1 = last).
    Nth(u32, u32, i32),
    /// Days after Easter Sunday.
    Easter(i64),
    /// The Tuesday after the first Monday of November.
    Election,
}

impl Holiday {
    fn parse(s: &str) -> Option<Holiday> {
        if s == "election" {
            return Some(Holiday::Election);
        }
        if let Some(off) = s.strip_prefix("easter") {
            return Some(Holiday::Easter(if off.is_empty() {
                0
            } else {
                off.parse().ok()?
            }));
        }
        let mut parts = s.splitn(3, '-');
        let m = parts.next()?.parse().ok()?;
        let a = parts.next()?.parse().ok()?;
        match parts.next() {
            None => Some(Holiday::Fixed(m, a)),
            Some(n) => Some(Holiday::Nth(m, a, n.parse().ok()?)),
        }
    }
}

/// A calendar or clock unit.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Unit {
    Second,
    Minute,
    Hour,
    Day,
    Weekend,
    Week,
    Fortnight,
    Month,
    Quarter,
    Year,
    Decade,
    Century,
}

impl Unit {
    fn parse(s: &str) -> Option<Unit> {
        Some(match s {
            "TS" => Unit::Second,
            "TM" => Unit::Minute,
            "TH" => Unit::Hour,
            "D" => Unit::Day,
            "WE" => Unit::Weekend,
            "W" => Unit::Week,
            "2W" => Unit::Fortnight,
            "M" => Unit::Month,
            "Q" => Unit::Quarter,
            "Y" => Unit::Year,
            "DE" => Unit::Decade,
            "CE" => Unit::Century,
            _ => return None,
        })
    }

    /// The TIMEX3 duration designator and how many of it one unit makes ("P1Q" is not standard: P3M).
    pub fn designator(self) -> (&'static str, f64, bool) {
        match self {
            Unit::Second => ("S", 1.0, true),
            Unit::Minute => ("M", 1.0, true),
            Unit::Hour => ("H", 1.0, true),
            Unit::Day => ("D", 1.0, false),
            Unit::Weekend => ("WE", 1.0, false),
            Unit::Week => ("W", 1.0, false),
            Unit::Fortnight => ("W", 2.0, false),
            Unit::Month => ("M", 1.0, false),
            Unit::Quarter => ("Q", 1.0, false),
            Unit::Year => ("Y", 1.0, false),
            Unit::Decade => ("DE", 1.0, false),
            Unit::Century => ("CE", 1.0, false),
        }
    }
}

fn intern(s: &str) -> &'static str {
    const KNOWN: &[&str] = &[
        "SP",
        "SU",
        "FA",
        "WI",
        "PRESENT_REF",
        "PAST_REF",
        "FUTURE_REF",
    ];
    KNOWN.iter().find(|k| **k == s).copied().unwrap_or("")
}

/// A word list of `assets/` that the grammar reads word by word. Each is one bit of
/// `Entry::lists`, so asking whether a token is on a list costs nothing beyond its entry.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum List {
    /// Words that point the clause to the future ("will", "next").
    FutureCue,
    /// Words that point the clause to the past ("was", "met"); "-ed" forms count as well.
    PastCue,
    /// Words after a bare number that make it a quantity, not a year ("1990 shares").
    NotYearAfter,
    /// Words ending in "-ed" that are no past form ("United", "hundred"): no tense cue.
    NotPastEd,
    /// Nouns after "today's" that make it "nowadays" ("today's youth").
    GenericPresent,
    /// Nouns a season word modifies without naming a time ("the winter storm").
    SeasonNoun,
    /// Words of a match report, where "the second half" is the game's.
    MatchWord,
    /// Words before a bare number that make it a number, not a year ("flight 1549").
    NotYearBefore,
    /// Words before a number well past the publication year that make it a year ("by 2050").
    FarYearLead,
    /// Nouns after a number well past the publication year that make it a year ("a 2030 target").
    YearPlan,
    /// Month names that are verbs as well, not trusted alone at the start of a sentence ("May").
    VerbMonth,
    /// Month names that are given names as well ("June Whitfield").
    NameMonth,
    /// Verbs after "May" that make it a person speaking ("May said").
    SpeechVerb,
    /// Time zones after a clock time ("EDT", "GMT").
    TimeZone,
    /// Words between a count and its unit ("20 more years", "eight trading days").
    UnitFiller,
    /// Words before "a year" that make it a rate ("$500 million a year").
    RateWord,
    /// Words before a bare plural unit that make it a span of unknown length ("for years").
    SpanLead,
    /// Capitalised words before a name that are no name themselves ("I", "Mr").
    NameTitle,
    /// Words that set up a time rather than a name ("On Tuesday Labour said").
    TimeLead,
    /// Adverbs between a determiner and a participle ("the previously agreed date").
    ParticipleAdverb,
    /// Verbs that, before "to", make a plan for the date ("set to resume Monday").
    PlanVerb,
    /// Past cues that do not make the tense sure: reporting verbs and auxiliaries ("said").
    WeakPastCue,
}

impl List {
    /// Every list and the asset it is read from.
    pub const FILES: &[(List, &str)] = &[
        (List::FutureCue, "temporal-future-cues.txt"),
        (List::PastCue, "temporal-past-cues.txt"),
        (List::NotYearAfter, "temporal-not-year-after.txt"),
        (List::NotPastEd, "temporal-not-past-ed.txt"),
        (List::GenericPresent, "temporal-generic-present.txt"),
        (List::SeasonNoun, "temporal-season-nouns.txt"),
        (List::MatchWord, "temporal-match-words.txt"),
        (List::NotYearBefore, "temporal-not-year-before.txt"),
        (List::FarYearLead, "temporal-far-year-leads.txt"),
        (List::YearPlan, "temporal-year-plans.txt"),
        (List::VerbMonth, "temporal-verb-months.txt"),
        (List::NameMonth, "temporal-name-months.txt"),
        (List::SpeechVerb, "temporal-speech-verbs.txt"),
        (List::TimeZone, "temporal-time-zones.txt"),
        (List::UnitFiller, "temporal-unit-fillers.txt"),
        (List::RateWord, "temporal-rate-words.txt"),
        (List::SpanLead, "temporal-span-leads.txt"),
        (List::NameTitle, "temporal-name-titles.txt"),
        (List::TimeLead, "temporal-time-leads.txt"),
        (List::ParticipleAdverb, "temporal-participle-adverbs.txt"),
        (List::PlanVerb, "temporal-plan-verbs.txt"),
        (List::WeakPastCue, "temporal-weak-past-cues.txt"),
    ];

    /// Whether the list's words carry its bit in their entries. A list of words common in
    /// running text ("in", "of", "for", "million") that a rule asks about only while it reads
    /// an expression is not: as entries those words would cost the tokenizer a table hit on
    /// every occurrence, so `Parser::on` looks them up by word when asked.
    #[inline]
    pub const fn indexed(self) -> bool {
        !matches!(
            self,
            List::FarYearLead
                | List::RateWord
                | List::SpanLead
                | List::NameTitle
                | List::TimeLead
                | List::ParticipleAdverb
                | List::WeakPastCue
        )
    }

    /// This list's bit in `Entry::lists`.
    #[inline]
    pub const fn bit(self) -> u32 {
        1 << self as u32
    }
}

const _: () = assert!(List::FILES.len() <= 32, "`Entry::lists` has 32 bits");

impl Entry {
    /// Whether the word is on `list`.
    #[inline]
    pub fn on(&self, list: List) -> bool {
        self.lists & list.bit() != 0
    }
}

/// Word lists the tagger needs, keyed by lower-case word.
#[derive(Clone, Debug, Default)]
pub struct Lexicon {
    words: HashMap<String, Vec<Word>>,
    /// Holiday names, by their lower-case text (one to four words).
    holidays: HashMap<String, Holiday>,
    /// First words of holiday names.
    holiday_starts: HashMap<String, ()>,
    /// The rules that can start at a number token, and at a punctuation mark (ASCII marks by
    /// their byte, the others in a short list).
    number_rules: u32,
    ascii_punct_rules: Vec<u32>,
    punct_rules: Vec<(char, u32)>,
    /// The lists (`List`) each listed word is on, one bit each.
    lists: HashMap<String, u32>,
    /// All of the above by word, so the tagger looks each token up once: `entries` indexed by
    /// the packed key of a short word (most words of news text) or by a longer word itself.
    entries: Vec<Entry>,
    short_entries: crate::keytable::KeyTable<u32>,
    long_entries: HashMap<String, u32>,
    /// A cheap pre-test before hashing (most words are on no list): bit `last byte % 64` of
    /// slot `(first byte % 32, length up to 31)` is set for every key of `entries`.
    admit: Vec<u64>,
}

/// The slot and bit of `admit` for a non-empty word.
fn admit_slot(w: &[u8]) -> (usize, u64) {
    let first = usize::from(w[0] & 31);
    let len = w.len().min(31);
    (first * 32 + len, 1u64 << (w[w.len() - 1] & 63))
}

/// The words and holidays of `temporal-lexicon.txt`.
fn read_lexicon(assets: &Assets) -> (HashMap<String, Vec<Word>>, HashMap<String, Holiday>) {
    let mut words: HashMap<String, Vec<Word>> = HashMap::default();
    let mut holidays: HashMap<String, Holiday> = HashMap::default();
    for line in assets.lines("temporal-lexicon.txt") {
        let mut parts = line.split('\t').map(str::trim);
        let (Some(cat), Some(word), Some(val)) = (parts.next(), parts.next(), parts.next()) else {
            continue;
        };
        let entry = match cat {
            "month" => val.parse().ok().map(Word::Month),
            "weekday" => val.parse().ok().map(Word::Weekday),
            "number" => Some(Word::Number(val.parse().ok())),
            "ordinal" => val.parse().ok().map(Word::Ordinal),
            "unit" => Unit::parse(val).map(Word::Unit),
            "season" => Some(Word::Season(intern(val))).filter(|w| *w != Word::Season("")),
            "pod" => Some(Word::PartOfDay(val.to_string())),
            "ref" => Some(Word::Ref(intern(val))).filter(|w| *w != Word::Ref("")),
            "set" => Some(Word::Set(val.to_string())),
            "decade" => val.parse().ok().map(Word::Decade),
            "holiday" => {
                if let Some(h) = Holiday::parse(val) {
                    holidays.insert(word.to_lowercase(), h);
                }
                None
            }
            _ => None,
        };
        if let Some(e) = entry {
            words.entry(word.to_lowercase()).or_default().push(e);
        }
    }
    (words, holidays)
}

impl Lexicon {
    pub fn load(assets: &Assets) -> Self {
        let (words, holidays) = read_lexicon(assets);
        let mut holiday_starts: HashMap<String, ()> = HashMap::default();
        for name in holidays.keys() {
            if let Some(first) = name.split([' ', '\'']).next() {
                holiday_starts.insert(first.to_string(), ());
            }
        }
        let mut lists: HashMap<String, u32> = HashMap::default();
        for &(list, file) in List::FILES {
            for w in assets.lines(file) {
                *lists.entry(w.to_lowercase()).or_default() |= list.bit();
            }
        }
        let starts = grammar::STARTS;
        let number_rules = starts
            .iter()
            .enumerate()
            .fold(0u32, |a, (r, s)| if s.number { a | 1 << r } else { a });
        let mut ascii_punct_rules = vec![0u32; 128];
        let mut punct_rules: Vec<(char, u32)> = Vec::new();
        for (r, s) in starts.iter().enumerate() {
            for &c in s.punct {
                if c.is_ascii() {
                    ascii_punct_rules[c as usize] |= 1 << r;
                    continue;
                }
                match punct_rules.iter_mut().find(|(p, _)| *p == c) {
                    Some((_, m)) => *m |= 1 << r,
                    None => punct_rules.push((c, 1 << r)),
                }
            }
        }
        let mut lex = Lexicon {
            words,
            holidays,
            holiday_starts,
            number_rules,
            ascii_punct_rules,
            punct_rules,
            lists,
            entries: Vec::new(),
            short_entries: Default::default(),
            long_entries: HashMap::default(),
            admit: vec![0; 32 * 32],
        };
        lex.index();
        lex
    }

    /// Builds `entries` for every word the tagger asks about: the lexicon's words, the words a
    /// rule can start at (and the plurals a start admits, "Tuesdays"), the leads of `parse_at`,
    /// the first words of holidays and the words of the lists.
    fn index(&mut self) {
        let starts = grammar::STARTS;
        let plural_kinds = starts.iter().fold(0, |a, s| a | s.plural_kinds);
        let mut keys: Vec<String> = Vec::new();
        for (w, ws) in &self.words {
            keys.push(w.clone());
            if ws.iter().any(|r| r.bit() & plural_kinds != 0) {
                keys.push(format!("{w}s"));
            }
        }
        keys.extend(starts.iter().flat_map(|s| s.words).map(|w| w.to_string()));
        keys.extend(grammar::leads().map(str::to_string));
        keys.extend(self.holiday_starts.keys().cloned());
        let indexed = List::FILES
            .iter()
            .filter(|(l, _)| l.indexed())
            .fold(0, |a, (l, _)| a | l.bit());
        keys.extend(
            self.lists
                .iter()
                .filter(|(_, bits)| *bits & indexed != 0)
                .map(|(w, _)| w.clone()),
        );
        let mut short: Vec<(u64, u32)> = Vec::new();
        for k in keys {
            if !k.is_empty() {
                let (slot, bit) = admit_slot(k.as_bytes());
                self.admit[slot] |= bit;
            }
            if self.entry(&k).is_some() || short.iter().any(|&(s, _)| Some(s) == short_key(&k)) {
                continue;
            }
            let rules = self.rules_of(&k);
            let e = Entry {
                words: self.get(&k).to_vec(),
                kinds: self.kinds_of(&k),
                rules,
                starter: rules != 0 || grammar::is_lead(&k),
                lead: grammar::is_lead(&k),
                holiday_start: self.holiday_starts.contains_key(&k),
                lists: self.lists.get(&k).copied().unwrap_or(0),
            };
            let at = self.entries.len() as u32;
            match short_key(&k) {
                Some(key) if key != 0 => short.push((key, at)),
                _ => {
                    self.long_entries.insert(k, at);
                }
            }
            self.entries.push(e);
        }
        self.short_entries = crate::keytable::KeyTable::new(&short);
    }

    /// The readings of `w`, one bit per kind.
    fn kinds_of(&self, w: &str) -> u16 {
        self.get(w).iter().fold(0, |a, w| a | w.bit())
    }

    /// The rules whose declared start admits word `w` (`grammar::STARTS`), one bit each.
    fn rules_of(&self, w: &str) -> u32 {
        let kinds = self.kinds_of(w);
        let plural = w.strip_suffix('s').map_or(0, |s| self.kinds_of(s));
        let holiday = self.holiday_starts.contains_key(w);
        let admits = |s: &grammar::Start| s.admits_word(w, kinds, plural, holiday);
        grammar::STARTS
            .iter()
            .enumerate()
            .fold(0, |a, (r, s)| if admits(s) { a | 1 << r } else { a })
    }

    /// Everything known about a (lower-case) word, in one look-up.
    pub fn entry(&self, w: &str) -> Option<&Entry> {
        if !w.is_empty() {
            let (slot, bit) = admit_slot(w.as_bytes());
            if self.admit.get(slot).is_none_or(|a| a & bit == 0) {
                return None;
            }
        }
        let at = match short_key(w) {
            Some(key) if key != 0 => self.short_entries.get(key)?,
            _ => *self.long_entries.get(w)?,
        };
        self.entries.get(at as usize)
    }

    pub fn get(&self, word: &str) -> &[Word] {
        self.words.get(word).map_or(&[], Vec::as_slice)
    }

    pub fn weekday(&self, w: &str) -> Option<u32> {
        Words(self.get(w)).weekday()
    }

    pub fn part_of_day(&self, w: &str) -> Option<&str> {
        Words(self.get(w)).part_of_day()
    }

    /// Whether an expression can start at this (lower-case) word.
    pub fn may_start(&self, w: &str) -> bool {
        self.entry(w).is_some_and(|e| e.starter)
    }

    /// The rules that can start at a number token.
    #[inline]
    pub fn number_rules(&self) -> u32 {
        self.number_rules
    }

    /// The rules that can start at a punctuation token (its one character, `norm`).
    #[inline]
    pub fn punct_rules(&self, norm: &str) -> u32 {
        if let Some(&b) = norm.as_bytes().first()
            && b < 128
        {
            return self
                .ascii_punct_rules
                .get(usize::from(b))
                .copied()
                .unwrap_or(0);
        }
        let c = norm.chars().next();
        self.punct_rules
            .iter()
            .find(|(p, _)| Some(*p) == c)
            .map_or(0, |(_, m)| *m)
    }

    pub fn may_start_holiday(&self, w: &str) -> bool {
        self.holiday_starts.contains_key(w)
    }

    pub fn holiday(&self, name: &str) -> Option<Holiday> {
        self.holidays.get(name).copied()
    }

    /// Whether (lower-case) word `w` is on `list`.
    pub fn is(&self, w: &str, list: List) -> bool {
        self.lists.get(w).is_some_and(|l| l & list.bit() != 0)
    }
}

/// Whether `w` (with its entry) points the clause to the past: a listed cue or an "-ed" form.
pub fn past_cue(e: Option<&Entry>, w: &str) -> bool {
    e.is_some_and(|e| e.on(List::PastCue))
        || (w.len() >= 5
            && w.ends_with("ed")
            // "succeed", "proceed", "exceed", "indeed" are not past forms; "agreed" is.
            && (!w.ends_with("eed") || w.ends_with("reed") || w.ends_with("teed"))
            && !e.is_some_and(|e| e.on(List::FutureCue)))
}
