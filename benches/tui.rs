//! The browser at archive scale: time to first frame, time until fully loaded, and per-keystroke
//! time (update plus render into a ratatui `TestBackend`) on the BBC and the 100 MB corpus —
//! moving, filtering, the full-text search, the actor finder with typos, `:goto`, pushing and
//! popping the reading view — and keystrokes on one huge article (16 and 50 MB).
//! Run: `cargo bench --bench tui` (`DATELINE_SKIP_HUGE=1` skips the huge article).
//!
//! A keystroke is timed from handing its action to `update` until the whole screen is rendered
//! into the test backend's buffer, which is all the work the browser does per key short of writing
//! the changed cells to the terminal.

mod common;

use std::time::{Duration, Instant};

use common::{mb, median, ms, quantile, time};
use dateline::corpus::Lexicon;
use dateline::corpus::{Corpus, CorpusEvent, CorpusWhen};
use dateline::ids::DocId;
use dateline::model::{Document, Span};
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

    /// As `key`, with the CPU time the process used meanwhile (every thread): on a loaded
    /// machine, wall time counts the waits for a core, CPU time only the work (an upper bound on
    /// an idle machine's wall time, as the work runs on up to every core).
    fn key_cpu(&mut self, state: &mut State, action: Action) -> (Duration, Duration) {
        let c = cpu_time();
        let wall = self.key(state, action);
        (wall, cpu_time().saturating_sub(c))
    }
}

/// CPU time of the whole process so far.
fn cpu_time() -> Duration {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: clock_gettime writes one timespec through a valid pointer.
    let ok = unsafe { libc::clock_gettime(libc::CLOCK_PROCESS_CPUTIME_ID, &mut ts) } == 0;
    if !ok {
        return Duration::ZERO;
    }
    Duration::new(
        u64::try_from(ts.tv_sec).unwrap_or(0),
        u32::try_from(ts.tv_nsec).unwrap_or(0),
    )
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
    if std::env::var_os("DATELINE_SKIP_HUGE").is_none() {
        let docs = common::ingest(&common::bbc_dir(), Some(common::bbc_date()));
        for mb in [16, 50] {
            huge_article(&docs, mb, false);
        }
        huge_article(&docs, 16, true);
    }
}

/// One article of `mb` MB made of BBC text (paragraphs kept, or all on one line), one event per
/// sentence, built directly (extraction of such an article is issue 16's other benchmark): what
/// a keystroke costs in the browser when one document is huge.
fn huge_article(docs: &[Document], mb: usize, one_line: bool) {
    let target = mb * 1024 * 1024;
    let mut text = String::with_capacity(target + 4096);
    'fill: loop {
        for d in docs {
            text.push_str(&d.text);
            text.push_str(if one_line { " " } else { "\n\n" });
            if text.len() >= target {
                break 'fill;
            }
        }
    }
    if one_line {
        text = text.replace('\n', " ");
    }
    let mut events = Vec::new();
    let mut start = 0;
    let day = common::bbc_date();
    for (i, _) in text.match_indices(". ") {
        events.push(CorpusEvent::new(
            DocId::new(0),
            Span::new(start, i + 1),
            CorpusWhen {
                earliest: Some(day),
                latest: Some(day),
                ..CorpusWhen::default()
            },
            Default::default(),
            [],
            [],
            [],
        ));
        start = i + 2;
    }
    let corpus = Corpus {
        documents: vec![Document {
            id: "huge".into(),
            published: Some(day),
            text,
            ..Document::default()
        }]
        .into(),
        events: events.into(),
        ..Corpus::default()
    };
    let n_events = corpus.events.len();
    let (t_data, data) = time(|| Data::new(corpus));
    let (w, h) = screen_size();
    let mut state = State::loading(w, h, true);
    let mut screen = Screenful::new((w, h));
    update(&mut state, Action::Loaded(Box::new(data)));
    println!(
        "\n== one article of {mb} MB{} ({n_events} events; view index {:.0} ms) ==",
        if one_line { " on one line" } else { "" },
        ms(t_data)
    );
    let mut table: Vec<(&str, Vec<Duration>)> = Vec::new();
    update(&mut state, Action::FocusPane(Pane::Timeline));
    let mut moves: Vec<Duration> = (0..200)
        .map(|_| screen.key(&mut state, Action::MoveDown))
        .collect();
    moves.extend((0..20).map(|_| screen.key(&mut state, Action::PageDown)));
    moves.push(screen.key(&mut state, Action::MoveBottom));
    moves.push(screen.key(&mut state, Action::MoveTop));
    table.push(("move in the timeline (the source follows)", moves));
    let mut reading: Vec<Duration> = vec![screen.key(&mut state, Action::OpenSelected)];
    reading.extend((0..200).map(|_| screen.key(&mut state, Action::MoveDown)));
    reading.extend((0..20).map(|_| screen.key(&mut state, Action::PageDown)));
    reading.extend((0..20).map(|_| screen.key(&mut state, Action::PageUp)));
    reading.push(screen.key(&mut state, Action::MoveBottom));
    reading.extend((0..50).map(|_| screen.key(&mut state, Action::MoveUp)));
    reading.push(screen.key(&mut state, Action::MoveTop));
    reading.push(screen.key(&mut state, Action::QuitView));
    table.push(("read: open, scroll, page, ends, back", reading));
    let mut search = vec![screen.key(&mut state, Action::OpenTextSearch)];
    search.extend(
        "minister"
            .chars()
            .map(|c| screen.key(&mut state, Action::PromptInput(c))),
    );
    search.push(screen.key(&mut state, Action::PromptAccept));
    search.extend((0..50).map(|_| screen.key(&mut state, Action::NextMatch)));
    search.push(screen.key(&mut state, Action::FocusPane(Pane::Source)));
    search.extend((0..50).map(|_| screen.key(&mut state, Action::NextMatch)));
    search.push(screen.key(&mut state, Action::Back));
    table.push(("full-text search: type, accept, n", search));
    print_table(&table);
}

