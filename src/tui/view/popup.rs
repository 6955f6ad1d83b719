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
            let about = format!("{} · {}", a.kind.as_str(), a.mentions.len());
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
    let table = bindings();
    let mut modes: Vec<Mode> = Vec::new();
    for bd in &table {
        if !modes.contains(&bd.mode) {
            modes.push(bd.mode);
        }
    }
    let mut lines = Vec::new();
    modes.sort_by_key(|m| match m {
        Mode::Global => 0,
        Mode::Pane(p) => p.number(),
        Mode::Search => 10,
        Mode::Help => 11,
    });
    for mode in modes {
        lines.push(Line::styled(mode.title().to_string(), t.heading()));
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
        for (keys, help) in rows {
            lines.push(Line::from(vec![
                Span::styled(format!("  {}", fit(&keys, 10)), t.key()),
                Span::raw(format!(" {help}")),
            ]));
        }
    }
    lines
}

impl Widget for HelpView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let t = self.theme;
        let lines = help_lines(t);
        let rect = centered(
            area,
            area.width.saturating_sub(4).min(110),
            area.height.saturating_sub(2),
        );
        Clear.render(rect, buf);
        let block = popup_block(t, " Keys ".into()).title_bottom(Line::styled(
            " ● date written  ◐ relative  ○ publication date  ↳ from sentence before  ▸ planned  ⟳ ongoing · Esc close ",
            t.dim(),
        ));
        let inner = block.inner(rect);
        block.render(rect, buf);
        let per_col = usize::from(inner.height).max(1);
        let cols = lines.len().div_ceil(per_col).max(1);
        let col_w = inner.width / cols as u16;
        for (c, chunk) in lines.chunks(per_col).enumerate() {
            let x = inner.x + col_w * c as u16;
            for (y, line) in (inner.y..inner.bottom()).zip(chunk) {
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
