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
            if p.serviceAccountSelector {
                note(p, nil, "spec.serviceAccountSelector", "serviceAccountSelector is not modelled (no service accounts on endpoints here); the policy selects nothing")
            }
            if p.tier != "default" {
                note(p, nil, "spec.tier", "tier '\(p.tier)' has no Tier order here; it is evaluated just before the default tier (tiers by name)")
            }
            for (dir, rules) in [("ingress", p.ingress), ("egress", p.egress)] {
                for (i, rule) in rules.enumerated() {
                    for what in rule.unmodelled {
                        note(p, rule.location, "spec.\(dir)[\(i)].\(what)", "\(what) match is not modelled; the rule is read without it (an upper bound for Allow)")
                    }
                    if rule.source.serviceAccounts || rule.destination.serviceAccounts {
                        note(p, rule.location, "spec.\(dir)[\(i)]", "serviceAccounts match is not modelled; the entity matches nothing")
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
