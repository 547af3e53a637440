/// The state of a connection: `active`, `inactive` (set by an administrator) or `error` (set by
/// a failed connection test, with a reason). An `inactive` connection refuses every login,
/// pending login and session; `error` is a diagnosis and refuses nothing by itself.
public enum SsoConnectionStatus: String, Sendable, Hashable, Codable, CustomStringConvertible {
    case active
    case inactive
    case error

    public var description: String { rawValue }
}
