import Foundation
import Hummingbird
import HummingbirdTesting
import Sso
import SsoHummingbird
import SsoTesting

/// An application with the SSO routes, the admin API and console over a test engine whose
/// LDAP connector is a fake directory (user `carol@corp.example`, password `carol-pw`), and a
/// `/me` route that needs a session.
struct AdminFixture: Sendable {
    static let token = "test-admin-token-0123456789"
    static let organizationID = "org_acme"
    let env: SsoTestEnvironment
    let organization: SsoOrganization

    init() throws {
        let directory = FakeLDAPDirectory()
        directory.add(dn: "cn=svc,dc=corp,dc=example", attributes: ["cn": ["svc"]], password: "svc-bind-secret-pw")
        directory.add(
            dn: "ou=people,dc=corp,dc=example", attributes: ["objectClass": ["organizationalUnit"], "ou": ["people"]])
        directory.add(
            dn: "uid=carol,ou=people,dc=corp,dc=example",
            attributes: [
                "objectClass": ["inetOrgPerson"], "uid": ["carol"], "mail": ["carol@corp.example"],
                "cn": ["Carol Example"], "entryUUID": ["4b1c0a2e-0000-4000-8000-000000000001"],
            ], password: "carol-pw")
        env = SsoTestEnvironment(ldapConnector: directory.connector)
        organization = try env.engine.organization(Self.organizationID)
    }

    /// The reference's LDAP connection as the admin API takes it (`bind_password` included).
    static func ldapConnectionJSON(name: String = "Corp LDAP", domains: [String] = ["corp.example"]) -> String {
        let list = domains.map { "\"\($0)\"" }.joined(separator: ",")
        return """
            {"name":"\(name)","protocol":"ldap","server_url":"ldaps://ldap.corp.example",\
            "bind_dn":"cn=svc,dc=corp,dc=example","bind_password":"svc-bind-secret-pw",\
            "user_search_base":"ou=people,dc=corp,dc=example","domains":[\(list)],"jit_provisioning":true,\
            "default_role":"member"}
            """
    }

    func application() throws -> some ApplicationProtocol {
        let cookieKey = try SsoCookieKey(Array(repeating: 7, count: 32))
        let configuration = SsoRouteConfiguration(
            cookieKey: cookieKey, afterLoginPath: "/me", organizationID: Self.organizationID)
        let router = Router(context: SsoBasicRequestContext.self)
        router.add(middleware: SsoSessionMiddleware(engine: env.engine, configuration: configuration))
        SsoRoutes<SsoBasicRequestContext>(engine: env.engine, configuration: configuration).register(on: router)
        let token = try SsoAdminBearerToken(Secret(Self.token))
        try SsoAdminRoutes<SsoBasicRequestContext>(
            engine: env.engine, organizationID: Self.organizationID, authorization: token,
            defaultOIDCRedirectURI: "https://app.example.com/sso/callback"
        ).register(on: router)
        try SsoAdminConsole<SsoBasicRequestContext>(
            engine: env.engine, organizationID: Self.organizationID, token: token, cookieKey: cookieKey
        ).register(on: router)
        router.get("/me") { _, context -> Response in
            guard let session = context.ssoSession else { return Response(status: .unauthorized) }
            return Response(
                status: .ok, body: ResponseBody(byteBuffer: ByteBuffer(string: "\(session.email)|\(session.id)")))
        }
        return Application(router: router)
    }
}

extension TestClientProtocol {
    /// An admin API call with the bearer token (or `token`) and a JSON body.
    func admin(
        _ method: HTTPRequest.Method, _ path: String, json: String? = nil, token: String? = AdminFixture.token
    ) async throws -> TestResponse {
        var headers: HTTPFields = [.accept: "application/json"]
        if let token { headers[.authorization] = "Bearer \(token)" }
        if json != nil { headers[.contentType] = "application/json" }
        return try await execute(uri: path, method: method, headers: headers, body: json.map { ByteBuffer(string: $0) })
    }
}

extension TestResponse {
    var text: String { String(buffer: body) }
    var location: String { headers[.location] ?? "" }

    /// The body as a JSON object.
    func object() throws -> [String: Any] {
        guard let object = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] else {
            throw FixtureError("not a JSON object: \(text)")
        }
        return object
    }

    /// `error.code` of an error body.
    var errorCode: String? {
        ((try? object())?["error"] as? [String: Any])?["code"] as? String
    }
}

struct FixtureError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
