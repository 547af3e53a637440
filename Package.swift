// swift-tools-version:6.2
import PackageDescription

// CI builds with SSO_STRICT=1: warnings are errors in this package's own targets.
let strictSettings: [SwiftSetting] =
    Context.environment["SSO_STRICT"] == "1" ? [.treatAllWarnings(as: .error)] : []

// scripts/docs sets SSO_DOCS=1 to add swift-docc-plugin: a tool for building this package's
// documentation, never fetched or built by a package that depends on swift-sso.
let documentationDependencies: [Package.Dependency] =
    Context.environment["SSO_DOCS"] == "1"
    ? [.package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0")] : []

let package = Package(
    name: "swift-sso",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "SsoCore", targets: ["SsoCore"]),
        .library(name: "SsoJOSE", targets: ["SsoJOSE"]),
        .library(name: "SsoOIDC", targets: ["SsoOIDC"]),
        .library(name: "SsoSAML", targets: ["SsoSAML"]),
        .library(name: "SsoLDAP", targets: ["SsoLDAP"]),
        .library(name: "SsoRouting", targets: ["SsoRouting"]),
        .library(name: "Sso", targets: ["Sso"]),
        .library(name: "SsoStorage", targets: ["SsoStorage"]),
        .library(name: "SsoTesting", targets: ["SsoTesting"]),
        .library(name: "SsoSQLite", targets: ["SsoSQLite"]),
        .library(name: "SsoPostgres", targets: ["SsoPostgres"]),
        .library(name: "SsoHummingbird", targets: ["SsoHummingbird"]),
        .library(name: "SsoAsyncHTTPClient", targets: ["SsoAsyncHTTPClient"]),
        .executable(name: "ssoctl", targets: ["ssoctl"]),
        .executable(name: "sso-example-server", targets: ["sso-example-server"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
        .package(url: "https://github.com/apple/swift-certificates", from: "1.21.1"),
        .package(url: "https://github.com/apple/swift-asn1", from: "1.7.4"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/vapor/sqlite-nio", from: "1.13.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.3"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-distributed-tracing", from: "1.7.3"),
        // Only SsoAsyncHTTPClient (and its tests) use these.
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
    ] + documentationDependencies,
    targets: [
        .target(
            name: "SsoCore",
            dependencies: [
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "SsoJOSE",
            dependencies: [
                "SsoCore",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
                .product(name: "X509", package: "swift-certificates"),
                .product(name: "SwiftASN1", package: "swift-asn1"),
            ]
        ),
        .target(
            name: "SsoOIDC",
            dependencies: [
                "SsoCore", "SsoJOSE",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .systemLibrary(
            name: "CLibXMLSec",
            pkgConfig: "xmlsec1-openssl",
            providers: [.apt(["libxml2-dev", "libxmlsec1-dev", "libxmlsec1-openssl", "libssl-dev"])]
        ),
        .target(name: "CXMLSec", dependencies: ["CLibXMLSec"]),
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        .target(
            name: "SsoSAML",
            dependencies: [
                "SsoCore", "CXMLSec", "CZlib",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
                .product(name: "X509", package: "swift-certificates"),
                .product(name: "SwiftASN1", package: "swift-asn1"),
            ]
        ),
        .systemLibrary(name: "CLDAP", pkgConfig: "ldap", providers: [.apt(["libldap-dev"])]),
        .target(name: "SsoLDAP", dependencies: ["SsoCore", "CLDAP"]),
        .systemLibrary(name: "CIDN2", pkgConfig: "libidn2", providers: [.apt(["libidn2-dev"])]),
        .target(name: "SsoRouting", dependencies: ["SsoCore", "CIDN2"]),
        .target(
            name: "Sso",
            dependencies: [
                "SsoCore", "SsoJOSE", "SsoOIDC", "SsoSAML", "SsoLDAP", "SsoRouting",
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // What every durable store shares: the secrets keyring, the stored JSON, domain-claim rules.
        .target(
            name: "SsoStorage",
            dependencies: ["Sso", "SsoCore", "SsoRouting", .product(name: "Crypto", package: "swift-crypto")]
        ),
        .target(
            name: "SsoSQLite",
            dependencies: [
                "Sso", "SsoCore", "SsoRouting", "SsoStorage",
                .product(name: "SQLiteNIO", package: "sqlite-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "SsoPostgres",
            dependencies: [
                "Sso", "SsoCore", "SsoRouting", "SsoStorage",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // Routes, cookies and session middleware for a Hummingbird 2 application.
        .target(
            name: "SsoHummingbird",
            dependencies: [
                "Sso", "SsoCore", "SsoOIDC",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Tracing", package: "swift-distributed-tracing"),
            ]
        ),
        // The production HTTPTransport; nothing else depends on AsyncHTTPClient.
        .target(
            name: "SsoAsyncHTTPClient",
            dependencies: [
                "SsoCore",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ]
        ),
        .target(
            name: "SsoTesting",
            dependencies: [
                "Sso", "SsoCore", "SsoJOSE", "SsoOIDC", "SsoSAML", "SsoLDAP", "CXMLSec",
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
            ]
        ),
        // `--store` URLs and the secrets key from the environment, for ssoctl and the example server.
        .target(
            name: "SsoStoreLocation",
            dependencies: [
                "Sso", "SsoCore", "SsoStorage", "SsoSQLite", "SsoPostgres",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // The reference's "Full Enterprise SSO Flow Example" on Hummingbird, with the admin API.
        .executableTarget(
            name: "sso-example-server",
            dependencies: [
                "Sso", "SsoCore", "SsoHummingbird", "SsoStorage", "SsoStoreLocation", "SsoAsyncHTTPClient",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(
            name: "ssoctl",
            dependencies: [
                "Sso", "SsoTesting", "SsoStorage", "SsoSQLite", "SsoPostgres", "SsoStoreLocation",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .target(name: "SsoTestSupport", dependencies: ["SsoCore"], path: "Tests/SsoTestSupport"),
        // A child process for the multi-process store tests (two processes, SIGKILL mid-write).
        .executableTarget(
            name: "SsoStoreWorkload",
            dependencies: [
                "Sso", "SsoTesting", "SsoStorage", "SsoSQLite", "SsoPostgres",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Tests/SsoStoreWorkload"
        ),
        .testTarget(
            name: "SsoCoreTests",
            dependencies: [
                "SsoCore", "SsoTesting", "SsoTestSupport", .product(name: "HTTPTypes", package: "swift-http-types"),
            ]
        ),
        .testTarget(
            name: "SsoJOSETests",
            dependencies: [
                "SsoJOSE", "SsoTesting", "SsoTestSupport",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
                .product(name: "X509", package: "swift-certificates"),
                .product(name: "SwiftASN1", package: "swift-asn1"),
            ]
        ),
        .testTarget(name: "SsoOIDCTests", dependencies: ["SsoOIDC", "SsoTesting", "SsoTestSupport"]),
        .testTarget(name: "CXMLSecTests", dependencies: ["CXMLSec"]),
        .testTarget(name: "SsoSAMLTests", dependencies: ["SsoSAML", "SsoTesting", "SsoTestSupport"]),
        .testTarget(name: "CLDAPTests", dependencies: ["CLDAP"]),
        .testTarget(name: "SsoLDAPTests", dependencies: ["SsoLDAP", "SsoTesting", "SsoTestSupport"]),
        .testTarget(name: "SsoRoutingTests", dependencies: ["SsoRouting", "SsoTestSupport"]),
        .testTarget(name: "SsoTests", dependencies: ["Sso", "SsoTesting", "SsoTestSupport"]),
        .testTarget(name: "SsoTestingTests", dependencies: ["SsoTesting"]),
        .testTarget(
            name: "SsoPostgresTests", dependencies: ["SsoPostgres", "SsoStorage", "SsoTesting", "SsoTestSupport"]),
        .testTarget(
            name: "SsoHummingbirdTests",
            dependencies: [
                "SsoHummingbird", "SsoTesting", "SsoTestSupport",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ]),
        // The admin API through HummingbirdTesting, and the built sso-example-server as a process.
        .testTarget(
            name: "SsoExampleServerTests",
            dependencies: [
                "SsoHummingbird", "SsoTesting", "SsoTestSupport",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ]),
        .testTarget(
            name: "SsoReplicaTests",
            dependencies: ["Sso", "SsoPostgres", "SsoSQLite", "SsoStorage", "SsoTesting", "SsoTestSupport"]),
        .testTarget(
            name: "SsoAsyncHTTPClientTests",
            dependencies: [
                "SsoAsyncHTTPClient", "SsoCore", "SsoOIDC", "SsoSAML", "SsoTestSupport",
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ]
        ),
        .testTarget(name: "SsoSQLiteTests", dependencies: ["SsoSQLite", "SsoStorage", "SsoTesting", "SsoTestSupport"]),
        // Replays Fuzz/regressions/ through the fuzz targets' property oracles (Oracles/ is a
        // symlink to Fuzz/Sources/FuzzOracles) and runs the property tests.
        .testTarget(
            name: "SsoRegressionTests",
            dependencies: ["SsoCore", "SsoJOSE", "SsoOIDC", "SsoSAML", "SsoLDAP", "SsoRouting"]
        ),
    ],
    swiftLanguageModes: [.v6]
)

for target in package.targets where target.type != .system {
    target.swiftSettings = (target.swiftSettings ?? []) + strictSettings
}
