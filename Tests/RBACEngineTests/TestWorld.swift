import ReachModel
@testable import RBACEngine

/// Builds small snapshots in code, in the style of upstream's `newRole`/`newRoleBinding` helpers.
struct TestWorld {
    var snapshot = ClusterSnapshot()
    private var line = 1

    private mutating func meta(_ name: String, _ ns: String? = nil, labels: [String: String] = [:]) -> ObjectMeta {
        line += 1
        return ObjectMeta(name: name, namespace: ns, labels: labels, location: SourceLocation(file: "test.yaml", document: line, line: 1))
    }

    /// upstream `newRule(verbs, apiGroups, resources, nonResourceURLs string)`: comma-split lists
    /// (an empty string yields `[""]`, exactly like `strings.Split`).
    static func rule(_ verbs: String, _ groups: String, _ resources: String, _ urls: String) -> PolicyRule {
        func split(_ s: String) -> [String] { s.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        return PolicyRule(verbs: split(verbs), apiGroups: split(groups), resources: split(resources), nonResourceURLs: split(urls))
    }

    /// `"User:alice"` → Subject (upstream test helper format); `ServiceAccount:ns/name` allowed too.
    static func subject(_ s: String) -> Subject {
        let parts = s.split(separator: ":", maxSplits: 1).map(String.init)
        let kind = parts[0], rest = parts.count > 1 ? parts[1] : ""
        if kind == "ServiceAccount", rest.contains("/") {
            let p = rest.split(separator: "/").map(String.init)
            return Subject(kind: kind, name: p[1], namespace: p[0])
        }
        return Subject(kind: kind, name: rest)
    }

    mutating func clusterRole(_ name: String, labels: [String: String] = [:], aggregate: [LabelSelector]? = nil, _ rules: PolicyRule...) {
        snapshot.clusterRoles.append(ClusterRole(meta: meta(name, labels: labels), rules: rules, aggregationSelectors: aggregate))
        snapshot.clusterRoles.sort { $0.name < $1.name }
    }

    mutating func role(_ name: String, _ ns: String, _ rules: PolicyRule...) {
        snapshot.roles.append(Role(meta: meta(name, ns), rules: rules))
    }

    mutating func clusterRoleBinding(_ role: String, _ subjects: String..., name: String? = nil) {
        let n = name ?? "crb-\(snapshot.clusterRoleBindings.count)"
        snapshot.clusterRoleBindings.append(ClusterRoleBinding(meta: meta(n), roleRef: RoleRef(kind: .clusterRole, name: role),
                                                               subjects: subjects.map(Self.subject)))
    }

    mutating func roleBinding(_ ns: String, _ role: String, kind: String = "Role", _ subjects: String..., name: String? = nil) {
        let n = name ?? "rb-\(snapshot.roleBindings.count)"
        snapshot.roleBindings.append(RoleBinding(meta: meta(n, ns), roleRef: RoleRef(kind: RoleKind(rawValue: kind) ?? .role, name: role),
                                                 subjects: subjects.map(Self.subject)))
    }

    mutating func rawBinding(_ ns: String?, roleKind: String, role: String, subjects: [Subject]) {
        if let ns {
            snapshot.roleBindings.append(RoleBinding(meta: meta("raw-\(snapshot.roleBindings.count)", ns),
                                                     roleRef: RoleRef(kind: RoleKind(rawValue: roleKind) ?? .role, name: role), subjects: subjects))
        } else {
            snapshot.clusterRoleBindings.append(ClusterRoleBinding(meta: meta("raw-\(snapshot.clusterRoleBindings.count)"),
                                                                   roleRef: RoleRef(kind: RoleKind(rawValue: roleKind) ?? .role, name: role), subjects: subjects))
        }
    }

    mutating func serviceAccount(_ ns: String, _ name: String) {
        snapshot.serviceAccounts.append(ServiceAccount(meta: meta(name, ns)))
    }

    func index(masters: Bool = true) -> RBACIndex { RBACIndex(snapshot: snapshot, options: RBACOptions(mastersBypass: masters)) }
}

/// upstream `defaultAttributes{user, groups, verb, resource, subresource, namespace, apiGroup}`.
struct Attr: CustomStringConvertible, Sendable {
    var user, groups, verb, resource, subresource, namespace, apiGroup: String
    init(_ user: String, _ groups: String, _ verb: String, _ resource: String, _ subresource: String, _ namespace: String, _ apiGroup: String) {
        self.user = user; self.groups = groups; self.verb = verb; self.resource = resource
        self.subresource = subresource; self.namespace = namespace; self.apiGroup = apiGroup
    }
    /// `strings.Split(groups, ",")`: `""` → `[""]`, as upstream.
    var identity: Identity { Identity(user: user, groups: groups.split(separator: ",", omittingEmptySubsequences: false).map(String.init)) }
    var request: AccessRequest {
        AccessRequest(verb: verb, apiGroup: apiGroup, resource: resource, subresource: subresource, namespace: namespace)
    }
    var description: String { "\(user) [\(groups)] \(verb) \(resource)/\(subresource) ns=\(namespace) group=\(apiGroup)" }
}
