//! Table tests for the actor rules: each input with the actors (kind, name, mentions) it must yield.

use dateline::extract::DocInput;
use dateline::extract::actors::{self, DocActor};
use dateline::model::ActorKind;

fn run(text: &str) -> Vec<DocActor> {
    let lex = crate::common::lexicon();
    let doc = DocInput::segmented(text, &lex.segment, None);
    actors::extract(&doc, &lex.actors)
}

fn kind(k: &str) -> ActorKind {
    match k {
        "person" => ActorKind::Person,
        "org" => ActorKind::Organization,
        "place" => ActorKind::Place,
        _ => ActorKind::Group,
    }
}

/// (text, [(kind, name, [mention texts])]) — actors not listed must not be there, except groups
/// unless a group is listed.
/// A row's actors as found (groups left out) and as wanted: (kind, name, mention texts).
type Found<'a> = Vec<(ActorKind, String, Vec<&'a str>)>;

fn got_and_want<'a>(text: &'a str, want: &[(&str, &str, &[&'a str])]) -> (Found<'a>, Found<'a>) {
    let got = run(text)
        .iter()
        .filter(|a| a.kind != ActorKind::Group)
        .map(|a| {
            let ms = a.mentions.iter().map(|m| m.slice(text)).collect();
            (a.kind, a.name.clone(), ms)
        })
        .collect();
    let want = want
        .iter()
        .map(|(k, n, ms)| (kind(k), n.to_string(), ms.to_vec()))
        .collect();
    (got, want)
}

#[test]
fn actor_table() {
    type Want<'a> = &'a [(&'a str, &'a str, &'a [&'a str])];
    let cases: &[(&str, Want)] = &[
        (
            "Armenian Prime Minister Nikol Pashinyan met Mr. Pashinyan's aides.",
            &[(
                "person",
                "Nikol Pashinyan",
                &["Nikol Pashinyan", "Pashinyan"],
            )],
        ),
        (
            "Turkey’s Foreign Minister Hakan Fidan said Ankara would wait. Fidan left.",
            &[
                ("place", "Turkey", &["Turkey"]),
                ("person", "Hakan Fidan", &["Hakan Fidan", "Fidan"]),
                ("place", "Ankara", &["Ankara"]),
            ],
        ),
        (
            "One detainee, a Lebanese-Armenian, is in the Prime Minister's care.",
            &[],
        ),
        (
            "The broader context is the Trump Route for International Peace and Prosperity.",
            &[],
        ),
        (
            "It is the Trump Route for International Peace and Prosperity (TRIPP), a corridor.",
            &[],
        ),
        (
            "BRUSSELS 1996-08-22\nThe European Commission said the Commission would act.",
            &[
                ("place", "Brussels", &["BRUSSELS"]),
                (
                    "org",
                    "European Commission",
                    &["European Commission", "Commission"],
                ),
            ],
        ),
        (
            "FISCHLER PROPOSES BAN\nEU Farm Commissioner Franz Fischler proposed a ban.",
            &[
                ("person", "Franz Fischler", &["FISCHLER", "Franz Fischler"]),
                ("org", "EU", &["EU"]),
            ],
        ),
        (
            "Reuters reported that Manchester United lost in London.",
            &[
                ("org", "Reuters", &["Reuters"]),
                ("org", "Manchester United", &["Manchester United"]),
                ("place", "London", &["London"]),
            ],
        ),
        (
            "Officials at the Ministry of Defence met Serbian President Slobodan Milosevic on Thursday.",
            &[
                ("org", "Ministry of Defence", &["Ministry of Defence"]),
                ("person", "Slobodan Milosevic", &["Slobodan Milosevic"]),
            ],
        ),
        (
            "Prime Minister Nikol Pashinyan left. Later the prime minister said more.",
            &[(
                "person",
                "Nikol Pashinyan",
                &["Nikol Pashinyan", "prime minister"],
            )],
        ),
        (
            "Dutroux, 39, was charged. Police said Dutroux had planned it.",
            &[("person", "Dutroux", &["Dutroux", "Dutroux"])],
        ),
        (
            "Prisoner Issue Remains the Most Sensitive Point\nThe talks went on.",
            &[],
        ),
        // Demonyms and nationality adjectives are never names, whatever title word precedes.
        ("Under Japanese stock exchange rules, it must report.", &[]),
        ("Under Italian law, the deal stands.", &[]),
        ("European and Asian exporters were hit.", &[]),
        // A title word with no role noun is no role: "World", "European", "Former".
        ("It was a World Cup-winning side.", &[]),
        ("He was named European Businessman of the Year.", &[]),
        ("Police said the road was shut.", &[]),
        // "MP" is a role; the party before it is an affiliation, and no person is named.
        // A weekday or number word never starts a person's name.
        (
            "On Wednesday Tony Blair said he would stay.",
            &[("person", "Tony Blair", &["Tony Blair"])],
        ),
        (
            "England face Wales in the Six Nations on Saturday.",
            &[
                ("place", "England", &["England"]),
                ("place", "Wales", &["Wales"]),
            ],
        ),
        (
            "Strong Oscar contenders were named.",
            &[("person", "Oscar", &["Oscar"])],
        ),
        ("MPs said the plan was flawed.", &[]),
        // A party is an organisation, and its short forms too.
        (
            "The Lib Dems said the tax was unfair.",
            &[("org", "Lib Dems", &["Lib Dems"])],
        ),
        // A common word opening a sentence is no name, even before a speech verb.
        ("Reports said the firm was for sale.", &[]),
        // "X of/for Y" after an organisation word is one organisation.
        (
            "The National Union of Journalists has called for a strike.",
            &[(
                "org",
                "National Union of Journalists",
                &["National Union of Journalists"],
            )],
        ),
        (
            "She was a prospective Labour MP in the north.",
            &[("org", "Labour", &["Labour"])],
        ),
        // A given name after an article or a count is a thing here (an award), in every mention.
        (
            "The film won an Oscar last year. Its Oscar campaign cost more than the film.",
            &[],
        ),
        // Without one it is still a person.
        (
            "The deal was done, and then Oscar left the room.",
            &[("person", "Oscar", &["Oscar"])],
        ),
    ];
    for (text, want) in cases {
        let (got, want) = got_and_want(text, want);
        assert_eq!(got, want, "{text}");
    }
}

/// (text, [(kind, name, [mention texts])]) — a bare given name is the one person of the document
/// whose full name opens with it; "St" and a name make a place (a club in a results line), never
/// a person. Groups are left out.
#[test]
fn given_names_and_saints_table() {
    type Want<'a> = &'a [(&'a str, &'a str, &'a [&'a str])];
    let cases: &[(&str, Want)] = &[
        (
            "Kelly Holmes won the 800m in Athens. Kelly's success was the highlight of the year.",
            &[
                ("person", "Kelly Holmes", &["Kelly Holmes", "Kelly"]),
                ("place", "Athens", &["Athens"]),
            ],
        ),
        (
            "Liverpool captain Steven Gerrard is staying. Steven said he was happy there.",
            &[
                ("org", "Liverpool", &["Liverpool"]),
                ("person", "Steven Gerrard", &["Steven Gerrard", "Steven"]),
            ],
        ),
        // Two people with that given name: the bare name joins neither.
        (
            "Frank Lampard and Frank Sinatra were named. Later Frank said nothing.",
            &[
                ("person", "Frank Lampard", &["Frank Lampard"]),
                ("person", "Frank Sinatra", &["Frank Sinatra"]),
                ("person", "Frank", &["Frank"]),
            ],
        ),
        (
            "They were without Robert Pires, injured at St Mary's on Saturday.",
            &[
                ("person", "Robert Pires", &["Robert Pires"]),
                ("place", "St Mary", &["St Mary"]),
            ],
        ),
        (
            "St Pauli 4 Schalke 4",
            &[
                ("org", "St Pauli", &["St Pauli"]),
                ("org", "Schalke", &["Schalke"]),
            ],
        ),
    ];
    for (text, want) in cases {
        let (got, want) = got_and_want(text, want);
        assert_eq!(got, want, "{text}");
    }
}

