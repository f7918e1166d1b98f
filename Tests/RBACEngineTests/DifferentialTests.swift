import ReachModel
import Testing
@testable import RBACEngine

/// The bitset paths (``RuleIndex``, who-can) against brute force over a generated world:
/// every rule × request through ``RuleMatching/allows(_:_:)``, and every principal's can-i (string matching) against who-can and check (bitset paths).
@Suite struct DifferentialTests {
    struct Rng {
        var state: UInt64
        mutating func next(_ n: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(n))
        }
        mutating func pick<T>(_ xs: [T]) -> T { xs[next(xs.count)] }
        mutating func some<T>(_ xs: [T]) -> [T] { (0..<(1 + next(2))).map { _ in pick(xs) } }
    }

    static let verbs = ["get", "list", "create", "*", "GET"]
    static let groups = ["", "apps", "*"]
    static let resources = ["pods", "pods/exec", "*/scale", "deployments/scale", "*", "*/*", "secrets"]
    static let urls = ["/healthz", "/api/*", "*", "/metrics**"]
    static let requestResources = [("pods", ""), ("pods", "exec"), ("deployments", "scale"), ("secrets", ""), ("pods", "*")]
    static let paths = ["/healthz", "/api/v1", "/api", "/metricsx", "/other"]

    static func world(seed: UInt64) -> TestWorld {
        var rng = Rng(state: seed)
        var w = TestWorld()
        for i in 0..<30 {
            var rule = PolicyRule(verbs: rng.some(verbs), apiGroups: rng.some(groups), resources: rng.some(resources))
            if rng.next(4) == 0 { rule.resourceNames = [rng.pick(["db", "*"])] }
            if rng.next(5) == 0 { rule = PolicyRule(verbs: rng.some(verbs), nonResourceURLs: rng.some(urls)) }
            if rng.next(3) == 0 { w.role("r\(i)", rng.pick(["a", "b"]), rule) } else { w.clusterRole("c\(i)", rule) }
        }
        let subjects = ["User:u1", "User:u2", "Group:g1", "Group:system:serviceaccounts:a", "ServiceAccount:a/sa1", "Group:system:authenticated"]
        for _ in 0..<25 {
            let s = rng.some(subjects)
            if rng.next(2) == 0 {
                w.rawBinding(nil, roleKind: "ClusterRole", role: "c\(rng.next(30))", subjects: s.map(TestWorld.subject))
            } else {
                let ns = rng.pick(["a", "b"])
                w.rawBinding(ns, roleKind: rng.pick(["Role", "ClusterRole"]), role: "\(rng.pick(["r", "c"]))\(rng.next(30))", subjects: s.map(TestWorld.subject))
            }
        }
        w.serviceAccount("a", "sa1"); w.serviceAccount("a", "sa2"); w.serviceAccount("b", "sb")
        return w
    }

    static func requests() -> [AccessRequest] {
        var out: [AccessRequest] = []
        for v in ["get", "list", "create", "delete"] {
            for g in ["", "apps"] {
                for (r, s) in requestResources {
                    for ns in ["", "a", "b"] { for name in ["", "db"] { out.append(AccessRequest(verb: v, apiGroup: g, resource: r, subresource: s, name: name, namespace: ns)) } }
                }
            }
            for p in paths { out.append(.nonResource(verb: v, path: p)) }
        }
        return out
    }

    @Test(arguments: [1, 2, 3, 4] as [UInt64])
    func bitsetAnswersEqualBruteForce(seed: UInt64) {
        let index = Self.world(seed: seed).index(masters: false)
        let rules = index.roles.flatMap { $0.rules.map(\.rule) }
        for request in Self.requests() {
            let fast = index.ruleIndex.matching(request).members
            let slow = rules.indices.filter { RuleMatching.allows(rules[$0], request) }
            #expect(fast == slow, "\(request)")
            let who = Set(index.subjects(of: index.whoCan(request)))
            #expect(index.allowedPrincipals(request) == index.whoCan(request).allowed, "\(request)")
            for p in index.principals.keys {
                let identity: Identity
                if case .serviceAccount(let ns, let n) = p, index.serviceAccounts.contains(index.principals.id(of: p) ?? -1) {
                    identity = .serviceAccount(namespace: ns, name: n)
                } else if case .group(let g) = p {
                    identity = Identity(user: nil, groups: [g])
                } else {
                    identity = Identity(user: p.username)
                }
                let allowed = index.allows(identity, request)
                #expect(who.contains(p) == allowed, "\(p) \(request)")
                #expect(index.check(identity, request).allowed == allowed, "check \(p) \(request)")
            }
        }
    }
}
