import Foundation
import Sso

extension SsoStoreConformance {
    static let connectionLimit = Check("24 concurrent creates with a limit of 5 store exactly 5") { stores in
        let store = stores.connections
        let organization = Unique.id("org")
        let neighbour = Unique.id("org")
        for index in 0..<3 {
            try await store.insert(Records.connection(organizationID: neighbour, createdAt: story(index)))
        }
        let records = try (0..<24).map { index in
            Records.connection(organizationID: organization, domains: [try Unique.domain()], createdAt: story(index))
        }
        let outcomes = try await concurrently(24) { index -> SsoError.Code? in
            do {
                try await store.insert(records[index], limitPerOrganization: 5)
                return nil
            } catch let error as SsoError {
                return error.code
            }
        }
        try Expect.equal(outcomes.filter { $0 == nil }.count, 5, "creates that succeeded")
        try Expect.that(
            outcomes.allSatisfy { $0 == nil || $0 == .connectionLimitReached },
            "every refused create fails with connection.limit_reached, got \(outcomes.compactMap { $0 })")
        let stored = try await store.connections(organizationID: organization)
        let winners = zip(records, outcomes).filter { $0.1 == nil }.map(\.0)
        try Expect.equal(stored.map(\.id), winners.map(\.id), "the listed connections (the 5 that succeeded)")
        for (record, outcome) in zip(records, outcomes) where outcome != nil {
            try Expect.equal(try await store.route(record.domains[0])?.id, nil, "the domain of a refused create")
        }
        try await store.insert(Records.connection(organizationID: neighbour), limitPerOrganization: 4)
    }
}
