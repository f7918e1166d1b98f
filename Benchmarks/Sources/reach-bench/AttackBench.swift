import ArgumentParser
import AttackGraph
import ClusterGen
import Foundation
import RBACEngine
import ReachKit
import ReachLoader
import ReachModel

/// Attack graph at scale: the RBAC world of `reach-bench rbac` plus pods and secrets; times the
/// graph build and "who can transitively read secrets in kube-system" (all identities, one pass).
struct AttackBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "attack", abstract: "Attack graph build and transitive who-can on a generated world.")

    @OptionGroup var world: RBACWorldOptions
    @Option var pods = 50_000
    @Option var secrets = 20_000
    /// A second, named goal (`get secrets <name> -n kube-system`); rules listing the name count too.
    @Option(name: .customLong("secret-name")) var secretName = "secret-000000"
    /// Graph builds timed (the median is reported; the machine's timing noise is about ±10 %).
    @Option(name: .customLong("build-runs")) var buildRuns = 3

    func run() throws {
        var spec = world.spec
        spec.pods = pods; spec.workloads = pods / 20; spec.secrets = secrets
        let yaml = ClusterGenerator(spec: spec).yaml()
        say("world: \(world.namespaces) namespaces, \(world.serviceAccounts) SAs, \(pods) pods, \(secrets) secrets, \(world.bindings) bindings; YAML \(Measure.mb(yaml.utf8.count))")
        let snapshot = ManifestLoader().load(sources: [("world.yaml", yaml)])
        let index = RBACIndex(snapshot: snapshot)
        // Each build starts with no graph alive, so the peak RSS is that of one graph.
        var graph: AttackGraph? = nil
        var builds: [Double] = []
        let clock = ContinuousClock()
        for _ in 0..<max(1, buildRuns) {
            graph = nil
            let d = clock.measure { graph = AttackGraph(snapshot: snapshot, index: index) }
            builds.append(Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18)
        }
        builds.sort()
        let build = Measure.median(builds)
        guard let graph else { return }
        say("  graph build: median \(Measure.ms(build)) of \(builds.count) (min \(Measure.ms(builds[0])), max \(Measure.ms(builds[builds.count - 1]))); \(graph.stateCount) states, \(graph.hyperedges.count) hyperedges standing for \(graph.expandedEdgeCount) edges")
        let goal = AccessRequest(verb: "get", resource: "secrets", namespace: "kube-system")
        var holders: [AttackPath] = []
        let query = Measure.time(runs: 3) { holders = graph.transitiveHolders(of: goal) }
        let direct = holders.count { $0.length == 0 }
        say("  who can transitively get secrets -n kube-system: median \(Measure.ms(Measure.median(query))) (\(holders.count) identities, \(direct) direct, max length \(holders.map(\.length).max() ?? 0))")
        say("  total (build + one query, medians): \(Measure.ms(build + Measure.median(query)))")
        let named = AccessRequest(verb: "get", resource: "secrets", name: secretName, namespace: "kube-system")
        let namedQuery = Measure.time(runs: 3) { holders = graph.transitiveHolders(of: named) }
        say("  who can transitively get secrets \(secretName) -n kube-system: median \(Measure.ms(Measure.median(namedQuery))) (\(holders.count) identities, \(holders.count { $0.length == 0 }) direct, max length \(holders.map(\.length).max() ?? 0))")
        say("  peak RSS \(Measure.mb(Measure.peakRSS()))")
    }
}

/// Unbuffered progress output (a killed run still shows how far it got).
private func say(_ text: String) {
    FileHandle.standardOutput.write(Data((text + "\n").utf8))
}
