import NetworkEngine
import ReachCore
import ReachModel

/// A reachability graph small enough to draw: classes of equivalent pods as nodes (beyond a node
/// budget, a namespace's remaining classes merge into one aggregate node), external address atoms
/// as nodes, and the allowed port ranges between them as edges. Built from ``NetworkReach``;
/// ``ReachReports`` turns it into DOT.
public struct ReachabilityOverview: Sendable {
    /// A drawn node: one class, several classes of one namespace, or external address ranges.
    public struct Group: Hashable, Sendable {
        public enum Kind: Hashable, Sendable { case podClass, aggregate, external }
        /// Stable identifier (the DOT node name, also the SVG `<title>`).
        public var id: String
        public var kind: Kind
        /// Namespace for pod groups; `nil` for external groups.
        public var namespace: String?
        /// Human label (class label, `N more classes`, or address ranges).
        public var label: String
        /// Pods (endpoints) represented.
        public var podCount: Int
        /// Classes of pods represented (0 for external groups).
        public var classCount: Int
        /// Every represented pod is selected by an ingress (egress) policy.
        public var ingressIsolated: Bool
        public var egressIsolated: Bool
    }

    /// An edge: `connections` allowed from some pod of `from` to some other pod of `to`.
    public struct Link: Hashable, Sendable {
        public var from: Int
        public var to: Int
        public var connections: ConnectionSet
    }

    public var groups: [Group]
    public var links: [Link]
    /// Classes in the cluster and how many were merged into aggregate nodes.
    public var classCount: Int
    public var aggregatedClasses: Int
    /// External atoms merged into the "other external ranges" node.
    public var aggregatedExternal: Int
    /// The node budget used, the one asked for (larger when too many edges made it halve), and
    /// the edge budget that decided it.
    public var nodeBudget: Int
    public var requestedNodeBudget: Int
    public var edgeBudget: Int

    /// Whether any node stands for more than it names (the legend says so).
    public var isAggregated: Bool { aggregatedClasses > 0 || aggregatedExternal > 0 }
}

extension Analyzer {
    /// The smallest node budget edge-budget halving goes down to.
    public static let minimumNodeBudget = 4

    /// The reachability overview of `reach` with at most about `nodeBudget` pod nodes and
    /// `externalBudget` external nodes. When that still leaves more than `edgeBudget` links, the
    /// node budget is halved (down to one node per namespace, then below it: the smallest
    /// namespaces share one "more namespaces" node, down to ``minimumNodeBudget``) so the picture
    /// stays readable and laid out in seconds.
    /// - Complexity: O(Q × (K²/64 + G² × K/64) + atoms × Q) for K classes, Q port classes and G
    ///   drawn groups of the first plan, plus O(K + L × Q/64) per further halving (at most log₂
    ///   budget; L links of the first plan) and O(K × policies per namespace).
    public func reachabilityOverview(_ reach: NetworkReach, nodeBudget: Int = 60, externalBudget: Int = 8,
                                     edgeBudget: Int = 150) -> ReachabilityOverview {
        let isolation = OverviewPlan.isolation(reach)
        var budget = max(nodeBudget, 1)
        // The first (finest) plan computes the port-class matrices once; coarser plans merge its links.
        var first: (plan: OverviewPlan, pairs: [Int: BitSet])?
        while true {
            var plan = OverviewPlan(reach: reach, budget: budget, isolation: isolation)
            let pairs: [Int: BitSet]
            if let first {
                plan.adoptExternalGroups(from: first.plan)
                pairs = plan.portClassPairs(coarsening: first.pairs, of: first.plan)
            } else {
                plan.addExternalGroups(budget: max(externalBudget, 1))
                pairs = plan.portClassPairs()
                first = (plan, pairs)
            }
            let links = plan.links(pairs)
            let next = budget / 2
            if links.count <= edgeBudget || next < Self.minimumNodeBudget {
                return ReachabilityOverview(groups: plan.groups, links: links, classCount: reach.classes.count,
                                            aggregatedClasses: plan.aggregatedClasses, aggregatedExternal: plan.aggregatedExternal,
                                            nodeBudget: budget, requestedNodeBudget: nodeBudget, edgeBudget: edgeBudget)
            }
            budget = next
        }
    }
}

/// Assigns classes and external atoms to drawn groups and collects the links between them.
struct OverviewPlan {
    let reach: NetworkReach
    var groups: [ReachabilityOverview.Group] = []
    /// Class → group index.
    var groupOfClass: [Int]
    /// External atom → group index (`nil`: not drawn, no traffic).
    var groupOfAtom: [Int?]
    var aggregatedClasses = 0
    var aggregatedExternal = 0
    /// Number of pod groups (they come first in `groups`).
    var podGroups = 0

