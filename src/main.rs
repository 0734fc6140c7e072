//! `koperta`: with no arguments the desktop app; with a `mailto:` URI a
//! compose window (in the running app, if there is one); otherwise the
//! command line. Built without the `gui` feature, only the command line.

#[cfg(feature = "gui")]
fn main() -> std::process::ExitCode {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    // Lossy: a link with bytes that are not UTF-8 still opens a compose
    // window, which then says the link could not be read.
    let first = args.get(1).map(|a| a.to_string_lossy().into_owned());
    match first.as_deref() {
        None => koperta::ui::start(koperta::ui::Launch::Main),
        Some(uri)
            if args.len() == 2
                && uri
                    .get(..7)
                    .is_some_and(|p| p.eq_ignore_ascii_case("mailto:")) =>
        {
            koperta::ui::start(koperta::ui::Launch::Mailto(uri.to_string()))
        }
        Some(_) => koperta::cli::main(),
    }
}

#[cfg(not(feature = "gui"))]
fn main() -> std::process::ExitCode {
    koperta::cli::main()
}
