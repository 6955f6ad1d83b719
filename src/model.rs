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
    /// From the file's front matter or the JSONL `date` field.
    Metadata,
    /// From `--date` on the command line.
    Flag,
    /// Unknown: relative dates stay unresolved.
    #[default]
    None,
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
    /// Byte offset of `text` within the file (after front matter); 0 for JSONL.
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
