import NetworkEngine
import ReachCore
import ReachModel

/// One joint port class whose joint-class matrix changed: KJ × KJ bits gained and lost.
struct ChangedPortClass {
    var joint: Int
    var before: Int
    var after: Int
    var added: BitMatrix
    var removed: BitMatrix
}

extension JointClasses {
    /// The joint-class changes of every joint port class (only those with a change are kept).
    /// - Complexity: per joint port class, the two sides' expansions (each rebuilt only when its
    ///   side's port class differs from the previous one) and O(KJ²/64) for the XOR.
    func changes(_ before: NetworkReach, _ after: NetworkReach, _ joint: JointPortClasses) -> [ChangedPortClass] {
        let words = BitSet.wordCount(for: count)
        var lastA = -1, lastB = -1, ea: [UInt64] = [], eb: [UInt64] = []
        var out: [ChangedPortClass] = []
        for j in joint.order {
            let (pa, pb) = joint.classes[j]
            if pa != lastA { ea = expandBefore(before.matrix(forPortClass: pa).reach); lastA = pa }
            if pb != lastB { eb = expandAfter(after.matrix(forPortClass: pb).reach); lastB = pb }
            var added = BitMatrix(rows: count, columns: count), removed = added
            var any = false
            added.withWords { ad in
                removed.withWords { rm in
                    for x in 0..<count {
                        let a = Int(classA[x]), b = Int(classB[x])
                        for i in 0..<words {
                            let va = a >= 0 ? ea[a * words + i] : 0, vb = b >= 0 ? eb[b * words + i] : 0
                            ad[x * words + i] = vb & ~va
                            rm[x * words + i] = va & ~vb
                            if va != vb { any = true }
                        }
                    }
                }
            }
            if any { out.append(ChangedPortClass(joint: j, before: pa, after: pb, added: added, removed: removed)) }
        }
        return out
    }
}

/// The changed destinations of one joint class over all changed port classes, with per
/// destination the port classes (bits over the changed list) gained and lost.
struct JointRow {
    var destinations: [Int32] = []
    var added: [UInt64] = []
    var removed: [UInt64] = []

    /// - Complexity: O(T × KJ/64 + destinations × T).
    init(_ x: Int, _ changed: [ChangedPortClass], _ count: Int) {
        let words = BitSet.wordCount(for: count), sw = (changed.count + 63) >> 6
        var any = [UInt64](repeating: 0, count: words)
        for c in changed {
            for i in 0..<words { any[i] |= c.added.words[x * words + i] | c.removed.words[x * words + i] }
        }
        for wi in any.indices {
            var bits = any[wi]
            while bits != 0 {
                let y = wi << 6 | bits.trailingZeroBitCount
                bits &= bits &- 1
                destinations.append(Int32(y))
                var a = [UInt64](repeating: 0, count: sw), r = a
                let word = x * words + (y >> 6), bit: UInt64 = 1 << UInt64(y & 63)
                for (t, c) in changed.enumerated() {
                    if c.added.words[word] & bit != 0 { a[t >> 6] |= 1 << UInt64(t & 63) }
                    if c.removed.words[word] & bit != 0 { r[t >> 6] |= 1 << UInt64(t & 63) }
                }
                added += a
                removed += r
            }
        }
    }
}

/// Expands joint-class changes to peer pairs, source peer by source peer, in output order.
struct PeerChanges {
    let joint: JointPortClasses
    let classes: JointClasses
    let peerCount: Int
    /// Workload level: a peer pair is a candidate when some member pair changed, and is kept when
    /// the any-member-pair answer differs between the sides.
    let verify: Bool
    let before: NetworkReach
    let after: NetworkReach
    /// Distinct connection sets of the changes, numbered by the last ``collect(_:)``.
    private var interner: ConnectionSetInterner
    var sets: [ConnectionSet] { interner.sets }

    init(joint: JointPortClasses, classes: JointClasses, peerCount: Int, verify: Bool, before: NetworkReach, after: NetworkReach) {
        self.joint = joint
        self.classes = classes
        self.peerCount = peerCount
        self.verify = verify
        self.before = before
        self.after = after
        interner = ConnectionSetInterner(joint: joint, changedJoint: [])
    }

