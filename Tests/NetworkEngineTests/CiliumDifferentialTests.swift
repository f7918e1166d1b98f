import Testing
import ReachCore
import ReachModel
import ReachTestSupport
@testable import NetworkEngine

/// The bitset engine against the naive per-pair evaluator on seeded random clusters that mix
/// NetworkPolicies, the `policy.networking.k8s.io` tiers and Cilium policies (allow, deny,
/// default deny on and off, both kinds), under `--policy-engine cilium`: every endpoint and
/// external atom pair, every probe of a fixed set.
@Suite struct CiliumDifferentialTests {
    @Test(arguments: Array(UInt64(1)...UInt64(40)))
    func ciliumEngineAgreesWithNaiveEvaluator(seed: UInt64) {
        var gen = RandomScenario(rng: SplitMix64(state: seed &* 104_729))
        let snap = gen.snapshot(pods: 24, policies: 3, admin: seed % 3 == 0 ? 3 : 0, cilium: 5)
        let reach = NetworkEngine.analyze(snap, engine: PolicyEngineChoice(engine: .cilium, reason: "test"))
        let (bad, allowed, denied) = TierDifferentialTests.mismatches(reach)
        #expect(allowed > 0 && denied > 0, "seed \(seed): allowed \(allowed), denied \(denied)")
        #expect(bad.count == 0, "seed \(seed): \(bad.count) mismatches, e.g. \(bad.prefix(5))")
    }

    /// The random policies exercise what the test is about: deny rules and non-isolating
    /// policies occur, and Cilium policies change the answer against the Kubernetes engine.
    @Test func scenariosExerciseDenyAndNonIsolating() {
        var denies = 0, nonIsolating = 0, differs = 0
        for seed in UInt64(1)...UInt64(40) {
            var gen = RandomScenario(rng: SplitMix64(state: seed &* 104_729))
            let snap = gen.snapshot(pods: 24, policies: 3, admin: seed % 3 == 0 ? 3 : 0, cilium: 5)
            let reach = NetworkEngine.analyze(snap, engine: PolicyEngineChoice(engine: .cilium, reason: "test"))
            denies += reach.ciliumDeny.count
            nonIsolating += reach.nonIsolating.count
            var plain = snap
            plain.ciliumPolicies = []
            let base = NetworkEngine.analyze(plain, engine: PolicyEngineChoice(engine: .cilium, reason: "test"))
            let probe = DifferentialTests.probes[0]
            if reach.endpoints.indices.contains(where: { s in reach.endpoints.indices.contains { d in
                reach.allowed(.endpoint(s), .endpoint(d), probe) != base.allowed(.endpoint(s), .endpoint(d), probe) } }) {
                differs += 1
            }
        }
        #expect(denies > 20 && nonIsolating > 5 && differs > 20, "denies \(denies), nonIsolating \(nonIsolating), differs \(differs)")
    }
}
