import AttackGraph
import RBACEngine
import ReachModel

/// K8S-FTH-002: namespaces where identities that create pods can create one that escapes (footholds.md
/// E1n: Pod Security Admission does not enforce `baseline` or `restricted`).
struct FootholdEscapingCreators: AuditCheck {
    let info = CheckInfo(
        id: "K8S-FTH-002", severity: .high, input: .footholds,
        title: "Pod creators can escape to a node",
        rationale: "Without `pod-security.kubernetes.io/enforce: baseline` (or `restricted`) the API server admits a pod with `privileged: true` and any `spec.nodeName`: whoever may create pods or pod controllers in the namespace can become root on every node (footholds.md E1n). Admission webhooks other than Pod Security Admission are not considered.",
        remediation: "Label the namespace `pod-security.kubernetes.io/enforce: baseline` (or `restricted`), or remove pod and controller creation from the listed identities.",
        recommendation: "Footholds: namespaces whose pod creators can escape")

    /// - Complexity: one foothold graph plus O(namespaces × S / 64).
    func evaluate(_ context: AuditContext) -> [Finding] {
        guard let g = context.footholdGraph() else { return [] }
        let creators = g.escapingCreatorsByNamespace()
        return NamespaceScope.entries(context, onlyWithWorkloads: false).compactMap { ns in
            guard let object = ns.object, E1n.admitsPrivileged(object.effectiveLabels),
                  let ids = creators[ns.name] else { return nil }
            let subjects = ids.map { g.state($0).description }.filter { $0 != "Group:system:masters" }
            guard !subjects.isEmpty else { return nil }
            let shown = subjects.prefix(5).joined(separator: ", ") + (subjects.count > 5 ? " and \(subjects.count - 5) more" : "")
            let level = object.meta.labels["pod-security.kubernetes.io/enforce"].map { "enforces \($0)" } ?? "has no pod-security.kubernetes.io/enforce label"
            return finding("Namespace/\(ns.name)", "namespace \(ns.name) \(level); \(subjects.count) identit\(subjects.count == 1 ? "y" : "ies") can create an escaping pod: \(shown)",
                           at: [ns.location], annotations: ns.annotations,
                           fix: "kubectl label namespace \(ns.name) pod-security.kubernetes.io/enforce=baseline")
        }
    }
}
