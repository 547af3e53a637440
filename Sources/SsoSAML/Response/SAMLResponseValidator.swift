import Foundation
import SsoCore

/// Validates SAML 2.0 Web SSO Responses (HTTP-POST binding) for one IdP connection.
///
/// The pipeline: strict base64 → hardened XML → wrapping rules on the whole document → every
/// present signature verified by xmlsec with the configured IdP certificates only → the values are
/// then read **only from the re-parsed bytes each signature covered** → decryption of an
/// `EncryptedAssertion` (which must then carry its own signature unless the Response is signed; under
/// an unsigned Response every failure up to that signature is the uniform `saml.decryption.failed`) →
/// protocol checks (status, destination, issuer, `InResponseTo`, bearer confirmation, conditions,
/// audience, issue instant) → the replay cache.
public struct SAMLResponseValidator: Sendable {
    /// What the validator checks against.
    public struct Configuration: Sendable {
        /// The IdP entity id (metadata `entityID`); every `Issuer` must equal it.
        public var idpEntityID: String
        /// The IdP signing certificates (all of them during a rollover).
        public var idpSigningKeys: SAMLSigningKeySet
        /// This SP's entity id; the assertion's `AudienceRestriction` must contain it.
        public var spEntityID: String
        /// This SP's Assertion Consumer Service URL: `Destination` and bearer `Recipient`.
        public var acsURL: String
        /// The SP private key for encrypted assertions, if the SP accepts them.
        public var decryptionKey: SAMLDecryptionKey?
        /// The validation rules.
        public var policy: SAMLValidationPolicy

        /// Creates a configuration; the policy defaults to the safe rules.
        public init(
            idpEntityID: String, idpSigningKeys: SAMLSigningKeySet, spEntityID: String, acsURL: String,
            decryptionKey: SAMLDecryptionKey? = nil, policy: SAMLValidationPolicy = SAMLValidationPolicy()
        ) {
            self.idpEntityID = idpEntityID
            self.idpSigningKeys = idpSigningKeys
            self.spEntityID = spEntityID
            self.acsURL = acsURL
            self.decryptionKey = decryptionKey
            self.policy = policy
        }
    }

    /// The configuration this validator checks against.
    public let configuration: Configuration
    private let replayCache: any ReplayCache
    private let clock: any SsoClock

    /// Creates a validator. Share one `replayCache` between all validators of a server (and across
    /// instances, with a shared store), or a replayed assertion is accepted again elsewhere.
    public init(configuration: Configuration, replayCache: any ReplayCache, clock: any SsoClock = SystemClock()) {
        self.configuration = configuration
        self.replayCache = replayCache
        self.clock = clock
    }

    /// Validates `response` — the `SAMLResponse` form field (base64, line breaks allowed) or raw
    /// XML bytes. `expectedRequestID` is the ID of the AuthnRequest this SP sent (taken from its
    /// single-use store); `nil` means IdP-initiated, accepted only with `policy.unsafeAllowUnsolicited`
    /// and only when the response carries no `InResponseTo`.
    public func validate(_ response: [UInt8], expectedRequestID: String?) async throws(SsoError) -> SAMLAssertionResult
    {
        let now = clock.now
        let checked = try SAMLResponseCheck(configuration: configuration, now: now).run(
            response, expectedRequestID: expectedRequestID)
        let inserted: Bool
        do {
            inserted = try await replayCache.insertIfAbsent(
                "saml:" + configuration.idpEntityID + "#" + checked.result.assertionID,
                expiresAt: checked.replayUntil, now: now)
        } catch let error as SsoError {
            throw error
        } catch {
            throw SsoError(.samlReplay, "the replay cache failed; the assertion is refused", underlying: error)
        }
        guard inserted else {
            throw SsoError(.samlReplay, "the assertion \(checked.result.assertionID) was already used")
        }
        return checked.result
    }

    /// Validates the text of the `SAMLResponse` form field (base64) or raw XML.
    public func validate(_ response: String, expectedRequestID: String?) async throws(SsoError) -> SAMLAssertionResult {
        try await validate(Array(response.utf8), expectedRequestID: expectedRequestID)
    }
}