fn print_table(table: &[(&str, Vec<Duration>)]) {
    println!("| keystroke | p50 | p99 | max | samples |");
    println!("|---|---:|---:|---:|---:|");
    for (what, samples) in table {
        println!(
            "| {what} | {:.2} ms | {:.2} ms | {:.2} ms | {} |",
            ms(quantile(samples, 0.5)),
            ms(quantile(samples, 0.99)),
            ms(quantile(samples, 1.0)),
            samples.len()
        );
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

    // DATELINE_BENCH_TEXT_ONLY=1 times the full-text search alone.
    let text_only = std::env::var_os("DATELINE_BENCH_TEXT_ONLY").is_some();
    if !text_only {
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
            let (mut opens, mut typed, mut typed_cpu) = (Vec::new(), Vec::new(), Vec::new());
            for q in &queries {
                opens.push(screen.key(state, Action::OpenSearch));
                for ch in q.chars() {
                    let (t, c) = screen.key_cpu(state, Action::SearchInput(ch));
                    typed.push(t);
                    typed_cpu.push(c);
                }
                update(state, Action::CloseSearch);
            }
            table.push(("open the finder", opens));
            table.push(("finder, each of 6 typed characters", typed));
            table.push(("  the same, CPU time of the process", typed_cpu));
            println!(
                "finder queries (6 characters of names across the actor ranking): {}",
                queries.join(", ")
            );
            // Typos: a name's first word of 6 or more letters with two letters swapped.
            let typo_queries = typo_queries(state, 20);
            let (mut typos, mut typos_cpu) = (Vec::new(), Vec::new());
            for q in &typo_queries {
                update(state, Action::OpenSearch);
                for ch in q.chars() {
                    let (t, c) = screen.key_cpu(state, Action::SearchInput(ch));
                    typos.push(t);
                    typos_cpu.push(c);
                }
                update(state, Action::CloseSearch);
            }
            table.push(("finder with typos, each typed character", typos));
            table.push(("  the same, CPU time of the process", typos_cpu));
            println!("typo queries: {}", typo_queries.join(", "));
        }
    }

    // Full-text search: words of event sentences spread over the corpus, typed a letter at a time.
    let words = text_queries(state, 12);
    let mut text = Vec::new();
    let (mut first, mut narrow, mut delete, mut cancel) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    let mut cpu = Vec::new();
    let (mut cpu_first, mut cpu_narrow) = (Vec::new(), Vec::new());
    for w in &words {
        update(state, Action::FocusPane(Pane::Timeline));
        let (t, c) = screen.key_cpu(state, Action::OpenTextSearch);
        text.push(t);
        cpu.push(c);
        for (i, ch) in w.chars().enumerate() {
            let (t, c) = screen.key_cpu(state, Action::PromptInput(ch));
            text.push(t);
            cpu.push(c);
            // The search starts at the second character (a scan of every sentence).
            match i {
                0 => {}
                1 => {
                    first.push(t);
                    cpu_first.push(c);
                }
                _ => {
                    narrow.push(t);
                    cpu_narrow.push(c);
                }
            }
        }
        for _ in 0..3 {
            let (t, c) = screen.key_cpu(state, Action::PromptDeleteChar);
            text.push(t);
            cpu.push(c);
            delete.push(t);
        }
        let (t, c) = screen.key_cpu(state, Action::PromptCancel);
        text.push(t);
        cpu.push(c);
        cancel.push(t);
    }
    table.push((
        "full-text search, each keystroke (type, delete, cancel)",
        text,
    ));
    table.push(("  of which: the second character (first scan)", first));
    table.push(("  of which: further characters (narrowing)", narrow));
    table.push(("  of which: Backspace", delete));
    table.push(("  of which: Esc (everything back)", cancel));
    table.push((
        "full-text search, CPU time of the process per keystroke",
        cpu,
    ));
    table.push(("  of which: the second character (first scan)", cpu_first));
    table.push(("  of which: further characters (narrowing)", cpu_narrow));
    if text_only {
        print_table(&table);
        return;
    }
    println!("full-text queries: {}", words.join(", "));
    let mut steps = Vec::new();
    if let Some(w) = words.first() {
        update(state, Action::OpenTextSearch);
        for ch in w.chars() {
            update(state, Action::PromptInput(ch));
        }
        update(state, Action::PromptAccept);
        steps.extend((0..100).map(|_| screen.key(state, Action::NextMatch)));
        steps.extend((0..100).map(|_| screen.key(state, Action::PrevMatch)));
        update(state, Action::Back);
    }
    table.push(("next / previous match (n, N)", steps));

    // :goto to dates across the corpus's range (the Enter that runs it).
    let mut gotos = Vec::new();
    if let Some((a, b)) = state.data.histogram_range {
        let span = (b - a).num_days().max(1);
        for i in 0..40 {
            let d = a + chrono::Duration::days(span * i / 40);
            update(state, Action::OpenCommand);
            for ch in format!("goto {d}").chars() {
                update(state, Action::PromptInput(ch));
            }
            gotos.push(screen.key(state, Action::PromptAccept));
        }
    }
    table.push((":goto DATE (the Enter that runs it)", gotos));

    // The reading view pushed (Enter) and popped (q), here and there in the timeline.
    let mut stack = Vec::new();
    update(state, Action::FocusPane(Pane::Timeline));
    update(state, Action::MoveTop);
    for _ in 0..50 {
        for _ in 0..7 {
            update(state, Action::MoveDown);
        }
        stack.push(screen.key(state, Action::OpenSelected));
        stack.push(screen.key(state, Action::QuitView));
    }
    table.push(("push the reading view (Enter) / pop it (q)", stack));

    print_table(&table);
}

