import ReachCore
import RBACEngine

extension FootholdGraph {
    /// The states that hold `goal` (footholds.md "Goals reached by footholds"): for a request, the
    /// identity states allowed it and, for `get secrets` (named or not: a goal without a name is
    /// reached by any secret of the namespace), every `Pod:P` that mounts the secret and every
    /// `Node:n` running such a pod; for `node`, every `Node:` state and `Node:*`; for `Node:n`,
    /// that state.
    /// - Complexity: one ``StateTable/allowed(_:)`` plus O(pods × mounted secrets).
    public func holders(of goal: FootholdGoal) -> BitSet {
        var out = BitSet(capacity: stateCount)
        switch goal {
        case .anyNode:
            for n in nodeNames.indices { out.insert(nodeID(n)) }
            out.insert(anyNodeID)
        case .node(let name):
            if let n = nodeNames.firstIndex(of: name) { out.insert(nodeID(n)) }
        case .request(let r):
            out.formUnion(attack.table.allowed(r).resized(to: stateCount))
            for p in podsHoldingSecret(r) {
                out.insert(podID(p))
                if let n = pods[p].nodeName, let k = nodeNames.firstIndex(of: n) { out.insert(nodeID(k)) }
            }
        }
        return out
    }

    /// Pods holding the content of the secret `r` asks for (empty unless `r` is `get` on core
    /// `secrets` without a subresource).
    /// - Complexity: O(pods × mounted secrets).
    public func podsHoldingSecret(_ r: AccessRequest) -> [Int] {
        guard r.isResourceRequest, r.verb == "get", r.apiGroup == "", r.resource == "secrets", r.subresource.isEmpty else { return [] }
        return pods.pods.indices.filter { p in
            pods[p].namespace == r.namespace && (r.name.isEmpty ? !pods[p].secrets.isEmpty : pods[p].secrets.contains(r.name))
        }
    }

    /// The minimal path from `start` to `goal` (`nil` when unreachable or `start` is unknown).
    /// - Complexity: one ``FootholdSearch`` plus ``holders(of:)``.
    public func path(from start: FootholdState, to goal: FootholdGoal, assumeExploitable: Bool = true) -> FootholdPath? {
        guard let id = id(of: start) else { return nil }
        let search = FootholdSearch(graph: self, from: [id], assumeExploitable: assumeExploitable)
        return search.nearest(in: holders(of: goal)).flatMap { search.path(to: $0, in: self) }
    }
}
