import ReachCore
import RBACEngine

extension FootholdGraph {
    /// Calls `reach(target, rank, from, aux)` for every edge leaving `frontier` (ascending state
    /// IDs), technique by technique in canonical order; `reach` ignores targets already reached.
    /// `aux` is the hyperedge index (RBAC), the ``escapingCreators``/``execers`` index (E1n, E7p),
    /// else `-1`.
    /// - Complexity: see ``FootholdSearch``.
    func expand(_ frontier: [Int], visited: BitSet, assumeExploitable: Bool,
                _ reach: (Int, Int, Int, Int) -> Void) {
        let s = identityCount
        // Ranks looked up once per level, not per edge.
        let (x1, x2, f1, f2, f3) = (FootholdCatalog.rank(of: X1.id), FootholdCatalog.rank(of: X2.id), FootholdCatalog.rank(of: F1.id),
                                    FootholdCatalog.rank(of: F2.id), FootholdCatalog.rank(of: F3.id))
        let (e1n, e7p) = (FootholdCatalog.rank(of: E1n.id), FootholdCatalog.rank(of: E7p.id))
        let ids = frontier.filter { $0 < s }
        let idSet = BitSet(capacity: s, members: ids)
        let idWords = FrontierWords(idSet)
        if !ids.isEmpty {
            for (i, h) in attack.hyperedges.enumerated() {
                guard let from = Self.firstSource(h.sources, in: idSet, idWords) else { continue }
                for t in h.targets where Int(t) != from { reach(Int(t), h.rank, from, i) }
            }
        }
        let podBase = podID(0), nodeBase = nodeID(0)
        let podFrontier = frontier.filter { $0 >= podBase && $0 < nodeBase }.map { $0 - podBase }
        let nodeFrontier = frontier.filter { $0 >= nodeBase && $0 < anyNodeID }.map { $0 - nodeBase }
        if assumeExploitable {
            if frontier.contains(internetID) {
                for x in exposed { reach(podID(x.pod), x1, internetID, -1) }
            }
            let endpoints = podFrontier.filter { pods[$0].endpoint != nil }
            if !endpoints.isEmpty {
                let seen = BitSet(capacity: pods.count, members: (0..<pods.count).filter { visited.contains(podID($0)) })
                for (b, a) in lateral.step(from: endpoints, visited: seen) {
                    reach(podID(b), x2, podID(a), -1)
                }
            }
        }
        for p in podFrontier where tokenState[p] >= 0 { reach(Int(tokenState[p]), f1, podID(p), -1) }
        for p in podFrontier where pods[p].escape != nil {
            let target = pods[p].nodeName.flatMap { nodeIndex[$0] }.map(nodeID) ?? anyNodeID
            reach(target, f2, podID(p), -1)
        }
        for n in nodeFrontier {
            for q in podsOnNode[n] { reach(podID(Int(q)), f3, nodeID(n), -1) }
        }
        guard !ids.isEmpty else { return }
        for (i, e) in escapingCreators.enumerated() {
            guard let from = idWords.first(in: e.sources) else { continue }
            for n in nodeNames.indices { reach(nodeID(n), e1n, from, i) }
            reach(anyNodeID, e1n, from, i)
        }
        for (i, e) in execers.enumerated() {
            guard let from = idWords.first(in: e.sources) else { continue }
            reach(podID(Int(e.pod)), e7p, from, i)
        }
    }

    /// The X1 edge into pod `p` (``exposed`` is ascending by pod).
    /// - Complexity: O(log exposed pods).
    func exposure(of p: Int) -> ExposedPod? {
        var lo = 0, hi = exposed.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if exposed[mid].pod < p { lo = mid + 1 } else { hi = mid }
        }
        return lo < exposed.count && exposed[lo].pod == p ? exposed[lo] : nil
    }

    /// The smallest source of a hyperedge in `set` (`words`: the same set's non-empty words).
    /// - Complexity: O(1) for one source, O(frontier words) for a set.
    static func firstSource(_ sources: SourceSet, in set: BitSet, _ words: FrontierWords) -> Int? {
        switch sources {
        case .one(let s): return set.contains(Int(s)) ? Int(s) : nil
        case .set(let b): return words.first(in: b)
        }
    }

    /// The step of a parent edge, resolved for reports.
    /// - Complexity: O(1) except X2 (O(listen ports)).
    func step(rank: Int, from: Int, to: Int, aux: Int) -> FootholdStep {
        let rbacCount = TechniqueCatalog.all.count
        if rank < rbacCount {
            let e = attack.hyperedges[aux].edge(from: from, to: to)
            return FootholdStep(technique: e.technique, from: from, to: to, object: e.object, detail: "", isAssumption: false, rbac: e)
        }
        let t = FootholdCatalog.all[rank - rbacCount]
        var object = "", detail = ""
        var rbac: AttackEdge?
        switch t.id {
        case X1.id:
            if let x = exposure(of: to - podID(0)), let e = pods[x.pod].endpoint {
                object = x.object
                detail = NetworkDecision.exposure(reach: reach, to: e, probe: x.probe, via: x.via)
            }
        case X2.id:
            detail = lateral.decision(from: from - podID(0), to: to - podID(0))
        case F2.id: detail = pods[from - podID(0)].escape ?? ""
        case F1.id: object = "Pod/\(pods[from - podID(0)].name)"
        case E1n.id:
            object = escapingCreators[aux].object
            rbac = AttackEdge(from: from, to: to, technique: t.id, requests: escapingCreators[aux].requests, object: object)
        case E7p.id:
            object = "Pod/\(pods[Int(execers[aux].pod)].name)"
            rbac = AttackEdge(from: from, to: to, technique: t.id, requests: execers[aux].requests, object: object)
        default: break
        }
        return FootholdStep(technique: t.id, from: from, to: to, object: object, detail: detail, isAssumption: t.isAssumption, rbac: rbac)
    }
}

extension FootholdGraph {
    /// Every edge leaving state `id`, one per (technique, target), in canonical order; for reports
    /// and tests.
    /// - Complexity: as one level of ``FootholdSearch`` from one state.
    public func edges(from id: Int, assumeExploitable: Bool = true) -> [FootholdStep] {
        var out: [FootholdStep] = []
        var seen = Set<[Int]>()
        expand([id], visited: BitSet(capacity: stateCount, members: [id]), assumeExploitable: assumeExploitable) { t, rank, from, aux in
            guard t != id, seen.insert([rank, t]).inserted else { return }
            out.append(step(rank: rank, from: from, to: t, aux: aux))
        }
        return out
    }
}
