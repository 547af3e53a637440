import SsoRouting
import Testing

/// A deterministic generator (SplitMix64), so failures reproduce.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

@Suite struct NormalizationPropertyTests {
    static let alphabet: [String] = [
        "a", "b", "z", "A", "Q", "0", "7", "-", "-", ".", ".", ".", "ü", "Ü", "ß", "é", "İ", "ı", "ς", "Σ",
        "中", "文", "。", "．", "ｂ", " ", "_", "x", "n", "xn--", "\u{0301}", "ǅ", "ﬀ", "@",
    ]

    static func randomString(_ generator: inout SeededGenerator) -> String {
        let length = Int.random(in: 0...24, using: &generator)
        return (0..<length).map { _ in alphabet.randomElement(using: &generator) ?? "a" }.joined()
    }

    @Test(arguments: [1, 2, 3, 4])
    func domainNormalisationIsIdempotent(seed: UInt64) throws {
        var generator = SeededGenerator(state: seed)
        var accepted = 0
        for _ in 0..<3000 {
            let input =
                Self.randomString(&generator) + [".example", ".com", "", ".Ü"].randomElement(using: &generator)!
            guard let name = try? DomainName(input) else { continue }
            accepted += 1
            #expect(try DomainName(name.ascii) == name, "ascii form of \(input.debugDescription)")
            #expect(try DomainName(name.unicode) == name, "unicode form of \(input.debugDescription)")
            #expect(name.ascii.utf8.allSatisfy { $0 < 0x80 })
            #expect(name.ascii.utf8.count <= 253)
        }
        #expect(accepted > 100)
    }

    @Test(arguments: [5, 6, 7])
    func emailNormalisationIsIdempotent(seed: UInt64) throws {
        var generator = SeededGenerator(state: seed)
        var accepted = 0
        for _ in 0..<3000 {
            let input = Self.randomString(&generator) + "@" + Self.randomString(&generator) + ".example"
            guard let email = try? EmailAddress(input) else { continue }
            accepted += 1
            #expect(try EmailAddress(email.normalized) == email, "\(input.debugDescription)")
            #expect(try EmailAddress(email.display) == email, "\(input.debugDescription)")
        }
        #expect(accepted > 50)
    }
}
