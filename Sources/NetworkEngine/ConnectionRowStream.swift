import ReachCore
import ReachModel

/// A connectivity list (`reach` text, CSV, Markdown) produced row by row in output order, straight
/// from the class matrices: rows are `(source label, destination label, connection set)` indices
/// into ``labels`` and ``connections``, so no row builds a string and nothing is sorted per row.
///
/// Peers are classes of equivalent endpoints (endpoints with `expand`) and external IP atoms,
/// numbered by label in code-point order. For a source peer, the connections to every destination
/// class are the port classes whose matrix allows the pair — a bitmask over port classes (its
/// "signature"), turned into a ``ConnectionSet`` once per distinct signature. The destinations of
/// a source are marked in a bitset over peer ranks and read back in order.
public struct ConnectionRowStream {
    /// Peer labels: class labels (endpoint display names with `expand`), then external atoms.
    public let labels: [String]
    /// Distinct connection sets of the rows (filled while streaming).
    public private(set) var connections: [ConnectionSet] = []

    let reach: NetworkReach
    let options: ConnectionListOptions
    /// Endpoint peers (classes or endpoints) come first; external atom `e` is peer `inner + e`.
    let inner: Int
    let order: [Int]
    let rank: [Int]
    let keepSource: [Bool]
    let keepDestination: [Bool]

    init(reach: NetworkReach, options: ConnectionListOptions) {
        self.reach = reach
        self.options = options
        let endpoints = reach.endpoints, classes = reach.classes
        var labels: [String]
        var keepSource: [Bool], keepDestination: [Bool]
        if options.expand {
            labels = endpoints.map(\.displayName)
            keepSource = endpoints.map { options.from?.matches($0) ?? true }
            keepDestination = endpoints.map { options.to?.matches($0) ?? true }
        } else {
            labels = (0..<classes.count).map { reach.classLabel($0) }
            keepSource = classes.members.map { m in options.from.map { f in m.contains { f.matches(endpoints[$0]) } } ?? true }
            keepDestination = classes.members.map { m in options.to.map { f in m.contains { f.matches(endpoints[$0]) } } ?? true }
        }
        inner = labels.count
        if options.external {
            labels += (0..<reach.ipAtoms.atoms.count).map { reach.externalLabel($0) }
            // Old semantics: rows to external ranges only without --to, from them only without --from.
            keepSource += Array(repeating: options.from == nil, count: labels.count - inner)
            keepDestination += Array(repeating: options.to == nil, count: labels.count - inner)
        }
        self.labels = labels
        self.keepSource = keepSource
        self.keepDestination = keepDestination
        let utf8 = labels.map { Array($0.utf8) }
        order = utf8.indices.sorted { utf8[$0].lexicographicallyPrecedes(utf8[$1]) }
        var rank = Array(repeating: 0, count: labels.count)
        for (r, p) in order.enumerated() { rank[p] = r }
        self.rank = rank
    }

    /// Calls `body(source, destination, connection index, connection set)` for each row in output
    /// order (equal connection sets have equal indices).
    /// - Complexity: O(Q × K²/8) bytes for the Q port-class matrices (built once, cached), then per
    ///   source peer whose class differs from the previous one O(Q × (K + E)/64 + set bits) for the
    ///   signatures and O(L/64 + rows) for the ordered destinations; in all O(L × (Q(K+E) + L)/64
    ///   + rows) for L peers, K classes, E external atoms.
    public mutating func forEach(_ body: (Int, Int, Int, ConnectionSet) -> Void) {
        let reach = self.reach, classes = reach.classes
        var signatures = ClassSignatures(reach: reach, external: options.external)
        let k = signatures.classCount, e = signatures.externalCount, w = signatures.words
        var cache = SignatureCache(reach: reach, probes: options.probes, words: w)
        var connOf = [Int](repeating: -1, count: k + e)
        var marks = BitSet(capacity: labels.count)
        var computedFor = -2  // class index, or -1 - external atom
        for src in order where keepSource[src] {
            let isExternal = src >= inner
            let srcClass = isExternal ? -1 : (options.expand ? classes.classOf[src] : src)
            let key = isExternal ? -1 - (src - inner) : srcClass
            if key != computedFor {
                computedFor = key
                if isExternal { signatures.fill(externalAtom: src - inner) } else { signatures.fill(sourceClass: srcClass) }
                marks.removeAll()
                for d in 0..<(isExternal ? k : k + e) {
                    connOf[d] = signatures.sig.withUnsafeBufferPointer { cache.index(UnsafeBufferPointer(rebasing: $0[(d * w)..<(d * w + w)])) }
                    guard connOf[d] >= 0 else { continue }
                    if d >= k {
                        let peer = inner + (d - k)
                        if keepDestination[peer] { marks.insert(rank[peer]) }
                    } else if options.expand {
                        for b in classes.members[d] where keepDestination[b] { marks.insert(rank[b]) }
                    } else if keepDestination[d], d != srcClass || classes.members[d].count > 1 {
                        marks.insert(rank[d])
                    }
                }
            }
            // An endpoint never lists itself (self traffic is not listed).
            let selfRank = options.expand && !isExternal ? rank[src] : -1
            let hadSelf = selfRank >= 0 && marks.contains(selfRank)
            if hadSelf { marks.remove(selfRank) }
            marks.forEachMember { r in
                let dst = order[r]
                let slot = dst >= inner ? k + (dst - inner) : (options.expand ? classes.classOf[dst] : dst)
                let c = connOf[slot]
                body(src, dst, c, cache.sets[c])
            }
            if hadSelf { marks.insert(selfRank) }
        }
        connections = cache.sets
    }
}

