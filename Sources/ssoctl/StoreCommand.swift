import ArgumentParser

/// `ssoctl store …`: operate a durable store.
struct StoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "store",
        abstract: "Migrate, inspect and re-key a durable store (sqlite:PATH or postgres://…).",
        subcommands: [StoreMigrateCommand.self, StoreStatusCommand.self, StoreRotateKeyCommand.self]
    )
}
