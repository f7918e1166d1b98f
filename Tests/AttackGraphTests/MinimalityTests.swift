@testable import AttackGraph
import RBACEngine
import ReachCore
import ReachLoader
import ReachModel
import ReachTestSupport
import Testing

/// Small random clusters (seeded ``SplitMix64``) built from the escalation-relevant vocabulary:
/// pods, exec, tokens, token Secrets, impersonation, bindings, `bind`/`escalate`, controllers,
/// `nodes/proxy`, wildcards and `resourceNames`.
struct RandomWorld {
    static let namespaces = ["alpha", "beta", "kube-system"]
    static let rules: [(group: String, resource: String, verbs: [String])] = [
        ("", "pods", ["create", "patch", "get"]), ("", "pods/exec", ["create"]),
        ("", "pods/ephemeralcontainers", ["patch"]), ("", "serviceaccounts/token", ["create"]),
        ("", "secrets", ["get", "list", "create"]), ("", "serviceaccounts", ["impersonate"]),
        ("", "users", ["impersonate"]), ("", "groups", ["impersonate"]), ("apps", "deployments", ["create", "patch"]),
        ("rbac.authorization.k8s.io", "rolebindings", ["create"]),
        ("rbac.authorization.k8s.io", "clusterrolebindings", ["create"]),
        ("rbac.authorization.k8s.io", "clusterroles", ["bind", "escalate", "update"]),
        ("rbac.authorization.k8s.io", "roles", ["bind", "escalate", "patch"]),
        ("", "nodes/proxy", ["get"]), ("", "configmaps", ["get", "list"]),
    ]
    static let names = ["db", "sa-0", "sa-1", "cr-0", "cr-1", "role-0"]

    let yaml: String

