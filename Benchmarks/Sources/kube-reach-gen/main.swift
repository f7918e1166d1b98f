import ArgumentParser
import ClusterGen
import Foundation

/// Writes a deterministic synthetic cluster as YAML to stdout or a file.
struct KubeReachGen: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kube-reach-gen", abstract: "Generate a synthetic Kubernetes cluster (YAML) for benchmarks.")

    @Option(help: "Random seed (same seed, same cluster).") var seed: UInt64 = 1
    @Option(help: ArgumentHelp(
        "standard (every kind, restrictive policies), dense (permissive policies: millions of allowed pairs), random (random labels, selectors, ports and peers). dense and random write only namespaces, pods, workloads and policies.",
        valueName: "mode")) var mode = "standard"
    @Flag(help: "Shorthand for --mode dense.") var dense = false
    @Option(help: "Approximate object count with realistic proportions (overrides the counts below).") var objects: Int?
    @Option var namespaces = 20
    @Option var pods = 1_000
    @Option var workloads = 100
    @Option(name: .customLong("service-accounts")) var serviceAccounts = 200
    @Option var roles = 100
    @Option(name: .customLong("cluster-roles")) var clusterRoles = 50
    @Option(name: .customLong("aggregation-chains")) var aggregationChains = 5
    @Option(name: .customLong("role-bindings")) var roleBindings = 200
    @Option(name: .customLong("cluster-role-bindings")) var clusterRoleBindings = 50
    @Option(name: .customLong("network-policies")) var networkPolicies = 100
    @Option var secrets = 100
    @Option var services = 100
    @Flag(help: "Pods get node names, some privileged containers and secret references (foothold benchmark).") var footholds = false
    @Option(name: [.short, .long], help: "Output file (default: stdout).") var output: String?

    func run() throws {
        guard let parsedMode = ClusterSpec.Mode(rawValue: mode) else {
            throw ValidationError("--mode: expected standard, dense or random, got '\(mode)'")
        }
        var spec = ClusterSpec()
        if let objects { spec = .scaled(objects: objects, seed: seed) } else {
            spec.seed = seed; spec.namespaces = namespaces; spec.pods = pods; spec.workloads = workloads
            spec.serviceAccounts = serviceAccounts; spec.roles = roles; spec.clusterRoles = clusterRoles
            spec.aggregationChains = aggregationChains; spec.roleBindings = roleBindings
            spec.clusterRoleBindings = clusterRoleBindings; spec.networkPolicies = networkPolicies
            spec.secrets = secrets; spec.services = services
        }
        spec.mode = dense ? .dense : parsedMode
        spec.footholdFacts = footholds
        let yaml = ClusterGenerator(spec: spec).yaml()
        if let output { try yaml.write(toFile: output, atomically: true, encoding: .utf8) } else { print(yaml, terminator: "") }
    }
}

KubeReachGen.main()
