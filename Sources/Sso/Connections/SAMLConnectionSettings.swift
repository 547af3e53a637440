/// The settings of a SAML connection (this application is the service provider).
///
/// `Codable` in the stored form (the reference's snake_case keys); `sp_signing_key_pem` encodes
/// as `<redacted>` unless the encoder's `userInfo[.ssoIncludeSecrets]` is `true`.
public struct SAMLConnectionSettings: Sendable, Equatable {
    /// The IdP metadata: a URL or the document itself.
    public var metadata: SAMLMetadataSource
    /// The assertion consumer service URL of this service provider.
    public var assertionConsumerServiceURL: String
    /// The entity id of this service provider.
    public var entityID: String
    /// User field → attribute name (`email`, `name`, `groups`, …).
    public var attributeMapping: [String: String]
    /// Whether IdP-initiated responses (no `InResponseTo`) are accepted.
    public var allowUnsolicited: Bool
    /// The SP key and certificate AuthnRequests are signed with; needed when the IdP metadata
    /// sets `WantAuthnRequestsSigned`.
    public var requestSigning: SAMLRequestSigning?

    /// SAML settings.
    public init(
        metadata: SAMLMetadataSource, assertionConsumerServiceURL: String, entityID: String,
        attributeMapping: [String: String] = [:], allowUnsolicited: Bool = false,
        requestSigning: SAMLRequestSigning? = nil
    ) {
        self.metadata = metadata
        self.assertionConsumerServiceURL = assertionConsumerServiceURL
        self.entityID = entityID
        self.attributeMapping = attributeMapping
        self.allowUnsolicited = allowUnsolicited
        self.requestSigning = requestSigning
    }
}

extension SAMLConnectionSettings: Codable {
    public init(from decoder: any Decoder) throws {
        self = try ReferenceConnectionJSON(from: decoder).samlSettings()
    }

    public func encode(to encoder: any Encoder) throws {
        try ReferenceConnectionJSON(settings: .saml(self), form: .stored).encode(to: encoder)
    }
}
