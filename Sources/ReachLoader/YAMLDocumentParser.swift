import ReachModel
import Yams

/// Parses one document chunk with Yams (libyaml), turning errors into located diagnostics.
enum YAMLDocumentParser {
    /// Roots of the chunk (normally one). Uses the `basic` resolver: scalars are interpreted by
    /// the field readers, which is both faster and closer to Kubernetes' typed decoding.
    /// - Complexity: O(chunk length).
    static func parse(_ chunk: DocumentChunk, ctx: DecodeContext) -> [YNode] {
        switch attempt(String(chunk.text)) {
        case .success(let roots):
            return roots
        case .failure(let error):
            ctx.append(diagnostic(for: error, ctx: ctx))
            return []
        }
    }

    private static func attempt(_ text: String) -> Result<[YNode], Error> {
        do {
            let parser = try Parser(yaml: text, resolver: .basic, encoding: .utf8)
            var roots: [YNode] = []
            while let root = try parser.nextRoot() { roots.append(root) }
            return .success(roots)
        } catch {
            return .failure(error)
        }
    }

    static func diagnostic(for error: Error, ctx: DecodeContext) -> Diagnostic {
        var line = ctx.lineOffset + 1, column = 1
        var message = "\(error)"
        if let yaml = error as? YamlError {
            switch yaml {
            case .scanner(let context, let problem, let mark, _),
                 .parser(let context, let problem, let mark, _),
                 .composer(let context, let problem, let mark, _):
                line = mark.line + ctx.lineOffset
                column = mark.column
                message = context.map { "\(problem) (\($0.text) at line \($0.mark.line + ctx.lineOffset))" } ?? problem
            case .duplicatedKeysInMapping(let duplicates, let context):
                line = context.mark.line + ctx.lineOffset
                column = context.mark.column
                message = "duplicate mapping keys: \(duplicates.joined(separator: ", "))"
            case .reader(let problem, _, _, _):
                message = problem
            default:
                break
            }
        }
        return Diagnostic(id: DiagnosticID.syntax, severity: .error,
                          location: SourceLocation(file: ctx.file, document: ctx.document, line: line, column: column),
                          path: nil, message: "YAML syntax error: \(message)")
    }
}
