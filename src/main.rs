fn main() -> std::process::ExitCode {
    treaty::cli::main()
}
