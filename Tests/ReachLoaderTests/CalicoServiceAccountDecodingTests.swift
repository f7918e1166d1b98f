import ReachLoader
import ReachModel
import Testing

/// `serviceAccountSelector` and `EntityRule.serviceAccounts` decoding (projectcalico/calico
/// `api/pkg/apis/projectcalico/v3/policy_common.go` `ServiceAccountMatch{Names, Selector}`;
/// `updateprocessors/rules.go` `parseServiceAccounts` adds nothing for an empty selector and no
/// names); invalid values get located errors and drop the policy.
@Suite struct CalicoServiceAccountDecodingTests {
    @Test func fieldsAreRead() throws {
        let s = load("""
        apiVersion: projectcalico.org/v3
        kind: NetworkPolicy
        metadata: {name: p, namespace: x}
        spec:
          serviceAccountSelector: role == 'db'
          ingress:
          - action: Allow
            source: {serviceAccounts: {names: [api, web], selector: "has(team)"}}
            destination: {serviceAccounts: {}}
          - action: Allow
            source: {serviceAccounts: {selector: ""}}
        """)
        #expect(s.errors.isEmpty, "\(s.errors)")
        let p = try #require(s.calicoPolicies.first)
        #expect(p.serviceAccountSelector == .equals("role", "db"))
        #expect(p.ingress[0].source.serviceAccounts == .init(names: ["api", "web"], selector: .has("team")))
        #expect(p.ingress[0].destination.serviceAccounts == nil, "an empty match adds no condition")
        #expect(p.ingress[1].source.serviceAccounts == nil, "an empty selector adds no condition")
        #expect(p.usesServiceAccounts)
    }

    @Test func emptyServiceAccountSelectorAddsNoCondition() throws {
        let s = load("""
        apiVersion: projectcalico.org/v3
        kind: GlobalNetworkPolicy
        metadata: {name: g}
        spec: {selector: app == 'a', serviceAccountSelector: ' '}
        """)
        let p = try #require(s.calicoPolicies.first)
        #expect(p.serviceAccountSelector == nil && !p.usesServiceAccounts)
    }

    @Test(arguments: [
        ("serviceAccountSelector: role = 'x'", "spec.serviceAccountSelector"),
        ("serviceAccountSelector: [a]", "spec.serviceAccountSelector"),
        ("ingress: [{action: Allow, source: {serviceAccounts: [api]}}]", "spec.ingress[0].source.serviceAccounts"),
        ("ingress: [{action: Allow, source: {serviceAccounts: {names: api}}}]", "spec.ingress[0].source.serviceAccounts.names"),
        ("ingress: [{action: Allow, source: {serviceAccounts: {names: [[a]]}}}]", "spec.ingress[0].source.serviceAccounts.names[0]"),
        ("egress: [{action: Allow, destination: {serviceAccounts: {selector: 'a in'}}}]", "spec.egress[0].destination.serviceAccounts.selector"),
    ])
    func invalidFieldsAreLocatedAndDropThePolicy(field: String, path: String) {
        let s = load("""
        apiVersion: projectcalico.org/v3
        kind: GlobalNetworkPolicy
        metadata: {name: bad}
        spec:
          \(field)
        """)
        #expect(s.calicoPolicies.isEmpty)
        #expect(s.errors.contains { $0.path == path && $0.location?.line ?? 0 >= 5 }, "\(s.errors)")
    }
}
