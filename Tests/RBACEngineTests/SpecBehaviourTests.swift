import ReachModel
import Testing
@testable import RBACEngine

/// One test per behaviour of `../shared/spec/rbac.md` (rule numbers in the names).
@Suite struct SpecBehaviourTests {
    static let podsReader = PolicyRule(verbs: ["get"], apiGroups: [""], resources: ["pods"])
    static let getPods = AccessRequest(verb: "get", resource: "pods", namespace: "dev")

    @Test func rule1_groupsAreExactlyWhatIsGiven() {
        var w = TestWorld()
        w.clusterRole("r", Self.podsReader)
        w.clusterRoleBinding("r", "Group:system:authenticated")
        let index = w.index()
        #expect(!index.allows(Identity(user: "alice"), Self.getPods))
        #expect(index.allows(Identity(user: "alice", groups: ["system:authenticated"]), Self.getPods))
        // A check naming a service-account user gets no implied groups either.
        #expect(!index.allows(Identity(user: "system:serviceaccount:dev:a"), Self.getPods))
    }

    @Test func rule1_serviceAccountIdentityHasItsThreeGroups() {
        let id = Identity.serviceAccount(namespace: "dev", name: "a")
        #expect(id.user == "system:serviceaccount:dev:a")
        #expect(id.groups == ["system:serviceaccounts", "system:serviceaccounts:dev", "system:authenticated"])
        for group in id.groups {
            var w = TestWorld()
            w.clusterRole("r", Self.podsReader)
            w.clusterRoleBinding("r", "Group:\(group)")
            #expect(w.index().allows(id, Self.getPods), "\(group)")
        }
        #expect(Identity.impersonating(.user("u")).groups == ["system:authenticated"])
        #expect(Identity.impersonating(.user("system:anonymous")).groups == ["system:unauthenticated"])
    }

    @Test func rule2_emptyNamespaceUsesOnlyClusterRoleBindings() {
        var w = TestWorld()
        w.clusterRole("r", PolicyRule(verbs: ["list"], apiGroups: [""], resources: ["pods"]))
        w.roleBinding("dev", "r", kind: "ClusterRole", "User:ns-user")
        w.clusterRoleBinding("r", "User:cluster-user")
        let index = w.index()
        let all = AccessRequest(verb: "list", resource: "pods")
        #expect(!index.allows(Identity(user: "ns-user"), all))
        #expect(index.allows(Identity(user: "ns-user"), AccessRequest(verb: "list", resource: "pods", namespace: "dev")))
        #expect(!index.allows(Identity(user: "ns-user"), AccessRequest(verb: "list", resource: "pods", namespace: "prod")))
        #expect(index.allows(Identity(user: "cluster-user"), all))
        #expect(index.allows(Identity(user: "cluster-user"), AccessRequest(verb: "list", resource: "pods", namespace: "prod")))
        // The authorizer does not know nodes are cluster-scoped: a namespaced "nodes" request is literal.
        w.clusterRole("n", PolicyRule(verbs: ["get"], apiGroups: [""], resources: ["nodes"]))
        w.roleBinding("dev", "n", kind: "ClusterRole", "User:ns-user")
        #expect(w.index().allows(Identity(user: "ns-user"), AccessRequest(verb: "get", resource: "nodes", namespace: "dev")))
        #expect(index.subjects(of: index.whoCan(all)).map(\.description) == ["Group:system:masters", "User:cluster-user"])
    }

    @Test func rule2_nonResourceRequestsIgnoreRoleBindings() {
        var w = TestWorld()
        w.clusterRole("m", PolicyRule(verbs: ["get"], nonResourceURLs: ["/metrics"]))
        w.roleBinding("dev", "m", kind: "ClusterRole", "User:ns-user")
        #expect(!w.index().allows(Identity(user: "ns-user"), AccessRequest(verb: "get", namespace: "dev", nonResourceURL: "/metrics")))
    }

    @Test(arguments: [true, false])
    func rule3_systemMastersConvention(enabled: Bool) {
        var w = TestWorld()
        w.clusterRole("r", Self.podsReader)
        let index = w.index(masters: enabled)
        let root = Identity(user: "root", groups: ["system:masters"])
        #expect(index.allows(root, AccessRequest(verb: "delete", resource: "anything")) == enabled)
        #expect(index.check(root, Self.getPods).bySystemMasters == enabled)
        let subjects = index.subjects(of: index.whoCan(Self.getPods)).map(\.description)
        #expect(subjects == (enabled ? ["Group:system:masters"] : []))
    }

    @Test(arguments: [
        // (rule resources, names, request resource, sub, name, expected)
        (["*/*"], [String](), "pods", "exec", "", false),
        (["*/*"], [], "pods", "*", "", true),
        (["pods/*"], [], "pods", "exec", "", false),
        (["*/scale"], [], "deployments", "scale", "", true),
        (["*/scale"], [], "deployments", "", "", false),
        (["*"], [], "deployments", "scale", "", true),
        (["secrets"], ["*"], "secrets", "", "db", false),
        (["secrets"], ["*"], "secrets", "", "*", true),
        (["secrets"], ["db"], "secrets", "", "", false),
        (["secrets"], ["db"], "secrets", "", "db", true),
        (["Secrets"], [], "secrets", "", "", false),
    ])
    func rule4_matchingIsExactAndCaseSensitive(resources: [String], names: [String], resource: String, sub: String, name: String, expected: Bool) {
        let rule = PolicyRule(verbs: ["get"], apiGroups: [""], resources: resources, resourceNames: names)
        let request = AccessRequest(verb: "get", resource: resource, subresource: sub, name: name, namespace: "dev")
        #expect(RuleMatching.allows(rule, request) == expected)
        #expect(RuleIndex(rules: [rule]).matching(request).contains(0) == expected)
    }

