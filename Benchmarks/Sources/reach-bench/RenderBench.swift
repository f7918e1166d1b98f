import ArgumentParser
import Foundation
import NetworkEngine
import ReachKit
import ReachReports

/// Rendering: the reachability overview of a generated cluster (budget-capped class groups) to
/// DOT and through in-process Graphviz to SVG — the `render reach` / `report --html` path.
struct RenderBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render", abstract: "Reachability overview graph (DOT + Graphviz SVG) of generated clusters.")

    @Option(help: "Comma-separated pod counts.") var pods = "1000,10000"
    @Option(help: "Comma-separated policy counts (paired with --pods).") var policies = "100,1000"
    @Option(name: .customLong("max-nodes"), help: "Node budget of the overview.") var maxNodes = 60
    @Option var seed: UInt64 = 1

    func run() throws {
        print("| pods | policies | analyze | overview (budget \(maxNodes)) | nodes / edges drawn | DOT | SVG layout (engine) | SVG size | peak RSS |")
        print("|---|---|---|---|---|---|---|---|---|")
        for (p, n) in zip(pods.split(separator: ",").compactMap { Int($0) }, policies.split(separator: ",").compactMap { Int($0) }) {
            let snapshot = NetworkBench.cluster(pods: p, policies: n, seed: seed)
            let analyzer = Analyzer(snapshot: snapshot)
            var reach: NetworkReach?
            let analyze = Measure.time(runs: 1) { reach = analyzer.networkReach() }
            guard let reach else { continue }
            var overview: ReachabilityOverview?
            let build = Measure.time(runs: 1) { overview = analyzer.reachabilityOverview(reach, nodeBudget: maxNodes) }
            guard let overview else { continue }
            let document = ReachabilityDot.document(overview)
            var dot = ""
            let dotTime = Measure.time(runs: 1) { dot = document.dot }
            var svg = Data()
            var failure: String?
            let layout = Measure.time(runs: 1) {
                do { svg = try document.render(.svg) } catch { failure = "\(error)" }
            }
            if let failure { print("render failed: \(failure)"); throw ExitCode(1) }
            let edges = dot.components(separatedBy: " -> ").count - 1
            print("| \(p) | \(n) | \(Measure.ms(analyze[0])) | \(Measure.ms(build[0])) | \(document.graph.nodeCount) / \(edges) | \(Measure.ms(dotTime[0])) | \(Measure.ms(layout[0])) (\(document.engine)) | \(Measure.mb(svg.count)) | \(Measure.mb(Measure.peakRSS())) |")
        }
    }
}
