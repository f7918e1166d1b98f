import AttackGraph
import AzureEngine
import RBACEngine
import ReachModel

/// Azure RBAC for Kubernetes inside the attack graph: each role definition used by an assignment
/// that acts on the cluster becomes a ClusterRole (`azure-rbac:<role name>`) with one rule per
/// request the attack graph can ask that the role allows; each such assignment becomes a binding
/// `azure-rbac:<assignment>` of it, cluster-wide (assignment at the cluster or above) or
/// in its namespace (`<cluster id>/namespaces/<ns>`) to the principal's Kubernetes identity
/// (`User:<upn or oid>` or `Group:<oid>`).
///
/// Exact for the requests listed: the escalation conditions of escalation.md (E1–E13) and the
/// goal. Azure decides per data action, and a data action does not depend on the object name, so
/// a rule without `resourceNames` per allowed (verb, group, resource/subresource) gives the same
/// answer as the webhook for those requests; a role whose data actions match every AKS data
/// action and whose NotDataActions exclude none also gets `*` on everything (the admin goal).
/// Only used for paths; can-i and who-can evaluate Azure RBAC directly.
public enum AzureRBACSynthesis {
    /// `(verb, apiGroup, resource, subresource)` of every escalation condition of escalation.md.
    static let techniqueRequests: [(String, String, String, String)] = {
        var out: [(String, String, String, String)] = []
        for r in ["serviceaccounts", "users", "groups"] { out.append(("impersonate", "", r, "")) }
        out.append(("create", "", "serviceaccounts", "token"))
        for v in ["get", "list", "watch", "create"] { out.append((v, "", "secrets", "")) }
        out.append(("create", "", "pods", ""))
        let controllers = [("apps", "deployments"), ("apps", "daemonsets"), ("apps", "statefulsets"), ("apps", "replicasets"),
                           ("batch", "jobs"), ("batch", "cronjobs"), ("", "replicationcontrollers")]
        for (g, r) in controllers { for v in ["create", "patch", "update"] { out.append((v, g, r, "")) } }
        for sub in ["exec", "attach"] { out.append(("create", "", "pods", sub)) }
        for v in ["patch", "update"] { out += [(v, "", "pods", ""), (v, "", "pods", "ephemeralcontainers")] }
        for v in ["get", "create"] { out.append((v, "", "nodes", "proxy")) }
        let csr = "certificates.k8s.io"
        out += [("create", csr, "certificatesigningrequests", ""), ("get", csr, "certificatesigningrequests", ""),
                ("update", csr, "certificatesigningrequests", "approval"), ("approve", csr, "signers", "")]
        for v in ["create", "update", "patch"] { out.append((v, "admissionregistration.k8s.io", "mutatingwebhookconfigurations", "")) }
        let rbac = "rbac.authorization.k8s.io"
        for r in ["rolebindings", "clusterrolebindings"] { out.append(("create", rbac, r, "")) }
        for r in ["roles", "clusterroles"] { for v in ["bind", "escalate", "update", "patch"] { out.append((v, rbac, r, "")) } }
        return out
    }()

