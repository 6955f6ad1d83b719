//! The shared data model: byte spans, documents and the enums every stage and view agrees on.

use chrono::NaiveDate;

/// A half-open range of UTF-8 byte offsets into one document's `text`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub const fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }

    pub const fn len(&self) -> usize {
        self.end.saturating_sub(self.start)
    }

    pub const fn is_empty(&self) -> bool {
        self.end <= self.start
    }

    pub const fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    pub const fn contains_offset(&self, offset: usize) -> bool {
        self.start <= offset && offset < self.end
    }

    pub const fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// The spanned text, or "" when the span does not fall on char boundaries of `text`.
    pub fn slice<'t>(&self, text: &'t str) -> &'t str {
        text.get(self.start..self.end).unwrap_or("")
    }
}

/// How a document's publication date is known.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum DateBasis {
    /// From the article: front matter, a JSONL field, a web page's metadata or URL, a feed item.
    Metadata,
    /// From `--date` on the command line.
    Flag,
    /// Unknown: relative dates stay unresolved.
    #[default]
    None,
}

/// Where in the article a publication date was found: finer than `DateBasis`, for provenance.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum DateFrom {
    /// A `date:` (or `published:` …) line of a text file's front matter.
    FrontMatter,
    /// A JSONL field (`date`, `published`, `published_at`, `pubDate`, `datePublished`).
    Jsonl,
    /// A web page's JSON-LD (`datePublished` of an article).
    JsonLd,
    /// A web page's Open Graph or `article:published_time` property.
    OpenGraph,
    /// Another `<meta>` tag of a web page (`date`, `pubdate`, `DC.date`, `parsely-pub-date` …).
    Meta,
    /// A `<time datetime>` element of a web page.
    TimeElement,
    /// The date in a page's URL path (`/2025/03/14/`).
    Url,
    /// A feed item's `pubDate`, `published` or `date_published`.
    Feed,
    /// `--date` on the command line.
    Flag,
    /// No date.
    #[default]
    None,
}

impl DateFrom {
    pub const fn as_str(self) -> &'static str {
        match self {
            DateFrom::FrontMatter => "front_matter",
            DateFrom::Jsonl => "jsonl",
            DateFrom::JsonLd => "json_ld",
            DateFrom::OpenGraph => "open_graph",
            DateFrom::Meta => "meta",
            DateFrom::TimeElement => "time_element",
            DateFrom::Url => "url",
            DateFrom::Feed => "feed",
            DateFrom::Flag => "flag",
            DateFrom::None => "none",
        }
    }

    /// The coarse class `date_basis` keeps: the article, `--date`, or nowhere.
    pub const fn basis(self) -> DateBasis {
        match self {
            DateFrom::Flag => DateBasis::Flag,
            DateFrom::None => DateBasis::None,
            _ => DateBasis::Metadata,
        }
    }
}

/// One article as read from disk: metadata plus the body that every span points into.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Document {
    /// Unique within one corpus: the file stem, the JSONL `id`, or a longer path when stems collide.
    pub id: String,
    pub path: String,
    pub title: Option<String>,
    pub source: Option<String>,
    pub url: Option<String>,
    pub author: Option<String>,
    pub published: Option<NaiveDate>,
    pub date_basis: DateBasis,
    /// Where `published` was found (`DateFrom::None` also for documents built by hand).
    pub date_from: DateFrom,
    /// A feed item with no body text: `text` is its title and summary.
    pub summary_only: bool,
    /// Byte offset of `text` within the file (after front matter); 0 for JSONL, web pages and feeds,
    /// whose text is extracted rather than cut from the file.
    pub text_start: usize,
    pub text: String,
    pub warnings: Vec<String>,
}

impl Document {
    /// A short name for lists: the title when there is one, else the id.
    pub fn display_name(&self) -> &str {
        self.title.as_deref().unwrap_or(&self.id)
    }
}

/// The kind of an actor, in the order the actors pane lists them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ActorKind {
    Person,
    Organization,
    Place,
    Group,
}

impl ActorKind {
    pub const ALL: [ActorKind; 4] = [
        ActorKind::Person,
        ActorKind::Organization,
        ActorKind::Place,
        ActorKind::Group,
    ];

    pub const fn as_str(self) -> &'static str {
        match self {
            ActorKind::Person => "person",
            ActorKind::Organization => "organization",
            ActorKind::Place => "place",
            ActorKind::Group => "group",
        }
    }

    pub const fn plural_label(self) -> &'static str {
        match self {
            ActorKind::Person => "People",
            ActorKind::Organization => "Organisations",
            ActorKind::Place => "Places",
            ActorKind::Group => "Groups",
        }
    }
}

