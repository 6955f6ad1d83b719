//! Popups over the panes: the actor finder, the help (drawn from the keymap in force) and the
//! problems list; the last two scroll and wrap rather than cut.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Widget};

use super::super::format::{ellipsize, fit, one_line, str_width};
use super::super::search::{Search, matched_chars};
use super::super::state::{FinderFor, State};
use super::super::theme::Theme;

fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let [v] = Layout::vertical([Constraint::Length(height.min(area.height))])
        .flex(Flex::Center)
        .areas(area);
    let [h] = Layout::horizontal([Constraint::Length(width.min(area.width))])
        .flex(Flex::Center)
        .areas(v);
    h
}

fn popup_block<'a>(t: Theme, title: String) -> Block<'a> {
    Block::bordered()
        .border_type(BorderType::Rounded)
        .border_style(t.border(true))
        .title(Span::styled(title, t.heading()))
}

pub struct SearchView<'a> {
    pub state: &'a State,
    pub search: &'a Search,
    pub purpose: FinderFor,
    pub theme: Theme,
}

impl Widget for SearchView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let t = self.theme;
        let s = self.search;
        let actors = &self.state.data.corpus.actors;
        let rect = centered(
            area,
            72.min(area.width.saturating_sub(4)),
            20.min(area.height.saturating_sub(2)),
        );
        Clear.render(rect, buf);
        let (title, bottom) = match self.purpose {
            FinderFor::Filter => (
                format!(" Find actors · {} of {} ", s.total, actors.len()),
                " Enter events mentioning · C-s quotes said by · ↑↓ choose · Esc close ",
            ),
            FinderFor::Merge(a) => (
                format!(
                    " {} is the same person as… ",
                    one_line(actors.get(a).map_or("?", |a| a.name.as_str()))
                ),
                " Enter choose (saved for the next load) · Esc close ",
            ),
        };
        let block = popup_block(t, title).title_bottom(Line::styled(bottom, t.dim()));
        let inner = block.inner(rect);
        block.render(rect, buf);
        if inner.height < 2 {
            return;
        }
        Line::from(vec![
            Span::styled("/ ", t.key()),
            Span::raw(one_line(&s.query)),
            Span::styled("▏", t.key()),
        ])
        .render(Rect { height: 1, ..inner }, buf);
        let list = Rect {
            y: inner.y + 1,
            height: inner.height - 1,
            ..inner
        };
        if s.hits.is_empty() {
            Line::styled(" no match", t.dim()).render(list, buf);
            return;
        }
        let width = usize::from(list.width);
        let height = usize::from(list.height);
        let offset = (s.selected + 1).saturating_sub(height);
        for (y, (i, hit)) in (list.y..list.bottom()).zip(s.hits.iter().enumerate().skip(offset)) {
            let a = &actors[hit.actor];
            let name = one_line(&a.name);
            let alias = hit
                .field
                .checked_sub(1)
                .and_then(|i| a.aliases.get(i))
                .map(|s| one_line(s));
            let name_w = (width / 2).max(10);
            let mut spans = highlighted(
                &ellipsize(&name, name_w),
                alias.is_none().then_some(&s.query),
                t,
            );
            let mut used = str_width(&ellipsize(&name, name_w));
            if let Some(alias) = alias {
                spans.push(Span::styled(" · ", t.dim()));
                let shown = ellipsize(&alias, name_w.saturating_sub(used + 3).max(4));
                used += 3 + str_width(&shown);
                spans.extend(highlighted(&shown, Some(&s.query), t));
            }
            spans.push(Span::raw(" ".repeat(name_w.saturating_sub(used) + 1)));
            let mut about = format!("{} · {}", a.kind.as_str(), a.mentions.len());
            for extra in a.roles.first().into_iter().chain(a.country.as_ref()) {
                about.push_str(" · ");
                about.push_str(&one_line(extra));
            }
            spans.push(Span::styled(
                fit(&about, width.saturating_sub(name_w + 1)),
                t.dim(),
            ));
            let row = Rect::new(list.x, y, list.width, 1);
            Line::from(spans).render(row, buf);
            if i == s.selected {
                buf.set_style(row, t.selected());
            }
        }
    }
}

