import Foundation

/// The rules of SAML Response validation. The defaults are the safe ones; every option that
/// weakens a check is named `unsafe…`, so it is visible at the call site.
public struct SAMLValidationPolicy: Sendable, Hashable {
    /// Tolerated clock difference with the IdP for every time check. Default 120 s.
    public var clockSkew: TimeInterval
    /// How old the Response/Assertion `IssueInstant` may be. Default 600 s (plus the skew).
    public var maxIssueInstantAge: TimeInterval
    /// Smallest accepted RSA key of the IdP, in bits. Default 2048.
    public var minRSAKeyBits: Int
    /// Accept SHA-1 signature and digest methods (collision-prone). Default `false`.
    public var unsafeAllowSHA1: Bool
    /// Accept IdP-initiated (unsolicited) responses, which carry no `InResponseTo`: nothing then
    /// binds the response to a login this SP started (login CSRF, a stolen response posted
    /// elsewhere), and only the replay cache stops a second use. Default `false`.
    public var unsafeAllowUnsolicited: Bool
    /// Require the Assertion itself to be signed (a signed Response alone is not enough). Default `false`.
    public var requireSignedAssertion: Bool
    /// Require the Response to be signed. Default `false`.
    public var requireSignedResponse: Bool
    /// Reject when no configured IdP certificate is within its validity period. Default `false`:
    /// metadata certificates are trust anchors and IdPs roll them late.
    public var enforceCertificateValidity: Bool
    /// Accept RSA PKCS#1 v1.5 key transport for encrypted assertions (padding-oracle prone). Default `false`.
    public var unsafeAllowRSA15KeyTransport: Bool
    /// Size and depth limits of the XML.
    public var limits: SAMLXMLLimits

    /// Creates a policy; every argument defaults to the safe value.
    public init(
        clockSkew: TimeInterval = 120,
        maxIssueInstantAge: TimeInterval = 600,
        minRSAKeyBits: Int = 2048,
        unsafeAllowSHA1: Bool = false,
        unsafeAllowUnsolicited: Bool = false,
        requireSignedAssertion: Bool = false,
        requireSignedResponse: Bool = false,
        enforceCertificateValidity: Bool = false,
        unsafeAllowRSA15KeyTransport: Bool = false,
        limits: SAMLXMLLimits = SAMLXMLLimits()
    ) {
        self.clockSkew = clockSkew
        self.maxIssueInstantAge = maxIssueInstantAge
        self.minRSAKeyBits = minRSAKeyBits
        self.unsafeAllowSHA1 = unsafeAllowSHA1
        self.unsafeAllowUnsolicited = unsafeAllowUnsolicited
        self.requireSignedAssertion = requireSignedAssertion
        self.requireSignedResponse = requireSignedResponse
        self.enforceCertificateValidity = enforceCertificateValidity
        self.unsafeAllowRSA15KeyTransport = unsafeAllowRSA15KeyTransport
        self.limits = limits
    }
}
