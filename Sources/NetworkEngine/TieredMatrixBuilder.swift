import ReachCore
import ReachModel

/// The `policy.networking.k8s.io` tier policies compiled for both directions, in evaluation
/// order (Admin tier by priority, then Baseline), with the class → directions index.
struct AdminTierProgram: Sendable {
    let ingress: [CompiledAdminDirection]
    let egress: [CompiledAdminDirection]
    let ingressOf: ReachMatrixBuilder.DirectionIndex
    let egressOf: ReachMatrixBuilder.DirectionIndex

    /// - Complexity: O(Σ selected classes + directions × K / 64).
    init(ingress: [CompiledAdminDirection], egress: [CompiledAdminDirection], classCount: Int) {
        self.ingress = ingress
        self.egress = egress
        ingressOf = .init(ingress.map(\.asDirection), classCount: classCount)
        egressOf = .init(egress.map(\.asDirection), classCount: classCount)
    }
}

/// The tiered evaluation of one side as ordered mask operations on rows of peers (K classes + E
/// external atoms), per port atom and own class (the destination for ingress, the source for
/// egress), following clusternetworkpolicy_types.go (`Tier`, rule `Action`):
///
/// 1. Admin tier, rules in (priority, rule) order: `m = peers ∖ stop`; Accept: `allowed ∪= m`,
///    `decided ∪= m`; Deny: `decided ∪= m`; Pass: nothing decided; always `stop ∪= m`.
/// 1b. Cilium deny rules (``CompiledAdminDirection/namespaceDeny``): `decided ∪= peers`.
/// 2. NetworkPolicy tier, when a NetworkPolicy isolates the class for this direction:
///    `allowed ∪= np ∖ decided`, then everything is decided.
/// 3. Baseline tier, in order: `m = peers ∖ decided`; Accept (and Pass, which leaves the last
///    tier): `allowed ∪= m`; `decided ∪= m`.
/// 4. What is still undecided is allowed.
extension ReachMatrixBuilder {
    /// A side's rows: class → index into `rows` (one row per distinct signature of active rules).
    struct TierRows {
        var index: [Int32]
        var rows: [PeerSet]
    }

    /// The matrices of the port class of atom `a` with tier policies present.
    /// - Complexity: O(K × active rules per class) for the signatures, O(distinct signatures ×
    ///   active rules × (K + E) / 64) for the rows, and the masked transposition of
    ///   ``build(atom:into:)`` (O(K² / 64) words).
    func buildTiered(_ tiers: AdminTierProgram, atom a: Int, into out: inout PortClassReach) {
        let ingNP = contributions(ingress, atom: a, perRowNamed: true)
        let egrNP = contributions(egress, atom: a, perRowNamed: false)
        let inRows = tierRows(tiers.ingress, tiers.ingressOf, np: ingNP, npOf: ingressOf, npIsolated: ingressIsolated,
                              atom: a, perRowNamed: true)
        let egRows = tierRows(tiers.egress, tiers.egressOf, np: egrNP, npOf: egressOf, npIsolated: egressIsolated,
                              atom: a, perRowNamed: false)
        assemble(ingress: inRows, egress: egRows, into: &out)
    }

    /// Writes a port class's matrices from per-class side rows (shared by the tiered and the
    /// Calico builders): class → class reach is the egress row of the source ANDed with the
    /// ingress row of the destination, through the masked transposition.
    /// - Complexity: O(K² / 64) words plus O(K × E / 64) for the external rows.
    func assemble(ingress inRows: TierRows, egress egRows: TierRows, into out: inout PortClassReach) {
        let k = classCount, wpr = BitSet.wordCount(for: k)
        var table: [UInt64] = []
        table.reserveCapacity(egRows.rows.count * wpr)
        for row in egRows.rows { table += row.classes.words }
        out.toExternal = BitMatrix(rows: k, columns: externalCount)
        out.fromExternal = BitMatrix(rows: externalCount, columns: k)
        for c in 0..<k {
            out.toExternal.setRow(c, to: egRows.rows[Int(egRows.index[c])].external)
            inRows.rows[Int(inRows.index[c])].external.forEachMember { e in out.fromExternal[e, c] = true }
        }
        out.reach.assignTranspose(ofRows: k, columns: k, rowMasks: TransposeRowMasks(index: egRows.index, table: table)) { d, buf in
            let words = inRows.rows[Int(inRows.index[d])].classes.words
            for w in 0..<min(buf.count, words.count) { buf[w] = words[w] }
            return .written(words: 0..<min(buf.count, words.count))
        }
    }

