import Foundation
import SsoOIDC
import SsoTesting
import Testing

@Suite("Entra ID multi-tenant issuer")
struct EntraMultiTenantTests {
    static let template = "https://login.microsoftonline.com/{tenantid}/v2.0"
    static let configured = "https://login.microsoftonline.com/organizations/v2.0"
    static let tenant = "72f988bf-86f1-41af-91ab-2d7cd011db47"

    static func harness(allowedTenants: Set<String>? = nil) throws -> Harness {
        let options = OIDCOptions(
            discovery: DiscoveryOptions(issuerPolicy: .entraMultiTenant(allowedTenants: allowedTenants)))
        let harness = try Harness(options: options, issuer: configured)
        harness.provider.misbehave {
            $0.discoveryIssuer = template
            $0.idTokenIssuer = "https://login.microsoftonline.com/\(tenant)/v2.0"
            $0.extraClaims = ["tid": .string(tenant)]
        }
        return harness
    }

    @Test("the token's iss must be the template filled with its own tid")
    func validTenant() async throws {
        let result = try await Self.harness().login()
        #expect(result.issuer == "https://login.microsoftonline.com/\(Self.tenant)/v2.0")
        #expect(result.claims["tid"]?.stringValue == Self.tenant)
    }

    @Test("iss of another tenant than tid is refused")
    func mismatchedTenant() async throws {
        let harness = try Self.harness()
        harness.provider.misbehave {
            $0.idTokenIssuer = "https://login.microsoftonline.com/00000000-0000-0000-0000-000000000001/v2.0"
        }
        await expectSsoError(.joseClaimsIss) { try await harness.login() }
    }

    @Test("a missing or malformed tid is refused, not skipped")
    func missingTenant() async throws {
        let harness = try Self.harness()
        harness.provider.misbehave { $0.extraClaims = [:] }
        await expectSsoError(.oidcIDTokenTenantMissing) { try await harness.login() }
        harness.provider.misbehave {
            $0.extraClaims = ["tid": .string("{tenantid}")]
            $0.idTokenIssuer = Self.template
        }
        await expectSsoError(.oidcIDTokenTenantMismatch) { try await harness.login() }
    }

    @Test("an allow-list of tenants is enforced")
    func allowList() async throws {
        let harness = try Self.harness(allowedTenants: ["11111111-2222-3333-4444-555555555555"])
        await expectSsoError(.oidcIDTokenTenantMismatch) { try await harness.login() }
        let allowed = try Self.harness(allowedTenants: [Self.tenant.uppercased()])
        #expect(try await allowed.login().subject == "user-1")
    }

    @Test("without the entra policy, the template discovery document is refused")
    func exactPolicyRefusesTemplate() async throws {
        let harness = try Harness(issuer: Self.configured)
        harness.provider.misbehave { $0.discoveryIssuer = Self.template }
        await expectSsoError(.oidcDiscoveryIssuerMismatch) { try await harness.login() }
    }
}
