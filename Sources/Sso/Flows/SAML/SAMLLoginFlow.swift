import Foundation
import SsoSAML

/// SP-initiated and IdP-initiated SAML logins of one connection: the AuthnRequest redirect at
/// the start, and at the callback the response validated by SsoSAML against the connection's
/// IdP metadata, the AuthnRequest it answers (`InResponseTo`) and the engine's replay cache.
struct SAMLLoginFlow: Sendable {
    let context: ConnectionContext
    let settings: SAMLConnectionSettings

    /// The flow of `context`'s connection.
    /// - Throws: `login.protocol_mismatch` with `mismatch` when the connection is not SAML.
    init(_ context: ConnectionContext, mismatch: String) throws(SsoError) {
        guard case .saml(let settings) = context.record.settings else {
            throw SsoError(.loginProtocolMismatch, mismatch)
        }
        self.context = context
        self.settings = settings
    }

    var metadataLoader: SAMLMetadataLoader { SAMLMetadataLoader(context: context, settings: settings) }

    /// The IdP's HTTP-Redirect URL with a new AuthnRequest, whose ID is stored (for
    /// `InResponseTo`) under the random RelayState the URL carries. The query is signed when
    /// the connection has an SP signing key; an IdP that wants signed requests gets no unsigned one.
    /// - Throws: `connection.signing_key_required`, `saml.*`, `http.*`, `store.*`.
    func start() async throws(SsoError) -> String {
        let metadata = try await metadataLoader.metadata()
        let signingKey = try SAMLRequestSigningKey(connectionSettings: settings)
        guard signingKey != nil || !metadata.wantAuthnRequestsSigned else {
            throw SsoError(
                .connectionSigningKeyRequired,
                "the IdP wants signed AuthnRequests (WantAuthnRequestsSigned); the connection has no sp_signing_key_pem"
            )
        }
        let organization = context.organization
        let relayState = organization.newLoginKey()
        let login = try SAMLServiceProvider(connectionSettings: settings).redirectLogin(
            to: metadata, relayState: relayState, clock: context.engine.clock, random: context.engine.random,
            signingKey: signingKey)
        let pending = SsoPendingLogin(
            organizationID: organization.id, connectionID: context.id,
            protocolState: .saml(requestID: login.request.id),
            createdAt: organization.now)
        try await organization.savePendingLogin(pending, key: relayState)
        return login.url
    }

    /// Validates `samlResponse`. `expectedRequestID` is the taken AuthnRequest ID; `nil` means
    /// IdP-initiated, which SsoSAML accepts only when the connection allows unsolicited
    /// responses and the response carries no `InResponseTo`. The replay cache applies either way.
    /// - Throws: `saml.*`, `http.*`.
    func verify(samlResponse: String, expectedRequestID: String?) async throws(SsoError) -> VerifiedLogin {
        let metadata = try await metadataLoader.metadata()
        let engine = context.engine
        let validator = SAMLResponseValidator(
            configuration: .init(
                idpEntityID: metadata.entityID, idpSigningKeys: try SAMLSigningKeySet(metadata: metadata),
                spEntityID: settings.entityID, acsURL: settings.assertionConsumerServiceURL,
                policy: SAMLValidationPolicy(
                    unsafeAllowUnsolicited: expectedRequestID == nil && settings.allowUnsolicited)),
            replayCache: engine.stores.replayCache, clock: engine.clock)
        let assertion = try await validator.validate(samlResponse, expectedRequestID: expectedRequestID)
        let identity = SAMLAttributeMapping(overrides: settings.attributeMapping)
            .identity(of: assertion, connectionID: context.id)
        return VerifiedLogin(
            identity: identity, issuer: metadata.entityID, sessionNotOnOrAfter: assertion.sessionNotOnOrAfter)
    }
}