    init(seed: UInt64) {
        var rng = SplitMix64(seed: seed)
        var out = ""
        func doc(_ s: String) { out += "---\n" + s }
        func pick<T>(_ a: [T]) -> T { a[rng.index(a.count)] }
        func chance(_ p: Int) -> Bool { rng.index(100) < p }
        func rule(cluster: Bool) -> String {
            if chance(2) { return "  - {apiGroups: [\"*\"], resources: [\"*\"], verbs: [\"*\"]}\n" }
            if cluster, chance(5) { return "  - {nonResourceURLs: [\"*\"], verbs: [\"*\"]}\n" }
            let r = pick(Self.rules)
            var verbs = r.verbs.filter { _ in chance(50) }
            if verbs.isEmpty { verbs = [pick(r.verbs)] }
            if chance(3) { verbs = ["*"] }
            let names = chance(15) ? ", resourceNames: [\(pick(Self.names))]" : ""
            return "  - {apiGroups: [\"\(r.group)\"], resources: [\"\(r.resource)\"], verbs: [\(verbs.joined(separator: ", "))]\(names)}\n"
        }
        var sas: [(ns: String, name: String)] = []
        for ns in Self.namespaces {
            doc("apiVersion: v1\nkind: Namespace\nmetadata: {name: \(ns)}\n")
            for i in 0..<(1 + rng.index(2)) {
                sas.append((ns, "sa-\(i)"))
                doc("apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: sa-\(i), namespace: \(ns)}\n"
                    + (chance(20) ? "automountServiceAccountToken: false\n" : ""))
            }
            doc("apiVersion: v1\nkind: Secret\nmetadata: {name: db, namespace: \(ns)}\ntype: Opaque\n")
            if chance(40) {
                doc("apiVersion: v1\nkind: Secret\nmetadata: {name: tok, namespace: \(ns), annotations: {kubernetes.io/service-account.name: sa-0}}\ntype: kubernetes.io/service-account-token\n")
            }
            for p in 0..<rng.index(3) {
                doc("apiVersion: v1\nkind: Pod\nmetadata: {name: pod-\(p), namespace: \(ns)}\nspec:\n  serviceAccountName: sa-\(rng.index(2))\n  nodeName: node-\(rng.index(2))\n"
                    + (chance(20) ? "  automountServiceAccountToken: false\n" : "") + "  containers: [{name: c, image: x}]\n")
            }
            if chance(40) {
                doc("apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web, namespace: \(ns)}\nspec:\n  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n    spec: {containers: [{name: c, image: x}]}\n")
            }
            for r in 0..<(1 + rng.index(3)) {
                var text = "apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata: {name: role-\(r), namespace: \(ns)}\nrules:\n"
                for _ in 0..<(1 + rng.index(3)) { text += rule(cluster: false) }
                doc(text)
            }
        }
        let clusterRoles = 3 + rng.index(4)
        for r in 0..<clusterRoles {
            var text = "apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata: {name: cr-\(r)}\nrules:\n"
            for _ in 0..<(1 + rng.index(4)) { text += rule(cluster: true) }
            doc(text)
        }
        func subject() -> String {
            switch rng.index(40) {
            case 0..<20: let sa = pick(sas); return "  - {kind: ServiceAccount, name: \(sa.name), namespace: \(sa.ns)}\n"
            case 20..<32: return "  - {kind: User, name: u\(rng.index(4)), apiGroup: rbac.authorization.k8s.io}\n"
            case 32..<39: return "  - {kind: Group, name: g\(rng.index(2)), apiGroup: rbac.authorization.k8s.io}\n"
            default: return "  - {kind: Group, name: system:authenticated, apiGroup: rbac.authorization.k8s.io}\n"
            }
        }
        for b in 0..<(14 + rng.index(14)) {
            let ns = pick(Self.namespaces)
            let ref = chance(50) ? "{apiGroup: rbac.authorization.k8s.io, kind: Role, name: role-\(rng.index(2))}"
                : "{apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: cr-\(rng.index(clusterRoles))}"
            doc("apiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\nmetadata: {name: rb-\(b), namespace: \(ns)}\nroleRef: \(ref)\nsubjects:\n"
                + subject() + (chance(40) ? subject() : ""))
        }
        for b in 0..<rng.index(4) {
            doc("apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRoleBinding\nmetadata: {name: crb-\(b)}\nroleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: cr-\(rng.index(clusterRoles))}\nsubjects:\n" + subject())
        }
        yaml = out
    }

    /// The goals checked on every world.
    static let goals: [AccessRequest] = namespaces.map { AccessRequest(verb: "get", resource: "secrets", name: "db", namespace: $0) }
        + [AccessRequest(verb: "get", resource: "secrets", namespace: "kube-system"), AttackGraph.adminGoal,
           AccessRequest(verb: "list", resource: "configmaps", namespace: "alpha"),
           .nonResource(verb: "get", path: "/metrics")]

    static func graph(_ yaml: String, reduce: Bool = true) -> AttackGraph {
        let snapshot = ManifestLoader().load(sources: [("random.yaml", yaml)])
        return AttackGraph(snapshot: snapshot, index: RBACIndex(snapshot: snapshot), starts: [], reduceSelfGrants: reduce)
    }
}

/// Brute-force oracle: every hyperedge expanded to explicit (source, target, rank) edges, goal
/// holders decided by a direct check per state (``StateTable/allows(_:_:)``, not the who-can
/// bitsets), distances by Bellman-Ford relaxation to a fixed point.
struct BruteForce {
    let distance: [Int]
    let edges: [[(to: Int, rank: Int)]]

    init(graph: AttackGraph, goal: AccessRequest) {
        let n = graph.stateCount
        var edges = [[(to: Int, rank: Int)]](repeating: [], count: n)
        for h in graph.hyperedges {
            h.sources.forEachMember { s in
                for t in h.targets where Int(t) != s { edges[s].append((Int(t), h.rank)) }
            }
        }
        var dist = (0..<n).map { graph.table.allows($0, goal) ? 0 : Int.max }
        var changed = true
        while changed {
            changed = false
            for s in 0..<n {
                for e in edges[s] where dist[e.to] != Int.max && dist[e.to] + 1 < dist[s] {
                    dist[s] = dist[e.to] + 1
                    changed = true
                }
            }
        }
        distance = dist.map { $0 == Int.max ? -1 : $0 }
        self.edges = edges
    }
}

