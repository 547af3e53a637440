import Foundation

/// The protocol fields of the flat JSON ↔ the typed settings.
extension ReferenceConnectionJSON {
    /// Which flat form settings are written into.
    enum Form {
        /// Create parameters: defaults left out, as a caller who did not set them wrote them.
        case params
        /// The stored form: every field, secrets included (redacted unless the encoder opts in).
        case stored
        /// The public connection view: no secrets, no inline metadata (only whether there is some).
        case view
    }

    static let plaintextRefused = FieldRules(code: .connectionInvalidParams)
        .invalid("tls_mode", "plain sends passwords in clear; set allow_plaintext to true to accept that")

    /// The flat fields of `settings` in `form`.
    init(settings: SsoConnectionSettings, form: Form) {
        self.init()
        let full = form != .params
        switch settings {
        case .oidc(let oidc):
            issuerURL = oidc.issuerURL
            clientID = oidc.clientID
            clientSecret = form == .view ? nil : oidc.clientSecret
        case .saml(let saml):
            switch saml.metadata {
            case .url(let url): metadataURL = url
            case .xml(let xml): metadataXML = form == .view ? nil : xml
            }
            if form == .view { hasInlineMetadata = metadataURL == nil }
            assertionConsumerServiceURL = saml.assertionConsumerServiceURL
            entityID = saml.entityID
            attributeMapping = full || !saml.attributeMapping.isEmpty ? saml.attributeMapping : nil
            allowUnsolicited = full || saml.allowUnsolicited ? saml.allowUnsolicited : nil
            spSigningKeyPEM = form == .view ? nil : saml.requestSigning?.key
            spSigningCertificatePEM = saml.requestSigning?.certificatePEM
        case .ldap(let ldap):
            serverURL = ldap.serverURL
            let defaultMode = LDAPConnectionSettings.defaultTLSMode(serverURL: ldap.serverURL)
            tlsMode = full || ldap.tlsMode != defaultMode ? ldap.tlsMode : nil
            allowPlaintext = form != .view && ldap.tlsMode == .plain ? true : nil
            caCertificatePEM = form == .view ? nil : ldap.caCertificatePEM
            bindDN = ldap.bindDN
            bindPassword = form == .view ? nil : ldap.bindPassword
            userSearchBase = ldap.userSearchBase
            userAttribute = full || ldap.userAttribute != "uid" ? ldap.userAttribute : nil
            userFilter = ldap.userFilter
            groupSearchBase = ldap.groupSearchBase
            groupMode = full || ldap.groupMode != .memberOf ? ldap.groupMode : nil
            groupMapping = full || !ldap.groupMapping.isEmpty ? ldap.groupMapping : nil
            requireGroup = full || ldap.requireGroup ? ldap.requireGroup : nil
        }
    }

    var oidcFieldNames: [String] {
        OIDCSettingsPatch(issuerURL: issuerURL, clientID: clientID, clientSecret: clientSecret).fieldNames
    }

    var samlFieldNames: [String] {
        [(metadataURL != nil, "metadata_url"), (metadataXML != nil, "metadata_xml")].filter(\.0).map(\.1)
            + SAMLSettingsPatch(
                assertionConsumerServiceURL: assertionConsumerServiceURL, entityID: entityID,
                attributeMapping: attributeMapping, allowUnsolicited: allowUnsolicited,
                requestSigningKey: spSigningKeyPEM,
                requestSigningCertificatePEM: spSigningCertificatePEM
            ).fieldNames
    }

    var ldapFieldNames: [String] { ldapPatch.fieldNames }

    /// The settings of a `proto` connection.
    /// - Throws: `connection.invalid_params` for a field of another protocol or a missing one.
    func settings(for proto: SsoProtocol) throws(SsoError) -> SsoConnectionSettings {
        switch proto {
        case .oidc: .oidc(try oidcSettings())
        case .saml: .saml(try samlSettings())
        case .ldap: .ldap(try ldapSettings())
        }
    }

