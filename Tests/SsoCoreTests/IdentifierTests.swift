import Foundation
import SsoCore
import Testing

@Suite struct IdentifierTests {
    @Test func idsCarryThePrefixAndSortByTime() {
        let random = SystemRandomSource()
        let early = SsoID.make(
            prefix: SsoID.connectionPrefix, date: Date(timeIntervalSince1970: 1_700_000_000),
            random: random)
        let late = SsoID.make(
            prefix: SsoID.connectionPrefix, date: Date(timeIntervalSince1970: 1_700_000_001),
            random: random)
        #expect(early.hasPrefix("sso_conn_"))
        #expect(early.count == "sso_conn_".count + 26)
        #expect(early < late)
        #expect(SsoID.isValid(early, prefix: SsoID.connectionPrefix))
        #expect(!SsoID.isValid(early, prefix: SsoID.sessionPrefix))
        #expect(!SsoID.isValid("sso_conn_not-a-ulid", prefix: SsoID.connectionPrefix))
    }

    @Test func idsAreUnique() {
        let random = SystemRandomSource()
        let now = Date()
        let ids = Set((0..<1000).map { _ in SsoID.make(prefix: SsoID.sessionPrefix, date: now, random: random) })
        #expect(ids.count == 1000)
    }

    @Test func randomTokensHaveTheRequestedEntropy() throws {
        let token = SystemRandomSource().token(byteCount: 32)
        #expect(try Base64URL.decode(token).count == 32)
    }
}
