import RBACEngine
import ReachCore
import Synchronization

/// The identity-sourced foothold edges, E1n (create an escaping pod) and E7p (exec into a pod),
/// computed on first use: their sources are RBAC who-can answers (namespaces × 8 requests for
/// E1n, one or two per distinct normalized exec request for E7p), and a search whose frontier
/// never holds an identity — `secretsReachable` settling before the mounted tokens' identities
/// are expanded — never needs them. Thread-safe; the result is kept.
final class IdentityFootholdEdges: Sendable {
    typealias Creators = [(sources: BitSet, object: String, requests: [AccessRequest])]
    typealias Execers = [(sources: BitSet, pod: Int32, requests: [AccessRequest])]
    private let attack: AttackGraph
    private let pods: FootholdPods
    /// Effective labels of every Namespace object.
    private let labels: [String: [String: String]]
    private let value = Mutex<(creators: Creators, execers: Execers)?>(nil)

    init(attack: AttackGraph, pods: FootholdPods, namespaceLabels: [String: [String: String]]) {
        self.attack = attack
        self.pods = pods
        labels = namespaceLabels
    }

    /// E1n's sources per namespace admitting privileged pods, and E7p's per pod (non-empty only).
    /// - Complexity: first call O(namespaces × 8 × ``StateTable/allowed(_:)`` + pods + distinct
    ///   normalized exec requests × 2 × ``StateTable/allowed(_:)``); then O(1).
    var edges: (creators: Creators, execers: Execers) {
        value.withLock { v in
            if let v { return v }
            let out = (Self.escapingCreators(attack: attack, labels: labels), Self.execers(attack: attack, pods: pods))
            v = out
            return out
        }
    }

    /// E1n's sources per namespace admitting privileged pods.
    /// - Complexity: O(namespaces × 8 × ``StateTable/allowed(_:)``).
    static func escapingCreators(attack: AttackGraph, labels: [String: [String: String]]) -> Creators {
        var out: Creators = []
        for ns in attack.candidates.namespaces where E1n.admitsPrivileged(labels[ns] ?? [:]) {
            let rs = [AccessRequest.r("create", "", "pods", ns: ns)]
                + ControllerKinds.all.map { AccessRequest.r("create", $0.apiGroup, $0.resource, ns: ns) }
            var from = BitSet(capacity: attack.stateCount)
            for r in rs { from.formUnion(attack.table.allowed(r)) }
            if !from.isEmpty { out.append((from, "Namespace/\(ns)", rs)) }
        }
        return out
    }

    /// E7p's sources per pod. Pods whose names no rule lists share one answer per namespace
    /// (``StateTable/mentionedNames``).
    /// - Complexity: O(pods + distinct normalized requests × 2 × ``StateTable/allowed(_:)``).
    static func execers(attack: AttackGraph, pods: FootholdPods) -> Execers {
        var cache: [AccessRequest: BitSet] = [:]
        return pods.pods.enumerated().map { i, p in
            let name = p.podName ?? AttackContext.freshName
            let rs: [AccessRequest] = [.r("create", "", "pods", sub: "exec", name: name, ns: p.namespace),
                                       .r("create", "", "pods", sub: "attach", name: name, ns: p.namespace)]
            let key = FootholdGraph.normalized(rs[0], attack)
            if cache[key] == nil {
                var from = attack.table.allowed(key)
                from.formUnion(attack.table.allowed(FootholdGraph.normalized(rs[1], attack)))
                cache[key] = from
            }
            return (cache[key] ?? BitSet(capacity: 0), Int32(i), rs)
        }.filter { !$0.sources.isEmpty }
    }
}