    func oidcSettings() throws(SsoError) -> OIDCConnectionSettings {
        try refuse(samlFieldNames + ldapFieldNames, for: .oidc)
        return OIDCConnectionSettings(
            issuerURL: try Self.required(issuerURL, "issuer_url"), clientID: try Self.required(clientID, "client_id"),
            clientSecret: try Self.required(clientSecret, "client_secret"))
    }

    func samlSettings() throws(SsoError) -> SAMLConnectionSettings {
        try refuse(oidcFieldNames + ldapFieldNames, for: .saml)
        guard let metadata = try Self.metadata(url: metadataURL, xml: metadataXML) else {
            throw Self.rules.invalid("metadata_url", "is required (or give the metadata inline as metadata_xml)")
        }
        return SAMLConnectionSettings(
            metadata: metadata,
            assertionConsumerServiceURL: try Self.required(
                assertionConsumerServiceURL, "assertion_consumer_service_url"),
            entityID: try Self.required(entityID, "entity_id"), attributeMapping: attributeMapping ?? [:],
            allowUnsolicited: allowUnsolicited ?? false,
            requestSigning: try SAMLRequestSigning.pair(key: spSigningKeyPEM, certificatePEM: spSigningCertificatePEM))
    }

    func ldapSettings() throws(SsoError) -> LDAPConnectionSettings {
        try refuse(oidcFieldNames + samlFieldNames, for: .ldap)
        let serverURL = try Self.required(serverURL, "server_url")
        let clearScheme = serverURL.trimmingCharacters(in: .whitespacesAndNewlines).lowercased().hasPrefix("ldap://")
        if tlsMode == .plain, allowPlaintext != true, clearScheme { throw Self.plaintextRefused }
        return LDAPConnectionSettings(
            serverURL: serverURL, tlsMode: tlsMode, caCertificatePEM: caCertificatePEM,
            bindDN: try Self.required(bindDN, "bind_dn"),
            bindPassword: try Self.required(bindPassword, "bind_password"),
            userSearchBase: try Self.required(userSearchBase, "user_search_base"),
            userAttribute: userAttribute ?? "uid",
            userFilter: userFilter, groupSearchBase: groupSearchBase, groupMode: groupMode ?? .memberOf,
            groupMapping: groupMapping ?? [:], requireGroup: requireGroup ?? false)
    }

    /// The metadata source of the pair of flat fields, `nil` when neither is set.
    static func metadata(url: String?, xml: String?) throws(SsoError) -> SAMLMetadataSource? {
        switch (url, xml) {
        case (nil, nil): return nil
        case (.some, .some): throw rules.invalid("metadata_xml", "give metadata_url or metadata_xml, not both")
        case (.some(let url), nil): return .url(url)
        case (nil, .some(let xml)): return .xml(xml)
        }
    }

    /// The LDAP fields as a patch (`allow_plaintext` included).
    var ldapPatch: LDAPSettingsPatch {
        var patch = LDAPSettingsPatch(
            serverURL: serverURL, tlsMode: tlsMode, caCertificatePEM: caCertificatePEM, bindDN: bindDN,
            bindPassword: bindPassword, userSearchBase: userSearchBase, userAttribute: userAttribute,
            userFilter: userFilter, groupSearchBase: groupSearchBase, groupMode: groupMode, groupMapping: groupMapping,
            requireGroup: requireGroup)
        patch.allowPlaintext = allowPlaintext
        return patch
    }

    static let rules = FieldRules(code: .connectionInvalidParams)

    static func required<T>(_ value: T?, _ field: String) throws(SsoError) -> T {
        guard let value else { throw rules.invalid(field, "is required") }
        return value
    }

    /// Refuses the first of `foreign`, fields another protocol uses.
    func refuse(_ foreign: [String], for proto: SsoProtocol) throws(SsoError) {
        if let field = foreign.first { try Self.rules.absent(true, field, for: proto) }
    }
}
