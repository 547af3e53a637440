import HTTPTypes
import SsoJOSE

/// The userinfo endpoint (OpenID Connect Core §5.3): claims about the user, fetched with the
/// access token. Its `sub` must equal the ID token's (§5.3.2), or the answer is refused, since
/// it could then describe someone else.
package enum UserInfo {
    /// The largest userinfo answer read (default 64 KiB).
    package static let defaultMaxBytes = 64 * 1024

    /// Fetches the claims and checks that `sub` equals `expectedSubject`.
    package static func fetch(
        endpoint: String, accessToken: Secret, expectedSubject: String, transport: any HTTPTransport,
        maxBytes: Int = defaultMaxBytes
    ) async throws(SsoError) -> [String: JSONValue] {
        let url = try EndpointURL(
            endpoint, field: "userinfo_endpoint", invalid: .oidcDiscoveryInvalidURL,
            insecure: .oidcDiscoveryInsecureURL)
        var headers = HTTPFields()
        headers[.authorization] = "Bearer " + accessToken.unsafeValue
        headers[.accept] = "application/json"
        let response = try await transport.fetch(
            url.request(method: .get, headers: headers), maxResponseBytes: maxBytes, redirects: .refuse)
        guard response.response.status.code == 200 else {
            throw SsoError(
                .oidcUserinfoHTTPStatus,
                "the userinfo endpoint answered with HTTP status \(response.response.status.code)")
        }
        return try parse(response.body, expectedSubject: expectedSubject, maxBytes: maxBytes)
    }

    /// Parses a userinfo JSON answer and checks its `sub`.
    package static func parse(_ body: [UInt8], expectedSubject: String, maxBytes: Int = defaultMaxBytes)
        throws(SsoError) -> [String: JSONValue]
    {
        let reader = try JSONObjectReader(
            parsing: body, limits: JSONLimits(maxBytes: maxBytes, maxDepth: 16), what: "userinfo response",
            notObject: .oidcUserinfoInvalidResponse, missing: .oidcUserinfoSubMissing,
            invalid: .oidcUserinfoInvalidResponse)
        let subject = try reader.string("sub")
        guard subject.bytesEqual(expectedSubject) else {
            throw SsoError(.oidcUserinfoSubMismatch, "the userinfo sub is not the ID token's sub")
        }
        return reader.members
    }
}
