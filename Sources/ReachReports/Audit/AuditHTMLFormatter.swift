import Audit
import ReachKit
import ReachModel

/// The audit report as HTML: a section for ``ClusterReport`` pages and a standalone page
/// (`audit -o html`). Same content as the text form: counts, findings grouped by severity (each
/// with subject, message, file:line, why and fix), not-evaluated checks, suppressed findings,
/// load diagnostics. Formatting only.
public enum AuditHTMLFormatter {
    /// A self-contained page (inline CSS, no scripts or fetches).
    /// - Complexity: O(F log F) for F findings.
    public static func page(_ report: AuditReport, title: String = "kube-reach audit") -> String {
        var page = HTMLReport(title: title, subtitle: AuditTextFormatter.summary(report))
        page.sections = sections(report)
        return page.render()
    }

    /// One section with everything (for the cluster report).
    public static func section(_ report: AuditReport) -> HTMLReport.Section {
        let body = sections(report).map { "<h3>\(HTML.escape($0.title))</h3>" + $0.body }.joined()
        return HTMLReport.Section(id: "audit", title: "Audit findings",
                                  body: "<p class=\"note\">\(HTML.escape(AuditTextFormatter.summary(report)))</p>" + body)
    }

    /// One row per finding: severity, check, subject, message, file:line, and the fix (the
    /// finding's own when it has one, else the check's).
    static func findingsTable(_ findings: [Finding], _ report: AuditReport) -> String {
        let rows = findings.map { f -> [String] in
            let info = report.info(f.checkID)
            let where_ = f.locations.map { HTML.escape("\($0.file):\($0.line)") }.joined(separator: "<br/>")
            return ["<span class=\"sev-\(f.severity.rawValue)\">\(f.severity.rawValue)</span>",
                    "<b>\(HTML.escape(f.checkID))</b><br/>\(HTML.escape(info?.title ?? ""))",
                    HTML.escape(f.subject), HTML.escape(f.message), where_,
                    HTML.escape(f.fix ?? info?.remediation ?? "")]
        }
        return HTML.table(["Severity", "Check", "Subject", "Finding", "Where", "Fix"], rows, limit: 500)
    }

    static func sections(_ report: AuditReport) -> [HTMLReport.Section] {
        var out: [HTMLReport.Section] = []
        out.append(HTMLReport.Section(id: "audit-summary", title: "Summary", body: HTML.cards(
            AuditSeverity.allCases.reversed().map { s in (String(report.findings.count { $0.severity == s }), "\(s.rawValue) findings") }
            + [(String(report.passed.count), "checks passed"), (String(report.notEvaluated.count), "not evaluated"),
               (String(report.suppressed.count), "suppressed")])))
        out.append(HTMLReport.Section(id: "audit-findings", title: "Findings", body: findingsTable(report.findings, report)))
        if report.systemShown && !report.systemFindings.isEmpty {
            out.append(HTMLReport.Section(id: "audit-system", title: "System RBAC (Kubernetes bootstrap and AKS-managed; not counted by --fail-on)",
                                          body: findingsTable(report.systemFindings, report)))
        }
        let checks = Set((report.findings + (report.systemShown ? report.systemFindings : [])).map(\.checkID)).sorted().compactMap { report.info($0) }
        out.append(HTMLReport.Section(id: "audit-checks", title: "Why these checks matter", body: HTML.table(
            ["Check", "Rationale", "Recommendation"],
            checks.map { ["<b>\(HTML.escape($0.id))</b>", HTML.escape($0.rationale), HTML.escape($0.recommendation)] })))
        out.append(HTMLReport.Section(id: "audit-not-evaluated", title: "Not evaluated", body: HTML.table(
            ["Check", "Reason"], report.notEvaluated.map { [HTML.escape($0.checkID), HTML.escape($0.reason)] })))
        out.append(HTMLReport.Section(id: "audit-suppressed", title: "Suppressed", body: HTML.table(
            ["Check", "Subject", "Reason"],
            report.suppressed.map { [HTML.escape($0.finding.checkID), HTML.escape($0.finding.subject), HTML.escape($0.reason.rawValue)] })))
        let problems = report.diagnostics.filter { $0.severity != .info }
        if !problems.isEmpty {
            out.append(HTMLReport.Section(id: "audit-diagnostics", title: "Load diagnostics", body: ClusterReport.diagnosticsTable(problems)))
        }
        return out
    }
}
