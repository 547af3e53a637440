import Foundation
import Testing
import SsoOIDC

/// `aud`, `azp`, `iss` and `nonce` are compared as UTF-8 bytes: a client id or issuer that only
/// Unicode canonical equivalence (or a compatibility mapping) makes equal to ours is refused.
@Suite("ID-token identifiers are compared as bytes")
struct ExactClaimComparisonTests {
    static let now = Date(timeIntervalSince1970: 1_800_000_000)
    static let issuer = "https://idp.example.com/K"
    static let clientID = "client-Kafé"
    static let nonce = "n-Ké-0S6"

    /// Replacements that turn one of our identifiers into a look-alike.
    static let lookAlikes: [(name: String, from: String, to: String, canonical: Bool)] = [
        ("KELVIN SIGN", "K", "\u{212A}", true),
        ("NFD e + U+0301", "\u{E9}", "e\u{301}", true),
        ("FULLWIDTH K", "K", "\u{FF2B}", false),
    ]

    private func claims(_ overrides: [String: JSONValue]) -> JSONValue {
        var members: [String: JSONValue] = [
            "iss": .string(Self.issuer), "sub": "user-1", "aud": .string(Self.clientID),
            "exp": .number(1_800_000_300), "iat": .number(1_799_999_990), "nonce": .string(Self.nonce),
        ]
        for (name, value) in overrides { members[name] = value }
        return .object(members)
    }

    private func code(_ claims: JSONValue) -> SsoError.Code? {
        let policy = IDTokenPolicy(issuer: .exact(Self.issuer), clientID: Self.clientID)
        let expectations = IDTokenExpectations(nonce: Self.nonce, now: Self.now)
        return errorCode { try policy.validate(claims: claims, algorithm: .rs256, expectations: expectations) }
    }

    @Test("the unchanged token is accepted, with azp and several audiences")
    func baseline() {
        #expect(code(claims([:])) == nil)
        #expect(code(claims(["aud": [.string(Self.clientID), "other"], "azp": .string(Self.clientID)])) == nil)
    }

    @Test("look-alike aud, azp, iss and nonce are refused with their own codes", arguments: 0..<3)
    func lookAlike(_ index: Int) {
        let (name, from, to, canonical) = Self.lookAlikes[index]
        func variant(_ text: String) -> String { text.replacingOccurrences(of: from, with: to) }
        for original in [Self.clientID, Self.nonce] + (from == "K" ? [Self.issuer] : []) {
            #expect(
                (variant(original) == original) == canonical,
                "\(name): Swift == should \(canonical ? "" : "not ")call them equal")
            #expect(!Array(variant(original).utf8).elementsEqual(Array(original.utf8)))
        }
        #expect(code(claims(["aud": .string(variant(Self.clientID))])) == .joseClaimsAud, "\(name)")
        #expect(
            code(claims(["aud": [.string(variant(Self.clientID)), "other"], "azp": .string(variant(Self.clientID))]))
                == .joseClaimsAud, "\(name)")
        #expect(
            code(claims(["aud": [.string(Self.clientID), "other"], "azp": .string(variant(Self.clientID))]))
                == .joseClaimsAzp, "\(name)")
        #expect(code(claims(["nonce": .string(variant(Self.nonce))])) == .joseClaimsNonce, "\(name)")
        if from == "K" {
            #expect(code(claims(["iss": .string(variant(Self.issuer))])) == .joseClaimsIss, "\(name)")
        }
    }
}
