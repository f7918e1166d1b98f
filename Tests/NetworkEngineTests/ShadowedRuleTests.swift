import Testing
import ReachCore
import ReachLoader
import ReachModel
import ReachTestSupport
@testable import NetworkEngine

/// KR-NP-109: tier-policy rules that first-match semantics (clusternetworkpolicy_types.go: rules
/// "ordered", the first match decides) make unreachable.
@Suite struct ShadowedRuleTests {
    static func shadowed(_ snap: ClusterSnapshot) -> [String] {
        let reach = NetworkEngine.analyze(snap, engine: PolicyEngineChoice(engine: .kubernetes, reason: "test"))
        return NetworkLint.findings(reach).filter { $0.id == NetworkDiagnosticID.shadowedRule }.compactMap(\.path).sorted()
    }

    /// The upstream ingress-tcp fixture orders an Accept, a Deny and a Pass for the same peers
    /// (the conformance test swaps them): the later two can never match.
    @Test func upstreamIngressTCPFixture() {
        var snap = ManifestLoader().load(paths: [TestPaths.fixture("netpol-tiers/conformance/base.yaml"),
                                                 TestPaths.fixture("netpol-tiers/conformance/admin_tier_standard-ingress-tcp-rules.yaml")])
        #expect(Self.shadowed(snap) == ["spec.ingress[1]", "spec.ingress[2]", "spec.ingress[4]"])
        // Rule 6 (Deny hufflepuff, every port) is not shadowed by rule 5 (Accept hufflepuff TCP/80).
        snap.adminNetworkPolicies[0].ingress.swapAt(0, 1)
        #expect(Self.shadowed(snap) == ["spec.ingress[1]", "spec.ingress[2]", "spec.ingress[4]"])
    }

    static let loc = SourceLocation(file: "t", document: 1, line: 1)

    static func snapshot(_ egress: [AdminNetworkPolicy.Rule], extra: [AdminNetworkPolicy] = []) -> ClusterSnapshot {
        var snap = ClusterSnapshot()
        snap.namespaces = [Namespace(meta: ObjectMeta(name: "a", location: loc))]
        snap.pods = [Pod(meta: ObjectMeta(name: "p", namespace: "a", location: loc), spec: PodSpec(containers: []), podIPs: ["10.1.0.5"])]
        snap.adminNetworkPolicies = [AdminNetworkPolicy(kind: .clusterNetworkPolicy, meta: ObjectMeta(name: "c", location: loc),
                                                        tier: .admin, priority: 5, subject: .namespaces(.everything), egress: egress)] + extra
        return snap
    }

    /// Networks peers: a narrower CIDR after a wider one is shadowed, not the other way round;
    /// port restrictions on the earlier rule leave the later one reachable.
    @Test func networksAndPorts() {
        let wide = AdminNetworkPolicy.Rule(action: .deny, peers: [.networks(["10.0.0.0/8"])])
        let narrow = AdminNetworkPolicy.Rule(action: .accept, peers: [.networks(["10.1.0.0/16"])])
        let wideTCP80 = AdminNetworkPolicy.Rule(action: .deny, peers: [.networks(["10.0.0.0/8"])], ports: [.number(.tcp, 80)])
        #expect(Self.shadowed(Self.snapshot([wide, narrow])) == ["spec.egress[1]"])
        #expect(Self.shadowed(Self.snapshot([narrow, wide])).isEmpty)
        #expect(Self.shadowed(Self.snapshot([wideTCP80, narrow])).isEmpty)
    }

    /// Across policies: an earlier policy of the same tier whose subject covers this one's shadows
    /// it; a Baseline rule is never shadowed by the Admin tier (the NetworkPolicy tier sits between).
    @Test func acrossPolicies() {
        let all = AdminNetworkPolicy.Rule(action: .pass, peers: [.selection(.namespaces(.everything))])
        let later = AdminNetworkPolicy(kind: .adminNetworkPolicy, meta: ObjectMeta(name: "later", location: Self.loc), tier: .admin,
                                       priority: 9, subject: .namespaces(.everything), egress: [all])
        let baseline = AdminNetworkPolicy(kind: .baselineAdminNetworkPolicy, meta: ObjectMeta(name: "default", location: Self.loc),
                                          tier: .baseline, priority: 0, subject: .namespaces(.everything), egress: [all])
        #expect(Self.shadowed(Self.snapshot([all], extra: [later, baseline])) == ["spec.egress[0]"])
    }
}
