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
    public static func load(path: String, maxFileBytes: Int = 1 << 30,
                            stdin: () -> Data = { FileHandle.standardInput.readDataToEndOfFile() }) -> Result {
        var diagnostics: [Diagnostic] = []
        let data: Data?
        if path == "-" { data = stdin() } else { data = InputFiles.read(path, limit: maxFileBytes, diagnostics: &diagnostics) }
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
        let lines = body.split(separator: "\n", omittingEmptySubsequences: false)
        let firstLine = lines.first { !$0.allSatisfy(\.isWhitespace) }?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        var records = 0
        if firstLine.hasPrefix("[") || firstLine == "{" {
            records = 1
            decoder.decodeDocument(body, lineOffset: 0)
        } else {
            for (i, line) in lines.enumerated() where !line.allSatisfy(\.isWhitespace) {
                records += 1
                decoder.decodeDocument(line, lineOffset: i)
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
        let composed = YAMLComposer.compose(text) { _, _, _ in }
        switch composed {
        case .failure(var error):
            // libyaml reports a truncated last line at the line after it (end of stream): clamp.
            let lineCount = text.utf8.count { $0 == UInt8(ascii: "\n") } + 1
            if error.line > lineCount {
                error.line = lineCount
                error.column = (text.split(separator: "\n", omittingEmptySubsequences: false).last?.count ?? 0) + 1
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
    /// The value of `key` in a mapping, compared case-insensitively (Event JSON is camelCase,
    /// the AKSAudit table PascalCase); the last match wins.
    func field(_ key: String) -> YNode? {
        guard kind == .mapping else { return nil }
        var found: YNode?
        for (k, v) in pairs where k.kind == .scalar && k.string.caseInsensitiveCompare(key) == .orderedSame { found = v }
        return found
    }

    /// A scalar's text; `nil` for containers and JSON `null`.
    var scalarText: String? {
        guard kind == .scalar else { return nil }
        if isPlain, string == "null" || string == "~" || string.isEmpty { return nil }
        return string
    }
}
