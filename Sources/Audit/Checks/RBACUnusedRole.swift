import RBACEngine
import ReachModel

/// K8S-RBAC-018: roles bound nowhere.
struct RBACUnusedRole: AuditCheck {
    let info = CheckInfo(
        id: "K8S-RBAC-018", severity: .low, input: .rbac,
        title: "Role is bound nowhere",
        rationale: "An unbound role grants nothing but is dead weight that reviewers must still read, and a later binding (or a binding of the same name in another tool) activates permissions nobody reviewed recently.",
        remediation: "Delete the role, or bind it where it is needed.",
        recommendation: "Hygiene: roles bound nowhere")

    /// A ClusterRole counts as used when a binding references it, when another ClusterRole's
    /// aggregationRule selects it, or when it carries an `aggregate-to-*` label (it feeds the
    /// built-in admin/edit/view roles even when those are not in the input).
    /// - Complexity: O(bindings + roles × aggregation selectors).
    func evaluate(_ context: AuditContext) -> [Finding] {
        guard let facts = context.rbac else { return [] }
        let s = facts.snapshot
        var used = Set<ObjectRef>()
        for b in s.clusterRoleBindings { if let ref = b.roleRef.target(in: .cluster) { used.insert(ref) } }
        for b in s.roleBindings {
            // A RoleBinding always has a namespace after loading (RBACIndexBuilder's reading).
            if let ref = b.roleRef.target(in: .namespace(b.namespace ?? "")) { used.insert(ref) }
        }
        let selectors = s.clusterRoles.flatMap { $0.aggregationSelectors ?? [] }
        var out: [Finding] = []
        for r in s.clusterRoles where !used.contains(r.ref) {
            if r.meta.labels.keys.contains(where: { $0.hasPrefix("rbac.authorization.k8s.io/aggregate-to-") }) { continue }
            if selectors.contains(where: { $0.matches(r.meta.labels) }) { continue }
            out.append(unused(r.ref, r.location, r.meta, facts))
        }
        for r in s.roles where !used.contains(r.ref) {
            out.append(unused(r.ref, r.location, r.meta, facts))
        }
        return out
    }

    func unused(_ ref: ObjectRef, _ location: SourceLocation, _ meta: ObjectMeta, _ facts: RBACFacts) -> Finding {
        finding(ref.description, "no binding in the input references it", at: [location], annotations: meta.annotations,
                fix: "delete \(ref) or bind it where it is needed", system: facts.isSystem(ref))
    }
}
