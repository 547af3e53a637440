/// Changes to a SAML connection's settings: `nil` fields stay as they are.
///
/// A new `metadata` replaces the stored one, whether URL or document. The request-signing key
/// and certificate combine with the stored other half (the result is checked as a pair); empty
/// values for both remove request signing.
public struct SAMLSettingsPatch: Sendable {
    var metadata: SAMLMetadataSource?
    var assertionConsumerServiceURL: String?
    var entityID: String?
    var attributeMapping: [String: String]?
    var allowUnsolicited: Bool?
    /// Replaces the SP request-signing key (write-only); `""` (with an empty certificate) removes signing.
    var requestSigningKey: Secret?
    /// Replaces the certificate of the request-signing key; `""` (with an empty key) removes signing.
    var requestSigningCertificatePEM: String?

    /// A patch of the given fields.
    public init(
        metadata: SAMLMetadataSource? = nil, assertionConsumerServiceURL: String? = nil, entityID: String? = nil,
        attributeMapping: [String: String]? = nil, allowUnsolicited: Bool? = nil, requestSigningKey: Secret? = nil,
        requestSigningCertificatePEM: String? = nil
    ) {
        self.metadata = metadata
        self.assertionConsumerServiceURL = assertionConsumerServiceURL
        self.entityID = entityID
        self.attributeMapping = attributeMapping
        self.allowUnsolicited = allowUnsolicited
        self.requestSigningKey = requestSigningKey
        self.requestSigningCertificatePEM = requestSigningCertificatePEM
    }

    /// The JSON names of the fields this patch sets, in the reference's order.
    var fieldNames: [String] {
        var names: [String] = []
        switch metadata {
        case .url: names.append("metadata_url")
        case .xml: names.append("metadata_xml")
        case nil: break
        }
        let rest: [(Bool, String)] = [
            (assertionConsumerServiceURL != nil, "assertion_consumer_service_url"), (entityID != nil, "entity_id"),
            (attributeMapping != nil, "attribute_mapping"), (allowUnsolicited != nil, "allow_unsolicited"),
            (requestSigningKey != nil, "sp_signing_key_pem"),
            (requestSigningCertificatePEM != nil, "sp_signing_certificate_pem"),
        ]
        return names + rest.filter(\.0).map(\.1)
    }

    /// `settings` with every set field of this patch applied.
    /// - Throws: `connection.invalid_params` when the key or the certificate would be left without the other.
    func applied(to settings: SAMLConnectionSettings) throws(SsoError) -> SAMLConnectionSettings {
        var s = settings
        if let metadata { s.metadata = metadata }
        if let assertionConsumerServiceURL { s.assertionConsumerServiceURL = assertionConsumerServiceURL }
        if let entityID { s.entityID = entityID }
        if let attributeMapping { s.attributeMapping = attributeMapping }
        if let allowUnsolicited { s.allowUnsolicited = allowUnsolicited }
        if requestSigningKey != nil || requestSigningCertificatePEM != nil {
            var key = settings.requestSigning?.key
            var certificate = settings.requestSigning?.certificatePEM
            if let requestSigningKey { key = requestSigningKey.isEmpty ? nil : requestSigningKey }
            if let requestSigningCertificatePEM {
                certificate = requestSigningCertificatePEM.isEmpty ? nil : requestSigningCertificatePEM
            }
            s.requestSigning = try SAMLRequestSigning.pair(key: key, certificatePEM: certificate)
        }
        return s
    }
}

extension SAMLRequestSigning {
    /// Request signing from the flat pair of fields: both or neither.
    /// - Throws: `connection.invalid_params` naming the missing half.
    static func pair(key: Secret?, certificatePEM: String?) throws(SsoError) -> SAMLRequestSigning? {
        let rules = FieldRules(code: .connectionInvalidParams)
        switch (key, certificatePEM) {
        case (nil, nil): return nil
        case (nil, .some): throw rules.invalid("sp_signing_key_pem", "is required with sp_signing_certificate_pem")
        case (.some, nil): throw rules.invalid("sp_signing_certificate_pem", "is required with sp_signing_key_pem")
        case (.some(let key), .some(let certificate)): return SAMLRequestSigning(key: key, certificatePEM: certificate)
        }
    }
}
