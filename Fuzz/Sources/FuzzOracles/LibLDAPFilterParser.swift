import Foundation

/// libldap's own filter parser, reached through `dlsym`: `ldap_pvt_put_filter` (exported by
/// libldap 2.5, declared only in its private header) turns an RFC 4515 string into the BER of a
/// SearchRequest filter, which is decoded here. `ldap_bv2escaped_filter_value` is libldap's
/// escaper, for comparison. Loaded at run time so neither this package nor the tests need a C
/// target for a private declaration.
enum LibLDAPFilterParser {
    typealias PutFilter = @convention(c) (OpaquePointer?, UnsafePointer<CChar>?) -> CInt
    typealias BerAlloc = @convention(c) (CInt) -> OpaquePointer?
    typealias BerFlatten = @convention(c) (OpaquePointer?, UnsafeMutablePointer<UnsafeMutableRawPointer?>?) -> CInt
    typealias BerFree = @convention(c) (OpaquePointer?, CInt) -> Void
    typealias BvFree = @convention(c) (UnsafeMutableRawPointer?) -> Void
    typealias Escape = @convention(c) (UnsafeRawPointer?, UnsafeMutableRawPointer?) -> CInt
    typealias MemFree = @convention(c) (UnsafeMutableRawPointer?) -> Void

    struct Functions: @unchecked Sendable {
        let putFilter: PutFilter
        let berAlloc: BerAlloc
        let berFlatten: BerFlatten
        let berFree: BerFree
        let bvFree: BvFree
        let escape: Escape
        let memFree: MemFree
    }

    static let functions = Lazy<Functions> {
        var handle: UnsafeMutableRawPointer?
        for name in ["libldap.so.2", "libldap-2.5.so.0", "libldap.so"] where handle == nil {
            handle = dlopen(name, RTLD_NOW | RTLD_GLOBAL)
        }
        guard let handle else { throw PropertyViolation("cannot load libldap") }
        func symbol<T>(_ name: String, as type: T.Type) throws -> T {
            guard let pointer = dlsym(handle, name) else { throw PropertyViolation("libldap has no \(name)") }
            return unsafeBitCast(pointer, to: type)
        }
        return Functions(
            putFilter: try symbol("ldap_pvt_put_filter", as: PutFilter.self),
            berAlloc: try symbol("ber_alloc_t", as: BerAlloc.self),
            berFlatten: try symbol("ber_flatten", as: BerFlatten.self),
            berFree: try symbol("ber_free", as: BerFree.self),
            bvFree: try symbol("ber_bvfree", as: BvFree.self),
            escape: try symbol("ldap_bv2escaped_filter_value", as: Escape.self),
            memFree: try symbol("ber_memfree", as: MemFree.self))
    }

    /// One parsed filter component: its BER tag and, for an equality match, attribute and value.
    struct Parsed: Equatable {
        var tag: UInt8
        var attribute: [UInt8]
        var value: [UInt8]
        /// Bytes left after the first filter element (must be none).
        var trailing: Int
    }

    /// Parses `filter` with libldap; nil when libldap refuses it.
    static func parse(_ filter: String) throws(PropertyViolation) -> Parsed? {
        let f = try functions.get()
        guard let ber = f.berAlloc(1 /* LBER_USE_DER */) else { throw PropertyViolation("ber_alloc_t failed") }
        defer { f.berFree(ber, 1) }
        let status = filter.withCString { f.putFilter(ber, $0) }
        guard status == 0 else { return nil }
        var flat: UnsafeMutableRawPointer?
        guard f.berFlatten(ber, &flat) == 0, let flat else { throw PropertyViolation("ber_flatten failed") }
        defer { f.bvFree(flat) }
        // struct berval { ber_len_t bv_len; char *bv_val; }
        let length = Int(flat.load(as: UInt.self))
        guard let base = flat.load(fromByteOffset: MemoryLayout<UInt>.stride, as: UnsafeRawPointer?.self) else {
            throw PropertyViolation("ber_flatten returned no bytes")
        }
        let bytes = Array(UnsafeRawBufferPointer(start: base, count: length))
        return decodeEquality(bytes)
    }

    /// libldap's escaping of `value` (for comparison with ours).
    static func libldapEscape(_ value: [UInt8]) throws(PropertyViolation) -> [UInt8] {
        let f = try functions.get()
        let escaped = value.withUnsafeBytes { raw -> [UInt8]? in
            var input = (UInt(raw.count), UnsafeMutableRawPointer(mutating: raw.baseAddress))
            var output: (UInt, UnsafeMutableRawPointer?) = (0, nil)
            let status = withUnsafeMutablePointer(to: &input) { inputPointer in
                withUnsafeMutablePointer(to: &output) {
                    f.escape(UnsafeRawPointer(inputPointer), UnsafeMutableRawPointer($0))
                }
            }
            guard status == 0 else { return nil }
            defer { f.memFree(output.1) }
            guard let start = output.1 else { return [] }
            return Array(UnsafeRawBufferPointer(start: start, count: Int(output.0)))
        }
        guard let escaped else { throw PropertyViolation("ldap_bv2escaped_filter_value failed for \(value)") }
        return escaped
    }

    /// Decodes `[tag][len] ( [04][len] attribute [04][len] value )` — the shape of an equality,
    /// approx, >=, <= match — or reports only the tag for anything else.
    static func decodeEquality(_ bytes: [UInt8]) -> Parsed? {
        var reader = BERReader(bytes: bytes)
        guard let (tag, content) = reader.element() else { return nil }
        var parsed = Parsed(tag: tag, attribute: [], value: [], trailing: reader.remaining)
        guard tag == 0xA3 else { return parsed }
        var inner = BERReader(bytes: content)
        guard let (attributeTag, attribute) = inner.element(), attributeTag == 0x04,
            let (valueTag, value) = inner.element(), valueTag == 0x04, inner.remaining == 0
        else { return nil }
        parsed.attribute = attribute
        parsed.value = value
        return parsed
    }

    struct BERReader {
        let bytes: [UInt8]
        var offset = 0
        var remaining: Int { bytes.count - offset }

        mutating func element() -> (UInt8, [UInt8])? {
            guard offset + 2 <= bytes.count else { return nil }
            let tag = bytes[offset]
            var length = Int(bytes[offset + 1])
            offset += 2
            if length & 0x80 != 0 {
                let count = length & 0x7F
                guard count > 0, count <= 4, offset + count <= bytes.count else { return nil }
                length = 0
                for byte in bytes[offset..<(offset + count)] { length = length << 8 | Int(byte) }
                offset += count
            }
            guard length <= bytes.count - offset else { return nil }
            let content = Array(bytes[offset..<(offset + length)])
            offset += length
            return (tag, content)
        }
    }
}
