import Foundation
import ReachLoader
import ReachModel
import ReachTestSupport
import Testing
@testable import RBACEngine

/// The engine on real RBAC from `../shared/corpus/`. Expected subject lists were derived
/// independently, by a brute-force evaluation of upstream's rules (`RuleAllows`, `appliesTo`,
/// the aggregation controller) over the same YAML with PyYAML, not by running kube-reach.
/// Skipped, with a visible message, when the corpus is not beside the checkout.
@Suite struct CorpusRBACTests {
    static let bootstrapDir = "kubernetes-bootstrap-rbac/plugin/pkg/auth/authorizer/rbac/bootstrappolicy/testdata"
    /// The base files (the `*-featuregates.yaml` files are alternatives to them, see SOURCE.md).
    static let bootstrapFiles = ["cluster-roles.yaml", "cluster-role-bindings.yaml", "controller-roles.yaml",
                                 "controller-role-bindings.yaml", "namespace-roles.yaml", "namespace-role-bindings.yaml"]

    static func load(_ relative: [String], namespaceDefault: String = "default") -> ClusterSnapshot? {
        guard let corpus = TestPaths.corpus else {
            print("⚠️  CorpusRBACTests skipped: ../shared/corpus not found beside the checkout")
            return nil
        }
        let paths = relative.map { corpus.appendingPathComponent($0).path }
        return ManifestLoader(options: LoadOptions(namespaceDefault: namespaceDefault)).load(paths: paths)
    }

    static func bootstrap() -> ClusterSnapshot? { load(bootstrapFiles.map { "\(bootstrapDir)/\($0)" }) }

    static func who(_ index: RBACIndex, _ verb: String, _ group: String, _ resource: String, _ sub: String = "", ns: String) -> [String] {
        index.subjects(of: index.whoCan(AccessRequest(verb: verb, apiGroup: group, resource: resource, subresource: sub, namespace: ns)))
            .map(\.description)
    }

