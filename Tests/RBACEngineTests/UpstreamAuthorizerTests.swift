import ReachModel
import Testing
@testable import RBACEngine

/// Transcribed from kubernetes `plugin/pkg/auth/authorizer/rbac/rbac_test.go`, `TestAuthorizer`
/// (its four cases, shouldPass / shouldFail lists verbatim; `strings.Split("", ",")` = `[""]`
/// is reproduced by ``TestWorld/rule(_:_:_:_:)`` and ``Attr``).
@Suite struct UpstreamAuthorizerTests {
    struct Case: Sendable, CustomStringConvertible {
        var name: String
        var world: @Sendable () -> TestWorld
        var shouldPass: [Check]
        var shouldFail: [Check]
        var description: String { name }
    }

    /// A resource attribute (`defaultAttributes`) or a non-resource `AttributesRecord`.
    enum Check: Sendable {
        case res(Attr)
        case url(user: String, groups: [String], verb: String, path: String)

        var identity: Identity {
            switch self {
            case .res(let a): a.identity
            case .url(let u, let g, _, _): Identity(user: u, groups: g)
            }
        }
        var request: AccessRequest {
            switch self {
            case .res(let a): a.request
            case .url(_, _, let v, let p): .nonResource(verb: v, path: p)
            }
        }
    }

    static let cases: [Case] = [
        Case(name: "case 0: RoleBinding to a * ClusterRole", world: {
            var w = TestWorld()
            w.clusterRole("admin", TestWorld.rule("*", "*", "*", "*"))
            w.roleBinding("ns1", "admin", kind: "ClusterRole", "User:admin", "Group:admins")
            return w
        }, shouldPass: [
            .res(Attr("admin", "", "get", "Pods", "", "ns1", "")),
            .res(Attr("admin", "", "watch", "Pods", "", "ns1", "")),
            .res(Attr("admin", "group1", "watch", "Foobar", "", "ns1", "")),
            .res(Attr("joe", "admins", "watch", "Foobar", "", "ns1", "")),
            .res(Attr("joe", "group1,admins", "watch", "Foobar", "", "ns1", "")),
        ], shouldFail: [
            .res(Attr("admin", "", "GET", "Pods", "", "ns2", "")),
            .res(Attr("admin", "", "GET", "Nodes", "", "", "")),
            .res(Attr("admin", "admins", "GET", "Pods", "", "ns2", "")),
            .res(Attr("admin", "admins", "GET", "Nodes", "", "", "")),
        ]),
        Case(name: "case 1: non-resource URLs", world: {
            var w = TestWorld()
            w.clusterRole("non-resource-url-getter", TestWorld.rule("get", "", "", "/apis"))
            w.clusterRole("non-resource-url", TestWorld.rule("*", "", "", "/apis"))
            w.clusterRole("non-resource-url-prefix", TestWorld.rule("get", "", "", "/apis/*"))
            w.clusterRoleBinding("non-resource-url-getter", "User:foo", "Group:bar")
            w.clusterRoleBinding("non-resource-url", "User:admin", "Group:admin")
            w.clusterRoleBinding("non-resource-url-prefix", "User:prefixed", "Group:prefixed")
            return w
        }, shouldPass: [
            .url(user: "foo", groups: [], verb: "get", path: "/apis"),
            .url(user: "", groups: ["bar"], verb: "get", path: "/apis"),
            .url(user: "admin", groups: [], verb: "get", path: "/apis"),
            .url(user: "", groups: ["admin"], verb: "get", path: "/apis"),
            .url(user: "admin", groups: [], verb: "watch", path: "/apis"),
            .url(user: "", groups: ["admin"], verb: "watch", path: "/apis"),
            .url(user: "prefixed", groups: [], verb: "get", path: "/apis/v1"),
            .url(user: "", groups: ["prefixed"], verb: "get", path: "/apis/v1"),
            .url(user: "prefixed", groups: [], verb: "get", path: "/apis/v1/foobar"),
            .url(user: "", groups: ["prefixed"], verb: "get", path: "/apis/v1/foorbar"),
        ], shouldFail: [
            .url(user: "foo", groups: [], verb: "watch", path: "/apis"),
            .url(user: "", groups: ["bar"], verb: "watch", path: "/apis"),
            .url(user: "foo", groups: [], verb: "get", path: "/api/v1"),
            .url(user: "", groups: ["bar"], verb: "get", path: "/api/v1"),
            .url(user: "admin", groups: [], verb: "get", path: "/api/v1"),
            .url(user: "", groups: ["admin"], verb: "get", path: "/api/v1"),
            .url(user: "prefixed", groups: [], verb: "get", path: "/api/v1"),
            .url(user: "", groups: ["prefixed"], verb: "get", path: "/api/v1"),
        ]),
        Case(name: "case 2: pods does not grant pods/status", world: {
            var w = TestWorld()
            w.clusterRole("admin", TestWorld.rule("*", "*", "pods", "*"))
            w.roleBinding("ns1", "admin", kind: "ClusterRole", "User:admin", "Group:admins")
            return w
        }, shouldPass: [.res(Attr("admin", "", "get", "pods", "", "ns1", ""))],
           shouldFail: [.res(Attr("admin", "", "get", "pods", "status", "ns1", ""))]),
        Case(name: "case 3: pods/status does not grant pods", world: {
            var w = TestWorld()
            w.clusterRole("admin", TestWorld.rule("*", "*", "pods/status", "*"))
            w.roleBinding("ns1", "admin", kind: "ClusterRole", "User:admin", "Group:admins")
            return w
        }, shouldPass: [.res(Attr("admin", "", "get", "pods", "status", "ns1", ""))],
           shouldFail: [.res(Attr("admin", "", "get", "pods", "", "ns1", ""))]),
    ]

    @Test(arguments: cases)
    func authorizer(_ c: Case) {
        let index = c.world().index()
        for check in c.shouldPass {
            #expect(index.allows(check.identity, check.request), "incorrectly restricted \(check.request)")
            #expect(index.check(check.identity, check.request).allowed)
            // who-can must agree: the user (when named) or one of the groups is in the answer.
            let answer = Set(index.subjects(of: index.whoCan(check.request)))
            #expect(!answer.isDisjoint(with: check.identity.principals), "who-can misses \(check.request)")
        }
        for check in c.shouldFail {
            #expect(!index.allows(check.identity, check.request), "incorrectly passed \(check.request)")
            #expect(!index.check(check.identity, check.request).allowed)
        }
    }
}
