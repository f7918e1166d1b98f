import AttackGraph
import RBACEngine
import ReachModel

/// K8S-RBAC-020: identities that become cluster-admin-equivalent through escalation.
struct RBACTransitiveAdmin: AuditCheck {
    let info = CheckInfo(
        id: "K8S-RBAC-020", severity: .high, input: .rbac,
        title: "Identity can escalate to cluster-admin",
        rationale: "The identity does not hold cluster-admin, but a chain of the escalation techniques of docs/attack-techniques.md (create pods, exec, token requests, impersonation, bind/escalate, …) reaches an identity that does: in effect it is cluster-admin.",
        remediation: "Break the shortest path: remove the permission of its first step, or move the powerful ServiceAccount it reaches out of the namespace the identity controls (`kube-reach paths --to-admin` shows every step).",
        recommendation: "Transitive view: identities that can reach cluster-admin")

    /// - Complexity: one goal search over the attack graph plus one RBAC check per path step.
    func evaluate(_ context: AuditContext) -> [Finding] {
        guard let facts = context.rbac else { return [] }
        let admin = GoalDistances(graph: facts.graph, goal: AttackGraph.adminGoal)
        return facts.indirectHolders(of: admin).map { path in
            facts.transitiveFinding(self, path.start, [("can become cluster-admin-equivalent", path)],
                                    fix: facts.fix(path, goal: "cluster-admin"))
        }
    }
}
