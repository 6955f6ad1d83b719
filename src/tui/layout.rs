//! Where everything goes on screen: one pure function of the terminal size, shared by the views,
//! by `update` (page sizes, wrapping width) and by mouse hit-testing.

use ratatui::layout::{Constraint, Layout, Rect};

use super::action::Pane;

/// Below this the layout cannot hold; a message is shown instead.
pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 15;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Areas {
    pub title: Rect,
    pub histogram: Rect,
    pub timeline: Rect,
    pub actors: Rect,
    pub topics: Rect,
    pub quotes: Rect,
    pub source: Rect,
    pub status: Rect,
    pub hints: Rect,
}

pub fn too_small(width: u16, height: u16) -> bool {
    width < MIN_WIDTH || height < MIN_HEIGHT
}

/// The screen's areas. While `reading` (the source pane has focus) the source takes most of a
/// wider right column; actors shrink and topics fold away until focus moves on.
pub fn areas(area: Rect, reading: bool) -> Areas {
    let [title, histogram, panes, status, hints] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(2),
        Constraint::Min(0),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(area);
    let split = if reading { 50 } else { 60 };
    let [left, right] = Layout::horizontal([
        Constraint::Percentage(split),
        Constraint::Percentage(100 - split),
    ])
    .areas(panes);
    let [timeline, quotes] =
        Layout::vertical([Constraint::Percentage(60), Constraint::Percentage(40)]).areas(left);
    let [actors, topics, source] = if reading {
        Layout::vertical([
            Constraint::Percentage(25),
            Constraint::Length(0),
            Constraint::Percentage(75),
        ])
        .areas(right)
    } else {
        Layout::vertical([
            Constraint::Percentage(38),
            Constraint::Percentage(20),
            Constraint::Percentage(42),
        ])
        .areas(right)
    };
    Areas {
        title,
        histogram,
        timeline,
        actors,
        topics,
        quotes,
        source,
        status,
        hints,
    }
}

impl Areas {
    pub fn of(&self, pane: Pane) -> Rect {
        match pane {
            Pane::Timeline => self.timeline,
            Pane::Actors => self.actors,
            Pane::Topics => self.topics,
            Pane::Quotes => self.quotes,
            Pane::Source => self.source,
        }
    }

    /// The pane under a screen cell, if any.
    pub fn pane_at(&self, col: u16, row: u16) -> Option<Pane> {
        Pane::ALL.into_iter().find(|&p| {
            self.of(p)
                .contains(ratatui::layout::Position::new(col, row))
        })
    }
}

/// A pane's content area (inside its border).
pub fn inner(r: Rect) -> Rect {
    Rect {
        x: r.x.saturating_add(1),
        y: r.y.saturating_add(1),
        width: r.width.saturating_sub(2),
        height: r.height.saturating_sub(2),
    }
}
