import ArgumentParser

/// `ssoctl demo`: walks the enterprise SSO surface of an embedded engine, with no network and
/// no setup. Its pieces live in `Demo/` so later steps (full logins) can be added there.
struct Demo: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Walk through the enterprise SSO flow with an embedded engine (no network needed)."
    )

    func run() async throws {
        let printer = DemoPrinter()
        let walk = AdminWalk(printer: printer)
        let ok = await walk.run()
        printer.line("")
        if printer.leaked(DemoFixtures.secrets) {
            printer.line("demo: FAILED: a secret appeared in the output")
            throw ExitCode(1)
        }
        guard ok else {
            printer.line("demo: admin walk FAILED (\(walk.failures) step(s) failed)")
            throw ExitCode(1)
        }
        printer.line("demo: admin walk completed (\(printer.stepCount) steps, no secret printed)")
    }
}
