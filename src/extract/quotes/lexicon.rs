//! The quote stage's word lists: speech verbs with their frames, pronouns and closed word classes.

use super::tokens::Tok;
use crate::assets::{Assets, name};
use crate::fasthash::short_key;
use crate::keytable::KeyTable;

/// What may follow a speech verb when it reports speech without quotation marks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Frame {
    Clause,
    As,
    Quote,
    /// Attributes quoted words in its object ("accused him of “...”") but reports no clause.
    Mixed,
    According,
}

#[derive(Clone, Debug)]
struct CueForm {
    rest: Vec<String>,
    frame: Frame,
}

/// A speech verb or phrase found at a token.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CueMatch {
    pub start: usize,
    /// Number of tokens.
    pub len: usize,
    pub frame: Frame,
    /// An -ing form: its subject is the subject of the main clause.
    pub participle: bool,
}

impl CueMatch {
    pub fn end(&self) -> usize {
        self.start + self.len
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Pronoun {
    pub plural: bool,
    pub person: bool,
    pub thing: bool,
}

pub const BE: u8 = 1;
pub const SKIP: u8 = 2;
pub const BOUNDARY: u8 = 4;
pub const RELATIVE: u8 = 8;
pub const DET: u8 = 16;
pub const NP_PREP: u8 = 32;
pub const TITLE: u8 = 64;
pub const NAME_CONTEXT: u8 = 128;

/// Pronoun bits of `WordInfo::pronoun`: set, plural, person, thing.
const PRONOUN: u8 = 1;
const PLURAL: u8 = 2;
const PERSON: u8 = 4;
const THING: u8 = 8;

type Map<K, V> = crate::fasthash::FastMap<K, V>;

/// What the lists say about one word: its speech-verb forms, pronoun features and word classes.
/// Each token carries a copy (four bytes), so the rules read it without hashing the word again.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct WordInfo {
    /// 1 + the index of the word's cue forms, or 0.
    cue: u16,
    /// `PRONOUN` bits, 0 for no pronoun.
    pronoun: u8,
    classes: u8,
}

impl WordInfo {
    fn pronoun(self) -> Option<Pronoun> {
        (self.pronoun & PRONOUN != 0).then_some(Pronoun {
            plural: self.pronoun & PLURAL != 0,
            person: self.pronoun & PERSON != 0,
            thing: self.pronoun & THING != 0,
        })
    }
}

/// Speech verbs and cue phrases, pronouns and word classes.
#[derive(Clone, Debug, Default)]
pub struct Lexicon {
    /// Words of up to seven bytes, keyed by `short_key`: one probe per token, cheaper than a string.
    short_words: KeyTable<WordInfo>,
    long_words: Map<String, WordInfo>,
    /// The first seven bytes of each long word, packed: most long words of a text share them
    /// with no listed word and need no string hash.
    long_prefixes: KeyTable<WordInfo>,
    /// Cue forms by first word, longest first.
    cue_forms: Vec<Vec<CueForm>>,
    /// The sex a given name, a title or a role word marks (folded lower case).
    genders: Map<String, Gender>,
    /// Heads of definite phrases that refer to an organisation ("the club", "the ministry").
    org_nouns: Map<String, ()>,
    /// Irregular past-tense verbs ("took", "went"): after a name they mark its clause's verb.
    past_verbs: Map<String, ()>,
    /// Nouns for what someone issues ("statement", "message"): "X issued the following statement:".
    statement_nouns: Map<String, ()>,
}

/// The sex a word marks, for matching "he" and "she" to a person.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Gender {
    Male,
    Female,
}

