import ReachCore
import ReachModel

/// Random `policy.networking.k8s.io` tier policies over ``RandomScenario``'s vocabulary, so that
/// subjects, peers, networks and ports collide with the NetworkPolicies.
extension RandomScenario {
    /// A random cluster with NetworkPolicies and `admin` tier policies of all three kinds (at most
    /// one BaselineAdminNetworkPolicy, named `default`, as upstream requires).
    mutating func snapshot(pods: Int, policies: Int, admin: Int) -> ClusterSnapshot {
        var snap = snapshot(pods: pods, policies: policies)
        var haveBANP = false
        for i in 0..<admin {
            var kind = pick(AdminNetworkPolicy.Kind.allCases)
            if kind == .baselineAdminNetworkPolicy, haveBANP { kind = .clusterNetworkPolicy }
            if kind == .baselineAdminNetworkPolicy { haveBANP = true }
            snap.adminNetworkPolicies.append(adminPolicy(i, kind))
        }
        return snap
    }

    mutating func adminPolicy(_ i: Int, _ kind: AdminNetworkPolicy.Kind) -> AdminNetworkPolicy {
        let tier: AdminNetworkPolicy.Tier = switch kind {
        case .clusterNetworkPolicy: chance(0.5) ? .admin : .baseline
        case .adminNetworkPolicy: .admin
        case .baselineAdminNetworkPolicy: .baseline
        }
        let name = kind == .baselineAdminNetworkPolicy ? "default" : "t\(i)"
        // Few priorities, so that equal priorities (ordered by kind and name) occur too.
        return AdminNetworkPolicy(kind: kind, meta: ObjectMeta(name: name, location: loc), tier: tier,
                                  priority: kind == .baselineAdminNetworkPolicy ? 0 : pick([0, 5, 10]),
                                  subject: selection(), ingress: adminRules(kind, egress: false), egress: adminRules(kind, egress: true))
    }

    mutating func selection() -> AdminNetworkPolicy.Selection {
        if chance(0.4) {
            var ns = LabelSelector()
            if chance(0.7) { ns.matchLabels[chance(0.5) ? "team" : "kubernetes.io/metadata.name"] = chance(0.5) ? pick(values) : pick(namespaces) }
            return .namespaces(ns)
        }
        return .pods(namespaceSelector: chance(0.5) ? .everything : LabelSelector(matchLabels: ["kubernetes.io/metadata.name": pick(namespaces)]),
                     podSelector: selector())
    }

    mutating func adminRules(_ kind: AdminNetworkPolicy.Kind, egress: Bool) -> [AdminNetworkPolicy.Rule] {
        let actions: [AdminNetworkPolicy.Action] = kind == .baselineAdminNetworkPolicy ? [.accept, .deny] : [.accept, .deny, .pass]
        return (0..<Int.random(in: 0...3, using: &rng)).map { r in
            var peers: [AdminNetworkPolicy.Peer] = (0..<Int.random(in: 1...2, using: &rng)).map { _ in .selection(selection()) }
            if egress, chance(0.35) {
                peers = [.networks([pick(["10.0.0.0/24", "10.0.0.0/26", "0.0.0.0/0", "192.168.0.0/16", "fd00::/120"])])]
            }
            let hasNetworks = peers.contains { if case .networks = $0 { true } else { false } }
            var ports: [AdminNetworkPolicy.Port]? = nil
            if chance(0.6) {
                ports = (0..<Int.random(in: 1...2, using: &rng)).map { _ in
                    switch Int.random(in: 0..<3, using: &rng) {
                    case 0: .number(pick(NetworkProtocol.allCases), pick([53, 80, 81, 8080]))
                    case 1: .range(pick(NetworkProtocol.allCases), pick([53, 80]), pick([81, 8080]))
                    default: hasNetworks ? .number(.tcp, 80) : .named(pick(portNames))
                    }
                }
            }
            return AdminNetworkPolicy.Rule(name: "r\(r)", action: pick(actions), peers: peers, ports: ports)
        }
    }
}
