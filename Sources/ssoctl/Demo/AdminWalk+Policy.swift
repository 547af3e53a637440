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

    func legacyConfig(_ org: SsoOrganization) async {
        printer.step("Legacy single-config API")
        let config = await attempt("create config") {
            try await org.createConfig(
                CreateSsoConfigParams(
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
