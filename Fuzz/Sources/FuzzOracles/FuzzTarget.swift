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
    /// For tests and other async callers: the SAML validator is awaited, never waited for, so
    /// this is safe on the cooperative pool.
    public static func check(_ target: FuzzTarget, _ input: [UInt8]) async throws(PropertyViolation) {
        switch target {
        case .samlResponse: try await SAMLOracles.checkResponse(input)
        case .samlEncrypted: try await SAMLOracles.checkEncrypted(input)
        default: try checkSynchronousTarget(target, input)
        }
    }

    /// For the fuzzer's own (non-pool) thread: the SAML targets block until validation is done.
    /// Never call this from a task: blocking a cooperative thread can starve the pool.
    public static func checkSynchronously(_ target: FuzzTarget, _ input: [UInt8]) throws(PropertyViolation) {
        switch target {
        case .samlResponse: try SAMLOracles.checkResponseBlocking(input)
        case .samlEncrypted: try SAMLOracles.checkEncryptedBlocking(input)
        default: try checkSynchronousTarget(target, input)
        }
    }

    /// Loads everything a target's checks read (fixtures, libldap symbols) up front.
    public static func prepare(_ target: FuzzTarget) throws(PropertyViolation) {
        switch target {
        case .jws: _ = try JOSEOracles.context.get()
        case .jwks: break
        case .discovery: _ = try DiscoveryOracle.issuers.get()
        case .samlResponse: _ = try SAMLOracles.responseFixtures.get()
        case .samlMetadata: _ = try SAMLOracles.fixedNow.get()
        case .samlEncrypted: _ = try SAMLOracles.encryptedFixture.get()
        case .ldapEscape: _ = try LibLDAPFilterParser.functions.get()
        case .domain: break
        }
    }

    private static func checkSynchronousTarget(_ target: FuzzTarget, _ input: [UInt8]) throws(PropertyViolation) {
        switch target {
        case .jws: try JOSEOracles.checkJWS(input)
        case .jwks: try JOSEOracles.checkJWKS(input)
        case .discovery: try DiscoveryOracle.check(input)
        case .samlMetadata: try SAMLOracles.checkMetadata(input)
        case .ldapEscape: try LDAPOracle.check(input)
        case .domain: try DomainOracle.check(input)
        case .samlResponse, .samlEncrypted: throw PropertyViolation("\(target.rawValue) is checked asynchronously")
        }
    }
}
