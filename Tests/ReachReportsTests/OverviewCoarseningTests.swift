import ReachCore
import ReachKit
import ReachTestSupport
import Testing

/// The edge-budget halving reuses the first plan's links (merged into coarser groups) instead of
/// recomputing the port-class matrices: the result must equal a direct computation at the final
/// budget, groups and links alike.
@Suite struct OverviewCoarseningTests {
    /// Seeded clusters: 3–8 namespaces of 1–7 pods with random labels and a few policies
    /// (ingress from namespaces / pods on random ports, egress to ipBlocks), so classes, aggregate
    /// nodes, the "more namespaces" node and external groups all occur.
    static func cluster(seed: UInt64) -> String {
        var rng = SplitMix64(seed: seed)
        func pick(_ n: Int) -> Int { Int(rng.next() % UInt64(n)) }
        var docs: [String] = []
        let namespaces = 3 + pick(6)
        for n in 0..<namespaces {
            docs.append("apiVersion: v1\nkind: Namespace\nmetadata: {name: ns\(n), labels: {team: t\(n % 2)}}")
            for p in 0..<(1 + pick(7)) {
                docs.append("""
                apiVersion: v1
                kind: Pod
                metadata: {name: p\(p), namespace: ns\(n), labels: {app: a\(pick(4)), tier: t\(pick(2))}}
                spec: {containers: [{name: c, image: x, ports: [{containerPort: \(80 + pick(3))}]}]}
                status: {podIP: 10.1.\(n).\(p + 1)}
                """)
            }
            for q in 0..<pick(3) {
                let octet = pick(3)
                let from = pick(2) == 0 ? "- namespaceSelector: {matchLabels: {team: t\(pick(2))}}" : "- podSelector: {matchLabels: {app: a\(pick(4))}}"
                docs.append("""
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: np\(q), namespace: ns\(n)}
                spec:
                  podSelector: {matchLabels: {tier: t\(pick(2))}}
                  policyTypes: [Ingress, Egress]
                  ingress:
                  - from:
                    \(from)
                    ports: [{port: \(80 + pick(3))}]
                  egress:
                  - to:
                    - ipBlock: {cidr: 10.\(octet).0.0/16, except: [10.\(octet).\(pick(4)).0/24]}
                    - podSelector: {}
                """)
            }
        }
        return docs.joined(separator: "\n---\n")
    }

    @Test(arguments: 1...12)
    func halvingEqualsDirectComputation(seed: Int) {
        let a = Analyzer.load(sources: [("gen.yaml", Self.cluster(seed: UInt64(seed)))])
        let errors = a.snapshot.diagnostics.filter { $0.severity == .error }.map(\.description)
        #expect(errors.isEmpty, "\(errors)")
        let reach = a.networkReach()
        // Edge budget 0: halves 16 → 8 → 4 (the floor), merging the budget-16 links twice.
        let halved = a.reachabilityOverview(reach, nodeBudget: 16, externalBudget: 3, edgeBudget: 0)
        #expect(halved.nodeBudget == Analyzer.minimumNodeBudget)
        let direct = a.reachabilityOverview(reach, nodeBudget: Analyzer.minimumNodeBudget, externalBudget: 3, edgeBudget: Int.max)
        #expect(halved.groups == direct.groups)
        #expect(halved.links == direct.links)
        #expect(halved.aggregatedClasses == direct.aggregatedClasses)
        #expect(halved.aggregatedExternal == direct.aggregatedExternal)
        #expect(direct.aggregatedClasses > 0, "the cluster must exercise merging")
    }
}
