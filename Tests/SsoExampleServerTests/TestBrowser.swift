import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting

/// A browser for route tests: its own cookie jar, sent on every request and updated from every
/// `Set-Cookie` (a `Max-Age=0` cookie is deleted).
final class TestBrowser: @unchecked Sendable {
    private let lock = NSLock()
    private var jar: [String: String] = [:]
    private(set) var setCookies: [String] = []

    func cookie(_ name: String) -> String? { lock.withLock { jar[name] } }

    func setCookieHeader(_ name: String) -> String? {
        lock.withLock { setCookies.last { $0.hasPrefix(name + "=") } }
    }

    func request(
        _ client: some TestClientProtocol, _ method: HTTPRequest.Method, _ uri: String, form: [(String, String)]? = nil
    ) async throws -> TestResponse {
        var headers = HTTPFields()
        let cookieLine = lock.withLock { jar.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" } }
            .joined(separator: "; ")
        if !cookieLine.isEmpty { headers[.cookie] = cookieLine }
        var body: ByteBuffer?
        if let form {
            headers[.contentType] = "application/x-www-form-urlencoded"
            body = ByteBuffer(string: FormBody.encode(form))
        }
        let response = try await client.execute(uri: uri, method: method, headers: headers, body: body)
        lock.withLock {
            for line in response.headers[values: .setCookie] {
                setCookies.append(line)
                CookieJarUpdate.apply(line, to: &jar)
            }
        }
        return response
    }
}

enum FormBody {
    static func encode(_ form: [(String, String)]) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return form.map {
            "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")"
        }.joined(separator: "&")
    }

    /// The `value` of the hidden input `name` in `html`.
    static func hiddenValue(_ name: String, in html: String) -> String? {
        guard let range = html.range(of: "name=\"\(name)\" value=\"") else { return nil }
        let rest = html[range.upperBound...]
        return rest.firstIndex(of: "\"").map { String(rest[..<$0]) }
    }
}

enum CookieJarUpdate {
    /// Stores or deletes the cookie a `Set-Cookie` line names.
    static func apply(_ line: String, to jar: inout [String: String]) {
        let pair = line.split(separator: ";", maxSplits: 1).first.map(String.init) ?? ""
        guard let equals = pair.firstIndex(of: "=") else { return }
        let name = String(pair[..<equals])
        let value = String(pair[pair.index(after: equals)...])
        if line.lowercased().contains("max-age=0") || value.isEmpty {
            jar[name] = nil
        } else {
            jar[name] = value
        }
    }
}
