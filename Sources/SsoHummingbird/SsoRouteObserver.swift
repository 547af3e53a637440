import Foundation
import Hummingbird
import Logging
import Metrics
import Sso
import Tracing

/// What every SSO route reports: a span per step (`sso.login`, `sso.saml_callback`, …), a log
/// line with the step, outcome and error code (never a token, assertion or password), and
/// counters: `sso_requests_total{step,outcome}` and `sso_failures_total{step,code}`.
struct SsoRouteObserver: Sendable {
    func observe(
        step: String, logger: Logger, _ body: () async -> (Response, SsoError?)
    ) async -> Response {
        await withSpan("sso.\(step)", ofKind: .server) { span in
            let (response, error) = await body()
            let outcome = error == nil ? "success" : "failure"
            span.attributes["sso.step"] = step
            span.attributes["sso.outcome"] = outcome
            Counter(label: "sso_requests_total", dimensions: [("step", step), ("outcome", outcome)]).increment()
            if let error {
                span.attributes["sso.error_code"] = error.code.rawValue
                span.setStatus(SpanStatus(code: .error))
                Counter(label: "sso_failures_total", dimensions: [("step", step), ("code", error.code.rawValue)])
                    .increment()
                logger.notice(
                    "sso step failed",
                    metadata: ["sso.step": "\(step)", "sso.error_code": "\(error.code.rawValue)"])
            } else {
                logger.info("sso step succeeded", metadata: ["sso.step": "\(step)"])
            }
            return response
        }
    }
}
