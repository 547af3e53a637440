import SsoCore

/// Escaping for the XML and HTML this library writes (SP metadata, AuthnRequest, POST form).
package enum SAMLXMLEscaping {
    /// Whether `text` holds only characters XML 1.0 can carry.
    package static func isXMLSafe(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { scalar in
            switch scalar.value {
            case 0x9, 0xA, 0xD, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: return true
            default: return false
            }
        }
    }

    /// `text` escaped for an XML or HTML attribute value in double quotes, or element content:
    /// `& < > " '` and the whitespace characters an attribute would normalise away.
    package static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\t": out += "&#9;"
            case "\n": out += "&#10;"
            case "\r": out += "&#13;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Checks that `value` is non-empty (unless `allowEmpty`), at most `maxBytes` long and XML-safe.
    package static func checkSetting(_ value: String, name: String, maxBytes: Int = 1024) throws(SsoError) {
        guard !value.isEmpty, value.utf8.count <= maxBytes, isXMLSafe(value) else {
            throw SsoError(
                .samlRequestInvalidSetting,
                "\(name) must be non-empty, at most \(maxBytes) bytes, and hold only characters XML can carry"
            )
        }
    }

    /// Checks that `url` is an absolute `https` URL (plain `http` only for a loopback host), with
    /// the one parser every module uses (``EndpointURL``): no user information, no fragment.
    package static func checkURL(_ url: String, name: String) throws(SsoError) {
        try checkSetting(url, name: name, maxBytes: EndpointURL.maxBytes)
        _ = try EndpointURL(url, field: name, invalid: .samlRequestInvalidSetting, insecure: .samlRequestInvalidSetting)
    }
}
