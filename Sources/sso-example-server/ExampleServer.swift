import Foundation
import Hummingbird
import Logging
import Sso
import SsoCore
import SsoHummingbird
import SsoStoreLocation

/// The server: opens the store, serves until SIGTERM or SIGINT (Hummingbird's service group
/// shuts down gracefully, finishing requests in flight), then closes the store.
struct ExampleServer: Sendable {
    let settings: ServerSettings
    /// How the engine reaches IdPs (discovery, JWKS, token and metadata requests).
    let httpTransport: any HTTPTransport
    let logger: Logger

    func run() async throws {
        let store = try await SsoOpenStore.open(settings.store, keyring: settings.keyring, logger: logger)
        do {
            let engine = SsoEngine(stores: store.stores, httpTransport: httpTransport, logger: logger)
            let router = try ExampleRouter(settings: settings, engine: engine, logger: logger).build()
            let address = "http://\(ServerSettings.urlHost(settings.host)):\(settings.port)"
            let app = Application(
                router: router,
                configuration: ApplicationConfiguration(
                    address: .hostname(settings.host, port: settings.port), serverName: "sso-example-server"),
                onServerRunning: { [settings, logger] _ in
                    logger.info(
                        "sso-example-server listening",
                        metadata: [
                            "address": "\(address)", "public_url": "\(settings.publicURL)",
                            "organization_id": "\(settings.organizationID)", "store": "\(settings.storeDescription)",
                            "oidc_redirect_uri": "\(settings.oidcRedirectURI)", "saml_acs": "\(settings.samlACSURL)",
                        ])
                },
                logger: logger)
            try await app.runService()
        } catch {
            await store.close()
            throw error
        }
        await store.close()
        logger.info("sso-example-server stopped")
    }
}
