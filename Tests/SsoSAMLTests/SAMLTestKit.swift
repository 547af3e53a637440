import Foundation
import SsoCore
import SsoTestSupport
import SsoTesting
@testable import SsoSAML

/// Test-only PKI and signed SAML documents, made at test time with the `openssl` and `xmlsec1`
/// command-line tools (an implementation independent of the code under test).
enum TestTools {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// Runs a tool; throws with its stderr when it fails. The child runs off the cooperative pool
    /// (a blocking wait there starves every other test on a 2-core machine).
    @discardableResult
    static func run(_ arguments: [String], stdin: Data? = nil) async throws -> Data {
        let outcome = try await ChildProcess.run(URL(fileURLWithPath: "/usr/bin/env"), arguments, standardInput: stdin)
        guard outcome.status == 0 else {
            throw Failure(description: "\(arguments.joined(separator: " ")): \(outcome.errorText)")
        }
        return outcome.standardOutput
    }
}

/// A test-only key pair on disk.
struct TestKeyPair: Sendable {
    let keyPath: String
    let certPath: String
    var certPEM: String { (try? String(contentsOfFile: certPath, encoding: .utf8)) ?? "" }
    var keyPEM: String { (try? String(contentsOfFile: keyPath, encoding: .utf8)) ?? "" }
}

/// The test PKI, generated once per test process into a temporary directory.
struct TestPKI: Sendable {
    let directory: String
    let idp: TestKeyPair
    let idpRollover: TestKeyPair
    let attacker: TestKeyPair
    let weak: TestKeyPair
    let ec: TestKeyPair
    let sp: TestKeyPair
    let expired: TestKeyPair

    private static let made = Task { try await TestPKI() }

    static func shared() async throws -> TestPKI { try await made.value }

