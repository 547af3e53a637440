import SsoSAML

extension ConnectionValidator {
    /// The largest inline metadata document accepted.
    static let maxMetadataBytes = 1 << 20
    /// Keys `attribute_mapping` may set.
    static let maxAttributeMappings = 50

    func saml(_ p: CreateSsoConnectionParams) throws(SsoError) -> SsoSAMLSettings {
        try refuseOIDCFields(p, for: .saml)
        try refuseLDAPFields(p, for: .saml)
        var metadataURL: String?
        var metadataXML: String?
        switch (p.metadataURL, p.metadataXML) {
        case (nil, nil):
            throw rules.invalid("metadata_url", "is required (or give the metadata inline as metadata_xml)")
        case (.some, .some):
            throw rules.invalid("metadata_xml", "give metadata_url or metadata_xml, not both")
        case (.some(let url), nil):
            metadataURL = try rules.webURL(url, "metadata_url")
        case (nil, .some(let xml)):
            metadataXML = try inlineMetadata(xml)
        }
        let acs = try rules.webURL(p.assertionConsumerServiceURL, "assertion_consumer_service_url")
        let entityID = try rules.text(p.entityID, "entity_id")
        guard !entityID.contains(where: \.isWhitespace) else { throw rules.invalid("entity_id", "must not contain white space") }
        var mapping: [String: String] = [:]
        if let given = p.attributeMapping {
            guard given.count <= Self.maxAttributeMappings else {
                throw rules.invalid("attribute_mapping", "must have at most \(Self.maxAttributeMappings) entries")
            }
            for key in given.keys.sorted() {
                let field = try rules.text(key, "attribute_mapping", maxBytes: 64)
                mapping[field] = try rules.text(given[key], "attribute_mapping.\(field)")
            }
        }
        let (signingKey, signingCertificate) = try spSigning(
            key: p.spSigningKeyPEM, certificate: p.spSigningCertificatePEM)
        return SsoSAMLSettings(
            metadataURL: metadataURL, metadataXML: metadataXML, assertionConsumerServiceURL: acs, entityID: entityID,
            attributeMapping: mapping, allowUnsolicited: p.allowUnsolicited ?? false, spSigningKeyPEM: signingKey,
            spSigningCertificatePEM: signingCertificate
        )
    }

    /// A light check of inline metadata: size, an IdP entity descriptor, no DTD. SsoSAML parses
    /// it fully (hardened) when a login or connection test uses it.
    private func inlineMetadata(_ xml: String) throws(SsoError) -> String {
        guard xml.utf8.count <= Self.maxMetadataBytes else {
            throw rules.invalid("metadata_xml", "must be at most \(Self.maxMetadataBytes) bytes")
        }
        let trimmed = xml.trimmingCharacters(in: .whitespacesAndNewlines)
        guard trimmed.hasPrefix("<") else { throw rules.invalid("metadata_xml", "must be an XML document") }
        guard !trimmed.localizedCaseInsensitiveContains("<!DOCTYPE"), !trimmed.localizedCaseInsensitiveContains("<!ENTITY") else {
            throw rules.invalid("metadata_xml", "must not contain a DTD")
        }
        guard trimmed.contains("EntityDescriptor"), trimmed.contains("IDPSSODescriptor") else {
            throw rules.invalid("metadata_xml", "must be SAML IdP metadata (an EntityDescriptor with an IDPSSODescriptor)")
        }
        return trimmed
    }

    /// The SP request-signing key and its certificate: both or neither; the key a PEM RSA key
    /// of 2048 bits or more, the certificate one that holds its public half. Messages never
    /// repeat key material.
    private func spSigning(key: Secret?, certificate: String?) throws(SsoError) -> (Secret?, String?) {
        switch (key, certificate) {
        case (nil, nil):
            return (nil, nil)
        case (nil, .some):
            throw rules.invalid("sp_signing_key_pem", "is required with sp_signing_certificate_pem")
        case (.some, nil):
            throw rules.invalid("sp_signing_certificate_pem", "is required with sp_signing_key_pem")
        case (.some(let key), .some(let certificate)):
            let secret = try rules.secret(key, "sp_signing_key_pem")
            let signingKey: SAMLRequestSigningKey
            do {
                signingKey = try secret.withUnsafeValue { try SAMLRequestSigningKey(pem: $0) }
            } catch {
                throw rules.invalid("sp_signing_key_pem", "must be a PEM RSA private key of at least 2048 bits")
            }
            let pem = try rules.multilineText(certificate, "sp_signing_certificate_pem", maxBytes: 65536)
            let parsed: SAMLCertificate
            do {
                parsed = try SAMLCertificate(pem: pem)
            } catch {
                throw rules.invalid("sp_signing_certificate_pem", "must be a PEM X.509 certificate", underlying: error)
            }
            guard signingKey.matches(parsed) else {
                throw rules.invalid(
                    "sp_signing_certificate_pem", "does not certify the public key of sp_signing_key_pem")
            }
            return (secret, pem)
        }
    }

    func refuseSAMLFields(_ p: CreateSsoConnectionParams, for proto: SsoProtocol) throws(SsoError) {
        try rules.absent(p.metadataURL != nil, "metadata_url", for: proto)
        try rules.absent(p.metadataXML != nil, "metadata_xml", for: proto)
        try rules.absent(p.assertionConsumerServiceURL != nil, "assertion_consumer_service_url", for: proto)
        try rules.absent(p.entityID != nil, "entity_id", for: proto)
        try rules.absent(p.attributeMapping != nil, "attribute_mapping", for: proto)
        try rules.absent(p.allowUnsolicited != nil, "allow_unsolicited", for: proto)
        try rules.absent(p.spSigningKeyPEM != nil, "sp_signing_key_pem", for: proto)
        try rules.absent(p.spSigningCertificatePEM != nil, "sp_signing_certificate_pem", for: proto)
    }
}
