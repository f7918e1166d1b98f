import ReachCore
import ReachModel

/// Seeded random clusters whose policies are mostly about external addresses: ipBlocks with and
/// without excepts (IPv4 and IPv6, some covering pod IPs, rule 7), port lists, both directions.
/// Pods come 1–3 per owner, so the workload level merges pods of different classes. ``mutated()``
/// returns the last snapshot with policies added, removed or rewritten — the "after" side.
struct RandomIPBlockCluster {
    var rng: SplitMix64
    private var last = ClusterSnapshot()
    let loc = SourceLocation(file: "random", document: 1, line: 1)
    let namespaces = ["a", "b"]
    let apps = ["web", "api", "db"]
    let cidrs = ["0.0.0.0/0", "10.0.0.0/8", "10.0.0.0/16", "10.0.1.0/24", "192.168.0.0/16", "203.0.113.0/24",
                 "::/0", "fd00::/64"]
    let excepts = ["10.0.0.0/8", "10.0.0.0/24", "10.0.1.0/25", "192.168.1.0/24", "fd00::/120"]

    init(rng: SplitMix64) { self.rng = rng }

    mutating func snapshot(seed: Int) -> ClusterSnapshot {
        var snap = ClusterSnapshot()
        for ns in namespaces { snap.namespaces.append(Namespace(meta: ObjectMeta(name: ns, location: loc))) }
        var n = 0
        for ns in namespaces {
            for app in apps where rng.chance(0.8) {
                for replica in 0..<(1 + rng.index(3)) {
                    n += 1
                    var labels = ["app": app]
                    if rng.chance(0.5) { labels["tier"] = rng.pick(["front", "back"]) }
                    let ips = rng.chance(0.8) ? ["10.0.\(rng.index(2)).\(n)"] + (rng.chance(0.3) ? ["fd00::\(n)"] : []) : []
                    snap.pods.append(Pod(meta: ObjectMeta(name: "\(app)-\(seed)-\(replica)", namespace: ns, labels: labels, location: loc),
                                         spec: PodSpec(containers: [Container(name: "c", ports: [ContainerPort(containerPort: 80)])]),
                                         podIPs: ips, owners: [ObjectRefName(kind: "ReplicaSet", name: "\(app)-rs")]))
                }
            }
        }
        for i in 0..<(1 + rng.index(4)) { snap.networkPolicies.append(policy(i)) }
        last = snap
        return snap
    }

    /// The last snapshot with each policy kept, dropped or rewritten, and maybe one added.
    mutating func mutated() -> ClusterSnapshot {
        var snap = last
        snap.networkPolicies = snap.networkPolicies.enumerated().compactMap { i, p in
            rng.chance(0.2) ? nil : rng.chance(0.5) ? policy(i) : p
        }
        if rng.chance(0.5) { snap.networkPolicies.append(policy(snap.networkPolicies.count + 10)) }
        return snap
    }

    mutating func policy(_ i: Int) -> NetworkPolicy {
        // Selecting by tier splits a workload's pods into classes with different answers.
        let selector = rng.chance(0.2) ? LabelSelector.everything
            : rng.chance(0.5) ? LabelSelector(matchLabels: ["app": rng.pick(apps)]) : LabelSelector(matchLabels: ["tier": rng.pick(["front", "back"])])
        let types: [PolicyType]? = rng.chance(0.5) ? rng.pick([[.ingress], [.egress], [.ingress, .egress]]) : nil
        return NetworkPolicy(meta: ObjectMeta(name: "np\(i)", namespace: rng.pick(namespaces), location: loc),
                             podSelector: selector, policyTypes: types, ingress: rules(), egress: rules())
    }

    mutating func rules() -> [NetworkPolicyRule]? {
        if rng.chance(0.2) { return nil }
        return (0..<rng.index(3)).map { _ in
            NetworkPolicyRule(ports: rng.chance(0.3) ? nil : [port()], peers: rng.chance(0.15) ? nil : (0..<(1 + rng.index(2))).map { _ in peer() })
        }
    }

    mutating func port() -> NetworkPolicyPort {
        switch rng.index(4) {
        case 0: return NetworkPolicyPort(protocol: rng.pick([.tcp, .udp]))
        case 1: return NetworkPolicyPort(protocol: .tcp, port: .number(rng.pick([80, 443])), endPort: rng.chance(0.3) ? 8443 : nil)
        default: return NetworkPolicyPort(protocol: rng.chance(0.7) ? .tcp : nil, port: .number(rng.pick([53, 80, 443])))
        }
    }

    mutating func peer() -> NetworkPolicyPeer {
        if rng.chance(0.25) { return NetworkPolicyPeer(podSelector: LabelSelector(matchLabels: ["app": rng.pick(apps)])) }
        let cidr = rng.pick(cidrs)
        // Excepts strictly inside the cidr, as API validation requires (validation.go, ValidateIPBlock).
        let inside = excepts.filter { e in
            guard let c = CIDR(cidr), let x = CIDR(e) else { return false }
            return c.family == x.family && x.prefixLength > c.prefixLength && x.first >= c.first && x.last <= c.last
        }
        let except = rng.chance(0.6) ? inside.filter { _ in rng.chance(0.6) } : []
        return NetworkPolicyPeer(ipBlock: IPBlock(cidr: cidr, except: except))
    }
}
