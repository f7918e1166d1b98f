import ReachCore
import ReachModel

/// ``RandomScenario`` clusters whose pods run as random ServiceAccounts (some without a
/// ServiceAccount object, some with none set: `default`), with labelled ServiceAccounts and Calico
/// policies using `serviceAccountSelector`, `serviceAccounts` (`names`, `selector`) and selectors
/// reading `projectcalico.org/serviceaccount`.
extension RandomScenario {
    static let accounts = ["default", "api", "batch"]

    mutating func serviceAccountSnapshot(pods: Int, policies: Int, admin: Int, calico: Int) -> ClusterSnapshot {
        var snap = snapshot(pods: pods, policies: policies, admin: admin, calico: 0)
        for ns in namespaces {
            for name in Self.accounts where chance(0.7) {
                snap.serviceAccounts.append(ServiceAccount(meta: ObjectMeta(name: name, namespace: ns, labels: labels(), location: loc)))
            }
        }
        for i in snap.pods.indices where chance(0.8) { snap.pods[i].spec.serviceAccountName = pick(Self.accounts) }
        for i in 0..<calico {
            var p = calicoPolicy(i)
            if chance(0.4) { p.serviceAccountSelector = accountSelector() }
            for r in p.ingress.indices { p.ingress[r] = withAccounts(p.ingress[r]) }
            for r in p.egress.indices { p.egress[r] = withAccounts(p.egress[r]) }
            snap.calicoPolicies.append(p)
        }
        return snap
    }

    /// A selector over ServiceAccount labels (the pod label vocabulary) or the profile's name label.
    mutating func accountSelector() -> CalicoSelector {
        chance(0.3) ? .equals("projectcalico.org/name", pick(Self.accounts)) : calicoSelector()
    }

    mutating func accountMatch() -> CalicoPolicy.ServiceAccountMatch {
        var m = CalicoPolicy.ServiceAccountMatch()
        if chance(0.6) { m.names = [pick(Self.accounts)] + (chance(0.3) ? [pick(Self.accounts)] : []) }
        if m.names.isEmpty || chance(0.3) { m.selector = accountSelector() }
        return m
    }

    mutating func withAccounts(_ rule: CalicoPolicy.Rule) -> CalicoPolicy.Rule {
        var r = rule
        if chance(0.35) { r.source.serviceAccounts = accountMatch() }
        if chance(0.25) { r.destination.serviceAccounts = accountMatch() }
        if chance(0.1) { r.source.selector = .equals("projectcalico.org/serviceaccount", pick(Self.accounts)) }
        return r
    }
}