    /// - Complexity: once per joint class with changes O(T × KJ/64 + changed joint pairs × T/64)
    ///   (kept: its changed destinations and their signatures), then per source peer O(changed
    ///   member pairs × T/64) for T changed port classes; with `verify`, O(class pairs) for each
    ///   candidate pair whose peers span several joint classes.
    mutating func collect(_ changed: [ChangedPortClass]) -> [ReachDiff.Change] {
        interner = ConnectionSetInterner(joint: joint, changedJoint: changed.map(\.joint))
        guard !changed.isEmpty else { return [] }
        let sw = (changed.count + 63) >> 6
        var addedSig = [UInt64](repeating: 0, count: peerCount * sw), removedSig = addedSig
        var marked = [UInt64](repeating: 0, count: BitSet.wordCount(for: peerCount))
        let matsA = changed.map { before.matrix(forPortClass: $0.before).reach }, matsB = changed.map { after.matrix(forPortClass: $0.after).reach }
        var rows = [JointRow?](repeating: nil, count: classes.count)
        var out: [ReachDiff.Change] = []
        for p in 0..<peerCount {
            for x in classes.classesOfPeer[p] {
                if rows[Int(x)] == nil { rows[Int(x)] = JointRow(Int(x), changed, classes.count) }
                guard let row = rows[Int(x)] else { continue }
                for (k, y) in row.destinations.enumerated() {
                    for q in classes.memberPeers[Int(y)] where Int(q) != p {
                        marked[Int(q) >> 6] |= 1 << UInt64(q & 63)
                        for i in 0..<sw {
                            addedSig[Int(q) * sw + i] |= row.added[k * sw + i]
                            removedSig[Int(q) * sw + i] |= row.removed[k * sw + i]
                        }
                    }
                }
            }
            for wi in marked.indices where marked[wi] != 0 {
                var bits = marked[wi]
                marked[wi] = 0
                while bits != 0 {
                    let q = wi << 6 | bits.trailingZeroBitCount
                    bits &= bits &- 1
                    var a = Array(addedSig[(q * sw)..<(q * sw + sw)]), r = Array(removedSig[(q * sw)..<(q * sw + sw)])
                    for i in 0..<sw { addedSig[q * sw + i] = 0; removedSig[q * sw + i] = 0 }
                    // One joint class per peer: the joint-class answer is the peers' answer.
                    if verify, classes.classesOfPeer[p].count > 1 || classes.classesOfPeer[q].count > 1 {
                        recheck(p, q, &a, &r, matsA, matsB)
                    }
                    let added = interner.set(a), removed = interner.set(r)
                    if added >= 0 || removed >= 0 { out.append(ReachDiff.Change(source: Int32(p), destination: Int32(q), added: added, removed: removed)) }
                }
            }
        }
        return out
    }

    /// Keeps a marked port class only when the peers' any-member answer differs between the sides.
    private func recheck(_ p: Int, _ q: Int, _ a: inout [UInt64], _ r: inout [UInt64], _ matsA: [BitMatrix], _ matsB: [BitMatrix]) {
        func any(_ m: BitMatrix, _ xs: [Int32], _ ys: [Int32]) -> Bool {
            for x in xs { for y in ys where m[Int(x), Int(y)] { return true } }
            return false
        }
        for ti in 0..<(a.count * 64) where (a[ti >> 6] | r[ti >> 6]) & (1 << UInt64(ti & 63)) != 0 {
            let was = any(matsA[ti], classes.aClassesOfPeer[p], classes.aClassesOfPeer[q])
            let now = any(matsB[ti], classes.bClassesOfPeer[p], classes.bClassesOfPeer[q])
            let bit: UInt64 = 1 << UInt64(ti & 63)
            if now && !was { a[ti >> 6] |= bit } else { a[ti >> 6] &= ~bit }
            if was && !now { r[ti >> 6] |= bit } else { r[ti >> 6] &= ~bit }
        }
    }

}