/// (text, [(kind, name, [mention texts])]) — results lines: the name after a competitor's
/// bracketed country in a ranked line is a team or make, and a bracketed country may stand
/// between a team and its score. Groups are left out.
#[test]
fn results_lines_table() {
    type Want<'a> = &'a [(&'a str, &'a str, &'a [&'a str])];
    let cases: &[(&str, Want)] = &[
        (
            "3. Michael Schumacher (Germany) Ferrari 1:51.778\n4. Mika Hakkinen (Finland) Corbetto 1:54.754",
            &[
                ("person", "Michael Schumacher", &["Michael Schumacher"]),
                ("place", "Germany", &["Germany"]),
                ("org", "Ferrari", &["Ferrari"]),
                ("person", "Mika Hakkinen", &["Mika Hakkinen"]),
                ("place", "Finland", &["Finland"]),
                ("org", "Corbetto", &["Corbetto"]),
            ],
        ),
        (
            "7 - Neil Hodgson (Britain) Ducati 82",
            &[
                ("person", "Neil Hodgson", &["Neil Hodgson"]),
                ("place", "United Kingdom", &["Britain"]),
                ("org", "Ducati", &["Ducati"]),
            ],
        ),
        // Not ranked: the place after the bracket is the venue.
        (
            "2:30.67 Christine Wachtel (Germany) Berlin 17.8.90",
            &[
                ("person", "Christine Wachtel", &["Christine Wachtel"]),
                ("place", "Germany", &["Germany"]),
                ("place", "Berlin", &["Berlin"]),
            ],
        ),
        (
            "Chisinau (Moldova) 2 (2-1)\nIn Bergen: Brann (Norway) 2 Shelbourne (Ireland) 1",
            &[
                ("org", "Chisinau", &["Chisinau"]),
                ("place", "Moldova", &["Moldova"]),
                ("place", "Bergen", &["Bergen"]),
                ("org", "Brann", &["Brann"]),
                ("place", "Norway", &["Norway"]),
                ("org", "Shelbourne", &["Shelbourne"]),
                ("place", "Ireland", &["Ireland"]),
            ],
        ),
        // A sports page (two team cues): a town is the club unless its mentions place something
        // there.
        (
            "Yorkshire 529-8 and Lancashire 323-9 at Leeds. Hamburg beat Leeds in a friendly.",
            &[
                ("org", "Yorkshire", &["Yorkshire"]),
                ("org", "Lancashire", &["Lancashire"]),
                ("place", "Leeds", &["Leeds", "Leeds"]),
                ("org", "Hamburg", &["Hamburg"]),
            ],
        ),
        // The dateline's town is where the story was filed, on a sports page too.
        (
            "LEEDS 1996-08-22\nHamburg 1 Bremen 2\nSt Pauli 4 Schalke 4\nLeeds was wet.",
            &[
                ("place", "Leeds", &["LEEDS", "Leeds"]),
                ("org", "Hamburg", &["Hamburg"]),
                ("org", "Bremen", &["Bremen"]),
                ("org", "St Pauli", &["St Pauli"]),
                ("org", "Schalke", &["Schalke"]),
            ],
        ),
        // One team cue is no sports page.
        (
            "Hamburg striker Karsten Baeron flew to Rome. Rome was warm.",
            &[
                ("org", "Hamburg", &["Hamburg"]),
                ("person", "Karsten Baeron", &["Karsten Baeron"]),
                ("place", "Rome", &["Rome", "Rome"]),
            ],
        ),
        // A town and a plural word: a team.
        (
            "Rickey Henderson led the San Diego Padres past the Toronto Blue Jays and the Leeds Rhinos.",
            &[
                ("person", "Rickey Henderson", &["Rickey Henderson"]),
                ("org", "San Diego Padres", &["San Diego Padres"]),
                ("org", "Toronto Blue Jays", &["Toronto Blue Jays"]),
                ("org", "Leeds Rhinos", &["Leeds Rhinos"]),
            ],
        ),
        // A nation's team is a place as a country's is; a club in a squad list's bracket is an
        // organisation, gazetteer or not.
        (
            "Strikers - Kubilay Turkyilmaz (Grasshoppers), Adrian Knup (Galatasaray).\nCRICKET - ENGLAND V PAKISTAN FINAL TEST.",
            &[
                ("person", "Kubilay Turkyilmaz", &["Kubilay Turkyilmaz"]),
                ("org", "Grasshoppers", &["Grasshoppers"]),
                ("person", "Adrian Knup", &["Adrian Knup"]),
                ("org", "Galatasaray", &["Galatasaray"]),
                ("place", "England", &["ENGLAND"]),
                ("place", "Pakistan", &["PAKISTAN"]),
            ],
        ),
        // A dateline: an all-caps town no list knows, its state or country, or the date.
        (
            "MINNETONKA, Minn.\nShares rose.",
            &[("place", "Minnetonka", &["MINNETONKA"])],
        ),
        (
            "NOVYE ATAGI, Russia 1996-08-22\nRebels left.",
            &[
                ("place", "Novye Atagi", &["NOVYE ATAGI"]),
                ("place", "Russia", &["Russia"]),
            ],
        ),
        // A place noun and "of" before a name no list knows: a place.
        (
            "Cholera killed five people in the central town of Kaolack and the village of Karin Gornji.",
            &[
                ("place", "Kaolack", &["Kaolack"]),
                ("place", "Karin Gornji", &["Karin Gornji"]),
            ],
        ),
        // A compass word and a known place: one name, a club in a results line.
        (
            "South Sydney 20 North Queensland 14\nRain fell across Northern Transvaal.",
            &[
                ("org", "South Sydney", &["South Sydney"]),
                ("org", "North Queensland", &["North Queensland"]),
                ("place", "Northern Transvaal", &["Northern Transvaal"]),
            ],
        ),
        // One match score after a result verb: teams; a score per set: players.
        (
            "Olimpija won 4-3 on penalties.\nPartizan beat Benetton 97-94 (halftime 39-32).\nThomas Muster beat Alex Corretja 6-4 6-3.",
            &[
                ("org", "Olimpija", &["Olimpija"]),
                ("org", "Partizan", &["Partizan"]),
                ("org", "Benetton", &["Benetton"]),
                ("person", "Thomas Muster", &["Thomas Muster"]),
                ("person", "Alex Corretja", &["Alex Corretja"]),
            ],
        ),
        // A bowler's wickets and runs after the bracket, a batsman's averages row, a golfer's
        // rounds: people.
        (
            "Courtney Walsh (West Indies) 309, 82\nAlec Stewart 3 5 0 396 170 79.20\nBrooks 69 69 74 71, Nick Faldo (Britain) 70 71 68 74",
            &[
                ("person", "Courtney Walsh", &["Courtney Walsh"]),
                ("place", "West Indies", &["West Indies"]),
                ("person", "Alec Stewart", &["Alec Stewart"]),
                ("person", "Brooks", &["Brooks"]),
                ("person", "Nick Faldo", &["Nick Faldo"]),
                ("place", "United Kingdom", &["Britain"]),
            ],
        ),
        // A tennis score after the bracket: the player stays a person.
        (
            "Kimiko Date (Japan) beat Yone Kamio (Japan) 6-2 7-5",
            &[
                ("person", "Kimiko Date", &["Kimiko Date"]),
                ("place", "Japan", &["Japan", "Japan"]),
                ("person", "Yone Kamio", &["Yone Kamio"]),
            ],
        ),
    ];
    for (text, want) in cases {
        let (got, want) = got_and_want(text, want);
        assert_eq!(got, want, "{text}");
    }
}

