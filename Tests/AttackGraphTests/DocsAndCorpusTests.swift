import AttackGraph
import Foundation
import RBACEngine
import ReachKit
import ReachTestSupport
import Testing

/// The generated technique documentation, and the bootstrap policy of the Kubernetes corpus.
@Suite struct DocsAndCorpusTests {
    @Test func committedDocsEqualTheGeneratedText() {
        #expect(Golden.check(AttackTechniqueDocs.markdown(), against: "../docs/attack-techniques.md") == nil)
    }

    @Test func everyTechniqueIsDocumented() {
        let text = TechniqueDocs.markdown()
        for t in TechniqueCatalog.all { #expect(text.contains("| \(t.id.raw) | \(t.title) |")) }
    }

    static let bootstrapDir = "kubernetes-bootstrap-rbac/plugin/pkg/auth/authorizer/rbac/bootstrappolicy/testdata"
    static let files = ["cluster-roles", "cluster-role-bindings", "controller-roles", "controller-role-bindings",
                        "namespace-roles", "namespace-role-bindings"]

    /// Which controller identities can end up reading kube-system secrets under the bootstrap policy.
    @Test func bootstrapControllersReachingKubeSystemSecrets() throws {
        guard let corpus = TestPaths.corpus else {
            print("⚠️  bootstrap attack-path test skipped: ../shared/corpus not found beside the checkout")
            return
        }
        let paths = Self.files.map { corpus.appendingPathComponent("\(Self.bootstrapDir)/\($0).yaml").path }
        let analyzer = Analyzer.load(paths: paths)
        #expect(!analyzer.snapshot.hasErrors)
        let graph = analyzer.attackGraph(index: analyzer.rbac())
        let goal = AccessRequest(verb: "get", resource: "secrets", namespace: "kube-system")
        let holders = graph.transitiveHolders(of: goal).map { "\($0.length) \($0.start)" }
        #expect(holders.contains("0 ServiceAccount:kube-system/namespace-controller"))
        #expect(holders.contains("0 Group:system:masters"))
        // escalate + update on every ClusterRole, bound (via system:authenticated) to non-aggregated
        // roles: E10 makes the aggregation controller cluster-admin-equivalent.
        #expect(holders.contains("1 ServiceAccount:kube-system/clusterrole-aggregation-controller"))
        let admin = graph.transitiveHolders(of: AttackGraph.adminGoal).map(\.start.description)
        #expect(admin.contains("ServiceAccount:kube-system/clusterrole-aggregation-controller"))
        #expect(admin.contains("Group:system:masters"))
        #expect(!admin.contains("ServiceAccount:kube-system/replicaset-controller"))
    }
}
