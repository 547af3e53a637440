import CIDN2

/// The one place that calls libidn2: IDNA2008 lookup with UTS #46 non-transitional mapping.
enum IDNA {
    /// Converts a domain (Unicode or ASCII) to its ASCII-compatible form (`xn--` A-labels), or
    /// returns the libidn2 error name.
    static func toASCII(_ input: String) -> Result<String, IDNAFailure> {
        let flags = Int32(IDN2_NFC_INPUT.rawValue | IDN2_NONTRANSITIONAL.rawValue)
        var output: UnsafeMutablePointer<UInt8>?
        let rc = input.withCString { pointer in
            pointer.withMemoryRebound(to: UInt8.self, capacity: input.utf8.count + 1) { bytes in
                idn2_lookup_u8(bytes, &output, flags)
            }
        }
        defer { free(output) }
        guard rc == Int32(IDN2_OK.rawValue), let output else {
            return .failure(IDNAFailure(name: errorName(rc)))
        }
        return .success(String(cString: output))
    }

    /// Converts an ASCII domain back to Unicode for display; `nil` if libidn2 refuses it.
    static func toUnicode(_ ascii: String) -> String? {
        var output: UnsafeMutablePointer<CChar>?
        let rc = idn2_to_unicode_8z8z(ascii, &output, 0)
        defer { free(output) }
        guard rc == Int32(IDN2_OK.rawValue), let output else { return nil }
        return String(validatingCString: output)
    }

    private static func errorName(_ rc: Int32) -> String {
        guard let name = idn2_strerror_name(rc) else { return "IDN2_ERROR(\(rc))" }
        return String(cString: name)
    }
}

/// Why libidn2 refused a name (its stable error name, e.g. `IDN2_DISALLOWED`).
struct IDNAFailure: Error {
    let name: String
}