/// (text, [(kind, name, [mention texts])]) — the kind of a name from the words around all its
/// mentions (`assets/kind-cues.tsv`): companies, bands and outlets are organisations, works and
/// awards no actors; person evidence still wins. Groups are left out.
#[test]
fn kind_table() {
    type Want<'a> = &'a [(&'a str, &'a str, &'a [&'a str])];
    let cases: &[(&str, Want)] = &[
        // A seat of government that speaks for it is an organisation, not a place.
        (
            "Downing Street said the talks would go on, and the Kremlin agreed.",
            &[
                ("org", "Downing Street", &["Downing Street"]),
                ("org", "Kremlin", &["Kremlin"]),
            ],
        ),
        // A trade noun before the name.
        (
            "Up to 2,500 jobs are to go at US insurer Marsh. Marsh said the cuts were needed.",
            &[
                ("place", "United States", &["US"]),
                ("org", "Marsh", &["Marsh", "Marsh"]),
            ],
        ),
        // A company's spokesman and its possessive shares.
        (
            "Valve spokesman Doug Lombardi said Valve's shares were not listed. Valve said so.",
            &[
                ("org", "Valve", &["Valve", "Valve", "Valve"]),
                ("person", "Doug Lombardi", &["Doug Lombardi"]),
            ],
        ),
        // "its" after a speech verb.
        (
            "The studio is not alone. Later, Miramax said its films would be sold.",
            &[("org", "Miramax", &["Miramax"])],
        ),
        // ", which".
        (
            "Analysts blame the economy for the figures of Cofinec, which operates in Hungary.",
            &[
                ("org", "Cofinec", &["Cofinec"]),
                ("place", "Hungary", &["Hungary"]),
            ],
        ),
        // A compound before the name is the organisation's, not part of its name.
        (
            "Earlier, rival suitor Paris-based Euronext raised its offer.",
            &[("org", "Euronext", &["Euronext"])],
        ),
        // A work: the film named in quotes, then bare; it is no actor in any mention.
        (
            "The success of the film 'Ray' has helped the studio. Critics said Ray was long.",
            &[],
        ),
        // A film after a word for a film's kind or fate: no actor.
        (
            "Profits slumped, hit by box-office flops Alexander and Catwoman. Oliver Stone's epic Alexander cost $150m.",
            &[("person", "Oliver Stone", &["Oliver Stone"])],
        ),
        // An award: "nominee" after it.
        (
            "Tributes came from Oscar nominee Alan Alda, who knew him.",
            &[("person", "Alan Alda", &["Alan Alda"])],
        ),
        // A holiday or a religion on its own is no actor, but the surname of a person is kept.
        (
            "Shops hope Father Christmas brings sales. Christmas trading was strong.",
            &[],
        ),
        (
            "Yusuf Islam was refused entry. Islam said he was shocked.",
            &[("person", "Yusuf Islam", &["Yusuf Islam", "Islam"])],
        ),
        // An acronym used for a product or a document is no organisation.
        (
            "Sales of the MP3 player rose. The PSP is a handheld console. The GPRS network failed.",
            &[],
        ),
        (
            "Plans for ID cards were dropped. Opponents said the ID plan was costly.",
            &[],
        ),
        (
            "The NUJ said its members would strike. The NUJ cards were printed.",
            &[("org", "NUJ", &["NUJ", "NUJ"])],
        ),
        // A town that more mentions call a club than a place is the club; a nation stays a place.
        (
            "Liverpool striker Mark Kennedy and Liverpool defender Rob Jones were hurt.",
            &[
                ("org", "Liverpool", &["Liverpool", "Liverpool"]),
                ("person", "Mark Kennedy", &["Mark Kennedy"]),
                ("person", "Rob Jones", &["Rob Jones"]),
            ],
        ),
        (
            "Leeds fans were angry. Rain fell in Leeds all day, and in Leeds the game was off.",
            &[("place", "Leeds", &["Leeds", "Leeds", "Leeds"])],
        ),
        (
            "At Hove: Sussex 368-7 (N. Lenham 145).",
            &[
                ("place", "Hove", &["Hove"]),
                ("org", "Sussex", &["Sussex"]),
                ("person", "N. Lenham", &["N. Lenham"]),
            ],
        ),
        (
            "Defenders - Stephane Henchoz (Hamburg), Yvan Quentin (Sion).",
            &[
                ("person", "Stephane Henchoz", &["Stephane Henchoz"]),
                ("org", "Hamburg", &["Hamburg"]),
                ("person", "Yvan Quentin", &["Yvan Quentin"]),
                ("org", "Sion", &["Sion"]),
            ],
        ),
        (
            "England captain Michael Vaughan said the tour of Mumbai (Bombay) went well.",
            &[
                ("place", "England", &["England"]),
                ("person", "Michael Vaughan", &["Michael Vaughan"]),
                ("place", "Mumbai", &["Mumbai"]),
                ("place", "Bombay", &["Bombay"]),
            ],
        ),
        // A tennis score is no innings: the player stays a person.
        (
            "Mark Philippoussis beat Mark Woodforde 6-7 6-3 6-3.",
            &[
                ("person", "Mark Philippoussis", &["Mark Philippoussis"]),
                ("person", "Mark Woodforde", &["Mark Woodforde"]),
            ],
        ),
        // Person evidence outweighs one organisation cue.
        (
            "Bernard Ebbers, who founded the firm, said he was innocent. Ebbers said its shares \
             were sold.",
            &[("person", "Bernard Ebbers", &["Bernard Ebbers", "Ebbers"])],
        ),
        (
            "Kelly said she would run. The sponsor of Kelly, which pays her, agreed.",
            &[("person", "Kelly", &["Kelly", "Kelly"])],
        ),
    ];
    let mut wrong = Vec::new();
    for (text, want) in cases {
        let (got, want) = got_and_want(text, want);
        if got != want {
            wrong.push(format!("{text}\n  got  {got:?}\n  want {want:?}"));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn roles_and_countries() {
    let cases: &[(&str, &str, &str, Option<&str>)] = &[
        (
            "U.S. Under Secretary of State for Political Affairs Allison Hooker visited.",
            "Allison Hooker",
            "Under Secretary of State for Political Affairs",
            Some("United States"),
        ),
        (
            "CivilNet analysts Stella Meghrabyans and Arshaluis Mgdesyan agreed.",
            "Arshaluis Mgdesyan",
            "CivilNet analyst",
            None,
        ),
        (
            "Armenia’s Foreign Minister Ararat Mirzoyan responded.",
            "Ararat Mirzoyan",
            "Foreign Minister",
            Some("Armenia"),
        ),
        (
            "The commission's chief spokesman Nikolaus van der Pas told reporters.",
            "Nikolaus van der Pas",
            "chief spokesman",
            None,
        ),
        (
            "Former Cabinet minister Clare Short said she would stay.",
            "Clare Short",
            "former Cabinet minister",
            None,
        ),
        (
            "Labour MP Jackie Ballard spoke.",
            "Jackie Ballard",
            "Labour MP",
            None,
        ),
        (
            "Former Foreign Secretary Robin Cook spoke.",
            "Robin Cook",
            "former Foreign Secretary",
            None,
        ),
        ("Under Mr Brown, taxes rose.", "Brown", "", None),
    ];
    for (text, name, role, country) in cases {
        let got = run(text);
        let a = got
            .iter()
            .find(|a| a.name == *name)
            .unwrap_or_else(|| panic!("{name} not found in {got:?}"));
        assert_eq!(a.kind, ActorKind::Person);
        if role.is_empty() {
            assert!(a.roles.is_empty(), "{text}: {:?}", a.roles);
        } else {
            assert!(a.roles.iter().any(|r| r == role), "{text}: {:?}", a.roles);
        }
        assert_eq!(a.country.as_deref(), *country, "{text}");
    }
}

#[test]
fn groups_table() {
    let cases: &[(&str, &[&str])] = &[
        (
            "Human rights advocates in Yerevan say conditions are poor.",
            &["human rights advocates in Yerevan"],
        ),
        ("The commentators described the issue.", &["commentators"]),
        (
            "Armenia’s government insists it raises the issue.",
            &["Armenian government"],
        ),
        ("The reports were late.", &[]),
    ];
    for (text, want) in cases {
        let got: Vec<String> = run(text)
            .into_iter()
            .filter(|a| a.kind == ActorKind::Group)
            .map(|a| a.name)
            .collect();
        assert_eq!(got, *want, "{text}");
    }
}

#[test]
fn odd_inputs_do_not_panic() {
    for text in [
        "",
        "’s",
        "A",
        "É.",
        "U.S.",
        "al-",
        "(",
        "Mr.",
        "ÀÉÎ ÕÜ\n\n’S",
        "a\u{301}b C\u{301}d",
    ] {
        let _ = run(text);
    }
}

/// (list, line added, text, the people found without the line, the people found with it, as
/// "name: roles").
type ExtendRow = (
    &'static str,
    &'static str,
    &'static str,
    &'static [&'static str],
    &'static [&'static str],
);

