import AttackGraph
import RBACEngine
import ReachModel

/// K8S-RBAC-021: identities that reach cluster-wide secret reading through escalation.
struct RBACTransitiveSecrets: AuditCheck {
    let info = CheckInfo(
        id: "K8S-RBAC-021", severity: .high, input: .rbac,
        title: "Identity can escalate to reading every Secret",
        rationale: "Through escalation steps the identity reaches one that reads Secrets in all namespaces, and with them service-account tokens and credentials of everything else. Identities that reach cluster-admin are reported by K8S-RBAC-020 instead.",
        remediation: "Break the shortest path at its first step, and grant secret read per namespace with `resourceNames` (`kube-reach paths --from SUBJECT --to 'get secrets'` shows every step).",
        recommendation: "Transitive view: identities that can read secrets")

    /// - Complexity: two goal searches over the attack graph plus one RBAC check per path step.
    func evaluate(_ context: AuditContext) -> [Finding] {
        guard let facts = context.rbac else { return [] }
        let admin = GoalDistances(graph: facts.graph, goal: AttackGraph.adminGoal)
        let secrets = GoalDistances(graph: facts.graph, goal: RBACFacts.secretsGoal(nil))
        return facts.indirectHolders(of: secrets).compactMap { path in
            guard let s = facts.graph.table.id(of: path.start), admin.distance[s] < 0 else { return nil }
            return facts.transitiveFinding(self, path.start, [("can read Secrets cluster-wide", path)],
                                           fix: facts.fix(path, goal: "cluster-wide secret read"))
        }
    }
}
