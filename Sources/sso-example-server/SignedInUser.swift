import Sso
import SsoCore

/// The developer record behind a session: the session cookie names only the session, and the
/// session's stored record names its user (connection and subject), so the dashboard needs no
/// second cookie and shows what the directory holds now.
enum SignedInUser {
    /// The user of `session`, or `nil` when the store cannot say (the page then shows less).
    static func lookup(_ session: SsoSession, organizationID: String, stores: SsoStores) async -> SsoUser? {
        guard let record = try? await stores.sessions.session(id: session.id, organizationID: organizationID),
            let user = try? await stores.users.user(connectionID: record.connectionID, subject: record.subject),
            user.id.bytesEqual(record.userID), user.organizationID.bytesEqual(organizationID)
        else { return nil }
        return user
    }
}
