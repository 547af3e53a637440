import Foundation

/// A normalised, routable host name: the key of every routing decision.
///
/// Normalisation trims white space, strips one trailing dot, case-folds and converts Unicode
/// labels to their ASCII `xn--` form (IDNA2008 with UTS #46 non-transitional mapping, through
/// libidn2), then requires a hostname: labels of 1–63 octets made of letters, digits and
/// hyphens (LDH) not starting or ending with a hyphen, at most 253 octets in all. It refuses IP
/// literals (IPv4, IPv6, bracketed) and names whose last label is numeric.
///
/// Underscores are refused: they only occur in DNS service labels (`_dmarc`, `_ldap._tcp`),
/// never in the domain of a mailbox, so accepting them would only widen what can be claimed.
///
/// Normalisation is idempotent: `DomainName(x.ascii) == x`.
public struct DomainName: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The canonical ASCII form (`xn--bcher-kva.example`): what routing compares.
    public let ascii: String

    /// The longest input accepted before any work is done.
    package static let maxInputBytes = 1024
    /// The longest name, in octets of its ASCII form.
    public static let maxNameBytes = 253
    /// The longest label, in octets.
    public static let maxLabelBytes = 63

    /// Normalises `input` (Unicode or ASCII, any case, optional trailing dot).
    /// - Throws: `routing.invalid_domain` with the reason.
    public init(_ input: String) throws(SsoError) {
        ascii = try Self.normalize(input)
    }

    /// Wraps a name already in canonical form (for stores that persist `ascii`). Checked again.
    init(canonical ascii: String) {
        self.ascii = ascii
    }

    /// The Unicode form for display (`bücher.example`); the ASCII form if it has no Unicode one.
    public var unicode: String {
        guard ascii.contains("xn--") else { return ascii }
        return IDNA.toUnicode(ascii) ?? ascii
    }

    /// The labels, left to right.
    public var labels: [Substring] { ascii.split(separator: ".", omittingEmptySubsequences: false) }

    /// The name without its first label (`b.example` for `a.b.example`); `nil` for a single label.
    package var parent: DomainName? {
        guard let dot = ascii.firstIndex(of: ".") else { return nil }
        return DomainName(canonical: String(ascii[ascii.index(after: dot)...]))
    }

    public var description: String { ascii }

    public static func < (lhs: DomainName, rhs: DomainName) -> Bool { lhs.ascii < rhs.ascii }
}

extension DomainName: Codable {
    /// Decoding normalises again, so a stored or sent value can never bypass the rules.
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        ascii = try Self.normalize(text)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(ascii)
    }
}
