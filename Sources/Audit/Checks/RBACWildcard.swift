import RBACEngine
import ReachModel

/// K8S-RBAC-001: wildcard verbs, resources or API groups.
struct RBACWildcard: AuditCheck {
    let info = CheckInfo(
        id: "K8S-RBAC-001", severity: .medium, input: .rbac,
        title: "Subject holds wildcard verbs, resources or API groups",
        rationale: "`*` grants every present and future verb, resource or API group (including CRDs installed later and subresources such as pods/exec), so the grant is broader than anything the subject was built for.",
        remediation: "Replace `*` with the verbs, resources and API groups the subject actually uses (the API server audit log shows them).",
        recommendation: "Least privilege: wildcard verbs/resources/apiGroups")

    /// - Complexity: O(Σ subjects' grants × rule size).
    func evaluate(_ context: AuditContext) -> [Finding] {
        guard let facts = context.rbac else { return [] }
        return facts.subjects.compactMap { subject in
            let grants = (facts.grants[subject] ?? []).filter { Self.wildcards($0.rule) != nil && !RBACRisk.isFullWildcard($0.rule) }
            guard !grants.isEmpty else { return nil }
            let parts = grants.map { g in
                "\(Self.wildcards(g.rule) ?? "") \(RBACRisk.text(g.scope)) via \(g.binding) → \(g.role)"
            }
            let message = Array(Set(parts)).sorted().joined(separator: "; ")
            let fix = "replace `*` in \(RBACFacts.roles(grants)) with the verbs, resources and API groups the subject uses"
            return finding(subject.description, message, at: facts.locations(grants), annotations: facts.annotations(grants),
                           fix: fix, system: facts.allSystem(grants))
        }
    }

    /// `verbs [*] on resources [pods] in apiGroups [""]`-style text when the rule has a wildcard.
    static func wildcards(_ r: PolicyRule) -> String? {
        guard r.nonResourceURLs.isEmpty, r.verbs.contains("*") || r.resources.contains("*") || r.apiGroups.contains("*") else {
            return nil
        }
        func list(_ a: [String]) -> String {
            let shown = a.prefix(4).map { $0.isEmpty ? "\"\"" : $0 }.joined(separator: ",")
            return "[" + shown + (a.count > 4 ? ",… \(a.count - 4) more" : "") + "]"
        }
        return "verbs \(list(r.verbs)) on resources \(list(r.resources)) in apiGroups \(list(r.apiGroups))"
    }
}
