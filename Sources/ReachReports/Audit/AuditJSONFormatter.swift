import Audit
import ReachKit
import ReachModel

/// The audit report as JSON (sorted keys, see ``JSONText``), and baseline files.
public enum AuditJSONFormatter {
    /// `{"summary", "findings", "systemFindings", "suppressed", "notEvaluated", "passed", "diagnostics"}`;
    /// `systemFindings` is present (and `summary.system` non-zero) only when least-privilege checks
    /// found something on system RBAC; its list is empty unless `--include-system`.
    /// - Complexity: O(F) for F findings (plus key sorting).
    public static func json(_ report: AuditReport) -> String { JSONText.encode(document(report)) }

    /// The document of ``json(_:)`` (to stream with ``JSONText/write(_:to:)``).
    public static func document(_ report: AuditReport) -> JSONValue {
        var summary: JSONValue = [
            "findings": .int(report.findings.count), "suppressed": .int(report.suppressed.count),
            "passed": .int(report.passed.count), "notEvaluated": .int(report.notEvaluated.count),
        ]
        for s in AuditSeverity.allCases { summary[s.rawValue] = .int(report.findings.count { $0.severity == s }) }
        var doc: JSONValue = [
            "findings": .array(report.findings.map { finding($0, report) }),
            "suppressed": .array(report.suppressed.map { s -> JSONValue in
                ["id": .string(s.finding.checkID), "subject": .string(s.finding.subject), "reason": .string(s.reason.rawValue),
                 "fingerprint": .string(s.finding.fingerprint)]
            }),
            "notEvaluated": .array(report.notEvaluated.map { ["id": .string($0.checkID), "reason": .string($0.reason)] }),
            "passed": .strings(report.passed),
            "diagnostics": .array(report.diagnostics.map(DiagnosticsFormatter.jsonObject)),
        ]
        if !report.systemFindings.isEmpty {
            summary["system"] = .int(report.systemFindings.count)
            summary["systemShown"] = .bool(report.systemShown)
            doc["systemFindings"] = .array(report.systemShown ? report.systemFindings.map { finding($0, report) } : [])
        }
        doc["summary"] = summary
        return doc
    }

    static func finding(_ f: Finding, _ report: AuditReport) -> JSONValue {
        let info = report.info(f.checkID)
        var out: JSONValue = [
            "id": .string(f.checkID), "severity": .string(f.severity.rawValue), "title": .string(info?.title ?? ""),
            "subject": .string(f.subject), "message": .string(f.message), "fingerprint": .string(f.fingerprint),
            "rationale": .string(info?.rationale ?? ""), "remediation": .string(info?.remediation ?? ""),
            "locations": .array(f.locations.map { ["file": .string($0.file), "document": .int($0.document), "line": .int($0.line),
                                                   "column": .int($0.column)] }),
        ]
        if let fix = f.fix { out["fix"] = .string(fix) }
        if f.system { out["system"] = true }
        return out
    }

    /// A baseline file holding the fingerprints of every finding of `report` (suppressed ones too).
    public static func baseline(_ report: AuditReport) -> String {
        JSONText.encode(["version": 1, "tool": "kube-reach", "fingerprints": .strings(Array(Set(report.allFindings.map(\.fingerprint))).sorted())])
    }
}
