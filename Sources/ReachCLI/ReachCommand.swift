import ArgumentParser
import NetworkEngine
import ReachKit
import ReachModel
import ReachReports

/// `kube-reach reach`: NetworkPolicy reachability, explanations and lint findings.
struct ReachCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reach",
        abstract: "Pod-to-pod reachability under NetworkPolicies: lists, explanations, lint.",
        discussion: """
        Without --probes, probes every declared (protocol, containerPort). JSON output is the \
        contract of interfaces.md (pod pairs per probe, self pairs included). Text, CSV and \
        Markdown list connections per class of equivalent pods (--expand: per pod pair).

        On a cluster whose list would exceed \(ReachCommand.summaryThreshold) rows, the text answer is a \
        summary instead (totals, namespace to namespace, open to the outside or to every pod, \
        isolated, widest allowances); --all prints the full list, --summary the summary on any \
        cluster. --from/--to and --expand always list.

        --explain SRC DST tells which policies and rules decide a connection; --lint lists findings \
        (--fail-on sets the exit code). dot, svg and png draw the overview graph (classes of pods per \
        namespace, ports on edges; see `kube-reach render reach` for budgets and files).

        Exit codes: 0 ran (with --lint: nothing at or above --fail-on); 1 lint findings at or above \
        --fail-on; 2 usage or input error (results are still printed for valid objects).
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, csv, md, dot, svg, png }

    @OptionGroup var input: InputOptions

    @Option(name: .customLong("aks"), help: ArgumentHelp("AKS cluster JSON: its networkProfile picks the policy engine.", valueName: "file"))
    var aks: String?

    @OptionGroup var policyEngine: PolicyEngineOptions

    @Option(help: ArgumentHelp("Comma-separated probes, e.g. TCP/80,UDP/53.", valueName: "probes"))
    var probes: String?

    @Option(help: ArgumentHelp("Only connections from this pod (ns/pod, ns/name[Kind] or ns/*).", valueName: "ns/pod"))
    var from: String?

    @Option(help: ArgumentHelp("Only connections to this pod (ns/pod, ns/name[Kind] or ns/*).", valueName: "ns/pod"))
    var to: String?

    @Option(name: .customLong("from-selector"),
            help: ArgumentHelp("Only connections from pods matching NS/k=v[,k=v] (NS may be *).", valueName: "ns/labels"))
    var fromSelector: String?

    @Option(name: .customLong("to-selector"),
            help: ArgumentHelp("Only connections to pods matching NS/k=v[,k=v] (NS may be *).", valueName: "ns/labels"))
    var toSelector: String?

    @Flag(help: "List pod pairs instead of classes of equivalent pods.")
    var expand = false

    @Flag(help: "Text: print the full list even when it is long (default: a summary beyond \(ReachCommand.summaryThreshold) rows).")
    var all = false

    @Flag(help: "Text: print the summary even for a small cluster.")
    var summary = false

    /// Text lists longer than this become a summary unless --all.
    static let summaryThreshold = 200

    @Option(parsing: .upToNextOption, help: ArgumentHelp("Explain SRC -> DST (pods or IPs).", valueName: "src dst"))
    var explain: [String] = []

    @Option(help: ArgumentHelp("Probe for --explain, e.g. TCP/80.", valueName: "probe"))
    var port: String?

    @Flag(help: "List NetworkPolicy lint findings instead of connections.")
    var lint = false

    @Option(name: [.customShort("o"), .customLong("output")], help: "Output format: text, json, csv, md, dot, svg or png.")
    var output: Format = .text

    @Option(name: .customLong("fail-on"), help: "With --lint: exit 1 when a finding is at or above this severity: error, warning or info.")
    var failOn: Severity?

    func validate() throws {
        if let probes, parsedProbes(probes) == nil { throw ValidationError("--probes: expected PROTOCOL/port[,...], got '\(probes)'") }
        if let port, ProbePort(port) == nil { throw ValidationError("--port: expected PROTOCOL/port, got '\(port)'") }
        if from != nil && fromSelector != nil || to != nil && toSelector != nil {
            throw ValidationError("use either --from or --from-selector (and --to or --to-selector)")
        }
        for text in [fromSelector, toSelector].compactMap({ $0 }) where EndpointFilter(selector: text) == nil {
            throw ValidationError("expected NS/key=value[,key=value], got '\(text)'")
        }
        if !explain.isEmpty, explain.count != 2 { throw ValidationError("--explain takes exactly two names: SRC DST") }
        if (lint || !explain.isEmpty), output != .text && output != .json { throw ValidationError("--lint and --explain support text and json") }
        if failOn != nil && !lint { throw ValidationError("--fail-on applies to --lint") }
        if all && summary { throw ValidationError("use either --all or --summary") }
        if summary, output != .text || expand || from != nil || to != nil || fromSelector != nil || toSelector != nil {
            throw ValidationError("--summary is a text answer for the whole cluster: not with -o, --expand or --from/--to")
        }
        if graphFormat != nil, expand || probes != nil || from != nil || to != nil || fromSelector != nil || toSelector != nil {
            throw ValidationError("dot, svg and png draw the whole overview: --expand, --probes and --from/--to are not supported with them")
        }
    }

    func parsedProbes(_ text: String) -> [ProbePort]? {
        let list = text.split(separator: ",").map { ProbePort(String($0).trimmingCharacters(in: .whitespaces)) }
        return list.contains(where: { $0 == nil }) || list.isEmpty ? nil : list.compactMap { $0 }
    }

    func run() throws {
        let session = input.session()
        session.policyEngine = policyEngine.choice(cluster: try loadCluster())
        let analyzer = session.analyzer
        let reach = session.networkReach()
        if let problem = analyzer.unmatchedEndpointFilter(reach, from: fromFilter, to: toFilter) { throw ExitCode.inputError(problem.description) }
        let probeList = probes.flatMap(parsedProbes)
        // Text answers start by naming a chosen policy engine (and, under none, that nothing is enforced).
        if output == .text { Output.write(ReachStreamFormatter.engineNote(reach.engine)) }
        var failing = false
        if lint {
            let findings = session.networkFindings()
            Output.write(output == .json ? ReachFormatter.findingsJSON(findings) : ReachFormatter.findingsText(findings))
            if let failOn { failing = findings.contains { $0.severity >= failOn } }
        } else if explain.count == 2 {
            switch analyzer.explain(reach, source: explain[0], destination: explain[1], probes: port.flatMap(ProbePort.init).map { [$0] } ?? probeList) {
            case .success(let list):
                Output.write(output == .json ? ReachFormatter.explanationJSON(list) : ReachFormatter.explanationText(list))
            case .failure(let error):
                throw ValidationError(error.description)
            }
        } else {
            try write(analyzer, reach, probeList)
        }
        try LoadErrors.finish(session.snapshot)
        if failing { throw ExitCode(1) }
    }

    /// The `--aks` cluster document, when given (exit 2 when it cannot be read).
    func loadCluster() throws -> AKSCluster? {
        guard let aks else { return nil }
        let loaded = Analyzer.loadAKSCluster(path: aks)
        guard let cluster = loaded.cluster else { throw ExitCode.inputError(loaded.diagnostics.map(\.description).joined(separator: "\n")) }
        return cluster
    }

    var fromFilter: EndpointFilter? { from.map(EndpointFilter.name) ?? fromSelector.flatMap(EndpointFilter.init(selector:)) }
    var toFilter: EndpointFilter? { to.map(EndpointFilter.name) ?? toSelector.flatMap(EndpointFilter.init(selector:)) }

    var graphFormat: GraphFormat? {
        switch output {
        case .dot: .dot
        case .svg: .svg
        case .png: .png
        default: nil
        }
    }

    func write(_ analyzer: Analyzer, _ reach: NetworkReach, _ probeList: [ProbePort]?) throws {
        if let graphFormat {
            try GraphEmitter.emit(ReachabilityDot.document(analyzer.reachabilityOverview(reach)), format: graphFormat, to: nil)
            return
        }
        let sources = reach.selection(fromFilter), destinations = reach.selection(toFilter)
        if output == .json {
            let probes = analyzer.reachProbes(reach, probes: probeList)
            try Output.stream { ReachStreamFormatter.json(reach, probes: probes, sources: sources, destinations: destinations, to: $0) }
            return
        }
        let listOnly = all || expand || fromFilter != nil || toFilter != nil
        if output == .text, !listOnly {
            let digest = reach.summary(probes: probeList)
            if summary || digest.listRows > Self.summaryThreshold {
                try Output.stream { $0.write(ReachSummaryFormatter.text(digest)) }
                return
            }
        }
        let rows = reach.connectionRows(ConnectionListOptions(expand: expand, probes: probeList, from: fromFilter, to: toFilter))
        try Output.stream { out in
            switch output {
            case .csv: ReachStreamFormatter.list(rows, format: .csv, to: out)
            case .md: ReachStreamFormatter.list(rows, format: .markdown, to: out)
            default:
                let n = ReachStreamFormatter.list(rows, format: .text, to: out)
                out.write(ReachStreamFormatter.textNotes(rows: n, expanded: expand))
            }
        }
    }
}

extension Severity: ExpressibleByArgument {}