/// The lists moved out of the code are the users' to extend.
#[test]
fn users_extend_the_actor_lists() {
    use dateline::assets::{Assets, name};
    let rows: &[ExtendRow] = &[
        (
            name::NAME_PARTICLES_TXT,
            "af",
            "The prize went to Carl af Trolle, who thanked the jury.",
            &["Carl: ", "Trolle: "],
            &["Carl af Trolle: "],
        ),
        (
            name::ROLE_MODIFIERS_TXT,
            "caretaker",
            "Caretaker Prime Minister Ali Khan said the vote would go ahead.",
            &["Ali Khan: Caretaker Prime Minister"],
            &["Ali Khan: caretaker Prime Minister"],
        ),
    ];
    let people = |lex: &actors::Lexicon, text: &str| -> Vec<String> {
        let doc = DocInput::segmented(text, &crate::common::lexicon().segment, None);
        actors::extract(&doc, lex)
            .into_iter()
            .filter(|a| a.kind == ActorKind::Person)
            .map(|a| format!("{}: {}", a.name, a.roles.join(", ")))
            .collect()
    };
    for &(list, line, text, before, after) in rows {
        let mut assets = Assets::builtin();
        assert_eq!(
            people(&crate::common::lexicon().actors, text),
            before,
            "{text}"
        );
        assets.merge_text(list, line);
        assert!(assets.warnings.is_empty(), "{:?}", assets.warnings);
        assert_eq!(
            people(&actors::Lexicon::load(&assets), text),
            after,
            "{text}"
        );
    }
}