    @Test func bootstrapWhoCanGetSecretsInKubeSystem() {
        guard let snapshot = Self.bootstrap() else { return }
        #expect(!snapshot.hasErrors)
        let index = RBACIndex(snapshot: snapshot)
        #expect(Self.who(index, "get", "", "secrets", ns: "kube-system") == [
            "Group:system:masters", "ServiceAccount:kube-system/bootstrap-signer",
            "ServiceAccount:kube-system/generic-garbage-collector", "ServiceAccount:kube-system/namespace-controller",
            "ServiceAccount:kube-system/token-cleaner", "User:system:kube-controller-manager",
        ])
        #expect(Self.who(index, "get", "", "secrets", ns: "default") == [
            "Group:system:masters", "ServiceAccount:kube-system/generic-garbage-collector",
            "ServiceAccount:kube-system/namespace-controller", "User:system:kube-controller-manager",
        ])
        // Explained: bootstrap-signer's grant is its kube-system Role, with a location.
        let answer = index.whoCan(AccessRequest(verb: "get", resource: "secrets", namespace: "kube-system"))
        let why = index.grants(in: answer, for: .serviceAccount(namespace: "kube-system", name: "bootstrap-signer"))
        #expect(why.first?.role == ObjectRef(kind: .role, namespace: "kube-system", name: "system:controller:bootstrap-signer"))
        #expect(why.first?.rule.location != nil)
    }

    @Test func bootstrapAggregationOfAdminEditView() {
        guard let snapshot = Self.bootstrap() else { return }
        let index = RBACIndex(snapshot: snapshot)
        func rules(_ name: String) -> [EffectiveRule] { index.roles.first { $0.ref == ObjectRef(kind: .clusterRole, namespace: nil, name: name) }?.rules ?? [] }
        #expect(rules("admin").count == 25)
        #expect(rules("edit").count == 23)
        #expect(rules("view").count == 10)
        #expect(rules("view").allSatisfy { Set($0.rule.verbs).isSubset(of: ["get", "list", "watch"]) })
        #expect(rules("edit").allSatisfy { $0.aggregatedFrom?.hasPrefix("system:aggregate-to-") == true })
        #expect(!index.diagnostics.contains { $0.id == RBACDiagnosticID.aggregationCycle })
    }

    @Test func bootstrapPodsExecOnceEditIsBound() {
        guard var snapshot = Self.bootstrap() else { return }
        let before = RBACIndex(snapshot: snapshot)
        #expect(Self.who(before, "create", "", "pods", "exec", ns: "team") == ["Group:system:masters"])
        snapshot.roleBindings.append(RoleBinding(
            meta: ObjectMeta(name: "lead-edits", namespace: "team", location: SourceLocation(file: "test", document: 1, line: 1)),
            roleRef: RoleRef(kind: .clusterRole, name: "edit"), subjects: [Subject(kind: "User", name: "lead")]))
        let index = RBACIndex(snapshot: snapshot)
        #expect(Self.who(index, "create", "", "pods", "exec", ns: "team") == ["Group:system:masters", "User:lead"])
        #expect(Self.who(index, "create", "", "pods", "exec", ns: "other") == ["Group:system:masters"])
        let decision = index.check(.impersonating(.user("lead")), AccessRequest(verb: "create", resource: "pods", subresource: "exec", namespace: "team"))
        #expect(decision.allowed)
        #expect(decision.grants.first?.aggregatedFrom == "system:aggregate-to-edit")
        // Upstream edit also reads secrets (system:aggregate-to-edit).
        #expect(index.allows(.impersonating(.user("lead")), AccessRequest(verb: "get", resource: "secrets", namespace: "team")))
    }

    struct CorpusCase: Sendable, CustomStringConvertible {
        var folder: String
        var namespaceDefault: String
        var request: AccessRequest
        var expected: [String]
        var description: String { "\(folder): \(request)" }
    }

    static let cases: [CorpusCase] = [
        CorpusCase(folder: "argo-cd/manifests/install.yaml", namespaceDefault: "argocd",
                   request: AccessRequest(verb: "get", resource: "secrets", namespace: "argocd"),
                   expected: ["Group:system:masters", "ServiceAccount:argocd/argocd-application-controller",
                              "ServiceAccount:argocd/argocd-applicationset-controller", "ServiceAccount:argocd/argocd-dex-server",
                              "ServiceAccount:argocd/argocd-server"]),
        CorpusCase(folder: "argo-cd/manifests/install.yaml", namespaceDefault: "argocd",
                   request: AccessRequest(verb: "delete", resource: "pods", namespace: "default"),
                   expected: ["Group:system:masters", "ServiceAccount:argocd/argocd-application-controller", "ServiceAccount:argocd/argocd-server"]),
        CorpusCase(folder: "kubeflow-manifests", namespaceDefault: "kubeflow",
                   request: AccessRequest(verb: "get", resource: "secrets", namespace: "kubeflow"),
                   expected: ["Group:system:masters", "ServiceAccount:cert-manager/cert-manager", "ServiceAccount:cert-manager/cert-manager-cainjector",
                              "ServiceAccount:istio-system/istio-reader-service-account", "ServiceAccount:istio-system/istiod",
                              "ServiceAccount:knative-eventing/eventing-controller", "ServiceAccount:knative-eventing/eventing-webhook",
                              "ServiceAccount:knative-eventing/job-sink", "ServiceAccount:knative-eventing/request-reply",
                              "ServiceAccount:knative-serving/controller"]),
        CorpusCase(folder: "istio", namespaceDefault: "default",
                   request: AccessRequest(verb: "get", resource: "secrets", namespace: "istio-system"),
                   expected: ["Group:system:masters", "ServiceAccount:istio-system/istio-reader-service-account",
                              "ServiceAccount:istio-system/istiod", "ServiceAccount:istio-system/loki"]),
        CorpusCase(folder: "linkerd/cli/cmd/testdata/install_default.golden.yaml", namespaceDefault: "default",
                   request: AccessRequest(verb: "get", resource: "secrets", namespace: "linkerd"),
                   expected: ["Group:system:masters", "ServiceAccount:linkerd/linkerd-destination"]),
        CorpusCase(folder: "calico/manifests", namespaceDefault: "default",
                   request: AccessRequest(verb: "create", apiGroup: "rbac.authorization.k8s.io", resource: "clusterrolebindings"),
                   expected: ["Group:system:masters", "ServiceAccount:tigera-operator/tigera-operator"]),
    ]

    @Test(arguments: cases)
    func whoCanOnCorpus(_ c: CorpusCase) {
        guard let snapshot = Self.load([c.folder], namespaceDefault: c.namespaceDefault) else { return }
        let index = RBACIndex(snapshot: snapshot)
        #expect(index.subjects(of: index.whoCan(c.request)).map(\.description) == c.expected)
        // can-i agrees for every service account in the answer.
        for case .serviceAccount(let ns, let name) in index.subjects(of: index.whoCan(c.request)) {
            #expect(index.allows(.serviceAccount(namespace: ns, name: name), c.request))
        }
    }

    @Test func kubeflowAggregatedRolesAreNonEmpty() {
        guard let snapshot = Self.load(["kubeflow-manifests"], namespaceDefault: "kubeflow") else { return }
        let index = RBACIndex(snapshot: snapshot)
        for name in ["kubeflow-admin", "kubeflow-edit", "kubeflow-view"] {
            let role = index.roles.first { $0.ref.kind == .clusterRole && $0.ref.name == name }
            #expect(role != nil && role?.rules.isEmpty == false, "\(name)")
        }
    }
}
