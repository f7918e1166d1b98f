import Foundation
import NetworkEngine
import ReachKit
import ReachModel
import ReachTestSupport
import Testing

/// ``ReachDiff`` (bitset XOR over joint port classes) against the definition, checked pair by pair
/// and probe by probe with ``NetworkEngine/NetworkReach/allowed(_:_:_:)``: a (source, destination)
/// peer pair gains protocol/port `x` exactly when, after the change, some endpoint of the source
/// may connect to some endpoint of the destination on `x` and before none could. Self pairs are
/// excluded (networkpolicy.md rule 2; netpol-analyzer `includePairOfWorkloads` skips a
/// workload's connection to itself).
@Suite struct ReachDiffTests {
    static let inputs: [String] = {
        let netpol = ["docs-example", "ipblocks", "named-ports", "policytypes-defaulting", "ports-and-protocols",
                      "workloads-and-hostnetwork", "malformed-policies"].map { "netpol/\($0)/input" }
        return netpol + ["diff/removed-default-deny/before", "diff/removed-default-deny/after", "diff/owned-pods/before",
                         "diff/owned-pods/after", "example"]
    }()

    static func reach(_ path: String) -> NetworkReach {
        AnalysisSession.load(paths: [TestPaths.fixture(path)]).networkReach()
    }

    /// Every probe point that matters: the first and last port of every atom of either side.
    static func probes(_ a: NetworkReach, _ b: NetworkReach) -> [ProbePort] {
        var out = Set<ProbePort>()
        for atom in a.portAtoms.atoms + b.portAtoms.atoms {
            out.insert(ProbePort(protocol: atom.protocolName, port: atom.lower))
            out.insert(ProbePort(protocol: atom.protocolName, port: atom.upper))
        }
        return out.sorted()
    }

    /// Per (source name, destination name, probe): allowed on this side?
    static func allowed(_ r: NetworkReach, level: ReachDiff.Level, probes: [ProbePort]) -> Set<String> {
        func name(_ e: NetworkEndpoint) -> String { level == .pod ? e.displayName : e.workloadName }
        var out = Set<String>()
        for s in r.endpoints.indices {
            for d in r.endpoints.indices where name(r.endpoints[s]) != name(r.endpoints[d]) {
                for p in probes where r.allowed(.endpoint(s), .endpoint(d), p) {
                    out.insert("\(name(r.endpoints[s]))|\(name(r.endpoints[d]))|\(p)")
                }
            }
        }
        return out
    }

    @Test(arguments: [ReachDiff.Level.workload, .pod])
    func matchesThePairwiseDefinition(level: ReachDiff.Level) {
        let loaded = Dictionary(uniqueKeysWithValues: Self.inputs.map { ($0, Self.reach($0)) })
        for before in Self.inputs {
            for after in Self.inputs {
                guard let a = loaded[before], let b = loaded[after] else { continue }
                let probes = Self.probes(a, b)
                let expectA = Self.allowed(a, level: level, probes: probes), expectB = Self.allowed(b, level: level, probes: probes)
                let diff = ReachDiff(before: a, after: b, level: level)
                var gained = Set<String>(), lost = Set<String>()
                for c in diff.changes {
                    let key = "\(diff.peers[Int(c.source)])|\(diff.peers[Int(c.destination)])|"
                    for p in probes {
                        if c.added >= 0, diff.connections[Int(c.added)].contains(p) { gained.insert(key + "\(p)") }
                        if c.removed >= 0, diff.connections[Int(c.removed)].contains(p) { lost.insert(key + "\(p)") }
                    }
                }
                #expect(gained == expectB.subtracting(expectA), "\(before) → \(after) (\(level)): gained")
                #expect(lost == expectA.subtracting(expectB), "\(before) → \(after) (\(level)): lost")
                if before == after { #expect(diff.isEmpty) }
                #expect(diff.changes.allSatisfy { $0.source != $0.destination && ($0.added >= 0 || $0.removed >= 0) })
            }
        }
    }

    /// Two pods of one ReplicaSet in different classes: the allowance moves from one to the other.
    /// The pods' pairs change; the workload's do not (the client reaches it through either pod).
    @Test func workloadLevelIsAnyPodOfEach() {
        let a = Self.reach("diff/owned-pods/before"), b = Self.reach("diff/owned-pods/after")
        #expect(ReachDiff(before: a, after: b, level: .workload).isEmpty)
        let pods = ReachDiff(before: a, after: b, level: .pod)
        #expect(pods.addedPairs == 1 && pods.removedPairs == 1)
        #expect(pods.changes.map { pods.peers[Int($0.destination)] } == ["store/web-7d4f-a", "store/web-7d4f-b"])
    }

    /// Peers are numbered in code-point order and changes come sorted by (source, destination).
    @Test func changesAreSorted() {
        let diff = ReachDiff(before: Self.reach("diff/removed-default-deny/before"), after: Self.reach("diff/removed-default-deny/after"),
                             level: .workload)
        #expect(diff.peers == diff.peers.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
        let keys = diff.changes.map { (Int($0.source), Int($0.destination)) }
        #expect(zip(keys, keys.dropFirst()).allSatisfy { $0 < $1 })
        #expect(diff.addedPairs == 4 && diff.removedPairs == 0)
    }
}