/// (text, [(kind, name, [mention texts])]) — organisation names: a demonym is part of an
/// organisation's name except before a country's own body (`assets/national-bodies.txt`), a
/// country's body in lower case after its possessive is that country's organisation, and an
/// organisation's name before a thing's head word names the thing. Groups are left out.
#[test]
fn organisation_names_table() {
    type Want<'a> = &'a [(&'a str, &'a str, &'a [&'a str])];
    let cases: &[(&str, Want)] = &[
        (
            "The Czech National Bank raised rates. Talks with the Polish Development Bank went on.",
            &[
                ("org", "Czech National Bank", &["Czech National Bank"]),
                (
                    "org",
                    "Polish Development Bank",
                    &["Polish Development Bank"],
                ),
            ],
        ),
        (
            "Police arrested members of the Iraqi Community Association in Leeds.",
            &[
                (
                    "org",
                    "Iraqi Community Association",
                    &["Iraqi Community Association"],
                ),
                ("place", "Leeds", &["Leeds"]),
            ],
        ),
        // A country's own body: the demonym only says whose it is.
        (
            "The Turkish Foreign Ministry said on Monday that talks would go on.",
            &[("org", "Foreign Ministry", &["Foreign Ministry"])],
        ),
        (
            "Azerbaijan's foreign ministry said the talks would resume in Baku.",
            &[
                ("place", "Azerbaijan", &["Azerbaijan"]),
                ("org", "Foreign Ministry", &["foreign ministry"]),
                ("place", "Baku", &["Baku"]),
            ],
        ),
        // Two countries' ministries stay two organisations; one without a country is nobody.
        (
            "Armenia's foreign ministry rejected what Azerbaijan's foreign ministry said. The \
             interior ministry was silent.",
            &[
                ("place", "Armenia", &["Armenia"]),
                ("org", "Foreign Ministry", &["foreign ministry"]),
                ("place", "Azerbaijan", &["Azerbaijan"]),
                ("org", "Foreign Ministry", &["foreign ministry"]),
            ],
        ),
        // A body's word alone is the country's government, a group.
        (
            "Armenia's government insists it raises the issue.",
            &[("place", "Armenia", &["Armenia"])],
        ),
        (
            "Norway won a place in the UEFA Cup and on the ATP Tour. UEFA said so.",
            &[("place", "Norway", &["Norway"]), ("org", "UEFA", &["UEFA"])],
        ),
    ];
    for (text, want) in cases {
        let (got, want) = got_and_want(text, want);
        assert_eq!(got, want, "{text}");
    }
}

