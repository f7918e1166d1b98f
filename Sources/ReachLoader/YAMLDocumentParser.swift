import ReachModel

/// Parses one document chunk (the byte scanner, else libyaml), turning errors into located
/// diagnostics.
enum YAMLDocumentParser {
    /// Trees of the chunk's documents (normally one), from its UTF-8 text (validated by the
    /// caller). Duplicate mapping keys are warnings (the last wins). Keep a tree alive while using
    /// its nodes.
    /// - Complexity: O(chunk length).
    static func parse(_ text: UnsafeBufferPointer<UInt8>, ctx: DecodeContext) -> [YAMLTree] {
        let warning = { (message: String, line: Int, column: Int) in
            ctx.append(Diagnostic(
                id: DiagnosticID.syntax, severity: .warning,
                location: SourceLocation(file: ctx.file, document: ctx.document, line: line + ctx.lineOffset, column: column),
                message: message))
        }
        // Plain block YAML takes the byte scanner; anything it is not sure about goes to libyaml.
        if !ctx.isJSON, let trees = BlockYAMLScanner.compose(text, warning: warning) { return trees }
        let result = YAMLComposer.compose(text, warning: warning)
        switch result {
        case .success(let trees):
            return trees
        case .failure(let error):
            ctx.append(Diagnostic(
                id: error.isLimit ? DiagnosticID.limit : DiagnosticID.syntax, severity: .error,
                location: SourceLocation(file: ctx.file, document: ctx.document, line: error.line + ctx.lineOffset,
                                         column: error.column),
                message: error.isLimit ? "document rejected: \(error.message(lineOffset: ctx.lineOffset))"
                    : "YAML syntax error: \(error.message(lineOffset: ctx.lineOffset))"))
            return []
        }
    }
}
