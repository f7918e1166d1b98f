import AttackGraph
import RBACEngine
import ReachKit
import ReachReports

extension PathsCommand {
    /// `paths --to-admin --azure`: every Azure principal that can become cluster-admin-equivalent;
    /// with footholds, first the foothold holders as without `--azure`, and last the internet, pods
    /// and nodes that reach it only through the Azure identity layer (AZ5, AZ8; docs/azure.md
    /// "With footholds"). `admission` marks E1n/E7p steps (`--aks`).
    /// - Complexity: one reverse search of ``AzurePathFinder/holders(of:)``, plus with footholds one
    ///   foothold graph and ``FootholdDistances`` without the Azure layer.
    func runAzureHolders(_ finder: AzurePathFinder, session: AnalysisSession, index: RBACIndex,
                         admission: FootholdAdmission) throws {
        let answer = finder.holders(of: .kubernetes(AttackGraph.adminGoal))
        let reports = answer.azure.map { $0.marked(admission) }
        let title = "Can become cluster-admin-equivalent"
        guard footholdMode else {
            switch output {
            case .text: Output.write(AzureFormatter.holdersText(reports, title: title))
            case .json: Output.write(AzureFormatter.holdersJSON(reports))
            case .dot, .svg, .png, .pdf:
                try emitGraph(AttackPathDiagram(azure: reports, goal: "\(AttackGraph.adminGoal)", title: title + " (Azure principals)"))
            }
            return
        }
        let graph = session.analyzer.footholdGraph(index: index, reach: session.networkReach())
        let goal = FootholdGoal.request(AttackGraph.adminGoal)
        let holders = graph.transitiveHolders(of: goal, assumeExploitable: !noAssumeExploitable)
        let onlyAzure = AzureFootholdSupport.notIn(holders, graph: graph, answer.footholds).map { $0.marked(admission) }
        let extraTitle = "ServiceAccounts, internet, pods and nodes that can become cluster-admin-equivalent only through Azure identities"
        switch output {
        case .text:
            Output.write(FootholdHoldersFormatter.text(holders, goal: goal, graph: graph, title: title) + "\n"
                         + AzureFormatter.holdersText(reports, title: title) + "\n"
                         + AzureFormatter.footholdHoldersText(onlyAzure, title: extraTitle))
        case .json:
            let doc = AzureFormatter.combinedHoldersJSON(FootholdHoldersFormatter.json(holders, goal: goal, graph: graph), reports)
            Output.write(AzureFormatter.addingFootholds(doc, onlyAzure))
        case .dot, .svg, .png, .pdf:
            try emitGraph(AttackPathDiagram(azure: reports, goal: "\(AttackGraph.adminGoal)", title: title + " (Azure principals)"))
        }
    }
}

extension PathsCommand {
    /// `paths --to 'keyvault V/S' --azure` without `--from`: every Azure principal that can read the
    /// secret and, with footholds, every `Internet`, `Pod:` and `Node:` state (all through the Azure
    /// identity layer: AZ5 from a pod's ServiceAccount, AZ8 from a node, AZ9), each with its path.
    /// - Complexity: one reverse search of ``AzurePathFinder/holders(of:)``.
    func runKeyVaultHolders(_ finder: AzurePathFinder, goal: AzurePathGoal, admission: FootholdAdmission) throws {
        let answer = finder.holders(of: goal)
        let reports = answer.azure.map { $0.marked(admission) }
        let states = answer.footholds.map { $0.marked(admission) }
        let title = "Can read \(goal)"
        switch output {
        case .text:
            Output.write(AzureFormatter.holdersText(reports, title: title)
                         + (footholdMode ? "\n" + AzureFormatter.footholdHoldersText(states, title: "ServiceAccounts, internet, pods and nodes that can read \(goal)") : ""))
        case .json:
            let doc = AzureFormatter.holdersJSON(reports)
            Output.write(footholdMode ? AzureFormatter.addingFootholds(doc, states) : doc)
        case .dot, .svg, .png, .pdf:
            try emitGraph(AttackPathDiagram(azure: reports + states, goal: "\(goal)", title: title))
        }
    }
}

/// Joins the foothold answer without `--azure` with the combined one.
enum AzureFootholdSupport {
    /// The reports of `combined` whose start is not among `plain`'s starts: the internet, pods and
    /// nodes that reach the goal only with the Azure identity layer.
    /// - Complexity: O(plain + combined).
    static func notIn(_ plain: [FootholdPath], graph: FootholdGraph, _ combined: [AzurePathReport]) -> [AzurePathReport] {
        let known = Set(plain.map { graph.state($0.start).description })
        return combined.filter { !known.contains($0.start) }
    }
}