    private init() async throws {
        let directory = NSTemporaryDirectory() + "sso-saml-tests-\(UUID().uuidString)"
        self.directory = directory
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        func rsa(_ name: String, bits: Int = 2048, days: String = "3650", extra: [String] = []) async throws -> TestKeyPair {
            let pair = TestKeyPair(keyPath: "\(directory)/\(name)-key.pem", certPath: "\(directory)/\(name)-cert.pem")
            try await TestTools.run(["openssl", "req", "-x509", "-newkey", "rsa:\(bits)", "-nodes", "-keyout", pair.keyPath,
                               "-out", pair.certPath, "-days", days, "-subj", "/CN=\(name) TEST ONLY"] + extra)
            return pair
        }
        idp = try await rsa("idp")
        idpRollover = try await rsa("idp-next")
        attacker = try await rsa("attacker")
        weak = try await rsa("weak", bits: 1024)
        sp = try await rsa("sp")
        expired = try await rsa("expired", days: "1")
        let ecPair = TestKeyPair(keyPath: "\(directory)/ec-key.pem", certPath: "\(directory)/ec-cert.pem")
        try await TestTools.run(["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                           "-keyout", ecPair.keyPath, "-out", ecPair.certPath, "-days", "3650", "-subj", "/CN=ec TEST ONLY"])
        ec = ecPair
    }
}

/// Builds SAML Responses from a template; every field can be changed per test.
struct ResponseBuilder {
    static let now = Date(timeIntervalSince1970: 1_768_471_200)  // 2026-01-15T10:00:00Z
    static let idpEntityID = "https://idp.example.com/saml"
    static let spEntityID = "https://sp.example.com/saml/metadata"
    static let acsURL = "https://sp.example.com/saml/acs"
    static let requestID = "_req-4f1c"

    enum Signing { case none, response, assertion, both }

    var responseID = "_resp-8a7d"
    var assertionID = "_assert-2b9e"
    var issuer = idpEntityID
    var assertionIssuer = idpEntityID
    var destination: String? = acsURL
    var inResponseTo: String? = requestID
    var confirmationInResponseTo: String? = requestID
    var recipient = acsURL
    var audience = spEntityID
    var status = "urn:oasis:names:tc:SAML:2.0:status:Success"
    var nameID = "alice@example.com"
    var nameIDFormat = "urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress"
    var issueInstant = now.addingTimeInterval(-5)
    var notBefore = now.addingTimeInterval(-60)
    var notOnOrAfter = now.addingTimeInterval(300)
    var confirmationNotOnOrAfter = now.addingTimeInterval(300)
    var sessionNotOnOrAfter = now.addingTimeInterval(8 * 3600)
    var attributes: [(String, [String])] = [
        ("http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress", ["alice@example.com"]),
        ("http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name", ["Alice Example"]),
        ("http://schemas.microsoft.com/ws/2008/06/identity/claims/groups", ["admins", "staff"]),
    ]
    var signatureMethod = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256"
    var digestMethod = "http://www.w3.org/2001/04/xmlenc#sha256"
    /// Extra XML placed inside the Assertion after the AttributeStatement (e.g. Advice).
    var assertionExtra = ""

    static func time(_ date: Date) -> String { Timestamp.format(date) }

    func signatureTemplate(for id: String) -> String {
        """
        <ds:Signature xmlns:ds="http://www.w3.org/2000/09/xmldsig#"><ds:SignedInfo>\
        <ds:CanonicalizationMethod Algorithm="http://www.w3.org/2001/10/xml-exc-c14n#"/>\
        <ds:SignatureMethod Algorithm="\(signatureMethod)"/><ds:Reference URI="#\(id)"><ds:Transforms>\
        <ds:Transform Algorithm="http://www.w3.org/2000/09/xmldsig#enveloped-signature"/>\
        <ds:Transform Algorithm="http://www.w3.org/2001/10/xml-exc-c14n#"/></ds:Transforms>\
        <ds:DigestMethod Algorithm="\(digestMethod)"/><ds:DigestValue></ds:DigestValue></ds:Reference></ds:SignedInfo>\
        <ds:SignatureValue></ds:SignatureValue><ds:KeyInfo><ds:X509Data><ds:X509Certificate></ds:X509Certificate>\
        </ds:X509Data></ds:KeyInfo></ds:Signature>
        """
    }

    func assertionXML(signatureTemplate: Bool) -> String {
        let t = Self.time
        let attributeXML = attributes.map { name, values in
            "<saml:Attribute Name=\"\(name)\" NameFormat=\"urn:oasis:names:tc:SAML:2.0:attrname-format:uri\">"
                + values.map { "<saml:AttributeValue xmlns:xs=\"http://www.w3.org/2001/XMLSchema\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:type=\"xs:string\">\($0)</saml:AttributeValue>" }.joined()
                + "</saml:Attribute>"
        }.joined()
        let irt = confirmationInResponseTo.map { " InResponseTo=\"\($0)\"" } ?? ""
        return """
            <saml:Assertion xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="\(assertionID)" Version="2.0" \
            IssueInstant="\(t(issueInstant))"><saml:Issuer>\(assertionIssuer)</saml:Issuer>\
            \(signatureTemplate ? self.signatureTemplate(for: assertionID) : "")\
            <saml:Subject><saml:NameID Format="\(nameIDFormat)">\(nameID)</saml:NameID>\
            <saml:SubjectConfirmation Method="urn:oasis:names:tc:SAML:2.0:cm:bearer">\
            <saml:SubjectConfirmationData\(irt) NotOnOrAfter="\(t(confirmationNotOnOrAfter))" Recipient="\(recipient)"/>\
            </saml:SubjectConfirmation></saml:Subject>\
            <saml:Conditions NotBefore="\(t(notBefore))" NotOnOrAfter="\(t(notOnOrAfter))"><saml:AudienceRestriction>\
            <saml:Audience>\(audience)</saml:Audience></saml:AudienceRestriction></saml:Conditions>\
            <saml:AuthnStatement AuthnInstant="\(t(issueInstant))" SessionIndex="_session-77" \
            SessionNotOnOrAfter="\(t(sessionNotOnOrAfter))"><saml:AuthnContext><saml:AuthnContextClassRef>\
            urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport</saml:AuthnContextClassRef>\
            </saml:AuthnContext></saml:AuthnStatement>\
            <saml:AttributeStatement>\(attributeXML)</saml:AttributeStatement>\(assertionExtra)</saml:Assertion>
            """
    }

    /// The Response with `assertion` (already XML) as its assertion child.
    func responseXML(assertion: String, signatureTemplate: Bool) -> String {
        let destinationAttribute = destination.map { " Destination=\"\($0)\"" } ?? ""
        let irt = inResponseTo.map { " InResponseTo=\"\($0)\"" } ?? ""
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" ID="\(responseID)" Version="2.0" \
            IssueInstant="\(Self.time(issueInstant))"\(destinationAttribute)\(irt)>\
            <saml:Issuer xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion">\(issuer)</saml:Issuer>\
            \(signatureTemplate ? self.signatureTemplate(for: responseID) : "")\
            <samlp:Status><samlp:StatusCode Value="\(status)"/></samlp:Status>\(assertion)</samlp:Response>
            """
    }

    /// The Response, signed as asked by `key`.
    func signed(_ signing: Signing, key: TestKeyPair) async throws -> String {
        switch signing {
        case .none:
            return responseXML(assertion: assertionXML(signatureTemplate: false), signatureTemplate: false)
        case .assertion:
            return try await Signer.sign(responseXML(assertion: assertionXML(signatureTemplate: true), signatureTemplate: false), key: key)
        case .response:
            return try await Signer.sign(responseXML(assertion: assertionXML(signatureTemplate: false), signatureTemplate: true), key: key)
        case .both:
            let inner = try await signed(.assertion, key: key)
            let marker = "</saml:Issuer>"
            guard let range = inner.range(of: marker) else { throw TestTools.Failure(description: "no Issuer") }
            let withTemplate = inner.replacingCharacters(in: range, with: marker + signatureTemplate(for: responseID))
            return try await Signer.sign(withTemplate, key: key)
        }
    }

    /// The Response with an EncryptedAssertion for `sp` (assertion signed or not), optionally with a signed Response.
    func encrypted(
        signAssertion: Bool, signResponse: Bool, key: TestKeyPair, sp: TestKeyPair,
        content: String = "aes256-cbc", keyTransport: String = "rsa-oaep-mgf1p"
    ) async throws -> String {
        let plain = try await signed(signAssertion ? .assertion : .none, key: key)
        let wrapped = plain.replacingOccurrences(of: "<saml:Assertion ", with: "<saml:EncryptedAssertion xmlns:saml=\"urn:oasis:names:tc:SAML:2.0:assertion\"><saml:Assertion ")
            .replacingOccurrences(of: "</saml:Assertion>", with: "</saml:Assertion></saml:EncryptedAssertion>")
        var encryptedXML = try await Encryptor.encryptAssertion(wrapped, sp: sp, content: content, keyTransport: keyTransport)
        if signResponse {
            let marker = "</saml:Issuer>"
            guard let range = encryptedXML.range(of: marker) else { throw TestTools.Failure(description: "no Issuer") }
            encryptedXML = encryptedXML.replacingCharacters(in: range, with: marker + signatureTemplate(for: responseID))
            encryptedXML = try await Signer.sign(encryptedXML, key: key)
        }
        return encryptedXML
    }
}

enum Signer {
    /// Signs the first ds:Signature template of `xml` with the xmlsec1 command-line tool.
    static func sign(_ xml: String, key: TestKeyPair) async throws -> String {
        let pki = try await TestPKI.shared()
        let input = "\(pki.directory)/\(UUID().uuidString).xml"
        try Data(xml.utf8).write(to: URL(fileURLWithPath: input))
        defer { try? FileManager.default.removeItem(atPath: input) }
        let output = try await TestTools.run([
            "xmlsec1", "--sign", "--privkey-pem", "\(key.keyPath),\(key.certPath)",
            "--id-attr:ID", "urn:oasis:names:tc:SAML:2.0:protocol:Response",
            "--id-attr:ID", "urn:oasis:names:tc:SAML:2.0:assertion:Assertion", input,
        ])
        return String(decoding: output, as: UTF8.self)
    }
}

enum Encryptor {
    /// Replaces the first saml:Assertion of `xml` with xenc:EncryptedData for `sp` (xmlsec1).
    static func encryptAssertion(
        _ xml: String, sp: TestKeyPair, content: String, keyTransport: String, element: String = "Assertion"
    ) async throws -> String {
        let pki = try await TestPKI.shared()
        let data = "\(pki.directory)/\(UUID().uuidString)-data.xml"
        let template = "\(pki.directory)/\(UUID().uuidString)-tmpl.xml"
        let contentURI = content.contains("gcm") ? "http://www.w3.org/2009/xmlenc11#\(content)" : "http://www.w3.org/2001/04/xmlenc#\(content)"
        let sessionKey = "aes-" + (content.contains("128") ? "128" : content.contains("192") ? "192" : "256")
        let templateXML = """
            <xenc:EncryptedData xmlns:xenc="http://www.w3.org/2001/04/xmlenc#" Type="http://www.w3.org/2001/04/xmlenc#Element">\
            <xenc:EncryptionMethod Algorithm="\(contentURI)"/><ds:KeyInfo xmlns:ds="http://www.w3.org/2000/09/xmldsig#">\
            <xenc:EncryptedKey><xenc:EncryptionMethod Algorithm="http://www.w3.org/2001/04/xmlenc#\(keyTransport)"/>\
            <xenc:CipherData><xenc:CipherValue/></xenc:CipherData></xenc:EncryptedKey></ds:KeyInfo>\
            <xenc:CipherData><xenc:CipherValue/></xenc:CipherData></xenc:EncryptedData>
            """
        try Data(xml.utf8).write(to: URL(fileURLWithPath: data))
        try Data(templateXML.utf8).write(to: URL(fileURLWithPath: template))
        defer {
            try? FileManager.default.removeItem(atPath: data)
            try? FileManager.default.removeItem(atPath: template)
        }
        let output = try await TestTools.run([
            "xmlsec1", "--encrypt", "--pubkey-cert-pem", sp.certPath, "--session-key", sessionKey,
            "--xml-data", data, "--node-xpath", "(//*[local-name()='\(element)'])[1]", template,
        ])
        return String(decoding: output, as: UTF8.self)
    }
}

/// A validator configured for the builder's defaults.
func makeValidator(
    certificates: [TestKeyPair]? = nil, policy: SAMLValidationPolicy = SAMLValidationPolicy(),
    decryption: TestKeyPair? = nil, replayCache: any ReplayCache = InMemoryReplayCache(),
    now: Date = ResponseBuilder.now
) async throws -> SAMLResponseValidator {
    let pki = try await TestPKI.shared()
    let pem = (certificates ?? [pki.idp]).map(\.certPEM).joined(separator: "\n")
    let configuration = SAMLResponseValidator.Configuration(
        idpEntityID: ResponseBuilder.idpEntityID, idpSigningKeys: try SAMLSigningKeySet(pemCertificates: pem),
        spEntityID: ResponseBuilder.spEntityID, acsURL: ResponseBuilder.acsURL,
        decryptionKey: try decryption.map { (pair) throws -> SAMLDecryptionKey in try SAMLDecryptionKey(pem: pair.keyPEM) },
        policy: policy)
    return SAMLResponseValidator(configuration: configuration, replayCache: replayCache, clock: TestClock(now))
}

/// Validates and returns the error code, or `nil` when valid.
func rejection(
    _ xml: String, validator: SAMLResponseValidator, expectedRequestID: String? = ResponseBuilder.requestID
) async -> String? {
    do {
        _ = try await validator.validate(xml, expectedRequestID: expectedRequestID)
        return nil
    } catch {
        return error.code.rawValue
    }
}

/// Validates and returns the error, or `nil` when valid.
func validationError(
    _ xml: String, validator: SAMLResponseValidator, expectedRequestID: String? = ResponseBuilder.requestID
) async -> SsoError? {
    do {
        _ = try await validator.validate(xml, expectedRequestID: expectedRequestID)
        return nil
    } catch {
        return error
    }
}
