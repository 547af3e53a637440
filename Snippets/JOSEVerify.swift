// Verify a JWS against a JWKS, then check its claims: two separate layers, each with an
// algorithm allow-list and strict parsing.
// snippet.hide
import Foundation
// snippet.show
import SsoCore
import SsoJOSE

// snippet.hide
let jwksBytes: [UInt8] = []
let idToken = ""
// snippet.show
let keys = try JWKSet.parse(jwksBytes)  // keys it cannot use are in keys.skipped, with the reason
let verifier = JWSVerifier(options: JWSVerificationOptions(allowedAlgorithms: [.rs256, .es256]))
let verified = try verifier.verify(compact: idToken, keys: keys)
print(verified.algorithm, verified.keyID ?? "no kid")

let claims = try verified.jws.claimsSet()
let times = try JWTClaimsValidator(now: SystemClock().now, leeway: 60).checkTimes(claims)
let audiences = try JWTClaimsValidator.audiences(claims)
print("valid until", times.expiresAt, "for", audiences)
