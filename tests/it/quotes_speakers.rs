//! Who said it: speakers resolved to the document's actors, one table row each: (text, actors as
//! (name, kind, the strings that are its mentions), expected (start of the quote, speaker names)).
//! The actors are given, so the rows test the quote stage's resolution alone.

use dateline::extract::actors::DocActor;
use dateline::extract::{DocInput, quotes};
use dateline::model::{ActorKind, Span};

use ActorKind::{Organization as O, Person as P, Place as L};

type Actors<'a> = &'a [(&'a str, ActorKind, &'a [&'a str])];
/// (start of the quote, its speakers' names)
type Want<'a> = &'a [(&'a str, &'a [&'a str])];

fn speakers_of(text: &str, actors: Actors) -> Vec<(String, Vec<String>)> {
    let lex = crate::common::lexicon();
    let doc = DocInput::segmented(text, &lex.segment, None);
    let actors: Vec<DocActor> = actors
        .iter()
        .map(|&(name, kind, mentions)| {
            let mut spans: Vec<Span> = mentions
                .iter()
                .flat_map(|m| {
                    text.match_indices(m)
                        .map(|(i, m)| Span::new(i, i + m.len()))
                })
                .collect();
            spans.sort_by_key(|s| s.start);
            DocActor {
                name: name.to_string(),
                kind,
                roles: Vec::new(),
                aliases: Vec::new(),
                country: None,
                mentions: spans,
            }
        })
        .collect();
    quotes::extract(&doc, &actors, &lex.quotes)
        .into_iter()
        .map(|q| {
            (
                q.span.slice(text).to_string(),
                q.speakers.iter().map(|&a| actors[a].name.clone()).collect(),
            )
        })
        .collect()
}

#[test]
fn speakers_table() {
    let rows: &[(&str, Actors, Want)] = &[
        // a definite description with a capitalised modifier refers back to a person
        (
            "Sean Kelly, from Waterford, won the stage in Lyon. The Waterford man said it was “the best day of my life”.",
            &[
                ("Sean Kelly", P, &["Sean Kelly"]),
                ("Waterford", L, &["Waterford"]),
                ("Lyon", L, &["Lyon"]),
            ],
            &[("“the best day", &["Sean Kelly"])],
        ),
        // "the trust" is the organisation named with that noun, not the nearest one
        (
            "Nordhavn Capital met the Supporters' Trust on Monday. The trust said it was “deeply worried” by the bid.",
            &[
                ("Supporters' Trust", O, &["Supporters' Trust"]),
                ("Nordhavn Capital", O, &["Nordhavn Capital"]),
            ],
            &[("“deeply worried”", &["Supporters' Trust"])],
        ),
        // "she" never goes to a man, even the nearest name (given-name gender)
        (
            "Anna Petrova met John Smith in Geneva. “We will sign the accord,” she said.",
            &[
                ("Anna Petrova", P, &["Anna Petrova"]),
                ("John Smith", P, &["John Smith"]),
            ],
            &[("“We will sign", &["Anna Petrova"])],
        ),
        // a title tells the sex when the given name is unknown
        (
            "Mrs Okonkwo wrote to Mr Varga on Monday. “I am still waiting,” she said.",
            &[("Okonkwo", P, &["Okonkwo"]), ("Varga", P, &["Varga"])],
            &[("“I am still", &["Okonkwo"])],
        ),
        // two people share a surname: the title picks the one of that sex
        (
            "Tomas Berisha was jailed in May. His sister, Lena Berisha, campaigned for months. “I never gave up hope,” Ms Berisha said.",
            &[
                ("Tomas Berisha", P, &["Tomas Berisha"]),
                ("Lena Berisha", P, &["Lena Berisha"]),
            ],
            &[("“I never gave", &["Lena Berisha"])],
        ),
        // no compatible person: "he" stays unresolved rather than going to a woman
        (
            "Maria Lopez spoke first. “No,” he said.",
            &[("Maria Lopez", P, &["Maria Lopez"])],
            &[("“No,”", &[])],
        ),
        // "he" after a quotation: the subject of the discourse, not the nearest name
        (
            "Kovacic met Lindqvist in Oslo on Monday. “We will keep every road open,” he said.",
            &[
                ("Kovacic", P, &["Kovacic"]),
                ("Lindqvist", P, &["Lindqvist"]),
            ],
            &[("“We will keep", &["Kovacic"])],
        ),
        // a new subject takes the discourse over from the previous speaker ...
        (
            "Tom Baker criticised the plan. “It is a disgrace,” he said. Local councillor Paul Geraghty, a member of the county council, said families were anxious. “They want to know if they still have a job,” he said.",
            &[
                ("Tom Baker", P, &["Tom Baker"]),
                ("Paul Geraghty", P, &["Paul Geraghty"]),
            ],
            &[
                ("“It is a disgrace", &["Tom Baker"]),
                ("“They want to know", &["Paul Geraghty"]),
            ],
        ),
        // ... but not a person named after a pronoun subject
        (
            "“We will hold every metre,” Pashinyan said. He also met Iranian President Masoud Pezeshkian in Tehran. “Armenia will control its territory,” he said.",
            &[
                ("Nikol Pashinyan", P, &["Pashinyan"]),
                ("Masoud Pezeshkian", P, &["Masoud Pezeshkian"]),
            ],
            &[("“Armenia will control", &["Nikol Pashinyan"])],
        ),
        // a name inside a quotation is not a candidate: the quote mentions him, it is not his
        (
            "Vera Holm spoke after the vote. “Anton Berg has failed us,” she said.",
            &[
                ("Vera Holm", P, &["Vera Holm"]),
                ("Anton Berg", P, &["Berg"]),
            ],
            &[("“Anton Berg has", &["Vera Holm"])],
        ),
        // a place never speaks; an organisation can
        (
            "Ruritania rejected the claim on Monday. Acme Holdings said that profits rose.",
            &[
                ("Ruritania", L, &["Ruritania"]),
                ("Acme Holdings", O, &["Acme Holdings"]),
            ],
            &[("profits rose", &["Acme Holdings"])],
        ),
        (
            "Ruritania said the border would stay closed.",
            &[("Ruritania", L, &["Ruritania"])],
            &[("the border would", &[])],
        ),
        // "the club" is the organisation named before, not the person named nearest
        (
            "Kelsbridge Rovers were sold to Ray Dunn in May. “We welcome the new owner,” the club said.",
            &[
                ("Kelsbridge Rovers", O, &["Kelsbridge Rovers"]),
                ("Ray Dunn", P, &["Ray Dunn"]),
            ],
            &[("“We welcome", &["Kelsbridge Rovers"])],
        ),
        // an appositive name after a description is the speaker
        (
            "The mayor's chief of staff, Tomas Varga, said the road would reopen.",
            &[("Tomas Varga", P, &["Tomas Varga"])],
            &[("the road would reopen", &["Tomas Varga"])],
        ),
        // a speaker text that names an actor links to it: a long title before the name ...
        (
            "Deputy Minister of Finance Mara Kell said that taxes would fall.",
            &[("Mara Kell", P, &["Mara Kell"])],
            &[("taxes would fall", &["Mara Kell"])],
        ),
        // ... or a title and the surname of the one person of that name
        (
            "Peter Holt arrived late. Mr Holt said the deal was done.",
            &[("Peter Holt", P, &["Peter Holt"])],
            &[("the deal was done", &["Peter Holt"])],
        ),
    ];
    let mut wrong = Vec::new();
    for &(text, actors, want) in rows {
        let got = speakers_of(text, actors);
        for &(start, names) in want {
            let q = got.iter().find(|(t, _)| t.starts_with(start));
            let ok = q.is_some_and(|(_, s)| s.iter().map(String::as_str).eq(names.iter().copied()));
            if !ok {
                wrong.push(format!(
                    "{text}\n  want {start:?} -> {names:?}\n   got {got:?}"
                ));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "{} rows differ:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
}

/// Only speech verbs and finite verbs attribute a short quotation: "is", "will" and "went on"
/// are no cues, and their subjects no speakers.
#[test]
fn junk_cues_attribute_nothing() {
    let rows = [
        "The transmitter will “boost coverage” across the region.",
        "It is “a disgrace” that the road is shut.",
        "Mr Cunningham went on “a long walk” after the match.",
    ];
    let lex = crate::common::lexicon();
    for text in rows {
        let doc = DocInput::segmented(text, &lex.segment, None);
        for q in quotes::extract(&doc, &[], &lex.quotes) {
            let cue = q.cue.map(|c| c.slice(text));
            assert!(
                !matches!(cue, Some("will" | "is" | "went" | "on" | "state")),
                "{text}: cue {cue:?}"
            );
            assert_eq!(q.speaker_span, None, "{text}: {:?}", q.span.slice(text));
        }
    }
}

/// A speaker named by a role or an organisation's common name: the actor holding that role (the
/// article's main holder when several do), or the one organisation of that name and country.
#[test]
fn role_speakers() {
    // (name, kind, mentions, roles, country)
    type Spec<'a> = (
        &'a str,
        ActorKind,
        &'a [&'a str],
        &'a [&'a str],
        Option<&'a str>,
    );
    let cases: &[(&str, &[Spec], &str, &[&str])] = &[
        (
            "Deputy Prime Minister Armen Hovhannisyan presented the results. Hovhannisyan met Deputy Prime Minister Elchin Mammadov in Baku. According to the Deputy Prime Minister, the groups reached “agreement” on nine kilometres.",
            &[
                (
                    "Armen Hovhannisyan",
                    P,
                    &["Hovhannisyan"],
                    &["Deputy Prime Minister"],
                    None,
                ),
                (
                    "Elchin Mammadov",
                    P,
                    &["Elchin Mammadov"],
                    &["Deputy Prime Minister"],
                    None,
                ),
            ],
            "the groups reached",
            &["Armen Hovhannisyan"],
        ),
        // a role refers back: a holder named only after it is not its referent
        (
            "According to the Deputy Prime Minister, the groups reached “agreement” on nine kilometres. The experts later met Deputy Prime Minister Elchin Mammadov in Baku.",
            &[(
                "Elchin Mammadov",
                P,
                &["Elchin Mammadov"],
                &["Deputy Prime Minister"],
                None,
            )],
            "the groups reached",
            &[],
        ),
        (
            "The Foreign Ministry of Armenia and the Foreign Ministry of Azerbaijan met. Azerbaijan's foreign ministry said the court had acted independently.",
            &[
                (
                    "Foreign Ministry",
                    O,
                    &["Foreign Ministry of Armenia"],
                    &[],
                    Some("Armenia"),
                ),
                (
                    "Foreign Ministry",
                    O,
                    &["Foreign Ministry of Azerbaijan"],
                    &[],
                    Some("Azerbaijan"),
                ),
            ],
            "the court had",
            &["Foreign Ministry:Azerbaijan"],
        ),
        // a spokeswoman for a role holder speaks for the role holder
        (
            "Health Minister Grace Hall faced questions on Monday. A spokeswoman for the minister said she had acted on the advice she was given.",
            &[("Grace Hall", P, &["Grace Hall"], &["Health Minister"], None)],
            "she had acted",
            &["Grace Hall"],
        ),
        // someone of the possessor's, not the possessor
        (
            "Martin Keogh works for the HSE. The HSE's chief clinical officer said the risk to individuals was low.",
            &[
                ("HSE", O, &["HSE"], &[], None),
                (
                    "Martin Keogh",
                    P,
                    &["Martin Keogh"],
                    &["chief clinical officer"],
                    None,
                ),
            ],
            "the risk to",
            &["Martin Keogh"],
        ),
    ];
    let lex = crate::common::lexicon();
    for &(text, specs, start, want) in cases {
        let doc = DocInput::segmented(text, &lex.segment, None);
        let actors: Vec<DocActor> = specs
            .iter()
            .map(|&(name, kind, mentions, roles, country)| DocActor {
                name: name.to_string(),
                kind,
                roles: roles.iter().map(|r| r.to_string()).collect(),
                aliases: Vec::new(),
                country: country.map(str::to_string),
                mentions: mentions
                    .iter()
                    .flat_map(|m| text.match_indices(m))
                    .map(|(i, m)| Span::new(i, i + m.len()))
                    .collect(),
            })
            .collect();
        let got = quotes::extract(&doc, &actors, &lex.quotes);
        let q = got
            .iter()
            .find(|q| q.span.slice(text).starts_with(start))
            .unwrap_or_else(|| panic!("no quote at {start:?} in {text}"));
        let names: Vec<String> = q
            .speakers
            .iter()
            .map(|&a| match &actors[a].country {
                Some(c) => format!("{}:{c}", actors[a].name),
                None => actors[a].name.clone(),
            })
            .collect();
        assert_eq!(names, want, "{text}");
    }
}
