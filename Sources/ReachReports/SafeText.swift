/// One place for escaping strings that come from the input (object names, subject names, label
/// values, diagnostic messages quoting them…) before they are written in any output format.
/// Manifests may be written by an attacker, and the API server does not validate every name (a
/// RoleBinding subject's name is free text), so every formatter treats input strings as hostile.
///
/// Each escaper is a pure function on `String`, plus a variant that appends UTF-8 bytes to an
/// `inout [UInt8]` for streamed writers. All of them return the input unchanged (no allocation on
/// the `String` path) when it contains nothing to escape, which is the common case.
///
/// What is "unsafe on a terminal" (``isTerminalUnsafe(_:)``): C0 controls (U+0000–U+001F), DEL
/// (U+007F), C1 controls (U+0080–U+009F), Unicode format characters (general category Cf: bidi
/// overrides and isolates used by "Trojan source" tricks, zero-width characters, the BOM, soft
/// hyphen) and the line and paragraph separators (U+2028, U+2029). They are written visibly:
/// `\n`, `\r`, `\t` for the usual three, `\xNN` for other C0 controls and DEL, `\u{NNNN}` for the
/// rest (hex in lowercase). Printable non-ASCII text (accents, CJK, emoji without joiners) is kept.
public enum SafeText {
    // MARK: Classification

