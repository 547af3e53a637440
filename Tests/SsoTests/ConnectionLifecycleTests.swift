import Foundation
@testable import Sso
import Testing

@Suite struct ConnectionLifecycleTests {
    @Test func createsOIDCConnectionWithReferenceFields() async throws {
        let t = TestEngine()
        let conn = try await t.org().createConnection(Samples.oidc(domains: ["MyCompany.com", "mycompany.org"]))
        #expect(SsoID.isValid(conn.id, prefix: "sso_conn_"))
        #expect(conn.name == "Okta Production")
        #expect(conn.protocol == .oidc)
        #expect(conn.status == .active)
        #expect(conn.statusReason == nil)
        #expect(conn.domains == ["mycompany.com", "mycompany.org"])
        #expect(conn.jitProvisioning)
        #expect(conn.defaultRole == "member")
        #expect(conn.createdAt == TestEngine.start)
        #expect(conn.updatedAt == TestEngine.start)
        #expect(conn.issuerURL == "https://mycompany.okta.com")
        #expect(conn.clientID == "okta-client-id")
    }

    @Test func createsSAMLAndLDAPConnections() async throws {
        let t = TestEngine()
        let org = try t.org()
        let saml = try await org.createConnection(Samples.saml())
        #expect(saml.protocol == .saml)
        #expect(saml.hasInlineMetadata == true)
        #expect(saml.entityID == "https://yourapp.com/saml/metadata")
        #expect(saml.allowUnsolicited == false)
        let ldap = try await org.createConnection(Samples.ldap())
        #expect(ldap.protocol == .ldap)
        #expect(ldap.tlsMode == .ldaps)
        #expect(ldap.userAttribute == "uid")
        #expect(ldap.groupMode == .groupSearch)
        #expect(ldap.groupMapping == ["cn=admins,ou=groups,dc=corp,dc=example": ["admin", "read"]])
    }

    @Test func listsOwnConnectionsOldestFirst() async throws {
        let t = TestEngine()
        let org = try t.org()
        let first = try await org.createConnection(Samples.oidc())
        t.clock.advance(by: 1)
        let second = try await org.createConnection(Samples.saml())
        #expect(try await org.listConnections().connections.map(\.id) == [first.id, second.id])
        #expect(try await org.getConnection(second.id) == second)
    }

    @Test(arguments: ["sso_conn_01HXZZZZZZZZZZZZZZZZZZZZZZ", "", "nonsense", "sso_sess_01HXZZZZZZZZZZZZZZZZZZZZZZ"])
    func unknownIDsAreNotFound(_ id: String) async throws {
        let org = try TestEngine().org()
        #expect(await errorCode { try await org.getConnection(id) } == .connectionNotFound)
        #expect(await errorCode { try await org.updateConnection(id, .init(name: "x")) } == .connectionNotFound)
        #expect(await errorCode { try await org.deleteConnection(id) } == .connectionNotFound)
    }

    @Test func updateChangesOnlyGivenFields() async throws {
        let t = TestEngine()
        let org = try t.org()
        let conn = try await org.createConnection(Samples.oidc())
        t.clock.advance(by: 60)
        let updated = try await org.updateConnection(
            conn.id,
            UpdateSsoConnectionParams(
                name: "Okta Production (updated)", domains: ["mycompany.com", "mycompany.org", "subsidiary.com"],
                jitProvisioning: false
            ))
        #expect(updated.name == "Okta Production (updated)")
        #expect(updated.domains == ["mycompany.com", "mycompany.org", "subsidiary.com"])
        #expect(!updated.jitProvisioning)
        #expect(updated.defaultRole == "member")
        #expect(updated.issuerURL == conn.issuerURL)
        #expect(updated.createdAt == conn.createdAt)
        #expect(updated.updatedAt == TestEngine.start.addingTimeInterval(60))
        #expect(try await org.getConnection(conn.id) == updated)
        #expect(try await t.engine.route("bob@subsidiary.com").id == conn.id)
    }

