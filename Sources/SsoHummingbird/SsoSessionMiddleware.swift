import Foundation
import Hummingbird
import Sso
import SsoCore

/// Gives handlers the signed-in session: a request whose session cookie is validly signed and
/// names a session the engine still holds active (not revoked, not expired, its connection
/// active) gets ``SsoRequestContext/ssoSession``. A cookie that no longer names one is deleted
/// on the response, so revocation in the admin API ends the browser's session on its next request.
public struct SsoSessionMiddleware<Context: SsoRequestContext>: RouterMiddleware {
    let engine: SsoEngine
    let cookies: SsoCookies

    /// Sessions of `engine`, read from cookies signed as `configuration` says.
    public init(engine: SsoEngine, configuration: SsoRouteConfiguration) {
        self.engine = engine
        self.cookies = SsoCookies(configuration: configuration)
    }

    public func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        guard let reference = cookies.sessionReference(request) else {
            if request.cookies[SsoCookies.sessionName] != nil {
                return try await withoutSession(request, context, next)
            }
            return try await next(request, context)
        }
        var context = context
        do {
            context.ssoSession = try await engine.organization(reference.organizationID).validateSession(
                reference.sessionID)
            context.ssoOrganizationID = reference.organizationID
        } catch  where error.code == .sessionNotFound || error.code == .organizationInvalidID {
            return try await withoutSession(request, context, next)
        } catch {
            // The store is down: say so rather than sign the user out.
            return SsoErrorResponse.response(for: error, request: request)
        }
        return try await next(request, context)
    }

    private func withoutSession(
        _ request: Request, _ context: Context, _ next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        var response = try await next(request, context)
        response.setCookie(cookies.clearSession())
        return response
    }
}
