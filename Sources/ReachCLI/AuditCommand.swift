import ArgumentParser
import Audit
import Foundation
import ReachKit
import ReachLoader
import ReachModel
import ReachReports

/// `kube-reach audit`: AKS posture and workload-hardening checks with CI exit codes.
struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Audit manifests and an AKS cluster configuration against hardening checks.",
        discussion: """
        Manifest checks run on -f inputs; AKS checks on --aks (`az aks show -o json` or the ARM body). Checks \
        that need data neither provides are listed as not evaluated. --least-privilege adds the RBAC checks \
        (risky grants, hygiene, escalation paths) on the -f manifests. Every check: docs/checks.md.
        Exit codes: 0 = nothing at or above --fail-on; 1 = findings at or above it; 2 = usage or input error.
        """
    )

    @Option(name: [.customShort("f"), .customLong("input")],
            help: ArgumentHelp("A manifest file, a directory (recursive: .yaml, .yml, .json) or - for stdin. Repeatable.",
                               valueName: "path"))
    var inputs: [String] = []

    @Option(name: .customLong("namespace-default"), help: "Namespace for namespaced objects that have none.")
    var namespaceDefault: String = "default"

    @Option(name: .customLong("aks"), help: ArgumentHelp("AKS cluster JSON (`az aks show -o json` or ARM body).", valueName: "file"))
    var aks: String?
    @OptionGroup var azure: AzureOptions

    @OptionGroup var policyEngine: PolicyEngineOptions

    @Option(name: [.customShort("o"), .customLong("output")], help: "Output format: text, json, sarif, html (a self-contained page), md (with --list-checks).")
    var output: AuditOutputFormat = .text

    @Option(name: .customLong("fail-on"), help: "Exit 1 when a finding is at or above this severity: high, medium or low.")
    var failOn: AuditSeverity?

    @Option(name: .customLong("baseline"), help: ArgumentHelp("Suppress the findings listed in this baseline file.", valueName: "file"))
    var baseline: String?

    @Option(name: .customLong("write-baseline"), help: ArgumentHelp("Write every current finding to this baseline file.", valueName: "file"))
    var writeBaseline: String?

    @Option(name: .customLong("ignore"), help: ArgumentHelp("Check IDs to suppress (ID or ID@Subject), comma-separated. Repeatable.",
                                                            valueName: "ids"))
    var ignore: [String] = []

    @Option(name: .customLong("trusted-registry"),
            help: ArgumentHelp("Trusted image registry (host or *.suffix); repeatable; replaces the default *.azurecr.io, mcr.microsoft.com.",
                               valueName: "host"))
    var trustedRegistries: [String] = []

    @Flag(help: "Also run the foothold checks (footholds.md): pods that can escape to their node, namespaces whose pod creators can escape, Secrets reachable from the internet.")
    var footholds = false
    @Flag(name: .customLong("least-privilege"),
          help: "Also run the RBAC least-privilege checks on the -f manifests (risky grants, hygiene, escalation paths); with --audit-log: narrowed roles from observed use.")
    var leastPrivilege = false

    @Flag(name: .customLong("include-system"),
          help: "With --least-privilege: also show findings on Kubernetes bootstrap and AKS-managed RBAC.")
    var includeSystem = false

    @Flag(name: .customLong("list-checks"), help: "List every check (with -o md: the docs/checks.md text) and exit.")
    var listChecks = false

    @OptionGroup(title: "Narrowed roles (with --least-privilege)")
    var auditLog: AuditLogOptions

    func validate() throws {
        try validateAuditLog()
        if !listChecks && inputs.isEmpty && aks == nil && azure.directory == nil && auditLog.path == nil { throw ValidationError("give manifests (-f PATH), an AKS cluster (--aks FILE), or both") }
        if namespaceDefault.isEmpty { throw ValidationError("--namespace-default must not be empty") }
        if output == .md && !listChecks { throw ValidationError("--output md is only for --list-checks") }
    }

    func run() throws {
        if listChecks {
            let checks = Analyzer.auditChecks
            Output.write(output == .md ? ChecksDocFormatter.markdown(checks) : ChecksDocFormatter.text(checks))
            return
        }
        if let logPath = auditLog.path { return try runNarrowing(logPath: logPath) }
        let cluster = try loadCluster()
        let session = inputs.isEmpty ? AnalysisSession(Analyzer(snapshot: ClusterSnapshot()))
            : AnalysisSession.load(paths: inputs, options: LoadOptions(namespaceDefault: namespaceDefault))
        let suppressions = Suppressions(ignore: ignoreIDs, baseline: try loadBaseline())
        var report: AuditReport
        if let analysis = azure.load() {
            report = AzureAudit.run(analysis, session: session, cluster: cluster.cluster, manifests: !inputs.isEmpty,
                                    options: auditOptions, suppressions: suppressions)
        } else {
            report = session.audit(cluster: cluster.cluster, manifests: !inputs.isEmpty, options: auditOptions, suppressions: suppressions)
        }
        report.diagnostics = (report.diagnostics + cluster.diagnostics + clusterHint(session.snapshot)).sorted()
        if let writeBaseline { try write(AuditJSONFormatter.baseline(report), to: writeBaseline) }
        switch output {
        case .text, .md: Output.write(AuditTextFormatter.text(report))
        case .json: try Output.stream { JSONText.write(AuditJSONFormatter.document(report), to: $0) }
        case .sarif: Output.write(AuditSARIFFormatter.sarif(report))
        case .html: Output.write(AuditHTMLFormatter.page(report))
        }
        if report.diagnostics.contains(where: { $0.severity == .error }) { throw ExitCode(2) }
        if let failOn, report.hasFindings(atOrAbove: failOn) { throw ExitCode(1) }
    }

    /// A warning when an AKS cluster document was given with -f (where it is skipped) instead of --aks.
    func clusterHint(_ snapshot: ClusterSnapshot) -> [Diagnostic] {
        guard aks == nil, let key = snapshot.skippedKinds.keys.first(where: { $0.hasPrefix("Microsoft.ContainerService/managedClusters") })
        else { return [] }
        let n = snapshot.skippedKinds[key] ?? 0
        return [Diagnostic(id: "KR-AUDIT-001", severity: .warning, location: nil,
                           message: "\(n) AKS cluster document\(n == 1 ? "" : "s") among the -f inputs; pass it with --aks FILE to run the AKS checks")]
    }

    var auditOptions: AuditOptions {
        var options = trustedRegistries.isEmpty ? AuditOptions() : AuditOptions(trustedRegistries: trustedRegistries)
        options.leastPrivilege = leastPrivilege
        options.includeSystem = includeSystem
        options.policyEngine = policyEngine.engine
        options.footholds = footholds
        return options
    }

    var ignoreIDs: [String] {
        ignore.flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    func loadCluster() throws -> (cluster: AKSCluster?, diagnostics: [Diagnostic]) {
        guard let aks else { return (nil, []) }
        let result = Analyzer.loadAKSCluster(path: aks)
        if result.cluster == nil {
            throw ExitCode.inputError(result.diagnostics.map(\.description).joined(separator: "\n"))
        }
        return result
    }

    func loadBaseline() throws -> Set<String> {
        guard let baseline else { return [] }
        guard let data = FileManager.default.contents(atPath: baseline) else {
            throw ExitCode.inputError("\(baseline): cannot read the baseline file")
        }
        switch AuditBaseline.parse(data, name: baseline) {
        case .success(let set): return set
        case .failure(let error): throw ExitCode.inputError(error.description)
        }
    }

    func write(_ text: String, to path: String) throws {
        do { try text.write(toFile: path, atomically: true, encoding: .utf8) } catch {
            throw ExitCode.inputError("\(path): cannot write the baseline file: \(error.localizedDescription)")
        }
    }
}

/// Output formats of `audit`.
enum AuditOutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, sarif, html, md
}

extension AuditSeverity: ExpressibleByArgument {}
