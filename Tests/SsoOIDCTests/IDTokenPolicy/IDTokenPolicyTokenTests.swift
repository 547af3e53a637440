import Foundation
import SsoOIDC
import SsoTesting
import Testing

/// ``IDTokenPolicy`` on verified tokens: the header's `typ`, and payloads that are not claims sets.
@Suite("ID-token policy on verified tokens")
struct IDTokenPolicyTokenTests {
    static let now = Date(timeIntervalSince1970: 1_800_000_000)
    static let issuer = "https://idp.example.com"
    static let claims = JSONValue.object([
        "iss": .string(issuer), "sub": "user-1", "aud": "client-1",
        "exp": .number(1_800_000_300), "iat": .number(1_799_999_990), "nonce": "n-0S6_WzA2Mj",
    ])
    static let policy = IDTokenPolicy(issuer: .exact(issuer), clientID: "client-1")

    @Test func endToEndWithAVerifiedToken() throws {
        let key = try TestKeys.ec1()
        let token = try signedToken(payload: Array(Self.claims.serialized().utf8), key: key)
        let verified = try JWSVerifier().verify(compact: token, keys: try keySet(key))
        let result = try Self.policy.validate(
            verified, expectations: IDTokenExpectations(nonce: "n-0S6_WzA2Mj", now: Self.now))
        #expect(result.subject == "user-1")
    }

    /// A JWT typed for another purpose by the same issuer's keys never passes as an ID token.
    @Test(arguments: [
        (#","typ":"at+jwt""#, false), (#","typ":"application/at+JWT""#, false), (#","typ":"logout+jwt""#, false),
        (#","typ":"secevent+jwt""#, false), (#","typ":"JWT""#, true), (#","typ":"id_token+jwt""#, true), ("", true),
    ])
    func explicitlyTypedTokensOfAnotherKindAreRefused(_ typ: String, _ accepted: Bool) throws {
        let key = try TestKeys.ec1()
        let token = try signedToken(payload: Array(Self.claims.serialized().utf8), key: key, extraHeader: typ)
        let verified = try JWSVerifier().verify(compact: token, keys: try keySet(key))
        let code = errorCode { try Self.policy.validate(verified, expectations: IDTokenExpectations(now: Self.now)) }
        #expect(code == (accepted ? nil : .joseHeaderTyp))
    }

    /// Moved from SsoJOSE's payload tests: the JWT layer refuses a verified payload that is not an object.
    @Test func theJWTLayerRefusesAVerifiedPayloadThatIsNotAnObject() throws {
        let key = try TestKeys.ec1()
        let policy = IDTokenPolicy(issuer: .exact("https://op.example"), clientID: "client")
        let payloads: [[UInt8]] = [
            [], [0], [UInt8](repeating: 0, count: 64), Array(0...255), Array("[1]".utf8), Array(#""text""#.utf8),
        ]
        for payload in payloads {
            let verified = try JWSVerifier().verify(
                compact: try signedToken(payload: payload, key: key), keys: try keySet(key))
            let expectations = IDTokenExpectations(now: Date(timeIntervalSince1970: 1_000))
            #expect(errorCode { try policy.validate(verified, expectations: expectations) } == .joseClaimsInvalid)
        }
    }

    @Test("an Entra template issuer: tid must be an allowed tenant GUID; an exact policy refuses every token")
    func entraTenantRule() {
        let template = "https://login.microsoftonline.com/{tenantid}/v2.0"
        let tenant = "9188040d-6c67-4c5b-b112-36a304b66dad"
        let claims = JSONValue.object([
            "iss": .string("https://login.microsoftonline.com/\(tenant)/v2.0"), "tid": .string(tenant), "sub": "u",
            "aud": "client-1", "exp": .number(1_800_000_300), "iat": .number(1_799_999_990),
        ])
        let expectations = IDTokenExpectations(now: Self.now)
        func code(_ policy: IDTokenPolicy, _ claims: JSONValue) -> SsoError.Code? {
            errorCode { try policy.validate(claims: claims, algorithm: .rs256, expectations: expectations) }
        }
        let open = IDTokenPolicy(providerIssuer: template, clientID: "client-1", issuerPolicy: .entraMultiTenant())
        #expect(code(open, claims) == nil)
        let closed = IDTokenPolicy(
            providerIssuer: template, clientID: "client-1",
            issuerPolicy: .entraMultiTenant(allowedTenants: ["72f988bf-86f1-41af-91ab-2d7cd011db47"]))
        #expect(code(closed, claims) == .oidcIDTokenTenantMismatch)
        #expect(
            code(IDTokenPolicy(providerIssuer: template, clientID: "client-1"), claims) == .oidcIDTokenTenantMismatch)
        guard case .object(var members) = claims else { return }
        members["tid"] = nil
        #expect(code(open, .object(members)) == .oidcIDTokenTenantMissing)
    }
}
