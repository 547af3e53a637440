import Foundation
@testable import Sso
import Testing

/// A broken parameter set (a change to the reference JSON of a valid one) and the field its error must name.
struct BadParams: Sendable, CustomTestStringConvertible {
    let field: String
    let base: @Sendable () -> CreateSsoConnectionParams
    let change: @Sendable (inout [String: Any]) -> Void
    let label: String

    init(
        _ label: String, field: String, _ base: @escaping @Sendable () -> CreateSsoConnectionParams,
        _ change: @escaping @Sendable (inout [String: Any]) -> Void
    ) {
        self.label = label
        self.field = field
        self.base = base
        self.change = change
    }

    var testDescription: String { label }

    /// The broken parameters through the reference's flat JSON: refused when decoded (a missing
    /// or foreign field) or when created (an invalid value).
    func params() throws -> CreateSsoConnectionParams {
        try Samples.flat(base(), change)
    }
}

@Suite struct ConnectionValidationTests {
    static let missingRequired: [BadParams] = [
        BadParams("oidc name", field: "name", { Samples.oidc() }) { $0["name"] = "  " },
        BadParams("oidc issuer_url", field: "issuer_url", { Samples.oidc() }) { $0["issuer_url"] = nil },
        BadParams("oidc client_id", field: "client_id", { Samples.oidc() }) { $0["client_id"] = nil },
        BadParams("oidc client_secret", field: "client_secret", { Samples.oidc() }) { $0["client_secret"] = nil },
        BadParams("saml name", field: "name", { Samples.saml() }) { $0["name"] = "" },
        BadParams("saml metadata", field: "metadata_url", { Samples.saml() }) { $0["metadata_xml"] = nil },
        BadParams("saml acs", field: "assertion_consumer_service_url", { Samples.saml() }) {
            $0["assertion_consumer_service_url"] = nil
        },
        BadParams("saml entity_id", field: "entity_id", { Samples.saml() }) { $0["entity_id"] = nil },
        BadParams("ldap name", field: "name", { Samples.ldap() }) { $0["name"] = "" },
        BadParams("ldap server_url", field: "server_url", { Samples.ldap() }) { $0["server_url"] = nil },
        BadParams("ldap bind_dn", field: "bind_dn", { Samples.ldap() }) { $0["bind_dn"] = nil },
        BadParams("ldap bind_password", field: "bind_password", { Samples.ldap() }) { $0["bind_password"] = nil },
        BadParams("ldap user_search_base", field: "user_search_base", { Samples.ldap() }) {
            $0["user_search_base"] = nil
        },
    ]

