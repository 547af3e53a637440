import ArgumentParser

struct JOSECommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "jose",
        abstract: "Verify JWS signatures.",
        subcommands: [JOSEVerifyCommand.self]
    )
}