/// `text` with the characters the query matched in the match style.
fn highlighted<'a>(text: &str, query: Option<&String>, t: Theme) -> Vec<Span<'a>> {
    let hits = query.map(|q| matched_chars(text, q)).unwrap_or_default();
    text.chars()
        .enumerate()
        .map(|(i, c)| {
            let style = if hits.contains(&i) {
                t.matched()
            } else {
                ratatui::style::Style::new()
            };
            Span::styled(c.to_string(), style)
        })
        .collect()
}

pub struct HelpView<'a> {
    pub state: &'a State,
    pub theme: Theme,
}

/// What the timeline's and panes' marks mean, for the help.
const MARKS: [(&str, &str); 13] = [
    ("●", "the date is written in the sentence"),
    (
        "◐",
        "the date is relative (\"last month\"), resolved against the publication date",
    ),
    ("○", "the event is dated by its article's publication date"),
    ("↳", "the date is carried over from the sentence before"),
    ("·", "no date"),
    ("▸", "planned: the event is still to happen"),
    ("⟳", "ongoing at the time of writing"),
    ("— ~", "a direct quote / reported speech"),
    ("•", "a quote of the selected event"),
    (
        "✓ “",
        "an active filter: events mentioning / quotes said by",
    ),
    (
        "▲ ━",
        "the selected event's period / the time window, under the histogram",
    ),
    (
        "‹ ›",
        "the end bars also count events outside the histogram's range",
    ),
    ("row n", "where the selection is in the list"),
];

/// The help as lines: each mode's bindings, keys of the same action and text merged.
pub fn help_lines(t: Theme) -> Vec<Line<'static>> {
    help_groups(&super::super::keymap::Keymap::default(), t, usize::MAX)
        .into_iter()
        .flatten()
        .collect()
}

/// The help grouped: per mode a heading line, then one line per help text with all its keys
/// (wrapped to `width`), then the commands and what the marks mean.
pub fn help_groups(
    keymap: &super::super::keymap::Keymap,
    t: Theme,
    width: usize,
) -> Vec<Vec<Line<'static>>> {
    let mut groups = Vec::new();
    let mut rows_of = |title: String, rows: Vec<(String, String)>| {
        let keys_width = rows
            .iter()
            .map(|(k, _)| str_width(k))
            .max()
            .unwrap_or(0)
            .min(16);
        let mut lines = vec![Line::styled(title, t.heading())];
        for (keys, help) in rows {
            let keys = if str_width(&keys) > keys_width {
                // A long key list gets its own line.
                lines.push(Line::styled(format!("  {keys}"), t.key()));
                String::new()
            } else {
                keys
            };
            let room = width.saturating_sub(keys_width + 3).max(12);
            let mut first = true;
            for chunk in wrap_text(&help, room) {
                let k = if first { keys.clone() } else { String::new() };
                lines.push(Line::from(vec![
                    Span::styled(format!("  {}", fit(&k, keys_width)), t.key()),
                    Span::raw(format!(" {chunk}")),
                ]));
                first = false;
            }
        }
        groups.push(lines);
    };
    for (mode, rows) in keymap.help_rows() {
        rows_of(
            mode.title().to_string(),
            rows.into_iter().map(|(k, h)| (k, h.to_string())).collect(),
        );
    }
    rows_of(
        "Commands (:)".into(),
        super::super::command::COMMANDS
            .iter()
            .map(|c| {
                (
                    format!(":{}", c.name),
                    format!("{} {}", c.args, c.help).trim().to_string(),
                )
            })
            .collect(),
    );
    rows_of(
        "Marks".into(),
        MARKS
            .iter()
            .map(|(m, h)| (m.to_string(), h.to_string()))
            .collect(),
    );
    groups
}

/// Words wrapped to `width` columns.
fn wrap_text(text: &str, width: usize) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut cur = String::new();
    for w in text.split_whitespace() {
        if !cur.is_empty() && str_width(&cur) + 1 + str_width(w) > width {
            out.push(std::mem::take(&mut cur));
        }
        if !cur.is_empty() {
            cur.push(' ');
        }
        cur.push_str(w);
    }
    if !cur.is_empty() || out.is_empty() {
        out.push(cur);
    }
    out
}

