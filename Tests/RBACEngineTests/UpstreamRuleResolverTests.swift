import ReachModel
import Testing
@testable import RBACEngine

/// Transcribed from kubernetes `pkg/registry/rbac/validation/rule_test.go`:
/// `TestAppliesTo` (subject matching) and `TestDefaultRuleResolver` (rules in force per user and
/// namespace).
@Suite struct UpstreamRuleResolverTests {
    struct AppliesCase: Sendable, CustomStringConvertible {
        var subjects: [Subject]
        var user: String
        var groups: [String]
        var namespace: String
        var appliesTo: Bool
        var testCase: String
        var description: String { testCase }
    }

    static let appliesCases: [AppliesCase] = [
        AppliesCase(subjects: [Subject(kind: "User", name: "foobar")], user: "foobar", groups: [], namespace: "",
                    appliesTo: true, testCase: "single subject that matches username"),
        AppliesCase(subjects: [Subject(kind: "User", name: "barfoo"), Subject(kind: "User", name: "foobar")], user: "foobar",
                    groups: [], namespace: "", appliesTo: true, testCase: "multiple subjects, one that matches username"),
        AppliesCase(subjects: [Subject(kind: "User", name: "barfoo"), Subject(kind: "User", name: "foobar")], user: "zimzam",
                    groups: [], namespace: "", appliesTo: false, testCase: "multiple subjects, none that match username"),
        AppliesCase(subjects: [Subject(kind: "User", name: "barfoo"), Subject(kind: "Group", name: "foobar")], user: "zimzam",
                    groups: ["foobar"], namespace: "", appliesTo: true, testCase: "multiple subjects, one that match group"),
        AppliesCase(subjects: [Subject(kind: "User", name: "barfoo"), Subject(kind: "Group", name: "foobar")], user: "zimzam",
                    groups: ["foobar"], namespace: "namespace1", appliesTo: true,
                    testCase: "multiple subjects, one that match group, should ignore namespace"),
        AppliesCase(subjects: [Subject(kind: "User", name: "barfoo"), Subject(kind: "Group", name: "foobar"),
                               Subject(kind: "ServiceAccount", name: "default", namespace: "kube-system")],
                    user: "system:serviceaccount:kube-system:default", groups: [], namespace: "default", appliesTo: true,
                    testCase: "multiple subjects with a service account that matches"),
        AppliesCase(subjects: [Subject(kind: "User", name: "*")], user: "foobar", groups: [], namespace: "default",
                    appliesTo: false, testCase: "* user subject name doesn't match all users"),
        AppliesCase(subjects: [Subject(kind: "Group", name: "system:authenticated"), Subject(kind: "Group", name: "system:unauthenticated")],
                    user: "foobar", groups: ["system:authenticated"], namespace: "default", appliesTo: true,
                    testCase: "binding to all authenticated and unauthenticated subjects matches authenticated user"),
        AppliesCase(subjects: [Subject(kind: "Group", name: "system:authenticated"), Subject(kind: "Group", name: "system:unauthenticated")],
                    user: "system:anonymous", groups: ["system:unauthenticated"], namespace: "default", appliesTo: true,
                    testCase: "binding to all authenticated and unauthenticated subjects matches anonymous user"),
    ]

    /// `appliesTo(user, subjects, namespace)` is exercised through a binding in `namespace`
    /// (a ClusterRoleBinding when empty) to a role allowing everything.
    @Test(arguments: appliesCases)
    func appliesTo(_ c: AppliesCase) {
        var w = TestWorld()
        w.clusterRole("all", PolicyRule(verbs: ["*"], apiGroups: ["*"], resources: ["*"]))
        w.rawBinding(c.namespace.isEmpty ? nil : c.namespace, roleKind: "ClusterRole", role: "all", subjects: c.subjects)
        let request = AccessRequest(verb: "get", resource: "pods", namespace: c.namespace)
        #expect(w.index().allows(Identity(user: c.user, groups: c.groups), request) == c.appliesTo)
    }

    static func readThingsWorld() -> TestWorld {
        var w = TestWorld()
        w.role("readthings", "namespace1", PolicyRule(verbs: ["GET", "WATCH"], apiGroups: ["v1"], resources: ["pods"]),
               PolicyRule(verbs: ["GET", "WATCH"], apiGroups: ["v1"], resources: ["services"]))
        w.clusterRole("cluster-admin", PolicyRule(verbs: ["*"], apiGroups: ["*"], resources: ["*"]))
        w.clusterRole("write-nodes", PolicyRule(verbs: ["PUT", "CREATE", "UPDATE"], apiGroups: ["v1"], resources: ["nodes"]))
        w.roleBinding("namespace1", "readthings", "User:foobar", "Group:group1")
        w.clusterRoleBinding("cluster-admin", "User:admin", "Group:admin")
        return w
    }

    /// `TestDefaultRuleResolver`: the effective rules (resources) for each user and namespace.
    @Test(arguments: [
        ("foobar", [String](), "namespace1", ["pods", "services"]),
        ("foobar", [], "namespace2", []),
        ("foobar", ["admin"], "", ["*"]),
        ("", [], "", []),
    ])
    func defaultRuleResolver(user: String, groups: [String], namespace: String, resources: [String]) {
        let index = Self.readThingsWorld().index()
        let summary = index.access(Identity(user: user, groups: groups), namespace: nil)
        let inForce = summary.scopes.filter { $0.namespace == nil || $0.namespace == namespace }
        #expect(inForce.flatMap { $0.grants.flatMap(\.rule.resources) }.sorted() == resources)
    }
}
