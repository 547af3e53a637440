import AsyncHTTPClient
import HTTPTypes
import NIOCore
import NIOHTTP1
import SsoCore

extension HTTPClientRequest {
    /// The fields the transport owns: framing and connection management follow from the URL and
    /// the body, and cookies are never sent.
    private static let ownedFields: [HTTPField.Name] =
        [.contentLength, .transferEncoding, .connection, .te, .upgrade, .cookie]
        + ["Host", "Keep-Alive", "Proxy-Connection"].compactMap { HTTPField.Name($0) }

    /// The AsyncHTTPClient request for `request`, whose URL is checked like every URL the library
    /// sends to (`https`, or `http` to a loopback host; no user information, no fragment).
    ///
    /// - Throws: `http.transport_failed` for a request without scheme, authority or path, or with
    ///   a URL the checks refuse. Messages never contain field values or the body.
    init(_ request: HTTPRequest, body: [UInt8]?, userAgent: String) throws(SsoError) {
        guard let scheme = request.scheme, let authority = request.authority, let path = request.path,
            path.utf8.first == UInt8(ascii: "/")
        else {
            throw SsoError(.httpTransportFailed, "the request has no scheme, authority or absolute path")
        }
        let url = try EndpointURL(
            "\(scheme)://\(authority)\(path)", field: "the request URL", invalid: .httpTransportFailed,
            insecure: .httpTransportFailed)
        self.init(url: url.text)
        method = HTTPMethod(rawValue: request.method.rawValue)
        var headers = HTTPHeaders()
        for field in request.headerFields {
            guard !Self.ownedFields.contains(where: { $0.canonicalName.bytesEqual(field.name.canonicalName) }) else {
                continue
            }
            guard HTTPField.isValidValue(field.value) else {
                throw SsoError(
                    .httpTransportFailed, "the request field \(field.name.canonicalName) has an invalid value")
            }
            headers.add(name: field.name.rawName, value: field.value)
        }
        if request.headerFields[.userAgent] == nil {
            headers.add(name: "User-Agent", value: userAgent)
        }
        self.headers = headers
        if let body {
            self.body = .bytes(ByteBuffer(bytes: body))
        }
    }
}
