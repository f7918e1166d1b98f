import ArgumentParser
import AttackGraph
import RBACEngine
import ReachKit
import ReachReports

/// `kube-reach who-can`: every subject allowed a request.
struct WhoCanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "who-can",
        abstract: "List every subject allowed a request, with the binding and role that grant it.",
        discussion: """
        Subjects are those named in bindings in scope (all ClusterRoleBindings, plus RoleBindings of
        -n NS) and every ServiceAccount in the input whose identity is allowed (through
        system:serviceaccounts[:NS] or system:authenticated), sorted; Group:system:masters is always
        included unless --no-masters. With --transitive: every candidate identity that can end up
        doing it through the escalation edges of escalation.md (E1–E13), with path length and first
        hop; direct holders have length 0. Exit codes: 0 answered; 2 usage or input error.
        """
    )

    @OptionGroup var input: InputOptions
    @OptionGroup var request: RequestArguments
    @OptionGroup var options: RBACOutputOptions
    @Flag(help: "Also list identities that can reach the request through privilege escalation (attack paths).")
    var transitive = false
    @Flag(help: "With --transitive: also the internet, pods and nodes from which the request is reachable (footholds.md).")
    var footholds = false
    @Flag(name: .customLong("no-assume-exploitable"), help: "With --footholds: drop X1/X2 (services are not assumed exploitable).")
    var noAssumeExploitable = false
    @OptionGroup var azure: AzureOptions

    func validate() throws {
        if !transitive && options.graphFormat != nil { throw ValidationError("who-can draws graphs with --transitive only") }
        if (footholds || noAssumeExploitable) && !transitive { throw ValidationError("--footholds and --no-assume-exploitable need --transitive") }
        if footholds && options.graphFormat != nil { throw ValidationError("--footholds draws no graph; use paths --from … -o svg for one path") }
    }

    func run() throws {
        let session = input.session()
        let index = session.rbac(mastersBypass: !options.noMasters)
        if transitive && (footholds || noAssumeExploitable) { return try runFootholds(session: session, index: index) }
        if transitive, let analysis = azure.load() {
            // Kubernetes identities as without --azure, then every Azure principal with its path.
            let graph = session.attackGraph(mastersBypass: !options.noMasters)
            let holders = graph.transitiveHolders(of: request.request)
            let finder = AzurePathFinder(analysis: analysis, analyzer: session.analyzer, index: index, goals: [request.request])
            let azureHolders = finder.azureHolders(of: .kubernetes(request.request))
            if let format = options.graphFormat {
                let diagram = AttackPathDiagram(azure: azureHolders, goal: "\(request.request)",
                                                title: "Azure principals that can transitively \(request.request)")
                try GraphEmitter.emit(AttackPathDot.document(diagram), format: format, to: options.outFile)
                try LoadErrors.finish(session.snapshot)
                return try AzureOptions.finish(analysis)
            }
            Output.write(options.output == .json
                ? AzureFormatter.combinedHoldersJSON(AttackFormatter.holdersJSON(holders, goal: request.request, graph: graph), azureHolders)
                : AttackFormatter.holdersText(holders, goal: request.request, graph: graph, title: "Can transitively")
                    + "\n" + AzureFormatter.holdersText(azureHolders, title: "Azure principals that can transitively \(request.request)"))
            try LoadErrors.finish(session.snapshot)
            return try AzureOptions.finish(analysis)
        }
        if transitive {
            let graph = session.attackGraph(mastersBypass: !options.noMasters)
            let holders = graph.transitiveHolders(of: request.request)
            if let format = options.graphFormat {
                let diagram = AttackPathDiagram(holders, goal: request.request, graph: graph, title: "Can transitively \(request.request)")
                try GraphEmitter.emit(AttackPathDot.document(diagram), format: format, to: options.outFile)
            } else {
                Output.write(options.output == .json
                    ? AttackFormatter.holdersJSON(holders, goal: request.request, graph: graph)
                    : AttackFormatter.holdersText(holders, goal: request.request, graph: graph, title: "Can transitively"))
            }
            return try LoadErrors.finish(session.snapshot)
        }
        let answer = index.whoCan(request.request)
        if let analysis = azure.load() {
            let holders = analysis.authorizer.whoCan(request.request)
            Output.write(options.output == .json
                ? AzureFormatter.whoCan(answer, index: index, diagnostics: index.diagnostics,
                                        azure: AzureFormatter.whoCanJSON(holders, analysis: analysis))
                : RBACTextFormatter.whoCan(answer, index: index, diagnostics: index.diagnostics)
                    + AzureFormatter.whoCanText(holders, request: request.request, analysis: analysis))
            try LoadErrors.finish(session.snapshot)
            return try AzureOptions.finish(analysis)
        }
        Output.write(options.output == .json ? RBACJSONFormatter.whoCan(answer, index: index, diagnostics: index.diagnostics)
                                             : RBACTextFormatter.whoCan(answer, index: index, diagnostics: index.diagnostics))
        try LoadErrors.finish(session.snapshot)
    }

    /// `--transitive --footholds`: the foothold holders (footholds.md); with `--azure`, then every
    /// Azure principal whose path may cross pods and nodes (AZ8 from a node, docs/azure.md).
    /// - Complexity: one foothold graph and one ``FootholdDistances``; with `--azure` also one
    ///   reverse search of ``AzurePathFinder/holders(of:)`` over the combined graph.
    func runFootholds(session: AnalysisSession, index: RBACIndex) throws {
        let graph = session.analyzer.footholdGraph(index: index, reach: session.networkReach())
        let goal = FootholdGoal.request(request.request)
        let holders = graph.transitiveHolders(of: goal, assumeExploitable: !noAssumeExploitable)
        let json = options.output == .json
        let kubernetes = json ? FootholdHoldersFormatter.json(holders, goal: goal, graph: graph)
                              : FootholdHoldersFormatter.text(holders, goal: goal, graph: graph, title: "Can transitively")
        guard let analysis = azure.load() else {
            Output.write(kubernetes)
            return try LoadErrors.finish(session.snapshot)
        }
        // Then every Azure principal whose path may cross pods and nodes (AZ8 from a node), and the
        // internet, pods and nodes that reach the request only through the Azure identity layer.
        let finder = AzurePathFinder(analysis: analysis, analyzer: session.analyzer, index: index, goals: [request.request],
                                     reach: session.networkReach(), assumeExploitable: !noAssumeExploitable)
        let answer = finder.holders(of: .kubernetes(request.request))
        let onlyAzure = AzureFootholdSupport.notIn(holders, graph: graph, answer.footholds)
        let title = "ServiceAccounts, internet, pods and nodes that can transitively \(request.request) only through Azure identities"
        Output.write(json ? AzureFormatter.addingFootholds(AzureFormatter.combinedHoldersJSON(kubernetes, answer.azure), onlyAzure)
                          : kubernetes + "\n" + AzureFormatter.holdersText(answer.azure, title: "Azure principals that can transitively \(request.request)")
                              + "\n" + AzureFormatter.footholdHoldersText(onlyAzure, title: title))
        try LoadErrors.finish(session.snapshot)
        return try AzureOptions.finish(analysis)
    }
}
