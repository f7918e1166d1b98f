import NetworkEngine
import ReachCore

/// Expands the external changes of joint classes to peers, peer by peer, and merges adjacent joint
/// atoms with the same change into ranges.
struct ExternalExpansion {
    let changed: [ExternalChangedPortClass]
    let classes: JointClasses
    let atoms: JointExternalAtoms
    let joint: JointPortClasses
    /// Workload level: a peer spanning several joint classes is re-checked with the any-pod rule.
    let verify: Bool
    private var interner: ConnectionSetInterner
    /// Distinct connection sets of the changes (``ConnectionSetInterner``).
    var sets: [ConnectionSet] { interner.sets }
    /// Per joint class (computed on first use): its changed (direction, joint atom) keys, with the
    /// changed port classes as bit signatures (`sw` words each, flat).
    private var rows: [JointExternalRow?]
    /// Signature words (one bit per changed port class).
    let sw: Int

    init(changed: [ExternalChangedPortClass], classes: JointClasses, atoms: JointExternalAtoms, joint: JointPortClasses, verify: Bool) {
        self.changed = changed
        self.classes = classes
        self.atoms = atoms
        self.joint = joint
        self.verify = verify
        interner = ConnectionSetInterner(joint: joint, changedJoint: changed.map(\.joint))
        sw = max(1, (changed.count + 63) >> 6)
        rows = [JointExternalRow?](repeating: nil, count: changed.isEmpty ? 0 : classes.count)
    }

    /// Key of (direction, joint atom).
    func key(_ d: ExternalReachDiff.Direction, _ y: Int) -> Int { (d == .egress ? 0 : atoms.count) + y }

    /// The changes of every peer, egress rows first.
    /// - Complexity: once per joint class with a peer, ``JointExternalRow/init(_:_:_:sw:)``; per
    ///   peer O(joint classes of the peer × changed keys × T/64), plus the any-pod re-check.
    mutating func collect(peerCount: Int) -> [ExternalReachDiff.Change] {
        guard !changed.isEmpty else { return [] }
        var egress: [ExternalReachDiff.Change] = [], ingress: [ExternalReachDiff.Change] = []
        var added = [UInt64](repeating: 0, count: 2 * atoms.count * sw), removed = added
        var touched = Set<Int>()
        for p in 0..<peerCount {
            let xs = classes.classesOfPeer[p]
            for x in xs {
                if rows[Int(x)] == nil { rows[Int(x)] = JointExternalRow(Int(x), changed, classes, atoms, sw: sw) }
                guard let row = rows[Int(x)] else { continue }
                for (i, k) in row.keys.enumerated() {
                    touched.insert(k)
                    for w in 0..<sw {
                        added[k * sw + w] |= row.added[i * sw + w]
                        removed[k * sw + w] |= row.removed[i * sw + w]
                    }
                }
            }
            guard !touched.isEmpty else { continue }
            let keys = touched.sorted()
            touched.removeAll(keepingCapacity: true)
            var out: [(key: Int, added: Int32, removed: Int32)] = []
            for k in keys {
                var a = Array(added[(k * sw)..<(k * sw + sw)]), r = Array(removed[(k * sw)..<(k * sw + sw)])
                for w in 0..<sw { added[k * sw + w] = 0; removed[k * sw + w] = 0 }
                if verify, xs.count > 1 { recheck(p, k, &a, &r) }
                let sa = interner.set(a), sr = interner.set(r)
                if sa >= 0 || sr >= 0 { out.append((k, sa, sr)) }
            }
            merge(p, out, egress: &egress, ingress: &ingress)
        }
        return egress + ingress
    }

