import ReachCore
import ReachModel

/// Endpoint numberings for output in code-point order without sorting strings per pair.
///
/// The pair contract (interfaces.md) sorts `"src->dst"` strings by code point. Comparing two such
/// strings is comparing `src + "->"` first and then `dst`, as long as no display name contains
/// `->` (Kubernetes names cannot; a hostile name can, and then ``isPairOrderExact`` is false and
/// callers fall back to sorting strings). So sources are numbered by `displayName + "->"` and
/// destinations by `displayName`.
public struct EndpointOrder: Sendable {
    /// Endpoint indices by display name, code-point order (destination order).
    public let byName: [Int]
    /// Position of each endpoint in ``byName``.
    public let rank: [Int]
    /// Endpoint indices by `displayName + "->"`, code-point order (source order of pair strings).
    public let bySourceKey: [Int]
    /// False when some display name contains `->`, so that the numbering does not give the order
    /// of pair strings.
    public let isPairOrderExact: Bool

    /// - Complexity: O(N log N) string comparisons for N endpoints.
    public init(_ endpoints: [NetworkEndpoint]) {
        let names = endpoints.map { Array($0.displayName.utf8) }
        byName = names.indices.sorted { names[$0].lexicographicallyPrecedes(names[$1]) }
        var rank = Array(repeating: 0, count: names.count)
        for (r, e) in byName.enumerated() { rank[e] = r }
        self.rank = rank
        let keys = names.map { $0 + Array("->".utf8) }
        bySourceKey = keys.indices.sorted { keys[$0].lexicographicallyPrecedes(keys[$1]) }
        isPairOrderExact = !endpoints.contains { $0.displayName.contains("->") }
    }
}

extension NetworkReach {
    /// The endpoints a filter keeps (`nil` filter: all).
    /// - Complexity: O(N × filter cost).
    public func selection(_ filter: EndpointFilter?) -> BitSet {
        guard let filter else { return BitSet.full(capacity: endpoints.count) }
        return BitSet(capacity: endpoints.count, members: endpoints.indices.filter { filter.matches(endpoints[$0]) })
    }

    /// Calls `body(src, dst)` for every allowed endpoint pair for `probe` with `src` in `sources`
    /// and `dst` in `destinations`, self pairs included, in the order of the pair strings
    /// (`order.bySourceKey` for sources, then `order.byName` for destinations), straight from the
    /// class matrix: no strings, no sort.
    ///
    /// Per source, the destinations are the members of the classes in its class row (plus itself),
    /// marked in a bitset over destination ranks and read back in rank order; consecutive sources
    /// of the same class reuse the marks.
    /// - Complexity: O(K²/64) for the port class's matrix (cached) plus, per source whose class
    ///   differs from the previous source's, O(N/64 + members of the classes in its row); in all
    ///   O(N²/64 + P) for P allowed pairs. Memory O(N/8) besides the matrix.
    public func forEachSortedPair(_ probe: ProbePort, order: EndpointOrder, sources: BitSet, destinations: BitSet,
                                  _ body: (Int, Int) -> Void) {
        guard let a = portAtoms.atom(for: probe) else { return }
        let m = store.matrix(portClassOfAtom[a]).reach
        let n = endpoints.count
        // Destination ranks allowed by the filter, and each class's members as ranks.
        var allowedRanks = BitSet(capacity: n)
        destinations.forEachMember { allowedRanks.insert(order.rank[$0]) }
        let memberRanks: [[Int]] = classes.members.map { $0.map { order.rank[$0] } }
        var marks = BitSet(capacity: n)
        var marked = -1
        for src in order.bySourceKey where sources.contains(src) {
            let c = classes.classOf[src]
            if c != marked {
                marks.removeAll()
                m.rowSet(c).forEachMember { d in
                    for r in memberRanks[d] { marks.insert(r) }
                }
                marks.formIntersection(allowedRanks)
                marked = c
            }
            let selfRank = order.rank[src]
            let addSelf = !marks.contains(selfRank) && allowedRanks.contains(selfRank)
            if addSelf { marks.insert(selfRank) }
            marks.forEachMember { body(src, order.byName[$0]) }
            if addSelf { marks.remove(selfRank) }
        }
    }
}
