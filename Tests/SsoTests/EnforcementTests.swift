import Sso
import Testing

@Suite struct EnforcementTests {
    @Test func notEnforcedByDefault() async throws {
        let org = try TestEngine().org()
        #expect(try await org.getEnforcement() == SsoEnforcement(enforced: false, exemptRoles: []))
        #expect(try await org.passwordLoginDecision(role: "member") == .allowed)
        #expect(try await org.passwordLoginDecision(role: nil).isAllowed)
    }

    @Test func enforcedDeniesNonExemptRoles() async throws {
        let org = try TestEngine().org()
        let set = try await org.setEnforcement(SsoEnforcementParams(enforced: true, exemptRoles: ["owner", " owner "]))
        #expect(set == SsoEnforcement(enforced: true, exemptRoles: ["owner"]))
        #expect(try await org.getEnforcement() == set)
        #expect(try await org.passwordLoginDecision(role: "owner") == .allowed)
        let denied = try await org.passwordLoginDecision(role: "member")
        #expect(!denied.isAllowed)
        guard case .denied(let reason) = denied else { Issue.record("not denied"); return }
        #expect(reason.contains("SSO is enforced"))
        #expect(try await !org.passwordLoginDecision(role: "Owner").isAllowed)
        #expect(try await !org.passwordLoginDecision(role: nil).isAllowed)
    }

    @Test func turningEnforcementOffAllowsAgain() async throws {
        let org = try TestEngine().org()
        _ = try await org.setEnforcement(.init(enforced: true))
        #expect(try await !org.passwordLoginDecision(role: "owner").isAllowed)
        _ = try await org.setEnforcement(.init(enforced: false))
        #expect(try await org.passwordLoginDecision(role: "owner").isAllowed)
    }

    @Test func invalidExemptRolesAreNamed() async throws {
        let org = try TestEngine().org()
        let error = await thrownError {
            try await org.setEnforcement(.init(enforced: true, exemptRoles: ["owner", ""]))
        }
        #expect(error?.code == .enforcementInvalidParams)
        #expect(error?.message.hasPrefix("exempt_roles[1]:") == true)
        #expect(try await org.getEnforcement().enforced == false)
    }

    @Test func paramsDecodeFromReferenceJSON() throws {
        let params = try JSONDecoder().decode(
            SsoEnforcementParams.self, from: Data(#"{"enforced":true,"exempt_roles":["owner"]}"#.utf8))
        #expect(params == SsoEnforcementParams(enforced: true, exemptRoles: ["owner"]))
        #expect(
            try JSONDecoder().decode(SsoEnforcementParams.self, from: Data(#"{"enforced":false}"#.utf8)).exemptRoles
                .isEmpty)
    }
}

import Foundation
