//! The browser at archive scale: time to first frame, time until fully loaded, and per-keystroke
//! time (update plus render into a ratatui `TestBackend`) on the BBC and the 100 MB corpus.
//! Run: `cargo bench --bench tui`.
//!
//! A keystroke is timed from handing its action to `update` until the whole screen is rendered
//! into the test backend's buffer, which is all the work the browser does per key short of writing
//! the changed cells to the terminal.

mod common;

use std::time::{Duration, Instant};

use common::{mb, median, ms, quantile, time};
use dateline::corpus::Corpus;
use dateline::extract::pipeline::Lexicon;
use dateline::text::fold;
use dateline::tui::action::{Action, Pane};
use dateline::tui::data::{ActorRow, Data};
use dateline::tui::state::State;
use dateline::tui::update::update;
use dateline::tui::view::Screen;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// A common terminal size; `DATELINE_BENCH_SIZE=WxH` changes it.
fn screen_size() -> (u16, u16) {
    std::env::var("DATELINE_BENCH_SIZE")
        .ok()
        .and_then(|s| {
            let (w, h) = s.split_once('x')?;
            Some((w.parse().ok()?, h.parse().ok()?))
        })
        .unwrap_or((160, 48))
}

struct Screenful {
    terminal: Terminal<TestBackend>,
}

impl Screenful {
    fn new((w, h): (u16, u16)) -> Self {
        Screenful {
            terminal: Terminal::new(TestBackend::new(w, h)).expect("a test terminal"),
        }
    }

    fn draw(&mut self, state: &State) {
        self.terminal
            .draw(|f| f.render_widget(Screen::new(state), f.area()))
            .expect("drawing into a test backend");
    }

    /// Applies one action and redraws, returning the time both took.
    fn key(&mut self, state: &mut State, action: Action) -> Duration {
        let t = Instant::now();
        update(state, action);
        self.draw(state);
        t.elapsed()
    }
}

fn main() {
    let bbc = common::require_bbc("tui");
    let lex = Lexicon::builtin();
    println!(
        "tui: {} cores, screen {}x{}",
        common::cores(),
        screen_size().0,
        screen_size().1
    );
    first_frame();
    run("bbc", &bbc, Some(common::bbc_date()), &lex, common::runs(5));
    if let Some(big) = common::ensure_big("tui") {
        run("100 MB", &big, None, &lex, common::runs(3).min(3));
    }
}

/// The first frame is the loading screen, drawn before any article is read: it costs the same at
/// any corpus size.
fn first_frame() {
    let samples: Vec<Duration> = (0..common::runs(21))
        .map(|_| {
            time(|| {
                let (w, h) = screen_size();
                let state = State::loading(w, h, true);
                let mut screen = Screenful::new((w, h));
                screen.draw(&state);
            })
            .0
        })
        .collect();
    println!(
        "time to first frame (loading state + first draw, any corpus): median {:.2} ms, max {:.2} ms over {} runs",
        ms(median(&samples)),
        ms(quantile(&samples, 1.0)),
        samples.len()
    );
}

fn run(
    name: &str,
    dir: &std::path::Path,
    date: Option<chrono::NaiveDate>,
    lex: &Lexicon,
    runs: usize,
) {
    println!("\n== {name} ({}) ==", dir.display());
    println!("load average: {}", common::load_average());
    // Loading as the browser's loader thread does it, in the default pool: ingest, extract and
    // assemble, index for the views, then the `Loaded` action and the first full frame.
    let mut phases: Vec<[Duration; 5]> = Vec::new();
    let mut kept = None;
    let mut rss_after_first_load = 0.0;
    for _ in 0..runs {
        drop(kept.take()); // the previous run's corpus is freed before the next one loads
        let start = Instant::now();
        let (t_ingest, docs) = time(|| common::ingest(dir, date));
        let bytes = common::text_bytes(&docs);
        let (t_build, corpus) = time(|| Corpus::build(docs, Vec::new(), lex, &|_, _| {}));
        let (t_data, data) = time(|| Data::new(corpus));
        let (w, h) = screen_size();
        let mut state = State::loading(w, h, true);
        let mut screen = Screenful::new((w, h));
        screen.draw(&state);
        let t_frame = screen.key(&mut state, Action::Loaded(Box::new(data)));
        phases.push([t_ingest, t_build, t_data, t_frame, start.elapsed()]);
        kept = Some((state, screen, bytes));
        if phases.len() == 1 {
            rss_after_first_load = common::peak_rss_mb();
        }
    }
    let Some((mut state, mut screen, bytes)) = kept else {
        return;
    };
    let c = &state.data.corpus;
    println!(
        "{} articles, {:.1} MB of text, {} events, {} actors, {} topics, {} quotes",
        c.documents.len(),
        mb(bytes),
        c.events.len(),
        c.actors.len(),
        c.topics.len(),
        c.quotes.len()
    );
    let phase = |i: usize| median(&phases.iter().map(|p| p[i]).collect::<Vec<_>>());
    println!(
        "time until fully loaded: median {:.0} ms over {runs} runs (ingest {:.0} ms, extract+assemble {:.0} ms, \
         view index Data::new {:.0} ms, Loaded + first full frame {:.1} ms); peak RSS of the process after the first load {:.0} MB",
        ms(phase(4)),
        ms(phase(0)),
        ms(phase(1)),
        ms(phase(2)),
        ms(phase(3)),
        rss_after_first_load
    );
    keystrokes(&mut state, &mut screen);
}

