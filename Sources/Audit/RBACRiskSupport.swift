import AttackGraph
import RBACEngine
import ReachModel

/// One risky permission held by a subject in one scope.
struct RiskHit: Sendable {
    /// `.cluster` for a ClusterRoleBinding, else the RoleBinding's namespace.
    var scope: Scope
    /// The matched permissions, e.g. `create pods/exec`.
    var permissions: [String]
    var grants: [Grant]

    var scopeText: String { RBACRisk.text(scope) }
}

/// A least-privilege check that flags subjects whose direct grants allow one of ``requests`` (and,
/// in the same scope, one of each group of ``alsoRequired``).
///
/// Matching is ``RBACEngine/RuleMatching/allows(_:_:)`` on each granted rule. Rules that are full
/// wildcards (`*` verbs on `*` resources in `*` groups) are left to K8S-RBAC-012 so a
/// cluster-admin subject gets one finding, not one per risk. A RoleBinding grant counts only for
/// namespaced resources (its rules never apply to cluster-scoped ones).
protocol RBACRiskCheck: AuditCheck {
    /// The catalog entry this check reports (``RiskyGrants``).
    var grant: RiskyGrant { get }
}

extension RBACRiskCheck {
    var requests: [AccessRequest] { grant.requests }
    var alsoRequired: [[AccessRequest]] { grant.alsoRequired }
    var anyName: Bool { grant.anyName }
    var clusterWideOnly: Bool { grant.clusterWideOnly }
    var permissionText: String { grant.permissionText }

    /// One finding per subject with at least one hit.
    /// - Complexity: O(Σ subjects' grants × requests × rule size).
    func evaluate(_ context: AuditContext) -> [Finding] {
        guard let facts = context.rbac else { return [] }
        return facts.subjects.compactMap { subject in
            let hits = self.hits(facts.grants[subject] ?? [])
            return hits.isEmpty ? nil : riskFinding(subject, hits, facts)
        }
    }

    /// The scopes in which `grants` hold the risk.
    /// - Complexity: O(grants × (requests + alsoRequired) × rule size).
    func hits(_ grants: [Grant]) -> [RiskHit] {
        let byScope = Dictionary(grouping: grants.filter { !RBACRisk.isFullWildcard($0.rule) }, by: \.scope)
        var out: [RiskHit] = []
        for (scope, list) in byScope {
            if clusterWideOnly && scope != .cluster { continue }
            var permissions: [String] = [], used: [Grant] = []
            var satisfied = true
            for group in [requests] + alsoRequired {
                let matching = list.compactMap { g -> (Grant, [String])? in
                    let allowed = group.filter { RBACRisk.allows(g, $0, anyName: anyName) }
                    return allowed.isEmpty ? nil : (g, allowed.map(RBACRisk.text))
                }
                if matching.isEmpty { satisfied = false; break }
                used += matching.map(\.0)
                permissions += matching.flatMap(\.1)
            }
            if satisfied {
                out.append(RiskHit(scope: scope, permissions: Array(Set(permissions)).sorted(), grants: used.sorted()))
            }
        }
        return out.sorted { $0.scope < $1.scope }
    }

    func riskFinding(_ subject: Principal, _ hits: [RiskHit], _ facts: RBACFacts) -> Finding {
        let grants = hits.flatMap(\.grants)
        let message = hits.map { "\($0.permissions.joined(separator: ", ")) \($0.scopeText) via \(RBACFacts.via($0.grants))" }
            .joined(separator: "; ")
        let fix = "remove \(permissionText) from \(RBACFacts.roles(grants)), or grant it with a narrower role to only the subject and namespace that need it"
        return finding(subject.description, message, at: facts.locations(grants), annotations: facts.annotations(grants),
                       fix: fix, system: facts.allSystem(grants))
    }
}

/// Rule-level helpers of the least-privilege checks.
enum RBACRisk {
    /// Resources that exist only at cluster scope: a RoleBinding never grants them.
    static let clusterScoped: Set<String> = [
        "nodes", "certificatesigningrequests", "signers", "mutatingwebhookconfigurations",
        "validatingwebhookconfigurations", "users", "groups", "namespaces", "clusterroles", "clusterrolebindings",
    ]

    /// `*` verbs on `*` resources in `*` API groups: cluster-admin's rule.
    static func isFullWildcard(_ rule: PolicyRule) -> Bool { RuleMatching.allows(rule, AttackGraph.adminGoal) }

    /// Whether grant `g` allows `request` (ignoring `resourceNames` when `anyName`). `bind` and
    /// `escalate` on ClusterRoles are checked in the RoleBinding's namespace by upstream, so
    /// `clusterroles` counts for RoleBindings too.
    static func allows(_ g: Grant, _ request: AccessRequest, anyName: Bool) -> Bool {
        allows(g.rule, in: g.scope, request, anyName: anyName)
    }

    /// Whether `rule`, granted in `scope`, allows `request` (see ``allows(_:_:anyName:)``).
    /// - Complexity: O(rule size).
    static func allows(_ written: PolicyRule, in scope: Scope, _ request: AccessRequest, anyName: Bool) -> Bool {
        if scope != .cluster && clusterScoped.contains(request.resource)
            && !(request.resource == "clusterroles" && ["bind", "escalate"].contains(request.verb)) { return false }
        var rule = written
        if anyName { rule.resourceNames = [] }
        return RuleMatching.allows(rule, request)
    }

    /// `in namespace N` or `cluster-wide`, as findings print a grant's scope.
    static func text(_ scope: Scope) -> String {
        switch scope {
        case .cluster: "cluster-wide"
        case .namespace(let ns): "in namespace \(ns)"
        }
    }

    /// `create pods/exec`, `update certificatesigningrequests/approval.certificates.k8s.io`.
    static func text(_ r: AccessRequest) -> String {
        "\(r.verb) \(r.apiGroup.isEmpty ? r.combinedResource : "\(r.combinedResource).\(r.apiGroup)")"
    }

    static func requests(_ verbs: [String], _ group: String, _ resources: [String], sub: String = "") -> [AccessRequest] {
        resources.flatMap { res in verbs.map { AccessRequest(verb: $0, apiGroup: group, resource: res, subresource: sub) } }
    }
}
