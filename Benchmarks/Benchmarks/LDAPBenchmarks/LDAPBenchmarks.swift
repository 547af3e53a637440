import Benchmark
import CLDAP
import Foundation
import SsoLDAP

// A full LDAP authentication (pooled service search + fresh user bind + groups) next to the bare
// libldap round trips it needs, against a throwaway local slapd (scripts/ldap-fixture), in the
// same run. Plain LDAP on loopback isolates our overhead; the StartTLS pair shows the real cost.

let benchmarks: @Sendable () -> Void = {
    let configuration = Benchmark.Configuration(
        metrics: [.wallClock, .throughput], maxDuration: .seconds(4), maxIterations: 5000)

    Benchmark.startupHook = { try await BenchServer.shared.start() }
    Benchmark.shutdownHook = { BenchServer.shared.stop() }

    for tls in [false, true] {
        let suffix = tls ? "StartTLS" : "plain"
        Benchmark("Bare libldap search + user bind (\(suffix))", configuration: configuration) { benchmark in
            let bare = try BareLDAP(server: BenchServer.shared.info(), tls: tls)
            benchmark.startMeasurement()
            for _ in benchmark.scaledIterations {
                blackHole(try bare.login(uid: "alice", password: "alice-pw"))
            }
        }

        Benchmark("LDAPAuthenticator full authentication (\(suffix))", configuration: configuration) { benchmark in
            let authenticator = try BenchServer.shared.authenticator(poolSize: 1, tls: tls)
            _ = try await authenticator.authenticate(username: "alice", password: Secret("alice-pw"))
            benchmark.startMeasurement()
            for _ in benchmark.scaledIterations {
                blackHole(try await authenticator.authenticate(username: "alice", password: Secret("alice-pw")))
            }
            benchmark.stopMeasurement()
            await authenticator.shutdown()
        }
    }

    for poolSize in [1, 2, 4, 8] {
        Benchmark(
            "Concurrent 32 logins, pool \(poolSize) (plain)",
            configuration: .init(metrics: [.wallClock, .throughput], maxDuration: .seconds(4), maxIterations: 500)
        ) { benchmark in
            let authenticator = try BenchServer.shared.authenticator(poolSize: poolSize, tls: false)
            benchmark.startMeasurement()
            for _ in benchmark.scaledIterations {
                try await withThrowingTaskGroup(of: Void.self) { group in
                    for index in 0..<32 {
                        let name = String(format: "user%02d", index % 24 + 1)
                        group.addTask {
                            blackHole(
                                try await authenticator.authenticate(username: name, password: Secret("pw-\(name)")))
                        }
                    }
                    try await group.waitForAll()
                }
            }
            benchmark.stopMeasurement()
            await authenticator.shutdown()
        }
    }
}

/// The fixture server shared by all benchmarks.
final class BenchServer: @unchecked Sendable {
    static let shared = BenchServer()
    struct Info { let directory: String; let port: Int; let caPEM: String }
    private let lock = NSLock()
    private var current: Info?

    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    func info() throws -> Info {
        guard let info = lock.withLock({ current }) else {
            throw SsoError("bench.no_server", "the fixture server is not running")
        }
        return info
    }

    func start() async throws {
        let directory = Self.root.appending(path: ".build/ldap-fixture-bench-\(getpid())").path
        let script = Self.root.appending(path: "scripts/ldap-fixture/start.sh").path
        let output = try shell("FIXTURE_OWNER_PID=\(getpid()) /bin/sh '\(script)' '\(directory)'")
        let fields = output.split(whereSeparator: \.isWhitespace).compactMap { Int($0) }
        guard fields.count == 3 else { throw SsoError("bench.no_server", "slapd did not start: \(output)") }
        let caPEM = try String(contentsOfFile: directory + "/certs/ca.crt", encoding: .utf8)
        lock.withLock { current = Info(directory: directory, port: fields[1], caPEM: caPEM) }
    }

    func stop() {
        guard let info = lock.withLock({ current }) else { return }
        _ = try? shell(
            "/bin/sh '\(Self.root.appending(path: "scripts/ldap-fixture/stop.sh").path)' '\(info.directory)'")
    }

    func authenticator(poolSize: Int, tls: Bool) throws -> LDAPAuthenticator {
        let info = try info()
        let configuration = LDAPConfiguration(
            endpoint: try LDAPEndpoint(
                url: "ldap://127.0.0.1:\(info.port)", security: tls ? .startTLS : .unsafePlaintext,
                tls: LDAPTLSConfiguration(trustRoots: .pem(info.caPEM))),
            serviceAccount: .bind(dn: "cn=svc,ou=services,dc=example,dc=org", password: Secret("svc-pw")),
            userLookup: .search(base: "dc=example,dc=org", attribute: "uid", filter: "(objectClass=inetOrgPerson)"),
            groups: LDAPGroupConfiguration(mode: .memberOf, nested: .none),
            groupMapping: ["cn=engineers,ou=groups,dc=example,dc=org": ["repo:write"]],
            poolSize: poolSize)
        return try LDAPAuthenticator(configuration: configuration)
    }

