import NetworkEngine
import ReachKit
import ReachModel

/// Formats NetworkPolicy reachability: the JSON contract, connection lists (text, CSV,
/// Markdown), explanations and lint findings. Formatting only.
public enum ReachFormatter {
    /// `{"probes": [...], "allowed": {"TCP/80": ["x/a->x/a", ...]}}` (interfaces.md).
    public static func json(probes: [ProbePort], allowed: [ProbePort: [String]]) -> String {
        var map: [String: Any] = [:]
        for p in probes { map[p.description] = allowed[p] ?? [] }
        let doc: [String: Any] = [
            "probes": probes.map { ["protocol": $0.protocolName.rawValue, "port": $0.port] as [String: Any] },
            "allowed": map,
        ]
        return JSONText.encode(doc)
    }

    /// `src => dst : conn` lines, then a note on self traffic.
    public static func text(_ rows: [ConnectionRow], expanded: Bool) -> String {
        if rows.isEmpty { return "No allowed connections between different pods.\n" }
        var out = rows.map { "\($0.source) => \($0.destination) : \($0.connections)" }.joined(separator: "\n") + "\n"
        out += expanded ? "" : "\n(classes of equivalent pods are grouped as ns/{a, b}; --expand lists pod pairs)\n"
        out += "Self traffic (a pod to itself) is always allowed and not listed.\n"
        return out
    }

    /// `src,dst,conn` with RFC 4180 quoting.
    public static func csv(_ rows: [ConnectionRow]) -> String {
        func q(_ s: String) -> String { s.contains(",") || s.contains("\"") ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s }
        return "src,dst,conn\n" + rows.map { "\(q($0.source)),\(q($0.destination)),\(q($0.connections.description))\n" }.joined()
    }

    /// A Markdown table `| src | dst | conn |`.
    public static func markdown(_ rows: [ConnectionRow]) -> String {
        func e(_ s: String) -> String { s.replacingOccurrences(of: "|", with: "\\|") }
        return "| src | dst | conn |\n|-----|-----|------|\n"
            + rows.map { "| \(e($0.source)) | \(e($0.destination)) | \(e($0.connections.description)) |\n" }.joined()
    }

    /// Human explanation of each probe.
    public static func explanationText(_ list: [ReachExplanation]) -> String {
        var out = ""
        for x in list {
            out += "\(x.source) -> \(x.destination) \(x.probe): \(x.allowed ? "ALLOWED" : "DENIED")\n"
            if x.selfTraffic {
                out += "  self traffic is always allowed (rule 2)\n\n"
                continue
            }
            out += side("egress of \(x.source)", x.egress, direction: "Egress")
            out += side("ingress of \(x.destination)", x.ingress, direction: "Ingress")
            out += "\n"
        }
        return out
    }

    static func side(_ title: String, _ s: SideExplanation, direction: String) -> String {
        if s.external { return "  \(title): outside the cluster, not restricted by NetworkPolicy\n" }
        if !s.isolated { return "  \(title): allowed, no policy selects it for \(direction) (not isolated)\n" }
        var out = "  \(title): \(s.admits ? "allowed" : "denied"), isolated by \(s.policies.count) polic\(s.policies.count == 1 ? "y" : "ies")\n"
        for p in s.policies {
            let what = p.ruleCount == 0 ? "has no \(direction.lowercased()) rules (denies all)"
                : p.matchingRules.isEmpty ? "no rule of \(p.ruleCount) matches the peer and port"
                : "rule\(p.matchingRules.count == 1 ? "" : "s") \(p.matchingRules.map(String.init).joined(separator: ", ")) match\(p.matchingRules.count == 1 ? "es" : "")"
            out += "    \(p.policy): \(what)\n"
        }
        return out
    }

    /// Explanations as JSON.
    public static func explanationJSON(_ list: [ReachExplanation]) -> String {
        func side(_ s: SideExplanation) -> [String: Any] {
            ["external": s.external, "isolated": s.isolated, "admits": s.admits,
             "policies": s.policies.map { ["policy": $0.policy, "matchingRules": $0.matchingRules, "rules": $0.ruleCount] as [String: Any] }]
        }
        return JSONText.encode(["explanations": list.map { x -> [String: Any] in
            ["source": x.source, "destination": x.destination, "probe": x.probe.description, "allowed": x.allowed,
             "selfTraffic": x.selfTraffic, "egress": side(x.egress), "ingress": side(x.ingress)]
        }])
    }

    /// Lint findings as text (one per line) or JSON (`{"findings": [...]}`).
    public static func findingsText(_ findings: [Diagnostic]) -> String { DiagnosticsFormatter.text(findings) }
    public static func findingsJSON(_ findings: [Diagnostic]) -> String {
        JSONText.encode(["findings": findings.map(DiagnosticsFormatter.jsonObject)])
    }
}
