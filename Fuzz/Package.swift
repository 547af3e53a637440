// swift-tools-version:6.2
import PackageDescription

// libFuzzer targets for swift-sso: a separate package so that the library's users and
// `swift test` never build them. Build and run with `scripts/fuzz` (release, -sanitize=fuzzer,address,
// -DFUZZING). The property checks live in FuzzOracles, which the root package's
// SsoRegressionTests also compiles (Tests/SsoRegressionTests/Oracles is a symlink to it) to
// replay Fuzz/regressions/ without a fuzzer.
let targets: [(name: String, oracle: String)] = [
    ("FuzzJWS", "jws"), ("FuzzJWKS", "jwks"), ("FuzzDiscovery", "discovery"),
    ("FuzzSAMLResponse", "saml-response"), ("FuzzSAMLMetadata", "saml-metadata"),
    ("FuzzSAMLEncrypted", "saml-encrypted"), ("FuzzLDAPEscape", "ldap-escape"), ("FuzzDomain", "domain"),
]

let package = Package(
    name: "swift-sso-fuzz",
    platforms: [.macOS(.v15)],
    dependencies: [.package(name: "swift-sso", path: "..")],
    targets: [
        .target(
            name: "FuzzOracles",
            dependencies: [
                .product(name: "SsoCore", package: "swift-sso"),
                .product(name: "SsoJOSE", package: "swift-sso"),
                .product(name: "SsoOIDC", package: "swift-sso"),
                .product(name: "SsoSAML", package: "swift-sso"),
                .product(name: "SsoLDAP", package: "swift-sso"),
                .product(name: "SsoRouting", package: "swift-sso"),
            ]
        )
    ]
        + targets.map { target in
            .executableTarget(name: target.name, dependencies: ["FuzzOracles"], path: "Targets/\(target.name)")
        },
    swiftLanguageModes: [.v6]
)
