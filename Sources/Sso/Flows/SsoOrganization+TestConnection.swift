import Foundation
import SsoLDAP
import SsoOIDC
import SsoSAML

extension SsoOrganization {
    /// Tests a connection against its IdP (reference: `test_connection`), timed with the engine's
    /// clock:
    /// - OIDC: discovery (bypassing the cache) and the JWKS through the transport; the issuer must
    ///   match and at least one key must be usable.
    /// - SAML: the metadata is fetched (or parsed) afresh; it must name signing certificates, and
    ///   none may be expired or not yet valid; an IdP that wants signed AuthnRequests needs the
    ///   connection's SP signing key.
    /// - LDAP: connect with the configured TLS, bind the service account, read the user base.
    ///
    /// A failure sets the connection's `status` to `error` with the reason; a success sets an
    /// `error` connection back to `active`. Test failures are results, not errors.
    /// - Throws: `connection.not_found`, `store.failed`.
    public func testConnection(_ connectionID: String) async throws(SsoError) -> SsoTestResult {
        let connection = try await connectionRecord(connectionID)
        let started = now
        var message = ""
        var failure: String?
        do {
            message = try await check(connection)
        } catch {
            failure = error.message
        }
        let elapsed = max(0, now.timeIntervalSince(started) * 1000)
        _ = try await recordConnectionTest(connectionID: connectionID, failureReason: failure)
        logger.info(
            "sso connection tested",
            metadata: ["organization_id": "\(id)", "connection_id": "\(connectionID)", "success": "\(failure == nil)"])
        return SsoTestResult(
            success: failure == nil, message: failure ?? message, responseTime: Int(min(elapsed, 86_400_000).rounded()))
    }

    private func check(_ connection: SsoConnectionRecord) async throws(SsoError) -> String {
        switch connection.settings {
        case .oidc(let settings):
            let party = try await relyingParty(
                issuer: settings.issuerURL, clientID: settings.clientID, clientSecret: settings.clientSecret,
                redirectURI: connection.redirectURIs.first ?? "http://127.0.0.1/sso/test-connection",
                allowed: connection.redirectURIs)
            let result = try await party.testConnection()
            return "Connection verified successfully: issuer \(result.metadata.issuer), \(result.usableKeyCount) signing key(s)"
        case .saml(let settings):
            let metadata = try await samlMetadata(connection: connection, settings: settings, refresh: true)
            let at = now
            guard !metadata.signingCertificates.isEmpty else {
                throw SsoError(.samlMetadataNoSigningCertificate, "the IdP metadata has no signing certificate")
            }
            for certificate in metadata.signingCertificates {
                guard certificate.notValidAfter > at else {
                    throw SsoError(.samlSignatureCertificateExpired, "an IdP signing certificate expired on \(Timestamp.format(certificate.notValidAfter))")
                }
                guard certificate.notValidBefore <= at else {
                    throw SsoError(.samlSignatureCertificateExpired, "an IdP signing certificate is not valid before \(Timestamp.format(certificate.notValidBefore))")
                }
            }
            guard settings.requestSigning != nil || !metadata.wantAuthnRequestsSigned else {
                throw SsoError(
                    .connectionSigningKeyRequired,
                    "the IdP wants signed AuthnRequests and the connection has no sp_signing_key_pem")
            }
            return "Connection verified successfully: IdP \(metadata.entityID), \(metadata.signingCertificates.count) signing certificate(s)"
        case .ldap(let settings):
            let authenticator = try LDAPAuthenticator(
                configuration: try Self.ldapConfiguration(settings), connector: engine.ldapConnector, logger: logger)
            do {
                try await authenticator.testConnection()
            } catch {
                await authenticator.shutdown()
                throw error
            }
            await authenticator.shutdown()
            return "Connection verified successfully: service account bound, user base readable"
        }
    }
}
