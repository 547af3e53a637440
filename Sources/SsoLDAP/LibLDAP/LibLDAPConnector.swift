import Dispatch

/// The shipped ``LDAPConnector``, over OpenLDAP's libldap.
///
/// Every blocking libldap call runs on a serial dispatch queue owned by its connection — never on
/// Swift's cooperative thread pool — and the caller awaits it through a continuation that also
/// resumes at the deadline, whatever libldap does. TLS options are set on each handle with its
/// own TLS context; referrals are off unless the endpoint enables them; SIGPIPE is ignored.
public struct LibLDAPConnector: LDAPConnector {
    /// The libldap connector.
    public init() {}

    public func connect(to endpoint: LDAPEndpoint, deadline: ContinuousClock.Instant) async throws -> any LDAPConnection
    {
        let queue = DispatchQueue(label: "swift-sso.ldap.connection")
        let handle = try await LDAPBlockingCall.run(on: queue, deadline: deadline, onTimeout: {}) {
            () throws(SsoError) in
            try LibLDAPHandle.open(endpoint, deadline: deadline)
        }
        return LibLDAPConnection(handle: handle, queue: queue)
    }
}
