@testable import Audit
@testable import RBACEngine
import ReachCore
import ReachKit
import ReachModel
import ReachReports
import ReachTestSupport
import Testing

/// Round trip: the generated YAML loads with the project's loader, and the RBAC engine on it
/// allows every observed request, nothing of the unused list, and nothing that was not observed.
@Suite struct NarrowingRoundTripTests {
    /// Compiles the narrowed YAML of `report` with the project's own loader.
    static func narrowedIndex(_ report: NarrowingReport) -> (index: RBACIndex, diagnostics: [Diagnostic]) {
        let snapshot = Analyzer.load(sources: [(name: "narrowed.yaml", text: NarrowedRolesYAML.stream(report))]).snapshot
        return (RBACIndex(snapshot: snapshot), snapshot.diagnostics.filter { $0.severity != .info })
    }

    /// The subject alone, without groups: narrowed grants must name it directly.
    static func bare(_ s: SubjectNarrowing) -> Identity { Identity(user: s.principal.username, groups: []) }

    /// Whether an observed request explains `p` being allowed by the narrowed rules (same verb,
    /// group, resource/subresource or URL; same namespace or observed at cluster scope; same name
    /// or a use that cannot be restricted by name).
    static func covered(_ p: AccessRequest, by observed: [AccessRequest], clusterOnly: Bool = false) -> Bool {
        observed.contains { o in
            guard o.verb == p.verb, o.isResourceRequest == p.isResourceRequest else { return false }
            if !o.isResourceRequest { return o.nonResourceURL == p.nonResourceURL }
            guard o.apiGroup == p.apiGroup, o.combinedResource == p.combinedResource else { return false }
            guard o.bindingNamespace == nil || (!clusterOnly && o.bindingNamespace == p.bindingNamespace) else { return false }
            let nameFree = o.name.isEmpty || (o.subresource.isEmpty && RuleBuilder.namelessVerbs.contains(o.verb))
            return nameFree || o.name == p.name
        }
    }

    /// Requests over a vocabulary, for probing.
    struct Vocabulary {
        var verbs = ["get", "list", "watch", "create", "update", "patch", "delete", "deletecollection", "impersonate"]
        var resources: [(group: String, resource: String, sub: String)] = [
            ("", "pods", ""), ("", "pods", "exec"), ("", "pods", "log"), ("", "secrets", ""), ("", "nodes", ""),
            ("apps", "deployments", ""), ("apps", "deployments", "scale"), ("", "serviceaccounts", ""), ("", "users", ""),
            ("", "configmaps", ""),
        ]
        var namespaces = ["", "a", "b", "shop", "ops"]
        var names = ["", "x", "y", "web-0", "db-password", "reader"]
        var urls = ["/healthz", "/metrics", "/version", "/readyz"]

        var probes: [AccessRequest] {
            var out: [AccessRequest] = []
            for v in verbs {
                for r in resources { for ns in namespaces { for n in names {
                    out.append(AccessRequest(verb: v, apiGroup: r.group, resource: r.resource, subresource: r.sub, name: n, namespace: ns))
                } } }
                for u in urls { out.append(.nonResource(verb: v, path: u)) }
            }
            return out
        }
    }

    /// The three properties; returns problems (empty = pass). `strictUnused`: no request of an
    /// unused cell is allowed at all; otherwise only requests that were not themselves observed.
    static func problems(_ report: NarrowingReport, probes probesOf: (SubjectNarrowing) -> [AccessRequest], strictUnused: Bool) -> [String] {
        let (index, diagnostics) = narrowedIndex(report)
        var out = diagnostics.map { "load: \($0)" }
        for s in report.subjects {
            let id = bare(s)
            let probes = probesOf(s)
            for r in s.observed where !index.allows(id, r) { out.append("\(s.principal): observed \(r) not allowed") }
            for p in probes where index.allows(id, p) && !covered(p, by: s.observed) {
                out.append("\(s.principal): \(p) allowed but never observed")
            }
            for u in s.unused {
                let rule = u.rule
                for p in probes where RuleMatching.allows(rule, p) && index.allows(id, p) {
                    if let ns = u.namespace, !p.isResourceRequest || p.namespace != ns { continue }  // outside the grant's scope
                    // Not strict: the narrowed rules may reach into an unused cell only where the narrowing had
                    // to drop a restriction (a list/watch/create granted for every name, a use without a
                    // namespace granted by a ClusterRole); never because that very request was observed.
                    if !strictUnused, !s.observed.contains(p) { continue }
                    let related = s.observed.filter { $0.resource == p.resource && $0.verb == p.verb }
                    out.append("\(s.principal): unused \(u.verb) \(u.apiGroup)/\(u.resource)\(u.nonResourceURL) \(u.resourceNames) -n \(u.namespace ?? "*") "
                               + "but \(p) allowed (observed: \(related))")
                }
            }
        }
        return out
    }

