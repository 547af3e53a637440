/// Collects a user's groups, nested ones included, with bounded work and cycle safety.
struct LDAPGroupResolver {
    /// The OID of Active Directory's LDAP_MATCHING_RULE_IN_CHAIN.
    static let inChainRule = "1.2.840.113556.1.4.1941"
    let configuration: LDAPGroupConfiguration

    init(configuration: LDAPGroupConfiguration) {
        self.configuration = configuration
    }

    typealias Search = (LDAPSearchRequest) async throws -> [LDAPEntry]

    /// Whether resolving needs searches (false for `memberOf` without a nested walk, or no groups).
    var needsDirectory: Bool {
        switch (configuration.mode, configuration.nested) {
        case (.none, _), (.memberOf, .none): false
        default: true
        }
    }

    /// The group DNs of `user`, sorted.
    func groups(
        of user: LDAPEntry, loginName: String?, deadline: ContinuousClock.Instant,
        search: Search
    ) async throws -> [String] {
        var found = Found(limit: configuration.maximumGroups)
        switch (configuration.mode, configuration.nested) {
        case (.none, _):
            return []
        case (.memberOf, .activeDirectoryInChain), (.member, .activeDirectoryInChain):
            let attribute = if case .member(let name) = configuration.mode { name } else { "member" }
            let filter = "(\(attribute):\(Self.inChainRule):=\(LDAPFilter.escape(user.dn)))"
            for entry in try await groupSearch(filter, search) { try found.insert(entry.dn) }
        case (.memberOf, let nested):
            var frontier = try found.insertAll(user.strings("memberOf"))
            if case .walk(let depth) = nested {
                for _ in 1..<max(depth, 1) where !frontier.isEmpty {
                    var next: [String] = []
                    for group in frontier {
                        let request = LDAPSearchRequest(
                            base: group, scope: .base, filter: "(objectClass=*)",
                            attributes: ["memberOf"], sizeLimit: 1)
                        let parents: [String]
                        do {
                            parents = try await search(request).first?.strings("memberOf") ?? []
                        } catch let error as SsoError where error.code == .ldapSearchFailed {
                            parents = []  // a group we may not read, or one deleted meanwhile
                        }
                        next += try found.insertAll(parents)
                    }
                    frontier = next
                }
            }
        case (.member(let attribute), let nested):
            var frontier = try found.insertAll(
                try await groupSearch(LDAPFilter.equality(attribute, user.dn), search).map(\.dn))
            if case .walk(let depth) = nested {
                for _ in 1..<max(depth, 1) where !frontier.isEmpty {
                    var next: [String] = []
                    for chunk in stride(from: 0, to: frontier.count, by: 32).map({
                        Array(frontier[$0..<min($0 + 32, frontier.count)])
                    }) {
                        let filter = "(|" + chunk.map { LDAPFilter.equality(attribute, $0) }.joined() + ")"
                        next += try found.insertAll(try await groupSearch(filter, search).map(\.dn))
                    }
                    frontier = next
                }
            }
        case (.memberUid(let attribute), _):
            guard let loginName else { return [] }
            for entry in try await groupSearch(LDAPFilter.equality(attribute, loginName), search) {
                try found.insert(entry.dn)
            }
        }
        return found.ordered.sorted()
    }

    private func groupSearch(_ filter: String, _ search: Search) async throws -> [LDAPEntry] {
        guard let base = configuration.base else { return [] }
        let combined = configuration.filter.map { "(&\($0)\(filter))" } ?? filter
        return try await search(
            LDAPSearchRequest(
                base: base, scope: .subtree, filter: combined, attributes: [],
                sizeLimit: configuration.maximumGroups))
    }

    /// Groups seen so far, keyed by normalised DN.
    private struct Found {
        let limit: Int
        var seen = Set<String>()
        var ordered: [String] = []

        init(limit: Int) { self.limit = limit }

        /// Inserts `dn`; returns whether it was new.
        @discardableResult
        mutating func insert(_ dn: String) throws(SsoError) -> Bool {
            guard seen.insert(LDAPDistinguishedName.normalize(dn)).inserted else { return false }
            ordered.append(dn)
            guard ordered.count <= limit else {
                throw SsoError(.ldapSizeLimitExceeded, "the user is in more than \(limit) groups")
            }
            return true
        }

        /// Inserts every DN; returns the new ones.
        mutating func insertAll(_ dns: [String]) throws(SsoError) -> [String] {
            var fresh: [String] = []
            for dn in dns {
                if try insert(dn) { fresh.append(dn) }
            }
            return fresh
        }
    }
}
