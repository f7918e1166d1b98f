import Testing
import ReachCore
import ReachLoader
import ReachModel
@testable import NetworkEngine

/// One table case per Cilium L3/L4 rule, each citing its upstream source (cilium/cilium). Every
/// case checks the bitset engine and the naive reference (``CiliumSemantics``) against the
/// expected answer, under `--policy-engine cilium`.
@Suite struct CiliumRuleTests {
    /// x/a (app=a, 10.0.0.1, port 80 "http"), x/b (app=b, 10.0.0.2), y/c (app=c, 10.0.1.1).
    static let pods = """
    apiVersion: v1
    kind: Namespace
    metadata: {name: x, labels: {team: red}}
    ---
    apiVersion: v1
    kind: Namespace
    metadata: {name: y}
    ---
    apiVersion: v1
    kind: Pod
    metadata: {name: a, namespace: x, labels: {app: a}}
    spec: {containers: [{name: c, image: i, ports: [{containerPort: 80, name: http}]}]}
    status: {podIP: 10.0.0.1}
    ---
    apiVersion: v1
    kind: Pod
    metadata: {name: b, namespace: x, labels: {app: b}}
    spec: {containers: [{name: c, image: i}]}
    status: {podIP: 10.0.0.2}
    ---
    apiVersion: v1
    kind: Pod
    metadata: {name: c, namespace: y, labels: {app: c}}
    spec: {containers: [{name: c, image: i}]}
    status: {podIP: 10.0.1.1}
    """

    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        /// Upstream source of the rule.
        var source: String
        var policy: String
        /// (source, destination, probe, allowed); sources/destinations `x/a`… or an IPv4 address.
        var expect: [(String, String, String, Bool)]
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "ingress rule puts the endpoint into default deny", source: "pkg/policy/api/rule.go EnableDefaultDeny (default true for a direction with rules); language.rst Policy Enforcement Modes",
             policy: "kind: CiliumNetworkPolicy\nmetadata: {name: p, namespace: x}\nspec:\n  endpointSelector: {matchLabels: {app: a}}\n  ingress: [{fromEndpoints: [{matchLabels: {app: b}}]}]",
             expect: [("x/b", "x/a", "TCP/80", true), ("y/c", "x/a", "TCP/80", false), ("x/a", "y/c", "TCP/80", true)]),
        Case(name: "enableDefaultDeny false: allow rules do not isolate", source: "pkg/policy/api/rule.go EnableDefaultDeny",
             policy: "kind: CiliumNetworkPolicy\nmetadata: {name: p, namespace: x}\nspec:\n  endpointSelector: {matchLabels: {app: a}}\n  enableDefaultDeny: {ingress: false}\n  ingress: [{fromEndpoints: [{matchLabels: {app: b}}]}]",
             expect: [("x/b", "x/a", "TCP/80", true), ("y/c", "x/a", "TCP/80", true)]),
        Case(name: "ingressDeny alone isolates ingress", source: "pkg/policy/api/rule.go EnableDefaultDeny: 'only has Ingress or IngressDeny rules, then the default for ingress is true'",
             policy: "kind: CiliumNetworkPolicy\nmetadata: {name: p, namespace: x}\nspec:\n  endpointSelector: {matchLabels: {app: a}}\n  ingressDeny: [{fromEndpoints: [{matchLabels: {app: b}}]}]",
             expect: [("x/b", "x/a", "TCP/80", false), ("y/c", "x/a", "TCP/80", false)]),
        Case(name: "deny wins over allow", source: "Documentation/security/policy/language.rst Deny Policies ('deny policies take precedence')",
             policy: "kind: CiliumNetworkPolicy\nmetadata: {name: p, namespace: x}\nspec:\n  endpointSelector: {}\n  enableDefaultDeny: {ingress: false}\n  ingress: [{fromEndpoints: [{}]}]\n  ingressDeny: [{fromEndpoints: [{matchLabels: {app: b}}], toPorts: [{ports: [{port: '80', protocol: TCP}]}]}]",
             expect: [("x/b", "x/a", "TCP/80", false), ("x/b", "x/a", "TCP/81", true), ("y/c", "x/a", "TCP/80", true)]),
        Case(name: "namespaced policy: peer selector without namespace means its namespace", source: "pkg/k8s/apis/cilium.io/utils/utils.go getEndpointSelector (namespace added when absent)",
             policy: "kind: CiliumNetworkPolicy\nmetadata: {name: p, namespace: x}\nspec:\n  endpointSelector: {matchLabels: {app: a}}\n  ingress: [{fromEndpoints: [{}]}]",
             expect: [("x/b", "x/a", "TCP/80", true), ("y/c", "x/a", "TCP/80", false)]),
        Case(name: "k8s:io.kubernetes.pod.namespace selects another namespace", source: "Documentation/security/policy/kubernetes.rst Namespaces (k8s:io.kubernetes.pod.namespace)",
             policy: "kind: CiliumNetworkPolicy\nmetadata: {name: p, namespace: x}\nspec:\n  endpointSelector: {matchLabels: {app: a}}\n  ingress: [{fromEndpoints: [{matchLabels: {k8s:io.kubernetes.pod.namespace: y, k8s:app: c}}]}]",
             expect: [("y/c", "x/a", "TCP/80", true), ("x/b", "x/a", "TCP/80", false)]),
        Case(name: "namespace labels through io.cilium.k8s.namespace.labels", source: "Documentation/security/policy/kubernetes.rst (namespace labels on endpoints)",
             policy: "kind: CiliumClusterwideNetworkPolicy\nmetadata: {name: p}\nspec:\n  endpointSelector: {matchLabels: {app: c}}\n  ingress: [{fromEndpoints: [{matchLabels: {k8s:io.cilium.k8s.namespace.labels.team: red}}]}]",
             expect: [("x/a", "y/c", "TCP/80", true), ("x/b", "y/c", "TCP/80", true)]),
        Case(name: "namespaced policy: a namespace-label peer selector is not limited to its namespace",
             source: "pkg/k8s/apis/cilium.io/utils/utils.go getEndpointSelector (no namespace match added when the selector has a k8s:io.cilium.k8s.namespace.labels key)",
             policy: "kind: CiliumNetworkPolicy\nmetadata: {name: p, namespace: y}\nspec:\n  endpointSelector: {matchLabels: {app: c}}\n  ingress: [{fromEndpoints: [{matchLabels: {k8s:io.cilium.k8s.namespace.labels.team: red}}]}]",
             expect: [("x/a", "y/c", "TCP/80", true), ("x/b", "y/c", "TCP/80", true)]),
        Case(name: "clusterwide policy: peer selector spans every namespace", source: "Documentation/security/policy/language.rst CiliumClusterwideNetworkPolicy",
             policy: "kind: CiliumClusterwideNetworkPolicy\nmetadata: {name: p}\nspec:\n  endpointSelector: {matchLabels: {app: a}}\n  ingress: [{fromEndpoints: [{matchLabels: {app: c}}]}]",
             expect: [("y/c", "x/a", "TCP/80", true), ("x/b", "x/a", "TCP/80", false)]),
        Case(name: "namespaced policy subject stays in its namespace", source: "pkg/k8s/apis/cilium.io/utils/utils.go ParseToCiliumRule (AddMatch of the policy namespace)",
             policy: "kind: CiliumNetworkPolicy\nmetadata: {name: p, namespace: x}\nspec:\n  endpointSelector: {matchLabels: {k8s:io.kubernetes.pod.namespace: y}}\n  ingress: [{}]",
             expect: [("x/a", "y/c", "TCP/80", true), ("y/c", "x/b", "TCP/80", false)]),
        Case(name: "entity world: outside the cluster only", source: "pkg/policy/api/entity.go EntityWorld",
             policy: "kind: CiliumNetworkPolicy\nmetadata: {name: p, namespace: x}\nspec:\n  endpointSelector: {matchLabels: {app: a}}\n  ingress: [{fromEntities: [world]}]",
             expect: [("192.0.2.1", "x/a", "TCP/80", true), ("x/b", "x/a", "TCP/80", false)]),
        Case(name: "entity cluster: every pod, not the world", source: "pkg/policy/api/entity.go EntityCluster",
             policy: "kind: CiliumNetworkPolicy\nmetadata: {name: p, namespace: x}\nspec:\n  endpointSelector: {matchLabels: {app: a}}\n  egress: [{toEntities: [cluster]}]",
             expect: [("x/a", "y/c", "TCP/80", true), ("x/a", "192.0.2.1", "TCP/80", false)]),
        Case(name: "entity all: pods and world; host matches nothing here", source: "pkg/policy/api/entity.go EntityAll, EntityHost",
             policy: "kind: CiliumNetworkPolicy\nmetadata: {name: p, namespace: x}\nspec:\n  endpointSelector: {matchLabels: {app: a}}\n  egress: [{toEntities: [all]}]\n  ingress: [{fromEntities: [host]}]",
             expect: [("x/a", "y/c", "TCP/80", true), ("x/a", "192.0.2.1", "TCP/80", true), ("x/b", "x/a", "TCP/80", false)]),
        Case(name: "CIDR rules never match pods; CIDRSet except", source: "pkg/policy/api/ingress.go FromCIDR ('Only connections which do *not* originate from the cluster'), cidr.go CIDRRule.ExceptCIDRs",
             policy: "kind: CiliumNetworkPolicy\nmetadata: {name: p, namespace: x}\nspec:\n  endpointSelector: {matchLabels: {app: a}}\n  ingress: [{fromCIDRSet: [{cidr: 0.0.0.0/0, except: [192.0.2.0/24]}]}]",
             expect: [("198.51.100.1", "x/a", "TCP/80", true), ("192.0.2.1", "x/a", "TCP/80", false), ("x/b", "x/a", "TCP/80", false)]),
        Case(name: "toPorts without L3: every peer on those ports; empty rule allows nothing", source: "Documentation/security/policy/language.rst Layer 4 Examples; Ingress Default Deny (ingress: [{}])",
             policy: "kind: CiliumNetworkPolicy\nmetadata: {name: p, namespace: x}\nspec:\n  endpointSelector: {matchLabels: {app: a}}\n  ingress: [{toPorts: [{ports: [{port: '80', protocol: TCP}]}]}, {}]",
             expect: [("y/c", "x/a", "TCP/80", true), ("192.0.2.1", "x/a", "TCP/80", true), ("y/c", "x/a", "TCP/81", false)]),
        Case(name: "protocol ANY, endPort and named ports", source: "pkg/policy/api/l4.go PortProtocol (Protocol ANY, EndPort, named Port)",
             policy: "kind: CiliumNetworkPolicy\nmetadata: {name: p, namespace: x}\nspec:\n  endpointSelector: {matchLabels: {app: a}}\n  ingress: [{toPorts: [{ports: [{port: '1000', endPort: 1002}, {port: http, protocol: TCP}]}]}]",
             expect: [("x/b", "x/a", "UDP/1001", true), ("x/b", "x/a", "SCTP/1002", true), ("x/b", "x/a", "TCP/1003", false),
                      ("x/b", "x/a", "TCP/80", true), ("x/b", "x/a", "UDP/80", false)]),
        Case(name: "Cilium and Kubernetes policies: union of allows, either isolates", source: "Documentation/network/kubernetes/policy.rst (Cilium enforces NetworkPolicy and CiliumNetworkPolicy together)",
             policy: "kind: CiliumNetworkPolicy\nmetadata: {name: p, namespace: x}\nspec:\n  endpointSelector: {matchLabels: {app: a}}\n  enableDefaultDeny: {ingress: false}\n  ingress: [{fromEndpoints: [{matchLabels: {app: b}}]}]\n---\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: k, namespace: x}\nspec:\n  podSelector: {matchLabels: {app: a}}\n  ingress: [{from: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: y}}}]}]",
             expect: [("x/b", "x/a", "TCP/80", true), ("y/c", "x/a", "TCP/80", true), ("x/a", "x/a", "TCP/80", true)]),
    ]

    @Test(arguments: cases)
    func rule(_ c: Case) throws {
        let snap = ManifestLoader(options: LoadOptions()).load(sources: [("t.yaml", Self.pods + "\n---\napiVersion: cilium.io/v2\n" + c.policy)])
        #expect(snap.diagnostics.filter { $0.severity == .error }.isEmpty, "\(snap.diagnostics)")
        #expect(!snap.ciliumPolicies.isEmpty)
        let reach = NetworkEngine.analyze(snap, engine: PolicyEngineChoice(engine: .cilium, reason: "test"))
        let naive = reach.evaluator
        func ref(_ s: String) throws -> NetworkPeerRef {
            if let i = reach.endpoints.firstIndex(where: { $0.displayName == s }) { return .endpoint(i) }
            let ip = try #require(IPAddress(s))
            return .external(try #require(reach.ipAtoms.atoms.firstIndex { $0.family == ip.family && $0.first <= ip.value && ip.value <= $0.last }))
        }
        for (s, d, p, want) in c.expect {
            let probe = try #require(ProbePort(p))
            let (src, dst) = (try ref(s), try ref(d))
            #expect(reach.allowed(src, dst, probe) == want, "\(c.name): engine \(s) -> \(d) \(p)")
            #expect(naive.allowed(src, dst, probe) == want, "\(c.name): naive \(s) -> \(d) \(p)")
        }
    }

    /// Under another engine Cilium policies are not read, and that is said.
    @Test func otherEnginesDoNotReadCiliumPolicies() {
        let snap = ManifestLoader(options: LoadOptions()).load(sources: [("t.yaml", Self.pods + "\n---\napiVersion: cilium.io/v2\n" + Self.cases[0].policy)])
        let reach = NetworkEngine.analyze(snap, engine: PolicyEngineChoice(engine: .kubernetes, reason: "test"))
        let y = reach.endpoints.firstIndex { $0.displayName == "y/c" } ?? 0, a = reach.endpoints.firstIndex { $0.displayName == "x/a" } ?? 0
        #expect(reach.allowed(.endpoint(y), .endpoint(a), ProbePort(protocol: .tcp, port: 80)))
        #expect(reach.diagnostics.contains { $0.message.contains("not read by the kubernetes engine") })
    }
}
