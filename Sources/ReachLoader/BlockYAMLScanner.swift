import Foundation

/// A fast path for the plain block-style YAML that `kubectl get -o yaml`, generators and most
/// hand-written manifests use: it scans one document's raw bytes and builds the same
/// ``YAMLTree`` arena (through the same ``TreeBuilder``) that ``YAMLComposer`` builds from
/// libyaml's events, with the same node order, scalar bytes, plainness and 1-based line/column
/// of every node (libyaml's marks: a mapping at its first key, a sequence at its first `-`, a quoted
/// scalar at its opening quote, an empty value just after its `:`).
///
/// Why: on the load benchmark libyaml's own scanning and parsing, with a `malloc`/`free` per token
/// and an event copied per node, were more than half of all instructions (873 M of 1,683 M on the
/// 10k-object file); this scanner reads each byte a few times and allocates nothing per node.
///
/// It accepts only a subset it is sure about, and returns `nil` (the caller then parses the
/// document with libyaml, so every diagnostic and limit stays exactly as before) on anything else:
/// tabs, control characters, a BOM, NEL/LS/PS line breaks or a lone CR anywhere; anchors,
/// aliases, tags, directives, `...` or a second `---`; flow collections not closed on their line (see
/// `BlockYAMLScanner+Flow.swift` for the flow subset);
/// block scalars (`|`, `>`); plain or quoted scalars continued on another line; `?`/`:` complex
/// keys; escapes in double quotes other than `\\ \" \n \t \r \/ \0`; an empty `-` item; `- -`; a
/// scalar alone on a line as a block value; keys longer than 1,000 bytes; nesting deeper than
/// ``maxDepth``; a root that is not a block mapping or sequence; and any indentation that is not
/// exactly that of an open collection. Duplicate-key warnings are the builder's, so they are the
/// same; they are only passed on when the whole document is accepted.
/// - Complexity: O(n) in the document length; recursion depth at most ``maxDepth``.
struct BlockYAMLScanner {
    /// Deeper block nesting is left to libyaml (whose limit is ``YAMLLimits/maxDepth``).
    static let maxDepth = 100
    /// Lines longer than this (bytes) give the document to libyaml.
    static let maxLineBytes = 1024

    /// Thrown to give the document back to libyaml.
    struct Bail: Error {}

    let b: UnsafeBufferPointer<UInt8>
    var builder: TreeBuilder
    let warnings = WarningBuffer()
    /// The current content line: 1-based number, byte range without its line break, indentation.
    var line: Int32 = 0
    var lineStart = 0
    var lineEnd = 0
    var indent = 0
    var nextLineStart = 0
    var atEOF = false
    var depth = 0
    /// The last ``column(_:)`` answer: line start, byte offset, column.
    var columnCache: (line: Int, offset: Int, column: Int32) = (-1, 0, 1)

    /// Warnings raised while composing, replayed only if the fast path accepts the document.
    final class WarningBuffer {
        var items: [(message: String, line: Int, column: Int)] = []
    }

    /// The document's tree, or `nil` when the text is outside the subset (parse it with libyaml).
    /// Duplicate-key warnings go to `warning` only on success.
    /// - Complexity: O(text length).
    static func compose(_ text: Substring, warning: (String, Int, Int) -> Void) -> [YAMLTree]? {
        let result: [YAMLTree]?? = text.utf8.withContiguousStorageIfAvailable { compose($0, warning: warning) }
        return result ?? nil
    }

    /// The same for one document's UTF-8 bytes (valid UTF-8: the loader validates every input).
    /// - Complexity: O(text length).
    static func compose(_ buffer: UnsafeBufferPointer<UInt8>, warning: (String, Int, Int) -> Void) -> [YAMLTree]? {
        guard buffer.count < Int(Int32.max) / 2, isSubsetText(buffer) else { return nil }
        var scanner = BlockYAMLScanner(b: buffer, builder: TreeBuilder(expectedBytes: buffer.count))
        guard let tree = try? scanner.document() else { return nil }
        for w in scanner.warnings.items { warning(w.message, w.line, w.column) }
        return [tree]
    }

