import AttackGraph
import RBACEngine
import ReachTestSupport
import Testing

/// Multi-hop paths, minimality, ties, unreachable goals and pod facts on
/// `Fixtures/attacks/scenarios/multihop.yaml`.
@Suite struct ScenarioTests {
    static let world = World("attacks/scenarios/multihop.yaml")
    static let prodDB = AccessRequest(verb: "get", resource: "secrets", name: "db", namespace: "prod")

    @Test func createPodsThenBindThenReadSecrets() {
        #expect(Self.world.hops("User:mallory", Self.prodDB) == [
            "E1 ServiceAccount:dev/deployer",
            "E9a ServiceAccount:dev/deployer+ClusterRole:secret-reader@prod",
        ])
    }

    @Test func pathsAreMinimal() {
        // carol → deployer (E1) → grant: two edges; helper → carol → deployer → grant: three.
        #expect(Self.world.hops("User:carol", Self.prodDB)?.count == 2)
        #expect(Self.world.hops("ServiceAccount:dev/helper", Self.prodDB)?.count == 3)
        #expect(Self.world.hops("User:dba", Self.prodDB) == [])
        // Every state's distance is one more than its best successor's (BFS invariant).
        let d = GoalDistances(graph: Self.world.graph, goal: Self.prodDB)
        for s in 0..<Self.world.graph.stateCount where d.distance[s] > 0 {
            let best = Self.world.graph.edges(from: s).map { d.distance[$0.to] }.filter { $0 >= 0 }.min()
            #expect(best == d.distance[s] - 1)
        }
    }

    @Test func unreachableGoals() {
        let kubeSystem = AccessRequest(verb: "get", resource: "secrets", name: "db", namespace: "kube-system")
        #expect(Self.world.hops("User:mallory", kubeSystem) == nil)
        // The self-grant is valid only in prod.
        let devSecrets = AccessRequest(verb: "get", resource: "secrets", namespace: "dev")
        #expect(Self.world.hops("User:mallory", devSecrets) == nil)
        #expect(Self.world.hops("User:eve", Self.prodDB) == nil)
    }

    @Test func tiesFollowTheTableOrder() {
        // trent can both create pods (E1) and request deployer's token (E4): E4 comes first.
        #expect(Self.world.edges("User:trent", "ServiceAccount:dev/deployer").map(\.technique.raw) == ["E4"])
    }

    @Test func tokenAutomountPodOverridesServiceAccount() {
        let w = Self.world
        #expect(w.edges("User:eve", "ServiceAccount:ops/quiet").isEmpty)
        #expect(w.edges("User:eve", "ServiceAccount:ops/loud").isEmpty)
        #expect(w.edges("User:eve", "ServiceAccount:ops/mixed").map(\.technique.raw) == ["E7"])
        #expect(w.edges("User:eve", "ServiceAccount:ops/default").map(\.object) == ["Pod/ops/e"])
    }

    @Test func transitiveHoldersAreRankedByLength() {
        let holders = Self.world.graph.transitiveHolders(of: Self.prodDB)
        let list = holders.map { "\($0.length) \($0.start)" }
        #expect(list.contains("0 User:dba"))
        #expect(list.contains("0 Group:system:masters"))
        #expect(list.contains("2 User:mallory"))
        #expect(list.contains("3 ServiceAccount:dev/helper"))
        #expect(!list.contains { $0.hasSuffix("User:eve") })
        #expect(holders.map(\.length) == holders.map(\.length).sorted())
    }

    @Test func adminEquivalents() {
        let admin = Self.world.graph.transitiveHolders(of: AttackGraph.adminGoal).map { "\($0.length) \($0.start)" }
        #expect(admin == ["0 Group:system:masters", "1 User:erin", "1 User:ivan"])
        #expect(Self.world.hops("User:ivan", AttackGraph.adminGoal) == ["E5c Group:system:masters"])
        #expect(Self.world.hops("User:erin", AttackGraph.adminGoal) == ["E10 User:erin+ALL@*"])
    }

    /// An E5c step names the group impersonation and the user impersonation that makes it
    /// valid (`Impersonate-Group` needs `Impersonate-User`): an unrestricted one, a named
    /// candidate user, or a ServiceAccount (E5a's request) — whichever the actor holds first.
    @Test func groupImpersonationNamesTheUserImpersonationHeld() {
        func actor(_ name: String, _ rules: String) -> String {
            """
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRole
            metadata: {name: \(name)}
            rules:
            - {apiGroups: [""], resources: [groups], verbs: [impersonate], resourceNames: [ops]}
            \(rules)
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRoleBinding
            metadata: {name: \(name)}
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: \(name)}
            subjects:
            - {kind: User, name: \(name), apiGroup: rbac.authorization.k8s.io}

            """
        }
        let yaml = """
            apiVersion: v1
            kind: ServiceAccount
            metadata: {name: app, namespace: prod}
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRole
            metadata: {name: viewer}
            rules:
            - {apiGroups: [""], resources: [configmaps], verbs: [get]}
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRoleBinding
            metadata: {name: viewers}
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: viewer}
            subjects:
            - {kind: User, name: alice, apiGroup: rbac.authorization.k8s.io}
            - {kind: Group, name: ops, apiGroup: rbac.authorization.k8s.io}

            """
            + actor("any", "- {apiGroups: [\"\"], resources: [users], verbs: [impersonate]}")
            + actor("named", "- {apiGroups: [\"\"], resources: [users], verbs: [impersonate], resourceNames: [alice]}")
            + actor("viasa", "- {apiGroups: [\"\"], resources: [serviceaccounts], verbs: [impersonate]}")
            + actor("grouponly", "")
        let graph = RandomWorld.graph(yaml)
        func e5c(_ user: String) -> [String]? {
            guard let id = graph.table.id(of: AttackState(.user(user))) else { return nil }
            return graph.edges(from: id).filter { $0.technique.raw == "E5c" }.map { edge in
                "\(graph.table[edge.to]) " + edge.requests.filter { graph.table.allows(id, $0) }
                    .map { "\($0.verb) \($0.resource) \($0.name) \($0.namespace)" }.joined(separator: ", ")
            }
        }
        #expect(e5c("any") == ["Group:ops impersonate groups ops , impersonate users \(AttackContext.freshName) "])
        #expect(e5c("named") == ["Group:ops impersonate groups ops , impersonate users alice "])
        #expect(e5c("viasa") == ["Group:ops impersonate groups ops , impersonate serviceaccounts app prod"])
        #expect(e5c("grouponly") == [])
    }

    @Test func startWithExtraGroups() {
        let start = AttackState(.user("zed"), groups: ["system:authenticated", "system:masters"])
        let w = World("attacks/scenarios/multihop.yaml", starts: [start])
        #expect(w.graph.path(from: start, to: Self.prodDB)?.length == 0)
        let plain = AttackState(.user("zed"), groups: ["system:authenticated"])
        let w2 = World("attacks/scenarios/multihop.yaml", starts: [plain])
        #expect(w2.graph.path(from: plain, to: Self.prodDB) == nil)
    }
}
