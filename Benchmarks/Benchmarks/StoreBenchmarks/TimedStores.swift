import Foundation
import Sso

/// The engine's stores with every call timed by a ``StoreTimer``; the calls themselves go to
/// the wrapped stores unchanged.
enum TimedStores {
    static func wrap(_ stores: SsoStores, _ timer: StoreTimer) -> SsoStores {
        SsoStores(
            connections: TimedConnectionStore(inner: stores.connections, timer: timer),
            sessions: TimedSessionStore(inner: stores.sessions, timer: timer),
            organizations: TimedOrganizationStore(inner: stores.organizations, timer: timer),
            users: TimedUserDirectory(inner: stores.users, timer: timer),
            loginStates: TimedLoginStates(inner: stores.loginStates, timer: timer),
            replayCache: TimedReplayCache(inner: stores.replayCache, timer: timer))
    }
}

struct TimedConnectionStore: SsoConnectionStore {
    let inner: any SsoConnectionStore
    let timer: StoreTimer

    func insert(_ record: SsoConnectionRecord, limitPerOrganization limit: Int?) async throws {
        try await timer.measure("connections.insert") { try await inner.insert(record, limitPerOrganization: limit) }
    }
    func replace(_ record: SsoConnectionRecord) async throws -> Bool {
        try await timer.measure("connections.replace") { try await inner.replace(record) }
    }
    func connection(id: String) async throws -> SsoConnectionRecord? {
        try await timer.measure("connections.connection") { try await inner.connection(id: id) }
    }
    func connections(organizationID: String) async throws -> [SsoConnectionRecord] {
        try await timer.measure("connections.connections") {
            try await inner.connections(organizationID: organizationID)
        }
    }
    func remove(id: String, organizationID: String) async throws -> SsoConnectionRecord? {
        try await timer.measure("connections.remove") { try await inner.remove(id: id, organizationID: organizationID) }
    }
    func route(_ domain: DomainName) async throws -> SsoConnectionRecord? {
        try await timer.measure("connections.route") { try await inner.route(domain) }
    }
}

struct TimedSessionStore: SsoSessionStore {
    let inner: any SsoSessionStore
    let timer: StoreTimer

    func insert(_ session: SsoSessionRecord) async throws {
        try await timer.measure("sessions.insert") { try await inner.insert(session) }
    }
    func session(id: String, organizationID: String) async throws -> SsoSessionRecord? {
        try await timer.measure("sessions.session") { try await inner.session(id: id, organizationID: organizationID) }
    }
    func sessions(organizationID: String, activeAt now: Date) async throws -> [SsoSessionRecord] {
        try await timer.measure("sessions.sessions") {
            try await inner.sessions(organizationID: organizationID, activeAt: now)
        }
    }
    func revoke(id: String, organizationID: String, at now: Date) async throws -> Bool {
        try await timer.measure("sessions.revoke") {
            try await inner.revoke(id: id, organizationID: organizationID, at: now)
        }
    }
    func revokeAll(connectionID: String, at now: Date) async throws -> Int {
        try await timer.measure("sessions.revokeAll") { try await inner.revokeAll(connectionID: connectionID, at: now) }
    }
    func purgeInactive(before cutoff: Date, limit: Int) async throws -> Int {
        try await timer.measure("sessions.purgeInactive") {
            try await inner.purgeInactive(before: cutoff, limit: limit)
        }
    }
}

struct TimedOrganizationStore: SsoOrganizationStore {
    let inner: any SsoOrganizationStore
    let timer: StoreTimer

    func enforcement(organizationID: String) async throws -> SsoEnforcement? {
        try await timer.measure("organizations.enforcement") {
            try await inner.enforcement(organizationID: organizationID)
        }
    }
    func setEnforcement(_ enforcement: SsoEnforcement, organizationID: String) async throws {
        try await timer.measure("organizations.setEnforcement") {
            try await inner.setEnforcement(enforcement, organizationID: organizationID)
        }
    }
    func config(organizationID: String) async throws -> SsoConfigRecord? {
        try await timer.measure("organizations.config") { try await inner.config(organizationID: organizationID) }
    }
    func replaceConfig(_ config: SsoConfigRecord?, organizationID: String) async throws -> SsoConfigRecord? {
        try await timer.measure("organizations.replaceConfig") {
            try await inner.replaceConfig(config, organizationID: organizationID)
        }
    }
}

struct TimedUserDirectory: SsoUserDirectory {
    let inner: any SsoUserDirectory
    let timer: StoreTimer

    func user(connectionID: String, subject: String) async throws -> SsoUser? {
        try await timer.measure("users.user") { try await inner.user(connectionID: connectionID, subject: subject) }
    }
    func user(connectionID: String, issuer: String, subject: String) async throws -> SsoUser? {
        try await timer.measure("users.user(issuer)") {
            try await inner.user(connectionID: connectionID, issuer: issuer, subject: subject)
        }
    }
    func insertIfAbsent(_ user: SsoUser) async throws -> (user: SsoUser, inserted: Bool) {
        try await timer.measure("users.insertIfAbsent") { try await inner.insertIfAbsent(user) }
    }
    func remove(id: String) async throws {
        try await timer.measure("users.remove") { try await inner.remove(id: id) }
    }
    func users(organizationID: String) async throws -> [SsoUser] {
        try await timer.measure("users.users") { try await inner.users(organizationID: organizationID) }
    }
}

struct TimedLoginStates: SingleUseStore {
    let inner: any SingleUseStore<SsoPendingLogin>
    let timer: StoreTimer

    func insert(_ value: SsoPendingLogin, forKey key: String, group: String, expiresAt: Date, now: Date) async throws {
        try await timer.measure("loginStates.insert") {
            try await inner.insert(value, forKey: key, group: group, expiresAt: expiresAt, now: now)
        }
    }
    func take(_ key: String, now: Date) async throws -> SsoPendingLogin? {
        try await timer.measure("loginStates.take") { try await inner.take(key, now: now) }
    }
    func removeAll(group: String) async throws -> Int {
        try await timer.measure("loginStates.removeAll") { try await inner.removeAll(group: group) }
    }
    func purgeExpired(now: Date, limit: Int) async throws -> Int {
        try await timer.measure("loginStates.purgeExpired") { try await inner.purgeExpired(now: now, limit: limit) }
    }
}

struct TimedReplayCache: ReplayCache {
    let inner: any ReplayCache
    let timer: StoreTimer

    func insertIfAbsent(_ id: String, expiresAt: Date, now: Date) async throws -> Bool {
        try await timer.measure("replayCache.insertIfAbsent") {
            try await inner.insertIfAbsent(id, expiresAt: expiresAt, now: now)
        }
    }
    func purgeExpired(now: Date, limit: Int) async throws -> Int {
        try await timer.measure("replayCache.purgeExpired") { try await inner.purgeExpired(now: now, limit: limit) }
    }
}
