import NetworkEngine
import ReachCore

/// X2 on the NetworkEngine's class matrices: a set of pods is a bitset over endpoints, and one
/// step ORs, per port class, the reach rows of the frontier's classes, then expands the reached
/// classes to their member pods that listen on a port of that port class. No pod pair is ever
/// materialised.
///
/// Exactness: pods of one endpoint class are selected by the same policy peers and resolve named
/// ports alike, so `reach[c, d]` of port class `q` holds for a pod of `c` and a different pod of `d`
/// exactly when NetworkPolicy allows that pair on every port of `q` (NetworkReach's contract); a
/// pod `B` listening on port `p` is reachable from `A` on `p` iff `reach[class(A), class(B)]` in
/// `p`'s port class.
public struct LateralMovement: Sendable {
    let reach: NetworkReach
    /// Port classes some pod listens on, ascending, with the pods (endpoint bitset) listening on a
    /// port of that class.
    let listening: [(portClass: Int, pods: BitSet)]
    /// Per endpoint: its listen ports (for step details).
    let listenPorts: [[ProbePort]]

    /// - Complexity: O(listen ports × log port atoms).
    init(reach: NetworkReach, listenPorts: [[ProbePort]]) {
        self.reach = reach
        self.listenPorts = listenPorts
        let n = reach.endpoints.count
        var byClass: [Int: BitSet] = [:]
        for (e, ports) in listenPorts.enumerated() where e < n {
            for p in ports {
                guard let a = reach.portAtoms.atom(for: p) else { continue }
                byClass[reach.portClassOfAtom[a], default: BitSet(capacity: n)].insert(e)
            }
        }
        listening = byClass.keys.sorted().compactMap { q in byClass[q].map { (q, $0) } }
    }

    /// Pods reached in one X2 step from `frontier` (endpoint bitset), not in `visited`, each with
    /// the frontier pod it is reached from: the smallest frontier pod of the first (port class,
    /// source class in order of smallest frontier member) that reaches it.
    /// - Complexity: O(Q × (F + C_F × K / 64 + reached members)) for Q listened port classes, F
    ///   frontier pods, C_F frontier classes and K endpoint classes; each reached pod is touched
    ///   once per port class.
    func step(from frontier: [Int], visited: BitSet) -> [(pod: Int, from: Int)] {
        let classes = reach.classes
        // Frontier classes in order of their smallest frontier member (the frontier is ascending).
        var firstMember: [Int: Int] = [:]
        var order: [Int] = []
        for p in frontier where p < classes.classOf.count {
            let c = classes.classOf[p]
            if firstMember[c] == nil { firstMember[c] = p; order.append(c) }
        }
        guard !order.isEmpty else { return [] }
        var claimed = visited
        var out: [(pod: Int, from: Int)] = []
        for (q, pods) in listening {
            let m = reach.matrix(forPortClass: q).reach
            var doneClasses = BitSet(capacity: classes.count)
            for c in order {
                let row = m.rowSet(c).subtracting(doneClasses)
                guard let source = firstMember[c] else { continue }
                row.forEachMember { d in
                    doneClasses.insert(d)
                    for b in classes.members[d] where pods.contains(b) && !claimed.contains(b) && b != source {
                        claimed.insert(b)
                        out.append((b, source))
                    }
                }
            }
        }
        return out
    }

    /// Pods with an X2 edge into some pod of `targets` (endpoint indices), not in `visited`
    /// (which holds `targets`), ascending: per port class, the classes of the targets listening on
    /// it form a column mask, and every class whose reach row meets it contributes its members.
    /// A pod never counts as its own predecessor because every target is visited.
    /// - Complexity: O(Q × (T + K × K / 64 + members)) for Q listened port classes, T targets and
    ///   K endpoint classes.
    func predecessors(of targets: [Int], visited: BitSet) -> [Int] {
        let classes = reach.classes
        var out = BitSet(capacity: classes.classOf.count)
        for (q, pods) in listening {
            var mask = BitSet(capacity: classes.count)
            for b in targets where b < classes.classOf.count && pods.contains(b) { mask.insert(classes.classOf[b]) }
            guard !mask.isEmpty else { continue }
            let m = reach.matrix(forPortClass: q).reach
            for c in 0..<classes.count where m.rowIntersects(c, mask) {
                for a in classes.members[c] where !visited.contains(a) { out.insert(a) }
            }
        }
        return out.members
    }

    /// The first port (ascending) `b` listens on that NetworkPolicy allows from `a`.
    /// - Complexity: O(listen ports of `b` × log port atoms).
    public func port(from a: Int, to b: Int) -> ProbePort? {
        listenPorts[b].first { reach.allowed(.endpoint(a), .endpoint(b), $0) }
    }

    /// The port of an X2 step and the policies deciding it (networkpolicy.md read by the naive
    /// evaluator): `port TCP/8080; ingress: NetworkPolicy web/allow-frontend rule 1; egress: not isolated`.
    /// - Complexity: one ``port(from:to:)`` plus one ``NetworkEngine/PairEvaluator/explain(_:_:_:)``.
    public func decision(from a: Int, to b: Int) -> String {
        guard let p = port(from: a, to: b) else { return "" }
        let x = reach.evaluator.explain(.endpoint(a), .endpoint(b), p)
        func side(_ s: SideExplanation) -> String {
            guard s.isolated else { return "not isolated" }
            return s.policies.filter { !$0.matchingRules.isEmpty }
                .map { "NetworkPolicy \($0.policy) rule \($0.matchingRules.map { String($0 + 1) }.joined(separator: ","))" }
                .joined(separator: ", ")
        }
        return "port \(p); ingress: \(side(x.ingress)); egress: \(side(x.egress))"
    }
}
