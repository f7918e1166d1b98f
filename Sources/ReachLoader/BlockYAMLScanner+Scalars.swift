/// Scalars of ``BlockYAMLScanner``: plain and quoted scalars on one line, and the empty flow
/// collections `{}` / `[]`. The rules are libyaml 0.2.5's (`scanner.c`: `yaml_parser_fetch_next_token`
/// for which characters may start a plain scalar, `yaml_parser_scan_plain_scalar` and
/// `yaml_parser_scan_flow_scalar` for where they end and how escapes read); anything else gives up.
extension BlockYAMLScanner {
    enum Style { case plain, singleQuoted, doubleQuoted, flow }

    /// One inline token on the current line.
    struct ScalarToken {
        var style: Style
        /// Where libyaml's mark is: the first character, or the opening quote / bracket.
        var start: Int
        /// End of the plain text, or the closing quote's offset.
        var end: Int
        /// Just past the token: past the `:` for a key, else past its text or closing quote.
        var next: Int
        /// Followed by `:` and a space or the line end: a mapping key.
        var isKey: Bool
        /// A quoted scalar with `''` or `\` escapes to decode.
        var hasEscapes: Bool
    }

    /// The token at `p` (not a space), or a bail-out when it is not in the subset.
    /// - Complexity: O(length of the token).
    func scalarToken(at p: Int) throws(Bail) -> ScalarToken {
        let c = b[p]
        switch c {
        case UInt8(ascii: "'"), UInt8(ascii: "\""):
            return try quoted(at: p, double: c == UInt8(ascii: "\""))
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            return ScalarToken(style: .flow, start: p, end: p, next: p, isKey: false, hasEscapes: false)
        default:
            return try plain(at: p)
        }
    }

    /// Characters that cannot start a plain scalar (YAML 1.1 indicators, as libyaml checks them).
    private static func isIndicator(_ c: UInt8) -> Bool {
        switch c {
        case UInt8(ascii: "-"), UInt8(ascii: "?"), UInt8(ascii: ":"), UInt8(ascii: ","), UInt8(ascii: "["),
             UInt8(ascii: "]"), UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "#"), UInt8(ascii: "&"),
             UInt8(ascii: "*"), UInt8(ascii: "!"), UInt8(ascii: "|"), UInt8(ascii: ">"), UInt8(ascii: "'"),
             UInt8(ascii: "\""), UInt8(ascii: "%"), UInt8(ascii: "@"), UInt8(ascii: "`"):
            return true
        default:
            return false
        }
    }

    /// A plain scalar in block context: it ends at `: ` (or `:` at the line end), at ` #`, or at the
    /// line end; trailing spaces are not part of it.
    private func plain(at p: Int) throws(Bail) -> ScalarToken {
        let c = b[p]
        if Self.isIndicator(c) {
            // `-`, `?` and `:` start a plain scalar when a non-blank follows.
            let dashLike = c == UInt8(ascii: "-") || c == UInt8(ascii: "?") || c == UInt8(ascii: ":")
            guard dashLike, p + 1 < lineEnd, b[p + 1] != 0x20 else { throw Bail() }
        }
        var i = p, contentEnd = p
        while i < lineEnd {
            let ch = b[i]
            if ch == 0x20 {
                var j = i + 1
                while j < lineEnd, b[j] == 0x20 { j += 1 }
                if j == lineEnd || b[j] == UInt8(ascii: "#") { break }
                i = j
                continue
            }
            if ch == UInt8(ascii: ":"), i + 1 == lineEnd || b[i + 1] == 0x20 {
                return ScalarToken(style: .plain, start: p, end: contentEnd, next: i + 1, isKey: true, hasEscapes: false)
            }
            i += 1
            contentEnd = i
        }
        return ScalarToken(style: .plain, start: p, end: contentEnd, next: contentEnd, isKey: false, hasEscapes: false)
    }

    /// A single- or double-quoted scalar closed on the same line.
    private func quoted(at p: Int, double: Bool) throws(Bail) -> ScalarToken {
        let quote = b[p]
        var i = p + 1, escapes = false
        while true {
            guard i < lineEnd else { throw Bail() }  // continued on the next line
            let ch = b[i]
            if ch == quote {
                if !double, i + 1 < lineEnd, b[i + 1] == quote { escapes = true; i += 2; continue }
                break
            }
            if double, ch == UInt8(ascii: "\\") {
                guard i + 1 < lineEnd, Self.escaped(b[i + 1]) != nil else { throw Bail() }
                escapes = true
                i += 2
                continue
            }
            i += 1
        }
        var j = i + 1
        while j < lineEnd, b[j] == 0x20 { j += 1 }
        let isKey = j < lineEnd && b[j] == UInt8(ascii: ":") && (j + 1 == lineEnd || b[j + 1] == 0x20)
        return ScalarToken(style: double ? .doubleQuoted : .singleQuoted, start: p, end: i,
                           next: isKey ? j + 1 : i + 1, isKey: isKey, hasEscapes: escapes)
    }

    /// The byte a one-character double-quoted escape stands for (libyaml 0.2.5
    /// `yaml_parser_scan_flow_scalar`), for the escapes this path handles; `nil` for the others
    /// (`\x`, `\u`, `\U`, `\N`, `\_`, `\L`, `\P`, an escaped tab, and invalid ones), which libyaml parses.
    static func escaped(_ c: UInt8) -> UInt8? {
        switch c {
        case UInt8(ascii: "0"): return 0x00
        case UInt8(ascii: "a"): return 0x07
        case UInt8(ascii: "b"): return 0x08
        case UInt8(ascii: "t"): return 0x09
        case UInt8(ascii: "n"): return 0x0A
        case UInt8(ascii: "v"): return 0x0B
        case UInt8(ascii: "f"): return 0x0C
        case UInt8(ascii: "r"): return 0x0D
        case UInt8(ascii: "e"): return 0x1B
        case UInt8(ascii: " "): return 0x20
        case UInt8(ascii: "\""): return UInt8(ascii: "\"")
        case UInt8(ascii: "/"): return UInt8(ascii: "/")
        case UInt8(ascii: "\\"): return UInt8(ascii: "\\")
        default: return nil
        }
    }

    /// Adds `token` (a plain or quoted scalar) to the tree with its decoded bytes.
    mutating func emit(_ token: ScalarToken) throws(Bail) {
        let line = self.line, column = self.column(token.start)
        switch token.style {
        case .plain:
            try scalar(UnsafeBufferPointer(rebasing: b[token.start..<token.end]), plain: true, line: line, column: column)
        case .singleQuoted, .doubleQuoted:
            let raw = UnsafeBufferPointer(rebasing: b[(token.start + 1)..<token.end])
            guard token.hasEscapes else {
                try scalar(raw, plain: false, line: line, column: column)
                return
            }
            var out: [UInt8] = []
            out.reserveCapacity(raw.count)
            var i = 0
            while i < raw.count {
                let ch = raw[i]
                if token.style == .singleQuoted, ch == UInt8(ascii: "'") {
                    out.append(ch)
                    i += 2
                } else if token.style == .doubleQuoted, ch == UInt8(ascii: "\\"), let e = Self.escaped(raw[i + 1]) {
                    out.append(e)
                    i += 2
                } else {
                    out.append(ch)
                    i += 1
                }
            }
            let result = out.withUnsafeBufferPointer { builder.addScalar($0, plain: false, line: line, column: column) }
            guard case .success = result else { throw Bail() }
        case .flow:
            throw Bail()
        }
    }
}
