import Foundation

/// One YAML document of a file: its 1-based index, the 1-based file line it starts on, and text.
struct DocumentChunk {
    var index: Int
    var startLine: Int
    var text: Substring
}

/// One YAML document of a file as a byte range: its 1-based index, the 1-based file line it
/// starts on, and the range of its text in the file's bytes.
struct DocumentSpan: Sendable {
    var index: Int
    var startLine: Int
    var range: Range<Int>
}

/// Splits a YAML stream at `---` document markers so that each document is parsed on its own:
/// a syntax error in one document then cannot abort the others (libyaml stops at the first error).
///
/// A marker is a line starting with `---` followed by end of line or whitespace. Chunks holding
/// only blank lines, comments, `...` or directives are dropped; the remaining ones are numbered
/// from 1. Works on UTF-8 bytes (memchr per line, byte offsets), so `\r\n` and `\n` line ends are
/// treated alike.
enum DocumentSplitter {
    /// Splits `text` (BOM already stripped) into documents.
    /// - Complexity: O(n) in the text length.
    static func split(_ text: Substring) -> [DocumentChunk] {
        if let chunks = text.utf8.withContiguousStorageIfAvailable({ split(text, bytes: $0) }) { return chunks }
        let copy = String(text)
        return split(copy[...])
    }

    /// `bytes` are `text`'s UTF-8 code units; chunks are cut at byte offsets into `text`.
    private static func split(_ text: Substring, bytes: UnsafeBufferPointer<UInt8>) -> [DocumentChunk] {
        let utf8 = text.utf8
        let scan = scan(bytes, from: 0, to: bytes.count, validate: false)
        return stitch([scan], start: 0, end: bytes.count).map { span in
            let from = utf8.index(utf8.startIndex, offsetBy: span.range.lowerBound)
            let to = utf8.index(from, offsetBy: span.range.count)
            return DocumentChunk(index: span.index, startLine: span.startLine, text: text[from..<to])
        }
    }

    /// The documents of `data[start...]` (`start` is past any BOM), or `nil` when the bytes are
    /// not valid UTF-8. Large inputs are scanned in pieces on all cores: pieces start at line
    /// starts, and a byte sequence split after each `\n` is valid UTF-8 exactly when every piece
    /// is (a `\n` byte never occurs inside a multi-byte sequence), so validating the pieces
    /// validates the whole input.
    /// - Complexity: O(n / cores) wall time for n bytes, plus O(documents) to join the pieces.
    static func spans(_ data: Data, start: Int) -> [DocumentSpan]? {
        let end = data.count
        let pieces = max(1, min((end - start) / (1 << 20), ProcessInfo.processInfo.activeProcessorCount * 4))
        let bounds: [Int] = data.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            var bounds = [start]
            for k in 1..<pieces {
                bounds.append(max(bounds[k - 1], lineStart(bytes, atOrAfter: start + (end - start) * k / pieces)))
            }
            bounds.append(end)
            return bounds
        }
        let scans: [PieceScan]
        if pieces == 1 {
            scans = [data.withUnsafeBytes { scan($0.bindMemory(to: UInt8.self), from: start, to: end, validate: true) }]
        } else {
            let slots = PieceSlots(count: pieces)
            DispatchQueue.concurrentPerform(iterations: pieces) { k in
                slots.set(k, data.withUnsafeBytes { scan($0.bindMemory(to: UInt8.self), from: bounds[k], to: bounds[k + 1], validate: true) })
            }
            scans = slots.values
        }
        guard scans.allSatisfy(\.valid) else { return nil }
        return stitch(scans, start: start, end: end)
    }

    /// The first line start at or after `p` (a position just after a `\n`), or the end.
    private static func lineStart(_ bytes: UnsafeBufferPointer<UInt8>, atOrAfter p: Int) -> Int {
        guard let base = bytes.baseAddress, p > 0, p < bytes.count else { return min(max(p, 0), bytes.count) }
        if bytes[p - 1] == 10 { return p }
        guard let hit = memchr(base + p, 10, bytes.count - p) else { return bytes.count }
        return base.distance(to: hit.assumingMemoryBound(to: UInt8.self)) + 1
    }

    /// Joins the pieces' markers into documents, numbering lines across pieces.
    /// - Complexity: O(markers).
    private static func stitch(_ scans: [PieceScan], start: Int, end: Int) -> [DocumentSpan] {
        var spans: [DocumentSpan] = []
        var chunkStart = start, chunkLine = 1, chunkHasContent = false, linesBefore = 0
        for scan in scans {
            chunkHasContent = chunkHasContent || scan.leadingContent
            for marker in scan.markers {
                if chunkHasContent {
                    spans.append(DocumentSpan(index: spans.count + 1, startLine: chunkLine, range: chunkStart..<marker.offset))
                }
                (chunkStart, chunkLine, chunkHasContent) = (marker.offset, linesBefore + marker.line, marker.content)
            }
            linesBefore += scan.lines
        }
        if chunkHasContent {
            spans.append(DocumentSpan(index: spans.count + 1, startLine: chunkLine, range: chunkStart..<end))
        }
        return spans
    }
}