/// (text, [(kind, name, [mention texts])]) — lower-case particles open a surname written alone
/// and join the full name of the document, and a peer is named with the title. Groups are left
/// out.
#[test]
fn surname_particles_and_peers_table() {
    type Want<'a> = &'a [(&'a str, &'a str, &'a [&'a str])];
    let cases: &[(&str, Want)] = &[
        (
            "The goalkeeper Edwin van der Sar was beaten twice. Later van der Sar said little.",
            &[(
                "person",
                "Edwin van der Sar",
                &["Edwin van der Sar", "van der Sar"],
            )],
        ),
        (
            "The submissions by de Klerk's party surprised many. Investigators said dal Maso \
             declined to comment.",
            &[
                ("person", "de Klerk", &["de Klerk"]),
                ("person", "dal Maso", &["dal Maso"]),
            ],
        ),
        // Post-nominal letters are no part of a name: two barristers are two people.
        (
            "Philippa Hart KC, for Drury, told the court the clause was clear. Andrew Coles KC, \
             for the club, said it had expired. Ms Hart disagreed.",
            &[
                ("person", "Philippa Hart", &["Philippa Hart", "Hart"]),
                ("person", "Andrew Coles", &["Andrew Coles"]),
            ],
        ),
        // A titled name met twice is one person, and its bare name joins it.
        (
            "Rugby star once linked to Princess Diana divorces.\nHe was linked to Princess Diana \
             in 1995. A newspaper said Diana was not named.",
            &[("person", "Princess Diana", &["Diana", "Diana", "Diana"])],
        ),
        // A capitalised particle opening the name, also where the text writes the particle in
        // lower case elsewhere.
        (
            "De Kock, 48, was jailed on Monday. The judge said de Kock had lied.",
            &[("person", "De Kock", &["De Kock", "de Kock"])],
        ),
        (
            "Dal Maso declined to comment. The case against dal Maso was weak.",
            &[("person", "Dal Maso", &["Dal Maso", "dal Maso"])],
        ),
        // "al" opens organisations' names as often as people's; "Ten" is a number.
        (
            "He praised al Jazeera for the report, citing the Ten Commandments.",
            &[],
        ),
        (
            "Lord Archer left prison on Monday. Economist Howard Archer said rates would rise. \
             Lord Archer said nothing.",
            &[
                ("person", "Lord Archer", &["Archer", "Archer"]),
                ("person", "Howard Archer", &["Howard Archer"]),
            ],
        ),
        (
            "Baroness Morgan of Huyton spoke first. Ms Morgan was a minister.",
            &[("person", "Baroness Morgan", &["Morgan", "Morgan"])],
        ),
    ];
    for (text, want) in cases {
        let (got, want) = got_and_want(text, want);
        assert_eq!(got, want, "{text}");
    }
}

