/// Finds an element in XML text we generated (tests only): the byte range from its start tag
/// through its matching end tag, without parsing (the text is encrypted exactly as written).
enum XMLElementSpan {
    /// The first element whose local name is `localName`; elements of the same qualified name
    /// nested in it are part of it. `nil` when there is none or it is not closed.
    static func first(named localName: String, in bytes: [UInt8]) -> Range<Int>? {
        let local = Array(localName.utf8)
        var index = 0
        var start: Int?
        var qualifiedName: [UInt8] = []
        var depth = 0
        while let tag = nextTag(in: bytes, from: index) {
            index = tag.end
            if let opened = start {
                guard tag.name == qualifiedName else { continue }
                if tag.isEnd {
                    depth -= 1
                    if depth == 0 { return opened..<tag.end }
                } else if !tag.isEmpty {
                    depth += 1
                }
            } else if !tag.isEnd, Self.localPart(of: tag.name) == local {
                if tag.isEmpty { return tag.start..<tag.end }
                start = tag.start
                qualifiedName = tag.name
                depth = 1
            }
        }
        return nil
    }

    private struct Tag {
        var start: Int
        var end: Int
        var name: [UInt8]
        var isEnd: Bool
        var isEmpty: Bool
    }

    /// The next start or end tag at or after `from` (comments, processing instructions and
    /// declarations are skipped; quoted attribute values may hold `>`).
    private static func nextTag(in bytes: [UInt8], from: Int) -> Tag? {
        var index = from
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "<") else {
                index += 1
                continue
            }
            let start = index
            var cursor = index + 1
            let isEnd = cursor < bytes.count && bytes[cursor] == UInt8(ascii: "/")
            if isEnd { cursor += 1 }
            let isMarkup =
                cursor < bytes.count && (bytes[cursor] == UInt8(ascii: "!") || bytes[cursor] == UInt8(ascii: "?"))
            var nameEnd = cursor
            while nameEnd < bytes.count, !Self.endsName(bytes[nameEnd]) { nameEnd += 1 }
            var quote: UInt8?
            var end = nameEnd
            while end < bytes.count {
                let byte = bytes[end]
                if let open = quote {
                    if byte == open { quote = nil }
                } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                    quote = byte
                } else if byte == UInt8(ascii: ">") {
                    break
                }
                end += 1
            }
            guard end < bytes.count else { return nil }
            if isMarkup {
                index = end + 1
                continue
            }
            let isEmpty = end > start && bytes[end - 1] == UInt8(ascii: "/")
            return Tag(start: start, end: end + 1, name: Array(bytes[cursor..<nameEnd]), isEnd: isEnd, isEmpty: isEmpty)
        }
        return nil
    }

    private static func endsName(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "/")
            || byte == UInt8(ascii: "\t")
            || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
    }

    private static func localPart(of name: [UInt8]) -> [UInt8] {
        guard let colon = name.lastIndex(of: UInt8(ascii: ":")) else { return name }
        return Array(name[(colon + 1)...])
    }
}
