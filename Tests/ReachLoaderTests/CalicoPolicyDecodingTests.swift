import ReachLoader
import ReachModel
import Testing

/// `projectcalico.org/v3` decoding as projectcalico/calico `api/pkg/apis/projectcalico/v3/`
/// (`networkpolicy.go`, `globalnetworkpolicy.go`, `policy_common.go`) and
/// `api/pkg/lib/numorstring/port.go` define it; invalid objects get located errors and are dropped.
@Suite struct CalicoPolicyDecodingTests {
    static let gnp = """
    apiVersion: projectcalico.org/v3
    kind: GlobalNetworkPolicy
    metadata: {name: g}
    spec:
      order: 10.5
      selector: app == 'web' && !has(legacy)
      namespaceSelector: team in {'a', 'b'}
      types: [Ingress, Egress]
      ingress:
      - action: Deny
        protocol: TCP
        source: {nets: [10.0.0.0/8, 192.168.1.1], notSelector: "role == 'x'"}
        destination: {ports: [80, "8000:8080", http], notPorts: [8001]}
      egress:
      - action: Pass
        notProtocol: UDP
        http: {methods: [GET]}
    """

    @Test func globalNetworkPolicyFields() throws {
        let s = load(Self.gnp)
        #expect(s.errors.isEmpty, "\(s.errors)")
        let p = try #require(s.calicoPolicies.first)
        #expect(p.kind == .globalNetworkPolicy && p.order == 10.5 && p.tier == "default")
        #expect(p.selector == .and(.equals("app", "web"), .not(.has("legacy"))))
        #expect(p.namespaceSelector == .isIn("team", ["a", "b"]))
        #expect(p.ingressApplies && p.egressApplies)
        let r = try #require(p.ingress.first)
        #expect(r.action == .deny && r.protocolName == "tcp")
        #expect(r.source.nets == ["10.0.0.0/8", "192.168.1.1/32"])
        #expect(r.source.notSelector == .equals("role", "x"))
        #expect(r.destination.ports == [.range(80, 80), .range(8000, 8080), .named("http")])
        #expect(r.destination.notPorts == [.range(8001, 8001)])
        #expect(p.egress.first?.action == .pass && p.egress.first?.notProtocol == "udp")
        #expect(p.egress.first?.unmodelled == ["http"])
    }

    /// `types` default (networkpolicy.go): Ingress unless only egress rules; order absent = nil.
    @Test func typesDefaultAndNamespace() throws {
        let s = load("""
        apiVersion: projectcalico.org/v3
        kind: NetworkPolicy
        metadata: {name: n, namespace: shop}
        spec:
          egress: [{action: Allow}]
        """)
        let p = try #require(s.calicoPolicies.first)
        #expect(p.kind == .networkPolicy && p.meta.namespace == "shop" && p.order == nil)
        #expect(!p.ingressApplies && p.egressApplies && p.selector == .all)
    }

    @Test(arguments: [
        ("selector: app = 'x'", "spec.selector"),
        ("order: high", "spec.order"),
        ("ingress: [{action: Drop}]", "spec.ingress[0].action"),
        ("ingress: [{action: Allow, destination: {ports: ['90:80']}}]", "spec.ingress[0].destination.ports[0]"),
        ("ingress: [{action: Allow, source: {nets: [10.0.0.0/99]}}]", "spec.ingress[0].source.nets[0]"),
        ("types: [Sideways]", "spec.types[0]"),
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
