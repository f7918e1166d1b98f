import ReachCore
import ReachModel

/// Random clusters over a small vocabulary so that selectors, named ports and ipBlocks collide
/// (NetworkEngineTests' RandomScenario), plus what the foothold edges read: Services of every type
/// with numbered and named target ports, node names, privileged containers, token mounting.
struct FootholdRandomCluster {
    var rng: SplitMix64
    let loc = SourceLocation(file: "random", document: 1, line: 1)
    let namespaces = ["x", "y", "z"]
    let keys = ["app", "tier", "env"]
    let values = ["a", "b", "c"]
    let portNames = ["http", "dns", "metrics"]

    mutating func pick<T>(_ xs: [T]) -> T { xs[Int.random(in: 0..<xs.count, using: &rng)] }
    mutating func chance(_ p: Double) -> Bool { Double.random(in: 0..<1, using: &rng) < p }

    mutating func labels() -> [String: String] {
        var l: [String: String] = [:]
        for k in keys where chance(0.6) { l[k] = pick(values) }
        return l
    }

    mutating func selector() -> LabelSelector {
        var s = LabelSelector()
        if chance(0.5) { s.matchLabels[pick(keys)] = pick(values) }
        if chance(0.4) {
            let op = pick(LabelSelector.Operator.allCases)
            let vals = op == .in || op == .notIn ? (chance(0.1) ? [] : [pick(values), pick(values)]) : []
            s.matchExpressions.append(.init(key: pick(keys), op: op, values: vals))
        }
        return s
    }

    mutating func snapshot(pods: Int, policies: Int) -> ClusterSnapshot {
        var snap = ClusterSnapshot()
        for ns in namespaces where ns != "z" {
            snap.namespaces.append(Namespace(meta: ObjectMeta(name: ns, labels: ["team": pick(values)], location: loc)))
        }
        for i in 0..<pods {
            let ns = pick(namespaces)
            var ports: [ContainerPort] = []
            for _ in 0..<Int.random(in: 0...2, using: &rng) {
                ports.append(ContainerPort(name: chance(0.7) ? pick(portNames) : nil, containerPort: pick([53, 80, 81, 8080]),
                                           protocol: pick(NetworkProtocol.allCases)))
            }
            var ip = chance(0.8) ? ["10.0.\(i / 200).\(i % 200 + 1)"] : []
            if chance(0.3) { ip.append("fd00::\(String(i, radix: 16))") }
            let sc = chance(0.15) ? SecurityContext(privileged: true) : nil
            snap.pods.append(Pod(meta: ObjectMeta(name: "p\(i)", namespace: ns, labels: labels(), location: loc),
                                 spec: PodSpec(automountServiceAccountToken: chance(0.3) ? false : nil,
                                               nodeName: chance(0.8) ? pick(["n1", "n2", "n3"]) : nil,
                                               containers: [Container(name: "c", ports: ports, securityContext: sc)]),
                                 podIPs: ip))
        }
        for i in 0..<max(1, pods / 4) {
            var sel: [String: String] = [:]
            if chance(0.9) { sel[pick(keys)] = pick(values) }
            let target: PortValue? = chance(0.3) ? nil : (chance(0.5) ? .name(pick(portNames)) : .number(pick([53, 80, 8080])))
            snap.services.append(Service(meta: ObjectMeta(name: "s\(i)", namespace: pick(namespaces), location: loc),
                                         type: pick(["ClusterIP", "NodePort", "LoadBalancer", "ExternalName"]), selector: sel,
                                         ports: [ServicePort(port: pick([53, 80, 443]), targetPort: target,
                                                             protocol: pick(NetworkProtocol.allCases))]))
        }
        for i in 0..<policies { snap.networkPolicies.append(policy(i)) }
        return snap
    }

    mutating func policy(_ i: Int) -> NetworkPolicy {
        var types: [PolicyType]? = nil
        if chance(0.5) { types = pick([[.ingress], [.egress], [.ingress, .egress], []]) }
        return NetworkPolicy(meta: ObjectMeta(name: "np\(i)", namespace: pick(namespaces), location: loc),
                             podSelector: chance(0.3) ? .everything : selector(), policyTypes: types,
                             ingress: rules(), egress: rules())
    }

    mutating func rules() -> [NetworkPolicyRule]? {
        if chance(0.2) { return nil }
        return (0..<Int.random(in: 0...2, using: &rng)).map { _ in
            NetworkPolicyRule(ports: chance(0.3) ? nil : (0..<Int.random(in: 0...2, using: &rng)).map { _ in port() },
                              peers: chance(0.3) ? nil : (0..<Int.random(in: 0...2, using: &rng)).map { _ in peer() })
        }
    }

    mutating func port() -> NetworkPolicyPort {
        let proto: NetworkProtocol? = chance(0.3) ? nil : pick(NetworkProtocol.allCases)
        switch Int.random(in: 0..<4, using: &rng) {
        case 0: return NetworkPolicyPort(protocol: proto)
        case 1: return NetworkPolicyPort(protocol: proto, port: .name(pick(portNames)))
        case 2: return NetworkPolicyPort(protocol: proto, port: .number(pick([53, 80, 81])), endPort: pick([81, 8080]))
        default: return NetworkPolicyPort(protocol: proto, port: .number(pick([53, 80, 81, 8080])))
        }
    }

    mutating func peer() -> NetworkPolicyPeer {
        switch Int.random(in: 0..<4, using: &rng) {
        case 0: return NetworkPolicyPeer(podSelector: selector())
        case 1: return NetworkPolicyPeer(namespaceSelector: selector())
        case 2:
            var ns = LabelSelector()
            ns.matchLabels[chance(0.5) ? "team" : "kubernetes.io/metadata.name"] = chance(0.5) ? pick(values) : pick(namespaces)
            return NetworkPolicyPeer(podSelector: selector(), namespaceSelector: ns)
        default:
            let except = chance(0.5) ? ["10.0.0.\(pick([0, 64, 128]))/26"] : []
            if chance(0.25) {
                return NetworkPolicyPeer(ipBlock: IPBlock(cidr: pick(["fd00::/120", "::/0"]), except: chance(0.5) ? ["fd00::/124"] : []))
            }
            return NetworkPolicyPeer(ipBlock: IPBlock(cidr: pick(["10.0.0.0/24", "10.0.0.0/16", "0.0.0.0/0", "192.168.0.0/16"]),
                                                      except: except))
        }
    }
}
