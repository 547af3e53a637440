import Testing
@testable import SsoJOSE

/// Published examples (public test keys): RFC 7515 Appendix A, RFC 7520 §4, RFC 8037 Appendix A.4.
/// Their JSON contains CR LF; verification is over the exact encoded bytes.
@Suite("RFC 7515 / 7520 / 8037 examples")
struct RFCVectorTests {
    static let a1Payload =
        "eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ"
    static let a1Token =
        "eyJ0eXAiOiJKV1QiLA0KICJhbGciOiJIUzI1NiJ9." + a1Payload + ".dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"
    static let a1Key = "AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr_T-1qS0gZH75aKtMN3Yj0iPS4hcgUuTwjAzZr1Z9CAow"

    static let a2Token =
        "eyJhbGciOiJSUzI1NiJ9." + a1Payload + "."
        + "cC4hiUPoj9Eetdgtv3hF80EGrhuB__dzERat0XF9g2VtQgr9PJbu3XOiZj5RZmh7AAuHIm4Bh-0Qc_lF5YKt_O8W2Fp5jujGbds9uJdbF9CUAr7t1dnZcAcQjbKBYNX4"
        + "BAynRFdiuB--f_nZLgrnbyTyWzO75vRK5h6xBArLIARNPvkSjtQBMHlb1L07Qe7K0GarZRmB_eSN9383LcOLn6_dO--xi12jzDwusC-eOkHWEsqtFZESc6BfI7noOPqv"
        + "hJ1phCnvWh6IeYI2w9QOYEUipUTI8np6LbgGY9Fs98rqVt5AXLIhWkWywlVmtVrBp0igcN_IoypGlUPQGe77Rw"
    static let a2Key =
        #"{"kty":"RSA","e":"AQAB","n":""#
        + "ofgWCuLjybRlzo0tZWJjNiuSfb4p4fAkd_wWJcyQoTbji9k0l8W26mPddxHmfHQp-Vaw-4qPCJrcS2mJPMEzP1Pt0Bm4d4QlL-yRT-SFd2lZS-pCgNMsD1W_YpRPEwOW"
        + "vG6b32690r2jZ47soMZo9wGzjb_7OMg0LOL-bSf63kpaSHSXndS5z5rexMdbBYUsLA9e-KXBdQOS-UTo7WTBEMa2R2CapHg665xsmtdVMTBQY4uDZlxvb3qCo5ZwKh9k"
        + "G4LT6_I5IhlJH7aGhyxXFvUK-DWNmoudF8NAco9_h9iaGNj8q2ethFkMLs91kzk2PAcDTW9gb54h4FRWyuXpoQ" + #""}"#

    static let a3Token =
        "eyJhbGciOiJFUzI1NiJ9." + a1Payload + "."
        + "DtEhU3ljbEg8L38VWAfUAqOyKAM6-Xx-F4GawxaepmXFCgfTjDxw5djxLa8ISlSApmWQxfKTUJqPP3-Kg6NU1Q"
    static let a3Key =
        #"{"kty":"EC","crv":"P-256","x":"f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU","y":"x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0"}"#

    static let a4Input = "eyJhbGciOiJFUzUxMiJ9.UGF5bG9hZA"
    static let a4Signature =
        "AdwMgeerwtHoh-l192l60hp9wAHZFVJbLfD_UxMi70cwnZOYaRI1bKPWROc-mZZqwqT2SI-KGDKB34XO0aw_7XdtAG8GaSwFKdCAPZgoXD2YBJZCPEX3xKpRwcdOO8KpEHwJjyqOgzDO7iKvU8vcnwNrmxYbSW9ERBXukOXolLzeO_Jn"
    static let a4Key =
        #"{"kty":"EC","crv":"P-521","x":"AekpBQ8ST8a8VcfVOTNl353vSrDCLLJXmPk06wTjxrrjcBpXp5EOnYG_NjFZ6OvLFV1jSfS9tsz4qUxcWceqwQGk","y":"ADSmRA43Z1DSNx_RvcLI87cdL07l6jQyyBXMoxVg_l2Th-x3S1WDhjDly79ajL4Kkd0AZMaZmh9ubmf63e3kyMj2"}"#

