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
