import RBACEngine
import ReachModel

/// K8S-RBAC-016: bindings whose role is missing.
struct RBACMissingRole: AuditCheck {
    let info = CheckInfo(
        id: "K8S-RBAC-016", severity: .low, input: .rbac,
        title: "Binding references a role that does not exist",
        rationale: "A dangling roleRef grants nothing today, but whoever later creates a role of that name (a Helm chart, a typo fixed) silently grants it to the binding's subjects.",
        remediation: "Delete the binding, or fix its roleRef to the intended role.",
        recommendation: "Hygiene: bindings to missing roles")

    /// Roles every cluster has (the bootstrap policy), so partial inputs may reference them:
    /// ClusterRoles `cluster-admin`, `admin`, `edit`, `view`, every `system:` role, and the
    /// kube-system Role `extension-apiserver-authentication-reader`.
    static func isBuiltIn(_ ref: RoleRef, in scope: Scope) -> Bool {
        if ref.name.hasPrefix("system:") { return true }
        if ref.kind == .clusterRole { return ["cluster-admin", "admin", "edit", "view"].contains(ref.name) }
        return scope == .namespace("kube-system") && ref.name == "extension-apiserver-authentication-reader"
    }

    /// - Complexity: O(bindings).
    func evaluate(_ context: AuditContext) -> [Finding] {
        guard let facts = context.rbac else { return [] }
        return facts.index.bindings.compactMap { b in
            guard b.role == nil, !Self.isBuiltIn(b.roleRef, in: b.scope) else { return nil }
            let role = b.roleRef.target(in: b.scope)?.description ?? "\(b.roleRef.kind)/\(b.roleRef.name)"
            return finding(b.ref.description, "roleRef \(role) is not in the input", at: [b.location],
                           annotations: facts.meta[b.ref]?.annotations ?? [:],
                           fix: "delete \(b.ref) or point its roleRef at an existing role", system: facts.isSystem(b.ref))
        }
    }
}
