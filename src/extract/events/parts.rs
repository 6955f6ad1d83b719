//! The sub-parts of a sentence that carry a time of their own (issue 14): participial phrases,
//! subordinate clauses, comparison points, relative clauses without commas and nouns modified by
//! a time, each told from the words around the expression alone (no parser).
//!
//! The judging convention these follow: the main clause's event decides. A time inside a sub-part
//! dates that sub-part's event, never the sentence's; when the main clause has no time of its
//! own, the sentence takes the article's frame (publication date, or a present/past reference).
//! That holds for a fronted temporal clause too: in "After the vote on Monday, he resigned" the
//! vote is dated, the resignation is only "after" it, so the event takes the frame and Monday is
//! kept as the vote's sub-event. A time that ends the sentence after the main verb ("He resigned
//! after the vote on Monday") may attach to either, and is left to the main clause: only a
//! clause set off by commas, or opened by a word that never dates the main event ("despite",
//! "although", "if", …), is taken out.

/// How many words before an expression a clause-opening word may stand; a bound, so every
/// expression costs the same.
const REACH: usize = 10;

/// Words opening a clause or phrase whose time is never the main clause's, wherever it stands:
/// a concession, a condition or a cause ("despite a policy introduced six years ago").
const NEVER_MAIN: &[&str] = &[
    "despite", "although", "though", "because", "unless", "if", "spite",
];

/// Words opening a temporal clause, whose time is its own when the clause is fronted (it opens the
/// sentence or follows a comma, and a comma closes it before the main clause).
const TEMPORAL_OPENERS: &[&str] = &["after", "before", "following", "until", "till", "once"];

/// Words that set up a point of comparison ("compared with 23.5 million in June 2003", "higher
/// than in 2003", "below that seen in September", "an election like 1970").
/// ("versus" is not one: "a northern versus southern hemisphere match in June" names the match.)
const COMPARISON: &[&str] = &["than", "compared", "below", "above", "like", "unlike"];

/// Nouns that are the main clause's event when a year modifies them ("Labour won the 2001
/// election", "at the 2004 Olympics he won gold"); before another lower-case noun a year is that
/// noun's ("its 2004 sequel").
const EVENT_NOUNS: &[&str] = &[
    "election",
    "elections",
    "general",
    "presidential",
    "games",
    "olympics",
    "season",
    "campaign",
    "tournament",
    "championship",
    "championships",
    "final",
    "finals",
    "cup",
    "race",
    "match",
    "series",
    "tour",
    "budget",
    "conference",
    "summit",
    "awards",
    "award",
    "ceremony",
    "festival",
    "show",
    "contest",
    "vote",
    "poll",
    "referendum",
    "census",
    "event",
    "edition",
    "financial",
    "fiscal",
    "tax",
    "academic",
    "calendar",
    "spring",
    "summer",
    "autumn",
    "winter",
    "world",
    "league",
    "grand",
];

/// Auxiliaries and copulas in the present or perfect: after a noun's time ("the switch last summer
/// has been inspirational", "the companies sued on Thursday are Italian") they are the main verb,
/// so the time modified the subject. Past ones ("Sales in May were up") and future ones ("the
/// talks on Monday will decide") are left: the predicate may then share the noun's time.
const PRESENT_AUXILIARIES: &[&str] = &["is", "are", "has", "have", "remains", "remain"];

/// Every finite auxiliary, for finding a main verb before a reduced relative ("It is seeking
/// damages in a lawsuit filed earlier this week"): a `match`, as `irregular_participle`.
fn auxiliary(w: &str) -> bool {
    let mut buf = [0u8; 8];
    lower_into(bare(w), &mut buf).is_some_and(|l| {
        matches!(
            l,
            b"is"
                | b"are"
                | b"was"
                | b"were"
                | b"has"
                | b"have"
                | b"had"
                | b"will"
                | b"would"
                | b"can"
                | b"could"
                | b"may"
                | b"might"
                | b"must"
                | b"should"
                | b"does"
                | b"do"
                | b"did"
        )
    })
}

/// `w` in lower case in `buf`, when it fits.
fn lower_into<'b>(w: &str, buf: &'b mut [u8]) -> Option<&'b [u8]> {
    let out = buf.get_mut(..w.len())?;
    for (o, b) in out.iter_mut().zip(w.bytes()) {
        *o = b.to_ascii_lowercase();
    }
    Some(out)
}

/// Past participles that do not end in "-ed", and the adjectives that open a participial phrase
/// the same way (", due for release in May,"); `lower` is a lower-case word. A `match` on the
/// bytes, not a scan of a list: it runs for every word before every expression.
fn irregular_participle(lower: &[u8]) -> bool {
    matches!(
        lower,
        b"born"
            | b"built"
            | b"made"
            | b"known"
            | b"seen"
            | b"given"
            | b"taken"
            | b"written"
            | b"held"
            | b"set"
            | b"won"
            | b"sold"
            | b"shown"
            | b"led"
            | b"brought"
            | b"bought"
            | b"found"
            | b"begun"
            | b"chosen"
            | b"driven"
            | b"drawn"
            | b"grown"
            | b"broken"
            | b"spoken"
            | b"stolen"
            | b"beaten"
            | b"fallen"
            | b"hidden"
            | b"struck"
            | b"left"
            | b"lost"
            | b"kept"
            | b"paid"
            | b"laid"
            | b"told"
            | b"sent"
            | b"spent"
            | b"put"
            | b"cut"
            | b"cast"
            | b"hit"
            | b"run"
            | b"shot"
            | b"thrown"
            | b"worn"
            | b"sworn"
            | b"frozen"
            | b"ridden"
            | b"risen"
            | b"sung"
            | b"dug"
            | b"due"
            | b"slated"
            | b"first"
            | b"originally"
    )
}

/// Words that end in "-ing" and are no present participle.
const NOT_ING: &[&str] = &[
    "during",
    "morning",
    "evening",
    "thing",
    "things",
    "something",
    "nothing",
    "anything",
    "everything",
    "spring",
    "string",
    "bring",
    "ceiling",
    "building",
    "wedding",
    "earnings",
    "king",
    "ring",
    "wing",
    "sing",
    "swing",
    "sibling",
];

/// "setting", "finishing", "picking": a present participle, which opens a phrase only after a
/// comma (", finishing in Lisbon in August") or a clause-opening word ("after picking up …").
fn ing_form(w: &str) -> bool {
    let b = bare(w);
    b.len() >= 6
        && b.ends_with("ing")
        && b.bytes().all(|c| c.is_ascii_lowercase())
        && !is(NOT_ING, b)
}

