import Audit
import NetworkEngine
import ReachKit
import ReachModel

/// The `kube-reach report --html` page: summary, inventory, load diagnostics, reachability
/// overview graph and lint findings, RBAC overview (risky bindings and graph) and attack paths.
public enum ClusterReport {
    /// What goes into the report besides the snapshot.
    public struct Inputs: Sendable {
        /// Attack paths to draw (e.g. to cluster-admin and to secrets). `nil` when this build has
        /// no attack-path engine: the section then says so instead.
        public var attackPaths: [AttackPathDiagram]?
        /// Extra sections appended at the end (e.g. audit findings).
        public var extraSections: [HTMLReport.Section]
        /// Node budgets for the graphs.
        public var reachNodeBudget: Int
        public var rbacNodeBudget: Int

        public init(attackPaths: [AttackPathDiagram]? = nil, extraSections: [HTMLReport.Section] = [],
                    reachNodeBudget: Int = 60, rbacNodeBudget: Int = 80) {
            self.attackPaths = attackPaths
            self.extraSections = extraSections
            self.reachNodeBudget = reachNodeBudget
            self.rbacNodeBudget = rbacNodeBudget
        }
    }

    /// The whole `report --html` page: the audit (least privilege included; system RBAC counted,
    /// not listed), escalation paths to cluster-admin and to kube-system's secrets, and the
    /// sections of ``build(_:inputs:title:)`` — every engine result taken from `session`, so each
    /// is built once (the audit's RBAC index and attack graph are the paths').
    /// - Complexity: the session's builds plus two all-sources goal searches and the layouts.
    public static func page(_ session: AnalysisSession, cluster: AKSCluster?, clusterDiagnostics: [Diagnostic] = [],
                            title: String = "kube-reach cluster report", maxPaths: Int = 12) -> HTMLReport {
        var audit = session.audit(cluster: cluster, options: AuditOptions(leastPrivilege: true))
        audit.diagnostics = (audit.diagnostics + clusterDiagnostics).sorted()
        let graph = session.attackGraph()
        let diagrams = session.escalationPaths().map {
            AttackPathDiagram($0.paths, goal: $0.goal, graph: graph, title: $0.title, limit: maxPaths)
        }
        let footholds = session.analyzer.footholdGraph(index: session.rbac(), reach: session.networkReach())
        let internet = InternetReachSection.section(footholds, secrets: session.snapshot.secrets)
        return build(session, inputs: Inputs(attackPaths: diagrams, extraSections: [internet, AuditHTMLFormatter.section(audit)]), title: title)
    }

    /// Builds the page from the session's results (network reach and findings built once, shared
    /// with any other user of the session) and renders graphs through Graphviz; a graph that fails
    /// to render is replaced by its error message.
    /// - Complexity: the session's network analysis (if not built yet) plus the layouts of two
    ///   budget-capped graphs.
    public static func build(_ session: AnalysisSession, inputs: Inputs = Inputs(), title: String = "kube-reach cluster report") -> HTMLReport {
        let analyzer = session.analyzer
        let snapshot = session.snapshot
        let inventory = analyzer.inventory
        let reach = session.networkReach()
        let findings = session.networkFindings()
        let risky = session.riskyBindings()
        let files = snapshot.files.count
        var report = HTMLReport(title: title, subtitle: "\(inventory.objectCount) objects from \(files) file\(files == 1 ? "" : "s")")
        report.sections.append(summary(inventory, reach: reach, findings: findings, risky: risky))
        report.sections.append(HTMLReport.Section(id: "inventory", title: "Inventory", body: inventoryTable(inventory)))
        report.sections.append(HTMLReport.Section(id: "diagnostics", title: "Load diagnostics", body: diagnosticsTable(inventory.diagnostics)))
        let overview = analyzer.reachabilityOverview(reach, nodeBudget: inputs.reachNodeBudget)
        report.sections.append(HTMLReport.Section(id: "reachability", title: "Reachability overview",
                                                  body: "<p class=\"note\">\(reach.endpoints.count) pods in \(reach.classes.count) classes of equivalent pods; "
                                                      + "\(reach.networkPolicyCount) NetworkPolicies.</p>" + graph(ReachabilityDot.document(overview))))
        report.sections.append(HTMLReport.Section(id: "reach-findings", title: "Reachability findings", body: diagnosticsTable(findings)))
        report.sections.append(rbacSection(snapshot, risky: risky, budget: inputs.rbacNodeBudget))
        report.sections.append(attackSection(inputs.attackPaths))
        report.sections += inputs.extraSections
        return report
    }

