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

    /// - Complexity: ``AttackGraph/FootholdGraph/secretsReachable(from:secrets:assumeExploitable:)``.
    func evaluate(_ context: AuditContext) -> [Finding] {
        guard let g = context.footholdGraph(), let snapshot = context.snapshot else { return [] }
        let located = Dictionary(snapshot.secrets.map { ("\($0.namespace ?? "default")/\($0.name)", $0) }) { a, _ in a }
        let found = g.secretsReachable(from: .internet, secrets: snapshot.secrets.map { ($0.namespace ?? "default", $0.name) })
        return found.compactMap { f in
            guard let secret = located["\(f.namespace)/\(f.name)"] else { return nil }
            let path = f.path
            let assumes = path.usesAssumptions ? " (assumes exposed/reachable services are exploitable)" : ""
            let first = path.steps.first.map { "\($0.technique) \(FootholdCatalog.title(of: $0.technique)) → \(g.state($0.to))" } ?? ""
            return finding("Secret/\(f.namespace)/\(f.name)", "reachable from the internet in \(path.length) steps\(assumes): \(FootholdFacts.text(path, in: g))",
                           at: [secret.location], annotations: secret.meta.annotations,
                           fix: "Break the path at its first step (\(first)), e.g. restrict the exposed Service or isolate the pod with a NetworkPolicy.")
        }
    }
}
