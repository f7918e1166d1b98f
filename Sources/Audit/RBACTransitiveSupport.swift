import AttackGraph
import RBACEngine
import ReachModel

/// Attack-path helpers of the transitive least-privilege checks (K8S-RBAC-020..022).
extension RBACFacts {
    /// The goal request `get secrets` cluster-wide (`namespace` nil) or in one namespace.
    static func secretsGoal(_ namespace: String?) -> AccessRequest {
        AccessRequest(verb: "get", resource: "secrets", namespace: namespace ?? "")
    }

    /// Candidate identities (no self-grant, default groups) that reach `goal` only through at
    /// least one escalation step, with their minimal paths.
    /// - Complexity: one ``AttackGraph/GoalDistances`` search, O(S + E), plus O(Σ path lengths).
    func indirectHolders(of distances: GoalDistances) -> [AttackPath] {
        (0..<graph.stateCount).compactMap { s in
            let state = graph.table[s]
            guard state.grant == nil, state.groups == nil, distances.distance[s] > 0 else { return nil }
            return distances.path(from: s, in: graph)
        }.sorted { $0.start < $1.start }
    }

    /// The grants behind each step's permissions that the acting state holds through bindings.
    /// - Complexity: one RBAC check per request of each step.
    func grants(of step: AttackEdge) -> [Grant] {
        let identity = graph.table[step.from].identity
        return step.requests.flatMap { index.check(identity, $0).grants }
    }

    /// `E1 (create pods -n argocd) → ServiceAccount:argocd/x, E9c (…) → …`: per step the technique,
    /// the first permission the actor holds, and the state reached.
    func describe(_ path: AttackPath) -> String {
        path.steps.map { step in
            let what = held(step).map { " (\($0.description))" } ?? ""
            return "\(step.technique)\(what) → \(graph.table[step.to])"
        }.joined(separator: ", ")
    }

    /// The first permission of the step's condition that the acting state holds.
    func held(_ step: AttackEdge) -> AccessRequest? {
        let from = graph.table[step.from]
        return step.requests.first { r in
            index.allows(from.identity, r) || from.grant.map { graph.table.grantAllows($0, r) } == true
        }
    }

    /// `remove create pods -n shop from Role/shop/web (step 1, E1), or take <goal> away from
    /// ServiceAccount:shop/ops`: the first step's permission and the roles granting it, and the
    /// identity the path ends at when it is another principal (not a self-grant).
    func fix(_ path: AttackPath, goal: String) -> String {
        guard let first = path.steps.first else { return "" }
        let request = held(first)
        let granting = request.map { index.check(graph.table[first.from].identity, $0).grants } ?? grants(of: first)
        let permission = request?.description ?? first.technique.description
        var out = "remove \(permission) from \(RBACFacts.roles(granting)) (step 1, \(first.technique))"
        if let last = path.steps.last, graph.table[last.to].principal != path.start.principal {
            out += ", or take \(goal) away from \(graph.table[last.to].principal)"
        }
        return out
    }

    /// A path is system noise when the permissions of its first step come only from
    /// system-managed bindings (Kubernetes' controllers and AKS components act as designed).
    func isSystem(_ path: AttackPath) -> Bool {
        guard let first = path.steps.first else { return false }
        return allSystem(grants(of: first))
    }

    /// The finding of one identity and its paths (one per goal scope).
    func transitiveFinding(_ check: some AuditCheck, _ start: AttackState, _ parts: [(text: String, path: AttackPath)],
                           fix: String) -> Finding {
        let grants = parts.flatMap { $0.path.steps.flatMap(grants(of:)) }
        let message = parts.map { "\($0.text) in \($0.path.length) step\($0.path.length == 1 ? "" : "s"): \(describe($0.path))" }
            .joined(separator: "; ")
        return check.finding(start.description, message, at: locations(grants), annotations: annotations(grants),
                             fix: fix, system: parts.allSatisfy { isSystem($0.path) })
    }
}
