import Foundation
import Hummingbird
import Sso
import SsoCore
import SsoOIDC

extension SsoRoutes {
    /// `GET {base}/callback`: the OIDC redirect back, checked against this browser's binding.
    func oidcCallback(_ request: Request) async throws -> Response {
        let callback = try OIDCCallback.parse(query: request.uri.query ?? "")
        guard let state = callback.state, !state.isEmpty, state.utf8.count <= 512,
            cookies.hasBinding(request, Self.binding("oidc", state), saml: false)
        else { throw Self.browserMismatch() }
        guard case .code(let code, _, let iss) = callback else {
            if case .error(let refusal, _) = callback { throw OIDCCallback.refusal(refusal) }
            throw Self.browserMismatch()
        }
        let result: SsoCallbackResponse
        if let id = configuration.organizationID {
            result = try await engine.organization(id).handleOidcCallback(
                code: code.unsafeValue, state: state, iss: iss)
        } else {
            result = try await engine.handleOidcCallback(code: code.unsafeValue, state: state, iss: iss)
        }
        return try await signedIn(result, clearing: cookies.clearBinding(saml: false))
    }

    /// `POST {base}/saml/callback[/{connection}]`: the IdP's form post. An SP-initiated response
    /// must come with this browser's binding for its RelayState; on a connection's own ACS a
    /// response without one is treated as IdP-initiated (the engine accepts it only where the
    /// connection allows unsolicited responses).
    func samlCallback(_ request: Request, connectionID: String?) async throws -> Response {
        let form = try await SsoForm.body(of: request, limit: configuration.maxFormBytes)
        guard let samlResponse = form["SAMLResponse"], !samlResponse.isEmpty else {
            throw SsoError(.requestInvalid, "the form has no SAMLResponse")
        }
        let relayState = form["RelayState"].flatMap { $0.isEmpty ? nil : $0 }
        let bound = relayState.map { cookies.hasBinding(request, Self.binding("saml", $0), saml: true) } ?? false
        let result: SsoCallbackResponse
        if let connectionID {
            let organization = try await organization { () async throws(SsoError) in
                try await engine.organization(ofConnection: connectionID)
            }
            result = try await organization.handleSamlCallback(
                samlResponse: samlResponse, relayState: bound ? relayState : nil, connectionID: connectionID)
        } else {
            guard let relayState, bound else { throw Self.browserMismatch() }
            if let id = configuration.organizationID {
                result = try await engine.organization(id).handleSamlCallback(
                    samlResponse: samlResponse, relayState: relayState)
            } else {
                result = try await engine.handleSamlCallback(samlResponse: samlResponse, relayState: relayState)
            }
        }
        return try await signedIn(result, clearing: cookies.clearBinding(saml: true))
    }

    /// `POST {base}/ldap`: the LDAP form, checked against the token its binding cookie signs.
    func ldapCallback(_ request: Request) async throws -> Response {
        let form = try await SsoForm.body(of: request, limit: min(configuration.maxFormBytes, 16 * 1024))
        guard let token = form["token"], let organizationID = form["organization"],
            let connectionID = form["connection"], let username = form["username"], let password = form["password"]
        else { throw SsoError(.requestInvalid, "the LDAP form is incomplete") }
        guard cookies.hasBinding(request, Self.binding("ldap", token, organizationID, connectionID), saml: false)
        else { throw Self.browserMismatch() }
        if let id = configuration.organizationID, !id.bytesEqual(organizationID) { throw Self.browserMismatch() }
        let result = try await engine.organization(organizationID).handleLdapCallback(
            username: username, password: Secret(password), connectionID: connectionID)
        return try await signedIn(result, clearing: cookies.clearBinding(saml: false))
    }

    /// `GET {base}/saml/metadata/{connection}`: this SP's metadata for the connection.
    func samlMetadata(_ connectionID: String) async throws -> Response {
        let organization = try await organization { () async throws(SsoError) in
            try await engine.organization(ofConnection: connectionID)
        }
        let xml = try await organization.serviceProviderMetadata(connectionID: connectionID)
        var headers = HTTPFields()
        headers[.contentType] = "application/samlmetadata+xml; charset=utf-8"
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: xml)))
    }

    /// `POST {base}/logout`: revokes the session and deletes the cookie.
    func logout(_ request: Request) async throws -> Response {
        if let reference = cookies.sessionReference(request) {
            do {
                try await engine.organization(reference.organizationID).revokeSession(reference.sessionID)
            } catch  where error.code == .sessionNotFound {
                // Already ended: signing out again is not an error.
            }
        }
        return Self.redirect(to: configuration.afterLogoutPath, status: .seeOther, cookies: [cookies.clearSession()])
    }

    /// The redirect after a completed login, with the session cookie.
    private func signedIn(_ result: SsoCallbackResponse, clearing binding: Cookie) async throws -> Response {
        guard let sessionID = result.sessionID else {
            throw SsoError(.requestInvalid, "the login completed without a session")
        }
        let organization = try await self.organization { () async throws(SsoError) in
            try await engine.organization(ofConnection: result.connectionID)
        }
        let session = try await organization.validateSession(sessionID)
        let cookie = cookies.session(
            sessionID, organizationID: organization.id, expiresIn: session.expiresAt.timeIntervalSince(engine.clock.now)
        )
        return Self.redirect(to: configuration.afterLoginPath, status: .seeOther, cookies: [binding, cookie])
    }

    static func browserMismatch() -> SsoError {
        SsoError(
            .loginBrowserMismatch,
            "this sign-in was not started in this browser, or it took too long: start again")
    }
}
