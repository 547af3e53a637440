import Foundation
import Sso
import SsoSAML
import SsoTesting
import Testing

/// AuthnRequests signed with the connection's SP key (Redirect binding, RSA-SHA256), and the
/// refusal to send an unsigned one to an IdP that wants them signed.
@Suite struct SignedAuthnRequestTests {
    static func fixture(_ name: String) throws -> String {
        try String(contentsOf: Flow.packageRoot.appending(path: "Fixtures/saml/keys/\(name)"), encoding: .utf8)
    }

    static func setUp(wantSigned: Bool, signingKey: Bool) async throws
        -> (SsoTestEnvironment, SsoOrganization, SsoConnection, TestSAMLIdentityProvider)
    {
        let env = SsoTestEnvironment()
        let org = try env.engine.organization("org_acme")
        var idp = try env.addSAMLIdentityProvider(
            entityID: "https://idp.signed.test", ssoURL: "https://idp.signed.test/sso")
        idp.wantAuthnRequestsSigned = wantSigned
        idp.spSigningCertificate = try SAMLCertificate(pem: try fixture("sp-cert.pem"))
        var params = CreateSsoConnectionParams.saml(
            name: "Signed", metadata: .xml(idp.metadataXML()), assertionConsumerServiceURL: Flow.acs,
            entityID: Flow.spEntityID, domains: ["signed.example"], jitProvisioning: true)
        if signingKey {
            let signing = SAMLRequestSigning(
                key: Secret(try fixture("sp-key.pem")), certificatePEM: try fixture("sp-cert.pem"))
            params.editSAML { $0.requestSigning = signing }
        }
        return (env, org, try await org.createConnection(params), idp)
    }

    static func query(_ url: String, _ name: String) -> String? {
        URLComponents(string: url)?.queryItems?.first { $0.name == name }?.value
    }

    @Test(arguments: [true, false])
    func requestsAreSignedWheneverAKeyIsConfigured(_ wantSigned: Bool) async throws {
        let (_, org, connection, idp) = try await Self.setUp(wantSigned: wantSigned, signingKey: true)
        let login = try await org.getLoginURL(domain: "ann@signed.example")
        #expect(Self.query(login.authorizeURL, "SigAlg") == "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256")
        #expect(Self.query(login.authorizeURL, "Signature") != nil)
        // The IdP verifies the query signature with the SP certificate it was given.
        let received = try idp.receive(redirectURL: login.authorizeURL)
        #expect(received.signatureVerified)
        let post = try idp.respond(to: login, as: TestSAMLUser(nameID: "ann@signed.example"))
        let result = try await org.handleSamlCallback(samlResponse: post.samlResponse, relayState: post.relayState)
        #expect(result.email == "ann@signed.example")
        #expect(result.connectionID == connection.id)
        // The signature covers the RelayState: a changed one no longer verifies.
        let relayState = try #require(Self.query(login.authorizeURL, "RelayState"))
        let tampered = login.authorizeURL.replacingOccurrences(
            of: "RelayState=\(relayState)", with: "RelayState=x\(relayState)")
        #expect(tampered != login.authorizeURL)
        #expect(errorCode { try idp.receive(redirectURL: tampered) } == .samlSignatureInvalid)
    }

