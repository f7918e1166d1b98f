import Testing
import ReachCore
import ReachLoader
import ReachModel
import ReachTestSupport
@testable import NetworkEngine

/// KR-NP-109 for Calico rules (first match in a tier: Calico docs, *Tier*: "Policies in each Tier
/// are then processed in order"; a rule's action Allow/Deny/Pass decides, policy_common.go) and
/// for Cilium allow rules that a deny rule refuses entirely (language.rst, *Deny Policies*: "Deny
/// policies take precedence over allow policies"). Fixtures list each case both ways.
@Suite struct ShadowedEngineRuleTests {
    static func findings(_ fixture: String, _ engine: PolicyEngineKind) -> [Diagnostic] {
        let snap = ManifestLoader().load(paths: [TestPaths.fixture(fixture)])
        let reach = NetworkEngine.analyze(snap, engine: PolicyEngineChoice(engine: engine, reason: "test"))
        return NetworkLint.findings(reach).filter { $0.id == NetworkDiagnosticID.shadowedRule }
    }

    @Test func calicoRulesShadowedByEarlierRulesWithAnotherAction() {
        let found = Self.findings("netpol-calico/shadowed/input", .calico)
        #expect(found.map(\.message) == [
            "CalicoNetworkPolicy/shop/allow-monitor: ingress rule 0 (Allow) is shadowed: every peer and port it matches is decided first by GlobalNetworkPolicy/deny-ops rule 0 (Deny)",
            "CalicoNetworkPolicy/shop/web-rules: ingress rule 1 (Deny) is shadowed: every peer and port it matches is decided first by CalicoNetworkPolicy/shop/web-rules rule 0 (Allow)",
        ])
        #expect(found.map(\.path) == ["spec.ingress[0]", "spec.ingress[1]"])
        #expect(found.allSatisfy { $0.severity == .warning && $0.location?.line ?? 0 > 0 })
    }

    /// The same policies under another engine: Calico rules are not read, nothing is reported.
    @Test func calicoLintOnlyUnderCalico() {
        #expect(Self.findings("netpol-calico/shadowed/input", .kubernetes).isEmpty)
    }

    @Test func ciliumAllowShadowedByDeny() {
        let found = Self.findings("cilium/shadowed/input", .cilium)
        #expect(found.map(\.message) == [
            "CiliumNetworkPolicy/db-allow (namespace app): an ingress allow rule is shadowed: every peer and port it matches is denied by CiliumClusterwideNetworkPolicy/deny-ops",
        ])
        // Located at the rule (ingress[0] of db-allow, line 44 of the fixture).
        #expect(found.first?.location?.line == 44)
        #expect(Self.findings("cilium/shadowed/input", .kubernetes).isEmpty)
    }
}
