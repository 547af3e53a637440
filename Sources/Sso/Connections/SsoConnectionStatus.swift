/// The state of a connection: `active`, `inactive` (set by an administrator) or `error` (set by
/// a failed connection test, with a reason). An `inactive` connection refuses every login,
/// pending login and session; `error` is a diagnosis and refuses nothing by itself.
public enum SsoConnectionStatus: String, Sendable, Hashable, Codable, CustomStringConvertible {
    /// Usable: logins run normally.
    case active
    /// Turned off by an administrator: every login, pending login and session of the connection is refused.
    case inactive
    /// The last connection test failed (the reason is in `status_reason`); logins still run, and a
    /// passing test sets the status back to `active`.
    case error

    public var description: String { rawValue }
}
