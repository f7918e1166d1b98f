import Foundation
import ReachModel

/// Reads Kubernetes audit logs into ``ObservedRequest``s. Never throws: problems are located
/// diagnostics (`file#1:line:col`) and the offending line is skipped.
///
/// Accepted inputs (docs/audit.md "Narrowed roles from audit logs"):
/// * **JSON lines** of `audit.k8s.io/v1` `Event` objects — the kube-apiserver `--audit-log-path`
///   format and the AKS `kube-audit` / `kube-audit-admin` categories once unwrapped.
/// * **One JSON document**: an `EventList` (`items`), a JSON array of events, or a single
///   event, when the first non-blank line is `[` or `{` alone (pretty-printed JSON).
/// * **Azure Monitor exports** (diagnostic settings to a storage account or Event Hub): a record
///   whose `properties.log` holds the event as a JSON string (or object), one record per line or
///   inside `{"records": [...]}`.
/// * Rows of the resource-specific **`AKSAudit`** Log Analytics table exported as JSON: field names
///   are compared case-insensitively (`Verb`, `User`, `ObjectRef`, `RequestUri`, `Stage`, …).
///
/// JSON goes through the project's libyaml composer (JSON is YAML), which keeps line and column.
public enum AuditLogReader {
    /// The events and problems of one log.
    public struct Result: Sendable {
        public var events: [ObservedRequest] = []
        public var diagnostics: [Diagnostic] = []
        /// Non-blank lines (JSON-lines input) or 1 (a single document).
        public var records = 0

        public init(events: [ObservedRequest] = [], diagnostics: [Diagnostic] = [], records: Int = 0) {
            self.events = events
            self.diagnostics = diagnostics
            self.records = records
        }
    }

    /// Reads the file at `path` (`-` = standard input).
    /// - Complexity: O(file size).
    public static func load(path: String, maxFileBytes: Int = 1 << 30, stdin: (() -> Data)? = nil) -> Result {
        var diagnostics: [Diagnostic] = []
        let data: Data?
        if path == "-" {
            data = stdin.map { InputFiles.capped($0(), name: "<stdin>", limit: maxFileBytes, diagnostics: &diagnostics) }
                ?? InputFiles.readStandardInput(limit: maxFileBytes, diagnostics: &diagnostics)
        } else {
            data = InputFiles.read(path, limit: maxFileBytes, diagnostics: &diagnostics)
        }
        guard let data else { return Result(diagnostics: diagnostics) }
        guard let text = InputFiles.decodeText(data) else {
            return Result(diagnostics: [Diagnostic(id: DiagnosticID.unreadable, severity: .error,
                                                   location: SourceLocation(file: path, document: 0, line: 0, column: 0),
                                                   message: "not valid UTF-8 or UTF-16 text")])
        }
        var result = read(text: text, name: path == "-" ? "<stdin>" : path)
        result.diagnostics = diagnostics + result.diagnostics
        return result
    }

    /// Reads in-memory text named `name` in locations.
    /// - Complexity: O(text length); each JSON line is composed on its own.
    public static func read(text: String, name: String) -> Result {
        var body = Substring(text)
        if body.unicodeScalars.first == "\u{FEFF}" { body = body.dropFirst() }
        var decoder = AuditEventDecoder(name: name)
        var records = 0
        var text = String(body)
        text.withUTF8 { buf in
            // Work on bytes: line splitting and blank checks over Characters cost more than parsing.
            func isBlank(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0D || b == 0x0A }
            guard let first = buf.firstIndex(where: { !isBlank($0) }) else { return }
            var lineEnd = buf[first...].firstIndex(of: 0x0A) ?? buf.count
            while lineEnd > first, isBlank(buf[lineEnd - 1]) { lineEnd -= 1 }
            if buf[first] == UInt8(ascii: "[") || (buf[first] == UInt8(ascii: "{") && lineEnd == first + 1) {
                records = 1
                decoder.decodeDocument(bytes: buf, lineOffset: 0)
                return
            }
            var start = 0, line = 0
            while start < buf.count {
                let end = buf[start...].firstIndex(of: 0x0A) ?? buf.count
                if buf[start..<end].contains(where: { !isBlank($0) }) {
                    records += 1
                    decoder.decodeDocument(bytes: UnsafeBufferPointer(rebasing: buf[start..<end]), lineOffset: line)
                }
                line += 1
                start = end + 1
            }
        }
        return Result(events: decoder.events, diagnostics: decoder.diagnostics.sorted(), records: records)
    }
}

/// Turns composed JSON into events: unwraps lists and Azure records, decodes the Event fields.
struct AuditEventDecoder {
    let name: String
    var events: [ObservedRequest] = []
    var diagnostics: [Diagnostic] = []

    init(name: String) { self.name = name }

    func here(_ line: Int, _ column: Int) -> SourceLocation {
        SourceLocation(file: name, document: 1, line: line, column: column)
    }

