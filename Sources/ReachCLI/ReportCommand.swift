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

    @OptionGroup var policyEngine: PolicyEngineOptions

    @Option(name: .customLong("max-paths"), help: "Attack paths drawn per goal (the shortest first).")
    var maxPaths: Int = 12

    func validate() throws {
        if maxPaths < 1 { throw ValidationError("--max-paths must be at least 1") }
    }

    func run() throws {
        let session = input.session()
        var cluster: AKSCluster?
        var clusterDiagnostics: [Diagnostic] = []
        if let aks {
            let loaded = Analyzer.loadAKSCluster(path: aks)
            guard let c = loaded.cluster else { throw ExitCode.inputError(loaded.diagnostics.map(\.description).joined(separator: "\n")) }
            cluster = c
            clusterDiagnostics = loaded.diagnostics
        }
        session.policyEngine = policyEngine.choice(cluster: cluster)
        let page = ClusterReport.page(session, cluster: cluster, clusterDiagnostics: clusterDiagnostics, title: title,
                                      maxPaths: maxPaths).render()
        try Output.write(Data(page.utf8), toFile: html)
        if html != "-" {
            Output.writeError("wrote \(html) (\(ByteCount.format(page.utf8.count)))\n")
        }
        try LoadErrors.finish(session.snapshot)
    }
}
