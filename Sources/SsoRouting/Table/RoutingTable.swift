/// Maps email domains to the connection that claims them.
///
/// A domain belongs to at most one connection. Lookups are one dictionary probe on the
/// normalised ASCII form; with subdomain matching in use, a miss walks up the labels
/// (`a.b.example` → `b.example` → `example`), so a lookup costs O(labels) probes and the most
/// specific claim wins. Subdomain matching is per connection and off by default.
///
/// A value type: the engine keeps one inside its connection store, mutates it only after every
/// check passed, and so never leaves a half-applied claim behind.
public struct RoutingTable: Sendable {
    /// Who a domain routes to.
    public struct Route: Sendable, Hashable {
        /// The connection that claims the domain.
        public let connectionID: String
        /// The claimed domain that matched (the looked-up domain or one of its parents).
        public let matchedDomain: DomainName
        /// Whether the claim also covers subdomains of `matchedDomain`.
        public let includesSubdomains: Bool
    }

    private struct Claim: Sendable, Hashable {
        let connectionID: String
        let includesSubdomains: Bool
    }

    private var claims: [ExactString: Claim] = [:]
    private var domainsByConnection: [ExactString: [DomainName]] = [:]
    private var subdomainClaims = 0

    /// An empty table.
    public init() {}

    /// The number of claimed domains.
    public var count: Int { claims.count }

    /// The domains claimed by `connectionID`, in the order they were assigned.
    public func domains(of connectionID: String) -> [DomainName] {
        domainsByConnection[ExactString(connectionID)] ?? []
    }

    /// The connection `domain` routes to: an exact claim, else the nearest parent claimed with
    /// subdomain matching; `nil` when nothing matches.
    public func route(_ domain: DomainName) -> Route? {
        if let claim = claims[ExactString(domain.ascii)] {
            return Route(
                connectionID: claim.connectionID, matchedDomain: domain, includesSubdomains: claim.includesSubdomains)
        }
        guard subdomainClaims > 0 else { return nil }
        var rest = Substring(domain.ascii)
        while let dot = rest.firstIndex(of: ".") {
            rest = rest[rest.index(after: dot)...]
            let key = String(rest)
            if let claim = claims[ExactString(key)], claim.includesSubdomains {
                return Route(
                    connectionID: claim.connectionID, matchedDomain: DomainName(canonical: key),
                    includesSubdomains: true)
            }
        }
        return nil
    }

    /// The connection the domain of `email` routes to.
    public func route(_ email: EmailAddress) -> Route? {
        route(email.domain)
    }

    /// Normalises `emailOrDomain` (an address or a bare domain) and routes it.
    /// - Throws: `routing.invalid_email` / `routing.invalid_domain`, or `routing.no_connection`.
    public func route(normalizing emailOrDomain: String) throws(SsoError) -> Route {
        let domain =
            emailOrDomain.contains("@") ? try EmailAddress(emailOrDomain).domain : try DomainName(emailOrDomain)
        guard let route = route(domain) else {
            throw SsoError(.routingNoConnection, "no SSO connection is configured for this domain")
        }
        return route
    }

    /// The domains of `domains` that another connection already claims.
    public func conflicts(_ domains: [DomainName], for connectionID: String) -> [DomainName] {
        domains.filter { domain in
            claims[ExactString(domain.ascii)].map { !$0.connectionID.bytesEqual(connectionID) } ?? false
        }
    }

    /// Makes `domains` the complete set claimed by `connectionID`, replacing what it claimed
    /// before. All or nothing: on any error the table is unchanged.
    /// - Throws: `routing.domain_conflict` when another connection claims one of them;
    ///   `routing.invalid_domain` for a single-label domain (a top-level domain is never routable).
    public mutating func assign(_ domains: [DomainName], to connectionID: String, includeSubdomains: Bool = false)
        throws(SsoError)
    {
        var unique: [DomainName] = []
        var seen = Set<DomainName>()
        for domain in domains where seen.insert(domain).inserted {
            guard domain.ascii.contains(".") else {
                throw SsoError(.routingInvalidDomain, "not a routable domain: \(domain.ascii) has a single label")
            }
            unique.append(domain)
        }
        if let taken = conflicts(unique, for: connectionID).first {
            throw SsoError(.routingDomainConflict, "the domain \(taken.ascii) is already claimed by another connection")
        }
        remove(connectionID: connectionID)
        guard !unique.isEmpty else { return }
        for domain in unique {
            claims[ExactString(domain.ascii)] = Claim(connectionID: connectionID, includesSubdomains: includeSubdomains)
        }
        if includeSubdomains { subdomainClaims += unique.count }
        domainsByConnection[ExactString(connectionID)] = unique
    }

    /// Releases every domain claimed by `connectionID`.
    public mutating func remove(connectionID: String) {
        guard let owned = domainsByConnection.removeValue(forKey: ExactString(connectionID)) else { return }
        for domain in owned {
            if let claim = claims.removeValue(forKey: ExactString(domain.ascii)), claim.includesSubdomains {
                subdomainClaims -= 1
            }
        }
    }
}
