import ArgumentParser
import Audit
import ReachKit
import ReachLoader
import ReachModel
import ReachReports

/// `kube-reach diff`: what a change does to reachability, RBAC, attack paths and findings.
struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Compare two sets of manifests: reachability, permissions, attack paths, findings.",
        discussion: """
        Each side is what -f takes (files, directories, - for stdin once). Reachability pairs are \
        workload-level like netpol-analyzer's connlist (--pods: pod-level), per protocol/port, and so \
        are egress to and ingress from external address ranges (named as reach names them); RBAC \
        changes are per subject (resources × verbs) and who-can for sensitive requests; attack \
        paths are identities (with --footholds also the internet, pods and nodes) that newly reach (or \
        no longer reach) cluster-admin or secrets; \
        findings (audit checks, least-privilege included) are new or fixed by check ID and object. \
        Text and md (for a pull-request comment) show at most \(DiffCommand.textLimit) pairs unless --all; \
        json has everything; sarif has only what is new (for code scanning).

        Exit codes: 0 compared, nothing matched --fail-on; 1 a --fail-on condition matched \
        (new-reach: a gained pair or external range, new-access, new-path, or a new finding at or above high|medium|low); 2 usage \
        or input error (the comparison of the valid objects is still printed).
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, md, json, sarif }

    /// A `--fail-on` condition.
    enum FailOn: String, CaseIterable {
        case newReach = "new-reach", newAccess = "new-access", newPath = "new-path", high, medium, low
    }

    /// Text and Markdown list at most this many reachability pairs without --all.
    static let textLimit = 200

    @Option(parsing: .upToNextOption, help: ArgumentHelp("The manifests before the change (like -f). Repeatable.", valueName: "path"))
    var before: [String] = []

    @Option(parsing: .upToNextOption, help: ArgumentHelp("The manifests after the change (like -f). Repeatable.", valueName: "path"))
    var after: [String] = []

    @Option(name: .customLong("before-aks"), help: ArgumentHelp("AKS cluster JSON of the before side (`az aks show -o json`): AKS checks and its policy engine.", valueName: "file"))
    var beforeAKS: String?

    @Option(name: .customLong("after-aks"), help: ArgumentHelp("AKS cluster JSON of the after side: AKS checks and its policy engine.", valueName: "file"))
    var afterAKS: String?

    @Option(name: .customLong("namespace-default"), help: "Namespace for namespaced objects that have none.")
    var namespaceDefault: String = "default"

    @Flag(help: "Reachability pairs between pods instead of workloads.")
    var pods = false

    @Flag(help: "Text and md: list every reachability pair (default: at most \(DiffCommand.textLimit)).")
    var all = false

    @Flag(name: .customLong("no-masters"), help: "Do not apply the system:masters convention.")
    var noMasters = false

    @Flag(help: "Attack paths on the foothold graph (footholds.md): the internet, pods and nodes besides identities.")
    var footholds = false

    @Flag(name: .customLong("no-assume-exploitable"), help: "With --footholds: drop X1/X2 (services are not assumed exploitable).")
    var noAssumeExploitable = false

    @Option(name: [.customShort("o"), .customLong("output")], help: "Output format: text, md, json or sarif.")
    var output: Format = .text

    @Option(name: .customLong("fail-on"),
            help: ArgumentHelp("Exit 1 on: new-reach, new-access, new-path, or high|medium|low (a new finding at or above). Comma-separated, repeatable.",
                               valueName: "conditions"))
    var failOn: [String] = []

    func validate() throws {
        if before.isEmpty || after.isEmpty { throw ValidationError("give both sides: --before PATH… and --after PATH…") }
        if (before + after).filter({ $0 == "-" }).count > 1 { throw ValidationError("standard input (-) can be one side's input only once") }
        if namespaceDefault.isEmpty { throw ValidationError("--namespace-default must not be empty") }
        if noAssumeExploitable && !footholds { throw ValidationError("--no-assume-exploitable needs --footholds") }
        _ = try conditions()
    }

    func conditions() throws -> [FailOn] {
        try failOn.flatMap { $0.split(separator: ",") }.map { raw in
            let word = raw.trimmingCharacters(in: .whitespaces)
            guard let c = FailOn(rawValue: word) else {
                throw ValidationError("--fail-on: unknown condition '\(word)' (expected \(FailOn.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            return c
        }
    }

    func run() throws {
        let options = LoadOptions(namespaceDefault: namespaceDefault)
        let beforeCluster = try loadCluster(beforeAKS), afterCluster = try loadCluster(afterAKS)
        let a = AnalysisSession.load(paths: before, options: options), b = AnalysisSession.load(paths: after, options: options)
        // Each side's policy engine comes from its AKS document, as `reach --aks` chooses it
        // (networkProfile; Kubernetes NetworkPolicy without one).
        if let beforeCluster { a.policyEngine = PolicyEngineChoice(cluster: beforeCluster) }
        if let afterCluster { b.policyEngine = PolicyEngineChoice(cluster: afterCluster) }
        let diff = ClusterDiff(before: a, after: b, beforeCluster: beforeCluster, afterCluster: afterCluster,
                               options: ClusterDiff.Options(pods: pods, mastersBypass: !noMasters,
                                                            footholds: footholds, assumeExploitable: !noAssumeExploitable))
        switch output {
        case .text: Output.write(DiffTextFormatter.render(diff, style: .text, limit: all ? nil : Self.textLimit))
        case .md: Output.write(DiffTextFormatter.render(diff, style: .markdown, limit: all ? nil : Self.textLimit))
        case .json: try Output.stream { DiffJSONFormatter.write(diff, to: $0) }
        case .sarif: Output.write(DiffSARIFFormatter.sarif(diff))
        }
        let beforeFailed = LoadErrors.report(a.snapshot, side: "--before"), afterFailed = LoadErrors.report(b.snapshot, side: "--after")
        if beforeFailed || afterFailed { throw ExitCode(2) }
        if Self.matches(try conditions(), diff) { throw ExitCode(1) }
    }

    /// Whether any condition holds.
    static func matches(_ conditions: [FailOn], _ d: ClusterDiff) -> Bool {
        conditions.contains { c in
            switch c {
            case .newReach: d.reach.addedPairs > 0 || d.external.addedRows > 0
            case .newAccess: d.access.subjects.contains { !$0.gained.isEmpty } || d.access.whoCan.contains { !$0.gained.isEmpty }
            case .newPath: !d.paths.gained.isEmpty
            case .high, .medium, .low:
                d.findings.new.contains { $0.severity >= (AuditSeverity(rawValue: c.rawValue) ?? .low) }
            }
        }
    }

    func loadCluster(_ path: String?) throws -> AKSCluster? {
        guard let path else { return nil }
        let result = Analyzer.loadAKSCluster(path: path)
        guard let cluster = result.cluster else {
            throw ExitCode.inputError(result.diagnostics.map(\.description).joined(separator: "\n"))
        }
        return cluster
    }
}

extension LoadErrors {
    /// Like ``finish(_:)`` for one side of a comparison, without throwing (both sides are
    /// reported): lists the side's input errors on standard error under the side's option name;
    /// returns whether there were any.
    static func report(_ snapshot: ClusterSnapshot, side: String) -> Bool {
        guard snapshot.hasErrors else { return false }
        Output.writeError("\(side):\n" + DiagnosticsFormatter.text(snapshot.diagnostics.filter { $0.severity == .error }))
        return true
    }
}
