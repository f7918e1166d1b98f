import RBACEngine
import ReachKit
import ReachModel

/// Which part of the RBAC graph to draw. Every filter that is set must hold.
public struct RBACGraphFilter: Hashable, Sendable {
    /// `User:NAME`, `Group:NAME` or `ServiceAccount:NS/NAME`: only bindings naming this subject.
    public var subject: String?
    /// With `subject`: also bindings naming one of these groups (`Group:NAME`), e.g. the
    /// subject's implicit groups, so the graph shows everything that applies to it.
    public var groups: [String] = []
    /// Only RoleBindings of this namespace and ClusterRoleBindings of its service accounts.
    public var namespace: String?
    /// Only rules covering this resource (`secrets`, `pods/exec`; `*` rules count).
    public var resource: String?

    public init(subject: String? = nil, groups: [String] = [], namespace: String? = nil, resource: String? = nil) {
        self.subject = subject
        self.groups = groups
        self.namespace = namespace
        self.resource = resource
    }

    public var isEmpty: Bool { subject == nil && namespace == nil && resource == nil }
}

/// A binding of either kind, as the RBAC graph draws it.
struct BindingView {
    var id: String
    var label: String
    var namespace: String?
    var roleRef: RoleRef
    var subjects: [String]

    /// The node name of the role this binding refers to.
    var roleID: String {
        roleRef.kind == .clusterRole ? "ClusterRole:\(roleRef.name)" : "Role:\(namespace ?? "")/\(roleRef.name)"
    }
}

/// A role of either kind with the rules it authors and, for an aggregated ClusterRole, the
/// ClusterRoles its selectors match.
struct RoleView {
    var id: String
    var label: String
    var rules: [PolicyRule]
    var aggregates: [String]
}

/// The snapshot's RBAC objects joined by name: bindings, the roles they reference, aggregation.
struct RBACGraphModel {
    var bindings: [BindingView] = []
    var roles: [String: RoleView] = [:]

    init(_ snapshot: ClusterSnapshot) {
        for b in snapshot.clusterRoleBindings {
            bindings.append(BindingView(id: "ClusterRoleBinding:\(b.name)", label: "ClusterRoleBinding\n\(b.name)", namespace: nil,
                                        roleRef: b.roleRef, subjects: b.subjects.map { SubjectName.of($0, bindingNamespace: nil) }))
        }
        for b in snapshot.roleBindings {
            let ns = b.namespace ?? ""
            bindings.append(BindingView(id: "RoleBinding:\(ns)/\(b.name)", label: "RoleBinding\n\(ns)/\(b.name)", namespace: b.namespace,
                                        roleRef: b.roleRef, subjects: b.subjects.map { SubjectName.of($0, bindingNamespace: b.namespace) }))
        }
        for r in snapshot.roles {
            let id = "Role:\(r.namespace ?? "")/\(r.name)"
            roles[id] = RoleView(id: id, label: "Role\n\(r.namespace ?? "")/\(r.name)", rules: r.rules, aggregates: [])
        }
        // The aggregation edges are the RBAC engine's (the roles each aggregated role's selectors pick).
        let selected = Aggregation.selections(snapshot.clusterRoles)
        for (i, r) in snapshot.clusterRoles.enumerated() {
            let picked = (selected[i] ?? []).map { "ClusterRole:\(snapshot.clusterRoles[$0].name)" }
            let id = "ClusterRole:\(r.name)"
            roles[id] = RoleView(id: id, label: "ClusterRole\n\(r.name)", rules: r.aggregationSelectors == nil ? r.rules : [], aggregates: picked)
        }
    }

    /// Bindings the filter keeps, with their subjects narrowed to the filtered subject.
    func filteredBindings(_ filter: RBACGraphFilter) -> [BindingView] {
        bindings.compactMap { b in
            var b = b
            if let s = filter.subject {
                let wanted = [s] + filter.groups
                let kept = b.subjects.filter { wanted.contains($0) }
                guard !kept.isEmpty else { return nil }
                b.subjects = kept
            }
            if let ns = filter.namespace {
                let saPrefix = "ServiceAccount:\(ns)/"
                if b.namespace != ns && !(b.namespace == nil && b.subjects.contains { $0.hasPrefix(saPrefix) }) { return nil }
            }
            if filter.resource != nil && reachableRules(b.roleID, filter).isEmpty { return nil }
            return b
        }
    }

    /// Rules of `roleID` and of the roles it aggregates (transitively) that the filter keeps.
    func reachableRules(_ roleID: String, _ filter: RBACGraphFilter) -> [PolicyRule] {
        var seen: Set<String> = [], stack = [roleID], out: [PolicyRule] = []
        while let id = stack.popLast() {
            guard seen.insert(id).inserted, let role = roles[id] else { continue }
            out += role.rules.filter { Self.keeps($0, filter) }
            stack += role.aggregates
        }
        return out
    }

    /// Whether a rule covers the filter's resource (always, without one), by the RBAC engine's
    /// matching (`*`, `res/sub`, `*/sub`; `pods` does not cover `pods/exec`).
    static func keeps(_ rule: PolicyRule, _ filter: RBACGraphFilter) -> Bool {
        guard let resource = filter.resource else { return true }
        let parts = resource.split(separator: "/", maxSplits: 1).map(String.init)
        return RuleMatching.resourceMatches(rule, resource: parts.first ?? resource, subresource: parts.count > 1 ? parts[1] : "")
    }

    /// `resources: pods, pods/log` / `verbs: get, list` (names and URLs when present).
    static func ruleText(_ rule: PolicyRule) -> String {
        var lines: [String] = []
        if !rule.nonResourceURLs.isEmpty {
            lines.append("URLs: " + rule.nonResourceURLs.joined(separator: ", "))
        } else {
            let groups = rule.apiGroups.map { $0.isEmpty ? "core" : $0 == "*" ? "all groups" : $0 }.joined(separator: ", ")
            lines.append(rule.resources.joined(separator: ", ") + (groups == "core" ? "" : " (\(groups))"))
            if !rule.resourceNames.isEmpty { lines.append("names: " + rule.resourceNames.joined(separator: ", ")) }
        }
        lines.append("verbs: " + rule.verbs.joined(separator: ", "))
        return lines.joined(separator: "\n")
    }
}
