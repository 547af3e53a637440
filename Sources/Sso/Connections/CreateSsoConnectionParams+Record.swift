extension CreateSsoConnectionParams {
    /// The parameters that would recreate `record` (secrets included): the starting point of an
    /// update, which is then validated like a new connection.
    init(record: SsoConnectionRecord) {
        self.init(
            name: record.name, protocol: record.protocol, domains: record.domains.map(\.ascii),
            jitProvisioning: record.jitProvisioning, defaultRole: record.defaultRole
        )
        matchSubdomains = record.matchSubdomains
        redirectURIs = record.protocol == .ldap ? nil : record.redirectURIs
        switch record.settings {
        case .oidc(let oidc):
            issuerURL = oidc.issuerURL
            clientID = oidc.clientID
            clientSecret = oidc.clientSecret
        case .saml(let saml):
            metadataURL = saml.metadataURL
            metadataXML = saml.metadataXML
            assertionConsumerServiceURL = saml.assertionConsumerServiceURL
            entityID = saml.entityID
            attributeMapping = saml.attributeMapping
            allowUnsolicited = saml.allowUnsolicited
            spSigningKeyPEM = saml.spSigningKeyPEM
            spSigningCertificatePEM = saml.spSigningCertificatePEM
        case .ldap(let ldap):
            serverURL = ldap.serverURL
            tlsMode = ldap.tlsMode
            allowPlaintext = ldap.tlsMode == .plain ? true : nil
            caCertificatePEM = ldap.caCertificatePEM
            bindDN = ldap.bindDN
            bindPassword = ldap.bindPassword
            userSearchBase = ldap.userSearchBase
            userAttribute = ldap.userAttribute
            userFilter = ldap.userFilter
            groupSearchBase = ldap.groupSearchBase
            groupMode = ldap.groupMode
            groupMapping = ldap.groupMapping
            requireGroup = ldap.requireGroup
        }
    }
}
