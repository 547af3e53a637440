import SsoLDAP

extension FakeLDAPDirectory {
    /// A small OpenLDAP-style directory under `dc=example,dc=org`, for tests:
    ///
    /// | uid | password | groups |
    /// | --- | --- | --- |
    /// | `alice` | `alice-pw` | `engineers` (nested in `staff`) |
    /// | `bob` | `bob-pw` | `staff` |
    /// | `carol` | `carol-pw` | none |
    /// | `dave` | `dave-pw` | locked |
    ///
    /// The service account is `cn=svc,ou=services,dc=example,dc=org` / `svc-pw`; users live under
    /// `ou=people`, groups (`groupOfNames`, with `memberOf` on users) under `ou=groups`.
    public static func openLDAPSample() -> FakeLDAPDirectory {
        let directory = FakeLDAPDirectory(flavor: .openLDAP)
        let base = "dc=example,dc=org"
        for container in [base, "ou=people,\(base)", "ou=groups,\(base)", "ou=services,\(base)"] {
            directory.add(dn: container, attributes: ["objectClass": ["organizationalUnit"]])
        }
        directory.add(
            dn: "cn=svc,ou=services,\(base)", attributes: ["objectClass": ["organizationalRole"]], password: "svc-pw")
        let engineers = "cn=engineers,ou=groups,\(base)"
        let staff = "cn=staff,ou=groups,\(base)"
        let users: [(String, String, [String], AccountState)] = [
            ("alice", "Alice Liddell", [engineers, staff], .active), ("bob", "Bob Builder", [staff], .active),
            ("carol", "Carol Nogroup", [], .active), ("dave", "Dave Locked", [], .locked),
        ]
        for (uid, name, groups, state) in users {
            directory.add(
                dn: "uid=\(uid),ou=people,\(base)",
                attributes: [
                    "objectClass": ["inetOrgPerson"], "uid": [uid], "cn": [name], "mail": ["\(uid)@example.org"],
                    "entryUUID": [Self.sampleUUID(uid)], "memberOf": groups,
                ],
                password: "\(uid)-pw", state: state)
        }
        directory.add(
            dn: engineers,
            attributes: [
                "objectClass": ["groupOfNames"], "cn": ["engineers"],
                "member": ["uid=alice,ou=people,\(base)"], "memberOf": [staff],
            ])
        directory.add(
            dn: staff,
            attributes: [
                "objectClass": ["groupOfNames"], "cn": ["staff"],
                "member": [engineers, "uid=bob,ou=people,\(base)"],
            ])
        return directory
    }

    /// A stable, fake entryUUID for a sample user.
    static func sampleUUID(_ uid: String) -> String {
        var hash: UInt64 = 1_469_598_103_934_665_603
        for byte in uid.utf8 { hash = (hash ^ UInt64(byte)) &* 1_099_511_628_211 }
        let hex = String(hash, radix: 16).leftPadded(to: 16)
        return "\(hex.prefix(8))-\(hex.dropFirst(8).prefix(4))-4\(hex.dropFirst(13).prefix(3))-8000-\(hex.prefix(12))"
    }
}

extension String {
    fileprivate func leftPadded(to length: Int) -> String {
        String(repeating: "0", count: max(0, length - count)) + self
    }
}
