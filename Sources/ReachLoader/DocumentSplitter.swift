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
    /// - Complexity: O(n) in the text length.
    static func split(_ text: Substring) -> [DocumentChunk] {
        var chunks: [DocumentChunk] = []
        let utf8 = text.utf8
        var chunkStart = utf8.startIndex, chunkLine = 1, chunkHasContent = false
        var line = 1
        var lineStart = utf8.startIndex
        func flush(upTo end: String.Index) {
            if chunkHasContent {
                chunks.append(DocumentChunk(index: chunks.count + 1, startLine: chunkLine, text: text[chunkStart..<end]))
            }
        }
        while lineStart < utf8.endIndex {
            let lineEnd = nextNewline(utf8, from: lineStart)
            let bytes = utf8[lineStart..<lineEnd]
            switch classify(bytes) {
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
            lineStart = lineEnd < utf8.endIndex ? utf8.index(after: lineEnd) : utf8.endIndex
        }
        flush(upTo: utf8.endIndex)
        return chunks
    }

    /// Index of the next `\n` at or after `from` (memchr on contiguous storage).
    private static func nextNewline(_ utf8: Substring.UTF8View, from: String.Index) -> String.Index {
        let rest = utf8[from...]
        let offset = rest.withContiguousStorageIfAvailable { buf -> Int? in
            guard let base = buf.baseAddress, let hit = memchr(base, 10, buf.count) else { return nil }
            return base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
        }
        switch offset {
        case .some(.some(let n)): return utf8.index(from, offsetBy: n)
        case .some(.none): return utf8.endIndex
        case .none: return rest.firstIndex(of: UInt8(ascii: "\n")) ?? utf8.endIndex
        }
    }

    private enum LineClass { case marker(hasInlineContent: Bool), content, empty }

    private static let space = UInt8(ascii: " "), tab = UInt8(ascii: "\t"), cr = UInt8(ascii: "\r")

    /// Classifies one line (without its `\n`).
    private static func classify(_ line: Substring.UTF8View) -> LineClass {
        if line.starts(with: "---".utf8) {
            let rest = line.dropFirst(3)
            guard let next = rest.first else { return .marker(hasInlineContent: false) }
            if next == space || next == tab || next == cr {
                let tail = rest.drop { $0 == space || $0 == tab || $0 == cr }
                return .marker(hasInlineContent: !(tail.isEmpty || tail.first == UInt8(ascii: "#")))
            }
        }
        let body = line.drop { $0 == space || $0 == tab || $0 == cr }
        guard let first = body.first else { return .empty }
        if first == UInt8(ascii: "#") || (first == UInt8(ascii: "%") && line.first == first) { return .empty }
        if body.starts(with: "...".utf8), body.dropFirst(3).allSatisfy({ $0 == space || $0 == tab || $0 == cr }) {
            return .empty
        }
        return .content
    }
}
