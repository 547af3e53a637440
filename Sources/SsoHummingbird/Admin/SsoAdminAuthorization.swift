import Hummingbird

/// Decides whether a request may use ``SsoAdminRoutes``. A host plugs in its own check (its
/// staff session, a gateway's verified header, a client certificate) with
/// ``ClosureAdminAuthorization``, or uses ``SsoAdminBearerToken``.
public protocol SsoAdminAuthorization: Sendable {
    /// Whether `request` may read and change the organization's SSO settings.
    func isAuthorized(_ request: Request) async -> Bool
}

/// An ``SsoAdminAuthorization`` from a closure.
public struct ClosureAdminAuthorization: SsoAdminAuthorization {
    private let check: @Sendable (Request) async -> Bool

    /// Authorizes a request when `check` returns `true`.
    public init(_ check: @escaping @Sendable (Request) async -> Bool) {
        self.check = check
    }

    public func isAuthorized(_ request: Request) async -> Bool {
        await check(request)
    }
}
