// Add OIDC login to a Hummingbird app: an engine on SQLite, the SSO routes, one OIDC
// connection, and a page only signed-in users see.
// snippet.hide
import Foundation
// snippet.show
import Hummingbird
import Logging
import Sso
import SsoAsyncHTTPClient
import SsoHummingbird
import SsoSQLite
import SsoStorage

// snippet.hide
let environment = ProcessInfo.processInfo.environment
// snippet.show
let logger = Logger(label: "my-app")
// 32 random bytes, base64 (`openssl rand -base64 32`), from your secret manager.
let secretsKey = environment["SSO_SECRETS_KEY"] ?? ""
let keyring = try SsoSecretsKeyring(base64Current: secretsKey)
let store = try await SsoSQLiteStore.open(path: "/var/lib/my-app/sso.sqlite", keyring: keyring)

try await AsyncHTTPClientTransport.withTransport(logger: logger) { transport in
    let engine = SsoEngine(stores: store.stores, httpTransport: transport, logger: logger)

    // Once, from your admin tooling: the customer's IdP and the domains it signs in.
    let organization = try engine.organization("org_acme")
    if try await organization.listConnections().connections.isEmpty {
        _ = try await organization.createConnection(
            .oidc(
                name: "Acme Okta", issuerURL: "https://acme.okta.com",
                clientID: "0oa1example", clientSecret: Secret(environment["ACME_CLIENT_SECRET"] ?? ""),
                domains: ["acme.com"], jitProvisioning: true))
    }

    // The browser side: /sso/login, /sso/callback, /sso/saml/callback, /sso/logout, …
    // Signs the login-binding and session cookies: 32+ secret bytes, the same on every replica.
    let cookieKey = try SsoCookieKey(Array(Data(base64Encoded: environment["SSO_COOKIE_KEY"] ?? "") ?? Data()))
    let configuration = SsoRouteConfiguration(
        cookieKey: cookieKey, basePath: "/sso",
        afterLoginPath: "/dashboard", organizationID: "org_acme",
        oidcRedirectURI: "https://app.example.com/sso/callback")
    let router = Router(context: SsoBasicRequestContext.self)
    router.add(middleware: SsoSessionMiddleware(engine: engine, configuration: configuration))
    SsoRoutes<SsoBasicRequestContext>(engine: engine, configuration: configuration).register(on: router)
    router.get("/dashboard") { _, context -> String in
        guard let session = context.ssoSession else { throw HTTPError(.unauthorized) }
        return "Signed in as \(session.email)"
    }

    let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 8080)))
    try await app.runService()
}
await store.close()
