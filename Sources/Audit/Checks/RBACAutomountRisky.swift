import RBACEngine
import ReachModel

/// K8S-RBAC-015: a ServiceAccount with risky permissions whose token is mounted into pods.
struct RBACAutomountRisky: AuditCheck {
    let info = CheckInfo(
        id: "K8S-RBAC-015", severity: .high, input: .rbac,
        title: "ServiceAccount with risky permissions is automounted into pods",
        rationale: "The token of a pod's ServiceAccount is mounted at /var/run/secrets/kubernetes.io/serviceaccount unless automountServiceAccountToken is false; whoever compromises the container (an RCE, a malicious dependency) gets the ServiceAccount's risky permissions.",
        remediation: "Set `automountServiceAccountToken: false` on pods that do not call the API; for those that do, remove the risky permissions or move them to a separate, less exposed workload.",
        recommendation: "Least privilege: SAs automounted into pods while bound to risky roles")

    /// - Complexity: O(pods + ServiceAccounts + Σ mounted subjects' grants × risk requests × rule size).
    func evaluate(_ context: AuditContext) -> [Finding] {
        guard let facts = context.rbac else { return [] }
        var mountAllowed: [Principal: Bool] = [:]
        for sa in facts.snapshot.serviceAccounts {
            mountAllowed[.serviceAccount(namespace: sa.namespace ?? "", name: sa.name)] = sa.automountServiceAccountToken ?? true
        }
        var mountedIn: [Principal: [PodSubject]] = [:]
        for pod in facts.pods {
            let sa = Principal.serviceAccount(namespace: pod.namespace, name: pod.spec.effectiveServiceAccountName)
            if pod.spec.automountServiceAccountToken ?? mountAllowed[sa] ?? true { mountedIn[sa, default: []].append(pod) }
        }
        return facts.subjects.compactMap { subject in
            guard let pods = mountedIn[subject], let grants = facts.grants[subject] else { return nil }
            let risks = Self.risks(grants)
            guard !risks.isEmpty else { return nil }
            let riskyGrants = risks.flatMap(\.grants)
            let names = pods.map(\.subject).joined(separator: ", ")
            let message = "token mounted into \(names); holds " + risks.map { "\($0.id) (\($0.text))" }.joined(separator: ", ")
            return finding(subject.description, message, at: pods.map(\.location) + facts.locations(riskyGrants),
                           annotations: facts.annotations(riskyGrants),
                           fix: "set automountServiceAccountToken: false on \(names) if they do not call the API, else remove the risky permissions from \(RBACFacts.roles(riskyGrants))",
                           system: facts.allSystem(riskyGrants))
        }
    }

    /// The risk checks (and cluster-admin) that `grants` trigger.
    static func risks(_ grants: [Grant]) -> [(id: String, text: String, grants: [Grant])] {
        var out: [(id: String, text: String, grants: [Grant])] = []
        let admin = grants.filter { RBACRisk.isFullWildcard($0.rule) }
        if !admin.isEmpty { out.append(("K8S-RBAC-012", "cluster-admin-equivalent", admin)) }
        for check in CheckRegistry.rbacRisks {
            let hits = check.hits(grants)
            if !hits.isEmpty { out.append((check.info.id, check.permissionText, hits.flatMap(\.grants))) }
        }
        return out.sorted { $0.id < $1.id }
    }
}
