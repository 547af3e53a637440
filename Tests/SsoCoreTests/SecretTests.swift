import Foundation
import SsoCore
import Testing

@Suite struct SecretTests {
    let secret = Secret("hunter2-very-secret")

    @Test func neverShowsItsValue() throws {
        #expect(!secret.description.contains("hunter2"))
        #expect(!secret.debugDescription.contains("hunter2"))
        #expect(!"\(secret)".contains("hunter2"))
        var dumped = ""
        dump(secret, to: &dumped)
        #expect(!dumped.contains("hunter2"))
        let json = String(decoding: try JSONEncoder().encode(["s": secret]), as: UTF8.self)
        #expect(!json.contains("hunter2"))
        #expect(secret.unsafeValue == "hunter2-very-secret")
    }

    @Test func comparesByValue() {
        #expect(secret == Secret("hunter2-very-secret"))
        #expect(secret != Secret("hunter2-very-secreT"))
        #expect(secret != Secret("hunter2"))
    }
}
