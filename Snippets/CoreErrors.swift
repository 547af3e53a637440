// One error type everywhere: branch on the stable code, show the message, log either;
// neither ever holds a secret.
import SsoCore

func explain(_ error: SsoError) -> String {
    switch error.code {
    case .httpTimeout, .storeUnavailable:
        return "Try again in a moment."
    case .inputTooLarge:
        return "That request is too large."
    default:
        return "Sign-in failed (\(error.code.rawValue)): \(error.message)"
    }
}

let password = Secret("hunter2")
print(password)  // <redacted>
print(explain(SsoError(.httpTimeout, "the IdP did not answer within 10 s")))
