//! The actor stage's gazetteers and word lists, loaded once from `assets/` into hash maps keyed by
//! folded text (lower case, no diacritics), so every lookup per document is a hash probe.

use super::tokens::{TokKind, TokenLists, tokenize};
use crate::assets::{Assets, name};
pub use crate::fasthash::{FastMap, FastSet};
use crate::fasthash::{PackedMap, short_key};
use crate::text::fold;

/// What kind of place a gazetteer entry is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PlaceKind {
    Country,
    Capital,
    City,
    Region,
    Area,
}

#[derive(Clone, Debug)]
pub struct PlaceEntry {
    pub name: String,
    pub kind: PlaceKind,
    pub country: Option<String>,
}

/// A multi-word gazetteer hit: what the folded phrase names.
#[derive(Clone, Debug)]
pub enum Entry {
    Place(PlaceEntry),
    /// An organisation, by its name as listed; `acronym` when written in capitals (ambiguous in
    /// all-caps headlines: "WHO").
    Org {
        name: String,
        acronym: bool,
    },
}

/// Gazetteers and word lists the actor stage needs.
#[derive(Clone, Debug, Default)]
pub struct Lexicon {
    /// Folded phrase (tokens joined by one space) → entry.
    pub phrases: FastMap<String, Entry>,
    /// Folded first token → longest phrase length (in tokens) starting with it.
    pub phrase_len: FastMap<String, usize>,
    /// Demonym → country ("" when none).
    pub demonyms: FastMap<String, String>,
    /// First words of demonyms of two words ("bosnian" of "Bosnian Serb").
    pub demonym_first: FastSet<String>,
    /// Country → its first demonym, for "Armenia's government" → "Armenian government".
    pub country_demonym: FastMap<String, String>,
    pub given: FastSet<String>,
    pub family_first: FastSet<String>,
    /// Folded multi-word roles ("prime minister").
    pub titles: FastSet<String>,
    /// Folded words that may stand in a title before a name.
    pub title_words: FastSet<String>,
    /// The tokenizer's lists (abbreviations that keep their period, name prefixes).
    pub tokens: TokenLists,
    /// Folded honorifics that always mark a person ("mr", "mrs", "dr").
    pub honorifics: FastSet<String>,
    /// Folded speech verbs that mark the name beside them as a person's ("said", "told").
    pub person_speech_verbs: FastSet<String>,
    /// Folded lower-case words that may stand inside a name ("de", "bin").
    pub particles: FastSet<String>,
    /// Folded letters after a name for an office or honour ("KC", "MP"): not part of the name.
    pub post_nominals: FastSet<String>,
    /// Folded words before a role that are not part of the title ("former", "acting").
    pub role_modifiers: FastSet<String>,
    pub org_suffixes: FastSet<String>,
    pub club_words: FastSet<String>,
    pub place_suffixes: FastSet<String>,
    pub place_prefixes: FastSet<String>,
    /// Folded words that open a saint's name, a place rather than a person ("st": "St Helens").
    pub saint_prefixes: FastSet<String>,
    /// Folded verbs between a side and a match score ("won": "Vaduz won 4-2 on penalties").
    pub result_verbs: FastSet<String>,
    /// Folded compass words that open a place's name before a known place ("north").
    pub compass_prefixes: FastSet<String>,
    /// Folded nouns that make the name after "of" a place ("town": "the town of Kaolack").
    pub place_nouns: FastSet<String>,
    /// Folded words of a country's own bodies, which a demonym before them describes rather than
    /// names ("ministry": "Turkish | Foreign Ministry"; but "Indonesian Democratic Party").
    pub national_bodies: FastSet<String>,
    pub thing_words: FastSet<String>,
    pub non_names: FastSet<String>,
    pub speech_verbs: FastSet<String>,
    pub group_nouns: FastSet<String>,
    pub group_modifiers: FastSet<String>,
    pub group_heads: FastSet<String>,
    /// Folded short given names → the folded given name they stand for ("bernie" → "bernard"),
    /// and every listed given name to itself; short forms of two names are left out.
    pub nicknames: FastMap<String, String>,
    /// Folded titles before a given name rather than a surname ("prince", "sir").
    pub given_name_titles: FastSet<String>,
    /// Folded titles of peers, named with the word after them ("lord": "Lord Archer").
    pub peer_titles: FastSet<String>,
    /// Folded particles that open a surname written without its given name ("van": "van der
    /// Sar").
    pub leading_particles: FastSet<String>,
    /// Folded words of `kind-cues.tsv`, one set per place and kind: "insurer" before a name makes
    /// it an organisation, "nominee" after it a work or award.
    pub org_before: FastSet<String>,
    pub org_after: FastSet<String>,
    pub org_owned: FastSet<String>,
    pub org_of: FastSet<String>,
    pub work_before: FastSet<String>,
    pub work_after: FastSet<String>,
    pub work_alone: FastSet<String>,
    pub team_after: FastSet<String>,
    pub team_before: FastSet<String>,
    /// Folded names of regions that field national teams: never retyped as a club.
    pub nations: FastSet<String>,
    /// Organisation names no rule connects, as written: (variant, canonical).
    pub equivalents: Vec<(String, String)>,
    /// The lists of `kinds`: modifiers around names, thing heads, common words.
    pub kinds: super::kinds::Words,
    /// Every word of the lists above → which lists hold it, so a token needs one probe for all.
    /// Words of up to seven bytes are keyed by `short_key`, which hashes and compares cheaper.
    short_words: PackedMap<WordInfo>,
    long_words: FastMap<String, WordInfo>,
    /// `word_info` of each one-byte word by its byte (punctuation, "a"), and of "" at 128.
    tiny: Vec<WordInfo>,
}

