/// Changes to a connection's protocol settings; the patch must be of the connection's protocol.
public enum SsoConnectionSettingsPatch: Sendable {
    /// Changes to an OIDC connection's settings.
    case oidc(OIDCSettingsPatch)
    /// Changes to a SAML connection's settings.
    case saml(SAMLSettingsPatch)
    /// Changes to an LDAP connection's settings.
    case ldap(LDAPSettingsPatch)

    /// The protocol this patch is for.
    var `protocol`: SsoProtocol {
        switch self {
        case .oidc: .oidc
        case .saml: .saml
        case .ldap: .ldap
        }
    }

    /// The JSON names of the fields this patch sets.
    var fieldNames: [String] {
        switch self {
        case .oidc(let patch): patch.fieldNames
        case .saml(let patch): patch.fieldNames
        case .ldap(let patch): patch.fieldNames
        }
    }

    /// `settings` with this patch applied.
    /// - Throws: `connection.invalid_params` naming the first field when the patch is of another
    ///   protocol than `settings`, or from the protocol's patch.
    func applied(to settings: SsoConnectionSettings) throws(SsoError) -> SsoConnectionSettings {
        switch (self, settings) {
        case (.oidc(let patch), .oidc(let current)): return .oidc(patch.applied(to: current))
        case (.saml(let patch), .saml(let current)): return .saml(try patch.applied(to: current))
        case (.ldap(let patch), .ldap(let current)): return .ldap(try patch.applied(to: current))
        default:
            let rules = FieldRules(code: .connectionInvalidParams)
            try rules.absent(true, fieldNames.first ?? "\(self.protocol.rawValue) settings", for: settings.protocol)
            return settings
        }
    }
}
