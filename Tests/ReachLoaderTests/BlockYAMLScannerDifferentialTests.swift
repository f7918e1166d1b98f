import Foundation
import ReachLoader
import ReachTestSupport
import Testing

/// The fast block-YAML path (`BlockYAMLScanner`) against libyaml on real files: for every document
/// of every Fixtures file (and of every `../shared/corpus` file when present), either the fast path
/// gives the document back, or its arena (node kinds, plainness, line and column of every node,
/// scalar bytes, child order) and duplicate-key warnings equal libyaml's exactly.
@Suite struct BlockYAMLScannerDifferentialTests {
    struct Tally { var fast = 0, bailed = 0, files = 0 }

    /// Compares both paths on every document of `file`; records mismatches.
    static func compare(file: URL, tally: inout Tally) {
        guard let data = try? Data(contentsOf: file), let text = String(data: data, encoding: .utf8) else { return }
        tally.files += 1
        for (i, chunk) in YAMLPathComparison.documents(text).enumerated() {
            guard let fast = YAMLPathComparison.fastPath(chunk) else { tally.bailed += 1; continue }
            tally.fast += 1
            let reference = YAMLPathComparison.libyaml(chunk)
            #expect(reference == fast, "\(file.path) document \(i + 1): fast path differs from libyaml\nlibyaml: \(reference.map { "\($0)" } ?? "error")\nfast: \(fast)")
        }
    }

    static func manifests(under root: URL) -> [URL] {
        let keys: Set<String> = ["yaml", "yml", "json"]
        let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)
        var out: [URL] = []
        while let url = walker?.nextObject() as? URL {
            if keys.contains(url.pathExtension.lowercased()) { out.append(url) }
        }
        return out.sorted { $0.path < $1.path }
    }

    @Test func everyFixtureDocumentMatchesLibyamlOrBails() {
        var tally = Tally()
        for file in Self.manifests(under: TestPaths.fixtures) { Self.compare(file: file, tally: &tally) }
        print("BlockYAMLScanner on Fixtures: \(tally.files) files, \(tally.fast) documents on the fast path, \(tally.bailed) given to libyaml")
        #expect(tally.files > 100)
        #expect(tally.fast > 100, "the fast path should take most plain fixture documents")
    }

    @Test func everyCorpusDocumentMatchesLibyamlOrBails() {
        guard let corpus = TestPaths.corpus else {
            print("⚠️  BlockYAMLScannerDifferentialTests corpus case skipped: ../shared/corpus not found beside the checkout")
            return
        }
        var tally = Tally()
        for file in Self.manifests(under: corpus) { Self.compare(file: file, tally: &tally) }
        print("BlockYAMLScanner on the corpus: \(tally.files) files, \(tally.fast) documents on the fast path, \(tally.bailed) given to libyaml")
        #expect(tally.fast > 0)
    }
}