/// Bits of `WordInfo::lists`: the word lists a folded word is on.
pub mod list {
    pub const GIVEN: u32 = 1;
    pub const FAMILY_FIRST: u32 = 1 << 1;
    pub const TITLE: u32 = 1 << 2;
    pub const TITLE_WORD: u32 = 1 << 3;
    pub const HONORIFIC: u32 = 1 << 4;
    pub const ORG_SUFFIX: u32 = 1 << 5;
    pub const CLUB: u32 = 1 << 6;
    pub const PLACE_SUFFIX: u32 = 1 << 7;
    pub const PLACE_PREFIX: u32 = 1 << 8;
    pub const THING: u32 = 1 << 9;
    pub const NON_NAME: u32 = 1 << 10;
    pub const SPEECH: u32 = 1 << 11;
    pub const GROUP_NOUN: u32 = 1 << 12;
    pub const GROUP_MODIFIER: u32 = 1 << 13;
    pub const GROUP_HEAD: u32 = 1 << 14;
    pub const DEMONYM: u32 = 1 << 15;
    pub const DEMONYM_FIRST: u32 = 1 << 16;
    /// `Lexicon::is_given` holds: a given name, or one before a hyphen ("Jean-Pierre").
    pub const GIVEN_ANY: u32 = 1 << 17;
    /// On `person-speech-verbs.txt`: a speech verb beside a name marks a person.
    pub const SAID: u32 = 1 << 18;
    /// On `name-particles.txt`: may stand inside a name ("de", "bin").
    pub const PARTICLE: u32 = 1 << 19;
    /// On `role-modifiers.txt`: before a role, not part of it ("former").
    pub const ROLE_MODIFIER: u32 = 1 << 20;
    /// On `kind-cues.tsv`, where and what: "insurer" just before a name makes an organisation,
    /// "spokesman" just after one, "shares" after its possessive; "film" before one makes a work,
    /// "nominee" after one.
    pub const ORG_BEFORE: u32 = 1 << 21;
    pub const ORG_AFTER: u32 = 1 << 22;
    pub const ORG_OWNED: u32 = 1 << 23;
    pub const WORK_BEFORE: u32 = 1 << 24;
    pub const WORK_AFTER: u32 = 1 << 25;
    /// On `kind-cues.tsv` as `alone`: on its own this word names no actor ("Christmas", "Islam").
    pub const WORK_ALONE: u32 = 1 << 26;
    /// On `kind-cues.tsv` as `after` `team`: a town before it is its club ("Liverpool striker").
    pub const TEAM_AFTER: u32 = 1 << 27;
    /// On `kind-cues.tsv` as `of` `organization`: this word and a preposition before a name make
    /// it an organisation ("shares in Yukos", "analyst at Interbank").
    pub const ORG_OF: u32 = 1 << 28;
    /// On `kind-cues.tsv` as `before` `team`: a town after it is its club ("champions Porto").
    pub const TEAM_BEFORE: u32 = 1 << 29;
    /// On `post-nominals.txt`: letters after a name for an office or honour ("KC").
    pub const POST_NOMINAL: u32 = 1 << 30;
}

/// What the lexicon knows about one folded word.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct WordInfo {
    /// `list` bits.
    pub lists: u32,
    /// The longest gazetteer phrase (in tokens) it opens; 0 when none.
    pub phrase_len: u32,
}

fn folded_set<'a>(lines: impl Iterator<Item = &'a str>) -> FastSet<String> {
    lines.map(fold).collect()
}

