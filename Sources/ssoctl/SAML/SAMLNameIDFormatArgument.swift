import SsoCore
import SsoSAML

/// `--name-id-format`: a full URN, or the last part of one of the common ``SAMLNameIDFormat`` URNs
/// (`emailAddress`, `persistent`, `transient`, `unspecified`), which is what people type and what
/// IdP admin consoles show. Anything else is passed on unchanged for the library to check: SAML
/// allows any URI here.
enum SAMLNameIDFormatArgument {
    static let shortNames: [(name: String, urn: String)] = [
        ("emailAddress", SAMLNameIDFormat.emailAddress),
        ("persistent", SAMLNameIDFormat.persistent),
        ("transient", SAMLNameIDFormat.transient),
        ("unspecified", SAMLNameIDFormat.unspecified),
    ]

    /// The format URN for `value` (short names compared as bytes, case-sensitive like the URNs).
    static func urn(_ value: String) -> String {
        shortNames.first { $0.name.bytesEqual(value) }?.urn ?? value
    }
}
