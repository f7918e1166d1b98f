import NetworkEngine
import ReachModel

extension ReachFormatter {
    /// `--explain` lines for a side decided (or not) by Calico's tiers, e.g.
    /// `denied by Calico tier default: GlobalNetworkPolicy/deny-all rule 0: Deny`.
    static func calicoSide(_ title: String, _ c: CalicoDecision, baseline: TierDecision?) -> String {
        let tier = SafeText.terminal(c.tier)
        let passed = c.passedBy.isEmpty ? "" : " (passed by \(c.passedBy.map(SafeText.terminal).joined(separator: ", ")))"
        switch c.outcome {
        case .allow, .deny:
            let policy = SafeText.terminal(c.policy ?? "")
            let verdict = c.outcome == .allow ? "allowed" : "denied"
            return "  \(title): \(verdict) by Calico tier \(tier): \(policy) rule \(c.rule ?? 0): \(c.outcome == .allow ? "Allow" : "Deny")\(passed)\n"
        case .endOfTierDeny:
            return "  \(title): denied at the end of Calico tier \(tier): a policy selects it and no rule decided\(passed)\n"
        case .undecided:
            if let b = baseline { return "  \(title): no Calico tier decided\(passed); \(tierLine(b))\n" }
            return "  \(title): allowed, no Calico tier decided\(passed) (the namespace profile allows)\n"
        }
    }

    static func calicoJSON(_ c: CalicoDecision) -> JSONValue {
        var out: [(String, JSONValue)] = [("outcome", .string(c.outcome.rawValue)), ("tier", .string(c.tier))]
        if let p = c.policy { out.append(("policy", .string(p))) }
        if let r = c.rule { out.append(("rule", .int(r))) }
        out.append(("passedBy", .array(c.passedBy.map { .string($0) })))
        return .object(out)
    }
}
