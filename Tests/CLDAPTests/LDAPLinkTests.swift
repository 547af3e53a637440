import CLDAP
import Foundation
import Testing

@Suite struct LDAPLinkTests {
    @Test func bindToAClosedPortFailsFastWithServerDown() {
        var handle: OpaquePointer?
        #expect(ldap_initialize(&handle, "ldap://127.0.0.1:1") == LDAP_SUCCESS)
        defer { ldap_unbind_ext_s(handle, nil, nil) }
        var version = LDAP_VERSION3
        #expect(ldap_set_option(handle, LDAP_OPT_PROTOCOL_VERSION, &version) == LDAP_OPT_SUCCESS)
        var timeout = timeval(tv_sec: 1, tv_usec: 0)
        #expect(ldap_set_option(handle, LDAP_OPT_NETWORK_TIMEOUT, &timeout) == LDAP_OPT_SUCCESS)

        let started = Date()
        var password = Array("not-a-real-password".utf8CString.dropLast()).map { $0 }
        let result = password.withUnsafeMutableBufferPointer { buffer -> Int32 in
            var credential = berval(bv_len: ber_len_t(buffer.count), bv_val: buffer.baseAddress)
            return ldap_sasl_bind_s(handle, "cn=nobody", nil, &credential, nil, nil, nil)
        }
        #expect(result == LDAP_SERVER_DOWN)
        #expect(Date().timeIntervalSince(started) < 1.0)
    }
}
