import Foundation
import Testing

/// Replays every committed fuzzer finding (`Fuzz/regressions/TARGET/*`) through the same
/// property checks the fuzz targets run, so a fixed bug stays fixed without a fuzzer.
@Suite struct RegressionReplayTests {
    static let regressions = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fuzz/regressions")

    static func folder(_ target: FuzzTarget) -> URL {
        regressions.appendingPathComponent(target.rawValue)
    }

    static func inputs(_ target: FuzzTarget) -> [URL] {
        let folder = folder(target)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { !$0.hasPrefix(".") && $0 != "README.md" }.sorted().map {
            folder.appendingPathComponent($0)
        }
    }

    /// Every target's folder holds at least one input (a finding or a `seed-*`), so this test
    /// never passes without running the target's oracle.
    @Test(arguments: FuzzTarget.allCases)
    func replaysRegressions(_ target: FuzzTarget) async throws {
        var replayed = 0
        for url in Self.inputs(target) {
            let input = Array(try Data(contentsOf: url))
            await #expect(throws: Never.self, "\(target.rawValue)/\(url.lastPathComponent)") {
                try await FuzzOracle.check(target, input)
            }
            replayed += 1
        }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: Self.folder(target).path, isDirectory: &isDirectory),
            isDirectory.boolValue
        {
            #expect(replayed >= 1, "Fuzz/regressions/\(target.rawValue) holds no input: add a seed (see its README)")
        }
    }

    @Test func theMetadataFindingIsReplayed() {
        #expect(Self.inputs(.samlMetadata).contains { $0.lastPathComponent == "ed25519-signing-certificate.xml" })
    }

    @Test func everyTargetHasARegressionFolder() {
        for target in FuzzTarget.allCases {
            var isDirectory: ObjCBool = false
            let path = Self.regressions.appendingPathComponent(target.rawValue).path
            #expect(
                FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue,
                "\(path)")
        }
    }
}
