import Foundation
import Sso

/// The five store operations of §7, each checked so a store that does less cannot look faster.
enum StoreOperation: String, CaseIterable, Sendable {
    case pendingLogin = "pending-login insert+take"
    case replay = "replay insert"
    case sessionCreate = "session create"
    case sessionList = "session list of 10k"
    case routeLookup = "connection route lookup"
}

/// One operation on one store, with the rows it needs already in place.
struct StoreWorkload: Sendable {
    static let now = Date(timeIntervalSince1970: 1_774_785_600)
    static let listedOrganization = "org_bench_10k"
    static let listedSessions = 10_000
    static let routedConnections = 100

    let stores: SsoStores
    let operation: StoreOperation
    private let domains: [DomainName]

    /// Seeds what `operation` reads. Seeded rows have fixed ids, so a PostgreSQL server shared by
    /// the run's processes is seeded once.
    static func prepare(_ operation: StoreOperation, on stores: SsoStores) async throws -> StoreWorkload {
        var domains: [DomainName] = []
        switch operation {
        case .sessionList:
            try await StoreSeeds.sessions(listedSessions, organizationID: listedOrganization, now: now, in: stores)
        case .routeLookup:
            domains = try await StoreSeeds.connections(routedConnections, now: now, in: stores)
        case .pendingLogin, .replay, .sessionCreate:
            break
        }
        return StoreWorkload(stores: stores, operation: operation, domains: domains)
    }

    /// One operation, as one caller.
    func run() async throws {
        let now = Self.now
        switch operation {
        case .pendingLogin:
            let key = "bench-\(Keys.unique())"
            let login = SsoPendingLogin(
                organizationID: "org_bench", connectionID: "sso_conn_bench", protocolState: .saml(requestID: "_\(key)"),
                createdAt: now)
            try await stores.loginStates.insert(
                login, forKey: key, group: "sso_conn_bench", expiresAt: now + 600, now: now)
            guard try await stores.loginStates.take(key, now: now) != nil else {
                throw BenchmarkFailure("a pending login was not taken back")
            }
        case .replay:
            guard try await stores.replayCache.insertIfAbsent("_\(Keys.unique())", expiresAt: now + 300, now: now)
            else { throw BenchmarkFailure("a fresh assertion id was reported as replayed") }
        case .sessionCreate:
            try await stores.sessions.insert(
                StoreSeeds.session(id: "sso_sess_\(Keys.unique())", organizationID: "org_bench_create", now: now))
        case .sessionList:
            let count = try await stores.sessions.sessions(organizationID: Self.listedOrganization, activeAt: now).count
            guard count == Self.listedSessions else { throw BenchmarkFailure("listed \(count) sessions") }
        case .routeLookup:
            let index = Keys.next() % domains.count
            let found = try await stores.connections.route(domains[index])
            guard let found, found.id.utf8.elementsEqual(StoreSeeds.connectionID(index).utf8) else {
                throw BenchmarkFailure("\(domains[index]) did not route to its connection")
            }
        }
    }
}
