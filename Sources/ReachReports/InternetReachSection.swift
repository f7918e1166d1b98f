import AttackGraph
import RBACEngine
import ReachKit
import ReachModel

/// The report section "Reachable from the internet" (footholds.md): the Secrets the internet can
/// reach assuming exposed and reachable services are exploitable, the shortest first, each path
/// step by step, and the first path drawn. Formatting only: the paths come from
/// ``AttackGraph/FootholdGraph``.
public enum InternetReachSection {
    /// - Complexity: one forward foothold search plus one path per Secret, and one layout.
    public static func section(_ graph: FootholdGraph, secrets: [Secret], limit: Int = 10) -> HTMLReport.Section {
        let found = graph.secretsReachable(from: .internet, secrets: secrets.map { ($0.namespace ?? "default", $0.name) })
        guard !found.isEmpty else {
            return HTMLReport.Section(id: "internet", title: "Reachable from the internet",
                                      body: "<p>No Secret is reachable from the internet in the model (footholds.md edges, exposed and reachable services assumed exploitable).</p>")
        }
        var body = "<p>\(found.count) Secret\(found.count == 1 ? "" : "s") reachable from the internet, assuming exposed (X1) and reachable (X2) services are exploitable; the \(min(limit, found.count)) shortest below. <code>kube-reach paths --from internet --to 'get secrets NAME -n NS'</code> explains one.</p>"
        if let first = found.first {
            let goal = FootholdGoal.request(AccessRequest(verb: "get", apiGroup: "", resource: "secrets", subresource: "",
                                                          name: first.name, namespace: first.namespace, nonResourceURL: ""))
            body += ClusterReport.graph(FootholdPathDot.document(graph.report(from: .internet, to: goal, assumeExploitable: true)))
        }
        var rows: [[String]] = []
        for (i, f) in found.prefix(limit).enumerated() {
            for s in f.path.steps {
                rows.append([String(i + 1), HTML.escape("Secret/\(f.namespace)/\(f.name)"), HTML.escape(graph.state(s.from).description),
                             HTML.escape("\(s.technique) \(FootholdCatalog.title(of: s.technique))\(s.isAssumption ? " (assumption)" : "")"),
                             HTML.escape(s.object.isEmpty ? s.detail : s.object), HTML.escape(graph.state(s.to).description)])
            }
        }
        body += HTML.table(["Path", "Secret", "From", "Technique", "Object / why", "To"], rows, numeric: [0])
        return HTMLReport.Section(id: "internet", title: "Reachable from the internet", body: body)
    }
}