    private func shell(_ command: String) throws -> String {
        let out = FileManager.default.temporaryDirectory.appending(path: "bench-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: out) }
        let status = system("\(command) >'\(out)' </dev/null")
        let text = (try? String(contentsOfFile: out, encoding: .utf8)) ?? ""
        guard status == 0 else { throw SsoError("bench.shell", "\(command) failed: \(text)") }
        return text
    }
}

/// The same round trips done directly with libldap on the calling thread: a search on a bound
/// service handle (reading the same attributes), then a new handle, an optional StartTLS, a simple
/// bind as the found DN, an unbind.
final class BareLDAP {
    private let service: OpaquePointer
    private let url: String
    private let tls: Bool
    private let caDER: [UInt8]

    init(server: BenchServer.Info, tls: Bool) throws {
        url = "ldap://127.0.0.1:\(server.port)"
        self.tls = tls
        let body = server.caPEM.split(separator: "\n").filter { !$0.hasPrefix("-----") }.joined()
        caDER = Array(Data(base64Encoded: body) ?? Data())
        service = try Self.open(url, tls: tls, caDER: caDER)
        try Self.bind(service, dn: "cn=svc,ou=services,dc=example,dc=org", password: "svc-pw")
    }

    deinit { ldap_unbind_ext_s(service, nil, nil) }

    static func open(_ url: String, tls: Bool, caDER: [UInt8]) throws -> OpaquePointer {
        var handle: OpaquePointer?
        guard ldap_initialize(&handle, url) == LDAP_SUCCESS, let handle else {
            throw SsoError("bench.init", "ldap_initialize")
        }
        var version = LDAP_VERSION3
        ldap_set_option(handle, LDAP_OPT_PROTOCOL_VERSION, &version)
        ldap_set_option(handle, LDAP_OPT_REFERRALS, nil)
        if tls {
            var demand = LDAP_OPT_X_TLS_DEMAND
            ldap_set_option(handle, LDAP_OPT_X_TLS_REQUIRE_CERT, &demand)
            var der = caDER
            der.withUnsafeMutableBytes { bytes in
                var value = berval(
                    bv_len: ber_len_t(bytes.count), bv_val: bytes.baseAddress?.assumingMemoryBound(to: CChar.self))
                _ = ldap_set_option(handle, LDAP_OPT_X_TLS_CACERT, &value)
            }
            var zero: Int32 = 0
            ldap_set_option(handle, LDAP_OPT_X_TLS_NEWCTX, &zero)
            guard ldap_start_tls_s(handle, nil, nil) == LDAP_SUCCESS else { throw SsoError("bench.tls", "StartTLS") }
        }
        return handle
    }

    static func bind(_ handle: OpaquePointer, dn: String, password: String) throws {
        var bytes = Array(password.utf8)
        let code = bytes.withUnsafeMutableBytes { buffer in
            var credential = berval(
                bv_len: ber_len_t(buffer.count), bv_val: buffer.baseAddress?.assumingMemoryBound(to: CChar.self))
            return ldap_sasl_bind_s(handle, dn, nil, &credential, nil, nil, nil)
        }
        guard code == LDAP_SUCCESS else { throw SsoError("bench.bind", "bind failed: \(code)") }
    }

    func login(uid: String, password: String) throws -> Int {
        let names = [
            "mail", "displayName", "cn", "objectGUID", "ipaUniqueID", "entryUUID", "nsUniqueId", "uid", "memberOf",
        ]
        var attributes: [UnsafeMutablePointer<CChar>?] = names.map { strdup($0) } + [nil]
        defer { attributes.forEach { free($0) } }
        var message: OpaquePointer?
        let code = ldap_search_ext_s(
            service, "dc=example,dc=org", LDAP_SCOPE_SUBTREE, "(&(uid=\(uid))(objectClass=inetOrgPerson))",
            &attributes, 0, nil, nil, nil, 2, &message)
        defer { ldap_msgfree(message) }
        guard code == LDAP_SUCCESS, let entry = ldap_first_entry(service, message),
            let dnPointer = ldap_get_dn(service, entry)
        else {
            throw SsoError("bench.search", "search failed: \(code)")
        }
        let dn = String(cString: dnPointer)
        ldap_memfree(dnPointer)
        var count = 0
        for name in ["mail", "displayName", "entryUUID", "memberOf"] {
            if let values = ldap_get_values_len(service, entry, name) {
                count += Int(ldap_count_values_len(values))
                ldap_value_free_len(values)
            }
        }
        let user = try Self.open(url, tls: tls, caDER: caDER)
        defer { ldap_unbind_ext_s(user, nil, nil) }
        try Self.bind(user, dn: dn, password: password)
        return count
    }
}
