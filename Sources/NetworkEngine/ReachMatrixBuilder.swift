import ReachCore
import ReachModel

/// Class-level reachability for one port class (a group of port atoms on which every rule agrees).
public struct PortClassReach: Sendable {
    /// `reach[s, d]`: some pod of class `s` may connect to another pod of class `d` (self traffic is per pod).
    public var reach: BitMatrix
    /// `toExternal[s, e]`: class `s` may connect to external atom `e`.
    public var toExternal: BitMatrix
    /// `fromExternal[e, d]`: external atom `e` may connect to class `d`.
    public var fromExternal: BitMatrix
}

/// Builds ingress and egress matrices per port class and combines them: `egress ∧ ingressᵀ`.
struct ReachMatrixBuilder {
    let classCount: Int
    let externalCount: Int
    let ingress: [CompiledDirection]
    let egress: [CompiledDirection]
    /// Named port → atom → classes whose representative resolves the name into that atom.
    let namedMask: [NamedPortRef: [Int: BitSet]]
    var width: Int { classCount + externalCount }

    /// `R = egress ∧ ingressᵀ`, transposing only the rows of ingress-isolated classes (a
    /// non-isolated destination admits every source, so its column is all ones).
    /// - Complexity: O((Σ selected classes + K) × W / 64 + bits in isolated ingress rows) per port
    ///   class, W = K + external atoms.
    func build(atom a: Int) -> PortClassReach {
        let (ing, ingIsolated) = direction(ingress, atom: a, perRowNamed: true)
        let (egr, egrIsolated) = direction(egress, atom: a, perRowNamed: false)
        // ingT[s, d] for isolated d only; open[d] for every non-isolated d.
        var ingT = BitMatrix(rows: width, columns: classCount)
        ingIsolated.forEachMember { d in ing.row(d).forEachMember { s in ingT[s, d] = true } }
        var open = BitSet.full(capacity: classCount)
        open.subtract(ingIsolated)
        var reach = BitMatrix(rows: classCount, columns: classCount)
        var toExternal = BitMatrix(rows: classCount, columns: externalCount)
        var fromExternal = BitMatrix(rows: externalCount, columns: classCount)
        for s in 0..<classCount {
            var admitted = ingT.row(s)
            admitted.formUnion(open)
            if egrIsolated.contains(s) {
                let row = egr.row(s)
                for e in 0..<externalCount where row.contains(classCount + e) { toExternal[s, e] = true }
                admitted.formIntersection(row)
            } else {
                for e in 0..<externalCount { toExternal[s, e] = true }
            }
            reach.setRow(s, to: admitted)
        }
        for e in 0..<externalCount {
            var row = ingT.row(classCount + e)
            row.formUnion(open)
            fromExternal.setRow(e, to: row)
        }
        return PortClassReach(reach: reach, toExternal: toExternal, fromExternal: fromExternal)
    }

    /// Rows = own classes, columns = peers (classes, then external atoms), filled for the classes
    /// some policy isolates in this direction (returned as the second value; other rows stay
    /// empty and mean "everything"). Ingress resolves named ports on the row (the destination),
    /// egress on the column.
    func direction(_ dirs: [CompiledDirection], atom a: Int, perRowNamed: Bool) -> (BitMatrix, BitSet) {
        var m = BitMatrix(rows: classCount, columns: width)
        var isolated = BitSet(capacity: classCount)
        for dir in dirs {
            isolated.formUnion(dir.selected)
            var union = BitSet(capacity: width)
            var namedRules: [(NamedPortRef, BitSet)] = []
            for rule in dir.rules {
                if rule.allPorts || rule.numericAtoms.contains(a) {
                    union.formUnion(rule.peers)
                    continue
                }
                for ref in rule.named {
                    guard let mask = namedMask[ref]?[a] else { continue }
                    if perRowNamed { namedRules.append((ref, rule.peers)) } else { union.formUnion(rule.peers.intersection(mask)) }
                }
            }
            dir.selected.forEachMember { c in
                m.formUnion(row: c, with: union)
                for (ref, peers) in namedRules where namedMask[ref]?[a]?.contains(c) ?? false { m.formUnion(row: c, with: peers) }
            }
        }
        return (m, isolated)
    }

    /// Named port → atom → classes resolving there.
    static func namedMasks(classes: EndpointClasses, catalog: EndpointCatalog, refs: [NamedPortRef],
                           portAtoms: PortAtomTable, width: Int) -> [NamedPortRef: [Int: BitSet]] {
        var out: [NamedPortRef: [Int: BitSet]] = [:]
        for ref in refs {
            var perAtom: [Int: BitSet] = [:]
            for c in 0..<classes.count {
                for n in catalog.endpoints[classes.representative(c)].namedPort(ref.name, ref.protocolName) {
                    guard let a = portAtoms.atom(ref.protocolName, n) else { continue }
                    perAtom[a, default: BitSet(capacity: width)].insert(c)
                }
            }
            out[ref] = perAtom
        }
        return out
    }
}
