import Foundation
import SsoCore
import Testing
@testable import SsoSAML

/// `SAMLAttributeMapping.defaults.groups` against the attribute statements real IdPs send: one
/// test per IdP shape, plus the union and order rules.
@Suite struct DefaultGroupMappingTests {
    private func groups(_ attributes: [String: [String]]) -> [String] {
        let result = SAMLAssertionResult(
            issuer: "https://idp.example", nameID: "u-1", nameIDFormat: nil, nameQualifier: nil, spNameQualifier: nil,
            sessionIndex: nil, authnInstant: nil, authnContextClassRef: nil, sessionNotOnOrAfter: nil,
            notOnOrAfter: Date(timeIntervalSince1970: 0), assertionID: "_a", responseID: nil, inResponseTo: nil,
            attributes: attributes, responseWasSigned: true, assertionWasSigned: true, assertionWasEncrypted: false)
        return SAMLAttributeMapping.defaults.identity(of: result).groups
    }

    /// SimpleSAMLphp's `exampleauth:UserPass` test users: bare names, groups in `eduPersonAffiliation`.
    @Test func simpleSAMLphpAffiliationAndGroups() {
        #expect(
            groups(["uid": ["1"], "eduPersonAffiliation": ["group1"], "email": ["user1@example.com"]]) == ["group1"])
        #expect(groups(["uid": ["student"], "eduPersonAffiliation": ["member", "student"]]) == ["member", "student"])
        #expect(groups(["groups": ["admins"], "eduPersonAffiliation": ["member"]]) == ["admins", "member"])
    }

    /// Shibboleth IdP v3+/v4: SAML 2.0 `urn:oid:` names with a FriendlyName; memberships first.
    @Test func shibbolethOIDNames() {
        let sent = [
            "urn:oid:1.3.6.1.4.1.5923.1.1.1.1": ["member", "staff"],
            "urn:oid:1.3.6.1.4.1.5923.1.1.1.9": ["member@example.edu", "staff@example.edu"],
            "urn:oid:1.3.6.1.4.1.5923.1.1.1.7": ["urn:mace:dir:entitlement:common-lib-terms"],
            "urn:oid:1.3.6.1.4.1.5923.1.5.1.1": ["cn=it-staff,ou=groups,dc=example,dc=edu"],
            "urn:oid:1.3.6.1.4.1.5923.1.1.1.6": ["jdoe@example.edu"],
        ]
        #expect(
            groups(sent) == [
                "cn=it-staff,ou=groups,dc=example,dc=edu", "urn:mace:dir:entitlement:common-lib-terms",
                "member@example.edu", "staff@example.edu", "member", "staff",
            ])
    }

    /// SAML 1.1-style names (Shibboleth's legacy encoders, SimpleSAMLphp's `name2urn` map).
    @Test func maceAttributeDefNames() {
        #expect(
            groups([
                "urn:mace:dir:attribute-def:eduPersonAffiliation": ["faculty"],
                "urn:mace:dir:attribute-def:eduPersonEntitlement": ["urn:example:entitlement:lab"],
                "urn:mace:dir:attribute-def:isMemberOf": ["physics"],
            ]) == ["physics", "urn:example:entitlement:lab", "faculty"])
    }

    /// ADFS: Token-Groups as `…/claims/Group`, AD roles as `…/claims/role`.
    @Test func adfsGroupAndRoleClaims() {
        #expect(
            groups([
                "http://schemas.xmlsoap.org/claims/Group": ["Domain Users", "Finance"],
                "http://schemas.microsoft.com/ws/2008/06/identity/claims/role": ["Approver", "Finance"],
                "http://schemas.microsoft.com/ws/2008/06/identity/claims/groupsid": ["S-1-5-21-1-2-3-513"],
            ]) == ["Domain Users", "Finance", "Approver"])
    }

    /// Entra ID: group object ids and app roles; the overage link is not a group.
    @Test func entraIDGroupsRolesAndOverage() {
        #expect(
            groups([
                "http://schemas.microsoft.com/ws/2008/06/identity/claims/groups": [
                    "07dd8a60-bf6d-4e17-8844-230b77145381"
                ],
                "http://schemas.microsoft.com/ws/2008/06/identity/claims/role": ["Admin"],
            ]) == ["07dd8a60-bf6d-4e17-8844-230b77145381", "Admin"])
        #expect(
            groups([
                "http://schemas.microsoft.com/claims/groups.link": [
                    "https://graph.windows.net/t/users/u/getMemberObjects"
                ]
            ]).isEmpty)
    }

    /// Okta (and Google Workspace): a `groups` attribute statement.
    @Test func oktaGroups() {
        #expect(
            groups(["groups": ["Everyone", "Engineering"], "email": ["bob@acme.example"]]) == [
                "Everyone", "Engineering",
            ])
    }

    /// Several attributes are merged, not first-present-wins; duplicates and blanks are dropped.
    @Test func unionIsTrimmedAndDeduplicated() {
        #expect(
            groups(["groups": [" eng ", "", "ops"], "memberOf": ["eng", "  "], "isMemberOf": ["ops", "sre"]]) == [
                "eng", "ops", "sre",
            ])
    }

    /// A connection's `groups` override comes first and keeps the defaults.
    @Test func groupOverrideAddsToTheDefaults() {
        let mapping = SAMLAttributeMapping(overrides: ["groups": "department"])
        #expect(mapping.groups.first == "department")
        #expect(mapping.groups.dropFirst().elementsEqual(SAMLAttributeMapping.defaults.groups))
    }
}
