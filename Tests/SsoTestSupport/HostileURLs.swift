/// URLs an attacker (or a careless admin) can put in settings, metadata or discovery documents.
/// Shared by the tests of every place a URL is accepted.
public enum HostileURLs {
    /// Refused everywhere, whatever the scheme policy.
    public static let malformed = [
        "http://localhost:80@evil.example/sso",
        "http://127.0.0.1:@evil.example/sso",
        "http://[::1]@evil.example/sso",
        "https://user:pass@idp.example.com/sso",
        "https://idp.example.com@evil.example/sso",
        "https://@idp.example.com/sso",
        "http://evil.example\\@127.0.0.1/sso",
        "http://127.0.0.1\\.evil.example/sso",
        "https://idp.example.com\\sso",
        "https://%65vil.example/sso",
        "http://%6c%6fcalhost/sso",
        "http://127.0.0.1%2f@evil.example/sso",
        "https://idp.example.com/sso#fragment",
        "https://idp.example.com/sso#",
        "https://idp.example.com/ sso",
        "https://idp.example.com/\tsso",
        "https://idp.example.com/sso\n",
        " https://idp.example.com/sso",
        "https://idp.ex\u{E4}mple.com/sso",
        "https://idp.example.com/\u{212A}",
        "javascript:alert(1)",
        "ftp://idp.example.com/sso",
        "https:///sso",
        "https://",
        "//idp.example.com/sso",
        "https:idp.example.com/sso",
        "",
    ]
    /// Plain http to hosts that only look like loopback: refused where http needs loopback.
    public static let fakeLoopback = [
        "http://localhost./sso",
        "http://localhost.evil.example/sso",
        "http://127.0.0.1.evil.example/sso",
        "http://127.0.0.1.nip.io/sso",
        "http://[::ffff:127.0.0.1]/sso",
        "http://0x7f.0.0.1/sso",
        "http://0177.0.0.1/sso",
        "http://127.1/sso",
        "http://2130706433/sso",
        "http://127.000.000.001/sso",
        "http://evil.example/sso",
    ]
    /// Accepted everywhere http to loopback is.
    public static let valid = [
        "https://idp.example.com/sso",
        "https://idp.example.com:8443/sso?tenant=a&x=%20",
        "HTTPS://IdP.Example.com/sso",
        "http://localhost/sso",
        "http://localhost:8080/sso",
        "http://127.0.0.1:9000/sso",
        "http://127.10.0.3/sso",
        "http://[::1]:8080/sso",
    ]
}
