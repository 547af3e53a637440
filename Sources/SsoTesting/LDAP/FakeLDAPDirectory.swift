import Foundation
import SsoLDAP

/// An in-memory directory that answers like a real server, for tests of code that authenticates
/// against LDAP (the engine's, and users' own). Hand ``connector`` to an `LDAPAuthenticator`.
///
/// ``Flavor/activeDirectory`` reproduces Active Directory's bind failures byte for byte in shape —
/// result 49 with `80090308: LdapErr: DSID-0C09044E, comment: AcceptSecurityContext error,
/// data 52e, v4563` — and its `1.2.840.113556.1.4.1941` in-chain matching rule.
/// ``Flavor/openLDAP`` answers with the password-policy response control. Like real servers, a
/// bind with a DN and an empty password *succeeds* (an unauthenticated bind, RFC 4513 §5.1.2).
public final class FakeLDAPDirectory: Sendable {
    /// Which server the fake imitates.
    public enum Flavor: Sendable {
        /// OpenLDAP with the ppolicy overlay: a wrong password is a bare `invalidCredentials` (49), and
        /// locked, expired or reset passwords come with the password-policy response control.
        case openLDAP
        /// Active Directory: every failed bind is result 49 with AD's diagnostic message, whose `data`
        /// sub-code (`52e`, `775`, `533`…) tells why.
        case activeDirectory
    }

    /// An account's state, as the server would report it at bind time.
    public enum AccountState: Sendable {
        /// `active` binds normally. `locked` is refused whatever the password (AD `775`, ppolicy
        /// `accountLocked`). With the right password: `disabled` and `accountExpired` are refused (AD
        /// `533` and `701`, OpenLDAP `unwillingToPerform`), `passwordExpired` too (AD `532`, ppolicy
        /// `passwordExpired`); `mustChangePassword` is refused by AD (`773`) and bound by OpenLDAP
        /// with ppolicy `changeAfterReset`.
        case active, locked, disabled, accountExpired, passwordExpired, mustChangePassword
        /// Active Directory only: the right password is refused outside the account's logon hours
        /// (`530`) or from a workstation it may not use (`531`). The OpenLDAP flavor binds normally.
        case logonHoursRestricted, workstationRestricted
    }

    /// What the fake saw: for asserting that no traffic happened, or how much.
    public struct Counters: Sendable, Equatable {
        /// Connection attempts, including those an injected failure refused.
        public var connects = 0
        /// Bind requests that reached the directory, successful or not.
        public var binds = 0
        /// Search requests that reached the directory with a well-formed filter, matching or not.
        public var searches = 0
        /// The DNs of binds with the right password, in order (unauthenticated empty-password binds
        /// are not listed).
        public var boundDNs: [String] = []
        /// Connections open now (opened and not yet closed).
        public var openConnections = 0
        /// The most connections ever open at once.
        public var peakOpenConnections = 0
    }

    struct Account: Sendable {
        var entry: LDAPEntry
        var password: String?
        var state: AccountState
    }

    struct State: Sendable {
        var accounts: [String: Account] = [:]
        var order: [String] = []
        var counters = Counters()
        var failure: SsoError?
        var delay: Duration = .zero
    }

    /// The server imitated.
    public let flavor: Flavor
    let state = LockedValue(State())

    /// An empty directory imitating `flavor` (OpenLDAP by default); add entries with
    /// ``add(dn:attributes:password:state:)``.
    public init(flavor: Flavor = .openLDAP) {
        self.flavor = flavor
    }

    /// A connector that opens connections to this directory.
    public var connector: FakeLDAPConnector { FakeLDAPConnector(directory: self) }

    /// Adds (or replaces) an entry; with a `password` it can bind.
    public func add(dn: String, attributes: [String: [String]], password: String? = nil, state: AccountState = .active)
    {
        let key = LDAPDistinguishedName.normalize(dn)
        let account = Account(entry: LDAPEntry(dn: dn, stringAttributes: attributes), password: password, state: state)
        self.state.withLock { value in
            if value.accounts[key] == nil { value.order.append(key) }
            value.accounts[key] = account
        }
    }

    /// Changes an account's state.
    public func setState(_ newState: AccountState, for dn: String) {
        state.withLock { $0.accounts[LDAPDistinguishedName.normalize(dn)]?.state = newState }
    }

    /// Makes every later connect and operation fail with `error` (nil restores service).
    public func fail(with error: SsoError?) {
        state.withLock { $0.failure = error }
    }

    /// Delays every operation (to test timeouts).
    public func delay(_ duration: Duration) {
        state.withLock { $0.delay = duration }
    }

    /// What the fake has seen so far.
    public var counters: Counters { state.withLock { $0.counters } }

    /// Forgets the counters.
    public func resetCounters() {
        state.withLock { $0.counters = Counters() }
    }

    // MARK: - Server behaviour

    func bind(dn: String, password: String) -> LDAPBindResponse {
        state.withLock { value in
            value.counters.binds += 1
            let account = value.accounts[LDAPDistinguishedName.normalize(dn)]
            if password.isEmpty {
                // RFC 4513 §5.1.2: an unauthenticated bind, which servers accept as anonymous.
                return LDAPBindResponse(resultCode: .success)
            }
            let correct = account?.password.map { $0 == password } ?? false
            if correct { value.counters.boundDNs.append(dn) }
            switch flavor {
            case .activeDirectory:
                return activeDirectoryBind(account: account, correct: correct)
            case .openLDAP:
                return openLDAPBind(account: account, correct: correct)
            }
        }
    }

    private func activeDirectoryBind(account: Account?, correct: Bool) -> LDAPBindResponse {
        func failure(_ data: String) -> LDAPBindResponse {
            LDAPBindResponse(
                resultCode: .invalidCredentials,
                diagnosticMessage:
                    "80090308: LdapErr: DSID-0C09044E, comment: AcceptSecurityContext error, data \(data), v4563\u{0}")
        }
        guard let account else { return failure("52e") }
        if account.state == .locked { return failure("775") }
        guard correct else { return failure("52e") }
        switch account.state {
        case .active, .locked: return LDAPBindResponse(resultCode: .success)
        case .disabled: return failure("533")
        case .accountExpired: return failure("701")
        case .passwordExpired: return failure("532")
        case .mustChangePassword: return failure("773")
        case .logonHoursRestricted: return failure("530")
        case .workstationRestricted: return failure("531")
        }
    }

    private func openLDAPBind(account: Account?, correct: Bool) -> LDAPBindResponse {
        let invalid = LDAPBindResponse(resultCode: .invalidCredentials)
        guard let account else { return invalid }
        if account.state == .locked {
            return LDAPBindResponse(resultCode: .invalidCredentials, passwordPolicy: .init(error: .accountLocked))
        }
        guard correct else { return invalid }
        switch account.state {
        case .passwordExpired:
            return LDAPBindResponse(resultCode: .invalidCredentials, passwordPolicy: .init(error: .passwordExpired))
        case .mustChangePassword:
            return LDAPBindResponse(resultCode: .success, passwordPolicy: .init(error: .changeAfterReset))
        case .disabled, .accountExpired:
            return LDAPBindResponse(
                resultCode: .unwillingToPerform, diagnosticMessage: "Account inactivated. Contact system administrator."
            )
        default:
            return LDAPBindResponse(resultCode: .success)
        }
    }
}
