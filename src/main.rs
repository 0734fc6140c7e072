//! `koperta`: with no arguments the desktop app; with a `mailto:` URI a
//! compose window (in the running app, if there is one); otherwise the
//! command line.

fn main() -> std::process::ExitCode {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    match args.get(1).and_then(|a| a.to_str()) {
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
