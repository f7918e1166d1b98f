import ArgumentParser
import AttackGraph
import RBACEngine
import ReachKit
import ReachReports

/// `kube-reach paths`: the shortest attack path from an identity to a goal, or every identity that
/// can become cluster-admin-equivalent.
struct PathsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "paths",
        abstract: "Find the shortest privilege-escalation path to a goal (escalation.md edges E1–E13).",
        discussion: """
        --to takes a request like who-can: 'VERB RESOURCE[.GROUP][/SUBRESOURCE] [NAME] [-n NS]', e.g.
        'get secrets db -n prod'. Each step names the technique, the object used, the permission and
        the binding granting it. --to-admin lists every candidate identity that can end up with * on *
        cluster-wide, ranked by path length. Footholds (footholds.md): --from internet, Pod:NS/NAME or
        Node:NAME, --to node or Node:NAME, or --footholds search one graph of the internet, pods, nodes
        and identities (edges X1, X2, F1–F3, E1n, E7p); X1/X2 steps are assumptions, dropped by
        --no-assume-exploitable. With --azure DIR, --from also takes AzureUser:ID|UPN,
        AzureGroup:ID, AzureServicePrincipal:ID or ManagedIdentity:NAME, --to also 'keyvault VAULT/SECRET',
        and paths cross the Azure identity edges AZ1–AZ9 and Azure RBAC for Kubernetes (docs/azure.md);
        --to-admin then ranks the Azure principals (or, with --from, finds one start's path to it), and
        --to 'keyvault VAULT/SECRET' without --from lists every Azure principal (with --footholds also
        the internet, pods and nodes) that can read the secret.
        With footholds, a Node: state reaches the kubelet identity (AZ8). Exit codes: 0 answered; 2 usage or input error.
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, dot, svg, png, pdf }

    @OptionGroup var input: InputOptions
    @Option(help: ArgumentHelp("Start: User:NAME, Group:NAME, ServiceAccount:NS/NAME, or a foothold: internet, Pod:NS/NAME, Node:NAME.", valueName: "subject"))
    var from: String?
    @Option(name: .customLong("group"), help: "Extra group of the start identity (repeatable).")
    var groups: [String] = []
    @Option(help: ArgumentHelp("The goal: a request, e.g. 'get secrets db -n prod'; or node (root on any node), Node:NAME.", valueName: "request"))
    var to: String?
    @Flag(name: .customLong("to-admin"), help: "Rank every identity that can become cluster-admin-equivalent.")
    var toAdmin = false
    @Flag(name: .customLong("no-masters"), help: "Do not apply the system:masters convention.")
    var noMasters = false
    @Flag(help: "Search the foothold graph (footholds.md): the internet, pods and nodes besides identities.")
    var footholds = false
    @Flag(name: .customLong("no-assume-exploitable"), help: "Drop X1/X2 (exposed and reachable services are not assumed exploitable).")
    var noAssumeExploitable = false
    @Option(name: [.customShort("o"), .customLong("output")], help: "Output format: text, json, dot, svg, png or pdf (graphs rendered in-process).")
    var output: Format = .text
    @Option(name: .customLong("out-file"), help: ArgumentHelp("Write the graph (dot, svg, png, pdf) to this file instead of standard output.", valueName: "file"))
    var outFile: String?
    @OptionGroup var azure: AzureOptions
    @Option(name: .customLong("aks"), help: ArgumentHelp("AKS cluster JSON: with the Azure Policy add-on enabled, E1n/E7p foothold steps are marked subject to admission policy.", valueName: "file"))
    var aks: String?

    func validate() throws {
        if toAdmin {
            // With --azure, --from … --to-admin asks for the path from one start to cluster-admin-equivalence.
            if to != nil || (from != nil && azure.directory == nil) { throw ValidationError("--to-admin takes neither --from nor --to") }
            return
        }
        // With --azure, --to 'keyvault V/S' without --from lists every start that can read it.
        if from == nil, azure.directory != nil, let to, AzurePathGoal.keyVault(parsing: to) != nil { return }
        guard from != nil, let to else { throw ValidationError("give --from SUBJECT and --to REQUEST, or --to-admin") }
        if azure.directory == nil, to.hasPrefix("keyvault ") { throw ValidationError("Key Vault goals need --azure DIR") }
        if azure.directory != nil {
            if AzurePathGoal.keyVault(parsing: to) != nil { return }
        }
        _ = try GoalParser.parseFoothold(to)
    }

    /// Whether the question needs the foothold graph: a foothold start or goal, or `--footholds`.
    var footholdMode: Bool {
        footholds || noAssumeExploitable || from.flatMap(FootholdState.parse) != nil
            || (to.flatMap { try? GoalParser.parseFoothold($0) }.map { if case .request = $0 { false } else { true } } ?? false)
    }

    func run() throws {
        if footholdMode && azure.directory == nil { return try runFootholds() }
        let session = input.session()
        let index = session.rbac(mastersBypass: !noMasters)
        if let analysis = azure.load() { return try runAzure(analysis, session: session, index: index) }
        if toAdmin {
            let graph = session.attackGraph(mastersBypass: !noMasters)
            let holders = graph.transitiveHolders(of: AttackGraph.adminGoal)
            let title = "Can become cluster-admin-equivalent"
            switch output {
            case .text: Output.write(AttackFormatter.holdersText(holders, goal: AttackGraph.adminGoal, graph: graph, title: title))
            case .json: Output.write(AttackFormatter.holdersJSON(holders, goal: AttackGraph.adminGoal, graph: graph))
            case .dot, .svg, .png, .pdf:
                try emitGraph(AttackPathDiagram(holders, goal: AttackGraph.adminGoal, graph: graph, title: title))
            }
            return try LoadErrors.finish(session.snapshot)
        }
        let principal = try RBACCommandSupport.principal(from ?? "", allowGroup: true)
        let goal = try GoalParser.parse(to ?? "")
        let start = AttackGraph.start(principal, groups: groups.isEmpty ? nil : AttackState(principal).identity.groups + groups)
        let report = session.analyzer.attackGraph(index: index, starts: [start]).report(from: start, to: goal)
        switch output {
        case .text: Output.write(AttackFormatter.pathText(report))
        case .json: Output.write(AttackFormatter.pathJSON(report))
        case .dot, .svg, .png, .pdf: try emitGraph(AttackPathDiagram(report))
        }
        try LoadErrors.finish(session.snapshot)
    }
}

extension PathsCommand {
    /// `paths --azure DIR`: across Azure identity edges and the attack graph (docs/azure.md "Paths").
    func runAzure(_ analysis: AzureAnalysis, session: AnalysisSession, index: RBACIndex) throws {
        let goal = try azureGoal()
        let kubernetesGoal: AccessRequest? = if case .kubernetes(let r) = goal { r } else { nil }
        let allStarts = from == nil
        let startObject = allStarts ? nil : analysis.objectID(of: from ?? "")
        let finder = AzurePathFinder(analysis: analysis, analyzer: session.analyzer, index: index,
                                     goals: kubernetesGoal.map { [$0] } ?? [], entraStarts: allStarts ? nil : [startObject].compactMap { $0 },
                                     reach: footholdMode ? session.networkReach() : nil, assumeExploitable: !noAssumeExploitable)
        let admission = try admission()
        if allStarts, case .keyVault = goal {
            try runKeyVaultHolders(finder, goal: goal, admission: admission)
        } else if allStarts {
            try runAzureHolders(finder, session: session, index: index, admission: admission)
        } else {
            guard let report = finder.path(from: from ?? "", groups: groups, to: goal)?.marked(admission) else {
                throw ValidationError("--from: '\(from ?? "")' is neither a Kubernetes subject, a foothold in the input nor an Azure principal of the --azure folder")
            }
            switch output {
            case .text: Output.write(AzureFormatter.pathText(report))
            case .json: Output.write(AzureFormatter.pathJSON(report))
            case .dot, .svg, .png, .pdf:
                try emitGraph(AttackPathDiagram(azure: [report], goal: "\(goal)", title: "Attack path: \(report.start) → \(goal)"))
            }
        }
        try LoadErrors.finish(session.snapshot)
        try AzureOptions.finish(analysis)
    }

    /// The goal of `paths --azure`: cluster-admin-equivalence (`--to-admin`), `keyvault V/S`, a
    /// node goal (foothold search), else a Kubernetes request.
    func azureGoal() throws -> AzurePathGoal {
        if toAdmin { return .kubernetes(AttackGraph.adminGoal) }
        let text = to ?? ""
        if let kv = AzurePathGoal.keyVault(parsing: text) { return kv }
        switch try GoalParser.parseFoothold(text) {
        case .request(let r): return .kubernetes(r)
        case let g: return .foothold(g)
        }
    }

    func emitGraph(_ diagram: AttackPathDiagram) throws {
        let format: GraphFormat
        switch output {
        case .dot: format = .dot
        case .png: format = .png
        case .pdf: format = .pdf
        default: format = .svg
        }
        try GraphEmitter.emit(AttackPathDot.document(diagram), format: format, to: outFile)
    }
}

/// Parses a goal such as `get secrets db -n prod`, `create pods/exec web -n dev`,
/// `get nodes/proxy node-1`, `get deployments.apps -n x` or `get --non-resource-url /metrics`
/// with the same rules as can-i / who-can.
enum GoalParser {
    static func parse(_ text: String) throws -> AccessRequest {
        let words = text.split(separator: " ").map(String.init)
        do {
            let args = try RequestArguments.parse(words)
            return args.request
        } catch {
            throw ValidationError("--to: expected 'VERB RESOURCE [NAME] [-n NS]', got '\(text)'")
        }
    }

    /// A foothold goal: `node`, `Node:NAME`, else a request as ``parse(_:)``.
    static func parseFoothold(_ text: String) throws -> FootholdGoal {
        if text == "node" { return .anyNode }
        if text.hasPrefix("Node:"), text.count > 5 { return .node(String(text.dropFirst(5))) }
        return .request(try parse(text))
    }
}
