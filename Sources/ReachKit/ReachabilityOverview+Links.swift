import NetworkEngine
import ReachCore
import ReachModel

extension OverviewPlan {
    /// Links between drawn groups, sorted by (from, to) group index. One pass over the port
    /// classes: per source group the rows of its classes are OR-ed once and tested against each
    /// destination group's mask, so the cost does not depend on pod pairs.
    /// - Complexity: O(Q × (K²/64 + G × (G + X) × K/64 + E × K/64)) for Q port classes, K classes,
    ///   G pod groups, X external groups and E external atoms.
    func links() -> [ReachabilityOverview.Link] { links(portClassPairs()) }

    /// The links as `from × groups.count + to` → port classes allowed (see ``links()``).
    /// - Complexity: that of ``links()``.
    func portClassPairs() -> [Int: BitSet] {
        let k = reach.classes.count
        let q = reach.portClassCount
        var podMasks = Array(repeating: BitSet(capacity: k), count: podGroups)
        for c in 0..<k { podMasks[groupOfClass[c]].insert(c) }
        let externalGroups = groups.count - podGroups
        var extMasks = Array(repeating: BitSet(capacity: reach.ipAtoms.atoms.count), count: externalGroups)
        for (e, g) in groupOfAtom.enumerated() { if let g { extMasks[g - podGroups].insert(e) } }
        var classesOfGroup = Array(repeating: [Int](), count: podGroups)
        for c in 0..<k { classesOfGroup[groupOfClass[c]].append(c) }

        var pairs: [Int: BitSet] = [:]  // from * groups.count + to → port classes
        func mark(_ from: Int, _ to: Int, _ portClass: Int) {
            pairs[from * groups.count + to, default: BitSet(capacity: q)].insert(portClass)
        }
        reach.forEachPortClass { portClass, m in
            for ga in 0..<podGroups {
                var out = BitSet(capacity: k)
                var toExt = BitSet(capacity: reach.ipAtoms.atoms.count)
                for c in classesOfGroup[ga] {
                    out.formUnion(m.reach.rowSet(c))
                    toExt.formUnion(m.toExternal.rowSet(c))
                }
                for gb in 0..<podGroups where out.intersects(podMasks[gb]) {
                    if gb != ga || withinGroup(ga, classesOfGroup[ga], podMasks[ga], m) { mark(ga, gb, portClass) }
                }
                for x in 0..<externalGroups where toExt.intersects(extMasks[x]) { mark(ga, podGroups + x, portClass) }
            }
            for x in 0..<externalGroups {
                var inbound = BitSet(capacity: k)
                extMasks[x].forEachMember { inbound.formUnion(m.fromExternal.rowSet($0)) }
                for gb in 0..<podGroups where inbound.intersects(podMasks[gb]) { mark(podGroups + x, gb, portClass) }
            }
        }
        return pairs
    }

    /// The links of this plan from those of a finer plan of the same reach, without touching
    /// the port-class matrices: every group of `fine` lies inside one group of this plan (smaller
    /// budgets only merge), so a link between two groups is the union of the fine links between
    /// their parts. A fine link between two *different* fine groups joins different pods, so it
    /// stays even when both parts fall into one group; a fine group's own link already obeys the
    /// different-pods rule.
    /// - Complexity: O(L × Q/64) for L fine links and Q port classes.
    func portClassPairs(coarsening finePairs: [Int: BitSet], of fine: OverviewPlan) -> [Int: BitSet] {
        var firstClass = Array(repeating: -1, count: fine.podGroups)
        for c in 0..<reach.classes.count where firstClass[fine.groupOfClass[c]] < 0 { firstClass[fine.groupOfClass[c]] = c }
        func coarse(_ g: Int) -> Int {
            g < fine.podGroups ? groupOfClass[firstClass[g]] : podGroups + (g - fine.podGroups)
        }
        var out: [Int: BitSet] = [:]
        for key in finePairs.keys.sorted() {
            guard let set = finePairs[key] else { continue }
            let merged = coarse(key / fine.groups.count) * groups.count + coarse(key % fine.groups.count)
            if var existing = out[merged] { existing.formUnion(set); out[merged] = existing } else { out[merged] = set }
        }
        return out
    }

    /// Link values (port ranges) of `pairs`, sorted by (from, to).
    /// - Complexity: O(P × A) for P pairs and A port atoms.
    func links(_ pairs: [Int: BitSet]) -> [ReachabilityOverview.Link] {
        pairs.keys.sorted().compactMap { key in
            guard let set = pairs[key] else { return nil }
            var conn = ConnectionSet()
            for (a, atom) in reach.portAtoms.atoms.enumerated() where set.contains(reach.portClassOfAtom[a]) {
                conn.add(atom.protocolName, atom.lower...atom.upper)
            }
            return ReachabilityOverview.Link(from: key / groups.count, to: key % groups.count, connections: conn)
        }
    }

    /// Whether two *different* pods of a group may talk (a singleton class's diagonal bit is
    /// self traffic, which is always allowed and not drawn).
    func withinGroup(_ g: Int, _ classes: [Int], _ mask: BitSet, _ m: PortClassReach) -> Bool {
        for c in classes {
            var row = m.reach.rowSet(c)
            if reach.classes.members[c].count < 2 { row.remove(c) }
            if row.intersects(mask) { return true }
        }
        return false
    }
}