/// Words of 5 to 9 letters from event sentences spread over the timeline.
fn text_queries(state: &State, n: usize) -> Vec<String> {
    let c = &state.data.corpus;
    let step = (c.events.len() / n).max(1);
    c.events
        .iter()
        .step_by(step)
        .filter_map(|e| {
            let text = e.span().slice(&c.documents[e.doc()].text);
            text.split(|ch: char| !ch.is_alphabetic())
                .find(|w| (5..=9).contains(&w.len()) && w.is_ascii())
                .map(|w| w.to_lowercase())
        })
        .take(n)
        .collect()
}

/// Names with a typo: the first word of 6+ letters of actors spread over the ranking, two
/// letters in its middle swapped.
fn typo_queries(state: &State, n: usize) -> Vec<String> {
    let names: Vec<String> = state
        .data
        .actor_rows
        .iter()
        .filter_map(|r| match r {
            ActorRow::Actor(a) => Some(fold(&state.data.corpus.actors[*a].name)),
            ActorRow::Heading(_) => None,
        })
        .filter_map(|name| {
            let w = name.split(' ').find(|w| w.len() >= 6 && w.is_ascii())?;
            let mut b = w.as_bytes().to_vec();
            let m = b.len() / 2;
            b.swap(m - 1, m);
            String::from_utf8(b).ok()
        })
        .collect();
    let step = (names.len() / n).max(1);
    names.into_iter().step_by(step).take(n).collect()
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
