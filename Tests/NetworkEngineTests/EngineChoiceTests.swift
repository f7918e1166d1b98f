import Foundation
import Testing
import ReachCore
import ReachLoader
import ReachModel
import ReachTestSupport
@testable import NetworkEngine

/// The engine an AKS cluster enforces (``PolicyEngineChoice/init(cluster:)``), and what the
/// engine-specific kinds left out are reported as.
@Suite struct EngineChoiceTests {
    static func cluster(_ profile: [String: AKSSetting.Value]) -> AKSCluster {
        let loc = SourceLocation(file: "c.json", document: 1, line: 1)
        var settings: [String: AKSSetting] = [:]
        for (k, v) in profile { settings["networkprofile.\(k.lowercased())"] = AKSSetting(value: v, location: loc) }
        return AKSCluster(name: "c", location: loc, settings: settings)
    }

    /// az aks create --network-policy {azure,calico,cilium,none} and --network-dataplane cilium.
    @Test(arguments: [
        (["networkPolicy": AKSSetting.Value.string("azure")], PolicyEngineKind.kubernetes),
        (["networkPolicy": .string("calico")], .calico),
        (["networkPolicy": .string("cilium")], .cilium),
        (["networkPolicy": .string("none")], .none),
        (["networkPolicy": .string("")], .none),
        ([:], .none),
        (["networkPolicy": .null], .none),
        (["networkPolicy": .string("azure"), "networkDataplane": .string("cilium")], .cilium),
        (["networkPolicy": .string("Calico")], .calico),
        (["networkPolicy": .string("weave")], .kubernetes),
    ])
    func engineFromNetworkProfile(profile: [String: AKSSetting.Value], engine: PolicyEngineKind) {
        let choice = PolicyEngineChoice(cluster: Self.cluster(profile))
        #expect(choice.engine == engine && choice.explicit)
        #expect(choice.reason.hasPrefix("AKS cluster 'c': networkProfile."))
        if profile["networkPolicy"] == .string("weave") { #expect(choice.reason.contains("not recognised")) }
    }

    /// ../shared/corpus/calico loads and analyses under every engine; its Calico policies are
    /// decoded (5 GlobalNetworkPolicies, 1 NetworkPolicy) and its `security` Tier (order 200) is
    /// read; other engines report them as left out, Calico reports what it does not model (an
    /// `http` match; its two `serviceAccounts` matches are modelled).
    @Test func calicoCorpusLoadsAndAnalyses() throws {
        guard let corpus = TestPaths.corpus else {
            print("⚠︎ ../shared/corpus absent: skipping the Calico corpus check")
            return
        }
        let snap = ManifestLoader().load(paths: [corpus.appendingPathComponent("calico").path])
        #expect(!snap.hasErrors, "\(snap.diagnostics.filter { $0.severity == .error })")
        #expect(snap.calicoPolicies.filter { $0.kind == .globalNetworkPolicy }.count == 5)
        #expect(snap.calicoPolicies.filter { $0.kind == .networkPolicy }.count == 1)
        #expect(snap.calicoTiers.map(\.meta.name) == ["security"] && snap.calicoTiers.first?.order == 200)
        for engine in PolicyEngineKind.allCases {
            let reach = NetworkEngine.analyze(snap, engine: PolicyEngineChoice(engine: engine, reason: "test"))
            #expect(!reach.endpoints.isEmpty)
            let notes = reach.diagnostics.filter { $0.id == NetworkDiagnosticID.notModelled }
            #expect(notes.count == 1, "\(engine): \(notes)")
            #expect(notes.allSatisfy { $0.severity == .info })
        }
    }
}
