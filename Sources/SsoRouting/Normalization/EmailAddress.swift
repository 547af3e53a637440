import Foundation

/// A normalised email address: the form routing and session records use.
///
/// Normalisation trims white space, requires exactly one `@`, a non-empty dot-atom local part of
/// at most 64 octets (RFC 5321 `atext`, plus non-ASCII characters for SMTPUTF8 addresses), and a
/// domain that is a valid ``DomainName``. The local part is case-folded and NFC-normalised:
/// identity providers disagree about its case, and swift-sso never links accounts by email
/// (records are keyed by connection and subject), so folding only makes display and
/// comparison stable. Quoted local parts and address literals (`user@[192.0.2.1]`) are refused.
public struct EmailAddress: Hashable, Sendable, CustomStringConvertible {
    /// The case-folded local part (before the `@`).
    public let localPart: String
    /// The normalised domain.
    public let domain: DomainName

    /// The longest local part, in octets.
    package static let maxLocalPartBytes = 64
    /// The longest address accepted, in octets of its normalised form.
    public static let maxAddressBytes = 254

    /// Normalises `input`.
    /// - Throws: `routing.invalid_email` with the reason (a bad domain keeps its reason as the cause).
    public init(_ input: String) throws(SsoError) {
        guard input.utf8.count <= DomainName.maxInputBytes else { throw Self.invalid("it is too long") }
        let text = input.trimmingWhiteSpace
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2 else {
            throw Self.invalid(parts.count < 2 ? "it has no '@'" : "it has more than one '@'")
        }
        let rawLocal = String(parts[0])
        // ASCII is already in NFC; only non-ASCII local parts need Foundation's normalisation.
        let local =
            rawLocal.utf8.allSatisfy { $0 < 0x80 }
            ? rawLocal.asciiLowercased : rawLocal.lowercased().precomposedStringWithCanonicalMapping
        try Self.checkLocalPart(local)
        do {
            domain = try DomainName(String(parts[1]))
        } catch {
            throw SsoError(.routingInvalidEmail, "not a valid email address: the domain is invalid", underlying: error)
        }
        localPart = local
        guard normalized.utf8.count <= Self.maxAddressBytes else {
            throw Self.invalid("longer than \(Self.maxAddressBytes) octets")
        }
    }

    /// `local@domain` with the domain in ASCII form: the canonical value to store and compare.
    public var normalized: String { localPart + "@" + domain.ascii }

    /// `local@domain` with the domain in Unicode form, for people.
    public var display: String { localPart + "@" + domain.unicode }

    public var description: String { normalized }

    private static func invalid(_ reason: String, file: String = #fileID, line: Int = #line) -> SsoError {
        SsoError(.routingInvalidEmail, "not a valid email address: \(reason)", file: file, line: line)
    }

    private static let atextSymbols = Set("!#$%&'*+/=?^_`{|}~-".unicodeScalars)

    private static func checkLocalPart(_ local: String) throws(SsoError) {
        guard !local.isEmpty else { throw invalid("the local part is empty") }
        guard local.utf8.count <= maxLocalPartBytes else {
            throw invalid("the local part is longer than \(maxLocalPartBytes) octets")
        }
        guard !local.hasPrefix("."), !local.hasSuffix("."), !local.contains("..") else {
            throw invalid("the local part has a leading, trailing or doubled dot")
        }
        for scalar in local.unicodeScalars {
            if scalar.isASCII {
                let ok =
                    scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "."
                    || atextSymbols.contains(scalar)
                guard ok else { throw invalid("the local part contains a character that is not allowed") }
            } else {
                let props = scalar.properties
                let category = props.generalCategory
                let refused: Set<Unicode.GeneralCategory> = [
                    .control, .format, .surrogate, .privateUse, .unassigned,
                    .spaceSeparator, .lineSeparator, .paragraphSeparator,
                ]
                guard !refused.contains(category) else {
                    throw invalid("the local part contains a character that is not allowed")
                }
            }
        }
    }
}

extension EmailAddress: Codable {
    /// Decoding normalises again.
    public init(from decoder: any Decoder) throws {
        try self.init(decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(normalized)
    }
}