/// Packs groups (a heading and its rows) into columns of at most `height` lines, a group moving
/// to the next column when it does not fit in what is left of the current one.
fn pack<'a>(groups: &'a [Vec<Line<'static>>], height: usize) -> Vec<Vec<&'a Line<'static>>> {
    let mut cols: Vec<Vec<&Line>> = vec![Vec::new()];
    for g in groups {
        let cur = cols.last_mut().expect("one column at least");
        if !cur.is_empty() && cur.len() + g.len() > height {
            cols.push(Vec::new());
        }
        for line in g {
            if cols.last().is_some_and(|c| c.len() >= height) {
                cols.push(Vec::new());
            }
            cols.last_mut().expect("one column at least").push(line);
        }
        // A blank line between groups in one column.
        if let Some(c) = cols.last_mut()
            && c.len() < height
        {
            c.push(&BLANK);
        }
    }
    cols
}

static BLANK: Line<'static> = Line {
    spans: Vec::new(),
    style: ratatui::style::Style::new(),
    alignment: None,
};

/// The popup's box on a screen of `area`: a margin of 2 around, at most `max_w` wide.
fn popup_rect(area: Rect, max_w: u16) -> Rect {
    centered(
        area,
        area.width.saturating_sub(4).min(max_w),
        area.height.saturating_sub(2),
    )
}

/// Rows inside a popup on this screen.
pub fn popup_rows(s: &State) -> usize {
    usize::from(s.height.saturating_sub(4)).max(1)
}

/// How the help is laid out at the state's size: its columns and how tall they are.
fn help_columns(s: &State, t: Theme) -> (Vec<Vec<Line<'static>>>, u16) {
    let area = Rect::new(0, 0, s.width, s.height);
    let rect = popup_rect(area, 180);
    let inner_w = usize::from(rect.width.saturating_sub(2));
    let ncols = (inner_w / 50).clamp(1, 3);
    let col_w = (inner_w / ncols).max(1);
    let groups = help_groups(&s.keymap, t, col_w.saturating_sub(1));
    let rows = popup_rows(s);
    let total: usize = groups.iter().map(|g| g.len() + 1).sum();
    // Balanced columns: the shortest height that needs no more than `ncols` columns.
    let height = (total.div_ceil(ncols)..=total.max(1))
        .find(|&h| pack(&groups, h).len() <= ncols)
        .unwrap_or(total);
    let _ = rows;
    let cols: Vec<Vec<Line<'static>>> = pack(&groups, height)
        .into_iter()
        .map(|c| c.into_iter().cloned().collect())
        .collect();
    (cols, u16::try_from(col_w).unwrap_or(u16::MAX))
}

/// Lines of the help at the state's size (its scroll range).
pub fn help_height(s: &State) -> usize {
    let (cols, _) = help_columns(s, s.theme);
    cols.iter().map(Vec::len).max().unwrap_or(0)
}

impl Widget for HelpView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let t = self.theme;
        let s = self.state;
        let top = match s.overlay {
            super::super::state::Overlay::Help(top) => top,
            _ => 0,
        };
        let (cols, col_w) = help_columns(s, t);
        let height = cols.iter().map(Vec::len).max().unwrap_or(0);
        let rows = popup_rows(s);
        let used_w = (u16::try_from(cols.len()).unwrap_or(1) * col_w).saturating_add(2);
        let rect = centered(
            area,
            used_w.min(area.width.saturating_sub(4)),
            u16::try_from(height.min(rows) + 2).unwrap_or(u16::MAX),
        );
        Clear.render(rect, buf);
        let more = if height > rows {
            format!(
                " lines {}–{} of {height} · j/k Space scroll",
                top + 1,
                (top + rows).min(height)
            )
        } else {
            String::new()
        };
        let block = popup_block(t, " Keys ".into())
            .title_bottom(Line::styled(format!("{more} · Esc close "), t.dim()));
        let inner = block.inner(rect);
        block.render(rect, buf);
        for (c, col) in cols.iter().enumerate() {
            let x = inner.x + col_w * c as u16;
            for (y, line) in (inner.y..inner.bottom()).zip(col.iter().skip(top)) {
                let w = col_w.min(inner.right().saturating_sub(x));
                line.clone().render(Rect::new(x, y, w, 1), buf);
            }
        }
    }
}

pub struct ProblemsView<'a> {
    pub state: &'a State,
    pub theme: Theme,
}

