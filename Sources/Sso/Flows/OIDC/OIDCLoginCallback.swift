/// Where every OIDC connection callback enters, whichever public entry point received it: the
/// `state` is taken once and names the started login and its connection; ``OIDCLoginFlow``
/// exchanges the code and validates the ID token; ``LoginCompletion`` finishes the login.
struct OIDCLoginCallback: Sendable {
    let engine: SsoEngine
    /// The organization the route names; `nil` when the state must name it.
    let organization: SsoOrganization?

    /// - Throws: `login.invalid_state`, `login.protocol_mismatch`, `oidc.*`, `http.*`, `user.*`,
    ///   `session.invalid`, `store.*`.
    func handle(code: String, state: String, iss: String?) async throws(SsoError) -> SsoCallbackResponse {
        let key = try SsoEngine.stateKey(state)
        let taken: TakenLogin
        if let organization {
            taken = try await organization.takePendingLogin(key: key)
        } else {
            taken = try await engine.takePendingLogin(key: key)
        }
        let mismatch = SsoError(.loginProtocolMismatch, "the state belongs to a login of another kind")
        guard taken.login.protocol == .oidc, let context = taken.connection,
            case .oidc(let settings) = context.record.settings
        else { throw mismatch }
        let flow = OIDCLoginFlow(
            organization: context.organization,
            registration: OIDCClientRegistration(connection: context.record, settings: settings))
        let login = try await flow.verify(code: code, state: state, iss: iss, pending: taken.login)
        return try await LoginCompletion(context: context).response(for: login)
    }
}

extension SsoEngine {
    /// A callback's `state` if it can be a key the engine issued.
    static func stateKey(_ state: String) throws(SsoError) -> String {
        guard !state.isEmpty, state.utf8.count <= 512 else { throw invalidLoginState() }
        return state
    }
}
