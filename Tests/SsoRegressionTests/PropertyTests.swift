import Foundation
import SsoCore
import SsoLDAP
import SsoRouting
import Testing

/// Property tests over hand-rolled generators with fixed seeds (no extra dependency; a failing
/// case prints its seed and index and reproduces exactly).
@Suite struct PropertyTests {
    static let seeds: [UInt64] = [1, 0x5EED, 0xC0FFEE]

    @Test(arguments: seeds)
    func base64URLRoundTrips(_ seed: UInt64) throws {
        var rng = SeededGenerator(seed: seed)
        for index in 0..<400 {
            let bytes = rng.bytes(maxCount: 96)
            let encoded = Base64URL.encode(bytes)
            #expect(
                !encoded.contains("=") && !encoded.contains("+") && !encoded.contains("/"), "seed \(seed) #\(index)")
            #expect(try Base64URL.decode(encoded) == bytes, "seed \(seed) #\(index)")
            #expect(throws: SsoError.self) { try Base64URL.decode(encoded + "=") }
            #expect(try Base64.decode(Base64.encode(bytes)) == bytes, "seed \(seed) #\(index)")
            // One spelling per value: setting an unused low bit of the last character is refused.
            if bytes.count % 3 != 0, let last = encoded.last {
                let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
                if let value = alphabet.firstIndex(of: last) {
                    let altered = String(encoded.dropLast()) + String(alphabet[value | 1])
                    if altered != encoded {
                        #expect(throws: SsoError.self, "seed \(seed) #\(index)") { try Base64URL.decode(altered) }
                    }
                }
            }
        }
    }

    static let domainAlphabet = [
        "a", "b", "z", "0", "9", "-", "A", "Q", "ü", "ß", "é", "ı", "İ", "中", "文", "ｅ", "\u{200D}", "_", ".", "。",
    ]

    @Test(arguments: seeds)
    func domainNormalisationIsIdempotent(_ seed: UInt64) async throws {
        var rng = SeededGenerator(seed: seed)
        var accepted = 0
        for index in 0..<400 {
            let labels = (0..<Int.random(in: 1...4, using: &rng)).map { _ in
                rng.string(from: Self.domainAlphabet, count: 1...12)
            }
            let name = labels.joined(separator: ".") + (Bool.random(using: &rng) ? "." : "")
            for candidate in [name, "user.name+tag@" + name] {
                await #expect(throws: Never.self, "seed \(seed) #\(index): \(candidate.debugDescription)") {
                    try await FuzzOracle.check(.domain, Array(candidate.utf8))
                }
            }
            if let domain = try? DomainName(name) {
                accepted += 1
                #expect(try DomainName(domain.ascii.uppercased()) == domain, "seed \(seed) #\(index)")
                #expect(try DomainName(domain.ascii + ".") == domain, "seed \(seed) #\(index)")
            }
        }
        // Plain LDH names are always accepted, lowercased.
        for index in 0..<100 {
            let labels = (0..<Int.random(in: 1...3, using: &rng)).map { _ in
                rng.string(from: ["a", "B", "c", "7"], count: 1...10)
            }
            let name = labels.joined(separator: ".") + ".Example"
            #expect(try DomainName(name).ascii == name.lowercased(), "seed \(seed) LDH #\(index)")
        }
        #expect(accepted > 0, "no generated name was accepted: the generator tests nothing")
    }

    static let ldapAlphabet = [
        "a", "Z", "0", " ", "*", "(", ")", "\\", "\0", ",", "+", ";", "=", "\"", "<", ">", "#", "é", "中", "\u{1F600}",
        "\\2a", "\t", "\u{7F}",
    ]

    @Test(arguments: seeds)
    func ldapEscapingRoundTripsThroughLibldap(_ seed: UInt64) async throws {
        var rng = SeededGenerator(seed: seed)
        for index in 0..<300 {
            let value = rng.string(from: Self.ldapAlphabet, count: 0...16)
            await #expect(throws: Never.self, "seed \(seed) #\(index): \(value.debugDescription)") {
                try await FuzzOracle.check(.ldapEscape, Array(value.utf8))
            }
            let raw = rng.bytes(maxCount: 24)
            await #expect(throws: Never.self, "seed \(seed) raw #\(index): \(raw)") {
                try await FuzzOracle.check(.ldapEscape, raw)
            }
        }
        // The oracle's libldap parser does see structure: an unescaped value is not one assertion.
        let injected = try #require(try LibLDAPFilterParser.parse("(|(uid=a)(uid=*))"))
        #expect(injected.tag != 0xA3)
        let plain = try #require(try LibLDAPFilterParser.parse(LDAPFilter.equality("uid", "a*)(uid=*")))
        #expect(plain.tag == 0xA3 && plain.value == Array("a*)(uid=*".utf8))
    }
}
