import Foundation
import Testing
@testable import SsoJOSE

@Suite("Compact JWS parsing")
struct JWSParseTests {
    private let payload = TestSupport.b64(#"{"sub":"a"}"#)
    private let signature = Base64URL.encode([UInt8](repeating: 7, count: 64))

    private func token(header: String) -> String {
        TestSupport.b64(header) + "." + payload + "." + signature
    }

    @Test func keepsExactSigningInput() throws {
        let header = TestSupport.b64("{\"alg\":\"ES256\",\r\n \"kid\":\"k\"}")
        let jws = try JWS.parse(header + "." + payload + "." + signature)
        #expect(jws.signingInput == Array((header + "." + payload).utf8))
        #expect(jws.header.algorithm == .es256)
        #expect(jws.header.keyID == "k")
        #expect(try jws.claimsSet()["sub"]?.stringValue == "a")
        #expect(jws.encodedPayload == payload)
        #expect(jws.signature.count == 64)
    }

    @Test(arguments: [
        "a.b", "a.b.c.d", ".b.c", "..", "", "abc", "a.b.c.", ".a.b.c",
    ])
    func rejectsWrongStructure(_ text: String) {
        #expect(errorCode { try JWS.parse(text) } == .joseTokenMalformed)
    }

    @Test func rejectsUnsignedTokensWithEmptySignature() {
        let header = TestSupport.b64(#"{"alg":"ES256"}"#)
        #expect(errorCode { try JWS.parse(header + "." + payload + ".") } == .joseTokenMalformed)
    }

    @Test func rejectsNonStrictBase64URL() {
        let header = TestSupport.b64(#"{"alg":"ES256"}"#)
        let variants = [
            header + "=." + payload + "." + signature,  // padding
            header + "." + payload + "." + signature + "==",
            header + "." + payload + "." + signature.replacingOccurrences(of: "H", with: "+"),  // standard alphabet
            header + "." + payload + "." + "/" + signature.dropFirst(),
            header + " ." + payload + "." + signature,  // whitespace
            header + "." + payload + ".\n" + signature,
            header + "." + payload + "." + signature.dropLast(),  // truncated (non-canonical tail)
            header + "." + payload + "." + "A",  // impossible length
            header + "." + payload + "xx." + signature,
        ]
        for variant in variants {
            #expect(errorCode { try JWS.parse(variant) } == .joseTokenBase64, "\(variant)")
        }
    }

    @Test func rejectsOversizeTokenBeforeParsing() {
        let huge = String(repeating: "A", count: 16 * 1024 + 1)
        #expect(errorCode { try JWS.parse(huge) } == .joseTokenTooLarge)
        let limits = JOSELimits(maxTokenBytes: 32)
        #expect(errorCode { try JWS.parse(token(header: #"{"alg":"ES256"}"#), limits: limits) } == .joseTokenTooLarge)
    }

    @Test func rejectsDeeplyNestedHeaderOrPayload() {
        let nested = String(repeating: "[", count: 40) + String(repeating: "]", count: 40)
        #expect(errorCode { try JWS.parse(token(header: #"{"alg":"ES256","x":\#(nested)}"#)) } == .joseJSONTooDeep)
        let deepPayload = TestSupport.b64(#"{"a":\#(nested)}"#)
        let text = TestSupport.b64(#"{"alg":"ES256"}"#) + "." + deepPayload + "." + signature
        // The payload is only JSON to the JWT layer, which applies the same limit.
        #expect(errorCode { try JWS.parse(text).claimsSet() } == .joseJSONTooDeep)
    }

    @Test func rejectsDuplicateMembersInHeaderAndPayload() {
        #expect(
            errorCode { try JWS.parse(token(header: #"{"alg":"ES256","alg":"HS256"}"#)) }
                == .joseJSONDuplicateMember)
        let dupPayload = TestSupport.b64(#"{"sub":"a","sub":"admin"}"#)
        let text = TestSupport.b64(#"{"alg":"ES256"}"#) + "." + dupPayload + "." + signature
        #expect(errorCode { try JWS.parse(text).claimsSet() } == .joseJSONDuplicateMember)
    }

    @Test(arguments: [#""none""#, #""None""#, #""NONE""#, #""nOnE""#, #"" none ""#])
    func rejectsAlgNoneInEverySpelling(_ alg: String) {
        #expect(errorCode { try JWS.parse(token(header: #"{"alg":\#(alg)}"#)) } == .joseAlgNone)
        let unsigned = TestSupport.b64(#"{"alg":\#(alg)}"#) + "." + payload + "."
        #expect(errorCode { try JWS.parse(unsigned) } == .joseAlgNone)
    }

    @Test(arguments: [
        #"{"alg":"RS1"}"#, #"{"alg":"rs256"}"#, #"{"alg":"ES256K"}"#, #"{"alg":"HS1"}"#,
        #"{"alg":""}"#, #"{"typ":"JWT"}"#,
    ])
    func rejectsUnknownOrMissingAlgorithms(_ header: String) {
        #expect(errorCode { try JWS.parse(token(header: header)) } == .joseAlgUnsupported)
    }

    @Test(arguments: [
        #"{"alg":1}"#, #"{"alg":"ES256","kid":5}"#, #"{"alg":"ES256","typ":null}"#, #"["alg"]"#,
        #""ES256""#,
    ])
    func rejectsMistypedHeaders(_ header: String) {
        #expect(errorCode { try JWS.parse(token(header: header)) } == .joseHeaderInvalid)
    }

    /// Found by a black-box audit: these were read with the member ignored.
    @Test(arguments: [
        #"{"alg":"ES256","b64":false}"#, #"{"alg":"ES256","b64":"false"}"#, #"{"alg":"ES256","b64":null}"#,
        #"{"alg":"ES256","zip":"DEF"}"#, #"{"alg":"ES256","enc":"A128GCM"}"#,
    ])
    func rejectsUnencodedPayloadAndJWEMembers(_ header: String) {
        #expect(errorCode { try JWS.parse(token(header: header)) } == .joseHeaderInvalid)
    }

    @Test func acceptsTheDefaultB64() throws {
        #expect(try JWS.parse(token(header: #"{"alg":"ES256","b64":true}"#)).header.algorithm == .es256)
    }

    @Test(arguments: [
        #"{"alg":"ES256","crit":["exp"],"exp":1}"#,
        #"{"alg":"ES256","crit":["b64"],"b64":false}"#,
        #"{"alg":"ES256","crit":[]}"#,
        #"{"alg":"ES256","crit":"exp","exp":1}"#,
        #"{"alg":"ES256","crit":["missing"]}"#,
        #"{"alg":"ES256","crit":["x","x"],"x":1}"#,
    ])
    func rejectsCriticalHeaders(_ header: String) {
        #expect(errorCode { try JWS.parse(token(header: header)) } == .joseHeaderCrit)
    }

    /// RFC 7515 payloads are arbitrary bytes: the JWS layer parses them all; only the JWT layer
    /// (`claimsSet`) wants a JSON object, with the codes ID-token validation always gave.
    @Test(arguments: [
        ("\"text\"", SsoError.Code.josePayloadInvalid), ("[1]", .josePayloadInvalid), ("42", .josePayloadInvalid),
        ("Payload", .joseJSONInvalid), ("{\"a\":1,\"a\":2}", .joseJSONDuplicateMember),
    ])
    func parsesAnyPayloadButOnlyObjectsAreClaims(_ body: String, _ jwtCode: SsoError.Code) throws {
        let text = TestSupport.b64(#"{"alg":"ES256"}"#) + "." + TestSupport.b64(body) + "." + signature
        let jws = try JWS.parse(text)
        #expect(jws.payload == Array(body.utf8))
        #expect(errorCode { try jws.claimsSet() } == jwtCode)
    }

    @Test func parsesAnEmptyPayload() throws {
        let header = TestSupport.b64(#"{"alg":"ES256"}"#)
        let jws = try JWS.parse(header + ".." + signature)
        #expect(jws.payload.isEmpty)
        #expect(jws.encodedPayload.isEmpty)
        #expect(jws.signingInput == Array((header + ".").utf8))
        #expect(errorCode { try jws.claimsSet() } == .joseTokenMalformed)
    }

    @Test func recordsButNeverUsesEmbeddedKeyReferences() throws {
        let header =
            #"{"alg":"ES256","jku":"https://evil/jwks","x5u":"https://evil/c","jwk":{"kty":"EC"},"x5c":["AA=="]}"#
        let jws = try JWS.parse(token(header: header))
        #expect(Set(jws.header.ignoredKeyReferences) == ["jku", "x5u", "jwk", "x5c"])
    }
}
