import Foundation
import Sso
import SsoTestSupport
import SsoTesting
import Testing

/// Two processes over one store: a login started in one completes in another, and the same
/// response posted to two processes at once signs in once.
@Suite(.serialized) struct TwoProcessTests {
    @Test(arguments: ReplicaStore.Kind.allCases)
    func aLoginCrossesProcessesAndSignsInOnce(_ kind: ReplicaStore.Kind) async throws {
        try await ReplicaStore.with(kind) { store in
            let handle = try await store.open()
            let idp = try WorkloadIdP.provider(keys: Workload.keys)
            let organization = try SsoEngine(stores: handle.stores).organization("org_acme")
            let connection = try await organization.createConnection(
                WorkloadIdP.connection(idp, name: "Workload IdP", domains: ["acme.example"]))

            // Process 1 starts the login; process 2 completes it.
            let started = try await Workload.run(
                "start-login", store, ["--org", "org_acme", "--email", "alice@acme.example"])
            #expect(started.status == 0)
            let authorizeURL = try #require(started.lines.first?["authorize_url"])
            let request = try idp.receive(redirectURL: authorizeURL)
            let response = try idp.responseBase64(to: request, user: WorkloadIdP.user("alice@acme.example"))
            let relayState = try #require(request.relayState)
            let completed = try await Workload.run(
                "callback", store, ["--response=\(response)", "--relay-state=\(relayState)"])
            #expect(completed.status == 0)
            let sessionID = try #require(completed.lines.first?["session_id"])
            #expect(try await organization.validateSession(sessionID).connectionID == connection.id)

            // A fresh login's response posted to two processes at once: one signs in.
            let second = try await organization.getLoginURL(domain: "bob@acme.example")
            let secondRequest = try idp.receive(redirectURL: second.authorizeURL)
            let secondResponse = try idp.responseBase64(
                to: secondRequest, user: WorkloadIdP.user("bob@acme.example"))
            let at = String(Date().timeIntervalSince1970 + 3)
            // `=` keeps a value that starts with "-" (a RelayState may) from reading as an option.
            let arguments = [
                "--response=\(secondResponse)", "--relay-state=\(secondRequest.relayState ?? "")", "--at=\(at)",
            ]
            async let first = Workload.run("callback", store, arguments)
            async let other = Workload.run("callback", store, arguments)
            let outcomes = try await [first, other]
            #expect(outcomes.map(\.status).sorted() == [0, 3], "\(outcomes.map(\.lines))")
            let refused = outcomes.first { $0.status == 3 }?.lines.first?["code"]
            #expect(refused == "login.invalid_state")
            #expect(try await organization.listSessions().sessions.count == 2)
            await handle.close()
        }
    }
}
