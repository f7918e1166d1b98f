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
        var results: [[String: Any]] = report.findings.map { result($0, ruleIndex, suppression: nil) }
        results += report.suppressed.map { result($0.finding, ruleIndex, suppression: $0.reason) }
        if report.systemShown { results += report.systemFindings.map { result($0, ruleIndex, suppression: nil) } }
        // Checks that need data outside the inputs are `open` results; checks skipped because an
        // input (-f or --aks) was not given are only listed in the run's properties.
        func needsExternalData(_ n: NotEvaluated) -> Bool { report.info(n.checkID)?.needs.map { "needs \($0)" } == n.reason }
        let open = report.notEvaluated.filter(needsExternalData)
        let skipped = report.notEvaluated.filter { !needsExternalData($0) }
        results += open.map { n in
            ["ruleId": n.checkID, "ruleIndex": ruleIndex[n.checkID] ?? 0, "kind": "open", "level": "none",
             "message": ["text": "Not evaluated: \(n.reason)"]]
        }
        let driver: [String: Any] = [
            "name": "kube-reach", "version": toolVersion, "semanticVersion": toolVersion,
            "rules": report.checks.map(rule),
        ]
        let run: [String: Any] = [
            "tool": ["driver": driver],
            "results": results,
            "columnKind": "unicodeCodePoints",
            "properties": properties(report, skipped),
            "invocations": [["executionSuccessful": !report.diagnostics.contains { $0.severity == .error }]],
        ]
        return JSONText.encode(["$schema": schemaURI, "version": "2.1.0", "runs": [run]])
    }

    /// Run properties: checks skipped for a missing input; the number of system-RBAC findings
    /// hidden without `--include-system`.
    static func properties(_ report: AuditReport, _ skipped: [NotEvaluated]) -> [String: Any] {
        var p: [String: Any] = ["notEvaluated": skipped.map { ["id": $0.checkID, "reason": $0.reason] }]
        if !report.systemShown && !report.systemFindings.isEmpty { p["systemFindingsHidden"] = report.systemFindings.count }
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

    static func rule(_ info: CheckInfo) -> [String: Any] {
        [
            "id": info.id, "name": info.id.replacingOccurrences(of: "-", with: ""),
            "shortDescription": ["text": info.title],
            "fullDescription": ["text": info.rationale],
            "help": ["text": "\(info.remediation) (implements: \(info.recommendation))"],
            "defaultConfiguration": ["level": level(info.severity)],
            "properties": ["tags": ["security", info.input.rawValue], "security-severity": securitySeverity(info.severity)],
        ]
    }

    static func result(_ f: Finding, _ ruleIndex: [String: Int], suppression: SuppressedFinding.Reason?) -> [String: Any] {
        var r: [String: Any] = [
            "ruleId": f.checkID, "ruleIndex": ruleIndex[f.checkID] ?? 0, "level": level(f.severity), "kind": "fail",
            "message": ["text": "\(f.subject): \(f.message)" + (f.fix.map { ". Fix: \($0)" } ?? "")],
            "locations": f.locations.map(location),
            "partialFingerprints": ["kubeReachFingerprint/v1": f.fingerprint],
        ]
        if f.system { r["properties"] = ["system": true] }
        if let suppression {
            r["suppressions"] = [["kind": suppression == .annotation ? "inSource" : "external",
                                  "justification": "suppressed by \(suppression.rawValue)"]]
        }
        return r
    }

    static func location(_ l: SourceLocation) -> [String: Any] {
        var physical: [String: Any] = ["artifactLocation": ["uri": uri(l.file)]]
        if l.line >= 1 { physical["region"] = ["startLine": l.line, "startColumn": max(l.column, 1)] }
        return ["physicalLocation": physical]
    }

    /// A relative path stays relative (percent-encoded); an absolute one becomes a `file://` URI.
    static func uri(_ path: String) -> String {
        let encoded = path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? path
        return path.hasPrefix("/") ? "file://" + encoded : encoded
    }
}
