/// Where an object or a problem came from: file, 1-based document index within the file,
/// 1-based line and column.
public struct SourceLocation: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var file: String
    public var document: Int
    public var line: Int
    public var column: Int

    public init(file: String, document: Int, line: Int, column: Int = 1) {
        self.file = file
        self.document = document
        self.line = line
        self.column = column
    }

    /// `file#doc:line:col`.
    public var description: String { "\(file)#\(document):\(line):\(column)" }

    public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
        (a.file, a.document, a.line, a.column) < (b.file, b.document, b.line, b.column)
    }
}