/// A dash standing alone between words (" - made some 26 years ago - ").
fn is_dash(w: &str) -> bool {
    matches!(w, "-" | "\u{2013}" | "\u{2014}")
}

/// Words that end in "-ed" and are not participles.
const NOT_PARTICIPLES: &[&str] = &[
    "hundred", "indeed", "sacred", "naked", "wicked", "kindred", "need", "speed", "seed", "feed",
    "bleed", "breed", "creed", "deed", "greed", "heed", "weed", "steed", "proceed", "exceed",
    "succeed",
];

/// Words before a participle that make it part of a verb phrase, not a reduced relative after a
/// noun ("are due to be issued in February", "was last held in").
const NOT_NOUNS: &[&str] = &[
    "be", "been", "being", "get", "got", "gets", "become", "became", "not", "never", "also",
    "just", "already", "still", "then", "last", "first", "ever", "again", "since", "so", "now",
    "once", "newly", "recently", "later", "soon",
];

/// Adverbs that may stand between the comma and the participle (", first released in 1982,").
const PARTICIPLE_ADVERBS: &[&str] = &["first", "originally", "later", "also", "only", "once"];

/// Words after which "that" is a complementiser ("said that"), not a relative pronoun.
const THAT_COMPLEMENT: &[&str] = &[
    "said",
    "says",
    "say",
    "told",
    "tell",
    "believe",
    "believes",
    "believed",
    "think",
    "thinks",
    "thought",
    "show",
    "shows",
    "showed",
    "suggest",
    "suggests",
    "suggested",
    "announced",
    "claimed",
    "claims",
    "reported",
    "warned",
    "expected",
    "hoped",
    "hope",
    "insisted",
    "argued",
    "admitted",
    "added",
    "revealed",
    "confirmed",
    "denied",
    "noted",
    "stated",
    "feared",
    "learned",
    "found",
    "knew",
    "know",
    "means",
    "meant",
    "so",
    "such",
    "now",
    "fact",
    "sure",
    "clear",
    "likely",
    "hopes",
    "expects",
    "feel",
    "feels",
    "felt",
    "confident",
    "aware",
    "emerged",
    "is",
    "was",
    "are",
    "were",
    "ensure",
    "ensured",
    "given",
    "than",
    "all",
    "not",
];

/// Determiners that may open a noun phrase a year modifies.
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "his", "her", "its", "their", "our", "this", "that", "my", "your",
];

/// Words that follow a time without being a noun it modifies ("in the 1970s and 80s").
const FUNCTION_WORDS: &[&str] = &[
    "and", "or", "but", "to", "when", "with", "as", "in", "on", "at", "of", "for", "by", "from",
    "that", "which", "who", "where", "while", "than", "the", "a", "an", "is", "was", "were", "are",
    "had", "has", "have", "will", "would", "after", "before", "until", "since",
];

/// A word without the punctuation around it.
fn bare(w: &str) -> &str {
    crate::text::trim_to_alnum(w)
}

fn is(list: &[&str], w: &str) -> bool {
    let w = bare(w);
    list.iter().any(|l| l.eq_ignore_ascii_case(w))
}

/// A word ends a clause: a comma, semicolon, colon or dash after it.
fn ends_clause(w: &str) -> bool {
    // On the last byte: an ASCII byte ends a string only as a whole character.
    matches!(w.as_bytes().last(), Some(b',' | b';' | b':')) || is_dash(w)
}

/// "released", "filed", "born", "due": a past participle, by its ending or from the list.
fn participle(w: &str) -> bool {
    let b = bare(w);
    if b.len() < 3 || !b.bytes().all(|c| c.is_ascii_alphabetic()) {
        return false;
    }
    let mut buf = [0u8; 16];
    if lower_into(b, &mut buf).is_some_and(irregular_participle) {
        return true;
    }
    b.len() >= 5
        && b.as_bytes()[b.len() - 2..].eq_ignore_ascii_case(b"ed")
        && !is(NOT_PARTICIPLES, b)
}

/// The kind of sub-part the expression stands in, from the text of its sentence before it
/// (`before`, trimmed), the expression's own text and the sentence's text after it.
pub(super) fn sub_part(before: &str, own: &str, after: &str) -> Option<crate::model::PartKind> {
    use crate::model::PartKind;
    // The words before the expression, nearest first, read once for every rule (on the stack:
    // this runs for every expression of every sentence).
    let mut buf = [""; SPEECH_REACH];
    let mut n = 0;
    for (slot, w) in buf.iter_mut().zip(before.split_whitespace().rev()) {
        *slot = w;
        n += 1;
    }
    let words = &buf[..n];
    // The outer part first: "despite a policy introduced six years ago" is a subordinate clause.
    if subordinate(words, after) {
        return Some(PartKind::Subordinate);
    }
    if participial(before, words, after) {
        return Some(PartKind::Participle);
    }
    if comparison(words) {
        return Some(PartKind::Comparison);
    }
    if restrictive_relative(words, after) {
        return Some(PartKind::Relative);
    }
    if dash_relative(words) || relative_after_verb(words) || contact_relative(words) {
        return Some(PartKind::Relative);
    }
    if attitude(words)
        || reported_content(words)
        || reported_clause(words)
        || deadline_of_purpose(words)
    {
        return Some(PartKind::Reported);
    }
    if sequence_object(words) {
        return Some(PartKind::Noun);
    }
    if of_modifier(words, after) {
        return Some(PartKind::Modifier);
    }
    if subject_modifier(words, own, after) || noun_modifier(words, own, after) {
        return Some(PartKind::Modifier);
    }
    None
}

/// Prepositions that open a noun's phrase after a perfect's verb ("fined after a fight two years
/// ago", "appointed caretaker for the friendly on 17 November", "named winners of the 2004
/// awards").
const PERFECT_NOUN_PREPOSITIONS: &[&str] = &[
    "after",
    "for",
    "of",
    "against",
    "following",
    "ahead",
    "over",
    "with",
    "from",
    "before",
];

/// Numbers written as words, which after a preposition make an amount ("out of four regions").
const NUMBER_WORDS: &[&str] = &[
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve", "twenty", "hundred", "thousand", "million", "billion", "half",
];

/// Words that end the clause of a perfect before the expression ("No date has been set but it is
/// expected to begin in September").
const CLAUSE_JOINS: &[&str] = &[
    "but", "while", "whereas", "although", "though", "because", "as", "when", "which", "who",
    "that", "where", "if",
];

