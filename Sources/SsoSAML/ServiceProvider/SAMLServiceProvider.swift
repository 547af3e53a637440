import SsoCore

/// This application's settings as a SAML service provider: what its metadata declares and what
/// its AuthnRequests carry.
public struct SAMLServiceProvider: Sendable, Hashable {
    /// The SP entity id: the `Issuer` of AuthnRequests and the audience responses must name.
    public let entityID: String
    /// The Assertion Consumer Service URL (HTTP-POST binding), where the IdP posts responses.
    public let acsURL: String
    /// The `NameID` format to request and declare, if any.
    public let nameIDFormat: String?
    /// The certificate of the key that signs AuthnRequests, if requests are signed.
    public let signingCertificate: SAMLCertificate?
    /// The certificate IdPs encrypt assertions to, if encrypted assertions are wanted.
    public let encryptionCertificate: SAMLCertificate?
    /// The Single Logout endpoint (HTTP-Redirect), if any.
    public let singleLogoutURL: String?

    /// Creates the settings, checking them.
    ///
    /// - Throws: `saml.request.invalid_setting` for an empty or over-long entity id, a relative
    ///   or non-https URL (plain `http` is allowed only for loopback hosts), or characters XML
    ///   cannot carry.
    public init(
        entityID: String,
        acsURL: String,
        nameIDFormat: String? = nil,
        signingCertificate: SAMLCertificate? = nil,
        encryptionCertificate: SAMLCertificate? = nil,
        singleLogoutURL: String? = nil
    ) throws(SsoError) {
        try SAMLXMLEscaping.checkSetting(entityID, name: "the SP entity id")
        try SAMLXMLEscaping.checkURL(acsURL, name: "the ACS URL")
        if let nameIDFormat { try SAMLXMLEscaping.checkSetting(nameIDFormat, name: "the NameID format") }
        if let singleLogoutURL { try SAMLXMLEscaping.checkURL(singleLogoutURL, name: "the Single Logout URL") }
        self.entityID = entityID
        self.acsURL = acsURL
        self.nameIDFormat = nameIDFormat
        self.signingCertificate = signingCertificate
        self.encryptionCertificate = encryptionCertificate
        self.singleLogoutURL = singleLogoutURL
    }

    /// A new AuthnRequest to the IdP's `SingleSignOnService` for `binding` (default HTTP-Redirect).
    ///
    /// Keep ``AuthnRequest/id`` (single use, short TTL) to check the response's `InResponseTo`.
    /// - Throws: `saml.request.no_endpoint` when the metadata has no endpoint for `binding`.
    public func makeAuthnRequest(
        to idp: IdPMetadata,
        binding: String = SAMLBinding.httpRedirect,
        clock: any SsoClock,
        random: any RandomSource,
        options: AuthnRequest.Options = AuthnRequest.Options()
    ) throws(SsoError) -> AuthnRequest {
        guard let endpoint = idp.ssoService(binding: binding) else {
            throw SsoError(.samlRequestNoEndpoint, "the IdP \(idp.entityID) has no SingleSignOnService for \(binding)")
        }
        return try AuthnRequest(
            serviceProvider: self, destination: endpoint.location, clock: clock, random: random, options: options
        )
    }
}
