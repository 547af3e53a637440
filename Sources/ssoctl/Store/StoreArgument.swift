import SsoCore
import SsoStoreLocation

extension SsoStoreLocation {
    /// The `--store` argument, keeping ssoctl's published code for a URL it cannot open
    /// (`cli.store_unsupported`), which scripts already branch on.
    static func argument(_ text: String) throws(SsoError) -> SsoStoreLocation {
        do {
            return try SsoStoreLocation(text)
        } catch {
            guard error.code.rawValue.bytesEqual(SsoError.Code.storeLocationInvalid.rawValue) else { throw error }
            throw SsoError(.cliStoreUnsupported, error.message)
        }
    }
}

extension SsoError.Code {
    /// `ssoctl` was given a store URL it cannot open.
    static let cliStoreUnsupported: Self = "cli.store_unsupported"
}
