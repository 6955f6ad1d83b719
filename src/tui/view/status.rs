//! The two bottom lines: filters, counts and warnings; then key hints from the keymap.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::super::format::{count, str_width};
use super::super::format::{ellipsize, one_line};
use super::super::keymap::{HELP_HINT, hints};
use super::super::state::{Overlay, Prompt, PromptKind, State};
use super::super::theme::Theme;

pub struct StatusView<'a> {
    pub state: &'a State,
    pub theme: Theme,
}

impl Widget for StatusView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let s = self.state;
        let t = self.theme;
        let mut spans = Vec::new();
        if let Overlay::Prompt(p) = &s.overlay {
            prompt_line(s, p, t).render(area, buf);
            return;
        }
        if s.loading.is_some() {
            spans.push(Span::raw(" loading…"));
        } else {
            let events = s.shown_events;
            if s.filters.is_empty() {
                spans.push(Span::styled(" no filters", t.dim()));
            } else {
                spans.push(Span::raw(" filter: "));
                for (i, f) in s.filters.iter().enumerate() {
                    if i > 0 {
                        spans.push(Span::styled(" + ", t.dim()));
                    }
                    spans.push(Span::styled(s.filter_label(f), t.heading()));
                }
            }
            spans.push(Span::styled(
                format!(
                    " · {} of {} · {}",
                    events,
                    count(s.data.corpus.events.len(), "event", "events"),
                    count(s.quotes.len(), "quote", "quotes")
                ),
                t.dim(),
            ));
            if s.text_pending() {
                spans.push(Span::styled(
                    " · indexing the text for search…",
                    t.warning(),
                ));
            }
            let undated = s.data.corpus.undated_documents();
            if undated > 0 {
                let what = if undated == 1 {
                    "1 article has no publication date".to_string()
                } else {
                    format!("{undated} articles have no publication date")
                };
                spans.push(Span::styled(format!(" · ⚠ {what}"), t.warning()));
            }
            let problems = s.data.corpus.diagnostics.len();
            if problems > 0 {
                spans.push(Span::styled(
                    format!(
                        " · ⚠ {}",
                        count(problems, "input problem", "input problems")
                    ),
                    t.warning(),
                ));
            }
            if undated + problems > 0 {
                spans.push(Span::styled(" (! lists them)", t.dim()));
            }
        }
        if let Some(note) = &s.note {
            let used: usize = spans.iter().map(|sp| str_width(&sp.content)).sum();
            if used + 3 + str_width(note) <= usize::from(area.width) {
                spans.push(Span::styled(format!(" · {note}"), t.warning()));
            } else {
                // What the last key did matters more than the counts, which a narrow line cuts.
                spans.insert(0, Span::styled(format!(" {note} ·"), t.warning()));
            }
        }
        Line::from(spans).render(area, buf);
    }
}

/// The search or command line being typed, with what it finds so far.
fn prompt_line<'a>(s: &State, p: &Prompt, t: Theme) -> Line<'a> {
    let (lead, after) = match p.kind {
        PromptKind::Search => {
            let n = s.shown_events;
            let what = if p.text.trim().is_empty() {
                "type to search events, quotes and articles".to_string()
            } else if s.text_pending() {
                "indexing the text for search… the matches show when it is done".to_string()
            } else if n == 0 {
                "no match".to_string()
            } else {
                format!(
                    "{} · {} · n/N step",
                    count(n, "event", "events"),
                    count(s.quotes.len(), "quote", "quotes")
                )
            };
            ("/", what)
        }
        PromptKind::Command => {
            let what = if p.completions.len() > 1 {
                let list: Vec<String> = p
                    .completions
                    .iter()
                    .enumerate()
                    .map(|(i, c)| {
                        let word = c.split_once(' ').map_or(c.as_str(), |(_, a)| a);
                        if i == p.completion {
                            format!("[{word}]")
                        } else {
                            word.to_string()
                        }
                    })
                    .collect();
                list.join(" ")
            } else if p.text.is_empty() {
                "goto from to window actor said topic export clear help quit · Tab completes".into()
            } else {
                String::new()
            };
            (":", what)
        }
    };
    let width = usize::from(s.width);
    let text = one_line(&p.text);
    let room = width.saturating_sub(str_width(&text) + 4);
    Line::from(vec![
        Span::styled(format!(" {lead}"), t.key()),
        Span::raw(text),
        Span::styled("▏", t.key()),
        Span::styled(format!("  {}", ellipsize(&after, room)), t.dim()),
    ])
}

pub struct HintsView<'a> {
    pub state: &'a State,
    pub theme: Theme,
}

impl Widget for HintsView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let mut all = hints(self.state);
        let width = |(keys, label): &(String, &str)| str_width(keys) + 1 + str_width(label);
        let total: usize = all.iter().map(|h| 3 + width(h)).sum();
        // When the hints do not all fit, the way to the help is the one kept: it lists the rest.
        if total > usize::from(area.width)
            && let Some(i) = all.iter().position(|(_, label)| *label == HELP_HINT)
        {
            let help = all.remove(i);
            let room = usize::from(area.width).saturating_sub(3 + width(&help));
            let mut used = 1;
            all.retain(|h| {
                used += 3 + width(h);
                used <= room
            });
            all.push(help);
        }
        let mut spans = vec![Span::raw(" ")];
        let mut used = 1;
        for (i, (keys, label)) in all.into_iter().enumerate() {
            let sep = if i == 0 { "" } else { "   " };
            let w = sep.len() + str_width(&keys) + 1 + str_width(label);
            if used + w > usize::from(area.width) {
                break;
            }
            used += w;
            spans.push(Span::raw(sep));
            spans.push(Span::styled(keys, self.theme.key()));
            spans.push(Span::raw(format!(" {label}")));
        }
        Line::from(spans).render(area, buf);
    }
}
