import ReachCore
import RBACEngine

extension FootholdGraph {
    /// Each of `secrets` (`namespace`, `name`) that `start` reaches, with a shortest path (one
    /// forward ``FootholdSearch``, so ties may be broken differently from ``path(from:to:assumeExploitable:)``),
    /// ordered by path length then namespace and name. A secret's nearest holder (smallest
    /// distance, then smallest state ID) is the better of the nearest identity allowed to read it
    /// — found once per distinct normalized request, since secrets that no rule names share one
    /// who-can answer — and the nearest pod or node mounting it.
    ///
    /// The search stops after the first level by which every secret that has a holder has a
    /// reached one (``SecretHolders/settled(_:)``): levels are complete, so each secret's nearest
    /// holder and its path are those of the full search.
    /// - Complexity: one ``FootholdSearch`` up to the level settling the last reachable secret
    ///   (the whole closure when some secret's holders are unreachable), plus per distinct
    ///   normalized request one ``StateTable/allowed(_:)`` and O(S / 64 + its holders), plus per
    ///   secret O(pods mounting it) and one path walk.
    public func secretsReachable(from start: FootholdState, secrets: [(namespace: String, name: String)],
                                 assumeExploitable: Bool = true) -> [(namespace: String, name: String, path: FootholdPath)] {
        guard let id = id(of: start) else { return [] }
        let holders = SecretHolders(graph: self, secrets: secrets)
        var pending = holders.withHolders
        let search = FootholdSearch(graph: self, from: [id], assumeExploitable: assumeExploitable) { visited in
            pending = holders.unsettled(pending, visited: visited)
            return pending.isEmpty
        }
        var out: [(namespace: String, name: String, path: FootholdPath)] = []
        let nearestIdentity = holders.allowed.map { search.nearest(in: $0) }
        var memo: [Int: FootholdStep] = [:]
        func better(_ a: Int?, _ b: Int) -> Int {
            guard let a else { return b }
            let (da, db) = (search.distance[a], search.distance[b])
            return db < da || (db == da && b < a) ? b : a
        }
        for (i, s) in secrets.enumerated() {
            var best: Int? = nearestIdentity[Int(holders.request[i])]
            for c in holders.mounts[i] where search.distance[c] >= 0 { best = better(best, c) }
            if let h = best, let p = search.path(to: h, in: self, steps: &memo) { out.append((s.namespace, s.name, p)) }
        }
        return out.sorted { ($0.path.length, $0.namespace, $0.name) < ($1.path.length, $1.namespace, $1.name) }
    }
}

/// The states holding each of a list of secrets (footholds.md "Goals reached by footholds"): the
/// identity states allowed `get` on it, kept once per distinct normalized request, and the pods
/// mounting it with their nodes.
struct SecretHolders {
    /// Per distinct normalized `get secrets` request: the identity states allowed it.
    let allowed: [BitSet]
    /// Per secret: its index into ``allowed``.
    let request: [Int32]
    /// Per secret: the pod states mounting it, each followed by its node's state when known.
    let mounts: [[Int]]
    /// Secrets with at least one holder, ascending.
    let withHolders: [Int]

    /// - Complexity: per secret O(1) expected plus O(pods mounting it) (O(pods) for an unnamed
    ///   one), plus one ``StateTable/allowed(_:)`` per distinct normalized request.
    init(graph g: FootholdGraph, secrets: [(namespace: String, name: String)]) {
        var keys: [AccessRequest: Int32] = [:]
        var allowed: [BitSet] = [], request: [Int32] = [], mounts: [[Int]] = [], withHolders: [Int] = []
        for (i, s) in secrets.enumerated() {
            let r = AccessRequest(verb: "get", apiGroup: "", resource: "secrets", subresource: "", name: s.name,
                                  namespace: s.namespace, nonResourceURL: "")
            let key = FootholdGraph.normalized(r, g.attack)
            let k = keys[key] ?? {
                allowed.append(g.attack.table.allowed(key))
                keys[key] = Int32(allowed.count - 1)
                return Int32(allowed.count - 1)
            }()
            var m: [Int] = []
            for p in g.podsHoldingSecret(r) {
                m.append(g.podID(p))
                if let n = g.pods[p].nodeName, let k = g.nodeIndex[n] { m.append(g.nodeID(k)) }
            }
            request.append(k)
            mounts.append(m)
            if !m.isEmpty || !allowed[Int(k)].isEmpty { withHolders.append(i) }
        }
        self.allowed = allowed
        self.request = request
        self.mounts = mounts
        self.withHolders = withHolders
    }

    /// The secrets of `pending` none of whose holders is in `visited`.
    /// - Complexity: O(pending × their mounts + distinct requests among them × S / 64).
    func unsettled(_ pending: [Int], visited: BitSet) -> [Int] {
        var reached: [Int32: Bool] = [:]
        return pending.filter { i in
            if mounts[i].contains(where: visited.contains) { return false }
            let k = request[i]
            if let hit = reached[k] { return !hit }
            let hit = allowed[Int(k)].intersects(visited)
            reached[k] = hit
            return !hit
        }
    }
}
