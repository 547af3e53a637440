import Foundation
import SsoTestSupport
import Testing
@testable import SsoLDAP

extension LiveLDAPTests {
    @Suite struct Transport {
        @Test func startTLSAgainstAServerOfferingNoneFails() async throws {
            let plain = try await LDAPTestServer.start(tls: false)
            defer { Task { await plain.stop() } }
            let server = try LDAPTestServer.shared
            var configuration = try Fixture.openLDAP(server)
            configuration.endpoint = try LDAPEndpoint(
                url: plain.ldapURL, tls: LDAPTLSConfiguration(trustRoots: .pem(server.caPEM)))
            let error = await ssoError {
                _ = try await Fixture.authenticator(configuration).authenticate(
                    username: "alice", password: Secret("alice-pw"))
            }
            await plain.stop()
            #expect(error?.code == .ldapTLSFailed)
        }

        @Test(arguments: [LDAPTransportSecurity.startTLS, .ldaps])
        func wrongCAFails(security: LDAPTransportSecurity) async throws {
            let server = try LDAPTestServer.shared
            var configuration = try Fixture.openLDAP(server, security: security)
            configuration.endpoint.tls.trustRoots = .pem(server.wrongCAPEM)
            let error = await ssoError {
                _ = try await Fixture.authenticator(configuration).authenticate(
                    username: "alice", password: Secret("alice-pw"))
            }
            #expect(error?.code == .ldapTLSFailed)
        }

        @Test func hostNameIsVerified() async throws {
            let server = try LDAPTestServer.shared
            var configuration = try Fixture.openLDAP(server, security: .ldaps)
            // The certificate names 127.0.0.1 only.
            configuration.endpoint = try LDAPEndpoint(
                url: "ldaps://localhost:\(server.tlsPort)",
                tls: LDAPTLSConfiguration(trustRoots: .pem(server.caPEM)))
            let error = await ssoError {
                _ = try await Fixture.authenticator(configuration).authenticate(
                    username: "alice", password: Secret("alice-pw"))
            }
            #expect(error?.code == .ldapTLSFailed)
        }

        @Test func unreachableHostIsServerDownQuickly() async throws {
            let server = try LDAPTestServer.shared
            var configuration = try Fixture.openLDAP(server)
            configuration.endpoint = try LDAPEndpoint(
                url: "ldap://127.0.0.1:\(try SilentListener.closedPort())",
                tls: LDAPTLSConfiguration(trustRoots: .pem(server.caPEM)))
            let started = ContinuousClock.now
            let error = await ssoError {
                _ = try await Fixture.authenticator(configuration).authenticate(
                    username: "alice", password: Secret("alice-pw"))
            }
            #expect(error?.code == .ldapServerDown)
            // A closed port answers in milliseconds; the bound leaves room for a loaded CI machine.
            #expect(ContinuousClock.now - started < .seconds(4))
        }

        @Test(arguments: [LDAPTransportSecurity.startTLS, .ldaps, .unsafePlaintext])
        func aSilentServerTimesOutWithinTheConfiguredBound(security: LDAPTransportSecurity) async throws {
            let listener = try SilentListener()
            defer { listener.close() }
            let server = try LDAPTestServer.shared
            var configuration = try Fixture.openLDAP(server, timeout: .milliseconds(800))
            configuration.endpoint = try LDAPEndpoint(
                url: "\(security == .ldaps ? "ldaps" : "ldap")://127.0.0.1:\(listener.port)",
                security: security, tls: LDAPTLSConfiguration(trustRoots: .pem(server.caPEM)),
                connectTimeout: .seconds(5), operationTimeout: .seconds(5))
            let started = ContinuousClock.now
            let error = await ssoError {
                _ = try await Fixture.authenticator(configuration).authenticate(
                    username: "alice", password: Secret("alice-pw"))
            }
            let elapsed = ContinuousClock.now - started
            #expect(error?.code == .ldapTimeout)
            // The 800 ms deadline, not the 5 s connect/operation timeouts, must end it; the upper
            // bound leaves room for a loaded CI machine's scheduling.
            #expect(elapsed >= .milliseconds(700) && elapsed < .seconds(4))
        }

        @Test func concurrentLoginsOfManyUsersGetTheirOwnResults() async throws {
            let groups = LDAPGroupConfiguration(mode: .member(), base: Fixture.groups, nested: .walk(maximumDepth: 2))
            let mapping = ["team0": ["t0"], "team1": ["t1"], "team2": ["t2"]]
            let authenticator = try Fixture.authenticator(
                Fixture.openLDAP(
                    try LDAPTestServer.shared, groups: groups,
                    mapping: mapping, poolSize: 4))
            let outcomes = try await withThrowingTaskGroup(of: (Int, Bool, LDAPAuthenticationResult?).self) { group in
                for round in 0..<3 {
                    for user in 1...24 {
                        let right = (user + round) % 4 != 0
                        group.addTask {
                            let name = String(format: "user%02d", user)
                            let password = right ? "pw-\(name)" : "wrong-\(round)"
                            let result = try? await authenticator.authenticate(
                                username: name, password: Secret(password))
                            return (user, right, result)
                        }
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(outcomes.count == 72)
            for (user, right, result) in outcomes {
                let name = String(format: "user%02d", user)
                if right {
                    #expect(result?.dn == Fixture.dn(name))
                    #expect(result?.email == "\(name)@example.org")
                    #expect(result?.groups == [Fixture.group("team\(user % 3)")])
                    #expect(result?.scopes == ["t\(user % 3)"])
                } else {
                    #expect(result == nil)
                }
            }
            #expect(await authenticator.pool.size <= 4)
            await authenticator.shutdown()
        }

        @Test func pooledServiceConnectionsAreReused() async throws {
            let counting = CountingConnector()
            let authenticator = try Fixture.authenticator(
                Fixture.openLDAP(try LDAPTestServer.shared, poolSize: 2), connector: counting)
            for _ in 0..<5 { _ = try await authenticator.authenticate(username: "bob", password: Secret("bob-pw")) }
            // 1 pooled service connection + 5 fresh user connections.
            #expect(counting.connects == 6)
            #expect(await authenticator.pool.size == 1)
        }
    }
}
