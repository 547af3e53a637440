import Foundation
import SsoJOSE

extension OIDCClient {
    /// RFC 9207: a present `iss` must be the provider's issuer (an Entra ID tenant template is
    /// matched per token instead); a provider that promises `iss` must send it.
    static func checkResponseIssuer(_ iss: String?, metadata: ProviderMetadata) throws(SsoError) {
        guard let iss else {
            if metadata.authorizationResponseIssParameterSupported {
                throw SsoError(
                    .oidcCallbackIssuerMissing, "the callback has no iss parameter although the provider sends one")
            }
            return
        }
        if !IssuerPolicy.isTenantTemplate(metadata.issuer), !iss.bytesEqual(metadata.issuer) {
            throw SsoError(.oidcCallbackIssuerMismatch, "the callback's iss parameter is not the provider's issuer")
        }
    }

    func idTokenVerifier(metadata: ProviderMetadata) -> IDTokenVerifier {
        IDTokenVerifier(
            issuer: metadata.issuer, clientID: configuration.clientID, clientSecret: configuration.clientSecret,
            algorithms: configuration.options.idTokenAlgorithms,
            issuerPolicy: configuration.options.discovery.issuerPolicy,
            leeway: configuration.options.clockLeeway, requireAtHash: configuration.options.requireAtHash)
    }

    func exchange(code: Secret, pending: PendingOIDCLogin, metadata: ProviderMetadata) async throws(SsoError)
        -> TokenResponse
    {
        let request = try TokenRequest.make(
            tokenEndpoint: metadata.tokenEndpoint, code: code, redirectURI: pending.redirectURI,
            codeVerifier: pending.codeVerifier, clientID: configuration.clientID,
            clientSecret: configuration.clientSecret,
            method: configuration.tokenEndpointAuthMethod)
        // A redirected token request would carry the code, verifier and client secret elsewhere.
        let response = try await configuration.transport.fetch(
            request.request, body: request.body, maxResponseBytes: configuration.options.maxResponseBytes,
            redirects: .refuse)
        return try TokenResponse.parse(
            status: Int(response.response.status.code), body: response.body,
            maxBytes: configuration.options.maxResponseBytes)
    }
}
