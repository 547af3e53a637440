import Foundation

/// The `ssoctl` executable the CLI contract tests run: the one SwiftPM built into the same folder
/// as the test bundle (`swift build --build-tests` builds both).
///
/// The only place tests look for it; every `ssoctl` test runs this file.
public enum SsoCtlBinary {
    /// The built `ssoctl`. On Linux the test runner is an executable in the build folder; on
    /// macOS it is a `.xctest` bundle inside it.
    public static let url: URL = executable(named: "ssoctl")

    /// Another executable of this package, built into the same folder (e.g. `SsoStoreWorkload`).
    public static func executable(named name: String) -> URL {
        directory.appendingPathComponent(name)
    }

    /// The build folder, looked up once: `Bundle.allBundles` allocates anew on every call.
    private static let directory: URL = {
        let bundle = Bundle.allBundles.first { $0.bundleURL.pathExtension == "xctest" }?.bundleURL
        let main = Bundle.main.bundleURL
        return bundle?.deletingLastPathComponent()
            ?? (main.pathExtension == "xctest" ? main.deletingLastPathComponent() : main)
    }()

    /// ``url`` as a file-system path.
    public static var path: String { url.path }
}