/// `FORMAL<TAB>short, short` lines as folded short form → folded formal name; a short form of two
/// formal names is dropped.
fn nicknames<'a>(lines: impl Iterator<Item = &'a str>) -> FastMap<String, String> {
    let mut map: FastMap<String, Option<String>> = FastMap::default();
    for line in lines {
        let (formal, shorts) = line.split_once('\t').unwrap_or((line, ""));
        let formal = fold(formal.trim());
        for short in shorts.split(',').map(str::trim).filter(|s| !s.is_empty()) {
            let e = map
                .entry(fold(short))
                .or_insert_with(|| Some(formal.clone()));
            if e.as_deref() != Some(formal.as_str()) {
                *e = None;
            }
        }
        map.entry(formal.clone()).or_insert_with(|| Some(formal));
    }
    map.into_iter()
        .filter_map(|(k, v)| v.map(|v| (k, v)))
        .collect()
}

/// The folded key of a phrase as the tokenizer splits it.
pub fn phrase_key(lists: &TokenLists, s: &str) -> String {
    let toks = tokenize(s, lists);
    let mut key = String::new();
    for t in toks
        .toks
        .iter()
        .filter(|t| t.kind != TokKind::Punct || !t.span.is_empty())
    {
        if !key.is_empty() {
            key.push(' ');
        }
        key.push_str(toks.fold_of(t));
    }
    key
}