    @Test func rule4_rulesWithoutVerbsOrGroupsMatchNothing_andKindsDoNotCross() {
        let noVerbs = PolicyRule(verbs: [], apiGroups: ["*"], resources: ["*"], nonResourceURLs: ["*"])
        let noGroups = PolicyRule(verbs: ["*"], apiGroups: [], resources: ["*"])
        let urlOnly = PolicyRule(verbs: ["*"], nonResourceURLs: ["*"])
        let index = RuleIndex(rules: [noVerbs, noGroups, urlOnly])
        #expect(index.matching(Self.getPods).isEmpty)
        #expect(index.matching(.nonResource(verb: "get", path: "/x")).members == [2])
        #expect(!RuleMatching.allows(noGroups, Self.getPods))
        #expect(!RuleMatching.allows(urlOnly, Self.getPods))
        #expect(!RuleMatching.allows(PolicyRule(verbs: ["*"], apiGroups: ["*"], resources: ["*"]), .nonResource(verb: "get", path: "/x")))
    }

    @Test func rule4_nonResourcePrefixTrimsEveryTrailingStar() {
        let rule = PolicyRule(verbs: ["get"], nonResourceURLs: ["/logs**"])
        #expect(RuleMatching.allows(rule, .nonResource(verb: "get", path: "/logs/kubelet")))
        #expect(RuleMatching.allows(rule, .nonResource(verb: "get", path: "/logsx")))
        #expect(!RuleMatching.allows(rule, .nonResource(verb: "get", path: "/log")))
        #expect(RuleIndex(rules: [rule]).matching(.nonResource(verb: "get", path: "/logsx")).contains(0))
    }

    @Test func rule5_rolesAreLookedUpInTheBindingsNamespace_missingOnesWarn() {
        var w = TestWorld()
        w.role("reader", "other", Self.podsReader)
        w.roleBinding("dev", "reader", "User:a")          // Role dev/reader does not exist
        w.roleBinding("dev", "nope", kind: "ClusterRole", "User:a")
        w.clusterRole("reader", Self.podsReader)          // same name, but a Role ref never finds a ClusterRole
        w.roleBinding("dev", "reader", kind: "ClusterRole", "User:b")
        let index = w.index()
        #expect(!index.allows(Identity(user: "a"), Self.getPods))
        #expect(index.allows(Identity(user: "b"), Self.getPods))
        let missing = index.diagnostics.filter { $0.id == RBACDiagnosticID.missingRole }
        #expect(missing.count == 2)
        #expect(missing.allSatisfy { $0.severity == .warning && $0.path == "roleRef" && $0.location != nil })
        w.role("reader", "dev", Self.podsReader)
        #expect(w.index().allows(Identity(user: "a"), Self.getPods))
    }

    @Test func rule6_subjects() {
        var w = TestWorld()
        w.clusterRole("r", Self.podsReader)
        w.rawBinding("dev", roleKind: "ClusterRole", role: "r", subjects: [Subject(kind: "ServiceAccount", name: "defaulted")])
        w.rawBinding(nil, roleKind: "ClusterRole", role: "r", subjects: [Subject(kind: "ServiceAccount", name: "nons")])
        w.rawBinding(nil, roleKind: "ClusterRole", role: "r", subjects: [Subject(kind: "User", name: "system:serviceaccount:ops:bot")])
        w.rawBinding(nil, roleKind: "ClusterRole", role: "r", subjects: [Subject(kind: "user", name: "lower"), Subject(kind: "Robot", name: "r2")])
        let index = w.index()
        #expect(index.allows(.serviceAccount(namespace: "dev", name: "defaulted"), Self.getPods))
        #expect(!index.allows(.serviceAccount(namespace: "", name: "nons"), Self.getPods))
        #expect(index.allows(.serviceAccount(namespace: "ops", name: "bot"), Self.getPods))
        #expect(!index.allows(Identity(user: "lower"), Self.getPods))
        let who = index.subjects(of: index.whoCan(Self.getPods)).map(\.description)
        // rbac.md "who-can": the subject as named in the binding, and the service account it is.
        #expect(who == ["Group:system:masters", "ServiceAccount:dev/defaulted", "ServiceAccount:ops/bot",
                        "User:system:serviceaccount:ops:bot"])
        let ids = index.diagnostics.map(\.id)
        #expect(ids.filter { $0 == RBACDiagnosticID.serviceAccountWithoutNamespace }.count == 1)
        #expect(ids.filter { $0 == RBACDiagnosticID.unknownSubjectKind }.count == 2)
        #expect(ids.contains(RBACDiagnosticID.userIsServiceAccount))
    }

    @Test func rule6_explicitServiceAccountNamespaceWinsInRoleBinding() {
        var w = TestWorld()
        w.clusterRole("r", Self.podsReader)
        w.roleBinding("dev", "r", kind: "ClusterRole", "ServiceAccount:ci/deployer")
        #expect(w.index().allows(.serviceAccount(namespace: "ci", name: "deployer"), Self.getPods))
        #expect(!w.index().allows(.serviceAccount(namespace: "dev", name: "deployer"), Self.getPods))
    }
}

/// Diagnostic IDs are stable, unique and documented.
@Suite struct RBACDiagnosticIDTests {
    @Test func idsAreUniqueAndWellFormed() {
        let ids = RBACDiagnosticID.all.map(\.id)
        #expect(Set(ids).count == ids.count)
        #expect(ids.allSatisfy { $0.hasPrefix("KR-RBAC-") && $0.count == 11 })
        #expect(RBACDiagnosticID.all.allSatisfy { !$0.summary.isEmpty })
    }
}
