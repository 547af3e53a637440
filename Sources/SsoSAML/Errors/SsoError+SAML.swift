import SsoCore

// The stable error codes of SAML Response validation. Each rule has its own code; the error-code
// reference (scripts/docs) is generated from these comments. Codes never change once released.
extension SsoError.Code {
    // MARK: XML and input

    /// The input is neither XML nor strict base64 of XML.
    public static let samlInputInvalid: Self = "saml.input.invalid"
    /// The XML has a DOCTYPE (entities, XXE, billion laughs): refused before anything is expanded.
    public static let samlXMLDoctype: Self = "saml.xml.doctype"
    /// The XML is larger than the configured limit.
    public static let samlXMLTooLarge: Self = "saml.xml.too_large"
    /// The XML nests elements deeper than the configured limit.
    public static let samlXMLTooDeep: Self = "saml.xml.too_deep"
    /// The input is not well-formed, namespace-valid XML.
    public static let samlXMLMalformed: Self = "saml.xml.malformed"

    // MARK: Structure

    /// The root element is not a SAML 2.0 protocol `Response`.
    public static let samlStructureNotAResponse: Self = "saml.structure.not_a_response"
    /// `Version` is not `2.0`.
    public static let samlStructureVersion: Self = "saml.structure.version"
    /// A required element or attribute is missing or empty.
    public static let samlStructureMissingElement: Self = "saml.structure.missing_element"
    /// An element occurs more often than the schema allows, or where it must not.
    public static let samlStructureUnexpectedElement: Self = "saml.structure.unexpected_element"
    /// Not exactly one `Assertion`/`EncryptedAssertion` as a direct child of the Response, or an
    /// assertion somewhere else (`Advice`, extensions, wrapping).
    public static let samlStructureAssertionCount: Self = "saml.structure.assertion_count"
    /// Two elements carry the same `ID` (in the Response, in a decrypted Assertion, or among the
    /// elements registered as signature targets), or the document uses `xml:id` at all (refused
    /// by the parser: libxml2 would register it as an ID, and SAML never uses it).
    public static let samlStructureDuplicateID: Self = "saml.structure.duplicate_id"
    /// A timestamp is not a valid UTC `xs:dateTime`.
    public static let samlStructureInvalidTime: Self = "saml.structure.invalid_time"

    // MARK: Signature

    /// Neither the Response nor the Assertion is signed (or a signature the policy requires is missing).
    public static let samlSignatureMissing: Self = "saml.signature.missing"
    /// The signature does not verify with any of the configured IdP certificates.
    public static let samlSignatureInvalid: Self = "saml.signature.invalid"
    /// A signature, digest, canonicalisation or transform algorithm is not allowed by policy.
    public static let samlSignatureAlgorithmNotAllowed: Self = "saml.signature.algorithm_not_allowed"
    /// The IdP key is smaller than the policy's minimum (RSA) or of an unsupported kind.
    public static let samlSignatureKeyTooSmall: Self = "saml.signature.key_too_small"
    /// The signature's shape or reference is not the one allowed (wrapping defence): not exactly
    /// one SignedInfo/Reference, URI not `#` + the parent's ID, misplaced signature, RetrievalMethod.
    public static let samlSignatureReferenceInvalid: Self = "saml.signature.reference_invalid"
    /// No usable IdP signing certificate is configured.
    public static let samlSignatureNoTrustedKey: Self = "saml.signature.no_trusted_key"
    /// A configured IdP certificate has expired or is not yet valid (only when the policy enforces it).
    public static let samlSignatureCertificateExpired: Self = "saml.signature.certificate_expired"

    // MARK: Protocol

    /// The top-level StatusCode is not Success; the message carries the status.
    public static let samlStatusNotSuccess: Self = "saml.status.not_success"
    /// The Response `Destination` is not the ACS URL.
    public static let samlDestinationMismatch: Self = "saml.destination.mismatch"
    /// A signed Response has no `Destination`.
    public static let samlDestinationMissing: Self = "saml.destination.missing"
    /// An `Issuer` is not the IdP's entity id (or the Assertion has none).
    public static let samlIssuerMismatch: Self = "saml.issuer.mismatch"
    /// `InResponseTo` does not match the AuthnRequest this SP sent (or an unsolicited response carries one).
    public static let samlInResponseToMismatch: Self = "saml.in_response_to.mismatch"
    /// An unsolicited (IdP-initiated) response, and the connection does not allow them.
    public static let samlUnsolicited: Self = "saml.unsolicited"
    /// No bearer `SubjectConfirmation`.
    public static let samlSubjectConfirmationMissing: Self = "saml.subject_confirmation.missing"
    /// The bearer confirmation's `Recipient` is missing or not the ACS URL.
    public static let samlSubjectConfirmationRecipientMismatch: Self = "saml.subject_confirmation.recipient_mismatch"
    /// The bearer confirmation's `NotOnOrAfter` is missing or has passed.
    public static let samlSubjectConfirmationExpired: Self = "saml.subject_confirmation.expired"
    /// The bearer confirmation's `NotBefore` is in the future.
    public static let samlSubjectConfirmationNotYetValid: Self = "saml.subject_confirmation.not_yet_valid"
    /// `Subject` has no non-empty `NameID`.
    public static let samlSubjectMissingNameID: Self = "saml.subject.missing_name_id"
    /// `Conditions` `NotBefore` is in the future (beyond the skew).
    public static let samlConditionsNotYetValid: Self = "saml.conditions.not_yet_valid"
    /// `Conditions` `NotOnOrAfter` has passed (beyond the skew).
    public static let samlConditionsExpired: Self = "saml.conditions.expired"
    /// `Conditions` holds a condition this SP does not understand (fail closed).
    public static let samlConditionsUnsupported: Self = "saml.conditions.unsupported"
    /// An `AudienceRestriction` does not contain the SP entity id.
    public static let samlAudienceMismatch: Self = "saml.audience.mismatch"
    /// The Assertion has no `AudienceRestriction`.
    public static let samlAudienceMissing: Self = "saml.audience.missing"
    /// `IssueInstant` is older than the policy allows.
    public static let samlIssueInstantTooOld: Self = "saml.issue_instant.too_old"
    /// `IssueInstant` lies in the future (beyond the skew).
    public static let samlIssueInstantInFuture: Self = "saml.issue_instant.in_future"
    /// No `AuthnStatement`.
    public static let samlAuthnStatementMissing: Self = "saml.authn_statement.missing"
    /// The Assertion ID was already accepted and has not expired.
    public static let samlReplay: Self = "saml.replay"

    // MARK: Encryption

    /// An encrypted assertion or NameID could not be decrypted. Deliberately uniform: no detail
    /// about padding, key or algorithm, so the error is no oracle.
    public static let samlDecryptionFailed: Self = "saml.decryption.failed"
    /// The response is encrypted but no SP decryption key is configured.
    public static let samlDecryptionKeyMissing: Self = "saml.decryption.key_missing"
    /// The SP private key could not be loaded.
    public static let samlDecryptionKeyInvalid: Self = "saml.decryption.key_invalid"
}

extension SsoError.Code {
    /// The encrypted content uses a key-transport or content algorithm the policy does not allow.
    public static let samlDecryptionAlgorithmNotAllowed: Self = "saml.decryption.algorithm_not_allowed"
}
