import ArgumentParser

/// `ssoctl demo`: the admin surface of an embedded engine, then the reference's "Full Enterprise
/// SSO Flow Example" for real: OIDC, SAML and LDAP logins against embedded IdPs and a throwaway
/// slapd. The last line is `demo: N/3 logins succeeded (…)`; the exit status is non-zero unless
/// everything worked.
struct Demo: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run the enterprise SSO flow end to end with an embedded engine and IdPs (no network needed)."
    )

    func run() async throws {
        let printer = DemoPrinter()
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
            let login = try LoginWalk(printer: printer)
            await login.run(ldapServer: ldapServer)
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
