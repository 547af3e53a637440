import Foundation
import Sso
import SsoTestSupport
import Testing

/// Every URL field of a connection goes through the one URL checker: user information, `@` and
/// `\` tricks, percent-encoded hosts and look-alike loopback hosts are refused with the field named.
@Suite("Connection URL fields")
struct URLFieldTests {
    /// The hostile URLs that stay hostile after the field's surrounding white space is trimmed.
    static let refused = (HostileURLs.malformed + HostileURLs.fakeLoopback).filter { url in
        let trimmed = url.trimmingCharacters(in: .whitespacesAndNewlines)
        return !trimmed.isEmpty && !HostileURLs.valid.contains(trimmed) && trimmed == url
    }

    static let fields:
        [(
            name: String, set: @Sendable (inout CreateSsoConnectionParams, String) -> Void,
            base: @Sendable () -> CreateSsoConnectionParams
        )] = [
            ("issuer_url", { p, url in p.editOIDC { $0.issuerURL = url } }, { Samples.oidc() }),
            ("redirect_uris[0]", { $0.redirectURIs = [$1] }, { Samples.oidc() }),
            ("metadata_url", { p, url in p.editSAML { $0.metadata = .url(url) } }, { Samples.saml() }),
            (
                "assertion_consumer_service_url", { p, url in p.editSAML { $0.assertionConsumerServiceURL = url } },
                { Samples.saml() }
            ),
        ]

    @Test("hostile URLs are refused in every URL field", arguments: 0..<4)
    func refusedEverywhere(_ index: Int) async throws {
        let field = Self.fields[index]
        #expect(Self.refused.count > 30)
        let org = try TestEngine().org()
        for url in Self.refused {
            var params = field.base()
            field.set(&params, url)
            let error = await thrownError { try await org.createConnection(params) }
            #expect(error?.code == .connectionInvalidParams, "\(field.name) = \(url.debugDescription)")
            #expect(
                error?.message.hasPrefix("\(field.name):") == true,
                "\(error?.message ?? "accepted \(url.debugDescription)")")
        }
        #expect(try await org.listConnections().connections.isEmpty)
    }
}
