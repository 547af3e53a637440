import ArgumentParser
import Foundation
import SsoSAML

struct SAMLMetadataCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "metadata", abstract: "Print parsed IdP metadata as JSON.")

    @Option(name: .long, help: "The IdP metadata XML file ('-' for standard input).")
    var file: String

    @Option(name: .customLong("entity-id"), help: "The entity to pick from an EntitiesDescriptor.")
    var entityID: String?

    @Option(
        name: .customLong("metadata-cert"),
        help: "A PEM certificate the metadata must be signed with (repeatable; default: signature not checked).")
    var metadataCerts: [String] = []

    func run() async throws {
        do {
            let bytes = try CommandOutput.readInput(file)
            var options = IdPMetadata.ParseOptions()
            for path in metadataCerts {
                let pem = String(decoding: try CommandOutput.readInput(path, limit: 256 * 1024), as: UTF8.self)
                options.signingCertificates.append(try SAMLCertificate(pem: pem))
            }
            let metadata = try IdPMetadata.parse(bytes, entityID: entityID, now: SystemClock().now, options: options)
            CommandOutput.succeed(Self.json(metadata))
        } catch {
            throw CommandOutput.reject(error)
        }
    }

    static func json(_ metadata: IdPMetadata) -> [String: Any] {
        func endpoints(_ list: [SAMLEndpoint]) -> [[String: Any]] {
            list.map { ["binding": $0.binding, "location": $0.location] }
        }
        func certificates(_ list: [SAMLCertificate]) -> [[String: Any]] {
            list.map {
                [
                    "sha256Fingerprint": $0.sha256Fingerprint,
                    "subject": $0.subject,
                    "notValidBefore": Timestamp.format($0.notValidBefore),
                    "notValidAfter": Timestamp.format($0.notValidAfter),
                ]
            }
        }
        return [
            "entityID": metadata.entityID,
            "ssoServices": endpoints(metadata.ssoServices),
            "sloServices": endpoints(metadata.sloServices),
            "nameIDFormats": metadata.nameIDFormats,
            "signingCertificates": certificates(metadata.signingCertificates),
            "encryptionCertificates": certificates(metadata.encryptionCertificates),
            "validUntil": metadata.validUntil.map { Timestamp.format($0) as Any } ?? NSNull(),
        ]
    }
}
