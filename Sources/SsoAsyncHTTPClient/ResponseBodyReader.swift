import AsyncHTTPClient
import NIOCore
import SsoCore

/// Reads a response body up to a limit, and no further.
enum ResponseBodyReader {
    /// The body's bytes. Throws `http.response_too_large` before reading when `declaredLength`
    /// is over `maxBytes`, and as soon as more than `maxBytes` arrived otherwise; leaving the
    /// sequence early makes AsyncHTTPClient cancel the request and close the connection.
    static func collect<Body: AsyncSequence>(_ body: Body, declaredLength: Int?, maxBytes: Int) async throws
        -> [UInt8] where Body.Element == ByteBuffer
    {
        if let declaredLength, declaredLength > maxBytes {
            throw tooLarge(maxBytes)
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(min(declaredLength ?? 0, maxBytes))
        for try await chunk in body {
            guard chunk.readableBytes <= maxBytes - bytes.count else {
                throw tooLarge(maxBytes)
            }
            bytes.append(contentsOf: chunk.readableBytesView)
        }
        return bytes
    }

    private static func tooLarge(_ maxBytes: Int) -> SsoError {
        SsoError(.httpResponseTooLarge, "the response is larger than the limit of \(maxBytes) bytes")
    }
}
