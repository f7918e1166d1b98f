import Audit
import Foundation
import ReachKit
import ReachModel

/// The audit report as SARIF 2.1.0: one rule per check (ruleId = check ID), one result per
/// finding located at the manifest or cluster-JSON line; suppressed findings carry `suppressions`;
/// checks that need data `az aks show` lacks are results of kind `open`.
public enum AuditSARIFFormatter {
    public static let schemaURI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"

    /// - Complexity: O(F + C) for F findings and C checks.
    public static func sarif(_ report: AuditReport, toolVersion: String = "0.1.0") -> String {
        let ruleIndex = Dictionary(uniqueKeysWithValues: report.checks.enumerated().map { ($1.id, $0) })
        var results: [JSONValue] = report.findings.map { result($0, ruleIndex, suppression: nil) }
        results += report.suppressed.map { result($0.finding, ruleIndex, suppression: $0.reason) }
        if report.systemShown { results += report.systemFindings.map { result($0, ruleIndex, suppression: nil) } }
        // Checks that need data outside the inputs are `open` results; checks skipped because an
        // input (-f or --aks) was not given are only listed in the run's properties.
        func needsExternalData(_ n: NotEvaluated) -> Bool { report.info(n.checkID)?.needs.map { "needs \($0)" } == n.reason }
        let open = report.notEvaluated.filter(needsExternalData)
        let skipped = report.notEvaluated.filter { !needsExternalData($0) }
        results += open.map { n in
            ["ruleId": .string(n.checkID), "ruleIndex": .int(ruleIndex[n.checkID] ?? 0), "kind": "open", "level": "none",
             "message": ["text": .string("Not evaluated: \(n.reason)")]]
        }
        let driver: JSONValue = [
            "name": "kube-reach", "version": .string(toolVersion), "semanticVersion": .string(toolVersion),
            "rules": .array(report.checks.map(rule)),
        ]
        let run: JSONValue = [
            "tool": ["driver": driver],
            "results": .array(results),
            "columnKind": "unicodeCodePoints",
            "properties": properties(report, skipped),
            "invocations": [["executionSuccessful": .bool(!report.diagnostics.contains { $0.severity == .error })]],
        ]
        return JSONText.encode(["$schema": .string(schemaURI), "version": "2.1.0", "runs": [run]])
    }

    /// Run properties: checks skipped for a missing input; the number of system-RBAC findings
    /// hidden without `--include-system`.
    static func properties(_ report: AuditReport, _ skipped: [NotEvaluated]) -> JSONValue {
        var p: JSONValue = ["notEvaluated": .array(skipped.map { ["id": .string($0.checkID), "reason": .string($0.reason)] })]
        if !report.systemShown && !report.systemFindings.isEmpty { p["systemFindingsHidden"] = .int(report.systemFindings.count) }
        return p
    }

    static func level(_ s: AuditSeverity) -> String {
        switch s {
        case .high: "error"
        case .medium: "warning"
        case .low: "note"
        }
    }

    /// GitHub code scanning's numeric severity (high ≥ 7, medium ≥ 4, low < 4).
    static func securitySeverity(_ s: AuditSeverity) -> String {
        switch s {
        case .high: "8.0"
        case .medium: "5.0"
        case .low: "2.0"
        }
    }

    static func rule(_ info: CheckInfo) -> JSONValue {
        [
            "id": .string(info.id), "name": .string(info.id.replacingOccurrences(of: "-", with: "")),
            "shortDescription": ["text": .string(info.title)],
            "fullDescription": ["text": .string(info.rationale)],
            "help": ["text": .string("\(info.remediation) (implements: \(info.recommendation))")],
            "defaultConfiguration": ["level": .string(level(info.severity))],
            "properties": ["tags": ["security", .string(info.input.rawValue)], "security-severity": .string(securitySeverity(info.severity))],
        ]
    }

    static func result(_ f: Finding, _ ruleIndex: [String: Int], suppression: SuppressedFinding.Reason?) -> JSONValue {
        var r: JSONValue = [
            "ruleId": .string(f.checkID), "ruleIndex": .int(ruleIndex[f.checkID] ?? 0), "level": .string(level(f.severity)), "kind": "fail",
            "message": ["text": .string("\(f.subject): \(f.message)" + (f.fix.map { ". Fix: \($0)" } ?? ""))],
            "locations": .array(f.locations.map(location)),
            "partialFingerprints": ["kubeReachFingerprint/v1": .string(f.fingerprint)],
        ]
        if f.system { r["properties"] = ["system": true] }
        if let suppression {
            r["suppressions"] = [["kind": suppression == .annotation ? "inSource" : "external",
                                  "justification": .string("suppressed by \(suppression.rawValue)")]]
        }
        return r
    }

    static func location(_ l: SourceLocation) -> JSONValue {
        var physical: JSONValue = ["artifactLocation": ["uri": .string(uri(l.file))]]
        if l.line >= 1 { physical["region"] = ["startLine": .int(l.line), "startColumn": .int(max(l.column, 1))] }
        return ["physicalLocation": physical]
    }

    /// A relative path stays relative (percent-encoded); an absolute one becomes a `file://` URI.
    static func uri(_ path: String) -> String {
        let encoded = path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? path
        return path.hasPrefix("/") ? "file://" + encoded : encoded
    }
}
