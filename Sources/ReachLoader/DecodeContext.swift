import ReachModel
import Yams

/// Yams' node type (the model has its own `Node`, the Kubernetes kind).
typealias YNode = Yams.Node

/// Per-document decoding state: where we are and what went wrong.
final class DecodeContext {
    let file: String
    let document: Int
    /// File line of the document's first line, minus one (added to Yams' 1-based marks).
    let lineOffset: Int
    private(set) var diagnostics: [Diagnostic] = []
    /// Errors recorded since the last ``beginObject()``.
    private(set) var objectErrors = 0

    init(file: String, document: Int, lineOffset: Int) {
        self.file = file
        self.document = document
        self.lineOffset = lineOffset
    }

    func location(of node: YNode?) -> SourceLocation {
        guard let mark = node?.mark else { return SourceLocation(file: file, document: document, line: lineOffset + 1) }
        return SourceLocation(file: file, document: document, line: mark.line + lineOffset, column: mark.column)
    }

    func beginObject() { objectErrors = 0 }

    func error(_ id: String, _ node: YNode?, _ path: String, _ message: String) {
        objectErrors += 1
        diagnostics.append(Diagnostic(id: id, severity: .error, location: location(of: node), path: path, message: message))
    }

    func warning(_ id: String, _ node: YNode?, _ path: String, _ message: String) {
        diagnostics.append(Diagnostic(id: id, severity: .warning, location: location(of: node), path: path, message: message))
    }

    func append(_ diagnostic: Diagnostic) { diagnostics.append(diagnostic) }
}

/// A node inside a document with its field path, offering typed reads that record located
/// diagnostics instead of throwing. `null` values read as absent.
struct Field {
    let node: YNode
    let path: String
    let ctx: DecodeContext

    var location: SourceLocation { ctx.location(of: node) }

    /// Whether the node is a YAML null (`null`, `~`, empty plain scalar).
    var isNull: Bool {
        guard case .scalar(let s) = node, s.style == .plain || s.style == .any else { return false }
        return s.string.isEmpty || s.string == "~" || s.string == "null" || s.string == "Null" || s.string == "NULL"
    }

    private func child(path key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    /// The value under `key` when this node is a mapping; `nil` when absent or null. Reading a key
    /// of a non-mapping records a type error.
    subscript(key: String) -> Field? {
        guard case .mapping(let m) = node else {
            if !isNull { typeError("a mapping") }
            return nil
        }
        for (k, v) in m where k.scalar?.string == key {
            let f = Field(node: v, path: child(path: key), ctx: ctx)
            return f.isNull ? nil : f
        }
        return nil
    }

    /// Whether the key is present at all (even with a null value).
    func has(_ key: String) -> Bool {
        guard case .mapping(let m) = node else { return false }
        return m.contains { $0.key.scalar?.string == key }
    }

    func typeError(_ expected: String) {
        ctx.error(DiagnosticID.wrongType, node, path, "expected \(expected), found \(kindName)")
    }

    var kindName: String {
        switch node {
        case .mapping: "a mapping"
        case .sequence: "a list"
        case .scalar(let s):
            if s.style != .plain && s.style != .any { "a string" }
            else if Int(s.string) != nil { "a number" }
            else if ["true", "false", "True", "False", "TRUE", "FALSE"].contains(s.string) { "a boolean" }
            else { "a string" }
        case .alias: "an alias"
        }
    }

    // MARK: scalars

    /// A string. Unquoted numbers and booleans are accepted as their text with a warning
    /// (the API server would reject them; kube-reach keeps going).
    func string() -> String? {
        guard case .scalar(let s) = node else { typeError("a string"); return nil }
        if isNull { return nil }
        if s.style == .plain || s.style == .any, kindName != "a string" {
            ctx.warning(DiagnosticID.wrongType, node, path, "expected a string, found \(kindName) (quote it); using its text")
        }
        return s.string
    }

    /// An integer (plain decimal scalar).
    func int() -> Int? {
        guard case .scalar(let s) = node, s.style == .plain || s.style == .any, let v = Int(s.string) else {
            typeError("an integer"); return nil
        }
        return v
    }

    /// A boolean (YAML 1.1 spellings accepted, as sigs.k8s.io/yaml does).
    func bool() -> Bool? {
        guard case .scalar(let s) = node, s.style == .plain || s.style == .any else { typeError("a boolean"); return nil }
        switch s.string {
        case "true", "True", "TRUE", "yes", "Yes", "YES", "on", "On", "ON", "y", "Y": return true
        case "false", "False", "FALSE", "no", "No", "NO", "off", "Off", "OFF", "n", "N": return false
        default: typeError("a boolean"); return nil
        }
    }

    /// An int-or-string: unquoted integers are numbers, anything else a name.
    func intOrString() -> PortValue? {
        guard case .scalar(let s) = node else { typeError("an integer or a string"); return nil }
        if s.style == .plain || s.style == .any, let v = Int(s.string) { return .number(v) }
        return .name(s.string)
    }

    // MARK: collections

    /// The elements of a list; a non-list records a type error.
    func list() -> [Field]? {
        guard case .sequence(let seq) = node else { typeError("a list"); return nil }
        return seq.enumerated().compactMap { i, n in
            let f = Field(node: n, path: "\(path)[\(i)]", ctx: ctx)
            return f.isNull ? nil : f
        }
    }

    /// Key/value pairs of a mapping, in document order.
    func pairs() -> [(String, Field)]? {
        guard case .mapping(let m) = node else { typeError("a mapping"); return nil }
        var out: [(String, Field)] = []
        for (k, v) in m {
            guard let key = k.scalar?.string else {
                ctx.error(DiagnosticID.wrongType, k, path, "mapping keys must be strings")
                continue
            }
            out.append((key, Field(node: v, path: child(path: key), ctx: ctx)))
        }
        return out
    }

    func stringList() -> [String]? { list()?.compactMap { $0.string() } }

    /// A map of strings (labels, annotations, selectors). Null values read as "".
    func stringMap() -> [String: String]? {
        guard let pairs = pairs() else { return nil }
        var out: [String: String] = [:]
        for (k, v) in pairs { out[k] = v.isNull ? "" : (v.string() ?? "") }
        return out
    }
}
