import Foundation
@testable import SsoOIDC
import SsoTesting
import Testing

/// The OpenID Connect claim rules of ``IDTokenPolicy`` (moved from SsoJOSE's former
/// `IDTokenClaimsValidator` tests, assertions unchanged).
@Suite("ID-token claim rules")
struct IDTokenPolicyTests {
    static let now = Date(timeIntervalSince1970: 1_800_000_000)
    static let issuer = "https://idp.example.com"

    private func claims(_ overrides: [String: JSONValue?] = [:]) -> JSONValue {
        var members: [String: JSONValue] = [
            "iss": .string(Self.issuer), "sub": "user-1", "aud": "client-1",
            "exp": .number(1_800_000_300), "iat": .number(1_799_999_990), "nonce": "n-0S6_WzA2Mj",
        ]
        for (name, value) in overrides { members[name] = value }
        return .object(members)
    }

    private func validate(
        _ claims: JSONValue, algorithm: JWSAlgorithm = .rs256,
        _ configure: (inout PolicyInputs) -> Void = { _ in }
    ) throws(SsoError) -> IDTokenClaims {
        var inputs = PolicyInputs(issuer: .exact(Self.issuer), clientID: "client-1", now: Self.now)
        configure(&inputs)
        return try inputs.policy.validate(claims: claims, algorithm: algorithm, expectations: inputs.expectations)
    }

    private func code(
        _ claims: JSONValue, algorithm: JWSAlgorithm = .rs256,
        _ configure: (inout PolicyInputs) -> Void = { _ in }
    ) -> SsoError.Code? {
        errorCode { try validate(claims, algorithm: algorithm, configure) }
    }

    @Test func acceptsAGoodToken() throws {
        let result = try validate(claims(), { $0.nonce = "n-0S6_WzA2Mj" })
        #expect(result.subject == "user-1")
        #expect(result.issuer == Self.issuer)
        #expect(result.audiences == ["client-1"])
        #expect(result.expiresAt == Date(timeIntervalSince1970: 1_800_000_300))
        #expect(result.nonce == "n-0S6_WzA2Mj")
        #expect(result.string("sub") == "user-1")
    }

    @Test func timeClaimsGoThroughTheJWTRules() {
        #expect(code(claims(["exp": nil])) == .joseClaimsExpMissing)
        #expect(code(claims(["exp": .number(1_800_000_000 - 59)]), { $0.leeway = 0 }) == .joseClaimsExp)
        #expect(code(claims(["iat": .number(1_800_000_061)])) == .joseClaimsIat)
        #expect(code(claims(["nbf": .number(1_800_000_061)])) == .joseClaimsNbf)
    }

    @Test func issuerIsExact() {
        #expect(code(claims(["iss": nil])) == .joseClaimsIss)
        #expect(code(claims(["iss": .string(Self.issuer + "/")])) == .joseClaimsIss)
        #expect(code(claims(["iss": "https://IDP.example.com"])) == .joseClaimsIss)
        #expect(code(claims(["iss": "https://evil.example.com"])) == .joseClaimsIss)
        #expect(code(claims(["iss": .array([.string(Self.issuer)])])) == .joseClaimsIss)
    }

    @Test func entraTenantTemplate() {
        let template = "https://login.microsoftonline.com/{tenantid}/v2.0"
        let tenant = "9188040d-6c67-4c5b-b112-36a304b66dad"
        let good = claims(["iss": .string("https://login.microsoftonline.com/\(tenant)/v2.0"), "tid": .string(tenant)])
        #expect(code(good, { $0.issuer = .tenantTemplate(template) }) == nil)
        let otherTenant = claims([
            "iss": .string("https://login.microsoftonline.com/\(tenant)/v2.0"),
            "tid": "72f988bf-86f1-41af-91ab-2d7cd011db47",
        ])
        #expect(code(otherTenant, { $0.issuer = .tenantTemplate(template) }) == .joseClaimsIss)
        let noTid = claims(["iss": .string("https://login.microsoftonline.com/\(tenant)/v2.0")])
        #expect(code(noTid, { $0.issuer = .tenantTemplate(template) }) == .joseClaimsIss)
        let pathTrick = claims(["iss": "https://login.microsoftonline.com/a/../b/v2.0", "tid": "a/../b"])
        #expect(code(pathTrick, { $0.issuer = .tenantTemplate(template) }) == .joseClaimsIss)
        let literal = claims(["iss": .string(template), "tid": "{tenantid}"])
        #expect(code(literal, { $0.issuer = .tenantTemplate(template) }) == .joseClaimsIss)
    }

