import ArgumentParser
import Foundation
import Sso
import SsoSQLite
import SsoStorage

/// `ssoctl demo`: the admin surface of an embedded engine, then the reference's "Full Enterprise
/// SSO Flow Example" for real: OIDC, SAML and LDAP logins against embedded IdPs and a throwaway
/// slapd, with the engine's state in a SQLite file in a temporary folder (or `--store sqlite:PATH`),
/// and a restart over that file. The last line is `demo: N/3 logins succeeded (…)`; the exit status is non-zero unless
/// everything worked.
struct Demo: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run the enterprise SSO flow end to end with an embedded engine and IdPs (no network needed)."
    )

    @Option(help: "The SQLite store for the login walk (default: a file in a new temporary folder, removed after).")
    var store: String?

    func run() async throws {
        let printer = DemoPrinter()
        let storage: DemoStorage
        do {
            storage = try await DemoStorage.open(store)
        } catch {
            printer.line("demo: FAILED: the store could not be opened: \(error)")
            throw ExitCode(1)
        }
        defer { storage.removeTemporaryFolder() }
        printer.line("Part 1 — the admin surface")
        let walk = AdminWalk(printer: printer)
        let adminOK = await walk.run()

        let ldapServer: Result<DemoLDAPServer, DemoError>
        if let reason = DemoLDAPServer.unavailableReason() {
            ldapServer = .failure(DemoError(reason))
        } else {
            do {
                ldapServer = .success(try await DemoLDAPServer.start())
            } catch let error as DemoError {
                ldapServer = .failure(error)
            } catch {
                ldapServer = .failure(DemoError("\(error)"))
            }
        }
        var logins: [String] = []
        var loginFailures = 0
        do {
            let login = try LoginWalk(printer: printer, stores: await storage.current.stores)
            printer.detail("state in \(storage.path)")
            await login.run(ldapServer: ldapServer)
            await login.restart { try await storage.reopen().stores }
            logins = login.succeeded
            loginFailures = login.failures
        } catch {
            printer.fail("the login walk could not start: \(error)")
            loginFailures += 1
        }
        if case .success(let server) = ldapServer {
            await server.stop()
            printer.detail("slapd stopped and its data removed")
        }

        await storage.close()
        printer.line("")
        let leaked = printer.leaked(DemoFixtures.secrets + [LoginWalk.ldapServicePassword, LoginWalk.ldapUserPassword])
        if leaked { printer.line("demo: FAILED: a secret appeared in the output") }
        if !adminOK { printer.line("demo: admin walk FAILED (\(walk.failures) step(s) failed)") }
        if loginFailures > 0 { printer.line("demo: \(loginFailures) login step(s) failed") }
        let names = logins.isEmpty ? "" : " (\(logins.joined(separator: ", ")))"
        printer.line("demo: \(logins.count)/3 logins succeeded\(names)")
        guard !leaked, adminOK, loginFailures == 0, logins.count == 3 else { throw ExitCode(1) }
    }
}
