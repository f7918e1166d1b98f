import Testing
import ReachCore
import ReachModel
import ReachTestSupport
@testable import NetworkEngine

/// The Calico bitset program against the naive per-pair evaluator on random clusters whose
/// Calico policies match ServiceAccounts (``RandomScenario/serviceAccountSnapshot(pods:policies:admin:calico:)``).
@Suite struct CalicoServiceAccountDifferentialTests {
    @Test(arguments: Array(UInt64(1)...UInt64(12)))
    func serviceAccountSelectorsAgreeWithNaiveEvaluator(seed: UInt64) {
        var gen = RandomScenario(rng: SplitMix64(state: seed &* 7_919))
        let snap = gen.serviceAccountSnapshot(pods: 24, policies: 2, admin: seed % 4 == 0 ? 2 : 0, calico: 5)
        let reads = snap.calicoPolicies.contains { $0.usesServiceAccounts }
        #expect(reads, "seed \(seed): no policy reads service accounts")
        let reach = NetworkEngine.analyze(snap, engine: PolicyEngineChoice(engine: .calico, reason: "test"))
        let (bad, allowed, denied) = TierDifferentialTests.mismatches(reach)
        #expect(allowed > 0, "seed \(seed): allowed \(allowed), denied \(denied)")
        #expect(bad.count == 0, "seed \(seed): \(bad.count) mismatches, e.g. \(bad.prefix(5))")
    }
}
