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
            if let n = nodeIndex[name] { out.insert(nodeID(n)) }
        case .request(let r):
            out.formUnion(attack.table.allowed(Self.normalized(r, attack)).resized(to: stateCount))
            addSecretHolders(r, to: &out)
        }
        return out
    }

    /// Adds the pods holding the secret `r` asks for and their nodes to `out`.
    /// - Complexity: O(pods mounting it) for a named secret, O(pods) otherwise.
    func addSecretHolders(_ r: AccessRequest, to out: inout BitSet) {
        for p in podsHoldingSecret(r) {
            out.insert(podID(p))
            if let n = pods[p].nodeName, let k = nodeIndex[n] { out.insert(nodeID(k)) }
        }
    }

    /// Pods holding the content of the secret `r` asks for (empty unless `r` is `get` on core
    /// `secrets` without a subresource).
    /// - Complexity: O(pods × mounted secrets).
    public func podsHoldingSecret(_ r: AccessRequest) -> [Int] {
        guard r.isResourceRequest, r.verb == "get", r.apiGroup == "", r.resource == "secrets", r.subresource.isEmpty else { return [] }
        if !r.name.isEmpty { return podsBySecret["\(r.namespace)/\(r.name)"] ?? [] }
        return pods.pods.indices.filter { p in
            pods[p].namespace == r.namespace && (r.name.isEmpty ? !pods[p].secrets.isEmpty : pods[p].secrets.contains(r.name))
        }
    }

    /// The minimal path from `start` to `goal` (`nil` when unreachable or `start` is unknown): the
    /// canonical one of ``FootholdDistances``, the same that `who-can --transitive --footholds` lists.
    /// - Complexity: one ``FootholdDistances`` plus its path walk.
    public func path(from start: FootholdState, to goal: FootholdGoal, assumeExploitable: Bool = true) -> FootholdPath? {
        guard let id = id(of: start) else { return nil }
        return FootholdDistances(graph: self, holders: holders(of: goal), assumeExploitable: assumeExploitable).path(from: id, in: self)
    }

    /// Every identity (without self-grant or explicit groups), pod, node and the internet that can
    /// reach `goal`, with its canonical path, by length then state string.
    /// - Complexity: one ``FootholdDistances`` plus one path walk per listed state.
    public func transitiveHolders(of goal: FootholdGoal, assumeExploitable: Bool = true) -> [FootholdPath] {
        let d = FootholdDistances(graph: self, holders: holders(of: goal), assumeExploitable: assumeExploitable)
        var out: [(Int, String, FootholdPath)] = []
        for s in 0..<stateCount where d.distance[s] >= 0 {
            if s < identityCount, attack.table[s].grant != nil || attack.table[s].groups != nil { continue }
            if let p = d.path(from: s, in: self) { out.append((p.length, state(s).description, p)) }
        }
        return out.sorted { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1.utf8.lexicographicallyPrecedes($1.1.utf8) }.map(\.2)
    }
}

extension FootholdGraph {
    /// E1n's sources per namespace that admits privileged pods: identity state IDs without
    /// self-grants or explicit groups, ascending.
    /// - Complexity: O(namespaces × S / 64).
    public func escapingCreatorsByNamespace() -> [String: [Int]] {
        var out: [String: [Int]] = [:]
        for e in escapingCreators {
            let ns = String(e.object.dropFirst("Namespace/".count))
            out[ns] = e.sources.members.filter { $0 < identityCount && attack.table[$0].grant == nil && attack.table[$0].groups == nil }
        }
        return out
    }
}
