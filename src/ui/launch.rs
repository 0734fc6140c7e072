//! Starting the desktop app: one instance per data directory (a later
//! launch hands its request to the running one), the windows' settings, and
//! the boot that opens the main window.

use iced::{Task, window};

use super::app::{APP_ID, App, Message, Screen};
use super::geometry::Sizes;
use crate::config::ConfigFile;
use crate::i18n;
use crate::paths::Paths;
use crate::t;

/// The main window's least size, in logical pixels.
const MAIN_MIN: iced::Size = iced::Size::new(560.0, 420.0);

/// A compose window's least size.
const COMPOSE_MIN: iced::Size = iced::Size::new(480.0, 420.0);

/// The main window, at the size it had last (`sizes`), else 900 × 640.
pub(super) fn main_window_settings(sizes: &Sizes) -> window::Settings {
    window::Settings {
        size: sizes
            .main
            .map_or(iced::Size::new(900.0, 640.0), |d| d.clamped(MAIN_MIN)),
        min_size: Some(MAIN_MIN),
        icon: super::icon::window_icon(),
        exit_on_close_request: false,
        platform_specific: platform(),
        ..window::Settings::default()
    }
}

/// A compose window, at the size the last one had (`sizes`), else
/// 760 × 680.
pub(super) fn compose_window_settings(sizes: &Sizes) -> window::Settings {
    window::Settings {
        size: sizes
            .compose
            .map_or(iced::Size::new(760.0, 680.0), |d| d.clamped(COMPOSE_MIN)),
        min_size: Some(COMPOSE_MIN),
        icon: super::icon::window_icon(),
        exit_on_close_request: false,
        platform_specific: platform(),
        ..window::Settings::default()
    }
}

#[cfg(target_os = "linux")]
fn platform() -> window::settings::PlatformSpecific {
    window::settings::PlatformSpecific {
        application_id: APP_ID.to_string(),
        ..Default::default()
    }
}

#[cfg(not(target_os = "linux"))]
fn platform() -> window::settings::PlatformSpecific {
    Default::default()
}

impl App {
    /// Loads settings and files, opens the main window.
    pub fn boot() -> (App, Task<Message>) {
        let paths =
            Paths::from_env().unwrap_or_else(|_| Paths::under(std::path::Path::new(".koperta")));
        let mut app = App::new(paths);
        i18n::apply(app.config.config.settings.language);
        let (id, open) = window::open(main_window_settings(&app.geometry.sizes));
        app.main_id = Some(id);
        app.windows.insert(id, Screen::Main);
        // The last run panicked: where it is written down, once.
        if let Some(log) = super::crash::untold(&app.paths.data_dir) {
            app.notice(t!(
                "main-crashed-last-time",
                path = log.display().to_string()
            ));
        }
        // What fell due while no Koperta ran goes out now.
        #[allow(unused_mut)]
        let mut first = vec![
            open.map(Message::Opened),
            app.resume_holds(),
            app.run_due(),
            app.reindex(),
            app.look_for_drafts_left_open(),
            // Discarded by a run that ended before its Undo ran out: back.
            app.restore_discarded(),
        ];
        #[cfg(not(target_os = "linux"))]
        first.push(iced::system::theme().map(Message::OsTheme));
        let mut task = Task::batch(first);
        if let Some(Launch::Mailto(uri)) = LAUNCH.lock().ok().and_then(|mut l| l.take()) {
            task = task.chain(app.open_mailto(&uri));
        }
        (app, task)
    }
}

/// Whether a display is named: an X11 or Wayland display (Linux and the
/// BSDs); elsewhere the system always has one.
fn has_display() -> bool {
    if cfg!(any(
        target_os = "linux",
        target_os = "freebsd",
        target_os = "openbsd"
    )) {
        ["DISPLAY", "WAYLAND_DISPLAY", "WAYLAND_SOCKET"]
            .iter()
            .any(|v| std::env::var_os(v).is_some_and(|x| !x.is_empty()))
    } else {
        true
    }
}