    /// Whether every byte may appear in the subset: no control character other than `\n` and a
    /// `\r` before it (so no tab), no DEL, and none of the UTF-8 sequences libyaml treats
    /// specially (C1 controls including NEL U+0085, LS U+2028, PS U+2029, BOM U+FEFF,
    /// U+FFFE/U+FFFF). The text is valid UTF-8 (a `String`'s, or validated by the loader).
    /// - Complexity: O(n).
    static func isSubsetText(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = b.count
        var i = 0
        while i < n {
            let c = b[i]
            if c >= 0x20 && c < 0x7F { i += 1; continue }
            switch c {
            case 0x0A: break
            case 0x0D: guard i + 1 < n, b[i + 1] == 0x0A else { return false }
            case 0xC2: guard i + 1 < n, b[i + 1] >= 0xA0 else { return false }
            case 0xE2: if i + 2 < n, b[i + 1] == 0x80, b[i + 2] == 0xA8 || b[i + 2] == 0xA9 { return false }
            case 0xEF:
                if i + 2 < n, b[i + 1] == 0xBB, b[i + 2] == 0xBF { return false }
                if i + 2 < n, b[i + 1] == 0xBF, b[i + 2] >= 0xBE { return false }
            default: if c < 0x80 { return false }  // other controls (tab included) and DEL
            }
            i += 1
        }
        return true
    }

    // MARK: Lines

    /// Moves to the next line holding content (not blank, not only a comment), or to EOF.
    /// A document marker (`---`, `...`) or a directive (`%`) in column 1 gives up.
    mutating func nextContentLine() throws(Bail) {
        let n = b.count
        while nextLineStart < n {
            let start = nextLineStart
            var end = start
            if let base = b.baseAddress, let p = memchr(base + start, 0x0A, n - start) {
                end = base.distance(to: p.assumingMemoryBound(to: UInt8.self))
                nextLineStart = end + 1
            } else {
                end = n
                nextLineStart = n
            }
            line += 1
            if end > start, b[end - 1] == 0x0D { end -= 1 }
            // Long lines go to libyaml: per-node work on a line is bounded by the line's length.
            guard end - start <= Self.maxLineBytes else { throw Bail() }
            var i = start
            while i < end, b[i] == 0x20 { i += 1 }
            if i == end || b[i] == UInt8(ascii: "#") { continue }
            if i == start, isMarker(start, end) || b[i] == UInt8(ascii: "%") {
                // The splitter's `---` starting the chunk, with nothing after it but a comment.
                guard start == 0, b[start] == UInt8(ascii: "-") else { throw Bail() }
                (lineStart, lineEnd) = (start, end)
                try expectLineEnd(start + 3)
                continue
            }
            (lineStart, lineEnd, indent) = (start, end, i - start)
            return
        }
        atEOF = true
    }

    /// `---` or `...` at `start` followed by a blank or the line end.
    func isMarker(_ start: Int, _ end: Int) -> Bool {
        guard end - start >= 3 else { return false }
        let c = b[start]
        guard c == UInt8(ascii: "-") || c == UInt8(ascii: ".") , b[start + 1] == c, b[start + 2] == c else { return false }
        return end - start == 3 || b[start + 3] == 0x20
    }

    /// libyaml's 1-based column of byte offset `p` on the current line: it counts characters, so
    /// UTF-8 continuation bytes before `p` do not count. Counting resumes from the previous call on
    /// the same line (nodes come in increasing order), so a long line with many nodes stays linear.
    /// - Complexity: O(bytes since the previous call on this line).
    mutating func column(_ p: Int) -> Int32 {
        if columnCache.line != lineStart || columnCache.offset > p { columnCache = (lineStart, lineStart, 1) }
        var col = columnCache.column
        for i in columnCache.offset..<p where b[i] & 0xC0 != 0x80 { col += 1 }
        columnCache = (lineStart, p, col)
        return col
    }

    /// A `-` block entry indicator at `p`: `-` followed by a space or the line end.
    func isEntry(_ p: Int) -> Bool {
        p < lineEnd && b[p] == UInt8(ascii: "-") && (p + 1 == lineEnd || b[p + 1] == 0x20)
    }

    /// After an inline node ending at `p`: only spaces, then the line end or a ` #` comment.
    func expectLineEnd(_ p: Int) throws(Bail) {
        var i = p
        while i < lineEnd, b[i] == 0x20 { i += 1 }
        guard i == lineEnd || (b[i] == UInt8(ascii: "#") && i > p) else { throw Bail() }
    }

    // MARK: Structure

    /// The whole document: an optional leading `---` line, then one block mapping or sequence.
    mutating func document() throws(Bail) -> YAMLTree {
        try nextContentLine()
        guard !atEOF else { throw Bail() }
        try blockNode(at: lineStart + indent, column: indent, indentless: false)
        guard atEOF, builder.stack.isEmpty, !builder.entries.isEmpty else { throw Bail() }
        return builder.freeze()
    }

    /// A block mapping or sequence whose first key or `-` is at `p`, in column `col` (0-based).
    mutating func blockNode(at p: Int, column col: Int, indentless: Bool) throws(Bail) {
        depth += 1
        guard depth <= Self.maxDepth else { throw Bail() }
        defer { depth -= 1 }
        if isEntry(p) {
            try sequence(at: p, column: col, indentless: indentless)
        } else {
            let key = try scalarToken(at: p)
            guard key.isKey else { throw Bail() }
            try mapping(firstKey: key, column: col)
        }
    }

