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
    /// followed by end of line or whitespace. Chunks that hold only blank lines, comments or
    /// directives are dropped; the remaining ones are numbered from 1.
    /// - Complexity: O(n) in the text length.
    static func split(_ text: String) -> [DocumentChunk] {
        var chunks: [DocumentChunk] = []
        let utf8 = text.utf8
        var chunkStart = utf8.startIndex
        var chunkLine = 1
        var line = 1
        var lineStart = utf8.startIndex
        var index = utf8.startIndex
        func flush(upTo end: String.Index) {
            let body = text[chunkStart..<end]
            if hasContent(body) {
                chunks.append(DocumentChunk(index: chunks.count + 1, startLine: chunkLine, text: body))
            }
        }
        while index < utf8.endIndex {
            if index == lineStart, isMarker(utf8[index...]) {
                if lineStart != chunkStart { flush(upTo: lineStart) }
                chunkStart = lineStart
                chunkLine = line
            }
            if utf8[index] == UInt8(ascii: "\n") {
                line += 1
                lineStart = utf8.index(after: index)
            }
            index = utf8.index(after: index)
        }
        flush(upTo: utf8.endIndex)
        return chunks
    }

    private static func isMarker(_ s: Substring.UTF8View) -> Bool {
        var it = s.makeIterator()
        for _ in 0..<3 { guard it.next() == UInt8(ascii: "-") else { return false } }
        guard let next = it.next() else { return true }
        return next == UInt8(ascii: " ") || next == UInt8(ascii: "\t") || next == UInt8(ascii: "\n") || next == UInt8(ascii: "\r")
    }

    /// Whether a chunk has anything besides blank lines, comments, `---`/`...` markers and directives.
    private static func hasContent(_ body: Substring) -> Bool {
        for rawLine in body.split(whereSeparator: \.isNewline) {  // "\r\n" is one Character
            var line = rawLine.drop { $0 == " " || $0 == "\t" || $0 == "\r" }
            while let last = line.last, last == "\r" || last == " " || last == "\t" { line = line.dropLast() }
            if line.isEmpty || line.hasPrefix("#") || line.hasPrefix("%") || line == "..." { continue }
            if line.hasPrefix("---") {
                let rest = line.dropFirst(3).drop { $0 == " " || $0 == "\t" }
                if rest.isEmpty || rest.hasPrefix("#") { continue }
            }
            return true
        }
        return false
    }
}
