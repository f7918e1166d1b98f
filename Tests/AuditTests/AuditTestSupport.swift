@testable import Audit
import Foundation
import ReachKit
import ReachModel
import ReachTestSupport

/// Shared helpers of the audit tests.
enum AuditFixtures {
    static var root: URL { TestPaths.fixtures.appendingPathComponent("audit") }

    static func folder(_ id: String, _ variant: String) -> URL {
        root.appendingPathComponent(id).appendingPathComponent(variant)
    }

    /// The audit context of `Fixtures/audit/<id>/<variant>`: `cluster.json` and/or `manifests.yaml`,
    /// with the least-privilege checks enabled.
    static func context(_ id: String, _ variant: String) -> (context: AuditContext, diagnostics: [Diagnostic]) {
        let dir = folder(id, variant)
        let clusterPath = dir.appendingPathComponent("cluster.json").path
        let manifestPath = dir.appendingPathComponent("manifests.yaml").path
        var diagnostics: [Diagnostic] = []
        var cluster: AKSCluster?
        if FileManager.default.fileExists(atPath: clusterPath) {
            let loaded = Analyzer.loadAKSCluster(path: clusterPath)
            cluster = loaded.cluster
            diagnostics += loaded.diagnostics
        }
        var snapshot: ClusterSnapshot?
        if FileManager.default.fileExists(atPath: manifestPath) {
            let s = Analyzer.load(paths: [manifestPath]).snapshot
            snapshot = s
            diagnostics += s.diagnostics.filter { $0.severity == .error }
        }
        return (AuditContext(snapshot: snapshot, cluster: cluster, options: AuditOptions(leastPrivilege: true)), diagnostics)
    }
}
