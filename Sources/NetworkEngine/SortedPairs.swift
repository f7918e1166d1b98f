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
    /// - Complexity: see ``SortedPairCursor``; O(N²/64 + P) for P allowed pairs.
    public func forEachSortedPair(_ probe: ProbePort, order: EndpointOrder, sources: BitSet, destinations: BitSet,
                                  _ body: (Int, Int) -> Void) {
        guard var cursor = SortedPairCursor(self, probe: probe, order: order, sources: sources, destinations: destinations) else { return }
        for src in cursor.sources {
            let (list, insertSelf) = cursor.destinations(of: src)
            for (i, d) in list.enumerated() {
                if i == insertSelf { body(src, src) }
                body(src, Int(d))
            }
            if insertSelf == list.count { body(src, src) }
        }
    }
}

/// The allowed pairs of one probe, source by source in pair-string order, each source's
/// destinations as a list of endpoint indices in name order. Sources of the same class share the
/// list (self traffic is the one difference: ``destinations(of:)`` says where the source itself
/// goes when its own class is not in its row). A cursor is a value: parallel writers each take a
/// copy and ask for disjoint runs of sources.
public struct SortedPairCursor: Sendable {
    /// The sources kept by the filter, in pair-string order.
    public let sources: [Int]
    private let reach: NetworkReach
    private let matrix: BitMatrix
    private let order: EndpointOrder
    private let allowedRanks: BitSet
    private let memberRanks: [[Int]]
    private var marks: BitSet
    private var list: [Int32] = []
    private var listClass = -1

    /// `nil` when the probe matches no port atom (nothing is allowed).
    /// - Complexity: O(K²/64) for the port class's matrix (cached) plus O(N).
    public init?(_ reach: NetworkReach, probe: ProbePort, order: EndpointOrder, sources: BitSet, destinations: BitSet) {
        guard let a = reach.portAtoms.atom(for: probe) else { return nil }
        self.reach = reach
        self.order = order
        matrix = reach.matrix(forPortClass: reach.portClassOfAtom[a]).reach
        var allowed = BitSet(capacity: reach.endpoints.count)
        destinations.forEachMember { allowed.insert(order.rank[$0]) }
        allowedRanks = allowed
        memberRanks = reach.classes.members.map { $0.map { order.rank[$0] } }
        marks = BitSet(capacity: reach.endpoints.count)
        self.sources = order.bySourceKey.filter { sources.contains($0) }
    }

    /// The destinations of `src` (endpoint indices, name order) and, when `src` itself is allowed
    /// as a destination but not in the list, the position where it goes (else `nil`).
    /// - Complexity: O(1) when `src`'s class is the previous call's, else O(N/64 + members of the
    ///   classes in its row).
    public mutating func destinations(of src: Int) -> (list: [Int32], insertSelfAt: Int?) {
        let c = reach.classes.classOf[src]
        if c != listClass {
            listClass = c
            marks.removeAll()
            matrix.rowSet(c).forEachMember { d in
                for r in memberRanks[d] { marks.insert(r) }
            }
            marks.formIntersection(allowedRanks)
            list.removeAll(keepingCapacity: true)
            marks.forEachMember { list.append(Int32(order.byName[$0])) }
        }
        let selfRank = order.rank[src]
        guard allowedRanks.contains(selfRank), !marks.contains(selfRank) else { return (list, nil) }
        // Position of the first destination ranked after the source.
        var lo = 0, hi = list.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if order.rank[Int(list[mid])] < selfRank { lo = mid + 1 } else { hi = mid }
        }
        return (list, lo)
    }
}
