/// Flow collections of ``BlockYAMLScanner`` that open and close on one line (`{name: pg, port: 80}`,
/// `["get", "list"]`, `{cidr: 0.0.0.0/0, except: [10.0.0.0/8]}`), as generators and many manifests
/// write them. libyaml 0.2.5's flow rules (`scanner.c`): a plain scalar in flow context ends at
/// `,` `[` `]` `{` `}`, at `: ` and at ` #`; `:` followed by one of `,?[]{}` is an error there; `?`
/// and `:` cannot start a plain scalar; a `key: value` pair inside `[…]` is a one-pair mapping.
/// This path keeps only `key: value` pairs (`: ` with a space) in mappings and plain or quoted
/// scalars or nested one-line collections as values; it gives the document back to libyaml on
/// anything else (a line end or comment before the close, a trailing or doubled `,`, an empty or
/// missing value, a pair inside `[…]`, `?`, `:` not followed by a space, nesting deeper than
/// ``maxFlowDepth``).
extension BlockYAMLScanner {
    /// Deeper flow nesting goes to libyaml (its scan budget starts at 64 levels).
    static let maxFlowDepth = 16

    /// The collection opening at `p` (`{` or `[`); returns the offset just past its close.
    /// - Complexity: O(length of the collection's text).
    mutating func flowCollection(at p: Int, flowDepth: Int) throws(Bail) -> Int {
        guard flowDepth <= Self.maxFlowDepth, depth + flowDepth <= Self.maxDepth else { throw Bail() }
        let isMapping = b[p] == UInt8(ascii: "{")
        let close = isMapping ? UInt8(ascii: "}") : UInt8(ascii: "]")
        try start(mapping: isMapping, flow: true, at: p)
        var i = skipSpaces(p + 1)
        guard i < lineEnd else { throw Bail() }
        if b[i] != close {
            while true {
                if isMapping {
                    let key = try flowToken(at: i)
                    guard key.isKey, key.style != .flow, key.end - key.start <= 1000 else { throw Bail() }
                    try emit(key)
                    i = skipSpaces(key.next)
                    guard i < lineEnd, b[i] != UInt8(ascii: ","), b[i] != close else { throw Bail() }
                }
                // The mutating call first, into a local: `skipSpaces(try flowValue(…))` would copy `self`
                // (with the builder's arrays) before the mutation, and every append would copy them.
                let afterValue = try flowValue(at: i, flowDepth: flowDepth)
                i = skipSpaces(afterValue)
                guard i < lineEnd else { throw Bail() }
                if b[i] == close { break }
                guard b[i] == UInt8(ascii: ",") else { throw Bail() }
                i = skipSpaces(i + 1)
                guard i < lineEnd, b[i] != close, b[i] != UInt8(ascii: ",") else { throw Bail() }
            }
        }
        try end(mapping: isMapping)
        return i + 1
    }

    /// A value inside a flow collection at `p`; returns the offset just past it.
    private mutating func flowValue(at p: Int, flowDepth: Int) throws(Bail) -> Int {
        let token = try flowToken(at: p)
        if token.style == .flow { return try flowCollection(at: p, flowDepth: flowDepth + 1) }
        guard !token.isKey else { throw Bail() }  // a pair where a value belongs
        try emit(token)
        return token.next
    }

    func skipSpaces(_ p: Int) -> Int {
        var i = p
        while i < lineEnd, b[i] == 0x20 { i += 1 }
        return i
    }

    /// A token inside a flow collection: a quoted scalar, a nested collection, or a plain scalar
    /// with the flow-context rules.
    private func flowToken(at p: Int) throws(Bail) -> ScalarToken {
        guard p < lineEnd else { throw Bail() }
        let c = b[p]
        if c == UInt8(ascii: "'") || c == UInt8(ascii: "\"") || c == UInt8(ascii: "{") || c == UInt8(ascii: "[") {
            let token = try scalarToken(at: p)
            // A quoted key's `:` must be followed by a space here too (`"a":b` is left to libyaml).
            return token
        }
        if Self.isFlowIndicator(c) || c == UInt8(ascii: "#") || c == UInt8(ascii: "&") || c == UInt8(ascii: "*")
            || c == UInt8(ascii: "!") || c == UInt8(ascii: "|") || c == UInt8(ascii: ">") || c == UInt8(ascii: "%")
            || c == UInt8(ascii: "@") || c == UInt8(ascii: "`") || c == UInt8(ascii: "?") || c == UInt8(ascii: ":") {
            throw Bail()
        }
        if c == UInt8(ascii: "-") {
            guard p + 1 < lineEnd, b[p + 1] != 0x20, !Self.isFlowIndicator(b[p + 1]) else { throw Bail() }
        }
        var i = p, contentEnd = p
        while i < lineEnd {
            let ch = b[i]
            if ch == 0x20 {
                let j = skipSpaces(i)
                guard j < lineEnd, b[j] != UInt8(ascii: "#") else { throw Bail() }  // open at the line end
                i = j
                continue
            }
            if ch == UInt8(ascii: ":") {
                guard i + 1 < lineEnd else { throw Bail() }
                let next = b[i + 1]
                if next == 0x20 {
                    return ScalarToken(style: .plain, start: p, end: contentEnd, next: i + 1, isKey: true, hasEscapes: false)
                }
                if Self.isFlowIndicator(next) || next == UInt8(ascii: "?") { throw Bail() }
            } else if Self.isFlowIndicator(ch) {
                return ScalarToken(style: .plain, start: p, end: contentEnd, next: contentEnd, isKey: false, hasEscapes: false)
            }
            i += 1
            contentEnd = i
        }
        throw Bail()  // the collection does not close on this line
    }

    private static func isFlowIndicator(_ c: UInt8) -> Bool {
        c == UInt8(ascii: ",") || c == UInt8(ascii: "[") || c == UInt8(ascii: "]") || c == UInt8(ascii: "{")
            || c == UInt8(ascii: "}")
    }
}
