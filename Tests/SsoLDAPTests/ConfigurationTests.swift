import Testing
@testable import SsoLDAP

@Suite struct ConfigurationTests {
    static func configuration(_ change: (inout LDAPConfiguration) throws -> Void = { _ in }) throws -> LDAPConfiguration
    {
        var configuration = LDAPConfiguration(
            endpoint: try LDAPEndpoint(url: "ldap://ldap.example.org"),
            serviceAccount: .bind(dn: "cn=svc,dc=example,dc=org", password: Secret("pw")),
            userLookup: .search(base: "dc=example,dc=org"))
        try change(&configuration)
        return configuration
    }

    @Test func urlsAndSecurityModes() throws {
        #expect(try LDAPEndpoint(url: "ldap://h").security == .startTLS)
        #expect(try LDAPEndpoint(url: "ldaps://h").security == .ldaps)
        #expect(try LDAPEndpoint(url: "ldaps://h").port == 636)
        #expect(try LDAPEndpoint(url: "LDAP://h:1389/").url == "ldap://h:1389")
        for bad in [
            "http://h", "ldap://", "ldap://h ldap://evil", "ldap://user:pw@h", "ldap://h/dc=x??sub", "ldap://h:99999",
            "h",
        ] {
            #expect(throws: SsoError.self) { try LDAPEndpoint(url: bad) }
        }
        #expect(throws: SsoError.self) { try LDAPEndpoint(url: "ldaps://h", security: .startTLS) }
        #expect(throws: SsoError.self) { try LDAPEndpoint(url: "ldap://h", security: .ldaps) }
    }

    @Test func validConfigurationPasses() throws {
        try Self.configuration().validate()
    }

    @Test func unsafeOrMalformedConfigurationsAreRefused() throws {
        let cases: [(inout LDAPConfiguration) -> Void] = [
            { $0.serviceAccount = .bind(dn: "cn=svc,dc=x", password: Secret("")) },
            { $0.serviceAccount = .bind(dn: "not a dn", password: Secret("pw")) },
            { $0.userLookup = .search(base: "dc=x", attribute: "uid=*)(x") },
            { $0.userLookup = .search(base: "dc=x", filter: "objectClass=person") },
            { $0.userLookup = .directBind(template: "uid=x,dc=x") },
            { $0.userLookup = .directBind(template: "uid={username},cn={username},dc=x") },
            { $0.groups = LDAPGroupConfiguration(mode: .member()) },
            { $0.groups = LDAPGroupConfiguration(mode: .memberOf, nested: .activeDirectoryInChain) },
            { $0.attributes.email = "mail)(x=*" },
            { $0.poolSize = 0 },
        ]
        for change in cases {
            let configuration = try Self.configuration(change)
            #expect(throws: SsoError.self) { try configuration.validate() }
        }
    }

    @Test func anonymousSearchNeedsTheExplicitOption() throws {
        let configuration = try Self.configuration { $0.serviceAccount = .unsafeAnonymous }
        try configuration.validate()
        #expect(configuration.serviceAccount.isAnonymous)
    }

    @Test func resultsNeverCarryThePassword() throws {
        let secret = Secret("hunter2")
        #expect(!"\(secret)".contains("hunter2"))
        let request = LDAPBindRequest(dn: "cn=x", password: secret)
        #expect(!String(describing: request).contains("hunter2"))
        #expect(!String(reflecting: request).contains("hunter2"))
    }
}
