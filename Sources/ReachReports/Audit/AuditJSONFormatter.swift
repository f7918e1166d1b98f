import Audit
import ReachKit
import ReachModel

/// The audit report as JSON (sorted keys, see ``JSONText``), and baseline files.
public enum AuditJSONFormatter {
    /// `{"summary", "findings", "systemFindings", "suppressed", "notEvaluated", "passed", "diagnostics"}`;
    /// `systemFindings` is present (and `summary.system` non-zero) only when least-privilege checks
    /// found something on system RBAC; its list is empty unless `--include-system`.
    /// - Complexity: O(F) for F findings (plus key sorting).
    public static func json(_ report: AuditReport) -> String {
        var summary: [String: Any] = [
            "findings": report.findings.count, "suppressed": report.suppressed.count,
            "passed": report.passed.count, "notEvaluated": report.notEvaluated.count,
        ]
        for s in AuditSeverity.allCases { summary[s.rawValue] = report.findings.count { $0.severity == s } }
        var doc: [String: Any] = [
            "summary": summary,
            "findings": report.findings.map { finding($0, report) },
            "suppressed": report.suppressed.map { s -> [String: Any] in
                ["id": s.finding.checkID, "subject": s.finding.subject, "reason": s.reason.rawValue,
                 "fingerprint": s.finding.fingerprint]
            },
            "notEvaluated": report.notEvaluated.map { ["id": $0.checkID, "reason": $0.reason] },
            "passed": report.passed,
            "diagnostics": report.diagnostics.map(DiagnosticsFormatter.jsonObject),
        ]
        if !report.systemFindings.isEmpty {
            summary["system"] = report.systemFindings.count
            summary["systemShown"] = report.systemShown
            doc["summary"] = summary
            doc["systemFindings"] = report.systemShown ? report.systemFindings.map { finding($0, report) } : []
        }
        return JSONText.encode(doc)
    }

    static func finding(_ f: Finding, _ report: AuditReport) -> [String: Any] {
        let info = report.info(f.checkID)
        var out: [String: Any] = [
            "id": f.checkID, "severity": f.severity.rawValue, "title": info?.title ?? "",
            "subject": f.subject, "message": f.message, "fingerprint": f.fingerprint,
            "rationale": info?.rationale ?? "", "remediation": info?.remediation ?? "",
            "locations": f.locations.map { ["file": $0.file, "document": $0.document, "line": $0.line, "column": $0.column] },
        ]
        if let fix = f.fix { out["fix"] = fix }
        if f.system { out["system"] = true }
        return out
    }

    /// A baseline file holding the fingerprints of every finding of `report` (suppressed ones too).
    public static func baseline(_ report: AuditReport) -> String {
        JSONText.encode(["version": 1, "tool": "kube-reach", "fingerprints": Array(Set(report.allFindings.map(\.fingerprint))).sorted()])
    }
}