/// The named display that does not accept a connection, if none of the
/// named ones does (iced would panic creating its event loop). A local X
/// display (`:N`, `unix:N`) is tried on its socket, a Wayland display on
/// its socket in `XDG_RUNTIME_DIR`; a remote X display or an inherited
/// Wayland socket is left to the toolkit.
#[cfg(unix)]
fn unreachable_display() -> Option<String> {
    use std::os::unix::net::UnixStream;
    let var = |name| std::env::var(name).ok().filter(|v: &String| !v.is_empty());
    if var("WAYLAND_SOCKET").is_some() {
        return None;
    }
    let mut tried = Vec::new();
    if let Some(wayland) = var("WAYLAND_DISPLAY") {
        let path = match var("XDG_RUNTIME_DIR") {
            Some(dir) if !wayland.starts_with('/') => format!("{dir}/{wayland}"),
            _ => wayland.clone(),
        };
        if UnixStream::connect(&path).is_ok() {
            return None;
        }
        tried.push(wayland);
    }
    if let Some(display) = var("DISPLAY") {
        let (host, rest) = display.rsplit_once(':').unwrap_or(("", &display));
        if !(host.is_empty() || host == "unix") {
            return None;
        }
        let number = rest.split('.').next().unwrap_or(rest);
        let path = format!("/tmp/.X11-unix/X{number}");
        if UnixStream::connect(&path).is_ok() || x11_abstract(&path) {
            return None;
        }
        tried.push(display);
    }
    tried.into_iter().next()
}

#[cfg(not(unix))]
fn unreachable_display() -> Option<String> {
    None
}

/// Linux's X servers also listen on an abstract socket of the same name.
#[cfg(target_os = "linux")]
fn x11_abstract(path: &str) -> bool {
    use std::os::linux::net::SocketAddrExt;
    std::os::unix::net::SocketAddr::from_abstract_name(path.as_bytes())
        .and_then(|a| std::os::unix::net::UnixStream::connect_addr(&a))
        .is_ok()
}

#[cfg(all(unix, not(target_os = "linux")))]
fn x11_abstract(_path: &str) -> bool {
    false
}

/// Requests from later launches, for the subscription (set once by
/// [`start`]).
static REMOTE: std::sync::Mutex<
    Option<futures::channel::mpsc::UnboundedReceiver<crate::instance::Remote>>,
> = std::sync::Mutex::new(None);

/// What the first window shows (set once by [`start`]).
static LAUNCH: std::sync::Mutex<Option<Launch>> = std::sync::Mutex::new(None);

/// The desktop's light or dark preference, for the subscription: asked of
/// the desktop portal without blocking (on Linux, with mundy, then
/// followed as it changes); the first window is drawn light meanwhile and
/// switches when the answer comes. iced's own detection is off: it waits
/// up to 200 ms for the portal before the first window.
#[cfg(target_os = "linux")]
pub(super) fn os_theme() -> iced::Subscription<Message> {
    fn stream() -> futures::stream::BoxStream<'static, Message> {
        use futures::StreamExt;
        mundy::Preferences::stream(mundy::Interest::ColorScheme)
            .map(|p| {
                Message::OsTheme(match p.color_scheme {
                    mundy::ColorScheme::Dark => iced::theme::Mode::Dark,
                    mundy::ColorScheme::Light => iced::theme::Mode::Light,
                    mundy::ColorScheme::NoPreference => iced::theme::Mode::None,
                })
            })
            .boxed()
    }
    iced::Subscription::run(stream)
}

/// Elsewhere the windowing system tells iced, without waiting.
#[cfg(not(target_os = "linux"))]
pub(super) fn os_theme() -> iced::Subscription<Message> {
    iced::system::theme_changes().map(Message::OsTheme)
}

pub(super) fn remote_requests() -> futures::stream::BoxStream<'static, Message> {
    use futures::StreamExt;
    match REMOTE.lock().ok().and_then(|mut r| r.take()) {
        Some(rx) => rx.map(Message::Remote).boxed(),
        None => futures::stream::pending().boxed(),
    }
}

