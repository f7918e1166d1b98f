import ReachModel

/// Which Services select each foothold pod (a non-empty selector of a Service of the pod's
/// namespace matching the pod's labels), found through an inverted label index instead of
/// testing every Service of a namespace against every pod of it.
///
/// Each Service is tested only against the pods carrying the rarest of its selector's
/// `key=value` pairs; a pod's list keeps the snapshot's Service order, so callers see the same
/// Services in the same order as a scan of the namespace's Services.
struct ServiceSelection: Sendable {
    /// Per pod (``FootholdPods`` index): indices into `snapshot.services`, ascending.
    let selecting: [[Int]]

    /// - Complexity: O(Σ pod labels + Σ over Services of (selector size × pods carrying its rarest
    ///   pair)), against O(pods × Services of their namespace) for the scan.
    init(services: [Service], pods: FootholdPods) {
        var index: [String: [String: [Int]]] = [:]
        for (i, p) in pods.pods.enumerated() {
            for (k, v) in p.labels { index[p.namespace, default: [:]][Self.pair(k, v), default: []].append(i) }
        }
        var out = [[Int]](repeating: [], count: pods.count)
        for (si, s) in services.enumerated() {
            guard let ns = s.namespace, let sel = s.selector, !sel.isEmpty, let labels = index[ns] else { continue }
            var rarest: [Int]?
            for (k, v) in sel {
                let c = labels[Self.pair(k, v)] ?? []
                if rarest.map({ c.count < $0.count }) ?? true { rarest = c }
            }
            for p in rarest ?? [] where sel.allSatisfy({ pods[p].labels[$0.key] == $0.value }) { out[p].append(si) }
        }
        selecting = out
    }

    private static func pair(_ k: String, _ v: String) -> String { k + "\u{0}" + v }
}
