import ArgumentParser
import Foundation
import SsoCore
import SsoSAML
import SsoTesting

/// `ssoctl saml validate`: validates one SAML Response the way the engine's SAML callback does.
///
/// Exit 0 and `{"ok":true,…}` when valid, 1 and `{"ok":false,"error":{…}}` when rejected, 2 for a
/// usage error.
struct SAMLValidateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate", abstract: "Validate a SAML Response against IdP metadata or pinned certificates.")

    @Option(name: .customLong("response"), help: "The Response: raw XML or base64 (`-` for standard input).")
    var response: String

    @Option(name: .customLong("idp-metadata"), help: "IdP metadata XML file (entity id and signing certificates).")
    var idpMetadata: String?

    @Option(name: .customLong("idp-cert"), help: "Pinned IdP signing certificate (PEM file); repeat for a rollover.")
    var idpCerts: [String] = []

    @Option(name: .customLong("idp-entity-id"), help: "The IdP entity id (required with --idp-cert).")
    var idpEntityID: String?

    @Option(name: .customLong("sp-entity-id"), help: "This SP's entity id (the expected audience).")
    var spEntityID: String

    @Option(name: .customLong("acs-url"), help: "This SP's Assertion Consumer Service URL.")
    var acsURL: String

    @Option(name: .customLong("now"), help: "Validate at this time (ISO 8601) instead of the system clock.")
    var now: String?

    @Option(name: .customLong("in-response-to"), help: "The ID of the AuthnRequest this SP sent.")
    var inResponseTo: String?

    @Flag(name: .customLong("allow-unsolicited"), help: "Accept an IdP-initiated response (without InResponseTo).")
    var unsafeAllowUnsolicited = false

    @Flag(name: .customLong("allow-sha1"), help: "Accept SHA-1 signatures and digests.")
    var unsafeAllowSHA1 = false

    @Option(name: .customLong("min-rsa-bits"), help: "Smallest accepted RSA key of the IdP.")
    var minRSABits: Int = 2048

    @Option(name: .customLong("skew"), help: "Tolerated clock skew in seconds.")
    var skew: Int = 120

    @Option(name: .customLong("sp-key"), help: "The SP's private key (PEM file) for encrypted assertions.")
    var spKey: String?

    func validate() throws {
        if idpMetadata != nil && !idpCerts.isEmpty {
            throw ValidationError("give either --idp-metadata or --idp-cert, not both")
        }
        if idpMetadata == nil && idpCerts.isEmpty {
            throw ValidationError("give --idp-metadata FILE or --idp-cert PEM_FILE with --idp-entity-id ID")
        }
        if !idpCerts.isEmpty && (idpEntityID ?? "").isEmpty {
            throw ValidationError("--idp-cert needs --idp-entity-id")
        }
        if let now, Self.parseTime(now) == nil {
            throw ValidationError("--now must be an ISO 8601 time such as 2026-03-29T12:00:00Z")
        }
        if minRSABits < 1024 || minRSABits > 16384 {
            throw ValidationError("--min-rsa-bits must be between 1024 and 16384 (smaller RSA keys are never accepted)")
        }
        if spEntityID.isEmpty || acsURL.isEmpty {
            throw ValidationError("--sp-entity-id and --acs-url cannot be empty")
        }
        if skew < 0 || skew > 86_400 {
            throw ValidationError("--skew must be between 0 and 86400 seconds")
        }
        if let inResponseTo, inResponseTo.isEmpty {
            throw ValidationError("--in-response-to must not be empty")
        }
    }

    func run() async throws {
        do {
            let result = try await check()
            CommandOutput.succeed(result)
        } catch {
            throw CommandOutput.reject(error)
        }
    }

    private func check() async throws(SsoError) -> [String: Any] {
        let instant = now.flatMap(Self.parseTime) ?? Date()
        let keys: SAMLSigningKeySet
        let entityID: String
        if let idpMetadata {
            let metadata = try IdPMetadata.parse(
                try CommandOutput.readInput(idpMetadata), entityID: idpEntityID, now: instant)
            keys = try SAMLSigningKeySet(metadata: metadata)
            entityID = metadata.entityID
        } else {
            var certificates: [SAMLCertificate] = []
            for path in idpCerts {
                let text = String(decoding: try CommandOutput.readInput(path, limit: 1 << 20), as: UTF8.self)
                certificates.append(contentsOf: try Self.certificates(inPEM: text, path: path))
            }
            keys = try SAMLSigningKeySet(certificates: certificates)
            entityID = idpEntityID ?? ""
        }
        let decryptionKey = try spKey.map { (path) throws(SsoError) -> SAMLDecryptionKey in
            try SAMLDecryptionKey(
                pem: String(decoding: try CommandOutput.readInput(path, limit: 1 << 20), as: UTF8.self))
        }
        let policy = SAMLValidationPolicy(
            clockSkew: TimeInterval(skew), minRSAKeyBits: minRSABits, unsafeAllowSHA1: unsafeAllowSHA1,
            unsafeAllowUnsolicited: unsafeAllowUnsolicited)
        let validator = SAMLResponseValidator(
            configuration: .init(
                idpEntityID: entityID, idpSigningKeys: keys, spEntityID: spEntityID, acsURL: acsURL,
                decryptionKey: decryptionKey, policy: policy),
            replayCache: InMemoryReplayCache(capacity: 16), clock: TestClock(instant))
        let input = try CommandOutput.readInput(response, limit: policy.limits.maxBytes * 2)
        let result = try await validator.validate(input, expectedRequestID: inResponseTo)
        let mapping = SAMLAttributeMapping.defaults
        return [
            "issuer": result.issuer,
            "nameID": result.nameID,
            "nameIDFormat": result.nameIDFormat ?? NSNull(),
            "sessionIndex": result.sessionIndex ?? NSNull(),
            "attributes": result.attributes,
            "email": mapping.email(of: result) ?? NSNull(),
            "notOnOrAfter": Timestamp.format(result.notOnOrAfter),
        ]
    }

    /// Every CERTIFICATE block of a PEM file.
    private static func certificates(inPEM text: String, path: String) throws(SsoError) -> [SAMLCertificate] {
        let begin = "-----BEGIN CERTIFICATE-----"
        let end = "-----END CERTIFICATE-----"
        var result: [SAMLCertificate] = []
        var rest = Substring(text)
        while let start = rest.range(of: begin), let stop = rest.range(of: end, range: start.upperBound..<rest.endIndex)
        {
            result.append(try SAMLCertificate(pem: String(rest[start.lowerBound..<stop.upperBound])))
            rest = rest[stop.upperBound...]
        }
        guard !result.isEmpty else {
            throw SsoError(.samlSignatureNoTrustedKey, "\(path) holds no PEM CERTIFICATE")
        }
        return result
    }

    /// ISO 8601 with or without fractional seconds, `Z` or an offset.
    static func parseTime(_ text: String) -> Date? {
        Timestamp.parse(text)
    }
}
