import Foundation
import Testing
@testable import SsoJOSE

/// The generic JWT claim rules (``JWTClaimsValidator``). The OpenID Connect rules (`iss`, `aud`
/// for the client, `azp`, `nonce`, `at_hash`, …) are tested with SsoOIDC's `IDTokenPolicy`.
@Suite("JWT claim rules")
struct ClaimsTests {
    static let now = Date(timeIntervalSince1970: 1_800_000_000)

    private func claims(_ overrides: [String: JSONValue?] = [:]) -> JSONValue {
        var members: [String: JSONValue] = [
            "iss": "https://idp.example.com", "sub": "user-1", "aud": "client-1",
            "exp": .number(1_800_000_300), "iat": .number(1_799_999_990),
        ]
        for (name, value) in overrides { members[name] = value }
        return .object(members)
    }

    private func code(_ claims: JSONValue, leeway: TimeInterval = 60) -> SsoError.Code? {
        errorCode { try JWTClaimsValidator(now: Self.now, leeway: leeway).checkTimes(claims) }
    }

    @Test func acceptsGoodTimes() throws {
        let times = try JWTClaimsValidator(now: Self.now).checkTimes(claims())
        #expect(times.expiresAt == Date(timeIntervalSince1970: 1_800_000_300))
        #expect(times.issuedAt == Date(timeIntervalSince1970: 1_799_999_990))
    }

    @Test func expiry() {
        #expect(code(claims(["exp": nil])) == .joseClaimsExpMissing)
        #expect(code(claims(["exp": "1800000300"])) == .joseClaimsExp)
        #expect(code(claims(["exp": .number(1_800_000_000 - 61)])) == .joseClaimsExp)
        #expect(code(claims(["exp": .number(1_800_000_000 - 59)])) == nil)  // within leeway
        #expect(code(claims(["exp": .number(1_800_000_000 - 59)]), leeway: 0) == .joseClaimsExp)
    }

    @Test func issuedAt() {
        #expect(code(claims(["iat": nil])) == .joseClaimsIatMissing)
        #expect(code(claims(["iat": .bool(true)])) == .joseClaimsIat)
        #expect(code(claims(["iat": .number(1_800_000_061)])) == .joseClaimsIat)
        #expect(code(claims(["iat": .number(1_800_000_059)])) == nil)
    }

    @Test func notBefore() {
        #expect(code(claims(["nbf": .number(1_800_000_061)])) == .joseClaimsNbf)
        #expect(code(claims(["nbf": "soon"])) == .joseClaimsNbf)
        #expect(code(claims(["nbf": .number(1_800_000_059)])) == nil)
    }

    @Test func audiencesAsAList() throws {
        #expect(try JWTClaimsValidator.audiences(claims()) == ["client-1"])
        #expect(try JWTClaimsValidator.audiences(claims(["aud": .array(["a", "b"])])) == ["a", "b"])
        #expect(errorCode { try JWTClaimsValidator.audiences(claims(["aud": nil])) } == .joseClaimsAud)
        #expect(
            errorCode { try JWTClaimsValidator.audiences(claims(["aud": .array(["a", .number(1)])])) } == .joseClaimsAud
        )
    }
}
