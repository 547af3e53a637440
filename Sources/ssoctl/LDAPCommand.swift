import ArgumentParser

struct LDAPCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ldap",
        abstract: "Authenticate against an LDAP directory.",
        subcommands: [LDAPAuthenticateCommand.self]
    )
}
