import Foundation
import ReachCLI
import ReachKit
import ReachReports
import ReachTestSupport
import Testing

/// `kube-reach audit --least-privilege --audit-log` end to end: YAML, text and JSON goldens,
/// `--narrowed-dir` files, usage errors.
@Suite struct AuditLogCommandTests {
    static let log = TestPaths.fixture("auditlog/audit.jsonl")
    static let manifests = TestPaths.fixture("auditlog/manifests.yaml")
    static let base = ["audit", "--least-privilege", "--audit-log", log, "-f", manifests]

    static func tempDir() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("kube-reach-narrowed-\(UUID().uuidString)")
    }

    @Test func yamlStreamGolden() throws {
        let run = KubeReach.execute(Self.base)
        #expect(run.exitCode == 0)
        #expect(Golden.check(TestPaths.portable(run.output), against: "auditlog/expected/narrowed.yaml") == nil)
        // The stream is YAML the loader reads without complaint: 7 objects of each role/binding kind in total.
        let snapshot = Analyzer.load(sources: [(name: "stdout.yaml", text: run.output)]).snapshot
        #expect(snapshot.diagnostics.filter { $0.severity != .info }.isEmpty)
        #expect(snapshot.roles.count + snapshot.clusterRoles.count == 5)
        #expect(snapshot.roleBindings.count + snapshot.clusterRoleBindings.count == 5)
    }

    @Test func jsonGolden() throws {
        let run = KubeReach.execute(Self.base + ["-o", "json"])
        #expect(run.exitCode == 0)
        #expect(Golden.check(TestPaths.portable(run.output), against: "auditlog/expected/narrowed.json") == nil)
        let object = try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any]
        let subjects = try #require(object?["subjects"] as? [[String: Any]])
        #expect(subjects.map { $0["subject"] as? String } == ["ServiceAccount:ops/backup", "ServiceAccount:shop/reader", "User:alice", "User:carol"])
        #expect((object?["diagnostics"] as? [[String: Any]])?.count == 2)
    }

    @Test func narrowedDirWritesOneFilePerSubjectAndATextSummary() throws {
        let dir = Self.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let run = KubeReach.execute(Self.base + ["--narrowed-dir", dir.path])
        #expect(run.exitCode == 0)
        let text = TestPaths.portable(run.output).replacingOccurrences(of: dir.path, with: "<dir>")
        #expect(Golden.check(text, against: "auditlog/expected/summary.txt") == nil)
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
        #expect(files == ["sa-ops-backup.yaml", "sa-shop-reader.yaml", "user-alice.yaml", "user-carol.yaml"])
        // The files are the stream, split per subject.
        let stream = KubeReach.execute(Self.base).output
        for f in files {
            let content = try String(contentsOf: dir.appendingPathComponent(f), encoding: .utf8)
            #expect(stream.contains(content), "\(f) is a section of the stdout stream")
            let s = Analyzer.load(sources: [(name: f, text: content)]).snapshot
            #expect(s.diagnostics.filter { $0.severity != .info }.isEmpty)
        }
    }

    @Test func subjectFilterAndNoManifests() throws {
        let one = KubeReach.execute(["audit", "--least-privilege", "--audit-log", Self.log, "--subject", "ServiceAccount:shop/reader", "-o", "json"])
        #expect(one.exitCode == 0)
        let object = try JSONSerialization.jsonObject(with: Data(one.output.utf8)) as? [String: Any]
        let subjects = try #require(object?["subjects"] as? [[String: Any]])
        #expect(subjects.count == 1)
        #expect((subjects.first?["unused"] as? [Any])?.isEmpty == true, "without manifests nothing is granted, so nothing is unused")
        #expect((subjects.first?["roles"] as? [Any])?.count == 1)
    }

    @Test(arguments: [
        ["audit", "--audit-log", log, "-f", manifests],
        ["audit", "--least-privilege", "--audit-log", log, "--aks", manifests],
        ["audit", "--least-privilege", "--audit-log", log, "-o", "sarif"],
        ["audit", "--least-privilege", "--audit-log", log, "--subject", "Group:devs"],
        ["audit", "-f", manifests, "--narrowed-dir", "/tmp/x"],
    ])
    func usageErrorsExitTwo(args: [String]) {
        #expect(KubeReach.execute(args).exitCode == 2)
    }

    @Test func unreadableLogExitsTwoNamingTheFile() {
        let run = KubeReach.execute(["audit", "--least-privilege", "--audit-log", "/nonexistent/audit.jsonl"])
        #expect(run.exitCode == 2)
        #expect(run.output.contains("/nonexistent/audit.jsonl"))
    }
}
