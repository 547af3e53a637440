import Crypto
import Foundation
import SsoCore
import SsoSAML
import X509
import _CryptoExtras

extension TestSAMLIdentityProvider {
    /// Checks the HTTP-Redirect signature of a request query as an IdP does (bindings §3.4.4.1):
    /// the signed bytes are `SAMLRequest=…[&RelayState=…]&SigAlg=…` exactly as they appear in the
    /// URL, signed with RSA-SHA256 by the key of ``spSigningCertificate``.
    /// - Returns: whether a signature was present and verified.
    func checkRequestSignature(rawQuery: String) throws(SsoError) -> Bool {
        var raw: [String: String] = [:]
        for pair in rawQuery.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2, raw[String(parts[0])] == nil else {
                throw SsoError(.samlInputInvalid, "the request query has a malformed or repeated parameter")
            }
            raw[String(parts[0])] = String(parts[1])
        }
        guard let signature = raw["Signature"] else {
            if wantAuthnRequestsSigned {
                throw SsoError(.samlSignatureMissing, "this IdP wants signed AuthnRequests")
            }
            return false
        }
        guard let certificate = spSigningCertificate else { return false }
        guard let request = raw["SAMLRequest"], let algorithm = raw["SigAlg"],
            algorithm.removingPercentEncoding == SAMLRequestSigningKey.rsaSHA256
        else {
            throw SsoError(.samlSignatureInvalid, "the request signature has no SAMLRequest or an unexpected SigAlg")
        }
        var signed = "SAMLRequest=" + request
        if let relayState = raw["RelayState"] { signed += "&RelayState=" + relayState }
        signed += "&SigAlg=" + algorithm
        guard let decoded = signature.removingPercentEncoding, let signatureBytes = try? Base64.decode(decoded),
            let parsed = try? Certificate(derEncoded: certificate.derBytes),
            let publicKey = _RSA.Signing.PublicKey(parsed.publicKey),
            publicKey.isValidSignature(
                _RSA.Signing.RSASignature(rawRepresentation: signatureBytes),
                for: SHA256.hash(data: Array(signed.utf8)), padding: .insecurePKCS1v1_5)
        else {
            throw SsoError(.samlSignatureInvalid, "the request signature does not verify with the SP certificate")
        }
        return true
    }
}
