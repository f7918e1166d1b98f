import ReachLoader
import ReachModel
import Testing
@testable import RBACEngine

/// rbac.md rule 8 and bad input: invalid-but-parseable objects are evaluated literally with
/// located warnings; malformed ones get located load diagnostics and never crash the engine.
@Suite struct LoadedInputTests {
    static func load(_ yaml: String) -> ClusterSnapshot {
        ManifestLoader().load(sources: [(name: "in.yaml", text: yaml)])
    }

    static let yaml = """
    apiVersion: rbac.authorization.k8s.io/v1
    kind: ClusterRole
    metadata: {name: no-verbs}
    rules:
      - apiGroups: [""]
        resources: ["secrets"]
    ---
    apiVersion: rbac.authorization.k8s.io/v1
    kind: ClusterRole
    metadata: {name: no-groups}
    rules:
      - resources: ["secrets"]
        verbs: ["get"]
    ---
    apiVersion: rbac.authorization.k8s.io/v1
    kind: ClusterRoleBinding
    metadata: {name: b}
    subjects:
      - {kind: User, name: u1}
      - {kind: ServiceAccount, name: nons}
    roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: no-verbs}
    ---
    apiVersion: rbac.authorization.k8s.io/v1
    kind: ClusterRoleBinding
    metadata: {name: c}
    subjects:
      - {kind: User, name: u2}
    roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: no-groups}
    """

    @Test func invalidButParseableObjectsAreEvaluatedLiterallyWithLocatedWarnings() {
        let snapshot = Self.load(Self.yaml)
        let index = RBACIndex(snapshot: snapshot, options: RBACOptions(mastersBypass: false))
        let request = AccessRequest(verb: "get", resource: "secrets", namespace: "x")
        #expect(index.subjects(of: index.whoCan(request)).isEmpty)
        #expect(!index.allows(Identity(user: "u1"), request))
        #expect(!index.allows(Identity(user: "u2"), request))
        let loadWarnings = snapshot.diagnostics.filter { $0.severity == .warning }
        #expect(loadWarnings.count == 2)
        #expect(loadWarnings.allSatisfy { $0.location?.file == "in.yaml" && $0.location?.line ?? 0 > 1 })
        let sa = index.diagnostics.first { $0.id == RBACDiagnosticID.serviceAccountWithoutNamespace }
        #expect(sa?.location?.document == 3)
    }

    @Test(arguments: [
        "apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata: {name: r}\nrules: {verbs: [get]}\n",
        "apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata: {name: r}\nrules:\n  - verbs: get\n    apiGroups: [\"\"]\n    resources: [pods]\n",
        "apiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\nmetadata: {name: b, namespace: n}\nsubjects: [{kind: User}]\nroleRef: {kind: Role, name: r}\n",
        "apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRoleBinding\nmetadata: {name: b}\nroleRef: {kind: Role, name: r}\n",
    ])
    func malformedObjectsGetLocatedDiagnostics(yaml: String) {
        let snapshot = Self.load(yaml)
        #expect(!snapshot.diagnostics.isEmpty)
        #expect(snapshot.diagnostics.allSatisfy { $0.location?.file == "in.yaml" })
        let index = RBACIndex(snapshot: snapshot)
        _ = index.whoCan(AccessRequest(verb: "get", resource: "pods", namespace: "n"))
    }
}
