/// A directed graph over dense vertex IDs `0..<vertexCount` in compressed sparse row form.
///
/// Successors of `v` are `targets[offsets[v] ..< offsets[v + 1]]`, sorted ascending, so iteration
/// order (and therefore BFS parents and every derived answer) is deterministic.
public struct Digraph: Sendable {
    public let vertexCount: Int
    public let offsets: [Int]
    public let targets: [Int32]

    /// Builds the graph from an edge list; duplicate edges are kept once.
    /// - Complexity: O(V + E log E).
    public init(vertexCount: Int, edges: [(Int, Int)]) {
        self.vertexCount = max(0, vertexCount)
        let valid = edges.filter { $0.0 >= 0 && $0.0 < vertexCount && $0.1 >= 0 && $0.1 < vertexCount }
        let sorted = valid.sorted { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
        var offsets = [Int](repeating: 0, count: self.vertexCount + 1)
        var targets: [Int32] = []
        targets.reserveCapacity(sorted.count)
        var previous: (Int, Int)? = nil
        for edge in sorted {
            if let p = previous, p == edge { continue }
            previous = edge
            offsets[edge.0 + 1] += 1
            targets.append(Int32(edge.1))
        }
        for v in 0..<self.vertexCount { offsets[v + 1] += offsets[v] }
        self.offsets = offsets
        self.targets = targets
    }

    /// Number of edges.
    public var edgeCount: Int { targets.count }

    /// Successors of `v` in ascending order.
    /// - Complexity: O(1) to obtain, O(out-degree) to iterate.
    public func successors(of v: Int) -> ArraySlice<Int32> {
        guard v >= 0, v < vertexCount else { return [] }
        return targets[offsets[v]..<offsets[v + 1]]
    }

    /// The reversed graph.
    /// - Complexity: O(V + E log E).
    public func reversed() -> Digraph {
        var edges: [(Int, Int)] = []
        edges.reserveCapacity(edgeCount)
        for v in 0..<vertexCount {
            for t in successors(of: v) { edges.append((Int(t), v)) }
        }
        return Digraph(vertexCount: vertexCount, edges: edges)
    }
}
