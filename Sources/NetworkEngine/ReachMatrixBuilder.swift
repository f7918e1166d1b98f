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

    /// Empty matrices (storage for ``ReachMatrixBuilder/build(atom:into:)``).
    static var empty: PortClassReach {
        PortClassReach(reach: BitMatrix(rows: 0, columns: 0), toExternal: BitMatrix(rows: 0, columns: 0),
                       fromExternal: BitMatrix(rows: 0, columns: 0))
    }
}

/// Builds the class-level matrices of one port class: `R = egress ∧ ingressᵀ`, without ever
/// materialising the ingress or egress K×K matrices.
///
/// Ingress rows (one per destination class) are produced 512 at a time straight into a masked
/// transposition (``ReachCore/BitMatrix/assignTranspose(ofRows:columns:rowMasks:fill:)``) that
/// writes each word of the result once: destinations admitting every source become a column
/// mask, and each source row is ANDed with its egress row (one shared row per distinct set of
/// active egress directions).
struct ReachMatrixBuilder: Sendable {
    let classCount: Int
    let externalCount: Int
    let ingress: [CompiledDirection]
    let egress: [CompiledDirection]
    /// Named port → atom → classes whose representative resolves the name into that atom.
    let namedMask: [NamedPortRef: [Int: BitSet]]
    /// Class → indices into ``ingress`` / ``egress`` of the directions selecting it, increasing.
    let ingressOf: [[Int32]]
    let egressOf: [[Int32]]
    /// Classes some policy isolates for ingress / egress (whatever the port).
    let ingressIsolated: BitSet
    let egressIsolated: BitSet

    /// - Complexity: O(Σ selected classes + directions × K / 64).
    init(classCount: Int, externalCount: Int, ingress: [CompiledDirection], egress: [CompiledDirection],
         namedMask: [NamedPortRef: [Int: BitSet]]) {
        self.classCount = classCount
        self.externalCount = externalCount
        self.ingress = ingress
        self.egress = egress
        self.namedMask = namedMask
        func index(_ dirs: [CompiledDirection]) -> ([[Int32]], BitSet) {
            var of = [[Int32]](repeating: [], count: classCount)
            var isolated = BitSet(capacity: classCount)
            for (j, dir) in dirs.enumerated() {
                isolated.formUnion(dir.selected)
                dir.selected.forEachMember { c in of[c].append(Int32(j)) }
            }
            return (of, isolated)
        }
        (ingressOf, ingressIsolated) = index(ingress)
        (egressOf, egressIsolated) = index(egress)
    }

    /// What one direction contributes for one port atom: the peers of its rules active on every
    /// row it selects, and (ingress) named-port rules active only on the rows in their mask.
    struct Contribution {
        var union: PeerSet?
        var named: [(mask: BitSet, peers: PeerSet)]
    }

    /// One contribution per direction (`nil`: nothing allowed at this atom). Ingress resolves
    /// named ports on the row (the destination), egress on the column.
    /// - Complexity: O(Σ rules × (K + E) / 64).
    func contributions(_ dirs: [CompiledDirection], atom a: Int, perRowNamed: Bool) -> [Contribution?] {
        dirs.map { dir -> Contribution? in
            var union: PeerSet? = nil
            var named: [(mask: BitSet, peers: PeerSet)] = []
            func add(_ peers: PeerSet) {
                if union == nil { union = peers } else { union?.formUnion(peers) }
            }
            for rule in dir.rules {
                if rule.allPorts || rule.numericAtoms.contains(a) {
                    add(rule.peers)
                    continue
                }
                for ref in rule.named {
                    guard let mask = namedMask[ref]?[a] else { continue }
                    // Named ports never resolve on the outside world.
                    if perRowNamed {
                        named.append((mask, rule.peers))
                    } else {
                        add(PeerSet(classes: rule.peers.classes.intersection(mask), external: BitSet(capacity: externalCount)))
                    }
                }
            }
            return union == nil && named.isEmpty ? nil : Contribution(union: union, named: named)
        }
    }

    /// The matrices of the port class of atom `a`, in fresh storage.
    /// - Complexity: as ``build(atom:into:)``.
    func build(atom a: Int) -> PortClassReach {
        var out = PortClassReach.empty
        build(atom: a, into: &out)
        return out
    }

    /// The matrices of the port class of atom `a`, written into `out` (its storage is reused when
    /// the shapes match and nobody else holds it).
    /// - Complexity: O(Σ rules × (K + E) / 64) for the contributions, O((Σ active directions per
    ///   isolated class, counting each run of equal directions once) × K / 64) for the rows, and
    ///   O(K² / 64) words written by the masked transposition plus 64×64 block transposes of its
    ///   non-zero blocks (rows admitting every class become a column mask), for K classes; extra
    ///   memory: one K/64-word row per distinct egress row.
    func build(atom a: Int, into out: inout PortClassReach) {
        let ing = contributions(ingress, atom: a, perRowNamed: true)
        let egr = contributions(egress, atom: a, perRowNamed: false)
        let masks = egressMasks(egr, toExternal: &out.toExternal)
        fillIngressTransposed(ing, masks: masks, into: &out)
    }

