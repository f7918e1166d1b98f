import ArgumentParser
import AttackGraph
import Foundation
import ReachKit
import ReachLoader
import ReachReports

/// `kube-reach render`: graphs as DOT, SVG, PNG or PDF (Graphviz in-process, no `dot` needed).
struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Draw reachability, RBAC or attack-path graphs as DOT, SVG, PNG or PDF.",
        discussion: """
        Every graph has a legend. Beyond --max-nodes, nodes are aggregated (a namespace's remaining
        classes of pods, or the remaining bindings) and the legend says so; graphs with more than
        80 nodes are laid out with sfdp. Output goes to standard output unless --out-file is given.
        Exit codes: 0 drawn; 2 usage, input or Graphviz error.
        """,
        subcommands: [RenderReach.self, RenderRBAC.self, RenderAttack.self]
    )
}

/// `kube-reach render reach`: the NetworkPolicy reachability overview.
struct RenderReach: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reach",
        abstract: "Namespaces as clusters, classes of equivalent pods as nodes, allowed ports on edges."
    )

    @OptionGroup var input: InputOptions
    @OptionGroup var graph: GraphOutputOptions

    @Option(name: .customLong("max-external"), help: "External address ranges drawn before the rest are aggregated.")
    var maxExternal: Int = 8

    func run() throws {
        let session = input.session()
        let overview = session.analyzer.reachabilityOverview(session.networkReach(), nodeBudget: graph.maxNodes ?? 60, externalBudget: maxExternal)
        try graph.emit(ReachabilityDot.document(overview))
        try LoadErrors.finish(session.snapshot)
    }
}

/// `kube-reach render rbac`: subject → binding → role → rules.
struct RenderRBAC: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rbac",
        abstract: "Subjects, bindings, roles and their rules; aggregated ClusterRoles linked to what they select."
    )

    @OptionGroup var input: InputOptions
    @OptionGroup var graph: GraphOutputOptions

    @Option(help: ArgumentHelp("Only bindings of this subject: User:NAME, Group:NAME or ServiceAccount:NS/NAME.", valueName: "subject"))
    var subject: String?

    @Option(name: [.customShort("n"), .customLong("namespace")], help: "Only RoleBindings of this namespace (and ClusterRoleBindings of its service accounts).")
    var namespace: String?

    @Option(help: ArgumentHelp("Only rules covering this resource, e.g. secrets or pods/exec.", valueName: "resource"))
    var resource: String?

    func run() throws {
        let session = input.session()
        let filter = RBACGraphFilter(subject: subject, namespace: namespace, resource: resource)
        try graph.emit(RBACDot.document(session.snapshot, filter: filter, nodeBudget: graph.maxNodes ?? 120))
        try LoadErrors.finish(session.snapshot)
    }
}

/// `kube-reach render attack`: attack paths computed from manifests (one path, every transitive
/// holder of a request, or everyone who can become cluster-admin-equivalent), or drawn from a
/// JSON diagram.
struct RenderAttack: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "attack",
        abstract: "Attack paths: --from S --to REQUEST, --transitive REQUEST, --to-admin, or a JSON --diagram.",
        discussion: """
        With -f: --from SUBJECT --to 'get secrets db -n prod' draws the shortest path; --transitive \
        'get secrets -n kube-system' merges the shortest path of every identity that can end up doing it; \
        --to-admin does the same for * on * cluster-wide. Footholds (footholds.md): --from internet, \
        Pod:NS/NAME or Node:NAME, or --to node / Node:NAME, draw the foothold path as `paths -o svg` does \
        (network steps with their port and deciding policy, pod, node and identity steps, a legend). \
        --diagram FILE draws a JSON diagram \
        {"goal", "title", "paths": [[{from, to, techniqueID, techniqueName, permission, binding}]]}.
        """
    )

    @Option(name: [.customShort("f"), .customLong("input")],
            help: ArgumentHelp("A manifest file or directory (repeatable).", valueName: "path"))
    var inputs: [String] = []
    @Option(help: ArgumentHelp("Start: User:NAME, Group:NAME, ServiceAccount:NS/NAME, or a foothold: internet, Pod:NS/NAME, Node:NAME.", valueName: "subject"))
    var from: String?
    @Option(help: ArgumentHelp("The goal request for --from, e.g. 'get secrets db -n prod'.", valueName: "request"))
    var to: String?
    @Option(help: ArgumentHelp("Every identity that can end up making this request.", valueName: "request"))
    var transitive: String?
    @Flag(name: .customLong("to-admin"), help: "Every identity that can become cluster-admin-equivalent.")
    var toAdmin = false
    @Option(name: .customLong("max-paths"), help: "Paths drawn for --transitive and --to-admin (shortest first).")
    var maxPaths: Int = 25
    @Option(name: .customLong("diagram"), help: ArgumentHelp("A diagram JSON file (- for stdin) instead of -f.", valueName: "file"))
    var diagram: String?

    @OptionGroup var graph: GraphOutputOptions

    func validate() throws {
        let modes = [to != nil, transitive != nil, toAdmin, diagram != nil].filter { $0 }.count
        guard modes == 1 else { throw ValidationError("give exactly one of --to (with --from), --transitive, --to-admin or --diagram") }
        if diagram != nil && !inputs.isEmpty { throw ValidationError("--diagram takes no -f inputs") }
        if diagram == nil && inputs.isEmpty { throw ValidationError("at least one --input/-f PATH is required") }
        if (from != nil) != (to != nil) { throw ValidationError("--from and --to go together") }
        if maxPaths < 1 { throw ValidationError("--max-paths must be at least 1") }
        if let to {
            if footholdMode { _ = try GoalParser.parseFoothold(to) } else { _ = try GoalParser.parse(to) }
        }
        if let transitive { _ = try GoalParser.parse(transitive) }
    }

    func run() throws {
        let budget = graph.maxNodes ?? AttackPathDiagram.defaultNodeBudget
        if let diagram { return try graph.emit(AttackPathDot.document(try Self.decode(diagram), nodeBudget: budget)) }
        let session = AnalysisSession.load(paths: inputs)
        if footholdMode, let from, let to { return try renderFoothold(session, from: from, to: to) }
        let graphModel = session.attackGraph()
        let drawn: AttackPathDiagram
        if let from, let to {
            let start = AttackState(try RBACCommandSupport.principal(from, allowGroup: true))
            drawn = AttackPathDiagram(graphModel.report(from: start, to: try GoalParser.parse(to)))
        } else {
            let goal = toAdmin ? AttackGraph.adminGoal : try GoalParser.parse(transitive ?? "")
            let title = toAdmin ? "Can become cluster-admin-equivalent" : "Can transitively \(goal)"
            drawn = AttackPathDiagram(graphModel.transitiveHolders(of: goal), goal: goal, graph: graphModel, title: title, limit: maxPaths)
        }
        try graph.emit(AttackPathDot.document(drawn, nodeBudget: budget))
        try LoadErrors.finish(session.snapshot)
    }

    static func decode(_ path: String) throws -> AttackPathDiagram {
        // Capped and chunked like manifests (`--diagram - < /dev/zero` stops at 64 MiB).
        let read = CappedInput.read(path)
        guard let data = read.data else {
            throw ExitCode.inputError(read.diagnostics.map(\.description).joined(separator: "\n"))
        }
        do {
            return try JSONDecoder().decode(AttackPathDiagram.self, from: data)
        } catch {
            throw ValidationError("\(path): not an attack-path diagram: \(error)")
        }
    }
}