/// How the app was started.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Launch {
    /// `koperta`: the main window.
    Main,
    /// `koperta mailto:…`: the main window and a compose window from the URI.
    Mailto(String),
}

/// Starts the desktop app for `launch`, or hands `launch` to the app
/// already running on the same data directory (see [`crate::instance`]).
/// Returns the process's exit status; errors are printed translated.
pub fn start(launch: Launch) -> std::process::ExitCode {
    use std::process::ExitCode;
    let paths =
        Paths::from_env().unwrap_or_else(|_| Paths::under(std::path::Path::new(".koperta")));
    // The app loads its settings itself (App::boot); messages printed here
    // need the language first.
    let speak = || {
        let (config, _) = ConfigFile::open(&paths.config_file());
        i18n::apply(config.config.settings.language);
    };
    // Without a display iced would panic inside its event loop: say so,
    // in the person's language, and end.
    if !has_display() {
        speak();
        eprintln!("{}", t!("gui-error-no-display"));
        return ExitCode::FAILURE;
    }
    if let Some(display) = unreachable_display() {
        speak();
        let display = crate::report::safe_line(&display);
        eprintln!("{}", t!("gui-error-display-unreachable", display = display));
        return ExitCode::FAILURE;
    }
    let request = match &launch {
        Launch::Main => crate::instance::Request::Open,
        Launch::Mailto(uri) => crate::instance::Request::Mailto(uri.clone()),
    };
    match crate::instance::claim_or_hand_off(&paths.data_dir, &request) {
        Ok(crate::instance::Started::Primary(guard, requests)) => {
            if let Ok(mut r) = REMOTE.lock() {
                *r = Some(requests);
            }
            if let Ok(mut l) = LAUNCH.lock() {
                *l = Some(launch);
            }
            super::crash::install(paths.data_dir.clone());
            let result = run_or_say_no_display(&speak);
            drop(guard);
            match result {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => {
                    speak();
                    eprintln!("{}", t!("gui-error-start", reason = e.to_string()));
                    ExitCode::FAILURE
                }
            }
        }
        Ok(crate::instance::Started::HandedOff) => {
            speak();
            eprintln!("{}", t!("instance-handed-off"));
            ExitCode::SUCCESS
        }
        Err(crate::instance::InstanceError::NotResponding) => {
            speak();
            eprintln!("{}", t!("instance-not-responding"));
            ExitCode::FAILURE
        }
        Err(e) => {
            speak();
            eprintln!("{}", t!("gui-error-start", reason = e.to_string()));
            ExitCode::FAILURE
        }
    }
}

/// Runs the app; when iced cannot create its event loop even so (a display
/// whose socket answers but that refuses the client: too many clients, an
/// X server going down), says so in the person's language and ends with
/// status 1, instead of iced's panic and backtrace.
fn run_or_say_no_display(speak: &dyn Fn()) -> iced::Result {
    let previous = std::panic::take_hook();
    let display = std::env::var("WAYLAND_DISPLAY")
        .or_else(|_| std::env::var("DISPLAY"))
        .unwrap_or_default();
    speak();
    let said = t!(
        "gui-error-display-unreachable",
        display = crate::report::safe_line(&display)
    );
    std::panic::set_hook(Box::new(move |info| {
        let text = info
            .payload()
            .downcast_ref::<String>()
            .map(String::as_str)
            .or_else(|| info.payload().downcast_ref::<&str>().copied())
            .unwrap_or_default();
        if text.starts_with("Create event loop") {
            eprintln!("{said}");
            std::process::exit(1);
        }
        previous(info);
    }));
    run()
}

/// Runs the desktop app in this process (no single-instance check; see
/// [`start`]).
pub fn run() -> iced::Result {
    iced::daemon(App::boot, App::update, App::view)
        .title(App::title)
        .theme(App::theme)
        .subscription(App::subscription)
        .font(include_bytes!("../../assets/fonts/DejaVuSans.ttf").as_slice())
        .font(super::icon::FONT)
        .default_font(iced::Font::with_name("DejaVu Sans"))
        .run()
}
