//! Cross-document merging: one actor per person or organisation in the whole corpus, and no actor
//! for two.

use std::collections::BTreeSet;

use dateline::corpus::{Corpus, Source};
use dateline::model::ActorKind;

/// A corpus of `(path, text)` files (paths may have a folder: the article's section).
fn corpus(files: &[(&str, &str)]) -> Corpus {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in files {
        let path = dir.path().join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    let source = Source {
        paths: vec![dir.path().to_path_buf()],
        ..Source::default()
    };
    Corpus::load(&source, crate::common::lexicon())
}

/// The id of the actor with a mention that reads `text`, in any document.
fn id_of(c: &Corpus, text: &str) -> Option<String> {
    c.actors.iter().find_map(|a| {
        a.mentions
            .iter()
            .any(|m| m.span().slice(&c.documents[m.doc()].text) == text)
            .then(|| a.id.clone())
    })
}

/// The id of the actor whose mention in the document at `path` reads `text`.
fn id_in(c: &Corpus, path: &str, text: &str) -> Option<String> {
    let doc = c.documents.iter().position(|d| d.path.ends_with(path))?;
    c.actors.iter().find_map(|a| {
        a.mentions
            .iter()
            .any(|m| m.doc().index() == doc && m.span().slice(&c.documents[m.doc()].text) == text)
            .then(|| a.id.clone())
    })
}

/// The name of the actor whose mention in the document at `path` reads `text`.
fn who(c: &Corpus, path: &str, text: &str) -> Option<String> {
    let doc = c.documents.iter().position(|d| d.path.ends_with(path))?;
    c.actors.iter().find_map(|a| {
        a.mentions
            .iter()
            .any(|m| m.doc().index() == doc && m.span().slice(&c.documents[m.doc()].text) == text)
            .then(|| a.name.clone())
    })
}

#[test]
fn people_merge_across_documents() {
    let c = corpus(&[
        (
            "a.txt",
            "Turkey’s Foreign Minister Hakan Fidan said Ankara would wait.",
        ),
        (
            "b.txt",
            "Fidan said talks with Armenia would go on. Hakan Fidan left.",
        ),
        ("c.txt", "Analysts said Fidan told reporters nothing new."),
        ("d.txt", "John Smith met Mary Smith. Smith said nothing."),
        ("e.txt", "Smith said it again."),
    ]);
    let people: Vec<&str> = c
        .actors
        .iter()
        .filter(|a| a.kind == ActorKind::Person)
        .map(|a| a.name.as_str())
        .collect();
    let fidan = c.actors.iter().find(|a| a.name == "Hakan Fidan").unwrap();
    let docs: Vec<usize> = fidan.mentions.iter().map(|m| m.doc().index()).collect();
    assert_eq!(fidan.mentions.len(), 4, "{people:?}");
    assert!(docs.contains(&2), "{docs:?}");
    assert!(!people.contains(&"Fidan"));
    // Two full names end in "Smith": the bare surname stays its own actor.
    assert!(people.contains(&"Smith"), "{people:?}");
    for e in &c.events {
        assert!(e.actors().iter().all(|a| a.index() < c.actors.len()));
    }
}

/// (files, [(path, mention, a mention of the actor it belongs to)]): one name written differently
/// in different articles is one actor.
type Rows<'a> = &'a [(&'a [(&'a str, &'a str)], &'a [(&'a str, &'a str, &'a str)])];

#[test]
fn one_actor_for_one_name_written_differently() {
    let rows: Rows = &[
        // A hyphen or a space: one id, one person.
        (
            &[
                ("a.txt", "Robert Kilroy-Silk said he would stand."),
                ("b.txt", "Robert Kilroy Silk said he would not."),
            ],
            &[
                ("a.txt", "Robert Kilroy-Silk", "Robert Kilroy-Silk"),
                ("b.txt", "Robert Kilroy Silk", "Robert Kilroy-Silk"),
            ],
        ),
        // Transliterations and diacritics.
        (
            &[
                ("a.txt", "President Ilham Aliyev arrived in Baku."),
                ("b.txt", "President Ilham Əliyev left Baku."),
                ("c.txt", "Deputy Prime Minister Elçin Məmmədov spoke."),
                (
                    "d.txt",
                    "Deputy Prime Minister Elchin Mammadov spoke again.",
                ),
            ],
            &[
                ("b.txt", "Ilham Əliyev", "Ilham Aliyev"),
                ("c.txt", "Elçin Məmmədov", "Elchin Mammadov"),
            ],
        ),
        // A short given name and a middle name.
        (
            &[
                ("a.txt", "WorldCom founder Bernard Ebbers was charged."),
                ("b.txt", "Bernie Ebbers denied the charges in court."),
                (
                    "c.txt",
                    "Sir Anthony Meyer stood against the prime minister.",
                ),
                (
                    "d.txt",
                    "Anthony John Charles Meyer was an MP for 28 years.",
                ),
            ],
            &[
                ("b.txt", "Bernie Ebbers", "Bernard Ebbers"),
                ("d.txt", "Anthony John Charles Meyer", "Anthony Meyer"),
            ],
        ),
        // An organisation's suffix, plural, listed equivalence and spelled-out acronym.
        (
            &[
                (
                    "a.txt",
                    "The Labour Party said the Tories would cut spending.",
                ),
                ("b.txt", "Labour said the Conservative Party was wrong."),
                ("c.txt", "The Conservatives and the Lib Dems disagreed."),
                ("d.txt", "The Liberal Democrats and the Tory Party met."),
                (
                    "e.txt",
                    "The Bank of England (BoE) held rates. The BoE said inflation was low.",
                ),
                ("f.txt", "Analysts expect the BoE to raise rates."),
                ("g.txt", "The EU and the European Union's leaders met."),
            ],
            &[
                ("b.txt", "Labour", "Labour"),
                ("a.txt", "Labour Party", "Labour"),
                ("b.txt", "Conservative Party", "Conservative Party"),
                ("a.txt", "Tories", "Conservative Party"),
                ("c.txt", "Conservatives", "Conservative Party"),
                ("d.txt", "Tory Party", "Conservative Party"),
                ("c.txt", "Lib Dems", "Liberal Democrats"),
                ("f.txt", "BoE", "Bank of England"),
                ("g.txt", "EU", "European Union"),
            ],
        ),
    ];
    for (files, want) in rows {
        let c = corpus(files);
        for (path, mention, same) in *want {
            let got = id_in(&c, path, mention);
            assert!(got.is_some(), "{path}: {mention} not found");
            assert_eq!(got, id_of(&c, same), "{path}: {mention} / {same}");
        }
        let ids: BTreeSet<&str> = c.actors.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids.len(), c.actors.len(), "duplicate ids");
    }
}

/// A bare surname in an article that never gives the full name: the person the article's context
/// supports, or no one.
#[test]
fn bare_surnames_link_by_context_or_not_at_all() {
    let politics = [
        (
            "politics/1.txt",
            "Prime Minister Tony Blair told Labour MPs that Chancellor Gordon Brown would set \
             out the budget. Mr Blair spoke in Westminster.",
        ),
        (
            "politics/2.txt",
            "Tony Blair and Gordon Brown campaigned in Sedgefield for Labour.",
        ),
        (
            "politics/3.txt",
            "Cherie Blair opened a school in Liverpool.",
        ),
        (
            "politics/4.txt",
            "Mr Blair said Labour and Mr Brown would win in Westminster.",
        ),
        (
            "sport/1.txt",
            "England coach Andy Robinson named Jason Robinson captain at Twickenham.",
        ),
        (
            "sport/2.txt",
            "Jason Robinson and Andy Robinson praised Twickenham.",
        ),
        (
            "sport/3.txt",
            "Robinson said England would win at Twickenham.",
        ),
        (
            "entertainment/1.txt",
            "Ray Charles, the soul singer, won a Grammy for his album.",
        ),
        (
            "entertainment/2.txt",
            "The singer Ray Charles died in Beverly Hills.",
        ),
        (
            "politics/5.txt",
            "Prince Charles visited Wales. The prince met Charles Kennedy in Cardiff.",
        ),
        (
            "business/1.txt",
            "Lawyer Hugh Ray said Enron's creditors would be paid.",
        ),
        (
            "entertainment/3.txt",
            "The film Ray took 20m dollars. Ray won two Oscars.",
        ),
        (
            "entertainment/4.txt",
            "Elton John sang at the Brit Awards in London.",
        ),
        (
            "politics/6.txt",
            "John said the plan would work, and Labour agreed in Westminster.",
        ),
        // The corpus's one Magnier, named in full twice in sport: a business article's bare
        // surname is his. The one Pires, named in full once only, is not enough.
        (
            "sport/4.txt",
            "Racehorse owner John Magnier watched at Cheltenham.",
        ),
        ("sport/5.txt", "John Magnier's horse won the Gold Cup."),
        (
            "business/2.txt",
            "Mr Magnier raised his stake in the club to 29%.",
        ),
        ("sport/6.txt", "Robert Pires scored at Highbury."),
        (
            "business/3.txt",
            "Mr Pires, a shopkeeper, sold his business.",
        ),
    ];
    let c = corpus(&politics);
    let rows: &[(&str, &str, Option<&str>)] = &[
        ("politics/4.txt", "Blair", Some("Tony Blair")),
        // Two Robinsons fit the article: left alone.
        ("sport/3.txt", "Robinson", Some("Robinson")),
        // A prince is no singer; a film is no lawyer; a given name alone is no one's surname.
        ("politics/5.txt", "Charles", Some("Prince Charles")),
        ("politics/6.txt", "John", Some("John")),
        ("business/2.txt", "Magnier", Some("John Magnier")),
        ("business/3.txt", "Pires", Some("Pires")),
    ];
    for (path, mention, name) in rows {
        assert_eq!(
            who(&c, path, mention).as_deref(),
            *name,
            "{path}: {mention}"
        );
    }
    let ray = c.actors.iter().find(|a| a.name == "Hugh Ray").unwrap();
    assert_eq!(ray.mentions.len(), 1, "{ray:?}");
    let charles = c.actors.iter().find(|a| a.name == "Ray Charles").unwrap();
    assert_eq!(charles.mentions.len(), 2, "{charles:?}");
    let elton = c.actors.iter().find(|a| a.name == "Elton John").unwrap();
    assert_eq!(elton.mentions.len(), 1, "{elton:?}");
}

/// (files, [(path, mention, the kind and id of its actor)]): the majority kind of a name across the
/// corpus. A person without a title in one article, named as an organisation in more mentions of
/// others, is that organisation; a titled person, or a name mentioned more often as a person,
/// stays one.
#[test]
fn majority_kind_across_the_corpus() {
    type Rows<'a> = &'a [(&'a [(&'a str, &'a str)], &'a [(&'a str, &'a str, &'a str)])];
    let rows: Rows = &[
        (
            &[
                (
                    "a.txt",
                    "Russian oil giant Yukos filed for bankruptcy. Yukos's shares fell.",
                ),
                ("b.txt", "Yukos said the judge was wrong."),
            ],
            &[
                ("a.txt", "Yukos", "organization:yukos"),
                ("b.txt", "Yukos", "organization:yukos"),
            ],
        ),
        (
            &[
                ("a.txt", "US insurer Marsh cut jobs."),
                (
                    "b.txt",
                    "Lord Marsh said he would stay. Marsh said the vote was close.",
                ),
            ],
            &[
                ("a.txt", "Marsh", "organization:marsh"),
                // A peer is named with the title ("Lord Marsh").
                ("b.txt", "Marsh", "person:lord-marsh"),
            ],
        ),
        (
            &[
                ("a.txt", "Shares in the club side Croft fell."),
                (
                    "b.txt",
                    "Croft said the pitch was slow. Croft said he bowled well. Croft agreed.",
                ),
            ],
            &[
                ("a.txt", "Croft", "organization:croft"),
                ("b.txt", "Croft", "person:croft"),
            ],
        ),
    ];
    let mut wrong = Vec::new();
    for (files, want) in rows {
        let c = corpus(files);
        for (path, text, id) in *want {
            let got = id_in(&c, path, text);
            if got.as_deref() != Some(*id) {
                wrong.push(format!("{files:?}: {path} {text:?} → {got:?}, want {id}"));
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// A country's ministry named three ways in three articles ("Azerbaijan's foreign ministry",
/// "the Ministry of Foreign Affairs of the Republic of Azerbaijan") is one organisation; another
/// country's is another.
#[test]
fn a_countrys_ministry_is_one_organisation_across_articles() {
    let c = corpus(&[
        (
            "a.txt",
            "Azerbaijan's foreign ministry said the talks were useful.",
        ),
        (
            "b.txt",
            "The spokesperson of the Ministry of Foreign Affairs of the Republic of Azerbaijan \
             Leyla Huseynova said so.",
        ),
        ("c.txt", "Armenia's foreign ministry disagreed."),
        ("d.txt", "The Azerbaijani Foreign Ministry said nothing."),
    ]);
    let az = id_in(&c, "a.txt", "foreign ministry");
    assert!(az.is_some());
    assert_eq!(id_in(&c, "b.txt", "Ministry of Foreign Affairs"), az);
    assert_eq!(id_in(&c, "d.txt", "Foreign Ministry"), az);
    let am = id_in(&c, "c.txt", "foreign ministry");
    assert!(am.is_some());
    assert_ne!(am, az);
}

/// A bare name across the whole corpus, by class: (files, [(path, mention, the name of its actor
/// there)], [(path, mention, path, mention, one actor)]).
/// - A given name alone that opens the full names of two well-attested people ("David") names
///   someone else in each article that does not say who: one actor per article. One that opens a
///   single well-attested name ("Elvis") keeps its articles together.
/// - A surname that only a name with initials carries ("JP McManus") links to that person.
/// - A surname of many people ("Brown") links to the one of them the article's section names,
///   with an actor in common; a name a letter apart ("Browne") does not.
#[test]
fn bare_names_across_the_corpus_table() {
    type Same<'a> = &'a [(&'a str, &'a str, &'a str, &'a str, bool)];
    type Rows<'a> = &'a [(
        &'a [(&'a str, &'a str)],
        &'a [(&'a str, &'a str, &'a str)],
        Same<'a>,
    )];
    // Full names whose surnames share a key but are spelled far apart are two people.
    let full_names: Rows = &[(
        &[
            (
                "entertainment/1.txt",
                "The film reunites Matt Damon, Andy Garcia and Elliott Gould.",
            ),
            (
                "sport/1.txt",
                "Backs: Mike Blair (Edinburgh), Andy Craig (Glasgow), Chris Cusiter (Borders).",
            ),
        ],
        &[],
        &[(
            "entertainment/1.txt",
            "Andy Garcia",
            "sport/1.txt",
            "Andy Craig",
            false,
        )],
    )];
    let rows: Rows = &[
        (
            &[
                ("sport/1.txt", "David Beckham scored. David Beckham left."),
                ("sport/2.txt", "David Beckham said he was fit."),
                ("politics/1.txt", "David Blunkett said he would resign."),
                ("politics/2.txt", "David Blunkett resigned."),
                (
                    "business/1.txt",
                    "The paper was bought by the Barclay twins - Frederick and David - last year.",
                ),
                (
                    "entertainment/1.txt",
                    "The band's hits include Crashed The Wedding and Who's David? on the album.",
                ),
                ("entertainment/2.txt", "Elvis Presley was born in Tupelo."),
                ("entertainment/3.txt", "Elvis Presley topped the chart."),
                (
                    "entertainment/4.txt",
                    "Rock 'n' roll legend Elvis is set to top the chart, and Elvis fans cheered.",
                ),
                (
                    "entertainment/5.txt",
                    "Rapper Eminem has denied Elvis his fourth number one of the year.",
                ),
            ],
            &[
                ("business/1.txt", "David", "David"),
                ("entertainment/1.txt", "David", "David"),
            ],
            &[
                (
                    "business/1.txt",
                    "David",
                    "entertainment/1.txt",
                    "David",
                    false,
                ),
                (
                    "entertainment/4.txt",
                    "Elvis",
                    "entertainment/5.txt",
                    "Elvis",
                    true,
                ),
            ],
        ),
        (
            &[
                (
                    "sport/1.txt",
                    "Racehorse owner JP McManus watched at Cheltenham.",
                ),
                (
                    "business/1.txt",
                    "Club stake rises\n\nThe Irish racehorse owner JP McManus raised his stake.",
                ),
                (
                    "business/2.txt",
                    "Irish billionaires Mr McManus and Mr Magnier are said to oppose the bid.",
                ),
            ],
            &[("business/2.txt", "McManus", "JP McManus")],
            &[],
        ),
        (
            &[
                (
                    "politics/1.txt",
                    "Prime Minister Tony Blair and Chancellor Gordon Brown met in Westminster.",
                ),
                (
                    "politics/2.txt",
                    "Gordon Brown said Tony Blair would lead Labour.",
                ),
                (
                    "politics/3.txt",
                    "The rift between Mr Blair and Mr Brown is a matter for Labour.",
                ),
                (
                    "politics/4.txt",
                    "Mr Browne said Tony Blair and Labour would lose.",
                ),
                ("sport/1.txt", "Defender Wes Brown said he was fit."),
                ("sport/2.txt", "Manager Craig Brown said he was pleased."),
                ("sport/3.txt", "Sprinter Kelly Brown said she had won."),
                ("sport/4.txt", "Swimmer Zoe Brown said she would retire."),
                (
                    "entertainment/1.txt",
                    "Author Dan Brown said he would write.",
                ),
                (
                    "entertainment/2.txt",
                    "Singer James Brown said he would tour.",
                ),
                (
                    "entertainment/3.txt",
                    "Singer Ian Brown said he would sing.",
                ),
                ("entertainment/4.txt", "Agent Barry Brown said he was busy."),
                (
                    "entertainment/5.txt",
                    "Producer Steve Brown said he was happy.",
                ),
                ("entertainment/6.txt", "Actor Paul Brown said he was tired."),
                ("entertainment/7.txt", "Actor Tom Brown said he would act."),
                ("business/1.txt", "Banker Frank Brown said he would invest."),
                ("business/2.txt", "Trader Curtis Brown said he would sell."),
            ],
            &[
                ("politics/3.txt", "Brown", "Gordon Brown"),
                ("politics/4.txt", "Browne", "Browne"),
            ],
            &[],
        ),
    ];
    for (files, names, same) in rows.iter().chain(full_names) {
        let c = corpus(files);
        for (path, mention, name) in *names {
            assert_eq!(
                who(&c, path, mention).as_deref(),
                Some(*name),
                "{path}: {mention}"
            );
        }
        for (p1, m1, p2, m2, one) in *same {
            let (a, b) = (id_in(&c, p1, m1), id_in(&c, p2, m2));
            assert!(a.is_some() && b.is_some(), "{p1}: {m1} / {p2}: {m2}");
            assert_eq!(a == b, *one, "{p1}: {m1} {a:?} / {p2}: {m2} {b:?}");
        }
        let ids: BTreeSet<&str> = c.actors.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids.len(), c.actors.len(), "duplicate ids");
    }
}