/// TIMEX3 `type`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TimexType {
    Date,
    Time,
    Duration,
    Set,
}

impl TimexType {
    pub const fn as_str(self) -> &'static str {
        match self {
            TimexType::Date => "DATE",
            TimexType::Time => "TIME",
            TimexType::Duration => "DURATION",
            TimexType::Set => "SET",
        }
    }
}

/// How a quote was recognised.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum QuoteKind {
    /// Words inside quotation marks, attributed to someone.
    Direct,
    /// A statement attributed with a speech verb, without quotation marks.
    Reported,
    /// A quoted name or scare quote that nobody says.
    Term,
}

impl QuoteKind {
    pub const fn as_str(self) -> &'static str {
        match self {
            QuoteKind::Direct => "direct",
            QuoteKind::Reported => "reported",
            QuoteKind::Term => "term",
        }
    }
}

/// Whether an event has happened, is happening or is expected.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Status {
    Past,
    Ongoing,
    Planned,
    #[default]
    Unknown,
}

impl Status {
    pub const fn as_str(self) -> &'static str {
        match self {
            Status::Past => "past",
            Status::Ongoing => "ongoing",
            Status::Planned => "planned",
            Status::Unknown => "unknown",
        }
    }
}

/// Where an event's date comes from.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum WhenBasis {
    /// A calendar date written in the sentence ("November 21–22").
    Explicit,
    /// A relative expression resolved against the publication date ("last month").
    Relative,
    /// No expression: the publication date.
    Document,
    /// No expression: continues the time of the sentence before.
    Inherited,
    /// No expression and no publication date.
    #[default]
    Unknown,
}

impl WhenBasis {
    pub const fn as_str(self) -> &'static str {
        match self {
            WhenBasis::Explicit => "explicit",
            WhenBasis::Relative => "relative",
            WhenBasis::Document => "document",
            WhenBasis::Inherited => "inherited",
            WhenBasis::Unknown => "unknown",
        }
    }
}

/// The kind of sentence part whose time is its own, not the main clause's event's (issue 14): the
/// event keeps such a dated part as a sub-event.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PartKind {
    /// A relative clause (", who was sentenced in July,", "a program that was found in May").
    Relative,
    /// What someone said in quotation marks.
    Quote,
    /// The start of a "since" span or clause ("the highest since 1997").
    Since,
    /// A participial phrase (", released earlier this month,", "a lawsuit filed last week").
    Participle,
    /// A subordinate clause ("despite a policy introduced six years ago", "if it fails by May").
    Subordinate,
    /// A point of comparison ("compared with June 2003", ", against a loss in 2003").
    Comparison,
    /// What is hoped for or referred to ("hopes to have 50 orders by mid-2005").
    Reported,
    /// A time that modifies a noun ("its 2004 sequel", "the switch last summer has been").
    Modifier,
    /// A noun's time after a preposition ("his comments before Sunday's derby").
    Noun,
}

impl PartKind {
    pub const ALL: [PartKind; 9] = [
        PartKind::Relative,
        PartKind::Quote,
        PartKind::Since,
        PartKind::Participle,
        PartKind::Subordinate,
        PartKind::Comparison,
        PartKind::Reported,
        PartKind::Modifier,
        PartKind::Noun,
    ];

    pub const fn as_str(self) -> &'static str {
        match self {
            PartKind::Relative => "relative",
            PartKind::Quote => "quote",
            PartKind::Since => "since",
            PartKind::Participle => "participle",
            PartKind::Subordinate => "subordinate",
            PartKind::Comparison => "comparison",
            PartKind::Reported => "reported",
            PartKind::Modifier => "modifier",
            PartKind::Noun => "noun",
        }
    }

    pub fn parse(s: &str) -> Option<PartKind> {
        PartKind::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

/// When an event happened: inclusive calendar bounds plus the TIMEX3 value they came from.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct When {
    pub earliest: Option<NaiveDate>,
    pub latest: Option<NaiveDate>,
    pub value: Option<String>,
    pub basis: WhenBasis,
    /// Index of the governing time expression in the document's timexes, if any.
    pub timex: Option<usize>,
}

impl When {
    pub fn is_dated(&self) -> bool {
        self.earliest.is_some()
    }
}