    @Test func rfc7515A1HS256() throws {
        // The A.1 key is 64 random bytes, not UTF-8: verify at the HMAC layer with the raw bytes, and
        // through JWS.parse for structure.
        let jws = try JWS.parse(Self.a1Token)
        #expect(jws.header.algorithm == .hs256)
        #expect(jws.payload.contains(0x0D))
        #expect(try jws.claimsSet()["exp"]?.numberValue == 1_300_819_380)
        #expect(try jws.claimsSet()["http://example.com/is_root"]?.boolValue == true)
        try HMACCheck.verify(
            jws.signature, message: jws.signingInput, key: try Base64URL.decode(Self.a1Key),
            algorithm: .hs256, allowShortKey: false)
        var tampered = jws.signingInput
        tampered[tampered.count - 1] ^= 1
        #expect(
            errorCode {
                try HMACCheck.verify(
                    jws.signature, message: tampered, key: try Base64URL.decode(Self.a1Key),
                    algorithm: .hs256, allowShortKey: false)
            } == .joseSignatureInvalid)
    }

    @Test func rfc7515A2RS256() throws {
        let keys = try JWKSet.parseSetOrKey(Array(Self.a2Key.utf8))
        let verified = try JWSVerifier().verify(compact: Self.a2Token, keys: keys)
        #expect(verified.algorithm == .rs256)
        #expect(verified.payloadJSON["iss"]?.stringValue == "joe")
        #expect(verified.keyID == nil)
    }

    @Test func rfc7515A3ES256() throws {
        let keys = try JWKSet.parseSetOrKey(Array(Self.a3Key.utf8))
        let verified = try JWSVerifier().verify(compact: Self.a3Token, keys: keys)
        #expect(verified.algorithm == .es256)
        #expect(verified.encodedPayload == Self.a1Payload)
    }

    @Test func rfc7515A4ES512() throws {
        let jwk = try JWK.parse(Array(Self.a4Key.utf8))
        try jwk.verifySignature(
            try Base64URL.decode(Self.a4Signature), message: Array(Self.a4Input.utf8), algorithm: .es512)
        // Its payload is the text "Payload": a valid JWS, though not a JWT.
        let token = Self.a4Input + "." + Self.a4Signature
        let verified = try JWSVerifier().verify(compact: token, keys: try JWKSet(keys: [jwk]))
        #expect(verified.payload == Array("Payload".utf8))
        #expect(verified.payloadJSON == .null)
        #expect(errorCode { try verified.jws.claimsSet() } == .joseJSONInvalid)
    }

    // RFC 7520 §4: the payload is text ("It’s a dangerous business, Frodo, …", with U+2019), a
    // valid JWS payload that is not JSON: each compact token verifies end to end.
    static let rfc7520Payload =
        "SXTigJlzIGEgZGFuZ2Vyb3VzIGJ1c2luZXNzLCBGcm9kbywgZ29pbmcgb3V0IHlvdXIgZG9vci4gWW91IHN0ZXAgb250byB0aGUgcm9hZCwgYW5kIGlmIHlvdSBkb24ndCBrZWVwIHlvdXIgZmVldCwgdGhlcmXigJlzIG5vIGtub3dpbmcgd2hlcmUgeW91IG1pZ2h0IGJlIHN3ZXB0IG9mZiB0by4"
    static let rfc7520Text =
        "It\u{2019}s a dangerous business, Frodo, going out your door. You step onto the road, and if you "
        + "don't keep your feet, there\u{2019}s no knowing where you might be swept off to."
    static let rfc7520RSAKey =
        #"{"kty":"RSA","kid":"bilbo.baggins@hobbiton.example","use":"sig","e":"AQAB","n":""#
        + "n4EPtAOCc9AlkeQHPzHStgAbgs7bTZLwUBZdR8_KuKPEHLd4rHVTeT-O-XV2jRojdNhxJWTDvNd7nqQ0VEiZQHz_AJmSCpMaJMRBSFKrKb2wqVwGU_NsYOYL-QtiWN2lbzcEe6XC0dApr5ydQLrHqkHHig3RBordaZ6Aj-oBHqFEHYpPe7Tpe-OfVfHd1E6cS6M1FZcD1NNLYD5lFHpPI9bTwJlsde3uhGqC0ZCuEHg8lhzwOHrtIQbS0FVbb9k3-tVTU4fg_3L_vniUFAKwuCLqKnS2BYwdq_mzSnbLY7h_qixoR7jig3__kRhuaxwUkRz5iaiQkqgc5gHdrNP5zw"
        + #""}"#
    static let rfc7520ECKey =
        #"{"kty":"EC","kid":"bilbo.baggins@hobbiton.example","use":"sig","crv":"P-521","x":"AHKZLLOsCOzz5cY97ewNUajB957y-C-U88c3v13nmGZx6sYl_oJXu9A5RkTKqjqvjyekWF-7ytDyRXYgCF5cj0Kt","y":"AdymlHvOiLxXkEhayXQnNCvDX4h9htZaCJN34kfmC6pV5OhQHiraVySsUdaQkAgDPrwQrJmbnX9cwlGfP-HqHZR1"}"#
    static let rfc7520JWKS = #"{"keys":[\#(rfc7520RSAKey),\#(rfc7520ECKey)]}"#

    /// RFC 7520 §4.1 (RS256), §4.2 (PS384), §4.3 (ES512): `header.payload.signature`.
    static let rfc7520Tokens: [(JWSAlgorithm, String)] = [
        (
            .rs256,
            "eyJhbGciOiJSUzI1NiIsImtpZCI6ImJpbGJvLmJhZ2dpbnNAaG9iYml0b24uZXhhbXBsZSJ9." + rfc7520Payload + "."
                + "MRjdkly7_-oTPTS3AXP41iQIGKa80A0ZmTuV5MEaHoxnW2e5CZ5NlKtainoFmKZopdHM1O2U4mwzJdQx996ivp83xuglII7PNDi84wnB-BDkoBwA78185hX-Es4JIwmDLJK3lfWRa-XtL0RnltuYv746iYTh_qHRD68BNt1uSNCrUCTJDt5aAE6x8wW1Kt9eRo4QPocSadnHXFxnt8Is9UzpERV0ePPQdLuW3IS_de3xyIrDaLGdjluPxUAhb6L2aXic1U12podGU0KLUQSE_oI-ZnmKJ3F4uOZDnd6QZWJushZ41Axf_fcIe8u9ipH84ogoree7vjbU5y18kDquDg"
        ),
        (
            .ps384,
            "eyJhbGciOiJQUzM4NCIsImtpZCI6ImJpbGJvLmJhZ2dpbnNAaG9iYml0b24uZXhhbXBsZSJ9." + rfc7520Payload + "."
                + "cu22eBqkYDKgIlTpzDXGvaFfz6WGoz7fUDcfT0kkOy42miAh2qyBzk1xEsnk2IpN6-tPid6VrklHkqsGqDqHCdP6O8TTB5dDDItllVo6_1OLPpcbUrhiUSMxbbXUvdvWXzg-UD8biiReQFlfz28zGWVsdiNAUf8ZnyPEgVFn442ZdNqiVJRmBqrYRXe8P_ijQ7p8Vdz0TTrxUeT3lm8d9shnr2lfJT8ImUjvAA2Xez2Mlp8cBE5awDzT0qI0n6uiP1aCN_2_jLAeQTlqRHtfa64QQSUmFAAjVKPbByi7xho0uTOcbH510a6GYmJUAfmWjwZ6oD4ifKo8DYM-X72Eaw"
        ),
        (
            .es512,
            "eyJhbGciOiJFUzUxMiIsImtpZCI6ImJpbGJvLmJhZ2dpbnNAaG9iYml0b24uZXhhbXBsZSJ9." + rfc7520Payload + "."
                + "AE_R_YZCChjn4791jSQCrdPZCNYqHXCTZH0-JZGYNlaAjP2kqaluUIIUnC9qvbu9Plon7KRTzoNEuT4Va2cmL1eJAQy3mtPBu_u_sDDyYjnAMDxXPn7XrT0lw-kvAD890jl8e2puQens_IEKBpHABlsbEPX6sFY8OcGDqoRuBomu9xQ2"
        ),
    ]

    @Test(arguments: rfc7520Tokens)
    func rfc7520Section4(_ algorithm: JWSAlgorithm, _ token: String) throws {
        let set = try JWKSet.parse(Array(Self.rfc7520JWKS.utf8))
        let verified = try JWSVerifier().verify(compact: token, keys: set)
        #expect(verified.algorithm == algorithm)
        #expect(verified.keyID == "bilbo.baggins@hobbiton.example")
        #expect(verified.payload == Array(Self.rfc7520Text.utf8))
        // The JWT layer above refuses it: text is not a claims set.
        #expect(errorCode { try verified.jws.claimsSet() } == .joseJSONInvalid)
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        let tampered = parts[0] + "." + TestSupport.b64(Self.rfc7520Text + ".") + "." + parts[2]
        #expect(errorCode { try JWSVerifier().verify(compact: tampered, keys: set) } == .joseSignatureInvalid)
    }

    /// §4.4's key is 32 raw bytes, not UTF-8, so the HMAC layer checks the parsed token's input.
    @Test func rfc7520Section4_4HS256() throws {
        let header = "eyJhbGciOiJIUzI1NiIsImtpZCI6IjAxOGMwYWU1LTRkOWItNDcxYi1iZmQ2LWVlZjMxNGJjNzAzNyJ9"
        let jws = try JWS.parse(header + "." + Self.rfc7520Payload + ".s0h6KThzkfBBBkLspW1h84VsJZFTsPPqMDA7g1Md7p0")
        #expect(jws.payload == Array(Self.rfc7520Text.utf8))
        try HMACCheck.verify(
            jws.signature, message: jws.signingInput,
            key: try Base64URL.decode("hJtXIZ2uSN5kbQfbtTNWbpdmhkV8FJG-Onbc6mxCcYg"),
            algorithm: .hs256, allowShortKey: false)
    }

    @Test func rfc8037A4Ed25519() throws {
        let jwk = try JWK.parse(
            Array(#"{"kty":"OKP","crv":"Ed25519","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"}"#.utf8))
        let input = Array("eyJhbGciOiJFZERTQSJ9.RXhhbXBsZSBvZiBFZDI1NTE5IHNpZ25pbmc".utf8)
        let signature = try Base64URL.decode(
            "hgyY0il_MGCjP0JzlnLWG1PPOt7-09PGcvMg3AIbQR6dWbhijcNR4ki4iylGjg5BhVsPt9g7sVvpAr_MuM0KAg")
        try jwk.verifySignature(signature, message: input, algorithm: .edDSA)
        var flipped = signature
        flipped[0] ^= 1
        #expect(
            errorCode { try jwk.verifySignature(flipped, message: input, algorithm: .edDSA) } == .joseSignatureInvalid)
        #expect(errorCode { try jwk.verifySignature(signature, message: input, algorithm: .es256) } == .joseKeyMismatch)
    }
}
