import Foundation
import SsoTestSupport

/// A TCP socket on 127.0.0.1 that accepts connections (through the kernel backlog) and never
/// answers: the shape of a hung directory server.
final class SilentListener: @unchecked Sendable {
    let descriptor: Int32
    let port: Int

    init() throws {
        (descriptor, port) = try Self.bind(listen: true)
    }

    func close() {
        _ = Foundation.close(descriptor)
    }

    deinit { close() }

    /// A port on 127.0.0.1 with nothing listening (bound, then closed).
    static func closedPort() throws -> Int {
        let (descriptor, port) = try bind(listen: false)
        _ = Foundation.close(descriptor)
        return port
    }

    private static func bind(listen shouldListen: Bool) throws -> (Int32, Int) {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw LDAPTestServer.FixtureError("socket() failed") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                Foundation.bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard bound == 0, !shouldListen || listen(descriptor, 16) == 0 else {
            _ = Foundation.close(descriptor)
            throw LDAPTestServer.FixtureError("bind/listen failed")
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        return (descriptor, Int(UInt16(bigEndian: address.sin_port)))
    }
}
