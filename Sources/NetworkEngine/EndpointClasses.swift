import ReachCore
import ReachModel

/// Endpoints that agree on (namespace, labels projected onto the keys any pod selector
/// mentions, the referenced named ports, the IP atoms of their IPs) are indistinguishable to
/// every policy; the engine computes on these classes. Namespace labels are a function of the
/// namespace, so the namespace name covers them.
public struct EndpointClasses: Sendable {
    /// Endpoint index → class index.
    public let classOf: [Int]
    /// Class index → member endpoint indices, increasing; classes are ordered by first member.
    public let members: [[Int]]

    public var count: Int { members.count }

    /// The first member, whose attributes stand for the class.
    public func representative(_ c: Int) -> Int { members[c][0] }

    private struct Key: Hashable {
        var namespace: String
        var labels: [String?]
        var namedPorts: [[Int]]
        var ipAtoms: [Int]
    }

    /// - Complexity: O(endpoints × (keys + named ports × ports + IPs × log atoms)).
    public init(catalog: EndpointCatalog, policies: [NetworkPolicy], ipAtoms: IPAtomTable) {
        let keys = EndpointClasses.selectorKeys(policies).sorted()
        let names = EndpointClasses.namedPortRefs(policies)
        var index: [Key: Int] = [:]
        var classOf: [Int] = []
        var members: [[Int]] = []
        classOf.reserveCapacity(catalog.endpoints.count)
        let endpoints = catalog.endpoints
        for i in endpoints.indices {
            var atoms = endpoints[i].ips.compactMap(ipAtoms.atom(of:))
            if atoms.count > 1 { atoms = Array(Set(atoms)).sorted() }
            let key = Key(namespace: endpoints[i].namespace, labels: keys.map { endpoints[i].labels[$0] },
                          namedPorts: names.map { endpoints[i].namedPort($0.name, $0.protocolName) },
                          ipAtoms: atoms)
            if let c = index[key] {
                classOf.append(c)
                members[c].append(i)
            } else {
                index[key] = members.count
                classOf.append(members.count)
                members.append([i])
            }
        }
        self.classOf = classOf
        self.members = members
    }

    /// Every label key a policy podSelector or peer podSelector mentions.
    static func selectorKeys(_ policies: [NetworkPolicy]) -> Set<String> {
        var keys: Set<String> = []
        for p in policies {
            keys.formUnion(p.podSelector.keys)
            for rule in (p.ingress ?? []) + (p.egress ?? []) {
                for peer in rule.peers ?? [] { keys.formUnion(peer.podSelector?.keys ?? []) }
            }
        }
        return keys
    }

    /// Every (name, protocol) a port entry refers to, sorted.
    static func namedPortRefs(_ policies: [NetworkPolicy]) -> [NamedPortRef] {
        var refs: Set<NamedPortRef> = []
        for p in policies {
            for rule in (p.ingress ?? []) + (p.egress ?? []) {
                for entry in rule.ports ?? [] {
                    if case .name(let n)? = entry.port { refs.insert(NamedPortRef(name: n, protocolName: entry.effectiveProtocol)) }
                }
            }
        }
        return refs.sorted { ($0.name, $0.protocolName) < ($1.name, $1.protocolName) }
    }
}

/// A named port as a policy refers to it.
public struct NamedPortRef: Hashable, Sendable {
    public var name: String
    public var protocolName: NetworkProtocol
}
