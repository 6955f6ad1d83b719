//! Happenings: the grouping rules as a table (articles of dated, attributed sentences → which
//! sentences report one happening), duplicate articles, salience, and the same result whatever
//! the number of threads.

use std::path::PathBuf;

use chrono::NaiveDate;
use dateline::assets::{Assets, name};
use dateline::corpus::happenings::Words;
use dateline::corpus::{
    Actor, Corpus, CorpusEvent, CorpusTimex, CorpusWhen, Happenings, Period, Source,
};
use dateline::ids::{ActorId, DocId, EventId, IdVec};
use dateline::ingest::IngestOptions;
use dateline::model::{
    ActorKind, DateBasis, Document, PartKind, Span, Status, TimexType, WhenBasis,
};

/// An article: publication date (`flag:DAY` for one given by `--date`), source and sentences, each `WHEN|STATUS|ACTORS|TEXT`.
///
/// `WHEN` is `-` for no date of its own (the publication date), `-~VALUE~WORDS` for none of its
/// own but a reported sub-event dated VALUE by WORDS ("said the talks on 20 November were
/// difficult"), `e:VALUE` or `r:VALUE` for a
/// written or relative date (a day, `2025-11`, `2025-W47` or `2025`), `e:VALUE@FROM..TO` with
/// explicit bounds, `v` for a vague one ("recently"). `STATUS` is past, plan, ongo or unkn;
/// `ACTORS` are comma-separated ids.
struct Article {
    published: &'static str,
    source: &'static str,
    sentences: &'static [&'static str],
}

