import RBACEngine
import ReachModel

/// The requests whose who-can answer `diff` compares: the privilege-escalation risks of
/// Kubernetes' "Role Based Access Control Good Practices"
/// (kubernetes.io/docs/concepts/security/rbac-good-practices, "Privilege escalation risks":
/// listing secrets, exec into pods, impersonate, bind and escalate, nodes/proxy, CSR approval,
/// admission webhooks).
public enum SensitiveRequests {
    /// Asked at cluster scope.
    public static let cluster: [AccessRequest] = [
        AccessRequest(verb: "get", resource: "secrets"),
        AccessRequest(verb: "list", resource: "secrets"),
        AccessRequest(verb: "create", resource: "pods", subresource: "exec"),
        AccessRequest(verb: "impersonate", resource: "users"),
        AccessRequest(verb: "impersonate", resource: "groups"),
        AccessRequest(verb: "impersonate", resource: "serviceaccounts"),
        AccessRequest(verb: "bind", apiGroup: "rbac.authorization.k8s.io", resource: "clusterroles"),
        AccessRequest(verb: "escalate", apiGroup: "rbac.authorization.k8s.io", resource: "clusterroles"),
        AccessRequest(verb: "get", resource: "nodes", subresource: "proxy"),
        AccessRequest(verb: "update", apiGroup: "certificates.k8s.io", resource: "certificatesigningrequests", subresource: "approval"),
        AccessRequest(verb: "approve", apiGroup: "certificates.k8s.io", resource: "signers"),
        AccessRequest(verb: "create", apiGroup: "admissionregistration.k8s.io", resource: "mutatingwebhookconfigurations"),
        AccessRequest(verb: "update", apiGroup: "admissionregistration.k8s.io", resource: "mutatingwebhookconfigurations"),
        AccessRequest(verb: "create", apiGroup: "admissionregistration.k8s.io", resource: "validatingwebhookconfigurations"),
        AccessRequest(verb: "update", apiGroup: "admissionregistration.k8s.io", resource: "validatingwebhookconfigurations"),
    ]

    /// Asked in every namespace with RoleBindings on either side.
    public static let namespaced: [AccessRequest] = [
        AccessRequest(verb: "get", resource: "secrets"),
        AccessRequest(verb: "list", resource: "secrets"),
        AccessRequest(verb: "create", resource: "pods", subresource: "exec"),
        AccessRequest(verb: "bind", apiGroup: "rbac.authorization.k8s.io", resource: "roles"),
        AccessRequest(verb: "escalate", apiGroup: "rbac.authorization.k8s.io", resource: "roles"),
    ]

    /// Who-can changes: cluster-scope requests, then each namespaced request per namespace. A
    /// subject whose change already shows at cluster scope for the same request is not repeated
    /// per namespace (a cluster-wide grant applies in every namespace).
    /// - Complexity: (|cluster| + |namespaced| × namespaces) who-can queries per side.
    static func whoCanChanges(_ before: RBACIndex, _ after: RBACIndex, namespaces: [String]) -> [AccessDiff.WhoCanChange] {
        func subjects(_ index: RBACIndex, _ r: AccessRequest) -> Set<String> {
            Set(index.subjects(of: index.whoCan(r)).map(\.description))
        }
        func change(_ r: AccessRequest, excluding shown: Set<String>) -> AccessDiff.WhoCanChange? {
            let a = subjects(before, r), b = subjects(after, r)
            let gained = b.subtracting(a).subtracting(shown), lost = a.subtracting(b).subtracting(shown)
            guard !gained.isEmpty || !lost.isEmpty else { return nil }
            return AccessDiff.WhoCanChange(request: r, gained: codePointSorted(gained), lost: codePointSorted(lost))
        }
        var out: [AccessDiff.WhoCanChange] = []
        var clusterChanged: [AccessRequest: Set<String>] = [:]
        for r in cluster {
            guard let c = change(r, excluding: []) else { continue }
            out.append(c)
            clusterChanged[r] = Set(c.gained + c.lost)
        }
        for ns in namespaces {
            for var r in namespaced {
                let shown = clusterChanged[r] ?? []
                r.namespace = ns
                if let c = change(r, excluding: shown) { out.append(c) }
            }
        }
        return out
    }

    static func codePointSorted(_ set: Set<String>) -> [String] {
        set.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }
}
