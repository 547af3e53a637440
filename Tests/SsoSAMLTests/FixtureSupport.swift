import Foundation
import SsoCore
import SsoSAML

/// Access to `Fixtures/saml/` (made by `scripts/make-saml-fixtures`) for the metadata and SP tests.
enum SAMLFixtures {
    /// The identity providers with a metadata.xml, response.xml and settings.json each.
    static let idps = ["entra-id", "okta", "google-workspace", "onelogin", "pingfederate", "adfs", "auth0"]
    /// Every fixture folder with metadata.
    static let allWithMetadata = idps + ["rollover", "encrypted", "sha1", "weak-key"]

    static var root: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Fixtures/saml")
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    static func bytes(_ path: String) throws -> [UInt8] {
        let url = root.appendingPathComponent(path)
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw Failure(description: "missing fixture \(url.path)")
        }
        return Array(data)
    }

    static func text(_ path: String) throws -> String {
        String(decoding: try bytes(path), as: UTF8.self)
    }

    static func json(_ path: String) throws -> [String: Any] {
        guard let object = try JSONSerialization.jsonObject(with: Data(try bytes(path))) as? [String: Any] else {
            throw Failure(description: "\(path) is not a JSON object")
        }
        return object
    }

    /// The fixed `now` of a fixture's settings.json.
    static func now(_ idp: String) throws -> Date {
        guard let text = try json("\(idp)/settings.json")["now"] as? String, let date = Timestamp.parse(text) else {
            throw Failure(description: "\(idp)/settings.json has no now")
        }
        return date
    }

    /// The fixed instant of every fixture.
    static let fixedNow = Date(timeIntervalSince1970: 1_774_785_600)  // 2026-03-29T12:00:00Z
}

/// A random source that returns a fixed pattern (for deterministic request IDs).
struct SPPatternRandom: RandomSource {
    var byte: UInt8 = 0xAB
    func bytes(_ count: Int) -> [UInt8] { (0..<count).map { UInt8(truncatingIfNeeded: Int(byte) &+ $0) } }
}
