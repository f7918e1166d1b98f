import Foundation
import ReachKit
import ReachModel
import Testing
@testable import Audit

/// The scope rules of the hygiene checks (K8S-RBAC-016..019) and of the per-subject risks, on small
/// in-memory inputs.
@Suite struct RBACHygieneTests {
    static func findings(_ yaml: String, _ id: String) -> [Finding] {
        let snapshot = Analyzer.load(sources: [(name: "rbac.yaml", text: yaml)]).snapshot
        let context = AuditContext(snapshot: snapshot, cluster: nil, options: AuditOptions(leastPrivilege: true))
        guard let check = CheckRegistry.check(id) else { return [] }
        if case .failed(let list) = AuditEngine.outcome(of: check, context) { return list }
        return []
    }

    static func binding(_ kind: String = "RoleBinding", name: String, ns: String? = "dev", roleKind: String, role: String,
                        subject: String) -> String {
        let meta = ns.map { "{name: \(name), namespace: \($0)}" } ?? "{name: \(name)}"
        return """
        apiVersion: rbac.authorization.k8s.io/v1
        kind: \(kind)
        metadata: \(meta)
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: \(roleKind), name: "\(role)"}
        subjects: [\(subject)]
        ---

        """
    }

    static let reader = """
    apiVersion: rbac.authorization.k8s.io/v1
    kind: ClusterRole
    metadata: {name: reader}
    rules: [{apiGroups: [""], resources: [configmaps], verbs: [get]}]
    ---

    """
    static let alice = "{kind: User, apiGroup: rbac.authorization.k8s.io, name: alice}"

    /// Roles every cluster has are not "missing"; a Role of the same name elsewhere is.
    @Test func builtInRolesAreNotMissing() {
        let yaml = Self.binding(name: "a", roleKind: "ClusterRole", role: "view", subject: Self.alice)
            + Self.binding(name: "b", roleKind: "ClusterRole", role: "system:auth-delegator", subject: Self.alice)
            + Self.binding(name: "c", ns: "kube-system", roleKind: "Role", role: "extension-apiserver-authentication-reader", subject: Self.alice)
            + Self.binding(name: "d", roleKind: "Role", role: "extension-apiserver-authentication-reader", subject: Self.alice)
        #expect(Self.findings(yaml, "K8S-RBAC-016").map(\.subject) == ["RoleBinding/dev/d"])
    }

    /// Missing ServiceAccounts are judged only where the input has ServiceAccounts; `default` always exists.
    @Test func missingServiceAccountsOnlyWhereJudged() {
        let sa = "apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: app, namespace: dev}\n---\n"
        let yaml = sa + Self.reader
            + Self.binding(name: "a", roleKind: "ClusterRole", role: "reader", subject: "{kind: ServiceAccount, name: gone, namespace: dev}")
            + Self.binding(name: "b", roleKind: "ClusterRole", role: "reader", subject: "{kind: ServiceAccount, name: default, namespace: dev}")
            + Self.binding(name: "c", ns: "ops", roleKind: "ClusterRole", role: "reader", subject: "{kind: ServiceAccount, name: gone, namespace: ops}")
        #expect(Self.findings(yaml, "K8S-RBAC-017").map(\.subject) == ["ServiceAccount:dev/gone"])
    }

    /// ClusterRoles fed into aggregation are used even without a binding.
    @Test func aggregatedRolesAreUsed() {
        let yaml = """
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata: {name: feeds-edit, labels: {rbac.authorization.k8s.io/aggregate-to-edit: "true"}}
        rules: []
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata: {name: part, labels: {team/agg: "yes"}}
        rules: []
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata: {name: whole}
        aggregationRule: {clusterRoleSelectors: [{matchLabels: {team/agg: "yes"}}]}
        rules: []
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata: {name: orphan}
        rules: []
        ---

        """ + Self.binding("ClusterRoleBinding", name: "w", ns: nil, roleKind: "ClusterRole", role: "whole", subject: Self.alice)
        #expect(Self.findings(yaml, "K8S-RBAC-018").map(\.subject) == ["ClusterRole/orphan"])
    }

    /// A RoleBinding of a ClusterRole the subject already holds cluster-wide is a duplicate; the same
    /// role for another subject is not.
    @Test func redundantRoleBindingIsDuplicate() throws {
        let bob = "{kind: User, apiGroup: rbac.authorization.k8s.io, name: bob}"
        let yaml = Self.reader
            + Self.binding("ClusterRoleBinding", name: "everywhere", ns: nil, roleKind: "ClusterRole", role: "reader", subject: Self.alice)
            + Self.binding(name: "here", roleKind: "ClusterRole", role: "reader", subject: Self.alice)
            + Self.binding(name: "bob", roleKind: "ClusterRole", role: "reader", subject: bob)
        let found = Self.findings(yaml, "K8S-RBAC-019")
        #expect(found.map(\.subject) == ["User:alice"])
        let f = try #require(found.first)
        #expect(f.message == "granted ClusterRole/reader in namespace dev by ClusterRoleBinding/everywhere, RoleBinding/dev/here")
        #expect(f.locations.count == 2)
    }

    /// RoleBindings never grant cluster-scoped resources, so nodes/proxy through one is not a finding.
    @Test func roleBindingDoesNotGrantClusterScopedResources() {
        let role = """
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata: {name: proxy}
        rules: [{apiGroups: [""], resources: [nodes/proxy], verbs: [get]}]
        ---

        """
        #expect(Self.findings(role + Self.binding(name: "p", roleKind: "ClusterRole", role: "proxy", subject: Self.alice), "K8S-RBAC-008").isEmpty)
        let wide = Self.binding("ClusterRoleBinding", name: "p", ns: nil, roleKind: "ClusterRole", role: "proxy", subject: Self.alice)
        #expect(Self.findings(role + wide, "K8S-RBAC-008").map(\.subject) == ["User:alice"])
    }

    /// A user's own binding of the bootstrap cluster-admin role is not system noise.
    @Test func userBindingOfBootstrapRoleIsNotSystem() throws {
        let admin = """
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata: {name: cluster-admin, labels: {kubernetes.io/bootstrapping: rbac-defaults}}
        rules: [{apiGroups: ["*"], resources: ["*"], verbs: ["*"]}]
        ---

        """
        let f = try #require(Self.findings(admin + Self.binding("ClusterRoleBinding", name: "alice-admin", ns: nil, roleKind: "ClusterRole",
                                                                    role: "cluster-admin", subject: Self.alice), "K8S-RBAC-012").first)
        #expect(!f.system)
        #expect(f.message == "cluster-admin-equivalent cluster-wide via ClusterRoleBinding/alice-admin → ClusterRole/cluster-admin")
    }
}
