import ReachLoader
import ReachModel
import Testing

/// `cilium.io/v2` decoding as cilium/cilium `pkg/policy/api/rule.go`, `ingress.go`, `egress.go`,
/// `cidr.go` and `l4.go` define the fields; wrong types and invalid values get located errors and
/// drop the object; what is not modelled is kept for a located info.
@Suite struct CiliumDecodingTests {
    static let cnp = """
    apiVersion: cilium.io/v2
    kind: CiliumNetworkPolicy
    metadata: {name: p, namespace: x}
    specs:
    - endpointSelector: {matchLabels: {app: a}, matchExpressions: [{key: k8s:tier, operator: In, values: [f]}]}
      enableDefaultDeny: {ingress: false}
      ingress:
      - fromEndpoints: [{matchLabels: {k8s:io.kubernetes.pod.namespace: y}}]
        toPorts: [{ports: [{port: "80", protocol: TCP}, {port: "1000", endPort: 2000}, {port: http}], rules: {http: [{method: GET}]}}]
      ingressDeny:
      - fromCIDRSet: [{cidr: 10.0.0.0/8, except: [10.1.0.0/16]}]
        fromEntities: [world]
    - endpointSelector: {}
      egress:
      - toCIDR: [192.0.2.1]
        toFQDNs: [{matchName: example.com}]
      egressDeny:
      - toPorts: [{ports: [{port: "53", protocol: UDP}]}]
    """

    @Test func fieldsDecode() throws {
        let s = load(Self.cnp)
        #expect(s.errors.isEmpty, "\(s.errors)")
        let p = try #require(s.ciliumPolicies.first)
        #expect(p.kind == .namespaced && p.meta.namespace == "x" && p.specs.count == 2)
        let a = p.specs[0]
        #expect(a.endpointSelector?.matchLabels == ["app": "a"] && a.endpointSelector?.matchExpressions.first?.key == "k8s:tier")
        #expect(a.defaultDenyIngress == false && a.defaultDeny(.ingress) == false && a.defaultDeny(.egress) == false)
        #expect(a.ingress.first?.peers == [.endpoints(LabelSelector(matchLabels: ["k8s:io.kubernetes.pod.namespace": "y"]))])
        #expect(a.ingress.first?.ports == [.init(protocols: [.tcp], port: .number(80)),
                                           .init(protocols: [.tcp, .udp, .sctp], port: .number(1000), endPort: 2000),
                                           .init(protocols: [.tcp, .udp, .sctp], port: .name("http"))])
        #expect(a.ingressDeny.first?.peers == [.entity("world"), .cidr(IPBlock(cidr: "10.0.0.0/8", except: ["10.1.0.0/16"]))])
        #expect(a.unmodelled.map(\.path) == ["specs[0].ingress[0].toPorts[0].rules"])
        let b = p.specs[1]
        #expect(b.egress.first?.peers == [.cidr(IPBlock(cidr: "192.0.2.1/32")), .entity("world")])
        #expect(b.egressDeny.first?.peers == [] && b.defaultDeny(.egress) && !b.defaultDeny(.ingress))
        #expect(b.unmodelled.map(\.path) == ["specs[1].egress[0].toFQDNs"])
    }

    @Test func clusterwideAndNodeSelector() throws {
        let s = load("""
        apiVersion: cilium.io/v2
        kind: CiliumClusterwideNetworkPolicy
        metadata: {name: c}
        spec:
          nodeSelector: {matchLabels: {role: worker}}
          ingress: [{fromEntities: [cluster]}]
        """)
        #expect(s.errors.isEmpty, "\(s.errors)")
        let p = try #require(s.ciliumPolicies.first)
        #expect(p.kind == .clusterwide && p.meta.namespace == nil && p.specs.first?.endpointSelector == nil)
        #expect(p.specs.first?.unmodelled.first?.path == "spec.nodeSelector")
    }

    /// Hostile input: each gives a located error and drops the object, never a crash.
    @Test(arguments: [
        ("spec: {endpointSelector: {}, ingress: [{toPorts: [{ports: [{port: '80', protocol: ICMP}]}]}]}", "unsupported protocol 'ICMP'"),
        ("spec: {endpointSelector: {}, ingress: [{toPorts: [{ports: [{port: '70000'}]}]}]}", "out of range"),
        ("spec: {endpointSelector: {}, egress: [{toCIDR: [not-a-cidr]}]}", "invalid CIDR 'not-a-cidr'"),
        ("spec: {endpointSelector: {}, egress: [{toCIDRSet: [{except: [10.0.0.0/8]}]}]}", "required field is missing"),
        ("spec: {ingress: []}", "one of endpointSelector or nodeSelector is required"),
        ("spec: {endpointSelector: {}, nodeSelector: {}}", "nodeSelector is only valid"),
        ("spec: {endpointSelector: {}, ingress: {fromEntities: world}}", "expected"),
        ("status: {}", "one of spec or specs is required"),
    ])
    func invalidInput(body: String, message: String) {
        let s = load("apiVersion: cilium.io/v2\nkind: CiliumNetworkPolicy\nmetadata: {name: p, namespace: x}\n" + body)
        #expect(s.ciliumPolicies.isEmpty)
        #expect(s.errors.contains { $0.message.contains(message) && ($0.location?.line ?? 0) >= 1 }, "\(s.diagnostics)")
    }

    /// Other apiVersions of the kind stay skipped kinds.
    @Test func otherVersionsAreSkipped() {
        let s = load("apiVersion: cilium.io/v1\nkind: CiliumNetworkPolicy\nmetadata: {name: p, namespace: x}\nspec: {}")
        #expect(s.ciliumPolicies.isEmpty && s.skippedKinds["cilium.io/v1 CiliumNetworkPolicy"] == 1)
    }
}

extension CiliumDecodingTests {
    /// Not-modelled targets keep allow rules an upper bound: FQDNs → world, services → all;
    /// in a deny rule they are left out.
    @Test func unmodelledTargetsWidenAllowRules() throws {
        let s = load("""
        apiVersion: cilium.io/v2
        kind: CiliumNetworkPolicy
        metadata: {name: p, namespace: x}
        spec:
          endpointSelector: {}
          egress:
          - toFQDNs: [{matchName: example.com}]
          - toServices: [{k8sService: {serviceName: s, namespace: x}}]
          egressDeny:
          - toFQDNs: [{matchName: example.com}]
        """)
        let spec = try #require(s.ciliumPolicies.first?.specs.first)
        #expect(spec.egress.map(\.peers) == [[.entity("world")], [.entity("all")]])
        #expect(spec.egressDeny.first?.peers == [])
        #expect(spec.unmodelled.count == 3)
    }
}