/// Whether the expression stands in a noun's phrase after a verb in the present perfect: "has"
/// or "have" and a participle, then a preposition that opens a noun's phrase ("has been fined
/// … after a fight in a hotel two years ago", "has appointed Tommy Burns as caretaker for the
/// friendly on 17 November"), or with `noun` a time that modifies a noun already ("have been
/// named winners of the 2004 awards"). A present perfect takes no time over before the year it
/// is said in, nor one ahead, so such a time is the noun's (`events::governing_time` asks only
/// for those); one the verb takes itself ("has enjoyed strong growth in 2004", "earnings of
/// $14.2bn in 2004") is left.
pub(super) fn perfect_noun_time(before: &str, noun: bool) -> bool {
    let mut next: Option<&str> = None;
    let mut prepositions = noun;
    let mut words = before.split_whitespace().rev().take(2 * REACH).peekable();
    let mut k = 0;
    while let Some(w) = words.next() {
        if ends_clause(w) || is(CLAUSE_JOINS, w) {
            return false;
        }
        if matches!(bare(w), "has" | "have" | "Has" | "Have") && bare(w) == w {
            // "will have finished by 2008", "appears to have shrugged off": a future or an
            // infinitive perfect, which may take any time.
            let modal = words.peek().is_some_and(|p| {
                is(
                    &[
                        "will", "would", "could", "should", "may", "might", "must", "to",
                    ],
                    p,
                )
            });
            return prepositions && !modal && next.is_some_and(|n| n == "been" || participle(n));
        }
        // The preposition before the expression, or before a word that is no amount ("of
        // $14.2bn", "in three out of four regions"); "of" after a time's head ("the last three
        // months of 2004") is part of the time.
        let amount = |n: &str| n.bytes().any(|c| c.is_ascii_digit()) || is(NUMBER_WORDS, n);
        let time_head = bare(w) == "of" && words.peek().is_some_and(|h| is(OF_HEADS, h));
        if is(PERFECT_NOUN_PREPOSITIONS, w)
            && !time_head
            && (k == 0 || next.is_some_and(|n| !amount(n)))
        {
            prepositions = true;
        }
        // An adverb between them ("has also appointed", "have now been named").
        if !(is(
            &[
                "also", "already", "now", "just", "since", "recently", "not", "never",
            ],
            w,
        ) || bare(w).ends_with("ly") && bare(w) == w)
        {
            next = Some(w);
        }
        k += 1;
    }
    false
}

/// ", released earlier this month,", ", due for release in May", "Born in Luton on 5 April 1920,
/// Hailey was": a participial phrase after a comma (or opening the sentence and closed by one
/// before the main clause), or a reduced relative after a noun once a main verb has come ("a
/// lawsuit filed earlier this week").
fn participial(before: &str, words: &[&str], after: &str) -> bool {
    if opening_participle(before, after) {
        return true;
    }
    // `words` reach further back than the participle may be, for the clause a comma closes.
    for (k, w) in words.iter().enumerate().take(REACH) {
        if ends_clause(w) {
            return false;
        }
        let ing = ing_form(w);
        if !participle(w) && !ing {
            continue;
        }
        // The word before the participle, skipping an adverb (", first released in").
        let mut at = k + 1;
        if words.get(at).is_some_and(|p| {
            // ", first released in", "- widely expected in May -".
            let b = bare(p);
            (is(PARTICIPLE_ADVERBS, p) || b.len() > 4 && b.ends_with("ly") && b == *p)
                && !p.ends_with(',')
        }) {
            at += 1;
        }
        match words.get(at).copied() {
            // After a comma: a participial phrase, unless the comma closes a relative clause or
            // an apposition after the subject ("Osbourne, who bit a bat in 1982, rejoined the band
            // in 1985", "Mr Hague, 43, told the paper": the main verb).
            Some(p) if p.ends_with(',') => {
                return !closes_relative(&words[at..]) && !closes_apposition(&words[at..]);
            }
            // Between dashes: "his comments - made some 26 years ago - needed".
            Some(p) if is_dash(p) => return true,
            // "However, when adding December and January's figures, the record ended": a present
            // participle after a clause-opening word, fronted and closed by a comma.
            Some(p)
                if ing
                    && is(&["when", "while", "after", "before"], p)
                    && words.get(at + 1).is_none_or(|q| q.ends_with(','))
                    && comma_ahead(after) =>
            {
                return true;
            }
            // A present participle opens a phrase only after a comma or a dash.
            _ if ing => continue,
            // Opening the sentence: `opening_participle` has decided.
            None => return false,
            // After a noun, once the main clause's verb has come: a reduced relative.
            Some(p) => {
                let noun = bare(p);
                let lower_noun = !noun.is_empty()
                    && noun.bytes().all(|c| c.is_ascii_lowercase())
                    && !auxiliary(noun)
                    && !is(FUNCTION_WORDS, noun)
                    && !is(NOT_NOUNS, noun)
                    && !is(SUBJECT_PRONOUNS, noun)
                    && !noun.ends_with("ly");
                let aux_before = before
                    .split_whitespace()
                    .rev()
                    .skip(k + 1)
                    .take(3 * REACH)
                    .any(auxiliary);
                // A participle right before the time or its preposition: "filed on Monday".
                let near = k <= 1;
                if lower_noun && aux_before && near {
                    return true;
                }
                // "As part of $3bn in contracts announced late last year, Sprint will spend": a
                // reduced relative inside a fronted prepositional phrase, which a comma closes
                // before the main clause.
                let fronted = || {
                    before.split_whitespace().next().is_some_and(|f| {
                        is(FRONTED_PREPOSITIONS, f) && f.starts_with(char::is_uppercase)
                    })
                };
                if lower_noun && near && !aux_before && fronted() && comma_ahead(after) {
                    return true;
                }
                // "… is motivated, the OSI claimed, adding that it paid the money in October":
                // a verb inside the phrase, which may still open further back.
            }
        }
    }
    false
}

/// Prepositions that open a fronted phrase before the main clause ("As part of …, Sprint will").
/// Not "in", "under", "by", …: "In a statement issued on Thursday, Laura Ashley thanked her"
/// dates the thanking.
const FRONTED_PREPOSITIONS: &[&str] = &["as", "among", "amid", "like", "unlike"];

/// Whether the words (backwards from one that ends in a comma) are a clause opened by a relative
/// pronoun after an earlier comma or the sentence's start: ", who bit off the head of a bat in
/// 1982,". Looked at only as far as `REACH` words.
fn closes_relative(words: &[&str]) -> bool {
    for (k, w) in words.iter().enumerate().take(REACH) {
        if k > 0 && ends_clause(w) {
            return false;
        }
        if is(&["who", "which", "whose", "whom", "where"], w) {
            return words.get(k + 1).is_none_or(|p| ends_clause(p));
        }
    }
    false
}

