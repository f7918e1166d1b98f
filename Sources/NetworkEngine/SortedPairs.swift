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
    private let classOf: [Int]
    private let matrix: BitMatrix
    private let rank: [Int]
    private let byName: [Int32]
    /// Destination ranks allowed by the filter, as words.
    private let allowedWords: [UInt64]
    /// Members of each class as destination ranks, flattened: class `c` is
    /// `memberRanks[memberStart[c]..<memberStart[c + 1]]`.
    private let memberRanks: [Int32]
    private let memberStart: [Int]
    /// Marks of the current class's destinations (words over ranks), and their list.
    private var marks: [UInt64]
    private var list: [Int32] = []
    private var listClass = -1

    /// `nil` when the probe matches no port atom (nothing is allowed).
    /// - Complexity: O(K²/64) for the port class's matrix (cached) plus O(N).
    public init?(_ reach: NetworkReach, probe: ProbePort, order: EndpointOrder, sources: BitSet, destinations: BitSet) {
        guard let a = reach.portAtoms.atom(for: probe) else { return nil }
        let n = reach.endpoints.count
        classOf = reach.classes.classOf
        rank = order.rank
        byName = order.byName.map { Int32($0) }
        matrix = reach.matrix(forPortClass: reach.portClassOfAtom[a]).reach
        var allowed = [UInt64](repeating: 0, count: BitSet.wordCount(for: n))
        destinations.forEachMember { e in let r = order.rank[e]; allowed[r >> 6] |= 1 << UInt64(r & 63) }
        allowedWords = allowed
        var ranks: [Int32] = [], starts: [Int] = [0]
        ranks.reserveCapacity(n)
        for members in reach.classes.members {
            for e in members { ranks.append(Int32(order.rank[e])) }
            starts.append(ranks.count)
        }
        memberRanks = ranks
        memberStart = starts
        marks = [UInt64](repeating: 0, count: allowed.count)
        self.sources = order.bySourceKey.filter { sources.contains($0) }
    }

    /// The destinations of `src` (endpoint indices, name order) and, when `src` itself is allowed
    /// as a destination but not in the list, the position where it goes (else `nil`).
    /// - Complexity: O(1) when `src`'s class is the previous call's, else O(N/64 + members of the
    ///   classes in its row), on raw words (this is the inner loop of `reach -o json`).
    public mutating func destinations(of src: Int) -> (list: [Int32], insertSelfAt: Int?) {
        let c = classOf[src]
        if c != listClass {
            listClass = c
            let row = matrix.rowSet(c)
            list.removeAll(keepingCapacity: true)
            marks.withUnsafeMutableBufferPointer { w in
                for i in w.indices { w[i] = 0 }
                memberRanks.withUnsafeBufferPointer { ranks in
                    row.forEachMember { d in
                        for i in memberStart[d]..<memberStart[d + 1] {
                            let r = Int(ranks[i])
                            w[r >> 6] |= 1 << UInt64(r & 63)
                        }
                    }
                }
                allowedWords.withUnsafeBufferPointer { a in
                    for i in w.indices { w[i] &= a[i] }
                }
                byName.withUnsafeBufferPointer { names in
                    for wi in w.indices {
                        var x = w[wi]
                        while x != 0 {
                            list.append(names[wi << 6 | x.trailingZeroBitCount])
                            x &= x &- 1
                        }
                    }
                }
            }
        }
        let selfRank = rank[src]
        let word = selfRank >> 6, bit: UInt64 = 1 << UInt64(selfRank & 63)
        guard allowedWords[word] & bit != 0, marks[word] & bit == 0 else { return (list, nil) }
        // Position of the first destination ranked after the source.
        var lo = 0, hi = list.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if rank[Int(list[mid])] < selfRank { lo = mid + 1 } else { hi = mid }
        }
        return (list, lo)
    }
}
