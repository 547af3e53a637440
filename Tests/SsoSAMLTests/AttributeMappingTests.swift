import Foundation
import SsoCore
import Testing
@testable import SsoSAML

@Suite struct AttributeMappingTests {
    func result(nameID: String = "u-123", format: String? = nil, _ attributes: [String: [String]])
        -> SAMLAssertionResult
    {
        SAMLAssertionResult(
            issuer: "https://idp", nameID: nameID, nameIDFormat: format, nameQualifier: nil, spNameQualifier: nil,
            sessionIndex: nil, authnInstant: nil, authnContextClassRef: nil, sessionNotOnOrAfter: nil,
            notOnOrAfter: Date(timeIntervalSince1970: 0), assertionID: "_a", responseID: nil, inResponseTo: nil,
            attributes: attributes, responseWasSigned: true, assertionWasSigned: false, assertionWasEncrypted: false)
    }

    @Test(arguments: [
        "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress", "email", "mail",
        "urn:oid:0.9.2342.19200300.100.1.3", "User.email", "Email",
    ])
    func defaultEmailNames(_ name: String) {
        let identity = SAMLAttributeMapping.defaults.identity(of: result([name: ["  alice@example.com "]]))
        #expect(identity.email == "alice@example.com")
    }

    @Test func entraIDShape() {
        let identity = SAMLAttributeMapping.defaults.identity(
            of: result([
                "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress": ["alice@contoso.com"],
                "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name": ["alice@contoso.com"],
                "http://schemas.microsoft.com/identity/claims/displayname": ["Alice Example"],
                "http://schemas.microsoft.com/ws/2008/06/identity/claims/groups": ["g1", "g2", "g1"],
            ]), connectionID: "conn_1")
        #expect(identity.email == "alice@contoso.com")
        #expect(identity.name == "Alice Example")
        #expect(identity.groups == ["g1", "g2"])
        #expect(identity.subject == "u-123")
        #expect(identity.connectionID == "conn_1")
        #expect(identity.attributes.count == 4)
    }

    @Test func nameFromGivenAndFamilyNames() {
        let identity = SAMLAttributeMapping.defaults.identity(
            of: result(["User.FirstName": ["Dave"], "User.LastName": ["Lister"]]))
        #expect(identity.name == "Dave Lister")
    }

    @Test func nameIDIsTheEmailOnlyWithTheEmailFormat() {
        let email = "urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress"
        #expect(
            SAMLAttributeMapping.defaults.identity(of: result(nameID: "bob@example.com", format: email, [:])).email
                == "bob@example.com")
        #expect(
            SAMLAttributeMapping.defaults.identity(of: result(nameID: "bob@example.com", format: nil, [:])).email == nil
        )
        // An email attribute wins over the NameID.
        #expect(
            SAMLAttributeMapping.defaults.identity(
                of: result(nameID: "x@example.com", format: email, ["mail": ["bob@example.com"]])
            ).email == "bob@example.com")
    }

    @Test func connectionOverridesComeFirst() {
        let mapping = SAMLAttributeMapping(overrides: [
            "email": "corpMail", "name": "fullName", "groups": "roles", "bogus": "x",
        ])
        let identity = mapping.identity(
            of: result([
                "corpMail": ["a@corp.example"], "email": ["other@example.com"], "fullName": ["A B"], "roles": ["r1"],
            ]))
        #expect(identity.email == "a@corp.example")
        #expect(identity.name == "A B")
        #expect(identity.groups == ["r1"])
        // Falls back to the defaults when the mapped attribute is absent.
        #expect(mapping.identity(of: result(["email": ["other@example.com"]])).email == "other@example.com")
    }
}
