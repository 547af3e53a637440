import SsoSAML

extension ConnectionValidator {
    /// The largest inline metadata document accepted.
    static let maxMetadataBytes = 1 << 20
    /// Keys `attribute_mapping` may set.
    static let maxAttributeMappings = 50

    /// Checked and normalised SAML settings.
    func saml(_ s: SAMLConnectionSettings) throws(SsoError) -> SAMLConnectionSettings {
        let metadata: SAMLMetadataSource
        switch s.metadata {
        case .url(let url): metadata = .url(try rules.webURL(url, "metadata_url"))
        case .xml(let xml): metadata = .xml(try inlineMetadata(xml))
        }
        let acs = try rules.webURL(s.assertionConsumerServiceURL, "assertion_consumer_service_url")
        let entityID = try rules.text(s.entityID, "entity_id")
        guard !entityID.contains(where: \.isWhitespace) else {
            throw rules.invalid("entity_id", "must not contain white space")
        }
        guard s.attributeMapping.count <= Self.maxAttributeMappings else {
            throw rules.invalid("attribute_mapping", "must have at most \(Self.maxAttributeMappings) entries")
        }
        var mapping: [String: String] = [:]
        for key in s.attributeMapping.keys.sorted() {
            let field = try rules.text(key, "attribute_mapping", maxBytes: 64)
            mapping[field] = try rules.text(s.attributeMapping[key], "attribute_mapping.\(field)")
        }
        var signing: SAMLRequestSigning?
        if let given = s.requestSigning { signing = try requestSigning(given) }
        return SAMLConnectionSettings(
            metadata: metadata, assertionConsumerServiceURL: acs, entityID: entityID, attributeMapping: mapping,
            allowUnsolicited: s.allowUnsolicited, requestSigning: signing)
    }

    /// A light check of inline metadata: size, an IdP entity descriptor, no DTD. SsoSAML parses
    /// it fully (hardened) when a login or connection test uses it.
    private func inlineMetadata(_ xml: String) throws(SsoError) -> String {
        guard xml.utf8.count <= Self.maxMetadataBytes else {
            throw rules.invalid("metadata_xml", "must be at most \(Self.maxMetadataBytes) bytes")
        }
        let trimmed = xml.trimmingCharacters(in: .whitespacesAndNewlines)
        guard trimmed.hasPrefix("<") else { throw rules.invalid("metadata_xml", "must be an XML document") }
        guard !trimmed.localizedCaseInsensitiveContains("<!DOCTYPE"),
            !trimmed.localizedCaseInsensitiveContains("<!ENTITY")
        else {
            throw rules.invalid("metadata_xml", "must not contain a DTD")
        }
        guard trimmed.contains("EntityDescriptor"), trimmed.contains("IDPSSODescriptor") else {
            throw rules.invalid(
                "metadata_xml", "must be SAML IdP metadata (an EntityDescriptor with an IDPSSODescriptor)")
        }
        return trimmed
    }

    /// The SP request-signing key and its certificate: the key a PEM RSA key of 2048 bits or
    /// more, the certificate one that holds its public half. Messages never repeat key material.
    private func requestSigning(_ given: SAMLRequestSigning) throws(SsoError) -> SAMLRequestSigning {
        let secret = try rules.secret(given.key, "sp_signing_key_pem")
        let signingKey: SAMLRequestSigningKey
        do {
            signingKey = try secret.withUnsafeValue { try SAMLRequestSigningKey(pem: $0) }
        } catch {
            throw rules.invalid("sp_signing_key_pem", "must be a PEM RSA private key of at least 2048 bits")
        }
        let pem = try rules.multilineText(given.certificatePEM, "sp_signing_certificate_pem", maxBytes: 65536)
        let parsed: SAMLCertificate
        do {
            parsed = try SAMLCertificate(pem: pem)
        } catch {
            throw rules.invalid("sp_signing_certificate_pem", "must be a PEM X.509 certificate", underlying: error)
        }
        guard signingKey.matches(parsed) else {
            throw rules.invalid("sp_signing_certificate_pem", "does not certify the public key of sp_signing_key_pem")
        }
        return SAMLRequestSigning(key: secret, certificatePEM: pem)
    }
}
