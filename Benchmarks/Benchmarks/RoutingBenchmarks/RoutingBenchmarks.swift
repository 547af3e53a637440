import Benchmark
import Sso

/// A table of `size` domains (one per connection, as in a busy multi-tenant engine) and
/// 1,024 lookups drawn from it: 3 of 4 hit a claimed domain, 1 of 4 misses.
private func makeTable(size: Int) -> (RoutingTable, [DomainName]) {
    var table = RoutingTable()
    var probes: [DomainName] = []
    var generator = SystemRandomNumberGenerator()
    for index in 0..<size {
        guard let domain = try? DomainName("customer\(index).example.com") else { continue }
        try? table.assign([domain], to: "sso_conn_\(index)")
    }
    for probe in 0..<1024 {
        let index = Int.random(in: 0..<size, using: &generator)
        let name = probe % 4 == 3 ? "unclaimed\(index).example.org" : "customer\(index).example.com"
        if let domain = try? DomainName(name) { probes.append(domain) }
    }
    return (table, probes)
}

let benchmarks: @Sendable () -> Void = {
    let lookup = Benchmark.Configuration(
        metrics: [.throughput, .wallClock, .mallocCountTotal], scalingFactor: .kilo, maxDuration: .seconds(3)
    )
    for size in [100, 10_000, 100_000] {
        let (table, probes) = makeTable(size: size)
        Benchmark("RoutingTable.route (\(size) domains)", configuration: lookup) { benchmark in
            for iteration in benchmark.scaledIterations {
                blackHole(table.route(probes[iteration & 1023]))
            }
        }
    }

    var wide = RoutingTable()
    if let parent = try? DomainName("corp.example") {
        try? wide.assign([parent], to: "sso_conn_wide", includeSubdomains: true)
    }
    let deep = try? DomainName("a.b.c.d.eu.corp.example")
    Benchmark("RoutingTable.route (subdomain walk, 7 labels)", configuration: lookup) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(deep.flatMap { wide.route($0) })
        }
    }

    let normalise = Benchmark.Configuration(
        metrics: [.throughput, .wallClock, .mallocCountTotal], scalingFactor: .kilo, maxDuration: .seconds(3)
    )
    Benchmark("DomainName (ASCII, mixed case, trailing dot)", configuration: normalise) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try? DomainName("MyCompany.COM."))
        }
    }
    Benchmark("DomainName (Unicode via libidn2)", configuration: normalise) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try? DomainName("BÜCHER.example"))
        }
    }
    Benchmark("DomainName (xn-- A-label check via libidn2)", configuration: normalise) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try? DomainName("xn--bcher-kva.example"))
        }
    }
    Benchmark("EmailAddress (normalise)", configuration: normalise) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try? EmailAddress("Alice.Smith@MyCompany.com"))
        }
    }
    let (table, _) = makeTable(size: 10_000)
    Benchmark("normalise email + route (10000 domains)", configuration: normalise) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try? table.route(normalizing: "Alice@Customer42.Example.com"))
        }
    }
}
