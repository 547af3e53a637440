import Foundation
import SsoLDAP

extension ConnectionValidator {
    static let maxGroupMappings = 500

    /// Checked and normalised LDAP settings.
    func ldap(_ s: LDAPConnectionSettings) throws(SsoError) -> LDAPConnectionSettings {
        let (serverURL, scheme) = try ldapURL(s.serverURL)
        let tlsMode = try tlsMode(s.tlsMode, scheme: scheme)
        var caPEM: String?
        if let pem = s.caCertificatePEM {
            let text = try rules.multilineText(pem, "ca_certificate_pem", maxBytes: 65536)
            guard text.contains("-----BEGIN CERTIFICATE-----"), text.contains("-----END CERTIFICATE-----") else {
                throw rules.invalid("ca_certificate_pem", "must contain PEM certificates")
            }
            caPEM = text
        }
        let bindDN = try rules.distinguishedName(s.bindDN, "bind_dn")
        let bindPassword = try rules.secret(s.bindPassword, "bind_password")
        let userBase = try rules.distinguishedName(s.userSearchBase, "user_search_base")
        let userAttribute = try attributeName(s.userAttribute, "user_attribute")
        let userFilter = try s.userFilter.map { filter throws(SsoError) in try searchFilter(filter, "user_filter") }
        let groupBase = try s.groupSearchBase.map { base throws(SsoError) in
            try rules.distinguishedName(base, "group_search_base")
        }
        if s.groupMode != .memberOf, groupBase == nil {
            throw rules.invalid("group_search_base", "is required by group_mode \(s.groupMode.rawValue)")
        }
        let mapping = try groupMapping(s.groupMapping)
        if s.requireGroup, mapping.isEmpty {
            throw rules.invalid("group_mapping", "require_group needs at least one mapped group")
        }
        return LDAPConnectionSettings(
            serverURL: serverURL, tlsMode: tlsMode, caCertificatePEM: caPEM, bindDN: bindDN, bindPassword: bindPassword,
            userSearchBase: userBase, userAttribute: userAttribute, userFilter: userFilter, groupSearchBase: groupBase,
            groupMode: s.groupMode, groupMapping: mapping, requireGroup: s.requireGroup
        )
    }

    private func ldapURL(_ value: String?) throws(SsoError) -> (String, String) {
        let text = try rules.text(value, "server_url", maxBytes: 2048)
        guard let components = URLComponents(string: text), let scheme = components.scheme?.lowercased(),
            let host = components.host, !host.isEmpty
        else {
            throw rules.invalid("server_url", "must be an ldap:// or ldaps:// URL with a host")
        }
        guard scheme == "ldap" || scheme == "ldaps" else {
            throw rules.invalid("server_url", "must use ldap:// or ldaps://")
        }
        guard components.user == nil, components.password == nil else {
            throw rules.invalid("server_url", "must not contain user info")
        }
        guard components.path.isEmpty || components.path == "/", components.query == nil, components.fragment == nil
        else {
            throw rules.invalid("server_url", "must not have a path, query or fragment")
        }
        return (text, scheme)
    }

    /// `mode` if it fits the URL scheme. `plain` is accepted here: the typed settings choosing it
    /// is the opt-in (the reference JSON also needs `allow_plaintext`, checked where it is decoded).
    private func tlsMode(_ mode: SsoLDAPTLSMode, scheme: String) throws(SsoError) -> SsoLDAPTLSMode {
        switch (mode, scheme) {
        case (.ldaps, "ldaps"): return .ldaps
        case (.ldaps, _): throw rules.invalid("tls_mode", "ldaps needs an ldaps:// server_url")
        case (.starttls, "ldap"): return .starttls
        case (.starttls, _): throw rules.invalid("tls_mode", "starttls needs an ldap:// server_url")
        case (.plain, "ldap"): return .plain
        case (.plain, _): throw rules.invalid("tls_mode", "plain needs an ldap:// server_url")
        }
    }

    /// An attribute description: a name (`uid`, `sAMAccountName`) or a numeric OID.
    private func attributeName(_ value: String, _ field: String) throws(SsoError) -> String {
        let name = try rules.text(value, field, maxBytes: 64)
        let scalars = Array(name.unicodeScalars)
        let isName =
            scalars.first.map { $0.isASCII && $0.properties.isAlphabetic } == true
            && scalars.allSatisfy {
                $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-")
            }
        let isOID =
            scalars.allSatisfy { ("0"..."9").contains($0) || $0 == "." } && !name.hasPrefix(".")
            && !name.hasSuffix(".") && !name.contains("..")
        guard isName || isOID else { throw rules.invalid(field, "must be an attribute name or OID") }
        return name
    }

    /// A parenthesised RFC 4515 filter with balanced parentheses.
    private func searchFilter(_ value: String, _ field: String) throws(SsoError) -> String {
        let filter = try rules.text(value, field)
        guard filter.hasPrefix("("), filter.hasSuffix(")") else {
            throw rules.invalid(field, "must be a parenthesised LDAP filter")
        }
        var depth = 0
        for character in filter {
            if character == "(" { depth += 1 }
            if character == ")" { depth -= 1 }
            guard depth >= 0 else { throw rules.invalid(field, "has unbalanced parentheses") }
        }
        guard depth == 0 else { throw rules.invalid(field, "has unbalanced parentheses") }
        return filter
    }

    private func groupMapping(_ mapping: [String: [String]]) throws(SsoError) -> [String: [String]] {
        guard mapping.count <= Self.maxGroupMappings else {
            throw rules.invalid("group_mapping", "must have at most \(Self.maxGroupMappings) groups")
        }
        var out: [String: [String]] = [:]
        for key in mapping.keys.sorted() {
            let group = try groupKey(key)
            let scopes = try rules.textList(mapping[key] ?? [], "group_mapping[\(group)]", maxCount: 100)
            guard !scopes.contains(where: { $0.contains(where: \.isWhitespace) }) else {
                throw rules.invalid("group_mapping[\(group)]", "scopes must not contain white space")
            }
            out[group] = scopes
        }
        return out
    }

    /// A `group_mapping` key as SsoLDAP's group mapper reads it: a group DN (compared as a
    /// normalised DN) or a bare group name (compared case-insensitively with the group's CN, the
    /// value of its first RDN). A key with `=` must parse as a DN, or it would silently match nothing.
    private func groupKey(_ key: String) throws(SsoError) -> String {
        let group = try rules.text(key, "group_mapping")
        if group.contains("="), group.hasPrefix("=") || LDAPDistinguishedName.parse(group) == nil {
            throw rules.invalid(
                "group_mapping", "keys must be group DNs (cn=admins,ou=groups,dc=example,dc=com) or group CNs (admins)")
        }
        return group
    }
}
