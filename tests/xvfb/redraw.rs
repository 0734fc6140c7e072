//! What the window shows is what a fresh drawing of it shows: iced's
//! software renderer redraws only damaged parts, and a pick list changed
//! with Down kept the top half of its old label under the new one
//! (tryout 12).

use std::process::Command;
use std::time::Duration;

use super::support::display::Display;
use super::support::keyring::{KeyringMode, KeyringSession};
use super::{turn, xdotool};

/// The window photographed as it is, and again after a resize there and
/// back (which draws every pixel anew): the two are identical.
#[test]
fn a_pick_list_changed_with_down_is_drawn_as_cleanly_as_a_fresh_window() {
    let _turn = turn();
    let keyring = KeyringSession::start(KeyringMode::Unlocked);
    let home = tempfile::tempdir().unwrap();
    let display = Display::start();
    let locale = "pl_PL.UTF-8";
    let (mut app, main) = display.start_app(home.path(), &keyring.bus, locale);
    display.focus(&main);
    std::thread::sleep(Duration::from_millis(500));
    let key = |k: &str| xdotool(&display.name, &["key", k]);
    let typed = |t: &str| xdotool(&display.name, &["type", "--delay", "20", t]);
    // Add account (focused at first start), a name and an address, then
    // "set up by hand": the account form, its security pick list next.
    key("Return");
    std::thread::sleep(Duration::from_millis(500));
    typed("Ola");
    key("Tab");
    typed("ola@example.com");
    key("Tab");
    key("Tab");
    key("space");
    std::thread::sleep(Duration::from_millis(1000));
    // The form opens with the cursor in the host field: one Tab on, the
    // security list.
    key("Tab");
    std::thread::sleep(Duration::from_millis(300));
    key("Down");
    let differing = stale_pixels(&display, &main, home.path());
    let _ = app.kill();
    let _ = app.wait();
    assert_eq!(
        differing.split_whitespace().next(),
        Some("0"),
        "pixels that differ from a fresh drawing: {differing}"
    );
}

/// Tryouts 20 and 31: after a change of view, a line of the old page's
/// button stayed on the new page. Ctrl+2 from Accounts to Drafts is drawn
/// as cleanly as a fresh window.
#[test]
fn a_change_of_view_is_drawn_as_cleanly_as_a_fresh_window() {
    let _turn = turn();
    let keyring = KeyringSession::start(KeyringMode::Unlocked);
    let home = tempfile::tempdir().unwrap();
    let display = Display::start();
    let locale = "pl_PL.UTF-8";
    let (mut app, main) = display.start_app(home.path(), &keyring.bus, locale);
    display.focus(&main);
    std::thread::sleep(Duration::from_millis(500));
    xdotool(&display.name, &["key", "ctrl+2"]);
    let differing = stale_pixels(&display, &main, home.path());
    let _ = app.kill();
    let _ = app.wait();
    assert_eq!(
        differing.split_whitespace().next(),
        Some("0"),
        "pixels that differ from a fresh drawing: {differing}"
    );
}

/// The window `main` photographed as it is, and again after a resize there
/// and back (which draws every pixel anew): how many pixels differ, as
/// ImageMagick's `compare` says.
fn stale_pixels(display: &Display, main: &str, dir: &std::path::Path) -> String {
    let shot = |name: &str| {
        std::thread::sleep(Duration::from_millis(800));
        let path = dir.join(name);
        let status = Command::new("import")
            .args(["-window", main])
            .arg(&path)
            .env("DISPLAY", &display.name)
            .status()
            .expect("import");
        assert!(status.success());
        path
    };
    let as_it_is = shot("as-it-is.png");
    let size = xdotool(&display.name, &["getwindowgeometry", "--shell", main]);
    let value = |k: &str| {
        size.lines()
            .find_map(|l| l.strip_prefix(&format!("{k}=")))
            .unwrap_or("0")
            .to_string()
    };
    let (w, h) = (value("WIDTH"), value("HEIGHT"));
    let wider = (w.parse::<u32>().unwrap_or(900) + 40).to_string();
    xdotool(&display.name, &["windowsize", main, &wider, &h]);
    std::thread::sleep(Duration::from_millis(600));
    xdotool(&display.name, &["windowsize", main, &w, &h]);
    let fresh = shot("fresh.png");
    let out = Command::new("compare")
        // Anti-aliased edges at the borders of a redrawn part differ by a
        // few per cent from a whole drawing; a stale label by far more.
        .args(["-metric", "AE", "-fuzz", "10%"])
        .arg(&as_it_is)
        .arg(&fresh)
        .arg("null:")
        .output()
        .expect("compare (imagemagick)");
    String::from_utf8_lossy(&out.stderr).trim().to_string()
}