    static let invalidValues: [BadParams] = [
        BadParams("http issuer", field: "issuer_url", { Samples.oidc() }) {
            $0["issuer_url"] = "http://mycompany.okta.com"
        },
        BadParams("ftp issuer", field: "issuer_url", { Samples.oidc() }) {
            $0["issuer_url"] = "ftp://mycompany.okta.com"
        },
        BadParams("relative issuer", field: "issuer_url", { Samples.oidc() }) {
            $0["issuer_url"] = "mycompany.okta.com"
        },
        BadParams("issuer with query", field: "issuer_url", { Samples.oidc() }) {
            $0["issuer_url"] = "https://a.example/?x=1"
        },
        BadParams("issuer with user info", field: "issuer_url", { Samples.oidc() }) {
            $0["issuer_url"] = "https://u:p@a.example"
        },
        BadParams("empty secret", field: "client_secret", { Samples.oidc() }) { $0["client_secret"] = "" },
        BadParams("bad domain", field: "domains[1]", { Samples.oidc() }) { $0["domains"] = ["ok.example", "1.2.3.4"] },
        BadParams("tld domain", field: "domains[0]", { Samples.oidc() }) { $0["domains"] = ["com"] },
        BadParams("blank role", field: "default_role", { Samples.oidc() }) { $0["default_role"] = " " },
        BadParams("http redirect", field: "redirect_uris[0]", { Samples.oidc() }) {
            $0["redirect_uris"] = ["http://app.example/cb"]
        },
        BadParams("oidc with bind_dn", field: "bind_dn", { Samples.oidc() }) { $0["bind_dn"] = "cn=x,dc=example" },
        BadParams("oidc with entity_id", field: "entity_id", { Samples.oidc() }) { $0["entity_id"] = "x" },
        BadParams("both metadata", field: "metadata_xml", { Samples.saml() }) {
            $0["metadata_url"] = "https://idp.example/md"
        },
        BadParams("http metadata_url", field: "metadata_url", { Samples.saml() }) {
            $0["metadata_xml"] = nil
            $0["metadata_url"] = "http://idp.example/md"
        },
        BadParams("metadata with DTD", field: "metadata_xml", { Samples.saml() }) {
            $0["metadata_xml"] = "<!DOCTYPE x [<!ENTITY e SYSTEM 'file:///etc/passwd'>]>" + Samples.metadataXML
        },
        BadParams("not metadata", field: "metadata_xml", { Samples.saml() }) { $0["metadata_xml"] = "<html/>" },
        BadParams("entity id with space", field: "entity_id", { Samples.saml() }) { $0["entity_id"] = "a b" },
        BadParams("saml with client_secret", field: "client_secret", { Samples.saml() }) { $0["client_secret"] = "s" },
        BadParams("ldap with redirect", field: "redirect_uris", { Samples.ldap() }) {
            $0["redirect_uris"] = ["https://a.example/cb"]
        },
        BadParams("http server_url", field: "server_url", { Samples.ldap() }) {
            $0["server_url"] = "https://ldap.example"
        },
        BadParams("server_url path", field: "server_url", { Samples.ldap() }) {
            $0["server_url"] = "ldap://ldap.example/dc=x"
        },
        BadParams("plain without opt-in", field: "tls_mode", { Samples.ldap() }) {
            $0["server_url"] = "ldap://ldap.example"
            $0["tls_mode"] = "plain"
        },
        BadParams("ldaps mode on ldap url", field: "tls_mode", { Samples.ldap() }) {
            $0["server_url"] = "ldap://ldap.example"
            $0["tls_mode"] = "ldaps"
        },
        BadParams("starttls on ldaps url", field: "tls_mode", { Samples.ldap() }) { $0["tls_mode"] = "starttls" },
        BadParams("bind_dn not a DN", field: "bind_dn", { Samples.ldap() }) { $0["bind_dn"] = "admin" },
        BadParams("bad attribute", field: "user_attribute", { Samples.ldap() }) { $0["user_attribute"] = "u id" },
        BadParams("bad filter", field: "user_filter", { Samples.ldap() }) {
            $0["user_filter"] = "(&(objectClass=person)"
        },
        BadParams("group search without base", field: "group_search_base", { Samples.ldap() }) {
            $0["group_search_base"] = nil
        },
        BadParams("require group without mapping", field: "group_mapping", { Samples.ldap() }) {
            $0["group_mapping"] = [String: [String]]()
            $0["require_group"] = true
        },
        BadParams("bad CA", field: "ca_certificate_pem", { Samples.ldap() }) { $0["ca_certificate_pem"] = "not a pem" },
        BadParams("ldap with issuer", field: "issuer_url", { Samples.ldap() }) {
            $0["issuer_url"] = "https://a.example"
        },
    ]

    @Test(arguments: missingRequired)
    func missingRequiredFieldIsNamed(_ bad: BadParams) async throws {
        let t = TestEngine()
        let error = await thrownError { try await t.org().createConnection(try bad.params()) }
        #expect(error?.code == .connectionInvalidParams)
        #expect(error?.message.hasPrefix("\(bad.field):") == true, "\(error?.message ?? "no error")")
        #expect(try await t.org().listConnections().connections.isEmpty)
    }

