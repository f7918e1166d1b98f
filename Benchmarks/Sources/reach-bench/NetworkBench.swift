import ArgumentParser
import ClusterGen
import Foundation
import NetworkEngine
import ReachLoader
import ReachModel

/// NetworkPolicy engine: full class-level result for all port atoms, and pod-pair expansion.
struct NetworkBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "network", abstract: "Reachability on generated clusters (pods × policies grid).")

    @Option(help: "Comma-separated pod counts.") var pods = "1000,10000,100000"
    @Option(help: "Comma-separated policy counts (paired with --pods).") var policies = "100,1000,10000"
    @Option var seed: UInt64 = 1
    @Option(help: "Timed runs per size (median reported).") var runs = 3
    @Option(help: "Pods for the pair-expansion measurement.") var expandPods = 10_000
    @Option(help: "Generator mode: standard, dense or random (see kube-reach-gen --help).") var mode = "standard"
    @Option(help: "Also count the allowed pod pairs of this probe per size (e.g. TCP/8080).") var countPairs: String?

    func run() throws {
        let podCounts = pods.split(separator: ",").compactMap { Int($0) }
        let policyCounts = policies.split(separator: ",").compactMap { Int($0) }
        guard let genMode = ClusterSpec.Mode(rawValue: mode) else { throw ValidationError("--mode: standard, dense or random") }
        let pairProbe = countPairs.flatMap(ProbePort.init)
        let pairHeader = pairProbe.map { " allowed pairs \($0) |" } ?? ""
        print("| pods | policies | classes | port atoms | port classes | analyze (median) | analyze + all port classes (median) | CPU: analyze / port classes (median) | peak RSS |\(pairHeader)")
        print("|---|---|---|---|---|---|---|---|---|\(pairProbe == nil ? "" : "---|")")
        for (p, n) in zip(podCounts, policyCounts) {
            let snapshot = Self.cluster(pods: p, policies: n, seed: seed, mode: genMode)
            var reach: NetworkReach? = nil
            var portClassCPU: [Double] = []
            let times = Measure.time(runs: runs) {
                let r = NetworkEngine.analyze(snapshot)
                let c0 = Measure.processCPU()
                r.forEachPortClass { _, _ in }
                portClassCPU.append(Measure.processCPU() - c0)
                reach = r
            }
            guard let reach else { continue }
            let analyzeOnly = Measure.timeWithCPU(runs: runs) { _ = NetworkEngine.analyze(snapshot) }
            let cpu = "\(Measure.ms(Measure.median(analyzeOnly.cpu))) / \(Measure.ms(Measure.median(portClassCPU.sorted())))"
            var pairs = ""
            if let pairProbe {
                var count = 0
                reach.forEachAllowedPair(pairProbe) { _, _ in count += 1 }
                pairs = " \(count) |"
            }
            print("| \(p) | \(n) | \(reach.classes.count) | \(reach.portAtoms.atoms.count) | \(reach.portClassCount) | \(Measure.ms(Measure.median(analyzeOnly.wall))) | \(Measure.ms(Measure.median(times))) | \(cpu) | \(Measure.mb(Measure.peakRSS())) |\(pairs)")
        }
        expand(genMode)
    }

    /// Expanding one probe to every allowed pod pair.
    func expand(_ genMode: ClusterSpec.Mode) {
        let snapshot = Self.cluster(pods: expandPods, policies: expandPods / 10, seed: seed, mode: genMode)
        let reach = NetworkEngine.analyze(snapshot)
        let probe = ProbePort(protocol: .tcp, port: 8080)
        var pairs = 0
        let times = Measure.time(runs: runs) {
            pairs = 0
            reach.forEachAllowedPair(probe) { _, _ in pairs += 1 }
        }
        print("\nexpand \(expandPods) pods, probe \(probe): \(pairs) allowed pairs in \(Measure.ms(Measure.median(times))) (median of \(runs))")
        let json = Measure.time(runs: 1) { _ = reach.allowedPairs(probe) }
        print("  sorted pair strings (JSON path): \(Measure.ms(json[0]))")
    }

    /// A generated cluster with `pods` Pods in `pods / 500` namespaces, `pods / 20` workloads and
    /// `policies` policies, in generator mode `mode`.
    static func cluster(pods: Int, policies: Int, seed: UInt64, mode: ClusterSpec.Mode = .standard) -> ClusterSnapshot {
        var spec = ClusterSpec()
        spec.mode = mode
        spec.seed = seed
        spec.namespaces = max(2, pods / 500)
        spec.pods = pods
        spec.workloads = pods / 20
        spec.serviceAccounts = max(spec.namespaces, pods / 10)
        spec.networkPolicies = policies
        spec.roles = 0; spec.clusterRoles = 0; spec.roleBindings = 0; spec.clusterRoleBindings = 0
        spec.secrets = 0; spec.services = 0; spec.aggregationChains = 0
        let yaml = ClusterGenerator(spec: spec).yaml()
        return ManifestLoader().load(sources: [("generated.yaml", yaml)])
    }
}
