import ReachKit
import ReachModel
import Testing
@testable import Audit
@testable import RBACEngine

/// The narrowing engine: scopes, the resourceNames rule, stage merging, outcomes, impersonation,
/// unused grants.
@Suite struct NarrowingTests {
    static let here = SourceLocation(file: "log", document: 1, line: 1)

    static func ev(_ verb: String, _ resource: String = "", user: String = "alice", sub: String = "", ns: String = "",
                   name: String = "", group: String = "", url: String = "", id: String = "", stage: ObservedRequest.Stage = .responseComplete,
                   code: Int? = 200, decision: String? = nil, t: String = "") -> ObservedRequest {
        ObservedRequest(auditID: id, username: user, groups: ["system:authenticated"], verb: verb, apiGroup: group,
                        resource: resource, subresource: sub, namespace: ns, name: name, nonResourceURL: url, stage: stage,
                        code: code, decision: decision, timestamp: t, location: here)
    }

    static func narrow(_ events: [ObservedRequest], manifests: String = "") -> NarrowingReport {
        let analyzer = Analyzer.load(sources: manifests.isEmpty ? [] : [(name: "m.yaml", text: manifests)])
        return analyzer.narrowRoles(events)
    }

    static func rules(_ events: [ObservedRequest]) -> [ScopedRules] {
        narrow(events).subjects.first?.scopes ?? []
    }

