import Foundation
import Sso
import SsoTesting

extension LoginWalk {
    /// The restart: a login is started, the engine and its store are closed, and a second engine
    /// opened over the same SQLite file sees the same connections, users and sessions and
    /// completes the login that began before the restart.
    func restart(reopen: () async throws -> SsoStores) async {
        printer.step("Restart: close the engine, open a second one over the same SQLite file")
        guard let provider = oidcProvider else { return printer.fail("no OIDC connection") }
        let carol = FakeOIDCUser(subject: "00u1carol", email: "carol@mycompany.com", name: "Carol Diaz")
        guard
            let pending = await attempt(
                "start a login before the restart",
                {
                    try provider.authorize(
                        try await org.getLoginURL(domain: "carol@mycompany.com", redirectURI: Self.callback), as: carol)
                }),
            let before = await attempt(
                "read the state before the restart", { try await snapshot(org, env.engine.stores.users) })
        else { return }
        printer.detail("started carol@mycompany.com's login; the IdP has answered, the callback has not arrived")

        guard let stores = await attempt("reopen the SQLite file", reopen) else { return }
        let after = SsoTestEnvironment(start: env.clock.now, stores: stores, transport: env.transport)
        guard
            let reopened = await attempt(
                "open the organization again",
                {
                    try after.engine.organization(DemoFixtures.organizationID)
                })
        else { return }
        guard
            let state = await attempt(
                "read the state after the restart", { try await snapshot(reopened, after.engine.stores.users) })
        else {
            return
        }
        check(state.holdsTheSameIDs(as: before), "the second engine lists the same \(state.description)")
        let result = await attempt("complete the login after the restart") {
            try await reopened.handleOidcCallback(code: pending.code, state: pending.state)
        }
        if let result {
            show(result)
            check(result.email == "carol@mycompany.com", "a login started before the restart completed after it")
        }
    }

    private struct Snapshot: CustomStringConvertible {
        let connections: [String]
        let users: [String]
        let sessions: [String]

        func holdsTheSameIDs(as other: Snapshot) -> Bool {
            func same(_ a: [String], _ b: [String]) -> Bool {
                a.count == b.count && zip(a, b).allSatisfy { $0.bytesEqual($1) }
            }
            return same(connections, other.connections) && same(users, other.users)
                && same(sessions, other.sessions)
        }
        var description: String {
            "\(connections.count) connection(s), \(users.count) user(s) and \(sessions.count) session(s)"
        }
    }

    private func snapshot(_ organization: SsoOrganization, _ users: any SsoUserDirectory) async throws -> Snapshot {
        Snapshot(
            connections: try await organization.listConnections().connections.map(\.id),
            users: try await users.users(organizationID: organization.id).map(\.id),
            sessions: try await organization.listSessions().sessions.map(\.id))
    }
}
