import ArgumentParser
import Audit
import ClusterGen
import Foundation
import ReachKit
import ReachLoader
import ReachModel

/// Audit-log narrowing at scale: reader throughput and narrowing (rules + unused grants) time on a
/// generated RBAC world and a generated JSON-lines log.
struct AuditLogBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "auditlog", abstract: "Read a generated audit log and narrow every subject's roles.")

    @Option var events = 200_000
    @Option(help: "Distinct service accounts making requests.") var subjects = 500
    @Option var seed: UInt64 = 1
    @Option(help: "Timed runs (median reported).") var runs = 3

    func run() throws {
        var spec = ClusterSpec()
        spec.seed = seed; spec.namespaces = 50; spec.serviceAccounts = 5_000; spec.roles = 1_500
        spec.clusterRoles = 500; spec.roleBindings = 4_500; spec.clusterRoleBindings = 500; spec.aggregationChains = 20
        spec.pods = 0; spec.workloads = 0; spec.networkPolicies = 0; spec.services = 0; spec.secrets = 200
        let snapshot = ManifestLoader().load(sources: [("world.yaml", ClusterGenerator(spec: spec).yaml())])
        let sas = Array(snapshot.serviceAccounts.prefix(subjects))
        let path = NSTemporaryDirectory() + "kube-reach-bench-audit-\(events)-\(subjects)-\(seed).jsonl"
        if !FileManager.default.fileExists(atPath: path) {
            try generateLog(sas).write(toFile: path, atomically: true, encoding: .utf8)
        }
        let size = (try FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue ?? 0
        var log = AuditLogReader.Result()
        let read = Measure.time(runs: runs) { log = AuditLogReader.load(path: path) }
        print("auditlog: \(log.events.count) events (\(log.diagnostics.count) diagnostics), input \(Measure.mb(size)); world \(snapshot.roleBindings.count + snapshot.clusterRoleBindings.count) bindings")
        print("  read: median \(Measure.ms(Measure.median(read))), "
              + String(format: "%.1f MB/s", Double(size) / 1_000_000 / max(Measure.median(read), 1e-9)))
        let analyzer = Analyzer(snapshot: snapshot)
        var report: NarrowingReport?
        let narrow = Measure.time(runs: runs) { report = analyzer.narrowRoles(log.events) }
        guard let report else { return }
        let rules = report.subjects.reduce(0) { $0 + $1.ruleCount }, unused = report.subjects.reduce(0) { $0 + $1.unused.count }
        print("  narrow (rules + unused, incl. RBAC index build): median \(Measure.ms(Measure.median(narrow))); "
              + "\(report.subjects.count) subjects, \(report.requests) requests, \(rules) rules, \(unused) unused cells")
        print("  peak RSS \(Measure.mb(Measure.peakRSS()))")
    }

    /// JSON lines: each request as ResponseComplete, 10 % preceded by their RequestReceived event.
    func generateLog(_ sas: [ServiceAccount]) -> String {
        var rng = SeededRandom(seed: seed)
        let verbs = ["get", "list", "watch", "create", "update", "patch", "delete"]
        let resources: [(String, String, String)] = [("", "pods", ""), ("", "secrets", ""), ("", "configmaps", ""),
            ("", "pods", "log"), ("apps", "deployments", ""), ("batch", "jobs", ""), ("", "services", "")]
        var out = ""
        out.reserveCapacity(events * 520)
        for i in 0..<events {
            let sa = rng.pick(sas)
            let ns = sa.meta.namespace ?? "default"
            let (g, r, sub) = rng.pick(resources)
            let verb = rng.pick(verbs)
            let name = verb == "list" || verb == "watch" || verb == "create" ? "" : "obj-\(rng.below(50))"
            var ref = #"{"resource":"\#(r)","namespace":"\#(ns)","apiGroup":"\#(g)","apiVersion":"v1""#
            if !sub.isEmpty { ref += #","subresource":"\#(sub)""# }
            if !name.isEmpty { ref += #","name":"\#(name)""# }
            ref += "}"
            let user = #"{"username":"system:serviceaccount:\#(ns):\#(sa.meta.name)","groups":["system:serviceaccounts","system:serviceaccounts:\#(ns)","system:authenticated"]}"#
            let t = String(format: "2026-11-20T%02d:%02d:%02d.%06dZ", (i / 3_600_000) % 24, (i / 60_000) % 60, (i / 1000) % 60, i % 1000 * 1000)
            func line(_ stage: String) -> String {
                #"{"kind":"Event","apiVersion":"audit.k8s.io/v1","level":"Metadata","auditID":"id-\#(i)","stage":"\#(stage)","requestURI":"/api/v1/namespaces/\#(ns)/\#(r)","verb":"\#(verb)","user":\#(user),"sourceIPs":["10.0.0.1"],"userAgent":"bench","objectRef":\#(ref),"responseStatus":{"metadata":{},"code":200},"requestReceivedTimestamp":"\#(t)","stageTimestamp":"\#(t)","annotations":{"authorization.k8s.io/decision":"allow","authorization.k8s.io/reason":""}}"#
            }
            if rng.chance(0.1) { out += line("RequestReceived") + "\n" }
            out += line("ResponseComplete") + "\n"
        }
        return out
    }
}
