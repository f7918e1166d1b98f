import NetworkEngine
import ReachCore

/// The common refinement of the two sides' external address atoms (``NetworkEngine/IPAtomTable``):
/// both sides' tables cover the whole IPv4 and IPv6 spaces with disjoint intervals, so every
/// *joint atom* — a non-empty intersection of a before atom and an after atom — lies in exactly one
/// atom of each side, and both sides' answers are constant on it. Joint atoms are in address order
/// (IPv4 first), so consecutive joint atoms of one family are adjacent intervals.
struct JointExternalAtoms {
    /// Joint atom → its interval.
    let ranges: [ExternalReachDiff.AddressRange]
    /// Joint atom → its atom on each side.
    let atomA: [Int32]
    let atomB: [Int32]

    var count: Int { ranges.count }

    /// - Complexity: O(EA + EB) for the two sides' atom counts (one merge sweep); EJ ≤ EA + EB.
    init(before: IPAtomTable, after: IPAtomTable) {
        let a = before.atoms, b = after.atoms
        var ranges: [ExternalReachDiff.AddressRange] = [], atomA: [Int32] = [], atomB: [Int32] = []
        var i = 0, j = 0
        while i < a.count, j < b.count {
            let x = a[i], y = b[j]
            if x.family != y.family {
                if x.family < y.family { i += 1 } else { j += 1 }
                continue
            }
            let first = max(x.first, y.first), last = min(x.last, y.last)
            if first <= last {
                ranges.append(ExternalReachDiff.AddressRange(family: x.family, first: first, last: last))
                atomA.append(Int32(i))
                atomB.append(Int32(j))
            }
            if x.last < y.last { i += 1 } else if y.last < x.last { j += 1 } else { i += 1; j += 1 }
        }
        self.ranges = ranges
        self.atomA = atomA
        self.atomB = atomB
    }

    /// One side's answer for one port class, per class of that side: the joint atoms it may send
    /// to (`egress`) and receive from (`ingress`), `words` words per class (flat).
    struct SideRows {
        let words: Int
        var egress: [UInt64]
        var ingress: [UInt64]

        /// Whether class `c` (`-1`: absent) allows joint atom `y` in `direction`.
        func contains(_ direction: ExternalReachDiff.Direction, _ c: Int, _ y: Int) -> Bool {
            guard c >= 0 else { return false }
            let w = direction == .egress ? egress : ingress
            return w[c * words + (y >> 6)] >> UInt64(y & 63) & 1 != 0
        }
    }

    /// Maps a side's class-by-atom matrices (`toExternal` K × E, `fromExternal` E × K) onto
    /// joint atoms (`atoms`: that side's atom of each joint atom).
    /// - Complexity: O(K × EJ) bit reads for K classes of the side.
    func rows(_ m: PortClassReach, classes k: Int, atoms: [Int32]) -> SideRows {
        let words = BitSet.wordCount(for: count)
        var out = SideRows(words: words, egress: [UInt64](repeating: 0, count: k * words), ingress: [UInt64](repeating: 0, count: k * words))
        for c in 0..<k {
            for (y, e) in atoms.enumerated() {
                let bit: UInt64 = 1 << UInt64(y & 63)
                if m.toExternal[c, Int(e)] { out.egress[c * words + (y >> 6)] |= bit }
                if m.fromExternal[Int(e), c] { out.ingress[c * words + (y >> 6)] |= bit }
            }
        }
        return out
    }
}

/// One joint port class whose external answer changed for some joint class: both sides' rows.
struct ExternalChangedPortClass {
    var joint: Int
    var before: JointExternalAtoms.SideRows
    var after: JointExternalAtoms.SideRows
}

extension JointClasses {
    /// The joint port classes whose external answers differ between the sides for some joint
    /// class (only those are kept, with both sides' rows).
    /// - Complexity: per distinct before / after port class, ``JointExternalAtoms/rows(_:classes:atoms:)``;
    ///   per joint port class O(KJ × EJ/64) to compare.
    func externalChanges(_ before: NetworkReach, _ after: NetworkReach, _ joint: JointPortClasses,
                         _ atoms: JointExternalAtoms) -> [ExternalChangedPortClass] {
        var cacheA: [Int: JointExternalAtoms.SideRows] = [:], cacheB: [Int: JointExternalAtoms.SideRows] = [:]
        var out: [ExternalChangedPortClass] = []
        for j in joint.order {
            let (pa, pb) = joint.classes[j]
            let ra = cacheA[pa] ?? atoms.rows(before.matrix(forPortClass: pa), classes: before.classes.count, atoms: atoms.atomA)
            let rb = cacheB[pb] ?? atoms.rows(after.matrix(forPortClass: pb), classes: after.classes.count, atoms: atoms.atomB)
            cacheA[pa] = ra
            cacheB[pb] = rb
            if differs(ra, rb) { out.append(ExternalChangedPortClass(joint: j, before: ra, after: rb)) }
        }
        return out.sorted { $0.joint < $1.joint }
    }

    /// Whether some joint class's row differs between the sides.
    /// - Complexity: O(KJ × EJ/64).
    private func differs(_ a: JointExternalAtoms.SideRows, _ b: JointExternalAtoms.SideRows) -> Bool {
        let w = a.words
        for x in 0..<count {
            let ca = Int(classA[x]), cb = Int(classB[x])
            for i in 0..<w {
                let ea = ca >= 0 ? a.egress[ca * w + i] : 0, eb = cb >= 0 ? b.egress[cb * w + i] : 0
                let ia = ca >= 0 ? a.ingress[ca * w + i] : 0, ib = cb >= 0 ? b.ingress[cb * w + i] : 0
                if ea != eb || ia != ib { return true }
            }
        }
        return false
    }
}
