import RBACEngine
import ReachModel

/// K8S-RBAC-013: grants to everyone (authenticated, unauthenticated, anonymous, all service accounts).
struct RBACBroadGroups: AuditCheck {
    let info = CheckInfo(
        id: "K8S-RBAC-013", severity: .high, input: .rbac,
        title: "Permissions granted to all users, all service accounts or anonymous requests",
        rationale: "system:authenticated is every identity with a valid credential (every pod's token, every Entra ID user allowed to sign in), system:unauthenticated and system:anonymous are requests without one, system:serviceaccounts is every pod: a grant to them is a grant to everyone.",
        remediation: "Bind the role to the specific users, groups or ServiceAccounts that need it; keep only Kubernetes' own discovery grants on these groups.",
        recommendation: "Least privilege: grants to system:authenticated / system:unauthenticated / system:anonymous")

    static let everyone: Set<Principal> = [
        .group("system:authenticated"), .group("system:unauthenticated"), .user("system:anonymous"), .group("system:serviceaccounts"),
    ]

    /// - Complexity: O(subjects + grants of the four groups).
    func evaluate(_ context: AuditContext) -> [Finding] {
        guard let facts = context.rbac else { return [] }
        return facts.subjects.filter(Self.everyone.contains).compactMap { subject in
            let grants = facts.grants[subject] ?? []
            guard !grants.isEmpty else { return nil }
            let byScope = Dictionary(grouping: grants, by: \.scope)
            let parts = byScope.keys.sorted().map { scope in "\(RBACRisk.text(scope)): \(RBACFacts.via(byScope[scope] ?? []))" }
            let bindings = Array(Set(grants.map(\.binding.description))).sorted().joined(separator: ", ")
            return finding(subject.description, "granted " + parts.joined(separator: "; "), at: facts.locations(grants),
                           annotations: facts.annotations(grants), fix: "remove \(subject) from \(bindings); bind named subjects instead",
                           system: facts.allSystem(grants))
        }
    }
}
