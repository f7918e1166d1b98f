import ReachCore
import ReachModel

/// NetworkPolicy lint findings (IDs in ``NetworkDiagnosticID``), sorted by location then ID.
public enum NetworkLint {
    /// Selector checks run on one representative per class of equivalent endpoints (a class
    /// agrees on namespace, the labels every selector reads, the referenced named ports and IP
    /// atoms, so every selector and named-port test gives its members the same answer); findings
    /// about endpoints are then reported for each member.
    /// - Complexity: O(K × P × R) selector tests for K classes, P policies, R rules, plus
    ///   O(E × ipBlock peers) for the ipBlock checks and O(E) per-member findings.
    public static func findings(_ reach: NetworkReach) -> [Diagnostic] {
        var out: [Diagnostic] = []
        out += isolation(reach)
        out += defaultDeny(reach)
        out += selection(reach)
        out += dns(reach)
        out += shadowedRules(reach)
        out += shadowedCalicoRules(reach)
        out += shadowedCiliumRules(reach)
        return out.sorted()
    }

    static func isolation(_ reach: NetworkReach) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for members in reach.classes.members {
            guard let rep = members.first else { continue }
            let selecting = reach.policies.filter { PolicySemantics.selects($0, reach.endpoints[rep]) }
            for (type, id) in [(PolicyType.ingress, NetworkDiagnosticID.notIsolatedIngress), (.egress, NetworkDiagnosticID.notIsolatedEgress)]
            where !selecting.contains(where: { $0.effectivePolicyTypes.contains(type) }) {
                for m in members {
                    let e = reach.endpoints[m]
                    out.append(Diagnostic(id: id, severity: type == .ingress ? .warning : .info, location: e.location,
                                          message: "\(e.displayName) is not isolated for \(type.rawValue.lowercased()): no policy selects it"))
                }
            }
        }
        return out
    }

    static func defaultDeny(_ reach: NetworkReach) -> [Diagnostic] {
        let namespaces = Set(reach.endpoints.map(\.namespace)).sorted()
        return namespaces.compactMap { ns in
            let denies = reach.policies.contains { p in
                p.namespace == ns && p.podSelector.isEmpty && p.effectivePolicyTypes.contains(.ingress) && (p.ingress ?? []).isEmpty
            }
            if denies { return nil }
            return Diagnostic(id: NetworkDiagnosticID.noDefaultDeny, severity: .warning, location: nil,
                              message: "namespace \(ns) has no default-deny ingress policy (podSelector: {} without ingress rules)")
        }
    }

    /// The endpoint fields the peer checks read, in endpoint order, gathered once (scanning the
    /// endpoints themselves copies each one per peer).
    struct PeerFacts {
        /// Per class representative (selector tests).
        var namespaces: [String?] = [], labels: [[String: String]] = [], namespaceLabels: [[String: String]] = []
        /// Per endpoint (ipBlock tests count pods and name them).
        var ips: [[IPAddress]] = [], names: [String] = []

        init(_ reach: NetworkReach) {
            for members in reach.classes.members {
                guard let rep = members.first else { continue }
                let e = reach.endpoints[rep]
                namespaces.append(e.namespace)
                labels.append(e.labels)
                namespaceLabels.append(reach.catalog.labels(ofNamespace: e.namespace))
            }
            // Cilium: ipBlocks and CIDRs never match pod IPs, so no ipBlock covers a pod.
            for e in reach.endpoints {
                ips.append(reach.engine.engine == .cilium ? [] : e.ips)
                names.append(e.displayName)
            }
        }
    }

    static func selection(_ reach: NetworkReach) -> [Diagnostic] {
        var out: [Diagnostic] = []
        let facts = PeerFacts(reach)
        let representatives = reach.classes.members.compactMap { $0.first.map { reach.endpoints[$0] } }
        for p in reach.policies {
            let name = "\(p.namespace ?? "")/\(p.name)"
            // One representative per selected class (named ports are part of the class key).
            // (Indices, not copies: a NetworkEndpoint copy retains every field.)
            let selected = representatives.indices.filter { PolicySemantics.selects(p, representatives[$0]) }
            if selected.isEmpty {
                out.append(Diagnostic(id: NetworkDiagnosticID.policySelectsNothing, severity: .warning, location: p.location,
                                      path: "spec.podSelector", message: "policy \(name) selects no pod"))
            }
            for (type, field) in [(PolicyType.ingress, "ingress"), (.egress, "egress")] {
                for (ri, rule) in (PolicySemantics.rules(p, type) ?? []).enumerated() {
                    out += ruleFindings(facts, p, rule, path: "spec.\(field)[\(ri)]", representatives: representatives,
                                            destinations: type == .ingress ? selected : Array(representatives.indices))
                }
            }
        }
        return out
    }

    static func ruleFindings(_ facts: PeerFacts, _ p: NetworkPolicy, _ rule: NetworkPolicyRule, path: String,
                             representatives: [NetworkEndpoint], destinations: [Int]) -> [Diagnostic] {
        var out: [Diagnostic] = []
        let name = "\(p.namespace ?? "")/\(p.name)"
        for (i, peer) in (rule.peers ?? []).enumerated() {
            if let block = peer.ipBlock {
                // PolicySemantics.peerMatches for an ipBlock peer, with the block parsed once,
                // keeping a count and the first names.
                let parsed = ParsedIPBlock(block)
                var count = 0, names: [String] = []
                for e in facts.ips.indices where facts.ips[e].contains(where: parsed.contains) {
                    count += 1
                    if names.count < 3 { names.append(facts.names[e]) }
                }
                guard count > 0 else { continue }
                let pods = names.joined(separator: ", ") + (count > 3 ? ", …" : "")
                out.append(Diagnostic(id: NetworkDiagnosticID.ipBlockCoversPods, severity: .info, location: rule.location ?? p.location,
                                      path: "\(path).peers[\(i)].ipBlock",
                                      message: "policy \(name): ipBlock \(block.cidr) covers \(count) pod IP(s) (\(pods)); they match it"))
            } else if !facts.labels.indices.contains(where: {
                PolicySemantics.selectorPeerMatches(peer, policyNamespace: p.namespace, namespace: facts.namespaces[$0],
                                                    labels: facts.labels[$0], namespaceLabels: facts.namespaceLabels[$0])
            }) {
                out.append(Diagnostic(id: NetworkDiagnosticID.peerSelectsNothing, severity: .info, location: rule.location ?? p.location,
                                      path: "\(path).peers[\(i)]", message: "policy \(name): peer matches no pod"))
            }
        }
        for (i, entry) in (rule.ports ?? []).enumerated() {
            guard case .name(let portName)? = entry.port else { continue }
            if !destinations.contains(where: { !representatives[$0].namedPort(portName, entry.effectiveProtocol).isEmpty }) {
                out.append(Diagnostic(id: NetworkDiagnosticID.unresolvedNamedPort, severity: .warning, location: rule.location ?? p.location,
                                      path: "\(path).ports[\(i)]",
                                      message: "policy \(name): named port \(portName)/\(entry.effectiveProtocol.rawValue) is declared by no destination pod"))
            }
        }
        return out
    }

    /// Egress-isolated endpoints that cannot reach cluster DNS (kube-system pods labelled
    /// `k8s-app=kube-dns`, port 53 named `dns`/`dns-tcp`) on UDP/53 or TCP/53. A synthetic
    /// kube-dns pod is used when the input has none; an ipBlock `/0` counts as reaching it.
    static func dns(_ reach: NetworkReach) -> [Diagnostic] {
        let dnsPod = reach.endpoints.first { $0.namespace == "kube-system" && $0.labels["k8s-app"] == "kube-dns" }
            ?? NetworkEndpoint(kind: .pod, namespace: "kube-system", name: "kube-dns", labels: ["k8s-app": "kube-dns"],
                               ports: [ContainerPort(name: "dns", containerPort: 53, protocol: .udp),
                                       ContainerPort(name: "dns-tcp", containerPort: 53, protocol: .tcp)],
                               location: SourceLocation(file: "<synthetic>", document: 0, line: 0))
        let nsLabels = reach.catalog.labels(ofNamespace: "kube-system")
        var out: [Diagnostic] = []
        for e in reach.endpoints {
            let policies = reach.policies.filter { PolicySemantics.selects($0, e) && $0.effectivePolicyTypes.contains(.egress) }
            if policies.isEmpty { continue }
            let blocked = ["UDP/53", "TCP/53"].compactMap(ProbePort.init).filter { probe in
                !policies.contains { p in
                    (p.egress ?? []).contains { rule in
                        PolicySemantics.portsMatch(rule, probe, destination: dnsPod) && (rule.peers.map { peers in
                            peers.isEmpty || peers.contains { peer in
                                if let block = peer.ipBlock { return CIDR(block.cidr)?.prefixLength == 0 }
                                return PolicySemantics.peerMatches(peer, policyNamespace: p.namespace, dnsPod, namespaceLabels: nsLabels)
                            }
                        } ?? true)
                    }
                }
            }
            if blocked.isEmpty { continue }
            out.append(Diagnostic(id: NetworkDiagnosticID.egressBlocksDNS, severity: .warning, location: e.location,
                                  message: "\(e.displayName): egress policies block DNS (\(blocked.map(\.description).joined(separator: ", "))) to kube-system kube-dns"))
        }
        return out
    }
}
