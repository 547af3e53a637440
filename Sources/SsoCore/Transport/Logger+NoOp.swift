import Logging

extension Logger {
    /// A logger that drops everything: the default of every swift-sso API that accepts a logger.
    /// The library never bootstraps logging itself.
    public static var ssoDisabled: Logger {
        Logger(label: "swift-sso", factory: { _ in SwiftLogNoOpLogHandler() })
    }
}
