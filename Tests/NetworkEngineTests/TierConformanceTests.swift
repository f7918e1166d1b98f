import Testing
import ReachCore
import ReachLoader
import ReachModel
import ReachTestSupport
@testable import NetworkEngine

/// kubernetes-sigs/network-policy-api conformance subtests (``TierConformanceCases``) replayed on
/// the bitset engine and on the naive evaluator, mutations applied in order as the suite applies
/// them to a live cluster.
@Suite struct TierConformanceTests {
    static func load(_ manifest: String) -> ClusterSnapshot {
        ManifestLoader().load(paths: [TestPaths.fixture("netpol-tiers/conformance/base.yaml"),
                                      TestPaths.fixture("netpol-tiers/conformance/\(manifest)")])
    }

    static func apply(_ m: ConformanceMutation, to snap: inout ClusterSnapshot) {
        func edit(_ name: String, _ body: (inout AdminNetworkPolicy) -> Void) {
            for i in snap.adminNetworkPolicies.indices where snap.adminNetworkPolicies[i].name == name { body(&snap.adminNetworkPolicies[i]) }
        }
        switch m {
        case .swapIngress(let p, let i, let j): edit(p) { $0.ingress.swapAt(i, j) }
        case .setPriority(let p, let n): edit(p) { $0.priority = n }
        case .setIngressAction(let p, let i, let a): edit(p) { $0.ingress[i].action = a }
        case .setEgressAction(let p, let i, let a): edit(p) { $0.egress[i].action = a }
        case .deleteNetworkPolicy(let name): snap.networkPolicies.removeAll { $0.name == name }
        case .swapEgress(let p, let i, let j): edit(p) { $0.egress.swapAt(i, j) }
        case .setNamespaceLabels(let house, let labels):
            for i in snap.namespaces.indices where snap.namespaces[i].meta.name == "network-policy-conformance-\(house)" {
                snap.namespaces[i].meta.labels = labels
            }
        case .insertEgressAcceptToPodIPs(let p, let pods):
            let ips = pods.flatMap { short -> [String] in
                let parts = short.split(separator: "/").map(String.init)
                return snap.pods.filter { $0.meta.namespace == "network-policy-conformance-\(parts[0])" && $0.meta.name == parts[1] }
                    .flatMap(\.podIPs).map { $0 + "/32" }
            }
            edit(p) { $0.egress.insert(AdminNetworkPolicy.Rule(name: "allow-egress-to-specific-podIPs", action: .accept, peers: [.networks(ips)]), at: 0) }
        case .all(let ms): for m in ms { apply(m, to: &snap) }
        }
    }

    static func endpoint(_ reach: NetworkReach, _ short: String) -> Int? {
        let parts = short.split(separator: "/")
        return reach.endpointIndex(named: "network-policy-conformance-\(parts[0])/\(parts[1])")
    }

    @Test(arguments: (TierConformanceCases.all + TierConformanceCases.more).map(\.manifest))
    func conformanceSubtests(manifest: String) throws {
        let c = try #require((TierConformanceCases.all + TierConformanceCases.more).first { $0.manifest == manifest })
        var snap = Self.load(c.manifest)
        #expect(!snap.hasErrors, "\(snap.diagnostics)")
        #expect(!snap.adminNetworkPolicies.isEmpty)
        var pokes = 0
        for step in c.steps {
            if let m = step.mutation { Self.apply(m, to: &snap) }
            let reach = NetworkEngine.analyze(snap, engine: PolicyEngineChoice(engine: .kubernetes, reason: "conformance"))
            for poke in step.pokes {
                let s = try #require(Self.endpoint(reach, poke.client)), d = try #require(Self.endpoint(reach, poke.server))
                let probe = try #require(ProbePort(poke.probe))
                pokes += 1
                #expect(reach.allowed(.endpoint(s), .endpoint(d), probe) == poke.allowed,
                        "\(c.source): \(step.name): \(poke.client) -> \(poke.server) \(poke.probe)")
                #expect(reach.evaluator.allowed(.endpoint(s), .endpoint(d), probe) == poke.allowed,
                        "naive: \(c.source): \(step.name): \(poke.client) -> \(poke.server) \(poke.probe)")
            }
        }
        #expect(pokes == c.steps.reduce(0) { $0 + $1.pokes.count } && pokes >= 8)
    }
}
