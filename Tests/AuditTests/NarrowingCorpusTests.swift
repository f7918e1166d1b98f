@testable import Audit
import Foundation
@testable import RBACEngine
import ReachKit
import ReachLoader
import ReachModel
import ReachTestSupport
import Testing

/// The narrowing on real RBAC: `../shared/corpus` manifests with a log synthesised from their own
/// grants, and any audit-log samples the corpus holds.
@Suite struct NarrowingCorpusTests {
    /// Every file under the corpus that looks like an audit log (`audit.k8s.io/v1` Events).
    static func auditSamples(_ corpus: URL) -> [String] {
        guard let walker = FileManager.default.enumerator(atPath: corpus.path) else { return [] }
        var out: [String] = []
        while let relative = walker.nextObject() as? String {
            guard ["json", "jsonl", "log"].contains((relative as NSString).pathExtension.lowercased()) else { continue }
            let path = corpus.appendingPathComponent(relative).path
            guard let data = FileManager.default.contents(atPath: path), data.count < 64 << 20 else { continue }
            let text = String(decoding: data, as: UTF8.self)
            if text.contains("audit.k8s.io/v1"), text.contains("\"Event\"") || text.contains("\"EventList\"") { out.append(path) }
        }
        return out.sorted()
    }

    @Test func corpusAuditLogSamplesRead() throws {
        guard let corpus = TestPaths.corpus else {
            print("⚠️  NarrowingCorpusTests skipped: ../shared/corpus not found beside the checkout")
            return
        }
        let samples = Self.auditSamples(corpus)
        if samples.isEmpty {
            print("⚠️  NarrowingCorpusTests: no audit.k8s.io/v1 Event logs in ../shared/corpus; only the synthesised-log test runs")
        }
        for path in samples {
            let r = AuditLogReader.load(path: path)
            #expect(!r.events.isEmpty, "\(path): no events read")
            #expect(r.diagnostics.allSatisfy { $0.location != nil }, "\(path): diagnostics are located")
        }
    }

    /// A log made from the corpus's own grants (one concrete request per rule cell of up to 300
    /// bindings): every request is allowed by the corpus RBAC, none of them is "unused", and the
    /// narrowed YAML round-trips.
    @Test func synthesisedLogOverCorpusRBAC() throws {
        guard let corpus = TestPaths.corpus else {
            print("⚠️  NarrowingCorpusTests skipped: ../shared/corpus not found beside the checkout")
            return
        }
        let analyzer = Analyzer.load(paths: [corpus.path])
        let index = analyzer.rbac()
        var events: [ObservedRequest] = []
        let at = SourceLocation(file: "synthetic", document: 1, line: 1)
        for binding in index.bindings.prefix(300) {
            guard let role = binding.role else { continue }
            let users = binding.subjects.compactMap { index.principals[Int($0)].username }
            guard let user = users.first else { continue }
            for rule in index.roles[role].rules.map(\.rule) {
                guard let verb = rule.verbs.first(where: { $0 != "*" }) else { continue }
                if let url = rule.nonResourceURLs.first(where: { !$0.contains("*") }) {
                    if binding.namespace == nil { events.append(ObservedRequest(username: user, verb: verb, nonResourceURL: url, location: at)) }
                    continue
                }
                guard let group = rule.apiGroups.first(where: { $0 != "*" }),
                      let resource = rule.resources.first(where: { !$0.contains("*") }) else { continue }
                let parts = resource.split(separator: "/", maxSplits: 1).map(String.init)
                events.append(ObservedRequest(username: user, groups: [], verb: verb, apiGroup: group, resource: parts[0],
                                              subresource: parts.count > 1 ? parts[1] : "", namespace: binding.namespace ?? "",
                                              name: rule.resourceNames.first ?? "", location: at))
            }
        }
        #expect(events.count > 100, "the corpus has RBAC to sample")
        let report = analyzer.narrowRoles(events)
        for s in report.subjects {
            for r in s.observed where !r.verb.hasPrefix("impersonate") {
                #expect(index.allows(s.identity, r), "\(s.principal): \(r) comes from its own grants")
            }
            for u in s.unused {
                #expect(!s.observed.contains { RuleMatching.allows(u.rule, $0) && (u.namespace == nil || $0.bindingNamespace == u.namespace) },
                        "\(s.principal): an unused cell matches an observed request")
            }
        }
        // Probes: each observed request, renamed, moved to another namespace, and with another verb.
        let found = NarrowingRoundTripTests.problems(report, probes: { s in
            s.observed.flatMap { r -> [AccessRequest] in
                var renamed = r, moved = r, other = r
                renamed.name = "kube-reach-probe"
                if r.isResourceRequest { moved.namespace = "kube-reach-probe-ns" }
                other.verb = r.verb == "delete" ? "get" : "delete"
                return [r, renamed, moved, other]
            }
        }, strictUnused: false)
        #expect(found.isEmpty, "\(found.prefix(10))")
    }
}
