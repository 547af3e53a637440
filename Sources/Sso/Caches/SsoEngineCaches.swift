import Foundation
import SsoOIDC
import SsoSAML

/// The caches one engine shares between all its organizations and calls: OIDC discovery and
/// signing keys per issuer (one fetch and one refetch budget for every connection of that
/// issuer), parsed SAML metadata per connection, and LDAP authenticators (with their pools of
/// service-account connections) per connection.
final class SsoEngineCaches: Sendable {
    let oidc = OIDCProviderCaches()
    let samlMetadata = SAMLMetadataCache()
    let ldap = LDAPAuthenticatorCache()
}
