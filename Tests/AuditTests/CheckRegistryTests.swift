import Foundation
import ReachKit
import ReachReports
import ReachTestSupport
import Testing
@testable import Audit

@Suite struct CheckRegistryTests {
    @Test func idsAreUniqueAndWellFormed() {
        let ids = CheckRegistry.all.map(\.info.id)
        #expect(Set(ids).count == ids.count, "duplicate check IDs")
        for id in ids {
            let parts = id.split(separator: "-")
            #expect(parts.count == 3 && parts[2].count == 3 && Int(parts[2]) != nil, "malformed ID \(id)")
        }
    }

    @Test func everyCheckHasPositiveAndNegativeFixtures() {
        for id in CheckRegistry.all.map(\.info.id) {
            for variant in ["positive", "negative"] {
                let dir = AuditFixtures.folder(id, variant).path
                let files = (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []
                #expect(!files.isEmpty, "missing fixture Fixtures/audit/\(id)/\(variant)")
            }
        }
    }

    @Test func everyFixtureFolderBelongsToACheck() throws {
        let ids = Set((CheckRegistry.all + CheckRegistry.azure).map(\.info.id))
        let folders = try FileManager.default.contentsOfDirectory(atPath: AuditFixtures.root.path)
            .filter { $0.contains("-") && !$0.hasSuffix(".py") }
        for folder in folders { #expect(ids.contains(folder), "fixture folder \(folder) has no check") }
    }

    @Test func everyCheckIsDocumented() {
        for info in CheckRegistry.all.map(\.info) {
            #expect(!info.title.isEmpty && !info.rationale.isEmpty && !info.remediation.isEmpty && !info.recommendation.isEmpty,
                    "\(info.id) lacks documentation text")
            #expect(!info.title.contains("\n"), "\(info.id): title must be one line")
        }
    }

    /// docs/checks.md is generated (`kube-reach audit --list-checks --output md`); it must not drift.
    @Test func checksDocIsUpToDate() throws {
        let generated = ChecksDocFormatter.markdown(Analyzer.auditChecks)
        let url = TestPaths.packageRoot.appendingPathComponent("docs/checks.md")
        if Golden.updating { try generated.write(to: url, atomically: true, encoding: .utf8) }
        let committed = try String(contentsOf: url, encoding: .utf8)
        #expect(committed == generated,
                "docs/checks.md differs from the generated text: run `kube-reach audit --list-checks --output md > docs/checks.md`")
    }
}
