import Foundation

/// The rules of SAML Response validation. The defaults are the safe ones; every relaxation is an
/// `allow…`/`unsafe…` option visible at the call site.
public struct SAMLValidationPolicy: Sendable, Hashable {
    /// Tolerated clock difference with the IdP for every time check. Default 120 s.
    public var clockSkew: TimeInterval
    /// How old the Response/Assertion `IssueInstant` may be. Default 600 s (plus the skew).
    public var maxIssueInstantAge: TimeInterval
    /// Smallest accepted RSA key of the IdP, in bits. Default 2048.
    public var minRSAKeyBits: Int
    /// Accept SHA-1 signature and digest methods. Default `false`.
    public var allowSHA1: Bool
    /// Accept IdP-initiated (unsolicited) responses, which carry no `InResponseTo`. Default `false`.
    public var allowUnsolicited: Bool
    /// Require the Assertion itself to be signed (a signed Response alone is not enough). Default `false`.
    public var requireSignedAssertion: Bool
    /// Require the Response to be signed. Default `false`.
    public var requireSignedResponse: Bool
    /// Reject when no configured IdP certificate is within its validity period. Default `false`:
    /// metadata certificates are trust anchors and IdPs roll them late.
    public var enforceCertificateValidity: Bool
    /// Accept RSA PKCS#1 v1.5 key transport for encrypted assertions (padding-oracle prone). Default `false`.
    public var allowRSA15KeyTransport: Bool
    /// Size and depth limits of the XML.
    public var limits: HardenedXMLParser.Limits

    /// Creates a policy; every argument defaults to the safe value.
    public init(
        clockSkew: TimeInterval = 120,
        maxIssueInstantAge: TimeInterval = 600,
        minRSAKeyBits: Int = 2048,
        allowSHA1: Bool = false,
        allowUnsolicited: Bool = false,
        requireSignedAssertion: Bool = false,
        requireSignedResponse: Bool = false,
        enforceCertificateValidity: Bool = false,
        allowRSA15KeyTransport: Bool = false,
        limits: HardenedXMLParser.Limits = HardenedXMLParser.Limits()
    ) {
        self.clockSkew = clockSkew
        self.maxIssueInstantAge = maxIssueInstantAge
        self.minRSAKeyBits = minRSAKeyBits
        self.allowSHA1 = allowSHA1
        self.allowUnsolicited = allowUnsolicited
        self.requireSignedAssertion = requireSignedAssertion
        self.requireSignedResponse = requireSignedResponse
        self.enforceCertificateValidity = enforceCertificateValidity
        self.allowRSA15KeyTransport = allowRSA15KeyTransport
        self.limits = limits
    }
}
