import ArgumentParser
import AttackGraph
import ClusterGen
import Foundation
import NetworkEngine
import RBACEngine
import ReachLoader
import ReachModel

/// Footholds at scale (footholds.md): "which Secrets are reachable from the internet, with a
/// shortest path each" on `kube-reach-gen --objects N --footholds` (Services of every type, pods
/// with node names, privileged containers and secret references). Times the whole answer after
/// loading: RBAC index, attack graph, network analysis, foothold graph, and
/// `FootholdGraph.secretsReachable` (one forward search from `Internet`, per Secret its nearest
/// holder and path).
struct FootholdBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "footholds", abstract: "Secrets reachable from the internet, with a shortest path each.")

    @Option(help: "Objects in the generated cluster.") var objects = 100_000
    @Option var seed: UInt64 = 1

    func run() throws {
        var spec = ClusterSpec.scaled(objects: objects, seed: seed)
        spec.footholdFacts = true
        let yaml = ClusterGenerator(spec: spec).yaml()
        let snapshot = ManifestLoader().load(sources: [("world.yaml", yaml)])
        let types = Dictionary(grouping: snapshot.services, by: \.type).mapValues(\.count).sorted { $0.key < $1.key }
        say("cluster: \(objects) objects (\(snapshot.pods.count) pods, \(snapshot.workloads.count) workloads, \(snapshot.secrets.count) secrets, services \(types.map { "\($0.key) \($0.value)" }.joined(separator: ", "))); YAML \(Measure.mb(yaml.utf8.count)); RSS after load \(Measure.mb(Measure.currentRSS()))")
        let clock = ContinuousClock()
        var phases: [(String, Double)] = []
        func timed<T>(_ name: String, _ body: () -> T) -> T {
            var r: T?
            let d = clock.measure { r = body() }
            phases.append((name, Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18))
            // `body` always runs once, so `r` is set.
            return r ?? body()
        }
        let start = clock.now
        let index = timed("RBAC index") { RBACIndex(snapshot: snapshot) }
        let attack = timed("attack graph") { AttackGraph(snapshot: snapshot, index: index, starts: FootholdGraph.templateServiceAccounts(snapshot)) }
        let reach = timed("network analysis") { NetworkEngine.analyze(snapshot) }
        let graph = timed("foothold graph") { FootholdGraph(snapshot: snapshot, attack: attack, reach: reach) }
        let answers = timed("secrets reachable + a path each") { () -> [(String, Int, Bool)] in
            graph.secretsReachable(from: .internet, secrets: snapshot.secrets.map { ($0.namespace ?? "default", $0.name) })
                .map { ("\($0.namespace)/\($0.name)", $0.path.length, $0.path.usesAssumptions) }
        }
        let total = start.duration(to: clock.now)
        for (name, seconds) in phases { say(String(format: "  %-34@ %8.3f s", name as NSString, seconds)) }
        let seconds = Double(total.components.seconds) + Double(total.components.attoseconds) / 1e18
        let lengths = Dictionary(grouping: answers, by: \.1).mapValues(\.count).sorted { $0.key < $1.key }
        say(String(format: "total %.3f s; states %d (pods %d, nodes %d); secrets reachable from the internet: %d of %d (path lengths %@); assumptions in %d",
                   seconds, graph.stateCount, graph.pods.count, graph.nodeNames.count, answers.count, snapshot.secrets.count,
                   lengths.map { "\($0.key): \($0.value)" }.joined(separator: ", "), answers.count { $0.2 }))
        say("peak RSS \(Measure.mb(Measure.peakRSS()))")
    }
}

private func say(_ text: String) {
    FileHandle.standardOutput.write(Data((text + "\n").utf8))
}
