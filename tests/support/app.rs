//! The app without a display: its tasks run to completion the way iced's
//! runtime would run them, and compose windows are opened by id.

use futures::StreamExt;
use iced::window;
use iced_test::runtime::Action;
use koperta::draft::Draft;
use koperta::ui::app::{App, Message, Screen};
use koperta::ui::compose;

/// Runs a task's futures and returns the messages it produces.
pub async fn outputs(task: iced::Task<Message>) -> Vec<Message> {
    let Some(mut stream) = iced_test::runtime::task::into_stream(task) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    while let Some(action) = stream.next().await {
        if let Action::Output(m) = action {
            out.push(m);
        }
    }
    out
}

/// Runs `task` and every task its messages lead to, until none are left.
pub fn drive(app: &mut App, rt: &tokio::runtime::Runtime, task: iced::Task<Message>) {
    let mut pending = vec![task];
    while let Some(task) = pending.pop() {
        for m in rt.block_on(outputs(task)) {
            pending.push(app.update(m));
        }
    }
}

/// Gives `message` to the app, drives what follows, and returns the
/// windows the app asked to close meanwhile.
#[allow(dead_code)]
pub fn send_closing(
    app: &mut App,
    rt: &tokio::runtime::Runtime,
    message: Message,
) -> Vec<window::Id> {
    let mut closed = Vec::new();
    let mut pending = vec![app.update(message)];
    while let Some(task) = pending.pop() {
        let Some(mut stream) = iced_test::runtime::task::into_stream(task) else {
            continue;
        };
        // Each action is looked at as it comes and then dropped: a widget
        // operation's action, kept, would hold the channel its task waits
        // on, and the task would never end.
        let (messages, closes): (Vec<Message>, Vec<window::Id>) = rt.block_on(async {
            let (mut messages, mut closes) = (Vec::new(), Vec::new());
            while let Some(action) = stream.next().await {
                match action {
                    Action::Output(m) => messages.push(m),
                    Action::Window(iced_test::runtime::window::Action::Close(id)) => {
                        closes.push(id)
                    }
                    _ => {}
                }
            }
            (messages, closes)
        });
        closed.extend(closes);
        for m in messages {
            pending.push(app.update(m));
        }
    }
    closed
}

/// Gives `message` to the app and drives what follows.
pub fn send(app: &mut App, rt: &tokio::runtime::Runtime, message: Message) {
    let task = app.update(message);
    drive(app, rt, task);
}

/// Opens a compose window holding `draft` (a new draft id); its window id.
pub fn compose_window(app: &mut App, draft: Draft) -> window::Id {
    let id = window::Id::unique();
    app.windows.insert(
        id,
        Screen::Compose(Box::new(compose::State::new(
            koperta::store::new_id(),
            draft,
        ))),
    );
    id
}

/// A simulator at the main window's size (900×640) with the embedded font.
pub fn simulator_at_window_size<'a, M: Clone>(
    element: impl Into<iced::Element<'a, M>>,
) -> iced_test::Simulator<'a, M> {
    simulator_sized(element, (900.0, 640.0))
}

/// A simulator of `size` (logical pixels) with the embedded font.
pub fn simulator_sized<'a, M: Clone>(
    element: impl Into<iced::Element<'a, M>>,
    size: (f32, f32),
) -> iced_test::Simulator<'a, M> {
    let settings = iced::Settings {
        fonts: vec![
            include_bytes!("../../assets/fonts/DejaVuSans.ttf")
                .as_slice()
                .into(),
            koperta::ui::icon::FONT.into(),
        ],
        default_font: iced::Font::with_name("DejaVu Sans"),
        ..iced::Settings::default()
    };
    iced_test::Simulator::with_size(settings, size, element)
}

/// Draws what `ui` shows in `theme` into `DIR/NAME-tiny-skia.png`.
pub fn photograph<M: Clone>(
    ui: &mut iced_test::Simulator<'_, M>,
    theme: &iced::Theme,
    dir: &std::path::Path,
    name: &str,
) {
    std::fs::create_dir_all(dir).expect("screenshot dir");
    let snapshot = ui.snapshot(theme).expect("snapshot");
    // iced_test names the file after the renderer (`NAME-tiny-skia.png`)
    // and only compares when one exists: remove the last run's first.
    for entry in std::fs::read_dir(dir).expect("dir").flatten() {
        if entry
            .file_name()
            .to_string_lossy()
            .starts_with(&format!("{name}-"))
        {
            let _ = std::fs::remove_file(entry.path());
        }
    }
    assert!(
        snapshot
            .matches_image(dir.join(format!("{name}.png")))
            .expect("write")
    );
}
