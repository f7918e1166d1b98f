import RBACEngine
import ReachModel

/// K8S-RBAC-012: cluster-admin (or a full-wildcard role) bound to someone.
struct RBACClusterAdmin: AuditCheck {
    let info = CheckInfo(
        id: "K8S-RBAC-012", severity: .high, input: .rbac,
        title: "Subject is bound to cluster-admin or an equivalent role",
        rationale: "A rule with `*` verbs on `*` resources in `*` API groups (cluster-admin) is full control: through a ClusterRoleBinding of the whole cluster, through a RoleBinding of every object in the namespace, RBAC included. Only break-glass administrators (system:masters) should hold it.",
        remediation: "Bind a role with the permissions the subject needs instead; keep cluster-admin for a break-glass group and use Entra ID group membership with just-in-time access for people.",
        recommendation: "Least privilege: cluster-admin bound to a non-system subject")

    /// - Complexity: O(Σ subjects' grants × rule size).
    func evaluate(_ context: AuditContext) -> [Finding] {
        guard let facts = context.rbac else { return [] }
        return facts.subjects.compactMap { subject in
            let grants = (facts.grants[subject] ?? []).filter { RBACRisk.isFullWildcard($0.rule) }
            guard !grants.isEmpty else { return nil }
            let byScope = Dictionary(grouping: grants, by: \.scope)
            let parts = byScope.keys.sorted().map { scope in
                let what = switch scope {
                case .cluster: "cluster-admin-equivalent cluster-wide"
                case .namespace(let ns): "admin of namespace \(ns)"
                }
                return "\(what) via \(RBACFacts.via(byScope[scope] ?? []))"
            }
            let bindings = Array(Set(grants.map(\.binding.description))).sorted().joined(separator: ", ")
            let fix = "remove \(subject) from \(bindings) and bind a role limited to what it uses"
            return finding(subject.description, parts.joined(separator: "; "), at: facts.locations(grants),
                           annotations: facts.annotations(grants), fix: fix, system: facts.allSystem(grants))
        }
    }
}
