import AsyncHTTPClient
import HTTPTypes
import NIOHTTP1

extension HTTPResponse {
    /// The head of an AsyncHTTPClient response, nil for a status outside 100...999. A field whose
    /// name is not an HTTP token is dropped (NIO's parser already refuses those); values are
    /// legalized by swift-http-types.
    init?(_ response: HTTPClientResponse) {
        let code = Int(response.status.code)
        guard (100...999).contains(code) else { return nil }
        var fields = HTTPFields()
        for (name, value) in response.headers {
            guard let fieldName = HTTPField.Name(name) else { continue }
            fields.append(HTTPField(name: fieldName, value: value))
        }
        self.init(status: HTTPResponse.Status(code: code), headerFields: fields)
    }

    /// The declared body length, when the head gives exactly one valid `Content-Length`.
    var declaredContentLength: Int? {
        let values = headerFields[values: .contentLength]
        guard values.count == 1, let value = values.first, !value.isEmpty, value.utf8.count <= 18,
            value.utf8.allSatisfy({ (0x30...0x39).contains($0) })
        else { return nil }
        return Int(value)
    }
}
