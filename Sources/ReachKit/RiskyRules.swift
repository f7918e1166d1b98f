import Audit
import RBACEngine
import ReachModel

/// A binding that grants a role with at least one risky rule.
public struct RiskyBinding: Hashable, Sendable {
    /// `RoleBinding ns/name` or `ClusterRoleBinding name`.
    public var binding: String
    /// `Role ns/name` or `ClusterRole name`.
    public var role: String
    /// Where the grant applies: a namespace, or `nil` for cluster-wide.
    public var namespace: String?
    /// Subjects as `Kind:name` (`ServiceAccount:ns/name`).
    public var subjects: [String]
    public var risks: [RuleRisk]
}

extension Analyzer {
    /// Bindings of roles with risky rules, as ``Audit/RuleRisk/of(_:in:)`` judges each rule in the
    /// binding's scope (the audit's catalog, ``Audit/RiskyGrants``: a binding is listed exactly
    /// when the least-privilege checks report its subjects for the same reason). Aggregated
    /// ClusterRoles count the rules of the roles their selectors match. Cluster-wide first, then
    /// by binding.
    /// - Complexity: O(bindings + rules × catalog + A × C) for A aggregated of C ClusterRoles.
    public func riskyBindings() -> [RiskyBinding] {
        let effective = Aggregation.effectiveRules(snapshot.clusterRoles).rules
        // A rule's risks depend only on whether the binding is cluster-wide (RuleRisk.of): index 0
        // for a ClusterRoleBinding, 1 for a RoleBinding.
        func risks(_ rules: [PolicyRule]) -> [[RuleRisk]] {
            [Scope.cluster, .namespace("")].map { scope in Array(Set(rules.flatMap { RuleRisk.of($0, in: scope) })).sorted() }
        }
        var roleRisks: [ObjectRef: [[RuleRisk]]] = [:]
        for (i, role) in snapshot.clusterRoles.enumerated() { roleRisks[role.ref] = risks(effective[i].map(\.rule)) }
        for role in snapshot.roles { roleRisks[role.ref] = risks(role.rules) }
        func risks(_ ref: RoleRef, _ ns: String?) -> [RuleRisk] {
            let scope = ns.map(Scope.namespace) ?? .cluster
            guard let target = ref.target(in: scope) else { return [] }
            return roleRisks[target]?[scope == .cluster ? 0 : 1] ?? []
        }
        var out: [RiskyBinding] = []
        for b in snapshot.clusterRoleBindings {
            let r = risks(b.roleRef, nil)
            if r.isEmpty { continue }
            out.append(RiskyBinding(binding: "ClusterRoleBinding \(b.name)", role: "ClusterRole \(b.roleRef.name)", namespace: nil,
                                    subjects: b.subjects.map { SubjectName.of($0, bindingNamespace: nil) }, risks: r))
        }
        for b in snapshot.roleBindings {
            let r = risks(b.roleRef, b.namespace)
            if r.isEmpty { continue }
            let role = b.roleRef.kind == .clusterRole ? "ClusterRole \(b.roleRef.name)" : "Role \(b.namespace ?? "")/\(b.roleRef.name)"
            out.append(RiskyBinding(binding: "RoleBinding \(b.namespace ?? "")/\(b.name)", role: role, namespace: b.namespace,
                                    subjects: b.subjects.map { SubjectName.of($0, bindingNamespace: b.namespace) }, risks: r))
        }
        return out
    }
}

/// Display names of binding subjects.
public enum SubjectName {
    /// `User:alice`, `Group:devs`, `ServiceAccount:ns/name` (the binding's namespace when the
    /// subject has none).
    public static func of(_ s: Subject, bindingNamespace: String?) -> String {
        s.kind == "ServiceAccount" ? "ServiceAccount:\(s.namespace ?? bindingNamespace ?? "")/\(s.name)" : "\(s.kind):\(s.name)"
    }
}
