import Benchmark
import Foundation
import SsoTesting

// Store benchmarks (issue #13 §7). Per store — in-memory, SQLite in a temporary file, PostgreSQL
// on loopback (scripts/pg-fixture; see PostgresFixture) — the five store operations (pending-login
// insert+take, replay insert, session create, session list of an organization with 10k sessions,
// connection route lookup) at 1, 8 and 64 concurrent callers, and full SAML callbacks through the
// engine at 1 and 8 callers. One iteration is one call per caller at once; `ops/s` is callers ×
// iterations per second, timed around the calls (the built-in `throughput` counts iterations and
// includes the harness's own per-iteration overhead). A SAML iteration first starts one fresh
// login per caller and has the IdP sign its response, unmeasured; then the callbacks run, measured.
// The stores' share of a callback, two ways: `store time ‰` is the time callers spend awaiting
// store calls (TimedStores) over callers × the callbacks' wall time; and, from the figures,
// 1 − (callbacks/s with the store ÷ callbacks/s in memory).
// Goal: with PostgreSQL, the stores cost at most 25% of a full SAML callback at 8 callers.

/// What a benchmark's setup opened, for its closure and teardown.
struct Prepared<Workload: Sendable>: Sendable {
    let store: OpenStore
    let workload: Workload
}

let operationCallers = [1, 8, 64]
let callbackCallers = [1, 8]

let benchmarks: @Sendable () -> Void = {
    for kind in StoreKind.allCases {
        for operation in StoreOperation.allCases {
            for callers in operationCallers {
                registerOperation(operation, on: kind, callers: callers)
            }
        }
        for callers in callbackCallers {
            registerCallback(on: kind, callers: callers)
        }
    }
}

func registerOperation(_ operation: StoreOperation, on kind: StoreKind, callers: Int) {
    let slot = Slot<Prepared<StoreWorkload>>()
    let configuration = Benchmark.Configuration(
        metrics: [.operationsPerSecond, .throughput, .wallClock], warmupIterations: 3, maxDuration: .seconds(2),
        maxIterations: 100_000,
        setup: {
            let store = try await BenchmarkFailure.naming { try await OpenStore.open(kind) }
            do {
                let workload = try await BenchmarkFailure.naming {
                    try await StoreWorkload.prepare(operation, on: store.stores)
                }
                slot.set(Prepared(store: store, workload: workload))
            } catch {
                await store.close()
                throw error
            }
        },
        teardown: {
            await (try? slot.get())?.store.close()
            slot.set(nil)
        })
    Benchmark("\(kind.rawValue): \(operation.rawValue), \(callers) callers", configuration: configuration) {
        benchmark in
        let workload = try slot.get().workload
        let start = ContinuousClock.now
        try await BenchmarkFailure.naming { try await Callers.run(callers) { _ in try await workload.run() } }
        benchmark.measurement(.operationsPerSecond, Callers.rate(callers, start.duration(to: .now)))
    }
}

func registerCallback(on kind: StoreKind, callers: Int) {
    let slot = Slot<Prepared<SAMLCallbackWorkload>>()
    let name = "\(kind.rawValue): SAML callback, \(callers) callers"
    let configuration = Benchmark.Configuration(
        metrics: [.operationsPerSecond, .storeShare, .storeMicroseconds, .throughput, .wallClock],
        warmupIterations: 3, maxDuration: .seconds(3), maxIterations: 100_000,
        setup: {
            let store = try await BenchmarkFailure.naming { try await OpenStore.open(kind) }
            do {
                let workload = try await BenchmarkFailure.naming {
                    try await SAMLCallbackWorkload.prepare(on: store.stores)
                }
                slot.set(Prepared(store: store, workload: workload))
            } catch {
                await store.close()
                throw error
            }
        },
        teardown: {
            guard let prepared = try? slot.get() else { return }
            reportCalls(of: prepared.workload.timer, name: name, callers: callers)
            await prepared.store.close()
            slot.set(nil)
        })
    Benchmark(name, configuration: configuration) { benchmark in
        let workload = try slot.get().workload
        let posts = try await BenchmarkFailure.naming { try await startLogins(callers, workload) }
        workload.timer.reset()
        benchmark.startMeasurement()
        let start = ContinuousClock.now
        try await BenchmarkFailure.naming {
            try await Callers.run(callers) { caller in try await workload.callback(posts[caller]) }
        }
        let elapsed = start.duration(to: .now)
        benchmark.stopMeasurement()
        let wall = Int(elapsed.components.seconds) * 1_000_000_000 + Int(elapsed.components.attoseconds / 1_000_000_000)
        let store = workload.timer.totalNanoseconds
        benchmark.measurement(.operationsPerSecond, Callers.rate(callers, elapsed))
        benchmark.measurement(.storeShare, wall > 0 ? store * 1_000 / (wall * callers) : 0)
        benchmark.measurement(.storeMicroseconds, store / (1_000 * callers))
    }
}

/// One fresh login per caller, started at once.
func startLogins(_ callers: Int, _ workload: SAMLCallbackWorkload) async throws -> [TestSAMLIdentityProvider.Post] {
    try await withThrowingTaskGroup(of: (Int, TestSAMLIdentityProvider.Post).self) { group in
        for caller in 0..<callers { group.addTask { (caller, try await workload.startLogin(caller)) } }
        var posts: [TestSAMLIdentityProvider.Post?] = Array(repeating: nil, count: callers)
        for try await (caller, post) in group { posts[caller] = post }
        return posts.compactMap { $0 }
    }
}

/// Which store calls one callback made (the last iteration's), on standard error so that
/// machine-readable output on standard output stays clean.
func reportCalls(of timer: StoreTimer, name: String, callers: Int) {
    let calls = timer.callCounts.sorted { $0.key < $1.key }
        .map { "\($0.key) \(Double($0.value) / Double(callers))" }.joined(separator: ", ")
    FileHandle.standardError.write(Data("\(name): store calls per callback: \(calls)\n".utf8))
}