    @Test(arguments: invalidValues)
    func invalidValueIsNamed(_ bad: BadParams) async throws {
        let t = TestEngine()
        let error = await thrownError { try await t.org().createConnection(try bad.params()) }
        #expect(error?.code == .connectionInvalidParams)
        #expect(error?.message.hasPrefix("\(bad.field):") == true, "\(error?.message ?? "no error")")
        #expect(try await t.org().listConnections().connections.isEmpty)
    }

    @Test func loopbackHTTPIssuerIsAllowed() async throws {
        let org = try TestEngine().org()
        for issuer in ["http://127.0.0.1:8080", "http://localhost:9000/realms/dev", "http://[::1]:8080"] {
            var params = Samples.oidc(domains: [])
            params.editOIDC { $0.issuerURL = issuer }
            #expect(try await org.createConnection(params).issuerURL == issuer)
        }
    }

    @Test func plaintextLDAPNeedsExplicitOptIn() async throws {
        let org = try TestEngine().org()
        // The flat JSON needs allow_plaintext; in the typed settings choosing .plain is the opt-in.
        let flat = try Samples.flat(Samples.ldap()) {
            $0["server_url"] = "ldap://127.0.0.1:3389"
            $0["tls_mode"] = "plain"
            $0["allow_plaintext"] = true
        }
        #expect(try await org.createConnection(flat).tlsMode == .plain)
        var typed = Samples.ldap(domains: ["typed.example"])
        typed.editLDAP {
            $0.serverURL = "ldap://127.0.0.1:3390"
            $0.tlsMode = .plain
        }
        #expect(try await org.createConnection(typed).tlsMode == .plain)
    }

    @Test func multiLinePEMIsAccepted() async throws {
        let org = try TestEngine().org()
        var params = Samples.ldap()
        params.editLDAP {
            $0.caCertificatePEM =
                "-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIUW\r\nabc=\n-----END CERTIFICATE-----\n"
        }
        #expect(try await org.createConnection(params).protocol == .ldap)
        guard
            case .ldap(let settings) = try await org.connectionRecord(org.listConnections().connections[0].id).settings
        else {
            throw SsoError("test", "not ldap")
        }
        #expect(settings.caCertificatePEM?.hasPrefix("-----BEGIN CERTIFICATE-----\nMIIB") == true)
    }

    @Test func ldapTLSModeDefaultsFromScheme() async throws {
        let org = try TestEngine().org()
        let params = try Samples.flat(Samples.ldap()) { $0["server_url"] = "ldap://ldap.corp.example:389" }
        #expect(try await org.createConnection(params).tlsMode == .starttls)
        let typed = LDAPConnectionSettings(
            serverURL: "ldap://ldap.corp.example:389", bindDN: "cn=a,dc=b", bindPassword: Secret("p"),
            userSearchBase: "dc=b")
        #expect(typed.tlsMode == .starttls)
    }

    @Test func duplicateDomainsAreMerged() async throws {
        let org = try TestEngine().org()
        let conn = try await org.createConnection(
            Samples.oidc(domains: ["bücher.example", "XN--BCHER-KVA.example.", "a.example"]))
        #expect(conn.domains == ["xn--bcher-kva.example", "a.example"])
    }

    @Test func domainErrorKeepsTheRoutingCause() async throws {
        let org = try TestEngine().org()
        let error = await thrownError { try await org.createConnection(Samples.oidc(domains: ["[::1]"])) }
        #expect(error?.code == .connectionInvalidParams)
        #expect((error?.underlying as? SsoError)?.code == .routingInvalidDomain)
    }

    @Test func tooManyDomains() async throws {
        let org = try TestEngine(settings: .init(maxDomainsPerConnection: 2)).org()
        let error = await thrownError {
            try await org.createConnection(Samples.oidc(domains: ["a.example", "b.example", "c.example"]))
        }
        #expect(error?.message.hasPrefix("domains:") == true)
    }
}