    /// A block mapping at column `col` whose first key is `first` (on the current line).
    mutating func mapping(firstKey first: ScalarToken, column col: Int) throws(Bail) {
        try start(mapping: true, flow: false, at: first.start)
        var key = first
        while true {
            guard key.end - key.start <= 1000 else { throw Bail() }  // libyaml: a simple key spans ≤ 1024 characters
            try emit(key)
            try value(afterColon: key.next, keyColumn: col)
            if atEOF || indent < col { break }
            guard indent == col, !isEntry(lineStart + indent) else { throw Bail() }
            key = try scalarToken(at: lineStart + indent)
            guard key.isKey else { throw Bail() }
        }
        try end(mapping: true)
    }

    /// The value after a key's `:` (at `p`, just past the colon), in a mapping at column `col`.
    /// Leaves the scanner on the next content line after the value.
    mutating func value(afterColon p: Int, keyColumn col: Int) throws(Bail) {
        var i = p
        while i < lineEnd, b[i] == 0x20 { i += 1 }
        if i == lineEnd || b[i] == UInt8(ascii: "#") {
            let mark = (line, column(p))
            try nextContentLine()
            if !atEOF, indent > col {
                try blockNode(at: lineStart + indent, column: indent, indentless: false)
            } else if !atEOF, indent == col, isEntry(lineStart + indent) {
                try blockNode(at: lineStart + indent, column: indent, indentless: true)
            } else {
                try scalar(UnsafeBufferPointer(rebasing: b[p..<p]), plain: true, line: mark.0, column: mark.1)
            }
            return
        }
        try inlineValue(at: i)
        try nextContentLine()
        if !atEOF, indent > col { throw Bail() }  // a continuation line, or bad indentation
    }

    /// A block sequence whose first `-` is at `p`, column `col`. `indentless`: the value of a key
    /// in the same column (`key:` then `- x` lines), which ends at a line in that column that is
    /// not a `-` entry.
    mutating func sequence(at p: Int, column col: Int, indentless: Bool) throws(Bail) {
        try start(mapping: false, flow: false, at: p)
        var dash = p
        while true {
            var i = dash + 1
            while i < lineEnd, b[i] == 0x20 { i += 1 }
            guard i < lineEnd, b[i] != UInt8(ascii: "#"), !isEntry(i) else { throw Bail() }
            let token = try scalarToken(at: i)
            if token.isKey {
                depth += 1
                guard depth <= Self.maxDepth else { throw Bail() }
                try mapping(firstKey: token, column: i - lineStart)  // only spaces and `-` before: bytes = columns
                depth -= 1
            } else {
                try inlineValue(token)
                try nextContentLine()
                if !atEOF, indent > col { throw Bail() }
            }
            if atEOF || indent < col { break }
            guard indent == col else { throw Bail() }
            guard isEntry(lineStart + indent) else {
                if indentless { break }
                throw Bail()
            }
            dash = lineStart + indent
        }
        try end(mapping: false)
    }

    /// An inline value starting at `p`: a scalar or an empty flow collection, then the line end.
    mutating func inlineValue(at p: Int) throws(Bail) {
        try inlineValue(try scalarToken(at: p))
    }

    mutating func inlineValue(_ token: ScalarToken) throws(Bail) {
        guard !token.isKey else { throw Bail() }  // `a: b: c` is an error for libyaml
        if token.style == .flow {
            // Not `expectLineEnd(try flowCollection(…))`: evaluating a non-mutating call's `self` before
            // its mutating argument copies the builder's arrays once per collection (quadratic).
            let end = try flowCollection(at: token.start, flowDepth: 1)
            try expectLineEnd(end)
            return
        }
        try emit(token)
        try expectLineEnd(token.next)
    }

    // MARK: Builder calls

    mutating func start(mapping: Bool, flow: Bool, at p: Int) throws(Bail) {
        guard case .success = builder.startCollection(mapping: mapping, flow: flow, line: line, column: column(p)) else { throw Bail() }
    }

    mutating func end(mapping: Bool) throws(Bail) {
        let sink = warnings
        if builder.endCollection(mapping: mapping, warning: { sink.items.append(($0, $1, $2)) }) != nil { throw Bail() }
    }

    mutating func scalar(_ bytes: UnsafeBufferPointer<UInt8>, plain: Bool, line: Int32, column: Int32) throws(Bail) {
        guard case .success = builder.addScalar(bytes, plain: plain, line: line, column: column) else { throw Bail() }
    }
}
