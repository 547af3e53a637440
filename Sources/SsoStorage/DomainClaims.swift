import Sso
import SsoCore
import SsoRouting

/// The domain-claim rules of ``RoutingTable``, for stores that keep claims in rows: the same
/// validation, conflict error and nearest-match lookup, so every store routes alike.
package enum DomainClaims {
    /// A claim row found for one of a lookup's candidates.
    package struct Found: Sendable {
        package let domain: String
        package let includesSubdomains: Bool
        package let connectionID: String
        package let payload: String

        package init(domain: String, includesSubdomains: Bool, connectionID: String, payload: String) {
            self.domain = domain
            self.includesSubdomains = includesSubdomains
            self.connectionID = connectionID
            self.payload = payload
        }
    }

    /// The record's domains, deduplicated in order, checked as ``RoutingTable/assign(_:to:includeSubdomains:)`` checks them.
    package static func validated(_ record: SsoConnectionRecord) throws(SsoError) -> [DomainName] {
        var table = RoutingTable()
        try table.assign(record.domains, to: record.id, includeSubdomains: record.matchSubdomains)
        return table.domains(of: record.id)
    }

    /// `routing.domain_conflict`, worded as the in-memory table words it.
    package static func conflict(_ domain: DomainName, file: String = #fileID, line: Int = #line) -> SsoError {
        SsoError(
            .routingDomainConflict, "the domain \(domain.ascii) is already claimed by another connection", file: file,
            line: line)
    }

    /// Claims each of `domains` through `claim`, which inserts one claim row unless the domain is
    /// taken and returns whether it did. The first taken domain is ``conflict(_:file:line:)``; the
    /// throw rolls back the caller's transaction, so a record gets all its domains or none.
    package static func claimEach(
        _ domains: [DomainName], file: String = #fileID, line: Int = #line,
        _ claim: (DomainName) async throws -> Bool
    ) async throws {
        for domain in domains {
            if try await !claim(domain) { throw conflict(domain, file: file, line: line) }
        }
    }

    /// The domain and its parents with at least two labels, most specific first.
    package static func candidates(for domain: DomainName) -> [String] {
        var result = [domain.ascii]
        var rest = Substring(domain.ascii)
        while let dot = rest.firstIndex(of: ".") {
            rest = rest[rest.index(after: dot)...]
            result.append(String(rest))
        }
        return result
    }

    /// The exact claim, else the nearest parent claimed with subdomain matching.
    package static func nearest(_ claims: [Found], for domain: DomainName) -> Found? {
        if let exact = claims.first(where: { $0.domain.bytesEqual(domain.ascii) }) { return exact }
        for candidate in candidates(for: domain).dropFirst() {
            if let parent = claims.first(where: { $0.domain.bytesEqual(candidate) && $0.includesSubdomains }) {
                return parent
            }
        }
        return nil
    }
}
