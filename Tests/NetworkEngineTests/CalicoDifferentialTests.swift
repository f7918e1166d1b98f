import Testing
import ReachCore
import ReachModel
import ReachTestSupport
@testable import NetworkEngine

/// The Calico bitset program against the naive per-pair evaluator
/// (``PairEvaluator/calicoDecision(_:of:peer:probe:destination:)``) on seeded random clusters
/// mixing NetworkPolicies, the admin tiers and Calico NetworkPolicies/GlobalNetworkPolicies.
@Suite struct CalicoDifferentialTests {
    @Test(arguments: Array(UInt64(1)...UInt64(16)))
    func calicoEngineAgreesWithNaiveEvaluator(seed: UInt64) {
        var gen = RandomScenario(rng: SplitMix64(state: seed &* 104_729))
        let snap = gen.snapshot(pods: 24, policies: 3, admin: seed % 3 == 0 ? 3 : 0, calico: 5)
        let reach = NetworkEngine.analyze(snap, engine: PolicyEngineChoice(engine: .calico, reason: "test"))
        let (bad, allowed, denied) = TierDifferentialTests.mismatches(reach)
        #expect(allowed > 0, "seed \(seed): allowed \(allowed), denied \(denied)")
        #expect(bad.count == 0, "seed \(seed): \(bad.count) mismatches, e.g. \(bad.prefix(5))")
    }

    /// Without Calico policies the Calico engine answers as Kubernetes NetworkPolicy does
    /// (Kubernetes policies in the default tier, end-of-tier deny = isolation).
    @Test(arguments: [UInt64(3), 7, 9])
    func withoutCalicoPoliciesCalicoEqualsKubernetes(seed: UInt64) {
        var gen = RandomScenario(rng: SplitMix64(state: seed))
        let snap = gen.snapshot(pods: 20, policies: 5, admin: 3)
        let calico = NetworkEngine.analyze(snap, engine: PolicyEngineChoice(engine: .calico, reason: "test"))
        let k8s = NetworkEngine.analyze(snap, engine: PolicyEngineChoice(engine: .kubernetes, reason: "test"))
        for probe in TierDifferentialTests.probes {
            for s in calico.endpoints.indices {
                for d in calico.endpoints.indices {
                    #expect(calico.allowed(.endpoint(s), .endpoint(d), probe) == k8s.allowed(.endpoint(s), .endpoint(d), probe))
                }
            }
        }
    }
}
