import Foundation
import Hummingbird
import Sso
import SsoCore

/// Request and response bodies of the admin API: JSON in, sorted-key JSON out, and the status
/// of each error code.
enum SsoAdminJSON {
    /// `value` as a 200 JSON response.
    static func ok(_ value: some Encodable) throws -> Response {
        try response(value, status: .ok)
    }

    /// `value` as a JSON response with `status`.
    static func response(_ value: some Encodable, status: HTTPResponse.Status) throws -> Response {
        let data = try JSONEncoder.sortedKeys.encode(value)
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }

    static func noContent() -> Response {
        Response(status: .noContent, headers: [.cacheControl: "no-store"])
    }

    static func error(_ error: SsoError, status: HTTPResponse.Status) -> Response {
        SsoErrorResponse.json(error, status: status)
    }

    private static var headers: HTTPFields {
        [.contentType: "application/json; charset=utf-8", .cacheControl: "no-store"]
    }

    /// The body of `request` as `type`, read up to `limit` bytes.
    /// - Throws: `http.request_too_large`; `http.request_invalid` for a body that is not JSON;
    ///   `invalid` (422) naming the field for JSON of the wrong shape; the engine's own codes
    ///   for values it refuses while decoding.
    static func decode<T: Decodable>(
        _ type: T.Type, from request: Request, limit: Int, invalid: SsoError.Code
    ) async throws -> T {
        if let length = request.headers[.contentLength].flatMap({ Int($0) }), length > limit {
            throw SsoError(.requestTooLarge, "the request body is too large (at most \(limit) bytes)")
        }
        var request = request
        let buffer = try await request.collectBody(upTo: limit)
        do {
            return try JSONDecoder().decode(type, from: Data(buffer.readableBytesView))
        } catch let error as SsoError {
            throw error
        } catch let error as DecodingError {
            throw refusal(error, invalid: invalid)
        } catch {
            throw SsoError(.requestInvalid, "the request body is not valid JSON")
        }
    }

    /// A decoding failure as an error naming the field; one with no field is a syntax error.
    static func refusal(_ error: DecodingError, invalid: SsoError.Code) -> SsoError {
        func field(_ path: [any CodingKey]) -> String {
            var text = ""
            for key in path {
                if let index = key.intValue {
                    text += "[\(index)]"
                } else {
                    text += (text.isEmpty ? "" : ".") + key.stringValue
                }
            }
            return text.isEmpty ? "body" : text
        }
        switch error {
        case .keyNotFound(let key, let context):
            return SsoError(invalid, "\(field(context.codingPath + [key])): is required")
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return SsoError(invalid, "\(field(context.codingPath)): has the wrong type")
        case .dataCorrupted(let context) where !context.codingPath.isEmpty:
            return SsoError(invalid, "\(field(context.codingPath)): is not a valid value")
        default:
            return SsoError(.requestInvalid, "the request body is not valid JSON")
        }
    }

    /// The status of an admin error: 422 for refused parameters, 404 for unknown ids (sessions
    /// included: to the admin API an unknown session is a missing resource, not a sign-in to redo).
    static func status(for code: SsoError.Code) -> HTTPResponse.Status {
        if code.rawValue.hasSuffix(".invalid_params") { return .unprocessableContent }
        if let status = statuses[code.rawValue] { return status }
        return SsoErrorResponse.status(for: code)
    }

    private static let statuses: [String: HTTPResponse.Status] = [
        "session.not_found": .notFound, "config.not_found": .notFound, "connection.not_found": .notFound,
        "routing.domain_conflict": .conflict, "connection.limit_reached": .conflict,
        "admin.unauthorized": .unauthorized, "admin.csrf_invalid": .forbidden, "store.unavailable": .serviceUnavailable,
        "http.request_invalid": .badRequest, "http.request_too_large": .contentTooLarge,
    ]
}
