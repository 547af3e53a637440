import Foundation
import Sso

extension AdminWalk {
    func enforce(_ org: SsoOrganization) async {
        printer.step("Enforce SSO for the organization (owners exempt)")
        let enforcement = await attempt("set enforcement") {
            try await org.setEnforcement(SsoEnforcementParams(enforced: true, exemptRoles: ["owner"]))
        }
        if let enforcement { printer.json(enforcement) }
        for role in ["owner", "member"] {
            let decision = await attempt("decide") { try await org.passwordLoginDecision(role: role) }
            switch decision {
            case .allowed: printer.detail("password login as \(role): allowed")
            case .denied(let reason): printer.detail("password login as \(role): denied — \(reason)")
            case nil: break
            }
        }
        let member = try? await org.passwordLoginDecision(role: "member")
        check(member?.isAllowed == false, "a member must use SSO while it is enforced")
    }

    func sessions(_ org: SsoOrganization) async {
        printer.step("Sessions (identities simulated here; real OIDC/SAML/LDAP logins come next)")
        let logins: [(SsoConnection?, SsoIdentity, Date?)] = [
            (okta, SsoIdentity(subject: "okta|abc123", email: "alice@mycompany.com", emailVerified: true, name: "Alice Smith"), nil),
            (entra, SsoIdentity(subject: "bob-nameid", email: "bob@contoso.com", name: "Bob Jones"), engine.clock.now.addingTimeInterval(3600)),
            (ldap, SsoIdentity(subject: "uid=carol,ou=people,dc=corp,dc=example", email: "carol@corp.example", name: "Carol"), nil),
        ]
        for (connection, identity, cap) in logins {
            guard let connection else { continue }
            let outcome = await attempt("log in \(identity.email ?? "?")") {
                try await org.completeLogin(identity: identity, connectionID: connection.id, sessionNotOnOrAfter: cap)
            }
            if let outcome {
                let capped = cap == nil ? "" : " (capped by SAML SessionNotOnOrAfter)"
                printer.detail("\(outcome.email.normalized) via \(connection.name): developer \(outcome.user.id), provisioned \(outcome.provisioned), session expires \(Timestamp.format(outcome.session.expiresAt))\(capped)")
            }
        }
        await expectRefusal(.userIdentityRejected, "the SAML IdP asserts alice@mycompany.com (not its domain)") {
            try await org.completeLogin(identity: SsoIdentity(subject: "x", email: "alice@mycompany.com"), connectionID: self.entra?.id ?? "")
        }
        guard let list = await attempt("list sessions", { try await org.listSessions() }) else { return }
        printer.detail("list_sessions:")
        printer.json(list)
        check(list.sessions.count == 3, "3 active sessions")
        if let first = list.sessions.first {
            _ = await attempt("revoke") { try await org.revokeSession(first.id) }
            let after = try? await org.listSessions()
            check(after?.sessions.contains { $0.id.bytesEqual(first.id) } == false, "revoked \(first.id); it is no longer listed")
            await expectRefusal(.sessionNotFound, "revoke it again") { try await org.revokeSession(first.id) }
        }
    }

    func legacyConfig(_ org: SsoOrganization) async {
        printer.step("Legacy single-config API")
        let config = await attempt("create config") {
            try await org.createConfig(CreateSsoConfigParams(
                issuerURL: "https://accounts.google.com", clientID: "demo-google-client-id",
                clientSecret: Secret(DemoFixtures.legacyClientSecret), redirectURI: "https://myapp.com/sso/callback"
            ))
        }
        if let config {
            printer.json(config)
            check(!jsonText(config).contains("client_secret"), "the config's client_secret is never returned")
        }
        _ = await attempt("delete config") { try await org.deleteConfig() }
        await expectRefusal(.configNotFound, "get the deleted config") { try await org.getConfig() }
    }
}
