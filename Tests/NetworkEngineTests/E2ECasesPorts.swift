import ReachModel
@testable import NetworkEngine

/// Transcribed from kubernetes `test/e2e/network/netpol/network_policy.go`: ports, protocols,
/// egress and CIDR cases (TCP context plus the UDP/SCTP contexts). Each name is the upstream `It`.
extension E2ECase {
    static var portCases: [E2ECase] {
        let all = Reachability()
        let yOnly81 = all.with {
            $0.expectPeer(Peer(namespace: "x"), Peer(namespace: "x", pod: "a"), false)
            $0.expectPeer(Peer(namespace: "y"), Peer(namespace: "x", pod: "a"), true)
            $0.expectPeer(Peer(namespace: "z"), Peer(namespace: "x", pod: "a"), false)
        }
        let port81FromY = { (p: NetworkProtocol) in
            Gen.policy("allow-client-a-via-ns-selector", pod: ["pod": "a"],
                       ingress: [Gen.rule([NetworkPolicyPeer(namespaceSelector: Gen.labels([Gen.nsKey: "y"]))], ports: [Gen.port(81, p)])])
        }
        return [
            E2ECase(name: "should enforce policy based on Ports (TCP, UDP and SCTP contexts)",
                    policies: [port81FromY(.tcp), port81FromY(.udp), port81FromY(.sctp)],
                    checks: [("TCP/81", yOnly81), ("UDP/81", yOnly81), ("SCTP/81", yOnly81),
                             ("TCP/80", all.with { $0.expectAllIngress("x/a", false) })]),
            E2ECase(name: "should enforce multiple, stacked policies with overlapping podSelectors",
                    policies: [port81FromY(.tcp),
                               Gen.policy("allow-client-a-via-ns-selector-80", pod: ["pod": "a"], ingress: [
                                   Gen.rule([NetworkPolicyPeer(namespaceSelector: Gen.labels([Gen.nsKey: "y"]))], ports: [Gen.port(80, .tcp)])])],
                    checks: [("TCP/81", yOnly81), ("TCP/80", yOnly81)]),
            E2ECase(name: "should support allow-all policy",
                    policies: [Gen.policy("allow-all", pod: [:], ingress: [Gen.rule()])],
                    checks: [("TCP/80", all), ("TCP/81", all)]),
            E2ECase(name: "should allow ingress access on one named port",
                    policies: [Gen.policy("allow-all", pod: [:], ingress: [Gen.rule(ports: [Gen.named("serve-81-tcp")])])],
                    checks: [("TCP/81", all), ("TCP/80", all.with { $0.expectPeer(Peer(), Peer(namespace: "x"), false) })]),
            E2ECase(name: "should allow ingress access from namespace on one named port",
                    policies: [Gen.policy("allow-client-a-via-ns-selector-80", pod: ["pod": "a"], ingress: [
                        Gen.rule([NetworkPolicyPeer(namespaceSelector: Gen.labels([Gen.nsKey: "y"]))], ports: [Gen.named("serve-80-tcp", .tcp)])])],
                    checks: [("TCP/80", all.with {
                        $0.expectPeer(Peer(namespace: "x"), Peer(namespace: "x", pod: "a"), false)
                        $0.expectPeer(Peer(namespace: "z"), Peer(namespace: "x", pod: "a"), false)
                    }), ("TCP/81", all.with { $0.expectAllIngress("x/a", false) })]),
            E2ECase(name: "should allow egress access on one named port",
                    policies: [Gen.policy("allow-egress", pod: [:], egress: [Gen.rule(ports: [Gen.named("serve-80-tcp")])])],
                    checks: [("TCP/80", all), ("TCP/81", all.with { $0.expectPeer(Peer(namespace: "x"), Peer(), false) })]),
            E2ECase(name: "should enforce updated policy (after the update to deny all)",
                    policies: [Gen.policy("allow-all-mutate-to-deny-all", pod: [:], ingress: [])],
                    checks: [("TCP/81", all.with { $0.expectPeer(Peer(), Peer(namespace: "x"), false) })]),
            E2ECase(name: "should deny egress from pods based on PodSelector",
                    policies: [Gen.policy("deny-egress-pod-a", selector: Gen.labels(["pod": "a"]), egress: [])],
                    checks: [("TCP/80", all.with { $0.expectAllEgress("x/a", false) })]),
            E2ECase(name: "should deny egress from all pods in a namespace",
                    policies: [Gen.policy("deny-egress-ns-x", egress: [])],
                    checks: [("TCP/80", all.with { $0.expectPeer(Peer(namespace: "x"), Peer(), false) })]),
            E2ECase(name: "should work with Ingress, Egress specified together",
                    policies: [NetworkPolicy(meta: ObjectMeta(name: "allow-client-a-via-pod-selector", namespace: "x", location: E2EModel.loc),
                                             podSelector: Gen.labels(["pod": "a"]), policyTypes: [.egress, .ingress],
                                             ingress: [Gen.rule([NetworkPolicyPeer(podSelector: Gen.labels(["pod": "b"]))])],
                                             egress: [Gen.rule(ports: [Gen.port(80)])])],
                    checks: [("TCP/80", all.with { $0.expectAllIngress("x/a", false); $0.expect("x/b", "x/a", true) }),
                             ("TCP/81", all.with {
                                 $0.expectAllIngress("x/a", false); $0.expectAllEgress("x/a", false); $0.expect("x/b", "x/a", true)
                             })]),
            E2ECase(name: "should support denying of egress traffic on the client side (even if the server explicitly allows this traffic)",
                    policies: [
                        Gen.policy("allow-to-ns-y-pod-a", pod: ["pod": "a"], egress: [Gen.rule([
                            NetworkPolicyPeer(podSelector: Gen.labels(["pod": "a"]), namespaceSelector: Gen.labels([Gen.nsKey: "y"]))])]),
                        Gen.policy("allow-from-xa-on-ya-match-selector", "y", pod: ["pod": "a"], ingress: [Gen.rule([
                            NetworkPolicyPeer(podSelector: Gen.labels(["pod": "a"]), namespaceSelector: Gen.labels([Gen.nsKey: "x"]))])]),
                        Gen.policy("allow-from-xa-on-yb-match-selector", "y", pod: ["pod": "b"], ingress: [Gen.rule([
                            NetworkPolicyPeer(podSelector: Gen.labels(["pod": "a"]), namespaceSelector: Gen.labels([Gen.nsKey: "x"]))])]),
                    ],
                    checks: [("TCP/80", all.with {
                        $0.expectPeer(Peer(namespace: "x", pod: "a"), Peer(), false)
                        $0.expectPeer(Peer(), Peer(namespace: "y", pod: "a"), false)
                        $0.expectPeer(Peer(namespace: "x", pod: "a"), Peer(namespace: "y", pod: "a"), true)
                        $0.expectPeer(Peer(), Peer(namespace: "y", pod: "b"), false)
                    })]),
            E2ECase(name: "should enforce egress policy allowing traffic to a server in a different namespace based on PodSelector and NamespaceSelector",
                    policies: [Gen.policy("allow-to-ns-y-pod-a", pod: ["pod": "a"], egress: [Gen.rule([
                        NetworkPolicyPeer(podSelector: Gen.labels(["pod": "a"]), namespaceSelector: Gen.labels([Gen.nsKey: "y"]))])])],
                    checks: [("TCP/80", all.with { $0.expectAllEgress("x/a", false); $0.expect("x/a", "y/a", true) })]),
            E2ECase(name: "should enforce ingress policy allowing any port traffic to a server on a specific protocol",
                    policies: [Gen.policy("allow-ingress-by-proto", pod: ["pod": "a"], ingress: [Gen.rule(ports: [NetworkPolicyPort(protocol: .tcp)])])],
                    checks: [("TCP/80", all), ("UDP/80", all.with { $0.expectPeer(Peer(), Peer(namespace: "x", pod: "a"), false) })]),
            E2ECase(name: "should enforce multiple ingress policies with ingress allow-all policy taking precedence",
                    policies: [Gen.policy("allow-ingress-port-80", pod: [:], ingress: [Gen.rule(ports: [Gen.port(80)])]),
                               Gen.policy("allow-ingress", pod: [:], ingress: [Gen.rule()])],
                    checks: [("TCP/81", all)]),
            E2ECase(name: "should enforce multiple egress policies with egress allow-all policy taking precedence (first step)",
                    policies: [Gen.policy("allow-egress-port-80", pod: [:], egress: [Gen.rule(ports: [Gen.port(80)])])],
                    checks: [("TCP/81", all.with { $0.expectPeer(Peer(namespace: "x"), Peer(), false) })]),
            E2ECase(name: "should stop enforcing policies after they are deleted (while present)",
                    policies: [Gen.policy("deny-all", ingress: [], egress: [])],
                    checks: [("TCP/80", all.with {
                        $0.expectPeer(Peer(namespace: "x"), Peer(), false); $0.expectPeer(Peer(), Peer(namespace: "x"), false)
                    })]),
            E2ECase(name: "should allow egress access to server in CIDR block",
                    policies: [Gen.policy("allow-client-a-via-cidr-egress-rule", pod: ["pod": "a"],
                                          egress: [Gen.rule([NetworkPolicyPeer(ipBlock: IPBlock(cidr: E2EModel.ip("y/b") + "/32"))])])],
                    checks: [("TCP/80", all.with { $0.expectAllEgress("x/a", false); $0.expect("x/a", "y/b", true) })]),
            E2ECase(name: "should enforce except clause while egress access to server in CIDR block",
                    policies: [Gen.policy("allow-client-a-via-cidr-egress-rule", pod: ["pod": "a"], egress: [Gen.rule([
                        NetworkPolicyPeer(ipBlock: IPBlock(cidr: "0.0.0.0/4", except: [E2EModel.ip("x/b") + "/32"]))])])],
                    checks: [("TCP/80", all.with { $0.expect("x/a", "x/b", false) })]),
            E2ECase(name: "should ensure an IP overlapping both IPBlock.CIDR and IPBlock.Except is allowed (after the update)",
                    policies: [Gen.policy("allow-client-a-via-cidr-egress-rule", pod: ["pod": "a"],
                                          egress: [Gen.rule([NetworkPolicyPeer(ipBlock: IPBlock(cidr: E2EModel.ip("x/b") + "/32"))])])],
                    checks: [("TCP/80", all.with { $0.expectAllEgress("x/a", false); $0.expect("x/a", "x/b", true) })]),
            E2ECase(name: "should enforce policies to check ingress and egress policies can be controlled independently based on PodSelector",
                    policies: [Gen.policy("allow-egress-for-target", selector: Gen.labels(["pod": "a"]), egress: [Gen.rule()]),
                               Gen.policy("deny-ingress-via-label-selector", selector: Gen.labels(["pod": "a"]), ingress: [])],
                    checks: [("TCP/80", all.with { $0.expectAllIngress("x/a", false) })]),
            E2ECase(name: "should not mistakenly treat 'protocol: SCTP' as 'protocol: TCP', even if the plugin doesn't support SCTP",
                    policies: [Gen.policy("deny-ingress", ingress: []),
                               Gen.policy("allow-only-sctp-ingress-on-port-81", pod: ["pod": "a"], ingress: [Gen.rule(ports: [Gen.port(81, .sctp)])])],
                    checks: [("TCP/81", all.with { $0.expectPeer(Peer(), Peer(namespace: "x"), false) })]),
            E2ECase(name: "should properly isolate pods that are selected by a policy allowing SCTP, even if the plugin doesn't support SCTP",
                    policies: [Gen.policy("allow-only-sctp-ingress-on-port-80", pod: ["pod": "a"], ingress: [Gen.rule(ports: [Gen.port(80, .sctp)])])],
                    checks: [("TCP/81", all.with { $0.expectAllIngress("x/a", false) }), ("SCTP/80", all)]),
            E2ECase(name: "should not allow access by TCP when a policy specifies only UDP",
                    policies: [Gen.policy("allow-only-udp-ingress-on-port-81", pod: ["pod": "a"], ingress: [Gen.rule(ports: [Gen.port(81, .udp)])])],
                    checks: [("TCP/81", all.with { $0.expectAllIngress("x/a", false) }), ("UDP/81", all)]),
        ]
    }
}
