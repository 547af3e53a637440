import ArgumentParser

struct Demo: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Walk through the enterprise SSO flow.")

    func run() async throws {
        print("demo")
    }
}
