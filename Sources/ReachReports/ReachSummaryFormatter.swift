import NetworkEngine
import ReachModel

/// The default `reach` text answer for clusters too large to list (a screen or two): totals, the
/// namespace-to-namespace matrix, what the outside world reaches, what is open to every pod, what
/// is isolated and the widest allowances — each list capped, with how to get everything.
public enum ReachSummaryFormatter {
    /// - Parameter limit: rows shown per list.
    /// - Complexity: O(lists × limit) plus the namespace pairs' sort upstream.
    public static func text(_ s: ReachSummary, limit: Int = 10) -> String {
        let probes = s.probes.map { "probes " + $0.map(\.description).joined(separator: ",") } ?? "every port"
        let possible = s.endpoints * max(s.endpoints - 1, 0)
        var out = "Reachability summary: \(n(s.endpoints)) pods and workloads in \(n(s.classes)) classes of equivalent pods, "
            + "\(n(s.namespaces)) namespaces, \(n(s.policies)) NetworkPolicies; \(probes).\n"
        out += "Allowed: \(n(s.allowedPairs)) of \(n(possible)) ordered pod pairs (\(percent(s.allowedPairs, possible))), "
            + "self traffic not counted.\n"
        out += "The full list has \(n(s.listRows)) rows (classes of equivalent pods); this summary shows the first "
            + "\(limit) of each list.\n"
        out += "Everything: --all (the full list), --expand (pod pairs), --from/--to ns/pod or ns/* (one side), "
            + "-o json|csv|md (machine-readable).\n"

        out += section("Namespace to namespace, by allowed pod pairs", total: s.namespacePairs.count, limit: limit)
        var table = TextTable(header: ["SOURCE", "DESTINATION", "POD PAIRS", "OF POSSIBLE", "CONNECTIONS"], rightAligned: [2, 3])
        for p in s.namespacePairs.prefix(limit) {
            table.add([SafeText.terminal(p.source), SafeText.terminal(p.destination), n(p.podPairs), percent(p.podPairs, p.possiblePairs), p.connections.description])
        }
        out += s.namespacePairs.isEmpty ? "  (none: no two different pods can connect)\n" : table.render(indent: "  ")

        out += groups("Reachable from outside the cluster", s.fromOutside, ["FROM", "CONNECTIONS"], limit: limit) { g in
            let from = g.count == s.externalRanges ? "from any address" : "from \(g.count) of \(s.externalRanges) address ranges"
            return [from, g.connections.description]
        }
        out += groups("Open to every other pod in the cluster", s.openToAllPods, ["CONNECTIONS EVERY POD HAS"], limit: limit) { [$0.connections.description] }
        out += groups("Isolated: no other pod and no outside address can connect", s.isolated, [], limit: limit) { _ in [] }
        out += groups("Can connect to addresses outside the cluster", s.toOutside, ["CONNECTIONS"], limit: limit) { [$0.connections.description] }
        out += groups("Widest sources: pods that reach the most other pods", s.widestSources, ["EACH POD"], limit: limit) {
            ["reaches \(n($0.count)) pods"]
        }
        out += groups("Widest destinations: pods reached by the most other pods", s.widestDestinations, ["EACH POD"], limit: limit) {
            ["reached by \(n($0.count)) pods"]
        }
        out += "\nSelf traffic (a pod to itself) is always allowed and not counted.\n"
        return out
    }

    static func section(_ title: String, total: Int, limit: Int) -> String {
        "\n\(title) (\(n(total))\(total > limit ? ", first \(limit) shown" : "")):\n"
    }

    static func groups(_ title: String, _ list: [ReachSummary.Group], _ headers: [String], limit: Int,
                       _ cells: (ReachSummary.Group) -> [String]) -> String {
        let pods = list.reduce(0) { $0 + $1.pods }
        var out = "\n\(title): \(n(pods)) pod\(pods == 1 ? "" : "s") in \(n(list.count)) class\(list.count == 1 ? "" : "es")"
            + (list.count > limit ? ", first \(limit) shown" : "") + (list.isEmpty ? ".\n" : ":\n")
        guard !list.isEmpty else { return out }
        var table = TextTable(header: ["PODS", "CLASS"] + headers, rightAligned: [0])
        for g in list.prefix(limit) { table.add([n(g.pods), SafeText.terminal(g.label)] + cells(g)) }
        out += table.render(indent: "  ")
        return out
    }

    /// `1,234,567`.
    static func n(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var out = ""
        for (i, ch) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(ch)
        }
        return (value < 0 ? "-" : "") + out
    }

    static func percent(_ part: Int, _ whole: Int) -> String {
        guard whole > 0 else { return "-" }
        let p = Double(part) * 100 / Double(whole)
        if part == whole { return "100 %" }
        if p >= 10 { return "\(Int(p)) %" }
        return "\((p * 10).rounded() / 10) %"
    }
}