/// Whether the words (backwards from one that ends in a comma) are an apposition between two
/// commas with no verb in it ("Mr Hague, 43, told", "Sony, the maker of the PlayStation,
/// released"): the participle after it is then the subject's verb. A clause with an auxiliary
/// ("the stars are co-starring in the film, due for release") is not.
fn closes_apposition(words: &[&str]) -> bool {
    for (k, w) in words.iter().enumerate().take(REACH) {
        if k > 0 && ends_clause(w) {
            // The apposition follows the subject only when no verb came before it: in "the case
            // involved the ex-president of Bank of China, Wang Xuebing, jailed in 2003" the
            // participle is a phrase of its own.
            return !words[k + 1..]
                .iter()
                .take(REACH)
                .any(|w| auxiliary(w) || participle(w) && !w.starts_with(char::is_uppercase));
        }
        if auxiliary(w) {
            return false;
        }
    }
    false
}

/// How far after an expression the comma that closes its clause may be. A bound, so every
/// expression costs the same however long its sentence (a scan to the sentence's end made a
/// sentence of many expressions quadratic: 71 s for 2 MB of "2025 ").
const COMMA_REACH: usize = 400;

/// Whether a comma follows within `COMMA_REACH` bytes.
fn comma_ahead(after: &str) -> bool {
    after.bytes().take(COMMA_REACH).any(|b| b == b',')
}

/// "Born in Luton, Bedfordshire, on 5 April 1920, Hailey was", "Released in 2004, the film": a
/// participle opens the sentence, no finite verb comes before the expression, and a comma after it
/// leads to the main clause. Place names may hold commas, so these do not end the phrase.
fn opening_participle(before: &str, after: &str) -> bool {
    let mut words = before.split_whitespace();
    let first = words.next().unwrap_or("");
    if !first.starts_with(char::is_uppercase) || !participle(first) || first.ends_with(',') {
        return false;
    }
    let mut n = 1;
    let mut after_comma = false;
    for w in words {
        n += 1;
        // "Founded in 1990, the firm sold …": the main clause began before the expression.
        let starts_clause = after_comma
            && w.starts_with(|c: char| c.is_lowercase())
            && !is(&["on", "in", "at", "from", "by", "near", "and"], w);
        if n > 2 * REACH || starts_clause || w.ends_with([';', ':']) || auxiliary(w) {
            return false;
        }
        after_comma = w.ends_with(',');
    }
    comma_ahead(after)
}

/// "despite a policy introduced six years ago", "if it fails to cut costs by the end of
/// February", "After the vote on Monday, he resigned": a clause that never dates the main one, or
/// a fronted temporal clause closed by a comma.
fn subordinate(words: &[&str], after: &str) -> bool {
    // Twice the reach of the other rules: "after he consistently swore during a concert in St
    // Thomas, Jamaica, in January" opens 11 words before its time.
    for (k, w) in words.iter().enumerate().take(2 * REACH) {
        if ends_clause(w) && !place_comma(words, k) {
            return false;
        }
        if is(NEVER_MAIN, w) {
            return true;
        }
        let with = bare(w).eq_ignore_ascii_case("with");
        if with || is(TEMPORAL_OPENERS, w) && k > 0 {
            let fronted = match words.get(k + 1) {
                // The words ran out before the buffer did: the opener starts the sentence.
                None => true,
                Some(p) => p.ends_with(','),
            };
            // "And with Halo 2 out next week, it really is a contest": a conjunction that opens
            // the sentence.
            let opens = words.len() == k + 2 && is(&["and", "but", "so"], words[k + 1]);
            if with {
                // "With only 13 episodes made of the 1974 series, there is plenty of room", ",
                // with the January transfer window approaching.": a with-phrase set off from
                // the main clause; "with 5% growth in 2004" after a verb is the clause's own.
                let after_comma = words.get(k + 1).is_some_and(|p| p.ends_with(','));
                if (fronted || opens) && comma_ahead(after) || after_comma {
                    return true;
                }
                continue;
            }
            // "before the final nominees are announced on 25 January", "after Foster's bought a
            // stake on 13 January", "after he swore during a concert in January": a clause with
            // a verb of its own, not a noun phrase ("after the vote on Monday") the time may
            // follow.
            let own_verb = words[..k].iter().any(|w| auxiliary(w) || ing_form(w))
                || clause_after_opener(&words[..k]);
            return (fronted || opens) && comma_ahead(after) || own_verb;
        }
    }
    false
}

/// Whether the comma after word `k` (of `words`, nearest the expression first) parts the names of
/// a place ("a concert in St Thomas, Jamaica, in January"): a capitalised word with a comma next
/// to another.
fn place_comma(words: &[&str], k: usize) -> bool {
    let cap_comma = |w: &str| w.ends_with(',') && w.starts_with(|c: char| c.is_uppercase());
    cap_comma(words[k])
        && (words.get(k + 1).is_some_and(|w| cap_comma(w)) || k > 0 && cap_comma(words[k - 1]))
}

/// Past forms that do not end in "-ed" and are no participle of `irregular_participle`: a clause's
/// verb after a temporal opener ("after he swore").
const IRREGULAR_PAST: &[&str] = &[
    "swore", "went", "came", "took", "gave", "became", "began", "fell", "rose", "grew", "ran",
    "saw", "wrote", "broke", "spoke", "chose", "drove", "flew", "knew", "threw", "stole", "got",
    "did", "said", "told", "met", "quit", "sank", "shook", "struck", "won", "lost", "left",
    "bought", "sold", "paid", "made", "held", "led",
];

/// The words after a temporal opener (in text order, `clause` nearest the expression first) make
/// a clause: a subject pronoun right after the opener ("after he swore"), or a past verb after a
/// word that is no determiner ("after Foster's bought", "after Gene Kahn resigned"; "after the
/// failed bid" is a noun phrase).
fn clause_after_opener(clause: &[&str]) -> bool {
    let Some(first) = clause.last() else {
        return false;
    };
    if is(SUBJECT_PRONOUNS, first) && first.bytes().all(|c| c.is_ascii_lowercase()) {
        return true;
    }
    clause.iter().enumerate().any(|(j, w)| {
        let b = bare(w);
        let past = b.bytes().all(|c| c.is_ascii_lowercase())
            && (is(IRREGULAR_PAST, b) || participle(b) && b.ends_with("ed"));
        past && clause
            .get(j + 1)
            .is_some_and(|p| !is(DETERMINERS, p) && !is(FUNCTION_WORDS, p) && !p.ends_with(','))
    })
}

