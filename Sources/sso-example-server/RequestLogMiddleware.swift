import Hummingbird
import Logging

/// One log line per request with the method, the path without its query (an OIDC callback's
/// query carries the authorization code) and the status.
struct RequestLogMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
        async throws -> Response
    {
        let response: Response
        do {
            response = try await next(request, context)
        } catch {
            log(request, context, status: (error as? any HTTPResponseError)?.status.code ?? 500)
            throw error
        }
        log(request, context, status: response.status.code)
        return response
    }

    private func log(_ request: Request, _ context: Context, status: Int) {
        context.logger.info(
            "request",
            metadata: [
                "http.method": "\(request.method.rawValue)", "http.path": "\(request.uri.path)",
                "http.status": "\(status)",
            ])
    }
}
