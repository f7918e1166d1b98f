import ReachCore
import ReachModel

/// Random `projectcalico.org/v3` policies over ``RandomScenario``'s vocabulary: orders around the
/// Kubernetes NetworkPolicies' 1000 (and absent), two tiers, every action, selectors with every
/// operator, namespace selectors, nets/notNets, ports/notPorts with ranges and names, protocols.
extension RandomScenario {
    mutating func snapshot(pods: Int, policies: Int, admin: Int, calico: Int) -> ClusterSnapshot {
        var snap = snapshot(pods: pods, policies: policies, admin: admin)
        for i in 0..<calico { snap.calicoPolicies.append(calicoPolicy(i)) }
        return snap
    }

    mutating func calicoSelector() -> CalicoSelector {
        let k = pick(keys), v = pick(values)
        let leaf: CalicoSelector = switch Int.random(in: 0..<8, using: &rng) {
        case 0: .equals(k, v)
        case 1: .notEquals(k, v)
        case 2: .isIn(k, [v, pick(values)])
        case 3: .notIn(k, [v])
        case 4: .has(k)
        case 5: .startsWith(k, v)
        case 6: .all
        default: .equals("projectcalico.org/namespace", pick(namespaces))
        }
        if chance(0.25) { return .and(leaf, .not(.has(pick(keys)))) }
        if chance(0.2) { return .or(leaf, .equals(pick(keys), pick(values))) }
        return leaf
    }

    mutating func calicoPolicy(_ i: Int) -> CalicoPolicy {
        let global = chance(0.4)
        let meta = ObjectMeta(name: "c\(i)", namespace: global ? nil : pick(namespaces), location: loc)
        let ingress = calicoRules(), egress = calicoRules()
        var p = CalicoPolicy(kind: global ? .globalNetworkPolicy : .networkPolicy, meta: meta, tier: chance(0.2) ? "security" : "default",
                             order: chance(0.2) ? nil : pick([100.0, 1000, 1500]), selector: chance(0.3) ? .all : calicoSelector(),
                             ingressApplies: chance(0.8), egressApplies: chance(0.6), ingress: ingress, egress: egress)
        if global, chance(0.4) { p.namespaceSelector = .equals("team", pick(values)) }
        return p
    }

    mutating func calicoRules() -> [CalicoPolicy.Rule] {
        (0..<Int.random(in: 0...3, using: &rng)).map { _ in
            var rule = CalicoPolicy.Rule(action: pick([.allow, .allow, .deny, .pass, .log]))
            if chance(0.3) { rule.protocolName = pick(["tcp", "udp", "17"]) }
            if chance(0.1) { rule.notProtocol = "tcp" }
            rule.source = entity(ports: false)
            rule.destination = entity(ports: true)
            return rule
        }
    }

    mutating func entity(ports: Bool) -> CalicoPolicy.EntityRule {
        var e = CalicoPolicy.EntityRule()
        if chance(0.4) { e.selector = calicoSelector() }
        if chance(0.15) { e.notSelector = calicoSelector() }
        if chance(0.2) { e.namespaceSelector = chance(0.5) ? .all : .equals("team", pick(values)) }
        if chance(0.2) { e.nets = [pick(["10.0.0.0/24", "10.0.0.0/26", "0.0.0.0/0", "192.168.0.0/16", "fd00::/120"])] }
        if chance(0.1) { e.notNets = ["10.0.0.0/26"] }
        if ports, chance(0.5) {
            e.ports = (0..<Int.random(in: 1...2, using: &rng)).map { _ in
                chance(0.3) ? .named(pick(portNames)) : .range(pick([53, 80]), pick([80, 81, 8080]))
            }
        }
        if ports, chance(0.15) { e.notPorts = [chance(0.5) ? .range(81, 81) : .named(pick(portNames))] }
        return e
    }
}
