import ReachLoader
import ReachModel
import Testing

/// `projectcalico.org/v3` Tier decoding: `spec.order` (a float, absent = last: tier.go "If the
/// order is omitted, it may be considered to be infinite") and `spec.defaultAction` (Calico docs,
/// *Tier* resource: "Deny, Pass", default Deny); invalid objects get located errors and are dropped.
/// GlobalNetworkPolicy host-endpoint fields (`doNotTrack`, `preDNAT`, `applyOnForward`) are read.
@Suite struct CalicoTierDecodingTests {
    @Test func tierFields() throws {
        let s = load("""
        apiVersion: projectcalico.org/v3
        kind: Tier
        metadata: {name: security}
        spec: {order: 100.5, defaultAction: Pass}
        ---
        apiVersion: projectcalico.org/v3
        kind: Tier
        metadata: {name: last}
        """)
        #expect(s.errors.isEmpty, "\(s.errors)")
        #expect(s.calicoTiers.map(\.meta.name) == ["last", "security"])
        let security = try #require(s.calicoTiers.last)
        #expect(security.order == 100.5 && security.defaultAction == .pass)
        let last = try #require(s.calicoTiers.first)
        #expect(last.order == nil && last.defaultAction == .deny)
        #expect(s.skippedKinds.isEmpty)
    }

    @Test(arguments: [("spec: {order: high}", "spec.order"), ("spec: {defaultAction: Allow}", "spec.defaultAction"),
                      ("spec: {defaultAction: [Pass]}", "spec.defaultAction"), ("spec: {order: true}", "spec.order"),
                      ("spec: [order, 10]", "spec"), ("spec: {order: .nan}", "spec.order")])
    func invalidTierIsDropped(spec: String, path: String) {
        let s = load("apiVersion: projectcalico.org/v3\nkind: Tier\nmetadata: {name: t}\n\(spec)\n")
        #expect(s.calicoTiers.isEmpty)
        #expect(s.errors.contains { $0.path == path && $0.location?.line ?? 0 >= 4 }, "\(s.errors)")
    }

    @Test func hostEndpointFieldsAreRead() throws {
        let s = load("""
        apiVersion: projectcalico.org/v3
        kind: GlobalNetworkPolicy
        metadata: {name: host}
        spec: {selector: all(), doNotTrack: true, preDNAT: false, applyOnForward: true, ingress: [{action: Allow}]}
        """)
        let p = try #require(s.calicoPolicies.first)
        #expect(p.hostEndpointFields == ["doNotTrack", "applyOnForward"])
        let bad = load("apiVersion: projectcalico.org/v3\nkind: GlobalNetworkPolicy\nmetadata: {name: h}\nspec: {preDNAT: maybe}\n")
        #expect(bad.calicoPolicies.isEmpty)
        #expect(bad.errors.contains { $0.path == "spec.preDNAT" }, "\(bad.errors)")
    }
}
