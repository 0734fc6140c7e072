//! `koperta`: with no arguments the desktop app; otherwise the command line.

fn main() -> std::process::ExitCode {
    if std::env::args_os().len() <= 1 {
        return match koperta::ui::run() {
            Ok(()) => std::process::ExitCode::SUCCESS,
            Err(e) => {
                koperta::i18n::apply(koperta::i18n::Language::Auto);
                eprintln!("{}", koperta::t!("gui-error-start", reason = e.to_string()));
                std::process::ExitCode::FAILURE
            }
        };
    }
    koperta::cli::main()
}