    /// `snapshot` plus the synthesized roles and bindings (unchanged when Azure RBAC is off).
    /// - Complexity: O(assignments × requests × permission patterns).
    public static func augment(_ snapshot: ClusterSnapshot, authorizer a: AzureAuthorizer, goals: [AccessRequest]) -> ClusterSnapshot {
        guard a.azureRBACEnabled, let cluster = a.clusterID else { return snapshot }
        var out = snapshot
        var requests = techniqueRequests.map { AccessRequest(verb: $0.0, apiGroup: $0.1, resource: $0.2, subresource: $0.3) }
        requests += goals.filter(\.isResourceRequest).map { AccessRequest(verb: $0.verb, apiGroup: $0.apiGroup, resource: $0.resource, subresource: $0.subresource) }
        var roleRules: [String: [PolicyRule]] = [:]
        for assignment in a.environment.roleAssignments.sorted(by: { $0.name < $1.name }) {
            guard let role = a.definitions[assignment.roleDefinitionGUID] else { continue }
            let scope = AzureAuthorizer.normalizedScope(assignment.scope)
            let namespace: String?
            if AzureAuthorizer.covers(scope: scope, resource: cluster) { namespace = nil }
            else if scope.hasPrefix(cluster + "/namespaces/"), !scope.dropFirst(cluster.count + 12).contains("/") {
                namespace = String(scope.dropFirst(cluster.count + 12))
            } else { continue }
            // One ClusterRole per role definition (its rules depend on the role only), one binding
            // per assignment (named after it, so every grant names the assignment).
            let roleName = "azure-rbac:\(role.roleName)"
            if roleRules[role.guid] == nil {
                let rules = self.rules(role, requests, location: role.location ?? assignment.location)
                roleRules[role.guid] = rules
                if !rules.isEmpty {
                    out.clusterRoles.append(ClusterRole(meta: ObjectMeta(name: roleName, location: role.location ?? assignment.location), rules: rules))
                }
            }
            guard roleRules[role.guid]?.isEmpty == false else { continue }
            let name = "azure-rbac:\(assignment.name)"
            let meta = ObjectMeta(name: name, location: assignment.location)
            let subject = self.subject(assignment.principalId, a)
            let ref = RoleRef(kind: .clusterRole, name: roleName)
            if let namespace {
                out.roleBindings.append(RoleBinding(meta: ObjectMeta(name: name, namespace: namespace, location: assignment.location),
                                                    roleRef: ref, subjects: [subject]))
            } else {
                out.clusterRoleBindings.append(ClusterRoleBinding(meta: meta, roleRef: ref, subjects: [subject]))
            }
        }
        return out
    }

    /// The allowed requests as few rules: one per (API group, set of verbs) listing every resource
    /// allowed exactly those verbs (a rule allows the product of its lists, so this allows the
    /// same requests as one rule per request, with fewer rules for the RBAC checks to match),
    /// plus `*` everywhere for roles allowing every AKS data action.
    /// - Complexity: O(requests × permission patterns + requests log requests).
    static func rules(_ role: AzureRoleDefinition, _ requests: [AccessRequest], location: SourceLocation) -> [PolicyRule] {
        var verbsOf: [String: [String: Set<String>]] = [:]
        for r in requests {
            guard let action = AzureAction.dataAction(for: r), permits(role, action) else { continue }
            let resource = r.subresource.isEmpty ? r.resource : "\(r.resource)/\(r.subresource)"
            verbsOf[r.apiGroup, default: [:]][resource, default: []].insert(r.verb)
        }
        var rules: [PolicyRule] = []
        for (group, byResource) in verbsOf.sorted(by: { $0.key < $1.key }) {
            let byVerbs = Dictionary(grouping: byResource.keys.sorted(), by: { byResource[$0]?.sorted() ?? [] })
            for (verbs, resources) in byVerbs.sorted(by: { $0.key.lexicographicallyPrecedes($1.key) }) {
                rules.append(PolicyRule(verbs: verbs, apiGroups: [group], resources: resources, location: location))
            }
        }
        // Patterns that match data actions at any depth below the prefix (`*`, `Microsoft.ContainerService/*`,
        // `…/managedClusters/*`) and no NotDataAction that can touch AKS: every request is allowed.
        let probes = [AzureAction.managedClusters + "/\u{1}", AzureAction.managedClusters + "/\u{1}/\u{1}/\u{1}/\u{1}"]
        let everything = role.permissions.contains { p in
            p.dataActions.contains { pattern in probes.allSatisfy { AzureAction.matches(pattern, $0) } }
                && !p.notDataActions.contains(where: AzureAnalysis.actsOnAKS)
        }
        if everything {
            rules.append(PolicyRule(verbs: ["*"], apiGroups: ["*"], resources: ["*"], location: location))
            rules.append(PolicyRule(verbs: ["*"], nonResourceURLs: ["*"], location: location))
        }
        return rules
    }

    static func permits(_ role: AzureRoleDefinition, _ action: String) -> Bool {
        role.permissions.contains { p in
            p.dataActions.contains { AzureAction.matches($0, action) } && !p.notDataActions.contains { AzureAction.matches($0, action) }
        }
    }

    /// The binding subject for an Entra object: `Group:<oid>` for groups, else `User:<k8s user>`.
    static func subject(_ oid: String, _ a: AzureAuthorizer) -> Subject {
        let identity = a.kubernetesIdentity(oid)
        if let user = identity.user { return Subject(kind: "User", name: user, apiGroup: "rbac.authorization.k8s.io") }
        return Subject(kind: "Group", name: oid, apiGroup: "rbac.authorization.k8s.io")
    }
}
