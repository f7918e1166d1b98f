import ReachLoader
import ReachModel
import Testing

/// `policy.networking.k8s.io` decoding, field by field as kubernetes-sigs/network-policy-api
/// `apis/v1alpha2/clusternetworkpolicy_types.go` and `apis/v1alpha1/*_types.go` (and their CRD
/// validation markers) define it; invalid objects get located errors and are dropped.
@Suite struct AdminPolicyDecodingTests {
    static let cnp = """
    apiVersion: policy.networking.k8s.io/v1alpha2
    kind: ClusterNetworkPolicy
    metadata: {name: cnp}
    spec:
      tier: Admin
      priority: 7
      subject: {pods: {namespaceSelector: {matchLabels: {team: a}}, podSelector: {matchLabels: {app: web}}}}
      ingress:
      - {name: r0, action: Accept, from: [{namespaces: {}}], protocols: [{tcp: {destinationPort: {number: 80}}}, {udp: {destinationPort: {range: {start: 50, end: 60}}}}, {destinationNamedPort: http}]}
      egress:
      - {name: r1, action: Pass, to: [{networks: [10.0.0.0/8, "fd00::/64"]}]}
      - {action: Deny, to: [{nodes: {}}, {domainNames: [example.com]}]}
    """

    @Test func clusterNetworkPolicyFields() throws {
        let s = load(Self.cnp)
        #expect(s.errors.isEmpty, "\(s.errors)")
        let p = try #require(s.adminNetworkPolicies.first)
        #expect(p.kind == .clusterNetworkPolicy && p.tier == .admin && p.priority == 7)
        #expect(p.subject == .pods(namespaceSelector: LabelSelector(matchLabels: ["team": "a"]), podSelector: LabelSelector(matchLabels: ["app": "web"])))
        #expect(p.ingress.first?.ports == [.number(.tcp, 80), .range(.udp, 50, 60), .named("http")])
        #expect(p.ingress.first?.peers == [.selection(.namespaces(.everything))])
        #expect(p.egress.map(\.action) == [.pass, .deny])
        #expect(p.egress[0].peers == [.networks(["10.0.0.0/8", "fd00::/64"])])
        #expect(p.egress[1].peers == [.nodes(.everything), .domainNames(["example.com"])])
        #expect(p.egress[1].ports == nil)
        #expect(s.skippedKinds.isEmpty)
    }

    /// v1alpha1: Allow is Accept; portNumber protocol defaults to TCP; BANP is Baseline.
    @Test func v1alpha1Kinds() throws {
        let s = load("""
        apiVersion: policy.networking.k8s.io/v1alpha1
        kind: AdminNetworkPolicy
        metadata: {name: anp}
        spec:
          priority: 3
          subject: {namespaces: {}}
          ingress: [{action: Allow, from: [{pods: {namespaceSelector: {}, podSelector: {}}}], ports: [{portNumber: {port: 53, protocol: UDP}}, {portNumber: {port: 80}}, {portRange: {start: 1, end: 9}}, {namedPort: dns}]}]
        ---
        apiVersion: policy.networking.k8s.io/v1alpha1
        kind: BaselineAdminNetworkPolicy
        metadata: {name: default}
        spec:
          subject: {namespaces: {}}
          egress: [{action: Deny, to: [{networks: [0.0.0.0/0]}]}]
        """)
        #expect(s.errors.isEmpty, "\(s.errors)")
        let anp = try #require(s.adminNetworkPolicies.first { $0.kind == .adminNetworkPolicy })
        #expect(anp.ingress.first?.action == .accept)
        #expect(anp.ingress.first?.ports == [.number(.udp, 53), .number(.tcp, 80), .range(.tcp, 1, 9), .named("dns")])
        let banp = try #require(s.adminNetworkPolicies.first { $0.kind == .baselineAdminNetworkPolicy })
        #expect(banp.tier == .baseline && banp.egress.first?.action == .deny)
    }

