import Foundation
import Sso
import Testing

@Suite struct DomainConflictTests {
    @Test(arguments: ["BÜCHER.example", "bücher.example.", "xn--bcher-kva.example"])
    func idnaAndCaseVariantsConflictAcrossOrganizations(_ variant: String) async throws {
        let t = TestEngine()
        let acme = try t.org("org_acme")
        let globex = try t.org("org_globex")
        let owner = try await acme.createConnection(Samples.oidc(domains: ["bücher.example"]))
        let error = await thrownError {
            try await globex.createConnection(Samples.saml(domains: ["fresh.example", variant]))
        }
        #expect(error?.code == .routingDomainConflict)
        #expect(error.map { !$0.message.contains("org_acme") && !$0.message.contains(owner.id) } == true)
        // Nothing changed: no connection created, the fresh domain stays unclaimed, the owner keeps its route.
        #expect(try await globex.listConnections().connections.isEmpty)
        #expect(await errorCode { try await t.engine.route("fresh.example") } == .routingNoConnection)
        #expect(try await t.engine.route(variant).id == owner.id)
    }

    @Test func conflictWithinOneOrganization() async throws {
        let t = TestEngine()
        let org = try t.org()
        _ = try await org.createConnection(Samples.oidc(domains: ["mycompany.com"]))
        #expect(
            await errorCode { try await org.createConnection(Samples.ldap(domains: ["MYCOMPANY.COM."])) }
                == .routingDomainConflict)
        #expect(try await org.listConnections().connections.count == 1)
    }

    @Test func conflictingUpdateChangesNothing() async throws {
        let t = TestEngine()
        let org = try t.org()
        let a = try await org.createConnection(Samples.oidc(domains: ["a.example"]))
        let b = try await org.createConnection(Samples.saml(domains: ["b.example", "b2.example"]))
        t.clock.advance(by: 5)
        let error = await thrownError {
            try await org.updateConnection(
                b.id, UpdateSsoConnectionParams(name: "Renamed", domains: ["b.example", "a.example"]))
        }
        #expect(error?.code == .routingDomainConflict)
        #expect(try await org.getConnection(b.id) == b)
        #expect(try await org.getConnection(a.id) == a)
        #expect(try await t.engine.route("b2.example").id == b.id)
        #expect(try await t.engine.route("a.example").id == a.id)
    }

    @Test func updateMayKeepItsOwnDomains() async throws {
        let t = TestEngine()
        let org = try t.org()
        let a = try await org.createConnection(Samples.oidc(domains: ["a.example"]))
        let updated = try await org.updateConnection(
            a.id, UpdateSsoConnectionParams(domains: ["A.example", "c.example"]))
        #expect(updated.domains == ["a.example", "c.example"])
    }

    @Test func releasedDomainsCanBeClaimedByAnotherOrganization() async throws {
        let t = TestEngine()
        let acme = try t.org("org_acme")
        let globex = try t.org("org_globex")
        let a = try await acme.createConnection(Samples.oidc(domains: ["shared.example", "keep.example"]))
        _ = try await acme.updateConnection(a.id, UpdateSsoConnectionParams(domains: ["keep.example"]))
        let g = try await globex.createConnection(Samples.oidc(domains: ["shared.example"]))
        #expect(try await t.engine.route("x@shared.example").id == g.id)
    }

    @Test func concurrentClaimsOfOneDomainLetExactlyOneWin() async throws {
        let t = TestEngine()
        let results = await withTaskGroup(of: Bool.self) { group in
            for index in 0..<20 {
                group.addTask {
                    let org = try? t.engine.organization("org_\(index)")
                    return (try? await org?.createConnection(Samples.oidc(domains: ["contested.example"]))) != nil
                }
            }
            return await group.reduce(into: [Bool]()) { $0.append($1) }
        }
        #expect(results.filter { $0 }.count == 1)
    }
}
