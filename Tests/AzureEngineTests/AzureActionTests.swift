import AzureEngine
import RBACEngine
import Testing

/// Data action mapping of kubeguard/guard `authz/providers/azure/rbac/checkaccessreqhelper.go`
/// (`getActionName`, `getResourceAndAction`, `getDataActions`) and Azure's wildcard matching
/// (role-based-access-control/role-definitions.md: `*` matches any string, case-insensitive).
@Suite struct AzureActionTests {
    static let mc = "Microsoft.ContainerService/managedClusters"

    @Test(arguments: [
        (AccessRequest(verb: "get", apiGroup: "", resource: "pods", namespace: "prod"), "\(mc)/pods/read"),
        (AccessRequest(verb: "list", apiGroup: "", resource: "secrets"), "\(mc)/secrets/read"),
        (AccessRequest(verb: "watch", apiGroup: "", resource: "secrets"), "\(mc)/secrets/read"),
        (AccessRequest(verb: "create", apiGroup: "apps", resource: "deployments"), "\(mc)/apps/deployments/write"),
        (AccessRequest(verb: "patch", apiGroup: "apps", resource: "deployments"), "\(mc)/apps/deployments/write"),
        (AccessRequest(verb: "update", apiGroup: "apps", resource: "deployments"), "\(mc)/apps/deployments/write"),
        (AccessRequest(verb: "deletecollection", apiGroup: "", resource: "pods"), "\(mc)/pods/delete"),
        (AccessRequest(verb: "create", apiGroup: "", resource: "pods", subresource: "exec"), "\(mc)/pods/exec/action"),
        (AccessRequest(verb: "get", apiGroup: "", resource: "pods", subresource: "exec"), "\(mc)/pods/exec/action"),
        // Other subresources are checked as their resource.
        (AccessRequest(verb: "get", apiGroup: "", resource: "pods", subresource: "log"), "\(mc)/pods/read"),
        (AccessRequest(verb: "create", apiGroup: "", resource: "serviceaccounts", subresource: "token"), "\(mc)/serviceaccounts/write"),
        (AccessRequest(verb: "impersonate", apiGroup: "", resource: "serviceaccounts"), "\(mc)/serviceaccounts/impersonate/action"),
        (AccessRequest(verb: "bind", apiGroup: "rbac.authorization.k8s.io", resource: "clusterroles"),
         "\(mc)/rbac.authorization.k8s.io/clusterroles/bind/action"),
        (AccessRequest(verb: "escalate", apiGroup: "rbac.authorization.k8s.io", resource: "roles"),
         "\(mc)/rbac.authorization.k8s.io/roles/escalate/action"),
        // Unknown verbs map to "" and path.Join drops it.
        (AccessRequest(verb: "approve", apiGroup: "certificates.k8s.io", resource: "signers"), "\(mc)/certificates.k8s.io/signers"),
        (AccessRequest.nonResource(verb: "get", path: "/healthz"), "\(mc)/healthz/read"),
    ])
    func dataAction(request: AccessRequest, expected: String) {
        #expect(AzureAction.dataAction(for: request) == expected)
    }

    @Test func wildcardRequestsAreNotMapped() {
        #expect(AzureAction.dataAction(for: AccessRequest(verb: "*", apiGroup: "", resource: "pods")) == nil)
        #expect(AzureAction.dataAction(for: AccessRequest(verb: "get", apiGroup: "", resource: "*")) == nil)
    }

    @Test(arguments: [
        ("\(mc)/*", "\(mc)/apps/deployments/read", true),
        ("\(mc)/*", "\(mc)/pods/exec/action", true),
        ("\(mc)/pods/*", "\(mc)/pods/exec/action", true),
        ("\(mc)/pods/*", "\(mc)/podtemplates/read", false),
        ("\(mc)/secrets/read", "\(mc)/secrets/read", true),
        ("microsoft.containerservice/MANAGEDCLUSTERS/secrets/read", "\(mc)/secrets/read", true),
        ("*/read", "\(mc)/secrets/read", true),
        ("*/read", "\(mc)/secrets/write", false),
        ("*", "Microsoft.ContainerService/managedClusters/listClusterAdminCredential/action", true),
        ("Microsoft.Authorization/*/Write", "Microsoft.Authorization/roleAssignments/write", true),
        ("Microsoft.Authorization/*/Write", "Microsoft.ContainerService/managedClusters/write", false),
        ("\(mc)/secrets/read", "\(mc)/secrets/readx", false),
        ("", "x", false),
    ])
    func matching(pattern: String, action: String, expected: Bool) {
        #expect(AzureAction.matches(pattern, action) == expected)
    }
}
