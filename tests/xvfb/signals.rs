//! A termination signal (logout, shutdown, `kill`) while a person types:
//! a tryout's `kill -TERM` right after typing ended Koperta at once, and
//! the typing not yet autosaved was gone.

use std::time::{Duration, Instant};

use super::{desk, drafts_when, turn, xdotool};

#[test]
fn a_termination_signal_right_after_typing_saves_the_draft_before_the_end() {
    let _turn = turn();
    let desk = desk("en_US.UTF-8");
    let (s, display) = (&desk.s, &desk.display);
    let dir = s.k.dir();
    let bus = s.k.bus.as_deref().unwrap();
    let (mut app, main) = display.start_app(dir, bus, "en_US.UTF-8");
    let compose = display.open_compose(&main).expect("compose window");
    display.focus(&compose);
    std::thread::sleep(Duration::from_millis(500));
    let typed = |t: &str| xdotool(&display.name, &["type", "--delay", "20", t]);
    typed("jan@example.com");
    xdotool(&display.name, &["key", "Return"]);
    typed("Before logout");
    xdotool(&display.name, &["key", "Tab"]);
    typed("First");
    // Autosaved once; the next words are typed and the signal comes well
    // within the next autosave's second.
    let saved = drafts_when(dir, |d| d.iter().any(|(_, d)| d.body.contains("First")));
    assert!(
        saved.iter().any(|(_, d)| d.body.contains("First")),
        "autosaved: {saved:?}"
    );
    xdotool(&display.name, &["type", "--delay", "8", " last"]);
    std::thread::sleep(Duration::from_millis(120));
    let term = std::process::Command::new("kill")
        .args(["-TERM", &app.id().to_string()])
        .status()
        .expect("kill");
    assert!(term.success());
    let started = Instant::now();
    let status = loop {
        if let Some(status) = app.try_wait().expect("wait") {
            break status;
        }
        if started.elapsed() > Duration::from_secs(10) {
            let _ = app.kill();
            panic!("Koperta did not end within 10 s of SIGTERM");
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    assert!(status.success(), "ended as asked: {status:?}");
    let (drafts, _) = koperta::ui::app::App::headless(koperta::paths::Paths::under(dir))
        .store
        .drafts();
    let (_, draft) = drafts
        .iter()
        .find(|(_, d)| d.subject == "Before logout")
        .unwrap_or_else(|| panic!("the draft: {drafts:?}"));
    assert!(
        draft.body.starts_with("First last"),
        "the words typed just before the signal are kept: {draft:?}"
    );
}