/// The problems list as (text, style) lines wrapped to `width`.
fn problem_lines(s: &State, t: Theme, width: usize) -> Vec<(String, ratatui::style::Style)> {
    let c = &s.data.corpus;
    let mut lines: Vec<(String, ratatui::style::Style)> = Vec::new();
    let push = |lines: &mut Vec<(String, ratatui::style::Style)>,
                text: String,
                style: ratatui::style::Style,
                indent: &str| {
        let room = width.saturating_sub(indent.len()).max(10);
        for (i, chunk) in wrap_text(&text, room).into_iter().enumerate() {
            let pad = if i == 0 {
                indent.to_string()
            } else {
                format!("{indent}  ")
            };
            lines.push((format!("{pad}{chunk}"), style));
        }
    };
    if !c.diagnostics.is_empty() {
        push(&mut lines, "Input problems".into(), t.heading(), "");
        for d in &c.diagnostics {
            let level = if d.skipped { "skipped" } else { "warning" };
            push(
                &mut lines,
                format!("{level}: {}", one_line(&d.to_string())),
                t.warning(),
                "  ",
            );
        }
    }
    let undated: Vec<&str> = c
        .documents
        .iter()
        .filter(|d| d.published.is_none())
        .map(|d| d.path.as_str())
        .collect();
    if !undated.is_empty() {
        push(
            &mut lines,
            format!(
                "Articles without a publication date ({}): their events are Undated; --date sets one",
                undated.len()
            ),
            t.heading(),
            "",
        );
        for p in undated {
            push(&mut lines, one_line(p), ratatui::style::Style::new(), "  ");
        }
    }
    let warned: usize = c.documents.iter().map(|d| d.warnings.len()).sum();
    if warned > 0 {
        push(
            &mut lines,
            format!("Extraction warnings ({warned})"),
            t.heading(),
            "",
        );
        for d in c.documents.iter().filter(|d| !d.warnings.is_empty()) {
            for w in &d.warnings {
                push(
                    &mut lines,
                    format!("{}: {}", one_line(&d.path), one_line(w)),
                    ratatui::style::Style::new(),
                    "  ",
                );
            }
        }
    }
    if !c.corrections.is_empty() {
        push(
            &mut lines,
            "Identity corrections applied".into(),
            t.heading(),
            "",
        );
        for line in &c.corrections {
            push(
                &mut lines,
                one_line(line),
                ratatui::style::Style::new(),
                "  ",
            );
        }
    }
    if lines.is_empty() {
        push(
            &mut lines,
            "No problems: every article was read and dated.".into(),
            t.dim(),
            "",
        );
    }
    lines
}

fn problems_width(s: &State) -> usize {
    usize::from(
        popup_rect(Rect::new(0, 0, s.width, s.height), 110)
            .width
            .saturating_sub(2),
    )
}

/// Lines of the problems list at the state's size (its scroll range).
pub fn problems_height(s: &State) -> usize {
    problem_lines(s, s.theme, problems_width(s)).len()
}

impl Widget for ProblemsView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let t = self.theme;
        let s = self.state;
        let top = match s.overlay {
            super::super::state::Overlay::Problems(top) => top,
            _ => 0,
        };
        let width = problems_width(s);
        let lines = problem_lines(s, t, width);
        let rows = popup_rows(s);
        let rect = centered(
            area,
            u16::try_from(width + 2).unwrap_or(u16::MAX),
            u16::try_from(lines.len().min(rows) + 2).unwrap_or(u16::MAX),
        );
        Clear.render(rect, buf);
        let more = if lines.len() > rows {
            format!(
                " lines {}–{} of {} · j/k Space scroll",
                top + 1,
                (top + rows).min(lines.len()),
                lines.len()
            )
        } else {
            String::new()
        };
        let block = popup_block(t, " Problems ".into())
            .title_bottom(Line::styled(format!("{more} · Esc close "), t.dim()));
        let inner = block.inner(rect);
        block.render(rect, buf);
        for (y, (text, style)) in (inner.y..inner.bottom()).zip(lines.into_iter().skip(top)) {
            Line::styled(ellipsize(&text, width), style)
                .render(Rect::new(inner.x, y, inner.width, 1), buf);
        }
    }
}
