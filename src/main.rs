fn main() -> std::process::ExitCode {
    figcheck::main()
}
