import RBACEngine

/// Azure RBAC action strings: wildcard matching and the data action the AKS authorization webhook
/// (guard) builds from a Kubernetes request.
public enum AzureAction {
    /// The resource type prefix of AKS data actions.
    public static let managedClusters = "Microsoft.ContainerService/managedClusters"

    /// Whether `pattern` (an entry of `actions`, `notActions`, `dataActions` or `notDataActions`)
    /// matches `action`. Azure compares operation names case-insensitively and `*` matches any run
    /// of characters, `/` included (`Microsoft.ContainerService/managedClusters/*` matches every AKS
    /// data action; `*/read` every read) — Azure docs, role-based-access-control/role-definitions.md
    /// "Actions" / "Wildcard".
    /// - Complexity: O(|pattern| × |action|) worst case (greedy backtracking on the last `*`).
    public static func matches(_ pattern: String, _ action: String) -> Bool {
        let p = Array(pattern.lowercased().utf8), a = Array(action.lowercased().utf8)
        var i = 0, j = 0, star = -1, mark = 0
        while j < a.count {
            if i < p.count, p[i] != UInt8(ascii: "*"), p[i] == a[j] {
                i += 1
                j += 1
            } else if i < p.count, p[i] == UInt8(ascii: "*") {
                star = i
                mark = j
                i += 1
            } else if star >= 0 {
                i = star + 1
                mark += 1
                j = mark
            } else {
                return false
            }
        }
        while i < p.count, p[i] == UInt8(ascii: "*") { i += 1 }
        return i == p.count
    }

    /// guard's `getActionName`: get/list/watch → `read`; create/update/patch → `write`;
    /// delete/deletecollection → `delete`; bind/escalate/use/impersonate → `<verb>/action`;
    /// anything else → `""` (kubeguard/guard `authz/providers/azure/rbac/checkaccessreqhelper.go`).
    static func actionName(_ verb: String) -> String {
        switch verb {
        case "get", "list", "watch": "read"
        case "create", "patch", "update": "write"
        case "delete", "deletecollection": "delete"
        case "bind", "escalate", "use", "impersonate": "\(verb)/action"
        default: ""
        }
    }

    /// The data action guard checks for `request` (`getDataActions`): the prefix, the API group
    /// when not core, then `pods/exec/action` for `pods/exec` or `<resource>/<action name>` (other
    /// subresources are checked as their resource); non-resource requests are `<prefix><path>/<action>`.
    /// `nil` for requests with `*` in the verb, group or resource: guard expands those through the
    /// provider's operations list, which kube-reach does not ship (no Azure grant is reported).
    /// - Complexity: O(request length).
    public static func dataAction(for request: AccessRequest) -> String? {
        if !request.isResourceRequest {
            return join([managedClusters, request.nonResourceURL, actionName(request.verb)])
        }
        if request.verb == "*" || request.apiGroup == "*" || request.resource == "*" { return nil }
        let tail = request.resource == "pods" && request.subresource == "exec"
            ? "pods/exec/action" : join([request.resource, actionName(request.verb)])
        return join([managedClusters, request.apiGroup, tail])
    }

    /// Go's `path.Join` for these parts: empty parts dropped, duplicate slashes collapsed.
    static func join(_ parts: [String]) -> String {
        parts.flatMap { $0.split(separator: "/") }.joined(separator: "/")
    }
}