    /// An admin rule at one port atom: its peers when it applies, and the own classes it applies
    /// to when that depends on the class (ingress named ports resolve on the own class).
    struct ActiveRule {
        var peers: PeerSet
        var onlyFor: BitSet?
    }

    /// Per direction and rule, what applies at atom `a` (`nil`: the rule does not apply there).
    /// Named ports resolve on the destination: the own class for ingress, the peer for egress
    /// (never the outside world).
    /// - Complexity: O(Σ rules × (K + E) / 64).
    func activeRules(_ dirs: [CompiledAdminDirection], atom a: Int, perRowNamed: Bool) -> [[ActiveRule?]] {
        dirs.map { dir in
            dir.rules.map { compiled -> ActiveRule? in
                let rule = compiled.rule
                if rule.allPorts || rule.numericAtoms.contains(a) { return ActiveRule(peers: rule.peers, onlyFor: nil) }
                var mask: BitSet? = nil
                var peers: PeerSet? = nil
                for ref in rule.named {
                    guard let m = namedMask[ref]?[a] else { continue }
                    if perRowNamed {
                        mask = mask?.union(m) ?? m
                    } else {
                        let part = PeerSet(classes: rule.peers.classes.intersection(m), external: BitSet(capacity: externalCount))
                        if peers == nil { peers = part } else { peers?.formUnion(part) }
                    }
                }
                if perRowNamed { return mask.map { ActiveRule(peers: rule.peers, onlyFor: $0) } }
                return peers.map { ActiveRule(peers: $0, onlyFor: nil) }
            }
        }
    }

    /// Every class's side row, computed once per distinct signature (active admin rules,
    /// NetworkPolicy isolation and contributions).
    /// - Complexity: see ``buildTiered(_:atom:into:)``.
    func tierRows(_ dirs: [CompiledAdminDirection], _ dirsOf: DirectionIndex, np: Contributions, npOf: DirectionIndex,
                  npIsolated: BitSet, atom a: Int, perRowNamed: Bool) -> TierRows {
        let active = activeRules(dirs, atom: a, perRowNamed: perRowNamed)
        var known: [[Int32]: Int32] = [:]
        var out = TierRows(index: [], rows: [])
        out.index.reserveCapacity(classCount)
        var sig: [Int32] = []
        for c in 0..<classCount {
            sig.removeAll(keepingCapacity: true)
            for i in Int(dirsOf.start[c])..<Int(dirsOf.start[c + 1]) {
                let j = Int(dirsOf.list[i])
                for (r, rule) in active[j].enumerated() {
                    guard let rule, rule.onlyFor?.contains(c) ?? true else { continue }
                    sig.append(Int32(j))
                    sig.append(Int32(r))
                }
            }
            sig.append(-1)
            let isolated = npIsolated.contains(c)
            if isolated {
                sig.append(-2)
                sig += npSignature(np, npOf, c, perRowNamed: perRowNamed)
            }
            if let hit = known[sig] { out.index.append(hit); continue }
            let row = evaluate(sig, dirs, active, np: np, isolated: isolated)
            known[sig] = Int32(out.rows.count)
            out.index.append(Int32(out.rows.count))
            out.rows.append(row)
        }
        return out
    }

    /// The NetworkPolicy contributions active for class `c` (as in ``fillIngressTransposed``).
    func npSignature(_ np: Contributions, _ npOf: DirectionIndex, _ c: Int, perRowNamed: Bool) -> [Int32] {
        var sig: [Int32] = []
        for i in Int(npOf.start[c])..<Int(npOf.start[c + 1]) {
            let j = Int(npOf.list[i])
            if np.unionIndex[j] >= 0 { sig.append(np.unionIndex[j]) }
            if perRowNamed {
                for (n, named) in np.named[j].enumerated() where named.mask.contains(c) {
                    sig.append(Int32(-1 - j))
                    sig.append(Int32(n))
                }
            }
        }
        return sig
    }