    /// Each invalid object: a located error naming the field, and the object is dropped.
    @Test(arguments: [
        ("tier: Middle", "unsupported tier 'Middle'"),
        ("priority: 1001", "priority 1001 out of range 0-1000"),
        ("priority: high", "expected an integer"),
        ("subject: {}", "exactly one of namespaces, pods must be set, found 0"),
        ("subject: {namespaces: {}, pods: {podSelector: {}}}", "exactly one of namespaces, pods must be set, found 2"),
        ("ingress: [{action: Allow, from: [{namespaces: {}}]}]", "unsupported action 'Allow'"),
        ("ingress: [{action: Accept, from: []}]", "required field is missing or empty"),
        ("ingress: [{action: Accept, from: [{networks: [10.0.0.0/8]}]}]", "unknown field 'networks'"),
        ("egress: [{action: Deny, to: [{networks: [10.0.0.0/33]}]}]", "invalid CIDR '10.0.0.0/33'"),
        ("egress: [{action: Deny, to: [{networks: [10.0.0.0/8]}], protocols: [{destinationNamedPort: http}]}]", "cannot be set with named ports"),
        ("ingress: [{action: Deny, from: [{namespaces: {}}], protocols: [{tcp: {destinationPort: {range: {start: 90, end: 80}}}}]}]", "need 1 ≤ start < end ≤ 65535"),
        ("ingress: [{action: Deny, from: [{namespaces: {}}], protocols: [{tcp: {}}]}]", "destinationPort"),
        ("ingress: [{action: Deny, from: [{namespaces: {}}], protocols: [{tcp: {destinationPort: {number: 0}}}]}]", "port 0 out of range"),
        ("ingress: [{action: Deny, from: [{namespaces: {}}], protocols: [{icmp: {}}]}]", "unknown field 'icmp'"),
        ("ingress: {action: Deny}", "expected a list"),
    ])
    func invalidFieldsAreLocatedErrors(change: String, message: String) throws {
        var lines = ["apiVersion: policy.networking.k8s.io/v1alpha2", "kind: ClusterNetworkPolicy", "metadata: {name: bad}", "spec:"]
        var spec = ["tier: Admin", "priority: 1", "subject: {namespaces: {}}"]
        let key = String(change.prefix { $0 != ":" })
        spec.removeAll { $0.hasPrefix(key + ":") }
        spec.append(change)
        lines += spec.map { "  " + $0 }
        let s = load(lines.joined(separator: "\n"))
        let e = try #require(s.errors.first, "no error for \(change)")
        #expect(e.description.contains(message), "\(change): \(e)")
        #expect((e.location?.line ?? 0) >= 4 && e.location?.file == "test.yaml")
        #expect(s.adminNetworkPolicies.isEmpty)
        #expect(s.warnings.contains { $0.message.contains("ClusterNetworkPolicy 'bad' skipped because of its errors") })
    }

    @Test func baselineMustBeNamedDefault() throws {
        let s = load("""
        apiVersion: policy.networking.k8s.io/v1alpha1
        kind: BaselineAdminNetworkPolicy
        metadata: {name: other}
        spec: {subject: {namespaces: {}}}
        """)
        #expect(s.errors.first?.message.contains("must be named 'default'") == true)
        #expect(s.adminNetworkPolicies.isEmpty)
    }

    /// BaselineAdminNetworkPolicy egress peers have no domainNames (baselineadminnetworkpolicy_types.go).
    @Test func baselineHasNoDomainNames() throws {
        let s = load("""
        apiVersion: policy.networking.k8s.io/v1alpha1
        kind: BaselineAdminNetworkPolicy
        metadata: {name: default}
        spec:
          subject: {namespaces: {}}
          egress: [{action: Allow, to: [{domainNames: [example.com]}]}]
        """)
        #expect(s.errors.first?.message.contains("unknown field 'domainNames'") == true)
        #expect(s.adminNetworkPolicies.isEmpty)
    }

    /// Other versions of the group stay skipped kinds (their semantics are not these).
    @Test func otherVersionsAreSkipped() {
        let s = load("""
        apiVersion: policy.networking.k8s.io/v1alpha2
        kind: AdminNetworkPolicy
        metadata: {name: x}
        spec: {}
        """)
        #expect(s.adminNetworkPolicies.isEmpty && s.errors.isEmpty)
        #expect(s.skippedKinds["policy.networking.k8s.io/v1alpha2 AdminNetworkPolicy"] == 1)
    }

    @Test func duplicatesKeepTheLastWithAWarning() {
        let s = load(Self.cnp + "\n---\n" + Self.cnp.replacingOccurrences(of: "priority: 7", with: "priority: 9"))
        #expect(s.adminNetworkPolicies.map(\.priority) == [9])
        #expect(s.warnings.contains { $0.id == DiagnosticID.duplicate })
    }
}
