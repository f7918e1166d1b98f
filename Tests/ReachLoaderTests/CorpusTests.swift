import Foundation
import ReachLoader
import ReachModel
import ReachTestSupport
import Testing

/// Real-world proof: every folder of `../shared/corpus/` loads, and the per-kind counts match the
/// table in `../shared/corpus/README.md` (parsed at run time, so the table stays the oracle).
///
/// Counting convention (the README's): every file is counted on its own — folders hold alternative
/// installs of the same objects, so merging a folder into one snapshot would de-duplicate them.
/// For netpol-analyzer only `tests/` (the inputs) is counted.
@Suite struct CorpusTests {
    static let columns: [(header: String, kinds: [ObjectKind])] = [
        ("Role", [.role]), ("ClusterRole", [.clusterRole]), ("RoleBinding", [.roleBinding]),
        ("ClusterRoleBinding", [.clusterRoleBinding]), ("ServiceAccount", [.serviceAccount]),
        ("NetworkPolicy", [.networkPolicy]), ("Pod/Deploy/STS/DS", [.pod, .deployment, .statefulSet, .daemonSet]),
        ("Service", [.service]), ("Namespace", [.namespace]),
    ]

    /// Where our count differs from the PyYAML-based table, and why (see Fixtures/loader/CORPUS-COUNTS.md).
    /// Key: folder → column → (ours − table).
    static let documentedDifferences: [String: [String: Int]] = [
        // The 3 acs-security-demos-added-workloads files with TABs (rejected by PyYAML, accepted by
        // Go's YAML and by us with a warning) hold 3 Deployments, and the deliberately broken
        // files still yield their well-formed documents/items (a broken document never aborts a file).
        "netpol-analyzer": NetpolAnalyzerDifferences.byColumn,
    ]

    struct Row { var folder: String; var counts: [String: Int] }

    static func tableRows(_ readme: String) -> [Row] {
        var header: [String] = []
        var rows: [Row] = []
        for line in readme.split(separator: "\n") where line.hasPrefix("|") {
            let cells = line.split(separator: "|", omittingEmptySubsequences: false).dropFirst().dropLast()
                .map { $0.trimmingCharacters(in: .whitespaces) }
            if cells.first == "folder" && cells.contains("Role") { header = cells; continue }
            guard !header.isEmpty, cells.count == header.count, let folder = cells.first,
                  !folder.hasPrefix("-"), !folder.hasPrefix("**") else {
                if cells.count != header.count { header = [] }
                continue
            }
            var counts: [String: Int] = [:]
            for (h, c) in zip(header, cells) { if let n = Int(c) { counts[h] = n } }
            rows.append(Row(folder: folder, counts: counts))
        }
        return rows
    }

    static func files(under dir: URL) -> [URL] {
        guard let e = FileManager.default.enumerator(at: dir, includingPropertiesForKeys: nil) else { return [] }
        return e.compactMap { $0 as? URL }.filter { ["yaml", "yml", "json"].contains($0.pathExtension.lowercased()) }
            .sorted { $0.path < $1.path }
    }

    /// Per-file load, summed per column.
    static func countFolder(_ dir: URL) -> (counts: [String: Int], snapshots: [ClusterSnapshot]) {
        let loader = ManifestLoader()
        var totals: [String: Int] = [:]
        var snapshots: [ClusterSnapshot] = []
        for file in files(under: dir) {
            let snapshot = loader.load(paths: [file.path])
            for (header, kinds) in columns { totals[header, default: 0] += kinds.reduce(0) { $0 + snapshot.count(of: $1) } }
            snapshots.append(snapshot)
        }
        return (totals, snapshots)
    }

    @Test func everyTabulatedFolderMatchesTheREADME() throws {
        guard let corpus = TestPaths.corpus else {
            print("⚠️  CorpusTests skipped: ../shared/corpus not found beside the checkout")
            return
        }
        let readme = try String(contentsOf: corpus.appendingPathComponent("README.md"), encoding: .utf8)
        let rows = Self.tableRows(readme)
        #expect(rows.count >= 17, "README table not found or changed shape")
        for row in rows {
            var dir = corpus.appendingPathComponent(row.folder)
            if row.folder == "netpol-analyzer" { dir = dir.appendingPathComponent("tests") }
            guard FileManager.default.fileExists(atPath: dir.path) else {
                Issue.record("corpus folder \(row.folder) missing")
                continue
            }
            let (ours, _) = Self.countFolder(dir)
            let allowed = Self.documentedDifferences[row.folder] ?? [:]
            for (header, _) in Self.columns {
                guard let expected = row.counts[header] else { continue }
                let got = ours[header] ?? 0
                #expect(got - expected == (allowed[header] ?? 0),
                        "\(row.folder) \(header): loaded \(got), README says \(expected)")
            }
        }
    }

    @Test func noFileCrashesAndEveryErrorIsLocated() throws {
        guard let corpus = TestPaths.corpus else {
            print("⚠️  CorpusTests skipped: ../shared/corpus not found beside the checkout")
            return
        }
        let snapshot = ManifestLoader().load(paths: [corpus.path])
        let manifests = Self.files(under: corpus)
        #expect(snapshot.files.count == manifests.count)
        #expect(manifests.count > 1300)
        for d in snapshot.diagnostics where d.severity == .error {
            let location = try #require(d.location, "unlocated error: \(d)")
            #expect(location.line >= 1 && location.document >= 1, "error without line/document: \(d)")
            #expect(d.description.hasPrefix("\(location.file)#\(location.document):\(location.line):\(location.column): "))
        }
    }

    /// The deliberately broken netpol-analyzer inputs give located errors (not crashes, not silence).
    @Test(arguments: NetpolAnalyzerDifferences.brokenInputs)
    func brokenInputsYieldLocatedErrors(relative: String, expectedLine: Int) throws {
        guard let corpus = TestPaths.corpus else {
            print("⚠️  CorpusTests skipped: ../shared/corpus not found beside the checkout")
            return
        }
        let path = corpus.appendingPathComponent("netpol-analyzer/tests").appendingPathComponent(relative).path
        let snapshot = ManifestLoader().load(paths: [path])
        let errors = snapshot.diagnostics.filter { $0.severity == .error }
        #expect(!errors.isEmpty, "\(relative) produced no error")
        #expect(errors.contains { $0.location?.line == expectedLine }, "\(relative): \(errors.map(\.description))")
    }
}
