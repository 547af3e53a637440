import Foundation
import SsoCore
import Testing
@testable import SsoSAML

@Suite struct MetadataTests {
    private func parse(
        _ path: String, entityID: String? = nil, now: Date = SAMLFixtures.fixedNow,
        options: IdPMetadata.ParseOptions = .init()
    ) throws -> IdPMetadata {
        try IdPMetadata.parse(try SAMLFixtures.bytes(path), entityID: entityID, now: now, options: options)
    }

    private func code(_ body: () throws -> Void) -> String? {
        do {
            try body()
            return nil
        } catch let error as SsoError {
            return error.code.rawValue
        } catch {
            return "unexpected \(error)"
        }
    }

    @Test(arguments: SAMLFixtures.allWithMetadata)
    func fixtureMetadataMatchesItsSettings(idp: String) throws {
        let settings = try SAMLFixtures.json("\(idp)/settings.json")
        let expected = try #require(settings["metadata"] as? [String: Any])
        let metadata = try parse("\(idp)/metadata.xml")
        #expect(metadata.entityID == expected["entityID"] as? String)
        let sso = try #require(expected["ssoServices"] as? [[String: String]])
        #expect(
            metadata.ssoServices.map { [$0.binding, $0.location] }
                == sso.map { [$0["binding"] ?? "", $0["location"] ?? ""] })
        let slo = try #require(expected["sloServices"] as? [[String: String]])
        #expect(
            metadata.sloServices.map { [$0.binding, $0.location] }
                == slo.map { [$0["binding"] ?? "", $0["location"] ?? ""] })
        #expect(metadata.nameIDFormats == expected["nameIDFormats"] as? [String])
        let signing = try #require(expected["signingCertificates"] as? [[String: Any]])
        #expect(
            metadata.signingCertificates.map(\.sha256Fingerprint)
                == signing.compactMap { $0["sha256Fingerprint"] as? String })
        #expect(
            metadata.signingCertificates.map { Timestamp.format($0.notValidAfter) }
                == signing.compactMap { $0["notValidAfter"] as? String })
        let encryption = try #require(expected["encryptionCertificates"] as? [[String: Any]])
        #expect(
            metadata.encryptionCertificates.map(\.sha256Fingerprint)
                == encryption.compactMap { $0["sha256Fingerprint"] as? String })
        #expect(metadata.wantAuthnRequestsSigned == expected["wantAuthnRequestsSigned"] as? Bool)
        #expect(metadata.validUntil.map(Timestamp.format) == expected["validUntil"] as? String)
        #expect(metadata.cacheDuration.map { Int($0) } == expected["cacheDurationSeconds"] as? Int)
        // Every fixture IdP answers AuthnRequests by HTTP-Redirect.
        #expect(metadata.ssoService(binding: SAMLBinding.httpRedirect) != nil)
    }

    @Test func entraMetadataSkipsWSFederationRoleDescriptors() throws {
        let metadata = try parse("entra-id/metadata.xml")
        #expect(metadata.entityID == "https://sts.windows.net/9188040d-6c67-4c5b-b112-36a304b66dad/")
        #expect(metadata.signingCertificates.count == 1)
        #expect(metadata.signingCertificates[0].subject == "CN=Microsoft Azure Federated SSO Certificate")
    }

    @Test func adfsMetadataSeparatesSigningAndEncryptionKeysAndIgnoresItsSPRole() throws {
        let metadata = try parse("adfs/metadata.xml")
        #expect(metadata.signingCertificates.count == 1)
        #expect(metadata.encryptionCertificates.count == 1)
        #expect(metadata.signingCertificates[0] != metadata.encryptionCertificates[0])
        #expect(metadata.signingCertificates[0].subject.contains("ADFS Signing"))
    }

    @Test func rolloverMetadataKeepsBothSigningCertificates() throws {
        let metadata = try parse("rollover/metadata.xml")
        #expect(metadata.signingCertificates.count == 2)
        #expect(
            metadata.signingCertificates.map(\.subject) == [
                "CN=Rollover IdP Signing 2024", "CN=Rollover IdP Signing 2026",
            ])
        let keys = try SAMLSigningKeySet(metadata: metadata)
        #expect(keys.count == 2)
    }

    @Test func aggregateSelectsTheEntityByID() throws {
        let okta = try parse("aggregate/metadata.xml", entityID: "http://www.okta.com/exk1a2b3c4d5e6f7g8h9")
        #expect(okta.entityID == "http://www.okta.com/exk1a2b3c4d5e6f7g8h9")
        // The nested EntitiesDescriptor's entity, with the outer validUntil/cacheDuration applied.
        let onelogin = try parse(
            "aggregate/metadata.xml",
            entityID: "https://app.onelogin.com/saml/metadata/3f9a1c2b-7d4e-4a5b-9c6d-8e7f6a5b4c3d")
        #expect(onelogin.ssoServices.count == 3)
        #expect(onelogin.validUntil.map(Timestamp.format) == "2045-01-01T00:00:00Z")
        #expect(onelogin.cacheDuration == TimeInterval(6 * 3600))
        #expect(code { _ = try parse("aggregate/metadata.xml") } == "saml.metadata.entity_ambiguous")
        #expect(
            code { _ = try parse("aggregate/metadata.xml", entityID: "https://nobody.example") }
                == "saml.metadata.entity_not_found")
        #expect(
            code { _ = try parse("aggregate/metadata.xml", entityID: "https://sp.other.example/metadata") }
                == "saml.metadata.no_idp_descriptor")
        #expect(
            code { _ = try parse("okta/metadata.xml", entityID: "https://other.example") }
                == "saml.metadata.entity_not_found")
    }

    @Test func aggregateWithOneIdPNeedsNoEntityID() throws {
        let okta = try SAMLFixtures.text("okta/metadata.xml").replacingOccurrences(
            of: "<?xml version=\"1.0\" encoding=\"UTF-8\"?>", with: "")
        let xml =
            "<md:EntitiesDescriptor xmlns:md=\"urn:oasis:names:tc:SAML:2.0:metadata\">\(okta)</md:EntitiesDescriptor>"
        let metadata = try IdPMetadata.parse(Array(xml.utf8), now: SAMLFixtures.fixedNow)
        #expect(metadata.entityID == "http://www.okta.com/exk1a2b3c4d5e6f7g8h9")
    }

    @Test func expiredMetadataIsRefused() throws {
        let google = try parse("google-workspace/metadata.xml")
        let validUntil = try #require(google.validUntil)
        #expect(
            code { _ = try parse("google-workspace/metadata.xml", now: validUntil.addingTimeInterval(1)) }
                == "saml.metadata.expired")
        let relaxed = try parse(
            "google-workspace/metadata.xml", now: validUntil.addingTimeInterval(1),
            options: .init(unsafeIgnoreValidUntil: true))
        #expect(relaxed.entityID == google.entityID)
        #expect(google.refreshDate(fetchedAt: SAMLFixtures.fixedNow) == validUntil)
    }

    @Test func cacheDurationIsHonoured() throws {
        let ping = try parse("pingfederate/metadata.xml")
        #expect(ping.cacheDuration == 86_400)
        #expect(ping.refreshDate(fetchedAt: SAMLFixtures.fixedNow) == SAMLFixtures.fixedNow.addingTimeInterval(86_400))
    }

    @Test func xmlSchemaDurationsAndTimes() {
        #expect(XMLSchemaTime.duration("PT1440M") == 86_400)
        #expect(XMLSchemaTime.duration("P1DT2H") == 93_600)
        #expect(XMLSchemaTime.duration("PT0.5S") == 0.5)
        #expect(XMLSchemaTime.duration("P1Y") == TimeInterval(365 * 86_400))
        for bad in ["", "P", "PT", "-P1D", "P1H", "PT1D", "P2M1Y", "P1.5D", "1D", "PT1S2", "P1DT"] {
            #expect(XMLSchemaTime.duration(bad) == nil, "\(bad)")
        }
        #expect(XMLSchemaTime.dateTime("2031-03-27T17:13:44.000Z").map(Timestamp.format) == "2031-03-27T17:13:44Z")
        #expect(XMLSchemaTime.dateTime("2031-03-27T19:13:44+02:00").map(Timestamp.format) == "2031-03-27T17:13:44Z")
        #expect(XMLSchemaTime.dateTime("2031-03-27T17:13:44").map(Timestamp.format) == "2031-03-27T17:13:44Z")
        for bad in [
            "2031-02-30T00:00:00Z", "2031-03-27 17:13:44Z", "2031-03-27T17:13:44ZZ", "tomorrow", "2031-03-27T25:00:00Z",
        ] {
            #expect(XMLSchemaTime.dateTime(bad) == nil, "\(bad)")
        }
    }

    private static let cert = "MIIBszCCAVmgAwIBAgIU"  // truncated: only used where parsing must fail first

    private func metadata(
        _ descriptor: String, root: String = "md:EntityDescriptor",
        attributes: String = " entityID=\"https://idp.example\""
    ) -> [UInt8] {
        Array("<\(root) xmlns:md=\"urn:oasis:names:tc:SAML:2.0:metadata\"\(attributes)>\(descriptor)</\(root)>".utf8)
    }

    private func idpDescriptor(
        keys: String? = nil, sso: String? = nil, protocols: String = "urn:oasis:names:tc:SAML:2.0:protocol",
        extra: String = ""
    ) throws -> String {
        let okta = try parse("okta/metadata.xml")
        let certificate = Base64.encode(okta.signingCertificates[0].derBytes)
        let keyDescriptor =
            keys
            ?? "<md:KeyDescriptor use=\"signing\"><ds:KeyInfo xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\"><ds:X509Data><ds:X509Certificate>\(certificate)</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>"
        let service =
            sso
            ?? "<md:SingleSignOnService Binding=\"urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect\" Location=\"https://idp.example/sso\"/>"
        return
            "<md:IDPSSODescriptor\(extra) protocolSupportEnumeration=\"\(protocols)\">\(keyDescriptor)\(service)</md:IDPSSODescriptor>"
    }

    @Test func minimalMetadataParsesAndKeyDescriptorWithoutUseServesBoth() throws {
        let okta = try parse("okta/metadata.xml")
        let certificate = Base64.encode(okta.signingCertificates[0].derBytes)
        let wrapped = stride(from: 0, to: certificate.count, by: 64).map { start -> String in
            let from = certificate.index(certificate.startIndex, offsetBy: start)
            let to = certificate.index(from, offsetBy: min(64, certificate.count - start))
            return String(certificate[from..<to])
        }.joined(separator: "\n      ")
        let keys =
            "<md:KeyDescriptor><ds:KeyInfo xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\"><ds:X509Data><ds:X509Certificate>\n      \(wrapped)\n</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>"
        let parsed = try IdPMetadata.parse(
            metadata(try idpDescriptor(keys: keys, extra: " WantAuthnRequestsSigned=\"true\"")),
            now: SAMLFixtures.fixedNow)
        #expect(parsed.entityID == "https://idp.example")
        #expect(parsed.signingCertificates == okta.signingCertificates)
        #expect(parsed.encryptionCertificates == okta.signingCertificates)
        #expect(parsed.wantAuthnRequestsSigned)
        #expect(parsed.validUntil == nil && parsed.cacheDuration == nil)
    }

    @Test func malformedMetadataGetsTypedErrors() throws {
        let now = SAMLFixtures.fixedNow
        func code(_ bytes: [UInt8]) -> String? {
            self.code { _ = try IdPMetadata.parse(bytes, now: now) }
        }
        #expect(code(Array("not xml".utf8)) == "saml.xml.malformed")
        #expect(
            code(Array("<md:EntityDescriptor xmlns:md=\"urn:oasis:names:tc:SAML:2.0:metadata\" entityID=\"x\">".utf8))
                == "saml.xml.malformed")
        #expect(
            code(Array("<samlp:Response xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\"/>".utf8))
                == "saml.metadata.malformed")
        // Right local name, wrong namespace: not metadata.
        #expect(code(Array("<EntityDescriptor xmlns=\"urn:evil\" entityID=\"x\"/>".utf8)) == "saml.metadata.malformed")
        #expect(code(metadata(try idpDescriptor(), attributes: "")) == "saml.metadata.malformed")
        #expect(code(metadata("")) == "saml.metadata.no_idp_descriptor")
        #expect(
            code(metadata(try idpDescriptor(protocols: "urn:oasis:names:tc:SAML:1.1:protocol")))
                == "saml.metadata.no_idp_descriptor")
        #expect(code(metadata(try idpDescriptor() + idpDescriptor())) == "saml.metadata.no_idp_descriptor")
        #expect(code(metadata(try idpDescriptor(sso: ""))) == "saml.metadata.no_sso_service")
        #expect(
            code(metadata(try idpDescriptor(sso: "<md:SingleSignOnService Binding=\"b\"/>")))
                == "saml.metadata.malformed")
        #expect(code(metadata(try idpDescriptor(keys: ""))) == "saml.metadata.no_signing_certificate")
        let encryptionOnly = try idpDescriptor().replacingOccurrences(of: "use=\"signing\"", with: "use=\"encryption\"")
        #expect(code(metadata(encryptionOnly)) == "saml.metadata.no_signing_certificate")
        let unknownUse = try idpDescriptor().replacingOccurrences(of: "use=\"signing\"", with: "use=\"both\"")
        #expect(code(metadata(unknownUse)) == "saml.metadata.malformed")
        let badCertificate =
            "<md:KeyDescriptor><ds:KeyInfo xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\"><ds:X509Data><ds:X509Certificate>@@@</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>"
        #expect(code(metadata(try idpDescriptor(keys: badCertificate))) == "saml.certificate.malformed")
        let truncated = badCertificate.replacingOccurrences(of: "@@@", with: Self.cert)
        #expect(code(metadata(try idpDescriptor(keys: truncated))) == "saml.certificate.malformed")
        #expect(
            code(metadata(try idpDescriptor(), attributes: " entityID=\"https://idp.example\" validUntil=\"soon\""))
                == "saml.metadata.malformed")
        #expect(
            code(metadata(try idpDescriptor(), attributes: " entityID=\"https://idp.example\" cacheDuration=\"-P1D\""))
                == "saml.metadata.malformed")
        #expect(
            code(metadata(try idpDescriptor(extra: " WantAuthnRequestsSigned=\"yes\""))) == "saml.metadata.malformed")
    }

    @Test func doctypeAndEntityTricksAreRefused() throws {
        let xxe = """
            <?xml version="1.0"?><!DOCTYPE md:EntityDescriptor [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
            <md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="&xxe;"/>
            """
        #expect(code { _ = try IdPMetadata.parse(Array(xxe.utf8), now: SAMLFixtures.fixedNow) } == "saml.xml.doctype")
        let laughs =
            "<!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;\">]><lolz>&lol2;</lolz>"
        #expect(
            code { _ = try IdPMetadata.parse(Array(laughs.utf8), now: SAMLFixtures.fixedNow) } == "saml.xml.doctype")
    }

    @Test func oversizeMetadataIsRefused() throws {
        var big = try SAMLFixtures.bytes("okta/metadata.xml")
        big.insert(contentsOf: Array(("<!--" + String(repeating: "x", count: 2 * 1024 * 1024) + "-->").utf8), at: 0)
        #expect(code { _ = try IdPMetadata.parse(big, now: SAMLFixtures.fixedNow) } == "saml.xml.too_large")
        let small = IdPMetadata.ParseOptions(limits: .init(maxBytes: 1024, maxDepth: 64))
        #expect(code { _ = try parse("okta/metadata.xml", options: small) } == "saml.xml.too_large")
    }

    @Test func signedMetadataVerifiesAgainstAPinnedCertificate() throws {
        let pinned = try SAMLCertificate(pem: try SAMLFixtures.text("keys/entra-id-cert.pem"))
        let other = try SAMLCertificate(pem: try SAMLFixtures.text("keys/okta-cert.pem"))
        let verified = try parse("entra-id/metadata.xml", options: .init(signingCertificates: [pinned]))
        #expect(verified.entityID == "https://sts.windows.net/9188040d-6c67-4c5b-b112-36a304b66dad/")
        #expect(verified.ssoServices.count == 2)
        let adfs = try parse(
            "adfs/metadata.xml",
            options: .init(signingCertificates: [try SAMLCertificate(pem: try SAMLFixtures.text("keys/adfs-cert.pem"))])
        )
        #expect(adfs.encryptionCertificates.count == 1)
        #expect(
            code { _ = try parse("entra-id/metadata.xml", options: .init(signingCertificates: [other])) }
                == "saml.metadata.signature_invalid")
        #expect(
            code { _ = try parse("okta/metadata.xml", options: .init(signingCertificates: [other])) }
                == "saml.metadata.signature_missing")
        let tampered = try SAMLFixtures.text("entra-id/metadata.xml")
            .replacingOccurrences(
                of: "https://login.microsoftonline.com/9188040d-6c67-4c5b-b112-36a304b66dad/saml2\" Binding",
                with: "https://evil.example/saml2\" Binding"
            )
            .replacingOccurrences(
                of: "Location=\"https://login.microsoftonline.com/9188040d-6c67-4c5b-b112-36a304b66dad/saml2\"",
                with: "Location=\"https://evil.example/saml2\"")
        #expect(tampered.contains("evil.example"))
        #expect(
            code {
                _ = try IdPMetadata.parse(
                    Array(tampered.utf8), now: SAMLFixtures.fixedNow,
                    options: .init(signingCertificates: [pinned]))
            }
                == "saml.metadata.signature_invalid")
    }

    @Test func keyDescriptorsWithoutCertificatesAreSkipped() throws {
        let keyNameOnly =
            "<md:KeyDescriptor use=\"encryption\"><ds:KeyInfo xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\"><ds:KeyName>k1</ds:KeyName></ds:KeyInfo></md:KeyDescriptor>"
        let descriptor = try idpDescriptor().replacingOccurrences(
            of: "<md:KeyDescriptor use=\"signing\">",
            with: keyNameOnly + "<md:KeyDescriptor use=\"signing\">")
        let parsed = try IdPMetadata.parse(
            xml: String(decoding: metadata(descriptor), as: UTF8.self), now: SAMLFixtures.fixedNow)
        #expect(parsed.signingCertificates.count == 1)
        #expect(parsed.encryptionCertificates.isEmpty)
        #expect(
            code {
                _ = try IdPMetadata.parse(metadata(try idpDescriptor(keys: keyNameOnly)), now: SAMLFixtures.fixedNow)
            }
                == "saml.metadata.no_signing_certificate")
        let relaxed = try IdPMetadata.parse(
            metadata(try idpDescriptor(keys: "")), now: SAMLFixtures.fixedNow,
            options: .init(requireSigningCertificate: false))
        #expect(relaxed.signingCertificates.isEmpty)
    }
}
