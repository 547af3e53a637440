import ArgumentParser
import Foundation
import SsoLDAP

/// `ssoctl ldap authenticate`: one search-then-bind login, printed as one JSON object.
///
/// Exit 0 with `{"ok":true,"dn","email","name","id","groups","scopes"}`; exit 1 with
/// `{"ok":false,"error":{"code","message"}}`; exit 2 for a usage error (missing or conflicting
/// options, an unset password variable). Passwords are read only from environment variables.
struct LDAPAuthenticateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "authenticate",
        abstract: "Authenticate a user by search-then-bind and print the identity, groups and scopes as JSON.",
        discussion: """
            Transport security: without --starttls, --ldaps or --plain it follows the URL scheme — \
            ldaps:// uses LDAPS, ldap:// uses StartTLS. Plaintext happens only with --plain. \
            Certificates are verified (host name included) against --ca when given, else the system store.
            """
    )

    enum Security: String, EnumerableFlag {
        case starttls, ldaps, plain
    }

    enum GroupMode: String, ExpressibleByArgument, CaseIterable {
        case memberOf, member, memberUid
    }

    @Option(help: "The server URL, ldap://host[:port] or ldaps://host[:port].") var url: String
    @Option(name: .customLong("bind-dn"), help: "The service account's DN.") var bindDN: String
    @Option(name: .customLong("bind-password-env"), help: "The environment variable holding the service password.")
    var bindPasswordEnv: String
    @Option(name: .customLong("user-base"), help: "Where users are searched.") var userBase: String
    @Option(name: .customLong("user-attribute"), help: "uid, sAMAccountName, userPrincipalName, mail, …")
    var userAttribute: String
    @Option(
        name: .customLong("user-filter"), help: "An extra filter AND-ed to the user search, e.g. (objectClass=person).")
    var userFilter: String?
    @Option(name: .customLong("group-base"), help: "Where groups are searched (member/memberUid modes).") var groupBase:
        String?
    @Option(name: .customLong("group-mode"), help: "memberOf (default), member or memberUid.") var groupMode: GroupMode?
    @Option(name: .customLong("group-map"), help: "A JSON file: {\"group DN or CN\": [\"scope\", …]}.") var groupMap:
        String?
    @Flag(help: "Transport security (default: from the URL scheme).") var security: Security?
    @Option(help: "A PEM file of the CA(s) to trust.") var ca: String?
    @Option(help: "The username to authenticate.") var username: String
    @Option(name: .customLong("password-env"), help: "The environment variable holding the user's password.")
    var passwordEnv: String
    @Option(
        name: .customLong("id-attribute"),
        help: "Stable-id attribute (default: objectGUID, ipaUniqueID, entryUUID, nsUniqueId).")
    var idAttribute: String?
    @Option(name: .customLong("email-attribute"), help: "Email attribute (default: mail).") var emailAttribute: String?
    @Option(name: .customLong("name-attribute"), help: "Display-name attribute (default: displayName, then cn).")
    var nameAttribute: String?
    @Option(name: .customLong("default-role"), help: "The scope of a user in no mapped group.") var defaultRole: String?
    @Flag(name: .customLong("require-group"), help: "Refuse a user in no mapped group.") var requireGroup = false
    @Option(help: "The overall deadline in seconds (default 10).") var timeout: Double = 10

    func validate() throws {
        let environment = ProcessInfo.processInfo.environment
        guard environment[bindPasswordEnv] != nil else {
            throw ValidationError("the environment variable \(bindPasswordEnv) (--bind-password-env) is not set")
        }
        guard environment[passwordEnv] != nil else {
            throw ValidationError("the environment variable \(passwordEnv) (--password-env) is not set")
        }
        if groupMode == .member || groupMode == .memberUid, groupBase == nil {
            throw ValidationError("--group-mode \(groupMode?.rawValue ?? "") needs --group-base")
        }
        guard timeout > 0, timeout <= 300 else { throw ValidationError("--timeout must be between 0 and 300 seconds") }
    }

    func run() async throws {
        let result: LDAPAuthenticationResult
        do {
            result = try await authenticate()
        } catch {
            throw CommandOutput.reject(
                error as? SsoError ?? SsoError(.ldapServerDown, "the LDAP authentication failed"))
        }
        CommandOutput.succeed([
            "dn": result.dn, "id": result.id,
            "email": result.email ?? NSNull(), "name": result.name ?? NSNull(),
            "groups": result.groups, "scopes": result.scopes,
        ])
    }

    private func authenticate() async throws -> LDAPAuthenticationResult {
        let environment = ProcessInfo.processInfo.environment
        let configuration = try LDAPConfiguration(
            endpoint: LDAPEndpoint(
                url: url, security: transportSecurity, tls: LDAPTLSConfiguration(trustRoots: trustRoots()),
                connectTimeout: .seconds(min(5, timeout)), operationTimeout: .seconds(min(5, timeout))),
            serviceAccount: .bind(dn: bindDN, password: Secret(environment[bindPasswordEnv] ?? "")),
            userLookup: .search(base: userBase, attribute: userAttribute, filter: userFilter),
            attributes: attributeMapping,
            groups: groupConfiguration,
            groupMapping: try readGroupMap(),
            defaultRole: defaultRole,
            requireGroup: requireGroup,
            authenticationTimeout: .milliseconds(Int(timeout * 1000)),
            poolSize: 1)
        let authenticator = try LDAPAuthenticator(configuration: configuration)
        defer { Task { await authenticator.shutdown() } }
        return try await authenticator.authenticate(
            username: username, password: Secret(environment[passwordEnv] ?? ""))
    }

    private var transportSecurity: LDAPTransportSecurity? {
        switch security {
        case .starttls: .startTLS
        case .ldaps: .ldaps
        case .plain: .unsafePlaintext
        case nil: nil
        }
    }

    private var attributeMapping: LDAPAttributeMapping {
        var mapping = LDAPAttributeMapping()
        if let idAttribute { mapping.id = [idAttribute] }
        if let emailAttribute { mapping.email = emailAttribute }
        if let nameAttribute { mapping.name = [nameAttribute] }
        return mapping
    }

    private var groupConfiguration: LDAPGroupConfiguration {
        switch groupMode ?? .memberOf {
        case .memberOf: LDAPGroupConfiguration(mode: .memberOf, base: groupBase, nested: .walk(maximumDepth: 8))
        case .member: LDAPGroupConfiguration(mode: .member(), base: groupBase, nested: .walk(maximumDepth: 8))
        case .memberUid: LDAPGroupConfiguration(mode: .memberUid(), base: groupBase, nested: .none)
        }
    }

    private func trustRoots() throws(SsoError) -> LDAPTrustRoots {
        guard let ca else { return .systemDefault }
        let bytes = try CommandOutput.readInput(ca, limit: 1 << 20)
        let pem = String(decoding: bytes, as: UTF8.self)
        guard pem.contains("-----BEGIN CERTIFICATE-----") else {
            throw SsoError(.cliInputUnreadable, "\(ca) holds no PEM certificate")
        }
        return pem.components(separatedBy: "-----BEGIN CERTIFICATE-----").count == 2 ? .pem(pem) : .file(ca)
    }

    private func readGroupMap() throws(SsoError) -> [String: [String]] {
        guard let groupMap else { return [:] }
        let bytes = try CommandOutput.readInput(groupMap, limit: 1 << 20)
        guard let object = try? JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any] else {
            throw SsoError(.cliInvalidGroupMap, "the group map must be a JSON object of group DN → list of scopes")
        }
        var mapping: [String: [String]] = [:]
        for (group, value) in object {
            guard let scopes = value as? [String] else {
                throw SsoError(.cliInvalidGroupMap, "the group map entry for \(group) must be a list of strings")
            }
            mapping[group] = scopes
        }
        return mapping
    }
}

extension SsoError.Code {
    /// `ssoctl ldap authenticate --group-map` is not a JSON object of string lists.
    static let cliInvalidGroupMap: Self = "cli.invalid_group_map"
}