impl Lexicon {
    pub fn load(assets: &Assets) -> Self {
        let mut lex = Lexicon {
            tokens: TokenLists::load(assets),
            ..Lexicon::default()
        };
        for line in assets.lines(name::PLACES_TSV) {
            let mut cols = line.split('\t');
            let (Some(name), Some(kind)) = (cols.next(), cols.next()) else {
                continue;
            };
            let country = cols.next().map(str::trim).filter(|c| !c.is_empty());
            let kind = match kind.trim() {
                "country" => PlaceKind::Country,
                "capital" => PlaceKind::Capital,
                "city" => PlaceKind::City,
                "region" => PlaceKind::Region,
                _ => PlaceKind::Area,
            };
            // A country's other names ("U.S.") stand for the country itself.
            let (canonical, country) = match (kind, country) {
                (PlaceKind::Country, Some(c)) => (c.to_string(), None),
                (_, c) => (name.trim().to_string(), c.map(str::to_string)),
            };
            let entry = Entry::Place(PlaceEntry {
                name: canonical,
                kind,
                country,
            });
            lex.add_phrase(name.trim(), entry);
        }
        for line in assets.lines(name::ORGANISATIONS_TXT) {
            let acronym = line
                .chars()
                .filter(|c| c.is_alphabetic())
                .all(char::is_uppercase);
            let entry = Entry::Org {
                name: line.to_string(),
                acronym,
            };
            lex.add_phrase(line, entry);
        }
        // Club names and nicknames ("Blue Jays", "Yankees") name organisations on their own.
        for line in assets.lines(name::CLUB_WORDS_TXT) {
            if line.contains(' ') || (line.ends_with('s') && line.len() > 4) {
                let entry = Entry::Org {
                    name: line.to_string(),
                    acronym: false,
                };
                lex.add_phrase(line, entry);
            }
        }
        for line in assets.lines(name::DEMONYMS_TSV) {
            let mut cols = line.split('\t');
            let Some(word) = cols.next() else { continue };
            let country = cols.next().unwrap_or("").trim().to_string();
            if !country.is_empty() && !word.ends_with('s') {
                lex.country_demonym
                    .entry(country.clone())
                    .or_insert_with(|| word.trim().to_string());
            }
            let key = phrase_key(&lex.tokens, word);
            if let Some((first, _)) = key.split_once(' ') {
                lex.demonym_first.insert(first.to_string());
            }
            lex.demonyms.insert(key, country);
        }
        lex.given = folded_set(assets.lines(name::GIVEN_NAMES_TXT));
        lex.family_first = folded_set(assets.lines(name::FAMILY_FIRST_NAMES_TXT));
        for t in assets.lines(name::TITLES_TXT) {
            let key = phrase_key(&lex.tokens, t);
            if !key.contains(' ') {
                lex.title_words.insert(key.clone());
            } else {
                for w in key.split(' ') {
                    lex.title_words.insert(w.to_string());
                }
            }
            lex.titles.insert(key);
        }
        for w in assets.lines(name::TITLE_WORDS_TXT) {
            lex.title_words.insert(fold(w));
        }
        lex.honorifics = folded_set(assets.lines(name::HONORIFICS_TXT));
        lex.person_speech_verbs = folded_set(assets.lines(name::PERSON_SPEECH_VERBS_TXT));
        lex.particles = folded_set(assets.lines(name::NAME_PARTICLES_TXT));
        lex.post_nominals = folded_set(assets.lines(name::POST_NOMINALS_TXT));
        lex.role_modifiers = folded_set(assets.lines(name::ROLE_MODIFIERS_TXT));
        lex.org_suffixes = folded_set(assets.lines(name::ORG_SUFFIXES_TXT));
        lex.club_words = folded_set(assets.lines(name::CLUB_WORDS_TXT));
        lex.place_suffixes = folded_set(assets.lines(name::PLACE_SUFFIXES_TXT));
        lex.place_prefixes = folded_set(assets.lines(name::PLACE_PREFIXES_TXT));
        lex.saint_prefixes = folded_set(assets.lines(name::SAINT_PREFIXES_TXT));
        lex.result_verbs = folded_set(assets.lines(name::RESULT_VERBS_TXT));
        lex.compass_prefixes = folded_set(assets.lines(name::COMPASS_PREFIXES_TXT));
        lex.place_nouns = folded_set(assets.lines(name::PLACE_NOUNS_TXT));
        lex.national_bodies = folded_set(assets.lines(name::NATIONAL_BODIES_TXT));
        lex.thing_words = folded_set(assets.lines(name::THING_WORDS_TXT));
        lex.non_names = assets
            .lines(name::NON_NAMES_TXT)
            .flat_map(str::split_whitespace)
            .map(fold)
            .collect();
        // One speech-verb list serves quotes and actors: `FRAME<TAB>form, form, ...` lines.
        lex.speech_verbs = folded_set(
            assets
                .lines(name::SPEECH_VERBS_TXT)
                .flat_map(|l| l.rsplit('\t').next().unwrap_or(l).split(','))
                .map(str::trim)
                .filter(|f| !f.is_empty() && !f.contains(' ')),
        );
        lex.group_nouns = folded_set(assets.lines(name::GROUP_NOUNS_TXT));
        lex.group_modifiers = folded_set(assets.lines(name::GROUP_MODIFIERS_TXT));
        lex.group_heads = folded_set(assets.lines(name::GROUP_HEADS_TXT));
        lex.nicknames = nicknames(assets.lines(name::NICKNAMES_TSV));
        lex.given_name_titles = folded_set(assets.lines(name::GIVEN_NAME_TITLES_TXT));
        lex.peer_titles = folded_set(assets.lines(name::PEER_TITLES_TXT));
        lex.leading_particles = folded_set(assets.lines(name::LEADING_PARTICLES_TXT));
        for line in assets.lines(name::KIND_CUES_TSV) {
            let mut cols = line.split('\t').map(str::trim);
            let (Some(word), Some(place), Some(kind)) = (cols.next(), cols.next(), cols.next())
            else {
                continue;
            };
            let set = match (place, kind) {
                ("before", "organization") => &mut lex.org_before,
                ("after", "organization") => &mut lex.org_after,
                ("owned", "organization") => &mut lex.org_owned,
                ("of", "organization") => &mut lex.org_of,
                ("before", "work") => &mut lex.work_before,
                ("after", "work") => &mut lex.work_after,
                ("alone", "work") => &mut lex.work_alone,
                ("after", "team") => &mut lex.team_after,
                ("before", "team") => &mut lex.team_before,
                ("alone", "nation") => &mut lex.nations,
                _ => continue,
            };
            set.insert(fold(word));
        }
        lex.equivalents = assets
            .lines(name::ACTOR_EQUIVALENTS_TSV)
            .filter_map(|l| l.split_once('\t'))
            .map(|(v, c)| (v.trim().to_string(), c.trim().to_string()))
            .filter(|(v, c)| !v.is_empty() && !c.is_empty())
            .collect();
        lex.kinds = super::kinds::Words::load(assets);
        lex.index_words();
        lex
    }

