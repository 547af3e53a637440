import SsoCore

// The stable error codes of IdP metadata, certificates and the SP side (AuthnRequest, bindings,
// SP metadata). Codes never change once released.
extension SsoError.Code {
    // MARK: Certificates

    /// The certificate is not a well-formed DER/PEM/base64 X.509 certificate.
    public static let samlCertificateMalformed: Self = "saml.certificate.malformed"
    /// The certificate's RSA key is under 1024 bits: refused outright, whatever the policy.
    public static let samlCertificateKeyTooSmall: Self = "saml.certificate.key_too_small"
    /// The certificate's public key algorithm is not RSA, EC (P-256/384/521) or Ed25519.
    public static let samlCertificateUnsupportedKey: Self = "saml.certificate.unsupported_key"

    // MARK: IdP metadata

    /// The metadata is not a SAML 2.0 `EntityDescriptor`/`EntitiesDescriptor`, or a required
    /// part is missing or invalid (entity id, endpoint, `KeyDescriptor`, time, duration).
    public static let samlMetadataMalformed: Self = "saml.metadata.malformed"
    /// No `EntityDescriptor` with the requested entity id (or with an IdP role) is in the metadata.
    public static let samlMetadataEntityNotFound: Self = "saml.metadata.entity_not_found"
    /// An `EntitiesDescriptor` holds several identity providers and no entity id was given.
    public static let samlMetadataEntityAmbiguous: Self = "saml.metadata.entity_ambiguous"
    /// The entity has no `IDPSSODescriptor` supporting the SAML 2.0 protocol (or several).
    public static let samlMetadataNoIdPDescriptor: Self = "saml.metadata.no_idp_descriptor"
    /// The IdP descriptor has no `SingleSignOnService` endpoint.
    public static let samlMetadataNoSSOService: Self = "saml.metadata.no_sso_service"
    /// The IdP descriptor has no signing certificate, so no response could ever be verified.
    public static let samlMetadataNoSigningCertificate: Self = "saml.metadata.no_signing_certificate"
    /// The metadata's `validUntil` has passed.
    public static let samlMetadataExpired: Self = "saml.metadata.expired"
    /// The metadata URL is not `https` (plain `http` is allowed only for loopback hosts) or is invalid.
    public static let samlMetadataURLNotAllowed: Self = "saml.metadata.url_not_allowed"
    /// The metadata server answered with a status other than 200.
    public static let samlMetadataFetchFailed: Self = "saml.metadata.fetch_failed"
    /// Metadata signature verification was required and the metadata is not signed.
    public static let samlMetadataSignatureMissing: Self = "saml.metadata.signature_missing"
    /// Metadata signature verification was required and the signature does not verify.
    public static let samlMetadataSignatureInvalid: Self = "saml.metadata.signature_invalid"

    // MARK: SP side

    /// A service-provider setting is invalid (empty entity id, relative or non-https URL,
    /// characters XML cannot carry).
    public static let samlRequestInvalidSetting: Self = "saml.request.invalid_setting"
    /// `RelayState` is longer than the 80 bytes the bindings specification allows.
    public static let samlRequestRelayStateTooLong: Self = "saml.request.relay_state_too_long"
    /// The IdP metadata has no `SingleSignOnService` for the requested binding.
    public static let samlRequestNoEndpoint: Self = "saml.request.no_endpoint"
    /// Compressing or signing the request failed.
    public static let samlRequestEncodingFailed: Self = "saml.request.encoding_failed"
}
