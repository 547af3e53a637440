import CXMLSec
import SsoCore

extension SsoError.Code {
    /// libxml2 or xmlsec could not be initialised.
    public static let samlLibraryUnavailable: Self = "saml.library_unavailable"
}

/// The process-wide, one-time initialisation of libxml2 and xmlsec (OpenSSL).
package enum XMLSecurityLibrary {
    /// Initialises libxml2 and xmlsec once, thread-safely; later calls only report the outcome.
    package static func ensureInitialized() throws(SsoError) {
        guard cxmlsec_init_once() == 0 else {
            throw SsoError(.samlLibraryUnavailable, "libxml2/xmlsec1 could not be initialised")
        }
    }
}
