import Testing
import ReachCore
import ReachModel
import ReachTestSupport
@testable import NetworkEngine

/// The bitset engine against the naive per-pair evaluator (the spec read literally) on seeded
/// random clusters: every endpoint and external atom pair, every probe of a fixed set.
@Suite struct DifferentialTests {
    static let probes = ["TCP/53", "UDP/53", "TCP/80", "TCP/81", "SCTP/80", "UDP/8080", "TCP/8080", "TCP/9000"]
        .compactMap(ProbePort.init)

    @Test(arguments: Array(UInt64(1)...UInt64(40)))
    func engineAgreesWithNaiveEvaluator(seed: UInt64) {
        var gen = RandomScenario(rng: SplitMix64(state: seed))
        let snap = gen.snapshot(pods: 24, policies: 6)
        let reach = NetworkEngine.analyze(snap)
        let naive = reach.evaluator
        var refs = reach.endpoints.indices.map(NetworkPeerRef.endpoint)
        refs += reach.ipAtoms.atoms.indices.map(NetworkPeerRef.external)
        var mismatches: [String] = []
        var allowedCount = 0
        for probe in Self.probes {
            for s in refs {
                for d in refs {
                    if case .external = s, case .external = d { continue }
                    let fast = reach.allowed(s, d, probe), slow = naive.allowed(s, d, probe)
                    if slow { allowedCount += 1 }
                    if fast != slow { mismatches.append("\(naive.name(s)) -> \(naive.name(d)) \(probe): engine \(fast)") }
                }
            }
        }
        #expect(allowedCount > 0, "seed \(seed) allows nothing")
        #expect(mismatches.isEmpty, "seed \(seed): \(mismatches.prefix(5))")
    }
}

extension DifferentialTests {
    /// Larger clusters where classes must collapse: many pods, few distinct label projections.
    @Test(arguments: [UInt64(101), 202, 303])
    func classesCollapseAndStillAgree(seed: UInt64) {
        var gen = RandomScenario(rng: SplitMix64(state: seed))
        let snap = gen.snapshot(pods: 300, policies: 12)
        let reach = NetworkEngine.analyze(snap)
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
}