    @Test func audienceAndAuthorizedParty() {
        #expect(code(claims(["aud": nil])) == .joseClaimsAud)
        #expect(code(claims(["aud": "other"])) == .joseClaimsAud)
        #expect(code(claims(["aud": .array(["other", .number(1)])])) == .joseClaimsAud)
        #expect(code(claims(["aud": .array(["client-1"])])) == nil)
        #expect(code(claims(["aud": .array(["client-1", "other"])])) == .joseClaimsAzp)
        #expect(code(claims(["aud": .array(["client-1", "other"]), "azp": "client-1"])) == nil)
        #expect(code(claims(["aud": .array(["client-1", "other"]), "azp": "other"])) == .joseClaimsAzp)
        #expect(code(claims(["azp": "other"])) == .joseClaimsAzp)
    }

    @Test func nonce() {
        #expect(code(claims(), { $0.nonce = "n-0S6_WzA2Mj" }) == nil)
        #expect(code(claims(), { $0.nonce = "different" }) == .joseClaimsNonce)
        #expect(code(claims(["nonce": nil]), { $0.nonce = "n-0S6_WzA2Mj" }) == .joseClaimsNonce)
        #expect(code(claims(["nonce": .number(1)])) == .joseClaimsNonce)
    }

    @Test func subject() {
        #expect(code(claims(["sub": nil])) == .joseClaimsSub)
        #expect(code(claims(["sub": ""])) == .joseClaimsSub)
        #expect(code(claims(["sub": .number(42)])) == .joseClaimsSub)
        #expect(code(claims(["sub": .string(String(repeating: "a", count: 256))])) == .joseClaimsSub)
        #expect(code(claims(["sub": .string(String(repeating: "a", count: 255))])) == nil)
    }

    @Test func authTimeAndMaxAge() {
        #expect(code(claims(), { $0.maxAge = 600 }) == .joseClaimsAuthTime)
        #expect(code(claims(["auth_time": .number(1_800_000_000 - 600)]), { $0.maxAge = 600 }) == nil)
        #expect(code(claims(["auth_time": .number(1_800_000_000 - 661)]), { $0.maxAge = 600 }) == .joseClaimsAuthTime)
        #expect(code(claims(["auth_time": "yesterday"])) == .joseClaimsAuthTime)
        #expect(code(claims(["auth_time": .number(1_800_000_100)])) == .joseClaimsAuthTime)
    }

    @Test func accessTokenHash() {
        // OpenID Connect Core §A.3/A.4 example: access token and its RS256 at_hash.
        let accessToken = "jHkWEdUXMU1BwAsC4vtUsZwnNvTIxEl0z9K3vx5KF0Y"
        let atHash = "77QmUPtjPfzWtF2AnpK9RQ"
        #expect(IDTokenPolicy.leftHalfHash(of: accessToken, algorithm: .rs256) == atHash)
        let withHash = claims(["at_hash": .string(atHash)])
        #expect(code(withHash, { $0.accessToken = accessToken }) == nil)
        #expect(code(withHash, { $0.accessToken = "other" }) == .joseClaimsAtHash)
        #expect(code(withHash, algorithm: .rs512, { $0.accessToken = accessToken }) == .joseClaimsAtHash)
        #expect(code(claims(), { $0.accessToken = accessToken }) == nil)  // absent and not required
        #expect(
            code(
                claims(),
                {
                    $0.accessToken = accessToken; $0.requireAtHash = true
                }) == .joseClaimsAtHash)
        #expect(code(withHash, { $0.requireAtHash = true }) == .joseClaimsOptions)
        #expect(code(claims(["at_hash": .number(1)]), { $0.accessToken = accessToken }) == .joseClaimsAtHash)
        // base64url(left half of SHA-512(access token)), computed independently (Python hashlib).
        let edHash = "q7nS86GgvvFaZkzALLWqJYaJIKw2wCDAVfCAsm5CrBM"
        #expect(code(claims(["at_hash": .string(edHash)]), algorithm: .edDSA, { $0.accessToken = accessToken }) == nil)
    }

    @Test func codeHash() {
        // OpenID Connect Core §A.4 example: code and its c_hash.
        let authorizationCode = "Qcb0Orv1zh30vL1MPRsbm-diHiMwcLyZvn1arpZv-Jxf_11jnpEX3Tgfvk"
        let cHash = "LDktKdoQak3Pk0cnXxCltA"
        #expect(IDTokenPolicy.leftHalfHash(of: authorizationCode, algorithm: .rs256) == cHash)
        #expect(code(claims(["c_hash": .string(cHash)]), { $0.authorizationCode = authorizationCode }) == nil)
        #expect(code(claims(["c_hash": "wrong"]), { $0.authorizationCode = authorizationCode }) == .joseClaimsCHash)
        #expect(
            code(
                claims(),
                {
                    $0.authorizationCode = authorizationCode; $0.requireCHash = true
                }) == .joseClaimsCHash)
    }

    @Test func claimsMustBeAnObject() {
        #expect(code(.array([])) == .joseClaimsInvalid)
        #expect(code(.null) == .joseClaimsInvalid)
    }
}
