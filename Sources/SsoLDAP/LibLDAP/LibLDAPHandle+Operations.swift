import CLDAP
import Foundation

extension LibLDAPHandle {
    /// A simple bind with the password-policy request control, read back with `ldap_result` so the
    /// response controls are available (the `_s` form drops them).
    func bind(_ request: LDAPBindRequest, deadline: ContinuousClock.Instant) throws(SsoError) -> LDAPBindResponse {
        var timeout = try prepareOperation(deadline: deadline)
        var control: UnsafeMutablePointer<LDAPControl>?
        if request.requestPasswordPolicy {
            _ = ldap_create_passwordpolicy_control(ld, &control)
        }
        defer { if let control { ldap_control_free(control) } }
        var controls: [UnsafeMutablePointer<LDAPControl>?] = control.map { [$0, nil] } ?? [nil]
        var password = request.password.withUnsafeValue { Array($0.utf8) }
        defer { LibLDAPTime.wipe(&password) }
        var messageID: Int32 = 0
        let sent: Int32 = password.withUnsafeMutableBytes { bytes in
            var credential = berval(
                bv_len: ber_len_t(bytes.count), bv_val: bytes.baseAddress?.assumingMemoryBound(to: CChar.self))
            return controls.withUnsafeMutableBufferPointer { list in
                ldap_sasl_bind(ld, request.dn, nil, &credential, list.baseAddress, nil, &messageID)
            }
        }
        guard sent == LDAP_SUCCESS else { throw transportError(sent, during: "binding") }
        var message: OpaquePointer?
        let received = ldap_result(ld, messageID, LDAP_MSG_ALL, &timeout, &message)
        if received == 0 {
            ldap_abandon_ext(ld, messageID, nil, nil)
            throw SsoError(.ldapTimeout, "the directory did not answer the bind in time")
        }
        guard received > 0, let message else {
            ldap_msgfree(message)
            throw transportError(resultCodeOption(), during: "binding")
        }
        var code: Int32 = 0
        var diagnostic: UnsafeMutablePointer<CChar>?
        var responseControls: UnsafeMutablePointer<UnsafeMutablePointer<LDAPControl>?>?
        let parsed = ldap_parse_result(ld, message, &code, nil, &diagnostic, nil, &responseControls, 1)
        defer {
            if let diagnostic { ldap_memfree(diagnostic) }
            if let responseControls { ldap_controls_free(responseControls) }
        }
        guard parsed == LDAP_SUCCESS else { throw transportError(parsed, during: "reading the bind response") }
        var policy: LDAPPasswordPolicyResponse?
        if let responseControls,
            let found = ldap_control_find(LDAP_CONTROL_PASSWORDPOLICYRESPONSE, responseControls, nil)
        {
            var expire: ber_int_t = -1
            var grace: ber_int_t = -1
            var error = PP_noError
            if ldap_parse_passwordpolicy_control(ld, found, &expire, &grace, &error) == LDAP_SUCCESS {
                policy = LDAPPasswordPolicyResponse(
                    error: error == PP_noError ? nil : LDAPPasswordPolicyViolation(rawValue: Int(error.rawValue)),
                    secondsBeforeExpiration: expire >= 0 ? Int(expire) : nil,
                    graceAuthenticationsRemaining: grace >= 0 ? Int(grace) : nil)
            }
        }
        return LDAPBindResponse(
            resultCode: LDAPResultCode(rawValue: code),
            diagnosticMessage: diagnostic.map { String(cString: $0) } ?? "",
            passwordPolicy: policy)
    }

    /// A synchronous search; collects entries and their values, frees every libldap allocation.
    func search(_ request: LDAPSearchRequest, deadline: ContinuousClock.Instant) throws(SsoError) -> [LDAPEntry] {
        var timeout = try prepareOperation(deadline: deadline)
        let scope: Int32 =
            switch request.scope {
            case .base: LDAP_SCOPE_BASE
            case .oneLevel: LDAP_SCOPE_ONELEVEL
            case .subtree: LDAP_SCOPE_SUBTREE
            }
        let names = request.attributes.isEmpty ? ["1.1"] : request.attributes
        var attributes: [UnsafeMutablePointer<CChar>?] = names.map { strdup($0) } + [nil]
        defer { for pointer in attributes { free(pointer) } }
        let limit = Int32(clamping: max(request.sizeLimit, 0) + 1)
        var message: OpaquePointer?
        let code = attributes.withUnsafeMutableBufferPointer { list in
            ldap_search_ext_s(
                ld, request.base, scope, request.filter, list.baseAddress, 0, nil, nil, &timeout, limit, &message)
        }
        defer { ldap_msgfree(message) }
        switch code {
        case LDAP_SUCCESS:
            break
        case LDAP_SIZELIMIT_EXCEEDED, LDAP_ADMINLIMIT_EXCEEDED:
            throw SsoError(.ldapSizeLimitExceeded, "the search matched more than \(request.sizeLimit) entries")
        case LDAP_SERVER_DOWN, LDAP_CONNECT_ERROR, LDAP_TIMEOUT:
            throw transportError(code, during: "searching")
        case LDAP_TIMELIMIT_EXCEEDED:
            throw SsoError(.ldapTimeout, "the directory's search time limit was exceeded")
        case LDAP_REFERRAL:
            throw SsoError(.ldapReferral, "the directory answered the search with a referral, which is not followed")
        default:
            let text = String(cString: ldap_err2string(code))
            throw SsoError(.ldapSearchFailed, "the search failed: \(text) (result \(code))")
        }
        var entries: [LDAPEntry] = []
        var current = ldap_first_entry(ld, message)
        while let entry = current {
            entries.append(read(entry))
            current = ldap_next_entry(ld, entry)
        }
        guard entries.count <= request.sizeLimit else {
            throw SsoError(.ldapSizeLimitExceeded, "the search matched more than \(request.sizeLimit) entries")
        }
        return entries
    }

    private func read(_ entry: OpaquePointer) -> LDAPEntry {
        var dn = ""
        if let pointer = ldap_get_dn(ld, entry) {
            dn = String(cString: pointer)
            ldap_memfree(pointer)
        }
        var attributes: [String: [[UInt8]]] = [:]
        var ber: OpaquePointer?
        var name = ldap_first_attribute(ld, entry, &ber)
        while let attribute = name {
            var values: [[UInt8]] = []
            if let list = ldap_get_values_len(ld, entry, attribute) {
                var index = 0
                while let value = list[index] {
                    let length = Int(value.pointee.bv_len)
                    if length > 0, let base = value.pointee.bv_val {
                        values.append(Array(UnsafeRawBufferPointer(start: base, count: length)))
                    } else {
                        values.append([])
                    }
                    index += 1
                }
                ldap_value_free_len(list)
            }
            attributes[String(cString: attribute), default: []] += values
            ldap_memfree(attribute)
            name = ldap_next_attribute(ld, entry, ber)
        }
        if let ber { ber_free(ber, 0) }
        return LDAPEntry(dn: dn, attributes: attributes)
    }

    private func resultCodeOption() -> Int32 {
        var code: Int32 = LDAP_SERVER_DOWN
        _ = ldap_get_option(ld, LDAP_OPT_RESULT_CODE, &code)
        return code
    }
}
