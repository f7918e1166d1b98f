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

    /// One direction for one port class: rows for the isolated classes only.
    struct Side {
        var classes: BitMatrix
        var external: BitMatrix
        var isolated: BitSet
    }

    /// `R = egress ∧ ingressᵀ`, transposing only the rows of ingress-isolated classes (a
    /// non-isolated destination admits every source, so its column is all ones).
    /// - Complexity: O((Σ selected classes + K) × (K + E) / 64 + set bits of isolated ingress
    ///   word blocks (64×64 block transpose)) per port class, for K classes and E external atoms.
    func build(atom a: Int, scratch: ReachScratch? = nil) -> PortClassReach {
        let work = scratch ?? ReachScratch(classCount: classCount)
        let ing = side(ingress, atom: a, perRowNamed: true, into: work.takeIngress())
        let egr = side(egress, atom: a, perRowNamed: false, into: work.takeEgress())
        var ingT = work.takeTransposed()
        ing.classes.blockTransposed(keepingRows: ing.isolated, into: &ingT)
        var fromExternal = ing.external.blockTransposed(keepingRows: ing.isolated)
        var open = BitSet.full(capacity: classCount)
        open.subtract(ing.isolated)
        var reach = BitMatrix(rows: classCount, columns: classCount)
        var toExternal = BitMatrix(rows: classCount, columns: externalCount)
        let allExternal = BitSet.full(capacity: externalCount)
        // Row s of R = (ingressᵀ[s] ∪ open) ∩ (egress[s] if s is egress-isolated), word by word
        // on contiguous buffers: no per-row allocation.
        let wpr = reach.wordsPerRow
        reach.withWords { out in
            ingT.withWordsReadOnly { inT in
                egr.classes.withWordsReadOnly { eg in
                    open.words.withUnsafeBufferPointer { op in
                        for s in 0..<classCount {
                            let base = s * wpr
                            if egr.isolated.contains(s) {
                                for w in 0..<wpr { out[base + w] = (inT[base + w] | op[w]) & eg[base + w] }
                            } else {
                                for w in 0..<wpr { out[base + w] = inT[base + w] | op[w] }
                            }
                        }
                    }
                }
            }
        }
        for s in 0..<classCount {
            if egr.isolated.contains(s) {
                toExternal.setRow(s, to: egr.external.rowSet(s))
            } else {
                toExternal.setRow(s, to: allExternal)
            }
        }
        for e in 0..<externalCount { fromExternal.formUnion(row: e, with: open) }
        work.giveBack(ingress: ing.classes, egress: egr.classes, transposed: ingT)
        return PortClassReach(reach: reach, toExternal: toExternal, fromExternal: fromExternal)
    }

    /// Rows = own classes, filled for the classes some policy isolates in this direction (other
    /// rows stay empty and mean "everything"). Ingress resolves named ports on the row (the
    /// destination), egress on the column.
    /// - Complexity: O(Σ rules + Σ selected classes × (K + E) / 64).
    func side(_ dirs: [CompiledDirection], atom a: Int, perRowNamed: Bool, into buffer: consuming BitMatrix) -> Side {
        var classes = consume buffer
        classes.clearAll()
        var m = Side(classes: classes,
                     external: BitMatrix(rows: classCount, columns: externalCount), isolated: BitSet(capacity: classCount))
        for dir in dirs {
            m.isolated.formUnion(dir.selected)
            var union = PeerSet(classes: BitSet(capacity: classCount), external: BitSet(capacity: externalCount))
            var namedRules: [(NamedPortRef, PeerSet)] = []
            var active = false
            for rule in dir.rules {
                if rule.allPorts || rule.numericAtoms.contains(a) {
                    union.formUnion(rule.peers)
                    active = true
                    continue
                }
                for ref in rule.named {
                    guard let mask = namedMask[ref]?[a] else { continue }
                    // Named ports never resolve on the outside world.
                    if perRowNamed { namedRules.append((ref, rule.peers)) } else { union.classes.formUnion(rule.peers.classes.intersection(mask)) }
                    active = true
                }
            }
            // A direction none of whose rules is active here only isolates.
            guard active else { continue }
            dir.selected.forEachMember { c in
                m.classes.formUnion(row: c, with: union.classes)
                m.external.formUnion(row: c, with: union.external)
                for (ref, peers) in namedRules where namedMask[ref]?[a]?.contains(c) ?? false {
                    m.classes.formUnion(row: c, with: peers.classes)
                    m.external.formUnion(row: c, with: peers.external)
                }
            }
        }
        return m
    }

    /// Named port → atom → classes resolving there.
    static func namedMasks(classes: EndpointClasses, catalog: EndpointCatalog, refs: [NamedPortRef],
                           portAtoms: PortAtomTable) -> [NamedPortRef: [Int: BitSet]] {
        var out: [NamedPortRef: [Int: BitSet]] = [:]
        for ref in refs {
            var perAtom: [Int: BitSet] = [:]
            for c in 0..<classes.count {
                for n in catalog.endpoints[classes.representative(c)].namedPort(ref.name, ref.protocolName) {
                    guard let a = portAtoms.atom(ref.protocolName, n) else { continue }
                    perAtom[a, default: BitSet(capacity: classes.count)].insert(c)
                }
            }
            out[ref] = perAtom
        }
        return out
    }
}

/// Reusable K×K work matrices for ``ReachMatrixBuilder/build(atom:scratch:)``: building every port
/// class with fresh matrices page-faults and zeroes 3 × K²/8 bytes each time (at 25k classes,
/// 234 MB per port class), which dominated the full-result time. Not thread-safe: one per thread.
final class ReachScratch: @unchecked Sendable {
    private var ingress: BitMatrix
    private var egress: BitMatrix
    private var transposed: BitMatrix

    init(classCount: Int) {
        ingress = BitMatrix(rows: classCount, columns: classCount)
        egress = BitMatrix(rows: classCount, columns: classCount)
        transposed = BitMatrix(rows: classCount, columns: classCount)
    }

    /// Moves a buffer out (leaving an empty matrix) so the caller mutates it without a copy.
    func takeIngress() -> BitMatrix { defer { ingress = BitMatrix(rows: 0, columns: 0) }; return ingress }
    func takeEgress() -> BitMatrix { defer { egress = BitMatrix(rows: 0, columns: 0) }; return egress }
    func takeTransposed() -> BitMatrix { defer { transposed = BitMatrix(rows: 0, columns: 0) }; return transposed }

    func giveBack(ingress: BitMatrix, egress: BitMatrix, transposed: BitMatrix) {
        self.ingress = ingress
        self.egress = egress
        self.transposed = transposed
    }
}
