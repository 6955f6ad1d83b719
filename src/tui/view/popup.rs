//! Popups over the panes: the people search and the help (drawn from the keymap).

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Widget};

use super::super::format::{ellipsize, fit, one_line, str_width};
use super::super::keymap::{Mode, bindings};
use super::super::search::{Search, matched_chars};
use super::super::state::State;
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
        let title = format!(" Find people · {} of {} ", s.total, actors.len());
        let block = popup_block(t, title).title_bottom(Line::styled(
            " Enter filter · ↑↓ choose · Esc close ",
            t.dim(),
        ));
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

/// The help as lines: each mode's bindings, keys of the same action and text merged.
pub fn help_lines(t: Theme) -> Vec<Line<'static>> {
    help_groups(t).into_iter().flatten().collect()
}

/// The help grouped by mode: a heading line, then one line per help text with all its keys.
pub fn help_groups(t: Theme) -> Vec<Vec<Line<'static>>> {
    let table = bindings();
    let mut modes: Vec<Mode> = Vec::new();
    for bd in &table {
        if !modes.contains(&bd.mode) {
            modes.push(bd.mode);
        }
    }
    let mut groups = Vec::new();
    modes.sort_by_key(|m| match m {
        Mode::Global => 0,
        Mode::Pane(p) => p.number(),
        Mode::Search => 10,
        Mode::Help => 11,
        Mode::Problems => 12,
    });
    for mode in modes {
        let mut lines = vec![Line::styled(mode.title().to_string(), t.heading())];
        let mut rows: Vec<(String, &str)> = Vec::new();
        for bd in table.iter().filter(|bd| bd.mode == mode) {
            match rows.iter_mut().find(|(_, h)| *h == bd.help) {
                Some((keys, _)) => {
                    keys.push(' ');
                    keys.push_str(&bd.key.label());
                }
                None => rows.push((bd.key.label(), bd.help)),
            }
        }
        let keys_width = rows
            .iter()
            .map(|(k, _)| str_width(k))
            .max()
            .unwrap_or(0)
            .min(14);
        for (keys, help) in rows {
            lines.push(Line::from(vec![
                Span::styled(format!("  {}", fit(&keys, keys_width)), t.key()),
                Span::raw(format!(" {help}")),
            ]));
        }
        groups.push(lines);
    }
    groups
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
    }
    cols
}

impl Widget for HelpView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let t = self.theme;
        let groups = help_groups(t);
        let max_h = usize::from(area.height.saturating_sub(4)).max(1);
        let n = pack(&groups, max_h).len();
        // The shortest columns that still need no more columns: balanced, and no taller than needed.
        let height = (1..=max_h)
            .find(|&h| pack(&groups, h).len() <= n)
            .unwrap_or(max_h);
        let cols = pack(&groups, height);
        let widest = groups
            .iter()
            .flatten()
            .map(|l| l.spans.iter().map(|s| str_width(&s.content)).sum::<usize>())
            .max()
            .unwrap_or(0);
        let wanted = u16::try_from(cols.len() * (widest + 2) + 2).unwrap_or(u16::MAX);
        let rect = centered(
            area,
            area.width.saturating_sub(4).min(wanted.max(60)),
            u16::try_from(height + 2).unwrap_or(u16::MAX),
        );
        Clear.render(rect, buf);
        let block = popup_block(t, " Keys ".into()).title_bottom(Line::styled(
            " ● date written  ◐ relative  ○ publication date  ↳ from sentence before  ▸ planned  ⟳ ongoing · Esc close ",
            t.dim(),
        ));
        let inner = block.inner(rect);
        block.render(rect, buf);
        let col_w = inner.width / cols.len().max(1) as u16;
        for (c, col) in cols.iter().enumerate() {
            let x = inner.x + col_w * c as u16;
            for (y, line) in (inner.y..inner.bottom()).zip(col) {
                let width = usize::from(col_w.saturating_sub(1));
                let text: String = line.spans.iter().map(|s| s.content.as_ref()).collect();
                let style = line.spans.first().map(|s| s.style).unwrap_or_default();
                if line.spans.len() == 1 {
                    Line::styled(ellipsize(&text, width), style)
                        .render(Rect::new(x, y, col_w, 1), buf);
                } else {
                    let keys = line.spans[0].content.to_string();
                    let rest = ellipsize(
                        &line.spans[1].content,
                        width.saturating_sub(str_width(&keys)),
                    );
                    Line::from(vec![Span::styled(keys, style), Span::raw(rest)])
                        .render(Rect::new(x, y, col_w, 1), buf);
                }
            }
        }
    }
}

pub struct ProblemsView<'a> {
    pub state: &'a State,
    pub theme: Theme,
}

impl Widget for ProblemsView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let t = self.theme;
        let c = &self.state.data.corpus;
        let mut lines: Vec<Line> = Vec::new();
        if !c.diagnostics.is_empty() {
            lines.push(Line::styled("Input problems", t.heading()));
            for d in &c.diagnostics {
                let level = if d.skipped { "skipped" } else { "warning" };
                lines.push(Line::from(vec![
                    Span::styled(format!("  {level}: "), t.warning()),
                    Span::raw(one_line(&d.to_string())),
                ]));
            }
        }
        let undated: Vec<&str> = c
            .documents
            .iter()
            .filter(|d| d.published.is_none())
            .map(|d| d.path.as_str())
            .collect();
        if !undated.is_empty() {
            lines.push(Line::styled(
                format!("Articles without a publication date ({}): their events are Undated; --date sets one", undated.len()),
                t.heading(),
            ));
            lines.extend(
                undated
                    .iter()
                    .map(|p| Line::raw(format!("  {}", one_line(p)))),
            );
        }
        let warned: usize = c.documents.iter().map(|d| d.warnings.len()).sum();
        if warned > 0 {
            lines.push(Line::styled(
                format!("Extraction warnings ({warned})"),
                t.heading(),
            ));
            for d in c.documents.iter().filter(|d| !d.warnings.is_empty()) {
                for w in &d.warnings {
                    lines.push(Line::raw(format!(
                        "  {}: {}",
                        one_line(&d.path),
                        one_line(w)
                    )));
                }
            }
        }
        if lines.is_empty() {
            lines.push(Line::styled(
                "No problems: every article was read and dated.",
                t.dim(),
            ));
        }
        let rows = u16::try_from(lines.len() + 2).unwrap_or(u16::MAX);
        let rect = centered(
            area,
            area.width.saturating_sub(4).min(110),
            rows.min(area.height.saturating_sub(2)),
        );
        Clear.render(rect, buf);
        let block =
            popup_block(t, " Problems ".into()).title_bottom(Line::styled(" Esc close ", t.dim()));
        let inner = block.inner(rect);
        block.render(rect, buf);
        let height = usize::from(inner.height);
        let more = lines.len().saturating_sub(height);
        if more > 0 {
            lines.truncate(height.saturating_sub(1));
            lines.push(Line::styled(
                format!("… and {} more lines", more + 1),
                t.dim(),
            ));
        }
        let width = usize::from(inner.width);
        for (y, line) in (inner.y..inner.bottom()).zip(lines) {
            let text: String = line.spans.iter().map(|s| s.content.as_ref()).collect();
            let style = line.spans.last().map(|s| s.style).unwrap_or(line.style);
            Line::styled(ellipsize(&text, width), style)
                .render(Rect::new(inner.x, y, inner.width, 1), buf);
        }
    }
}
