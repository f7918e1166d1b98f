import Foundation

/// One YAML document of a file: its 1-based index, the 1-based file line it starts on, and text.
struct DocumentChunk {
    var index: Int
    var startLine: Int
    var text: Substring
}

/// Splits a YAML stream at `---` document markers so that each document is parsed on its own:
/// a syntax error in one document then cannot abort the others (libyaml stops at the first error).
enum DocumentSplitter {
    /// Splits `text` (BOM already stripped) into documents. A marker is a line starting with `---`
    /// followed by end of line or whitespace. Chunks holding only blank lines, comments, `...` or
    /// directives are dropped; the remaining ones are numbered from 1. Works on UTF-8 bytes, so
    /// `\r\n` and `\n` line ends are treated alike.
    ///
    /// This is the serial first step of every load, so it scans raw bytes (memchr per line, byte
    /// offsets) instead of walking `Substring.UTF8View` indices.
    /// - Complexity: O(n) in the text length.
    static func split(_ text: Substring) -> [DocumentChunk] {
        if let chunks = text.utf8.withContiguousStorageIfAvailable({ split(text, bytes: $0) }) { return chunks }
        let copy = String(text)
        return split(copy[...])
    }

    /// `bytes` are `text`'s UTF-8 code units; chunks are cut at byte offsets into `text`.
    private static func split(_ text: Substring, bytes: UnsafeBufferPointer<UInt8>) -> [DocumentChunk] {
        var chunks: [DocumentChunk] = []
        let utf8 = text.utf8, end = bytes.count
        var chunkStart = 0, chunkLine = 1, chunkHasContent = false
        var line = 1, lineStart = 0
        func flush(upTo stop: Int) {
            guard chunkHasContent else { return }
            let from = utf8.index(utf8.startIndex, offsetBy: chunkStart), to = utf8.index(utf8.startIndex, offsetBy: stop)
            chunks.append(DocumentChunk(index: chunks.count + 1, startLine: chunkLine, text: text[from..<to]))
        }
        guard let base = bytes.baseAddress else { return [] }
        while lineStart < end {
            let lineEnd = memchr(base + lineStart, 10, end - lineStart)
                .map { base.distance(to: $0.assumingMemoryBound(to: UInt8.self)) } ?? end
            switch classify(UnsafeBufferPointer(rebasing: bytes[lineStart..<lineEnd])) {
            case .marker(let hasInlineContent):
                flush(upTo: lineStart)
                chunkStart = lineStart
                chunkLine = line
                chunkHasContent = hasInlineContent
            case .content:
                chunkHasContent = true
            case .empty:
                break
            }
            line += 1
            lineStart = lineEnd + 1
        }
        flush(upTo: end)
        return chunks
    }

    private enum LineClass { case marker(hasInlineContent: Bool), content, empty }

    private static let space = UInt8(ascii: " "), tab = UInt8(ascii: "\t"), cr = UInt8(ascii: "\r")

    private static func isBlank(_ c: UInt8) -> Bool { c == space || c == tab || c == cr }

    /// Classifies one line (without its `\n`).
    private static func classify(_ line: UnsafeBufferPointer<UInt8>) -> LineClass {
        let n = line.count, dash = UInt8(ascii: "-"), dot = UInt8(ascii: ".")
        if n >= 3, line[0] == dash, line[1] == dash, line[2] == dash {
            guard n > 3 else { return .marker(hasInlineContent: false) }
            if isBlank(line[3]) {
                var i = 4
                while i < n, isBlank(line[i]) { i += 1 }
                return .marker(hasInlineContent: !(i == n || line[i] == UInt8(ascii: "#")))
            }
        }
        var i = 0
        while i < n, isBlank(line[i]) { i += 1 }
        guard i < n else { return .empty }
        let first = line[i]
        if first == UInt8(ascii: "#") || (first == UInt8(ascii: "%") && i == 0) { return .empty }
        if i + 3 <= n, line[i] == dot, line[i + 1] == dot, line[i + 2] == dot {
            var j = i + 3
            while j < n, isBlank(line[j]) { j += 1 }
            if j == n { return .empty }
        }
        return .content
    }
}
