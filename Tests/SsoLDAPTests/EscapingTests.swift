import CLDAP
import Testing
@testable import SsoLDAP

@Suite struct EscapingTests {
    /// libldap's own escaping, for comparison.
    static func libldapEscape(_ bytes: [UInt8]) -> String? {
        var input = bytes
        var output = berval()
        let code = input.withUnsafeMutableBytes { buffer -> Int32 in
            var value = berval(
                bv_len: ber_len_t(buffer.count), bv_val: buffer.baseAddress?.assumingMemoryBound(to: CChar.self))
            return ldap_bv2escaped_filter_value(&value, &output)
        }
        guard code == 0, let pointer = output.bv_val else { return code == 0 ? "" : nil }
        defer { ber_memfree(pointer) }
        return String(decoding: UnsafeRawBufferPointer(start: pointer, count: Int(output.bv_len)), as: UTF8.self)
    }

    @Test(arguments: [
        "*", "(", ")", "\\", "\u{0}", "admin)(uid=*", "a*b(c)d\\e", "ａｌｉｃｅ", "é", "plain", "💥*", " x ", "",
    ])
    func filterEscapingMatchesLibldap(value: String) {
        #expect(LDAPFilter.escape(value) == Self.libldapEscape(Array(value.utf8)))
    }

    @Test func filterEscapingMatchesLibldapOnRandomBytes() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<500 {
            let bytes = (0..<Int.random(in: 0...24, using: &generator)).map { _ in
                UInt8.random(in: 0...255, using: &generator)
            }
            #expect(LDAPFilter.escape(bytes: bytes) == Self.libldapEscape(bytes))
        }
    }

    @Test func escapedFilterValuesParseAsOneEqualityAssertion() {
        for value in ["*", "admin)(uid=*", "x)(|(objectClass=*", "\\2a"] {
            let filter = LDAPFilter.equality("uid", value)
            #expect(filter.hasPrefix("(uid=") && filter.hasSuffix(")"))
            // No unescaped metacharacter survives inside the value.
            let inner = filter.dropFirst(5).dropLast()
            #expect(!inner.contains("(") && !inner.contains(")") && !inner.contains("*"))
        }
    }

    /// Parses `dn` with libldap and returns the first RDN's first value.
    static func libldapFirstValue(_ dn: String) -> String? {
        var parsed: LDAPDN?
        guard ldap_str2dn(dn, &parsed, UInt32(LDAP_DN_FORMAT_LDAPV3)) == LDAP_SUCCESS, let parsed else { return nil }
        defer { ldap_dnfree(parsed) }
        guard let rdn = parsed[0], let ava = rdn[0] else { return nil }
        let value = ava.pointee.la_value
        return String(decoding: UnsafeRawBufferPointer(start: value.bv_val, count: Int(value.bv_len)), as: UTF8.self)
    }

    @Test(arguments: [
        " leading", "trailing ", "#hash", "a,b", "a+b", "q\"uote", "back\\slash", "semi;colon", "<angle>",
        "eq=ual", "nul\u{0}byte", "Smith, John + \"Q\" \\ #1", "ünïcödé", "  ", "#",
    ])
    func dnEscapingRoundTripsThroughLibldap(value: String) {
        let dn = "cn=\(LDAPDistinguishedName.escapeValue(value)),dc=example,dc=org"
        #expect(Self.libldapFirstValue(dn) == value)
        #expect(LDAPDistinguishedName.parse(dn)?.first?.first?.value == value)
        #expect(LDAPDistinguishedName.parse(dn)?.count == 3)
    }

    @Test func normalisationComparesDNsLikeADirectory() {
        let variants = [
            "CN=Engineers, OU=Groups,DC=Example,DC=Org", "cn=engineers,ou=groups,dc=example,dc=org",
            "cn = engineers , ou=groups , dc=example , dc=org", "cn=\\65ngineers,ou=groups,dc=example,dc=org",
        ]
        let normalized = Set(variants.map(LDAPDistinguishedName.normalize))
        #expect(normalized.count == 1)
        #expect(LDAPDistinguishedName.normalize("cn=a+sn=b,dc=x") == LDAPDistinguishedName.normalize("sn=B+cn=A,dc=x"))
        #expect(LDAPDistinguishedName.normalize("cn=a\\,b,dc=x") != LDAPDistinguishedName.normalize("cn=a,cn=b,dc=x"))
        #expect(LDAPDistinguishedName.parse("cn=a,") == nil)
        #expect(LDAPDistinguishedName.parse("no equals") == nil)
    }

    @Test func groupMappingMatchesDNsAndNamesCaseInsensitively() {
        let mapper = LDAPGroupMapper([
            "CN=Admins,OU=Groups,DC=Example,DC=Org": ["admin"], "Developers": ["dev"], "cn=x,dc=y": ["x"],
        ])
        #expect(mapper.scopes(for: ["cn=admins,ou=groups,dc=example,dc=org"]) == ["admin"])
        #expect(mapper.scopes(for: ["cn=developers,ou=teams,dc=example,dc=org", "cn=X, DC=Y"]) == ["dev", "x"])
        #expect(mapper.scopes(for: ["cn=admins,ou=other,dc=example,dc=org"]).isEmpty)
    }

    @Test func attributeNamesAndFiltersAreValidated() {
        #expect(LDAPFilter.isValidAttributeName("sAMAccountName"))
        #expect(LDAPFilter.isValidAttributeName("2.5.4.3"))
        #expect(!LDAPFilter.isValidAttributeName("uid)(cn=*"))
        #expect(!LDAPFilter.isValidAttributeName("1uid"))
        #expect(LDAPFilter.isWellFormed("(&(objectClass=person)(!(disabled=TRUE)))"))
        #expect(!LDAPFilter.isWellFormed("objectClass=person"))
        #expect(!LDAPFilter.isWellFormed("(a=b))(c=d"))
    }
}
