import Foundation
import ReachCLI
import ReachTestSupport
import Testing

/// The audit on real-world corpus folders and AKS cluster documents, recorded as goldens under
/// `Fixtures/audit/corpus/` (`KUBE_REACH_UPDATE_GOLDENS=1 swift test --filter CorpusGoldenTests` rewrites them).
/// Skips with a message when ../shared/corpus is absent.
@Suite struct CorpusGoldenTests {
    /// Corpus folder and the namespace its manifests are applied to (corpus README).
    static let folders: [(String, String)] = [
        ("aks-baseline", "default"), ("aks-fabrikam-dronedelivery", "default"), ("aks-store-demo", "default"),
        ("argo-cd", "argocd"), ("kube-prometheus", "default"),
    ]

    static let clusters = [
        "azure-cli__test_aks_api_server_authorized_ip_ranges__GET-after-create",
        "azure-cli__test_aks_create_disable_rbac__final-GET",
        "azure-cli__test_aks_create_default_service_with_monitoring_addon__final-aks-show",
        "regolibrary__restrict-access-to-the-control-plane-endpoint__success",
        "regolibrary__secret-etcd-encryption-cloud__aks_kms",
        "rest-api-specs__2026-01-01__ManagedClustersCreate_PodIdentity",
        "rest-api-specs__2026-01-01__ManagedClustersCreate_AzureKeyvaultSecretsProvider",
    ]

    static func run(_ arguments: [String]) -> String {
        TestPaths.portable(KubeReach.execute(arguments).output)
    }

    @Test(arguments: folders.map(\.0)) func manifestFolder(_ folder: String) throws {
        guard let corpus = TestPaths.corpus else {
            print("skipped: ../shared/corpus is absent (audit corpus golden \(folder))")
            return
        }
        let ns = Self.folders.first { $0.0 == folder }?.1 ?? "default"
        let text = Self.run(["audit", "-f", corpus.appendingPathComponent(folder).path, "--namespace-default", ns])
        if let problem = Golden.check(text, against: "audit/corpus/\(folder).txt") { Issue.record("\(problem)") }
    }

    @Test(arguments: clusters) func clusterDocument(_ name: String) throws {
        guard let corpus = TestPaths.corpus else {
            print("skipped: ../shared/corpus is absent (audit corpus golden \(name))")
            return
        }
        let path = corpus.appendingPathComponent("aks-cluster-json/\(name).json").path
        let text = Self.run(["audit", "--aks", path])
        if let problem = Golden.check(text, against: "audit/corpus/aks-cluster-json/\(name).txt") { Issue.record("\(problem)") }
    }

    /// The AKS baseline reference implementation's manifests with a cluster document, as JSON.
    @Test func combinedJSON() throws {
        guard let corpus = TestPaths.corpus else {
            print("skipped: ../shared/corpus is absent (audit corpus golden combined JSON)")
            return
        }
        let text = Self.run([
            "audit", "-f", corpus.appendingPathComponent("aks-baseline").path,
            "--aks", corpus.appendingPathComponent("aks-cluster-json/regolibrary__ensure-azure-rbac-is-set__success.json").path,
            "-o", "json",
        ])
        if let problem = Golden.check(text, against: "audit/corpus/aks-baseline+cluster.json") { Issue.record("\(problem)") }
    }
}
