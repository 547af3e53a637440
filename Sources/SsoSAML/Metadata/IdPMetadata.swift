import Foundation
import SsoCore

/// What this SP needs to know about a SAML 2.0 identity provider, read from its metadata.
///
/// Created only by ``parse(_:entityID:now:options:)`` (or ``IdPMetadataFetcher``): metadata is
/// untrusted input and is read through the hardened XML parser.
public struct IdPMetadata: Sendable, Hashable {
    /// The IdP's entity id: the `Issuer` its responses must carry.
    public let entityID: String
    /// `SingleSignOnService` endpoints, in document order.
    public let ssoServices: [SAMLEndpoint]
    /// `SingleLogoutService` endpoints, in document order.
    public let sloServices: [SAMLEndpoint]
    /// The `NameIDFormat`s the IdP declares.
    public let nameIDFormats: [String]
    /// Certificates of `KeyDescriptor`s with `use="signing"` or no `use`. Every one of them is a
    /// trust anchor (several are normal during a key rollover).
    public let signingCertificates: [SAMLCertificate]
    /// Certificates of `KeyDescriptor`s with `use="encryption"` or no `use`.
    public let encryptionCertificates: [SAMLCertificate]
    /// The IdP's `WantAuthnRequestsSigned` (default `false`).
    public let wantAuthnRequestsSigned: Bool
    /// The earliest `validUntil` of the entity, its parents and its IdP descriptor, if any.
    public let validUntil: Date?
    /// The smallest `cacheDuration` of the entity, its parents and its IdP descriptor, in seconds.
    public let cacheDuration: TimeInterval?

    /// How metadata is read.
    public struct ParseOptions: Sendable {
        /// Size and depth limits of the XML. Default: 1 MiB, depth 64.
        public var limits: SAMLXMLLimits
        /// Refuse metadata without any signing certificate (`saml.metadata.no_signing_certificate`).
        /// Default `true`: such an IdP's responses could never be verified.
        public var requireSigningCertificate: Bool
        /// Accept metadata whose `validUntil` has passed. Default `false`.
        public var unsafeIgnoreValidUntil: Bool
        /// Pinned certificates the metadata must be signed with (enveloped signature on the root
        /// element, verified by xmlsec; only the signed content is then read). Empty (the
        /// default): the metadata's own signature is not checked, so it must come from a trusted
        /// channel (inline configuration, or `https`).
        public var signingCertificates: [SAMLCertificate]

        /// Options with the defaults given on each property: 1 MiB and depth 64, a signing
        /// certificate required, `validUntil` enforced, no metadata signature checked.
        public init(
            limits: SAMLXMLLimits = SAMLXMLLimits(maxBytes: 1024 * 1024, maxDepth: 64),
            requireSigningCertificate: Bool = true,
            unsafeIgnoreValidUntil: Bool = false,
            signingCertificates: [SAMLCertificate] = []
        ) {
            self.limits = limits
            self.requireSigningCertificate = requireSigningCertificate
            self.unsafeIgnoreValidUntil = unsafeIgnoreValidUntil
            self.signingCertificates = signingCertificates
        }
    }

    init(
        entityID: String, ssoServices: [SAMLEndpoint], sloServices: [SAMLEndpoint], nameIDFormats: [String],
        signingCertificates: [SAMLCertificate], encryptionCertificates: [SAMLCertificate],
        wantAuthnRequestsSigned: Bool, validUntil: Date?, cacheDuration: TimeInterval?
    ) {
        self.entityID = entityID
        self.ssoServices = ssoServices
        self.sloServices = sloServices
        self.nameIDFormats = nameIDFormats
        self.signingCertificates = signingCertificates
        self.encryptionCertificates = encryptionCertificates
        self.wantAuthnRequestsSigned = wantAuthnRequestsSigned
        self.validUntil = validUntil
        self.cacheDuration = cacheDuration
    }

    /// Parses metadata given as text (a connection's `metadata_xml`); see
    /// ``parse(_:entityID:now:options:)``.
    public static func parse(
        xml: String, entityID: String? = nil, now: Date, options: ParseOptions = ParseOptions()
    ) throws(SsoError) -> IdPMetadata {
        try parse(Array(xml.utf8), entityID: entityID, now: now, options: options)
    }

    /// The first `SingleSignOnService` with `binding`, if any.
    public func ssoService(binding: String) -> SAMLEndpoint? {
        ssoServices.first { $0.binding.bytesEqual(binding) }
    }

    /// The first `SingleLogoutService` with `binding`, if any.
    public func sloService(binding: String) -> SAMLEndpoint? {
        sloServices.first { $0.binding.bytesEqual(binding) }
    }

    /// When cached metadata should be refreshed: `fetchedAt + cacheDuration`, capped by
    /// `validUntil`; `nil` when the metadata states neither.
    public func refreshDate(fetchedAt: Date) -> Date? {
        let byDuration = cacheDuration.map { fetchedAt.addingTimeInterval($0) }
        switch (byDuration, validUntil) {
        case let (duration?, until?): return min(duration, until)
        case let (duration?, nil): return duration
        case let (nil, until?): return until
        case (nil, nil): return nil
        }
    }
}
