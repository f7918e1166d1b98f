import ReachCore
import ReachModel

extension NetworkEngine {
    /// What kube-reach does not model of the Calico policies in force (engine calico), or that
    /// another engine does not read them. Each is located at the policy or rule.
    /// - Complexity: O(policies × rules).
    static func calicoDiagnostics(_ policies: [CalicoPolicy], engine: PolicyEngineChoice) -> [Diagnostic] {
        guard !policies.isEmpty else { return [] }
        guard engine.engine == .calico else {
            guard engine.explicit else { return [] }
            let n = policies.count
            return [Diagnostic(id: NetworkDiagnosticID.notModelled, severity: .info, location: policies[0].meta.location,
                               message: "\(n) projectcalico.org/v3 polic\(n == 1 ? "y is" : "ies are") not read by the \(engine.engine.rawValue) engine: left out")]
        }
        var out: [Diagnostic] = []
        func note(_ p: CalicoPolicy, _ loc: SourceLocation?, _ path: String, _ what: String) {
            out.append(Diagnostic(id: NetworkDiagnosticID.notModelled, severity: .info, location: loc ?? p.meta.location,
                                  path: path, message: "\(p.displayName): \(what)"))
        }
        for p in policies {
            if p.tier != "default", p.tierSpec == nil {
                note(p, nil, "spec.tier", "tier '\(p.tier)' has no Tier object in the input; it is evaluated just before the default tier (tiers by name)")
            }
            for field in p.hostEndpointFields {
                note(p, nil, "spec.\(field)", "\(field) concerns host endpoints, which are not modelled; the policy is read as an ordinary policy of the pods it selects")
            }
            for (dir, rules) in [("ingress", p.ingress), ("egress", p.egress)] {
                for (i, rule) in rules.enumerated() {
                    for what in rule.unmodelled {
                        note(p, rule.location, "spec.\(dir)[\(i)].\(what)", "\(what) match is not modelled; the rule is read without it (an upper bound for Allow)")
                    }
                    if CalicoSemantics.hasSourcePorts(rule) {
                        note(p, rule.location, "spec.\(dir)[\(i)].source.ports", "source ports are not known offline; the rule matches nothing")
                    }
                }
            }
        }
        return out
    }
}

extension NetworkEngine {
    /// Calico `Tier` objects whose place kube-reach cannot honour: Calico puts the
    /// `policy.networking.k8s.io` Admin tier at order 1000 (`kube-admin`) and the Baseline tier at
    /// 10 000 000 (`kube-baseline`); kube-reach always evaluates the Admin tier before every Calico
    /// tier and the Baseline tier after them, so a tier ordered outside (1000, 10 000 000) is
    /// reported when the input has tier policies. Under another engine, Tier objects are not read.
    /// - Complexity: O(tiers + policies).
    static func calicoTierDiagnostics(_ policies: [CalicoPolicy], _ tiers: [CalicoTier], admin: [AdminNetworkPolicy],
                                      engine: PolicyEngineChoice) -> [Diagnostic] {
        guard engine.engine == .calico, !admin.isEmpty else { return [] }
        let used = Set(policies.map(\.tier))
        return tiers.filter { used.contains($0.meta.name) }.compactMap { t in
            let order = t.order ?? .infinity
            guard order <= CalicoTier.adminTierOrder || order >= CalicoTier.baselineTierOrder else { return nil }
            let side = order <= CalicoTier.adminTierOrder ? "before Calico's kube-admin tier (order 1000)" : "after Calico's kube-baseline tier (order 10000000)"
            return Diagnostic(id: NetworkDiagnosticID.notModelled, severity: .info, location: t.meta.location, path: "spec.order",
                              message: "Tier/\(t.meta.name): order \(t.order.map { "\($0)" } ?? "absent") places it \(side); kube-reach evaluates the policy.networking.k8s.io Admin tier first and Baseline tier last")
        }
    }
}
