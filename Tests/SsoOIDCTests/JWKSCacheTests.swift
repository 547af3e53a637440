import Foundation
import HTTPTypes
import SsoOIDC
import SsoTesting
import Testing

@Suite("JWKS cache")
struct JWKSCacheTests {
    @Test("forged kids trigger at most one refetch per 30 s")
    func forgedKidsAreRateLimited() async throws {
        let harness = try Harness()
        _ = try await harness.login()
        #expect(harness.transport.count(for: harness.provider.jwksURI) == 1)
        let forger = try TestKeys.rsa2()
        for index in 0..<40 {
            let token = try harness.token(signedBy: forger.withKeyID("forged-\(index)"))
            await expectSsoError(.joseKeyNotFound) { try await harness.client.validateIDToken(token) }
        }
        #expect(harness.transport.count(for: harness.provider.jwksURI) == 2)
        harness.clock.advance(by: 29)
        let early = try harness.token(signedBy: forger.withKeyID("forged-early"))
        await expectSsoError(.joseKeyNotFound) { try await harness.client.validateIDToken(early) }
        #expect(harness.transport.count(for: harness.provider.jwksURI) == 2)
        harness.clock.advance(by: 2)
        let later = try harness.token(signedBy: forger.withKeyID("forged-later"))
        await expectSsoError(.joseKeyNotFound) { try await harness.client.validateIDToken(later) }
        #expect(harness.transport.count(for: harness.provider.jwksURI) == 3)
    }

    @Test("concurrent unknown-kid refetches are merged into one request")
    func concurrentRefetchesMerge() async throws {
        let harness = try Harness()
        _ = try await harness.login()
        let newKey = try TestKeys.rsa2(keyID: "rotated")
        harness.provider.rotateSigningKey(to: newKey)
        let provider = harness.provider
        harness.transport.route(provider.jwksURI) { _, _ in
            try await Task.sleep(for: .milliseconds(100))
            var fields = HTTPFields()
            fields[.contentType] = "application/json"
            return HTTPTransportResponse(
                response: HTTPResponse(status: .ok, headerFields: fields),
                body: Array(provider.jwksDocument.serialized().utf8))
        }
        let token = try harness.token(signedBy: newKey)
        let relyingParty = harness.client
        let kids = try await withThrowingTaskGroup(of: String?.self) { group in
            for _ in 0..<25 {
                group.addTask { try await relyingParty.validateIDToken(token).keyID }
            }
            var kids: [String?] = []
            for try await kid in group { kids.append(kid) }
            return kids
        }
        #expect(kids.count == 25)
        #expect(kids.allSatisfy { $0 == "rotated" })
        #expect(harness.transport.count(for: harness.provider.jwksURI) == 2)
    }

    @Test("a JWKS over 64 KiB is refused")
    func oversizeJWKSRefused() async throws {
        let harness = try Harness()
        let padding = String(repeating: "x", count: 70 * 1024)
        harness.transport.route(harness.provider.jwksURI, text: "{\"keys\":[],\"padding\":\"\(padding)\"}")
        await expectSsoError(.oidcJWKSTooLarge) { try await harness.login() }
    }

    @Test("a non-200 JWKS answer is an error")
    func jwksHTTPError() async throws {
        let harness = try Harness()
        harness.transport.route(harness.provider.jwksURI, status: .internalServerError, text: "oops")
        await expectSsoError(.oidcJWKSHTTPStatus) { try await harness.login() }
    }

    @Test("a rotated-out key stops verifying once the new set is fetched")
    func rotatedOutKeyStopsVerifying() async throws {
        let harness = try Harness()
        let old = try TestKeys.rsa1()
        let oldToken = try harness.token(signedBy: old)
        #expect(try await harness.client.validateIDToken(oldToken).keyID == "rsa-1")
        harness.provider.rotateSigningKey(to: try TestKeys.ec1())
        // Still cached: the old key verifies until the set is refreshed.
        #expect(try await harness.client.validateIDToken(oldToken).keyID == "rsa-1")
        harness.clock.advance(by: 601)
        await expectSsoError(.joseKeyNotFound) { try await harness.client.validateIDToken(oldToken) }
        #expect(harness.transport.count(for: harness.provider.jwksURI) >= 2)
    }

    @Test("the cache refetches after its lifetime")
    func lifetimeExpiry() async throws {
        let harness = try Harness()
        let cache = JWKSCache(issuer: Harness.issuer, transport: harness.transport, clock: harness.clock)
        let first = try await cache.snapshot(jwksURI: harness.provider.jwksURI)
        harness.clock.advance(by: 599)
        let second = try await cache.snapshot(jwksURI: harness.provider.jwksURI)
        #expect(first.generation == second.generation)
        harness.clock.advance(by: 2)
        let third = try await cache.snapshot(jwksURI: harness.provider.jwksURI)
        #expect(third.generation == first.generation + 1)
        #expect(harness.transport.count(for: harness.provider.jwksURI) == 2)
    }

    @Test("a refetch that another caller already did is reused, not repeated")
    func staleGenerationReusesNewerSet() async throws {
        let harness = try Harness()
        let cache = JWKSCache(issuer: Harness.issuer, transport: harness.transport, clock: harness.clock)
        let first = try await cache.snapshot(jwksURI: harness.provider.jwksURI)
        let refetched = try #require(
            try await cache.refetchAfterUnknownKey(
                jwksURI: harness.provider.jwksURI, seenGeneration: first.generation))
        let again = try await cache.refetchAfterUnknownKey(
            jwksURI: harness.provider.jwksURI, seenGeneration: first.generation)
        #expect(again?.generation == refetched.generation)
        let limited = try await cache.refetchAfterUnknownKey(
            jwksURI: harness.provider.jwksURI, seenGeneration: refetched.generation)
        #expect(limited == nil)
        #expect(harness.transport.count(for: harness.provider.jwksURI) == 2)
    }
}
