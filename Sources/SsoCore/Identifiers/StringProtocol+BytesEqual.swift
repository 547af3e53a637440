/// Exact comparison of protocol identifiers.
///
/// Entity ids, issuers, audiences, client ids, URLs, request ids, nonces, state, `kid`, subjects,
/// RelayState, connection and session ids are equal only when their UTF-8 bytes are. Swift's
/// `String ==` is Unicode canonical equivalence — KELVIN SIGN (U+212A) equals `K`, NFD `e` + U+0301
/// equals NFC `é` — so an identifier registered elsewhere that differs from ours only that way
/// would be accepted as ours. Compare identifiers with these helpers, never with `==`.
extension StringProtocol {
    /// Whether `self` and `other` have exactly the same UTF-8 bytes.
    @inlinable
    public func bytesEqual(_ other: some StringProtocol) -> Bool {
        let lhs = utf8
        let rhs = other.utf8
        guard lhs.count == rhs.count else { return false }
        return lhs.elementsEqual(rhs)
    }

    /// Whether `self` starts with exactly the UTF-8 bytes of `prefix`.
    @inlinable
    public func bytesHavePrefix(_ prefix: some StringProtocol) -> Bool {
        utf8.starts(with: prefix.utf8)
    }
}

extension Sequence where Element: StringProtocol {
    /// Whether an element has exactly the UTF-8 bytes of `candidate`.
    @inlinable
    public func containsBytes(of candidate: some StringProtocol) -> Bool {
        contains { $0.bytesEqual(candidate) }
    }
}

extension Optional where Wrapped: StringProtocol {
    /// Whether the value is present and has exactly the UTF-8 bytes of `other`.
    @inlinable
    public func bytesEqual(_ other: some StringProtocol) -> Bool {
        guard let value = self else { return false }
        return value.bytesEqual(other)
    }

    /// Whether both are absent, or both present with exactly the same UTF-8 bytes.
    @inlinable
    public func bytesEqual(_ other: Wrapped?) -> Bool {
        switch (self, other) {
        case (nil, nil): return true
        case (let lhs?, let rhs?): return lhs.bytesEqual(rhs)
        default: return false
        }
    }
}