/// "compared with 23.5 million in June 2003", ", against a loss in 2003", "from 17m last year to
/// 55m in 2006" (the start of a change, not its end), "higher than in 2003".
fn comparison(words: &[&str]) -> bool {
    let mut seen_to = false;
    for (k, w) in words.iter().enumerate().take(REACH) {
        if ends_clause(w) {
            return false;
        }
        let b = bare(w);
        if b.eq_ignore_ascii_case("to") {
            // "from 17m last year to 55m in 2006": the end of the change is the main clause's
            // ("compared to two-thirds in 1999" goes on to "compared").
            seen_to = true;
            continue;
        }
        if b.eq_ignore_ascii_case("than")
            && words
                .get(k + 1)
                .is_some_and(|p| is(&["more", "less", "fewer"], p))
            && k > 0
            && words[k - 1].bytes().any(|c| c.is_ascii_digit())
        {
            // "by more than 10% on Friday": an amount, not a point of comparison.
            return false;
        }
        if is(COMPARISON, b) {
            return true;
        }
        // "well ahead of the 2.2% recorded in 2003": ahead of or behind an amount ("ahead of a
        // meeting on Monday" is no comparison).
        if b.eq_ignore_ascii_case("ahead") || b.eq_ignore_ascii_case("behind") {
            let amount = words[..k]
                .iter()
                .any(|w| w.bytes().any(|c| c.is_ascii_digit()));
            if amount && words.get(k.wrapping_sub(1)).is_some_and(|w| *w == "of") {
                return true;
            }
        }
        if b.eq_ignore_ascii_case("against") {
            // ", against a loss in 2003", not "the friendly against Sweden on 17 November".
            return words.get(k + 1).is_some_and(|p| p.ends_with(','));
        }
        if b.eq_ignore_ascii_case("from") && k > 0 && !seen_to {
            // "from a peak of 400,000 tonnes a year in 1970": an amount, the start of a change;
            // "from 11 March" (k == 0) starts the main event's span.
            // A year in between is no amount: "from the 2004 and 2005 model years".
            return words[..k].iter().any(|w| {
                let b = bare(w);
                b.bytes().any(|c| c.is_ascii_digit())
                    && !(b.len() == 4 && b.bytes().all(|c| c.is_ascii_digit()))
                    || is(&["peak", "high", "low", "level", "levels", "record"], w)
            });
        }
    }
    false
}

/// "one of which was inside a program that was found in late November.": a relative clause
/// without commas ("that was", "who was", "which was"), when it runs to the sentence's end (a
/// restrictive relative ends nowhere marked, so one followed by more of the sentence is left).
fn restrictive_relative(words: &[&str], after: &str) -> bool {
    let rest = after.trim();
    // Counted only as far as it matters: this runs for every expression of a sentence.
    let ends = rest.split_whitespace().take(5).count() <= 4 || rest.starts_with(',');
    if !ends {
        return false;
    }
    // Two auxiliaries after the pronoun: the second is the main clause's ("the man who was
    // jailed in 1999 has been freed on Monday").
    let mut auxiliaries = 0;
    for (k, w) in words.iter().enumerate().take(2 * REACH) {
        if ends_clause(w) || auxiliaries >= 2 {
            return false;
        }
        if auxiliary(w) {
            // "patients who received the batch and had begun calling them on Tuesday": a verb
            // joined by "and" goes on with the main clause.
            if words.get(k + 1).is_some_and(|p| is(&["and", "but"], p)) {
                return false;
            }
            auxiliaries += 1;
        }
        let b = bare(w);
        if is(&["who", "which", "whom"], b) && k > 0 {
            return true;
        }
        if b.eq_ignore_ascii_case("that") && k > 0 {
            // "a program that was found": a noun before, a verb after.
            let verb_after = k >= 1 && (auxiliary(words[k - 1]) || participle(words[k - 1]));
            let noun_before = words.get(k + 1).is_some_and(|p| {
                let p = bare(p);
                !p.is_empty()
                    && p.bytes().all(|c| c.is_ascii_lowercase())
                    && !is(THAT_COMPLEMENT, p)
                    && !participle(p)
            });
            return verb_after && noun_before;
        }
    }
    false
}

/// How many words before an expression a verb of saying may stand with the expression still in
/// what it reports ("He said the local party had only learned of the final decision on the BBC
/// News website on Monday evening": 17 words). A bound, as `REACH`.
const SPEECH_REACH: usize = 24;

/// Verbs of saying and knowing whose complement clause is what was said or known, with its own
/// event and time ("Ms Kite said she received a phone call on 13 February 2003").
const SPEECH_VERBS: &[&str] = &[
    "said",
    "says",
    "say",
    "added",
    "adds",
    "announced",
    "claimed",
    "claims",
    "insisted",
    "insists",
    "argued",
    "argues",
    "admitted",
    "admits",
    "revealed",
    "reveals",
    "confirmed",
    "confirms",
    "stated",
    "explained",
    "acknowledged",
    "alleged",
    "believes",
    "believed",
    "thinks",
    "reckons",
    "estimated",
    "estimates",
    "suggested",
    "suggests",
    "testified",
    "wrote",
    "writes",
];

/// Verbs of telling, whose object comes before what is reported ("told the BBC he had left in
/// 2004"; "told reporters on Monday" dates the telling).
const TELL_VERBS: &[&str] = &[
    "told", "tells", "tell", "warned", "warns", "reminded", "assured",
];

/// Subject pronouns: after a verb of saying they open what is said ("said she received").
const SUBJECT_PRONOUNS: &[&str] = &["he", "she", "it", "they", "we", "i", "you", "there"];

/// Words after a verb of saying that do not open what is said: the saying's own preposition, time
/// or adverb ("said on Monday", "said in a statement", "said last week", "said yesterday").
const NOT_CONTENT: &[&str] = &[
    "on",
    "in",
    "at",
    "during",
    "after",
    "before",
    "by",
    "to",
    "from",
    "with",
    "last",
    "this",
    "next",
    "earlier",
    "later",
    "yesterday",
    "today",
    "tonight",
    "recently",
    "previously",
    "also",
    "again",
    "then",
    "now",
    "late",
    "early",
    "separately",
    "privately",
    "publicly",
    "repeatedly",
    "once",
    "twice",
    "so",
];

