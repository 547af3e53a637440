import Foundation
import SsoCore
import SsoOIDC

enum DiscoveryOracle {
    static let issuers = Lazy<[String]> {
        let providers = FixtureFiles.folders(in: "oidc", containing: "discovery.json")
        let issuers = try providers.map { provider -> String in
            let object = try JSONSerialization.jsonObject(
                with: Data(try FixtureFiles.bytes("oidc/\(provider)/discovery.json")))
            guard let issuer = (object as? [String: Any])?["issuer"] as? String else {
                throw PropertyViolation("oidc/\(provider)/discovery.json has no issuer")
            }
            return issuer
        }
        guard !issuers.isEmpty else { throw PropertyViolation("no discovery fixtures found") }
        return issuers
    }

    /// Discovery document parse against each fixture issuer. Properties: an accepted document
    /// names exactly the configured issuer (or, for Entra's template, the template), its
    /// endpoints are https (plain http only for loopback), and parsing is deterministic.
    static func check(_ input: [UInt8]) throws(PropertyViolation) {
        for configured in try issuers.get() {
            guard let metadata = try? ProviderMetadata.parse(input, configuredIssuer: configured) else { continue }
            try require(metadata.issuer == configured, "accepted issuer \(metadata.issuer) for \(configured)")
            for endpoint in [metadata.authorizationEndpoint, metadata.tokenEndpoint, metadata.jwksURI]
                + [metadata.userinfoEndpoint, metadata.endSessionEndpoint].compactMap({ $0 })
            {
                try require(isSecure(endpoint), "accepted insecure endpoint \(endpoint)")
            }
            let again = try? ProviderMetadata.parse(input, configuredIssuer: configured)
            try require(again == metadata, "discovery parse is not deterministic")
        }
    }

    static func isSecure(_ url: String) -> Bool {
        let lower = url.lowercased()
        if lower.hasPrefix("https://") { return true }
        guard lower.hasPrefix("http://") else { return false }
        let rest = lower.dropFirst("http://".count)
        return ["localhost", "127.0.0.1", "[::1]"].contains { host in
            rest.hasPrefix(host)
                && (rest.count == host.count
                    || ["/", ":"].contains(rest[rest.index(rest.startIndex, offsetBy: host.count)]))
        }
    }
}
