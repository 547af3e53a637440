import Hummingbird
import Sso
import SsoCore

extension SsoAdminRoutes {
    /// Enforcement, sessions and the legacy config.
    func registerPolicies(on router: some RouterMethods<Context>) {
        let enforcement = RouterPath(basePath + "/enforcement")
        router.get(enforcement) { request, context in
            await respond(request, context) { try SsoAdminJSON.ok(try await organization.getEnforcement()) }
        }
        router.put(enforcement) { request, context in
            await respond(request, context) {
                let params = try await body(SsoEnforcementParams.self, request, invalid: .enforcementInvalidParams)
                return try SsoAdminJSON.ok(try await organization.setEnforcement(params))
            }
        }
        router.get(RouterPath(basePath + "/sessions")) { request, context in
            await respond(request, context) { try SsoAdminJSON.ok(try await organization.listSessions()) }
        }
        router.delete(RouterPath(basePath + "/sessions/:id")) { request, context in
            await respond(request, context) {
                try await organization.revokeSession(Self.id(context))
                return SsoAdminJSON.noContent()
            }
        }
        let config = RouterPath(basePath + "/config")
        router.get(config) { request, context in
            await respond(request, context) { try SsoAdminJSON.ok(try await organization.getConfig()) }
        }
        router.put(config) { request, context in
            await respond(request, context) {
                let params = try await body(CreateSsoConfigParams.self, request, invalid: .configInvalidParams)
                return try SsoAdminJSON.ok(try await organization.createConfig(params))
            }
        }
        router.delete(config) { request, context in
            await respond(request, context) {
                try await organization.deleteConfig()
                return SsoAdminJSON.noContent()
            }
        }
    }
}
