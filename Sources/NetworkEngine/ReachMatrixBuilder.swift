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
    let ingressOf: DirectionIndex
    let egressOf: DirectionIndex
    /// Classes some policy isolates for ingress / egress (whatever the port).
    let ingressIsolated: BitSet
    let egressIsolated: BitSet
    /// The `policy.networking.k8s.io` tiers, when the input has any (``buildTiered(_:atom:into:)``).
    var tiers: AdminTierProgram? = nil
    /// Calico's tiers under the Calico engine (``buildCalico(_:atom:into:)``).
    var calico: CalicoProgram? = nil

    /// Class → directions selecting it, as one flat list (`list[start[c] ..< start[c + 1]]`).
    struct DirectionIndex: Sendable {
        var start: [Int32]
        var list: [Int32]

        /// - Complexity: O(Σ selected classes + directions × K / 64).
        init(_ dirs: [CompiledDirection], classCount: Int) {
            var counts = [Int32](repeating: 0, count: classCount + 1)
            for dir in dirs { dir.selected.forEachMember { counts[$0 + 1] += 1 } }
            for c in 0..<classCount { counts[c + 1] += counts[c] }
            var next = counts
            var list = [Int32](repeating: 0, count: Int(counts[classCount]))
            for (j, dir) in dirs.enumerated() {
                dir.selected.forEachMember { c in
                    list[Int(next[c])] = Int32(j)
                    next[c] += 1
                }
            }
            start = counts
            self.list = list
        }
    }

    /// - Complexity: O(Σ selected classes + directions × K / 64).
    init(classCount: Int, externalCount: Int, ingress: [CompiledDirection], egress: [CompiledDirection],
         namedMask: [NamedPortRef: [Int: BitSet]]) {
        self.classCount = classCount
        self.externalCount = externalCount
        self.ingress = ingress
        self.egress = egress
        self.namedMask = namedMask
        ingressOf = DirectionIndex(ingress, classCount: classCount)
        egressOf = DirectionIndex(egress, classCount: classCount)
        var isolated = BitSet(capacity: classCount)
        for dir in ingress { isolated.formUnion(dir.selected) }
        ingressIsolated = isolated
        isolated.removeAll()
        for dir in egress { isolated.formUnion(dir.selected) }
        egressIsolated = isolated
    }

    /// What the directions contribute for one port atom, flat: per direction the index of the
    /// union of its rules active on every row it selects (or -1), and (ingress) the named-port
    /// rules active only on the rows in their mask.
    struct Contributions {
        var unionIndex: [Int32]
        var unions: [PeerSet]
        var named: [[(mask: BitSet, peers: PeerSet)]]
    }

    /// Ingress resolves named ports on the row (the destination), egress on the column.
    /// - Complexity: O(Σ rules × (K + E) / 64).
    func contributions(_ dirs: [CompiledDirection], atom a: Int, perRowNamed: Bool) -> Contributions {
        var out = Contributions(unionIndex: [Int32](repeating: -1, count: dirs.count), unions: [],
                                named: [[(mask: BitSet, peers: PeerSet)]](repeating: [], count: dirs.count))
        for (j, dir) in dirs.enumerated() {
            var union: PeerSet? = nil
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
                        out.named[j].append((mask, rule.peers))
                    } else {
                        add(PeerSet(classes: rule.peers.classes.intersection(mask), external: BitSet(capacity: externalCount)))
                    }
                }
            }
            if let union {
                out.unionIndex[j] = Int32(out.unions.count)
                out.unions.append(union)
            }
        }
        return out
    }

    /// ORs the peers of `signature` into `acc` / `external` and returns the range of non-zero
    /// words. Entries ≥ 0 are union indices; a negative entry `-1 - j` is followed by the index
    /// of a named rule of direction `j`.
    /// - Complexity: O(entries × (K + E) / 64).
    static func accumulate(_ signature: [Int32], _ c: Contributions, into acc: UnsafeMutableBufferPointer<UInt64>,
                           external: inout BitSet) -> Range<Int> {
        acc.update(repeating: 0)
        external.removeAll()
        var i = 0
        while i < signature.count {
            let j = signature[i]
            let peers: PeerSet
            if j >= 0 {
                peers = c.unions[Int(j)]
                i += 1
            } else {
                peers = c.named[Int(-1 - j)][Int(signature[i + 1])].peers
                i += 2
            }
            peers.classes.words.withUnsafeBufferPointer { src in
                for w in 0..<min(acc.count, src.count) { acc[w] |= src[w] }
            }
            external.formUnion(peers.external)
        }
        var lo = 0, hi = acc.count
        while lo < hi, acc[lo] == 0 { lo += 1 }
        while hi > lo, acc[hi - 1] == 0 { hi -= 1 }
        return lo..<hi
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
        if let calico {
            buildCalico(calico, atom: a, into: &out)
            return
        }
        if let tiers {
            buildTiered(tiers, atom: a, into: &out)
            return
        }
        let ing = contributions(ingress, atom: a, perRowNamed: true)
        let egr = contributions(egress, atom: a, perRowNamed: false)
        let masks = egressMasks(egr, toExternal: &out.toExternal)
        fillIngressTransposed(ing, masks: masks, into: &out)
    }

    /// Row s of R is ANDed with egress(s) when s is egress-isolated: the union of the
    /// contributions of the directions selecting s, one mask row per distinct set of active
    /// directions. Writes `toExternal` on the way.
    /// - Complexity: O(K × directions per class + distinct egress rows × active directions × (K + E) / 64).
    func egressMasks(_ egr: Contributions, toExternal: inout BitMatrix) -> TransposeRowMasks {
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
        var external = BitSet(capacity: externalCount)
        var row = [UInt64](repeating: 0, count: wpr)
        for s in 0..<k {
            guard egressIsolated.contains(s) else {
                toExternal.setRow(s, to: allExternal)
                continue
            }
            signature.removeAll(keepingCapacity: true)
            for i in Int(egressOf.start[s])..<Int(egressOf.start[s + 1]) {
                let u = egr.unionIndex[Int(egressOf.list[i])]
                if u >= 0 { signature.append(u) }
            }
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
                    _ = row.withUnsafeMutableBufferPointer { Self.accumulate(signature, egr, into: $0, external: &external) }
                    table.append(contentsOf: row)
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
    func fillIngressTransposed(_ ing: Contributions, masks: TransposeRowMasks, into out: inout PortClassReach) {
        let k = classCount, wpr = BitSet.wordCount(for: k)
        var signature: [Int32] = [], last: [Int32] = [-2]
        var lastRow = [UInt64](repeating: 0, count: wpr)
        var lastRange = 0..<0
        var lastExternal = BitSet(capacity: externalCount)
        var lastFull = false
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
        let start = ingressOf.start, list = ingressOf.list, unionIndex = ing.unionIndex
        out.reach.assignTranspose(ofRows: k, columns: k, rowMasks: masks) { d, row in
            // A destination no policy isolates admits every source.
            guard ingressIsolated.contains(d) else { return .full }
            signature.removeAll(keepingCapacity: true)
            for i in Int(start[d])..<Int(start[d + 1]) {
                let j = Int(list[i])
                if unionIndex[j] >= 0 { signature.append(unionIndex[j]) }
                if !ing.named[j].isEmpty {
                    for (n, named) in ing.named[j].enumerated() where named.mask.contains(d) {
                        signature.append(Int32(-1 - j))
                        signature.append(Int32(n))
                    }
                }
            }
            if signature.isEmpty { return .empty }
            if signature != last {
                lastRange = lastRow.withUnsafeMutableBufferPointer { Self.accumulate(signature, ing, into: $0, external: &lastExternal) }
                lastFull = lastRange == 0..<wpr
                if lastFull {
                    for w in 0..<wpr where lastRow[w] != (w == wpr - 1 ? tail : ~0) { lastFull = false; break }
                }
                swap(&last, &signature)
            }
            lastExternal.forEachMember { e in fromExternal[e, d] = true }
            if lastFull { return .full }
            if lastRange.isEmpty { return .empty }
            lastRow.withUnsafeBufferPointer { src in
                for w in lastRange { row[w] = src[w] }
            }
            return .written(words: lastRange)
        }
        out.fromExternal = fromExternal
    }

    /// Named port → atom → classes resolving there.
    /// - Complexity: O(K × declared ports of a representative) hash lookups.
    static func namedMasks(classes: EndpointClasses, catalog: EndpointCatalog, refs: [NamedPortRef],
                           portAtoms: PortAtomTable) -> [NamedPortRef: [Int: BitSet]] {
        var out: [NamedPortRef: [Int: BitSet]] = [:]
        for ref in refs { out[ref] = [:] }
        for c in 0..<classes.count {
            for port in catalog.endpoints[classes.representative(c)].ports {
                guard let name = port.name else { continue }
                let ref = NamedPortRef(name: name, protocolName: port.protocolName)
                guard out[ref] != nil, let a = portAtoms.atom(ref.protocolName, port.containerPort) else { continue }
                out[ref]?[a, default: BitSet(capacity: classes.count)].insert(c)
            }
        }
        return out
    }
}
