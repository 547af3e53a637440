import Foundation

/// How the issuer in discovery documents and ID tokens is matched against the configured issuer.
///
/// The default, ``exact``, compares strings exactly (a trailing slash is significant, as the
/// specification requires). ``entraMultiTenant(allowedTenants:)`` accepts Microsoft Entra ID's
/// multi-tenant template issuer and then checks every ID token's `iss` against its own `tid`.
public struct IssuerPolicy: Sendable, Hashable {
    enum Kind: Sendable, Hashable {
        case exact
        case entraMultiTenant(allowedTenants: Set<String>?)
    }

    let kind: Kind

    /// The issuer must equal the configured issuer exactly.
    public static let exact = IssuerPolicy(kind: .exact)

    /// For an Entra ID application configured with `https://login.microsoftonline.com/organizations/v2.0`
    /// (or `common`, `consumers`): the discovery document's issuer must be the template
    /// `https://login.microsoftonline.com/{tenantid}/v2.0`, and each ID token's `iss` must equal
    /// the template with `{tenantid}` replaced by the token's `tid` claim, which must be a GUID and,
    /// when `allowedTenants` is given, one of them (lowercase GUIDs).
    public static func entraMultiTenant(allowedTenants: Set<String>? = nil) -> IssuerPolicy {
        IssuerPolicy(kind: .entraMultiTenant(allowedTenants: allowedTenants.map { Set($0.map { $0.lowercased() }) }))
    }

    /// The placeholder Entra ID puts in its multi-tenant issuer.
    static let tenantPlaceholder = "{tenantid}"
    /// Path segments that name no tenant in a configured multi-tenant issuer.
    static let multiTenantAliases = ["common", "organizations", "consumers"]

    /// Whether the document's `documentIssuer` is acceptable for `configured`.
    func discoveryIssuerMatches(_ documentIssuer: String, configured: String, ignoreTrailingSlash: Bool) -> Bool {
        if Self.equal(documentIssuer, configured, ignoreTrailingSlash: ignoreTrailingSlash) { return true }
        guard case .entraMultiTenant = kind, Self.isTenantTemplate(documentIssuer) else { return false }
        return Self.multiTenantAliases.contains { alias in
            let concrete = documentIssuer.replacingOccurrences(of: Self.tenantPlaceholder, with: alias)
            return Self.equal(concrete, configured, ignoreTrailingSlash: ignoreTrailingSlash)
        }
    }

    /// Whether `issuer` holds the `{tenantid}` placeholder exactly once, as a whole path segment
    /// (`/{tenantid}/`). Matched on UTF-8 bytes; callers that validate tokens compute it once, at
    /// configuration time (``IDTokenVerifier``).
    static func isTenantTemplate(_ issuer: String) -> Bool {
        let bytes = Array(issuer.utf8)
        let placeholder = Array(tenantPlaceholder.utf8)
        var found: Int?
        var start = 0
        while start + placeholder.count <= bytes.count {
            if bytes[start] == placeholder[0], bytes[start..<(start + placeholder.count)].elementsEqual(placeholder) {
                guard found == nil else { return false }
                found = start
                start += placeholder.count
            } else {
                start += 1
            }
        }
        guard let found, found > 0, found + placeholder.count < bytes.count else { return false }
        return bytes[found - 1] == UInt8(ascii: "/") && bytes[found + placeholder.count] == UInt8(ascii: "/")
    }

    /// Whether `text` is a GUID in canonical lowercase form (`8-4-4-4-12` hex digits).
    static func isCanonicalGUID(_ text: String) -> Bool {
        let groups = text.split(separator: "-", omittingEmptySubsequences: false)
        guard groups.map(\.utf8.count) == [8, 4, 4, 4, 12] else { return false }
        return groups.allSatisfy { group in
            group.utf8.allSatisfy { (48...57).contains($0) || (97...102).contains($0) }
        }
    }

    private static func equal(_ lhs: String, _ rhs: String, ignoreTrailingSlash: Bool) -> Bool {
        guard ignoreTrailingSlash else { return lhs.bytesEqual(rhs) }
        func trimmed(_ text: String) -> Substring { text.hasSuffix("/") ? text.dropLast() : Substring(text) }
        return trimmed(lhs).bytesEqual(trimmed(rhs))
    }
}
