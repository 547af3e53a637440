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
            let flow = OIDCLoginFlow(
                organization: self, registration: OIDCClientRegistration(connection: connection, settings: settings))
            let result = try await flow.testConnection()
            return
                "Connection verified successfully: issuer \(result.metadata.issuer), \(result.usableKeyCount) signing key(s)"
        case .saml(let settings):
            let context = ConnectionContext(organization: self, record: connection)
            let metadata = try await SAMLMetadataLoader(context: context, settings: settings).metadata(refresh: true)
            let at = now
            guard !metadata.signingCertificates.isEmpty else {
                throw SsoError(.samlMetadataNoSigningCertificate, "the IdP metadata has no signing certificate")
            }
            for certificate in metadata.signingCertificates {
                guard certificate.notValidAfter > at else {
                    throw SsoError(
                        .samlSignatureCertificateExpired,
                        "an IdP signing certificate expired on \(Timestamp.format(certificate.notValidAfter))")
                }
                guard certificate.notValidBefore <= at else {
                    throw SsoError(
                        .samlSignatureCertificateExpired,
                        "an IdP signing certificate is not valid before \(Timestamp.format(certificate.notValidBefore))"
                    )
                }
            }
            guard settings.requestSigning != nil || !metadata.wantAuthnRequestsSigned else {
                throw SsoError(
                    .connectionSigningKeyRequired,
                    "the IdP wants signed AuthnRequests and the connection has no sp_signing_key_pem")
            }
            return
                "Connection verified successfully: IdP \(metadata.entityID), \(metadata.signingCertificates.count) signing certificate(s)"
        case .ldap(let settings):
            let authenticator = try LDAPAuthenticator(
                configuration: try LDAPConfiguration(connectionSettings: settings), connector: engine.ldapConnector,
                logger: logger)
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

extension SsoOrganization {
    /// Records a connection test: a failure sets `status` to `error` with `failureReason`; a
    /// success turns `error` back to `active` (an `inactive` connection stays inactive).
    func recordConnectionTest(connectionID: String, failureReason: String?) async throws(SsoError) -> SsoConnection {
        var record = try await connectionRecord(connectionID)
        if let failureReason {
            guard record.status != .inactive else { return SsoConnection(record) }
            record.status = .error
            record.statusReason = failureReason
        } else if record.status == .error {
            record.status = .active
            record.statusReason = nil
        } else {
            return SsoConnection(record)
        }
        record.updatedAt = now
        let connections = stores.connections
        let updated = record
        guard try await storeCall("connection", { try await connections.replace(updated) }) else {
            throw Self.connectionNotFound()
        }
        return SsoConnection(record)
    }
}
