import RBACEngine
import ReachModel

/// Granted-but-unused permissions: the cells of a subject's effective grants that no observed
/// request exercised.
///
/// A cell is one verb × apiGroup × resource of a rule (keeping the rule's `resourceNames`), or one
/// verb × non-resource URL, in the scope of the binding that grants it: a ClusterRoleBinding's
/// cell is used by a matching request in any namespace or at cluster scope, a RoleBinding's only
/// by one in its namespace. Matching is RBAC's own (``RBACEngine/RuleMatching``), so a wildcard
/// cell (`*` verb, `*` resource, `/metrics*`) counts as used when any request falls under it and
/// is listed, as written, only when none does. Cells from several grants are listed once with
/// every grant.
public enum UnusedGrants {
    /// - Complexity: O(C × U) for C cells of the summary's grants and U used requests.
    public static func unused(_ access: AccessSummary, used: [AccessRequest]) -> [UnusedPermission] {
        struct Cell: Hashable { var namespace: String?; var verb, group, resource, names, url: String }
        var grantsByCell: [Cell: Set<String>] = [:]
        var usedCells = Set<Cell>()
        for scope in access.scopes {
            let inScope = used.filter { scope.namespace == nil || $0.bindingNamespace == scope.namespace }
            for grant in scope.grants {
                let rule = grant.rule
                let names = rule.resourceNames.sorted()
                var cells: [Cell] = []
                for verb in rule.verbs {
                    for group in rule.apiGroups {
                        for resource in rule.resources {
                            cells.append(Cell(namespace: scope.namespace, verb: verb, group: group, resource: resource,
                                              names: names.joined(separator: ","), url: ""))
                        }
                    }
                    for url in rule.nonResourceURLs {
                        cells.append(Cell(namespace: scope.namespace, verb: verb, group: "", resource: "", names: "", url: url))
                    }
                }
                let via = "\(grant.binding) → \(grant.role) (via \(grant.via))"
                for cell in cells where !usedCells.contains(cell) {
                    if grantsByCell[cell] == nil {
                        let probe = cell.url.isEmpty
                            ? PolicyRule(verbs: [cell.verb], apiGroups: [cell.group], resources: [cell.resource], resourceNames: names)
                            : PolicyRule(verbs: [cell.verb], nonResourceURLs: [cell.url])
                        if inScope.contains(where: { RuleMatching.allows(probe, $0) }) {
                            usedCells.insert(cell)
                            continue
                        }
                    }
                    grantsByCell[cell, default: []].insert(via)
                }
            }
        }
        return grantsByCell.map { cell, grants in
            UnusedPermission(namespace: cell.namespace, verb: cell.verb, apiGroup: cell.group, resource: cell.resource,
                             resourceNames: cell.names.isEmpty ? [] : cell.names.split(separator: ",").map(String.init),
                             nonResourceURL: cell.url, grants: grants.sorted())
        }.sorted()
    }
}
