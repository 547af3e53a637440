import Foundation

extension LDAPAuthenticator {
    /// The attributes read from the user's entry.
    var userAttributes: [String] {
        var names = [configuration.attributes.email] + configuration.attributes.name + configuration.attributes.id
        if case .search(_, let attribute, _, _) = configuration.userLookup { names.append(attribute) }
        if configuration.groups.mode == .memberOf { names.append("memberOf") }
        var seen = Set<String>()
        return names.filter { seen.insert($0.lowercased()).inserted }
    }

    func searchThenBind(
        username: String, password: Secret, base: String, attribute: String, filter: String?,
        scope: LDAPSearchScope, deadline: ContinuousClock.Instant
    ) async throws -> LDAPAuthenticationResult {
        let assertion = LDAPFilter.equality(attribute, username)
        let request = LDAPSearchRequest(
            base: base, scope: scope, filter: filter.map { "(&\(assertion)\($0))" } ?? assertion,
            attributes: userAttributes, sizeLimit: 1)
        let entries: [LDAPEntry]
        do {
            entries = try await withServiceConnection(deadline: deadline) {
                try await $0.search(request, deadline: deadline)
            }
        } catch let error as SsoError where error.code == .ldapSizeLimitExceeded {
            throw SsoError(.ldapAmbiguousUser, "the username matches more than one directory entry")
        }
        guard let entry = entries.first else {
            // Same path as a wrong password: a fresh connection and a bind that fails.
            let dummy = "cn=swift-sso-no-such-user-\(UUID().uuidString.lowercased()),\(base)"
            _ = try await userBind(dn: dummy, password: password, deadline: deadline) { _ in () }
            throw LDAPBindOutcome.invalidCredentials
        }
        let loginName = entry.strings(attribute).first
        let (bound, warning) = try await userBind(dn: entry.dn, password: password, deadline: deadline) { _ in entry }
        let resolver = LDAPGroupResolver(configuration: configuration.groups)
        let groups: [String]
        if resolver.needsDirectory {
            groups = try await withServiceConnection(deadline: deadline) { connection in
                try await resolver.groups(of: bound, loginName: loginName, deadline: deadline) {
                    try await connection.search($0, deadline: deadline)
                }
            }
        } else {
            groups = try await resolver.groups(of: bound, loginName: loginName, deadline: deadline) { _ in [] }
        }
        return try result(for: bound, groups: groups, warning: warning)
    }

    func directBind(
        username: String, password: Secret, template: String,
        deadline: ContinuousClock.Instant
    ) async throws -> LDAPAuthenticationResult {
        let dn = template.replacingOccurrences(
            of: LDAPUserLookup.placeholder, with: LDAPDistinguishedName.escapeValue(username))
        let request = LDAPSearchRequest(
            base: dn, scope: .base, filter: "(objectClass=*)", attributes: userAttributes, sizeLimit: 1)
        let resolver = LDAPGroupResolver(configuration: configuration.groups)
        /// Reads the entry and its groups on `connection`.
        @Sendable func read(_ connection: any LDAPConnection) async throws -> (LDAPEntry, [String]) {
            guard let entry = try await connection.search(request, deadline: deadline).first else {
                throw LDAPBindOutcome.invalidCredentials
            }
            let groups = try await resolver.groups(
                of: entry, loginName: LDAPDistinguishedName.leafValue(entry.dn),
                deadline: deadline
            ) { try await connection.search($0, deadline: deadline) }
            return (entry, groups)
        }
        // The directory reads (entry, groups) run as the service account when there is one: users
        // can rarely read groups themselves. Without one, they run on the user's own connection.
        let anonymousService = configuration.serviceAccount.isAnonymous
        let (outcome, warning) = try await userBind(dn: dn, password: password, deadline: deadline) { connection in
            anonymousService ? try await read(connection) : nil
        }
        if let (entry, groups) = outcome {
            return try result(for: entry, groups: groups, warning: warning)
        }
        let (entry, groups) = try await withServiceConnection(deadline: deadline) { try await read($0) }
        return try result(for: entry, groups: groups, warning: warning)
    }

    /// Binds as `dn` on a fresh connection; on success runs `then` on that connection before
    /// closing it and returns its result with the password-expiry warning, if any. A refused bind
    /// throws its typed error.
    func userBind<T: Sendable>(
        dn: String, password: Secret, deadline: ContinuousClock.Instant,
        then: (any LDAPConnection) async throws -> T
    ) async throws -> (T, Int?) {
        try await withFreshConnection(deadline: deadline) { connection in
            let response = try await connection.bind(LDAPBindRequest(dn: dn, password: password), deadline: deadline)
            if let error = LDAPBindOutcome.error(for: response) { throw error }
            return (try await then(connection), response.passwordPolicy?.secondsBeforeExpiration)
        }
    }

    func result(for entry: LDAPEntry, groups: [String], warning: Int?) throws -> LDAPAuthenticationResult {
        let id = try LDAPIdentifier.read(from: entry, attributes: configuration.attributes.id)
        let name = configuration.attributes.name.lazy.compactMap { entry.string($0) }.first
        var scopes = mapper.scopes(for: groups)
        if scopes.isEmpty {
            if configuration.requireGroup && (!mapper.isEmpty || groups.isEmpty) {
                throw SsoError(.ldapGroupRequired, "the user is in no group that grants access")
            }
            scopes = configuration.defaultRole.map { [$0] } ?? []
        }
        return LDAPAuthenticationResult(
            dn: entry.dn, id: id, email: entry.string(configuration.attributes.email), name: name,
            groups: groups, scopes: scopes, passwordExpiresIn: warning)
    }
}

/// Reads the stable id from an entry.
enum LDAPIdentifier {
    static func read(from entry: LDAPEntry, attributes: [String]) throws(SsoError) -> String {
        if attributes.isEmpty { return entry.dn }
        for name in attributes {
            guard let value = entry.values(name).first, !value.isEmpty else { continue }
            if name.lowercased() == "objectguid", value.count == 16 { return guid(value) }
            if let text = String(validating: value, as: UTF8.self), !text.contains(where: \.isNewline) { return text }
            return Data(value).base64EncodedString()
        }
        throw SsoError(
            .ldapMissingIdentifier,
            "the user's entry has none of the stable-id attributes \(attributes.joined(separator: ", "))")
    }

    /// Active Directory's `objectGUID` bytes as the usual GUID string (first three fields little-endian).
    static func guid(_ bytes: [UInt8]) -> String {
        let order = [3, 2, 1, 0, -1, 5, 4, -1, 7, 6, -1, 8, 9, -1, 10, 11, 12, 13, 14, 15]
        return order.map { $0 < 0 ? "-" : String(format: "%02x", bytes[$0]) }.joined()
    }
}
