import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SsoTestSupport

/// A browser for route tests: its own cookie jar, sent on every request and updated from every
/// `Set-Cookie` (a `Max-Age=0` cookie is deleted). Two of them are two browsers.
final class TestBrowser: @unchecked Sendable {
    private let lock = NSLock()
    private var jar: [String: String] = [:]
    /// Every `Set-Cookie` header seen, for attribute checks.
    private(set) var setCookies: [String] = []

    func cookie(_ name: String) -> String? { lock.withLock { jar[name] } }

    func setCookieHeader(_ name: String) -> String? {
        lock.withLock { setCookies.last { $0.hasPrefix(name + "=") } }
    }

    func request(
        _ client: some TestClientProtocol, _ method: HTTPRequest.Method, _ uri: String, form: [(String, String)]? = nil,
        headers extra: HTTPFields = [:]
    ) async throws -> TestResponse {
        var headers = extra
        let cookieLine = lock.withLock { jar.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" } }
            .joined(separator: "; ")
        if !cookieLine.isEmpty { headers[.cookie] = cookieLine }
        var body: ByteBuffer?
        if let form {
            headers[.contentType] = "application/x-www-form-urlencoded"
            body = ByteBuffer(string: Self.encode(form))
        }
        let response = try await client.execute(uri: uri, method: method, headers: headers, body: body)
        lock.withLock {
            for line in response.headers[values: .setCookie] {
                setCookies.append(line)
                let pair = line.split(separator: ";", maxSplits: 1).first.map(String.init) ?? ""
                guard let equals = pair.firstIndex(of: "=") else { continue }
                let name = String(pair[..<equals])
                let value = String(pair[pair.index(after: equals)...])
                if line.lowercased().contains("max-age=0") || value.isEmpty {
                    jar[name] = nil
                } else {
                    jar[name] = value
                }
            }
        }
        return response
    }

    static func encode(_ form: [(String, String)]) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return form.map {
            "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")"
        }.joined(separator: "&")
    }
}

extension TestResponse {
    var location: String { headers[.location] ?? "" }
    var text: String { String(buffer: body) }
    /// The path and query of the `Location`, to request it from the test client.
    var locationPath: String {
        guard let components = URLComponents(string: location) else { return location }
        return components.percentEncodedPath + (components.percentEncodedQuery.map { "?" + $0 } ?? "")
    }
}
