import SsoLDAP

extension LDAPConfiguration {
    /// The SsoLDAP configuration an LDAP connection's settings describe.
    init(connectionSettings settings: LDAPConnectionSettings) throws(SsoError) {
        let security: LDAPTransportSecurity =
            switch settings.tlsMode {
            case .starttls: .startTLS
            case .ldaps: .ldaps
            case .plain: .unsafePlaintext
            }
        let trust: LDAPTrustRoots = settings.caCertificatePEM.map { .pem($0) } ?? .systemDefault
        let endpoint = try LDAPEndpoint(
            url: settings.serverURL, security: security, tls: LDAPTLSConfiguration(trustRoots: trust))
        let groups: LDAPGroupConfiguration =
            switch settings.groupMode {
            case .memberOf: LDAPGroupConfiguration(mode: .memberOf, base: settings.groupSearchBase, nested: .none)
            case .groupSearch: LDAPGroupConfiguration(mode: .member(), base: settings.groupSearchBase, nested: .none)
            case .nestedGroupSearch:
                LDAPGroupConfiguration(mode: .member(), base: settings.groupSearchBase, nested: .walk(maximumDepth: 8))
            }
        self.init(
            endpoint: endpoint, serviceAccount: .bind(dn: settings.bindDN, password: settings.bindPassword),
            userLookup: .search(
                base: settings.userSearchBase, attribute: settings.userAttribute, filter: settings.userFilter),
            groups: groups, groupMapping: settings.groupMapping, requireGroup: settings.requireGroup)
    }
}