/// "Ms Kite said she received a phone call on 13 February 2003", "Sources said that negotiations
/// sped up after …", "She said reports of a slump in pre-Christmas sales were related …": the
/// time is inside what a verb of saying reports, which is an event of its own; the sentence's is
/// the saying. The saying's own time stands right after the verb or after its preposition ("said
/// on Monday", "told reporters on Monday", "said in a statement on Monday"), and an inverted tag
/// (", said the minister on Monday") or a passive ("is said to have died in 1999") reports
/// nothing apart.
fn reported_content(words: &[&str]) -> bool {
    for (k, w) in words.iter().enumerate().take(SPEECH_REACH) {
        if ends_clause(w) {
            // "said prices rose 15.1% over 2004, but by only 2.8% in the second half of the
            // year": a contrast goes on with what is said.
            if w.ends_with(',') && k > 0 && words[k - 1] == "but" {
                continue;
            }
            return false;
        }
        let tell = is(TELL_VERBS, w);
        let prev = words.get(k + 1).copied().unwrap_or("");
        // "the admitted offences": an adjective.
        if !tell && !is(SPEECH_VERBS, w) || is(DETERMINERS, prev) {
            continue;
        }
        // The words from the verb to the expression, in text order.
        let between = &words[..k];
        // "Profits rose, said the firm on Monday": the tag, inverted after its statement.
        // "is said to": a passive of report, whose infinitive is the main event. A subject set
        // off by commas ("Peter Nielson, who is chairman, said he had suspended Mr Houston on
        // Friday night") ends the same way and is left: the story sets' happenings take such a
        // saying's date from its content (tried, issue 14: dev happenings' date exact 0.712 ->
        // 0.682).
        if ends_clause(prev)
            || prev.ends_with(['"', '\u{201d}'])
            || is(&["is", "was", "are", "were", "be", "been"], prev)
        {
            return false;
        }
        let Some(&next) = between.last() else {
            return false;
        };
        let that = between.iter().any(|b| bare(b).eq_ignore_ascii_case("that"));
        if tell {
            // After the object: "that" or a subject of its own.
            return that
                || between[..between.len() - 1]
                    .iter()
                    .any(|b| is(SUBJECT_PRONOUNS, b) && b.bytes().all(|c| c.is_ascii_lowercase()));
        }
        return that || !is(NOT_CONTENT, next) && !next.ends_with("ly");
    }
    false
}

/// `w` without its punctuation, in lower case (empty when longer than `buf`).
/// The ends are trimmed as bytes, not as characters: the lists it is matched against are ASCII.
fn low<'b>(w: &str, buf: &'b mut [u8; 16]) -> &'b [u8] {
    let b = w.as_bytes();
    let Some(from) = b.iter().position(u8::is_ascii_alphanumeric) else {
        return &[];
    };
    let to = b
        .iter()
        .rposition(u8::is_ascii_alphanumeric)
        .map_or(from, |t| t + 1);
    let word = &b[from..to];
    let Some(out) = buf.get_mut(..word.len()) else {
        return &[];
    };
    for (o, c) in out.iter_mut().zip(word) {
        *o = c.to_ascii_lowercase();
    }
    out
}

/// Whether lower-case word `l` is on `list`, compared as bytes (cheaper than `is`, which trims
/// and folds every entry).
fn has(list: &[&str], l: &[u8]) -> bool {
    list.iter().any(|x| x.as_bytes() == l)
}

/// Verbs of reporting and finding whose object may be a plain noun ("police found the body on
/// Monday", "the paper reported a loss in May"): what they report is a clause of its own only
/// when "that" or a finite verb opens it ("the survey found exports had picked up in the last
/// three months of 2004", "the club denied suggestions that he was sacked in May").
/// Forms that are also nouns ("report", "shows", "fears": "the £11.5m show will make its debut
/// in March") are left out.
const REPORT_VERBS: &[&str] = &[
    "reported",
    "denied",
    "denies",
    "found",
    "showed",
    "indicated",
    "indicates",
    "disclosed",
    "discloses",
    "predicted",
    "predicts",
    "feared",
];

/// Nouns whose "that" opens what they report ("the fact that two million jobs have been created
/// in the past year", "suggestions that he was sacked in May").
const CONTENT_NOUNS: &[&str] = &[
    "fact",
    "suggestion",
    "suggestions",
    "claim",
    "claims",
    "report",
    "reports",
    "news",
    "belief",
    "fear",
    "fears",
    "speculation",
    "rumours",
    "rumors",
    "allegation",
    "allegations",
    "assurance",
    "assurances",
    "evidence",
];

/// Verbs of asking whose object's infinitive is what is asked for ("is asking those with blogs to
/// dedicate their sites on 22 February", "urged members to vote in May").
const REQUEST_VERBS: &[&str] = &[
    "asking",
    "asked",
    "asks",
    "ask",
    "urging",
    "urged",
    "urges",
    "urge",
    "inviting",
    "invited",
    "invites",
    "encouraging",
    "encouraged",
    "encourages",
    "begging",
    "begged",
    "persuaded",
    "calling",
];

/// What a verb of reporting, a noun of content or a verb of asking opens, in the same clause: a
/// "that" clause or one with a finite verb (`REPORT_VERBS`), a "that" clause after a noun of
/// `CONTENT_NOUNS`, an infinitive after a verb of asking. Its time is that clause's event's.
fn reported_clause(words: &[&str]) -> bool {
    let mut buf = [0u8; 16];
    for (k, w) in words.iter().enumerate().take(SPEECH_REACH) {
        if ends_clause(w) {
            return false;
        }
        // Each word lower-cased once and matched as bytes: this runs for every expression.
        let l = low(w, &mut buf);
        match l {
            b"that" if k > 0 && words.get(k + 1).is_some_and(|p| is(CONTENT_NOUNS, p)) => {
                return true;
            }
            // "most pundits are betting on 5 May": what is bet on.
            b"betting" | b"bet" | b"bets" if k > 0 && bare(words[k - 1]) == "on" => return true,
            _ => {}
        }
        let report = has(REPORT_VERBS, l);
        if !report && !has(REQUEST_VERBS, l) {
            continue;
        }
        let between = &words[..k];
        let prev = words.get(k + 1).copied().unwrap_or("");
        // "the reported case", "has been found guilty in May": an adjective or a passive.
        let adjective_or_passive = is(DETERMINERS, prev) || is(BE_FORMS, prev);
        if report && !adjective_or_passive && k > 0 {
            return between
                .iter()
                .any(|b| bare(b).eq_ignore_ascii_case("that") || auxiliary(b) && *b == bare(b));
        }
        // "is asking members to": a progressive, no passive ("were asked to vote").
        let passive = adjective_or_passive && !l.ends_with(b"ing");
        if !report && !passive && k > 1 {
            // "asking X to dedicate …": "to" and a verb after the object.
            return between.iter().enumerate().skip(1).any(|(j, b)| {
                // A lower-case word after "to", no amount ("the asking price … fell from
                // £190,329 in November to £189,733 in December").
                let verb = between[j - 1];
                *b == "to" && verb.bytes().all(|c| c.is_ascii_lowercase()) && !is(NOT_VERBS, verb)
            });
        }
    }
    false
}

