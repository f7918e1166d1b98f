import Dispatch
import Foundation
import ReachCore
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
///
/// Documents are independent, so they are parsed and decoded on all cores, then merged in input
/// order (duplicates: the last one in input order wins).
public struct ManifestLoader: Sendable {
    public var options: LoadOptions

    public init(options: LoadOptions = LoadOptions()) {
        self.options = options
    }

    /// Loads files, directories (recursively: `.yaml`, `.yml`, `.json`, sorted by path; symbolic
    /// links followed, cycles reported) and `-` (standard input, or `stdin` when given). Standard
    /// input is capped at ``LoadOptions/maxFileBytes`` like files, read in chunks.
    /// - Complexity: O(total input size / cores) plus O(n log n) to sort n objects.
    public func load(paths: [String], stdin: (() -> Data)? = nil) -> ClusterSnapshot {
        var builder = SnapshotBuilder()
        var sources: [(name: String, text: String)] = []
        for path in paths {
            if path == "-" {
                let limit = options.maxFileBytes
                let data = stdin.map { InputFiles.capped($0(), name: "<stdin>", limit: limit, diagnostics: &builder.diagnostics) }
                    ?? InputFiles.readStandardInput(limit: limit, diagnostics: &builder.diagnostics)
                if let data, let text = decode(data, name: "<stdin>", into: &builder) { sources.append(("<stdin>", text)) }
                continue
            }
            for file in InputFiles.expand(path, diagnostics: &builder.diagnostics) {
                guard let data = InputFiles.read(file, limit: options.maxFileBytes, diagnostics: &builder.diagnostics),
                      let text = decode(data, name: file, into: &builder) else { continue }
                sources.append((file, text))
            }
        }
        load(sources, into: &builder)
        return builder.finish()
    }

    /// Loads in-memory documents, each with the name used in locations.
    /// - Complexity: O(total input size / cores) plus O(n log n) to sort n objects.
    public func load(sources: [(name: String, text: String)]) -> ClusterSnapshot {
        var builder = SnapshotBuilder()
        builder.bytesRead = sources.reduce(0) { $0 + $1.text.utf8.count }
        load(sources, into: &builder)
        return builder.finish()
    }

    private func decode(_ data: Data, name: String, into builder: inout SnapshotBuilder) -> String? {
        builder.bytesRead += data.count
        guard let text = InputFiles.decodeText(data) else {
            builder.diagnostics.append(Diagnostic(
                id: DiagnosticID.unreadable, severity: .error,
                location: SourceLocation(file: name, document: 0, line: 0, column: 0),
                message: "not valid UTF-8 or UTF-16 text"))
            return nil
        }
        return text
    }

    private func load(_ sources: [(name: String, text: String)], into builder: inout SnapshotBuilder) {
        var work: [(name: String, chunk: DocumentChunk)] = []
        for source in sources {
            builder.files.append(source.name)
            var body = Substring(source.text)
            if body.unicodeScalars.first == "\u{FEFF}" { body = body.dropFirst() }
            for chunk in DocumentSplitter.split(body) { work.append((source.name, chunk)) }
        }
        let decoder = ObjectDecoder(namespaceDefault: options.namespaceDefault)
        let results = ParallelMap.map(work) { item -> ChunkResult in
            let firstByte = item.chunk.text.utf8.first { $0 != 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }
            let ctx = DecodeContext(file: item.name, document: item.chunk.index, lineOffset: item.chunk.startLine - 1,
                                    isJSON: firstByte == UInt8(ascii: "{"))
            var result = ChunkResult()
            for tree in YAMLDocumentParser.parse(item.chunk, ctx: ctx) {
                withExtendedLifetime(tree) {
                    guard let root = tree.root() else { return }
                    ctx.root = root
                    DocumentReader(decoder: decoder, ctx: ctx).read(Field(node: root, ctx: ctx), into: &result)
                    ctx.root = nil
                }
            }
            result.diagnostics = ctx.diagnostics
            return result
        }
        builder.reserve(results.reduce(0) { $0 + $1.objects.count })
        for result in results { builder.merge(result) }
    }
}
