// Several replicas, one PostgreSQL: every replica opens the same database with the same
// secrets key; a login may start on one replica and finish on another.
// snippet.hide
import Foundation
// snippet.show
import Sso
import SsoPostgres
import SsoStorage

// snippet.hide
let environment = ProcessInfo.processInfo.environment
// snippet.show
let keyring = try SsoSecretsKeyring(base64Current: environment["SSO_SECRETS_KEY"] ?? "")
let configuration = try SsoPostgresStore.configuration(
    url: environment["DATABASE_URL"] ?? "postgres://sso@db.internal/sso?sslmode=require")
// Migrates under an advisory lock (replicas may start together) and checks the keyring.
let store = try await SsoPostgresStore.open(configuration: configuration, keyring: keyring, deadline: .seconds(5))
let engine = SsoEngine(stores: store.stores)

// On one replica (or all: the sweeps are bounded batches), now and then:
let purged = try await engine.purgeExpired()
print("purged", purged.pendingLogins, purged.replayIDs, purged.sessions)
store.close()