    /// Fills `words` from the lists.
    fn index_words(&mut self) {
        let mut words: FastMap<String, WordInfo> = FastMap::default();
        let sets = [
            (&self.given, list::GIVEN),
            (&self.family_first, list::FAMILY_FIRST),
            (&self.titles, list::TITLE),
            (&self.title_words, list::TITLE_WORD),
            (&self.honorifics, list::HONORIFIC),
            (&self.org_suffixes, list::ORG_SUFFIX),
            (&self.club_words, list::CLUB),
            (&self.place_suffixes, list::PLACE_SUFFIX),
            (&self.place_prefixes, list::PLACE_PREFIX),
            (&self.thing_words, list::THING),
            (&self.non_names, list::NON_NAME),
            (&self.speech_verbs, list::SPEECH),
            (&self.group_nouns, list::GROUP_NOUN),
            (&self.group_modifiers, list::GROUP_MODIFIER),
            (&self.group_heads, list::GROUP_HEAD),
            (&self.demonym_first, list::DEMONYM_FIRST),
            (&self.person_speech_verbs, list::SAID),
            (&self.particles, list::PARTICLE),
            (&self.post_nominals, list::POST_NOMINAL),
            (&self.role_modifiers, list::ROLE_MODIFIER),
            (&self.org_before, list::ORG_BEFORE),
            (&self.org_after, list::ORG_AFTER),
            (&self.org_owned, list::ORG_OWNED),
            (&self.org_of, list::ORG_OF),
            (&self.work_before, list::WORK_BEFORE),
            (&self.work_after, list::WORK_AFTER),
            (&self.work_alone, list::WORK_ALONE),
            (&self.team_after, list::TEAM_AFTER),
            (&self.team_before, list::TEAM_BEFORE),
        ];
        for (set, bit) in sets {
            for w in set {
                words.entry(w.clone()).or_default().lists |= bit;
            }
        }
        for w in self.demonyms.keys() {
            words.entry(w.clone()).or_default().lists |= list::DEMONYM;
        }
        for (w, &n) in &self.phrase_len {
            words.entry(w.clone()).or_default().phrase_len = u32::try_from(n).unwrap_or(u32::MAX);
        }
        for (w, info) in words {
            match short_key(&w) {
                Some(k) => self.short_words.insert(k, info),
                None => self.long_words.insert(w, info),
            };
        }
        let mut tiny: Vec<WordInfo> = (0..128u8)
            .map(|b| self.lookup(char::from(b).encode_utf8(&mut [0; 4])))
            .collect();
        tiny.push(self.lookup(""));
        self.tiny = tiny;
    }

    /// Everything the lists say about the folded word `fold`, in one probe (two for a hyphen).
    #[inline]
    pub fn word_info(&self, fold: &str) -> WordInfo {
        let tiny = match fold.as_bytes() {
            [] => self.tiny.get(128),
            [b] => self.tiny.get(usize::from(*b)),
            _ => None,
        };
        tiny.copied().unwrap_or_else(|| self.lookup(fold))
    }

    /// `word_info` of a folded word of at most one byte (`None` for longer ones).
    #[inline]
    pub fn tiny_info(&self, fold: &[u8]) -> Option<WordInfo> {
        match fold {
            [] => self.tiny.get(128).copied(),
            [b] => self.tiny.get(usize::from(*b)).copied(),
            _ => None,
        }
    }

    /// `word_info` for a caller that knows `key`, the word's `short_key` (any value when it has
    /// none), and whether it holds a hyphen.
    #[inline]
    pub fn word_info_keyed(&self, fold: &str, key: u64, hyphen: bool) -> WordInfo {
        self.tiny_info(fold.as_bytes())
            .unwrap_or_else(|| self.probe(fold, key, hyphen))
    }

    fn lookup(&self, fold: &str) -> WordInfo {
        let key = short_key(fold).unwrap_or(0);
        self.probe(fold, key, fold.contains('-'))
    }

    fn probe(&self, fold: &str, key: u64, hyphen: bool) -> WordInfo {
        let found = if fold.len() <= 7 {
            self.short_words.get(&key)
        } else {
            self.long_words.get(fold)
        };
        let mut info = found.copied().unwrap_or_default();
        if info.lists & list::GIVEN != 0
            || hyphen
                && fold
                    .split_once('-')
                    .is_some_and(|(a, _)| self.given.contains(a))
        {
            info.lists |= list::GIVEN_ANY;
        }
        info
    }

    fn add_phrase(&mut self, phrase: &str, entry: Entry) {
        let key = phrase_key(&self.tokens, phrase);
        let n = key.split(' ').count();
        let first = key.split(' ').next().unwrap_or("").to_string();
        let len = self.phrase_len.entry(first).or_insert(0);
        *len = (*len).max(n);
        // "St Louis" for "St. Louis": dots dropped inside longer names.
        if n > 1 && key.contains('.') {
            self.phrases
                .entry(key.replace('.', ""))
                .or_insert_with(|| entry.clone());
        }
        self.phrases.entry(key).or_insert(entry);
    }

    pub fn is_given(&self, fold: &str) -> bool {
        self.given.contains(fold)
            || fold
                .split_once('-')
                .is_some_and(|(a, _)| self.given.contains(a))
    }
}
