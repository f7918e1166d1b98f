import ReachModel
import Testing
@testable import RBACEngine

/// rbac.md "who-can": named subjects, service-account expansion, sorting, reasons.
@Suite struct WhoCanTests {
    static let getSecrets = AccessRequest(verb: "get", resource: "secrets", name: "db", namespace: "prod")

    static func world() -> TestWorld {
        var w = TestWorld()
        w.clusterRole("secret-reader", PolicyRule(verbs: ["get"], apiGroups: [""], resources: ["secrets"]))
        for (ns, name) in [("prod", "api"), ("prod", "web"), ("dev", "ci"), ("kube-system", "x")] { w.serviceAccount(ns, name) }
        return w
    }

    @Test func serviceAccountsOfANamespaceGroupAreExpanded() {
        var w = Self.world()
        w.roleBinding("prod", "secret-reader", kind: "ClusterRole", "Group:system:serviceaccounts:prod", "User:zed", "User:Alice")
        let index = w.index()
        let answer = index.whoCan(Self.getSecrets)
        #expect(index.subjects(of: answer).map(\.description) == [
            "Group:system:masters", "Group:system:serviceaccounts:prod",
            "ServiceAccount:prod/api", "ServiceAccount:prod/web", "User:Alice", "User:zed",
        ])
        let why = index.grants(in: answer, for: .serviceAccount(namespace: "prod", name: "api"))
        #expect(why.map(\.via) == [.group("system:serviceaccounts:prod")])
        #expect(why.first?.role.name == "secret-reader")
        #expect(answer.mastersByConvention)
    }

    @Test(arguments: ["system:authenticated", "system:serviceaccounts"])
    func clusterWideGroupsExpandToEveryServiceAccount(group: String) {
        var w = Self.world()
        w.clusterRoleBinding("secret-reader", "Group:\(group)")
        let index = w.index()
        let sas = index.subjects(of: index.whoCan(Self.getSecrets)).filter {
            if case .serviceAccount = $0 { return true } else { return false }
        }
        #expect(sas.count == 4)
    }

    @Test func usersAreNeverInvented_andOtherNamespacesDoNotCount() {
        var w = Self.world()
        w.roleBinding("dev", "secret-reader", kind: "ClusterRole", "Group:system:authenticated")
        let index = w.index(masters: false)
        #expect(index.subjects(of: index.whoCan(Self.getSecrets)).isEmpty)
        let dev = index.whoCan(AccessRequest(verb: "get", resource: "secrets", namespace: "dev"))
        #expect(index.subjects(of: dev).map(\.description) == [
            "Group:system:authenticated", "ServiceAccount:dev/ci", "ServiceAccount:kube-system/x",
            "ServiceAccount:prod/api", "ServiceAccount:prod/web",
        ])
    }

    @Test func subjectsNamedOnlyInBindingsAppear_userServiceAccountIsNormalised() {
        var w = Self.world()
        w.clusterRoleBinding("secret-reader", "User:system:serviceaccount:ghost:sa", "ServiceAccount:prod/api")
        let index = w.index(masters: false)
        #expect(index.subjects(of: index.whoCan(Self.getSecrets)).map(\.description)
                == ["ServiceAccount:ghost/sa", "ServiceAccount:prod/api", "User:system:serviceaccount:ghost:sa"])
    }

    /// Issue 16 / rbac.md "who-can": "every subject named in a binding … whose role allows Q; and
    /// every ServiceAccount object present in the input whose identity is allowed Q". A binding
    /// naming `User:system:serviceaccount:prod:api` while ServiceAccount prod/api exists lists both
    /// (before: the User subject was dropped, folded into the ServiceAccount).
    @Test func userNamedServiceAccountIsListedAsNamedAndAsTheObject() {
        var w = Self.world()
        w.clusterRoleBinding("secret-reader", "User:system:serviceaccount:prod:api")
        let index = w.index(masters: false)
        let who = index.subjects(of: index.whoCan(Self.getSecrets)).map(\.description)
        #expect(who == ["ServiceAccount:prod/api", "User:system:serviceaccount:prod:api"])
        // Authorization is unchanged: the username is the service account.
        #expect(index.allows(Identity(user: "system:serviceaccount:prod:api"), Self.getSecrets))
    }

    @Test func sortingIsByCodePoint() {
        #expect(Principal.group("Z") < Principal.group("a"))
        #expect(Principal.group("x") < Principal.serviceAccount(namespace: "a", name: "b"))
        #expect(Principal.serviceAccount(namespace: "a", name: "b") < Principal.user("a"))
    }

    @Test func principalsParse() {
        #expect(Principal(parsing: "User:alice") == .user("alice"))
        #expect(Principal(parsing: "User:system:serviceaccount:a:b") == .serviceAccount(namespace: "a", name: "b"))
        #expect(Principal(parsing: "ServiceAccount:ns/sa") == .serviceAccount(namespace: "ns", name: "sa"))
        #expect(Principal(parsing: "Group:g") == .group("g"))
        #expect(Principal(parsing: "ServiceAccount:sa") == nil)
        #expect(Principal(parsing: "alice") == nil)
        #expect(Principal.forUsername("system:serviceaccount:a:b:c") == .user("system:serviceaccount:a:b:c"))
    }
}
