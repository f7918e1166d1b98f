import Testing
import ReachCore
import ReachModel
import ReachTestSupport
@testable import NetworkEngine

/// The tiered bitset engine against the naive per-pair evaluator on seeded random clusters that
/// mix NetworkPolicies, ClusterNetworkPolicies (both tiers), AdminNetworkPolicies and a
/// BaselineAdminNetworkPolicy: every endpoint and external atom pair, every probe of a fixed set,
/// under the Kubernetes and Cilium engines.
@Suite struct TierDifferentialTests {
    static let probes = DifferentialTests.probes

    static func mismatches(_ reach: NetworkReach) -> (mismatches: [String], allowed: Int, denied: Int) {
        let naive = reach.evaluator
        var refs = reach.endpoints.indices.map(NetworkPeerRef.endpoint)
        refs += reach.ipAtoms.atoms.indices.map(NetworkPeerRef.external)
        var out: [String] = [], allowed = 0, denied = 0
        for probe in probes {
            for s in refs {
                for d in refs {
                    if case .external = s, case .external = d { continue }
                    let fast = reach.allowed(s, d, probe), slow = naive.allowed(s, d, probe)
                    if slow { allowed += 1 } else { denied += 1 }
                    if fast != slow { out.append("\(naive.name(s)) -> \(naive.name(d)) \(probe): engine \(fast)") }
                }
            }
        }
        return (out, allowed, denied)
    }

    @Test(arguments: Array(UInt64(1)...UInt64(40)))
    func tieredEngineAgreesWithNaiveEvaluator(seed: UInt64) {
        var gen = RandomScenario(rng: SplitMix64(state: seed &* 7919))
        let snap = gen.snapshot(pods: 24, policies: 4, admin: 5)
        #expect(!snap.adminNetworkPolicies.isEmpty)
        for engine in [PolicyEngineKind.kubernetes, .cilium] {
            let reach = NetworkEngine.analyze(snap, engine: PolicyEngineChoice(engine: engine, reason: "test"))
            let (bad, allowed, denied) = Self.mismatches(reach)
            #expect(allowed > 0 && denied > 0, "seed \(seed) \(engine): allowed \(allowed), denied \(denied)")
            #expect(bad.count == 0, "seed \(seed) \(engine): \(bad.count) mismatches, e.g. \(bad.prefix(5))")
        }
    }

    /// Many pods, few label projections: classes collapse and the tiers still agree.
    @Test(arguments: [UInt64(11), 22, 33])
    func largerClustersAgree(seed: UInt64) {
        var gen = RandomScenario(rng: SplitMix64(state: seed))
        let snap = gen.snapshot(pods: 200, policies: 8, admin: 8)
        let reach = NetworkEngine.analyze(snap, engine: PolicyEngineChoice(engine: .kubernetes, reason: "test"))
        #expect(reach.classes.count < reach.endpoints.count)
        let naive = reach.evaluator
        for probe in Self.probes.prefix(4) {
            for s in stride(from: 0, to: reach.endpoints.count, by: 7) {
                for d in stride(from: 0, to: reach.endpoints.count, by: 5) {
                    #expect(reach.allowed(.endpoint(s), .endpoint(d), probe) == naive.allowed(.endpoint(s), .endpoint(d), probe))
                }
            }
        }
    }

    /// Engine none: every pair is allowed whatever the policies say.
    @Test func engineNoneAllowsEverything() {
        var gen = RandomScenario(rng: SplitMix64(state: 5))
        let snap = gen.snapshot(pods: 20, policies: 6, admin: 4)
        let reach = NetworkEngine.analyze(snap, engine: PolicyEngineChoice(engine: .none, reason: "test"))
        let (bad, _, denied) = Self.mismatches(reach)
        #expect(bad.count == 0 && denied == 0)
        #expect(reach.diagnostics.contains { $0.id == NetworkDiagnosticID.engineNone })
    }
}
