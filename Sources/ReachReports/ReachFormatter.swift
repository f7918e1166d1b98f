import NetworkEngine
import ReachKit
import ReachModel

/// Formats NetworkPolicy reachability: the JSON contract, connection lists (text, CSV,
/// Markdown), explanations and lint findings. Formatting only.
public enum ReachFormatter {
    /// `{"probes": [...], "allowed": {"TCP/80": ["x/a->x/a", ...]}}` (interfaces.md) from pair lists
    /// already built (small answers, tests); ``ReachStreamFormatter/json(_:probes:sources:destinations:to:)``
    /// streams them from the engine instead.
    public static func json(probes: [ProbePort], allowed: [ProbePort: [String]]) -> String {
        JSONText.encode([
            "probes": .array(probes.map(ReachStreamFormatter.probeObject)),
            "allowed": .object(probes.map { ($0.description, .strings(allowed[$0] ?? [])) }),
        ])
    }

    /// Human explanation of each probe.
    public static func explanationText(_ list: [ReachExplanation]) -> String {
        var out = ""
        for x in list {
            out += "\(SafeText.terminal(x.source)) -> \(SafeText.terminal(x.destination)) \(x.probe): \(x.allowed ? "ALLOWED" : "DENIED")\n"
            if x.selfTraffic {
                out += "  self traffic is always allowed (rule 2)\n\n"
                continue
            }
            out += side("egress of \(SafeText.terminal(x.source))", x.egress, direction: "Egress")
            out += side("ingress of \(SafeText.terminal(x.destination))", x.ingress, direction: "Ingress")
            out += "\n"
        }
        return out
    }

    static func side(_ title: String, _ s: SideExplanation, direction: String) -> String {
        if s.external { return "  \(title): outside the cluster, not restricted by NetworkPolicy\n" }
        var out = ""
        if let a = s.adminDecision {
            out += "  \(title): \(tierLine(a))\n"
            if a.action != .pass { return out }
        }
        if let c = s.ciliumDeny { return out + "  \(title): denied by Cilium deny rule \(SafeText.terminal(c))\n" }
        if let c = s.calicoDecision { return out + calicoSide(title, c, baseline: s.baselineDecision) }
        if !s.isolated, let b = s.baselineDecision { return out + "  \(title): \(tierLine(b))\n" }
        if !s.isolated { return out + "  \(title): allowed, no policy selects it for \(direction) (not isolated)\n" }
        return out + isolatedSide(title, s, direction: direction)
    }

    /// `Admin tier: ClusterNetworkPolicy/x (priority 10) rule 0 "name": Deny`.
    static func tierLine(_ d: TierDecision) -> String {
        let verdict = switch d.action {
        case .accept: "allowed"
        case .deny: "denied"
        case .pass: "passed on to the NetworkPolicy tier"
        }
        let name = d.ruleName.isEmpty ? "" : " \"\(SafeText.terminal(d.ruleName))\""
        return "\(verdict) by the \(d.tier.rawValue) tier: \(SafeText.terminal(d.policy)) (priority \(d.priority)) rule \(d.rule)\(name): \(d.action.rawValue)"
    }

    static func isolatedSide(_ title: String, _ s: SideExplanation, direction: String) -> String {
        var out = "  \(title): \(s.admits ? "allowed" : "denied"), isolated by \(s.policies.count) polic\(s.policies.count == 1 ? "y" : "ies")\n"
        for p in s.policies {
            let what = p.ruleCount == 0 ? "has no \(direction.lowercased()) rules (denies all)"
                : p.matchingRules.isEmpty ? "no rule of \(p.ruleCount) matches the peer and port"
                : "rule\(p.matchingRules.count == 1 ? "" : "s") \(p.matchingRules.map(String.init).joined(separator: ", ")) match\(p.matchingRules.count == 1 ? "es" : "")"
            out += "    \(SafeText.terminal(p.policy)): \(what)\n"
        }
        return out
    }

    /// Explanations as JSON.
    public static func explanationJSON(_ list: [ReachExplanation]) -> String {
        func side(_ s: SideExplanation) -> JSONValue {
            var out: [(String, JSONValue)] = [("external", .bool(s.external)), ("isolated", .bool(s.isolated)), ("admits", .bool(s.admits)),
             ("policies", .array(s.policies.map { ["policy": .string($0.policy), "matchingRules": .array($0.matchingRules.map { .int($0) }),
                                                  "rules": .int($0.ruleCount)] }))]
            for (key, d) in [("adminDecision", s.adminDecision), ("baselineDecision", s.baselineDecision)] {
                guard let d else { continue }
                out.append((key, ["tier": .string(d.tier.rawValue), "policy": .string(d.policy), "priority": .int(d.priority),
                            "rule": .int(d.rule), "ruleName": .string(d.ruleName), "action": .string(d.action.rawValue)]))
            }
            if let c = s.ciliumDeny { out.append(("ciliumDeny", .string(c))) }
            if let c = s.calicoDecision { out.append(("calicoDecision", calicoJSON(c))) }
            return .object(out)
        }
        return JSONText.encode(["explanations": .array(list.map { x -> JSONValue in
            ["source": .string(x.source), "destination": .string(x.destination), "probe": .string(x.probe.description),
             "allowed": .bool(x.allowed), "selfTraffic": .bool(x.selfTraffic), "egress": side(x.egress), "ingress": side(x.ingress)]
        })])
    }

    /// Lint findings as text (one per line) or JSON (`{"findings": [...]}`).
    public static func findingsText(_ findings: [Diagnostic]) -> String { DiagnosticsFormatter.text(findings) }
    public static func findingsJSON(_ findings: [Diagnostic]) -> String {
        JSONText.encode(["findings": .array(findings.map(DiagnosticsFormatter.jsonObject))])
    }
}
