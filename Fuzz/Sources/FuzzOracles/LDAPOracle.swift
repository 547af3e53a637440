import SsoLDAP

enum LDAPOracle {
    /// RFC 4515 filter and RFC 4514 DN escaping. Properties, for any bytes as a value:
    /// - `LDAPFilter.equality("uid", value)` is well formed and libldap parses it into exactly one
    ///   equality assertion on `uid` whose value is the input (also for raw, non-UTF-8 bytes);
    /// - our escaping is byte for byte libldap's `ldap_bv2escaped_filter_value` (as documented);
    /// - `LDAPDistinguishedName.parse("cn=" + escapeValue(value))` gives one RDN with the input;
    /// - `LDAPDistinguishedName.normalize` is idempotent on any input.
    static func check(_ input: [UInt8]) throws(PropertyViolation) {
        guard input.count <= 2048 else { return }
        let text = String(decoding: input, as: UTF8.self)
        try checkFilter(LDAPFilter.equality("uid", text), expecting: Array(text.utf8))
        try checkFilter("(uid=" + LDAPFilter.escape(bytes: input) + ")", expecting: input)
        let theirs = try LibLDAPFilterParser.libldapEscape(input)
        try checkFilter("(uid=" + String(decoding: theirs, as: UTF8.self) + ")", expecting: input)
        try require(
            Array(LDAPFilter.escape(bytes: input).utf8) == theirs,
            "escape(bytes:) differs from ldap_bv2escaped_filter_value for \(input)")

        let dn = "cn=" + LDAPDistinguishedName.escapeValue(text)
        let rdns = LDAPDistinguishedName.parse(dn)
        try require(
            rdns?.map { $0.map { [$0.type, $0.value] } } == [[["cn", text]]],
            "DN escape/parse round trip failed: \(debug(dn)) → \(String(describing: rdns))")
        let suffixed = dn + ",ou=people,dc=example,dc=com"
        try require(
            LDAPDistinguishedName.parse(suffixed)?.first?.first?.value == text,
            "escaped value leaks into the next RDN: \(debug(suffixed))")
        let once = LDAPDistinguishedName.normalize(text)
        try require(
            LDAPDistinguishedName.normalize(once) == once,
            "DN normalisation is not idempotent: \(debug(text)) → \(debug(once)) → \(debug(LDAPDistinguishedName.normalize(once)))"
        )
    }

    static func checkFilter(_ filter: String, expecting value: [UInt8]) throws(PropertyViolation) {
        try require(
            LDAPFilter.isWellFormed(filter) || filter.utf8.count > 4096,
            "escaped filter not well formed: \(debug(filter))")
        guard let parsed = try LibLDAPFilterParser.parse(filter) else {
            throw PropertyViolation("libldap refuses the escaped filter \(debug(filter))")
        }
        try require(parsed.tag == 0xA3, "libldap read \(debug(filter)) as filter tag \(parsed.tag), not equality")
        try require(parsed.trailing == 0, "libldap read more than one filter from \(debug(filter))")
        try require(parsed.attribute == Array("uid".utf8), "libldap read another attribute from \(debug(filter))")
        try require(parsed.value == value, "libldap read value \(parsed.value) from \(debug(filter)), input \(value)")
    }

    static func debug(_ text: String) -> String {
        String(reflecting: text)
    }
}
