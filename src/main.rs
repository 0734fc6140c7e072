//! `koperta`: the command line (and, later, the GUI).

fn main() -> std::process::ExitCode {
    koperta::cli::main()
}
