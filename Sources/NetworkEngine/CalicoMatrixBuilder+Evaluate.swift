import ReachCore
import ReachModel

extension ReachMatrixBuilder {
    /// The mask operations of ``buildCalico(_:atom:into:)`` for one signature.
    /// - Complexity: O(active rules × (K + E) / 64).
    func evaluateCalico(_ sig: [Int32], _ dirs: [CompiledAdminDirection], _ active: [[ActiveRule?]],
                        _ items: [CompiledCalicoItem], _ calicoActive: [[ActiveRule?]], np: Contributions) -> PeerSet {
        let empty = PeerSet(classes: BitSet(capacity: classCount), external: BitSet(capacity: externalCount))
        let all = PeerSet(classes: BitSet.full(capacity: classCount), external: BitSet.full(capacity: externalCount))
        var side = adminPhase(sig, dirs, active)
        var allowed = side.allowed, decided = side.decided
        var i = side.next + 1  // past the -1
        let end = sig[i...].firstIndex(of: -2) ?? sig.count
        let npRow = lazyNPRow(Array(sig[min(end + 1, sig.count)...]), np)
        var tier = -1, applied = false, passes = false, passed = empty
        // End of a tier that applied: deny what it did not pass, unless the tier's default is Pass.
        func finishTier() { if applied, !passes { decided = all.subtracting(passed) } }
        while i + 1 < end {
            let j = Int(sig[i]), r = Int(sig[i + 1])
            i += 2
            let item = j >= 0 ? items[j] : items.first { $0.policy == nil }
            let itemTier = item?.tier ?? 0
            if itemTier != tier { finishTier(); tier = itemTier; applied = false; passed = empty; passes = item?.tierPasses ?? false }
            if j < 0 {
                applied = true
                let m = npRow.subtracting(decided).subtracting(passed)
                allowed.formUnion(m)
                decided.formUnion(m)
                continue
            }
            if r < 0 { applied = true; continue }
            guard let peers = calicoActive[j][r]?.peers, let action = items[j].rules[r].action as CalicoPolicy.Action? else { continue }
            let m = peers.subtracting(decided).subtracting(passed)
            switch action {
            case .allow: allowed.formUnion(m); decided.formUnion(m)
            case .deny: decided.formUnion(m)
            case .pass: passed.formUnion(m)
            case .log: break
            }
        }
        finishTier()
        side.allowed = allowed
        side.decided = decided
        return baselinePhase(side)
    }

    /// The union of the NetworkPolicy contributions of a signature tail.
    func lazyNPRow(_ npSig: [Int32], _ np: Contributions) -> PeerSet {
        var words = [UInt64](repeating: 0, count: BitSet.wordCount(for: classCount))
        var external = BitSet(capacity: externalCount)
        _ = words.withUnsafeMutableBufferPointer { Self.accumulate(npSig, np, into: $0, external: &external) }
        return PeerSet(classes: BitSet(capacity: classCount, members: Self.members(words, classCount)), external: external)
    }
}
