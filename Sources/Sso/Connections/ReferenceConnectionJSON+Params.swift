import Foundation

/// Create and update parameters ↔ the flat JSON.
extension ReferenceConnectionJSON {
    /// The flat form of `params`.
    init(_ params: CreateSsoConnectionParams) {
        self.init(settings: params.settings, form: .params)
        name = params.name
        self.protocol = params.protocol
        domains = params.domains
        jitProvisioning = params.jitProvisioning
        defaultRole = params.defaultRole
        matchSubdomains = params.matchSubdomains
        redirectURIs = params.redirectURIs
    }

    /// Create parameters from the flat JSON: `name` and `protocol` must be there (decoding
    /// errors as before), the protocol's fields too (`connection.invalid_params`).
    static func decodeCreate(from decoder: any Decoder) throws -> CreateSsoConnectionParams {
        let json = try ReferenceConnectionJSON(from: decoder)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let name = try container.decode(String.self, forKey: .name)
        let proto = try container.decode(SsoProtocol.self, forKey: .protocol)
        return CreateSsoConnectionParams(
            name: name, settings: try json.settings(for: proto), domains: json.domains ?? [],
            jitProvisioning: json.jitProvisioning ?? false, defaultRole: json.defaultRole,
            matchSubdomains: json.matchSubdomains, redirectURIs: json.redirectURIs)
    }

    /// The flat form of `update`.
    init(_ update: UpdateSsoConnectionParams) {
        self.init()
        name = update.name
        domains = update.domains
        jitProvisioning = update.jitProvisioning
        defaultRole = update.defaultRole
        matchSubdomains = update.matchSubdomains
        redirectURIs = update.redirectURIs
        status = update.status
        switch update.settings {
        case .oidc(let patch):
            issuerURL = patch.issuerURL
            clientID = patch.clientID
            clientSecret = patch.clientSecret
        case .saml(let patch):
            switch patch.metadata {
            case .url(let url): metadataURL = url
            case .xml(let xml): metadataXML = xml
            case nil: break
            }
            assertionConsumerServiceURL = patch.assertionConsumerServiceURL
            entityID = patch.entityID
            attributeMapping = patch.attributeMapping
            allowUnsolicited = patch.allowUnsolicited
            spSigningKeyPEM = patch.requestSigningKey
            spSigningCertificatePEM = patch.requestSigningCertificatePEM
        case .ldap(let patch):
            serverURL = patch.serverURL
            tlsMode = patch.tlsMode
            allowPlaintext = patch.allowPlaintext
            caCertificatePEM = patch.caCertificatePEM
            bindDN = patch.bindDN
            bindPassword = patch.bindPassword
            userSearchBase = patch.userSearchBase
            userAttribute = patch.userAttribute
            userFilter = patch.userFilter
            groupSearchBase = patch.groupSearchBase
            groupMode = patch.groupMode
            groupMapping = patch.groupMapping
            requireGroup = patch.requireGroup
        case nil: break
        }
    }

    /// Update parameters from the flat JSON.
    /// - Throws: `connection.invalid_params` when fields of two protocols are given (the later
    ///   protocol's first field is named), for both metadata fields, or for `tls_mode: plain`
    ///   without `allow_plaintext` on an `ldap://` (or unchanged) server URL.
    func updateParams() throws(SsoError) -> UpdateSsoConnectionParams {
        var update = UpdateSsoConnectionParams(
            name: name, domains: domains, jitProvisioning: jitProvisioning, defaultRole: defaultRole,
            matchSubdomains: matchSubdomains, redirectURIs: redirectURIs, status: status)
        let groups: [(SsoProtocol, [String])] = [
            (.oidc, oidcFieldNames), (.saml, samlFieldNames), (.ldap, ldapFieldNames),
        ]
        let given = groups.filter { !$0.1.isEmpty }
        guard let first = given.first else { return update }
        if given.count > 1 { try refuse(given[1].1, for: first.0) }
        switch first.0 {
        case .oidc:
            update.settings = .oidc(
                OIDCSettingsPatch(issuerURL: issuerURL, clientID: clientID, clientSecret: clientSecret))
        case .saml:
            update.settings = .saml(
                SAMLSettingsPatch(
                    metadata: try Self.metadata(url: metadataURL, xml: metadataXML),
                    assertionConsumerServiceURL: assertionConsumerServiceURL, entityID: entityID,
                    attributeMapping: attributeMapping, allowUnsolicited: allowUnsolicited,
                    requestSigningKey: spSigningKeyPEM, requestSigningCertificatePEM: spSigningCertificatePEM))
        case .ldap:
            let clearScheme = serverURL.map {
                $0.trimmingCharacters(in: .whitespacesAndNewlines).lowercased().hasPrefix("ldap://")
            }
            if tlsMode == .plain, allowPlaintext != true, clearScheme != false { throw Self.plaintextRefused }
            update.settings = .ldap(ldapPatch)
        }
        return update
    }
}
