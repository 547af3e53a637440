import ArgumentParser
import Foundation
import SsoOIDC

/// `ssoctl oidc validate-discovery --document FILE --issuer URL [--entra-multi-tenant]`
///
/// Checks a discovery document as the relying party would (exact issuer, required members,
/// https endpoints). Prints `{"ok":true,"issuer":…,"authorization_endpoint":…,…}` and exits 0,
/// or the error object and exits 1; usage errors exit 2.
struct OIDCValidateDiscoveryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate-discovery",
        abstract: "Validate an OpenID Connect discovery document against the expected issuer."
    )

    @Option(name: .long, help: "The discovery document (JSON), or - for standard input.")
    var document: String

    @Option(name: .long, help: "The configured issuer; the document's issuer must equal it exactly.")
    var issuer: String

    @Flag(
        name: .customLong("entra-multi-tenant"),
        help: "Accept Entra ID's {tenantid} template issuer for a common/organizations/consumers issuer.")
    var entraMultiTenant = false

    func validate() throws {
        if issuer.isEmpty { throw ValidationError("--issuer cannot be empty") }
    }

    func run() throws {
        do throws(SsoError) {
            let options = DiscoveryOptions(issuerPolicy: entraMultiTenant ? .entraMultiTenant() : .exact)
            let bytes = try CommandOutput.readInput(document, limit: options.maxDocumentBytes)
            let metadata = try ProviderMetadata.parse(bytes, configuredIssuer: issuer, options: options)
            CommandOutput.succeed(Self.fields(metadata))
        } catch {
            throw CommandOutput.reject(error)
        }
    }

    static func fields(_ metadata: ProviderMetadata) -> [String: Any] {
        var fields: [String: Any] = [
            "issuer": metadata.issuer,
            "authorization_endpoint": metadata.authorizationEndpoint,
            "token_endpoint": metadata.tokenEndpoint,
            "jwks_uri": metadata.jwksURI,
            "response_types_supported": metadata.responseTypesSupported,
            "subject_types_supported": metadata.subjectTypesSupported,
            "id_token_signing_alg_values_supported": metadata.idTokenSigningAlgValuesSupported,
            "token_endpoint_auth_methods_supported": metadata.tokenEndpointAuthMethodsSupported,
        ]
        let optional: [(String, Any?)] = [
            ("userinfo_endpoint", metadata.userinfoEndpoint),
            ("end_session_endpoint", metadata.endSessionEndpoint),
            ("scopes_supported", metadata.scopesSupported),
            ("claims_supported", metadata.claimsSupported),
            ("code_challenge_methods_supported", metadata.codeChallengeMethodsSupported),
            ("grant_types_supported", metadata.grantTypesSupported),
        ]
        for (name, value) in optional {
            if let value { fields[name] = value }
        }
        return fields
    }
}
