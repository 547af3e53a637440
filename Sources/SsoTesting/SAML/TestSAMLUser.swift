import SsoSAML

/// A user the in-process ``TestSAMLIdentityProvider`` logs in.
public struct TestSAMLUser: Sendable, Hashable {
    /// The `NameID` value.
    public var nameID: String
    /// The `NameID` format (default emailAddress).
    public var nameIDFormat: String
    /// Attributes as the IdP sends them: name → values (several values are normal for groups).
    public var attributes: [String: [String]]

    /// A user with an emailAddress `NameID` by default and no attributes unless given.
    public init(
        nameID: String, nameIDFormat: String = SAMLNameIDFormat.emailAddress, attributes: [String: [String]] = [:]
    ) {
        self.nameID = nameID
        self.nameIDFormat = nameIDFormat
        self.attributes = attributes
    }

    /// A user with an emailAddress NameID and the attribute names Entra ID uses
    /// (`…/claims/emailaddress`, `…/claims/name`, `…/claims/givenname`, `…/claims/surname`, and
    /// `http://schemas.microsoft.com/ws/2008/06/identity/claims/groups`).
    public static func entraStyle(email: String, givenName: String, surname: String, groups: [String] = [])
        -> TestSAMLUser
    {
        let claims = "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/"
        var attributes: [String: [String]] = [
            claims + "emailaddress": [email],
            claims + "name": [email],
            claims + "givenname": [givenName],
            claims + "surname": [surname],
        ]
        if !groups.isEmpty { attributes["http://schemas.microsoft.com/ws/2008/06/identity/claims/groups"] = groups }
        return TestSAMLUser(nameID: email, attributes: attributes)
    }
}