fn date(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

/// The bounds of a TIMEX3 value of a day, week, month or year.
fn bounds(value: &str) -> (NaiveDate, NaiveDate) {
    if let Some((y, w)) = value.split_once("-W") {
        let monday = NaiveDate::from_isoywd_opt(
            y.parse().unwrap(),
            w.parse().unwrap(),
            chrono::Weekday::Mon,
        )
        .unwrap();
        return (monday, monday + chrono::Days::new(6));
    }
    match value.len() {
        4 => (
            date(&format!("{value}-01-01")),
            date(&format!("{value}-12-31")),
        ),
        7 => {
            let first = date(&format!("{value}-01"));
            let next = first.checked_add_months(chrono::Months::new(1)).unwrap();
            (first, next.pred_opt().unwrap())
        }
        _ => (date(value), date(value)),
    }
}

/// Unrelated news, added to every table row so that word weights come from a corpus of some
/// size (in a corpus of two sentences, every shared word is common).
const BACKGROUND: Article = Article {
    published: "2001-03-05",
    source: "Background",
    sentences: &[
        "-|past||The central bank left interest rates unchanged for the third month in a row.",
        "-|past||Heavy rain flooded several roads in the north of the country.",
        "-|past||The striker scored twice as the home side won the league match.",
        "-|past||Shares in the carmaker fell after it cut its profit forecast.",
        "-|past||A new museum of modern art opened in the old railway station.",
        "-|past||The government said it would publish the report in the spring.",
        "-|past||Police said the protest in the capital passed off peacefully.",
        "-|past||The film won three awards at the festival on the coast.",
        "-|past||Doctors said the patient was in a stable condition after the operation.",
        "-|past||The airline said it would add flights to the islands in the summer.",
        "-|past||The minister said the talks with the unions had been constructive.",
        "-|past||Farmers said the dry weather had cut the harvest by a third.",
    ],
};

fn corpus_of(articles: &[Article]) -> Corpus {
    corpus_with(articles, &crate::common::lexicon().happenings)
}

/// `corpus_of`, grouped with the word lists `words`.
fn corpus_with(articles: &[Article], words: &Words) -> Corpus {
    let mut c = Corpus::default();
    let articles: Vec<&Article> = articles.iter().chain([&BACKGROUND]).collect();
    let mut actor_ids: Vec<String> = Vec::new();
    for (d, &a) in articles.iter().enumerate() {
        // "flag:DAY": the date given for the whole input (`--date`), not the article's own.
        let (published_text, basis) = match a.published.strip_prefix("flag:") {
            Some(day) => (day, DateBasis::Flag),
            None => (a.published, DateBasis::Metadata),
        };
        let published = date(published_text);
        let mut text = String::new();
        for s in a.sentences {
            let mut f = s.splitn(4, '|');
            let (when, status, actors, sentence) = (
                f.next().unwrap(),
                f.next().unwrap(),
                f.next().unwrap(),
                f.next().unwrap(),
            );
            if !text.is_empty() {
                text.push(' ');
            }
            let span = Span::new(text.len(), text.len() + sentence.len());
            text.push_str(sentence);
            let status = match status {
                "past" => Status::Past,
                "plan" => Status::Planned,
                "ongo" => Status::Ongoing,
                _ => Status::Unknown,
            };
            // "-~VALUE~WORDS": the sentence's own time is the frame; what it reports is dated
            // VALUE by the expression WORDS.
            let when = match when.strip_prefix("-~").and_then(|r| r.split_once('~')) {
                Some((value, words)) => {
                    let (from, to) = bounds(value);
                    let at = span.start + sentence.find(words).expect("WORDS in the sentence");
                    let mut t = CorpusTimex::from_parts(
                        DocId::new(d),
                        Span::new(at, at + words.len()),
                        TimexType::Date,
                        c.strings.intern(value),
                        Some(from),
                        Some(to),
                    );
                    t.part = Some(PartKind::Reported);
                    c.timexes.push(t);
                    "-"
                }
                None => when,
            };
            let when = match when {
                "-" => CorpusWhen {
                    earliest: Some(published),
                    latest: Some(published),
                    value: Some(c.strings.intern(published_text)),
                    basis: WhenBasis::Document,
                },
                "v" => CorpusWhen {
                    earliest: Some(published - chrono::Days::new(90)),
                    latest: Some(published),
                    value: Some(c.strings.intern("PAST_REF")),
                    basis: WhenBasis::Relative,
                },
                w => {
                    let (b, rest) = w.split_once(':').unwrap();
                    let basis = match b {
                        "e" => WhenBasis::Explicit,
                        _ => WhenBasis::Relative,
                    };
                    let mut p = rest.splitn(2, '@');
                    let value = p.next().unwrap();
                    let (from, to) = match p.next() {
                        Some(r) => {
                            let (x, y) = r.split_once("..").unwrap();
                            (date(x), date(y))
                        }
                        None => bounds(value),
                    };
                    CorpusWhen {
                        earliest: Some(from),
                        latest: Some(to),
                        value: Some(c.strings.intern(value)),
                        basis,
                    }
                }
            };
            let ids: Vec<ActorId> = actors
                .split(',')
                .filter(|x| !x.is_empty())
                .map(|x| {
                    let i = actor_ids.iter().position(|y| y == x).unwrap_or_else(|| {
                        actor_ids.push(x.to_string());
                        actor_ids.len() - 1
                    });
                    ActorId::new(i)
                })
                .collect();
            c.events.push(CorpusEvent::new(
                DocId::new(d),
                span,
                when,
                status,
                ids,
                [],
                [],
            ));
        }
        c.documents.push(Document {
            id: format!("a{d}"),
            source: Some(a.source.to_string()),
            published: Some(published),
            date_basis: basis,
            text,
            ..Document::default()
        });
    }
    c.actors = actor_ids
        .iter()
        .map(|id| Actor {
            id: id.clone(),
            name: id.clone(),
            kind: ActorKind::Person,
            roles: Vec::new(),
            aliases: Vec::new(),
            country: None,
            mentions: Vec::new(),
        })
        .collect::<IdVec<ActorId, Actor>>();
    c.happenings = Happenings::build(&c, words);
    c
}

/// The event of sentence `s` of article `a` (events are pushed in reading order).
fn event(articles: &[Article], a: usize, s: usize) -> EventId {
    EventId::new(
        articles[..a]
            .iter()
            .map(|x| x.sentences.len())
            .sum::<usize>()
            + s,
    )
}

/// (article, sentence), (article, sentence), one happening?
type Expect = ((usize, usize), (usize, usize), bool);

#[test]
fn grouping_rules() {
    let cases: &[(&str, &[Article], &[Expect])] = &[
        (
            "two outlets report one visit on the same days in other words: one happening",
            &[
                Article {
                    published: "2025-11-20",
                    source: "Caucasus Wire",
                    sentences: &[
                        "e:2025-11-20|past|place:baku,group:armenian-experts|A delegation of five Armenian border experts arrived in Baku on Thursday for two days of demarcation talks.",
                        "-|past|person:melikyan|The group is led by Tigran Melikyan, a veteran cartographer.",
                        "-|unkn||Markets in the region were calm.",
                    ],
                },
                Article {
                    published: "2025-11-22",
                    source: "Khazar",
                    sentences: &[
                        "e:2025-11-20@2025-11-20..2025-11-21|past|place:baku,person:melikyan|On 20–21 November, a regular meeting of the working groups of experts on border demarcation was held in Baku.",
                        "-|past|person:qasimov,person:melikyan|The Azerbaijani expert group was headed by Rashad Qasimov, the Armenian expert group by Tigran Melikyan.",
                    ],
                },
            ],
            &[
                ((0, 0), (1, 0), true),
                ((0, 1), (1, 1), true),
                ((0, 0), (0, 1), true),
            ],
        ),
        (
            "a report dated only by what it says happened meets the reports of that happening",
            &[
                Article {
                    published: "2025-11-21",
                    source: "Caucasus Wire",
                    sentences: &[
                        "e:2025-11-20@2025-11-20..2025-11-21|past|place:baku,person:melikyan|Border experts led by Tigran Melikyan held demarcation talks in Baku on 20 and 21 November.",
                    ],
                },
                Article {
                    published: "2026-02-20",
                    source: "Meridian",
                    sentences: &[
                        "-~2025-11-20~on 20 November|past|person:hovhannisyan,person:melikyan|Hovhannisyan said the demarcation talks that Tigran Melikyan led in Baku on 20 November were difficult.",
                    ],
                },
            ],
            &[((0, 0), (1, 0), true)],
        ),
        (
            "the same people meeting again a fortnight later: two happenings",
            &[
                Article {
                    published: "2025-11-20",
                    source: "Caucasus Wire",
                    sentences: &[
                        "e:2025-11-20|past|place:baku,person:melikyan|Border experts led by Tigran Melikyan met in Baku for demarcation talks.",
                    ],
                },
                Article {
                    published: "2025-12-04",
                    source: "Meridian",
                    sentences: &[
                        "e:2025-12-04|past|place:baku,person:melikyan|Border experts led by Tigran Melikyan met again in Baku for demarcation talks.",
                    ],
                },
            ],
            &[((0, 0), (1, 0), false)],
        ),
        (
            "the same day but nothing in common: dates alone never make one happening",
            &[
                Article {
                    published: "2025-11-20",
                    source: "Caucasus Wire",
                    sentences: &[
                        "e:2025-11-20|past|place:baku|Border experts met in Baku for demarcation talks.",
                    ],
                },
                Article {
                    published: "2025-11-20",
                    source: "Sport Daily",
                    sentences: &[
                        "e:2025-11-20|past|person:brannigan|Kelsbridge lost at home to Hallam Rovers in the cup.",
                    ],
                },
            ],
            &[((0, 0), (1, 0), false)],
        ),
        (
            "a plan and its report: a return visit due next week, then held on the day",
            &[
                Article {
                    published: "2025-11-28",
                    source: "Chronicle",
                    sentences: &[
                        "r:2025-W49|plan|place:yerevan,group:azerbaijani-experts|Azerbaijani border experts are due in Yerevan next week for the return round of the demarcation talks.",
                    ],
                },
                Article {
                    published: "2025-12-04",
                    source: "Meridian",
                    sentences: &[
                        "r:2025-12-04|past|place:yerevan,group:azerbaijani-experts|The return round of the demarcation talks began in Yerevan as the Azerbaijani border experts arrived.",
                    ],
                },
            ],
            &[((0, 0), (1, 0), true)],
        ),
        (
            "a month and a day of it: the less precise report is compatible",
            &[
                Article {
                    published: "2025-12-11",
                    source: "Caucasus Wire",
                    sentences: &[
                        "e:2025-11|past|place:baku,group:detainees|Azerbaijan released two Armenian detainees at the border checkpoint in November.",
                    ],
                },
                Article {
                    published: "2025-11-28",
                    source: "Chronicle",
                    sentences: &[
                        "r:2025-11-26|past|place:baku,group:detainees|Two Armenian detainees were released at the border checkpoint on Wednesday.",
                    ],
                },
            ],
            &[((0, 0), (1, 0), true)],
        ),
        (
            "within an article: quotes and details without a date continue the dated sentence",
            &[Article {
                published: "2025-10-07",
                source: "IPB",
                sentences: &[
                    "r:2025-10-07|past|person:keogh,organization:committee|Professor Keogh told the health committee this afternoon that the batch had been quarantined.",
                    "-|past|person:keogh|\"We were told the batch was set aside,\" Prof Keogh said.",
                    "-|past|person:kehoe|Deputy Kehoe asked whether the minister had been told.",
                ],
            }],
            &[((0, 0), (0, 1), true), ((0, 0), (0, 2), true)],
        ),
        (
            "within an article: background from last year is its own happening, and the next sentence returns to the news",
            &[Article {
                published: "2025-12-11",
                source: "Caucasus Wire",
                sentences: &[
                    "r:2025-12-09|past|person:petrosyan,organization:appeal-court|The Baku Court of Appeal on Tuesday rejected the appeal of Vardan Petrosyan.",
                    "e:2024-04|past|person:petrosyan|Petrosyan was detained in April 2024 after crossing the border near his village.",
                    "-|past|person:mariam-petrosyan|His sister said the family had not been allowed to attend the appeal hearing in the court.",
                ],
            }],
            &[
                ((0, 0), (0, 1), false),
                ((0, 0), (0, 2), true),
                ((0, 1), (0, 2), false),
            ],
        ),
        (
            "a live blog: two posts of one day at other hours about other things are two happenings",
            &[Article {
                published: "2025-12-04",
                source: "Meridian Live",
                sentences: &[
                    "r:2025-12-04T13:40@2025-12-04..2025-12-04|ongo|group:relatives|13:40 - Around 40 relatives of detainees are holding a silent protest outside.",
                    "-|unkn|person:mariam-petrosyan|Among them is Mariam Petrosyan.",
                    "r:2025-12-04T11:00@2025-12-04..2025-12-04|past|person:melikyan|11:00 - The border talks have started; Tigran Melikyan welcomed the delegation.",
                ],
            }],
            &[((0, 0), (0, 1), true), ((0, 0), (0, 2), false)],
        ),
        (
            "a live blog's two posts on one talks, each retold by two other outlets: one happening, \
             though the blog split them; its post on a protest that day stays apart",
            &[
                Article {
                    published: "2025-12-04",
                    source: "Meridian Live",
                    sentences: &[
                        "r:2025-12-04T10:25@2025-12-04..2025-12-04|past|place:yerevan,person:gasimov|10:25 - The Azerbaijani delegation led by Rashad Gasimov has landed at Zvartnots airport.",
                        "r:2025-12-04T11:00@2025-12-04..2025-12-04|past|person:melikyan|11:00 - Tigran Melikyan shook hands with his counterpart at the government building on Republic Square.",
                        "r:2025-12-04T13:40@2025-12-04..2025-12-04|ongo|group:relatives|13:40 - Around 40 relatives of detainees are holding a silent protest outside.",
                    ],
                },
                Article {
                    published: "2025-12-05",
                    source: "Ararat",
                    sentences: &[
                        "e:2025-12-04|past|place:yerevan,person:gasimov,person:melikyan|On 4 December the Azerbaijani delegation led by Rashad Gasimov landed at Zvartnots airport, and Tigran Melikyan shook hands with his counterpart at the government building on Republic Square.",
                    ],
                },
                Article {
                    published: "2025-12-05",
                    source: "Chronicle",
                    sentences: &[
                        "e:2025-12-04|past|place:yerevan,person:gasimov,person:melikyan|Rashad Gasimov's delegation landed at Zvartnots airport on 4 December; Tigran Melikyan shook hands with him at the government building on Republic Square.",
                    ],
                },
            ],
            &[
                ((0, 0), (0, 1), true),
                ((0, 0), (1, 0), true),
                ((0, 1), (2, 0), true),
                ((0, 0), (0, 2), false),
                ((0, 2), (1, 0), false),
            ],
        ),
        (
            "an undated report of an earlier happening joins it by its words; one published long after does not",
            &[
                Article {
                    published: "2025-12-02",
                    source: "Eurasia Lens",
                    sentences: &[
                        "-|past|place:baku,group:armenian-experts|When the Armenian border experts left the negotiating table in Baku after two days of demarcation talks, nine kilometres were described.",
                    ],
                },
                Article {
                    published: "2025-11-20",
                    source: "Caucasus Wire",
                    sentences: &[
                        "e:2025-11-20|past|place:baku,group:armenian-experts|Armenian border experts arrived in Baku for two days of demarcation talks.",
                    ],
                },
                Article {
                    published: "2026-06-02",
                    source: "Eurasia Lens",
                    sentences: &[
                        "-|past|place:baku,group:armenian-experts|Since the Armenian border experts left the negotiating table in Baku after two days of demarcation talks, little has moved.",
                    ],
                },
            ],
            &[((0, 0), (1, 0), true), ((2, 0), (1, 0), false)],
        ),
        (
            "a dateline reports nothing: its date is the filing's, it goes with the lede, and a \
             later sentence naming the outlet is not drawn to it",
            &[Article {
                published: "2025-11-24",
                source: "Ararat",
                sentences: &[
                    "e:2025-11-24|unkn||YEREVAN, NOVEMBER 24, ARARAT.",
                    "e:2025-11-20@2025-11-20..2025-11-21|past|place:baku,person:melikyan|The meeting of the border expert groups was held in Baku on November 20-21.",
                    "-|past|person:melikyan|Melikyan said nine kilometres of the border line were described.",
                    "r:2025-12-04@2025-12-01..2025-12-10|plan|place:yerevan,person:kasimov|The Azerbaijani delegation headed by Kasimov will pay a return visit to Yerevan in December.",
                    "-|plan|person:kasimov|Answering the question of the ARARAT correspondent, Kasimov said the visit would last two days.",
                ],
            }],
            &[
                ((0, 0), (0, 1), true),
                ((0, 1), (0, 2), true),
                ((0, 3), (0, 4), true),
                ((0, 0), (0, 4), false),
            ],
        ),
        (
            "a vague date is no date: it neither splits nor joins",
            &[Article {
                published: "2025-11-24",
                source: "Ararat",
                sentences: &[
                    "r:2025-11-24|past|person:hovhannisyan|Hovhannisyan today presented the results of the border talks to journalists.",
                    "v|past|person:hovhannisyan|He recently said the work was difficult but honest.",
                ],
            }],
            &[((0, 0), (0, 1), true)],
        ),
        (
            "a date given for the whole input (--date) places nothing: reports sharing words but \
             dated only from it ('this week', undated) stay apart; written dates still join",
            &[
                Article {
                    published: "flag:2005-06-01",
                    source: "BBC",
                    sentences: &[
                        "r:2005-W22|past|org:microsoft|Microsoft said this week it would buy the anti-virus software maker Sybari.",
                        "-|past|org:microsoft|The software giant has been buying security firms.",
                        "e:2005-02-08|past|org:microsoft|Microsoft said on 8 February it would buy the anti-virus software maker Sybari.",
                    ],
                },
                Article {
                    published: "flag:2005-06-01",
                    source: "BBC",
                    sentences: &[
                        "r:2005-W22|past|org:microsoft|Earlier this week Microsoft said it would buy the anti-virus software maker Sybari.",
                        "-|past|org:microsoft|The software giant has warned users about security holes.",
                        "e:2005-02-08|past|org:microsoft|On 8 February Microsoft said it would buy the anti-virus software maker Sybari.",
                    ],
                },
            ],
            &[
                ((0, 0), (1, 0), false),
                ((0, 1), (1, 1), false),
                ((0, 2), (1, 2), true),
            ],
        ),
        (
            "two terms in common (a name and its actor) are chance, however rare",
            &[
                Article {
                    published: "2005-03-10",
                    source: "Business Desk",
                    sentences: &["e:2005-03-10|past|place:russia|Russia signed a gas deal."],
                },
                Article {
                    published: "2005-03-10",
                    source: "Sport Desk",
                    sentences: &["e:2005-03-10|past|place:russia|Russia won a hockey match."],
                },
            ],
            &[((0, 0), (1, 0), false)],
        ),
        (
            "dated only to a year: figures of one year are a topic, not one happening",
            &[
                Article {
                    published: "2005-01-20",
                    source: "Business Desk",
                    sentences: &[
                        "e:2004|past|place:china|China's economy grew by 9.5% in 2004, its fastest growth in years, as exports boomed.",
                    ],
                },
                Article {
                    published: "2005-01-21",
                    source: "Asia Desk",
                    sentences: &[
                        "e:2004|past|place:singapore|Singapore's economy grew by 8.1% in 2004, its fastest growth since 2000, as exports boomed.",
                    ],
                },
            ],
            &[((0, 0), (1, 0), false)],
        ),
        (
            "one article writes the talks' days and then another day within them: two happenings",
            &[Article {
                published: "2025-11-22",
                source: "Khazar",
                sentences: &[
                    "e:2025-11-20@2025-11-20..2025-11-21|past|place:baku,person:qasimov|On 20–21 November, a meeting of the expert groups of the border commissions was held in Baku.",
                    "-|past|person:qasimov|The expert groups of the commissions agreed on the description of the border line.",
                    "e:2025-11-21|past|place:baku,person:mammadov|On 21 November, Deputy Prime Minister Mammadov received the members of the expert groups of the border commissions in Baku.",
                    "-|past|person:mammadov|Mammadov said the commissions' work was part of the peace agenda.",
                ],
            }],
            &[
                ((0, 0), (0, 1), true),
                ((0, 2), (0, 3), true),
                ((0, 0), (0, 2), false),
                ((0, 1), (0, 3), false),
            ],
        ),
        (
            "a day of a hearing not written as a date (\"on Thursday\") stays with the hearing: one happening",
            &[Article {
                published: "2026-02-14",
                source: "Sentinel",
                sentences: &[
                    "e:2026-02-12@2026-02-12..2026-02-13|past|person:drury,org:high-court|On 12–13 February, the High Court heard Drury's injunction application against the club's sale.",
                    "r:2026-02-12|past|person:drury,org:high-court|Giving evidence on Thursday, Drury told the High Court the club's sale broke his injunction rights.",
                ],
            }],
            &[((0, 0), (0, 1), true)],
        ),
        (
            "the same written day twice in one article: one happening",
            &[Article {
                published: "2025-11-22",
                source: "Khazar",
                sentences: &[
                    "e:2025-11-21|past|place:baku,person:mammadov|On 21 November, Deputy Prime Minister Mammadov received the expert groups of the border commissions in Baku.",
                    "e:2025-11-21|past|person:mammadov|On 21 November, Mammadov told the expert groups of the border commissions the work was part of the peace agenda.",
                ],
            }],
            &[((0, 0), (0, 1), true)],
        ),
        (
            "function words shared do not count: \"the\", \"has\", \"would\" are no common terms",
            &[
                Article {
                    published: "2005-03-10",
                    source: "Business Desk",
                    sentences: &[
                        "e:2005-03-10|past|place:russia|Russia has said the gas would flow.",
                    ],
                },
                Article {
                    published: "2005-03-10",
                    source: "Sport Desk",
                    sentences: &[
                        "e:2005-03-10|past|place:russia|Russia has said the team would play.",
                    ],
                },
            ],
            &[((0, 0), (1, 0), false)],
        ),
    ];
    for (name, articles, expects) in cases {
        let c = corpus_of(articles);
        for &((a, s), (b, t), same) in *expects {
            let (x, y) = (event(articles, a, s), event(articles, b, t));
            let (hx, hy) = (c.happening_of(x).unwrap(), c.happening_of(y).unwrap());
            assert_eq!(
                hx == hy,
                same,
                "{name}: sentence {s} of article {a} and sentence {t} of article {b}"
            );
        }
    }
}

#[test]
fn the_users_stop_words_apply_to_the_grouping() {
    // Two reports of one strike vote share four content words and nothing else. A user who
    // stops "quarry" and "dunmore" (`topic-stopwords.txt` in the assets folder) leaves them two:
    // too few to be one happening.
    let articles = [
        Article {
            published: "2025-11-20",
            source: "Courier",
            sentences: &[
                "e:2025-11-20|past||Workers at the Dunmore quarry voted for a strike over pay.",
            ],
        },
        Article {
            published: "2025-11-21",
            source: "Herald",
            sentences: &[
                "e:2025-11-20|past||The Dunmore quarry strike ballot backed the pay claim.",
            ],
        },
    ];
    let (a, b) = (event(&articles, 0, 0), event(&articles, 1, 0));
    let builtin = corpus_of(&articles);
    assert_eq!(builtin.happening_of(a), builtin.happening_of(b));
    let mut assets = Assets::builtin();
    assets.merge_text(name::TOPIC_STOPWORDS_TXT, "quarry\nDunmore\n");
    assert!(assets.warnings.is_empty(), "{:?}", assets.warnings);
    let user = corpus_with(&articles, &Words::load(&assets));
    assert_ne!(user.happening_of(a), user.happening_of(b));
}

#[test]
fn a_happening_has_the_date_its_reports_agree_on_and_its_label_and_counts() {
    let articles = [
        Article {
            published: "2025-11-20",
            source: "Caucasus Wire",
            sentences: &[
                "e:2025-11-20@2025-11-20..2025-11-21|past|place:baku|Border experts began two days of demarcation talks in Baku.",
            ],
        },
        Article {
            published: "2025-11-28",
            source: "Chronicle",
            sentences: &[
                "r:2025-W47|past|place:baku|Last week's demarcation talks in Baku between the border experts ended.",
            ],
        },
        Article {
            published: "2025-11-21",
            source: "Caucasus Wire",
            sentences: &[
                "e:2025-11-21|past|place:baku|The border experts closed two days of demarcation talks in Baku on Friday.",
            ],
        },
    ];
    let c = corpus_of(&articles);
    let h = c.happening_of(event(&articles, 0, 0)).unwrap();
    assert!((0..3).all(|a| c.happening_of(event(&articles, a, 0)) == Some(h)));
    let hap = &c.happenings[h];
    // Of "20–21", "week 47" and "21": the most precise that most reports agree with.
    assert_eq!(hap.when.earliest, Some(date("2025-11-21")));
    assert_eq!(hap.when.latest, Some(date("2025-11-21")));
    assert_eq!(hap.period, Period::Day);
    assert_eq!(c.events[hap.label].when.basis, WhenBasis::Explicit);
    assert_eq!((hap.reports, hap.sources, hap.salience()), (3, 2, 5));
    assert_eq!(hap.documents().len(), 3);
    assert_eq!(hap.events().len(), 3);
}

#[test]
fn duplicate_articles_count_once_and_keep_both_sources() {
    let text = "Border experts from Armenia arrived in Baku on 20 November 2025 for two days of talks. \
                \"Maps first, politics later,\" their leader said.";
    let doc = |id: &str, source: &str, text: &str| Document {
        id: id.into(),
        source: Some(source.into()),
        published: Some(date("2025-11-20")),
        text: text.into(),
        ..Document::default()
    };
    let docs = vec![
        doc("wire", "Caucasus Wire", text),
        doc(
            "other",
            "Daily",
            "Parliament passed the budget on Tuesday after a long debate.",
        ),
        // The same text re-wrapped under another id and source.
        doc("copy", "Reprint", &text.replace(". ", ".\n\n")),
    ];
    let c = Corpus::build(docs, Vec::new(), crate::common::lexicon(), &|_, _| {});
    let hs = &c.happenings;
    assert_eq!(hs.duplicate_of(DocId::new(2)), Some(DocId::new(0)));
    assert_eq!(hs.duplicate_of(DocId::new(0)), None);
    assert_eq!(hs.duplicate_of(DocId::new(1)), None);
    let of_doc = |d: usize| -> Vec<EventId> {
        let mut v: Vec<(usize, EventId)> = c
            .events
            .iter_enumerated()
            .filter(|(_, e)| e.doc() == DocId::new(d))
            .map(|(i, e)| (e.span().start, i))
            .collect();
        v.sort();
        v.into_iter().map(|(_, i)| i).collect()
    };
    let (orig, copy) = (of_doc(0), of_doc(2));
    assert_eq!(orig.len(), copy.len());
    assert!(!orig.is_empty());
    for (a, b) in orig.iter().zip(&copy) {
        let h = c.happening_of(*a).unwrap();
        assert_eq!(
            Some(h),
            c.happening_of(*b),
            "a copy's sentence is in its original's happening"
        );
        let hap = &c.happenings[h];
        assert_eq!(hap.reports, 1, "counted once");
        assert_eq!(hap.sources, 2, "both sources kept");
        assert_eq!(hap.documents().to_vec(), [DocId::new(0), DocId::new(2)]);
    }
}

#[test]
fn salience_ranks_the_most_widely_reported_first() {
    // Three articles in other words (the same words would be one article under three names).
    let visit = |source: &'static str, sentences: &'static [&'static str]| Article {
        published: "2025-11-21",
        source,
        sentences,
    };
    let articles = [
        Article {
            published: "2025-11-21",
            source: "Sport Daily",
            sentences: &[
                "e:2025-11-19|past|person:brannigan|Kelsbridge lost at home to Hallam Rovers in the cup.",
            ],
        },
        visit(
            "Caucasus Wire",
            &[
                "e:2025-11-20|past|place:baku|Armenian border experts arrived in Baku for demarcation talks.",
            ],
        ),
        visit(
            "Khazar",
            &[
                "e:2025-11-20|past|place:baku|Demarcation talks with the Armenian border experts opened in Baku.",
            ],
        ),
        visit(
            "Khazar",
            &[
                "e:2025-11-20|past|place:baku|The border experts from Armenia began demarcation talks in Baku.",
            ],
        ),
    ];
    let c = corpus_of(&articles);
    let ranked = c.happenings.by_salience();
    let top = &c.happenings[ranked[0]];
    assert_eq!((top.reports, top.sources, top.salience()), (3, 2, 5));
    assert_eq!(c.happening_of(event(&articles, 1, 0)), Some(ranked[0]));
    let match_day = c.happening_of(event(&articles, 0, 0)).unwrap();
    assert_eq!(c.happenings[match_day].salience(), 2);
    // The rest ties at one article and one source, in chronological order.
    assert!(ranked[1..].windows(2).all(|w| w[0] < w[1]));
}

#[test]
#[ignore = "slow: the full suite runs it (cargo test -- --include-ignored, as CI does)"]
fn happenings_are_the_same_for_any_number_of_threads() {
    let dev = PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/stories/dev"
    ));
    let source = Source {
        paths: vec![dev],
        options: IngestOptions::default(),
    };
    let build = |threads: usize| {
        rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .unwrap()
            .install(|| Corpus::load(&source, crate::common::lexicon()))
    };
    let one = build(1);
    assert!(one.happenings.len() > 20 && one.happenings.len() < one.events.len());
    for threads in [2, 3] {
        assert_eq!(
            build(threads).happenings,
            one.happenings,
            "{threads} threads"
        );
    }
    // Chronological, each event in the happening that lists it.
    for pair in one.happenings.windows(2) {
        let key = |h: &dateline::corpus::Happening| (h.when.earliest.is_none(), h.when.earliest);
        assert!(key(&pair[0]) <= key(&pair[1]));
    }
    for (i, h) in one.happenings.iter_enumerated() {
        for e in h.events() {
            assert_eq!(one.happening_of(e), Some(i));
        }
    }
}
