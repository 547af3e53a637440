import SsoCore
import SsoRouting

enum DomainOracle {
    /// Email/domain normalisation. Properties: normalising twice equals once (for the domain and
    /// for the address), the canonical form is a lowercase LDH hostname within the length limits,
    /// and the Unicode display form routes back to the same domain.
    static func check(_ input: [UInt8]) throws(PropertyViolation) {
        let text = String(decoding: input, as: UTF8.self)
        if let domain = try? DomainName(text) {
            try checkCanonical(domain, input: text)
        }
        if let address = try? EmailAddress(text) {
            try checkCanonical(address.domain, input: text)
            let again: EmailAddress
            do {
                again = try EmailAddress(address.normalized)
            } catch {
                throw PropertyViolation("normalised address \(address.normalized) is refused: \(error.code)")
            }
            try require(
                again == address, "email normalisation is not idempotent: \(address.normalized) → \(again.normalized)")
            try require(address.normalized.utf8.count <= EmailAddress.maxAddressBytes, "address longer than the limit")
        }
    }

    static func checkCanonical(_ domain: DomainName, input: String) throws(PropertyViolation) {
        let ascii = domain.ascii
        try require(ascii.utf8.count <= DomainName.maxNameBytes, "name longer than 253 octets: \(ascii)")
        for label in domain.labels {
            try require(!label.isEmpty && label.utf8.count <= DomainName.maxLabelBytes, "bad label length in \(ascii)")
            try require(
                label.utf8.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D },
                "non-LDH or uppercase byte in \(ascii)")
            try require(label.first != "-" && label.last != "-", "label starts or ends with a hyphen in \(ascii)")
        }
        let again: DomainName
        do {
            again = try DomainName(ascii)
        } catch {
            throw PropertyViolation("canonical name \(ascii) is refused: \(error.code)")
        }
        try require(again == domain, "domain normalisation is not idempotent: \(ascii) → \(again.ascii)")
        if let display = try? DomainName(domain.unicode) {
            try require(display == domain, "display form \(domain.unicode) routes to \(display.ascii), not \(ascii)")
        } else {
            throw PropertyViolation("display form \(domain.unicode) of \(ascii) is refused")
        }
    }
}
