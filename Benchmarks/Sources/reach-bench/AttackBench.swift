import ArgumentParser
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

    @Option var namespaces = 200
    @Option(name: .customLong("service-accounts")) var serviceAccounts = 100_000
    @Option var roles = 15_000
    @Option(name: .customLong("cluster-roles")) var clusterRoles = 5_000
    @Option(name: .customLong("role-bindings")) var roleBindings = 45_000
    @Option(name: .customLong("cluster-role-bindings")) var clusterRoleBindings = 5_000
    @Option var pods = 50_000
    @Option var secrets = 20_000
    @Option var seed: UInt64 = 1

    func run() throws {
        var spec = ClusterSpec()
        spec.seed = seed; spec.namespaces = namespaces; spec.serviceAccounts = serviceAccounts
        spec.roles = roles; spec.clusterRoles = clusterRoles; spec.roleBindings = roleBindings
        spec.clusterRoleBindings = clusterRoleBindings; spec.aggregationChains = 200
        spec.pods = pods; spec.workloads = pods / 20; spec.networkPolicies = 0; spec.services = 0; spec.secrets = secrets
        let yaml = ClusterGenerator(spec: spec).yaml()
        print("world: \(namespaces) namespaces, \(serviceAccounts) SAs, \(pods) pods, \(secrets) secrets, \(roleBindings + clusterRoleBindings) bindings; YAML \(Measure.mb(yaml.utf8.count))")
        let snapshot = ManifestLoader().load(sources: [("world.yaml", yaml)])
        let index = RBACIndex(snapshot: snapshot)
        var graph: AttackGraph? = nil
        let build = Measure.time(runs: 1) { graph = AttackGraph(snapshot: snapshot, index: index) }
        guard let graph else { return }
        print("  graph build: \(Measure.ms(build[0])) (\(graph.stateCount) states, \(graph.hyperedges.count) hyperedges, \(graph.expandedEdgeCount) edge pairs)")
        let goal = AccessRequest(verb: "get", resource: "secrets", namespace: "kube-system")
        var holders: [AttackPath] = []
        let query = Measure.time(runs: 3) { holders = graph.transitiveHolders(of: goal) }
        let direct = holders.count { $0.length == 0 }
        print("  who can transitively get secrets -n kube-system: median \(Measure.ms(Measure.median(query))) (\(holders.count) identities, \(direct) direct, max length \(holders.map(\.length).max() ?? 0))")
        print("  total (build + one query): \(Measure.ms(build[0] + Measure.median(query)))")
        print("  peak RSS \(Measure.mb(Measure.peakRSS()))")
    }
}
