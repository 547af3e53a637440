// swift-tools-version:6.2
import Foundation
import PackageDescription

// A path dependency is named after its folder, which is `swift-sso` only in some checkouts.
let rootPackage = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .lastPathComponent

// Benchmarks live in their own package so the library's users never resolve ordo-one/benchmark.
// Run them with `scripts/bench` from the repository root.
let benchmarkTargets = ["RoutingBenchmarks", "JOSEBenchmarks", "SAMLBenchmarks", "LDAPBenchmarks", "StoreBenchmarks"]

// What a target needs beyond the common set: the durable stores for StoreBenchmarks.
let extraDependencies: [String: [Target.Dependency]] = [
    "StoreBenchmarks": [
        .product(name: "SsoSQLite", package: rootPackage),
        .product(name: "SsoPostgres", package: rootPackage),
        .product(name: "SsoStorage", package: rootPackage),
    ]
]

let package = Package(
    name: "swift-sso-benchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
    ],
    targets: benchmarkTargets.map { name in
        .executableTarget(
            name: name,
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "Sso", package: rootPackage),
                .product(name: "SsoTesting", package: rootPackage),
                "CXMLSecFloor",
            ] + (extraDependencies[name] ?? []),
            path: "Benchmarks/\(name)",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        )
    } + [
        // The C floor of SAML validation: libxml2 + xmlsec called directly, not through SsoSAML.
        .systemLibrary(name: "CLibXMLSecFloor", path: "Sources/CLibXMLSecFloor", pkgConfig: "xmlsec1-openssl"),
        .target(
            name: "CXMLSecFloor",
            dependencies: ["CLibXMLSecFloor"],
            path: "Sources/CXMLSecFloor",
            // pkg-config's -D flags for xmlsec1-openssl (they change struct layouts), which SwiftPM drops.
            cSettings: [
                .define("__XMLSEC_FUNCTION__", to: "__func__"), .define("XMLSEC_NO_SIZE_T"),
                .define("XMLSEC_OPENSSL3_ENGINES", to: "1"), .define("XMLSEC_NO_GOST", to: "1"),
                .define("XMLSEC_NO_GOST2012", to: "1"), .define("XMLSEC_NO_CRYPTO_DYNAMIC_LOADING", to: "1"),
                .define("XMLSEC_CRYPTO_OPENSSL", to: "1"),
            ]
        ),
        // Interleaved ours-vs-bare ratios in one process: `swift run -c release RatioRunner`.
        .executableTarget(
            name: "RatioRunner",
            dependencies: [
                .product(name: "SsoJOSE", package: rootPackage),
                .product(name: "SsoOIDC", package: rootPackage),
                .product(name: "SsoSAML", package: rootPackage),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
                "CXMLSecFloor",
            ],
            path: "Sources/RatioRunner",
            exclude: ["callgrind.sh"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