    @Test func namesAreKeptOnlyWhenEveryUseNamedAnObject() {
        let named = Self.rules([Self.ev("get", "secrets", ns: "a", name: "x"), Self.ev("get", "secrets", ns: "a", name: "y"),
                                Self.ev("delete", "secrets", ns: "a", name: "x")])
        #expect(named == [ScopedRules(scope: .namespace("a"), rules: [
            PolicyRule(verbs: ["delete"], apiGroups: [""], resources: ["secrets"], resourceNames: ["x"]),
            PolicyRule(verbs: ["get"], apiGroups: [""], resources: ["secrets"], resourceNames: ["x", "y"]),
        ])])
        // One unnamed get (a get of the collection is a list upstream, but an event may lack the name) drops the names.
        let mixed = Self.rules([Self.ev("get", "secrets", ns: "a", name: "x"), Self.ev("get", "secrets", ns: "a")])
        #expect(mixed.first?.rules == [PolicyRule(verbs: ["get"], apiGroups: [""], resources: ["secrets"])])
    }

    @Test func listWatchAndCreateAreNeverRestrictedByName() {
        // A create's objectRef.name comes from the body (the authorizer saw none); list/watch names come
        // from a fieldSelector that other clients may not send.
        let r = Self.rules([Self.ev("create", "configmaps", ns: "a", name: "c"), Self.ev("list", "configmaps", ns: "a", name: "c"),
                            Self.ev("watch", "configmaps", ns: "a", name: "c"), Self.ev("get", "configmaps", ns: "a", name: "c")])
        #expect(r.first?.rules == [
            PolicyRule(verbs: ["create", "list", "watch"], apiGroups: [""], resources: ["configmaps"]),
            PolicyRule(verbs: ["get"], apiGroups: [""], resources: ["configmaps"], resourceNames: ["c"]),
        ])
        // A create on a subresource names the parent in its path: names stay.
        let evict = Self.rules([Self.ev("create", "pods", sub: "eviction", ns: "a", name: "p")])
        #expect(evict.first?.rules == [PolicyRule(verbs: ["create"], apiGroups: [""], resources: ["pods/eviction"], resourceNames: ["p"])])
    }

    @Test func clusterScopedUseBecomesAClusterRole() {
        let r = Self.rules([Self.ev("list", "nodes"), Self.ev("get", url: "/healthz"), Self.ev("get", url: "/readyz"),
                            Self.ev("list", "pods"), Self.ev("get", "clusterroles", name: "view", group: "rbac.authorization.k8s.io"),
                            Self.ev("get", "pods", ns: "b", name: "p"), Self.ev("post", url: "/apis/x")])
        #expect(r.map(\.namespace) == [nil, "b"])
        #expect(r[0].rules == [
            PolicyRule(verbs: ["list"], apiGroups: [""], resources: ["nodes", "pods"]),
            PolicyRule(verbs: ["get"], apiGroups: ["rbac.authorization.k8s.io"], resources: ["clusterroles"], resourceNames: ["view"]),
            PolicyRule(verbs: ["post"], nonResourceURLs: ["/apis/x"]),
            PolicyRule(verbs: ["get"], nonResourceURLs: ["/healthz", "/readyz"]),
        ])
        #expect(r[1].rules == [PolicyRule(verbs: ["get"], apiGroups: [""], resources: ["pods"], resourceNames: ["p"])])
    }

    @Test func websocketExecAlsoNeedsCreate() {
        let r = Self.rules([Self.ev("get", "pods", sub: "exec", ns: "a", name: "p", stage: .responseStarted, code: 101)])
        #expect(r.first?.rules == [PolicyRule(verbs: ["create", "get"], apiGroups: [""], resources: ["pods/exec"], resourceNames: ["p"])])
    }

    @Test func stagesOfOneRequestAreMergedAndRequestReceivedAloneIsDropped() {
        let events = [
            Self.ev("list", "pods", ns: "a", id: "1", stage: .requestReceived, code: nil),
            Self.ev("list", "pods", ns: "a", id: "1", stage: .responseComplete),
            Self.ev("watch", "pods", ns: "a", id: "2", stage: .responseStarted),
            Self.ev("watch", "pods", ns: "a", id: "2", stage: .responseComplete),
            Self.ev("delete", "pods", ns: "a", name: "p", id: "3", stage: .requestReceived, code: nil),
        ]
        let report = Self.narrow(events)
        #expect(report.events == 5 && report.requests == 2 && report.requestReceivedOnly == 1)
        #expect(report.subjects.first?.eventsUsed == 2)
        #expect(report.subjects.first?.scopes.first?.rules == [PolicyRule(verbs: ["list", "watch"], apiGroups: [""], resources: ["pods"])])
    }

    @Test func deniedRequestsAreReportedNotGranted() throws {
        let events = [
            Self.ev("list", "secrets", ns: "a", code: 403, decision: "forbid"),
            Self.ev("list", "secrets", ns: "a", code: 403),
            // Allowed by RBAC, refused later by admission: the permission was used.
            Self.ev("create", "pods", ns: "a", code: 403, decision: "allow"),
            Self.ev("get", "pods", ns: "a", name: "gone", code: 404),
        ]
        let s = try #require(Self.narrow(events).subjects.first)
        #expect(s.denied.map(\.count) == [2])
        #expect(s.denied.first?.request == AccessRequest(verb: "list", resource: "secrets", namespace: "a"))
        #expect(s.scopes.first?.rules == [
            PolicyRule(verbs: ["create"], apiGroups: [""], resources: ["pods"]),
            PolicyRule(verbs: ["get"], apiGroups: [""], resources: ["pods"], resourceNames: ["gone"]),
        ])
    }

    @Test func impersonationIsUsedByTheImpersonator() throws {
        var e = Self.ev("list", "pods", user: "system:serviceaccount:a:bot", ns: "a")
        e.groups = ["system:serviceaccounts", "system:serviceaccounts:a", "system:authenticated", "extra-group"]
        e.impersonator = "carol"
        e.impersonatorGroups = ["system:authenticated"]
        e.code = 403
        e.decision = "forbid"  // the impersonated request was denied; the impersonation itself succeeded
        let report = Self.narrow([e])
        #expect(report.subjects.map(\.principal) == [.serviceAccount(namespace: "a", name: "bot"), .user("carol")])
        let carol = report.subjects[1]
        #expect(carol.observed == [
            AccessRequest(verb: "impersonate", resource: "groups", name: "extra-group"),
            AccessRequest(verb: "impersonate", resource: "serviceaccounts", name: "bot", namespace: "a"),
        ])
        #expect(report.subjects[0].denied.count == 1 && report.subjects[0].ruleCount == 0)
    }

    static let grants = """
    apiVersion: rbac.authorization.k8s.io/v1
    kind: ClusterRole
    metadata: {name: wide}
    rules:
    - apiGroups: ["*"]
      resources: ["*"]
      verbs: ["*"]
    - apiGroups: [""]
      resources: [pods]
      verbs: [get, list]
    - nonResourceURLs: ["/metrics*"]
      verbs: [get]
    ---
    apiVersion: rbac.authorization.k8s.io/v1
    kind: RoleBinding
    metadata: {name: in-a, namespace: a}
    roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: wide}
    subjects: [{apiGroup: rbac.authorization.k8s.io, kind: User, name: alice}]
    ---
    apiVersion: rbac.authorization.k8s.io/v1
    kind: ClusterRole
    metadata: {name: pods}
    rules:
    - apiGroups: [""]
      resources: [pods]
      verbs: [get, delete]
    ---
    apiVersion: rbac.authorization.k8s.io/v1
    kind: ClusterRoleBinding
    metadata: {name: everywhere}
    roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: pods}
    subjects: [{apiGroup: rbac.authorization.k8s.io, kind: Group, name: system:authenticated}]
    """

    @Test func unusedCellsPerBindingScopeWithWildcardsAsWritten() throws {
        // get pods in b: only the ClusterRoleBinding can have allowed it; its `get pods` cell is used
        // from any namespace, the RoleBinding's cells in a are not.
        let s = try #require(Self.narrow([Self.ev("get", "pods", ns: "b", name: "p")], manifests: Self.grants).subjects.first)
        let lines = s.unused.map { "\($0.namespace ?? "*") \($0.verb) " + ($0.nonResourceURL.isEmpty ? "\($0.apiGroup)/\($0.resource)" : $0.nonResourceURL) }
        #expect(lines == [
            "* delete /pods",
            "a get /pods", "a list /pods",
            "a * */*",
            "a get /metrics*",
        ])
        #expect(s.unused[0].grants == ["ClusterRoleBinding/everywhere → ClusterRole/pods (via Group:system:authenticated)"])
        #expect(s.unused[2].grants == ["RoleBinding/a/in-a → ClusterRole/wide (via User:alice)"])

        // Used in a: the wildcard cell and the get-pods cells are used. A RoleBinding's non-resource
        // URLs never apply (non-resource requests see only ClusterRoleBindings, rbac.md), so
        // /metrics* stays unused even though a matching path was requested.
        let used = try #require(Self.narrow([Self.ev("get", "pods", ns: "a", name: "p"), Self.ev("get", url: "/metrics/cadvisor")],
                                            manifests: Self.grants).subjects.first)
        #expect(used.unused.map { "\($0.namespace ?? "*") \($0.verb) \($0.resource)\($0.nonResourceURL)" }
                == ["* delete pods", "a list pods", "a get /metrics*"])
    }

    @Test func outputIsIndependentOfEventOrder() {
        var events: [ObservedRequest] = []
        for (i, ns) in ["a", "b", "c"].enumerated() {
            for verb in ["get", "list", "watch", "delete"] {
                events.append(Self.ev(verb, "pods", user: i % 2 == 0 ? "alice" : "system:serviceaccount:\(ns):sa", ns: ns, name: verb == "list" ? "" : "p\(i)"))
                events.append(Self.ev(verb, "configmaps", user: "bob", ns: ns, name: "c", group: ""))
            }
        }
        events.append(Self.ev("get", user: "bob", url: "/version"))
        let reference = Self.narrow(events, manifests: Self.grants)
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<5 {
            let shuffled = Self.narrow(events.shuffled(using: &rng), manifests: Self.grants)
            #expect(shuffled.subjects.map(\.principal) == reference.subjects.map(\.principal))
            #expect(shuffled.subjects.map(\.scopes) == reference.subjects.map(\.scopes))
            #expect(shuffled.subjects.map(\.unused) == reference.subjects.map(\.unused))
            #expect(shuffled.subjects.map(\.observed) == reference.subjects.map(\.observed))
        }
    }

    @Test func subjectFilter() {
        let events = [Self.ev("get", url: "/a"), Self.ev("get", user: "system:serviceaccount:n:s", url: "/b")]
        let analyzer = Analyzer.load(sources: [])
        let only = analyzer.narrowRoles(events, options: RoleNarrower.Options(subjects: [.serviceAccount(namespace: "n", name: "s")]))
        #expect(only.subjects.map(\.principal) == [.serviceAccount(namespace: "n", name: "s")])
    }

    @Test func timestampKeysOrderMixedPrecision() {
        #expect(ObservedRequest.timestampKey("2026-01-01T00:00:05Z") < ObservedRequest.timestampKey("2026-01-01T00:00:05.5Z"))
        #expect(ObservedRequest.timestampKey("2026-01-01T00:00:05.123456Z") < ObservedRequest.timestampKey("2026-01-01T00:00:06Z"))
    }
}
