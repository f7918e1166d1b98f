import ReachModel

/// Per-document decoding state: where we are and what went wrong.
final class DecodeContext {
    let file: String
    let document: Int
    /// File line of the document's first line, minus one (added to the parser's 1-based lines).
    let lineOffset: Int
    private(set) var diagnostics: [Diagnostic] = []
    /// Errors recorded since the last ``beginObject()``.
    private(set) var objectErrors = 0

    /// The document is JSON (its first non-blank character is `{`, kubectl's test): numbers follow
    /// JSON syntax, not YAML 1.1's (see ``YAMLScalar``).
    let isJSON: Bool

    init(file: String, document: Int, lineOffset: Int, isJSON: Bool = false) {
        self.file = file
        self.document = document
        self.lineOffset = lineOffset
        self.isJSON = isJSON
    }

    func location(of node: YNode?) -> SourceLocation {
        guard let node else { return SourceLocation(file: file, document: document, line: lineOffset + 1) }
        return SourceLocation(file: file, document: document, line: node.line + lineOffset, column: node.column)
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

    /// The document root, set before decoding (used to recover field paths for diagnostics).
    var root: YNode? { didSet { parentTable = nil } }

    /// For each node of the root's tree: the node it was first reached from in document order
    /// (-1: the root or unreachable) and, under a mapping, its key's node index, under a sequence
    /// its position. Built on the first diagnostic of a document.
    private var parentTable: (parent: [Int32], via: [Int32])?

    /// Path of `target` from the document root (`""` for the root itself or when not found).
    ///
    /// Aliases make the document a DAG (possibly exponentially large once expanded), so the
    /// path is the one through which `target` is first reached in document order, each node
    /// being visited once; the walk is iterative, so depth cannot overflow the stack.
    /// - Complexity: O(document nodes) once per document, then O(depth) per call.
    func path(to target: YNode) -> String {
        guard let root else { return "" }
        if parentTable == nil { parentTable = Self.parents(from: root) }
        guard let table = parentTable, Int(target.index) < table.parent.count else { return "" }
        var components: [String] = []
        var node = target.index
        while node != root.index {
            let parent = table.parent[Int(node)]
            guard parent >= 0 else { return "" }
            let p = YNode(tree: root.tree, index: parent)
            if p.kind == .sequence {
                components.append("[\(table.via[Int(node)])]")
            } else {
                let key = YNode(tree: root.tree, index: table.via[Int(node)])
                components.append("." + (key.kind == .scalar ? key.string : "?"))
            }
            node = parent
        }
        let joined = components.reversed().joined()
        return joined.hasPrefix(".") ? String(joined.dropFirst()) : joined
    }

    /// First-reach parents of every node under `root`, in document (pre)order.
    /// - Complexity: O(nodes + edges) time and memory.
    private static func parents(from root: YNode) -> (parent: [Int32], via: [Int32]) {
        let tree = root.tree
        let count = tree.entries.count
        var parent = [Int32](repeating: -1, count: count), via = [Int32](repeating: -1, count: count)
        var visited = [Bool](repeating: false, count: count)
        // (node, parent, via), pushed in reverse document order so pops come in document order.
        var stack: [(Int32, Int32, Int32)] = [(root.index, -1, -1)]
        while let (node, p, v) = stack.popLast() {
            guard !visited[Int(node)] else { continue }
            visited[Int(node)] = true
            parent[Int(node)] = p
            via[Int(node)] = v
            let e = tree.entries[Int(node)]
            let start = Int(e.start)
            switch e.kind {
            case .scalar:
                continue
            case .sequence:
                for i in stride(from: Int(e.count) - 1, through: 0, by: -1) {
                    stack.append((tree.children[start + i], node, Int32(i)))
                }
            case .mapping:
                for i in stride(from: Int(e.count) - 2, through: 0, by: -2) {
                    stack.append((tree.children[start + i + 1], node, tree.children[start + i]))
                }
            }
        }
        return (parent, via)
    }
}

/// A node inside a document, offering typed reads that record located diagnostics instead of
/// throwing. `null` values read as absent.
///
/// A field carries no path: the path text (`spec.ingress[0].ports[1].port`) is only needed for
/// diagnostics, so it is recovered on demand by searching the document tree (``DecodeContext/path(to:)``).
/// That keeps every field read allocation-free.
struct Field {
    let node: YNode
    /// `unowned(unsafe)`: a document's context outlives every field read from it (see
    /// ``ManifestLoader``), and this keeps reference counting off the hot path.
    unowned(unsafe) let ctx: DecodeContext