    /// Merges consecutive joint atoms of one direction and family with the same change.
    private func merge(_ p: Int, _ out: [(key: Int, added: Int32, removed: Int32)],
                       egress: inout [ExternalReachDiff.Change], ingress: inout [ExternalReachDiff.Change]) {
        var i = 0
        while i < out.count {
            let direction: ExternalReachDiff.Direction = out[i].key < atoms.count ? .egress : .ingress
            let y0 = out[i].key - (direction == .egress ? 0 : atoms.count)
            var end = i
            while end + 1 < out.count, out[end + 1].key == out[end].key + 1, out[end + 1].key != atoms.count,
                  out[end + 1].added == out[i].added, out[end + 1].removed == out[i].removed,
                  atoms.ranges[y0 + end + 1 - i].family == atoms.ranges[y0].family {
                end += 1
            }
            let first = atoms.ranges[y0], last = atoms.ranges[y0 + end - i]
            let change = ExternalReachDiff.Change(direction: direction, peer: Int32(p),
                                                  range: .init(family: first.family, first: first.first, last: last.last),
                                                  added: out[i].added, removed: out[i].removed)
            if direction == .egress { egress.append(change) } else { ingress.append(change) }
            i = end + 1
        }
    }

    /// Keeps a marked port class only when the peer's any-member answer differs between the sides.
    /// - Complexity: O(T × (the peer's before + after classes)).
    private func recheck(_ p: Int, _ k: Int, _ a: inout [UInt64], _ r: inout [UInt64]) {
        let direction: ExternalReachDiff.Direction = k < atoms.count ? .egress : .ingress
        let y = k - (direction == .egress ? 0 : atoms.count)
        for t in changed.indices where (a[t >> 6] | r[t >> 6]) & (1 << UInt64(t & 63)) != 0 {
            let was = classes.aClassesOfPeer[p].contains { changed[t].before.contains(direction, Int($0), y) }
            let now = classes.bClassesOfPeer[p].contains { changed[t].after.contains(direction, Int($0), y) }
            let bit: UInt64 = 1 << UInt64(t & 63)
            if now && !was { a[t >> 6] |= bit } else { a[t >> 6] &= ~bit }
            if was && !now { r[t >> 6] |= bit } else { r[t >> 6] &= ~bit }
        }
    }

}

/// The changed (direction, joint atom) keys of one joint class, with per key the changed port
/// classes gained and lost (bit signatures over the changed list).
struct JointExternalRow {
    var keys: [Int] = []
    var added: [UInt64] = []
    var removed: [UInt64] = []

    /// - Complexity: O(T × EJ/64 + changed keys × T/64).
    init(_ x: Int, _ changed: [ExternalChangedPortClass], _ classes: JointClasses, _ atoms: JointExternalAtoms, sw: Int) {
        let e = atoms.count, ca = Int(classes.classA[x]), cb = Int(classes.classB[x])
        var a = [UInt64](repeating: 0, count: 2 * e * sw), r = a
        var any = false
        for (t, c) in changed.enumerated() {
            let w = c.before.words, bit: UInt64 = 1 << UInt64(t & 63)
            for (d, direction) in ExternalReachDiff.Direction.allCases.enumerated() {
                let rowA = direction == .egress ? c.before.egress : c.before.ingress
                let rowB = direction == .egress ? c.after.egress : c.after.ingress
                for i in 0..<w {
                    let va = ca >= 0 ? rowA[ca * w + i] : 0, vb = cb >= 0 ? rowB[cb * w + i] : 0
                    for (bits, target) in [(vb & ~va, 0), (va & ~vb, 1)] where bits != 0 {
                        any = true
                        var b = bits
                        while b != 0 {
                            let y = i << 6 | b.trailingZeroBitCount
                            b &= b &- 1
                            let slot = (d * e + y) * sw + (t >> 6)
                            if target == 0 { a[slot] |= bit } else { r[slot] |= bit }
                        }
                    }
                }
            }
        }
        guard any else { return }
        for k in 0..<(2 * e) {
            let range = (k * sw)..<(k * sw + sw)
            guard a[range].contains(where: { $0 != 0 }) || r[range].contains(where: { $0 != 0 }) else { continue }
            keys.append(k)
            added += a[range]
            removed += r[range]
        }
    }
}
