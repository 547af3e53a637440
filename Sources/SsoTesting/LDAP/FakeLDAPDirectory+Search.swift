import SsoLDAP

extension FakeLDAPDirectory {
    func search(_ request: LDAPSearchRequest) throws(SsoError) -> [LDAPEntry] {
        guard let filter = FakeLDAPFilter.parse(request.filter) else {
            throw SsoError(.ldapSearchFailed, "the search failed: Bad search filter (result -7)")
        }
        let base = LDAPDistinguishedName.normalize(request.base)
        return try state.withLock { value throws(SsoError) -> [LDAPEntry] in
            value.counters.searches += 1
            guard base.isEmpty || value.accounts[base] != nil else {
                throw SsoError(.ldapSearchFailed, "the search failed: No such object (result 32)")
            }
            let accounts = value.accounts
            var results: [LDAPEntry] = []
            for key in value.order {
                guard let account = accounts[key], Self.inScope(key, base: base, scope: request.scope) else { continue }
                let matches = filter.matches(account.entry) { attribute, target in
                    Self.reaches(
                        from: account.entry, attribute: attribute,
                        target: LDAPDistinguishedName.normalize(String(decoding: target, as: UTF8.self)),
                        accounts: accounts)
                }
                guard matches else { continue }
                results.append(Self.project(account.entry, request.attributes))
                if results.count > request.sizeLimit {
                    throw SsoError(.ldapSizeLimitExceeded, "the search matched more than \(request.sizeLimit) entries")
                }
            }
            return results
        }
    }

    static func inScope(_ key: String, base: String, scope: LDAPSearchScope) -> Bool {
        switch scope {
        case .base: return key == base
        case .subtree: return base.isEmpty || key == base || key.hasSuffix("," + base)
        case .oneLevel:
            guard key.hasSuffix("," + base) else { return false }
            return LDAPDistinguishedName.parse(key)?.count == (LDAPDistinguishedName.parse(base)?.count ?? 0) + 1
        }
    }

    /// Active Directory's in-chain rule: whether `target` is reachable from `entry` by following
    /// `attribute` (e.g. `member`) transitively. Breadth-first, cycle-safe.
    static func reaches(from entry: LDAPEntry, attribute: String, target: String, accounts: [String: Account]) -> Bool {
        var seen = Set<String>()
        var frontier = entry.strings(attribute).map(LDAPDistinguishedName.normalize)
        while !frontier.isEmpty {
            var next: [String] = []
            for dn in frontier where seen.insert(dn).inserted {
                if dn == target { return true }
                next += accounts[dn]?.entry.strings(attribute).map(LDAPDistinguishedName.normalize) ?? []
            }
            frontier = next
        }
        return false
    }

    static func project(_ entry: LDAPEntry, _ attributes: [String]) -> LDAPEntry {
        if attributes.contains("*") { return entry }
        let wanted = Set(attributes.map { $0.lowercased() })
        return LDAPEntry(dn: entry.dn, attributes: entry.attributes.filter { wanted.contains($0.key.lowercased()) })
    }
}
