import Foundation
import Sso

/// One list of checks every ``/Sso/SsoStores`` implementation must pass.
///
/// Run them all against your stores with Swift Testing:
///
/// ```swift
/// @Test(arguments: SsoStoreConformance.checks)
/// func myStore(_ check: SsoStoreConformance.Check) async throws {
///     try await check.run(on: makeMyStores())
/// }
/// ```
///
/// To run every check at once on one set of stores, as many concurrent callers would:
///
/// ```swift
/// @Test func myStoreUnderConcurrency() async {
///     #expect(await SsoStoreConformance.failuresRunningAll(on: makeMyStores()) == [])
/// }
/// ```
///
/// A check never assumes the stores are empty: it writes rows under fresh random organization
/// ids, connection ids, domains, keys and replay ids, and asserts only about its own rows, so the
/// checks may share one database and run concurrently. Every date is a whole second after
/// ``baseDate`` (stores judge expiry only by the `now` they are given). The purge checks purge at
/// ``purgeTime``; rows other checks rely on expire (or are revoked) after it, so a concurrent
/// purge never removes them.
public enum SsoStoreConformance {
    /// One named check of the suite.
    public struct Check: Sendable, CustomStringConvertible {
        /// A readable name, e.g. `single-use take hands a value out once`.
        public let name: String
        private let body: @Sendable (SsoStores) async throws -> Void

        /// A check named `name` that runs `body` on the stores under test.
        public init(_ name: String, _ body: @escaping @Sendable (SsoStores) async throws -> Void) {
            self.name = name
            self.body = body
        }

        /// Runs the check on `stores`.
        /// - Throws: ``SsoStoreConformanceFailure`` when the stores misbehave, or the error a
        ///   store threw where it should have succeeded.
        public func run(on stores: SsoStores) async throws {
            try await body(stores)
        }

        /// The check's name.
        public var description: String { name }
    }

    /// Every check, in a stable order.
    public static let checks: [Check] = [
        singleUseTakeOnce, singleUseExpiryAndDuplicates, singleUseGroupsAndPurge,
        replayOnce, replayPurge,
        domainClaimsUnique, domainClaimsAllOrNothing, routing,
        connectionLimit, sessions, sessionPurge,
        organizationIsolation, firstLoginCreatesOneUser,
        failedOperationsChangeNothing, connectionRoundTrip, organizationSettingsRoundTrip,
        sessionAndUserRoundTrip, listingOrder, exactBytes,
    ]

    /// Runs every check at once on `stores` and returns one line (`name: error`) per check that
    /// failed, in the order of ``checks``; empty when every check passed. Together they show that
    /// the checks do not assume empty stores and that the stores keep each operation atomic under
    /// concurrent callers.
    public static func failuresRunningAll(on stores: SsoStores) async -> [String] {
        await withTaskGroup(of: (Int, String?).self) { group in
            for (index, check) in checks.enumerated() {
                group.addTask {
                    do {
                        try await check.run(on: stores)
                        return (index, nil)
                    } catch {
                        return (index, "\(check.name): \(error)")
                    }
                }
            }
            var failures: [(Int, String)] = []
            for await (index, failure) in group {
                if let failure { failures.append((index, failure)) }
            }
            return failures.sorted { $0.0 < $1.0 }.map(\.1)
        }
    }

    /// The instant every check's dates are counted from: 2030-03-17T17:46:40Z.
    public static let baseDate = Date(timeIntervalSince1970: 1_900_000_000)
    /// The `now` (or cutoff) of every purge in the suite: a day after ``baseDate``.
    public static let purgeTime = baseDate.addingTimeInterval(86_400)
    /// Where the checks that do not purge set their story: two days after ``baseDate``, so their
    /// rows expire after ``purgeTime``.
    static let storyTime = baseDate.addingTimeInterval(2 * 86_400)
    /// Far enough ahead that nothing expires in the suite.
    static let farFuture = baseDate.addingTimeInterval(365 * 86_400)
}
