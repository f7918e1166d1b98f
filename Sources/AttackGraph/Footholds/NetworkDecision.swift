import NetworkEngine
import ReachCore

/// The text naming what decided a network step (X1), read from the naive evaluator
/// (``NetworkEngine/PairEvaluator/explain(_:_:_:)``, networkpolicy.md): the admin-tier rule when
/// one decided, else Calico's deciding policy under the Calico engine, else the NetworkPolicies
/// selecting the pod with their matching rules, or "no policy selects the pod".
enum NetworkDecision {
    /// One side of an explanation, e.g. `NetworkPolicy prod/allow-lb rule 1` or
    /// `no policy selects the pod`.
    /// - Complexity: O(policies of the side).
    static func side(_ s: SideExplanation) -> String {
        if let a = s.adminDecision, a.action != .pass {
            return "\(a.policy) rule \(a.rule + 1) (\(a.action.rawValue))"
        }
        if let deny = s.ciliumDeny { return "\(deny) (deny)" }
        if let c = s.calicoDecision, c.decided {
            let rule = c.rule.map { " rule \($0 + 1)" } ?? ""
            return "\(c.policy ?? "end of tier \(c.tier)")\(rule) (\(c.outcome.rawValue))"
        }
        if s.isolated {
            return s.policies.filter { !$0.matchingRules.isEmpty }
                .map { "NetworkPolicy \($0.policy) rule \($0.matchingRules.map { String($0 + 1) }.joined(separator: ","))" }
                .joined(separator: ", ")
        }
        if let b = s.baselineDecision { return "no policy selects the pod; \(b.policy) rule \(b.rule + 1) (\(b.action.rawValue))" }
        return "no policy selects the pod"
    }

    /// The detail of an X1 step into endpoint `e` on `probe`: from the first external address
    /// atom allowed in (`via == nil`), or from controller endpoint `via`:
    /// `port TCP/8080 from 0.0.0.0/0[External]; ingress: no policy selects the pod`.
    /// - Complexity: O(external atoms) plus one or two ``NetworkEngine/PairEvaluator/explain(_:_:_:)``.
    static func exposure(reach: NetworkReach, to e: Int, probe: ProbePort, via: Int?) -> String {
        let evaluator = reach.evaluator
        if let c = via {
            let x = evaluator.explain(.endpoint(c), .endpoint(e), probe)
            return "port \(probe) from \(x.source); ingress: \(side(x.ingress)); egress: \(side(x.egress))"
        }
        guard let atom = (0..<reach.ipAtoms.atoms.count).first(where: { reach.allowed(.external($0), .endpoint(e), probe) }) else {
            return "port \(probe)"
        }
        let x = evaluator.explain(.external(atom), .endpoint(e), probe)
        return "port \(probe) from \(x.source); ingress: \(side(x.ingress))"
    }
}