/// What one piece of an input (starting at a line start) holds: its document markers, whether
/// its bytes are valid UTF-8, and its line count.
struct PieceScan: Sendable {
    /// A `---` line: byte offset of its start, 1-based line within the piece, and whether the
    /// document text from it to the next marker has content.
    struct Marker: Sendable { var offset: Int; var line: Int; var content: Bool }

    var valid = true
    var lines = 0
    /// Whether the lines before the piece's first marker hold content.
    var leadingContent = false
    var markers: [Marker] = []
}

/// One slot per piece, each written once from concurrent workers and read after they finish.
private final class PieceSlots: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [PieceScan]

    init(count: Int) { slots = Array(repeating: PieceScan(), count: count) }

    func set(_ i: Int, _ value: PieceScan) { lock.withLock { slots[i] = value } }

    var values: [PieceScan] { lock.withLock { slots } }
}

extension DocumentSplitter {
    /// Scans `bytes[from..<to]` (`from` is a line start) line by line; with `validate`, also
    /// checks that every line is valid UTF-8 (an ASCII check first, the standard library's
    /// validation only for lines with other bytes).
    /// - Complexity: O(to − from).
    static func scan(_ bytes: UnsafeBufferPointer<UInt8>, from: Int, to end: Int, validate: Bool) -> PieceScan {
        var result = PieceScan()
        guard let base = bytes.baseAddress else { return result }
        var line = 1, lineStart = from, content = false
        while lineStart < end {
            let lineEnd = memchr(base + lineStart, 10, end - lineStart)
                .map { base.distance(to: $0.assumingMemoryBound(to: UInt8.self)) } ?? end
            let text = UnsafeBufferPointer(rebasing: bytes[lineStart..<lineEnd])
            if validate, !isValidLine(text) {
                result.valid = false
                return result
            }
            switch classify(text) {
            case .marker(let hasInlineContent):
                if let last = result.markers.indices.last { result.markers[last].content = content } else { result.leadingContent = content }
                result.markers.append(PieceScan.Marker(offset: lineStart, line: line, content: false))
                content = hasInlineContent
            case .content:
                content = true
            case .empty:
                break
            }
            line += 1
            lineStart = lineEnd + 1
        }
        if let last = result.markers.indices.last { result.markers[last].content = content } else { result.leadingContent = content }
        result.lines = line - 1
        return result
    }

    /// Whether one line (no `\n` inside) is valid UTF-8.
    /// - Complexity: O(line length).
    private static func isValidLine(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = line.baseAddress else { return true }
        let raw = UnsafeRawPointer(base), n = line.count
        var i = 0, any: UInt64 = 0
        while i + 8 <= n {
            any |= raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            i += 8
        }
        while i < n {
            any |= UInt64(line[i])
            i += 1
        }
        if any & 0x8080_8080_8080_8080 == 0 { return true }
        return String(validating: line, as: UTF8.self) != nil
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
