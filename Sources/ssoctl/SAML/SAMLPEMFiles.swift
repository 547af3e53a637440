import SsoCore
import SsoSAML

/// Reads the SP's certificates and request signing key from PEM files, as every `ssoctl saml`
/// command takes them (a path, or `-` for standard input), with the library's error codes.
enum SAMLPEMFiles {
    /// The largest PEM file read, as `saml validate` reads certificates.
    static let limit = 1 << 20

    /// The one certificate in the PEM file at `path`; `role` names it in errors ("signing").
    ///
    /// The certificate must hold an RSA key: request signatures are RSA-SHA256 and SP metadata
    /// offers IdPs RSA-OAEP key transport only, so any other key would publish metadata no IdP
    /// can use.
    /// - Throws: `cli.input_unreadable`, `saml.certificate.*` (a private key or anything else that
    ///   is not a CERTIFICATE block), `saml.request.invalid_setting` (not RSA).
    static func certificate(at path: String, role: String) throws(SsoError) -> SAMLCertificate {
        let pem = try text(at: path)
        let certificate: SAMLCertificate
        do {
            certificate = try SAMLCertificate(pem: pem)
        } catch {
            throw SsoError(error.code, "--\(role)-cert \(path): \(error.message)", underlying: error)
        }
        guard certificate.publicKeyAlgorithm == "RSA" else {
            throw SsoError(
                .samlRequestInvalidSetting,
                "--\(role)-cert \(path) holds an \(certificate.publicKeyAlgorithm) key; "
                    + "AuthnRequest signatures and assertion encryption need RSA")
        }
        return certificate
    }

    /// The RSA private key in the PEM file at `path` (the message never carries key material).
    /// - Throws: `cli.input_unreadable`, `saml.request.invalid_setting`.
    static func signingKey(at path: String) throws(SsoError) -> SAMLRequestSigningKey {
        try SAMLRequestSigningKey(pem: try text(at: path))
    }

    private static func text(at path: String) throws(SsoError) -> String {
        String(decoding: try CommandOutput.readInput(path, limit: limit), as: UTF8.self)
    }
}
