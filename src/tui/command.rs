//! The `:` command line: each command a unit with its name, its help and its completion, and the
//! date forms `:goto`, `:from` and `:to` read.

use chrono::{Datelike, NaiveDate};

use super::data::Period;
use super::effect::Effect;
use super::index::row_of;
use super::nav::sync_from_timeline;
use super::search::Search;
use super::state::{Filter, Overlay, State, TimelineRow};
use super::update::{refilter, toggle_filter};
use crate::text::fold;

/// One command: its name, what it takes and what it does (shown by `:help` and the README).
pub struct Command {
    pub name: &'static str,
    pub args: &'static str,
    pub help: &'static str,
}

pub const COMMANDS: &[Command] = &[
    Command {
        name: "goto",
        args: "DATE",
        help: "select the first event on or after a date: 2025-11-21, 2025-11, 2022, nov 21, 21 november 2025",
    },
    Command {
        name: "from",
        args: "DATE [to DATE]",
        help: "time window from a date (to the end of the current window or of the corpus)",
    },
    Command {
        name: "to",
        args: "DATE",
        help: "time window up to a date",
    },
    Command {
        name: "window",
        args: "day|week|month|year",
        help: "the period [ and ] step by; sets the window to the period of the selection",
    },
    Command {
        name: "actor",
        args: "NAME",
        help: "filter to events mentioning the best match for the name (typos forgiven)",
    },
    Command {
        name: "said",
        args: "NAME",
        help: "filter to the quotes the best match for the name said",
    },
    Command {
        name: "topic",
        args: "NAME",
        help: "filter to a topic",
    },
    Command {
        name: "export",
        args: "FILE",
        help: "write the events and quotes shown now to a file, in the format its name implies (.csv, .md, .ics, …; else dateline/1 JSON)",
    },
    Command {
        name: "clear",
        args: "",
        help: "remove every filter",
    },
    Command {
        name: "help",
        args: "",
        help: "the keys and commands",
    },
    Command {
        name: "quit",
        args: "",
        help: "quit",
    },
];

/// Runs one command line (without the `:`).
pub fn run(s: &mut State, line: &str) {
    let (name, arg) = line
        .trim()
        .split_once(char::is_whitespace)
        .map_or((line.trim(), ""), |(n, a)| (n, a.trim()));
    let Some(cmd) = find(name) else {
        s.note = Some(format!("unknown command :{name} (:help lists them)"));
        return;
    };
    let needs_arg = !cmd.args.is_empty();
    if needs_arg && arg.is_empty() {
        s.note = Some(format!(":{} {}", cmd.name, cmd.args));
        return;
    }
    match cmd.name {
        "goto" => goto(s, arg),
        "from" => from_to(s, arg),
        "to" => from_to(s, &format!("to {arg}")),
        "window" => window(s, arg),
        "actor" | "said" => actor(s, arg, cmd.name == "said"),
        "topic" => topic(s, arg),
        "export" => {
            let path = std::path::PathBuf::from(shell_path(arg));
            let events: Vec<_> = s
                .timeline_rows
                .iter()
                .filter_map(|r| match r {
                    TimelineRow::Event(e) => Some(*e),
                    _ => None,
                })
                .collect();
            s.effects.push(Effect::Export {
                path,
                events,
                quotes: s.quotes.to_vec(),
            });
            s.note = Some("exporting…".into());
        }
        "clear" => {
            s.filters.clear();
            refilter(s);
        }
        "help" => s.overlay = Overlay::Help(0),
        "quit" => s.quit = true,
        _ => {}
    }
}

/// A command by its name or an unambiguous start of it (`:g 2022`).
fn find(name: &str) -> Option<&'static Command> {
    let name = name.to_ascii_lowercase();
    if let Some(c) = COMMANDS.iter().find(|c| c.name == name) {
        return Some(c);
    }
    match name.as_str() {
        "q" => return COMMANDS.iter().find(|c| c.name == "quit"),
        "speaker" => return COMMANDS.iter().find(|c| c.name == "said"),
        _ => {}
    }
    let mut starts = COMMANDS.iter().filter(|c| c.name.starts_with(&name));
    let first = starts.next()?;
    starts.next().is_none().then_some(first)
}

