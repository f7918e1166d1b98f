import Foundation
import ReachModel

/// Options for loading manifests.
public struct LoadOptions: Sendable {
    /// Namespace given to namespaced objects that have none (`--namespace-default`).
    public var namespaceDefault: String
    /// Files larger than this are refused with a diagnostic (not read into memory).
    public var maxFileBytes: Int

    public init(namespaceDefault: String = "default", maxFileBytes: Int = 512 << 20) {
        self.namespaceDefault = namespaceDefault
        self.maxFileBytes = maxFileBytes
    }
}

/// Loads Kubernetes manifests (YAML streams, JSON, `List`s, `kubectl get -o yaml|json` dumps)
/// into a ``ClusterSnapshot``. Never throws for bad input: every problem becomes a located
/// ``Diagnostic`` and the rest of the input still loads.
public struct ManifestLoader: Sendable {
    public var options: LoadOptions

    public init(options: LoadOptions = LoadOptions()) {
        self.options = options
    }

    /// Loads files, directories (recursively: `.yaml`, `.yml`, `.json`, sorted by path) and `-`
    /// (standard input, read through `stdin`).
    /// - Complexity: O(total input size) plus O(n log n) to sort n objects.
    public func load(paths: [String], stdin: () -> Data = { FileHandle.standardInput.readDataToEndOfFile() }) -> ClusterSnapshot {
        var builder = SnapshotBuilder()
        for path in paths {
            if path == "-" {
                load(data: stdin(), name: "<stdin>", into: &builder)
                continue
            }
            for file in InputFiles.expand(path, diagnostics: &builder.diagnostics) {
                guard let data = InputFiles.read(file, limit: options.maxFileBytes, diagnostics: &builder.diagnostics) else {
                    continue
                }
                load(data: data, name: file, into: &builder)
            }
        }
        return builder.finish()
    }

    /// Loads in-memory documents, each with the name used in locations.
    /// - Complexity: O(total input size) plus O(n log n) to sort n objects.
    public func load(sources: [(name: String, text: String)]) -> ClusterSnapshot {
        var builder = SnapshotBuilder()
        for source in sources { load(text: source.text, name: source.name, into: &builder) }
        return builder.finish()
    }

    func load(data: Data, name: String, into builder: inout SnapshotBuilder) {
        guard let text = InputFiles.decodeText(data) else {
            builder.diagnostics.append(Diagnostic(
                id: DiagnosticID.unreadable, severity: .error,
                location: SourceLocation(file: name, document: 0, line: 0, column: 0),
                message: "not valid UTF-8 or UTF-16 text"))
            return
        }
        load(text: text, name: name, into: &builder)
        builder.bytesRead += data.count
    }

    func load(text: String, name: String, into builder: inout SnapshotBuilder) {
        builder.files.append(name)
        var body = Substring(text)
        if body.unicodeScalars.first == "\u{FEFF}" { body = body.dropFirst() }
        let decoder = ObjectDecoder(namespaceDefault: options.namespaceDefault)
        for chunk in DocumentSplitter.split(String(body)) {
            let ctx = DecodeContext(file: name, document: chunk.index, lineOffset: chunk.startLine - 1)
            for root in YAMLDocumentParser.parse(chunk, ctx: ctx) {
                DocumentReader(decoder: decoder, ctx: ctx).read(Field(node: root, path: "", ctx: ctx), into: &builder)
            }
            builder.diagnostics += ctx.diagnostics
        }
    }
}
