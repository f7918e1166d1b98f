import ReachCore
import ReachModel

/// Calico's tiers as ordered mask operations on rows of peers (K classes + E external atoms), per
/// port atom and own class, after the Admin tier and before the Baseline tier (Calico places the
/// `kube-admin` tier at order 1000 and `kube-baseline` at 10 000 000 around `default` at
/// 1 000 000: api/pkg/apis/projectcalico/v3/tier.go). For each Calico tier in order, with
/// `decided` carried over and `passed = ∅`:
///
/// - a rule active for the class: `m = peers ∖ decided ∖ passed`; Allow: `allowed ∪= m`,
///   `decided ∪= m`; Deny: `decided ∪= m`; Pass: `passed ∪= m`; Log: nothing;
/// - the Kubernetes NetworkPolicies (default tier, order 1000), when one selects the class:
///   `m = np ∖ decided ∖ passed`, `allowed ∪= m`, `decided ∪= m`;
/// - end of a tier in which a policy selected the class: `decided = all ∖ passed`.
///
/// Then the Baseline tier and "allow the rest" as ``buildTiered(_:atom:into:)``.
extension ReachMatrixBuilder {
    /// The matrices of the port class of atom `a` under Calico.
    /// - Complexity: O(K × active rules per class) for the signatures, O(distinct signatures ×
    ///   active rules × (K + E) / 64) for the rows, and the masked transposition (O(K² / 64) words).
    func buildCalico(_ calico: CalicoProgram, atom a: Int, into out: inout PortClassReach) {
        let admin = tiers ?? AdminTierProgram(ingress: [], egress: [], classCount: classCount)
        let ingNP = contributions(ingress, atom: a, perRowNamed: true)
        let egrNP = contributions(egress, atom: a, perRowNamed: false)
        let inRows = calicoRows(admin.ingress, admin.ingressOf, calico.ingress, calico.ingressOf, np: ingNP, npOf: ingressOf,
                                npIsolated: ingressIsolated, atom: a, ingress: true)
        let egRows = calicoRows(admin.egress, admin.egressOf, calico.egress, calico.egressOf, np: egrNP, npOf: egressOf,
                                npIsolated: egressIsolated, atom: a, ingress: false)
        assemble(ingress: inRows, egress: egRows, into: &out)
    }

    /// Per item and rule, what applies at atom `a` (`nil`: not there). Ingress: ports resolve on
    /// the own class (`onlyFor`); egress: on the peer classes, and external peers only match
    /// numeric ports.
    /// - Complexity: O(Σ rules × (K + E) / 64).
    func activeCalicoRules(_ items: [CompiledCalicoItem], atom a: Int, ingress: Bool) -> [[ActiveRule?]] {
        let all = BitSet.full(capacity: classCount)
        return items.map { item in
            item.rules.map { rule -> ActiveRule? in
                guard rule.guardAtoms.contains(a) else { return nil }
                var dest = rule.numericOK.contains(a) ? all : BitSet(capacity: classCount)
                if !rule.numericOK.contains(a) { for ref in rule.namedPos { if let m = namedMask[ref]?[a] { dest.formUnion(m) } } }
                for ref in rule.namedNeg { if let m = namedMask[ref]?[a] { dest.subtract(m) } }
                if ingress {
                    let own = rule.own.intersection(dest)
                    return own.isEmpty ? nil : ActiveRule(peers: rule.peers, onlyFor: own)
                }
                let peers = PeerSet(classes: rule.peers.classes.intersection(dest),
                                    external: rule.numericOK.contains(a) ? rule.peers.external : BitSet(capacity: externalCount))
                return ActiveRule(peers: peers, onlyFor: rule.own)
            }
        }
    }

    /// Every class's side row, computed once per distinct signature: the admin entries as
    /// ``tierRows``, `-1`, then Calico entries (`item, rule`; `item, -1` = the item selects the
    /// class; `-3, -3` = the NetworkPolicies select it), `-2`, then the NetworkPolicy contributions.
    func calicoRows(_ dirs: [CompiledAdminDirection], _ dirsOf: DirectionIndex, _ items: [CompiledCalicoItem],
                    _ itemsOf: DirectionIndex, np: Contributions, npOf: DirectionIndex, npIsolated: BitSet,
                    atom a: Int, ingress: Bool) -> TierRows {
        let active = activeRules(dirs, atom: a, perRowNamed: ingress)
        let calicoActive = activeCalicoRules(items, atom: a, ingress: ingress)
        let npItem = items.firstIndex { $0.policy == nil }
        var known: [[Int32]: Int32] = [:]
        var out = TierRows(index: [], rows: [])
        out.index.reserveCapacity(classCount)
        var sig: [Int32] = []
        for c in 0..<classCount {
            sig.removeAll(keepingCapacity: true)
            for i in Int(dirsOf.start[c])..<Int(dirsOf.start[c + 1]) {
                let j = Int(dirsOf.list[i])
                for (r, rule) in active[j].enumerated() where rule != nil && (rule?.onlyFor?.contains(c) ?? true) {
                    sig += [Int32(j), Int32(r)]
                }
            }
            sig.append(-1)
            var listed = Array(Int(itemsOf.start[c])..<Int(itemsOf.start[c + 1])).map { Int(itemsOf.list[$0]) }
            let isolated = npIsolated.contains(c)
            if isolated, let npItem { listed.append(npItem); listed.sort() }
            for j in listed {
                if items[j].policy == nil { sig += [-3, -3]; continue }
                sig += [Int32(j), -1]
                for (r, rule) in calicoActive[j].enumerated() where rule?.onlyFor?.contains(c) ?? false { sig += [Int32(j), Int32(r)] }
            }
            sig.append(-2)
            if isolated { sig += npSignature(np, npOf, c, perRowNamed: ingress) }
            if let hit = known[sig] { out.index.append(hit); continue }
            let row = evaluateCalico(sig, dirs, active, items, calicoActive, np: np)
            known[sig] = Int32(out.rows.count)
            out.index.append(Int32(out.rows.count))
            out.rows.append(row)
        }
        return out
    }
}
