import Foundation
import ReachModel

/// Typed access to the fields of one `az` JSON file with located diagnostics
/// (`file#1:line:col: [i].field: expected …`), following the loader's diagnostic IDs.
struct AzureDecoder {
    let file: String
    var diagnostics: [Diagnostic] = []

    init(file: String) { self.file = file }

    func location(_ node: LocatedJSON) -> SourceLocation {
        SourceLocation(file: file, document: 1, line: node.line, column: node.column)
    }

    mutating func error(_ id: String, _ node: LocatedJSON, _ path: String, _ message: String) {
        diagnostics.append(Diagnostic(id: id, severity: .error, location: location(node), path: path, message: message))
    }

    /// Parses `text` into a located tree; syntax errors and cut nesting are diagnostics.
    /// - Complexity: O(text length).
    mutating func parse(_ text: String) -> LocatedJSON? {
        var body = Substring(text)
        if body.unicodeScalars.first == "\u{FEFF}" { body = body.dropFirst() }
        var warnings: [Diagnostic] = []
        let composed = YAMLComposer.compose(body) { message, line, column in
            warnings.append(Diagnostic(id: DiagnosticID.syntax, severity: .warning,
                                       location: SourceLocation(file: file, document: 1, line: line, column: column), message: message))
        }
        diagnostics += warnings
        switch composed {
        case .failure(let e):
            diagnostics.append(Diagnostic(id: e.isLimit ? DiagnosticID.limit : DiagnosticID.syntax, severity: .error,
                                          location: SourceLocation(file: file, document: 1, line: e.line, column: e.column),
                                          message: (e.isLimit ? "document rejected: " : "JSON syntax error: ") + e.message(lineOffset: 0)))
            return nil
        case .success(let trees):
            guard let tree = trees.first, let root = tree.root() else {
                diagnostics.append(Diagnostic(id: DiagnosticID.notAnObject, severity: .error,
                                              location: SourceLocation(file: file, document: 1, line: 1, column: 1),
                                              message: "empty file: expected the JSON that `az` prints"))
                return nil
            }
            var tooDeep = false
            let value = withExtendedLifetime(tree) { LocatedJSON.from(root, tooDeep: &tooDeep) }
            if tooDeep {
                diagnostics.append(Diagnostic(id: DiagnosticID.limit, severity: .warning, location: location(value),
                                              message: "values nested deeper than \(LocatedJSON.maxDepth) levels were not read"))
            }
            return value
        }
    }

    /// The objects of a top-level JSON list (`az … list` output); a non-list root or a non-object
    /// element is an error (the element is skipped).
    mutating func objects(_ root: LocatedJSON, what: String) -> [(path: String, node: LocatedJSON)] {
        guard case .array(let items) = root.value else {
            error(DiagnosticID.wrongType, root, "", "expected a JSON list of \(what) (as `az` prints it), found \(root.kindName)")
            return []
        }
        var out: [(String, LocatedJSON)] = []
        for (i, item) in items.enumerated() {
            guard case .object = item.value else {
                error(DiagnosticID.wrongType, item, "[\(i)]", "expected \(what) object, found \(item.kindName)")
                continue
            }
            out.append(("[\(i)]", item))
        }
        return out
    }

    /// A string member; `required` ones that are absent, null or empty are `missingField` errors;
    /// a member of another type is a `wrongType` error. Returns `nil` in every failing case.
    mutating func string(_ object: LocatedJSON, _ key: String, at path: String, required: Bool = false) -> String? {
        guard let node = object[key], !isNull(node) else {
            if required { error(DiagnosticID.missingField, object, path, "missing required field '\(key)'") }
            return nil
        }
        guard case .string(let s) = node.value else {
            error(DiagnosticID.wrongType, node, "\(path).\(key)", "expected a string, found \(node.kindName)")
            return nil
        }
        if required, s.isEmpty {
            error(DiagnosticID.missingField, node, "\(path).\(key)", "required field '\(key)' is empty")
            return nil
        }
        return s
    }

    /// A boolean member (`nil` when absent or null; a wrong type is an error and gives `nil`).
    mutating func bool(_ object: LocatedJSON, _ key: String, at path: String) -> Bool? {
        guard let node = object[key], !isNull(node) else { return nil }
        guard case .bool(let b) = node.value else {
            error(DiagnosticID.wrongType, node, "\(path).\(key)", "expected a boolean, found \(node.kindName)")
            return nil
        }
        return b
    }

    /// A list-of-strings member (empty when absent or null; non-string elements are errors and skipped).
    mutating func strings(_ object: LocatedJSON, _ key: String, at path: String) -> [String] {
        guard let node = object[key], !isNull(node) else { return [] }
        guard case .array(let items) = node.value else {
            error(DiagnosticID.wrongType, node, "\(path).\(key)", "expected a list of strings, found \(node.kindName)")
            return []
        }
        var out: [String] = []
        for (i, item) in items.enumerated() {
            if case .string(let s) = item.value { out.append(s) } else {
                error(DiagnosticID.wrongType, item, "\(path).\(key)[\(i)]", "expected a string, found \(item.kindName)")
            }
        }
        return out
    }

    /// A list-of-objects member with their paths (empty when absent or null).
    mutating func objectList(_ object: LocatedJSON, _ key: String, at path: String) -> [(path: String, node: LocatedJSON)] {
        guard let node = object[key], !isNull(node) else { return [] }
        guard case .array(let items) = node.value else {
            error(DiagnosticID.wrongType, node, "\(path).\(key)", "expected a list, found \(node.kindName)")
            return []
        }
        var out: [(String, LocatedJSON)] = []
        for (i, item) in items.enumerated() {
            guard case .object = item.value else {
                error(DiagnosticID.wrongType, item, "\(path).\(key)[\(i)]", "expected an object, found \(item.kindName)")
                continue
            }
            out.append(("\(path).\(key)[\(i)]", item))
        }
        return out
    }

    private func isNull(_ node: LocatedJSON) -> Bool {
        if case .null = node.value { return true }
        return false
    }
}
