import Foundation
import SsoCore

/// The JSON a durable store keeps in a row: sorted keys (stable bytes), secrets sealed with
/// the row's sealer.
package enum StoredJSON {
    package static func encode<T: Encodable>(_ value: T, sealer: (any SecretSealing)? = nil) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        if let sealer { encoder.userInfo[.ssoSecretSealer] = sealer }
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    package static func decode<T: Decodable>(
        _ type: T.Type, from text: String, sealer: (any SecretSealing)? = nil
    ) throws -> T {
        let decoder = JSONDecoder()
        if let sealer { decoder.userInfo[.ssoSecretSealer] = sealer }
        do {
            return try decoder.decode(type, from: Data(text.utf8))
        } catch let error as SsoError {
            throw error
        } catch {
            throw SsoError(.storeFailed, "a stored \(T.self) could not be read", underlying: error)
        }
    }
}

extension Date {
    /// The column form of a date: seconds since 2001, the `Double` a `Date` holds, so columns
    /// compare exactly as the dates do.
    package var storedSeconds: Double { timeIntervalSinceReferenceDate }
}
