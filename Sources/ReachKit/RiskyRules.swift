import RBACEngine
import ReachModel

/// Why a policy rule is dangerous to hand out. Found from the rule text alone with
/// ``RBACEngine/RuleMatching`` (no permission index needed), so reports can flag risky roles and
/// the bindings that grant them.
public enum RuleRisk: String, Sendable, CaseIterable, Comparable {
    case wildcard = "wildcard verbs or resources"
    case secretsRead = "reads secrets"
    case podsExec = "pods/exec"
    case bindEscalate = "bind/escalate roles"
    case impersonate = "impersonate"

    public static func < (a: RuleRisk, b: RuleRisk) -> Bool {
        allCases.firstIndex(of: a) ?? 0 < allCases.firstIndex(of: b) ?? 0
    }

    /// The risks of one rule, in declaration order.
    /// - Complexity: O(size of the rule).
    public static func of(_ written: PolicyRule) -> [RuleRisk] {
        var rule = written
        rule.resourceNames = []  // reading one named secret is still reading secrets
        var out: [RuleRisk] = []
        if rule.verbs.contains("*") || rule.resources.contains("*") { out.append(.wildcard) }
        let rbac = "rbac.authorization.k8s.io"
        if ["get", "list", "watch"].contains(where: { allows(rule, $0, "", "secrets") }) { out.append(.secretsRead) }
        if allows(rule, "create", "", "pods", "exec") { out.append(.podsExec) }
        if ["bind", "escalate"].contains(where: { v in ["roles", "clusterroles"].contains { allows(rule, v, rbac, $0) } }) {
            out.append(.bindEscalate)
        }
        if ["users", "groups", "serviceaccounts"].contains(where: { r in
            allows(rule, "impersonate", "", r) || allows(rule, "impersonate", "authentication.k8s.io", r)
        }) { out.append(.impersonate) }
        return out
    }

    static func allows(_ rule: PolicyRule, _ verb: String, _ group: String, _ resource: String, _ sub: String = "") -> Bool {
        RuleMatching.allows(rule, AccessRequest(verb: verb, apiGroup: group, resource: resource, subresource: sub))
    }
}

/// A binding that grants a role with at least one risky rule.
public struct RiskyBinding: Hashable, Sendable {
    /// `RoleBinding ns/name` or `ClusterRoleBinding name`.
    public var binding: String
    /// `Role ns/name` or `ClusterRole name`.
    public var role: String
    /// Where the grant applies: a namespace, or `nil` for cluster-wide.
    public var namespace: String?
    /// Subjects as `Kind:name` (`ServiceAccount:ns/name`).
    public var subjects: [String]
    public var risks: [RuleRisk]
}

extension Analyzer {
    /// Bindings of roles with risky rules (aggregated ClusterRoles count the rules of the roles
    /// their selectors match), sorted cluster-wide first, then by binding.
    /// - Complexity: O(bindings + rules + A × C) for A aggregated of C ClusterRoles.
    public func riskyBindings() -> [RiskyBinding] {
        let effective = Aggregation.effectiveRules(snapshot.clusterRoles).rules
        var clusterRisks: [String: [RuleRisk]] = [:]
        for (i, role) in snapshot.clusterRoles.enumerated() {
            clusterRisks[role.name] = Array(Set(effective[i].flatMap { RuleRisk.of($0.rule) })).sorted()
        }
        var roleRisks: [String: [RuleRisk]] = [:]
        for role in snapshot.roles { roleRisks["\(role.namespace ?? "")/\(role.name)"] = Array(Set(role.rules.flatMap(RuleRisk.of))).sorted() }
        func risks(_ ref: RoleRef, _ ns: String?) -> [RuleRisk] {
            ref.kind == "ClusterRole" ? clusterRisks[ref.name] ?? [] : roleRisks["\(ns ?? "")/\(ref.name)"] ?? []
        }
        var out: [RiskyBinding] = []
        for b in snapshot.clusterRoleBindings {
            let r = risks(b.roleRef, nil)
            if r.isEmpty { continue }
            out.append(RiskyBinding(binding: "ClusterRoleBinding \(b.name)", role: "ClusterRole \(b.roleRef.name)", namespace: nil,
                                    subjects: b.subjects.map { SubjectName.of($0, bindingNamespace: nil) }, risks: r))
        }
        for b in snapshot.roleBindings {
            let r = risks(b.roleRef, b.namespace)
            if r.isEmpty { continue }
            let role = b.roleRef.kind == "ClusterRole" ? "ClusterRole \(b.roleRef.name)" : "Role \(b.namespace ?? "")/\(b.roleRef.name)"
            out.append(RiskyBinding(binding: "RoleBinding \(b.namespace ?? "")/\(b.name)", role: role, namespace: b.namespace,
                                    subjects: b.subjects.map { SubjectName.of($0, bindingNamespace: b.namespace) }, risks: r))
        }
        return out
    }
}

/// Display names of binding subjects.
public enum SubjectName {
    /// `User:alice`, `Group:devs`, `ServiceAccount:ns/name` (the binding's namespace when the
    /// subject has none).
    public static func of(_ s: Subject, bindingNamespace: String?) -> String {
        s.kind == "ServiceAccount" ? "ServiceAccount:\(s.namespace ?? bindingNamespace ?? "")/\(s.name)" : "\(s.kind):\(s.name)"
    }
}
