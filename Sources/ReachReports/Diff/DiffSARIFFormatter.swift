import Audit
import ReachKit
import ReachModel

/// `kube-reach diff -o sarif`: only what is new, as SARIF 2.1.0 in the shape of
/// ``AuditSARIFFormatter`` (same driver, levels, locations and fingerprints), for GitHub code
/// scanning. Results:
/// * each new audit finding, under its check's rule;
/// * `KR-DIFF-REACH`: a pair that gained connections, located at the destination's manifest
///   (at most ``reachResultLimit``; the rest are counted in the run's properties);
/// * `KR-DIFF-EXTERNAL`: egress to or ingress from an external address range that gained
///   connections, located at the workload's manifest (at most ``reachResultLimit``);
/// * `KR-DIFF-ACCESS`: a permission a subject gained, located at the granting binding;
/// * `KR-DIFF-PATH`: a start that newly reaches an attack-path goal, located at the binding
///   granting its first step.
/// Code scanning rejects results without a location (github/codeql-action#2459: "expected at least
/// one location"), so a change without one is counted in the properties instead of listed.
public enum DiffSARIFFormatter {
    /// Reachability results listed at most.
    public static let reachResultLimit = 1000

    /// The rules of the diff's own results.
    static let diffRules: [(id: String, title: String, text: String, severity: AuditSeverity)] = [
        ("KR-DIFF-ACCESS", "A subject gained a permission",
         "The change grants a subject a permission it did not have (kube-reach diff, RBAC part).", .medium),
        ("KR-DIFF-EXTERNAL", "Traffic to or from external addresses newly allowed",
         "The change lets a workload connect to addresses outside the cluster, or addresses outside the cluster connect to it, on ports it could not before (ipBlock and CIDR peers).",
         .low),
        ("KR-DIFF-PATH", "A new attack path to cluster-admin or secrets",
         "After the change, an identity can reach cluster-admin-equivalence or read secrets through an escalation path (escalation.md).", .high),
        ("KR-DIFF-REACH", "Pods newly reachable",
         "The change lets a workload connect to another on ports it could not reach before (NetworkPolicy reachability).", .low),
    ]

    /// - Complexity: O(new findings + min(gained pairs, limit) + min(gained external rows, limit) + gained permissions + new paths + C) for C checks.
    public static func sarif(_ d: ClusterDiff, toolVersion: String = "0.1.0") -> String {
        let checks = Analyzer.auditChecks
        var rules = checks.map(AuditSARIFFormatter.rule)
        rules += diffRules.map { r in
            ["id": .string(r.id), "name": .string(r.id.replacingOccurrences(of: "-", with: "")),
             "shortDescription": ["text": .string(r.title)], "fullDescription": ["text": .string(r.text)],
             "help": ["text": .string("Review the change: kube-reach diff -o md explains it.")],
             "defaultConfiguration": ["level": .string(AuditSARIFFormatter.level(r.severity))],
             "properties": ["tags": ["security", "diff"], "security-severity": .string(AuditSARIFFormatter.securitySeverity(r.severity))]] as JSONValue
        }
        let ids = checks.map(\.id) + diffRules.map(\.id)
        let ruleIndex = Dictionary(uniqueKeysWithValues: ids.enumerated().map { ($1, $0) })
        var results: [JSONValue] = d.findings.new.filter { !$0.locations.isEmpty }
            .map { AuditSARIFFormatter.result($0, ruleIndex, suppression: nil) }
        var unlocated = d.findings.new.count - results.count
        let reach = reachResults(d.reach, ruleIndex)
        results += reach.results
        let external = externalResults(d.external, ruleIndex)
        results += external.results
        for s in d.access.subjects {
            for p in s.gained {
                guard let l = p.location else { unlocated += 1; continue }
                results.append(result("KR-DIFF-ACCESS", ruleIndex, .medium, l,
                                      "\(s.subject) gained \(p.verbs.joined(separator: ",")) on \(p.target) \(scopeText(p.scope)) via \(p.bindings.joined(separator: ", "))",
                                      fingerprint: "KR-DIFF-ACCESS|\(s.subject)|\(p.scope)|\(p.target)|\(p.verbs.joined(separator: ","))"))
            }
        }
        for c in d.paths.gained {
            guard let l = c.path.location else { unlocated += 1; continue }
            let hops = c.path.steps.map { "\($0.technique) → \($0.state)" + ($0.assumption ? " [assumption]" : "") }.joined(separator: ", ")
            results.append(result("KR-DIFF-PATH", ruleIndex, .high, l,
                                  "\(c.path.start) now reaches \(c.goal.title)" + (hops.isEmpty ? " directly" : " in \(c.path.length) step(s): \(hops)"),
                                  fingerprint: "KR-DIFF-PATH|\(c.path.start)|\(c.goal.request.description)"))
        }
        let driver: JSONValue = ["name": "kube-reach", "version": .string(toolVersion), "semanticVersion": .string(toolVersion), "rules": .array(rules)]
        let run: JSONValue = [
            "tool": ["driver": driver], "results": .array(results), "columnKind": "unicodeCodePoints",
            "properties": ["reachResultsNotListed": .int(reach.notListed), "externalResultsNotListed": .int(external.notListed),
                           "resultsWithoutLocation": .int(unlocated)],
            "invocations": [["executionSuccessful": true]],
        ]
        return JSONText.encode(["$schema": .string(AuditSARIFFormatter.schemaURI), "version": "2.1.0", "runs": [run]])
    }

