// swift-tools-version:6.2
import Foundation
import PackageDescription

// A path dependency is named after its folder, which is `swift-sso` only in some checkouts.
let rootPackage = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .lastPathComponent

// Benchmarks live in their own package so the library's users never resolve ordo-one/benchmark.
// Run them with `scripts/bench` from the repository root.
let benchmarkTargets = ["RoutingBenchmarks", "JOSEBenchmarks", "SAMLBenchmarks", "LDAPBenchmarks"]

let package = Package(
    name: "swift-sso-benchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: benchmarkTargets.map { name in
        .executableTarget(
            name: name,
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "Sso", package: rootPackage),
                .product(name: "SsoTesting", package: rootPackage),
            ],
            path: "Benchmarks/\(name)",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        )
    },
    swiftLanguageModes: [.v6]
)
