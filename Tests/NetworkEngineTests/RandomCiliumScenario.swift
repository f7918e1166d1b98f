import ReachCore
import ReachModel

/// Random `cilium.io/v2` policies over ``RandomScenario``'s vocabulary (labels with and without
/// the `k8s:` prefix, the namespace label, entities, CIDR sets with except, ports with ANY,
/// named ports, ranges, default deny on and off), so that they collide with the other kinds.
extension RandomScenario {
    mutating func snapshot(pods: Int, policies: Int, admin: Int, cilium: Int) -> ClusterSnapshot {
        var snap = snapshot(pods: pods, policies: policies, admin: admin)
        snap.ciliumPolicies = (0..<cilium).map { ciliumPolicy($0) }
        return snap
    }

    mutating func ciliumPolicy(_ i: Int) -> CiliumPolicy {
        let kind = pick(CiliumPolicy.Kind.allCases)
        let meta = ObjectMeta(name: "c\(i)", namespace: kind == .namespaced ? pick(namespaces) : nil, location: loc)
        let specs = (0..<(chance(0.2) ? 2 : 1)).map { s -> CiliumPolicy.Spec in
            var spec = CiliumPolicy.Spec(path: "specs[\(s)]", endpointSelector: ciliumSelector())
            spec.ingress = ciliumRules()
            spec.egress = ciliumRules()
            spec.ingressDeny = chance(0.4) ? ciliumRules() : []
            spec.egressDeny = chance(0.4) ? ciliumRules() : []
            if chance(0.3) { spec.defaultDenyIngress = chance(0.5) }
            if chance(0.3) { spec.defaultDenyEgress = chance(0.5) }
            return spec
        }
        return CiliumPolicy(kind: kind, meta: meta, specs: specs)
    }

    /// A pod selector, its keys sometimes `k8s:`-prefixed, sometimes with the namespace label.
    mutating func ciliumSelector() -> LabelSelector {
        var s = selector()
        if chance(0.3) {
            s.matchLabels = Dictionary(uniqueKeysWithValues: s.matchLabels.map { ("k8s:" + $0.key, $0.value) })
        }
        if chance(0.3) { s.matchLabels["k8s:io.kubernetes.pod.namespace"] = pick(namespaces) }
        if chance(0.1) {
            s.matchExpressions.append(.init(key: "io.kubernetes.pod.namespace", op: .notIn, values: [pick(namespaces)]))
        }
        return s
    }

    mutating func ciliumRules() -> [CiliumPolicy.Rule] {
        (0..<Int.random(in: 0...2, using: &rng)).map { _ in
            var rule = CiliumPolicy.Rule(peers: [])
            for _ in 0..<Int.random(in: 0...2, using: &rng) {
                switch Int.random(in: 0..<4, using: &rng) {
                case 0, 1: rule.peers.append(.endpoints(ciliumSelector()))
                case 2: rule.peers.append(.entity(pick(["world", "cluster", "all", "host", "world-ipv4"])))
                default:
                    let cidr = pick(["10.0.0.0/24", "0.0.0.0/0", "192.168.0.0/16", "fd00::/120"])
                    rule.peers.append(.cidr(IPBlock(cidr: cidr, except: cidr == "10.0.0.0/24" && chance(0.5) ? ["10.0.0.64/26"] : [])))
                }
            }
            if chance(0.6) {
                rule.ports = (0..<Int.random(in: 1...2, using: &rng)).map { _ in
                    let protocols = chance(0.3) ? NetworkProtocol.allCases : [pick(NetworkProtocol.allCases)]
                    switch Int.random(in: 0..<4, using: &rng) {
                    case 0: return CiliumPolicy.Port(protocols: protocols, port: .number(pick([53, 80, 8080])))
                    case 1: return CiliumPolicy.Port(protocols: protocols, port: .number(80), endPort: 8080)
                    case 2: return CiliumPolicy.Port(protocols: protocols, port: .name(pick(portNames)))
                    default: return CiliumPolicy.Port(protocols: protocols, port: nil)
                    }
                }
            }
            return rule
        }
    }
}