/// `~/x` as the home folder's `x`.
fn shell_path(p: &str) -> String {
    match (p.strip_prefix("~/"), std::env::var("HOME")) {
        (Some(rest), Ok(home)) => format!("{home}/{rest}"),
        _ => p.to_string(),
    }
}

fn month_of(word: &str) -> Option<u32> {
    let w = word.trim_end_matches('.');
    if w.len() < 3 {
        return None;
    }
    crate::text::MONTH_NAMES
        .iter()
        .position(|m| {
            m.len() >= w.len() && m.as_bytes()[..w.len()].eq_ignore_ascii_case(w.as_bytes())
        })
        .map(|i| i as u32 + 1)
}

/// The days a typed date covers: `2025-11-21`, `2025-11`, `2022`, `nov 21`, `21 nov`,
/// `november 2025`, `21 november 2025`, `nov 21 2025`. A day or month without a year takes
/// `year`.
pub fn parse_date(text: &str, year: i32) -> Option<(NaiveDate, NaiveDate)> {
    let t = text.trim().to_ascii_lowercase().replace(',', " ");
    let day = |y: i32, m: u32, d: u32| NaiveDate::from_ymd_opt(y, m, d);
    let month = |y: i32, m: u32| Some((day(y, m, 1)?, Period::Month.range(day(y, m, 1)?).1));
    let parts: Vec<&str> = t.split(['-', '/']).collect();
    if parts
        .iter()
        .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()))
    {
        let n: Vec<i64> = parts.iter().filter_map(|p| p.parse().ok()).collect();
        let y = |v: i64| i32::try_from(v).ok();
        return match n.as_slice() {
            [y0] if parts[0].len() == 4 => {
                let y = y(*y0)?;
                Some((day(y, 1, 1)?, day(y, 12, 31)?))
            }
            [y0, m] => month(y(*y0)?, u32::try_from(*m).ok()?),
            [y0, m, d] => {
                let d = day(y(*y0)?, u32::try_from(*m).ok()?, u32::try_from(*d).ok()?)?;
                Some((d, d))
            }
            _ => None,
        };
    }
    let words: Vec<&str> = t.split_whitespace().collect();
    let num = |w: &str| -> Option<i64> {
        w.trim_end_matches(|c: char| c.is_ascii_alphabetic())
            .parse()
            .ok()
    };
    let mut m = None;
    let mut d = None;
    let mut y = None;
    for w in &words {
        if let Some(mo) = month_of(w) {
            m = Some(mo);
        } else if let Some(n) = num(w) {
            if n > 31 || w.len() == 4 {
                y = i32::try_from(n).ok();
            } else {
                d = u32::try_from(n).ok();
            }
        } else {
            return None;
        }
    }
    let y = y.unwrap_or(year);
    match (m, d) {
        (Some(m), Some(d)) => day(y, m, d).map(|d| (d, d)),
        (Some(m), None) => month(y, m),
        _ => None,
    }
}

/// The year a date without one means: the selected event's, else the corpus's last.
fn current_year(s: &State) -> i32 {
    s.selected_event()
        .and_then(|e| s.data.corpus.events[e].when.earliest)
        .or(s.data.histogram_range.map(|r| r.1))
        .map_or(2000, |d| d.year())
}

