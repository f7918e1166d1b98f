import Testing
import ReachCore
import ReachLoader
import ReachModel
import ReachTestSupport
@testable import NetworkEngine

/// Calico `Tier` objects (Calico docs, *Tier* resource; tier.go): tiers apply by `order`, lower
/// first, equal orders by name, absent last; a tier that applies to an endpoint and decides
/// nothing drops the packet unless its `defaultAction` is Pass ("This behaviour can be changed by
/// setting the defaultAction of a tier to Pass"). Each case checks the bitset engine and the
/// naive evaluator.
@Suite struct CalicoTierTests {
    static let pods = """
    apiVersion: v1
    kind: Namespace
    metadata: {name: x}
    ---
    apiVersion: v1
    kind: Pod
    metadata: {name: a, namespace: x, labels: {app: a}}
    spec: {containers: [{name: c, image: i}]}
    status: {podIP: 10.0.0.1}
    ---
    apiVersion: v1
    kind: Pod
    metadata: {name: b, namespace: x, labels: {app: b}}
    spec: {containers: [{name: c, image: i}]}
    status: {podIP: 10.0.0.2}
    """

    /// `first` denies b -> a in its own tier; `second` allows it. Which tier comes first decides.
    static func policies(firstTier: String, secondTier: String) -> String {
        """
        apiVersion: projectcalico.org/v3
        kind: GlobalNetworkPolicy
        metadata: {name: \(firstTier).deny-b}
        spec: {tier: \(firstTier), selector: app == 'a', ingress: [{action: Deny, source: {selector: app == 'b'}}]}
        ---
        apiVersion: projectcalico.org/v3
        kind: GlobalNetworkPolicy
        metadata: {name: \(secondTier).allow-b}
        spec: {tier: \(secondTier), selector: app == 'a', ingress: [{action: Allow, source: {selector: app == 'b'}}]}
        """
    }

    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var manifests: String
        /// b -> a and a -> b allowed?
        var bToA: Bool
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "lower order first: the deny tier at 10 before the allow tier at 20",
             manifests: "kind: Tier\nmetadata: {name: t1}\nspec: {order: 10}\n---\napiVersion: projectcalico.org/v3\nkind: Tier\nmetadata: {name: t2}\nspec: {order: 20}\n---\n"
                + policies(firstTier: "t1", secondTier: "t2"), bToA: false),
        Case(name: "order reverses the names: the allow tier at 5 comes first",
             manifests: "kind: Tier\nmetadata: {name: t1}\nspec: {order: 10}\n---\napiVersion: projectcalico.org/v3\nkind: Tier\nmetadata: {name: t2}\nspec: {order: 5}\n---\n"
                + policies(firstTier: "t1", secondTier: "t2"), bToA: true),
        Case(name: "equal orders: by tier name",
             manifests: "kind: Tier\nmetadata: {name: zz}\nspec: {order: 10}\n---\napiVersion: projectcalico.org/v3\nkind: Tier\nmetadata: {name: aa}\nspec: {order: 10}\n---\n"
                + policies(firstTier: "zz", secondTier: "aa"), bToA: true),
        Case(name: "absent order: last, after the default tier (1 000 000)",
             manifests: "kind: Tier\nmetadata: {name: t1}\n---\n" + policies(firstTier: "t1", secondTier: "default"), bToA: true),
        Case(name: "tier without a Tier object: before default (documented choice)",
             manifests: policies(firstTier: "t1", secondTier: "default"), bToA: false),
        Case(name: "end of tier denies by default: a tier selecting a with no matching rule drops b -> a",
             manifests: "kind: Tier\nmetadata: {name: t1}\nspec: {order: 10}\n---\napiVersion: projectcalico.org/v3\nkind: GlobalNetworkPolicy\nmetadata: {name: t1.other}\nspec: {tier: t1, selector: app == 'a', ingress: [{action: Allow, source: {selector: app == 'zzz'}}]}",
             bToA: false),
        Case(name: "defaultAction Pass: the same tier hands b -> a on (no later tier: allowed)",
             manifests: "kind: Tier\nmetadata: {name: t1}\nspec: {order: 10, defaultAction: Pass}\n---\napiVersion: projectcalico.org/v3\nkind: GlobalNetworkPolicy\nmetadata: {name: t1.other}\nspec: {tier: t1, selector: app == 'a', ingress: [{action: Allow, source: {selector: app == 'zzz'}}]}",
             bToA: true),
        Case(name: "defaultAction Pass, then a later tier's end-of-tier deny decides",
             manifests: "kind: Tier\nmetadata: {name: t1}\nspec: {order: 10, defaultAction: Pass}\n---\napiVersion: projectcalico.org/v3\nkind: GlobalNetworkPolicy\nmetadata: {name: t1.other}\nspec: {tier: t1, selector: app == 'a', ingress: [{action: Allow, source: {selector: app == 'zzz'}}]}\n---\napiVersion: projectcalico.org/v3\nkind: GlobalNetworkPolicy\nmetadata: {name: default.isolate-a}\nspec: {selector: app == 'a', types: [Ingress]}",
             bToA: false),
    ]

    @Test(arguments: cases)
    func tierOrderAndDefaultAction(_ c: Case) throws {
        let body = c.manifests.hasPrefix("apiVersion") ? c.manifests : "apiVersion: projectcalico.org/v3\n" + c.manifests
        let snap = ManifestLoader().load(sources: [("t.yaml", Self.pods + "\n---\n" + body)])
        #expect(!snap.hasErrors, "\(snap.diagnostics)")
        let reach = NetworkEngine.analyze(snap, engine: PolicyEngineChoice(engine: .calico, reason: "test"))
        let a = try #require(reach.endpointIndex(named: "x/a")), b = try #require(reach.endpointIndex(named: "x/b"))
        let probe = ProbePort(protocol: .tcp, port: 80)
        #expect(reach.allowed(.endpoint(b), .endpoint(a), probe) == c.bToA, "engine")
        #expect(reach.evaluator.allowed(.endpoint(b), .endpoint(a), probe) == c.bToA, "naive")
        #expect(reach.allowed(.endpoint(a), .endpoint(b), probe), "nothing selects b")
    }

    /// Host-endpoint fields and tiers placed outside the admin tiers are reported, not silent.
    @Test func notModelledIsSaid() {
        let text = Self.pods + """

        ---
        apiVersion: projectcalico.org/v3
        kind: Tier
        metadata: {name: early}
        spec: {order: 500}
        ---
        apiVersion: projectcalico.org/v3
        kind: GlobalNetworkPolicy
        metadata: {name: early.host}
        spec: {tier: early, selector: all(), preDNAT: true, applyOnForward: true, ingress: [{action: Allow}]}
        ---
        apiVersion: policy.networking.k8s.io/v1alpha2
        kind: ClusterNetworkPolicy
        metadata: {name: c}
        spec: {tier: Admin, priority: 1, subject: {namespaces: {}}, ingress: [{action: Accept, from: [{namespaces: {}}]}]}
        """
        let snap = ManifestLoader().load(sources: [("t.yaml", text)])
        let reach = NetworkEngine.analyze(snap, engine: PolicyEngineChoice(engine: .calico, reason: "test"))
        let notes = reach.diagnostics.filter { $0.id == NetworkDiagnosticID.notModelled }.map(\.message)
        #expect(notes.contains { $0.contains("preDNAT concerns host endpoints, which are not modelled") })
        #expect(notes.contains { $0.contains("applyOnForward concerns host endpoints") })
        #expect(notes.contains { $0.contains("Tier/early: order 500.0 places it before Calico's kube-admin tier") })
    }

    /// Random clusters (``RandomScenario``, tiers `security` and `default`) with a Tier object
    /// for `security` of random order and defaultAction: the bitset engine equals the naive one.
    @Test(arguments: Array(UInt64(1)...UInt64(8)))
    func differentialWithTierObjects(seed: UInt64) {
        var gen = RandomScenario(rng: SplitMix64(state: seed &* 7_919))
        var snap = gen.snapshot(pods: 20, policies: 3, admin: seed % 2 == 0 ? 2 : 0, calico: 6)
        let orders: [Double?] = [100, 2_000_000, nil, 1_000_000]
        snap.calicoTiers = [CalicoTier(meta: ObjectMeta(name: "security", location: SourceLocation(file: "t", document: 1, line: 1)), order: orders[Int(seed % 4)],
                                       defaultAction: seed % 3 == 0 ? .deny : .pass)]
        let reach = NetworkEngine.analyze(snap, engine: PolicyEngineChoice(engine: .calico, reason: "test"))
        let (bad, allowed, _) = TierDifferentialTests.mismatches(reach)
        #expect(allowed > 0)
        #expect(bad.isEmpty, "seed \(seed): \(bad.count) mismatches, e.g. \(bad.prefix(5))")
    }
}