/// Forms of "be" before a participle: "was reported", "been found" (a passive, not a report).
const BE_FORMS: &[&str] = &["is", "was", "are", "were", "be", "been", "being"];

/// Verbs that place the main event after or before something else: "This setback follows the
/// rejection by the US in October", "The bankruptcy followed its admission in 2002", "The
/// intervention comes ahead of a meeting on Monday". The time after their object is the
/// object's, not the sentence's. A time right after the verb ("The visit follows last month's
/// trip") is left to `Part::Noun`, which dates the sentence by it when nothing else does.
const SEQUENCE_VERBS: &[&str] = &["follows", "followed", "follow", "precedes", "preceded"];

/// Whether the expression ends the object of a verb of `SEQUENCE_VERBS`, or of "comes/came
/// ahead of/after/before", in the same clause, with the object's noun between the verb and it.
fn sequence_object(words: &[&str]) -> bool {
    let mut buf = [0u8; 16];
    for (k, w) in words.iter().enumerate().take(SPEECH_REACH) {
        if ends_clause(w) {
            return false;
        }
        let l = low(w, &mut buf);
        let sequence = has(SEQUENCE_VERBS, l) && bare(w).bytes().all(|c| c.is_ascii_lowercase())
            // "comes ahead of", "came after": the word after the verb is the preposition.
            || k > 0
                && matches!(l, b"comes" | b"come" | b"came")
                && is(&["ahead", "after", "before"], words[k - 1]);
        if !sequence {
            continue;
        }
        // "was followed in May", "the followed path": a passive or an adjective.
        let prev = words.get(k + 1).copied().unwrap_or("");
        if is(BE_FORMS, prev) || is(DETERMINERS, prev) {
            return false;
        }
        // The object's noun stands between the verb and the expression, which follows it after
        // a preposition: a determiner of the object ("the rejection", "its admission"), then a
        // preposition nearer the expression ("by the US in October"). A time right after the
        // object's determiner is the object's own phrase ("came after a strong first quarter"),
        // and one right after its noun ("follows a recommendation last year") is left as before.
        let Some(prep) = words[..k].iter().position(|b| {
            is(
                &[
                    "in", "on", "at", "by", "during", "of", "from", "to", "after", "before",
                ],
                b,
            )
        }) else {
            return false;
        };
        return words[prep + 1..k]
            .iter()
            .any(|b| is(DETERMINERS, b) || b.ends_with("'s"));
    }
    false
}

/// "the full-back appears to have shrugged off the knock he picked up in the 1-0 loss on Sunday":
/// a relative clause with no pronoun, told by a determiner, a lower-case noun, a subject pronoun
/// and a past verb ("the firm he founded in 1990").
fn contact_relative(words: &[&str]) -> bool {
    for (k, w) in words.iter().enumerate().take(SPEECH_REACH) {
        if ends_clause(w) {
            return false;
        }
        if k == 0 || !matches!(*w, "he" | "she" | "they" | "we" | "i") {
            continue;
        }
        let verb = bare(words[k - 1]);
        let past = verb.bytes().all(|c| c.is_ascii_lowercase())
            && (is(IRREGULAR_PAST, verb) || participle(verb) && verb.ends_with("ed"));
        let noun = words.get(k + 1).is_some_and(|n| {
            let b = bare(n);
            b == *n
                && !b.is_empty()
                && b.bytes().all(|c| c.is_ascii_lowercase() || c == b'-')
                && !is(FUNCTION_WORDS, b)
                && !is(THAT_COMPLEMENT, b)
                && !auxiliary(b)
        });
        // "in the course of the match they rediscovered": after a preposition the noun ends a
        // fronted phrase, and the pronoun opens the main clause.
        let det = words
            .get(k + 2)
            .is_some_and(|d| is(DETERMINERS, d) && *d == bare(d))
            && !words.get(k + 3).is_some_and(|p| {
                is(
                    &[
                        "of", "in", "on", "at", "during", "after", "before", "by", "with", "for",
                        "from", "into", "over",
                    ],
                    p,
                )
            });
        return past && noun && det;
    }
    false
}

/// "Wilkinson - who had targeted the 27 February match for his comeback - has been missed": a
/// relative clause set off by dashes.
fn dash_relative(words: &[&str]) -> bool {
    for (k, w) in words.iter().enumerate().take(REACH) {
        if is_dash(w) || ends_clause(w) {
            return false;
        }
        if is(&["who", "which", "whose", "whom"], w) {
            return words.get(k + 1).is_some_and(|p| is_dash(p));
        }
    }
    false
}

/// "Shell is to pay $1m to the ex-finance chief who stepped down from her post in April 2004 after
/// the firm over-stated its reserves": a relative clause without commas after the main clause's
/// verb (an auxiliary before its noun), which the rest of the sentence does not end.
fn relative_after_verb(words: &[&str]) -> bool {
    for (k, w) in words.iter().enumerate().take(REACH) {
        if ends_clause(w) {
            return false;
        }
        if k > 0 && is(&["who", "whom"], w) {
            // A verb of the relative clause between the pronoun and the expression; one joined
            // by "and" goes on with the main clause ("patients who received the batch and had
            // begun calling them on Tuesday"), as in `restrictive_relative`.
            let verb = words[..k].iter().any(|v| auxiliary(v) || participle(v));
            let joined = (1..k).any(|j| auxiliary(words[j]) && is(&["and", "but"], words[j + 1]));
            if joined {
                return false;
            }
            let noun = words.get(k + 1).is_some_and(|p| {
                let b = bare(p);
                !b.is_empty()
                    && b.bytes().all(|c| c.is_ascii_lowercase() || c == b'-')
                    && !is(THAT_COMPLEMENT, b)
            });
            let main_verb = words[k + 1..]
                .iter()
                .take(REACH)
                .take_while(|p| !ends_clause(p))
                .any(|p| auxiliary(p));
            return verb && noun && main_verb;
        }
    }
    false
}

/// Words before "to" that make its infinitive the main event's own future ("is to be finished by
/// 2008", "are due to open by May", "plans to launch by June"), not a purpose or a want.
const FUTURE_TO: &[&str] = &[
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "am",
    "due",
    "set",
    "expected",
    "likely",
    "going",
    "about",
    "able",
    "plans",
    "planned",
    "plan",
    "planning",
    "scheduled",
    "poised",
    "ready",
    "bound",
    "supposed",
    "intends",
    "intended",
    "has",
    "have",
    "had",
    "used",
    "unable",
];

