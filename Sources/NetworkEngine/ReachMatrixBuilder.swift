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

    /// - Complexity: O(Σ selected classes × width / 64 + classes × width / 64) per port class,
    ///   plus the transpose O(classes × width / 64 + set bits).
    func build(atom a: Int) -> PortClassReach {
        let ing = direction(ingress, atom: a, perRowNamed: true)
        let egr = direction(egress, atom: a, perRowNamed: false)
        let ingT = ing.transposed()
        var reach = BitMatrix(rows: classCount, columns: classCount)
        var toExternal = BitMatrix(rows: classCount, columns: externalCount)
        var fromExternal = BitMatrix(rows: externalCount, columns: classCount)
        for s in 0..<classCount {
            var row = egr.row(s)
            for e in 0..<externalCount where row.contains(classCount + e) { toExternal[s, e] = true }
            row.formIntersection(ingT.row(s))
            reach.setRow(s, to: row)
        }
        for e in 0..<externalCount { fromExternal.setRow(e, to: ingT.row(classCount + e)) }
        return PortClassReach(reach: reach, toExternal: toExternal, fromExternal: fromExternal)
    }

    /// Rows = own classes, columns = peers (classes, then external atoms). Rows of classes no
    /// policy isolates in this direction are full. Ingress resolves named ports on the row (the
    /// destination), egress on the column.
    func direction(_ dirs: [CompiledDirection], atom a: Int, perRowNamed: Bool) -> BitMatrix {
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
        let full = BitSet.full(capacity: width)
        for c in 0..<classCount where !isolated.contains(c) { m.setRow(c, to: full) }
        return m
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