    /// Row s of R is ANDed with egress(s) when s is egress-isolated: the union of the
    /// contributions of the directions selecting s, one mask row per distinct set of active
    /// directions. Writes `toExternal` on the way.
    /// - Complexity: O(K × directions per class + distinct egress rows × active directions × (K + E) / 64).
    func egressMasks(_ egr: [Contribution?], toExternal: inout BitMatrix) -> TransposeRowMasks {
        let k = classCount, wpr = BitSet.wordCount(for: k)
        if toExternal.rows != k || toExternal.columns != externalCount {
            toExternal = BitMatrix(rows: k, columns: externalCount)
        }
        let allExternal = BitSet.full(capacity: externalCount)
        let noExternal = BitSet(capacity: externalCount)
        var index = [Int32](repeating: TransposeRowMasks.keep, count: k)
        var table: [UInt64] = []
        var externals: [BitSet] = []
        var known: [[Int32]: Int32] = [:]
        var signature: [Int32] = [], last: [Int32] = [], lastIndex: Int32 = TransposeRowMasks.keep
        for s in 0..<k {
            guard egressIsolated.contains(s) else {
                toExternal.setRow(s, to: allExternal)
                continue
            }
            signature.removeAll(keepingCapacity: true)
            for j in egressOf[s] where egr[Int(j)] != nil { signature.append(j) }
            if signature.isEmpty {
                index[s] = TransposeRowMasks.clear
                toExternal.setRow(s, to: noExternal)
                continue
            }
            if signature != last {
                if let found = known[signature] {
                    lastIndex = found
                } else {
                    lastIndex = Int32(externals.count)
                    known[signature] = lastIndex
                    let base = table.count
                    table.append(contentsOf: repeatElement(0, count: wpr))
                    var external = BitSet(capacity: externalCount)
                    table.withUnsafeMutableBufferPointer { acc in
                        for j in signature {
                            guard let peers = egr[Int(j)]?.union else { continue }
                            peers.classes.words.withUnsafeBufferPointer { src in
                                for w in 0..<min(wpr, src.count) { acc[base + w] |= src[w] }
                            }
                            external.formUnion(peers.external)
                        }
                    }
                    externals.append(external)
                }
                swap(&last, &signature)
            }
            index[s] = lastIndex
            toExternal.setRow(s, to: externals[Int(lastIndex)])
        }
        return TransposeRowMasks(index: index, table: table)
    }

    /// Writes R = (ingressᵀ ∪ columns of destinations admitting every class) ∧ egress masks into
    /// `out.reach`, producing each isolated destination's ingress row once per run of equal
    /// active rules, and the external sources into `out.fromExternal`.
    /// - Complexity: see ``build(atom:into:)``.
    func fillIngressTransposed(_ ing: [Contribution?], masks: TransposeRowMasks, into out: inout PortClassReach) {
        let k = classCount, wpr = BitSet.wordCount(for: k)
        var signature: [Int32] = [], last: [Int32] = [-2]
        var lastRow = [UInt64](repeating: 0, count: wpr)
        var lastExternal = BitSet(capacity: externalCount)
        var lastFull = false
        var external = BitSet(capacity: externalCount)
        let tail: UInt64 = k & 63 == 0 ? ~0 : (1 << UInt64(k & 63)) - 1
        var fromExternal = out.fromExternal
        out.fromExternal = BitMatrix(rows: 0, columns: 0)
        if fromExternal.rows != externalCount || fromExternal.columns != classCount {
            fromExternal = BitMatrix(rows: externalCount, columns: classCount)
        } else {
            fromExternal.clearAll()
        }
        var open = BitSet.full(capacity: classCount)
        open.subtract(ingressIsolated)
        for e in 0..<externalCount { fromExternal.formUnion(row: e, with: open) }
        out.reach.assignTranspose(ofRows: k, columns: k, rowMasks: masks) { d, row in
            // A destination no policy isolates admits every source.
            guard ingressIsolated.contains(d) else { return .full }
            signature.removeAll(keepingCapacity: true)
            for j in ingressOf[d] {
                guard let c = ing[Int(j)] else { continue }
                if c.union != nil { signature.append(j) }
                for (n, named) in c.named.enumerated() where named.mask.contains(d) {
                    signature.append(-1 - j)
                    signature.append(Int32(n))
                }
            }
            if signature.isEmpty { return .empty }
            if signature != last {
                lastRow.withUnsafeMutableBufferPointer { acc in
                    acc.update(repeating: 0)
                    external.removeAll()
                    var i = 0
                    while i < signature.count {
                        let j = signature[i]
                        let peers: PeerSet?
                        if j >= 0 {
                            peers = ing[Int(j)]?.union
                            i += 1
                        } else {
                            peers = ing[Int(-1 - j)]?.named[Int(signature[i + 1])].peers
                            i += 2
                        }
                        guard let peers else { continue }
                        peers.classes.words.withUnsafeBufferPointer { src in
                            for w in 0..<min(wpr, src.count) { acc[w] |= src[w] }
                        }
                        external.formUnion(peers.external)
                    }
                    var full = wpr > 0
                    for w in 0..<wpr where acc[w] != (w == wpr - 1 ? tail : ~0) { full = false; break }
                    lastFull = full
                }
                lastExternal = external
                swap(&last, &signature)
            }
            lastExternal.forEachMember { e in fromExternal[e, d] = true }
            if lastFull { return .full }
            var any: UInt64 = 0
            lastRow.withUnsafeBufferPointer { src in
                for w in 0..<wpr { row[w] = src[w]; any |= src[w] }
            }
            return any != 0 ? .written : .empty
        }
        out.fromExternal = fromExternal
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
