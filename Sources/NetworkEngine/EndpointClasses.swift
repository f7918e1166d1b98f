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

    /// - Complexity: O(endpoints × (keys + ports + IPs × log atoms)) hash operations on short
    ///   strings: namespaces, label values, port lists and resolved named-port maps are interned
    ///   to integers, and the class key is a small integer array.
    public init(catalog: EndpointCatalog, policies: [NetworkPolicy], ipAtoms: IPAtomTable) {
        self.init(catalog: catalog, policies: policies, ipAtoms: ipAtoms, extraKeys: [], extraRefs: [])
    }

    /// Classes that also split on `extraKeys` (label keys of other selectors, e.g. the tier
    /// policies') and `extraRefs` (their named ports), and, with `splitOnServiceAccount`, on the
    /// endpoint's ServiceAccount name (Calico selectors that read it or its labels: the
    /// ServiceAccount's labels are a function of namespace and name, both then in the key).
    /// - Complexity: as ``init(catalog:policies:ipAtoms:)``.
    public init(catalog: EndpointCatalog, policies: [NetworkPolicy], ipAtoms: IPAtomTable,
                extraKeys: Set<String>, extraRefs: Set<NamedPortRef>, splitOnServiceAccount: Bool = false) {
        let keys = EndpointClasses.selectorKeys(policies).union(extraKeys).sorted()
        let names = Array(Set(EndpointClasses.namedPortRefs(policies)).union(extraRefs))
            .sorted { ($0.name, $0.protocolName) < ($1.name, $1.protocolName) }
        var namespaceIDs: [String: Int32] = [:]
        var accountIDs: [String: Int32] = [:]
        var valueIDs = [[String: Int32]](repeating: [:], count: keys.count)
        // Declared ports → id of the resolved named-port map (most endpoints share a few lists).
        var portsIDs: [[ContainerPort]: Int32] = [:]
        var resolvedIDs: [[[Int]]: Int32] = [:]
        var index: [[Int32]: Int] = [:]
        var classOf: [Int] = []
        var members: [[Int]] = []
        classOf.reserveCapacity(catalog.endpoints.count)
        var key: [Int32] = []
        let endpoints = catalog.endpoints
        for i in endpoints.indices {
            key.removeAll(keepingCapacity: true)
            let ns = endpoints[i].namespace
            if let id = namespaceIDs[ns] { key.append(id) } else {
                let id = Int32(namespaceIDs.count)
                namespaceIDs[ns] = id
                key.append(id)
            }
            if splitOnServiceAccount {
                let account = endpoints[i].serviceAccount
                let id = accountIDs[account] ?? Int32(accountIDs.count)
                accountIDs[account] = id
                key.append(id)
            }
            for (k, labelKey) in keys.enumerated() {
                guard let value = endpoints[i].labels[labelKey] else { key.append(-1); continue }
                if let id = valueIDs[k][value] { key.append(id) } else {
                    let id = Int32(valueIDs[k].count)
                    valueIDs[k][value] = id
                    key.append(id)
                }
            }
            let ports = endpoints[i].ports
            if let id = portsIDs[ports] { key.append(id) } else {
                let resolved = names.map { endpoints[i].namedPort($0.name, $0.protocolName) }
                let id: Int32
                if let known = resolvedIDs[resolved] { id = known } else {
                    id = Int32(resolvedIDs.count)
                    resolvedIDs[resolved] = id
                }
                portsIDs[ports] = id
                key.append(id)
            }
            var atoms = endpoints[i].ips.compactMap(ipAtoms.atom(of:))
            if atoms.count > 1 { atoms = Array(Set(atoms)).sorted() }
            for a in atoms { key.append(Int32(a)) }
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