    mutating func warn(_ id: String, _ location: SourceLocation, _ message: String) {
        diagnostics.append(Diagnostic(id: id, severity: .warning, location: location, message: message + "; skipped"))
    }

    /// Composes `text` (lines `lineOffset + 1…` of the file) and decodes what it holds.
    /// `at` pins every location to one place (a `properties.log` string, whose inner lines mean nothing in the file).
    mutating func decodeDocument(_ text: Substring, lineOffset: Int, at pinned: SourceLocation? = nil, time: String = "") {
        var copy = String(text)
        copy.withUTF8 { decodeDocument(bytes: $0, lineOffset: lineOffset, at: pinned, time: time) }
    }

    /// ``decodeDocument(_:lineOffset:at:time:)`` on UTF-8 bytes.
    mutating func decodeDocument(bytes text: UnsafeBufferPointer<UInt8>, lineOffset: Int, at pinned: SourceLocation? = nil, time: String = "") {
        let composed = YAMLComposer.compose(text) { _, _, _ in }
        switch composed {
        case .failure(var error):
            // libyaml reports a truncated last line at the line after it (end of stream): clamp.
            let lineCount = text.count { $0 == UInt8(ascii: "\n") } + 1
            if error.line > lineCount {
                error.line = lineCount
                let lastBreak = text.lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? 0
                error.column = String(decoding: UnsafeBufferPointer(rebasing: text[lastBreak...]), as: UTF8.self).count + 1
            }
            if let context = error.context, context.line > lineCount { error.context = (context.text, lineCount) }
            let location = pinned ?? here(error.line + lineOffset, error.column)
            warn(AuditLogDiagnosticID.syntax, location, "JSON syntax error: \(error.message(lineOffset: lineOffset))")
        case .success(let trees):
            guard let tree = trees.first, let root = tree.root() else { return }
            withExtendedLifetime(tree) {
                collect(root, lineOffset: lineOffset, pinned: pinned, time: time, depth: 0)
            }
        }
    }

    /// Walks lists and export wrappers down to events.
    mutating func collect(_ node: YNode, lineOffset: Int, pinned: SourceLocation?, time: String, depth: Int) {
        let location = pinned ?? here(node.line + lineOffset, node.column)
        guard depth < 8 else { return warn(AuditLogDiagnosticID.notAnEvent, location, "nesting too deep") }
        switch node.kind {
        case .sequence:
            for e in node.elements { collect(e, lineOffset: lineOffset, pinned: pinned, time: time, depth: depth + 1) }
        case .scalar:
            warn(AuditLogDiagnosticID.notAnEvent, location, "expected a JSON object (an audit Event), found a scalar")
        case .mapping:
            if let verb = node.field("verb"), verb.kind == .scalar {
                decodeEvent(node, location: location, time: time)
            } else if let items = node.field("items") ?? node.field("records"), items.kind == .sequence {
                collect(items, lineOffset: lineOffset, pinned: pinned, time: time, depth: depth + 1)
            } else if let log = node.field("properties")?.field("log") {
                let recordTime = node.field("time")?.scalarText ?? node.field("TimeGenerated")?.scalarText ?? time
                if log.kind == .scalar {
                    let inner = here(log.line + lineOffset, log.column)
                    decodeDocument(Substring(log.string), lineOffset: 0, at: pinned ?? inner, time: recordTime)
                } else {
                    collect(log, lineOffset: lineOffset, pinned: pinned, time: recordTime, depth: depth + 1)
                }
            } else {
                warn(AuditLogDiagnosticID.notAnEvent, location,
                     "not an audit Event (no verb), EventList (items) or Azure export record (properties.log)")
            }
        }
    }
}

extension YNode {
    /// The value of `key` in a mapping, compared ASCII-case-insensitively (Event JSON is
    /// camelCase, the AKSAudit table PascalCase); the last match wins. No allocation.
    func field(_ key: StaticString) -> YNode? {
        let e = tree.entries[Int(index)]
        guard e.kind == .mapping else { return nil }
        let start = Int(e.start)
        var found: YNode?
        let bytes = tree.bytes
        key.withUTF8Buffer { k in
            for i in stride(from: 0, to: Int(e.count), by: 2) {
                let ke = tree.entries[Int(tree.children[start + i])]
                guard ke.kind == .scalar, Int(ke.count) == k.count else { continue }
                let ks = Int(ke.start)
                var same = true
                for j in 0..<k.count where bytes[ks + j] | 0x20 != k[j] | 0x20 {
                    same = false
                    break
                }
                if same { found = YNode(tree: tree, index: tree.children[start + i + 1]) }
            }
        }
        return found
    }

    /// A scalar's text; `nil` for containers and JSON `null`.
    var scalarText: String? {
        guard kind == .scalar else { return nil }
        if isPlain, string == "null" || string == "~" || string.isEmpty { return nil }
        return string
    }
}
