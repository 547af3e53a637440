import SsoCore

/// How IdP attribute names map to ``SsoIdentity`` fields.
///
/// Each field lists attribute names tried in order; the first one present with a non-empty value
/// wins. The defaults cover Entra ID, ADFS, Okta, Google Workspace, OneLogin, PingFederate, Auth0
/// and the plain LDAP/eduPerson names, so most connections need no mapping at all.
public struct SAMLAttributeMapping: Sendable, Hashable {
    /// Attribute names for the email address.
    public var email: [String]
    /// Attribute names for the display name.
    public var name: [String]
    /// Attribute names for the given name (used to build a display name when none came).
    public var firstName: [String]
    /// Attribute names for the family name.
    public var lastName: [String]
    /// Attribute names for group memberships (all values of all listed attributes, de-duplicated).
    public var groups: [String]

    /// The default names.
    public static let defaults = SAMLAttributeMapping(
        email: [
            "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress", "email", "mail", "Email", "EmailAddress",
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
        groups: [
            "http://schemas.microsoft.com/ws/2008/06/identity/claims/groups", "http://schemas.xmlsoap.org/claims/Group",
            "groups", "Groups", "memberOf", "member_of", "urn:oid:1.3.6.1.4.1.5923.1.5.1.1",
        ]
    )

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
    /// first. Unknown keys are ignored.
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
        if assertion.nameIDFormat == Self.emailFormat { return assertion.nameID }
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