    @Test func anEmptyDefaultRoleRemovesIt() async throws {
        let t = TestEngine()
        let org = try t.org()
        let conn = try await org.createConnection(Samples.oidc())
        #expect(conn.defaultRole == "member")
        let cleared = try await org.updateConnection(conn.id, UpdateSsoConnectionParams(defaultRole: ""))
        #expect(cleared.defaultRole == nil)
        #expect(try await org.getConnection(conn.id).defaultRole == nil)
        #expect(
            await errorCode { try await org.updateConnection(conn.id, UpdateSsoConnectionParams(defaultRole: "  ")) }
                == .connectionInvalidParams)
    }

    @Test func updateKeepsSecretUnlessReplaced() async throws {
        let t = TestEngine()
        let org = try t.org()
        let conn = try await org.createConnection(Samples.oidc())
        _ = try await org.updateConnection(conn.id, .init(name: "Renamed"))
        guard case .oidc(let kept) = try await org.connectionRecord(conn.id).settings else {
            throw SsoError("test", "not oidc")
        }
        #expect(kept.clientSecret == Secret(Samples.clientSecret))
        var rotate = UpdateSsoConnectionParams()
        rotate.settings = .oidc(OIDCSettingsPatch(clientSecret: Secret("rotated")))
        _ = try await org.updateConnection(conn.id, rotate)
        guard case .oidc(let rotated) = try await org.connectionRecord(conn.id).settings else {
            throw SsoError("test", "not oidc")
        }
        #expect(rotated.clientSecret == Secret("rotated"))
    }

    @Test func updateValidatesTheMergedConnection() async throws {
        let org = try TestEngine().org()
        let conn = try await org.createConnection(Samples.oidc())
        var bad = UpdateSsoConnectionParams()
        bad.settings = .oidc(OIDCSettingsPatch(issuerURL: "http://idp.example.com"))
        let error = await thrownError { try await org.updateConnection(conn.id, bad) }
        #expect(error?.code == .connectionInvalidParams)
        #expect(error?.message.hasPrefix("issuer_url:") == true)
        var foreign = UpdateSsoConnectionParams()
        foreign.settings = .ldap(LDAPSettingsPatch(bindDN: "cn=x,dc=example"))
        #expect(
            await thrownError { try await org.updateConnection(conn.id, foreign) }?.message.hasPrefix("bind_dn:")
                == true)
        #expect(try await org.getConnection(conn.id) == conn)
    }

    @Test func statusCanBeToggledButNotSetToError() async throws {
        let org = try TestEngine().org()
        let conn = try await org.createConnection(Samples.oidc())
        #expect(try await org.updateConnection(conn.id, .init(status: .inactive)).status == .inactive)
        #expect(try await org.updateConnection(conn.id, .init(status: .active)).status == .active)
        let error = await thrownError { try await org.updateConnection(conn.id, .init(status: .error)) }
        #expect(error?.code == .connectionInvalidParams)
        #expect(error?.message.hasPrefix("status:") == true)
    }

    @Test func samlMetadataSourceCanBeSwitched() async throws {
        let org = try TestEngine().org()
        let conn = try await org.createConnection(Samples.saml())
        var update = UpdateSsoConnectionParams()
        update.settings = .saml(
            SAMLSettingsPatch(metadata: .url("https://login.microsoftonline.com/tenant/federationmetadata.xml")))
        let switched = try await org.updateConnection(conn.id, update)
        #expect(switched.metadataURL == "https://login.microsoftonline.com/tenant/federationmetadata.xml")
        #expect(switched.hasInlineMetadata == false)
    }

    @Test func deleteRemovesRoutesAndTheConnection() async throws {
        let t = TestEngine()
        let org = try t.org()
        let conn = try await org.createConnection(Samples.oidc())
        try await org.deleteConnection(conn.id)
        #expect(await errorCode { try await org.getConnection(conn.id) } == .connectionNotFound)
        #expect(await errorCode { try await t.engine.route("alice@mycompany.com") } == .routingNoConnection)
        #expect(try await org.listConnections().connections.isEmpty)
        #expect(await errorCode { try await org.deleteConnection(conn.id) } == .connectionNotFound)
        // The domain is free again.
        #expect(try await org.createConnection(Samples.oidc()).domains == ["mycompany.com"])
    }

    @Test func connectionLimitPerOrganization() async throws {
        let t = TestEngine(settings: .init(maxConnectionsPerOrganization: 1))
        let org = try t.org()
        _ = try await org.createConnection(Samples.oidc())
        #expect(await errorCode { try await org.createConnection(Samples.saml()) } == .connectionLimitReached)
    }

    /// The count and the insert are one store step: concurrent creates never pass the limit.
    @Test func connectionLimitHoldsUnderConcurrentCreates() async throws {
        let t = TestEngine(settings: .init(maxConnectionsPerOrganization: 3))
        let org = try t.org()
        let codes = await withTaskGroup(of: SsoError.Code?.self) { group in
            for index in 0..<24 {
                group.addTask {
                    await errorCode { try await org.createConnection(Samples.oidc(domains: ["c\(index).example"])) }
                }
            }
            return await group.reduce(into: [SsoError.Code?]()) { $0.append($1) }
        }
        #expect(codes.filter { $0 == nil }.count == 3)
        #expect(codes.filter { $0 == .connectionLimitReached }.count == 21)
        #expect(try await org.listConnections().connections.count == 3)
    }

    @Test(arguments: ["", " org", "org\n", String(repeating: "o", count: 257)])
    func invalidOrganizationIDs(_ id: String) {
        #expect(throws: SsoError.self) { try TestEngine().engine.organization(id) }
    }

    @Test func routingEmailsAcrossTheEngine() async throws {
        let t = TestEngine()
        let acme = try t.org()
        let oidc = try await acme.createConnection(Samples.oidc(domains: ["bücher.example"]))
        #expect(try await t.engine.route("Alice@BÜCHER.example").id == oidc.id)
        #expect(try await t.engine.route("xn--bcher-kva.example.").id == oidc.id)
        #expect(try await acme.route("alice@bücher.example").id == oidc.id)
        #expect(await errorCode { try await t.engine.route("alice@nobody.example") } == .routingNoConnection)
        #expect(await errorCode { try await t.engine.route("alice@@bücher.example") } == .routingInvalidEmail)
        #expect(await errorCode { try await t.org("org_other").route("alice@bücher.example") } == .routingNoConnection)
    }

    @Test func subdomainMatchingIsOptIn() async throws {
        let t = TestEngine()
        let org = try t.org()
        var params = Samples.oidc(domains: ["corp.example"])
        params.matchSubdomains = true
        let wide = try await org.createConnection(params)
        let exact = try await org.createConnection(Samples.saml(domains: ["eu.corp.example"]))
        #expect(try await t.engine.route("a@x.corp.example").id == wide.id)
        #expect(try await t.engine.route("a@eu.corp.example").id == exact.id)
        _ = try await org.updateConnection(
            wide.id,
            {
                var u = UpdateSsoConnectionParams(); u.matchSubdomains = false; return u
            }())
        #expect(await errorCode { try await t.engine.route("a@x.corp.example") } == .routingNoConnection)
    }
}

extension SsoError {
    init(_ code: String, _ message: String) {
        self.init(Code(rawValue: code), message)
    }
}
