/// The checks made before any network traffic.
enum LDAPCredentialCheck {
    static func validate(username: String, password: Secret, configuration: LDAPConfiguration) throws(SsoError) {
        let bytes = username.utf8.count
        guard bytes > 0, !username.allSatisfy(\.isWhitespace) else {
            throw SsoError(.ldapInvalidUsername, "the username is empty")
        }
        guard bytes <= configuration.maximumUsernameLength else {
            throw SsoError(
                .ldapInvalidUsername, "the username is longer than \(configuration.maximumUsernameLength) bytes")
        }
        guard !username.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
            throw SsoError(.ldapInvalidUsername, "the username contains control characters")
        }
        // RFC 4513 §5.1.2: a simple bind with a DN and an empty password is an unauthenticated
        // bind, which many servers answer with success.
        guard !password.isEmpty else {
            throw SsoError(.ldapEmptyPassword, "an empty password is not accepted")
        }
        guard password.withUnsafeValue({ $0.utf8.count }) <= configuration.maximumPasswordLength else {
            throw SsoError(.inputTooLarge, "the password is longer than \(configuration.maximumPasswordLength) bytes")
        }
    }
}
