import SsoCore

/// How IdP attribute names map to ``/SsoCore/SsoIdentity`` fields.
///
/// Each single-valued field lists attribute names tried in order; the first one present with a
/// non-empty value wins (``groups`` is the union instead). The defaults cover Entra ID, ADFS,
/// Okta, Google Workspace, OneLogin, PingFederate, Auth0, Shibboleth, SimpleSAMLphp and the plain
/// LDAP/eduPerson names, so most connections need no mapping at all.
public struct SAMLAttributeMapping: Sendable, Hashable {
    /// Attribute names for the email address.
    public var email: [String]
    /// Attribute names for the display name.
    public var name: [String]
    /// Attribute names for the given name (used to build a display name when none came).
    public var firstName: [String]
    /// Attribute names for the family name.
    public var lastName: [String]
    /// Attribute names for group memberships.
    ///
    /// Unlike the single-valued fields, groups are the **union** of every listed attribute, in list
    /// order, trimmed and de-duplicated: IdPs split memberships across attributes (Shibboleth sends
    /// `isMemberOf` beside `eduPersonEntitlement`; ADFS and Entra ID send groups beside roles), and
    /// taking only the first present one would silently drop memberships depending on which
    /// attribute an IdP happens to send. Values are copied as sent (Entra ID sends object ids, not
    /// names), so group rules must use the IdP's values.
    public var groups: [String]

    /// The default names.
    public static let defaults = SAMLAttributeMapping(
        email: [
            "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress", "email", "mail", "Email",
            "EmailAddress",
            "emailAddress", "emailaddress", "User.email", "urn:oid:0.9.2342.19200300.100.1.3",
            "http://schemas.xmlsoap.org/claims/EmailAddress", "urn:oid:1.2.840.113549.1.9.1",
        ],
        name: [
            "http://schemas.microsoft.com/identity/claims/displayname", "displayName", "displayname", "DisplayName",
            "urn:oid:2.16.840.1.113730.3.1.241", "name", "Name", "fullName", "cn", "urn:oid:2.5.4.3",
        ],
        firstName: [
            "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/givenname", "firstName", "FirstName", "givenName",
            "given_name", "first_name", "User.FirstName", "urn:oid:2.5.4.42",
        ],
        lastName: [
            "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/surname", "lastName", "LastName", "sn", "surname",
            "family_name", "last_name", "User.LastName", "urn:oid:2.5.4.4",
        ],
        groups: groupDefaults
    )

    /// The default group attributes, memberships before roles, entitlements and affiliations, so
    /// the first values of ``SsoIdentity/groups`` are real groups when an IdP sends several kinds.
    ///
    /// - Entra ID: `…/ws/2008/06/identity/claims/groups` (object ids) and `…/claims/role` (app roles).
    ///   Over 150 groups it sends only `http://schemas.microsoft.com/claims/groups.link`, a Graph
    ///   URL, which is not a group and is not mapped.
    /// - ADFS: `http://schemas.xmlsoap.org/claims/Group` (Token-Groups) and the same `…/claims/role`.
    /// - Okta, Google Workspace, SimpleSAMLphp: `groups` (the name an admin configures; `Groups`
    ///   also seen). OneLogin, PingFederate and LDAP-backed IdPs: `memberOf`.
    /// - Shibboleth and other R&E IdPs: `isMemberOf`, `eduPersonEntitlement`,
    ///   `eduPersonScopedAffiliation`, `eduPersonAffiliation`, as SAML 2.0 `urn:oid:` names,
    ///   SAML 1.1 `urn:mace:dir:attribute-def:` names, or bare names (SimpleSAMLphp's default).
    ///
    /// Affiliations (`member`, `staff`, `student`, …; scoped: `staff@example.edu`) are a fixed
    /// vocabulary of a person's relationship to the institution, not groups; they are mapped
    /// because R&E IdPs often send nothing else and SimpleSAMLphp's test IdPs carry groups in
    /// `eduPersonAffiliation`. An application rule on the group `member` therefore matches everyone
    /// that IdP knows; prefer the scoped values for rules.
    static let groupDefaults = [
        "http://schemas.microsoft.com/ws/2008/06/identity/claims/groups", "http://schemas.xmlsoap.org/claims/Group",
        "groups", "Groups", "memberOf", "member_of",
        // isMemberOf
        "urn:oid:1.3.6.1.4.1.5923.1.5.1.1", "urn:mace:dir:attribute-def:isMemberOf", "isMemberOf",
        "http://schemas.microsoft.com/ws/2008/06/identity/claims/role",
        // eduPersonEntitlement
        "urn:oid:1.3.6.1.4.1.5923.1.1.1.7", "urn:mace:dir:attribute-def:eduPersonEntitlement", "eduPersonEntitlement",
        // eduPersonScopedAffiliation
        "urn:oid:1.3.6.1.4.1.5923.1.1.1.9", "urn:mace:dir:attribute-def:eduPersonScopedAffiliation",
        "eduPersonScopedAffiliation",
        // eduPersonAffiliation
        "urn:oid:1.3.6.1.4.1.5923.1.1.1.1", "urn:mace:dir:attribute-def:eduPersonAffiliation", "eduPersonAffiliation",
    ]

