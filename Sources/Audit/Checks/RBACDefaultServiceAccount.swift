import RBACEngine
import ReachModel

/// K8S-RBAC-014: permissions on a namespace's `default` ServiceAccount.
struct RBACDefaultServiceAccount: AuditCheck {
    let info = CheckInfo(
        id: "K8S-RBAC-014", severity: .medium, input: .rbac,
        title: "The default ServiceAccount is granted permissions",
        rationale: "Every pod that names no serviceAccountName runs as its namespace's default ServiceAccount, so a grant to it goes to every such pod, present and future, usually by accident.",
        remediation: "Create a dedicated ServiceAccount for the workload that needs the role, bind the role to it, and set serviceAccountName; leave default without bindings.",
        recommendation: "Least privilege: permissions on the default ServiceAccount")

    /// - Complexity: O(subjects + grants of default ServiceAccounts).
    func evaluate(_ context: AuditContext) -> [Finding] {
        guard let facts = context.rbac else { return [] }
        return facts.subjects.compactMap { subject in
            guard case .serviceAccount(let ns, "default") = subject, let grants = facts.grants[subject], !grants.isEmpty else { return nil }
            let bindings = Array(Set(grants.map(\.binding.description))).sorted().joined(separator: ", ")
            return finding(subject.description, "bound to \(RBACFacts.roles(grants)) via \(bindings)", at: facts.locations(grants),
                           annotations: facts.annotations(grants),
                           fix: "bind \(RBACFacts.roles(grants)) to a dedicated ServiceAccount in \(ns) instead of default and remove default from \(bindings)",
                           system: facts.allSystem(grants))
        }
    }
}
