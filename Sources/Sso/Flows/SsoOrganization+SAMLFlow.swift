import Foundation
import SsoSAML

extension SsoOrganization {
    /// Completes a SAML login (reference: `handle_saml_callback`): the RelayState is taken once
    /// and names the started login; SsoSAML validates the response against the connection's
    /// metadata and that login's AuthnRequest ID (`InResponseTo`), with the engine's shared replay
    /// cache; then the identity is linked or JIT-provisioned and given a session, capped by the
    /// assertion's `SessionNotOnOrAfter`.
    ///
    /// A response without RelayState (IdP-initiated) is refused here; post those to
    /// ``handleSamlCallback(samlResponse:relayState:connectionID:)``.
    /// - Throws: `login.relay_state_missing`, `login.invalid_state`, `login.protocol_mismatch`,
    ///   `saml.*`, `http.*`, `user.*`, `connection.*`, `store.failed`.
    public func handleSamlCallback(samlResponse: String, relayState: String?) async throws(SsoError)
        -> SsoCallbackResponse
    {
        let key = try Self.relayStateKey(relayState)
        let pending = try await takePendingLogin(key: key)
        return try await completeSAMLCallback(samlResponse: samlResponse, pending: pending)
    }

    /// ``handleSamlCallback(samlResponse:relayState:)`` with the reference's parameter object.
    public func handleSamlCallback(_ params: SsoSamlCallbackParams) async throws(SsoError) -> SsoCallbackResponse {
        try await handleSamlCallback(samlResponse: params.samlResponse, relayState: params.relayState)
    }

    static func relayStateKey(_ relayState: String?) throws(SsoError) -> String {
        guard let relayState, !relayState.isEmpty else {
            throw SsoError(
                .loginRelayStateMissing,
                "the SAML response has no RelayState; IdP-initiated responses need the connection's own callback")
        }
        guard relayState.utf8.count <= 512 else {
            throw SsoError(.loginInvalidState, "the login state is unknown, already used or expired")
        }
        return relayState
    }

    /// The second half of a SAML callback, for a pending login already taken from the store.
    func completeSAMLCallback(samlResponse: String, pending: SsoPendingLogin) async throws(SsoError)
        -> SsoCallbackResponse
    {
        guard pending.protocol == .saml, let connectionID = pending.connectionID, let requestID = pending.samlRequestID
        else {
            throw SsoError(.loginProtocolMismatch, "the RelayState belongs to a login of another kind")
        }
        let connection = try await usableConnectionRecord(connectionID)
        guard case .saml(let settings) = connection.settings else {
            throw SsoError(.loginProtocolMismatch, "the RelayState belongs to a login of another kind")
        }
        return try await validateSAMLLogin(
            samlResponse: samlResponse, connection: connection, settings: settings, expectedRequestID: requestID)
    }

    /// Validates a SAML response for `connection` with SsoSAML and finishes the login.
    /// `expectedRequestID` is the taken AuthnRequest ID; `nil` means IdP-initiated, which SsoSAML
    /// accepts only when the connection allows unsolicited responses and the response carries no
    /// `InResponseTo`. The replay cache applies either way.
    func validateSAMLLogin(
        samlResponse: String, connection: SsoConnectionRecord, settings: SAMLConnectionSettings, expectedRequestID: String?
    ) async throws(SsoError) -> SsoCallbackResponse {
        let metadata = try await samlMetadata(connection: connection, settings: settings)
        let validator = SAMLResponseValidator(
            configuration: .init(
                idpEntityID: metadata.entityID, idpSigningKeys: try SAMLSigningKeySet(metadata: metadata),
                spEntityID: settings.entityID, acsURL: settings.assertionConsumerServiceURL,
                policy: SAMLValidationPolicy(allowUnsolicited: expectedRequestID == nil && settings.allowUnsolicited)),
            replayCache: stores.replayCache, clock: engine.clock)
        let assertion = try await validator.validate(samlResponse, expectedRequestID: expectedRequestID)
        let identity = SAMLAttributeMapping(overrides: settings.attributeMapping)
            .identity(of: assertion, connectionID: connection.id)
        let outcome = try await completeLogin(
            identity: identity, connectionID: connection.id, issuer: metadata.entityID, sessionNotOnOrAfter: assertion.sessionNotOnOrAfter)
        return Self.response(outcome, identity: identity, connectionID: connection.id, scopes: nil)
    }

    /// The connection's IdP metadata: parsed from `metadata_xml`, or fetched from `metadata_url`
    /// through the engine's transport; cached per connection version until its refresh date.
    func samlMetadata(connection: SsoConnectionRecord, settings: SAMLConnectionSettings, refresh: Bool = false)
        async throws(SsoError) -> IdPMetadata
    {
        let at = now
        let source: String
        switch settings.metadata {
        case .url(let url): source = "url:" + url
        case .xml(let xml): source = "xml:\(xml.hashValue)"
        }
        let key = "\(connection.id)|\(connection.updatedAt.timeIntervalSince1970)|\(source)"
        let cache = engine.caches.samlMetadata
        if !refresh, let cached = await cache.metadata(key: key, now: at) { return cached }
        let metadata: IdPMetadata
        switch settings.metadata {
        case .xml(let xml): metadata = try IdPMetadata.parse(xml: xml, now: at)
        case .url(let url): metadata = try await IdPMetadataFetcher(transport: engine.httpTransport).fetch(url: url, now: at)
        }
        let refreshAt = metadata.refreshDate(fetchedAt: at) ?? at.addingTimeInterval(engine.settings.samlMetadataLifetime)
        await cache.store(metadata, key: key, refreshAt: refreshAt)
        return metadata
    }
}
