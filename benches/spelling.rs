//! Spell checking's cost to typing (not part of the test command): prints
//! figures. `cargo bench --bench spelling` needs the system's Hunspell
//! dictionaries (`hunspell-pl`, `hunspell-en-us`; the test command
//! installs them).
//!
//! A compose window holds a 20,000-word Polish text (lines of about 12
//! words, one word in 50 misspelt). For each of 200 keystrokes it measures
//! the time from the key to a drawn frame, in this process: the app's
//! `update`, the window's view built with the widget state kept from the
//! frame before (as iced's runtime keeps it), its layout (where the
//! editor asks the highlighter for the changed lines), drawing, and the
//! CPU renderer's rasterising of the 900×640 window. It does so with
//! checking in Polish and with checking off, typing at the start and at
//! the end of the text, and prints the median, the 95th percentile and
//! the worst. Also: the time to load each dictionary, and F7's
//! suggestions for one word.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::time::{Duration, Instant};

use iced::advanced::renderer::Headless;
use iced::widget::text_editor::{Action, Edit, Motion};
use iced::window;
use iced_test::runtime::UserInterface;
use iced_test::runtime::user_interface::Cache;
use koperta::i18n::Language;
use koperta::ui::app::{App, Input, Message, Screen};
use koperta::ui::compose;

const WORDS: usize = 20_000;
const KEYS: usize = 200;
const SIZE: iced::Size = iced::Size::new(900.0, 640.0);

const SAMPLE: &str = "Dzień dobry, przesyłam w załączniku umowę oraz krótkie podsumowanie \
naszego spotkania w Warszawie. Proszę o sprawdzenie, czy wszystkie ustalenia zostały \
zapisane poprawnie, a jeśli coś trzeba zmienić, proszę dać znać do piątku. Pozdrawiam \
serdecznie i życzę miłego dnia całemu zespołowi";

fn text() -> String {
    let words: Vec<&str> = SAMPLE.split_whitespace().collect();
    let mut out = String::new();
    for i in 0..WORDS {
        let w = words[i % words.len()];
        if i % 50 == 7 {
            out.push_str("wiadomośc");
        } else {
            out.push_str(w);
        }
        out.push(if i % 12 == 11 { '\n' } else { ' ' });
    }
    out
}

fn drive(app: &mut App, rt: &tokio::runtime::Runtime, task: iced::Task<Message>) {
    use futures::StreamExt;
    let mut pending = vec![task];
    while let Some(task) = pending.pop() {
        let Some(mut stream) = iced_test::runtime::task::into_stream(task) else {
            continue;
        };
        let out = rt.block_on(async {
            let mut out = Vec::new();
            while let Some(a) = stream.next().await {
                if let iced_test::runtime::Action::Output(m) = a {
                    out.push(m);
                }
            }
            out
        });
        for m in out {
            pending.push(app.update(m));
        }
    }
}

struct Frames {
    renderer: iced::Renderer,
    cache: Option<Cache>,
}

impl Frames {
    fn draw(&mut self, app: &App, w: window::Id) {
        let cache = self.cache.take().unwrap_or_default();
        let mut ui = UserInterface::build(app.view(w), SIZE, cache, &mut self.renderer);
        let mut messages = Vec::new();
        let redraw = iced::Event::Window(window::Event::RedrawRequested(Instant::now()));
        let _ = ui.update(
            &[redraw],
            iced::mouse::Cursor::Unavailable,
            &mut self.renderer,
            &mut iced::advanced::clipboard::Null,
            &mut messages,
        );
        let theme = koperta::ui::style::theme(false);
        ui.draw(
            &mut self.renderer,
            &theme,
            &iced::advanced::renderer::Style {
                text_color: iced::Color::BLACK,
            },
            iced::mouse::Cursor::Unavailable,
        );
        self.cache = Some(ui.into_cache());
        let _ = self
            .renderer
            .screenshot(iced::Size::new(900, 640), 1.0, iced::Color::WHITE);
    }
}

fn figures(mut times: Vec<Duration>) -> String {
    times.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    format!(
        "median {:.2} ms, p95 {:.2} ms, worst {:.2} ms",
        ms(times[times.len() / 2]),
        ms(times[times.len() * 95 / 100]),
        ms(times[times.len() - 1])
    )
}

fn run(checking: bool, at_end: bool) -> String {
    let home = tempfile::tempdir().unwrap();
    let rt = tokio::runtime::Runtime::new().unwrap();
    let mut app = App::headless(koperta::paths::Paths::under(home.path()));
    app.config.config.settings.language = Language::Pl;
    app.config.config.accounts.push(koperta::account::Account {
        id: koperta::account::AccountId::generate(),
        address: "zofia@example.com".into(),
        ..koperta::account::Account::default()
    });
    let task = app.update(Message::Input(window::Id::unique(), Input::NewMessage));
    drive(&mut app, &rt, task);
    let w = *app
        .windows
        .iter()
        .find(|(_, s)| matches!(s, Screen::Compose(_)))
        .unwrap()
        .0;
    if !checking {
        let t = app.update(Message::Compose(
            w,
            compose::Message::SpellLanguage(compose::SpellChoice::Off),
        ));
        drive(&mut app, &rt, t);
    }
    if let Some(Screen::Compose(c)) = app.windows.get_mut(&w) {
        c.set_body(text());
    }
    let mut frames = Frames {
        renderer: futures::executor::block_on(<iced::Renderer as Headless>::new(
            iced::Font::DEFAULT,
            iced::Pixels(14.0),
            Some("tiny-skia"),
        ))
        .unwrap(),
        cache: None,
    };
    let body = |a: Action| Message::Compose(w, compose::Message::Body(a));
    let _ = app.update(body(Action::Move(if at_end {
        Motion::DocumentEnd
    } else {
        Motion::DocumentStart
    })));
    let first = Instant::now();
    frames.draw(&app, w);
    let first = first.elapsed();
    let mut times = Vec::with_capacity(KEYS);
    for i in 0..KEYS {
        let c = if i % 6 == 5 { ' ' } else { 'a' };
        let t = Instant::now();
        let _ = app.update(body(Action::Edit(Edit::Insert(c))));
        frames.draw(&app, w);
        times.push(t.elapsed());
    }
    format!(
        "checking {}, typing at the {}: first frame {:.1} ms; a keystroke to a frame: {}",
        if checking { "in Polish" } else { "off" },
        if at_end { "end" } else { "start" },
        first.as_secs_f64() * 1000.0,
        figures(times)
    )
}

fn main() {
    let dirs = koperta::spell::search_path();
    for lang in [Language::Pl, Language::En] {
        let t = Instant::now();
        let s = koperta::spell::Speller::load(lang, &dirs).expect("the dictionary");
        println!(
            "{lang:?} dictionary loaded in {:.0} ms",
            t.elapsed().as_secs_f64() * 1000.0
        );
        let word = if lang == Language::Pl {
            "wiadomośc"
        } else {
            "recieve"
        };
        let t = Instant::now();
        let got = s.suggest(word, 5);
        println!(
            "  suggestions for {word:?} in {:.1} ms: {got:?}",
            t.elapsed().as_secs_f64() * 1000.0
        );
    }
    for (checking, at_end) in [(true, false), (false, false), (true, true), (false, true)] {
        println!("{}", run(checking, at_end));
    }
}