    @Test func anIdPThatWantsSignedRequestsGetsNoUnsignedOne() async throws {
        let (env, org, connection, idp) = try await Self.setUp(wantSigned: true, signingKey: false)
        #expect(
            await errorCode { try await org.getLoginURL(domain: "ann@signed.example") } == .connectionSigningKeyRequired
        )
        let test = try await org.testConnection(connection.id)
        #expect(!test.success)
        #expect(test.message.contains("sp_signing_key_pem"))
        // The IdP itself refuses an unsigned request too.
        let unsignedIdP = try env.addSAMLIdentityProvider(
            entityID: "https://idp.plain.test", ssoURL: "https://idp.plain.test/sso")
        _ = try await org.createConnection(
            .saml(
                name: "Plain", metadata: .xml(unsignedIdP.metadataXML()), assertionConsumerServiceURL: Flow.acs,
                entityID: Flow.spEntityID, domains: ["plain.example"], jitProvisioning: true))
        let unsigned = try await org.getLoginURL(domain: "plain.example")
        #expect(Self.query(unsigned.authorizeURL, "Signature") == nil)
        #expect(errorCode { try idp.receive(redirectURL: unsigned.authorizeURL) } == .samlSignatureMissing)
        // Adding the key later makes the connection work.
        let update = UpdateSsoConnectionParams(
            settings: .saml(
                SAMLSettingsPatch(
                    requestSigningKey: Secret(try Self.fixture("sp-key.pem")),
                    requestSigningCertificatePEM: try Self.fixture("sp-cert.pem"))))
        _ = try await org.updateConnection(connection.id, update)
        let login = try await org.getLoginURL(domain: "ann@signed.example")
        #expect(try idp.receive(redirectURL: login.authorizeURL).signatureVerified)
        #expect(try await org.testConnection(connection.id).success)
        // A new key needs its certificate; empty values for both remove signing again.
        let keyOnly = UpdateSsoConnectionParams(
            settings: .saml(SAMLSettingsPatch(requestSigningKey: Secret(try Self.fixture("okta-key.pem")))))
        let mismatch = await thrownError { try await org.updateConnection(connection.id, keyOnly) }
        #expect(mismatch?.message.hasPrefix("sp_signing_certificate_pem:") == true)
        let remove = UpdateSsoConnectionParams(
            settings: .saml(SAMLSettingsPatch(requestSigningKey: Secret(""), requestSigningCertificatePEM: "")))
        let removed = try await org.updateConnection(connection.id, remove)
        #expect(removed.spSigningCertificatePEM == nil)
        #expect(
            await errorCode { try await org.getLoginURL(domain: "ann@signed.example") } == .connectionSigningKeyRequired
        )
    }

    @Test func badKeysAndCertificatesAreRefusedWithoutEchoingThem() async throws {
        let env = SsoTestEnvironment()
        let org = try env.engine.organization("org_acme")
        let idp = try env.addSAMLIdentityProvider(entityID: "https://idp.bad.test", ssoURL: "https://idp.bad.test/sso")
        let key = try Self.fixture("sp-key.pem")
        let cert = try Self.fixture("sp-cert.pem")
        // Through the reference JSON: a key without its certificate cannot be built in Swift.
        let cases: [(String, String?, String?, String)] = [
            ("key without certificate", key, nil, "sp_signing_certificate_pem"),
            ("certificate without key", nil, cert, "sp_signing_key_pem"),
            (
                "not a key", "-----BEGIN PRIVATE KEY-----\nTUlJRXZn\n-----END PRIVATE KEY-----", cert,
                "sp_signing_key_pem"
            ),
            (
                "a 1024-bit key", try Self.fixture("weak-1024-key.pem"), try Self.fixture("weak-1024-cert.pem"),
                "sp_signing_key_pem"
            ),
            ("another key's certificate", key, try Self.fixture("okta-cert.pem"), "sp_signing_certificate_pem"),
            (
                "not a certificate", key, "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----",
                "sp_signing_certificate_pem"
            ),
        ]
        for (label, badKey, badCert, field) in cases {
            let base = CreateSsoConnectionParams.saml(
                name: "Bad", metadata: .xml(idp.metadataXML()), assertionConsumerServiceURL: Flow.acs,
                entityID: Flow.spEntityID, domains: ["bad.example"])
            let error = await thrownError {
                try await org.createConnection(
                    try Samples.flat(base) {
                        $0["sp_signing_key_pem"] = badKey
                        $0["sp_signing_certificate_pem"] = badCert
                    })
            }
            #expect(error?.code == .connectionInvalidParams, "\(label)")
            #expect(error?.message.hasPrefix(field + ":") == true, "\(label): \(error?.message ?? "")")
            #expect(error?.message.contains("PRIVATE KEY") == false, "\(label)")
            #expect(error?.message.contains(String(key.dropFirst(40).prefix(32))) == false, "\(label)")
        }
        // The fields belong to SAML connections only.
        let error = await thrownError {
            try await org.createConnection(
                try Samples.flat(Samples.oidc()) {
                    $0["sp_signing_key_pem"] = key
                    $0["sp_signing_certificate_pem"] = cert
                })
        }
        #expect(error?.code == .connectionInvalidParams)
        #expect(error?.message.hasPrefix("sp_signing_key_pem:") == true)
        #expect(try await org.listConnections().connections.isEmpty)
    }

    @Test func theKeyIsNeverShownAndTheCertificateIsPublished() async throws {
        let (_, org, connection, _) = try await Self.setUp(wantSigned: true, signingKey: true)
        let key = try Self.fixture("sp-key.pem")
        let keyBody = String(key.dropFirst(40).prefix(48))
        let cert = try SAMLCertificate(pem: try Self.fixture("sp-cert.pem"))
        let encoded = String(
            decoding: try JSONEncoder().encode(try await org.getConnection(connection.id)), as: UTF8.self)
        #expect(!encoded.contains(keyBody))
        #expect(!encoded.contains("sp_signing_key_pem"))
        #expect(encoded.contains("sp_signing_certificate_pem"))
        #expect(connection.spSigningCertificatePEM?.contains("BEGIN CERTIFICATE") == true)
        let params = CreateSsoConnectionParams.saml(
            name: "x", metadata: .xml("<x/>"), assertionConsumerServiceURL: Flow.acs, entityID: Flow.spEntityID,
            requestSigning: SAMLRequestSigning(key: Secret(key), certificatePEM: try Self.fixture("sp-cert.pem")))
        let paramsJSON = String(decoding: try JSONEncoder().encode(params), as: UTF8.self)
        #expect(!paramsJSON.contains(keyBody))
        #expect(!String(describing: params).contains(keyBody))
        let metadata = try await org.serviceProviderMetadata(connectionID: connection.id)
        #expect(metadata.contains("AuthnRequestsSigned=\"true\""))
        #expect(metadata.contains(Base64.encode(cert.derBytes)))
        #expect(metadata.contains(Flow.acs))
        #expect(!metadata.contains(keyBody))
    }
}
