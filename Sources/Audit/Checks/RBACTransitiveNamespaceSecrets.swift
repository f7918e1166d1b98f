import AttackGraph
import RBACEngine
import ReachModel

/// K8S-RBAC-022: identities that reach secret reading in a namespace through escalation.
struct RBACTransitiveNamespaceSecrets: AuditCheck {
    let info = CheckInfo(
        id: "K8S-RBAC-022", severity: .medium, input: .rbac,
        title: "Identity can escalate to reading Secrets of a namespace",
        rationale: "Through escalation steps (typically creating pods as a ServiceAccount of the namespace) the identity reaches one that reads the namespace's Secrets, though it cannot read them itself. Identities that reach cluster-wide secret read are reported by K8S-RBAC-020/021 instead.",
        remediation: "Break the shortest path at its first step, or take secret read away from the ServiceAccounts of namespaces where others can create pods (`kube-reach paths --from SUBJECT --to 'get secrets -n N'` shows every step).",
        recommendation: "Transitive view: identities that can read secrets")

    /// One search per namespace of the input whose direct secret readers are not just the
    /// cluster-wide ones (when they are, every path ends at a cluster-wide reader: K8S-RBAC-020/021).
    /// - Complexity: O(namespaces × (S + E)) plus one RBAC check per path step.
    func evaluate(_ context: AuditContext) -> [Finding] {
        guard let facts = context.rbac else { return [] }
        let wide = GoalDistances(graph: facts.graph, goal: RBACFacts.secretsGoal(nil))
        var parts: [AttackState: [(text: String, path: AttackPath)]] = [:]
        for ns in facts.graph.candidates.namespaces {
            if facts.graph.table.allowed(RBACFacts.secretsGoal(ns)) == wide.holders { continue }
            let d = GoalDistances(graph: facts.graph, goal: RBACFacts.secretsGoal(ns))
            for path in facts.indirectHolders(of: d) {
                guard let s = facts.graph.table.id(of: path.start), wide.distance[s] < 0 else { continue }
                parts[path.start, default: []].append(("can read Secrets in namespace \(ns)", path))
            }
        }
        return parts.keys.sorted().map { start in
            let list = parts[start] ?? []
            let fixes = Array(Set(list.map { facts.fix($0.path, goal: "secret read") })).sorted()
            return facts.transitiveFinding(self, start, list, fix: fixes.joined(separator: "; "))
        }
    }
}