/// Words after "to" that are no verb ("up to three", "to the", "to 0.7%").
const NOT_VERBS: &[&str] = &[
    "the", "a", "an", "his", "her", "its", "their", "our", "this", "that", "these", "those", "my",
    "your", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "be",
    "date", "some", "all", "more", "less",
];

/// "launched a £500m initiative to allow clubs to provide three hours a week by 2010", "have said
/// they want to boost aid by 2015": a deadline ("by" and the time) inside an infinitive of
/// purpose or want is the goal's, not the launching's or the wanting's. An infinitive that is
/// the main event's future ("is to be finished by 2008", "are due to open by May") is left.
fn deadline_of_purpose(words: &[&str]) -> bool {
    if words
        .first()
        .is_none_or(|w| !bare(w).eq_ignore_ascii_case("by"))
    {
        return false;
    }
    for (k, w) in words.iter().enumerate().take(SPEECH_REACH).skip(1) {
        if ends_clause(w) {
            return false;
        }
        if bare(w) != "to" || k < 2 {
            continue;
        }
        let verb = bare(words[k - 1]);
        let is_verb = !verb.is_empty()
            && verb.bytes().all(|c| c.is_ascii_lowercase())
            && !is(NOT_VERBS, verb)
            && !participle(verb);
        if !is_verb {
            continue;
        }
        return words
            .get(k + 1)
            .is_some_and(|p| !is(FUTURE_TO, p) && !ends_clause(p));
    }
    false
}

/// Words of hope, confidence and reference whose complement's time is what is hoped for or
/// referred to, not when the hoping is done ("Airbus hopes to have 50 orders by mid-2005", "the
/// Fund said it was confident of growth by next year", "referring to late 2000").
const ATTITUDES: &[&str] = &[
    "predict",
    "predicts",
    "predicted",
    "predicting",
    "forecast",
    "forecasts",
    "forecasting",
    "hope",
    "hopes",
    "hoped",
    "hoping",
    "confident",
    "optimistic",
    "referring",
    "aims",
    "aim",
    "aiming",
];

/// The time is in the complement of a word in `ATTITUDES`, in the same clause.
fn attitude(words: &[&str]) -> bool {
    for w in words.iter().take(REACH + 4) {
        if ends_clause(w) {
            return false;
        }
        if is(ATTITUDES, w) {
            return true;
        }
    }
    false
}

/// Words before "of" that make the time the head's own period, not a noun's ("the end of 2001"
/// is usually one expression; "the night of 5 May", "the events of 11 September").
const OF_HEADS: &[&str] = &[
    "end",
    "start",
    "beginning",
    "middle",
    "half",
    "quarter",
    "rest",
    "part",
    "most",
    "all",
    "some",
    "each",
    "any",
    "none",
    "first",
    "second",
    "third",
    "last",
    "week",
    "month",
    "year",
    "day",
    "days",
    "weeks",
    "months",
    "years",
    "night",
    "morning",
    "evening",
    "afternoon",
    "period",
    "time",
    "times",
    "events",
    "summer",
    "spring",
    "autumn",
    "winter",
    "as",
    "out",
    "because",
    "instead",
];

/// "the top word of 2004", "the unmissable albums of 2004": a time after "of" that belongs to the
/// noun before it.
fn of_modifier(words: &[&str], after: &str) -> bool {
    let (Some(&of), Some(&head)) = (words.first(), words.get(1)) else {
        return false;
    };
    let noun = bare(head);
    // "coming top of the Sound of 2005 list": a capitalised name with the year inside it, before a
    // lower-case noun.
    let next = after.split_whitespace().next().map_or("", bare);
    if of == "of"
        && words.len() > 2
        && noun.starts_with(|c: char| c.is_ascii_uppercase())
        && noun.bytes().skip(1).all(|c| c.is_ascii_lowercase())
        && !next.is_empty()
        && next.bytes().all(|c| c.is_ascii_lowercase())
        && !is(FUNCTION_WORDS, next)
        && !is(OF_HEADS, &noun.to_ascii_lowercase())
    {
        return true;
    }
    of == "of"
        && !head.ends_with([',', ';', ':'])
        && !noun.is_empty()
        && noun.bytes().all(|c| c.is_ascii_lowercase())
        && !is(OF_HEADS, noun)
        && !is(EVENT_NOUNS, noun)
        && !is(FUNCTION_WORDS, noun)
}

/// "the switch last summer has been inspirational", "the companies sued on Thursday are Italian":
/// a time inside the subject, told by the present or future main verb right after it.
fn subject_modifier(words: &[&str], own: &str, after: &str) -> bool {
    // "The threat now is new": an adverb of the present, not a noun's time.
    if is(
        &[
            "now",
            "currently",
            "today",
            "tonight",
            "presently",
            "nowadays",
        ],
        own,
    ) {
        return false;
    }
    let next = after.split_whitespace().next().unwrap_or("");
    let last = words.first();
    last.is_some_and(|l| !ends_clause(l))
        && !next.ends_with(',')
        && is(PRESENT_AUXILIARIES, next)
        && bare(next) == next
}

/// "its 2004 sequel", "a 1950s backstreet abortionist", "the 70s horror classic": a year or decade
/// after a determiner and before a lower-case noun that is not an event the main clause may be
/// ("the 2001 election").
fn noun_modifier(words: &[&str], own: &str, after: &str) -> bool {
    let mut own_words = own.split_whitespace();
    let first = own_words.next().unwrap_or("");
    let (det, number) = match own_words.next() {
        // "The 70s": the determiner is part of the expression.
        Some(n) if is(DETERMINERS, first) && own_words.next().is_none() => (first, n),
        Some(_) => return false,
        None => (words.first().copied().unwrap_or(""), first),
    };
    let digits = number.trim_start_matches('\'');
    let year_like = digits.len() >= 2
        && digits.bytes().take_while(u8::is_ascii_digit).count() >= 2
        && (digits.bytes().all(|b| b.is_ascii_digit()) && digits.len() == 4
            || digits.strip_suffix('s').is_some_and(|d| {
                matches!(d.len(), 2 | 4) && d.bytes().all(|b| b.is_ascii_digit())
            }));
    // A decade modifies a noun with no determiner too: "revenues are at 1950s levels".
    let decade = digits.ends_with('s');
    if !year_like || !(decade || is(DETERMINERS, det)) || det.ends_with(',') {
        return false;
    }
    let next = after.split_whitespace().next().unwrap_or("");
    let noun = bare(next);
    !noun.is_empty()
        && next.starts_with(|c: char| c.is_ascii_lowercase())
        && noun.bytes().all(|c| c.is_ascii_lowercase() || c == b'-')
        && !is(FUNCTION_WORDS, noun)
        && !is(EVENT_NOUNS, noun)
}