/// Keystroke classes, each timed many times; p50 and p99 per class.
fn keystrokes(state: &mut State, screen: &mut Screenful) {
    let mut table: Vec<(&str, Vec<Duration>)> = Vec::new();

    update(state, Action::FocusPane(Pane::Timeline));
    let mut moves: Vec<Duration> = (0..300)
        .map(|_| screen.key(state, Action::MoveDown))
        .collect();
    moves.extend((0..100).map(|_| screen.key(state, Action::MoveUp)));
    moves.extend((0..20).map(|_| screen.key(state, Action::PageDown)));
    table.push(("move selection (timeline: down, up, page down)", moves));

    let actors = state
        .data
        .actor_rows
        .iter()
        .filter(|r| matches!(r, ActorRow::Actor(_)))
        .count();
    if actors == 0 {
        println!(
            "no actors in this corpus (actor stage not in this build?): actor filter and search skipped"
        );
    } else {
        update(state, Action::FocusPane(Pane::Actors));
        update(state, Action::MoveTop);
        let (mut moves, mut filters, mut clears) = (Vec::new(), Vec::new(), Vec::new());
        for i in 0..actors.min(100) {
            if i > 0 {
                moves.push(screen.key(state, Action::MoveDown));
            }
            update(state, Action::FocusPane(Pane::Actors));
            filters.push(screen.key(state, Action::FilterToSelected));
            clears.push(screen.key(state, Action::ClearFilter));
        }
        table.push(("move selection (actors pane)", moves));
        table.push(("filter by an actor (most mentioned first)", filters));
        table.push(("clear the filter", clears));

        let queries = search_queries(state, 20);
        let (mut opens, mut typed) = (Vec::new(), Vec::new());
        for q in &queries {
            opens.push(screen.key(state, Action::OpenSearch));
            typed.extend(
                q.chars()
                    .map(|ch| screen.key(state, Action::SearchInput(ch))),
            );
            update(state, Action::CloseSearch);
        }
        table.push(("open the search popup", opens));
        table.push(("fuzzy search, each of 6 typed characters", typed));
        println!(
            "search queries (6 characters of names across the actor ranking): {}",
            queries.join(", ")
        );
    }

    println!("| keystroke | p50 | p99 | max | samples |");
    println!("|---|---:|---:|---:|---:|");
    for (what, samples) in &table {
        println!(
            "| {what} | {:.2} ms | {:.2} ms | {:.2} ms | {} |",
            ms(quantile(samples, 0.5)),
            ms(quantile(samples, 0.99)),
            ms(quantile(samples, 1.0)),
            samples.len()
        );
    }
}

/// Six-character queries taken from actor names spread over the actors pane, most mentioned first.
fn search_queries(state: &State, n: usize) -> Vec<String> {
    let names: Vec<String> = state
        .data
        .actor_rows
        .iter()
        .filter_map(|r| match r {
            ActorRow::Actor(a) => Some(fold(&state.data.corpus.actors[*a].name)),
            ActorRow::Heading(_) => None,
        })
        .map(|s| s.chars().filter(|c| c.is_alphanumeric()).take(6).collect())
        .filter(|s: &String| s.chars().count() == 6)
        .collect();
    let step = (names.len() / n).max(1);
    names.into_iter().step_by(step).take(n).collect()
}
