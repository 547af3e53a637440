import Hummingbird
import Sso
import SsoCore
import SsoOIDC

/// A query string or `application/x-www-form-urlencoded` body, strictly parsed: valid
/// encoding and no parameter given twice (a repeated `SAMLResponse` or `state` is refused
/// rather than one of them picked).
struct SsoForm: Sendable {
    private let values: [String: String]

    init(query: String) throws(SsoError) {
        guard let pairs = FormURLEncoding.parse(query) else {
            throw SsoError(.requestInvalid, "the form or query is not valid URL encoding")
        }
        var values: [String: String] = [:]
        for (name, value) in pairs {
            guard values.updateValue(value, forKey: name) == nil else {
                throw SsoError(.requestInvalid, "the form or query repeats a parameter")
            }
        }
        self.values = values
    }

    /// The form body of `request`, read up to `limit` bytes (413 past it, before reading on).
    static func body(of request: Request, limit: Int) async throws -> SsoForm {
        if let length = request.headers[.contentLength].flatMap({ Int($0) }), length > limit {
            throw SsoError(.requestTooLarge, "the request body is too large")
        }
        var request = request
        let buffer = try await request.collectBody(upTo: limit)
        return try SsoForm(query: String(buffer: buffer))
    }

    subscript(_ name: String) -> String? { values[name] }
}
