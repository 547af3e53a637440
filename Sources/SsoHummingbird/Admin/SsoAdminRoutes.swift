import Foundation
import Hummingbird
import Logging
import Sso
import SsoCore

/// The reference's admin operations as a JSON API for one organization, mounted on a Hummingbird
/// router:
///
/// | route | does |
/// | --- | --- |
/// | `POST {base}/connections`, `GET {base}/connections` | create (201), list |
/// | `GET`, `PATCH`, `DELETE {base}/connections/{id}` | read, update, delete (204) |
/// | `POST {base}/connections/{id}/test` | test against the IdP (`SsoTestResult`) |
/// | `GET`, `PUT {base}/enforcement` | read, set the enforcement policy |
/// | `GET {base}/sessions`, `DELETE {base}/sessions/{id}` | list active sessions, revoke one (204) |
/// | `GET`, `PUT`, `DELETE {base}/config` | the legacy single OIDC config |
///
/// Bodies and results use the reference's snake_case fields; secrets (`client_secret`,
/// `bind_password`, `sp_signing_key_pem`) are accepted but never returned. Every request must
/// pass the ``SsoAdminAuthorization`` (401 otherwise, before its body is read); bodies are
/// capped at ``maxBodyBytes`` (413). Errors are `{"error":{"code","message"}}`: 400 for a body
/// that is not JSON, 422 for valid JSON the engine refuses (`*.invalid_params`), 404 for an
/// unknown id, 409 for a domain already claimed or a limit reached, 503 when the store is down.
///
/// ```swift
/// let admin = try SsoAdminRoutes<SsoBasicRequestContext>(
///     engine: engine, organizationID: "org_default",
///     authorization: try SsoAdminBearerToken(Secret(adminToken)))
/// admin.register(on: router)
/// ```
public struct SsoAdminRoutes<Context: RequestContext>: Sendable {
    /// The organization every route reads and changes.
    public let organization: SsoOrganization
    /// Who may call the routes.
    public let authorization: any SsoAdminAuthorization
    /// The path the routes are under.
    public var basePath: String
    /// The largest request body read; larger ones get 413 before they are read whole.
    public var maxBodyBytes: Int
    /// The `redirect_uris` an OIDC connection created without any gets (this server's callback),
    /// or `nil` to require them in the request.
    public var defaultOIDCRedirectURI: String?

    /// Admin routes for `organizationID` of `engine`.
    /// - Throws: `organization.invalid_id`.
    public init(
        engine: SsoEngine, organizationID: String, authorization: any SsoAdminAuthorization,
        basePath: String = "/admin/sso", maxBodyBytes: Int = 1 << 20, defaultOIDCRedirectURI: String? = nil
    ) throws(SsoError) {
        self.organization = try engine.organization(organizationID)
        self.authorization = authorization
        self.basePath = basePath
        self.maxBodyBytes = maxBodyBytes
        self.defaultOIDCRedirectURI = defaultOIDCRedirectURI
    }

    /// Adds the routes to `router`.
    public func register(on router: some RouterMethods<Context>) {
        let connections = basePath + "/connections"
        router.post(RouterPath(connections)) { request, context in
            await respond(request, context) { try await createConnection(request) }
        }
        router.get(RouterPath(connections)) { request, context in
            await respond(request, context) { try SsoAdminJSON.ok(try await organization.listConnections()) }
        }
        router.get(RouterPath(connections + "/:id")) { request, context in
            await respond(request, context) {
                try SsoAdminJSON.ok(try await organization.getConnection(Self.id(context)))
            }
        }
        router.patch(RouterPath(connections + "/:id")) { request, context in
            await respond(request, context) {
                let update = try await body(UpdateSsoConnectionParams.self, request, invalid: .connectionInvalidParams)
                return try SsoAdminJSON.ok(try await organization.updateConnection(Self.id(context), update))
            }
        }
        router.delete(RouterPath(connections + "/:id")) { request, context in
            await respond(request, context) {
                try await organization.deleteConnection(Self.id(context))
                return SsoAdminJSON.noContent()
            }
        }
        router.post(RouterPath(connections + "/:id/test")) { request, context in
            await respond(request, context) {
                try SsoAdminJSON.ok(try await organization.testConnection(Self.id(context)))
            }
        }
        registerPolicies(on: router)
    }

    /// `POST {base}/connections`: 201 with the connection and its `Location`.
    private func createConnection(_ request: Request) async throws -> Response {
        var params = try await body(CreateSsoConnectionParams.self, request, invalid: .connectionInvalidParams)
        if params.protocol == .oidc, params.redirectURIs?.isEmpty ?? true, let defaultOIDCRedirectURI {
            params.redirectURIs = [defaultOIDCRedirectURI]
        }
        let connection = try await organization.createConnection(params)
        var response = try SsoAdminJSON.response(connection, status: .created)
        response.headers[.location] = basePath + "/connections/" + connection.id
        return response
    }

    /// The request's JSON body as `type`, read up to ``maxBodyBytes``.
    func body<T: Decodable>(_ type: T.Type, _ request: Request, invalid: SsoError.Code) async throws -> T {
        try await SsoAdminJSON.decode(type, from: request, limit: maxBodyBytes, invalid: invalid)
    }

    static func id(_ context: Context) -> String {
        context.parameters.get("id") ?? ""
    }

    /// Checks the caller, then runs `body`; an error becomes its JSON body and status.
    func respond(_ request: Request, _ context: Context, _ body: () async throws -> Response) async -> Response {
        guard await authorization.isAuthorized(request) else {
            context.logger.notice("sso admin request refused", metadata: ["sso.error_code": "admin.unauthorized"])
            var response = SsoAdminJSON.error(
                SsoError(.adminUnauthorized, "this request needs the admin bearer token"), status: .unauthorized)
            response.headers[.wwwAuthenticate] = "Bearer realm=\"sso-admin\""
            return response
        }
        do {
            return try await body()
        } catch {
            let ssoError = SsoRoutes<Context>.ssoError(error)
            let status = SsoAdminJSON.status(for: ssoError.code)
            context.logger.notice(
                "sso admin request failed",
                metadata: ["sso.error_code": "\(ssoError.code.rawValue)", "http.status": "\(status.code)"])
            return SsoAdminJSON.error(ssoError, status: status)
        }
    }
}
