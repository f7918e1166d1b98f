import ArgumentParser
import AttackGraph
import Audit
import Foundation
import RBACEngine
import ReachKit
import ReachModel
import ReachReports

/// `kube-reach report`: one self-contained HTML page summarising the cluster.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write a self-contained HTML report: inventory, diagnostics, reachability, RBAC, attack paths.",
        discussion: """
        The page has inline CSS and SVG only: no scripts, fonts or other network fetches, so it can
        be attached to a ticket or opened offline. Graphs are capped at a node budget (see the legends).
        Exit codes: 0 written; 2 usage or input error (the report is still written for valid objects).
        """
    )

    @OptionGroup var input: InputOptions

    @Option(help: ArgumentHelp("The HTML file to write (- for standard output).", valueName: "file"))
    var html: String

    @Option(name: .customLong("title"), help: "Page title.")
    var title: String = "kube-reach cluster report"

    @Option(name: .customLong("aks"), help: ArgumentHelp("Also run the AKS checks on this cluster JSON (`az aks show -o json` or ARM body).", valueName: "file"))
    var aks: String?

    @Option(name: .customLong("max-paths"), help: "Attack paths drawn per goal (the shortest first).")
    var maxPaths: Int = 12

    func validate() throws {
        if maxPaths < 1 { throw ValidationError("--max-paths must be at least 1") }
    }

    func run() throws {
        let analyzer = input.analyzer()
        var cluster: AKSCluster?
        var clusterDiagnostics: [Diagnostic] = []
        if let aks {
            let loaded = Analyzer.loadAKSCluster(path: aks)
            guard let c = loaded.cluster else { throw ExitCode.inputError(loaded.diagnostics.map(\.description).joined(separator: "\n")) }
            cluster = c
            clusterDiagnostics = loaded.diagnostics
        }
        // Everything the audit knows, least privilege included (system RBAC counted, not listed).
        var audit = analyzer.audit(cluster: cluster, options: AuditOptions(leastPrivilege: true))
        audit.diagnostics = (audit.diagnostics + clusterDiagnostics).sorted()
        let inputs = ClusterReport.Inputs(attackPaths: attackDiagrams(analyzer), extraSections: [AuditHTMLFormatter.section(audit)])
        let page = ClusterReport.build(analyzer, inputs: inputs, title: title).render()
        try Output.write(Data(page.utf8), toFile: html)
        if html != "-" {
            FileHandle.standardError.write(Data("wrote \(html) (\(ByteCount.format(page.utf8.count)))\n".utf8))
        }
        try RenderSupport.finish(analyzer)
    }

    /// Escalation paths (length ≥ 1: direct holders are in the RBAC section) to
    /// cluster-admin-equivalence and to reading kube-system's secrets, shortest first.
    /// - Complexity: one attack-graph build plus two all-sources goal searches.
    func attackDiagrams(_ analyzer: Analyzer) -> [AttackPathDiagram] {
        let graph = analyzer.attackGraph(index: analyzer.rbac())
        let goals: [(AccessRequest, String)] = [
            (AttackGraph.adminGoal, "Escalation paths to cluster-admin-equivalent (* on * cluster-wide)"),
            (AccessRequest(verb: "get", resource: "secrets", namespace: "kube-system"), "Escalation paths to reading secrets in kube-system"),
        ]
        return goals.compactMap { goal, title in
            let paths = graph.transitiveHolders(of: goal).filter { $0.length > 0 }
            return paths.isEmpty ? nil : AttackPathDiagram(paths, goal: goal, graph: graph, title: title, limit: maxPaths)
        }
    }
}
