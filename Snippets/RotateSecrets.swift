// Rotate the key that seals stored secrets, and roll an IdP's signing certificate over
// without a failed login.
// snippet.hide
import Foundation
// snippet.show
import Sso
import SsoSQLite
import SsoStorage

// snippet.hide
let environment = ProcessInfo.processInfo.environment
let newMetadataXML = ""
// snippet.show
// 1. The new key encrypts; the previous one still decrypts what it sealed.
let keyring = try SsoSecretsKeyring(
    base64Current: environment["SSO_SECRETS_KEY"] ?? "",
    base64Previous: [environment["SSO_SECRETS_KEY_PREVIOUS"] ?? ""])
let store = try await SsoSQLiteStore.open(path: "/var/lib/my-app/sso.sqlite", keyring: keyring)
// 2. Re-seal every stored secret under the new key (what `ssoctl store rotate-key` does);
//    afterwards the previous key can be dropped from the configuration.
let resealed = try await store.rotateSecrets()
print("re-sealed \(resealed) secrets under key \(keyring.currentKeyID)")

// An IdP certificate rollover on a connection with stored metadata: give it the metadata that
// lists both the old and the new certificate (every signing certificate in it is trusted),
// then, once the IdP signs with the new one, metadata with only the new one.
let engine = SsoEngine(stores: store.stores)
let organization = try engine.organization("org_contoso")
_ = try await organization.updateConnection(
    "conn_01J9Z3", UpdateSsoConnectionParams(settings: .saml(SAMLSettingsPatch(metadata: .xml(newMetadataXML)))))
await store.close()
