import CXMLSec
import SsoCore

/// Decrypts `EncryptedAssertion` and `EncryptedID` with xmlsec and the SP key.
///
/// Every failure after the algorithm check is the same `saml.decryption.failed`, and a key-transport
/// failure continues with a random content key, so neither the error nor the path taken tells an
/// attacker whether their RSA padding was right.
///
/// Decryption runs before any signature over the plaintext can be checked, so its private-key work
/// is bounded by ``maxKeyCandidates``, not by the document.
package enum SAMLDecryptor {
    static let keyTransport: Set<String> = ["http://www.w3.org/2001/04/xmlenc#rsa-oaep-mgf1p"]
    static let rsa15 = "http://www.w3.org/2001/04/xmlenc#rsa-1_5"
    static let contentKeyLengths: [String: Int] = [
        "http://www.w3.org/2001/04/xmlenc#aes128-cbc": 16,
        "http://www.w3.org/2001/04/xmlenc#aes192-cbc": 24,
        "http://www.w3.org/2001/04/xmlenc#aes256-cbc": 32,
        "http://www.w3.org/2009/xmlenc11#aes128-gcm": 16,
        "http://www.w3.org/2009/xmlenc11#aes192-gcm": 24,
        "http://www.w3.org/2009/xmlenc11#aes256-gcm": 32,
    ]

    /// The most `EncryptedKey` candidates one encrypted element may carry; more are refused with the
    /// uniform error before any RSA work. An IdP adds one per recipient key (SAML Core, EncryptedElementType):
    /// one SP key, two during an SP key rollover, and slack for an IdP that encrypts to every
    /// encryption certificate in the SP metadata. Each candidate costs one RSA private-key operation,
    /// so 4 bounds the unsigned work at 4 operations instead of one per element of a 256 KiB body.
    package static let maxKeyCandidates = 4

    /// The one error of every decryption failure, also used by the validator for whatever goes wrong
    /// between decryption and a verified signature over the plaintext.
    package static func failure(decrypting elementName: String, file: String = #fileID, line: Int = #line) -> SsoError {
        SsoError(.samlDecryptionFailed, "the encrypted \(elementName) could not be decrypted", file: file, line: line)
    }

    /// Decrypts the `xenc:EncryptedData` inside `wrapper` (an `EncryptedAssertion` or `EncryptedID`)
    /// and returns the element it held, parsed as hardened XML in its own document. `operations`
    /// counts the key work (tests only).
    package static func decrypt(
        _ wrapper: SAMLXMLElement, key: SAMLDecryptionKey, allowRSA15: Bool, limits: HardenedXMLParser.Limits,
        operations: SAMLKeyOperationCounter? = nil
    ) throws(SsoError) -> SAMLXMLElement {
        let enc = SAMLNamespace.xmlEnc
        let failed = failure(decrypting: wrapper.localName)
        let datas = wrapper.children(enc, "EncryptedData")
        guard datas.count == 1, let data = datas.first else { throw failed }
        guard let contentAlgorithm = data.firstChild(enc, "EncryptionMethod")?.attribute("Algorithm"),
            let keyLength = contentKeyLengths[contentAlgorithm]
        else {
            throw SsoError(
                .samlDecryptionAlgorithmNotAllowed, "the content encryption algorithm is not AES-CBC or AES-GCM")
        }
        var candidates = data.firstChild(SAMLNamespace.xmlDSig, "KeyInfo")?.children(enc, "EncryptedKey") ?? []
        candidates += wrapper.children(enc, "EncryptedKey")
        guard !candidates.isEmpty, candidates.count <= maxKeyCandidates else { throw failed }
        // Every algorithm is checked before the first RSA operation.
        for candidate in candidates {
            guard let algorithm = candidate.firstChild(enc, "EncryptionMethod")?.attribute("Algorithm"),
                keyTransport.contains(algorithm) || (allowRSA15 && algorithm == rsa15)
            else {
                throw SsoError(
                    .samlDecryptionAlgorithmNotAllowed, "the key transport algorithm is not allowed (RSA-OAEP only)")
            }
        }
        var flags: Int32 = 0
        if allowRSA15 { flags |= CXMLSEC_ALLOW_RSA15 }
        // Every candidate is unwrapped, even after one gave a key: stopping there would make the
        // response time say whether an earlier candidate's padding was right (a Bleichenbacher
        // oracle with RSA 1.5). The cap bounds the work either way.
        var contentKey: [UInt8]?
        for candidate in candidates {
            operations?.recordKeyTransport()
            if let bytes = unwrap(candidate, key: key, flags: flags), bytes.count == keyLength, contentKey == nil {
                contentKey = bytes
            }
        }
        // Continue with a random key on failure: same path, same error.
        var random = SystemRandomNumberGenerator()
        let sessionKey = contentKey ?? (0..<keyLength).map { _ in UInt8.random(in: .min ... .max, using: &random) }
        var output: UnsafeMutablePointer<UInt8>?
        var length: Int32 = 0
        operations?.recordContentDecryption()
        let status = sessionKey.withUnsafeBufferPointer { buffer in
            cxmlsec_decrypt_data(data.node, buffer.baseAddress, Int32(buffer.count), &output, &length)
        }
        defer { if let output { cxmlsec_free_buffer(output) } }
        guard status == 0, contentKey != nil, let output, length > 0, Int(length) <= limits.maxBytes else {
            throw failed
        }
        let plaintext = Array(UnsafeBufferPointer(start: output, count: Int(length)))
        guard let element = parse(plaintext, context: wrapper, limits: limits) else { throw failed }
        return element
    }

    private static func unwrap(_ encryptedKey: SAMLXMLElement, key: SAMLDecryptionKey, flags: Int32) -> [UInt8]? {
        var output: UnsafeMutablePointer<UInt8>?
        var length: Int32 = 0
        guard cxmlsec_decrypt_key(encryptedKey.node, key.key.pointer, flags, &output, &length) == 0, let output else {
            return nil
        }
        defer { cxmlsec_free_buffer(output) }
        return Array(UnsafeBufferPointer(start: output, count: Int(length)))
    }

    /// Parses the plaintext on its own; if it relies on namespace prefixes declared around the
    /// encrypted element, inside a wrapper that re-declares those. Exactly one element, no text.
    private static func parse(_ plaintext: [UInt8], context: SAMLXMLElement, limits: HardenedXMLParser.Limits)
        -> SAMLXMLElement?
    {
        if let document = try? HardenedXMLParser.parse(plaintext, limits: limits) {
            return document.root
        }
        var wrapped = Array("<w".utf8)
        for (prefix, uri) in context.inScopeNamespaces {
            wrapped += Array(" xmlns\(prefix.map { ":" + $0 } ?? "")=\"\(escapeAttribute(uri))\"".utf8)
        }
        wrapped += Array(">".utf8) + plaintext + Array("</w>".utf8)
        guard
            let document = try? HardenedXMLParser.parse(
                wrapped,
                limits: HardenedXMLParser.Limits(
                    maxBytes: limits.maxBytes + wrapped.count - plaintext.count, maxDepth: limits.maxDepth + 1)),
            document.root.children.count == 1, !document.root.hasNonWhitespaceDirectText,
            let element = document.root.children.first
        else {
            return nil
        }
        return element
    }

    private static func escapeAttribute(_ value: String) -> String {
        var out = ""
        for character in value {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case "\"": out += "&quot;"
            default: out.append(character)
            }
        }
        return out
    }
}
