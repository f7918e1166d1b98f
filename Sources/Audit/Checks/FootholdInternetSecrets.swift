import AttackGraph
import ReachModel

/// K8S-FTH-003: Secrets the internet can reach (footholds.md), each with a shortest path.
struct FootholdInternetSecrets: AuditCheck {
    let info = CheckInfo(
        id: "K8S-FTH-003", severity: .high, input: .footholds,
        title: "Secret reachable from the internet",
        rationale: "Assuming exposed and reachable services are exploitable, an attacker on the internet can chain an exposed Service (X1), lateral movement NetworkPolicy allows (X2), mounted tokens and secrets, container escapes and RBAC escalation to read the Secret (footholds.md).",
        remediation: "Break the path at a step you control: restrict the exposed Service or the NetworkPolicy allowing the lateral move, stop mounting the token (`automountServiceAccountToken: false`), remove the escape, or narrow the RBAC grant. `kube-reach paths --from internet --to 'get secrets NAME -n NS'` shows every step.",
        recommendation: "Footholds: secrets reachable from the internet")

    /// - Complexity: one forward ``AttackGraph/FootholdSearch`` from `Internet` plus one
    ///   ``AttackGraph/FootholdGraph/holders(of:)`` per Secret.
    func evaluate(_ context: AuditContext) -> [Finding] {
        guard let g = context.footholdGraph(), let snapshot = context.snapshot else { return [] }
        let search = FootholdSearch(graph: g, from: [g.internetID])
        return snapshot.secrets.compactMap { secret in
            let ns = secret.namespace ?? "default"
            let goal = FootholdGoal.request(.init(verb: "get", apiGroup: "", resource: "secrets", subresource: "", name: secret.name,
                                                  namespace: ns, nonResourceURL: ""))
            guard let holder = search.nearest(in: g.holders(of: goal)), let path = search.path(to: holder, in: g) else { return nil }
            let assumes = path.usesAssumptions ? " (assumes exposed/reachable services are exploitable)" : ""
            let first = path.steps.first.map { "\($0.technique) \(FootholdCatalog.title(of: $0.technique)) → \(g.state($0.to))" } ?? ""
            return finding("Secret/\(ns)/\(secret.name)", "reachable from the internet in \(path.length) steps\(assumes): \(FootholdFacts.text(path, in: g))",
                           at: [secret.location], annotations: secret.meta.annotations,
                           fix: "Break the path at its first step (\(first)), e.g. restrict the exposed Service or isolate the pod with a NetworkPolicy.")
        }
    }
}