    init(node: YNode, ctx: DecodeContext) {
        self.node = node
        self.ctx = ctx
    }

    /// The path of this field from the document root, e.g. `spec.ingress[0].ports[1].port`.
    /// - Complexity: O(document size); only used for diagnostics.
    var path: String { ctx.path(to: node) }

    var location: SourceLocation { ctx.location(of: node) }

    /// Whether the node is a YAML null (`null`, `~`, empty plain scalar).
    var isNull: Bool {
        node.isPlain && node.isNullSpelling
    }

    /// The value under `key` when this node is a mapping; `nil` when absent or null. Reading a key
    /// of a non-mapping records a type error. Duplicate keys: the last one wins.
    subscript(key: StaticString) -> Field? {
        guard node.kind == .mapping else {
            if !isNull { typeError("a mapping") }
            return nil
        }
        guard let value = node.value(forKey: key) else { return nil }
        let f = Field(node: value, ctx: ctx)
        return f.isNull ? nil : f
    }

    /// Whether the key is present at all (even with a null value).
    func has(_ key: StaticString) -> Bool { node.value(forKey: key) != nil }

    func typeError(_ expected: String) {
        ctx.error(DiagnosticID.wrongType, node, path, "expected \(expected), found \(kindName)")
    }

    var kindName: String {
        switch node.kind {
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .scalar:
            guard node.isPlain else { return "a string" }
            if number != nil { return "a number" }
            if isBoolean { return "a boolean" }
            return "a string"
        }
    }

    /// The plain scalar's number as Kubernetes reads it (``YAMLScalar``); `nil` for strings.
    var number: YAMLScalar.Number? {
        guard node.kind == .scalar, node.isPlain else { return nil }
        // The common case without a String: ``YAMLScalar/number(_:json:)``'s own fast path.
        if let v = node.plainDecimal { return .integer(v) }
        // Both syntaxes need a sign, digit or '.' first (YAMLScalar.jsonNumber / yamlNumber).
        guard let first = node.firstByte, first == UInt8(ascii: "+") || first == UInt8(ascii: "-")
            || first == UInt8(ascii: ".") || (first >= UInt8(ascii: "0") && first <= UInt8(ascii: "9")) else { return nil }
        // Two dots (IP addresses, versions) make no number in either syntax: both allow one '.'.
        guard node.scalarCount(of: UInt8(ascii: "."), upTo: 2) < 2 else { return nil }
        return YAMLScalar.number(Substring(node.string), json: ctx.isJSON)
    }

    /// YAML 1.1 booleans as go-yaml v2 resolves them (JSON: `true`/`false` only). Byte comparisons.
    private var isBoolean: Bool {
        guard node.kind == .scalar, (1...5).contains(node.scalarLength) else { return false }
        return (ctx.isJSON ? Self.jsonBooleans : Self.yamlBooleans).contains { node.scalarEquals($0) }
    }

    private static let jsonBooleans: [StaticString] = ["true", "false"]
    private static let yamlBooleans: [StaticString] = [
        "true", "false", "True", "False", "TRUE", "FALSE", "yes", "no", "Yes", "No", "YES", "NO",
        "on", "off", "On", "Off", "ON", "OFF", "y", "n", "Y", "N"]

