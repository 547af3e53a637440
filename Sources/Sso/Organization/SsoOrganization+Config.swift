import Foundation

extension SsoOrganization {
    /// Creates or replaces the legacy single OIDC config (reference: `create_config`).
    /// Replacing it discards pending legacy logins, and revokes legacy sessions when the issuer or
    /// client changes.
    /// - Throws: `config.invalid_params` naming the field.
    public func createConfig(_ params: CreateSsoConfigParams) async throws(SsoError) -> SsoConfig {
        let rules = FieldRules(code: .configInvalidParams)
        let issuer = try rules.webURL(params.issuerURL, "issuer_url", allowQuery: false)
        let clientID = try rules.text(params.clientID, "client_id", maxBytes: 255)
        let secret = try rules.secret(params.clientSecret, "client_secret")
        let redirectURI = try rules.webURL(params.redirectURI, "redirect_uri")
        let organizations = stores.organizations
        let organizationID = id
        let previous = try await storeCall("organization") {
            try await organizations.config(organizationID: organizationID)
        }
        let at = now
        let record = SsoConfigRecord(
            organizationID: id, issuerURL: issuer, clientID: clientID, clientSecret: secret, redirectURI: redirectURI,
            createdAt: previous?.createdAt ?? at, updatedAt: at
        )
        try await storeCall("organization") {
            try await organizations.replaceConfig(record, organizationID: organizationID)
        }
        if let previous {
            try await discardPendingLogins(connectionID: nil)
            if !previous.issuerURL.bytesEqual(issuer) || !previous.clientID.bytesEqual(clientID) {
                try await revokeLegacySessions(at: at)
            }
        }
        logger.info("sso legacy config set", metadata: ["organization_id": "\(id)"])
        return SsoConfig(record)
    }

    /// The legacy config, without its secret (reference: `get_config`).
    /// - Throws: `config.not_found`.
    public func getConfig() async throws(SsoError) -> SsoConfig {
        SsoConfig(try await configRecord())
    }

    /// Removes the legacy config, discards its pending logins and revokes its sessions
    /// (reference: `delete_config`).
    /// - Throws: `config.not_found`.
    public func deleteConfig() async throws(SsoError) {
        let organizations = stores.organizations
        let organizationID = id
        let previous = try await storeCall("organization") {
            try await organizations.replaceConfig(nil, organizationID: organizationID)
        }
        guard previous != nil else { throw Self.configNotFound() }
        try await discardPendingLogins(connectionID: nil)
        try await revokeLegacySessions(at: now)
        logger.info("sso legacy config deleted", metadata: ["organization_id": "\(id)"])
    }

    /// The stored legacy config, secret included, for the legacy login flow.
    /// - Throws: `config.not_found`.
    func configRecord() async throws(SsoError) -> SsoConfigRecord {
        let organizations = stores.organizations
        let organizationID = id
        guard
            let record = try await storeCall(
                "organization", { try await organizations.config(organizationID: organizationID) })
        else {
            throw Self.configNotFound()
        }
        return record
    }

    private func revokeLegacySessions(at time: Date) async throws(SsoError) {
        let sessions = stores.sessions
        let key = legacyConnectionKey
        _ = try await storeCall("session") { try await sessions.revokeAll(connectionID: key, at: time) }
    }

    static func configNotFound(file: String = #fileID, line: Int = #line) -> SsoError {
        SsoError(.configNotFound, "this organization has no SSO config", file: file, line: line)
    }
}
