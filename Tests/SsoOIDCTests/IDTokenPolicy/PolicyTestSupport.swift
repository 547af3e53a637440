@_exported import SsoTestSupport
import Foundation
import SsoOIDC
import SsoTesting

/// The inputs the claim-rule tests vary: a policy and one login's expectations.
struct PolicyInputs {
    var issuer: IssuerMatcher
    var clientID: String
    var now: Date
    var leeway: TimeInterval = 60
    var nonce: String?
    var maxAge: Int?
    var accessToken: String?
    var authorizationCode: String?
    var requireAtHash = false
    var requireCHash = false

    var policy: IDTokenPolicy {
        IDTokenPolicy(
            issuer: issuer, clientID: clientID, leeway: leeway, requireAtHash: requireAtHash, requireCHash: requireCHash
        )
    }

    var expectations: IDTokenExpectations {
        IDTokenExpectations(
            nonce: nonce, maxAge: maxAge, accessToken: accessToken.map { Secret($0) },
            authorizationCode: authorizationCode.map { Secret($0) }, now: now)
    }
}

/// A compact JWS over `payload` (any bytes) signed by `key`, with extra header text after `alg`/`kid`.
func signedToken(payload: [UInt8], key: FakeSigningKey, extraHeader: String = "") throws -> String {
    let kid = key.keyID.map { #","kid":"\#($0)""# } ?? ""
    let header = #"{"alg":"\#(key.algorithm.rawValue)"\#(kid)\#(extraHeader)}"#
    let input = Base64URL.encode(Array(header.utf8)) + "." + Base64URL.encode(payload)
    return input + "." + Base64URL.encode(try key.sign(Array(input.utf8)))
}

/// The key set holding `key`'s public JWK.
func keySet(_ key: FakeSigningKey) throws -> JWKSet {
    try JWKSet.parse(Array(JSONValue.object(["keys": .array([key.publicJWK ?? .null])]).serialized().utf8))
}
