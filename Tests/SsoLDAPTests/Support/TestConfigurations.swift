import Foundation
import SsoTestSupport
@testable import SsoLDAP

/// Configurations for the fixture directory (Fixtures/ldap/*.ldif).
enum Fixture {
    static let base = "dc=example,dc=org"
    static let people = "ou=people,dc=example,dc=org"
    static let groups = "ou=groups,dc=example,dc=org"
    static let serviceDN = "cn=svc,ou=services,dc=example,dc=org"

    static func dn(_ uid: String) -> String { "uid=\(uid),\(people)" }
    static func group(_ cn: String) -> String { "cn=\(cn),\(groups)" }

    /// The OpenLDAP tree over StartTLS with the fixture CA.
    static func openLDAP(
        _ server: LDAPTestServer,
        security: LDAPTransportSecurity = .startTLS,
        groups: LDAPGroupConfiguration = LDAPGroupConfiguration(mode: .memberOf, nested: .none),
        mapping: [String: [String]] = ["cn=engineers,ou=groups,dc=example,dc=org": ["repo:write"], "staff": ["read"]],
        defaultRole: String? = nil,
        requireGroup: Bool = false,
        lookup: LDAPUserLookup? = nil,
        servicePassword: String = "svc-pw",
        timeout: Duration = .seconds(10),
        poolSize: Int = 4
    ) throws -> LDAPConfiguration {
        let url = security == .ldaps ? server.ldapsURL : server.ldapURL
        let endpoint = try LDAPEndpoint(
            url: url, security: security,
            tls: LDAPTLSConfiguration(trustRoots: .pem(server.caPEM)))
        return LDAPConfiguration(
            endpoint: endpoint,
            serviceAccount: .bind(dn: serviceDN, password: Secret(servicePassword)),
            userLookup: lookup ?? .search(base: base, attribute: "uid", filter: "(objectClass=inetOrgPerson)"),
            groups: groups, groupMapping: mapping, defaultRole: defaultRole, requireGroup: requireGroup,
            authenticationTimeout: timeout, poolSize: poolSize)
    }

    static func authenticator(_ configuration: LDAPConfiguration, connector: any LDAPConnector = LibLDAPConnector())
        throws
        -> LDAPAuthenticator
    {
        try LDAPAuthenticator(configuration: configuration, connector: connector)
    }
}

/// A connector that counts what goes through it, around another connector.
final class CountingConnector: LDAPConnector, @unchecked Sendable {
    private let inner: any LDAPConnector
    private let lock = NSLock()
    private var connectsValue = 0
    private var bindsValue: [String] = []

    init(_ inner: any LDAPConnector = LibLDAPConnector()) { self.inner = inner }

    var connects: Int { lock.withLock { connectsValue } }
    var bindCount: Int { lock.withLock { bindsValue.count } }

    func connect(to endpoint: LDAPEndpoint, deadline: ContinuousClock.Instant) async throws -> any LDAPConnection {
        lock.withLock { connectsValue += 1 }
        let connection = try await inner.connect(to: endpoint, deadline: deadline)
        return Counted(inner: connection, owner: self)
    }

    fileprivate func recordBind(_ dn: String) { lock.withLock { bindsValue.append(dn) } }

    private struct Counted: LDAPConnection {
        let inner: any LDAPConnection
        let owner: CountingConnector
        func bind(_ request: LDAPBindRequest, deadline: ContinuousClock.Instant) async throws -> LDAPBindResponse {
            owner.recordBind(request.dn)
            return try await inner.bind(request, deadline: deadline)
        }
        func search(_ request: LDAPSearchRequest, deadline: ContinuousClock.Instant) async throws -> [LDAPEntry] {
            try await inner.search(request, deadline: deadline)
        }
        func close() async { await inner.close() }
    }
}

/// Runs `body` and returns the `SsoError` it threw (nil when it did not throw).
func ssoError(_ body: () async throws -> Void) async -> SsoError? {
    do {
        try await body()
        return nil
    } catch let error as SsoError {
        return error
    } catch {
        return SsoError("test.unexpected", "\(error)")
    }
}
