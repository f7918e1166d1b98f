import AttackGraph
import RBACEngine
import ReachCore
import ReachKit
import ReachModel
import Testing

/// ``FootholdGraph/secretsReachable(from:secrets:assumeExploitable:)`` (footholds.md "Goals
/// reached by footholds", "Path semantics") against a reference built from the complete forward
/// ``FootholdSearch`` (no early stop): per Secret, the holders are ``FootholdGraph/holders(of:)``
/// of `get secrets NAME -n NS` (identities allowed it, pods mounting it and their nodes), the
/// nearest one is the smallest (distance, state ID), and the path is the search's parent walk to
/// it. The complete search itself agrees with a brute-force pod-pair BFS
/// (``FootholdBruteForceTests``). Seeded random clusters with Secrets mounted by random pods, one
/// ClusterRole reading every Secret bound in one namespace, and one Role naming one Secret, so
/// identity holders, named and unnamed requests, and unreachable Secrets all occur.
@Suite struct FootholdSecretsReachableTests {
    static func withSecrets(_ base: ClusterSnapshot, _ rng: inout SplitMix64) -> ClusterSnapshot {
        var snap = base
        let loc = SourceLocation(file: "random", document: 1, line: 1)
        let names = ["s0", "s1", "s2", "s3"]
        for ns in ["x", "y", "z"] {
            for n in names { snap.secrets.append(Secret(meta: ObjectMeta(name: n, namespace: ns, location: loc))) }
        }
        for i in snap.pods.indices where Int.random(in: 0..<3, using: &rng) == 0 {
            let s = names[Int.random(in: 0..<names.count, using: &rng)]
            snap.pods[i].spec.volumes.append(Volume(name: "v", sources: [.secret(name: s)]))
        }
        snap.clusterRoles.append(ClusterRole(meta: ObjectMeta(name: "read-secrets", location: loc),
                                             rules: [PolicyRule(verbs: ["get"], apiGroups: [""], resources: ["secrets"])]))
        snap.roleBindings.append(RoleBinding(meta: ObjectMeta(name: "b", namespace: "x", location: loc),
                                             roleRef: RoleRef(kind: .clusterRole, name: "read-secrets"),
                                             subjects: [Subject(kind: "ServiceAccount", name: "default", namespace: "x")]))
        snap.roles.append(Role(meta: ObjectMeta(name: "one", namespace: "y", location: loc),
                               rules: [PolicyRule(verbs: ["get"], apiGroups: [""], resources: ["secrets"], resourceNames: ["s1"])]))
        snap.roleBindings.append(RoleBinding(meta: ObjectMeta(name: "one", namespace: "y", location: loc),
                                             roleRef: RoleRef(kind: .role, name: "one"),
                                             subjects: [Subject(kind: "ServiceAccount", name: "default", namespace: "y")]))
        return snap
    }

    /// `(technique, from, to)` of every step, for comparing paths.
    static func key(_ p: FootholdPath) -> [String] {
        [String(p.start)] + p.steps.map { "\($0.technique.raw) \($0.from)>\($0.to) \($0.object) \($0.detail)" }
    }

    @Test(arguments: 1...12)
    func agreesWithTheCompleteSearch(seed: UInt64) {
        var gen = FootholdRandomCluster(rng: SplitMix64(seed: seed))
        var rng = SplitMix64(seed: seed &+ 1000)
        let snap = Self.withSecrets(gen.snapshot(pods: 10 + Int(seed % 5) * 6, policies: Int(seed % 7)), &rng)
        let analyzer = Analyzer(snapshot: snap)
        let g = analyzer.footholdGraph(index: analyzer.rbac(), reach: analyzer.networkReach())
        let secrets = snap.secrets.map { (namespace: $0.namespace ?? "default", name: $0.name) }
        for assume in [true, false] {
            let full = FootholdSearch(graph: g, from: [g.internetID], assumeExploitable: assume)
            var expected: [(String, [String])] = []
            for s in secrets {
                let goal = FootholdGoal.request(AccessRequest(verb: "get", apiGroup: "", resource: "secrets", subresource: "",
                                                              name: s.name, namespace: s.namespace, nonResourceURL: ""))
                guard let h = full.nearest(in: g.holders(of: goal)), let p = full.path(to: h, in: g) else { continue }
                expected.append(("\(s.namespace)/\(s.name)", Self.key(p)))
            }
            expected.sort { a, b in (a.1.count, a.0) < (b.1.count, b.0) }
            let actual = g.secretsReachable(from: .internet, secrets: secrets, assumeExploitable: assume)
                .map { ("\($0.namespace)/\($0.name)", Self.key($0.path)) }
            #expect(actual.map(\.0) == expected.map(\.0), "seed \(seed), assume \(assume): secrets reached")
            #expect(actual.map(\.1) == expected.map(\.1), "seed \(seed), assume \(assume): paths")
        }
    }
}
