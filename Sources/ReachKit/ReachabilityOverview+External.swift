import NetworkEngine
import ReachCore
import ReachModel

extension OverviewPlan {
    /// External address atoms with any traffic become nodes. Atoms that every class treats
    /// alike (same classes reached and reaching, on the same port classes) share a node: without
    /// ipBlocks that is "anywhere" (0.0.0.0/0 and ::/0 together). Beyond `budget` nodes the rest
    /// share one "other external ranges" node.
    /// - Complexity: O(Q × (K × E / 64 + set bits)) for Q port classes, K classes, E atoms.
    mutating func addExternalGroups(budget: Int) {
        let atoms = reach.ipAtoms.atoms
        var signature = Array(repeating: [UInt64](), count: atoms.count)
        reach.forEachPortClass { _, m in
            let reachedFrom = m.toExternal.transposed()
            for e in atoms.indices {
                signature[e] += m.fromExternal.rowSet(e).words
                signature[e] += reachedFrom.rowSet(e).words
            }
        }
        var index: [[UInt64]: Int] = [:]
        var merged: [[Int]] = []
        for e in atoms.indices where signature[e].contains(where: { $0 != 0 }) {
            if let i = index[signature[e]] { merged[i].append(e) } else {
                index[signature[e]] = merged.count
                merged.append([e])
            }
        }
        let shown = merged.count <= budget ? merged : Array(merged.prefix(max(budget - 1, 0)))
        for list in shown {
            let names = list.map { Self.rangeName(atoms[$0]) }
            for e in list { groupOfAtom[e] = groups.count }
            groups.append(.init(id: "ext:" + names.joined(separator: ", "), kind: .external, namespace: nil, label: Self.label(names),
                                podCount: 0, classCount: 0, ingressIsolated: false, egressIsolated: false))
        }
        let rest = merged.dropFirst(shown.count).flatMap { $0 }
        if rest.isEmpty { return }
        aggregatedExternal = rest.count
        for e in rest { groupOfAtom[e] = groups.count }
        groups.append(.init(id: "ext:other", kind: .external, namespace: nil, label: "\(rest.count) other external ranges",
                            podCount: 0, classCount: 0, ingressIsolated: false, egressIsolated: false))
    }

    /// The external groups of `other` (a plan of the same reach, built with the same external
    /// budget), appended after this plan's pod groups: they do not depend on the pod budget.
    /// - Complexity: O(E + X) for E atoms and X external groups.
    mutating func adoptExternalGroups(from other: OverviewPlan) {
        let offset = groups.count - other.podGroups
        groups += other.groups[other.podGroups...]
        groupOfAtom = other.groupOfAtom.map { $0.map { $0 + offset } }
        aggregatedExternal = other.aggregatedExternal
    }

    /// `10.0.0.0/16` when the atom is exactly one CIDR block, else `first-last`.
    static func rangeName(_ atom: IPAtom) -> String {
        let span = atom.last &- atom.first
        let bits = atom.family == .v4 ? 32 : 128
        guard span & (span &+ 1) == 0, atom.first & span == 0 else { return atom.description }
        return "\(IPAddress(family: atom.family, value: atom.first))/\(bits - span.nonzeroBitCount)"
    }

    /// Up to four ranges, one per line (`anywhere` for the whole IPv4 and IPv6 spaces).
    static func label(_ names: [String]) -> String {
        if names == ["0.0.0.0/0", "::/0"] { return "anywhere\n0.0.0.0/0, ::/0" }
        return names.prefix(4).joined(separator: "\n") + (names.count > 4 ? "\n… +\(names.count - 4) more" : "")
    }
}