    /// Whether `scalar` must not reach a terminal raw (see the type's documentation).
    /// - Complexity: O(1).
    @inlinable
    public static func isTerminalUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v < 0x20 || v == 0x7F { return true }
        if v < 0x80 { return false }
        if v < 0xA0 { return true }
        if v == 0x2028 || v == 0x2029 { return true }
        return scalar.properties.generalCategory == .format
    }

    /// The visible escape of an unsafe scalar: `\n`, `\r`, `\t`, `\x1b`, `\u{202e}`.
    static func visible(_ scalar: Unicode.Scalar) -> String {
        switch scalar {
        case "\n": return "\\n"
        case "\r": return "\\r"
        case "\t": return "\\t"
        default:
            let v = scalar.value
            let hex = String(v, radix: 16)
            if v < 0x80 { return "\\x" + (hex.count < 2 ? "0" + hex : hex) }
            return "\\u{" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex + "}"
        }
    }

    /// Whether the bytes are printable ASCII without any of `special` (the fast path).
    @inline(__always)
    static func isPlain(_ text: String, special: (UInt8) -> Bool) -> Bool {
        for b in text.utf8 where b < 0x20 || b >= 0x7F || special(b) { return false }
        return true
    }

    // MARK: Terminal text

    /// `text` made safe and unambiguous for a terminal (text output, tables, logs): every unsafe
    /// scalar is written visibly (ESC → `\x1b`, BEL → `\x07`, newline → `\n`, U+202E →
    /// `\u{202e}`) and a backslash is doubled, so `\x1b` in the output always means the byte 0x1B
    /// was in the input and a literal `\x1b` in the input prints as `\\x1b`.
    /// - Complexity: O(n) in the UTF-8 length.
    public static func terminal(_ text: String) -> String {
        if isPlain(text, special: { $0 == 0x5C }) { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count + 8)
        for s in text.unicodeScalars {
            if s == "\\" { out += "\\\\" } else if isTerminalUnsafe(s) { out += visible(s) } else { out.unicodeScalars.append(s) }
        }
        return out
    }

    /// Appends ``terminal(_:)`` of `text` as UTF-8 to `out`.
    /// - Complexity: O(n) in the UTF-8 length.
    public static func appendTerminal(_ text: String, to out: inout [UInt8]) {
        if isPlain(text, special: { $0 == 0x5C }) { out.append(contentsOf: text.utf8) } else { out.append(contentsOf: terminal(text).utf8) }
    }

    /// A whole multi-line text output made safe for a terminal: every unsafe scalar except the
    /// line feed is written visibly (as ``terminal(_:)``), backslashes are kept. The last line of
    /// defence of the text formatters, which escape each input value with ``terminal(_:)`` (so a
    /// newline inside a name cannot forge an output line) and then pass their whole output here.
    /// - Complexity: O(n); no copy when nothing needs escaping.
    public static func terminalText(_ text: String) -> String {
        controlsVisible(text, keep: { $0 == "\n" })
    }

    /// `text` with unsafe scalars written visibly (as ``terminal(_:)``) but backslashes kept and,
    /// optionally, some scalars (`keep`) left raw. The building block of the other escapers.
    static func controlsVisible(_ text: String, keep: (Unicode.Scalar) -> Bool = { _ in false }) -> String {
        if !text.unicodeScalars.contains(where: { isTerminalUnsafe($0) && !keep($0) }) { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count + 8)
        for s in text.unicodeScalars {
            if isTerminalUnsafe(s) && !keep(s) { out += visible(s) } else { out.unicodeScalars.append(s) }
        }
        return out
    }

    // MARK: CSV

    /// One RFC 4180 CSV field, with spreadsheet formula neutralisation.
    ///
    /// * A field containing `,`, `"`, CR or LF is enclosed in double quotes and its quotes doubled;
    ///   CR and LF are kept inside the quotes (they are data, RFC 4180 §2.6).
    /// * Formula neutralisation (OWASP "CSV Injection"): a field beginning with `=`, `+`, `-`,
    ///   `@`, TAB or CR gets a leading `'`, so a spreadsheet shows it as text instead of evaluating
    ///   `=HYPERLINK(…)` or `=cmd|' /C calc'!A0`. This **changes such values** (`-x` is written
    ///   `'-x`); a consumer that needs the exact value strips one leading `'` when the next
    ///   character is one of those six. The single character `-` (a placeholder for "none") is
    ///   left alone: it cannot start a formula.
    /// * Other terminal-unsafe characters (ESC, BEL, C1, bidi controls…) are written visibly as in
    ///   ``terminal(_:)`` (a CSV is often looked at with `cat`); backslashes are kept as they are.
    /// - Complexity: O(n).
    public static func csvField(_ text: String) -> String {
        var value = controlsVisible(text, keep: { $0 == "\n" || $0 == "\r" || $0 == "\t" })
        if let first = value.utf8.first, value != "-",
           first == UInt8(ascii: "=") || first == UInt8(ascii: "+") || first == UInt8(ascii: "-")
            || first == UInt8(ascii: "@") || first == 0x09 || first == 0x0D {
            value = "'" + value
        }
        let needsQuotes = value.utf8.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D }
        guard needsQuotes else { return value }
        var out = "\""
        for s in value.unicodeScalars {
            if s == "\"" { out += "\"\"" } else { out.unicodeScalars.append(s) }
        }
        return out + "\""
    }

    /// Appends ``csvField(_:)`` of `text` as UTF-8 to `out`.
    public static func appendCSVField(_ text: String, to out: inout [UInt8]) {
        if let first = text.utf8.first, first != UInt8(ascii: "="), first != UInt8(ascii: "+"),
           first != UInt8(ascii: "-"), first != UInt8(ascii: "@"),
           isPlain(text, special: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") }) {
            out.append(contentsOf: text.utf8)
        } else {
            out.append(contentsOf: csvField(text).utf8)
        }
    }

    // MARK: Markdown

    /// A GitHub-flavoured Markdown table cell (or inline text) that renders as the literal value.
    ///
    /// * `\`, `|`, `` ` ``, `*`, `_`, `~`, `[`, `]` are backslash-escaped (no cell splitting, code
    ///   spans, emphasis, strikethrough or links can be injected).
    /// * `<`, `>`, `&` become `&lt;`, `&gt;`, `&amp;` (no raw HTML, no entity tricks).
    /// * A newline (LF, CR LF or CR) becomes `<br>`, which GitHub renders as a line break inside a
    ///   table cell; a raw newline would end the table row.
    /// * Other unsafe characters are written visibly (`\x1b`), which Markdown shows literally.
    /// - Complexity: O(n).
    public static func markdownCell(_ text: String) -> String {
        let special: (UInt8) -> Bool = { b in
            switch b {
            case UInt8(ascii: "\\"), UInt8(ascii: "|"), UInt8(ascii: "`"), UInt8(ascii: "*"), UInt8(ascii: "_"),
                 UInt8(ascii: "~"), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "<"), UInt8(ascii: ">"),
                 UInt8(ascii: "&"): return true
            default: return false
            }
        }
        if isPlain(text, special: special) { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count + 8)
        var previousCR = false
        for s in text.unicodeScalars {
            defer { previousCR = s == "\r" }
            switch s {
            case "\\", "|", "`", "*", "_", "~", "[", "]":
                out += "\\"
                out.unicodeScalars.append(s)
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "&": out += "&amp;"
            case "\r": out += "<br>"
            case "\n": if !previousCR { out += "<br>" }
            default:
                if isTerminalUnsafe(s) { out += visible(s) } else { out.unicodeScalars.append(s) }
            }
        }
        return out
    }

    /// Appends ``markdownCell(_:)`` of `text` as UTF-8 to `out`.
    public static func appendMarkdownCell(_ text: String, to out: inout [UInt8]) {
        out.append(contentsOf: markdownCell(text).utf8)
    }

    // MARK: XML, SVG, HTML

    /// Text for XML 1.0 / HTML character data **and** double- or single-quoted attribute values
    /// (SVG, the HTML report): `&`, `<`, `>`, `"`, `'` become entity references.
    ///
    /// Characters XML 1.0 does not allow at all (C0 controls other than TAB, LF, CR; U+FFFE,
    /// U+FFFF) cannot be written even as character references, so they are written visibly
    /// (`\x1b`), as are the other terminal-unsafe characters (DEL, C1, bidi controls…, and TAB
    /// and CR, legal in XML but able to hide text when the file is printed on a terminal), so the
    /// page neither breaks the parser nor reorders text. LF is kept (white space in HTML).
    /// - Complexity: O(n).
    public static func xml(_ text: String) -> String {
        let special: (UInt8) -> Bool = { b in
            b == UInt8(ascii: "&") || b == UInt8(ascii: "<") || b == UInt8(ascii: ">")
                || b == UInt8(ascii: "\"") || b == UInt8(ascii: "'")
        }
        if isPlain(text, special: special) { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count + 16)
        for s in text.unicodeScalars {
            switch s {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\n": out.unicodeScalars.append(s)
            default:
                if isTerminalUnsafe(s) || s.value == 0xFFFE || s.value == 0xFFFF {
                    out += visible(s)
                } else {
                    out.unicodeScalars.append(s)
                }
            }
        }
        return out
    }

    /// Appends ``xml(_:)`` of `text` as UTF-8 to `out`.
    public static func appendXML(_ text: String, to out: inout [UInt8]) {
        out.append(contentsOf: xml(text).utf8)
    }

    // MARK: Graphviz DOT

    /// A Graphviz DOT double-quoted string, quotes included: `"` and `\` are backslash-escaped (so
    /// Graphviz's `\N`, `\G`, `\l`… substitutions cannot be injected and a backslash shows as
    /// itself in a label), a newline becomes DOT's `\n` (a centred line break in a label), CR is
    /// dropped, and every other unsafe character is written visibly (`\x1b`, shown as `\x1b` in
    /// the label) — Graphviz copies control characters into SVG, which no XML parser accepts.
    /// Graphviz also decodes HTML entities in labels and copies entity-like text into SVG
    /// unescaped, so `&#27;` in a name would become a raw ESC (or an invalid character reference):
    /// an `&` that starts such a sequence is written as U+FF06 FULLWIDTH AMPERSAND `＆` (the only
    /// change to the displayed text; a lone `&` is kept).
    /// Long input strings should go through ``truncated(_:maxBytes:)`` first (Graphviz's layout
    /// crashes on megabyte labels).
    /// - Complexity: O(n).
    public static func dotString(_ text: String) -> String {
        var out = "\""
        out.reserveCapacity(text.utf8.count + 2)
        if isPlain(text, special: { $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") || $0 == UInt8(ascii: "&") }) {
            out += text
            return out + "\""
        }
        let scalars = Array(text.unicodeScalars)
        for (i, s) in scalars.enumerated() {
            switch s {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": break
            case "&" where startsEntity(scalars, after: i): out += "\u{FF06}"
            default:
                if isTerminalUnsafe(s) {
                    out += "\\" + visible(s)  // the label shows `\x1b`
                } else {
                    out.unicodeScalars.append(s)
                }
            }
        }
        return out + "\""
    }

    /// Whether `scalars[i]` (an `&`) starts what Graphviz takes for an entity (`&lt;`, `&#27;`,
    /// `&#x1b;`): `[#]?[A-Za-z0-9]+;` follows.
    static func startsEntity(_ scalars: [Unicode.Scalar], after i: Int) -> Bool {
        var j = i + 1
        if j < scalars.count && scalars[j] == "#" { j += 1 }
        let start = j
        while j < scalars.count, j - start < 32, scalars[j].isASCII,
              scalars[j].properties.isAlphabetic || ("0"..."9").contains(scalars[j]) { j += 1 }
        return j > start && j < scalars.count && scalars[j] == ";"
    }

    // MARK: Truncation

    /// The ellipsis ``truncated(_:maxBytes:)`` appends (U+2026, 3 bytes in UTF-8).
    public static let ellipsis = "\u{2026}"

    /// `text` if its UTF-8 form is at most `maxBytes` long; otherwise its longest prefix of whole
    /// characters (extended grapheme clusters) that fits in `maxBytes` together with a trailing
    /// ``ellipsis``. With `maxBytes` below the ellipsis' 3 bytes, the result is the ellipsis alone.
    /// - Complexity: O(min(n, maxBytes)).
    public static func truncated(_ text: String, maxBytes: Int) -> String {
        if text.utf8.count <= maxBytes { return text }
        let budget = maxBytes - ellipsis.utf8.count
        var used = 0
        var end = text.startIndex
        for index in text.indices {
            let next = text.index(after: index)
            let size = text.utf8.distance(from: index, to: next)
            if used + size > budget { break }
            used += size
            end = next
        }
        return String(text[..<end]) + ellipsis
    }
}
