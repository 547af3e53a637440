import Foundation

/// A SAML assertion that passed every check. There is no public initializer: the only way to
/// obtain one is a successful ``SAMLResponseValidator/validate(_:expectedRequestID:)-([UInt8],_)``.
public struct SAMLAssertionResult: Sendable, Hashable {
    /// The IdP entity id (the Assertion's `Issuer`).
    public let issuer: String
    /// The subject's `NameID` value (decrypted when it was an `EncryptedID`).
    public let nameID: String
    /// The `NameID` `Format`, when given.
    public let nameIDFormat: String?
    /// The `NameID` `NameQualifier`, when given.
    public let nameQualifier: String?
    /// The `NameID` `SPNameQualifier`, when given.
    public let spNameQualifier: String?
    /// The first `AuthnStatement`'s `SessionIndex` (needed for single logout), when given.
    public let sessionIndex: String?
    /// The first `AuthnStatement`'s `AuthnInstant`.
    public let authnInstant: Date?
    /// The authentication context class, when given.
    public let authnContextClassRef: String?
    /// `SessionNotOnOrAfter`: the IdP's upper bound for the SP session, when given.
    public let sessionNotOnOrAfter: Date?
    /// The assertion's expiry: `Conditions` `NotOnOrAfter`, or the bearer confirmation's when
    /// `Conditions` has none.
    public let notOnOrAfter: Date
    /// The Assertion `ID` (recorded in the replay cache).
    public let assertionID: String
    /// The Response `ID`.
    public let responseID: String?
    /// The `InResponseTo` the response answered, when solicited.
    public let inResponseTo: String?
    /// Every attribute by `Name`, multi-valued, in document order.
    public let attributes: [String: [String]]
    /// Whether the Response carried a valid signature.
    public let responseWasSigned: Bool
    /// Whether the Assertion itself carried a valid signature.
    public let assertionWasSigned: Bool
    /// Whether the Assertion arrived encrypted.
    public let assertionWasEncrypted: Bool

    init(
        issuer: String, nameID: String, nameIDFormat: String?, nameQualifier: String?, spNameQualifier: String?,
        sessionIndex: String?, authnInstant: Date?, authnContextClassRef: String?, sessionNotOnOrAfter: Date?,
        notOnOrAfter: Date, assertionID: String, responseID: String?, inResponseTo: String?,
        attributes: [String: [String]], responseWasSigned: Bool, assertionWasSigned: Bool, assertionWasEncrypted: Bool
    ) {
        self.issuer = issuer
        self.nameID = nameID
        self.nameIDFormat = nameIDFormat
        self.nameQualifier = nameQualifier
        self.spNameQualifier = spNameQualifier
        self.sessionIndex = sessionIndex
        self.authnInstant = authnInstant
        self.authnContextClassRef = authnContextClassRef
        self.sessionNotOnOrAfter = sessionNotOnOrAfter
        self.notOnOrAfter = notOnOrAfter
        self.assertionID = assertionID
        self.responseID = responseID
        self.inResponseTo = inResponseTo
        self.attributes = attributes
        self.responseWasSigned = responseWasSigned
        self.assertionWasSigned = assertionWasSigned
        self.assertionWasEncrypted = assertionWasEncrypted
    }
}
