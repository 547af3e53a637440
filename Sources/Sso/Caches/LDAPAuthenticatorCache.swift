import Foundation
import SsoLDAP

/// One ``LDAPAuthenticator`` (and so one pool of service-account connections) per LDAP
/// connection, reused across logins while the connection's settings stay the same. Changed
/// settings replace the old authenticator; the replaced one is handed back to be shut down.
actor LDAPAuthenticatorCache {
    private var entries: [ExactString: (settings: LDAPConnectionSettings, authenticator: LDAPAuthenticator)] = [:]
    private static let maxEntries = 1_000

    /// The authenticator of `connectionID` with exactly `settings`, if one is cached.
    func authenticator(connectionID: String, settings: LDAPConnectionSettings) -> LDAPAuthenticator? {
        guard let entry = entries[ExactString(connectionID)], entry.settings == settings else { return nil }
        return entry.authenticator
    }

    /// Caches `candidate` unless an authenticator with the same settings won a race; returns the
    /// one to use and those to shut down.
    func install(_ candidate: LDAPAuthenticator, connectionID: String, settings: LDAPConnectionSettings)
        -> (use: LDAPAuthenticator, retired: [LDAPAuthenticator])
    {
        if let entry = entries[ExactString(connectionID)], entry.settings == settings {
            return (entry.authenticator, [candidate])
        }
        var retired: [LDAPAuthenticator] = []
        if let old = entries.updateValue((settings, candidate), forKey: ExactString(connectionID)) {
            retired.append(old.authenticator)
        }
        if entries.count > Self.maxEntries,
            let evicted = entries.first(where: { !$0.key.value.bytesEqual(connectionID) })
        {
            entries[evicted.key] = nil
            retired.append(evicted.value.authenticator)
        }
        return (candidate, retired)
    }

    /// Removes the authenticator of `connectionID` (deleted or deactivated); returns it to shut down.
    func remove(connectionID: String) -> LDAPAuthenticator? {
        entries.removeValue(forKey: ExactString(connectionID))?.authenticator
    }
}