    init(reach: NetworkReach, budget: Int, isolation: [(ingress: Bool, egress: Bool)]) {
        self.reach = reach
        groupOfClass = Array(repeating: 0, count: reach.classes.count)
        groupOfAtom = Array(repeating: nil, count: reach.ipAtoms.atoms.count)
        var byNamespace: [String: [Int]] = [:]
        for c in 0..<reach.classes.count { byNamespace[reach.endpoints[reach.classes.representative(c)].namespace, default: []].append(c) }
        var namespaces = byNamespace.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        if namespaces.count > budget {
            // More namespaces than nodes: the smallest namespaces share one node.
            let pods = { (ns: String) in (byNamespace[ns] ?? []).reduce(0) { $0 + reach.classes.members[$1].count } }
            let bySize = namespaces.sorted { pods($0) != pods($1) ? pods($0) > pods($1) : $0.utf8.lexicographicallyPrecedes($1.utf8) }
            let small = Set(bySize.dropFirst(max(budget - 1, 0)))
            namespaces.removeAll { small.contains($0) }
            addOtherNamespaces(small.sorted().flatMap { byNamespace[$0] ?? [] }, namespaceCount: small.count, isolation)
        }
        let share = max(1, budget / max(namespaces.count, 1))
        for ns in namespaces {
            // Largest classes first (ties: class order), so the budget goes to what matters most.
            let classes = (byNamespace[ns] ?? []).sorted {
                let a = reach.classes.members[$0].count, b = reach.classes.members[$1].count
                return a != b ? a > b : $0 < $1
            }
            let single = classes.count <= share ? classes : Array(classes.prefix(share - 1))
            for c in single {
                groupOfClass[c] = groups.count
                groups.append(.init(id: "class:" + reach.classLabel(c), kind: .podClass, namespace: ns, label: reach.classLabel(c),
                                    podCount: reach.classes.members[c].count, classCount: 1,
                                    ingressIsolated: isolation[c].ingress, egressIsolated: isolation[c].egress))
            }
            let rest = classes.dropFirst(single.count)
            if rest.isEmpty { continue }
            aggregatedClasses += rest.count
            for c in rest { groupOfClass[c] = groups.count }
            groups.append(.init(id: "more:" + ns, kind: .aggregate, namespace: ns,
                                label: single.isEmpty ? "\(ns): all \(rest.count) classes" : "\(ns)/… \(rest.count) more class\(rest.count == 1 ? "" : "es")",
                                podCount: rest.reduce(0) { $0 + reach.classes.members[$1].count }, classCount: rest.count,
                                ingressIsolated: rest.allSatisfy { isolation[$0].ingress },
                                egressIsolated: rest.allSatisfy { isolation[$0].egress }))
        }
        podGroups = groups.count
    }

    /// One aggregate node, outside every namespace cluster, for the classes of `namespaceCount`
    /// namespaces that did not fit the budget.
    mutating func addOtherNamespaces(_ classes: [Int], namespaceCount: Int, _ isolation: [(ingress: Bool, egress: Bool)]) {
        aggregatedClasses += classes.count
        for c in classes { groupOfClass[c] = groups.count }
        groups.append(.init(id: "more:namespaces", kind: .aggregate, namespace: nil,
                            label: "\(namespaceCount) more namespaces", podCount: classes.reduce(0) { $0 + reach.classes.members[$1].count },
                            classCount: classes.count, ingressIsolated: classes.allSatisfy { isolation[$0].ingress },
                            egressIsolated: classes.allSatisfy { isolation[$0].egress }))
    }

    /// Per class: selected by some ingress / egress policy (its representative stands for it).
    static func isolation(_ reach: NetworkReach) -> [(ingress: Bool, egress: Bool)] {
        var policiesByNamespace: [String: [NetworkPolicy]] = [:]
        for p in reach.policies { policiesByNamespace[p.namespace ?? "default", default: []].append(p) }
        return (0..<reach.classes.count).map { c in
            let e = reach.endpoints[reach.classes.representative(c)]
            let selecting = (policiesByNamespace[e.namespace] ?? []).filter { PolicySemantics.selects($0, e) }
            return (selecting.contains { $0.effectivePolicyTypes.contains(.ingress) },
                    selecting.contains { $0.effectivePolicyTypes.contains(.egress) })
        }
    }
}