impl Lexicon {
    pub fn load(assets: &Assets) -> Self {
        let mut cues: Map<String, Vec<CueForm>> = Map::default();
        for line in assets.lines(name::SPEECH_VERBS_TXT) {
            let Some((frame, forms)) = line.split_once('\t') else {
                continue;
            };
            let frame = match frame.trim() {
                "clause" => Frame::Clause,
                "as" => Frame::As,
                "according" => Frame::According,
                "mixed" => Frame::Mixed,
                _ => Frame::Quote,
            };
            for form in forms.split(',') {
                let mut words = form.split_whitespace().map(str::to_lowercase);
                let Some(first) = words.next() else { continue };
                let rest: Vec<String> = words.collect();
                cues.entry(first).or_default().push(CueForm { rest, frame });
            }
        }
        let mut words: Map<String, WordInfo> = Map::default();
        let mut cue_forms = Vec::with_capacity(cues.len());
        // Sorted, so a list too long for `WordInfo::cue` loses the same words every time.
        let mut cues: Vec<(String, Vec<CueForm>)> = cues.into_iter().collect();
        cues.sort_by(|a, b| a.0.cmp(&b.0));
        for (first, mut forms) in cues {
            let Ok(index) = u16::try_from(cue_forms.len() + 1) else {
                break;
            };
            forms.sort_by_key(|f| std::cmp::Reverse(f.rest.len()));
            cue_forms.push(forms);
            words.entry(first).or_default().cue = index;
        }
        for line in assets.lines(name::PRONOUNS_TXT) {
            let cols: Vec<&str> = line.split('\t').map(str::trim).collect();
            if let [word, number, referent] = cols[..] {
                let bit = |on: bool, b: u8| if on { b } else { 0 };
                words.entry(word.to_lowercase()).or_default().pronoun = PRONOUN
                    | bit(number == "plural", PLURAL)
                    | bit(referent != "thing", PERSON)
                    | bit(referent != "person", THING);
            }
        }
        let mut bit = 0;
        let mut org_nouns: Map<String, ()> = Map::default();
        let mut past_verbs: Map<String, ()> = Map::default();
        let mut in_orgs = false;
        let mut in_past = false;
        let mut statement_nouns: Map<String, ()> = Map::default();
        let mut in_statement = false;
        for line in assets.lines(name::QUOTE_WORDS_TXT) {
            if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
                in_orgs = name == "organisation";
                in_past = name == "past-verb";
                in_statement = name == "statement";
                bit = match name {
                    "be" => BE,
                    "skip" => SKIP,
                    "boundary" => BOUNDARY,
                    "relative" => RELATIVE,
                    "determiner" => DET,
                    "np-preposition" => NP_PREP,
                    "title" => TITLE,
                    "name-context" => NAME_CONTEXT,
                    _ => 0,
                };
                continue;
            }
            if in_orgs {
                org_nouns.insert(line.to_lowercase(), ());
                continue;
            }
            if in_past {
                past_verbs.insert(line.to_lowercase(), ());
                continue;
            }
            if in_statement {
                statement_nouns.insert(line.to_lowercase(), ());
                continue;
            }
            words.entry(line.to_lowercase()).or_default().classes |= bit;
        }
        let mut genders: Map<String, Gender> = Map::default();
        for file in [name::GIVEN_NAMES_GENDER_TSV, name::GENDER_WORDS_TSV] {
            for line in assets.lines(file) {
                let Some((word, sex)) = line.split_once('\t') else {
                    continue;
                };
                let g = match sex.trim() {
                    "m" => Gender::Male,
                    "f" => Gender::Female,
                    _ => continue,
                };
                genders.insert(crate::text::fold(word.trim()), g);
            }
        }
        let mut short: Vec<(u64, WordInfo)> = Vec::new();
        let mut long_words: Map<String, WordInfo> = Map::default();
        for (w, info) in words {
            match short_key(&w) {
                Some(k) => short.push((k, info)),
                None => {
                    long_words.insert(w, info);
                }
            };
        }
        let short_words = KeyTable::new(&short);
        let prefixes: Vec<(u64, WordInfo)> = long_words
            .keys()
            .map(|w| (prefix_key(w.as_bytes()), WordInfo::default()))
            .collect();
        let long_prefixes = KeyTable::new(&prefixes);
        Lexicon {
            short_words,
            long_words,
            long_prefixes,
            cue_forms,
            genders,
            org_nouns,
            past_verbs,
            statement_nouns,
        }
    }

    /// The sex a given name, title or role word marks, if the lists say.
    pub fn gender(&self, word: &str) -> Option<Gender> {
        self.genders.get(&crate::text::fold(word)).copied()
    }

    /// Whether `word` (lower case) heads a phrase naming an organisation ("the club").
    pub fn org_noun(&self, word: &str) -> bool {
        self.org_nouns.contains_key(word)
    }

    /// Whether `word` (lower case) names a person by role or sex: a title ("adviser") or a
    /// gendered word ("spokeswoman").
    pub fn person_noun(&self, word: &str) -> bool {
        self.info(word).classes & TITLE != 0 || self.gender(word).is_some()
    }

    /// Whether `word` (lower case) is an irregular past-tense verb ("took").
    pub fn past_verb(&self, word: &str) -> bool {
        self.past_verbs.contains_key(word)
    }

    /// Whether `word` (lower case) names something a speaker issues ("statement").
    pub fn statement_noun(&self, word: &str) -> bool {
        self.statement_nouns.contains_key(word)
    }

    /// The lists' entry for a lower-cased word (empty when it is in none).
    pub fn info(&self, lower: &str) -> WordInfo {
        match short_key(lower) {
            Some(k) => self.short_words.get(k).unwrap_or_default(),
            None if !self.long_prefixes.contains(prefix_key(lower.as_bytes())) => {
                WordInfo::default()
            }
            None => self.long_words.get(lower).copied().unwrap_or_default(),
        }
    }

    /// `info` for an ASCII word `lower` that sits at byte `at` of `lowered`: a short word's key
    /// is read as one eight-byte load and masked.
    #[inline]
    pub fn info_ascii(&self, lower: &str, lowered: &[u8], at: usize) -> WordInfo {
        let len = lower.len();
        if len <= 7
            && let Some(chunk) = lowered.get(at..).and_then(|b| b.first_chunk::<8>())
        {
            let bytes = u64::from_le_bytes(*chunk) & ((1u64 << (8 * len)) - 1);
            return self
                .short_words
                .get(bytes | ((len as u64) << 56))
                .unwrap_or_default();
        }
        self.info(lower)
    }

    /// Whether the token is a word in class `class` (one of the bit constants).
    pub fn has(&self, t: &Tok<'_>, class: u8) -> bool {
        t.word && t.info.classes & class != 0
    }

    pub fn pronoun(&self, t: &Tok<'_>) -> Option<Pronoun> {
        if !t.word {
            return None;
        }
        t.info.pronoun()
    }

    /// The longest speech verb or phrase starting at token `i`, outside quotations.
    #[inline]
    pub fn cue_at(&self, toks: &[Tok<'_>], i: usize) -> Option<CueMatch> {
        // Most tokens are no speech verb: answer those without a call.
        let t = toks.get(i)?;
        if !t.word || t.run.is_some() || t.info.cue == 0 {
            return None;
        }
        self.cue_forms_at(toks, i)
    }

    fn cue_forms_at(&self, toks: &[Tok<'_>], i: usize) -> Option<CueMatch> {
        let t = &toks[i];
        let forms = self.cue_forms.get((t.info.cue as usize).checked_sub(1)?)?;
        // A capitalised verb mid-sentence is a name ("State Department", "Post").
        let initial = i == 0 || toks[i - 1].sent != t.sent || toks[i - 1].is_punct(':');
        if t.cap && !initial && t.lower != "according" {
            return None;
        }
        for f in forms {
            let ok = f.rest.iter().enumerate().all(|(k, w)| {
                toks.get(i + 1 + k)
                    .is_some_and(|n| n.word && n.lower == *w && n.run.is_none())
            });
            if ok {
                // "states" and "reports" are nouns after a determiner ("the states", "the reports",
                // "his call for").
                // Likewise after a possessive or a determiner and a compound adjective ("Trump's
                // remarks", "a pre-emptive attack").
                if i > 0
                    && (self.has(&toks[i - 1], DET) && !count_subject(toks, i - 1)
                        || possessive(&toks[i - 1])
                        || (i > 1
                            && !toks[i - 1].cap
                            && toks[i - 1].lower.contains('-')
                            && self.has(&toks[i - 2], DET)))
                    && !t.lower.ends_with("ed")
                    && t.lower != "said"
                    && t.lower != "told"
                {
                    return None;
                }
                if i > 0 && self.noun_use(toks, i) {
                    return None;
                }
                // "the proposed wall", "an alleged plot": a past participle after an article
                // modifies the noun after it.
                if i > 0
                    && t.lower.ends_with("ed")
                    && matches!(toks[i - 1].lower, "the" | "a" | "an")
                    && toks[i - 1].sent == t.sent
                {
                    return None;
                }
                return Some(CueMatch {
                    start: i,
                    len: 1 + f.rest.len(),
                    frame: f.frame,
                    participle: t.lower.ends_with("ing") && f.frame != Frame::According,
                });
            }
        }
        None
    }

    /// Whether the cue word at token `i` (> 0) is used as a noun or a naming participle, by the
    /// words around it:
    /// - an -s form after a plural count word and at most one modifier: "many Asian states";
    /// - a base form after "a" or "an" and one modifier: "a snappy retort", "an unprompted call",
    ///   "a Trump-style tweet" (a singular subject would take "retorts", so it is no verb);
    /// - a base form followed by a form of "be": "Which swing state is", "the comment was";
    /// - a base form right after a preposition but "to": "the secretary of state said", "filed by
    ///   state attorney Ann Lee" ("a point of saying" and "to state" stay), or after a preposition
    ///   and a modifier: "against recent attacks";
    /// - "called" between a common noun and the name it gives: "a book called “Hope”", "the
    ///   loophole called an “inversion”" (a speaker's "called" has an object first: "called it").
    fn noun_use(&self, toks: &[Tok<'_>], i: usize) -> bool {
        let t = &toks[i];
        let prev = &toks[i - 1];
        // "many Asian states", "two reports": after a plural count word, alone or with one
        // modifier, an -s form is a plural noun (a verb after a plural subject has no -s).
        let plural_count =
            |w: &Tok<'_>| count_word(w) && !matches!(w.lower, "rest" | "latter" | "former");
        if t.lower.ends_with('s')
            && !t.lower.ends_with("ss")
            && prev.run.is_none()
            && (plural_count(prev)
                || (i > 1
                    && plural_count(&toks[i - 2])
                    && prev.word
                    && self.pronoun(prev).is_none()
                    && prev.info.classes & (BE | SKIP | BOUNDARY | DET) == 0))
        {
            return true;
        }
        // Not "said", "wrote": a past tense follows "a friend" as readily as a name.
        let base = !t.lower.ends_with('s')
            && !t.lower.ends_with("ed")
            && !t.lower.ends_with("ing")
            && !matches!(t.lower, "said" | "told")
            && !self.past_verb(t.lower);
        if base
            && i > 1
            && prev.word
            && prev.run.is_none()
            && matches!(toks[i - 2].lower, "a" | "an")
            && self.pronoun(prev).is_none()
            && prev.info.classes & (BE | SKIP | BOUNDARY) == 0
        {
            return true;
        }
        // "Which swing state is", "the comment was": a verb of its own follows.
        if base
            && toks
                .get(i + 1)
                .is_some_and(|n| n.run.is_none() && self.has(n, BE) && !n.is("be"))
        {
            return true;
        }
        if base && NOUN_PREPOSITIONS.contains(&prev.lower) {
            return true;
        }
        // "against recent attacks", "of earlier warnings": a preposition and a modifier.
        let finite = t.lower.ends_with("ed") || t.lower.ends_with("ing") || t.is("said");
        if !finite
            && i > 1
            && prev.word
            && !prev.cap
            && prev.run.is_none()
            && prev.info.classes & (BE | SKIP | BOUNDARY | DET) == 0
            && self.pronoun(prev).is_none()
            && (NOUN_PREPOSITIONS.contains(&toks[i - 2].lower)
                || matches!(toks[i - 2].lower, "against" | "over" | "amid"))
        {
            return true;
        }
        if !finite && self.object_noun(toks, i) {
            return true;
        }
        if t.is("called") && prev.word && !prev.cap && prev.run.is_none() {
            // The noun opens with a determiner a few lowercase words back: "a 2002 class".
            let common_noun = self.pronoun(prev).is_none()
                && prev.info.classes & (BE | SKIP | BOUNDARY | RELATIVE | DET | NP_PREP) == 0
                && !prev.lower.ends_with("ly")
                && (i.saturating_sub(5)..i - 1)
                    .rev()
                    .take_while(|&k| toks[k].word && !toks[k].cap || self.has(&toks[k], DET))
                    .any(|k| self.has(&toks[k], DET));
            let next = toks.get(i + 1);
            let names_next = next.is_some_and(|n| n.run.is_some())
                || next.is_some_and(|n| self.has(n, DET))
                    && toks.get(i + 2).is_some_and(|n| n.run.is_some());
            return common_noun && names_next;
        }
        false
    }

    /// Whether a present-tense cue word at token `i` heads a noun phrase, by what stands before
    /// it (a verb's subject ends in a noun, a name or a pronoun; these are none):
    /// - the object of a past tense or a participle, alone or after one modifier: "came shouts",
    ///   "disavowing remarks made by",
    ///   "making racist remarks" ("the ruling says" keeps its verb: after a determiner the -ing
    ///   word is a noun);
    /// - a year between a determiner and the word: "the 2012 attacks";
    /// - a base form after "the" or a possessive determiner and one modifier that is neither a
    ///   plural nor a noun for a body of people: "the caustic chant", "the final say" ("the
    ///   experts say", "the police say", "the government say" keep it; "a"/"an" are
    ///   `noun_use`'s; "one message read" is a past tense spelled as the base), or after a
    ///   possessive determiner and two modifiers: "his now-familiar campaign promise".
    fn object_noun(&self, toks: &[Tok<'_>], i: usize) -> bool {
        let t = &toks[i];
        if i < 2
            || t.lower.ends_with("ed")
            || t.lower.ends_with("ing")
            || matches!(t.lower, "said" | "told")
            || self.past_verb(t.lower)
        {
            return false;
        }
        let plain = |w: &Tok<'_>| {
            w.word
                && !w.cap
                && w.run.is_none()
                && w.sent == t.sent
                && self.pronoun(w).is_none()
                && w.info.classes & (BE | SKIP | BOUNDARY | RELATIVE | DET) == 0
        };
        let participle = |k: usize| {
            let w = &toks[k];
            plain(w)
                && w.lower.len() >= 6
                && w.lower.ends_with("ing")
                && w.info.cue == 0
                && (k == 0 || !(self.has(&toks[k - 1], DET) || possessive(&toks[k - 1])))
        };
        let (prev, before) = (&toks[i - 1], &toks[i - 2]);
        if participle(i - 1) || (plain(prev) && participle(i - 2)) {
            return true;
        }
        // "came shouts from the crowd", "issued warnings": the object of a past tense (a
        // subject never ends in one).
        if plain(prev)
            && (self.past_verb(prev.lower) || prev.lower.len() > 4 && prev.lower.ends_with("ed"))
        {
            return true;
        }
        if prev.is_number() && self.has(before, DET) {
            return true;
        }
        let possessive_det = |w: &Tok<'_>| {
            matches!(
                w.lower,
                "his" | "her" | "its" | "their" | "our" | "my" | "your"
            )
        };
        !t.lower.ends_with('s')
            && plain(prev)
            && !prev.lower.ends_with('s')
            && !self.org_noun(prev.lower)
            && !self.person_noun(prev.lower)
            && !COLLECTIVE_NOUNS.contains(&prev.lower)
            && !count_word(prev)
            // "his now-familiar campaign promise": after a possessive, two modifiers too.
            && (before.is("the")
                || possessive_det(before)
                || (i > 2 && plain(before) && possessive_det(&toks[i - 3])))
            && !matches!(t.lower, "read" | "put" | "set" | "cut" | "bid")
    }
}

/// Nouns for a body of people that take a plural verb in British use: "the police say", "the
/// public say" (the organisation nouns of `quote-words.txt` count too).
const COLLECTIVE_NOUNS: &[&str] = &[
    "police",
    "public",
    "people",
    "family",
    "staff",
    "crew",
    "jury",
    "panel",
    "press",
    "media",
    "management",
    "couple",
    "pair",
    "crowd",
    "audience",
    "majority",
    "minority",
    "opposition",
    "squad",
    "side",
    "band",
];

/// Numbers and quantities that head a plural subject: "the two write", "the other three say".
const COUNT_WORDS: &[&str] = &[
    "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "dozen", "both", "all",
    "many", "few", "several", "others", "rest", "latter", "former",
];

/// A number or quantity that can head a noun phrase of its own: "the two", "the other three".
pub(super) fn count_word(t: &Tok<'_>) -> bool {
    COUNT_WORDS.contains(&t.lower)
}

/// Whether token `k`, a count word, heads a subject of its own: "the two write", "Both say".
fn count_subject(toks: &[Tok<'_>], k: usize) -> bool {
    count_word(&toks[k]) && (k == 0 || toks[k - 1].sent != toks[k].sent || toks[k - 1].is("the"))
}

/// Prepositions after which a speech word is a noun ("secretary of state", "filed by state
/// attorney"); "to" is not one ("to state").
const NOUN_PREPOSITIONS: &[&str] = &["of", "by", "from", "with", "for", "about"];

/// A word marked as a possessive: "Trump's", "the voters'".
fn possessive(t: &Tok<'_>) -> bool {
    t.word && (t.lower.ends_with("'s") || t.lower.ends_with("s'"))
}

/// The first seven bytes of a word of at least seven, packed like a `short_key`.
fn prefix_key(w: &[u8]) -> u64 {
    let mut key = 7u64 << 56;
    for (k, &x) in w.iter().take(7).enumerate() {
        key |= u64::from(x) << (8 * k);
    }
    key
}