fn goto(s: &mut State, arg: &str) {
    let Some((a, _)) = parse_date(arg, current_year(s)) else {
        s.note = Some(format!(
            "not a date: {arg} (try 2025-11-21, nov 21 or 2022)"
        ));
        return;
    };
    // A window that leaves the date out moves to it.
    if let Some((wa, wb)) = s.window()
        && (a < wa || a > wb)
    {
        let (na, nb) = s.step_period().range(a);
        s.set_window(na, nb);
        s.refilter(None);
    }
    let events = &s.data.corpus.events;
    let rows = &s.timeline_rows;
    let found = rows.iter().position(
        |r| matches!(r, TimelineRow::Event(e) if events[*e].when.earliest.is_some_and(|d| d >= a)),
    );
    let last_dated = rows
        .iter()
        .rposition(|r| matches!(r, TimelineRow::Event(e) if events[*e].when.earliest.is_some()));
    match found.or(last_dated) {
        Some(i) => {
            s.timeline.selected = i;
            // The date heading above stays in view.
            s.timeline.offset = i.saturating_sub(1);
            sync_from_timeline(s);
            if found.is_none() {
                s.note = Some(format!("no events from {a} on; the last one is selected"));
            }
        }
        None => s.note = Some("no dated events shown".into()),
    }
}

fn from_to(s: &mut State, arg: &str) {
    let lower = arg.to_ascii_lowercase();
    let words: Vec<&str> = lower.split_whitespace().collect();
    let (from, to) = match words.iter().position(|w| *w == "to") {
        Some(i) => (words[..i].join(" "), Some(words[i + 1..].join(" "))),
        None => (words.join(" "), None),
    };
    let year = current_year(s);
    let Some((first, last)) = s.data.range else {
        s.note = Some("no dated events".into());
        return;
    };
    let (cur_a, cur_b) = s.window().unwrap_or((first, last));
    let a = if from.is_empty() {
        Some(cur_a)
    } else {
        parse_date(&from, year).map(|r| r.0)
    };
    let b = match &to {
        Some(t) if !t.is_empty() => parse_date(t, year).map(|r| r.1),
        _ => Some(cur_b),
    };
    let (Some(a), Some(b)) = (a, b) else {
        s.note = Some(format!("not a date range: {arg}"));
        return;
    };
    s.set_window(a, b);
    refilter(s);
}

fn window(s: &mut State, arg: &str) {
    let period = match arg.to_ascii_lowercase().as_str() {
        "day" | "d" => Period::Day,
        "week" | "w" => Period::Week,
        "month" | "m" => Period::Month,
        "year" | "y" => Period::Year,
        _ => {
            s.note = Some("window: day, week, month or year".into());
            return;
        }
    };
    s.window_period = Some(period);
    let base = s
        .window()
        .map(|w| w.0)
        .or_else(|| {
            s.selected_event()
                .and_then(|e| s.data.corpus.events[e].when.earliest)
        })
        .or(s.data.range.map(|r| r.0));
    if let Some(d) = base {
        let (a, b) = period.range(d);
        s.set_window(a, b);
        refilter(s);
    }
}

/// The best finder hit for a typed name.
fn best_actor(s: &State, name: &str) -> Option<crate::ids::ActorId> {
    let mut search = Search::new(&s.data.search);
    search.set_query(&s.data.search, name);
    search.hits.first().map(|h| h.actor)
}

fn actor(s: &mut State, name: &str, said: bool) {
    match best_actor(s, name) {
        Some(a) => {
            let f = if said {
                Filter::Speaker(a)
            } else {
                Filter::Actor(a)
            };
            if s.filters.contains(&f) {
                return;
            }
            toggle_filter(s, f);
        }
        None => s.note = Some(format!("no actor matches {name}")),
    }
}

fn topic(s: &mut State, name: &str) {
    let want = fold(name.trim().trim_start_matches('#'));
    let topics = &s.data.corpus.topics;
    let by = |pred: &dyn Fn(&str) -> bool| {
        s.data
            .topic_order
            .iter()
            .copied()
            .find(|&t| pred(&fold(&topics[t].label)) || pred(&fold(&topics[t].id)))
    };
    let found = by(&|l| l == want)
        .or_else(|| by(&|l| l.starts_with(&want)))
        .or_else(|| by(&|l| l.contains(&want)));
    match found {
        Some(t) => {
            if !s.filters.contains(&Filter::Topic(t)) {
                toggle_filter(s, Filter::Topic(t));
            }
        }
        None => s.note = Some(format!("no topic matches {name}")),
    }
}

