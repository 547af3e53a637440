/// Maps group DNs to scopes: keys are group DNs (compared on normalised DNs, case-insensitively)
/// or bare names matched against a group's first RDN value (its CN).
package struct LDAPGroupMapper: Sendable {
    private let byDN: [String: [String]]
    private let byName: [String: [String]]
    /// Whether the mapping has any entry.
    package let isEmpty: Bool

    /// Indexes `mapping` (group DN or bare name → scopes).
    package init(_ mapping: [String: [String]]) {
        var byDN: [String: [String]] = [:]
        var byName: [String: [String]] = [:]
        for (key, scopes) in mapping {
            let trimmed = key.trimmingSpaces()
            if trimmed.contains("="), LDAPDistinguishedName.parse(trimmed) != nil {
                byDN[LDAPDistinguishedName.normalize(trimmed), default: []] += scopes
            } else {
                byName[trimmed.lowercased(), default: []] += scopes
            }
        }
        self.byDN = byDN
        self.byName = byName
        self.isEmpty = mapping.isEmpty
    }

    /// The sorted union of the scopes of `groups` (group DNs).
    package func scopes(for groups: [String]) -> [String] {
        var result = Set<String>()
        for group in groups {
            result.formUnion(byDN[LDAPDistinguishedName.normalize(group)] ?? [])
            if let leaf = LDAPDistinguishedName.leafValue(group) {
                result.formUnion(byName[leaf.lowercased()] ?? [])
            }
        }
        return result.sorted()
    }
}