@Suite struct MinimalityTests {
    static let seeds: [UInt64] = Array(1...60)

    /// BFS distances equal the brute force for every state and goal; each path is a chain of
    /// explicit edges of that length ending in a holder, and its first step is the canonical one
    /// (smallest technique rank, then smallest target, among the edges to a state one step closer).
    @Test(arguments: seeds) func bfsMatchesBruteForce(seed: UInt64) {
        let graph = RandomWorld.graph(RandomWorld(seed: seed).yaml)
        for goal in RandomWorld.goals {
            let bfs = GoalDistances(graph: graph, goal: goal)
            let brute = BruteForce(graph: graph, goal: goal)
            for s in 0..<graph.stateCount {
                #expect(Int(bfs.distance[s]) == brute.distance[s], "seed \(seed) \(goal) \(graph.table[s])")
                guard let path = bfs.path(from: s, in: graph) else {
                    #expect(brute.distance[s] < 0)
                    continue
                }
                #expect(path.length == brute.distance[s])
                var cur = s
                for step in path.steps {
                    #expect(step.from == cur)
                    #expect(brute.edges[cur].contains { $0.to == step.to && $0.rank == TechniqueCatalog.rank(of: step.technique) })
                    cur = step.to
                }
                #expect(graph.table.allows(cur, goal))
                if let first = path.steps.first {
                    let best = brute.edges[s].filter { brute.distance[$0.to] == brute.distance[s] - 1 }
                        .min { ($0.rank, $0.to) < ($1.rank, $1.to) }
                    #expect(best.map { [$0.rank, $0.to] } == [TechniqueCatalog.rank(of: first.technique), first.to],
                            "seed \(seed) \(goal) \(graph.table[s])")
                }
            }
        }
    }

    /// The table's per-state principals (with its shortcut for ServiceAccounts) decide exactly
    /// what the authorizer decides for the state's identity, and its bulk answers agree.
    @Test func stateTableMatchesIdentities() {
        var checked = 0
        for seed in Self.seeds.prefix(20) {
            // Also bind the ServiceAccount groups, which the random worlds leave out.
            let groups = """
                ---
                apiVersion: rbac.authorization.k8s.io/v1
                kind: RoleBinding
                metadata: {name: sa-groups, namespace: beta}
                roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: cr-0}
                subjects:
                - {kind: Group, name: system:serviceaccounts:beta, apiGroup: rbac.authorization.k8s.io}
                - {kind: Group, name: system:serviceaccounts:alpha, apiGroup: rbac.authorization.k8s.io}
                ---
                apiVersion: rbac.authorization.k8s.io/v1
                kind: ClusterRoleBinding
                metadata: {name: all-sas}
                roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: cr-1}
                subjects:
                - {kind: Group, name: system:serviceaccounts, apiGroup: rbac.authorization.k8s.io}

                """
            let snapshot = ManifestLoader().load(sources: [("random.yaml", RandomWorld(seed: seed).yaml + groups)])
            let index = RBACIndex(snapshot: snapshot)
            var table = StateTable(index: index)
            table.add(AttackState(.serviceAccount(namespace: "alpha", name: "only-in-pods")))
            table.add(AttackState(.user("u1"), groups: ["g0", "system:serviceaccounts:beta"]))
            for request in RandomWorld.goals + [.r("create", "", "pods", ns: "beta"), .r("impersonate", "", "serviceaccounts", ns: "alpha")] {
                let bulk = table.allowed(request)
                for s in 0..<table.count where table[s].grant == nil {
                    let expected = index.allows(table[s].identity, request)
                    #expect(table.allows(s, request) == expected, "seed \(seed) \(table[s]) \(request)")
                    #expect(bulk.contains(s) == expected, "bulk seed \(seed) \(table[s]) \(request)")
                    checked += 1
                }
            }
        }
        #expect(checked > 2000)
    }

    /// A fixed-point round's context carries its cached answers over to the grown table
    /// (``AttackContext/init(extending:to:)``): each equals the answer computed afresh, with and
    /// without the reductions (which also change the universal states removed from answers).
    @Test func extendedContextMatchesFreshAnswers() {
        var compared = 0, grown = 0
        for seed in Self.seeds {
            let snapshot = ManifestLoader().load(sources: [("random.yaml", RandomWorld(seed: seed).yaml)])
            let index = RBACIndex(snapshot: snapshot)
            let candidates = Candidates(snapshot: snapshot, index: index)
            for reduce in [true, false] {
                var table = StateTable(index: index)
                for p in candidates.outsideIndex { table.add(AttackState(p)) }
                var context = AttackContext(table: table, candidates: candidates, reduceSelfGrants: reduce)
                context.dominance = reduce ? RoleDominance(context: context) : nil
                while true {
                    for t in TechniqueCatalog.granting { context.run(t) }
                    if context.newStates.isEmpty { break }
                    grown += 1
                    let next = AttackContext(extending: context, adding: AttackState.sorted(context.newStates))
                    let fresh = AttackContext(table: next.table, candidates: candidates, reduceSelfGrants: reduce)
                    #expect(next.universal == fresh.universal)
                    for r in next.cachedRequests {
                        compared += 1
                        #expect(next.allowed(r) == fresh.allowed(r), "seed \(seed) reduce \(reduce) \(r)")
                    }
                    context = next
                }
            }
        }
        #expect(grown > 20 && compared > 1000, "too few rounds exercised: \(grown) rounds, \(compared) answers")
    }

    /// The self-grant reductions change nothing for identities: same holders with the same
    /// distances as the unreduced graph, and every reduced path is a path of the unreduced graph
    /// (same techniques between the same states). Which of several equally short grant states a
    /// path names may differ (RoleDominance.swift keeps the larger role).
    @Test(arguments: seeds) func reducedGraphKeepsEveryPath(seed: UInt64) {
        let yaml = RandomWorld(seed: seed).yaml
        let reduced = RandomWorld.graph(yaml), full = RandomWorld.graph(yaml, reduce: false)
        #expect(reduced.stateCount <= full.stateCount)
        for goal in RandomWorld.goals {
            let r = reduced.transitiveHolders(of: goal), f = full.transitiveHolders(of: goal)
            #expect(r.map { "\($0.length) \($0.start)" } == f.map { "\($0.length) \($0.start)" }, "seed \(seed) \(goal)")
            for path in r {
                var cur = full.table.id(of: path.start)
                for step in path.steps {
                    let to = full.table.id(of: reduced.table[step.to])
                    let edge = cur.flatMap { c in full.edges(from: c).first { $0.to == to } }
                    // `edges(from:)` keeps the first technique per target; the step's may come later.
                    let exists = cur.map { c in full.hyperedges.contains { $0.technique == step.technique && $0.sources.contains(c) && $0.targets.contains(Int32(to ?? -1)) } } ?? false
                    #expect(edge != nil && exists, "seed \(seed) \(goal): \(path.start) step \(step.technique) → \(reduced.table[step.to])")
                    cur = to
                }
                #expect(cur.map { full.table.allows($0, goal) } == true)
            }
        }
    }

    /// An E9/E10 edge from an identity `X` to `X+G` is left out exactly when `X` already holds
    /// every request `G` allows in its scope, or `X` keeps an edge to a dominating grant state
    /// (RoleDominance.swift, E10), checked over the whole request vocabulary of the random worlds
    /// (literal `*` fields and a fresh name included).
    @Test(arguments: seeds) func grantEdgeMissingExactlyWhenSubsumed(seed: UInt64) {
        let yaml = RandomWorld(seed: seed).yaml
        let reduced = RandomWorld.graph(yaml), full = RandomWorld.graph(yaml, reduce: false)
        var vocabulary: [AccessRequest] = []
        for ns in RandomWorld.namespaces + [""] {
            for r in RandomWorld.rules + [("*", "*", ["*"])] {
                let parts = r.resource.split(separator: "/").map(String.init)
                for verb in r.verbs + ["*"] {
                    for name in RandomWorld.names + ["", AttackContext.freshName] {
                        vocabulary.append(.r(verb, r.group, parts[0], sub: parts.count > 1 ? parts[1] : "", name: name, ns: ns))
                    }
                }
            }
        }
        vocabulary += ["*", "/metrics"].flatMap { p in ["get", "*"].map { AccessRequest.nonResource(verb: $0, path: p) } }
        let granting = Set(TechniqueCatalog.granting.map { TechniqueCatalog.rank(of: $0.id) })
        let listed = reduced.table.mentionedNames
        func roleName(_ g: SelfGrant) -> String? {
            switch g {
            case .clusterRole(let n, _): n
            case .role(_, let n): n
            case .all: nil
            }
        }
        func holdsAll(_ big: SelfGrant, _ small: SelfGrant) -> Bool {
            vocabulary.allSatisfy { !full.table.grantAllows(small, $0) || full.table.grantAllows(big, $0) }
        }
        /// RoleDominance.swift and E10: `ALL@*` beats every other grant, `ALL@N` every grant of N;
        /// within one E9 technique an unlisted role beats a smaller unlisted one, or an equal later one.
        func dominates(_ big: SelfGrant, rank: Int, over small: SelfGrant, rank smallRank: Int) -> Bool {
            guard big != small else { return false }
            if big == .all(scope: .cluster) { return true }
            if case .all(let scope) = big { return scope == small.scope }
            guard rank == smallRank, let b = roleName(big), let a = roleName(small), !listed.contains(b), !listed.contains(a),
                  holdsAll(big, small) else { return false }
            return !holdsAll(small, big) || b < a
        }
        var checked = 0
        for h in full.hyperedges where granting.contains(h.rank) {
            h.sources.forEachMember { s in
                guard full.table[s].grant == nil, let t = h.targets.first, let grant = full.table[Int(t)].grant else { return }
                let target = full.table[Int(t)]
                let subsumed = vocabulary.allSatisfy { !full.table.allows(Int(t), $0) || full.table.allows(s, $0) }
                let rs = reduced.table.id(of: full.table[s])
                let reducedEdges = rs.map { reduced.hyperedges(leaving: $0) } ?? []
                let kept = reduced.table.id(of: target).map { rt in reducedEdges.contains { $0.to == rt } } ?? false
                let dominated = reducedEdges.contains { e in
                    guard let g = reduced.table[e.to].grant, granting.contains(e.rank) else { return false }
                    return dominates(g, rank: e.rank, over: grant, rank: h.rank)
                }
                #expect(kept == !(subsumed || dominated), "seed \(seed): \(full.table[s]) → \(target) (subsumed \(subsumed), dominated \(dominated))")
                checked += 1
            }
        }
        if seed == 1 { #expect(checked > 0) }
    }

    /// Hand-made cases: namespace admins, a holder of the role's rules, a holder of everything
    /// except non-resource URLs (still gains from `ALL@*`), and a plain binder.
    @Test func subsumptionCases() {
        let yaml = """
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata: {name: binder}
        rules:
        - {apiGroups: [rbac.authorization.k8s.io], resources: [rolebindings], verbs: [create]}
        - {apiGroups: [rbac.authorization.k8s.io], resources: [clusterroles], verbs: [bind]}
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata: {name: secret-reader}
        rules:
        - {apiGroups: [""], resources: [secrets], verbs: [get, list]}
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata: {name: everything}
        rules:
        - {apiGroups: ["*"], resources: ["*"], verbs: ["*"]}
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: RoleBinding
        metadata: {name: binders, namespace: prod}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: binder}
        subjects:
        - {kind: User, name: plain, apiGroup: rbac.authorization.k8s.io}
        - {kind: User, name: reader, apiGroup: rbac.authorization.k8s.io}
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: RoleBinding
        metadata: {name: readers, namespace: prod}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: secret-reader}
        subjects:
        - {kind: User, name: reader, apiGroup: rbac.authorization.k8s.io}
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: RoleBinding
        metadata: {name: admins, namespace: prod}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: everything}
        subjects:
        - {kind: User, name: nsadmin, apiGroup: rbac.authorization.k8s.io}
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRoleBinding
        metadata: {name: root}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: everything}
        subjects:
        - {kind: User, name: root, apiGroup: rbac.authorization.k8s.io}
        """
        let reduced = RandomWorld.graph(yaml), full = RandomWorld.graph(yaml, reduce: false)
        func has(_ g: AttackGraph, _ state: String) -> Bool { (0..<g.stateCount).contains { g.table[$0].description == state } }
        // plain may bind both roles in prod: `everything` holds all `secret-reader` does (RoleDominance),
        // so only that grant state is kept; reader already reads secrets there, nsadmin holds everything.
        #expect(has(reduced, "User:plain+ClusterRole:everything@prod"))
        #expect(!has(reduced, "User:plain+ClusterRole:secret-reader@prod"))
        #expect(has(full, "User:plain+ClusterRole:secret-reader@prod"))
        #expect(!has(reduced, "User:reader+ClusterRole:secret-reader@prod"))
        #expect(has(full, "User:reader+ClusterRole:secret-reader@prod"))
        #expect(has(reduced, "User:reader+ClusterRole:everything@prod"))
        #expect(!has(reduced, "User:nsadmin+ClusterRole:secret-reader@prod"))
        #expect(has(full, "User:nsadmin+ClusterRole:secret-reader@prod"))
        // root holds `*` on every resource but no non-resource URL: ALL@* still adds `/metrics`.
        #expect(has(reduced, "User:root+ALL@*"))
        #expect(!has(reduced, "User:root+ClusterRole:secret-reader@*"))
        #expect(has(full, "User:root+ClusterRole:secret-reader@*"))
    }

    /// Role dominance by hand: of two equivalent ClusterRoles the first is kept, a smaller one
    /// is dropped, a role some rule lists by name keeps its own edge, Roles compete only within
    /// their namespace, and `ALL@*` (E10, first binding named) replaces every other grant state.
    @Test func dominanceCases() {
        let yaml = """
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata: {name: binder}
        rules:
        - {apiGroups: [rbac.authorization.k8s.io], resources: [rolebindings], verbs: [create]}
        - {apiGroups: [rbac.authorization.k8s.io], resources: [clusterroles, roles], verbs: [bind]}
        - {apiGroups: [""], resources: [configmaps], verbs: [get], resourceNames: [listed]}
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata: {name: reader-b}
        rules:
        - {apiGroups: [""], resources: [secrets, pods], verbs: [get, list]}
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata: {name: reader-a}
        rules:
        - {apiGroups: [""], resources: [pods, secrets], verbs: [list, get]}
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata: {name: secrets-only}
        rules:
        - {apiGroups: [""], resources: [secrets], verbs: [get]}
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata: {name: listed}
        rules:
        - {apiGroups: [""], resources: [secrets], verbs: [get]}
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: Role
        metadata: {name: small, namespace: prod}
        rules:
        - {apiGroups: [""], resources: [pods], verbs: [get]}
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: Role
        metadata: {name: big, namespace: prod}
        rules:
        - {apiGroups: [""], resources: [pods], verbs: ["*"]}
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: Role
        metadata: {name: small, namespace: dev}
        rules:
        - {apiGroups: [""], resources: [pods], verbs: [get]}
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata: {name: escalator}
        rules:
        - {apiGroups: [rbac.authorization.k8s.io], resources: [clusterroles], verbs: [escalate, update]}
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRoleBinding
        metadata: {name: binders}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: binder}
        subjects:
        - {kind: User, name: plain, apiGroup: rbac.authorization.k8s.io}
        - {kind: User, name: esc, apiGroup: rbac.authorization.k8s.io}
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRoleBinding
        metadata: {name: esc-1}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: escalator}
        subjects:
        - {kind: User, name: esc, apiGroup: rbac.authorization.k8s.io}
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRoleBinding
        metadata: {name: esc-2}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: escalator}
        subjects:
        - {kind: User, name: esc, apiGroup: rbac.authorization.k8s.io}
        - {kind: Group, name: devs, apiGroup: rbac.authorization.k8s.io}
        """
        let reduced = RandomWorld.graph(yaml), full = RandomWorld.graph(yaml, reduce: false)
        func grants(_ g: AttackGraph, _ user: String) -> [String] {
            (0..<g.stateCount).map { g.table[$0].description }.filter { $0.hasPrefix("User:\(user)+") && $0.hasSuffix("@prod") }.sorted()
        }
        #expect(grants(reduced, "plain") == [
            "User:plain+ClusterRole:escalator@prod", "User:plain+ClusterRole:listed@prod", "User:plain+ClusterRole:reader-a@prod",
            "User:plain+Role:prod/big@prod",
        ])
        // binder: plain holds it already (GrantSubsumption); reader-b equals reader-a, which comes first.
        #expect(grants(full, "plain").contains("User:plain+ClusterRole:reader-b@prod"))
        #expect(grants(full, "plain").contains("User:plain+ClusterRole:secrets-only@prod"))
        #expect(grants(full, "plain").contains("User:plain+Role:prod/small@prod"))
        // esc may escalate every ClusterRole bound to it (binder, and escalator twice): one edge to
        // ALL@*, through the first binding, and no other grant state.
        #expect(grants(reduced, "esc").isEmpty)
        #expect(!grants(full, "esc").isEmpty)
        guard let esc = reduced.table.id(of: AttackState(.user("esc"))) else { Issue.record("no esc"); return }
        let out = reduced.hyperedges.filter { $0.sources.contains(esc) && $0.technique.raw == "E10" }
        #expect(out.map { "\(reduced.table[Int($0.targets[0])]) \($0.object)" } == ["User:esc+ALL@* ClusterRoleBinding/binders → ClusterRole/binder"])
        #expect(full.hyperedges.filter { $0.sources.contains(esc) && $0.technique.raw == "E10" }.count == 3)
        let goal = AccessRequest(verb: "get", resource: "secrets", name: "db", namespace: "prod")
        #expect(reduced.path(from: AttackState(.user("plain")), to: goal)?.length == 1)
        #expect(reduced.path(from: AttackState(.user("esc")), to: goal)?.length == 1)
    }

    /// Two grants in a row: `u` may bind only `binder-anything`, which lets `u+ClusterRole:binder-anything@prod`
    /// bind any ClusterRole, so the second hop starts from a grant state whose base lacks the edge
    /// (the redundant-grant-state rule must not drop it).
    /// E10 through bindings whose subject is a group with member states (the word-parallel
    /// path): each state keeps the edge of the first binding per scope that covers it, a user
    /// bound directly first keeps that binding, and `ALL@*` suppresses `ALL@prod`.
    @Test func escalationThroughGroups() {
        let yaml = """
        apiVersion: v1
        kind: ServiceAccount
        metadata: {name: app, namespace: prod}
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata: {name: escalator}
        rules:
        - {apiGroups: [rbac.authorization.k8s.io], resources: [clusterroles], verbs: [escalate, update]}
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRoleBinding
        metadata: {name: a-user}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: escalator}
        subjects:
        - {kind: User, name: u1, apiGroup: rbac.authorization.k8s.io}
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRoleBinding
        metadata: {name: b-everyone}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: escalator}
        subjects:
        - {kind: Group, name: system:authenticated, apiGroup: rbac.authorization.k8s.io}
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRoleBinding
        metadata: {name: c-everyone-again}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: escalator}
        subjects:
        - {kind: Group, name: system:serviceaccounts, apiGroup: rbac.authorization.k8s.io}
        - {kind: Group, name: system:authenticated, apiGroup: rbac.authorization.k8s.io}
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: RoleBinding
        metadata: {name: d-prod, namespace: prod}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: escalator}
        subjects:
        - {kind: Group, name: system:serviceaccounts:prod, apiGroup: rbac.authorization.k8s.io}
        """
        let reduced = RandomWorld.graph(yaml), full = RandomWorld.graph(yaml, reduce: false)
        func e10(_ g: AttackGraph, _ state: AttackState) -> [String] {
            guard let id = g.table.id(of: state) else { return ["missing \(state)"] }
            return g.hyperedges.filter { $0.sources.contains(id) && $0.technique.raw == "E10" }
                .map { "\(g.table[Int($0.targets[0])]) \($0.object)" }.sorted()
        }
        let u1 = AttackState(.user("u1")), sa = AttackState(.serviceAccount(namespace: "prod", name: "app"))
        let everyone = AttackState(.group("system:authenticated"))
        #expect(e10(reduced, u1) == ["User:u1+ALL@* ClusterRoleBinding/a-user → ClusterRole/escalator"])
        #expect(e10(reduced, sa) == ["ServiceAccount:prod/app+ALL@* ClusterRoleBinding/b-everyone → ClusterRole/escalator"])
        #expect(e10(reduced, everyone) == ["Group:system:authenticated+ALL@* ClusterRoleBinding/b-everyone → ClusterRole/escalator"])
        // Unreduced: every binding that covers the state.
        #expect(e10(full, u1).count == 3)
        #expect(e10(full, sa) == [
            "ServiceAccount:prod/app+ALL@* ClusterRoleBinding/b-everyone → ClusterRole/escalator",
            "ServiceAccount:prod/app+ALL@* ClusterRoleBinding/c-everyone-again → ClusterRole/escalator",
            "ServiceAccount:prod/app+ALL@prod RoleBinding/prod/d-prod → ClusterRole/escalator",
        ])
    }

    @Test func grantStateWhoseBaseCannotBind() {
        let yaml = """
        apiVersion: rbac.authorization.k8s.io/v1
        kind: Role
        metadata: {name: start, namespace: prod}
        rules:
        - {apiGroups: [rbac.authorization.k8s.io], resources: [rolebindings], verbs: [create]}
        - {apiGroups: [rbac.authorization.k8s.io], resources: [clusterroles], verbs: [bind], resourceNames: [binder-anything]}
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata: {name: binder-anything}
        rules:
        - {apiGroups: [rbac.authorization.k8s.io], resources: [clusterroles], verbs: [bind]}
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata: {name: secret-reader}
        rules:
        - {apiGroups: [""], resources: [secrets], verbs: [get]}
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: RoleBinding
        metadata: {name: start, namespace: prod}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: start}
        subjects:
        - {kind: User, name: u, apiGroup: rbac.authorization.k8s.io}
        """
        let goal = AccessRequest(verb: "get", resource: "secrets", name: "db", namespace: "prod")
        for graph in [RandomWorld.graph(yaml), RandomWorld.graph(yaml, reduce: false)] {
            let path = graph.path(from: AttackState(.user("u")), to: goal)
            #expect(path?.steps.map { "\($0.technique) \(graph.table[$0.to])" } == [
                "E9a User:u+ClusterRole:binder-anything@prod", "E9a User:u+ClusterRole:secret-reader@prod",
            ])
        }
    }
}

extension AttackGraph {
    /// Every (target, technique rank) pair leaving `state`, repeats included (test helper).
    func hyperedges(leaving state: Int) -> [(to: Int, rank: Int)] {
        hyperedges.filter { $0.sources.contains(state) }.flatMap { h in h.targets.map { (Int($0), h.rank) } }
    }
}
