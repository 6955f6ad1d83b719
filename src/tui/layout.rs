//! Where everything goes on screen: one pure function of the terminal size and the view (focus,
//! maximised pane, side pane), shared by the views, by `update` (page sizes, wrapping width) and
//! by mouse hit-testing.

use ratatui::layout::{Constraint, Layout, Rect};

use super::action::Pane;

/// Below this nothing useful fits; a message is shown instead.
pub const MIN_WIDTH: u16 = 40;
pub const MIN_HEIGHT: u16 = 10;

/// From this size on, all five panes are shown side by side.
pub const WIDE_WIDTH: u16 = 100;
pub const WIDE_HEIGHT: u16 = 28;
/// Below this height one pane is shown at a time.
pub const STACKED_HEIGHT: u16 = 18;

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
    /// Whether some panes are folded away (small terminal or a maximised pane).
    pub collapsed: bool,
}

/// What the layout depends on besides the size.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ViewShape {
    pub focus: Pane,
    pub maximised: bool,
    /// On a small terminal, the side pane shown under the timeline while the timeline has focus.
    pub side: Pane,
}

pub fn too_small(width: u16, height: u16) -> bool {
    width < MIN_WIDTH || height < MIN_HEIGHT
}

/// Whether the terminal is too small for all panes at once.
pub fn compact(width: u16, height: u16) -> bool {
    width < WIDE_WIDTH || height < WIDE_HEIGHT
}

/// The screen's areas. With room, all panes show; while reading (the source has focus) the
/// source takes most of a wider right column. On a small terminal the timeline shares the screen
/// with one side pane (the focused one, else the one `c` chose); below `STACKED_HEIGHT` only the
/// focused pane shows. A maximised pane takes all the room.
pub fn areas(area: Rect, v: ViewShape) -> Areas {
    // On a small terminal the histogram keeps its bars and drops the line of marks under them.
    let hist_h = if compact(area.width, area.height) {
        1
    } else {
        2
    };
    let [title, histogram, panes, status, hints] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(hist_h),
        Constraint::Min(0),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(area);
    let mut a = Areas {
        title,
        histogram,
        status,
        hints,
        ..Areas::default()
    };
    let stacked = area.height < STACKED_HEIGHT;
    if v.maximised || stacked {
        set(&mut a, v.focus, panes);
        a.collapsed = true;
        return a;
    }
    if compact(area.width, area.height) {
        let side = if v.focus == Pane::Timeline {
            if v.side == Pane::Timeline {
                Pane::Quotes
            } else {
                v.side
            }
        } else {
            v.focus
        };
        let top = match v.focus {
            Pane::Timeline => 65,
            Pane::Source => 30,
            _ => 45,
        };
        let [t, s] = Layout::vertical([
            Constraint::Percentage(top),
            Constraint::Percentage(100 - top),
        ])
        .areas(panes);
        a.timeline = t;
        set(&mut a, side, s);
        a.collapsed = true;
        return a;
    }
    let reading = v.focus == Pane::Source;
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
    a.timeline = timeline;
    a.quotes = quotes;
    a.actors = actors;
    a.topics = topics;
    a.source = source;
    a
}

fn set(a: &mut Areas, pane: Pane, r: Rect) {
    match pane {
        Pane::Timeline => a.timeline = r,
        Pane::Actors => a.actors = r,
        Pane::Topics => a.topics = r,
        Pane::Quotes => a.quotes = r,
        Pane::Source => a.source = r,
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

    /// The panes shown, in Tab order.
    pub fn shown(&self) -> Vec<Pane> {
        Pane::ALL
            .into_iter()
            .filter(|&p| !self.of(p).is_empty())
            .collect()
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