/// Per source (a class or an external atom), the port classes allowing each destination (classes,
/// then external atoms): a bitmask of ``words`` words per destination in ``sig``.
struct ClassSignatures {
    let mats: [PortClassReach]
    let classCount: Int
    let externalCount: Int
    let portClasses: Int
    let words: Int
    var sig: [UInt64]

    /// - Complexity: builds (or reuses) every port class's matrices: Q × K²/8 bytes.
    init(reach: NetworkReach, external: Bool) {
        classCount = reach.classes.count
        externalCount = external ? reach.ipAtoms.atoms.count : 0
        portClasses = reach.portClassCount
        words = max(1, (portClasses + 63) >> 6)
        mats = (0..<portClasses).map { reach.matrix(forPortClass: $0) }
        sig = [UInt64](repeating: 0, count: (classCount + externalCount) * words)
    }

    /// - Complexity: O(Q × (K + E)/64 + set bits).
    mutating func fill(sourceClass c: Int) {
        for i in sig.indices { sig[i] = 0 }
        let w = words, k = classCount
        for p in 0..<portClasses {
            let bit: UInt64 = 1 << UInt64(p & 63), word = p >> 6
            mats[p].reach.rowSet(c).forEachMember { d in sig[d * w + word] |= bit }
            if externalCount > 0 {
                mats[p].toExternal.rowSet(c).forEachMember { x in sig[(k + x) * w + word] |= bit }
            }
        }
    }

    /// Signatures of external atom `x` to every class (the external part stays empty).
    /// - Complexity: O(Q × K/64 + set bits).
    mutating func fill(externalAtom x: Int) {
        for i in sig.indices { sig[i] = 0 }
        let w = words
        for p in 0..<portClasses {
            let bit: UInt64 = 1 << UInt64(p & 63), word = p >> 6
            mats[p].fromExternal.rowSet(x).forEachMember { d in sig[d * w + word] |= bit }
        }
    }

    /// Whether destination `d` has any port class.
    func any(_ d: Int) -> Bool {
        for i in (d * words)..<(d * words + words) where sig[i] != 0 { return true }
        return false
    }
}

/// Distinct port-class signatures → index of their (probe-restricted) connection set; -1 when the
/// set is empty.
struct SignatureCache {
    let reach: NetworkReach
    let probes: [ProbePort]?
    let words: Int
    var sets: [ConnectionSet] = []
    var single: [UInt64: Int] = [:]
    var multi: [[UInt64]: Int] = [:]

    init(reach: NetworkReach, probes: [ProbePort]?, words: Int) {
        self.reach = reach
        self.probes = probes
        self.words = words
    }

    /// - Complexity: O(W) expected when seen before, else O(port atoms).
    mutating func index(_ sig: UnsafeBufferPointer<UInt64>) -> Int {
        if sig.allSatisfy({ $0 == 0 }) { return -1 }
        if words == 1 {
            if let i = single[sig[0]] { return i }
            let i = make(sig)
            single[sig[0]] = i
            return i
        }
        let key = Array(sig)
        if let i = multi[key] { return i }
        let i = make(sig)
        multi[key] = i
        return i
    }

    private mutating func make(_ sig: UnsafeBufferPointer<UInt64>) -> Int {
        var set = ConnectionSet()
        for (a, atom) in reach.portAtoms.atoms.enumerated() {
            let p = reach.portClassOfAtom[a]
            if sig[p >> 6] & (1 << UInt64(p & 63)) != 0 { set.add(atom.protocolName, atom.lower...atom.upper) }
        }
        set = reach.restrict(set, probes)
        if set.isEmpty { return -1 }
        sets.append(set)
        return sets.count - 1
    }
}