    /// Steps 1–4 of the tiered evaluation for one signature (admin entries `j, r`, then `-1`,
    /// then, when NetworkPolicies isolate the class, `-2` and their contributions).
    /// - Complexity: O(active rules × (K + E) / 64).
    func evaluate(_ sig: [Int32], _ dirs: [CompiledAdminDirection], _ active: [[ActiveRule?]], np: Contributions,
                  isolated: Bool) -> PeerSet {
        var side = adminPhase(sig, dirs, active)
        if isolated {
            side.allowed.formUnion(lazyNPRow(Array(sig[(side.next + 2)...]), np).subtracting(side.decided))
            return side.allowed
        }
        return baselinePhase(side)
    }

    /// The state of a side's evaluation between the ordered phases: what is allowed and decided
    /// so far, the Baseline-tier rules kept for the end, and where the signature goes on.
    struct SideState {
        var allowed: PeerSet
        var decided: PeerSet
        var baseline: [(AdminNetworkPolicy.Action, PeerSet)]
        /// Index of the `-1` that ends the admin entries of the signature.
        var next: Int
    }

    /// Step 1 (and 1b) of the tiered evaluation, shared by the tiered and the Calico builders: the
    /// Admin-tier entries `j, r` of a signature up to its `-1`, first match by `stop`; Cilium deny
    /// directions decide; Baseline entries are kept for ``baselinePhase(_:)``.
    /// - Complexity: O(admin entries × (K + E) / 64).
    func adminPhase(_ sig: [Int32], _ dirs: [CompiledAdminDirection], _ active: [[ActiveRule?]]) -> SideState {
        let empty = PeerSet(classes: BitSet(capacity: classCount), external: BitSet(capacity: externalCount))
        var state = SideState(allowed: empty, decided: empty, baseline: [], next: 0)
        var stop = empty
        var i = 0
        while i + 1 < sig.count, sig[i] >= 0 {
            let j = Int(sig[i]), r = Int(sig[i + 1])
            i += 2
            guard let peers = active[j][r]?.peers else { continue }
            if dirs[j].namespaceDeny { state.decided.formUnion(peers); continue }
            let action = dirs[j].rules[r].action
            if dirs[j].tier == .baseline { state.baseline.append((action, peers)); continue }
            let m = peers.subtracting(stop)
            switch action {
            case .accept: state.allowed.formUnion(m); state.decided.formUnion(m)
            case .deny: state.decided.formUnion(m)
            case .pass: break
            }
            stop.formUnion(m)
        }
        state.next = i
        return state
    }

    /// Steps 3–4: the Baseline tier in order on what is still undecided (Accept and Pass allow),
    /// then the rest is allowed. Returns the side row.
    /// - Complexity: O(Baseline entries × (K + E) / 64).
    func baselinePhase(_ state: SideState) -> PeerSet {
        var allowed = state.allowed, decided = state.decided
        for (action, peers) in state.baseline {
            let m = peers.subtracting(decided)
            if action != .deny { allowed.formUnion(m) }
            decided.formUnion(m)
        }
        allowed.formUnion(PeerSet(classes: BitSet.full(capacity: classCount), external: BitSet.full(capacity: externalCount))
            .subtracting(decided))
        return allowed
    }

    /// Set bits of a word row below `count`.
    static func members(_ words: [UInt64], _ count: Int) -> [Int] {
        var out: [Int] = []
        for (w, word) in words.enumerated() {
            var x = word
            while x != 0 {
                let m = w << 6 | x.trailingZeroBitCount
                if m < count { out.append(m) }
                x &= x &- 1
            }
        }
        return out
    }
}

extension PeerSet {
    func subtracting(_ other: PeerSet) -> PeerSet {
        PeerSet(classes: classes.subtracting(other.classes), external: external.subtracting(other.external))
    }
}