    static func reachResults(_ r: ReachDiff, _ ruleIndex: [String: Int]) -> (results: [JSONValue], notListed: Int) {
        var out: [JSONValue] = [], notListed = 0
        for c in r.changes where c.added >= 0 {
            guard out.count < reachResultLimit else { notListed += 1; continue }
            let src = r.peers[Int(c.source)], dst = r.peers[Int(c.destination)], set = r.connections[Int(c.added)].description
            out.append(result("KR-DIFF-REACH", ruleIndex, .low, r.locations[Int(c.destination)], "\(src) can now connect to \(dst): \(set)",
                              fingerprint: "KR-DIFF-REACH|\(src)|\(dst)|\(set)"))
        }
        return (out, notListed)
    }

    /// `KR-DIFF-EXTERNAL`: a (peer, direction, range) row that gained connections, located at the
    /// peer's manifest (at most ``reachResultLimit``).
    static func externalResults(_ r: ExternalReachDiff, _ ruleIndex: [String: Int]) -> (results: [JSONValue], notListed: Int) {
        var out: [JSONValue] = [], notListed = 0
        for c in r.changes where c.added >= 0 {
            guard out.count < reachResultLimit else { notListed += 1; continue }
            let peer = r.peers[Int(c.peer)], range = c.range.label, set = r.connections[Int(c.added)].description
            let (src, dst) = c.direction == .egress ? (peer, range) : (range, peer)
            out.append(result("KR-DIFF-EXTERNAL", ruleIndex, .low, r.locations[Int(c.peer)], "\(src) can now connect to \(dst): \(set)",
                              fingerprint: "KR-DIFF-EXTERNAL|\(src)|\(dst)|\(set)"))
        }
        return (out, notListed)
    }

    static func scopeText(_ s: ReachModel.Scope) -> String {
        s.namespace.map { "in namespace \($0)" } ?? "cluster-wide"
    }

    static func result(_ id: String, _ ruleIndex: [String: Int], _ severity: AuditSeverity, _ l: SourceLocation, _ text: String,
                       fingerprint: String) -> JSONValue {
        ["ruleId": .string(id), "ruleIndex": .int(ruleIndex[id] ?? 0), "level": .string(AuditSARIFFormatter.level(severity)), "kind": "fail",
         "message": ["text": .string(text)], "locations": [AuditSARIFFormatter.location(l)],
         "partialFingerprints": ["kubeReachFingerprint/v1": .string(fingerprint)]]
    }
}
