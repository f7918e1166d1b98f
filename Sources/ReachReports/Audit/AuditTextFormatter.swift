import Audit
import ReachKit
import ReachModel

/// The audit report as text: a summary line, findings grouped by severity then check (each check
/// once with its rationale and fix), suppressed and not-evaluated checks, load diagnostics.
public enum AuditTextFormatter {
    /// - Complexity: O(F log F) for F findings.
    public static func text(_ report: AuditReport) -> String {
        var out = summary(report) + "\n"
        for severity in AuditSeverity.allCases.reversed() {
            let group = report.findings.filter { $0.severity == severity }
            guard !group.isEmpty else { continue }
            out += "\n\(severity.rawValue.uppercased()) (\(group.count))\n"
            for id in uniqueIDs(group) {
                out += checkBlock(id, group.filter { $0.checkID == id }, report)
            }
        }
        if report.systemShown && !report.systemFindings.isEmpty {
            out += "\nSYSTEM RBAC (\(report.systemFindings.count)): Kubernetes bootstrap and AKS-managed objects, not counted by --fail-on\n"
            for id in uniqueIDs(report.systemFindings) {
                out += checkBlock(id, report.systemFindings.filter { $0.checkID == id }, report, severity: true)
            }
        }
        out += notEvaluated(report)
        if !report.suppressed.isEmpty {
            out += "\nSuppressed (\(report.suppressed.count)):\n"
            for s in report.suppressed {
                out += "  \(s.finding.checkID)  \(t(s.finding.subject))  [\(s.reason.rawValue)]\n"
            }
        }
        let problems = report.diagnostics.filter { $0.severity != .info }
        if !problems.isEmpty { out += "\n" + DiagnosticsFormatter.text(problems) }
        return SafeText.terminalText(out)
    }

    static func summary(_ r: AuditReport) -> String {
        let counts = AuditSeverity.allCases.reversed().map { s in "\(r.findings.count { $0.severity == s }) \(s.rawValue)" }
        let n = r.findings.count
        var line = "kube-reach audit: \(n) finding\(n == 1 ? "" : "s") (\(counts.joined(separator: ", "))); "
            + "\(r.passed.count) checks passed, \(r.notEvaluated.count) not evaluated, \(r.suppressed.count) suppressed"
        let system = r.systemFindings.count
        if system > 0 {
            line += r.systemShown ? "; \(system) on system RBAC (listed apart)"
                : "; \(system) on system RBAC hidden (--include-system shows them)"
        }
        return line
    }

    static func uniqueIDs(_ findings: [Finding]) -> [String] {
        Array(Set(findings.map(\.checkID))).sorted()
    }

    static func checkBlock(_ id: String, _ findings: [Finding], _ report: AuditReport, severity: Bool = false) -> String {
        let info = report.info(id)
        var out = "  \(id)  \(info?.title ?? "")\(severity ? " [\(info?.severity.rawValue ?? "")]" : "")\n"
        for f in findings {
            out += "    - \(t(f.subject)): \(t(f.message))\n"
            for l in f.locations { out += "      at \(t(l))\n" }
            if let fix = f.fix { out += "      fix: \(t(fix))\n" }
        }
        if let info {
            out += "    why: \(info.rationale)\n"
            out += "    fix: \(info.remediation)\n"
        }
        return out
    }

    /// Not-evaluated checks, one line per distinct reason.
    static func notEvaluated(_ report: AuditReport) -> String {
        guard !report.notEvaluated.isEmpty else { return "" }
        var byReason: [String: [String]] = [:]
        for n in report.notEvaluated { byReason[n.reason, default: []].append(n.checkID) }
        var out = "\nNot evaluated (\(report.notEvaluated.count)):\n"
        for reason in byReason.keys.sorted() {
            out += "  \(t(reason)): \((byReason[reason] ?? []).sorted().joined(separator: ", "))\n"
        }
        return out
    }
}

/// An input-derived value for a text line, escaped (``SafeText/terminal(_:)``).
private func t(_ value: some CustomStringConvertible) -> String { SafeText.terminal(value.description) }
