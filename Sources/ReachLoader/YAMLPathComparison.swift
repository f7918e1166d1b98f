/// Both YAML paths side by side, for the differential tests of ``BlockYAMLScanner`` against
/// libyaml (``YAMLComposer``). Not used by the loader itself.
package enum YAMLPathComparison {
    /// A document's arena, flattened to comparable values, plus the warnings composing it raised.
    package struct Arena: Equatable, CustomStringConvertible {
        /// Per node: kind (0 scalar, 1 sequence, 2 mapping), plain (0/1), line, column, start, count.
        package var entries: [[Int32]]
        package var children: [Int32]
        package var bytes: [UInt8]
        package var warnings: [String]

        package var description: String {
            "entries \(entries)\nchildren \(children)\nbytes \(String(decoding: bytes, as: UTF8.self).debugDescription)\nwarnings \(warnings)"
        }
    }

    /// The documents of a YAML stream as the loader cuts them (text only).
    /// - Complexity: O(n).
    package static func documents(_ text: String) -> [Substring] {
        var body = Substring(text)
        if body.unicodeScalars.first == "\u{FEFF}" { body = body.dropFirst() }
        return DocumentSplitter.split(body).map(\.text)
    }

    /// libyaml's reading of one document chunk: its trees, or `nil` on a syntax or limit error.
    /// - Complexity: O(n).
    package static func libyaml(_ chunk: Substring) -> [Arena]? {
        var warnings: [String] = []
        let result = YAMLComposer.compose(chunk) { warnings.append("\($1):\($2): \($0)") }
        guard case .success(let trees) = result else { return nil }
        return trees.map { arena($0, warnings: warnings) }
    }

    /// The fast path's reading, or `nil` when it gives the document to libyaml.
    /// - Complexity: O(n).
    package static func fastPath(_ chunk: Substring) -> [Arena]? {
        var warnings: [String] = []
        guard let trees = BlockYAMLScanner.compose(chunk, warning: { warnings.append("\($1):\($2): \($0)") }) else { return nil }
        return trees.map { arena($0, warnings: warnings) }
    }

    private static func arena(_ tree: YAMLTree, warnings: [String]) -> Arena {
        Arena(entries: tree.entries.map { [Int32($0.kind.rawValue), $0.plain ? 1 : 0, $0.line, $0.column, $0.start, $0.count] },
              children: Array(tree.children), bytes: Array(tree.bytes), warnings: warnings)
    }
}
