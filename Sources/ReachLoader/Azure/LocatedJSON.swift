import ReachModel

/// A JSON value with the line and column of its first character, built from the libyaml tree
/// (JSON is YAML), so that the Azure readers can name where a bad field is.
struct LocatedJSON {
    indirect enum Value {
        case string(String)
        case bool(Bool)
        /// A number as written.
        case number(String)
        case null
        case array([LocatedJSON])
        case object([(key: String, value: LocatedJSON)])
    }

    var value: Value
    var line: Int
    var column: Int

    /// Deepest nesting converted; deeper values become `null` and are reported once by the caller
    /// (`az` output nests under 10 levels).
    static let maxDepth = 64

    /// Converts `node` (recursion bounded by ``maxDepth``); `tooDeep` is set when something was cut.
    /// - Complexity: O(nodes).
    static func from(_ node: YNode, depth: Int = 0, tooDeep: inout Bool) -> LocatedJSON {
        if depth > maxDepth {
            tooDeep = true
            return LocatedJSON(value: .null, line: node.line, column: node.column)
        }
        switch node.kind {
        case .scalar:
            let text = node.string
            let value: Value
            if !node.isPlain {
                value = .string(text)
            } else {
                switch text {
                case "", "~", "null", "Null", "NULL": value = .null
                case "true", "True", "TRUE": value = .bool(true)
                case "false", "False", "FALSE": value = .bool(false)
                default: value = Double(text) != nil ? .number(text) : .string(text)
                }
            }
            return LocatedJSON(value: value, line: node.line, column: node.column)
        case .sequence:
            return LocatedJSON(value: .array(node.elements.map { from($0, depth: depth + 1, tooDeep: &tooDeep) }),
                               line: node.line, column: node.column)
        case .mapping:
            let pairs = node.pairs.filter { $0.key.kind == .scalar }
                .map { (key: $0.key.string, value: from($0.value, depth: depth + 1, tooDeep: &tooDeep)) }
            return LocatedJSON(value: .object(pairs), line: node.line, column: node.column)
        }
    }

    /// The member `key` of an object (exact spelling first, then case-insensitive as ARM property
    /// names are), `nil` when absent or when this is not an object.
    subscript(key: String) -> LocatedJSON? {
        guard case .object(let pairs) = value else { return nil }
        if let hit = pairs.first(where: { $0.key == key }) { return hit.value }
        let lower = key.lowercased()
        return pairs.first { $0.key.lowercased() == lower }?.value
    }

    /// What kind of value this is, for messages.
    var kindName: String {
        switch value {
        case .string: "a string"
        case .bool: "a boolean"
        case .number: "a number"
        case .null: "null"
        case .array: "a list"
        case .object: "an object"
        }
    }
}
