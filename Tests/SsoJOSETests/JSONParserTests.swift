import Testing
@testable import SsoJOSE

@Suite("Strict JSON parser")
struct JSONParserTests {
    private func parse(_ text: String, limits: JSONLimits = .default) throws(SsoError) -> JSONValue {
        try JSONParser.parse(Array(text.utf8), limits: limits)
    }

    @Test func parsesEveryValueKind() throws {
        let value = try parse(
            #" {"s":"a\"b\\c\/d\n\u00e9\ud83d\ude00","n":-12.5e2,"i":0,"t":true,"f":false,"z":null,"a":[1,[2]],"o":{}} "#
        )
        #expect(value["s"] == .string("a\"b\\c/d\né😀"))
        #expect(value["n"] == .number(-1250))
        #expect(value["i"] == .number(0))
        #expect(value["t"] == .bool(true))
        #expect(value["f"] == .bool(false))
        #expect(value["z"] == .null)
        #expect(value["a"] == .array([.number(1), .array([.number(2)])]))
        #expect(value["o"] == .object([:]))
    }

    @Test func mixesRawUTF8AndEscapes() throws {
        #expect(try parse(#""é\nü\u0041ß""#) == .string("é\nüAß"))
        #expect(try parse(#"{"kéy":"välue"}"#)["kéy"] == .string("välue"))
    }

    @Test func keepsRawUTF8AndCRLFWhitespace() throws {
        let value = try parse("{\"iss\":\"jöe\",\r\n \"exp\":1300819380}")
        #expect(value["iss"]?.stringValue == "jöe")
        #expect(value["exp"]?.numberValue == 1_300_819_380)
    }

    @Test(arguments: [
        #"{"a":1,"a":2}"#,
        #"{"a":1,"b":{"c":1,"c":1}}"#,
        #"{"a":1,"\u0061":2}"#,
        #"[{"x":1,"y":2,"x":3}]"#,
    ])
    func rejectsDuplicateMembers(_ text: String) {
        #expect(errorCode { try parse(text) } == .joseJSONDuplicateMember)
    }

    @Test(arguments: [
        "", " ", "{", "}", "[1,]", "{\"a\":1,}", "{\"a\" 1}", "{a:1}", "'a'", "01", "-", "1.", ".5", "1e", "+1",
        "NaN", "Infinity", "tru", "nul", "\"abc", "\"a\tb\"", "\"\\x\"", "\"\\u12\"", "\"\\ud800\"",
        "\"\\udc00\"", "\"\\ud800\\u0041\"", "{} {}", "{}x", "\u{FEFF}{}", "[1 2]", "1e999",
    ])
    func rejectsMalformedJSON(_ text: String) {
        #expect(errorCode { try parse(text) } == .joseJSONInvalid)
    }

    @Test(
        arguments: [
            [0x22, 0xC0, 0xAF, 0x22],  // overlong '/'
            [0x22, 0xED, 0xA0, 0x80, 0x22],  // UTF-8-encoded surrogate
            [0x22, 0xF4, 0x90, 0x80, 0x80, 0x22],  // above U+10FFFF
            [0x22, 0xE2, 0x82, 0x22],  // truncated
            [0x22, 0xFF, 0x22],
            [0x22, 0x80, 0x22],  // lone continuation byte
            [0x22, 0x5C, 0x6E, 0xFF, 0x22],  // invalid byte after an escape
            [0x22, 0x5C, 0x6E, 0xED, 0xA0, 0x80, 0x22],
        ] as [[UInt8]])
    func rejectsInvalidUTF8(_ bytes: [UInt8]) {
        #expect(errorCode { try JSONParser.parse(bytes) } == .joseJSONInvalid)
    }

    @Test func enforcesDepthLimit() throws {
        let limits = JSONLimits(maxBytes: 1 << 20, maxDepth: 16)
        let ok = String(repeating: "[", count: 16) + String(repeating: "]", count: 16)
        #expect(try parse(ok, limits: limits).arrayValue != nil)
        let deep = String(repeating: "[", count: 17) + String(repeating: "]", count: 17)
        #expect(errorCode { try parse(deep, limits: limits) } == .joseJSONTooDeep)
        let hostile = String(repeating: "{\"a\":", count: 100_000)
        #expect(errorCode { try parse(hostile, limits: limits) } == .joseJSONTooDeep)
    }

    @Test func enforcesSizeLimitBeforeParsing() {
        let text = "\"" + String(repeating: "a", count: 100) + "\""
        #expect(errorCode { try parse(text, limits: JSONLimits(maxBytes: 50)) } == .joseJSONTooLarge)
        #expect(errorCode { try parse(text, limits: JSONLimits(maxBytes: 102)) } == nil)
    }

    @Test func serializesDeterministically() throws {
        let value = try parse(#"{"b":[1,2.5,"x\n"],"a":{"z":null,"y":true}}"#)
        #expect(value.serialized() == #"{"a":{"y":true,"z":null},"b":[1,2.5,"x\n"]}"#)
        #expect(try parse(value.serialized()) == value)
    }
}

@Suite("Strict JSON parser: numbers")
struct JSONNumberTests {
    @Test(arguments: [
        "0", "-0", "7", "-12", "1800000000", "999999999999999", "-999999999999999", "1000000000000000",
        "12345678901234567890", "1.5", "-2.25e3", "1E2", "1e-2", "0.1", "9007199254740993",
    ])
    func matchesFoundationsReading(_ text: String) throws {
        let parsed = try JSONParser.parse(Array(text.utf8)).numberValue
        #expect(parsed == Double(text))
        #expect(parsed?.sign == Double(text)?.sign)
    }
}