/// (text, [(kind, name, [mention texts])]) — competitors' names in results and averages rows,
/// and a sentence's first word that is a hyphenated description. Groups are left out.
#[test]
fn competitors_and_openers_table() {
    type Want<'a> = &'a [(&'a str, &'a str, &'a [&'a str])];
    let cases: &[(&str, Want)] = &[
        // A given name and an organisation word, with a competitor's country and time.
        (
            "1. Michael Johnson (U.S.) 44.29 seconds\n2. Derek Mills (U.S.) 44.78",
            &[
                ("person", "Michael Johnson", &["Michael Johnson"]),
                ("place", "United States", &["U.S.", "U.S."]),
                ("person", "Derek Mills", &["Derek Mills"]),
            ],
        ),
        // An averages row: a player, not a league row's team.
        (
            "Ian Salisbury 2 4 1 50 40 16.66\nMark Ealham 1 2 0 30 25 15.00\nDominic Cork 3 5 0 58 26 11.60",
            &[
                ("person", "Ian Salisbury", &["Ian Salisbury"]),
                ("person", "Mark Ealham", &["Mark Ealham"]),
                ("person", "Dominic Cork", &["Dominic Cork"]),
            ],
        ),
        // Without a competitor's figures the organisation word names a company.
        (
            "General Mills said profits rose.",
            &[("org", "General Mills", &["General Mills"])],
        ),
        (
            "Top-seeded Thomas Muster of Austria was beaten. Third-seeded Wayne Ferreira won.",
            &[
                ("person", "Thomas Muster", &["Thomas Muster"]),
                ("place", "Austria", &["Austria"]),
                ("person", "Wayne Ferreira", &["Wayne Ferreira"]),
            ],
        ),
        // A hyphenated name keeps its first part.
        (
            "Jean-Paul Gaultier showed his collection.",
            &[("person", "Jean-Paul Gaultier", &["Jean-Paul Gaultier"])],
        ),
    ];
    for (text, want) in cases {
        let (got, want) = got_and_want(text, want);
        assert_eq!(got, want, "{text}");
    }
}

