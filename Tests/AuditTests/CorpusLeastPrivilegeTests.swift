@testable import Audit
import Foundation
import ReachKit
import ReachLoader
import ReachReports
import ReachTestSupport
import Testing

/// The least-privilege checks alone on corpus folders with RBAC, recorded as goldens under
/// `Fixtures/audit/corpus/least-privilege/` (`KUBE_REACH_UPDATE_GOLDENS=1 swift test --filter
/// CorpusLeastPrivilegeTests` rewrites them; read the diff). Load diagnostics are left out (the
/// full-audit goldens have them). Skips with a message when ../shared/corpus is absent.
@Suite struct CorpusLeastPrivilegeTests {
    /// Folder, namespace for objects without one (corpus README), and whether system RBAC is shown.
    static let folders: [(String, String, Bool)] = [
        ("argo-cd", "argocd", false), ("kube-prometheus", "default", false), ("kubernetes-bootstrap-rbac", "default", true),
        ("istio", "default", false), ("ingress-nginx", "default", false), ("calico", "default", false),
        ("kubeflow-manifests", "kubeflow", false),
    ]

    @Test(arguments: folders.map(\.0)) func folder(_ folder: String) throws {
        guard let corpus = TestPaths.corpus else {
            print("skipped: ../shared/corpus is absent (least-privilege corpus golden \(folder))")
            return
        }
        let (_, ns, includeSystem) = try #require(Self.folders.first { $0.0 == folder })
        let snapshot = Analyzer.load(paths: [corpus.appendingPathComponent(folder).path],
                                     options: LoadOptions(namespaceDefault: ns)).snapshot
        let context = AuditContext(snapshot: snapshot, cluster: nil,
                                   options: AuditOptions(leastPrivilege: true, includeSystem: includeSystem))
        var report = AuditEngine.run(context, checks: CheckRegistry.all.filter { $0.info.input == .rbac })
        report.diagnostics = []
        let text = TestPaths.portable(AuditTextFormatter.text(report))
        if let problem = Golden.check(text, against: "audit/corpus/least-privilege/\(folder).txt") { Issue.record("\(problem)") }
    }
}
