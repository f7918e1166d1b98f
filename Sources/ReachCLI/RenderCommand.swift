import ArgumentParser
import Foundation
import ReachKit
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
        let analyzer = input.analyzer()
        let overview = analyzer.reachabilityOverview(analyzer.networkReach(), nodeBudget: graph.maxNodes ?? 60, externalBudget: maxExternal)
        try graph.emit(ReachabilityDot.document(overview))
        try RenderSupport.finish(analyzer)
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
        let analyzer = input.analyzer()
        let filter = RBACGraphFilter(subject: subject, namespace: namespace, resource: resource)
        try graph.emit(RBACDot.document(analyzer.snapshot, filter: filter, nodeBudget: graph.maxNodes ?? 120))
        try RenderSupport.finish(analyzer)
    }
}

/// `kube-reach render attack`: attack paths from a JSON diagram (the attack-path engine's output format).
struct RenderAttack: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "attack",
        abstract: "Attack paths from a JSON diagram: {\"goal\", \"title\", \"paths\": [[{from, to, techniqueID, techniqueName, permission, binding}]]}."
    )

    @Option(name: .customLong("diagram"), help: ArgumentHelp("The diagram JSON file (- for stdin).", valueName: "file"))
    var diagram: String

    @OptionGroup var graph: GraphOutputOptions

    func run() throws {
        let data = diagram == "-" ? FileHandle.standardInput.readDataToEndOfFile() : try Data(contentsOf: URL(fileURLWithPath: diagram))
        let decoded: AttackPathDiagram
        do {
            decoded = try JSONDecoder().decode(AttackPathDiagram.self, from: data)
        } catch {
            throw ValidationError("\(diagram): not an attack-path diagram: \(error)")
        }
        try graph.emit(AttackPathDot.document(decoded))
    }
}

enum RenderSupport {
    /// Exit 2 after drawing when the inputs had errors (the graph covers the valid objects).
    static func finish(_ analyzer: Analyzer) throws {
        if analyzer.snapshot.hasErrors {
            FileHandle.standardError.write(Data(DiagnosticsFormatter.text(analyzer.snapshot.diagnostics.filter { $0.severity == .error }).utf8))
            throw ExitCode(2)
        }
    }
}