    static func summary(_ inv: Inventory, reach: NetworkReach, findings: [Diagnostic], risky: [RiskyBinding]) -> HTMLReport.Section {
        let body = HTML.cards([
            (String(inv.objectCount), "objects"),
            (String(reach.endpoints.count), "pods and workloads"),
            (String(reach.networkPolicyCount), "NetworkPolicies"),
            (String(inv.count(.error)), "load errors"),
            (String(inv.count(.warning)), "load warnings"),
            (String(findings.count), "reachability findings"),
            (String(risky.count), "bindings of risky roles"),
        ])
        return HTMLReport.Section(id: "summary", title: "Summary", body: body + "<p class=\"note\">\(HTML.escape(RBACCaveat.text))</p>")
    }

    static func inventoryTable(_ inv: Inventory) -> String {
        let rows = inv.totals.keys.sorted().map { [HTML.escape($0.rawValue), String(inv.totals[$0] ?? 0)] }
        var out = HTML.table(["Kind", "Objects"], rows, numeric: [1])
        if !inv.skipped.isEmpty {
            out += "<h3>Skipped kinds (not modelled)</h3>"
            out += HTML.table(["apiVersion kind", "Objects"], inv.skipped.keys.sorted().map { [HTML.escape($0), String(inv.skipped[$0] ?? 0)] }, numeric: [1])
        }
        return out
    }

    static func diagnosticsTable(_ diagnostics: [Diagnostic]) -> String {
        let rows = diagnostics.map { d -> [String] in
            let location = d.location.map { "\($0.file):\($0.line)" } ?? ""
            return ["<span class=\"sev-\(d.severity.rawValue)\">\(HTML.escape(d.severity.rawValue))</span>", HTML.escape(d.id),
                    HTML.escape(location), HTML.escape(d.message)]
        }
        return HTML.table(["Severity", "ID", "Where", "Message"], rows)
    }

    static func rbacSection(_ snapshot: ClusterSnapshot, risky: [RiskyBinding], budget: Int) -> HTMLReport.Section {
        let rows = risky.map { b -> [String] in
            [HTML.escape(b.binding), HTML.escape(b.role), HTML.escape(b.namespace ?? "cluster-wide"),
             b.subjects.map(HTML.escape).joined(separator: "<br/>"),
             b.risks.map { "<span class=\"risk\">\(HTML.escape($0.rawValue))</span>" }.joined(separator: " ")]
        }
        var body = "<h3>Bindings of risky roles</h3>"
        body += "<p class=\"note\">Roles whose rules match the audit's risky-grant catalog (the same definition as the least-privilege checks): wildcard verbs, resources or API groups, reading secrets cluster-wide (not limited by resourceNames), pods/exec or pods/attach, bind/escalate, impersonate; aggregated ClusterRoles count the rules they aggregate.</p>"
        body += HTML.table(["Binding", "Role", "Scope", "Subjects", "Risks"], rows)
        body += "<h3>Bindings graph</h3>" + graph(RBACDot.document(snapshot, nodeBudget: budget))
        return HTMLReport.Section(id: "rbac", title: "RBAC overview", body: body)
    }

    /// The attack-path section: the diagrams when given, else a clearly labelled placeholder.
    static func attackSection(_ diagrams: [AttackPathDiagram]?) -> HTMLReport.Section {
        guard let diagrams else {
            return HTMLReport.Section(id: "attack-paths", title: "Attack paths",
                                      body: "<p><strong>attack paths: not available in this build</strong> — the attack-path engine is not part of this build; paths to cluster-admin and to secrets will appear here.</p>",
                                      isPlaceholder: true)
        }
        if diagrams.isEmpty {
            return HTMLReport.Section(id: "attack-paths", title: "Attack paths", body: "<p>No attack paths found.</p>")
        }
        var body = ""
        for d in diagrams {
            body += "<h3>\(HTML.escape(d.title))</h3>" + graph(AttackPathDot.document(d))
            let rows = d.paths.enumerated().flatMap { (i, path) in
                path.map { s in [String(i + 1), HTML.escape(s.from), HTML.escape("\(s.techniqueID) \(s.techniqueName)"),
                                  HTML.escape(s.permission), HTML.escape(s.binding ?? ""), HTML.escape(s.to)] }
            }
            body += HTML.table(["Path", "From", "Technique", "Permission", "Granted by", "To"], rows, numeric: [0])
        }
        return HTMLReport.Section(id: "attack-paths", title: "Attack paths", body: body)
    }

    static func graph(_ doc: GraphDocument) -> String {
        do {
            return HTML.inlineSVG(try doc.svg())
        } catch {
            return "<p class=\"sev-error\">Graph could not be rendered: \(HTML.escape(String(describing: error)))</p>"
        }
    }
}