    /// Creates a mapping with explicit name lists.
    public init(email: [String], name: [String], firstName: [String], lastName: [String], groups: [String]) {
        self.email = email
        self.name = name
        self.firstName = firstName
        self.lastName = lastName
        self.groups = groups
    }

    /// The defaults, with a connection's `attribute_mapping` (`{"email": "<attribute name>", …}`;
    /// keys `email`, `name`, `first_name`/`firstName`, `last_name`/`lastName`, `groups`) tried
    /// first. Unknown keys are ignored. A `groups` override adds its attribute before the default
    /// group attributes; it does not replace them.
    public init(overrides: [String: String]) {
        self = Self.defaults
        for (field, attribute) in overrides where !attribute.isEmpty {
            switch field {
            case "email": email.insert(attribute, at: 0)
            case "name", "display_name", "displayName": name.insert(attribute, at: 0)
            case "first_name", "firstName", "given_name": firstName.insert(attribute, at: 0)
            case "last_name", "lastName", "family_name": lastName.insert(attribute, at: 0)
            case "groups": groups.insert(attribute, at: 0)
            default: continue
            }
        }
    }

    static let emailFormat = "urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress"

    /// The email address: the first mapped attribute, else the NameID when its format is
    /// `emailAddress`.
    public func email(of assertion: SAMLAssertionResult) -> String? {
        if let value = first(email, in: assertion.attributes) { return value }
        if assertion.nameIDFormat.bytesEqual(Self.emailFormat) { return assertion.nameID }
        return nil
    }

    /// The identity the assertion describes. `subject` is the NameID.
    public func identity(of assertion: SAMLAssertionResult, connectionID: String? = nil) -> SsoIdentity {
        let attributes = assertion.attributes
        var displayName = first(name, in: attributes)
        if displayName == nil {
            let parts = [first(firstName, in: attributes), first(lastName, in: attributes)].compactMap { $0 }
            if !parts.isEmpty { displayName = parts.joined(separator: " ") }
        }
        var seen = Set<String>()
        var groupValues: [String] = []
        for attribute in groups {
            for value in attributes[attribute] ?? [] {
                let trimmed = value.trimmingXMLWhitespace
                if !trimmed.isEmpty, seen.insert(trimmed).inserted { groupValues.append(trimmed) }
            }
        }
        return SsoIdentity(
            subject: assertion.nameID, email: email(of: assertion), name: displayName, groups: groupValues,
            attributes: attributes, connectionID: connectionID)
    }

    private func first(_ names: [String], in attributes: [String: [String]]) -> String? {
        for attribute in names {
            for value in attributes[attribute] ?? [] {
                let trimmed = value.trimmingXMLWhitespace
                if !trimmed.isEmpty { return trimmed }
            }
        }
        return nil
    }
}
