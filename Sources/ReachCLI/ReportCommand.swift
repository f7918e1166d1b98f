import ArgumentParser
import Foundation
import ReachKit
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

    func run() throws {
        let analyzer = input.analyzer()
        let page = ClusterReport.build(analyzer, title: title).render()
        try Output.write(Data(page.utf8), toFile: html)
        if html != "-" {
            FileHandle.standardError.write(Data("wrote \(html) (\(ByteCount.format(page.utf8.count)))\n".utf8))
        }
        try RenderSupport.finish(analyzer)
    }
}
