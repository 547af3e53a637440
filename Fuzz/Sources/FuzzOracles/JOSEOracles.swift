import Foundation
import SsoCore
import SsoJOSE

enum JOSEOracles {
    struct Context: Sendable {
        let keys: JWKSet
        /// `header.payload` of every fixture token: the only signing inputs a valid signature can cover.
        let signedInputs: Set<[UInt8]>
    }

    static let context = Lazy<Context> {
        let providers = FixtureFiles.folders(in: "oidc", containing: "jwks.json")
        var keys: [JWK] = []
        var seenKeyIDs: Set<ExactString> = []
        var inputs: Set<[UInt8]> = []
        for provider in providers {
            for key in try JWKSet.parse(try FixtureFiles.bytes("oidc/\(provider)/jwks.json")).keys {
                if let kid = key.keyID, !seenKeyIDs.insert(ExactString(kid)).inserted { continue }
                keys.append(key)
            }
            let token = try FixtureFiles.text("oidc/\(provider)/id_token.jwt")
                .trimmingCharacters(in: .whitespacesAndNewlines)
            let parts = token.split(separator: ".", omittingEmptySubsequences: false)
            inputs.insert(Array(parts.prefix(2).joined(separator: ".").utf8))
        }
        guard !keys.isEmpty, !inputs.isEmpty else { throw PropertyViolation("no OIDC fixtures found") }
        return Context(keys: try JWKSet(keys: keys), signedInputs: inputs)
    }

    /// JWS compact parse + verify against the fixtures' keys. Properties: parsing bytes and the
    /// same text agree; a parsed token's payload has exactly one base64url spelling; a verified
    /// token's signing input is one the fixture keys really signed, and what it returns is the
    /// payload of that token.
    static func checkJWS(_ input: [UInt8]) throws(PropertyViolation) {
        let context = try context.get()
        let text = String(validating: input, as: UTF8.self)
        let parsed = try? JWS.parse(utf8: input)
        if let text {
            let parsedText = try? JWS.parse(text)
            try require((parsed == nil) == (parsedText == nil), "JWS.parse(utf8:) and JWS.parse(String) disagree")
        }
        if let parsed {
            try require(
                Base64URL.encode(parsed.payload) == parsed.encodedPayload, "payload has two base64url spellings")
            let segments = input.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
            try require(segments.count == 3, "parsed a token without exactly three segments")
            try require(Array(segments[1]) == Array(parsed.encodedPayload.utf8), "encodedPayload is not the token's")
            try require(
                parsed.signingInput == Array(input[..<(segments[0].count + 1 + segments[1].count)]),
                "signing input is not the token's first two segments")
        }
        guard let text else { return }
        let verifier = JWSVerifier()
        guard let verified = try? verifier.verify(compact: text, keys: context.keys) else { return }
        guard let parsed else { throw PropertyViolation("verified a token that does not parse") }
        try require(
            context.signedInputs.contains(parsed.signingInput), "verified a signing input no fixture key signed")
        try require(verified.payload == parsed.payload, "verified payload differs from the token's")
        try require(verified.encodedPayload == parsed.encodedPayload, "verified encodedPayload differs")
        try require(verified.algorithm == parsed.header.algorithm, "verified with another algorithm than the header's")
    }

    /// JWKS parse. Properties: at most `maxKeys` members, each either a usable key or a skipped
    /// one; no two usable keys of one type and curve share a kid (as bytes); deterministic; and the
    /// public members of the parsed keys serialise to a document that parses to the same keys.
    static func checkJWKS(_ input: [UInt8]) throws(PropertyViolation) {
        guard let set = try? JWKSet.parse(input) else { return }
        try require(set.keys.count + set.skipped.count <= JOSELimits.default.maxKeys, "more keys than the limit")
        var identities: Set<ExactString> = []
        for key in set.keys {
            guard let kid = key.keyID else { continue }
            let identity = ExactString(key.keyType + "/" + (key.curve ?? "") + "/" + kid)
            try require(identities.insert(identity).inserted, "duplicate kid accepted")
        }
        let document = JSONValue.object(["keys": .array(set.keys.map(\.jsonValue))]).serialized()
        let again: JWKSet
        do {
            again = try JWKSet.parse(Array(document.utf8))
        } catch {
            throw PropertyViolation("re-serialised JWKS does not parse: \(error.code)")
        }
        try require(again.keys.map(\.jsonValue) == set.keys.map(\.jsonValue), "JWKS round trip changed the keys")
        try require(again.skipped.isEmpty, "round trip skipped a key that parsed the first time")
        try checkNoUniversalEd25519Forgery(set)
    }

    /// `R` = identity, `S` = 0 verifies every message under a small-order Ed25519 key; no key a
    /// JWKS yields may accept it.
    static func checkNoUniversalEd25519Forgery(_ set: JWKSet) throws(PropertyViolation) {
        for key in set.keys where key.curve == "Ed25519" {
            let header = JSONValue.object(["alg": "EdDSA"]).serialized()
            let input = Base64URL.encode(Array(header.utf8)) + "." + Base64URL.encode(Array(#"{"sub":"admin"}"#.utf8))
            let forged = input + "." + Base64URL.encode([1] + [UInt8](repeating: 0, count: 63))
            guard let single = try? JWKSet(keys: [key]) else { continue }
            try require(
                (try? JWSVerifier().verify(compact: forged, keys: single)) == nil,
                "an Ed25519 key verified the universal forgery (R = identity, S = 0)")
        }
    }
}