    /// Whether a plain scalar starting with `byte` can resolve to a number or boolean (go-yaml's
    /// resolve table: sign, digit, '.', y/n/t/f/o); the rest are strings without classification.
    private static func mayBeNumberOrBoolean(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "y"), UInt8(ascii: "Y"), UInt8(ascii: "n"), UInt8(ascii: "N"), UInt8(ascii: "t"),
             UInt8(ascii: "T"), UInt8(ascii: "f"), UInt8(ascii: "F"), UInt8(ascii: "o"), UInt8(ascii: "O"):
            return true
        default:
            return false
        }
    }

    // MARK: scalars

    /// A string. Unquoted numbers and booleans are accepted as their text with a warning
    /// (the API server would reject them; kube-reach keeps going).
    func string() -> String? {
        guard node.kind == .scalar else { typeError("a string"); return nil }
        if isNull { return nil }
        let text = node.string
        if node.isPlain, let first = node.firstByte, Self.mayBeNumberOrBoolean(first), kindName != "a string" {
            ctx.warning(DiagnosticID.wrongType, node, path, "expected a string, found \(kindName) (quote it); using its text")
        }
        return text
    }

    /// An integer: an unquoted scalar in any form Kubernetes' decoder reads as one (`80`, `0x50`,
    /// `0120`, `1_000`, `1e2`; JSON documents: JSON integers only). See ``YAMLScalar``.
    func int() -> Int? {
        guard case .integer(let v)? = number else { typeError("an integer"); return nil }
        return v
    }

    /// A boolean (YAML 1.1 spellings accepted, as sigs.k8s.io/yaml does).
    func bool() -> Bool? {
        guard node.kind == .scalar, node.isPlain else { typeError("a boolean"); return nil }
        switch node.string {
        case "true", "True", "TRUE", "yes", "Yes", "YES", "on", "On", "ON", "y", "Y": return true
        case "false", "False", "FALSE", "no", "No", "NO", "off", "Off", "OFF", "n", "N": return false
        default: typeError("a boolean"); return nil
        }
    }

    /// An int-or-string: unquoted integers (in Kubernetes' YAML 1.1 forms, ``int()``) are
    /// numbers; quoted scalars and other plain text are names. Unquoted non-integer numbers and
    /// booleans are type errors, as `intstr.IntOrString` rejects them.
    func intOrString() -> PortValue? {
        guard node.kind == .scalar else { typeError("an integer or a string"); return nil }
        let text = node.string
        guard node.isPlain else { return .name(text) }
        switch number {
        case .integer(let v)?: return .number(v)
        case .nonInteger?: typeError("an integer or a string"); return nil
        case nil:
            if isBoolean { typeError("an integer or a string"); return nil }
            return .name(text)
        }
    }

    // MARK: collections

    /// The elements of a list; a non-list records a type error.
    func list() -> [Field]? {
        guard node.kind == .sequence else { typeError("a list"); return nil }
        let count = node.childCount
        var out: [Field] = []
        out.reserveCapacity(count)
        for i in 0..<count {
            let f = Field(node: node.child(i), ctx: ctx)
            if !f.isNull { out.append(f) }
        }
        return out
    }

    /// Key/value pairs of a mapping, in document order.
    func pairs() -> [(String, Field)]? {
        guard node.kind == .mapping else { typeError("a mapping"); return nil }
        var out: [(String, Field)] = []
        out.reserveCapacity(node.childCount)
        for i in 0..<node.childCount {
            let k = node.child(2 * i), v = node.child(2 * i + 1)
            guard k.kind == .scalar else {
                ctx.error(DiagnosticID.wrongType, k, path, "mapping keys must be strings")
                continue
            }
            let key = k.string
            out.append((key, Field(node: v, ctx: ctx)))
        }
        return out
    }

    func stringList() -> [String]? { list()?.compactMap { $0.string() } }

    /// A map of strings (labels, annotations, selectors). Null values read as "".
    func stringMap() -> [String: String]? {
        guard let pairs = pairs() else { return nil }
        var out: [String: String] = [:]
        out.reserveCapacity(pairs.count)
        for (k, v) in pairs { out[k] = v.isNull ? "" : (v.string() ?? "") }
        return out
    }
}
