import NetworkEngine
import ReachCore
import ReachModel

/// One side's peer × peer matrices, built from its class matrices (the last one kept).
struct PeerMatrices {
    let reach: NetworkReach
    let peerOf: [Int32]
    let peerCount: Int
    /// Per class, the distinct peers of its members.
    let peersOfClass: [[Int32]]
    private var last: (portClass: Int, matrix: BitMatrix)?

    init(reach: NetworkReach, peerOf: [Int32], peerCount: Int) {
        self.reach = reach
        self.peerOf = peerOf
        self.peerCount = peerCount
        peersOfClass = reach.classes.members.map { members in
            let list = members.map { peerOf[$0] }
            return list.count > 1 ? Array(Set(list)).sorted() : list
        }
    }

    /// Peer `p` reaches peer `q` (p ≠ q) when some endpoint of `p` reaches some endpoint of `q`
    /// under port class `portClass`.
    /// - Complexity: O(1) when `portClass` is the previous call's, else O(K × (K/64 + N) + N × P/64)
    ///   for K classes, N endpoints and P peers.
    mutating func matrix(_ portClass: Int) -> BitMatrix {
        if let last, last.portClass == portClass { return last.matrix }
        let classMatrix = reach.matrix(forPortClass: portClass).reach
        let p = peerCount, words = BitSet.wordCount(for: p)
        var out = BitMatrix(rows: p, columns: p)
        var row = [UInt64](repeating: 0, count: words)
        let members = reach.classes.members
        out.withWords { w in
            for c in members.indices {
                for i in row.indices { row[i] = 0 }
                classMatrix.rowSet(c).forEachMember { d in
                    for q in peersOfClass[d] { row[Int(q) >> 6] |= 1 << UInt64(q & 63) }
                }
                for e in members[c] {
                    let base = Int(peerOf[e]) * words
                    for i in row.indices { w[base + i] |= row[i] }
                }
            }
            for q in 0..<p { w[q * words + (q >> 6)] &= ~(1 << UInt64(q & 63)) }
        }
        last = (portClass, out)
        return out
    }
}

/// Turns the changed joint classes' matrices into sorted change rows with connection sets.
struct ChangeRows {
    let joint: JointPortClasses
    let count: Int
    private(set) var sets: [ConnectionSet] = []
    private var cache: [[UInt64]: Int32] = [:]

    init(joint: JointPortClasses, count: Int) {
        self.joint = joint
        self.count = count
    }

    /// - Complexity: O(T × P²/64 + changes × T/64) for T changed joint classes and P peers, plus
    ///   O(common atoms) per distinct signature.
    mutating func collect(_ changed: [(joint: Int, added: BitMatrix?, removed: BitMatrix?)]) -> [ReachDiff.Change] {
        guard !changed.isEmpty else { return [] }
        let words = BitSet.wordCount(for: count), sigWords = (changed.count + 63) >> 6
        var out: [ReachDiff.Change] = []
        var any = [UInt64](repeating: 0, count: words)
        var addedSig = [UInt64](repeating: 0, count: sigWords), removedSig = addedSig
        for s in 0..<count {
            for i in any.indices { any[i] = 0 }
            for c in changed {
                for m in [c.added, c.removed].compactMap({ $0 }) {
                    for i in 0..<words { any[i] |= m.words[s * words + i] }
                }
            }
            for wi in any.indices {
                var x = any[wi]
                while x != 0 {
                    let d = wi << 6 | x.trailingZeroBitCount
                    x &= x &- 1
                    for i in addedSig.indices { addedSig[i] = 0; removedSig[i] = 0 }
                    let bit: UInt64 = 1 << UInt64(d & 63), word = s * words + (d >> 6)
                    for (t, c) in changed.enumerated() {
                        if let m = c.added, m.words[word] & bit != 0 { addedSig[t >> 6] |= 1 << UInt64(t & 63) }
                        if let m = c.removed, m.words[word] & bit != 0 { removedSig[t >> 6] |= 1 << UInt64(t & 63) }
                    }
                    out.append(ReachDiff.Change(source: Int32(s), destination: Int32(d),
                                                added: set(addedSig, changed), removed: set(removedSig, changed)))
                }
            }
        }
        return out
    }

    /// The connection set of the joint classes in `signature` (bits over `changed`), `-1` if none.
    private mutating func set(_ signature: [UInt64], _ changed: [(joint: Int, added: BitMatrix?, removed: BitMatrix?)]) -> Int32 {
        if signature.allSatisfy({ $0 == 0 }) { return -1 }
        if let hit = cache[signature] { return hit }
        var inSet = [Bool](repeating: false, count: joint.classes.count)
        for (t, c) in changed.enumerated() where signature[t >> 6] & (1 << UInt64(t & 63)) != 0 { inSet[c.joint] = true }
        var set = ConnectionSet()
        for atom in joint.atoms where inSet[atom.joint] { set.add(atom.protocolName, atom.lower...atom.upper) }
        sets.append(set)
        let index = Int32(sets.count - 1)
        cache[signature] = index
        return index
    }
}
