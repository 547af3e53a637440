import CZlib
import SsoCore

/// Raw DEFLATE (RFC 1951, no zlib header), as SAML's HTTP-Redirect binding requires.
package enum RawDeflate {
    /// Compresses `input` at the best compression level.
    package static func compress(_ input: [UInt8]) throws(SsoError) -> [UInt8] {
        var stream = z_stream()
        let initResult = deflateInit2_(
            &stream, Z_BEST_COMPRESSION, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY,
            ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)
        )
        guard initResult == Z_OK else {
            throw SsoError(.samlRequestEncodingFailed, "zlib could not be initialised for DEFLATE")
        }
        defer { deflateEnd(&stream) }
        let bound = Int(deflateBound(&stream, UInt(input.count)))
        var output = [UInt8](repeating: 0, count: bound + 16)
        var input = input
        let result: Int32 = input.withUnsafeMutableBufferPointer { source in
            output.withUnsafeMutableBufferPointer { destination in
                stream.next_in = source.baseAddress
                stream.avail_in = UInt32(source.count)
                stream.next_out = destination.baseAddress
                stream.avail_out = UInt32(destination.count)
                return deflate(&stream, Z_FINISH)
            }
        }
        guard result == Z_STREAM_END else {
            throw SsoError(.samlRequestEncodingFailed, "DEFLATE compression failed")
        }
        output.removeSubrange(Int(stream.total_out)...)
        return output
    }

    /// Inflates raw DEFLATE `input`, refusing more than `maxOutput` bytes of output.
    package static func decompress(_ input: [UInt8], maxOutput: Int = 256 * 1024) throws(SsoError) -> [UInt8] {
        var stream = z_stream()
        guard inflateInit2_(&stream, -15, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw SsoError(.samlInputInvalid, "zlib could not be initialised for inflate")
        }
        defer { inflateEnd(&stream) }
        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 16 * 1024)
        var input = input
        var status: Int32 = Z_OK
        input.withUnsafeMutableBufferPointer { source in
            stream.next_in = source.baseAddress
            stream.avail_in = UInt32(source.count)
            while status == Z_OK, output.count <= maxOutput {
                let produced: Int = chunk.withUnsafeMutableBufferPointer { buffer in
                    stream.next_out = buffer.baseAddress
                    stream.avail_out = UInt32(buffer.count)
                    status = inflate(&stream, Z_NO_FLUSH)
                    return buffer.count - Int(stream.avail_out)
                }
                output.append(contentsOf: chunk[0..<produced])
                if produced == 0, status == Z_OK { status = Z_BUF_ERROR }
            }
        }
        guard status == Z_STREAM_END, output.count <= maxOutput else {
            throw SsoError(.samlInputInvalid, "the DEFLATE data is invalid or inflates beyond \(maxOutput) bytes")
        }
        return output
    }
}
