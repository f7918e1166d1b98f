import NetworkEngine

extension Analyzer {
    /// The problem with a `reach --from/--to/--from-selector/--to-selector` filter that matches no
    /// pod or workload at all (a typo would otherwise print "No allowed connections", which reads
    /// as an answer), naming the option and suggesting up to three close names; `nil` when every
    /// given filter matches something.
    /// - Complexity: O(E) per filter for E endpoints, plus O(E × L²) for suggestions (names of
    ///   length L) only when a name filter matches nothing.
    public func unmatchedEndpointFilter(_ reach: NetworkReach, from: EndpointFilter?, to: EndpointFilter?) -> NetworkQueryError? {
        for (side, filter) in [("from", from), ("to", to)] {
            guard let filter, !reach.endpoints.contains(where: filter.matches) else { continue }
            var message = Self.unmatchedMessage(side: side, filter, reach)
            if snapshot.hasErrors {
                message += "; objects with load errors are not analysed (`kube-reach inventory` lists them)"
            }
            return NetworkQueryError(description: message)
        }
        return nil
    }

    static func unmatchedMessage(side: String, _ filter: EndpointFilter, _ reach: NetworkReach) -> String {
        switch filter {
        case .selector(let namespace, let selector):
            let labels = selector.matchLabels.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ",")
            var message = "--\(side)-selector '\(namespace ?? "*")/\(labels)' matches no pod or workload"
            if let namespace, !reach.endpoints.contains(where: { $0.namespace == namespace }) {
                message += " (namespace '\(namespace)' has none"
                message += suggestion(namespace, among: Set(reach.endpoints.map(\.namespace)), prefix: "; did you mean ") + ")"
            }
            return message
        case .name(let name):
            var message = "--\(side) '\(name)' matches no pod or workload"
            if name.hasSuffix("/*") {
                let namespace = String(name.dropLast(2))
                message += " (namespace '\(namespace)' has none"
                message += suggestion(namespace, among: Set(reach.endpoints.map(\.namespace)), prefix: "; did you mean ", suffix: "/*") + ")"
            } else if reach.endpoints.isEmpty {
                message += " (the input has none)"
            } else {
                let names = Set(reach.endpoints.flatMap { [$0.displayName, "\($0.namespace)/\($0.name)"] })
                message += suggestion(name, among: names, prefix: "; did you mean ")
                message += " (give ns/pod, ns/name[Kind] or ns/*)"
            }
            return message
        }
    }

    /// `prefix` + up to three candidates closest to `text` (edit distance at most a third of its
    /// length, at least 2), quoted and sorted by distance then name; empty when none is close.
    static func suggestion(_ text: String, among candidates: Set<String>, prefix: String, suffix: String = "") -> String {
        let limit = max(2, text.count / 3)
        let close = candidates.compactMap { c -> (Int, String)? in
            guard abs(c.count - text.count) <= limit else { return nil }
            let d = editDistance(Array(text.unicodeScalars), Array(c.unicodeScalars), limit: limit)
            return d <= limit ? (d, c) : nil
        }.sorted { $0 < $1 }.prefix(3)
        if close.isEmpty { return "" }
        return prefix + close.map { "'\($0.1)\(suffix)'" }.joined(separator: ", ") + "?"
    }

    /// Levenshtein distance, giving up (returning `limit + 1`) once every cell of a row exceeds
    /// `limit`.
    /// - Complexity: O(|a| × |b|).
    static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], limit: Int) -> Int {
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowMin = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
                rowMin = min(rowMin, current[j])
            }
            if rowMin > limit { return limit + 1 }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