/// (text, [(kind, name, [mention texts])]) — evidence that makes an organisation: a word that
/// opens an organisation's name though it names nothing alone ("Central", "FC"), a word that is
/// also a title's as the last word of an organisation ("Party"), two acronyms joined by a slash,
/// cues two words away ("shares in X") or in an appositive ("X, the Dutch insurer,"), and one
/// mention's cue carried to every mention of the word in the document. Groups are left out.
#[test]
fn organisation_evidence_table() {
    type Want<'a> = &'a [(&'a str, &'a str, &'a [&'a str])];
    let cases: &[(&str, Want)] = &[
        (
            "A Central Bank spokesman said he could not confirm it. Talks with the Central Bank \
             went on.",
            &[("org", "Central Bank", &["Central Bank", "Central Bank"])],
        ),
        (
            "Austria's FC Linz won again.",
            &[
                ("place", "Austria", &["Austria"]),
                ("org", "FC Linz", &["FC Linz"]),
            ],
        ),
        (
            "The Indonesian National Party said so. Minister for Health John Reid spoke.",
            &[
                (
                    "org",
                    "Indonesian National Party",
                    &["Indonesian National Party"],
                ),
                ("person", "John Reid", &["John Reid"]),
            ],
        ),
        (
            "Voters backed the CDU / CSU bloc. US/UK talks went on.",
            &[
                ("org", "CDU / CSU", &["CDU / CSU"]),
                ("place", "United States", &["US"]),
                ("place", "United Kingdom", &["UK"]),
            ],
        ),
        (
            "Yukos said it would appeal. Shares in Yukos fell 5 percent.",
            &[("org", "Yukos", &["Yukos", "Yukos"])],
        ),
        (
            "The rouble fell. Workers at Zastava went on strike.",
            &[("org", "Zastava", &["Zastava"])],
        ),
        (
            "Earnings rose at Aegon, the Dutch insurer, on Thursday.",
            &[("org", "Aegon", &["Aegon"])],
        ),
        (
            "Cofinec shares fell. Both will weigh on the figures of Cofinec, which makes paper.",
            &[("org", "Cofinec", &["Cofinec", "Cofinec"])],
        ),
        // A town that a club's words surround is the club; a place's "are" is no club's.
        (
            "Former champions Marseille drew. Marseille are now seventh. Tehran and Moscow are \
             stronger.",
            &[
                ("org", "Marseille", &["Marseille", "Marseille"]),
                ("place", "Tehran", &["Tehran"]),
                ("place", "Moscow", &["Moscow"]),
            ],
        ),
        (
            "Milan's coach left on Monday.",
            &[("org", "Milan", &["Milan"])],
        ),
        (
            "Charlton 1 West Bromwich 1\nRapid Vienna 0 FC Linz 0\n",
            &[
                ("org", "Charlton", &["Charlton"]),
                ("org", "West Bromwich", &["West Bromwich"]),
                ("org", "Rapid Vienna", &["Rapid Vienna"]),
                ("org", "FC Linz", &["FC Linz"]),
            ],
        ),
        (
            "Sokol Tychy 5 Lech Poznan 3\n",
            &[
                ("org", "Sokol Tychy", &["Sokol Tychy"]),
                ("org", "Lech Poznan", &["Lech Poznan"]),
            ],
        ),
        (
            "George Washington went to Paris.",
            &[
                ("person", "George Washington", &["George Washington"]),
                ("place", "Paris", &["Paris"]),
            ],
        ),
        // "of" between two names.
        (
            "\"It is hard,\" said Scott Randall of Soundview Financial Group. Oakley Inc of \
             Boulder was sold. Fenerbahce of Turkey lost. The Bank of England and the \
             University of Texas agreed.",
            &[
                ("person", "Scott Randall", &["Scott Randall"]),
                (
                    "org",
                    "Soundview Financial Group",
                    &["Soundview Financial Group"],
                ),
                ("org", "Oakley Inc", &["Oakley Inc"]),
                ("place", "Turkey", &["Turkey"]),
                ("org", "Bank of England", &["Bank of England"]),
                ("org", "University of Texas", &["University of Texas"]),
            ],
        ),
        (
            "Analysts cut the figures for Cofinec which works in Poland. Unita generals left.",
            &[
                ("org", "Cofinec", &["Cofinec"]),
                ("place", "Poland", &["Poland"]),
                ("org", "Unita", &["Unita"]),
            ],
        ),
        // "and" between two names inside one run ("Banque du Caire", judged on its own, has no
        // evidence).
        (
            "Emily Eavis and BBC Radio agreed. Talks between Banque du Caire and Bank of \
             Alexandria and the United Bank of Africa and Standard Trust Bank went ahead.",
            &[
                ("person", "Emily Eavis", &["Emily Eavis"]),
                ("org", "BBC Radio", &["BBC Radio"]),
                ("org", "Bank of Alexandria", &["Bank of Alexandria"]),
                ("org", "United Bank of Africa", &["United Bank of Africa"]),
                ("org", "Standard Trust Bank", &["Standard Trust Bank"]),
            ],
        ),
        (
            "The Department of Trade and Industry and the Transport and General Workers Union met.",
            &[
                (
                    "org",
                    "Department of Trade and Industry",
                    &["Department of Trade and Industry"],
                ),
                (
                    "org",
                    "Transport and General Workers Union",
                    &["Transport and General Workers Union"],
                ),
            ],
        ),
        // Guards: a score, a person's fans, an owner's possessive, a person's appositive.
        ("Halftime 1-2.\nHalftime 0-0.\n", &[]),
        (
            "A museum for Jimi Hendrix is planned. Hendrix supporters hope for it. Hendrix \
             played here.",
            &[(
                "person",
                "Jimi Hendrix",
                &["Jimi Hendrix", "Hendrix", "Hendrix"],
            )],
        ),
        (
            "\"It helps,\" said Gill Champion, chief executive of Lee's company.",
            &[
                ("person", "Gill Champion", &["Gill Champion"]),
                ("person", "Lee", &["Lee"]),
            ],
        ),
        (
            "\"It is new,\" says Jo Flaherty, a senior broadcaster with CBS.",
            &[
                ("person", "Jo Flaherty", &["Jo Flaherty"]),
                ("org", "CBS", &["CBS"]),
            ],
        ),
        (
            "The rate stays, said Kowalski, the bank's chief.",
            &[("person", "Kowalski", &["Kowalski"])],
        ),
        (
            "Sony launched the PSP before the Olympics.",
            &[("org", "Sony", &["Sony"])],
        ),
    ];
    for (text, want) in cases {
        let (got, want) = got_and_want(text, want);
        assert_eq!(got, want, "{text}");
    }
}

/// A given name, a quoted nickname and a surname are one person, and a titled surname later in
/// the article is that person too.
#[test]
fn nicknamed_names_table() {
    type Want<'a> = &'a [(&'a str, &'a str, &'a [&'a str])];
    let rows: &[(&str, Want)] = &[(
        "Rap mogul Marion \"Suge\" Knight was arrested on Saturday. Mr Knight, 39, denied it.",
        &[("person", "Marion Knight", &["Marion", "Knight", "Knight"])],
    )];
    let mut wrong = Vec::new();
    for (text, want) in rows {
        let (got, want) = got_and_want(text, want);
        if got != want {
            wrong.push(format!("{text}\n  got  {got:?}\n  want {want:?}"));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