    @Test func fixtureRoundTrip() throws {
        let log = Analyzer.loadAuditLog(path: TestPaths.fixture("auditlog/audit.jsonl"))
        let analyzer = Analyzer.load(paths: [TestPaths.fixture("auditlog/manifests.yaml")])
        let report = analyzer.narrowRoles(log.events)
        #expect(report.subjects.count == 4)
        #expect(report.subjects.allSatisfy { !$0.observed.isEmpty })
        #expect(report.subjects.reduce(0) { $0 + $1.unused.count } > 30)
        let found = Self.problems(report, probes: { [p = Vocabulary().probes] _ in p }, strictUnused: true)
        #expect(found.isEmpty, "\(found.prefix(10))")
        // The original RBAC allows every observed request too (the log and the manifests agree).
        let original = analyzer.rbac()
        for s in report.subjects { for r in s.observed { #expect(original.allows(s.identity, r), "\(s.principal) \(r)") } }
    }

    /// Random logs and random grants: the properties hold for every seed.
    @Test(arguments: 0..<40)
    func randomRoundTrip(seed: UInt64) throws {
        var rng = SplitMix64(seed: 0xA0D1_7000 + seed)
        let vocab = Vocabulary()
        let users = ["alice", "bob", "system:serviceaccount:a:sa1", "system:serviceaccount:b:sa2"]
        var events: [ObservedRequest] = []
        for i in 0..<(5 + rng.index(40)) {
            let at = SourceLocation(file: "r", document: 1, line: i + 1)
            var e: ObservedRequest
            if rng.index(8) == 0 {
                e = ObservedRequest(username: rng.pick(users), verb: rng.pick(["get", "post"]), nonResourceURL: rng.pick(vocab.urls), location: at)
            } else {
                let r = rng.pick(vocab.resources)
                e = ObservedRequest(username: rng.pick(users), verb: rng.pick(vocab.verbs), apiGroup: r.group, resource: r.resource,
                                    subresource: r.sub, namespace: rng.pick(["", "a", "b"]), name: rng.pick(["", "x", "y"]), location: at)
            }
            e.auditID = "id\(rng.index(30))"
            e.stage = rng.pick(ObservedRequest.Stage.allCases)
            if rng.index(5) == 0 { e.code = 403; e.decision = "forbid" }
            if rng.index(10) == 0 { e.impersonator = "carol"; e.impersonatorGroups = ["system:authenticated"] }
            events.append(e)
        }
        let analyzer = Analyzer.load(sources: [(name: "grants.yaml", text: Self.randomGrants(&rng, users: users + ["carol"], vocab: vocab))])
        #expect(analyzer.snapshot.diagnostics.filter { $0.severity == .error }.isEmpty)
        let report = analyzer.narrowRoles(events)
        let found = Self.problems(report, probes: { [p = vocab.probes] _ in p }, strictUnused: false)
        #expect(found.isEmpty, "seed \(seed): \(found.prefix(10))")
    }

    /// Random Roles/ClusterRoles (wildcards and resourceNames included) bound to the users.
    static func randomGrants(_ rng: inout SplitMix64, users: [String], vocab: Vocabulary) -> String {
        var docs: [String] = []
        for (i, user) in users.enumerated() {
            for j in 0..<(1 + rng.index(3)) {
                var rules: [String] = []
                for _ in 0..<(1 + rng.index(3)) {
                    if rng.index(6) == 0 {
                        rules.append("- nonResourceURLs: [\"\(rng.pick(vocab.urls + ["/*", "/met*"]))\"]\n  verbs: [\"\(rng.pick(["get", "*"]))\"]")
                        continue
                    }
                    let r = rng.pick(vocab.resources)
                    let resource = rng.index(8) == 0 ? rng.pick(["*", "*/scale", "*/exec"]) : (r.sub.isEmpty ? r.resource : "\(r.resource)/\(r.sub)")
                    let group = rng.index(8) == 0 ? "*" : r.group
                    let verbs = rng.index(6) == 0 ? ["*"] : Array(Set((0..<(1 + rng.index(3))).map { _ in rng.pick(vocab.verbs) })).sorted()
                    var rule = "- apiGroups: [\"\(group)\"]\n  resources: [\"\(resource)\"]\n  verbs: [\(verbs.map { "\"\($0)\"" }.joined(separator: ", "))]"
                    if rng.index(4) == 0 { rule += "\n  resourceNames: [\"\(rng.pick(["x", "y"]))\"]" }
                    rules.append(rule)
                }
                let ns = rng.pick(["", "a", "b"])
                let name = "r\(i)-\(j)"
                let subject: String
                if let (sns, sn) = Principal.splitServiceAccountUsername(user) {
                    subject = "{kind: ServiceAccount, name: \(sn), namespace: \(sns)}"
                } else {
                    subject = "{apiGroup: rbac.authorization.k8s.io, kind: User, name: \(user)}"
                }
                let roleKind = ns.isEmpty || rng.index(2) == 0 ? "ClusterRole" : "Role"
                let roleMeta = roleKind == "Role" ? "{name: \(name), namespace: \(ns)}" : "{name: \(name)}"
                docs.append("apiVersion: rbac.authorization.k8s.io/v1\nkind: \(roleKind)\nmetadata: \(roleMeta)\nrules:\n" + rules.joined(separator: "\n"))
                let bindingKind = ns.isEmpty ? "ClusterRoleBinding" : "RoleBinding"
                let bindingMeta = ns.isEmpty ? "{name: \(name)}" : "{name: \(name), namespace: \(ns)}"
                docs.append("apiVersion: rbac.authorization.k8s.io/v1\nkind: \(bindingKind)\nmetadata: \(bindingMeta)\n"
                            + "roleRef: {apiGroup: rbac.authorization.k8s.io, kind: \(roleKind), name: \(name)}\nsubjects: [\(subject)]")
            }
        }
        return docs.joined(separator: "\n---\n") + "\n"
    }
}
