import Foundation

/// The fuzz targets, one per entry point that sees untrusted input. The raw value is the name
/// `scripts/fuzz` takes and the folder under `Fuzz/regressions/`.
public enum FuzzTarget: String, CaseIterable, Sendable {
    case jws = "jws"
    case jwks = "jwks"
    case discovery = "discovery"
    case samlResponse = "saml-response"
    case samlMetadata = "saml-metadata"
    case samlEncrypted = "saml-encrypted"
    case ldapEscape = "ldap-escape"
    case domain = "domain"
}

/// A property that did not hold for an input: what a fuzzer reports as a crash and a regression
/// test reports as a failure.
public struct PropertyViolation: Error, CustomStringConvertible, Sendable {
    public let description: String
    public init(_ description: String) { self.description = description }
}

/// Throws a ``PropertyViolation`` unless `condition` holds.
@inline(__always)
func require(_ condition: Bool, _ message: @autoclosure () -> String) throws(PropertyViolation) {
    if !condition { throw PropertyViolation(message()) }
}

/// Checks the properties of one target for one input. Inputs the code under test rejects are
/// fine (that is most of them); a violation means a crash-worthy bug.
public enum FuzzOracle {
    public static func check(_ target: FuzzTarget, _ input: [UInt8]) throws(PropertyViolation) {
        switch target {
        case .jws: try JOSEOracles.checkJWS(input)
        case .jwks: try JOSEOracles.checkJWKS(input)
        case .discovery: try DiscoveryOracle.check(input)
        case .samlResponse: try SAMLOracles.checkResponse(input)
        case .samlMetadata: try SAMLOracles.checkMetadata(input)
        case .samlEncrypted: try SAMLOracles.checkEncrypted(input)
        case .ldapEscape: try LDAPOracle.check(input)
        case .domain: try DomainOracle.check(input)
        }
    }
}

/// What the libFuzzer entry points call.
public enum FuzzHarness {
    public static func run(_ target: FuzzTarget, _ buffer: UnsafeBufferPointer<UInt8>) -> CInt {
        do {
            try FuzzOracle.check(target, Array(buffer))
        } catch {
            // A violated property is a bug: crash so libFuzzer saves the input.
            FileHandleOutput.standardError("property violated (\(target.rawValue)): \(error.description)\n")
            abort()
        }
        return 0
    }
}
