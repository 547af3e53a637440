// State that survives a restart: every engine store in one SQLite file, secrets sealed under
// a key the application supplies.
// snippet.hide
import Foundation
// snippet.show
import Sso
import SsoSQLite
import SsoStorage

// snippet.hide
let environment = ProcessInfo.processInfo.environment
// snippet.show
// 32 random bytes, base64 (`openssl rand -base64 32`), from your secret manager.
let keyring = try SsoSecretsKeyring(base64Current: environment["SSO_SECRETS_KEY"] ?? "")
let store = try await SsoSQLiteStore.open(path: "/var/lib/my-app/sso.sqlite", keyring: keyring)
let engine = SsoEngine(stores: store.stores)
// … serve requests with `engine` …
_ = engine
await store.close()
