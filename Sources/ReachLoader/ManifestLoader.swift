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
        var sources: [LoadSource] = []
        for path in paths {
            if path == "-" {
                let limit = options.maxFileBytes
                let data = stdin.map { InputFiles.capped($0(), name: "<stdin>", limit: limit, diagnostics: &builder.diagnostics) }
                    ?? InputFiles.readStandardInput(limit: limit, diagnostics: &builder.diagnostics)
                if let data, let source = prepare(data, name: "<stdin>", into: &builder) { sources.append(source) }
                continue
            }
            for file in InputFiles.expand(path, diagnostics: &builder.diagnostics) {
                guard let data = InputFiles.read(file, limit: options.maxFileBytes, diagnostics: &builder.diagnostics),
                      let source = prepare(data, name: file, into: &builder) else { continue }
                sources.append(source)
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
        let prepared = sources.compactMap { source in
            prepare(LoadSource.withoutBOM(Data(source.text.utf8), name: source.name, bomsAllowed: 1), into: &builder)
        }
        load(prepared, into: &builder)
        return builder.finish()
    }

    /// A file's bytes as text: UTF-8 (the leading BOMs that decoding as text used to drop: one
    /// by Foundation's UTF-8 decoding, one by the loader), or UTF-16 with a BOM (converted).
    /// Invalid text is an error located at the file and the file is skipped.
    private func prepare(_ data: Data, name: String, into builder: inout SnapshotBuilder) -> LoadSource? {
        builder.bytesRead += data.count
        if data.starts(with: [0xFF, 0xFE]) || data.starts(with: [0xFE, 0xFF]) {
            guard let text = InputFiles.decodeText(data) else { return unreadable(name, into: &builder) }
            return prepare(LoadSource.withoutBOM(Data(text.utf8), name: name, bomsAllowed: 1), into: &builder)
        }
        return prepare(LoadSource.withoutBOM(data, name: name, bomsAllowed: 2), into: &builder)
    }

    /// Validates and splits one source (in parallel for large ones).
    private func prepare(_ source: LoadSource, into builder: inout SnapshotBuilder) -> LoadSource? {
        var source = source
        guard let spans = DocumentSplitter.spans(source.data, start: source.start) else { return unreadable(source.name, into: &builder) }
        source.spans = spans
        return source
    }

    private func unreadable(_ name: String, into builder: inout SnapshotBuilder) -> LoadSource? {
        builder.diagnostics.append(Diagnostic(
            id: DiagnosticID.unreadable, severity: .error,
            location: SourceLocation(file: name, document: 0, line: 0, column: 0),
            message: "not valid UTF-8 or UTF-16 text"))
        return nil
    }

    /// Parses and decodes every document of `sources` on all cores, in batches of consecutive
    /// documents (one ``ChunkResult`` per batch), then merges the batches in input order.
    /// - Complexity: O(total input size / cores) plus O(documents) to merge.
    private func load(_ sources: [LoadSource], into builder: inout SnapshotBuilder) {
        builder.files += sources.map(\.name)
        let work = sources.indices.flatMap { i in sources[i].spans.map { (source: i, span: $0) } }
        var merged = parse(work, of: sources)
        builder.reserve(merged.reduce(0) { $0 + ($1?.objects.count ?? 0) })
        for b in merged.indices {
            guard var result = merged[b].take() else { continue }
            builder.merge(&result)
        }
    }

    /// One result per batch of consecutive documents, computed on all cores. The slots are
    /// released on return, so the caller holds the only reference to each batch's arrays and the
    /// merge can move objects out instead of copying them.
    /// - Complexity: O(total size of the documents / cores).
    private func parse(_ work: [(source: Int, span: DocumentSpan)], of sources: [LoadSource]) -> [ChunkResult?] {
        let decoder = ObjectDecoder(namespaceDefault: options.namespaceDefault)
        let batches = work.count < 4 ? min(work.count, 1) : min(work.count, ProcessInfo.processInfo.activeProcessorCount * 4)
        let results = ResultSlots<ChunkResult>(count: batches)
        DispatchQueue.concurrentPerform(iterations: batches) { b in
            var result = ChunkResult()
            for item in work[work.count * b / batches..<work.count * (b + 1) / batches] {
                let source = sources[item.source]
                source.data.withUnsafeBytes { raw in
                    let bytes = UnsafeBufferPointer(rebasing: raw.bindMemory(to: UInt8.self)[item.span.range])
                    Self.read(bytes, span: item.span, file: source.name, decoder: decoder, into: &result)
                }
            }
            results.set(b, result)
        }
        return results.values
    }

    /// Parses one document and decodes its objects into `result`.
    /// - Complexity: O(document length).
    private static func read(_ bytes: UnsafeBufferPointer<UInt8>, span: DocumentSpan, file: String, decoder: ObjectDecoder,
                             into result: inout ChunkResult) {
        let firstByte = bytes.first { $0 != 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }
        let ctx = DecodeContext(file: file, document: span.index, lineOffset: span.startLine - 1,
                                isJSON: firstByte == UInt8(ascii: "{"))
        for tree in YAMLDocumentParser.parse(bytes, ctx: ctx) {
            withExtendedLifetime(tree) {
                guard let root = tree.root() else { return }
                ctx.root = root
                DocumentReader(decoder: decoder, ctx: ctx).read(Field(node: root, ctx: ctx), into: &result)
                ctx.root = nil
            }
        }
        result.diagnostics += ctx.diagnostics
    }
}

/// One input's bytes, where its text starts (past the BOMs text decoding drops) and its documents.
struct LoadSource: Sendable {
    let name: String
    let data: Data
    let start: Int
    var spans: [DocumentSpan] = []

    /// `data` with up to `bomsAllowed` leading UTF-8 BOMs skipped.
    static func withoutBOM(_ data: Data, name: String, bomsAllowed: Int) -> LoadSource {
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        var start = 0
        for _ in 0..<bomsAllowed where data.dropFirst(start).starts(with: bom) { start += 3 }
        return LoadSource(name: name, data: data, start: start)
    }
}
