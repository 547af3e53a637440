import Foundation
import Sso

extension AdminWalk {
    func createConnections(_ org: SsoOrganization) async {
        printer.step("Create an OIDC, a SAML and an LDAP connection for \(org.id)")
        okta = await attempt("create OIDC connection") { try await org.createConnection(DemoFixtures.okta) }
        entra = await attempt("create SAML connection") { try await org.createConnection(DemoFixtures.entra) }
        ldap = await attempt("create LDAP connection") { try await org.createConnection(DemoFixtures.openLDAP) }
        for connection in [okta, entra, ldap].compactMap({ $0 }) {
            printer.detail("\(connection.protocol.rawValue.uppercased()) \(connection.name): \(connection.id)")
            let domains = connection.domains.map { ascii in
                let display = (try? DomainName(ascii).unicode) ?? ascii
                return display == ascii ? ascii : "\(display) (\(ascii))"
            }
            printer.detail(
                "  domains \(domains.joined(separator: ", ")) · status \(connection.status.rawValue) · JIT \(connection.jitProvisioning)"
            )
        }
        if let okta {
            printer.detail("The OIDC connection as the API returns it:")
            printer.json(okta)
            check(!jsonText(okta).contains("client_secret"), "client_secret is write-only: not in the result")
        }
        if let ldap {
            check(!jsonText(ldap).contains("bind_password"), "bind_password is write-only: not in the LDAP result")
        }
        let list = await attempt("list connections") { try await org.listConnections() }
        check(list?.connections.count == 3, "list_connections returns the 3 connections")
    }

    func showValidation(_ org: SsoOrganization) async {
        printer.step("Parameters are validated per protocol, naming the field")
        var plainHTTP = DemoFixtures.okta
        if case .oidc(var oidc) = plainHTTP.settings {
            oidc.issuerURL = "http://mycompany.okta.com"
            plainHTTP.settings = .oidc(oidc)
        }
        plainHTTP.domains = []
        await expectRefusal(.connectionInvalidParams, "OIDC issuer over http") {
            try await org.createConnection(plainHTTP)
        }
        await expectRefusal(.connectionInvalidParams, "SAML without an ACS URL") {
            try await org.createConnection(
                try Self.referenceJSON(DemoFixtures.entra) { $0["assertion_consumer_service_url"] = nil })
        }
        await expectRefusal(.connectionInvalidParams, "LDAP without TLS") {
            try await org.createConnection(try Self.referenceJSON(DemoFixtures.openLDAP) { $0["tls_mode"] = "plain" })
        }
    }

    /// `params` through the reference's flat JSON, changed by `change` (with no domains): what
    /// an API caller would send.
    static func referenceJSON(_ params: CreateSsoConnectionParams, _ change: (inout [String: Any]) -> Void) throws
        -> CreateSsoConnectionParams
    {
        let encoder = JSONEncoder()
        encoder.userInfo[.ssoIncludeSecrets] = true
        var object = try JSONSerialization.jsonObject(with: encoder.encode(params)) as? [String: Any] ?? [:]
        object["domains"] = []
        change(&object)
        return try JSONDecoder().decode(
            CreateSsoConnectionParams.self, from: JSONSerialization.data(withJSONObject: object))
    }

    func showConflict() async {
        printer.step("A domain belongs to one connection in the whole engine")
        guard
            let globex = await attempt(
                "open a second organization", { try self.engine.organization(DemoFixtures.otherOrganizationID) })
        else {
            return
        }
        var grab = DemoFixtures.okta
        grab.name = "Globex Okta"
        grab.domains = ["globex.example", "xn--bcher-kva.example"]
        await expectRefusal(.routingDomainConflict, "\(globex.id) claims xn--bcher-kva.example (= BÜCHER.example)") {
            try await globex.createConnection(grab)
        }
        let nothing = await attempt("list \(globex.id)") { try await globex.listConnections() }
        check(
            nothing?.connections.isEmpty == true, "nothing was created for \(globex.id), globex.example stays unclaimed"
        )
    }

    func routeEmails() async {
        printer.step("Route users by email domain (case, trailing dot and IDNA normalised)")
        for email in DemoFixtures.emails {
            do {
                let connection = try await engine.route(email)
                let normalized = (try? EmailAddress(email)).map { "\($0.display) (\($0.normalized))" } ?? email
                printer.detail(
                    "\(email.padding(toLength: 26, withPad: " ", startingAt: 0)) → \(connection.name) [\(connection.protocol.rawValue)] as \(normalized)"
                )
            } catch {
                printer.detail(
                    "\(email.padding(toLength: 26, withPad: " ", startingAt: 0)) → \(error.code): \(error.message)")
            }
        }
        let idna = try? await engine.route("dieter@bücher.example")
        check(
            idna.map(\.id).bytesEqual(entra?.id),
            "dieter@BÜCHER.example routes to the SAML connection via xn--bcher-kva.example")
    }

    func updateAndDelete(_ org: SsoOrganization) async {
        printer.step("Update and delete connections")
        if let ldap {
            let updated = await attempt("deactivate LDAP") {
                try await org.updateConnection(ldap.id, UpdateSsoConnectionParams(status: .inactive))
            }
            check(
                updated?.status == .inactive,
                "the LDAP connection is now inactive (its sessions and pending logins are cut off)")
        }
        if let okta {
            let renamed = await attempt("add a domain") {
                try await org.updateConnection(
                    okta.id,
                    UpdateSsoConnectionParams(
                        name: "Okta Production (updated)", domains: okta.domains + ["subsidiary.com"]
                    ))
            }
            printer.detail("\(renamed?.name ?? "?"): \(renamed?.domains.joined(separator: ", ") ?? "?")")
        }
        if let entra {
            _ = await attempt("delete SAML") { try await org.deleteConnection(entra.id) }
            await expectRefusal(.routingNoConnection, "route bob@contoso.com after the delete") {
                try await self.engine.route("bob@contoso.com")
            }
            await expectRefusal(.connectionNotFound, "get the deleted connection") {
                try await org.getConnection(entra.id)
            }
            let sessions = await attempt("list sessions") { try await org.listSessions() }
            check(
                sessions?.sessions.contains { $0.connectionID.bytesEqual(entra.id) } == false,
                "the deleted connection's sessions are revoked")
        }
    }
}