/// Tab on the command line: the command names, then the argument (an actor, a topic, a window
/// period); Tab again shows the next candidate.
pub fn complete(s: &mut State) {
    let Overlay::Prompt(p) = &s.overlay else {
        return;
    };
    if p.kind != super::state::PromptKind::Command {
        return;
    }
    if !p.completions.is_empty() {
        let (list, i) = (
            p.completions.clone(),
            (p.completion + 1) % p.completions.len(),
        );
        if let Overlay::Prompt(p) = &mut s.overlay {
            p.completion = i;
            p.text = list[i].clone();
        }
        return;
    }
    let text = p.text.clone();
    let candidates: Vec<String> = match text.split_once(' ') {
        None => COMMANDS
            .iter()
            .filter(|c| c.name.starts_with(text.trim()))
            .map(|c| {
                if c.args.is_empty() {
                    c.name.to_string()
                } else {
                    format!("{} ", c.name)
                }
            })
            .collect(),
        Some((cmd, arg)) => {
            let arg = arg.trim_start();
            match find(cmd).map(|c| c.name) {
                Some(name @ ("actor" | "said")) => {
                    let mut search = Search::new(&s.data.search);
                    search.set_query(&s.data.search, arg);
                    search
                        .hits
                        .iter()
                        .take(8)
                        .map(|h| format!("{name} {}", s.data.corpus.actors[h.actor].name))
                        .collect()
                }
                Some("topic") => {
                    let want = fold(arg);
                    s.data
                        .topic_order
                        .iter()
                        .map(|&t| &s.data.corpus.topics[t].label)
                        .filter(|l| fold(l).contains(&want))
                        .take(8)
                        .map(|l| format!("topic {l}"))
                        .collect()
                }
                Some("window") => ["day", "week", "month", "year"]
                    .iter()
                    .filter(|w| w.starts_with(arg))
                    .map(|w| format!("window {w}"))
                    .collect(),
                _ => Vec::new(),
            }
        }
    };
    let Overlay::Prompt(p) = &mut s.overlay else {
        return;
    };
    match candidates.first() {
        Some(first) => {
            p.text = first.clone();
            p.completion = 0;
            if candidates.len() > 1 {
                p.completions = candidates;
            }
        }
        None => s.note = Some("no completion".into()),
    }
}

/// Keeps `row_of` linked for the goto of a restored selection.
pub fn select_event(s: &mut State, e: crate::ids::EventId) -> bool {
    match row_of(&s.timeline_rows, &s.data.corpus, e) {
        Some(row) => {
            s.timeline.selected = row;
            sync_from_timeline(s);
            true
        }
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_the_forms_people_type() {
        let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
        for (text, want) in [
            ("2025-11-21", (d(2025, 11, 21), d(2025, 11, 21))),
            ("2025-11", (d(2025, 11, 1), d(2025, 11, 30))),
            ("2022", (d(2022, 1, 1), d(2022, 12, 31))),
            ("nov 21", (d(2025, 11, 21), d(2025, 11, 21))),
            ("21 Nov", (d(2025, 11, 21), d(2025, 11, 21))),
            ("November 2024", (d(2024, 11, 1), d(2024, 11, 30))),
            ("21 november 2024", (d(2024, 11, 21), d(2024, 11, 21))),
            ("Nov 21, 2024", (d(2024, 11, 21), d(2024, 11, 21))),
            ("2nd march", (d(2025, 3, 2), d(2025, 3, 2))),
        ] {
            assert_eq!(parse_date(text, 2025), Some(want), "{text}");
        }
        for bad in ["", "soon", "2025-13-01", "feb 30", "12"] {
            assert_eq!(parse_date(bad, 2025), None, "{bad}");
        }
    }

    #[test]
    fn commands_by_name_or_prefix() {
        assert_eq!(find("goto").map(|c| c.name), Some("goto"));
        assert_eq!(find("g").map(|c| c.name), Some("goto"));
        assert_eq!(find("w").map(|c| c.name), Some("window"));
        assert_eq!(find("t").map(|c| c.name), None, "to or topic");
        assert_eq!(find("q").map(|c| c.name), Some("quit"));
    }
}
