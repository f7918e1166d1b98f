import ReachModel
@testable import NetworkEngine

/// Transcribed from kubernetes `test/e2e/network/netpol/network_policy.go` ("Netpol NetworkPolicy
/// between server and client"): selector and namespace cases. Each name is the upstream `It`.
extension E2ECase {
    static var selectorCases: [E2ECase] {
        let all = Reachability()
        return [
            E2ECase(name: "should support a 'default-deny-ingress' policy",
                    policies: [Gen.policy("deny-ingress", ingress: [])],
                    checks: [("TCP/80", all.with { $0.expectPeer(Peer(), Peer(namespace: "x"), false) })]),
            E2ECase(name: "should support a 'default-deny-all' policy",
                    policies: [Gen.policy("deny-all", ingress: [], egress: [])],
                    checks: [("TCP/80", all.with {
                        $0.expectPeer(Peer(), Peer(namespace: "x"), false)
                        $0.expectPeer(Peer(namespace: "x"), Peer(), false)
                    })]),
            E2ECase(name: "should enforce policy to allow traffic from pods within server namespace based on PodSelector",
                    policies: [Gen.policy("x-a-allows-x-b", pod: ["pod": "a"],
                                          ingress: [Gen.rule([NetworkPolicyPeer(podSelector: Gen.labels(["pod": "b"]))])])],
                    checks: [("TCP/80", all.with { $0.expectAllIngress("x/a", false); $0.expect("x/b", "x/a", true) })]),
            E2ECase(name: "should enforce policy to allow ingress traffic for a target",
                    policies: [Gen.policy("deny-all", ingress: []),
                               Gen.policy("allow-all-to-a", pod: ["pod": "a"],
                                          ingress: [Gen.rule([NetworkPolicyPeer(podSelector: .everything, namespaceSelector: .everything)])])],
                    checks: [("TCP/80", all.with { $0.expectAllIngress("x/a", true); $0.expectAllIngress("x/b", false); $0.expectAllIngress("x/c", false) })]),
            E2ECase(name: "should enforce policy to allow ingress traffic from pods in all namespaces",
                    policies: [Gen.policy("allow-from-another-ns", pod: ["pod": "a"],
                                          ingress: [Gen.rule([NetworkPolicyPeer(namespaceSelector: .everything)])])],
                    checks: [("TCP/80", all)]),
            E2ECase(name: "should enforce policy to allow traffic only from a different namespace, based on NamespaceSelector",
                    policies: [Gen.policy("allow-client-a-via-ns-selector", pod: ["pod": "a"],
                                          ingress: [Gen.rule([NetworkPolicyPeer(namespaceSelector: Gen.labels([Gen.nsKey: "y"]))])])],
                    checks: [("TCP/80", all.with {
                        $0.expectPeer(Peer(namespace: "x"), Peer(namespace: "x", pod: "a"), false)
                        $0.expectPeer(Peer(namespace: "z"), Peer(namespace: "x", pod: "a"), false)
                    })]),
            E2ECase(name: "should enforce policy based on PodSelector with MatchExpressions",
                    policies: [Gen.policy("x-a-allows-x-b", pod: ["pod": "a"],
                                          ingress: [Gen.rule([NetworkPolicyPeer(podSelector: Gen.expr("pod", .in, ["b"]))])])],
                    checks: [("TCP/80", all.with { $0.expectAllIngress("x/a", false); $0.expect("x/b", "x/a", true) })]),
            E2ECase(name: "should enforce policy based on NamespaceSelector with MatchExpressions",
                    policies: [Gen.policy("allow-ns-y-match-selector", pod: ["pod": "a"],
                                          ingress: [Gen.rule([NetworkPolicyPeer(namespaceSelector: Gen.expr(Gen.nsKey, .in, ["y"]))])])],
                    checks: [("TCP/80", all.with {
                        $0.expectPeer(Peer(namespace: "x"), Peer(namespace: "x", pod: "a"), false)
                        $0.expectPeer(Peer(namespace: "z"), Peer(namespace: "x", pod: "a"), false)
                    })]),
            E2ECase(name: "should enforce policy based on PodSelector or NamespaceSelector",
                    policies: [Gen.policy("allow-ns-y-match-selector", pod: ["pod": "a"], ingress: [Gen.rule([
                        NetworkPolicyPeer(namespaceSelector: Gen.expr(Gen.nsKey, .notIn, ["x"])),
                        NetworkPolicyPeer(podSelector: Gen.labels(["pod": "b"])),
                    ])])],
                    checks: [("TCP/80", all.with { $0.expect("x/a", "x/a", false); $0.expect("x/c", "x/a", false) })]),
            E2ECase(name: "should enforce policy based on PodSelector and NamespaceSelector",
                    policies: [Gen.policy("allow-ns-y-podselector-and-nsselector", pod: ["pod": "a"], ingress: [Gen.rule([
                        NetworkPolicyPeer(podSelector: Gen.labels(["pod": "b"]), namespaceSelector: Gen.expr(Gen.nsKey, .notIn, ["x"])),
                    ])])],
                    checks: [("TCP/80", all.with {
                        $0.expectAllIngress("x/a", false); $0.expect("y/b", "x/a", true); $0.expect("z/b", "x/a", true)
                    })]),
            E2ECase(name: "should enforce policy based on Multiple PodSelectors and NamespaceSelectors",
                    policies: [Gen.policy("allow-ns-y-z-pod-b-c", pod: ["pod": "a"], ingress: [Gen.rule([
                        NetworkPolicyPeer(podSelector: Gen.expr("pod", .in, ["b", "c"]), namespaceSelector: Gen.expr(Gen.nsKey, .notIn, ["x"])),
                    ])])],
                    checks: [("TCP/80", all.with {
                        $0.expectPeer(Peer(namespace: "x"), Peer(namespace: "x", pod: "a"), false)
                        $0.expect("y/a", "x/a", false); $0.expect("z/a", "x/a", false)
                    })]),
            E2ECase(name: "should enforce policy based on any PodSelectors",
                    policies: [Gen.policy("allow-ns-x-pod-b-c", pod: ["pod": "a"], ingress: [Gen.rule([
                        NetworkPolicyPeer(podSelector: Gen.labels(["pod": "b"])), NetworkPolicyPeer(podSelector: Gen.labels(["pod": "c"])),
                    ])])],
                    checks: [("TCP/80", all.with { $0.expectAllIngress("x/a", false); $0.expect("x/b", "x/a", true); $0.expect("x/c", "x/a", true) })]),
            E2ECase(name: "should enforce policy to allow traffic only from a pod in a different namespace based on PodSelector and NamespaceSelector",
                    policies: [Gen.policy("allow-ns-y-pod-a-via-namespace-pod-selector", pod: ["pod": "a"], ingress: [Gen.rule([
                        NetworkPolicyPeer(podSelector: Gen.labels(["pod": "a"]), namespaceSelector: Gen.labels([Gen.nsKey: "y"])),
                    ])])],
                    checks: [("TCP/80", all.with { $0.expectAllIngress("x/a", false); $0.expect("y/a", "x/a", true) }),
                             // UDP and SCTP contexts of the same test.
                             ("UDP/80", all), ("SCTP/80", all)].map { probe, table in
                                 (probe, probe == "TCP/80" ? table : all.with { $0.expectAllIngress("x/a", false); $0.expect("y/a", "x/a", true) })
                             }),
            E2ECase(name: "should allow ingress access from updated namespace (after the label update)",
                    policies: [Gen.policy("allow-client-a-via-ns-selector", pod: ["pod": "a"],
                                          ingress: [Gen.rule([NetworkPolicyPeer(namespaceSelector: Gen.labels(["ns2": "updated"]))])])],
                    namespaceLabels: ["y": ["ns2": "updated"]],
                    checks: [("TCP/80", all.with { $0.expectAllIngress("x/a", false); $0.expectPeer(Peer(namespace: "y"), Peer(), true) })]),
            E2ECase(name: "should allow ingress access from updated pod (after the label update)",
                    policies: [Gen.policy("allow-client-a-via-pod-selector", pod: ["pod": "a"],
                                          ingress: [Gen.rule([NetworkPolicyPeer(podSelector: Gen.labels(["pod": "b", "pod2": "updated"]))])])],
                    podLabels: ["x/b": ["pod2": "updated"]],
                    checks: [("TCP/80", all.with { $0.expectAllIngress("x/a", false); $0.expect("x/b", "x/a", true) })]),
            E2ECase(name: "should deny ingress from pods on other namespaces",
                    policies: [Gen.policy("deny-empty-policy", ingress: [Gen.rule([NetworkPolicyPeer(podSelector: .everything)])])],
                    checks: [("TCP/80", all.with {
                        $0.expectPeer(Peer(namespace: "y"), Peer(namespace: "x"), false)
                        $0.expectPeer(Peer(namespace: "z"), Peer(namespace: "x"), false)
                    })]),
            E2ECase(name: "should deny ingress access to updated pod (after the label update)",
                    policies: [Gen.policy("deny-ingress-via-label-selector", selector: Gen.labels(["target": "isolated"]), ingress: [])],
                    podLabels: ["x/a": ["target": "isolated"]],
                    checks: [("TCP/80", all.with { $0.expectAllIngress("x/a", false) })]),
            E2ECase(name: "should enforce policy to allow traffic based on NamespaceSelector with MatchLabels using default ns label",
                    policies: [Gen.policy("allow-client-a-via-ns-selector-for-immutable-ns-label", pod: ["pod": "a"],
                                          ingress: [Gen.rule([NetworkPolicyPeer(namespaceSelector: Gen.labels([Gen.nsKey: "y"]))])])],
                    checks: [("TCP/80", all.with {
                        $0.expectPeer(Peer(namespace: "x"), Peer(namespace: "x", pod: "a"), false)
                        $0.expectPeer(Peer(namespace: "z"), Peer(namespace: "x", pod: "a"), false)
                    })]),
            E2ECase(name: "should enforce policy based on NamespaceSelector with MatchExpressions using default ns label",
                    policies: [Gen.policy("allow-ns-y-match-selector-for-immutable-ns-label", pod: ["pod": "a"],
                                          egress: [Gen.rule([NetworkPolicyPeer(namespaceSelector: Gen.expr(Gen.nsKey, .notIn, ["y"]))])])],
                    checks: [("TCP/80", all.with { $0.expectPeer(Peer(namespace: "x", pod: "a"), Peer(namespace: "y"), false) })]),
        ]
    }
}
