import Crypto
import Foundation
import SsoCore
import SsoSAML
import SwiftASN1
import X509
import _CryptoExtras

extension SsoError.Code {
    /// The in-process test IdP could not build or sign a message.
    public static let testingSAMLIdPFailed: Self = "testing.saml_idp_failed"
}

/// An in-process SAML 2.0 identity provider for tests and demos: it has its own key and
/// certificate, publishes metadata, reads the SP's Redirect-binding AuthnRequest, and issues
/// Responses signed with libxmlsec1 (enveloped, exclusive C14N, RSA-SHA256).
///
/// ```swift
/// let idp = try TestSAMLIdentityProvider(clock: clock)
/// let metadata = try idp.metadata()                      // configure the SP connection with it
/// let request = try idp.receive(redirectURL: loginURL)     // the URL the SP redirected to
/// let samlResponse = try idp.responseBase64(to: request, user: .init(nameID: "alice@example.com"))
/// // post samlResponse (and request.relayState) to the SP's ACS
/// ```
///
/// - Warning: test tooling. Its keys are generated at runtime or loaded from test fixtures, and
///   ``ResponseOptions`` can produce deliberately wrong responses.
public struct TestSAMLIdentityProvider: Sendable {
    /// The IdP entity id (the responses' `Issuer`).
    public let entityID: String
    /// The SSO endpoint published in metadata (HTTP-Redirect and HTTP-POST).
    public let ssoURL: String
    /// The signing certificate published in metadata.
    public let certificate: SAMLCertificate
    /// Published as `WantAuthnRequestsSigned`; when `true`, ``receive(redirectURL:)`` and
    /// ``receive(postedSAMLRequest:relayState:)`` refuse an unsigned request. Default `false`.
    public var wantAuthnRequestsSigned = false
    /// The SP certificate request signatures are verified with, as an IdP admin would upload it.
    /// When set, ``receive(redirectURL:)`` and ``receive(postedSAMLRequest:relayState:)`` refuse a
    /// signed request it does not verify.
    public var spSigningCertificate: SAMLCertificate?

    private let signer: XMLSecEnvelopedSigner
    private let clock: any SsoClock
    let random: any RandomSource

    /// An IdP with a key pair given as PEM (for instance `Fixtures/saml/keys/okta-key.pem` and
    /// `okta-cert.pem`).
    public init(
        entityID: String = "https://idp.test.example/saml",
        ssoURL: String = "https://idp.test.example/saml/sso",
        privateKeyPEM: String,
        certificatePEM: String,
        clock: any SsoClock = SystemClock(),
        random: any RandomSource = SystemRandomSource()
    ) throws(SsoError) {
        self.entityID = entityID
        self.ssoURL = ssoURL
        self.certificate = try SAMLCertificate(pem: certificatePEM)
        self.signer = XMLSecEnvelopedSigner(keyPEM: privateKeyPEM, certificatePEM: certificatePEM)
        self.clock = clock
        self.random = random
    }

    /// An IdP with a fresh RSA-2048 key and a self-signed certificate valid from a day before
    /// the clock's `now` for ten years.
    public init(
        entityID: String = "https://idp.test.example/saml",
        ssoURL: String = "https://idp.test.example/saml/sso",
        clock: any SsoClock = SystemClock(),
        random: any RandomSource = SystemRandomSource()
    ) throws(SsoError) {
        let now = clock.now
        let keyPEM: String
        let certificatePEM: String
        do {
            let key = try _RSA.Signing.PrivateKey(keySize: .bits2048)
            let name = try DistinguishedName { CommonName("swift-sso Test SAML IdP (TEST ONLY)") }
            let certificate = try Certificate(
                version: .v3, serialNumber: Certificate.SerialNumber(bytes: [0x01] + random.bytes(15)),
                publicKey: Certificate.PublicKey(key.publicKey),
                notValidBefore: now.addingTimeInterval(-86_400),
                notValidAfter: now.addingTimeInterval(10 * 365 * 86_400),
                issuer: name, subject: name, signatureAlgorithm: .sha256WithRSAEncryption,
                extensions: Certificate.Extensions(), issuerPrivateKey: Certificate.PrivateKey(key))
            keyPEM = key.pemRepresentation
            certificatePEM = try certificate.serializeAsPEM().pemString
        } catch {
            throw SsoError(.testingSAMLIdPFailed, "the test IdP could not generate its key and certificate")
        }
        try self.init(
            entityID: entityID, ssoURL: ssoURL, privateKeyPEM: keyPEM, certificatePEM: certificatePEM,
            clock: clock, random: random)
    }

    /// The IdP's metadata XML: one `IDPSSODescriptor` with the signing certificate, the
    /// emailAddress/persistent NameID formats and the SSO endpoint (Redirect and POST).
    public func metadataXML() -> String {
        let e = SAMLXMLEscaping.escape
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<md:EntityDescriptor xmlns:md=\"urn:oasis:names:tc:SAML:2.0:metadata\" entityID=\"\(e(entityID))\">"
            + "<md:IDPSSODescriptor WantAuthnRequestsSigned=\"\(wantAuthnRequestsSigned)\" protocolSupportEnumeration=\"urn:oasis:names:tc:SAML:2.0:protocol\">"
            + "<md:KeyDescriptor use=\"signing\"><ds:KeyInfo xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\"><ds:X509Data>"
            + "<ds:X509Certificate>\(Base64.encode(certificate.derBytes))</ds:X509Certificate></ds:X509Data></ds:KeyInfo>"
            + "</md:KeyDescriptor>"
            + "<md:NameIDFormat>\(SAMLNameIDFormat.emailAddress)</md:NameIDFormat>"
            + "<md:NameIDFormat>\(SAMLNameIDFormat.persistent)</md:NameIDFormat>"
            + "<md:SingleSignOnService Binding=\"\(SAMLBinding.httpRedirect)\" Location=\"\(e(ssoURL))\"/>"
            + "<md:SingleSignOnService Binding=\"\(SAMLBinding.httpPost)\" Location=\"\(e(ssoURL))\"/>"
            + "</md:IDPSSODescriptor></md:EntityDescriptor>\n"
    }

    /// The parsed metadata, as an SP would read it.
    public func metadata() throws(SsoError) -> IdPMetadata {
        try IdPMetadata.parse(Array(metadataXML().utf8), now: clock.now)
    }

    /// A random `_`-prefixed message ID from the injected random source.
    func newID() -> String {
        let digits = Array("0123456789abcdef".utf8)
        var id: [UInt8] = [UInt8(ascii: "_")]
        for byte in random.bytes(20) {
            id.append(digits[Int(byte >> 4)])
            id.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: id, as: UTF8.self)
    }

    var now: Date { clock.now }

    func sign(_ xml: String, ids: [String]) throws(SsoError) -> String {
        try signer.sign(xml, ids: ids)
    }
}

extension TestSAMLIdentityProvider {
    /// Serves ``metadataXML()`` at `url` on `transport` (for `metadata_url` connections and
    /// connection tests).
    public func serveMetadata(on transport: FakeHTTPTransport, at url: String) {
        transport.route(url, text: metadataXML(), contentType: "application/samlmetadata+xml")
    }
}
